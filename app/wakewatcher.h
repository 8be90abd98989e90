// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace rota {

//! Tells when the computer has likely been away, so that Rota reads at once what changed
//! meanwhile instead of at its next scheduled refresh:
//! - resumed from suspend: logind's PrepareForSleep(false) (org.freedesktop.login1 on the system
//!   bus);
//! - the network is reachable again: QNetworkInformation reports Online after it was not;
//! - as a fallback that needs neither, the wall clock ran ahead of the monotonic clock (which
//!   stops while the computer sleeps) by more than JumpMs between two ticks.
//! A resume and the clock jump it causes are one wake: a clock jump within SameWakeMs of a resume
//! (or a resume within SameWakeMs of a clock jump) is dropped. Without a system bus, logind or a
//! network backend, it says so in one info line and watches what is left.
class WakeWatcher : public QObject {
    Q_OBJECT
public:
    enum class Reason {
        Resumed, //!< logind: the system resumed from suspend
        NetworkBack, //!< the network is reachable again
        ClockJump, //!< the wall clock jumped ahead: a resume logind did not report
    };
    Q_ENUM(Reason)

    static constexpr int TickMs = 10 * 1000;
    static constexpr qint64 JumpMs = 60'000;
    static constexpr qint64 SameWakeMs = 30'000;

    explicit WakeWatcher(QObject* parent = nullptr);
    ~WakeWatcher() override;

    //! Watches all three: logind on the system bus, the default network backend, the clocks.
    void start();

    //! Listens for logind's PrepareForSleep on `bus` (Rota passes the system bus; tests another).
    //! False, with one info line, when the bus is not connected. Whether logind runs there is
    //! asked without waiting; when it does not, one info line says so.
    bool watchLogind(const QDBusConnection& bus);
    //! Loads QNetworkInformation's default backend (NetworkManager on Linux), else any that tells
    //! reachability; false, with one info line, when there is none.
    bool watchNetwork();
    //! Compares the wall and monotonic clocks every `tickMs`.
    void watchClock(int tickMs = TickMs);

    //! For tests: the clocks, in milliseconds, that the jump detector and the same-wake window
    //! read (default: QDateTime::currentMSecsSinceEpoch and a monotonic QElapsedTimer). Set
    //! before watchClock().
    void setClocks(std::function<qint64()> wall, std::function<qint64()> monotonic);

    //! What each tick does (public for tests): compares how far each clock went since the last
    //! check, and wakes when the wall clock went more than JumpMs further.
    void checkClock();
    //! What the network backend reports (public for tests). Online wakes when the last report
    //! was Disconnected, Local or Site; the first report (after Unknown) never does.
    void noteReachability(QNetworkInformation::Reachability reachability);

    //! The name of a reason for the log: "resumed", "network back", "clock jump".
    static QString reasonName(Reason reason);

Q_SIGNALS:
    //! The computer has likely been away: refresh now.
    void woke(rota::WakeWatcher::Reason reason);

private Q_SLOTS:
    // A named slot: QDBusConnection::connect takes only the SLOT() form.
    void onPrepareForSleep(bool start);

private:
    void wake(Reason reason);

    QTimer* m_tick = nullptr;
    std::function<qint64()> m_wall;
    std::function<qint64()> m_monotonic;
    qint64 m_lastWall = 0;
    qint64 m_lastMonotonic = 0;
    QElapsedTimer m_elapsed; //!< the default monotonic clock
    bool m_hasWake = false;
    Reason m_lastReason = Reason::Resumed; //!< of the last resume or clock jump, when m_hasWake
    qint64 m_lastWake = 0; //!< its monotonic ms, when m_hasWake
    QNetworkInformation::Reachability m_reachability = QNetworkInformation::Reachability::Unknown;
};

} // namespace rota
