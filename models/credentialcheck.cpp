// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "credentialcheck.h"

#include "incidents.h"
#include "people.h"

#include <QTimer>

namespace rota {

CredentialCheck::CredentialCheck(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network)
{
    qRegisterMetaType<rota::CredentialCheck::Result>();
}

CredentialCheck::~CredentialCheck() { discardClient(); }

void CredentialCheck::start(
    const QUrl& baseUrl, const Credentials& credentials, const QString& caFile)
{
    discardClient();
    ++m_generation;
    m_running = true;
    m_baseUrl = baseUrl;
    m_credentials = credentials;
    m_displayName.clear();

    QString error;
    const auto refuse = [this](Outcome outcome, const QString& words) {
        // Later, like every other answer, so a caller never sees finished() inside start().
        QTimer::singleShot(0, this, [this, generation = m_generation, outcome, words] {
            if (generation == m_generation && m_running)
                finish(outcome, words);
        });
    };
    if (!ApiClient::isUrlAllowed(baseUrl, &error)) {
        refuse(Outcome::BadUrl, error);
        return;
    }
    std::optional<QList<QSslCertificate>> authorities;
    if (!caFile.isEmpty()) {
        authorities = ApiClient::loadCaFile(caFile, &error);
        if (!authorities) {
            refuse(Outcome::BadCaFile, error);
            return;
        }
    }
    m_client = new ApiClient(m_network, this);
    if (authorities)
        m_client->setExtraCaCertificates(*authorities);
    m_client->setBaseUrl(baseUrl, &error);
    m_client->setCredentials(credentials);
    m_client->setTransferTimeout(m_timeoutMs);
    m_client->setRetryBaseDelay(m_retryBaseMs);
    readUser();
}

void CredentialCheck::cancel()
{
    if (!m_running)
        return;
    discardClient();
    m_running = false;
    ++m_generation;
    Q_EMIT finished({ Outcome::Cancelled, tr("Cancelled."), {} });
}

QString CredentialCheck::host() const
{
    return m_baseUrl.port() > 0
        ? m_baseUrl.host() + QLatin1Char(':') + QString::number(m_baseUrl.port())
        : m_baseUrl.host();
}

void CredentialCheck::readUser()
{
    Q_EMIT progress(tr("Checking the API ID, the key and the username with %1…").arg(host()));
    const ApiCall<User> call = calls::getUser(*m_client, m_credentials.username);
    m_pending = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        const ApiError error = call.reply->error();
        const QString detail = error.userMessage();
        switch (error.kind) {
        case ApiErrorKind::None:
            m_displayName = call.value().displayName();
            probeWrite();
            return;
        case ApiErrorKind::Unauthorised:
        case ApiErrorKind::Forbidden:
            finish(Outcome::BadCredentials,
                tr("Splunk On-Call refused the API ID or the API key. Copy both again from "
                   "Integrations › API in Splunk On-Call; a key that was revoked no longer works."),
                detail);
            return;
        case ApiErrorKind::NotFound:
            finish(Outcome::UnknownUser,
                tr("The API key works, but Splunk On-Call has no user \"%1\". Check the "
                   "username: it is the VictorOps username, not the e-mail address.")
                    .arg(m_credentials.username),
                detail);
            return;
        case ApiErrorKind::Network:
        case ApiErrorKind::Timeout:
            finish(Outcome::Network,
                tr("Cannot reach %1. Check the network connection, the proxy in Settings and "
                   "the base URL.")
                    .arg(host()),
                detail);
            return;
        case ApiErrorKind::Throttled:
            finish(Outcome::Throttled,
                tr("Splunk On-Call's rate limit for this key was reached. Wait a minute and "
                   "try again."),
                detail);
            return;
        case ApiErrorKind::Config:
            finish(Outcome::BadUrl, detail);
            return;
        case ApiErrorKind::BadResponse:
            finish(Outcome::Failed,
                tr("%1 does not answer like Splunk On-Call. Check the base URL.").arg(host()),
                detail);
            return;
        case ApiErrorKind::BadRequest:
        case ApiErrorKind::Server:
        case ApiErrorKind::Tls:
            finish(Outcome::Untrusted,
                error.text() + QLatin1Char(' ')
                    + tr("If your company's network inspects secure connections with a "
                         "certificate authority of its own, choose that authority's file under "
                         "Advanced."),
                detail);
            return;
        case ApiErrorKind::Redirected:
        case ApiErrorKind::TooLarge:
            finish(Outcome::Failed, error.text(), detail);
            return;
        }
        finish(Outcome::Failed, error.text(), detail);
    });
}

// Acknowledging no incidents changes nothing, but the service checks the key's right to write
// before it looks at the list.
void CredentialCheck::probeWrite()
{
    Q_EMIT progress(tr("Checking whether the key may make changes…"));
    AckResolveRequest nothing;
    nothing.userName = m_credentials.username;
    const ApiCall<AckResolveResults> call = calls::ackIncidents(*m_client, nothing);
    m_pending = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, reply = call.reply] {
        const ApiError error = reply->error();
        const QString who = m_displayName.isEmpty() || m_displayName == m_credentials.username
            ? m_credentials.username
            : m_displayName + QStringLiteral(" (") + m_credentials.username + QLatin1Char(')');
        switch (error.kind) {
        case ApiErrorKind::None:
        case ApiErrorKind::BadRequest:
        case ApiErrorKind::BadResponse: // the write was accepted; its answer does not matter
            finish(Outcome::Ok, tr("Connected as %1. The key can read and make changes.").arg(who));
            return;
        case ApiErrorKind::Unauthorised:
        case ApiErrorKind::Forbidden:
            finish(Outcome::ReadOnly,
                tr("Connected as %1, but the key is read-only: Rota will show everything, and "
                   "acknowledging, resolving and every other change will be disabled.")
                    .arg(who),
                error.userMessage());
            return;
        case ApiErrorKind::Throttled:
            finish(Outcome::Throttled,
                tr("Connected as %1, but Splunk On-Call's rate limit for this key was reached "
                   "before Rota could tell whether it may make changes. Wait a minute and try "
                   "again.")
                    .arg(who),
                error.userMessage());
            return;
        default:
            finish(Outcome::Ok,
                tr("Connected as %1. Rota could not tell whether the key may make changes: %2")
                    .arg(who, error.text()),
                error.userMessage());
            return;
        }
    });
}

void CredentialCheck::finish(Outcome outcome, const QString& message, const QString& detail)
{
    discardClient();
    m_running = false;
    ++m_generation;
    Q_EMIT finished({ outcome, message, detail });
}

void CredentialCheck::discardClient()
{
    if (m_pending)
        m_pending->abandon();
    m_pending = nullptr;
    if (m_client) {
        // deleteLater: this may run inside a reply's finished(), whose client must outlive it.
        m_client->deleteLater();
        m_client = nullptr;
    }
}

} // namespace rota
