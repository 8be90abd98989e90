// Users, their contact methods, their personal paging policies and the policy value lists.
// Reply shapes follow the vendor definition (V1User, UserContact, ContactDevice, PagingPolicyStep,
// Policies, ...); where the definition is silent the behaviour is the real service's.
#include "simcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

namespace rota::sim {

namespace {

// --- Shapes -------------------------------------------------------------------------------------

constexpr std::array<int, 9> kTimeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };

QString userUrl(const QString& username)
{
    return QStringLiteral("/api-public/v1/user/") + username;
}

QString profilePoliciesUrl(const QString& username)
{
    return QStringLiteral("/api-public/v1/profile/") + username + QStringLiteral("/policies");
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

enum class ContactKind { Email, Phone };

QString kindPath(ContactKind kind)
{
    return kind == ContactKind::Email ? QStringLiteral("emails") : QStringLiteral("phones");
}

QString kindType(ContactKind kind)
{
    return kind == ContactKind::Email ? QStringLiteral("email") : QStringLiteral("phone");
}

// UserContact. "id" and "value" are not in the definition (it allows extra fields): the real
// service sends the numeric id, which paging-policy rules need, and clients want the address.
QJsonObject contactJson(const SimUser& user, const SimContactMethod& contact, ContactKind kind)
{
    return QJsonObject {
        { QStringLiteral("id"), contact.id },
        { QStringLiteral("deviceType"), kindType(kind) },
        { QStringLiteral("label"), contact.label },
        { QStringLiteral("value"), contact.value },
        { QStringLiteral("rank"), contact.rank },
        { QStringLiteral("extId"), contact.extId },
        { QStringLiteral("_selfUrl"),
            QString(userUrl(user.username) + QStringLiteral("/contact-methods/") + kindPath(kind)
                + QLatin1Char('/') + contact.extId) },
    };
}

QJsonObject deviceJson(const SimUser& user, const SimDevice& device)
{
    return QJsonObject {
        { QStringLiteral("deviceType"), device.deviceType },
        { QStringLiteral("label"), device.label },
        { QStringLiteral("extId"), device.extId },
        { QStringLiteral("_selfUrl"),
            QString(userUrl(user.username) + QStringLiteral("/contact-methods/devices/")
                + device.extId) },
    };
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

QString messageOf(const SimReply& reply)
{
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("message")).toString();
}

// --- Users --------------------------------------------------------------------------------------

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
    const std::optional<QString> username = body.optString(QStringLiteral("username"));
    body.optBool(QStringLiteral("admin"), false);
    requireNonEmpty(body, QStringLiteral("firstName"), firstName);
    requireNonEmpty(body, QStringLiteral("lastName"), lastName);
    checkEmail(body, QStringLiteral("email"), email);
    // The payload repeats the username; it cannot rename anybody.
    if (body.ok() && username && username->compare(user->username, Qt::CaseInsensitive) != 0)
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

    BodyReader body(request, true);
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

// --- Policy values ------------------------------------------------------------------------------

SimReply notificationTypes(SimContext&, const SimRequest&)
{
    const std::array<std::pair<const char*, const char*>, 4> values { {
        { "push", "Send a push notification to all my devices" },
        { "email", "Send an email to an email address" },
        { "sms", "Send an SMS to a phone number" },
        { "phone", "Make a phone call to a phone number" },
    } };
    QJsonArray types;
    for (const auto& [type, description] : values) {
        types.append(QJsonObject {
            { QStringLiteral("type"), QLatin1String(type) },
            { QStringLiteral("description"), QLatin1String(description) },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("notificationTypes"), types },
        { QStringLiteral("_selfUrl"),
            QStringLiteral("/api-public/v1/policies/types/notifications") },
    });
}

SimReply contactTypes(SimContext&, const SimRequest&)
{
    const QJsonArray types {
        QJsonObject { { QStringLiteral("type"), QStringLiteral("email") },
            { QStringLiteral("description"), QStringLiteral("Email Address") } },
        QJsonObject { { QStringLiteral("type"), QStringLiteral("phone") },
            { QStringLiteral("description"), QStringLiteral("Phone Number") } },
    };
    return SimReply::json(QJsonObject {
        { QStringLiteral("contactTypes"), types },
        { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/policies/types/contacts") },
    });
}

SimReply timeoutTypes(SimContext&, const SimRequest&)
{
    QJsonArray types;
    for (const int minutes : kTimeouts) {
        // Worded as the definition's TimeoutDescription enum has it ("after 5 minute"), which is
        // what a schema check holds the reply to.
        types.append(QJsonObject {
            { QStringLiteral("type"), minutes },
            { QStringLiteral("description"),
                QStringLiteral("If still unacked after %1 minute").arg(minutes) },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("timeoutTypes"), types },
        { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/policies/types/timeouts") },
    });
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

SimReply getPagingStep(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    int step = 0;
    if (auto problem = checkIndex(request.arg(1), user->pagingPolicy.size(), QStringLiteral("step"),
            user->username, &step))
        return *problem;
    return stepReply(*user, step);
}

SimReply updatePagingStep(SimContext& ctx, const SimRequest& request)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    int step = 0;
    if (auto problem = checkIndex(request.arg(1), user->pagingPolicy.size(), QStringLiteral("step"),
            user->username, &step))
        return *problem;
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
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    int step = 0;
    if (auto problem = checkIndex(request.arg(1), user->pagingPolicy.size(), QStringLiteral("step"),
            user->username, &step))
        return *problem;
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

// --- Contact methods ----------------------------------------------------------------------------

// {contactId} is the extId the replies show; the numeric id is taken too.
template <typename T> qsizetype indexOfContact(const QList<T>& list, const QString& contactId)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).extId == contactId || QString::number(list.at(i).id) == contactId)
            return i;
    }
    return -1;
}

SimReply contactNotFound(const QString& what, const QString& contactId, const QString& username)
{
    return SimReply::notFound(
        QStringLiteral("Contact %1 '%2' of user '%3'").arg(what, contactId, username));
}

QJsonArray contactsJson(const SimUser& user, ContactKind kind)
{
    QJsonArray out;
    for (const SimContactMethod& contact : kind == ContactKind::Email ? user.emails : user.phones)
        out.append(contactJson(user, contact, kind));
    return out;
}

QJsonArray devicesJson(const SimUser& user)
{
    QJsonArray out;
    for (const SimDevice& device : user.devices)
        out.append(deviceJson(user, device));
    return out;
}

SimReply allContactMethods(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    return SimReply::json(QJsonObject {
        { QStringLiteral("devices"), devicesJson(*user) },
        { QStringLiteral("emails"), contactsJson(*user, ContactKind::Email) },
        { QStringLiteral("phones"), contactsJson(*user, ContactKind::Phone) },
    });
}

SimReply listDevices(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    return SimReply::json(devicesJson(*user));
}

SimReply getDevice(SimContext& ctx, const SimRequest& request)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    const qsizetype at = indexOfContact(user->devices, request.arg(1));
    if (at < 0)
        return contactNotFound(QStringLiteral("device"), request.arg(1), user->username);
    // The definition answers this single device as an array.
    return SimReply::json(QJsonArray { deviceJson(*user, user->devices.at(at)) });
}

