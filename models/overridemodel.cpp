// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "overridemodel.h"

#include "displayformat.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace rota {

namespace {

bool sameOverride(const ScheduledOverride& a, const ScheduledOverride& b)
{
    if (a.publicId != b.publicId || a.username != b.username || a.firstName != b.firstName
        || a.lastName != b.lastName || a.timeZone != b.timeZone || a.start != b.start
        || a.end != b.end || a.assignments.size() != b.assignments.size())
        return false;
    for (qsizetype i = 0; i < a.assignments.size(); ++i) {
        const OverrideAssignment& x = a.assignments.at(i);
        const OverrideAssignment& y = b.assignments.at(i);
        if (x.policy != y.policy || x.team != y.team || x.assigned != y.assigned
            || x.user != y.user)
            return false;
    }
    return true;
}

int unassignedCount(const ScheduledOverride& o)
{
    int n = 0;
    for (const OverrideAssignment& a : o.assignments) {
        if (!a.assigned || a.user.isEmpty())
            ++n;
    }
    return n;
}

//! The override's time in its own zone (as the service wrote it, when the zone is unknown here).
QString formatIn(const OffsetTime& t, const QString& zoneId)
{
    const QTimeZone zone(zoneId.toUtf8());
    const QDateTime local = zone.isValid() ? t.utc.toTimeZone(zone) : t.local();
    return QLocale().toString(local, displayFormat(QStringLiteral("ddd d MMM yyyy HH:mm")));
}

} // namespace

OverrideModel::OverrideModel(QObject* parent)
    : RowTableModel(parent)
{
}

int OverrideModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OverrideModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverrideModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ScheduledOverride& o = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserColumn:
            return displayName(o.username);
        case StartColumn:
            return formatIn(o.start, o.timeZone);
        case EndColumn:
            return formatIn(o.end, o.timeZone);
        case TimeZoneColumn:
            return o.timeZone;
        case AssignedColumn: {
            const int total = static_cast<int>(o.assignments.size());
            const int open = unassignedCount(o);
            if (total == 0)
                return tr("No policies");
            if (open == 0)
                return total == 1 ? tr("Covered") : tr("All %n policies covered", nullptr, total);
            if (open == total)
                return tr("Nobody stands in yet");
            return tr("Open on %1 of %2 policies").arg(open).arg(total);
        }
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case UserColumn:
            return displayName(o.username).toLower();
        case StartColumn:
            return o.start.utc;
        case EndColumn:
            return o.end.utc;
        case TimeZoneColumn:
            return o.timeZone;
        case AssignedColumn:
            return unassignedCount(o);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == UserColumn)
            return o.username;
        return {};
    case PublicIdRole:
        return o.publicId;
    case UsernameRole:
        return o.username;
    case StartRole:
        return o.start.utc;
    case EndRole:
        return o.end.utc;
    case UnassignedCountRole:
        return unassignedCount(o);
    default:
        return {};
    }
}

QVariant OverrideModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("Away");
    case StartColumn:
        return tr("From");
    case EndColumn:
        return tr("Until");
    case TimeZoneColumn:
        return tr("Time zone");
    case AssignedColumn:
        return tr("Replacements");
    default:
        return {};
    }
}

int OverrideModel::rowOf(const QString& publicId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).publicId == publicId)
            return i;
    }
    return -1;
}

void OverrideModel::setUserNames(const QHash<QString, QString>& names)
{
    m_names = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0, UserColumn), index(rowCount() - 1, UserColumn), { Qt::DisplayRole });
}

QString OverrideModel::displayName(const QString& username) const
{
    const QString name = m_names.value(username);
    return name.isEmpty() ? username : name;
}

QString OverrideModel::policyName(const QString& slug) const
{
    const QString name = m_policyNames.value(slug);
    return name.isEmpty() ? slug : name;
}

void OverrideModel::sortRows(QList<ScheduledOverride>* rows) const
{
    std::stable_sort(
        rows->begin(), rows->end(), [](const ScheduledOverride& a, const ScheduledOverride& b) {
            return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.publicId < b.publicId;
        });
}

void OverrideModel::setOverrides(const QList<ScheduledOverride>& overrides)
{
    QList<ScheduledOverride> fresh = overrides;
    sortRows(&fresh);
    if (!m_loaded) {
        beginResetModel();
        m_rows = fresh;
        m_loaded = true;
        endResetModel();
        return;
    }
    syncRows(
        m_rows, fresh, [](const ScheduledOverride& o) { return o.publicId; }, sameOverride,
        rowSteps());
}

void OverrideModel::upsert(const ScheduledOverride& override)
{
    QList<ScheduledOverride> all = m_rows;
    const int row = rowOf(override.publicId);
    if (row >= 0)
        all[row] = override;
    else
        all.append(override);
    m_loaded = true; // an upsert is never a first load: no reset
    setOverrides(all);
}

void OverrideModel::removeOverride(const QString& publicId)
{
    const int row = rowOf(publicId);
    if (row < 0)
        return;
    QList<ScheduledOverride> rest = m_rows;
    rest.removeAt(row);
    setOverrides(rest);
}

void OverrideModel::applyAssignment(const QString& publicId, const OverrideAssignment& assignment)
{
    const int row = rowOf(publicId);
    if (row < 0)
        return;
    ScheduledOverride changed = m_rows.at(row);
    bool found = false;
    for (OverrideAssignment& a : changed.assignments) {
        if (a.policy == assignment.policy) {
            a.assigned = assignment.assigned;
            a.user = assignment.user;
            found = true;
        }
    }
    if (!found)
        changed.assignments.append(assignment);
    upsert(changed);
}

} // namespace rota
