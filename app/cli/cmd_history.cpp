// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// reports incidents --cached and reports sync: the incident history kept on this computer.

#include "accountstore.h"
#include "history.h"
#include "historydatabase.h"
#include "historystore.h"
#include "historysync.h"

#include <QFile>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace rota::cli {

namespace {

const char* const kFileHelp = "the history file (default: the account's, the one Rota keeps)";

//! Ctrl+C while syncing: the handler only notes it; the event loop stops the sync.
volatile std::sig_atomic_t s_interrupted = 0;

extern "C" void noteInterrupt(int) { s_interrupted = 1; }

QString count(qint64 n) { return QLocale(QLocale::English).toString(n); }

//! The history file: --file, else the account's. A local run (--cached) looks the account up by
//! --account or takes the current one; a run with the API takes the account it signed in with.
std::optional<QString> historyFile(Invocation& inv, bool local)
{
    if (inv.args.has(QStringLiteral("file")))
        return inv.args.value(QStringLiteral("file"));
    QString id = inv.run.accountId();
    if (id.isEmpty() && local) {
        const AccountStore accounts;
        const QString name = inv.run.accountName();
        const std::optional<Account> account
            = name.isEmpty() ? accounts.current() : accounts.find(name);
        if (!account) {
            inv.run.usageError(name.isEmpty()
                    ? QStringLiteral("there is no saved account whose history to read: add one "
                                     "with 'rotactl accounts add', choose one with --account "
                                     "NAME, or give --file PATH")
                    : QStringLiteral("no account named '%1' (see 'rotactl accounts list')")
                          .arg(name));
            return std::nullopt;
        }
        id = account->id;
    }
    if (id.isEmpty()) {
        inv.run.usageError(QStringLiteral(
            "the history is kept per saved account, and this run has none: its credentials came "
            "from VO_API_ID and VO_API_KEY. Use a saved account (--account NAME, or unset them "
            "for the current one), or give --file PATH"));
        return std::nullopt;
    }
    return HistoryDatabase::defaultPath(id);
}

struct NumberRange {
    qint64 first = 0;
    qint64 last = 0;
};

//! "4,5,20:50" as the reporting API reads it; nullopt when malformed.
std::optional<QList<NumberRange>> numberRanges(const QString& text)
{
    QList<NumberRange> ranges;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QStringList ends = part.split(QLatin1Char(':'));
        bool firstOk = false;
        bool lastOk = false;
        const qint64 first = ends.first().trimmed().toLongLong(&firstOk);
        const qint64 last = ends.last().trimmed().toLongLong(&lastOk);
        if (ends.size() > 2 || !firstOk || !lastOk || last < first)
            return std::nullopt;
        ranges.append({ first, last });
    }
    if (ranges.isEmpty())
        return std::nullopt;
    return ranges;
}

bool matches(const HistoryIncident& incident, const ReportingQuery& query,
    const QList<Phase>& phases, const QList<NumberRange>& numbers)
{
    if (!phases.contains(incident.phase))
        return false;
    if (!query.entityId.isEmpty() && incident.entityId != query.entityId)
        return false;
    if (!query.host.isEmpty() && !query.host.contains(incident.host))
        return false;
    if (!query.service.isEmpty() && !query.service.contains(incident.service))
        return false;
    if (!query.routingKey.isEmpty() && incident.routingKey != query.routingKey)
        return false;
    // As the API: both bounds exclusive.
    if (query.startedAfter.isValid() && incident.startMs <= query.startedAfter.toMSecsSinceEpoch())
        return false;
    if (query.startedBefore.isValid()
        && incident.startMs >= query.startedBefore.toMSecsSinceEpoch())
        return false;
    if (!numbers.isEmpty()) {
        const bool inRange
            = std::any_of(numbers.cbegin(), numbers.cend(), [&incident](const NumberRange& r) {
                  return incident.number >= r.first && incident.number <= r.last;
              });
        if (!inRange)
            return false;
    }
    return true;
}

QString openProblem(HistoryDatabase::OpenResult result, const QString& path, const QString& message)
{
    switch (result) {
    case HistoryDatabase::OpenResult::Opened:
    case HistoryDatabase::OpenResult::Created:
        return QString();
    case HistoryDatabase::OpenResult::Rebuilt:
        return QStringLiteral("the history file %1 could not be read and was set aside: %2")
            .arg(path, message);
    case HistoryDatabase::OpenResult::TooNew:
        return QStringLiteral("the history file %1 was written by a newer Rota: %2")
            .arg(path, message);
    case HistoryDatabase::OpenResult::Failed:
        return QStringLiteral("cannot open the history file %1: %2").arg(path, message);
    }
    return message;
}

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

} // namespace

