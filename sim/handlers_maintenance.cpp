// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Maintenance mode: its state, starting it (globally or for routing keys) and ending it.
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

QJsonObject maintenanceState(const SimOrg& org)
{
    QJsonArray instances;
    for (const SimMaintenance& m : org.maintenance) {
        QJsonArray targets;
        // Global maintenance covers everything and names no routing keys.
        if (!m.isGlobal) {
            targets.append(QJsonObject {
                { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
                { QStringLiteral("names"), QJsonArray::fromStringList(m.routingKeys) },
            });
        }
        instances.append(QJsonObject {
            { QStringLiteral("instanceId"), m.instanceId },
            { QStringLiteral("startedBy"), m.startedBy },
            { QStringLiteral("startedAt"), static_cast<double>(m.startedAtMs) },
            { QStringLiteral("targets"), targets },
            { QStringLiteral("isGlobal"), m.isGlobal },
        });
    }
    return QJsonObject {
        { QStringLiteral("companyId"), org.companyId },
        { QStringLiteral("activeInstances"), instances },
    };
}

constexpr int kMaxMaintenanceInstances = 20;

SimReply getMaintenance(SimContext& ctx, const SimRequest&)
{
    return SimReply::json(maintenanceState(ctx.org));
}

SimReply startMaintenance(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString type = body.requireString(QStringLiteral("type"));
    const QJsonArray names = body.optArray(QStringLiteral("names")).value_or(QJsonArray());
    body.optString(QStringLiteral("purpose"));
    // Not in the definition: lets a caller say on whose behalf it acts, since an API key has no
    // user.
    const auto startedBy = body.optString(QStringLiteral("startedBy"));
    if (!body.ok())
        return body.error();
    if (type != QLatin1String("RoutingKeys"))
        return SimReply::badRequest(QStringLiteral("field 'type' must be RoutingKeys"));
    if (startedBy && !ctx.org.users.contains(*startedBy))
        return SimReply::badRequest(
            QStringLiteral("field 'startedBy': user '%1' does not exist").arg(*startedBy));

    QStringList keys;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!names.at(i).isString())
            return SimReply::badRequest(
                QStringLiteral("field 'names[%1]' must be a string").arg(i));
        const QString name = names.at(i).toString();
        const bool known = std::any_of(ctx.org.routingKeys.cbegin(), ctx.org.routingKeys.cend(),
            [&name](const SimRoutingKey& key) { return key.key == name; });
        if (!known) {
            return SimReply::badRequest(
                QStringLiteral("field 'names[%1]': routing key '%2' does not exist")
                    .arg(i)
                    .arg(name));
        }
        if (!keys.contains(name))
            keys.append(name);
    }

    const bool global = keys.isEmpty();
    if (global) {
        const bool globalActive = std::any_of(ctx.org.maintenance.cbegin(),
            ctx.org.maintenance.cend(), [](const SimMaintenance& m) { return m.isGlobal; });
        if (globalActive) {
            return SimReply::error(409,
                QStringLiteral(
                    "Global maintenance mode is already active; only one may be active at a time"));
        }
    }
    if (ctx.org.maintenance.size() >= kMaxMaintenanceInstances) {
        return SimReply::error(420,
            QStringLiteral("You have reached the limit of %1 active maintenance modes")
                .arg(kMaxMaintenanceInstances));
    }

    SimMaintenance m;
    m.instanceId = ctx.org.newUuid();
    m.startedBy = startedBy.value_or(QStringLiteral("api"));
    m.startedAtMs = ctx.now().toMSecsSinceEpoch();
    m.routingKeys = keys;
    m.isGlobal = global;
    ctx.org.maintenance.append(m);
    return SimReply::json(maintenanceState(ctx.org));
}

SimReply endMaintenance(SimContext& ctx, const SimRequest& request)
{
    const QString id = request.arg(0);
    const auto it = std::find_if(ctx.org.maintenance.begin(), ctx.org.maintenance.end(),
        [&id](const SimMaintenance& m) { return m.instanceId == id; });
    if (it == ctx.org.maintenance.end())
        return SimReply::notFound(QStringLiteral("Maintenance mode instance '%1'").arg(id));
    ctx.org.maintenance.erase(it);
    return SimReply::json(maintenanceState(ctx.org));
}

} // namespace

void registerMaintenanceRoutes(SimRouter& router, SimContext& ctx)
{
    // No limit is documented for maintenance mode.
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/maintenancemode"), 0, &getMaintenance);
    addRoute(
        router, ctx, "POST", kApi + QStringLiteral("/maintenancemode/start"), 0, &startMaintenance);
    addRoute(router, ctx, "PUT", kApi + QStringLiteral("/maintenancemode/{maintenancemodeid}/end"),
        0, &endMaintenance);
}

} // namespace rota::sim
