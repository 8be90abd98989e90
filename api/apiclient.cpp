#include "apiclient.h"

#include "apilog.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace rota {

Q_LOGGING_CATEGORY(lcApi, "rota.api")

void ApiReply::abandon()
{
    m_abandoned = true;
    if (m_network)
        m_network->abort();
    deleteLater();
}

void ApiReply::complete(int status, QByteArray body, ApiError error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_body = std::move(body);
    m_error = std::move(error);
    if (!m_abandoned)
        Q_EMIT finished();
    deleteLater();
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(QString::fromLatin1(DefaultBaseUrl))
{
}

static bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool ApiClient::isUrlAllowed(const QUrl &url, QString *error)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("The base URL must be a full address such as https://api.victorops.com.");
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return true;
    if (url.scheme() == QLatin1String("http")) {
        *error = QStringLiteral("Plain http would send the API key unencrypted; use https (http is only allowed for this computer, e.g. a local simulator).");
        return false;
    }
    *error = QStringLiteral("The base URL must start with https://.");
    return false;
}

bool ApiClient::setBaseUrl(const QUrl &url, QString *error)
{
    if (!isUrlAllowed(url, error))
        return false;
    m_baseUrl = url;
    return true;
}

static QString messageFromBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.object().value(QStringLiteral("message")).toString();
}

static ApiError errorFor(QNetworkReply *reply, int status, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = status;
    error.serverMessage = messageFromBody(body);
    if (status == 0) {
        error.kind = reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError
            ? ApiErrorKind::Timeout
            : ApiErrorKind::Network;
        error.serverMessage = reply->errorString();
        return error;
    }
    if (status >= 200 && status < 300) {
        error.kind = ApiErrorKind::None;
        return error;
    }
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    if (ok && retryAfter > 0)
        error.retryAfterSeconds = retryAfter;
    const bool rateLimitMessage = error.serverMessage.contains(QLatin1String("rate limit"), Qt::CaseInsensitive)
        || error.serverMessage.contains(QLatin1String("rate-limit"), Qt::CaseInsensitive);
    if (status == 429 || (status == 403 && rateLimitMessage))
        error.kind = ApiErrorKind::Throttled;
    else if (status == 401)
        error.kind = ApiErrorKind::Unauthorised;
    else if (status == 403)
        error.kind = ApiErrorKind::Forbidden;
    else if (status == 404)
        error.kind = ApiErrorKind::NotFound;
    else if (status >= 500)
        error.kind = ApiErrorKind::Server;
    else
        error.kind = ApiErrorKind::BadRequest;
    return error;
}

ApiReply *ApiClient::send(const ApiRequest &request)
{
    auto *result = new ApiReply(this);
    QUrl url = m_baseUrl;
    url.setPath(request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);

    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader("X-VO-Api-Id", m_credentials.apiId.toUtf8());
    networkRequest.setRawHeader("X-VO-Api-Key", m_credentials.apiKey.toUtf8());
    networkRequest.setRawHeader("Accept", "application/json");
    if (!request.body.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    networkRequest.setTransferTimeout(m_timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    result->m_network = reply;
    const QString operation = request.operation;
    connect(reply, &QNetworkReply::finished, result, [result, reply, operation]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        ApiError error = errorFor(reply, status, body);
        qCDebug(lcApi).noquote() << operation << status << apiErrorKindName(error.kind);
        result->complete(status, body, std::move(error));
    });
    return result;
}

} // namespace rota