SimReply updateDevice(SimContext& ctx, const SimRequest& request)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    const qsizetype at = indexOfContact(user->devices, request.arg(1));
    if (at < 0)
        return contactNotFound(QStringLiteral("device"), request.arg(1), user->username);
    BodyReader body(request);
    const auto label = body.optString(QStringLiteral("device_label"));
    const auto escalation = body.optString(QStringLiteral("escalation_notification_sound"));
    const auto chat = body.optString(QStringLiteral("chat_escalation_sound"));
    const auto resolved = body.optString(QStringLiteral("resolved_notification_sound"));
    if (label)
        requireNonEmpty(body, QStringLiteral("device_label"), *label);
    if (!body.ok())
        return body.error();
    SimDevice& device = user->devices[at];
    device.label = label.value_or(device.label);
    device.escalationSound = escalation.value_or(device.escalationSound);
    device.chatSound = chat.value_or(device.chatSound);
    device.resolvedSound = resolved.value_or(device.resolvedSound);
    return SimReply::json(deviceJson(*user, device));
}

SimReply deleteDevice(SimContext& ctx, const SimRequest& request)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    const qsizetype at = indexOfContact(user->devices, request.arg(1));
    if (at < 0)
        return contactNotFound(QStringLiteral("device"), request.arg(1), user->username);
    // Push rules stay: they go to whatever devices the user has left.
    const SimDevice removed = user->devices.takeAt(at);
    return SimReply::json(deviceJson(*user, removed));
}

