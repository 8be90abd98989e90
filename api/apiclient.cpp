// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "apiclient.h"

#include "apilog.h"
#include "jsonreader.h"
#include "operations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>

#include <utility>
#include <vector>
#include <zlib.h>

namespace rota {

Q_LOGGING_CATEGORY(lcApi, "rota.api")

std::atomic<int> ApiClient::s_liveReplies { 0 };

//! Counts the parses handed to a worker; its release / acquire orders each hand-over.
static std::atomic<unsigned> s_handOvers { 0 };

struct ApiClient::Flight {
    ApiRequest request;
    QString urlKey;
    QList<QPointer<ApiReply>> replies;
    qint64 maxReplyBytes = 0;
    bool positional = false;
    int attempt = 0;
    quint64 ticket = 0;
    QElapsedTimer clock;
    QPointer<QNetworkReply> network;
    //! An earlier attempt was sent and no answer came back: the server may have applied it.
    bool answerLost = false;
    // What happened to the current attempt besides what the QNetworkReply tells.
    bool tooLarge = false;
    bool pastDeadline = false;
    QList<QSslError> sslErrors;

    bool wanted() const
    {
        for (const auto& reply : replies) {
            if (reply && !reply->m_abandoned)
                return true;
        }
        return false;
    }
};

// Not in an anonymous namespace: ApiClient::Parse holds an Inflated.
namespace gzip {

enum class Inflated { Ok, TooLarge, Broken };

//! Decodes a gzip body (RFC 1952) into `out`, never past `cap` bytes: an answer that would
//! inflate further (a "gzip bomb" or only a big one) stops there, its memory never taken.
Inflated gunzip(const QByteArray& in, qint64 cap, QByteArray* out)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) // 16: the gzip wrapper, not zlib's
        return Inflated::Broken;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.constData()));
    stream.avail_in = static_cast<uInt>(in.size());
    QByteArray decoded;
    std::vector<char> chunk(256 * 1024);
    Inflated result = Inflated::Broken;
    for (;;) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        const int rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break; // corrupt, or cut short (Z_BUF_ERROR: no input left before the end)
        const qsizetype produced = static_cast<qsizetype>(chunk.size() - stream.avail_out);
        if (decoded.size() + produced > cap) {
            result = Inflated::TooLarge;
            break;
        }
        decoded.append(chunk.data(), produced);
        if (rc == Z_STREAM_END) {
            result = Inflated::Ok;
            break;
        }
    }
    inflateEnd(&stream);
    if (result == Inflated::Ok)
        *out = std::move(decoded);
    return result;
}

} // namespace gzip

using gzip::Inflated;

//! A body on its way to a value. The inputs are set on the client's thread before the parse
//! starts; the outputs are written by whichever thread parses and read by the client's thread
//! only after `done` (release / acquire: the hand-over is visible to a thread sanitizer too, not
//! only through the thread pool's and the event queue's own locks).
struct ApiClient::Parse {
    QByteArray body; //!< as received; decoded by run() when gzipped
    ReplyParser parser;
    QByteArray method;
    bool gzipped = false;
    qint64 cap = 0; //!< the largest body once decoded

    std::any value;
    QString error; //!< the reader's first error; empty when the body read well
    Inflated inflated = Inflated::Ok;
    std::atomic<bool> done { false };

    //! Decodes and reads the body. Touches nothing but this object: runs on the worker or
    //! inline. The reader, and whatever document it holds, is destroyed here, on the thread
    //! that parsed.
    void run()
    {
        if (gzipped) {
            inflated = gzip::gunzip(body, cap, &body);
            if (inflated != Inflated::Ok)
                body = QByteArray();
        }
        if (parser && inflated == Inflated::Ok) {
            // Writes whose answer the definition leaves open may come back empty: no error.
            // (trimmed() of a large answer ending in a newline would copy it: asked of writes.)
            const bool emptyWrite = method != "GET" && body.trimmed().isEmpty();
            const JsonReader reader = emptyWrite ? JsonReader(QJsonValue(QJsonValue::Null))
                                                 : JsonReader::fromBytes(body);
            if (reader.ok())
                value = parser(reader);
            if (!reader.ok()) {
                error = reader.error();
                value.reset();
            }
        }
        // The parser's captures go now; the body, decoded, goes to the replies.
        parser = nullptr;
        done.store(true, std::memory_order_release);
    }
};

