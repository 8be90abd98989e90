#include "routingkeymodel.h"

#include "maintenancemodel.h"

#include <QSet>

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
    : QAbstractTableModel(parent)
{
}

int RoutingKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
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
    const RoutingKey& key = m_keys.at(index.row());
    const bool maintenance = m_inMaintenance.value(index.row());
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
    for (qsizetype row = 0; row < m_keys.size(); ++row) {
        const bool now = inMaintenance(m_keys.at(row).routingKey);
        if (now == m_inMaintenance.at(row))
            continue;
        m_inMaintenance[row] = now;
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

void RoutingKeyModel::reset(const RoutingKeyList& list)
{
    beginResetModel();
    m_keys.clear();
    m_inMaintenance.clear();
    QSet<QString> seen;
    for (const RoutingKey& key : list.routingKeys) {
        if (seen.contains(key.routingKey))
            continue;
        seen.insert(key.routingKey);
        m_keys.append(key);
        m_inMaintenance.append(inMaintenance(key.routingKey));
    }
    endResetModel();
}

void RoutingKeyModel::applyList(const RoutingKeyList& list)
{
    QSet<QString> wanted;
    for (const RoutingKey& key : list.routingKeys)
        wanted.insert(key.routingKey);
    int i = int(m_keys.size()) - 1;
    while (i >= 0) {
        if (wanted.contains(m_keys.at(i).routingKey)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !wanted.contains(m_keys.at(first - 1).routingKey))
            --first;
        beginRemoveRows({}, first, i);
        m_keys.remove(first, i - first + 1);
        m_inMaintenance.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    QList<RoutingKey> added;
    QSet<QString> seen;
    for (const RoutingKey& key : list.routingKeys) {
        if (seen.contains(key.routingKey))
            continue;
        seen.insert(key.routingKey);
        const int row = rowOf(key.routingKey);
        if (row < 0) {
            added.append(key);
        } else if (m_keys.at(row).toJson() != key.toJson()) {
            m_keys[row] = key;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_keys.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const RoutingKey& key : std::as_const(added)) {
            m_keys.append(key);
            m_inMaintenance.append(inMaintenance(key.routingKey));
        }
        endInsertRows();
    }
}

int RoutingKeyModel::rowOf(const QString& routingKey) const
{
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).routingKey == routingKey)
            return int(i);
    }
    return -1;
}

QStringList RoutingKeyModel::keys() const
{
    QStringList keys;
    for (const RoutingKey& key : m_keys)
        keys << key.routingKey;
    return keys;
}

} // namespace rota
