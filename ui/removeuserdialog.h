// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "people.h"

#include <QDialog>
#include <QPointer>
#include <QString>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeView;

namespace rota {

class PersonDetails;
class UsersFilterModel;
class UsersModel;

//! Confirms removing a user, and who takes their place: a user chosen from a searchable list of
//! the others (the default), the organisation's first global admin, or each team's admin. Before
//! Remove is pressed it says in words what follows: the teams and escalation policies they are in
//! (from PersonDetails, read if not known yet) and that their places in rotations and policies go
//! to the replacement.
//!
//! Like UserEditDialog it sends nothing itself: Remove emits submitted() and waits until the view
//! calls finish() or refused() (which keeps the choice).
class RemoveUserDialog : public QDialog {
    Q_OBJECT
public:
    //! `users` is the org's users model (shared, not owned); `people` may be nullptr.
    RemoveUserDialog(const User& user, const QString& shownName, UsersModel* users,
        PersonDetails* people, QWidget* parent = nullptr);
    ~RemoveUserDialog() override;

    QString username() const { return m_user.username; }
    //! What the dialog would send now.
    DeleteUserRequest request() const;
    //! The replacement chosen in the list; empty when none is.
    QString replacement() const;
    //! Chooses `username` in the list (clearing the search when it hides them); false when they
    //! are not in it.
    bool chooseReplacement(const QString& username);
    //! The consequences as shown.
    QString consequences() const;
    QString shownProblem() const;
    bool isBusy() const { return m_busy; }

    void submit();
    void refused(const QString& message);
    void finish();

    QLineEdit* searchEdit() const { return m_search; }
    QTreeView* replacementList() const { return m_list; }
    QPushButton* removeButton() const { return m_remove; }
    QRadioButton* globalAdminChoice() const { return m_globalAdmin; }
    QRadioButton* teamAdminChoice() const { return m_teamAdmin; }

Q_SIGNALS:
    void submitted(const QString& username, const rota::DeleteUserRequest& request);

private:
    void updateConsequences();
    void setBusy(bool busy);

    User m_user;
    QString m_shownName;
    UsersModel* m_users;
    QPointer<PersonDetails> m_people;
    UsersFilterModel* m_filter;
    QRadioButton* m_specified;
    QRadioButton* m_globalAdmin;
    QRadioButton* m_teamAdmin;
    QButtonGroup* m_strategy;
    QLineEdit* m_search;
    QTreeView* m_list;
    QLabel* m_consequences;
    QLabel* m_problem;
    QProgressBar* m_progress;
    QDialogButtonBox* m_buttons;
    QPushButton* m_remove;
    bool m_busy = false;
};

} // namespace rota
