// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The maintenance view and banner in the main window, against a real rota-sim over HTTP: start
// maintenance for a routing key (the banner shows, the key is marked, the simulator agrees), end
// it (the banner goes), global start and end from the banner, create a routing key (listed), and
// a read-only key (actions disabled with the reason). Faults: a maintenance mode or routing keys
// that could not be read are "unknown" with the reason and a retry, never "off", and the banner
// claims nothing it does not know; F5 against a slow server says at once that it is refreshing.
#include "maintenancebanner.h"
#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "routingkeymodel.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace rota;
using namespace rota::test;

namespace {

struct Rig {
    explicit Rig(sim::SimOptions options = {})
        : sim(options)
    {
    }
    void make()
    {
        maintenance = std::make_unique<MaintenanceModel>();
        keys = std::make_unique<RoutingKeyModel>();
        keysTester = std::make_unique<QAbstractItemModelTester>(
            keys.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        maintenanceTester = std::make_unique<QAbstractItemModelTester>(
            maintenance.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        keys->setMaintenance(maintenance.get());
        controller = std::make_unique<MaintenanceController>(
            sim.client.get(), maintenance.get(), keys.get());
        window = std::make_unique<MainWindow>();
        view = new MaintenanceView(maintenance.get(), keys.get(), controller.get());
        banner = new MaintenanceBanner(maintenance.get(), controller.get());
        window->addBanner(banner);
        window->setPage(QStringLiteral("maintenance"), view);
        window->setPage(QStringLiteral("oncall"), new QLabel(QStringLiteral("On call")));
        window->showView(QStringLiteral("maintenance"));
        window->resize(1100, 700);
        window->show();
    }
    bool load()
    {
        QSignalSpy refreshed(controller.get(), &MaintenanceController::refreshed);
        controller->refresh();
        return refreshed.wait(10000) && refreshed.first().first().toBool();
    }
    //! The first routing key that is not the default one.
    QString someKey() const
    {
        for (int row = 0; row < keys->rowCount(); ++row) {
            if (!keys->keyAt(row).isDefault)
                return keys->keyAt(row).routingKey;
        }
        return {};
    }
    QPushButton* button(const char* name) const
    {
        return view->findChild<QPushButton*>(QLatin1String(name));
    }
    bool bannerShown() const { return banner->isVisibleTo(window.get()); }
    //! The buttons on screen that end maintenance mode (the view's and the banner's).
    int visibleEndButtons() const
    {
        int count = 0;
        for (QPushButton* button : window->findChildren<QPushButton*>()) {
            if (button->isVisible()
                && button->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("End")))
                ++count;
        }
        return count;
    }
    QLabel* label(const char* name) const { return view->findChild<QLabel*>(QLatin1String(name)); }
    //! The texts of the labels on screen (the view's and the banner's) that contain `words`.
    QStringList shown(const QString& words) const
    {
        QStringList texts;
        for (QLabel* label : window->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(words, Qt::CaseInsensitive))
                texts << label->text();
        }
        return texts;
    }
    void fault(const QString& spec)
    {
        const auto problem = sim.server->service().faults().parse(spec);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    }
    //! One refresh; its outcome, or nothing when it did not finish.
    std::optional<bool> refreshOnce(QPushButton* through = nullptr)
    {
        QSignalSpy refreshed(controller.get(), &MaintenanceController::refreshed);
        if (through)
            QTest::mouseClick(through, Qt::LeftButton);
        else
            controller->refresh();
        if (!refreshed.wait(15000))
            return std::nullopt;
        return refreshed.first().first().toBool();
    }

    SimFixture sim;
    std::unique_ptr<MaintenanceModel> maintenance;
    std::unique_ptr<RoutingKeyModel> keys;
    std::unique_ptr<QAbstractItemModelTester> keysTester;
    std::unique_ptr<QAbstractItemModelTester> maintenanceTester;
    std::unique_ptr<MaintenanceController> controller;
    std::unique_ptr<MainWindow> window; // owns the view and the banner; goes first
    QPointer<MaintenanceView> view;
    QPointer<MaintenanceBanner> banner;
};

} // namespace

