// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Scheduled overrides: a user is away from start to end; for each escalation policy the user is on,
// an assignment names who stands in (or nobody yet).
//
// Conventions: see policies.h. The single-override answers wrap the override in an object
// ({"override": ...} for GET, {"schedule": ...} for POST, each with _selfUrl); the calls unwrap it
// and hand back the ScheduledOverride itself.

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"
#include "oncall.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace rota {

//! Assignment: who stands in for the override's user on one escalation policy.
struct OverrideAssignment {
    QString selfUrl; //!< _selfUrl
    QString team; //!< team slug
    QString policy; //!< policy slug
    bool assigned = false;
    QString user; //!< username of the stand-in; empty while unassigned

    static OverrideAssignment fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GET .../overrides/{publicId}/assignments answers a bare array of Assignment.
struct OverrideAssignmentList {
    QList<OverrideAssignment> assignments;

    //! The assignment for the policy, or nullptr.
    const OverrideAssignment* find(const QString& policySlug) const;

    static OverrideAssignmentList fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const; //!< the array
    QJsonObject toJson() const; //!< {"items": [...]}
};

//! ScheduledOverride. start and end come in RFC 3339 at the offset of `timeZone` and are kept
//! with that offset (OffsetTime::utc is the instant).
struct ScheduledOverride {
    QString publicId;
    QString username; //!< user.username: who is away
    QString firstName; //!< user.firstName
    QString lastName; //!< user.lastName
    QString timeZone; //!< timezone: IANA, e.g. "Europe/Berlin"
    OffsetTime start;
    OffsetTime end;
    QList<OverrideAssignment> assignments;

    static ScheduledOverride fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The list of scheduled overrides: {"overrides": [...], "_selfUrl": ...}.
struct ScheduledOverrideList {
    QList<ScheduledOverride> overrides;
    QString selfUrl;

    static ScheduledOverrideList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The body of POST /api-public/v1/overrides (ScheduledOverridePayload). Times are sent as UTC
//! ISO 8601; timeZone is the IANA zone the override is shown in.
struct NewScheduledOverride {
    QString username;
    QString timeZone;
    QDateTime start;
    QDateTime end;

    static NewScheduledOverride fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/overrides
ApiCall<ScheduledOverrideList> listOverrides(ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/overrides
//! The service adds an unassigned assignment for every escalation policy the user is on.
ApiCall<ScheduledOverride> createOverride(ApiClient& client, const NewScheduledOverride& override);

//! GET /api-public/v1/overrides/{publicId}
ApiCall<ScheduledOverride> getOverride(
    ApiClient& client, const QString& publicId, CallPriority priority = {});

//! DELETE /api-public/v1/overrides/{publicId}
ApiCall<NoContent> deleteOverride(ApiClient& client, const QString& publicId);

//! GET /api-public/v1/overrides/{publicId}/assignments
ApiCall<OverrideAssignmentList> listOverrideAssignments(
    ApiClient& client, const QString& publicId, CallPriority priority = {});

//! GET /api-public/v1/overrides/{publicId}/assignments/{policySlug}
ApiCall<OverrideAssignment> getOverrideAssignment(ApiClient& client, const QString& publicId,
    const QString& policySlug, CallPriority priority = {});

//! PUT /api-public/v1/overrides/{publicId}/assignments/{policySlug}
//! username stands in for the override's user on that policy.
ApiCall<OverrideAssignment> updateOverrideAssignment(
    ApiClient& client, const QString& publicId, const QString& policySlug, const QString& username);

//! DELETE /api-public/v1/overrides/{publicId}/assignments/{policySlug}
//! Back to unassigned: the assignment stays, and the answer is the now unassigned assignment.
ApiCall<OverrideAssignment> deleteOverrideAssignment(
    ApiClient& client, const QString& publicId, const QString& policySlug);

} // namespace calls

} // namespace rota
