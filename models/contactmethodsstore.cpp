#include "contactmethodsstore.h"

#include "apiclient.h"
#include "orgdirectory.h"

namespace rota {

ContactMethodsStore::ContactMethodsStore(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_username(client->credentials().username)
{
}

void ContactMethodsStore::begin()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void ContactMethodsStore::end()
{
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

void ContactMethodsStore::load()
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
        m_methods = methods.value();
        Q_EMIT changed();
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
        m_policies = policies.value();
        Q_EMIT policiesChanged();
    });
}

void ContactMethodsStore::track(ApiReply* reply, const QString& success, const QString& failure)
{
    begin();
    connect(reply, &ApiReply::finished, this, [this, reply, success, failure] {
        end();
        if (!reply->ok()) {
            Q_EMIT failed(failure.arg(reply->error().text()));
            return;
        }
        Q_EMIT done(success);
        load();
    });
}

void ContactMethodsStore::addEmail(const QString& label, const QString& address)
{
    track(calls::createContactEmail(*m_client, m_username, label, address).reply,
        tr("Added the e-mail address %1.").arg(address),
        tr("Could not add the e-mail address: %1"));
}

void ContactMethodsStore::addPhone(const QString& label, const QString& number)
{
    track(calls::createContactPhone(*m_client, m_username, label, number).reply,
        tr("Added the phone number %1.").arg(number), tr("Could not add the phone number: %1"));
}

void ContactMethodsStore::deleteEmail(const QString& extId)
{
    track(calls::deleteContactEmail(*m_client, m_username, extId).reply,
        tr("Deleted the e-mail address; paging rules that used it went with it."),
        tr("Could not delete the e-mail address: %1"));
}

void ContactMethodsStore::deletePhone(const QString& extId)
{
    track(calls::deleteContactPhone(*m_client, m_username, extId).reply,
        tr("Deleted the phone number; paging rules that used it went with it."),
        tr("Could not delete the phone number: %1"));
}

void ContactMethodsStore::deleteDevice(const QString& extId)
{
    track(calls::deleteContactDevice(*m_client, m_username, extId).reply, tr("Deleted the device."),
        tr("Could not delete the device: %1"));
}

void ContactMethodsStore::renameDevice(const QString& extId, const QString& label)
{
    DeviceUpdate update;
    update.label = label;
    track(calls::updateContactDevice(*m_client, m_username, extId, update).reply,
        tr("Renamed the device to %1.").arg(label), tr("Could not rename the device: %1"));
}

void ContactMethodsStore::setDirectory(OrgDirectory* directory)
{
    if (!directory || directory == m_directory)
        return;
    disconnect(m_usersWait);
    disconnect(m_policyNames);
    m_directory = directory;
    // Policy names arriving change how the policies read.
    m_policyNames = connect(
        directory, &OrgDirectory::policiesChanged, this, &ContactMethodsStore::policiesChanged);
}

OrgDirectory* ContactMethodsStore::directory()
{
    if (!m_directory)
        setDirectory(new OrgDirectory(m_client, this));
    return m_directory;
}

QString ContactMethodsStore::policyName(const QString& policySlug)
{
    const QString name = directory()->policyBySlug(policySlug);
    return name.isEmpty() ? policySlug : name;
}

void ContactMethodsStore::loadUsers()
{
    OrgDirectory* users = directory();
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

void ContactMethodsStore::emitUsers()
{
    QStringList names;
    for (const User& user : directory()->users())
        names.append(user.username);
    names.sort(Qt::CaseInsensitive);
    Q_EMIT usersLoaded(names);
}

} // namespace rota
