// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Chat: posting a message into the Splunk On-Call timeline, optionally on an incident
// (POST /api-public/v1/chat), and reading messages back (GET /api-public/v1/chat, which only the
// newest Go client calls: a service without it answers 404, ApiError::NotFound).
#pragma once

#include "apiclient.h"
#include "calls.h"
#include "operations.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rota {

class JsonReader;

//! One chat message of GET /api-public/v1/chat.
struct ChatMessage {
    QString username;
    QString text;
    QDateTime serviceTime; //!< UTC; epoch milliseconds on the wire
    qint64 sequence = 0; //!< increasing in the order the service took the messages
    QStringList tags; //!< absent on the wire: empty

    static ChatMessage fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The answer of GET /api-public/v1/chat: {"messages": [...], "hasMore": bool}.
struct ChatMessageList {
    QList<ChatMessage> messages;
    bool hasMore = false;

    static ChatMessageList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The body of POST /api-public/v1/chat.
struct ChatPost {
    QString username; //!< the VictorOps user the message is posted as
    QString text;
    QString externalUsername; //!< empty: the username
    QString monitoringTool = QStringLiteral("Rota");
    qint64 incidentId = 0; //!< 0: on no incident
    QStringList tags; //!< sent only when not empty

    QJsonObject toJson() const;
};

//! What GET /api-public/v1/chat is asked for; a zero field is left out, as the Go client does.
struct ChatQuery {
    qint64 incidentId = 0;
    int limit = 0;
    int offset = 0;
};

//! Whether a failed GET /api-public/v1/chat says the service has no such read (404 not about an
//! incident), rather than that the incident asked about is not there.
bool chatReadUnavailable(const ApiError& error);

namespace calls {

//! POST /api-public/v1/chat. The answer ({} or empty) carries nothing.
ApiCall<NoContent> postChatMessage(ApiClient& client, const ChatPost& message);
//! GET /api-public/v1/chat (unconfirmed: a 404 means the service does not offer it).
ApiCall<ChatMessageList> listChatMessages(
    ApiClient& client, const ChatQuery& query, CallPriority priority = {});

} // namespace calls

} // namespace rota
