// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "stakeholders.h"

#include <QDialog>
#include <QList>
#include <QString>

class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTextEdit;

namespace rota {

class OrgDirectory;
class StakeholderMessenger;

//! "Notify stakeholders…": a message about one incident to people who follow it without being
//! paged. A title (prefilled from the incident), the text, the recipients (users and teams,
//! completed from the session's OrgDirectory) as a list of those chosen, and a preview of what
//! goes to whom. Send sends once: it is disabled while the message is on its way and after it
//! went, until something changes; the result is said in words. A failure keeps everything typed.
class StakeholderDialog : public QDialog {
    Q_OBJECT
public:
    //! Nothing is owned; both must outlive the dialog. `incidentNumber` may be empty (a message
    //! about no incident); `summary` is the incident's, for the title.
    StakeholderDialog(StakeholderMessenger* messenger, OrgDirectory* directory,
        const QString& incidentNumber, const QString& summary, QWidget* parent = nullptr);
    ~StakeholderDialog() override;

    //! Adds a recipient named the way people type one: a username, a team's slug or name, or
    //! an entry of the completion ("Ana Ruiz (ana.ruiz)", "Platform (team)"). False when the
    //! directory knows no such user or team (yet).
    bool addRecipient(const QString& text);
    //! Removes the chosen recipients selected in the list.
    void removeSelected();
    //! The message as Send would send it.
    StakeholderMessage message() const;
    //! Sends (as the button and Ctrl+Return do); nothing when Send is disabled.
    void send();
    //! A message is written and has not gone (nor is on its way): closing would lose it.
    bool hasUnsentMessage() const;
    //! Why the last send failed, in words; empty when it did not.
    QString sendError() const { return m_error; }

    // For tests and screenshots: the parts a person uses.
    QLineEdit* titleEdit() const { return m_title; }
    QPlainTextEdit* messageEdit() const { return m_text; }
    QLineEdit* recipientEdit() const { return m_recipient; }
    QCompleter* completer() const { return m_completer; }
    QListWidget* recipientList() const { return m_chosen; }
    QTextEdit* preview() const { return m_preview; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* sendButton() const { return m_send; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Recipient {
        bool team = false;
        QString id; //!< username or team slug
        QString label; //!< as the list and the preview show it
    };
    void fillCompletion();
    void addChosen(const Recipient& recipient);
    void changed();
    void updatePreview();
    void updateSend();
    void setStatus(const QString& text, bool error);

    StakeholderMessenger* m_messenger;
    OrgDirectory* m_directory;
    QString m_incident;
    QList<Recipient> m_recipients;
    bool m_waiting = false; //!< this dialog's message is on its way
    bool m_sent = false; //!< sent as it is now; Send waits for a change
    QString m_error; //!< why the last send failed

    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_recipient = nullptr;
    QStandardItemModel* m_choices = nullptr;
    QCompleter* m_completer = nullptr;
    QListWidget* m_chosen = nullptr;
    QPushButton* m_remove = nullptr;
    QTextEdit* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_send = nullptr;
};

} // namespace rota
