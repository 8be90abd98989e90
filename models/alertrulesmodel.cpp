// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertrulesmodel.h"

#include <algorithm>

namespace rota {

namespace {

bool sameRule(const AlertRule& a, const AlertRule& b)
{
    return a.id == b.id && a.rank == b.rank && a.alertField == b.alertField
        && a.alertValueMatch == b.alertValueMatch && a.matchType == b.matchType
        && a.stopFlag == b.stopFlag && a.notes == b.notes && a.routeKey == b.routeKey
        && a.lastUpdated == b.lastUpdated && a.lastUpdatedBy == b.lastUpdatedBy
        && a.annotations == b.annotations;
}

QString annotationKind(const QString& type)
{
    if (type == QLatin1String("u"))
        return AlertRulesModel::tr("link");
    if (type == QLatin1String("i"))
        return AlertRulesModel::tr("image");
    return AlertRulesModel::tr("note");
}

} // namespace

AlertRulesModel::AlertRulesModel(QObject* parent)
    : RowTableModel(parent)
{
}

void AlertRulesModel::setRules(const QList<AlertRule>& rules)
{
    QList<AlertRule> sorted = firstOfEachKey(rules, [](const AlertRule& r) { return r.id; });
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const AlertRule& a, const AlertRule& b) { return a.rank < b.rank; });
    syncRows(
        m_rules, sorted, [](const AlertRule& r) { return r.id; }, sameRule, rowSteps());
}

int AlertRulesModel::rowOf(int id) const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == id)
            return row;
    }
    return -1;
}

AlertRule AlertRulesModel::rule(int row) const { return m_rules.value(row); }

QString AlertRulesModel::matchText(const AlertRule& rule)
{
    return rule.isRegex() ? tr("%1 (regex)").arg(rule.alertValueMatch)
                          : tr("%1 (wildcard)").arg(rule.alertValueMatch);
}

QString AlertRulesModel::actionText(const AlertRule& rule)
{
    QStringList parts;
    if (!rule.routeKey.isEmpty())
        parts.append(tr("route to %1").arg(rule.routeKey));
    for (const AlertRuleAnnotation& a : rule.annotations) {
        if (a.flags == AlertRuleAnnotation::Transformation)
            parts.append(tr("set %1").arg(a.fieldName));
        else
            parts.append(tr("add %1 (%2)").arg(a.fieldName, annotationKind(a.annotationType)));
    }
    if (rule.stopFlag)
        parts.append(tr("stop"));
    return parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral("; "));
}

int AlertRulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AlertRulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRulesModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const AlertRule& rule = m_rules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn:
            return rule.rank;
        case FieldColumn:
            return rule.alertField;
        case MatchColumn:
            return matchText(rule);
        case ActionColumn:
            return actionText(rule);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (rule.notes.isEmpty())
            return {};
        return rule.notes;
    case RuleIdRole:
        return rule.id;
    case RankRole:
    case SortRole:
        return rule.rank;
    case StopRole:
        return rule.stopFlag;
    case RouteKeyRole:
        return rule.routeKey;
    default:
        return {};
    }
}

QVariant AlertRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn:
        return tr("#");
    case FieldColumn:
        return tr("When field");
    case MatchColumn:
        return tr("Matches");
    case ActionColumn:
        return tr("Then");
    default:
        return {};
    }
}

} // namespace rota