void runCachedIncidents(Invocation& inv, const ReportingQuery& query)
{
    CommandRun& run = inv.run;
    if (inv.args.has(QStringLiteral("v1"))) {
        run.usageError(QStringLiteral("--cached reads the history kept on this computer; --v1 "
                                      "does not apply to it"));
        return;
    }
    const std::optional<QString> path = historyFile(inv, true);
    if (!path)
        return;
    if (!QFile::exists(*path)) {
        run.apiFailure(QStringLiteral("no history is stored yet (%1): 'rotactl reports sync' "
                                      "reads it, or Rota does while it runs")
                           .arg(*path));
        return;
    }
    QList<NumberRange> numbers;
    if (!query.incidentNumber.isEmpty()) {
        const auto ranges = numberRanges(query.incidentNumber);
        if (!ranges) {
            run.usageError(QStringLiteral("--number takes numbers and ranges like 4,5,20:50"));
            return;
        }
        numbers = *ranges;
    }
    if (query.limit <= 0 || query.offset < 0) {
        run.usageError(QStringLiteral("--limit must be at least 1 and --offset at least 0"));
        return;
    }

    HistoryDatabase database(QStringLiteral("rotactl-history"));
    QString message;
    const HistoryDatabase::OpenResult opened = database.open(*path, &message);
    const QString problem = openProblem(opened, *path, message);
    if (!problem.isEmpty()) {
        run.apiFailure(problem);
        return;
    }
    QString error;
    const std::optional<QList<HistoryIncident>> stored = database.loadIncidents(&error);
    if (!stored) {
        run.apiFailure(QStringLiteral("cannot read the history file %1: %2").arg(*path, error));
        return;
    }
    // As the API: without --phase, the resolved ones only.
    const QList<Phase> phases
        = query.currentPhase.isEmpty() ? QList<Phase> { Phase::Resolved } : query.currentPhase;
    QList<const HistoryIncident*> found;
    for (const HistoryIncident& incident : *stored) {
        if (matches(incident, query, phases, numbers))
            found.append(&incident);
    }
    std::stable_sort(
        found.begin(), found.end(), [](const HistoryIncident* a, const HistoryIncident* b) {
            return a->startMs != b->startMs ? a->startMs > b->startMs : a->number > b->number;
        });

    ReportingIncidentList page;
    page.offset = query.offset;
    page.limit = query.limit;
    page.total = static_cast<int>(found.size());
    const qsizetype end = std::min<qsizetype>(found.size(), qsizetype(query.offset) + query.limit);
    for (qsizetype i = query.offset; i < end; ++i) {
        if (const std::optional<Incident> incident = database.incident(found.at(i)->number))
            page.incidents.append(*incident);
    }
    const HistorySyncState state = database.syncState();
    database.close();

    if (run.json()) {
        run.printJson(page.toJson());
    } else {
        if (!page.incidents.isEmpty()) {
            run.out() << "Incidents " << page.offset + 1 << "-"
                      << page.offset + page.incidents.size() << " of " << page.total << ":\n";
        }
        Table table = incidentTable();
        for (const Incident& incident : std::as_const(page.incidents))
            addIncident(table, incident);
        table.print(run.out(), QStringLiteral("No incidents match (%1 in all).").arg(page.total));
    }
    // Where it came from, beside the answer rather than in it.
    run.err() << "rotactl: from the history stored on this computer"
              << (state.lastSyncMs > 0 ? QStringLiteral(", last read %1")
                                             .arg(localTime(QDateTime::fromMSecsSinceEpoch(
                                                 state.lastSyncMs, QTimeZone::utc())))
                                       : QString())
              << (state.backfillDone ? QString()
                                     : QStringLiteral(" (not all of it is read yet: 'rotactl "
                                                      "reports sync')"))
              << ".\n";
    run.finish(ExitOk);
}

