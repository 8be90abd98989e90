// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;
class ContactMethodsStore;

//! Reads one user's contact methods and the escalation policies they are on into a
//! ContactMethodsStore, and makes the changes the API allows: add and delete e-mails and phones,
//! relabel and delete devices. Every change re-reads the contact methods afterwards; errors come
//! as words in failed(). A change held back by the API's rate limit is listed in HeldCalls ("Add
//! the e-mail address ada@example.com"); cancelled there, nothing is sent, failed() says so, and
//! the list is read again.
class ContactMethodsController : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned. The user is the client's until setUsername().
    ContactMethodsController(
        ApiClient* client, ContactMethodsStore* store, QObject* parent = nullptr);

    void setUsername(const QString& username) { m_username = username; }
    QString username() const { return m_username; }
    ContactMethodsStore* store() const { return m_store; }
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
    //! The organisation's usernames (for the user picker) from the store's directory, which reads
    //! them when it does not have them; answers with usersLoaded(). Without a directory there is
    //! no answer (the picker keeps the signed-in user).
    void loadUsers();

Q_SIGNALS:
    //! `message` says what was done ("Added e-mail Work.").
    void done(const QString& message);
    void failed(const QString& message);
    void busyChanged(bool busy);
    void usersLoaded(const QStringList& usernames);

private:
    //! `what` lists the change in HeldCalls while it is held back; `cancelled` is said when it is
    //! cancelled there.
    void track(ApiReply* reply, const QString& success, const QString& failure, const QString& what,
        const QString& cancelled);
    //! A contact method in words (its address or number, a device's label); the id when unknown.
    QString shown(const QString& extId) const;
    void begin();
    void end();
    void emitUsers();

    ApiClient* m_client;
    QPointer<ContactMethodsStore> m_store;
    QMetaObject::Connection m_usersWait;
    QString m_username;
    int m_pending = 0;
};

} // namespace rota
