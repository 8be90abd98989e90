// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The reporting API's incident history (ReportingIncidentList), in its current (v2) and its
// deprecated (v1, without routingKey) form.

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

std::optional<QDateTime> parseIsoTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    // Without an offset the reporting API reads the time as UTC, not as the server's zone.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), QTimeZone::utc());
    return t.toUTC();
}

QSet<QString> commaSet(const QString& text)
{
    QSet<QString> out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (!part.trimmed().isEmpty())
            out.insert(part.trimmed());
    }
    return out;
}

struct NumberRange {
    int first = 0;
    int last = 0;
};

// "4,5,20:50": single numbers and inclusive ranges.
std::optional<QList<NumberRange>> parseNumberRanges(const QString& text)
{
    QList<NumberRange> ranges;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QStringList ends = part.split(QLatin1Char(':'));
        if (ends.size() > 2)
            return std::nullopt;
        const auto first = parseIncidentNumber(ends.first());
        const auto last = parseIncidentNumber(ends.last());
        if (!first || !last || *last < *first)
            return std::nullopt;
        ranges.append({ *first, *last });
    }
    if (ranges.isEmpty())
        return std::nullopt;
    return ranges;
}

std::optional<QString> phaseFromQuery(const QString& word)
{
    const QString lower = word.trimmed().toLower();
    if (lower == QLatin1String("triggered") || lower == QLatin1String("unacked"))
        return kUnacked;
    if (lower == QLatin1String("acknowledged") || lower == QLatin1String("acked"))
        return kAcked;
    if (lower == QLatin1String("resolved"))
        return kResolved;
    return std::nullopt;
}

SimReply reportingIncidents(SimContext& ctx, const SimRequest& request, bool withRoutingKey)
{
    QString error;
    const auto offset = queryInt(request, QStringLiteral("offset"), 0, 0, INT_MAX, &error);
    if (!offset)
        return SimReply::badRequest(error);
    const auto limit = queryInt(request, QStringLiteral("limit"), 20, 1, 100, &error);
    if (!limit)
        return SimReply::badRequest(error);

    const QUrlQuery& query = request.query;
    auto value = [&query](const QString& name) {
        return query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    };

    std::optional<QList<NumberRange>> numbers;
    if (!value(QStringLiteral("incidentNumber")).isEmpty()) {
        numbers = parseNumberRanges(value(QStringLiteral("incidentNumber")));
        if (!numbers)
            return SimReply::badRequest(QStringLiteral(
                "query parameter 'incidentNumber' must be numbers and ranges like 4,5,20:50"));
    }
    std::optional<QDateTime> after;
    std::optional<QDateTime> before;
    for (const auto& [name, slot] : { std::pair { QStringLiteral("startedAfter"), &after },
             std::pair { QStringLiteral("startedBefore"), &before } }) {
        if (value(name).isEmpty())
            continue;
        *slot = parseIsoTime(value(name));
        if (!*slot)
            return SimReply::badRequest(
                QStringLiteral("query parameter '%1' must be an ISO 8601 time").arg(name));
    }
    // As the definition says: without currentPhase, only resolved incidents.
    QSet<QString> phases { kResolved };
    if (!value(QStringLiteral("currentPhase")).isEmpty()) {
        phases.clear();
        const QSet<QString> words = commaSet(value(QStringLiteral("currentPhase")));
        for (const QString& word : words) {
            const auto phase = phaseFromQuery(word);
            if (!phase)
                return SimReply::badRequest(QStringLiteral(
                    "query parameter 'currentPhase' must be triggered, acknowledged or "
                    "resolved, not '%1'")
                                                .arg(word));
            phases.insert(*phase);
        }
    }
    const QString entityId = value(QStringLiteral("entityId"));
    const QSet<QString> hosts = commaSet(value(QStringLiteral("host")));
    const QSet<QString> services = commaSet(value(QStringLiteral("service")));
    const QString routingKey = withRoutingKey ? value(QStringLiteral("routingKey")) : QString();

    QList<const SimIncident*> matches;
    for (const SimIncident& incident : std::as_const(ctx.org.incidents)) {
        if (!phases.contains(incident.phase))
            continue;
        if (!entityId.isEmpty() && incident.entityId != entityId)
            continue;
        if (!hosts.isEmpty() && !hosts.contains(incident.host))
            continue;
        if (!services.isEmpty() && !services.contains(incident.service))
            continue;
        if (!routingKey.isEmpty() && incident.routingKey != routingKey)
            continue;
        if (after && !(incident.startTime > *after))
            continue;
        if (before && !(incident.startTime < *before))
            continue;
        if (numbers) {
            const bool inRange = std::any_of(
                numbers->cbegin(), numbers->cend(), [&incident](const NumberRange& range) {
                    return incident.number >= range.first && incident.number <= range.last;
                });
            if (!inRange)
                continue;
        }
        matches.append(&incident);
    }
    std::stable_sort(
        matches.begin(), matches.end(), [](const SimIncident* a, const SimIncident* b) {
            if (a->startTime != b->startTime)
                return a->startTime > b->startTime;
            return a->number > b->number;
        });

    PolicyInfoCache policies(ctx.org);
    JsonWriter json;
    json.beginObject();
    json.key("offset");
    json.number(*offset);
    json.key("limit");
    json.number(*limit);
    json.key("total");
    json.number(matches.size());
    json.key("incidents");
    json.beginArray();
    const qsizetype end = qMin(matches.size(), qsizetype(*offset + *limit));
    for (qsizetype i = *offset; i < end; ++i)
        writeIncident(json, *matches.at(i), policies, Flavor::Reporting);
    json.endArray();
    json.endObject();
    return jsonReply(std::move(json.out));
}

} // namespace

void registerReportingRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-reporting/v2/incidents"), 1,
        [&ctx](const SimRequest& request) { return reportingIncidents(ctx, request, true); });
    // Deprecated: the same search without routingKey, from the older copy of the definition.
    router.add("GET", QStringLiteral("/api-reporting/v1/incidents"), 1,
        [&ctx](const SimRequest& request) { return reportingIncidents(ctx, request, false); });
}

} // namespace rota::sim
