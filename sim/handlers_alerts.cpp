// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// One alert of an incident (GetAlertResponse).

#include "simincidents.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>
#include <vector>

namespace rota::sim {

namespace {

// GetAlertResponse documents timestamp and stateStartTime as seconds since the epoch; the
// model keeps milliseconds, so the unit is decided here and nowhere else.
qint64 alertEpoch(qint64 ms) { return ms / 1000; }

SimReply getAlert(SimContext& ctx, const SimRequest& request)
{
    const auto found = ctx.org.alerts.constFind(request.arg(0));
    if (found == ctx.org.alerts.constEnd())
        return SimReply::notFound(QStringLiteral("Alert '%1'").arg(request.arg(0)));
    const SimAlert& alert = found.value();
    QJsonObject json {
        { QStringLiteral("messageType"), alert.messageType },
        { QStringLiteral("entityId"), alert.entityId },
        { QStringLiteral("timestamp"), alertEpoch(alert.timestampMs) },
        { QStringLiteral("stateStartTime"), alertEpoch(alert.stateStartTimeMs) },
        { QStringLiteral("stateMessage"), alert.stateMessage },
        { QStringLiteral("monitoringTool"), alert.monitoringTool },
        { QStringLiteral("entityDisplayName"), alert.entityDisplayName },
        { QStringLiteral("raw"),
            QString::fromUtf8(QJsonDocument(alert.raw).toJson(QJsonDocument::Compact)) },
    };
    if (!alert.ackAuthor.isEmpty())
        json.insert(QStringLiteral("ackAuthor"), alert.ackAuthor);
    if (!alert.ackMsg.isEmpty())
        json.insert(QStringLiteral("ackMsg"), alert.ackMsg);
    return SimReply::json(json);
}

} // namespace

void registerAlertRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-public/v1/alerts/{uuid}"), 60,
        [&ctx](const SimRequest& request) { return getAlert(ctx, request); });
}

} // namespace rota::sim
