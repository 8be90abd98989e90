// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "secretstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace rota {

// Answers from the event loop, like a real keychain, so callers never see a re-entrant callback.
static void answerLater(QObject* context, SecretStore::Done done, SecretResult result)
{
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, context, [guard, done = std::move(done), result = std::move(result)] {
        if (guard)
            done(result);
    });
}

void MemorySecretStore::read(const QString& accountId, QObject* context, Done done)
{
    SecretResult result;
    auto it = m_secrets.constFind(accountId);
    if (it == m_secrets.constEnd()) {
        result.error = SecretError::NotFound;
        result.message = QCoreApplication::translate(
            "rota::SecretStore", "No key is kept for this account in this session.");
    } else {
        result.secret = *it;
    }
    answerLater(context, std::move(done), result);
}

void MemorySecretStore::write(
    const QString& accountId, const QString& secret, QObject* context, Done done)
{
    m_secrets.insert(accountId, secret);
    answerLater(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString& accountId, QObject* context, Done done)
{
    m_secrets.remove(accountId);
    answerLater(context, std::move(done), {});
}

} // namespace rota
