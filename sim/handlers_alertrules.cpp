// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Rules Engine: alert rules (GET, POST, PUT, DELETE /api-public/v1/alertRules) and what they
// do to the alerts the simulator generates.
//
// How rules match, as the vendor's Rules Engine documentation describes it and this simulator
// does it:
// - WILDCARD: the whole field value must match; '*' stands for any run of characters (also
//   none); every other character stands for itself; letters match in either case (the vendor's
//   own example, "*this is an incident*", matches "This is an incident!").
// - REGEX: Java regular expressions matched against the whole value (Java's matches(), so a
//   pattern that should find a part needs ".*" around it), case-sensitive unless the pattern
//   says (?i); at most 128 characters. QRegularExpression (PCRE2) stands in for Java's engine:
//   they agree on everything but rare constructs.
// - A field the alert lacks matches nothing. Numbers and booleans are matched as their text.
// - Rules run in rank order over the alert as earlier rules left it. A matching rule adds its
//   annotations as "vo_annotate.<type>.<fieldName>" fields, sets each transformation's field
//   (flags 1), then sends the alert to its routeKey (when it has one); with stopFlag no later
//   rule runs. "${{field}}" in a value is replaced by that field's value.

#include "simteams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

constexpr int kMaxRegexLength = 128;

const QString kWildcard = QStringLiteral("WILDCARD");
const QString kRegex = QStringLiteral("REGEX");

QJsonObject ruleJson(const SimAlertRule& rule)
{
    QJsonArray annotations;
    for (const SimAlertRuleAnnotation& a : rule.annotations) {
        annotations.append(QJsonObject {
            { QStringLiteral("id"), a.id },
            { QStringLiteral("annotationType"), a.annotationType },
            { QStringLiteral("fieldName"), a.fieldName },
            { QStringLiteral("fieldValue"), a.fieldValue },
            { QStringLiteral("flags"), a.flags },
        });
    }
    return QJsonObject {
        { QStringLiteral("id"), rule.id },
        { QStringLiteral("alertField"), rule.alertField },
        { QStringLiteral("alertValueMatch"), rule.alertValueMatch },
        { QStringLiteral("matchType"), rule.matchType },
        { QStringLiteral("rank"), rule.rank },
        { QStringLiteral("stopFlag"), rule.stopFlag },
        { QStringLiteral("notes"), rule.notes },
        { QStringLiteral("routeKey"), rule.routeKey },
        { QStringLiteral("lastUpdated"), static_cast<double>(rule.lastUpdatedMs) },
        { QStringLiteral("lastUpdatedBy"), rule.lastUpdatedBy },
        { QStringLiteral("annotations"), annotations },
    };
}

void renumber(SimOrg& org)
{
    for (qsizetype i = 0; i < org.alertRules.size(); ++i)
        org.alertRules[i].rank = int(i + 1);
}

// Puts the rule at `rank` (1 is the top; 0 or less the top too, past the end the bottom); the
// rules at and below it move down one, and the ranks stay 1..n.
void placeAt(SimOrg& org, const SimAlertRule& rule, qint64 rank)
{
    const qsizetype index = std::clamp<qint64>(rank - 1, 0, org.alertRules.size());
    org.alertRules.insert(index, rule);
    renumber(org);
}

QString regexProblem(const QString& pattern)
{
    if (pattern.size() > kMaxRegexLength)
        return QStringLiteral("regular expressions are limited to %1 characters")
            .arg(kMaxRegexLength);
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return QStringLiteral("not a valid regular expression: %1 at offset %2")
            .arg(re.errorString())
            .arg(re.patternErrorOffset());
    return QString();
}

