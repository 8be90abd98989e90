// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "routingkeymodel.h"

#include "maintenancemodel.h"

namespace rota {

namespace {

QStringList targetNames(const RoutingKey& key)
{
    QStringList names;
    for (const RoutingKeyTarget& target : key.targets)
        names << (target.policyName.isEmpty() ? target.policySlug : target.policyName);
    return names;
}

QStringList targetSlugs(const RoutingKey& key)
{
    QStringList slugs;
    for (const RoutingKeyTarget& target : key.targets)
        slugs << target.policySlug;
    return slugs;
}

} // namespace

RoutingKeyModel::RoutingKeyModel(QObject* parent)
    : RowTableModel(parent)
{
}

int RoutingKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoutingKeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoutingKeyModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const RoutingKey& key = m_rows.at(index.row()).key;
    const bool maintenance = m_rows.at(index.row()).inMaintenance;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return key.isDefault ? tr("%1 (default)").arg(key.routingKey) : key.routingKey;
        case TargetsColumn:
            return targetNames(key).join(QStringLiteral(", "));
        case MaintenanceColumn:
            return maintenance ? tr("In maintenance") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TargetsColumn)
            return targetSlugs(key).join(QStringLiteral(", "));
        return {};
    case KeyRole:
        return key.routingKey;
    case TargetSlugsRole:
        return targetSlugs(key);
    case TargetNamesRole:
        return targetNames(key);
    case DefaultRole:
        return key.isDefault;
    case InMaintenanceRole:
        return maintenance;
    case SortRole:
        if (index.column() == MaintenanceColumn)
            return maintenance ? 1 : 0;
        return data(index, Qt::DisplayRole).toString().toLower();
    default:
        return {};
    }
}

QVariant RoutingKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Routing key");
    case TargetsColumn:
        return tr("Escalation policies");
    case MaintenanceColumn:
        return tr("Maintenance");
    default:
        return {};
    }
}

void RoutingKeyModel::setMaintenance(MaintenanceModel* maintenance)
{
    if (m_maintenance)
        disconnect(m_maintenance, nullptr, this, nullptr);
    m_maintenance = maintenance;
    if (m_maintenance) {
        connect(m_maintenance, &MaintenanceModel::stateChanged, this,
            &RoutingKeyModel::maintenanceChanged);
        connect(m_maintenance, &QObject::destroyed, this, [this] {
            m_maintenance = nullptr;
            maintenanceChanged();
        });
    }
    maintenanceChanged();
}

bool RoutingKeyModel::inMaintenance(const QString& key) const
{
    return m_maintenance && m_maintenance->isInMaintenance(key);
}

void RoutingKeyModel::maintenanceChanged()
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const bool now = inMaintenance(m_rows.at(row).key.routingKey);
        if (now == m_rows.at(row).inMaintenance)
            continue;
        m_rows[row].inMaintenance = now;
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

QList<RoutingKeyModel::Row> RoutingKeyModel::rowsOf(const RoutingKeyList& list) const
{
    QList<Row> rows;
    const QList<RoutingKey> keys
        = firstOfEachKey(list.routingKeys, [](const RoutingKey& key) { return key.routingKey; });
    for (const RoutingKey& key : keys)
        rows.append({ key, inMaintenance(key.routingKey) });
    return rows;
}

void RoutingKeyModel::reset(const RoutingKeyList& list)
{
    beginResetModel();
    m_rows = rowsOf(list);
    endResetModel();
}

void RoutingKeyModel::applyList(const RoutingKeyList& list)
{
    syncRows(
        m_rows, rowsOf(list), [](const Row& row) { return row.key.routingKey; },
        [](const Row& a, const Row& b) {
            return a.inMaintenance == b.inMaintenance && a.key.toJson() == b.key.toJson();
        },
        rowSteps());
}

int RoutingKeyModel::rowOf(const QString& routingKey) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key.routingKey == routingKey)
            return int(i);
    }
    return -1;
}

QStringList RoutingKeyModel::keys() const
{
    QStringList keys;
    for (const Row& row : m_rows)
        keys << row.key.routingKey;
    return keys;
}

} // namespace rota
