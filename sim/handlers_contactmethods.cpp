// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A user's contact methods: e-mail addresses, phone numbers and devices (UserContact,
// ContactDevice).
#include "simusers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace rota::sim {

namespace {

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

void registerContactMethodRoutes(SimRouter& router, SimContext& ctx)
{
    const QString methods = QStringLiteral("/api-public/v1/user/{user}/contact-methods");
    addRoute(router, ctx, "GET", methods, 60, allContactMethods);
    addRoute(router, ctx, "GET", methods + QStringLiteral("/devices"), 60, listDevices);
    addRoute(router, ctx, "GET", methods + QStringLiteral("/devices/{contactId}"), 60, getDevice);
    addRoute(
        router, ctx, "PUT", methods + QStringLiteral("/devices/{contactId}"), 60, updateDevice);
    addRoute(
        router, ctx, "DELETE", methods + QStringLiteral("/devices/{contactId}"), 60, deleteDevice);
    for (const ContactKind kind : { ContactKind::Email, ContactKind::Phone }) {
        const auto add = [&router, &ctx, kind](const char* method, const QString& pattern,
                             SimReply (*operation)(SimContext&, const SimRequest&, ContactKind)) {
            router.add(QByteArray(method), pattern, 60,
                [&ctx, operation, kind](
                    const SimRequest& request) { return operation(ctx, request, kind); });
        };
        const QString list = methods + QLatin1Char('/') + kindPath(kind);
        add("GET", list, listContacts);
        add("POST", list, addContact);
        add("GET", list + QStringLiteral("/{contactId}"), getContact);
        add("DELETE", list + QStringLiteral("/{contactId}"), deleteContact);
    }
}

} // namespace rota::sim