// Reads a create or update body into `rule` (its id, rank and history are the caller's).
// Returns the requested rank, or nullopt when the body was refused (body.ok() is false).
std::optional<qint64> readRule(BodyReader& body, SimAlertRule& rule)
{
    rule.alertField = body.requireString(QStringLiteral("alertField"));
    rule.alertValueMatch = body.requireString(QStringLiteral("alertValueMatch"));
    rule.matchType = body.requireString(QStringLiteral("matchType"));
    rule.stopFlag = body.optBool(QStringLiteral("stopFlag"), false);
    rule.notes = body.optString(QStringLiteral("notes")).value_or(QString());
    const std::optional<qint64> rank = body.optInt(QStringLiteral("rank"));
    // Clients disagree on the name of the target key; both are read, and must agree.
    const std::optional<QString> routeKey = body.optString(QStringLiteral("routeKey"));
    const std::optional<QString> routingKey = body.optString(QStringLiteral("routingKey"));
    const QJsonArray annotations = body.requireArray(QStringLiteral("annotations"));
    if (!body.ok())
        return std::nullopt;

    if (rule.alertField.trimmed().isEmpty())
        body.fail(QStringLiteral("field 'alertField' must not be empty"));
    else if (rule.alertValueMatch.isEmpty())
        body.fail(QStringLiteral("field 'alertValueMatch' must not be empty"));
    else if (rule.matchType != kWildcard && rule.matchType != kRegex)
        body.fail(QStringLiteral("field 'matchType' must be WILDCARD or REGEX"));
    else if (rule.matchType == kRegex && !regexProblem(rule.alertValueMatch).isEmpty())
        body.fail(QStringLiteral("field 'alertValueMatch': ") + regexProblem(rule.alertValueMatch));
    else if (rank && *rank < 0)
        body.fail(QStringLiteral("field 'rank' must not be negative"));
    else if (routeKey && routingKey && *routeKey != *routingKey)
        body.fail(QStringLiteral("fields 'routeKey' and 'routingKey' name different keys"));
    if (!body.ok())
        return std::nullopt;
    rule.routeKey = routeKey ? *routeKey : routingKey.value_or(QString());

    rule.annotations.clear();
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const QString path = QStringLiteral("annotations[%1]").arg(i);
        if (!annotations.at(i).isObject()) {
            body.fail(QStringLiteral("field '%1' must be an object").arg(path));
            return std::nullopt;
        }
        const QJsonObject object = annotations.at(i).toObject();
        SimAlertRuleAnnotation a;
        a.annotationType = body.requireString(object, path, QStringLiteral("annotationType"));
        a.fieldName = body.requireString(object, path, QStringLiteral("fieldName"));
        a.fieldValue = body.requireString(object, path, QStringLiteral("fieldValue"));
        const qint64 flags = body.requireInt(object, path, QStringLiteral("flags"));
        if (!body.ok())
            return std::nullopt;
        if (a.annotationType != QLatin1String("u") && a.annotationType != QLatin1String("s")
            && a.annotationType != QLatin1String("i"))
            body.fail(QStringLiteral("field '%1.annotationType' must be u, s or i").arg(path));
        else if (a.fieldName.trimmed().isEmpty())
            body.fail(QStringLiteral("field '%1.fieldName' must not be empty").arg(path));
        else if (flags != 0 && flags != 1)
            body.fail(QStringLiteral("field '%1.flags' must be 0 or 1").arg(path));
        if (!body.ok())
            return std::nullopt;
        a.flags = int(flags);
        rule.annotations.append(a);
    }
    return rank.value_or(0);
}

void stamp(SimContext& ctx, SimAlertRule& rule)
{
    rule.lastUpdatedMs = ctx.now().toMSecsSinceEpoch();
    // An API key acts for the organisation, not a person; the simulator names its demo user.
    rule.lastUpdatedBy = ctx.org.demoUser.isEmpty() ? QStringLiteral("api") : ctx.org.demoUser;
    for (SimAlertRuleAnnotation& a : rule.annotations)
        a.id = ctx.org.nextAlertAnnotationId++;
}

