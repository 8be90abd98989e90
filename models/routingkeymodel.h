// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "orgconfig.h"
#include "rowtablemodel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rota {

class MaintenanceModel;

//! The organisation's routing keys with the escalation policies they send alerts to, and whether
//! each is in maintenance now (from a MaintenanceModel, followed as it changes). Keyed by routing
//! key, in the server's order; applyList() is a diff (syncRows), only reset() resets.
class RoutingKeyModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        TargetsColumn, //!< the policies' names
        MaintenanceColumn, //!< "In maintenance" or empty
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole + 1, //!< QString
        TargetSlugsRole, //!< QStringList: escalation policy slugs
        TargetNamesRole, //!< QStringList
        DefaultRole, //!< bool: takes alerts whose key is unknown
        InMaintenanceRole, //!< bool
        SortRole,
    };
    Q_ENUM(Role)

    explicit RoutingKeyModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Follows `maintenance` (not owned; may be nullptr) for InMaintenanceRole.
    void setMaintenance(MaintenanceModel* maintenance);

    //! First load and account switch only.
    void reset(const RoutingKeyList& list = {});
    //! A refresh as a diff: removed keys go, new ones come in at their place, changed rows get
    //! dataChanged.
    void applyList(const RoutingKeyList& list);

    //! The row of a key, -1 when absent.
    int rowOf(const QString& routingKey) const;
    QStringList keys() const;
    const RoutingKey& keyAt(int row) const { return m_rows.at(row).key; }

private:
    struct Row {
        RoutingKey key;
        bool inMaintenance = false; //!< as last announced
    };
    void maintenanceChanged();
    bool inMaintenance(const QString& key) const;
    //! The list's keys (the first of each) with whether each is in maintenance now.
    QList<Row> rowsOf(const RoutingKeyList& list) const;

    QList<Row> m_rows;
    MaintenanceModel* m_maintenance = nullptr;
};

} // namespace rota
