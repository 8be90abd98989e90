// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Escalation policies: the list, creating, reading and deleting one (with what refers to it).
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

QString policyUrl(const QString& slug) { return kApi + QStringLiteral("/policies/") + slug; }

QJsonObject policyInfo(const SimOrg& org, const SimPolicy& policy)
{
    const SimTeam team = org.teams.value(policy.teamSlug);
    return QJsonObject {
        { QStringLiteral("policy"),
            QJsonObject {
                { QStringLiteral("name"), policy.name },
                { QStringLiteral("slug"), policy.slug },
                { QStringLiteral("_selfUrl"), policyUrl(policy.slug) },
            } },
        { QStringLiteral("team"),
            QJsonObject {
                { QStringLiteral("name"), team.name },
                { QStringLiteral("slug"), policy.teamSlug },
            } },
    };
}

// Policies sorted by team name, then policy name; only those of teamSlug unless it is empty.
bool isRotationType(const QString& executionType)
{
    return executionType == QLatin1String("rotation_group")
        || executionType == QLatin1String("rotation_group_next")
        || executionType == QLatin1String("rotation_group_previous");
}

// The body object that carries an entry's target, and the field inside it naming the target.
std::optional<QPair<QString, QString>> targetFieldOf(const QString& executionType)
{
    if (isRotationType(executionType))
        return qMakePair(QStringLiteral("rotationGroup"), QStringLiteral("slug"));
    if (executionType == QLatin1String("user"))
        return qMakePair(QStringLiteral("user"), QStringLiteral("username"));
    if (executionType == QLatin1String("webhook"))
        return qMakePair(QStringLiteral("webhook"), QStringLiteral("slug"));
    if (executionType == QLatin1String("email"))
        return qMakePair(QStringLiteral("email"), QStringLiteral("address"));
    if (executionType == QLatin1String("policy_routing"))
        return qMakePair(QStringLiteral("targetPolicy"), QStringLiteral("policySlug"));
    return std::nullopt;
}

QJsonObject policyEntry(const SimOrg& org, const SimPolicyEntry& entry)
{
    QJsonObject out { { QStringLiteral("executionType"), entry.executionType } };
    if (isRotationType(entry.executionType)) {
        out.insert(QStringLiteral("rotationGroup"),
            QJsonObject {
                { QStringLiteral("slug"), entry.target },
                { QStringLiteral("label"), org.rotations.value(entry.target).label },
            });
    } else if (entry.executionType == QLatin1String("user")) {
        const SimUser user = org.users.value(entry.target);
        out.insert(QStringLiteral("user"),
            QJsonObject {
                { QStringLiteral("username"), entry.target },
                { QStringLiteral("firstName"), user.firstName },
                { QStringLiteral("lastName"), user.lastName },
            });
    } else if (entry.executionType == QLatin1String("webhook")) {
        out.insert(QStringLiteral("webhook"),
            QJsonObject {
                { QStringLiteral("slug"), entry.target },
                { QStringLiteral("label"), org.webhooks.value(entry.target).label },
            });
    } else if (entry.executionType == QLatin1String("email")) {
        out.insert(
            QStringLiteral("email"), QJsonObject { { QStringLiteral("address"), entry.target } });
    } else if (entry.executionType == QLatin1String("policy_routing")) {
        out.insert(QStringLiteral("targetPolicy"),
            QJsonObject { { QStringLiteral("policySlug"), entry.target } });
    }
    return out;
}

QJsonObject escalationPolicy(const SimOrg& org, const SimPolicy& policy)
{
    QJsonArray steps;
    for (const SimPolicyStep& step : policy.steps) {
        QJsonArray entries;
        for (const SimPolicyEntry& entry : step.entries)
            entries.append(policyEntry(org, entry));
        steps.append(QJsonObject {
            { QStringLiteral("timeout"), step.timeout },
            { QStringLiteral("entries"), entries },
        });
    }
    return QJsonObject {
        { QStringLiteral("name"), policy.name },
        { QStringLiteral("slug"), policy.slug },
        { QStringLiteral("ignoreCustomPagingPolicies"), policy.ignoreCustomPagingPolicies },
        { QStringLiteral("steps"), steps },
    };
}

// -- Cleanup that keeps references consistent ---------------------------------------------

// Drops routing keys from maintenance instances; an instance left without keys has ended
// (it must not silently turn into global maintenance).
void forgetRoutingKeys(SimOrg& org, const QStringList& keys)
{
    for (auto it = org.maintenance.begin(); it != org.maintenance.end();) {
        if (it->isGlobal) {
            ++it;
            continue;
        }
        for (const QString& key : keys)
            it->routingKeys.removeAll(key);
        if (it->routingKeys.isEmpty())
            it = org.maintenance.erase(it);
        else
            ++it;
    }
}

