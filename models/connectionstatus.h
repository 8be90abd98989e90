// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace rota {

class ApiClient;
class ApiReply;

//! The one connection state of a session, read by the status bar, the tray, the page footers and
//! the detail pane. It follows every exchange of the client (ApiClient::exchanged), so it changes
//! the moment any call fails or succeeds, and probes the service with a cheap call (the policy
//! timeout values) when nothing else has been heard for an interval, and every ProbeWhileDownMs
//! while the service is not fully answering, so that a recovery is noticed quickly.
//!
//! - Online: the last exchanges were answered (a 404 or 400 is an answer too).
//! - Degraded: the service answers, but some operations fail with server errors or answers Rota
//!   cannot read; they stay failed until they succeed again (or FailureMemoryMs passes).
//! - Offline: no connection, or no answer in time.
//! - Throttled: an operation was refused for the rate limit, until its wait is over.
//! - AuthFailed: the credentials were refused (a 401, or a 403 to a read; a 403 to a write is a
//!   read-only key refusing that write, which says nothing about the connection).
//!
//! recovered() tells that the service answers again after a failure: everything that failed to
//! load should be read again then.
class ConnectionStatus : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, Connecting, Online, Degraded, Offline, Throttled, AuthFailed };
    Q_ENUM(State)

    static constexpr int ProbeWhileDownMs = 15 * 1000;
    static constexpr int FailureMemoryMs = 10 * 60 * 1000;
    static constexpr int RecoveredSpacingMs = 15 * 1000;

    explicit ConnectionStatus(ApiClient* client, QObject* parent = nullptr);

    State state() const { return m_state; }
    //! The service answers (Online or Degraded): what was loaded can be trusted to be recent.
    bool isAnswering() const { return m_state == State::Online || m_state == State::Degraded; }
    //! Nothing can be read (Offline or AuthFailed): what is shown is only as old as its last read.
    bool isDown() const { return m_state == State::Offline || m_state == State::AuthFailed; }
    //! One line for the status bar, e.g. "Connected to 127.0.0.1:43121 as maya.okafor" or
    //! "Offline: cannot reach 127.0.0.1:43121. Rota keeps trying."
    QString text() const;
    //! The error behind the state (none when Online).
    const ApiError& lastError() const { return m_lastError; }

    //! Probes now and then whenever nothing was heard for `intervalMs`.
    void start(int intervalMs = 60000);
    void probe();
    //! For tests: the clock (default: the current UTC time) and the probe spacing while down.
    void setClock(std::function<QDateTime()> clock);
    void setProbeWhileDownMs(int ms);

Q_SIGNALS:
    void changed();
    //! The service answered after a failure (Offline, Degraded, Throttled or AuthFailed): re-read
    //! what failed. At most once per RecoveredSpacingMs while failures go on.
    void recovered();

private:
    struct Failure {
        ApiError error;
        QDateTime at;
        QDateTime until; //!< throttled: when the wait is over
    };

    void onExchanged(const QString& operation, const ApiError& error);
    void recompute();
    void scheduleProbe();
    QDateTime now() const;

    ApiClient* m_client;
    QTimer* m_timer;
    QPointer<ApiReply> m_pending;
    int m_intervalMs = 60000;
    int m_probeWhileDownMs = ProbeWhileDownMs;
    bool m_started = false;
    bool m_answered = false; //!< some exchange got an answer
    bool m_offline = false;
    ApiError m_offlineError;
    bool m_authFailed = false;
    ApiError m_authError;
    QHash<QString, Failure> m_failures; //!< by operation: server errors, bad answers
    QHash<QString, Failure> m_throttled; //!< by operation
    QDateTime m_lastRecovered;
    State m_state = State::Unknown;
    ApiError m_lastError;
    std::function<QDateTime()> m_clock;
};

} // namespace rota
