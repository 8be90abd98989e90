// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The session's one connection state against an in-process rota-sim over real HTTP: it follows
// every exchange of the client at once (not only its own probe), tells a server error (degraded)
// from no connection (offline) and refused credentials, is not fooled by a read-only key's
// refused write, says when the service answers again, and probes quickly while it is down.

#include "apiclient.h"
#include "connectionstatus.h"
#include "incidents.h"
#include "simfixture.h"
#include "simservice.h"
#include "teams.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;
using State = ConnectionStatus::State;

class TestConnectionStatus : public QObject {
    Q_OBJECT

    static void fault(SimFixture& fixture, const QString& spec)
    {
        fixture.server->service().faults().clear();
        if (!spec.isEmpty())
            QVERIFY(!fixture.server->service().faults().parse(spec));
    }

    static bool listIncidents(SimFixture& fixture)
    {
        return rota::test::waitFor(calls::listIncidents(*fixture.client).reply);
    }

private Q_SLOTS:
    void followsEveryExchange()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ConnectionStatus status(fixture.client.get());
        QCOMPARE(status.state(), State::Unknown);
        QSignalSpy recovered(&status, &ConnectionStatus::recovered);

        // No probe needed: any answer says the service is there.
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Online);
        QVERIFY(status.isAnswering());
        QVERIFY(status.text().startsWith(QStringLiteral("Connected to 127.0.0.1:")));

        // A server error on one operation: the service answers, degraded, in words.
        fault(fixture, QStringLiteral("error,status=503,path=/api-public/v1/incidents"));
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Degraded);
        QVERIFY(status.isAnswering());
        QVERIFY2(status.text().contains(QStringLiteral("HTTP 503")), qPrintable(status.text()));
        QVERIFY(!status.text().contains(QStringLiteral("Offline")));

        // Another operation that works does not hide it (but is a sign to try again what
        // failed); the failing one succeeding ends it.
        QVERIFY(rota::test::waitFor(calls::listTeams(*fixture.client).reply));
        QCOMPARE(status.state(), State::Degraded);
        QCOMPARE(recovered.count(), 1);
        fault(fixture, QString());
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Online);
        QCOMPARE(recovered.count(), 2);

        // No connection: offline, and any answer ends it.
        fault(fixture, QStringLiteral("drop"));
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Offline);
        QVERIFY(!status.isAnswering());
        QVERIFY2(status.text().startsWith(QStringLiteral("Offline")), qPrintable(status.text()));
        fault(fixture, QString());
        QVERIFY(rota::test::waitFor(calls::listTeams(*fixture.client).reply));
        QCOMPARE(status.state(), State::Online);
        QCOMPARE(recovered.count(), 3);

        // A 404 is an answer, not a failure.
        QVERIFY(rota::test::waitFor(
            calls::getIncident(*fixture.client, QStringLiteral("99999999")).reply));
        QCOMPARE(status.state(), State::Online);
    }

    void credentialsAndReadOnlyKeys()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only-key") };
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ConnectionStatus status(fixture.client.get());

        // A read-only key refused a write: that says nothing about the connection.
        fixture.client->setCredentials(
            { options.apiId, QStringLiteral("read-only-key"), fixture.demoUser() });
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Online);
        AckResolveRequest ack;
        ack.userName = fixture.demoUser();
        ack.incidentNames = { QStringLiteral("1") };
        QVERIFY(rota::test::waitFor(calls::ackIncidents(*fixture.client, ack).reply));
        QCOMPARE(status.state(), State::Online);

        // A wrong key refused a read: the credentials are the problem.
        fixture.client->setCredentials(
            { options.apiId, QStringLiteral("wrong"), fixture.demoUser() });
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::AuthFailed);
        QVERIFY(!status.isAnswering());
        fixture.client->setCredentials({ options.apiId, options.apiKey, fixture.demoUser() });
        QVERIFY(listIncidents(fixture));
        QCOMPARE(status.state(), State::Online);
    }

    // While the service is down it is probed every few seconds (here shortened), so a recovery
    // shows without any other call; while it answers, no probe is sent sooner than the interval.
    void probesQuicklyWhileDown()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ConnectionStatus status(fixture.client.get());
        status.setProbeWhileDownMs(200);
        QSignalSpy recovered(&status, &ConnectionStatus::recovered);
        fault(fixture, QStringLiteral("drop"));
        status.start(60000);
        QCOMPARE(status.state(), State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(status.state(), State::Offline, 5000);
        fault(fixture, QString());
        QTRY_COMPARE_WITH_TIMEOUT(status.state(), State::Online, 5000);
        QCOMPARE(recovered.count(), 1);
        // Online now: the next probe is an interval away, so nothing more within a second.
        QSignalSpy exchanges(fixture.client.get(), &ApiClient::exchanged);
        QTest::qWait(1000);
        QCOMPARE(exchanges.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionStatus)
#include "tst_connectionstatus.moc"