ApiReply::ApiReply(QObject* parent)
    : QObject(parent)
{
    ++ApiClient::s_liveReplies;
}

ApiReply::~ApiReply() { --ApiClient::s_liveReplies; }

void ApiReply::abandon()
{
    if (m_abandoned)
        return;
    m_abandoned = true;
    if (const auto onAbandon = std::exchange(m_onAbandon, {}))
        onAbandon();
    deleteLater();
}

void ApiReply::complete(int status, const QByteArray& body, std::any value, const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_onAbandon = {};
    m_status = status;
    m_body = body;
    *m_value = std::move(value);
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
    connect(&m_scheduler, &RequestScheduler::waiting, this, &ApiClient::onWaiting);
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(QStringLiteral("rota-parse"));
}

ApiClient::~ApiClient()
{
    // The parses: no value may come back. Their watchers go first (what the worker reports then
    // reaches no one), the parses not started are dropped, and the one running is waited for:
    // it touches only its own Parse, but the pool's thread must end before the pool does.
    for (QFutureWatcherBase* watcher :
        findChildren<QFutureWatcherBase*>(Qt::FindDirectChildrenOnly))
        delete watcher;
    m_parsePool.clear();
    m_parsePool.waitForDone();

    // Nothing may call back into this client once it is gone: each exchange is cut loose from
    // it before it is aborted (abort() finishes the reply at once).
    const auto active = std::exchange(m_active, {});
    for (const auto& flight : active) {
        if (QNetworkReply* reply = flight->network) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
    // The pending replies are children and go with this object; none may run our code.
    for (ApiReply* reply : findChildren<ApiReply*>(Qt::FindDirectChildrenOnly)) {
        reply->m_abandoned = true;
        reply->m_onAbandon = {};
    }
}

void ApiClient::setExtraCaCertificates(const QList<QSslCertificate>& certificates)
{
    m_extraCas = certificates;
    if (certificates.isEmpty()) {
        m_sslConfiguration.reset();
        return;
    }
    // A copy for this client's requests only. Setting CA certificates turns off the on-demand
    // loading of the system's, so they are listed explicitly.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> trusted = configuration.caCertificates();
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate& certificate : system) {
        if (!trusted.contains(certificate))
            trusted.append(certificate);
    }
    trusted += certificates;
    configuration.setCaCertificates(trusted);
    m_sslConfiguration = configuration;
}

std::optional<QList<QSslCertificate>> ApiClient::loadCaFile(const QString& path, QString* error)
{
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        *error = QCoreApplication::translate(
            "rota::ApiClient", "%1 is a folder; choose the certificate file in it.")
                     .arg(path);
        return std::nullopt;
    }
    if (!file.exists()) {
        *error = QCoreApplication::translate(
            "rota::ApiClient", "The certificate file %1 does not exist.")
                     .arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate(
            "rota::ApiClient", "The certificate file %1 cannot be read: %2.")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    QList<QSslCertificate> certificates;
    const QList<QSslCertificate> read = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    for (const QSslCertificate& certificate : read) {
        if (!certificate.isNull())
            certificates.append(certificate);
    }
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate("rota::ApiClient",
            "The file %1 holds no certificate: it should be in PEM form, text "
            "that begins with -----BEGIN CERTIFICATE-----.")
                     .arg(path);
        return std::nullopt;
    }
    return certificates;
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
        *error = QCoreApplication::translate("rota::ApiClient",
            "The base URL must be a full address such as https://api.victorops.com.");
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return true;
    if (url.scheme() == QLatin1String("http")) {
        *error = QCoreApplication::translate("rota::ApiClient",
            "Plain http would send the API key unencrypted; use https (http is "
            "only allowed for this computer, e.g. a local simulator).");
        return false;
    }
    *error
        = QCoreApplication::translate("rota::ApiClient", "The base URL must start with https://.");
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

