// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim's Rules Engine over real HTTP: the four alertRules operations (validation, both names
// of the target key, ranks, unknown ids) and what a rule does to an alert the simulator makes.

#include "../support/simhttp.h"
#include "simcontext.h"
#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota::sim;

namespace {

using Answer = rota::test::SimAnswer;

QJsonObject ruleBody(const QString& field, const QString& match, const QString& type, int rank = 1,
    const QJsonArray& annotations = {})
{
    return QJsonObject {
        { QStringLiteral("alertField"), field },
        { QStringLiteral("alertValueMatch"), match },
        { QStringLiteral("matchType"), type },
        { QStringLiteral("rank"), rank },
        { QStringLiteral("stopFlag"), false },
        { QStringLiteral("annotations"), annotations },
    };
}

QJsonObject annotation(const QString& type, const QString& name, const QString& value, int flags)
{
    return QJsonObject {
        { QStringLiteral("annotationType"), type },
        { QStringLiteral("fieldName"), name },
        { QStringLiteral("fieldValue"), value },
        { QStringLiteral("flags"), flags },
    };
}

} // namespace

class TestSimAlertRules : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;

    Answer send(const QByteArray& method, const QString& path, const QByteArray& body = {},
        bool control = false)
    {
        rota::test::SimCredentials credentials;
        if (control)
            credentials = { QByteArray(), m_server->controlToken().toUtf8() };
        return rota::test::simRequest(
            m_network, m_server->baseUrl(), method, path, body, credentials);
    }
    Answer send(const QByteArray& method, const QString& path, const QJsonObject& body)
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QJsonArray rules()
    {
        const Answer a = send("GET", QStringLiteral("/api-public/v1/alertRules"));
        return a.array();
    }
    QList<int> idsInOrder()
    {
        QList<int> ids;
        const QJsonArray list = rules();
        for (const QJsonValue& v : list)
            ids.append(v.toObject().value(QStringLiteral("id")).toInt());
        return ids;
    }
    QList<int> ranks()
    {
        QList<int> out;
        const QJsonArray list = rules();
        for (const QJsonValue& v : list)
            out.append(v.toObject().value(QStringLiteral("rank")).toInt());
        return out;
    }

