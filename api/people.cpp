// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "people.h"

#include <QJsonArray>

#include <limits>

namespace rota {

namespace {

// Fields this API documents as small integers (minutes, positions, ranks): a number that does
// not fit an int is a broken answer, not something to truncate.
int readSmallInt(const JsonReader& field, int fallback)
{
    const qint64 value = field.toInt(fallback);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        JsonReader(field).fail(QStringLiteral("number out of range"));
        return fallback;
    }
    return static_cast<int>(value);
}

// Contact ids are numbers in the definition; a string of digits is taken too, as elsewhere in
// this API.
qint64 readId(const JsonReader& field)
{
    if (field.value().isString()) {
        bool ok = false;
        const qint64 id = field.value().toString().toLongLong(&ok);
        if (!ok)
            JsonReader(field).fail(QStringLiteral("expected a numeric id, got \"%1\"")
                                       .arg(field.value().toString().left(40)));
        return ok ? id : 0;
    }
    return field.toInt(0);
}

// The member that carries an answer ({"step": {...}, "_selfUrl": ...}); an answer without it is
// not what the definition promises.
JsonReader requiredObject(const JsonReader& r, const QString& field)
{
    JsonReader member = r[field];
    if (r.ok() && !member.value().isObject())
        member.fail(
            member.isNull() ? QStringLiteral("missing") : QStringLiteral("expected an object"));
    return member;
}

const char* strategyName(DeleteUserRequest::Strategy strategy)
{
    switch (strategy) {
    case DeleteUserRequest::Strategy::SpecifiedUser:
        return "specifiedUser";
    case DeleteUserRequest::Strategy::GlobalAdmin:
        return "globalAdmin";
    case DeleteUserRequest::Strategy::TeamAdmin:
        return "teamAdmin";
    case DeleteUserRequest::Strategy::Unspecified:
        break;
    }
    return nullptr;
}

} // namespace

// --- Users ----------------------------------------------------------------------------------

QString User::displayName() const
{
    const QString name = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    return name.isEmpty() ? username : name;
}

User User::fromJson(const JsonReader& r)
{
    User u;
    u.username = r.str(QStringLiteral("username"));
    u.firstName = r.str(QStringLiteral("firstName"));
    u.lastName = r.str(QStringLiteral("lastName"));
    u.email = r.str(QStringLiteral("email"));
    u.createdAt = r.time(QStringLiteral("createdAt"));
    u.passwordLastUpdated = r.time(QStringLiteral("passwordLastUpdated"));
    u.verified = r.boolean(QStringLiteral("verified"));
    u.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return u;
}

QJsonObject User::toJson() const
{
    QJsonObject o {
        { QStringLiteral("firstName"), firstName },
        { QStringLiteral("lastName"), lastName },
        { QStringLiteral("username"), username },
        { QStringLiteral("email"), email },
        { QStringLiteral("verified"), verified },
    };
    insertIfSet(o, QStringLiteral("createdAt"), createdAt);
    insertIfSet(o, QStringLiteral("passwordLastUpdated"), passwordLastUpdated);
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

bool User::operator==(const User& other) const
{
    return username == other.username && firstName == other.firstName && lastName == other.lastName
        && email == other.email && createdAt == other.createdAt
        && passwordLastUpdated == other.passwordLastUpdated && verified == other.verified
        && selfUrl == other.selfUrl;
}

UserList UserList::fromJson(const JsonReader& r)
{
    UserList list;
    list.users = readList<User>(r, QStringLiteral("users"));
    list.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return list;
}

QJsonObject UserList::toJson() const
{
    QJsonObject o { { QStringLiteral("users"), toJsonArray(users) } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

UserPayload UserPayload::fromJson(const JsonReader& r)
{
    UserPayload p;
    p.firstName = r.str(QStringLiteral("firstName"));
    p.lastName = r.str(QStringLiteral("lastName"));
    p.username = r.str(QStringLiteral("username"));
    p.email = r.str(QStringLiteral("email"));
    p.expirationHours = readSmallInt(r[QStringLiteral("expirationHours")], 0);
    return p;
}

QJsonObject UserPayload::toJson() const
{
    // "admin" is deprecated (the service makes every new user a non-admin), so it is never sent.
    QJsonObject o {
        { QStringLiteral("firstName"), firstName },
        { QStringLiteral("lastName"), lastName },
        { QStringLiteral("username"), username },
        { QStringLiteral("email"), email },
    };
    if (expirationHours > 0)
        o.insert(QStringLiteral("expirationHours"), expirationHours);
    return o;
}

BatchUserError BatchUserError::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("code")), r.str(QStringLiteral("message")) };
}

