// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// How often the incidents are read (RefreshPace, RefreshPacer): the rule over on call × paged ×
// preferences and its words; then a real IncidentPoller polling an in-process rota-sim over HTTP,
// whose interval (and the next refresh) follows the user's state as the on-call and incident
// models change, and whose status line names the pace after a good refresh but not after a
// failure (which keeps the time of the last good one).

#include "incidentmodel.h"
#include "incidentpoller.h"
#include "oncallmodel.h"
#include "refreshpace.h"
#include "simfixture.h"
#include "simservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;
using Reason = RefreshPace::Reason;

namespace {

Preferences prefs(int routine, int urgent)
{
    Preferences p;
    p.refreshSeconds = routine;
    p.urgentRefreshSeconds = urgent;
    return p;
}

Incident incident(const QString& number, Phase phase, const QStringList& paged)
{
    Incident i;
    i.incidentNumber = number;
    i.phase = phase;
    i.entityDisplayName = QStringLiteral("Disk full on db-%1").arg(number);
    i.startTime = QDateTime::currentDateTimeUtc().addSecs(-60);
    i.pagedUsers = paged;
    return i;
}

CurrentOnCall onCallNow(const QString& user)
{
    PolicyOnCallNow policy;
    policy.policySlug = QStringLiteral("pol-plat");
    policy.policyName = QStringLiteral("Platform Primary");
    policy.usernames = { user };
    TeamOnCallNow team;
    team.teamSlug = QStringLiteral("team-plat");
    team.teamName = QStringLiteral("Platform");
    team.onCallNow = { policy };
    CurrentOnCall current;
    current.teamsOnCall = { team };
    return current;
}

const QString Me = QStringLiteral("dmitri.petrov");
const QString Other = QStringLiteral("omar.haddad");

} // namespace

