// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// oncall (who is on call, schedules, the shift log, take on-call) and overrides (scheduled
// overrides and their assignments).

#include "cli.h"
#include "oncall.h"
#include "overrides.h"

#include <QTimeZone>

namespace rota::cli {

namespace {

const char* const kTeamArgHelp = "TEAM is a team's slug (team-...) or its name.";

std::optional<ScheduleQuery> scheduleQuery(Invocation& inv)
{
    ScheduleQuery query;
    const std::pair<const char*, std::optional<int>*> options[] = {
        { "days-forward", &query.daysForward },
        { "days-skip", &query.daysSkip },
        { "step", &query.step },
    };
    for (const auto& [name, slot] : options) {
        const QString option = QString::fromLatin1(name);
        if (!inv.args.has(option))
            continue;
        const auto value = inv.number(inv.args.value(option), QStringLiteral("--") + option);
        if (!value)
            return std::nullopt;
        *slot = *value;
    }
    return query;
}

Table scheduleTable()
{
    Table table({ QStringLiteral("TEAM"), QStringLiteral("POLICY"), QStringLiteral("ROTATION"),
        QStringLiteral("FROM"), QStringLiteral("UNTIL"), QStringLiteral("ON CALL") });
    table.setMaxWidth(0, 24);
    table.setMaxWidth(1, 28);
    return table;
}

//! The v1 schedule names the team by its slug and has no policies.
Table scheduleTableV1()
{
    return Table({ QStringLiteral("TEAM"), QStringLiteral("ROTATION"), QStringLiteral("FROM"),
        QStringLiteral("UNTIL"), QStringLiteral("ON CALL") });
}

void addTeamSchedule(Table& table, const TeamSchedule& team)
{
    for (const PolicySchedule& policy : team.schedules) {
        for (const OnCallEntry& entry : policy.schedule) {
            const QString rotation
                = entry.rotationName.isEmpty() ? entry.onCallType : entry.rotationName;
            if (entry.rolls.isEmpty()) {
                table.addRow({ team.teamName, policy.policy.name, rotation, QStringLiteral("-"),
                    localTime(entry.shiftRoll.utc), entry.effectiveUser() });
                continue;
            }
            for (const OnCallRoll& roll : entry.rolls) {
                const QString who
                    = roll.onCallUser.isEmpty() ? QStringLiteral("(nobody)") : roll.onCallUser;
                table.addRow({ team.teamName, policy.policy.name, rotation,
                    localTime(roll.start.utc), localTime(roll.end.utc),
                    roll.isRoll ? who : who + QStringLiteral(" (override)") });
            }
        }
    }
}

void addTeamScheduleV1(Table& table, const TeamScheduleV1& team)
{
    for (const ScheduleEntryV1& entry : team.schedule) {
        const QString rotation
            = entry.rotationName.isEmpty() ? entry.policyType : entry.rotationName;
        if (entry.rolls.isEmpty()) {
            table.addRow({ team.team, rotation, QStringLiteral("-"), localTime(entry.shiftRoll),
                entry.overrideoncall.isEmpty() ? entry.oncall : entry.overrideoncall });
            continue;
        }
        for (const ScheduleRollV1& roll : entry.rolls) {
            const QString who = roll.oncall.isEmpty() ? QStringLiteral("(nobody)") : roll.oncall;
            table.addRow({ team.team, rotation, localTime(roll.change), localTime(roll.until),
                roll.isRoll ? who : who + QStringLiteral(" (override)") });
        }
    }
}

QString duration(const OnCallDuration& d)
{
    return QStringLiteral("%1 h %2 min").arg(d.hours).arg(d.minutes);
}

//! Who hands over: --from, else the first user on call now for the policy (or any policy of the
//! team) who is not --to.
void resolveFromUser(Invocation& inv, const QString& policySlug, const QString& teamSlug,
    std::function<void(const QString&)> next)
{
    if (inv.args.has(QStringLiteral("from"))) {
        next(inv.args.value(QStringLiteral("from")));
        return;
    }
    then(inv.run, calls::getCurrentOnCall(inv.run.client()),
        [&inv, policySlug, teamSlug, next](const CurrentOnCall& now) {
            QStringList candidates;
            if (!policySlug.isEmpty())
                candidates = now.usersFor(policySlug);
            for (const TeamOnCallNow& team : now.teamsOnCall) {
                if (team.teamSlug != teamSlug)
                    continue;
                for (const PolicyOnCallNow& policy : team.onCallNow)
                    candidates += policy.usernames;
            }
            candidates.removeAll(inv.args.value(QStringLiteral("to")));
            if (candidates.isEmpty()) {
                inv.run.apiFailure(
                    QStringLiteral("nobody else is on call for %1 now; name them with --from")
                        .arg(policySlug.isEmpty() ? teamSlug : policySlug));
                return;
            }
            next(candidates.first());
        });
}

Resource oncall()
{
    QList<Verb> verbs;
    verbs << VerbDef("current", "", "Who is on call now, for every team and escalation policy.")
                 .calls(ops::getCurrentOnCall)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::getCurrentOnCall(inv.run.client()),
                         [&inv](const CurrentOnCall& now) {
                             Table table({ QStringLiteral("TEAM"), QStringLiteral("POLICY"),
                                 QStringLiteral("SLUG"), QStringLiteral("ON CALL") });
                             for (const TeamOnCallNow& team : now.teamsOnCall) {
                                 for (const PolicyOnCallNow& policy : team.onCallNow) {
                                     table.addRow({ team.teamName, policy.policyName,
                                         policy.policySlug,
                                         policy.usernames.isEmpty() ? QStringLiteral("(nobody)")
                                                                    : joined(policy.usernames) });
                                 }
                             }
                             table.print(inv.run.out(), QStringLiteral("Nobody is on call."));
                         });
                 });
    verbs << VerbDef("user-schedule", "USER", "A user's on-call shifts in the coming days.")
                 .args(1, 1)
                 .option("days-forward", "N", "days ahead, 0 to 30 (default 14)")
                 .option("days-skip", "N", "days to skip first, 0 to 90 (default 0)")
                 .option("step", "N", "escalation step, 0 to 3 (default 0)")
                 .flag("v1", "use the deprecated v1 schedule API")
                 .calls(ops::getUserSchedule)
                 .calls(ops::getUserScheduleV1, "with --v1")
                 .run([](Invocation& inv) {
                     const auto query = scheduleQuery(inv);
                     if (!query)
                         return;
                     if (inv.args.has(QStringLiteral("v1"))) {
                         show(inv.run,
                             calls::getUserScheduleV1(inv.run.client(), inv.args.arg(0), *query),
                             [&inv](const UserScheduleV1& schedule) {
                                 Table table = scheduleTableV1();
                                 for (const TeamScheduleV1& team : schedule.teams)
                                     addTeamScheduleV1(table, team);
                                 table.print(inv.run.out(), QStringLiteral("No shifts."));
                             });
                         return;
                     }
                     show(inv.run,
                         calls::getUserSchedule(inv.run.client(), inv.args.arg(0), *query),
                         [&inv](const UserSchedule& schedule) {
                             Table table = scheduleTable();
                             for (const TeamSchedule& team : schedule.teamSchedules)
                                 addTeamSchedule(table, team);
                             table.print(inv.run.out(), QStringLiteral("No shifts."));
                         });
                 });
    verbs << VerbDef("team-schedule", "TEAM", "A team's on-call shifts in the coming days.")
                 .args(1, 1)
                 .option("days-forward", "N", "days ahead, 0 to 30 (default 14)")
                 .option("days-skip", "N", "days to skip first, 0 to 90 (default 0)")
                 .option("step", "N", "escalation step, 0 to 3 (default 0)")
                 .flag("v1", "use the deprecated v1 schedule API")
                 .details(kTeamArgHelp)
                 .calls(ops::getTeamSchedule)
                 .calls(ops::getTeamScheduleV1, "with --v1")
                 .run([](Invocation& inv) {
                     const auto query = scheduleQuery(inv);
                     if (!query)
                         return;
                     resolveTeam(inv.run, inv.args.arg(0), [&inv, query](const QString& slug) {
                         if (inv.args.has(QStringLiteral("v1"))) {
                             show(inv.run, calls::getTeamScheduleV1(inv.run.client(), slug, *query),
                                 [&inv](const TeamScheduleV1& schedule) {
                                     Table table = scheduleTableV1();
                                     addTeamScheduleV1(table, schedule);
                                     table.print(inv.run.out(), QStringLiteral("No shifts."));
                                 });
                             return;
                         }
                         show(inv.run, calls::getTeamSchedule(inv.run.client(), slug, *query),
                             [&inv](const TeamSchedule& schedule) {
                                 Table table = scheduleTable();
                                 addTeamSchedule(table, schedule);
                                 table.print(inv.run.out(), QStringLiteral("No shifts."));
                             });
                     });
                 });
    verbs << VerbDef(
        "log", "TEAM", "A team's shift changes: who was on call when (default: today, UTC).")
                 .args(1, 1)
                 .option("start", "TIME", "from (ISO 8601, \"now\" or relative like -7d)")
                 .option("end", "TIME", "until")
                 .option("user", "USER", "only this user's shifts")
                 .details(kTeamArgHelp)
                 .calls(ops::getTeamShiftLog)
                 .run([](Invocation& inv) {
                     ShiftLogQuery query;
                     for (const auto& [name, slot] :
                         { std::pair { "start", &query.start }, std::pair { "end", &query.end } }) {
                         const QString option = QString::fromLatin1(name);
                         if (!inv.args.has(option))
                             continue;
                         const auto time = parseTime(inv.args.value(option));
                         if (!time) {
                             inv.run.usageError(QStringLiteral("--%1 is not a time: '%2'")
                                                    .arg(option, inv.args.value(option)));
                             return;
                         }
                         *slot = *time;
                     }
                     query.userName = inv.args.value(QStringLiteral("user"));
                     resolveTeam(inv.run, inv.args.arg(0), [&inv, query](const QString& slug) {
                         show(inv.run, calls::getTeamShiftLog(inv.run.client(), slug, query),
                             [&inv](const OnCallLog& log) {
                                 inv.run.out() << "Shifts of " << log.teamSlug << " from "
                                               << localTime(log.start) << " to "
                                               << localTime(log.end) << ":\n";
                                 Table table({ QStringLiteral("USER"), QStringLiteral("POLICY"),
                                     QStringLiteral("ON"), QStringLiteral("OFF"),
                                     QStringLiteral("DURATION") });
                                 for (const UserShiftLog& user : log.userLogs) {
                                     for (const OnCallInterval& interval : user.log) {
                                         table.addRow({ user.userId, interval.escalationPolicy.name,
                                             localTime(interval.on),
                                             interval.off.isValid() ? localTime(interval.off)
                                                                    : QStringLiteral("(on call)"),
                                             duration(interval.duration) });
                                     }
                                 }
                                 table.print(inv.run.out(), QStringLiteral("No shifts."));
                             });
                     });
                 });
    verbs << VerbDef(
        "take", "", "Take on-call: --to is on call instead of --from until the shift ends.")
                 .option("policy", "POLICY", "the escalation policy (slug or name)")
                 .option("team", "TEAM",
                     "every policy of the team where --from is on call (deprecated API)")
                 .option("to", "USER", "who goes on call")
                 .required()
                 .option("from", "USER", "who hands over (default: whoever is on call now)")
                 .details("Give exactly one of --policy and --team. The same take with --to and "
                          "--from swapped\n"
                          "gives on-call back.")
                 .calls(ops::getCurrentOnCall, "without --from")
                 .calls(ops::takeOnCall)
                 .calls(ops::takeTeamOnCall, "with --team")
                 .run([](Invocation& inv) {
                     const bool byPolicy = inv.args.has(QStringLiteral("policy"));
                     if (byPolicy == inv.args.has(QStringLiteral("team"))) {
                         inv.run.usageError(
                             QStringLiteral("give exactly one of --policy POLICY and --team TEAM"));
                         return;
                     }
                     const auto done = [&inv](const QString& from, const QString& what) {
                         return [&inv, from, what](const TakeResult& result) {
                             inv.run.out() << inv.args.value(QStringLiteral("to"))
                                           << " is on call for " << what << " instead of " << from
                                           << " (" << result.result << ").\n";
                         };
                     };
                     if (byPolicy) {
                         resolvePolicy(inv.run, inv.args.value(QStringLiteral("policy")),
                             [&inv, done](const QString& policy) {
                                 resolveFromUser(
                                     inv, policy, {}, [&inv, done, policy](const QString& from) {
                                         const TakeRequest take { from,
                                             inv.args.value(QStringLiteral("to")) };
                                         show(inv.run,
                                             calls::takeOnCall(inv.run.client(), policy, take),
                                             done(from, policy));
                                     });
                             });
                         return;
                     }
                     resolveTeam(inv.run, inv.args.value(QStringLiteral("team")),
                         [&inv, done](const QString& team) {
                             resolveFromUser(
                                 inv, {}, team, [&inv, done, team](const QString& from) {
                                     const TakeRequest take { from,
                                         inv.args.value(QStringLiteral("to")) };
                                     show(inv.run,
                                         calls::takeTeamOnCall(inv.run.client(), team, take),
                                         done(from, team));
                                 });
                         });
                 });
    return makeResource("oncall", "who is on call: now, schedules, shift log, take on-call", verbs);
}

