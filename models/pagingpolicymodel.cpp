// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagingpolicymodel.h"

#include "pagingpolicycommands.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QUndoStack>

#include <algorithm>

namespace rota {

PagingStep PolicyStep::toPagingStep() const { return PagingStep::make(timeout, rules); }

PolicyStep PolicyStep::fromPagingStep(const PagingStep& step)
{
    PolicyStep out;
    out.timeout = step.timeout;
    for (PagingRule rule : step.rules) {
        rule.index = -1;
        out.rules.append(rule);
    }
    return out;
}

QList<PolicyStep> policySteps(const PersonalPagingPolicy& policy)
{
    QList<PolicyStep> out;
    for (const PagingStep& step : policy.steps)
        out.append(PolicyStep::fromPagingStep(step));
    return out;
}

namespace {
// A rule's internalId is its step's key; a step's is 0.
constexpr quintptr StepId = 0;

QByteArray encode(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A rule's identity within a step: what it sends to whom (its index is only its place).
bool sameRule(const PagingRule& a, const PagingRule& b)
{
    return a.notificationType == b.notificationType && a.contact == b.contact;
}
} // namespace

PagingPolicyModel::PagingPolicyModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_stack(new QUndoStack(this))
{
    connect(m_stack, &QUndoStack::cleanChanged, this, &PagingPolicyModel::updateDirty);
    connect(m_stack, &QUndoStack::indexChanged, this, &PagingPolicyModel::updateDirty);
}

PagingPolicyModel::~PagingPolicyModel() = default;

void PagingPolicyModel::reset(const QList<PolicyStep>& steps)
{
    beginResetModel();
    m_rows.clear();
    for (const PolicyStep& step : steps)
        m_rows.append({ m_nextKey++, step });
    endResetModel();
}

void PagingPolicyModel::load(const PersonalPagingPolicy& policy)
{
    m_base = policySteps(policy);
    reset(m_base);
    m_stack->clear();
    m_stack->setClean();
    updateDirty();
}

bool PagingPolicyModel::showServer(const PersonalPagingPolicy& policy)
{
    m_base = policySteps(policy);
    m_applyingServer = true;
    const bool changed = sync(m_base);
    m_applyingServer = false;
    // The history's positions refer to the policy as it was; they would not replay on this one.
    if (changed)
        m_stack->clear();
    m_stack->setClean();
    updateDirty();
    return changed;
}

bool PagingPolicyModel::sync(const QList<PolicyStep>& target)
{
    bool changed = false;
    const qsizetype common = std::min(m_rows.size(), target.size());
    for (qsizetype s = 0; s < common; ++s) {
        PolicyStep& now = m_rows[s].step;
        const PolicyStep& want = target.at(s);
        if (now == want)
            continue;
        changed = true;
        const QModelIndex stepIndex = index(static_cast<int>(s), 0);
        if (now.timeout != want.timeout) {
            now.timeout = want.timeout;
            Q_EMIT dataChanged(stepIndex, stepIndex, { Qt::DisplayRole, TimeoutRole });
        }
        if (now.rules == want.rules)
            continue;
        // Only the middle that differs is replaced, so that chips before and after it stay put.
        qsizetype prefix = 0;
        while (prefix < now.rules.size() && prefix < want.rules.size()
            && now.rules.at(prefix) == want.rules.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < now.rules.size() - prefix && suffix < want.rules.size() - prefix
            && now.rules.at(now.rules.size() - 1 - suffix)
                == want.rules.at(want.rules.size() - 1 - suffix))
            ++suffix;
        const qsizetype removed = now.rules.size() - prefix - suffix;
        if (removed > 0) {
            beginRemoveRows(
                stepIndex, static_cast<int>(prefix), static_cast<int>(prefix + removed - 1));
            now.rules.remove(prefix, removed);
            endRemoveRows();
        }
        const qsizetype inserted = want.rules.size() - prefix - suffix;
        if (inserted > 0) {
            beginInsertRows(
                stepIndex, static_cast<int>(prefix), static_cast<int>(prefix + inserted - 1));
            for (qsizetype k = 0; k < inserted; ++k)
                now.rules.insert(prefix + k, want.rules.at(prefix + k));
            endInsertRows();
        }
        Q_EMIT dataChanged(stepIndex, stepIndex, { RuleCountRole });
    }
    if (target.size() > m_rows.size()) {
        changed = true;
        beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(target.size() - 1));
        for (qsizetype s = m_rows.size(); s < target.size(); ++s)
            m_rows.append({ m_nextKey++, target.at(s) });
        endInsertRows();
    } else if (m_rows.size() > target.size()) {
        changed = true;
        beginRemoveRows({}, static_cast<int>(target.size()), static_cast<int>(m_rows.size() - 1));
        m_rows.remove(target.size(), m_rows.size() - target.size());
        endRemoveRows();
    }
    if (changed)
        renumber();
    return changed;
}

void PagingPolicyModel::rebase(const PersonalPagingPolicy& policy)
{
    m_base = policySteps(policy);
    updateDirty();
}

void PagingPolicyModel::discard()
{
    reset(m_base);
    m_stack->clear();
    m_stack->setClean();
    updateDirty();
}

void PagingPolicyModel::markSaved(const PersonalPagingPolicy& policy)
{
    // The server may hold more than was edited (emptied steps it cannot delete): show what it has.
    const QList<PolicyStep> saved = policySteps(policy);
    m_base = saved;
    m_applyingServer = true;
    const bool changed = sync(saved);
    m_applyingServer = false;
    if (changed)
        m_stack->clear();
    m_stack->setClean();
    updateDirty();
}

QList<PolicyStep> PagingPolicyModel::steps() const
{
    QList<PolicyStep> out;
    out.reserve(m_rows.size());
    for (const Row& row : m_rows)
        out.append(row.step);
    return out;
}

PersonalPagingPolicy PagingPolicyModel::editedPolicy() const
{
    PersonalPagingPolicy policy;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        PagingStep step = m_rows.at(i).step.toPagingStep();
        step.index = static_cast<int>(i);
        for (qsizetype r = 0; r < step.rules.size(); ++r)
            step.rules[r].index = static_cast<int>(r);
        policy.steps.append(step);
    }
    return policy;
}

