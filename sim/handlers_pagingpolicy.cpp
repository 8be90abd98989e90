// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A user's personal paging policy: its steps and each step's rules (PagingPolicyStep, ...).
#include "simusers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace rota::sim {

namespace {

QString profilePoliciesUrl(const QString& username)
{
    return QStringLiteral("/api-public/v1/profile/") + username + QStringLiteral("/policies");
}

QJsonObject ruleJson(const SimPagingRule& rule, qsizetype index)
{
    QJsonObject json {
        { QStringLiteral("index"), static_cast<int>(index) },
        { QStringLiteral("type"), rule.notificationType },
    };
    // Push rules reach every device, so they name no contact.
    if (!rule.contactType.isEmpty()) {
        json.insert(QStringLiteral("contact"),
            QJsonObject { { QStringLiteral("id"), rule.contactId },
                { QStringLiteral("type"), rule.contactType } });
    }
    return json;
}

QJsonObject stepJson(const SimPagingStep& step, qsizetype index)
{
    QJsonArray rules;
    for (qsizetype i = 0; i < step.rules.size(); ++i)
        rules.append(ruleJson(step.rules.at(i), i));
    return QJsonObject {
        { QStringLiteral("index"), static_cast<int>(index) },
        { QStringLiteral("timeout"), step.timeout },
        { QStringLiteral("rules"), rules },
    };
}

// --- Personal paging policy ---------------------------------------------------------------------

QString joinPath(const QString& path, const QString& field)
{
    return path.isEmpty() ? field : path + QLatin1Char('.') + field;
}

// One rule as AddStepPayload or an AddGroupPayload rule sends it; `path` prefixes field names in
// messages ("rules[1]"). Problems are recorded on `body`.
SimPagingRule readRule(
    BodyReader& body, const QJsonObject& object, const QString& path, const SimUser& user)
{
    SimPagingRule rule;
    rule.notificationType = body.requireString(object, path, QStringLiteral("type"));
    if (!body.ok())
        return rule;
    const QString type = rule.notificationType;
    if (!QStringList { QStringLiteral("push"), QStringLiteral("email"), QStringLiteral("sms"),
            QStringLiteral("phone") }
             .contains(type)) {
        body.fail(QStringLiteral("field '%1' must be one of push, email, sms, phone")
                      .arg(joinPath(path, QStringLiteral("type"))));
        return rule;
    }
    if (type == QLatin1String("push"))
        return rule; // a contact sent with a push rule is meaningless and ignored

    const QString contactPath = joinPath(path, QStringLiteral("contact"));
    const QJsonValue contactValue = object.value(QStringLiteral("contact"));
    if (contactValue.isUndefined() || contactValue.isNull()) {
        body.fail(QStringLiteral("field '%1' is required for %2 rules").arg(contactPath, type));
        return rule;
    }
    if (!contactValue.isObject()) {
        body.fail(QStringLiteral("field '%1' must be an object").arg(contactPath));
        return rule;
    }
    const QJsonObject contact = contactValue.toObject();
    const qint64 id = body.requireInt(contact, contactPath, QStringLiteral("id"));
    const QString contactType = body.requireString(contact, contactPath, QStringLiteral("type"));
    if (!body.ok())
        return rule;
    const QString wanted
        = type == QLatin1String("email") ? QStringLiteral("email") : QStringLiteral("phone");
    if (contactType != wanted) {
        body.fail(QStringLiteral("field '%1.type' must be '%2' for %3 rules")
                      .arg(contactPath, wanted, type));
        return rule;
    }
    const QList<SimContactMethod>& methods
        = wanted == QLatin1String("email") ? user.emails : user.phones;
    const bool known = std::any_of(methods.cbegin(), methods.cend(),
        [id](const SimContactMethod& method) { return method.id == id; });
    if (!known) {
        body.fail(QStringLiteral("field '%1.id': user '%2' has no %3 contact with id %4")
                      .arg(contactPath, user.username, wanted)
                      .arg(id));
        return rule;
    }
    rule.contactType = wanted;
    rule.contactId = static_cast<int>(id);
    return rule;
}

int readTimeout(BodyReader& body)
{
    const qint64 timeout = body.requireInt(QStringLiteral("timeout"));
    if (body.ok() && std::find(kTimeouts.cbegin(), kTimeouts.cend(), timeout) == kTimeouts.cend())
        body.fail(QStringLiteral(
            "field 'timeout' must be one of 1, 5, 10, 15, 20, 25, 30, 45, 60 (minutes)"));
    return static_cast<int>(timeout);
}

// AddGroupPayload. Rules may be left out: POST makes an empty step to add rules to one by one,
// PUT keeps the step's rules and changes only the timeout.
std::optional<QList<SimPagingRule>> readGroupRules(BodyReader& body, const SimUser& user)
{
    const std::optional<QJsonArray> rules = body.optArray(QStringLiteral("rules"));
    if (!rules || !body.ok())
        return std::nullopt;
    QList<SimPagingRule> out;
    for (qsizetype i = 0; i < rules->size() && body.ok(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        if (!rules->at(i).isObject()) {
            body.fail(QStringLiteral("field '%1' must be an object").arg(path));
            break;
        }
        out.append(readRule(body, rules->at(i).toObject(), path, user));
    }
    return out;
}

//! Parses a {step} or {rule} index: 400 when it is no number, 404 when out of range.
std::optional<SimReply> checkIndex(
    const QString& text, qsizetype size, const QString& what, const QString& username, int* index)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return SimReply::badRequest(
            QStringLiteral("the %1 index must be an integer, not '%2'").arg(what, text));
    if (value < 0 || value >= size)
        return SimReply::notFound(
            QStringLiteral("Paging policy %1 %2 of user '%3'").arg(what, text, username));
    *index = value;
    return std::nullopt;
}

SimReply getPagingPolicy(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    QJsonArray steps;
    for (qsizetype i = 0; i < user->pagingPolicy.size(); ++i)
        steps.append(stepJson(user->pagingPolicy.at(i), i));
    return SimReply::json(QJsonObject {
        { QStringLiteral("steps"), steps },
        { QStringLiteral("_selfUrl"), profilePoliciesUrl(user->username) },
    });
}

// GET /v2/profile/{username}/policies: every personal paging policy of the user. The simulator
// keeps one, the primary (rank 0, the one v1 shows), paging at any time of any day.
SimReply getPagingPoliciesV2(SimContext& ctx, const SimRequest& request)
{
    // The username as it came: the service reads '@' only as it is. Treating "%40" as a lookup
    // miss is a guess; no source says what it answers.
    const QString raw = request.path.split(QLatin1Char('/')).value(4);
    const SimUser* user = raw.contains(QLatin1String("%40"), Qt::CaseInsensitive)
        ? nullptr
        : findUser(ctx.org, request.arg(0));
    if (!user)
        return SimReply::error(404, QStringLiteral("user not found"));
    QJsonArray steps;
    for (qsizetype i = 0; i < user->pagingPolicy.size(); ++i) {
        QJsonObject step = stepJson(user->pagingPolicy.at(i), i);
        // The v2 fixture writes the contact type capitalised ("Email"), v1 lower case.
        QJsonArray rules = step.value(QStringLiteral("rules")).toArray();
        for (QJsonValueRef rule : rules) {
            QJsonObject r = rule.toObject();
            QJsonObject contact = r.value(QStringLiteral("contact")).toObject();
            if (contact.isEmpty())
                continue;
            QString type = contact.value(QStringLiteral("type")).toString();
            type[0] = type.at(0).toUpper();
            contact.insert(QStringLiteral("type"), type);
            r.insert(QStringLiteral("contact"), contact);
            rule = r;
        }
        step.insert(QStringLiteral("rules"), rules);
        steps.append(step);
    }
    const QJsonObject everyDay {
        { QStringLiteral("monday"), true },
        { QStringLiteral("tuesday"), true },
        { QStringLiteral("wednesday"), true },
        { QStringLiteral("thursday"), true },
        { QStringLiteral("friday"), true },
        { QStringLiteral("saturday"), true },
        { QStringLiteral("sunday"), true },
        { QStringLiteral("timeZone"), QStringLiteral("Etc/UTC") },
        { QStringLiteral("startTime"), QStringLiteral("00:00:00.000") },
        { QStringLiteral("endTime"), QStringLiteral("00:00:00.000") },
    };
    const QJsonObject primary {
        { QStringLiteral("rank"), 0 },
        { QStringLiteral("name"), QStringLiteral("Primary Paging Policy") },
        { QStringLiteral("slug"), QStringLiteral("primary-paging-policy") },
        { QStringLiteral("timeMask"), everyDay },
        { QStringLiteral("steps"), steps },
    };
    return SimReply::json(QJsonObject { { QStringLiteral("policies"), QJsonArray { primary } } });
}

SimReply stepReply(const SimUser& user, int index)
{
    return SimReply::json(QJsonObject {
        { QStringLiteral("step"), stepJson(user.pagingPolicy.at(index), index) },
        { QStringLiteral("_selfUrl"),
            QString(
                profilePoliciesUrl(user.username) + QLatin1Char('/') + QString::number(index)) },
    });
}

SimReply ruleReply(const SimUser& user, int step, const SimPagingRule& rule, int index)
{
    return SimReply::json(QJsonObject {
        { QStringLiteral("stepRule"), ruleJson(rule, index) },
        { QStringLiteral("_selfUrl"),
            QString(profilePoliciesUrl(user.username) + QLatin1Char('/') + QString::number(step)
                + QLatin1Char('/') + QString::number(index)) },
    });
}

SimReply addPagingStep(SimContext& ctx, const SimRequest& request)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    BodyReader body(request);
    SimPagingStep step;
    step.timeout = readTimeout(body);
    step.rules = readGroupRules(body, *user).value_or(QList<SimPagingRule>());
    if (!body.ok())
        return body.error();
    user->pagingPolicy.append(step);
    return stepReply(*user, static_cast<int>(user->pagingPolicy.size() - 1));
}