private Q_SLOTS:
    void init()
    {
        SimOptions options;
        options.enforceRateLimits = false;
        m_server = std::make_unique<SimServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_network.setProxy(QNetworkProxy::NoProxy);
    }
    void cleanup() { m_server.reset(); }

    void listsTheSeededRulesInRankOrder()
    {
        const Answer a = send("GET", QStringLiteral("/api-public/v1/alertRules"));
        QCOMPARE(a.status, 200);
        QVERIFY2(a.json().isArray(), a.body.constData());
        const QJsonArray list = a.array();
        QCOMPARE(list.size(), 3);
        QCOMPARE(ranks(), (QList<int> { 1, 2, 3 }));
        QCOMPARE(idsInOrder(), (QList<int> { 101, 102, 103 }));
        const QJsonObject first = list.at(0).toObject();
        QCOMPARE(
            first.value(QStringLiteral("alertValueMatch")).toString(), QStringLiteral("db-prod-*"));
        QCOMPARE(first.value(QStringLiteral("routeKey")).toString(), QStringLiteral("db"));
        QVERIFY(!first.contains(QStringLiteral("routingKey")));
        QVERIFY(first.value(QStringLiteral("lastUpdated")).toDouble() > 1.6e12);
        QVERIFY(!first.value(QStringLiteral("lastUpdatedBy")).toString().isEmpty());
        const QJsonObject runbook
            = first.value(QStringLiteral("annotations")).toArray().at(0).toObject();
        QCOMPARE(runbook.value(QStringLiteral("annotationType")).toString(), QStringLiteral("u"));
        QVERIFY(runbook.value(QStringLiteral("id")).toInt() > 0);
        // A {} body on a GET is accepted and ignored, as the Go client sends one.
        QCOMPARE(
            send("GET", QStringLiteral("/api-public/v1/alertRules"), QByteArray("{}")).status, 200);
    }

    void seededRulesAreTheSameForTheSameSeed()
    {
        const QJsonArray before = rules();
        SimOptions options;
        SimServer other(options);
        QString error;
        QVERIFY(other.start(&error));
        QCOMPARE(other.context().org.alertRules.size(), before.size());
        QCOMPARE(other.context().org.nextAlertRuleId, 104);
        for (qsizetype i = 0; i < before.size(); ++i)
            QCOMPARE(other.context().org.alertRules.at(i).alertValueMatch,
                before.at(i).toObject().value(QStringLiteral("alertValueMatch")).toString());
    }

    void routingKeyFilter()
    {
        QCOMPARE(
            send("GET", QStringLiteral("/api-public/v1/alertRules?routing_key=*")).array().size(),
            3);
        const QJsonArray db
            = send("GET", QStringLiteral("/api-public/v1/alertRules?routing_key=db")).array();
        QCOMPARE(db.size(), 1);
        QCOMPARE(db.at(0).toObject().value(QStringLiteral("id")).toInt(), 101);
        QCOMPARE(send("GET", QStringLiteral("/api-public/v1/alertRules?routing_key=nowhere"))
                     .array()
                     .size(),
            0);
    }

    void createAcceptsBothKeySpellingsAndAnswersRouteKey()
    {
        QJsonObject body = ruleBody(
            QStringLiteral("entity_id"), QStringLiteral("*disk*"), QStringLiteral("WILDCARD"), 1);
        body.insert(QStringLiteral("routingKey"), QStringLiteral("infra"));
        body.insert(QStringLiteral("notes"), QStringLiteral("disks to infra"));
        Answer a = send("POST", QStringLiteral("/api-public/v1/alertRules"), body);
        QCOMPARE(a.status, 200);
        QJsonObject created = a.object();
        QCOMPARE(created.value(QStringLiteral("id")).toInt(), 104);
        QCOMPARE(created.value(QStringLiteral("routeKey")).toString(), QStringLiteral("infra"));
        QVERIFY(!created.contains(QStringLiteral("routingKey")));
        QCOMPARE(
            created.value(QStringLiteral("notes")).toString(), QStringLiteral("disks to infra"));
        QCOMPARE(created.value(QStringLiteral("rank")).toInt(), 1);
        QVERIFY(created.value(QStringLiteral("annotations")).isArray());

        body.remove(QStringLiteral("routingKey"));
        body.insert(QStringLiteral("routeKey"), QStringLiteral("db"));
        a = send("POST", QStringLiteral("/api-public/v1/alertRules"), body);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.object().value(QStringLiteral("routeKey")).toString(), QStringLiteral("db"));

        // Both, agreeing: fine. Both, disagreeing: refused.
        body.insert(QStringLiteral("routingKey"), QStringLiteral("db"));
        QCOMPARE(send("POST", QStringLiteral("/api-public/v1/alertRules"), body).status, 200);
        body.insert(QStringLiteral("routingKey"), QStringLiteral("infra"));
        a = send("POST", QStringLiteral("/api-public/v1/alertRules"), body);
        QCOMPARE(a.status, 400);
        QVERIFY(a.object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("routingKey")));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        const auto text
            = [](QJsonObject o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        const QJsonObject good = ruleBody(
            QStringLiteral("host_name"), QStringLiteral("db-*"), QStringLiteral("WILDCARD"));
        QJsonObject o = good;
        o.remove(QStringLiteral("alertField"));
        QTest::newRow("no alertField") << text(o) << QStringLiteral("alertField");
        o = good;
        o.remove(QStringLiteral("alertValueMatch"));
        QTest::newRow("no alertValueMatch") << text(o) << QStringLiteral("alertValueMatch");
        o = good;
        o.remove(QStringLiteral("matchType"));
        QTest::newRow("no matchType") << text(o) << QStringLiteral("matchType");
        o = good;
        o.insert(QStringLiteral("matchType"), QStringLiteral("GLOB"));
        QTest::newRow("unknown matchType") << text(o) << QStringLiteral("matchType");
        o = good;
        o.insert(QStringLiteral("matchType"), QStringLiteral("REGEX"));
        o.insert(QStringLiteral("alertValueMatch"), QStringLiteral("db-(prod"));
        QTest::newRow("bad regex") << text(o) << QStringLiteral("regular expression");
        o.insert(QStringLiteral("alertValueMatch"), QString(129, QLatin1Char('a')));
        QTest::newRow("regex too long") << text(o) << QStringLiteral("128");
        o = good;
        o.remove(QStringLiteral("annotations"));
        QTest::newRow("no annotations") << text(o) << QStringLiteral("annotations");
        o = good;
        o.insert(QStringLiteral("annotations"), QJsonValue(QJsonValue::Null));
        QTest::newRow("null annotations") << text(o) << QStringLiteral("annotations");
        o = good;
        o.insert(QStringLiteral("annotations"),
            QJsonArray {
                annotation(QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("b"), 0) });
        QTest::newRow("annotation type") << text(o) << QStringLiteral("annotationType");
        o.insert(QStringLiteral("annotations"),
            QJsonArray {
                annotation(QStringLiteral("u"), QStringLiteral("a"), QStringLiteral("b"), 2) });
        QTest::newRow("annotation flags") << text(o) << QStringLiteral("flags");
        o.insert(QStringLiteral("annotations"),
            QJsonArray {
                QJsonObject { { QStringLiteral("annotationType"), QStringLiteral("u") } } });
        QTest::newRow("annotation fields") << text(o) << QStringLiteral("fieldName");
        o.insert(QStringLiteral("annotations"), QJsonArray { 3 });
        QTest::newRow("annotation not object") << text(o) << QStringLiteral("annotations[0]");
        o = good;
        o.insert(QStringLiteral("rank"), -2);
        QTest::newRow("negative rank") << text(o) << QStringLiteral("rank");
        o = good;
        o.insert(QStringLiteral("stopFlag"), QStringLiteral("yes"));
        QTest::newRow("stopFlag string") << text(o) << QStringLiteral("stopFlag");
        QTest::newRow("not json") << QByteArray("{\"alertField\":") << QString();
        QTest::newRow("array body") << QByteArray("[]") << QString();
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const int before = int(m_server->context().org.alertRules.size());
        Answer a = send("POST", QStringLiteral("/api-public/v1/alertRules"), body);
        QCOMPARE(a.status, 400);
        const QString message = a.object().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QCOMPARE(int(m_server->context().org.alertRules.size()), before);
        // The same body refused by PUT, and the rule unchanged.
        a = send("PUT", QStringLiteral("/api-public/v1/alertRules/101"), body);
        QCOMPARE(a.status, 400);
        QCOMPARE(m_server->context().org.alertRules.first().alertValueMatch,
            QStringLiteral("db-prod-*"));
    }

    void ranksShiftAndStayContiguous()
    {
        // At rank 2: the old second and third move down.
        Answer a = send("POST", QStringLiteral("/api-public/v1/alertRules"),
            ruleBody(QStringLiteral("host_name"), QStringLiteral("web-*"),
                QStringLiteral("WILDCARD"), 2));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.object().value(QStringLiteral("rank")).toInt(), 2);
        QCOMPARE(idsInOrder(), (QList<int> { 101, 104, 102, 103 }));
        QCOMPARE(ranks(), (QList<int> { 1, 2, 3, 4 }));
        // Far past the end: the bottom, with the next rank.
        a = send("POST", QStringLiteral("/api-public/v1/alertRules"),
            ruleBody(QStringLiteral("host_name"), QStringLiteral("mq-*"),
                QStringLiteral("WILDCARD"), 99));
        QCOMPARE(a.object().value(QStringLiteral("rank")).toInt(), 5);
        // Rank 0 (some clients' top) and no rank: the top.
        a = send("POST", QStringLiteral("/api-public/v1/alertRules"),
            ruleBody(QStringLiteral("host_name"), QStringLiteral("es-*"),
                QStringLiteral("WILDCARD"), 0));
        QCOMPARE(a.object().value(QStringLiteral("rank")).toInt(), 1);
        QJsonObject noRank = ruleBody(
            QStringLiteral("host_name"), QStringLiteral("ci-*"), QStringLiteral("WILDCARD"));
        noRank.remove(QStringLiteral("rank"));
        a = send("POST", QStringLiteral("/api-public/v1/alertRules"), noRank);
        QCOMPARE(a.object().value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(idsInOrder(), (QList<int> { 107, 106, 101, 104, 102, 103, 105 }));

        // Re-ranking with PUT moves it; the others close up.
        QJsonObject move = ruleBody(
            QStringLiteral("host_name"), QStringLiteral("ci-*"), QStringLiteral("WILDCARD"), 4);
        a = send("PUT", QStringLiteral("/api-public/v1/alertRules/107"), move);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.object().value(QStringLiteral("rank")).toInt(), 4);
        QCOMPARE(idsInOrder(), (QList<int> { 106, 101, 104, 107, 102, 103, 105 }));
        QCOMPARE(ranks(), (QList<int> { 1, 2, 3, 4, 5, 6, 7 }));

        // Deleting closes the gap.
        a = send("DELETE", QStringLiteral("/api-public/v1/alertRules/104"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.object(), (QJsonObject { { QStringLiteral("id"), 104 } }));
        QCOMPARE(idsInOrder(), (QList<int> { 106, 101, 107, 102, 103, 105 }));
        QCOMPARE(ranks(), (QList<int> { 1, 2, 3, 4, 5, 6 }));
    }

    void updateIsAFullReplacement()
    {
        QJsonObject body = ruleBody(QStringLiteral("service_name"), QStringLiteral("^post.*$"),
            QStringLiteral("REGEX"), 1,
            QJsonArray {
                annotation(QStringLiteral("s"), QStringLiteral("Note"), QStringLiteral("hi"), 0) });
        body.insert(QStringLiteral("routeKey"), QStringLiteral("infra"));
        m_server->context().clockOffsetMs = 60 * 1000;
        const qint64 before = m_server->context().org.alertRules.first().lastUpdatedMs;
        Answer a = send("PUT", QStringLiteral("/api-public/v1/alertRules/101"), body);
        QCOMPARE(a.status, 200);
        const QJsonObject rule = a.object();
        QCOMPARE(rule.value(QStringLiteral("id")).toInt(), 101);
        QCOMPARE(
            rule.value(QStringLiteral("alertField")).toString(), QStringLiteral("service_name"));
        QCOMPARE(rule.value(QStringLiteral("matchType")).toString(), QStringLiteral("REGEX"));
        QCOMPARE(rule.value(QStringLiteral("routeKey")).toString(), QStringLiteral("infra"));
        // Notes not sent: gone (a replacement, not a patch); the old annotations too.
        QCOMPARE(rule.value(QStringLiteral("notes")).toString(), QString());
        const QJsonArray annotations = rule.value(QStringLiteral("annotations")).toArray();
        QCOMPARE(annotations.size(), 1);
        QCOMPARE(annotations.at(0).toObject().value(QStringLiteral("fieldName")).toString(),
            QStringLiteral("Note"));
        QVERIFY(qint64(rule.value(QStringLiteral("lastUpdated")).toDouble()) > before);
        // Read back the same.
        QCOMPARE(rules().at(0).toObject().value(QStringLiteral("alertField")).toString(),
            QStringLiteral("service_name"));
    }

    void unknownIdsAre404()
    {
        const QJsonObject body = ruleBody(
            QStringLiteral("host_name"), QStringLiteral("*"), QStringLiteral("WILDCARD"));
        QCOMPARE(send("PUT", QStringLiteral("/api-public/v1/alertRules/999"), body).status, 404);
        QCOMPARE(send("DELETE", QStringLiteral("/api-public/v1/alertRules/999")).status, 404);
        QCOMPARE(send("DELETE", QStringLiteral("/api-public/v1/alertRules/abc")).status, 400);
        // Deleted once: gone the second time. A {} body on DELETE is accepted.
        QCOMPARE(send("DELETE", QStringLiteral("/api-public/v1/alertRules/103"), QByteArray("{}"))
                     .status,
            200);
        QCOMPARE(send("DELETE", QStringLiteral("/api-public/v1/alertRules/103")).status, 404);
        QCOMPARE(rules().size(), 2);
    }

    void readOnlyKeysCannotWrite()
    {
        SimOptions options;
        options.readOnlyKeys = QStringList { QStringLiteral("ro-key") };
        SimServer server(options);
        QString error;
        QVERIFY(server.start(&error));
        QNetworkRequest request(
            server.baseUrl().resolved(QUrl(QStringLiteral("/api-public/v1/alertRules/101"))));
        request.setRawHeader("X-VO-Api-Id", "rota-demo-id");
        request.setRawHeader("X-VO-Api-Key", "ro-key");
        QNetworkReply* reply = m_network.deleteResource(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        reply->deleteLater();
        QCOMPARE(server.context().org.alertRules.size(), 3);
    }

    void aGeneratedAlertIsAnnotatedAndRerouted()
    {
        // Every live alert matches this one at the top; it stops the seeded rules below.
        QJsonObject body = ruleBody(QStringLiteral("monitoring_tool"), QStringLiteral("*"),
            QStringLiteral("WILDCARD"), 1,
            QJsonArray {
                annotation(QStringLiteral("u"), QStringLiteral("Runbook"),
                    QStringLiteral("https://wiki.example.org/${{host_name}}"), 0),
                annotation(QStringLiteral("s"), QStringLiteral("entity_display_name"),
                    QStringLiteral("Checked: ${{entity_display_name}}"), 1),
            });
        body.insert(QStringLiteral("routeKey"), QStringLiteral("payments"));
        body.insert(QStringLiteral("stopFlag"), true);
        QCOMPARE(send("POST", QStringLiteral("/api-public/v1/alertRules"), body).status, 200);

        const Answer made
            = send("POST", QStringLiteral("/_sim/incidents"), QByteArray("{\"count\": 3}"), true);
        QCOMPARE(made.status, 200);
        const QJsonArray numbers = made.object().value(QStringLiteral("created")).toArray();
        QCOMPARE(numbers.size(), 3);
        for (const QJsonValue& number : numbers) {
            const Answer incident
                = send("GET", QStringLiteral("/api-public/v1/incidents/%1").arg(number.toInt()));
            QCOMPARE(incident.status, 200);
            const QJsonObject i = incident.object();
            QCOMPARE(i.value(QStringLiteral("routingKey")).toString(), QStringLiteral("payments"));
            QVERIFY(i.value(QStringLiteral("entityDisplayName"))
                        .toString()
                        .startsWith(QStringLiteral("Checked: ")));
            const QString uuid = i.value(QStringLiteral("lastAlertId")).toString();
            const Answer alert = send("GET", QStringLiteral("/api-public/v1/alerts/") + uuid);
            QCOMPARE(alert.status, 200);
            const QJsonObject raw = QJsonDocument::fromJson(
                alert.object().value(QStringLiteral("raw")).toString().toUtf8())
                                        .object();
            const QString host = raw.value(QStringLiteral("host_name")).toString();
            QVERIFY(!host.isEmpty());
            QCOMPARE(raw.value(QStringLiteral("vo_annotate.u.Runbook")).toString(),
                QStringLiteral("https://wiki.example.org/") + host);
            QCOMPARE(
                raw.value(QStringLiteral("routing_key")).toString(), QStringLiteral("payments"));
            // The seeded rules below did not run (stopFlag).
            QVERIFY(!raw.contains(QStringLiteral("vo_annotate.s.Escalate")));
            QVERIFY(!raw.contains(QStringLiteral("vo_annotate.i.Node graph")));
            // Payments' policy was paged, as the key says.
            QVERIFY(
                !m_server->context().org.incidents.value(number.toInt()).pagedPolicies.isEmpty());
        }
    }

    void rulesSurviveTheStateFile()
    {
        QJsonObject body = ruleBody(QStringLiteral("host_name"), QStringLiteral("web-.*"),
            QStringLiteral("REGEX"), 2,
            QJsonArray { annotation(
                QStringLiteral("u"), QStringLiteral("Runbook"), QStringLiteral("https://x"), 0) });
        QCOMPARE(send("POST", QStringLiteral("/api-public/v1/alertRules"), body).status, 200);
        const SimOrg& org = m_server->context().org;
        const QJsonObject state = orgToJson(org);
        SimOrg loaded;
        QString error;
        QVERIFY2(orgFromJson(state, &loaded, &error), qPrintable(error));
        QCOMPARE(loaded.alertRules.size(), 4);
        for (qsizetype i = 0; i < loaded.alertRules.size(); ++i) {
            const SimAlertRule& a = org.alertRules.at(i);
            const SimAlertRule& b = loaded.alertRules.at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.rank, a.rank);
            QCOMPARE(b.alertValueMatch, a.alertValueMatch);
            QCOMPARE(b.matchType, a.matchType);
            QCOMPARE(b.routeKey, a.routeKey);
            QCOMPARE(b.lastUpdatedMs, a.lastUpdatedMs);
            QCOMPARE(b.annotations.size(), a.annotations.size());
            if (!a.annotations.isEmpty())
                QCOMPARE(b.annotations.first().id, a.annotations.first().id);
        }
        QCOMPARE(loaded.nextAlertRuleId, org.nextAlertRuleId);
        QCOMPARE(loaded.nextAlertAnnotationId, org.nextAlertAnnotationId);

        // A file the API would refuse is refused, with the reason.
        QJsonObject broken = state;
        QJsonObject rules = broken.value(QStringLiteral("alertRules")).toObject();
        QJsonArray list = rules.value(QStringLiteral("rules")).toArray();
        QJsonObject first = list.at(0).toObject();
        first.insert(QStringLiteral("matchType"), QStringLiteral("REGEX"));
        first.insert(QStringLiteral("alertValueMatch"), QStringLiteral("(("));
        list.replace(0, first);
        rules.insert(QStringLiteral("rules"), list);
        broken.insert(QStringLiteral("alertRules"), rules);
        QVERIFY(!orgFromJson(broken, &loaded, &error));
        QVERIFY2(error.contains(QStringLiteral("regular expression")), qPrintable(error));
        // A file from before alert rules: none, and the next id where the seeds would start.
        QJsonObject older = state;
        older.remove(QStringLiteral("alertRules"));
        QVERIFY2(orgFromJson(older, &loaded, &error), qPrintable(error));
        QVERIFY(loaded.alertRules.isEmpty());
        QCOMPARE(loaded.nextAlertRuleId, 101);
    }

    void seededRulesMatchAsDocumented()
    {
        // Through the org's rules directly: wildcard ignores case, regex is a full match.
        SimOrg& org = m_server->context().org;
        QJsonObject db { { QStringLiteral("host_name"), QStringLiteral("DB-PROD-03") },
            { QStringLiteral("routing_key"), QStringLiteral("platform-alerts") },
            { QStringLiteral("monitoring_tool"), QStringLiteral("Nagios") } };
        applyAlertRules(org, db);
        QCOMPARE(db.value(QStringLiteral("routing_key")).toString(), QStringLiteral("db"));
        QVERIFY(db.contains(QStringLiteral("vo_annotate.u.Runbook")));

        QJsonObject partial { { QStringLiteral("monitoring_tool"),
                                  QStringLiteral("Pingdom probe") },
            { QStringLiteral("routing_key"), QStringLiteral("k8s") } };
        applyAlertRules(org, partial);
        QCOMPARE(partial.value(QStringLiteral("routing_key")).toString(), QStringLiteral("k8s"));

        QJsonObject pingdom { { QStringLiteral("monitoring_tool"), QStringLiteral("Pingdom") },
            { QStringLiteral("host_name"), QStringLiteral("k8s-node-01") },
            { QStringLiteral("routing_key"), QStringLiteral("k8s") } };
        applyAlertRules(org, pingdom);
        QCOMPARE(
            pingdom.value(QStringLiteral("routing_key")).toString(), QStringLiteral("sre-pager"));
        // stopFlag: the k8s rule below it did not run.
        QVERIFY(!pingdom.contains(QStringLiteral("vo_annotate.i.Node graph")));

        QJsonObject node { { QStringLiteral("host_name"), QStringLiteral("k8s-node-07") },
            { QStringLiteral("service_name"), QStringLiteral("kubelet") } };
        applyAlertRules(org, node);
        QCOMPARE(node.value(QStringLiteral("entity_display_name")).toString(),
            QStringLiteral("Kubernetes: k8s-node-07 / kubelet"));
        QVERIFY(node.value(QStringLiteral("vo_annotate.i.Node graph"))
                    .toString()
                    .endsWith(QStringLiteral("k8s-node-07")));
    }
};

QTEST_GUILESS_MAIN(TestSimAlertRules)
#include "tst_simalertrules.moc"
