// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "oncall.h"

#include <utility>

namespace rota {

namespace {

//! {"username": ...} objects of the v2 shapes, written only when there is a user.
void putUser(QJsonObject& object, const QString& field, const QString& username)
{
    if (!username.isEmpty())
        object.insert(field, QJsonObject { { QStringLiteral("username"), username } });
}

QString readUser(const JsonReader& r, const QString& field)
{
    return r[field].str(QStringLiteral("username"));
}

//! The v1 shapes send epoch milliseconds; write them back the same way.
void putEpochMs(QJsonObject& object, const QString& field, const QDateTime& time)
{
    if (time.isValid())
        object.insert(field, QJsonValue(time.toMSecsSinceEpoch()));
}

void addScheduleQuery(ApiRequest& r, const ScheduleQuery& query)
{
    const std::pair<const char*, std::optional<int>> items[] = {
        { "daysForward", query.daysForward },
        { "daysSkip", query.daysSkip },
        { "step", query.step },
    };
    for (const auto& [name, value] : items) {
        if (value)
            r.query.addQueryItem(QLatin1String(name), QString::number(*value));
    }
}

} // namespace

void insertIfSet(QJsonObject& object, const QString& key, const OffsetTime& value)
{
    if (value.isValid())
        object.insert(key, value.toJsonValue());
}

// --- OffsetTime --------------------------------------------------------------------------------

QJsonValue OffsetTime::toJsonValue() const
{
    if (!utc.isValid())
        return QJsonValue(QJsonValue::Null);
    const QDateTime at = local();
    return at.time().msec() == 0 ? at.toString(Qt::ISODate) : at.toString(Qt::ISODateWithMs);
}

OffsetTime OffsetTime::fromJson(const JsonReader& r)
{
    OffsetTime t;
    t.utc = r.toDateTime();
    if (t.utc.isValid() && r.value().isString()) {
        const QDateTime written
            = QDateTime::fromString(r.value().toString().trimmed(), Qt::ISODateWithMs);
        // Offsets beyond a day are not real zones; keep the instant and show it as UTC.
        if (written.isValid() && qAbs(written.offsetFromUtc()) < 24 * 3600)
            t.offsetSeconds = written.offsetFromUtc();
    }
    return t;
}

// --- current on-call ---------------------------------------------------------------------------

PolicyOnCallNow PolicyOnCallNow::fromJson(const JsonReader& r)
{
    PolicyOnCallNow p;
    const JsonReader policy = r[QStringLiteral("escalationPolicy")];
    p.policyName = policy.str(QStringLiteral("name"));
    p.policySlug = policy.str(QStringLiteral("slug"));
    r.forEach(QStringLiteral("users"), [&p](JsonReader& u) {
        const QString username = readUser(u, QStringLiteral("onCallUser"));
        if (!username.isEmpty())
            p.usernames.append(username);
    });
    return p;
}

QJsonObject PolicyOnCallNow::toJson() const
{
    QJsonArray users;
    for (const QString& username : usernames) {
        QJsonObject user;
        putUser(user, QStringLiteral("onCallUser"), username);
        users.append(user);
    }
    return { { QStringLiteral("escalationPolicy"),
                 QJsonObject { { QStringLiteral("name"), policyName },
                     { QStringLiteral("slug"), policySlug } } },
        { QStringLiteral("users"), users } };
}

TeamOnCallNow TeamOnCallNow::fromJson(const JsonReader& r)
{
    TeamOnCallNow t;
    const JsonReader team = r[QStringLiteral("team")];
    t.teamName = team.str(QStringLiteral("name"));
    t.teamSlug = team.str(QStringLiteral("slug"));
    t.onCallNow = readList<PolicyOnCallNow>(r, QStringLiteral("onCallNow"));
    return t;
}

QJsonObject TeamOnCallNow::toJson() const
{
    return { { QStringLiteral("team"),
                 QJsonObject {
                     { QStringLiteral("name"), teamName }, { QStringLiteral("slug"), teamSlug } } },
        { QStringLiteral("onCallNow"), toJsonArray(onCallNow) } };
}

QStringList CurrentOnCall::usersFor(const QString& policySlug) const
{
    for (const TeamOnCallNow& team : teamsOnCall) {
        for (const PolicyOnCallNow& policy : team.onCallNow) {
            if (policy.policySlug == policySlug)
                return policy.usernames;
        }
    }
    return {};
}

CurrentOnCall CurrentOnCall::fromJson(const JsonReader& r)
{
    return { readList<TeamOnCallNow>(r, QStringLiteral("teamsOnCall")) };
}

QJsonObject CurrentOnCall::toJson() const
{
    return { { QStringLiteral("teamsOnCall"), toJsonArray(teamsOnCall) } };
}

// --- v2 schedules ------------------------------------------------------------------------------

OnCallRoll OnCallRoll::fromJson(const JsonReader& r)
{
    OnCallRoll roll;
    roll.start = OffsetTime::fromJson(r[QStringLiteral("start")]);
    roll.end = OffsetTime::fromJson(r[QStringLiteral("end")]);
    roll.onCallUser = readUser(r, QStringLiteral("onCallUser"));
    roll.isRoll = r.boolean(QStringLiteral("isRoll"));
    return roll;
}

QJsonObject OnCallRoll::toJson() const
{
    QJsonObject o { { QStringLiteral("isRoll"), isRoll } };
    insertIfSet(o, QStringLiteral("start"), start);
    insertIfSet(o, QStringLiteral("end"), end);
    putUser(o, QStringLiteral("onCallUser"), onCallUser);
    return o;
}

OnCallEntry OnCallEntry::fromJson(const JsonReader& r)
{
    OnCallEntry e;
    e.onCallType = r.str(QStringLiteral("onCallType"));
    e.onCallUser = readUser(r, QStringLiteral("onCallUser"));
    e.overrideOnCallUser = readUser(r, QStringLiteral("overrideOnCallUser"));
    e.rotationName = r.str(QStringLiteral("rotationName"));
    e.shiftName = r.str(QStringLiteral("shiftName"));
    e.shiftRoll = OffsetTime::fromJson(r[QStringLiteral("shiftRoll")]);
    e.rolls = readList<OnCallRoll>(r, QStringLiteral("rolls"));
    return e;
}

QJsonObject OnCallEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("onCallType"), onCallType },
        { QStringLiteral("rolls"), toJsonArray(rolls) } };
    putUser(o, QStringLiteral("onCallUser"), onCallUser);
    putUser(o, QStringLiteral("overrideOnCallUser"), overrideOnCallUser);
    insertIfSet(o, QStringLiteral("rotationName"), rotationName);
    insertIfSet(o, QStringLiteral("shiftName"), shiftName);
    insertIfSet(o, QStringLiteral("shiftRoll"), shiftRoll);
    return o;
}

