// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Teams: the team list and details, members, admins and the team's escalation policies.
//
// Every DTO reads itself with `static T fromJson(const JsonReader &)` (unknown fields ignored,
// missing optional fields left at their defaults, wrong types recorded by the reader with their
// path) and writes itself back with `QJsonObject toJson() const` under the API's field names.
// Convention for answers that are a bare JSON array (only GET /team here): the wrapper reads the
// array with forEachElement, `toJsonValue()` gives back the array itself (the faithful form), and
// `toJson()` wraps it as {"items": [...]} for callers that need an object.

#include "apiclient.h"
#include "calls.h"
#include "policies.h"
#include "requestscheduler.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rota {

//! TeamDetail: a team as GET/POST/PUT /team answer it.
struct Team {
    QString name;
    QString slug; //!< "team-..."; the {team} of the team URLs
    int memberCount = 0;
    int version = 0;
    bool isDefaultTeam = false;
    QString selfUrl; //!< _selfUrl
    QString membersUrl; //!< _membersUrl
    QString policiesUrl; //!< _policiesUrl
    QString adminsUrl; //!< _adminsUrl

    static Team fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The answer of GET /team: a bare array of teams.
struct TeamList {
    QList<Team> teams;

    static TeamList fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const; //!< the array, as the API sends it
    QJsonObject toJson() const; //!< {"items": [...]}
};

//! A team member (TeamMember). The API sends `verified` as the string "true"/"false"; a boolean
//! is read too, and toJson writes the string back.
struct TeamMember {
    QString username;
    QString firstName;
    QString lastName;
    int version = 0;
    bool verified = false;

    static TeamMember fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! ListTeamMembersResponse, the answer of GET and POST /team/{team}/members.
struct TeamMemberList {
    QList<TeamMember> members;
    QString selfUrl; //!< _selfUrl
    QString teamUrl; //!< _teamUrl

    static TeamMemberList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! A team admin (TeamAdmin).
struct TeamAdmin {
    QString username;
    QString firstName;
    QString lastName;
    QString selfUrl; //!< _selfUrl, the user's URL

    static TeamAdmin fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TeamAdminsResponse: {"teamAdmins": [...]}.
struct TeamAdminList {
    QList<TeamAdmin> admins;

    static TeamAdminList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The team's policy list has the same shape as the org's (see policies.h); these names stay
//! for the code that knew them first (incidents' pagedPolicies).
using TeamPolicy = EscalationPolicyInfo;
using TeamPolicyList = EscalationPolicyInfoList;

namespace calls {

//! GET /api-public/v1/team
ApiCall<TeamList> listTeams(ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/team — 422 (BadRequest) when the name is taken.
ApiCall<Team> createTeam(ApiClient& client, const QString& name);

//! GET /api-public/v1/team/{team}
ApiCall<Team> getTeam(ApiClient& client, const QString& teamSlug, CallPriority priority = {});

//! PUT /api-public/v1/team/{team} — renames the team.
ApiCall<Team> updateTeam(ApiClient& client, const QString& teamSlug, const QString& name);

//! DELETE /api-public/v1/team/{team}
ApiCall<NoContent> deleteTeam(ApiClient& client, const QString& teamSlug);

//! GET /api-public/v1/team/{team}/policies — deprecated by the vendor in favour of
//! GET /api-public/v1/policies, which lists every team's policies.
ApiCall<EscalationPolicyInfoList> listTeamPolicies(
    ApiClient& client, const QString& teamSlug, CallPriority priority = {});

//! GET /api-public/v1/team/{team}/admins
ApiCall<TeamAdminList> listTeamAdmins(
    ApiClient& client, const QString& teamSlug, CallPriority priority = {});

//! GET /api-public/v1/team/{team}/members
ApiCall<TeamMemberList> listTeamMembers(
    ApiClient& client, const QString& teamSlug, CallPriority priority = {});

//! POST /api-public/v1/team/{team}/members — answers the team's members after the change.
ApiCall<TeamMemberList> addTeamMember(
    ApiClient& client, const QString& teamSlug, const QString& username);

//! DELETE /api-public/v1/team/{team}/members/{user} — `replacement` (another member of the
//! team) takes over the removed user's shifts; 422 (BadRequest) when it is not one.
ApiCall<NoContent> removeTeamMember(ApiClient& client, const QString& teamSlug,
    const QString& username, const QString& replacement);

} // namespace calls

} // namespace rota
