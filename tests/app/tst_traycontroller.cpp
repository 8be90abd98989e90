// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// TrayController under Xvfb with a real tray host (scripts/headless starts trayer), over a real
// Workspace signed in to an in-process rota-sim: the icon is in the tray; its menu lists the
// incidents paging the user, newest first; clicking Acknowledge in an incident's submenu of the
// real QMenu acknowledges it in the simulator, and the menu, tooltip and icon follow; "ack all"
// and "resolve all" paging me; the menu is not rebuilt under the pointer; pausing notifications;
// a left click shows and hides the window; closing the window hides it to the tray and says so
// once; signed out it shows offline. Its Quit ends the event loop with 0 (through QuitController)
// whether the window is visible, hidden or minimised. While a balloon is up, a real click on the
// icon's window: left opens the window, right opens the menu and not the window; a click on the
// balloon opens the window, or a notification's incident. Each incident's submenu acknowledges
// with a message and reroutes through small dialogs (shown on their own while the window is
// hidden) that reach the simulator; with the window hidden, what became of it shows as the
// balloon, a refusal in words.
//
// Without a system tray the test skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (CI).

#include "ackmessagedialog.h"
#include "awaypages.h"
#include "awaypagesbanner.h"
#include "connectionstatus.h"
#include "createincidentdialog.h"
#include "eventloop.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "mainwindow.h"
#include "notificationfilter.h"
#include "notifier.h"
#include "oncallmodel.h"
#include "pagealarm.h"
#include "quickactions.h"
#include "quickreroutedialog.h"
#include "quitcontroller.h"
#include "settings.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"
#include "traycontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rota;
using rota::test::SimFixture;
using State = TrayController::State;

namespace {

bool required() { return qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1; }

QImage picture(const QIcon& icon) { return icon.pixmap(22, 22).toImage(); }

QMenu* submenu(QMenu* menu, const QString& objectName)
{
    for (QAction* action : menu->actions()) {
        if (action->menu() && action->menu()->objectName() == objectName)
            return action->menu();
    }
    return nullptr;
}

//! The open "Resolve all paging me" question, wherever it was shown; nullptr when none.
QMessageBox* resolveAllQuestion()
{
    for (QWidget* widget : QApplication::allWidgets()) {
        auto* box = qobject_cast<QMessageBox*>(widget);
        if (box && box->objectName() == QLatin1String("resolveAllQuestion") && box->isVisible())
            return box;
    }
    return nullptr;
}

QAction* action(QMenu* menu, const QString& objectName)
{
    for (QAction* each : menu->actions()) {
        if (each->objectName() == objectName)
            return each;
    }
    return nullptr;
}

//! The incident numbers in the menu, in order.
QStringList listed(QMenu* menu)
{
    QStringList numbers;
    const QString prefix = QStringLiteral("incident-");
    for (QAction* each : menu->actions()) {
        if (each->menu() && each->menu()->objectName().startsWith(prefix))
            numbers << each->menu()->objectName().mid(prefix.size());
    }
    return numbers;
}

//! The icon's own window in an XEmbed tray (Qt's fallback when no StatusNotifier host runs).
QWidget* trayIconWindow()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == QLatin1String("QSystemTrayIconSys"))
            return widget;
    }
    return nullptr;
}

//! The tray's balloon message on the screen, nullptr when none.
QWidget* balloon()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QBalloonTip") && widget->isVisible())
            return widget;
    }
    return nullptr;
}

