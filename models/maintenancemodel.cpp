// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "maintenancemodel.h"

#include "displayformat.h"

#include <QLocale>

namespace rota {

namespace {

bool sameInstance(const MaintenanceInstance& a, const MaintenanceInstance& b)
{
    return a.instanceId == b.instanceId && a.startedBy == b.startedBy && a.startedAt == b.startedAt
        && a.isGlobal == b.isGlobal && a.routingKeys() == b.routingKeys();
}

QString since(const QDateTime& when, const QDateTime& now)
{
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local, displayFormat(QStringLiteral("HH:mm")));
    return locale.toString(local, displayFormat(QStringLiteral("d MMM HH:mm")));
}

} // namespace

MaintenanceModel::MaintenanceModel(QObject* parent)
    : RowTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

int MaintenanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int MaintenanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MaintenanceModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const MaintenanceInstance& instance = m_instances.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ScopeColumn:
            return instance.isGlobal ? tr("All routing keys")
                                     : instance.routingKeys().join(QStringLiteral(", "));
        case StartedByColumn:
            return startedByKnown(instance) ? instance.startedBy : tr("Not said");
        case SinceColumn:
            return since(instance.startedAt, m_clock());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == StartedByColumn && !startedByKnown(instance))
            return tr("Started by a program with an API key (Rota or another); Splunk On-Call "
                      "does not say who.");
        return {};
    case InstanceIdRole:
        return instance.instanceId;
    case GlobalRole:
        return instance.isGlobal;
    case RoutingKeysRole:
        return instance.routingKeys();
    case StartedAtRole:
        return instance.startedAt;
    case SortRole:
        if (index.column() == SinceColumn)
            return instance.startedAt.toMSecsSinceEpoch();
        return data(index, Qt::DisplayRole).toString().toLower();
    default:
        return {};
    }
}

QVariant MaintenanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ScopeColumn:
        return tr("In maintenance");
    case StartedByColumn:
        return tr("Started by");
    case SinceColumn:
        return tr("Since");
    default:
        return {};
    }
}

void MaintenanceModel::reset(const MaintenanceState& state)
{
    beginResetModel();
    m_instances = state.activeInstances;
    m_loaded = !state.companyId.isEmpty() || !state.activeInstances.isEmpty();
    m_stale = false;
    m_checkedAt = m_loaded ? m_clock() : QDateTime();
    endResetModel();
    Q_EMIT stateChanged();
}

void MaintenanceModel::applyState(const MaintenanceState& state)
{
    const QString before = bannerText();
    const bool wasCurrent = isCurrent();
    m_loaded = true;
    m_stale = false;
    m_checkedAt = m_clock();

    // One row per instance, in the server's order; a routine read keeps the rows that stay.
    const auto idOf = [](const MaintenanceInstance& instance) { return instance.instanceId; };
    syncRows(
        m_instances, firstOfEachKey(state.activeInstances, idOf), idOf, sameInstance, rowSteps());
    if (!wasCurrent || before != bannerText())
        Q_EMIT stateChanged();
}

void MaintenanceModel::setStale()
{
    if (m_stale)
        return;
    m_stale = true;
    Q_EMIT stateChanged();
}

bool MaintenanceModel::isGlobalActive() const
{
    for (const MaintenanceInstance& instance : m_instances) {
        if (instance.isGlobal)
            return true;
    }
    return false;
}

bool MaintenanceModel::isInMaintenance(const QString& routingKey) const
{
    return isGlobalActive() || !instancesFor(routingKey).isEmpty();
}

QStringList MaintenanceModel::instancesFor(const QString& routingKey) const
{
    QStringList ids;
    for (const MaintenanceInstance& instance : m_instances) {
        if (!instance.isGlobal && instance.routingKeys().contains(routingKey))
            ids << instance.instanceId;
    }
    return ids;
}

int MaintenanceModel::rowOf(const QString& instanceId) const
{
    for (qsizetype i = 0; i < m_instances.size(); ++i) {
        if (m_instances.at(i).instanceId == instanceId)
            return int(i);
    }
    return -1;
}

bool MaintenanceModel::startedByKnown(const MaintenanceInstance& instance)
{
    // A start through the public API is recorded as started by "api": a key, not a person.
    return !instance.startedBy.isEmpty() && instance.startedBy != QLatin1String("api");
}

QString MaintenanceModel::describe(const MaintenanceInstance& instance, const QDateTime& now)
{
    const QStringList keys = instance.routingKeys();
    QString scope;
    if (instance.isGlobal)
        scope = tr("all routing keys");
    else if (keys.size() == 1)
        scope = tr("routing key %1").arg(keys.first());
    else
        scope = tr("routing keys %1").arg(keys.join(QStringLiteral(", ")));
    QString text = scope;
    if (instance.startedAt.isValid())
        text += QLatin1Char(' ') + tr("since %1").arg(since(instance.startedAt, now));
    if (startedByKnown(instance))
        text += QLatin1Char(' ') + tr("(started by %1)").arg(instance.startedBy);
    return text;
}

QString MaintenanceModel::bannerText() const
{
    if (m_instances.isEmpty())
        return {};
    const QDateTime now = m_clock();
    QStringList parts;
    for (const MaintenanceInstance& instance : m_instances)
        parts << describe(instance, now);
    const QString text = tr("Maintenance mode: %1").arg(parts.join(QStringLiteral("; ")));
    if (isCurrent())
        return text;
    // Rows that could not be checked are what was true then, not a claim about now.
    return tr("%1 — as last read at %2; Rota cannot check it now.")
        .arg(text, since(m_checkedAt, now));
}

} // namespace rota
