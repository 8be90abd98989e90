// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historystore.h"

#include "historymetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

namespace rota {

namespace {

Q_LOGGING_CATEGORY(lcHistoryStore, "rota.models")

bool newerFirst(const HistoryIncident& a, const HistoryIncident& b)
{
    if (a.startMs != b.startMs)
        return a.startMs > b.startMs;
    return a.number > b.number;
}

QString nextConnectionName()
{
    static std::atomic<int> counter { 0 };
    return QStringLiteral("rota-history-%1").arg(++counter);
}

//! What a write did, as the store's thread learns it.
struct StoreOutcome {
    bool ok = false;
    QString error;
    int added = 0;
    int stored = 0; //!< incidents in the store after it
    HistorySyncState state; //!< as stored after it
};

} // namespace

//! Lives on the store's thread and owns everything there: the database (made on that thread, as
//! a Qt SQL connection must be) and the in-memory copy of what it holds. Its functions run one at
//! a time, in the order the store asked.
class HistoryWorker : public QObject {
public:
    explicit HistoryWorker(const QString& connectionName)
        : m_connectionName(connectionName)
    {
    }

    std::pair<HistoryDatabase::OpenResult, QString> open(const QString& path)
    {
        if (!m_db)
            m_db = std::make_unique<HistoryDatabase>(m_connectionName);
        forget();
        QString message;
        const HistoryDatabase::OpenResult result = m_db->open(path, &message);
        m_stored = m_db->isOpen() ? m_db->incidentCount() : 0;
        return { result, message };
    }

    int stored() const { return m_stored; }
    HistorySyncState state() const { return m_db ? m_db->syncState() : HistorySyncState(); }

    StoreOutcome storeIncidents(const QList<Incident>& incidents, const HistorySyncState& state)
    {
        StoreOutcome out;
        if (!ready(&out))
            return out;
        out.ok = m_db->storeIncidents(incidents, state, &out.error, &out.added);
        if (out.ok) {
            m_stored += out.added;
            if (m_loaded)
                merge(incidents);
        }
        return finish(out);
    }

    StoreOutcome storeShifts(
        const QString& team, qint64 fromMs, qint64 toMs, const QList<ShiftRecord>& shifts)
    {
        StoreOutcome out;
        if (!ready(&out))
            return out;
        out.ok = m_db->storeShifts(team, fromMs, toMs, shifts, &out.error);
        if (out.ok)
            m_shiftsLoaded = false; // read again at the next search: the file sorted them
        return finish(out);
    }

    StoreOutcome saveSyncState(const HistorySyncState& state)
    {
        StoreOutcome out;
        if (!ready(&out))
            return out;
        out.ok = m_db->saveSyncState(state, &out.error);
        return finish(out);
    }

    //! The stored incidents that match, newest first.
    QList<const HistoryIncident*> find(const HistoryFilter& filter)
    {
        load();
        // The bounds in UTC: a local time is converted to an instant at every comparison, which
        // for 100,000 incidents costs more than the whole search.
        HistoryFilter utc = filter;
        for (QDateTime* bound : { &utc.from, &utc.to }) {
            if (bound->isValid())
                *bound = bound->toUTC();
        }
        QList<const HistoryIncident*> matching;
        for (const HistoryIncident& incident : std::as_const(m_incidents)) {
            if (utc.matches(incident))
                matching.append(&incident);
        }
        return matching;
    }

    HistoryReport query(const HistoryFilter& filter, const HistoryStore::QueryOptions& options)
    {
        QElapsedTimer timer;
        timer.start();
        const QList<const HistoryIncident*> matching = find(filter);
        const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
        HistoryReport report = HistoryMetrics::compute(
            matching, options.me, m_shifts, QTimeZone::systemTimeZone(), now);
        report.filter = filter;
        report.stored = int(m_incidents.size());
        report.elapsedMs = timer.elapsed();
        return report;
    }

    std::optional<Incident> incident(qint64 number) const
    {
        return m_db && m_db->isOpen() ? m_db->incident(number) : std::nullopt;
    }

    void shutDown()
    {
        forget();
        m_db.reset();
    }

