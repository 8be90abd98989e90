// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Alert rules view against a real rota-sim over HTTP: the seeded rules in order; a rule
// created, changed, moved and deleted (asked first) through the buttons, each checked in the
// simulator; a regular expression checked as it is typed (red, the reason, Save disabled); the
// test bench: a matching alert (annotation and routing key), one no rule matches, a rule still
// being written (not saved) and an invalid pattern, and the alert of a real incident; a
// read-only key and a failed save that keeps the form.

#include "alertruleeditor.h"
#include "alertrulescontroller.h"
#include "alertrulesmodel.h"
#include "alertrulesview.h"
#include "incidentmodel.h"
#include "incidents.h"
#include "simfixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace rota;
using namespace rota::test;

namespace {

struct Rig {
    explicit Rig(sim::SimOptions options = {})
        : sim(options)
    {
        model = std::make_unique<AlertRulesModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller = std::make_unique<AlertRulesController>(sim.client.get(), model.get());
        incidents = std::make_unique<IncidentModel>();
        view = std::make_unique<AlertRulesView>(model.get(), controller.get(), incidents.get());
        view->resize(1200, 760);
    }
    //! Shows the view, which reads the rules; true once they are in.
    bool show()
    {
        QSignalSpy loaded(controller.get(), &AlertRulesController::loaded);
        view->show();
        // Active, so that its shortcuts (Ctrl+S, Alt+Up) reach it.
        QApplication::setActiveWindow(view.get());
        if (!QTest::qWaitForWindowActive(view.get()))
            return false;
        return (!loaded.isEmpty() || loaded.wait(10000))
            && loaded.first().first().toString().isEmpty();
    }
    QPushButton* button(const char* name) const
    {
        return view->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    QLabel* label(const char* name) const
    {
        return view->findChild<QLabel*>(QString::fromLatin1(name));
    }
    QString text(const char* name) const
    {
        const QLabel* l = label(name);
        return l ? l->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }
    QList<int> simIds()
    {
        QList<int> ids;
        for (const sim::SimAlertRule& rule : sim.ctx().org.alertRules)
            ids.append(rule.id);
        return ids;
    }
    //! Waits until the controller's write and the reading after it are done.
    bool settle()
    {
        return QTest::qWaitFor(
            [this] { return !controller->isBusy() && !controller->isLoading(); }, 10000);
    }
    void setAlert(const QJsonObject& alert)
    {
        view->findChild<QPlainTextEdit*>(QStringLiteral("benchAlertEdit"))
            ->setPlainText(QString::fromUtf8(QJsonDocument(alert).toJson()));
    }

    SimFixture sim;
    std::unique_ptr<AlertRulesModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<AlertRulesController> controller;
    std::unique_ptr<IncidentModel> incidents;
    std::unique_ptr<AlertRulesView> view;
};

#define START_RIG_WITH(rig, options)                                                               \
    Rig rig { options };                                                                           \
    QVERIFY2((rig).sim.started, qPrintable((rig).sim.startError));                                 \
    QVERIFY((rig).show())
#define START_RIG(rig) START_RIG_WITH(rig, sim::SimOptions {})

QJsonObject dbAlert()
{
    return QJsonObject { { QStringLiteral("host_name"), QStringLiteral("db-prod-07") },
        { QStringLiteral("monitoring_tool"), QStringLiteral("Nagios") },
        { QStringLiteral("routing_key"), QStringLiteral("platform-alerts") } };
}

} // namespace

class TestAlertRulesView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listShowsTheSeededRulesInOrder()
    {
        START_RIG(rig);
        QTableView* table = rig.view->table();
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, AlertRulesModel::MatchColumn).data().toString(),
            QStringLiteral("db-prod-* (wildcard)"));
        QCOMPARE(table->model()->index(1, AlertRulesModel::FieldColumn).data().toString(),
            QStringLiteral("monitoring_tool"));
        QVERIFY(table->model()
                    ->index(1, AlertRulesModel::ActionColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("stop")));
        QCOMPARE(table->model()->index(2, AlertRulesModel::RankColumn).data().toInt(), 3);
        // Nothing chosen: the form cannot be written and says what to do.
        QVERIFY(!rig.button("saveButton")->isEnabled());
        QVERIFY(!rig.view->editor()->patternEdit()->isEnabled());
        QVERIFY(rig.text("formTitle").contains(QStringLiteral("Select a rule")));
        // Small enough for the smallest window Rota supports (800x500, the navigation beside it
        // narrowed to icons takes about 110 px); each side keeps its own width and scrolls down.
        const QSize least = rig.view->minimumSizeHint();
        QVERIFY2(least.width() <= 680 && least.height() <= 420,
            qPrintable(QStringLiteral("%1x%2").arg(least.width()).arg(least.height())));
    }

    void createARule()
    {
        START_RIG(rig);
        QTest::mouseClick(rig.button("newButton"), Qt::LeftButton);
        AlertRuleEditor* editor = rig.view->editor();
        QVERIFY(editor->patternEdit()->isEnabled());
        QVERIFY(!rig.button("saveButton")->isEnabled()); // no pattern yet
        editor->findChild<QComboBox*>(QStringLiteral("fieldBox"))
            ->setCurrentText(QStringLiteral("service_name"));
        QTest::keyClicks(editor->patternEdit(), QStringLiteral("nginx*"));
        editor->findChild<QComboBox*>(QStringLiteral("routeKeyBox"))
            ->setCurrentText(QStringLiteral("platform-alerts"));
        editor->findChild<QSpinBox*>(QStringLiteral("rankBox"))->setValue(2);
        editor->addAnnotation({ 0, QStringLiteral("u"), QStringLiteral("Runbook"),
            QStringLiteral("https://wiki.example.org/nginx"), 0 });
        QVERIFY(rig.button("saveButton")->isEnabled());
        QTest::mouseClick(rig.button("saveButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return rig.sim.ctx().org.alertRules.size() == 4; }, 10000));
        QVERIFY(rig.settle());
        const sim::SimAlertRule& made = rig.sim.ctx().org.alertRules.at(1);
        QCOMPARE(made.alertField, QStringLiteral("service_name"));
        QCOMPARE(made.alertValueMatch, QStringLiteral("nginx*"));
        QCOMPARE(made.routeKey, QStringLiteral("platform-alerts"));
        QCOMPARE(made.annotations.size(), 1);
        QCOMPARE(
            made.annotations.first().fieldValue, QStringLiteral("https://wiki.example.org/nginx"));
        // The list follows the server, with the new rule selected and the form clean.
        QVERIFY(QTest::qWaitFor([&] { return rig.model->rowCount() == 4; }, 10000));
        QCOMPARE(rig.view->selectedRuleId(), made.id);
        QVERIFY(!editor->isModified());
        QVERIFY(!rig.view->hasUnsavedRule());
        QVERIFY(rig.text("messageLabel").contains(QStringLiteral("created")));
    }

    void editARule()
    {
        START_RIG(rig);
        QVERIFY(rig.view->selectRule(102));
        AlertRuleEditor* editor = rig.view->editor();
        QCOMPARE(editor->patternEdit()->text(), QStringLiteral("Amazon CloudWatch|Pingdom"));
        QVERIFY(!rig.button("saveButton")->isEnabled()); // unchanged
        editor->patternEdit()->selectAll();
        QTest::keyClicks(editor->patternEdit(), QStringLiteral("Pingdom"));
        QVERIFY(rig.text("formTitle").contains(QStringLiteral("not saved")));
        QTest::keyClick(rig.view.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.sim.ctx().org.alertRules.at(1).alertValueMatch
                    == QLatin1String("Pingdom");
            },
            10000));
        QVERIFY(rig.settle());
        QCOMPARE(rig.simIds(), (QList<int> { 101, 102, 103 }));
        QCOMPARE(rig.sim.ctx().org.alertRules.at(1).routeKey, QStringLiteral("sre-pager"));
        QCOMPARE(rig.model->rule(1).alertValueMatch, QStringLiteral("Pingdom"));
    }

    void reorder()
    {
        START_RIG(rig);
        QVERIFY(rig.view->selectRule(103));
        QVERIFY(!rig.button("downButton")->isEnabled()); // the last one
        QTest::mouseClick(rig.button("upButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.simIds() == QList<int> { 101, 103, 102 };
            },
            10000));
        QVERIFY(rig.settle());
        QVERIFY(QTest::qWaitFor([&] { return rig.model->rowOf(103) == 1; }, 10000));
        QCOMPARE(rig.view->selectedRuleId(), 103);
        // And up again from the keyboard: the top.
        rig.view->table()->setFocus();
        QTest::keyClick(rig.view->table(), Qt::Key_Up, Qt::AltModifier);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.simIds() == QList<int> { 103, 101, 102 };
            },
            10000));
        QVERIFY(rig.settle());
        QVERIFY(!rig.button("upButton")->isEnabled());
        QCOMPARE(rig.model->rule(0).rank, 1);
        QCOMPARE(rig.model->rule(0).id, 103);
    }

    void deleteAsksFirst()
    {
        START_RIG(rig);
        QVERIFY(rig.view->selectRule(101));
        QMessageBox* question = rig.view->deleteSelected();
        QVERIFY(question);
        QVERIFY(question->text().contains(QStringLiteral("db-prod-*")));
        question->button(QMessageBox::Cancel)->click();
        QTest::qWait(100);
        QCOMPARE(rig.simIds(), (QList<int> { 101, 102, 103 }));

        QTest::mouseClick(rig.button("deleteButton"), Qt::LeftButton);
        question = rig.view->findChild<QMessageBox*>(QStringLiteral("deleteQuestion"));
        QVERIFY(question);
        question->button(QMessageBox::Yes)->click();
        QVERIFY(QTest::qWaitFor([&] { return rig.simIds() == QList<int> { 102, 103 }; }, 10000));
        QVERIFY(rig.settle());
        QCOMPARE(rig.model->rowCount(), 2);
        QCOMPARE(rig.model->rule(0).rank, 1);
    }

    void invalidRegexBlocksSave()
    {
        START_RIG(rig);
        QVERIFY(rig.view->selectRule(101));
        AlertRuleEditor* editor = rig.view->editor();
        editor->findChild<QComboBox*>(QStringLiteral("matchTypeBox"))->setCurrentIndex(1);
        editor->patternEdit()->clear();
        QTest::keyClicks(editor->patternEdit(), QStringLiteral("db-(prod"));
        QVERIFY(editor->patternEdit()->property("invalid").toBool());
        QVERIFY(editor->patternMessage()->isVisible());
        QVERIFY2(editor->patternMessage()->text().contains(QStringLiteral("parenthes")),
            qPrintable(editor->patternMessage()->text()));
        QVERIFY(!rig.button("saveButton")->isEnabled());
        QVERIFY(rig.label("formProblem")->isVisible());
        // Ctrl+S does nothing either.
        QTest::keyClick(rig.view.get(), Qt::Key_S, Qt::ControlModifier);
        QTest::qWait(200);
        QCOMPARE(rig.sim.ctx().org.alertRules.first().alertValueMatch, QStringLiteral("db-prod-*"));
        // Fixed: no longer red, Save allowed.
        QTest::keyClicks(editor->patternEdit(), QStringLiteral(")-.*"));
        QVERIFY(!editor->patternEdit()->property("invalid").toBool());
        QVERIFY(!editor->patternMessage()->isVisible());
        QVERIFY(rig.button("saveButton")->isEnabled());
        // A pattern Qt reads but Java may not: a warning, Save still allowed.
        editor->patternEdit()->setText(QStringLiteral("(?P<host>db)-.*"));
        QVERIFY(editor->patternMessage()->isVisible());
        QVERIFY(editor->patternMessage()->text().contains(QStringLiteral("Java")));
        QVERIFY(rig.button("saveButton")->isEnabled());
    }

    void benchMatchingAlert()
    {
        START_RIG(rig);
        rig.setAlert(dbAlert());
        QVERIFY2(rig.text("benchVerdict").contains(QStringLiteral("rule 1")),
            qPrintable(rig.text("benchVerdict")));
        QVERIFY2(rig.text("benchRouting").contains(QStringLiteral("platform-alerts → db")),
            qPrintable(rig.text("benchRouting")));
        QVERIFY2(rig.text("benchEffects")
                     .contains(QStringLiteral(
                         "Runbook (link): https://wiki.northwind-labs.example/runbooks/postgres")),
            qPrintable(rig.text("benchEffects")));
        const auto* steps = rig.view->findChild<QListWidget*>(QStringLiteral("benchSteps"));
        QCOMPARE(steps->count(), 3);
        QVERIFY(steps->item(0)->text().contains(QStringLiteral("matches")));
        QVERIFY(steps->item(1)->text().contains(QStringLiteral("no match")));
    }

    void benchAlertNoRuleMatches()
    {
        START_RIG(rig);
        rig.setAlert(QJsonObject { { QStringLiteral("host_name"), QStringLiteral("web-01") },
            { QStringLiteral("monitoring_tool"), QStringLiteral("Datadog") },
            { QStringLiteral("routing_key"), QStringLiteral("platform-alerts") } });
        QVERIFY2(rig.text("benchVerdict").startsWith(QStringLiteral("No rule matches")),
            qPrintable(rig.text("benchVerdict")));
        QVERIFY(rig.text("benchRouting").contains(QStringLiteral("unchanged")));
        QVERIFY(rig.text("benchEffects").isEmpty());
        // Not JSON: said in words.
        rig.view->findChild<QPlainTextEdit*>(QStringLiteral("benchAlertEdit"))
            ->setPlainText(QStringLiteral("{\"host_name\": "));
        QVERIFY(rig.text("benchVerdict").startsWith(QStringLiteral("Not JSON")));
    }

    void benchUsesTheRuleAsEditedBeforeSaving()
    {
        START_RIG(rig);
        const QJsonObject web { { QStringLiteral("host_name"), QStringLiteral("web-01") },
            { QStringLiteral("routing_key"), QStringLiteral("platform-alerts") } };
        rig.setAlert(web);
        QVERIFY(rig.text("benchVerdict").startsWith(QStringLiteral("No rule matches")));
        rig.view->newRule();
        AlertRuleEditor* editor = rig.view->editor();
        QTest::keyClicks(editor->patternEdit(), QStringLiteral("web-*"));
        editor->findChild<QComboBox*>(QStringLiteral("routeKeyBox"))
            ->setCurrentText(QStringLiteral("payments"));
        QVERIFY2(rig.text("benchVerdict").contains(QStringLiteral("not saved")),
            qPrintable(rig.text("benchVerdict")));
        QVERIFY(rig.text("benchRouting").contains(QStringLiteral("platform-alerts → payments")));
        QCOMPARE(rig.view->benchRun().firstMatch, 0);
        QCOMPARE(rig.sim.ctx().org.alertRules.size(), 3); // nothing was sent

        // An invalid regex in the form: the rule is skipped, and the bench says so.
        editor->findChild<QComboBox*>(QStringLiteral("matchTypeBox"))->setCurrentIndex(1);
        editor->patternEdit()->setText(QStringLiteral("web-(("));
        QVERIFY(rig.text("benchVerdict").startsWith(QStringLiteral("No rule matches")));
        const auto* steps = rig.view->findChild<QListWidget*>(QStringLiteral("benchSteps"));
        QVERIFY(steps->item(0)->text().contains(QStringLiteral("cannot be used")));
        // Revert: the bench is back to the saved rules.
        QTest::mouseClick(rig.button("revertButton"), Qt::LeftButton);
        QCOMPARE(rig.view->benchRules().size(), 3);
    }

    void benchReadsAnIncidentsAlert()
    {
        START_RIG(rig);
        // A live alert of the simulator, which its rules already sent to the db key.
        sim::SimContext& ctx = rig.sim.ctx();
        int number = 0;
        for (int i = 0; i < 60 && number == 0; ++i) {
            sim::simulateActivity(ctx);
            const sim::SimIncident& made = ctx.org.incidents.last();
            if (made.host.startsWith(QLatin1String("db-prod-")))
                number = made.number;
        }
        QVERIFY(number > 0);
        auto call = calls::listIncidents(*rig.sim.client);
        ROTA_EXPECT_OK(call);
        rig.incidents->applySnapshot(call.value().incidents);
        auto* box = rig.view->findChild<QComboBox*>(QStringLiteral("benchIncidentBox"));
        QVERIFY(box->findData(QString::number(number)) >= 0);
        QVERIFY(rig.view->useIncidentAlert(QString::number(number)));
        auto* edit = rig.view->findChild<QPlainTextEdit*>(QStringLiteral("benchAlertEdit"));
        QVERIFY(QTest::qWaitFor([&] { return !edit->toPlainText().isEmpty(); }, 10000));
        // The annotations of the first run are left out; the rule matches the host again.
        QVERIFY(!edit->toPlainText().contains(QStringLiteral("vo_annotate")));
        QVERIFY(rig.text("benchAlertMessage").contains(QStringLiteral("already ran")));
        QVERIFY2(rig.text("benchVerdict").contains(QStringLiteral("rule 1")),
            qPrintable(rig.text("benchVerdict")));
        QVERIFY(rig.text("benchEffects").contains(QStringLiteral("Runbook")));
    }

    void readOnly()
    {
        START_RIG(rig);
        rig.view->setReadOnlyReason(QStringLiteral("This API key may only read."));
        QVERIFY(!rig.button("newButton")->isEnabled());
        QVERIFY(rig.label("readOnlyLabel")->isVisible());
        QCOMPARE(rig.text("readOnlyLabel"), QStringLiteral("This API key may only read."));
        QVERIFY(rig.view->selectRule(101));
        QVERIFY(!rig.view->editor()->patternEdit()->isEnabled());
        QVERIFY(!rig.button("deleteButton")->isEnabled());
        QVERIFY(!rig.button("downButton")->isEnabled());
        // The bench still works.
        rig.setAlert(dbAlert());
        QVERIFY(rig.text("benchVerdict").contains(QStringLiteral("rule 1")));
    }

    void aRefusedSaveKeepsTheForm()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("rota-demo-key") };
        START_RIG_WITH(rig, options);
        QVERIFY(rig.view->selectRule(101));
        rig.view->editor()->patternEdit()->setText(QStringLiteral("db-*"));
        QTest::mouseClick(rig.button("saveButton"), Qt::LeftButton);
        QVERIFY(
            QTest::qWaitFor([&] { return !rig.controller->readOnlyReason().isEmpty(); }, 10000));
        QVERIFY(rig.settle());
        QVERIFY2(rig.text("messageLabel").contains(QStringLiteral("Could not save")),
            qPrintable(rig.text("messageLabel")));
        QCOMPARE(rig.view->editor()->patternEdit()->text(), QStringLiteral("db-*"));
        QVERIFY(rig.view->editor()->isModified());
        // What a quit asks about: the rule not saved, and why.
        QVERIFY(rig.view->hasUnsavedRule());
        QVERIFY(rig.view->saveError().contains(QStringLiteral("Could not save")));
        QVERIFY(rig.label("readOnlyLabel")->isVisible());
        QVERIFY(!rig.button("saveButton")->isEnabled());
        QCOMPARE(rig.sim.ctx().org.alertRules.first().alertValueMatch, QStringLiteral("db-prod-*"));
    }
};

QTEST_MAIN(TestAlertRulesView)
#include "tst_alertrulesview.moc"
