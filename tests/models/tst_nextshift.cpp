// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The signed-in user's shifts from v2 schedules (shifts::mine) and how they are written: rolls
// merged per policy, the next shift of each policy, and dates in the local zone across daylight
// saving changes, with the team's rotation in another zone (America/New_York) than the user's
// (Europe/Berlin).
#include "nextshift.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace rota;

namespace {

const QTimeZone Berlin("Europe/Berlin");
const QTimeZone NewYork("America/New_York");

//! A time as the API writes it: the instant and the offset of the rotation's zone.
OffsetTime at(const QDateTime& wall)
{
    return OffsetTime::fromUtc(wall.toUTC(), wall.offsetFromUtc());
}

OnCallRoll roll(const QDateTime& start, const QDateTime& end, const QString& user)
{
    OnCallRoll r;
    r.start = at(start);
    r.end = at(end);
    r.onCallUser = user;
    r.isRoll = true;
    return r;
}

PolicySchedule policy(const QString& slug, const QString& name, const QList<OnCallRoll>& rolls)
{
    OnCallEntry entry;
    entry.onCallType = QStringLiteral("rotation_group");
    entry.rolls = rolls;
    PolicySchedule p;
    p.policy.slug = slug;
    p.policy.name = name;
    p.schedule = { entry };
    return p;
}

TeamSchedule team(const QString& slug, const QString& name, const QList<PolicySchedule>& policies)
{
    TeamSchedule t;
    t.teamSlug = slug;
    t.teamName = name;
    t.schedules = policies;
    return t;
}

//! Weekdays 09:00–17:00 New York time for `me`, nights for `other`, from `from` for `days`.
QList<OnCallRoll> newYorkDays(const QDate& from, int days, const QString& me, const QString& other)
{
    QList<OnCallRoll> rolls;
    for (int d = 0; d < days; ++d) {
        const QDate day = from.addDays(d);
        const QDateTime nine(day, QTime(9, 0), NewYork);
        const QDateTime five(day, QTime(17, 0), NewYork);
        rolls << roll(nine.addSecs(-16 * 3600), nine, other) << roll(nine, five, me);
    }
    return rolls;
}

} // namespace