OnCallOverride OnCallOverride::fromJson(const JsonReader& r)
{
    OnCallOverride o;
    o.origOnCallUser = readUser(r, QStringLiteral("origOnCallUser"));
    o.overrideOnCallUser = readUser(r, QStringLiteral("overrideOnCallUser"));
    o.start = OffsetTime::fromJson(r[QStringLiteral("start")]);
    o.end = OffsetTime::fromJson(r[QStringLiteral("end")]);
    return o;
}

QJsonObject OnCallOverride::toJson() const
{
    QJsonObject o;
    putUser(o, QStringLiteral("origOnCallUser"), origOnCallUser);
    putUser(o, QStringLiteral("overrideOnCallUser"), overrideOnCallUser);
    insertIfSet(o, QStringLiteral("start"), start);
    insertIfSet(o, QStringLiteral("end"), end);
    return o;
}

PolicySchedule PolicySchedule::fromJson(const JsonReader& r)
{
    PolicySchedule p;
    p.policy = EscalationPolicySummary::fromJson(r[QStringLiteral("policy")]);
    p.schedule = readList<OnCallEntry>(r, QStringLiteral("schedule"));
    p.overrides = readList<OnCallOverride>(r, QStringLiteral("overrides"));
    return p;
}

QJsonObject PolicySchedule::toJson() const
{
    return { { QStringLiteral("policy"), policy.toJson() },
        { QStringLiteral("schedule"), toJsonArray(schedule) },
        { QStringLiteral("overrides"), toJsonArray(overrides) } };
}