QJsonObject BatchUserError::toJson() const
{
    return { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } };
}

BatchUserResult BatchUserResult::fromJson(const JsonReader& r)
{
    BatchUserResult result;
    result.username = r.str(QStringLiteral("username"));
    result.errors = readList<BatchUserError>(r, QStringLiteral("errors"));
    return result;
}

QJsonObject BatchUserResult::toJson() const
{
    return { { QStringLiteral("username"), username },
        { QStringLiteral("errors"), toJsonArray(errors) } };
}

BatchUserResultList BatchUserResultList::fromJson(const JsonReader& r)
{
    return { readElements<BatchUserResult>(r) };
}

QJsonValue BatchUserResultList::toJsonValue() const { return toJsonArray(items); }

DeleteUserRequest DeleteUserRequest::fromJson(const JsonReader& r)
{
    DeleteUserRequest request;
    request.replacement = r.str(QStringLiteral("replacement"));
    const JsonReader strategy = r[QStringLiteral("replacementStrategy")];
    const QString name = strategy.toString();
    for (const auto s : { Strategy::SpecifiedUser, Strategy::GlobalAdmin, Strategy::TeamAdmin }) {
        if (name == QLatin1String(strategyName(s)))
            request.strategy = s;
    }
    if (!name.isEmpty() && request.strategy == Strategy::Unspecified)
        JsonReader(strategy).fail(QStringLiteral("unknown strategy \"%1\"").arg(name.left(40)));
    return request;
}

QJsonObject DeleteUserRequest::toJson() const
{
    QJsonObject o;
    insertIfSet(o, QStringLiteral("replacement"), replacement);
    if (const char* name = strategyName(strategy))
        o.insert(QStringLiteral("replacementStrategy"), QLatin1String(name));
    return o;
}

UserTeam UserTeam::fromJson(const JsonReader& r)
{
    UserTeam t;
    t.name = r.str(QStringLiteral("name"));
    t.slug = r.str(QStringLiteral("slug"));
    t.selfUrl = r.str(QStringLiteral("_selfUrl"));
    t.membersUrl = r.str(QStringLiteral("_membersUrl"));
    t.policiesUrl = r.str(QStringLiteral("_policiesUrl"));
    t.adminsUrl = r.str(QStringLiteral("_adminsUrl"));
    return t;
}

QJsonObject UserTeam::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("slug"), slug } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    insertIfSet(o, QStringLiteral("_membersUrl"), membersUrl);
    insertIfSet(o, QStringLiteral("_policiesUrl"), policiesUrl);
    insertIfSet(o, QStringLiteral("_adminsUrl"), adminsUrl);
    return o;
}

UserTeamList UserTeamList::fromJson(const JsonReader& r)
{
    return { readList<UserTeam>(r, QStringLiteral("teams")) };
}

QJsonObject UserTeamList::toJson() const
{
    return { { QStringLiteral("teams"), toJsonArray(teams) } };
}

UserPolicyEntry UserPolicyEntry::fromJson(const JsonReader& r)
{
    UserPolicyEntry e;
    e.order = readSmallInt(r[QStringLiteral("order")], 0);
    e.timeout = readSmallInt(r[QStringLiteral("timeout")], 0);
    e.contactType = r.str(QStringLiteral("contactType"));
    e.extId = r[QStringLiteral("extId")].toStringOrNumber();
    return e;
}

QJsonObject UserPolicyEntry::toJson() const
{
    return {
        { QStringLiteral("order"), order },
        { QStringLiteral("timeout"), timeout },
        { QStringLiteral("contactType"), contactType },
        { QStringLiteral("extId"), extId },
    };
}

UserPolicies UserPolicies::fromJson(const JsonReader& r)
{
    UserPolicies p;
    p.username = r.str(QStringLiteral("username"));
    p.userId = readId(r[QStringLiteral("userId")]);
    p.policies = readList<UserPolicyEntry>(r, QStringLiteral("policies"));
    return p;
}