class TestNextShift : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(Berlin.isValid());
        QVERIFY(NewYork.isValid());
    }

    void rollsMergePerPolicy()
    {
        const QTimeZone utc = QTimeZone::utc();
        const QDateTime t0(QDate(2026, 12, 7), QTime(9, 0), utc);
        // Cut at an override's edges, and a second rotation naming the user at once: one stretch.
        PolicySchedule sre = policy(QStringLiteral("pol-sre"), QStringLiteral("SRE Primary"),
            { roll(t0, t0.addSecs(3 * 3600), QStringLiteral("Alice")),
                roll(t0.addSecs(3 * 3600), t0.addSecs(5 * 3600), QStringLiteral("alice")),
                roll(t0.addSecs(5 * 3600), t0.addSecs(8 * 3600), QStringLiteral("bob")),
                roll(t0.addDays(1), t0.addDays(1).addSecs(8 * 3600), QStringLiteral("alice")) });
        OnCallEntry second;
        second.rolls
            = { roll(t0.addSecs(4 * 3600), t0.addSecs(6 * 3600), QStringLiteral("alice")) };
        sre.schedule << second;
        // An override: alice stands in for carol on the platform policy.
        PolicySchedule platform = policy(QStringLiteral("pol-plat"), QStringLiteral("Platform"),
            { roll(t0.addSecs(-3600), t0.addSecs(3600), QStringLiteral("alice")) });
        OnCallOverride override;
        override.origOnCallUser = QStringLiteral("carol");
        override.overrideOnCallUser = QStringLiteral("alice");
        override.start = at(t0.addSecs(-3600));
        override.end = at(t0.addSecs(3600));
        platform.overrides = { override };
        // The same policy listed by a second team counts once.
        const QList<TeamSchedule> teams { team(QStringLiteral("team-sre"), QStringLiteral("SRE"),
                                              { sre, platform }),
            team(QStringLiteral("team-x"), QStringLiteral("X"), { sre }) };

        const QList<MyShift> mine = shifts::mine(teams, QStringLiteral("ALICE"));
        QCOMPARE(mine.size(), 3);
        QCOMPARE(mine.at(0).policySlug, QStringLiteral("pol-plat"));
        QCOMPARE(mine.at(0).replaces, QStringLiteral("carol"));
        QCOMPARE(mine.at(1).policySlug, QStringLiteral("pol-sre"));
        QCOMPARE(mine.at(1).start, t0);
        QCOMPARE(mine.at(1).end, t0.addSecs(6 * 3600));
        QCOMPARE(mine.at(1).teamName, QStringLiteral("SRE"));
        QVERIFY(mine.at(1).replaces.isEmpty());
        QCOMPARE(mine.at(2).start, t0.addDays(1));
        QVERIFY(mine.at(1).key() != mine.at(2).key());
        QCOMPARE(shifts::mine(teams, QStringLiteral("bob")).size(), 1);
        QVERIFY(shifts::mine(teams, QString()).isEmpty());

        // Next per policy: the running one is not "next"; each policy's first after now.
        const QDateTime now = t0.addSecs(1800);
        QCOMPARE(shifts::runningOn(mine, QStringLiteral("pol-plat"), now).end, t0.addSecs(3600));
        QVERIFY(!shifts::runningOn(mine, QStringLiteral("pol-x"), now).start.isValid());
        const QList<MyShift> next = shifts::upcoming(mine, now);
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().start, t0.addDays(1));
        QVERIFY(shifts::upcoming(mine, now, { QStringLiteral("pol-sre") }).isEmpty());
        QCOMPARE(shifts::between(mine, t0.addDays(1), t0.addDays(2)).size(), 1);
    }

    // The rotation hands over at 09:00 and 17:00 in New York; the user reads Berlin time. Berlin
    // leaves summer time on Sunday 25 October 2026, New York a week later: in between, the same
    // New York shift is an hour earlier in Berlin.
    void acrossTimeZonesAndAutumnChange()
    {
        const QList<TeamSchedule> teams { team(QStringLiteral("team-sre"), QStringLiteral("SRE"),
            { policy(QStringLiteral("pol-sre"), QStringLiteral("SRE Primary"),
                newYorkDays(
                    QDate(2026, 10, 23), 12, QStringLiteral("me"), QStringLiteral("night"))) }) };
        const QList<MyShift> mine = shifts::mine(teams, QStringLiteral("me"));
        QCOMPARE(mine.size(), 12);
        const QDateTime now(QDate(2026, 10, 23), QTime(12, 0), QTimeZone::utc());

        // Friday 23 Oct, still summer time on both sides: 09:00 EDT is 15:00 CEST, today.
        QCOMPARE(shifts::describeNext(mine.at(0), now, {}, Berlin),
            QStringLiteral("Next on call for SRE (SRE Primary): 15:00\u201323:00"));
        // Monday 26 Oct: Berlin on winter time, New York not yet: 14:00 CET.
        QCOMPARE(shifts::span(mine.at(3).start, mine.at(3).end, now, Berlin),
            QStringLiteral("Mon 26 Oct 14:00\u201322:00"));
        // Monday 2 Nov: both on winter time: 15:00 CET again.
        QCOMPARE(shifts::span(mine.at(10).start, mine.at(10).end, now, Berlin),
            QStringLiteral("Mon 2 Nov 15:00\u201323:00"));
        // In the team's own zone the shift stays 09:00–17:00 throughout.
        for (const MyShift& shift : mine)
            QVERIFY(shifts::span(shift.start, shift.end, now, NewYork)
                        .endsWith(QStringLiteral("09:00\u201317:00")));
        QCOMPARE(mine.at(3).start.secsTo(mine.at(3).end), 8 * 3600);
    }

    // A night shift over the change: 20:00 to 08:00 Berlin time lasts 13 hours in October and 11
    // in March, and is written with both dates.
    void nightOverTheChange()
    {
        const QDateTime now(QDate(2026, 10, 24), QTime(9, 0), Berlin);
        const QDateTime autumnStart(QDate(2026, 10, 24), QTime(20, 0), Berlin);
        const QDateTime autumnEnd(QDate(2026, 10, 25), QTime(8, 0), Berlin);
        QCOMPARE(autumnStart.secsTo(autumnEnd), 13 * 3600);
        QCOMPARE(shifts::span(autumnStart, autumnEnd, now, Berlin),
            QStringLiteral("20:00 \u2013 Sun 25 Oct 08:00"));
        const QDateTime springNow(QDate(2026, 3, 27), QTime(9, 0), Berlin);
        const QDateTime springStart(QDate(2026, 3, 28), QTime(20, 0), Berlin);
        const QDateTime springEnd(QDate(2026, 3, 29), QTime(8, 0), Berlin);
        QCOMPARE(springStart.secsTo(springEnd), 11 * 3600);
        const QList<TeamSchedule> teams { team(QStringLiteral("team-ops"), QStringLiteral("Ops"),
            { policy(QStringLiteral("pol-ops"), QStringLiteral("Ops Nights"),
                { roll(springStart.toTimeZone(NewYork), springEnd.toTimeZone(NewYork),
                    QStringLiteral("me")) }) }) };
        const QList<MyShift> mine = shifts::mine(teams, QStringLiteral("me"));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(shifts::describeNext(mine.first(), springNow, {}, Berlin),
            QStringLiteral(
                "Next on call for Ops (Ops Nights): Sat 28 Mar 20:00 \u2013 Sun 29 Mar 08:00"));
        // Today's times without a date, other days' with weekday, day and month.
        QCOMPARE(
            shifts::when(springStart, springStart.addSecs(-3600), Berlin), QStringLiteral("20:00"));
        QCOMPARE(shifts::when(springEnd, springNow, Berlin), QStringLiteral("Sun 29 Mar 08:00"));
    }
};

QTEST_MAIN(TestNextShift)
#include "tst_nextshift.moc"
