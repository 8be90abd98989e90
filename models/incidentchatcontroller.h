// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;
class IncidentChat;
class IncidentModel;
class Poll;
struct ApiError;
struct ChatMessage;

//! Reads the conversation of the incident shown into an IncidentChat and posts messages to it as
//! the signed-in user; marks incidents with chat not read yet in the IncidentModel.
//!
//! Reading spends little: while an incident is shown and the window is visible (setActive), its
//! conversation is read every incidentIntervalMs() (25 s) at Background priority, once at once
//! when it is shown; and, for the unread marks, the org's newest messages every orgIntervalMs()
//! (30 s). The chat read does not name incidents, so only when it shows a message newer than any
//! seen before (and not this person's) are the open incidents' newest messages read (at most
//! MaxProbes, one call each) to find where it went. An incident counts as unread when its newest
//! message is newer than the one shown to this person (or than the newest when the controller
//! first looked, for incidents never shown) and someone else wrote it; showing it clears the mark.
//!
//! GET /api-public/v1/chat is an operation only one client knows: when the service answers 404
//! (chatReadUnavailable), reading stops for good and readUnavailableText() says so in words;
//! posting still works, and what is posted from here stays shown as sent.
//!
//! Posting: post() sends the text as the signed-in user on the incident shown; it shows at once
//! (pending), and the incident's draft (setDraft) keeps the text until the service took it, so a
//! failed post loses nothing (postFailed says why, in words, naming the incident).
class IncidentChatController : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIncidentIntervalMs = 25000;
    static constexpr int DefaultOrgIntervalMs = 30000;
    static constexpr int MaxProbes = 10;
    //! How many of the newest messages of the shown incident are read.
    static constexpr int ConversationLimit = 100;

    //! Nothing is owned; all must outlive the controller. `incidents` may be null (no marks).
    IncidentChatController(
        ApiClient* client, IncidentChat* chat, IncidentModel* incidents, QObject* parent = nullptr);
    ~IncidentChatController() override;

    IncidentChat* chat() const { return m_chat; }

    //! Shows this incident's conversation (empty: none) and reads it at once; clears its mark.
    void setIncident(const QString& incidentNumber);
    QString incidentNumber() const;
    //! Whether the window is visible: reading runs only then. Becoming active reads at once.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    //! Reads the shown incident's conversation now (user priority).
    void refresh();
    //! Reads the org's newest messages now, for the unread marks.
    void checkUnread();

    void setIntervals(int incidentMs, int orgMs);
    int incidentIntervalMs() const;
    int orgIntervalMs() const;

    //! Posts `text` on the incident shown as the signed-in user. False (nothing sent) when no
    //! incident is shown, the text is blank or a post of that incident is on its way.
    bool post(const QString& text);
    bool isSending(const QString& incidentNumber) const
    {
        return m_sending.contains(incidentNumber);
    }

    QString draft(const QString& incidentNumber) const { return m_drafts.value(incidentNumber); }
    void setDraft(const QString& incidentNumber, const QString& text);
    //! The incidents whose drafts hold text not on its way, in number order (what a quit loses).
    QStringList unsentDrafts() const;
    //! The incidents a message is being posted on, in number order.
    QStringList sendingIncidents() const;
    //! Posts every unsent draft (on any incident, shown or not).
    void sendDrafts();
    //! Drops every draft not on its way.
    void discardDrafts();
    //! Why the last post on the incident failed, in words; empty when it did not.
    QString postError(const QString& incidentNumber) const
    {
        return m_errors.value(incidentNumber);
    }

    //! False once the service answered 404 to the chat read.
    bool canRead() const { return m_canRead; }
    //! Why the conversation is not shown, in words (empty while it can be read).
    QString readUnavailableText() const;
    //! The state of the shown conversation in words: loading, the last read's error, or empty.
    QString statusText() const { return m_status; }
    bool isUnread(const QString& incidentNumber) const { return m_unread.contains(incidentNumber); }

Q_SIGNALS:
    void sendingChanged(const QString& incidentNumber, bool sending);
    //! The service took the message; the incident's draft is empty again.
    void posted(const QString& incidentNumber);
    //! The service refused the message (or did not answer); the draft still holds it. `message`
    //! names the incident and says why.
    void postFailed(const QString& incidentNumber, const QString& message);
    void canReadChanged(bool canRead);
    void statusChanged(const QString& text);
    void unreadChanged(const QString& incidentNumber, bool unread);
    //! The conversation of the incident shown was read (and is in the IncidentChat).
    void conversationRead(const QString& incidentNumber);

private:
    bool postTo(const QString& incidentNumber, const QString& text);
    void readConversation(bool user);
    void readOrg();
    void probe(const QString& incidentNumber);
    //! The newest message of `messages` someone else wrote; nullptr when none.
    const ChatMessage* newestFromOthers(const QList<ChatMessage>& messages) const;
    void setUnread(const QString& incidentNumber, bool unread);
    void readFailed(const ApiError& error);
    void setStatus(const QString& text);
    void updatePolling();
    bool isMine(const QString& username) const;

    ApiClient* m_client;
    QPointer<IncidentChat> m_chat;
    QPointer<IncidentModel> m_incidents;
    Poll* m_conversationPoll;
    Poll* m_orgPoll;
    QPointer<ApiReply> m_conversationReply;
    QPointer<ApiReply> m_orgReply;
    QSet<QString> m_probing;
    bool m_active = false;
    bool m_canRead = true;
    QString m_status;
    quint64 m_generation = 0; //!< bumped by setIncident: answers for an incident no longer shown go
    //! The newest sequence the org read has shown; -1 before the first read.
    qint64 m_orgNewest = -1;
    //! The org's newest sequence when the controller first looked: older messages count as read.
    qint64 m_baseline = -1;
    QHash<QString, qint64> m_lastRead; //!< incident -> newest sequence shown to this person
    QSet<QString> m_unread;
    QSet<QString> m_sending;
    QHash<QString, QString> m_drafts;
    QHash<QString, QString> m_errors; //!< incident -> why its last post failed
};

} // namespace rota