// Resolves {username}/{step}; on failure *reply holds the answer.
SimUser* findStep(SimContext& ctx, const SimRequest& request, int* step, SimReply* reply)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user) {
        *reply = userNotFound(request.arg(0));
        return nullptr;
    }
    if (auto problem = checkIndex(request.arg(1), user->pagingPolicy.size(), QStringLiteral("step"),
            user->username, step)) {
        *reply = *problem;
        return nullptr;
    }
    return user;
}

SimReply getPagingStep(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    SimReply reply;
    const SimUser* user = findStep(ctx, request, &step, &reply);
    if (!user)
        return reply;
    return stepReply(*user, step);
}

SimReply updatePagingStep(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    SimReply reply;
    SimUser* user = findStep(ctx, request, &step, &reply);
    if (!user)
        return reply;
    BodyReader body(request);
    const int timeout = readTimeout(body);
    const std::optional<QList<SimPagingRule>> rules = readGroupRules(body, *user);
    if (!body.ok())
        return body.error();
    SimPagingStep& target = user->pagingPolicy[step];
    target.timeout = timeout;
    if (rules)
        target.rules = *rules;
    return stepReply(*user, step);
}

SimReply addPagingRule(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    SimReply reply;
    SimUser* user = findStep(ctx, request, &step, &reply);
    if (!user)
        return reply;
    BodyReader body(request);
    const SimPagingRule rule = readRule(body, body.object(), QString(), *user);
    if (!body.ok())
        return body.error();
    QList<SimPagingRule>& rules = user->pagingPolicy[step].rules;
    rules.append(rule);
    return ruleReply(*user, step, rule, static_cast<int>(rules.size() - 1));
}

