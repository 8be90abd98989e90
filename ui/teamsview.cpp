// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teamsview.h"

#include "escalationpolicydialog.h"
#include "escalationpolicymodel.h"
#include "look.h"
#include "orgdirectory.h"
#include "persondelegate.h"
#include "plaintext.h"
#include "teammemberdropview.h"
#include "teammemberremovedialog.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "userpicklist.h"
#include "usersmodel.h"
#include "viewchrome.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace rota {

namespace {

// An action of the view, with its shortcut only while `owner` (a list) has the focus.
QAction* listAction(const QString& text, const QKeySequence& key, QWidget* owner)
{
    auto* action = new QAction(text, owner);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetShortcut);
    owner->addAction(action);
    return action;
}

// A message bar whose words tests and people find by `objectName`.
NoticeBar* makeNotice(const QString& objectName, bool dismissible, QWidget* parent)
{
    auto* bar = new NoticeBar(parent);
    bar->textLabel()->setObjectName(objectName);
    bar->setDismissible(dismissible);
    return bar;
}

} // namespace

TeamsView::TeamsView(TeamsModel* teams, EscalationPolicyModel* policies, EscalationStepModel* steps,
    TeamsController* controller, OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_teams(teams)
    , m_policies(policies)
    , m_steps(steps)
    , m_controller(controller)
    , m_directory(directory)
    , m_teamFilter(new QSortFilterProxyModel(this))
    , m_choices(new PolicyChoices(directory, this))
    , m_users(new UsersModel(this))
    , m_search(new QLineEdit(this))
    , m_teamList(new TeamMemberDropView(TeamMemberDropView::Target::Row, this))
    , m_teamTitle(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_busyText(new QLabel(this))
    , m_error(makeNotice(QStringLiteral("teamsError"), true, this))
    , m_readOnly(makeNotice(QStringLiteral("teamsReadOnly"), false, this))
    , m_members(new TeamMemberDropView(TeamMemberDropView::Target::WholeView, this))
    , m_membersEmpty(new QLabel(this))
    , m_userPanel(new UserPickList(m_users, this))
    , m_addMembers(new QPushButton(tr("Add members…"), this))
    , m_removeMember(new QPushButton(tr("Remove from team…"), this))
    , m_pageTeam(new QPushButton(tr("Page team…"), this))
    , m_policyList(new QListView(this))
    , m_newPolicy(new QPushButton(tr("New policy…"), this))
    , m_deletePolicy(new QPushButton(tr("Delete…"), this))
    , m_pagePolicy(new QPushButton(tr("Page…"), this))
    , m_removeAction(listAction(tr("Remove from team…"), QKeySequence(Qt::Key_Delete), m_members))
    , m_pageTeamAction(
          listAction(tr("Page team…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), m_teamList))
    , m_pagePolicyAction(
          listAction(tr("Page…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), m_policyList))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_detailTitle(new QLabel(this))
    , m_stepTree(new QTreeView(this))
    , m_detailEmpty(new QLabel(this))
{
    setObjectName(QStringLiteral("teamsView"));

    // The team list, searchable by name.
    m_teamFilter->setSourceModel(m_teams);
    m_teamFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_teamFilter->setFilterKeyColumn(TeamsModel::NameColumn);
    m_search->setObjectName(QStringLiteral("teamSearch"));
    m_search->setPlaceholderText(tr("Search teams"));
    m_search->setAccessibleName(tr("Search teams"));
    m_search->setClearButtonEnabled(true);
    m_teamList->setObjectName(QStringLiteral("teamList"));
    m_teamList->setAccessibleName(tr("Teams"));
    m_teamList->setModel(m_teamFilter);
    m_teamList->setRootIsDecorated(false);
    m_teamList->setUniformRowHeights(true);
    m_teamList->setAllColumnsShowFocus(true);
    m_teamList->header()->setStretchLastSection(false);
    m_teamList->header()->setSectionResizeMode(TeamsModel::NameColumn, QHeaderView::Stretch);
    m_teamList->header()->setSectionResizeMode(
        TeamsModel::MembersColumn, QHeaderView::ResizeToContents);
    look::styleItemView(m_teamList);
    m_refresh->setObjectName(QStringLiteral("teamsRefresh"));
    m_refresh->setToolTip(tr("Read the teams and escalation policies again"));
    const auto icon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return look::themeIcon(QString::fromLatin1(name), fallback, this);
    };
    m_refresh->setIcon(icon("view-refresh", QStyle::SP_BrowserReload));
    m_addMembers->setIcon(icon("contact-new", QStyle::SP_FileDialogNewFolder));
    m_removeMember->setIcon(icon("list-remove", QStyle::SP_DialogCancelButton));
    m_pageTeam->setIcon(icon("mail-send", QStyle::SP_CommandLink));
    m_pagePolicy->setIcon(m_pageTeam->icon());
    m_newPolicy->setIcon(icon("document-new", QStyle::SP_FileIcon));
    m_deletePolicy->setIcon(icon("edit-delete", QStyle::SP_TrashIcon));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_refresh);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_teamList, 1);

    // Header of the selected team: its name, what is loading, errors, the read-only notice.
    m_teamTitle->setObjectName(QStringLiteral("teamTitle"));
    QFont titleFont = m_teamTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_teamTitle->setFont(titleFont);
    m_teamTitle->setWordWrap(true);
    makePlainLabel(m_teamTitle);
    m_detailTitle->setTextFormat(Qt::RichText); // bold name, grey slug; both escaped
    m_busy->setObjectName(QStringLiteral("teamsBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busyText->setObjectName(QStringLiteral("teamsBusyText"));
    auto* header = new QHBoxLayout;
    header->addWidget(m_teamTitle, 1);
    header->addWidget(m_busyText);
    header->addWidget(m_busy);

    // The members (admins marked), with the people to add beside them when asked for.
    m_members->setObjectName(QStringLiteral("teamMembers"));
    m_members->setAccessibleName(tr("Members of the team"));
    m_members->setModel(m_controller->memberModel());
    m_members->setItemDelegate(new PersonDelegate(
        TeamMembersModel::UsernameRole, TeamMembersModel::NameColumn, m_members));
    m_members->setRootIsDecorated(false);
    m_members->setUniformRowHeights(true);
    m_members->setAllColumnsShowFocus(true);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    m_members->header()->setStretchLastSection(false);
    m_members->header()->setSectionResizeMode(TeamMembersModel::NameColumn, QHeaderView::Stretch);
    m_members->header()->setSectionResizeMode(
        TeamMembersModel::UsernameColumn, QHeaderView::ResizeToContents);
    m_members->header()->setSectionResizeMode(
        TeamMembersModel::RoleColumn, QHeaderView::ResizeToContents);
    usePlainToolTips(m_members);
    look::styleItemView(m_members);
    m_membersEmpty->setObjectName(QStringLiteral("membersEmpty"));
    m_membersEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_membersEmpty->setWordWrap(true);
    m_membersEmpty->hide();
    m_addMembers->setObjectName(QStringLiteral("addMembers"));
    m_addMembers->setCheckable(true);
    m_addMembers->setToolTip(tr("Show the people of the organisation, to drag onto a team"));
    m_removeMember->setObjectName(QStringLiteral("removeMember"));
    m_pageTeam->setObjectName(QStringLiteral("pageTeam"));
    auto* membersBox = new QGroupBox(tr("Members"), this);
    membersBox->setObjectName(QStringLiteral("membersBox"));
    auto* membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members, 1);
    membersLayout->addWidget(m_membersEmpty);
    auto* memberButtons = new QHBoxLayout;
    memberButtons->addWidget(m_addMembers);
    memberButtons->addWidget(m_removeMember);
    memberButtons->addStretch();
    memberButtons->addWidget(m_pageTeam);
    membersLayout->addLayout(memberButtons);
    // The people to add sit under the team list: dragged up onto a team, or across onto the
    // member list, and the member list keeps its width.
    auto* addBox = new QGroupBox(tr("Add people"), this);
    addBox->setObjectName(QStringLiteral("addPeopleBox"));
    auto* addLayout = new QVBoxLayout(addBox);
    addLayout->addWidget(m_userPanel);
    addBox->hide();
    leftLayout->addWidget(addBox, 2);
    auto* people = new QWidget(this);
    auto* peopleLayout = new QHBoxLayout(people);
    peopleLayout->setContentsMargins(0, 0, 0, 0);
    peopleLayout->addWidget(membersBox);

    // The team's escalation policies, and the selected one's steps.
    m_policyList->setObjectName(QStringLiteral("policyList"));
    m_policyList->setAccessibleName(tr("Escalation policies of the team"));
    m_policyList->setModel(m_policies);
    usePlainToolTips(m_policyList);
    look::styleItemView(m_policyList);
    usePlainToolTips(m_teamList);
    m_policyList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_teamList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_newPolicy->setObjectName(QStringLiteral("newPolicy"));
    m_deletePolicy->setObjectName(QStringLiteral("deletePolicy"));
    m_pagePolicy->setObjectName(QStringLiteral("pagePolicy"));
    auto* policiesBox = new QGroupBox(tr("Escalation policies"), this);
    auto* policiesLayout = new QVBoxLayout(policiesBox);
    policiesLayout->addWidget(m_policyList, 1);
    auto* policyButtons = new QHBoxLayout;
    policyButtons->addWidget(m_newPolicy);
    policyButtons->addWidget(m_deletePolicy);
    policyButtons->addStretch();
    policyButtons->addWidget(m_pagePolicy);
    policiesLayout->addLayout(policyButtons);

    m_stepTree->setObjectName(QStringLiteral("policySteps"));
    m_stepTree->setAccessibleName(tr("Steps of the escalation policy"));
    m_stepTree->setModel(m_steps);
    usePlainToolTips(m_stepTree);
    m_stepTree->setHeaderHidden(true);
    m_stepTree->setItemsExpandable(false);
    m_stepTree->setRootIsDecorated(false);
    m_stepTree->setWordWrap(true);
    m_stepTree->setSelectionMode(QAbstractItemView::NoSelection);
    // Its rows wrap their words (a step can name several people): at least a common row each.
    look::styleItemView(m_stepTree);
    m_detailTitle->setObjectName(QStringLiteral("policyTitle"));
    m_detailTitle->setWordWrap(true);
    m_detailEmpty->setObjectName(QStringLiteral("policyEmpty"));
    m_detailEmpty->setAlignment(Qt::AlignCenter);
    m_detailEmpty->setWordWrap(true);
    m_detailEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto* detailBox = new QGroupBox(tr("Steps"), this);
    auto* detailLayout = new QVBoxLayout(detailBox);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_stepTree, 1);
    detailLayout->addWidget(m_detailEmpty, 1);

    // The boxes frame the lists: a frame of their own inside would be a second one.
    for (QAbstractItemView* framed :
        { static_cast<QAbstractItemView*>(m_members), static_cast<QAbstractItemView*>(m_policyList),
            static_cast<QAbstractItemView*>(m_stepTree) })
        framed->setFrameShape(QFrame::NoFrame);

    auto* policySplit = new QSplitter(Qt::Horizontal, this);
    policySplit->addWidget(policiesBox);
    policySplit->addWidget(detailBox);
    policySplit->setStretchFactor(0, 2);
    policySplit->setStretchFactor(1, 3);
    policySplit->setSizes({ 300, 560 });

    auto* rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->addWidget(people);
    rightSplit->addWidget(policySplit);
    // Members and policies share the height evenly: in a small window the member list keeps more
    // than a couple of rows.
    rightSplit->setStretchFactor(0, 1);
    rightSplit->setStretchFactor(1, 1);
    rightSplit->setSizes({ 300, 380 });

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(header);
    rightLayout->addWidget(m_error);
    rightLayout->addWidget(m_readOnly);
    rightLayout->addWidget(rightSplit, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({ 260, 780 });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_search, &QLineEdit::textChanged, m_teamFilter,
        &QSortFilterProxyModel::setFilterFixedString);
    connect(m_refresh, &QPushButton::clicked, this, &TeamsView::refresh);
    connect(addRefreshShortcut(this), &QAction::triggered, this, &TeamsView::refresh);
    connect(m_teamList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TeamsView::onTeamChanged);
    connect(m_policyList->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &TeamsView::onPolicyChanged);
    connect(m_newPolicy, &QPushButton::clicked, this, &TeamsView::openCreateDialog);
    connect(m_deletePolicy, &QPushButton::clicked, this, &TeamsView::confirmDelete);

    // Members: adding (drops, the panel), removing, paging.
    connect(m_addMembers, &QPushButton::toggled, this, &TeamsView::setUserPanelVisible);
    connect(m_userPanel, &UserPickList::addRequested, this,
        [this](const QStringList& usernames) { addUsers(currentTeam(), usernames); });
    m_teamList->setRefusal([this](const QModelIndex& index, const QStringList& usernames) {
        return dropRefusal(index.data(TeamsModel::SlugRole).toString(), usernames);
    });
    m_members->setRefusal([this](const QModelIndex&, const QStringList& usernames) {
        return dropRefusal(currentTeam(), usernames);
    });
    connect(m_teamList, &TeamMemberDropView::usersDropped, this,
        [this](const QModelIndex& index, const QStringList& usernames) {
            addUsers(index.data(TeamsModel::SlugRole).toString(), usernames);
        });
    connect(m_members, &TeamMemberDropView::usersDropped, this,
        [this](const QModelIndex&, const QStringList& usernames) {
            addUsers(currentTeam(), usernames);
        });
    for (TeamMemberDropView* target : { m_teamList, m_members }) {
        connect(target, &TeamMemberDropView::dropRefused, this, [this](const QString& reason) {
            if (!reason.isEmpty())
                showError(reason);
        });
    }
    connect(m_removeMember, &QPushButton::clicked, this, &TeamsView::confirmRemoveMember);
    connect(m_removeAction, &QAction::triggered, this, &TeamsView::confirmRemoveMember);
    connect(m_members->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TeamsView::updateActions);
    connect(m_pageTeam, &QPushButton::clicked, this, [this] { pageTeam(currentTeam()); });
    connect(m_pageTeamAction, &QAction::triggered, this, [this] { pageTeam(currentTeam()); });
    connect(m_pagePolicy, &QPushButton::clicked, this, [this] { pagePolicy(currentPolicy()); });
    connect(m_pagePolicyAction, &QAction::triggered, this, [this] { pagePolicy(currentPolicy()); });
    connect(m_teamList, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_teamList->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu* menu = teamMenu(index, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_teamList->viewport()->mapToGlobal(pos));
    });
    connect(m_members, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_members->indexAt(pos);
        if (!index.isValid())
            return;
        m_members->setCurrentIndex(index);
        QMenu* menu = memberMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_members->viewport()->mapToGlobal(pos));
    });
    connect(m_policyList, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_policyList->indexAt(pos);
        if (!index.isValid())
            return;
        m_policyList->setCurrentIndex(index);
        QMenu* menu = policyMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_policyList->viewport()->mapToGlobal(pos));
    });
    connect(m_controller, &TeamsController::membersChanged, this, &TeamsView::onMembersChanged);
    connect(m_controller, &TeamsController::memberAdded, this, [this] { m_error->hide(); });
    connect(m_controller, &TeamsController::memberRemoved, this, [this] { m_error->hide(); });
    // The count in the title follows the list (a member added or removed, the list read again).
    connect(m_teams, &QAbstractItemModel::dataChanged, this, &TeamsView::updateTeamTitle);
    connect(m_directory, &OrgDirectory::usersChanged, this,
        [this] { m_userPanel->setNotice(QString()); });
    connect(m_directory, &OrgDirectory::usersFailed, this,
        [this](const QString& error) { m_userPanel->setNotice(error); });

    connect(m_controller, &TeamsController::teamsLoadingChanged, this, &TeamsView::updateBusy);
    connect(m_controller, &TeamsController::teamsRefreshed, this, &TeamsView::onTeamsRefreshed);
    connect(m_controller, &TeamsController::teamsFailed, this, &TeamsView::showError);
    connect(m_controller, &TeamsController::rosterLoaded, this, &TeamsView::showRoster);
    connect(m_controller, &TeamsController::rosterFailed, this,
        [this](const QString&, const QString& message) { showError(message); });
    connect(m_controller, &TeamsController::policiesLoadingChanged, this, &TeamsView::updateBusy);
    connect(m_controller, &TeamsController::writingChanged, this, [this] {
        updateBusy();
        updateActions();
    });
    connect(
        m_controller, &TeamsController::policiesRefreshed, this, &TeamsView::onPoliciesRefreshed);
    connect(m_controller, &TeamsController::policiesFailed, this, &TeamsView::showError);
    connect(m_controller, &TeamsController::writeFailed, this, &TeamsView::showError);
    connect(m_controller, &TeamsController::readOnlyChanged, this, &TeamsView::updateActions);
    connect(m_controller, &TeamsController::policyCreated, this,
        [this](const EscalationPolicy& policy) {
            m_error->hide();
            m_selectWhenListed = policy.slug;
            Q_EMIT policyCreated(policy.slug);
        });
    connect(m_controller, &TeamsController::policyDeleted, this, [this](const QString& slug) {
        m_error->hide();
        Q_EMIT policyDeleted(slug);
    });
    connect(m_controller, &TeamsController::policyLoadingChanged, this, &TeamsView::updateBusy);
    connect(m_controller, &TeamsController::policyFailed, this,
        [this](const QString&, const QString& message) { showError(message); });
    connect(m_controller, &TeamsController::policyLoaded, this, &TeamsView::onPolicyLoaded);

    // A view made after the teams were read (the window makes it when first shown) starts on
    // the first team, as the refresh would have put it.
    selectFirstTeamIfNone();
    if (!m_teamList->currentIndex().isValid())
        onTeamChanged();
}

