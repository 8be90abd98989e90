// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "escalationpolicydialog.h"

#include "escalationpolicymodel.h"
#include "look.h"
#include "plaintext.h"
#include "teamscontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rota {

namespace {

constexpr int StepIndexRole = Qt::UserRole + 1;
constexpr int EntryIndexRole = Qt::UserRole + 2;

const QString kUserKind = QStringLiteral("user");
const QString kRotationKind = QStringLiteral("rotation_group");

QString stepTitle(int index, const EscalationPolicyStep& step)
{
    return EscalationPolicyDialog::tr("Step %1 — %2")
        .arg(QString::number(index + 1), describeEscalationTimeout(step.timeout));
}

} // namespace

EscalationPolicyDialog::EscalationPolicyDialog(
    PolicyChoices* choices, const QList<Team>& teams, const QString& teamSlug, QWidget* parent)
    : QDialog(parent)
    , m_choices(choices)
    , m_name(new QLineEdit(this))
    , m_team(new QComboBox(this))
    , m_ignoreCustom(
          new QCheckBox(tr("Page people directly, ignoring their own paging policies"), this))
    , m_tree(new QTreeWidget(this))
    , m_addStep(new QPushButton(tr("Add step"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_timeout(new QSpinBox(this))
    , m_kind(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_addEntry(new QPushButton(tr("Add to step"), this))
    , m_loading(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New escalation policy"));
    setObjectName(QStringLiteral("escalationPolicyDialog"));
    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setPlaceholderText(tr("e.g. Database on call"));
    m_team->setObjectName(QStringLiteral("policyTeam"));
    for (const Team& team : teams)
        m_team->addItem(team.name, team.slug);
    m_team->setCurrentIndex(qMax(0, m_team->findData(teamSlug)));

    m_tree->setObjectName(QStringLiteral("policySteps"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(160);
    look::styleItemView(m_tree);
    m_timeout->setObjectName(QStringLiteral("stepTimeout"));
    m_timeout->setRange(0, 24 * 60);
    m_timeout->setSingleStep(5);
    m_timeout->setSuffix(tr(" min"));
    m_timeout->setSpecialValueText(tr("immediately"));
    m_timeout->setToolTip(tr("Minutes after the previous step (or after the incident opens, for "
                             "the first step) before this step runs"));
    m_kind->setObjectName(QStringLiteral("entryKind"));
    m_kind->addItem(tr("User"), kUserKind);
    m_kind->addItem(tr("Rotation group"), kRotationKind);
    m_target->setObjectName(QStringLiteral("entryTarget"));
    m_target->setMinimumContentsLength(24);
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_addEntry->setObjectName(QStringLiteral("addEntry"));
    m_addStep->setObjectName(QStringLiteral("addStep"));
    m_remove->setObjectName(QStringLiteral("removeStepOrEntry"));
    m_loading->setObjectName(QStringLiteral("choicesStatus"));
    m_loading->setWordWrap(true);
    // The server's messages and the names of people and policies, as written.
    makePlainLabel(m_loading);
    makePlainLabel(m_problem);
    m_problem->setObjectName(QStringLiteral("policyProblem"));
    m_problem->setWordWrap(true);
    look::setTone(m_problem, look::Tone::Error);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Team:"), m_team);
    form->addRow(QString(), m_ignoreCustom);

    auto* stepButtons = new QHBoxLayout;
    stepButtons->addWidget(m_addStep);
    stepButtons->addWidget(m_remove);
    stepButtons->addStretch();
    stepButtons->addWidget(new QLabel(tr("Selected step runs:"), this));
    stepButtons->addWidget(m_timeout);

    auto* entryRow = new QHBoxLayout;
    entryRow->addWidget(new QLabel(tr("Page:"), this));
    entryRow->addWidget(m_kind);
    entryRow->addWidget(m_target, 1);
    entryRow->addWidget(m_addEntry);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Steps (each waits its time after the one before):"), this));
    layout->addWidget(m_tree, 1);
    layout->addLayout(stepButtons);
    layout->addLayout(entryRow);
    layout->addWidget(m_loading);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(560, 520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &EscalationPolicyDialog::updateState);
    connect(m_team, &QComboBox::currentIndexChanged, this, &EscalationPolicyDialog::onTeamChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EscalationPolicyDialog::fillTargets);
    connect(m_addEntry, &QPushButton::clicked, this, &EscalationPolicyDialog::addChosenEntry);
    connect(m_addStep, &QPushButton::clicked, this, [this] { addStep(); });
    connect(m_remove, &QPushButton::clicked, this, &EscalationPolicyDialog::removeSelected);
    connect(m_timeout, &QSpinBox::valueChanged, this, &EscalationPolicyDialog::onTimeoutChanged);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item)
            return;
        m_current = item->data(0, StepIndexRole).toInt();
        const QSignalBlocker block(m_timeout);
        m_timeout->setValue(m_steps.at(m_current).timeout);
        updateState();
    });
    connect(m_choices, &PolicyChoices::loaded, this, &EscalationPolicyDialog::onChoicesLoaded);
    connect(
        m_choices, &PolicyChoices::failed, this, [this](const QString&, const QString& message) {
            setPlainLabelText(m_loading, message, MessageChars);
            updateState();
        });

    addStep(0);
    onTeamChanged();
}

EscalationPolicyDialog::~EscalationPolicyDialog() = default;

QPushButton* EscalationPolicyDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void EscalationPolicyDialog::setName(const QString& name) { m_name->setText(name); }

NewEscalationPolicy EscalationPolicyDialog::policy() const
{
    NewEscalationPolicy p;
    p.name = m_name->text().trimmed();
    p.teamSlug = m_team->currentData().toString();
    p.ignoreCustomPagingPolicies = m_ignoreCustom->isChecked();
    p.steps = m_steps;
    return p;
}

QString EscalationPolicyDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the policy a name.");
    if (m_team->currentData().toString().isEmpty())
        return tr("Choose the team that owns the policy.");
    if (m_steps.isEmpty())
        return tr("Add at least one step.");
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).entries.isEmpty()) {
            return tr("Step %1 pages nobody: add a user or a rotation group to it, or remove it.")
                .arg(i + 1);
        }
    }
    return {};
}

