// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim over real HTTP: authentication, read-only keys, the documented rate limits, injected
// faults, state changes through the public API, the --state file and the executable itself.

#include "simcontext.h"
#include "simfaults.h"
#include "simserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace rota::sim;

namespace {

constexpr int kReplyTimeoutMs = 20000;

//! The credential headers of a request; an empty value means the header is not sent.
struct Auth {
    QByteArray id = QByteArrayLiteral("rota-demo-id");
    QByteArray key = QByteArrayLiteral("rota-demo-key");
    QByteArray simToken; //!< X-Sim-Token, for the /_sim/ control endpoints

    //! The control token of `server` (and no API credentials, which /_sim/ does not look at).
    static Auth control(const SimServer& server)
    {
        return { {}, {}, server.controlToken().toUtf8() };
    }

    static Auth none() { return { {}, {}, {} }; }
    static Auth withKey(const QByteArray& key)
    {
        return { QByteArrayLiteral("rota-demo-id"), key, {} };
    }
};

//! What came back for one request.
struct HttpResult {
    bool finished = false; //!< false: no answer within the timeout
    int status = 0; //!< 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    qint64 elapsedMs = 0;

    QJsonValue json() const
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return QJsonValue(QJsonValue::Undefined);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    QJsonObject object() const { return json().toObject(); }
    bool parses() const { return !json().isUndefined(); }

    //! For failure messages: what was expected and what arrived.
    QString describe(const QString& what) const
    {
        if (!finished)
            return what + QStringLiteral(": no answer within %1 ms").arg(kReplyTimeoutMs);
        return what
            + QStringLiteral(": got HTTP %1 (network error %2 %3), body: %4")
                  .arg(status)
                  .arg(int(error))
                  .arg(errorString, QString::fromUtf8(body.left(400)));
    }
};

QString isoUtcSeconds(const QDateTime& t)
{
    QDateTime utc = t.toUTC();
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return utc.toString(Qt::ISODate);
}

QString incidentNumberOf(const QJsonValue& value)
{
    // The definition types incidentNumber as a string; accept a number too so the check that
    // matters (which incident) still runs, while the conformance test holds the type.
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

//! One HTTP/1.1 connection written and read by hand, for what QNetworkAccessManager hides: a
//! connection closed without an answer, a redirect it would follow, an answer arriving in pieces.
//! The server runs in this thread: everything waits by running the event loop.
class RawConnection {
public:
    RawConnection()
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] {
            const QByteArray piece = m_socket.readAll();
            if (!piece.isEmpty()) {
                received += piece;
                ++pieces;
            }
        });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_closed = true; });
    }

    bool open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    //! Sends one request with the demo credentials (and `headers`, each "Name: value").
    void send(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
        const QList<QByteArray>& headers = {})
    {
        QByteArray request = method + ' ' + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-VO-Api-Id: rota-demo-id\r\n"
              "X-VO-Api-Key: rota-demo-key\r\n";
        for (const QByteArray& header : headers)
            request += header + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_socket.write(request);
    }

    bool waitUntil(const std::function<bool()>& done, int timeoutMs = kReplyTimeoutMs)
    {
        return QTest::qWaitFor(done, timeoutMs);
    }
    bool closed() const
    {
        return m_closed || m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    //! Whether a whole answer (head and Content-Length bytes of body) has arrived.
    bool answered() const
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        return end >= 0 && received.size() >= end + 4 + header("content-length").toLongLong();
    }
    int status() const
    {
        const QList<QByteArray> words = received.left(received.indexOf('\r')).split(' ');
        return words.size() >= 2 ? words.at(1).toInt() : 0;
    }
    QByteArray header(const QByteArray& name) const
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = received.left(end).split('\n');
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QByteArray body() const { return received.mid(received.indexOf("\r\n\r\n") + 4); }

    QByteArray received;
    int pieces = 0; //!< how many reads brought bytes

private:
    QTcpSocket m_socket;
    bool m_closed = false;
};

} // namespace

#define EXPECT_STATUS(result, code)                                                                \
    QVERIFY2((result).finished && (result).status == (code),                                       \
        qPrintable((result).describe(QStringLiteral("expected HTTP %1").arg(code))))

#define EXPECT_JSON_MESSAGE(result)                                                                \
    QVERIFY2((result).object().value(QStringLiteral("message")).isString()                         \
            && !(result).object().value(QStringLiteral("message")).toString().isEmpty(),           \
        qPrintable((result).describe(QStringLiteral("expected a JSON {\"message\"}"))))

class TestSimServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void authMissingHeaders();
    void authWrongCredentials();
    void authBeforeRouting();
    void controlNeedsToken();
    void pathDecodedOnce();
    void pathSegmentsSplitBeforeDecoding();
    void readOnlyKeyMayOnlyRead();

    void rateLimitThrottlesWith403();
    void rateLimitThrottlesWith429AndRetryAfter();
    void rateLimitReportingOncePerMinute();
    void rateLimitCountsWrites();

    void faultError();
    void faultDrop();
    void faultMalformed();
    void faultTruncate();
    void faultSlow();
    void faultThrottle();
    void faultPathPrefix();
    void faultBadSpec();
    void faultLostAppliesThenCloses();
    void faultLostWaitsBeforeClosing();
    void faultRedirect();
    void faultHuge();
    void faultTrickle();
    void faultsNeedingTheConnectionRefusedWithoutIt();
    void faultSpecRefusedAtStart();

    void unknownIdsAre404();
    void ackIncident();
    void resolveIncident();
    void incidentListKeepsRecentlyResolved();
    void incidentListKeepsResolvedForTheWindow();
    void liveActivityPagesUserAndRecoversAsPlanned();
    void takeOnCall();
    void addPagingPolicyRule();
    void startAndEndMaintenance();
    void createAndDeleteOverride();
    void requiredFieldsRefused();
    void updateUserNeedsUsername();
    void deleteUserNeedsBodyAndReplacement();

    void stateFileRoundTrip();
    void executableServesAndStopsOnSigterm();
    void executableTakesControlTokenAndRefusesBadFaults();
    void executableRefusesBadActivityOptions();

private:
    //! A seeded in-process server on a free port; nullptr and *error when it does not start.
    std::unique_ptr<SimServer> startServer(const SimOptions& options, QString* error);
    static SimOptions unlimited();

    HttpResult send(const QUrl& base, const QByteArray& method, const QString& pathAndQuery,
        const QJsonValue& body = QJsonValue(QJsonValue::Undefined), const Auth& auth = Auth());
    HttpResult sendRaw(const QUrl& base, const QByteArray& method, const QString& pathAndQuery,
        const QByteArray& body, const Auth& auth);
    HttpResult setFaults(const SimServer& server, const QString& spec);
    //! A request to the control endpoint /_sim/`what`, with the server's control token.
    HttpResult control(const SimServer& server, const QByteArray& method, const QString& what,
        const QJsonValue& body = QJsonValue(QJsonValue::Undefined));

    //! Creates an incident paging `username` directly; returns its number or an empty string.
    QString createIncident(const QUrl& base, const QString& username, HttpResult* result);

    QNetworkAccessManager m_nam;
};

void TestSimServer::initTestCase()
{
    // A proxy from the environment must not stand between the test and 127.0.0.1.
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

SimOptions TestSimServer::unlimited()
{
    SimOptions options;
    options.enforceRateLimits = false;
    return options;
}

std::unique_ptr<SimServer> TestSimServer::startServer(const SimOptions& options, QString* error)
{
    auto server = std::make_unique<SimServer>(options);
    if (!server->start(error))
        return nullptr;
    if (server->port() == 0) {
        *error = QStringLiteral("the server reports port 0 after start()");
        return nullptr;
    }
    return server;
}

HttpResult TestSimServer::send(const QUrl& base, const QByteArray& method,
    const QString& pathAndQuery, const QJsonValue& body, const Auth& auth)
{
    QByteArray payload;
    if (body.isObject())
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return sendRaw(base, method, pathAndQuery, payload, auth);
}

HttpResult TestSimServer::sendRaw(const QUrl& base, const QByteArray& method,
    const QString& pathAndQuery, const QByteArray& body, const Auth& auth)
{
    QNetworkRequest request(base.resolved(QUrl(pathAndQuery)));
    request.setTransferTimeout(kReplyTimeoutMs);
    if (!auth.id.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-VO-Api-Id"), auth.id);
    if (!auth.key.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-VO-Api-Key"), auth.key);
    if (!auth.simToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-Sim-Token"), auth.simToken);
    if (!body.isEmpty())
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    result.finished = reply->isFinished() || finished.wait(kReplyTimeoutMs + 5000);
    result.elapsedMs = clock.elapsed();
    if (!result.finished)
        reply->abort();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    for (const auto& header : reply->rawHeaderPairs())
        result.headers.insert(header.first.toLower(), header.second);
    reply->deleteLater();
    return result;
}

HttpResult TestSimServer::setFaults(const SimServer& server, const QString& spec)
{
    return control(
        server, "PUT", QStringLiteral("faults"), QJsonObject { { QStringLiteral("spec"), spec } });
}

HttpResult TestSimServer::control(
    const SimServer& server, const QByteArray& method, const QString& what, const QJsonValue& body)
{
    return send(
        server.baseUrl(), method, QStringLiteral("/_sim/") + what, body, Auth::control(server));
}

QString TestSimServer::createIncident(const QUrl& base, const QString& username, HttpResult* result)
{
    const QJsonObject body {
        { QStringLiteral("summary"), QStringLiteral("tst_simserver: disk full on build-agent-7") },
        { QStringLiteral("details"), QStringLiteral("/var is at 100%, builds are failing") },
        { QStringLiteral("userName"), username },
        { QStringLiteral("targets"),
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("User") },
                { QStringLiteral("slug"), username } } } },
    };
    *result = send(base, "POST", QStringLiteral("/api-public/v1/incidents"), body);
    if (result->status != 200)
        return {};
    return incidentNumberOf(result->object().value(QStringLiteral("incidentNumber")));
}

// --- Authentication ---------------------------------------------------------------------------

void TestSimServer::authMissingHeaders()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString path = QStringLiteral("/api-public/v1/user");

    HttpResult r = send(base, "GET", path, {}, Auth::none());
    EXPECT_STATUS(r, 401);
    EXPECT_JSON_MESSAGE(r);
    r = send(base, "GET", path, {}, Auth { QByteArrayLiteral("rota-demo-id"), {}, {} });
    EXPECT_STATUS(r, 401);
    r = send(base, "GET", path, {}, Auth { {}, QByteArrayLiteral("rota-demo-key"), {} });
    EXPECT_STATUS(r, 401);
    // A write without credentials is refused the same way, before its body is looked at.
    r = send(base, "POST", QStringLiteral("/api-public/v1/team"),
        QJsonObject { { QStringLiteral("name"), QStringLiteral("x") } }, Auth::none());
    EXPECT_STATUS(r, 401);
}