TeamSchedule TeamSchedule::fromJson(const JsonReader& r)
{
    TeamSchedule t;
    const JsonReader team = r[QStringLiteral("team")];
    t.teamName = team.str(QStringLiteral("name"));
    t.teamSlug = team.str(QStringLiteral("slug"));
    t.schedules = readList<PolicySchedule>(r, QStringLiteral("schedules"));
    return t;
}

QJsonObject TeamSchedule::toJson() const
{
    return { { QStringLiteral("team"),
                 QJsonObject {
                     { QStringLiteral("name"), teamName }, { QStringLiteral("slug"), teamSlug } } },
        { QStringLiteral("schedules"), toJsonArray(schedules) } };
}

UserSchedule UserSchedule::fromJson(const JsonReader& r)
{
    return { readList<TeamSchedule>(r, QStringLiteral("teamSchedules")) };
}

QJsonObject UserSchedule::toJson() const
{
    return { { QStringLiteral("teamSchedules"), toJsonArray(teamSchedules) } };
}

// --- v1 schedules ------------------------------------------------------------------------------

ScheduleRollV1 ScheduleRollV1::fromJson(const JsonReader& r)
{
    ScheduleRollV1 roll;
    roll.change = r.time(QStringLiteral("change"));
    roll.until = r.time(QStringLiteral("until"));
    roll.oncall = r.str(QStringLiteral("oncall"));
    roll.isRoll = r.boolean(QStringLiteral("isRoll"));
    return roll;
}

QJsonObject ScheduleRollV1::toJson() const
{
    QJsonObject o { { QStringLiteral("isRoll"), isRoll } };
    putEpochMs(o, QStringLiteral("change"), change);
    putEpochMs(o, QStringLiteral("until"), until);
    insertIfSet(o, QStringLiteral("oncall"), oncall);
    return o;
}

ScheduleEntryV1 ScheduleEntryV1::fromJson(const JsonReader& r)
{
    ScheduleEntryV1 e;
    e.policyType = r.str(QStringLiteral("policyType"));
    e.oncall = r.str(QStringLiteral("oncall"));
    e.overrideoncall = r.str(QStringLiteral("overrideoncall"));
    e.rotationName = r.str(QStringLiteral("rotationName"));
    e.shiftName = r.str(QStringLiteral("shiftName"));
    e.shiftRoll = r.time(QStringLiteral("shiftRoll"));
    e.rolls = readList<ScheduleRollV1>(r, QStringLiteral("rolls"));
    return e;
}

QJsonObject ScheduleEntryV1::toJson() const
{
    QJsonObject o { { QStringLiteral("policyType"), policyType },
        { QStringLiteral("rolls"), toJsonArray(rolls) } };
    insertIfSet(o, QStringLiteral("oncall"), oncall);
    insertIfSet(o, QStringLiteral("overrideoncall"), overrideoncall);
    insertIfSet(o, QStringLiteral("rotationName"), rotationName);
    insertIfSet(o, QStringLiteral("shiftName"), shiftName);
    putEpochMs(o, QStringLiteral("shiftRoll"), shiftRoll);
    return o;
}

ScheduleOverrideV1 ScheduleOverrideV1::fromJson(const JsonReader& r)
{
    ScheduleOverrideV1 o;
    o.orig = r.str(QStringLiteral("orig"));
    o.over = r.str(QStringLiteral("over"));
    o.start = r.time(QStringLiteral("start"));
    o.end = r.time(QStringLiteral("end"));
    return o;
}

QJsonObject ScheduleOverrideV1::toJson() const
{
    QJsonObject o;
    insertIfSet(o, QStringLiteral("orig"), orig);
    insertIfSet(o, QStringLiteral("over"), over);
    putEpochMs(o, QStringLiteral("start"), start);
    putEpochMs(o, QStringLiteral("end"), end);
    return o;
}