// Resolves {username}/{step}/{rule}; on failure *reply holds the answer.
SimUser* findRule(SimContext& ctx, const SimRequest& request, int* step, int* rule, SimReply* reply)
{
    SimUser* user = findStep(ctx, request, step, reply);
    if (!user)
        return nullptr;
    if (auto problem = checkIndex(request.arg(2), user->pagingPolicy.at(*step).rules.size(),
            QStringLiteral("rule"), user->username, rule)) {
        *reply = *problem;
        return nullptr;
    }
    return user;
}

SimReply getPagingRule(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    int rule = 0;
    SimReply reply;
    const SimUser* user = findRule(ctx, request, &step, &rule, &reply);
    if (!user)
        return reply;
    return ruleReply(*user, step, user->pagingPolicy.at(step).rules.at(rule), rule);
}

SimReply updatePagingRule(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    int rule = 0;
    SimReply reply;
    SimUser* user = findRule(ctx, request, &step, &rule, &reply);
    if (!user)
        return reply;
    BodyReader body(request);
    const SimPagingRule updated = readRule(body, body.object(), QString(), *user);
    if (!body.ok())
        return body.error();
    user->pagingPolicy[step].rules[rule] = updated;
    return ruleReply(*user, step, updated, rule);
}

SimReply deletePagingRule(SimContext& ctx, const SimRequest& request)
{
    int step = 0;
    int rule = 0;
    SimReply reply;
    SimUser* user = findRule(ctx, request, &step, &rule, &reply);
    if (!user)
        return reply;
    const SimPagingRule removed = user->pagingPolicy[step].rules.takeAt(rule);
    return ruleReply(*user, step, removed, rule);
}

} // namespace

void registerPagingPolicyRoutes(SimRouter& router, SimContext& ctx)
{
    const QString policies = QStringLiteral("/api-public/v1/profile/{username}/policies");
    addRoute(router, ctx, "GET", policies, 20, getPagingPolicy);
    addRoute(router, ctx, "POST", policies, 60, addPagingStep);
    addRoute(router, ctx, "GET", policies + QStringLiteral("/{step}"), 60, getPagingStep);
    addRoute(router, ctx, "POST", policies + QStringLiteral("/{step}"), 60, addPagingRule);
    addRoute(router, ctx, "PUT", policies + QStringLiteral("/{step}"), 60, updatePagingStep);
    addRoute(router, ctx, "GET", policies + QStringLiteral("/{step}/{rule}"), 60, getPagingRule);
    addRoute(router, ctx, "PUT", policies + QStringLiteral("/{step}/{rule}"), 60, updatePagingRule);
    addRoute(
        router, ctx, "DELETE", policies + QStringLiteral("/{step}/{rule}"), 60, deletePagingRule);
    addRoute(
        router, ctx, "GET", "/api-public/v2/profile/{username}/policies", 0, getPagingPoliciesV2);
}

} // namespace rota::sim
