// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The org's users to add to a team: a filter box, a list to select from and drag (onto a team or
// its member list), and "Add to team" (Ctrl+Enter) for the keyboard.

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace rota {

class UserPickModel;
class UsersFilterModel;
class UsersModel;

class UserPickList : public QWidget {
    Q_OBJECT
public:
    //! Shows the users of `users` (not owned; it must outlive the list), filtered by the words
    //! of the filter box (name, username, e-mail).
    explicit UserPickList(UsersModel* users, QWidget* parent = nullptr);
    ~UserPickList() override;

    //! The list's model: the filtered users, the chosen team's members marked.
    UserPickModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    QLineEdit* filterEdit() const { return m_filter; }

    //! The usernames selected, in the list's order.
    QStringList selectedUsernames() const;
    //! Selects these users (those the filter hides are left out); the first becomes current.
    void selectUsernames(const QStringList& usernames);
    //! What "Add to team" says it adds to (empty: nothing to add to, the action is disabled).
    void setTargetTeam(const QString& teamName);
    //! A line under the list (why the users are missing, e.g. a failed read), empty to hide it.
    void setNotice(const QString& text);

    //! Asks for the selected users to be added (as the button and Ctrl+Enter do).
    void addSelected();

Q_SIGNALS:
    //! "Add to team" with these users selected.
    void addRequested(const QStringList& usernames);

private:
    void updateButton();

    UsersFilterModel* m_filterModel;
    UserPickModel* m_model;
    QLineEdit* m_filter;
    QListView* m_list;
    QLabel* m_notice;
    QPushButton* m_add;
    QString m_team;
};

} // namespace rota
