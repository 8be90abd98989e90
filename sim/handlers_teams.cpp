// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Teams, their members and admins, their escalation policies (the list) and rotation groups.
#include "schedules.h"
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

QString userUrl(const QString& username) { return kApi + QStringLiteral("/user/") + username; }

SimReply teamNotFound(const QString& slug)
{
    return SimReply::notFound(QStringLiteral("Team '%1'").arg(slug));
}

// The vendor documents 422 for these ("Team name or email is unavailable", "the replacement
// team member was not found"), so they are not 400s.
SimReply unprocessable(const QString& message) { return SimReply::error(422, message); }

// -- Reply shapes -------------------------------------------------------------------------

QJsonObject teamDetail(const SimTeam& team)
{
    const QString self = teamUrl(team.slug);
    return QJsonObject {
        { QStringLiteral("_selfUrl"), self },
        { QStringLiteral("_membersUrl"), QString(self + QStringLiteral("/members")) },
        { QStringLiteral("_policiesUrl"), QString(self + QStringLiteral("/policies")) },
        { QStringLiteral("_adminsUrl"), QString(self + QStringLiteral("/admins")) },
        { QStringLiteral("name"), team.name },
        { QStringLiteral("slug"), team.slug },
        { QStringLiteral("memberCount"), static_cast<int>(team.members.size()) },
        { QStringLiteral("version"), team.version },
        { QStringLiteral("isDefaultTeam"), team.isDefault },
    };
}

