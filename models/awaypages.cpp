// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "awaypages.h"

#include "apiclient.h"
#include "operations.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace rota {

Q_LOGGING_CATEGORY(lcAway, "rota.models")

namespace {

// The newest start first; ties by number, higher first (numbers grow with time).
bool newerThan(const AwayPage& a, const AwayPage& b)
{
    if (a.started != b.started)
        return a.started > b.started;
    return a.incidentNumber.toLongLong() > b.incidentNumber.toLongLong();
}

// Skipped numbers are looked at one by one only up to this many; a bigger jump is a gap anyway.
constexpr qint64 MaxHoleScan = 1000;

bool pages(const Incident& incident, const QString& user)
{
    return std::any_of(incident.pagedUsers.cbegin(), incident.pagedUsers.cend(),
        [&user](const QString& paged) { return paged.compare(user, Qt::CaseInsensitive) == 0; });
}

} // namespace

AwayPage AwayPage::fromIncident(const Incident& incident)
{
    AwayPage page;
    page.incidentNumber = incident.incidentNumber;
    page.summary
        = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
    page.service = incident.service;
    page.started = incident.startTime;
    page.transitions = incident.transitions;
    for (auto it = incident.transitions.crbegin(); it != incident.transitions.crend(); ++it) {
        if (it->phase == Phase::Resolved) {
            page.resolvedAt = it->at;
            page.resolvedBy = it->by;
            break;
        }
    }
    return page;
}

// --- AwayPagesModel ---------------------------------------------------------------------------

AwayPagesModel::AwayPagesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int AwayPagesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_pages.size());
}

int AwayPagesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AwayPagesModel::timeText(const QDateTime& utc)
{
    if (!utc.isValid())
        return QString();
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

QString AwayPagesModel::resolvedText(const AwayPage& page)
{
    const QString when = timeText(page.resolvedAt);
    if (page.resolvedBy.isEmpty() && when.isEmpty())
        return tr("resolved");
    if (page.resolvedBy.isEmpty())
        return tr("resolved at %1").arg(when);
    if (when.isEmpty())
        return tr("resolved by %1").arg(page.resolvedBy);
    return tr("resolved by %1 at %2").arg(page.resolvedBy, when);
}

QVariant AwayPagesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AwayPage& page = m_pages.at(index.row());
    switch (role) {
    case NumberRole:
        return page.incidentNumber;
    case SummaryRole:
        return page.summary;
    case StartedRole:
        return page.started;
    case ResolvedAtRole:
        return page.resolvedAt;
    case ResolvedByRole:
        return page.resolvedBy;
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return page.incidentNumber.toLongLong();
        case SummaryColumn:
            return page.summary;
        case StartedColumn:
            return page.started;
        case ResolvedColumn:
            return page.resolvedAt;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return QString(QLatin1Char('#') + page.incidentNumber);
        case SummaryColumn:
            return page.summary;
        case StartedColumn:
            return timeText(page.started);
        case ResolvedColumn: {
            // "by ada at 14:05": the column's title says resolved.
            const QString when = timeText(page.resolvedAt);
            if (page.resolvedBy.isEmpty())
                return when;
            return when.isEmpty() ? tr("by %1").arg(page.resolvedBy)
                                  : tr("by %1 at %2").arg(page.resolvedBy, when);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        // What happened, in order: the history's transitions.
        QStringList lines { tr("#%1 %2").arg(page.incidentNumber, page.summary) };
        if (!page.service.isEmpty())
            lines << tr("Service: %1").arg(page.service);
        for (const IncidentTransition& t : page.transitions) {
            const QString what = t.phase == Phase::Unknown ? t.name : phaseDisplayName(t.phase);
            lines << (t.by.isEmpty() ? tr("%1 at %2").arg(what, timeText(t.at))
                                     : tr("%1 at %2 by %3").arg(what, timeText(t.at), t.by));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant AwayPagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Incident");
    case SummaryColumn:
        return tr("Name");
    case StartedColumn:
        return tr("Started");
    case ResolvedColumn:
        return tr("Resolved");
    default:
        return {};
    }
}

QHash<int, QByteArray> AwayPagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NumberRole, "number");
    names.insert(SummaryRole, "summary");
    names.insert(StartedRole, "started");
    names.insert(ResolvedAtRole, "resolvedAt");
    names.insert(ResolvedByRole, "resolvedBy");
    return names;
}

