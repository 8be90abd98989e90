// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "overridesview.h"

#include "flowlayout.h"
#include "look.h"
#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridedialog.h"
#include "overridemodel.h"
#include "plaintext.h"
#include "viewchrome.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {
constexpr int PolicySlugRole = Qt::UserRole + 1;
}

OverridesView::OverridesView(
    OverrideModel* model, OverrideController* controller, OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_model(model)
    , m_controller(controller)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_assignments(new QTableWidget(this))
    , m_detailTitle(new QLabel(this))
    , m_new(new QPushButton(tr("&New override…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_replacement(new QComboBox(this))
    , m_assign(new QPushButton(tr("&Assign"), this))
    , m_unassign(new QPushButton(tr("Re&move replacement"), this))
    , m_status(new QLabel(this))
    , m_readOnly(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    m_new->setObjectName(QStringLiteral("newOverrideButton"));
    m_delete->setObjectName(QStringLiteral("deleteOverrideButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_unassign->setObjectName(QStringLiteral("unassignButton"));
    m_replacement->setObjectName(QStringLiteral("replacementCombo"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(OverrideModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OverrideModel::StartColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    look::styleItemView(m_table);
    usePlainToolTips(m_table);
    // Tab moves on to the next control (in both tables); the arrow keys move between cells.
    m_table->setTabKeyNavigation(false);
    m_assignments->setTabKeyNavigation(false);
    for (const int column : { OverrideModel::UserColumn, OverrideModel::StartColumn,
             OverrideModel::EndColumn, OverrideModel::TimeZoneColumn })
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Scheduled overrides"));

    m_assignments->setColumnCount(3);
    m_assignments->setHorizontalHeaderLabels(
        { tr("Escalation policy"), tr("Team"), tr("Stands in") });
    m_assignments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_assignments->setSelectionMode(QAbstractItemView::SingleSelection);
    m_assignments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_assignments->verticalHeader()->hide();
    m_assignments->horizontalHeader()->setStretchLastSection(true);
    m_assignments->setAccessibleName(tr("Replacements per escalation policy"));
    look::styleItemView(m_assignments);
    m_new->setIcon(look::themeIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon, this));
    m_delete->setIcon(look::themeIcon(QStringLiteral("edit-delete"), QStyle::SP_TrashIcon, this));
    m_refresh->setIcon(
        look::themeIcon(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, this));
    m_assign->setIcon(
        look::themeIcon(QStringLiteral("contact-new"), QStyle::SP_DialogApplyButton, this));
    m_unassign->setIcon(
        look::themeIcon(QStringLiteral("list-remove"), QStyle::SP_DialogCancelButton, this));
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_detailTitle->setWordWrap(true);
    // Names of people and policies, and the server's messages: shown as written.
    for (QLabel* plain : { m_detailTitle, m_status, m_readOnly })
        makePlainLabel(plain);

    m_replacement->setEditable(true);
    m_replacement->setInsertPolicy(QComboBox::NoInsert);
    m_replacement->completer()->setFilterMode(Qt::MatchContains);
    m_replacement->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_replacement->setMinimumContentsLength(24);
    // As wide as that, whatever the longest name: a long one shows whole in the open list.
    m_replacement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_replacement->setAccessibleName(tr("Who stands in"));
    m_new->setToolTip(tr("Schedule time away for someone"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(100);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnly->setWordWrap(true);
    m_readOnly->hide();

    // Both bars wrap in a narrow window.
    m_status->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* top = new FlowLayout;
    top->addWidget(m_new);
    top->addWidget(m_delete);
    top->addWidget(m_refresh);
    top->addWidget(m_busy);
    top->addWidget(m_status);
    auto* listPart = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPart);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(top);
    listLayout->addWidget(m_readOnly);
    listLayout->addWidget(m_table);

    auto* standIn = new QWidget(this);
    auto* standInLayout = new QHBoxLayout(standIn);
    standInLayout->setContentsMargins(0, 0, 0, 0);
    standInLayout->addWidget(new QLabel(tr("Stand-in:"), standIn));
    standInLayout->addWidget(m_replacement, 1);
    standIn->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* assignBar = new FlowLayout;
    assignBar->addWidget(standIn);
    assignBar->addWidget(m_assign);
    assignBar->addWidget(m_unassign);
    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_assignments, 1);
    detailLayout->addLayout(assignBar);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listPart);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_new, &QPushButton::clicked, this, &OverridesView::openCreateDialog);
    connect(m_delete, &QPushButton::clicked, this, &OverridesView::confirmDelete);
    connect(m_refresh, &QPushButton::clicked, this, [this] { m_controller->load(true); });
    connect(
        addRefreshShortcut(this), &QAction::triggered, this, [this] { m_controller->load(true); });
    connect(m_assign, &QPushButton::clicked, this, &OverridesView::assignSelected);
    connect(m_unassign, &QPushButton::clicked, this, &OverridesView::unassignSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &OverridesView::showAssignments);
    connect(m_assignments, &QTableWidget::itemSelectionChanged, this, [this] {
        // Offer the current stand-in as the one to change.
        syncReplacement();
        updateActions();
    });
    connect(m_replacement, &QComboBox::currentTextChanged, this, &OverridesView::updateActions);
    connect(m_controller, &OverrideController::loadingChanged, this, [this](bool loading) {
        m_busy->setVisible(loading);
        m_refresh->setEnabled(!loading); // F5 still works: a new load replaces the one in flight
        if (loading)
            m_status->setText(tr("Loading the overrides…"));
    });
    connect(m_controller, &OverrideController::loaded, this, [this] {
        if (!m_controller->errorText().isEmpty())
            setStatus(tr("Could not load the overrides: %1").arg(m_controller->errorText()), true);
        else
            setStatus(m_model->rowCount() == 0
                    ? tr("No overrides are scheduled.")
                    : tr("%n override(s) scheduled.", nullptr, m_model->rowCount()),
                false);
        if (selectedOverride().isEmpty() && m_sorted->rowCount() > 0 && m_pendingSelect.isEmpty())
            m_table->selectRow(0);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OverridesView::showAssignments);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_pendingSelect.isEmpty() && m_model->rowOf(m_pendingSelect) >= 0) {
            selectOverride(m_pendingSelect);
            m_pendingSelect.clear();
        }
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OverridesView::showAssignments);
    connect(m_controller, &OverrideController::actionFinished, this,
        [this](const QString& action, bool ok, const QString& text, const QString& publicId) {
            if (ok && action == QLatin1String("create")) {
                m_pendingSelect.clear();
                selectOverride(publicId);
            }
            setStatus(text, !ok);
            updateActions();
        });
    connect(m_controller, &OverrideController::readOnlyChanged, this, [this] {
        setPlainLabelText(m_readOnly, m_controller->readOnlyReason(), MessageChars);
        m_readOnly->setVisible(m_controller->isReadOnly());
        updateActions();
    });
    showAssignments();
}

OverridesView::~OverridesView() = default;

void OverridesView::start()
{
    m_controller->load();
    connect(m_directory, &OrgDirectory::usersChanged, this, &OverridesView::showPeople);
    connect(m_directory, &OrgDirectory::usersFailed, this,
        [this](const QString& error) { setStatus(error, true); });
    // Without the policies, slugs stand in for their names.
    connect(m_directory, &OrgDirectory::policiesChanged, this, &OverridesView::showPolicies);
    if (m_directory->hasUsers())
        showPeople();
    if (m_directory->hasPolicies())
        showPolicies();
    m_directory->ensureLoaded(RequestScheduler::Priority::Background);
}

void OverridesView::showPeople() { setUserNames(m_directory->userNames()); }

void OverridesView::showPolicies()
{
    for (const EscalationPolicyInfo& policy : m_directory->policies())
        m_teamNames.insert(policy.policySlug, policy.teamName);
    m_model->setPolicyNames(m_directory->policyNames());
    showAssignments();
}

void OverridesView::setUserNames(const QHash<QString, QString>& names)
{
    m_names = names;
    m_model->setUserNames(names);
    const QString current = m_replacement->currentData().toString();
    QList<QPair<QString, QString>> sorted;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        sorted.append({ it.value(), it.key() });
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
    });
    const QSignalBlocker block(m_replacement);
    m_replacement->clear();
    for (const auto& person : std::as_const(sorted))
        m_replacement->addItem(
            person.first + QStringLiteral(" (") + person.second + QLatin1Char(')'), person.second);
    m_replacement->setCurrentIndex(m_replacement->findData(current));
    showAssignments();
}

QString OverridesView::selectedOverride() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(OverrideModel::PublicIdRole).toString();
}

void OverridesView::selectOverride(const QString& publicId)
{
    const int row = m_model->rowOf(publicId);
    if (row < 0) {
        m_pendingSelect = publicId;
        return;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

QString OverridesView::selectedPolicy() const
{
    const int row = m_assignments->currentRow();
    if (row < 0 || !m_assignments->item(row, 0)
        || !m_assignments->selectionModel()->isRowSelected(row, {}))
        return {};
    return m_assignments->item(row, 0)->data(PolicySlugRole).toString();
}

void OverridesView::selectPolicy(const QString& policySlug)
{
    for (int r = 0; r < m_assignments->rowCount(); ++r) {
        if (m_assignments->item(r, 0)->data(PolicySlugRole).toString() == policySlug) {
            m_assignments->selectRow(r);
            return;
        }
    }
}

void OverridesView::setReplacement(const QString& username)
{
    const int at = m_replacement->findData(username);
    if (at >= 0)
        m_replacement->setCurrentIndex(at);
    else
        m_replacement->setEditText(username);
}

void OverridesView::showAssignments()
{
    const QString keepPolicy = selectedPolicy();
    const QString id = selectedOverride();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const QSignalBlocker block(m_assignments);
    m_assignments->clearContents();
    m_assignments->setRowCount(0);
    if (row < 0) {
        m_detailTitle->setText(m_model->rowCount() == 0
                ? QString()
                : tr("Select an override to see who stands in on each escalation policy."));
        updateActions();
        return;
    }
    const ScheduledOverride& o = m_model->override(row);
    const QModelIndex source = m_model->index(row, 0);
    setPlainLabelText(m_detailTitle,
        tr("%1 is away from %2 until %3 (%4). Who stands in:")
            .arg(m_model->displayName(o.username),
                m_model->index(row, OverrideModel::StartColumn).data().toString(),
                m_model->index(row, OverrideModel::EndColumn).data().toString(), o.timeZone),
        MessageChars);
    Q_UNUSED(source)
    m_assignments->setRowCount(static_cast<int>(o.assignments.size()));
    for (int r = 0; r < o.assignments.size(); ++r) {
        const OverrideAssignment& a = o.assignments.at(r);
        auto* policy = new QTableWidgetItem(m_model->policyName(a.policy));
        policy->setData(PolicySlugRole, a.policy);
        policy->setToolTip(plainToolTip(a.policy));
        const QString team = m_teamNames.value(a.policy, a.team);
        auto* teamItem = new QTableWidgetItem(team);
        const bool covered = a.assigned && !a.user.isEmpty();
        auto* who = new QTableWidgetItem(
            covered ? m_model->displayName(a.user) : tr("Nobody yet — needs a replacement"));
        who->setData(Qt::UserRole, covered ? a.user : QString());
        if (!covered)
            who->setForeground(QColor(0xb0, 0x50, 0x00));
        m_assignments->setItem(r, 0, policy);
        m_assignments->setItem(r, 1, teamItem);
        m_assignments->setItem(r, 2, who);
    }
    m_assignments->resizeColumnToContents(0);
    m_assignments->resizeColumnToContents(1);
    if (!keepPolicy.isEmpty())
        selectPolicy(keepPolicy);
    else if (m_assignments->rowCount() > 0)
        m_assignments->selectRow(0);
    syncReplacement();
    updateActions();
}

void OverridesView::syncReplacement()
{
    // Offer the current stand-in as the one to change.
    const int row = m_assignments->currentRow();
    if (row < 0 || !m_assignments->item(row, 2))
        return;
    const QString user = m_assignments->item(row, 2)->data(Qt::UserRole).toString();
    if (!user.isEmpty())
        setReplacement(user);
}

void OverridesView::updateActions()
{
    const bool readOnly = m_controller->isReadOnly();
    const QString reason = m_controller->readOnlyReason();
    const bool haveOverride = !selectedOverride().isEmpty();
    const QString policy = selectedPolicy();
    const bool havePolicy = haveOverride && !policy.isEmpty();
    bool covered = false;
    if (havePolicy) {
        const int row = m_assignments->currentRow();
        covered = !m_assignments->item(row, 2)->data(Qt::UserRole).toString().isEmpty();
    }
    m_new->setEnabled(!readOnly);
    m_new->setToolTip(readOnly ? reason : tr("Schedule time away for someone"));
    m_delete->setEnabled(!readOnly && haveOverride);
    m_delete->setToolTip(readOnly ? reason : tr("Delete the selected override"));
    const bool chosen = !m_replacement->currentText().trimmed().isEmpty();
    m_assign->setText(covered ? tr("&Change") : tr("&Assign"));
    m_assign->setEnabled(!readOnly && havePolicy && chosen);
    m_assign->setToolTip(readOnly ? reason : tr("Let the chosen person stand in on this policy"));
    m_unassign->setEnabled(!readOnly && havePolicy && covered);
    m_unassign->setToolTip(readOnly ? reason : tr("Nobody stands in on this policy any more"));
    m_replacement->setEnabled(!readOnly && havePolicy);
}

void OverridesView::setStatus(const QString& text, bool error)
{
    setPlainLabelText(m_status, text, MessageChars);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_status->setPalette(pal);
    Q_EMIT message(text);
}

OverrideDialog* OverridesView::openCreateDialog()
{
    if (m_dialog)
        return m_dialog;
    QByteArray zone;
    const QString id = selectedOverride();
    if (const int row = m_model->rowOf(id); row >= 0)
        zone = m_model->override(row).timeZone.toUtf8();
    m_dialog = new OverrideDialog(m_names, zone, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        const NewScheduledOverride o = dialog->result();
        setStatus(tr("Creating the override for %1…").arg(m_model->displayName(o.username)), false);
        m_controller->create(o);
    });
    m_dialog->open();
    return m_dialog;
}

QMessageBox* OverridesView::confirmDelete()
{
    const QString id = selectedOverride();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return nullptr;
    const ScheduledOverride& o = m_model->override(row);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete override"),
        tr("Delete the override for %1 from %2 until %3? Whoever stands in is no longer on call "
           "for them.")
            .arg(clipped(m_model->displayName(o.username), MenuChars),
                m_model->index(row, OverrideModel::StartColumn).data().toString(),
                m_model->index(row, OverrideModel::EndColumn).data().toString()),
        QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText); // the name is the server's, as written
    QPushButton* yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() != yes)
            return;
        setStatus(tr("Deleting the override…"), false);
        m_controller->remove(id);
    });
    box->open();
    return box;
}

