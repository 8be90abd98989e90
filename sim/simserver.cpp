// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simserver.h"

#include "simlog.h"
#include "simservice.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace rota::sim {

Q_LOGGING_CATEGORY(lcSim, "rota.sim")

static QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

static SimRequest toSimRequest(const QHttpServerRequest& request)
{
    SimRequest out;
    out.method = methodName(request.method());
    // As it came, still percent-encoded: the router splits it into segments first and decodes
    // each once, as an HTTP server does ("a%2Fb" is one segment, "a%252Fb" is "a%2Fb").
    out.path = request.url().path(QUrl::FullyEncoded);
    out.query = QUrlQuery(request.url());
    const auto headers = request.headers();
    for (const auto& header : headers)
        out.headers.insert(header.first.toLower(), header.second);
    out.body = request.body();
    return out;
}

static QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

//! The seam to Qt HttpServer: one entry point per request. On Qt 6.4 it gets the raw socket,
//! which lets it delay answers, trickle or stream them and drop connections; the HTTP/1.1 answer
//! is written by hand.
class HttpTransport : public QAbstractHttpServer {
public:
    explicit HttpTransport(SimService* service, QObject* parent)
        : QAbstractHttpServer(parent)
        , m_service(service)
    {
    }

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        SimRequest simRequest = toSimRequest(request);
        const QByteArray acceptEncoding = simRequest.header("Accept-Encoding");
        const bool control = simRequest.path.startsWith(QLatin1String("/_sim/"));
        SimOutcome outcome = m_service->handle(std::move(simRequest));
        encodeAndCount(outcome, acceptEncoding, control);
        QPointer<QTcpSocket> guarded(socket);
        auto deliver = [guarded, outcome]() {
            if (guarded)
                deliverNow(guarded, outcome);
        };
        if (outcome.delayMs > 0)
            QTimer::singleShot(outcome.delayMs, socket, deliver);
        else
            deliver();
        return true;
    }

    void missingHandler(const QHttpServerRequest&, QTcpSocket* socket) override
    {
        socket->write(serialize(SimReply::error(404, QStringLiteral("Path not found"))));
    }

private:
    // Compresses the answer when the client takes gzip (and the simulator may), and counts its
    // bytes as sent and as they would have been without compression, for /_sim/stats.
    void encodeAndCount(SimOutcome& outcome, const QByteArray& acceptEncoding, bool control)
    {
        qint64 wire = 0;
        qint64 plain = 0;
        bool compressed = false;
        switch (outcome.delivery) {
        case Delivery::Drop:
            return;
        case Delivery::Stream: // made up as it goes, never compressed
            wire = plain
                = statusAndHeaders(outcome.reply, outcome.streamBytes).size() + outcome.streamBytes;
            break;
        case Delivery::Normal:
        case Delivery::Trickle: {
            const qint64 plainBody = outcome.reply.body.size();
            if (m_service->context().options.gzip)
                compressed = encodeForClient(outcome.reply, acceptEncoding);
            wire = statusAndHeaders(outcome.reply, outcome.reply.body.size()).size()
                + outcome.reply.body.size();
            plain = wire;
            if (compressed) {
                SimReply identity;
                identity.status = outcome.reply.status;
                for (const auto& header : std::as_const(outcome.reply.headers)) {
                    if (header.first != "Content-Encoding")
                        identity.headers.append(header);
                }
                plain = statusAndHeaders(identity, plainBody).size() + plainBody;
            }
            break;
        }
        }
        if (!control)
            m_service->countAnswer(wire, plain, compressed);
    }

    static void deliverNow(QTcpSocket* socket, const SimOutcome& outcome)
    {
        switch (outcome.delivery) {
        case Delivery::Normal:
            socket->write(serialize(outcome.reply));
            socket->flush();
            return;
        case Delivery::Drop:
            socket->abort();
            return;
        case Delivery::Trickle:
            trickle(socket, serialize(outcome.reply), outcome.bytesPerSecond);
            return;
        case Delivery::Stream:
            stream(socket, outcome.reply, outcome.streamBytes);
            return;
        }
    }

    // A few bytes every tick, so the answer takes size / bytesPerSecond seconds. The pump lives
    // on the socket: when the client gives up and the socket goes, the pump goes with it.
    static void trickle(QTcpSocket* socket, const QByteArray& answer, int bytesPerSecond)
    {
        const qsizetype piece = qMax(1, bytesPerSecond / 10);
        auto* timer = new QTimer(socket);
        timer->setInterval(qMax(1, static_cast<int>(1000LL * piece / bytesPerSecond)));
        auto sent = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, answer, piece, sent] {
            socket->write(answer.mid(*sent, piece));
            *sent += piece;
            if (*sent >= answer.size()) {
                timer->stop();
                timer->deleteLater();
            }
        });
        timer->start();
    }

    // The body is made up as the client reads it: a new piece whenever little is left to write,
    // so neither the simulator's memory nor its event loop is taken by the whole of it.
    static void stream(QTcpSocket* socket, const SimReply& reply, qint64 size)
    {
        static constexpr qint64 kPiece = 64 * 1024;
        socket->write(statusAndHeaders(reply, size));
        auto* pump = new QObject(socket);
        auto sent = std::make_shared<qint64>(0);
        auto topUp = [socket, pump, sent, size] {
            while (*sent < size && socket->bytesToWrite() < 4 * kPiece) {
                const qint64 length = qMin(kPiece, size - *sent);
                socket->write(paddingPiece(*sent, length, size));
                *sent += length;
            }
            if (*sent >= size)
                pump->deleteLater();
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, pump, topUp);
        topUp();
    }

    // Bytes [offset, offset + length) of a JSON document of exactly `size` bytes:
    // {"padding":"xxx...x"}.
    static QByteArray paddingPiece(qint64 offset, qint64 length, qint64 size)
    {
        static const QByteArray head = QByteArrayLiteral("{\"padding\":\"");
        static const QByteArray tail = QByteArrayLiteral("\"}");
        QByteArray out(length, 'x');
        for (qint64 i = 0; i < length; ++i) {
            const qint64 at = offset + i;
            if (at < head.size())
                out[i] = head.at(at);
            else if (at >= size - tail.size())
                out[i] = tail.at(at - (size - tail.size()));
            else if (at >= head.size() && offset + length <= size - tail.size())
                break; // only padding is left in this piece
        }
        return out;
    }

    static QByteArray statusAndHeaders(const SimReply& reply, qint64 contentLength)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
            + reasonPhrase(reply.status) + "\r\n";
        for (const auto& header : reply.headers)
            out += header.first + ": " + header.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        out += "Connection: keep-alive\r\n\r\n";
        return out;
    }

    static QByteArray serialize(const SimReply& reply)
    {
        return statusAndHeaders(reply, reply.body.size()) + reply.body;
    }
