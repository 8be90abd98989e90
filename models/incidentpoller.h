// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apierror.h"
#include "incidents.h"
#include "poll.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace rota {

class ApiClient;
class ApiReply;
class IncidentModel;

//! Keeps the current incidents fresh: GET /api-public/v1/incidents at background priority every
//! interval, or at once at user priority on refresh(). Never two refreshes in flight.
//!
//! After a failure it pauses and says why (state() and statusText()): offline (network, timeout),
//! failed (server errors, unreadable answers), throttled (the rate limit; also while the client
//! holds a refresh back after a throttled answer), credentials refused, or an unreadable answer. It
//! then tries again with back-off, doubling from the first step up to 5 minutes, and never sooner
//! than the rate budget allows; the first success resumes the normal interval.
class IncidentPoller : public QObject {
    Q_OBJECT
public:
    enum class State {
        Stopped, //!< nothing refreshed since start() or stop()
        Active, //!< the last refresh succeeded (or none has finished since start())
        Offline, //!< the service could not be reached; paused, retrying with back-off
        Throttled, //!< the rate limit was reached; paused until the budget allows
        AuthFailed, //!< the credentials were refused; paused, retrying with back-off
        Failed, //!< the service answered, but not with incidents (server error, an answer that
                //!< cannot be read, a refused request); paused, retrying with back-off
    };
    Q_ENUM(State)

    static constexpr int MinIntervalMs = 15 * 1000;
    static constexpr int MaxIntervalMs = 10 * 60 * 1000;
    static constexpr int DefaultIntervalMs = 30 * 1000;
    static constexpr int MaxBackoffMs = 5 * 60 * 1000;

    //! model may be null; when set, each snapshot is applied to it (IncidentModel::applySnapshot).
    explicit IncidentPoller(
        ApiClient* client, IncidentModel* model = nullptr, QObject* parent = nullptr);
    ~IncidentPoller() override;

    //! Clamped to [MinIntervalMs, MaxIntervalMs] (tests may lower the floor: setTestTiming).
    void setInterval(int ms);
    int interval() const;
    //! Words on how often it refreshes (RefreshPace::text), added to the text of a good refresh:
    //! "Incidents updated at 14:02:11 · every 15 s while you are on call". Empty: none.
    void setPaceText(const QString& text);
    QString paceText() const { return m_paceText; }
    //! For tests: the floor of the interval and the first back-off step (default MinIntervalMs).
    void setTestTiming(int minIntervalMs, int backoffBaseMs);

    //! Starts polling: one background refresh now, then every interval.
    void start();
    //! Stops polling and drops a refresh in flight.
    void stop();
    //! A refresh at user priority now, whatever the state (the user asked). While a background
    //! refresh waits in the client's queue it is promoted instead; while one is on the wire
    //! nothing new is sent. Works whether or not the poller is started.
    void refresh();
    //! refresh() after SoonMs, once however often it is asked for meanwhile: after a write, so
    //! that the rows settle to the server's truth without a call per write.
    void refreshSoon();
    static constexpr int SoonMs = Poll::SoonMs;

    State state() const { return m_state; }
    //! One line for the status bar, e.g. "Incidents updated at 14:02:11 · every minute" or
    //! "Offline: the service did not answer. Next try at 14:05:00." A failure's text ends with
    //! the time of the last good refresh when there was one: "… Incidents as of 14:02:11."
    QString statusText() const { return m_text; }
    //! A refresh is on its way (sent or waiting in the client's queue).
    bool isRefreshing() const;
    bool isRunning() const;
    const ApiError& lastError() const { return m_lastError; }
    QDateTime lastUpdated() const { return m_lastUpdated; }
    //! Consecutive failed refreshes.
    int failures() const;
    //! The delay before the next try after `failures` consecutive failures: base doubled per
    //! failure after the first, at most MaxBackoffMs.
    static int backoffDelay(int failures, int baseMs);
    //! Milliseconds until the next scheduled refresh; -1 when none is scheduled.
    int nextRefreshIn() const;

Q_SIGNALS:
    void stateChanged(rota::IncidentPoller::State state);
    void statusTextChanged(const QString& text);
    //! A refresh went out (true) or its answer arrived (false).
    void refreshingChanged(bool refreshing);
    //! A snapshot arrived (after it was applied to the model, if any).
    void refreshed(const QList<rota::Incident>& incidents);
    //! A refresh failed (after the client's own retries).
    void refreshFailed(const rota::ApiError& error);

private:
    void send(bool user);
    void setState(State state, const QString& text);
    //! "Incidents updated at 14:02:11", with the pace when there is one.
    QString updatedText() const;
    //! A failure's words, with the time of the last good refresh when there was one.
    QString failureText(const QString& text) const;
    void onBudgetChanged(const QString& operation);

    ApiClient* m_client;
    QPointer<IncidentModel> m_model;
    Poll* m_poll; //!< the interval, the refresh in flight, the back-off, refreshSoon()
    QPointer<ApiReply> m_pending;
    bool m_pendingIsUser = false;
    quint64 m_requestedAt = 0; //!< IncidentModel::snapshotMark() when the refresh was sent
    State m_state = State::Stopped;
    QString m_text;
    ApiError m_lastError;
    QDateTime m_lastUpdated;
    QString m_paceText;
};

} // namespace rota
