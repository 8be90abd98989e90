// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The alert-rule calls of rota_api (api/alertrules.h) against an in-process rota-sim over real
// HTTP, what they send (captured), a 204 delete, and hostile answers to the DTOs.

#include "alertrules.h"
#include "capturingserver.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;
using rota::test::waitFor;

namespace {

#define START_FIXTURE(f)                                                                           \
    SimFixture f;                                                                                  \
    QVERIFY2((f).started, qPrintable((f).startError))

AlertRule diskRule()
{
    AlertRule rule;
    rule.alertField = QStringLiteral("service_name");
    rule.alertValueMatch = QStringLiteral("disk*");
    rule.matchType = QStringLiteral("WILDCARD");
    rule.rank = 2;
    rule.notes = QStringLiteral("Disks to infra");
    rule.routeKey = QStringLiteral("infra");
    rule.annotations.append({ 0, QStringLiteral("u"), QStringLiteral("Runbook"),
        QStringLiteral("https://wiki.example.org/disk"), 0 });
    return rule;
}

} // namespace

class TestApiAlertRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listReadsTheSeededRules()
    {
        START_FIXTURE(f);
        const auto call = calls::listAlertRules(*f.client);
        ROTA_EXPECT_OK(call);
        const AlertRuleList list = call.value();
        const auto& sim = f.ctx().org.alertRules;
        QCOMPARE(list.rules.size(), sim.size());
        for (qsizetype i = 0; i < sim.size(); ++i) {
            const AlertRule& rule = list.rules.at(i);
            QCOMPARE(rule.id, sim.at(i).id);
            QCOMPARE(rule.rank, int(i + 1));
            QCOMPARE(rule.alertField, sim.at(i).alertField);
            QCOMPARE(rule.alertValueMatch, sim.at(i).alertValueMatch);
            QCOMPARE(rule.matchType, sim.at(i).matchType);
            QCOMPARE(rule.routeKey, sim.at(i).routeKey);
            QCOMPARE(rule.stopFlag, sim.at(i).stopFlag);
            QCOMPARE(rule.lastUpdated.toMSecsSinceEpoch(), sim.at(i).lastUpdatedMs);
            QCOMPARE(rule.lastUpdatedBy, sim.at(i).lastUpdatedBy);
            QCOMPARE(rule.annotations.size(), sim.at(i).annotations.size());
        }
        QVERIFY(list.rules.first().annotations.first().id > 0);
    }

    void createUpdateDeleteRoundTrip()
    {
        START_FIXTURE(f);
        auto created = calls::createAlertRule(*f.client, diskRule());
        ROTA_EXPECT_OK(created);
        AlertRule rule = created.value();
        QCOMPARE(rule.id, 104);
        QCOMPARE(rule.rank, 2);
        QCOMPARE(rule.routeKey, QStringLiteral("infra"));
        QCOMPARE(rule.annotations.size(), 1);
        QCOMPARE(f.ctx().org.alertRules.at(1).id, 104);

        rule.matchType = QStringLiteral("REGEX");
        rule.alertValueMatch = QStringLiteral("disk.*|inode.*");
        rule.rank = 4;
        rule.annotations.clear();
        auto updated = calls::updateAlertRule(*f.client, rule);
        ROTA_EXPECT_OK(updated);
        QCOMPARE(updated.value().rank, 4);
        QCOMPARE(updated.value().annotations.size(), 0);
        QCOMPARE(f.ctx().org.alertRules.last().id, 104);
        QCOMPARE(f.ctx().org.alertRules.last().matchType, QStringLiteral("REGEX"));

        auto deleted = calls::deleteAlertRule(*f.client, 104);
        ROTA_EXPECT_OK(deleted);
        QCOMPARE(deleted.value().id, 104);
        QCOMPARE(f.ctx().org.alertRules.size(), 3);
    }

    void errorsAreValues()
    {
        START_FIXTURE(f);
        AlertRule bad = diskRule();
        bad.matchType = QStringLiteral("REGEX");
        bad.alertValueMatch = QStringLiteral("disk(");
        auto created = calls::createAlertRule(*f.client, bad);
        QVERIFY(waitFor(created.reply));
        QVERIFY(!created.reply->ok());
        QCOMPARE(created.reply->error().kind, ApiErrorKind::BadRequest);
        QVERIFY2(created.reply->error().text().contains(QStringLiteral("regular expression")),
            qPrintable(created.reply->error().text()));

        AlertRule missing = diskRule();
        missing.id = 999;
        auto updated = calls::updateAlertRule(*f.client, missing);
        QVERIFY(waitFor(updated.reply));
        QCOMPARE(updated.reply->error().kind, ApiErrorKind::NotFound);
        auto deleted = calls::deleteAlertRule(*f.client, 999);
        QVERIFY(waitFor(deleted.reply));
        QCOMPARE(deleted.reply->error().kind, ApiErrorKind::NotFound);
    }

    void requestCarriesBothKeyNamesAndAnArray()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        test::CapturingServer captured(
            &server, [](QTcpSocket* socket, int index, const QByteArray&) {
                // The delete answers 204 with nothing, as the Terraform providers allow.
                if (index == 2)
                    test::CapturingServer::respond(socket, 204, QByteArray());
                else
                    test::CapturingServer::respond(
                        socket, 200, "{\"id\":7,\"routingKey\":\"legacy\"}");
            });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto client = test::clientFor(&network, test::urlOf(server));

        AlertRule rule = diskRule();
        rule.annotations.clear();
        auto created = calls::createAlertRule(*client, rule);
        ROTA_EXPECT_OK(created);
        // An answer naming the key the older way is read too.
        QCOMPARE(created.value().routeKey, QStringLiteral("legacy"));
        rule.id = 7;
        auto updated = calls::updateAlertRule(*client, rule);
        ROTA_EXPECT_OK(updated);
        auto deleted = calls::deleteAlertRule(*client, 7);
        ROTA_EXPECT_OK(deleted);
        QCOMPARE(deleted.value().id, 0);

        QCOMPARE(captured.requests.size(), 3);
        const QByteArray post = captured.requests.at(0);
        QVERIFY(post.startsWith("POST /api-public/v1/alertRules "));
        const QJsonObject body
            = QJsonDocument::fromJson(post.mid(post.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(QStringLiteral("routeKey")).toString(), QStringLiteral("infra"));
        QCOMPARE(body.value(QStringLiteral("routingKey")).toString(), QStringLiteral("infra"));
        QVERIFY(body.value(QStringLiteral("annotations")).isArray());
        QVERIFY(!body.contains(QStringLiteral("id")));
        QVERIFY(!body.contains(QStringLiteral("lastUpdated")));
        QVERIFY(captured.requests.at(1).startsWith("PUT /api-public/v1/alertRules/7 "));
        QVERIFY(captured.requests.at(2).startsWith("DELETE /api-public/v1/alertRules/7 "));
    }

    void listAsksForEveryRoutingKey()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        test::CapturingServer captured(&server, [](QTcpSocket* socket, int, const QByteArray&) {
            test::CapturingServer::respond(socket, 200, "[]");
        });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto client = test::clientFor(&network, test::urlOf(server));
        auto call = calls::listAlertRules(*client);
        ROTA_EXPECT_OK(call);
        QVERIFY(call.value().rules.isEmpty());
        QVERIFY2(
            captured.requests.value(0).startsWith("GET /api-public/v1/alertRules?routing_key=* "),
            captured.requests.value(0).left(80).constData());
    }

    void hostileAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty array") << QByteArray("[]") << true;
        QTest::newRow("object, not array") << QByteArray("{\"rules\":[]}") << false;
        QTest::newRow("truncated") << QByteArray("[{\"id\":1,") << false;
        QTest::newRow("id as string") << QByteArray("[{\"id\":\"1\"}]") << false;
        QTest::newRow("rank fraction") << QByteArray("[{\"id\":1,\"rank\":1.5}]") << false;
        QTest::newRow("stopFlag string")
            << QByteArray("[{\"id\":1,\"stopFlag\":\"yes\"}]") << false;
        QTest::newRow("annotations object")
            << QByteArray("[{\"id\":1,\"annotations\":{}}]") << false;
        QTest::newRow("annotations null")
            << QByteArray("[{\"id\":1,\"annotations\":null}]") << true;
        QTest::newRow("annotation flags string")
            << QByteArray("[{\"id\":1,\"annotations\":[{\"flags\":\"1\"}]}]") << false;
        QTest::newRow("lastUpdated beyond 2^53")
            << QByteArray("[{\"id\":1,\"lastUpdated\":1e300}]") << false;
        QTest::newRow("lastUpdated ISO")
            << QByteArray("[{\"id\":1,\"lastUpdated\":\"2026-01-01T00:00:00Z\"}]") << true;
        QTest::newRow("unknown fields, nulls")
            << QByteArray("[{\"id\":1,\"x\":[1,{}],\"notes\":null,\"routeKey\":null}]") << true;
        QTest::newRow("element not object") << QByteArray("[1]") << false;
        QTest::newRow("id beyond int") << QByteArray("[{\"id\":4294967296}]") << false;
    }

    void hostileAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        const JsonReader reader = JsonReader::fromBytes(body);
        const AlertRuleList list = AlertRuleList::fromJson(reader);
        QVERIFY2(reader.ok() == ok, qPrintable(reader.error()));
        if (ok) {
            // What is read writes back to something that reads the same.
            const QByteArray once = QJsonDocument(list.toJsonValue().toArray()).toJson();
            const JsonReader again = JsonReader::fromBytes(once);
            const AlertRuleList second = AlertRuleList::fromJson(again);
            QVERIFY(again.ok());
            QCOMPARE(QJsonDocument(second.toJsonValue().toArray()).toJson(), once);
        }
    }

    void hostileAnswersOverHttp()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        test::CapturingServer captured(&server, [](QTcpSocket* socket, int, const QByteArray&) {
            test::CapturingServer::respond(socket, 200, "[{\"id\":1,\"annotations\":{\"a\":1}}]");
        });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto client = test::clientFor(&network, test::urlOf(server));
        auto call = calls::listAlertRules(*client);
        QVERIFY(waitFor(call.reply));
        QVERIFY(!call.reply->ok());
        QCOMPARE(call.reply->error().kind, ApiErrorKind::BadResponse);
        QVERIFY2(call.reply->error().serverMessage.contains(QStringLiteral("annotations")),
            qPrintable(call.reply->error().serverMessage));
    }
};

QTEST_GUILESS_MAIN(TestApiAlertRules)
#include "tst_api_alertrules.moc"
