// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "maintenanceview.h"

#include "displayformat.h"
#include "look.h"
#include "maintenancebanner.h"
#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "plaintext.h"
#include "routingkeymodel.h"
#include "viewchrome.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab moves on to the next control; the arrow keys move between cells.
    table->setTabKeyNavigation(false);
    look::styleItemView(table);
    return table;
}

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* title = new QLabel(text, parent);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    return title;
}

} // namespace

MaintenanceView::MaintenanceView(MaintenanceModel* maintenance, RoutingKeyModel* routingKeys,
    MaintenanceController* controller, QWidget* parent)
    : QWidget(parent)
    , m_maintenance(maintenance)
    , m_routingKeys(routingKeys)
    , m_controller(controller)
    , m_instances(makeTable(maintenance, this))
    , m_end(new QPushButton(tr("&End maintenance"), this))
    , m_keys(makeTable(routingKeys, this))
    , m_purpose(new QLineEdit(this))
    , m_startSelected(new QPushButton(tr("&Start for selected keys"), this))
    , m_startGlobal(new QPushButton(tr("Start &globally"), this))
    , m_create(new QPushButton(tr("&Create routing key…"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_progress(new QProgressBar(this))
    , m_readOnly(new NoticeBar(this))
    , m_message(new NoticeBar(this))
    , m_status(new QLabel(this))
    , m_noInstances(new QLabel(this))
    , m_retryMaintenance(new QPushButton(tr("&Try again"), this))
    , m_keysError(new QLabel(this))
    , m_retryKeys(new QPushButton(tr("Try a&gain"), this))
{
    m_instances->setObjectName(QStringLiteral("instancesTable"));
    m_end->setObjectName(QStringLiteral("endButton"));
    m_keys->setObjectName(QStringLiteral("routingKeysTable"));
    m_purpose->setObjectName(QStringLiteral("purposeEdit"));
    m_startSelected->setObjectName(QStringLiteral("startSelectedButton"));
    m_startGlobal->setObjectName(QStringLiteral("startGlobalButton"));
    m_create->setObjectName(QStringLiteral("createButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_readOnly->textLabel()->setObjectName(QStringLiteral("readOnlyLabel"));
    m_message->textLabel()->setObjectName(QStringLiteral("messageLabel"));
    m_readOnly->setDismissible(false);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_noInstances->setObjectName(QStringLiteral("noInstancesLabel"));
    m_retryMaintenance->setObjectName(QStringLiteral("retryMaintenanceButton"));
    const auto icon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return look::themeIcon(QString::fromLatin1(name), fallback, this);
    };
    m_end->setIcon(icon("media-playback-stop", QStyle::SP_MediaStop));
    m_startSelected->setIcon(icon("media-playback-pause", QStyle::SP_MediaPause));
    m_startGlobal->setIcon(m_startSelected->icon());
    m_create->setIcon(icon("list-add", QStyle::SP_FileIcon));
    m_refresh->setIcon(icon("view-refresh", QStyle::SP_BrowserReload));
    m_retryMaintenance->setIcon(m_refresh->icon());
    m_retryKeys->setIcon(m_refresh->icon());
    m_keysError->setObjectName(QStringLiteral("routingKeysErrorLabel"));
    m_retryKeys->setObjectName(QStringLiteral("retryRoutingKeysButton"));

    m_instances->setSelectionMode(QAbstractItemView::SingleSelection);

    m_instances->setColumnWidth(MaintenanceModel::ScopeColumn, 320);
    m_instances->setColumnWidth(MaintenanceModel::StartedByColumn, 160);
    m_keys->setSelectionMode(QAbstractItemView::ExtendedSelection);
    usePlainToolTips(m_instances);
    usePlainToolTips(m_keys);
    // Narrow enough that the last column is in sight in a small window.
    m_keys->setColumnWidth(RoutingKeyModel::KeyColumn, 180);
    m_keys->setColumnWidth(RoutingKeyModel::TargetsColumn, 280);
    m_purpose->setPlaceholderText(tr("Purpose (optional), e.g. database upgrade"));
    m_purpose->setAccessibleName(tr("Purpose of the maintenance"));
    m_keys->setAccessibleName(tr("Routing keys"));
    m_refresh->setToolTip(tr("Read the maintenance mode and the routing keys again (F5)"));
    setUpBusyBar(m_progress);
    setUpNoticeLabel(m_keysError);
    makePlainLabel(m_noInstances);
    makePlainLabel(m_status);
    m_noInstances->setWordWrap(true);
    m_noInstances->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryMaintenance->setToolTip(tr("Read the maintenance mode again"));
    m_retryKeys->setToolTip(tr("Read the routing keys again"));

    // Sections with a title, not boxes: a frame around the tables' frames is one too many.
    auto* active = new QWidget(this);
    auto* activeLayout = new QVBoxLayout(active);
    activeLayout->setContentsMargins(0, 0, 0, 0);
    activeLayout->addWidget(sectionTitle(tr("Maintenance mode now"), active));
    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_noInstances, 1);
    stateRow->addWidget(m_retryMaintenance, 0, Qt::AlignTop);
    activeLayout->addLayout(stateRow);
    activeLayout->addWidget(m_instances);
    auto* endRow = new QHBoxLayout;
    endRow->addStretch(1);
    endRow->addWidget(m_end);
    activeLayout->addLayout(endRow);

    auto* keys = new QWidget(this);
    auto* keysLayout = new QVBoxLayout(keys);
    keysLayout->setContentsMargins(0, 0, 0, 0);
    keysLayout->addWidget(sectionTitle(tr("Routing keys"), keys));
    auto* keysErrorRow = new QHBoxLayout;
    keysErrorRow->addWidget(m_keysError, 1);
    keysErrorRow->addWidget(m_retryKeys, 0, Qt::AlignTop);
    keysLayout->addLayout(keysErrorRow);
    keysLayout->addWidget(m_keys, 1);
    auto* startRow = new QHBoxLayout;
    startRow->addWidget(m_purpose, 1);
    startRow->addWidget(m_startSelected);
    startRow->addWidget(m_startGlobal);
    keysLayout->addLayout(startRow);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_create);
    tools->addStretch(1);
    tools->addWidget(m_progress);
    tools->addWidget(m_refresh);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_message);
    layout->addWidget(active);
    layout->addWidget(keys, 1);
    layout->addWidget(m_status);

    connect(addRefreshShortcut(this), &QAction::triggered, m_controller,
        &MaintenanceController::refresh);
    connect(m_refresh, &QPushButton::clicked, m_controller, &MaintenanceController::refresh);
    connect(
        m_retryMaintenance, &QPushButton::clicked, m_controller, &MaintenanceController::refresh);
    connect(m_retryKeys, &QPushButton::clicked, m_controller, &MaintenanceController::refresh);
    connect(m_startSelected, &QPushButton::clicked, this, &MaintenanceView::startForSelected);
    connect(m_startGlobal, &QPushButton::clicked, this, &MaintenanceView::startGlobal);
    connect(m_end, &QPushButton::clicked, this, &MaintenanceView::endSelected);
    connect(m_create, &QPushButton::clicked, this, &MaintenanceView::openCreateDialog);

    connect(m_keys->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MaintenanceView::updateActions);
    connect(m_instances->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MaintenanceView::updateActions);
    connect(m_maintenance, &MaintenanceModel::stateChanged, this, &MaintenanceView::updateActions);
    connect(
        m_maintenance, &QAbstractItemModel::rowsInserted, this, &MaintenanceView::updateActions);
    connect(m_maintenance, &QAbstractItemModel::rowsRemoved, this, &MaintenanceView::updateActions);
    connect(m_maintenance, &QAbstractItemModel::rowsInserted, this, &MaintenanceView::fitInstances);
    connect(m_maintenance, &QAbstractItemModel::rowsRemoved, this, &MaintenanceView::fitInstances);
    connect(m_maintenance, &QAbstractItemModel::modelReset, this, &MaintenanceView::fitInstances);
    connect(m_maintenance, &QAbstractItemModel::dataChanged, this, &MaintenanceView::fitInstances);
    fitInstances();
    const auto showProgress = [this] {
        m_progress->setVisible(m_controller->isLoading() || m_controller->isBusy());
        updateActions();
    };
    connect(m_controller, &MaintenanceController::loadingChanged, this, showProgress);
    connect(m_controller, &MaintenanceController::busyChanged, this, showProgress);
    connect(m_controller, &MaintenanceController::readOnlyChanged, this,
        &MaintenanceView::updateActions);
    connect(m_controller, &MaintenanceController::statusTextChanged, this,
        &MaintenanceView::updateActions);
    connect(m_controller, &MaintenanceController::readErrorsChanged, this,
        &MaintenanceView::updateActions);
    connect(m_controller, &MaintenanceController::actionFinished, this,
        [this](bool ok, const QString& message) {
            showMessage(message, ok ? look::Tone::Success : look::Tone::Error);
            if (ok)
                m_purpose->clear();
        });

    showProgress();
}

void MaintenanceView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // This view has its own End for each running maintenance mode: the banner's would be a
    // second button for the same thing.
    for (MaintenanceBanner* banner : window()->findChildren<MaintenanceBanner*>())
        banner->setEndShown(false);
}

