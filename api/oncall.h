// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Who is on call: now, on-call schedules (v2, and the deprecated v1 with epoch-millisecond
// times), a team's shift log, "take on-call" and a team's rotation groups.
//
// Conventions: see policies.h. v2 schedules write times in RFC 3339 with the offset of the
// rotation's zone; they are kept as OffsetTime (the UTC instant and that offset), so a timeline can
// show the team's local time. Users the API sends as {"username": ...} are plain QStrings here.

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"
#include "policies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rota {

//! A time the API wrote with a UTC offset ("2026-11-26T10:00:00+01:00"): the instant in UTC and
//! the offset it was written with (0 for "Z" and for epoch milliseconds).
struct OffsetTime {
    QDateTime utc;
    int offsetSeconds = 0;

    bool isValid() const { return utc.isValid(); }
    //! The same instant at the offset it was sent with: the wall-clock time of the team.
    QDateTime local() const { return utc.toOffsetFromUtc(offsetSeconds); }
    //! RFC 3339 at the kept offset; null when invalid.
    QJsonValue toJsonValue() const;
    //! Reads what JsonReader::toDateTime reads, keeping the offset of an RFC 3339 string.
    static OffsetTime fromJson(const JsonReader& r);
    static OffsetTime fromUtc(const QDateTime& utc, int offsetSeconds = 0)
    {
        return { utc.toUTC(), offsetSeconds };
    }
    bool operator==(const OffsetTime& other) const
    {
        return utc == other.utc && offsetSeconds == other.offsetSeconds;
    }
    bool operator!=(const OffsetTime& other) const { return !(*this == other); }
};

//! Writes the time at its kept offset only when it is valid (as insertIfSet in jsonreader.h).
void insertIfSet(QJsonObject& object, const QString& key, const OffsetTime& value);

// --- GET /api-public/v1/oncall/current ---------------------------------------------------------

//! OnCallNowResource: who is on call for one escalation policy (its first step) now.
struct PolicyOnCallNow {
    QString policyName; //!< escalationPolicy.name
    QString policySlug; //!< escalationPolicy.slug
    QStringList usernames; //!< users[].onCallUser.username

    static PolicyOnCallNow fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallTeamsResource: a team and who is on call for each of its policies.
struct TeamOnCallNow {
    QString teamName; //!< team.name
    QString teamSlug; //!< team.slug
    QList<PolicyOnCallNow> onCallNow;

    static TeamOnCallNow fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! {"teamsOnCall": [...]}
struct CurrentOnCall {
    QList<TeamOnCallNow> teamsOnCall;

    //! Everyone on call for the policy now; empty when the policy is not listed.
    QStringList usersFor(const QString& policySlug) const;

    static CurrentOnCall fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- v2 schedules ------------------------------------------------------------------------------

//! Query of the schedule calls; unset values are not sent (the service then uses 14, 0, 0).
struct ScheduleQuery {
    std::optional<int> daysForward; //!< 0..30
    std::optional<int> daysSkip; //!< 0..90
    std::optional<int> step; //!< escalation step, 0..3
};

//! OnCallRoll: one stretch with one user on call. isRoll: a regular rotation shift (not an
//! override, a take or a fixed user).
struct OnCallRoll {
    OffsetTime start;
    OffsetTime end;
    QString onCallUser; //!< onCallUser.username; empty when nobody
    bool isRoll = false;

    static OnCallRoll fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallEntry: one entry of the requested policy step and its rolls.
struct OnCallEntry {
    QString onCallType; //!< user, rotation_group, rotation_group_next, ..., team, team_routing
    QString onCallUser; //!< whom the schedule names
    QString overrideOnCallUser; //!< who is on call instead (override or take); empty when nobody
    QString rotationName;
    QString shiftName;
    OffsetTime shiftRoll; //!< when the current shift hands over
    QList<OnCallRoll> rolls;

    //! Who is actually on call now: the override when there is one.
    QString effectiveUser() const
    {
        return overrideOnCallUser.isEmpty() ? onCallUser : overrideOnCallUser;
    }

    static OnCallEntry fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallOverride: origOnCallUser is away; overrideOnCallUser (if any) stands in.
struct OnCallOverride {
    QString origOnCallUser;
    QString overrideOnCallUser; //!< empty while unassigned
    OffsetTime start;
    OffsetTime end;

    static OnCallOverride fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! PolicySchedule: one escalation policy's schedule in the window.
struct PolicySchedule {
    EscalationPolicySummary policy;
    QList<OnCallEntry> schedule;
    QList<OnCallOverride> overrides;

    static PolicySchedule fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TeamSchedule: GET /api-public/v2/team/{team}/oncall/schedule.
struct TeamSchedule {
    QString teamName; //!< team.name
    QString teamSlug; //!< team.slug
    QList<PolicySchedule> schedules;

    static TeamSchedule fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! UserSchedule: GET /api-public/v2/user/{user}/oncall/schedule — the user's teams.
struct UserSchedule {
    QList<TeamSchedule> teamSchedules;

    static UserSchedule fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- deprecated v1 schedules (times are epoch milliseconds; toJson writes them back so) ---------

//! TeamScheduleRollResource.
struct ScheduleRollV1 {
    QDateTime change; //!< start, UTC
    QDateTime until; //!< end, UTC
    QString oncall; //!< empty when nobody
    bool isRoll = false;

