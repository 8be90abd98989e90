// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The org's outgoing webhooks (read only).
#include "simteams.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

SimReply listWebhooks(SimContext& ctx, const SimRequest&)
{
    QList<const SimWebhook*> webhooks;
    for (const SimWebhook& webhook : ctx.org.webhooks)
        webhooks.append(&webhook);
    std::sort(webhooks.begin(), webhooks.end(),
        [](const SimWebhook* a, const SimWebhook* b) { return lessCaseless(a->label, b->label); });
    QJsonArray list;
    for (const SimWebhook* webhook : std::as_const(webhooks)) {
        list.append(QJsonObject {
            { QStringLiteral("slug"), webhook->slug },
            { QStringLiteral("label"), webhook->label },
            { QStringLiteral("url"), webhook->url },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("webhooks"), list } });
}

} // namespace

void registerWebhookRoutes(SimRouter& router, SimContext& ctx)
{
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/webhooks"), 60, &listWebhooks);
}

} // namespace rota::sim
