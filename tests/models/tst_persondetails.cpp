// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// PersonDetails against an in-process rota-sim over real HTTP: a person's contact methods, teams,
// escalation policies and shifts are read (each once, however often they are asked for), kept
// while fresh, read again after forget() or once stale, and a failure comes in words while what
// was read stays. Whether someone is on call now comes from the session's on-call model.

#include "oncallmodel.h"
#include "orgdirectory.h"
#include "persondetails.h"
#include "simfixture.h"
#include "simservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! How many of the four person calls were answered so far.
int personCalls(const QSignalSpy& exchanged)
{
    return int(std::count_if(exchanged.cbegin(), exchanged.cend(), [](const QList<QVariant>& args) {
        return args.first().toString().contains(QLatin1String("/user/{user}"));
    }));
}

//! A simulator, its directory loaded, and the details under test.
struct Setup {
    Setup()
        : directory(fx.client.get())
        , people(fx.client.get(), &directory, &onCall)
        , exchanged(fx.client.get(), &ApiClient::exchanged)
    {
    }
    bool start()
    {
        if (!fx.started)
            return false;
        directory.ensureLoaded();
        return QTest::qWaitFor(
            [&] { return !directory.isLoading(OrgDirectory::List::Users) && directory.hasUsers(); },
            10000);
    }
    //! Asks for the person and waits until nothing of them is on its way.
    bool read(const QString& username)
    {
        people.request(username);
        return QTest::qWaitFor([&] { return !people.isLoading(username); }, 10000);
    }
    int calls() const { return personCalls(exchanged); }

    SimFixture fx;
    OrgDirectory directory;
    OnCallModel onCall;
    PersonDetails people;
    QSignalSpy exchanged;
};

} // namespace