QJsonObject UserPolicies::toJson() const
{
    return {
        { QStringLiteral("username"), username },
        { QStringLiteral("userId"), userId },
        { QStringLiteral("policies"), toJsonArray(policies) },
    };
}

// --- Personal paging policy values ----------------------------------------------------------

PagingOption PagingOption::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("type")), r.str(QStringLiteral("description")) };
}

QJsonObject PagingOption::toJson() const
{
    return { { QStringLiteral("type"), type }, { QStringLiteral("description"), description } };
}

PagingTimeoutOption PagingTimeoutOption::fromJson(const JsonReader& r)
{
    return { readSmallInt(r[QStringLiteral("type")], 0), r.str(QStringLiteral("description")) };
}

QJsonObject PagingTimeoutOption::toJson() const
{
    return { { QStringLiteral("type"), minutes }, { QStringLiteral("description"), description } };
}

NotificationTypeList NotificationTypeList::fromJson(const JsonReader& r)
{
    return { readList<PagingOption>(r, QStringLiteral("notificationTypes")),
        r.str(QStringLiteral("_selfUrl")) };
}

QJsonObject NotificationTypeList::toJson() const
{
    QJsonObject o { { QStringLiteral("notificationTypes"), toJsonArray(notificationTypes) } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

ContactTypeList ContactTypeList::fromJson(const JsonReader& r)
{
    return { readList<PagingOption>(r, QStringLiteral("contactTypes")),
        r.str(QStringLiteral("_selfUrl")) };
}

QJsonObject ContactTypeList::toJson() const
{
    QJsonObject o { { QStringLiteral("contactTypes"), toJsonArray(contactTypes) } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

TimeoutTypeList TimeoutTypeList::fromJson(const JsonReader& r)
{
    return { readList<PagingTimeoutOption>(r, QStringLiteral("timeoutTypes")),
        r.str(QStringLiteral("_selfUrl")) };
}

QJsonObject TimeoutTypeList::toJson() const
{
    QJsonObject o { { QStringLiteral("timeoutTypes"), toJsonArray(timeoutTypes) } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

// --- Personal paging policy -----------------------------------------------------------------

PagingContact PagingContact::fromJson(const JsonReader& r)
{
    return { readId(r[QStringLiteral("id")]), r.str(QStringLiteral("type")) };
}

QJsonObject PagingContact::toJson() const
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("type"), type } };
}

PagingRule PagingRule::push() { return { -1, QStringLiteral("push"), {} }; }

PagingRule PagingRule::email(qint64 emailContactId)
{
    return { -1, QStringLiteral("email"), { emailContactId, QStringLiteral("email") } };
}

PagingRule PagingRule::sms(qint64 phoneContactId)
{
    return { -1, QStringLiteral("sms"), { phoneContactId, QStringLiteral("phone") } };
}

PagingRule PagingRule::phoneCall(qint64 phoneContactId)
{
    return { -1, QStringLiteral("phone"), { phoneContactId, QStringLiteral("phone") } };
}

PagingRule PagingRule::fromJson(const JsonReader& r)
{
    PagingRule rule;
    rule.index = readSmallInt(r[QStringLiteral("index")], -1);
    rule.notificationType = r.str(QStringLiteral("type"));
    rule.contact = PagingContact::fromJson(r[QStringLiteral("contact")]);
    return rule;
}

QJsonObject PagingRule::toJson() const
{
    QJsonObject o = toPayload();
    if (index >= 0)
        o.insert(QStringLiteral("index"), index);
    return o;
}

QJsonObject PagingRule::toPayload() const
{
    QJsonObject o { { QStringLiteral("type"), notificationType } };
    if (!contact.isEmpty())
        o.insert(QStringLiteral("contact"), contact.toJson());
    return o;
}

bool PagingRule::operator==(const PagingRule& other) const
{
    return index == other.index && notificationType == other.notificationType
        && contact == other.contact;
}

PagingStep PagingStep::make(int timeout, const QList<PagingRule>& rules)
{
    return { -1, timeout, rules };
}

PagingStep PagingStep::fromJson(const JsonReader& r)
{
    PagingStep step;
    step.index = readSmallInt(r[QStringLiteral("index")], -1);
    step.timeout = readSmallInt(r[QStringLiteral("timeout")], 0);
    step.rules = readList<PagingRule>(r, QStringLiteral("rules"));
    return step;
}

QJsonObject PagingStep::toJson() const
{
    QJsonObject o { { QStringLiteral("timeout"), timeout },
        { QStringLiteral("rules"), toJsonArray(rules) } };
    if (index >= 0)
        o.insert(QStringLiteral("index"), index);
    return o;
}

QJsonObject PagingStep::toPayload() const
{
    QJsonArray payloads;
    for (const PagingRule& rule : rules)
        payloads.append(rule.toPayload());
    return { { QStringLiteral("timeout"), timeout }, { QStringLiteral("rules"), payloads } };
}

bool PagingStep::operator==(const PagingStep& other) const
{
    return index == other.index && timeout == other.timeout && rules == other.rules;
}

PersonalPagingPolicy PersonalPagingPolicy::fromJson(const JsonReader& r)
{
    return { readList<PagingStep>(r, QStringLiteral("steps")), r.str(QStringLiteral("_selfUrl")) };
}

QJsonObject PersonalPagingPolicy::toJson() const
{
    QJsonObject o { { QStringLiteral("steps"), toJsonArray(steps) } };
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

// --- Contact methods ------------------------------------------------------------------------

ContactMethod ContactMethod::fromJson(const JsonReader& r)
{
    ContactMethod c;
    c.id = readId(r[QStringLiteral("id")]);
    c.extId = r[QStringLiteral("extId")].toStringOrNumber();
    c.label = r.str(QStringLiteral("label"));
    c.value = r.str(QStringLiteral("value"));
    c.rank = readSmallInt(r[QStringLiteral("rank")], -1);
    c.deviceType = r.str(QStringLiteral("deviceType"));
    c.selfUrl = r.str(QStringLiteral("_selfUrl"));
    return c;
}

ContactMethod ContactMethod::fromSingle(const JsonReader& r)
{
    if (!r.value().isArray())
        return fromJson(r);
    const QList<ContactMethod> items = readElements<ContactMethod>(r);
    if (items.isEmpty() && r.ok())
        JsonReader(r).fail(QStringLiteral("expected one contact method, got an empty array"));
    return items.value(0);
}

QJsonObject ContactMethod::toJson() const
{
    QJsonObject o { { QStringLiteral("extId"), extId }, { QStringLiteral("label"), label },
        { QStringLiteral("deviceType"), deviceType } };
    if (id != 0)
        o.insert(QStringLiteral("id"), id);
    insertIfSet(o, QStringLiteral("value"), value);
    if (rank >= 0)
        o.insert(QStringLiteral("rank"), rank);
    insertIfSet(o, QStringLiteral("_selfUrl"), selfUrl);
    return o;
}

bool ContactMethod::operator==(const ContactMethod& other) const
{
    return id == other.id && extId == other.extId && label == other.label && value == other.value
        && rank == other.rank && deviceType == other.deviceType && selfUrl == other.selfUrl;
}

ContactMethodList ContactMethodList::fromJson(const JsonReader& r)
{
    return { readElements<ContactMethod>(r) };
}

QJsonValue ContactMethodList::toJsonValue() const { return toJsonArray(items); }

ContactMethods ContactMethods::fromJson(const JsonReader& r)
{
    ContactMethods m;
    m.devices = readList<ContactMethod>(r, QStringLiteral("devices"));
    m.emails = readList<ContactMethod>(r, QStringLiteral("emails"));
    m.phones = readList<ContactMethod>(r, QStringLiteral("phones"));
    return m;
}

QJsonObject ContactMethods::toJson() const
{
    return {
        { QStringLiteral("devices"), toJsonArray(devices) },
        { QStringLiteral("emails"), toJsonArray(emails) },
        { QStringLiteral("phones"), toJsonArray(phones) },
    };
}

DeviceUpdate DeviceUpdate::fromJson(const JsonReader& r)
{
    DeviceUpdate u;
    const auto read = [&r](const QString& field) -> std::optional<QString> {
        const JsonReader member = r[field];
        if (member.isNull())
            return std::nullopt;
        return member.toString();
    };
    u.label = read(QStringLiteral("device_label"));
    u.escalationSound = read(QStringLiteral("escalation_notification_sound"));
    u.chatSound = read(QStringLiteral("chat_escalation_sound"));
    u.resolvedSound = read(QStringLiteral("resolved_notification_sound"));
    return u;
}

QJsonObject DeviceUpdate::toJson() const
{
    QJsonObject o;
    insertIfSet(o, QStringLiteral("device_label"), label);
    insertIfSet(o, QStringLiteral("escalation_notification_sound"), escalationSound);
    insertIfSet(o, QStringLiteral("chat_escalation_sound"), chatSound);
    insertIfSet(o, QStringLiteral("resolved_notification_sound"), resolvedSound);
    return o;
}

// --- Calls ----------------------------------------------------------------------------------

namespace calls {

namespace {

PagingStep stepMember(const JsonReader& r)
{
    return PagingStep::fromJson(requiredObject(r, QStringLiteral("step")));
}

PagingRule ruleMember(const JsonReader& r)
{
    return PagingRule::fromJson(requiredObject(r, QStringLiteral("stepRule")));
}

QJsonObject contactBody(
    const QString& valueField, const QString& label, const QString& value, int rank)
{
    QJsonObject o { { QStringLiteral("label"), label }, { valueField, value } };
    if (rank >= 0)
        o.insert(QStringLiteral("rank"), rank);
    return o;
}

} // namespace

// Users

ApiCall<UserList> listUsers(ApiClient& client, CallPriority priority)
{
    return send<UserList>(client, request(ops::listUsers, {}, priority));
}

ApiCall<User> createUser(ApiClient& client, const UserPayload& user)
{
    return send<User>(client, withBody(request(ops::createUser), user.toJson()));
}

ApiCall<BatchUserResultList> createUsers(ApiClient& client, const QList<UserPayload>& users)
{
    QJsonArray body;
    for (const UserPayload& user : users)
        body.append(user.toJson());
    return send<BatchUserResultList>(client, withBody(request(ops::createUsers), body));
}

ApiCall<User> getUser(ApiClient& client, const QString& username, CallPriority priority)
{
    return send<User>(client, request(ops::getUser, { username }, priority));
}

ApiCall<User> updateUser(ApiClient& client, const QString& username, const UserPayload& user)
{
    return send<User>(client, withBody(request(ops::updateUser, { username }), user.toJson()));
}

ApiCall<NoContent> deleteUser(
    ApiClient& client, const QString& username, const DeleteUserRequest& replacement)
{
    // The definition wants a body even without a replacement: "{}".
    return sendNoContent(
        client, withBody(request(ops::deleteUser, { username }), replacement.toJson()));
}

ApiCall<UserTeamList> listUserTeams(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<UserTeamList>(client, request(ops::listUserTeams, { username }, priority));
}

ApiCall<UserPolicies> listUserPolicies(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<UserPolicies>(client, request(ops::listUserPolicies, { username }, priority));
}

// Personal paging policy values

ApiCall<NotificationTypeList> listNotificationTypes(ApiClient& client, CallPriority priority)
{
    return send<NotificationTypeList>(client, request(ops::listNotificationTypes, {}, priority));
}

ApiCall<ContactTypeList> listContactTypes(ApiClient& client, CallPriority priority)
{
    return send<ContactTypeList>(client, request(ops::listContactTypes, {}, priority));
}

ApiCall<TimeoutTypeList> listTimeoutTypes(ApiClient& client, CallPriority priority)
{
    return send<TimeoutTypeList>(client, request(ops::listTimeoutTypes, {}, priority));
}

// Personal paging policy

ApiCall<PersonalPagingPolicy> getPagingPolicy(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<PersonalPagingPolicy>(
        client, request(ops::getPagingPolicy, { username }, priority));
}

ApiCall<PagingStep> createPagingStep(
    ApiClient& client, const QString& username, const PagingStep& step)
{
    return sendWith(client,
        withBody(request(ops::createPagingStep, { username }), step.toPayload()), stepMember);
}

ApiCall<PagingStep> getPagingStep(
    ApiClient& client, const QString& username, int step, CallPriority priority)
{
    return sendWith(client,
        request(ops::getPagingStep, { username, QString::number(step) }, priority), stepMember);
}

ApiCall<PagingStep> updatePagingStep(
    ApiClient& client, const QString& username, int step, const PagingStep& content)
{
    return sendWith(client,
        withBody(request(ops::updatePagingStep, { username, QString::number(step) }),
            content.toPayload()),
        stepMember);
}

ApiCall<PagingRule> createPagingRule(
    ApiClient& client, const QString& username, int step, const PagingRule& rule)
{
    return sendWith(client,
        withBody(
            request(ops::createPagingRule, { username, QString::number(step) }), rule.toPayload()),
        ruleMember);
}

ApiCall<PagingRule> getPagingRule(
    ApiClient& client, const QString& username, int step, int rule, CallPriority priority)
{
    return sendWith(client,
        request(ops::getPagingRule, { username, QString::number(step), QString::number(rule) },
            priority),
        ruleMember);
}

ApiCall<PagingRule> updatePagingRule(
    ApiClient& client, const QString& username, int step, int rule, const PagingRule& content)
{
    return sendWith(client,
        withBody(request(ops::updatePagingRule,
                     { username, QString::number(step), QString::number(rule) }),
            content.toPayload()),
        ruleMember);
}

ApiCall<PagingRule> deletePagingRule(ApiClient& client, const QString& username, int step, int rule)
{
    return sendWith(client,
        request(ops::deletePagingRule, { username, QString::number(step), QString::number(rule) }),
        ruleMember);
}

// Contact methods

ApiCall<ContactMethods> getContactMethods(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<ContactMethods>(client, request(ops::getContactMethods, { username }, priority));
}

ApiCall<ContactMethodList> listContactDevices(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<ContactMethodList>(
        client, request(ops::listContactDevices, { username }, priority));
}

ApiCall<ContactMethod> getContactDevice(
    ApiClient& client, const QString& username, const QString& contactId, CallPriority priority)
{
    return sendWith(client, request(ops::getContactDevice, { username, contactId }, priority),
        &ContactMethod::fromSingle);
}

ApiCall<ContactMethod> updateContactDevice(ApiClient& client, const QString& username,
    const QString& contactId, const DeviceUpdate& update)
{
    return send<ContactMethod>(client,
        withBody(request(ops::updateContactDevice, { username, contactId }), update.toJson()));
}

ApiCall<ContactMethod> deleteContactDevice(
    ApiClient& client, const QString& username, const QString& contactId)
{
    return send<ContactMethod>(client, request(ops::deleteContactDevice, { username, contactId }));
}

ApiCall<ContactMethodList> listContactEmails(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<ContactMethodList>(client, request(ops::listContactEmails, { username }, priority));
}

ApiCall<ContactMethod> createContactEmail(ApiClient& client, const QString& username,
    const QString& label, const QString& address, int rank)
{
    return send<ContactMethod>(client,
        withBody(request(ops::createContactEmail, { username }),
            contactBody(QStringLiteral("email"), label, address, rank)));
}

ApiCall<ContactMethod> getContactEmail(
    ApiClient& client, const QString& username, const QString& contactId, CallPriority priority)
{
    return sendWith(client, request(ops::getContactEmail, { username, contactId }, priority),
        &ContactMethod::fromSingle);
}

ApiCall<ContactMethod> deleteContactEmail(
    ApiClient& client, const QString& username, const QString& contactId)
{
    return send<ContactMethod>(client, request(ops::deleteContactEmail, { username, contactId }));
}

ApiCall<ContactMethodList> listContactPhones(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<ContactMethodList>(client, request(ops::listContactPhones, { username }, priority));
}

ApiCall<ContactMethod> createContactPhone(ApiClient& client, const QString& username,
    const QString& label, const QString& number, int rank)
{
    return send<ContactMethod>(client,
        withBody(request(ops::createContactPhone, { username }),
            contactBody(QStringLiteral("phone"), label, number, rank)));
}

ApiCall<ContactMethod> getContactPhone(
    ApiClient& client, const QString& username, const QString& contactId, CallPriority priority)
{
    return sendWith(client, request(ops::getContactPhone, { username, contactId }, priority),
        &ContactMethod::fromSingle);
}

ApiCall<ContactMethod> deleteContactPhone(
    ApiClient& client, const QString& username, const QString& contactId)
{
    return send<ContactMethod>(client, request(ops::deleteContactPhone, { username, contactId }));
}

} // namespace calls

} // namespace rota