// What is unsaved is what differs from the server's policy: an edit and its opposite, or an undo
// back past a save's clean point to where the server is, leave nothing to save.
bool PagingPolicyModel::isDirty() const { return steps() != m_base; }

int PagingPolicyModel::findRule(int step, const PagingRule& rule, int except) const
{
    if (step < 0 || step >= m_rows.size())
        return -1;
    const QList<PagingRule>& rules = m_rows.at(step).step.rules;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (i != except && sameRule(rules.at(i), rule))
            return static_cast<int>(i);
    }
    return -1;
}

QString PagingPolicyModel::duplicateReason(int step, const PagingRule& rule, int except) const
{
    if (findRule(step, rule, except) < 0)
        return {};
    return tr("Step %1 already has %2; a step pages each contact method once.")
        .arg(QString::number(step + 1), ruleText(rule));
}

QList<PagingRule> PagingPolicyModel::withoutDuplicates(const QList<PagingRule>& rules)
{
    QList<PagingRule> out;
    for (const PagingRule& rule : rules) {
        if (std::none_of(out.cbegin(), out.cend(),
                [&rule](const PagingRule& kept) { return sameRule(kept, rule); }))
            out.append(rule);
    }
    return out;
}

void PagingPolicyModel::updateDirty()
{
    const bool dirty = isDirty();
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void PagingPolicyModel::setContactMethods(const ContactMethods& methods)
{
    m_contacts = methods;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
    for (int s = 0; s < rowCount(); ++s) {
        const QModelIndex step = index(s, 0);
        if (rowCount(step) > 0)
            Q_EMIT dataChanged(index(0, 0, step), index(rowCount(step) - 1, 0, step));
    }
}

QString PagingPolicyModel::notificationLabel(const QString& type)
{
    if (type == QLatin1String("push"))
        return tr("Push");
    if (type == QLatin1String("email"))
        return tr("E-mail");
    if (type == QLatin1String("sms"))
        return tr("SMS");
    if (type == QLatin1String("phone"))
        return tr("Call");
    return type;
}

QString PagingPolicyModel::minutesText(int minutes) { return tr("%n minute(s)", nullptr, minutes); }

QString PagingPolicyModel::contactLabel(const PagingRule& rule) const
{
    if (rule.contact.isEmpty())
        return tr("all devices");
    const QList<ContactMethod>& list
        = rule.contact.type == QLatin1String("email") ? m_contacts.emails : m_contacts.phones;
    for (const ContactMethod& method : list) {
        if (method.id != rule.contact.id)
            continue;
        if (method.label.isEmpty())
            return method.value;
        if (method.value.isEmpty())
            return method.label;
        return tr("%1 (%2)").arg(method.label, method.value);
    }
    return tr("%1 #%2").arg(rule.contact.type).arg(rule.contact.id);
}

QString PagingPolicyModel::ruleText(const PagingRule& rule) const
{
    return tr("%1 · %2").arg(notificationLabel(rule.notificationType), contactLabel(rule));
}

// --- Tree -----------------------------------------------------------------------------------

int PagingPolicyModel::stepRowOfKey(quint64 key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return static_cast<int>(i);
    }
    return -1;
}

