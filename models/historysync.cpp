// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historysync.h"

#include "apiclient.h"
#include "displayformat.h"
#include "historystore.h"
#include "incidents.h"
#include "oncall.h"
#include "operations.h"
#include "poll.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rota {

Q_LOGGING_CATEGORY(lcHistorySync, "rota.models")

namespace {

// How long a check for open incidents reaches back: older ones that are still open are rare,
// and reading further back for them would cost pages every ten minutes.
constexpr qint64 OpenReachMs = qint64(7) * 24 * 60 * 60 * 1000;
// While the yield function says wait, it is asked again this often.
constexpr int YieldRecheckMs = 5 * 1000;
// After a failure: 1, 2, 4… minutes, at most 30.
constexpr int FirstBackOffMs = 60 * 1000;
constexpr int MaxBackOffMs = 30 * 60 * 1000;
constexpr qint64 ShiftLogRetryMs = qint64(5) * 60 * 1000;
// How long a check waits for the store to name the incidents stored open, and how often it looks.
constexpr qint64 OpenAnswerWaitMs = 10 * 1000;
constexpr int OpenAnswerPollMs = 100;

QDateTime fromMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

qint64 startMs(const Incident& incident)
{
    return incident.startTime.isValid() ? incident.startTime.toMSecsSinceEpoch() : -1;
}

qint64 numberOf(const Incident& incident) { return incident.incidentNumber.toLongLong(); }

// "42 s", "3 min", "about 14 h", "about 3 days": a wait or a remaining time for people.
QString durationText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(qMax<qint64>(seconds, 1));
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    const qint64 hours = (minutes + 30) / 60;
    if (hours < 48)
        return QStringLiteral("%1 h").arg(hours);
    return QStringLiteral("%1 days").arg((hours + 12) / 24);
}

// A countdown: seconds while under two minutes ("62 s" rather than "2 min").
QString countdownText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    return seconds < 120 ? QStringLiteral("%1 s").arg(qMax<qint64>(seconds, 1)) : durationText(ms);
}

} // namespace

HistorySync::HistorySync(ApiClient* client, HistoryStore* store, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HistorySync::next);
    connect(m_store, &HistoryStore::writeFailed, this, &HistorySync::writeFailed);
    connect(m_store, &HistoryStore::opened, this, &HistorySync::onOpened);
}

HistorySync::~HistorySync()
{
    if (m_pending)
        m_pending->abandon();
}

void HistorySync::setClock(Clock clock) { m_clock = std::move(clock); }

void HistorySync::setYield(std::function<bool()> othersFirst)
{
    m_othersFirst = std::move(othersFirst);
}

void HistorySync::setShiftLog(const QString& user, const QStringList& teamSlugs)
{
    const bool changed = teamSlugs != m_teams;
    m_user = user;
    m_teams = teamSlugs;
    if (changed) {
        // New teams: their logs are read at the next turn, not an hour on.
        m_lastShiftLog = QDateTime();
        if (m_started)
            QTimer::singleShot(0, this, &HistorySync::next);
    }
}

void HistorySync::setUntil(const QDateTime& until)
{
    const qint64 untilMs = until.isValid() ? until.toMSecsSinceEpoch() : -1;
    if (!m_loaded) {
        // Applied to the stored state once the store is open.
        m_untilGiven = true;
        m_untilWanted = untilMs;
        return;
    }
    applyUntil(untilMs);
}

void HistorySync::applyUntil(qint64 untilMs)
{
    if (untilMs == m_sync.untilMs)
        return;
    // A limit further back than the one the backfill stopped at (or none) opens it again.
    const bool further = untilMs < 0 || untilMs < m_sync.untilMs;
    if (m_sync.backfillDone && m_sync.untilMs >= 0 && further)
        m_sync.backfillDone = false;
    m_sync.untilMs = untilMs;
    m_store->saveSyncState(m_sync);
    Q_EMIT progressChanged();
    if (m_started)
        QTimer::singleShot(0, this, &HistorySync::next);
}

QDateTime HistorySync::until() const
{
    const qint64 ms = m_loaded ? m_sync.untilMs : m_untilWanted;
    return ms >= 0 ? fromMs(ms) : QDateTime();
}