class TestPersonDetails : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsAllFourPartsOnce()
    {
        Setup t;
        QVERIFY2(t.start(), qPrintable(t.fx.startError));
        PersonDetails& people = t.people;
        QSignalSpy changed(&people, &PersonDetails::changed);

        const QString demo = t.fx.demoUser();
        QVERIFY(!people.info(demo).isComplete());
        people.request(demo);
        // Asked again while on its way: nothing more goes out.
        people.request(demo);
        QVERIFY(people.isLoading(demo));
        QVERIFY(t.read(demo));
        QCOMPARE(t.calls(), 4);
        QCOMPARE(changed.size(), 4);
        QCOMPARE(changed.first().first().toString(), demo);

        const PersonInfo info = people.info(demo);
        QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
        QVERIFY(info.isComplete());
        const sim::SimOrg& org = t.fx.ctx().org;
        const sim::SimUser& simUser = org.users.value(demo);
        QVERIFY(info.user.has_value());
        QCOMPARE(info.user->email, simUser.email);
        QCOMPARE(info.displayName, simUser.firstName + QLatin1Char(' ') + simUser.lastName);

        // Contact methods: the simulator's addresses and numbers.
        QCOMPARE(info.contacts.emails.size(), simUser.emails.size());
        QCOMPARE(info.contacts.phones.size(), simUser.phones.size());
        QVERIFY(!info.contacts.emails.isEmpty());
        for (const sim::SimContactMethod& email : simUser.emails) {
            QVERIFY(std::any_of(info.contacts.emails.cbegin(), info.contacts.emails.cend(),
                [&](const ContactMethod& m) { return m.value == email.value; }));
        }

        // Teams: those the simulator lists the demo user in.
        QStringList expectedTeams;
        for (const sim::SimTeam& team : org.teams) {
            if (team.members.contains(demo))
                expectedTeams << team.slug;
        }
        QStringList teams;
        for (const UserTeam& team : info.teams)
            teams << team.slug;
        expectedTeams.sort();
        teams.sort();
        QCOMPARE(teams, expectedTeams);

        // Shifts: coming or running, sorted, on policies the org has.
        QVERIFY(info.policiesLoaded);
        QVERIFY(info.shiftsLoaded);
        // The demo user is in rotations: they have shifts within the schedule's two weeks.
        QVERIFY(!info.shifts.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < info.shifts.size(); ++i) {
            const PersonShift& shift = info.shifts[i];
            QVERIFY(shift.end > now);
            QVERIFY(shift.start < shift.end);
            QVERIFY(org.policies.contains(shift.policySlug));
            QCOMPARE(shift.policyName, org.policies.value(shift.policySlug).name);
            if (i > 0)
                QVERIFY(info.shifts[i - 1].start <= shift.start);
        }
        if (const auto next = info.nextShift())
            QVERIFY(next->start > now);
        // While the on-call model has not loaded, the schedule says whether they are on call.
        QVERIFY(!info.onCallText.isEmpty());
        QCOMPARE(info.onCallNow,
            std::any_of(info.shifts.cbegin(), info.shifts.cend(),
                [&](const PersonShift& s) { return s.start <= now; }));

        // Fresh: a second request sends nothing.
        people.request(demo);
        QVERIFY(!people.isLoading(demo));
        QTest::qWait(50);
        QCOMPARE(t.calls(), 4);

        // Forgotten: read again.
        people.forget(demo);
        QVERIFY(!people.info(demo).isComplete());
        QVERIFY(t.read(demo));
        QCOMPARE(t.calls(), 8);
        QVERIFY(people.info(demo).isComplete());

        // Stale: read again too.
        people.setMaxAge(0);
        QVERIFY(t.read(demo));
        QCOMPARE(t.calls(), 12);
    }

    void usernameInAnyCaseIsOnePerson()
    {
        Setup t;
        QVERIFY2(t.start(), qPrintable(t.fx.startError));
        const QString demo = t.fx.demoUser();
        t.people.request(demo);
        QVERIFY(t.read(demo.toUpper()));
        QCOMPARE(t.calls(), 4);
        QVERIFY(t.people.info(demo.toUpper()).isComplete());
    }

    void failureInWordsKeepsWhatWasRead()
    {
        Setup t;
        QVERIFY2(t.start(), qPrintable(t.fx.startError));
        const QString demo = t.fx.demoUser();
        QVERIFY(t.read(demo));
        const PersonInfo before = t.people.info(demo);
        QVERIFY(before.isComplete());
        QVERIFY(!before.teams.isEmpty());

        const auto problem = t.fx.server->service().faults().parse(
            QStringLiteral("error,status=404,path=/api-public/v1/user/%1/teams").arg(demo));
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        t.people.setMaxAge(0);
        QVERIFY(t.read(demo));
        const PersonInfo after = t.people.info(demo);
        QVERIFY2(after.error.startsWith(QLatin1String("Could not read the teams: ")),
            qPrintable(after.error));
        // Words, not codes or JSON.
        QVERIFY(!after.error.contains(QLatin1String("404")));
        QVERIFY(!after.error.contains(QLatin1Char('{')));
        QCOMPARE(after.teams.size(), before.teams.size());
        QVERIFY(after.teamsLoaded);

        // Once the service answers again, the error goes.
        t.fx.server->service().faults().clear();
        QVERIFY(t.read(demo));
        QVERIFY(t.people.info(demo).error.isEmpty());
    }

    void unknownPersonFailsInWords()
    {
        Setup t;
        QVERIFY2(t.start(), qPrintable(t.fx.startError));
        const QString nobody = QStringLiteral("nobody.here");
        QVERIFY(t.read(nobody));
        const PersonInfo info = t.people.info(nobody);
        QVERIFY(!info.error.isEmpty());
        QVERIFY(!info.user.has_value());
        QCOMPARE(info.displayName, nobody);
        QVERIFY(!info.contactsLoaded);
    }

    void onCallNowFromTheModel()
    {
        Setup t;
        QVERIFY2(t.start(), qPrintable(t.fx.startError));
        const QString demo = t.fx.demoUser();
        // Before the model or the schedule has been read nothing is said.
        QVERIFY(t.people.info(demo).onCallText.isEmpty());

        TeamOnCallNow team { QStringLiteral("Platform"), QStringLiteral("team-p"), {} };
        team.onCallNow.append(
            { QStringLiteral("Platform EP"), QStringLiteral("pol-p"), { demo.toUpper() } });
        CurrentOnCall current;
        current.teamsOnCall.append(team);
        t.onCall.applyCurrent(current);
        PersonInfo info = t.people.info(demo);
        QVERIFY(info.onCallNow);
        QCOMPARE(info.onCallText, QStringLiteral("On call for Platform (Platform EP)"));

        t.onCall.applyCurrent(CurrentOnCall {});
        info = t.people.info(demo);
        QVERIFY(!info.onCallNow);
        QCOMPARE(info.onCallText, QStringLiteral("Not on call"));
    }
};

QTEST_GUILESS_MAIN(TestPersonDetails)
#include "tst_persondetails.moc"
