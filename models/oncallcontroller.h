// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;
class OnCallModel;
class Poll;

//! Keeps an OnCallModel fresh and acts on it: "take on-call" and "hand back".
//!
//! A refresh reads GET /oncall/current, then the v2 schedule of each team shown (at most
//! maxTeamSchedules() per refresh, the teams the signed-in user is on call for first) for the
//! "until" and the stand-ins, and the signed-in user's v2 schedule for the next ShiftDays days
//! (their shifts: OnCallModel::setMyShifts). Automatic refreshes run every interval() at background
//! priority; refresh() runs one at user priority. Never two refreshes at once: one asked for
//! meanwhile runs when the first is done.
//!
//! Writes made with a read-only key fail with 403: the first such answer makes isReadOnly() true
//! with the reason in words (setReadOnly() says so up front), and later actions are refused
//! without a call.
class OnCallController : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 60 * 1000;
    static constexpr int MinIntervalMs = 15 * 1000;
    static constexpr int DefaultMaxTeamSchedules = 20;
    //! How far ahead the user's shifts are read: the most the schedule call gives at once.
    static constexpr int ShiftDays = 30;

    //! Acts as client->credentials().username, who becomes the model's username. Nothing owned.
    OnCallController(ApiClient* client, OnCallModel* model, QObject* parent = nullptr);
    ~OnCallController() override;

    //! Clamped to at least MinIntervalMs (tests may lower the floor with setTestTiming).
    void setInterval(int ms);
    int interval() const;
    void setTestTiming(int minIntervalMs);
    void setMaxTeamSchedules(int count) { m_maxSchedules = count; }
    int maxTeamSchedules() const { return m_maxSchedules; }

    //! A background refresh now, then every interval.
    void start();
    void stop();
    //! A refresh now at user priority (F5, after an action).
    void refresh();

    //! A refresh is in flight.
    bool isLoading() const { return m_loading; }
    //! A take or hand-back is in flight.
    bool isBusy() const { return m_busy; }
    //! "Updated at 14:02:11": when the last good refresh ended; empty before. A failed refresh
    //! leaves it as it was: the failure is readError(), said once.
    QString statusText() const { return m_status; }
    //! Why the last refresh failed; kind None once a refresh succeeded (or before any).
    ApiError readError() const { return m_readError; }
    //! readError() in words for people: "Could not read who is on call: …"; empty when none.
    QString readErrorText() const;

    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    //! Marks the key read-only (known up front); an empty reason clears it.
    void setReadOnly(const QString& reason);

    //! The signed-in user takes the policy's on-call from `fromUser` (who must be on call for it).
    //! Uses PATCH /policies/{policy}/oncall/user; only where that call is not available (404 or
    //! 405) the deprecated team call. False when nothing was sent (busy, read-only, no user).
    bool take(const QString& policySlug, const QString& fromUser);
    //! Gives the policy back to `toUser`, whom the signed-in user stands in for: the same call
    //! with the users swapped.
    bool handBack(const QString& policySlug, const QString& toUser);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void busyChanged(bool busy);
    void statusTextChanged(const QString& text);
    //! readError() changed (a refresh failed, or one succeeded after a failure).
    void readErrorChanged();
    void readOnlyChanged(bool readOnly, const QString& reason);
    //! A refresh finished (ok or not) and the model has what it brought.
    void refreshed(bool ok);
    //! A take or hand-back was answered. `message` is for people: what happened or what failed.
    void actionFinished(bool ok, const QString& message);

private:
    enum class Kind { Take, HandBack };
    bool act(Kind kind, const QString& policySlug, const QString& fromUser, const QString& toUser);
    void sendTake(Kind kind, const QString& policySlug, const QString& fromUser,
        const QString& toUser, bool teamCall);
    void send(bool user);
    void sendSchedules(bool user);
    void sendMySchedule(bool user);
    void scheduleAnswered();
    void finishRefresh(bool ok, const ApiError& error = {});
    void setLoading(bool loading);
    void setBusy(bool busy);
    void setStatus(const QString& text);
    void noteForbidden(const ApiError& error);

    ApiClient* m_client;
    QPointer<OnCallModel> m_model;
    Poll* m_poll; //!< the interval; a refresh asked for while one runs is queued
    int m_maxSchedules = DefaultMaxTeamSchedules;
    bool m_loading = false;
    bool m_busy = false;
    int m_pendingSchedules = 0;
    QString m_status;
    ApiError m_readError;
    QString m_readOnlyReason;
};

} // namespace rota