QDateTime HistorySync::now() const { return m_clock(); }

void HistorySync::start()
{
    m_storeFailed = false;
    if (m_started) {
        next();
        return;
    }
    m_started = true;
    if (m_store->isReady()) {
        onStoreOpened();
        return;
    }
    setState(State::Reading);
}

void HistorySync::onOpened(HistoryDatabase::OpenResult result, const QString& message)
{
    if (!m_started)
        return; // start() reads the state
    if (!m_store->isReady()
        && (result == HistoryDatabase::OpenResult::Failed
            || result == HistoryDatabase::OpenResult::TooNew)) {
        m_storeFailed = true;
        m_failure = tr("The history cannot be kept on this computer: %1").arg(message);
        setState(State::Failed);
        return;
    }
    // Another file (or the same one again): go on from what it holds.
    onStoreOpened();
}

void HistorySync::onStoreOpened()
{
    // The store's state describes what it holds: after a crash the sync goes on from there.
    ++m_generation;
    if (m_pending) {
        m_pending->abandon();
        m_pending = nullptr;
    }
    m_writing = false;
    m_storeFailed = false;
    m_checking = false;
    m_newOffset = 0;
    m_olderOffset = 0;
    m_lastCheck = QDateTime();
    m_retryAt = QDateTime();
    m_sync = m_store->syncState();
    m_loaded = true;
    if (m_untilGiven) {
        m_untilGiven = false;
        applyUntil(m_untilWanted);
    }
    m_open.clear();
    askOpenIncidents();
    Q_EMIT progressChanged();
    next();
}

void HistorySync::askOpenIncidents()
{
    // The incidents stored open are what the checks for new ones read again, for their
    // acknowledgement and resolution.
    HistoryFilter filter;
    filter.phases = { Phase::Triggered, Phase::Acknowledged };
    filter.from = now().addMSecs(-OpenReachMs);
    m_openKnown = false;
    m_openAsked = now();
    QPointer<HistorySync> self(this);
    const quint64 generation = m_generation;
    // Not a query(): that would take the place of the search the Reports view waits for.
    m_store->matching(filter, [self, generation](const QList<HistoryIncident>& incidents) {
        if (!self || self->m_generation != generation)
            return;
        self->m_openKnown = true;
        // Pages read meanwhile are newer than this answer: they win.
        for (const HistoryIncident& incident : incidents) {
            if (!self->m_open.contains(incident.number))
                self->m_open.insert(incident.number, incident.startMs);
        }
    });
}

void HistorySync::stop()
{
    m_started = false;
    m_timer->stop();
    if (m_pending) {
        m_pending->abandon();
        m_pending = nullptr;
    }
    m_checking = false;
    m_newOffset = 0;
    setState(State::Stopped);
}

void HistorySync::setPaused(bool paused)
{
    if (paused) {
        if (m_paused)
            return;
        m_paused = true;
        m_timer->stop();
        // The call on its way is dropped; its page is asked again after the pause. A page being
        // written is kept: the store finishes it.
        if (m_pending) {
            m_pending->abandon();
            m_pending = nullptr;
        }
        setState(State::Paused);
        return;
    }
    if (!m_paused && !m_storeFailed)
        return;
    m_paused = false;
    m_storeFailed = false;
    m_retryAt = QDateTime();
    setState(m_started ? State::Reading : State::Stopped);
    next();
}

void HistorySync::checkNow()
{
    if (m_storeFailed)
        return; // a full disk is not cured by trying again: the user resumes
    m_retryAt = QDateTime();
    if (m_state == State::CaughtUp)
        m_lastCheck = QDateTime(); // look for new ones now
    next();
}

void HistorySync::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void HistorySync::scheduleNext(qint64 delayMs)
{
    const qint64 capped = std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max());
    m_timer->start(static_cast<int>(capped));
}

HistorySync::Walk HistorySync::nextWalk() const
{
    if (m_checking)
        return Walk::New;
    if (m_sync.newestMs < 0 && !m_sync.backfillDone)
        return Walk::Newest;
    if (!m_lastCheck.isValid() || m_lastCheck.msecsTo(now()) >= NewCheckIntervalMs)
        return Walk::New;
    return Walk::Older;
}

