// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The organisation's scheduled overrides, with their assignments per escalation policy.
// OverrideController reads and changes them and puts the answers here.

#include "overrides.h"
#include "rowtablemodel.h"

#include <QHash>
#include <QList>
#include <QString>

namespace rota {

//! One row per scheduled override, sorted by start. A refresh applies a diff keyed by publicId.
class OverrideModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column { UserColumn, StartColumn, EndColumn, TimeZoneColumn, AssignedColumn, ColumnCount };
    enum Role {
        PublicIdRole = Qt::UserRole + 1,
        SortRole,
        UsernameRole,
        StartRole, //!< QDateTime, UTC
        EndRole, //!< QDateTime, UTC
        UnassignedCountRole, //!< policies nobody stands in for yet
    };

    explicit OverrideModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const ScheduledOverride& override(int row) const { return m_rows.at(row); }
    //! The row of the override, or -1.
    int rowOf(const QString& publicId) const;

    //! Display names by username; rows show the username until known.
    void setUserNames(const QHash<QString, QString>& names);
    QString displayName(const QString& username) const;
    //! Policy names by slug, for the assignments.
    void setPolicyNames(const QHash<QString, QString>& names) { m_policyNames = names; }
    QString policyName(const QString& slug) const;

    //! Applies a list (a load's answer): rows keyed by publicId are kept, updated, inserted and
    //! removed; only the first call resets.
    void setOverrides(const QList<ScheduledOverride>& overrides);
    //! Replaces (or adds) one override.
    void upsert(const ScheduledOverride& override);
    //! Takes the override's row away (when there is one).
    void removeOverride(const QString& publicId);
    //! Replaces the override's assignment for assignment.policy (adds it when missing).
    void applyAssignment(const QString& publicId, const OverrideAssignment& assignment);

private:
    void sortRows(QList<ScheduledOverride>* rows) const;

    QList<ScheduledOverride> m_rows;
    QHash<QString, QString> m_names;
    QHash<QString, QString> m_policyNames;
    bool m_loaded = false;
};

} // namespace rota
