// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Chat: posting a message into the timeline (POST /api-public/v1/chat), optionally on an incident,
// and reading the messages back (GET /api-public/v1/chat, which only one client calls: rota-sim
// --no-chat-read answers it 404 like a service without it).

#include "simincidents.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <optional>

namespace rota::sim {

namespace {

QJsonObject messageJson(const SimChatMessage& message)
{
    return QJsonObject {
        { QStringLiteral("username"), message.username },
        { QStringLiteral("text"), message.text },
        { QStringLiteral("serviceTime"), message.at.toMSecsSinceEpoch() },
        { QStringLiteral("sequence"), message.sequence },
        { QStringLiteral("tags"), QJsonArray::fromStringList(message.tags) },
    };
}

SimChatMessage& append(SimContext& ctx, QList<SimChatMessage>& timeline, SimChatMessage message)
{
    message.sequence = ctx.org.nextChatSequence++;
    timeline.append(std::move(message));
    return timeline.last();
}

SimReply postChat(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    if (body.isArray())
        return SimReply::badRequest(QStringLiteral("the request body must be a JSON object"));
    SimChatMessage message;
    message.username = body.requireString(QStringLiteral("username"));
    message.text = body.requireString(QStringLiteral("text"));
    message.externalUsername
        = body.optString(QStringLiteral("externalUsername")).value_or(QString());
    message.monitoringTool = body.optString(QStringLiteral("monitoringTool")).value_or(QString());
    const std::optional<qint64> incidentId = body.optInt(QStringLiteral("incidentId"));
    const std::optional<QJsonArray> tags = body.optArray(QStringLiteral("tags"));
    if (tags) {
        for (qsizetype i = 0; i < tags->size(); ++i) {
            if (!tags->at(i).isString()) {
                body.fail(QStringLiteral("field 'tags[%1]' must be a string").arg(i));
                break;
            }
            message.tags.append(tags->at(i).toString());
        }
    }
    if (!body.ok())
        return body.error();
    if (message.text.trimmed().isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'text' must not be empty"));
    if (message.text.size() > 10000)
        return SimReply::badRequest(QStringLiteral("field 'text' is longer than 10000 characters"));
    if (!ctx.org.users.contains(message.username))
        return SimReply::notFound(QStringLiteral("user"));
    QList<SimChatMessage>* timeline = &ctx.org.chat;
    if (incidentId) {
        const auto incident
            = ctx.org.incidents.find(int(std::clamp<qint64>(*incidentId, 0, INT_MAX)));
        if (*incidentId <= 0 || incident == ctx.org.incidents.end())
            return SimReply::notFound(QStringLiteral("Incident %1").arg(*incidentId));
        timeline = &incident->chat;
    }
    message.at = ctx.now();
    append(ctx, *timeline, std::move(message));
    return SimReply::json(QJsonObject {});
}

// Paging: offset counts back from the newest message, so offset 0 is the latest `limit` messages,
// and each page lists its messages oldest first (newest last), as a conversation reads. hasMore
// says older messages remain beyond the page. The service's own order is not documented; this is
// what a chat timeline that loads older messages on demand needs, and it keeps the first page (the
// one a client polls) the newest.
SimReply getChat(SimContext& ctx, const SimRequest& request)
{
    if (!ctx.options.chatRead)
        return SimReply::error(404, QStringLiteral("Path not found"));
    QString problem;
    // The only client omits a parameter when it is zero: 0 is "the default".
    const auto limit = queryInt(request, QStringLiteral("limit"), 0, 0, INT_MAX, &problem);
    const auto offset = queryInt(request, QStringLiteral("offset"), 0, 0, INT_MAX, &problem);
    const auto incidentId
        = queryInt(request, QStringLiteral("incidentId"), 0, 0, INT_MAX, &problem);
    if (!limit || !offset || !incidentId)
        return SimReply::badRequest(problem);
    const qint64 pageSize = *limit == 0 ? 100 : std::min<qint64>(*limit, 1000);

    std::vector<const SimChatMessage*> all;
    if (*incidentId > 0) {
        const auto incident = ctx.org.incidents.constFind(int(*incidentId));
        if (incident == ctx.org.incidents.cend())
            return SimReply::notFound(QStringLiteral("Incident %1").arg(*incidentId));
        for (const SimChatMessage& message : incident->chat)
            all.push_back(&message);
    } else {
        for (const SimChatMessage& message : std::as_const(ctx.org.chat))
            all.push_back(&message);
        for (const SimIncident& incident : std::as_const(ctx.org.incidents)) {
            for (const SimChatMessage& message : incident.chat)
                all.push_back(&message);
        }
        std::sort(all.begin(), all.end(), [](const SimChatMessage* a, const SimChatMessage* b) {
            return a->sequence < b->sequence;
        });
    }
    const qint64 total = qint64(all.size());
    const qint64 end = std::max<qint64>(0, total - *offset);
    const qint64 begin = std::max<qint64>(0, end - pageSize);
    QJsonArray messages;
    for (qint64 i = begin; i < end; ++i)
        messages.append(messageJson(*all[size_t(i)]));
    return SimReply::json(QJsonObject {
        { QStringLiteral("messages"), messages },
        { QStringLiteral("hasMore"), begin > 0 },
    });
}

const char* const kResponderLines[] = {
    "Looking into it now.",
    "Graphs show the spike started a few minutes before the alert.",
    "Restarted the service; watching the error rate.",
    "Runbook: https://wiki.northwind-labs.example/runbooks/triage",
    "Rolled back the last deploy, recovering.",
    "Customer impact looks limited to the EU region.",
    "Paging the database team for a second pair of eyes.",
    "Disk was at 98%, cleared old logs.",
    "Still seeing timeouts from the load balancer.",
    "Opened a ticket to fix this properly after the shift.",
};
constexpr int kResponderLineCount = int(sizeof(kResponderLines) / sizeof(kResponderLines[0]));

//! Who would write on the incident: someone it paged, else any user of the org.
QString responder(const SimOrg& org, const SimIncident& incident, QRandomGenerator& gen)
{
    QStringList candidates;
    for (const QString& user : incident.pagedUsers) {
        if (org.users.contains(user))
            candidates.append(user);
    }
    if (candidates.isEmpty())
        candidates = org.users.keys();
    if (candidates.isEmpty())
        return {};
    return candidates.at(gen.bounded(int(candidates.size())));
}

bool isOpenIncident(const SimIncident& incident) { return incident.phase != kResolved; }

} // namespace

void seedChat(SimContext& ctx)
{
    // A generator of its own, so the rest of the seeded org stays as it was before chat existed.
    QRandomGenerator gen(ctx.options.seed * 2654435761U + 0x5eedU);
    const QDateTime now = ctx.now();
    int written = 0;
    for (SimIncident& incident : ctx.org.incidents) {
        if (!isOpenIncident(incident) || written >= 12 || gen.generateDouble() >= 0.5)
            continue;
        ++written;
        const int count = 1 + int(gen.bounded(4));
        const qint64 span = std::max<qint64>(60000, incident.startTime.msecsTo(now));
        QList<qint64> offsets;
        for (int i = 0; i < count; ++i)
            offsets.append(qint64(gen.bounded(quint32(std::min<qint64>(span, 3600000)))));
        std::sort(offsets.begin(), offsets.end());
        for (qint64 offsetMs : offsets) {
            SimChatMessage message;
            message.username = responder(ctx.org, incident, gen);
            message.text = QString::fromLatin1(kResponderLines[gen.bounded(kResponderLineCount)]);
            message.at = std::min(now, incident.startTime.addMSecs(offsetMs));
            if (!message.username.isEmpty())
                append(ctx, incident.chat, std::move(message));
        }
    }
}

void simulateChat(SimContext& ctx)
{
    // Seeded from the org's counters rather than ctx.rng, so live incidents come out as they did
    // before chat existed.
    QRandomGenerator gen(quint32(ctx.options.seed)
        ^ quint32(ctx.org.nextIncidentNumber * 2654435761U)
        ^ quint32(ctx.org.nextChatSequence * 40503U));
    if (gen.generateDouble() >= 0.35)
        return;
    SimIncident* pick = nullptr;
    quint32 seen = 0;
    for (SimIncident& candidate : ctx.org.incidents) {
        if (!isOpenIncident(candidate))
            continue;
        if (gen.bounded(++seen) == 0)
            pick = &candidate;
    }
    if (!pick)
        return;
    SimChatMessage message;
    message.username = responder(ctx.org, *pick, gen);
    message.text = QString::fromLatin1(kResponderLines[gen.bounded(kResponderLineCount)]);
    message.at = ctx.now();
    if (!message.username.isEmpty())
        append(ctx, pick->chat, std::move(message));
}

void registerChatRoutes(SimRouter& router, SimContext& ctx)
{
    // No limit is documented for either.
    addRoute(router, ctx, "POST", "/api-public/v1/chat", 0, postChat);
    addRoute(router, ctx, "GET", "/api-public/v1/chat", 0, getChat);
}

} // namespace rota::sim
