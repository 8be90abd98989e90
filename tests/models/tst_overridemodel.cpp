// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// OverrideModel: rows sorted by start, refreshes as diffs keyed by publicId (no reset after the
// first load), words for the assignments; OverrideController into the model against an
// in-process rota-sim: load, create (with the service's unassigned assignments), assign, change,
// remove the replacement, delete, each seen in the simulator's state; a reload only after a load;
// a read-only key turns writes off with the reason in words; each write held back by the rate
// limit is listed in HeldCalls with its words, and cancelling it sends nothing.

#include "heldcalls.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace rota;
using rota::test::SimFixture;

namespace {

ScheduledOverride make(const QString& id, const QString& user, int startDay)
{
    ScheduledOverride o;
    o.publicId = id;
    o.username = user;
    o.timeZone = QStringLiteral("Europe/London");
    const QDateTime start(QDate(2026, 7, startDay), QTime(8, 0), Qt::UTC);
    o.start = OffsetTime::fromUtc(start, 3600);
    o.end = OffsetTime::fromUtc(start.addDays(2), 3600);
    OverrideAssignment a;
    a.policy = QStringLiteral("pol-a");
    a.team = QStringLiteral("team-a");
    OverrideAssignment b = a;
    b.policy = QStringLiteral("pol-b");
    b.assigned = true;
    b.user = QStringLiteral("bob");
    o.assignments = { a, b };
    return o;
}

//! Someone in a team with escalation policies (so the service adds assignments), not the demo
//! user, and another member of one of their teams.
QPair<QString, QString> awayAndStandIn(SimFixture& fixture)
{
    for (const sim::SimPolicy& policy : std::as_const(fixture.ctx().org.policies)) {
        const QStringList members = fixture.ctx().org.teams.value(policy.teamSlug).members;
        if (members.size() >= 3)
            return { members.at(1), members.at(2) };
    }
    return {};
}

} // namespace

class TestOverrideModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsAreSortedAndDiffed()
    {
        OverrideModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setOverrides({ make(QStringLiteral("b"), QStringLiteral("zoe"), 20),
            make(QStringLiteral("a"), QStringLiteral("amy"), 10) });
        QCOMPARE(resets.size(), 1); // the first load
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.override(0).publicId, QStringLiteral("a"));
        QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
        QCOMPARE(model.index(0, OverrideModel::TimeZoneColumn).data().toString(),
            QStringLiteral("Europe/London"));
        // Shown in the override's own zone: 08:00 UTC is 09:00 in London in July.
        QVERIFY(model.index(0, OverrideModel::StartColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("09:00")));
        QCOMPARE(model.index(0, OverrideModel::AssignedColumn).data().toString(),
            QStringLiteral("Open on 1 of 2 policies"));
        QCOMPARE(model.index(0, 0).data(OverrideModel::UnassignedCountRole).toInt(), 1);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        ScheduledOverride a = make(QStringLiteral("a"), QStringLiteral("amy"), 10);
        a.assignments[0].assigned = true;
        a.assignments[0].user = QStringLiteral("cat");
        model.setOverrides({ a, make(QStringLiteral("c"), QStringLiteral("cy"), 30) });
        QCOMPARE(resets.size(), 1);
        QCOMPARE(removed.size(), 1); // b
        QCOMPARE(inserted.size(), 1); // c
        QCOMPARE(changed.size(), 1); // a
        QCOMPARE(model.index(0, OverrideModel::AssignedColumn).data().toString(),
            QStringLiteral("All 2 policies covered"));

        // One assignment changes in place.
        OverrideAssignment open;
        open.policy = QStringLiteral("pol-b");
        model.applyAssignment(QStringLiteral("a"), open);
        QCOMPARE(model.override(0).assignments.at(1).user, QString());
        QCOMPARE(model.index(0, 0).data(OverrideModel::UnassignedCountRole).toInt(), 1);
        QCOMPARE(resets.size(), 1);

        model.setUserNames({ { QStringLiteral("amy"), QStringLiteral("Amy Wu") } });
        QCOMPARE(
            model.index(0, OverrideModel::UserColumn).data().toString(), QStringLiteral("Amy Wu"));
        model.setPolicyNames({ { QStringLiteral("pol-a"), QStringLiteral("Alpha") } });
        QCOMPARE(model.policyName(QStringLiteral("pol-a")), QStringLiteral("Alpha"));
        QCOMPARE(model.policyName(QStringLiteral("pol-x")), QStringLiteral("pol-x"));
    }

    void createAssignChangeRemoveDeleteAgainstTheSimulator()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        const auto [away, standIn] = awayAndStandIn(fixture);
        QVERIFY(!away.isEmpty());
        OverrideModel model;
        OverrideController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &OverrideController::loaded);
        QSignalSpy done(&controller, &OverrideController::actionFinished);
        controller.load();
        QVERIFY(loaded.wait(10000));
        QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
        QCOMPARE(model.rowCount(), fixture.ctx().org.scheduledOverrides.size());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        NewScheduledOverride o;
        o.username = away;
        o.timeZone = QStringLiteral("Europe/Berlin");
        o.start = QDateTime::currentDateTimeUtc().addDays(3);
        o.end = o.start.addDays(2);
        controller.create(o);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        const QString id = done.last().at(3).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(fixture.ctx().org.scheduledOverrides.contains(id));
        const int row = model.rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(model.override(row).username, away);
        QCOMPARE(model.override(row).timeZone, QStringLiteral("Europe/Berlin"));
        QVERIFY(!model.override(row).assignments.isEmpty());
        const QString policy = model.override(row).assignments.first().policy;
        QCOMPARE(
            fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), QString());

        controller.assign(id, policy, standIn);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), standIn);
        const auto userOn = [&model, &id, &policy]() {
            const int r = model.rowOf(id);
            for (const OverrideAssignment& a : model.override(r).assignments) {
                if (a.policy == policy)
                    return a.user;
            }
            return QStringLiteral("<missing>");
        };
        QCOMPARE(userOn(), standIn);

        // Change to someone else: the demo user.
        controller.assign(id, policy, fixture.demoUser());
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy),
            fixture.demoUser());
        QCOMPARE(userOn(), fixture.demoUser());

        controller.unassign(id, policy);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        QVERIFY(fixture.ctx().org.scheduledOverrides.value(id).assignments.contains(policy));
        QCOMPARE(
            fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), QString());
        QCOMPARE(userOn(), QString());
        // The re-read of the override arrives too; wait for it and check again.
        QTest::qWait(200);
        QCOMPARE(userOn(), QString());

        controller.remove(id);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        QVERIFY(!fixture.ctx().org.scheduledOverrides.contains(id));
        QCOMPARE(model.rowOf(id), -1);
        QCOMPARE(resets.size(), 0);

        // Deleting it again: the service's refusal in words.
        controller.remove(id);
        QVERIFY(done.wait(10000));
        QVERIFY(!done.last().at(1).toBool());
        QVERIFY(!done.last().at(2).toString().isEmpty());
        QVERIFY(!controller.isReadOnly());
    }

    void heldWritesAreListedAndCancelSendsNothing()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        fixture.ctx().options.throttleStatus = 429; // with Retry-After: 60
        const auto [away, standIn] = awayAndStandIn(fixture);
        QVERIFY(!away.isEmpty());
        HeldCalls* held = HeldCalls::of(fixture.client.get());
        OverrideModel model;
        OverrideController controller(fixture.client.get(), &model);
        QSignalSpy loaded(&controller, &OverrideController::loaded);
        QSignalSpy done(&controller, &OverrideController::actionFinished);
        controller.load();
        QVERIFY(loaded.wait(10000));
        NewScheduledOverride o;
        o.username = away;
        o.timeZone = QStringLiteral("Europe/Berlin");
        o.start = QDateTime::currentDateTimeUtc().addDays(3);
        o.end = o.start.addDays(2);
        controller.create(o);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
        const QString id = done.last().at(3).toString();
        const QString policy = model.override(model.rowOf(id)).assignments.first().policy;
        controller.assign(id, policy, standIn);
        QVERIFY(done.wait(10000));
        QVERIFY(done.last().at(1).toBool());
        const auto throttleNext = [&fixture](const char* method, const QString& path) {
            sim::FaultRule fault;
            fault.kind = sim::FaultKind::Throttle;
            fault.remaining = 1;
            fault.method = method;
            fault.pathPrefix = path;
            fixture.server->service().faults().add(fault);
        };
        const QString overridePath = QStringLiteral("/api-public/v1/overrides/") + id;
        const QString assignmentPath = overridePath + QStringLiteral("/assignments/") + policy;

        struct Case {
            const char* method;
            QString path;
            std::function<void()> act;
            QString action;
            QString what;
            QString cancelled;
        };
        const QList<Case> cases {
            { "PUT", assignmentPath, [&] { controller.assign(id, policy, fixture.demoUser()); },
                QStringLiteral("assign"),
                QStringLiteral("Make %1 stand in on %2").arg(fixture.demoUser(), policy),
                QStringLiteral("Making %1 stand in on %2 was cancelled; nothing was sent.")
                    .arg(fixture.demoUser(), policy) },
            { "DELETE", assignmentPath, [&] { controller.unassign(id, policy); },
                QStringLiteral("unassign"), QStringLiteral("Remove the stand-in on %1").arg(policy),
                QStringLiteral("Removing the stand-in on %1 was cancelled; nothing was sent.")
                    .arg(policy) },
            { "DELETE", overridePath, [&] { controller.remove(id); }, QStringLiteral("delete"),
                QStringLiteral("Delete override for %1").arg(model.displayName(away)),
                QStringLiteral("Deleting the override for %1 was cancelled; nothing was sent.")
                    .arg(model.displayName(away)) },
        };
        for (const Case& c : cases) {
            // Answered as throttled, the call is tried again when the minute is over: it waits.
            throttleNext(c.method, c.path);
            done.clear();
            c.act();
            QVERIFY(QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000));
            const HeldCalls::Call call = held->calls().constFirst();
            QCOMPARE(call.what, c.what);
            const quint64 throttled = fixture.server->service().throttledAnswers();
            QVERIFY(held->cancel(call.id));
            QCOMPARE(done.count(), 1);
            QCOMPARE(done.last().at(0).toString(), c.action);
            QVERIFY(!done.last().at(1).toBool());
            QCOMPARE(done.last().at(2).toString(), c.cancelled);
            QCOMPARE(done.last().at(3).toString(), id);
            QVERIFY(held->calls().isEmpty());
            QTest::qWait(200);
            QCOMPARE(fixture.server->service().throttledAnswers(), throttled);
            QCOMPARE(fixture.client->scheduler()->queued(), 0);
            // The override is as it was, on the server and in the rows.
            QVERIFY(fixture.ctx().org.scheduledOverrides.contains(id));
            QCOMPARE(
                fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), standIn);
            QVERIFY(model.rowOf(id) >= 0);
            QCOMPARE(done.count(), 1);
        }

        // A create answered as throttled fails (a POST is not tried again); the next one waits.
        throttleNext("POST", QStringLiteral("/api-public/v1/overrides"));
        done.clear();
        controller.create(o);
        QVERIFY(done.wait(10000));
        QVERIFY(!done.last().at(1).toBool());
        const qsizetype overrides = fixture.ctx().org.scheduledOverrides.size();
        const int rows = model.rowCount();
        controller.create(o);
        QVERIFY(QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000));
        QCOMPARE(held->calls().constFirst().what,
            QStringLiteral("Create override for %1").arg(model.displayName(away)));
        QVERIFY(held->cancel(held->calls().constFirst().id));
        QCOMPARE(done.count(), 2);
        QCOMPARE(done.last().at(0).toString(), QStringLiteral("create"));
        QVERIFY(!done.last().at(1).toBool());
        const QString words = done.last().at(2).toString();
        QVERIFY2(words.startsWith(
                     QStringLiteral("Creating the override for %1 (").arg(model.displayName(away)))
                && words.endsWith(QStringLiteral(") was cancelled; nothing was sent.")),
            qPrintable(words));
        QTest::qWait(200);
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), overrides);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(fixture.client->scheduler()->queued(), 0);
    }

    void reloadReadsAgainOnlyAfterALoad()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        const auto [away, standIn] = awayAndStandIn(fixture);
        QVERIFY(!away.isEmpty());
        OverrideModel model;
        OverrideController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &OverrideController::loaded);
        // Nothing was read yet (the tab was never shown): nothing to read again.
        controller.reload();
        QVERIFY(!controller.isLoading());
        controller.load();
        QVERIFY(loaded.wait(10000));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // An override made elsewhere meanwhile is there after the reload, without a reset.
        sim::SimScheduledOverride o;
        o.publicId = QStringLiteral("made-elsewhere");
        o.username = away;
        o.timeZone = QStringLiteral("UTC");
        o.start = QDateTime::currentDateTimeUtc().addDays(2);
        o.end = o.start.addDays(1);
        fixture.ctx().org.scheduledOverrides.insert(o.publicId, o);
        QCOMPARE(model.rowOf(o.publicId), -1);
        controller.reload();
        QVERIFY(controller.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
        QVERIFY(model.rowOf(o.publicId) >= 0);
        QCOMPARE(model.rowCount(), fixture.ctx().org.scheduledOverrides.size());
        QCOMPARE(resets.size(), 0);
    }

    void readOnlyKeyTurnsWritesOff()
    {
        sim::SimOptions options;
        options.apiKey = QStringLiteral("ro-key");
        options.readOnlyKeys = QStringList { QStringLiteral("ro-key") };
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        OverrideModel model;
        OverrideController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &OverrideController::loaded);
        QSignalSpy done(&controller, &OverrideController::actionFinished);
        QSignalSpy readOnly(&controller, &OverrideController::readOnlyChanged);
        controller.load();
        QVERIFY(loaded.wait(10000));
        QVERIFY(model.rowCount() > 0); // reads work
        const qsizetype before = fixture.ctx().org.scheduledOverrides.size();
        controller.remove(model.override(0).publicId);
        QVERIFY(done.wait(10000));
        QVERIFY(!done.last().at(1).toBool());
        QCOMPARE(readOnly.size(), 1);
        QVERIFY(controller.isReadOnly());
        QVERIFY(done.last().at(2).toString().contains(QStringLiteral("read-only")));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), before);
        QCOMPARE(model.rowCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestOverrideModel)
#include "tst_overridemodel.moc"
