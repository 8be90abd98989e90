// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Incidents: the list, one incident, creating one, ack and resolve (by number and by user),
// reroute, and the live activity of --incident-rate. Reply shapes follow the vendor definition
// (IncidentInfo, AckOrResolveResponse, RerouteStatusResponse); times are ISO 8601 UTC with Z.

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

const QString kManual = QStringLiteral("Manual");
const QString kManualPrefix = QStringLiteral("vouser-");

bool isOpen(const SimIncident& incident)
{
    return incident.phase == kUnacked || incident.phase == kAcked;
}

// Manual incidents carry "vouser-NAME" as their monitor; only monitoring-tool incidents may
// recover by themselves.
bool isFromMonitoringTool(const SimIncident& incident)
{
    return incident.monitorType != kManual && !incident.monitorName.startsWith(kManualPrefix);
}

void appendUnique(QStringList& list, const QString& value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

QString alertUrl(const QString& uuid) { return QStringLiteral("/api-public/v1/alerts/") + uuid; }

// The reporting API names transitions by the lower-case phase words of its search filter.
QString reportingTransitionName(const QString& name)
{
    if (name == kUnacked)
        return QStringLiteral("triggered");
    if (name == kAcked)
        return QStringLiteral("acknowledged");
    if (name == kResolved)
        return QStringLiteral("resolved");
    return name.toLower();
}

void writeTransitions(JsonWriter& json, const SimIncident& incident, Flavor flavor)
{
    json.beginArray();
    for (const SimTransition& t : incident.transitions) {
        json.beginObject();
        json.field("name", flavor == Flavor::Reporting ? reportingTransitionName(t.name) : t.name);
        json.field("at", isoUtc(t.at));
        json.field("by", t.by);
        json.field("message", t.message);
        json.key("manually");
        json.boolean(t.manually);
        if (!t.alertId.isEmpty()) {
            json.field("alertId", t.alertId);
            json.field("alertUrl", alertUrl(t.alertId));
        }
        json.endObject();
    }
    json.endArray();
}

qint64 secondsOf(const QDateTime& t) { return t.toMSecsSinceEpoch() / 1000; }

struct AlertSpec {
    QString messageType;
    QDateTime at;
    QDateTime stateStart;
    QString stateMessage;
    QString monitoringTool;
    QString ackAuthor;
    QString ackMsg;
};

// Records an alert for the incident, with `raw` shaped like the REST-endpoint JSON a
// monitoring tool posts, and returns its uuid.
QString addAlert(SimOrg& org, const SimIncident& incident, const AlertSpec& spec)
{
    SimAlert alert;
    alert.uuid = org.newUuid();
    alert.entityId = incident.entityId;
    alert.entityDisplayName = incident.entityDisplayName;
    alert.messageType = spec.messageType;
    alert.timestampMs = spec.at.toMSecsSinceEpoch();
    alert.stateStartTimeMs = spec.stateStart.toMSecsSinceEpoch();
    alert.stateMessage = spec.stateMessage;
    alert.monitoringTool = spec.monitoringTool;
    alert.ackAuthor = spec.ackAuthor;
    alert.ackMsg = spec.ackMsg;

    QJsonObject raw {
        { QStringLiteral("message_type"), spec.messageType },
        { QStringLiteral("entity_id"), incident.entityId },
        { QStringLiteral("entity_display_name"), incident.entityDisplayName },
        { QStringLiteral("entity_state"), incident.entityState },
        { QStringLiteral("state_message"), spec.stateMessage },
        { QStringLiteral("monitoring_tool"), spec.monitoringTool },
        { QStringLiteral("routing_key"), incident.routingKey },
        { QStringLiteral("timestamp"), secondsOf(spec.at) },
        { QStringLiteral("state_start_time"), secondsOf(spec.stateStart) },
        { QStringLiteral("VO_ORGANIZATION_ID"), org.orgSlug },
        { QStringLiteral("VO_UUID"), alert.uuid },
        { QStringLiteral("VO_INCIDENT_NUMBER"), QString::number(incident.number) },
    };
    if (!incident.host.isEmpty())
        raw.insert(QStringLiteral("host_name"), incident.host);
    if (!incident.service.isEmpty())
        raw.insert(QStringLiteral("service_name"), incident.service);
    if (!spec.ackAuthor.isEmpty())
        raw.insert(QStringLiteral("ack_author"), spec.ackAuthor);
    if (!spec.ackMsg.isEmpty())
        raw.insert(QStringLiteral("ack_msg"), spec.ackMsg);
    alert.raw = raw;

    const QString uuid = alert.uuid;
    org.alerts.insert(uuid, std::move(alert));
    return uuid;
}

QString alertTypeForState(const QString& entityState)
{
    if (entityState == QLatin1String("WARNING") || entityState == QLatin1String("INFO"))
        return entityState;
    return QStringLiteral("CRITICAL");
}

// --- request parsing -------------------------------------------------------------------

struct Target {
    bool isUser = false;
    QString slug;
    QString path; //!< e.g. "targets[1]", for messages
};

QString indexed(const QString& path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

QList<Target> readTargets(BodyReader& body, const QJsonArray& array, const QString& path)
{
    QList<Target> targets;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = indexed(path, i);
        if (!array.at(i).isObject()) {
            body.fail(QStringLiteral("field '%1' must be an object").arg(at));
            return {};
        }
        const QJsonObject object = array.at(i).toObject();
        const QString type = body.requireString(object, at, QStringLiteral("type"));
        const QString slug = body.requireString(object, at, QStringLiteral("slug"));
        if (!body.ok())
            return {};
        if (type != QLatin1String("User") && type != QLatin1String("EscalationPolicy")) {
            body.fail(QStringLiteral("field '%1.type' must be User or EscalationPolicy").arg(at));
            return {};
        }
        targets.append({ type == QLatin1String("User"), slug, at });
    }
    return targets;
}

// Empty when the target exists, else why not.
QString targetProblem(const SimOrg& org, const Target& target)
{
    if (target.isUser)
        return org.users.contains(target.slug)
            ? QString()
            : QStringLiteral("User '%1' not found").arg(target.slug);
    return org.policies.contains(target.slug)
        ? QString()
        : QStringLiteral("Escalation policy '%1' not found").arg(target.slug);
}

SimReply userNotFound(const QString& username)
{
    return SimReply::error(404, QStringLiteral("User '%1' not found").arg(username));
}

// --- state changes ---------------------------------------------------------------------

enum class Action { Ack, Resolve };

QJsonObject actionResult(
    const QString& number, const QString& entityId, bool accepted, const QString& message)
{
    QJsonObject result {
        { QStringLiteral("incidentNumber"), number },
        { QStringLiteral("cmdAccepted"), accepted },
        { QStringLiteral("message"), message },
    };
    if (!entityId.isNull())
        result.insert(QStringLiteral("entityId"), entityId);
    return result;
}

QJsonObject applyAction(SimContext& ctx, SimIncident& incident, Action action,
    const QString& username, const QString& message)
{
    const QString number = QString::number(incident.number);
    if (incident.phase == kResolved)
        return actionResult(
            number, incident.entityId, false, QStringLiteral("Incident is already resolved"));
    if (action == Action::Ack && incident.phase == kAcked)
        return actionResult(
            number, incident.entityId, false, QStringLiteral("Incident is already acknowledged"));

    const QDateTime now = ctx.now();
    const bool ack = action == Action::Ack;
    AlertSpec spec;
    spec.messageType = ack ? QStringLiteral("ACKNOWLEDGEMENT") : QStringLiteral("RECOVERY");
    spec.at = now;
    spec.stateStart = ack ? incident.startTime : now;
    spec.stateMessage = !message.isEmpty() ? message
        : ack                              ? QStringLiteral("Acknowledged by %1").arg(username)
                                           : QStringLiteral("Resolved by %1").arg(username);
    spec.monitoringTool = QStringLiteral("VictorOps");
    spec.ackAuthor = username;
    spec.ackMsg = message;
    const QString uuid = addAlert(ctx.org, incident, spec);

    incident.phase = ack ? kAcked : kResolved;
    incident.transitions.append({ incident.phase, now, username, message, true, uuid });
    return actionResult(number, incident.entityId, true,
        ack ? QStringLiteral("Incident acknowledged") : QStringLiteral("Incident resolved"));
}

// The monitoring tool reports recovery: the incident resolves without anyone touching it.
void recover(SimContext& ctx, SimIncident& incident)
{
    const QDateTime now = ctx.now();
    incident.entityState = QStringLiteral("OK");
    AlertSpec spec;
    spec.messageType = QStringLiteral("RECOVERY");
    spec.at = now;
    spec.stateStart = now;
    spec.stateMessage = QStringLiteral("OK: %1 recovered").arg(incident.entityDisplayName);
    spec.monitoringTool = incident.monitorName;
    const QString uuid = addAlert(ctx.org, incident, spec);
    incident.alertCount += 1;
    incident.lastAlertId = uuid;
    incident.lastAlertTime = now;
    incident.phase = kResolved;
    incident.transitions.append({ kResolved, now, incident.monitorName, QString(), false, uuid });
}

// Replaces (or extends) who is paged; policies bring their team and whoever is on call now.
void repage(const SimContext& ctx, SimIncident& incident, const QList<Target>& targets, bool add,
    const QDateTime& at)
{
    if (!add) {
        incident.pagedUsers.clear();
        incident.pagedPolicies.clear();
        incident.pagedTeams.clear();
    }
    for (const Target& target : targets) {
        if (target.isUser) {
            appendUnique(incident.pagedUsers, target.slug);
            continue;
        }
        appendUnique(incident.pagedPolicies, target.slug);
        appendUnique(incident.pagedTeams, ctx.org.policies.value(target.slug).teamSlug);
        const QStringList onCall = policyOnCallAt(ctx, target.slug, at);
        for (const QString& user : onCall)
            appendUnique(incident.pagedUsers, user);
    }
}

// --- handlers --------------------------------------------------------------------------

// When the incident was resolved: its last RESOLVED transition, which every resolve records.
// Invalid if it is not resolved, or (state set by hand) no transition says when.
QDateTime resolvedAt(const SimIncident& incident)
{
    if (incident.phase != kResolved)
        return {};
    for (auto it = incident.transitions.crbegin(); it != incident.transitions.crend(); ++it) {
        if (it->name == kResolved)
            return it->at;
    }
    return {};
}

// The vendor lists "currently open, acknowledged and recently resolved incidents": resolved ones
// stay in the list for SimOptions::resolvedWindowSeconds of the simulator's time (an hour unless
// told otherwise).
SimReply listIncidents(SimContext& ctx)
{
    const QDateTime since = ctx.now().addSecs(-ctx.options.resolvedWindowSeconds);
    QList<const SimIncident*> open;
    for (const SimIncident& incident : std::as_const(ctx.org.incidents)) {
        const QDateTime resolved = resolvedAt(incident);
        if (isOpen(incident) || (resolved.isValid() && resolved >= since))
            open.append(&incident);
    }
    PolicyInfoCache policies(ctx.org);
    JsonWriter json;
    // About a kilobyte an incident: reserving spares a dozen copies of a multi-megabyte buffer.
    json.out.reserve(open.size() * 1280 + 64);
    json.beginObject();
    json.key("incidents");
    json.beginArray();
    for (const SimIncident* incident : std::as_const(open))
        writeIncident(json, *incident, policies, Flavor::Current);
    json.endArray();
    json.endObject();
    return jsonReply(std::move(json.out));
}

SimReply getIncident(SimContext& ctx, const SimRequest& request)
{
    SimReply reply;
    const SimIncident* incident = requestedIncident(ctx, request, &reply);
    if (!incident)
        return reply;
    PolicyInfoCache policies(ctx.org);
    JsonWriter json;
    writeIncident(json, *incident, policies, Flavor::Current);
    return jsonReply(std::move(json.out));
}

SimReply postIncident(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString summary = body.requireString(QStringLiteral("summary"));
    const QString details = body.requireString(QStringLiteral("details"));
    const QString username = body.requireString(QStringLiteral("userName"));
    const QJsonArray targetArray = body.requireArray(QStringLiteral("targets"));
    // Checked for its type only: every paged user is asked to respond either way here.
    body.optBool(QStringLiteral("isMultiResponder"), false);
    if (!body.ok())
        return body.error();
    if (summary.trimmed().isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'summary' must not be empty"));
    if (!ctx.org.users.contains(username))
        return SimReply::badRequest(
            QStringLiteral("field 'userName': user '%1' not found").arg(username));
    if (targetArray.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'targets' must not be empty"));
    const QList<Target> targets = readTargets(body, targetArray, QStringLiteral("targets"));
    if (!body.ok())
        return body.error();
    for (const Target& target : targets) {
        const QString problem = targetProblem(ctx.org, target);
        if (!problem.isEmpty())
            return SimReply::badRequest(
                QStringLiteral("field '%1.slug': %2").arg(target.path, problem));
    }

    NewIncident incident;
    incident.summary = summary;
    incident.details = details;
    incident.monitorName = kManualPrefix + username;
    incident.monitorType = kManual;
    incident.createdBy = username;
    for (const Target& target : targets)
        appendUnique(target.isUser ? incident.usernames : incident.policySlugs, target.slug);
    const int number = createIncident(ctx, incident);
    // The declared 200 schema is Notes, whose properties are all optional; the body is the
    // CreatedIncident the service really sends.
    return SimReply::json(
        QJsonObject { { QStringLiteral("incidentNumber"), QString::number(number) } });
}

SimReply ackOrResolve(SimContext& ctx, const SimRequest& request, Action action)
{
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("userName"));
    const QJsonArray names = body.requireArray(QStringLiteral("incidentNames"));
    const QString message = body.optString(QStringLiteral("message")).value_or(QString());
    for (qsizetype i = 0; i < names.size() && body.ok(); ++i) {
        if (!names.at(i).isString())
            body.fail(QStringLiteral("field '%1' must be a string")
                          .arg(indexed(QStringLiteral("incidentNames"), i)));
    }
    if (!body.ok())
        return body.error();
    if (names.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'incidentNames' must not be empty"));
    if (!ctx.org.users.contains(username))
        return userNotFound(username);

    QJsonArray results;
    for (const QJsonValue& value : names) {
        const QString name = value.toString();
        // A name given twice acts once; the second time reports the state the first left.
        if (SimIncident* incident = findIncident(ctx, name))
            results.append(applyAction(ctx, *incident, action, username, message));
        else
            results.append(actionResult(
                name, QString(), false, QStringLiteral("Incident '%1' not found").arg(name)));
    }
    return SimReply::json(QJsonObject { { QStringLiteral("results"), results } });
}

SimReply byUser(SimContext& ctx, const SimRequest& request, Action action)
{
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("userName"));
    const QString message = body.optString(QStringLiteral("message")).value_or(QString());
    if (!body.ok())
        return body.error();
    if (!ctx.org.users.contains(username))
        return userNotFound(username);

    QJsonArray results;
    for (SimIncident& incident : ctx.org.incidents) {
        const bool eligible = action == Action::Ack ? incident.phase == kUnacked : isOpen(incident);
        if (eligible && incident.pagedUsers.contains(username))
            results.append(applyAction(ctx, incident, action, username, message));
    }
    return SimReply::json(QJsonObject { { QStringLiteral("results"), results } });
}

SimReply reroute(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("userName"));
    const QJsonArray reroutes = body.requireArray(QStringLiteral("reroutes"));
    if (!body.ok())
        return body.error();

    struct Parsed {
        QString incidentNumber;
        QList<Target> targets;
        bool addTargets = false;
    };
    QList<Parsed> parsed;
    for (qsizetype i = 0; i < reroutes.size(); ++i) {
        const QString at = indexed(QStringLiteral("reroutes"), i);
        if (!reroutes.at(i).isObject())
            return SimReply::badRequest(QStringLiteral("field '%1' must be an object").arg(at));
        const QJsonObject object = reroutes.at(i).toObject();
        Parsed entry;
        entry.incidentNumber = body.requireString(object, at, QStringLiteral("incidentNumber"));
        const QJsonValue targets = object.value(QStringLiteral("targets"));
        const QJsonValue add = object.value(QStringLiteral("addTargets"));
        if (!body.ok())
            return body.error();
        if (!targets.isArray())
            return SimReply::badRequest(targets.isUndefined() || targets.isNull()
                    ? QStringLiteral("field '%1.targets' is required").arg(at)
                    : QStringLiteral("field '%1.targets' must be an array").arg(at));
        if (targets.toArray().isEmpty())
            return SimReply::badRequest(
                QStringLiteral("field '%1.targets' must not be empty").arg(at));
        if (!add.isUndefined() && !add.isNull() && !add.isBool())
            return SimReply::badRequest(
                QStringLiteral("field '%1.addTargets' must be a boolean").arg(at));
        entry.addTargets = add.toBool(false);
        entry.targets = readTargets(body, targets.toArray(), at + QStringLiteral(".targets"));
        if (!body.ok())
            return body.error();
        parsed.append(entry);
    }
    if (parsed.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'reroutes' must not be empty"));
    if (!ctx.org.users.contains(username))
        return SimReply::badRequest(
            QStringLiteral("field 'userName': user '%1' not found").arg(username));

    const QDateTime now = ctx.now();
    QJsonArray statuses;
    for (const Parsed& entry : std::as_const(parsed)) {
        QJsonObject status { { QStringLiteral("incidentNumber"), entry.incidentNumber } };
        SimIncident* incident = findIncident(ctx, entry.incidentNumber);
        QString failure;
        if (!incident)
            failure = QStringLiteral("Incident '%1' not found").arg(entry.incidentNumber);
        else if (incident->phase == kResolved)
            failure = QStringLiteral("Incident is already resolved");

        QJsonArray targetStatus;
        QList<Target> valid;
        QStringList names;
        for (const Target& target : entry.targets) {
            const QString problem = failure.isEmpty() ? targetProblem(ctx.org, target) : failure;
            QJsonObject one { { QStringLiteral("slug"), target.slug },
                { QStringLiteral("success"), problem.isEmpty() } };
            if (!problem.isEmpty())
                one.insert(QStringLiteral("message"), problem);
            targetStatus.append(one);
            if (problem.isEmpty()) {
                valid.append(target);
                names.append(target.slug);
            }
        }
        if (failure.isEmpty() && valid.isEmpty())
            failure = QStringLiteral("None of the targets exist");

        if (failure.isEmpty()) {
            repage(ctx, *incident, valid, entry.addTargets, now);
            // New targets are paged afresh, so a rerouted incident is triggered again; no
            // alert caused it, so the transition names none.
            incident->phase = kUnacked;
            incident->transitions.append({ kUnacked, now, username,
                QStringLiteral("Rerouted to ") + names.join(QStringLiteral(", ")), true,
                QString() });
        }
        status.insert(QStringLiteral("success"), failure.isEmpty());
        status.insert(QStringLiteral("targetStatus"), targetStatus);
        status.insert(QStringLiteral("message"),
            failure.isEmpty() ? QStringLiteral("Incident rerouted") : failure);
        statuses.append(status);
    }
    return SimReply::json(QJsonObject { { QStringLiteral("statuses"), statuses } });
}

// --- live activity ---------------------------------------------------------------------

struct IncidentTemplate {
    const char* host; //!< %1 is replaced by a two-digit number
    const char* service;
    const char* message;
    const char* monitorName;
    const char* monitorType; //!< a value of the definition's monitorType enum
    const char* state;
};

// clang-format off
    const IncidentTemplate kTemplates[] = {
        { "db-prod-%1", "postgres replication lag", "Replication lag is 48s (threshold 30s) on standby", "Nagios", "NAGIOS", "CRITICAL" },
        { "db-prod-%1", "postgres connections", "712 of 800 connections in use", "Zabbix", "Zabbix", "WARNING" },
        { "web-%1", "nginx 5xx rate", "5xx responses at 7.2% over 5m (threshold 5%)", "Datadog", "API", "CRITICAL" },
        { "api-gw-%1", "p99 latency", "p99 latency 2.4s above 1.5s for 10m", "Prometheus Alertmanager", "API", "WARNING" },
        { "k8s-node-%1", "kubelet disk pressure", "/var/lib/kubelet is 91% full", "Prometheus Alertmanager", "API", "WARNING" },
        { "k8s-master-%1", "etcd leader changes", "etcd had 5 leader changes in the last 15m", "Prometheus Alertmanager", "API", "CRITICAL" },
        { "cache-%1", "redis memory", "used_memory at 94% of maxmemory", "Zabbix", "Zabbix", "WARNING" },
        { "kafka-%1", "consumer lag", "Consumer group billing-events lags 182k messages", "Prometheus Alertmanager", "API", "CRITICAL" },
        { "lb-edge-%1", "https://shop.example.com", "HTTP 503 from 3 of 4 probe locations", "Pingdom", "PINGDOM", "CRITICAL" },
        { "ci-runner-%1", "disk usage", "DISK CRITICAL - / is 96% full", "Nagios", "NAGIOS", "CRITICAL" },
        { "mq-%1", "rabbitmq queue depth", "Queue orders.retry holds 25,310 messages", "Zabbix", "Zabbix", "WARNING" },
        { "es-data-%1", "elasticsearch cluster health", "Cluster status RED: 3 unassigned primary shards", "Nagios", "NAGIOS", "CRITICAL" },
        { "ip-10-0-4-%1", "CPUUtilization", "CPUUtilization > 90 for 3 datapoints within 15 minutes", "Amazon CloudWatch", "Cloudwatch", "CRITICAL" },
        { "rds-orders-%1", "FreeStorageSpace", "FreeStorageSpace < 10 GiB for 5 minutes", "Amazon CloudWatch", "Cloudwatch", "WARNING" },
        { "checkout-svc-%1", "Apdex score", "Apdex 0.71 below 0.85 for checkout-service", "New Relic", "NewRelic", "WARNING" },
        { "auth-%1", "error rate", "Error rate 4.1% above 2% for 5 minutes", "New Relic", "NewRelic", "CRITICAL" },
        { "vpn-gw-%1", "ipsec tunnel eu-west-1", "IPsec tunnel to eu-west-1 is down", "Zabbix", "Zabbix", "CRITICAL" },
        { "mail-%1", "postfix queue", "Mail queue holds 1,240 deferred messages", "Nagios", "NAGIOS", "WARNING" },
        { "backup-%1", "nightly pg_basebackup", "Search 'backup failures' returned 1 result: pg_basebackup exited with 1", "Splunk", "Splunk", "CRITICAL" },
        { "payments-%1", "card authorisation failures", "auth_failures = 246 in 5m (threshold 200)", "Splunk", "Splunk", "CRITICAL" },
        { "dns-%1", "resolution time", "Resolution of api.example.com took 1,830 ms", "Pingdom", "PINGDOM", "WARNING" },
        { "storage-%1", "zfs pool tank", "Pool tank DEGRADED: 1 device faulted", "Nagios", "NAGIOS", "CRITICAL" },
        { "mongo-%1", "replica set election", "Replica set rs0 elected a new primary twice in 10m", "Datadog", "API", "WARNING" },
        { "etl-%1", "airflow dag nightly_revenue", "Task load_fact_orders failed after 3 retries", "Grafana", "API", "CRITICAL" },
        { "www-%1", "tls certificate expiry", "Certificate for www.example.com expires in 6 days", "Health check", "HEALTHCHECKER", "WARNING" },
        { "search-%1", "solr heap usage", "JVM heap at 92% after full GC", "Zabbix", "Zabbix", "WARNING" },
        { "ntp-%1", "clock offset", "NTP offset is 1.8s", "Nagios", "NAGIOS", "WARNING" },
        { "billing-worker-%1", "sidekiq queue latency", "Queue default latency is 340s", "New Relic", "NewRelic", "CRITICAL" },
        { "vault-%1", "vault sealed", "Vault is sealed", "Datadog", "API", "CRITICAL" },
        { "gpu-train-%1", "gpu temperature", "GPU 3 at 91 C", "Zabbix", "Zabbix", "WARNING" },
        { "itsm-%1", "change freeze breach", "Unapproved change CHG0041172 deployed to production", "ServiceNow", "ServiceNow", "WARNING" },
    };
// clang-format on

} // namespace

SimReply jsonReply(QByteArray body)
{
    SimReply reply;
    reply.body = std::move(body);
    reply.headers.append(
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    return reply;
}

// IncidentInfo (Current) or ReportingIncidentInfo (Reporting).
void writeIncident(
    JsonWriter& json, const SimIncident& incident, PolicyInfoCache& policies, Flavor flavor)
{
    json.beginObject();
    json.field("incidentNumber", QString::number(incident.number));
    json.field("startTime", isoUtc(incident.startTime));
    json.field("currentPhase", incident.phase);
    json.key("alertCount");
    json.number(incident.alertCount);
    json.field("lastAlertTime", isoUtc(incident.lastAlertTime));
    json.field("lastAlertId", incident.lastAlertId);
    json.field("entityId", incident.entityId);
    // entityDisplayName, entityType, entityState and routingKey are not in IncidentInfo's
    // property list, but the real service sends them and a console needs the summary; the
    // definition allows extra properties. ReportingIncidentInfo declares them all.
    json.field("entityDisplayName", incident.entityDisplayName);
    json.field("entityType", incident.entityType);
    json.field("entityState", incident.entityState);
    json.field("host", incident.host);
    json.field("service", incident.service);
    json.field("routingKey", incident.routingKey);
    json.key("pagedUsers");
    json.strings(incident.pagedUsers);
    json.key("pagedTeams");
    json.strings(incident.pagedTeams);
    json.key("pagedPolicies");
    json.beginArray();
    for (const QString& slug : incident.pagedPolicies)
        json.raw(policies.info(slug));
    json.endArray();
    json.key("transitions");
    writeTransitions(json, incident, flavor);
    if (flavor == Flavor::Current) {
        json.field("firstAlertUuid", incident.firstAlertUuid);
        json.field("monitorName", incident.monitorName);
        json.field("monitorType", incident.monitorType);
    }
    json.endObject();
}

std::optional<int> parseIncidentNumber(const QString& text)
{
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    if (!ok || number <= 0)
        return std::nullopt;
    return number;
}

SimIncident* findIncident(SimContext& ctx, const QString& text)
{
    const auto number = parseIncidentNumber(text);
    if (!number)
        return nullptr;
    const auto found = ctx.org.incidents.find(*number);
    return found != ctx.org.incidents.end() ? &found.value() : nullptr;
}

static SimReply incidentNotFound(const QString& text)
{
    return SimReply::notFound(QStringLiteral("Incident '%1'").arg(text));
}

static SimReply badIncidentNumber(const QString& text)
{
    return SimReply::badRequest(
        QStringLiteral("incidentNumber must be a positive integer, not '%1'").arg(text));
}

SimIncident* requestedIncident(SimContext& ctx, const SimRequest& request, SimReply* reply)
{
    const QString text = request.arg(0);
    if (!parseIncidentNumber(text)) {
        *reply = badIncidentNumber(text);
        return nullptr;
    }
    SimIncident* incident = findIncident(ctx, text);
    if (!incident)
        *reply = incidentNotFound(text);
    return incident;
}

int createIncident(SimContext& ctx, const NewIncident& request)
{
    SimOrg& org = ctx.org;
    const QDateTime start = request.start.isValid() ? request.start.toUTC() : ctx.now();

    SimIncident incident;
    incident.number = org.nextIncidentNumber++;
    incident.phase = kUnacked;
    incident.startTime = start;
    incident.lastAlertTime = start;
    incident.alertCount = 1;
    incident.host = request.host;
    incident.service = request.service;
    incident.entityId = request.entityId;
    if (incident.entityId.isEmpty()) {
        incident.entityId = !request.host.isEmpty() && !request.service.isEmpty()
            ? request.host + QLatin1Char('/') + request.service
            : org.newUuid();
    }
    incident.entityDisplayName = request.summary.isEmpty() ? incident.entityId : request.summary;
    incident.entityType = request.service.isEmpty() && !request.host.isEmpty()
        ? QStringLiteral("HOST")
        : QStringLiteral("SERVICE");
    incident.entityState = request.entityState;
    incident.routingKey = request.routingKey;
    incident.monitorType = request.monitorType;
    incident.monitorName = request.monitorName;
    if (incident.monitorName.isEmpty())
        incident.monitorName = request.createdBy.isEmpty() ? QStringLiteral("REST")
                                                           : kManualPrefix + request.createdBy;

    // A live alert passes through the org's alert rules before it is routed: they may annotate
    // it, change its fields and send it to another routing key (sim/handlers_alertrules.cpp).
    QJsonObject ruled;
    if (request.runAlertRules) {
        ruled = QJsonObject {
            { QStringLiteral("message_type"), alertTypeForState(request.entityState) },
            { QStringLiteral("entity_id"), incident.entityId },
            { QStringLiteral("entity_display_name"), incident.entityDisplayName },
            { QStringLiteral("entity_state"), incident.entityState },
            { QStringLiteral("state_message"),
                request.details.isEmpty() ? incident.entityDisplayName : request.details },
            { QStringLiteral("monitoring_tool"), incident.monitorName },
            { QStringLiteral("routing_key"), incident.routingKey },
        };
        if (!incident.host.isEmpty())
            ruled.insert(QStringLiteral("host_name"), incident.host);
        if (!incident.service.isEmpty())
            ruled.insert(QStringLiteral("service_name"), incident.service);
        applyAlertRules(org, ruled);
        incident.routingKey = ruled.value(QStringLiteral("routing_key")).toString();
        incident.entityDisplayName = ruled.value(QStringLiteral("entity_display_name"))
                                         .toString(incident.entityDisplayName);
    }

    QStringList policies = request.policySlugs;
    if (policies.isEmpty() && !incident.routingKey.isEmpty()) {
        // An alert whose routing key is unknown goes where the default key sends it.
        const SimRoutingKey* key = nullptr;
        const SimRoutingKey* fallback = nullptr;
        for (const SimRoutingKey& candidate : std::as_const(org.routingKeys)) {
            if (candidate.key == incident.routingKey)
                key = &candidate;
            if (candidate.isDefault)
                fallback = &candidate;
        }
        if (!key)
            key = fallback;
        if (key)
            policies = key->policySlugs;
    }
    QList<Target> targets;
    for (const QString& user : request.usernames)
        targets.append({ true, user, QString() });
    for (const QString& policy : std::as_const(policies))
        targets.append({ false, policy, QString() });
    repage(ctx, incident, targets, false, start);

    AlertSpec spec;
    spec.messageType = alertTypeForState(request.entityState);
    spec.at = start;
    spec.stateStart = start;
    // The first alert keeps the longer description, as the definition says of firstAlertUuid.
    spec.stateMessage = request.details.isEmpty() ? incident.entityDisplayName : request.details;
    spec.monitoringTool = incident.monitorName;
    const QString uuid = addAlert(org, incident, spec);
    if (!ruled.isEmpty()) {
        SimAlert& alert = org.alerts[uuid];
        for (auto it = ruled.constBegin(); it != ruled.constEnd(); ++it)
            alert.raw.insert(it.key(), it.value());
    }
    incident.firstAlertUuid = uuid;
    incident.lastAlertId = uuid;

    const bool manual = !request.createdBy.isEmpty();
    incident.transitions.append(
        { kUnacked, start, manual ? request.createdBy : incident.monitorName,
            manual ? request.details : QString(), manual, uuid });

    const int number = incident.number;
    org.incidents.insert(number, std::move(incident));
    return number;
}

void simulateActivity(SimContext& ctx)
{
    SimOrg& org = ctx.org;
    constexpr int templateCount = int(sizeof(kTemplates) / sizeof(kTemplates[0]));
    const IncidentTemplate& t = kTemplates[ctx.rng.bounded(templateCount)];

    NewIncident incident;
    incident.host
        = QString::fromLatin1(t.host).arg(ctx.rng.bounded(1, 13), 2, 10, QLatin1Char('0'));
    incident.service = QString::fromLatin1(t.service);
    incident.summary = incident.host + QStringLiteral(" / ") + incident.service;
    incident.details
        = QString::fromLatin1(t.state) + QStringLiteral(": ") + QString::fromLatin1(t.message);
    incident.monitorName = QString::fromLatin1(t.monitorName);
    incident.monitorType = QString::fromLatin1(t.monitorType);
    incident.entityState = QString::fromLatin1(t.state);
    // Alerts arrive on the org's own keys; the catch-all default key only when there is no other.
    QList<const SimRoutingKey*> keys;
    for (const SimRoutingKey& key : std::as_const(org.routingKeys)) {
        if (!key.isDefault)
            keys.append(&key);
    }
    if (keys.isEmpty() && !org.routingKeys.isEmpty())
        keys.append(&org.routingKeys.first());
    incident.routingKey = keys.isEmpty() ? QStringLiteral("default")
                                         : keys.at(ctx.rng.bounded(int(keys.size())))->key;
    if (!ctx.options.pageUser.isEmpty())
        incident.usernames.append(ctx.options.pageUser);
    incident.runAlertRules = true;
    const int created = createIncident(ctx, incident);
    simulateChat(ctx);
    const SimOptions& options = ctx.options;
    if (options.resolveAfterMaxSeconds > 0) {
        const qint64 lowMs = qint64(options.resolveAfterMinSeconds) * 1000;
        const qint64 highMs = qint64(options.resolveAfterMaxSeconds) * 1000;
        const qint64 lifeMs = lowMs + qint64(ctx.rng.bounded(quint32(highMs - lowMs + 1)));
        ctx.plannedRecoveries.insert(
            created, org.incidents.value(created).startTime.addMSecs(lifeMs));
    }

    if (ctx.rng.generateDouble() >= 0.3)
        return;
    // Reservoir sampling: one uniform pick in a single pass over a possibly large org. An incident
    // with a planned recovery keeps its planned lifetime.
    SimIncident* pick = nullptr;
    quint32 seen = 0;
    for (SimIncident& candidate : org.incidents) {
        if (candidate.number == created || !isOpen(candidate) || !isFromMonitoringTool(candidate)
            || ctx.plannedRecoveries.contains(candidate.number))
            continue;
        if (ctx.rng.bounded(++seen) == 0)
            pick = &candidate;
    }
    if (pick)
        recover(ctx, *pick);
}

int recoverDueIncidents(SimContext& ctx)
{
    const QDateTime now = ctx.now();
    int recovered = 0;
    for (auto it = ctx.plannedRecoveries.begin(); it != ctx.plannedRecoveries.end();) {
        if (it.value() > now) {
            ++it;
            continue;
        }
        // Acknowledged or not, the monitoring tool's recovery resolves it; one resolved by a
        // person meanwhile stays as it is.
        const auto found = ctx.org.incidents.find(it.key());
        if (found != ctx.org.incidents.end() && isOpen(found.value())) {
            recover(ctx, found.value());
            ++recovered;
        }
        it = ctx.plannedRecoveries.erase(it);
    }
    return recovered;
}

void registerIncidentRoutes(SimRouter& router, SimContext& ctx)
{
    const QString incidents = QStringLiteral("/api-public/v1/incidents");
    router.add("GET", incidents, 60, [&ctx](const SimRequest&) { return listIncidents(ctx); });
    router.add("POST", incidents, 60,
        [&ctx](const SimRequest& request) { return postIncident(ctx, request); });
    router.add("GET", incidents + QStringLiteral("/{incidentNumber}"), 60,
        [&ctx](const SimRequest& request) { return getIncident(ctx, request); });
    router.add("PATCH", incidents + QStringLiteral("/ack"), 60,
        [&ctx](const SimRequest& request) { return ackOrResolve(ctx, request, Action::Ack); });
    router.add("PATCH", incidents + QStringLiteral("/resolve"), 60,
        [&ctx](const SimRequest& request) { return ackOrResolve(ctx, request, Action::Resolve); });
    router.add("PATCH", incidents + QStringLiteral("/byUser/ack"), 60,
        [&ctx](const SimRequest& request) { return byUser(ctx, request, Action::Ack); });
    router.add("PATCH", incidents + QStringLiteral("/byUser/resolve"), 60,
        [&ctx](const SimRequest& request) { return byUser(ctx, request, Action::Resolve); });
    router.add("POST", incidents + QStringLiteral("/reroute"), 60,
        [&ctx](const SimRequest& request) { return reroute(ctx, request); });
}

} // namespace rota::sim
