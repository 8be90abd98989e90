#include "teamsview.h"

#include "escalationpolicydialog.h"
#include "escalationpolicymodel.h"
#include "plaintext.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "viewchrome.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace rota {

namespace {

QString personLine(const QString& first, const QString& last, const QString& username)
{
    const QString name = QStringList { first, last }.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? username : QStringLiteral("%1 (%2)").arg(name, username);
}

QLabel* makeNotice(const QString& objectName, const QColor& colour, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // the server's messages, as written
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

TeamsView::TeamsView(TeamsModel* teams, EscalationPolicyModel* policies, EscalationStepModel* steps,
    TeamsController* controller, OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_teams(teams)
    , m_policies(policies)
    , m_steps(steps)
    , m_controller(controller)
    , m_teamFilter(new QSortFilterProxyModel(this))
    , m_choices(new PolicyChoices(directory, this))
    , m_search(new QLineEdit(this))
    , m_teamList(new QTreeView(this))
    , m_teamTitle(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_busyText(new QLabel(this))
    , m_error(makeNotice(QStringLiteral("teamsError"), QColor(0xb0, 0x3a, 0x2e), this))
    , m_readOnly(makeNotice(QStringLiteral("teamsReadOnly"), QColor(0x8a, 0x5a, 0x00), this))
    , m_members(new QListWidget(this))
    , m_admins(new QListWidget(this))
    , m_policyList(new QListView(this))
    , m_newPolicy(new QPushButton(tr("New policy…"), this))
    , m_deletePolicy(new QPushButton(tr("Delete…"), this))
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
    m_search->setClearButtonEnabled(true);
    m_teamList->setObjectName(QStringLiteral("teamList"));
    m_teamList->setModel(m_teamFilter);
    m_teamList->setRootIsDecorated(false);
    m_teamList->setUniformRowHeights(true);
    m_teamList->setAllColumnsShowFocus(true);
    m_teamList->header()->setStretchLastSection(false);
    m_teamList->header()->setSectionResizeMode(TeamsModel::NameColumn, QHeaderView::Stretch);
    m_teamList->header()->setSectionResizeMode(
        TeamsModel::MembersColumn, QHeaderView::ResizeToContents);
    m_refresh->setObjectName(QStringLiteral("teamsRefresh"));
    m_refresh->setToolTip(tr("Read the teams and escalation policies again"));

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

    // Members and admins side by side.
    m_members->setObjectName(QStringLiteral("teamMembers"));
    m_admins->setObjectName(QStringLiteral("teamAdmins"));
    auto* membersBox = new QGroupBox(tr("Members"), this);
    membersBox->setObjectName(QStringLiteral("membersBox"));
    auto* membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members);
    auto* adminsBox = new QGroupBox(tr("Admins"), this);
    adminsBox->setObjectName(QStringLiteral("adminsBox"));
    auto* adminsLayout = new QVBoxLayout(adminsBox);
    adminsLayout->addWidget(m_admins);
    auto* people = new QWidget(this);
    auto* peopleLayout = new QHBoxLayout(people);
    peopleLayout->setContentsMargins(0, 0, 0, 0);
    peopleLayout->addWidget(membersBox, 3);
    peopleLayout->addWidget(adminsBox, 2);

    // The team's escalation policies, and the selected one's steps.
    m_policyList->setObjectName(QStringLiteral("policyList"));
    m_policyList->setModel(m_policies);
    usePlainToolTips(m_policyList);
    usePlainToolTips(m_teamList);
    m_newPolicy->setObjectName(QStringLiteral("newPolicy"));
    m_deletePolicy->setObjectName(QStringLiteral("deletePolicy"));
    auto* policiesBox = new QGroupBox(tr("Escalation policies"), this);
    auto* policiesLayout = new QVBoxLayout(policiesBox);
    policiesLayout->addWidget(m_policyList, 1);
    auto* policyButtons = new QHBoxLayout;
    policyButtons->addWidget(m_newPolicy);
    policyButtons->addWidget(m_deletePolicy);
    policyButtons->addStretch();
    policiesLayout->addLayout(policyButtons);

    m_stepTree->setObjectName(QStringLiteral("policySteps"));
    m_stepTree->setModel(m_steps);
    usePlainToolTips(m_stepTree);
    m_stepTree->setHeaderHidden(true);
    m_stepTree->setItemsExpandable(false);
    m_stepTree->setRootIsDecorated(false);
    m_stepTree->setWordWrap(true);
    m_stepTree->setSelectionMode(QAbstractItemView::NoSelection);
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

    auto* policySplit = new QSplitter(Qt::Horizontal, this);
    policySplit->addWidget(policiesBox);
    policySplit->addWidget(detailBox);
    policySplit->setStretchFactor(0, 2);
    policySplit->setStretchFactor(1, 3);
    policySplit->setSizes({ 300, 560 });

    auto* rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->addWidget(people);
    rightSplit->addWidget(policySplit);
    rightSplit->setStretchFactor(0, 2);
    rightSplit->setStretchFactor(1, 3);
    rightSplit->setSizes({ 200, 480 });

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

void TeamsView::onTeamChanged()
{
    const QString slug = currentTeam();
    const QModelIndex current = m_teamList->currentIndex();
    if (slug.isEmpty()) {
        m_teamTitle->setText(m_teams->rowCount() == 0 ? tr("Teams") : tr("Choose a team"));
    } else {
        const int members = current.data(TeamsModel::MemberCountRole).toInt();
        setPlainLabelText(m_teamTitle,
            members == 1
                ? tr("%1 · 1 member").arg(current.data(TeamsModel::NameRole).toString())
                : tr("%1 · %2 members")
                      .arg(current.data(TeamsModel::NameRole).toString(), QString::number(members)),
            MessageChars);
    }
    m_members->clear();
    m_admins->clear();
    // Its members and admins are read; another policy list: the policy selection goes with it.
    m_controller->setTeam(slug);
    onPolicyChanged();
    updateBusy();
    updateActions();
}

void TeamsView::showRoster()
{
    m_members->clear();
    m_admins->clear();
    for (const TeamMember& member : m_controller->members()) {
        auto* item = new QListWidgetItem(
            personLine(member.firstName, member.lastName, member.username), m_members);
        item->setData(Qt::UserRole, member.username);
    }
    for (const TeamAdmin& admin : m_controller->admins()) {
        auto* item = new QListWidgetItem(
            personLine(admin.firstName, admin.lastName, admin.username), m_admins);
        item->setData(Qt::UserRole, admin.username);
    }
    if (m_controller->admins().isEmpty()) {
        auto* none = new QListWidgetItem(tr("No admins"), m_admins);
        none->setFlags(Qt::NoItemFlags);
    }
    updateBusy();
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
    setPlainLabelText(m_error, message, MessageChars);
    m_error->setVisible(!message.isEmpty());
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
    setPlainLabelText(m_readOnly, reason, MessageChars);
    m_readOnly->setVisible(readOnly);

    m_newPolicy->setEnabled(!readOnly && !currentTeam().isEmpty());
    m_deletePolicy->setEnabled(!readOnly && !writing && !currentPolicy().isEmpty());
    if (readOnly) {
        m_newPolicy->setToolTip(plainToolTip(reason));
        m_deletePolicy->setToolTip(plainToolTip(reason));
    } else {
        m_newPolicy->setToolTip(currentTeam().isEmpty()
                ? tr("Choose a team first")
                : tr("Create an escalation policy for this team"));
        m_deletePolicy->setToolTip(currentPolicy().isEmpty()
                ? tr("Choose a policy first")
                : tr("Delete the selected escalation policy"));
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