void MaintenanceView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    for (MaintenanceBanner* banner : window()->findChildren<MaintenanceBanner*>())
        banner->setEndShown(true);
}

void MaintenanceView::selectRoutingKeys(const QStringList& keys)
{
    QItemSelection selection;
    for (const QString& key : keys) {
        const int row = m_routingKeys->rowOf(key);
        if (row >= 0)
            selection.select(m_routingKeys->index(row, 0),
                m_routingKeys->index(row, RoutingKeyModel::ColumnCount - 1));
    }
    m_keys->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QStringList MaintenanceView::selectedRoutingKeys() const
{
    QStringList keys;
    for (const QModelIndex& index : m_keys->selectionModel()->selectedRows())
        keys << index.data(RoutingKeyModel::KeyRole).toString();
    return keys;
}

bool MaintenanceView::selectInstance(const QString& instanceId)
{
    const int row = m_maintenance->rowOf(instanceId);
    if (row < 0)
        return false;
    m_instances->selectRow(row);
    return true;
}

void MaintenanceView::startForSelected()
{
    const QStringList keys = selectedRoutingKeys();
    if (keys.isEmpty() || !m_startSelected->isEnabled())
        return;
    showMessage(tr("Starting maintenance mode for %1…").arg(keys.join(QStringLiteral(", "))),
        look::Tone::Info);
    m_controller->startMaintenance(keys, m_purpose->text().trimmed());
}

void MaintenanceView::startGlobal()
{
    if (!m_startGlobal->isEnabled())
        return;
    showMessage(tr("Starting global maintenance mode…"), look::Tone::Info);
    m_controller->startMaintenance({}, m_purpose->text().trimmed());
}

void MaintenanceView::endSelected()
{
    const QModelIndexList rows = m_instances->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_end->isEnabled())
        return;
    showMessage(tr("Ending maintenance mode…"), look::Tone::Info);
    m_controller->endMaintenance(rows.first().data(MaintenanceModel::InstanceIdRole).toString());
}

