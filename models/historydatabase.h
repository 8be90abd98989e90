// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The history's SQLite file through Qt SQL: its schema and migrations, and each read and write.
// Synchronous, and bound to the thread that opened it (a Qt SQL connection is): Rota uses it on
// HistoryStore's worker thread only, rotactl on its one thread.

#include "historytypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace rota {

class HistoryDatabase {
public:
    //! The schema this Rota writes. A file with a lower version is migrated step by step; one
    //! with a higher version was written by a newer Rota and is refused (never changed).
    static constexpr int SchemaVersion = 2;

    enum class OpenResult {
        Opened, //!< an existing database, migrated if it was older
        Created, //!< a new, empty database
        Rebuilt, //!< the file was not a readable Rota history: moved aside, a new one made
        TooNew, //!< written by a newer Rota: refused, left as it is
        Failed, //!< cannot be opened or made (permissions, disk full): see the message
    };

    //! `connectionName` must be unique in the process (one per database object).
    explicit HistoryDatabase(const QString& connectionName);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase&) = delete;
    HistoryDatabase& operator=(const HistoryDatabase&) = delete;

    //! Opens (or creates) the file, in WAL mode. `*message` says in words what happened when it
    //! is not simply Opened/Created: where a damaged or foreign file was moved, why it failed.
    OpenResult open(const QString& path, QString* message);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    //! The version of the open database's schema (0 when none is open).
    int schemaVersion() const;

    //! Stores the incidents (new ones added, known ones replaced with their transitions) and the
    //! sync state, in one transaction. Returns false with *error in words (a full disk says so)
    //! and nothing stored. `*added` (optional) counts incidents new to the store.
    bool storeIncidents(const QList<Incident>& incidents, const HistorySyncState& state,
        QString* error, int* added = nullptr);
    //! Replaces the team's shifts that start within [fromMs, toMs) with `shifts`, in one
    //! transaction.
    bool storeShifts(const QString& team, qint64 fromMs, qint64 toMs,
        const QList<ShiftRecord>& shifts, QString* error);
    bool saveSyncState(const HistorySyncState& state, QString* error);

    HistorySyncState syncState() const;
    int incidentCount() const;
    //! Every stored incident, newest start first; nullopt with *error when the read fails. Their
    //! repeating texts are shared through `pool` (one of the call's own when nullptr).
    std::optional<QList<HistoryIncident>> loadIncidents(
        QString* error, TextPool* pool = nullptr) const;
    //! One stored incident in full, with its transitions; nullopt when not stored.
    std::optional<Incident> incident(qint64 number) const;
    std::optional<QList<ShiftRecord>> loadShifts(QString* error) const;

    //! Where an account's history lives: <generic data location>/rota/history/<accountId>.sqlite,
    //! the same for rota and rotactl.
    static QString defaultPath(const QString& accountId);

    //! The file's application_id: Rota's histories carry it, so a foreign SQLite file is known.
    static constexpr qint32 ApplicationId = 0x526f7461; // "Rota"

    //! For tests: open() that builds or migrates the schema only up to `version` (an older
    //! Rota's file).
    OpenResult openAtVersionForTests(const QString& path, int version, QString* message);
    //! For tests: caps the open file at its present size plus `morePages` pages (PRAGMA
    //! max_page_count), so that a larger write meets what SQLite reports for a full disk.
    void setMaxPageCountForTests(int morePages);

private:
    OpenResult openUpTo(const QString& path, int version, QString* message);
    bool migrate(int from, int to, QString* error);

    QString m_connectionName;
    QString m_path;
};

} // namespace rota
