// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "secretstore.h"

#include <qt6keychain/keychain.h>

namespace rota {

//! API keys in the OS keychain through QtKeychain (the Secret Service on Linux): service "rota",
//! one entry per account id. Jobs are asynchronous; never the insecure fallback, so a missing or
//! locked keychain is an error (Unavailable or Denied, with the keychain's words) and the caller
//! decides, e.g. to keep the key in a MemorySecretStore for this run only.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    static constexpr const char* ServiceName = "rota";

    explicit KeychainSecretStore(QObject* parent = nullptr);

    void read(const QString& accountId, QObject* context, Done done) override;
    void write(
        const QString& accountId, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& accountId, QObject* context, Done done) override;
    bool isVolatile() const override { return false; }

    //! How long to wait for the keychain before answering Unavailable ("did not answer"); 0 waits
    //! for ever. The default, two minutes, leaves time to type a password into an unlock prompt.
    //! The keychain's job itself cannot be cancelled: QtKeychain runs one job at a time, so the
    //! jobs after one that hangs wait (and time out) too.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    //! QtKeychain's error, with its words, as a SecretError: EntryNotFound -> NotFound,
    //! NoBackendAvailable/NotImplemented -> Unavailable, AccessDenied(ByUser) -> Denied. The
    //! libsecret backend reports "no D-Bus session", "no Secret Service" and "no collection" as
    //! OtherError; those are recognised by their words and are Unavailable, a dismissed unlock
    //! prompt is Denied.
    static SecretError errorFor(QKeychain::Error error, const QString& message);

private:
    void start(QKeychain::Job* job, QObject* context, Done done);

    int m_timeoutMs = 120000;
};

} // namespace rota