QDialog* MaintenanceView::openCreateDialog()
{
    if (m_createDialog) {
        m_createDialog->raise();
        return m_createDialog;
    }
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("createRoutingKeyDialog"));
    dialog->setWindowTitle(tr("Create routing key"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("routingKeyEdit"));
    name->setPlaceholderText(tr("e.g. database-prod"));
    name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9_.-]*")), name));
    auto* targets = new QListWidget(dialog);
    targets->setObjectName(QStringLiteral("targetList"));
    auto* note = new QLabel(tr("Loading escalation policies…"), dialog);
    note->setObjectName(QStringLiteral("dialogMessage"));
    makePlainLabel(note);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Routing key:"), name);
    form->addRow(tr("&Sends alerts to:"), targets);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    const auto chosen = [targets] {
        QStringList slugs;
        for (int i = 0; i < targets->count(); ++i) {
            if (targets->item(i)->checkState() == Qt::Checked)
                slugs << targets->item(i)->data(Qt::UserRole).toString();
        }
        return slugs;
    };
    const auto validate = [name, buttons, chosen] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!name->text().isEmpty() && !chosen().isEmpty());
    };
    connect(name, &QLineEdit::textChanged, dialog, validate);
    connect(targets, &QListWidget::itemChanged, dialog, validate);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, name, chosen] {
        showMessage(tr("Creating routing key %1…").arg(name->text()), look::Tone::Info);
        m_controller->createRoutingKey(name->text(), chosen());
        dialog->accept();
    });

    const auto fill = [targets, note, this](const QString& error) {
        targets->clear();
        setPlainLabelText(note, error, MessageChars);
        note->setVisible(!error.isEmpty());
        for (const EscalationPolicyInfo& info : m_controller->policies()) {
            auto* item
                = new QListWidgetItem(tr("%1 — %2").arg(info.policyName, info.teamName), targets);
            item->setData(Qt::UserRole, info.policySlug);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    };
    connect(m_controller, &MaintenanceController::policiesLoaded, dialog, fill);
    if (!m_controller->policies().isEmpty())
        fill(QString());
    m_controller->loadPolicies();

    m_createDialog = dialog;
    dialog->resize(460, 400);
    dialog->open();
    return dialog;
}

