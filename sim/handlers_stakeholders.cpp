// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Messages to stakeholders (POST /api-public/v1/stakeholders/sendMessage): people who want to
// hear about an incident without being paged for it. Two revisions of the vendor's client send
// two bodies; both are taken, and the simulator records what was sent so tests can see it.
#include "simteams.h"
#include "simusers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace rota::sim {

namespace {

struct Recipients {
    QStringList users;
    QStringList teams;
};

// Reads an array of non-empty strings (usernames or team slugs); problems go to `body`.
QStringList readNames(BodyReader& body, const QString& field)
{
    QStringList names;
    const std::optional<QJsonArray> array = body.optArray(field);
    if (!array || !body.ok())
        return names;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            body.fail(
                QStringLiteral("field '%1[%2]' must be a non-empty string").arg(field).arg(i));
            return {};
        }
        if (!names.contains(value.toString()))
            names.append(value.toString());
    }
    return names;
}

// A required text that must not be blank.
QString readText(BodyReader& body, const QString& field)
{
    const QString text = body.requireString(field);
    requireNonEmpty(body, field, text);
    return text;
}

// The incident the message is about: absent or null is none; anything but a positive integer is
// a 400.
int readIncident(BodyReader& body)
{
    const std::optional<qint64> number = body.optInt(QStringLiteral("incidentId"));
    if (!number || !body.ok())
        return 0;
    if (*number <= 0 || *number > std::numeric_limits<int>::max()) {
        body.fail(QStringLiteral("field 'incidentId' must be a positive incident number"));
        return 0;
    }
    return static_cast<int>(*number);
}

SimReply sendMessage(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    if (body.ok() && body.isArray())
        return SimReply::badRequest(QStringLiteral("the request body must be a JSON object"));
    if (!body.ok())
        return body.error();
    const QJsonObject& object = body.object();
    const auto hasAny = [&object](std::initializer_list<const char*> fields) {
        for (const char* field : fields) {
            if (object.contains(QLatin1String(field)))
                return true;
        }
        return false;
    };
    // The newer revision of the vendor's client: title, message, recipients, recipientTeams.
    // The older: summary, details, users, teams. A body mixing the two is neither.
    const bool newer = hasAny({ "title", "message", "recipients", "recipientTeams" });
    const bool older = hasAny({ "summary", "details", "users", "teams" });
    if (newer && older)
        return SimReply::badRequest(QStringLiteral(
            "send either title, message, recipients and recipientTeams or summary, details, "
            "users and teams, not both"));

    SimStakeholderMessage sent;
    Recipients to;
    if (older) {
        sent.shape = QStringLiteral("older");
        sent.title = readText(body, QStringLiteral("summary"));
        sent.message = body.optString(QStringLiteral("details")).value_or(QString());
        to.users = readNames(body, QStringLiteral("users"));
        to.teams = readNames(body, QStringLiteral("teams"));
    } else {
        sent.shape = QStringLiteral("newer");
        sent.title = readText(body, QStringLiteral("title"));
        sent.message = readText(body, QStringLiteral("message"));
        to.users = readNames(body, QStringLiteral("recipients"));
        to.teams = readNames(body, QStringLiteral("recipientTeams"));
    }
    sent.incidentNumber = readIncident(body);
    if (body.ok() && to.users.isEmpty() && to.teams.isEmpty())
        body.fail(QStringLiteral("at least one recipient is required: a user, a team or both"));
    if (!body.ok())
        return body.error();

    SimOrg& org = ctx.org;
    for (const QString& name : std::as_const(to.users)) {
        const SimUser* user = findUser(org, name);
        if (!user)
            return userNotFound(name);
        if (!sent.users.contains(user->username))
            sent.users.append(user->username);
    }
    for (const QString& slug : std::as_const(to.teams)) {
        if (!org.teams.contains(slug))
            return SimReply::notFound(QStringLiteral("Team '%1'").arg(slug));
        sent.teams.append(slug);
    }
    if (sent.incidentNumber != 0 && !org.incidents.contains(sent.incidentNumber))
        return SimReply::notFound(QStringLiteral("Incident %1").arg(sent.incidentNumber));

    sent.id = org.stakeholderMessages.isEmpty() ? 1 : org.stakeholderMessages.last().id + 1;
    sent.sentAt = ctx.now();
    org.stakeholderMessages.append(sent);
    if (sent.incidentNumber != 0)
        org.incidents[sent.incidentNumber].stakeholderMessages.append(sent.id);
    // No client reads the answer and no source shows its shape.
    return SimReply::json(QJsonObject {});
}

} // namespace

QJsonArray stakeholderMessagesToJson(const QList<SimStakeholderMessage>& messages)
{
    QJsonArray out;
    for (const SimStakeholderMessage& m : messages) {
        out.append(QJsonObject {
            { QStringLiteral("id"), m.id },
            { QStringLiteral("title"), m.title },
            { QStringLiteral("message"), m.message },
            { QStringLiteral("incidentNumber"),
                m.incidentNumber != 0 ? QJsonValue(m.incidentNumber) : QJsonValue() },
            { QStringLiteral("users"), QJsonArray::fromStringList(m.users) },
            { QStringLiteral("teams"), QJsonArray::fromStringList(m.teams) },
            { QStringLiteral("shape"), m.shape },
            { QStringLiteral("sentAt"), isoUtc(m.sentAt) },
        });
    }
    return out;
}

bool stakeholderMessagesFromJson(const QJsonValue& json, SimOrg* org, QString* error)
{
    // State files written before stakeholder messages existed have none.
    if (json.isUndefined() || json.isNull())
        return true;
    const auto fail = [error](qsizetype i, const QString& problem) {
        *error = QStringLiteral("stakeholderMessages[%1]: %2").arg(i).arg(problem);
        return false;
    };
    if (!json.isArray()) {
        *error = QStringLiteral("stakeholderMessages: expected an array");
        return false;
    }
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        SimStakeholderMessage m;
        m.id = o.value(QStringLiteral("id")).toInt();
        m.title = o.value(QStringLiteral("title")).toString();
        m.message = o.value(QStringLiteral("message")).toString();
        m.incidentNumber = o.value(QStringLiteral("incidentNumber")).toInt();
        m.shape = o.value(QStringLiteral("shape")).toString();
        m.sentAt
            = QDateTime::fromString(o.value(QStringLiteral("sentAt")).toString(), Qt::ISODateWithMs)
                  .toUTC();
        for (const QJsonValue& user : o.value(QStringLiteral("users")).toArray())
            m.users.append(user.toString());
        for (const QJsonValue& team : o.value(QStringLiteral("teams")).toArray())
            m.teams.append(team.toString());
        if (!array.at(i).isObject() || m.id <= 0 || m.title.isEmpty() || !m.sentAt.isValid())
            return fail(i, QStringLiteral("expected an object with id, title and sentAt"));
        if (!org->stakeholderMessages.isEmpty() && m.id <= org->stakeholderMessages.last().id)
            return fail(i, QStringLiteral("ids must increase"));
        if (m.incidentNumber != 0) {
            if (!org->incidents.contains(m.incidentNumber))
                return fail(i, QStringLiteral("no incident %1").arg(m.incidentNumber));
            org->incidents[m.incidentNumber].stakeholderMessages.append(m.id);
        }
        org->stakeholderMessages.append(m);
    }
    return true;
}

void registerStakeholderRoutes(SimRouter& router, SimContext& ctx)
{
    // The explicit 429 of the listing says a limit exists; no source gives the number.
    addRoute(router, ctx, "POST", "/api-public/v1/stakeholders/sendMessage", 0, sendMessage);
}

} // namespace rota::sim
