// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historydatabase.h"

#include "jsonreader.h"
#include "policies.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace rota {

namespace {

Q_LOGGING_CATEGORY(lcHistoryDb, "rota.models")

// The schema, one step per version: step N takes a file from version N-1 to N. A new file runs
// every step from the first, so the steps are the only description of the schema there is, and
// an older file follows the same path a new one did. Never edit a step that has shipped: add one.
QStringList schemaStep(int to)
{
    switch (to) {
    case 1:
        return {
            // The compact columns a search reads (HistoryIncident), then the rest of the incident
            // so that it can be shown in full. Lists are JSON arrays.
            QStringLiteral("CREATE TABLE incidents ("
                           " number INTEGER PRIMARY KEY,"
                           " phase TEXT,"
                           " start_ms INTEGER,"
                           " ack_ms INTEGER,"
                           " resolve_ms INTEGER,"
                           " summary TEXT,"
                           " entity_id TEXT,"
                           " host TEXT,"
                           " service TEXT,"
                           " routing_key TEXT,"
                           " teams TEXT,"
                           " paged_users TEXT,"
                           " acked_by TEXT,"
                           " resolved_by TEXT,"
                           " phase_name TEXT,"
                           " last_alert_ms INTEGER,"
                           " alert_count INTEGER,"
                           " last_alert_id TEXT,"
                           " first_alert_uuid TEXT,"
                           " entity_display_name TEXT,"
                           " entity_type TEXT,"
                           " entity_state TEXT,"
                           " monitor_name TEXT,"
                           " monitor_type TEXT,"
                           " paged_policies TEXT)"),
            QStringLiteral("CREATE TABLE transitions ("
                           " number INTEGER NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " name TEXT,"
                           " phase TEXT,"
                           " at_ms INTEGER,"
                           " by_user TEXT,"
                           " message TEXT,"
                           " manually INTEGER NOT NULL DEFAULT 0,"
                           " alert_id TEXT,"
                           " alert_url TEXT,"
                           " PRIMARY KEY (number, seq)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value)"),
        };
    case 2:
        return {
            QStringLiteral("CREATE TABLE shift_log ("
                           " team TEXT NOT NULL,"
                           " user_name TEXT NOT NULL,"
                           " policy_slug TEXT NOT NULL,"
                           " policy_name TEXT NOT NULL,"
                           " on_ms INTEGER NOT NULL,"
                           " off_ms INTEGER)"),
            // One stint is one row: a stint read again (the log's window overlaps the last one)
            // replaces itself.
            QStringLiteral("CREATE UNIQUE INDEX shift_log_stint"
                           " ON shift_log (team, user_name, policy_slug, on_ms)"),
            QStringLiteral("CREATE INDEX shift_log_user ON shift_log (user_name, on_ms)"),
            // Searches run over the copy in memory (HistoryStore), so the file needs no index
            // per field: each would cost a page written per incident stored, at random places.
            // The start orders the read of the whole history (and rotactl's ranges).
            QStringLiteral("CREATE INDEX incidents_start ON incidents (start_ms)"),
        };
    default:
        return {};
    }
}

// The tables a file of each version has (besides SQLite's own).
QSet<QString> tablesOf(int version)
{
    QSet<QString> tables;
    if (version >= 1) {
        tables << QStringLiteral("incidents") << QStringLiteral("transitions")
               << QStringLiteral("sync_state");
    }
    if (version >= 2)
        tables << QStringLiteral("shift_log");
    return tables;
}

// SQLite's primary result codes that matter here (the driver passes SQLite's code on).
enum SqliteCode {
    SqlitePerm = 3,
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

int sqliteCode(const QSqlError& error) { return error.nativeErrorCode().toInt() & 0xff; }

// What went wrong, for people. `writing` chooses between "saved" and "read".
QString inWords(const QSqlError& error, bool writing)
{
    switch (sqliteCode(error)) {
    case SqliteFull:
        return QCoreApplication::translate("rota::HistoryDatabase",
            "The disk is full, so the history could not be saved; nothing of this change "
            "was stored. Free some space on the disk.");
    case SqliteReadOnly:
    case SqlitePerm:
    case SqliteCantOpen:
        return writing ? QCoreApplication::translate("rota::HistoryDatabase",
                   "The history file cannot be written (no permission, or the disk is "
                   "read-only).")
                       : QCoreApplication::translate("rota::HistoryDatabase",
                           "The history file cannot be opened (no permission).");
    case SqliteBusy:
    case SqliteLocked:
        return QCoreApplication::translate("rota::HistoryDatabase",
            "The history file is busy: another program is using it. Try again later.");
    case SqliteIoErr:
        return writing ? QCoreApplication::translate(
                   "rota::HistoryDatabase", "The disk failed while the history was being saved.")
                       : QCoreApplication::translate("rota::HistoryDatabase",
                           "The disk failed while the history was being read.");
    case SqliteCorrupt:
    case SqliteNotADb:
        return QCoreApplication::translate("rota::HistoryDatabase", "The history file is damaged.");
    default:
        break;
    }
    const QString detail = error.text().trimmed();
    return (writing ? QCoreApplication::translate(
                "rota::HistoryDatabase", "The history could not be saved: %1")
                    : QCoreApplication::translate("rota::HistoryDatabase",
                        "The history could not be "
                        "read: %1"))
        .arg(detail);
}

QString notOpenText()
{
    return QCoreApplication::translate(
        "rota::HistoryDatabase", "The history is not open, so nothing could be stored.");
}

// The open connection named so; an invalid one when none is open, with *error (may be null)
// said.
QSqlDatabase openConnection(const QString& name, QString* error)
{
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    if (error)
        *error = notOpenText();
    return QSqlDatabase();
}

// A forward-only read on the open connection named so; nullopt with *error (may be null) said.
std::optional<QSqlQuery> read(const QString& name, const QString& sql, QString* error)
{
    const QSqlDatabase db = openConnection(name, nullptr);
    if (!db.isOpen()) {
        if (error)
            *error
                = QCoreApplication::translate("rota::HistoryDatabase", "The history is not open.");
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        if (error)
            *error = inWords(q.lastError(), false);
        return std::nullopt;
    }
    return q;
}

QVariant msValue(qint64 ms) { return ms < 0 ? QVariant() : QVariant(ms); }

qint64 msFrom(const QVariant& value) { return value.isNull() ? -1 : value.toLongLong(); }

QVariant timeValue(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString listText(const QStringList& list)
{
    if (list.isEmpty())
        return QStringLiteral("[]");
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFrom(const QString& text)
{
    if (text.size() <= 2)
        return {};
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    QStringList list;
    list.reserve(array.size());
    for (const QJsonValue& v : array)
        list.append(v.toString());
    return list;
}

//! One write: BEGIN IMMEDIATE (so that a second program writing too waits at the start rather
//! than failing halfway), COMMIT, or ROLLBACK when it ends without a commit.
class WriteTransaction {
public:
    explicit WriteTransaction(const QSqlDatabase& db)
        : m_db(db)
    {
    }
    ~WriteTransaction()
    {
        if (m_active)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    bool begin(QString* error)
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = inWords(q.lastError(), true);
            return false;
        }
        m_active = true;
        return true;
    }
    bool commit(QString* error)
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            *error = inWords(q.lastError(), true);
            return false; // the destructor rolls back what is left
        }
        m_active = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

bool prepare(QSqlQuery& query, const QString& sql, QString* error)
{
    if (query.prepare(sql))
        return true;
    *error = inWords(query.lastError(), true);
    return false;
}

bool run(QSqlQuery& query, QString* error)
{
    if (query.exec())
        return true;
    *error = inWords(query.lastError(), true);
    return false;
}

bool runText(const QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = inWords(q.lastError(), true);
    return false;
}

bool writeSyncState(const QSqlDatabase& db, const HistorySyncState& state, QString* error)
{
    QSqlQuery q(db);
    if (!prepare(q, QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
            error))
        return false;
    const std::pair<const char*, qint64> values[] = {
        { "oldest_ms", state.oldestMs },
        { "newest_ms", state.newestMs },
        { "backfill_done", state.backfillDone ? 1 : 0 },
        { "server_total", state.serverTotal },
        { "until_ms", state.untilMs },
        { "last_sync_ms", state.lastSyncMs },
    };
    for (const auto& [key, value] : values) {
        q.bindValue(0, QString::fromLatin1(key));
        q.bindValue(1, value);
        if (!run(q, error))
            return false;
    }
    return true;
}

// How a file that exists looked through a read-only connection, before anything is written to
// it.
enum class Verdict { Usable, NotSqlite, Foreign, Damaged, TooNew, Unreadable };

struct Inspection {
    Verdict verdict = Verdict::Usable;
    int version = 0;
    QString detail;
};

Inspection failedQuery(const QSqlError& error)
{
    switch (sqliteCode(error)) {
    case SqliteNotADb:
        return { Verdict::NotSqlite, 0, error.text() };
    case SqliteCorrupt:
        return { Verdict::Damaged, 0, error.text() };
    default:
        return { Verdict::Unreadable, 0, inWords(error, false) };
    }
}

Inspection inspectOpen(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    int applicationId = 0;
    int version = 0;
    for (auto [sql, out] : { std::pair { "PRAGMA application_id", &applicationId },
             std::pair { "PRAGMA user_version", &version } }) {
        if (!q.exec(QString::fromLatin1(sql)) || !q.next())
            return failedQuery(q.lastError());
        *out = q.value(0).toInt();
    }
    QSet<QString> tables;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")))
        return failedQuery(q.lastError());
    while (q.next())
        tables.insert(q.value(0).toString());

    if (applicationId != HistoryDatabase::ApplicationId) {
        // A file SQLite made and nobody filled (an empty file is one) is as good as a new one.
        if (applicationId == 0 && version == 0 && tables.isEmpty())
            return {};
        return { Verdict::Foreign, 0, {} };
    }
    if (version > HistoryDatabase::SchemaVersion)
        return { Verdict::TooNew, version, {} };
    if (tables != tablesOf(version))
        return { Verdict::Damaged, version, QStringLiteral("unexpected tables") };
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return failedQuery(q.lastError());
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (problems != QStringList { QStringLiteral("ok") })
        return { Verdict::Damaged, version, problems.join(QLatin1String("; ")) };
    return { Verdict::Usable, version, {} };
}

Inspection inspect(const QString& path, const QString& connectionName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { Verdict::Unreadable, 0, file.errorString() };
    const QByteArray head = file.read(100);
    file.close();
    // SQLite reads an empty file as an empty database; anything else must start as one does.
    static const QByteArray magic("SQLite format 3", 16); // with its terminating zero
    if (!head.isEmpty() && (head.size() < 100 || !head.startsWith(magic)))
        return { Verdict::NotSqlite, 0, {} };

    // The header names the application and the schema. With no write-ahead log beside it, it is
    // the whole truth: a newer Rota's file is refused without SQLite touching it.
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal);
    const bool hadShm = QFileInfo::exists(shm);
    if (head.size() == 100 && QFileInfo(wal).size() == 0) {
        const auto bigEndian = [&head](int at) {
            return qint32((quint32(quint8(head.at(at))) << 24)
                | (quint32(quint8(head.at(at + 1))) << 16) | (quint32(quint8(head.at(at + 2))) << 8)
                | quint32(quint8(head.at(at + 3))));
        };
        const int version = bigEndian(60);
        if (bigEndian(68) == HistoryDatabase::ApplicationId
            && version > HistoryDatabase::SchemaVersion)
            return { Verdict::TooNew, version, {} };
    }

    // Read-only, so that a file refused is not changed by the look: a read-write connection
    // would check its write-ahead log into it on closing.
    const QString name = connectionName + QStringLiteral("-inspect");
    Inspection result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open())
            result = inspectOpen(db);
        else
            result = failedQuery(db.lastError());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // The look leaves the log and its index behind; those it made go again (a log or an index
    // that was there may be another program's, in use).
    if (!hadWal && QFileInfo(wal).size() == 0)
        QFile::remove(wal);
    if (!hadShm && !QFileInfo::exists(wal))
        QFile::remove(shm);
    return result;
}

bool anyExists(const QString& path)
{
    return QFileInfo::exists(path) || QFileInfo::exists(path + QStringLiteral("-wal"))
        || QFileInfo::exists(path + QStringLiteral("-shm"));
}

// Moves the file and its write-ahead log and shared memory aside, under one new name, so that
// they can still be opened together. Returns the new name; empty with *error when it failed.
QString moveAside(const QString& path, QString* error)
{
    const QString stem = path + QStringLiteral(".broken-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString target = stem;
    for (int n = 2; anyExists(target); ++n)
        target = stem + QLatin1Char('-') + QString::number(n);
    QFile file(path);
    if (!file.rename(target)) {
        *error = file.errorString();
        return {};
    }
    for (const QString& suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile side(path + suffix);
        // A log left next to the new file would be taken for its own: out of the way it goes.
        if (side.exists() && !side.rename(target + suffix))
            side.remove();
    }
    return target;
}

} // namespace

HistoryDatabase::HistoryDatabase(const QString& connectionName)
    : m_connectionName(connectionName)
{
}

HistoryDatabase::~HistoryDatabase() { close(); }

HistoryDatabase::OpenResult HistoryDatabase::open(const QString& path, QString* message)
{
    return openUpTo(path, SchemaVersion, message);
}

HistoryDatabase::OpenResult HistoryDatabase::openAtVersionForTests(
    const QString& path, int version, QString* message)
{
    return openUpTo(path, std::clamp(version, 0, int(SchemaVersion)), message);
}

HistoryDatabase::OpenResult HistoryDatabase::openUpTo(
    const QString& path, int version, QString* message)
{
    close();
    QString ignored;
    if (!message)
        message = &ignored;
    message->clear();

    const QFileInfo info(path);
    if (path.isEmpty() || info.isDir()) {
        *message = QCoreApplication::translate(
            "rota::HistoryDatabase", "The history file %1 cannot be used: it is a folder.")
                       .arg(QDir::toNativeSeparators(path));
        return OpenResult::Failed;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        *message = QCoreApplication::translate(
            "rota::HistoryDatabase", "The folder %1 for the history could not be made.")
                       .arg(QDir::toNativeSeparators(info.absolutePath()));
        return OpenResult::Failed;
    }

    QString movedTo;
    QString why;
    if (info.exists()) {
        const Inspection found = inspect(path, m_connectionName);
        switch (found.verdict) {
        case Verdict::Usable:
            break;
        case Verdict::TooNew:
            *message = QCoreApplication::translate("rota::HistoryDatabase",
                "This history was written by a newer Rota (schema %1; this Rota reads "
                "up to %2). It is left as it is; update Rota to use it.")
                           .arg(QString::number(found.version), QString::number(SchemaVersion));
            return OpenResult::TooNew;
        case Verdict::Unreadable:
            *message = QCoreApplication::translate(
                "rota::HistoryDatabase", "The history file %1 could not be read: %2")
                           .arg(QDir::toNativeSeparators(path), found.detail);
            return OpenResult::Failed;
        case Verdict::NotSqlite:
            why = QCoreApplication::translate(
                "rota::HistoryDatabase", "The history file was not a database");
            break;
        case Verdict::Foreign:
            why = QCoreApplication::translate(
                "rota::HistoryDatabase", "The history file belonged to another program");
            break;
        case Verdict::Damaged:
            why = QCoreApplication::translate(
                "rota::HistoryDatabase", "The history file was damaged");
            break;
        }
        if (!why.isEmpty()) {
            qCWarning(lcHistoryDb)
                << "history file unusable, moving it aside:" << path << found.detail;
            QString error;
            movedTo = moveAside(path, &error);
            if (movedTo.isEmpty()) {
                *message = QCoreApplication::translate("rota::HistoryDatabase",
                    "%1 and could not be moved aside (%2), so the history cannot be "
                    "kept.")
                               .arg(why, error);
                return OpenResult::Failed;
            }
        }
    }

    QString error;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        ok = db.open();
        if (!ok)
            error = inWords(db.lastError(), false);
    }
    int existing = 0;
    if (ok) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        // WAL: a search never waits for a write, and a crash never leaves half a page.
        // NORMAL is safe with WAL (a power cut can lose the last commits, never the file).
        ok = q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            && q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
            && q.exec(QStringLiteral("PRAGMA user_version")) && q.next();
        if (ok)
            existing = q.value(0).toInt();
        else
            error = inWords(q.lastError(), true);
    }
    if (ok && existing < version)
        ok = migrate(existing, version, &error);
    if (!ok) {
        close();
        *message = QCoreApplication::translate(
            "rota::HistoryDatabase", "The history file %1 could not be opened: %2")
                       .arg(QDir::toNativeSeparators(path), error);
        return OpenResult::Failed;
    }
    m_path = path;
    if (!movedTo.isEmpty()) {
        *message = QCoreApplication::translate("rota::HistoryDatabase",
            "%1, so it was moved to %2 and a new, empty history was started.")
                       .arg(why, QDir::toNativeSeparators(movedTo));
        return OpenResult::Rebuilt;
    }
    return existing == 0 ? OpenResult::Created : OpenResult::Opened;
}

