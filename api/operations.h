// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "requestscheduler.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace rota {

//! One operation of the Splunk On-Call public API: the one place that spells its method, its path
//! template, its documented rate limit and the queue its calls go to. The calls (api/), the
//! scheduler's budgets and rotactl's help all read it from here.
struct Operation {
    //! Unconfirmed: called by one public client only and absent from the vendor's listings; the
    //! service may answer 404, and callers must say so in words rather than fail.
    enum Status { Current, Deprecated, Unconfirmed };

    const char* method;
    const char* pattern; //!< the documented path, with {placeholders}
    int limitPerMinute; //!< 0 where the documentation states none
    Status status = Current;
    //! The queue a call goes to unless its caller chooses (reads may be sent as background polls).
    RequestScheduler::Priority priority = RequestScheduler::Priority::User;

    bool deprecated() const { return status == Deprecated; }
    bool unconfirmed() const { return status == Unconfirmed; }
    //! "GET /api-public/v1/incidents": the key the scheduler budgets by.
    QString key() const;
};

//! A caller's choice of queue for a read; unset: the operation's own Operation::priority.
using CallPriority = std::optional<RequestScheduler::Priority>;

//! Every operation, named after the call that sends it, in the order of the vendor's
//! documentation. Limits as documented per operation ("maximum of N times per minute").
namespace ops {

// clang-format off
inline constexpr Operation listUsers { "GET", "/api-public/v1/user", 60 };
inline constexpr Operation createUser { "POST", "/api-public/v1/user", 60 };
inline constexpr Operation createUsers { "POST", "/api-public/v1/user/batch", 15 };
inline constexpr Operation getUser { "GET", "/api-public/v1/user/{user}", 60 };
inline constexpr Operation updateUser { "PUT", "/api-public/v1/user/{user}", 60 };
inline constexpr Operation deleteUser { "DELETE", "/api-public/v1/user/{user}", 60 };
inline constexpr Operation listUserTeams { "GET", "/api-public/v1/user/{user}/teams", 60 };
inline constexpr Operation listNotificationTypes { "GET", "/api-public/v1/policies/types/notifications", 60 };
inline constexpr Operation listContactTypes { "GET", "/api-public/v1/policies/types/contacts", 60 };
inline constexpr Operation listTimeoutTypes { "GET", "/api-public/v1/policies/types/timeouts", 60 };
inline constexpr Operation getPagingPolicy { "GET", "/api-public/v1/profile/{username}/policies", 20 };
inline constexpr Operation createPagingStep { "POST", "/api-public/v1/profile/{username}/policies", 60 };
inline constexpr Operation getPagingStep { "GET", "/api-public/v1/profile/{username}/policies/{step}", 60 };
inline constexpr Operation createPagingRule { "POST", "/api-public/v1/profile/{username}/policies/{step}", 60 };
inline constexpr Operation updatePagingStep { "PUT", "/api-public/v1/profile/{username}/policies/{step}", 60 };
inline constexpr Operation getPagingRule { "GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60 };
inline constexpr Operation updatePagingRule { "PUT", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60 };
inline constexpr Operation deletePagingRule { "DELETE", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60 };
inline constexpr Operation getContactMethods { "GET", "/api-public/v1/user/{user}/contact-methods", 60 };
inline constexpr Operation listContactDevices { "GET", "/api-public/v1/user/{user}/contact-methods/devices", 60 };
inline constexpr Operation getContactDevice { "GET", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60 };
inline constexpr Operation updateContactDevice { "PUT", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60 };
inline constexpr Operation deleteContactDevice { "DELETE", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60 };
inline constexpr Operation listContactEmails { "GET", "/api-public/v1/user/{user}/contact-methods/emails", 60 };
inline constexpr Operation createContactEmail { "POST", "/api-public/v1/user/{user}/contact-methods/emails", 60 };
inline constexpr Operation getContactEmail { "GET", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}", 60 };
inline constexpr Operation deleteContactEmail { "DELETE", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}", 60 };
inline constexpr Operation listContactPhones { "GET", "/api-public/v1/user/{user}/contact-methods/phones", 60 };
inline constexpr Operation createContactPhone { "POST", "/api-public/v1/user/{user}/contact-methods/phones", 60 };
inline constexpr Operation getContactPhone { "GET", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}", 60 };
inline constexpr Operation deleteContactPhone { "DELETE", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}", 60 };
inline constexpr Operation listUserPolicies { "GET", "/api-public/v1/user/{user}/policies", 60 };
inline constexpr Operation getUserScheduleV1 { "GET", "/api-public/v1/user/{user}/oncall/schedule", 60, Operation::Deprecated };
inline constexpr Operation getUserSchedule { "GET", "/api-public/v2/user/{user}/oncall/schedule", 60 };
inline constexpr Operation getTeamScheduleV1 { "GET", "/api-public/v1/team/{team}/oncall/schedule", 60, Operation::Deprecated };
inline constexpr Operation getTeamSchedule { "GET", "/api-public/v2/team/{team}/oncall/schedule", 60 };
inline constexpr Operation getCurrentOnCall { "GET", "/api-public/v1/oncall/current", 60 };
inline constexpr Operation getTeamShiftLog { "GET", "/api-reporting/v1/team/{team}/oncall/log", 60 };
inline constexpr Operation takeTeamOnCall { "PATCH", "/api-public/v1/team/{team}/oncall/user", 60, Operation::Deprecated };
inline constexpr Operation takeOnCall { "PATCH", "/api-public/v1/policies/{policy}/oncall/user", 60 };
inline constexpr Operation getIncident { "GET", "/api-public/v1/incidents/{incidentNumber}", 60 };
inline constexpr Operation listIncidents { "GET", "/api-public/v1/incidents", 60 };
inline constexpr Operation createIncident { "POST", "/api-public/v1/incidents", 60 };
inline constexpr Operation ackIncidents { "PATCH", "/api-public/v1/incidents/ack", 60 };
inline constexpr Operation rerouteIncidents { "POST", "/api-public/v1/incidents/reroute", 60 };
inline constexpr Operation resolveIncidents { "PATCH", "/api-public/v1/incidents/resolve", 60 };
inline constexpr Operation ackIncidentsByUser { "PATCH", "/api-public/v1/incidents/byUser/ack", 60 };
inline constexpr Operation resolveIncidentsByUser { "PATCH", "/api-public/v1/incidents/byUser/resolve", 60 };
inline constexpr Operation listIncidentNotes { "GET", "/api-public/v1/incidents/{incidentNumber}/notes", 60 };
inline constexpr Operation createIncidentNote { "POST", "/api-public/v1/incidents/{incidentNumber}/notes", 60 };
inline constexpr Operation updateIncidentNote { "PUT", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", 60 };
inline constexpr Operation deleteIncidentNote { "DELETE", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", 60 };
inline constexpr Operation getAlert { "GET", "/api-public/v1/alerts/{uuid}", 60 };
inline constexpr Operation listRoutingKeys { "GET", "/api-public/v1/org/routing-keys", 60 };
inline constexpr Operation createRoutingKey { "POST", "/api-public/v1/org/routing-keys", 60 };
inline constexpr Operation listOverrides { "GET", "/api-public/v1/overrides", 60 };
inline constexpr Operation createOverride { "POST", "/api-public/v1/overrides", 60 };
inline constexpr Operation getOverride { "GET", "/api-public/v1/overrides/{publicId}", 60 };
inline constexpr Operation deleteOverride { "DELETE", "/api-public/v1/overrides/{publicId}", 60 };
inline constexpr Operation listOverrideAssignments { "GET", "/api-public/v1/overrides/{publicId}/assignments", 60 };
inline constexpr Operation getOverrideAssignment { "GET", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60 };
inline constexpr Operation updateOverrideAssignment { "PUT", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60 };
inline constexpr Operation deleteOverrideAssignment { "DELETE", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60 };
inline constexpr Operation listRotationGroups { "GET", "/api-public/v1/teams/{team}/rotations", 60 };
inline constexpr Operation listWebhooks { "GET", "/api-public/v1/webhooks", 60 };
inline constexpr Operation listEscalationPolicies { "GET", "/api-public/v1/policies", 60 };
inline constexpr Operation createEscalationPolicy { "POST", "/api-public/v1/policies", 60 };
inline constexpr Operation getEscalationPolicy { "GET", "/api-public/v1/policies/{policy}", 60 };
inline constexpr Operation deleteEscalationPolicy { "DELETE", "/api-public/v1/policies/{policy}", 60 };
inline constexpr Operation searchIncidentHistory { "GET", "/api-reporting/v2/incidents", 1 };
inline constexpr Operation listTeams { "GET", "/api-public/v1/team", 60 };
inline constexpr Operation createTeam { "POST", "/api-public/v1/team", 60 };
inline constexpr Operation getTeam { "GET", "/api-public/v1/team/{team}", 60 };
inline constexpr Operation updateTeam { "PUT", "/api-public/v1/team/{team}", 60 };
inline constexpr Operation deleteTeam { "DELETE", "/api-public/v1/team/{team}", 60 };
inline constexpr Operation listTeamPolicies { "GET", "/api-public/v1/team/{team}/policies", 60, Operation::Deprecated };
inline constexpr Operation listTeamAdmins { "GET", "/api-public/v1/team/{team}/admins", 60 };
inline constexpr Operation listTeamMembers { "GET", "/api-public/v1/team/{team}/members", 60 };
inline constexpr Operation addTeamMember { "POST", "/api-public/v1/team/{team}/members", 60 };
inline constexpr Operation removeTeamMember { "DELETE", "/api-public/v1/team/{team}/members/{user}", 60 };
inline constexpr Operation getMaintenanceMode { "GET", "/api-public/v1/maintenancemode", 0 };
inline constexpr Operation startMaintenanceMode { "POST", "/api-public/v1/maintenancemode/start", 0 };
inline constexpr Operation endMaintenanceMode { "PUT", "/api-public/v1/maintenancemode/{maintenancemodeid}/end", 0 };
inline constexpr Operation searchIncidentHistoryV1 { "GET", "/api-reporting/v1/incidents", 1, Operation::Deprecated };
// The operations the service gained after the 2020 definition (endpoints-newer.tsv): limits where
// one is stated for the operation itself.
inline constexpr Operation listUsersV2 { "GET", "/api-public/v2/user", 120 };
inline constexpr Operation getPagingPolicies { "GET", "/api-public/v2/profile/{username}/policies", 0 };
inline constexpr Operation createRotationGroup { "POST", "/api-public/v1/teams/{team}/rotations", 0 };
inline constexpr Operation deleteRotationGroup { "DELETE", "/api-public/v1/teams/{team}/rotations/{groupId}", 0 };
inline constexpr Operation getScheduledUser { "GET", "/api-public/v1/teams/{team}/rotations/{groupId}/{shiftId}/scheduled", 0 };
inline constexpr Operation setScheduledUser { "PUT", "/api-public/v1/teams/{team}/rotations/{groupId}/{shiftId}/scheduled", 0 };
inline constexpr Operation listTeamRotations { "GET", "/api-public/v2/team/{team}/rotations", 0 };
inline constexpr Operation postChatMessage { "POST", "/api-public/v1/chat", 0 };
inline constexpr Operation listChatMessages { "GET", "/api-public/v1/chat", 0, Operation::Unconfirmed };
inline constexpr Operation sendStakeholderMessage { "POST", "/api-public/v1/stakeholders/sendMessage", 0 };
inline constexpr Operation listAlertRules { "GET", "/api-public/v1/alertRules", 120 };
inline constexpr Operation createAlertRule { "POST", "/api-public/v1/alertRules", 120 };
inline constexpr Operation updateAlertRule { "PUT", "/api-public/v1/alertRules/{ruleId}", 120 };
inline constexpr Operation deleteAlertRule { "DELETE", "/api-public/v1/alertRules/{ruleId}", 120 };
// clang-format on

} // namespace ops

//! Every operation the client knows (all of ops::): those of the vendor's 2020 definition in its
//! order (endpoints.tsv), then those it gained since (endpoints-newer.tsv, in that file's order).
const QList<Operation>& operations();
//! The operation with this method and pattern, or nullptr.
const Operation* findOperation(const QByteArray& method, const QString& pattern);
//! The operation with this key ("GET /api-public/v1/incidents", see Operation::key()), or nullptr.
const Operation* findOperation(const QString& key);

//! True for a write addressed by position rather than by id: the steps and rules of a paging
//! policy are numbered by their place, so a PUT or DELETE sent twice after the first one was
//! applied (and the list renumbered) would change or remove another step or rule. ApiClient
//! never sends such a call a second time.
bool isPositional(const Operation& operation);
bool isPositional(const QString& key);

//! The largest answer Rota reads for the operation, in bytes: ListReplyBytes for reads of a
//! collection (the 10,000 incidents of a large organisation are about 12 MB), OtherReplyBytes
//! for everything else. ApiClient stops reading above it (ApiErrorKind::TooLarge).
qint64 maxReplyBytes(const Operation& operation);
//! The same by key; for keys outside the catalog: ListReplyBytes for a GET, else OtherReplyBytes.
qint64 maxReplyBytes(const QString& key);
inline constexpr qint64 ListReplyBytes = 64LL * 1024 * 1024;
inline constexpr qint64 OtherReplyBytes = 4LL * 1024 * 1024;

} // namespace rota