    static ScheduleRollV1 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TeamScheduleResource.
struct ScheduleEntryV1 {
    QString policyType;
    QString oncall; //!< whom the schedule names
    QString overrideoncall; //!< who stands in, if anyone
    QString rotationName;
    QString shiftName;
    QDateTime shiftRoll;
    QList<ScheduleRollV1> rolls;

    static ScheduleEntryV1 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TeamScheduleOverlayResource.
struct ScheduleOverrideV1 {
    QString orig;
    QString over; //!< empty while unassigned
    QDateTime start;
    QDateTime end;

    static ScheduleOverrideV1 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallAndOverrides: GET /api-public/v1/team/{team}/oncall/schedule.
struct TeamScheduleV1 {
    QString team; //!< the team slug
    QList<ScheduleEntryV1> schedule;
    QList<ScheduleOverrideV1> overrides;

    static TeamScheduleV1 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The answer of the deprecated v1 user schedule: a bare array of OnCallAndOverrides.
struct UserScheduleV1 {
    QList<TeamScheduleV1> teams;

    static UserScheduleV1 fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const; //!< the array
    QJsonObject toJson() const; //!< {"items": [...]}
};

// --- GET /api-reporting/v1/team/{team}/oncall/log ----------------------------------------------

//! Query of the shift log; unset values are not sent (the service then uses today, UTC).
struct ShiftLogQuery {
    QDateTime start;
    QDateTime end;
    QString userName; //!< only this user's shifts
};

//! {"hours": h, "minutes": m}
struct OnCallDuration {
    qint64 hours = 0;
    qint64 minutes = 0;

    qint64 totalMinutes() const { return hours * 60 + minutes; }
    static OnCallDuration fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallInterval: one stint on call for one policy.
struct OnCallInterval {
    QDateTime on;
    QDateTime off;
    OnCallDuration duration;
    EscalationPolicySummary escalationPolicy;

    static OnCallInterval fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! UserLog: one user's stints in the window. total counts each policy's time; adjustedTotal
//! counts time on call for two policies at once only once.
struct UserShiftLog {
    QString userId; //!< the username
    OnCallDuration total;
    OnCallDuration adjustedTotal;
    QList<OnCallInterval> log;

    static UserShiftLog fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! OnCallLog.
struct OnCallLog {
    QString teamSlug;
    QDateTime start;
    QDateTime end;
    QList<UserShiftLog> userLogs;

    static OnCallLog fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- take on-call ------------------------------------------------------------------------------

//! TakeRequest: toUser goes on call instead of fromUser (until fromUser's shift ends; the same
//! call with the users swapped gives it back).
struct TakeRequest {
    QString fromUser;
    QString toUser;

    static TakeRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TakeResult: {"result": "Success"}.
struct TakeResult {
    QString result;

    static TakeResult fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- GET /api-public/v1/teams/{team}/rotations -------------------------------------------------

//! RotationGroup.
struct RotationGroup {
    QString teamSlug;
    QString slug; //!< "rtg-..."
    QString label;
    //! The numeric id the newer rotation calls take (rotations.h); 0 when the answer has none.
    qint64 groupId = 0;

    static RotationGroup fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RotationGroupList: {"rotationGroups": [...]}.
struct RotationGroupList {
    QList<RotationGroup> rotationGroups;

    static RotationGroupList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/oncall/current
ApiCall<CurrentOnCall> getCurrentOnCall(ApiClient& client, CallPriority priority = {});

//! GET /api-public/v2/team/{team}/oncall/schedule
ApiCall<TeamSchedule> getTeamSchedule(ApiClient& client, const QString& teamSlug,
    const ScheduleQuery& query = {}, CallPriority priority = {});

//! GET /api-public/v2/user/{user}/oncall/schedule
ApiCall<UserSchedule> getUserSchedule(ApiClient& client, const QString& username,
    const ScheduleQuery& query = {}, CallPriority priority = {});

//! GET /api-public/v1/team/{team}/oncall/schedule
//! Deprecated by the vendor: use getTeamSchedule.
ApiCall<TeamScheduleV1> getTeamScheduleV1(ApiClient& client, const QString& teamSlug,
    const ScheduleQuery& query = {}, CallPriority priority = {});

//! GET /api-public/v1/user/{user}/oncall/schedule
//! Deprecated by the vendor: use getUserSchedule.
ApiCall<UserScheduleV1> getUserScheduleV1(ApiClient& client, const QString& username,
    const ScheduleQuery& query = {}, CallPriority priority = {});

//! GET /api-reporting/v1/team/{team}/oncall/log
ApiCall<OnCallLog> getTeamShiftLog(ApiClient& client, const QString& teamSlug,
    const ShiftLogQuery& query = {}, CallPriority priority = {});

//! PATCH /api-public/v1/policies/{policy}/oncall/user
ApiCall<TakeResult> takeOnCall(
    ApiClient& client, const QString& policySlug, const TakeRequest& take);

//! PATCH /api-public/v1/team/{team}/oncall/user
//! Deprecated by the vendor: use takeOnCall. Acts on every policy of the team that has fromUser
//! on call.
ApiCall<TakeResult> takeTeamOnCall(
    ApiClient& client, const QString& teamSlug, const TakeRequest& take);

//! GET /api-public/v1/teams/{team}/rotations
ApiCall<RotationGroupList> listRotationGroups(
    ApiClient& client, const QString& teamSlug, CallPriority priority = {});

} // namespace calls

} // namespace rota
