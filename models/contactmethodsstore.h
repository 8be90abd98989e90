#pragma once

#include "people.h"

#include <QObject>

namespace rota {

class ApiClient;
class OrgDirectory;

//! One user's contact methods (e-mails, phones, devices) and the escalation policies they are on,
//! with the changes the API allows: add and delete e-mails and phones, relabel and delete devices.
//! Every change re-reads the contact methods afterwards; errors come as words in failed().
class ContactMethodsStore : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned.
    explicit ContactMethodsStore(ApiClient* client, QObject* parent = nullptr);

    void setUsername(const QString& username) { m_username = username; }
    QString username() const { return m_username; }

    const ContactMethods& methods() const { return m_methods; }
    const UserPolicies& policies() const { return m_policies; }
    bool isBusy() const { return m_pending > 0; }

    //! Reads the contact methods and the user's escalation policies.
    void load();
    void addEmail(const QString& label, const QString& address);
    void addPhone(const QString& label, const QString& number);
    //! `extId` is ContactMethod::extId.
    void deleteEmail(const QString& extId);
    void deletePhone(const QString& extId);
    void deleteDevice(const QString& extId);
    void renameDevice(const QString& extId, const QString& label);
    //! The organisation's usernames (for the user picker) from the directory, which reads them
    //! when it does not have them; answers with usersLoaded().
    void loadUsers();

    //! Where the org's users and policy names come from: the session's directory (not owned).
    //! Until one is set the store uses one of its own.
    void setDirectory(OrgDirectory* directory);
    OrgDirectory* directory();
    //! The escalation policy's name, or the slug while the name is unknown.
    QString policyName(const QString& policySlug);

Q_SIGNALS:
    void changed();
    void policiesChanged();
    //! `message` says what was done ("Added e-mail Work.").
    void done(const QString& message);
    void failed(const QString& message);
    void busyChanged(bool busy);
    void usersLoaded(const QStringList& usernames);

private:
    void track(ApiReply* reply, const QString& success, const QString& failure);
    void begin();
    void end();

    void emitUsers();

    ApiClient* m_client;
    OrgDirectory* m_directory = nullptr;
    QMetaObject::Connection m_usersWait;
    QMetaObject::Connection m_policyNames;
    QString m_username;
    ContactMethods m_methods;
    UserPolicies m_policies;
    int m_pending = 0;
};

} // namespace rota