//! "api.victorops.com", "127.0.0.1:8080": the server as people would name it.
static QString serverOf(const QUrl& url)
{
    const QString host = url.host().contains(QLatin1Char(':'))
        ? QLatin1Char('[') + url.host() + QLatin1Char(']')
        : url.host();
    return url.port() < 0 ? host : host + QLatin1Char(':') + QString::number(url.port());
}

//! Seconds from a Retry-After value, a number of seconds or an HTTP date; 0 when unreadable or
//! already past. Capped: a hostile or confused server must not stop an operation for hours.
static int retryAfterSeconds(const QByteArray& value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return 0;
    bool ok = false;
    qint64 seconds = text.toLongLong(&ok);
    if (!ok) {
        // "Wed, 21 Oct 2015 07:28:00 GMT", the only date form HTTP senders may use.
        QDateTime at = QLocale::c().toDateTime(
            QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        if (!at.isValid())
            return 0;
        at.setTimeSpec(Qt::UTC);
        seconds = QDateTime::currentDateTimeUtc().secsTo(at);
    }
    return static_cast<int>(qBound<qint64>(0, seconds, qint64(ApiClient::MaxRetryAfterSeconds)));
}

static QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'g', 3);
}

//! The body of a write, readable once and never rewound. When a connection closes before any
//! answer, Qt's HTTP layer sends the request again by itself, below ApiClient; for a write the
//! server may already have applied, that would apply it twice. With a body it cannot read a
//! second time, Qt gives up instead (ContentReSendError), and the write ends as "answer lost"
//! (ApiError::maybeApplied) for its caller to read back.
class SendOnceBody : public QIODevice {
public:
    explicit SendOnceBody(const QByteArray& bytes)
        : m_bytes(bytes)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_bytes.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 left = m_bytes.size() - m_position;
        if (left <= 0)
            return -1; // the end: a sequential device says so with -1
        const qint64 n = qMin(left, maxSize);
        memcpy(data, m_bytes.constData() + m_position, static_cast<size_t>(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

static ApiError errorFor(QNetworkReply* reply, int status, const QByteArray& body)
{
    ApiError error;
    error.httpStatus = status;
    error.server = serverOf(reply->url());
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError;
        error.kind = timedOut ? ApiErrorKind::Timeout : ApiErrorKind::Network;
        error.serverMessage = reply->errorString();
        return error;
    }
    if (status >= 200 && status < 300)
        return error;
    if (status >= 300 && status < 400) {
        error.kind = ApiErrorKind::Redirected;
        const QByteArray location = reply->rawHeader("Location").trimmed();
        if (!location.isEmpty()) {
            const QUrl target = reply->url().resolved(QUrl::fromEncoded(location));
            error.serverMessage = ApiError::boundedMessage(
                target.isValid() ? target.toString() : QString::fromLatin1(location), 200);
        }
        return error;
    }
    error.serverMessage
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    error.retryAfterSeconds = retryAfterSeconds(reply->rawHeader("Retry-After"));
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

//! False only for the failures that happen before a connection exists. Qt tells when a request
//! was sent (requestSent()) only for requests with a body, so a dropped or silent connection
//! counts as one that may have carried the request.
static bool mayHaveReachedTheServer(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::NetworkSessionFailedError:
        return false;
    default:
        return true;
    }
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
            result->m_onAbandon = [this, weak = std::weak_ptr<Flight>(shared)] {
                if (auto flight = weak.lock())
                    dropIfUnwanted(flight);
            };
            if (request.priority == RequestScheduler::Priority::User
                && shared->request.priority == RequestScheduler::Priority::Background
                && shared->ticket && m_scheduler.cancel(shared->ticket)) {
                m_queued.remove(shared->ticket);
                shared->ticket = 0;
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
    flight->maxReplyBytes
        = request.maxReplyBytes > 0 ? request.maxReplyBytes : maxReplyBytes(request.operation);
    flight->positional = isPositional(request.operation);
    flight->clock.start();
    result->m_onAbandon = [this, weak = std::weak_ptr<Flight>(flight)] {
        if (auto flight = weak.lock())
            dropIfUnwanted(flight);
    };
    if (request.method == "GET")
        m_inFlightGets.insert(urlKey, flight);
    startAttempt(flight);
    return result;
}

void ApiClient::dropIfUnwanted(const std::shared_ptr<Flight>& flight)
{
    // Only a call still waiting for its turn can be taken back; one on the network has been sent.
    if (flight->wanted() || !flight->ticket || !m_scheduler.cancel(flight->ticket))
        return;
    m_queued.remove(flight->ticket);
    flight->ticket = 0;
    if (m_inFlightGets.value(flight->urlKey).lock() == flight)
        m_inFlightGets.remove(flight->urlKey);
}

void ApiClient::onWaiting(quint64 ticket, qint64 waitMs)
{
    const auto flight = m_queued.value(ticket).lock();
    if (!flight)
        return;
    const QList<QPointer<ApiReply>> replies = flight->replies;
    for (const auto& reply : replies) {
        if (reply && !reply->m_abandoned && !reply->m_finished)
            Q_EMIT reply->held(waitMs);
    }
}

void ApiClient::startAttempt(const std::shared_ptr<Flight>& flight)
{
    flight->ticket
        = m_scheduler.enqueue(flight->request.operation, flight->request.priority, [this, flight] {
              m_queued.remove(flight->ticket);
              flight->ticket = 0;
              if (!flight->wanted()) {
                  if (m_inFlightGets.value(flight->urlKey).lock() == flight)
                      m_inFlightGets.remove(flight->urlKey);
                  return;
              }
              sendAttempt(flight);
          });
    m_queued.insert(flight->ticket, flight);
}

void ApiClient::sendAttempt(const std::shared_ptr<Flight>& flight)
{
    QNetworkRequest networkRequest(urlFor(flight->request));
    networkRequest.setRawHeader("X-VO-Api-Id", m_credentials.apiId.toUtf8());
    networkRequest.setRawHeader("X-VO-Api-Key", m_credentials.apiKey.toUtf8());
    networkRequest.setRawHeader("Accept", "application/json");
    // Asked for here, not left to Qt: Qt would then inflate the answer itself, on this (the GUI)
    // thread, 40 ms and more for a large org's incidents. Given as it came, the body is inflated
    // where it is read (on the worker when large), never past the operation's size cap.
    networkRequest.setRawHeader("Accept-Encoding", "gzip");
    if (!flight->request.body.isEmpty())
        networkRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    networkRequest.setTransferTimeout(m_timeoutMs);
    // Never followed, not even to the same scheme: the key headers would go along to wherever
    // the answer points. A 3xx is an error (ApiErrorKind::Redirected).
    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_sslConfiguration)
        networkRequest.setSslConfiguration(*m_sslConfiguration);
    ++flight->attempt;
    flight->tooLarge = false;
    flight->pastDeadline = false;
    flight->sslErrors.clear();
    QNetworkReply* reply = nullptr;
    if (flight->request.method == "GET") {
        reply = m_network->sendCustomRequest(networkRequest, flight->request.method);
    } else {
        // Sent as it is, with its length, never buffered for a second sending by Qt.
        auto* body = new SendOnceBody(flight->request.body);
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, flight->request.body.size());
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = m_network->sendCustomRequest(networkRequest, flight->request.method, body);
        body->setParent(reply);
    }
    flight->network = reply;
    m_active.insert(reply, flight);
    // Certificate errors are recorded, never ignored: the handshake fails and nothing is sent.
    connect(reply, &QNetworkReply::sslErrors, this,
        [flight](const QList<QSslError>& errors) { flight->sslErrors += errors; });
    const auto stopIfTooLarge = [flight, reply](qint64 size) {
        if (size <= flight->maxReplyBytes || flight->tooLarge)
            return;
        flight->tooLarge = true;
        reply->abort();
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, stopIfTooLarge] {
        // A declared length above the cap ends it before the body is read.
        bool ok = false;
        const qint64 declared = reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
        if (ok)
            stopIfTooLarge(declared);
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
        [stopIfTooLarge](qint64 received, qint64 total) { stopIfTooLarge(qMax(received, total)); });
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [flight, reply] {
        flight->pastDeadline = true;
        reply->abort();
    });
    deadline->start(m_deadlineMs);
    connect(reply, &QNetworkReply::finished, this,
        [this, flight, reply] { finishAttempt(flight, reply); });
}

