#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace rota {

//! Who the client acts as. The key is a secret: never log it, never put it in a URL or a file.
struct Credentials {
    QString apiId;
    QString apiKey;
    QString username; //!< the acting VictorOps user, for calls that need one
};

//! One call to send: the operation (method + the documented path pattern, for rate limits), the
//! concrete path, query and JSON body.
struct ApiRequest {
    QByteArray method;
    QString operation; //!< e.g. "GET /api-public/v1/incidents/{incidentNumber}"
    QString path; //!< e.g. "/api-public/v1/incidents/42"
    QUrlQuery query;
    QByteArray body; //!< JSON; empty for none
};

//! A pending call. Emits finished() exactly once; then ok(), json() and error() are valid.
//! Deletes itself after finished() has been delivered (deleteLater); abandon() drops the call.
class ApiReply : public QObject {
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    const ApiError &error() const { return m_error; }
    //! Stops caring about the result: finished() will not be emitted.
    void abandon();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    explicit ApiReply(QObject *parent)
        : QObject(parent)
    {
    }
    void complete(int status, QByteArray body, ApiError error);

    bool m_finished = false;
    bool m_abandoned = false;
    int m_status = 0;
    QByteArray m_body;
    ApiError m_error;
    QPointer<QNetworkReply> m_network;
};

//! The one gateway to the Splunk On-Call API: base URL, credentials, transfer timeout.
class ApiClient : public QObject {
    Q_OBJECT
public:
    static constexpr const char *DefaultBaseUrl = "https://api.victorops.com";

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    //! Refuses (returns false and sets *error) plain http to anything but a loopback host, and
    //! URLs without a host.
    bool setBaseUrl(const QUrl &url, QString *error);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    const Credentials &credentials() const { return m_credentials; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }

    ApiReply *send(const ApiRequest &request);

    static bool isUrlAllowed(const QUrl &url, QString *error);

private:
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    int m_timeoutMs = 30000;
};

} // namespace rota
