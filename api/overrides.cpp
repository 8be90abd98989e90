// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "overrides.h"

#include <any>
#include <utility>

namespace rota {

namespace {

//! Sends a call whose answer carries the override under `field` ("override" or "schedule").
ApiCall<ScheduledOverride> sendWrapped(ApiClient& client, ApiRequest request, const QString& field)
{
    request.parse = [field](const JsonReader& reader) -> std::any {
        if (!reader.has(field)) {
            // Without the object there is no override at all: that is a broken answer, not
            // an override with every field missing.
            JsonReader(reader).fail(QStringLiteral("expected an object \"%1\"").arg(field));
            return ScheduledOverride {};
        }
        return ScheduledOverride::fromJson(reader[field]);
    };
    return ApiCall<ScheduledOverride> { client.send(request) };
}

} // namespace

OverrideAssignment OverrideAssignment::fromJson(const JsonReader& r)
{
    OverrideAssignment a;
    a.selfUrl = r.str(QStringLiteral("_selfUrl"));
    a.team = r.str(QStringLiteral("team"));
    a.policy = r.str(QStringLiteral("policy"));
    a.assigned = r.boolean(QStringLiteral("assigned"));
    a.user = r.str(QStringLiteral("user"));
    return a;
}

QJsonObject OverrideAssignment::toJson() const
{
    QJsonObject o { { QStringLiteral("team"), team }, { QStringLiteral("policy"), policy },
        { QStringLiteral("assigned"), assigned } };
    if (!selfUrl.isEmpty())
        o.insert(QStringLiteral("_selfUrl"), selfUrl);
    if (!user.isEmpty())
        o.insert(QStringLiteral("user"), user);
    return o;
}

const OverrideAssignment* OverrideAssignmentList::find(const QString& policySlug) const
{
    for (const OverrideAssignment& assignment : assignments) {
        if (assignment.policy == policySlug)
            return &assignment;
    }
    return nullptr;
}

OverrideAssignmentList OverrideAssignmentList::fromJson(const JsonReader& r)
{
    OverrideAssignmentList list;
    r.forEachElement(
        [&list](JsonReader& e) { list.assignments.append(OverrideAssignment::fromJson(e)); });
    return list;
}

QJsonValue OverrideAssignmentList::toJsonValue() const { return toJsonArray(assignments); }

QJsonObject OverrideAssignmentList::toJson() const
{
    return { { QStringLiteral("items"), toJsonArray(assignments) } };
}

ScheduledOverride ScheduledOverride::fromJson(const JsonReader& r)
{
    ScheduledOverride o;
    o.publicId = r.str(QStringLiteral("publicId"));
    const JsonReader user = r[QStringLiteral("user")];
    o.username = user.str(QStringLiteral("username"));
    o.firstName = user.str(QStringLiteral("firstName"));
    o.lastName = user.str(QStringLiteral("lastName"));
    o.timeZone = r.str(QStringLiteral("timezone"));
    o.start = OffsetTime::fromJson(r[QStringLiteral("start")]);
    o.end = OffsetTime::fromJson(r[QStringLiteral("end")]);
    r.forEach(QStringLiteral("assignments"),
        [&o](JsonReader& e) { o.assignments.append(OverrideAssignment::fromJson(e)); });
    return o;
}

QJsonObject ScheduledOverride::toJson() const
{
    QJsonObject user { { QStringLiteral("username"), username } };
    if (!firstName.isEmpty())
        user.insert(QStringLiteral("firstName"), firstName);
    if (!lastName.isEmpty())
        user.insert(QStringLiteral("lastName"), lastName);
    QJsonObject o { { QStringLiteral("publicId"), publicId }, { QStringLiteral("user"), user },
        { QStringLiteral("timezone"), timeZone },
        { QStringLiteral("assignments"), toJsonArray(assignments) } };
    insertIfSet(o, QStringLiteral("start"), start);
    insertIfSet(o, QStringLiteral("end"), end);
    return o;
}

ScheduledOverrideList ScheduledOverrideList::fromJson(const JsonReader& r)
{
    ScheduledOverrideList list;
    r.forEach(QStringLiteral("overrides"),
        [&list](JsonReader& e) { list.overrides.append(ScheduledOverride::fromJson(e)); });
    list.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return list;
}

QJsonObject ScheduledOverrideList::toJson() const
{
    QJsonObject o { { QStringLiteral("overrides"), toJsonArray(overrides) } };
    if (!selfUrl.isEmpty())
        o.insert(QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

NewScheduledOverride NewScheduledOverride::fromJson(const JsonReader& r)
{
    NewScheduledOverride o;
    o.username = r.str(QStringLiteral("username"));
    o.timeZone = r.str(QStringLiteral("timezone"));
    o.start = r.time(QStringLiteral("start"));
    o.end = r.time(QStringLiteral("end"));
    return o;
}

QJsonObject NewScheduledOverride::toJson() const
{
    QJsonObject o { { QStringLiteral("username"), username },
        { QStringLiteral("timezone"), timeZone } };
    // An unset time is left out (the service says which is missing), never sent as "".
    insertIfSet(o, QStringLiteral("start"), start);
    insertIfSet(o, QStringLiteral("end"), end);
    return o;
}

namespace calls {

ApiCall<ScheduledOverrideList> listOverrides(ApiClient& client, CallPriority priority)
{
    return send<ScheduledOverrideList>(client, request(ops::listOverrides, {}, priority));
}

ApiCall<ScheduledOverride> createOverride(ApiClient& client, const NewScheduledOverride& override)
{
    return sendWrapped(client, withBody(request(ops::createOverride), override.toJson()),
        QStringLiteral("schedule"));
}

ApiCall<ScheduledOverride> getOverride(
    ApiClient& client, const QString& publicId, CallPriority priority)
{
    return sendWrapped(
        client, request(ops::getOverride, { publicId }, priority), QStringLiteral("override"));
}

ApiCall<NoContent> deleteOverride(ApiClient& client, const QString& publicId)
{
    return sendNoContent(client, request(ops::deleteOverride, { publicId }));
}

ApiCall<OverrideAssignmentList> listOverrideAssignments(
    ApiClient& client, const QString& publicId, CallPriority priority)
{
    return send<OverrideAssignmentList>(
        client, request(ops::listOverrideAssignments, { publicId }, priority));
}

ApiCall<OverrideAssignment> getOverrideAssignment(
    ApiClient& client, const QString& publicId, const QString& policySlug, CallPriority priority)
{
    return send<OverrideAssignment>(
        client, request(ops::getOverrideAssignment, { publicId, policySlug }, priority));
}

ApiCall<OverrideAssignment> updateOverrideAssignment(
    ApiClient& client, const QString& publicId, const QString& policySlug, const QString& username)
{
    return send<OverrideAssignment>(client,
        withBody(request(ops::updateOverrideAssignment, { publicId, policySlug }),
            QJsonObject { { QStringLiteral("policy"), policySlug },
                { QStringLiteral("username"), username } }));
}

ApiCall<OverrideAssignment> deleteOverrideAssignment(
    ApiClient& client, const QString& publicId, const QString& policySlug)
{
    return send<OverrideAssignment>(
        client, request(ops::deleteOverrideAssignment, { publicId, policySlug }));
}

} // namespace calls

} // namespace rota
