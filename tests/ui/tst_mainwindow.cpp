// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The main window as a user meets it: navigation by mouse and keyboard, and the connection state
// in the status bar against a real rota-sim (good key, bad key).
#include "connectionindicator.h"
#include "connectionstatus.h"
#include "mainview.h"
#include "mainwindow.h"
#include "navigationlist.h"
#include "simfixture.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

QString statusText(MainWindow& window)
{
    QStringList texts;
    const auto labels = window.statusBar()->findChildren<QLabel*>();
    for (const QLabel* label : labels)
        texts.append(label->text());
    return texts.join(QLatin1Char(' '));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offersEveryViewAndSwitchesByKeyboardAndMouse()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* navigation = window.findChild<NavigationList*>();
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 9);
        const QStringList expected { QStringLiteral("Incidents"), QStringLiteral("On-call"),
            QStringLiteral("Schedules & overrides"), QStringLiteral("Paging policy"),
            QStringLiteral("Teams"), QStringLiteral("Users"), QStringLiteral("Reports"),
            QStringLiteral("Maintenance"), QStringLiteral("Alert rules") };
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(navigation->item(i)->text(), expected.at(i));

        auto* pages = window.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(window.currentView(), 0);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentView(), 2);
        QCOMPARE(pages->currentIndex(), 2);
        QCOMPARE(navigation->currentRow(), 2);
        QTest::keyClick(&window, Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(window.currentView(), 8);

        const QRect teams = navigation->visualItemRect(navigation->item(4));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, teams.center());
        QCOMPARE(window.currentView(), 4);
        QCOMPARE(pages->currentIndex(), 4);

        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(window.currentView(), 5);
    }

    // F5 refreshes the view shown while the navigation has the focus too (it triggers the
    // page's own F5 action, which works only inside the page).
    void f5FromTheNavigationRefreshesTheView()
    {
        MainWindow window;
        auto* page = new QWidget;
        auto* own = new QAction(QStringLiteral("Refresh"), page);
        own->setShortcut(QKeySequence::Refresh);
        own->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        page->addAction(own);
        int refreshed = 0;
        connect(own, &QAction::triggered, this, [&refreshed] { ++refreshed; });
        window.setPage(QStringLiteral("teams"), page);
        window.showView(QStringLiteral("teams"));
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* navigation = window.findChild<NavigationList*>();
        navigation->setFocus();
        QVERIFY(navigation->hasFocus());
        QTest::keyClick(navigation, Qt::Key_F5);
        QCOMPARE(refreshed, 1);
        // A disabled refresh (one under way) is not triggered.
        own->setEnabled(false);
        QTest::keyClick(navigation, Qt::Key_F5);
        QCOMPARE(refreshed, 1);
    }

    // A session's pages deleted and the next session's set in one go (adding an account while
    // signed in): each page lands at its own view, and the ones not set show placeholders.
    void pagesReplacedInOneGo()
    {
        MainWindow window;
        QList<QWidget*> old;
        for (const QString& slug :
            { QStringLiteral("incidents"), QStringLiteral("oncall"), QStringLiteral("teams") }) {
            old.append(new QLabel(slug));
            window.setPage(slug, old.last());
        }
        window.showView(QStringLiteral("teams"));
        qDeleteAll(old); // as the workspace deletes its pages, at once
        auto* incidents = new QLabel(QStringLiteral("new incidents"));
        auto* teams = new QLabel(QStringLiteral("new teams"));
        window.setPage(QStringLiteral("incidents"), incidents);
        window.setPage(QStringLiteral("teams"), teams);
        QCOMPARE(window.page(QStringLiteral("incidents")), incidents);
        QCOMPARE(window.page(QStringLiteral("teams")), teams);
        auto* pages = window.findChild<QStackedWidget*>();
        QCOMPARE(pages->count(), int(MainView::all().size()));
        QCOMPARE(pages->widget(MainWindow::viewIndex(QStringLiteral("incidents"))), incidents);
        QCOMPARE(pages->widget(MainWindow::viewIndex(QStringLiteral("teams"))), teams);
        QCOMPARE(pages->currentWidget(), teams);
        QVERIFY(window.page(QStringLiteral("oncall")));
        QVERIFY(window.page(QStringLiteral("oncall"))->inherits("rota::PlaceholderPage"));
    }

    void showsTheConnectionState()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ConnectionStatus status(fixture.client.get());
        MainWindow window;
        window.setConnectionStatus(&status);
        window.show();
        QVERIFY(statusText(window).contains(QLatin1String("Not connected"))
            || statusText(window).contains(QLatin1String("Connecting")));
        status.start();
        QTRY_COMPARE(status.state(), ConnectionStatus::State::Online);
        QTRY_VERIFY2(statusText(window).contains(QStringLiteral("as ") + fixture.demoUser()),
            qPrintable(statusText(window)));
    }

    void saysInWordsWhenTheKeyIsRefused()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        fixture.client->setCredentials(
            { fixture.ctx().options.apiId, QStringLiteral("wrong-key"), fixture.demoUser() });
        ConnectionStatus status(fixture.client.get());
        MainWindow window;
        window.setConnectionStatus(&status);
        window.show();
        status.start();
        QTRY_COMPARE(status.state(), ConnectionStatus::State::AuthFailed);
        QTRY_VERIFY2(statusText(window).contains(QLatin1String("key is wrong")),
            qPrintable(statusText(window)));
        QVERIFY(!statusText(window).contains(QLatin1String("wrong-key")));
    }

    void saysWhenNotSignedIn()
    {
        MainWindow window;
        window.setConnectionStatus(nullptr);
        window.show();
        QVERIFY2(statusText(window).contains(QLatin1String("Not signed in")),
            qPrintable(statusText(window)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
