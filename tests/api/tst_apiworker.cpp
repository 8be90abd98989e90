// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ApiClient reads large answers on its worker thread: over real HTTP (a plain QTcpServer that
// answers what the test says, and rota-sim), the parser runs off the client's thread, the replies
// still finish exactly once on the client's thread, in the order the answers arrived; an
// abandoned reply hears nothing, a destroyed client delivers nothing and leaks no reply, an
// unreadable answer still names the field, and many parses at once each come back to their own
// reply.
#include "apiclient.h"
#include "capturingserver.h"
#include "incidents.h"
#include "jsonreader.h"
#include "simfixture.h"
#include "simhttp.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace rota;
using namespace rota::test;

namespace {

//! A JSON answer of `items` objects, about 100 bytes each: {"tag":"…","items":[{"n":0,…},…]}.
//! `badAt`: that item's "n" is a string, which the parser below refuses.
QByteArray listBody(const QByteArray& tag, int items, int badAt = -1)
{
    QByteArray out = "{\"tag\":\"" + tag + "\",\"items\":[";
    for (int i = 0; i < items; ++i) {
        if (i > 0)
            out += ',';
        const QByteArray n
            = i == badAt ? "\"" + QByteArray::number(i) + "\"" : QByteArray::number(i);
        out += "{\"n\":" + n + ",\"text\":\"item " + QByteArray::number(i)
            + " of a long list, padded to look like an answer\"}";
    }
    return out + "]}";
}

//! `data` compressed as gzip (RFC 1952), as rota-sim sends it.
QByteArray gzipped(const QByteArray& data) { return sim::gzipCompress(data); }

//! The path of a request's first line ("GET /x?y HTTP/1.1" gives "/x").
QByteArray pathOf(const QByteArray& request)
{
    const QByteArray target = request.left(request.indexOf("\r\n")).split(' ').value(1);
    return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
}

struct Listing {
    QString tag;
    qint64 sum = 0;
    int count = 0;
};

Listing readListing(const JsonReader& r)
{
    Listing listing;
    listing.tag = r.str(QStringLiteral("tag"));
    r.forEach(QStringLiteral("items"), [&listing](JsonReader& item) {
        listing.sum += item.integer(QStringLiteral("n"));
        ++listing.count;
    });
    return listing;
}

//! What the test's parsers saw, shared with them across threads.
struct Probe {
    std::atomic<QThread*> thread { nullptr };
    std::atomic<int> parses { 0 };
    std::atomic<bool> ended { false };
    QSemaphore entered;
    QSemaphore gate;
    bool gated = false; //!< set before sending; the parser then waits at the gate (up to a time)
    int gateMs = 5000;
};

ApiRequest listingRequest(const QString& path, const std::shared_ptr<Probe>& probe)
{
    ApiRequest r;
    r.method = "GET";
    r.operation = QStringLiteral("GET /api-public/v1/incidents");
    r.path = path;
    // Records where and how often it runs; waits at the gate when asked to, so that the test
    // can act while a parse is under way.
    r.parse = [probe](const JsonReader& reader) -> std::any {
        probe->thread.store(QThread::currentThread());
        ++probe->parses;
        if (probe->gated) {
            probe->entered.release();
            probe->gate.tryAcquire(1, probe->gateMs);
        }
        Listing listing = readListing(reader);
        probe->ended.store(true);
        return listing;
    };
    return r;
}

Listing listingOf(const ApiReply* reply) { return std::any_cast<Listing>(reply->value()); }

} // namespace