// rota-sim decodes a path once, as an HTTP server does: a segment encoded once is found, one
// encoded twice is another name (404), and an encoded '/' stays inside its segment. Sent on a raw
// socket: QUrl would normalise "%2E" to "." before it left.
void TestSimServer::pathDecodedOnce()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QString user = server->context().org.demoUser;
    QVERIFY(user.contains(QLatin1Char('.')));
    // The server runs in this thread: wait by running the event loop, never by blocking.
    const auto statusOf = [&server](const QByteArray& path) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->baseUrl().port());
        if (!QTest::qWaitFor(
                [&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return -1;
        socket.write("GET " + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-VO-Api-Id: rota-demo-id\r\n"
              "X-VO-Api-Key: rota-demo-key\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        const bool answered = QTest::qWaitFor(
            [&socket, &answer] {
                answer += socket.readAll();
                return answer.contains("\r\n");
            },
            5000);
        if (!answered)
            return -1;
        const QList<QByteArray> words = answer.left(answer.indexOf('\r')).split(' ');
        return words.size() >= 2 ? words.at(1).toInt() : -1;
    };
    const QByteArray once = user.toUtf8().replace('.', "%2E");
    const QByteArray twice = user.toUtf8().replace('.', "%252E");
    QCOMPARE(statusOf("/api-public/v1/user/" + user.toUtf8()), 200);
    QCOMPARE(statusOf("/api-public/v1/user/" + once), 200);
    QCOMPARE(statusOf("/api-public/v1/user/" + twice), 404);
    // "a%2Fb" is one segment named "a/b", not two segments.
    QCOMPARE(statusOf("/api-public/v1/user/" + user.toUtf8() + "%2Fpolicies"), 404);
}

// The path is split at its '/' first and each segment decoded once after: "ann%2Fx" names the
// user "ann/x", and "ann%252Fx" the user "ann%2Fx". Such names cannot be made through the API
// (usernames are letters, digits and . _ -), so the test puts them into the org itself.
void TestSimServer::pathSegmentsSplitBeforeDecoding()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    SimOrg& org = server->context().org;
    for (const QString& name : { QStringLiteral("ann/x"), QStringLiteral("ann%2Fx") }) {
        SimUser user = org.users.value(org.demoUser);
        user.username = name;
        user.email = QStringLiteral("ann.%1@northwind-labs.example").arg(org.users.size());
        org.users.insert(name, user);
    }

    const auto usernameAt = [&server](const QByteArray& path, int* status) {
        RawConnection connection;
        if (!connection.open(server->port()))
            return QString();
        connection.send("GET", path);
        if (!connection.waitUntil([&connection] { return connection.answered(); }))
            return QString();
        *status = connection.status();
        return QJsonDocument::fromJson(connection.body())
            .object()
            .value(QStringLiteral("username"))
            .toString();
    };
    int status = 0;
    QCOMPARE(usernameAt("/api-public/v1/user/ann%2Fx", &status), QStringLiteral("ann/x"));
    QCOMPARE(status, 200);
    QCOMPARE(usernameAt("/api-public/v1/user/ann%2fx", &status), QStringLiteral("ann/x"));
    QCOMPARE(status, 200);
    QCOMPARE(usernameAt("/api-public/v1/user/ann%252Fx", &status), QStringLiteral("ann%2Fx"));
    QCOMPARE(status, 200);
    // Unencoded, the '/' ends the segment: user "ann" and a further segment, which is no route.
    usernameAt("/api-public/v1/user/ann/x", &status);
    QCOMPARE(status, 404);

    // Once "ann%2Fx" is gone, the doubly encoded name is not decoded a second time into "ann/x".
    org.users.remove(QStringLiteral("ann%2Fx"));
    usernameAt("/api-public/v1/user/ann%252Fx", &status);
    QCOMPARE(status, 404);
}

void TestSimServer::authWrongCredentials()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString path = QStringLiteral("/api-public/v1/user");

    HttpResult r = send(base, "GET", path, {},
        Auth { QByteArrayLiteral("someone-else"), QByteArrayLiteral("rota-demo-key"), {} });
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
    r = send(base, "GET", path, {}, Auth::withKey(QByteArrayLiteral("not-the-key")));
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
    r = send(base, "GET", path);
    EXPECT_STATUS(r, 200);
    QVERIFY2(r.object().value(QStringLiteral("users")).isArray(),
        qPrintable(r.describe(QStringLiteral("expected {users: [...]}"))));
}

// The credentials are checked before the path and method: a caller without them learns nothing
// of which operations exist.
void TestSimServer::authBeforeRouting()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const Auth wrong = Auth::withKey(QByteArrayLiteral("not-the-key"));

    struct Case {
        QByteArray method;
        QString path;
        int withCredentials; //!< the answer once the credentials are right
    };
    const QList<Case> cases {
        { "GET", QStringLiteral("/api-public/v1/no-such-thing"), 404 },
        { "GET", QStringLiteral("/api-public/v9/user"), 404 },
        { "DELETE", QStringLiteral("/api-public/v1/incidents"), 405 },
        { "PUT", QStringLiteral("/api-public/v1/user"), 405 },
        { "GET", QStringLiteral("/api-reporting/v9/incidents"), 404 },
        { "POST", QStringLiteral("/api-reporting/v2/incidents"), 405 },
    };
    for (const Case& c : cases) {
        const QString what = QString::fromLatin1(c.method) + QLatin1Char(' ') + c.path;
        HttpResult r = send(base, c.method, c.path, {}, Auth::none());
        QVERIFY2(r.status == 401, qPrintable(r.describe(what + QStringLiteral(": expected 401"))));
        EXPECT_JSON_MESSAGE(r);
        r = send(base, c.method, c.path, {}, wrong);
        QVERIFY2(r.status == 403, qPrintable(r.describe(what + QStringLiteral(": expected 403"))));
        EXPECT_JSON_MESSAGE(r);
        r = send(base, c.method, c.path);
        QVERIFY2(r.status == c.withCredentials,
            qPrintable(r.describe(what + QStringLiteral(": expected %1").arg(c.withCredentials))));
    }
}

// /_sim/ changes what the simulator does and shows its whole state: only with its token.
void TestSimServer::controlNeedsToken()
{
    SimOptions options = unlimited();
    options.controlToken = QStringLiteral("a-token-chosen-by-the-test");
    QString error;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    QCOMPARE(server->controlToken(), options.controlToken);
    const QUrl base = server->baseUrl();

    const QList<QPair<QByteArray, QString>> endpoints {
        { "GET", QStringLiteral("/_sim/health") },
        { "GET", QStringLiteral("/_sim/state") },
        { "GET", QStringLiteral("/_sim/faults") },
        { "DELETE", QStringLiteral("/_sim/rate-limits") },
        { "POST", QStringLiteral("/_sim/incidents") },
        { "GET", QStringLiteral("/_sim/incidents") },
        { "GET", QStringLiteral("/_sim/stats") },
        { "GET", QStringLiteral("/_sim/no-such-endpoint") },
    };
    const int incidentsBefore = server->context().org.nextIncidentNumber;
    for (const auto& [method, path] : endpoints) {
        const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + path;
        // The API credentials are not the token.
        HttpResult r = send(base, method, path);
        QVERIFY2(r.status == 401, qPrintable(r.describe(what + QStringLiteral(": expected 401"))));
        EXPECT_JSON_MESSAGE(r);
        r = send(base, method, path, {},
            Auth { {}, {}, QByteArrayLiteral("a-token-chosen-by-someone-else") });
        QVERIFY2(r.status == 403, qPrintable(r.describe(what + QStringLiteral(": expected 403"))));
        EXPECT_JSON_MESSAGE(r);
    }
    QCOMPARE(server->context().org.nextIncidentNumber, incidentsBefore);

    HttpResult r = send(base, "PUT", QStringLiteral("/_sim/faults"),
        QJsonObject { { QStringLiteral("spec"), QStringLiteral("error,status=503") } });
    EXPECT_STATUS(r, 401);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200); // no fault was installed

    r = control(*server, "GET", QStringLiteral("health"));
    EXPECT_STATUS(r, 200);
    r = control(*server, "POST", QStringLiteral("incidents"), QJsonObject {});
    EXPECT_STATUS(r, 200);
    QCOMPARE(server->context().org.nextIncidentNumber, incidentsBefore + 1);

    // Without a chosen token, each server makes its own, long enough not to be guessed.
    SimServer first(unlimited());
    SimServer second(unlimited());
    QVERIFY(first.controlToken().size() >= 32);
    QVERIFY(first.controlToken() != second.controlToken());
}

