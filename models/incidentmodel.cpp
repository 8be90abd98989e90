// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentmodel.h"

#include "orgdirectory.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <utility>

namespace rota {

struct IncidentModel::Row {
    // What a refresh reads for every row first, so that an unchanged row costs a cache line or
    // two: the fingerprint, the key, and (inside `incident`) the plain fields.
    quint64 fingerprint = 0; //!< Incident::fingerprint() of `incident`
    qlonglong number = 0; //!< incidentNumber as a number, for sorting
    qint64 key = -1; //!< numberKey(incidentNumber): matches rows with a refresh's incidents
    Phase optimistic = Phase::Unknown; //!< shown while pending; Unknown: no change of phase
    PendingAction pending = PendingAction::None;
    bool pagingMe = false;
    bool myTeams = false;
    quint64 ticket = 0;
    quint64 confirmedAt = 0; //!< snapshotMark() after the accepted action that set the phase
    quint64 keptSince = 0; //!< not in the service's list any more: kept as resolved (an order)
    //! snapshotMark() when the pending action's answer was lost; 0: not unconfirmed
    quint64 unconfirmedAt = 0;
    QList<IncidentTarget> targets; //!< what an unconfirmed reroute asked to page
    Incident incident; //!< as the server sent it (or as an accepted action left it)
    QString error;

