// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Reads the incident history (GET /api-reporting/v2/incidents, ONE call a minute per API key, at
// most 100 incidents a call) into the HistoryStore, in the background, and says how far it is.

#include "apierror.h"
#include "historydatabase.h"
#include "historytypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class QTimer;

namespace rota {

class ApiClient;
class ApiReply;
class HistoryStore;

//! The background sync of the history.
//!
//! Order: the newest page first (what people look at), then older pages back to the start of the
//! history (or to until()), then only what is new since the last read (startedAfter the newest
//! stored start, less a margin for the history's lag, and back to the oldest incident that was
//! still open when read, within a week, so that its acknowledgement and resolution arrive too).
//! That check for new ones also comes every NewCheckIntervalMs while the backfill goes on (a large
//! org's takes hours), and first after each start on a file that holds some history. Pages are
//! read by time (startedBefore the oldest stored start, plus a millisecond so that incidents
//! sharing it are read again rather than missed; a page all of one start time goes on by offset at
//! that time), not by offset, so incidents that arrive meanwhile do not shift them. Each page is
//! stored with the sync's new place in one transaction: after a restart or a crash the sync goes
//! on where the last stored page ended, nothing lost or stored twice. A new file opened by the
//! store (another account) is followed from what it holds.
//!
//! Budget: every call is at background priority, so the user's own calls go first; and while
//! the yield function (Workspace: the check for pages that came and went) says so, the sync asks
//! nothing, so that check, which shares the one call a minute, is never delayed by it. The
//! client's scheduler spaces the calls, so the service never throttles them; a failure (network,
//! server) waits with back-off and tries again; checkNow() (after a resume from sleep or the
//! network coming back) tries at once. A failed write (disk full) stops the sync with a message
//! until it is resumed.
//!
//! The shift log (GET /api-reporting/v1/team/{team}/oncall/log) of each of the user's teams is
//! read for this month and the last, again every ShiftLogIntervalMs.
class HistorySync : public QObject {
    Q_OBJECT
public:
    enum class State {
        Stopped, //!< not started, or stopped
        Reading, //!< a call is on its way, or waiting for its turn in the budget
        Waiting, //!< the next call waits for the one-a-minute limit or for the yield function
        CaughtUp, //!< everything is read; new incidents are looked for every NewCheckIntervalMs
        Paused, //!< paused by the user
        Failed, //!< the last call or write failed; see stateText() (retried unless the write)
    };
    Q_ENUM(State)

    static constexpr int PageSize = 100;
    static constexpr qint64 CallIntervalMs = qint64(60) * 1000; //!< the API's limit
    static constexpr qint64 NewCheckIntervalMs = qint64(10) * 60 * 1000;
    static constexpr qint64 ShiftLogIntervalMs = qint64(60) * 60 * 1000;
    //! How far back a check for new incidents starts before the newest stored start.
    static constexpr qint64 LagMarginMs = qint64(10) * 60 * 1000;

    using Clock = std::function<QDateTime()>; //!< UTC

    //! Neither is owned; both must outlive this object.
    HistorySync(ApiClient* client, HistoryStore* store, QObject* parent = nullptr);
    ~HistorySync() override;

    //! For tests: another clock than the system's (for the state texts and the intervals).
    void setClock(Clock clock);
    //! While `othersFirst` returns true the sync asks nothing (checked before every call).
    void setYield(std::function<bool()> othersFirst);
    //! The user whose numbers are counted and the teams whose shift logs are read.
    void setShiftLog(const QString& user, const QStringList& teamSlugs);
    //! The backfill stops at incidents started before `until` (invalid: the whole history).
    //! Stored with the sync state.
    void setUntil(const QDateTime& until);
    QDateTime until() const;

    //! Starts (or goes on with) the sync once the store is ready.
    void start();
    void stop();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    //! Tries at once what waits for a retry (resume from sleep, network back).
    void checkNow();