void TestSimServer::readOnlyKeyMayOnlyRead()
{
    SimOptions options = unlimited();
    options.readOnlyKeys = QStringList { QStringLiteral("rota-readonly-key") };
    QString error;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const Auth readOnly = Auth::withKey(QByteArrayLiteral("rota-readonly-key"));
    const SimOrg& org = server->context().org;
    QVERIFY2(!org.teams.isEmpty(), "the seeded org has no teams");
    const QString teamSlug = org.teams.firstKey();
    const QString teamName = org.teams.first().name;
    const qsizetype teamCount = org.teams.size();
    const int nextIncident = org.nextIncidentNumber;

    HttpResult r = send(base, "GET", QStringLiteral("/api-public/v1/team"), {}, readOnly);
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/team/") + teamSlug, {}, readOnly);
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"), {}, readOnly);
    EXPECT_STATUS(r, 200);

    struct Write {
        QByteArray method;
        QString path;
        QJsonObject body;
    };
    const QString demo = org.demoUser;
    const QList<Write> writes {
        { "POST", QStringLiteral("/api-public/v1/team"),
            { { QStringLiteral("name"), QStringLiteral("Read-only intruders") } } },
        { "PUT", QStringLiteral("/api-public/v1/team/") + teamSlug,
            { { QStringLiteral("name"), QStringLiteral("Renamed") } } },
        { "DELETE", QStringLiteral("/api-public/v1/team/") + teamSlug, {} },
        { "POST", QStringLiteral("/api-public/v1/incidents"),
            { { QStringLiteral("summary"), QStringLiteral("s") },
                { QStringLiteral("details"), QStringLiteral("d") },
                { QStringLiteral("userName"), demo },
                { QStringLiteral("targets"),
                    QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("User") },
                        { QStringLiteral("slug"), demo } } } } } },
        { "PATCH", QStringLiteral("/api-public/v1/incidents/ack"),
            { { QStringLiteral("userName"), demo },
                { QStringLiteral("incidentNames"), QJsonArray { QStringLiteral("1") } } } },
        { "PUT", QStringLiteral("/api-public/v1/maintenancemode/some-instance/end"), {} },
    };
    for (const Write& write : writes) {
        r = send(base, write.method, write.path, write.body, readOnly);
        EXPECT_STATUS(r, 403);
        EXPECT_JSON_MESSAGE(r);
    }
    QCOMPARE(org.teams.size(), teamCount);
    QCOMPARE(org.teams.value(teamSlug).name, teamName);
    QCOMPARE(org.nextIncidentNumber, nextIncident);

    // The full key still writes.
    r = send(base, "PUT", QStringLiteral("/api-public/v1/team/") + teamSlug,
        QJsonObject { { QStringLiteral("name"), QStringLiteral("Renamed") } });
    EXPECT_STATUS(r, 200);
}

// --- Rate limits ------------------------------------------------------------------------------

void TestSimServer::rateLimitThrottlesWith403()
{
    SimOptions options;
    options.readOnlyKeys = QStringList { QStringLiteral("second-key") };
    QString error;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;
    QVERIFY2(!demo.isEmpty(), "the seeded org names no demo user");
    const QString path = QStringLiteral("/api-public/v1/profile/%1/policies").arg(demo);

    for (int i = 1; i <= 20; ++i) {
        const HttpResult r = send(base, "GET", path);
        QVERIFY2(r.status == 200,
            qPrintable(r.describe(QStringLiteral("call %1 of 20 should pass").arg(i))));
    }
    HttpResult r = send(base, "GET", path);
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
    // The simulator counts what it answered, and which answers were throttled.
    r = control(*server, "GET", QStringLiteral("stats"));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.object().value(QStringLiteral("apiRequests")).toInteger(), 21);
    QCOMPARE(r.object().value(QStringLiteral("throttledAnswers")).toInteger(), 1);
    QCOMPARE(r.object().value(QStringLiteral("demoUser")).toString(), demo);

    // The limit is per key and per operation.
    r = send(base, "GET", path, {}, Auth::withKey(QByteArrayLiteral("second-key")));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);

    // The control endpoint forgets the calls made so far.
    r = control(*server, "DELETE", QStringLiteral("rate-limits"));
    QVERIFY2(
        r.status >= 200 && r.status < 300, qPrintable(r.describe(QStringLiteral("expected 2xx"))));
    r = send(base, "GET", path);
    EXPECT_STATUS(r, 200);
}

void TestSimServer::rateLimitThrottlesWith429AndRetryAfter()
{
    SimOptions options;
    options.throttleStatus = 429;
    QString error;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString path
        = QStringLiteral("/api-public/v1/profile/%1/policies").arg(server->context().org.demoUser);

    for (int i = 1; i <= 20; ++i) {
        const HttpResult r = send(base, "GET", path);
        QVERIFY2(r.status == 200,
            qPrintable(r.describe(QStringLiteral("call %1 of 20 should pass").arg(i))));
    }
    const HttpResult r = send(base, "GET", path);
    EXPECT_STATUS(r, 429);
    EXPECT_JSON_MESSAGE(r);
    const QByteArray retryAfter = r.headers.value(QByteArrayLiteral("retry-after"));
    bool ok = false;
    const int seconds = retryAfter.toInt(&ok);
    QVERIFY2(ok && seconds > 0 && seconds <= 60,
        qPrintable(QStringLiteral("Retry-After should be whole seconds in 1..60, got '%1'")
                       .arg(QString::fromLatin1(retryAfter))));
}

void TestSimServer::rateLimitReportingOncePerMinute()
{
    QString error;
    const auto server = startServer(SimOptions {}, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = send(base, "GET", QStringLiteral("/api-reporting/v2/incidents"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-reporting/v2/incidents?offset=20"));
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
}

void TestSimServer::rateLimitCountsWrites()
{
    QString error;
    const auto server = startServer(SimOptions {}, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    // POST /api-public/v1/user/batch: 15 a minute.
    // The definition's body is a bare array of AddUserPayload.
    auto batch = [](int i) {
        const QString username = QStringLiteral("rate.limit.%1").arg(i);
        return QJsonArray { QJsonObject {
            { QStringLiteral("firstName"), QStringLiteral("Rate") },
            { QStringLiteral("lastName"), QStringLiteral("Limit %1").arg(i) },
            { QStringLiteral("username"), username },
            { QStringLiteral("email"),
                QString(username + QStringLiteral("@northwind-labs.example")) },
        } };
    };
    for (int i = 1; i <= 15; ++i) {
        const HttpResult r
            = send(base, "POST", QStringLiteral("/api-public/v1/user/batch"), batch(i));
        QVERIFY2(r.status == 200,
            qPrintable(r.describe(QStringLiteral("write %1 of 15 should pass").arg(i))));
    }
    const HttpResult r = send(base, "POST", QStringLiteral("/api-public/v1/user/batch"), batch(16));
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
    QVERIFY2(!server->context().org.users.contains(QStringLiteral("rate.limit.16")),
        "a throttled write changed the org");
    QVERIFY2(server->context().org.users.contains(QStringLiteral("rate.limit.15")),
        "an accepted batch write did not add its user");
}

// --- Faults -----------------------------------------------------------------------------------

void TestSimServer::faultError()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("error,status=503,count=1"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 503);
    EXPECT_JSON_MESSAGE(r);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
}

void TestSimServer::faultDrop()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    // Without a count: Qt retries a request once when a reused connection closes, and that retry
    // must be dropped too.
    HttpResult r = setFaults(*server, QStringLiteral("drop"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    QVERIFY2(r.finished, "a dropped connection must end the request, not hang it");
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError
            || r.error == QNetworkReply::ProtocolFailure
            || r.error == QNetworkReply::UnknownNetworkError
            || r.error == QNetworkReply::ConnectionRefusedError,
        qPrintable(r.describe(QStringLiteral("expected the connection to be closed"))));

    r = control(*server, "DELETE", QStringLiteral("faults"));
    QVERIFY2(
        r.status >= 200 && r.status < 300, qPrintable(r.describe(QStringLiteral("expected 2xx"))));
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
}

void TestSimServer::faultMalformed()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("malformed,count=1"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 200);
    QVERIFY2(!r.body.isEmpty(), "a malformed answer still has a body");
    QVERIFY2(
        !r.parses(), qPrintable(r.describe(QStringLiteral("expected a body that is not JSON"))));
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 200);
    QVERIFY(r.parses());
}

void TestSimServer::faultTruncate()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("truncate,count=1"));
    EXPECT_STATUS(r, 200);
    const HttpResult cut = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    QVERIFY2(cut.finished && cut.error == QNetworkReply::NoError,
        qPrintable(cut.describe(QStringLiteral("expected a complete HTTP answer"))));
    QVERIFY2(!cut.parses(),
        qPrintable(cut.describe(QStringLiteral("expected a body that does not parse"))));
    const HttpResult whole = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(whole, 200);
    QVERIFY(whole.parses());
    QVERIFY2(cut.body.size() < whole.body.size(),
        qPrintable(QStringLiteral("truncated body has %1 bytes, the whole one %2")
                       .arg(cut.body.size())
                       .arg(whole.body.size())));
    QVERIFY(whole.body.startsWith(cut.body));
}

void TestSimServer::faultSlow()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("slow,ms=800,count=1"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
    QVERIFY2(
        r.elapsedMs >= 800, qPrintable(QStringLiteral("answered after %1 ms").arg(r.elapsedMs)));
    QVERIFY(r.parses());
}

void TestSimServer::faultThrottle()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("throttle,count=1"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 403);
    EXPECT_JSON_MESSAGE(r);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
}

void TestSimServer::faultPathPrefix()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r
        = setFaults(*server, QStringLiteral("error,status=502,path=/api-public/v1/incidents"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 502);
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 502);
}

void TestSimServer::faultBadSpec()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("explode"));
    EXPECT_STATUS(r, 400);
    EXPECT_JSON_MESSAGE(r);
    r = setFaults(*server, QStringLiteral("error,status=abc"));
    EXPECT_STATUS(r, 400);
    r = setFaults(*server, QStringLiteral("slow,bogus=1"));
    EXPECT_STATUS(r, 400);
    r = control(*server, "PUT", QStringLiteral("faults"),
        QJsonObject { { QStringLiteral("rules"), QStringLiteral("drop") } });
    EXPECT_STATUS(r, 400);
    EXPECT_JSON_MESSAGE(r);

    // Nothing was installed by the refused specs.
    r = control(*server, "GET", QStringLiteral("faults"));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.object().value(QStringLiteral("faults")).toString(), QString());
    r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
}