    Phase shown() const
    {
        return pending != PendingAction::None && optimistic != Phase::Unknown ? optimistic
                                                                              : incident.phase;
    }
};

namespace {

// The incident number as a key when it is written the one way a number is (digits, no leading
// zero, at most 18 of them), else -1; numbers written otherwise are matched as texts, so that
// "012" and "12" stay two incidents.
qint64 numberKey(const QString& number)
{
    const qsizetype size = number.size();
    if (size == 0 || size > 18)
        return -1;
    const QChar* digits = number.constData();
    if (size > 1 && digits[0] == QLatin1Char('0'))
        return -1;
    qint64 key = 0;
    for (qsizetype k = 0; k < size; ++k) {
        const char16_t digit = digits[k].unicode();
        if (digit < u'0' || digit > u'9')
            return -1;
        key = key * 10 + (digit - u'0');
    }
    return key;
}

// The parser's fingerprint when it made one, else one computed now.
quint64 fingerprintOf(const Incident& incident)
{
    return incident.parsedFingerprint ? incident.parsedFingerprint : incident.fingerprint();
}

bool samePlainFields(const Incident& a, const Incident& b)
{
    return a.phase == b.phase && a.alertCount == b.alertCount && a.lastAlertTime == b.lastAlertTime
        && a.startTime == b.startTime;
}

int phaseSlot(Phase phase) { return static_cast<int>(phase); }

// Triggered first: the order people work in.
int phaseRank(Phase phase)
{
    switch (phase) {
    case Phase::Triggered:
        return 0;
    case Phase::Acknowledged:
        return 1;
    case Phase::Resolved:
        return 2;
    case Phase::Unknown:
        break;
    }
    return 3;
}

// What the incident names, or a dash: never another field standing in for it.
QString orDash(const QString& text) { return text.isEmpty() ? QStringLiteral("—") : text; }

QString summaryText(const Incident& incident)
{
    return incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
}

// `userNames`: case-folded username → name (IncidentModel::setUserNames).
QString pagedText(const Incident& incident, const QHash<QString, QString>& userNames)
{
    if (!incident.pagedUsers.isEmpty()) {
        QStringList people;
        for (const QString& user : incident.pagedUsers)
            people << userNames.value(user.toCaseFolded(), user);
        return people.join(QLatin1String(", "));
    }
    QStringList names;
    for (const TeamPolicy& policy : incident.pagedPolicies)
        names.append(policy.policyName.isEmpty() ? policy.policySlug : policy.policyName);
    if (names.isEmpty())
        return incident.pagedTeams.join(QLatin1String(", "));
    return names.join(QLatin1String(", "));
}

QString absoluteTime(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

IncidentModel::IncidentModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_ticker(new QTimer(this))
{
    m_ticker->setInterval(TickIntervalMs);
    // A coarse timer: a minute-resolution text need not wake the CPU on the dot.
    m_ticker->setTimerType(Qt::VeryCoarseTimer);
    connect(m_ticker, &QTimer::timeout, this, &IncidentModel::tick);
}

IncidentModel::~IncidentModel() = default;

int IncidentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const Row& row = *m_rows[static_cast<size_t>(index.row())];
    const Incident& incident = row.incident;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case PhaseColumn:
            if (row.unconfirmedAt)
                return row.pending == PendingAction::Reroute
                    ? tr("The reroute was sent, but its answer was lost: not confirmed yet. The "
                         "next refresh shows whether Splunk On-Call applied it.")
                    : tr("%1 was asked for, but the answer was lost: not confirmed yet. The next "
                         "refresh shows whether Splunk On-Call applied it.")
                          .arg(phaseDisplayName(row.shown()));
            return row.error.isEmpty() ? phaseDisplayName(row.shown()) : row.error;
        case SummaryColumn:
            return summaryText(incident);
        case PagedColumn: {
            // The names are in the cell; the tooltip adds the usernames people page by.
            QStringList paged;
            for (const QString& user : incident.pagedUsers) {
                const QString name = m_names.value(user.toCaseFolded());
                paged << (name.isEmpty() || name == user ? user : tr("%1 (%2)").arg(name, user));
            }
            return (paged + incident.pagedTeams).join(QLatin1String(", "));
        }
        case AcknowledgedByColumn: {
            const QString by = acknowledgedBy(incident);
            const QString name = nameOf(by);
            return name == by ? by : tr("%1 (%2)").arg(name, by);
        }
        case StartedColumn:
            return absoluteTime(incident.startTime);
        case LastAlertColumn:
            return absoluteTime(incident.lastAlertTime);
        case NumberColumn:
            if (m_unreadChat.contains(incident.incidentNumber))
                return tr("New chat messages");
            return {};
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case IncidentRole: {
        Incident shown = incident;
        if (shown.phase != row.shown()) {
            shown.phase = row.shown();
            shown.phaseName = phaseToApi(shown.phase);
        }
        return QVariant::fromValue(shown);
    }
    case NumberRole:
        return incident.incidentNumber;
    case PhaseRole:
        return static_cast<int>(row.shown());
    case SortRole:
        return sortData(row, index.column());
    case PagingMeRole:
        return row.pagingMe;
    case MyTeamsRole:
        return row.myTeams;
    case PendingRole:
        return static_cast<int>(row.pending);
    case ErrorRole:
        return row.error;
    case UnconfirmedRole:
        return row.unconfirmedAt != 0;
    case UnreadChatRole:
        return m_unreadChat.contains(incident.incidentNumber);
    case StartTimeRole:
        return incident.startTime;
    case LastAlertTimeRole:
        return incident.lastAlertTime;
    default:
        return {};
    }
}

QVariant IncidentModel::displayData(const Row& row, int column) const
{
    const Incident& incident = row.incident;
    switch (column) {
    case NumberColumn:
        return incident.incidentNumber;
    case PhaseColumn:
        if (row.unconfirmedAt)
            return row.pending == PendingAction::Reroute
                ? tr("%1 (reroute not confirmed yet)").arg(phaseDisplayName(row.shown()))
                : tr("%1 (not confirmed yet)").arg(phaseDisplayName(row.shown()));
        return phaseDisplayName(row.shown());
    case SummaryColumn:
        return summaryText(incident);
    case ServiceColumn:
        return orDash(incident.service);
    case HostColumn:
        return orDash(incident.host);
    case RoutingKeyColumn:
        return incident.routingKey;
    case PagedColumn:
        return pagedText(incident, m_names);
    case StartedColumn:
        return relativeTime(incident.startTime, m_clock());
    case LastAlertColumn:
        return relativeTime(incident.lastAlertTime, m_clock());
    case AcknowledgedByColumn:
        return nameOf(acknowledgedBy(incident));
    default:
        return {};
    }
}

QVariant IncidentModel::sortData(const Row& row, int column) const
{
    const Incident& incident = row.incident;
    switch (column) {
    case NumberColumn:
        return row.number;
    case PhaseColumn:
        return phaseRank(row.shown());
    case SummaryColumn:
        return summaryText(incident).toLower();
    case ServiceColumn:
        return incident.service.toLower();
    case HostColumn:
        return incident.host.toLower();
    case RoutingKeyColumn:
        return incident.routingKey.toLower();
    case PagedColumn:
        return pagedText(incident, m_names).toLower();
    case StartedColumn:
        return incident.startTime.isValid() ? incident.startTime.toMSecsSinceEpoch() : qint64(0);
    case LastAlertColumn:
        return incident.lastAlertTime.isValid() ? incident.lastAlertTime.toMSecsSinceEpoch()
                                                : qint64(0);
    case AcknowledgedByColumn:
        return nameOf(acknowledgedBy(incident)).toLower();
    default:
        return {};
    }
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case NumberColumn:
        return tr("#");
    case PhaseColumn:
        return tr("Phase");
    case SummaryColumn:
        return tr("Summary");
    case ServiceColumn:
        return tr("Service");
    case HostColumn:
        return tr("Host");
    case RoutingKeyColumn:
        return tr("Routing key");
    case PagedColumn:
        return tr("Paged");
    case StartedColumn:
        return tr("Started");
    case LastAlertColumn:
        return tr("Last alert");
    case AcknowledgedByColumn:
        return tr("Acknowledged by");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> IncidentModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IncidentRole, QByteArrayLiteral("incident"));
    names.insert(NumberRole, QByteArrayLiteral("number"));
    names.insert(PhaseRole, QByteArrayLiteral("phase"));
    names.insert(SortRole, QByteArrayLiteral("sort"));
    names.insert(PagingMeRole, QByteArrayLiteral("pagingMe"));
    names.insert(MyTeamsRole, QByteArrayLiteral("myTeams"));
    names.insert(PendingRole, QByteArrayLiteral("pending"));
    names.insert(ErrorRole, QByteArrayLiteral("error"));
    names.insert(StartTimeRole, QByteArrayLiteral("startTime"));
    names.insert(LastAlertTimeRole, QByteArrayLiteral("lastAlertTime"));
    names.insert(UnconfirmedRole, QByteArrayLiteral("unconfirmed"));
    names.insert(UnreadChatRole, QByteArrayLiteral("unreadChat"));
    return names;
}

