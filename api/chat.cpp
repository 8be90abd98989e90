// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "chat.h"

#include "calls.h"
#include "jsonreader.h"

#include <QJsonArray>

namespace rota {

ChatMessage ChatMessage::fromJson(const JsonReader& r)
{
    ChatMessage m;
    m.username = r.sharedStr(QStringLiteral("username"));
    m.text = r.str(QStringLiteral("text"));
    m.serviceTime = r.time(QStringLiteral("serviceTime"));
    m.sequence = r.integer(QStringLiteral("sequence"));
    m.tags = r.sharedStrings(QStringLiteral("tags"));
    return m;
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject o {
        { QStringLiteral("username"), username },
        { QStringLiteral("text"), text },
        { QStringLiteral("sequence"), sequence },
        { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
    };
    if (serviceTime.isValid())
        o.insert(QStringLiteral("serviceTime"), serviceTime.toMSecsSinceEpoch());
    return o;
}

ChatMessageList ChatMessageList::fromJson(const JsonReader& r)
{
    ChatMessageList list;
    if (!r.value().isObject()) {
        JsonReader at = r; // readers of one document share its error
        at.fail(QStringLiteral("expected an object with \"messages\""));
        return list;
    }
    list.messages = readList<ChatMessage>(r, QStringLiteral("messages"));
    list.hasMore = r.boolean(QStringLiteral("hasMore"));
    return list;
}

QJsonObject ChatMessageList::toJson() const
{
    return QJsonObject {
        { QStringLiteral("messages"), toJsonArray(messages) },
        { QStringLiteral("hasMore"), hasMore },
    };
}

QJsonObject ChatPost::toJson() const
{
    // The Go and JavaScript clients always send the first four and leave out the rest when empty.
    QJsonObject o {
        { QStringLiteral("username"), username },
        { QStringLiteral("text"), text },
        { QStringLiteral("externalUsername"),
            externalUsername.isEmpty() ? username : externalUsername },
        { QStringLiteral("monitoringTool"), monitoringTool },
    };
    if (incidentId > 0)
        o.insert(QStringLiteral("incidentId"), incidentId);
    if (!tags.isEmpty())
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    return o;
}

bool chatReadUnavailable(const ApiError& error)
{
    return error.kind == ApiErrorKind::NotFound
        && !error.serverMessage.contains(QLatin1String("incident"), Qt::CaseInsensitive);
}

namespace calls {

ApiCall<NoContent> postChatMessage(ApiClient& client, const ChatPost& message)
{
    // The answer is {} or empty (no source declares one): it is not read.
    return sendNoContent(client, withBody(request(ops::postChatMessage), message.toJson()));
}

ApiCall<ChatMessageList> listChatMessages(
    ApiClient& client, const ChatQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::listChatMessages, {}, priority);
    if (query.incidentId > 0)
        r.query.addQueryItem(QStringLiteral("incidentId"), QString::number(query.incidentId));
    if (query.limit > 0)
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.offset > 0)
        r.query.addQueryItem(QStringLiteral("offset"), QString::number(query.offset));
    return send<ChatMessageList>(client, r);
}

} // namespace calls

} // namespace rota