// The index of the rule the path names; -1 with *error (400 for an id that is not a number, 404
// for one no rule has).
qsizetype requestedRule(const SimOrg& org, const SimRequest& request, SimReply* error)
{
    bool numeric = false;
    const int id = request.arg(0).toInt(&numeric);
    if (!numeric) {
        *error = SimReply::badRequest(
            QStringLiteral("ruleId '%1' is not a number").arg(request.arg(0)));
        return -1;
    }
    for (qsizetype i = 0; i < org.alertRules.size(); ++i) {
        if (org.alertRules.at(i).id == id)
            return i;
    }
    *error = SimReply::notFound(QStringLiteral("Alert rule '%1'").arg(request.arg(0)));
    return -1;
}

// Puts `rule` at `rank` and answers it as it now stands (with the rank it got).
SimReply place(SimContext& ctx, SimAlertRule rule, qint64 rank)
{
    stamp(ctx, rule);
    placeAt(ctx.org, rule, rank);
    const auto it = std::find_if(ctx.org.alertRules.cbegin(), ctx.org.alertRules.cend(),
        [&rule](const SimAlertRule& r) { return r.id == rule.id; });
    return SimReply::json(ruleJson(*it));
}

SimReply listRules(SimContext& ctx, const SimRequest& request)
{
    // Some clients send routing_key=* to mean every rule; another key lists the rules that send
    // alerts there.
    const QString key
        = request.query.queryItemValue(QStringLiteral("routing_key"), QUrl::FullyDecoded);
    QJsonArray rules;
    for (const SimAlertRule& rule : std::as_const(ctx.org.alertRules)) {
        if (key.isEmpty() || key == QLatin1String("*") || rule.routeKey == key)
            rules.append(ruleJson(rule));
    }
    return SimReply::json(rules);
}

SimReply createRule(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    SimAlertRule rule;
    const std::optional<qint64> rank = readRule(body, rule);
    if (!rank)
        return body.error();
    rule.id = ctx.org.nextAlertRuleId++;
    return place(ctx, rule, *rank);
}

SimReply updateRule(SimContext& ctx, const SimRequest& request)
{
    SimReply error;
    const qsizetype index = requestedRule(ctx.org, request, &error);
    if (index < 0)
        return error;
    BodyReader body(request);
    SimAlertRule rule;
    rule.id = ctx.org.alertRules.at(index).id;
    std::optional<qint64> rank = readRule(body, rule);
    if (!rank)
        return body.error();
    // A full replacement; a body without a rank keeps the rule where it is.
    if (!body.object().contains(QStringLiteral("rank")))
        rank = index + 1;
    ctx.org.alertRules.removeAt(index);
    return place(ctx, rule, *rank);
}

SimReply deleteRule(SimContext& ctx, const SimRequest& request)
{
    SimReply error;
    const qsizetype index = requestedRule(ctx.org, request, &error);
    if (index < 0)
        return error;
    const int id = ctx.org.alertRules.at(index).id;
    ctx.org.alertRules.removeAt(index);
    renumber(ctx.org);
    return SimReply::json(QJsonObject { { QStringLiteral("id"), id } });
}

// --- Matching ---------------------------------------------------------------------------------

QString fieldText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const auto whole = static_cast<qint64>(d);
        return static_cast<double>(whole) == d ? QString::number(whole) : QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QString();
    }
}

bool wildcardMatches(const QString& pattern, const QString& value)
{
    // Iterative glob match with backtracking to the last '*': linear in practice, never
    // exponential.
    qsizetype p = 0;
    qsizetype v = 0;
    qsizetype star = -1;
    qsizetype mark = 0;
    while (v < value.size()) {
        if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = v;
        } else if (p < pattern.size()
            && pattern.at(p).toCaseFolded() == value.at(v).toCaseFolded()) {
            ++p;
            ++v;
        } else if (star >= 0) {
            p = star + 1;
            v = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool ruleMatches(const SimAlertRule& rule, const QJsonObject& fields)
{
    const auto it = fields.constFind(rule.alertField);
    if (it == fields.constEnd() || it->isNull() || it->isArray() || it->isObject())
        return false;
    const QString value = fieldText(*it);
    if (rule.matchType == kWildcard)
        return wildcardMatches(rule.alertValueMatch, value);
    const QRegularExpression re(QRegularExpression::anchoredPattern(rule.alertValueMatch));
    return re.isValid() && re.match(value).hasMatch();
}

QString substituted(const QString& text, const QJsonObject& fields)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{\\{([^}]*)\\}\\}"));
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = variable.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(from, m.capturedStart() - from);
        out += fieldText(fields.value(m.captured(1).trimmed()));
        from = m.capturedEnd();
    }
    out += text.mid(from);
    return out;
}