class TestRefreshPace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<bool>("onCall");
        QTest::addColumn<bool>("paged");
        QTest::addColumn<int>("routine");
        QTest::addColumn<int>("urgent");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<Reason>("reason");

        // The defaults: 60 s, 15 s while it matters.
        QTest::newRow("defaults, quiet") << false << false << 60 << 15 << 60 << Reason::Routine;
        QTest::newRow("defaults, on call") << true << false << 60 << 15 << 15 << Reason::OnCall;
        QTest::newRow("defaults, paged") << false << true << 60 << 15 << 15 << Reason::Paged;
        QTest::newRow("defaults, both") << true << true << 60 << 15 << 15 << Reason::OnCallAndPaged;
        // Other preferences.
        QTest::newRow("120/30, quiet") << false << false << 120 << 30 << 120 << Reason::Routine;
        QTest::newRow("120/30, on call") << true << false << 120 << 30 << 30 << Reason::OnCall;
        QTest::newRow("120/30, paged") << false << true << 120 << 30 << 30 << Reason::Paged;
        QTest::newRow("120/30, both") << true << true << 120 << 30 << 30 << Reason::OnCallAndPaged;
        // An urgent pace set slower than the routine one never slows Rota down.
        QTest::newRow("urgent slower, on call")
            << true << false << 45 << 90 << 45 << Reason::OnCall;
        QTest::newRow("urgent slower, quiet")
            << false << false << 45 << 90 << 45 << Reason::Routine;
        // Out of range (a hand-edited file): the floor keeps the incidents list within its
        // documented 60 calls a minute, the ceiling keeps the list fresh enough to act on.
        QTest::newRow("below floor, paged") << false << true << 5 << 1 << 15 << Reason::Paged;
        QTest::newRow("below floor, quiet") << false << false << 5 << 1 << 15 << Reason::Routine;
        QTest::newRow("above ceiling, quiet")
            << false << false << 3600 << 3600 << 600 << Reason::Routine;
        QTest::newRow("above ceiling, on call")
            << true << false << 3600 << 3600 << 600 << Reason::OnCall;
    }

    void decide()
    {
        QFETCH(bool, onCall);
        QFETCH(bool, paged);
        QFETCH(int, routine);
        QFETCH(int, urgent);
        QFETCH(int, seconds);
        QFETCH(Reason, reason);
        const RefreshPace pace = RefreshPace::decide(onCall, paged, prefs(routine, urgent));
        QCOMPARE(pace.seconds, seconds);
        QCOMPARE(pace.intervalMs(), seconds * 1000);
        QCOMPARE(pace.reason, reason);
        QCOMPARE(pace.isUrgent(), onCall || paged);
        // Never more than the documented 60 calls a minute of GET /api-public/v1/incidents;
        // at most 4 a minute, leaving the rest to actions and other views.
        QVERIFY(60 / pace.seconds <= 4);
    }

    void text()
    {
        const auto text = [](bool onCall, bool paged, int routine, int urgent) {
            return RefreshPace::decide(onCall, paged, prefs(routine, urgent)).text();
        };
        QCOMPARE(text(true, false, 60, 15), QStringLiteral("every 15 s while you are on call"));
        QCOMPARE(
            text(false, true, 60, 15), QStringLiteral("every 15 s while an incident pages you"));
        QCOMPARE(
            text(true, true, 60, 30), QStringLiteral("every 30 s while you are on call and paged"));
        QCOMPARE(text(false, false, 60, 15), QStringLiteral("every minute"));
        QCOMPARE(text(false, false, 90, 15), QStringLiteral("every 90 s"));
        QCOMPARE(text(false, false, 300, 15), QStringLiteral("every 5 min"));
        QCOMPARE(text(true, false, 600, 120), QStringLiteral("every 2 min while you are on call"));
    }

    //! A real poller against rota-sim: the interval follows on call and paged as they change.
    void pacerDrivesThePoller()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // The poller reads the simulator over HTTP; the models are fed here, so that the test
        // says exactly when the user is paged or on call.
        IncidentPoller poller(fixture.client.get());
        IncidentModel incidents;
        incidents.setIdentity(Me);
        OnCallModel onCall;
        onCall.setUsername(Me);
        onCall.reset(onCallNow(Other));
        QVERIFY(!onCall.isOnCall());

        RefreshPacer pacer(&poller, &incidents, &onCall, prefs(60, 15));
        QSignalSpy paceChanged(&pacer, &RefreshPacer::paceChanged);
        QCOMPARE(pacer.pace().reason, Reason::Routine);
        QCOMPARE(poller.interval(), 60000);

        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.start();
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(poller.statusText().startsWith(QStringLiteral("Incidents updated at ")),
            qPrintable(poller.statusText()));
        QVERIFY2(poller.statusText().endsWith(QStringLiteral(" · every minute")),
            qPrintable(poller.statusText()));
        // The next refresh waits the routine minute (it may be a little less by now).
        QVERIFY2(
            poller.nextRefreshIn() > 30000, qPrintable(QString::number(poller.nextRefreshIn())));

        // Something pages me: 15 s, and the minute's wait is cut short at once.
        incidents.applySnapshot({ incident(QStringLiteral("7"), Phase::Triggered, { Me }) });
        QCOMPARE(paceChanged.size(), 1);
        QCOMPARE(pacer.pace().reason, Reason::Paged);
        QCOMPARE(poller.interval(), 15000);
        // (A coarse timer may be rescheduled up to 5% later.)
        QVERIFY2(poller.nextRefreshIn() >= 0 && poller.nextRefreshIn() <= 15000 * 21 / 20,
            qPrintable(QString::number(poller.nextRefreshIn())));
        QVERIFY2(poller.statusText().endsWith(QStringLiteral(" · every 15 s while an incident "
                                                             "pages you")),
            qPrintable(poller.statusText()));

        // Acknowledged, it still pages me: nothing changes.
        incidents.applySnapshot({ incident(QStringLiteral("7"), Phase::Acknowledged, { Me }) });
        QCOMPARE(paceChanged.size(), 1);
        QCOMPARE(poller.interval(), 15000);

        // An incident paging someone else is not urgent for me; resolved, mine is not either.
        incidents.applySnapshot({ incident(QStringLiteral("7"), Phase::Resolved, { Me }),
            incident(QStringLiteral("8"), Phase::Triggered, { Other }) });
        QCOMPARE(paceChanged.size(), 2);
        QCOMPARE(pacer.pace().reason, Reason::Routine);
        QCOMPARE(poller.interval(), 60000);
        QVERIFY2(poller.statusText().endsWith(QStringLiteral(" · every minute")),
            qPrintable(poller.statusText()));

        // On call: 15 s again, at once.
        onCall.applyCurrent(onCallNow(Me));
        QVERIFY(onCall.isOnCall());
        QCOMPARE(paceChanged.size(), 3);
        QCOMPARE(pacer.pace().reason, Reason::OnCall);
        QCOMPARE(poller.interval(), 15000);
        QVERIFY2(
            poller.statusText().endsWith(QStringLiteral(" · every 15 s while you are on call")),
            qPrintable(poller.statusText()));

        // On call and paged.
        incidents.applySnapshot({ incident(QStringLiteral("9"), Phase::Triggered, { Me }) });
        QCOMPARE(pacer.pace().reason, Reason::OnCallAndPaged);
        QCOMPARE(paceChanged.size(), 4);
        QCOMPARE(poller.interval(), 15000);

        // The preferences change: the new urgent pace applies.
        pacer.setPreferences(prefs(120, 30));
        QCOMPARE(paceChanged.size(), 5);
        QCOMPARE(pacer.pace().seconds, 30);
        QCOMPARE(poller.interval(), 30000);

        // Off call and nothing paging: the routine pace of the new preferences.
        onCall.applyCurrent(onCallNow(Other));
        incidents.applySnapshot({});
        QCOMPARE(pacer.pace().reason, Reason::Routine);
        QCOMPARE(poller.interval(), 120000);
        QVERIFY2(poller.statusText().endsWith(QStringLiteral(" · every 2 min")),
            qPrintable(poller.statusText()));
    }

    //! A failure's line stays the failure's, with the time of the last good refresh.
    void failureKeepsItsWords()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        IncidentPoller poller(fixture.client.get());
        IncidentModel incidents;
        incidents.setIdentity(Me);
        RefreshPacer pacer(&poller, &incidents, nullptr, prefs(60, 15));
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        QSignalSpy failed(&poller, &IncidentPoller::refreshFailed);

        // A failure before any good refresh: no time to name.
        const auto problem
            = fixture.server->service().faults().parse(QStringLiteral("error,status=503"));
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        poller.refresh();
        QVERIFY(failed.wait(10000));
        QVERIFY2(poller.statusText().startsWith(QStringLiteral("Incidents could not be refreshed")),
            qPrintable(poller.statusText()));
        QVERIFY2(!poller.statusText().contains(QStringLiteral("Incidents as of")),
            qPrintable(poller.statusText()));
        QVERIFY2(!poller.statusText().contains(QStringLiteral("every")),
            qPrintable(poller.statusText()));

        fixture.server->service().faults().clear();
        poller.refresh();
        QVERIFY(refreshed.wait(10000));
        const QString good = poller.statusText();
        QVERIFY2(good.endsWith(QStringLiteral(" · every minute")), qPrintable(good));
        const QString time = good.mid(QStringLiteral("Incidents updated at ").size(), 8);

        QVERIFY(!fixture.server->service().faults().parse(QStringLiteral("error,status=503")));
        poller.refresh();
        QVERIFY(failed.wait(10000));
        const QString bad = poller.statusText();
        QVERIFY2(
            bad.startsWith(QStringLiteral("Incidents could not be refreshed")), qPrintable(bad));
        QVERIFY2(bad.endsWith(QStringLiteral(" Incidents as of %1.").arg(time)), qPrintable(bad));
        QVERIFY2(!bad.contains(QStringLiteral("every")), qPrintable(bad));
        // A new pace while failing leaves the failure's line alone.
        incidents.applySnapshot({ incident(QStringLiteral("7"), Phase::Triggered, { Me }) });
        QCOMPARE(pacer.pace().reason, Reason::Paged);
        QCOMPARE(poller.statusText(), bad);
    }
};

QTEST_GUILESS_MAIN(TestRefreshPace)
#include "tst_refreshpace.moc"