namespace {

bool sameData(const QString& a, const QString& b) { return a.constData() == b.constData(); }

// `text` becomes `before` when equal: one copy of a text the row held already.
void keep(QString& text, const QString& before)
{
    if (!sameData(text, before) && text == before)
        text = before;
}

bool samePolicies(const QList<TeamPolicy>& a, const QList<TeamPolicy>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype k = 0; k < a.size(); ++k) {
        const TeamPolicy& x = a.at(k);
        const TeamPolicy& y = b.at(k);
        if (x.policyName != y.policyName || x.policySlug != y.policySlug
            || x.policySelfUrl != y.policySelfUrl || x.teamName != y.teamName
            || x.teamSlug != y.teamSlug)
            return false;
    }
    return true;
}

// A changed incident keeps the texts and lists of its row that did not change. An answer holds
// each repeated text and list once (Incident::fromJson), but only within that answer: without
// this a row changed by a refresh would hold that answer's copies, and rows would share less and
// less as refreshes go by.
void keepUnchanged(Incident& now, const Incident& before)
{
    for (auto field : { &Incident::phaseName, &Incident::entityId, &Incident::entityDisplayName,
             &Incident::entityType, &Incident::entityState, &Incident::host, &Incident::service,
             &Incident::routingKey, &Incident::monitorName, &Incident::monitorType,
             &Incident::firstAlertUuid, &Incident::lastAlertId })
        keep(now.*field, before.*field);
    if (now.pagedUsers.constData() != before.pagedUsers.constData()
        && now.pagedUsers == before.pagedUsers)
        now.pagedUsers = before.pagedUsers;
    if (now.pagedTeams.constData() != before.pagedTeams.constData()
        && now.pagedTeams == before.pagedTeams)
        now.pagedTeams = before.pagedTeams;
    if (now.pagedPolicies.constData() != before.pagedPolicies.constData()
        && samePolicies(now.pagedPolicies, before.pagedPolicies))
        now.pagedPolicies = before.pagedPolicies;
    // The transitions so far usually come again, with one more: their people and words are the
    // row's (the list itself is new either way). Looked at first, so that a list with nothing
    // to keep is not copied.
    const qsizetype common = std::min(now.transitions.size(), before.transitions.size());
    const auto differs = [&](qsizetype k) {
        const IncidentTransition& a = now.transitions.at(k);
        const IncidentTransition& b = before.transitions.at(k);
        return (!sameData(a.by, b.by) && a.by == b.by)
            || (!sameData(a.name, b.name) && a.name == b.name)
            || (!sameData(a.message, b.message) && a.message == b.message)
            || (!sameData(a.alertId, b.alertId) && a.alertId == b.alertId);
    };
    qsizetype first = 0;
    while (first < common && !differs(first))
        ++first;
    for (qsizetype k = first; k < common; ++k) {
        IncidentTransition& t = now.transitions[k];
        const IncidentTransition& b = before.transitions.at(k);
        keep(t.by, b.by);
        keep(t.name, b.name);
        keep(t.message, b.message);
        keep(t.alertId, b.alertId);
    }
}

} // namespace

void IncidentModel::setIncident(Row& row, const Incident& incident, quint64 fingerprint) const
{
    if (row.incident.incidentNumber.isEmpty()) {
        row.incident = incident;
    } else {
        const Incident before = std::exchange(row.incident, incident);
        keepUnchanged(row.incident, before);
    }
    row.fingerprint = fingerprint;
    row.number = incident.incidentNumber.toLongLong();
    row.key = numberKey(incident.incidentNumber);
    updateFlags(row);
}