void ApiClient::finishAttempt(const std::shared_ptr<Flight>& flight, QNetworkReply* reply)
{
    m_active.remove(reply);
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply (cut, past its deadline, timed out) is closed: nothing to read.
    QByteArray body = flight->tooLarge || !reply->isOpen() ? QByteArray() : reply->readAll();
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    bool gzipped = !body.isEmpty() && (encoding == "gzip" || encoding == "x-gzip");
    if (gzipped && (status < 200 || status >= 300)) {
        // Not a success: decoded here, for its message (such answers are small; capped all the
        // same). A success is decoded where it is read, on the worker when it is large.
        QByteArray decoded;
        body = gzip::gunzip(body, qMin<qint64>(flight->maxReplyBytes, 1 << 20), &decoded)
                == Inflated::Ok
            ? decoded
            : QByteArray();
        gzipped = false;
    }
    ApiError error = errorFor(reply, status, body);
    const QString& operation = flight->request.operation;
    const QByteArray& method = flight->request.method;
    if (flight->tooLarge) {
        error.kind = ApiErrorKind::TooLarge;
        error.serverMessage = QCoreApplication::translate(
            "rota::ApiClient", "The answer to %1 was larger than %2 MB; Rota stopped reading it.")
                                  .arg(operation, megabytes(flight->maxReplyBytes));
    } else if (flight->pastDeadline) {
        error.kind = ApiErrorKind::Timeout;
        error.serverMessage = QStringLiteral("no complete answer within %1 s")
                                  .arg(QString::number(m_deadlineMs / 1000.0, 'g', 3));
    } else if (!flight->sslErrors.isEmpty()) {
        error.kind = ApiErrorKind::Tls;
        QStringList reasons;
        for (const QSslError& sslError : std::as_const(flight->sslErrors)) {
            if (!reasons.contains(sslError.errorString()))
                reasons.append(sslError.errorString());
        }
        error.serverMessage = reasons.join(QStringLiteral("; "));
    }
    const bool lost = (error.kind == ApiErrorKind::Network || error.kind == ApiErrorKind::Timeout)
        && mayHaveReachedTheServer(reply->error());
    if (lost)
        flight->answerLost = true;

    if (method == "DELETE" && status == 404 && flight->answerLost) {
        // An earlier attempt reached the server and applied the delete, only its answer was
        // lost: the thing being gone now is the outcome asked for.
        error = ApiError();
        error.httpStatus = status;
    }
    if (error.kind == ApiErrorKind::Throttled) {
        // Hold the whole operation back; Retry-After when the server says, else doubling from 5 s.
        const qint64 delay = error.retryAfterSeconds > 0
            ? error.retryAfterSeconds * 1000LL
            : qMin<qint64>(60000, 5000LL << qMin(flight->attempt - 1, 4));
        m_scheduler.backOff(operation, delay);
    }
    // A write addressed by position is sent once: after the first one applied, the same
    // position may name another step or rule.
    const bool retry = isTransient(error.kind) && isIdempotent(method) && !flight->positional
        && flight->attempt < MaxAttempts && flight->wanted();
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
    error.maybeApplied = method != "GET" && flight->answerLost
        && (error.kind == ApiErrorKind::Network || error.kind == ApiErrorKind::Timeout);
    Q_EMIT exchanged(operation, status, flight->clock.elapsed(), error);
    deliver(flight, status, body, gzipped, error);
}

