// The maintenance view and banner in the main window, against a real rota-sim over HTTP: start
// maintenance for a routing key (the banner shows, the key is marked, the simulator agrees), end
// it (the banner goes), global start and end from the banner, create a routing key (listed), and
// a read-only key (actions disabled with the reason).
#include "maintenancebanner.h"
#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "routingkeymodel.h"
#include "simfixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

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

        // End it from the view.
        const QString id = rig.maintenance->instances().first().instanceId;
        QVERIFY(!rig.button("endButton")->isEnabled());
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

        auto* end = rig.banner->findChild<QPushButton*>(QStringLiteral("endButton"));
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
            QCOMPARE(rig.button(name)->toolTip(), reason);
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
