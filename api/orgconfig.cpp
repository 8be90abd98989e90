// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "orgconfig.h"

#include "jsonreader.h"

#include <QJsonArray>

#include <algorithm>

namespace rota {

namespace {

} // namespace

MaintenanceTarget MaintenanceTarget::fromJson(const JsonReader& r)
{
    MaintenanceTarget t;
    t.type = r.str(QStringLiteral("type"), t.type);
    t.names = r.strings(QStringLiteral("names"));
    return t;
}

QJsonObject MaintenanceTarget::toJson() const
{
    return QJsonObject {
        { QStringLiteral("type"), type },
        { QStringLiteral("names"), QJsonArray::fromStringList(names) },
    };
}

QStringList MaintenanceInstance::routingKeys() const
{
    QStringList keys;
    for (const MaintenanceTarget& target : targets) {
        for (const QString& name : target.names) {
            if (!keys.contains(name))
                keys.append(name);
        }
    }
    return keys;
}

MaintenanceInstance MaintenanceInstance::fromJson(const JsonReader& r)
{
    MaintenanceInstance m;
    m.instanceId = r.str(QStringLiteral("instanceId"));
    m.startedBy = r.str(QStringLiteral("startedBy"));
    m.startedAt = r.time(QStringLiteral("startedAt"));
    r.forEach(QStringLiteral("targets"),
        [&m](JsonReader& e) { m.targets.append(MaintenanceTarget::fromJson(e)); });
    m.isGlobal = r.boolean(QStringLiteral("isGlobal"));
    return m;
}

QJsonObject MaintenanceInstance::toJson() const
{
    QJsonObject o {
        { QStringLiteral("instanceId"), instanceId },
        { QStringLiteral("startedBy"), startedBy },
        { QStringLiteral("targets"), toJsonArray(targets) },
        { QStringLiteral("isGlobal"), isGlobal },
    };
    if (startedAt.isValid())
        o.insert(QStringLiteral("startedAt"), static_cast<double>(startedAt.toMSecsSinceEpoch()));
    return o;
}

bool MaintenanceState::isGlobalActive() const
{
    return std::any_of(activeInstances.cbegin(), activeInstances.cend(),
        [](const MaintenanceInstance& m) { return m.isGlobal; });
}

const MaintenanceInstance* MaintenanceState::instance(const QString& instanceId) const
{
    for (const MaintenanceInstance& m : activeInstances) {
        if (m.instanceId == instanceId)
            return &m;
    }
    return nullptr;
}

MaintenanceState MaintenanceState::fromJson(const JsonReader& r)
{
    MaintenanceState s;
    s.companyId = r[QStringLiteral("companyId")].toStringOrNumber();
    r.forEach(QStringLiteral("activeInstances"),
        [&s](JsonReader& e) { s.activeInstances.append(MaintenanceInstance::fromJson(e)); });
    return s;
}

QJsonObject MaintenanceState::toJson() const
{
    return QJsonObject {
        { QStringLiteral("companyId"), companyId },
        { QStringLiteral("activeInstances"), toJsonArray(activeInstances) },
    };
}

StartMaintenanceRequest StartMaintenanceRequest::fromJson(const JsonReader& r)
{
    StartMaintenanceRequest s;
    s.names = r.strings(QStringLiteral("names"));
    s.purpose = r.str(QStringLiteral("purpose"));
    return s;
}

QJsonObject StartMaintenanceRequest::toJson() const
{
    QJsonObject o {
        { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
        { QStringLiteral("names"), QJsonArray::fromStringList(names) },
    };
    if (!purpose.isEmpty())
        o.insert(QStringLiteral("purpose"), purpose);
    return o;
}

RoutingKeyTarget RoutingKeyTarget::fromJson(const JsonReader& r)
{
    RoutingKeyTarget t;
    t.policyName = r.str(QStringLiteral("policyName"));
    t.policySlug = r.str(QStringLiteral("policySlug"));
    t.teamUrl = r.str(QStringLiteral("_teamUrl"));
    return t;
}

QJsonObject RoutingKeyTarget::toJson() const
{
    return QJsonObject {
        { QStringLiteral("policyName"), policyName },
        { QStringLiteral("policySlug"), policySlug },
        { QStringLiteral("_teamUrl"), teamUrl },
    };
}

RoutingKey RoutingKey::fromJson(const JsonReader& r)
{
    RoutingKey k;
    k.routingKey = r.str(QStringLiteral("routingKey"));
    r.forEach(QStringLiteral("targets"),
        [&k](JsonReader& e) { k.targets.append(RoutingKeyTarget::fromJson(e)); });
    k.isDefault = r.boolean(QStringLiteral("isDefault"));
    return k;
}

QJsonObject RoutingKey::toJson() const
{
    return QJsonObject {
        { QStringLiteral("routingKey"), routingKey },
        { QStringLiteral("targets"), toJsonArray(targets) },
        { QStringLiteral("isDefault"), isDefault },
    };
}

const RoutingKey* RoutingKeyList::find(const QString& routingKey) const
{
    for (const RoutingKey& key : routingKeys) {
        if (key.routingKey == routingKey)
            return &key;
    }
    return nullptr;
}

RoutingKeyList RoutingKeyList::fromJson(const JsonReader& r)
{
    RoutingKeyList list;
    r.forEach(QStringLiteral("routingKeys"),
        [&list](JsonReader& e) { list.routingKeys.append(RoutingKey::fromJson(e)); });
    list.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return list;
}

QJsonObject RoutingKeyList::toJson() const
{
    return QJsonObject {
        { QStringLiteral("routingKeys"), toJsonArray(routingKeys) },
        { QStringLiteral("_selfUrl"), selfUrl },
    };
}

RoutingKeyAssignment RoutingKeyAssignment::fromJson(const JsonReader& r)
{
    RoutingKeyAssignment a;
    a.routingKey = r.str(QStringLiteral("routingKey"));
    a.targets = r.strings(QStringLiteral("targets"));
    return a;
}

QJsonObject RoutingKeyAssignment::toJson() const
{
    return QJsonObject {
        { QStringLiteral("routingKey"), routingKey },
        { QStringLiteral("targets"), QJsonArray::fromStringList(targets) },
    };
}

Webhook Webhook::fromJson(const JsonReader& r)
{
    Webhook w;
    w.slug = r.str(QStringLiteral("slug"));
    w.label = r.str(QStringLiteral("label"));
    w.url = r.str(QStringLiteral("url"));
    return w;
}

QJsonObject Webhook::toJson() const
{
    return QJsonObject {
        { QStringLiteral("slug"), slug },
        { QStringLiteral("label"), label },
        { QStringLiteral("url"), url },
    };
}

WebhookList WebhookList::fromJson(const JsonReader& r)
{
    WebhookList list;
    r.forEach(QStringLiteral("webhooks"),
        [&list](JsonReader& e) { list.webhooks.append(Webhook::fromJson(e)); });
    return list;
}

QJsonObject WebhookList::toJson() const
{
    return QJsonObject { { QStringLiteral("webhooks"), toJsonArray(webhooks) } };
}

namespace calls {

ApiCall<MaintenanceState> getMaintenanceMode(ApiClient& client, CallPriority priority)
{
    return send<MaintenanceState>(client, request(ops::getMaintenanceMode, {}, priority));
}

ApiCall<MaintenanceState> startMaintenanceMode(
    ApiClient& client, const StartMaintenanceRequest& start)
{
    return send<MaintenanceState>(
        client, withBody(request(ops::startMaintenanceMode), start.toJson()));
}

ApiCall<MaintenanceState> endMaintenanceMode(ApiClient& client, const QString& instanceId)
{
    return send<MaintenanceState>(client, request(ops::endMaintenanceMode, { instanceId }));
}

ApiCall<RoutingKeyList> listRoutingKeys(ApiClient& client, CallPriority priority)
{
    return send<RoutingKeyList>(client, request(ops::listRoutingKeys, {}, priority));
}

ApiCall<RoutingKeyAssignment> createRoutingKey(
    ApiClient& client, const RoutingKeyAssignment& routingKey)
{
    return send<RoutingKeyAssignment>(
        client, withBody(request(ops::createRoutingKey), routingKey.toJson()));
}

ApiCall<WebhookList> listWebhooks(ApiClient& client, CallPriority priority)
{
    return send<WebhookList>(client, request(ops::listWebhooks, {}, priority));
}

} // namespace calls

} // namespace rota
