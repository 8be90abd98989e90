// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentfiltermodel.h"

#include "incidentmodel.h"

namespace rota {

IncidentFilterModel::IncidentFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IncidentModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void IncidentFilterModel::setSourceModel(QAbstractItemModel* source)
{
    m_incidents = qobject_cast<IncidentModel*>(source);
    Q_ASSERT_X(
        !source || m_incidents, "IncidentFilterModel", "the source must be an IncidentModel");
    QSortFilterProxyModel::setSourceModel(source);
}

void IncidentFilterModel::setPhases(const QSet<Phase>& phases)
{
    if (phases == m_phases)
        return;
    m_phases = phases;
    invalidateRowsFilter();
}

void IncidentFilterModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    invalidateRowsFilter();
}

void IncidentFilterModel::setRoutingKey(const QString& routingKey)
{
    if (routingKey == m_routingKey)
        return;
    m_routingKey = routingKey;
    invalidateRowsFilter();
}

void IncidentFilterModel::setService(const QString& service)
{
    if (service == m_service)
        return;
    m_service = service;
    invalidateRowsFilter();
}

void IncidentFilterModel::setText(const QString& text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

QStringList IncidentFilterModel::visibleNumbers() const
{
    QStringList numbers;
    numbers.reserve(rowCount());
    for (int r = 0; r < rowCount(); ++r)
        numbers.append(index(r, 0).data(IncidentModel::NumberRole).toString());
    return numbers;
}

void IncidentFilterModel::setOnly(const QSet<QString>& incidentNumbers)
{
    if (incidentNumbers == m_only)
        return;
    m_only = incidentNumbers;
    invalidateRowsFilter();
}

void IncidentFilterModel::setPinned(const QString& incidentNumber)
{
    if (incidentNumber == m_pinned)
        return;
    // Only a pinned row its phase would hide changes anything: then filter again.
    const auto hiddenByPhase = [this](const QString& number) {
        if (number.isEmpty() || !m_incidents)
            return false;
        const int row = m_incidents->rowOf(number);
        return row >= 0 && !phaseShown(m_incidents->phaseAt(row));
    };
    const bool refilter = hiddenByPhase(m_pinned) || hiddenByPhase(incidentNumber);
    m_pinned = incidentNumber;
    // Not from inside: the current row of a view changes while the proxy is filtering, and a
    // view pins its current row.
    if (refilter && !m_refilterQueued) {
        m_refilterQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_refilterQueued = false;
                invalidateFilter();
            },
            Qt::QueuedConnection);
    }
}

bool IncidentFilterModel::phaseShown(Phase phase) const
{
    // Paging me is what the badge counts: triggered only (an acknowledged incident pages no one).
    if (m_scope == Scope::PagingMe && phase != Phase::Triggered)
        return false;
    return m_phases.isEmpty() || m_phases.contains(phase);
}

bool IncidentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_incidents || sourceParent.isValid())
        return false;
    if (!m_only.isEmpty())
        return m_only.contains(m_incidents->incidentAt(sourceRow).incidentNumber);
    if (!phaseShown(m_incidents->phaseAt(sourceRow))
        && (m_pinned.isEmpty() || m_incidents->incidentAt(sourceRow).incidentNumber != m_pinned))
        return false;
    if (m_scope == Scope::PagingMe && !m_incidents->isPagingMe(sourceRow))
        return false;
    if (m_scope == Scope::MyTeams && !m_incidents->isMyTeams(sourceRow))
        return false;
    const Incident& incident = m_incidents->incidentAt(sourceRow);
    if (!m_routingKey.isEmpty()
        && incident.routingKey.compare(m_routingKey, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_service.isEmpty() && incident.service.compare(m_service, Qt::CaseInsensitive) != 0)
        return false;
    for (const QString& word : m_words) {
        const bool found = incident.incidentNumber.contains(word, Qt::CaseInsensitive)
            || incident.entityDisplayName.contains(word, Qt::CaseInsensitive)
            || incident.host.contains(word, Qt::CaseInsensitive)
            || incident.service.contains(word, Qt::CaseInsensitive)
            || incident.entityId.contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace rota