// lost: the operation takes effect, and then the connection closes with no answer at all.
void TestSimServer::faultLostAppliesThenCloses()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;
    HttpResult r;
    const QString number = createIncident(base, demo, &r);
    QVERIFY2(!number.isEmpty(), qPrintable(r.describe(QStringLiteral("creating an incident"))));
    QCOMPARE(
        server->context().org.incidents.value(number.toInt()).phase, QStringLiteral("UNACKED"));

    r = setFaults(
        *server, QStringLiteral("lost,count=1,method=PATCH,path=/api-public/v1/incidents/ack"));
    EXPECT_STATUS(r, 200);
    RawConnection connection;
    QVERIFY(connection.open(server->port()));
    const QJsonObject ack { { QStringLiteral("userName"), demo },
        { QStringLiteral("incidentNames"), QJsonArray { number } } };
    connection.send(
        "PATCH", "/api-public/v1/incidents/ack", QJsonDocument(ack).toJson(QJsonDocument::Compact));
    QVERIFY2(connection.waitUntil([&connection] { return connection.closed(); }),
        "the connection should have been closed");
    QVERIFY2(connection.received.isEmpty(),
        qPrintable(QStringLiteral("nothing should have been answered, got '%1'")
                       .arg(QString::fromUtf8(connection.received))));
    QCOMPARE(server->context().org.incidents.value(number.toInt()).phase, QStringLiteral("ACKED"));

    // The rule was used up: the next call is answered.
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/") + number);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.object().value(QStringLiteral("currentPhase")).toString(), QStringLiteral("ACKED"));
}

// lost,ms=N: applied at once, the connection held open and silent, then closed without an answer.
void TestSimServer::faultLostWaitsBeforeClosing()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const qsizetype teamsBefore = server->context().org.teams.size();

    HttpResult r = setFaults(*server, QStringLiteral("lost,ms=1500,method=POST"));
    EXPECT_STATUS(r, 200);
    RawConnection connection;
    QVERIFY(connection.open(server->port()));
    connection.send(
        "POST", "/api-public/v1/team", QByteArrayLiteral("{\"name\":\"Lost Answers\"}"));
    QVERIFY2(
        connection.waitUntil([&] { return server->context().org.teams.size() == teamsBefore + 1; }),
        "the team should have been made");
    QVERIFY2(!connection.closed(), "the connection should stay open for ms before closing");
    QVERIFY2(connection.waitUntil([&connection] { return connection.closed(); }),
        "the connection should have been closed");
    QVERIFY2(connection.received.isEmpty(),
        qPrintable(QStringLiteral("nothing should have been answered, got '%1'")
                       .arg(QString::fromUtf8(connection.received))));
    r = control(*server, "GET", QStringLiteral("faults"));
    QCOMPARE(r.object().value(QStringLiteral("faults")).toString(),
        QStringLiteral("lost,method=POST,ms=1500"));
}

void TestSimServer::faultRedirect()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const qsizetype teamsBefore = server->context().org.teams.size();

    HttpResult r = setFaults(*server,
        QStringLiteral("redirect,status=307,location=http://127.0.0.1:9/elsewhere,count=2"));
    EXPECT_STATUS(r, 200);
    RawConnection connection;
    QVERIFY(connection.open(server->port()));
    connection.send("POST", "/api-public/v1/team", QByteArrayLiteral("{\"name\":\"Redirected\"}"));
    QVERIFY2(connection.waitUntil([&connection] { return connection.answered(); }),
        qPrintable(QString::fromUtf8(connection.received)));
    QCOMPARE(connection.status(), 307);
    QCOMPARE(connection.header("location"), QByteArrayLiteral("http://127.0.0.1:9/elsewhere"));
    QCOMPARE(server->context().org.teams.size(), teamsBefore); // a redirect applies nothing

    // Without a status, a 302.
    r = setFaults(*server, QStringLiteral("redirect,location=https://example.invalid/x"));
    EXPECT_STATUS(r, 200);
    RawConnection second;
    QVERIFY(second.open(server->port()));
    second.send("GET", "/api-public/v1/user");
    QVERIFY(second.waitUntil([&second] { return second.answered(); }));
    QCOMPARE(second.status(), 302);
    QCOMPARE(second.header("location"), QByteArrayLiteral("https://example.invalid/x"));

    r = setFaults(*server, QStringLiteral("redirect"));
    EXPECT_STATUS(r, 400); // where to is required
    r = setFaults(*server, QStringLiteral("redirect,location=http://x/,status=200"));
    EXPECT_STATUS(r, 400);
}

void TestSimServer::faultHuge()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = setFaults(*server, QStringLiteral("huge,mb=3,count=1"));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.body.size(), qsizetype(3 * 1024 * 1024));
    QCOMPARE(
        r.headers.value(QByteArrayLiteral("content-length")), QByteArray::number(3 * 1024 * 1024));
    QVERIFY2(r.parses(), "the huge body is JSON");
    QVERIFY(r.body.startsWith("{\"padding\":\"xxx"));

    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
    EXPECT_STATUS(r, 200);
    QVERIFY(r.object().value(QStringLiteral("incidents")).isArray());
    r = setFaults(*server, QStringLiteral("huge,mb=0"));
    EXPECT_STATUS(r, 400);
}

// trickle: the real answer, a few bytes at a time; other connections are answered meanwhile.
void TestSimServer::faultTrickle()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QByteArray path = "/api-public/v1/user/" + server->context().org.demoUser.toUtf8();
    const HttpResult whole = send(base, "GET", QString::fromUtf8(path));
    EXPECT_STATUS(whole, 200);

    HttpResult r = setFaults(*server, QStringLiteral("trickle,bps=400,count=1"));
    EXPECT_STATUS(r, 200);
    RawConnection slow;
    QVERIFY(slow.open(server->port()));
    slow.send("GET", path);
    QVERIFY(slow.waitUntil([&slow] { return !slow.received.isEmpty(); }));
    QVERIFY2(!slow.answered(), "the first piece should not be the whole answer");

    r = send(base, "GET", QString::fromUtf8(path)); // the simulator is not held up meanwhile
    EXPECT_STATUS(r, 200);
    QVERIFY2(!slow.answered(), "the trickled answer should still be arriving");

    QVERIFY2(slow.waitUntil([&slow] { return slow.answered(); }),
        qPrintable(QString::fromUtf8(slow.received)));
    QVERIFY2(slow.pieces > 2, qPrintable(QStringLiteral("%1 pieces").arg(slow.pieces)));
    QCOMPARE(slow.status(), 200);
    QCOMPARE(slow.body(), whole.body);
}

// Where the transport cannot hold a connection (Qt HttpServer 6.5 and later), the faults that
// need it are refused with a reason rather than answered some other way.
void TestSimServer::faultsNeedingTheConnectionRefusedWithoutIt()
{
    const QStringList needing { QStringLiteral("slow,ms=10"), QStringLiteral("drop"),
        QStringLiteral("lost"), QStringLiteral("lost,ms=100"),
        QStringLiteral("redirect,location=http://x/"), QStringLiteral("huge,mb=1"),
        QStringLiteral("trickle,bps=10") };
    for (const QString& spec : needing) {
        FaultPlan plan;
        const auto problem = plan.parse(spec, false);
        QVERIFY2(problem && problem->contains(QLatin1String("Qt")), qPrintable(spec));
        QVERIFY(plan.isEmpty());
        FaultPlan able;
        QVERIFY2(!able.parse(spec, true), qPrintable(spec));
        QVERIFY(!able.isEmpty());
    }
    const QStringList fine { QStringLiteral("error,status=503"), QStringLiteral("malformed"),
        QStringLiteral("truncate"), QStringLiteral("throttle") };
    for (const QString& spec : fine) {
        FaultPlan plan;
        QVERIFY2(!plan.parse(spec, false), qPrintable(spec));
    }
    // Options a kind does not use are refused rather than ignored.
    FaultPlan plan;
    QVERIFY(plan.parse(QStringLiteral("drop,ms=100")));
    QVERIFY(plan.parse(QStringLiteral("error,bps=3")));
    QVERIFY(plan.parse(QStringLiteral("trickle,bps=0")));
}

void TestSimServer::faultSpecRefusedAtStart()
{
    SimOptions options = unlimited();
    options.faults = QStringLiteral("error,status=503;explode");
    SimServer server(options);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(QLatin1String("explode")), qPrintable(error));
}

// --- State changes through the public API --------------------------------------------------------

void TestSimServer::unknownIdsAre404()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    const QStringList paths {
        QStringLiteral("/api-public/v1/incidents/987654"),
        QStringLiteral("/api-public/v1/user/no.such.person"),
        QStringLiteral("/api-public/v1/team/team-doesnotexist"),
        QStringLiteral("/api-public/v1/policies/pol-doesnotexist"),
        QStringLiteral("/api-public/v1/overrides/00000000-0000-4000-8000-000000000000"),
        QStringLiteral("/api-public/v1/alerts/00000000-0000-4000-8000-000000000000"),
    };
    for (const QString& path : paths) {
        const HttpResult r = send(base, "GET", path);
        QVERIFY2(r.status == 404,
            qPrintable(r.describe(QStringLiteral("GET %1: expected HTTP 404").arg(path))));
        EXPECT_JSON_MESSAGE(r);
    }
}