void OverridesView::assignSelected()
{
    const QString id = selectedOverride();
    const QString policy = selectedPolicy();
    QString user = m_replacement->currentData().toString();
    const QString text = m_replacement->currentText().trimmed();
    if (m_replacement->currentIndex() < 0
        || m_replacement->itemText(m_replacement->currentIndex()) != text) {
        const int byUsername = m_replacement->findData(text);
        const int byText = m_replacement->findText(text);
        user = byUsername >= 0 ? text
            : byText >= 0      ? m_replacement->itemData(byText).toString()
                               : QString();
    }
    if (id.isEmpty() || policy.isEmpty())
        return;
    if (user.isEmpty()) {
        setStatus(tr("There is nobody called “%1” in this organisation. Choose someone from "
                     "the list.")
                      .arg(text),
            true);
        return;
    }
    const int row = m_model->rowOf(id);
    if (row >= 0 && m_model->override(row).username == user) {
        setStatus(tr("%1 is the one who is away: choose someone else to stand in.")
                      .arg(m_model->displayName(user)),
            true);
        return;
    }
    setStatus(tr("Saving…"), false);
    m_controller->assign(id, policy, user);
}

void OverridesView::unassignSelected()
{
    const QString id = selectedOverride();
    const QString policy = selectedPolicy();
    if (id.isEmpty() || policy.isEmpty())
        return;
    setStatus(tr("Saving…"), false);
    m_controller->unassign(id, policy);
}

} // namespace rota
