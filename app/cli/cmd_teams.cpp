// teams and rotations, and the lookup of a team by name.

#include "cli.h"
#include "oncall.h"
#include "teams.h"

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
                                 QStringLiteral("TEAM") });
                             for (const RotationGroup& group : list.rotationGroups)
                                 table.addRow({ group.label, group.slug, group.teamSlug });
                             table.print(inv.run.out(), QStringLiteral("No rotation groups."));
                         });
                 }));
    return makeResource("rotations", "a team's rotation groups", verbs);
}

} // namespace

void addTeamCommands(Registry& registry)
{
    registry.add(teams());
    registry.add(rotations());
}

} // namespace rota::cli