TeamsView::~TeamsView() = default;

void TeamsView::refresh()
{
    m_controller->refresh();
    updateBusy();
}

QString TeamsView::currentTeam() const
{
    return m_teamList->currentIndex().data(TeamsModel::SlugRole).toString();
}

QString TeamsView::currentPolicy() const
{
    return m_policyList->currentIndex().data(EscalationPolicyModel::SlugRole).toString();
}

QString TeamsView::shownPolicy() const { return m_shownPolicy; }

bool TeamsView::selectTeam(const QString& teamSlug)
{
    const int row = m_teams->rowOf(teamSlug);
    if (row < 0)
        return false;
    QModelIndex index = m_teamFilter->mapFromSource(m_teams->index(row, 0));
    if (!index.isValid()) {
        m_search->clear();
        index = m_teamFilter->mapFromSource(m_teams->index(row, 0));
    }
    m_teamList->setCurrentIndex(index);
    return true;
}

bool TeamsView::selectPolicy(const QString& policySlug)
{
    const int row = m_policies->rowOf(policySlug);
    if (row < 0)
        return false;
    m_policyList->setCurrentIndex(m_policies->index(row, 0));
    return true;
}

void TeamsView::setReadOnlyReason(const QString& reason)
{
    m_readOnlyReason = reason;
    updateActions();
}

