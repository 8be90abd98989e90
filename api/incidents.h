// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Incidents: current incidents, creating, acknowledging, resolving and rerouting them, their notes,
// their alerts, and the reporting API's incident history.
//
// Every DTO reads itself with `static T fromJson(const JsonReader &)` (unknown fields ignored,
// missing optional fields left at their defaults, wrong types recorded by the reader with their
// path) and writes itself back with `QJsonObject toJson() const` under the API's field names, times
// through formatApiTime. No answer of this group is a bare JSON array.

#include "apiclient.h"
#include "calls.h"
#include "phase.h"
#include "requestscheduler.h"
#include "teams.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace rota {

class IncidentListPool;

//! One change of an incident's state (IncidentTransition). The current-incident API names
//! transitions UNACKED/ACKED/RESOLVED, the reporting API triggered/acknowledged/resolved; `phase`
//! is the normalised meaning and Unknown for a name that is not a phase, `name` what was sent.
struct IncidentTransition {
    QString name;
    Phase phase = Phase::Unknown;
    QDateTime at; //!< UTC
    QString by; //!< the user, or the monitoring tool, that caused it
    QString message;
    bool manually = false; //!< caused by a person
    //! alertUrl was sent as the API's own address of the alert, /api-public/v1/alerts/{alertId},
    //! and is left empty: an incident would otherwise hold a long unique text per transition that
    //! alertId already says. alertAddress() gives it either way, and toJson() writes it.
    bool alertUrlIsAlertPath = false;
    QString alertId; //!< the alert that caused it; empty for e.g. a reroute
    //! Where that alert is fetched, as sent; empty when not sent or alertUrlIsAlertPath.
    QString alertUrl;

    //! alertUrl, or the address alertUrlIsAlertPath stands for; empty when none was sent.
    QString alertAddress() const;

    static IncidentTransition fromJson(const JsonReader& r);
    QJsonObject toJson() const; //!< writes `name` as sent, else the incident API's phase word
};

//! An incident, from the current-incident API (IncidentInfo) or the reporting API
//! (ReportingIncidentInfo): the union of both shapes; fields one shape lacks stay empty.
struct Incident {
    QString incidentNumber; //!< digits; the API sends a string (a number is accepted too)
    Phase phase = Phase::Unknown; //!< currentPhase, normalised
    QString phaseName; //!< currentPhase as sent
    QDateTime startTime; //!< UTC
    QDateTime lastAlertTime; //!< UTC
    int alertCount = 0;
    //! fingerprint() as fromJson computed it, while the texts were at hand; 0 for an incident
    //! made otherwise. Whoever changes a field of a parsed incident sets it to 0. (Next to the
    //! fields a refresh compares first, on the same cache line.)
    quint64 parsedFingerprint = 0;
    QString lastAlertId;
    QString firstAlertUuid; //!< current incidents only: the alert with the longest description
    QString entityId;
    QString entityDisplayName; //!< the summary people read
    QString entityType; //!< SERVICE or HOST
    QString entityState; //!< CRITICAL, WARNING, INFO, OK
    QString host;
    QString service;
    QString routingKey;
    QString monitorName; //!< "vouser-NAME" when a person created it, else the tool
    QString monitorType; //!< e.g. Manual, NAGIOS, API
    QStringList pagedUsers;
    QStringList pagedTeams; //!< team slugs
    QList<TeamPolicy> pagedPolicies;
    QList<IncidentTransition> transitions;

    bool isOpen() const { return phase == Phase::Triggered || phase == Phase::Acknowledged; }

    //! A 64-bit fingerprint of every field but parsedFingerprint: equal incidents have equal
    //! fingerprints, and an incident that differs in any field almost surely has another one
    //! (not a secure hash: data crafted against it can collide). Never 0.
    quint64 fingerprint() const;

    static Incident fromJson(const JsonReader& r);
    //! The same, keeping the lists `pool` already holds (the incidents of one answer) once: an
    //! incident's pagedUsers, pagedTeams and pagedPolicies equal to another's of the answer share
    //! its QList. IncidentList and ReportingIncidentList read their incidents so.
    static Incident fromJson(const JsonReader& r, IncidentListPool* pool);
    //! Empty optional strings and invalid times are left out; `currentPhase` as sent when it
    //! still means `phase`, else the incident API's word for `phase`.
    QJsonObject toJson() const;
};

