// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// NotificationFilter: which incidents of a refresh get a desktop notification. The first snapshot
// is silent; one incident is notified once however many snapshots hold it; the scope rules
// (off, paging me, my teams, all); quiet hours, also wrapping midnight, against an injected clock;
// a pause for 30 minutes that ends by itself and one until resumed; held-back incidents stay
// silent afterwards; a resolved incident that shows up triggered again stays silent (decided: an
// incident number is notified once per session). Quiet hours and a pause never silence a direct
// page while on call (on call / off call x quiet / not x paused / not x direct / team page), and
// which incidents keep alarming until acknowledged.

#include "notificationfilter.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;

namespace {

Incident incident(int number, Phase phase, const QStringList& users = { QStringLiteral("me") },
    const QStringList& teams = {})
{
    Incident i;
    i.incidentNumber = QString::number(number);
    i.phase = phase;
    i.entityDisplayName = QStringLiteral("Disk full on db-%1").arg(number);
    i.pagedUsers = users;
    i.pagedTeams = teams;
    return i;
}

QStringList numbers(const QList<Incident>& incidents)
{
    QStringList result;
    for (const Incident& i : incidents)
        result << i.incidentNumber;
    return result;
}

} // namespace

class TestNotificationFilter : public QObject {
    Q_OBJECT

private:
    QDateTime m_now;

