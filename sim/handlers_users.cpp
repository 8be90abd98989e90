// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Users: the list, adding one or a batch, reading, changing and removing one (with what that
// removal hands over), a user's teams and escalation policies. Reply shapes follow the vendor
// definition (V1User, ...); where the definition is silent the behaviour is the real service's.
#include "simusers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

namespace rota::sim {

namespace {

QJsonObject userJson(const SimUser& user)
{
    // A user who never set a password still gets a string: the invitation time.
    const QDateTime password
        = user.passwordLastUpdated.isValid() ? user.passwordLastUpdated : user.createdAt;
    return QJsonObject {
        { QStringLiteral("firstName"), user.firstName },
        { QStringLiteral("lastName"), user.lastName },
        { QStringLiteral("username"), user.username },
        { QStringLiteral("email"), user.email },
        { QStringLiteral("createdAt"), isoUtc(user.createdAt) },
        { QStringLiteral("passwordLastUpdated"), isoUtc(password) },
        { QStringLiteral("verified"), user.verified },
        { QStringLiteral("_selfUrl"), userUrl(user.username) },
    };
}

QString messageOf(const SimReply& reply)
{
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("message")).toString();
}

struct UserFields {
    QString firstName;
    QString lastName;
    QString username;
    QString email;
};

bool isEmailAddress(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return pattern.match(text).hasMatch();
}

// AddUserPayload, as POST /user and each entry of POST /user/batch send it.
UserFields readNewUser(BodyReader& body)
{
    UserFields fields;
    fields.firstName = body.requireString(QStringLiteral("firstName"));
    fields.lastName = body.requireString(QStringLiteral("lastName"));
    fields.username = body.requireString(QStringLiteral("username"));
    fields.email = body.requireString(QStringLiteral("email"));
    // Deprecated: the service makes every new user a non-admin whatever is sent.
    body.optBool(QStringLiteral("admin"), false);
    const QJsonValue hours = body.object().value(QStringLiteral("expirationHours"));
    if (!hours.isUndefined() && !hours.isNull() && (!hours.isDouble() || hours.toDouble() <= 0))
        body.fail(QStringLiteral("field 'expirationHours' must be a positive number"));
    requireNonEmpty(body, QStringLiteral("firstName"), fields.firstName);
    requireNonEmpty(body, QStringLiteral("lastName"), fields.lastName);
    static const QRegularExpression usernamePattern(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (body.ok() && !usernamePattern.match(fields.username).hasMatch()) {
        body.fail(QStringLiteral("field 'username' must be 1 to 64 letters, digits, '.', '_' or "
                                 "'-', starting with a letter or digit"));
    }
    checkEmail(body, QStringLiteral("email"), fields.email);
    return fields;
}

bool emailTaken(const SimOrg& org, const QString& email, const QString& exceptUser)
{
    for (const SimUser& user : org.users) {
        if (user.username != exceptUser && user.email.compare(email, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Why a new user cannot be added (the 422 of the definition), or nothing.
std::optional<std::pair<QString, QString>> unavailable(SimOrg& org, const UserFields& fields)
{
    if (findUser(org, fields.username))
        return std::pair { QStringLiteral("username_unavailable"),
            QStringLiteral("Username '%1' is unavailable").arg(fields.username) };
    if (emailTaken(org, fields.email, QString()))
        return std::pair { QStringLiteral("email_unavailable"),
            QStringLiteral("Email '%1' is unavailable").arg(fields.email) };
    return std::nullopt;
}

// A new user starts as the service makes them: unverified (no password yet), with their account
// address as the "Default" e-mail contact and a paging policy of push plus that e-mail.
const SimUser& createUser(SimContext& ctx, const UserFields& fields)
{
    SimOrg& org = ctx.org;
    SimUser user;
    user.userId = org.nextUserId++;
    user.username = fields.username;
    user.firstName = fields.firstName;
    user.lastName = fields.lastName;
    user.email = fields.email;
    user.createdAt = ctx.now();
    user.passwordLastUpdated = user.createdAt;
    user.verified = false;
    user.admin = false;

    SimContactMethod email;
    email.id = org.nextContactId++;
    email.extId = org.newSlug(QStringLiteral("contact"));
    email.label = QStringLiteral("Default");
    email.value = fields.email;
    email.rank = 0;
    user.emails.append(email);

    SimPagingStep step;
    step.timeout = 5;
    step.rules.append(SimPagingRule { QStringLiteral("push"), QString(), 0 });
    step.rules.append(SimPagingRule { QStringLiteral("email"), QStringLiteral("email"), email.id });
    user.pagingPolicy.append(step);

    return *org.users.insert(user.username, user);
}

SimReply listUsers(SimContext& ctx, const SimRequest&)
{
    QJsonArray users;
    for (const SimUser& user : std::as_const(ctx.org.users))
        users.append(userJson(user));
    return SimReply::json(QJsonObject {
        { QStringLiteral("users"), users },
        { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/user") },
    });
}

// GET /v2/user: the users as a flat list (v1 nests it one level deeper in the vendor's
// fixtures), each with displayName; `email` picks the users with that address.
SimReply listUsersV2(SimContext& ctx, const SimRequest& request)
{
    const bool filtered = request.query.hasQueryItem(QStringLiteral("email"));
    // The value as it came, still percent-encoded, so an encoded '@' can be told from a literal.
    const QString raw = request.query.queryItemValue(QStringLiteral("email"), QUrl::FullyEncoded);
    const QString email = QUrl::fromPercentEncoding(raw.toUtf8());
    if (filtered && email.size() < 3)
        return SimReply::badRequest(
            QStringLiteral("query parameter 'email' must be at least 3 characters"));
    // A guess: no source says what the service does with "%40"; the definition says its REST
    // endpoints do not process the encoded form, so it finds nobody.
    const bool encodedAt = raw.contains(QLatin1String("%40"), Qt::CaseInsensitive);
    QJsonArray users;
    for (const SimUser& user : std::as_const(ctx.org.users)) {
        if (filtered && (encodedAt || user.email.compare(email, Qt::CaseInsensitive) != 0))
            continue;
        QJsonObject json = userJson(user);
        json.insert(QStringLiteral("displayName"),
            QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed());
        users.append(json);
    }
    return SimReply::json(QJsonObject { { QStringLiteral("users"), users } });
}

SimReply addUser(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const UserFields fields = readNewUser(body);
    if (!body.ok())
        return body.error();
    if (const auto problem = unavailable(ctx.org, fields))
        return SimReply::error(422, problem->second);
    return SimReply::json(userJson(createUser(ctx, fields)));
}

constexpr qsizetype kMaxBatch = 50;

SimReply addUsers(SimContext& ctx, const SimRequest& request)
{
    // The definition's body is the bare array; the service also takes {"users": [...]}.
    BodyReader body(request);
    QJsonArray entries;
    if (body.ok())
        entries = body.isArray() ? body.rootArray() : body.requireArray(QStringLiteral("users"));
    if (!body.ok())
        return body.error();
    if (entries.size() > kMaxBatch)
        return SimReply::badRequest(QStringLiteral("a batch holds at most %1 users, not %2")
                                        .arg(kMaxBatch)
                                        .arg(entries.size()));

    QJsonArray report;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        QJsonArray errors;
        const auto addError = [&errors](const QString& code, const QString& message) {
            errors.append(QJsonObject {
                { QStringLiteral("code"), code },
                { QStringLiteral("message"), message },
            });
        };
        QString username;
        if (!entry.isObject()) {
            addError(QStringLiteral("invalid_request"),
                QStringLiteral("users[%1] must be an object").arg(i));
        } else {
            username = entry.toObject().value(QStringLiteral("username")).toString();
            SimRequest one;
            one.body = QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact);
            BodyReader reader(one);
            const UserFields fields = readNewUser(reader);
            if (!reader.ok())
                addError(QStringLiteral("invalid_request"), messageOf(reader.error()));
            else if (const auto problem = unavailable(ctx.org, fields))
                addError(problem->first, problem->second);
            else
                username = createUser(ctx, fields).username;
        }
        report.append(QJsonObject {
            { QStringLiteral("username"), username },
            { QStringLiteral("errors"), errors },
        });
    }
    return SimReply::json(report);
}

SimReply getUser(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    return SimReply::json(userJson(*user));
}

SimReply updateUser(SimContext& ctx, const SimRequest& request)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    BodyReader body(request);
    const QString firstName = body.requireString(QStringLiteral("firstName"));
    const QString lastName = body.requireString(QStringLiteral("lastName"));
    const QString email = body.requireString(QStringLiteral("email"));
    // UpdateUserPayload requires all four, the username too, though it cannot change.
    const QString username = body.requireString(QStringLiteral("username"));
    body.optBool(QStringLiteral("admin"), false);
    requireNonEmpty(body, QStringLiteral("firstName"), firstName);
    requireNonEmpty(body, QStringLiteral("lastName"), lastName);
    checkEmail(body, QStringLiteral("email"), email);
    // The payload repeats the username; it cannot rename anybody.
    if (body.ok() && username.compare(user->username, Qt::CaseInsensitive) != 0)
        body.fail(QStringLiteral("field 'username' must be '%1': a username cannot be changed")
                      .arg(user->username));
    if (!body.ok())
        return body.error();
    if (emailTaken(ctx.org, email, user->username))
        return SimReply::error(422, QStringLiteral("Email '%1' is unavailable").arg(email));

    // The account address doubles as the "Default" e-mail contact, so keep the two together.
    for (SimContactMethod& contact : user->emails) {
        if (contact.value.compare(user->email, Qt::CaseInsensitive) == 0
            && contact.label == QLatin1String("Default"))
            contact.value = email;
    }
    user->firstName = firstName;
    user->lastName = lastName;
    user->email = email;
    return SimReply::json(userJson(*user));
}

// Who takes the deleted user's place in a team's rotations and escalation policies ("" = nobody).
using ReplacementFor = std::function<QString(const QString& teamSlug)>;

SimReply deleteUser(SimContext& ctx, const SimRequest& request)
{
    SimOrg& org = ctx.org;
    const SimUser* found = findUser(org, request.arg(0));
    if (!found)
        return userNotFound(request.arg(0));
    const QString gone = found->username;

    // "If no replacement is specified, an empty JSON payload ("{}") is still required."
    BodyReader body(request);
    const std::optional<QString> replacementName = body.optString(QStringLiteral("replacement"));
    const std::optional<QString> strategy = body.optString(QStringLiteral("replacementStrategy"));
    if (body.ok() && strategy
        && !QStringList { QStringLiteral("specifiedUser"), QStringLiteral("globalAdmin"),
            QStringLiteral("teamAdmin") }
                .contains(*strategy)) {
        body.fail(QStringLiteral(
            "field 'replacementStrategy' must be one of specifiedUser, globalAdmin, teamAdmin"));
    }
    if (!body.ok())
        return body.error();

    QString replacement;
    if (replacementName && !replacementName->isEmpty()) {
        const SimUser* other = findUser(org, *replacementName);
        if (!other || other->username == gone)
            return SimReply::error(
                422, QStringLiteral("Replacement user '%1' not found").arg(*replacementName));
        replacement = other->username;
    }

    ReplacementFor replacementFor = [replacement](const QString&) { return replacement; };
    bool perTeam = false;
    if (strategy == QLatin1String("specifiedUser") && replacement.isEmpty())
        return SimReply::error(
            422, QStringLiteral("the specifiedUser strategy needs a 'replacement' user"));
    if (strategy == QLatin1String("globalAdmin")) {
        QString admin;
        for (const SimUser& user : std::as_const(org.users)) {
            if (user.admin && user.username != gone) {
                admin = user.username;
                break;
            }
        }
        if (admin.isEmpty())
            return SimReply::error(
                422, QStringLiteral("there is no other global admin to replace '%1'").arg(gone));
        replacementFor = [admin](const QString&) { return admin; };
    } else if (strategy == QLatin1String("teamAdmin")) {
        perTeam = true;
        replacementFor = [&org, gone](const QString& teamSlug) {
            const auto team = org.teams.constFind(teamSlug);
            if (team == org.teams.cend())
                return QString();
            for (const QString& admin : team->admins) {
                if (admin != gone)
                    return admin;
            }
            return QString();
        };
    }

    // The teams whose rotations and escalation policies lose the user: with teamAdmin each needs
    // an admin, and nothing may change before that is known.
    QSet<QString> involvedTeams;
    for (const SimRotation& rotation : std::as_const(org.rotations)) {
        if (rotation.members.contains(gone))
            involvedTeams.insert(rotation.teamSlug);
    }
    for (const SimPolicy& policy : std::as_const(org.policies)) {
        for (const SimPolicyStep& step : policy.steps) {
            for (const SimPolicyEntry& entry : step.entries) {
                if (entry.executionType == QLatin1String("user") && entry.target == gone)
                    involvedTeams.insert(policy.teamSlug);
            }
        }
    }
    // No strategy is specifiedUser, which needs a replacement; the definition lets "{}" through
    // only where there is no place to fill.
    if (!strategy && replacement.isEmpty() && !involvedTeams.isEmpty()) {
        QStringList teams = involvedTeams.values();
        teams.sort();
        return SimReply::error(422,
            QStringLiteral(
                "'%1' is in rotations or escalation policies of %2: a 'replacement' user "
                "is required")
                .arg(gone, teams.join(QStringLiteral(", "))));
    }
    if (perTeam) {
        for (const QString& teamSlug : std::as_const(involvedTeams)) {
            if (replacementFor(teamSlug).isEmpty())
                return SimReply::error(422,
                    QStringLiteral("team '%1' has no admin other than '%2' to take their place")
                        .arg(teamSlug, gone));
        }
    }

    for (SimRotation& rotation : org.rotations) {
        const qsizetype at = rotation.members.indexOf(gone);
        if (at < 0)
            continue;
        const QString next = replacementFor(rotation.teamSlug);
        if (!next.isEmpty() && !rotation.members.contains(next)) {
            rotation.members[at] = next;
            // A rotation only holds members of its team.
            auto team = org.teams.find(rotation.teamSlug);
            if (team != org.teams.end() && !team->members.contains(next))
                team->members.append(next);
        } else {
            rotation.members.removeAt(at);
        }
    }
    for (SimPolicy& policy : org.policies) {
        const QString next = replacementFor(policy.teamSlug);
        for (SimPolicyStep& step : policy.steps) {
            QList<SimPolicyEntry> kept;
            for (SimPolicyEntry entry : std::as_const(step.entries)) {
                if (entry.executionType == QLatin1String("user") && entry.target == gone) {
                    if (next.isEmpty())
                        continue;
                    entry.target = next;
                }
                const bool duplicate
                    = std::any_of(kept.cbegin(), kept.cend(), [&entry](const SimPolicyEntry& e) {
                          return e.executionType == entry.executionType && e.target == entry.target;
                      });
                if (!duplicate)
                    kept.append(entry);
            }
            step.entries = kept;
        }
    }
    for (SimTeam& team : org.teams) {
        team.members.removeAll(gone);
        team.admins.removeAll(gone);
    }
    for (auto it = org.scheduledOverrides.begin(); it != org.scheduledOverrides.end();) {
        if (it->username == gone) {
            it = org.scheduledOverrides.erase(it);
            continue;
        }
        for (auto a = it->assignments.begin(); a != it->assignments.end(); ++a) {
            if (a.value() != gone)
                continue;
            // Nobody covers for themselves: then the assignment is left open.
            const QString next = replacementFor(org.policies.value(a.key()).teamSlug);
            a.value() = next == it->username ? QString() : next;
        }
        ++it;
    }
    for (qsizetype i = org.takeOverrides.size() - 1; i >= 0; --i) {
        SimTakeOverride& take = org.takeOverrides[i];
        const QString next = replacementFor(org.policies.value(take.policySlug).teamSlug);
        if (take.fromUser == gone
            || (take.toUser == gone && (next.isEmpty() || next == take.fromUser)))
            org.takeOverrides.removeAt(i);
        else if (take.toUser == gone)
            take.toUser = next;
    }
    const QDateTime now = ctx.now();
    for (SimShiftLogEntry& shift : org.shiftLog) {
        if (shift.username == gone && !shift.off.isValid())
            shift.off = now;
    }
    org.users.remove(gone);
    return SimReply::empty();
}

SimReply userTeams(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    QJsonArray teams;
    for (const SimTeam& team : std::as_const(ctx.org.teams)) {
        if (!team.members.contains(user->username))
            continue;
        const QString self = QStringLiteral("/api-public/v1/team/") + team.slug;
        teams.append(QJsonObject {
            { QStringLiteral("name"), team.name },
            { QStringLiteral("slug"), team.slug },
            { QStringLiteral("_selfUrl"), self },
            { QStringLiteral("_membersUrl"), QString(self + QStringLiteral("/members")) },
            { QStringLiteral("_policiesUrl"), QString(self + QStringLiteral("/policies")) },
            { QStringLiteral("_adminsUrl"), QString(self + QStringLiteral("/admins")) },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("teams"), teams } });
}

// The escalation policies that can page the user: as a direct "user" entry or through a rotation
// they take shifts in. One PagingPolicy per policy step and way in.
SimReply userPolicies(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    QJsonArray policies;
    for (const SimPolicy& policy : std::as_const(ctx.org.policies)) {
        for (qsizetype order = 0; order < policy.steps.size(); ++order) {
            const SimPolicyStep& step = policy.steps.at(order);
            bool direct = false;
            bool viaRotation = false;
            for (const SimPolicyEntry& entry : step.entries) {
                if (entry.executionType == QLatin1String("user"))
                    direct = direct || entry.target == user->username;
                else if (entry.executionType.startsWith(QLatin1String("rotation_group")))
                    viaRotation = viaRotation
                        || ctx.org.rotations.value(entry.target).members.contains(user->username);
            }
            const auto add = [&](const QString& contactType) {
                policies.append(QJsonObject {
                    { QStringLiteral("order"), static_cast<int>(order) },
                    { QStringLiteral("timeout"), step.timeout },
                    { QStringLiteral("contactType"), contactType },
                    { QStringLiteral("extId"), policy.slug },
                });
            };
            if (direct)
                add(QStringLiteral("user"));
            if (viaRotation)
                add(QStringLiteral("rotation_group"));
        }
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("username"), user->username },
        { QStringLiteral("userId"), user->userId },
        { QStringLiteral("policies"), policies },
    });
}

} // namespace

QString userUrl(const QString& username)
{
    return QStringLiteral("/api-public/v1/user/") + username;
}

SimReply userNotFound(const QString& username)
{
    return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
}

// The real service treats usernames case-insensitively; an exact hit is the common case.
SimUser* findUser(SimOrg& org, const QString& username)
{
    const auto exact = org.users.find(username);
    if (exact != org.users.end())
        return &exact.value();
    for (auto it = org.users.begin(); it != org.users.end(); ++it) {
        if (it.key().compare(username, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

void requireNonEmpty(BodyReader& body, const QString& field, const QString& value)
{
    if (body.ok() && value.trimmed().isEmpty())
        body.fail(QStringLiteral("field '%1' must not be empty").arg(field));
}

void checkEmail(BodyReader& body, const QString& field, const QString& value)
{
    if (body.ok() && !isEmailAddress(value))
        body.fail(QStringLiteral("field '%1' must be an e-mail address").arg(field));
}

void registerUserRoutes(SimRouter& router, SimContext& ctx)
{
    addRoute(router, ctx, "GET", "/api-public/v1/user", 60, listUsers);
    addRoute(router, ctx, "POST", "/api-public/v1/user", 60, addUser);
    addRoute(router, ctx, "POST", "/api-public/v1/user/batch", 15, addUsers);
    addRoute(router, ctx, "GET", "/api-public/v1/user/{user}", 60, getUser);
    addRoute(router, ctx, "PUT", "/api-public/v1/user/{user}", 60, updateUser);
    addRoute(router, ctx, "DELETE", "/api-public/v1/user/{user}", 60, deleteUser);
    addRoute(router, ctx, "GET", "/api-public/v1/user/{user}/teams", 60, userTeams);
    addRoute(router, ctx, "GET", "/api-public/v1/user/{user}/policies", 60, userPolicies);
    addRoute(router, ctx, "GET", "/api-public/v2/user", 120, listUsersV2);
}

} // namespace rota::sim
