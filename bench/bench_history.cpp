// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The local incident history at the size of a large org's year: 100,000 synthetic incidents
// (about 40 teams, 300 services, 2,000 hosts, 400 people; more pages by day than by night, about
// 85% acknowledged and 95% resolved) written to a history file in a temporary folder, in pages of
// 100 as the sync stores them; the file opened again (with its integrity check) and read into
// memory; then the searches of the Reports view, each with every figure (HistoryMetrics::compute,
// in Europe/Berlin): none, a text word, a team, a routing key, open phases, the last 30 days.
// Prints the time of the write, the open and the read, and the median and maximum of each search
// over the rounds.
//
// Usage: bench_history [incidents] [rounds]   (build with -DCMAKE_BUILD_TYPE=Release)
#include "historydatabase.h"
#include "historymetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace rota;

namespace {

constexpr int Teams = 40;
constexpr int Services = 300;
constexpr int Hosts = 2000;
constexpr int People = 400;
constexpr int RoutingKeys = 60;
constexpr qint64 Second = 1000;
constexpr qint64 Day = qint64(86400) * Second;

QString name(const char* stem, int n)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(stem)).arg(n, 3, 10, QLatin1Char('0'));
}

const QStringList& serviceWords()
{
    static const QStringList words { QStringLiteral("disk"), QStringLiteral("cpu"),
        QStringLiteral("memory"), QStringLiteral("http"), QStringLiteral("latency"),
        QStringLiteral("queue"), QStringLiteral("replication"), QStringLiteral("certificate"),
        QStringLiteral("backup"), QStringLiteral("dns") };
    return words;
}