int EscalationPolicyDialog::addStep(int timeoutMinutes)
{
    EscalationPolicyStep step;
    step.timeout = timeoutMinutes;
    m_steps.append(step);
    m_current = static_cast<int>(m_steps.size()) - 1;
    rebuildTree();
    return m_current;
}

bool EscalationPolicyDialog::addUser(const QString& username)
{
    m_kind->setCurrentIndex(m_kind->findData(kUserKind));
    const int found = m_target->findData(username);
    if (found < 0)
        return false;
    m_target->setCurrentIndex(found);
    addChosenEntry();
    return true;
}

bool EscalationPolicyDialog::addRotation(const QString& slug)
{
    m_kind->setCurrentIndex(m_kind->findData(kRotationKind));
    const int found = m_target->findData(slug);
    if (found < 0)
        return false;
    m_target->setCurrentIndex(found);
    addChosenEntry();
    return true;
}

void EscalationPolicyDialog::onTeamChanged()
{
    // Rotation groups belong to a team: those of the previous team cannot stay.
    bool dropped = false;
    for (EscalationPolicyStep& step : m_steps) {
        const auto before = step.entries.size();
        step.entries.removeIf([](const EscalationPolicyEntry& e) {
            return e.type == EscalationEntryType::RotationGroup
                || e.type == EscalationEntryType::RotationGroupNext
                || e.type == EscalationEntryType::RotationGroupPrevious;
        });
        dropped = dropped || step.entries.size() != before;
    }
    if (dropped)
        rebuildTree();
    m_target->clear();
    m_loading->setText(tr("Loading users and rotation groups…"));
    m_choices->load(m_team->currentData().toString());
    if (!m_choices->isLoading())
        onChoicesLoaded();
    updateState();
}

void EscalationPolicyDialog::onChoicesLoaded()
{
    if (m_choices->teamSlug() != m_team->currentData().toString())
        return;
    m_loading->setText(m_choices->rotationGroups().isEmpty()
            ? tr("This team has no rotation groups; steps can page users.")
            : QString());
    fillTargets();
}

void EscalationPolicyDialog::fillTargets()
{
    m_target->clear();
    if (m_kind->currentData().toString() == kUserKind) {
        for (const User& user : m_choices->users()) {
            const QString name = user.displayName();
            m_target->addItem(name == user.username
                    ? user.username
                    : QStringLiteral("%1 (%2)").arg(name, user.username),
                user.username);
        }
    } else if (m_choices->teamSlug() == m_team->currentData().toString()) {
        for (const RotationGroup& group : m_choices->rotationGroups())
            m_target->addItem(group.label.isEmpty() ? group.slug : group.label, group.slug);
    }
    updateState();
}

