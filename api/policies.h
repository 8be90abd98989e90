// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Escalation policies: the list, one policy with its steps and typed entries, create and delete.
// (The personal paging policy of a user is a different thing; see people.h.)
//
// Conventions of this group (policies.h, oncall.h, overrides.h): every DTO has
// `static T fromJson(const JsonReader &)` and `QJsonObject toJson() const` with the API's field
// names. A reply that is a bare JSON array gets a wrapper whose toJsonValue() returns the array as
// the API sent it and whose toJson() wraps it as {"items": [...]} for code that needs an object.

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rota {

//! EscalationPolicySummary: name, slug and the URL of the whole policy.
struct EscalationPolicySummary {
    QString name;
    QString slug; //!< "pol-..."
    QString selfUrl; //!< _selfUrl

    static EscalationPolicySummary fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! EscalationPolicyInfo: an escalation policy's summary and the team that owns it, written
//! {"policy": {name, slug, _selfUrl}, "team": {name, slug}}. One row of the policy list (GET
//! /policies and GET /team/{team}/policies) and of an incident's pagedPolicies. Flat on purpose:
//! every user wants the policy's name and slug next to its team's. teams.h keeps the older name
//! TeamPolicy as an alias.
struct EscalationPolicyInfo {
    QString policyName; //!< policy.name
    QString policySlug; //!< policy.slug, "pol-..."
    QString policySelfUrl; //!< policy._selfUrl
    QString teamName; //!< team.name
    QString teamSlug; //!< team.slug

    static EscalationPolicyInfo fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! EscalationPolicyInfoList: {"policies": [...]}. Also the answer of GET /team/{team}/policies.
struct EscalationPolicyInfoList {
    QList<EscalationPolicyInfo> policies;

    static EscalationPolicyInfoList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! What an escalation step entry does when the step runs.
enum class EscalationEntryType {
    Unknown, //!< a type this client does not know; EscalationPolicyEntry::executionType keeps it
    RotationGroup, //!< rotation_group: whoever the rotation has on call
    RotationGroupNext, //!< rotation_group_next: the next one in the rotation
    RotationGroupPrevious, //!< rotation_group_previous
    User, //!< user: one named user
    Webhook, //!< webhook
    Email, //!< email: any address
    PolicyRouting, //!< policy_routing: hand over to another escalation policy
};

//! Unknown for anything else.
EscalationEntryType escalationEntryTypeFromApi(const QString& text);
//! rotation_group, ..., policy_routing; empty for Unknown.
QString escalationEntryTypeToApi(EscalationEntryType type);

//! One entry of a step. Only the fields of its type are filled: rotationGroup{slug,label},
//! user{username,firstName,lastName}, webhook{slug,label}, email{address} or
//! targetPolicy{policySlug}.
struct EscalationPolicyEntry {
    EscalationEntryType type = EscalationEntryType::Unknown;
    QString executionType; //!< as the API spelled it; toJson() writes this only for Unknown

    QString rotationGroupSlug; //!< "rtg-..." for the three rotation types
    QString rotationGroupLabel;
    QString username; //!< for User
    QString firstName;
    QString lastName;
    QString webhookSlug; //!< "wh-..."
    QString webhookLabel;
    QString emailAddress;
    QString targetPolicySlug; //!< for PolicyRouting

    static EscalationPolicyEntry rotationGroup(
        const QString& slug, EscalationEntryType type = EscalationEntryType::RotationGroup);
    static EscalationPolicyEntry user(const QString& username);
    static EscalationPolicyEntry webhook(const QString& slug);
    static EscalationPolicyEntry email(const QString& address);
    static EscalationPolicyEntry policyRouting(const QString& policySlug);

    //! The slug, username or address the entry points at.
    QString target() const;
    //! A label for people: the rotation or webhook label, the user's name, the address...
    QString displayName() const;

    static EscalationPolicyEntry fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    //! The CreateEscalationPolicyEntry shape: executionType and only the identifying field.
    QJsonObject toCreateJson() const;
};

//! One step: wait `timeout` minutes after the previous step, then run every entry.
struct EscalationPolicyStep {
    int timeout = 0; //!< minutes; 0 runs at once
    QList<EscalationPolicyEntry> entries;

    static EscalationPolicyStep fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! EscalationPolicy. The API treats policies as immutable: create or delete, never update.
struct EscalationPolicy {
    QString name;
    QString slug;
    bool ignoreCustomPagingPolicies = false;
    QList<EscalationPolicyStep> steps;

    static EscalationPolicy fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The body of POST /api-public/v1/policies (CreateEscalationPolicy).
struct NewEscalationPolicy {
    QString name;
    QString teamSlug;
    bool ignoreCustomPagingPolicies = false;
    QList<EscalationPolicyStep> steps; //!< entries are sent with toCreateJson()

    static NewEscalationPolicy fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/policies
ApiCall<EscalationPolicyInfoList> listEscalationPolicies(
    ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/policies
ApiCall<EscalationPolicy> createEscalationPolicy(
    ApiClient& client, const NewEscalationPolicy& policy);

//! GET /api-public/v1/policies/{policy}
ApiCall<EscalationPolicy> getEscalationPolicy(
    ApiClient& client, const QString& policySlug, CallPriority priority = {});

//! DELETE /api-public/v1/policies/{policy}
ApiCall<NoContent> deleteEscalationPolicy(ApiClient& client, const QString& policySlug);

} // namespace calls

} // namespace rota