int AwayPagesModel::add(const QList<AwayPage>& pages)
{
    QStringList numbers;
    for (const AwayPage& page : pages) {
        if (page.incidentNumber.isEmpty() || m_known.contains(page.incidentNumber))
            continue;
        m_known.insert(page.incidentNumber);
        const auto at = std::upper_bound(m_pages.cbegin(), m_pages.cend(), page, newerThan);
        const int row = static_cast<int>(at - m_pages.cbegin());
        beginInsertRows(QModelIndex(), row, row);
        m_pages.insert(row, page);
        endInsertRows();
        numbers.append(QLatin1Char('#') + page.incidentNumber);
    }
    const int added = static_cast<int>(numbers.size());
    if (added > 0) {
        // The log says which pages came and went unseen, so a run can be checked against the
        // service's own record of what paged the user.
        qCInfo(lcAway).noquote() << "paged you while you were away:"
                                 << numbers.join(QStringLiteral(", "));
        Q_EMIT countChanged(count());
    }
    return added;
}

void AwayPagesModel::dismiss()
{
    if (m_pages.isEmpty())
        return;
    beginRemoveRows(QModelIndex(), 0, count() - 1);
    m_pages.clear();
    endRemoveRows();
    Q_EMIT countChanged(0);
}

int AwayPagesModel::rowOf(const QString& incidentNumber) const
{
    for (int row = 0; row < m_pages.size(); ++row) {
        if (m_pages.at(row).incidentNumber == incidentNumber)
            return row;
    }
    return -1;
}

QString AwayPagesModel::summaryText() const
{
    if (m_pages.isEmpty())
        return QString();
    return tr("%n incident(s) paged you while you were away", nullptr, count());
}

// --- AwayPages --------------------------------------------------------------------------------

AwayPages::AwayPages(ApiClient* client, AwayPagesModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AwayPages::maybeCheck);
}

AwayPages::~AwayPages()
{
    if (m_pending)
        m_pending->abandon();
}

void AwayPages::setClock(Clock clock) { m_clock = std::move(clock); }

QDateTime AwayPages::now() const { return m_clock(); }

void AwayPages::noteRefresh(const QList<Incident>& incidents)
{
    const QDateTime at = now();
    const bool first = !m_lastRefresh.isValid();
    m_lastRefresh = at;

    const QString me = m_client ? m_client->credentials().username : QString();
    bool trace = false;
    qint64 highest = m_highestNumber;
    QSet<qint64> numbers;
    numbers.reserve(incidents.size());
    for (const Incident& incident : incidents) {
        const QString& number = incident.incidentNumber;
        bool isNumber = false;
        const qint64 n = number.toLongLong(&isNumber);
        if (isNumber) {
            numbers.insert(n);
            highest = qMax(highest, n);
        }
        if (incident.isOpen()) {
            m_seenOpen.insert(number);
        } else if (!first && incident.phase == Phase::Resolved && !m_listed.contains(number)
            && !m_seenOpen.contains(number) && !(m_model && m_model->isKnown(number))) {
            // Listed for the first time, and already resolved: it came and went. Worth a call
            // when it paged me, or when the list does not say whom it paged.
            if (pages(incident, me)) {
                trace = true;
                m_awaited.insert(number, at);
            } else if (incident.pagedUsers.isEmpty()) {
                trace = true;
            }
        }
        m_listed.insert(number);
    }
    if (first) {
        // The watch starts here: what was open is seen, nothing was missed yet.
        m_since = at;
        m_highestNumber = highest;
        return;
    }
    // Incident numbers grow by one per incident: a number skipped past the highest seen before
    // (in no list, open or resolved) is an incident that came and went.
    if (!trace && m_highestNumber >= 0 && highest > m_highestNumber + 1) {
        if (highest - m_highestNumber > MaxHoleScan) {
            trace = true;
        } else {
            for (qint64 n = m_highestNumber + 1; n < highest && !trace; ++n)
                trace = !numbers.contains(n);
        }
    }
    m_highestNumber = highest;

    const QDateTime sweepFrom = m_lastCheck.isValid() ? m_lastCheck : m_since;
    if (trace || sweepFrom.msecsTo(at) >= SweepIntervalMs)
        m_due = true;
    maybeCheck();
}

