// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertrules.h"

#include "jsonreader.h"

namespace rota {

AlertRuleAnnotation AlertRuleAnnotation::fromJson(const JsonReader& r)
{
    AlertRuleAnnotation a;
    a.id = r[QStringLiteral("id")].toInt32();
    a.annotationType = r.sharedStr(QStringLiteral("annotationType"));
    a.fieldName = r.str(QStringLiteral("fieldName"));
    a.fieldValue = r.str(QStringLiteral("fieldValue"));
    a.flags = r[QStringLiteral("flags")].toInt32();
    return a;
}

QJsonObject AlertRuleAnnotation::toJson() const
{
    QJsonObject o {
        { QStringLiteral("annotationType"), annotationType },
        { QStringLiteral("fieldName"), fieldName },
        { QStringLiteral("fieldValue"), fieldValue },
        { QStringLiteral("flags"), flags },
    };
    if (id != 0)
        o.insert(QStringLiteral("id"), id);
    return o;
}

AlertRule AlertRule::fromJson(const JsonReader& r)
{
    AlertRule rule;
    rule.id = r[QStringLiteral("id")].toInt32();
    rule.alertField = r.sharedStr(QStringLiteral("alertField"));
    rule.alertValueMatch = r.str(QStringLiteral("alertValueMatch"));
    rule.matchType = r.sharedStr(QStringLiteral("matchType"));
    rule.rank = r[QStringLiteral("rank")].toInt32();
    rule.stopFlag = r.boolean(QStringLiteral("stopFlag"));
    rule.notes = r.str(QStringLiteral("notes"));
    // The service answers routeKey; the older clients wrote routingKey, and a proxy or an older
    // service may answer with it. The first that is there and not empty wins.
    rule.routeKey = r.sharedStr(QStringLiteral("routeKey"));
    if (rule.routeKey.isEmpty())
        rule.routeKey = r.sharedStr(QStringLiteral("routingKey"));
    const JsonReader updated = r[QStringLiteral("lastUpdated")];
    if (!updated.isNull()) {
        // Epoch milliseconds (probably; the unit is not documented): read as a whole number.
        if (updated.value().isDouble())
            rule.lastUpdated = QDateTime::fromMSecsSinceEpoch(updated.toInt(), Qt::UTC);
        else
            rule.lastUpdated = updated.toDateTime();
    }
    rule.lastUpdatedBy = r.sharedStr(QStringLiteral("lastUpdatedBy"));
    rule.annotations = readList<AlertRuleAnnotation>(r, QStringLiteral("annotations"));
    return rule;
}

QJsonObject AlertRule::toJson() const
{
    // The answer's shape: the request's fields under the one name answers use, with the id,
    // the annotations' ids and the history.
    QJsonObject o = toRequestJson();
    o.remove(QStringLiteral("routingKey"));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("lastUpdatedBy"), lastUpdatedBy);
    o.insert(QStringLiteral("annotations"), toJsonArray(annotations));
    if (lastUpdated.isValid())
        o.insert(
            QStringLiteral("lastUpdated"), static_cast<double>(lastUpdated.toMSecsSinceEpoch()));
    return o;
}

QJsonObject AlertRule::toRequestJson() const
{
    QJsonArray sent;
    for (AlertRuleAnnotation a : annotations) {
        a.id = 0; // the service numbers them
        sent.append(a.toJson());
    }
    return QJsonObject {
        { QStringLiteral("alertField"), alertField },
        { QStringLiteral("alertValueMatch"), alertValueMatch },
        { QStringLiteral("matchType"), matchType },
        { QStringLiteral("rank"), rank },
        { QStringLiteral("stopFlag"), stopFlag },
        { QStringLiteral("notes"), notes },
        // The two readings of the service's field name: the Terraform providers (written against
        // the live service) and the older Go client send routingKey, the newest Go client
        // routeKey. Sending both with the same value is understood whichever the service reads.
        { QStringLiteral("routeKey"), routeKey },
        { QStringLiteral("routingKey"), routeKey },
        // Present even when empty: a missing or null list is refused.
        { QStringLiteral("annotations"), sent },
    };
}

AlertRuleList AlertRuleList::fromJson(const JsonReader& r)
{
    AlertRuleList list;
    list.rules = readElements<AlertRule>(r);
    return list;
}

QJsonValue AlertRuleList::toJsonValue() const { return toJsonArray(rules); }

QJsonObject AlertRuleList::toJson() const
{
    return QJsonObject { { QStringLiteral("items"), toJsonArray(rules) } };
}

DeletedAlertRule DeletedAlertRule::fromJson(const JsonReader& r)
{
    DeletedAlertRule d;
    // 204 arrives as null: nothing to read.
    if (!r.isNull())
        d.id = r[QStringLiteral("id")].toInt32();
    return d;
}

QJsonObject DeletedAlertRule::toJson() const
{
    return QJsonObject { { QStringLiteral("id"), id } };
}

namespace calls {

ApiCall<AlertRuleList> listAlertRules(ApiClient& client, CallPriority priority)
{
    ApiRequest r = request(ops::listAlertRules, {}, priority);
    r.query.addQueryItem(QStringLiteral("routing_key"), queryValue(QStringLiteral("*"), "*"));
    return send<AlertRuleList>(client, r);
}

ApiCall<AlertRule> createAlertRule(ApiClient& client, const AlertRule& rule)
{
    return send<AlertRule>(client, withBody(request(ops::createAlertRule), rule.toRequestJson()));
}

ApiCall<AlertRule> updateAlertRule(ApiClient& client, const AlertRule& rule)
{
    return send<AlertRule>(client,
        withBody(
            request(ops::updateAlertRule, { QString::number(rule.id) }), rule.toRequestJson()));
}

ApiCall<DeletedAlertRule> deleteAlertRule(ApiClient& client, int ruleId)
{
    return send<DeletedAlertRule>(
        client, request(ops::deleteAlertRule, { QString::number(ruleId) }));
}

} // namespace calls

} // namespace rota
