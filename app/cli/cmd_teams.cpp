// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// teams and rotations, and the lookup of a team by name.

#include "cli.h"
#include "oncall.h"
#include "rotations.h"
#include "teams.h"

#include <QTimeZone>

namespace rota::cli {

void resolveTeam(CommandRun& run, const QString& team, std::function<void(const QString&)> next)
{
    if (team.startsWith(QLatin1String("team-"))) {
        next(team);
        return;
    }
    then(run, calls::listTeams(run.client()), [&run, team, next](const TeamList& list) {
        QStringList slugs;
        for (const Team& candidate : list.teams) {
            if (candidate.name.compare(team, Qt::CaseInsensitive) == 0)
                slugs.append(candidate.slug);
        }
        if (slugs.size() == 1)
            next(slugs.first());
        else if (slugs.isEmpty())
            run.usageError(QStringLiteral("no team is named '%1' ('rotactl teams list' shows them)")
                               .arg(team));
        else
            run.usageError(QStringLiteral("several teams are named '%1': use a slug (%2)")
                               .arg(team, joined(slugs)));
    });
}

namespace {

const char* const kTeamArgHelp = "TEAM is a team's slug (team-...) or its name.";

void printTeam(CommandRun& run, const Team& team)
{
    Fields()
        .add(QStringLiteral("Name"), team.name)
        .add(QStringLiteral("Slug"), team.slug)
        .add(QStringLiteral("Members"), QString::number(team.memberCount))
        .add(QStringLiteral("Default team"),
            team.isDefaultTeam ? QStringLiteral("yes") : QStringLiteral("no"))
        .add(QStringLiteral("Version"), QString::number(team.version))
        .print(run.out());
}

void printMembers(CommandRun& run, const TeamMemberList& list)
{
    Table table({ QStringLiteral("USERNAME"), QStringLiteral("NAME"), QStringLiteral("VERIFIED") });
    for (const TeamMember& member : list.members) {
        table.addRow({ member.username, fullName(member.firstName, member.lastName),
            member.verified ? QStringLiteral("yes") : QStringLiteral("no") });
    }
    table.print(run.out(), QStringLiteral("No members."));
}

//! A verb whose first argument is TEAM: resolves it, then runs `body` with the slug.
std::function<void(Invocation&)> withTeam(std::function<void(Invocation&, const QString&)> body)
{
    return [body](Invocation& inv) {
        resolveTeam(
            inv.run, inv.args.arg(0), [&inv, body](const QString& slug) { body(inv, slug); });
    };
}

Resource teams()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the teams.").calls(ops::listTeams).run([](Invocation& inv) {
        show(inv.run, calls::listTeams(inv.run.client()), [&inv](const TeamList& list) {
            Table table({ QStringLiteral("NAME"), QStringLiteral("SLUG"), QStringLiteral("MEMBERS"),
                QStringLiteral("DEFAULT") });
            for (const Team& team : list.teams) {
                table.addRow({ team.name, team.slug, QString::number(team.memberCount),
                    team.isDefaultTeam ? QStringLiteral("yes") : QString() });
            }
            table.print(inv.run.out(), QStringLiteral("No teams."));
        });
    });
    verbs << VerbDef("create", "NAME", "Add a team.")
                 .args(1, 1)
                 .calls(ops::createTeam)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::createTeam(inv.run.client(), inv.args.arg(0)),
                         [&inv](const Team& team) { printTeam(inv.run, team); });
                 });
    verbs << VerbDef("get", "TEAM", "Show a team.")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::getTeam)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::getTeam(inv.run.client(), slug),
                         [&inv](const Team& team) { printTeam(inv.run, team); });
                 }));
    verbs << VerbDef("rename", "TEAM NAME", "Rename a team.")
                 .args(2, 2)
                 .details(kTeamArgHelp)
                 .calls(ops::updateTeam)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::updateTeam(inv.run.client(), slug, inv.args.arg(1)),
                         [&inv](const Team& team) { printTeam(inv.run, team); });
                 }));
    verbs << VerbDef("delete", "TEAM", "Remove a team (delete its escalation policies first).")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::deleteTeam)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     showDone(inv.run, calls::deleteTeam(inv.run.client(), slug),
                         QStringLiteral("Removed team %1.").arg(slug));
                 }));
    verbs << VerbDef("policies", "TEAM",
        "List a team's escalation policies (deprecated API; see 'policies list').")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::listTeamPolicies)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::listTeamPolicies(inv.run.client(), slug),
                         [&inv](const EscalationPolicyInfoList& list) {
                             Table table({ QStringLiteral("POLICY"), QStringLiteral("SLUG"),
                                 QStringLiteral("TEAM") });
                             for (const EscalationPolicyInfo& policy : list.policies)
                                 table.addRow(
                                     { policy.policyName, policy.policySlug, policy.teamName });
                             table.print(inv.run.out(), QStringLiteral("No escalation policies."));
                         });
                 }));
    verbs << VerbDef("admins", "TEAM", "List a team's admins.")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::listTeamAdmins)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::listTeamAdmins(inv.run.client(), slug),
                         [&inv](const TeamAdminList& list) {
                             Table table({ QStringLiteral("USERNAME"), QStringLiteral("NAME") });
                             for (const TeamAdmin& admin : list.admins)
                                 table.addRow(
                                     { admin.username, fullName(admin.firstName, admin.lastName) });
                             table.print(inv.run.out(), QStringLiteral("No admins."));
                         });
                 }));
    verbs << VerbDef("members", "TEAM", "List a team's members.")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::listTeamMembers)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::listTeamMembers(inv.run.client(), slug),
                         [&inv](const TeamMemberList& list) { printMembers(inv.run, list); });
                 }));
    verbs << VerbDef("add-member", "TEAM USER", "Add a user to a team.")
                 .args(2, 2)
                 .details(kTeamArgHelp)
                 .calls(ops::addTeamMember)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::addTeamMember(inv.run.client(), slug, inv.args.arg(1)),
                         [&inv](const TeamMemberList& list) {
                             inv.run.out() << "Added " << inv.args.arg(1) << ". Members now:\n";
                             printMembers(inv.run, list);
                         });
                 }));
    verbs << VerbDef("remove-member", "TEAM USER",
        "Remove a user from a team; --replacement takes over their shifts.")
                 .args(2, 2)
                 .option("replacement", "USER", "another member of the team")
                 .required()
                 .details(kTeamArgHelp)
                 .calls(ops::removeTeamMember)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     showDone(inv.run,
                         calls::removeTeamMember(inv.run.client(), slug, inv.args.arg(1),
                             inv.args.value(QStringLiteral("replacement"))),
                         QStringLiteral("Removed %1 from %2.").arg(inv.args.arg(1), slug));
                 }));
    return makeResource("teams", "teams, their members and admins", verbs);
}

