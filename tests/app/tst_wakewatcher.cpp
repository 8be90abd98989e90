// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// WakeWatcher: a fake logind (org.freedesktop.login1 owned on the private session bus of
// scripts/headless) sends PrepareForSleep: woke() on false (resumed), not on true (going to
// sleep); the clock-jump fallback with injected clocks (and its real timer); a resume and its
// clock jump are one wake; the network coming back. Then Rota's session (a Workspace against an
// in-process rota-sim over HTTP): a wake reads the incidents and who is on call at once, so an
// incident that came meanwhile shows without waiting for the interval; and the session's
// preferences set the pace of the refresh.
//
// Without a session bus the logind test skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (CI).

#include "incidentmodel.h"
#include "incidentpoller.h"
#include "mainwindow.h"
#include "oncallmodel.h"
#include "operations.h"
#include "refreshpace.h"
#include "settings.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "wakewatcher.h"
#include "workspace.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;
using Reason = WakeWatcher::Reason;
using Reachability = QNetworkInformation::Reachability;

namespace {

bool required() { return qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1; }

const QString LoginService = QStringLiteral("org.freedesktop.login1");
const QString LoginPath = QStringLiteral("/org/freedesktop/login1");
const QString LoginInterface = QStringLiteral("org.freedesktop.login1.Manager");

//! Clocks the test moves by hand.
struct FakeClocks {
    qint64 wall = 1'800'000'000'000; // some time in 2027
    qint64 monotonic = 5'000;

    void install(WakeWatcher& watcher)
    {
        watcher.setClocks([this] { return wall; }, [this] { return monotonic; });
    }
    //! Both clocks go on together, as while the computer is awake.
    void awake(qint64 ms)
    {
        wall += ms;
        monotonic += ms;
    }
    //! Only the wall clock goes on, as while the computer sleeps.
    void asleep(qint64 ms) { wall += ms; }
};

const QString MarkerPath = QStringLiteral("/test");
const QString MarkerInterface = QStringLiteral("org.rota.Test");

//! Counts the test's marker signals (QtDBus delivers signals to named slots only).
class MarkerCatcher : public QObject {
    Q_OBJECT
public:
    int count = 0;
public Q_SLOTS:
    void done() { ++count; }
};

QList<Reason> reasons(const QSignalSpy& spy)
{
    QList<Reason> list;
    for (const QList<QVariant>& args : spy)
        list.append(args.at(0).value<Reason>());
    return list;
}

} // namespace

class TestWakeWatcher : public QObject {
    Q_OBJECT

    //! The fake logind's own connection: a sender other than the watcher's.
    std::unique_ptr<QDBusConnection> m_logind;

    //! PrepareForSleep(start) from the fake logind; false when it could not be sent.
    bool prepareForSleep(bool start)
    {
        QDBusMessage signal = QDBusMessage::createSignal(
            LoginPath, LoginInterface, QStringLiteral("PrepareForSleep"));
        signal << start;
        return m_logind->send(signal);
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        if (m_logind) {
            m_logind->unregisterService(LoginService);
            QDBusConnection::disconnectFromBus(QStringLiteral("fake-logind"));
        }
    }

