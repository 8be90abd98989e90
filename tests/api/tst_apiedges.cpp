// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ApiClient at the edges, over real HTTP to plain servers in the test: redirects are never
// followed (no byte reaches the other server), answers above the operation's size cap and
// attempts past their deadline are cut, Retry-After is capped, the server's words are bounded,
// writes addressed by position are sent once, a DELETE whose answer was lost is done when the
// retry finds it gone, maybeApplied marks writes whose answer was lost, a held call says so and
// can be taken back, and destroying the client leaves nothing running.
#include "apiclient.h"
#include "calls.h"
#include "capturingserver.h"
#include "fakenetwork.h"
#include "incidents.h"
#include "operations.h"
#include "simfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

ApiRequest withMethod(ApiRequest request, const QByteArray& method)
{
    request.method = method;
    return request;
}

} // namespace

class TestApiEdges : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    // --- redirects -------------------------------------------------------------------------

    void redirectsAreNeverFollowed_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("otherHost"); //!< else the same host on another port
        QTest::newRow("301 GET other host") << 301 << QByteArray("GET") << true;
        QTest::newRow("302 GET other host") << 302 << QByteArray("GET") << true;
        QTest::newRow("307 PUT other host") << 307 << QByteArray("PUT") << true;
        QTest::newRow("308 DELETE other host") << 308 << QByteArray("DELETE") << true;
        QTest::newRow("301 GET other port") << 301 << QByteArray("GET") << false;
        QTest::newRow("307 POST other port") << 307 << QByteArray("POST") << false;
        QTest::newRow("308 GET other port") << 308 << QByteArray("GET") << false;
    }

    void redirectsAreNeverFollowed()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, method);
        QFETCH(bool, otherHost);
        QTcpServer elsewhere;
        QVERIFY(elsewhere.listen(
            otherHost ? QHostAddress(QStringLiteral("127.0.0.2")) : QHostAddress::LocalHost));
        CapturingServer capturedElsewhere(
            &elsewhere, [](QTcpSocket* socket, int, const QByteArray&) {
                CapturingServer::respond(socket, 200, "{\"name\":\"stolen\"}");
            });
        const QString target = urlOf(elsewhere).toString() + QStringLiteral("/collect?x=1");

        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer capturedBase(&base, [&](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, status, "{}", { { "Location", target.toLatin1() } });
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request
            = withMethod(calls::request(ops::getIncident, { QStringLiteral("42") }), method);
        request.operation = QLatin1String(method) + QStringLiteral(" /api-public/v1/incidents/{n}");
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 5000));
        const ApiError error = reply->error();
        QCOMPARE(error.kind, ApiErrorKind::Redirected);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(!error.maybeApplied);
        const QString server = QStringLiteral("127.0.0.1:%1").arg(base.serverPort());
        QCOMPARE(error.server, server);
        QCOMPARE(error.text(),
            QStringLiteral("The server at %1 answered with a redirect to %2. Rota sends your API "
                           "key only to the address configured for this account, so it did not "
                           "follow it.")
                .arg(server, target));
        QCOMPARE(capturedBase.requests.size(), 1); // not retried
        QVERIFY(capturedBase.requests.first().contains("s3cret-key"));
        QTest::qWait(100);
        QCOMPARE(elsewhere.hasPendingConnections(), false);
        QCOMPARE(capturedElsewhere.connections, 0);
        QVERIFY(capturedElsewhere.received.isEmpty());
    }

    //! A relative Location is named as the full address it points to.
    void relativeRedirectIsNamedInFull()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 302, "{}", { { "Location", "/login\x1b[2J" } });
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiReply* reply = client->send(calls::request(ops::listTeams));
        QVERIFY(waitFor(reply, 5000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Redirected);
        QVERIFY2(reply->error().text().contains(urlOf(base).toString() + QStringLiteral("/login")),
            qPrintable(reply->error().text()));
        QVERIFY2(!reply->error().text().contains(QChar(0x1b)), qPrintable(reply->error().text()));
        QCOMPARE(captured.requests.size(), 1);
    }

    // --- size caps ---------------------------------------------------------------------------

    void replyCapsFollowTheOperation()
    {
        QCOMPARE(maxReplyBytes(ops::listIncidents), ListReplyBytes);
        QCOMPARE(maxReplyBytes(ops::listUsers), ListReplyBytes);
        QCOMPARE(maxReplyBytes(ops::getIncident), OtherReplyBytes);
        QCOMPARE(maxReplyBytes(ops::updateUser), OtherReplyBytes);
        QCOMPARE(maxReplyBytes(ops::createIncident), OtherReplyBytes);
        QCOMPARE(maxReplyBytes(ops::listIncidents.key()), ListReplyBytes);
        QCOMPARE(maxReplyBytes(QStringLiteral("GET /not/in/the/catalog")), ListReplyBytes);
        QCOMPARE(maxReplyBytes(QStringLiteral("PUT /not/in/the/catalog")), OtherReplyBytes);
        QVERIFY(ListReplyBytes >= 64LL * 1024 * 1024);
    }

    //! An answer declaring more than the cap is refused before its body is read, in words, and
    //! not asked for again.
    void declaredOversizedAnswerIsRefused()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        const QByteArray big(5 * 1024 * 1024, 'x');
        CapturingServer captured(&base, [&big](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 200, "\"" + big + "\"");
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request = calls::request(ops::updateUser, { QStringLiteral("me") }); // 4 MB
        request.body = "{}";
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 10000));
        QCOMPARE(reply->error().kind, ApiErrorKind::TooLarge);
        QCOMPARE(reply->error().text(),
            QStringLiteral("The answer to PUT /api-public/v1/user/{user} was larger than 4 MB; "
                           "Rota stopped reading it."));
        QVERIFY(reply->body().isEmpty());
        QCOMPARE(captured.requests.size(), 1);
    }

    //! An answer without a declared length is cut once what arrived passes the cap.
    void streamedOversizedAnswerIsCut()
    {
        int written = 0;
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [&written](QTcpSocket* socket, int, const QByteArray&) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n[");
            // Keeps sending until the client goes away (or 8 MB, far past the cap).
            auto* timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, &written] {
                if (socket->state() != QAbstractSocket::ConnectedState || written > (8 << 20))
                    return;
                const QByteArray chunk(64 * 1024, ' ');
                socket->write(chunk);
                written += static_cast<int>(chunk.size());
            });
            timer->start(5);
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request = calls::request(ops::listTeams);
        request.maxReplyBytes = 256 * 1024;
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 10000));
        QCOMPARE(reply->error().kind, ApiErrorKind::TooLarge);
        QVERIFY2(reply->error().text().contains(QLatin1String("larger than 0.25 MB")),
            qPrintable(reply->error().text()));
        QVERIFY2(written < (8 << 20), "the client read to the end");
        QCOMPARE(captured.requests.size(), 1);
    }

    // --- deadline ----------------------------------------------------------------------------

    //! A server that trickles a byte at a time is never silent long enough for the transfer
    //! timeout; the deadline of the attempt ends it all the same.
    void tricklingAnswerHitsTheDeadline()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 100000\r\n\r\n");
            auto* timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket] { socket->write(" "); });
            timer->start(50);
        });
        auto client = clientFor(&m_network, urlOf(base));
        client->setTransferTimeout(2000);
        client->setAttemptDeadline(700);
        ApiRequest request = calls::request(ops::createIncident); // sent once
        request.body = "{}";
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 8000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Timeout);
        QVERIFY(reply->error().maybeApplied); // the request went out; its answer never completed
        QCOMPARE(captured.requests.size(), 1);
    }

    // --- Retry-After -------------------------------------------------------------------------

    void retryAfterIsCapped_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("atLeast");
        QTest::addColumn<int>("atMost");
        const auto httpDate = [](qint64 fromNow) {
            return QLocale::c()
                .toString(QDateTime::currentDateTimeUtc().addSecs(fromNow),
                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                .toLatin1();
        };
        QTest::newRow("seconds") << QByteArray("7") << 7 << 7;
        QTest::newRow("a day in seconds") << QByteArray("86400") << 300 << 300;
        QTest::newRow("huge") << QByteArray("99999999999999999999") << 0 << 0;
        QTest::newRow("date in 20 s") << httpDate(20) << 17 << 21;
        QTest::newRow("date in a week") << httpDate(7 * 86400) << 300 << 300;
        QTest::newRow("date past") << httpDate(-3600) << 0 << 0;
        QTest::newRow("nonsense") << QByteArray("soon") << 0 << 0;
    }

    void retryAfterIsCapped()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, atLeast);
        QFETCH(int, atMost);
        FakeNetwork network;
        auto client = clientFor(&network, QUrl(QStringLiteral("https://api.example.test")));
        const ApiRequest request = calls::request(ops::createIncident);
        network.script(request.path,
            { FakeAnswer { 429, "{\"message\":\"Too Many Requests\"}",
                { { "Retry-After", retryAfter } }, QNetworkReply::NoError, 0, false } });
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->error().kind, ApiErrorKind::Throttled);
        QVERIFY2(reply->error().retryAfterSeconds >= atLeast
                && reply->error().retryAfterSeconds <= atMost,
            qPrintable(QString::number(reply->error().retryAfterSeconds)));
        const qint64 held
            = client->scheduler()->waitFor(request.operation, RequestScheduler::Priority::User);
        QVERIFY2(
            held <= ApiClient::MaxRetryAfterSeconds * 1000LL, qPrintable(QString::number(held)));
    }

    // --- the server's words ------------------------------------------------------------------

    void boundedMessageCutsAndCleans()
    {
        QCOMPARE(ApiError::boundedMessage(QStringLiteral("short")), QStringLiteral("short"));
        QCOMPARE(ApiError::boundedMessage(QStringLiteral("a\nb\tc\x1b[31md\x7f")),
            QStringLiteral("a b c[31md"));
        QCOMPARE(ApiError::boundedMessage(QString(600, QLatin1Char('x'))),
            QString(500, QLatin1Char('x')) + QChar(0x2026));
        QCOMPARE(ApiError::boundedMessage(QString(500, QLatin1Char('x'))),
            QString(500, QLatin1Char('x')));
        // A right-to-left override could make a log line read backwards.
        QCOMPARE(
            ApiError::boundedMessage(QStringLiteral("ok") + QChar(0x202e) + QStringLiteral("!")),
            QStringLiteral("ok!"));
    }

    //! A megabyte of message with escape sequences reaches neither the UI nor the log.
    void hugeServerMessageIsBounded()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        const QByteArray message = "\\u001b[2J\\r\\nnot found " + QByteArray(1 << 20, 'z');
        CapturingServer captured(&base, [&message](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 404, "{\"message\":\"" + message + "\"}");
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiReply* reply = client->send(calls::request(ops::getTeam, { QStringLiteral("t") }));
        QVERIFY(waitFor(reply, 5000));
        const ApiError error = reply->error();
        QCOMPARE(error.kind, ApiErrorKind::NotFound);
        QVERIFY2(error.serverMessage.size() <= ApiError::MaxMessageLength + 1,
            qPrintable(QString::number(error.serverMessage.size())));
        QVERIFY(error.serverMessage.startsWith(QStringLiteral("[2J  not found zzz")));
        QVERIFY(error.serverMessage.endsWith(QChar(0x2026)));
        for (const QString& text : { error.serverMessage, error.text(), error.detail() }) {
            QVERIFY(text.size() < 700);
            for (const QChar c : text)
                QVERIFY2(c.unicode() >= 0x20, qPrintable(text));
        }
    }

    // --- retries -------------------------------------------------------------------------------

    void onlyThePagingPolicyWritesArePositional()
    {
        QStringList positional;
        for (const Operation& operation : operations()) {
            if (isPositional(operation))
                positional.append(operation.key());
        }
        QCOMPARE(positional,
            (QStringList { ops::updatePagingStep.key(), ops::updatePagingRule.key(),
                ops::deletePagingRule.key() }));
        QVERIFY(isPositional(ops::deletePagingRule.key()));
        QVERIFY(!isPositional(QStringLiteral("PUT /not/in/the/catalog")));
    }

    void positionalWritesAreSentOnce_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("failure"); //!< 503, or 0 for a dropped connection
        QTest::addColumn<int>("sent");
        QTest::newRow("PUT step 503") << ops::updatePagingStep.key() << 503 << 1;
        QTest::newRow("PUT rule 503") << ops::updatePagingRule.key() << 503 << 1;
        QTest::newRow("DELETE rule 503") << ops::deletePagingRule.key() << 503 << 1;
        QTest::newRow("DELETE rule dropped") << ops::deletePagingRule.key() << 0 << 1;
        // An id-addressed write is retried as before.
        QTest::newRow("PUT user 503") << ops::updateUser.key() << 503 << ApiClient::MaxAttempts;
        QTest::newRow("DELETE note dropped")
            << ops::deleteIncidentNote.key() << 0 << ApiClient::MaxAttempts;
    }

    void positionalWritesAreSentOnce()
    {
        QFETCH(QString, key);
        QFETCH(int, failure);
        QFETCH(int, sent);
        const Operation* operation = findOperation(key);
        QVERIFY(operation);
        FakeNetwork network;
        auto client = clientFor(&network, QUrl(QStringLiteral("https://api.example.test")));
        const int placeholders
            = static_cast<int>(QString::fromLatin1(operation->pattern).count(QLatin1Char('{')));
        ApiRequest request = calls::request(*operation,
            QStringList { QStringLiteral("me"), QStringLiteral("1"), QStringLiteral("2") }.mid(
                0, placeholders));
        request.body = "{}";
        network.script(request.path,
            { failure ? FakeAnswer { failure, "{}", {}, QNetworkReply::NoError, 0, false }
                      : FakeAnswer { 0, {}, {}, QNetworkReply::RemoteHostClosedError, 0, false } });
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply));
        QVERIFY(reply->error().isError());
        QCOMPARE(network.seen.size(), sent);
    }

    //! The first DELETE reached the server, which applied it, and its answer was lost; the retry
    //! finds the thing gone. That is the outcome asked for.
    void deleteFoundGoneAfterALostAnswerIsDone()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int index, const QByteArray&) {
            if (index > 0)
                CapturingServer::respond(socket, 404, "{\"message\":\"Note not found\"}");
            // the first is applied but never answered
        });
        auto client = clientFor(&m_network, urlOf(base));
        client->setTransferTimeout(300);
        auto call = calls::deleteIncidentNote(*client, QStringLiteral("42"), QStringLiteral("n1"));
        QVERIFY(waitFor(call.reply, 8000));
        QVERIFY2(call.reply->ok(), qPrintable(call.reply->error().detail()));
        QCOMPARE(call.reply->httpStatus(), 404);
        QCOMPARE(captured.requests.size(), 2);
        for (const QByteArray& request : std::as_const(captured.requests))
            QVERIFY(request.startsWith("DELETE /api-public/v1/incidents/42/notes/n1 "));
    }

    //! Without a lost answer before it, a 404 to a DELETE stays an error.
    void deleteAnsweredNotFoundAtOnceIsNotFound()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 404, "{\"message\":\"Note not found\"}");
        });
        auto client = clientFor(&m_network, urlOf(base));
        auto call = calls::deleteIncidentNote(*client, QStringLiteral("42"), QStringLiteral("n1"));
        QVERIFY(waitFor(call.reply, 5000));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::NotFound);
        QCOMPARE(captured.requests.size(), 1);
    }

    // --- maybeApplied ----------------------------------------------------------------------------

    void maybeAppliedMarksWritesWhoseAnswerWasLost_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("maybeApplied");
        QTest::newRow("POST") << ops::createIncident.key() << true;
        QTest::newRow("PATCH") << ops::ackIncidents.key() << true;
        QTest::newRow("PUT, retried") << ops::updateTeam.key() << true;
        QTest::newRow("positional PUT") << ops::updatePagingStep.key() << true;
        QTest::newRow("GET") << ops::listTeams.key() << false;
    }

    void maybeAppliedMarksWritesWhoseAnswerWasLost()
    {
        QFETCH(QString, key);
        QFETCH(bool, maybeApplied);
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base); // reads every request, answers none
        auto client = clientFor(&m_network, urlOf(base));
        client->setTransferTimeout(200);
        ApiRequest request;
        request.method = key.section(QLatin1Char(' '), 0, 0).toLatin1();
        request.operation = key;
        request.path = QStringLiteral("/x");
        request.body = request.method == "GET" ? QByteArray() : QByteArray("{}");
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 8000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Timeout);
        QCOMPARE(reply->error().maybeApplied, maybeApplied);
        QVERIFY(captured.requests.size() >= 1);
    }

    void closedConnectionCarriesAWriteOnce_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("POST") << ops::createIncident.key();
        QTest::newRow("positional PUT") << ops::updatePagingStep.key();
        QTest::newRow("positional DELETE") << ops::deletePagingRule.key();
    }

    //! The server reads the write and closes the connection without a word: neither ApiClient
    //! nor the transport below it sends the write a second time, and it may have been applied.
    void closedConnectionCarriesAWriteOnce()
    {
        QFETCH(QString, key);
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base,
            [](QTcpSocket* socket, int, const QByteArray&) { socket->disconnectFromHost(); });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request;
        request.method = key.section(QLatin1Char(' '), 0, 0).toLatin1();
        request.operation = key;
        request.path = QStringLiteral("/x");
        request.body = request.method == "DELETE" ? QByteArray() : QByteArray("{}");
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 8000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Network);
        QVERIFY(reply->error().maybeApplied);
        QTest::qWait(100);
        QCOMPARE(captured.requests.size(), 1);
    }

    //! A write that never reached a server (nothing listens) was not applied.
    void refusedConnectionIsNotMaybeApplied()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        auto client = clientFor(
            &m_network, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(QString::number(port))));
        ApiRequest request = calls::request(ops::createIncident);
        request.body = "{}";
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 5000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Network);
        QVERIFY(!reply->error().maybeApplied);
    }

    // --- held calls ------------------------------------------------------------------------------

    //! After a throttled answer the operation is held back: the next call says how long it will
    //! wait, and abandoning it means it is never sent.
    void heldCallIsToldAndCanBeTakenBack()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int index, const QByteArray&) {
            if (index == 0)
                CapturingServer::respond(
                    socket, 429, "{\"message\":\"Too Many Requests\"}", { { "Retry-After", "2" } });
            else
                CapturingServer::respond(socket, 200, "{}");
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request = calls::request(ops::createIncident); // POST: not retried
        request.body = "{}";
        ApiReply* first = client->send(request);
        QSignalSpy firstHeld(first, &ApiReply::held);
        QVERIFY(waitFor(first, 5000));
        QCOMPARE(first->error().kind, ApiErrorKind::Throttled);
        QCOMPARE(firstHeld.count(), 0); // sent at once

        ApiReply* second = client->send(request);
        QPointer<ApiReply> guard(second);
        QSignalSpy held(second, &ApiReply::held);
        QSignalSpy finished(second, &ApiReply::finished);
        QVERIFY(held.wait(2000));
        const qint64 wait = held.first().first().toLongLong();
        QVERIFY2(wait > 1000 && wait <= 2000, qPrintable(QString::number(wait)));
        second->abandon();
        QTRY_VERIFY(guard.isNull());
        QTest::qWait(2500); // past the back-off
        QCOMPARE(captured.requests.size(), 1);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(client->scheduler()->queued(), 0);

        // The operation is free again: a new call goes out at once and is not held.
        ApiReply* third = client->send(request);
        QSignalSpy thirdHeld(third, &ApiReply::held);
        QVERIFY(waitFor(third, 5000));
        QVERIFY(third->ok());
        QCOMPARE(thirdHeld.count(), 0);
        QCOMPARE(captured.requests.size(), 2);
    }

    //! A call whose operation has spent its minute's budget is held for the token's return.
    void callOverTheBudgetIsHeld()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 200, "{}");
        });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request = calls::request(ops::createIncident);
        request.body = "{}";
        client->scheduler()->setLimit(request.operation, 1);
        ApiReply* first = client->send(request);
        QVERIFY(waitFor(first, 5000));
        QVERIFY(first->ok());
        ApiReply* second = client->send(request);
        QPointer<ApiReply> guard(second);
        QSignalSpy held(second, &ApiReply::held);
        QVERIFY(held.wait(2000));
        const qint64 wait = held.first().first().toLongLong();
        const qint64 window = RequestScheduler::WindowMs + RequestScheduler::MarginMs;
        QVERIFY2(wait > window - 5000 && wait <= window, qPrintable(QString::number(wait)));
        second->abandon();
        QTRY_VERIFY(guard.isNull());
        QCOMPARE(client->scheduler()->queued(), 0);
        QCOMPARE(captured.requests.size(), 1);
    }

    //! A held GET shared by two callers is still sent when only one of them gives up.
    void heldGetSharedByAnotherCallerIsStillSent()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 200, "{}");
        });
        auto client = clientFor(&m_network, urlOf(base));
        const ApiRequest request = calls::request(ops::listTeams);
        client->scheduler()->backOff(request.operation, 1000);
        ApiReply* leaving = client->send(request);
        ApiReply* staying = client->send(request);
        QSignalSpy held(staying, &ApiReply::held);
        QVERIFY(held.wait(2000));
        leaving->abandon();
        QVERIFY(waitFor(staying, 5000));
        QVERIFY(staying->ok());
        QCOMPARE(captured.requests.size(), 1);
    }

    // --- the client's end ------------------------------------------------------------------------

    //! Clients destroyed with calls on the network, waiting for their turn and between retries
    //! leave no reply behind and nothing that could call into them (ASan watches).
    void destroyedClientsLeaveNothingRunning()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base); // never answers
        QTRY_COMPARE(ApiClient::liveReplies(), 0); // those of the tests before have gone
        const int before = 0;
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        int finished = 0;
        for (int i = 0; i < 100; ++i) {
            auto client = clientFor(&network, urlOf(base));
            client->setTransferTimeout(60000);
            for (const ApiRequest& request :
                { calls::request(ops::listTeams), calls::request(ops::createIncident),
                    calls::request(ops::getTeam, { QString::number(i) }) }) {
                ApiReply* reply = client->send(request);
                connect(reply, &ApiReply::finished, this, [&finished] { ++finished; });
            }
            client->scheduler()->backOff(ops::listUsers.key(), 60000);
            client->send(calls::request(ops::listUsers)); // held in the scheduler
            QCOMPARE(ApiClient::liveReplies(), before + 4);
            if (i % 10 == 0)
                QTRY_VERIFY(captured.requests.size() >= 3 * (i / 10 + 1)); // on the network
            else
                QCoreApplication::processEvents();
            client.reset();
            QCOMPARE(ApiClient::liveReplies(), before);
        }
        // The aborted exchanges go away with the event loop; none finishes into a dead client.
        QTRY_VERIFY(network.findChildren<QNetworkReply*>().isEmpty());
        QTest::qWait(50);
        QCOMPARE(finished, 0);
        QCOMPARE(ApiClient::liveReplies(), before);
    }
};

QTEST_GUILESS_MAIN(TestApiEdges)
#include "tst_apiedges.moc"
