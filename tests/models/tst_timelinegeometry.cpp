// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// TimelineGeometry: times to x and shifts to rectangles across daylight-saving changes
// (Europe/London and America/New_York, spring and autumn 2026), switching zones, and clipping.

#include "timelinegeometry.h"

#include <QTest>

using namespace rota;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QStringList labels(const QList<TimelineTick>& ticks)
{
    QStringList out;
    for (const TimelineTick& tick : ticks)
        out.append(tick.label);
    return out;
}

const QTimeZone london("Europe/London");
const QTimeZone newYork("America/New_York");

} // namespace

class TestTimelineGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zonesAreKnown()
    {
        QVERIFY(london.isValid());
        QVERIFY(newYork.isValid());
    }

    void londonSpringForwardDayHas23Hours()
    {
        TimelineGeometry g;
        g.setZone(london);
        g.setRange(QDate(2026, 3, 29), 1);
        g.setArea(100, 230); // 10 px per real hour
        QCOMPARE(g.start(), utc("2026-03-29T00:00:00Z"));
        QCOMPARE(g.end(), utc("2026-03-28T23:00:00Z").addDays(1)); // 23:00 UTC = midnight BST
        QCOMPARE(g.spanMs(), 23LL * 3600 * 1000);
        // 00:00 GMT until 12:00 BST (11:00 UTC): 11 real hours.
        const QRectF rect = g.shiftRect(QDateTime(QDate(2026, 3, 29), QTime(0, 0), london),
            QDateTime(QDate(2026, 3, 29), QTime(12, 0), london), 5, 20);
        QCOMPARE(rect, QRectF(100, 5, 110, 20));
        // Noon BST lies 11/23 of the way, not 12/24.
        QCOMPARE(g.xFor(utc("2026-03-29T11:00:00Z")), 210.0);
        const QStringList hours = labels(g.hourTicks(1));
        QCOMPARE(hours.size(), 23);
        QVERIFY(!hours.contains(QStringLiteral("01"))); // 01:00 does not happen that night
        QCOMPARE(hours.mid(0, 3),
            QStringList({ QStringLiteral("00"), QStringLiteral("02"), QStringLiteral("03") }));
        QCOMPARE(hours.last(), QStringLiteral("23"));
    }

    void londonFallBackDayHas25Hours()
    {
        TimelineGeometry g;
        g.setZone(london);
        g.setRange(QDate(2026, 10, 25), 1);
        g.setArea(0, 250);
        QCOMPARE(g.start(), utc("2026-10-24T23:00:00Z"));
        QCOMPARE(g.end(), utc("2026-10-26T00:00:00Z"));
        QCOMPARE(g.spanMs(), 25LL * 3600 * 1000);
        // 01:00 BST (00:00 UTC) to 01:00 GMT (01:00 UTC): one real hour, 10 px.
        const QRectF rect
            = g.shiftRect(utc("2026-10-25T00:00:00Z"), utc("2026-10-25T01:00:00Z"), 0, 10);
        QCOMPARE(rect.left(), 10.0);
        QCOMPARE(rect.width(), 10.0);
        const QStringList hours = labels(g.hourTicks(1));
        QCOMPARE(hours.size(), 25);
        QCOMPARE(hours.count(QStringLiteral("01")), 2); // the hour that happens twice
        // Ticks are evenly spaced in real time.
        const QList<TimelineTick> ticks = g.hourTicks(1);
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QCOMPARE(ticks.at(i).x - ticks.at(i - 1).x, 10.0);
    }

    void weekAcrossTheChangeDrawsTheShortDayShorter()
    {
        TimelineGeometry g;
        g.setZone(london);
        g.setRange(QDate(2026, 3, 27), 4); // Fri..Mon, Sunday the 29th is short
        g.setArea(0, 95 * 10); // 24 + 24 + 23 + 24 hours
        const QList<TimelineTick> days = g.dayTicks();
        QCOMPARE(days.size(), 5);
        QCOMPARE(days.at(1).x - days.at(0).x, 240.0);
        QCOMPARE(days.at(2).x - days.at(1).x, 240.0);
        QCOMPARE(days.at(3).x - days.at(2).x, 230.0);
        QCOMPARE(days.at(4).x - days.at(3).x, 240.0);
        QCOMPARE(days.at(4).x, 950.0);
        // A weekly-style shift from Saturday 09:00 to Monday 09:00 local is 47 real hours.
        const QRectF rect = g.shiftRect(QDateTime(QDate(2026, 3, 28), QTime(9, 0), london),
            QDateTime(QDate(2026, 3, 30), QTime(9, 0), london), 0, 10);
        QCOMPARE(rect.width(), 470.0);
        QVERIFY(days.at(2).label.contains(QStringLiteral("29")));
    }

    void newYorkChangesToo()
    {
        TimelineGeometry g;
        g.setZone(newYork);
        g.setRange(QDate(2026, 3, 8), 1);
        g.setArea(0, 230);
        QCOMPARE(g.spanMs(), 23LL * 3600 * 1000);
        QCOMPARE(g.start(), utc("2026-03-08T05:00:00Z"));
        QStringList hours = labels(g.hourTicks(1));
        QVERIFY(!hours.contains(QStringLiteral("02")));
        QCOMPARE(hours.size(), 23);

        g.setRange(QDate(2026, 11, 1), 1);
        g.setArea(0, 250);
        QCOMPARE(g.spanMs(), 25LL * 3600 * 1000);
        QCOMPARE(g.start(), utc("2026-11-01T04:00:00Z"));
        hours = labels(g.hourTicks(1));
        QCOMPARE(hours.count(QStringLiteral("01")), 2);
        // 00:00 EDT to 03:00 EST is four real hours.
        const QRectF rect = g.shiftRect(QDateTime(QDate(2026, 11, 1), QTime(0, 0), newYork),
            QDateTime(QDate(2026, 11, 1), QTime(3, 0), newYork), 0, 10);
        QCOMPARE(rect, QRectF(0, 0, 40, 10));
        // Every sixth hour on the long day: 00, 06, 12, 18.
        QCOMPARE(labels(g.hourTicks(6)),
            QStringList({ QStringLiteral("00"), QStringLiteral("06"), QStringLiteral("12"),
                QStringLiteral("18") }));
    }

    void switchingZoneMovesTheSameShift()
    {
        TimelineGeometry g;
        g.setRange(QDate(2026, 6, 1), 1);
        g.setArea(0, 240);
        const QDateTime from = utc("2026-06-01T12:00:00Z");
        const QDateTime to = utc("2026-06-01T14:00:00Z");
        g.setZone(london); // BST: 13:00..15:00 local
        QCOMPARE(g.shiftRect(from, to, 0, 10), QRectF(130, 0, 20, 10));
        QCOMPARE(labels(g.hourTicks(1)).first(), QStringLiteral("00"));
        g.setZone(newYork); // EDT: 08:00..10:00 local
        QCOMPARE(g.start(), utc("2026-06-01T04:00:00Z"));
        QCOMPARE(g.shiftRect(from, to, 0, 10), QRectF(80, 0, 20, 10));
        // The tick at x = 80 says 08 in New York.
        const QList<TimelineTick> ticks = g.hourTicks(1);
        QCOMPARE(ticks.at(8).x, 80.0);
        QCOMPARE(ticks.at(8).label, QStringLiteral("08"));
        QCOMPARE(ticks.at(8).at, from);
        // An invalid zone means local time.
        g.setZone(QTimeZone());
        QCOMPARE(g.zone(), QTimeZone::systemTimeZone());
    }

    void shiftsAreClippedToTheRange()
    {
        TimelineGeometry g;
        g.setZone(QTimeZone("UTC"));
        g.setRange(QDate(2026, 1, 10), 2);
        g.setArea(50, 480); // 10 px per hour
        // Started before, ends inside.
        QCOMPARE(g.shiftRect(utc("2026-01-09T18:00:00Z"), utc("2026-01-10T06:00:00Z"), 0, 8),
            QRectF(50, 0, 60, 8));
        // Starts inside, ends after.
        QCOMPARE(g.shiftRect(utc("2026-01-11T20:00:00Z"), utc("2026-01-13T00:00:00Z"), 0, 8),
            QRectF(50 + 440, 0, 40, 8));
        // Covers it all.
        QCOMPARE(g.shiftRect(utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z"), 0, 8),
            QRectF(50, 0, 480, 8));
        // Entirely before or after, touching the edges, or invalid: nothing.
        QVERIFY(
            g.shiftRect(utc("2026-01-09T00:00:00Z"), utc("2026-01-10T00:00:00Z"), 0, 8).isNull());
        QVERIFY(
            g.shiftRect(utc("2026-01-12T00:00:00Z"), utc("2026-01-12T05:00:00Z"), 0, 8).isNull());
        QVERIFY(g.shiftRect(QDateTime(), utc("2026-01-11T00:00:00Z"), 0, 8).isNull());
        QVERIFY(!g.overlaps(utc("2026-01-12T00:00:00Z"), utc("2026-01-13T00:00:00Z")));
        QVERIFY(g.overlaps(utc("2026-01-11T23:59:00Z"), utc("2026-01-13T00:00:00Z")));
        // x beyond the area is not clamped; timeAt inverts it.
        QCOMPARE(g.xFor(utc("2026-01-09T23:00:00Z")), 40.0);
        QCOMPARE(g.timeAt(50 + 125), utc("2026-01-10T12:30:00Z"));
    }

    void hourStepFollowsTheSpace()
    {
        TimelineGeometry g;
        g.setZone(QTimeZone("UTC"));
        g.setRange(QDate(2026, 1, 10), 1);
        g.setArea(0, 960); // 40 px an hour
        QCOMPARE(g.hourStepFor(30), 1);
        g.setRange(QDate(2026, 1, 10), 7);
        QCOMPARE(g.hourStepFor(30), 6); // ~5.7 px an hour
        g.setRange(QDate(2026, 1, 10), 28);
        QCOMPARE(g.hourStepFor(30), 24);
        QCOMPARE(g.hourTicks(24).size(), 28);
    }
};

QTEST_GUILESS_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
