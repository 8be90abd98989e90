// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// HistoryStore: the history's file on a worker thread, asked from this (the GUI) thread. Opening,
// writes and searches answered back on this thread, a search that sees the writes made after the
// store was first read, only the latest of searches that piled up answered, a failed write said
// through writeFailed, and writes still queued when the store is destroyed kept in the file.

#include "historyhelpers.h"
#include "historystore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace rota;
using namespace rota::testing;

namespace {

constexpr qint64 T0 = 1764547200000; // 2025-12-01T00:00:00Z
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Day = 24 * 60 * Minute;

HistorySyncState stateWithNewest(qint64 newest)
{
    HistorySyncState s;
    s.newestMs = newest;
    s.oldestMs = T0;
    s.serverTotal = 10;
    return s;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_files)); }

    // Opens a store on a new file and waits for it.
    bool openFresh(HistoryStore& store, QString* path = nullptr)
    {
        const QString file = freshPath();
        if (path)
            *path = file;
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(file);
        if (!opened.wait(10000))
            return false;
        return opened.at(0).at(0).value<HistoryDatabase::OpenResult>()
            == HistoryDatabase::OpenResult::Created;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void opensWritesAndAnswersOnThisThread()
    {
        HistoryStore store;
        QVERIFY(!store.isReady());
        QSignalSpy opened(&store, &HistoryStore::opened);
        const QString file = freshPath();
        store.open(file);
        QCOMPARE(store.path(), file);
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.at(0).at(0).value<HistoryDatabase::OpenResult>(),
            HistoryDatabase::OpenResult::Created);
        QVERIFY(store.isReady());
        QCOMPARE(store.storedCount(), 0);

        QSignalSpy changed(&store, &HistoryStore::changed);
        QSignalSpy failed(&store, &HistoryStore::writeFailed);
        bool done = false;
        QThread* doneOn = nullptr;
        int added = -1;
        store.storeIncidents(
            { historyIncident(1, T0, T0 + 2 * Minute), historyIncident(2, T0 + Minute),
                historyIncident(3, T0 + 2 * Minute, -1, T0 + 9 * Minute) },
            stateWithNewest(T0 + 2 * Minute), [&](bool ok, const QString& error, int n) {
                QVERIFY2(ok, qPrintable(error));
                done = true;
                doneOn = QThread::currentThread();
                added = n;
            });
        QVERIFY(!done); // never answered within the call
        QTRY_VERIFY(done);
        QCOMPARE(doneOn, thread());
        QCOMPARE(added, 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(store.storedCount(), 3);
        QCOMPARE(store.syncState(), stateWithNewest(T0 + 2 * Minute));

        std::optional<HistoryReport> report;
        QThread* reportOn = nullptr;
        HistoryFilter filter;
        filter.phases = { Phase::Triggered, Phase::Acknowledged };
        store.query(
            filter, { QStringLiteral("alice"), utcMs(T0 + Day) }, [&](const HistoryReport& r) {
                report = r;
                reportOn = QThread::currentThread();
            });
        QTRY_VERIFY(report.has_value());
        QCOMPARE(reportOn, thread());
        QCOMPARE(report->stored, 3);
        QCOMPARE(report->matching, 2);
        QCOMPARE(report->filter, filter);
        QCOMPARE(report->rows.size(), 2);
        QCOMPARE(report->rows.at(0).number, 2); // newest first
        QCOMPARE(report->rows.at(1).number, 1);
        QCOMPARE(report->overall.acknowledged, 1);
        QCOMPARE(report->overall.ttaMedian, 120.0);
        QCOMPARE(report->mine.pagesReceived, 2);
        QVERIFY(report->elapsedMs >= 0);

        std::optional<Incident> full;
        bool answered = false;
        store.incident(3, [&](const std::optional<Incident>& i) {
            full = i;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(full.has_value());
        QCOMPARE(full->fingerprint(),
            historyIncident(3, T0 + 2 * Minute, -1, T0 + 9 * Minute).fingerprint());
        answered = false;
        store.incident(99, [&](const std::optional<Incident>& i) {
            full = i;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!full.has_value());
    }

    void searchesSeeLaterWrites()
    {
        HistoryStore store;
        QVERIFY(openFresh(store));
        store.storeIncidents(
            { historyIncident(10, T0), historyIncident(11, T0 + 10 * Minute) }, {});
        std::optional<HistoryReport> report;
        const auto ask = [&] {
            report.reset();
            store.query({}, {}, [&](const HistoryReport& r) { report = r; });
            QTRY_VERIFY(report.has_value());
        };
        ask(); // the first search reads the file
        QCOMPARE(report->stored, 2);

        // One known incident changed (now resolved, and started later), two new ones.
        QSignalSpy changed(&store, &HistoryStore::changed);
        store.storeIncidents(
            { historyIncident(10, T0 + 20 * Minute, -1, T0 + 30 * Minute),
                historyIncident(12, T0 + 5 * Minute), historyIncident(13, T0 + 15 * Minute) },
            {});
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(store.storedCount(), 4);
        ask();
        QCOMPARE(report->stored, 4);
        QCOMPARE(report->matching, 4);
        QList<qint64> order;
        for (const HistoryIncident& row : std::as_const(report->rows))
            order << row.number;
        QCOMPARE(order, QList<qint64>({ 10, 13, 11, 12 }));
        QCOMPARE(report->rows.at(0).phase, Phase::Resolved);
        QCOMPARE(report->overall.resolved, 1);

        // A number twice in one page: the last one is kept, once, in the file and the search.
        store.storeIncidents(
            { historyIncident(14, T0 + 40 * Minute), historyIncident(14, T0 + 1 * Minute) }, {});
        QTRY_COMPARE(changed.count(), 2);
        QCOMPARE(store.storedCount(), 5);
        ask();
        order.clear();
        for (const HistoryIncident& row : std::as_const(report->rows))
            order << row.number;
        QCOMPARE(order, QList<qint64>({ 10, 13, 11, 12, 14 }));

        // The shift log too: ten hours on call this month.
        const qint64 now = T0 + 14 * Day;
        store.storeShifts(QStringLiteral("team-dba"), T0, T0 + 31 * Day,
            { { QStringLiteral("team-dba"), QStringLiteral("alice"), QStringLiteral("pol-1"),
                QStringLiteral("Primary"), T0 + 9 * Day, T0 + 9 * Day + 10 * 60 * Minute } });
        QTRY_COMPARE(changed.count(), 3);
        report.reset();
        store.query({}, { QStringLiteral("alice"), utcMs(now) },
            [&](const HistoryReport& r) { report = r; });
        QTRY_VERIFY(report.has_value());
        QCOMPARE(report->mine.onCallSecondsThisMonth, 10 * 3600);
    }

    void matchingIsAnsweredEvenWhenSearchesFollow()
    {
        HistoryStore store;
        QString file;
        QVERIFY(openFresh(store, &file));
        store.storeIncidents({ historyIncident(1, T0), historyIncident(2, T0 + Minute) }, {});
        QSignalSpy changed(&store, &HistoryStore::changed);
        QTRY_COMPARE(changed.count(), 1);
        std::optional<QList<HistoryIncident>> found;
        HistoryFilter second;
        second.text = QStringLiteral("2");
        store.matching(
            second, [&found](const QList<HistoryIncident>& incidents) { found = incidents; });
        // Searches asked right after replace one another, never the sync's question.
        std::optional<HistoryReport> last;
        store.query({}, {}, [](const HistoryReport&) {});
        store.query({}, {}, [&last](const HistoryReport& r) { last = r; });
        QTRY_VERIFY(found.has_value() && last.has_value());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->constFirst().number, qint64(2));
        QCOMPARE(last->matching, 2);
    }

    void onlyTheLatestSearchIsAnswered()
    {
        HistoryStore store;
        QString file;
        QVERIFY(openFresh(store, &file));
        store.storeIncidents({ historyIncident(1, T0), historyIncident(2, T0 + Minute) }, {});
        QSignalSpy changed(&store, &HistoryStore::changed);
        QTRY_COMPARE(changed.count(), 1);

        // Another program holds the file's write lock: the store's next write waits for it, and
        // the searches pile up behind that write.
        const QString name = QStringLiteral("tst-lock");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery lock(db);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            store.storeIncidents({ historyIncident(3, T0 + 2 * Minute) }, {});
            QList<int> answered;
            for (int i = 1; i <= 3; ++i) {
                HistoryFilter filter;
                filter.text = QString::number(i);
                store.query(filter, {}, [&answered, i](const HistoryReport&) { answered << i; });
            }
            QVERIFY(lock.exec(QStringLiteral("COMMIT")));
            lock.finish();
            db.close();

            std::optional<HistoryReport> last;
            store.query({}, {}, [&](const HistoryReport& r) { last = r; });
            QTRY_VERIFY(last.has_value());
            QCOMPARE(last->stored, 3); // the write went first
            QCOMPARE(answered, QList<int>()); // all three replaced by the fourth
            // Three queued now, none blocked: the last of them is the one answered.
            answered.clear();
            for (int i = 1; i <= 3; ++i) {
                HistoryFilter filter;
                filter.text = QString::number(i);
                store.query(filter, {}, [&answered, i](const HistoryReport& r) {
                    QCOMPARE(r.filter.text, QString::number(i));
                    answered << i;
                });
            }
            QTRY_VERIFY(answered.contains(3));
            QTest::qWait(50);
            QVERIFY2(answered.size() <= 3 && answered.last() == 3, "the latest answered last");
        }
        QSqlDatabase::removeDatabase(name);
    }

    void aFailedWriteIsSaid()
    {
        // A newer Rota's file: refused, so every write fails, and says so.
        const QString file = freshPath();
        {
            HistoryDatabase db(QStringLiteral("make-newer"));
            QVERIFY(db.open(file, nullptr) == HistoryDatabase::OpenResult::Created);
        }
        {
            const QString name = QStringLiteral("tst-newer");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(file);
                QVERIFY(db.open());
                QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 7")));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        HistoryStore store;
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(file);
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.at(0).at(0).value<HistoryDatabase::OpenResult>(),
            HistoryDatabase::OpenResult::TooNew);
        QVERIFY(opened.at(0).at(1).toString().contains(QStringLiteral("schema 7")));
        QVERIFY(!store.isReady());

        QSignalSpy failed(&store, &HistoryStore::writeFailed);
        QSignalSpy changed(&store, &HistoryStore::changed);
        QString said;
        bool ok = true;
        store.storeIncidents({ historyIncident(1, T0) }, stateWithNewest(T0),
            [&](bool success, const QString& error, int added) {
                ok = success;
                said = error;
                QCOMPARE(added, 0);
            });
        QVERIFY(failed.wait(10000));
        QVERIFY(!ok);
        QVERIFY(!said.isEmpty());
        QCOMPARE(failed.at(0).at(0).toString(), said);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.syncState(), HistorySyncState());
        store.saveSyncState(stateWithNewest(T0));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.count(), 2);
    }

    void queuedWritesSurviveTheDestructor()
    {
        QString file;
        {
            auto store = std::make_unique<HistoryStore>();
            QVERIFY(openFresh(*store, &file));
            for (int page = 0; page < 20; ++page) {
                QList<Incident> incidents;
                for (int n = 0; n < 50; ++n) {
                    const int number = page * 50 + n + 1;
                    incidents.append(historyIncident(number, T0 + number * Minute));
                }
                store->storeIncidents(incidents, stateWithNewest(T0 + (page + 1) * 50 * Minute));
            }
            // Gone before any of them is answered.
        }
        HistoryDatabase db(QStringLiteral("reopen"));
        QCOMPARE(db.open(file, nullptr), HistoryDatabase::OpenResult::Opened);
        QCOMPARE(db.incidentCount(), 1000);
        QCOMPARE(db.syncState(), stateWithNewest(T0 + 1000 * Minute));
    }

    void reopeningAnotherFile()
    {
        HistoryStore store;
        QVERIFY(openFresh(store));
        store.storeIncidents({ historyIncident(1, T0) }, {});
        std::optional<HistoryReport> report;
        store.query({}, {}, [&](const HistoryReport& r) { report = r; });
        QTRY_VERIFY(report.has_value());
        QCOMPARE(report->stored, 1);
        // Another account's file: nothing of the first one is left in the search.
        QVERIFY(openFresh(store));
        QCOMPARE(store.storedCount(), 0);
        report.reset();
        store.query({}, {}, [&](const HistoryReport& r) { report = r; });
        QTRY_VERIFY(report.has_value());
        QCOMPARE(report->stored, 0);
        QVERIFY(report->rows.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