QList<SimContactMethod>& contactsOf(SimUser& user, ContactKind kind)
{
    return kind == ContactKind::Email ? user.emails : user.phones;
}

SimReply listContacts(SimContext& ctx, const SimRequest& request, ContactKind kind)
{
    const SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    return SimReply::json(contactsJson(*user, kind));
}

SimReply getContact(SimContext& ctx, const SimRequest& request, ContactKind kind)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    const QList<SimContactMethod>& contacts = contactsOf(*user, kind);
    const qsizetype at = indexOfContact(contacts, request.arg(1));
    if (at < 0)
        return contactNotFound(kindType(kind), request.arg(1), user->username);
    // The definition answers this single contact as an array.
    return SimReply::json(QJsonArray { contactJson(*user, contacts.at(at), kind) });
}

bool isPhoneNumber(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 ()./-]{5,30}$"));
    qsizetype digits = 0;
    for (const QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return pattern.match(text).hasMatch() && digits >= 7 && digits <= 15;
}

SimReply addContact(SimContext& ctx, const SimRequest& request, ContactKind kind)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    const QString valueField
        = kind == ContactKind::Email ? QStringLiteral("email") : QStringLiteral("phone");
    BodyReader body(request);
    const QString label = body.requireString(QStringLiteral("label"));
    const QString value = body.requireString(valueField);
    const std::optional<qint64> rank = body.optInt(QStringLiteral("rank"));
    requireNonEmpty(body, QStringLiteral("label"), label);
    if (kind == ContactKind::Email)
        checkEmail(body, valueField, value);
    else if (body.ok() && !isPhoneNumber(value))
        body.fail(QStringLiteral("field 'phone' must be a phone number such as +1 555 010 0123"));
    if (body.ok() && rank && (*rank < 0 || *rank > 1000))
        body.fail(QStringLiteral("field 'rank' must be from 0 to 1000"));
    QList<SimContactMethod>& contacts = contactsOf(*user, kind);
    if (body.ok()) {
        const auto same = [&value, kind](const SimContactMethod& contact) {
            return kind == ContactKind::Email
                ? contact.value.compare(value, Qt::CaseInsensitive) == 0
                : contact.value == value;
        };
        if (std::any_of(contacts.cbegin(), contacts.cend(), same))
            body.fail(QStringLiteral("user '%1' already has the contact %2 '%3'")
                          .arg(user->username, valueField, value));
    }
    if (!body.ok())
        return body.error();

    SimContactMethod contact;
    contact.id = ctx.org.nextContactId++;
    contact.extId = ctx.org.newSlug(QStringLiteral("contact"));
    contact.label = label;
    contact.value = value;
    contact.rank = static_cast<int>(rank.value_or(contacts.size()));
    contacts.append(contact);
    return SimReply::json(contactJson(*user, contact, kind));
}

SimReply deleteContact(SimContext& ctx, const SimRequest& request, ContactKind kind)
{
    SimUser* user = findUser(ctx.org, request.arg(0));
    if (!user)
        return userNotFound(request.arg(0));
    QList<SimContactMethod>& contacts = contactsOf(*user, kind);
    const qsizetype at = indexOfContact(contacts, request.arg(1));
    if (at < 0)
        return contactNotFound(kindType(kind), request.arg(1), user->username);
    const SimContactMethod removed = contacts.takeAt(at);
    // As the service does: rules that would notify a contact method that is gone go with it.
    const QString type = kindType(kind);
    for (SimPagingStep& step : user->pagingPolicy) {
        step.rules.removeIf([&](const SimPagingRule& rule) {
            return rule.contactType == type && rule.contactId == removed.id;
        });
    }
    return SimReply::json(contactJson(*user, removed, kind));
}

} // namespace