//! GROUP and SHIFT as whole numbers; on anything else a usage error (and nullopt).
std::optional<std::pair<qint64, qint64>> groupAndShift(Invocation& inv)
{
    const auto group = inv.number(inv.args.arg(1), QStringLiteral("GROUP"));
    if (!group)
        return std::nullopt;
    const auto shift = inv.number(inv.args.arg(2), QStringLiteral("SHIFT"));
    if (!shift)
        return std::nullopt;
    return std::make_pair(qint64(*group), qint64(*shift));
}

void printScheduled(CommandRun& run, const ScheduledUser& user)
{
    Fields()
        .add(QStringLiteral("Scheduled"), user.username)
        .add(QStringLiteral("Name"), user.displayName)
        .add(QStringLiteral("Version"), QString::number(user.version))
        .print(run.out());
}

void printShifts(
    CommandRun& run, qint64 groupId, const QString& label, const QList<RotationShift>& shifts)
{
    run.out() << label << " (group " << groupId << ")\n";
    if (shifts.isEmpty())
        run.out() << "  no shifts\n";
    for (const RotationShift& shift : shifts) {
        // The start on the shift's own wall clock, as the zone beside it says.
        const QTimeZone zone(shift.timezone.toUtf8());
        const QString start = zone.isValid() && shift.start.isValid()
            ? shift.start.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : localTime(shift.start);
        run.out() << "  shift " << shift.shiftId << ": " << shift.label << ", "
                  << shift.durationDays << " days from " << start << " (" << shift.timezone << "), "
                  << shift.shiftType << '\n';
        run.out() << "    members: "
                  << (shift.members.isEmpty() ? QStringLiteral("none") : joined(shift.usernames()))
                  << '\n';
        if (shift.current) {
            run.out() << "    on call now: " << shift.current->username << " until "
                      << localTime(shift.current->end) << '\n';
        }
        if (shift.next)
            run.out() << "    next: " << shift.next->username << '\n';
    }
}

