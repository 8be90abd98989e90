// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Notifier against a notification server this test plays itself: under scripts/headless's private
// D-Bus session the test owns org.freedesktop.Notifications (on a connection of its own) and sees
// exactly what Rota sends: summary, body, actions, hints, replaces_id and CloseNotification.
// Clicking "ack" acknowledges the incident in an in-process rota-sim; "open" and a click open it;
// more than three new incidents give one notification listing every one, whose Acknowledge all
// acknowledges exactly those. What already pages the user at start is summed up in one. A page
// not acknowledged is shown again (replacing its notification, with the sound as set) until it is
// acknowledged on the server (closed at the next refresh) or in Rota (closed at once). A server
// without the "actions" capability gets plain notifications, and with a tray icon the tray's
// balloon is used instead, whose click opens the incident.
//
// Without a session bus the test skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (CI).

#include "alarmsound.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "notificationfilter.h"
#include "notifier.h"
#include "pagealarm.h"
#include "quickactions.h"
#include "settings.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simincidents.h"
#include "simservice.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDataStream>
#include <QHash>
#include <QPixmap>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

bool required() { return qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1; }

const QString BusName = QStringLiteral("rota-test-notification-server");

} // namespace

//! The notification server: records each Notify and can send ActionInvoked.
class FakeNotifications : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        QString appName;
        uint replacesId = 0;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0;
    };
    QList<Call> calls;
    QStringList capabilities { QStringLiteral("actions"), QStringLiteral("body") };
    QList<uint> closed;
    uint nextId = 100; //!< never reused, as a real server's ids
    //! While set, Notify is answered only by releaseReplies() (a slow server).
    bool holdReplies = false;

    void releaseReplies()
    {
        holdReplies = false;
        for (const auto& [message, id] : std::as_const(m_held))
            QDBusConnection(BusName).send(message.createReply(id));
        m_held.clear();
    }

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString& appName, uint replacesId, const QString& icon,
        const QString& summary, const QString& body, const QStringList& actions,
        const QVariantMap& hints, int timeout)
    {
        const uint id = nextId++;
        calls.append({ appName, replacesId, icon, summary, body, actions, hints, timeout, id });
        if (holdReplies) {
            setDelayedReply(true);
            m_held.append({ message(), id });
        }
        return id;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QString GetServerInformation(QString& vendor, QString& version, QString& specVersion)
    {
        vendor = QStringLiteral("Rota tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("fake");
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString& actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    QList<QPair<QDBusMessage, uint>> m_held;
};

class TestNotifier : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<FakeNotifications> m_server;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<IncidentPoller> m_poller;
    std::unique_ptr<IncidentActions> m_actions;
    std::unique_ptr<Notifier> m_notifier;
    QStringList m_opened;

    SimFixture& fixture() { return *m_fixture; }

    QString newIncident(const QString& summary, const QString& user)
    {
        return test::newSimIncident(fixture(), summary, { user });
    }

    QString simPhase(const QString& number) { return test::simPhase(fixture(), number); }
    QString otherUser() { return test::otherUser(fixture()); }

    bool refresh()
    {
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_poller->refresh();
        return refreshed.wait(10000);
    }

    void setNotify(Preferences::Notify notify)
    {
        Preferences p = m_settings->preferences();
        p.notify = notify;
        QString error;
        QVERIFY2(m_settings->setPreferences(p, &error), qPrintable(error));
    }

    void setSound(Preferences::Sound sound)
    {
        Preferences p = m_settings->preferences();
        p.sound = sound;
        QString error;
        QVERIFY2(m_settings->setPreferences(p, &error), qPrintable(error));
    }

    //! Acknowledges every incident of the simulator, as someone else would: nothing pages anyone.
    void acknowledgeAllOnServer()
    {
        for (auto& incident : fixture().ctx().org.incidents) {
            if (incident.phase == sim::kUnacked)
                incident.phase = sim::kAcked;
        }
    }

    //! A Notifier over a fresh session whose baseline is taken. What already paged the demo user
    //! is acknowledged on the server first, unless `keepPages`: the tests start from no page.
    void makeNotifier(QSystemTrayIcon* tray = nullptr, bool keepPages = false)
    {
        if (!keepPages)
            acknowledgeAllOnServer();
        m_notifier = std::make_unique<Notifier>(m_settings.get());
        m_notifier->setTrayIcon(tray);
        m_notifier->setSession(m_model.get(), m_poller.get(), m_actions.get(),
            [this](const QString& number) { m_opened << number; });
        QVERIFY(QTest::qWaitFor([this] { return m_notifier->capabilitiesKnown(); }, 5000));
        QVERIFY(refresh());
        QVERIFY(!m_notifier->filter()->awaitsBaseline());
    }

    //! Every Notify the server saw, one per line, for a failure's message.
    QString callsText() const
    {
        QStringList lines;
        for (const auto& call : std::as_const(m_server->calls)) {
            lines << QStringLiteral("id %1 replaces %2: %3 | %4")
                         .arg(call.id)
                         .arg(call.replacesId)
                         .arg(call.summary, QString(call.body).replace(QLatin1Char('\n'), u' '));
        }
        return lines.join(QLatin1Char('\n'));
    }

    int triggeredPagingMeOnServer()
    {
        int count = 0;
        for (const auto& incident : std::as_const(fixture().ctx().org.incidents)) {
            if (incident.phase == sim::kUnacked
                && incident.pagedUsers.contains(fixture().demoUser()))
                ++count;
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, BusName);
        if (!bus.isConnected() || !QDBusConnection::sessionBus().isConnected()) {
            const QString why = QStringLiteral("no D-Bus session bus; run under scripts/headless");
            if (required())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + why));
            QSKIP(qPrintable(why));
        }
        m_server = std::make_unique<FakeNotifications>();
        QVERIFY(bus.registerObject(QString::fromLatin1(Notifier::Path), m_server.get(),
            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY2(bus.registerService(QString::fromLatin1(Notifier::Service)),
            "org.freedesktop.Notifications is taken: run under scripts/headless (a private bus)");
    }

    void cleanupTestCase()
    {
        QDBusConnection bus(BusName);
        if (bus.isConnected()) {
            bus.unregisterService(QString::fromLatin1(Notifier::Service));
            bus.unregisterObject(QString::fromLatin1(Notifier::Path));
        }
        QDBusConnection::disconnectFromBus(BusName);
    }

    void init()
    {
        m_qsettings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings-%1.ini")
                               .arg(QString::fromLatin1(QTest::currentTestFunction()))),
            QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_model = std::make_unique<IncidentModel>();
        m_model->setIdentity(fixture().demoUser());
        m_poller = std::make_unique<IncidentPoller>(fixture().client.get(), m_model.get());
        m_actions = std::make_unique<IncidentActions>(fixture().client.get(), m_model.get());
        m_server->releaseReplies();
        m_server->calls.clear();
        m_server->closed.clear();
        m_server->capabilities = { QStringLiteral("actions"), QStringLiteral("body") };
        m_opened.clear();
    }

    void cleanup()
    {
        m_notifier.reset();
        // What the last notifier sent may still be on its way to the fake server: a round trip
        // over the same connection comes back only after it, so the next test counts its own.
        const QDBusPendingCall drained
            = QDBusConnection::sessionBus().asyncCall(QDBusMessage::createMethodCall(
                QString::fromLatin1(Notifier::Service), QString::fromLatin1(Notifier::Path),
                QString::fromLatin1(Notifier::Service), QStringLiteral("GetServerInformation")));
        QVERIFY(QTest::qWaitFor([&drained] { return drained.isFinished(); }, 5000));
        m_actions.reset();
        m_poller.reset();
        m_model.reset();
        m_fixture.reset();
        m_settings.reset();
        m_qsettings.reset();
    }

    void firstSnapshotIsSilentThenOneNotificationWithActions()
    {
        newIncident(QStringLiteral("Already acknowledged"), fixture().demoUser());
        makeNotifier();
        QCOMPARE(m_notifier->backend(), Notifier::Backend::DBusActions);
        QVERIFY(m_notifier->capabilities().contains(QStringLiteral("actions")));
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 0); // the baseline: nothing was new, nothing pages

        const QString number
            = newIncident(QStringLiteral("Checkout latency above 2s"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        const FakeNotifications::Call call = m_server->calls.constFirst();
        QCOMPARE(call.appName, QStringLiteral("Rota"));
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.summary, QStringLiteral("#%1 Checkout latency above 2s").arg(number));
        QVERIFY2(call.body.contains(QStringLiteral("Service: checkout")), qPrintable(call.body));
        QVERIFY2(call.body.contains(QStringLiteral("Paging you")), qPrintable(call.body));
        // Pairs of key and label.
        QCOMPARE(call.actions,
            QStringList({ QStringLiteral("default"), QStringLiteral("Open"), QStringLiteral("ack"),
                QStringLiteral("Acknowledge"), QStringLiteral("reroute"),
                QStringLiteral("Reroute…"), QStringLiteral("resolve"), QStringLiteral("Resolve"),
                QStringLiteral("ackmsg"), QStringLiteral("Acknowledge with message…") }));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2); // critical: paging me
        QCOMPARE(call.timeout, 0); // stays until the user acts
        QCOMPARE(call.hints.value(QStringLiteral("suppress-sound")).toBool(), true);
        QCOMPARE(
            call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("rota"));

        // The same incident in later refreshes: no second notification.
        QVERIFY(refresh());
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 1);

        // "Open" and a click on it open it.
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("open"));
        QTRY_COMPARE(m_opened, QStringList { number });
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_opened, QStringList({ number, number }));
        // Someone else's notification id: nothing happens.
        Q_EMIT m_server->ActionInvoked(call.id + 1000, QStringLiteral("open"));
        QTest::qWait(200);
        QCOMPARE(m_opened.size(), 2);

        // "Acknowledge" on the notification acknowledges it on the server, and the notification
        // goes at once (the row is being acknowledged: the page stops alarming).
        QCOMPARE(simPhase(number), QStringLiteral("UNACKED"));
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("ack"));
        QTRY_VERIFY(m_server->closed.contains(call.id));
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(number), QStringLiteral("ACKED"), 10000);
        // Closed: its actions are forgotten.
        Q_EMIT m_server->NotificationClosed(call.id, 3);
        QTest::qWait(100);
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("open"));
        QTest::qWait(200);
        QCOMPARE(m_opened.size(), 2);
    }

    void serverTextIsEscapedInAMarkupBodyAndCut_data()
    {
        QTest::addColumn<bool>("markup");
        QTest::newRow("body-markup") << true;
        QTest::newRow("plain body") << false;
    }

    void serverTextIsEscapedInAMarkupBodyAndCut()
    {
        QFETCH(bool, markup);
        if (markup)
            m_server->capabilities << QStringLiteral("body-markup");
        makeNotifier();
        const QString hostile = QStringLiteral("<b>bold</b> <img src=http://127.0.0.1:1/x.png> "
                                               "&amp; ")
            + QString(10 * 1024, QLatin1Char('x'));
        const QString number = newIncident(hostile, fixture().demoUser());
        fixture().ctx().org.incidents[number.toInt()].service = hostile;
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        const FakeNotifications::Call call = m_server->calls.constFirst();
        // The summary is plain text by the specification: as written, cut.
        QVERIFY2(call.summary.startsWith(
                     QStringLiteral("#") + number + QLatin1Char(' ') + hostile.left(40)),
            qPrintable(call.summary));
        QVERIFY2(call.summary.size() < 200, qPrintable(QString::number(call.summary.size())));
        QVERIFY2(call.body.size() < 600, qPrintable(QString::number(call.body.size())));
        if (markup) {
            // Markup: the server's words escaped, so nothing in them is bold or fetched.
            QVERIFY2(
                call.body.contains(QStringLiteral("Service: &lt;b&gt;bold&lt;/b&gt; &lt;img "
                                                  "src=http://127.0.0.1:1/x.png&gt; &amp;amp; ")),
                qPrintable(call.body.left(200)));
            QVERIFY(!call.body.contains(QStringLiteral("<b>")));
            QVERIFY(!call.body.contains(QStringLiteral("<img")));
        } else {
            QVERIFY2(call.body.contains(QStringLiteral("Service: ") + hostile.left(40)),
                qPrintable(call.body.left(200)));
        }
    }

    void scopeAndUrgency()
    {
        makeNotifier();
        // Paging someone else: not for "paging me".
        const QString earlier = newIncident(QStringLiteral("Someone else's pager"), otherUser());
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 0);
        // With "all", new ones for someone else come at normal urgency; so does the one left out
        // before while it is still triggered (out of scope is not "seen", see NotificationFilter).
        setNotify(Preferences::Notify::All);
        const QString number = newIncident(QStringLiteral("Queue depth high"), otherUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 2);
        QStringList summaries;
        for (const auto& call : std::as_const(m_server->calls)) {
            summaries << call.summary;
            QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 1);
            QVERIFY(!call.body.contains(QStringLiteral("Paging you")));
        }
        QStringList expected { QStringLiteral("#%1 Someone else's pager").arg(earlier),
            QStringLiteral("#%1 Queue depth high").arg(number) };
        summaries.sort();
        expected.sort();
        QCOMPARE(summaries, expected);
        // Paused, off call: nothing.
        m_notifier->filter()->pauseIndefinitely();
        newIncident(QStringLiteral("During the pause"), fixture().demoUser());
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 2);
        // Paused but on call: a direct page comes through; one for someone else does not.
        m_notifier->setOnCall(true);
        const QString direct = newIncident(QStringLiteral("Paged on call"), fixture().demoUser());
        newIncident(QStringLiteral("Not mine, paused"), otherUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 3);
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 3);
        QCOMPARE(
            m_server->calls.constLast().summary, QStringLiteral("#%1 Paged on call").arg(direct));
        QCOMPARE(m_server->calls.constLast().hints.value(QStringLiteral("urgency")).toInt(), 2);
    }

    void manyAtOnceGiveOneSummary()
    {
        makeNotifier();
        for (int i = 0; i < 5; ++i)
            newIncident(QStringLiteral("Node %1 down").arg(i), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 1);
        const FakeNotifications::Call call = m_server->calls.constFirst();
        QCOMPARE(call.summary, QStringLiteral("5 new incidents"));
        // Every one of them is in it.
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(
                call.body.contains(QStringLiteral("Node %1 down").arg(i)), qPrintable(call.body));
        }
        QCOMPARE(call.actions,
            QStringList({ QStringLiteral("default"), QStringLiteral("Open"), QStringLiteral("ack"),
                QStringLiteral("Acknowledge all") }));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
        // Without a way to show several, its click opens the incidents view (no number)...
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_opened, QStringList { QString() });
        // ...with one, Open shows exactly those five.
        QStringList shown;
        m_notifier->setOpenMany([&shown](const QStringList& numbers) { shown = numbers; });
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("open"));
        QTRY_COMPARE(shown.size(), 5);
        for (const QString& number : std::as_const(shown))
            QVERIFY(call.body.contains(QStringLiteral("#%1 ").arg(number)));
        // Acknowledge all acknowledges exactly those five; another page stays triggered.
        const QString other = newIncident(QStringLiteral("Not in it"), fixture().demoUser());
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(triggeredPagingMeOnServer(), 1, 10000);
        QCOMPARE(simPhase(other), QStringLiteral("UNACKED"));
        QTRY_VERIFY(m_server->closed.contains(call.id));
        QVERIFY(refresh()); // the new one
        QTRY_VERIFY(m_server->calls.size() >= 2);

        // Three at once: one each.
        m_server->calls.clear();
        for (int i = 0; i < 3; ++i)
            newIncident(QStringLiteral("Shard %1 lagging").arg(i), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 3);
        for (const auto& each : std::as_const(m_server->calls))
            QVERIFY2(each.summary.contains(QStringLiteral("lagging")), qPrintable(each.summary));
    }

    void startSumsUpWhatAlreadyPagesMe()
    {
        acknowledgeAllOnServer();
        const QString first
            = newIncident(QStringLiteral("Burning before start"), fixture().demoUser());
        const QString second
            = newIncident(QStringLiteral("Smoking before start"), fixture().demoUser());
        newIncident(QStringLiteral("Someone else's before start"), otherUser());
        makeNotifier(nullptr, true);
        QTRY_COMPARE(m_server->calls.size(), 1);
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 1);
        const FakeNotifications::Call call = m_server->calls.constFirst();
        QCOMPARE(call.summary, QStringLiteral("2 incidents are paging you"));
        QVERIFY2(call.body.contains(QStringLiteral("#%1 Burning before start").arg(first)),
            qPrintable(call.body));
        QVERIFY2(call.body.contains(QStringLiteral("#%1 Smoking before start").arg(second)),
            qPrintable(call.body));
        QVERIFY(!call.body.contains(QStringLiteral("Someone else's")));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(m_notifier->alarm()->numbers().size(), 2);
        // A later refresh does not announce them again.
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 1);
        // Nothing paging at start: nothing said.
        m_server->calls.clear();
        acknowledgeAllOnServer();
        makeNotifier(nullptr, true);
        QTest::qWait(300);
        QCOMPARE(m_server->calls.size(), 0);
    }

    void remindsUntilAcknowledgedElsewhere()
    {
        setSound(Preferences::Sound::UntilAcknowledged);
        makeNotifier();
        const int playedBefore = m_notifier->sound()->playCount();
        const QString number = newIncident(QStringLiteral("Pager storm"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        const uint id = m_server->calls.constFirst().id;
        QCOMPARE(m_notifier->sound()->playCount(), playedBefore + 1);
        m_notifier->alarm()->setRepeatMs(400);
        // Reminders: the same notification shown again, with the sound each time.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->calls.size() >= 3, 5000);
        const FakeNotifications::Call reminder = m_server->calls.at(1);
        QCOMPARE(reminder.replacesId, id);
        QCOMPARE(reminder.summary, QStringLiteral("#%1 Pager storm").arg(number));
        QVERIFY2(reminder.body.contains(QStringLiteral("Still not acknowledged")),
            qPrintable(reminder.body));
        QCOMPARE(reminder.hints.value(QStringLiteral("urgency")).toInt(), 2);
        // The reminders chimed too (what is sent together chimes once, so at least one more).
        QVERIFY(m_notifier->sound()->playCount() >= playedBefore + 2);
        // Acknowledged elsewhere (the web, a phone): closed at the next refresh, no more reminders.
        acknowledgeAllOnServer();
        QVERIFY(refresh());
        QTRY_VERIFY(!m_server->closed.isEmpty());
        QVERIFY(!m_notifier->alarm()->isActive());
        QSignalSpy reminded(m_notifier.get(), &Notifier::reminded);
        QTest::qWait(1000);
        QCOMPARE(reminded.size(), 0);
    }

    // A slow server: a reminder (or an action's outcome) due before the page's Notify is
    // answered waits for its id and replaces it, rather than showing a second notification.
    void aReminderWaitsForTheIdOfThePageItReplaces()
    {
        makeNotifier();
        m_notifier->alarm()->setRepeatMs(60 * 60 * 1000);
        m_server->holdReplies = true;
        newIncident(QStringLiteral("Slow server"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        QVERIFY(m_notifier->alarm()->isActive());
        Q_EMIT m_notifier->alarm()->remind({});
        QTest::qWait(300);
        QCOMPARE(m_server->calls.size(), 1);
        m_server->releaseReplies();
        QTRY_VERIFY2(m_server->calls.size() >= 2, qPrintable(callsText()));
        // The reminder replaces the page; no second notification of it goes out with no id to
        // replace (under load another reminder may follow, replacing in turn).
        const FakeNotifications::Call reminder = m_server->calls.at(1);
        QVERIFY2(reminder.body.contains(QStringLiteral("Still not acknowledged")),
            qPrintable(callsText()));
        QCOMPARE(reminder.replacesId, m_server->calls.at(0).id);
        for (qsizetype i = 1; i < m_server->calls.size(); ++i)
            QVERIFY2(m_server->calls.at(i).replacesId != 0, qPrintable(callsText()));
        if (m_server->calls.size() > 2)
            qWarning("more calls than the page and its reminder:\n%s", qPrintable(callsText()));
    }

    void reroutedOrResolvedElsewhereStops()
    {
        makeNotifier();
        m_notifier->alarm()->setRepeatMs(60 * 60 * 1000);
        const QString rerouted = newIncident(QStringLiteral("Rerouted away"), fixture().demoUser());
        const QString resolved = newIncident(QStringLiteral("Resolved away"), fixture().demoUser());
        QVERIFY(refresh());
        // Each has its notification (under load a reminder may follow; the latest id counts).
        QHash<QString, uint> idOf;
        const auto notified = [&] {
            idOf.clear();
            for (const auto& call : std::as_const(m_server->calls))
                idOf.insert(call.summary.section(QLatin1Char(' '), 0, 0).mid(1), call.id);
            return idOf.contains(rerouted) && idOf.contains(resolved);
        };
        QTRY_VERIFY2(notified(), qPrintable(callsText()));
        if (m_server->calls.size() > 2)
            qWarning("more calls than the two pages:\n%s", qPrintable(callsText()));
        QCOMPARE(m_notifier->alarm()->numbers().size(), 2);
        // Someone reroutes one to a colleague (still triggered), and the monitoring tool
        // resolves the other: both notifications go at the next refresh.
        fixture().ctx().org.incidents[rerouted.toInt()].pagedUsers = QStringList { otherUser() };
        fixture().ctx().org.incidents[resolved.toInt()].phase = sim::kResolved;
        QVERIFY(refresh());
        QTRY_VERIFY(m_server->closed.contains(idOf.value(rerouted)));
        QTRY_VERIFY(m_server->closed.contains(idOf.value(resolved)));
        QVERIFY(!m_notifier->alarm()->isActive());
    }

    void soundFollowsTheSetting_data()
    {
        QTest::addColumn<int>("sound");
        QTest::addColumn<bool>("onCall");
        QTest::addColumn<int>("first");
        QTest::addColumn<bool>("repeats");
        QTest::newRow("off") << int(Preferences::Sound::Off) << true << 0 << false;
        QTest::newRow("once") << int(Preferences::Sound::Once) << true << 1 << false;
        QTest::newRow("until acked on call, on call")
            << int(Preferences::Sound::UntilAcknowledgedOnCall) << true << 1 << true;
        QTest::newRow("until acked on call, off call")
            << int(Preferences::Sound::UntilAcknowledgedOnCall) << false << 1 << false;
        QTest::newRow("until acked, off call")
            << int(Preferences::Sound::UntilAcknowledged) << false << 1 << true;
    }

    void soundFollowsTheSetting()
    {
        QFETCH(int, sound);
        QFETCH(bool, onCall);
        QFETCH(int, first);
        QFETCH(bool, repeats);
        setSound(Preferences::Sound(sound));
        makeNotifier();
        m_notifier->setOnCall(onCall);
        const int before = m_notifier->sound()->playCount();
        newIncident(QStringLiteral("Chime check"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        QCOMPARE(m_notifier->sound()->playCount(), before + first);
        // Reminders come quickly only once the page has been counted (a short repeat set
        // before it could remind several times before a loaded machine looked).
        QVERIFY(m_notifier->alarm()->isActive());
        m_notifier->alarm()->setRepeatMs(300);
        QSignalSpy reminded(m_notifier.get(), &Notifier::reminded);
        QTRY_VERIFY_WITH_TIMEOUT(reminded.size() >= 2, 5000);
        QCOMPARE(m_notifier->sound()->playCount() - before - first > 0, repeats);
        // The notification is shown again whatever the sound.
        QTRY_VERIFY(m_server->calls.size() >= 3);
    }

    void chimeIsAWaveFile()
    {
        const QByteArray wav = AlarmSound::chimeWav();
        QVERIFY(wav.startsWith("RIFF"));
        QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
        QDataStream in(wav);
        in.setByteOrder(QDataStream::LittleEndian);
        quint32 riffSize = 0;
        in.skipRawData(4);
        in >> riffSize;
        QCOMPARE(qsizetype(riffSize), wav.size() - 8);
        quint16 format = 0, channels = 0;
        quint32 rate = 0;
        in.skipRawData(8 + 4);
        in >> format >> channels >> rate;
        QCOMPARE(format, quint16(1)); // PCM
        QCOMPARE(channels, quint16(1));
        QCOMPARE(rate, quint32(44100));
        // About a second of sound, not silence.
        const qsizetype samples = (wav.size() - 44) / 2;
        QVERIFY2(samples > 44100 / 2 && samples < 44100 * 2, qPrintable(QString::number(samples)));
        QVERIFY(wav.mid(44 + 2000, 200).count('\0') < 150);
    }

    void actionsFromTheNotificationSayWhatBecameOfThem()
    {
        makeNotifier();
        QuickActions quick(m_actions.get(), m_model.get(), nullptr);
        m_notifier->setQuickActions(&quick);
        const QString number = newIncident(QStringLiteral("Feedback please"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        const uint id = m_server->calls.constFirst().id;
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(number), QStringLiteral("ACKED"), 10000);
        // The page's notification turns into what became of the action: first sent, then done,
        // each replacing the one before; none of them has actions to take again.
        QTRY_VERIFY(m_server->calls.size() >= 3);
        const FakeNotifications::Call sent = m_server->calls.at(1);
        QCOMPARE(sent.replacesId, id);
        QVERIFY2(sent.summary.contains(number), qPrintable(sent.summary));
        QCOMPARE(sent.hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(sent.actions, QStringList({ QStringLiteral("default"), QStringLiteral("Open") }));
        const FakeNotifications::Call done = m_server->calls.constLast();
        QCOMPARE(done.replacesId, sent.id);
        QVERIFY2(done.summary.contains(QStringLiteral("acknowledged")), qPrintable(done.summary));
        // The outcome stays on screen: it was not closed with the alarm.
        QVERIFY(!m_server->closed.contains(done.id));
        QVERIFY(!m_notifier->alarm()->isActive());

        // A refused one says so in words, and the page alarms again.
        m_notifier->alarm()->setRepeatMs(60 * 60 * 1000);
        const QString second = newIncident(QStringLiteral("Refuse me"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_notifier->alarm()->numbers(), QStringList { second });
        QTRY_COMPARE(
            m_server->calls.constLast().summary, QStringLiteral("#%1 Refuse me").arg(second));
        const uint secondId = m_server->calls.constLast().id;
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,count=5,path=/api-public/v1/incidents/ack"));
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        m_server->calls.clear();
        Q_EMIT m_server->ActionInvoked(secondId, QStringLiteral("ack"));
        const auto refused = [this] {
            for (const auto& call : std::as_const(m_server->calls)) {
                if (call.summary.startsWith(QStringLiteral("Could not")))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused(), 20000);
        // Rolled back: it is triggered and alarming again.
        QTRY_COMPARE(m_notifier->alarm()->numbers(), QStringList { second });
        fixture().server->service().faults().clear();
    }

    void actingInRotaStopsTheAlarmAtOnce()
    {
        makeNotifier();
        m_notifier->alarm()->setRepeatMs(60 * 60 * 1000);
        const QString number = newIncident(QStringLiteral("Act here"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        QVERIFY(m_notifier->alarm()->isActive());
        const uint id = m_server->calls.constFirst().id;
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_actions->acknowledge({ number });
        // Closed before any refresh told: the row is being acknowledged.
        QTRY_VERIFY(m_server->closed.contains(id));
        QCOMPARE(refreshed.size(), 0);
        QVERIFY(!m_notifier->alarm()->isActive());
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(number), QStringLiteral("ACKED"), 10000);
    }

    // A shift reminder goes the same way: normal urgency, no incident actions, a click opens Rota
    // (the incidents view), and a second one of the same shift replaces the first.
    void aShiftReminderIsANotificationOfItsOwn()
    {
        makeNotifier();
        m_notifier->notifyInfo(QStringLiteral("shift-end:pol-sre/1"),
            QStringLiteral("Hand-over in 15 min: SRE Primary"),
            QStringLiteral("2 incidents are paging you. Pass on your notes."));
        QTRY_COMPARE(m_server->calls.size(), 1);
        const FakeNotifications::Call call = m_server->calls.constFirst();
        QCOMPARE(call.summary, QStringLiteral("Hand-over in 15 min: SRE Primary"));
        QCOMPARE(call.body, QStringLiteral("2 incidents are paging you. Pass on your notes."));
        QCOMPARE(call.actions, QStringList({ QStringLiteral("default"), QStringLiteral("Open") }));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 1);
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_opened, QStringList { QString() });

        m_notifier->notifyInfo(QStringLiteral("shift-end:pol-sre/1"),
            QStringLiteral("Hand-over in 5 min: SRE Primary"), QStringLiteral("Pass on notes."));
        QTRY_COMPARE(m_server->calls.size(), 2);
        QCOMPARE(m_server->calls.at(1).replacesId, call.id);
        // Another shift's reminder is a notification of its own.
        m_notifier->notifyInfo(QStringLiteral("shift-start:pol-db/2"),
            QStringLiteral("On call in 15 min: DB"), QString());
        QTRY_COMPARE(m_server->calls.size(), 3);
        QCOMPARE(m_server->calls.at(2).replacesId, 0u);
    }

    void withoutActionsPlainNotifications()
    {
        m_server->capabilities = { QStringLiteral("body") };
        makeNotifier();
        QCOMPARE(m_notifier->backend(), Notifier::Backend::DBusPlain);
        const QString number = newIncident(QStringLiteral("Plain one"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 1);
        QCOMPARE(m_server->calls.constFirst().actions, QStringList());
        QCOMPARE(m_server->calls.constFirst().summary, QStringLiteral("#%1 Plain one").arg(number));
    }

    void withoutActionsFallsBackToTheTray()
    {
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            const QString why = QStringLiteral("no system tray; run under scripts/headless");
            if (required())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + why));
            QSKIP(qPrintable(why));
        }
        m_server->capabilities = { QStringLiteral("body") };
        QPixmap pixmap(22, 22);
        pixmap.fill(Qt::darkGreen);
        QSystemTrayIcon tray { QIcon(pixmap) };
        tray.show();
        QTRY_VERIFY(tray.isVisible());
        makeNotifier(&tray);
        QCOMPARE(m_notifier->backend(), Notifier::Backend::Tray);
        QSignalSpy sent(m_notifier.get(), &Notifier::sent);
        const QString number = newIncident(QStringLiteral("Balloon one"), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sent.constFirst().at(0).value<Notifier::Backend>(), Notifier::Backend::Tray);
        QCOMPARE(sent.constFirst().at(1).toString(), QStringLiteral("#%1 Balloon one").arg(number));
        QCOMPARE(m_server->calls.size(), 0); // not over D-Bus
        // Clicking the balloon opens the incident.
        Q_EMIT tray.messageClicked();
        QTRY_COMPARE(m_opened, QStringList { number });
    }
};

int main(int argc, char* argv[])
{
    // The tray fallback needs a display (scripts/headless); without one the rest still runs.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestNotifier test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifier.moc"
