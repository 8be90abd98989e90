// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rota::sim {

// The simulated organisation. Plain data, written independently of the client's DTOs; the reply
// shapes are built from it by the handlers (sim/handlers_*.cpp) as the vendor definition says.
// Times are UTC QDateTime unless a comment says otherwise.

struct SimContactMethod {
    int id = 0; //!< numeric id, used by paging-policy rules as contact.id
    QString extId; //!< the contactId in contact-method URLs
    QString label;
    QString value; //!< the address or number
    int rank = 0;
};

struct SimDevice {
    int id = 0;
    QString extId;
    QString label;
    QString deviceType; //!< e.g. "iPhone", "Android"
    QString escalationSound;
    QString chatSound;
    QString resolvedSound;
};

struct SimPagingRule {
    QString notificationType; //!< push, email, sms, phone
    QString contactType; //!< email or phone; empty for push rules, which go to every device
    int contactId = 0; //!< SimContactMethod::id; 0 for push rules
};

struct SimPagingStep {
    int timeout = 5; //!< minutes; one of the policy-values timeouts
    QList<SimPagingRule> rules; //!< positional: a rule's index is its position
};

struct SimUser {
    int userId = 0;
    QString username;
    QString firstName;
    QString lastName;
    QString email;
    QDateTime createdAt;
    QDateTime passwordLastUpdated;
    bool verified = true;
    bool admin = false;
    QList<SimContactMethod> emails;
    QList<SimContactMethod> phones;
    QList<SimDevice> devices;
    QList<SimPagingStep> pagingPolicy; //!< positional: a step's index is its position
};

struct SimTeam {
    QString slug; //!< "team-xxxxxxxx"
    QString name;
    QStringList members; //!< usernames
    QStringList admins; //!< usernames, a subset of members
    bool isDefault = false;
    int version = 1;
};

//! A rotation group: members take shifts of shiftHours in turn, from anchor on.
struct SimRotation {
    QString slug; //!< "rtg-xxxxxxxx"
    QString teamSlug;
    QString label; //!< e.g. "Primary"
    QString shiftName; //!< e.g. "Weekly"
    QStringList members; //!< usernames, in shift order
    int shiftHours = 168;
    QDateTime anchor; //!< start of the first shift (members[0])
    QString timeZone; //!< IANA name the rotation is defined in, e.g. "Europe/Berlin"
    int groupId = 0; //!< the numeric group id of the newer rotation calls; 0: not given yet
    int shiftId = 0; //!< the numeric id of the group's one shift (rot_id, shiftId)
    bool hasShift = true; //!< false for a group created without shifts (nobody on call)
    QString shiftType = QStringLiteral("std"); //!< std, fts, cstm or pho
    QJsonObject masks; //!< mask, mask2, mask3 as created; empty: every day, all day
    int rollOffset = 0; //!< added to the shift index to pick the member (set scheduled user)
    int scheduledVersion = 1; //!< counts the scheduled-user changes
    bool nobodyBeforeAnchor = false; //!< a created group: nobody is on it before its first shift
};

struct SimPolicyEntry {
    QString executionType; //!< rotation_group, rotation_group_next, rotation_group_previous, user,
                           //!< webhook, email, policy_routing
    QString target; //!< rotation slug, username, webhook slug, e-mail address or policy slug
};

struct SimPolicyStep {
    int timeout = 0; //!< minutes
    QList<SimPolicyEntry> entries;
};

struct SimPolicy {
    QString slug; //!< "pol-xxxxxxxx"
    QString name;
    QString teamSlug;
    bool ignoreCustomPagingPolicies = false;
    QList<SimPolicyStep> steps;
};

//! "Take on-call": toUser is on call for policySlug instead of fromUser until `end`.
struct SimTakeOverride {
    QString policySlug;
    QString fromUser;
    QString toUser;
    QDateTime start;
    QDateTime end;
};

//! A scheduled override: username is away from start to end; per policy the replacement.
struct SimScheduledOverride {
    QString publicId;
    QString username;
    QString timeZone; //!< IANA
    QDateTime start;
    QDateTime end;
    QMap<QString, QString> assignments; //!< policy slug -> replacement username ("" = unassigned)
};

struct SimTransition {
    QString name; //!< UNACKED, ACKED, RESOLVED (the reporting API shows them lower-case)
    QDateTime at;
    QString by;
    QString message;
    bool manually = false;
    QString alertId;
};

struct SimNote {
    QString name;
    QString displayName;
    QJsonObject jsonValue;
};

//! A chat message (POST /api-public/v1/chat), on an incident's timeline or the org's.
struct SimChatMessage {
    qint64 sequence = 0; //!< org-wide, increasing
    QString username;
    QString text;
    QString externalUsername;
    QString monitoringTool;
    QStringList tags;
    QDateTime at;
};

struct SimIncident {
    int number = 0;
    QString phase; //!< UNACKED, ACKED, RESOLVED
    QDateTime startTime;
    QDateTime lastAlertTime;
    int alertCount = 1;
    QString lastAlertId; //!< uuid of the newest alert
    QString firstAlertUuid;
    QString entityId;
    QString entityDisplayName;
    QString entityType; //!< SERVICE or HOST
    QString entityState; //!< CRITICAL, WARNING, OK
    QString host;
    QString service;
    QString routingKey;
    QString monitorName;
    QString monitorType; //!< one of the definition's enum values
    QStringList pagedUsers;
    QStringList pagedTeams; //!< team slugs
    QStringList pagedPolicies; //!< policy slugs
    QList<SimTransition> transitions;
    QList<SimNote> notes;
    QList<SimChatMessage> chat; //!< oldest first
    QList<int> stakeholderMessages; //!< ids of SimOrg::stakeholderMessages about it
};

