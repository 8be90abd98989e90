// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// MaintenanceModel and RoutingKeyModel without a network: diffs without resets, which keys are in
// maintenance, the banner's words, and a state that could not be read since (stale) claiming
// nothing about now.
#include "maintenancemodel.h"
#include "routingkeymodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace rota;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 11, 26), QTime(12, 0)).toUTC();

MaintenanceInstance instance(const QString& id, const QStringList& keys, const QString& by)
{
    MaintenanceInstance m;
    m.instanceId = id;
    m.startedBy = by;
    m.startedAt = Now.addSecs(-600);
    m.isGlobal = keys.isEmpty();
    if (!keys.isEmpty()) {
        MaintenanceTarget target;
        target.names = keys;
        m.targets = { target };
    }
    return m;
}

MaintenanceState state(const QList<MaintenanceInstance>& instances)
{
    MaintenanceState s;
    s.companyId = QStringLiteral("acme");
    s.activeInstances = instances;
    return s;
}

RoutingKey key(const QString& name, const QStringList& policies, bool isDefault = false)
{
    RoutingKey k;
    k.routingKey = name;
    k.isDefault = isDefault;
    for (const QString& slug : policies) {
        RoutingKeyTarget target;
        target.policySlug = slug;
        target.policyName = slug.toUpper();
        k.targets.append(target);
    }
    return k;
}

RoutingKeyList keys(const QList<RoutingKey>& list)
{
    RoutingKeyList l;
    l.routingKeys = list;
    return l;
}

} // namespace

class TestMaintenanceModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startedThroughTheApiNamesNobody()
    {
        // The service records a start through the public API as started by "api": a key, not a
        // person. The banner leaves who out and the table says it is not said.
        MaintenanceModel model;
        model.setClock([] { return Now; });
        model.applyState(state(
            { instance(QStringLiteral("m1"), { QStringLiteral("db") }, QStringLiteral("api")) }));
        QVERIFY2(
            !model.bannerText().contains(QStringLiteral("api")), qPrintable(model.bannerText()));
        QVERIFY(!model.bannerText().contains(QStringLiteral("by")));
        const QModelIndex who = model.index(0, MaintenanceModel::StartedByColumn);
        QCOMPARE(who.data().toString(), QStringLiteral("Not said"));
        QVERIFY(who.data(Qt::ToolTipRole).toString().contains(QStringLiteral("does not say who")));
    }

    void instancesAndBanner()
    {
        MaintenanceModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return Now; });
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy states(&model, &MaintenanceModel::stateChanged);
        model.applyState(state({}));
        QVERIFY(model.isLoaded());
        QVERIFY(!model.isActive());
        QCOMPARE(model.bannerText(), QString());
        QCOMPARE(states.count(), 1);

        model.applyState(state({ instance(
            QStringLiteral("m1"), { QStringLiteral("db") }, QStringLiteral("dmitri.petrov")) }));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.isActive());
        QVERIFY(!model.isGlobalActive());
        QVERIFY(model.isInMaintenance(QStringLiteral("db")));
        QVERIFY(!model.isInMaintenance(QStringLiteral("web")));
        QCOMPARE(model.instancesFor(QStringLiteral("db")), QStringList { QStringLiteral("m1") });
        const QString since
            = QLocale().toString(Now.addSecs(-600).toLocalTime(), QStringLiteral("HH:mm"));
        QCOMPARE(model.bannerText(),
            QStringLiteral("Maintenance mode: routing key db since %1 (started by dmitri.petrov)")
                .arg(since));
        QCOMPARE(states.count(), 2);

        // A global one joins: the first row stays, the new one is appended.
        const QPersistentModelIndex first = model.index(0, 0);
        model.applyState(state({ instance(QStringLiteral("m1"), { QStringLiteral("db") },
                                     QStringLiteral("dmitri.petrov")),
            instance(QStringLiteral("m2"), {}, QStringLiteral("ann")) }));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(first.row(), 0);
        QVERIFY(model.isGlobalActive());
        QVERIFY(model.isInMaintenance(QStringLiteral("web")));
        QCOMPARE(model.index(1, MaintenanceModel::ScopeColumn).data().toString(),
            QStringLiteral("All routing keys"));
        QVERIFY(model.bannerText().endsWith(
            QStringLiteral("; all routing keys since %1 (started by ann)").arg(since)));

        // The first ends: removed, not reset.
        model.applyState(state({ instance(QStringLiteral("m2"), {}, QStringLiteral("ann")) }));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!first.isValid());
        QCOMPARE(model.index(0, 0).data(MaintenanceModel::InstanceIdRole).toString(),
            QStringLiteral("m2"));
        QCOMPARE(reset.count(), 0);
        const int before = int(states.count());
        model.applyState(state({ instance(QStringLiteral("m2"), {}, QStringLiteral("ann")) }));
        QCOMPARE(states.count(), before); // nothing changed, nothing said
    }

    void staleStateClaimsNothingAboutNow()
    {
        MaintenanceModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDateTime clock = Now;
        model.setClock([&clock] { return clock; });
        QSignalSpy states(&model, &MaintenanceModel::stateChanged);

        // Never read: not current, however empty.
        QVERIFY(!model.isCurrent());
        model.setStale();
        QVERIFY(!model.isCurrent());
        QVERIFY(!model.isLoaded());
        QVERIFY(!model.checkedAt().isValid());

        // Read with one instance at 12:00; a read at 12:05 fails.
        model.applyState(state({ instance(QStringLiteral("m1"), {}, QStringLiteral("ann")) }));
        QVERIFY(model.isCurrent());
        QCOMPARE(model.checkedAt(), Now);
        const QString current = model.bannerText();
        QVERIFY(!current.contains(QStringLiteral("last read")));
        clock = Now.addSecs(300);
        states.clear();
        model.setStale();
        QCOMPARE(states.count(), 1);
        model.setStale();
        QCOMPARE(states.count(), 1); // said once
        QVERIFY(!model.isCurrent());
        QVERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 1); // the rows stay as last read
        QCOMPARE(model.checkedAt(), Now);
        const QString at = QLocale().toString(Now.toLocalTime(), QStringLiteral("HH:mm"));
        QCOMPARE(model.bannerText(),
            current + QStringLiteral(" — as last read at %1; Rota cannot check it now.").arg(at));

        // The next good read is current again, even when nothing else changed.
        states.clear();
        model.applyState(state({ instance(QStringLiteral("m1"), {}, QStringLiteral("ann")) }));
        QCOMPARE(states.count(), 1);
        QVERIFY(model.isCurrent());
        QCOMPARE(model.checkedAt(), Now.addSecs(300));
        QCOMPARE(model.bannerText(), current);
    }

    void routingKeysFollowMaintenance()
    {
        MaintenanceModel maintenance;
        RoutingKeyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaintenance(&maintenance);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applyList(keys({ key(QStringLiteral("db"), { QStringLiteral("pol-a") }),
            key(QStringLiteral("web"), { QStringLiteral("pol-a"), QStringLiteral("pol-b") }),
            key(QStringLiteral("infra"), { QStringLiteral("pol-c") }, true) }));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, RoutingKeyModel::TargetsColumn).data().toString(),
            QStringLiteral("POL-A, POL-B"));
        QCOMPARE(model.index(1, 0).data(RoutingKeyModel::TargetSlugsRole).toStringList(),
            QStringList({ QStringLiteral("pol-a"), QStringLiteral("pol-b") }));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("infra (default)"));
        QVERIFY(!model.index(0, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        maintenance.applyState(
            state({ instance(QStringLiteral("m1"), { QStringLiteral("db") }, {}) }));
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.index(0, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
        QCOMPARE(model.index(0, RoutingKeyModel::MaintenanceColumn).data().toString(),
            QStringLiteral("In maintenance"));
        QVERIFY(!model.index(1, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());

        maintenance.applyState(state({ instance(QStringLiteral("m2"), {}, {}) }));
        for (int row = 0; row < 3; ++row)
            QVERIFY(model.index(row, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());

        // A refresh: web goes, new comes, db's targets change.
        changed.clear();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.applyList(keys({ key(QStringLiteral("db"), { QStringLiteral("pol-b") }),
            key(QStringLiteral("infra"), { QStringLiteral("pol-c") }, true),
            key(QStringLiteral("new"), { QStringLiteral("pol-a") }) }));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.keys(),
            QStringList({ QStringLiteral("db"), QStringLiteral("infra"), QStringLiteral("new") }));
        QVERIFY(model.index(2, 0).data(RoutingKeyModel::InMaintenanceRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceModel)
#include "tst_maintenancemodel.moc"