//! IncidentList: the answer of GET /incidents, {"incidents": [...]}.
struct IncidentList {
    QList<Incident> incidents;

    static IncidentList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! ReportingIncidentList: one page of the incident history.
struct ReportingIncidentList {
    int offset = 0;
    int limit = 0;
    int total = 0; //!< incidents matching the search, over all pages
    QList<Incident> incidents;

    static ReportingIncidentList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The search of the incident history. Empty fields are not sent; offset and limit always are.
struct ReportingQuery {
    int offset = 0;
    int limit = 20; //!< at most 100
    QString entityId;
    QString incidentNumber; //!< numbers and ranges: "4,5,20:50"
    QDateTime startedAfter; //!< invalid: not sent
    QDateTime startedBefore; //!< invalid: not sent
    QStringList host; //!< any of these hosts
    QStringList service; //!< any of these services
    QList<Phase> currentPhase; //!< any of these; empty: the server's default, resolved only
    QString routingKey; //!< reporting v2 only

    //! The query string; values are percent-encoded, lists joined with commas, phases in the
    //! reporting API's lower-case words.
    QUrlQuery toQuery(bool withRoutingKey = true) const;
};

//! Someone to page: a user (slug = username) or an escalation policy (slug = "pol-...").
struct IncidentTarget {
    enum class Type { User, EscalationPolicy };
    Type type = Type::User;
    QString slug;

    static IncidentTarget user(const QString& username) { return { Type::User, username }; }
    static IncidentTarget policy(const QString& policySlug)
    {
        return { Type::EscalationPolicy, policySlug };
    }

    static IncidentTarget fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! CreateIncidentRequest: a manually opened incident.
struct CreateIncidentRequest {
    QString summary;
    QString details;
    QString userName; //!< who opens it
    QList<IncidentTarget> targets; //!< at least one
    bool isMultiResponder = false;

    static CreateIncidentRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The answer of POST /incidents: {"incidentNumber": "..."}.
struct CreatedIncident {
    QString incidentNumber;

    static CreatedIncident fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! AckOrResolveRequest: acknowledge or resolve these incidents as userName.
struct AckResolveRequest {
    QString userName;
    QStringList incidentNames; //!< incident numbers
    QString message; //!< optional; not sent when empty