//! A year of incidents ending at `endMs`, the same for every run.
QList<Incident> synthesise(int count, qint64 endMs)
{
    QRandomGenerator random(20261205);
    const qint64 startMs = endMs - 365 * Day;
    QList<Incident> out;
    out.reserve(count);
    for (int n = 1; n <= count; ++n) {
        Incident i;
        i.incidentNumber = QString::number(n);
        // Evenly over the year, then pulled towards working hours two times out of three.
        qint64 start = startMs + qint64(double(n) / count * double(365 * Day));
        if (random.bounded(3) != 0) {
            const qint64 dayStart = start - start % Day;
            start = dayStart + (7 + random.bounded(11)) * 3600 * Second
                + random.bounded(3600) * Second;
        }
        i.startTime = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
        i.lastAlertTime = i.startTime;
        i.alertCount = 1 + int(random.bounded(4));
        const int service = int(std::pow(random.generateDouble(), 2.0) * Services); // skewed
        const int host = int(std::pow(random.generateDouble(), 1.5) * Hosts);
        const int team = (service * 7 + int(random.bounded(3))) % Teams;
        i.service = name(qPrintable(serviceWords().at(service % serviceWords().size())), service);
        i.host = name("host", host) + QStringLiteral(".example.net");
        i.entityId = i.host + QLatin1Char('/') + i.service;
        i.entityDisplayName = QStringLiteral("%1 is critical on %2").arg(i.service, i.host);
        i.entityType = QStringLiteral("SERVICE");
        i.entityState = QStringLiteral("CRITICAL");
        i.routingKey = name("key", (team * 3 + service) % RoutingKeys);
        i.monitorName = QStringLiteral("nagios");
        i.monitorType = QStringLiteral("NAGIOS");
        i.pagedTeams = { name("team", team) };
        if (random.bounded(10) == 0)
            i.pagedTeams.append(name("team", (team + 1) % Teams));
        const int person = (team * 10 + int(random.bounded(10))) % People;
        i.pagedUsers = { name("user", person) };
        TeamPolicy policy;
        policy.policySlug = name("pol", team);
        policy.policyName = QStringLiteral("Primary");
        policy.teamSlug = i.pagedTeams.first();
        policy.teamName = i.pagedTeams.first();
        i.pagedPolicies = { policy };

        const auto happen = [&i](Phase phase, const char* word, qint64 atMs, const QString& by) {
            IncidentTransition t;
            t.name = QLatin1String(word);
            t.phase = phase;
            t.at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
            t.by = by;
            t.manually = by != i.monitorName;
            i.transitions.append(t);
            i.phase = phase;
        };
        happen(Phase::Triggered, "triggered", start, i.monitorName);
        // The newest few are still open.
        const bool recent = n > count - 200;
        qint64 at = start;
        // Times to act drawn from exponential distributions (means of 5 and 40 minutes).
        const auto after = [&random](double meanSeconds) {
            return qint64(-std::log(1 - random.generateDouble()) * meanSeconds) * Second + Second;
        };
        if (!recent && random.bounded(100) < 85) {
            at += after(300);
            happen(Phase::Acknowledged, "acknowledged", at, i.pagedUsers.first());
        }
        if (!recent && random.bounded(100) < 95) {
            at += after(2400);
            happen(Phase::Resolved, "resolved", at,
                i.phase == Phase::Acknowledged ? i.pagedUsers.first() : i.monitorName);
        }
        i.phaseName = phaseToApi(i.phase);
        out.append(i);
    }
    return out;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 20;
    const qint64 endMs = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

    QElapsedTimer timer;
    timer.start();
    const QList<Incident> incidents = synthesise(count, endMs);
    std::printf("%d synthetic incidents made in %lld ms\n", count, timer.elapsed());

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QList<HistoryIncident> loaded;
    {
        HistoryDatabase db(QStringLiteral("bench-write"));
        QString message;
        if (db.open(path, &message) != HistoryDatabase::OpenResult::Created) {
            std::fprintf(stderr, "cannot make the history: %s\n", qPrintable(message));
            return 1;
        }
        timer.restart();
        HistorySyncState state;
        for (qsizetype at = 0; at < incidents.size(); at += 100) {
            const QList<Incident> page = incidents.mid(at, 100);
            state.newestMs = page.last().startTime.toMSecsSinceEpoch();
            QString error;
            if (!db.storeIncidents(page, state, &error)) {
                std::fprintf(stderr, "write failed: %s\n", qPrintable(error));
                return 1;
            }
        }
        const qint64 writeMs = timer.elapsed();
        std::printf("write: %lld ms in %lld transactions of 100 (%.1f MB on disk with its log)\n",
            writeMs, qint64((count + 99) / 100),
            double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6);
    }
    {
        HistoryDatabase db(QStringLiteral("bench-read"));
        timer.restart();
        QString message;
        if (db.open(path, &message) != HistoryDatabase::OpenResult::Opened) {
            std::fprintf(stderr, "cannot open the history: %s\n", qPrintable(message));
            return 1;
        }
        const qint64 openMs = timer.elapsed();
        timer.restart();
        QString error;
        const auto all = db.loadIncidents(&error);
        if (!all) {
            std::fprintf(stderr, "read failed: %s\n", qPrintable(error));
            return 1;
        }
        loaded = *all;
        std::printf("open (with quick_check): %lld ms; read %lld incidents: %lld ms\n", openMs,
            qint64(loaded.size()), timer.elapsed());
        std::printf("file: %.1f MB\n", double(QFileInfo(path).size()) / 1e6);
    }

    const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC);
    struct Search {
        const char* label;
        HistoryFilter filter;
    };
    QList<Search> searches;
    searches.append(Search { "none", {} });
    HistoryFilter f;
    f.text = QStringLiteral("replication");
    searches.append(Search { "text \"replication\"", f });
    f = {};
    f.text = QStringLiteral("host-01");
    searches.append(Search { "text \"host-01\"", f });
    f = {};
    f.team = name("team", 7);
    searches.append(Search { "team team-007", f });
    f = {};
    f.routingKey = name("key", 12);
    searches.append(Search { "routing key key-012", f });
    f = {};
    f.phases = { Phase::Triggered, Phase::Acknowledged };
    searches.append(Search { "phase open", f });
    f = {};
    f.from = now.addDays(-30);
    f.to = now;
    searches.append(Search { "last 30 days", f });

    std::printf("\n%-22s %9s %11s %9s   (%d rounds: filter + HistoryMetrics::compute)\n", "search",
        "matching", "median ms", "max ms", rounds);
    for (const Search& search : std::as_const(searches)) {
        QList<double> times;
        int matching = 0;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer t;
            t.start();
            QList<const HistoryIncident*> found;
            for (const HistoryIncident& h : std::as_const(loaded)) {
                if (search.filter.matches(h))
                    found.append(&h);
            }
            const HistoryReport report
                = HistoryMetrics::compute(found, QStringLiteral("user-070"), {}, zone, now);
            times.append(double(t.nsecsElapsed()) / 1e6);
            matching = report.matching;
        }
        std::printf("%-22s %9d %11.1f %9.1f\n", search.label, matching, median(times),
            *std::max_element(times.cbegin(), times.cend()));
    }
    return 0;
}
