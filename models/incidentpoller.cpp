// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentpoller.h"

#include "apiclient.h"
#include "displayformat.h"
#include "incidentmodel.h"
#include "operations.h"

#include <QLocale>
#include <QLoggingCategory>

namespace rota {

Q_LOGGING_CATEGORY(lcPoller, "rota.models")

namespace {

QString clockText(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime().time(), displayFormat(QStringLiteral("HH:mm:ss")));
}

} // namespace

IncidentPoller::IncidentPoller(ApiClient* client, IncidentModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_poll(new Poll(DefaultIntervalMs, MinIntervalMs, MaxIntervalMs, this))
{
    m_poll->setBackoff(MinIntervalMs, MaxBackoffMs);
    connect(m_poll, &Poll::due, this, &IncidentPoller::send);
    connect(m_client, &ApiClient::budgetChanged, this,
        [this](const QString& operation, int, int) { onBudgetChanged(operation); });
    m_text = tr("Not refreshing incidents");
}

IncidentPoller::~IncidentPoller()
{
    if (m_pending)
        m_pending->abandon();
}

void IncidentPoller::setInterval(int ms) { m_poll->setInterval(ms); }

int IncidentPoller::interval() const { return m_poll->interval(); }

void IncidentPoller::setPaceText(const QString& text)
{
    m_paceText = text;
    // The line after a good refresh names the pace now; a failure's line stays as it is.
    if (m_state == State::Active && m_lastUpdated.isValid())
        setState(m_state, updatedText());
}

QString IncidentPoller::updatedText() const
{
    const QString updated = tr("Incidents updated at %1").arg(clockText(m_lastUpdated));
    return m_paceText.isEmpty() ? updated : updated + QStringLiteral(" · ") + m_paceText;
}

QString IncidentPoller::failureText(const QString& text) const
{
    if (!m_lastUpdated.isValid())
        return text;
    return text + QLatin1Char(' ') + tr("Incidents as of %1.").arg(clockText(m_lastUpdated));
}

void IncidentPoller::setTestTiming(int minIntervalMs, int backoffBaseMs)
{
    m_poll->setBackoff(qMax(1, backoffBaseMs), MaxBackoffMs);
    m_poll->setFloor(minIntervalMs);
}

bool IncidentPoller::isRefreshing() const { return m_poll->isInFlight(); }

bool IncidentPoller::isRunning() const { return m_poll->isRunning(); }

int IncidentPoller::failures() const { return m_poll->failures(); }

void IncidentPoller::start()
{
    if (m_poll->isRunning())
        return;
    m_poll->start();
    setState(State::Active, tr("Updating incidents…"));
    send(false);
}

void IncidentPoller::stop()
{
    m_poll->stop();
    if (m_pending) {
        m_pending->abandon();
        m_pending = nullptr;
    }
    if (m_poll->isInFlight()) {
        m_poll->abandon();
        Q_EMIT refreshingChanged(false);
    }
    setState(State::Stopped, tr("Not refreshing incidents"));
}

void IncidentPoller::refresh() { send(true); }

void IncidentPoller::refreshSoon() { m_poll->soon(); }

int IncidentPoller::backoffDelay(int failures, int baseMs)
{
    return Poll::backoffDelay(failures, baseMs, MaxBackoffMs);
}

int IncidentPoller::nextRefreshIn() const { return m_poll->nextIn(); }

void IncidentPoller::send(bool user)
{
    const bool promote = m_poll->isInFlight();
    if (promote) {
        if (!user || m_pendingIsUser)
            return;
        // Promote the background refresh: the client folds the new GET into the one in flight
        // (same URL) and moves it ahead of the queue if it has not started, so it stays one call.
        // The answer may come from the call sent first, so its snapshot mark stays.
        if (m_pending)
            m_pending->abandon();
        m_pending = nullptr;
    } else {
        m_requestedAt = m_model ? m_model->snapshotMark() : IncidentModel::NoMark;
        m_poll->begin(user);
    }
    const ApiCall<IncidentList> call = calls::listIncidents(*m_client,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    m_pending = call.reply;
    m_pendingIsUser = user;
    if (!promote)
        Q_EMIT refreshingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (m_pending != call.reply)
            return;
        m_pending = nullptr;
        if (call.reply->ok()) {
            // Schedules the next refresh (when running) before anyone hears of this one.
            m_poll->succeeded();
            Q_EMIT refreshingChanged(false);
            const IncidentList list = call.value();
            m_lastError = ApiError();
            m_lastUpdated = QDateTime::currentDateTimeUtc();
            if (m_model)
                m_model->applySnapshot(list.incidents, m_requestedAt);
            setState(State::Active, updatedText());
            Q_EMIT refreshed(list.incidents);
            return;
        }
        const ApiError error = call.reply->error();
        qint64 notBefore = 0;
        if (error.kind == ApiErrorKind::Throttled) {
            notBefore = qMax<qint64>(error.retryAfterSeconds * 1000LL,
                m_client->scheduler()->waitFor(
                    ops::listIncidents.key(), RequestScheduler::Priority::Background));
        }
        const int delay = m_poll->failed(notBefore);
        Q_EMIT refreshingChanged(false);
        m_lastError = error;
        const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(delay);
        const QString retry = m_poll->isRunning() ? tr("Next try at %1.").arg(clockText(next))
                                                  : tr("Not refreshing.");
        State state = State::Failed;
        QString why;
        switch (error.kind) {
        case ApiErrorKind::Network:
        case ApiErrorKind::Timeout:
            state = State::Offline;
            why = tr("Offline: %1").arg(error.text());
            break;
        case ApiErrorKind::Throttled:
            state = State::Throttled;
            why = tr("Paused: %1").arg(error.text());
            break;
        case ApiErrorKind::Unauthorised:
        case ApiErrorKind::Forbidden:
            state = State::AuthFailed;
            why = tr("Paused: %1").arg(error.text());
            break;
        default:
            why = tr("Incidents could not be refreshed: %1").arg(error.text());
            break;
        }
        qCInfo(lcPoller).noquote()
            << "incident refresh failed:" << apiErrorKindName(error.kind) << "failures"
            << m_poll->failures() << "next in" << delay << "ms";
        setState(state, failureText(why + QLatin1Char(' ') + retry));
        Q_EMIT refreshFailed(error);
    });
}

void IncidentPoller::onBudgetChanged(const QString& operation)
{
    // The client holds a refresh in flight back after a throttled answer (it retries by itself):
    // say so now rather than after its last retry.
    if (!m_pending || operation != ops::listIncidents.key() || m_state == State::Throttled)
        return;
    const qint64 wait = m_client->scheduler()->waitFor(operation, RequestScheduler::Priority::User);
    if (wait <= 0)
        return;
    const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(wait);
    setState(State::Throttled,
        failureText(
            tr("Paused: the rate limit was reached. Next try at %1.").arg(clockText(next))));
}

void IncidentPoller::setState(State state, const QString& text)
{
    const bool stateChanged = state != m_state;
    const bool textChanged = text != m_text;
    m_state = state;
    m_text = text;
    if (stateChanged)
        Q_EMIT this->stateChanged(state);
    if (textChanged)
        Q_EMIT statusTextChanged(text);
}

} // namespace rota