TeamScheduleV1 TeamScheduleV1::fromJson(const JsonReader& r)
{
    TeamScheduleV1 t;
    t.team = r.str(QStringLiteral("team"));
    t.schedule = readList<ScheduleEntryV1>(r, QStringLiteral("schedule"));
    t.overrides = readList<ScheduleOverrideV1>(r, QStringLiteral("overrides"));
    return t;
}

QJsonObject TeamScheduleV1::toJson() const
{
    return { { QStringLiteral("team"), team },
        { QStringLiteral("schedule"), toJsonArray(schedule) },
        { QStringLiteral("overrides"), toJsonArray(overrides) } };
}

UserScheduleV1 UserScheduleV1::fromJson(const JsonReader& r)
{
    UserScheduleV1 s;
    r.forEachElement([&s](JsonReader& e) { s.teams.append(TeamScheduleV1::fromJson(e)); });
    return s;
}

QJsonValue UserScheduleV1::toJsonValue() const { return toJsonArray(teams); }

QJsonObject UserScheduleV1::toJson() const
{
    return { { QStringLiteral("items"), toJsonArray(teams) } };
}

// --- shift log ---------------------------------------------------------------------------------

OnCallDuration OnCallDuration::fromJson(const JsonReader& r)
{
    return { r.integer(QStringLiteral("hours")), r.integer(QStringLiteral("minutes")) };
}

QJsonObject OnCallDuration::toJson() const
{
    return { { QStringLiteral("hours"), hours }, { QStringLiteral("minutes"), minutes } };
}

OnCallInterval OnCallInterval::fromJson(const JsonReader& r)
{
    OnCallInterval i;
    i.on = r.time(QStringLiteral("on"));
    i.off = r.time(QStringLiteral("off"));
    i.duration = OnCallDuration::fromJson(r[QStringLiteral("duration")]);
    i.escalationPolicy = EscalationPolicySummary::fromJson(r[QStringLiteral("escalationPolicy")]);
    return i;
}

QJsonObject OnCallInterval::toJson() const
{
    QJsonObject o { { QStringLiteral("duration"), duration.toJson() },
        { QStringLiteral("escalationPolicy"), escalationPolicy.toJson() } };
    insertIfSet(o, QStringLiteral("on"), on);
    insertIfSet(o, QStringLiteral("off"), off);
    return o;
}

UserShiftLog UserShiftLog::fromJson(const JsonReader& r)
{
    UserShiftLog u;
    u.userId = r[QStringLiteral("userId")].toStringOrNumber();
    u.total = OnCallDuration::fromJson(r[QStringLiteral("total")]);
    u.adjustedTotal = OnCallDuration::fromJson(r[QStringLiteral("adjustedTotal")]);
    u.log = readList<OnCallInterval>(r, QStringLiteral("log"));
    return u;
}

QJsonObject UserShiftLog::toJson() const
{
    return { { QStringLiteral("userId"), userId }, { QStringLiteral("total"), total.toJson() },
        { QStringLiteral("adjustedTotal"), adjustedTotal.toJson() },
        { QStringLiteral("log"), toJsonArray(log) } };
}

OnCallLog OnCallLog::fromJson(const JsonReader& r)
{
    OnCallLog l;
    l.teamSlug = r.str(QStringLiteral("teamSlug"));
    l.start = r.time(QStringLiteral("start"));
    l.end = r.time(QStringLiteral("end"));
    l.userLogs = readList<UserShiftLog>(r, QStringLiteral("userLogs"));
    return l;
}

QJsonObject OnCallLog::toJson() const
{
    QJsonObject o { { QStringLiteral("teamSlug"), teamSlug },
        { QStringLiteral("userLogs"), toJsonArray(userLogs) } };
    insertIfSet(o, QStringLiteral("start"), start);
    insertIfSet(o, QStringLiteral("end"), end);
    return o;
}

// --- take on-call ------------------------------------------------------------------------------

TakeRequest TakeRequest::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("fromUser")), r.str(QStringLiteral("toUser")) };
}

