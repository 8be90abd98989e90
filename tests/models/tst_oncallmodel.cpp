// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// OnCallModel without a network: the tree's shape, diffs without resets (and what they emit), the
// "me" flag, what a team's schedule adds (until, stand-ins) and the summary for the tray.
#include "oncallmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace rota;

namespace {

PolicyOnCallNow policy(const QString& slug, const QString& name, const QStringList& users)
{
    PolicyOnCallNow p;
    p.policySlug = slug;
    p.policyName = name;
    p.usernames = users;
    return p;
}

TeamOnCallNow team(const QString& slug, const QString& name, const QList<PolicyOnCallNow>& policies)
{
    TeamOnCallNow t;
    t.teamSlug = slug;
    t.teamName = name;
    t.onCallNow = policies;
    return t;
}

CurrentOnCall org(const QList<TeamOnCallNow>& teams)
{
    CurrentOnCall c;
    c.teamsOnCall = teams;
    return c;
}

const QDateTime Now = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);

CurrentOnCall standard()
{
    return org({ team(QStringLiteral("team-data"), QStringLiteral("Data"),
                     { policy(QStringLiteral("pol-data"), QStringLiteral("Data Primary"),
                         { QStringLiteral("omar") }) }),
        team(QStringLiteral("team-plat"), QStringLiteral("Platform"),
            { policy(QStringLiteral("pol-plat"), QStringLiteral("Platform Primary"),
                  { QStringLiteral("dmitri") }),
                policy(QStringLiteral("pol-crit"), QStringLiteral("Platform Critical"),
                    { QStringLiteral("ann"), QStringLiteral("bob") }) }) });
}

//! A one-policy team schedule: `user` on call until `end`, standing in for `scheduled` if set.
TeamSchedule schedule(const QString& teamSlug, const QString& policySlug, const QString& scheduled,
    const QString& user, const QDateTime& end)
{
    OnCallEntry entry;
    entry.onCallType = QStringLiteral("rotation_group");
    entry.onCallUser = scheduled;
    if (user != scheduled)
        entry.overrideOnCallUser = user;
    entry.shiftRoll = OffsetTime::fromUtc(end.addDays(3));
    OnCallRoll past;
    past.start = OffsetTime::fromUtc(Now.addDays(-2));
    past.end = OffsetTime::fromUtc(Now.addSecs(-3600));
    past.onCallUser = scheduled;
    OnCallRoll running;
    running.start = OffsetTime::fromUtc(Now.addSecs(-3600));
    running.end = OffsetTime::fromUtc(end);
    running.onCallUser = user;
    entry.rolls = { past, running };
    PolicySchedule ps;
    ps.policy.slug = policySlug;
    ps.schedule = { entry };
    TeamSchedule ts;
    ts.teamSlug = teamSlug;
    ts.schedules = { ps };
    return ts;
}

} // namespace

class TestOnCallModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Dates in English words, whatever the machine's locale.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void shape()
    {
        OnCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!model.isLoaded());
        QCOMPARE(model.summary(), QString());
        model.setUsername(QStringLiteral("dmitri"));
        model.applyCurrent(standard());
        QVERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.teamSlugs(),
            QStringList({ QStringLiteral("team-data"), QStringLiteral("team-plat") }));
        const QModelIndex plat = model.teamIndex(QStringLiteral("team-plat"));
        QCOMPARE(plat.data().toString(), QStringLiteral("Platform"));
        QCOMPARE(model.rowCount(plat), 2);
        const QModelIndex crit = model.policyIndex(QStringLiteral("pol-crit"));
        QCOMPARE(crit.parent(), plat);
        QCOMPARE(crit.data().toString(), QStringLiteral("Platform Critical"));
        QCOMPARE(model.rowCount(crit), 2);
        QCOMPARE(model.onCallFor(QStringLiteral("pol-crit")),
            QStringList({ QStringLiteral("ann"), QStringLiteral("bob") }));
        QCOMPARE(model.teamOfPolicy(QStringLiteral("pol-crit")), QStringLiteral("team-plat"));
        const QModelIndex bob
            = model.personIndex(QStringLiteral("pol-crit"), QStringLiteral("bob"));
        QCOMPARE(bob.parent(), crit);
        QCOMPARE(bob.data(OnCallModel::KindRole).toInt(), int(OnCallModel::Kind::Person));
        QCOMPARE(bob.data(OnCallModel::PolicySlugRole).toString(), QStringLiteral("pol-crit"));
        QCOMPARE(bob.data(OnCallModel::TeamSlugRole).toString(), QStringLiteral("team-plat"));
        QCOMPARE(bob.data(OnCallModel::UsernameRole).toString(), QStringLiteral("bob"));
        QVERIFY(!bob.data(OnCallModel::UntilRole).toDateTime().isValid());
    }

    void meFlag()
    {
        OnCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyCurrent(standard());
        const QModelIndex me
            = model.personIndex(QStringLiteral("pol-plat"), QStringLiteral("dmitri"));
        QVERIFY(!me.data(OnCallModel::MeRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setUsername(QStringLiteral("DMITRI")); // case does not matter
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 3); // the person, its policy and its team
        QVERIFY(me.data(OnCallModel::MeRole).toBool());
        QVERIFY(model.policyIndex(QStringLiteral("pol-plat")).data(OnCallModel::MeRole).toBool());
        QVERIFY(model.teamIndex(QStringLiteral("team-plat")).data(OnCallModel::MeRole).toBool());
        QVERIFY(!model.teamIndex(QStringLiteral("team-data")).data(OnCallModel::MeRole).toBool());
        QVERIFY(!model.policyIndex(QStringLiteral("pol-crit")).data(OnCallModel::MeRole).toBool());
        // "You" is the view's mark (bold, a tag), not a note.
        QCOMPARE(me.sibling(me.row(), OnCallModel::NoteColumn).data().toString(), QString());
        QVERIFY(me.data(Qt::FontRole).value<QFont>().bold());
        const QList<MyOnCall> mine = model.myOnCall();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().policySlug, QStringLiteral("pol-plat"));
        QCOMPARE(mine.first().teamName, QStringLiteral("Platform"));
    }

    void refreshIsADiff()
    {
        OnCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUsername(QStringLiteral("dmitri"));
        model.applyCurrent(standard());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // The same again: nothing at all.
        model.applyCurrent(standard());
        QCOMPARE(inserted.count() + removed.count() + moved.count() + changed.count(), 0);

        const QPersistentModelIndex bob
            = model.personIndex(QStringLiteral("pol-crit"), QStringLiteral("bob"));
        const QPersistentModelIndex data = model.teamIndex(QStringLiteral("team-data"));
        // ann goes, carl comes, the teams swap places, and the data team's policy is renamed.
        CurrentOnCall next
            = org({ team(QStringLiteral("team-plat"), QStringLiteral("Platform"),
                        { policy(QStringLiteral("pol-plat"), QStringLiteral("Platform Primary"),
                              { QStringLiteral("dmitri") }),
                            policy(QStringLiteral("pol-crit"), QStringLiteral("Platform Critical"),
                                { QStringLiteral("bob"), QStringLiteral("carl") }) }),
                team(QStringLiteral("team-data"), QStringLiteral("Data"),
                    { policy(QStringLiteral("pol-data"), QStringLiteral("Data On Call"),
                        { QStringLiteral("omar") }) }) });
        model.applyCurrent(next);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1); // ann
        QCOMPARE(inserted.count(), 1); // carl
        QCOMPARE(moved.count(), 1); // the platform team up
        QVERIFY(changed.count() >= 1); // the renamed policy
        QVERIFY(bob.isValid());
        QCOMPARE(bob.data().toString(), QStringLiteral("bob"));
        QCOMPARE(bob.row(), 0);
        QVERIFY(data.isValid());
        QCOMPARE(data.row(), 1);
        QCOMPARE(model.policyIndex(QStringLiteral("pol-data")).data().toString(),
            QStringLiteral("Data On Call"));
        QCOMPARE(model.onCallFor(QStringLiteral("pol-crit")),
            QStringList({ QStringLiteral("bob"), QStringLiteral("carl") }));

        // A team vanishes; an emptied policy says so.
        next.teamsOnCall.removeLast();
        next.teamsOnCall[0].onCallNow[1].usernames.clear();
        model.applyCurrent(next);
        QCOMPARE(reset.count(), 0);
        QVERIFY(!data.isValid());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex crit = model.policyIndex(QStringLiteral("pol-crit"));
        QCOMPARE(model.rowCount(crit), 0);
        QCOMPARE(crit.sibling(crit.row(), OnCallModel::NoteColumn).data().toString(),
            QStringLiteral("nobody on call"));

        // Only reset() resets.
        model.reset(standard());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }

    void scheduleAddsUntilAndStandIns()
    {
        OnCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return Now; });
        model.setUsername(QStringLiteral("dmitri"));
        CurrentOnCall current = standard();
        // dmitri has taken Data Primary from omar.
        current.teamsOnCall[0].onCallNow[0].usernames = { QStringLiteral("dmitri") };
        model.applyCurrent(current);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QDateTime end = Now.addSecs(5 * 3600);
        model.applySchedule(schedule(QStringLiteral("team-data"), QStringLiteral("pol-data"),
            QStringLiteral("omar"), QStringLiteral("dmitri"), end));
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        const QModelIndex me
            = model.personIndex(QStringLiteral("pol-data"), QStringLiteral("dmitri"));
        // The running roll's end, not the rotation's shiftRoll three days later.
        QCOMPARE(me.data(OnCallModel::UntilRole).toDateTime(), end);
        QVERIFY(me.data(OnCallModel::OverrideRole).toBool());
        QCOMPARE(me.data(OnCallModel::ReplacesRole).toString(), QStringLiteral("omar"));
        QCOMPARE(model.replacesOn(QStringLiteral("pol-data"), QStringLiteral("dmitri")),
            QStringLiteral("omar"));
        QCOMPARE(me.sibling(me.row(), OnCallModel::UntilColumn).data().toString(),
            OnCallModel::shortTime(end, Now));
        QCOMPARE(me.sibling(me.row(), OnCallModel::NoteColumn).data().toString(),
            QStringLiteral("instead of omar"));

        // Applying the same schedule again changes nothing.
        changed.clear();
        model.applySchedule(schedule(QStringLiteral("team-data"), QStringLiteral("pol-data"),
            QStringLiteral("omar"), QStringLiteral("dmitri"), end));
        QCOMPARE(changed.count(), 0);

        const QList<MyOnCall> mine = model.myOnCall();
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.first().replaces, QStringLiteral("omar"));
        QCOMPARE(mine.first().until, end);
    }

    void namesInsteadOfUsernames()
    {
        OnCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return Now; });
        CurrentOnCall current = standard();
        current.teamsOnCall[0].onCallNow[0].usernames = { QStringLiteral("dmitri") };
        model.applyCurrent(current);
        model.applySchedule(schedule(QStringLiteral("team-data"), QStringLiteral("pol-data"),
            QStringLiteral("omar"), QStringLiteral("dmitri"), Now.addSecs(3600)));
        const QModelIndex dmitri
            = model.personIndex(QStringLiteral("pol-data"), QStringLiteral("dmitri"));
        // Until names are known, the username.
        QCOMPARE(dmitri.data().toString(), QStringLiteral("dmitri"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The user list may write a username in another case than the on-call answer.
        model.setUserNames({ { QStringLiteral("Dmitri"), QStringLiteral("Dmitri Volkov") },
            { QStringLiteral("omar"), QStringLiteral("Omar Haddad") },
            { QStringLiteral("ann"), QStringLiteral("Ann Lee (ann)") } });
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(dmitri.data().toString(), QStringLiteral("Dmitri Volkov"));
        QCOMPARE(dmitri.data(OnCallModel::SortRole).toString(), QStringLiteral("dmitri volkov"));
        QCOMPARE(dmitri.data(OnCallModel::UsernameRole).toString(), QStringLiteral("dmitri"));
        QVERIFY(dmitri.data(Qt::ToolTipRole).toString().contains(QLatin1String("(dmitri)")));
        QCOMPARE(dmitri.sibling(dmitri.row(), OnCallModel::NoteColumn).data().toString(),
            QStringLiteral("instead of Omar Haddad"));
        // Whom to hand back to is still a username.
        QCOMPARE(dmitri.data(OnCallModel::ReplacesRole).toString(), QStringLiteral("omar"));
        QCOMPARE(
            model.personIndex(QStringLiteral("pol-crit"), QStringLiteral("ann")).data().toString(),
            QStringLiteral("Ann Lee (ann)"));
        // Someone the list does not name keeps the username.
        QCOMPARE(
            model.personIndex(QStringLiteral("pol-crit"), QStringLiteral("bob")).data().toString(),
            QStringLiteral("bob"));
        QCOMPARE(model.nameOf(QStringLiteral("DMITRI")), QStringLiteral("Dmitri Volkov"));
        // A search finds a person by name and by username.
        QCOMPARE(dmitri.data(OnCallModel::SearchRole).toString(),
            QStringLiteral("Dmitri Volkov dmitri"));
        QCOMPARE(
            model.teamIndex(QStringLiteral("team-data")).data(OnCallModel::SearchRole).toString(),
            QStringLiteral("Data"));

        // The same names again change nothing.
        changed.clear();
        model.setUserNames({ { QStringLiteral("dmitri"), QStringLiteral("Dmitri Volkov") },
            { QStringLiteral("omar"), QStringLiteral("Omar Haddad") },
            { QStringLiteral("ann"), QStringLiteral("Ann Lee (ann)") } });
        QCOMPARE(changed.count(), 0);
    }

    void summary()
    {
        OnCallModel model;
        model.setClock([] { return Now; });
        QSignalSpy summaries(&model, &OnCallModel::summaryChanged);
        model.setUsername(QStringLiteral("zoe"));
        model.applyCurrent(standard());
        QCOMPARE(model.summary(), QStringLiteral("Not on call"));
        QCOMPARE(summaries.count(), 1);
        QCOMPARE(summaries.last().first().toString(), QStringLiteral("Not on call"));

        model.setUsername(QStringLiteral("dmitri"));
        QCOMPARE(model.summary(), QStringLiteral("On call for Platform (Platform Primary)"));
        const QDateTime end = Now.addSecs(2 * 3600);
        model.applySchedule(schedule(QStringLiteral("team-plat"), QStringLiteral("pol-plat"),
            QStringLiteral("dmitri"), QStringLiteral("dmitri"), end));
        QCOMPARE(model.summary(),
            QStringLiteral("On call for Platform (Platform Primary) until %1")
                .arg(OnCallModel::shortTime(end, Now)));
        QCOMPARE(summaries.count(), 3);

        // The user's shifts to come add a line per other policy; the running one changes nothing
        // shown here (the on-call now says until when).
        MyShift next { QStringLiteral("Data"), QStringLiteral("team-data"),
            QStringLiteral("Data Primary"), QStringLiteral("pol-data"), Now.addDays(3),
            Now.addDays(3).addSecs(8 * 3600), {} };
        QSignalSpy shiftsChanged(&model, &OnCallModel::myShiftsChanged);
        model.setMyShifts({ next });
        QCOMPARE(shiftsChanged.count(), 1);
        QCOMPARE(model.summaryLines().size(), 2);
        QVERIFY2(model.summaryLines().at(1).startsWith(
                     QStringLiteral("Next on call for Data (Data Primary): ")),
            qPrintable(model.summary()));
        QCOMPARE(model.summary(), model.summaryLines().join(QLatin1Char('\n')));
        model.setMyShifts({ next });
        QCOMPARE(shiftsChanged.count(), 1); // the same shifts again: no signal
    }

    // Each policy with its own end: never the earliest end of several as if it were all of them.
    void summaryPerPolicy()
    {
        const QTimeZone utc = QTimeZone::utc();
        const QDateTime now(QDate(2026, 12, 5), QTime(18, 0), utc); // Saturday
        MyOnCall platform { QStringLiteral("Platform"), QStringLiteral("team-plat"),
            QStringLiteral("Platform Critical"), QStringLiteral("pol-crit"),
            QDateTime(QDate(2026, 12, 7), QTime(14, 0), utc), {} };
        MyOnCall sre { QStringLiteral("SRE"), QStringLiteral("team-sre"),
            QStringLiteral("SRE Primary"), QStringLiteral("pol-sre"),
            QDateTime(QDate(2026, 12, 7), QTime(0, 0), utc), QStringLiteral("ann") };
        MyOnCall data { QStringLiteral("Data"), QStringLiteral("team-data"),
            QStringLiteral("Data Primary"), QStringLiteral("pol-data"),
            QDateTime(QDate(2026, 12, 5), QTime(21, 30), utc), {} };
        QCOMPARE(OnCallModel::summaryLinesFor({ platform, sre, data }, now, {}, utc,
                     [](const QString& user) {
                         return user == QLatin1String("ann") ? QStringLiteral("Ann Lee") : user;
                     }),
            QStringList(
                { QStringLiteral("On call for Platform (Platform Critical) until Mon 7 Dec 14:00"),
                    QStringLiteral(
                        "On call for SRE (SRE Primary) until Mon 7 Dec 00:00 instead of Ann Lee"),
                    QStringLiteral("On call for Data (Data Primary) until 21:30") }));

        // The user schedule knows the stretch goes on past the current roll; a later shift of a
        // policy the user is on call for now is said on its line, not as a line of its own.
        MyShift longer { QStringLiteral("Data"), QStringLiteral("team-data"),
            QStringLiteral("Data Primary"), QStringLiteral("pol-data"), now.addSecs(-3600),
            QDateTime(QDate(2026, 12, 6), QTime(9, 0), utc), {} };
        MyShift laterData = longer;
        laterData.start = QDateTime(QDate(2026, 12, 9), QTime(9, 0), utc);
        laterData.end = laterData.start.addSecs(3600);
        MyShift ops { QStringLiteral("Ops"), QStringLiteral("team-ops"), QStringLiteral("Ops"),
            QStringLiteral("pol-ops"), QDateTime(QDate(2026, 12, 8), QTime(9, 0), utc),
            QDateTime(QDate(2026, 12, 8), QTime(17, 0), utc), {} };
        QCOMPARE(OnCallModel::summaryLinesFor({ data }, now, { longer, ops, laterData }, utc),
            QStringList(
                { QStringLiteral(
                      "On call for Data (Data Primary) until Sun 6 Dec 09:00; next Wed 9 Dec "
                      "09:00\u201310:00"),
                    QStringLiteral("Next on call for Ops (Ops): Tue 8 Dec 09:00\u201317:00") }));
        QCOMPARE(OnCallModel::summaryLinesFor({}, now, { ops }, utc),
            QStringList({ QStringLiteral("Not on call"),
                QStringLiteral("Next on call for Ops (Ops): Tue 8 Dec 09:00\u201317:00") }));
        QCOMPARE(OnCallModel::summaryFor({}, now), QStringLiteral("Not on call"));
    }

    void shortTimes()
    {
        const QTimeZone utc = QTimeZone::utc();
        const QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), utc); // a Thursday
        QCOMPARE(OnCallModel::shortTime(now.addSecs(3600), now, utc), QStringLiteral("13:00"));
        // Not today: always the weekday, day and month.
        QCOMPARE(
            OnCallModel::shortTime(now.addDays(1), now, utc), QStringLiteral("Fri 27 Nov 12:00"));
        QCOMPARE(
            OnCallModel::shortTime(now.addDays(10), now, utc), QStringLiteral("Sun 6 Dec 12:00"));
        QCOMPARE(
            OnCallModel::shortTime(now.addDays(-1), now, utc), QStringLiteral("Wed 25 Nov 12:00"));
    }
};

QTEST_MAIN(TestOnCallModel)
#include "tst_oncallmodel.moc"