void MaintenanceView::updateActions()
{
    // One running: End ends it, without asking to pick it first.
    if (m_maintenance->rowCount() == 1 && !m_instances->selectionModel()->hasSelection())
        m_instances->selectRow(0);
    const bool readOnly = m_controller->isReadOnly();
    const bool busy = m_controller->isBusy();
    const bool hasKeys = !m_keys->selectionModel()->selectedRows().isEmpty();
    const bool hasInstance = !m_instances->selectionModel()->selectedRows().isEmpty();
    const bool globalOn = m_maintenance->isGlobalActive();

    m_readOnly->showNotice(
        readOnly ? m_controller->readOnlyReason() : QString(), look::Tone::Warning);
    showReadState();

    const QString reason = plainToolTip(m_controller->readOnlyReason());
    m_startSelected->setEnabled(!readOnly && !busy && hasKeys);
    m_startSelected->setToolTip(readOnly ? reason
            : hasKeys                    ? tr("Hold the alerts of the selected routing keys")
                                         : tr("Select one or more routing keys first"));
    m_startGlobal->setEnabled(!readOnly && !busy && !globalOn);
    m_startGlobal->setToolTip(readOnly ? reason
            : globalOn                 ? tr("Global maintenance mode is on already")
                                       : tr("Hold the alerts of every routing key"));
    m_end->setEnabled(!readOnly && !busy && hasInstance);
    m_end->setToolTip(readOnly ? reason
            : hasInstance      ? tr("End the selected maintenance mode")
                               : tr("Select a running maintenance mode first"));
    m_create->setEnabled(!readOnly && !busy);
    m_create->setToolTip(
        readOnly ? reason : tr("Add a routing key and choose where it sends alerts"));
}

// Each failed read is said once, where its data would be, and goes with the next good read.
// "Off" only for a state that was read: a table without rows is no proof.
void MaintenanceView::showReadState()
{
    const bool loading = m_controller->isLoading();
    const ApiError maintenanceError = m_controller->maintenanceError();
    const bool active = m_maintenance->isActive();
    QString state;
    if (maintenanceError.isError()) {
        state = tr("Maintenance mode is unknown: Rota could not read it. %1")
                    .arg(maintenanceError.text());
        if (active)
            state += QLatin1Char(' ')
                + tr("Below is what it was at %1.")
                      .arg(QLocale().toString(m_maintenance->checkedAt().toLocalTime(),
                          displayFormat(QStringLiteral("HH:mm"))));
    } else if (!m_maintenance->isLoaded()) {
        state = tr("Reading the maintenance mode…");
    } else if (!active) {
        state = tr("Maintenance mode is off: alerts page people as usual.");
    }
    setPlainLabelText(m_noInstances, state, MessageChars);
    m_noInstances->setVisible(!state.isEmpty());
    m_noInstances->setToolTip(plainToolTip(maintenanceError.detail()));
    look::setTone(m_noInstances, maintenanceError.isError() ? look::Tone::Error : look::Tone::Info);
    m_retryMaintenance->setVisible(maintenanceError.isError());
    m_retryMaintenance->setEnabled(!loading);
    m_instances->setVisible(active);
    m_end->setVisible(active);

    const ApiError keysError = m_controller->routingKeysError();
    QString keys;
    if (keysError.isError()) {
        keys = tr("Could not read the routing keys: %1").arg(keysError.text());
        if (m_routingKeys->rowCount() > 0)
            keys += QLatin1Char(' ') + tr("The list is as last read.");
    }
    showNotice(m_keysError, keys, true);
    m_keysError->setToolTip(plainToolTip(keysError.detail()));
    m_retryKeys->setVisible(keysError.isError());
    m_retryKeys->setEnabled(!loading);

    setPlainLabelText(
        m_status, loading ? tr("Refreshing…") : m_controller->statusText(), MessageChars);
    m_refresh->setEnabled(!loading);
    m_refresh->setToolTip(loading
            ? tr("Reading the maintenance mode and the routing keys…")
            : tr("Read the maintenance mode and the routing keys again (F5)"));
}

void MaintenanceView::showMessage(const QString& text, look::Tone tone)
{
    m_message->showNotice(text, tone);
}

void MaintenanceView::fitInstances()
{
    // Who started it is a column only when the service says it of someone (a start through the
    // API is recorded as "api", which names no one).
    bool known = false;
    for (const MaintenanceInstance& instance : m_maintenance->instances())
        known = known || MaintenanceModel::startedByKnown(instance);
    m_instances->setColumnHidden(MaintenanceModel::StartedByColumn, !known);
    const int rows = std::clamp(m_maintenance->rowCount(), 1, 4);
    m_instances->setFixedHeight(m_instances->horizontalHeader()->sizeHint().height()
        + rows * look::rowHeight(m_instances) + 2 * m_instances->frameWidth());
}

} // namespace rota
