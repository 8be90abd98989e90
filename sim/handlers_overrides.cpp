// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Scheduled overrides (a user away for a while) and their per-policy assignments (who stands in).
// The schedule engine (schedules.h) applies them to who is on call.
#include "oncallshapes.h"
#include "schedules.h"
#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace rota::sim {

namespace {

QString overrideUrl(const QString& publicId)
{
    return QStringLiteral("/api-public/v1/overrides/") + publicId;
}

QJsonObject assignmentJson(
    const SimOrg& org, const SimScheduledOverride& override, const QString& policySlug)
{
    const QString replacement = override.assignments.value(policySlug);
    QJsonObject assignment {
        { QStringLiteral("_selfUrl"),
            QString(
                overrideUrl(override.publicId) + QStringLiteral("/assignments/") + policySlug) },
        { QStringLiteral("team"), org.policies.value(policySlug).teamSlug },
        { QStringLiteral("policy"), policySlug },
        { QStringLiteral("assigned"), !replacement.isEmpty() },
    };
    if (!replacement.isEmpty())
        assignment.insert(QStringLiteral("user"), replacement);
    return assignment;
}

QJsonArray assignmentsJson(const SimOrg& org, const SimScheduledOverride& override)
{
    QJsonArray assignments;
    for (auto it = override.assignments.cbegin(); it != override.assignments.cend(); ++it) {
        // A policy deleted since the override was made no longer has anything to assign.
        if (org.policies.contains(it.key()))
            assignments.append(assignmentJson(org, override, it.key()));
    }
    return assignments;
}

QJsonObject overrideJson(const SimOrg& org, const SimScheduledOverride& override)
{
    const SimUser user = org.users.value(override.username);
    return {
        { QStringLiteral("publicId"), override.publicId },
        { QStringLiteral("user"),
            QJsonObject { { QStringLiteral("username"), override.username },
                { QStringLiteral("firstName"), user.firstName },
                { QStringLiteral("lastName"), user.lastName } } },
        { QStringLiteral("timezone"), override.timeZone },
        { QStringLiteral("start"), rfc3339InZone(override.start, override.timeZone) },
        { QStringLiteral("end"), rfc3339InZone(override.end, override.timeZone) },
        { QStringLiteral("assignments"), assignmentsJson(org, override) },
    };
}

} // namespace

void registerOverrideRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-public/v1/overrides"), 60, [&ctx](const SimRequest&) {
        QJsonArray overrides;
        for (const SimScheduledOverride* override : overridesByStart(ctx.org))
            overrides.append(overrideJson(ctx.org, *override));
        return SimReply::json(QJsonObject { { QStringLiteral("overrides"), overrides },
            { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/overrides") } });
    });

    router.add(
        "POST", QStringLiteral("/api-public/v1/overrides"), 60, [&ctx](const SimRequest& request) {
            BodyReader body(request);
            const QString username = body.requireString(QStringLiteral("username"));
            const QString timeZone = body.requireString(QStringLiteral("timezone"));
            const QString startText = body.requireString(QStringLiteral("start"));
            const QString endText = body.requireString(QStringLiteral("end"));
            if (!body.ok())
                return body.error();
            if (!QTimeZone::isTimeZoneIdAvailable(timeZone.toUtf8()))
                return SimReply::badRequest(QStringLiteral(
                    "field 'timezone' must be an IANA time zone name, e.g. Europe/Berlin"));
            const QTimeZone zone(timeZone.toUtf8());
            const QDateTime start = parseIsoTime(startText, zone);
            const QDateTime end = parseIsoTime(endText, zone);
            if (!start.isValid())
                return SimReply::badRequest(
                    QStringLiteral("field 'start' must be an ISO 8601 time"));
            if (!end.isValid())
                return SimReply::badRequest(QStringLiteral("field 'end' must be an ISO 8601 time"));
            if (end <= start)
                return SimReply::badRequest(QStringLiteral("field 'end' must be after 'start'"));
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));

            SimScheduledOverride override;
            override.publicId = ctx.org.newUuid();
            override.username = username;
            override.timeZone = timeZone;
            override.start = start;
            override.end = end;
            for (const SimPolicy& policy : std::as_const(ctx.org.policies)) {
                if (userInPolicy(ctx.org, policy, username))
                    override.assignments.insert(policy.slug, QString());
            }
            ctx.org.scheduledOverrides.insert(override.publicId, override);
            return SimReply::json(
                QJsonObject { { QStringLiteral("schedule"), overrideJson(ctx.org, override) },
                    { QStringLiteral("_selfUrl"), overrideUrl(override.publicId) } });
        });

    router.add("GET", QStringLiteral("/api-public/v1/overrides/{publicId}"), 60,
        [&ctx](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.constFind(request.arg(0));
            if (override == ctx.org.scheduledOverrides.cend())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::json(
                QJsonObject { { QStringLiteral("override"), overrideJson(ctx.org, *override) },
                    { QStringLiteral("_selfUrl"), overrideUrl(override->publicId) } });
        });

    router.add("DELETE", QStringLiteral("/api-public/v1/overrides/{publicId}"), 60,
        [&ctx](const SimRequest& request) {
            if (ctx.org.scheduledOverrides.remove(request.arg(0)) == 0)
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::empty();
        });

    router.add("GET", QStringLiteral("/api-public/v1/overrides/{publicId}/assignments"), 60,
        [&ctx](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.constFind(request.arg(0));
            if (override == ctx.org.scheduledOverrides.cend())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::json(assignmentsJson(ctx.org, *override));
        });

    // The three single-assignment calls share the lookup; `change` edits the replacement.
    const auto assignmentRoute = [&ctx](const std::function<std::optional<SimReply>(
                                         SimScheduledOverride&, const SimRequest&)>& change) {
        return [&ctx, change](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.find(request.arg(0));
            if (override == ctx.org.scheduledOverrides.end())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            const QString policySlug = request.arg(1);
            if (!override->assignments.contains(policySlug)
                || !ctx.org.policies.contains(policySlug))
                return SimReply::notFound(QStringLiteral(
                    "Assignment for escalation policy '%1' in scheduled override '%2'")
                                              .arg(policySlug, override->publicId));
            if (change) {
                if (auto problem = change(*override, request))
                    return *problem;
            }
            return SimReply::json(assignmentJson(ctx.org, *override, policySlug));
        };
    };

    router.add("GET",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute(nullptr));

    router.add("PUT",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute([&ctx](SimScheduledOverride& override,
                            const SimRequest& request) -> std::optional<SimReply> {
            BodyReader body(request);
            const QString policy = body.requireString(QStringLiteral("policy"));
            const QString username = body.requireString(QStringLiteral("username"));
            if (!body.ok())
                return body.error();
            if (policy != request.arg(1))
                return SimReply::badRequest(
                    QStringLiteral("field 'policy' must name the policy in the path (%1)")
                        .arg(request.arg(1)));
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
            if (username == override.username)
                return SimReply::badRequest(QStringLiteral(
                    "field 'username' must name someone other than the user who is away"));
            override.assignments.insert(policy, username);
            return std::nullopt;
        }));

    router.add("DELETE",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute([](SimScheduledOverride& override,
                            const SimRequest& request) -> std::optional<SimReply> {
            override.assignments.insert(request.arg(1), QString());
            return std::nullopt;
        }));
}

} // namespace rota::sim
