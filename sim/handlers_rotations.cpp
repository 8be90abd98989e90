// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Rotation groups as the newer operations see them: numeric group and shift ids, the v2 listing
// with shifts, members and on-call periods, creating and deleting a group, and the scheduled user
// of a shift. A rotation here (SimRotation) is a group with at most one shift; the schedule engine
// (schedules.h) answers who it puts on call, so a change made here shows in every on-call read.
#include "oncallshapes.h"
#include "schedules.h"
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace rota::sim {

namespace {

const QStringList kShiftTypes { QStringLiteral("std"), QStringLiteral("fts"),
    QStringLiteral("cstm"), QStringLiteral("pho") };
const QStringList kMaskDays { QStringLiteral("su"), QStringLiteral("m"), QStringLiteral("t"),
    QStringLiteral("w"), QStringLiteral("th"), QStringLiteral("f"), QStringLiteral("sa") };
const QStringList kMaskNames { QStringLiteral("mask"), QStringLiteral("mask2"),
    QStringLiteral("mask3") };

//! How far ahead a listing's `periods` reach, and how many at most.
constexpr qint64 kPeriodDays = 14;
constexpr int kMaxPeriods = 60;

SimReply teamNotFound(const QString& slug)
{
    return SimReply::notFound(QStringLiteral("Team '%1'").arg(slug));
}

QString memberSlug(const SimRotation& rotation, const QString& username)
{
    return QStringLiteral("mem-%1-%2").arg(rotation.shiftId).arg(username);
}

QJsonObject everyDayMask()
{
    QJsonObject day;
    for (const QString& d : kMaskDays)
        day.insert(d, true);
    return { { QStringLiteral("day"), day }, { QStringLiteral("time"), QJsonArray() } };
}

//! The rotation's duration in days as the listings give it: whole days as an integer, the
//! seeded 12-hour handoffs as a fraction.
QJsonValue durationDays(const SimRotation& rotation)
{
    if (rotation.shiftHours % 24 == 0)
        return rotation.shiftHours / 24;
    return rotation.shiftHours / 24.0;
}

QJsonObject period(const SimRotation& rotation, const Shift& shift)
{
    const QString username = rotationUserAt(rotation, shift.start);
    return { { QStringLiteral("start"), isoUtc(shift.start) },
        { QStringLiteral("end"), isoUtc(shift.end) }, { QStringLiteral("username"), username },
        { QStringLiteral("isRoll"), true },
        { QStringLiteral("memberSlug"), memberSlug(rotation, username) } };
}

QJsonArray shiftMembers(const SimRotation& rotation)
{
    QJsonArray members;
    for (const QString& username : rotation.members) {
        members.append(QJsonObject { { QStringLiteral("slug"), memberSlug(rotation, username) },
            { QStringLiteral("username"), username } });
    }
    return members;
}

//! The fields both answers share; the caller adds the ids in its own spelling.
QJsonObject shiftBody(const SimRotation& rotation, const QDateTime& from, const QDateTime& to)
{
    QJsonObject shift { { QStringLiteral("label"), rotation.shiftName },
        { QStringLiteral("timezone"), rotation.timeZone },
        { QStringLiteral("start"), isoUtc(rotation.anchor) },
        { QStringLiteral("duration"), durationDays(rotation) },
        { QStringLiteral("shifttype"), rotation.shiftType },
        { QStringLiteral("shiftMembers"), shiftMembers(rotation) } };
    for (const QString& name : kMaskNames) {
        const QJsonValue given = rotation.masks.value(name);
        shift.insert(name, given.isObject() ? given : QJsonValue(everyDayMask()));
    }
    if (rotation.members.isEmpty())
        return shift; // nobody to put on call: no periods
    const ShiftClock clock(rotation);
    Shift current = clock.at(from);
    if (rotation.nobodyBeforeAnchor && current.index < 0) {
        // Not started yet: nobody now, the first shift next.
        current = { 0, clock.start(0), clock.start(1) };
        shift.insert(QStringLiteral("next"), period(rotation, current));
    } else {
        shift.insert(QStringLiteral("current"), period(rotation, current));
        shift.insert(QStringLiteral("next"), period(rotation, clock.next(current)));
    }
    QJsonArray periods;
    for (Shift s = current; s.start < to && periods.size() < kMaxPeriods; s = clock.next(s))
        periods.append(period(rotation, s));
    shift.insert(QStringLiteral("periods"), periods);
    return shift;
}

QList<const SimRotation*> teamRotations(const SimOrg& org, const QString& teamSlug)
{
    QList<const SimRotation*> found;
    for (const SimRotation& rotation : org.rotations) {
        if (rotation.teamSlug == teamSlug)
            found.append(&rotation);
    }
    std::sort(found.begin(), found.end(),
        [](const SimRotation* a, const SimRotation* b) { return a->groupId < b->groupId; });
    return found;
}

SimReply listRotationsV2(SimContext& ctx, const SimRequest& request)
{
    const QString team = request.arg(0);
    if (!ctx.org.teams.contains(team))
        return teamNotFound(team);
    ensureRotationIds(ctx.org);
    const QDateTime now = ctx.now();
    QJsonArray rotations;
    for (const SimRotation* rotation : teamRotations(ctx.org, team)) {
        QJsonArray shifts;
        if (rotation->hasShift) {
            QJsonObject shift = shiftBody(*rotation, now, now.addMSecs(kPeriodDays * msPerDay));
            shift.insert(QStringLiteral("shiftId"), rotation->shiftId);
            shifts.append(shift);
        }
        rotations.append(QJsonObject { { QStringLiteral("groupId"), rotation->groupId },
            { QStringLiteral("label"), rotation->label },
            { QStringLiteral("totalMembersInRotation"),
                rotation->hasShift ? static_cast<int>(rotation->members.size()) : 0 },
            { QStringLiteral("shifts"), shifts } });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("rotations"), rotations } });
}