//! The texts of the balloon on the screen (title and message), empty when none.
QString balloonText()
{
    QWidget* tip = balloon();
    if (!tip)
        return QString();
    QStringList texts;
    for (const QLabel* label : tip->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

//! The visible top-level dialog of type T, nullptr when none.
template <typename T> T* shownDialog()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<T*>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestTrayController : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectionStatus> m_connection;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<TrayController> m_tray;

    SimFixture& fixture() { return *m_fixture; }

    QString newIncident(const QString& summary, const QString& user, int minutesAgo)
    {
        return test::newSimIncident(fixture(), summary, { user },
            QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo));
    }

    QString simPhase(const QString& number) { return test::simPhase(fixture(), number); }
    QString otherUser() { return test::otherUser(fixture()); }

    bool refresh()
    {
        QSignalSpy refreshed(m_workspace->poller(), &IncidentPoller::refreshed);
        m_workspace->poller()->refresh();
        if (!refreshed.wait(10000))
            return false;
        // The tray updates on the next turn of the event loop.
        QTest::qWait(50);
        return true;
    }

    QMenu* menu() const { return m_tray->menu(); }
    IncidentModel* model() const { return m_workspace->incidents(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            const QString why
                = QStringLiteral("no system tray (run under scripts/headless: Xvfb and trayer)");
            if (required())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + why));
            QSKIP(qPrintable(why));
        }
        QVERIFY(m_dir.isValid());
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
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_connection = std::make_unique<ConnectionStatus>(fixture().client.get());
        m_workspace = std::make_unique<Workspace>(
            fixture().client.get(), m_settings.get(), m_window.get(), m_connection.get());
        m_tray = std::make_unique<TrayController>(m_window.get(), m_settings.get());
    }

    void cleanup()
    {
        m_tray.reset();
        m_workspace.reset();
        m_connection.reset();
        m_window.reset();
        m_fixture.reset();
        m_settings.reset();
        m_qsettings.reset();
    }

    // "Page someone…" brings the window up on the incidents view with the new-incident dialog.
    void pageSomeoneOpensTheDialog()
    {
        QVERIFY(!action(menu(), QStringLiteral("pageSomeone"))
            || !action(menu(), QStringLiteral("pageSomeone"))->isEnabled());
        m_tray->setWorkspace(m_workspace.get());
        m_workspace->start();
        QVERIFY(refresh());
        m_window->hide();
        QAction* page = nullptr;
        QTRY_VERIFY((page = action(menu(), QStringLiteral("pageSomeone"))) && page->isEnabled());
        page->trigger();
        QTRY_VERIFY(m_window->isVisible());
        CreateIncidentDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CreateIncidentDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->targets().size(), 0); // whom to page is the user's to choose

        // Signed out: nothing to page with.
        m_tray->setWorkspace(nullptr);
        QTRY_VERIFY(!action(menu(), QStringLiteral("pageSomeone"))
            || !action(menu(), QStringLiteral("pageSomeone"))->isEnabled());
    }

    void menuListsAndAcknowledges()
    {
        const QString older = newIncident(QStringLiteral("Older page"), fixture().demoUser(), 2);
        const QString newer = newIncident(QStringLiteral("Newer page"), fixture().demoUser(), 0);
        const QString others = newIncident(QStringLiteral("Not mine"), otherUser(), 0);

        QCOMPARE(m_tray->state(), State::Offline); // no session yet
        QVERIFY(picture(m_tray->trayIcon()->icon())
            == picture(QIcon(TrayController::iconFile(State::Offline))));
        QSignalSpy stateChanged(m_tray.get(), &TrayController::stateChanged);
        m_tray->setWorkspace(m_workspace.get());
        m_workspace->start();
        QTRY_VERIFY(m_tray->trayIcon()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->state(), State::Alert, 10000);
        QVERIFY(!stateChanged.isEmpty());
        QVERIFY(picture(m_tray->trayIcon()->icon())
            == picture(QIcon(TrayController::iconFile(State::Alert))));
        QVERIFY(picture(QIcon(TrayController::iconFile(State::Alert)))
            != picture(QIcon(TrayController::iconFile(State::Acknowledged))));

        // The tooltip has the counts.
        const int triggered = model()->countPagingMe(Phase::Triggered);
        const int acknowledged = model()->countPagingMe(Phase::Acknowledged);
        QVERIFY(triggered >= 2);
        // "Paging you" is the model's one count of triggered incidents paging the user (the
        // incidents badge's); the acknowledged ones are said apart.
        QCOMPARE(m_tray->pagingCount(), triggered);
        // The same number as the incidents view's navigation badge.
        QTRY_COMPARE(m_window->badge(QStringLiteral("incidents")), QString::number(triggered));
        QVERIFY2(m_tray->trayIcon()->toolTip().contains(
                     TrayController::pagingText(triggered, acknowledged)),
            qPrintable(m_tray->trayIcon()->toolTip()));
        // What pages me already at start alarms until acknowledged, and the tooltip says so.
        QTRY_VERIFY(m_tray->notifier()->alarm()->isActive());
        QTRY_VERIFY2(m_tray->trayIcon()->toolTip().contains(
                         QStringLiteral("Reminding you every 2 min until acknowledged")),
            qPrintable(m_tray->trayIcon()->toolTip()));

        // The menu: newest first, at most ten, only those paging me.
        QCOMPARE(m_tray->trayIcon()->contextMenu(), menu());
        QStringList numbers = listed(menu());
        QCOMPARE(numbers.size(), qMin(TrayController::MaxMenuIncidents, triggered + acknowledged));
        QCOMPARE(numbers.value(0), newer);
        QCOMPARE(numbers.value(1), older);
        QVERIFY(!numbers.contains(others));
        QCOMPARE(action(menu(), QStringLiteral("state"))->text(),
            TrayController::pagingText(triggered, acknowledged));
        QVERIFY(action(menu(), QStringLiteral("state"))
                    ->text()
                    .startsWith(QStringLiteral("%1 incidents paging you").arg(triggered)));

        // Acknowledge through the real menu: open it, open the incident's submenu, click.
        QMenu* sub = submenu(menu(), QStringLiteral("incident-") + newer);
        QVERIFY(sub);
        QVERIFY2(sub->title().contains(QStringLiteral("Newer page (Triggered)")),
            qPrintable(sub->title()));
        QAction* ack = action(sub, QStringLiteral("acknowledge"));
        QVERIFY(ack && ack->isEnabled());
        const QList<QAction*> before = menu()->actions();
        menu()->popup(QPoint(100, 100));
        QTRY_VERIFY(menu()->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(menu()));
        // While it is open, changes do not rebuild it.
        newIncident(QStringLiteral("While the menu is open"), fixture().demoUser(), 0);
        QVERIFY(refresh());
        QCOMPARE(menu()->actions(), before);
        QTest::mouseClick(
            menu(), Qt::LeftButton, {}, menu()->actionGeometry(sub->menuAction()).center());
        QTRY_VERIFY(sub->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(sub));
        QTest::mouseClick(sub, Qt::LeftButton, {}, sub->actionGeometry(ack).center());
        QTRY_VERIFY(!menu()->isVisible());

        QTRY_COMPARE_WITH_TIMEOUT(simPhase(newer), QStringLiteral("ACKED"), 10000);
        QCOMPARE(simPhase(older), QStringLiteral("UNACKED"));
        QVERIFY(refresh());
        // Rebuilt once closed: the new one is listed, the acknowledged one says so.
        numbers = listed(menu());
        QVERIFY(menu()->actions() != before);
        sub = submenu(menu(), QStringLiteral("incident-") + newer);
        QVERIFY(sub);
        QVERIFY2(sub->title().contains(QStringLiteral("(Acknowledged)")), qPrintable(sub->title()));
        QVERIFY(!action(sub, QStringLiteral("acknowledge"))->isEnabled());
        QVERIFY(action(sub, QStringLiteral("resolve"))->isEnabled());
        QCOMPARE(model()->countPagingMe(Phase::Acknowledged), acknowledged + 1);
        QVERIFY2(m_tray->trayIcon()->toolTip().contains(
                     TrayController::pagingText(triggered, acknowledged + 1)),
            qPrintable(m_tray->trayIcon()->toolTip()));
        QCOMPARE(m_tray->state(), State::Alert); // others still triggered

        // Acknowledge all paging me: only acknowledged ones are left.
        QAction* ackAll = action(menu(), QStringLiteral("acknowledgeAll"));
        QVERIFY(ackAll && ackAll->isEnabled());
        ackAll->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(older), QStringLiteral("ACKED"), 10000);
        QVERIFY(refresh());
        QTRY_COMPARE(m_tray->state(), State::Acknowledged);
        QVERIFY(picture(m_tray->trayIcon()->icon())
            == picture(QIcon(TrayController::iconFile(State::Acknowledged))));
        QVERIFY(!action(menu(), QStringLiteral("acknowledgeAll"))->isEnabled());
        // Acknowledged ones never count as paging: the tray says 0, as the model does.
        QCOMPARE(model()->countPagingMe(Phase::Triggered), 0);
        QCOMPARE(m_tray->pagingCount(), 0);
        QTRY_COMPARE(m_window->badge(QStringLiteral("incidents")), QString()); // no badge
        const int stillOpen = model()->countPagingMe(Phase::Acknowledged);
        QVERIFY(stillOpen >= 2);
        QCOMPARE(action(menu(), QStringLiteral("state"))->text(),
            QStringLiteral("Nothing is paging you (%1 acknowledged)").arg(stillOpen));
        QVERIFY2(m_tray->trayIcon()->toolTip().contains(
                     QStringLiteral("Nothing is paging you (%1 acknowledged)").arg(stillOpen)),
            qPrintable(m_tray->trayIcon()->toolTip()));

        // Resolve all paging me: all clear, nothing listed.
        QAction* resolveAll = action(menu(), QStringLiteral("resolveAll"));
        QVERIFY(resolveAll && resolveAll->isEnabled());
        // It asks first, saying how many; nothing is sent until the user agrees.
        resolveAll->trigger();
        QMessageBox* question = nullptr;
        QTRY_VERIFY(question = resolveAllQuestion());
        QVERIFY2(
            question->text().contains(QStringLiteral("Resolve the")), qPrintable(question->text()));
        QTest::qWait(100);
        QCOMPARE(simPhase(newer), QStringLiteral("ACKED"));
        auto* yes = question->findChild<QPushButton*>(QStringLiteral("resolveAllYes"));
        QVERIFY(yes);
        yes->click();
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(newer), QStringLiteral("RESOLVED"), 10000);
        QVERIFY(refresh());
        QTRY_COMPARE(m_tray->state(), State::AllClear);
        QCOMPARE(listed(menu()), QStringList());
        QCOMPARE(action(menu(), QStringLiteral("state"))->text(),
            QStringLiteral("Nothing is paging you"));
        QCOMPARE(simPhase(others), QStringLiteral("UNACKED"));
        QVERIFY(picture(m_tray->trayIcon()->icon())
            == picture(QIcon(TrayController::iconFile(State::AllClear))));

        // Signed out: offline.
        m_tray->setWorkspace(nullptr);
        QCOMPARE(m_tray->state(), State::Offline);
        QVERIFY(m_tray->trayIcon()->toolTip().contains(QStringLiteral("Not signed in")));
        QCOMPARE(action(menu(), QStringLiteral("state"))->text(), QStringLiteral("Not signed in"));
        QVERIFY(!action(menu(), QStringLiteral("acknowledgeAll"))->isEnabled());
    }

    // The tray reads the session's one connection state: with the connection gone it shows
    // the offline icon and the status bar's words, and a server error is not called offline.
    void followsTheConnectionState()
    {
        m_tray->setWorkspace(m_workspace.get());
        QVERIFY(refresh());
        QVERIFY(m_tray->state() != State::Offline);

        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=503,path=/api-public/v1/incidents")));
        m_workspace->poller()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionStatus::State::Degraded, 10000);
        QTest::qWait(50);
        QVERIFY(m_tray->state() != State::Offline); // the rows it has are still the service's
        QVERIFY2(!m_tray->trayIcon()->toolTip().contains(QStringLiteral("Offline")),
            qPrintable(m_tray->trayIcon()->toolTip()));

        fixture().server->service().faults().clear();
        QVERIFY(!fixture().server->service().faults().parse(QStringLiteral("drop")));
        m_workspace->poller()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionStatus::State::Offline, 10000);
        QTRY_COMPARE(m_tray->state(), State::Offline);
        QVERIFY(picture(m_tray->trayIcon()->icon())
            == picture(QIcon(TrayController::iconFile(State::Offline))));
        QVERIFY2(m_tray->trayIcon()->toolTip().contains(m_connection->text()),
            qPrintable(m_tray->trayIcon()->toolTip()));

        fixture().server->service().faults().clear();
        QVERIFY(refresh());
        QTRY_VERIFY(m_tray->state() != State::Offline);
    }

    void onCallSummaryInTooltipAndMenu()
    {
        m_tray->setWorkspace(m_workspace.get());
        QVERIFY(!action(menu(), QStringLiteral("onCall")));
        m_workspace->start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->onCallSummary().isEmpty(), 10000);
        // The next shifts come with the user's schedule, after the current on-call.
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->onCall()->myShiftsKnown(), 10000);
        QTest::qWait(50);
        const QStringList lines = m_workspace->onCallSummary().split(QLatin1Char('\n'));
        QVERIFY2(lines.first().startsWith(QStringLiteral("On call for "))
                || lines.first() == QStringLiteral("Not on call"),
            qPrintable(lines.first()));
        // One line per policy, in the tooltip and as the menu's entries.
        QCOMPARE(lines, m_workspace->onCall()->summaryLines());
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY2(m_tray->trayIcon()->toolTip().contains(lines.at(i)),
                qPrintable(m_tray->trayIcon()->toolTip()));
            QAction* line = action(
                menu(), i == 0 ? QStringLiteral("onCall") : QStringLiteral("onCall-%1").arg(i));
            QVERIFY(line);
            QCOMPARE(line->text(), lines.at(i));
        }
        QAction* onCall = action(menu(), QStringLiteral("onCall"));
        QVERIFY(onCall);
        m_window->setCurrentView(0);
        onCall->trigger();
        QCOMPARE(m_window->currentView(), MainWindow::viewIndex(QStringLiteral("oncall")));
    }

    void pauseNotifications()
    {
        m_tray->setWorkspace(m_workspace.get());
        NotificationFilter* filter = m_tray->notifier()->filter();
        QMenu* pause = submenu(menu(), QStringLiteral("pause"));
        QVERIFY(pause);
        QCOMPARE(pause->title(), QStringLiteral("Pause notifications"));
        QVERIFY(!action(pause, QStringLiteral("resume"))->isEnabled());

        const QDateTime before = QDateTime::currentDateTime();
        action(pause, QStringLiteral("pause30"))->trigger();
        QVERIFY(filter->isPaused());
        const qint64 seconds = before.secsTo(filter->pausedUntil());
        QVERIFY2(
            seconds >= 30 * 60 - 1 && seconds <= 30 * 60 + 5, qPrintable(QString::number(seconds)));
        pause = submenu(menu(), QStringLiteral("pause"));
        QVERIFY2(pause->title().startsWith(QStringLiteral("Notifications paused until ")),
            qPrintable(pause->title()));
        QVERIFY(
            m_tray->trayIcon()->toolTip().contains(QStringLiteral("Notifications paused until")));
        QVERIFY(action(pause, QStringLiteral("resume"))->isEnabled());

        action(pause, QStringLiteral("pauseIndefinitely"))->trigger();
        QVERIFY(filter->isPaused());
        QVERIFY(!filter->pausedUntil().isValid());
        pause = submenu(menu(), QStringLiteral("pause"));
        QCOMPARE(pause->title(), QStringLiteral("Notifications paused until resumed"));

        action(pause, QStringLiteral("resume"))->trigger();
        QVERIFY(!filter->isPaused());
        pause = submenu(menu(), QStringLiteral("pause"));
        QCOMPARE(pause->title(), QStringLiteral("Pause notifications"));
        QVERIFY(!m_tray->trayIcon()->toolTip().contains(QStringLiteral("paused")));
    }

    void leftClickAndCloseToTray()
    {
        QVERIFY(m_window->closesToTray());
        QVERIFY(m_window->isVisible());
        Q_EMIT m_tray->trayIcon()->activated(QSystemTrayIcon::Trigger);
        QVERIFY(!m_window->isVisible());
        Q_EMIT m_tray->trayIcon()->activated(QSystemTrayIcon::Trigger);
        QVERIFY(m_window->isVisible());
        // A right click (context) does not toggle.
        Q_EMIT m_tray->trayIcon()->activated(QSystemTrayIcon::Context);
        QVERIFY(m_window->isVisible());

        QSettings state(QStringLiteral("Rota"), QStringLiteral("rota"));
        state.remove(QStringLiteral("tray/closeExplained"));
        QSignalSpy closed(m_window.get(), &MainWindow::closedToTray);
        m_window->close();
        QCOMPARE(closed.size(), 1);
        QVERIFY(!m_window->isVisible());
        state.sync();
        QCOMPARE(state.value(QStringLiteral("tray/closeExplained")).toBool(), true);

        // "Open Rota" brings it back.
        action(menu(), QStringLiteral("openRota"))->trigger();
        QVERIFY(m_window->isVisible());

        // Without the controller, closing closes.
        m_tray.reset();
        QVERIFY(!m_window->closesToTray());
    }

    void trayQuitQuits_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::newRow("visible") << QStringLiteral("visible");
        QTest::newRow("hidden to the tray") << QStringLiteral("hidden");
        QTest::newRow("minimised") << QStringLiteral("minimised");
    }

    void trayQuitQuits()
    {
        QFETCH(QString, shown);
        const QuitController quit;
        if (shown == QLatin1String("hidden")) {
            m_window->close();
            QVERIFY(m_window->isHidden());
        } else if (shown == QLatin1String("minimised")) {
            m_window->showMinimized();
        }
        QAction* quitAction = action(menu(), QStringLiteral("quit"));
        QVERIFY(quitAction);
        QCOMPARE(test::runEventLoop([quitAction] { quitAction->trigger(); }), 0);
        QVERIFY(quit.isQuitting());
    }

    void acknowledgeWithAMessageAndRerouteFromTheMenu()
    {
        const QString number
            = newIncident(QStringLiteral("Checkout latency"), fixture().demoUser(), 0);
        m_tray->setWorkspace(m_workspace.get());
        m_workspace->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->state(), State::Alert, 10000);
        QVERIFY(m_tray->quickActions());
        QCOMPARE(m_tray->quickActions()->actions(), m_workspace->actions());

        // The incident's submenu, in order.
        QMenu* sub = submenu(menu(), QStringLiteral("incident-") + number);
        QVERIFY(sub);
        QStringList names;
        for (QAction* each : sub->actions())
            names << (each->isSeparator() ? QStringLiteral("|") : each->objectName());
        QCOMPARE(names,
            QStringList({ QStringLiteral("acknowledge"), QStringLiteral("acknowledgeWithMessage"),
                QStringLiteral("resolve"), QStringLiteral("reroute"), QStringLiteral("|"),
                QStringLiteral("open") }));
        QCOMPARE(action(sub, QStringLiteral("acknowledgeWithMessage"))->text(),
            QStringLiteral("Acknowledge with message…"));
        QCOMPARE(action(sub, QStringLiteral("reroute"))->text(), QStringLiteral("Reroute…"));
        QVERIFY(action(sub, QStringLiteral("acknowledgeWithMessage"))->isEnabled());
        QVERIFY(action(sub, QStringLiteral("reroute"))->isEnabled());

        // With the window in the tray, the dialog shows on its own; what it sent reaches the
        // service, and the balloon says it was done.
        m_window->hide();
        action(sub, QStringLiteral("acknowledgeWithMessage"))->trigger();
        AckMessageDialog* ack = nullptr;
        QTRY_VERIFY(ack = shownDialog<AckMessageDialog>());
        QVERIFY(!ack->parentWidget());
        QTest::keyClicks(ack->messageEdit(), QStringLiteral("On my way"));
        QTest::keyClick(ack->messageEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(number), QStringLiteral("ACKED"), 10000);
        QCOMPARE(fixture().ctx().org.incidents[number.toInt()].transitions.constLast().message,
            QStringLiteral("On my way"));
        QVERIFY(!m_window->isVisible()); // nothing brought the window back
        const QString acknowledged = QStringLiteral("#%1 acknowledged").arg(number);
        QTRY_VERIFY2(balloonText().contains(acknowledged), qPrintable(balloonText()));

        // Acknowledged now: the message entry is off, Reroute still on.
        QVERIFY(refresh());
        sub = submenu(menu(), QStringLiteral("incident-") + number);
        QVERIFY(!action(sub, QStringLiteral("acknowledgeWithMessage"))->isEnabled());
        QVERIFY(action(sub, QStringLiteral("reroute"))->isEnabled());

        // Reroute to another user: typed, Enter.
        const QString other = otherUser();
        action(sub, QStringLiteral("reroute"))->trigger();
        QuickRerouteDialog* reroute = nullptr;
        QTRY_VERIFY(reroute = shownDialog<QuickRerouteDialog>());
        QTRY_VERIFY_WITH_TIMEOUT(reroute->isLoaded(), 10000);
        QTest::keyClicks(reroute->searchEdit(), other);
        QTest::keyClick(reroute->searchEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            fixture().ctx().org.incidents[number.toInt()].pagedUsers, QStringList { other }, 10000);
        QTRY_VERIFY2(balloonText().contains(QStringLiteral("#%1 rerouted").arg(number)),
            qPrintable(balloonText()));
    }

    void aRefusalFromTheMenuShowsInWords()
    {
        const QString number = newIncident(QStringLiteral("Refused ack"), fixture().demoUser(), 0);
        m_tray->setWorkspace(m_workspace.get());
        m_workspace->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->state(), State::Alert, 10000);
        QMenu* sub = submenu(menu(), QStringLiteral("incident-") + number);
        QVERIFY(sub);
        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,path=/api-public/v1/incidents/ack")));
        m_window->hide();
        QSignalSpy feedback(m_tray->quickActions(), &QuickActions::feedback);
        action(sub, QStringLiteral("acknowledge"))->trigger();
        const QString refused = QStringLiteral("Could not acknowledge #%1").arg(number);
        QTRY_VERIFY2_WITH_TIMEOUT(
            balloonText().contains(refused), qPrintable(balloonText()), 10000);
        QVERIFY2(balloonText().contains(QStringLiteral("It is still triggered.")),
            qPrintable(balloonText()));
        QCOMPARE(model()->phaseAt(model()->rowOf(number)), Phase::Triggered);
        QCOMPARE(simPhase(number), QStringLiteral("UNACKED"));
        // Said once: the refusal is not shown again as a bare failure.
        QTest::qWait(200);
        int failures = 0;
        for (const QList<QVariant>& each : std::as_const(feedback))
            failures += each.at(0).value<QuickActions::Feedback>().failed ? 1 : 0;
        QCOMPARE(failures, 1);
        QVERIFY(balloonText().contains(refused));
    }

    void clicksWhileABalloonIsUp()
    {
        m_tray->setWorkspace(m_workspace.get());
        QWidget* icon = trayIconWindow();
        if (!icon)
            QSKIP("the tray icon is not an XEmbed window here");
        QSettings state(QStringLiteral("Rota"), QStringLiteral("rota"));
        // Closing the window the first time says, in a balloon, that Rota goes on in the tray.
        const auto closeWithBalloon = [this, &state] {
            state.remove(QStringLiteral("tray/closeExplained"));
            state.sync();
            m_window->close();
            return QTest::qWaitFor([] { return balloon() != nullptr; }, 5000);
        };

        // A left click on the icon opens the window (and the balloon goes).
        QVERIFY(closeWithBalloon());
        QVERIFY(!m_window->isVisible());
        QTest::mouseClick(icon, Qt::LeftButton, {}, icon->rect().center());
        QTest::qWait(200);
        QVERIFY(m_window->isVisible());
        QVERIFY(!balloon());

        // A right click opens the menu, not the window.
        QVERIFY(closeWithBalloon());
        QTest::mouseClick(icon, Qt::RightButton, {}, icon->rect().center());
        QTRY_VERIFY(menu()->isVisible());
        QTest::qWait(200);
        QVERIFY(menu()->isVisible());
        QVERIFY(!m_window->isVisible());
        menu()->hide();

        // A click on the balloon opens the window.
        QVERIFY(closeWithBalloon());
        QWidget* tip = balloon();
        QTest::mouseClick(tip, Qt::LeftButton, {}, tip->rect().center());
        QTRY_VERIFY(m_window->isVisible());

        // A click on a notification's balloon opens its incident.
        QVERIFY(refresh());
        QVERIFY(model()->rowCount() > 0);
        const Incident incident = model()->incidentAt(0);
        QTRY_COMPARE(m_tray->notifier()->backend(), Notifier::Backend::Tray);
        m_window->showView(QStringLiteral("oncall"));
        m_window->hide();
        m_tray->notifier()->notify({ incident });
        QTRY_VERIFY(balloon());
        tip = balloon();
        QTest::mouseClick(tip, Qt::LeftButton, {}, tip->rect().center());
        QTRY_VERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentView(), MainWindow::viewIndex(QStringLiteral("incidents")));
    }

    void pagedYouWhileYouWereAway()
    {
        m_tray->setWorkspace(m_workspace.get());
        m_workspace->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->poller()->lastUpdated().isValid(), 10000);
        QVERIFY(!action(menu(), QStringLiteral("awayHeading"))); // nothing away yet
        QSignalSpy notified(m_tray->notifier(), &Notifier::sent);

        // Between two refreshes a page of mine comes and a colleague resolves it.
        const QString away = newIncident(QStringLiteral("Came and went"), fixture().demoUser(), 0);
        AckResolveRequest resolve;
        resolve.userName = otherUser();
        resolve.incidentNames = { away };
        auto call = calls::resolveIncidents(*fixture().client, resolve);
        ROTA_EXPECT_OK(call);
        QVERIFY(refresh());
        AwayPagesModel* pages = m_workspace->awayPages();
        QTRY_COMPARE_WITH_TIMEOUT(pages->count(), 1, 10000);
        QTest::qWait(50); // the tray updates on the next turn of the event loop

        // The menu's section: a heading, the incident with who resolved it, and Open….
        QAction* heading = action(menu(), QStringLiteral("awayHeading"));
        QVERIFY(heading);
        QCOMPARE(heading->text(), QStringLiteral("Paged you while you were away"));
        QAction* entry = action(menu(), QStringLiteral("away-") + away);
        QVERIFY(entry);
        QVERIFY2(entry->text().contains(QStringLiteral("Came and went"))
                && entry->text().contains(QStringLiteral("resolved by ") + otherUser()),
            qPrintable(entry->text()));
        QVERIFY(action(menu(), QStringLiteral("awayOpen")));
        // Quietly: no notification, and the icon does not call for attention for it.
        for (const QList<QVariant>& sent : std::as_const(notified))
            QVERIFY(sent.value(2).toString() != away);
        QVERIFY(m_tray->state() != State::Offline);

        // The entry opens the window on the incidents, the list open on that incident.
        m_window->showView(QStringLiteral("oncall"));
        m_window->hide();
        entry->trigger();
        QTRY_VERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentView(), MainWindow::viewIndex(QStringLiteral("incidents")));
        auto* banner = m_window->findChild<AwayPagesBanner*>();
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->isExpanded());
        const QModelIndexList selected = banner->list()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().data(AwayPagesModel::NumberRole).toString(), away);

        // Dismissed in the window: the section leaves the menu.
        QTest::mouseClick(banner->dismissButton(), Qt::LeftButton);
        QTRY_VERIFY(!action(menu(), QStringLiteral("awayHeading")));
        QVERIFY(!banner->isVisible());
    }
};

int main(int argc, char* argv[])
{
    // Never the user's own settings (the "explained once" flag lives in QSettings).
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // then it skips (or fails under CI)
    QApplication app(argc, argv);
    TestTrayController test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_traycontroller.moc"
