// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policies.h"

#include <QJsonArray>

#include <utility>

namespace rota {

namespace {

struct EntryTypeName {
    EscalationEntryType type;
    const char* name;
};

constexpr EntryTypeName entryTypeNames[] = {
    { EscalationEntryType::RotationGroup, "rotation_group" },
    { EscalationEntryType::RotationGroupNext, "rotation_group_next" },
    { EscalationEntryType::RotationGroupPrevious, "rotation_group_previous" },
    { EscalationEntryType::User, "user" },
    { EscalationEntryType::Webhook, "webhook" },
    { EscalationEntryType::Email, "email" },
    { EscalationEntryType::PolicyRouting, "policy_routing" },
};

bool isRotation(EscalationEntryType type)
{
    return type == EscalationEntryType::RotationGroup
        || type == EscalationEntryType::RotationGroupNext
        || type == EscalationEntryType::RotationGroupPrevious;
}

QString entryTypeName(const EscalationPolicyEntry& entry)
{
    return entry.type == EscalationEntryType::Unknown ? entry.executionType
                                                      : escalationEntryTypeToApi(entry.type);
}

} // namespace

EscalationPolicySummary EscalationPolicySummary::fromJson(const JsonReader& r)
{
    EscalationPolicySummary s;
    s.name = r.str(QStringLiteral("name"));
    s.slug = r.str(QStringLiteral("slug"));
    s.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return s;
}

QJsonObject EscalationPolicySummary::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("slug"), slug } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

EscalationPolicyInfo EscalationPolicyInfo::fromJson(const JsonReader& r)
{
    EscalationPolicyInfo info;
    const JsonReader policy = r[QStringLiteral("policy")];
    info.policyName = policy.str(QStringLiteral("name"));
    info.policySlug = policy.str(QStringLiteral("slug"));
    info.policySelfUrl = policy.str(QStringLiteral("_selfUrl"));
    const JsonReader team = r[QStringLiteral("team")];
    info.teamName = team.str(QStringLiteral("name"));
    info.teamSlug = team.str(QStringLiteral("slug"));
    return info;
}

QJsonObject EscalationPolicyInfo::toJson() const
{
    QJsonObject policy { { QStringLiteral("name"), policyName },
        { QStringLiteral("slug"), policySlug } };
    insertIfSet(policy, QStringLiteral("_selfUrl"), policySelfUrl);
    return { { QStringLiteral("policy"), policy },
        { QStringLiteral("team"),
            QJsonObject {
                { QStringLiteral("name"), teamName }, { QStringLiteral("slug"), teamSlug } } } };
}

EscalationPolicyInfoList EscalationPolicyInfoList::fromJson(const JsonReader& r)
{
    EscalationPolicyInfoList list;
    r.forEach(QStringLiteral("policies"),
        [&list](JsonReader& e) { list.policies.append(EscalationPolicyInfo::fromJson(e)); });
    return list;
}

QJsonObject EscalationPolicyInfoList::toJson() const
{
    return { { QStringLiteral("policies"), toJsonArray(policies) } };
}

EscalationEntryType escalationEntryTypeFromApi(const QString& text)
{
    for (const EntryTypeName& entry : entryTypeNames) {
        if (text == QLatin1String(entry.name))
            return entry.type;
    }
    return EscalationEntryType::Unknown;
}

