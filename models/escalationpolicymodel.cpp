// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "escalationpolicymodel.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>

namespace rota {

namespace {

bool byName(const EscalationPolicyInfo& a, const EscalationPolicyInfo& b)
{
    const int order = QString::compare(a.policyName, b.policyName, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a.policySlug < b.policySlug;
}

bool sameInfo(const EscalationPolicyInfo& a, const EscalationPolicyInfo& b)
{
    return a.policyName == b.policyName && a.policySlug == b.policySlug
        && a.policySelfUrl == b.policySelfUrl && a.teamName == b.teamName
        && a.teamSlug == b.teamSlug;
}

QString slugOf(const EscalationPolicyInfo& info) { return info.policySlug; }

QString quoted(const QString& text) { return QLatin1Char('\'') + text + QLatin1Char('\''); }

// A person's name with the username for telling namesakes apart.
QString personName(const EscalationPolicyEntry& entry)
{
    const QString name
        = QStringList { entry.firstName, entry.lastName }.join(QLatin1Char(' ')).trimmed();
    if (name.isEmpty())
        return entry.username;
    return QStringLiteral("%1 (%2)").arg(name, entry.username);
}

} // namespace

QString describeEscalationEntry(
    const EscalationPolicyEntry& entry, const QHash<QString, QString>& policyNames)
{
    const QString rotation = quoted(
        entry.rotationGroupLabel.isEmpty() ? entry.rotationGroupSlug : entry.rotationGroupLabel);
    switch (entry.type) {
    case EscalationEntryType::RotationGroup:
        return QCoreApplication::translate("rota::EscalationPolicyModel", "page rotation %1")
            .arg(rotation);
    case EscalationEntryType::RotationGroupNext:
        return QCoreApplication::translate(
            "rota::EscalationPolicyModel", "page the next on call in rotation %1")
            .arg(rotation);
    case EscalationEntryType::RotationGroupPrevious:
        return QCoreApplication::translate(
            "rota::EscalationPolicyModel", "page the previous on call in rotation %1")
            .arg(rotation);
    case EscalationEntryType::User:
        return QCoreApplication::translate("rota::EscalationPolicyModel", "page %1")
            .arg(personName(entry));
    case EscalationEntryType::Webhook:
        return QCoreApplication::translate("rota::EscalationPolicyModel", "call webhook %1")
            .arg(quoted(entry.webhookLabel.isEmpty() ? entry.webhookSlug : entry.webhookLabel));
    case EscalationEntryType::Email:
        return QCoreApplication::translate("rota::EscalationPolicyModel", "e-mail %1")
            .arg(entry.emailAddress);
    case EscalationEntryType::PolicyRouting:
        return QCoreApplication::translate("rota::EscalationPolicyModel", "hand over to policy %1")
            .arg(quoted(policyNames.value(entry.targetPolicySlug, entry.targetPolicySlug)));
    case EscalationEntryType::Unknown:
        break;
    }
    return QCoreApplication::translate("rota::EscalationPolicyModel", "%1 (not known to Rota)")
        .arg(entry.executionType);
}

QString describeEscalationTimeout(int minutes)
{
    if (minutes <= 0)
        return QCoreApplication::translate("rota::EscalationPolicyModel", "immediately");
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    const QString minutesText
        = QCoreApplication::translate("rota::EscalationPolicyModel", "%n minute(s)", nullptr, rest);
    const QString hoursText
        = QCoreApplication::translate("rota::EscalationPolicyModel", "%n hour(s)", nullptr, hours);
    if (hours == 0)
        return QCoreApplication::translate("rota::EscalationPolicyModel", "after %1")
            .arg(minutesText);
    if (rest == 0)
        return QCoreApplication::translate("rota::EscalationPolicyModel", "after %1")
            .arg(hoursText);
    return QCoreApplication::translate("rota::EscalationPolicyModel", "after %1 %2")
        .arg(hoursText, minutesText);
}

QString describeEscalationStep(
    int index, const EscalationPolicyStep& step, const QHash<QString, QString>& policyNames)
{
    QStringList entries;
    for (const EscalationPolicyEntry& entry : step.entries)
        entries.append(describeEscalationEntry(entry, policyNames));
    const QString head
        = QCoreApplication::translate("rota::EscalationPolicyModel", "Step %1 — %2")
              .arg(QString::number(index + 1), describeEscalationTimeout(step.timeout));
    if (entries.isEmpty())
        return QCoreApplication::translate("rota::EscalationPolicyModel", "%1: nobody").arg(head);
    return QStringLiteral("%1: %2").arg(head, entries.join(QStringLiteral(", ")));
}

// --- EscalationPolicyModel -------------------------------------------------------------------

EscalationPolicyModel::EscalationPolicyModel(QObject* parent)
    : RowTableModel(parent)
{
}

EscalationPolicyModel::~EscalationPolicyModel() = default;

int EscalationPolicyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EscalationPolicyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant EscalationPolicyModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const EscalationPolicyInfo& info = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return info.policyName.isEmpty() ? info.policySlug : info.policyName;
    case Qt::ToolTipRole:
        return tr("%1 (%2), team %3").arg(info.policyName, info.policySlug, info.teamName);
    case SlugRole:
        return info.policySlug;
    case TeamSlugRole:
        return info.teamSlug;
    case TeamNameRole:
        return info.teamName;
    case SortRole:
        return info.policyName.toLower();
    default:
        return {};
    }
}

