// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Messages to stakeholders, the v2 user list and v2 paging policies: against rota-sim over real
// HTTP, what goes on the wire (against a plain capturing server) and hostile answers.

#include "capturingserver.h"
#include "peoplev2.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"
#include "stakeholders.h"

#include <QTest>

using namespace rota;
using namespace rota::test;

class TestApiStakeholders : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static sim::SimOptions options()
    {
        sim::SimOptions o;
        o.enforceRateLimits = false;
        return o;
    }

    //! A user with '@' in the username, as organisations that name people by address have.
    static QString addAtUser(SimFixture& sim)
    {
        sim::SimUser user = sim.ctx().org.users.value(otherUser(sim));
        user.username = QStringLiteral("jane@example.com");
        user.email = QStringLiteral("jane.doe@example.com");
        sim.ctx().org.users.insert(user.username, user);
        return user.username;
    }

private Q_SLOTS:
    void sendReachesTheSimulator()
    {
        SimFixture sim(options());
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QString incident = newSimIncident(sim, QStringLiteral("Checkout down"), {});
        StakeholderMessage message;
        message.title = QStringLiteral("Checkout degraded");
        message.message = QStringLiteral("Payments are slow; next update in 30 minutes.");
        message.incidentNumber = incident;
        message.users = { otherUser(sim) };
        message.teams = { sim.ctx().org.teams.firstKey() };
        const auto call = calls::sendStakeholderMessage(*sim.client, message);
        ROTA_EXPECT_OK(call);
        const auto& sent = sim.ctx().org.stakeholderMessages;
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().shape, QStringLiteral("newer"));
        QCOMPARE(sent.first().title, message.title);
        QCOMPARE(sent.first().message, message.message);
        QCOMPARE(sent.first().users, message.users);
        QCOMPARE(sent.first().teams, message.teams);
        QCOMPARE(QString::number(sent.first().incidentNumber), incident);
    }

    void sendErrorsInWords()
    {
        SimFixture sim(options());
        QVERIFY(sim.started);
        StakeholderMessage message;
        message.title = QStringLiteral("T");
        message.message = QStringLiteral("M");
        message.users = { QStringLiteral("nobody-here") };
        auto call = calls::sendStakeholderMessage(*sim.client, message);
        QVERIFY(waitFor(call.reply));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::NotFound);
        QVERIFY2(call.reply->error().text().contains(QStringLiteral("nobody-here")),
            qPrintable(call.reply->error().text()));

        message.users.clear();
        call = calls::sendStakeholderMessage(*sim.client, message);
        QVERIFY(waitFor(call.reply));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::BadRequest);
        QVERIFY(sim.ctx().org.stakeholderMessages.isEmpty());
    }

    //! A POST is never sent twice, even after a 503 that a GET would be retried on.
    void sendIsNeverRetried()
    {
        SimFixture sim(options());
        QVERIFY(sim.started);
        QVERIFY(!sim.server->service().faults().parse(
            QStringLiteral("error,status=503,count=1,path=/api-public/v1/stakeholders")));
        StakeholderMessage message;
        message.title = QStringLiteral("T");
        message.message = QStringLiteral("M");
        message.teams = { sim.ctx().org.teams.firstKey() };
        const auto call = calls::sendStakeholderMessage(*sim.client, message);
        QVERIFY(waitFor(call.reply));
        QCOMPARE(call.reply->error().kind, ApiErrorKind::Server);
        QTest::qWait(200);
        QCOMPARE(sim.server->service().apiRequests(), quint64(1));
        QVERIFY(sim.ctx().org.stakeholderMessages.isEmpty());
    }

    void listUsersV2AllAndByEmail()
    {
        SimFixture sim(options());
        QVERIFY(sim.started);
        auto all = calls::listUsersV2(*sim.client);
        ROTA_EXPECT_OK(all);
        QCOMPARE(all.value().users.size(), sim.ctx().org.users.size());

        const QString atUser = addAtUser(sim);
        auto one = calls::listUsersV2(*sim.client, QStringLiteral("jane.doe@example.com"));
        ROTA_EXPECT_OK(one);
        QCOMPARE(one.value().users.size(), 1);
        QCOMPARE(one.value().users.first().username, atUser);

        auto none = calls::listUsersV2(*sim.client, QStringLiteral("nobody@example.invalid"));
        ROTA_EXPECT_OK(none);
        QVERIFY(none.value().users.isEmpty());

        auto tooShort = calls::listUsersV2(*sim.client, QStringLiteral("ab"));
        QVERIFY(waitFor(tooShort.reply));
        QCOMPARE(tooShort.reply->error().kind, ApiErrorKind::BadRequest);
    }

    void pagingPoliciesMatchV1()
    {
        SimFixture sim(options());
        QVERIFY(sim.started);
        auto v1 = calls::getPagingPolicy(*sim.client, sim.demoUser());
        auto v2 = calls::getPagingPolicies(*sim.client, sim.demoUser());
        ROTA_EXPECT_OK(v1);
        ROTA_EXPECT_OK(v2);
        const PagingPolicyV2* primary = v2.value().primary();
        QVERIFY(primary);
        QVERIFY(!v1.value().steps.isEmpty());
        QCOMPARE(primary->steps, v1.value().steps);

        const QString atUser = addAtUser(sim);
        auto at = calls::getPagingPolicies(*sim.client, atUser);
        ROTA_EXPECT_OK(at);
        QVERIFY(at.value().primary());

        auto unknown = calls::getPagingPolicies(*sim.client, QStringLiteral("nobody-here"));
        QVERIFY(waitFor(unknown.reply));
        QCOMPARE(unknown.reply->error().kind, ApiErrorKind::NotFound);
    }

    //! What goes on the wire: '@' as it is in the query and in the path, the newer body.
    void wireShape()
    {
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 200, "{\"users\":[],\"policies\":[]}");
        });
        auto client = clientFor(&m_network, urlOf(base));

        auto users = calls::listUsersV2(*client, QStringLiteral("a@b.example"));
        ROTA_EXPECT_OK(users);
        auto odd = calls::listUsersV2(*client, QStringLiteral("x+y&z=1@b.example"));
        ROTA_EXPECT_OK(odd);
        auto policies = calls::getPagingPolicies(*client, QStringLiteral("jane@example.com"));
        ROTA_EXPECT_OK(policies);
        StakeholderMessage message;
        message.title = QStringLiteral("T");
        message.message = QStringLiteral("M");
        message.incidentNumber = QStringLiteral("42");
        message.users = { QStringLiteral("jane@example.com") };
        auto sent = calls::sendStakeholderMessage(*client, message);
        ROTA_EXPECT_OK(sent);

        QCOMPARE(captured.requests.size(), 4);
        const auto requestLine = [&](int i) {
            const QByteArray& r = captured.requests.at(i);
            return r.left(r.indexOf("\r\n"));
        };
        QCOMPARE(requestLine(0), QByteArray("GET /api-public/v2/user?email=a@b.example HTTP/1.1"));
        QCOMPARE(requestLine(1),
            QByteArray("GET /api-public/v2/user?email=x%2By%26z%3D1@b.example HTTP/1.1"));
        QCOMPARE(requestLine(2),
            QByteArray("GET /api-public/v2/profile/jane@example.com/policies HTTP/1.1"));
        QCOMPARE(
            requestLine(3), QByteArray("POST /api-public/v1/stakeholders/sendMessage HTTP/1.1"));
        const QByteArray& post = captured.requests.at(3);
        const QJsonObject body
            = QJsonDocument::fromJson(post.mid(post.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("T"));
        QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("M"));
        QCOMPARE(body.value(QStringLiteral("incidentId")).toInteger(), 42);
        QVERIFY(body.value(QStringLiteral("incidentId")).isDouble());
        QCOMPARE(body.value(QStringLiteral("recipients")).toArray(),
            QJsonArray { QStringLiteral("jane@example.com") });
        QCOMPARE(body.value(QStringLiteral("recipientTeams")).toArray(), QJsonArray());
        QVERIFY(!body.contains(QStringLiteral("summary")));
    }

    // --- hostile and odd answers ---------------------------------------------------------------

    void usersV2Shapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("usernames");
        QTest::newRow("flat") << QByteArray(
            "{\"users\":[{\"username\":\"a\"},{\"username\":\"b\"}]}")
                              << true << QStringList { QStringLiteral("a"), QStringLiteral("b") };
        QTest::newRow("v1 nested")
            << QByteArray("{\"users\":[[{\"username\":\"a\"},{\"username\":\"b\"}]]}") << true
            << QStringList { QStringLiteral("a"), QStringLiteral("b") };
        QTest::newRow("mixed") << QByteArray(
            "{\"users\":[{\"username\":\"a\"},[{\"username\":\"b\"}]]}")
                               << true << QStringList { QStringLiteral("a"), QStringLiteral("b") };
        QTest::newRow("no users") << QByteArray("{}") << true << QStringList {};
        QTest::newRow("null users") << QByteArray("{\"users\":null}") << true << QStringList {};
        QTest::newRow("users an object")
            << QByteArray("{\"users\":{\"username\":\"a\"}}") << false << QStringList {};
        QTest::newRow("a number in the list")
            << QByteArray("{\"users\":[1]}") << false << QStringList {};
        QTest::newRow("username a number")
            << QByteArray("{\"users\":[{\"username\":5}]}") << false << QStringList {};
        QTest::newRow("deep nesting") << QByteArray("{\"users\":[[[[[[{\"username\":\"a\"}]]]]]]}")
                                      << false << QStringList {};
        QTest::newRow("not json") << QByteArray("{\"users\":[") << false << QStringList {};
    }

    void usersV2Shapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QStringList, usernames);
        const JsonReader reader = JsonReader::fromBytes(json);
        const UserListV2 list = UserListV2::fromJson(reader);
        QCOMPARE(reader.ok(), ok);
        if (!ok)
            return;
        QStringList got;
        for (const User& user : list.users)
            got.append(user.username);
        QCOMPARE(got, usernames);
    }

    void policiesShapes()
    {
        // The v2 fixture's capitalised contact type reads as v1's lower case.
        JsonReader reader = JsonReader::fromBytes(
            "{\"policies\":[{\"rank\":1,\"name\":\"Nights\",\"slug\":\"n\",\"timeMask\":{"
            "\"monday\":true,\"tuesday\":false,\"timeZone\":\"Europe/Madrid\",\"startTime\":"
            "\"20:00:00.000\",\"endTime\":\"08:00:00.000\"},\"steps\":[{\"index\":0,\"timeout\":0,"
            "\"rules\":[{\"index\":0,\"type\":\"email\",\"contact\":{\"id\":5,\"type\":\"Email\"}}]"
            "}"
            "]},{\"rank\":0,\"name\":\"Primary\",\"slug\":\"p\",\"steps\":[]}]}");
        PagingPolicyList list = PagingPolicyList::fromJson(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QCOMPARE(list.policies.size(), 2);
        QCOMPARE(list.primary()->name, QStringLiteral("Primary"));
        const PagingPolicyV2& nights = list.policies.first();
        QCOMPARE(nights.timeMask.days[0], true);
        QCOMPARE(nights.timeMask.days[1], false);
        QCOMPARE(nights.timeMask.timeZone, QStringLiteral("Europe/Madrid"));
        QCOMPARE(nights.steps.first().rules.first().contact,
            PagingContact({ 5, QStringLiteral("email") }));

        // The older fixture: policyType in place of rank.
        reader
            = JsonReader::fromBytes("{\"policies\":[{\"policyType\":\"primary\",\"steps\":[]}]}");
        list = PagingPolicyList::fromJson(reader);
        QVERIFY(reader.ok());
        QVERIFY(list.primary());

        for (const char* bad : { "{\"policies\":{}}", "{\"policies\":[{\"rank\":\"0\"}]}",
                 "{\"policies\":[{\"rank\":1e12}]}", "{\"policies\":[{\"timeMask\":[]}]}",
                 "{\"policies\":[{\"timeMask\":{\"monday\":1}}]}",
                 "{\"policies\":[{\"steps\":[{\"rules\":[{\"contact\":{\"id\":\"x\"}}]}]}]}" }) {
            reader = JsonReader::fromBytes(bad);
            PagingPolicyList::fromJson(reader);
            QVERIFY2(!reader.ok(), bad);
        }
    }

    void messageReadsBothBodies()
    {
        JsonReader reader = JsonReader::fromBytes(
            "{\"summary\":\"S\",\"details\":\"D\",\"users\":[\"u\"],\"teams\":[\"t\"],"
            "\"incidentId\":7}");
        StakeholderMessage m = StakeholderMessage::fromJson(reader);
        QVERIFY(reader.ok());
        QCOMPARE(m.title, QStringLiteral("S"));
        QCOMPARE(m.message, QStringLiteral("D"));
        QCOMPARE(m.users, QStringList { QStringLiteral("u") });
        QCOMPARE(m.teams, QStringList { QStringLiteral("t") });
        QCOMPARE(m.incidentNumber, QStringLiteral("7"));
        reader = JsonReader::fromBytes(QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact));
        const StakeholderMessage again = StakeholderMessage::fromJson(reader);
        QVERIFY(reader.ok());
        QCOMPARE(again.title, m.title);
        QCOMPARE(again.users, m.users);
        QCOMPARE(again.incidentNumber, m.incidentNumber);

        for (const char* bad : { "{\"title\":1}", "{\"recipients\":\"u\"}", "{\"incidentId\":-3}",
                 "{\"incidentId\":\"abc\"}", "{\"recipients\":{}}" }) {
            reader = JsonReader::fromBytes(bad);
            StakeholderMessage::fromJson(reader);
            QVERIFY2(!reader.ok(), bad);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiStakeholders)
#include "tst_api_stakeholders.moc"