// --- overrides -----------------------------------------------------------------------------------

QString standIn(const OverrideAssignment& assignment)
{
    return assignment.assigned && !assignment.user.isEmpty() ? assignment.user
                                                             : QStringLiteral("(unassigned)");
}

void printAssignments(CommandRun& run, const QList<OverrideAssignment>& assignments)
{
    Table table({ QStringLiteral("POLICY"), QStringLiteral("TEAM"), QStringLiteral("STANDS IN") });
    for (const OverrideAssignment& assignment : assignments)
        table.addRow({ assignment.policy, assignment.team, standIn(assignment) });
    table.print(run.out(), QStringLiteral("No assignments."));
}

void printOverride(CommandRun& run, const ScheduledOverride& override)
{
    const QString name = fullName(override.firstName, override.lastName);
    Fields()
        .add(QStringLiteral("Id"), override.publicId)
        .add(QStringLiteral("Away"),
            name.isEmpty() ? override.username
                           : QStringLiteral("%1 (%2)").arg(override.username, name))
        .add(QStringLiteral("From"), localTime(override.start.utc))
        .add(QStringLiteral("Until"), localTime(override.end.utc))
        .add(QStringLiteral("Time zone"), override.timeZone)
        .print(run.out());
    run.out() << '\n';
    printAssignments(run, override.assignments);
}

