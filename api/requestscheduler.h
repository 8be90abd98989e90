// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>

class QTimer;

namespace rota {

//! Spends each operation's documented per-minute budget so that the server never has to throttle.
//!
//! The budget is a token bucket whose tokens come back one minute (plus a safety margin) after
//! they were spent: at most `limit` calls of an operation start in any sliding minute, which is
//! exactly what a per-minute limit allows, without the double burst of a refill-by-rate bucket.
//! User actions overtake background polls, and background work never spends the last tokens of a
//! minute (a reserve is kept for the user). After a throttled answer an operation is held back.
class RequestScheduler : public QObject {
    Q_OBJECT
public:
    enum class Priority { User, Background };
    using Clock = std::function<qint64()>; //!< monotonic milliseconds

    //! Knows every operation's documented limit (operations.h) from the start.
    explicit RequestScheduler(QObject* parent = nullptr);

    //! For tests: a clock other than QElapsedTimer's. Call before the first enqueue.
    void setClock(Clock clock);
    void setLimit(const QString& operation, int perMinute);
    int limit(const QString& operation) const;

    //! Queues `start`, called once (from the event loop or at once) when the budget allows.
    //! Returns a ticket for cancel().
    quint64 enqueue(const QString& operation, Priority priority, std::function<void()> start);
    //! Removes a job that has not started. Returns false if it already started or is unknown.
    bool cancel(quint64 ticket);

    //! Holds the operation back for delayMs (a throttled answer); later calls wait.
    void backOff(const QString& operation, qint64 delayMs);
    //! Tokens left now for the operation (its limit when it has none spent; -1 when unlimited).
    int remaining(const QString& operation) const;
    //! Milliseconds until the operation may start again (0 when it may start now).
    qint64 waitFor(const QString& operation, Priority priority) const;
    //! Milliseconds until the queued job `ticket` is expected to start: its operation's back-off
    //! and budget, counting the jobs of the same operation queued before it. 0 when it may start
    //! now or is not queued (started, cancelled, unknown).
    qint64 expectedWait(quint64 ticket) const;
    int queued() const { return static_cast<int>(m_user.size() + m_background.size()); }
    //! Starts what the budget allows now. The scheduler runs it itself (after enqueue and from
    //! its timer); tests with their own clock call it after moving the clock.
    void process();

    static constexpr qint64 WindowMs = 60000;
    static constexpr qint64 MarginMs
        = 1500; //!< for clock skew and latency between us and the server

Q_SIGNALS:
    //! The budget of `operation` changed (a call started, tokens came back, a back-off).
    void budgetChanged(const QString& operation, int remaining, int limit);
    //! The queued job `ticket` cannot start yet: it is expected to wait waitMs (its operation
    //! is held back or its budget is spent). Emitted from the event loop when the job is first
    //! found waiting and again whenever the estimate changes by more than a second.
    void waiting(quint64 ticket, qint64 waitMs);

private:
    struct Job {
        quint64 ticket;
        QString operation;
        std::function<void()> start;
        Priority priority;
        qint64 announcedUntil = -1; //!< the start time last told by waiting(); -1: none
    };
    struct Budget {
        int limit = 0;
        std::deque<qint64> spent; //!< start times of the calls in the current window
        qint64 heldUntil = 0;
    };

    void schedulePump();
    bool tryStart(std::deque<Job>& queue, Priority priority);
    void expire(Budget& budget, qint64 now) const;
    int reserveFor(const Budget& budget) const;
    qint64 now() const;
    qint64 expectedWait(const Job& job) const;
    void announceWaits();

    Clock m_clock;
    QHash<QString, Budget> m_budgets;
    std::deque<Job> m_user;
    std::deque<Job> m_background;
    QTimer* m_timer;
    quint64 m_nextTicket = 1;
    bool m_pumpQueued = false;
};

} // namespace rota
