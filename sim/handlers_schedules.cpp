// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// On-call schedules of a team and of a user, in the current (v2) and the deprecated (v1) shape,
// computed by the schedule engine (schedules.h) over the requested window.
#include "oncallshapes.h"
#include "schedules.h"
#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace rota::sim {

namespace {

bool overlaps(const SimScheduledOverride& override, const QDateTime& from, const QDateTime& to)
{
    return override.end > from && (override.start < to || (from == to && override.start <= from));
}

struct Window {
    QDateTime from;
    QDateTime to;
    int step = 0;
};

std::optional<Window> scheduleWindow(
    const SimContext& ctx, const SimRequest& request, SimReply* error)
{
    QString problem;
    const auto forward = queryInt(request, QStringLiteral("daysForward"), 14, 0, 30, &problem);
    const auto skip = queryInt(request, QStringLiteral("daysSkip"), 0, 0, 90, &problem);
    const auto step = queryInt(request, QStringLiteral("step"), 0, 0, 3, &problem);
    if (!forward || !skip || !step) {
        *error = SimReply::badRequest(problem);
        return std::nullopt;
    }
    Window window;
    window.from = ctx.now().addMSecs(*skip * msPerDay);
    window.to = window.from.addMSecs(*forward * msPerDay);
    window.step = static_cast<int>(*step);
    return window;
}

QJsonObject policyScheduleV2(const SimOrg& org, const SimPolicy& policy, const Window& window)
{
    const QList<QDateTime> edges = overrideEdges(org, policy.slug);
    QJsonArray schedule;
    for (const Slot& slot : slotsAt(org, policy, window.step, window.from)) {
        const QString zone = slot.rotation ? slot.rotation->timeZone : QStringLiteral("UTC");
        QJsonObject entry { { QStringLiteral("onCallType"), slot.executionType } };
        if (slot.rotation) {
            entry.insert(QStringLiteral("rotationName"), slot.rotation->label);
            entry.insert(QStringLiteral("shiftName"), slot.rotation->shiftName);
            entry.insert(QStringLiteral("shiftRoll"),
                rfc3339InZone(ShiftClock(*slot.rotation).at(window.from).end, zone));
        }
        if (!slot.scheduled.isEmpty())
            entry.insert(QStringLiteral("onCallUser"), userRef(slot.scheduled));
        if (slot.user != slot.scheduled && !slot.user.isEmpty())
            entry.insert(QStringLiteral("overrideOnCallUser"), userRef(slot.user));
        QJsonArray rolls;
        for (const Segment& segment :
            entrySegments(org, policy, slot, window.from, window.to, edges)) {
            QJsonObject roll { { QStringLiteral("start"), rfc3339InZone(segment.start, zone) },
                { QStringLiteral("end"), rfc3339InZone(segment.end, zone) },
                { QStringLiteral("isRoll"), segment.isRoll } };
            if (!segment.user.isEmpty())
                roll.insert(QStringLiteral("onCallUser"), userRef(segment.user));
            rolls.append(roll);
        }
        entry.insert(QStringLiteral("rolls"), rolls);
        schedule.append(entry);
    }
    QJsonArray overrides;
    for (const SimScheduledOverride* override : overridesByStart(org)) {
        if (!override->assignments.contains(policy.slug)
            || !overlaps(*override, window.from, window.to))
            continue;
        QJsonObject item { { QStringLiteral("origOnCallUser"), userRef(override->username) },
            { QStringLiteral("start"), rfc3339InZone(override->start, override->timeZone) },
            { QStringLiteral("end"), rfc3339InZone(override->end, override->timeZone) } };
        const QString replacement = override->assignments.value(policy.slug);
        if (!replacement.isEmpty())
            item.insert(QStringLiteral("overrideOnCallUser"), userRef(replacement));
        overrides.append(item);
    }
    return { { QStringLiteral("policy"), policySummary(policy) },
        { QStringLiteral("schedule"), schedule }, { QStringLiteral("overrides"), overrides } };
}

//! Whether the user's schedule should list this policy: the user is named in the requested step,
//! directly or through a rotation, or stands in for someone there by an override.
bool userAppearsIn(
    const SimOrg& org, const SimPolicy& policy, const QString& username, const Window& window)
{
    if (window.step < policy.steps.size()
        && stepNamesUser(org, policy.steps.at(window.step), username))
        return true;
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (override.assignments.value(policy.slug) == username
            && overlaps(override, window.from, window.to))
            return true;
    }
    return false;
}

QJsonObject teamScheduleV2(const SimOrg& org, const SimTeam& team, const Window& window,
    const QString& onlyUser = QString())
{
    QJsonArray schedules;
    for (const SimPolicy* policy : teamPolicies(org, team.slug)) {
        if (onlyUser.isEmpty() || userAppearsIn(org, *policy, onlyUser, window))
            schedules.append(policyScheduleV2(org, *policy, window));
    }
    return { { QStringLiteral("team"), teamRef(team) },
        { QStringLiteral("schedules"), schedules } };
}