void printAssignment(CommandRun& run, const OverrideAssignment& assignment)
{
    Fields()
        .add(QStringLiteral("Policy"), assignment.policy)
        .add(QStringLiteral("Team"), assignment.team)
        .add(QStringLiteral("Stands in"), standIn(assignment))
        .print(run.out());
}

const char* const kOverridePolicyHelp
    = "POLICY is an escalation policy's slug (pol-...) or its name.";

Resource overrides()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the scheduled overrides (who is away when).")
                 .calls(ops::listOverrides)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listOverrides(inv.run.client()),
                         [&inv](const ScheduledOverrideList& list) {
                             Table table({ QStringLiteral("ID"), QStringLiteral("AWAY"),
                                 QStringLiteral("FROM"), QStringLiteral("UNTIL"),
                                 QStringLiteral("TIME ZONE"), QStringLiteral("ASSIGNED") });
                             for (const ScheduledOverride& override : list.overrides) {
                                 int assigned = 0;
                                 for (const OverrideAssignment& assignment : override.assignments)
                                     assigned += assignment.assigned ? 1 : 0;
                                 table.addRow({ override.publicId, override.username,
                                     localTime(override.start.utc), localTime(override.end.utc),
                                     override.timeZone,
                                     QStringLiteral("%1 of %2")
                                         .arg(assigned)
                                         .arg(override.assignments.size()) });
                             }
                             table.print(inv.run.out(), QStringLiteral("No scheduled overrides."));
                         });
                 });
    verbs << VerbDef("create", "", "Schedule an override: --user is away from --start to --end.")
                 .option("user", "USER", "who is away")
                 .required()
                 .option("start", "TIME",
                     "from, e.g. \"2026-12-24 09:00\" (in --timezone), an ISO time with offset, or "
                     "+2d")
                 .required()
                 .option("end", "TIME", "until")
                 .required()
                 .option("timezone", "ZONE",
                     "IANA time zone, e.g. Europe/Berlin (default: this computer's)")
                 .details("The service then lists one unassigned assignment per escalation policy "
                          "of the user;\n"
                          "'overrides assign' names who stands in.")
                 .calls(ops::createOverride)
                 .run([](Invocation& inv) {
                     NewScheduledOverride request;
                     request.username = inv.args.value(QStringLiteral("user"));
                     request.timeZone = inv.args.value(QStringLiteral("timezone"),
                         QString::fromUtf8(QTimeZone::systemTimeZoneId()));
                     if (!QTimeZone::isTimeZoneIdAvailable(request.timeZone.toUtf8())) {
                         inv.run.usageError(
                             QStringLiteral("unknown time zone '%1'").arg(request.timeZone));
                         return;
                     }
                     for (const auto& [name, slot] : { std::pair { "start", &request.start },
                              std::pair { "end", &request.end } }) {
                         const QString option = QString::fromLatin1(name);
                         const auto time = parseTime(inv.args.value(option), request.timeZone);
                         if (!time) {
                             inv.run.usageError(QStringLiteral("--%1 is not a time: '%2'")
                                                    .arg(option, inv.args.value(option)));
                             return;
                         }
                         *slot = *time;
                     }
                     show(inv.run, calls::createOverride(inv.run.client(), request),
                         [&inv](const ScheduledOverride& created) {
                             printOverride(inv.run, created);
                         });
                 });
    verbs << VerbDef("get", "ID", "Show a scheduled override and its assignments.")
                 .args(1, 1)
                 .calls(ops::getOverride)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::getOverride(inv.run.client(), inv.args.arg(0)),
                         [&inv](const ScheduledOverride& override) {
                             printOverride(inv.run, override);
                         });
                 });
    verbs << VerbDef("delete", "ID", "Delete a scheduled override.")
                 .args(1, 1)
                 .calls(ops::deleteOverride)
                 .run([](Invocation& inv) {
                     showDone(inv.run, calls::deleteOverride(inv.run.client(), inv.args.arg(0)),
                         QStringLiteral("Deleted scheduled override %1.").arg(inv.args.arg(0)));
                 });
    verbs << VerbDef("assignments", "ID", "List who stands in for each escalation policy.")
                 .args(1, 1)
                 .calls(ops::listOverrideAssignments)
                 .run([](Invocation& inv) {
                     show(inv.run,
                         calls::listOverrideAssignments(inv.run.client(), inv.args.arg(0)),
                         [&inv](const OverrideAssignmentList& list) {
                             printAssignments(inv.run, list.assignments);
                         });
                 });
    verbs << VerbDef("assignment", "ID POLICY", "Show who stands in for one escalation policy.")
                 .args(2, 2)
                 .details(kOverridePolicyHelp)
                 .calls(ops::getOverrideAssignment)
                 .run([](Invocation& inv) {
                     resolvePolicy(inv.run, inv.args.arg(1), [&inv](const QString& policy) {
                         show(inv.run,
                             calls::getOverrideAssignment(
                                 inv.run.client(), inv.args.arg(0), policy),
                             [&inv](const OverrideAssignment& assignment) {
                                 printAssignment(inv.run, assignment);
                             });
                     });
                 });
    verbs << VerbDef("assign", "ID POLICY USER", "Name who stands in for one escalation policy.")
                 .args(3, 3)
                 .details(kOverridePolicyHelp)
                 .calls(ops::updateOverrideAssignment)
                 .run([](Invocation& inv) {
                     resolvePolicy(inv.run, inv.args.arg(1), [&inv](const QString& policy) {
                         show(inv.run,
                             calls::updateOverrideAssignment(
                                 inv.run.client(), inv.args.arg(0), policy, inv.args.arg(2)),
                             [&inv](const OverrideAssignment& assignment) {
                                 printAssignment(inv.run, assignment);
                             });
                     });
                 });
    verbs << VerbDef("unassign", "ID POLICY", "Leave one escalation policy's stand-in open again.")
                 .args(2, 2)
                 .details(kOverridePolicyHelp)
                 .calls(ops::deleteOverrideAssignment)
                 .run([](Invocation& inv) {
                     resolvePolicy(inv.run, inv.args.arg(1), [&inv](const QString& policy) {
                         show(inv.run,
                             calls::deleteOverrideAssignment(
                                 inv.run.client(), inv.args.arg(0), policy),
                             [&inv](const OverrideAssignment& assignment) {
                                 printAssignment(inv.run, assignment);
                             });
                     });
                 });
    return makeResource("overrides", "scheduled overrides: who is away, and who stands in", verbs);
}

} // namespace

void addOnCallCommands(Registry& registry)
{
    registry.add(oncall());
    registry.add(overrides());
}

} // namespace rota::cli