QString TeamsView::readOnlyReason() const
{
    const QString refused = m_controller->readOnlyReason();
    return refused.isEmpty() ? m_readOnlyReason : refused;
}

void TeamsView::selectFirstTeamIfNone()
{
    if (!m_teamList->currentIndex().isValid() && m_teamFilter->rowCount() > 0)
        m_teamList->setCurrentIndex(m_teamFilter->index(0, 0));
}

void TeamsView::onTeamsRefreshed()
{
    selectFirstTeamIfNone();
    updateBusy();
}

void TeamsView::updateTeamTitle()
{
    const QString slug = currentTeam();
    const QModelIndex current = m_teamList->currentIndex();
    if (slug.isEmpty()) {
        m_teamTitle->setText(m_teams->rowCount() == 0 ? tr("Teams") : tr("Choose a team"));
    } else {
        const int members = current.data(TeamsModel::MemberCountRole).toInt();
        setPlainLabelText(m_teamTitle,
            tr("%1 · %n member(s)", nullptr, members)
                .arg(current.data(TeamsModel::NameRole).toString()),
            MessageChars);
    }
}

void TeamsView::onTeamChanged()
{
    const QString slug = currentTeam();
    updateTeamTitle();
    m_userPanel->setTargetTeam(m_teamList->currentIndex().data(TeamsModel::NameRole).toString());
    // Its members and admins are read; another policy list: the policy selection goes with it.
    m_controller->setTeam(slug);
    onPolicyChanged();
    updateBusy();
    updateActions();
}