void forgetPolicy(SimOrg& org, const QString& slug)
{
    // As documented, routing keys that only targeted this policy go with it. The default key
    // stays (without targets): an org always has one.
    QStringList removedKeys;
    for (auto it = org.routingKeys.begin(); it != org.routingKeys.end();) {
        it->policySlugs.removeAll(slug);
        if (it->policySlugs.isEmpty() && !it->isDefault) {
            removedKeys.append(it->key);
            it = org.routingKeys.erase(it);
        } else {
            ++it;
        }
    }
    forgetRoutingKeys(org, removedKeys);

    for (SimPolicy& policy : org.policies) {
        for (SimPolicyStep& step : policy.steps) {
            step.entries.erase(std::remove_if(step.entries.begin(), step.entries.end(),
                                   [&slug](const SimPolicyEntry& entry) {
                                       return entry.executionType == QLatin1String("policy_routing")
                                           && entry.target == slug;
                                   }),
                step.entries.end());
        }
        policy.steps.erase(std::remove_if(policy.steps.begin(), policy.steps.end(),
                               [](const SimPolicyStep& step) { return step.entries.isEmpty(); }),
            policy.steps.end());
    }

    org.takeOverrides.erase(std::remove_if(org.takeOverrides.begin(), org.takeOverrides.end(),
                                [&slug](const SimTakeOverride& o) { return o.policySlug == slug; }),
        org.takeOverrides.end());
    for (SimScheduledOverride& o : org.scheduledOverrides)
        o.assignments.remove(slug);
    // Incidents keep pagedPolicies as history.
}

// -- Escalation policies ----------------------------------------------------------------

SimReply listPolicies(SimContext& ctx, const SimRequest&)
{
    return SimReply::json(policyInfoList(ctx.org));
}