void TestSimServer::ackIncident()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;

    HttpResult r;
    const QString number = createIncident(base, demo, &r);
    QVERIFY2(!number.isEmpty(),
        qPrintable(
            r.describe(QStringLiteral("creating an incident should answer its incidentNumber"))));

    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/") + number);
    EXPECT_STATUS(r, 200);
    QCOMPARE(
        r.object().value(QStringLiteral("currentPhase")).toString(), QStringLiteral("UNACKED"));
    const qsizetype transitionsBefore
        = r.object().value(QStringLiteral("transitions")).toArray().size();

    const QJsonObject ack {
        { QStringLiteral("userName"), demo },
        { QStringLiteral("incidentNames"), QJsonArray { number } },
        { QStringLiteral("message"), QStringLiteral("looking into it") },
    };
    r = send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/ack"), ack);
    EXPECT_STATUS(r, 200);
    QJsonArray results = r.object().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(
        incidentNumberOf(results.at(0).toObject().value(QStringLiteral("incidentNumber"))), number);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("cmdAccepted")).toBool(), true);

    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/") + number);
    EXPECT_STATUS(r, 200);
    const QJsonObject incident = r.object();
    QCOMPARE(incident.value(QStringLiteral("currentPhase")).toString(), QStringLiteral("ACKED"));
    const QJsonArray transitions = incident.value(QStringLiteral("transitions")).toArray();
    QCOMPARE(transitions.size(), transitionsBefore + 1);
    bool ackedByDemo = false;
    for (const QJsonValue& transition : transitions) {
        const QJsonObject t = transition.toObject();
        if (t.value(QStringLiteral("name")).toString() == QLatin1String("ACKED")
            && t.value(QStringLiteral("by")).toString() == demo)
            ackedByDemo = true;
    }
    QVERIFY2(ackedByDemo,
        qPrintable(r.describe(QStringLiteral("expected an ACKED transition by %1").arg(demo))));

    // Acking twice is refused per incident, not for the whole call.
    r = send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/ack"), ack);
    EXPECT_STATUS(r, 200);
    results = r.object().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("cmdAccepted")).toBool(true), false);
}

void TestSimServer::resolveIncident()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;

    HttpResult r;
    const QString number = createIncident(base, demo, &r);
    QVERIFY2(!number.isEmpty(),
        qPrintable(
            r.describe(QStringLiteral("creating an incident should answer its incidentNumber"))));

    // Number -> currentPhase of the incidents the list holds.
    auto listed = [&]() {
        QHash<QString, QString> out;
        const HttpResult list = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
        for (const QJsonValue& incident :
            list.object().value(QStringLiteral("incidents")).toArray())
            out.insert(
                incidentNumberOf(incident.toObject().value(QStringLiteral("incidentNumber"))),
                incident.toObject().value(QStringLiteral("currentPhase")).toString());
        return out;
    };
    QCOMPARE(listed().value(number), QStringLiteral("UNACKED"));

    r = send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/resolve"),
        QJsonObject { { QStringLiteral("userName"), demo },
            { QStringLiteral("incidentNames"), QJsonArray { number } },
            { QStringLiteral("message"), QStringLiteral("cleaned up /var") } });
    EXPECT_STATUS(r, 200);
    const QJsonArray results = r.object().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("cmdAccepted")).toBool(), true);

    // Recently resolved, it stays in the list (see incidentListKeepsRecentlyResolved).
    QCOMPARE(listed().value(number), QStringLiteral("RESOLVED"));
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/") + number);
    EXPECT_STATUS(r, 200);
    QCOMPARE(
        r.object().value(QStringLiteral("currentPhase")).toString(), QStringLiteral("RESOLVED"));

    r = send(base, "GET", QStringLiteral("/api-reporting/v2/incidents?incidentNumber=") + number);
    EXPECT_STATUS(r, 200);
    bool found = false;
    for (const QJsonValue& incident : r.object().value(QStringLiteral("incidents")).toArray()) {
        const QJsonObject i = incident.toObject();
        if (incidentNumberOf(i.value(QStringLiteral("incidentNumber"))) != number)
            continue;
        found = true;
        QCOMPARE(i.value(QStringLiteral("currentPhase")).toString(), QStringLiteral("RESOLVED"));
    }
    QVERIFY2(found,
        qPrintable(r.describe(
            QStringLiteral("expected incident %1 in the reporting history").arg(number))));
}

// GET /incidents lists "currently open, acknowledged and recently resolved incidents": a resolved
// one stays for an hour of the simulator's time, as RESOLVED, then leaves the list.
void TestSimServer::incidentListKeepsRecentlyResolved()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;

    const auto listed = [&]() {
        QHash<QString, QString> phases;
        const HttpResult list = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
        for (const QJsonValue& i : list.object().value(QStringLiteral("incidents")).toArray()) {
            const QJsonObject incident = i.toObject();
            phases.insert(incidentNumberOf(incident.value(QStringLiteral("incidentNumber"))),
                incident.value(QStringLiteral("currentPhase")).toString());
        }
        return phases;
    };
    // What was resolved long ago (the seeded history) is not listed.
    const QDateTime hourAgo = server->context().now().addSecs(-3600);
    const QHash<QString, QString> seeded = listed();
    int resolvedLongAgo = 0;
    for (const SimIncident& incident : std::as_const(server->context().org.incidents)) {
        if (incident.phase != QLatin1String("RESOLVED") || incident.transitions.isEmpty()
            || incident.transitions.last().at >= hourAgo)
            continue;
        ++resolvedLongAgo;
        QVERIFY2(!seeded.contains(QString::number(incident.number)),
            qPrintable(QStringLiteral("incident %1 was resolved long ago").arg(incident.number)));
    }

    HttpResult r;
    const QString resolved = createIncident(base, demo, &r);
    QVERIFY(!resolved.isEmpty());
    const QString open = createIncident(base, demo, &r);
    QVERIFY(!open.isEmpty());
    r = send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/resolve"),
        QJsonObject { { QStringLiteral("userName"), demo },
            { QStringLiteral("incidentNames"), QJsonArray { resolved } } });
    EXPECT_STATUS(r, 200);

    QHash<QString, QString> phases = listed();
    QCOMPARE(phases.value(resolved), QStringLiteral("RESOLVED"));
    QCOMPARE(phases.value(open), QStringLiteral("UNACKED"));

    server->context().clockOffsetMs += 59 * 60 * 1000;
    QCOMPARE(listed().value(resolved), QStringLiteral("RESOLVED"));
    server->context().clockOffsetMs += 2 * 60 * 1000;
    phases = listed();
    QVERIFY2(!phases.contains(resolved), "resolved over an hour ago, it should have left the list");
    QCOMPARE(phases.value(open), QStringLiteral("UNACKED"));
    // It is still there by its number.
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/") + resolved);
    EXPECT_STATUS(r, 200);
    QCOMPARE(
        r.object().value(QStringLiteral("currentPhase")).toString(), QStringLiteral("RESOLVED"));
}

// SimOptions::resolvedWindowSeconds (--resolved-window) sets how long a resolved incident stays
// listed: one resolved longer ago than the window has left, one resolved within it is there.
void TestSimServer::incidentListKeepsResolvedForTheWindow()
{
    QString error;
    SimOptions options = unlimited();
    options.resolvedWindowSeconds = 300;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;

    const auto listed = [&]() {
        QHash<QString, QString> phases;
        const HttpResult list = send(base, "GET", QStringLiteral("/api-public/v1/incidents"));
        for (const QJsonValue& i : list.object().value(QStringLiteral("incidents")).toArray()) {
            const QJsonObject incident = i.toObject();
            phases.insert(incidentNumberOf(incident.value(QStringLiteral("incidentNumber"))),
                incident.value(QStringLiteral("currentPhase")).toString());
        }
        return phases;
    };
    const auto resolve = [&](const QString& number) {
        return send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/resolve"),
            QJsonObject { { QStringLiteral("userName"), demo },
                { QStringLiteral("incidentNames"), QJsonArray { number } } });
    };

    HttpResult r;
    const QString earlier = createIncident(base, demo, &r);
    QVERIFY(!earlier.isEmpty());
    const QString later = createIncident(base, demo, &r);
    QVERIFY(!later.isEmpty());
    const QString open = createIncident(base, demo, &r);
    QVERIFY(!open.isEmpty());

    r = resolve(earlier);
    EXPECT_STATUS(r, 200);
    server->context().clockOffsetMs += 4 * 60 * 1000;
    r = resolve(later);
    EXPECT_STATUS(r, 200);
    QHash<QString, QString> phases = listed();
    QCOMPARE(phases.value(earlier), QStringLiteral("RESOLVED"));
    QCOMPARE(phases.value(later), QStringLiteral("RESOLVED"));

    // Six minutes after the first and two after the second resolved.
    server->context().clockOffsetMs += 2 * 60 * 1000;
    phases = listed();
    QVERIFY2(!phases.contains(earlier),
        "resolved six minutes ago with a five-minute window, it should have left the list");
    QCOMPARE(phases.value(later), QStringLiteral("RESOLVED"));
    QCOMPARE(phases.value(open), QStringLiteral("UNACKED"));

    // Four more minutes: the second has left too; the open one stays whatever its age.
    server->context().clockOffsetMs += 4 * 60 * 1000;
    phases = listed();
    QVERIFY(!phases.contains(later));
    QCOMPARE(phases.value(open), QStringLiteral("UNACKED"));
}