    static AckResolveRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! AckOrResolveResult: what happened to one incident. A refused incident (already resolved, not
//! found) is a normal result with cmdAccepted false, not an error of the call.
struct AckResolveResult {
    QString incidentNumber;
    QString entityId;
    bool cmdAccepted = false;
    QString message;

    static AckResolveResult fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! AckOrResolveResponse: {"results": [...]}, one per incident acted on.
struct AckResolveResults {
    QList<AckResolveResult> results;

    int acceptedCount() const;
    bool allAccepted() const { return acceptedCount() == results.size(); }

    static AckResolveResults fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! Reroute: page these targets for one incident, instead of (or, with addTargets, besides)
//! those paged so far.
struct Reroute {
    QString incidentNumber;
    QList<IncidentTarget> targets;
    bool addTargets = false;

    static Reroute fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RerouteCollection: the body of POST /incidents/reroute.
struct RerouteRequest {
    QString userName;
    QList<Reroute> reroutes;

    static RerouteRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RerouteTargetStatus
struct RerouteTargetStatus {
    QString slug;
    bool success = false;
    QString message;

    static RerouteTargetStatus fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RerouteStatus: the outcome for one incident; partial success per target is normal.
struct RerouteStatus {
    QString incidentNumber;
    bool success = false;
    QList<RerouteTargetStatus> targetStatus;
    QString message;

    static RerouteStatus fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RerouteStatusResponse: {"statuses": [...]}.
struct RerouteResults {
    QList<RerouteStatus> statuses;

    static RerouteResults fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! A note on an incident (Notes): a named JSON object.
struct IncidentNote {
    QString name; //!< unique on the incident; the {noteName} of its URL
    QString displayName;
    QJsonObject jsonValue;

    //! Reads displayName (and display_name, the request's spelling).
    static IncidentNote fromJson(const JsonReader& r);
    QJsonObject toJson() const; //!< {name, displayName, json_value}
};

//! The answer of GET .../notes. The service wraps the notes as {"notes": [...]}; a bare array or
//! a single note object (as the definition's Notes schema declares) is read too.
struct IncidentNoteList {
    QList<IncidentNote> notes;

    static IncidentNoteList fromJson(const JsonReader& r);
    QJsonObject toJson() const; //!< {"notes": [...]}
};

//! NotesPayload: the body of POST and PUT .../notes. On PUT a field left unset keeps its value.
struct NoteRequest {
    QString name; //!< POST only; empty: the service names the note
    std::optional<QString> displayName; //!< display_name
    std::optional<QJsonObject> jsonValue; //!< json_value

    static NoteRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GetAlertResponse: one alert of an incident. Every field is optional.
struct Alert {
    QString messageType; //!< INFO, WARNING, ACKNOWLEDGEMENT, CRITICAL, RECOVERY
    QString entityId;
    QDateTime timestamp; //!< UTC; the API sends seconds since the epoch
    QDateTime stateStartTime; //!< UTC; seconds since the epoch on the wire
    QString stateMessage;
    QString monitoringTool;
    QString entityDisplayName;
    QString ackMsg;
    QString ackAuthor;
    QString raw; //!< the alert as the monitoring tool sent it: JSON, as a string

    //! `raw` parsed; an empty object when it is not a JSON object.
    QJsonObject rawObject() const;

    static Alert fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/incidents — the open incidents (triggered and acknowledged).
ApiCall<IncidentList> listIncidents(ApiClient& client, CallPriority priority = {});

//! GET /api-public/v1/incidents/{incidentNumber}
ApiCall<Incident> getIncident(
    ApiClient& client, const QString& incidentNumber, CallPriority priority = {});

//! POST /api-public/v1/incidents
ApiCall<CreatedIncident> createIncident(ApiClient& client, const CreateIncidentRequest& incident);

//! PATCH /api-public/v1/incidents/ack
ApiCall<AckResolveResults> ackIncidents(ApiClient& client, const AckResolveRequest& request);

//! PATCH /api-public/v1/incidents/resolve
ApiCall<AckResolveResults> resolveIncidents(ApiClient& client, const AckResolveRequest& request);

//! PATCH /api-public/v1/incidents/byUser/ack — every triggered incident userName was paged for.
ApiCall<AckResolveResults> ackIncidentsByUser(
    ApiClient& client, const QString& userName, const QString& message = QString());

//! PATCH /api-public/v1/incidents/byUser/resolve — every open incident userName was paged for.
ApiCall<AckResolveResults> resolveIncidentsByUser(
    ApiClient& client, const QString& userName, const QString& message = QString());

//! POST /api-public/v1/incidents/reroute
ApiCall<RerouteResults> rerouteIncidents(ApiClient& client, const RerouteRequest& request);

//! GET /api-public/v1/incidents/{incidentNumber}/notes
ApiCall<IncidentNoteList> listIncidentNotes(
    ApiClient& client, const QString& incidentNumber, CallPriority priority = {});

//! POST /api-public/v1/incidents/{incidentNumber}/notes — answers the note created.
ApiCall<IncidentNote> createIncidentNote(
    ApiClient& client, const QString& incidentNumber, const NoteRequest& note);

//! PUT /api-public/v1/incidents/{incidentNumber}/notes/{noteName} — answers the note updated.
ApiCall<IncidentNote> updateIncidentNote(ApiClient& client, const QString& incidentNumber,
    const QString& noteName, const NoteRequest& note);

//! DELETE /api-public/v1/incidents/{incidentNumber}/notes/{noteName}
ApiCall<NoContent> deleteIncidentNote(
    ApiClient& client, const QString& incidentNumber, const QString& noteName);

//! GET /api-public/v1/alerts/{uuid}
ApiCall<Alert> getAlert(ApiClient& client, const QString& uuid, CallPriority priority = {});

//! GET /api-reporting/v2/incidents — at most ONE call a minute; data may lag by minutes.
ApiCall<ReportingIncidentList> searchIncidentHistory(
    ApiClient& client, const ReportingQuery& query, CallPriority priority = {});

//! GET /api-reporting/v1/incidents — deprecated in favour of searchIncidentHistory (v2); the
//! same search and answer without routingKey (not sent), at most one call a minute.
ApiCall<ReportingIncidentList> searchIncidentHistoryV1(
    ApiClient& client, const ReportingQuery& query, CallPriority priority = {});

} // namespace calls

} // namespace rota
