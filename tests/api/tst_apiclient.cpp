// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ApiClient over a fake network: headers, error mapping, coalescing, retries (never POST),
// Retry-After, abandon, parse errors; and timeouts, dropped connections and unreadable answers
// against rota-sim. Errors are told to people in words (the server's own reason kept), with the
// transport's and the parser's detail only in detail().
#include "apiclient.h"
#include "calls.h"
#include "fakenetwork.h"
#include "incidents.h"
#include "orgconfig.h"
#include "people.h"
#include "simfixture.h"
#include "teams.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

struct Echo {
    QString name;
    static Echo fromJson(const JsonReader& r) { return { r.str(QStringLiteral("name")) }; }
};

ApiRequest get(const QString& path)
{
    ApiRequest r;
    r.method = "GET";
    r.operation = QStringLiteral("GET /api-public/v1/incidents");
    r.path = path;
    return r;
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeNetwork> m_net;
    std::unique_ptr<ApiClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_net = std::make_unique<FakeNetwork>();
        m_client = std::make_unique<ApiClient>(m_net.get());
        QString error;
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("https://api.example.test")), &error));
        m_client->setCredentials(
            { QStringLiteral("the-id"), QStringLiteral("s3cret-key"), QStringLiteral("maya") });
        m_client->setRetryBaseDelay(5);
    }

    // Every path segment is percent-encoded exactly once, checked on the request line a plain
    // HTTP server receives (not rota-sim, which could be as forgiving as the client is wrong):
    // a space, '/', '#', '?', '%', '+' and letters beyond ASCII, in a username, a team slug and a
    // note name; '@' goes out as it is.
    void pathSegmentsAreEncodedOnce_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("space slash hash query")
            << QStringLiteral("ann/x y#z?") << QByteArray("ann%2Fx%20y%23z%3F");
        QTest::newRow("percent plus") << QStringLiteral("50%+1") << QByteArray("50%25%2B1");
        QTest::newRow("non-ascii")
            << QStringLiteral("zoë.müller") << QByteArray("zo%C3%AB.m%C3%BCller");
        QTest::newRow("e-mail") << QStringLiteral("ada@example.com")
                                << QByteArray("ada@example.com");
    }

    void pathSegmentsAreEncodedOnce()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QByteArray> lines;
        connect(&server, &QTcpServer::newConnection, this, [&server, &lines] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &lines] {
                if (!socket->canReadLine() || socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                lines.append(socket->readLine().trimmed());
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                              "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            });
        });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        ApiClient client(&network);
        QString error;
        QVERIFY(client.setBaseUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), &error));
        client.setCredentials(
            { QStringLiteral("id"), QStringLiteral("key"), QStringLiteral("me") });
        QVERIFY(waitFor(calls::getUser(client, value).reply));
        QVERIFY(waitFor(calls::getTeam(client, value).reply));
        QVERIFY(waitFor(calls::deleteIncidentNote(client, QStringLiteral("42"), value).reply));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), "GET /api-public/v1/user/" + encoded + " HTTP/1.1");
        QCOMPARE(lines.at(1), "GET /api-public/v1/team/" + encoded + " HTTP/1.1");
        QCOMPARE(lines.at(2), "DELETE /api-public/v1/incidents/42/notes/" + encoded + " HTTP/1.1");
    }

    //! A path template is filled in order, each value encoded once as a segment; the request
    //! carries the operation's key and, unless the caller chooses, the operation's own queue.
    void requestsAreBuiltFromTheDeclaration()
    {
        QCOMPARE(calls::path(ops::getPagingRule,
                     { QStringLiteral("ann/x@y"), QStringLiteral("3"), QStringLiteral("4") }),
            QStringLiteral("/api-public/v1/profile/ann%2Fx@y/policies/3/4"));
        QCOMPARE(calls::path(ops::listIncidents), QStringLiteral("/api-public/v1/incidents"));
        const ApiRequest note = calls::request(
            ops::deleteIncidentNote, { QStringLiteral("42"), QStringLiteral("a b") });
        QCOMPARE(note.method, QByteArray("DELETE"));
        QCOMPARE(note.operation,
            QStringLiteral("DELETE /api-public/v1/incidents/{incidentNumber}/notes/{noteName}"));
        QCOMPARE(note.path, QStringLiteral("/api-public/v1/incidents/42/notes/a%20b"));
        QCOMPARE(note.priority, ops::deleteIncidentNote.priority);
        const ApiRequest poll
            = calls::request(ops::listIncidents, {}, RequestScheduler::Priority::Background);
        QCOMPARE(poll.priority, RequestScheduler::Priority::Background);
    }

    //! The scheduler starts with every operation's documented limit, and each key is one
    //! operation's.
    void schedulerKnowsEveryDocumentedLimit()
    {
        RequestScheduler scheduler;
        QSet<QString> keys;
        for (const Operation& operation : operations()) {
            QVERIFY2(!keys.contains(operation.key()), qPrintable(operation.key()));
            keys.insert(operation.key());
            QCOMPARE(scheduler.limit(operation.key()), operation.limitPerMinute);
        }
        QCOMPARE(scheduler.limit(ops::getPagingPolicy.key()), 20);
        QCOMPARE(scheduler.limit(ops::searchIncidentHistory.key()), 1);
        QCOMPARE(scheduler.remaining(ops::getMaintenanceMode.key()), -1);
        QCOMPARE(m_client->scheduler()->limit(ops::createUsers.key()), 15);
    }

    void sendsCredentialsInHeadersOnly()
    {
        ApiReply* reply = m_client->send(get(QStringLiteral("/api-public/v1/incidents")));
        QVERIFY(waitFor(reply));
        QVERIFY(reply->ok());
        QCOMPARE(m_net->seen.size(), 1);
        const auto& seen = m_net->seen.first();
        QCOMPARE(seen.request.rawHeader("X-VO-Api-Id"), QByteArrayLiteral("the-id"));
        QCOMPARE(seen.request.rawHeader("X-VO-Api-Key"), QByteArrayLiteral("s3cret-key"));
        QVERIFY(!seen.url.toString().contains(QLatin1String("s3cret")));
        QCOMPARE(seen.url.toString(),
            QStringLiteral("https://api.example.test/api-public/v1/incidents"));
    }

    void refusesPlainHttpExceptLoopback()
    {
        QString error;
        QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://api.victorops.com")), &error));
        QVERIFY(error.contains(QLatin1String("https")));
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")), &error));
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("http://localhost:8080")), &error));
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("http://[::1]:8080")), &error));
        QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("ftp://api.victorops.com")), &error));
        QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("not a url")), &error));
    }

    void mapsStatusesToErrorKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("kept"); //!< the server's words that text() keeps for people
        QTest::newRow("401") << 401
                             << QByteArray("{\"message\":\"Authentication parameters missing\"}")
                             << int(ApiErrorKind::Unauthorised) << QString();
        QTest::newRow("403 auth") << 403 << QByteArray("{\"message\":\"Authentication failed\"}")
                                  << int(ApiErrorKind::Forbidden)
                                  << QStringLiteral("Authentication failed");
        QTest::newRow("403 rate") << 403 << QByteArray("{\"message\":\"API rate limit reached\"}")
                                  << int(ApiErrorKind::Throttled) << QString();
        QTest::newRow("429") << 429 << QByteArray("{\"message\":\"Too Many Requests\"}")
                             << int(ApiErrorKind::Throttled) << QString();
        QTest::newRow("404") << 404 << QByteArray("{\"message\":\"nope\"}")
                             << int(ApiErrorKind::NotFound) << QStringLiteral("nope");
        QTest::newRow("400") << 400 << QByteArray("{\"message\":\"field 'x' is required\"}")
                             << int(ApiErrorKind::BadRequest)
                             << QStringLiteral("field 'x' is required");
        QTest::newRow("422") << 422 << QByteArray("{}") << int(ApiErrorKind::BadRequest)
                             << QString();
        QTest::newRow("500") << 500 << QByteArray("<html>") << int(ApiErrorKind::Server)
                             << QString();
    }
    void mapsStatusesToErrorKinds()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, kept);
        // POST: never retried, so one answer decides.
        m_net->script(QStringLiteral("/x"),
            { FakeAnswer { status, body, {}, QNetworkReply::NoError, 0, false } });
        ApiRequest request = get(QStringLiteral("/x"));
        request.method = "POST";
        ApiReply* reply = m_client->send(request);
        QVERIFY(waitFor(reply));
        QCOMPARE(int(reply->error().kind), kind);
        QCOMPARE(reply->error().httpStatus, status);
        QVERIFY(!reply->error().text().isEmpty());
        if (!kept.isEmpty()) {
            QVERIFY2(reply->error().text().contains(kept), qPrintable(reply->error().text()));
            QCOMPARE(reply->error().userMessage(), kept);
        }
        QVERIFY2(reply->error().detail().contains(QStringLiteral("HTTP %1").arg(status)),
            qPrintable(reply->error().detail()));
        QCOMPARE(m_net->seen.size(), 1);
    }

    void neverRetriesPost()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 503, "{}", {}, QNetworkReply::NoError, 0, false } });
        ApiRequest request = get(QStringLiteral("/api-public/v1/incidents"));
        request.method = "POST";
        request.operation = QStringLiteral("POST /api-public/v1/incidents");
        ApiReply* reply = m_client->send(request);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::Server);
        QCOMPARE(m_net->seen.size(), 1);
    }

    void neverRetriesPatch()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents/ack"),
            { FakeAnswer { 0, {}, {}, QNetworkReply::RemoteHostClosedError, 0, false } });
        ApiRequest request = get(QStringLiteral("/api-public/v1/incidents/ack"));
        request.method = "PATCH";
        request.operation = QStringLiteral("PATCH /api-public/v1/incidents/ack");
        ApiReply* reply = m_client->send(request);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::Network);
        QCOMPARE(m_net->seen.size(), 1);
    }

    void retriesIdempotentCallsOnTransientErrors()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 503, "{}", {}, QNetworkReply::NoError, 0, false },
                FakeAnswer { 0, {}, {}, QNetworkReply::RemoteHostClosedError, 0, false },
                FakeAnswer { 200, "{\"name\":\"ok\"}", {}, QNetworkReply::NoError, 0, false } });
        ApiRequest request = get(QStringLiteral("/api-public/v1/incidents"));
        auto call = calls::send<Echo>(*m_client, request);
        QVERIFY(waitFor(call.reply));
        QVERIFY2(call.reply->ok(), qPrintable(call.reply->error().text()));
        QCOMPARE(call.value().name, QStringLiteral("ok"));
        QCOMPARE(m_net->seen.size(), 3);
    }

    void givesUpAfterMaxAttempts()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 502, "{}", {}, QNetworkReply::NoError, 0, false } });
        ApiReply* reply = m_client->send(get(QStringLiteral("/api-public/v1/incidents")));
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::Server);
        QCOMPARE(m_net->seen.size(), ApiClient::MaxAttempts);
    }

    void doesNotRetryClientErrors()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 404, "{}", {}, QNetworkReply::NoError, 0, false } });
        ApiReply* reply = m_client->send(get(QStringLiteral("/api-public/v1/incidents")));
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::NotFound);
        QCOMPARE(m_net->seen.size(), 1);
    }

    void honoursRetryAfter()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 429, "{\"message\":\"Too Many Requests\"}", { { "Retry-After", "1" } },
                  QNetworkReply::NoError, 0, false },
                FakeAnswer { 200, "{\"name\":\"later\"}", {}, QNetworkReply::NoError, 0, false } });
        QElapsedTimer timer;
        timer.start();
        auto call = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents")));
        QTRY_COMPARE_WITH_TIMEOUT(m_net->seen.size(), 1, 2000);
        // Held back once the 429 is read (the request is seen before its answer is handled): the
        // scheduler reports a wait for this operation.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_client->scheduler()->waitFor(
                QStringLiteral("GET /api-public/v1/incidents"), RequestScheduler::Priority::User)
                > 500,
            400);
        QVERIFY(waitFor(call.reply, 5000));
        QVERIFY(call.reply->ok());
        QCOMPARE(call.value().name, QStringLiteral("later"));
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_net->seen.size(), 2);
    }

    void throttledPostIsNotResentButHoldsTheOperation()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 403, "{\"message\":\"API rate limit reached\"}", {},
                QNetworkReply::NoError, 0, false } });
        ApiRequest request = get(QStringLiteral("/api-public/v1/incidents"));
        request.method = "POST";
        request.operation = QStringLiteral("POST /api-public/v1/incidents");
        ApiReply* reply = m_client->send(request);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::Throttled);
        QCOMPARE(m_net->seen.size(), 1);
        QVERIFY(m_client->scheduler()->waitFor(request.operation, RequestScheduler::Priority::User)
            >= 4000);
    }

    void coalescesIdenticalGets()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 200, "{\"name\":\"shared\"}", {}, QNetworkReply::NoError, 30, false } });
        auto first = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents")));
        auto second = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents")));
        auto other
            = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents/7")));
        QVERIFY(waitForAll({ first.reply, second.reply, other.reply }));
        QCOMPARE(first.value().name, QStringLiteral("shared"));
        QCOMPARE(second.value().name, QStringLiteral("shared"));
        QCOMPARE(m_net->countFor(QStringLiteral("/api-public/v1/incidents")), 1);
        QCOMPARE(m_net->seen.size(), 2);
    }

    void doesNotCoalescePosts()
    {
        ApiRequest request = get(QStringLiteral("/api-public/v1/incidents"));
        request.method = "POST";
        ApiReply* a = m_client->send(request);
        ApiReply* b = m_client->send(request);
        QVERIFY(waitForAll({ a, b }));
        QCOMPARE(m_net->seen.size(), 2);
    }

    void abandonedReplyDoesNotFinish()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 200, "{}", {}, QNetworkReply::NoError, 20, false } });
        ApiReply* reply = m_client->send(get(QStringLiteral("/api-public/v1/incidents")));
        QPointer<ApiReply> guard(reply);
        QSignalSpy finished(reply, &ApiReply::finished);
        reply->abandon();
        QTRY_VERIFY(guard.isNull());
        QCOMPARE(finished.count(), 0);
    }

    void unreadableAnswerIsABadResponseNamingTheField()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 200, "{\"name\": 42}", {}, QNetworkReply::NoError, 0, false } });
        auto call = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents")));
        QVERIFY(waitFor(call.reply));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::BadResponse);
        QVERIFY2(call.reply->error().serverMessage.contains(QLatin1String("$.name")),
            qPrintable(call.reply->error().serverMessage));
        // People get words; the field path is for the log and the details.
        QCOMPARE(call.reply->error().text(),
            QStringLiteral("Splunk On-Call sent an answer Rota cannot read."));
        QVERIFY(call.reply->error().userMessage().isEmpty());
        QVERIFY2(call.reply->error().detail().contains(QLatin1String("$.name: expected")),
            qPrintable(call.reply->error().detail()));
    }

    void truncatedAnswerIsABadResponse()
    {
        m_net->script(QStringLiteral("/api-public/v1/incidents"),
            { FakeAnswer { 200, "{\"name\": \"tru", {}, QNetworkReply::NoError, 0, false } });
        auto call = calls::send<Echo>(*m_client, get(QStringLiteral("/api-public/v1/incidents")));
        QVERIFY(waitFor(call.reply));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::BadResponse);
    }

    void timesOutAgainstASlowServer()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("slow,ms=3000");
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        fixture.client->setTransferTimeout(300);
        ApiRequest request;
        request.method = "POST"; // not retried: one timeout decides
        request.operation = QStringLiteral("POST /api-public/v1/team");
        request.path = QStringLiteral("/api-public/v1/team");
        request.body = "{\"name\":\"Slow\"}";
        ApiReply* reply = fixture.client->send(request);
        QVERIFY(waitFor(reply, 5000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Timeout);
    }

    void droppedConnectionIsANetworkError()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("drop");
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ApiRequest request;
        request.method = "GET";
        request.operation = QStringLiteral("GET /api-public/v1/user");
        request.path = QStringLiteral("/api-public/v1/user");
        ApiReply* reply = fixture.client->send(request);
        QVERIFY(waitFor(reply, 5000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Network);
        // The transport's own text (sockets, hosts) is detail, not words for people.
        QCOMPARE(reply->error().text(),
            QStringLiteral("Cannot reach Splunk On-Call. Check the network connection."));
        QVERIFY(reply->error().userMessage().isEmpty());
        QVERIFY2(reply->error().detail().startsWith(QLatin1String("network: ")),
            qPrintable(reply->error().detail()));
        QVERIFY(reply->error().detail().size() > QStringLiteral("network: ").size());
    }

    void malformedAnswerIsToldInWordsWithTheParserDetailApart()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("malformed");
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        const auto call = calls::getMaintenanceMode(*fixture.client);
        QVERIFY(waitFor(call.reply, 5000));
        const ApiError error = call.reply->error();
        QCOMPARE(error.kind, ApiErrorKind::BadResponse);
        QCOMPARE(error.text(), QStringLiteral("Splunk On-Call sent an answer Rota cannot read."));
        for (const char* internal : { "$", "JSON", "byte", "illegal" })
            QVERIFY2(!error.text().contains(QLatin1String(internal)), qPrintable(error.text()));
        QVERIFY2(
            error.detail().startsWith(QLatin1String("bad-response, HTTP 200: $: not valid JSON")),
            qPrintable(error.detail()));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
