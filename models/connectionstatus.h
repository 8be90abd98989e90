#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QTimer;

namespace rota {

class ApiClient;
class ApiReply;

//! The connection state shown in the status bar. It probes the service with a cheap call
//! (policy timeout values) at start and then every interval, well inside the documented limit.
class ConnectionStatus : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, Connecting, Online, Offline, Throttled, AuthFailed };
    Q_ENUM(State)

    explicit ConnectionStatus(ApiClient* client, QObject* parent = nullptr);

    State state() const { return m_state; }
    //! One line for the status bar, e.g. "Connected to 127.0.0.1:43121 as maya.okafor".
    QString text() const;
    const ApiError& lastError() const { return m_lastError; }

    void start(int intervalMs = 60000);
    void probe();

Q_SIGNALS:
    void changed();

private:
    void setState(State state, const ApiError& error);

    ApiClient* m_client;
    QTimer* m_timer;
    QPointer<ApiReply> m_pending;
    State m_state = State::Unknown;
    ApiError m_lastError;
};

} // namespace rota