// Reads one CreateEscalationPolicyEntry; records the first problem in body.
SimPolicyEntry readPolicyEntry(const SimOrg& org, BodyReader& body, const QJsonObject& entry,
    const QString& path, const QString& teamSlug)
{
    SimPolicyEntry out;
    out.executionType = body.requireString(entry, path, QStringLiteral("executionType"));
    if (!body.ok())
        return out;
    const auto target = targetFieldOf(out.executionType);
    if (!target) {
        body.fail(QStringLiteral("field '%1.executionType' must be one of rotation_group, "
                                 "rotation_group_next, rotation_group_previous, webhook, user, "
                                 "email, policy_routing")
                      .arg(path));
        return out;
    }
    // Exactly one target object, the one that matches the execution type.
    static const QStringList kTargetObjects { QStringLiteral("rotationGroup"),
        QStringLiteral("user"), QStringLiteral("webhook"), QStringLiteral("email"),
        QStringLiteral("targetPolicy") };
    for (const QString& other : kTargetObjects) {
        const QJsonValue value = entry.value(other);
        if (other != target->first && !value.isUndefined() && !value.isNull()) {
            body.fail(QStringLiteral("field '%1.%2' must not be given for executionType %3")
                          .arg(path, other, out.executionType));
            return out;
        }
    }
    const QString objectPath = path + QLatin1Char('.') + target->first;
    const QJsonValue value = entry.value(target->first);
    if (!value.isObject()) {
        body.fail(value.isUndefined() || value.isNull()
                ? QStringLiteral("field '%1' is required for executionType %2")
                      .arg(objectPath, out.executionType)
                : QStringLiteral("field '%1' must be an object").arg(objectPath));
        return out;
    }
    out.target = body.requireString(value.toObject(), objectPath, target->second);
    if (!body.ok())
        return out;
    const QString field = objectPath + QLatin1Char('.') + target->second;
    if (isRotationType(out.executionType)) {
        const auto rotation = org.rotations.constFind(out.target);
        if (rotation == org.rotations.constEnd() || rotation->teamSlug != teamSlug) {
            body.fail(QStringLiteral("field '%1': '%2' is not a rotation group of team '%3'")
                          .arg(field, out.target, teamSlug));
        }
    } else if (out.executionType == QLatin1String("user")) {
        if (!org.users.contains(out.target))
            body.fail(
                QStringLiteral("field '%1': user '%2' does not exist").arg(field, out.target));
    } else if (out.executionType == QLatin1String("webhook")) {
        if (!org.webhooks.contains(out.target))
            body.fail(
                QStringLiteral("field '%1': webhook '%2' does not exist").arg(field, out.target));
    } else if (out.executionType == QLatin1String("email")) {
        static const QRegularExpression kAddress(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
        if (!kAddress.match(out.target).hasMatch())
            body.fail(QStringLiteral("field '%1' must be an e-mail address").arg(field));
    } else if (!org.policies.contains(out.target)) {
        body.fail(QStringLiteral("field '%1': escalation policy '%2' does not exist")
                      .arg(field, out.target));
    }
    return out;
}

SimReply createPolicy(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    SimPolicy policy;
    policy.name = body.requireString(QStringLiteral("name")).trimmed();
    policy.teamSlug = body.requireString(QStringLiteral("teamSlug"));
    policy.ignoreCustomPagingPolicies
        = body.optBool(QStringLiteral("ignoreCustomPagingPolicies"), false);
    const QJsonArray steps = body.requireArray(QStringLiteral("steps"));
    if (!body.ok())
        return body.error();
    if (policy.name.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'name' must not be empty"));
    if (!ctx.org.teams.contains(policy.teamSlug)) {
        return SimReply::badRequest(
            QStringLiteral("field 'teamSlug': team '%1' does not exist").arg(policy.teamSlug));
    }
    if (steps.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'steps' must hold at least one step"));

    for (qsizetype i = 0; i < steps.size() && body.ok(); ++i) {
        const QString stepPath = QStringLiteral("steps[%1]").arg(i);
        if (!steps.at(i).isObject()) {
            body.fail(QStringLiteral("field '%1' must be an object").arg(stepPath));
            break;
        }
        const QJsonObject stepObject = steps.at(i).toObject();
        SimPolicyStep step;
        const qint64 timeout = body.requireInt(stepObject, stepPath, QStringLiteral("timeout"));
        if (body.ok() && (timeout < 0 || timeout > 24 * 60))
            body.fail(
                QStringLiteral("field '%1.timeout' must be from 0 to 1440 minutes").arg(stepPath));
        step.timeout = static_cast<int>(timeout);
        const QJsonValue entries = stepObject.value(QStringLiteral("entries"));
        if (body.ok() && !entries.isArray()) {
            body.fail(entries.isUndefined() || entries.isNull()
                    ? QStringLiteral("field '%1.entries' is required").arg(stepPath)
                    : QStringLiteral("field '%1.entries' must be an array").arg(stepPath));
        }
        if (body.ok() && entries.toArray().isEmpty())
            body.fail(
                QStringLiteral("field '%1.entries' must hold at least one entry").arg(stepPath));
        const QJsonArray entryArray = entries.toArray();
        for (qsizetype j = 0; j < entryArray.size() && body.ok(); ++j) {
            const QString entryPath = stepPath + QStringLiteral(".entries[%1]").arg(j);
            if (!entryArray.at(j).isObject()) {
                body.fail(QStringLiteral("field '%1' must be an object").arg(entryPath));
                break;
            }
            step.entries.append(readPolicyEntry(
                ctx.org, body, entryArray.at(j).toObject(), entryPath, policy.teamSlug));
        }
        policy.steps.append(step);
    }
    if (!body.ok())
        return body.error();

    policy.slug = ctx.org.newSlug(QStringLiteral("pol"));
    ctx.org.policies.insert(policy.slug, policy);
    return SimReply::json(escalationPolicy(ctx.org, policy));
}

SimReply getPolicy(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.policies.constFind(request.arg(0));
    if (it == ctx.org.policies.constEnd())
        return SimReply::notFound(QStringLiteral("Escalation policy '%1'").arg(request.arg(0)));
    return SimReply::json(escalationPolicy(ctx.org, *it));
}

SimReply deletePolicy(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    if (!ctx.org.policies.remove(slug))
        return SimReply::notFound(QStringLiteral("Escalation policy '%1'").arg(slug));
    forgetPolicy(ctx.org, slug);
    return SimReply::empty();
}

} // namespace

QJsonObject policyInfoList(const SimOrg& org, const QString& teamSlug)
{
    QList<const SimPolicy*> policies;
    for (const SimPolicy& policy : org.policies) {
        if (teamSlug.isEmpty() || policy.teamSlug == teamSlug)
            policies.append(&policy);
    }
    std::sort(policies.begin(), policies.end(), [&org](const SimPolicy* a, const SimPolicy* b) {
        if (a->teamSlug != b->teamSlug)
            return lessCaseless(
                org.teams.value(a->teamSlug).name, org.teams.value(b->teamSlug).name);
        return lessCaseless(a->name, b->name);
    });
    QJsonArray list;
    for (const SimPolicy* policy : std::as_const(policies))
        list.append(policyInfo(org, *policy));
    return QJsonObject { { QStringLiteral("policies"), list } };
}

void registerEscalationPolicyRoutes(SimRouter& router, SimContext& ctx)
{
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/policies"), 60, &listPolicies);
    addRoute(router, ctx, "POST", kApi + QStringLiteral("/policies"), 60, &createPolicy);
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/policies/{policy}"), 60, &getPolicy);
    addRoute(router, ctx, "DELETE", kApi + QStringLiteral("/policies/{policy}"), 60, &deletePolicy);
}

} // namespace rota::sim