//! The deprecated v1 shape: one flat list over the team's policies, times as epoch milliseconds.
QJsonObject teamScheduleV1(const SimOrg& org, const SimTeam& team, const Window& window,
    const QString& onlyUser = QString())
{
    QJsonArray schedule;
    QJsonArray overrides;
    QSet<QString> overridesSeen;
    for (const SimPolicy* policy : teamPolicies(org, team.slug)) {
        if (!onlyUser.isEmpty() && !userAppearsIn(org, *policy, onlyUser, window))
            continue;
        const QList<QDateTime> edges = overrideEdges(org, policy->slug);
        for (const Slot& slot : slotsAt(org, *policy, window.step, window.from)) {
            QJsonObject entry { { QStringLiteral("policyType"), slot.executionType } };
            if (slot.rotation) {
                entry.insert(QStringLiteral("rotationName"), slot.rotation->label);
                entry.insert(QStringLiteral("shiftName"), slot.rotation->shiftName);
                entry.insert(QStringLiteral("shiftRoll"),
                    ShiftClock(*slot.rotation).at(window.from).end.toMSecsSinceEpoch());
            }
            if (!slot.scheduled.isEmpty())
                entry.insert(QStringLiteral("oncall"), slot.scheduled);
            if (slot.user != slot.scheduled && !slot.user.isEmpty())
                entry.insert(QStringLiteral("overrideoncall"), slot.user);
            QJsonArray rolls;
            for (const Segment& segment :
                entrySegments(org, *policy, slot, window.from, window.to, edges)) {
                QJsonObject roll { { QStringLiteral("change"), segment.start.toMSecsSinceEpoch() },
                    { QStringLiteral("until"), segment.end.toMSecsSinceEpoch() },
                    { QStringLiteral("isRoll"), segment.isRoll } };
                if (!segment.user.isEmpty())
                    roll.insert(QStringLiteral("oncall"), segment.user);
                rolls.append(roll);
            }
            entry.insert(QStringLiteral("rolls"), rolls);
            schedule.append(entry);
        }
        for (const SimScheduledOverride* override : overridesByStart(org)) {
            if (!override->assignments.contains(policy->slug)
                || !overlaps(*override, window.from, window.to))
                continue;
            const QString replacement = override->assignments.value(policy->slug);
            if (overridesSeen.contains(override->publicId + QLatin1Char('\n') + replacement))
                continue;
            overridesSeen.insert(override->publicId + QLatin1Char('\n') + replacement);
            QJsonObject item { { QStringLiteral("orig"), override->username },
                { QStringLiteral("start"), override->start.toMSecsSinceEpoch() },
                { QStringLiteral("end"), override->end.toMSecsSinceEpoch() } };
            if (!replacement.isEmpty())
                item.insert(QStringLiteral("over"), replacement);
            overrides.append(item);
        }
    }
    return { { QStringLiteral("team"), team.slug }, { QStringLiteral("schedule"), schedule },
        { QStringLiteral("overrides"), overrides } };
}

bool teamHasUserPolicy(
    const SimOrg& org, const SimTeam& team, const QString& username, const Window& window)
{
    const QList<const SimPolicy*> policies = teamPolicies(org, team.slug);
    return std::any_of(policies.cbegin(), policies.cend(),
        [&](const SimPolicy* policy) { return userAppearsIn(org, *policy, username, window); });
}

//! A team's schedule in one version's shape; onlyUser: only the policies that user appears in.
using TeamSchedule = QJsonObject (*)(
    const SimOrg& org, const SimTeam& team, const Window& window, const QString& onlyUser);

//! GET PREFIX/team/{team}/oncall/schedule and PREFIX/user/{user}/oncall/schedule. The versions
//! differ only in the shape of a team's schedule and in how the user's list of them is wrapped.
void addScheduleRoutes(SimRouter& router, SimContext& ctx, const QString& prefix,
    TeamSchedule teamSchedule, QJsonValue (*userReply)(const QJsonArray& teamSchedules))
{
    router.add("GET", prefix + QStringLiteral("/team/{team}/oncall/schedule"), 60,
        [&ctx, teamSchedule](const SimRequest& request) {
            const auto team = ctx.org.teams.constFind(request.arg(0));
            if (team == ctx.org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            return SimReply::json(teamSchedule(ctx.org, *team, *window, QString()));
        });

    router.add("GET", prefix + QStringLiteral("/user/{user}/oncall/schedule"), 60,
        [&ctx, teamSchedule, userReply](const SimRequest& request) {
            const QString username = request.arg(0);
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            QJsonArray teamSchedules;
            for (const SimTeam* team : teamsByName(ctx.org)) {
                if (teamHasUserPolicy(ctx.org, *team, username, *window))
                    teamSchedules.append(teamSchedule(ctx.org, *team, *window, username));
            }
            return SimReply::json(userReply(teamSchedules));
        });
}

} // namespace

void registerScheduleRoutes(SimRouter& router, SimContext& ctx)
{
    addScheduleRoutes(router, ctx, QStringLiteral("/api-public/v2"), teamScheduleV2,
        [](const QJsonArray& teamSchedules) -> QJsonValue {
            return QJsonObject { { QStringLiteral("teamSchedules"), teamSchedules } };
        });
    // v1 answers a user's schedules as a bare list.
    addScheduleRoutes(router, ctx, QStringLiteral("/api-public/v1"), teamScheduleV1,
        [](const QJsonArray& teamSchedules) -> QJsonValue { return teamSchedules; });
}

} // namespace rota::sim
