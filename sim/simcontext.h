// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "simorg.h"
#include "simrouter.h"

#include <QDateTime>
#include <QMap>
#include <QRandomGenerator>

namespace rota::sim {

enum class OrgSize { Small, Large };

//! Everything rota-sim can be told on its command line (see simoptions.cpp for the defaults).
struct SimOptions {
    quint16 port = 0;
    quint32 seed = 1;
    OrgSize size = OrgSize::Small;
    QString apiId = QStringLiteral("rota-demo-id");
    QString apiKey = QStringLiteral("rota-demo-key");
    QStringList readOnlyKeys;
    int throttleStatus = 403; //!< 403 as the definition says, or 429 with Retry-After
    double incidentRate = 0; //!< new incidents per minute
    //! Live activity (--incident-rate, /_sim/incidents) also pages this user directly; empty: only
    //! whom the routing key's policies page. SimServer::start() refuses a user the org lacks.
    QString pageUser;
    //! When resolveAfterMaxSeconds > 0, each incident of live activity recovers by itself at a
    //! uniformly random time from resolveAfterMinSeconds to resolveAfterMaxSeconds after it
    //! started (if still open), and no other live activity resolves it.
    int resolveAfterMinSeconds = 0;
    int resolveAfterMaxSeconds = 0;
    //! How long GET /api-public/v1/incidents keeps listing an incident after it was resolved.
    int resolvedWindowSeconds = 3600;
    QString faults; //!< fault spec, see simfaults.h
    QString stateFile;
    bool enforceRateLimits = true;
    //! Answers compressed with gzip when the client accepts it (see encodeForClient); false:
    //! always identity (rota-sim --no-gzip).
    bool gzip = true;
    //! What every /_sim/ request must carry in X-Sim-Token; empty: SimService makes a random one.
    QString controlToken;
    //! GET /api-public/v1/chat exists; false (--no-chat-read): 404 like a service without it.
    bool chatRead = true;
};

//! The simulator's state and services shared by all handlers. Single-threaded: everything runs on
//! the thread of the server's event loop.
class SimContext {
public:
    explicit SimContext(const SimOptions& options);

    SimOptions options;
    SimOrg org;
    QRandomGenerator rng;

    //! The simulator's clock: real time, plus an offset tests can move with /_sim/clock.
    QDateTime now() const;
    qint64 clockOffsetMs = 0;