QString escalationEntryTypeToApi(EscalationEntryType type)
{
    for (const EntryTypeName& entry : entryTypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

namespace {

//! An entry of `type` whose target is `value` in `field`.
EscalationPolicyEntry entryOf(
    EscalationEntryType type, QString EscalationPolicyEntry::*field, const QString& value)
{
    EscalationPolicyEntry e;
    e.type = type;
    e.executionType = escalationEntryTypeToApi(type);
    e.*field = value;
    return e;
}

} // namespace

EscalationPolicyEntry EscalationPolicyEntry::rotationGroup(
    const QString& slug, EscalationEntryType type)
{
    return entryOf(isRotation(type) ? type : EscalationEntryType::RotationGroup,
        &EscalationPolicyEntry::rotationGroupSlug, slug);
}

EscalationPolicyEntry EscalationPolicyEntry::user(const QString& username)
{
    return entryOf(EscalationEntryType::User, &EscalationPolicyEntry::username, username);
}

EscalationPolicyEntry EscalationPolicyEntry::webhook(const QString& slug)
{
    return entryOf(EscalationEntryType::Webhook, &EscalationPolicyEntry::webhookSlug, slug);
}

EscalationPolicyEntry EscalationPolicyEntry::email(const QString& address)
{
    return entryOf(EscalationEntryType::Email, &EscalationPolicyEntry::emailAddress, address);
}

EscalationPolicyEntry EscalationPolicyEntry::policyRouting(const QString& policySlug)
{
    return entryOf(
        EscalationEntryType::PolicyRouting, &EscalationPolicyEntry::targetPolicySlug, policySlug);
}

QString EscalationPolicyEntry::target() const
{
    switch (type) {
    case EscalationEntryType::RotationGroup:
    case EscalationEntryType::RotationGroupNext:
    case EscalationEntryType::RotationGroupPrevious:
        return rotationGroupSlug;
    case EscalationEntryType::User:
        return username;
    case EscalationEntryType::Webhook:
        return webhookSlug;
    case EscalationEntryType::Email:
        return emailAddress;
    case EscalationEntryType::PolicyRouting:
        return targetPolicySlug;
    case EscalationEntryType::Unknown:
        break;
    }
    return {};
}

QString EscalationPolicyEntry::displayName() const
{
    switch (type) {
    case EscalationEntryType::RotationGroup:
    case EscalationEntryType::RotationGroupNext:
    case EscalationEntryType::RotationGroupPrevious:
        return rotationGroupLabel.isEmpty() ? rotationGroupSlug : rotationGroupLabel;
    case EscalationEntryType::User: {
        const QString name = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
        return name.isEmpty() ? username : name;
    }
    case EscalationEntryType::Webhook:
        return webhookLabel.isEmpty() ? webhookSlug : webhookLabel;
    case EscalationEntryType::Email:
        return emailAddress;
    case EscalationEntryType::PolicyRouting:
        return targetPolicySlug;
    case EscalationEntryType::Unknown:
        break;
    }
    return executionType;
}

EscalationPolicyEntry EscalationPolicyEntry::fromJson(const JsonReader& r)
{
    EscalationPolicyEntry e;
    e.executionType = r.str(QStringLiteral("executionType"));
    e.type = escalationEntryTypeFromApi(e.executionType);
    // Every target object is read whatever the type says, so a wrong-typed field is reported
    // even on an entry of another type, and nothing the server sent is dropped silently.
    const JsonReader rotation = r[QStringLiteral("rotationGroup")];
    e.rotationGroupSlug = rotation.str(QStringLiteral("slug"));
    e.rotationGroupLabel = rotation.str(QStringLiteral("label"));
    const JsonReader user = r[QStringLiteral("user")];
    e.username = user.str(QStringLiteral("username"));
    e.firstName = user.str(QStringLiteral("firstName"));
    e.lastName = user.str(QStringLiteral("lastName"));
    const JsonReader webhook = r[QStringLiteral("webhook")];
    e.webhookSlug = webhook.str(QStringLiteral("slug"));
    e.webhookLabel = webhook.str(QStringLiteral("label"));
    e.emailAddress = r[QStringLiteral("email")].str(QStringLiteral("address"));
    e.targetPolicySlug = r[QStringLiteral("targetPolicy")].str(QStringLiteral("policySlug"));
    return e;
}

QJsonObject EscalationPolicyEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("executionType"), entryTypeName(*this) } };
    if (!rotationGroupSlug.isEmpty() || !rotationGroupLabel.isEmpty()) {
        QJsonObject rotation { { QStringLiteral("slug"), rotationGroupSlug } };
        insertIfSet(rotation, QStringLiteral("label"), rotationGroupLabel);
        o.insert(QStringLiteral("rotationGroup"), rotation);
    }
    if (!username.isEmpty()) {
        QJsonObject user { { QStringLiteral("username"), username } };
        insertIfSet(user, QStringLiteral("firstName"), firstName);
        insertIfSet(user, QStringLiteral("lastName"), lastName);
        o.insert(QStringLiteral("user"), user);
    }
    if (!webhookSlug.isEmpty() || !webhookLabel.isEmpty()) {
        QJsonObject webhook { { QStringLiteral("slug"), webhookSlug } };
        insertIfSet(webhook, QStringLiteral("label"), webhookLabel);
        o.insert(QStringLiteral("webhook"), webhook);
    }
    if (!emailAddress.isEmpty())
        o.insert(
            QStringLiteral("email"), QJsonObject { { QStringLiteral("address"), emailAddress } });
    if (!targetPolicySlug.isEmpty())
        o.insert(QStringLiteral("targetPolicy"),
            QJsonObject { { QStringLiteral("policySlug"), targetPolicySlug } });
    return o;
}

