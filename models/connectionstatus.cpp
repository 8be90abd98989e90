// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "connectionstatus.h"

#include "apiclient.h"
#include "calls.h"

#include <QTimer>

namespace rota {

namespace {

bool isRead(const QString& operation) { return operation.startsWith(QLatin1String("GET ")); }

bool troubled(ConnectionStatus::State state)
{
    return state == ConnectionStatus::State::Degraded || state == ConnectionStatus::State::Offline
        || state == ConnectionStatus::State::Throttled
        || state == ConnectionStatus::State::AuthFailed;
}

} // namespace

ConnectionStatus::ConnectionStatus(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ConnectionStatus::probe);
    connect(m_client, &ApiClient::exchanged, this,
        [this](const QString& operation, int, qint64, const ApiError& error) {
            onExchanged(operation, error);
        });
}

void ConnectionStatus::setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

void ConnectionStatus::setProbeWhileDownMs(int ms) { m_probeWhileDownMs = ms; }

QDateTime ConnectionStatus::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void ConnectionStatus::start(int intervalMs)
{
    m_intervalMs = intervalMs;
    m_started = true;
    probe();
}

void ConnectionStatus::probe()
{
    if (m_pending)
        return;
    if (m_state == State::Unknown) {
        m_state = State::Connecting;
        Q_EMIT changed();
    }
    m_pending = m_client->send(
        calls::request(ops::listTimeoutTypes, {}, RequestScheduler::Priority::Background));
    // The state follows from the exchange (onExchanged); a probe the client could not send at
    // all (e.g. held back by the rate limit) is tried again later.
    connect(m_pending, &ApiReply::finished, this, &ConnectionStatus::scheduleProbe);
}

void ConnectionStatus::scheduleProbe()
{
    if (!m_started)
        return;
    m_timer->start(troubled(m_state) || !m_answered ? m_probeWhileDownMs : m_intervalMs);
}

void ConnectionStatus::onExchanged(const QString& operation, const ApiError& error)
{
    const State before = m_state;
    const QDateTime at = now();
    bool answered = true;
    switch (error.kind) {
    case ApiErrorKind::Config:
        return; // never sent: says nothing about the service
    case ApiErrorKind::Network:
    case ApiErrorKind::Timeout:
        answered = false;
        m_offline = true;
        m_offlineError = error;
        break;
    case ApiErrorKind::Unauthorised:
        m_authFailed = true;
        m_authError = error;
        break;
    case ApiErrorKind::Forbidden:
        if (isRead(operation)) {
            m_authFailed = true;
            m_authError = error;
        }
        break;
    case ApiErrorKind::Throttled: {
        const int waitSeconds = error.retryAfterSeconds > 0 ? error.retryAfterSeconds : 60;
        m_throttled.insert(operation, { error, at, at.addSecs(waitSeconds) });
        break;
    }
    case ApiErrorKind::Server:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::Redirected: // a server answered, or refused a secure connection:
    case ApiErrorKind::Tls: // not offline
    case ApiErrorKind::TooLarge:
        m_failures.insert(operation, { error, at, {} });
        break;
    case ApiErrorKind::None:
        m_authFailed = false;
        m_failures.remove(operation);
        m_throttled.remove(operation);
        break;
    case ApiErrorKind::NotFound:
    case ApiErrorKind::BadRequest:
        m_failures.remove(operation);
        m_throttled.remove(operation);
        break;
    }
    if (answered) {
        m_offline = false;
        m_answered = true;
    }
    recompute();
    if (error.kind == ApiErrorKind::None && troubled(before)
        && (m_state == State::Online || !m_lastRecovered.isValid()
            || m_lastRecovered.msecsTo(at) >= RecoveredSpacingMs)) {
        m_lastRecovered = at;
        Q_EMIT recovered();
    }
    // Heard from the service: the next probe is due an interval from now.
    if (m_started && !m_pending)
        scheduleProbe();
}

void ConnectionStatus::recompute()
{
    const QDateTime at = now();
    for (auto it = m_failures.begin(); it != m_failures.end();)
        it = it->at.msecsTo(at) > FailureMemoryMs ? m_failures.erase(it) : std::next(it);
    for (auto it = m_throttled.begin(); it != m_throttled.end();)
        it = it->until <= at ? m_throttled.erase(it) : std::next(it);

    State state = m_answered ? State::Online : m_started ? State::Connecting : State::Unknown;
    ApiError error;
    const auto latest = [](const QHash<QString, Failure>& failures) {
        const Failure* found = nullptr;
        for (const Failure& failure : failures) {
            if (!found || failure.at > found->at)
                found = &failure;
        }
        return found ? found->error : ApiError();
    };
    if (m_authFailed) {
        state = State::AuthFailed;
        error = m_authError;
    } else if (m_offline) {
        state = State::Offline;
        error = m_offlineError;
    } else if (!m_throttled.isEmpty()) {
        state = State::Throttled;
        error = latest(m_throttled);
    } else if (!m_failures.isEmpty()) {
        state = State::Degraded;
        error = latest(m_failures);
    }
    if (state == m_state && error.kind == m_lastError.kind
        && error.httpStatus == m_lastError.httpStatus
        && error.serverMessage == m_lastError.serverMessage)
        return;
    m_state = state;
    m_lastError = error;
    Q_EMIT changed();
}

QString ConnectionStatus::text() const
{
    const QUrl url = m_client->baseUrl();
    const QString where
        = url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port()) : url.host();
    switch (m_state) {
    case State::Unknown:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting to %1…").arg(where);
    case State::Online:
        if (m_client->credentials().username.isEmpty())
            return tr("Connected to %1").arg(where);
        return tr("Connected to %1 as %2").arg(where, m_client->credentials().username);
    case State::Degraded:
        if (m_lastError.kind == ApiErrorKind::Server)
            return tr(
                "Splunk On-Call answers, but with server errors (HTTP %1). Rota keeps trying.")
                .arg(m_lastError.httpStatus);
        return tr("Splunk On-Call answers, but some answers cannot be read. Rota keeps trying.");
    case State::Offline:
        if (m_lastError.kind == ApiErrorKind::Timeout)
            return tr("Offline: %1 did not answer in time. Rota keeps trying.").arg(where);
        return tr("Offline: cannot reach %1. Rota keeps trying.").arg(where);
    case State::Throttled:
    case State::AuthFailed:
        return m_lastError.text();
    }
    return QString();
}

} // namespace rota
