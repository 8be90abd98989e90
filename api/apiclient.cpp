#include "apiclient.h"

#include "apilog.h"
#include "jsonreader.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace rota {

Q_LOGGING_CATEGORY(lcApi, "rota.api")

struct ApiClient::Flight {
    ApiRequest request;
    QString urlKey;
    QList<QPointer<ApiReply>> replies;
    int attempt = 0;
    quint64 ticket = 0;
    QElapsedTimer clock;
    QPointer<QNetworkReply> network;
};

void ApiReply::abandon()
{
    m_abandoned = true;
    deleteLater();
}

void ApiReply::complete(
    int status, const QByteArray& body, const std::any& value, const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_body = body;
    *m_value = value;
    m_error = error;
    if (!m_abandoned)
        Q_EMIT finished();
    deleteLater();
}

ApiClient::ApiClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(QString::fromLatin1(DefaultBaseUrl))
{
    connect(&m_scheduler, &RequestScheduler::budgetChanged, this, &ApiClient::budgetChanged);
}

static bool isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool ApiClient::isUrlAllowed(const QUrl& url, QString* error)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral(
            "The base URL must be a full address such as https://api.victorops.com.");
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return true;
    if (url.scheme() == QLatin1String("http")) {
        *error = QStringLiteral("Plain http would send the API key unencrypted; use https (http is "
                                "only allowed for this computer, e.g. a local simulator).");
        return false;
    }
    *error = QStringLiteral("The base URL must start with https://.");
    return false;
}

bool ApiClient::setBaseUrl(const QUrl& url, QString* error)
{
    if (!isUrlAllowed(url, error))
        return false;
    m_baseUrl = url;
    return true;
}