//! A mask object as the create call takes it: day booleans and time ranges; "" when it is fine.
QString maskProblem(const QJsonValue& value, const QString& path)
{
    if (!value.isObject())
        return path + QStringLiteral(" must be an object");
    const QJsonObject mask = value.toObject();
    const QJsonValue day = mask.value(QStringLiteral("day"));
    if (!day.isUndefined()) {
        if (!day.isObject())
            return path + QStringLiteral(".day must be an object");
        const QJsonObject days = day.toObject();
        for (auto it = days.begin(); it != days.end(); ++it) {
            if (!kMaskDays.contains(it.key()) || !it.value().isBool())
                return path + QStringLiteral(".day.") + it.key()
                    + QStringLiteral(" must be one of su, m, t, w, th, f, sa with true or false");
        }
    }
    const QJsonValue time = mask.value(QStringLiteral("time"));
    if (time.isUndefined())
        return {};
    if (!time.isArray())
        return path + QStringLiteral(".time must be an array");
    const QJsonArray ranges = time.toArray();
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        const QString at = path + QStringLiteral(".time[%1]").arg(i);
        for (const QString& end : { QStringLiteral("start"), QStringLiteral("end") }) {
            const QJsonObject point = ranges.at(i).toObject().value(end).toObject();
            const QJsonValue hour = point.value(QStringLiteral("hour"));
            const QJsonValue minute = point.value(QStringLiteral("minute"));
            if (!hour.isDouble() || !minute.isDouble() || hour.toDouble() != hour.toInt()
                || minute.toDouble() != minute.toInt() || hour.toInt() < 0 || hour.toInt() > 23
                || minute.toInt() < 0 || minute.toInt() > 59)
                return at + QLatin1Char('.') + end
                    + QStringLiteral(" must be {\"hour\": 0-23, \"minute\": 0-59}");
        }
    }
    return {};
}

//! The start of a shift: epoch milliseconds or an ISO-8601 string, both as the clients send them.
QDateTime shiftStart(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        if (ms != static_cast<double>(static_cast<qint64>(ms)) || ms < 0 || ms > 4.1e12)
            return {};
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), QTimeZone::utc());
    }
    if (value.isString())
        return parseIsoTime(value.toString(), QTimeZone::utc());
    return {};
}

//! The members of a new shift, from `usernames` or `shiftMembers` (names, or objects with a
//! username), as the clients send either or both.
QStringList shiftMemberNames(const QJsonObject& shift, const QString& path, QString* problem)
{
    QStringList names;
    for (const QString& key : { QStringLiteral("usernames"), QStringLiteral("shiftMembers") }) {
        const QJsonValue value = shift.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isArray()) {
            *problem = path + QLatin1Char('.') + key + QStringLiteral(" must be an array");
            return {};
        }
        QStringList these;
        for (const QJsonValue& item : value.toArray()) {
            const QString name = item.isObject()
                ? item.toObject().value(QStringLiteral("username")).toString()
                : item.toString();
            if (name.isEmpty()) {
                *problem = path + QLatin1Char('.') + key
                    + QStringLiteral(" must list usernames (strings)");
                return {};
            }
            these.append(name);
        }
        if (!names.isEmpty() && these != names) {
            *problem = path + QStringLiteral(".usernames and shiftMembers name different members");
            return {};
        }
        names = these;
    }
    return names;
}

