// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The quit path in one process, over the real MainWindow: File › Quit and Ctrl+Q end the event
// loop with 0 whether the window is visible, hidden to the tray or minimised; a Ctrl+Q that is
// the key repeat of one held down does not quit, also when Qt does not mark it as a repeat
// (ShortcutRepeatFilter); closing the window hides it to the tray and quits nothing; a guard can
// keep Rota running; a quit ends a modal dialog's loop too; SIGTERM, SIGINT and SIGHUP quit the
// same way (ShutdownSignals), and a signal ignored at start stays ignored.

#include "eventloop.h"
#include "mainwindow.h"
#include "quitcontroller.h"
#include "shortcutrepeatfilter.h"
#include "shutdownsignals.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>
#include <memory>

using namespace rota;

using rota::test::LoopStayed;
using rota::test::runEventLoop;

namespace {

QAction* quitAction(MainWindow& window)
{
    return window.findChild<QAction*>(QStringLiteral("quitAction"));
}

} // namespace

class TestQuitController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileQuitQuits_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::newRow("visible") << QStringLiteral("visible");
        QTest::newRow("hidden to the tray") << QStringLiteral("hidden");
        QTest::newRow("minimised") << QStringLiteral("minimised");
    }

    void fileQuitQuits()
    {
        QFETCH(QString, shown);
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (shown == QLatin1String("hidden")) {
            window.close();
            QVERIFY(window.isHidden());
        } else if (shown == QLatin1String("minimised")) {
            window.showMinimized();
        }
        QAction* action = quitAction(window);
        QVERIFY(action);
        QCOMPARE(runEventLoop([action] { action->trigger(); }), 0);
        QVERIFY(quit.isQuitting());
    }

    void ctrlQQuits()
    {
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(
            runEventLoop([&window] { QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier); }),
            0);
    }

    void heldCtrlQDoesNotQuit()
    {
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QWindow* handle = window.windowHandle();
        // What the window system sends while Ctrl+Q is held: repeated presses marked as such.
        const auto repeat = [handle] {
            for (int i = 0; i < 3; ++i) {
                qt_handleKeyEvent(handle, QEvent::KeyPress, Qt::Key_Q, Qt::ControlModifier,
                    QStringLiteral("\x11"), true);
            }
        };
        QCOMPARE(runEventLoop(repeat, 500), LoopStayed);
        QVERIFY(!quit.isQuitting());
        QVERIFY(window.isVisible());
        // A fresh press does.
        QCOMPARE(runEventLoop([handle] {
            qt_handleKeyEvent(
                handle, QEvent::KeyPress, Qt::Key_Q, Qt::ControlModifier, QStringLiteral("\x11"));
        }),
            0);
    }

    void unmarkedRepeatOfCtrlQDoesNotQuit()
    {
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QObject* focus = QApplication::focusObject() ? QApplication::focusObject() : &window;
        // What Qt on X11 mostly delivers while Ctrl+Q is held: the server's release and press of
        // each repeat, with one timestamp, the press not marked as a repeat.
        const auto repeats = [focus] {
            for (ulong time = 1000; time < 1200; time += 40) {
                QKeyEvent release(QEvent::KeyRelease, Qt::Key_Q, Qt::ControlModifier,
                    QStringLiteral("\x11"), false);
                release.setTimestamp(time);
                QCoreApplication::sendEvent(focus, &release);
                qt_sendShortcutOverrideEvent(
                    focus, time, Qt::Key_Q, Qt::ControlModifier, QStringLiteral("\x11"), false);
            }
        };
        {
            // Qt alone takes them for fresh presses.
            const QuitController quit;
            QCOMPARE(runEventLoop(repeats, 500), 0);
        }
        const QuitController quit;
        ShortcutRepeatFilter filter;
        filter.addAction(window.quitAction());
        QCOMPARE(runEventLoop(repeats, 500), LoopStayed);
        QVERIFY(!quit.isQuitting());
        // A press a moment after the last release is a fresh one.
        QCOMPARE(runEventLoop([focus] {
            qt_sendShortcutOverrideEvent(
                focus, 5000, Qt::Key_Q, Qt::ControlModifier, QStringLiteral("\x11"), false);
        }),
            0);
    }

    void closingHidesAndQuitsNothing()
    {
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy closed(&window, &MainWindow::closedToTray);
        QCOMPARE(runEventLoop([&window] { window.close(); }, 500), LoopStayed);
        QCOMPARE(closed.size(), 1);
        QVERIFY(window.isHidden());
        QVERIFY(!quit.isQuitting());
    }

    void guardCanKeepRotaRunning()
    {
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* action = quitAction(window);
        int asked = 0;
        bool answer = false;
        QObject owner;
        quit.addGuard(&owner, [&asked, &answer] {
            ++asked;
            return answer;
        });
        QCOMPARE(runEventLoop([action] { action->trigger(); }, 500), LoopStayed);
        QCOMPARE(asked, 1);
        QVERIFY(!quit.isQuitting());
        QVERIFY(window.isVisible());

        answer = true;
        QCOMPARE(runEventLoop([action] { action->trigger(); }), 0);
        QCOMPARE(asked, 2);
    }

    void guardGoesWithItsOwner()
    {
        QuitController quit;
        int asked = 0;
        auto owner = std::make_unique<QObject>();
        quit.addGuard(owner.get(), [&asked] {
            ++asked;
            return false;
        });
        owner.reset();
        QCOMPARE(runEventLoop([] { QCoreApplication::quit(); }), 0);
        QCOMPARE(asked, 0);
    }

    void quitEndsAModalDialog()
    {
        QuitController quit;
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int dialogResult = -1;
        const int code = runEventLoop([&window, &dialogResult] {
            QMessageBox box(QMessageBox::Information, QStringLiteral("About"),
                QStringLiteral("Modal"), QMessageBox::Ok, &window);
            // Asked from inside the dialog's own loop.
            QTimer::singleShot(100, &box, [] { QCoreApplication::quit(); });
            dialogResult = box.exec();
        });
        QCOMPARE(code, 0);
        QVERIFY(dialogResult != -1);
    }

    void signalsQuit_data()
    {
        QTest::addColumn<int>("number");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }

    void signalsQuit()
    {
        QFETCH(int, number);
        QuitController quit;
        ShutdownSignals shutdown;
        QVERIFY(shutdown.isActive());
        QVERIFY(shutdown.handled().contains(number));
        connect(&shutdown, &ShutdownSignals::received, &quit, &QuitController::requestQuit);
        QSignalSpy received(&shutdown, &ShutdownSignals::received);
        MainWindow window;
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(runEventLoop([number] { ::raise(number); }), 0);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().constFirst().toInt(), number);
    }

    void ignoredSignalStaysIgnored()
    {
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        struct sigaction hangupBefore = {};
        QCOMPARE(::sigaction(SIGHUP, &ignore, &hangupBefore), 0);
        struct sigaction termBefore = {};
        QCOMPARE(::sigaction(SIGTERM, nullptr, &termBefore), 0);
        {
            const ShutdownSignals shutdown;
            QVERIFY(!shutdown.handled().contains(SIGHUP));
            QVERIFY(shutdown.handled().contains(SIGTERM));
            struct sigaction now = {};
            QCOMPARE(::sigaction(SIGHUP, nullptr, &now), 0);
            QVERIFY(now.sa_handler == SIG_IGN);
            QCOMPARE(::sigaction(SIGTERM, nullptr, &now), 0);
            QVERIFY(now.sa_handler != termBefore.sa_handler);
        }
        // Gone with the instance: the previous handlers are back.
        struct sigaction term = {};
        QCOMPARE(::sigaction(SIGTERM, nullptr, &term), 0);
        QVERIFY(term.sa_handler == termBefore.sa_handler);
        QCOMPARE(::sigaction(SIGHUP, &hangupBefore, nullptr), 0);
    }
};

QTEST_MAIN(TestQuitController)
#include "tst_quitcontroller.moc"
