// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "oncallcontroller.h"

#include "apiclient.h"
#include "displayformat.h"
#include "nextshift.h"
#include "oncall.h"
#include "oncallmodel.h"
#include "poll.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTime>

namespace rota {

Q_LOGGING_CATEGORY(lcOnCall, "rota.models")

OnCallController::OnCallController(ApiClient* client, OnCallModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_poll(new Poll(DefaultIntervalMs, MinIntervalMs, Poll::NoCeiling, this))
{
    m_poll->setWhileInFlight(Poll::WhileInFlight::Queue);
    connect(m_poll, &Poll::due, this, &OnCallController::send);
    if (m_model)
        m_model->setUsername(m_client->credentials().username);
}

OnCallController::~OnCallController() = default;

void OnCallController::setInterval(int ms) { m_poll->setInterval(ms); }

int OnCallController::interval() const { return m_poll->interval(); }

void OnCallController::setTestTiming(int minIntervalMs) { m_poll->setFloor(minIntervalMs); }

void OnCallController::start()
{
    m_poll->start();
    send(false);
}

void OnCallController::stop() { m_poll->stop(); }

void OnCallController::refresh() { send(true); }

void OnCallController::setReadOnly(const QString& reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    Q_EMIT readOnlyChanged(isReadOnly(), reason);
}

void OnCallController::send(bool user)
{
    if (!m_poll->begin(user))
        return; // runs when the one in flight is done
    setLoading(true);
    const auto priority
        = user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background;
    const auto call = calls::getCurrentOnCall(*m_client, priority);
    connect(call.reply, &ApiReply::finished, this, [this, call, user] {
        if (!call.reply->ok()) {
            qCInfo(lcOnCall, "could not read who is on call: %s",
                qPrintable(call.reply->error().detail()));
            finishRefresh(false, call.reply->error());
            return;
        }
        if (m_model)
            m_model->applyCurrent(call.value());
        sendSchedules(user);
    });
}

// The current call has no "until" and no stand-ins; each team's schedule for the next day has.
// The signed-in user's teams go first, so the tray's "until" is there even in a large org.
void OnCallController::sendSchedules(bool user)
{
    QStringList teams;
    if (m_model) {
        for (const MyOnCall& mine : m_model->myOnCall()) {
            if (!teams.contains(mine.teamSlug))
                teams << mine.teamSlug;
        }
        for (const QString& slug : m_model->teamSlugs()) {
            if (!teams.contains(slug))
                teams << slug;
        }
    }
    if (teams.size() > m_maxSchedules)
        teams = teams.mid(0, m_maxSchedules);
    const auto priority
        = user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background;
    ScheduleQuery query;
    query.daysForward = 1;
    m_pendingSchedules = int(teams.size()) + 1;
    sendMySchedule(user);
    for (const QString& team : std::as_const(teams)) {
        const auto call = calls::getTeamSchedule(*m_client, team, query, priority);
        connect(call.reply, &ApiReply::finished, this, [this, call, team] {
            if (call.reply->ok()) {
                if (m_model)
                    m_model->applySchedule(call.value());
            } else {
                // Who is on call is still right; only "until" and the stand-ins are missing.
                qCInfo(lcOnCall, "no schedule for team %s: %s", qPrintable(team),
                    qPrintable(call.reply->error().detail()));
            }
            scheduleAnswered();
        });
    }
}

// The next shifts come from the user's own schedule: it lists the policies the user is named in
// whether or not they are on call now, which the teams shown (those on call now) need not cover.
void OnCallController::sendMySchedule(bool user)
{
    const QString username = m_client->credentials().username;
    if (username.isEmpty()) {
        scheduleAnswered();
        return;
    }
    ScheduleQuery query;
    query.daysForward = ShiftDays;
    const auto call = calls::getUserSchedule(*m_client, username, query,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call, username] {
        if (call.reply->ok()) {
            if (m_model)
                m_model->setMyShifts(shifts::mine(call.value().teamSchedules, username));
        } else {
            // The shifts read before still hold; they are read again at the next refresh.
            qCInfo(lcOnCall, "no schedule for the signed-in user: %s",
                qPrintable(call.reply->error().detail()));
        }
        scheduleAnswered();
    });
}

void OnCallController::scheduleAnswered()
{
    if (--m_pendingSchedules == 0)
        finishRefresh(true);
}

QString OnCallController::readErrorText() const
{
    if (!m_readError.isError())
        return QString();
    return tr("Could not read who is on call: %1").arg(m_readError.text());
}

void OnCallController::finishRefresh(bool ok, const ApiError& error)
{
    if (ok)
        setStatus(tr("Updated at %1")
                      .arg(QLocale().toString(
                          QTime::currentTime(), displayFormat(QStringLiteral("HH:mm:ss")))));
    // One place holds the failure (the status keeps the last good refresh), so that a view
    // says it once, and a good refresh takes it away.
    const bool changed = error.kind != m_readError.kind
        || error.httpStatus != m_readError.httpStatus
        || error.serverMessage != m_readError.serverMessage;
    m_readError = error;
    if (changed)
        Q_EMIT readErrorChanged();
    setLoading(false);
    Q_EMIT refreshed(ok);
    // The next after the interval, or at once the one asked for meanwhile.
    if (ok)
        m_poll->succeeded();
    else
        m_poll->failed();
}

bool OnCallController::take(const QString& policySlug, const QString& fromUser)
{
    return act(Kind::Take, policySlug, fromUser, m_client->credentials().username);
}

bool OnCallController::handBack(const QString& policySlug, const QString& toUser)
{
    return act(Kind::HandBack, policySlug, m_client->credentials().username, toUser);
}

bool OnCallController::act(
    Kind kind, const QString& policySlug, const QString& fromUser, const QString& toUser)
{
    if (m_busy || policySlug.isEmpty() || fromUser.isEmpty() || toUser.isEmpty())
        return false;
    if (isReadOnly()) {
        Q_EMIT actionFinished(false, m_readOnlyReason);
        return false;
    }
    setBusy(true);
    sendTake(kind, policySlug, fromUser, toUser, false);
    return true;
}

void OnCallController::sendTake(Kind kind, const QString& policySlug, const QString& fromUser,
    const QString& toUser, bool teamCall)
{
    const TakeRequest request { fromUser, toUser };
    const QString team = m_model ? m_model->teamOfPolicy(policySlug) : QString();
    const auto call = teamCall ? calls::takeTeamOnCall(*m_client, team, request)
                               : calls::takeOnCall(*m_client, policySlug, request);
    connect(call.reply, &ApiReply::finished, this,
        [this, call, kind, policySlug, fromUser, toUser, teamCall, team] {
            const QString policyName = [&] {
                const QModelIndex index
                    = m_model ? m_model->policyIndex(policySlug) : QModelIndex();
                return index.isValid() ? index.data().toString() : policySlug;
            }();
            if (call.reply->ok()) {
                setBusy(false);
                Q_EMIT actionFinished(true,
                    kind == Kind::Take
                        ? tr("You are on call for %1 instead of %2.").arg(policyName, fromUser)
                        : tr("%1 is on call for %2 again.").arg(toUser, policyName));
                refresh();
                return;
            }
            const ApiError error = call.reply->error();
            // The policy call is the one to use. Only a service that does not have it (404 for
            // the path, 405 for the method) gets the deprecated team call, which acts on every
            // policy of the team that has fromUser on call.
            const bool unavailable
                = error.kind == ApiErrorKind::NotFound || error.httpStatus == 405;
            if (!teamCall && unavailable && !team.isEmpty()) {
                qCInfo(lcOnCall, "policy take not available (HTTP %d); using the team call",
                    error.httpStatus);
                sendTake(kind, policySlug, fromUser, toUser, true);
                return;
            }
            setBusy(false);
            if (error.kind == ApiErrorKind::Forbidden)
                noteForbidden(error);
            const QString what = kind == Kind::Take ? tr("Could not take on-call for %1: %2")
                                                    : tr("Could not hand %1 back: %2");
            Q_EMIT actionFinished(false,
                what.arg(policyName,
                    error.kind == ApiErrorKind::Forbidden ? m_readOnlyReason : error.text()));
        });
}

void OnCallController::noteForbidden(const ApiError& error)
{
    // Reads work (the view is full), so a 403 on a write is a key that may only read.
    QString reason = tr("The API key is read-only: taking and handing back on-call need a key "
                        "that may write.");
    if (!error.userMessage().isEmpty())
        reason += QLatin1Char(' ') + tr("Splunk On-Call said: %1").arg(error.userMessage());
    setReadOnly(reason);
}

void OnCallController::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void OnCallController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void OnCallController::setStatus(const QString& text)
{
    if (text == m_status)
        return;
    m_status = text;
    Q_EMIT statusTextChanged(text);
}

} // namespace rota
