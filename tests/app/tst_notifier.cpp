// Notifier against a notification server this test plays itself: under scripts/headless's private
// D-Bus session the test owns org.freedesktop.Notifications (on a connection of its own) and sees
// exactly what Rota sends: summary, body, actions and the urgency hint. Clicking "ack" acknowledges
// the incident in an in-process rota-sim; "open" and a click open it; more than three new
// incidents give one summary. A server without the "actions" capability gets plain notifications,
// and with a tray icon the tray's balloon is used instead, whose click opens the incident.
//
// Without a session bus the test skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (CI).

#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "notificationfilter.h"
#include "notifier.h"
#include "settings.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
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
class FakeNotifications : public QObject {
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

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString& appName, uint replacesId, const QString& icon,
        const QString& summary, const QString& body, const QStringList& actions,
        const QVariantMap& hints, int timeout)
    {
        const uint id = 100 + uint(calls.size());
        calls.append({ appName, replacesId, icon, summary, body, actions, hints, timeout, id });
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

    //! A Notifier over a fresh session whose baseline is taken.
    void makeNotifier(QSystemTrayIcon* tray = nullptr)
    {
        m_notifier = std::make_unique<Notifier>(m_settings.get());
        m_notifier->setTrayIcon(tray);
        m_notifier->setSession(m_model.get(), m_poller.get(), m_actions.get(),
            [this](const QString& number) { m_opened << number; });
        QVERIFY(QTest::qWaitFor([this] { return m_notifier->capabilitiesKnown(); }, 5000));
        QVERIFY(refresh());
        QVERIFY(!m_notifier->filter()->awaitsBaseline());
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
        m_server->calls.clear();
        m_server->capabilities = { QStringLiteral("actions"), QStringLiteral("body") };
        m_opened.clear();
    }

    void cleanup()
    {
        m_notifier.reset();
        m_actions.reset();
        m_poller.reset();
        m_model.reset();
        m_fixture.reset();
        m_settings.reset();
        m_qsettings.reset();
    }

    void firstSnapshotIsSilentThenOneNotificationWithActions()
    {
        newIncident(QStringLiteral("Already burning"), fixture().demoUser());
        makeNotifier();
        QCOMPARE(m_notifier->backend(), Notifier::Backend::DBusActions);
        QVERIFY(m_notifier->capabilities().contains(QStringLiteral("actions")));
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 0); // the baseline: nothing was new

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
                QStringLiteral("Acknowledge"), QStringLiteral("open"), QStringLiteral("Open") }));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2); // critical: paging me
        QCOMPARE(
            call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("rota"));

        // The same incident in later refreshes: no second notification.
        QVERIFY(refresh());
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 1);

        // "Acknowledge" on the notification acknowledges it on the server.
        QCOMPARE(simPhase(number), QStringLiteral("UNACKED"));
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("ack"));
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(number), QStringLiteral("ACKED"), 10000);

        // "Open" and a click on it open it.
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("open"));
        QTRY_COMPARE(m_opened, QStringList { number });
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_opened, QStringList({ number, number }));
        // Someone else's notification id: nothing happens.
        Q_EMIT m_server->ActionInvoked(call.id + 1000, QStringLiteral("open"));
        QTest::qWait(200);
        QCOMPARE(m_opened.size(), 2);
        // Closed: its actions are forgotten.
        Q_EMIT m_server->NotificationClosed(call.id, 2);
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
        // Paused: nothing.
        m_notifier->filter()->pauseIndefinitely();
        newIncident(QStringLiteral("During the pause"), fixture().demoUser());
        QVERIFY(refresh());
        QTest::qWait(200);
        QCOMPARE(m_server->calls.size(), 2);
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
        QVERIFY2(call.body.contains(QStringLiteral("Node 0 down")), qPrintable(call.body));
        QVERIFY(!call.actions.contains(QStringLiteral("ack")));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
        // Its click opens the incidents view (no number).
        Q_EMIT m_server->ActionInvoked(call.id, QStringLiteral("default"));
        QTRY_COMPARE(m_opened, QStringList { QString() });

        // Three at once: one each.
        m_server->calls.clear();
        for (int i = 0; i < 3; ++i)
            newIncident(QStringLiteral("Shard %1 lagging").arg(i), fixture().demoUser());
        QVERIFY(refresh());
        QTRY_COMPARE(m_server->calls.size(), 3);
        for (const auto& each : std::as_const(m_server->calls))
            QVERIFY2(each.summary.contains(QStringLiteral("lagging")), qPrintable(each.summary));
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