struct SimAlert {
    QString uuid;
    QString entityId;
    QString entityDisplayName;
    QString messageType; //!< CRITICAL, WARNING, INFO, ACKNOWLEDGEMENT, RECOVERY
    qint64 timestampMs = 0;
    qint64 stateStartTimeMs = 0;
    QString stateMessage;
    QString monitoringTool;
    QString ackMsg;
    QString ackAuthor;
    QJsonObject raw; //!< the alert as the monitoring tool sent it
};

//! One annotation or transformation of an alert rule.
struct SimAlertRuleAnnotation {
    int id = 0;
    QString annotationType; //!< "u" URL, "s" note, "i" image
    QString fieldName; //!< the annotation's title, or the field a transformation sets
    QString fieldValue;
    int flags = 0; //!< 0 annotation, 1 transformation of fieldName
};

//! A Rules Engine rule (/api-public/v1/alertRules); SimOrg::alertRules keeps them in rank order.
struct SimAlertRule {
    int id = 0;
    QString alertField;
    QString alertValueMatch;
    QString matchType; //!< WILDCARD or REGEX
    int rank = 1; //!< 1-based and contiguous: its position in SimOrg::alertRules plus one
    bool stopFlag = false;
    QString notes;
    QString routeKey; //!< where a matching alert goes; empty: its routing key stays
    qint64 lastUpdatedMs = 0;
    QString lastUpdatedBy;
    QList<SimAlertRuleAnnotation> annotations;
};

struct SimRoutingKey {
    QString key;
    QStringList policySlugs;
    bool isDefault = false;
};

struct SimMaintenance {
    QString instanceId;
    QString startedBy;
    qint64 startedAtMs = 0;
    QStringList routingKeys; //!< empty when global
    bool isGlobal = false;
};

struct SimWebhook {
    QString slug;
    QString label;
    QString url;
};

//! A completed or current stint on call, for the reporting API's team shift log.
struct SimShiftLogEntry {
    QString teamSlug;
    QString policySlug;
    QString username;
    QDateTime on;
    QDateTime off; //!< invalid while still on call
};

//! A message sent to stakeholders (POST /api-public/v1/stakeholders/sendMessage).
struct SimStakeholderMessage {
    int id = 0; //!< 1, 2, ... in the order sent
    QString title; //!< "title" (newer body) or "summary" (older)
    QString message; //!< "message" (newer) or "details" (older, may be empty)
    int incidentNumber = 0; //!< 0 when none was given
    QStringList users; //!< usernames as the org spells them
    QStringList teams; //!< team slugs
    QString shape; //!< "newer" or "older": which body the client sent
    QDateTime sentAt;
};

struct SimOrg {
    QString companyId;
    QString orgSlug;
    QString demoUser; //!< the username `rota --demo` signs in as (an admin with a full profile)
    QMap<QString, SimUser> users; //!< by username
    QMap<QString, SimTeam> teams; //!< by slug
    QMap<QString, SimRotation> rotations; //!< by slug
    QMap<QString, SimPolicy> policies; //!< by slug
    QMap<QString, SimWebhook> webhooks; //!< by slug
    QList<SimRoutingKey> routingKeys;
    QList<SimTakeOverride> takeOverrides;
    QMap<QString, SimScheduledOverride> scheduledOverrides; //!< by publicId
    QMap<int, SimIncident> incidents; //!< open and resolved, by number
    QHash<QString, SimAlert> alerts; //!< by uuid
    QList<SimMaintenance> maintenance; //!< active instances
    QList<SimShiftLogEntry> shiftLog;
    QList<SimAlertRule> alertRules; //!< in rank order
    int nextAlertRuleId = 1;
    int nextAlertAnnotationId = 1;
    QList<SimStakeholderMessage> stakeholderMessages; //!< oldest first
    QList<SimChatMessage> chat; //!< messages on no incident, oldest first
    qint64 nextChatSequence = 1;
    int nextIncidentNumber = 1;
    int nextContactId = 1000;
    int nextUserId = 1;
    int lastRotationGroupId = 0; //!< the newest numeric rotation group id given out
    int lastShiftId = 0; //!< the newest numeric shift id given out
    quint64 idCounter = 1; //!< source of readable unique ids (slugs, public ids)

    //! A new id with the vendor's prefix style, e.g. newSlug("team") -> "team-a1B2c3D4".
    QString newSlug(const QString& prefix);
    //! A new RFC 4122-shaped uuid derived from idCounter (deterministic).
    QString newUuid();
};

//! The stakeholder messages as the state file and /_sim/state show them, and back; the read
//! also lists each message on its incident (SimIncident::stakeholderMessages). In
//! handlers_stakeholders.cpp.
QJsonArray stakeholderMessagesToJson(const QList<SimStakeholderMessage>& messages);
bool stakeholderMessagesFromJson(const QJsonValue& json, SimOrg* org, QString* error);

} // namespace rota::sim