Resource rotations()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "TEAM", "List a team's rotation groups.")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::listRotationGroups)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::listRotationGroups(inv.run.client(), slug),
                         [&inv](const RotationGroupList& list) {
                             Table table({ QStringLiteral("LABEL"), QStringLiteral("SLUG"),
                                 QStringLiteral("GROUP"), QStringLiteral("TEAM") });
                             for (const RotationGroup& group : list.rotationGroups) {
                                 table.addRow({ group.label, group.slug,
                                     group.groupId ? QString::number(group.groupId)
                                                   : QStringLiteral("-"),
                                     group.teamSlug });
                             }
                             table.print(inv.run.out(), QStringLiteral("No rotation groups."));
                         });
                 }));
    verbs << VerbDef("show", "TEAM",
        "A team's rotation groups with their shifts, members and who is on each now.")
                 .args(1, 1)
                 .details(kTeamArgHelp)
                 .calls(ops::listTeamRotations)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     show(inv.run, calls::listTeamRotations(inv.run.client(), slug),
                         [&inv](const TeamRotations& list) {
                             if (list.rotations.isEmpty())
                                 inv.run.out() << "No rotation groups.\n";
                             for (const TeamRotation& group : list.rotations)
                                 printShifts(inv.run, group.groupId, group.label, group.shifts);
                         });
                 }));
    verbs << VerbDef("create", "TEAM",
        "Create a rotation group; with --shift, one shift whose members take turns.")
                 .args(1, 1)
                 .option("label", "NAME", "the group's name")
                 .required()
                 .option("shift", "NAME", "the shift's name (without it the group has no shift)")
                 .option("timezone", "ZONE", "the shift's IANA time zone (default UTC)")
                 .option("start", "TIME",
                     "when the first shift starts, in the shift's zone (default now)")
                 .option("days", "N", "how long each shift lasts, in days (default 7)")
                 .option("type", "TYPE", "std, fts, cstm or pho (default std)")
                 .option("member", "USER", "a member, in rotation order")
                 .many()
                 .details("TEAM is a team's slug (team-...) or its name. The start is sent as "
                          "epoch milliseconds, and once more as an ISO-8601 string if the "
                          "service refuses that form.")
                 .calls(ops::createRotationGroup)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     const Args& a = inv.args;
                     NewRotationGroup group;
                     group.label = a.value(QStringLiteral("label"));
                     if (a.has(QStringLiteral("shift"))) {
                         NewRotationShift shift;
                         shift.label = a.value(QStringLiteral("shift"));
                         shift.timezone
                             = a.value(QStringLiteral("timezone"), QStringLiteral("UTC"));
                         const auto start
                             = parseTime(a.value(QStringLiteral("start"), QStringLiteral("now")),
                                 shift.timezone);
                         if (!start) {
                             inv.run.usageError(QStringLiteral("--start: not a time: %1")
                                                    .arg(a.value(QStringLiteral("start"))));
                             return;
                         }
                         shift.start = *start;
                         const auto days
                             = inv.number(a.value(QStringLiteral("days"), QStringLiteral("7")),
                                 QStringLiteral("--days"));
                         if (!days)
                             return;
                         shift.durationDays = *days;
                         shift.shiftType = a.value(QStringLiteral("type"), QStringLiteral("std"));
                         shift.usernames = a.values(QStringLiteral("member"));
                         group.shifts.append(shift);
                     } else if (a.has(QStringLiteral("member"))) {
                         inv.run.usageError(QStringLiteral("--member needs --shift"));
                         return;
                     }
                     RotationGroupCreation* creation
                         = calls::createRotationGroup(inv.run.client(), slug, group);
                     QObject::connect(
                         creation, &RotationGroupCreation::finished, &inv.run, [&inv, creation] {
                             if (!creation->ok()) {
                                 inv.run.fail(creation->error());
                                 return;
                             }
                             const CreatedRotationGroup& created = creation->value();
                             if (inv.run.json()) {
                                 inv.run.printJson(created.toJson());
                             } else {
                                 inv.run.out() << "Created rotation group " << created.id << ".\n";
                                 printShifts(inv.run, created.id, created.label, created.shifts);
                             }
                             inv.run.finish(ExitOk);
                         });
                 }));
    verbs << VerbDef("delete", "TEAM GROUP", "Delete a rotation group (GROUP: its number).")
                 .args(2, 2)
                 .details(kTeamArgHelp)
                 .calls(ops::deleteRotationGroup)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     const auto group = inv.number(inv.args.arg(1), QStringLiteral("GROUP"));
                     if (!group)
                         return;
                     showDone(inv.run, calls::deleteRotationGroup(inv.run.client(), slug, *group),
                         QStringLiteral("Deleted rotation group %1.").arg(*group));
                 }));
    verbs << VerbDef("scheduled", "TEAM GROUP SHIFT", "Who is scheduled on a shift now.")
                 .args(3, 3)
                 .details("TEAM is a team's slug (team-...) or its name; GROUP and SHIFT are the "
                          "numbers 'rotactl rotations show' gives.")
                 .calls(ops::getScheduledUser)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     const auto ids = groupAndShift(inv);
                     if (!ids)
                         return;
                     show(inv.run,
                         calls::getScheduledUser(inv.run.client(), slug, ids->first, ids->second),
                         [&inv](const ScheduledUser& user) { printScheduled(inv.run, user); });
                 }));
    verbs << VerbDef("set-scheduled", "TEAM GROUP SHIFT USER",
        "Put a member of the shift on it now; the rotation goes on from them.")
                 .args(4, 4)
                 .details("TEAM is a team's slug (team-...) or its name; GROUP and SHIFT are the "
                          "numbers 'rotactl rotations show' gives; USER must be a member of the "
                          "shift.")
                 .calls(ops::setScheduledUser)
                 .run(withTeam([](Invocation& inv, const QString& slug) {
                     const auto ids = groupAndShift(inv);
                     if (!ids)
                         return;
                     ScheduledUserChange change;
                     change.username = inv.args.arg(3);
                     show(inv.run,
                         calls::setScheduledUser(
                             inv.run.client(), slug, ids->first, ids->second, change),
                         [&inv](const ScheduledUser& user) {
                             inv.run.out() << "Scheduled " << user.username << " now.\n";
                             printScheduled(inv.run, user);
                         });
                 }));
    return makeResource(
        "rotations", "a team's rotation groups and who is scheduled on them", verbs);
}

} // namespace

void addTeamCommands(Registry& registry)
{
    registry.add(teams());
    registry.add(rotations());
}

} // namespace rota::cli
