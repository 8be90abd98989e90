#include "connectionstatus.h"

#include "apiclient.h"

#include <QTimer>

namespace rota {

ConnectionStatus::ConnectionStatus(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ConnectionStatus::probe);
}

void ConnectionStatus::start(int intervalMs)
{
    m_timer->start(intervalMs);
    probe();
}

void ConnectionStatus::probe()
{
    if (m_pending)
        return;
    if (m_state == State::Unknown)
        setState(State::Connecting, {});
    ApiRequest request;
    request.method = "GET";
    request.operation = QStringLiteral("GET /api-public/v1/policies/types/timeouts");
    request.path = QStringLiteral("/api-public/v1/policies/types/timeouts");
    m_pending = m_client->send(request);
    connect(m_pending, &ApiReply::finished, this, [this, reply = m_pending.data()]() {
        const ApiError error = reply->error();
        switch (error.kind) {
        case ApiErrorKind::None:
            setState(State::Online, error);
            break;
        case ApiErrorKind::Throttled:
            setState(State::Throttled, error);
            break;
        case ApiErrorKind::Unauthorised:
        case ApiErrorKind::Forbidden:
            setState(State::AuthFailed, error);
            break;
        default:
            setState(State::Offline, error);
            break;
        }
    });
}

void ConnectionStatus::setState(State state, const ApiError& error)
{
    if (state == m_state && error.kind == m_lastError.kind
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
        return QStringLiteral("Not connected");
    case State::Connecting:
        return QStringLiteral("Connecting to %1…").arg(where);
    case State::Online:
        if (m_client->credentials().username.isEmpty())
            return QStringLiteral("Connected to %1").arg(where);
        return QStringLiteral("Connected to %1 as %2").arg(where, m_client->credentials().username);
    case State::Offline:
    case State::Throttled:
    case State::AuthFailed:
        return m_lastError.text();
    }
    return QString();
}

} // namespace rota