Verb historySyncVerb()
{
    return VerbDef("sync", "",
        "Read the incident history into the file Rota keeps, until all of it is read (or back to "
        "--until), then exit.")
        .option("until", "TIME",
            "read back to this start only: ISO 8601 (2026-01-01), or relative like -30d")
        .option("file", "PATH", kFileHelp)
        .details("The history allows one call a minute of 100 incidents: a large organisation's "
                 "year takes hours.\nCtrl+C stops after the page being stored; the next sync "
                 "goes on from there, as does Rota.\nExample: rotactl reports sync --until -90d")
        .calls(ops::searchIncidentHistory)
        .run([](Invocation& inv) {
            CommandRun& run = inv.run;
            std::optional<QDateTime> until;
            if (inv.args.has(QStringLiteral("until"))) {
                const QString text = inv.args.value(QStringLiteral("until"));
                until = parseTime(text);
                if (!until) {
                    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
                    if (date.isValid())
                        until = QDateTime(date, QTime(0, 0)).toUTC();
                }
                if (!until) {
                    run.usageError(QStringLiteral("--until is not a time: '%1'").arg(text));
                    return;
                }
            }
            const std::optional<QString> path = historyFile(inv, false);
            if (!path)
                return;

            auto* store = new HistoryStore(&run);
            auto* sync = new HistorySync(&run.client(), store, store);
            // Without --until the whole history: a limit of an earlier sync is lifted.
            sync->setUntil(until.value_or(QDateTime()));
            const bool terminal = !run.json() && ::isatty(STDOUT_FILENO) == 1;
            auto line = [sync] {
                const int total = sync->total();
                return total < 0
                    ? count(sync->stored())
                    : QStringLiteral("%1 of %2").arg(count(sync->stored()), count(total));
            };
            QObject::connect(store, &HistoryStore::opened, &run,
                [&run, path](HistoryDatabase::OpenResult result, const QString& message) {
                    const QString problem = openProblem(result, *path, message);
                    if (result == HistoryDatabase::OpenResult::Rebuilt)
                        run.err() << "rotactl: " << problem << '\n';
                    else if (!problem.isEmpty())
                        run.apiFailure(problem);
                });
            if (!terminal && !run.json()) {
                QObject::connect(sync, &HistorySync::pageStored, &run, [&run, line](int added) {
                    run.out() << line() << " incidents stored (" << added << " new)\n";
                    run.out().flush();
                });
            }
            if (terminal) {
                // One line, written over every second: how far, and when the next call goes.
                auto* ticker = new QTimer(sync);
                QObject::connect(ticker, &QTimer::timeout, &run, [&run, sync, line] {
                    const QString text
                        = line() + QString::fromUtf8(" \xc2\xb7 ") + lowerFirst(sync->stateText());
                    run.out() << '\r' << text.leftJustified(79) << Qt::flush;
                });
                ticker->start(1000);
            }
            auto finished = [&run, sync, terminal](int code, const QString& text) {
                if (terminal)
                    run.out() << '\r' << QString().leftJustified(79) << '\r';
                if (run.json()) {
                    run.printJson(QJsonObject {
                        { QStringLiteral("stored"), sync->stored() },
                        { QStringLiteral("total"), sync->total() },
                        { QStringLiteral("complete"), sync->remainingMs() == 0 && code == ExitOk },
                        { QStringLiteral("coverage"), sync->coverageText() },
                    });
                } else {
                    run.out() << text << '\n';
                }
                run.finish(code);
            };
            QObject::connect(sync, &HistorySync::stateChanged, &run,
                [&run, sync, finished](HistorySync::State state) {
                    if (run.isFinished())
                        return;
                    if (state == HistorySync::State::CaughtUp) {
                        finished(ExitOk, sync->coverageText());
                        return;
                    }
                    if (state != HistorySync::State::Failed)
                        return;
                    const ApiError error = sync->lastError();
                    switch (error.kind) {
                    case ApiErrorKind::Network:
                    case ApiErrorKind::Timeout:
                    case ApiErrorKind::Server:
                    case ApiErrorKind::Throttled:
                    case ApiErrorKind::BadResponse:
                        if (error.isError()) {
                            // Passing trouble: the sync tries again by itself.
                            run.err() << "rotactl: " << sync->stateText() << '\n';
                            run.err().flush();
                            return;
                        }
                        break;
                    default:
                        break;
                    }
                    if (error.isError())
                        run.fail(error);
                    else
                        run.apiFailure(sync->stateText());
                });
            s_interrupted = 0;
            std::signal(SIGINT, noteInterrupt);
            auto* watch = new QTimer(sync);
            QObject::connect(watch, &QTimer::timeout, &run, [sync, finished] {
                if (!s_interrupted)
                    return;
                s_interrupted = 0;
                sync->stop();
                finished(130,
                    QStringLiteral("Stopped: %1 incidents stored; 'rotactl reports sync' goes on "
                                   "from there.")
                        .arg(count(sync->stored())));
            });
            watch->start(100);
            store->open(*path);
            sync->start();
        });
}

} // namespace rota::cli