SimAlertRule seededRule(int id, const char* field, const char* match, const QString& type,
    const char* routeKey, bool stop, const char* notes)
{
    SimAlertRule rule;
    rule.id = id;
    rule.alertField = QString::fromLatin1(field);
    rule.alertValueMatch = QString::fromLatin1(match);
    rule.matchType = type;
    rule.routeKey = QString::fromLatin1(routeKey);
    rule.stopFlag = stop;
    rule.notes = QString::fromLatin1(notes);
    return rule;
}

SimAlertRuleAnnotation seededAnnotation(
    SimOrg& org, const char* type, const char* name, const char* value, int flags = 0)
{
    return { org.nextAlertAnnotationId++, QString::fromLatin1(type), QString::fromLatin1(name),
        QString::fromLatin1(value), flags };
}

} // namespace

void applyAlertRules(const SimOrg& org, QJsonObject& fields)
{
    for (const SimAlertRule& rule : org.alertRules) {
        if (!ruleMatches(rule, fields))
            continue;
        // Values are read from the alert as the rule found it, so the order of a rule's own
        // annotations does not matter.
        const QJsonObject before = fields;
        for (const SimAlertRuleAnnotation& a : rule.annotations) {
            const QString value = substituted(a.fieldValue, before);
            if (a.flags == 1)
                fields.insert(a.fieldName, value);
            else
                fields.insert(QStringLiteral("vo_annotate.") + a.annotationType + QLatin1Char('.')
                        + a.fieldName,
                    value);
        }
        if (!rule.routeKey.isEmpty())
            fields.insert(QStringLiteral("routing_key"), rule.routeKey);
        if (rule.stopFlag)
            break;
    }
}

void seedAlertRules(SimContext& ctx)
{
    SimOrg& org = ctx.org;
    org.alertRules.clear();
    org.nextAlertRuleId = 101;
    org.nextAlertAnnotationId = 501;
    const QString by = org.demoUser.isEmpty() ? QStringLiteral("api") : org.demoUser;
    // A whole-minute time some days before now, so that the list reads like an org's history.
    const qint64 minute = 60 * 1000;
    const qint64 base = (ctx.now().toMSecsSinceEpoch() / minute) * minute;

    SimAlertRule db = seededRule(org.nextAlertRuleId++, "host_name", "db-prod-*", kWildcard, "db",
        false, "Database hosts go to the Data team, with the runbook");
    db.annotations.append(seededAnnotation(
        org, "u", "Runbook", "https://wiki.northwind-labs.example/runbooks/postgres"));
    db.annotations.append(
        seededAnnotation(org, "s", "Escalate", "Page the DBA on call if replication lag grows"));

    SimAlertRule cloud
        = seededRule(org.nextAlertRuleId++, "monitoring_tool", "Amazon CloudWatch|Pingdom", kRegex,
            "sre-pager", true, "External monitors page SRE; nothing else applies");
    cloud.annotations.append(
        seededAnnotation(org, "u", "Status page", "https://health.aws.amazon.com/health/status"));

    SimAlertRule k8s = seededRule(org.nextAlertRuleId++, "host_name", "k8s-*", kWildcard, "k8s",
        false, "Kubernetes nodes: a dashboard and a clearer title");
    k8s.annotations.append(seededAnnotation(org, "i", "Node graph",
        "https://grafana.northwind-labs.example/render/d/k8s-node?var-node=${{host_name}}"));
    k8s.annotations.append(seededAnnotation(
        org, "s", "entity_display_name", "Kubernetes: ${{host_name}} / ${{service_name}}", 1));

    int day = 12;
    for (SimAlertRule* rule : { &db, &cloud, &k8s }) {
        rule->lastUpdatedMs = base - qint64(day) * 24 * 60 * minute;
        rule->lastUpdatedBy = by;
        day -= 4;
        org.alertRules.append(*rule);
    }
    renumber(org);
}