void EscalationPolicyDialog::addChosenEntry()
{
    const QString target = m_target->currentData().toString();
    if (target.isEmpty())
        return;
    if (m_kind->currentData().toString() == kUserKind) {
        EscalationPolicyEntry entry = EscalationPolicyEntry::user(target);
        for (const User& user : m_choices->users()) {
            if (user.username == target) {
                entry.firstName = user.firstName;
                entry.lastName = user.lastName;
            }
        }
        addEntry(entry);
    } else {
        EscalationPolicyEntry entry = EscalationPolicyEntry::rotationGroup(target);
        entry.rotationGroupLabel = m_target->currentText();
        addEntry(entry);
    }
}

void EscalationPolicyDialog::addEntry(const EscalationPolicyEntry& entry)
{
    if (m_steps.isEmpty())
        addStep();
    const int step = currentStep();
    for (const EscalationPolicyEntry& existing : std::as_const(m_steps.at(step).entries)) {
        if (existing.type == entry.type && existing.target() == entry.target())
            return; // paging the same target twice in a step changes nothing
    }
    m_steps[step].entries.append(entry);
    rebuildTree();
}

void EscalationPolicyDialog::removeSelected()
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return;
    const int step = item->data(0, StepIndexRole).toInt();
    if (item->parent()) {
        if (item->data(0, EntryIndexRole).toInt() < 0)
            return;
        m_steps[step].entries.removeAt(item->data(0, EntryIndexRole).toInt());
        m_current = step;
    } else {
        m_steps.removeAt(step);
        m_current = qMin(step, static_cast<int>(m_steps.size()) - 1);
    }
    rebuildTree();
}

void EscalationPolicyDialog::onTimeoutChanged(int minutes)
{
    const int step = currentStep();
    if (step < 0)
        return;
    m_steps[step].timeout = minutes;
    if (QTreeWidgetItem* item = m_tree->topLevelItem(step))
        item->setText(0, stepTitle(step, m_steps.at(step)));
}

int EscalationPolicyDialog::currentStep() const
{
    if (m_steps.isEmpty())
        return -1;
    return qBound(0, m_current, static_cast<int>(m_steps.size()) - 1);
}

void EscalationPolicyDialog::rebuildTree()
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    for (int s = 0; s < m_steps.size(); ++s) {
        const EscalationPolicyStep& step = m_steps.at(s);
        auto* stepItem = new QTreeWidgetItem(m_tree, { stepTitle(s, step) });
        stepItem->setData(0, StepIndexRole, s);
        QFont bold = stepItem->font(0);
        bold.setBold(true);
        stepItem->setFont(0, bold);
        if (step.entries.isEmpty()) {
            auto* hint = new QTreeWidgetItem(
                stepItem, { tr("(nobody yet: add a user or a rotation group)") });
            hint->setData(0, StepIndexRole, s);
            hint->setData(0, EntryIndexRole, -1);
            hint->setFlags(Qt::ItemIsEnabled);
            hint->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        }
        for (int e = 0; e < step.entries.size(); ++e) {
            auto* entryItem
                = new QTreeWidgetItem(stepItem, { describeEscalationEntry(step.entries.at(e)) });
            entryItem->setData(0, StepIndexRole, s);
            entryItem->setData(0, EntryIndexRole, e);
        }
    }
    m_tree->expandAll();
    const int step = currentStep();
    if (step >= 0) {
        m_tree->setCurrentItem(m_tree->topLevelItem(step));
        const QSignalBlocker blockTimeout(m_timeout);
        m_timeout->setValue(m_steps.at(step).timeout);
    }
    updateState();
}

void EscalationPolicyDialog::updateState()
{
    const bool hasStep = !m_steps.isEmpty();
    m_timeout->setEnabled(hasStep);
    m_remove->setEnabled(m_tree->currentItem() != nullptr
        && m_tree->currentItem()->data(0, EntryIndexRole).toInt() >= 0);
    m_addEntry->setEnabled(m_target->count() > 0);
    const QString why = problem();
    setPlainLabelText(m_problem, why, MessageChars);
    createButton()->setEnabled(why.isEmpty());
    createButton()->setToolTip(plainToolTip(why));
}

} // namespace rota