void TeamsView::showRoster()
{
    if (!m_members->currentIndex().isValid() && m_members->model()->rowCount() > 0)
        m_members->setCurrentIndex(m_members->model()->index(0, 0));
    updateBusy();
    updateActions();
}

void TeamsView::onMembersChanged(const QString& teamSlug)
{
    if (teamSlug != currentTeam())
        return;
    QSet<QString> members;
    for (const TeamMember& member : m_controller->members())
        members.insert(member.username);
    userModel()->setMembers(
        members, m_teamList->currentIndex().data(TeamsModel::NameRole).toString());
    const bool empty = m_controller->members().isEmpty() && !m_controller->isLoadingRoster();
    m_membersEmpty->setText(empty && !teamSlug.isEmpty()
            ? tr("No members yet: drag people here from Add members…")
            : QString());
    m_membersEmpty->setVisible(!m_membersEmpty->text().isEmpty());
    updateActions();
}

QString TeamsView::dropRefusal(const QString& teamSlug, const QStringList& usernames) const
{
    if (teamSlug.isEmpty() || usernames.isEmpty())
        return tr("Drop people onto a team.");
    const QString reason = readOnlyReason();
    if (!reason.isEmpty())
        return reason;
    // Refused only when none of them could be added; the others are refused one by one.
    QStringList refusals;
    for (const QString& username : usernames) {
        const QString refusal = m_controller->addRefusal(teamSlug, username);
        if (refusal.isEmpty())
            return {};
        refusals.append(refusal);
    }
    return refusals.join(QLatin1Char(' '));
}

