// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apiclient.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace rota {

class ApiClient;
class ApiReply;

//! "Test connection": checks a base URL, API ID, key and username with a temporary ApiClient, as
//! cheaply as the API allows. First GET /user/{username} (a read: proves the ID and key, and that
//! the user exists), then a write that changes nothing, PATCH /incidents/ack with no incidents:
//! 403 means the key is read-only, 200 or 400 that it may write.
class CredentialCheck : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Ok, //!< reads and writes work
        ReadOnly, //!< reads work, writes are refused: actions will be disabled
        BadUrl, //!< the base URL is refused before anything is sent
        BadCaFile, //!< the extra certificate authority's file cannot be used; nothing is sent
        Untrusted, //!< the server's certificate is not trusted (nothing of the request was sent)
        BadCredentials, //!< 401/403 on the read
        UnknownUser, //!< 404 on the read
        Network, //!< no connection, DNS, TLS, timeout
        Throttled, //!< the rate limit answered instead
        Failed, //!< anything else (server error, an answer that is not Splunk On-Call's)
        Cancelled,
    };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Cancelled;
        QString message; //!< what is wrong (or right), in words; never the key
        QString detail; //!< the server's or transport's own words, when any
        //! True when the credentials may be saved (Ok or ReadOnly).
        bool usable() const { return outcome == Outcome::Ok || outcome == Outcome::ReadOnly; }
    };

    //! `network` (not owned) carries the calls; the application's proxy settings apply.
    explicit CredentialCheck(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~CredentialCheck() override;

    //! Starts checking; a check already running is cancelled first (without finished()).
    //! finished() always comes later, from the event loop, even for a bad URL. `caFile`, when
    //! not empty, is a PEM file of certificate authorities trusted besides the system's
    //! (Account::caFile); one that cannot be read ends the check as BadCaFile.
    void start(const QUrl& baseUrl, const Credentials& credentials, const QString& caFile = {});
    //! Abandons the running check; emits finished() with Cancelled. No-op when idle.
    void cancel();
    bool isRunning() const { return m_running; }

    //! How long one exchange may take (default 15 s).
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    //! Base of the client's retry back-off for the read (tests shorten it).
    void setRetryBaseDelay(int ms) { m_retryBaseMs = ms; }

Q_SIGNALS:
    //! What is happening now, e.g. "Checking the API key…", for a progress label.
    void progress(const QString& text);
    void finished(const rota::CredentialCheck::Result& result);

private:
    void readUser();
    void probeWrite();
    void finish(Outcome outcome, const QString& message, const QString& detail = {});
    void discardClient();
    QString host() const;

    QNetworkAccessManager* m_network;
    ApiClient* m_client = nullptr;
    QPointer<ApiReply> m_pending;
    QUrl m_baseUrl;
    Credentials m_credentials;
    QString m_displayName; //!< of the user, once read
    quint64 m_generation = 0; //!< tells a stale deferred answer from the current check's
    int m_timeoutMs = 15000;
    int m_retryBaseMs = 1000;
    bool m_running = false;
};

} // namespace rota

Q_DECLARE_METATYPE(rota::CredentialCheck::Result)