    void resumeFromLogind()
    {
        if (!QDBusConnection::sessionBus().isConnected()) {
            const QString why = QStringLiteral("no D-Bus session bus (run under scripts/headless)");
            if (required())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + why));
            QSKIP(qPrintable(why));
        }
        m_logind = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(
            QDBusConnection::SessionBus, QStringLiteral("fake-logind")));
        QVERIFY(m_logind->isConnected());
        QVERIFY2(
            m_logind->registerService(LoginService), qPrintable(m_logind->lastError().message()));

        WakeWatcher watcher;
        FakeClocks clocks;
        clocks.install(watcher);
        QSignalSpy woke(&watcher, &WakeWatcher::woke);
        // The session bus stands in for the system bus, where Rota listens.
        QVERIFY(watcher.watchLogind(QDBusConnection::sessionBus()));

        // Going to sleep is no wake; resuming is. Signals from one sender arrive in order, so
        // once the resume is heard, the going-to-sleep before it was heard too.
        QVERIFY(prepareForSleep(true));
        QVERIFY(prepareForSleep(false));
        QTRY_COMPARE_WITH_TIMEOUT(woke.size(), 1, 10000);
        QCOMPARE(reasons(woke), QList<Reason> { Reason::Resumed });

        // The same signal from anyone but logind (a connection that does not own
        // org.freedesktop.login1) is no wake. Its marker signal after it arrives after it.
        QDBusConnection impostor = QDBusConnection::connectToBus(
            QDBusConnection::SessionBus, QStringLiteral("impostor"));
        QVERIFY(impostor.isConnected());
        MarkerCatcher marker;
        QVERIFY(QDBusConnection::sessionBus().connect(
            QString(), MarkerPath, MarkerInterface, QStringLiteral("Done"), &marker, SLOT(done())));
        QDBusMessage fake = QDBusMessage::createSignal(
            LoginPath, LoginInterface, QStringLiteral("PrepareForSleep"));
        fake << false;
        QVERIFY(impostor.send(fake));
        QVERIFY(impostor.send(
            QDBusMessage::createSignal(MarkerPath, MarkerInterface, QStringLiteral("Done"))));
        QTRY_COMPARE_WITH_TIMEOUT(marker.count, 1, 10000);
        QCOMPARE(woke.size(), 1);
        QDBusConnection::disconnectFromBus(QStringLiteral("impostor"));

        // Another real resume 40 s later: another wake.
        clocks.awake(40'000);
        QVERIFY(prepareForSleep(true));
        QVERIFY(prepareForSleep(false));
        QTRY_COMPARE_WITH_TIMEOUT(woke.size(), 2, 10000);
        QCOMPARE(reasons(woke), (QList<Reason> { Reason::Resumed, Reason::Resumed }));

        // The clock jump that the resume caused is the same wake, not a second one.
        clocks.awake(2'000);
        clocks.asleep(3'600'000);
        watcher.checkClock();
        QCOMPARE(woke.size(), 2);
    }

    void noBusIsQuiet()
    {
        WakeWatcher watcher;
        QTest::ignoreMessage(QtInfoMsg,
            QRegularExpression(QStringLiteral("^no system bus .*noticed by the clock only$")));
        QVERIFY(!watcher.watchLogind(QDBusConnection(QStringLiteral("never-connected"))));
    }

    void clockJump()
    {
        WakeWatcher watcher;
        FakeClocks clocks;
        clocks.install(watcher);
        QSignalSpy woke(&watcher, &WakeWatcher::woke);

        // Awake: both clocks go on together, however late the tick (a busy event loop).
        clocks.awake(10'000);
        watcher.checkClock();
        clocks.awake(300'000);
        watcher.checkClock();
        QCOMPARE(woke.size(), 0);
        // A wall clock a little ahead (an NTP step) or set back is no wake.
        clocks.awake(10'000);
        clocks.asleep(WakeWatcher::JumpMs);
        watcher.checkClock();
        clocks.awake(10'000);
        clocks.wall -= 3'600'000;
        watcher.checkClock();
        QCOMPARE(woke.size(), 0);

        // Asleep for an hour: the wall clock ran ahead of the monotonic one.
        clocks.awake(10'000);
        clocks.asleep(3'600'000);
        watcher.checkClock();
        QCOMPARE(reasons(woke), QList<Reason> { Reason::ClockJump });
        // The next tick is an ordinary one again.
        clocks.awake(10'000);
        watcher.checkClock();
        QCOMPARE(woke.size(), 1);
        // Another sleep, even soon after: another wake (only a resume and its jump are one).
        clocks.awake(10'000);
        clocks.asleep(WakeWatcher::JumpMs + 1'000);
        watcher.checkClock();
        QCOMPARE(reasons(woke), (QList<Reason> { Reason::ClockJump, Reason::ClockJump }));

        // The real timer ticks by itself.
        watcher.watchClock(5);
        clocks.asleep(600'000);
        QVERIFY(woke.wait(5000));
        QCOMPARE(woke.size(), 3);
        QCOMPARE(woke.last().at(0).value<Reason>(), Reason::ClockJump);
    }

    void networkBack()
    {
        WakeWatcher watcher;
        FakeClocks clocks;
        clocks.install(watcher);
        QSignalSpy woke(&watcher, &WakeWatcher::woke);
        // The backend's first word is no reconnect.
        watcher.noteReachability(Reachability::Online);
        watcher.noteReachability(Reachability::Online);
        QCOMPARE(woke.size(), 0);
        watcher.noteReachability(Reachability::Disconnected);
        QCOMPARE(woke.size(), 0);
        watcher.noteReachability(Reachability::Online);
        QCOMPARE(reasons(woke), QList<Reason> { Reason::NetworkBack });
        // Only the local network, then the internet again.
        watcher.noteReachability(Reachability::Local);
        watcher.noteReachability(Reachability::Online);
        QCOMPARE(woke.size(), 2);
        // Right after a resume the network often comes back: that is a wake of its own (the
        // resume's refresh may have found it down).
        clocks.awake(10'000);
        clocks.asleep(600'000);
        watcher.checkClock();
        watcher.noteReachability(Reachability::Disconnected);
        watcher.noteReachability(Reachability::Online);
        QCOMPARE(reasons(woke),
            (QList<Reason> { Reason::NetworkBack, Reason::NetworkBack, Reason::ClockJump,
                Reason::NetworkBack }));
    }

    //! A wake makes the session read the incidents and who is on call at once.
    void wakeRefreshesTheSession()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings qsettings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Settings settings(&qsettings);
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        MainWindow window;
        Workspace workspace(fixture.client.get(), &settings, &window);
        IncidentPoller* poller = workspace.poller();

        QMap<QString, int> exchanges;
        connect(fixture.client.get(), &ApiClient::exchanged, this,
            [&exchanges](const QString& operation) { ++exchanges[operation]; });
        const QString incidents = ops::listIncidents.key();
        const QString onCall = ops::getCurrentOnCall.key();

        QSignalSpy refreshed(poller, &IncidentPoller::refreshed);
        workspace.start();
        QVERIFY(refreshed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(exchanges.value(onCall) >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!poller->isRefreshing(), 10000);
        // The next scheduled refresh is a while away (15 s at the shortest).
        QVERIFY2(
            poller->nextRefreshIn() > 5000, qPrintable(QString::number(poller->nextRefreshIn())));

        WakeWatcher watcher;
        FakeClocks clocks;
        clocks.install(watcher);
        workspace.followWakes(&watcher);
        const QString number = rota::test::newSimIncident(
            fixture, QStringLiteral("Paged while asleep"), { fixture.demoUser() });
        QCOMPARE(workspace.incidents()->rowOf(number), -1);
        const int incidentReads = exchanges.value(incidents);
        const int onCallReads = exchanges.value(onCall);

        clocks.awake(10'000);
        clocks.asleep(3'600'000);
        watcher.checkClock(); // woke(ClockJump)
        // At once: the refresh is on its way before the event loop has run.
        QVERIFY(poller->isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(workspace.incidents()->rowOf(number) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(exchanges.value(incidents), incidentReads + 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(exchanges.value(onCall) > onCallReads, 10000);
        // Paged (by the new incident, and by the seed's): the next refresh comes at the urgent
        // pace.
        QCOMPARE(workspace.refreshPacer()->pace().seconds, 15);
        QCOMPARE(poller->interval(), 15000);
    }

    //! The session's preferences set the pace, as on call and paged say.
    void sessionPace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings qsettings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Settings settings(&qsettings);
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        MainWindow window;
        Workspace workspace(fixture.client.get(), &settings, &window);
        QSignalSpy refreshed(workspace.poller(), &IncidentPoller::refreshed);
        workspace.start();
        QVERIFY(refreshed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(workspace.onCall()->isLoaded(), 10000);

        Preferences preferences = settings.preferences();
        preferences.refreshSeconds = 300;
        preferences.urgentRefreshSeconds = 20;
        QString error;
        QVERIFY2(settings.setPreferences(preferences, &error), qPrintable(error));
        const bool paged = workspace.incidents()->countPagingMe(Phase::Triggered) > 0
            || workspace.incidents()->countPagingMe(Phase::Acknowledged) > 0;
        const RefreshPace expected
            = RefreshPace::decide(workspace.onCall()->isOnCall(), paged, preferences);
        QCOMPARE(workspace.refreshPacer()->pace(), expected);
        QCOMPARE(workspace.poller()->interval(), expected.intervalMs());
        QCOMPARE(expected.seconds, expected.isUrgent() ? 20 : 300);
        QVERIFY2(workspace.poller()->statusText().endsWith(QStringLiteral(" · ") + expected.text()),
            qPrintable(workspace.poller()->statusText()));
    }
};

QTEST_MAIN(TestWakeWatcher)
#include "tst_wakewatcher.moc"