void TeamsView::addUsers(const QString& teamSlug, const QStringList& usernames)
{
    if (teamSlug.isEmpty() || usernames.isEmpty())
        return;
    QStringList refusals;
    for (const QString& username : usernames) {
        const QString refusal = m_controller->addRefusal(teamSlug, username);
        if (refusal.isEmpty())
            m_controller->addMember(teamSlug, username);
        else
            refusals.append(refusal);
    }
    showError(refusals.join(QLatin1Char(' ')));
}

QString TeamsView::currentMember() const
{
    return m_members->currentIndex().data(TeamMembersModel::UsernameRole).toString();
}

bool TeamsView::selectMember(const QString& username)
{
    const int row = m_controller->memberModel()->rowOf(username);
    if (row < 0)
        return false;
    m_members->setCurrentIndex(m_controller->memberModel()->index(row, 0));
    return true;
}

void TeamsView::confirmRemoveMember()
{
    const QString username = currentMember();
    const QString team = currentTeam();
    if (username.isEmpty() || team.isEmpty() || !m_removeMember->isEnabled())
        return;
    if (m_removeDialog) {
        m_removeDialog->raise();
        m_removeDialog->activateWindow();
        return;
    }
    const QString name = m_controller->personName(username);
    const QString teamName = m_controller->teamName(team);
    QList<TeamMemberRemoveDialog::Candidate> candidates;
    for (const TeamMemberRow& row : m_controller->memberModel()->rows()) {
        if (row.member.username != username && !row.adding)
            candidates.append({ row.member.username, TeamMembersModel::displayName(row.member) });
    }
    if (candidates.isEmpty()) {
        // The service needs someone to take over the shifts; say so rather than send a refusal.
        showError(tr("%1 is the only member of %2: add someone who can take over %1's shifts "
                     "before removing %1.")
                      .arg(name, teamName));
        return;
    }
    auto* dialog = new TeamMemberRemoveDialog(name, teamName, candidates, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_removeDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, team, username] {
        m_controller->removeMember(team, username, dialog->replacement());
    });
    dialog->open();
}