// --page-user and --resolve-after, seen through the simulator's own record (/_sim/incidents).
void TestSimServer::liveActivityPagesUserAndRecoversAsPlanned()
{
    QString error;
    SimOptions options = unlimited();
    options.pageUser = QStringLiteral("no.such.user");
    QVERIFY(!startServer(options, &error));
    QVERIFY2(error.contains(QStringLiteral("no.such.user")), qPrintable(error));

    const auto seeded = startServer(unlimited(), &error);
    QVERIFY2(seeded, qPrintable(error));
    const QString demo = seeded->context().org.demoUser;
    options.pageUser = demo;
    options.resolveAfterMinSeconds = 60;
    options.resolveAfterMaxSeconds = 120;
    const auto server = startServer(options, &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    const auto record = [&](int since) {
        QHash<int, QJsonObject> byNumber;
        const HttpResult r
            = control(*server, "GET", QStringLiteral("incidents?since=%1").arg(since));
        for (const QJsonValue& v : r.object().value(QStringLiteral("incidents")).toArray())
            byNumber.insert(v.toObject().value(QStringLiteral("number")).toInt(), v.toObject());
        return byNumber;
    };
    HttpResult r = control(*server, "POST", QStringLiteral("incidents"),
        QJsonObject { { QStringLiteral("count"), 5 } });
    EXPECT_STATUS(r, 200);
    QList<int> created;
    for (const QJsonValue& v : r.object().value(QStringLiteral("created")).toArray())
        created.append(v.toInt());
    QCOMPARE(created.size(), 5);

    QHash<int, QJsonObject> seen = record(created.first());
    QCOMPARE(seen.size(), 5); // none older than `since`
    for (const int number : std::as_const(created)) {
        const QJsonObject incident = seen.value(number);
        QCOMPARE(incident.value(QStringLiteral("phase")).toString(), QStringLiteral("UNACKED"));
        QVERIFY2(incident.value(QStringLiteral("pagedUsers")).toArray().contains(demo),
            qPrintable(QStringLiteral("incident %1 does not page %2").arg(number).arg(demo)));
        QVERIFY(QDateTime::fromString(
            incident.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(incident.value(QStringLiteral("acked")).isNull());
        QVERIFY(incident.value(QStringLiteral("resolved")).isNull());
    }
    // What pages the user is also what the public API lists.
    r = send(base, "GET", QStringLiteral("/api-public/v1/incidents/%1").arg(created.first()));
    EXPECT_STATUS(r, 200);
    QVERIFY(r.object().value(QStringLiteral("pagedUsers")).toArray().contains(demo));

    // An acknowledgement is recorded, and does not stop the planned recovery.
    r = send(base, "PATCH", QStringLiteral("/api-public/v1/incidents/ack"),
        QJsonObject { { QStringLiteral("userName"), demo },
            { QStringLiteral("incidentNames"), QJsonArray { QString::number(created.at(1)) } } });
    EXPECT_STATUS(r, 200);
    QCOMPARE(recoverDueIncidents(server->context()), 0);
    server->context().clockOffsetMs += 59 * 1000;
    QCOMPARE(recoverDueIncidents(server->context()), 0); // none lives shorter than 60 s
    server->context().clockOffsetMs += 62 * 1000;
    QCOMPARE(recoverDueIncidents(server->context()), 5); // none longer than 120 s
    QCOMPARE(recoverDueIncidents(server->context()), 0);

    seen = record(created.first());
    for (const int number : std::as_const(created)) {
        const QJsonObject incident = seen.value(number);
        QCOMPARE(incident.value(QStringLiteral("phase")).toString(), QStringLiteral("RESOLVED"));
        const QDateTime start = QDateTime::fromString(
            incident.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
        const QDateTime resolved = QDateTime::fromString(
            incident.value(QStringLiteral("resolved")).toString(), Qt::ISODateWithMs);
        QVERIFY(resolved.isValid());
        QVERIFY2(start.msecsTo(resolved) >= 60 * 1000,
            qPrintable(QStringLiteral("incident %1 lived %2 ms")
                           .arg(number)
                           .arg(start.msecsTo(resolved))));
        QCOMPARE(incident.value(QStringLiteral("acked")).isString(), number == created.at(1));
    }

    // The server recovers them by itself, too.
    r = control(*server, "POST", QStringLiteral("incidents"));
    EXPECT_STATUS(r, 200);
    const int last = r.object().value(QStringLiteral("created")).toArray().at(0).toInt();
    QCOMPARE(record(last).value(last).value(QStringLiteral("phase")).toString(),
        QStringLiteral("UNACKED"));
    server->context().clockOffsetMs += 121 * 1000;
    QTRY_COMPARE_WITH_TIMEOUT(record(last).value(last).value(QStringLiteral("phase")).toString(),
        QStringLiteral("RESOLVED"), 10000);
}

void TestSimServer::takeOnCall()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    // On call for a policy: {teamsOnCall: [{team, onCallNow: [{escalationPolicy, users:
    // [{onCallUser}]}]}]}
    auto onCallFor = [&](const QString& policySlug, QStringList* policies = nullptr) {
        QStringList users;
        const HttpResult current
            = send(base, "GET", QStringLiteral("/api-public/v1/oncall/current"));
        for (const QJsonValue& team :
            current.object().value(QStringLiteral("teamsOnCall")).toArray()) {
            for (const QJsonValue& now :
                team.toObject().value(QStringLiteral("onCallNow")).toArray()) {
                const QString slug = now.toObject()
                                         .value(QStringLiteral("escalationPolicy"))
                                         .toObject()
                                         .value(QStringLiteral("slug"))
                                         .toString();
                if (policies)
                    policies->append(slug);
                if (slug != policySlug)
                    continue;
                for (const QJsonValue& user :
                    now.toObject().value(QStringLiteral("users")).toArray())
                    users.append(user.toObject()
                                     .value(QStringLiteral("onCallUser"))
                                     .toObject()
                                     .value(QStringLiteral("username"))
                                     .toString());
            }
        }
        return users;
    };

    QStringList policies;
    onCallFor(QString(), &policies);
    QString policy;
    QString fromUser;
    for (const QString& slug : std::as_const(policies)) {
        const QStringList users = onCallFor(slug);
        if (!users.isEmpty()) {
            policy = slug;
            fromUser = users.first();
            break;
        }
    }
    QVERIFY2(!policy.isEmpty(), "no escalation policy has anyone on call now");
    const QStringList before = onCallFor(policy);
    QString toUser;
    for (const SimUser& user : std::as_const(server->context().org.users)) {
        if (!before.contains(user.username)) {
            toUser = user.username;
            break;
        }
    }
    QVERIFY2(!toUser.isEmpty(), "the org has no user who is not on call already");

    HttpResult r
        = send(base, "PATCH", QStringLiteral("/api-public/v1/policies/%1/oncall/user").arg(policy),
            QJsonObject {
                { QStringLiteral("fromUser"), fromUser }, { QStringLiteral("toUser"), toUser } });
    EXPECT_STATUS(r, 200);
    QVERIFY2(r.object().value(QStringLiteral("result")).isString(),
        qPrintable(r.describe(QStringLiteral("expected {result}"))));

    const QStringList after = onCallFor(policy);
    QVERIFY2(after.contains(toUser) && !after.contains(fromUser),
        qPrintable(QStringLiteral("after %1 took on-call from %2 for %3, on call: %4")
                       .arg(toUser, fromUser, policy, after.join(QStringLiteral(", ")))));

    // Someone who is not on call cannot hand it over.
    r = send(base, "PATCH", QStringLiteral("/api-public/v1/policies/%1/oncall/user").arg(policy),
        QJsonObject {
            { QStringLiteral("fromUser"), fromUser }, { QStringLiteral("toUser"), toUser } });
    EXPECT_STATUS(r, 400);
    EXPECT_JSON_MESSAGE(r);
}

void TestSimServer::addPagingPolicyRule()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;
    const SimUser user = server->context().org.users.value(demo);
    QVERIFY2(!user.emails.isEmpty(), "the demo user has no e-mail contact");
    const int contactId = user.emails.first().id;
    const QString stepPath = QStringLiteral("/api-public/v1/profile/%1/policies/0").arg(demo);

    HttpResult r
        = send(base, "GET", QStringLiteral("/api-public/v1/profile/%1/policies").arg(demo));
    EXPECT_STATUS(r, 200);
    QVERIFY2(!r.object().value(QStringLiteral("steps")).toArray().isEmpty(),
        "the demo user's paging policy has no steps");
    r = send(base, "GET", stepPath);
    EXPECT_STATUS(r, 200);
    const qsizetype rulesBefore = r.object()
                                      .value(QStringLiteral("step"))
                                      .toObject()
                                      .value(QStringLiteral("rules"))
                                      .toArray()
                                      .size();

    const QJsonObject rule {
        { QStringLiteral("type"), QStringLiteral("email") },
        { QStringLiteral("contact"),
            QJsonObject { { QStringLiteral("id"), contactId },
                { QStringLiteral("type"), QStringLiteral("email") } } },
    };
    r = send(base, "POST", stepPath, rule);
    EXPECT_STATUS(r, 200);
    const QJsonObject added = r.object().value(QStringLiteral("stepRule")).toObject();
    QCOMPARE(added.value(QStringLiteral("type")).toString(), QStringLiteral("email"));
    QCOMPARE(added.value(QStringLiteral("index")).toInt(-1), int(rulesBefore));

    r = send(base, "GET", stepPath);
    EXPECT_STATUS(r, 200);
    const QJsonArray rules = r.object()
                                 .value(QStringLiteral("step"))
                                 .toObject()
                                 .value(QStringLiteral("rules"))
                                 .toArray();
    QCOMPARE(rules.size(), rulesBefore + 1);
    const QJsonObject last = rules.last().toObject();
    QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("email"));
    QCOMPARE(last.value(QStringLiteral("contact")).toObject().value(QStringLiteral("id")).toInt(),
        contactId);

    // A rule pointing at someone else's contact, or at a contact of the wrong kind, is refused.
    r = send(base, "POST", stepPath,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("sms") },
            { QStringLiteral("contact"),
                QJsonObject { { QStringLiteral("id"), contactId },
                    { QStringLiteral("type"), QStringLiteral("email") } } } });
    EXPECT_STATUS(r, 400);
    r = send(base, "POST", stepPath,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("email") },
            { QStringLiteral("contact"),
                QJsonObject { { QStringLiteral("id"), 99999999 },
                    { QStringLiteral("type"), QStringLiteral("email") } } } });
    EXPECT_STATUS(r, 400);
}

