// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace rota {

//! Why a secret could not be read, written or removed.
enum class SecretError {
    None,
    NotFound, //!< no entry for this account
    Unavailable, //!< no keychain service (no Secret Service on the session bus, no D-Bus)
    Denied, //!< the keychain is locked and was not unlocked, or access was refused
    Other,
};

struct SecretResult {
    SecretError error = SecretError::None;
    QString secret; //!< the key, for reads
    QString message; //!< the keychain's own words, for the log and the dialog (never the secret)
    bool ok() const { return error == SecretError::None; }
};

//! Where API keys live: asynchronous only (a keychain may ask the user to unlock it). The callback
//! runs once, on the thread of `context`, unless `context` was destroyed first.
//! Entries are named by account id; implementations use the service name "rota".
class SecretStore : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const SecretResult&)>;
    using QObject::QObject;

    virtual void read(const QString& accountId, QObject* context, Done done) = 0;
    virtual void write(const QString& accountId, const QString& secret, QObject* context, Done done)
        = 0;
    virtual void remove(const QString& accountId, QObject* context, Done done) = 0;
    //! True for the in-memory store: the key is lost when Rota quits.
    virtual bool isVolatile() const = 0;
};

//! Keeps keys in memory for this run only: the user's choice when the keychain is missing or
//! locked, and the store of tests that do not test the keychain itself. Never touches a file.
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void read(const QString& accountId, QObject* context, Done done) override;
    void write(
        const QString& accountId, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& accountId, QObject* context, Done done) override;
    bool isVolatile() const override { return true; }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace rota
