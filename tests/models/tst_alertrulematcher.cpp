// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The alert-rule matcher (models/alertrulematcher.h) the test bench uses: wildcard and regex
// matching, rank order and stopFlag, annotations, transformations and the routing key, pattern
// checks; and the rules model and controller against an in-process rota-sim, the matcher's
// verdict held against what the simulator does to a live alert.

#include "alertrulematcher.h"
#include "alertrulescontroller.h"
#include "alertrulesmodel.h"
#include "simfixture.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

AlertRule rule(int id, int rank, const QString& field, const QString& match,
    const QString& type = QStringLiteral("WILDCARD"), const QString& routeKey = {},
    bool stop = false)
{
    AlertRule r;
    r.id = id;
    r.rank = rank;
    r.alertField = field;
    r.alertValueMatch = match;
    r.matchType = type;
    r.routeKey = routeKey;
    r.stopFlag = stop;
    return r;
}

AlertRuleAnnotation note(const QString& type, const QString& name, const QString& value,
    int flags = AlertRuleAnnotation::Annotation)
{
    return { 0, type, name, value, flags };
}

QJsonObject alert(const QString& host, const QString& key = QStringLiteral("platform-alerts"))
{
    return QJsonObject { { QStringLiteral("host_name"), host },
        { QStringLiteral("routing_key"), key },
        { QStringLiteral("monitoring_tool"), QStringLiteral("Nagios") },
        { QStringLiteral("entity_state"), QStringLiteral("CRITICAL") },
        { QStringLiteral("timestamp"), 1767257100 } };
}

} // namespace

class TestAlertRuleMatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wildcard_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("matches");
        // The vendor's documented examples.
        QTest::newRow("suffix") << "*.mydomain.tld"
                                << "www.subdomain.mydomain.tld" << true;
        QTest::newRow("suffix, bare") << "*.mydomain.tld"
                                      << "mydomain.tld" << false;
        QTest::newRow("suffix, path") << "*.mydomain.tld"
                                      << "x.mydomain.tld/with/a/long/path/suffix.html" << false;
        QTest::newRow("middle") << "db-*.*"
                                << "db-abc123.bazfoo.bar" << true;
        QTest::newRow("middle, no dash") << "db-*.*"
                                         << "db000.barfoo.baz" << false;
        QTest::newRow("middle, no dot") << "db-*.*"
                                        << "db-123" << false;
        QTest::newRow("both ends") << "*db-mydomain*"
                                   << "foo-db-mydomain-bar" << true;
        QTest::newRow("both ends, miss") << "*db-mydomain*"
                                         << "db.mydomain" << false;
        QTest::newRow("any case") << "*this is an incident*"
                                  << "This is an incident!" << true;
        QTest::newRow("exact") << "web-01"
                               << "web-01" << true;
        QTest::newRow("exact, longer") << "web-01"
                                       << "web-010" << false;
        QTest::newRow("star alone") << "*"
                                    << "" << true;
        QTest::newRow("stars") << "a**b*c"
                               << "aXXbYYc" << true;
        QTest::newRow("regex chars literal") << "a.b(c)"
                                             << "a.b(c)" << true;
        QTest::newRow("regex chars literal, miss") << "a.b"
                                                   << "axb" << false;
        QTest::newRow("backtracking") << "*a*a*a*a*b" << QString(60, QLatin1Char('a')) << false;
    }

    void wildcard()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, matches);
        QCOMPARE(
            AlertRuleMatcher::matches(rule(1, 1, QStringLiteral("f"), pattern), value), matches);
    }

    void regex_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("matches");
        QTest::newRow("whole value") << "db-[0-9]+"
                                     << "db-12" << true;
        QTest::newRow("a part is not enough") << "db"
                                              << "db-12" << false;
        QTest::newRow("dot-star around") << ".*db.*"
                                         << "prod-db-12" << true;
        QTest::newRow("case-sensitive") << "DB-.*"
                                        << "db-12" << false;
        QTest::newRow("(?i)") << "(?i)DB-.*"
                              << "db-12" << true;
        QTest::newRow("alternation is whole") << "Pingdom|Amazon CloudWatch"
                                              << "Pingdom" << true;
        QTest::newRow("alternation, part") << "Pingdom|Amazon CloudWatch"
                                           << "Pingdom probe" << false;
        QTest::newRow("invalid never matches") << "db-("
                                               << "db-(" << false;
    }

    void regex()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, matches);
        QCOMPARE(AlertRuleMatcher::matches(
                     rule(1, 1, QStringLiteral("f"), pattern, QStringLiteral("REGEX")), value),
            matches);
    }

    void checkPattern()
    {
        using AlertRuleMatcher::checkPattern;
        QVERIFY(checkPattern(QStringLiteral("db-*"), QStringLiteral("WILDCARD")).ok);
        QVERIFY(!checkPattern(QString(), QStringLiteral("WILDCARD")).ok);
        // A wildcard has no syntax to get wrong.
        QVERIFY(checkPattern(QStringLiteral("db-("), QStringLiteral("WILDCARD")).ok);

        const PatternCheck bad = checkPattern(QStringLiteral("db-(prod"), QStringLiteral("REGEX"));
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(QStringLiteral("parenthes")), qPrintable(bad.error));
        QVERIFY(bad.error.contains(QStringLiteral("character")));

        const PatternCheck tooLong
            = checkPattern(QString(129, QLatin1Char('a')), QStringLiteral("REGEX"));
        QVERIFY(!tooLong.ok);
        QVERIFY(tooLong.error.contains(QStringLiteral("128")));
        QVERIFY(checkPattern(QString(128, QLatin1Char('a')), QStringLiteral("REGEX")).ok);

        const PatternCheck plain
            = checkPattern(QStringLiteral("db-[0-9]+"), QStringLiteral("REGEX"));
        QVERIFY(plain.ok);
        QVERIFY(plain.warning.isEmpty());
        for (const char* pcreOnly :
            { "(?P<host>db)-.*", "db\\K-.*", "(?|a|b)", "[[:alpha:]]+", "(?<my_name>db).*" }) {
            const PatternCheck check
                = checkPattern(QString::fromLatin1(pcreOnly), QStringLiteral("REGEX"));
            QVERIFY2(check.ok, pcreOnly);
            QVERIFY2(check.warning.contains(QStringLiteral("Java")), pcreOnly);
        }
    }

    void rankOrderAndStop()
    {
        // Given out of order: the run follows the ranks.
        QList<AlertRule> rules {
            rule(3, 3, QStringLiteral("host_name"), QStringLiteral("*"), QStringLiteral("WILDCARD"),
                QStringLiteral("catch-all")),
            rule(1, 1, QStringLiteral("host_name"), QStringLiteral("web-*"),
                QStringLiteral("WILDCARD"), QStringLiteral("web")),
            rule(2, 2, QStringLiteral("host_name"), QStringLiteral("db-*"),
                QStringLiteral("WILDCARD"), QStringLiteral("db"), true),
        };
        AlertRuleRun run = AlertRuleMatcher::run(rules, alert(QStringLiteral("db-7")));
        QCOMPARE(run.steps.size(), 3);
        QCOMPARE(run.steps.at(0).ruleIndex, 1);
        QCOMPARE(run.steps.at(0).outcome, AlertRuleStep::Outcome::NoMatch);
        QCOMPARE(run.steps.at(1).outcome, AlertRuleStep::Outcome::Matched);
        QCOMPARE(run.steps.at(2).outcome, AlertRuleStep::Outcome::NotReached);
        QCOMPARE(run.firstMatch, 2);
        QCOMPARE(run.stoppedBy, 2);
        QCOMPARE(run.routingKeyBefore, QStringLiteral("platform-alerts"));
        QCOMPARE(run.routingKey, QStringLiteral("db"));

        // Without the stop, the last matching rule's key wins.
        rules[2].stopFlag = false;
        run = AlertRuleMatcher::run(rules, alert(QStringLiteral("db-7")));
        QCOMPARE(run.matched(), (QList<int> { 2, 0 }));
        QCOMPARE(run.routingKey, QStringLiteral("catch-all"));
        QCOMPARE(run.stoppedBy, -1);

        // No rule matches: nothing changes.
        const QList<AlertRule> narrow { rules.at(1) };
        run = AlertRuleMatcher::run(narrow, alert(QStringLiteral("db-7")));
        QCOMPARE(run.firstMatch, -1);
        QVERIFY(run.effects.isEmpty());
        QCOMPARE(run.alert, alert(QStringLiteral("db-7")));
        QCOMPARE(run.routingKey, QStringLiteral("platform-alerts"));
    }

    void annotationsAndTransformations()
    {
        AlertRule r = rule(1, 1, QStringLiteral("host_name"), QStringLiteral("db-*"),
            QStringLiteral("WILDCARD"), QStringLiteral("db"));
        r.annotations = {
            note(QStringLiteral("u"), QStringLiteral("Runbook"),
                QStringLiteral("https://wiki.example.org/${{host_name}}")),
            note(QStringLiteral("s"), QStringLiteral("entity_display_name"),
                QStringLiteral("DB: ${{host_name}} (${{ entity_state }}) ${{missing}}!"),
                AlertRuleAnnotation::Transformation),
            note(QStringLiteral("i"), QStringLiteral("Graph"),
                QStringLiteral("https://g/${{timestamp}}")),
        };
        // A second rule sees the alert as the first left it.
        AlertRule second
            = rule(2, 2, QStringLiteral("entity_display_name"), QStringLiteral("DB: *"));
        second.annotations
            = { note(QStringLiteral("s"), QStringLiteral("Seen"), QStringLiteral("yes")) };
        const AlertRuleRun run
            = AlertRuleMatcher::run({ r, second }, alert(QStringLiteral("db-7")));
        QCOMPARE(run.alert.value(QStringLiteral("vo_annotate.u.Runbook")).toString(),
            QStringLiteral("https://wiki.example.org/db-7"));
        QCOMPARE(run.alert.value(QStringLiteral("entity_display_name")).toString(),
            QStringLiteral("DB: db-7 (CRITICAL) !"));
        QCOMPARE(run.alert.value(QStringLiteral("vo_annotate.i.Graph")).toString(),
            QStringLiteral("https://g/1767257100"));
        QCOMPARE(run.alert.value(QStringLiteral("vo_annotate.s.Seen")).toString(),
            QStringLiteral("yes"));
        QCOMPARE(run.effects.size(), 5);
        QCOMPARE(run.effects.at(1).kind, AlertRuleEffect::Kind::Transformation);
        QCOMPARE(run.effects.at(1).before, QString());
        QCOMPARE(run.effects.at(3).kind, AlertRuleEffect::Kind::Route);
        QCOMPARE(run.effects.at(3).before, QStringLiteral("platform-alerts"));
        QCOMPARE(run.effects.at(3).value, QStringLiteral("db"));
        QCOMPARE(run.effects.at(4).ruleIndex, 1);
    }

    void oddAlerts()
    {
        const QList<AlertRule> rules {
            rule(1, 1, QStringLiteral("count"), QStringLiteral("4*")),
            rule(2, 2, QStringLiteral("flag"), QStringLiteral("true")),
            rule(3, 3, QStringLiteral("list"), QStringLiteral("*")),
            rule(4, 4, QStringLiteral("absent"), QStringLiteral("*")),
            rule(5, 5, QStringLiteral("count"), QStringLiteral("(("), QStringLiteral("REGEX")),
            rule(6, 6, QStringLiteral("nothing"), QStringLiteral("*")),
        };
        const QJsonObject odd { { QStringLiteral("count"), 42 }, { QStringLiteral("flag"), true },
            { QStringLiteral("list"), QJsonArray { 1 } },
            { QStringLiteral("nothing"), QJsonValue(QJsonValue::Null) } };
        const AlertRuleRun run = AlertRuleMatcher::run(rules, odd);
        QCOMPARE(run.steps.at(0).outcome, AlertRuleStep::Outcome::Matched);
        QCOMPARE(run.steps.at(0).value, QStringLiteral("42"));
        QCOMPARE(run.steps.at(1).outcome, AlertRuleStep::Outcome::Matched);
        QCOMPARE(run.steps.at(2).outcome, AlertRuleStep::Outcome::FieldMissing);
        QCOMPARE(run.steps.at(3).outcome, AlertRuleStep::Outcome::FieldMissing);
        QCOMPARE(run.steps.at(4).outcome, AlertRuleStep::Outcome::InvalidPattern);
        QCOMPARE(run.steps.at(5).outcome, AlertRuleStep::Outcome::FieldMissing);
        QCOMPARE(run.routingKey, QString());
        // Nothing at all.
        QVERIFY(AlertRuleMatcher::run({}, {}).steps.isEmpty());
    }

    void benchFieldsAndPastedAlerts()
    {
        const QJsonObject raw { { QStringLiteral("host_name"), QStringLiteral("db-1") },
            { QStringLiteral("vo_annotate.u.Runbook"), QStringLiteral("https://x") } };
        QCOMPARE(AlertRuleMatcher::benchFields(raw),
            (QJsonObject { { QStringLiteral("host_name"), QStringLiteral("db-1") } }));
        QString error;
        QCOMPARE(AlertRuleMatcher::parseAlert(QStringLiteral(" {\"a\": 1} "), &error),
            (QJsonObject { { QStringLiteral("a"), 1 } }));
        QVERIFY(error.isEmpty());
        QVERIFY(AlertRuleMatcher::parseAlert(QStringLiteral("{\"a\": "), &error).isEmpty());
        QVERIFY(error.startsWith(QStringLiteral("Not JSON")));
        QVERIFY(AlertRuleMatcher::parseAlert(QStringLiteral("[1]"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("object")));
        QVERIFY(AlertRuleMatcher::parseAlert(QString(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void modelAndControllerAgainstTheSimulator()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        AlertRulesModel model;
        QAbstractItemModelTester tester(&model);
        AlertRulesController controller(f.client.get(), &model);
        QSignalSpy loaded(&controller, &AlertRulesController::loaded);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        controller.load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().at(0).toString(), QString());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rule(0).id, 101);
        QCOMPARE(model.data(model.index(0, AlertRulesModel::ActionColumn)).toString(),
            QStringLiteral("route to db; add Runbook (link); add Escalate (note)"));
        QCOMPARE(model.data(model.index(1, AlertRulesModel::MatchColumn)).toString(),
            QStringLiteral("Amazon CloudWatch|Pingdom (regex)"));

        // Create at rank 2: the server renumbers, the model follows without a reset.
        QSignalSpy finished(&controller, &AlertRulesController::actionFinished);
        AlertRule fresh = rule(0, 2, QStringLiteral("monitoring_tool"), QStringLiteral("*"),
            QStringLiteral("WILDCARD"), QStringLiteral("payments"), true);
        fresh.annotations = { note(QStringLiteral("u"), QStringLiteral("Runbook"),
            QStringLiteral("https://wiki.example.org/${{host_name}}")) };
        QVERIFY(controller.create(fresh));
        QVERIFY(controller.isBusy());
        QVERIFY(!controller.create(fresh)); // one write at a time, said at once
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        const int id = finished.last().at(2).toInt();
        QCOMPARE(id, 104);
        QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == 4; }, 10000));
        QCOMPARE(model.rowOf(104), 1);
        QCOMPARE(model.rule(2).rank, 3);

        // Move it to the top.
        finished.clear();
        QVERIFY(controller.move(104, 1));
        QVERIFY(finished.wait(10000));
        QVERIFY(QTest::qWaitFor([&] { return model.rowOf(104) == 0; }, 10000));
        QCOMPARE(f.ctx().org.alertRules.first().id, 104);
        QCOMPARE(resets.size(), 0);

        // The matcher's verdict agrees with what the simulator does to a live alert.
        sim::simulateActivity(f.ctx());
        const sim::SimIncident& incident = f.ctx().org.incidents.last();
        const sim::SimAlert simAlert = f.ctx().org.alerts.value(incident.lastAlertId);
        QSignalSpy alertLoaded(&controller, &AlertRulesController::alertLoaded);
        controller.loadAlert(incident.lastAlertId);
        QVERIFY(alertLoaded.wait(10000));
        QCOMPARE(alertLoaded.last().at(2).toString(), QString());
        QJsonObject fields = alertLoaded.last().at(1).toJsonObject();
        QVERIFY(!fields.contains(QStringLiteral("vo_annotate.u.Runbook")));
        // As it arrived: before the rules sent it to payments.
        fields.insert(QStringLiteral("routing_key"), QStringLiteral("k8s"));
        const AlertRuleRun run = AlertRuleMatcher::run(model.rules(), fields);
        QCOMPARE(run.firstMatch, 0);
        QCOMPARE(run.routingKey, QStringLiteral("payments"));
        QCOMPARE(incident.routingKey, QStringLiteral("payments"));
        QCOMPARE(run.alert.value(QStringLiteral("vo_annotate.u.Runbook")),
            simAlert.raw.value(QStringLiteral("vo_annotate.u.Runbook")));

        // An unknown alert: an error in words.
        controller.loadAlert(QStringLiteral("no-such-alert"));
        QVERIFY(alertLoaded.wait(10000));
        QVERIFY(alertLoaded.last().at(2).toString().contains(QStringLiteral("no-such-alert")));

        // Delete; a failed write says why and the list stays.
        finished.clear();
        QVERIFY(controller.remove(104));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == 3; }, 10000));
        finished.clear();
        QVERIFY(controller.remove(104));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY2(finished.last().at(1).toString().contains(QStringLiteral("not found")),
            qPrintable(finished.last().at(1).toString()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(resets.size(), 0);
    }

    void readOnlyKey()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only") };
        options.apiKey = QStringLiteral("read-only");
        SimFixture f(options);
        QVERIFY2(f.started, qPrintable(f.startError));
        AlertRulesModel model;
        AlertRulesController controller(f.client.get(), &model);
        QSignalSpy finished(&controller, &AlertRulesController::actionFinished);
        QSignalSpy readOnly(&controller, &AlertRulesController::readOnlyChanged);
        QVERIFY(controller.remove(101));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(0).toBool());
        QCOMPARE(readOnly.size(), 1);
        QVERIFY(controller.readOnlyReason().contains(QStringLiteral("only read")));
        // Refused at once from now on, without a call.
        QVERIFY(!controller.remove(101));
        QCOMPARE(f.ctx().org.alertRules.size(), 3);
    }
};

QTEST_MAIN(TestAlertRuleMatcher)
#include "tst_alertrulematcher.moc"