QJsonObject EscalationPolicyEntry::toCreateJson() const
{
    // The service wants exactly one target object, the one of the entry's type.
    QJsonObject o { { QStringLiteral("executionType"), entryTypeName(*this) } };
    switch (type) {
    case EscalationEntryType::RotationGroup:
    case EscalationEntryType::RotationGroupNext:
    case EscalationEntryType::RotationGroupPrevious:
        o.insert(QStringLiteral("rotationGroup"),
            QJsonObject { { QStringLiteral("slug"), rotationGroupSlug } });
        break;
    case EscalationEntryType::User:
        o.insert(QStringLiteral("user"), QJsonObject { { QStringLiteral("username"), username } });
        break;
    case EscalationEntryType::Webhook:
        o.insert(
            QStringLiteral("webhook"), QJsonObject { { QStringLiteral("slug"), webhookSlug } });
        break;
    case EscalationEntryType::Email:
        o.insert(
            QStringLiteral("email"), QJsonObject { { QStringLiteral("address"), emailAddress } });
        break;
    case EscalationEntryType::PolicyRouting:
        o.insert(QStringLiteral("targetPolicy"),
            QJsonObject { { QStringLiteral("policySlug"), targetPolicySlug } });
        break;
    case EscalationEntryType::Unknown:
        break;
    }
    return o;
}

EscalationPolicyStep EscalationPolicyStep::fromJson(const JsonReader& r)
{
    EscalationPolicyStep step;
    step.timeout = static_cast<int>(
        qBound(qint64(0), r.integer(QStringLiteral("timeout")), qint64(1000000)));
    r.forEach(QStringLiteral("entries"),
        [&step](JsonReader& e) { step.entries.append(EscalationPolicyEntry::fromJson(e)); });
    return step;
}

QJsonObject EscalationPolicyStep::toJson() const
{
    return { { QStringLiteral("timeout"), timeout },
        { QStringLiteral("entries"), toJsonArray(entries) } };
}

EscalationPolicy EscalationPolicy::fromJson(const JsonReader& r)
{
    EscalationPolicy p;
    p.name = r.str(QStringLiteral("name"));
    p.slug = r.str(QStringLiteral("slug"));
    p.ignoreCustomPagingPolicies = r.boolean(QStringLiteral("ignoreCustomPagingPolicies"));
    r.forEach(QStringLiteral("steps"),
        [&p](JsonReader& s) { p.steps.append(EscalationPolicyStep::fromJson(s)); });
    return p;
}

QJsonObject EscalationPolicy::toJson() const
{
    return { { QStringLiteral("name"), name }, { QStringLiteral("slug"), slug },
        { QStringLiteral("ignoreCustomPagingPolicies"), ignoreCustomPagingPolicies },
        { QStringLiteral("steps"), toJsonArray(steps) } };
}

NewEscalationPolicy NewEscalationPolicy::fromJson(const JsonReader& r)
{
    NewEscalationPolicy p;
    p.name = r.str(QStringLiteral("name"));
    p.teamSlug = r.str(QStringLiteral("teamSlug"));
    p.ignoreCustomPagingPolicies = r.boolean(QStringLiteral("ignoreCustomPagingPolicies"));
    r.forEach(QStringLiteral("steps"),
        [&p](JsonReader& s) { p.steps.append(EscalationPolicyStep::fromJson(s)); });
    return p;
}

QJsonObject NewEscalationPolicy::toJson() const
{
    QJsonArray stepArray;
    for (const EscalationPolicyStep& step : steps) {
        QJsonArray entries;
        for (const EscalationPolicyEntry& entry : step.entries)
            entries.append(entry.toCreateJson());
        stepArray.append(QJsonObject {
            { QStringLiteral("timeout"), step.timeout }, { QStringLiteral("entries"), entries } });
    }
    return { { QStringLiteral("name"), name }, { QStringLiteral("teamSlug"), teamSlug },
        { QStringLiteral("ignoreCustomPagingPolicies"), ignoreCustomPagingPolicies },
        { QStringLiteral("steps"), stepArray } };
}

namespace calls {

ApiCall<EscalationPolicyInfoList> listEscalationPolicies(ApiClient& client, CallPriority priority)
{
    return send<EscalationPolicyInfoList>(
        client, request(ops::listEscalationPolicies, {}, priority));
}

ApiCall<EscalationPolicy> createEscalationPolicy(
    ApiClient& client, const NewEscalationPolicy& policy)
{
    return send<EscalationPolicy>(
        client, withBody(request(ops::createEscalationPolicy), policy.toJson()));
}

ApiCall<EscalationPolicy> getEscalationPolicy(
    ApiClient& client, const QString& policySlug, CallPriority priority)
{
    return send<EscalationPolicy>(
        client, request(ops::getEscalationPolicy, { policySlug }, priority));
}

ApiCall<NoContent> deleteEscalationPolicy(ApiClient& client, const QString& policySlug)
{
    return sendNoContent(client, request(ops::deleteEscalationPolicy, { policySlug }));
}

} // namespace calls

} // namespace rota
