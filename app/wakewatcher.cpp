// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "wakewatcher.h"

#include "applog.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDateTime>
#include <QTimer>

namespace rota {

namespace {

const QString LoginService = QStringLiteral("org.freedesktop.login1");
const QString LoginPath = QStringLiteral("/org/freedesktop/login1");
const QString LoginInterface = QStringLiteral("org.freedesktop.login1.Manager");

} // namespace

WakeWatcher::WakeWatcher(QObject* parent)
    : QObject(parent)
{
    m_elapsed.start();
    m_wall = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_monotonic = [this] { return m_elapsed.elapsed(); };
}

WakeWatcher::~WakeWatcher() = default;

void WakeWatcher::start()
{
    watchLogind(QDBusConnection::systemBus());
    watchNetwork();
    // Also with logind: a resume it did not report (another init system, a stopped process
    // continued) is still noticed.
    watchClock();
}

bool WakeWatcher::watchLogind(const QDBusConnection& bus)
{
    if (!bus.isConnected()) {
        qCInfo(lcApp).noquote() << QStringLiteral(
            "no system bus (%1): a resume from suspend is noticed by the clock only")
                                       .arg(bus.lastError().message());
        return false;
    }
    QDBusConnection connection = bus;
    if (!connection.connect(LoginService, LoginPath, LoginInterface,
            QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)))) {
        qCInfo(lcApp).noquote() << QStringLiteral(
            "cannot listen to logind (%1): a resume from suspend is noticed by the clock only")
                                       .arg(connection.lastError().message());
        return false;
    }
    // Only for the log: the subscription above works whenever logind appears.
    QDBusMessage ask = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
        QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus"),
        QStringLiteral("NameHasOwner"));
    ask << LoginService;
    auto* pending = new QDBusPendingCallWatcher(connection.asyncCall(ask), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [](QDBusPendingCallWatcher* call) {
        const QDBusPendingReply<bool> reply = *call;
        if (reply.isError() || !reply.value())
            qCInfo(lcApp) << "logind is not running: a resume from suspend is noticed by the "
                             "clock only";
        call->deleteLater();
    });
    return true;
}

bool WakeWatcher::watchNetwork()
{
    // On Linux the default is NetworkManager only; where it does not run (no system bus, another
    // network daemon), any backend that tells reachability will do (glib's, where built).
    const bool loaded = QNetworkInformation::loadDefaultBackend()
        || QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!loaded || !QNetworkInformation::instance()) {
        qCInfo(lcApp).noquote() << QStringLiteral(
            "no network state backend (available: %1): a reconnect is noticed "
            "at the next refresh")
                                       .arg(QNetworkInformation::availableBackends().join(
                                           QStringLiteral(", ")));
        return false;
    }
    QNetworkInformation* info = QNetworkInformation::instance();
    m_reachability = info->reachability();
    connect(info, &QNetworkInformation::reachabilityChanged, this, &WakeWatcher::noteReachability);
    qCDebug(lcApp).noquote() << "network state from" << info->backendName();
    return true;
}

void WakeWatcher::watchClock(int tickMs)
{
    if (!m_tick) {
        m_tick = new QTimer(this);
        connect(m_tick, &QTimer::timeout, this, &WakeWatcher::checkClock);
    }
    m_lastWall = m_wall();
    m_lastMonotonic = m_monotonic();
    m_tick->start(tickMs);
}

void WakeWatcher::setClocks(std::function<qint64()> wall, std::function<qint64()> monotonic)
{
    m_wall = std::move(wall);
    m_monotonic = std::move(monotonic);
    m_lastWall = m_wall();
    m_lastMonotonic = m_monotonic();
}

void WakeWatcher::noteReachability(QNetworkInformation::Reachability reachability)
{
    using R = QNetworkInformation::Reachability;
    const R previous = m_reachability;
    m_reachability = reachability;
    // From Unknown it is the backend's first word, not a reconnect.
    if (reachability == R::Online && previous != R::Online && previous != R::Unknown)
        wake(Reason::NetworkBack);
}

QString WakeWatcher::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Resumed:
        return QStringLiteral("resumed");
    case Reason::NetworkBack:
        return QStringLiteral("network back");
    case Reason::ClockJump:
        return QStringLiteral("clock jump");
    }
    return QString();
}

void WakeWatcher::onPrepareForSleep(bool start)
{
    if (start) {
        qCDebug(lcApp) << "the system is going to sleep";
        return;
    }
    wake(Reason::Resumed);
}

void WakeWatcher::checkClock()
{
    const qint64 wall = m_wall();
    const qint64 monotonic = m_monotonic();
    // The monotonic clock stops while the computer sleeps, the wall clock does not. Comparing
    // the two (rather than the wall clock with the tick) ignores a busy event loop's late tick.
    const qint64 ahead = (wall - m_lastWall) - (monotonic - m_lastMonotonic);
    m_lastWall = wall;
    m_lastMonotonic = monotonic;
    if (ahead > JumpMs) {
        qCInfo(lcApp) << "the wall clock jumped" << ahead / 1000 << "s ahead";
        wake(Reason::ClockJump);
    }
}

void WakeWatcher::wake(Reason reason)
{
    // A resume and the clock jump it causes are one wake; a reconnect is a wake of its own (the
    // refresh right after a resume may have found the network still down).
    if (reason != Reason::NetworkBack) {
        const qint64 now = m_monotonic();
        if (m_hasWake && m_lastReason != reason && now - m_lastWake < SameWakeMs) {
            qCDebug(lcApp).noquote() << QStringLiteral("%1: the same wake as the %2")
                                            .arg(reasonName(reason), reasonName(m_lastReason));
            return;
        }
        m_hasWake = true;
        m_lastReason = reason;
        m_lastWake = now;
    }
    qCInfo(lcApp).noquote() << QStringLiteral("woke (%1): refreshing now").arg(reasonName(reason));
    Q_EMIT woke(reason);
}

} // namespace rota