qint64 HistorySync::checkAfterMs() const
{
    if (m_sync.newestMs < 0)
        return -1;
    qint64 from = m_sync.newestMs - LagMarginMs;
    // Back to the oldest incident still open when read (within a week), so that its
    // acknowledgement and resolution arrive too.
    const qint64 reach = now().toMSecsSinceEpoch() - OpenReachMs;
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (it.value() >= reach)
            from = qMin(from, it.value());
    }
    // The history's startedAfter is exclusive.
    return from - 1;
}

void HistorySync::next()
{
    m_timer->stop();
    m_yielding = false;
    if (!m_started || m_paused || m_storeFailed || !m_store->isReady())
        return;
    if (m_teams.isEmpty()
            ? false
            : (!m_lastShiftLog.isValid() || m_lastShiftLog.msecsTo(now()) >= ShiftLogIntervalMs)) {
        sendShiftLogs();
    }
    if (m_pending || m_writing)
        return;

    const QDateTime at = now();
    if (m_retryAt.isValid() && at < m_retryAt) {
        scheduleNext(at.msecsTo(m_retryAt));
        return;
    }

    if (!m_sync.backfillDone && m_sync.untilMs >= 0 && m_sync.oldestMs >= 0
        && m_sync.oldestMs < m_sync.untilMs) {
        // Read back to the limit already (a later limit than the one read to).
        m_sync.backfillDone = true;
        m_store->saveSyncState(m_sync);
        Q_EMIT progressChanged();
    }

    const bool backfillLeft = !m_sync.backfillDone;
    Walk walk = nextWalk();
    if (walk == Walk::Older && !backfillLeft) {
        setState(State::CaughtUp);
        const qint64 due = NewCheckIntervalMs - m_lastCheck.msecsTo(at);
        scheduleNext(due);
        return;
    }
    m_walk = walk;
    if (walk == Walk::New && !m_checking && !m_openKnown) {
        // The check reads the incidents stored open again: it waits (a little) for the store
        // to name them, and asks again if the store has not answered by then.
        if (m_openAsked.isValid() && m_openAsked.msecsTo(at) < OpenAnswerWaitMs) {
            scheduleNext(OpenAnswerPollMs);
            return;
        }
        askOpenIncidents();
        scheduleNext(OpenAnswerPollMs);
        return;
    }

    // The one call a minute: asked only once the budget has it, so that the call never waits in
    // the scheduler's queue ahead of someone else's (the away-pages check, a user's search).
    const QString operation = ops::searchIncidentHistory.key();
    const qint64 wait
        = m_client->scheduler()->waitFor(operation, RequestScheduler::Priority::Background);
    if (wait > 0) {
        m_nextCall = at.addMSecs(wait);
        setState(State::Waiting);
        scheduleNext(wait);
        return;
    }
    if (m_othersFirst && m_othersFirst()) {
        m_yielding = true;
        m_nextCall = QDateTime();
        setState(State::Waiting);
        scheduleNext(YieldRecheckMs);
        return;
    }
    sendPage();
}

void HistorySync::sendPage()
{
    ReportingQuery query;
    query.limit = PageSize;
    // Every phase: the history's default is the resolved ones only.
    query.currentPhase = { Phase::Triggered, Phase::Acknowledged, Phase::Resolved };
    const Walk walk = m_walk;
    switch (walk) {
    case Walk::Newest:
        break;
    case Walk::Older:
        // By time, so that incidents arriving meanwhile do not shift the pages; one millisecond
        // on, so that the incidents sharing the oldest start are read again rather than missed
        // when a page ended among them.
        query.startedBefore = fromMs(m_sync.oldestMs + 1);
        query.offset = m_olderOffset;
        break;
    case Walk::New:
        if (!m_checking) {
            m_checkFromMs = checkAfterMs();
            m_checkNewestMs = -1;
            m_newOffset = 0;
        }
        if (m_checkFromMs >= 0)
            query.startedAfter = fromMs(m_checkFromMs);
        query.offset = m_newOffset;
        break;
    }
    ++m_callsSent;
    const ApiCall<ReportingIncidentList> call
        = calls::searchIncidentHistory(*m_client, query, RequestScheduler::Priority::Background);
    m_pending = call.reply;
    m_nextCall = QDateTime();
    setState(State::Reading);
    // Held back by the client (the service said to wait, e.g. another program used this key's
    // call of the minute): said as a wait, not as reading.
    connect(call.reply, &ApiReply::held, this, [this](qint64 waitMs) {
        m_nextCall = now().addMSecs(waitMs);
        Q_EMIT stateChanged(m_state);
    });
    connect(call.reply, &ApiReply::finished, this, [this, call, walk] {
        if (m_pending != call.reply)
            return;
        m_pending = nullptr;
        if (!call.reply->ok()) {
            callFailed(call.reply->error());
            return;
        }
        const ReportingIncidentList list = call.value();
        pageAnswered(walk, list.incidents, list.total, list.offset);
    });
}

