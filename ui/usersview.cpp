// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "usersview.h"

#include "look.h"
#include "orgdirectory.h"
#include "personcard.h"
#include "persondelegate.h"
#include "persondetails.h"
#include "plaintext.h"
#include "removeuserdialog.h"
#include "userdetailpane.h"
#include "usereditdialog.h"
#include "userscontroller.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"
#include "viewchrome.h"

#include <QAction>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace rota {

namespace {

QString quotedName(const QString& name)
{
    return QStringLiteral("“%1”").arg(clipped(name, MenuChars));
}

//! Brings an open dialog to the front; false when none is open.
bool raiseOpen(QDialog* dialog)
{
    if (!dialog)
        return false;
    dialog->raise();
    dialog->activateWindow();
    return true;
}

} // namespace

UsersView::UsersView(
    UsersModel* users, UsersController* controller, PersonDetails* people, QWidget* parent)
    : QWidget(parent)
    , m_users(users)
    , m_controller(controller)
    , m_people(people)
    , m_filter(new UsersFilterModel(this))
    , m_settle(new QTimer(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_add(new QPushButton(tr("Add user…"), this))
    , m_import(new QPushButton(tr("Import from CSV…"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_busy(new QProgressBar(this))
    , m_busyText(new QLabel(this))
    , m_error(new QLabel(this))
    , m_info(new QLabel(this))
    , m_readOnly(new QLabel(this))
    , m_table(new QTreeView(this))
    , m_detail(new UserDetailPane(people, controller->directory(), this))
{
    setObjectName(QStringLiteral("usersView"));
    m_add->setIcon(look::themeIcon(QStringLiteral("list-add-user"), QStyle::SP_FileIcon, this));
    m_import->setIcon(
        look::themeIcon(QStringLiteral("document-import"), QStyle::SP_DialogOpenButton, this));
    m_refresh->setIcon(
        look::themeIcon(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, this));
    m_filter->setSourceModel(m_users);

    m_search->setObjectName(QStringLiteral("usersSearch"));
    m_search->setPlaceholderText(tr("Search by name, username or e-mail (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("usersCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_add->setObjectName(QStringLiteral("addUser"));
    m_import->setObjectName(QStringLiteral("importUsers"));
    m_refresh->setObjectName(QStringLiteral("usersRefresh"));
    m_refresh->setToolTip(tr("Read the user list again"));
    m_import->setToolTip(tr("Invite many users at once from a CSV file"));
    setUpBusyBar(m_busy);
    m_busy->setObjectName(QStringLiteral("usersBusy"));
    m_busyText->setObjectName(QStringLiteral("usersBusyText"));
    m_error->setObjectName(QStringLiteral("usersError"));
    m_info->setObjectName(QStringLiteral("usersInfo"));
    m_readOnly->setObjectName(QStringLiteral("usersReadOnly"));
    for (QLabel* notice : { m_error, m_info, m_readOnly })
        setUpNoticeLabel(notice);

    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setAccessibleName(tr("Users"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(
        new PersonDelegate(UsersModel::UsernameRole, UsersModel::NameColumn, m_table));
    if (m_people) {
        PersonHover::install(m_table, m_people, [](const QModelIndex& index) {
            return index.data(UsersModel::UsernameRole).toString();
        });
    }
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsersModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->header()->setStretchLastSection(false);
    // Names and usernames keep their width; the addresses take what is left (elided).
    m_table->header()->setSectionResizeMode(UsersModel::NameColumn, QHeaderView::Interactive);
    m_table->header()->setSectionResizeMode(UsersModel::UsernameColumn, QHeaderView::Interactive);
    m_table->header()->setSectionResizeMode(UsersModel::EmailColumn, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(
        UsersModel::StatusColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(UsersModel::NameColumn, 150);
    m_table->setColumnWidth(UsersModel::UsernameColumn, 120);
    m_table->installEventFilter(this);
    look::styleItemView(m_table);
    usePlainToolTips(m_table);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    top->addWidget(m_busyText);
    top->addWidget(m_busy);
    top->addWidget(m_refresh);
    top->addWidget(m_import);
    top->addWidget(m_add);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    // The detail reads best at its full width; the table elides addresses first.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({ 520, 580 });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_info);
    layout->addWidget(m_readOnly);
    layout->addWidget(split, 1);

    // Keys: Ctrl+F and Ctrl+N anywhere in the view, Delete on the table (in the search box it
    // deletes text).
    auto* find = new QAction(tr("Search users"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto* add = new QAction(tr("Add user…"), this);
    add->setShortcut(QKeySequence::New);
    add->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(add);
    connect(add, &QAction::triggered, this, &UsersView::openAddDialog);
    auto* remove = new QAction(tr("Remove user…"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(remove);
    connect(remove, &QAction::triggered, this, &UsersView::openRemoveDialog);
    connect(addRefreshShortcut(this), &QAction::triggered, this, &UsersView::refresh);

    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMs);
    connect(m_settle, &QTimer::timeout, this, &UsersView::onSettled);

    connect(m_search, &QLineEdit::textChanged, m_filter, &UsersFilterModel::setFilter);
    connect(m_search, &QLineEdit::textChanged, this, &UsersView::updateCount);
    connect(m_add, &QPushButton::clicked, this, &UsersView::openAddDialog);
    connect(m_import, &QPushButton::clicked, this, &UsersView::importRequested);
    connect(m_refresh, &QPushButton::clicked, this, &UsersView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &UsersView::onCurrentChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &UsersView::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &UsersView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &UsersView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &UsersView::updateCount);
    // The proxy drops a row when its source is about to, before the total has changed: the
    // total is counted again once the source has removed (or added) it.
    connect(m_users, &QAbstractItemModel::rowsRemoved, this, &UsersView::updateCount);
    connect(m_users, &QAbstractItemModel::rowsInserted, this, &UsersView::updateCount);
    // The shown user changed on the server (after an edit): the pane follows.
    connect(m_users, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& first, const QModelIndex& last) {
            const int row = m_filter->mapToSource(m_table->currentIndex()).row();
            if (row >= first.row() && row <= last.row())
                showCurrentInPane();
        });

    connect(m_detail, &UserDetailPane::editRequested, this, &UsersView::openEditDialog);
    connect(m_detail, &UserDetailPane::removeRequested, this, &UsersView::openRemoveDialog);
    connect(m_detail, &UserDetailPane::pageRequested, this, [this](const QString& username) {
        if (!username.isEmpty())
            Q_EMIT pageRequested({ IncidentTarget::user(username) });
    });

    OrgDirectory* directory = m_controller->directory();
    if (directory) {
        connect(
            directory, &OrgDirectory::listFinished, this, [this](OrgDirectory::List list, bool ok) {
                if (list != OrgDirectory::List::Users)
                    return;
                if (ok && !m_selectWhenListed.isEmpty()
                    && selectUser(std::exchange(m_selectWhenListed, QString())))
                    m_table->scrollTo(m_table->currentIndex());
                updateBusy();
            });
        connect(directory, &OrgDirectory::usersFailed, this, &UsersView::showError);
    }
    connect(m_controller, &UsersController::writingChanged, this, [this] {
        updateBusy();
        updateActions();
    });
    connect(m_controller, &UsersController::readOnlyChanged, this, &UsersView::updateActions);
    connect(
        m_controller, &UsersController::pagingPolicyLoadingChanged, this, &UsersView::updateBusy);
    connect(m_controller, &UsersController::pagingPolicyLoaded, m_detail,
        &UserDetailPane::showPagingPolicy);
    connect(m_controller, &UsersController::pagingPolicyFailed, m_detail,
        &UserDetailPane::showPagingPolicyError);

    connect(m_controller, &UsersController::userAdded, this, [this](const User& user) {
        m_error->hide();
        showInfo(tr("Invited %1: an e-mail with a link to set a password is on its way to %2.")
                     .arg(quotedName(user.displayName()), user.email));
        m_selectWhenListed = user.username;
        if (m_editDialog && m_editDialog->isNew())
            m_editDialog->finish();
    });
    connect(m_controller, &UsersController::userEdited, this, [this](const User& user) {
        m_error->hide();
        showInfo(tr("Saved the changes to %1.").arg(quotedName(user.displayName())));
        if (m_editDialog && m_editDialog->editedUsername() == user.username)
            m_editDialog->finish();
    });
    connect(m_controller, &UsersController::userRemoved, this, [this](const QString& username) {
        m_error->hide();
        // The list read before the removal still names them.
        const QString name = m_controller->directory()
            ? m_controller->directory()->userDisplayName(username)
            : username;
        showInfo(tr("Removed %1.").arg(quotedName(name)));
        if (m_removeDialog && m_removeDialog->username() == username)
            m_removeDialog->finish();
    });
    connect(m_controller, &UsersController::writeFailed, this,
        [this](UsersController::Write write, const QString& username, const QString& message) {
            m_info->hide();
            // The dialog that sent it shows why and keeps what was typed; else the view does.
            if (write == UsersController::Write::Remove && m_removeDialog
                && m_removeDialog->username() == username && m_removeDialog->isBusy()) {
                m_removeDialog->refused(message);
                return;
            }
            if (write != UsersController::Write::Remove && m_editDialog && m_editDialog->isBusy()
                && (m_editDialog->isNew() == (write == UsersController::Write::Add))) {
                m_editDialog->refused(message);
                return;
            }
            showError(message);
        });

    m_users->setDirectory(directory);
    if (directory && !directory->hasUsers())
        directory->ensureLoaded(RequestScheduler::Priority::User);
    updateCount();
    updateBusy();
    updateActions();
}

UsersView::~UsersView() = default;

void UsersView::refresh()
{
    if (OrgDirectory* directory = m_controller->directory())
        directory->refresh(RequestScheduler::Priority::User);
    updateBusy();
}

UserEditDialog* UsersView::editDialog() const { return m_editDialog; }

RemoveUserDialog* UsersView::removeDialog() const { return m_removeDialog; }

void UsersView::setSettleDelay(int ms) { m_settle->setInterval(ms); }

QString UsersView::currentUser() const
{
    return m_table->currentIndex().data(UsersModel::UsernameRole).toString();
}

bool UsersView::selectUser(const QString& username)
{
    if (m_users->rowOf(username) < 0)
        return false;
    int row = m_filter->rowOf(username);
    if (row < 0) {
        m_search->clear();
        row = m_filter->rowOf(username);
    }
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_filter->index(row, 0));
    return true;
}

void UsersView::onCurrentChanged()
{
    showCurrentInPane();
    // Arrowing through the list reads nothing; where the selection rests is read.
    if (currentUser().isEmpty())
        m_settle->stop();
    else
        m_settle->start();
    updateActions();
}

void UsersView::showCurrentInPane()
{
    // Through the proxy's mapping: a refresh may change thousands of rows, one lookup each.
    const int row = m_filter->mapToSource(m_table->currentIndex()).row();
    if (row < 0) {
        m_detail->clear();
        return;
    }
    m_detail->setUser(m_users->userAt(row), m_users->nameAt(row));
}

void UsersView::onSettled()
{
    const QString username = currentUser();
    if (username.isEmpty())
        return;
    if (m_people)
        m_people->request(username);
    m_detail->showPagingPolicyLoading(username);
    m_controller->loadPagingPolicy(username);
    updateBusy();
    Q_EMIT userSettled(username);
}

bool UsersView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_search) {
            if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
                m_search->clear();
                return true;
            }
            // Down or Enter from the search goes to the results.
            if ((key->key() == Qt::Key_Down || enter) && m_filter->rowCount() > 0) {
                if (!m_table->currentIndex().isValid())
                    m_table->setCurrentIndex(m_filter->index(0, 0));
                m_table->setFocus(Qt::TabFocusReason);
                return true;
            }
        } else if (watched == m_table && enter && m_table->currentIndex().isValid()) {
            m_detail->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString UsersView::countText() const
{
    const QLocale locale;
    const int all = m_users->rowCount();
    const int shown = m_filter->rowCount();
    const QString total = tr("%Ln user(s)", nullptr, all);
    if (m_filter->filterWords().isEmpty() || shown == all)
        return total;
    return tr("%1 of %2", "12 of 5,000 users").arg(locale.toString(shown), total);
}

void UsersView::updateCount() { m_count->setText(countText()); }

void UsersView::showError(const QString& message) { showNotice(m_error, message, true); }

void UsersView::showInfo(const QString& message) { showNotice(m_info, message, false); }

void UsersView::setReadOnlyReason(const QString& reason)
{
    m_readOnlyReason = reason;
    updateActions();
}

QString UsersView::readOnlyReason() const
{
    const QString refused = m_controller->readOnlyReason();
    return refused.isEmpty() ? m_readOnlyReason : refused;
}

void UsersView::updateActions()
{
    const QString reason = readOnlyReason();
    showNotice(m_readOnly, reason, false);
    m_add->setEnabled(reason.isEmpty());
    m_import->setEnabled(reason.isEmpty());
    m_add->setToolTip(reason.isEmpty() ? tr("Invite a new user (Ctrl+N)") : plainToolTip(reason));
    m_detail->setWriteBlocked(reason);
}

void UsersView::updateBusy()
{
    QString what;
    OrgDirectory* directory = m_controller->directory();
    if (m_controller->isWriting())
        what = tr("Saving…");
    else if (directory && directory->isLoading(OrgDirectory::List::Users))
        what = tr("Reading users…");
    else if (m_controller->isLoadingPagingPolicy())
        what = tr("Reading the paging policy…");
    m_busyText->setText(what);
    m_busyText->setVisible(!what.isEmpty());
    m_busy->setVisible(!what.isEmpty());
}

UserEditDialog* UsersView::makeEditDialog(const std::optional<User>& existing)
{
    OrgDirectory* directory = m_controller->directory();
    auto* dialog = new UserEditDialog(existing, directory ? directory->users() : QList<User>(),
        directory ? directory->userNames() : QHash<QString, QString>(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

void UsersView::openAddDialog()
{
    if (!m_add->isEnabled())
        return;
    if (raiseOpen(m_editDialog))
        return;
    m_editDialog = makeEditDialog(std::nullopt);
    connect(m_editDialog, &UserEditDialog::submitted, m_controller, &UsersController::addUser);
    m_editDialog->open();
}

int UsersView::writableCurrentRow() const
{
    const int row = m_users->rowOf(currentUser());
    return readOnlyReason().isEmpty() ? row : -1;
}

void UsersView::openEditDialog()
{
    const int row = writableCurrentRow();
    if (row < 0 || raiseOpen(m_editDialog))
        return;
    const QString username = m_users->userAt(row).username;
    m_editDialog = makeEditDialog(m_users->userAt(row));
    connect(m_editDialog, &UserEditDialog::submitted, this,
        [this, username](const UserPayload& user) { m_controller->editUser(username, user); });
    m_editDialog->open();
}

void UsersView::openRemoveDialog()
{
    const int row = writableCurrentRow();
    if (row < 0 || raiseOpen(m_removeDialog))
        return;
    m_removeDialog
        = new RemoveUserDialog(m_users->userAt(row), m_users->nameAt(row), m_users, m_people, this);
    m_removeDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        m_removeDialog, &RemoveUserDialog::submitted, m_controller, &UsersController::removeUser);
    m_removeDialog->open();
}

} // namespace rota