bool HistoryDatabase::migrate(int from, int to, QString* error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    for (int version = from + 1; version <= to; ++version) {
        WriteTransaction transaction(db);
        if (!transaction.begin(error))
            return false;
        for (const QString& sql : schemaStep(version)) {
            if (!runText(db, sql, error))
                return false;
        }
        // Both pragmas live in the file's header, which is written with the transaction.
        if (!runText(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error)
            || !runText(
                db, QStringLiteral("PRAGMA application_id = %1").arg(int(ApplicationId)), error))
            return false;
        if (!transaction.commit(error))
            return false;
        qCDebug(lcHistoryDb) << "history schema now at version" << version;
    }
    return true;
}

void HistoryDatabase::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        // Only now that no QSqlDatabase refers to it.
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_path.clear();
}

bool HistoryDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int HistoryDatabase::schemaVersion() const
{
    auto q = read(m_connectionName, QStringLiteral("PRAGMA user_version"), nullptr);
    return q && q->next() ? q->value(0).toInt() : 0;
}

bool HistoryDatabase::storeIncidents(
    const QList<Incident>& incidents, const HistorySyncState& state, QString* error, int* added)
{
    if (added)
        *added = 0;
    QString ignored;
    error = error ? error : &ignored;
    const QSqlDatabase db = openConnection(m_connectionName, error);
    WriteTransaction transaction(db);
    if (!db.isOpen() || !transaction.begin(error))
        return false;

    QSqlQuery known(db);
    QSqlQuery put(db);
    QSqlQuery forget(db);
    QSqlQuery step(db);
    if (!prepare(known, QStringLiteral("SELECT 1 FROM incidents WHERE number = ?"), error)
        || !prepare(put,
            QStringLiteral("INSERT OR REPLACE INTO incidents (number, phase, start_ms, ack_ms,"
                           " resolve_ms, summary, entity_id, host, service, routing_key, teams,"
                           " paged_users, acked_by, resolved_by, phase_name, last_alert_ms,"
                           " alert_count, last_alert_id, first_alert_uuid, entity_display_name,"
                           " entity_type, entity_state, monitor_name, monitor_type,"
                           " paged_policies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            error)
        || !prepare(forget, QStringLiteral("DELETE FROM transitions WHERE number = ?"), error)
        || !prepare(step,
            QStringLiteral("INSERT INTO transitions (number, seq, name, phase, at_ms, by_user,"
                           " message, manually, alert_id, alert_url)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            error))
        return false;

    int newOnes = 0;
    for (const Incident& incident : incidents) {
        const HistoryIncident h = HistoryIncident::fromIncident(incident);
        if (h.number <= 0) {
            // Without its number an incident cannot be kept apart from the others.
            qCWarning(lcHistoryDb)
                << "incident without a usable number not stored:" << incident.incidentNumber;
            continue;
        }
        known.bindValue(0, h.number);
        if (!run(known, error))
            return false;
        const bool isNew = !known.next();
        known.finish();

        const QVariant values[] = {
            h.number, phaseToApi(h.phase), msValue(h.startMs), msValue(h.ackMs),
            msValue(h.resolveMs), h.summary, h.entityId, h.host, h.service, h.routingKey,
            listText(h.teams), listText(h.pagedUsers), h.ackedBy, h.resolvedBy, incident.phaseName,
            timeValue(incident.lastAlertTime), incident.alertCount, incident.lastAlertId,
            incident.firstAlertUuid, incident.entityDisplayName, incident.entityType,
            incident.entityState, incident.monitorName, incident.monitorType,
            QString::fromUtf8(
                QJsonDocument(toJsonArray(incident.pagedPolicies)).toJson(QJsonDocument::Compact))
        };
        for (int i = 0; i < int(std::size(values)); ++i)
            put.bindValue(i, values[i]);
        if (!run(put, error))
            return false;

        forget.bindValue(0, h.number);
        if (!run(forget, error))
            return false;
        int seq = 0;
        for (const IncidentTransition& t : incident.transitions) {
            const QVariant row[] = { h.number, seq++, t.name, phaseToApi(t.phase), timeValue(t.at),
                t.by, t.message, t.manually ? 1 : 0, t.alertId, t.alertAddress() };
            for (int i = 0; i < int(std::size(row)); ++i)
                step.bindValue(i, row[i]);
            if (!run(step, error))
                return false;
        }
        if (isNew)
            ++newOnes;
    }
    if (!writeSyncState(db, state, error) || !transaction.commit(error))
        return false;
    if (added)
        *added = newOnes;
    return true;
}

bool HistoryDatabase::storeShifts(const QString& team, qint64 fromMs, qint64 toMs,
    const QList<ShiftRecord>& shifts, QString* error)
{
    QString ignored;
    error = error ? error : &ignored;
    const QSqlDatabase db = openConnection(m_connectionName, error);
    WriteTransaction transaction(db);
    if (!db.isOpen() || !transaction.begin(error))
        return false;
    QSqlQuery clear(db);
    if (!prepare(clear,
            QStringLiteral("DELETE FROM shift_log WHERE team = ? AND on_ms >= ? AND on_ms < ?"),
            error))
        return false;
    clear.bindValue(0, team);
    clear.bindValue(1, fromMs);
    clear.bindValue(2, toMs);
    if (!run(clear, error))
        return false;
    QSqlQuery put(db);
    // coalesce: a null text would be NULL, and NULLs are never equal in the unique index.
    if (!prepare(put,
            QStringLiteral("INSERT OR REPLACE INTO shift_log (team, user_name, policy_slug,"
                           " policy_name, on_ms, off_ms) VALUES (coalesce(?, ''), coalesce(?, ''),"
                           " coalesce(?, ''), coalesce(?, ''), ?, ?)"),
            error))
        return false;
    for (const ShiftRecord& shift : shifts) {
        // The team asked for, whatever the record says: the next replacement of this team's
        // shifts must find every row this one made.
        put.bindValue(0, team);
        put.bindValue(1, shift.user);
        put.bindValue(2, shift.policySlug);
        put.bindValue(3, shift.policyName);
        put.bindValue(4, shift.onMs);
        put.bindValue(5, msValue(shift.offMs));
        if (!run(put, error))
            return false;
    }
    return transaction.commit(error);
}

bool HistoryDatabase::saveSyncState(const HistorySyncState& state, QString* error)
{
    QString ignored;
    error = error ? error : &ignored;
    const QSqlDatabase db = openConnection(m_connectionName, error);
    WriteTransaction transaction(db);
    return db.isOpen() && transaction.begin(error) && writeSyncState(db, state, error)
        && transaction.commit(error);
}

HistorySyncState HistoryDatabase::syncState() const
{
    HistorySyncState state;
    auto q = read(m_connectionName, QStringLiteral("SELECT key, value FROM sync_state"), nullptr);
    while (q && q->next()) {
        const QString key = q->value(0).toString();
        const qint64 value = q->value(1).toLongLong();
        if (key == QLatin1String("oldest_ms"))
            state.oldestMs = value;
        else if (key == QLatin1String("newest_ms"))
            state.newestMs = value;
        else if (key == QLatin1String("backfill_done"))
            state.backfillDone = value != 0;
        else if (key == QLatin1String("server_total"))
            state.serverTotal = int(value);
        else if (key == QLatin1String("until_ms"))
            state.untilMs = value;
        else if (key == QLatin1String("last_sync_ms"))
            state.lastSyncMs = value;
    }
    return state;
}

int HistoryDatabase::incidentCount() const
{
    auto q = read(m_connectionName, QStringLiteral("SELECT count(*) FROM incidents"), nullptr);
    return q && q->next() ? q->value(0).toInt() : 0;
}

std::optional<QList<HistoryIncident>> HistoryDatabase::loadIncidents(
    QString* error, TextPool* pool) const
{
    auto found = read(m_connectionName,
        QStringLiteral("SELECT number, phase, start_ms, ack_ms, resolve_ms, summary, entity_id,"
                       " host, service, routing_key, teams, paged_users, acked_by, resolved_by"
                       " FROM incidents ORDER BY start_ms DESC, number DESC"),
        error);
    if (!found)
        return std::nullopt;
    QSqlQuery& q = *found;
    // Hosts, services, keys, teams and people repeat across thousands of incidents: one copy of
    // each text is kept (a search of 100,000 incidents holds them all in memory), and a list
    // column's text is decoded once.
    TextPool ownPool;
    TextPool& texts = pool ? *pool : ownPool;
    const auto shared = [&texts](const QString& text) { return texts.shared(text); };
    QHash<QString, QStringList> lists;
    const auto sharedList = [&lists, &shared](const QString& text) {
        const auto found = lists.constFind(text);
        if (found != lists.constEnd())
            return *found;
        QStringList list = listFrom(text);
        for (QString& item : list)
            item = shared(item);
        lists.insert(text, list);
        return list;
    };
    QList<HistoryIncident> out;
    while (q.next()) {
        HistoryIncident h;
        h.number = q.value(0).toLongLong();
        h.phase = phaseFromApi(q.value(1).toString());
        h.startMs = msFrom(q.value(2));
        h.ackMs = msFrom(q.value(3));
        h.resolveMs = msFrom(q.value(4));
        h.summary = q.value(5).toString();
        h.entityId = q.value(6).toString();
        h.host = shared(q.value(7).toString());
        h.service = shared(q.value(8).toString());
        h.routingKey = shared(q.value(9).toString());
        h.teams = sharedList(q.value(10).toString());
        h.pagedUsers = sharedList(q.value(11).toString());
        h.ackedBy = shared(q.value(12).toString());
        h.resolvedBy = shared(q.value(13).toString());
        out.append(std::move(h));
    }
    if (q.lastError().isValid()) {
        if (error)
            *error = inWords(q.lastError(), false);
        return std::nullopt;
    }
    return out;
}

std::optional<Incident> HistoryDatabase::incident(qint64 number) const
{
    if (!isOpen())
        return std::nullopt;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT phase, phase_name, start_ms, last_alert_ms, alert_count,"
                             " last_alert_id, first_alert_uuid, entity_id, entity_display_name,"
                             " entity_type, entity_state, host, service, routing_key,"
                             " monitor_name, monitor_type, paged_users, teams, paged_policies"
                             " FROM incidents WHERE number = ?"));
    q.bindValue(0, number);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Incident incident;
    incident.incidentNumber = QString::number(number);
    incident.phase = phaseFromApi(q.value(0).toString());
    incident.phaseName = q.value(1).toString();
    incident.startTime = timeFrom(q.value(2));
    incident.lastAlertTime = timeFrom(q.value(3));
    incident.alertCount = q.value(4).toInt();
    incident.lastAlertId = q.value(5).toString();
    incident.firstAlertUuid = q.value(6).toString();
    incident.entityId = q.value(7).toString();
    incident.entityDisplayName = q.value(8).toString();
    incident.entityType = q.value(9).toString();
    incident.entityState = q.value(10).toString();
    incident.host = q.value(11).toString();
    incident.service = q.value(12).toString();
    incident.routingKey = q.value(13).toString();
    incident.monitorName = q.value(14).toString();
    incident.monitorType = q.value(15).toString();
    incident.pagedUsers = listFrom(q.value(16).toString());
    incident.pagedTeams = listFrom(q.value(17).toString());
    incident.pagedPolicies = readElements<TeamPolicy>(
        JsonReader(QJsonDocument::fromJson(q.value(18).toString().toUtf8()).array()));

    QSqlQuery t(db);
    t.prepare(QStringLiteral("SELECT name, phase, at_ms, by_user, message, manually, alert_id,"
                             " alert_url FROM transitions WHERE number = ? ORDER BY seq"));
    t.bindValue(0, number);
    if (!t.exec())
        return std::nullopt;
    while (t.next()) {
        IncidentTransition transition;
        transition.name = t.value(0).toString();
        transition.phase = phaseFromApi(t.value(1).toString());
        transition.at = timeFrom(t.value(2));
        transition.by = t.value(3).toString();
        transition.message = t.value(4).toString();
        transition.manually = t.value(5).toInt() != 0;
        transition.alertId = t.value(6).toString();
        transition.alertUrl = t.value(7).toString();
        incident.transitions.append(transition);
    }
    return incident;
}

std::optional<QList<ShiftRecord>> HistoryDatabase::loadShifts(QString* error) const
{
    auto found = read(m_connectionName,
        QStringLiteral("SELECT team, user_name, policy_slug, policy_name, on_ms, off_ms"
                       " FROM shift_log ORDER BY on_ms, team, user_name, policy_slug"),
        error);
    if (!found)
        return std::nullopt;
    QSqlQuery& q = *found;
    QList<ShiftRecord> shifts;
    while (q.next()) {
        ShiftRecord shift;
        shift.team = q.value(0).toString();
        shift.user = q.value(1).toString();
        shift.policySlug = q.value(2).toString();
        shift.policyName = q.value(3).toString();
        shift.onMs = q.value(4).toLongLong();
        shift.offMs = msFrom(q.value(5));
        shifts.append(shift);
    }
    return shifts;
}

QString HistoryDatabase::defaultPath(const QString& accountId)
{
    // An account id is not a path: a separator in it must not lead out of the folder.
    QString name = accountId;
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/rota/history/") + name + QStringLiteral(".sqlite");
}

void HistoryDatabase::setMaxPageCountForTests(int morePages)
{
    if (!isOpen())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next())
        return;
    const qint64 pages = q.value(0).toLongLong() + morePages;
    q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

} // namespace rota
