// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The chat calls of rota_api: posting and reading against an in-process rota-sim over real HTTP
// (checked against the simulator's state), the request a plain server receives, a service without
// the read (404) and the answer's DTOs on hostile input: wrong types, missing fields, huge lists,
// truncated and non-JSON bodies.

#include "capturingserver.h"
#include "chat.h"
#include "jsonreader.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

using namespace rota;
using rota::test::CapturingServer;
using rota::test::SimFixture;
using rota::test::waitFor;

namespace {

int openIncident(const sim::SimOrg& org)
{
    for (const sim::SimIncident& incident : org.incidents) {
        if (incident.phase != QLatin1String("RESOLVED"))
            return incident.number;
    }
    return 0;
}

ChatPost post(const QString& user, const char* text, qint64 incident)
{
    ChatPost p;
    p.username = user;
    p.text = QString::fromUtf8(text);
    p.incidentId = incident;
    return p;
}

} // namespace

class TestApiChat : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void postThenReadOnTheIncident()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        const int incident = openIncident(f.ctx().org);
        QVERIFY(incident > 0);
        const qsizetype before = f.ctx().org.incidents.value(incident).chat.size();

        auto sent
            = calls::postChatMessage(*f.client, post(f.demoUser(), "rolling back 42", incident));
        ROTA_EXPECT_OK(sent);
        const QList<sim::SimChatMessage> chat = f.ctx().org.incidents.value(incident).chat;
        QCOMPARE(chat.size(), before + 1);
        QCOMPARE(chat.constLast().username, f.demoUser());
        QCOMPARE(chat.constLast().externalUsername, f.demoUser());
        QCOMPARE(chat.constLast().monitoringTool, QStringLiteral("Rota"));
        QCOMPARE(chat.constLast().text, QStringLiteral("rolling back 42"));

        auto list = calls::listChatMessages(*f.client, ChatQuery { incident, 0, 0 });
        ROTA_EXPECT_OK(list);
        const ChatMessageList read = list.value();
        QCOMPARE(read.messages.size(), before + 1);
        const ChatMessage& last = read.messages.constLast();
        QCOMPARE(last.text, QStringLiteral("rolling back 42"));
        QCOMPARE(last.username, f.demoUser());
        QCOMPARE(last.sequence, chat.constLast().sequence);
        QCOMPARE(last.serviceTime, chat.constLast().at);
        QCOMPARE(last.serviceTime.timeSpec(), Qt::UTC);
        QVERIFY(last.tags.isEmpty());
    }

    void readPagesWithLimitAndOffset()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        const int incident = openIncident(f.ctx().org);
        f.ctx().org.incidents[incident].chat.clear();
        for (int i = 1; i <= 3; ++i) {
            auto sent = calls::postChatMessage(*f.client,
                post(f.demoUser(), QByteArray("n" + QByteArray::number(i)).constData(), incident));
            ROTA_EXPECT_OK(sent);
        }
        auto newest = calls::listChatMessages(*f.client, ChatQuery { incident, 2, 0 });
        ROTA_EXPECT_OK(newest);
        QCOMPARE(newest.value().messages.size(), 2);
        QCOMPARE(newest.value().messages.at(1).text, QStringLiteral("n3"));
        QVERIFY(newest.value().hasMore);
        auto older = calls::listChatMessages(*f.client, ChatQuery { incident, 2, 2 });
        ROTA_EXPECT_OK(older);
        QCOMPARE(older.value().messages.size(), 1);
        QCOMPARE(older.value().messages.at(0).text, QStringLiteral("n1"));
        QVERIFY(!older.value().hasMore);
    }

    void postRefusalsAreErrors()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        auto unknownUser
            = calls::postChatMessage(*f.client, post(QStringLiteral("nobody"), "hi", 0));
        QVERIFY(waitFor(unknownUser.reply));
        QCOMPARE(unknownUser.reply->error().kind, ApiErrorKind::NotFound);
        QVERIFY(unknownUser.reply->error().text().contains(QStringLiteral("user not found")));
        auto empty = calls::postChatMessage(*f.client, post(f.demoUser(), "", 0));
        QVERIFY(waitFor(empty.reply));
        QCOMPARE(empty.reply->error().kind, ApiErrorKind::BadRequest);
        auto noIncident = calls::postChatMessage(*f.client, post(f.demoUser(), "hi", 987654));
        QVERIFY(waitFor(noIncident.reply));
        QCOMPARE(noIncident.reply->error().kind, ApiErrorKind::NotFound);
    }

    void serviceWithoutTheReadSaysNotFound()
    {
        sim::SimOptions options;
        options.chatRead = false;
        SimFixture f(options);
        QVERIFY2(f.started, qPrintable(f.startError));
        auto list = calls::listChatMessages(*f.client, ChatQuery {});
        QVERIFY(waitFor(list.reply));
        QCOMPARE(list.reply->error().kind, ApiErrorKind::NotFound);
        auto sent = calls::postChatMessage(*f.client, post(f.demoUser(), "still posts", 0));
        ROTA_EXPECT_OK(sent);
    }

    void requestsAsAPlainServerSeesThem()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CapturingServer captured(&server, [](QTcpSocket* socket, int index, const QByteArray&) {
            if (index == 0)
                CapturingServer::respond(socket, 200, "");
            else
                CapturingServer::respond(socket, 404, "{\"message\":\"Path not found\"}");
        });
        auto client = test::clientFor(&m_network, test::urlOf(server));

        auto sent = calls::postChatMessage(*client, post(QStringLiteral("me"), "hello", 0));
        QVERIFY(waitFor(sent.reply));
        QVERIFY2(sent.reply->ok(), qPrintable(sent.reply->error().text()));
        QCOMPARE(captured.requests.size(), 1);
        const QByteArray request = captured.requests.at(0);
        QVERIFY(request.startsWith("POST /api-public/v1/chat HTTP/1.1"));
        const QJsonObject body
            = QJsonDocument::fromJson(request.mid(request.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(QStringLiteral("username")).toString(), QStringLiteral("me"));
        QCOMPARE(body.value(QStringLiteral("externalUsername")).toString(), QStringLiteral("me"));
        QCOMPARE(body.value(QStringLiteral("monitoringTool")).toString(), QStringLiteral("Rota"));
        QCOMPARE(body.value(QStringLiteral("text")).toString(), QStringLiteral("hello"));
        QVERIFY(!body.contains(QStringLiteral("incidentId")));
        QVERIFY(!body.contains(QStringLiteral("tags")));

        auto list = calls::listChatMessages(*client, ChatQuery {});
        QVERIFY(waitFor(list.reply));
        QCOMPARE(list.reply->error().kind, ApiErrorKind::NotFound);
        QVERIFY(captured.requests.at(1).startsWith("GET /api-public/v1/chat HTTP/1.1"));

        auto filtered = calls::listChatMessages(*client, ChatQuery { 17, 5, 0 });
        QVERIFY(waitFor(filtered.reply));
        QVERIFY2(captured.requests.at(2).startsWith(
                     "GET /api-public/v1/chat?incidentId=17&limit=5 HTTP/1.1"),
            captured.requests.at(2).constData());
    }

    void answerParses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("error"); // empty: reads

        QTest::newRow("example") << QByteArray(
            R"({"messages":[{"username":"aruiz","text":"Rolling back release 42",)"
            R"("serviceTime":1767257100000,"sequence":17}],"hasMore":false})")
                                 << 1 << QString();
        QTest::newRow("no messages") << QByteArray("{}") << 0 << QString();
        QTest::newRow("null messages") << QByteArray(R"({"messages":null})") << 0 << QString();
        QTest::newRow("empty message") << QByteArray(R"({"messages":[{}]})") << 1 << QString();
        QTest::newRow("unknown fields")
            << QByteArray(R"({"messages":[{"text":"a","x":{"y":[1,2]}}],"z":1})") << 1 << QString();
        QTest::newRow("messages an object")
            << QByteArray(R"({"messages":{"text":"a"}})") << 0 << QStringLiteral("$.messages");
        QTest::newRow("text a number") << QByteArray(R"({"messages":[{"text":5}]})") << 0
                                       << QStringLiteral("$.messages[0].text");
        QTest::newRow("sequence a fraction")
            << QByteArray(R"({"messages":[{"text":"a"},{"sequence":1.5}]})") << 0
            << QStringLiteral("$.messages[1].sequence");
        QTest::newRow("sequence huge") << QByteArray(R"({"messages":[{"sequence":1e300}]})") << 0
                                       << QStringLiteral("$.messages[0].sequence");
        QTest::newRow("tags a string") << QByteArray(R"({"messages":[{"tags":"a"}]})") << 0
                                       << QStringLiteral("$.messages[0].tags");
        // A number in a string list reads as its text (ids come both ways); an object does not.
        QTest::newRow("tag a number")
            << QByteArray(R"({"messages":[{"tags":["a",2]}]})") << 1 << QString();
        QTest::newRow("tag an object") << QByteArray(R"({"messages":[{"tags":["a",{}]}]})") << 0
                                       << QStringLiteral("$.messages[0].tags[1]");
        QTest::newRow("serviceTime a bool") << QByteArray(R"({"messages":[{"serviceTime":true}]})")
                                            << 0 << QStringLiteral("$.messages[0].serviceTime");
        QTest::newRow("hasMore a string")
            << QByteArray(R"({"messages":[],"hasMore":"yes"})") << 0 << QStringLiteral("$.hasMore");
        QTest::newRow("bare array") << QByteArray(R"([{"text":"a"}])") << 0 << QStringLiteral("$");
        QTest::newRow("truncated")
            << QByteArray(R"({"messages":[{"text":"a")") << 0 << QStringLiteral("$");
        QTest::newRow("html") << QByteArray("<html>oops</html>") << 0 << QStringLiteral("$");
    }

    void answerParses()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, count);
        QFETCH(QString, error);
        const JsonReader reader = JsonReader::fromBytes(json);
        const ChatMessageList list = ChatMessageList::fromJson(reader);
        if (error.isEmpty()) {
            QVERIFY2(reader.ok(), qPrintable(reader.error()));
            QCOMPARE(list.messages.size(), count);
        } else {
            QVERIFY(!reader.ok());
            QVERIFY2(reader.error().startsWith(error), qPrintable(reader.error()));
        }
    }

    void exampleReadsEveryField()
    {
        const JsonReader reader = JsonReader::fromBytes(
            R"({"messages":[{"username":"aruiz","text":"t","serviceTime":1767257100000,)"
            R"("sequence":17,"tags":["deploy"]}],"hasMore":true})");
        const ChatMessageList list = ChatMessageList::fromJson(reader);
        QVERIFY(reader.ok());
        QVERIFY(list.hasMore);
        const ChatMessage& m = list.messages.at(0);
        QCOMPARE(m.username, QStringLiteral("aruiz"));
        QCOMPARE(m.sequence, 17);
        QCOMPARE(m.serviceTime, QDateTime::fromMSecsSinceEpoch(1767257100000, Qt::UTC));
        QCOMPARE(m.tags, QStringList { QStringLiteral("deploy") });
        // What it writes reads back the same.
        const JsonReader again
            = JsonReader::fromBytes(QJsonDocument(list.toJson()).toJson(QJsonDocument::Compact));
        QCOMPARE(ChatMessageList::fromJson(again).toJson(), list.toJson());
    }

    void hugeListReads()
    {
        QByteArray json = "{\"messages\":[";
        const int n = 50000;
        for (int i = 0; i < n; ++i) {
            if (i > 0)
                json += ',';
            json += "{\"username\":\"u" + QByteArray::number(i % 7) + "\",\"text\":\""
                + QByteArray(40, 'x') + "\",\"sequence\":" + QByteArray::number(i) + '}';
        }
        json += "],\"hasMore\":true}";
        const JsonReader reader = JsonReader::fromBytes(json);
        const ChatMessageList list = ChatMessageList::fromJson(reader);
        QVERIFY(reader.ok());
        QCOMPARE(list.messages.size(), n);
        QCOMPARE(list.messages.constLast().sequence, n - 1);
    }
};

QTEST_GUILESS_MAIN(TestApiChat)
#include "tst_api_chat.moc"
