// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teams.h"

#include "jsonreader.h"

#include <limits>

namespace rota {

namespace {

QJsonObject teamBody(const QString& name)
{
    return QJsonObject { { QStringLiteral("name"), name } };
}

} // namespace

Team Team::fromJson(const JsonReader& r)
{
    Team t;
    t.name = r.str(QStringLiteral("name"));
    t.slug = r.str(QStringLiteral("slug"));
    t.memberCount = r[QStringLiteral("memberCount")].toInt32();
    t.version = r[QStringLiteral("version")].toInt32();
    t.isDefaultTeam = r.boolean(QStringLiteral("isDefaultTeam"));
    t.selfUrl = r.str(QStringLiteral("_selfUrl"));
    t.membersUrl = r.str(QStringLiteral("_membersUrl"));
    t.policiesUrl = r.str(QStringLiteral("_policiesUrl"));
    t.adminsUrl = r.str(QStringLiteral("_adminsUrl"));
    return t;
}

QJsonObject Team::toJson() const
{
    return QJsonObject {
        { QStringLiteral("_selfUrl"), selfUrl },
        { QStringLiteral("_membersUrl"), membersUrl },
        { QStringLiteral("_policiesUrl"), policiesUrl },
        { QStringLiteral("_adminsUrl"), adminsUrl },
        { QStringLiteral("name"), name },
        { QStringLiteral("slug"), slug },
        { QStringLiteral("memberCount"), memberCount },
        { QStringLiteral("version"), version },
        { QStringLiteral("isDefaultTeam"), isDefaultTeam },
    };
}

TeamList TeamList::fromJson(const JsonReader& r)
{
    TeamList list;
    r.forEachElement([&list](JsonReader& e) { list.teams.append(Team::fromJson(e)); });
    return list;
}

QJsonValue TeamList::toJsonValue() const { return toJsonArray(teams); }

QJsonObject TeamList::toJson() const
{
    return QJsonObject { { QStringLiteral("items"), toJsonArray(teams) } };
}

TeamMember TeamMember::fromJson(const JsonReader& r)
{
    TeamMember m;
    m.username = r.str(QStringLiteral("username"));
    m.firstName = r.str(QStringLiteral("firstName"));
    m.lastName = r.str(QStringLiteral("lastName"));
    m.version = r[QStringLiteral("version")].toInt32();
    const JsonReader verified = r[QStringLiteral("verified")];
    if (verified.value().isBool()) {
        m.verified = verified.toBool();
    } else {
        const QString text = verified.toString();
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            m.verified = true;
        else if (!text.isEmpty() && text.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            JsonReader(verified).fail(
                QStringLiteral("expected \"true\" or \"false\", got \"%1\"").arg(text.left(40)));
    }
    return m;
}

QJsonObject TeamMember::toJson() const
{
    return QJsonObject {
        { QStringLiteral("username"), username },
        { QStringLiteral("firstName"), firstName },
        { QStringLiteral("lastName"), lastName },
        { QStringLiteral("version"), version },
        { QStringLiteral("verified"), verified ? QStringLiteral("true") : QStringLiteral("false") },
    };
}

TeamMemberList TeamMemberList::fromJson(const JsonReader& r)
{
    TeamMemberList list;
    list.selfUrl = r.str(QStringLiteral("_selfUrl"));
    list.teamUrl = r.str(QStringLiteral("_teamUrl"));
    r.forEach(QStringLiteral("members"),
        [&list](JsonReader& e) { list.members.append(TeamMember::fromJson(e)); });
    return list;
}

QJsonObject TeamMemberList::toJson() const
{
    return QJsonObject {
        { QStringLiteral("_selfUrl"), selfUrl },
        { QStringLiteral("_teamUrl"), teamUrl },
        { QStringLiteral("members"), toJsonArray(members) },
    };
}

TeamAdmin TeamAdmin::fromJson(const JsonReader& r)
{
    TeamAdmin a;
    a.username = r.str(QStringLiteral("username"));
    a.firstName = r.str(QStringLiteral("firstName"));
    a.lastName = r.str(QStringLiteral("lastName"));
    a.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return a;
}

QJsonObject TeamAdmin::toJson() const
{
    return QJsonObject {
        { QStringLiteral("username"), username },
        { QStringLiteral("firstName"), firstName },
        { QStringLiteral("lastName"), lastName },
        { QStringLiteral("_selfUrl"), selfUrl },
    };
}

TeamAdminList TeamAdminList::fromJson(const JsonReader& r)
{
    TeamAdminList list;
    r.forEach(QStringLiteral("teamAdmins"),
        [&list](JsonReader& e) { list.admins.append(TeamAdmin::fromJson(e)); });
    return list;
}

QJsonObject TeamAdminList::toJson() const
{
    return QJsonObject { { QStringLiteral("teamAdmins"), toJsonArray(admins) } };
}

namespace calls {

ApiCall<TeamList> listTeams(ApiClient& client, CallPriority priority)
{
    return send<TeamList>(client, request(ops::listTeams, {}, priority));
}

ApiCall<Team> createTeam(ApiClient& client, const QString& name)
{
    return send<Team>(client, withBody(request(ops::createTeam), teamBody(name)));
}

ApiCall<Team> getTeam(ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<Team>(client, request(ops::getTeam, { teamSlug }, priority));
}

ApiCall<Team> updateTeam(ApiClient& client, const QString& teamSlug, const QString& name)
{
    return send<Team>(client, withBody(request(ops::updateTeam, { teamSlug }), teamBody(name)));
}

ApiCall<NoContent> deleteTeam(ApiClient& client, const QString& teamSlug)
{
    return sendNoContent(client, request(ops::deleteTeam, { teamSlug }));
}

ApiCall<EscalationPolicyInfoList> listTeamPolicies(
    ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<EscalationPolicyInfoList>(
        client, request(ops::listTeamPolicies, { teamSlug }, priority));
}

ApiCall<TeamAdminList> listTeamAdmins(
    ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<TeamAdminList>(client, request(ops::listTeamAdmins, { teamSlug }, priority));
}

ApiCall<TeamMemberList> listTeamMembers(
    ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<TeamMemberList>(client, request(ops::listTeamMembers, { teamSlug }, priority));
}

ApiCall<TeamMemberList> addTeamMember(
    ApiClient& client, const QString& teamSlug, const QString& username)
{
    return send<TeamMemberList>(client,
        withBody(request(ops::addTeamMember, { teamSlug }),
            QJsonObject { { QStringLiteral("username"), username } }));
}

ApiCall<NoContent> removeTeamMember(
    ApiClient& client, const QString& teamSlug, const QString& username, const QString& replacement)
{
    return sendNoContent(client,
        withBody(request(ops::removeTeamMember, { teamSlug, username }),
            QJsonObject { { QStringLiteral("replacement"), replacement } }));
}

} // namespace calls

} // namespace rota
