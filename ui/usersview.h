// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"
#include "people.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeView;

namespace rota {

class PersonDetails;
class RemoveUserDialog;
class UserDetailPane;
class UserEditDialog;
class UsersController;
class UsersFilterModel;
class UsersModel;

//! The "users" page: the org's users in a sortable table with a search box that filters as one
//! types (name, username, e-mail; every word must match; Ctrl+F focuses it, Esc clears it), and
//! the selected user's detail (UserDetailPane). Their details and paging policy are read once the
//! selection rests (SettleMs), so arrowing through the list costs the API nothing.
//!
//! Admins add a user (an invitation), change one and remove one (with a replacement) in dialogs
//! that stay open with what was typed when the server refuses; a write refused because the key
//! may only read disables them with the reason. Import from CSV… and Page… are the window's
//! (importRequested(), pageRequested()). Keys: Enter on a row focuses the detail, Delete removes,
//! Ctrl+N adds.
class UsersView : public QWidget {
    Q_OBJECT
public:
    //! How long the selection must rest before the user's details and paging policy are read.
    static constexpr int SettleMs = 400;

    //! `users` follows the session's directory (the controller's); `people` may be nullptr (the
    //! detail then shows only the user list's part). Nothing is owned.
    UsersView(UsersModel* users, UsersController* controller, PersonDetails* people,
        QWidget* parent = nullptr);
    ~UsersView() override;

    //! Reads the user list again.
    void refresh();

    //! Selects the user (clearing the search when it hides them); false when there is none.
    bool selectUser(const QString& username);
    //! The selected user's username; empty when none is.
    QString currentUser() const;

    //! Disables adding, changing and removing with `reason` (empty enables them again, unless a
    //! write was refused as read-only since).
    void setReadOnlyReason(const QString& reason);
    QString readOnlyReason() const;

    //! As the buttons and keys do.
    void openAddDialog();
    void openEditDialog();
    void openRemoveDialog();

    void setSettleDelay(int ms);

    UsersModel* usersModel() const { return m_users; }
    UsersFilterModel* filterModel() const { return m_filter; }
    UsersController* controller() const { return m_controller; }
    //! What the detail shows of people; nullptr when the view was given none.
    PersonDetails* people() const { return m_people; }
    QLineEdit* searchEdit() const { return m_search; }
    QTreeView* table() const { return m_table; }
    UserDetailPane* detailPane() const { return m_detail; }
    //! The open Add user/Edit dialog, the open Remove dialog; nullptr when none is open.
    UserEditDialog* editDialog() const;
    RemoveUserDialog* removeDialog() const;
    //! "5,000 users", "12 of 5,000 users".
    QString countText() const;

Q_SIGNALS:
    //! Import from CSV… was chosen.
    void importRequested();
    //! Page… was chosen for the selected user.
    void pageRequested(const QList<rota::IncidentTarget>& targets);
    //! The selection rested on `username`: their details and paging policy are being read.
    void userSettled(const QString& username);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCurrentChanged();
    void onSettled();
    void showCurrentInPane();
    void updateBusy();
    void updateActions();
    void updateCount();
    void showError(const QString& message);
    void showInfo(const QString& message);
    //! The model row of the selected user; -1 when none is selected or writes are blocked.
    int writableCurrentRow() const;
    UserEditDialog* makeEditDialog(const std::optional<User>& existing);

    UsersModel* m_users;
    UsersController* m_controller;
    PersonDetails* m_people;
    UsersFilterModel* m_filter;
    QTimer* m_settle;

    QLineEdit* m_search;
    QLabel* m_count;
    QPushButton* m_add;
    QPushButton* m_import;
    QPushButton* m_refresh;
    QProgressBar* m_busy;
    QLabel* m_busyText;
    QLabel* m_error;
    QLabel* m_info;
    QLabel* m_readOnly;
    QTreeView* m_table;
    UserDetailPane* m_detail;

    QPointer<UserEditDialog> m_editDialog;
    QPointer<RemoveUserDialog> m_removeDialog;
    QString m_selectWhenListed; //!< an added user to select once the list has them
    QString m_readOnlyReason; //!< set by setReadOnlyReason()
};

} // namespace rota