void ApiClient::deliver(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
    bool gzipped, const ApiError& error)
{
    if (m_inFlightGets.value(flight->urlKey).lock() == flight)
        m_inFlightGets.remove(flight->urlKey);
    const bool goneAlready = status == 404; // a delete whose first attempt applied it
    const bool read = !error.isError() && flight->request.parse && !goneAlready;
    // Nothing to decode or read, and no answer still being read before this one: done now.
    if (!read && !gzipped && m_parsesOnWorker == 0) {
        complete(flight, status, body, error, nullptr);
        return;
    }
    auto parse = std::make_shared<Parse>();
    parse->body = body;
    if (read)
        parse->parser = flight->request.parse;
    parse->method = flight->request.method;
    parse->gzipped = gzipped;
    parse->cap = flight->maxReplyBytes;
    // On the worker when large (a gzip body by what it inflates to, JSON about eight times its
    // size), and whenever an earlier answer is still there: an answer completed here must not
    // overtake one that arrived before it.
    const qint64 weight = gzipped ? body.size() * 8 : body.size();
    const bool onWorker = m_parsesOnWorker > 0
        || (m_workerParseBytes >= 0 && (read || gzipped) && weight >= m_workerParseBytes);
    if (!onWorker) {
        parse->run();
        complete(flight, status, body, error, parse.get());
        return;
    }
    ++m_parsesOnWorker;
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, flight, status, body, error, parse] {
            --m_parsesOnWorker;
            watcher->deleteLater();
            complete(flight, status, body, error, parse.get());
        });
    // QPromise and QThreadPool are Qt Core's: no Qt Concurrent for one function on one thread.
    // The pool takes a copyable function in Qt 6.4, hence the promise behind a shared pointer.
    auto promise = std::make_shared<QPromise<void>>();
    watcher->setFuture(promise->future());
    std::function<void()> work = [promise, parse] {
        s_handOvers.load(std::memory_order_acquire);
        promise->start();
        parse->run();
        promise->finish();
    };
    // The hand-over to the worker, told to a thread sanitizer as well: the pool's own lock is in
    // Qt, which it does not see. Everything written above, the function included, happens before
    // the worker reads it.
    s_handOvers.fetch_add(1, std::memory_order_release);
    m_parsePool.start(std::move(work));
}

