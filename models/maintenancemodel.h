// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "orgconfig.h"
#include "rowtablemodel.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace rota {

//! The organisation's maintenance mode: one row per running instance (global, or for some
//! routing keys), keyed by instance id, in the server's order. applyState() is a diff (syncRows:
//! rows removed, inserted, moved, changed); only reset() resets.
//!
//! What the model holds is the server's truth only while isCurrent(): before the first read it
//! knows nothing, and after a failed read (setStale()) its rows are what the last good read said,
//! at checkedAt(). Nobody may present "no rows" as "maintenance mode is off" unless isCurrent().
class MaintenanceModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        ScopeColumn, //!< "All routing keys" or the keys
        StartedByColumn,
        SinceColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        InstanceIdRole = Qt::UserRole + 1, //!< QString
        GlobalRole, //!< bool
        RoutingKeysRole, //!< QStringList
        StartedAtRole, //!< QDateTime (UTC)
        SortRole,
    };
    Q_ENUM(Role)

    explicit MaintenanceModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! First load and account switch only.
    void reset(const MaintenanceState& state = {});
    //! A refresh or the answer of start/end, as a diff. Marks the model loaded and current.
    void applyState(const MaintenanceState& state);
    //! The last read failed: the rows stay as last read but are no longer known to be current.
    void setStale();

    bool isLoaded() const { return m_loaded; }
    //! Read, and no read has failed since: the rows are the server's state.
    bool isCurrent() const { return m_loaded && !m_stale; }
    //! When the state was last read (UTC); invalid before the first read.
    QDateTime checkedAt() const { return m_checkedAt; }
    bool isActive() const { return !m_instances.isEmpty(); }
    bool isGlobalActive() const;
    //! Whether alerts for this key are held: global maintenance or an instance naming it.
    bool isInMaintenance(const QString& routingKey) const;
    //! The ids of the instances naming the key (not the global one).
    QStringList instancesFor(const QString& routingKey) const;
    const QList<MaintenanceInstance>& instances() const { return m_instances; }
    //! The row of an instance, -1 when absent.
    int rowOf(const QString& instanceId) const;
    //! False when the service does not say which person started it (empty, or "api").
    static bool startedByKnown(const MaintenanceInstance& instance);

    //! "all routing keys since 14:02 (started by dmitri.petrov)", "routing key db since ..." (who
    //! is left out when the service only says "api").
    static QString describe(const MaintenanceInstance& instance, const QDateTime& now);
    //! "Maintenance mode: <describe> [; <describe>...]"; empty when none is active. While not
    //! current it says when it was read and that it cannot be checked now.
    QString bannerText() const;

    //! For tests: the clock used to write dates (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    //! isActive(), isCurrent(), the instances or bannerText() may have changed.
    void stateChanged();

private:
    QList<MaintenanceInstance> m_instances;
    std::function<QDateTime()> m_clock;
    bool m_loaded = false;
    bool m_stale = false;
    QDateTime m_checkedAt;
};

} // namespace rota