//! The new group's one shift read into rotation; a 400 or 404 reply when the body is wrong.
std::optional<SimReply> readShift(
    const SimContext& ctx, const SimTeam& team, const QJsonValue& value, SimRotation* rotation)
{
    const QString path = QStringLiteral("shifts[0]");
    if (!value.isObject())
        return SimReply::badRequest(path + QStringLiteral(" must be an object"));
    const QJsonObject shift = value.toObject();
    const QString label = shift.value(QStringLiteral("label")).toString().trimmed();
    if (label.isEmpty())
        return SimReply::badRequest(path + QStringLiteral(".label is required"));
    const QString zone = shift.value(QStringLiteral("timezone")).toString();
    if (zone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return SimReply::badRequest(
            path + QStringLiteral(".timezone must be an IANA time zone name, not '%1'").arg(zone));
    const QJsonValue startValue = shift.value(QStringLiteral("start"));
    const QDateTime start = shiftStart(startValue);
    if (!start.isValid())
        return SimReply::badRequest(path
            + QStringLiteral(".start must be epoch milliseconds or an ISO-8601 time "
                             "(error.expected.jodadate.format)"));
    const QJsonValue duration = shift.value(QStringLiteral("duration"));
    if (!duration.isDouble() || duration.toDouble() != duration.toInt() || duration.toInt() < 1
        || duration.toInt() > 366)
        return SimReply::badRequest(
            path + QStringLiteral(".duration must be a whole number of days from 1 to 366"));
    const QString type = shift.value(QStringLiteral("shifttype")).toString();
    if (!kShiftTypes.contains(type))
        return SimReply::badRequest(path
            + QStringLiteral(".shifttype must be one of std, fts, cstm, pho, not '%1'").arg(type));
    QJsonObject masks;
    for (const QString& name : kMaskNames) {
        const QJsonValue mask = shift.value(name);
        if (mask.isUndefined() || mask.isNull())
            continue;
        const QString problem = maskProblem(mask, path + QLatin1Char('.') + name);
        if (!problem.isEmpty())
            return SimReply::badRequest(problem);
        masks.insert(name, mask);
    }
    QString problem;
    const QStringList members = shiftMemberNames(shift, path, &problem);
    if (!problem.isEmpty())
        return SimReply::badRequest(problem);
    for (const QString& username : members) {
        if (!ctx.org.users.contains(username))
            return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
        if (!team.members.contains(username))
            return SimReply::badRequest(
                QStringLiteral("User '%1' is not a member of team '%2'").arg(username, team.slug));
        if (members.count(username) > 1)
            return SimReply::badRequest(
                QStringLiteral("User '%1' is named twice in %2").arg(username, path));
    }
    rotation->shiftName = label;
    rotation->timeZone = zone;
    rotation->anchor = start;
    rotation->shiftHours = duration.toInt() * 24;
    rotation->shiftType = type;
    rotation->masks = masks;
    rotation->members = members;
    return std::nullopt;
}

SimReply createRotationGroup(SimContext& ctx, const SimRequest& request)
{
    const auto team = ctx.org.teams.constFind(request.arg(0));
    if (team == ctx.org.teams.cend())
        return teamNotFound(request.arg(0));
    QString problem;
    const auto skip = queryInt(request, QStringLiteral("skip"), 0, 0, 52, &problem);
    const auto count = queryInt(request, QStringLiteral("count"), 2, 1, 52, &problem);
    if (!skip || !count)
        return SimReply::badRequest(problem);
    BodyReader body(request);
    if (body.ok() && body.isArray())
        body.fail(QStringLiteral("the request body must be a JSON object"));
    const QString label = body.requireString(QStringLiteral("label")).trimmed();
    if (body.ok() && label.isEmpty())
        body.fail(QStringLiteral("label must not be empty"));
    const auto shifts = body.optArray(QStringLiteral("shifts"));
    if (!body.ok())
        return body.error();
    // The engine keeps one shift per group; asking for more is refused rather than half-kept.
    if (shifts && shifts->size() > 1)
        return SimReply::badRequest(
            QStringLiteral("rota-sim keeps one shift per rotation group; send at most one"));

    ensureRotationIds(ctx.org);
    SimRotation rotation;
    rotation.teamSlug = team->slug;
    rotation.label = label;
    rotation.hasShift = shifts && !shifts->isEmpty();
    if (rotation.hasShift) {
        if (const auto error = readShift(ctx, *team, shifts->at(0), &rotation))
            return *error;
    } else {
        rotation.timeZone = QStringLiteral("UTC");
        rotation.anchor = ctx.now();
    }
    rotation.nobodyBeforeAnchor = true;
    rotation.slug = ctx.org.newSlug(QStringLiteral("rtg"));
    rotation.groupId = ++ctx.org.lastRotationGroupId;
    if (rotation.hasShift)
        rotation.shiftId = ++ctx.org.lastShiftId;
    ctx.org.rotations.insert(rotation.slug, rotation);

    QJsonArray shiftList;
    if (rotation.hasShift) {
        const QDateTime from = ctx.now().addMSecs(*skip * 7 * msPerDay);
        QJsonObject shift = shiftBody(rotation, from, from.addMSecs(*count * 7 * msPerDay));
        shift.insert(QStringLiteral("rot_id"), rotation.shiftId);
        shift.insert(QStringLiteral("group_id"), rotation.groupId);
        shift.insert(QStringLiteral("org_slug"), ctx.org.orgSlug);
        shift.insert(QStringLiteral("team_slug"), rotation.teamSlug);
        const QString onCall = rotationUserAt(rotation, ctx.now());
        if (!onCall.isEmpty())
            shift.insert(QStringLiteral("oncall"), onCall);
        shiftList.append(shift);
    }
    return SimReply::json(QJsonObject { { QStringLiteral("id"), rotation.groupId },
        { QStringLiteral("label"), rotation.label }, { QStringLiteral("teamslug"), team->slug },
        { QStringLiteral("orgslug"), ctx.org.orgSlug }, { QStringLiteral("shifts"), shiftList } });
}

//! The team's group with this numeric id, or a 400/404 reply.
SimRotation* findGroup(SimContext& ctx, const SimRequest& request, SimReply* error)
{
    const QString team = request.arg(0);
    if (!ctx.org.teams.contains(team)) {
        *error = teamNotFound(team);
        return nullptr;
    }
    bool numeric = false;
    const int groupId = request.arg(1).toInt(&numeric);
    if (!numeric) {
        *error = SimReply::badRequest(
            QStringLiteral("groupId must be the numeric rotation group id, not '%1'")
                .arg(request.arg(1)));
        return nullptr;
    }
    ensureRotationIds(ctx.org);
    for (SimRotation& rotation : ctx.org.rotations) {
        if (rotation.teamSlug == team && rotation.groupId == groupId)
            return &rotation;
    }
    *error = SimReply::notFound(
        QStringLiteral("Rotation group %1 of team '%2'").arg(groupId).arg(team));
    return nullptr;
}

SimReply deleteRotationGroup(SimContext& ctx, const SimRequest& request)
{
    SimReply error;
    const SimRotation* rotation = findGroup(ctx, request, &error);
    if (!rotation)
        return error;
    // Whether the service deletes a group an escalation policy still pages is not documented;
    // like team removal here, it is refused, so a policy never points at nothing.
    QStringList users;
    for (const SimPolicy& policy : std::as_const(ctx.org.policies)) {
        for (const SimPolicyStep& step : policy.steps) {
            for (const SimPolicyEntry& entry : step.entries) {
                if (isRotationEntry(entry.executionType) && entry.target == rotation->slug
                    && !users.contains(policy.name))
                    users.append(policy.name);
            }
        }
    }
    if (!users.isEmpty()) {
        return SimReply::badRequest(
            QStringLiteral("Rotation group '%1' is used by escalation policy %2; remove it there "
                           "first")
                .arg(rotation->label, users.join(QStringLiteral(", "))));
    }
    ctx.org.rotations.remove(rotation->slug);
    return SimReply::empty();
}

//! The group's shift named by the path, or a 400/404 reply.
SimRotation* findShift(SimContext& ctx, const SimRequest& request, SimReply* error)
{
    SimRotation* rotation = findGroup(ctx, request, error);
    if (!rotation)
        return nullptr;
    bool numeric = false;
    const int shiftId = request.arg(2).toInt(&numeric);
    if (!numeric) {
        *error = SimReply::badRequest(
            QStringLiteral("shiftId must be numeric, not '%1'").arg(request.arg(2)));
        return nullptr;
    }
    if (!rotation->hasShift || rotation->shiftId != shiftId) {
        *error = SimReply::notFound(
            QStringLiteral("Shift %1 of rotation group %2").arg(shiftId).arg(rotation->groupId));
        return nullptr;
    }
    return rotation;
}

QJsonObject scheduledUser(const SimOrg& org, const SimRotation& rotation, const QString& username)
{
    const SimUser user = org.users.value(username);
    return { { QStringLiteral("username"), username },
        { QStringLiteral("firstName"), user.firstName },
        { QStringLiteral("lastName"), user.lastName },
        { QStringLiteral("displayName"),
            QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed() },
        { QStringLiteral("version"), rotation.scheduledVersion },
        { QStringLiteral("verified"), user.verified } };
}

SimReply getScheduled(SimContext& ctx, const SimRequest& request)
{
    SimReply error;
    const SimRotation* rotation = findShift(ctx, request, &error);
    if (!rotation)
        return error;
    const QString username = rotationUserAt(*rotation, ctx.now());
    if (username.isEmpty())
        return SimReply::notFound(
            QStringLiteral("A scheduled user for shift %1 (it has no members or has not started)")
                .arg(rotation->shiftId));
    return SimReply::json(scheduledUser(ctx.org, *rotation, username));
}

SimReply setScheduled(SimContext& ctx, const SimRequest& request)
{
    SimReply error;
    SimRotation* rotation = findShift(ctx, request, &error);
    if (!rotation)
        return error;
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("username"));
    const auto position = body.optInt(QStringLiteral("position"));
    const auto slug = body.optString(QStringLiteral("memberSlug"));
    if (!body.ok())
        return body.error();
    const qsizetype at = rotation->members.indexOf(username);
    if (at < 0) {
        return SimReply::badRequest(QStringLiteral("User '%1' is not a member of shift %2")
                                        .arg(username)
                                        .arg(rotation->shiftId));
    }
    if (position && *position != at) {
        return SimReply::badRequest(
            QStringLiteral("position %1 does not match '%2', who is at %3 in the shift's order")
                .arg(*position)
                .arg(username)
                .arg(at));
    }
    if (slug && *slug != memberSlug(*rotation, username)) {
        return SimReply::badRequest(
            QStringLiteral("memberSlug '%1' does not name '%2'").arg(*slug, username));
    }
    // Move the rotation along so the current shift falls to the user; the next ones follow in
    // the members' order from there.
    const Shift now = ShiftClock(*rotation).at(ctx.now());
    if (rotation->nobodyBeforeAnchor && now.index < 0) {
        return SimReply::badRequest(
            QStringLiteral("Shift %1 starts at %2; nobody can be scheduled on it before then")
                .arg(rotation->shiftId)
                .arg(isoUtc(ShiftClock(*rotation).start(0))));
    }
    const qint64 index = now.index;
    const qint64 n = rotation->members.size();
    rotation->rollOffset = static_cast<int>((((at - index) % n) + n) % n);
    ++rotation->scheduledVersion;
    return SimReply::json(scheduledUser(ctx.org, *rotation, username));
}

} // namespace

void registerRotationRoutes(SimRouter& router, SimContext& ctx)
{
    // None of these operations documents a rate limit.
    const QString groups = kApi + QStringLiteral("/teams/{team}/rotations");
    addRoute(router, ctx, "GET", QStringLiteral("/api-public/v2/team/{team}/rotations"), 0,
        &listRotationsV2);
    addRoute(router, ctx, "POST", groups, 0, &createRotationGroup);
    addRoute(router, ctx, "DELETE", groups + QStringLiteral("/{groupId}"), 0, &deleteRotationGroup);
    addRoute(router, ctx, "GET", groups + QStringLiteral("/{groupId}/{shiftId}/scheduled"), 0,
        &getScheduled);
    addRoute(router, ctx, "PUT", groups + QStringLiteral("/{groupId}/{shiftId}/scheduled"), 0,
        &setScheduled);
}

} // namespace rota::sim