void IncidentModel::reset(const QList<Incident>& incidents)
{
    beginResetModel();
    m_rows.clear();
    m_kept = 0;
    m_rows.reserve(static_cast<size_t>(incidents.size()));
    QSet<QString> seen;
    seen.reserve(incidents.size());
    for (const Incident& incident : incidents) {
        if (seen.contains(incident.incidentNumber))
            continue;
        seen.insert(incident.incidentNumber);
        auto row = std::make_unique<Row>();
        setIncident(*row, incident, fingerprintOf(incident));
        m_rows.push_back(std::move(row));
    }
    rebuildIndex();
    endResetModel();
    recount();
    updateTicker();
}

void IncidentModel::applySnapshot(const QList<Incident>& incidents, quint64 requestedAt)
{
    int countsBefore[4];
    int pagingMeBefore[4];
    std::memcpy(countsBefore, m_counts, sizeof countsBefore);
    std::memcpy(pagingMeBefore, m_countsPagingMe, sizeof pagingMeBefore);

    // For each row, its incident in the snapshot (-1: gone). Kept in step with m_rows.
    std::vector<qsizetype> source(m_rows.size(), -1);
    // The usual refresh: the rows' incidents at the rows' positions (rows kept as resolved aside).
    // An unchanged one is told by its fingerprint alone (which covers the number), without
    // reading its texts; a changed one by its number. Rows are unique, so then is the snapshot:
    // nothing to look up.
    bool aligned
        = static_cast<size_t>(incidents.size()) + static_cast<size_t>(m_kept) == m_rows.size();
    qsizetype next = 0;
    for (size_t r = 0; aligned && r < m_rows.size(); ++r) {
        const Row& row = *m_rows[r];
        if (row.keptSince) {
            source[r] = -1;
            continue;
        }
        const Incident& fresh = incidents.at(next);
        aligned = (fresh.parsedFingerprint != 0 && fresh.parsedFingerprint == row.fingerprint)
            || fresh.incidentNumber == row.incident.incidentNumber;
        source[r] = next++;
    }
    // Else the numbers as keys: matched as integers when every number is a plain number.
    std::vector<qint64> keys;
    bool numeric = !aligned;
    if (!aligned) {
        keys.resize(static_cast<size_t>(incidents.size()));
        for (qsizetype i = 0; i < incidents.size(); ++i) {
            keys[static_cast<size_t>(i)] = numberKey(incidents.at(i).incidentNumber);
            numeric = numeric && keys[static_cast<size_t>(i)] >= 0;
        }
        for (size_t r = 0; numeric && r < m_rows.size(); ++r)
            numeric = m_rows[r]->key >= 0;
    }
    // Where each incoming number is; a duplicate number keeps its first position.
    QHash<qint64, qsizetype> incomingKeys;
    QHash<QString, qsizetype> incomingNumbers;
    if (aligned) {
        // source was filled while checking.
    } else if (numeric) {
        incomingKeys.reserve(incidents.size());
        for (qsizetype i = incidents.size() - 1; i >= 0; --i)
            incomingKeys.insert(keys[static_cast<size_t>(i)], i);
        for (size_t r = 0; r < m_rows.size(); ++r)
            source[r] = incomingKeys.value(m_rows[r]->key, -1);
    } else {
        incomingNumbers.reserve(incidents.size());
        for (qsizetype i = incidents.size() - 1; i >= 0; --i)
            incomingNumbers.insert(incidents.at(i).incidentNumber, i);
        for (size_t r = 0; r < m_rows.size(); ++r)
            source[r] = incomingNumbers.value(m_rows[r]->incident.incidentNumber, -1);
    }
    // Whether the snapshot's incident `i` is the first with its number.
    const auto firstOfItsNumber = [&](qsizetype i) {
        if (aligned)
            return true;
        if (numeric)
            return incomingKeys.value(keys[static_cast<size_t>(i)]) == i;
        return incomingNumbers.value(incidents.at(i).incidentNumber) == i;
    };

    // 0. Actions whose answer was lost learn their outcome from a snapshot that follows them.
    const QList<Settled> settled = settleUnconfirmed(incidents, source, requestedAt);

    // 1. Incidents no longer listed were resolved: kept as resolved (up to the limit) so that
    // the user sees what happened to them; rows kept before that the list names again are
    // listed ones again.
    for (size_t r = 0; r < m_rows.size(); ++r) {
        Row& row = *m_rows[r];
        const bool listed = source[r] >= 0;
        if (listed && row.keptSince) {
            row.keptSince = 0;
            --m_kept;
        } else if (!listed && !row.keptSince && m_keepResolved > 0) {
            countRow(row, -1);
            Incident resolved = row.incident;
            resolved.phase = Phase::Resolved;
            resolved.phaseName = QStringLiteral("RESOLVED");
            resolved.parsedFingerprint = 0;
            setIncident(row, resolved, resolved.fingerprint());
            row.keptSince = ++m_keptOrder;
            ++m_kept;
            countRow(row, +1);
            Q_EMIT dataChanged(
                index(static_cast<int>(r), 0), index(static_cast<int>(r), ColumnCount - 1));
        }
    }
    // The oldest kept rows go once there are more than the limit.
    std::vector<quint64> order;
    if (m_kept > m_keepResolved) {
        for (const auto& row : m_rows) {
            if (row->keptSince)
                order.push_back(row->keptSince);
        }
        std::sort(order.begin(), order.end());
    }
    // The oldest kept row that stays (all go when none may be kept).
    quint64 keepFrom = 0;
    if (m_kept > m_keepResolved) {
        const auto first = static_cast<size_t>(m_kept - m_keepResolved);
        keepFrom = first < order.size() ? order[first] : order.back() + 1;
    }
    const auto goes = [&](int r) {
        const Row& row = *m_rows[static_cast<size_t>(r)];
        if (source[static_cast<size_t>(r)] >= 0)
            return false;
        return !row.keptSince || row.keptSince < keepFrom;
    };
    // Removals, bottom up, one contiguous range at a time.
    for (int r = static_cast<int>(m_rows.size()) - 1; r >= 0; --r) {
        if (!goes(r))
            continue;
        const int last = r;
        while (r > 0 && goes(r - 1))
            --r;
        beginRemoveRows(QModelIndex(), r, last);
        for (int gone = r; gone <= last; ++gone) {
            countRow(*m_rows[static_cast<size_t>(gone)], -1);
            if (m_rows[static_cast<size_t>(gone)]->keptSince)
                --m_kept;
        }
        m_rows.erase(m_rows.begin() + r, m_rows.begin() + last + 1);
        source.erase(source.begin() + r, source.begin() + last + 1);
        m_indexDirty = true; // rowOf() rebuilds on demand, e.g. from a rowsRemoved slot
        endRemoveRows();
    }

    // 2. Changes, in contiguous runs of changed rows.
    std::vector<bool> matched(static_cast<size_t>(incidents.size()), false);
    int runStart = -1;
    const int count = static_cast<int>(m_rows.size());
    for (int r = 0; r <= count; ++r) {
        bool changed = false;
        const qsizetype at = r < count ? source[static_cast<size_t>(r)] : -1;
        if (at >= 0) {
            Row& row = *m_rows[static_cast<size_t>(r)];
            matched[static_cast<size_t>(at)] = true;
            const Incident& fresh = incidents.at(at);
            // The plain fields first, then the fingerprint of all the rest: the parser's, computed
            // while it had the texts at hand, so that an unchanged row costs no reading of texts.
            quint64 fingerprint = 0;
            bool same = samePlainFields(row.incident, fresh);
            if (same) {
                fingerprint = fingerprintOf(fresh);
                same = fingerprint == row.fingerprint;
            }
            const bool confirmedSince = row.confirmedAt > requestedAt;
            if (!confirmedSince)
                row.confirmedAt = 0; // the snapshot knows of the action
            if (!same) {
                // A pending row takes the server's data but keeps showing its optimistic phase.
                countRow(row, -1);
                if (confirmedSince && fresh.phase != row.incident.phase) {
                    // Asked for before the action was accepted: all but its phase is news.
                    Incident kept = fresh;
                    kept.phase = row.incident.phase;
                    kept.phaseName = row.incident.phaseName;
                    kept.parsedFingerprint = 0;
                    setIncident(row, kept, kept.fingerprint());
                } else {
                    setIncident(row, fresh, fingerprint ? fingerprint : fingerprintOf(fresh));
                }
                countRow(row, +1);
                changed = true;
            }
        }
        if (changed && runStart < 0)
            runStart = r;
        if (!changed && runStart >= 0) {
            // No roles given: any role of the row may have changed, including those a proxy
            // filters and sorts by.
            Q_EMIT dataChanged(index(runStart, 0), index(r - 1, ColumnCount - 1));
            runStart = -1;
        }
    }

    // 3. New incidents, appended in the snapshot's order.
    QList<qsizetype> fresh;
    for (qsizetype i = 0; i < incidents.size(); ++i) {
        if (!matched[static_cast<size_t>(i)] && firstOfItsNumber(i))
            fresh.append(i);
    }
    if (!fresh.isEmpty()) {
        const int first = count;
        const int last = count + static_cast<int>(fresh.size()) - 1;
        beginInsertRows(QModelIndex(), first, last);
        m_rows.reserve(m_rows.size() + static_cast<size_t>(fresh.size()));
        for (qsizetype i : std::as_const(fresh)) {
            auto row = std::make_unique<Row>();
            setIncident(*row, incidents.at(i), fingerprintOf(incidents.at(i)));
            countRow(*row, +1);
            if (!m_indexDirty)
                m_rowOf.insert(row->incident.incidentNumber, static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    emitCountsIfChanged(countsBefore, pagingMeBefore);
    updateTicker();
    for (const Settled& outcome : settled)
        Q_EMIT unconfirmedSettled(outcome.action, outcome.applied, outcome.notApplied);
}

namespace {

// The targets of a reroute that `incident` does not page.
QStringList unpagedTargets(const Incident& incident, const QList<IncidentTarget>& targets)
{
    QStringList missing;
    for (const IncidentTarget& target : targets) {
        bool paged = false;
        if (target.type == IncidentTarget::Type::User) {
            for (const QString& user : incident.pagedUsers)
                paged = paged || user.compare(target.slug, Qt::CaseInsensitive) == 0;
        } else {
            for (const TeamPolicy& policy : incident.pagedPolicies)
                paged = paged || policy.policySlug == target.slug;
        }
        if (!paged)
            missing.append(target.slug);
    }
    return missing;
}

} // namespace

QList<IncidentModel::Settled> IncidentModel::settleUnconfirmed(
    const QList<Incident>& incidents, const std::vector<qsizetype>& source, quint64 requestedAt)
{
    QList<Settled> settled;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        Row& row = *m_rows[r];
        // A snapshot asked for before the answer was lost may predate the action itself.
        if (!row.unconfirmedAt || row.pending == PendingAction::None
            || (requestedAt != NoMark && requestedAt < row.unconfirmedAt))
            continue;
        Incident now = row.incident;
        if (source[r] >= 0)
            now = incidents.at(source[r]);
        else
            now.phase = Phase::Resolved; // no longer listed: resolved
        bool applied = false;
        switch (row.pending) {
        case PendingAction::Acknowledge:
            applied = now.phase == Phase::Acknowledged || now.phase == Phase::Resolved;
            break;
        case PendingAction::Resolve:
            applied = now.phase == Phase::Resolved;
            break;
        case PendingAction::Reroute:
            // A reroute of an incident resolved meanwhile has nothing left to report.
            applied = now.phase == Phase::Resolved || unpagedTargets(now, row.targets).isEmpty();
            break;
        case PendingAction::None:
            break;
        }
        const PendingAction action = row.pending;
        const QString words = applied ? QString() : notAppliedWords(row, now);
        countRow(row, -1);
        row.pending = PendingAction::None;
        row.optimistic = Phase::Unknown;
        row.ticket = 0;
        row.unconfirmedAt = 0;
        row.targets.clear();
        row.error = words;
        countRow(row, +1);
        emitRowChanged(static_cast<int>(r));

        auto outcome = std::find_if(settled.begin(), settled.end(),
            [action](const Settled& entry) { return entry.action == action; });
        if (outcome == settled.end()) {
            settled.append(Settled { action, {}, {} });
            outcome = settled.end() - 1;
        }
        (applied ? outcome->applied : outcome->notApplied).append(row.incident.incidentNumber);
    }
    return settled;
}

QString IncidentModel::notAppliedWords(const Row& row, const Incident& now) const
{
    const QString phase = phaseDisplayName(now.phase).toLower();
    switch (row.pending) {
    case PendingAction::Acknowledge:
        return tr("The acknowledgement was not applied: Splunk On-Call shows this incident as %1.")
            .arg(phase);
    case PendingAction::Resolve:
        return tr("The resolution was not applied: Splunk On-Call shows this incident as %1.")
            .arg(phase);
    case PendingAction::Reroute:
        return tr("The reroute was not applied: Splunk On-Call does not page %1.")
            .arg(unpagedTargets(now, row.targets).join(QLatin1String(", ")));
    case PendingAction::None:
        break;
    }
    return QString();
}

void IncidentModel::rebuildIndex() const
{
    m_rowOf.clear();
    m_rowOf.reserve(static_cast<qsizetype>(m_rows.size()));
    for (size_t r = 0; r < m_rows.size(); ++r)
        m_rowOf.insert(m_rows[r]->incident.incidentNumber, static_cast<int>(r));
    m_indexDirty = false;
}

QList<int> IncidentModel::openRowsPagingMe() const
{
    QList<int> rows;
    for (int row = 0; row < rowCount(); ++row) {
        const Phase phase = phaseAt(row);
        if (isPagingMe(row) && (phase == Phase::Triggered || phase == Phase::Acknowledged))
            rows << row;
    }
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        const Incident& x = incidentAt(a);
        const Incident& y = incidentAt(b);
        if (x.startTime != y.startTime)
            return x.startTime > y.startTime;
        return x.incidentNumber.toLongLong() > y.incidentNumber.toLongLong();
    });
    return rows;
}