    State state() const { return m_state; }
    //! "Reading older incidents…", "Next call in 42 s (one a minute)", "Up to date", "Paused",
    //! "Cannot reach the server: …; trying again in 2 min".
    QString stateText() const;
    //! "History from 3 Oct to now: 12,400 of 100,000 incidents; the rest in about 14 h at the
    //! API's limit of one call a minute." / "History from 3 Oct 2025 to now: all 2,300 incidents."
    QString coverageText() const;
    int stored() const;
    int total() const; //!< the history's own count; -1 until its first answer
    //! stored / total in 0..1; -1 while unknown.
    double progress() const;
    //! The time the rest of the backfill needs at one call a minute; 0 when done or unknown.
    qint64 remainingMs() const;
    int callsSent() const { return m_callsSent; }
    ApiError lastError() const { return m_lastError; }

Q_SIGNALS:
    void stateChanged(rota::HistorySync::State state);
    //! stored(), total() or the coverage changed.
    void progressChanged();
    //! A page was stored; `added` incidents were new.
    void pageStored(int added);

private:
    //! What a call of the history reads.
    enum class Walk {
        Newest, //!< the first page: the newest incidents
        Older, //!< the backfill: started before the oldest stored
        New, //!< the check for new ones (and for changes of open ones)
    };

    void setState(State state);
    void scheduleNext(qint64 delayMs);
    void next();
    void sendPage();
    void sendShiftLogs();
    QDateTime now() const;
    void onStoreOpened();
    void onOpened(HistoryDatabase::OpenResult result, const QString& message);
    void askOpenIncidents();
    void pageAnswered(Walk walk, const QList<Incident>& incidents, int total, int offset);
    void callFailed(const ApiError& error);
    void writeFailed(const QString& message);
    Walk nextWalk() const;
    qint64 checkAfterMs() const;
    void applyUntil(qint64 untilMs);

    HistorySyncState m_sync; //!< what is stored, as of the last write of this object
    Walk m_walk = Walk::Newest; //!< what the pending call (or the next one) reads
    bool m_writing = false; //!< a page is being stored: the next call waits for it
    bool m_yielding = false; //!< waiting for the yield function
    int m_olderOffset = 0; //!< offset paging of a start time shared by a whole page
    int m_newOffset = 0; //!< the check for new ones pages by offset
    qint64 m_checkFromMs = -1; //!< the check under way: started after this (-1: no bound)
    qint64 m_checkNewestMs = -1; //!< the newest start the check under way saw
    bool m_checking = false; //!< a check for new ones is under way (its first page was read)
    QDateTime m_lastCheck; //!< when the newest incidents were last read in full
    QDateTime m_retryAt; //!< after a failure: the next try
    QHash<qint64, qint64> m_open; //!< open when read, started in the last 7 days: number -> start
    int m_shiftLogsPending = 0;
    bool m_shiftLogFailed = false;
    bool m_loaded = false; //!< m_sync was read from the open store
    //! Counts the files opened: an answer or a write of an earlier one is ignored.
    quint64 m_generation = 0;
    bool m_openKnown = false; //!< the stored open incidents were read into m_open
    QDateTime m_openAsked; //!< when they were asked for
    bool m_untilGiven = false; //!< setUntil() was called before the store's state was read
    qint64 m_untilWanted = -1;

    ApiClient* m_client;
    HistoryStore* m_store;
    Clock m_clock;
    std::function<bool()> m_othersFirst;
    QTimer* m_timer;
    QPointer<ApiReply> m_pending;
    State m_state = State::Stopped;
    bool m_started = false;
    bool m_paused = false;
    bool m_storeFailed = false;
    int m_failures = 0;
    int m_callsSent = 0;
    ApiError m_lastError;
    QString m_failure; //!< the last failure in words
    QString m_user;
    QStringList m_teams;
    QDateTime m_lastShiftLog;
    QDateTime m_nextCall;
};

} // namespace rota