    //! Incident number -> when it recovers by itself (SimOptions::resolveAfterMaxSeconds). Not
    //! part of the saved state.
    QMap<int, QDateTime> plannedRecoveries;
};

// --- Operations shared between handler modules -----------------------------------------------

// sim/schedules.cpp
//! Who the rotation's schedule (without overrides) puts on call at `at`.
QString rotationUserAt(const SimRotation& rotation, const QDateTime& at);
//! Who is on call for the policy's first step at `at`, overrides and "take on-call" applied.
QStringList policyOnCallAt(const SimContext& ctx, const QString& policySlug, const QDateTime& at);

// sim/handlers_incidents.cpp
struct NewIncident {
    QString summary; //!< becomes entityDisplayName and the alert's state message
    QString details;
    QString entityId;
    QString host;
    QString service;
    QString routingKey;
    QString monitorName;
    QString monitorType = QStringLiteral("API");
    QString entityState = QStringLiteral("CRITICAL");
    QStringList policySlugs; //!< escalation policies to page
    QStringList usernames; //!< users to page directly
    QDateTime start; //!< invalid: now
    QString createdBy; //!< user who created it by hand; empty for a monitoring alert
    //! The org's alert rules change the alert first (live activity; not incidents made by hand).
    bool runAlertRules = false;
};
//! Creates an UNACKED incident with its first alert, pages the targets, returns its number.
int createIncident(SimContext& ctx, const NewIncident& incident);
//! One step of live activity (--incident-rate, /_sim/incidents): always one new incident from the
//! org's services, and now and then an older monitoring incident resolving by itself.
void simulateActivity(SimContext& ctx);
//! Recovers the incidents whose planned recovery time has come (see plannedRecoveries); returns
//! how many resolved.
int recoverDueIncidents(SimContext& ctx);

// sim/seed.cpp
//! Fills ctx.org with the seeded organisation for ctx.options.size and ctx.options.seed.
void seedOrg(SimContext& ctx);

// sim/simstate.cpp
//! The whole org as JSON, and back. load returns false and sets *error when the file is unusable.
QJsonObject orgToJson(const SimOrg& org);
bool orgFromJson(const QJsonObject& json, SimOrg* org, QString* error);

// sim/simservice.cpp
//! An operation of a handler module: the reply to the request, from and to the context.
using SimOperation = SimReply (*)(SimContext& ctx, const SimRequest& request);
//! Routes method and pattern to the operation, with its documented limit per minute.
void addRoute(SimRouter& router, SimContext& ctx, const char* method, const QString& pattern,
    int limitPerMinute, SimOperation operation);
void addRoute(SimRouter& router, SimContext& ctx, const char* method, const char* pattern,
    int limitPerMinute, SimOperation operation);

// Route registration, one function per handler module (sim/handlers_*.cpp), one resource group
// each.
void registerUserRoutes(SimRouter& router, SimContext& ctx); // users, their teams and policies
void registerContactMethodRoutes(SimRouter& router, SimContext& ctx); // e-mails, phones, devices
void registerPagingPolicyRoutes(SimRouter& router, SimContext& ctx); // personal paging policies
void registerPolicyValueRoutes(SimRouter& router, SimContext& ctx); // notification/contact types
void registerTeamRoutes(SimRouter& router, SimContext& ctx); // teams, members, admins, rotations
void registerWebhookRoutes(SimRouter& router, SimContext& ctx); // outgoing webhooks
void registerEscalationPolicyRoutes(SimRouter& router, SimContext& ctx); // escalation policies
void registerRoutingKeyRoutes(SimRouter& router, SimContext& ctx); // routing keys
void registerMaintenanceRoutes(SimRouter& router, SimContext& ctx); // maintenance mode
void registerOnCallRoutes(SimRouter& router, SimContext& ctx); // on-call now, take on-call
void registerScheduleRoutes(SimRouter& router, SimContext& ctx); // team and user schedules
void registerRotationRoutes(SimRouter& router, SimContext& ctx); // rotation groups, scheduled users
void registerOverrideRoutes(SimRouter& router, SimContext& ctx); // scheduled overrides
void registerShiftLogRoutes(SimRouter& router, SimContext& ctx); // the team shift log
void registerIncidentRoutes(SimRouter& router, SimContext& ctx); // incidents, ack, resolve, reroute
void registerNoteRoutes(SimRouter& router, SimContext& ctx); // incident notes
void registerAlertRoutes(SimRouter& router, SimContext& ctx); // alerts
void registerReportingRoutes(SimRouter& router, SimContext& ctx); // the incident history
void registerAlertRuleRoutes(SimRouter& router, SimContext& ctx); // the Rules Engine

// sim/handlers_alertrules.cpp
//! A few Rules Engine rules in the seeded org (the same for every seed and size).
void seedAlertRules(SimContext& ctx);
//! Runs the org's alert rules over an alert's fields (rank order, stopFlag), changing them as the
//! Rules Engine does: annotations, transformations and the routing key.
void applyAlertRules(const SimOrg& org, QJsonObject& fields);
//! The rules for the --state file, and back (absent: none); false and *error when unusable.
QJsonValue alertRulesToJson(const SimOrg& org);
bool alertRulesFromJson(const QJsonValue& json, SimOrg* org, QString* error);
void registerStakeholderRoutes(SimRouter& router, SimContext& ctx); // stakeholder messages
void registerChatRoutes(SimRouter& router, SimContext& ctx); // chat messages

// sim/handlers_chat.cpp
//! A few chat messages on some open incidents of the seeded org (deterministic per seed).
void seedChat(SimContext& ctx);
//! Live activity: now and then a responder writes on an open incident.
void simulateChat(SimContext& ctx);

//! Time formats of the vendor: ISO 8601 UTC with milliseconds and Z ("2026-11-26T03:15:59.123Z").
QString isoUtc(const QDateTime& t);
//! RFC 3339 with the offset of the given IANA zone ("2026-11-26T04:15:59+01:00").
QString rfc3339InZone(const QDateTime& t, const QString& ianaZone);

} // namespace rota::sim