QUrl ApiClient::urlFor(const ApiRequest& request) const
{
    QUrl url = m_baseUrl;
    const QString basePath
        = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    // The path's segments are percent-encoded already (calls::seg): taken as they are, not
    // encoded a second time (DecodedMode would turn "%2F" into "%252F").
    url.setPath(basePath + request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

static ApiError errorFor(QNetworkReply* reply, int status, const QByteArray& body)
{
    ApiError error;
    error.httpStatus = status;
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError;
        error.kind = timedOut ? ApiErrorKind::Timeout : ApiErrorKind::Network;
        error.serverMessage = reply->errorString();
        return error;
    }
    if (status >= 200 && status < 300)
        return error;
    error.serverMessage
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    if (ok && retryAfter > 0)
        error.retryAfterSeconds = retryAfter;
    const bool rateLimitMessage
        = error.serverMessage.contains(QLatin1String("rate limit"), Qt::CaseInsensitive)
        || error.serverMessage.contains(QLatin1String("rate-limit"), Qt::CaseInsensitive)
        || error.serverMessage.contains(QLatin1String("too many"), Qt::CaseInsensitive);
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

static bool isIdempotent(const QByteArray& method)
{
    return method == "GET" || method == "PUT" || method == "DELETE" || method == "HEAD";
}

static bool isTransient(ApiErrorKind kind)
{
    return kind == ApiErrorKind::Network || kind == ApiErrorKind::Timeout
        || kind == ApiErrorKind::Server || kind == ApiErrorKind::Throttled;
}

ApiReply* ApiClient::send(const ApiRequest& request)
{
    auto* result = new ApiReply(this);
    const QUrl url = urlFor(request);
    QString problem;
    if (!isUrlAllowed(url, &problem)) {
        ApiError error;
        error.kind = ApiErrorKind::Config;
        error.serverMessage = problem;
        QTimer::singleShot(0, result, [result, error] { result->complete(0, {}, {}, error); });
        return result;
    }

    const QString urlKey = url.toString(QUrl::FullyEncoded);
    if (request.method == "GET") {
        if (auto shared = m_inFlightGets.value(urlKey).lock()) {
            // The same GET is already on its way: share its answer instead of spending budget.
            shared->replies.append(result);
            if (request.priority == RequestScheduler::Priority::User
                && shared->request.priority == RequestScheduler::Priority::Background
                && shared->ticket && m_scheduler.cancel(shared->ticket)) {
                shared->request.priority = RequestScheduler::Priority::User;
                startAttempt(shared);
            }
            return result;
        }
    }

    auto flight = std::make_shared<Flight>();
    flight->request = request;
    flight->urlKey = urlKey;
    flight->replies.append(result);
    flight->clock.start();
    if (request.method == "GET")
        m_inFlightGets.insert(urlKey, flight);
    startAttempt(flight);
    return result;
}

void ApiClient::startAttempt(const std::shared_ptr<Flight>& flight)
{
    flight->ticket
        = m_scheduler.enqueue(flight->request.operation, flight->request.priority, [this, flight] {
              flight->ticket = 0;
              bool anyoneWaiting = false;
              for (const auto& reply : std::as_const(flight->replies))
                  anyoneWaiting = anyoneWaiting || (reply && !reply->m_abandoned);
              if (!anyoneWaiting) {
                  m_inFlightGets.remove(flight->urlKey);
                  return;
              }
              QNetworkRequest networkRequest(urlFor(flight->request));
              networkRequest.setRawHeader("X-VO-Api-Id", m_credentials.apiId.toUtf8());
              networkRequest.setRawHeader("X-VO-Api-Key", m_credentials.apiKey.toUtf8());
              networkRequest.setRawHeader("Accept", "application/json");
              if (!flight->request.body.isEmpty())
                  networkRequest.setHeader(
                      QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
              networkRequest.setTransferTimeout(m_timeoutMs);
              networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                  QNetworkRequest::NoLessSafeRedirectPolicy);
              ++flight->attempt;
              QNetworkReply* reply = m_network->sendCustomRequest(
                  networkRequest, flight->request.method, flight->request.body);
              flight->network = reply;
              connect(reply, &QNetworkReply::finished, this,
                  [this, flight, reply] { finishAttempt(flight, reply); });
          });
}

void ApiClient::finishAttempt(const std::shared_ptr<Flight>& flight, QNetworkReply* reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const ApiError error = errorFor(reply, status, body);
    const QString& operation = flight->request.operation;

    if (error.kind == ApiErrorKind::Throttled) {
        // Hold the whole operation back; Retry-After when the server says, else doubling from 5 s.
        const qint64 delay = error.retryAfterSeconds > 0
            ? error.retryAfterSeconds * 1000LL
            : qMin<qint64>(60000, 5000LL << qMin(flight->attempt - 1, 4));
        m_scheduler.backOff(operation, delay);
    }
    const bool retry = isTransient(error.kind) && isIdempotent(flight->request.method)
        && flight->attempt < MaxAttempts;
    if (retry) {
        // Jitter spreads the retries of many clients; throttled calls wait for the scheduler
        // instead.
        const int base = m_retryBaseMs << (flight->attempt - 1);
        const int delay = error.kind == ApiErrorKind::Throttled
            ? 0
            : base / 2 + static_cast<int>(QRandomGenerator::global()->bounded(base));
        qCDebug(lcApi).noquote() << operation << status << apiErrorKindName(error.kind)
                                 << "retry in" << delay << "ms";
        QTimer::singleShot(delay, this, [this, flight] { startAttempt(flight); });
        return;
    }
    Q_EMIT exchanged(operation, status, flight->clock.elapsed(), error);
    deliver(flight, status, body, error);
}

void ApiClient::deliver(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
    const ApiError& error)
{
    m_inFlightGets.remove(flight->urlKey);
    std::any value;
    ApiError finalError = error;
    if (!error.isError() && flight->request.parse) {
        // Writes whose answer the definition leaves open may come back empty: that is no error.
        const bool emptyWrite = body.trimmed().isEmpty() && flight->request.method != "GET";
        const JsonReader reader
            = emptyWrite ? JsonReader(QJsonValue(QJsonValue::Null)) : JsonReader::fromBytes(body);
        if (reader.ok())
            value = flight->request.parse(reader);
        if (!reader.ok()) {
            finalError.kind = ApiErrorKind::BadResponse;
            finalError.serverMessage = reader.error();
            value.reset();
        }
    }
    for (const auto& reply : std::as_const(flight->replies)) {
        if (reply)
            reply->complete(status, body, value, finalError);
    }
}

} // namespace rota
