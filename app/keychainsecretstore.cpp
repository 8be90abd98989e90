// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "keychainsecretstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace rota {

namespace {

// Its own category: rota and rotactl both link this store, and only rota has rota.app's.
Q_LOGGING_CATEGORY(lcKeychain, "rota.app.keychain")

//! The answer of one job, given once: by the job, or by the timeout, whichever comes first.
struct Pending {
    SecretStore::Done done;
    QPointer<QObject> context;
    bool answered = false;

    void answer(const SecretResult& result)
    {
        if (answered)
            return;
        answered = true;
        if (context)
            done(result);
    }
};

bool mentionsAny(const QString& text, std::initializer_list<const char*> needles)
{
    return std::any_of(needles.begin(), needles.end(), [&text](const char* needle) {
        return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
    });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : SecretStore(parent)
{
}

SecretError KeychainSecretStore::errorFor(QKeychain::Error error, const QString& message)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretError::None;
    case QKeychain::EntryNotFound:
        return SecretError::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretError::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretError::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret passes GLib's D-Bus errors through as OtherError: no session bus, no Secret
    // Service on it, no way to start one. To people these are "there is no keychain".
    if (mentionsAny(message,
            { "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NoServer",
                "org.freedesktop.DBus.Error.Spawn", "org.freedesktop.DBus.Error.NoReply",
                "not provided by any .service files", "Cannot autolaunch D-Bus",
                "Could not connect", "dbus-launch", "D-Bus is not running" }))
        return SecretError::Unavailable;
    // A Secret Service without a default collection that could not make one (no prompt to ask
    // for its password): there is a service but no keychain to keep anything in.
    if (mentionsAny(message, { "Object does not exist at path" })
        && mentionsAny(message, { "/org/freedesktop/secrets/" }))
        return SecretError::Unavailable;
    // A dismissed unlock prompt: the user said no.
    if (mentionsAny(message, { "dismissed", "cancelled", "canceled", "is locked" }))
        return SecretError::Denied;
    return SecretError::Other;
}

void KeychainSecretStore::start(QKeychain::Job* job, QObject* context, Done done)
{
    // The job deletes itself after finishing and is never parented to us or deleted early:
    // QtKeychain's libsecret backend calls back into the job, so an early delete would crash.
    Q_ASSERT(context);
    job->setAutoDelete(true);
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->context = context;
    const bool isRead = qobject_cast<QKeychain::ReadPasswordJob*>(job) != nullptr;
    const bool isRemove = qobject_cast<QKeychain::DeletePasswordJob*>(job) != nullptr;
    const QString key = job->key();
    connect(job, &QKeychain::Job::finished, context,
        [pending, isRead, isRemove, key](QKeychain::Job* finished) {
            SecretResult result;
            result.error = errorFor(finished->error(), finished->errorString());
            // Removing what is not there leaves the keychain as asked, as MemorySecretStore does.
            if (isRemove && result.error == SecretError::NotFound)
                result.error = SecretError::None;
            if (result.ok()) {
                if (isRead)
                    result.secret = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
            } else {
                result.message = finished->errorString();
                if (result.message.isEmpty())
                    result.message = QCoreApplication::translate(
                        "rota::KeychainSecretStore", "The keychain gave no reason.");
                // No entry is an answer, not a problem worth a line in the log.
                if (result.error == SecretError::NotFound)
                    qCDebug(lcKeychain) << "keychain: no entry" << key;
                else
                    qCInfo(lcKeychain) << "keychain: entry" << key << "failed:" << result.message;
            }
            pending->answer(result);
        });
    if (m_timeoutMs > 0) {
        const int seconds = (m_timeoutMs + 999) / 1000;
        QTimer::singleShot(m_timeoutMs, context, [pending, seconds, key] {
            if (pending->answered)
                return;
            qCWarning(lcKeychain) << "keychain: no answer for entry" << key << "within" << seconds
                                  << "s";
            SecretResult result;
            result.error = SecretError::Unavailable;
            result.message = QCoreApplication::translate("rota::KeychainSecretStore",
                "The keychain did not answer within %n second(s).", nullptr, seconds);
            pending->answer(result);
        });
    }
    job->start();
}

void KeychainSecretStore::read(const QString& accountId, QObject* context, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(QLatin1String(ServiceName));
    job->setInsecureFallback(false);
    job->setKey(accountId);
    start(job, context, std::move(done));
}

void KeychainSecretStore::write(
    const QString& accountId, const QString& secret, QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(QLatin1String(ServiceName));
    job->setInsecureFallback(false);
    job->setKey(accountId);
    job->setTextData(secret);
    start(job, context, std::move(done));
}

void KeychainSecretStore::remove(const QString& accountId, QObject* context, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(QLatin1String(ServiceName));
    job->setInsecureFallback(false);
    job->setKey(accountId);
    start(job, context, std::move(done));
}

} // namespace rota