    //! The latest search asked; set by the store's thread, read here.
    std::atomic<quint64> latestQuery { 0 };

private:
    bool ready(StoreOutcome* out) const
    {
        if (m_db && m_db->isOpen())
            return true;
        out->error = QCoreApplication::translate(
            "rota::HistoryStore", "The history is not open, so nothing could be stored.");
        return false;
    }

    StoreOutcome finish(StoreOutcome out) const
    {
        out.stored = m_stored;
        out.state = m_db->syncState();
        return out;
    }

    void forget()
    {
        m_incidents.clear();
        m_texts = {};
        m_shifts.clear();
        m_loaded = false;
        m_shiftsLoaded = false;
    }

    void load()
    {
        if (!m_db || !m_db->isOpen())
            return;
        QString error;
        if (!m_loaded) {
            if (auto incidents = m_db->loadIncidents(&error, &m_texts)) {
                m_incidents = std::move(*incidents);
                m_loaded = true;
            } else {
                qCWarning(lcHistoryStore) << "history not read:" << error;
            }
        }
        if (!m_shiftsLoaded) {
            if (auto shifts = m_db->loadShifts(&error)) {
                m_shifts = std::move(*shifts);
                m_shiftsLoaded = true;
            } else {
                qCWarning(lcHistoryStore) << "shift log not read:" << error;
            }
        }
    }

    // Replaces the stored incidents in the copy, keeping it newest first: the new ones sorted,
    // then merged with the rest in one pass (a page of 100 into 100,000 costs one copy).
    void merge(const QList<Incident>& incidents)
    {
        QHash<qint64, HistoryIncident> fresh;
        for (const Incident& incident : incidents) {
            HistoryIncident h = HistoryIncident::fromIncident(incident);
            // Repeated texts are kept once, in the same pool as those read from the file.
            m_texts.share(h);
            if (h.number > 0)
                fresh.insert(h.number, std::move(h)); // a number twice: the last one stored
        }
        QList<HistoryIncident> added;
        added.reserve(fresh.size());
        for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
            added.append(it.value());
        std::sort(added.begin(), added.end(), newerFirst);
        m_incidents.removeIf(
            [&fresh](const HistoryIncident& h) { return fresh.contains(h.number); });
        QList<HistoryIncident> merged;
        merged.reserve(m_incidents.size() + added.size());
        std::merge(std::make_move_iterator(m_incidents.begin()),
            std::make_move_iterator(m_incidents.end()), std::make_move_iterator(added.begin()),
            std::make_move_iterator(added.end()), std::back_inserter(merged), newerFirst);
        m_incidents = std::move(merged);
    }

