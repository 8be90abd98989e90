// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Poll: the interval between its floor and ceiling, never two fetches in flight (asks dropped or
// queued), back-off growing after failures and forgotten after a success, what the service says
// about its rate limit, stop and start, and soon()'s one due() for many asks.

#include "poll.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;

class TestPoll : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void intervalKeepsToFloorAndCeiling()
    {
        Poll poll(30000, 15000, 600000);
        QCOMPARE(poll.interval(), 30000);
        poll.setInterval(1000);
        QCOMPARE(poll.interval(), 15000);
        poll.setInterval(60 * 60 * 1000);
        QCOMPARE(poll.interval(), 600000);
        poll.setInterval(45000);
        QCOMPARE(poll.interval(), 45000);

        // Lowering the floor lets a shorter interval through; raising it lifts the interval.
        poll.setFloor(10);
        poll.setInterval(20);
        QCOMPARE(poll.interval(), 20);
        poll.setFloor(100);
        QCOMPARE(poll.interval(), 100);
        poll.setFloor(0);
        QCOMPARE(poll.floor(), 1);

        Poll open(5, 10);
        QCOMPARE(open.interval(), 10);
        QCOMPARE(open.ceiling(), Poll::NoCeiling);
    }

    void nextFetchAfterTheInterval()
    {
        Poll poll(50, 50);
        QSignalSpy due(&poll, &Poll::due);
        poll.start();
        QCOMPARE(due.count(), 0); // the owner fetches first
        QCOMPARE(poll.nextIn(), -1);
        QVERIFY(poll.begin());
        poll.succeeded();
        QVERIFY(poll.nextIn() > 0);
        QVERIFY(poll.nextIn() <= 53);
        QTRY_COMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toBool(), false); // the timer is not the user
        QCOMPARE(poll.nextIn(), -1); // single shot: the next one follows the next fetch
    }

    void neverTwoInFlight()
    {
        Poll poll(50, 50);
        QSignalSpy due(&poll, &Poll::due);
        poll.start();
        QVERIFY(poll.begin());
        QVERIFY(poll.isInFlight());
        QVERIFY(!poll.begin());
        QVERIFY(!poll.begin(true));
        // Dropped: nothing is due while the first is out, and only the interval after it.
        QTest::qWait(120);
        QCOMPARE(due.count(), 0);
        poll.succeeded();
        QVERIFY(!poll.isInFlight());
        QCOMPARE(due.count(), 0);
        QVERIFY(poll.nextIn() > 0);

        // A fetch begun cancels the scheduled one.
        QVERIFY(poll.begin());
        QCOMPARE(poll.nextIn(), -1);
        QTest::qWait(120);
        QCOMPARE(due.count(), 0);
    }

    void askedWhileInFlightRunsOnceAfterwards()
    {
        Poll poll(1000, 1000);
        poll.setWhileInFlight(Poll::WhileInFlight::Queue);
        QSignalSpy due(&poll, &Poll::due);
        poll.start();
        QVERIFY(poll.begin());
        QVERIFY(!poll.begin());
        QVERIFY(!poll.begin(true));
        QVERIFY(!poll.begin());
        QCOMPARE(due.count(), 0);
        poll.failed();
        QCOMPARE(due.count(), 1); // once, at once, for the user, who asked
        QCOMPARE(due.at(0).at(0).toBool(), true);
        QCOMPARE(poll.nextIn(), -1); // the queued one goes instead of the timer

        // Once it has run, the queue is empty again.
        QVERIFY(poll.begin());
        poll.succeeded();
        QCOMPARE(due.count(), 1);
        QVERIFY(poll.nextIn() > 0);

        // abandon() drops the queued one too.
        QVERIFY(poll.begin());
        QVERIFY(!poll.begin(true));
        poll.abandon();
        QVERIFY(!poll.isInFlight());
        QVERIFY(poll.begin());
        poll.succeeded();
        QCOMPARE(due.count(), 1);
    }

    void backoffGrowsAndResets()
    {
        QCOMPARE(Poll::backoffDelay(0, 100, 1000), 0);
        QCOMPARE(Poll::backoffDelay(1, 100, 1000), 100);
        QCOMPARE(Poll::backoffDelay(2, 100, 1000), 200);
        QCOMPARE(Poll::backoffDelay(4, 100, 1000), 800);
        QCOMPARE(Poll::backoffDelay(5, 100, 1000), 1000);
        QCOMPARE(Poll::backoffDelay(100000, 100, 1000), 1000);

        Poll poll(60000, 10, 120000);
        poll.setBackoff(1000, 10000);
        poll.start();
        const QList<int> expected { 1000, 2000, 4000, 8000, 10000, 10000 };
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY(poll.begin());
            QCOMPARE(poll.failed(), expected.at(i));
            QCOMPARE(poll.failures(), i + 1);
            // A coarse timer: within 5% of the delay, and time passes.
            QVERIFY(poll.nextIn() > expected.at(i) * 9 / 10);
            QVERIFY(poll.nextIn() <= expected.at(i) * 21 / 20);
        }
        // A success forgets the failures: the interval again, and the back-off starts over.
        QVERIFY(poll.begin());
        poll.succeeded();
        QCOMPARE(poll.failures(), 0);
        QVERIFY(poll.nextIn() > 10000);
        QVERIFY(poll.begin());
        QCOMPARE(poll.failed(), 1000);

        // While backing off, a shorter interval does not cut the wait; otherwise it does.
        poll.setInterval(20);
        QVERIFY(poll.nextIn() > 500);
        poll.setInterval(60000);
        QVERIFY(poll.begin());
        poll.succeeded();
        QVERIFY(poll.nextIn() > 10000);
        poll.setInterval(30);
        QVERIFY(poll.nextIn() <= 32);
    }

    void withoutBackoffAFailureWaitsTheInterval()
    {
        Poll poll(500, 10);
        poll.start();
        for (int i = 0; i < 3; ++i) {
            QVERIFY(poll.begin());
            QCOMPARE(poll.failed(), 500);
        }
        QCOMPARE(poll.failures(), 3);
    }

    void rateLimitIsHonouredUpToTheCeiling()
    {
        Poll poll(100, 10, 3000);
        poll.setBackoff(100, 1000);
        poll.start();
        QVERIFY(poll.begin());
        QCOMPARE(poll.failed(2000), 2000); // the service's word beats the back-off
        QVERIFY(poll.nextIn() > 1500);
        QVERIFY(poll.begin());
        QCOMPARE(poll.failed(50), 200); // and the back-off a shorter word
        QVERIFY(poll.begin());
        QCOMPARE(poll.failed(3600 * 1000), 3000); // never past the ceiling
    }

    void stoppedSchedulesNothing()
    {
        Poll poll(30, 10);
        poll.setBackoff(30, 100);
        QSignalSpy due(&poll, &Poll::due);

        // Never started: a fetch may run (a user's refresh) but schedules nothing.
        QVERIFY(!poll.isRunning());
        QVERIFY(poll.begin(true));
        poll.succeeded();
        QCOMPARE(poll.nextIn(), -1);
        QVERIFY(poll.begin(true));
        QCOMPARE(poll.failed(), 30); // the delay is still told
        QCOMPARE(poll.nextIn(), -1);

        // Started, then stopped with the next fetch waiting: it never comes.
        poll.start();
        QCOMPARE(poll.failures(), 0);
        QVERIFY(poll.begin());
        poll.succeeded();
        QVERIFY(poll.nextIn() > 0);
        poll.stop();
        QVERIFY(!poll.isRunning());
        QCOMPARE(poll.nextIn(), -1);
        QTest::qWait(100);
        QCOMPARE(due.count(), 0);

        // A fetch in flight when stopped ends without scheduling one.
        poll.start();
        QVERIFY(poll.begin());
        poll.stop();
        QVERIFY(poll.isInFlight());
        poll.succeeded();
        QCOMPARE(poll.nextIn(), -1);

        // Started again, the interval runs again.
        poll.start();
        QVERIFY(poll.begin());
        poll.succeeded();
        QTRY_COMPARE(due.count(), 1);
    }

    void soonIsOnceForManyAsks()
    {
        Poll poll(60000, 10);
        QSignalSpy due(&poll, &Poll::due);
        poll.soon();
        poll.soon();
        QTest::qWait(Poll::SoonMs / 3);
        poll.soon();
        QCOMPARE(due.count(), 0);
        QTRY_COMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toBool(), true);
        QTest::qWait(Poll::SoonMs + 100);
        QCOMPARE(due.count(), 1);

        // stop() also cancels a soon() that has not come yet.
        poll.soon();
        poll.stop();
        QTest::qWait(Poll::SoonMs + 100);
        QCOMPARE(due.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPoll)
#include "tst_poll.moc"
