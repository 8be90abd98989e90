// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The policy value lists: notification types, contact types and timeouts a personal paging
// policy may use.
#include "simusers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <array>
#include <utility>

namespace rota::sim {

namespace {

SimReply notificationTypes(SimContext&, const SimRequest&)
{
    const std::array<std::pair<const char*, const char*>, 4> values { {
        { "push", "Send a push notification to all my devices" },
        { "email", "Send an email to an email address" },
        { "sms", "Send an SMS to a phone number" },
        { "phone", "Make a phone call to a phone number" },
    } };
    QJsonArray types;
    for (const auto& [type, description] : values) {
        types.append(QJsonObject {
            { QStringLiteral("type"), QLatin1String(type) },
            { QStringLiteral("description"), QLatin1String(description) },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("notificationTypes"), types },
        { QStringLiteral("_selfUrl"),
            QStringLiteral("/api-public/v1/policies/types/notifications") },
    });
}

SimReply contactTypes(SimContext&, const SimRequest&)
{
    const QJsonArray types {
        QJsonObject { { QStringLiteral("type"), QStringLiteral("email") },
            { QStringLiteral("description"), QStringLiteral("Email Address") } },
        QJsonObject { { QStringLiteral("type"), QStringLiteral("phone") },
            { QStringLiteral("description"), QStringLiteral("Phone Number") } },
    };
    return SimReply::json(QJsonObject {
        { QStringLiteral("contactTypes"), types },
        { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/policies/types/contacts") },
    });
}

SimReply timeoutTypes(SimContext&, const SimRequest&)
{
    QJsonArray types;
    for (const int minutes : kTimeouts) {
        // Worded as the definition's TimeoutDescription enum has it ("after 5 minute"), which is
        // what a schema check holds the reply to.
        types.append(QJsonObject {
            { QStringLiteral("type"), minutes },
            { QStringLiteral("description"),
                QStringLiteral("If still unacked after %1 minute").arg(minutes) },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("timeoutTypes"), types },
        { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/policies/types/timeouts") },
    });
}

} // namespace

void registerPolicyValueRoutes(SimRouter& router, SimContext& ctx)
{
    addRoute(
        router, ctx, "GET", "/api-public/v1/policies/types/notifications", 60, notificationTypes);
    addRoute(router, ctx, "GET", "/api-public/v1/policies/types/contacts", 60, contactTypes);
    addRoute(router, ctx, "GET", "/api-public/v1/policies/types/timeouts", 60, timeoutTypes);
}

} // namespace rota::sim