void HistorySync::pageAnswered(Walk walk, const QList<Incident>& incidents, int total, int offset)
{
    m_failures = 0;
    m_lastError = ApiError();
    m_failure.clear();
    m_retryAt = QDateTime();

    const int n = static_cast<int>(incidents.size());
    qint64 minStart = std::numeric_limits<qint64>::max();
    qint64 maxStart = -1;
    for (const Incident& incident : incidents) {
        const qint64 start = startMs(incident);
        if (start < 0)
            continue;
        minStart = qMin(minStart, start);
        maxStart = qMax(maxStart, start);
    }
    const bool dated = maxStart >= 0;
    const bool full = n >= PageSize;
    const QDateTime at = now();

    HistorySyncState state = m_sync;
    state.lastSyncMs = at.toMSecsSinceEpoch();
    // What this page changes of the walk, applied once it is stored.
    int olderOffset = m_olderOffset;
    int newOffset = m_newOffset;
    bool checking = m_checking;
    qint64 checkNewest = m_checkNewestMs;
    bool checked = false;
    // How many incidents the history has beyond what this page and the store hold; -1 when the
    // page does not say.
    int remaining = -1;

    switch (walk) {
    case Walk::Newest:
        state.serverTotal = total;
        if (dated) {
            state.newestMs = maxStart;
            state.oldestMs = minStart;
        }
        state.backfillDone = !full;
        // A whole page started at one time: the next page reads that time on by offset.
        olderOffset = full && dated && minStart == maxStart ? PageSize : 0;
        checked = true;
        break;
    case Walk::Older:
        remaining = qMax(0, total - offset - n);
        if (!full || !dated) {
            state.backfillDone = true;
            if (dated)
                state.oldestMs = qMin(state.oldestMs, minStart);
            olderOffset = 0;
        } else if (minStart == maxStart) {
            olderOffset = minStart == m_sync.oldestMs ? m_olderOffset + PageSize : PageSize;
            state.oldestMs = minStart;
        } else {
            state.oldestMs = minStart;
            olderOffset = 0;
        }
        break;
    case Walk::New:
        if (dated)
            checkNewest = qMax(checkNewest, maxStart);
        if (full) {
            checking = true;
            newOffset = m_newOffset + n;
        } else {
            checking = false;
            newOffset = 0;
            checked = true;
            state.newestMs = qMax(state.newestMs, checkNewest);
            if (state.oldestMs < 0 && dated)
                state.oldestMs = minStart;
        }
        break;
    }
    if (!state.backfillDone && state.untilMs >= 0 && dated && minStart < state.untilMs)
        state.backfillDone = true;

    m_writing = true;
    const int storedBefore = m_store->storedCount();
    QPointer<HistorySync> self(this);
    const quint64 generation = m_generation;
    m_store->storeIncidents(incidents, state,
        [self, generation, walk, incidents, state, olderOffset, newOffset, checking, checkNewest,
            checked, remaining, storedBefore, at](bool ok, const QString& error, int added) {
            if (!self || self->m_generation != generation)
                return;
            HistorySync& sync = *self;
            sync.m_writing = false;
            if (!ok) {
                sync.writeFailed(error);
                return;
            }
            sync.m_sync = state;
            sync.m_olderOffset = olderOffset;
            sync.m_newOffset = newOffset;
            sync.m_checking = checking;
            sync.m_checkNewestMs = checkNewest;
            if (checked)
                sync.m_lastCheck = at;
            const qint64 reach = at.toMSecsSinceEpoch() - OpenReachMs;
            for (const Incident& incident : incidents) {
                const qint64 start = startMs(incident);
                if (incident.isOpen() && start >= reach)
                    sync.m_open.insert(numberOf(incident), start);
                else
                    sync.m_open.remove(numberOf(incident));
            }
            // The history's own count, as far as the pages tell it: what the store holds now
            // and what the backfill has not read yet.
            int serverTotal = state.serverTotal;
            const int storedNow = storedBefore + added;
            if (walk == Walk::Older)
                serverTotal = storedNow + remaining;
            else if (walk == Walk::New && serverTotal >= 0)
                serverTotal += added;
            if (state.backfillDone && state.untilMs < 0)
                serverTotal = qMax(serverTotal, storedNow);
            if (serverTotal != state.serverTotal) {
                sync.m_sync.serverTotal = serverTotal;
                sync.m_store->saveSyncState(sync.m_sync);
            }
            qCDebug(lcHistorySync).noquote()
                << "history page stored:" << incidents.size() << "read," << added << "new";
            Q_EMIT sync.pageStored(added);
            Q_EMIT sync.progressChanged();
            sync.next();
        });
}

