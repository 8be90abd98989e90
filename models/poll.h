// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>

#include <limits>

class QTimer;

namespace rota {

//! When a poller fetches: every interval() (kept between a floor and a ceiling), never two
//! fetches at once, later after failures (back-off, and never before the service allows), and
//! once soon() after a burst of asks. The owner does the fetching: it sends when due() says so
//! (or when it likes), brackets each fetch with begin() and succeeded() or failed(), and the
//! Poll schedules the next one.
//!
//! Stopped (before start(), after stop()) nothing is scheduled, but a fetch may still be begun
//! and ended: a user's refresh works whether or not polling runs.
class Poll : public QObject {
    Q_OBJECT
public:
    //! What begin() does with a fetch asked for while one is in flight.
    enum class WhileInFlight {
        Drop, //!< nothing: the fetch in flight brings the news
        Queue, //!< one more fetch is due() when the one in flight ends (at user priority if any
               //!< of the askers was the user)
    };

    static constexpr int NoCeiling = std::numeric_limits<int>::max();
    static constexpr int SoonMs = 300;

    //! `intervalMs` is clamped to [floorMs, ceilingMs]. No back-off (see setBackoff()).
    Poll(int intervalMs, int floorMs, int ceilingMs = NoCeiling, QObject* parent = nullptr);

    //! Clamped to [floor(), ceiling()]. A shorter interval applies now when the next fetch waits
    //! for the interval (not for a back-off).
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    //! Moves the floor (at least 1 ms; tests lower it) and clamps the interval again.
    void setFloor(int ms);
    int floor() const { return m_floorMs; }
    int ceiling() const { return m_ceilingMs; }

    //! After `n` consecutive failures the next try waits backoffDelay(n, baseMs, maxMs). A base of
    //! 0 (the default) means no back-off: a failure waits the interval, as a success does.
    void setBackoff(int baseMs, int maxMs);
    //! `baseMs` doubled per failure after the first, at most `maxMs`; 0 for no failure.
    static int backoffDelay(int failures, int baseMs, int maxMs);

    void setWhileInFlight(WhileInFlight mode) { m_whileInFlight = mode; }

    //! From now on the end of each fetch schedules the next; the failures are forgotten. Sends
    //! nothing by itself: the owner fetches at once if it wants to.
    void start();
    //! Nothing more is scheduled (nor soon()); a fetch in flight stays in flight (see abandon()).
    void stop();
    bool isRunning() const { return m_running; }

    //! A fetch goes out: true, and the scheduled one is cancelled. False when one is already in
    //! flight (then WhileInFlight decides).
    bool begin(bool user = false);
    bool isInFlight() const { return m_inFlight; }
    //! The fetch in flight is dropped, and with it a queued one; nothing is scheduled.
    void abandon();
    //! The fetch in flight succeeded: the failures are forgotten, the next is due after the
    //! interval (or at once when one was queued).
    void succeeded();
    //! The fetch in flight failed: the next is due after the back-off, but not before
    //! `notBeforeMs` (what the service said about its rate limit) and not after the ceiling.
    //! Returns that delay, also when stopped (when nothing is scheduled).
    int failed(qint64 notBeforeMs = 0);
    //! Consecutive failures.
    int failures() const { return m_failures; }

    //! due(true) after SoonMs, once however often it is asked for meanwhile (running or not).
    void soon();

    //! Milliseconds until the next scheduled due(); -1 when none is scheduled.
    int nextIn() const;

Q_SIGNALS:
    //! Time to fetch; `user` when a person asked for it (soon(), a queued user ask).
    void due(bool user);

private:
    void ended(int nextMs);

    QTimer* m_timer;
    QTimer* m_soon = nullptr;
    int m_intervalMs;
    int m_floorMs;
    int m_ceilingMs;
    int m_backoffBaseMs = 0;
    int m_backoffMaxMs = 0;
    WhileInFlight m_whileInFlight = WhileInFlight::Drop;
    bool m_running = false;
    bool m_inFlight = false;
    bool m_queued = false;
    bool m_queuedUser = false;
    int m_failures = 0;
};

} // namespace rota