void registerUserRoutes(SimRouter& router, SimContext& ctx)
{
    using Operation = SimReply (*)(SimContext&, const SimRequest&);
    const auto add
        = [&router, &ctx](const char* method, const char* pattern, int limit, Operation operation) {
              router.add(QByteArray(method), QString::fromLatin1(pattern), limit,
                  [&ctx, operation](const SimRequest& request) { return operation(ctx, request); });
          };
    const auto addContactRoute
        = [&router, &ctx](const char* method, const char* pattern, ContactKind kind,
              SimReply (*operation)(SimContext&, const SimRequest&, ContactKind)) {
              router.add(QByteArray(method), QString::fromLatin1(pattern), 60,
                  [&ctx, operation, kind](
                      const SimRequest& request) { return operation(ctx, request, kind); });
          };

    add("GET", "/api-public/v1/user", 60, listUsers);
    add("POST", "/api-public/v1/user", 60, addUser);
    add("POST", "/api-public/v1/user/batch", 15, addUsers);
    add("GET", "/api-public/v1/user/{user}", 60, getUser);
    add("PUT", "/api-public/v1/user/{user}", 60, updateUser);
    add("DELETE", "/api-public/v1/user/{user}", 60, deleteUser);
    add("GET", "/api-public/v1/user/{user}/teams", 60, userTeams);
    add("GET", "/api-public/v1/user/{user}/policies", 60, userPolicies);

    add("GET", "/api-public/v1/policies/types/notifications", 60, notificationTypes);
    add("GET", "/api-public/v1/policies/types/contacts", 60, contactTypes);
    add("GET", "/api-public/v1/policies/types/timeouts", 60, timeoutTypes);

    add("GET", "/api-public/v1/profile/{username}/policies", 20, getPagingPolicy);
    add("POST", "/api-public/v1/profile/{username}/policies", 60, addPagingStep);
    add("GET", "/api-public/v1/profile/{username}/policies/{step}", 60, getPagingStep);
    add("POST", "/api-public/v1/profile/{username}/policies/{step}", 60, addPagingRule);
    add("PUT", "/api-public/v1/profile/{username}/policies/{step}", 60, updatePagingStep);
    add("GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, getPagingRule);
    add("PUT", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, updatePagingRule);
    add("DELETE", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, deletePagingRule);

    add("GET", "/api-public/v1/user/{user}/contact-methods", 60, allContactMethods);
    add("GET", "/api-public/v1/user/{user}/contact-methods/devices", 60, listDevices);
    add("GET", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60, getDevice);
    add("PUT", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60, updateDevice);
    add("DELETE", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60,
        deleteDevice);
    for (const ContactKind kind : { ContactKind::Email, ContactKind::Phone }) {
        const bool email = kind == ContactKind::Email;
        addContactRoute("GET",
            email ? "/api-public/v1/user/{user}/contact-methods/emails"
                  : "/api-public/v1/user/{user}/contact-methods/phones",
            kind, listContacts);
        addContactRoute("POST",
            email ? "/api-public/v1/user/{user}/contact-methods/emails"
                  : "/api-public/v1/user/{user}/contact-methods/phones",
            kind, addContact);
        addContactRoute("GET",
            email ? "/api-public/v1/user/{user}/contact-methods/emails/{contactId}"
                  : "/api-public/v1/user/{user}/contact-methods/phones/{contactId}",
            kind, getContact);
        addContactRoute("DELETE",
            email ? "/api-public/v1/user/{user}/contact-methods/emails/{contactId}"
                  : "/api-public/v1/user/{user}/contact-methods/phones/{contactId}",
            kind, deleteContact);
    }
}

} // namespace rota::sim
