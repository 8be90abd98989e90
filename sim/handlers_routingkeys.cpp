// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The org's routing keys: the list and creating one.
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

SimReply listRoutingKeys(SimContext& ctx, const SimRequest&)
{
    QJsonArray keys;
    for (const SimRoutingKey& key : std::as_const(ctx.org.routingKeys)) {
        QJsonArray targets;
        for (const QString& slug : key.policySlugs) {
            const SimPolicy policy = ctx.org.policies.value(slug);
            targets.append(QJsonObject {
                { QStringLiteral("policyName"), policy.name },
                { QStringLiteral("policySlug"), slug },
                { QStringLiteral("_teamUrl"), teamUrl(policy.teamSlug) },
            });
        }
        keys.append(QJsonObject {
            { QStringLiteral("routingKey"), key.key },
            { QStringLiteral("targets"), targets },
            { QStringLiteral("isDefault"), key.isDefault },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("routingKeys"), keys },
        { QStringLiteral("_selfUrl"), QString(kApi + QStringLiteral("/org/routing-keys")) },
    });
}

SimReply createRoutingKey(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString key = body.requireString(QStringLiteral("routingKey"));
    const QJsonArray targets = body.requireArray(QStringLiteral("targets"));
    if (!body.ok())
        return body.error();
    static const QRegularExpression kKeyPattern(QStringLiteral("^[a-z0-9_.-]+$"));
    if (!kKeyPattern.match(key).hasMatch()) {
        return SimReply::badRequest(QStringLiteral(
            "field 'routingKey' may only hold lower-case letters, digits, '-', '_' and '.'"));
    }
    for (const SimRoutingKey& existing : std::as_const(ctx.org.routingKeys)) {
        if (existing.key == key)
            return SimReply::badRequest(QStringLiteral("Routing key '%1' already exists").arg(key));
    }
    if (targets.isEmpty())
        return SimReply::badRequest(
            QStringLiteral("field 'targets' must name at least one escalation policy"));
    SimRoutingKey created;
    created.key = key;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!targets.at(i).isString())
            return SimReply::badRequest(
                QStringLiteral("field 'targets[%1]' must be a string").arg(i));
        const QString slug = targets.at(i).toString();
        if (!ctx.org.policies.contains(slug)) {
            return SimReply::badRequest(
                QStringLiteral("field 'targets[%1]': escalation policy '%2' does not exist")
                    .arg(i)
                    .arg(slug));
        }
        if (!created.policySlugs.contains(slug))
            created.policySlugs.append(slug);
    }
    ctx.org.routingKeys.append(created);
    return SimReply::json(QJsonObject {
        { QStringLiteral("routingKey"), created.key },
        { QStringLiteral("targets"), QJsonArray::fromStringList(created.policySlugs) },
    });
}

} // namespace

void registerRoutingKeyRoutes(SimRouter& router, SimContext& ctx)
{
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/org/routing-keys"), 60, &listRoutingKeys);
    addRoute(
        router, ctx, "POST", kApi + QStringLiteral("/org/routing-keys"), 60, &createRoutingKey);
}

} // namespace rota::sim
