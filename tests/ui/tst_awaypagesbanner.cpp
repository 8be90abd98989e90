// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// AwayPagesBanner with real widgets (offscreen): hidden while nothing paged the user while they
// were away; "N incidents paged you while you were away" with Show, which opens the list (number,
// name, started, resolved by whom and when), and Dismiss, which clears the list for the session;
// activating a row asks to open that incident; showPage opens the list on one incident.

#include "awaypages.h"
#include "awaypagesbanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace rota;

namespace {

AwayPage awayPage(
    const QString& number, const QString& summary, int startedMinutesAgo, const QString& resolvedBy)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AwayPage page;
    page.incidentNumber = number;
    page.summary = summary;
    page.started = now.addSecs(-60 * startedMinutesAgo);
    page.resolvedAt = now.addSecs(-60 * startedMinutesAgo + 90);
    page.resolvedBy = resolvedBy;
    IncidentTransition triggered;
    triggered.name = QStringLiteral("triggered");
    triggered.phase = Phase::Triggered;
    triggered.at = page.started;
    triggered.by = QStringLiteral("nagios");
    IncidentTransition resolved;
    resolved.name = QStringLiteral("resolved");
    resolved.phase = Phase::Resolved;
    resolved.at = page.resolvedAt;
    resolved.by = resolvedBy;
    page.transitions = { triggered, resolved };
    return page;
}

QString cell(QTreeView* view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestAwayPagesBanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsAndDismisses()
    {
        AwayPagesModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* banner = new AwayPagesBanner(&model);
        layout->addWidget(banner);
        layout->addStretch(1);
        window.resize(900, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Nothing away: no banner.
        QVERIFY(!banner->isVisible());

        model.add({ awayPage(QStringLiteral("41"), QStringLiteral("Disk full on db-1"), 50,
                        QStringLiteral("ada.lovelace")),
            awayPage(QStringLiteral("43"), QStringLiteral("Checkout <b>latency</b>"), 20,
                QStringLiteral("nagios")),
            awayPage(QStringLiteral("42"), QStringLiteral("Queue backlog"), 30,
                QStringLiteral("grace.hopper")) });
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("3 incidents paged you while you were away"));
        QVERIFY(!banner->isExpanded());
        QVERIFY(!banner->list()->isVisible());
        QCOMPARE(banner->toggleButton()->text(), QStringLiteral("Show"));

        // Show: the list, newest first, with number, name, started and who resolved it when.
        QTest::mouseClick(banner->toggleButton(), Qt::LeftButton);
        QVERIFY(banner->isExpanded());
        QVERIFY(banner->list()->isVisible());
        QCOMPARE(banner->toggleButton()->text(), QStringLiteral("Hide"));
        QTreeView* list = banner->list();
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(cell(list, 0, AwayPagesModel::NumberColumn), QStringLiteral("#43"));
        QCOMPARE(cell(list, 1, AwayPagesModel::NumberColumn), QStringLiteral("#42"));
        QCOMPARE(cell(list, 2, AwayPagesModel::NumberColumn), QStringLiteral("#41"));
        QCOMPARE(cell(list, 2, AwayPagesModel::SummaryColumn), QStringLiteral("Disk full on db-1"));
        QVERIFY(!cell(list, 2, AwayPagesModel::StartedColumn).isEmpty());
        QVERIFY2(cell(list, 2, AwayPagesModel::ResolvedColumn)
                     .startsWith(QStringLiteral("by ada.lovelace at ")),
            qPrintable(cell(list, 2, AwayPagesModel::ResolvedColumn)));
        QCOMPARE(list->model()->headerData(AwayPagesModel::ResolvedColumn, Qt::Horizontal),
            QVariant(QStringLiteral("Resolved")));
        // The row's tooltip tells its history, in order.
        const QString tip = list->model()->index(2, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Triggered at"))
                && tip.contains(QStringLiteral("by nagios"))
                && tip.indexOf(QStringLiteral("Triggered"))
                    < tip.indexOf(QStringLiteral("Resolved")),
            qPrintable(tip));
        // All rows fit without scrolling (up to five), and the list does not push the page away.
        QVERIFY(
            list->visualRect(list->model()->index(2, 0)).bottom() <= list->viewport()->height());
        QVERIFY(banner->height() < window.height() / 2);

        // Activating a row (Enter on it) asks to open that incident.
        QSignalSpy open(banner, &AwayPagesBanner::openRequested);
        list->setFocus();
        list->setCurrentIndex(list->model()->index(1, 0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.constFirst().constFirst().toString(), QStringLiteral("42"));

        // Hide folds the list again.
        QTest::mouseClick(banner->toggleButton(), Qt::LeftButton);
        QVERIFY(!list->isVisible());

        // Dismiss clears them; they do not come back, a new one does.
        QTest::mouseClick(banner->dismissButton(), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.add({ awayPage(QStringLiteral("41"), QStringLiteral("Disk full on db-1"), 50,
                     QStringLiteral("ada.lovelace")) }),
            0);
        QVERIFY(!banner->isVisible());
        QCOMPARE(model.add({ awayPage(QStringLiteral("44"), QStringLiteral("Certificate expiry"), 5,
                     QStringLiteral("ada.lovelace")) }),
            1);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("1 incident paged you while you were away"));
    }

    void showPageOpensOnOne()
    {
        AwayPagesModel model;
        AwayPagesBanner banner(&model);
        banner.resize(800, 200);
        banner.show();
        // Nothing listed: nothing to open.
        banner.showPage(QStringLiteral("7"));
        QVERIFY(!banner.isExpanded());

        model.add({ awayPage(QStringLiteral("7"), QStringLiteral("Seven"), 10, QString()),
            awayPage(QStringLiteral("8"), QStringLiteral("Eight"), 5, QString()) });
        QVERIFY(QTest::qWaitForWindowExposed(&banner));
        banner.showPage(QStringLiteral("7"));
        QVERIFY(banner.isExpanded());
        const QModelIndexList selected = banner.list()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(
            selected.constFirst().data(AwayPagesModel::NumberRole).toString(), QStringLiteral("7"));
        // Unknown resolver: the column says when only.
        QVERIFY(
            !cell(banner.list(), 1, AwayPagesModel::ResolvedColumn).contains(QStringLiteral("by")));
        // "Open…" from the tray: the list, nothing selected.
        banner.showPage(QString());
        QVERIFY(banner.isExpanded());
        QVERIFY(banner.list()->selectionModel()->selectedRows().isEmpty());
    }
};

QTEST_MAIN(TestAwayPagesBanner)
#include "tst_awaypagesbanner.moc"