QList<IncidentTarget> TeamsView::teamTargets(const QString& teamSlug) const
{
    QList<IncidentTarget> targets;
    if (teamSlug.isEmpty())
        return targets;
    for (const EscalationPolicyInfo& info : m_policies->allPolicies()) {
        if (info.teamSlug == teamSlug)
            targets.append(IncidentTarget::policy(info.policySlug));
    }
    return targets;
}

void TeamsView::pageTeam(const QString& teamSlug)
{
    const QList<IncidentTarget> targets = teamTargets(teamSlug);
    if (targets.isEmpty()) {
        if (!teamSlug.isEmpty()) {
            showError(tr("%1 has no escalation policies, so there is nothing to page: create one "
                         "first.")
                          .arg(m_controller->teamName(teamSlug)));
        }
        return;
    }
    Q_EMIT pageRequested(targets);
}

void TeamsView::pagePolicy(const QString& policySlug)
{
    if (policySlug.isEmpty())
        return;
    Q_EMIT pageRequested({ IncidentTarget::policy(policySlug) });
}

QMenu* TeamsView::teamMenu(const QModelIndex& index, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("teamMenu"));
    const QString slug = index.data(TeamsModel::SlugRole).toString();
    QAction* page
        = menu->addAction(tr("Page %1…").arg(menuText(index.data(TeamsModel::NameRole).toString())),
            this, [this, slug] { pageTeam(slug); });
    page->setEnabled(!teamTargets(slug).isEmpty());
    if (!page->isEnabled())
        page->setToolTip(tr("This team has no escalation policies to page"));
    page->setShortcut(m_pageTeamAction->shortcut());
    // By slug: the list may have been read again while the menu was open.
    QAction* add = menu->addAction(tr("Add members…"), this, [this, slug] {
        selectTeam(slug);
        m_addMembers->setChecked(true);
    });
    add->setEnabled(readOnlyReason().isEmpty());
    return menu;
}

QMenu* TeamsView::memberMenu(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("memberMenu"));
    QAction* remove
        = menu->addAction(m_removeAction->text(), this, &TeamsView::confirmRemoveMember);
    remove->setShortcut(m_removeAction->shortcut());
    remove->setEnabled(m_removeMember->isEnabled());
    return menu;
}

