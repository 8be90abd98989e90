// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// HistoryModel: the rows of a history search as a table, refreshed by a diff keyed by number.

#include "historymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace rota;

namespace {

const qint64 BaseMs = 1'764'000'000'000; // a Monday in late 2025, UTC

HistoryIncident incident(qint64 number, qint64 ackAfterS = 60, qint64 resolveAfterS = 600)
{
    HistoryIncident i;
    i.number = number;
    i.startMs = BaseMs + number * 3'600'000; // newer numbers start later
    i.ackMs = ackAfterS < 0 ? -1 : i.startMs + ackAfterS * 1000;
    i.resolveMs = resolveAfterS < 0 ? -1 : i.startMs + resolveAfterS * 1000;
    i.phase = resolveAfterS >= 0 ? Phase::Resolved
        : ackAfterS >= 0         ? Phase::Acknowledged
                                 : Phase::Triggered;
    i.summary = QStringLiteral("Disk full on db-%1").arg(number);
    i.host = QStringLiteral("db-%1").arg(number);
    i.service = QStringLiteral("postgres");
    i.routingKey = QStringLiteral("database");
    i.teams = { QStringLiteral("dba"), QStringLiteral("ops") };
    return i;
}

// Newest first, as a report gives them.
QList<HistoryIncident> rows(const QList<qint64>& numbers)
{
    QList<qint64> sorted = numbers;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QList<HistoryIncident> out;
    for (qint64 n : sorted)
        out.append(incident(n));
    return out;
}

QList<qint64> numbersOf(const HistoryModel& model)
{
    QList<qint64> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, 0).data(HistoryModel::NumberRole).toLongLong());
    return out;
}

} // namespace

class TestHistoryModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsShowTheIncident()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryIncident open = incident(7, -1, -1);
        model.setRows({ incident(8, 45, 3 * 3600 + 5 * 60), open });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
        QCOMPARE(model.index(0, HistoryModel::NumberColumn).data().toLongLong(), 8);
        QCOMPARE(model.index(0, HistoryModel::SummaryColumn).data().toString(),
            QStringLiteral("Disk full on db-8"));
        QCOMPARE(model.index(0, HistoryModel::TeamsColumn).data().toString(),
            QStringLiteral("dba, ops"));
        QCOMPARE(
            model.index(0, HistoryModel::HostColumn).data().toString(), QStringLiteral("db-8"));
        QCOMPARE(model.index(0, HistoryModel::PhaseColumn).data().toString(),
            phaseDisplayName(Phase::Resolved));
        QCOMPARE(model.index(0, HistoryModel::AckColumn).data().toString(), QStringLiteral("45 s"));
        QCOMPARE(model.index(0, HistoryModel::ResolveColumn).data().toString(),
            QStringLiteral("3 h 05 min"));
        QCOMPARE(model.index(0, HistoryModel::StartedColumn).data().toString(),
            QDateTime::fromMSecsSinceEpoch(incident(8).startMs)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QCOMPARE(model.index(1, HistoryModel::AckColumn).data().toString(), QString());
        QCOMPARE(model.index(1, HistoryModel::AckColumn)
                     .data(HistoryModel::SecondsToAckRole)
                     .toLongLong(),
            -1);
        QCOMPARE(model.rowOf(7), 1);
        QCOMPARE(model.rowOf(99), -1);
    }

    void durationTexts()
    {
        QCOMPARE(HistoryModel::durationText(-1), QString());
        QCOMPARE(HistoryModel::durationText(0), QStringLiteral("0 s"));
        QCOMPARE(HistoryModel::durationText(59), QStringLiteral("59 s"));
        QCOMPARE(HistoryModel::durationText(12 * 60 + 30), QStringLiteral("12 min"));
        QCOMPARE(HistoryModel::durationText(2 * 86400 + 4 * 3600 + 59), QStringLiteral("2 d 4 h"));
    }

    void secondReportWithOverlapIsADiffNotAReset()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rows({ 1, 2, 3, 4, 5, 6 }));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // The sync stored a newer page (9, 8) and an older one (0); 3 and 4 left the search; 5
        // was resolved meanwhile.
        QList<HistoryIncident> fresh = rows({ 0, 1, 2, 5, 6, 8, 9 });
        fresh[3] = incident(5, 30, 120);
        model.setRows(fresh);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(numbersOf(model), (QList<qint64> { 9, 8, 6, 5, 2, 1, 0 }));
        // One run removed (rows of 4 and 3, adjacent), two runs inserted (top and bottom).
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 2);
        QCOMPARE(removed.at(0).at(2).toInt(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(inserted.at(1).at(1).toInt(), 6);
        QCOMPARE(inserted.at(1).at(2).toInt(), 6);
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 3);
        QCOMPARE(bottomRight.row(), 3);
        QCOMPARE(bottomRight.column(), HistoryModel::ColumnCount - 1);
        QCOMPARE(model.index(3, HistoryModel::AckColumn).data().toString(), QStringLiteral("30 s"));
        QCOMPARE(
            model.index(3, HistoryModel::ResolveColumn).data().toString(), QStringLiteral("2 min"));

        // The same report again changes nothing.
        model.setRows(fresh);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
    }

    void narrowingAndWideningKeepsPersistentIndexes()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<qint64> all;
        for (qint64 n = 1; n <= 200; ++n)
            all.append(n);
        model.setRows(rows(all));
        const QPersistentModelIndex held = model.index(model.rowOf(100), 2);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QList<qint64> even;
        for (qint64 n = 2; n <= 200; n += 2)
            even.append(n);
        model.setRows(rows(even));
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(held.isValid());
        QCOMPARE(held.data(HistoryModel::NumberRole).toLongLong(), 100);

        model.setRows(rows(all));
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(numbersOf(model), [] {
            QList<qint64> d;
            for (qint64 n = 200; n >= 1; --n)
                d.append(n);
            return d;
        }());
        QCOMPARE(held.data(HistoryModel::NumberRole).toLongLong(), 100);
        QCOMPARE(reset.count(), 0);

        // Nothing in common, then nothing at all: still no reset.
        model.setRows(rows({ 500, 501 }));
        QCOMPARE(numbersOf(model), (QList<qint64> { 501, 500 }));
        QVERIFY(!held.isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void aDiffOfVeryManyRunsIsAReset()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<qint64> all;
        QList<qint64> odd;
        for (qint64 n = 1; n <= 1000; ++n) {
            all.append(n);
            if (n % 2)
                odd.append(n);
        }
        model.setRows(rows(all));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // Every other row goes: 500 runs of one.
        model.setRows(rows(odd));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(0, 0).data(HistoryModel::NumberRole).toLongLong(), 999);

        // Exactly MaxDiffRuns runs is still a diff.
        QList<qint64> fewer = odd;
        for (int k = 0; k < HistoryModel::MaxDiffRuns; ++k)
            fewer.removeOne(qint64(1 + 4 * k));
        model.setRows(rows(fewer));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(removed.count(), HistoryModel::MaxDiffRuns);
        QCOMPARE(model.rowCount(), 500 - HistoryModel::MaxDiffRuns);
    }

    void anotherOrderResets()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rows({ 1, 2, 3 }));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QList<HistoryIncident> reversed = rows({ 1, 2, 3 });
        std::reverse(reversed.begin(), reversed.end());
        model.setRows(reversed);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(numbersOf(model), (QList<qint64> { 1, 2, 3 }));
    }

    void sortRoleSortsNumbersAsNumbersAndNeverLast()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // 10 answered in 2 min, 9 never, 8 in 50 s, 7 in 10 min.
        model.setRows({ incident(10, 120, 900), incident(9, -1, -1), incident(8, 50, 800),
            incident(7, 600, 700) });
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(HistoryModel::SortRole);

        proxy.sort(HistoryModel::AckColumn, Qt::AscendingOrder);
        QList<qint64> order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order.append(proxy.index(r, 0).data(HistoryModel::NumberRole).toLongLong());
        QCOMPARE(order, (QList<qint64> { 8, 10, 7, 9 }));

        // Numbers as numbers: 10 after 9 (as text "10" < "9").
        proxy.sort(HistoryModel::NumberColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(3, 0).data().toLongLong(), 10);

        proxy.sort(HistoryModel::StartedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toLongLong(), 10);

        // Text folded: "Disk full on db-10" sorts before "disk full on db-7" regardless of case.
        model.setRows({ incident(10), incident(7) });
        proxy.sort(HistoryModel::SummaryColumn, Qt::AscendingOrder);
        QCOMPARE(
            model.index(0, HistoryModel::SummaryColumn).data(HistoryModel::SortRole).toString(),
            QStringLiteral("disk full on db-10"));
        QCOMPARE(proxy.index(0, 0).data().toLongLong(), 10);
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