QHash<int, QByteArray> EscalationPolicyModel::roleNames() const
{
    QHash<int, QByteArray> names = RowTableModel::roleNames();
    names.insert(SlugRole, "slug");
    names.insert(NameRole, "name");
    names.insert(TeamSlugRole, "teamSlug");
    names.insert(TeamNameRole, "teamName");
    names.insert(SortRole, "sort");
    return names;
}

void EscalationPolicyModel::setTeam(const QString& teamSlug)
{
    if (teamSlug != m_teamSlug) {
        beginResetModel();
        m_teamSlug = teamSlug;
        m_rows.clear();
        for (const EscalationPolicyInfo& info : std::as_const(m_all)) {
            if (m_teamSlug.isEmpty() || info.teamSlug == m_teamSlug)
                m_rows.append(info);
        }
        std::sort(m_rows.begin(), m_rows.end(), byName);
        endResetModel();
    }
}

void EscalationPolicyModel::setPolicies(const QList<EscalationPolicyInfo>& all)
{
    m_all = all;
    QList<EscalationPolicyInfo> rows;
    for (const EscalationPolicyInfo& info : all) {
        if (m_teamSlug.isEmpty() || info.teamSlug == m_teamSlug)
            rows.append(info);
    }
    // A slug the API repeats would make the diff ambiguous; the first one wins.
    rows = firstOfEachKey(rows, slugOf);
    std::sort(rows.begin(), rows.end(), byName);
    syncRows(m_rows, rows, slugOf, sameInfo, rowSteps());
}

QHash<QString, QString> EscalationPolicyModel::policyNames() const
{
    QHash<QString, QString> names;
    for (const EscalationPolicyInfo& info : m_all)
        names.insert(info.policySlug, info.policyName);
    return names;
}

int EscalationPolicyModel::rowOf(const QString& slug) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).policySlug == slug)
            return row;
    }
    return -1;
}

const EscalationPolicyInfo& EscalationPolicyModel::policyAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row);
}

// --- EscalationStepModel ---------------------------------------------------------------------

// internalId 0 marks a step row; an entry row carries its step's index + 1.
EscalationStepModel::EscalationStepModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

EscalationStepModel::~EscalationStepModel() = default;

QModelIndex EscalationStepModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column != 0)
        return {};
    if (!parent.isValid())
        return row < m_policy.steps.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_policy.steps.size())
        return {};
    if (row >= m_policy.steps.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex EscalationStepModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int EscalationStepModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_policy.steps.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return static_cast<int>(m_policy.steps.at(parent.row()).entries.size());
}

int EscalationStepModel::columnCount(const QModelIndex&) const { return 1; }

QVariant EscalationStepModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    if (index.internalId() == 0) {
        const EscalationPolicyStep& step = m_policy.steps.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return tr("Step %1 — %2")
                .arg(QString::number(index.row() + 1), describeEscalationTimeout(step.timeout));
        case Qt::ToolTipRole:
            return describeEscalationStep(index.row(), step, m_policyNames);
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case StepRole:
            return index.row();
        case TimeoutRole:
            return step.timeout;
        case IsStepRole:
            return true;
        default:
            return {};
        }
    }
    const int stepIndex = static_cast<int>(index.internalId() - 1);
    const EscalationPolicyEntry& entry = m_policy.steps.at(stepIndex).entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return describeEscalationEntry(entry, m_policyNames);
    case StepRole:
        return stepIndex;
    case EntryTypeRole:
        return entry.type == EscalationEntryType::Unknown ? entry.executionType
                                                          : escalationEntryTypeToApi(entry.type);
    case TargetRole:
        return entry.target();
    case IsStepRole:
        return false;
    default:
        return {};
    }
}

QHash<int, QByteArray> EscalationStepModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(StepRole, "step");
    names.insert(TimeoutRole, "timeout");
    names.insert(EntryTypeRole, "entryType");
    names.insert(TargetRole, "target");
    names.insert(IsStepRole, "isStep");
    return names;
}

void EscalationStepModel::setPolicy(const EscalationPolicy& policy)
{
    // Policies are immutable in the API: the same slug with the same steps is the same policy.
    if (policy.slug == m_policy.slug && policy.toJson() == m_policy.toJson())
        return;
    beginResetModel();
    m_policy = policy;
    endResetModel();
}

void EscalationStepModel::clear() { setPolicy({}); }

void EscalationStepModel::setPolicyNames(const QHash<QString, QString>& names)
{
    if (names == m_policyNames)
        return;
    m_policyNames = names;
    // Only policy-routing entries read the names; their text may have changed.
    for (int s = 0; s < m_policy.steps.size(); ++s) {
        const QModelIndex step = index(s, 0);
        const int entries = rowCount(step);
        if (entries > 0)
            Q_EMIT dataChanged(index(0, 0, step), index(entries - 1, 0, step), { Qt::DisplayRole });
        Q_EMIT dataChanged(step, step, { Qt::ToolTipRole });
    }
}

QStringList EscalationStepModel::summary() const
{
    QStringList lines;
    for (int i = 0; i < m_policy.steps.size(); ++i)
        lines.append(describeEscalationStep(i, m_policy.steps.at(i), m_policyNames));
    return lines;
}

} // namespace rota
