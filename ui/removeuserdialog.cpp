// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "removeuserdialog.h"

#include "orgdirectory.h"
#include "persondetails.h"
#include "plaintext.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"
#include "viewchrome.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace rota {

RemoveUserDialog::RemoveUserDialog(const User& user, const QString& shownName, UsersModel* users,
    PersonDetails* people, QWidget* parent)
    : QDialog(parent)
    , m_user(user)
    , m_shownName(shownName)
    , m_users(users)
    , m_people(people)
    , m_filter(new UsersFilterModel(this))
    , m_specified(new QRadioButton(tr("&A user I choose:"), this))
    , m_globalAdmin(new QRadioButton(tr("The organisation's first &global admin"), this))
    , m_teamAdmin(new QRadioButton(tr("Each &team's admin"), this))
    , m_strategy(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_list(new QTreeView(this))
    , m_consequences(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_remove(m_buttons->addButton(tr("Remove"), QDialogButtonBox::DestructiveRole))
{
    setObjectName(QStringLiteral("removeUserDialog"));
    setWindowTitle(tr("Remove user"));

    auto* question = new QLabel(this);
    question->setObjectName(QStringLiteral("removeQuestion"));
    makePlainLabel(question);
    question->setWordWrap(true);
    setPlainLabelText(question,
        tr("Remove %1 (%2) from the organisation? This cannot be undone.")
            .arg(clipped(shownName, MenuChars), clipped(user.username, MenuChars)));
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);

    auto* who = new QLabel(tr("Who takes their place in rotations and escalation policies?"), this);
    who->setWordWrap(true);
    m_strategy->addButton(m_specified);
    m_strategy->addButton(m_globalAdmin);
    m_strategy->addButton(m_teamAdmin);
    m_specified->setChecked(true);
    m_specified->setObjectName(QStringLiteral("replaceWithUser"));
    m_globalAdmin->setObjectName(QStringLiteral("replaceWithGlobalAdmin"));
    m_teamAdmin->setObjectName(QStringLiteral("replaceWithTeamAdmin"));

    m_filter->setSourceModel(users);
    m_filter->setExcludedUser(user.username);
    m_filter->sort(UsersModel::NameColumn);
    m_search->setObjectName(QStringLiteral("replacementSearch"));
    m_search->setAccessibleName(tr("Search for who takes over"));
    m_search->setPlaceholderText(tr("Search by name, username or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("replacementList"));
    m_list->setAccessibleName(tr("Who takes over"));
    m_list->setModel(m_filter);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setColumnHidden(UsersModel::EmailColumn, true);
    m_list->setColumnHidden(UsersModel::StatusColumn, true);
    m_list->header()->setSectionResizeMode(UsersModel::NameColumn, QHeaderView::Stretch);
    m_list->setMinimumHeight(180);

    m_consequences->setObjectName(QStringLiteral("removeConsequences"));
    makePlainLabel(m_consequences);
    m_consequences->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("removeProblem"));
    setUpNoticeLabel(m_problem);
    setUpBusyBar(m_progress);
    m_remove->setObjectName(QStringLiteral("confirmRemoveUser"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(who);
    layout->addWidget(m_specified);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_globalAdmin);
    layout->addWidget(m_teamAdmin);
    layout->addWidget(m_consequences);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_search, &QLineEdit::textChanged, m_filter, &UsersFilterModel::setFilter);
    connect(
        m_search, &QLineEdit::textEdited, m_specified, [this] { m_specified->setChecked(true); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_specified->setChecked(true);
        updateConsequences();
    });
    connect(m_strategy, &QButtonGroup::buttonToggled, this, [this] { updateConsequences(); });
    connect(m_remove, &QPushButton::clicked, this, &RemoveUserDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_people) {
        connect(m_people, &PersonDetails::changed, this, [this](const QString& username) {
            if (username == m_user.username)
                updateConsequences();
        });
        m_people->request(m_user.username);
    }
    updateConsequences();
    m_search->setFocus(Qt::OtherFocusReason);
    resize(520, 560);
}

RemoveUserDialog::~RemoveUserDialog() = default;

QString RemoveUserDialog::replacement() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(UsersModel::UsernameRole).toString() : QString();
}

bool RemoveUserDialog::chooseReplacement(const QString& username)
{
    int row = m_filter->rowOf(username);
    if (row < 0 && m_users->rowOf(username) >= 0 && username != m_user.username) {
        m_search->clear();
        row = m_filter->rowOf(username);
    }
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_filter->index(row, 0));
    m_specified->setChecked(true);
    return true;
}