    std::unique_ptr<NotificationFilter> make(
        Preferences::Notify notify = Preferences::Notify::PagingMe)
    {
        auto filter = std::make_unique<NotificationFilter>([this] { return m_now; });
        Preferences p;
        p.notify = notify;
        filter->setPreferences(p);
        filter->setIdentity(QStringLiteral("Me"), { QStringLiteral("platform") });
        return filter;
    }

private Q_SLOTS:
    void init() { m_now = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::LocalTime); }

    void firstSnapshotIsSilent()
    {
        auto filter = make();
        QVERIFY(filter->awaitsBaseline());
        QCOMPARE(numbers(filter->take({ incident(1, Phase::Triggered) })), QStringList());
        QVERIFY(!filter->awaitsBaseline());
        // Still there in the next snapshot: still silent; a new one is notified.
        QCOMPARE(
            numbers(filter->take({ incident(1, Phase::Triggered), incident(2, Phase::Triggered) })),
            QStringList { QStringLiteral("2") });
        // An empty first snapshot is a baseline too.
        filter->reset();
        QCOMPARE(numbers(filter->take({})), QStringList());
        QCOMPARE(numbers(filter->take({ incident(3, Phase::Triggered) })),
            QStringList { QStringLiteral("3") });
    }

    void deduplicates()
    {
        auto filter = make();
        filter->take({});
        int notified = 0;
        for (int i = 0; i < 20; ++i)
            notified += int(filter->take({ incident(7, Phase::Triggered) }).size());
        QCOMPARE(notified, 1);
        // Acknowledged, resolved, and then (oddly) triggered again: still once.
        QVERIFY(filter->take({ incident(7, Phase::Acknowledged) }).isEmpty());
        QVERIFY(filter->take({ incident(7, Phase::Resolved) }).isEmpty());
        QVERIFY(filter->take({ incident(7, Phase::Triggered) }).isEmpty());
        // A new session forgets: its first snapshot is a baseline again.
        filter->reset();
        QVERIFY(filter->take({ incident(7, Phase::Triggered) }).isEmpty());
        QVERIFY(filter->take({ incident(7, Phase::Triggered) }).isEmpty());
    }

    void onlyTriggered()
    {
        auto filter = make();
        filter->take({});
        QCOMPARE(numbers(filter->take({ incident(1, Phase::Acknowledged),
                     incident(2, Phase::Resolved), incident(3, Phase::Triggered) })),
            QStringList { QStringLiteral("3") });
        // Seen acknowledged, then triggered (a reroute pages again): notified then, once.
        QCOMPARE(numbers(filter->take({ incident(1, Phase::Triggered) })),
            QStringList { QStringLiteral("1") });
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
    }

    void scope_data()
    {
        QTest::addColumn<int>("notify");
        QTest::addColumn<QStringList>("expected");
        // 1 pages me (any case), 2 pages my team, 3 someone else's team, 4 another user.
        QTest::newRow("off") << int(Preferences::Notify::Off) << QStringList();
        QTest::newRow("paging me")
            << int(Preferences::Notify::PagingMe) << QStringList { QStringLiteral("1") };
        QTest::newRow("my teams") << int(Preferences::Notify::MyTeams)
                                  << QStringList { QStringLiteral("1"), QStringLiteral("2") };
        QTest::newRow("all") << int(Preferences::Notify::All)
                             << QStringList { QStringLiteral("1"), QStringLiteral("2"),
                                    QStringLiteral("3"), QStringLiteral("4") };
    }

    void scope()
    {
        QFETCH(int, notify);
        QFETCH(QStringList, expected);
        auto filter = make(Preferences::Notify(notify));
        filter->take({});
        const QList<Incident> snapshot {
            incident(1, Phase::Triggered, { QStringLiteral("someone"), QStringLiteral("ME") }),
            incident(2, Phase::Triggered, {}, { QStringLiteral("platform") }),
            incident(3, Phase::Triggered, {}, { QStringLiteral("payments") }),
            incident(4, Phase::Triggered, { QStringLiteral("someone") }),
        };
        QCOMPARE(numbers(filter->take(snapshot)), expected);
        QVERIFY(filter->take(snapshot).isEmpty());
    }

    void outOfScopeThenReroutedToMe()
    {
        auto filter = make();
        filter->take({});
        QVERIFY(
            filter->take({ incident(5, Phase::Triggered, { QStringLiteral("other") }) }).isEmpty());
        // Rerouted to me while still triggered: now it is mine.
        QCOMPARE(numbers(filter->take({ incident(
                     5, Phase::Triggered, { QStringLiteral("other"), QStringLiteral("me") }) })),
            QStringList { QStringLiteral("5") });
    }

    void offDoesNotFloodWhenTurnedOn()
    {
        auto filter = make(Preferences::Notify::Off);
        filter->take({});
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
        Preferences p = filter->preferences();
        p.notify = Preferences::Notify::PagingMe;
        filter->setPreferences(p);
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
        QCOMPARE(
            numbers(filter->take({ incident(1, Phase::Triggered), incident(2, Phase::Triggered) })),
            QStringList { QStringLiteral("2") });
    }

    void quietHours_data()
    {
        QTest::addColumn<QTime>("from");
        QTest::addColumn<QTime>("to");
        QTest::addColumn<QTime>("now");
        QTest::addColumn<bool>("quiet");
        QTest::newRow("day span, inside") << QTime(9, 0) << QTime(17, 0) << QTime(12, 0) << true;
        QTest::newRow("day span, at start") << QTime(9, 0) << QTime(17, 0) << QTime(9, 0) << true;
        QTest::newRow("day span, at end") << QTime(9, 0) << QTime(17, 0) << QTime(17, 0) << false;
        QTest::newRow("day span, before") << QTime(9, 0) << QTime(17, 0) << QTime(8, 59) << false;
        QTest::newRow("wraps, late evening")
            << QTime(22, 0) << QTime(7, 0) << QTime(23, 30) << true;
        QTest::newRow("wraps, after midnight")
            << QTime(22, 0) << QTime(7, 0) << QTime(0, 15) << true;
        QTest::newRow("wraps, early morning")
            << QTime(22, 0) << QTime(7, 0) << QTime(6, 59) << true;
        QTest::newRow("wraps, morning") << QTime(22, 0) << QTime(7, 0) << QTime(7, 0) << false;
        QTest::newRow("wraps, afternoon") << QTime(22, 0) << QTime(7, 0) << QTime(15, 0) << false;
    }

    void quietHours()
    {
        QFETCH(QTime, from);
        QFETCH(QTime, to);
        QFETCH(QTime, now);
        QFETCH(bool, quiet);
        auto filter = make();
        Preferences p = filter->preferences();
        p.quietHours = true;
        p.quietFrom = from;
        p.quietTo = to;
        filter->setPreferences(p);
        m_now = QDateTime(QDate(2026, 3, 2), now, Qt::LocalTime);
        QCOMPARE(filter->isQuiet(), quiet);
        filter->take({});
        QCOMPARE(filter->take({ incident(1, Phase::Triggered) }).size(), quiet ? 0 : 1);
        // Held back in the quiet hours, it does not come once they end.
        m_now = QDateTime(QDate(2026, 3, 3), to, Qt::LocalTime); // the end: never quiet
        QVERIFY(!filter->isQuiet());
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
        // Quiet hours switched off: nothing is quiet.
        p.quietHours = false;
        filter->setPreferences(p);
        QVERIFY(!filter->isQuiet());
    }

    void pauseThirtyMinutes()
    {
        auto filter = make();
        QSignalSpy changed(filter.get(), &NotificationFilter::pauseChanged);
        filter->take({});
        filter->pauseFor(30 * 60);
        QCOMPARE(changed.size(), 1);
        QVERIFY(filter->isPaused());
        QCOMPARE(filter->pausedUntil(), m_now.addSecs(30 * 60));
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
        m_now = m_now.addSecs(29 * 60);
        QVERIFY(filter->isPaused());
        QVERIFY(filter->take({ incident(2, Phase::Triggered) }).isEmpty());
        m_now = m_now.addSecs(60);
        QVERIFY(!filter->isPaused());
        QVERIFY(!filter->pausedUntil().isValid());
        // What came during the pause stays silent; new ones are notified again.
        QCOMPARE(numbers(filter->take({ incident(1, Phase::Triggered),
                     incident(2, Phase::Triggered), incident(3, Phase::Triggered) })),
            QStringList { QStringLiteral("3") });
    }

    void pauseUntilResumed()
    {
        auto filter = make();
        QSignalSpy changed(filter.get(), &NotificationFilter::pauseChanged);
        filter->take({});
        filter->pauseIndefinitely();
        QVERIFY(filter->isPaused());
        QVERIFY(!filter->pausedUntil().isValid());
        m_now = m_now.addDays(3);
        QVERIFY(filter->isPaused());
        QVERIFY(filter->take({ incident(1, Phase::Triggered) }).isEmpty());
        filter->resume();
        QVERIFY(!filter->isPaused());
        QCOMPARE(changed.size(), 2);
        filter->resume(); // not paused: no signal
        QCOMPARE(changed.size(), 2);
        QCOMPARE(numbers(filter->take({ incident(2, Phase::Triggered) })),
            QStringList { QStringLiteral("2") });
        // A timed pause replaces one until resumed, and the other way round.
        filter->pauseIndefinitely();
        filter->pauseFor(3600);
        QCOMPARE(filter->pausedUntil(), m_now.addSecs(3600));
        filter->pauseIndefinitely();
        m_now = m_now.addSecs(7200);
        QVERIFY(filter->isPaused());
        // The pause outlives a new session.
        filter->reset();
        QVERIFY(filter->isPaused());
    }

    void directPagesWhileOnCallAreNeverSilenced_data()
    {
        QTest::addColumn<bool>("onCall");
        QTest::addColumn<QString>("hush"); // "none", "quiet" (quiet hours) or "pause"
        QTest::addColumn<bool>("direct");
        QTest::addColumn<bool>("notified");
        for (const bool onCall : { true, false }) {
            for (const QString& hush :
                { QStringLiteral("none"), QStringLiteral("quiet"), QStringLiteral("pause") }) {
                for (const bool direct : { true, false }) {
                    const bool notified = hush == QLatin1String("none") || (onCall && direct);
                    QTest::addRow("%s, %s, %s", onCall ? "on call" : "off call", qPrintable(hush),
                        direct ? "direct" : "team")
                        << onCall << hush << direct << notified;
                }
            }
        }
    }

    void directPagesWhileOnCallAreNeverSilenced()
    {
        QFETCH(bool, onCall);
        QFETCH(QString, hush);
        QFETCH(bool, direct);
        QFETCH(bool, notified);
        // 23:30 local time; quiet hours 22:00 to 07:00 when asked for.
        m_now = QDateTime(QDate(2026, 3, 2), QTime(23, 30), Qt::LocalTime);
        auto filter = make(Preferences::Notify::MyTeams);
        Preferences p = filter->preferences();
        p.quietHours = hush == QLatin1String("quiet");
        filter->setPreferences(p);
        if (hush == QLatin1String("pause"))
            filter->pauseFor(3600);
        filter->setOnCall(onCall);
        filter->take({});
        QCOMPARE(filter->isQuiet(), hush == QLatin1String("quiet"));
        const Incident page = direct
            ? incident(7, Phase::Triggered)
            : incident(7, Phase::Triggered, {}, { QStringLiteral("platform") });
        QCOMPARE(filter->isSilenced(page), !notified);
        QCOMPARE(numbers(filter->take({ page })),
            notified ? QStringList { QStringLiteral("7") } : QStringList());
        // Only a notified direct page keeps alarming, and only while triggered.
        QCOMPARE(filter->isAlarming(page, Phase::Triggered), notified && direct);
        QVERIFY(!filter->isAlarming(page, Phase::Acknowledged));
    }

    void alarmingFollowsTheRules()
    {
        auto filter = make();
        const Incident before = incident(1, Phase::Triggered);
        const Incident ackedBefore = incident(2, Phase::Acknowledged);
        const Incident someoneElse = incident(3, Phase::Triggered, { QStringLiteral("ann") });
        filter->take({ before, ackedBefore, someoneElse });
        // The baseline's direct page alarms (it is summed up at start); the others do not.
        QVERIFY(filter->isAlarming(before, Phase::Triggered));
        QVERIFY(!filter->isAlarming(ackedBefore, Phase::Triggered));
        QVERIFY(!filter->isAlarming(someoneElse, Phase::Triggered));
        // Quiet hours off call hush it; on call they do not.
        Preferences p = filter->preferences();
        p.quietHours = true;
        p.quietFrom = QTime(11, 0);
        p.quietTo = QTime(13, 0);
        filter->setPreferences(p);
        QVERIFY(!filter->isAlarming(before, Phase::Triggered));
        filter->setOnCall(true);
        QVERIFY(filter->isAlarming(before, Phase::Triggered));
        // Notifications off: nothing alarms.
        p.notify = Preferences::Notify::Off;
        filter->setPreferences(p);
        QVERIFY(!filter->isAlarming(before, Phase::Triggered));
        // A new session forgets it.
        p.notify = Preferences::Notify::PagingMe;
        filter->setPreferences(p);
        filter->reset();
        QVERIFY(!filter->isAlarming(before, Phase::Triggered));
    }
};

QTEST_GUILESS_MAIN(TestNotificationFilter)
#include "tst_notificationfilter.moc"