class TestMaintenanceView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startForARoutingKeyAndEnd()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        QVERIFY(rig.keys->rowCount() > 1);
        QVERIFY(!rig.bannerShown());
        QVERIFY(rig.view->findChild<QLabel*>(QStringLiteral("noInstancesLabel"))->isVisible());

        const QString key = rig.someKey();
        QVERIFY(!rig.button("startSelectedButton")->isEnabled()); // nothing chosen yet
        rig.view->selectRoutingKeys({ key });
        QVERIFY(rig.button("startSelectedButton")->isEnabled());
        QTest::keyClicks(rig.view->findChild<QLineEdit*>(QStringLiteral("purposeEdit")),
            QStringLiteral("database upgrade"));
        QTest::mouseClick(rig.button("startSelectedButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rig.maintenance->isActive(), 10000);

        // The banner shows it, the key is marked, and the simulator agrees.
        QVERIFY(rig.bannerShown());
        QVERIFY2(rig.banner->text().startsWith(
                     QStringLiteral("Maintenance mode: routing key %1 since ").arg(key)),
            qPrintable(rig.banner->text()));
        const int row = rig.keys->rowOf(key);
        QVERIFY(rig.keys->index(row, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
        QCOMPARE(rig.keys->index(row, RoutingKeyModel::MaintenanceColumn).data().toString(),
            QStringLiteral("In maintenance"));
        const int other = row == 0 ? 1 : 0;
        QVERIFY(!rig.keys->index(other, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
        QCOMPARE(rig.sim.ctx().org.maintenance.size(), 1);
        QCOMPARE(rig.sim.ctx().org.maintenance.first().routingKeys, QStringList { key });
        QVERIFY(!rig.sim.ctx().org.maintenance.first().isGlobal);

        // One End on screen: the view's. The banner's is hidden while the view shows, and the
        // one running maintenance mode is selected, so End ends it at once.
        const QString id = rig.maintenance->instances().first().instanceId;
        QVERIFY(!rig.banner->findChild<QPushButton*>(QStringLiteral("endButton"))->isVisible());
        QCOMPARE(rig.visibleEndButtons(), 1);
        QVERIFY(rig.button("endButton")->isEnabled());
        QVERIFY(rig.view->selectInstance(id));
        QVERIFY(rig.button("endButton")->isEnabled());
        QTest::mouseClick(rig.button("endButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.maintenance->isActive(), 10000);
        QVERIFY(!rig.bannerShown());
        QVERIFY(!rig.keys->index(row, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
        QVERIFY(rig.sim.ctx().org.maintenance.isEmpty());
    }

    void globalStartAndEndFromTheBanner()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        QVERIFY(rig.button("startGlobalButton")->isEnabled());
        QTest::mouseClick(rig.button("startGlobalButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rig.maintenance->isGlobalActive(), 10000);
        QVERIFY(rig.bannerShown());
        QVERIFY(
            rig.banner->text().startsWith(QStringLiteral("Maintenance mode: all routing keys")));
        for (int row = 0; row < rig.keys->rowCount(); ++row)
            QVERIFY(rig.keys->index(row, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
        QVERIFY(!rig.button("startGlobalButton")->isEnabled()); // only one global at a time
        QCOMPARE(rig.sim.ctx().org.maintenance.size(), 1);
        QVERIFY(rig.sim.ctx().org.maintenance.first().isGlobal);

        // On another view the banner offers End (still the only one on screen).
        QCOMPARE(rig.visibleEndButtons(), 1);
        rig.window->showView(QStringLiteral("oncall"));
        auto* end = rig.banner->findChild<QPushButton*>(QStringLiteral("endButton"));
        QTRY_VERIFY(end->isVisible());
        QCOMPARE(rig.visibleEndButtons(), 1);
        QVERIFY(end->isEnabled());
        QTest::mouseClick(end, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.maintenance->isActive(), 10000);
        QVERIFY(!rig.bannerShown());
        QVERIFY(rig.sim.ctx().org.maintenance.isEmpty());
        QVERIFY(rig.button("startGlobalButton")->isEnabled());
    }

    void pollingSeesMaintenanceStartedElsewhere()
    {
        Rig rig;
        rig.make();
        rig.controller->setTestTiming(50);
        rig.controller->setInterval(100);
        rig.controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.maintenance->isLoaded(), 10000);
        QVERIFY(!rig.bannerShown());
        StartMaintenanceRequest request;
        const auto call = calls::startMaintenanceMode(*rig.sim.client, request);
        ROTA_EXPECT_OK(call);
        QTRY_VERIFY_WITH_TIMEOUT(rig.bannerShown(), 10000);
        QVERIFY(rig.banner->text().contains(QStringLiteral("all routing keys")));
    }

    void createRoutingKey()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        QVERIFY(rig.keys->rowOf(QStringLiteral("new-service")) < 0);
        QTest::mouseClick(rig.button("createButton"), Qt::LeftButton);
        auto* dialog = rig.view->findChild<QDialog*>(QStringLiteral("createRoutingKeyDialog"));
        QVERIFY(dialog);
        auto* targets = dialog->findChild<QListWidget*>(QStringLiteral("targetList"));
        QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 10000);
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("routingKeyEdit")),
            QStringLiteral("new-service"));
        QVERIFY(!ok->isEnabled()); // no target yet
        targets->item(0)->setCheckState(Qt::Checked);
        QVERIFY(ok->isEnabled());
        const QString slug = targets->item(0)->data(Qt::UserRole).toString();
        QVERIFY(slug.startsWith(QStringLiteral("pol-")));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rig.keys->rowOf(QStringLiteral("new-service")) >= 0, 10000);
        const int row = rig.keys->rowOf(QStringLiteral("new-service"));
        QCOMPARE(rig.keys->index(row, 0).data(RoutingKeyModel::TargetSlugsRole).toStringList(),
            QStringList { slug });
        bool inSim = false;
        for (const auto& key : rig.sim.ctx().org.routingKeys)
            inSim = inSim
                || (key.key == QLatin1String("new-service")
                    && key.policySlugs == QStringList { slug });
        QVERIFY(inSim);
    }

    void unreadableMaintenanceModeIsUnknownNotOff()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        const QString words = QStringLiteral("Splunk On-Call had a server error (HTTP 503)");

        // Never read: nothing says "off", the view says it does not know and why, with a retry.
        rig.fault(
            QStringLiteral("error,status=503,method=GET,path=/api-public/v1/maintenancemode"));
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(false));
        QVERIFY2(rig.shown(QStringLiteral("off")).isEmpty(),
            qPrintable(rig.shown(QStringLiteral("off")).join(QLatin1Char('|'))));
        QLabel* state = rig.label("noInstancesLabel");
        QVERIFY(state->isVisible());
        QVERIFY2(state->text().startsWith(QStringLiteral("Maintenance mode is unknown")),
            qPrintable(state->text()));
        QVERIFY2(state->text().contains(words), qPrintable(state->text()));
        QCOMPARE(rig.shown(words).size(), 1); // said once
        QPushButton* retry = rig.button("retryMaintenanceButton");
        QVERIFY(retry && retry->isVisible() && retry->isEnabled());
        QVERIFY(!rig.bannerShown());

        // The server is back: "Try again" shows the truth, and the error goes.
        rig.sim.server->service().faults().clear();
        QCOMPARE(rig.refreshOnce(retry), std::optional<bool>(true));
        QVERIFY2(state->text().startsWith(QStringLiteral("Maintenance mode is off")),
            qPrintable(state->text()));
        QVERIFY(rig.shown(QStringLiteral("unknown")).isEmpty());
        QVERIFY(rig.shown(QStringLiteral("server error")).isEmpty());
        QVERIFY(!retry->isVisible());

        // Maintenance starts elsewhere and is read; then the reads fail: the banner does not
        // claim it is still on, it says what it last knew and that it cannot check now.
        const auto started
            = calls::startMaintenanceMode(*rig.sim.client, StartMaintenanceRequest {});
        ROTA_EXPECT_OK(started);
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(true));
        QVERIFY(rig.bannerShown());
        QVERIFY(
            rig.banner->text().startsWith(QStringLiteral("Maintenance mode: all routing keys")));
        rig.fault(QStringLiteral("drop,method=GET,path=/api-public/v1/maintenancemode"));
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(false));
        QVERIFY2(rig.banner->text().contains(QStringLiteral("cannot check it now")),
            qPrintable(rig.banner->text()));
        QVERIFY2(state->isVisible()
                && state->text().startsWith(QStringLiteral("Maintenance mode is unknown")),
            qPrintable(state->text()));
        QVERIFY2(state->text().contains(QStringLiteral("Cannot reach Splunk On-Call")),
            qPrintable(state->text()));

        // Ended elsewhere while Rota could not look; the next good read shows it is off.
        rig.sim.server->service().faults().clear();
        const QString id = rig.sim.ctx().org.maintenance.first().instanceId;
        const auto ended = calls::endMaintenanceMode(*rig.sim.client, id);
        ROTA_EXPECT_OK(ended);
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(true));
        QVERIFY(!rig.bannerShown());
        QVERIFY(state->text().startsWith(QStringLiteral("Maintenance mode is off")));
        QVERIFY(rig.shown(QStringLiteral("unknown")).isEmpty());
        QVERIFY(rig.shown(QStringLiteral("Cannot reach")).isEmpty());
    }

    void routingKeysThatFailedToLoadSaySoOnce()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.fault(QStringLiteral("malformed,method=GET,path=/api-public/v1/org/routing-keys"));
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(false));
        // Said once, in words: no parser internals on screen.
        const QStringList said = rig.shown(QStringLiteral("Could not read the routing keys"));
        QCOMPARE(said.size(), 1);
        QCOMPARE(said.first(),
            QStringLiteral("Could not read the routing keys: Splunk On-Call sent an answer Rota "
                           "cannot read."));
        QVERIFY(rig.shown(QStringLiteral("JSON")).isEmpty());
        QVERIFY(rig.shown(QStringLiteral("$")).isEmpty());
        QPushButton* retry = rig.button("retryRoutingKeysButton");
        QVERIFY(retry && retry->isVisible());
        // The maintenance mode itself was read: that much is known.
        QVERIFY(rig.label("noInstancesLabel")
                    ->text()
                    .startsWith(QStringLiteral("Maintenance mode is off")));

        rig.sim.server->service().faults().clear();
        QCOMPARE(rig.refreshOnce(retry), std::optional<bool>(true));
        QVERIFY(rig.keys->rowCount() > 1);
        QVERIFY(rig.shown(QStringLiteral("Could not read")).isEmpty());
        QVERIFY(!retry->isVisible());
    }

    void refreshSaysAtOnceThatItIsUnderway()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        QLabel* status = rig.label("statusLabel");
        QPushButton* refresh = rig.button("refreshButton");
        QVERIFY(status->text().startsWith(QStringLiteral("Updated at")));
        QVERIFY(refresh->isEnabled());

        rig.fault(QStringLiteral("slow,ms=8000,method=GET,path=/api-public/v1/maintenancemode"));
        QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
        auto* keys = rig.view->findChild<QWidget*>(QStringLiteral("routingKeysTable"));
        keys->setFocus();
        QSignalSpy refreshed(rig.controller.get(), &MaintenanceController::refreshed);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(keys, Qt::Key_F5);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Refreshing…"));
        QVERIFY(!refresh->isEnabled());
        QTest::qWait(1000);
        QCOMPARE(status->text(), QStringLiteral("Refreshing…"));
        QVERIFY(refreshed.wait(15000));
        QVERIFY(clock.elapsed() >= 7500);
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY2(
            status->text().startsWith(QStringLiteral("Updated at")), qPrintable(status->text()));
        QVERIFY(refresh->isEnabled());
    }

    void readOnlyKey()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only-key") };
        Rig rig(options);
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.sim.client->setCredentials(
            { options.apiId, QStringLiteral("read-only-key"), rig.sim.demoUser() });
        rig.make();
        QVERIFY(rig.load()); // reads work
        rig.view->selectRoutingKeys({ rig.someKey() });
        QSignalSpy finished(rig.controller.get(), &MaintenanceController::actionFinished);
        QTest::mouseClick(rig.button("startSelectedButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(rig.controller->isReadOnly());
        const QString reason = rig.controller->readOnlyReason();
        QVERIFY(reason.contains(QStringLiteral("read-only")));
        for (const char* name :
            { "startSelectedButton", "startGlobalButton", "endButton", "createButton" }) {
            QVERIFY2(!rig.button(name)->isEnabled(), name);
            QCOMPARE(rig.button(name)->toolTip(), plainToolTip(reason));
        }
        auto* label = rig.view->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), reason);
        auto* message = rig.view->findChild<QLabel*>(QStringLiteral("messageLabel"));
        QVERIFY(message->text().startsWith(QStringLiteral("Could not start maintenance mode for")));
        QVERIFY(rig.sim.ctx().org.maintenance.isEmpty());
        QVERIFY(!rig.bannerShown());
        // No call is made any more.
        QVERIFY(!rig.controller->startMaintenance({}));
    }
};

QTEST_MAIN(TestMaintenanceView)
#include "tst_maintenanceview.moc"
