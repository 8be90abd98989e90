// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// RequestScheduler on its own, with a clock the test moves: limits, priority, reserve, back-off.
#include "requestscheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using Priority = RequestScheduler::Priority;

class TestRequestScheduler : public QObject {
    Q_OBJECT

    qint64 m_now = 1000000;
    QStringList m_started;

    void setUpClock(RequestScheduler& scheduler)
    {
        scheduler.setClock([this] { return m_now; });
    }
    std::function<void()> record(const QString& name)
    {
        return [this, name] { m_started.append(name); };
    }
    static void settle() { QCoreApplication::processEvents(); }

private Q_SLOTS:
    void init()
    {
        m_started.clear();
        m_now = 1000000;
    }

    void startsNoMoreThanTheLimitInAMinute()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 3);
        for (int i = 0; i < 5; ++i)
            scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QString::number(i)));
        settle();
        QCOMPARE(m_started,
            (QStringList { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2") }));
        QCOMPARE(scheduler.remaining(QStringLiteral("op")), 0);
        QCOMPARE(scheduler.queued(), 2);

        // Just before the minute (plus margin) is over nothing more may start.
        m_now += RequestScheduler::WindowMs + RequestScheduler::MarginMs - 1;
        scheduler.process();
        QCOMPARE(m_started.size(), 3);
        QCOMPARE(scheduler.waitFor(QStringLiteral("op"), Priority::User), 1);
        m_now += 1;
        scheduler.process();
        QCOMPARE(m_started.size(), 5);
        QCOMPARE(scheduler.queued(), 0);
    }

    void slidingWindowNeverAllowsMoreThanTheLimitInAnyMinute()
    {
        // Calls spread over time: at every instant, the starts in the last minute stay <= limit.
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 4);
        QList<qint64> startTimes;
        for (int i = 0; i < 20; ++i)
            scheduler.enqueue(QStringLiteral("op"), Priority::User,
                [this, &startTimes] { startTimes.append(m_now); });
        settle();
        for (int step = 0; step < 400 && scheduler.queued() > 0; ++step) {
            m_now += 7000;
            scheduler.process();
        }
        QCOMPARE(startTimes.size(), 20);
        for (qint64 t : std::as_const(startTimes)) {
            int inWindow = 0;
            for (qint64 u : std::as_const(startTimes))
                inWindow += (u > t - RequestScheduler::WindowMs && u <= t) ? 1 : 0;
            QVERIFY2(inWindow <= 4,
                qPrintable(
                    QStringLiteral("%1 starts in the minute before %2").arg(inWindow).arg(t)));
        }
    }

    void userOvertakesBackground()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 1);
        scheduler.enqueue(
            QStringLiteral("op"), Priority::Background, record(QStringLiteral("poll")));
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("ack")));
        settle();
        QCOMPARE(m_started, QStringList { QStringLiteral("ack") });
        m_now += RequestScheduler::WindowMs + RequestScheduler::MarginMs;
        scheduler.process();
        QCOMPARE(m_started, (QStringList { QStringLiteral("ack"), QStringLiteral("poll") }));
    }

    void backgroundLeavesAReserveForTheUser()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 10);
        for (int i = 0; i < 10; ++i)
            scheduler.enqueue(
                QStringLiteral("op"), Priority::Background, record(QStringLiteral("poll")));
        settle();
        QCOMPARE(m_started.size(), 8); // a fifth of the budget is kept for the user
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("ack")));
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("resolve")));
        settle();
        QCOMPARE(m_started.size(), 10);
        QCOMPARE(
            m_started.mid(8), (QStringList { QStringLiteral("ack"), QStringLiteral("resolve") }));
    }

    void operationsHaveSeparateBudgets()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("a"), 1);
        scheduler.setLimit(QStringLiteral("b"), 1);
        scheduler.enqueue(QStringLiteral("a"), Priority::User, record(QStringLiteral("a1")));
        scheduler.enqueue(QStringLiteral("a"), Priority::User, record(QStringLiteral("a2")));
        scheduler.enqueue(QStringLiteral("b"), Priority::User, record(QStringLiteral("b1")));
        settle();
        // a2 waits, but does not hold b1 back.
        QCOMPARE(m_started, (QStringList { QStringLiteral("a1"), QStringLiteral("b1") }));
    }

    void unlimitedOperationsStartAtOnce()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        for (int i = 0; i < 100; ++i)
            scheduler.enqueue(
                QStringLiteral("maintenance"), Priority::User, record(QStringLiteral("m")));
        settle();
        QCOMPARE(m_started.size(), 100);
        QCOMPARE(scheduler.remaining(QStringLiteral("maintenance")), -1);
    }

    void backOffHoldsTheOperation()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 60);
        QSignalSpy budget(&scheduler, &RequestScheduler::budgetChanged);
        scheduler.backOff(QStringLiteral("op"), 5000);
        QVERIFY(budget.count() >= 1);
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("x")));
        settle();
        QVERIFY(m_started.isEmpty());
        QCOMPARE(scheduler.waitFor(QStringLiteral("op"), Priority::User), 5000);
        m_now += 5000;
        scheduler.process();
        QCOMPARE(m_started, QStringList { QStringLiteral("x") });
    }

    void cancelRemovesAWaitingJob()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 1);
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("first")));
        const quint64 second = scheduler.enqueue(
            QStringLiteral("op"), Priority::User, record(QStringLiteral("second")));
        settle();
        QVERIFY(scheduler.cancel(second));
        QVERIFY(!scheduler.cancel(second));
        m_now += RequestScheduler::WindowMs + RequestScheduler::MarginMs;
        scheduler.process();
        QCOMPARE(m_started, QStringList { QStringLiteral("first") });
    }

    void budgetSignalReportsWhatIsLeft()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 20);
        QSignalSpy budget(&scheduler, &RequestScheduler::budgetChanged);
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("x")));
        settle();
        QCOMPARE(budget.count(), 1);
        QCOMPARE(budget.at(0).at(0).toString(), QStringLiteral("op"));
        QCOMPARE(budget.at(0).at(1).toInt(), 19);
        QCOMPARE(budget.at(0).at(2).toInt(), 20);
    }

    //! A job's expected wait counts the back-off and, for a spent budget, the jobs of the same
    //! operation queued before it; other operations and started jobs do not count.
    void expectedWaitCountsBackOffAndTheQueueBeforeIt()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 2);
        scheduler.setLimit(QStringLiteral("other"), 2);
        const quint64 first
            = scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("1")));
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("2")));
        settle();
        QCOMPARE(m_started.size(), 2);
        QCOMPARE(scheduler.expectedWait(first), 0); // started: not waiting
        m_now += 10000;
        const quint64 third
            = scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("3")));
        const quint64 fourth
            = scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("4")));
        const quint64 fifth
            = scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("5")));
        const quint64 unrelated = scheduler.enqueue(
            QStringLiteral("other"), Priority::User, record(QStringLiteral("x")));
        const qint64 window = RequestScheduler::WindowMs + RequestScheduler::MarginMs;
        // Both tokens were spent 10 s ago: the third and fourth get them back; the fifth waits
        // for the third's token, a window after the third starts.
        QCOMPARE(scheduler.expectedWait(third), window - 10000);
        QCOMPARE(scheduler.expectedWait(fourth), window - 10000);
        QCOMPARE(scheduler.expectedWait(fifth), 2 * window - 10000);
        QCOMPARE(scheduler.expectedWait(unrelated), 0);
        scheduler.backOff(QStringLiteral("other"), 120000);
        QCOMPARE(scheduler.expectedWait(unrelated), 120000);
        QCOMPARE(scheduler.expectedWait(12345), 0); // unknown
    }

    //! waiting() tells each job that cannot start its expected wait, once, and again only when
    //! the estimate moves; a job that starts at once is never told.
    void waitingIsToldOnceAndAgainWhenTheEstimateChanges()
    {
        RequestScheduler scheduler;
        setUpClock(scheduler);
        scheduler.setLimit(QStringLiteral("op"), 1);
        QSignalSpy waiting(&scheduler, &RequestScheduler::waiting);
        scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("now")));
        settle();
        QCOMPARE(m_started.size(), 1);
        QCOMPARE(waiting.count(), 0);

        const quint64 later
            = scheduler.enqueue(QStringLiteral("op"), Priority::User, record(QStringLiteral("2")));
        settle();
        QCOMPARE(waiting.count(), 1);
        QCOMPARE(waiting.at(0).at(0).toULongLong(), later);
        const qint64 window = RequestScheduler::WindowMs + RequestScheduler::MarginMs;
        QCOMPARE(waiting.at(0).at(1).toLongLong(), window);

        m_now += 500; // the same start time: nothing new to tell
        scheduler.process();
        QCOMPARE(waiting.count(), 1);

        scheduler.backOff(QStringLiteral("op"), 5 * 60000); // held longer than the budget's wait
        settle();
        QCOMPARE(waiting.count(), 2);
        QCOMPARE(waiting.at(1).at(1).toLongLong(), 5 * 60000);
        QVERIFY(scheduler.cancel(later));
        m_now += 5 * 60000;
        scheduler.process();
        QCOMPARE(m_started.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRequestScheduler)
#include "tst_requestscheduler.moc"
