// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userpicklist.h"

#include "persondelegate.h"
#include "plaintext.h"
#include "teammemberdropview.h"
#include "teamsmodel.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"

#include <QAction>
#include <QDrag>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace rota {

namespace {

// A list whose drag carries the people's picture (the platform's default is a picture of the
// selected rows, which says nothing once several are picked).
class UserDragList : public QListView {
public:
    using QListView::QListView;

protected:
    void startDrag(Qt::DropActions supportedActions) override
    {
        QModelIndexList indexes = selectionModel()->selectedIndexes();
        if (indexes.isEmpty())
            return;
        std::sort(indexes.begin(), indexes.end());
        QMimeData* data = model()->mimeData(indexes);
        if (!data)
            return;
        QStringList usernames;
        QStringList names;
        for (const QModelIndex& index : std::as_const(indexes)) {
            usernames.append(index.data(UsersModel::UsernameRole).toString());
            names.append(index.data(UsersModel::NameRole).toString());
        }
        auto* drag = new QDrag(this);
        drag->setMimeData(data);
        drag->setPixmap(TeamMemberDropView::dragPixmap(usernames, names, this));
        drag->setHotSpot(TeamMemberDropView::dragHotSpot());
        drag->exec(supportedActions & Qt::CopyAction, Qt::CopyAction);
    }
};

} // namespace

UserPickList::UserPickList(UsersModel* users, QWidget* parent)
    : QWidget(parent)
    , m_filterModel(new UsersFilterModel(this))
    , m_model(new UserPickModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new UserDragList(this))
    , m_notice(new QLabel(this))
    , m_add(new QPushButton(tr("Add to team"), this))
{
    setObjectName(QStringLiteral("userPickList"));
    m_filterModel->setSourceModel(users);
    m_model->setSourceModel(m_filterModel);

    auto* hint
        = new QLabel(tr("Drag people onto a team, or pick them and press Add to team."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_filter->setObjectName(QStringLiteral("userFilter"));
    m_filter->setPlaceholderText(tr("Filter people"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("userList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PersonDelegate(UsersModel::UsernameRole, 0, m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setDefaultDropAction(Qt::CopyAction);
    m_list->setUniformItemSizes(true);
    usePlainToolTips(m_list);
    m_notice->setObjectName(QStringLiteral("userListNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    m_add->setObjectName(QStringLiteral("addToTeam"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_notice);
    layout->addWidget(m_add);

    // Ctrl+Enter from the filter box or the list: the keyboard's way to what a drag does.
    auto* add = new QAction(tr("Add to team"), this);
    add->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    add->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(add);
    connect(add, &QAction::triggered, this, &UserPickList::addSelected);
    connect(m_add, &QPushButton::clicked, this, &UserPickList::addSelected);
    connect(m_filter, &QLineEdit::textChanged, m_filterModel, &UsersFilterModel::setFilter);
    // Return in the filter box goes to the list with its first match chosen, as in a search
    // field, so that Ctrl+Enter then adds it.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() == 0)
            return;
        m_list->setFocus(Qt::OtherFocusReason);
        QModelIndex current = m_list->currentIndex();
        if (!current.isValid())
            current = m_model->index(0, 0);
        if (!m_list->selectionModel()->hasSelection())
            m_list->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &UserPickList::updateButton);
    updateButton();
}

UserPickList::~UserPickList() = default;

QStringList UserPickList::selectedUsernames() const
{
    QModelIndexList indexes = m_list->selectionModel()->selectedIndexes();
    std::sort(indexes.begin(), indexes.end());
    QStringList usernames;
    for (const QModelIndex& index : std::as_const(indexes))
        usernames.append(index.data(UsersModel::UsernameRole).toString());
    return usernames;
}

void UserPickList::selectUsernames(const QStringList& usernames)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString& username : usernames) {
        const int row = m_model->rowOf(username);
        if (row < 0)
            continue;
        const QModelIndex index = m_model->index(row, 0);
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    if (first.isValid())
        m_list->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void UserPickList::setTargetTeam(const QString& teamName)
{
    m_team = teamName;
    updateButton();
}

void UserPickList::setNotice(const QString& text)
{
    setPlainLabelText(m_notice, text, MessageChars);
    m_notice->setVisible(!text.isEmpty());
}

void UserPickList::updateButton()
{
    const bool any = m_list->selectionModel()->hasSelection();
    m_add->setEnabled(any && !m_team.isEmpty());
    if (m_team.isEmpty())
        m_add->setToolTip(tr("Choose a team first"));
    else if (!any)
        m_add->setToolTip(tr("Select people to add to %1").arg(m_team));
    else
        m_add->setToolTip(tr("Add the selected people to %1 (Ctrl+Enter)").arg(m_team));
}

void UserPickList::addSelected()
{
    const QStringList usernames = selectedUsernames();
    if (usernames.isEmpty() || m_team.isEmpty())
        return;
    Q_EMIT addRequested(usernames);
}

} // namespace rota