void TestSimServer::startAndEndMaintenance()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();

    HttpResult r = send(base, "GET", QStringLiteral("/api-public/v1/org/routing-keys"));
    EXPECT_STATUS(r, 200);
    const QJsonArray keys = r.object().value(QStringLiteral("routingKeys")).toArray();
    QVERIFY2(!keys.isEmpty(), "the seeded org has no routing keys");
    const QString key = keys.first().toObject().value(QStringLiteral("routingKey")).toString();

    auto instanceFor = [&](const QJsonObject& state) {
        for (const QJsonValue& instance :
            state.value(QStringLiteral("activeInstances")).toArray()) {
            for (const QJsonValue& target :
                instance.toObject().value(QStringLiteral("targets")).toArray()) {
                if (target.toObject().value(QStringLiteral("names")).toArray().contains(key))
                    return instance.toObject();
            }
        }
        return QJsonObject {};
    };

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    r = send(base, "POST", QStringLiteral("/api-public/v1/maintenancemode/start"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
            { QStringLiteral("names"), QJsonArray { key } },
            { QStringLiteral("purpose"), QStringLiteral("database failover drill") } });
    EXPECT_STATUS(r, 200);
    QJsonObject instance = instanceFor(r.object());
    QVERIFY2(!instance.isEmpty(),
        qPrintable(r.describe(QStringLiteral("expected an active instance for %1").arg(key))));
    const QString id = instance.value(QStringLiteral("instanceId")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(instance.value(QStringLiteral("isGlobal")).toBool(true), false);
    // startedAt is epoch milliseconds.
    const double startedAt = instance.value(QStringLiteral("startedAt")).toDouble();
    QVERIFY2(startedAt >= double(before - 60000)
            && startedAt <= double(QDateTime::currentMSecsSinceEpoch() + 60000),
        qPrintable(QStringLiteral("startedAt %1 is not epoch ms of now (%2)")
                       .arg(qint64(startedAt))
                       .arg(before)));

    r = send(base, "GET", QStringLiteral("/api-public/v1/maintenancemode"));
    EXPECT_STATUS(r, 200);
    QCOMPARE(instanceFor(r.object()).value(QStringLiteral("instanceId")).toString(), id);

    r = send(base, "PUT", QStringLiteral("/api-public/v1/maintenancemode/%1/end").arg(id));
    EXPECT_STATUS(r, 200);
    r = send(base, "GET", QStringLiteral("/api-public/v1/maintenancemode"));
    EXPECT_STATUS(r, 200);
    QVERIFY2(instanceFor(r.object()).isEmpty(),
        qPrintable(r.describe(QStringLiteral("maintenance for %1 should have ended").arg(key))));

    r = send(base, "PUT", QStringLiteral("/api-public/v1/maintenancemode/%1/end").arg(id));
    EXPECT_STATUS(r, 404);
    r = send(base, "POST", QStringLiteral("/api-public/v1/maintenancemode/start"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
            { QStringLiteral("names"), QJsonArray { QStringLiteral("no-such-routing-key") } } });
    EXPECT_STATUS(r, 400);
}

void TestSimServer::createAndDeleteOverride()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    auto listedIds = [&]() {
        QStringList ids;
        const HttpResult list = send(base, "GET", QStringLiteral("/api-public/v1/overrides"));
        for (const QJsonValue& o : list.object().value(QStringLiteral("overrides")).toArray())
            ids.append(o.toObject().value(QStringLiteral("publicId")).toString());
        return ids;
    };

    HttpResult r = send(base, "POST", QStringLiteral("/api-public/v1/overrides"),
        QJsonObject { { QStringLiteral("username"), demo },
            { QStringLiteral("timezone"), QStringLiteral("Europe/Berlin") },
            { QStringLiteral("start"), isoUtcSeconds(now.addDays(2)) },
            { QStringLiteral("end"), isoUtcSeconds(now.addDays(3)) } });
    EXPECT_STATUS(r, 200);
    const QJsonObject created = r.object().value(QStringLiteral("schedule")).toObject();
    const QString id = created.value(QStringLiteral("publicId")).toString();
    QVERIFY2(
        !id.isEmpty(), qPrintable(r.describe(QStringLiteral("expected {schedule: {publicId}}"))));
    QCOMPARE(created.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
        demo);
    QCOMPARE(created.value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));

    QVERIFY(listedIds().contains(id));
    r = send(base, "GET", QStringLiteral("/api-public/v1/overrides/") + id);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.object()
                 .value(QStringLiteral("override"))
                 .toObject()
                 .value(QStringLiteral("publicId"))
                 .toString(),
        id);

    r = send(base, "DELETE", QStringLiteral("/api-public/v1/overrides/") + id);
    QVERIFY2(
        r.status >= 200 && r.status < 300, qPrintable(r.describe(QStringLiteral("expected 2xx"))));
    r = send(base, "GET", QStringLiteral("/api-public/v1/overrides/") + id);
    EXPECT_STATUS(r, 404);
    QVERIFY(!listedIds().contains(id));

    // An override that ends before it starts is refused.
    r = send(base, "POST", QStringLiteral("/api-public/v1/overrides"),
        QJsonObject { { QStringLiteral("username"), demo },
            { QStringLiteral("timezone"), QStringLiteral("Europe/Berlin") },
            { QStringLiteral("start"), isoUtcSeconds(now.addDays(3)) },
            { QStringLiteral("end"), isoUtcSeconds(now.addDays(2)) } });
    EXPECT_STATUS(r, 400);
}

// Each write refuses a body that lacks a field its definition requires, with 400 and a message
// naming the field, and changes nothing.
void TestSimServer::requiredFieldsRefused()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const SimOrg& org = server->context().org;
    const QString u = org.demoUser;
    const QString team = org.teams.firstKey();
    const QString policy = org.policies.firstKey();
    const QJsonArray userTarget { QJsonObject {
        { QStringLiteral("type"), QStringLiteral("User") }, { QStringLiteral("slug"), u } } };

    struct Case {
        QByteArray method;
        QString path;
        QJsonValue body;
        QString missing; //!< the field the message must name
    };
    const auto object = [](std::initializer_list<QPair<QString, QJsonValue>> fields) {
        QJsonObject o;
        for (const auto& field : fields)
            o.insert(field.first, field.second);
        return QJsonValue(o);
    };
    const QString v1 = QStringLiteral("/api-public/v1");
    const QList<Case> cases {
        { "POST", v1 + QStringLiteral("/user"),
            object({ { QStringLiteral("firstName"), QStringLiteral("A") },
                { QStringLiteral("lastName"), QStringLiteral("B") },
                { QStringLiteral("username"), QStringLiteral("required.check") } }),
            QStringLiteral("email") },
        { "PUT", v1 + QStringLiteral("/user/") + u,
            object({ { QStringLiteral("lastName"), QStringLiteral("B") },
                { QStringLiteral("username"), u },
                { QStringLiteral("email"), QStringLiteral("a@b.example") } }),
            QStringLiteral("firstName") },
        { "POST", v1 + QStringLiteral("/user/%1/contact-methods/emails").arg(u),
            object({ { QStringLiteral("email"), QStringLiteral("x@b.example") } }),
            QStringLiteral("label") },
        { "POST", v1 + QStringLiteral("/user/%1/contact-methods/phones").arg(u),
            object({ { QStringLiteral("label"), QStringLiteral("desk") } }),
            QStringLiteral("phone") },
        { "PATCH", v1 + QStringLiteral("/team/%1/oncall/user").arg(team),
            object({ { QStringLiteral("fromUser"), u } }), QStringLiteral("toUser") },
        { "PATCH", v1 + QStringLiteral("/policies/%1/oncall/user").arg(policy),
            object({ { QStringLiteral("toUser"), u } }), QStringLiteral("fromUser") },
        { "POST", v1 + QStringLiteral("/incidents"),
            object({ { QStringLiteral("summary"), QStringLiteral("s") },
                { QStringLiteral("userName"), u }, { QStringLiteral("targets"), userTarget } }),
            QStringLiteral("details") },
        { "POST", v1 + QStringLiteral("/incidents"),
            object({ { QStringLiteral("summary"), QStringLiteral("s") },
                { QStringLiteral("details"), QStringLiteral("d") },
                { QStringLiteral("userName"), u },
                { QStringLiteral("targets"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("User") } } } } }),
            QStringLiteral("slug") },
        { "PATCH", v1 + QStringLiteral("/incidents/ack"),
            object({ { QStringLiteral("userName"), u } }), QStringLiteral("incidentNames") },
        { "PATCH", v1 + QStringLiteral("/incidents/resolve"),
            object({ { QStringLiteral("incidentNames"), QJsonArray { QStringLiteral("1") } } }),
            QStringLiteral("userName") },
        { "PATCH", v1 + QStringLiteral("/incidents/byUser/ack"), object({}),
            QStringLiteral("userName") },
        { "PATCH", v1 + QStringLiteral("/incidents/byUser/resolve"), object({}),
            QStringLiteral("userName") },
        { "POST", v1 + QStringLiteral("/incidents/reroute"),
            object({ { QStringLiteral("userName"), u },
                { QStringLiteral("reroutes"),
                    QJsonArray { QJsonObject { { QStringLiteral("targets"), userTarget } } } } }),
            QStringLiteral("incidentNumber") },
        { "POST", v1 + QStringLiteral("/policies"),
            object({ { QStringLiteral("name"), QStringLiteral("n") },
                { QStringLiteral("teamSlug"), team },
                { QStringLiteral("steps"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("entries"), QJsonArray {} } } } } }),
            QStringLiteral("timeout") },
        { "POST", v1 + QStringLiteral("/team"), object({}), QStringLiteral("name") },
        { "PUT", v1 + QStringLiteral("/team/") + team, object({}), QStringLiteral("name") },
        { "POST", v1 + QStringLiteral("/team/%1/members").arg(team), object({}),
            QStringLiteral("username") },
        { "DELETE", v1 + QStringLiteral("/team/%1/members/%2").arg(team, u), object({}),
            QStringLiteral("replacement") },
    };
    const QByteArray before = QJsonDocument(orgToJson(org)).toJson(QJsonDocument::Compact);
    for (const Case& c : cases) {
        const QString what = QString::fromLatin1(c.method) + QLatin1Char(' ') + c.path
            + QStringLiteral(" without ") + c.missing;
        const HttpResult r = send(base, c.method, c.path, c.body);
        QVERIFY2(r.status == 400, qPrintable(r.describe(what + QStringLiteral(": expected 400"))));
        QVERIFY2(r.object().value(QStringLiteral("message")).toString().contains(c.missing),
            qPrintable(r.describe(what + QStringLiteral(": the message should name it"))));
    }
    QVERIFY2(QJsonDocument(orgToJson(org)).toJson(QJsonDocument::Compact) == before,
        "a refused write changed the org");
}

