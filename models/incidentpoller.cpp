#include "incidentpoller.h"

#include "apiclient.h"
#include "incidentmodel.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

namespace rota {

Q_LOGGING_CATEGORY(lcPoller, "rota.models")

namespace {

QString clockText(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

IncidentPoller::IncidentPoller(ApiClient* client, IncidentModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { send(false); });
    connect(m_client, &ApiClient::budgetChanged, this,
        [this](const QString& operation, int, int) { onBudgetChanged(operation); });
    m_text = tr("Not refreshing incidents");
}

IncidentPoller::~IncidentPoller()
{
    if (m_pending)
        m_pending->abandon();
}

void IncidentPoller::setInterval(int ms)
{
    m_intervalMs = qBound(m_minIntervalMs, ms, MaxIntervalMs);
    // A shorter interval applies now rather than after the old, longer wait.
    if (m_running && m_state == State::Active && m_timer->isActive()
        && m_timer->remainingTime() > m_intervalMs)
        schedule(m_intervalMs);
}

void IncidentPoller::setTestTiming(int minIntervalMs, int backoffBaseMs)
{
    m_minIntervalMs = qMax(1, minIntervalMs);
    m_backoffBaseMs = qMax(1, backoffBaseMs);
    setInterval(m_intervalMs);
}

void IncidentPoller::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    setState(State::Active, tr("Updating incidents…"));
    send(false);
}

void IncidentPoller::stop()
{
    m_running = false;
    m_timer->stop();
    if (m_soon)
        m_soon->stop();
    if (m_pending) {
        m_pending->abandon();
        m_pending = nullptr;
    }
    if (m_refreshing) {
        m_refreshing = false;
        Q_EMIT refreshingChanged(false);
    }
    setState(State::Stopped, tr("Not refreshing incidents"));
}

void IncidentPoller::refresh() { send(true); }

void IncidentPoller::refreshSoon()
{
    if (!m_soon) {
        m_soon = new QTimer(this);
        m_soon->setSingleShot(true);
        m_soon->setInterval(SoonMs);
        connect(m_soon, &QTimer::timeout, this, &IncidentPoller::refresh);
    }
    if (!m_soon->isActive())
        m_soon->start();
}

int IncidentPoller::backoffDelay(int failures, int baseMs)
{
    if (failures <= 0)
        return 0;
    qint64 delay = baseMs;
    for (int i = 1; i < failures && delay < MaxBackoffMs; ++i)
        delay *= 2;
    return static_cast<int>(qMin<qint64>(delay, MaxBackoffMs));
}

int IncidentPoller::nextRefreshIn() const
{
    return m_timer->isActive() ? m_timer->remainingTime() : -1;
}

void IncidentPoller::send(bool user)
{
    if (m_pending) {
        if (!user || m_pendingIsUser)
            return;
        // Promote the background refresh: the client folds the new GET into the one in flight
        // (same URL) and moves it ahead of the queue if it has not started, so it stays one call.
        // The answer may come from the call sent first, so its snapshot mark stays.
        m_pending->abandon();
        m_pending = nullptr;
    } else {
        m_requestedAt = m_model ? m_model->snapshotMark() : IncidentModel::NoMark;
    }
    m_timer->stop();
    const ApiCall<IncidentList> call = calls::listIncidents(*m_client,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    const bool wasRefreshing = m_refreshing;
    m_pending = call.reply;
    m_pendingIsUser = user;
    m_refreshing = true;
    if (!wasRefreshing)
        Q_EMIT refreshingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (m_pending != call.reply)
            return;
        m_pending = nullptr;
        m_refreshing = false;
        Q_EMIT refreshingChanged(false);
        if (call.reply->ok()) {
            const IncidentList list = call.value();
            m_failures = 0;
            m_lastError = ApiError();
            m_lastUpdated = QDateTime::currentDateTimeUtc();
            if (m_model)
                m_model->applySnapshot(list.incidents, m_requestedAt);
            if (m_running)
                schedule(m_intervalMs);
            setState(State::Active, tr("Incidents updated at %1").arg(clockText(m_lastUpdated)));
            Q_EMIT refreshed(list.incidents);
            return;
        }
        const ApiError error = call.reply->error();
        ++m_failures;
        m_lastError = error;
        qint64 delay = backoffDelay(m_failures, m_backoffBaseMs);
        if (error.kind == ApiErrorKind::Throttled) {
            delay = qMax<qint64>(delay, error.retryAfterSeconds * 1000LL);
            delay = qMax<qint64>(delay,
                m_client->scheduler()->waitFor(
                    QLatin1String(Operation), RequestScheduler::Priority::Background));
        }
        delay = qMin<qint64>(delay, MaxIntervalMs);
        const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(delay);
        const QString retry
            = m_running ? tr("Next try at %1.").arg(clockText(next)) : tr("Not refreshing.");
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
        qCInfo(lcPoller).noquote() << "incident refresh failed:" << apiErrorKindName(error.kind)
                                   << "failures" << m_failures << "next in" << delay << "ms";
        if (m_running)
            schedule(static_cast<int>(delay));
        setState(state, why + QLatin1Char(' ') + retry);
        Q_EMIT refreshFailed(error);
    });
}

void IncidentPoller::schedule(int delayMs) { m_timer->start(qMax(0, delayMs)); }

void IncidentPoller::onBudgetChanged(const QString& operation)
{
    // The client holds a refresh in flight back after a throttled answer (it retries by itself):
    // say so now rather than after its last retry.
    if (!m_pending || operation != QLatin1String(Operation) || m_state == State::Throttled)
        return;
    const qint64 wait = m_client->scheduler()->waitFor(operation, RequestScheduler::Priority::User);
    if (wait <= 0)
        return;
    const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(wait);
    setState(State::Throttled,
        tr("Paused: the rate limit was reached. Next try at %1.").arg(clockText(next)));
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