    QString m_connectionName;
    std::unique_ptr<HistoryDatabase> m_db;
    QList<HistoryIncident> m_incidents; //!< newest first
    QList<ShiftRecord> m_shifts;
    TextPool m_texts; //!< one copy of each repeating text of m_incidents
    bool m_loaded = false;
    bool m_shiftsLoaded = false;
    int m_stored = 0;
};

HistoryStore::HistoryStore(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new HistoryWorker(nextConnectionName()))
{
    m_thread->setObjectName(QStringLiteral("rota-history"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

HistoryStore::~HistoryStore()
{
    // Searches still waiting are dropped (nobody is left to read them); writes still waiting run,
    // in order, before the worker closes the file: they are what the user could lose.
    m_worker->latestQuery.store(++m_latestQuery);
    HistoryWorker* worker = m_worker;
    QThread* thread = m_thread;
    QMetaObject::invokeMethod(
        worker,
        [worker, thread] {
            worker->shutDown();
            thread->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
}

namespace {

// Runs `work` on the worker; what it gives is handed to `answer` on the store's thread, in the
// order asked. `work` gives an optional: nothing means nobody is answered.
template <typename Work, typename Answer>
void viaWorker(QObject* store, QObject* worker, Work work, Answer answer)
{
    QMetaObject::invokeMethod(
        worker,
        [store, work = std::move(work), answer = std::move(answer)] {
            auto result = work();
            if (!result)
                return;
            QMetaObject::invokeMethod(
                store, [result = std::move(*result), answer] { answer(result); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

struct Opened {
    HistoryDatabase::OpenResult result;
    QString message;
    int stored = 0;
    HistorySyncState state;
};

} // namespace

void HistoryStore::open(const QString& path)
{
    m_path = path;
    m_ready = false;
    m_openAnswered = false;
    m_openMessage.clear();
    HistoryWorker* worker = m_worker;
    viaWorker(
        this, worker,
        [worker, path] {
            const auto [result, message] = worker->open(path);
            return std::optional<Opened>({ result, message, worker->stored(), worker->state() });
        },
        [this](const Opened& o) {
            m_ready = o.result == HistoryDatabase::OpenResult::Opened
                || o.result == HistoryDatabase::OpenResult::Created
                || o.result == HistoryDatabase::OpenResult::Rebuilt;
            m_stored = o.stored;
            m_state = o.state;
            m_openAnswered = true;
            m_openResult = o.result;
            m_openMessage = o.message;
            Q_EMIT opened(o.result, o.message);
        });
}

template <typename Work> void HistoryStore::write(Work work, WriteDone done, bool announce)
{
    // The store's copy of the state and count first, so that the callback and the signals see
    // them.
    viaWorker(
        this, m_worker, [work = std::move(work)] { return std::optional<StoreOutcome>(work()); },
        [this, done = std::move(done), announce](const StoreOutcome& out) {
            if (out.ok) {
                m_state = out.state;
                m_stored = out.stored;
            }
            if (done)
                done(out.ok, out.error, out.added);
            if (!out.ok)
                Q_EMIT writeFailed(out.error);
            else if (announce)
                Q_EMIT changed();
        });
}

void HistoryStore::storeIncidents(
    const QList<Incident>& incidents, const HistorySyncState& state, WriteDone done)
{
    HistoryWorker* worker = m_worker;
    write([worker, incidents, state] { return worker->storeIncidents(incidents, state); },
        std::move(done), true);
}

void HistoryStore::storeShifts(const QString& team, qint64 fromMs, qint64 toMs,
    const QList<ShiftRecord>& shifts, WriteDone done)
{
    HistoryWorker* worker = m_worker;
    write([worker, team, fromMs, toMs,
              shifts] { return worker->storeShifts(team, fromMs, toMs, shifts); },
        std::move(done), true);
}

void HistoryStore::saveSyncState(const HistorySyncState& state, WriteDone done)
{
    HistoryWorker* worker = m_worker;
    write([worker, state] { return worker->saveSyncState(state); }, std::move(done), false);
}

void HistoryStore::query(const HistoryFilter& filter, const QueryOptions& options,
    std::function<void(const HistoryReport&)> done)
{
    const quint64 sequence = ++m_latestQuery;
    m_worker->latestQuery.store(sequence);
    HistoryWorker* worker = m_worker;
    viaWorker(
        this, worker,
        [worker, sequence, filter, options]() -> std::optional<HistoryReport> {
            // A newer search was asked meanwhile: its answer is the one wanted.
            if (worker->latestQuery.load() != sequence)
                return std::nullopt;
            return worker->query(filter, options);
        },
        [done = std::move(done)](const HistoryReport& report) {
            if (done)
                done(report);
        });
}

void HistoryStore::matching(
    const HistoryFilter& filter, std::function<void(const QList<HistoryIncident>&)> done)
{
    HistoryWorker* worker = m_worker;
    viaWorker(
        this, worker,
        [worker, filter] {
            QList<HistoryIncident> out;
            for (const HistoryIncident* incident : worker->find(filter))
                out.append(*incident);
            return std::optional<QList<HistoryIncident>>(std::move(out));
        },
        [done = std::move(done)](const QList<HistoryIncident>& incidents) {
            if (done)
                done(incidents);
        });
}

void HistoryStore::incident(qint64 number, std::function<void(const std::optional<Incident>&)> done)
{
    HistoryWorker* worker = m_worker;
    viaWorker(
        this, worker,
        [worker, number] {
            return std::optional<std::optional<Incident>>(worker->incident(number));
        },
        [done = std::move(done)](const std::optional<Incident>& found) {
            if (done)
                done(found);
        });
}

} // namespace rota