QModelIndex PagingPolicyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, 0, StepId) : QModelIndex();
    if (parent.internalId() != StepId || parent.row() >= m_rows.size())
        return {};
    const Row& step = m_rows.at(parent.row());
    if (row >= step.step.rules.size())
        return {};
    return createIndex(row, 0, static_cast<quintptr>(step.key));
}

QModelIndex PagingPolicyModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == StepId)
        return {};
    const int row = stepRowOfKey(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, StepId);
}

int PagingPolicyModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != StepId)
        return 0;
    return static_cast<int>(m_rows.at(parent.row()).step.rules.size());
}

int PagingPolicyModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QVariant PagingPolicyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == StepId) {
        const PolicyStep& step = m_rows.at(index.row()).step;
        switch (role) {
        case Qt::DisplayRole:
            // Not the step number: display text must not change when rows move (views show
            // StepNumberRole next to it).
            return tr("then wait %1").arg(minutesText(step.timeout));
        case KindRole:
            return QVariant::fromValue(Kind::Step);
        case StepNumberRole:
            return index.row() + 1;
        case TimeoutRole:
            return step.timeout;
        case RuleCountRole:
            return static_cast<int>(step.rules.size());
        default:
            return {};
        }
    }
    const int stepRow = stepRowOfKey(index.internalId());
    if (stepRow < 0)
        return {};
    const PagingRule& rule = m_rows.at(stepRow).step.rules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return ruleText(rule);
    case KindRole:
        return QVariant::fromValue(Kind::Rule);
    case StepNumberRole:
        return stepRow + 1;
    case NotificationTypeRole:
        return rule.notificationType;
    case ContactIdRole:
        return rule.contact.id;
    case ContactTypeRole:
        return rule.contact.type;
    case ContactLabelRole:
        return contactLabel(rule);
    case NotificationLabelRole:
        return notificationLabel(rule.notificationType);
    default:
        return {};
    }
}

Qt::ItemFlags PagingPolicyModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.internalId() == StepId)
        flags |= Qt::ItemIsDropEnabled;
    else
        flags |= Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    return flags;
}

QHash<int, QByteArray> PagingPolicyModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(StepNumberRole, "stepNumber");
    names.insert(TimeoutRole, "timeout");
    names.insert(NotificationTypeRole, "notificationType");
    names.insert(ContactIdRole, "contactId");
    names.insert(ContactTypeRole, "contactType");
    names.insert(ContactLabelRole, "contactLabel");
    names.insert(NotificationLabelRole, "notificationLabel");
    names.insert(RuleCountRole, "ruleCount");
    return names;
}

// --- Raw edits (the commands call these) ---------------------------------------------------------

void PagingPolicyModel::renumber()
{
    // Step numbers (and the rules' StepNumberRole) follow positions.
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), { StepNumberRole });
}

void PagingPolicyModel::rawInsertRule(int step, int position, const PagingRule& rule)
{
    QList<PagingRule>& rules = m_rows[step].step.rules;
    if (position < 0 || position > rules.size())
        position = static_cast<int>(rules.size());
    PagingRule stored = rule;
    stored.index = -1;
    beginInsertRows(index(step, 0), position, position);
    rules.insert(position, stored);
    endInsertRows();
    Q_EMIT dataChanged(index(step, 0), index(step, 0), { RuleCountRole });
}

PagingRule PagingPolicyModel::rawRemoveRule(int step, int position)
{
    QList<PagingRule>& rules = m_rows[step].step.rules;
    beginRemoveRows(index(step, 0), position, position);
    const PagingRule rule = rules.takeAt(position);
    endRemoveRows();
    Q_EMIT dataChanged(index(step, 0), index(step, 0), { RuleCountRole });
    return rule;
}

