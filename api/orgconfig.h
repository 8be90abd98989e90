// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Organisation configuration: maintenance mode, routing keys and webhooks.
//
// Every DTO reads itself with `static T fromJson(const JsonReader &)` (unknown fields ignored,
// missing optional fields left at their defaults, wrong types recorded by the reader with their
// path) and writes itself back with `QJsonObject toJson() const` under the API's field names. No
// answer of this group is a bare JSON array.

#include "apiclient.h"
#include "calls.h"
#include "requestscheduler.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rota {

//! MaintenanceModeTarget: what an instance covers; today only type "RoutingKeys".
struct MaintenanceTarget {
    QString type = QStringLiteral("RoutingKeys");
    QStringList names; //!< routing keys

    static MaintenanceTarget fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! ActiveMaintenanceMode: one running maintenance-mode instance.
struct MaintenanceInstance {
    QString instanceId; //!< the {maintenancemodeid} that ends it
    QString startedBy; //!< a username
    QDateTime startedAt; //!< UTC; epoch milliseconds on the wire
    QList<MaintenanceTarget> targets;
    bool isGlobal = false; //!< covers every routing key (then targets is empty)

    //! The routing keys of all targets.
    QStringList routingKeys() const;

    static MaintenanceInstance fromJson(const JsonReader& r);
    QJsonObject toJson() const; //!< startedAt as epoch milliseconds again
};

//! MaintenanceModeState: the answer of all three maintenance-mode operations.
struct MaintenanceState {
    QString companyId;
    QList<MaintenanceInstance> activeInstances;

    bool isGlobalActive() const;
    //! The instance with this id, or nullptr.
    const MaintenanceInstance* instance(const QString& instanceId) const;

    static MaintenanceState fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The body of POST /maintenancemode/start.
struct StartMaintenanceRequest {
    QStringList names; //!< routing keys; empty starts global maintenance mode
    QString purpose; //!< optional; not sent when empty

    static StartMaintenanceRequest fromJson(const JsonReader& r);
    QJsonObject toJson() const; //!< {"type": "RoutingKeys", "names": [...], "purpose": ...}
};

//! RoutingKeyTarget: an escalation policy a routing key sends alerts to.
struct RoutingKeyTarget {
    QString policyName;
    QString policySlug;
    QString teamUrl; //!< _teamUrl

    static RoutingKeyTarget fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RoutingKeyInfo
struct RoutingKey {
    QString routingKey;
    QList<RoutingKeyTarget> targets;
    bool isDefault = false; //!< takes the alerts whose key is unknown

    static RoutingKey fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! ListRoutingKeysResponse: {"routingKeys": [...], "_selfUrl": ...}.
struct RoutingKeyList {
    QList<RoutingKey> routingKeys;
    QString selfUrl; //!< _selfUrl

    //! The key with this name, or nullptr.
    const RoutingKey* find(const QString& routingKey) const;

    static RoutingKeyList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! RoutingKeyPayload (the request) and CreateRoutingKeyResponse (its answer) have one shape: the
//! key and the slugs of the escalation policies it targets.
struct RoutingKeyAssignment {
    QString routingKey; //!< lower-case letters, digits, '-', '_' and '.'
    QStringList targets; //!< escalation policy slugs, at least one

    static RoutingKeyAssignment fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! Webhook: one of the org's outgoing webhooks, as escalation policies target them.
struct Webhook {
    QString slug; //!< "wh-..."
    QString label;
    QString url;

    static Webhook fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! WebhookList: {"webhooks": [...]}.
struct WebhookList {
    QList<Webhook> webhooks;

    static WebhookList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/maintenancemode
ApiCall<MaintenanceState> getMaintenanceMode(ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/maintenancemode/start — answers the state after starting. 409
//! (BadRequest) when global maintenance is already on, 420 (also BadRequest) when too many
//! instances run.
ApiCall<MaintenanceState> startMaintenanceMode(
    ApiClient& client, const StartMaintenanceRequest& request);

//! PUT /api-public/v1/maintenancemode/{maintenancemodeid}/end — answers the state after.
ApiCall<MaintenanceState> endMaintenanceMode(ApiClient& client, const QString& instanceId);

//! GET /api-public/v1/org/routing-keys
ApiCall<RoutingKeyList> listRoutingKeys(ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/org/routing-keys
ApiCall<RoutingKeyAssignment> createRoutingKey(
    ApiClient& client, const RoutingKeyAssignment& routingKey);

//! GET /api-public/v1/webhooks
ApiCall<WebhookList> listWebhooks(ApiClient& client, CallPriority priority = {});

} // namespace calls

} // namespace rota