QMenu* TeamsView::policyMenu(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("policyMenu"));
    const QString slug = currentPolicy();
    QAction* page
        = menu->addAction(m_pagePolicyAction->text(), this, [this, slug] { pagePolicy(slug); });
    page->setShortcut(m_pagePolicyAction->shortcut());
    page->setEnabled(!slug.isEmpty());
    QAction* remove = menu->addAction(m_deletePolicy->text(), this, &TeamsView::confirmDelete);
    remove->setEnabled(m_deletePolicy->isEnabled());
    return menu;
}

UserPickModel* TeamsView::userModel() const { return m_userPanel->model(); }

bool TeamsView::isUserPanelVisible() const { return m_userPanel->parentWidget()->isVisible(); }

void TeamsView::setUserPanelVisible(bool visible)
{
    QWidget* box = m_userPanel->parentWidget();
    if (visible == !box->isHidden())
        return;
    box->setVisible(visible);
    {
        const QSignalBlocker blocker(m_addMembers);
        m_addMembers->setChecked(visible);
    }
    if (!visible)
        return;
    // The org's users are read when they are first wanted (at user priority: someone waits).
    if (!m_usersAsked) {
        m_usersAsked = true;
        m_users->setDirectory(m_directory);
        m_directory->ensureLoaded(RequestScheduler::Priority::User);
    }
    m_userPanel->filterEdit()->setFocus(Qt::OtherFocusReason);
}

void TeamsView::onPoliciesRefreshed()
{
    m_steps->setPolicyNames(m_policies->policyNames());
    if (!m_selectWhenListed.isEmpty() && m_policies->rowOf(m_selectWhenListed) >= 0) {
        selectPolicy(std::exchange(m_selectWhenListed, QString()));
    } else if (!m_policyList->currentIndex().isValid() && m_policies->rowCount() > 0) {
        m_policyList->setCurrentIndex(m_policies->index(0, 0));
    } else if (m_policyList->currentIndex().isValid() && currentPolicy() != m_shownPolicy
        && !m_controller->isLoadingPolicy()) {
        onPolicyChanged();
    }
    if (m_policies->rowCount() == 0 && !currentTeam().isEmpty()) {
        m_detailEmpty->setText(tr("This team has no escalation policies yet."));
        m_detailEmpty->show();
        m_stepTree->hide();
    }
    updateBusy();
    updateActions();
}

void TeamsView::onPolicyLoaded(const QString& slug)
{
    if (slug != currentPolicy())
        return;
    m_stepTree->expandAll();
    m_stepTree->show();
    m_detailEmpty->hide();
    m_shownPolicy = slug;
    Q_EMIT policyShown(slug);
}

void TeamsView::onPolicyChanged()
{
    const QString slug = currentPolicy();
    m_shownPolicy.clear();
    if (slug.isEmpty()) {
        m_controller->clearPolicy();
        m_detailTitle->clear();
        m_detailEmpty->setText(
            currentTeam().isEmpty() ? QString() : tr("Choose a policy to see its steps."));
        m_detailEmpty->show();
        m_stepTree->hide();
    } else {
        const QModelIndex current = m_policyList->currentIndex();
        m_detailTitle->setText(
            tr("<b>%1</b> <span style=\"color:gray\">%2</span>")
                .arg(breakable(clipped(current.data(EscalationPolicyModel::NameRole).toString(),
                                   MessageChars))
                         .toHtmlEscaped(),
                    breakable(clipped(slug, MessageChars)).toHtmlEscaped()));
        if (m_steps->policy().slug == slug) {
            // Already on screen (policies never change): nothing to read.
            m_shownPolicy = slug;
            m_stepTree->show();
            m_detailEmpty->hide();
            Q_EMIT policyShown(slug);
        } else {
            m_controller->clearPolicy();
            m_detailEmpty->setText(tr("Reading the policy…"));
            m_detailEmpty->show();
            m_stepTree->hide();
            m_controller->loadPolicy(slug);
        }
    }
    updateBusy();
    updateActions();
}

void TeamsView::showError(const QString& message)
{
    m_error->showNotice(message, look::Tone::Error);
    updateBusy();
}

