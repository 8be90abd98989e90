#pragma once

#include "orgconfig.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace rota {

class MaintenanceModel;

//! The organisation's routing keys with the escalation policies they send alerts to, and whether
//! each is in maintenance now (from a MaintenanceModel, followed as it changes). Keyed by routing
//! key; applyList() is a diff, only reset() resets.
class RoutingKeyModel : public QAbstractTableModel {
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
    //! A refresh as a diff: removed keys go, new ones are appended, changed rows get dataChanged.
    void applyList(const RoutingKeyList& list);

    //! The row of a key, -1 when absent.
    int rowOf(const QString& routingKey) const;
    QStringList keys() const;
    const RoutingKey& keyAt(int row) const { return m_keys.at(row); }

private:
    void maintenanceChanged();
    bool inMaintenance(const QString& key) const;

    QList<RoutingKey> m_keys;
    QList<bool> m_inMaintenance; //!< per row, as last announced
    MaintenanceModel* m_maintenance = nullptr;
};

} // namespace rota