#else
    bool handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder) override
    {
        // Newer Qt lends a responder for this call only: no delay, drop, trickle, stream or own
        // headers. FaultPlan::parse refuses the faults that need them (see
        // FaultPlan::transportHoldsConnections); one added by hand is answered as an error.
        const SimOutcome outcome = m_service->handle(toSimRequest(request));
        if (outcome.delivery != Delivery::Normal || outcome.delayMs > 0) {
            responder.write(QByteArrayLiteral("{\"message\":\"this rota-sim cannot do that fault "
                                              "with this Qt version\"}"),
                QByteArrayLiteral("application/json"),
                QHttpServerResponder::StatusCode::InternalServerError);
            return true;
        }
        responder.write(outcome.reply.body, QByteArrayLiteral("application/json"),
            static_cast<QHttpServerResponder::StatusCode>(outcome.reply.status));
        return true;
    }

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest&, QHttpServerResponder&& responder) override
#else
    void missingHandler(const QHttpServerRequest&, QHttpServerResponder& responder) override
#endif
    {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
#endif
    SimService* m_service;
};

SimServer::SimServer(const SimOptions& options, QObject* parent)
    : QObject(parent)
    , m_service(std::make_unique<SimService>(options))
{
}

SimServer::~SimServer() = default;

SimContext& SimServer::context() { return m_service->context(); }

bool SimServer::start(QString* error)
{
    // A fault spec this build cannot do (or one that does not parse) is refused, not ignored.
    if (const auto problem = m_service->faults().parse(m_service->context().options.faults)) {
        *error = QStringLiteral("faults: ") + *problem;
        return false;
    }
    QString stateProblem;
    if (!m_service->loadOrSeed(&stateProblem))
        qCWarning(lcSim).noquote() << stateProblem;
    const SimOptions& options = m_service->context().options;
    if (!options.pageUser.isEmpty() && !m_service->context().org.users.contains(options.pageUser)) {
        *error = QStringLiteral("page user: the org has no user '%1'").arg(options.pageUser);
        return false;
    }
    if (options.resolveAfterMinSeconds < 0
        || options.resolveAfterMaxSeconds < options.resolveAfterMinSeconds) {
        *error
            = QStringLiteral("resolve after: the shortest lifetime must be from 0 to the longest");
        return false;
    }

    m_transport = new HttpTransport(m_service.get(), this);
    m_tcp = new QTcpServer(this);
    if (!m_tcp->listen(QHostAddress::LocalHost, m_service->context().options.port)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                     .arg(m_service->context().options.port)
                     .arg(m_tcp->errorString());
        return false;
    }
    m_transport->bind(m_tcp);
    m_port = m_tcp->serverPort();

    const double rate = m_service->context().options.incidentRate;
    if (rate > 0) {
        // One activity step per expected new incident; each step also may resolve one.
        m_activity = new QTimer(this);
        m_activity->setInterval(qMax(200, static_cast<int>(60000.0 / rate)));
        connect(
            m_activity, &QTimer::timeout, this, [this] { simulateActivity(m_service->context()); });
        m_activity->start();
    }
    if (options.resolveAfterMaxSeconds > 0) {
        // Planned recoveries land within a quarter second of their time, as timestamps go.
        m_recoveries = new QTimer(this);
        m_recoveries->setInterval(250);
        connect(m_recoveries, &QTimer::timeout, this,
            [this] { recoverDueIncidents(m_service->context()); });
        m_recoveries->start();
    }
    return true;
}

QUrl SimServer::baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

QString SimServer::controlToken() const { return m_service->context().options.controlToken; }

bool SimServer::saveState(QString* error) const { return m_service->saveState(error); }

} // namespace rota::sim
