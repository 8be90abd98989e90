// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// IncidentPoller against an in-process rota-sim over real HTTP: it picks up a new incident,
// pauses and says so when the service fails (503: offline) or throttles, backs off doubling,
// resumes, never has two refreshes in flight, and lets a manual refresh overtake a background
// poll held back by the rate budget.

#include "incidentmodel.h"
#include "incidentpoller.h"
#include "operations.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rota;
using rota::test::SimFixture;

namespace {

int openIncidents(sim::SimContext& ctx)
{
    int open = 0;
    for (const sim::SimIncident& incident : std::as_const(ctx.org.incidents))
        open += incident.phase == QLatin1String("UNACKED")
            || incident.phase == QLatin1String("ACKED");
    return open;
}

void setFaults(SimFixture& fixture, const QString& spec)
{
    const auto problem = fixture.server->service().faults().parse(spec);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
}

const QString kOperation = ops::listIncidents.key();

} // namespace

class TestIncidentPoller : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void boundsAndBackoff()
    {
        QNetworkAccessManager network;
        ApiClient client(&network);
        IncidentPoller poller(&client);
        QCOMPARE(poller.state(), IncidentPoller::State::Stopped);
        QCOMPARE(poller.statusText(), QStringLiteral("Not refreshing incidents"));
        QCOMPARE(poller.interval(), IncidentPoller::DefaultIntervalMs);
        poller.setInterval(1000);
        QCOMPARE(poller.interval(), 15000);
        poller.setInterval(60 * 60 * 1000);
        QCOMPARE(poller.interval(), 10 * 60 * 1000);
        poller.setInterval(45000);
        QCOMPARE(poller.interval(), 45000);
        QCOMPARE(poller.nextRefreshIn(), -1);

        QCOMPARE(IncidentPoller::backoffDelay(0, 15000), 0);
        QCOMPARE(IncidentPoller::backoffDelay(1, 15000), 15000);
        QCOMPARE(IncidentPoller::backoffDelay(2, 15000), 30000);
        QCOMPARE(IncidentPoller::backoffDelay(3, 15000), 60000);
        QCOMPARE(IncidentPoller::backoffDelay(5, 15000), 240000);
        QCOMPARE(IncidentPoller::backoffDelay(6, 15000), 5 * 60 * 1000);
        QCOMPARE(IncidentPoller::backoffDelay(1000, 15000), 5 * 60 * 1000);
    }

    void picksUpNewIncident()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        IncidentModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        IncidentPoller poller(fixture.client.get(), &model);
        poller.setTestTiming(50, 50);
        poller.setInterval(200);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        QSignalSpy texts(&poller, &IncidentPoller::statusTextChanged);

        poller.start();
        QVERIFY(poller.isRunning());
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(poller.state(), IncidentPoller::State::Active);
        QVERIFY2(poller.statusText().startsWith(QStringLiteral("Incidents updated at ")),
            qPrintable(poller.statusText()));
        QVERIFY(!texts.isEmpty());
        const int before = openIncidents(fixture.ctx());
        QVERIFY(before > 0);
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(refreshed.at(0).at(0).value<QList<Incident>>().size(), before);

        sim::NewIncident incident;
        incident.summary = QStringLiteral("Checkout latency above 2 s");
        incident.service = QStringLiteral("checkout");
        incident.usernames = { fixture.demoUser() };
        const QString number = QString::number(sim::createIncident(fixture.ctx(), incident));

        // The next timed refresh brings it in, appended, without a reset.
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(number) >= 0, 5000);
        QCOMPARE(model.rowOf(number), before);
        QCOMPARE(model.incidentAt(before).entityDisplayName, incident.summary);
        QCOMPARE(model.phaseAt(before), Phase::Triggered);
        QCOMPARE(reset.count(), 0);
        QVERIFY(refreshed.count() >= 2);
        QVERIFY(poller.lastUpdated().isValid());

        poller.stop();
        QCOMPARE(poller.state(), IncidentPoller::State::Stopped);
        QVERIFY(!poller.isRefreshing());
        QCOMPARE(poller.nextRefreshIn(), -1);
        const int count = static_cast<int>(refreshed.count());
        QTest::qWait(400);
        QCOMPARE(refreshed.count(), count);
    }

    void offlineThenResumesWithBackoff()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        IncidentModel model;
        IncidentPoller poller(fixture.client.get(), &model);
        poller.setTestTiming(50, 100);
        poller.setInterval(100);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        QList<int> delays;
        QList<ApiErrorKind> kinds;
        connect(&poller, &IncidentPoller::refreshFailed, this, [&](const ApiError& error) {
            delays.append(poller.nextRefreshIn());
            kinds.append(error.kind);
        });
        poller.start();
        QVERIFY(refreshed.wait(5000));
        const int rows = model.rowCount();

        setFaults(fixture, QStringLiteral("error,status=503"));
        QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 3, 10000);
        // The service answered, with an error: failed, not offline.
        QCOMPARE(poller.state(), IncidentPoller::State::Failed);
        QVERIFY2(!poller.statusText().contains(QStringLiteral("Offline")),
            qPrintable(poller.statusText()));
        QVERIFY2(poller.statusText().contains(QStringLiteral("HTTP 503")),
            qPrintable(poller.statusText()));
        QVERIFY2(poller.statusText().contains(QStringLiteral("Next try at")),
            qPrintable(poller.statusText()));
        QCOMPARE(poller.lastError().kind, ApiErrorKind::Server);
        QCOMPARE(kinds.at(0), ApiErrorKind::Server);
        QVERIFY(poller.failures() >= 3);
        // Back-off doubles: 100, 200, 400 ms (the time left, measured at once; a coarse timer
        // may add up to 5%).
        const QList<int> expected { 100, 200, 400 };
        for (int i = 0; i < 3; ++i)
            QVERIFY2(
                delays.at(i) > expected.at(i) * 3 / 4 && delays.at(i) <= expected.at(i) * 21 / 20,
                qPrintable(QStringLiteral("failure %1: next try in %2 ms")
                               .arg(QString::number(i + 1), QString::number(delays.at(i)))));
        QCOMPARE(model.rowCount(), rows); // a failed refresh leaves the rows alone

        // No connection at all: that is offline.
        fixture.server->service().faults().clear();
        QVERIFY(!fixture.server->service().faults().parse(QStringLiteral("drop")));
        QTRY_COMPARE_WITH_TIMEOUT(poller.state(), IncidentPoller::State::Offline, 5000);
        QVERIFY2(poller.statusText().startsWith(QStringLiteral("Offline: ")),
            qPrintable(poller.statusText()));

        fixture.server->service().faults().clear();
        QTRY_COMPARE_WITH_TIMEOUT(poller.state(), IncidentPoller::State::Active, 10000);
        QCOMPARE(poller.failures(), 0);
        QCOMPARE(poller.lastError().kind, ApiErrorKind::None);
        QVERIFY(poller.statusText().startsWith(QStringLiteral("Incidents updated at ")));
        // Back on the normal interval.
        QTRY_VERIFY_WITH_TIMEOUT(poller.nextRefreshIn() > 0, 2000);
        // A coarse timer may be rescheduled up to 5% later.
        QVERIFY2(
            poller.nextRefreshIn() <= 105, qPrintable(QString::number(poller.nextRefreshIn())));
    }

    void throttledSaysSoAndResumes()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // The client holds a throttled operation back 5, 10 then 20 s: run its scheduler's clock
        // 100 times faster (and pump it) so that takes a fraction of a second here.
        RequestScheduler* scheduler = fixture.client->scheduler();
        auto elapsed = std::make_shared<QElapsedTimer>();
        elapsed->start();
        scheduler->setClock([elapsed] { return elapsed->elapsed() * 100; });
        QTimer pump;
        connect(&pump, &QTimer::timeout, scheduler, &RequestScheduler::process);
        pump.start(5);

        IncidentModel model;
        IncidentPoller poller(fixture.client.get(), &model);
        poller.setTestTiming(50, 50);
        poller.setInterval(100);
        QStringList events;
        connect(&poller, &IncidentPoller::stateChanged, this, [&](IncidentPoller::State state) {
            if (state == IncidentPoller::State::Throttled)
                events.append(poller.isRefreshing() ? QStringLiteral("throttled, in flight")
                                                    : QStringLiteral("throttled"));
        });
        QSignalSpy failed(&poller, &IncidentPoller::refreshFailed);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        setFaults(fixture, QStringLiteral("throttle"));
        poller.start();
        QVERIFY(failed.wait(10000));

        // It said so as soon as the client held the refresh back, before the client gave up.
        QCOMPARE(events, QStringList { QStringLiteral("throttled, in flight") });
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiErrorKind::Throttled);
        QCOMPARE(poller.state(), IncidentPoller::State::Throttled);
        QVERIFY2(poller.statusText().contains(QStringLiteral("rate limit")),
            qPrintable(poller.statusText()));
        QCOMPARE(refreshed.count(), 0);
        // Paused: the next try waits for the client's hold (20 s on its clock), not just for the
        // 50 ms back-off step.
        QVERIFY2(
            poller.nextRefreshIn() > 1000, qPrintable(QString::number(poller.nextRefreshIn())));
        QVERIFY(fixture.server->service().throttledAnswers() >= 3);

        fixture.server->service().faults().clear();
        poller.refresh(); // the user asks: it goes as soon as the hold ends
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(poller.state(), IncidentPoller::State::Active);
        QCOMPARE(model.rowCount(), openIncidents(fixture.ctx()));
    }

    void neverTwoRefreshesInFlight()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        QSignalSpy exchanged(fixture.client.get(), &ApiClient::exchanged);
        IncidentModel model;
        IncidentPoller poller(fixture.client.get(), &model);
        poller.setTestTiming(50, 50);
        poller.setInterval(50);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        setFaults(fixture, QStringLiteral("slow,ms=600,path=/api-public/v1/incidents"));

        poller.start(); // a background refresh...
        poller.refresh(); // ...promoted to a user one, still one call
        QVERIFY(poller.isRefreshing());
        QTest::qWait(200);
        poller.refresh();
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(refreshed.count(), 1);
        poller.stop();
        // Anything else sent would finish within the fault's 600 ms.
        QTest::qWait(900);
        QCOMPARE(exchanged.count(), 1);
        QCOMPARE(exchanged.at(0).at(0).toString(), kOperation);
        QCOMPARE(model.rowCount(), openIncidents(fixture.ctx()));
    }

    void manualRefreshOvertakesHeldBackgroundPoll()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // Two calls a minute: background polls may spend one, the other is kept for the user.
        fixture.client->scheduler()->setLimit(kOperation, 2);
        IncidentModel model;
        IncidentPoller poller(fixture.client.get(), &model);
        poller.setTestTiming(50, 50);
        poller.setInterval(50);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.start();
        QVERIFY(refreshed.wait(5000));

        // The next background poll waits for the budget (a minute)...
        QTest::qWait(500);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(poller.isRefreshing());
        QCOMPARE(poller.state(), IncidentPoller::State::Active);

        // ...and a manual refresh takes the user's token at once.
        sim::NewIncident incident;
        incident.summary = QStringLiteral("Queue depth growing");
        incident.usernames = { fixture.demoUser() };
        const QString number = QString::number(sim::createIncident(fixture.ctx(), incident));
        QElapsedTimer clock;
        clock.start();
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(refreshed.count(), 2);
        QVERIFY(model.rowOf(number) >= 0);
    }

    void refusedCredentialsPause()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        Credentials wrong = fixture.client->credentials();
        wrong.apiKey = QStringLiteral("not-the-key");
        fixture.client->setCredentials(wrong);
        IncidentPoller poller(fixture.client.get());
        poller.setTestTiming(50, 200);
        QSignalSpy failed(&poller, &IncidentPoller::refreshFailed);
        poller.start();
        QVERIFY(failed.wait(5000));
        QCOMPARE(poller.state(), IncidentPoller::State::AuthFailed);
        QCOMPARE(poller.lastError().kind, ApiErrorKind::Forbidden);
        QVERIFY2(poller.statusText().startsWith(QStringLiteral("Paused: ")),
            qPrintable(poller.statusText()));
        QCOMPARE(poller.failures(), 1);
        QVERIFY(poller.nextRefreshIn() > 100);

        // The user fixes the key and asks again.
        fixture.client->setCredentials(
            { wrong.apiId, QStringLiteral("rota-demo-key"), wrong.username });
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(poller.state(), IncidentPoller::State::Active);
    }

    void manualRefreshWithoutStart()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        IncidentModel model;
        IncidentPoller poller(fixture.client.get(), &model);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model.rowCount(), openIncidents(fixture.ctx()));
        QVERIFY(!poller.isRunning());
        QCOMPARE(poller.nextRefreshIn(), -1); // not started: nothing scheduled
    }
};

QTEST_GUILESS_MAIN(TestIncidentPoller)
#include "tst_incidentpoller.moc"
