// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ShiftReminder with an injected clock: a reminder the set time before a shift starts and before
// it ends, each once; none when off; a late look (after a sleep) still sends what is due and
// drops what went by; changed shifts and a changed lead time are looked at again. The words of
// the hand-over say how many incidents page the user.
#include "oncallmodel.h"
#include "shiftreminder.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace rota;
using Kind = ShiftReminder::Kind;

namespace {

const QDateTime T0(QDate(2026, 12, 8), QTime(9, 0), QTimeZone::utc());

MyShift shift(const QString& policy, const QDateTime& start, int hours)
{
    return { QStringLiteral("SRE"), QStringLiteral("team-sre"), policy + QStringLiteral(" Primary"),
        policy, start, start.addSecs(hours * 3600), {} };
}

struct Rig {
    Rig()
        : reminder(&model, nullptr)
        , spy(&reminder, &ShiftReminder::remind)
    {
        model.setClock([this] { return now; });
        reminder.setClock([this] { return now; });
    }
    QStringList keys() const
    {
        QStringList all;
        for (const QList<QVariant>& args : spy)
            all << args.at(1).toString();
        return all;
    }
    QDateTime now = T0.addSecs(-3600);
    OnCallModel model;
    ShiftReminder reminder;
    QSignalSpy spy;
};

} // namespace

class TestShiftReminder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void startAndEndOnceEach()
    {
        Rig rig;
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0, 8) });
        rig.reminder.setLeadMinutes(15);
        QCOMPARE(rig.spy.count(), 0);
        QCOMPARE(rig.reminder.nextDue(), T0.addSecs(-15 * 60));

        rig.now = T0.addSecs(-15 * 60);
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 1);
        QCOMPARE(rig.spy.last().at(0).value<Kind>(), Kind::Start);
        QCOMPARE(rig.spy.last().at(2).toString(), QStringLiteral("On call in 15 min: sre Primary"));
        QCOMPARE(rig.reminder.nextDue(), T0.addSecs(8 * 3600 - 15 * 60));
        // Never twice: more looks, the same shifts again.
        rig.now = T0.addSecs(-60);
        rig.reminder.check();
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0, 8) });
        QCOMPARE(rig.spy.count(), 1);

        rig.now = T0.addSecs(8 * 3600 - 10 * 60);
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 2);
        QCOMPARE(rig.spy.last().at(0).value<Kind>(), Kind::End);
        QCOMPARE(
            rig.spy.last().at(2).toString(), QStringLiteral("Hand-over in 10 min: sre Primary"));
        QVERIFY(!rig.reminder.nextDue().isValid());
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 2);
        QCOMPARE(rig.keys().size(), 2);
        QVERIFY(rig.keys().at(0) != rig.keys().at(1));
    }

    // The timer sends it by itself when its time comes (here 200 ms ahead).
    void timerFires()
    {
        Rig rig;
        QElapsedTimer elapsed;
        elapsed.start();
        const QDateTime base = T0.addSecs(-15 * 60).addMSecs(-200);
        rig.reminder.setClock([&] { return base.addMSecs(elapsed.elapsed()); });
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0, 8) });
        rig.reminder.setLeadMinutes(15);
        QCOMPARE(rig.spy.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(rig.spy.count(), 1, 5000);
        QCOMPARE(rig.spy.last().at(0).value<Kind>(), Kind::Start);
    }

    void offSendsNothing()
    {
        Rig rig;
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0, 8) });
        rig.reminder.setLeadMinutes(0);
        rig.now = T0.addSecs(-60);
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 0);
        QVERIFY(!rig.reminder.nextDue().isValid());
    }

    // Asleep through the start reminder's time: on waking before the start it still comes; asleep
    // past the start, it is dropped, and the hand-over comes in its time.
    void afterASleep()
    {
        Rig rig;
        rig.reminder.setLeadMinutes(30);
        rig.model.setMyShifts(
            { shift(QStringLiteral("a"), T0, 4), shift(QStringLiteral("b"), T0.addDays(1), 4) });
        rig.now = T0.addSecs(-5 * 60); // woke 25 min after the reminder's time
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 1);
        QCOMPARE(rig.spy.last().at(2).toString(), QStringLiteral("On call in 5 min: a Primary"));

        rig.now = T0.addDays(1).addSecs(3600); // slept through b's start
        rig.reminder.check();
        QCOMPARE(rig.spy.count(), 1);
        QCOMPARE(rig.reminder.nextDue(), T0.addDays(1).addSecs(4 * 3600 - 30 * 60));
    }

    // A changed schedule is looked at at once: a new shift's reminder, and one moved later is a
    // new shift.
    void changesAreLookedAt()
    {
        Rig rig;
        rig.reminder.setLeadMinutes(15);
        rig.now = T0.addSecs(-10 * 60);
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0, 8) });
        QCOMPARE(rig.spy.count(), 1);
        rig.model.setMyShifts({ shift(QStringLiteral("sre"), T0.addSecs(5 * 60), 8) });
        QCOMPARE(rig.spy.count(), 2);
        rig.reminder.setLeadMinutes(60);
        QCOMPARE(rig.spy.count(), 2);
    }

    void handOverWords()
    {
        const MyShift s = shift(QStringLiteral("sre"), T0, 8);
        const QDateTime now = T0.addSecs(8 * 3600 - 900);
        const QString none = ShiftReminder::bodyFor(Kind::End, s, now, 0, 0);
        QVERIFY2(none.contains(QStringLiteral("Nothing is paging you.")), qPrintable(none));
        const QString some = ShiftReminder::bodyFor(Kind::End, s, now, 3, 4);
        QVERIFY2(some.contains(QStringLiteral("3 incidents are paging you.")), qPrintable(some));
        QVERIFY2(some.contains(QStringLiteral("4 are acknowledged")), qPrintable(some));
        QVERIFY2(some.contains(QStringLiteral("notes")), qPrintable(some));
        QVERIFY(ShiftReminder::bodyFor(Kind::End, s, now, 1, 0)
                    .contains(QStringLiteral("1 incident is paging you.")));
    }
};

QTEST_MAIN(TestShiftReminder)
#include "tst_shiftreminder.moc"
