// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Writes held back by the API's rate limit, for the maintenance mode and the contact methods,
// against an in-process rota-sim over real HTTP: the call is answered as throttled once (429 with
// Retry-After: 60), so that the client holds its operation back; the held write is listed in
// HeldCalls with its own words, and cancelling it there sends nothing, ends the controller's
// busy state and says it was cancelled.

#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "heldcalls.h"
#include "maintenancecontroller.h"
#include "simfixture.h"
#include "simservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! The next call of `method` under `path` is answered as throttled.
void throttleNext(SimFixture& fixture, const char* method, const QString& path)
{
    fixture.ctx().options.throttleStatus = 429;
    sim::FaultRule fault;
    fault.kind = sim::FaultKind::Throttle;
    fault.remaining = 1;
    fault.method = method;
    fault.pathPrefix = path;
    fixture.server->service().faults().add(fault);
}

//! The first call listed as held (waits for one); id 0 when none came.
HeldCalls::Call heldCall(SimFixture& fixture)
{
    HeldCalls* held = HeldCalls::of(fixture.client.get());
    if (!QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000))
        return {};
    return held->calls().constFirst();
}

} // namespace

class TestHeldWrites : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void maintenanceStartAndEndHeldAndCancelled()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        HeldCalls* held = HeldCalls::of(fixture.client.get());
        MaintenanceController controller(fixture.client.get(), nullptr, nullptr);
        QSignalSpy finished(&controller, &MaintenanceController::actionFinished);

        // A start answered as throttled fails (a POST is not tried again); the next one waits.
        throttleNext(fixture, "POST", QStringLiteral("/api-public/v1/maintenancemode/start"));
        QVERIFY(controller.startMaintenance({}));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(!controller.isBusy());
        QVERIFY(fixture.ctx().org.maintenance.isEmpty());
        const quint64 throttled = fixture.server->service().throttledAnswers();

        QVERIFY(controller.startMaintenance({}, QStringLiteral("Upgrade")));
        HeldCalls::Call call = heldCall(fixture);
        QCOMPARE(call.what, QStringLiteral("Start global maintenance mode"));
        QVERIFY(controller.isBusy());
        QVERIFY(held->cancel(call.id));
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished.last().at(0).toBool());
        QCOMPARE(finished.last().at(1).toString(),
            QStringLiteral("Starting global maintenance mode was cancelled; nothing was sent."));
        QVERIFY(!controller.isBusy());
        QVERIFY(held->calls().isEmpty());
        QTest::qWait(200);
        QVERIFY(fixture.ctx().org.maintenance.isEmpty());
        QCOMPARE(fixture.server->service().throttledAnswers(), throttled);
        QCOMPARE(fixture.client->scheduler()->queued(), 0);

        // Ending: answered as throttled, the PUT is tried again after the wait, and waits.
        sim::SimMaintenance running;
        running.instanceId = QStringLiteral("mm-held");
        running.startedBy = fixture.demoUser();
        running.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        running.isGlobal = true;
        fixture.ctx().org.maintenance.append(running);
        throttleNext(fixture, "PUT", QStringLiteral("/api-public/v1/maintenancemode/mm-held"));
        QVERIFY(controller.endMaintenance(running.instanceId));
        call = heldCall(fixture);
        QCOMPARE(call.what, QStringLiteral("End maintenance mode"));
        QVERIFY(held->cancel(call.id));
        QCOMPARE(finished.count(), 3);
        QCOMPARE(finished.last().at(1).toString(),
            QStringLiteral("Ending maintenance mode was cancelled; nothing was sent."));
        QVERIFY(!controller.isBusy());
        QTest::qWait(200);
        QCOMPARE(fixture.ctx().org.maintenance.size(), 1);
        QCOMPARE(fixture.client->scheduler()->queued(), 0);
    }

    void contactMethodAddAndDeleteHeldAndCancelled()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        HeldCalls* held = HeldCalls::of(fixture.client.get());
        ContactMethodsStore store;
        ContactMethodsController controller(fixture.client.get(), &store);
        QSignalSpy failed(&controller, &ContactMethodsController::failed);
        QSignalSpy done(&controller, &ContactMethodsController::done);
        controller.load();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        const QString user = fixture.demoUser();
        const QString emailsPath
            = QStringLiteral("/api-public/v1/user/%1/contact-methods/emails").arg(user);
        const qsizetype emails = fixture.ctx().org.users.value(user).emails.size();
        QVERIFY(emails > 0);

        // An add answered as throttled fails; the next one waits.
        throttleNext(fixture, "POST", emailsPath);
        controller.addEmail(QStringLiteral("Home"), QStringLiteral("ada@home.example"));
        QVERIFY(failed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        const quint64 throttled = fixture.server->service().throttledAnswers();
        controller.addEmail(QStringLiteral("Home"), QStringLiteral("ada@home.example"));
        HeldCalls::Call call = heldCall(fixture);
        QCOMPARE(call.what, QStringLiteral("Add the e-mail address ada@home.example"));
        QVERIFY(held->cancel(call.id));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.last().at(0).toString(),
            QStringLiteral(
                "Adding the e-mail address ada@home.example was cancelled; nothing was sent."));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        QCOMPARE(fixture.ctx().org.users.value(user).emails.size(), emails);
        QCOMPARE(fixture.server->service().throttledAnswers(), throttled);
        QCOMPARE(done.count(), 0);

        // A delete answered as throttled is tried again after the wait, and waits.
        const sim::SimContactMethod first = fixture.ctx().org.users.value(user).emails.first();
        throttleNext(fixture, "DELETE", emailsPath + QLatin1Char('/') + first.extId);
        controller.deleteEmail(first.extId);
        call = heldCall(fixture);
        QCOMPARE(call.what, QStringLiteral("Delete the e-mail address %1").arg(first.value));
        QVERIFY(held->cancel(call.id));
        QCOMPARE(failed.last().at(0).toString(),
            QStringLiteral("Deleting the e-mail address %1 was cancelled; nothing was sent.")
                .arg(first.value));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        QTest::qWait(200);
        QCOMPARE(fixture.ctx().org.users.value(user).emails.size(), emails);
        QCOMPARE(fixture.ctx().org.users.value(user).emails.first().extId, first.extId);
        QCOMPARE(fixture.client->scheduler()->queued(), 0);
        QCOMPARE(done.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeldWrites)
#include "tst_heldwrites.moc"