class TestApiWorker : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<CapturingServer> m_capture;
    std::unique_ptr<ApiClient> m_client;
    int m_liveBefore = 0;

    //! Answers /big/<tag> with 5,000 items (~0.5 MB), /small/<tag> with 3, /bad/<tag> with
    //! 5,000 of which number 4321 is unreadable.
    void answerByPath(QTcpSocket* socket, int, const QByteArray& request)
    {
        const QByteArray path = pathOf(request);
        const QList<QByteArray> parts = path.split('/');
        const QByteArray kind = parts.value(1);
        const QByteArray tag = parts.value(2);
        if (kind == "big")
            CapturingServer::respond(socket, 200, listBody(tag, 5000));
        else if (kind == "small")
            CapturingServer::respond(socket, 200, listBody(tag, 3));
        else if (kind == "bad")
            CapturingServer::respond(socket, 200, listBody(tag, 5000, 4321));
        else if (kind == "gzip")
            CapturingServer::respond(
                socket, 200, gzipped(listBody(tag, 5000)), { { "Content-Encoding", "gzip" } });
        else if (kind == "bomb") // 16 MB of spaces, valid JSON around them, in ~16 KB
            CapturingServer::respond(socket, 200,
                gzipped("{\"tag\":\"" + tag + "\"" + QByteArray(16 << 20, ' ') + "}"),
                { { "Content-Encoding", "gzip" } });
        else if (kind == "broken")
            CapturingServer::respond(socket, 200, gzipped(listBody(tag, 5000)).left(20000),
                { { "Content-Encoding", "gzip" } });
        else
            CapturingServer::respond(socket, 404, "{\"message\":\"no such path\"}");
    }

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void init()
    {
        m_liveBefore = ApiClient::liveReplies();
        m_server = std::make_unique<QTcpServer>();
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        m_capture = std::make_unique<CapturingServer>(
            m_server.get(), [this](QTcpSocket* socket, int index, const QByteArray& request) {
                answerByPath(socket, index, request);
            });
        m_client = std::make_unique<ApiClient>(&m_network);
        QString error;
        QVERIFY(m_client->setBaseUrl(
            QUrl(
                QStringLiteral("http://127.0.0.1:%1").arg(QString::number(m_server->serverPort()))),
            &error));
        m_client->setCredentials({ QStringLiteral("the-id"), QStringLiteral("the-key"), {} });
    }

    void cleanup()
    {
        m_client.reset();
        // Replies go with deleteLater: let them.
        QTRY_COMPARE(ApiClient::liveReplies(), m_liveBefore);
        m_capture.reset();
        m_server.reset();
    }

    // A large answer is read on another thread; its reply finishes once, on the client's thread,
    // with the value; and goes away afterwards.
    void largeAnswerIsParsedOffTheClientThread()
    {
        QVERIFY(listBody("x", 5000).size() >= ApiClient::DefaultWorkerParseBytes);
        auto probe = std::make_shared<Probe>();
        ApiReply* reply = m_client->send(listingRequest(QStringLiteral("/big/one"), probe));
        QSignalSpy finished(reply, &ApiReply::finished);
        QThread* finishedOn = nullptr;
        Listing value;
        connect(reply, &ApiReply::finished, this, [&] {
            finishedOn = QThread::currentThread();
            value = listingOf(reply);
        });
        QVERIFY(finished.wait(10000));
        QVERIFY(probe->thread.load() != nullptr);
        QVERIFY(probe->thread.load() != QThread::currentThread());
        QCOMPARE(finishedOn, QThread::currentThread());
        QCOMPARE(value.tag, QStringLiteral("one"));
        QCOMPARE(value.count, 5000);
        QCOMPARE(value.sum, qint64(5000) * 4999 / 2);
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(probe->parses.load(), 1);
        QTRY_COMPARE(ApiClient::liveReplies(), m_liveBefore);
    }

    // Below the threshold, with the worker idle, the answer is read on the client's thread.
    void smallAnswerIsParsedInline()
    {
        auto probe = std::make_shared<Probe>();
        ApiReply* reply = m_client->send(listingRequest(QStringLiteral("/small/s"), probe));
        QVERIFY(waitFor(reply));
        QVERIFY(reply->ok());
        QCOMPARE(probe->thread.load(), QThread::currentThread());
        // Sent to the worker when the threshold says every body.
        m_client->setWorkerParseBytes(0);
        auto second = std::make_shared<Probe>();
        ApiReply* other = m_client->send(listingRequest(QStringLiteral("/small/t"), second));
        QVERIFY(waitFor(other));
        QVERIFY(other->ok());
        QVERIFY(second->thread.load() != QThread::currentThread());
        // And kept on the client's thread when no body should go.
        m_client->setWorkerParseBytes(-1);
        auto third = std::make_shared<Probe>();
        ApiReply* inlined = m_client->send(listingRequest(QStringLiteral("/big/u"), third));
        QVERIFY(waitFor(inlined));
        QVERIFY(inlined->ok());
        QCOMPARE(third->thread.load(), QThread::currentThread());
    }

    // An answer that arrives while an earlier one is still being read on the worker waits for it,
    // even a small one that would be read inline: replies finish in the order of their answers.
    void answersCompleteInArrivalOrder()
    {
        auto slow = std::make_shared<Probe>();
        slow->gated = true;
        ApiReply* first = m_client->send(listingRequest(QStringLiteral("/big/first"), slow));
        QStringList order;
        connect(first, &ApiReply::finished, this, [&order] { order << QStringLiteral("first"); });
        QTRY_VERIFY(slow->entered.available() > 0);
        auto quick = std::make_shared<Probe>();
        ApiReply* second = m_client->send(listingRequest(QStringLiteral("/small/second"), quick));
        connect(second, &ApiReply::finished, this, [&order] { order << QStringLiteral("second"); });
        // The small answer arrives and is held back behind the parse at the gate.
        QTRY_COMPARE(m_capture->requests.size(), 2);
        QTest::qWait(200);
        QVERIFY(order.isEmpty());
        slow->gate.release();
        QTRY_COMPARE(order.size(), 2);
        QCOMPARE(order, QStringList({ QStringLiteral("first"), QStringLiteral("second") }));
        QVERIFY(quick->thread.load() != QThread::currentThread());
    }

    // abandon() while the answer is being read: no finished(), the reply goes away, and the
    // client goes on serving the next call.
    void abandonDuringTheParseMeansNoFinished()
    {
        auto probe = std::make_shared<Probe>();
        probe->gated = true;
        QPointer<ApiReply> reply
            = m_client->send(listingRequest(QStringLiteral("/big/dropped"), probe));
        QSignalSpy finished(reply.data(), &ApiReply::finished);
        QTRY_VERIFY(probe->entered.available() > 0);
        reply->abandon();
        probe->gate.release();
        // A later call finishes after the abandoned one was dealt with (answers in order).
        auto next = std::make_shared<Probe>();
        ApiReply* after = m_client->send(listingRequest(QStringLiteral("/big/next"), next));
        QVERIFY(waitFor(after));
        QVERIFY(after->ok());
        QVERIFY(probe->ended.load());
        QCOMPARE(finished.count(), 0);
        QVERIFY(reply.isNull());
        QTRY_COMPARE(ApiClient::liveReplies(), m_liveBefore);
    }

    // Destroying the client while the worker reads its answer: nothing is delivered, nothing is
    // touched after (the sanitizers watch), no reply is left.
    void destroyingTheClientDuringTheParseDeliversNothing()
    {
        auto probe = std::make_shared<Probe>();
        probe->gated = true;
        probe->gateMs = 300; // the parse ends by itself while the client is being destroyed
        QPointer<ApiReply> reply
            = m_client->send(listingRequest(QStringLiteral("/big/orphan"), probe));
        QSignalSpy finished(reply.data(), &ApiReply::finished);
        int delivered = 0;
        connect(reply, &ApiReply::finished, this, [&delivered] { ++delivered; });
        QTRY_VERIFY(probe->entered.available() > 0);
        QVERIFY(!probe->ended.load());
        m_client.reset();
        QVERIFY(probe->ended.load());
        QVERIFY(reply.isNull());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(delivered, 0);
        QCOMPARE(ApiClient::liveReplies(), m_liveBefore);
    }

    // An unreadable large answer, read on the worker, is a BadResponse naming the field's path
    // and the server.
    void badResponseFromTheWorkerNamesThePath()
    {
        auto probe = std::make_shared<Probe>();
        ApiReply* reply = m_client->send(listingRequest(QStringLiteral("/bad/b"), probe));
        QVERIFY(waitFor(reply));
        QVERIFY(probe->thread.load() != QThread::currentThread());
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiErrorKind::BadResponse);
        QVERIFY2(reply->error().serverMessage.contains(QLatin1String("items[4321].n")),
            qPrintable(reply->error().serverMessage));
        QCOMPARE(reply->error().server,
            QStringLiteral("127.0.0.1:%1").arg(QString::number(m_server->serverPort())));
        QVERIFY(!reply->value().has_value());
    }

    // Many answers read at once: each reply finishes once with its own value; coalesced GETs of
    // the same path share one exchange and each gets the value.
    void manyParsesInFlightEachGetTheirOwnValue()
    {
        constexpr int Calls = 16;
        QList<ApiReply*> replies;
        QList<std::shared_ptr<Probe>> probes;
        QHash<ApiReply*, QString> expected;
        QHash<ApiReply*, int> finishedCount;
        QHash<ApiReply*, Listing> values;
        for (int i = 0; i < Calls; ++i) {
            probes << std::make_shared<Probe>();
            const int which = i % (Calls - 2); // the last two repeat the first two
            const QString tag = QStringLiteral("t%1").arg(which);
            const QString path
                = (which % 3 == 0 ? QStringLiteral("/small/") : QStringLiteral("/big/")) + tag;
            ApiReply* reply = m_client->send(listingRequest(path, probes.last()));
            replies << reply;
            expected.insert(reply, tag);
            connect(reply, &ApiReply::finished, this, [&, reply] {
                ++finishedCount[reply];
                values.insert(reply, listingOf(reply));
            });
        }
        QVERIFY(waitForAll(replies));
        QTest::qWait(50);
        for (ApiReply* reply : std::as_const(replies)) {
            QCOMPARE(finishedCount.value(reply), 1);
            QCOMPARE(values.value(reply).tag, expected.value(reply));
        }
        // Two pairs were coalesced: their second parser never ran.
        int parses = 0;
        for (const auto& probe : std::as_const(probes))
            parses += probe->parses.load();
        QCOMPARE(parses, Calls - 2);
        QCOMPARE(m_capture->requests.size(), Calls - 2);
        QTRY_COMPARE(ApiClient::liveReplies(), m_liveBefore);
    }

    // A gzip answer: the client asks for gzip itself and inflates the answer on the worker (Qt
    // would inflate it on the client's thread); body() is the decoded JSON.
    void gzipAnswerIsInflatedOffTheClientThread()
    {
        auto probe = std::make_shared<Probe>();
        ApiReply* reply = m_client->send(listingRequest(QStringLiteral("/gzip/zipped"), probe));
        QByteArray body;
        Listing value;
        connect(reply, &ApiReply::finished, this, [&] {
            body = reply->body();
            value = listingOf(reply);
        });
        QVERIFY(waitFor(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->error().text()));
        QVERIFY(gzipped(listBody("zipped", 5000)).size() * 8 >= ApiClient::DefaultWorkerParseBytes);
        QVERIFY(probe->thread.load() != QThread::currentThread());
        QCOMPARE(value.tag, QStringLiteral("zipped"));
        QCOMPARE(value.count, 5000);
        QCOMPARE(body, listBody("zipped", 5000));
        QCOMPARE(m_capture->requests.size(), 1);
        QVERIFY2(
            m_capture->requests.constFirst().toLower().contains("\r\naccept-encoding: gzip\r\n"),
            m_capture->requests.constFirst().constData());
    }

    // An answer that inflates past the operation's cap stops there: TooLarge, nothing kept.
    void gzipBombStopsAtTheCap()
    {
        auto probe = std::make_shared<Probe>();
        ApiRequest request = listingRequest(QStringLiteral("/bomb/b"), probe);
        request.maxReplyBytes = 1 << 20;
        ApiReply* reply = m_client->send(request);
        QVERIFY(waitFor(reply, 30000));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiErrorKind::TooLarge);
        QVERIFY(reply->body().isEmpty());
        QCOMPARE(probe->parses.load(), 0);
        // The same answer within a cap it fits: read.
        m_client->setWorkerParseBytes(0);
        request.maxReplyBytes = 32 << 20;
        ApiReply* fits = m_client->send(request);
        QVERIFY(waitFor(fits, 30000));
        QVERIFY2(fits->ok(), qPrintable(fits->error().text()));
        QCOMPARE(fits->body().size(), (16 << 20) + 11);
    }

    // A gzip answer cut short is a BadResponse, not a crash nor half a value.
    void brokenGzipIsABadResponse()
    {
        auto probe = std::make_shared<Probe>();
        ApiReply* reply = m_client->send(listingRequest(QStringLiteral("/broken/c"), probe));
        QVERIFY(waitFor(reply));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiErrorKind::BadResponse);
        QCOMPARE(probe->parses.load(), 0);
        QVERIFY(!reply->value().has_value());
    }

    // The real incident list from rota-sim reads the same on the worker as inline.
    void simIncidentsReadTheSameOnTheWorker()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        sim.client->setWorkerParseBytes(-1);
        const ApiCall<IncidentList> inlined = calls::listIncidents(*sim.client);
        ROTA_EXPECT_OK(inlined);
        sim.client->setWorkerParseBytes(0);
        const ApiCall<IncidentList> worked = calls::listIncidents(*sim.client);
        ROTA_EXPECT_OK(worked);
        const IncidentList a = inlined.value();
        const IncidentList b = worked.value();
        QVERIFY(!a.incidents.isEmpty());
        QCOMPARE(b.incidents.size(), a.incidents.size());
        for (qsizetype i = 0; i < a.incidents.size(); ++i)
            QCOMPARE(b.incidents[i].incidentNumber, a.incidents[i].incidentNumber);
    }
};

QTEST_GUILESS_MAIN(TestApiWorker)
#include "tst_apiworker.moc"