QJsonObject TakeRequest::toJson() const
{
    return { { QStringLiteral("fromUser"), fromUser }, { QStringLiteral("toUser"), toUser } };
}

TakeResult TakeResult::fromJson(const JsonReader& r) { return { r.str(QStringLiteral("result")) }; }

QJsonObject TakeResult::toJson() const { return { { QStringLiteral("result"), result } }; }

// --- rotation groups ---------------------------------------------------------------------------

RotationGroup RotationGroup::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("teamSlug")), r.str(QStringLiteral("slug")),
        r.str(QStringLiteral("label")), r.integer(QStringLiteral("groupId")) };
}

QJsonObject RotationGroup::toJson() const
{
    QJsonObject json { { QStringLiteral("teamSlug"), teamSlug }, { QStringLiteral("slug"), slug },
        { QStringLiteral("label"), label } };
    if (groupId != 0)
        json.insert(QStringLiteral("groupId"), groupId);
    return json;
}

RotationGroupList RotationGroupList::fromJson(const JsonReader& r)
{
    return { readList<RotationGroup>(r, QStringLiteral("rotationGroups")) };
}

QJsonObject RotationGroupList::toJson() const
{
    return { { QStringLiteral("rotationGroups"), toJsonArray(rotationGroups) } };
}

// --- calls -------------------------------------------------------------------------------------

namespace calls {

ApiCall<CurrentOnCall> getCurrentOnCall(ApiClient& client, CallPriority priority)
{
    return send<CurrentOnCall>(client, request(ops::getCurrentOnCall, {}, priority));
}

ApiCall<TeamSchedule> getTeamSchedule(
    ApiClient& client, const QString& teamSlug, const ScheduleQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::getTeamSchedule, { teamSlug }, priority);
    addScheduleQuery(r, query);
    return send<TeamSchedule>(client, std::move(r));
}

ApiCall<UserSchedule> getUserSchedule(
    ApiClient& client, const QString& username, const ScheduleQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::getUserSchedule, { username }, priority);
    addScheduleQuery(r, query);
    return send<UserSchedule>(client, std::move(r));
}

ApiCall<TeamScheduleV1> getTeamScheduleV1(
    ApiClient& client, const QString& teamSlug, const ScheduleQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::getTeamScheduleV1, { teamSlug }, priority);
    addScheduleQuery(r, query);
    return send<TeamScheduleV1>(client, std::move(r));
}

ApiCall<UserScheduleV1> getUserScheduleV1(
    ApiClient& client, const QString& username, const ScheduleQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::getUserScheduleV1, { username }, priority);
    addScheduleQuery(r, query);
    return send<UserScheduleV1>(client, std::move(r));
}

ApiCall<OnCallLog> getTeamShiftLog(
    ApiClient& client, const QString& teamSlug, const ShiftLogQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::getTeamShiftLog, { teamSlug }, priority);
    if (query.start.isValid())
        r.query.addQueryItem(QStringLiteral("start"), queryValue(formatApiTime(query.start)));
    if (query.end.isValid())
        r.query.addQueryItem(QStringLiteral("end"), queryValue(formatApiTime(query.end)));
    if (!query.userName.isEmpty())
        r.query.addQueryItem(QStringLiteral("userName"), queryValue(query.userName));
    return send<OnCallLog>(client, std::move(r));
}

ApiCall<TakeResult> takeOnCall(
    ApiClient& client, const QString& policySlug, const TakeRequest& take)
{
    return send<TakeResult>(
        client, withBody(request(ops::takeOnCall, { policySlug }), take.toJson()));
}

ApiCall<TakeResult> takeTeamOnCall(
    ApiClient& client, const QString& teamSlug, const TakeRequest& take)
{
    return send<TakeResult>(
        client, withBody(request(ops::takeTeamOnCall, { teamSlug }), take.toJson()));
}

ApiCall<RotationGroupList> listRotationGroups(
    ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<RotationGroupList>(
        client, request(ops::listRotationGroups, { teamSlug }, priority));
}

} // namespace calls

} // namespace rota