void HistorySync::callFailed(const ApiError& error)
{
    ++m_failures;
    m_lastError = error;
    const qint64 backOff = Poll::backoffDelay(m_failures, FirstBackOffMs, MaxBackOffMs);
    m_retryAt = now().addMSecs(backOff);
    m_failure = tr("Cannot read the history: %1").arg(error.text());
    qCDebug(lcHistorySync).noquote() << "history call failed:" << error.detail();
    setState(State::Failed);
    scheduleNext(backOff);
}

void HistorySync::writeFailed(const QString& message)
{
    if (m_storeFailed)
        return;
    m_storeFailed = true;
    m_writing = false;
    m_timer->stop();
    if (m_pending) {
        m_pending->abandon();
        m_pending = nullptr;
    }
    m_failure = tr("Cannot save the history: %1. Reading stopped; resume to try again.")
                    .arg(message.endsWith(QLatin1Char('.')) ? message.chopped(1) : message);
    qCWarning(lcHistorySync).noquote() << "history write failed:" << message;
    setState(State::Failed);
}

void HistorySync::sendShiftLogs()
{
    if (m_shiftLogsPending > 0)
        return;
    const QDateTime at = now();
    m_lastShiftLog = at;
    m_shiftLogFailed = false;
    // This month and the last, in local time (as "this month" is counted for people).
    const QDate today = at.toLocalTime().date();
    const QDateTime from
        = QDateTime(QDate(today.year(), today.month(), 1).addMonths(-1), QTime(0, 0)).toUTC();
    ShiftLogQuery query;
    query.start = from;
    query.end = at;
    const QStringList teams = m_teams;
    for (const QString& team : teams) {
        const ApiCall<OnCallLog> call = calls::getTeamShiftLog(
            *m_client, team, query, RequestScheduler::Priority::Background);
        ++m_shiftLogsPending;
        connect(call.reply, &ApiReply::finished, this, [this, call, team, from, at] {
            --m_shiftLogsPending;
            if (!call.reply->ok()) {
                if (!m_shiftLogFailed) {
                    m_shiftLogFailed = true;
                    // Tried again in a few minutes, not an hour on.
                    m_lastShiftLog = now().addMSecs(ShiftLogRetryMs - ShiftLogIntervalMs);
                }
                qCDebug(lcHistorySync).noquote()
                    << "shift log of" << team << "failed:" << call.reply->error().detail();
                return;
            }
            const OnCallLog log = call.value();
            QList<ShiftRecord> shifts;
            for (const UserShiftLog& user : log.userLogs) {
                for (const OnCallInterval& interval : user.log) {
                    ShiftRecord shift;
                    shift.team = team;
                    shift.user = user.userId;
                    shift.policySlug = interval.escalationPolicy.slug;
                    shift.policyName = interval.escalationPolicy.name;
                    shift.onMs = interval.on.isValid() ? interval.on.toMSecsSinceEpoch() : -1;
                    shift.offMs = interval.off.isValid() ? interval.off.toMSecsSinceEpoch() : -1;
                    shifts.append(shift);
                }
            }
            m_store->storeShifts(
                team, from.toMSecsSinceEpoch(), at.toMSecsSinceEpoch() + 1, shifts);
        });
    }
}