void PagingPolicyModel::rawMoveRule(int fromStep, int fromPosition, int toStep, int toPosition)
{
    if (fromStep == toStep && fromPosition == toPosition)
        return;
    const QModelIndex source = index(fromStep, 0);
    const QModelIndex destination = index(toStep, 0);
    // beginMoveRows wants the row the moved one goes before, counted before the move.
    const int before
        = (fromStep == toStep && toPosition > fromPosition) ? toPosition + 1 : toPosition;
    beginMoveRows(source, fromPosition, fromPosition, destination, before);
    const PagingRule rule = m_rows[fromStep].step.rules.takeAt(fromPosition);
    m_rows[toStep].step.rules.insert(toPosition, rule);
    endMoveRows();
    if (fromStep != toStep) {
        Q_EMIT dataChanged(source, source, { RuleCountRole });
        Q_EMIT dataChanged(destination, destination, { RuleCountRole });
        const QModelIndex moved = index(toPosition, 0, destination);
        Q_EMIT dataChanged(moved, moved, { StepNumberRole });
    }
}

void PagingPolicyModel::rawSetRule(int step, int position, const PagingRule& rule)
{
    PagingRule stored = rule;
    stored.index = -1;
    m_rows[step].step.rules[position] = stored;
    const QModelIndex changed = index(position, 0, index(step, 0));
    Q_EMIT dataChanged(changed, changed);
}

void PagingPolicyModel::rawInsertStep(int position, const PolicyStep& step)
{
    if (position < 0 || position > m_rows.size())
        position = static_cast<int>(m_rows.size());
    beginInsertRows({}, position, position);
    m_rows.insert(position, { m_nextKey++, step });
    endInsertRows();
    renumber();
}

PolicyStep PagingPolicyModel::rawRemoveStep(int position)
{
    beginRemoveRows({}, position, position);
    const PolicyStep step = m_rows.takeAt(position).step;
    endRemoveRows();
    renumber();
    return step;
}

void PagingPolicyModel::rawMoveStep(int from, int to)
{
    if (from == to)
        return;
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_rows.move(from, to);
    endMoveRows();
    renumber();
}

void PagingPolicyModel::rawSetTimeout(int step, int minutes)
{
    m_rows[step].step.timeout = minutes;
    Q_EMIT dataChanged(index(step, 0), index(step, 0), { Qt::DisplayRole, TimeoutRole });
}

// --- Edits ----------------------------------------------------------------------------------

bool PagingPolicyModel::addRule(int step, int position, const PagingRule& rule)
{
    if (step < 0 || step >= m_rows.size())
        return false;
    const int count = static_cast<int>(m_rows.at(step).step.rules.size());
    if (position < 0 || position > count)
        position = count;
    const QString refused = duplicateReason(step, rule);
    if (!refused.isEmpty()) {
        Q_EMIT editRefused(refused);
        return false;
    }
    m_stack->push(new AddRuleCommand(this, step, position, rule));
    return true;
}

bool PagingPolicyModel::removeRule(int step, int position)
{
    if (step < 0 || step >= m_rows.size() || position < 0
        || position >= m_rows.at(step).step.rules.size())
        return false;
    m_stack->push(new RemoveRuleCommand(this, step, position));
    return true;
}

bool PagingPolicyModel::moveRule(int fromStep, int fromPosition, int toStep, int toPosition)
{
    if (fromStep < 0 || fromStep >= m_rows.size() || toStep < 0 || toStep >= m_rows.size())
        return false;
    if (fromPosition < 0 || fromPosition >= m_rows.at(fromStep).step.rules.size())
        return false;
    // After taking the rule out, the destination holds one fewer when it is the same step.
    const int count
        = static_cast<int>(m_rows.at(toStep).step.rules.size()) - (fromStep == toStep ? 1 : 0);
    if (toPosition < 0 || toPosition > count)
        toPosition = count;
    if (fromStep == toStep && fromPosition == toPosition)
        return false;
    if (fromStep != toStep) {
        const QString refused
            = duplicateReason(toStep, m_rows.at(fromStep).step.rules.at(fromPosition));
        if (!refused.isEmpty()) {
            Q_EMIT editRefused(refused);
            return false;
        }
    }
    m_stack->push(new MoveRuleCommand(this, fromStep, fromPosition, toStep, toPosition));
    return true;
}