QJsonValue alertRulesToJson(const SimOrg& org)
{
    QJsonArray rules;
    for (const SimAlertRule& rule : org.alertRules)
        rules.append(ruleJson(rule));
    return QJsonObject {
        { QStringLiteral("rules"), rules },
        { QStringLiteral("nextId"), org.nextAlertRuleId },
        { QStringLiteral("nextAnnotationId"), org.nextAlertAnnotationId },
    };
}

bool alertRulesFromJson(const QJsonValue& json, SimOrg* org, QString* error)
{
    org->alertRules.clear();
    org->nextAlertRuleId = 101;
    org->nextAlertAnnotationId = 501;
    if (json.isUndefined())
        return true; // a state file from before alert rules: none
    const auto fail = [error](const QString& what) {
        if (error)
            *error = QStringLiteral("alertRules: ") + what;
        return false;
    };
    if (!json.isObject())
        return fail(QStringLiteral("expected an object"));
    const QJsonObject root = json.toObject();
    const QJsonValue rules = root.value(QStringLiteral("rules"));
    if (!rules.isArray())
        return fail(QStringLiteral("'rules' must be an array"));
    int maxId = 0;
    int maxAnnotation = 0;
    for (const QJsonValue& value : rules.toArray()) {
        // The saved rules are read as a create body would be, so a file cannot hold a rule the
        // API would refuse.
        SimRequest request;
        request.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        BodyReader body(request);
        SimAlertRule rule;
        if (!value.isObject() || !readRule(body, rule))
            return fail(body.ok() ? QStringLiteral("a rule is not an object")
                                  : QJsonDocument::fromJson(body.error().body)
                                        .object()
                                        .value(QStringLiteral("message"))
                                        .toString());
        const QJsonObject o = value.toObject();
        rule.id = o.value(QStringLiteral("id")).toInt();
        rule.lastUpdatedMs = static_cast<qint64>(o.value(QStringLiteral("lastUpdated")).toDouble());
        rule.lastUpdatedBy = o.value(QStringLiteral("lastUpdatedBy")).toString();
        const QJsonArray annotations = o.value(QStringLiteral("annotations")).toArray();
        for (qsizetype i = 0; i < rule.annotations.size(); ++i) {
            rule.annotations[i].id
                = annotations.at(i).toObject().value(QStringLiteral("id")).toInt();
            maxAnnotation = qMax(maxAnnotation, rule.annotations.at(i).id);
        }
        if (rule.id <= 0)
            return fail(QStringLiteral("a rule without a positive id"));
        const bool taken = std::any_of(org->alertRules.cbegin(), org->alertRules.cend(),
            [&rule](const SimAlertRule& r) { return r.id == rule.id; });
        if (taken)
            return fail(QStringLiteral("duplicate rule id %1").arg(rule.id));
        maxId = qMax(maxId, rule.id);
        org->alertRules.append(rule);
    }
    renumber(*org);
    org->nextAlertRuleId = qMax(maxId + 1, root.value(QStringLiteral("nextId")).toInt(101));
    org->nextAlertAnnotationId
        = qMax(maxAnnotation + 1, root.value(QStringLiteral("nextAnnotationId")).toInt(501));
    return true;
}

void registerAlertRuleRoutes(SimRouter& router, SimContext& ctx)
{
    // 120/min for each, per the newer vendor text (endpoints-newer.tsv).
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/alertRules"), 120, &listRules);
    addRoute(router, ctx, "POST", kApi + QStringLiteral("/alertRules"), 120, &createRule);
    addRoute(router, ctx, "PUT", kApi + QStringLiteral("/alertRules/{ruleId}"), 120, &updateRule);
    addRoute(
        router, ctx, "DELETE", kApi + QStringLiteral("/alertRules/{ruleId}"), 120, &deleteRule);
}

} // namespace rota::sim