void TeamsView::updateBusy()
{
    QString what;
    if (m_controller->isWriting())
        what = tr("Saving…");
    else if (m_controller->isLoadingTeams())
        what = tr("Reading teams…");
    else if (m_controller->isLoadingRoster())
        what = tr("Reading members…");
    else if (m_controller->isLoadingPolicies())
        what = tr("Reading escalation policies…");
    else if (m_controller->isLoadingPolicy())
        what = tr("Reading the policy…");
    m_busyText->setText(what);
    m_busy->setVisible(!what.isEmpty());
    m_busyText->setVisible(!what.isEmpty());
    // Refresh waits for what it asked for (the busy line says what); F5 meanwhile adds nothing.
    m_refresh->setEnabled(!m_controller->isLoadingTeams() && !m_controller->isLoadingPolicies());
}

void TeamsView::updateActions()
{
    const QString reason = readOnlyReason();
    const bool readOnly = !reason.isEmpty();
    const bool writing = m_controller->isWriting();
    m_readOnly->showNotice(reason, look::Tone::Warning);

    m_newPolicy->setEnabled(!readOnly && !currentTeam().isEmpty());
    m_deletePolicy->setEnabled(!readOnly && !writing && !currentPolicy().isEmpty());
    const bool hasTargets = !teamTargets(currentTeam()).isEmpty();
    m_pageTeam->setEnabled(hasTargets);
    m_pageTeamAction->setEnabled(hasTargets);
    m_pageTeam->setToolTip(hasTargets
            ? tr("Page this team's escalation policies (Ctrl+Shift+P in the team list)")
            : tr("This team has no escalation policies to page"));
    m_pagePolicy->setEnabled(!currentPolicy().isEmpty());
    m_pagePolicyAction->setEnabled(!currentPolicy().isEmpty());
    m_pagePolicy->setToolTip(currentPolicy().isEmpty()
            ? tr("Choose a policy first")
            : tr("Page this escalation policy (Ctrl+Shift+P in the list)"));
    const QModelIndex member = m_members->currentIndex();
    const bool canRemove
        = !readOnly && member.isValid() && !member.data(TeamMembersModel::IsAddingRole).toBool();
    m_removeMember->setEnabled(canRemove);
    m_removeAction->setEnabled(canRemove);
    m_addMembers->setEnabled(!readOnly || m_addMembers->isChecked());
    m_teamList->setDropsEnabled(!readOnly);
    m_members->setDropsEnabled(!readOnly && !currentTeam().isEmpty());
    m_userPanel->setTargetTeam(
        readOnly ? QString() : m_teamList->currentIndex().data(TeamsModel::NameRole).toString());
    if (readOnly) {
        m_newPolicy->setToolTip(plainToolTip(reason));
        m_deletePolicy->setToolTip(plainToolTip(reason));
        m_removeMember->setToolTip(plainToolTip(reason));
        m_addMembers->setToolTip(plainToolTip(reason));
    } else {
        m_newPolicy->setToolTip(currentTeam().isEmpty()
                ? tr("Choose a team first")
                : tr("Create an escalation policy for this team"));
        m_deletePolicy->setToolTip(currentPolicy().isEmpty()
                ? tr("Choose a policy first")
                : tr("Delete the selected escalation policy"));
        m_removeMember->setToolTip(currentMember().isEmpty()
                ? tr("Choose a member first")
                : tr("Remove the selected member from the team (Delete)"));
        m_addMembers->setToolTip(tr("Show the people of the organisation, to add to a team"));
    }
}

void TeamsView::openCreateDialog()
{
    if (!m_newPolicy->isEnabled())
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new EscalationPolicyDialog(m_choices, m_teams->teams(), currentTeam(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    EscalationPolicyDialog* dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const NewEscalationPolicy policy = dialog->policy();
        if (policy.teamSlug != currentTeam())
            selectTeam(policy.teamSlug);
        m_controller->createPolicy(policy);
    });
    dialog->open();
}

void TeamsView::confirmDelete()
{
    const QString slug = currentPolicy();
    if (slug.isEmpty() || !m_deletePolicy->isEnabled())
        return;
    const QString name
        = m_policyList->currentIndex().data(EscalationPolicyModel::NameRole).toString();
    const QString team = m_teamList->currentIndex().data(TeamsModel::NameRole).toString();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete escalation policy"),
        tr("Delete the escalation policy “%1” of %2?")
            .arg(clipped(name, MenuChars), clipped(team, MenuChars)),
        QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText); // names as written
    box->setObjectName(QStringLiteral("confirmDeletePolicy"));
    box->setInformativeText(tr("Routing keys and incidents that name it will no longer page anyone "
                               "through it. This cannot be undone."));
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, slug](QAbstractButton* button) {
        if (button == remove)
            m_controller->deletePolicy(slug);
    });
    box->open();
}

} // namespace rota