bool PagingPolicyModel::changeRule(int step, int position, const PagingRule& rule)
{
    if (step < 0 || step >= m_rows.size() || position < 0
        || position >= m_rows.at(step).step.rules.size())
        return false;
    PagingRule stored = rule;
    stored.index = -1;
    if (m_rows.at(step).step.rules.at(position) == stored)
        return false;
    const QString refused = duplicateReason(step, stored, position);
    if (!refused.isEmpty()) {
        Q_EMIT editRefused(refused);
        return false;
    }
    m_stack->push(new ChangeRuleCommand(this, step, position, stored));
    return true;
}

bool PagingPolicyModel::addStep(int position, const PolicyStep& step)
{
    if (position < 0 || position > m_rows.size())
        position = static_cast<int>(m_rows.size());
    PolicyStep added = step;
    added.rules = withoutDuplicates(step.rules);
    m_stack->push(new AddStepCommand(this, position, added));
    return true;
}

bool PagingPolicyModel::removeStep(int position)
{
    if (position < 0 || position >= m_rows.size())
        return false;
    m_stack->push(new RemoveStepCommand(this, position));
    return true;
}

bool PagingPolicyModel::moveStep(int from, int to)
{
    if (from < 0 || from >= m_rows.size())
        return false;
    if (to < 0 || to >= m_rows.size())
        to = static_cast<int>(m_rows.size()) - 1;
    if (from == to)
        return false;
    m_stack->push(new MoveStepCommand(this, from, to));
    return true;
}

bool PagingPolicyModel::setTimeout(int step, int minutes)
{
    if (step < 0 || step >= m_rows.size() || minutes <= 0
        || m_rows.at(step).step.timeout == minutes)
        return false;
    m_stack->push(new ChangeTimeoutCommand(this, step, minutes));
    return true;
}

bool PagingPolicyModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
    const QModelIndex& destinationParent, int destinationChild)
{
    if (count != 1)
        return false;
    if (!sourceParent.isValid()) {
        if (destinationParent.isValid())
            return false;
        // destinationChild counts before the move; moveStep wants the place after it.
        const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
        return moveStep(sourceRow, to);
    }
    if (sourceParent.internalId() != StepId || !destinationParent.isValid()
        || destinationParent.internalId() != StepId)
        return false;
    int to = destinationChild;
    if (sourceParent.row() == destinationParent.row() && destinationChild > sourceRow)
        --to;
    return moveRule(sourceParent.row(), sourceRow, destinationParent.row(), to);
}

bool PagingPolicyModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (count < 1 || row < 0 || row + count > rowCount(parent))
        return false;
    if (parent.isValid() && parent.internalId() != StepId)
        return false;
    m_stack->beginMacro(count == 1 ? tr("Remove") : tr("Remove %n items", nullptr, count));
    for (int i = row + count - 1; i >= row; --i) {
        if (parent.isValid())
            removeRule(parent.row(), i);
        else
            removeStep(i);
    }
    m_stack->endMacro();
    return true;
}

// --- Drag and drop ---------------------------------------------------------------------------

QStringList PagingPolicyModel::mimeTypes() const { return { QLatin1String(MimeType) }; }

Qt::DropActions PagingPolicyModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions PagingPolicyModel::supportedDragActions() const { return Qt::MoveAction; }

QMimeData* PagingPolicyModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    const QModelIndex item = indexes.first();
    QJsonObject object { { QStringLiteral("model"),
        QString::number(reinterpret_cast<quintptr>(this)) } };
    if (item.internalId() == StepId) {
        object.insert(QStringLiteral("kind"), QStringLiteral("step"));
        object.insert(QStringLiteral("step"), item.row());
    } else {
        object.insert(QStringLiteral("kind"), QStringLiteral("rule"));
        object.insert(QStringLiteral("step"), item.parent().row());
        object.insert(QStringLiteral("rule"), item.row());
    }
    auto* data = new QMimeData;
    data->setData(QLatin1String(MimeType), encode(object));
    data->setText(item.data().toString());
    return data;
}

QMimeData* PagingPolicyModel::contactMimeData(const PagingRule& rule)
{
    QJsonObject object { { QStringLiteral("kind"), QStringLiteral("contact") },
        { QStringLiteral("rule"), rule.toPayload() } };
    auto* data = new QMimeData;
    data->setData(QLatin1String(MimeType), encode(object));
    return data;
}

