// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QHash>
#include <QPlainTextEdit>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCompleter;
class QLabel;
class QPushButton;
class QStringListModel;
class QTextBrowser;

namespace rota {

class IncidentChatController;
class OrgDirectory;

//! The box a chat message is written in: Enter sends (submitted()), Shift+Enter starts a new line.
//! "@" followed by letters offers the org's usernames (setCompleter); Enter or Tab takes the one
//! highlighted.
class ChatBox : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatBox(QWidget* parent = nullptr);
    //! The usernames offered after "@"; not owned.
    void setCompleter(QCompleter* completer);
    QCompleter* completer() const { return m_completer; }
    //! The "@word" being written at the cursor, without the "@"; empty when none.
    QString mentionPrefix() const;

Q_SIGNALS:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void insertCompletion(const QString& username);
    void updateCompletion();

    QCompleter* m_completer = nullptr;
};

//! An incident's conversation beside its timeline: who wrote what and when, as plain text with web
//! addresses made links, newest last; a box to write in (Enter sends, Shift+Enter a new line, @
//! offers people) and a Send button. Sending shows busy; a message that could not be posted stays
//! in the box and the reason is shown in words. Where the service does not let Rota read chat,
//! that is said instead of the conversation (posting still works). Shows what
//! IncidentChatController reads and hands it what is written; knows nothing of the network.
class IncidentChatView : public QWidget {
    Q_OBJECT
public:
    //! Nothing is owned; the controller (and the directory, which may be null) must outlive the
    //! view.
    IncidentChatView(
        IncidentChatController* controller, OrgDirectory* directory, QWidget* parent = nullptr);

    //! Shows this incident's conversation (empty: none); the box holds its draft.
    void setIncident(const QString& incidentNumber);
    //! How a clicked link opens (default: QDesktopServices::openUrl); for tests.
    void setUrlOpener(std::function<void(const QUrl&)> open) { m_openUrl = std::move(open); }

    IncidentChatController* controller() const { return m_controller; }

    // For tests: the widgets a person uses.
    QTextBrowser* conversation() const { return m_conversation; }
    ChatBox* box() const { return m_box; }
    QPushButton* sendButton() const { return m_send; }
    //! The state of the conversation (loading, unavailable, a read error).
    QLabel* stateLabel() const { return m_state; }
    //! Why the last message was not posted.
    QLabel* messageLabel() const { return m_message; }
    //! The conversation as HTML: each message's author, time and text (escaped; http and https
    //! addresses as links).
    QString conversationHtml() const;
    //! `text` HTML-escaped, its web addresses made links, line breaks kept.
    static QString linkified(const QString& text);
    //! Keeps `controller` active (reading) exactly while `page` is visible: shown, and its window
    //! neither hidden nor minimised.
    static void activateWhileVisible(QWidget* page, IncidentChatController* controller);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void fitConversation();
    void send();
    void showFailure(const QString& message); //!< the line under the box; hidden when empty
    //! Scrolls the pane this view is in (if it is in a scroll area) to show the box.
    void keepBoxInView();
    void updateBusy();
    void storeDraft();
    void updateUsers();
    void openLink(const QUrl& url);

    IncidentChatController* m_controller;
    QPointer<OrgDirectory> m_directory;
    QString m_incident;
    QLabel* m_state;
    QTextBrowser* m_conversation;
    ChatBox* m_box;
    QPushButton* m_send;
    QLabel* m_message;
    QCompleter* m_completer;
    QStringListModel* m_usernames;
    std::function<void(const QUrl&)> m_openUrl;
    bool m_loadingDraft = false;
    //! A message sent from the box is on its way: the box stays in view.
    bool m_followBox = false;
    QHash<QString, QString> m_failures; //!< by incident: why its last post failed
};

} // namespace rota
