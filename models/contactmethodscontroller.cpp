// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "contactmethodscontroller.h"

#include "apiclient.h"
#include "contactmethodsstore.h"
#include "heldcalls.h"
#include "orgdirectory.h"
#include "writeoutcome.h"

namespace rota {

ContactMethodsController::ContactMethodsController(
    ApiClient* client, ContactMethodsStore* store, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_username(client->credentials().username)
{
}

void ContactMethodsController::begin()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void ContactMethodsController::end()
{
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

void ContactMethodsController::load()
{
    const QString user = m_username;
    begin();
    const auto methods = calls::getContactMethods(*m_client, user);
    connect(methods.reply, &ApiReply::finished, this, [this, methods, user] {
        end();
        if (user != m_username)
            return; // another user was picked meanwhile
        if (!methods.reply->ok()) {
            Q_EMIT failed(tr("Could not read the contact methods of %1: %2")
                              .arg(user, methods.reply->error().text()));
            return;
        }
        if (m_store)
            m_store->setMethods(methods.value());
    });
    begin();
    const auto policies = calls::listUserPolicies(*m_client, user);
    connect(policies.reply, &ApiReply::finished, this, [this, policies, user] {
        end();
        if (user != m_username)
            return;
        if (!policies.reply->ok()) {
            Q_EMIT failed(tr("Could not read the escalation policies of %1: %2")
                              .arg(user, policies.reply->error().text()));
            return;
        }
        if (m_store)
            m_store->setPolicies(policies.value());
    });
}

void ContactMethodsController::track(ApiReply* reply, const QString& success,
    const QString& failure, const QString& what, const QString& cancelled)
{
    begin();
    // The client may outlive the controller (HeldCalls goes with it).
    HeldCalls::of(m_client)->track(
        reply, what, [self = QPointer<ContactMethodsController>(this), cancelled] {
            if (!self)
                return;
            self->end();
            Q_EMIT self->failed(cancelled);
            // A renamed device shows the name typed: the list read again shows the service's.
            self->load();
        });
    connect(reply, &ApiReply::finished, this, [this, reply, success, failure] {
        end();
        if (!reply->ok()) {
            if (answerLost(reply->error())) {
                // It may have been applied (a second add would add the contact twice): the
                // list read again shows what the service has.
                Q_EMIT failed(failure.arg(
                    tr("the answer from Splunk On-Call was lost, so it may have been done after "
                       "all. The list is read again; check it before trying again.")));
                load();
                return;
            }
            Q_EMIT failed(failure.arg(reply->error().text()));
            return;
        }
        Q_EMIT done(success);
        load();
    });
}

void ContactMethodsController::addEmail(const QString& label, const QString& address)
{
    track(calls::createContactEmail(*m_client, m_username, label, address).reply,
        tr("Added the e-mail address %1.").arg(address), tr("Could not add the e-mail address: %1"),
        tr("Add the e-mail address %1").arg(address),
        tr("Adding the e-mail address %1 was cancelled; nothing was sent.").arg(address));
}

void ContactMethodsController::addPhone(const QString& label, const QString& number)
{
    track(calls::createContactPhone(*m_client, m_username, label, number).reply,
        tr("Added the phone number %1.").arg(number), tr("Could not add the phone number: %1"),
        tr("Add the phone number %1").arg(number),
        tr("Adding the phone number %1 was cancelled; nothing was sent.").arg(number));
}

void ContactMethodsController::deleteEmail(const QString& extId)
{
    track(calls::deleteContactEmail(*m_client, m_username, extId).reply,
        tr("Deleted the e-mail address; paging rules that used it went with it."),
        tr("Could not delete the e-mail address: %1"),
        tr("Delete the e-mail address %1").arg(shown(extId)),
        tr("Deleting the e-mail address %1 was cancelled; nothing was sent.").arg(shown(extId)));
}

void ContactMethodsController::deletePhone(const QString& extId)
{
    track(calls::deleteContactPhone(*m_client, m_username, extId).reply,
        tr("Deleted the phone number; paging rules that used it went with it."),
        tr("Could not delete the phone number: %1"),
        tr("Delete the phone number %1").arg(shown(extId)),
        tr("Deleting the phone number %1 was cancelled; nothing was sent.").arg(shown(extId)));
}

void ContactMethodsController::deleteDevice(const QString& extId)
{
    track(calls::deleteContactDevice(*m_client, m_username, extId).reply, tr("Deleted the device."),
        tr("Could not delete the device: %1"), tr("Delete the device %1").arg(shown(extId)),
        tr("Deleting the device %1 was cancelled; nothing was sent.").arg(shown(extId)));
}

void ContactMethodsController::renameDevice(const QString& extId, const QString& label)
{
    DeviceUpdate update;
    update.label = label;
    track(calls::updateContactDevice(*m_client, m_username, extId, update).reply,
        tr("Renamed the device to %1.").arg(label), tr("Could not rename the device: %1"),
        tr("Rename the device to %1").arg(label),
        tr("Renaming the device to %1 was cancelled; nothing was sent.").arg(label));
}

QString ContactMethodsController::shown(const QString& extId) const
{
    if (m_store) {
        const ContactMethods& methods = m_store->methods();
        for (const QList<ContactMethod>* kind :
            { &methods.emails, &methods.phones, &methods.devices }) {
            for (const ContactMethod& method : *kind) {
                if (method.extId != extId)
                    continue;
                if (!method.value.isEmpty())
                    return method.value;
                if (!method.label.isEmpty())
                    return method.label;
            }
        }
    }
    return extId;
}

void ContactMethodsController::loadUsers()
{
    OrgDirectory* users = m_store ? m_store->directory() : nullptr;
    if (!users)
        return;
    if (users->hasUsers()) {
        emitUsers();
        return;
    }
    // Without the list the picker keeps only the signed-in user.
    disconnect(m_usersWait);
    m_usersWait = connect(users, &OrgDirectory::usersChanged, this, [this] {
        disconnect(m_usersWait);
        emitUsers();
    });
    users->ensureLoaded(RequestScheduler::Priority::Background);
}

void ContactMethodsController::emitUsers()
{
    OrgDirectory* users = m_store ? m_store->directory() : nullptr;
    if (!users)
        return;
    QStringList names;
    for (const User& user : users->users())
        names.append(user.username);
    names.sort(Qt::CaseInsensitive);
    Q_EMIT usersLoaded(names);
}

} // namespace rota