int IncidentModel::rowOf(const QString& incidentNumber) const
{
    if (m_indexDirty)
        rebuildIndex();
    return m_rowOf.value(incidentNumber, -1);
}

const Incident& IncidentModel::incidentAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->incident;
}

Phase IncidentModel::phaseAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->shown();
}

bool IncidentModel::isPagingMe(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->pagingMe;
}

bool IncidentModel::isMyTeams(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->myTeams;
}

IncidentModel::PendingAction IncidentModel::pendingAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->pending;
}

bool IncidentModel::isUnconfirmedAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->unconfirmedAt != 0;
}

QString IncidentModel::errorAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[static_cast<size_t>(row)]->error;
}

QStringList IncidentModel::numbers() const
{
    QStringList result;
    result.reserve(static_cast<qsizetype>(m_rows.size()));
    for (const auto& row : m_rows)
        result.append(row->incident.incidentNumber);
    return result;
}

void IncidentModel::setUserNames(const QHash<QString, QString>& names)
{
    QHash<QString, QString> folded = OrgDirectory::foldUsernames(names);
    if (folded == m_names)
        return;
    m_names = std::move(folded);
    // Only rows that name people show names: contiguous runs of those rows, per column.
    const auto changeRuns = [this](int column, auto namesPeople) {
        int first = -1;
        const auto flush = [this, &first, column](int end) {
            if (first >= 0)
                Q_EMIT dataChanged(index(first, column), index(end - 1, column),
                    { Qt::DisplayRole, Qt::ToolTipRole, SortRole });
            first = -1;
        };
        for (size_t r = 0; r < m_rows.size(); ++r) {
            if (!namesPeople(m_rows[r]->incident))
                flush(int(r));
            else if (first < 0)
                first = int(r);
        }
        flush(int(m_rows.size()));
    };
    changeRuns(
        PagedColumn, [](const Incident& incident) { return !incident.pagedUsers.isEmpty(); });
    changeRuns(AcknowledgedByColumn,
        [](const Incident& incident) { return !acknowledgedBy(incident).isEmpty(); });
}

