// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Alert rules (the Rules Engine): GET, POST, PUT and DELETE /api-public/v1/alertRules.
//
// DTOs read themselves with `static T fromJson(const JsonReader &)` and write themselves with
// `QJsonObject toJson() const`, as the other groups do. The listing is a bare JSON array
// (AlertRuleList: toJsonValue() gives the array, toJson() wraps it as {"items": [...]}).

#include "apiclient.h"
#include "calls.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rota {

//! One annotation (flags 0) or transformation (flags 1) of a rule.
struct AlertRuleAnnotation {
    enum Flags { Annotation = 0, Transformation = 1 };
    int id = 0; //!< in answers only; not sent
    QString annotationType; //!< "u" URL, "s" note text, "i" image URL
    QString fieldName; //!< the annotation's title, or the field a transformation sets
    QString fieldValue;
    int flags = Annotation;

    static AlertRuleAnnotation fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const AlertRuleAnnotation& o) const
    {
        return annotationType == o.annotationType && fieldName == o.fieldName
            && fieldValue == o.fieldValue && flags == o.flags;
    }
};

//! A rule as the service answers it, and as create and update send it.
struct AlertRule {
    int id = 0; //!< 0 for a rule not created yet
    QString alertField; //!< the alert field tested, e.g. host_name
    QString alertValueMatch; //!< the pattern
    QString matchType = QStringLiteral("WILDCARD"); //!< WILDCARD or REGEX
    int rank = 1; //!< evaluation order, 1 first; the service renumbers the others around it
    bool stopFlag = false; //!< no later rule runs after this one matched
    QString notes;
    QString routeKey; //!< where matching alerts go; empty: their routing key stays
    QDateTime lastUpdated; //!< epoch milliseconds in the answer; invalid when absent
    QString lastUpdatedBy;
    QList<AlertRuleAnnotation> annotations;

    bool isRegex() const { return matchType == QLatin1String("REGEX"); }

    static AlertRule fromJson(const JsonReader& r);
    //! The answer's shape (with id, routeKey and the history fields).
    QJsonObject toJson() const;
    //! The body of POST and PUT: no id or history, `annotations` always an array, and the target
    //! key under both names.
    QJsonObject toRequestJson() const;
};

//! The answer of GET /alertRules: a bare array, kept in the order it came (rank order).
struct AlertRuleList {
    QList<AlertRule> rules;

    static AlertRuleList fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const; //!< the array, as the API sends it
    QJsonObject toJson() const; //!< {"items": [...]}
};

//! The answer of DELETE /alertRules/{ruleId}: {"id": N}, or nothing (204), when id is 0.
struct DeletedAlertRule {
    int id = 0;

    static DeletedAlertRule fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /api-public/v1/alertRules — every rule (routing_key=*: one client says that without it
//! only rules not tied to a routing key come back).
ApiCall<AlertRuleList> listAlertRules(ApiClient& client, CallPriority priority = {});

//! POST /api-public/v1/alertRules — answers the created rule with its id and actual rank.
ApiCall<AlertRule> createAlertRule(ApiClient& client, const AlertRule& rule);

//! PUT /api-public/v1/alertRules/{ruleId} — a full replacement of rule `rule.id`; also how a
//! rule is moved (a new rank).
ApiCall<AlertRule> updateAlertRule(ApiClient& client, const AlertRule& rule);

//! DELETE /api-public/v1/alertRules/{ruleId} — 200 with {"id"} or 204.
ApiCall<DeletedAlertRule> deleteAlertRule(ApiClient& client, int ruleId);

} // namespace calls

} // namespace rota