DeleteUserRequest RemoveUserDialog::request() const
{
    DeleteUserRequest request;
    if (m_globalAdmin->isChecked()) {
        request.strategy = DeleteUserRequest::Strategy::GlobalAdmin;
    } else if (m_teamAdmin->isChecked()) {
        request.strategy = DeleteUserRequest::Strategy::TeamAdmin;
    } else {
        request.strategy = DeleteUserRequest::Strategy::SpecifiedUser;
        request.replacement = replacement();
    }
    return request;
}

QString RemoveUserDialog::consequences() const { return m_consequences->text(); }

QString RemoveUserDialog::shownProblem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void RemoveUserDialog::updateConsequences()
{
    QStringList lines;
    const PersonInfo info = m_people ? m_people->info(m_user.username) : PersonInfo();
    OrgDirectory* directory = m_users->directory();
    if (m_people && (!info.teamsLoaded || !info.policiesLoaded)) {
        lines.append(m_people->isLoading(m_user.username)
                ? tr("Reading which teams and escalation policies they are in…")
                : (info.error.isEmpty() ? tr("Their teams and escalation policies are not known.")
                                        : info.error));
    }
    if (info.teamsLoaded) {
        QStringList teams;
        for (const UserTeam& team : info.teams)
            teams.append(team.name.isEmpty() ? team.slug : team.name);
        if (teams.isEmpty())
            lines.append(tr("They are in no team."));
        else if (teams.size() == 1)
            lines.append(tr("They are in one team: %1.").arg(teams.first()));
        else
            lines.append(tr("They are in %n teams: %1.", nullptr, int(teams.size()))
                             .arg(teams.join(QStringLiteral(", "))));
    }
    if (info.policiesLoaded) {
        QStringList policies;
        for (const UserPolicyEntry& entry : info.policies) {
            QString name = directory ? directory->policyBySlug(entry.extId) : QString();
            if (name.isEmpty())
                name = entry.extId;
            if (!policies.contains(name))
                policies.append(name);
        }
        lines.append(policies.isEmpty() ? tr("No escalation policy pages them.")
                                        : tr("Escalation policies that page them: %1.")
                                              .arg(policies.join(QStringLiteral(", "))));
    }
    const DeleteUserRequest chosen = request();
    QString successor;
    switch (chosen.strategy) {
    case DeleteUserRequest::Strategy::GlobalAdmin:
        successor = tr("the organisation's first global admin");
        break;
    case DeleteUserRequest::Strategy::TeamAdmin:
        successor = tr("each team's admin (every team they are in needs an admin other than "
                       "them, or nothing is removed)");
        break;
    default:
        if (!chosen.replacement.isEmpty()) {
            const int row = m_users->rowOf(chosen.replacement);
            successor = row >= 0 ? tr("%1 (%2)").arg(m_users->nameAt(row), chosen.replacement)
                                 : chosen.replacement;
        }
        break;
    }
    lines.append(successor.isEmpty()
            ? tr("Choose who takes their places in rotations and escalation policies.")
            : tr("Their places in rotations and escalation policies go to %1.").arg(successor));
    setPlainLabelText(m_consequences, lines.join(QLatin1Char('\n')), MessageChars);
    m_remove->setEnabled(!m_busy && !successor.isEmpty());
}

void RemoveUserDialog::submit()
{
    if (m_busy || !m_remove->isEnabled())
        return;
    showNotice(m_problem, QString(), true);
    setBusy(true);
    Q_EMIT submitted(m_user.username, request());
}

void RemoveUserDialog::refused(const QString& message)
{
    setBusy(false);
    showNotice(m_problem, message, true);
}

void RemoveUserDialog::finish()
{
    setBusy(false);
    accept();
}

void RemoveUserDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* widget : { static_cast<QWidget*>(m_search), static_cast<QWidget*>(m_list),
             static_cast<QWidget*>(m_specified), static_cast<QWidget*>(m_globalAdmin),
             static_cast<QWidget*>(m_teamAdmin) })
        widget->setEnabled(!busy);
    m_progress->setVisible(busy);
    updateConsequences();
}

} // namespace rota