QString IncidentModel::acknowledgedBy(const Incident& incident)
{
    for (auto it = incident.transitions.crbegin(); it != incident.transitions.crend(); ++it) {
        if (it->phase == Phase::Acknowledged)
            return it->by;
    }
    return QString();
}

QString IncidentModel::nameOf(const QString& username) const
{
    return m_names.value(username.toCaseFolded(), username);
}

void IncidentModel::setIdentity(const QString& username, const QSet<QString>& teamSlugs)
{
    if (username == m_username && teamSlugs == m_teams)
        return;
    m_username = username;
    m_teams = teamSlugs;
    for (auto& row : m_rows)
        updateFlags(*row);
    if (!m_rows.empty())
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { PagingMeRole, MyTeamsRole });
    recount();
}

void IncidentModel::updateFlags(Row& row) const
{
    const Incident& incident = row.incident;
    row.pagingMe = false;
    if (!m_username.isEmpty()) {
        for (const QString& user : incident.pagedUsers) {
            if (user.compare(m_username, Qt::CaseInsensitive) == 0) {
                row.pagingMe = true;
                break;
            }
        }
    }
    row.myTeams = false;
    if (!m_teams.isEmpty()) {
        for (const QString& team : incident.pagedTeams)
            row.myTeams = row.myTeams || m_teams.contains(team);
        for (const TeamPolicy& policy : incident.pagedPolicies)
            row.myTeams = row.myTeams || m_teams.contains(policy.teamSlug);
    }
}