QString HistorySync::stateText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Not reading the history");
    case State::Reading:
        if (!m_store->isReady())
            return tr("Opening the history…");
        if (m_pending && m_nextCall.isValid())
            return tr("The service asked to wait: next call in %1")
                .arg(countdownText(qMax<qint64>(0, now().msecsTo(m_nextCall))));
        switch (m_walk) {
        case Walk::Newest:
            return tr("Reading the newest incidents…");
        case Walk::Older:
            return tr("Reading older incidents…");
        case Walk::New:
            return tr("Looking for new incidents…");
        }
        return QString();
    case State::Waiting:
        if (m_yielding)
            return tr("Waiting: Rota's check for pages you missed goes first");
        if (m_nextCall.isValid())
            return tr("Next call in %1 (one a minute)")
                .arg(countdownText(qMax<qint64>(0, now().msecsTo(m_nextCall))));
        return tr("Waiting for the next call");
    case State::CaughtUp:
        return tr("Up to date");
    case State::Paused:
        return tr("Paused");
    case State::Failed: {
        if (m_storeFailed || !m_retryAt.isValid())
            return m_failure;
        const qint64 left = now().msecsTo(m_retryAt);
        if (left <= 0)
            return tr("%1 Trying again now.").arg(m_failure);
        return tr("%1 Trying again in %2.").arg(m_failure, durationText(left));
    }
    }
    return QString();
}

int HistorySync::stored() const { return m_store->storedCount(); }

int HistorySync::total() const
{
    if (m_sync.serverTotal < 0)
        return -1;
    if (m_sync.backfillDone && m_sync.untilMs < 0)
        return qMax(m_sync.serverTotal, stored());
    return m_sync.serverTotal;
}

double HistorySync::progress() const
{
    if (m_sync.backfillDone)
        return 1.0;
    const int all = total();
    if (all < 0)
        return -1;
    if (all == 0)
        return 1.0;
    return qBound(0.0, double(stored()) / double(all), 1.0);
}

qint64 HistorySync::remainingMs() const
{
    if (m_sync.backfillDone || total() < 0)
        return 0;
    qint64 left = qMax(0, total() - stored());
    if (m_sync.untilMs >= 0 && m_sync.oldestMs > m_sync.untilMs
        && m_sync.newestMs > m_sync.oldestMs) {
        // Back to a limit: as many more as the time still to read holds, at the rate of what
        // was read.
        const double perMs = double(stored()) / double(m_sync.newestMs - m_sync.oldestMs);
        left = qMin<qint64>(
            left, qint64(std::ceil(perMs * double(m_sync.oldestMs - m_sync.untilMs))));
    }
    const qint64 calls = (left + PageSize - 1) / PageSize;
    return calls * CallIntervalMs;
}

QString HistorySync::coverageText() const
{
    const int count = stored();
    if (m_sync.oldestMs < 0 || count == 0) {
        if (m_sync.backfillDone)
            return tr("The history holds no incidents yet.");
        return tr("No history read yet.");
    }
    const QLocale locale;
    const QDate from = fromMs(m_sync.oldestMs).toLocalTime().date();
    const QDate today = now().toLocalTime().date();
    const QString fromText = from.year() == today.year()
        ? locale.toString(from, displayFormat(QStringLiteral("d MMM")))
        : locale.toString(from, displayFormat(QStringLiteral("d MMM yyyy")));
    const QString countText = locale.toString(count);
    if (m_sync.backfillDone) {
        if (m_sync.untilMs >= 0)
            return tr("History from %1 to now: %2 incidents (as far back as asked).")
                .arg(fromText, countText);
        return tr("History from %1 to now: all %2 incidents.").arg(fromText, countText);
    }
    const int all = total();
    if (all < 0)
        return tr("History from %1 to now: %2 incidents so far.").arg(fromText, countText);
    return tr("History from %1 to now: %2 of %3 incidents; the rest in about %4 at the API's "
              "limit of one call a minute.")
        .arg(fromText, countText, locale.toString(all), durationText(remainingMs()));
}

} // namespace rota
