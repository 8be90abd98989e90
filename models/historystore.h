// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The history store as the GUI thread sees it: every read and write of the SQLite file runs on
// a worker thread of its own, in the order asked, and its outcome comes back on the thread that
// asked, through the callback or a signal. Searches run over an in-memory copy of the stored
// incidents kept on the worker (loaded on the first search, updated by each write), so a search of
// 100,000 incidents with all its figures takes milliseconds, not a scan of the file.

#include "historydatabase.h"
#include "historytypes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace rota {

class HistoryWorker;

class HistoryStore : public QObject {
    Q_OBJECT
public:
    explicit HistoryStore(QObject* parent = nullptr);
    //! Finishes the writes already asked for, then stops the worker.
    ~HistoryStore() override;

    //! Opens the file on the worker; opened() tells the outcome. Any earlier file is closed.
    void open(const QString& path);
    //! Opened (or created, or rebuilt) and usable.
    bool isReady() const { return m_ready; }
    //! Whether the last open() has been answered (opened() was emitted), and how.
    bool isOpenAnswered() const { return m_openAnswered; }
    HistoryDatabase::OpenResult openResult() const { return m_openResult; }
    QString openMessage() const { return m_openMessage; }
    QString path() const { return m_path; }
    //! The sync state and count as of the last write or open (kept on this thread).
    HistorySyncState syncState() const { return m_state; }
    int storedCount() const { return m_stored; }

    using WriteDone = std::function<void(bool ok, const QString& error, int added)>;
    //! Stores the incidents and the new sync state in one transaction (HistoryDatabase).
    //! `done` (may be empty) runs on this thread. A failure also emits writeFailed().
    void storeIncidents(
        const QList<Incident>& incidents, const HistorySyncState& state, WriteDone done = {});
    void storeShifts(const QString& team, qint64 fromMs, qint64 toMs,
        const QList<ShiftRecord>& shifts, WriteDone done = {});
    void saveSyncState(const HistorySyncState& state, WriteDone done = {});

    //! Options of a search that are not part of the filter.
    struct QueryOptions {
        QString me; //!< the signed-in user, for MyNumbers
        QDateTime now; //!< invalid: the current time
    };
    //! Searches the stored history and computes the figures (HistoryMetrics) on the worker.
    //! When searches pile up only the latest asked runs; those it replaced are not answered.
    void query(const HistoryFilter& filter, const QueryOptions& options,
        std::function<void(const HistoryReport&)> done);
    //! The stored incidents that match, newest first, without figures; always answered (a later
    //! query() or matching() does not replace it). For the sync, which must not take the place
    //! of the search people are waiting for.
    void matching(
        const HistoryFilter& filter, std::function<void(const QList<HistoryIncident>&)> done);
    //! One incident in full; `done` gets nullopt when it is not stored.
    void incident(qint64 number, std::function<void(const std::optional<Incident>&)> done);

Q_SIGNALS:
    void opened(rota::HistoryDatabase::OpenResult result, const QString& message);
    //! Incidents or shifts were stored (a search asked now sees them).
    void changed();
    //! A write failed: nothing of it was stored (e.g. the disk is full).
    void writeFailed(const QString& message);

private:
    //! Runs `work` (a write) on the worker and its outcome back here.
    template <typename Work> void write(Work work, WriteDone done, bool announce);

    QThread* m_thread = nullptr;
    HistoryWorker* m_worker = nullptr; //!< lives on m_thread
    QString m_path;
    bool m_ready = false;
    bool m_openAnswered = false;
    HistoryDatabase::OpenResult m_openResult = HistoryDatabase::OpenResult::Failed;
    QString m_openMessage;
    HistorySyncState m_state;
    int m_stored = 0;
    quint64 m_latestQuery = 0;
};

} // namespace rota
