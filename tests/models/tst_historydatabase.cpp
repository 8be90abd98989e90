// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// HistoryDatabase on real SQLite files: incidents and their transitions stored and read back in
// full, stored again without doubles, the sync state in the same transaction, the shift log
// replaced by range, the schema migrated from version 1, a newer Rota's file refused untouched,
// files that are not a Rota history (garbage, another program's database, a truncated or damaged
// history) moved aside and a new one made, and a full disk said in words with nothing half-stored.

#include "historydatabase.h"
#include "historyhelpers.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;
using namespace rota::testing;

namespace {

constexpr qint64 T0 = 1764547200000; // 2025-12-01T00:00:00Z
constexpr qint64 Minute = 60 * 1000;

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Runs SQL on a file through a connection of the test's own, as another program would.
void rawSql(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("tst-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString& sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList tablesIn(const QString& path)
{
    const QString name = QStringLiteral("tst-tables");
    QStringList tables;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " ORDER BY name"));
            while (q.next())
                tables << q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return tables;
}

QStringList brokenFiles(const QString& dir)
{
    return QDir(dir).entryList({ QStringLiteral("*.broken-*") }, QDir::Files, QDir::Name);
}

Incident fullIncident()
{
    Incident i = historyIncident(4711, T0, T0 + 3 * Minute, T0 + 20 * Minute, QStringLiteral("bob"),
        QStringLiteral("carol"));
    i.entityDisplayName = QStringLiteral("Ünïcode summary — with 'quotes' and \"more\"");
    i.firstAlertUuid = QStringLiteral("c0ffee-1");
    i.lastAlertId = QStringLiteral("c0ffee-2");
    i.lastAlertTime = utcMs(T0 + 5 * Minute + 123);
    i.alertCount = 3;
    i.pagedUsers = { QStringLiteral("alice"), QStringLiteral("bob") };
    i.pagedTeams = { QStringLiteral("team-dba"), QStringLiteral("team-ops") };
    TeamPolicy policy;
    policy.policyName = QStringLiteral("DBA primary");
    policy.policySlug = QStringLiteral("pol-dba");
    policy.policySelfUrl = QStringLiteral("/api-public/v1/policies/pol-dba");
    policy.teamName = QStringLiteral("DBA");
    policy.teamSlug = QStringLiteral("team-dba");
    i.pagedPolicies = { policy };
    i.transitions[1].alertId = QStringLiteral("alert-9");
    i.transitions[1].alertUrl = QStringLiteral("https://example.net/alert-9");
    // A second acknowledgement: the first one is the one that counts.
    i.transitions.insert(
        2, transition(Phase::Acknowledged, T0 + 7 * Minute, QStringLiteral("dave"), true));
    return i;
}

HistorySyncState someState();

// A new history at `path` with `count` acknowledged incidents a minute apart.
void writeHistory(const QString& path, int count)
{
    HistoryDatabase db(QStringLiteral("write-history"));
    QVERIFY(db.open(path, nullptr) == HistoryDatabase::OpenResult::Created);
    QList<Incident> incidents;
    for (int n = 1; n <= count; ++n)
        incidents.append(historyIncident(n, T0 + n * Minute, T0 + n * Minute + 1000));
    QVERIFY(db.storeIncidents(incidents, someState(), nullptr));
}

HistorySyncState someState()
{
    HistorySyncState s;
    s.oldestMs = T0 - 86400000;
    s.newestMs = T0 + 1000;
    s.backfillDone = true;
    s.serverTotal = 1234;
    s.untilMs = T0 - 365LL * 86400000;
    s.lastSyncMs = T0 + 5000;
    return s;
}

} // namespace

class TestHistoryDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name = QStringLiteral("history.sqlite")) const
    {
        return m_dir.filePath(name);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        // Each test starts with an empty folder.
        QDir dir(m_dir.path());
        for (const QString& f : dir.entryList(QDir::Files))
            QVERIFY(dir.remove(f));
    }

    void createsAFreshFileAtTheCurrentSchema()
    {
        HistoryDatabase db(QStringLiteral("fresh"));
        QString message;
        const QString file = m_dir.filePath(QStringLiteral("deeper/folder/h.sqlite"));
        QCOMPARE(db.open(file, &message), HistoryDatabase::OpenResult::Created);
        QVERIFY(message.isEmpty());
        QVERIFY(db.isOpen());
        QCOMPARE(db.path(), file);
        QCOMPARE(db.schemaVersion(), HistoryDatabase::SchemaVersion);
        QCOMPARE(db.incidentCount(), 0);
        QCOMPARE(db.syncState(), HistorySyncState());
        QVERIFY(QSqlDatabase::contains(QStringLiteral("fresh")));
        db.close();
        QVERIFY(!db.isOpen());
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("fresh")));

        QCOMPARE(tablesIn(file),
            QStringList({ QStringLiteral("incidents"), QStringLiteral("shift_log"),
                QStringLiteral("sync_state"), QStringLiteral("transitions") }));
        // The header says whose file it is and in what schema.
        const QByteArray head = fileBytes(file).left(100);
        QCOMPARE(head.mid(68, 4), QByteArray("Rota"));
        QCOMPARE(int(head.at(63)), HistoryDatabase::SchemaVersion);
        QCOMPARE(int(head.at(18)), 2); // write-ahead log

        QCOMPARE(db.open(file, &message), HistoryDatabase::OpenResult::Opened);
    }

    void incidentsRoundTripWithTransitions()
    {
        HistoryDatabase db(QStringLiteral("roundtrip"));
        QCOMPARE(db.open(path(), nullptr), HistoryDatabase::OpenResult::Created);
        const Incident full = fullIncident();
        const Incident bare = historyIncident(12, T0 + 60 * Minute);
        QString error;
        int added = -1;
        QVERIFY2(db.storeIncidents({ full, bare }, someState(), &error, &added), qPrintable(error));
        QCOMPARE(added, 2);
        QCOMPARE(db.incidentCount(), 2);

        // Read back after a reopen, from the file.
        db.close();
        QCOMPARE(db.open(path(), nullptr), HistoryDatabase::OpenResult::Opened);
        const std::optional<Incident> back = db.incident(4711);
        QVERIFY(back.has_value());
        QCOMPARE(back->incidentNumber, full.incidentNumber);
        QCOMPARE(back->phase, Phase::Resolved);
        QCOMPARE(back->phaseName, QStringLiteral("RESOLVED"));
        QCOMPARE(back->startTime, full.startTime);
        QCOMPARE(back->lastAlertTime, full.lastAlertTime);
        QCOMPARE(back->alertCount, 3);
        QCOMPARE(back->entityDisplayName, full.entityDisplayName);
        QCOMPARE(back->pagedUsers, full.pagedUsers);
        QCOMPARE(back->pagedTeams, full.pagedTeams);
        QCOMPARE(back->pagedPolicies.size(), 1);
        QCOMPARE(back->pagedPolicies.at(0).policySelfUrl, full.pagedPolicies.at(0).policySelfUrl);
        QCOMPARE(back->pagedPolicies.at(0).teamName, QStringLiteral("DBA"));
        QCOMPARE(back->transitions.size(), 4);
        QCOMPARE(back->transitions.at(1).alertUrl, QStringLiteral("https://example.net/alert-9"));
        QCOMPARE(back->transitions.at(2).by, QStringLiteral("dave"));
        QCOMPARE(back->transitions.at(3).phase, Phase::Resolved);
        QVERIFY(back->transitions.at(3).manually);
        QVERIFY(!back->transitions.at(0).manually);
        // Every field at once: the fingerprint covers them all.
        QCOMPARE(back->fingerprint(), full.fingerprint());
        QCOMPARE(db.incident(12)->fingerprint(), bare.fingerprint());
        QVERIFY(!db.incident(13).has_value());

        // The compact records, newest first.
        QString readError;
        const auto rows = db.loadIncidents(&readError);
        QVERIFY2(rows.has_value(), qPrintable(readError));
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).number, 12);
        const HistoryIncident& h = rows->at(1);
        QCOMPARE(h.number, 4711);
        QCOMPARE(h.startMs, T0);
        QCOMPARE(h.ackMs, T0 + 3 * Minute); // the first acknowledgement, not dave's
        QCOMPARE(h.ackedBy, QStringLiteral("bob"));
        QCOMPARE(h.resolveMs, T0 + 20 * Minute);
        QCOMPARE(h.resolvedBy, QStringLiteral("carol"));
        QCOMPARE(h.secondsToAck(), 180);
        QCOMPARE(h.secondsToResolve(), 1200);
        QCOMPARE(h.summary, full.entityDisplayName);
        QCOMPARE(h.teams, full.pagedTeams);
        QCOMPARE(h.phase, Phase::Resolved);
        QCOMPARE(rows->at(0).ackMs, -1);
        QCOMPARE(rows->at(0).secondsToAck(), -1);
    }

    void storingAgainReplacesWithoutDoubles()
    {
        HistoryDatabase db(QStringLiteral("upsert"));
        QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Created);
        QString error;
        int added = 0;
        QVERIFY(db.storeIncidents(
            { historyIncident(1, T0), historyIncident(2, T0 + Minute) }, {}, &error, &added));
        QCOMPARE(added, 2);
        // 2 again, now acknowledged and resolved, and one new: one added, three in all.
        const Incident again = historyIncident(2, T0 + Minute, T0 + 2 * Minute, T0 + 3 * Minute);
        QVERIFY(
            db.storeIncidents({ again, historyIncident(3, T0 + 2 * Minute) }, {}, &error, &added));
        QCOMPARE(added, 1);
        QCOMPARE(db.incidentCount(), 3);
        QCOMPARE(db.incident(2)->transitions.size(), 3);
        QCOMPARE(db.incident(2)->phase, Phase::Resolved);
        // Fewer transitions than stored: none of the old ones is left over.
        QVERIFY(db.storeIncidents({ historyIncident(2, T0 + Minute) }, {}, &error, &added));
        QCOMPARE(added, 0);
        QCOMPARE(db.incident(2)->transitions.size(), 1);
        QCOMPARE(db.loadIncidents(nullptr)->size(), 3);
        // The same number twice in one page counts once.
        QVERIFY(db.storeIncidents(
            { historyIncident(9, T0), historyIncident(9, T0) }, {}, &error, &added));
        QCOMPARE(added, 1);
        QCOMPARE(db.incidentCount(), 4);
    }

    void syncStateRoundTrip()
    {
        HistoryDatabase db(QStringLiteral("state"));
        QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Created);
        QString error;
        QVERIFY(db.storeIncidents({ historyIncident(5, T0) }, someState(), &error));
        QCOMPARE(db.syncState(), someState());
        db.close();
        QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Opened);
        QCOMPARE(db.syncState(), someState());
        HistorySyncState other;
        other.newestMs = 42;
        QVERIFY(db.saveSyncState(other, &error));
        QCOMPARE(db.syncState(), other);
        QVERIFY(!(db.syncState() == someState()));
    }

    void shiftsReplacedWithinTheirRange()
    {
        HistoryDatabase db(QStringLiteral("shifts"));
        QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Created);
        const auto shift = [](const QString& team, const QString& user, qint64 on, qint64 off) {
            return ShiftRecord { team, user, QStringLiteral("pol-1"), QStringLiteral("Primary"), on,
                off };
        };
        const QString a = QStringLiteral("team-a");
        const QString b = QStringLiteral("team-b");
        QString error;
        QVERIFY(db.storeShifts(a, 0, 100,
            { shift(a, QStringLiteral("u1"), 10, 20), shift(a, QStringLiteral("u2"), 60, 70),
                shift(a, QStringLiteral("u1"), 70, -1) },
            &error));
        QVERIFY(db.storeShifts(b, 0, 100, { shift(b, QStringLiteral("u3"), 65, 90) }, &error));
        // Team a's second half again: its shifts there replaced, the first half and team b kept,
        // and a stint from before the range read again replaces itself.
        QVERIFY(db.storeShifts(a, 50, 100,
            { shift(a, QStringLiteral("u1"), 10, 20), shift(a, QStringLiteral("u2"), 80, 95) },
            &error));
        const auto shifts = db.loadShifts(&error);
        QVERIFY(shifts.has_value());
        const QList<ShiftRecord> expected { shift(a, QStringLiteral("u1"), 10, 20),
            shift(b, QStringLiteral("u3"), 65, 90), shift(a, QStringLiteral("u2"), 80, 95) };
        QCOMPARE(*shifts, expected);
        QCOMPARE(shifts->at(0).offMs, 20);

        QVERIFY(db.storeShifts(a, 0, 100, { shift(a, QStringLiteral("u9"), 5, -1) }, &error));
        const auto after = db.loadShifts(&error);
        QCOMPARE(after->size(), 2);
        QCOMPARE(after->at(0).user, QStringLiteral("u9"));
        QCOMPARE(after->at(0).offMs, -1); // still on call
    }

    void migratesFromVersionOne()
    {
        HistoryDatabase db(QStringLiteral("migrate"));
        QString message;
        QCOMPARE(
            db.openAtVersionForTests(path(), 1, &message), HistoryDatabase::OpenResult::Created);
        QCOMPARE(db.schemaVersion(), 1);
        QString error;
        QVERIFY2(db.storeIncidents({ fullIncident(), historyIncident(7, T0) }, someState(), &error),
            qPrintable(error));
        QVERIFY(!db.storeShifts(QStringLiteral("t"), 0, 1, {}, &error)); // no shift log in v1
        db.close();
        QCOMPARE(tablesIn(path()),
            QStringList({ QStringLiteral("incidents"), QStringLiteral("sync_state"),
                QStringLiteral("transitions") }));

        QCOMPARE(db.open(path(), &message), HistoryDatabase::OpenResult::Opened);
        QCOMPARE(db.schemaVersion(), 2);
        QCOMPARE(db.incidentCount(), 2);
        QCOMPARE(db.incident(4711)->fingerprint(), fullIncident().fingerprint());
        QCOMPARE(db.syncState(), someState());
        QVERIFY2(db.storeShifts(QStringLiteral("t"), 0, 100,
                     { { QStringLiteral("t"), QStringLiteral("u"), {}, {}, 1, 2 } }, &error),
            qPrintable(error));
        QCOMPARE(db.loadShifts(&error)->size(), 1);
        QVERIFY(brokenFiles(m_dir.path()).isEmpty());
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        {
            HistoryDatabase db(QStringLiteral("newer-make"));
            QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Created);
            QVERIFY(db.storeIncidents({ historyIncident(1, T0) }, someState(), nullptr));
        }
        rawSql(path(), { QStringLiteral("PRAGMA user_version = 3") });
        const QByteArray before = fileBytes(path());
        QVERIFY(!before.isEmpty());

        HistoryDatabase db(QStringLiteral("newer"));
        QString message;
        QCOMPARE(db.open(path(), &message), HistoryDatabase::OpenResult::TooNew);
        QCOMPARE(message,
            QStringLiteral("This history was written by a newer Rota (schema 3; this Rota reads "
                           "up to 2). It is left as it is; update Rota to use it."));
        QVERIFY(!db.isOpen());
        QCOMPARE(db.schemaVersion(), 0);
        QString error;
        QVERIFY(!db.storeIncidents({ historyIncident(2, T0) }, {}, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!db.loadIncidents(&error).has_value());
        db.close();
        QCOMPARE(fileBytes(path()), before);
        QVERIFY(brokenFiles(m_dir.path()).isEmpty());
        QVERIFY(!QFile::exists(path() + QStringLiteral("-wal")));
    }

    void unreadableFilesAreMovedAsideAndRebuilt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        QTest::newRow("text") << QByteArray("hello, I am not a database\n")
                              << QStringLiteral("was not a database");
        QByteArray noise(8192, '\0');
        QRandomGenerator random(7);
        for (char& c : noise)
            c = char(random.bounded(256));
        QTest::newRow("noise") << noise << QStringLiteral("was not a database");
        // A SQLite header and garbage after it.
        QByteArray header = QByteArray("SQLite format 3", 16) + noise;
        QTest::newRow("header then noise") << header << QString();
    }

    void unreadableFilesAreMovedAsideAndRebuilt()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        writeBytes(path(), bytes);
        writeBytes(path() + QStringLiteral("-wal"), QByteArray("a log of its own"));
        HistoryDatabase db(QStringLiteral("garbage"));
        QString message;
        QCOMPARE(db.open(path(), &message), HistoryDatabase::OpenResult::Rebuilt);
        // The file and its log under one name (and the log's index, if SQLite made one).
        const QStringList moved
            = brokenFiles(m_dir.path()).filter(QRegularExpression(QStringLiteral("\\d$")));
        QCOMPARE(moved.size(), 1);
        const QString aside = m_dir.filePath(moved.at(0));
        QVERIFY2(QRegularExpression(QStringLiteral("history\\.sqlite\\.broken-\\d{8}-\\d{6}$"))
                     .match(aside)
                     .hasMatch(),
            qPrintable(aside));
        QCOMPARE(fileBytes(aside), bytes);
        QCOMPARE(fileBytes(aside + QStringLiteral("-wal")), QByteArray("a log of its own"));
        QVERIFY2(message.contains(QDir::toNativeSeparators(aside)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("moved to")), qPrintable(message));
        if (!why.isEmpty())
            QVERIFY2(message.contains(why), qPrintable(message));
        // And the new one works.
        QVERIFY(db.isOpen());
        QCOMPARE(db.schemaVersion(), 2);
        QVERIFY(db.storeIncidents({ historyIncident(1, T0) }, {}, nullptr));
        QCOMPARE(db.incidentCount(), 1);
    }

    void anotherProgramsDatabaseIsMovedAside_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("other tables")
            << QStringList { QStringLiteral("CREATE TABLE notes (id INTEGER, body TEXT)"),
                   QStringLiteral("INSERT INTO notes VALUES (1, 'mine')") };
        QTest::newRow("other application")
            << QStringList { QStringLiteral("PRAGMA application_id = 1234"),
                   QStringLiteral("CREATE TABLE incidents (x)") };
        QTest::newRow("rota's id, unknown tables") << QStringList {
            QStringLiteral("PRAGMA application_id = %1").arg(HistoryDatabase::ApplicationId),
            QStringLiteral("PRAGMA user_version = 1"),
            QStringLiteral("CREATE TABLE something_else (x)")
        };
    }

    void anotherProgramsDatabaseIsMovedAside()
    {
        QFETCH(QStringList, statements);
        rawSql(path(), statements);
        const QByteArray before = fileBytes(path());
        HistoryDatabase db(QStringLiteral("foreign"));
        QString message;
        QCOMPARE(db.open(path(), &message), HistoryDatabase::OpenResult::Rebuilt);
        const QStringList moved = brokenFiles(m_dir.path());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(fileBytes(m_dir.filePath(moved.at(0))), before);
        QVERIFY2(message.contains(m_dir.filePath(moved.at(0))), qPrintable(message));
        QCOMPARE(db.incidentCount(), 0);
        QCOMPARE(db.schemaVersion(), 2);
    }

    void anEmptySqliteFileIsTakenAsNew()
    {
        writeBytes(path(), QByteArray());
        HistoryDatabase db(QStringLiteral("empty"));
        QCOMPARE(db.open(path(), nullptr), HistoryDatabase::OpenResult::Created);
        QVERIFY(brokenFiles(m_dir.path()).isEmpty());
    }

    void truncatedOrDamagedHistoryIsRebuilt_data()
    {
        QTest::addColumn<int>("cut"); // keep this many bytes; negative: damage page 3 instead
        QTest::newRow("50 bytes") << 50;
        QTest::newRow("one page and a bit") << 4096 + 10;
        QTest::newRow("half") << 0;
        QTest::newRow("a damaged page") << -1;
    }

    void truncatedOrDamagedHistoryIsRebuilt()
    {
        QFETCH(int, cut);
        writeHistory(path(), 400);
        QVERIFY(!QTest::currentTestFailed());
        QByteArray bytes = fileBytes(path());
        QVERIFY(bytes.size() > 16 * 4096);
        if (cut > 0) {
            bytes.truncate(cut);
        } else if (cut == 0) {
            bytes.truncate(bytes.size() / 2);
        } else {
            // Page 3 onwards (b-tree pages of the incidents) overwritten with noise.
            for (int i = 2 * 4096; i < 6 * 4096; ++i)
                bytes[i] = char(0xA5 ^ (i & 0xff));
        }
        writeBytes(path(), bytes);

        HistoryDatabase db(QStringLiteral("truncated"));
        QString message;
        QCOMPARE(db.open(path(), &message), HistoryDatabase::OpenResult::Rebuilt);
        QCOMPARE(brokenFiles(m_dir.path()).size(), 1);
        QVERIFY2(message.contains(QStringLiteral("moved to")), qPrintable(message));
        QCOMPARE(db.incidentCount(), 0);
        QVERIFY(db.storeIncidents({ historyIncident(1, T0) }, {}, nullptr));
    }

    void neverCrashesOnDamagedBytes()
    {
        // Bytes flipped all over a real history: whatever SQLite makes of it, open() answers
        // and leaves a usable history or says why not.
        writeHistory(path(), 60);
        QVERIFY(!QTest::currentTestFailed());
        const QByteArray original = fileBytes(path());
        QRandomGenerator random(42);
        for (int round = 0; round < 40; ++round) {
            init();
            QByteArray bytes = original;
            for (int k = 0; k < 20; ++k)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            writeBytes(path(), bytes);
            HistoryDatabase db(QStringLiteral("flipped"));
            QString message;
            const HistoryDatabase::OpenResult result = db.open(path(), &message);
            if (result == HistoryDatabase::OpenResult::Opened
                || result == HistoryDatabase::OpenResult::Rebuilt
                || result == HistoryDatabase::OpenResult::Created) {
                QVERIFY(db.isOpen());
                db.loadIncidents(nullptr); // may fail on a damage quick_check missed; never crash
            } else {
                QVERIFY2(!message.isEmpty(), "a refusal says why");
            }
        }
    }

    void fullDiskSaysSoAndStoresNothing()
    {
        HistoryDatabase db(QStringLiteral("full"));
        QVERIFY(db.open(path(), nullptr) == HistoryDatabase::OpenResult::Created);
        QString error;
        QVERIFY(db.storeIncidents({ historyIncident(1, T0) }, someState(), &error));
        db.setMaxPageCountForTests(2);

        QList<Incident> page;
        for (int n = 100; n < 200; ++n) {
            Incident i = historyIncident(n, T0 + n * Minute, T0 + n * Minute + 1000);
            i.entityDisplayName = QString(2000, QLatin1Char('x'));
            page.append(i);
        }
        HistorySyncState next = someState();
        next.newestMs += 1;
        int added = -1;
        QVERIFY(!db.storeIncidents(page, next, &error, &added));
        QVERIFY2(error.contains(QStringLiteral("disk is full")), qPrintable(error));
        QCOMPARE(added, 0);
        // Nothing of the page, and the sync state of before.
        QCOMPARE(db.incidentCount(), 1);
        QCOMPARE(db.syncState(), someState());
        QVERIFY(!db.incident(100).has_value());
        // The file is still fine for what fits.
        QVERIFY2(db.saveSyncState(next, &error), qPrintable(error));
        QCOMPARE(db.syncState(), next);
        db.close();
        QCOMPARE(db.open(path(), nullptr), HistoryDatabase::OpenResult::Opened);
        QCOMPARE(db.incidentCount(), 1);
    }

    void defaultPathIsPerAccount()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString p = HistoryDatabase::defaultPath(QStringLiteral("acct-1"));
        QVERIFY2(p.endsWith(QStringLiteral("/rota/history/acct-1.sqlite")), qPrintable(p));
        QVERIFY(
            p.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
        QVERIFY(HistoryDatabase::defaultPath(QStringLiteral("../x"))
                    .endsWith(QStringLiteral("/rota/history/.._x.sqlite")));
    }

    void twoDatabasesAtOnce()
    {
        HistoryDatabase one(QStringLiteral("one"));
        HistoryDatabase two(QStringLiteral("two"));
        QVERIFY(one.open(path(QStringLiteral("a.sqlite")), nullptr)
            == HistoryDatabase::OpenResult::Created);
        QVERIFY(two.open(path(QStringLiteral("b.sqlite")), nullptr)
            == HistoryDatabase::OpenResult::Created);
        QVERIFY(one.storeIncidents({ historyIncident(1, T0) }, {}, nullptr));
        QCOMPARE(one.incidentCount(), 1);
        QCOMPARE(two.incidentCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryDatabase)
#include "tst_historydatabase.moc"