void ApiClient::complete(const std::shared_ptr<Flight>& flight, int status, const QByteArray& body,
    const ApiError& error, Parse* parse)
{
    std::any value;
    ApiError finalError = error;
    QByteArray replyBody = body;
    if (parse) {
        // Always true here (the watcher's signal comes after the worker's finish()); the load is
        // what orders the worker's writes before these reads.
        if (!parse->done.load(std::memory_order_acquire))
            qCWarning(lcApi) << "a parse was delivered before it ended";
        replyBody = std::exchange(parse->body, QByteArray()); // decoded, when it was gzipped
        if (parse->inflated == Inflated::TooLarge) {
            finalError.kind = ApiErrorKind::TooLarge;
            finalError.serverMessage
                = QCoreApplication::translate("rota::ApiClient",
                    "The answer to %1 was larger than %2 MB; Rota stopped reading it.")
                      .arg(flight->request.operation, megabytes(flight->maxReplyBytes));
            finalError.server = serverOf(urlFor(flight->request));
        } else if (parse->inflated == Inflated::Broken) {
            finalError.kind = ApiErrorKind::BadResponse;
            finalError.serverMessage = QStringLiteral("the compressed answer could not be decoded");
            finalError.server = serverOf(urlFor(flight->request));
        } else if (!parse->error.isEmpty()) {
            finalError.kind = ApiErrorKind::BadResponse;
            finalError.serverMessage = parse->error;
            finalError.server = serverOf(urlFor(flight->request));
        } else {
            value = std::move(parse->value);
        }
        parse->value.reset();
    }
    // The server's words may be anything: the UI and the log get a short, printable line.
    finalError.serverMessage = ApiError::boundedMessage(finalError.serverMessage);
    const QList<QPointer<ApiReply>> replies = flight->replies;
    qsizetype last = -1;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (replies[i] && !replies[i]->m_finished)
            last = i;
    }
    // Each reply its own value; the last takes it by move (a copy of a large value costs). A
    // reply destroyed by an earlier one's finished() handler is passed over.
    for (qsizetype i = 0; i <= last; ++i) {
        if (!replies[i])
            continue;
        if (i == last)
            replies[i]->complete(status, replyBody, std::move(value), finalError);
        else
            replies[i]->complete(status, replyBody, value, finalError);
    }
}

} // namespace rota