// UpdateUserPayload requires username as well as the fields that change.
void TestSimServer::updateUserNeedsUsername()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const QString demo = server->context().org.demoUser;
    const QString firstName = server->context().org.users.value(demo).firstName;
    QJsonObject body { { QStringLiteral("firstName"), QStringLiteral("Renamed") },
        { QStringLiteral("lastName"), QStringLiteral("Person") },
        { QStringLiteral("email"), QStringLiteral("renamed.person@northwind-labs.example") } };

    HttpResult r = send(base, "PUT", QStringLiteral("/api-public/v1/user/") + demo, body);
    EXPECT_STATUS(r, 400);
    QVERIFY2(
        r.object().value(QStringLiteral("message")).toString().contains(QLatin1String("username")),
        qPrintable(r.describe(QStringLiteral("the message should name username"))));
    QCOMPARE(server->context().org.users.value(demo).firstName, firstName);

    body.insert(QStringLiteral("username"), demo);
    r = send(base, "PUT", QStringLiteral("/api-public/v1/user/") + demo, body);
    EXPECT_STATUS(r, 200);
    QCOMPARE(server->context().org.users.value(demo).firstName, QStringLiteral("Renamed"));
}

// DELETE /user/{user} takes a body ("{}" at least), and without a strategy (specifiedUser) a
// replacement wherever the user has a place in a rotation or escalation policy.
void TestSimServer::deleteUserNeedsBodyAndReplacement()
{
    QString error;
    const auto server = startServer(unlimited(), &error);
    QVERIFY2(server, qPrintable(error));
    const QUrl base = server->baseUrl();
    const SimOrg& org = server->context().org;

    QString onRotation;
    QString teammate;
    for (const SimRotation& rotation : org.rotations) {
        if (rotation.members.size() >= 2) {
            onRotation = rotation.members.first();
            teammate = rotation.members.at(1);
            break;
        }
    }
    QVERIFY2(!onRotation.isEmpty(), "no rotation of the seeded org has two members");
    const QString path = QStringLiteral("/api-public/v1/user/") + onRotation;

    HttpResult r = sendRaw(base, "DELETE", path, QByteArray(), Auth());
    EXPECT_STATUS(r, 400);
    EXPECT_JSON_MESSAGE(r);
    QVERIFY(org.users.contains(onRotation));

    r = send(base, "DELETE", path, QJsonObject {});
    EXPECT_STATUS(r, 422);
    QVERIFY2(r.object()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QLatin1String("replacement")),
        qPrintable(r.describe(QStringLiteral("the message should ask for a replacement"))));
    QVERIFY(org.users.contains(onRotation));

    r = send(base, "DELETE", path, QJsonObject { { QStringLiteral("replacement"), teammate } });
    EXPECT_STATUS(r, 200);
    QVERIFY(!org.users.contains(onRotation));

    // Someone with no place to fill goes with "{}".
    r = send(base, "POST", QStringLiteral("/api-public/v1/user"),
        QJsonObject { { QStringLiteral("firstName"), QStringLiteral("Short") },
            { QStringLiteral("lastName"), QStringLiteral("Lived") },
            { QStringLiteral("username"), QStringLiteral("short.lived") },
            { QStringLiteral("email"), QStringLiteral("short.lived@northwind-labs.example") } });
    EXPECT_STATUS(r, 200);
    r = send(base, "DELETE", QStringLiteral("/api-public/v1/user/short.lived"), QJsonObject {});
    EXPECT_STATUS(r, 200);
    QVERIFY(!org.users.contains(QStringLiteral("short.lived")));
}

// --- The state file and the executable -----------------------------------------------------------

void TestSimServer::stateFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    SimOptions options = unlimited();
    options.stateFile = dir.filePath(QStringLiteral("org.json"));

    QString slug;
    {
        QString error;
        const auto first = startServer(options, &error);
        QVERIFY2(first, qPrintable(error));
        const HttpResult r = send(first->baseUrl(), "POST", QStringLiteral("/api-public/v1/team"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("Round Trip Rangers") } });
        EXPECT_STATUS(r, 200);
        slug = r.object().value(QStringLiteral("slug")).toString();
        QVERIFY2(!slug.isEmpty(),
            qPrintable(r.describe(QStringLiteral("expected the new team's slug"))));
        QVERIFY2(first->saveState(&error), qPrintable(error));
    }
    QVERIFY(QFileInfo(options.stateFile).size() > 0);

    QString error;
    const auto second = startServer(options, &error);
    QVERIFY2(second, qPrintable(error));
    const HttpResult r
        = send(second->baseUrl(), "GET", QStringLiteral("/api-public/v1/team/") + slug);
    EXPECT_STATUS(r, 200);
    QCOMPARE(
        r.object().value(QStringLiteral("name")).toString(), QStringLiteral("Round Trip Rangers"));
    // The rest of the org came back too, not just the new team.
    QVERIFY(second->context().org.teams.size() > 1);
    QVERIFY(!second->context().org.demoUser.isEmpty());
}

void TestSimServer::executableServesAndStopsOnSigterm()
{
    const QString program = QStringLiteral(ROTA_BINARY_DIR "/sim/rota-sim");
    QVERIFY2(
        QFileInfo(program).isExecutable(), qPrintable(program + QStringLiteral(" is not built")));

    QProcess process;
    process.setProgram(program);
    process.setArguments({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
        QStringLiteral("1") });
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));

    // The first line tells where it listens and the control token.
    static const QRegularExpression listening(QStringLiteral(
        "listening on (http://127\\.0\\.0\\.1:(\\d+)) control-token ([0-9a-f]{32})\n"));
    QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
    QByteArray printed;
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(20000);
    while (!(match = listening.match(QString::fromUtf8(printed))).hasMatch()
        && !deadline.hasExpired() && process.state() == QProcess::Running) {
        if (process.bytesAvailable() == 0)
            output.wait(int(qMax<qint64>(1, deadline.remainingTime())));
        printed += process.readAllStandardOutput();
    }
    QVERIFY2(match.hasMatch(),
        qPrintable(QStringLiteral("rota-sim printed '%1', stderr '%2'")
                       .arg(QString::fromUtf8(printed),
                           QString::fromUtf8(process.readAllStandardError()))));
    QVERIFY(match.captured(2).toInt() > 0);
    const QUrl base(match.captured(1));
    const QByteArray token = match.captured(3).toLatin1();

    HttpResult r = send(base, "GET", QStringLiteral("/api-public/v1/user"));
    EXPECT_STATUS(r, 200);
    QVERIFY(!r.object().value(QStringLiteral("users")).toArray().isEmpty());
    r = send(base, "GET", QStringLiteral("/_sim/health"));
    EXPECT_STATUS(r, 401);
    r = send(base, "GET", QStringLiteral("/_sim/health"), {}, Auth { {}, {}, token });
    EXPECT_STATUS(r, 200);

    process.terminate(); // SIGTERM
    QVERIFY2(process.waitForFinished(10000), "rota-sim did not stop on SIGTERM");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSimServer::executableTakesControlTokenAndRefusesBadFaults()
{
    const QString program = QStringLiteral(ROTA_BINARY_DIR "/sim/rota-sim");
    QProcess process;
    process.setProgram(program);
    process.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--control-token"), QStringLiteral("chosen-token-1234") });
    process.start();
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    QByteArray printed;
    QVERIFY(QTest::qWaitFor(
        [&] {
            printed += process.readAllStandardOutput();
            return printed.contains('\n') || process.state() != QProcess::Running;
        },
        20000));
    QVERIFY2(printed.contains(" control-token chosen-token-1234\n"), printed.constData());
    const QUrl base(QString::fromUtf8(printed.mid(printed.indexOf("http://")).split(' ').first()));
    HttpResult r = send(base, "GET", QStringLiteral("/_sim/health"), {},
        Auth { {}, {}, QByteArrayLiteral("chosen-token-1234") });
    EXPECT_STATUS(r, 200);
    process.terminate();
    QVERIFY(process.waitForFinished(10000));

    // A fault spec it cannot do is refused at start, with the reason, not ignored.
    QProcess refused;
    refused.setProgram(program);
    refused.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--faults"), QStringLiteral("lost,status=500") });
    refused.start();
    QVERIFY(refused.waitForFinished(20000));
    QCOMPARE(refused.exitCode(), 2);
    QVERIFY2(
        refused.readAllStandardError().contains("takes no option 'status'"), "no reason given");
}

void TestSimServer::executableRefusesBadActivityOptions()
{
    const QString program = QStringLiteral(ROTA_BINARY_DIR "/sim/rota-sim");
    for (const QString& range : { QStringLiteral("9-3"), QStringLiteral("0-0"), QStringLiteral("5"),
             QStringLiteral("-5-10") }) {
        QProcess refused;
        refused.setProgram(program);
        refused.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--resolve-after"), range });
        refused.start();
        QVERIFY(refused.waitForFinished(20000));
        QVERIFY2(refused.exitCode() == 2, qPrintable(QStringLiteral("--resolve-after ") + range));
        QVERIFY(refused.readAllStandardError().contains("--resolve-after must be"));
    }
    for (const QString& window : { QStringLiteral("-1"), QStringLiteral("ten"),
             QStringLiteral("604801"), QStringLiteral("1.5") }) {
        QProcess refused;
        refused.setProgram(program);
        refused.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--resolved-window"), window });
        refused.start();
        QVERIFY(refused.waitForFinished(20000));
        QVERIFY2(
            refused.exitCode() == 2, qPrintable(QStringLiteral("--resolved-window ") + window));
        QVERIFY(refused.readAllStandardError().contains("--resolved-window must be"));
    }
    QProcess unknownUser;
    unknownUser.setProgram(program);
    unknownUser.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--page-user"), QStringLiteral("no.such.user") });
    unknownUser.start();
    QVERIFY(unknownUser.waitForFinished(20000));
    QCOMPARE(unknownUser.exitCode(), 1);
    QVERIFY(unknownUser.readAllStandardError().contains("no.such.user"));
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