void AwayPages::checkNow()
{
    if (!m_lastRefresh.isValid())
        return; // no refresh yet: nothing to compare with
    m_due = true;
    maybeCheck();
}

void AwayPages::maybeCheck()
{
    if (!m_due || m_pending || !m_model || !m_client)
        return;
    if (m_lastCheck.isValid()) {
        const qint64 wait = MinCheckIntervalMs - m_lastCheck.msecsTo(now());
        if (wait > 0) {
            // Once a minute at most: the check waits, and goes when the minute is over (or with
            // the first refresh after it).
            m_timer->start(static_cast<int>(qMin<qint64>(wait, MinCheckIntervalMs)));
            return;
        }
    }
    m_timer->stop();
    send();
}

void AwayPages::send()
{
    m_due = false;
    const QDateTime sentAt = now();
    m_lastCheck = sentAt;
    ++m_checksSent;
    // Whatever was open at the latest refresh was seen; what started before it and is resolved
    // is in this answer. So the next check starts from that refresh, once every page is read.
    const QDateTime coveredUntil = m_lastRefresh;

    ReportingQuery query;
    query.limit = PageLimit;
    query.currentPhase = { Phase::Resolved };
    query.startedAfter = m_since.addSecs(-LagMarginSecs);
    query.offset = m_pageOffset;
    // The pages after the first ask for the same incidents: those that started before the first
    // page was asked (later ones belong to the next span), whichever order the service lists them.
    query.startedBefore = m_pageBefore;
    const bool firstPage = !m_pageBefore.isValid();
    const ApiCall<ReportingIncidentList> call
        = calls::searchIncidentHistory(*m_client, query, RequestScheduler::Priority::Background);
    m_pending = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, call, coveredUntil, firstPage, sentAt] {
        if (m_pending != call.reply)
            return;
        m_pending = nullptr;
        if (!call.reply->ok()) {
            const ApiError error = call.reply->error();
            qCInfo(lcAway).noquote()
                << "incident history check failed:" << apiErrorKindName(error.kind);
            m_due = true; // the gap is still there: the next refresh (a minute on) tries again
            Q_EMIT checkFailed(error);
            return;
        }
        const ReportingIncidentList list = call.value();
        const QString me = m_client->credentials().username;
        QList<AwayPage> found;
        for (const Incident& incident : list.incidents) {
            m_awaited.remove(incident.incidentNumber);
            if (incident.phase != Phase::Resolved || m_seenOpen.contains(incident.incidentNumber))
                continue;
            if (pages(incident, me))
                found.append(AwayPage::fromIncident(incident));
        }
        const int added = m_model ? m_model->add(found) : 0;
        // More than one page matched: read the next one a minute on (at most MaxPages in all).
        const int next = list.offset + static_cast<int>(list.incidents.size());
        const bool more
            = list.total > next && !list.incidents.isEmpty() && next < MaxPages * PageLimit;
        if (firstPage)
            m_sinceAfterPages = coveredUntil;
        if (more) {
            if (firstPage)
                m_pageBefore = sentAt;
            m_pageOffset = next;
            m_due = true;
        } else {
            m_pageBefore = QDateTime();
            m_pageOffset = 0;
            // What the list showed resolved is not in the history yet: it lags. Ask the same
            // span again a minute on, for a while.
            const QDateTime at = now();
            for (auto it = m_awaited.begin(); it != m_awaited.end();) {
                if (it.value().msecsTo(at) >= MaxLagWaitMs) {
                    qCInfo(lcAway).noquote()
                        << "incident" << it.key() << "is not in the incident history; not waiting";
                    it = m_awaited.erase(it);
                } else {
                    ++it;
                }
            }
            if (!m_awaited.isEmpty()) {
                m_due = true;
            } else if (m_sinceAfterPages.isValid()) {
                m_since = m_sinceAfterPages;
            }
            m_sinceAfterPages = QDateTime();
        }
        Q_EMIT checked(added);
        maybeCheck();
    });
}

} // namespace rota