int IncidentModel::count(Phase phase) const { return m_counts[phaseSlot(phase)]; }

int IncidentModel::countPagingMe(Phase phase) const { return m_countsPagingMe[phaseSlot(phase)]; }

void IncidentModel::countRow(const Row& row, int delta)
{
    const int slot = phaseSlot(row.shown());
    m_counts[slot] += delta;
    if (row.pagingMe)
        m_countsPagingMe[slot] += delta;
}

void IncidentModel::recount()
{
    int countsBefore[4];
    int pagingMeBefore[4];
    std::memcpy(countsBefore, m_counts, sizeof countsBefore);
    std::memcpy(pagingMeBefore, m_countsPagingMe, sizeof pagingMeBefore);
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    std::fill(std::begin(m_countsPagingMe), std::end(m_countsPagingMe), 0);
    for (const auto& row : m_rows)
        countRow(*row, +1);
    emitCountsIfChanged(countsBefore, pagingMeBefore);
}

void IncidentModel::emitCountsIfChanged(const int (&counts)[4], const int (&pagingMe)[4])
{
    if (std::memcmp(counts, m_counts, sizeof counts) != 0
        || std::memcmp(pagingMe, m_countsPagingMe, sizeof pagingMe) != 0)
        Q_EMIT countsChanged();
}

void IncidentModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QStringList IncidentModel::beginPending(
    const QStringList& incidentNumbers, PendingAction action, Phase optimistic, quint64 ticket)
{
    QStringList marked;
    for (const QString& number : incidentNumbers) {
        const int r = rowOf(number);
        if (r < 0)
            continue;
        Row& row = *m_rows[static_cast<size_t>(r)];
        if (row.pending != PendingAction::None)
            continue;
        row.pending = action;
        row.optimistic = optimistic;
        row.ticket = ticket;
        row.error.clear();
        marked.append(number);
        emitRowChanged(r);
    }
    recount();
    return marked;
}

bool IncidentModel::finishPending(
    const QString& incidentNumber, quint64 ticket, bool accepted, const QString& message)
{
    const int r = rowOf(incidentNumber);
    if (r < 0)
        return false;
    Row& row = *m_rows[static_cast<size_t>(r)];
    if (row.pending == PendingAction::None || row.ticket != ticket)
        return false;
    if (accepted && row.optimistic != Phase::Unknown) {
        row.incident.phase = row.optimistic;
        row.incident.phaseName = phaseToApi(row.optimistic);
        row.incident.parsedFingerprint = 0;
        row.fingerprint = row.incident.fingerprint();
        row.confirmedAt = ++m_confirmations;
    }
    row.pending = PendingAction::None;
    row.optimistic = Phase::Unknown;
    row.ticket = 0;
    row.unconfirmedAt = 0;
    row.targets.clear();
    row.error = message;
    emitRowChanged(r);
    recount();
    return true;
}

QStringList IncidentModel::markUnconfirmed(
    const QStringList& incidentNumbers, quint64 ticket, const QList<IncidentTarget>& targets)
{
    // A new mark: only a snapshot requested from now on can know whether the action applied.
    const quint64 mark = ++m_confirmations;
    QStringList marked;
    for (const QString& number : incidentNumbers) {
        const int r = rowOf(number);
        if (r < 0)
            continue;
        Row& row = *m_rows[static_cast<size_t>(r)];
        if (row.pending == PendingAction::None || row.ticket != ticket)
            continue;
        row.unconfirmedAt = mark;
        row.targets = targets;
        marked.append(number);
        emitRowChanged(r);
    }
    return marked;
}

void IncidentModel::setConfirmedPhase(const QString& incidentNumber, Phase phase)
{
    const int r = rowOf(incidentNumber);
    if (r < 0)
        return;
    Row& row = *m_rows[static_cast<size_t>(r)];
    if (row.incident.phase == phase)
        return;
    row.incident.phase = phase;
    row.incident.phaseName = phaseToApi(phase);
    row.incident.parsedFingerprint = 0;
    row.fingerprint = row.incident.fingerprint();
    row.confirmedAt = ++m_confirmations;
    emitRowChanged(r);
    recount();
}

void IncidentModel::clearError(const QString& incidentNumber)
{
    const int r = rowOf(incidentNumber);
    if (r < 0 || m_rows[static_cast<size_t>(r)]->error.isEmpty())
        return;
    m_rows[static_cast<size_t>(r)]->error.clear();
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1), { ErrorRole, Qt::ToolTipRole });
}

void IncidentModel::setUnreadChat(const QString& incidentNumber, bool unread)
{
    if (m_unreadChat.contains(incidentNumber) == unread)
        return;
    if (unread)
        m_unreadChat.insert(incidentNumber);
    else
        m_unreadChat.remove(incidentNumber);
    const int r = rowOf(incidentNumber);
    if (r >= 0)
        Q_EMIT dataChanged(
            index(r, 0), index(r, ColumnCount - 1), { UnreadChatRole, Qt::ToolTipRole });
}

QString IncidentModel::relativeTime(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid() || !now.isValid())
        return QString();
    // A time slightly ahead of ours (clock skew) still reads as "just now".
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min ago").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h ago").arg(hours);
    return tr("%1 d ago").arg(hours / 24);
}

void IncidentModel::setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

void IncidentModel::tick()
{
    if (m_rows.empty())
        return;
    static_assert(LastAlertColumn == StartedColumn + 1, "the time columns must be adjacent");
    Q_EMIT dataChanged(
        index(0, StartedColumn), index(rowCount() - 1, LastAlertColumn), { Qt::DisplayRole });
}

bool IncidentModel::isTicking() const { return m_ticker->isActive(); }

void IncidentModel::updateTicker()
{
    if (m_rows.empty())
        m_ticker->stop();
    else if (!m_ticker->isActive())
        m_ticker->start();
}

} // namespace rota