PagingPolicyModel::DragItem PagingPolicyModel::dragItem(const QMimeData* data) const
{
    DragItem item;
    if (!data || !data->hasFormat(QLatin1String(MimeType)))
        return item;
    const QJsonObject object
        = QJsonDocument::fromJson(data->data(QLatin1String(MimeType))).object();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("contact")) {
        const QJsonObject rule = object.value(QStringLiteral("rule")).toObject();
        const JsonReader reader { QJsonValue(rule) };
        item.contact = PagingRule::fromJson(reader);
        item.contact.index = -1;
        if (!item.contact.notificationType.isEmpty())
            item.type = DragItem::Contact;
        return item;
    }
    // Steps and rules only make sense within the model they came from.
    if (object.value(QStringLiteral("model")).toString()
        != QString::number(reinterpret_cast<quintptr>(this)))
        return item;
    item.step = object.value(QStringLiteral("step")).toInt(-1);
    if (item.step < 0 || item.step >= m_rows.size())
        return item;
    if (kind == QLatin1String("step")) {
        item.type = DragItem::Step;
    } else if (kind == QLatin1String("rule")) {
        item.rule = object.value(QStringLiteral("rule")).toInt(-1);
        if (item.rule >= 0 && item.rule < m_rows.at(item.step).step.rules.size())
            item.type = DragItem::Rule;
    }
    return item;
}

// Where a rule or contact dropped at (parent, row) lands: on a step at `row` (-1 = at the end),
// or on a rule: at that rule's place.
bool PagingPolicyModel::resolveRuleTarget(
    const QModelIndex& parent, int row, int* step, int* position) const
{
    if (!parent.isValid() || parent.model() != this)
        return false;
    if (parent.internalId() == StepId) {
        *step = parent.row();
        const int count = rowCount(parent);
        *position = (row < 0 || row > count) ? count : row;
        return true;
    }
    *step = parent.parent().row();
    *position = parent.row();
    return *step >= 0;
}

bool PagingPolicyModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row,
    int column, const QModelIndex& parent) const
{
    Q_UNUSED(column)
    if (action != Qt::MoveAction && action != Qt::CopyAction)
        return false;
    const DragItem item = dragItem(data);
    int step = -1;
    int position = -1;
    switch (item.type) {
    case DragItem::None:
        return false;
    case DragItem::Step:
        return !parent.isValid();
    case DragItem::Rule:
        return resolveRuleTarget(parent, row, &step, &position)
            && (step == item.step
                || findRule(step, m_rows.at(item.step).step.rules.at(item.rule)) < 0);
    case DragItem::Contact:
        if (!parent.isValid())
            return true;
        return resolveRuleTarget(parent, row, &step, &position) && findRule(step, item.contact) < 0;
    }
    return false;
}

QString PagingPolicyModel::dropRefusal(
    const QMimeData* data, int row, const QModelIndex& parent) const
{
    const DragItem item = dragItem(data);
    int step = -1;
    int position = -1;
    if ((item.type != DragItem::Rule && item.type != DragItem::Contact)
        || !resolveRuleTarget(parent, row, &step, &position))
        return {};
    if (item.type == DragItem::Contact)
        return duplicateReason(step, item.contact);
    if (step == item.step)
        return {};
    return duplicateReason(step, m_rows.at(item.step).step.rules.at(item.rule));
}

bool PagingPolicyModel::dropMimeData(
    const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent)) {
        const QString refused = dropRefusal(data, row, parent);
        if (!refused.isEmpty())
            Q_EMIT editRefused(refused);
        return false;
    }
    const DragItem item = dragItem(data);
    int step = -1;
    int position = -1;
    switch (item.type) {
    case DragItem::None:
        return false;
    case DragItem::Step: {
        const int count = rowCount();
        const int before = (row < 0 || row > count) ? count : row;
        return moveRows({}, item.step, 1, {}, before);
    }
    case DragItem::Rule: {
        resolveRuleTarget(parent, row, &step, &position);
        return moveRows(index(item.step, 0), item.rule, 1, index(step, 0), position);
    }
    case DragItem::Contact:
        if (!parent.isValid()) {
            // On the root: a new step there, with this one rule.
            PolicyStep added;
            added.rules.append(item.contact);
            return addStep(row, added);
        }
        resolveRuleTarget(parent, row, &step, &position);
        return addRule(step, position, item.contact);
    }
    return false;
}

} // namespace rota