QJsonObject teamMembers(const SimOrg& org, const SimTeam& team)
{
    QJsonArray members;
    for (const QString& username : team.members) {
        const SimUser user = org.users.value(username);
        members.append(QJsonObject {
            { QStringLiteral("username"), username },
            { QStringLiteral("firstName"), user.firstName },
            { QStringLiteral("lastName"), user.lastName },
            // The data model keeps no per-user revision; every simulated user is at its first.
            { QStringLiteral("version"), 1 },
            // A string in the vendor's definition, not a boolean.
            { QStringLiteral("verified"),
                user.verified ? QStringLiteral("true") : QStringLiteral("false") },
        });
    }
    return QJsonObject {
        { QStringLiteral("_selfUrl"), QString(teamUrl(team.slug) + QStringLiteral("/members")) },
        { QStringLiteral("_teamUrl"), teamUrl(team.slug) },
        { QStringLiteral("members"), members },
    };
}
bool teamNameTaken(const SimOrg& org, const QString& name, const QString& exceptSlug)
{
    for (const SimTeam& team : org.teams) {
        if (team.slug != exceptSlug && QString::compare(team.name, name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Reads and checks a team name from an AddTeamPayload body.
std::optional<QString> readTeamName(BodyReader& body)
{
    const QString name = body.requireString(QStringLiteral("name")).trimmed();
    if (body.ok() && name.isEmpty())
        body.fail(QStringLiteral("field 'name' must not be empty"));
    if (!body.ok())
        return std::nullopt;
    return name;
}

// -- Teams ----------------------------------------------------------------------------------

SimReply listTeams(SimContext& ctx, const SimRequest&)
{
    QList<const SimTeam*> teams;
    for (const SimTeam& team : ctx.org.teams)
        teams.append(&team);
    std::sort(teams.begin(), teams.end(),
        [](const SimTeam* a, const SimTeam* b) { return lessCaseless(a->name, b->name); });
    QJsonArray list;
    for (const SimTeam* team : std::as_const(teams))
        list.append(teamDetail(*team));
    return SimReply::json(list);
}

SimReply addTeam(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const auto name = readTeamName(body);
    if (!name)
        return body.error();
    if (teamNameTaken(ctx.org, *name, QString()))
        return unprocessable(QStringLiteral("Team name '%1' is unavailable").arg(*name));
    SimTeam team;
    team.slug = ctx.org.newSlug(QStringLiteral("team"));
    team.name = *name;
    ctx.org.teams.insert(team.slug, team);
    return SimReply::json(teamDetail(team));
}

SimReply getTeam(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    return SimReply::json(teamDetail(*it));
}

SimReply updateTeam(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.find(request.arg(0));
    if (it == ctx.org.teams.end())
        return teamNotFound(request.arg(0));
    BodyReader body(request);
    const auto name = readTeamName(body);
    if (!name)
        return body.error();
    if (teamNameTaken(ctx.org, *name, it->slug))
        return unprocessable(QStringLiteral("Team name '%1' is unavailable").arg(*name));
    if (it->name != *name) {
        it->name = *name;
        ++it->version;
    }
    return SimReply::json(teamDetail(*it));
}

SimReply removeTeam(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    const auto it = ctx.org.teams.find(slug);
    if (it == ctx.org.teams.end())
        return teamNotFound(slug);
    if (it->isDefault)
        return SimReply::badRequest(QStringLiteral("The default team cannot be removed"));
    // Like the real service, which wants the team's escalation policies cleaned up first.
    int policies = 0;
    for (const SimPolicy& policy : std::as_const(ctx.org.policies))
        policies += policy.teamSlug == slug ? 1 : 0;
    if (policies > 0) {
        return SimReply::badRequest(
            QStringLiteral("Team '%1' still has %2 escalation policies; delete them first")
                .arg(slug)
                .arg(policies));
    }
    ctx.org.teams.erase(it);
    for (auto rot = ctx.org.rotations.begin(); rot != ctx.org.rotations.end();) {
        if (rot->teamSlug == slug)
            rot = ctx.org.rotations.erase(rot);
        else
            ++rot;
    }
    // The shift log and incidents keep the team as history.
    return SimReply::empty();
}

SimReply listTeamPolicies(SimContext& ctx, const SimRequest& request)
{
    if (!ctx.org.teams.contains(request.arg(0)))
        return teamNotFound(request.arg(0));
    return SimReply::json(policyInfoList(ctx.org, request.arg(0)));
}

SimReply listTeamAdmins(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    QJsonArray admins;
    for (const QString& username : it->admins) {
        const SimUser user = ctx.org.users.value(username);
        admins.append(QJsonObject {
            { QStringLiteral("username"), username },
            { QStringLiteral("firstName"), user.firstName },
            { QStringLiteral("lastName"), user.lastName },
            { QStringLiteral("_selfUrl"), userUrl(username) },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("teamAdmins"), admins } });
}

SimReply listTeamMembers(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    return SimReply::json(teamMembers(ctx.org, *it));
}

SimReply addTeamMember(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.find(request.arg(0));
    if (it == ctx.org.teams.end())
        return teamNotFound(request.arg(0));
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("username"));
    if (!body.ok())
        return body.error();
    if (!ctx.org.users.contains(username))
        return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
    if (it->members.contains(username)) {
        return SimReply::badRequest(
            QStringLiteral("User '%1' is already a member of team '%2'").arg(username, it->slug));
    }
    it->members.append(username);
    ++it->version;
    return SimReply::json(teamMembers(ctx.org, *it));
}

SimReply removeTeamMember(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    const QString username = request.arg(1);
    const auto it = ctx.org.teams.find(slug);
    if (it == ctx.org.teams.end())
        return teamNotFound(slug);
    BodyReader body(request);
    const QString replacement = body.requireString(QStringLiteral("replacement"));
    if (!body.ok())
        return body.error();
    if (!it->members.contains(username)) {
        return SimReply::error(
            404, QStringLiteral("User '%1' is not a member of team '%2'").arg(username, slug));
    }
    // The replacement inherits the removed user's shifts, so it has to be someone else on
    // this team, as in the web application's dialog.
    if (replacement == username || !it->members.contains(replacement)) {
        return unprocessable(QStringLiteral("Replacement '%1' must be another member of team '%2'")
                                 .arg(replacement, slug));
    }

    it->members.removeAll(username);
    it->admins.removeAll(username);
    ++it->version;
    for (SimRotation& rotation : ctx.org.rotations) {
        if (rotation.teamSlug != slug || !rotation.members.contains(username))
            continue;
        // Replacing in place keeps everyone else's shifts where they were.
        if (rotation.members.contains(replacement))
            rotation.members.removeAll(username);
        else
            std::replace(rotation.members.begin(), rotation.members.end(), username, replacement);
    }
    return SimReply::empty();
}

SimReply listTeamRotations(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    if (!ctx.org.teams.contains(slug))
        return teamNotFound(slug);
    ensureRotationIds(ctx.org);
    QList<const SimRotation*> rotations;
    for (const SimRotation& rotation : ctx.org.rotations) {
        if (rotation.teamSlug == slug)
            rotations.append(&rotation);
    }
    std::sort(rotations.begin(), rotations.end(), [](const SimRotation* a, const SimRotation* b) {
        return lessCaseless(a->label, b->label);
    });
    QJsonArray list;
    for (const SimRotation* rotation : std::as_const(rotations)) {
        list.append(QJsonObject {
            { QStringLiteral("teamSlug"), rotation->teamSlug },
            { QStringLiteral("slug"), rotation->slug },
            { QStringLiteral("label"), rotation->label },
            { QStringLiteral("groupId"), rotation->groupId },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("rotationGroups"), list } });
}

} // namespace

QString teamUrl(const QString& slug) { return kApi + QStringLiteral("/team/") + slug; }

bool lessCaseless(const QString& a, const QString& b)
{
    const int byName = QString::compare(a, b, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a < b;
}

void registerTeamRoutes(SimRouter& router, SimContext& ctx)
{
    const QString team = kApi + QStringLiteral("/team/{team}");

    addRoute(router, ctx, "GET", kApi + QStringLiteral("/team"), 60, &listTeams);
    addRoute(router, ctx, "POST", kApi + QStringLiteral("/team"), 60, &addTeam);
    addRoute(router, ctx, "GET", team, 60, &getTeam);
    addRoute(router, ctx, "PUT", team, 60, &updateTeam);
    addRoute(router, ctx, "DELETE", team, 60, &removeTeam);
    addRoute(router, ctx, "GET", team + QStringLiteral("/policies"), 60, &listTeamPolicies);
    addRoute(router, ctx, "GET", team + QStringLiteral("/admins"), 60, &listTeamAdmins);
    addRoute(router, ctx, "GET", team + QStringLiteral("/members"), 60, &listTeamMembers);
    addRoute(router, ctx, "POST", team + QStringLiteral("/members"), 60, &addTeamMember);
    addRoute(
        router, ctx, "DELETE", team + QStringLiteral("/members/{user}"), 60, &removeTeamMember);
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/teams/{team}/rotations"), 60,
        &listTeamRotations);
}

} // namespace rota::sim
