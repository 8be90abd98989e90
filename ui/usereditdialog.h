// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "people.h"

#include <QDialog>
#include <QHash>
#include <QString>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace rota {

//! Adds a user (an invitation by e-mail) or changes one's name and e-mail (their username cannot
//! change). What is typed is checked before anything is sent, with what is wrong in words: the
//! names must be given, the username must be one the service takes and nobody else's, the e-mail
//! must look like an address and be nobody else's.
//!
//! The dialog does not send anything itself: Send/Save emits submitted() and waits (busy) until
//! the view reports the server's answer: finish() closes it, refused() shows why and keeps
//! everything typed.
class UserEditDialog : public QDialog {
    Q_OBJECT
public:
    //! `existing`: the user to change; none: a new user. `others` are the org's users (for taken
    //! usernames and addresses), `names` their shown names.
    UserEditDialog(const std::optional<User>& existing, const QList<User>& others,
        const QHash<QString, QString>& names, QWidget* parent = nullptr);
    ~UserEditDialog() override;

    bool isNew() const { return !m_existing.has_value(); }
    //! The user being changed; empty for a new one.
    QString editedUsername() const { return m_existing ? m_existing->username : QString(); }

    //! What the fields say, trimmed.
    UserPayload payload() const;
    //! Why what is typed cannot be sent, in words; empty when it can.
    QString problem() const;
    //! The problem (or the server's refusal) shown; empty when none is.
    QString shownProblem() const;
    bool isBusy() const { return m_busy; }

    //! Checks and, when all is well, emits submitted() and waits for the answer.
    void submit();
    //! The server refused: shows `message`, lets the user change what they typed.
    void refused(const QString& message);
    //! The server did it: the dialog closes (accepted).
    void finish();

    QLineEdit* firstNameEdit() const { return m_first; }
    QLineEdit* lastNameEdit() const { return m_last; }
    QLineEdit* usernameEdit() const { return m_username; }
    QLineEdit* emailEdit() const { return m_email; }
    QPushButton* sendButton() const { return m_send; }

Q_SIGNALS:
    void submitted(const rota::UserPayload& user);

private:
    void setBusy(bool busy);
    void showProblem(const QString& text);
    void suggestUsername();
    QLineEdit* fieldOfProblem() const;

    std::optional<User> m_existing;
    QHash<QString, QString> m_usernames; //!< case-folded username → shown name
    QHash<QString, QString> m_emails; //!< case-folded e-mail → shown name
    QLineEdit* m_first;
    QLineEdit* m_last;
    QLineEdit* m_username;
    QLineEdit* m_email;
    QLabel* m_problem;
    QProgressBar* m_progress;
    QDialogButtonBox* m_buttons;
    QPushButton* m_send;
    bool m_busy = false;
    bool m_usernameTyped = false; //!< the username was typed, not suggested
    bool m_tried = false; //!< submit() was pressed once: problems follow the typing
};

} // namespace rota
