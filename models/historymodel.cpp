// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historymodel.h"

#include "displayformat.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <limits>
#include <utility>

namespace rota {

namespace {

bool sameIncident(const HistoryIncident& a, const HistoryIncident& b)
{
    return a.number == b.number && a.phase == b.phase && a.startMs == b.startMs
        && a.ackMs == b.ackMs && a.resolveMs == b.resolveMs && a.summary == b.summary
        && a.entityId == b.entityId && a.host == b.host && a.service == b.service
        && a.routingKey == b.routingKey && a.teams == b.teams && a.pagedUsers == b.pagedUsers
        && a.ackedBy == b.ackedBy && a.resolvedBy == b.resolvedBy;
}

QString startedText(qint64 ms)
{
    if (ms < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        displayFormat(QStringLiteral("yyyy-MM-dd HH:mm")));
}

// Never acknowledged or resolved sorts after any time, in either direction's natural reading.
qint64 durationSortKey(qint64 seconds)
{
    return seconds < 0 ? std::numeric_limits<qint64>::max() : seconds;
}

} // namespace

HistoryModel::HistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HistoryIncident& incident = m_rows.at(index.row());
    switch (role) {
    case NumberRole:
        return incident.number;
    case StartMsRole:
        return incident.startMs;
    case PhaseRole:
        return static_cast<int>(incident.phase);
    case SecondsToAckRole:
        return incident.secondsToAck();
    case SecondsToResolveRole:
        return incident.secondsToResolve();
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == AckColumn
            || index.column() == ResolveColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn && !incident.entityId.isEmpty())
            return QString(incident.summary + QLatin1Char('\n') + incident.entityId);
        return {};
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return incident.number;
        case StartedColumn:
            return incident.startMs;
        case PhaseColumn:
            return static_cast<int>(incident.phase);
        case AckColumn:
            return durationSortKey(incident.secondsToAck());
        case ResolveColumn:
            return durationSortKey(incident.secondsToResolve());
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return incident.number;
        case StartedColumn:
            return startedText(incident.startMs);
        case SummaryColumn:
            return incident.summary;
        case TeamsColumn:
            return teamsText(incident);
        case RoutingKeyColumn:
            return incident.routingKey;
        case ServiceColumn:
            return incident.service;
        case HostColumn:
            return incident.host;
        case PhaseColumn:
            return phaseDisplayName(incident.phase);
        case AckColumn:
            return durationText(incident.secondsToAck());
        case ResolveColumn:
            return durationText(incident.secondsToResolve());
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case StartedColumn:
        return tr("Started");
    case SummaryColumn:
        return tr("Summary");
    case TeamsColumn:
        return tr("Teams");
    case RoutingKeyColumn:
        return tr("Routing key");
    case ServiceColumn:
        return tr("Service");
    case HostColumn:
        return tr("Host");
    case PhaseColumn:
        return tr("Phase");
    case AckColumn:
        return tr("Time to ack");
    case ResolveColumn:
        return tr("Time to resolve");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NumberRole, "number");
    names.insert(StartMsRole, "startMs");
    names.insert(PhaseRole, "phase");
    names.insert(SecondsToAckRole, "secondsToAck");
    names.insert(SecondsToResolveRole, "secondsToResolve");
    names.insert(SortRole, "sort");
    return names;
}

void HistoryModel::setRows(const QList<HistoryIncident>& fresh)
{
    QHash<qint64, int> freshAt;
    freshAt.reserve(fresh.size());
    for (int i = 0; i < fresh.size(); ++i)
        freshAt.insert(fresh.at(i).number, i);

    // The report keeps one order (newest first), so the rows that stay keep theirs; should they
    // not (another order asked of the store), a reset is cheaper than moving rows one by one.
    // A diff of very many separate runs (another search over thousands of rows, interleaved) is
    // a new list too: each run costs a sorting proxy a pass over its rows.
    int last = -1;
    int runs = 0;
    bool removing = false;
    bool ordered = true;
    for (const HistoryIncident& row : std::as_const(m_rows)) {
        const auto it = freshAt.constFind(row.number);
        const bool removed = it == freshAt.constEnd();
        if (removed && !removing)
            ++runs;
        removing = removed;
        if (removed)
            continue;
        if (*it < last) {
            ordered = false;
            break;
        }
        last = *it;
    }
    if (ordered) {
        QSet<qint64> old;
        old.reserve(m_rows.size());
        for (const HistoryIncident& row : std::as_const(m_rows))
            old.insert(row.number);
        bool inserting = false;
        for (const HistoryIncident& row : fresh) {
            const bool added = !old.contains(row.number);
            if (added && !inserting)
                ++runs;
            inserting = added;
        }
    }
    if (!ordered || runs > MaxDiffRuns) {
        beginResetModel();
        m_rows = fresh;
        endResetModel();
        return;
    }

    // Removals from the bottom up, a contiguous run at a time.
    for (int end = static_cast<int>(m_rows.size()) - 1; end >= 0;) {
        if (freshAt.contains(m_rows.at(end).number)) {
            --end;
            continue;
        }
        int first = end;
        while (first > 0 && !freshAt.contains(m_rows.at(first - 1).number))
            --first;
        beginRemoveRows({}, first, end);
        m_rows.remove(first, end - first + 1);
        endRemoveRows();
        end = first - 1;
    }

    // What is left is in the fresh order: walk the fresh list, inserting runs of new rows and
    // replacing kept rows whose values changed.
    QSet<qint64> kept;
    kept.reserve(m_rows.size());
    for (const HistoryIncident& row : std::as_const(m_rows))
        kept.insert(row.number);
    QList<int> changed;
    for (int i = 0; i < fresh.size();) {
        if (kept.contains(fresh.at(i).number)) {
            Q_ASSERT(m_rows.at(i).number == fresh.at(i).number);
            if (!sameIncident(m_rows.at(i), fresh.at(i))) {
                m_rows[i] = fresh.at(i);
                changed.append(i);
            }
            ++i;
            continue;
        }
        int end = i;
        while (end + 1 < fresh.size() && !kept.contains(fresh.at(end + 1).number))
            ++end;
        beginInsertRows({}, i, end);
        m_rows.insert(i, end - i + 1, HistoryIncident {});
        for (int j = i; j <= end; ++j)
            m_rows[j] = fresh.at(j);
        endInsertRows();
        i = end + 1;
    }
    // Rows changed before a later insertion kept their index (insertions come after them).
    for (int k = 0; k < changed.size();) {
        int end = k;
        while (end + 1 < changed.size() && changed.at(end + 1) == changed.at(end) + 1)
            ++end;
        Q_EMIT dataChanged(index(changed.at(k), 0), index(changed.at(end), ColumnCount - 1));
        k = end + 1;
    }
}

void HistoryModel::clear() { setRows({}); }

const HistoryIncident& HistoryModel::incidentAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row);
}

int HistoryModel::rowOf(qint64 number) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).number == number)
            return i;
    }
    return -1;
}

QString HistoryModel::durationText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

void HistoryModel::setTeamNames(const QHash<QString, QString>& names)
{
    if (names == m_teamNames)
        return;
    m_teamNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TeamsColumn), index(rowCount() - 1, TeamsColumn));
}

QString HistoryModel::teamsText(const HistoryIncident& incident) const
{
    QStringList names;
    names.reserve(incident.teams.size());
    for (const QString& slug : incident.teams) {
        const QString name = m_teamNames.value(slug);
        names << (name.isEmpty() ? slug : name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace rota
