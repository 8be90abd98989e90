#pragma once

// A flat table model whose rows follow a list through syncRows: the begin…/end… calls around each
// step are written here once for every such model.

#include "rowsync.h"

#include <QAbstractTableModel>

namespace rota {

class RowTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    //! The steps syncRows needs for one row at a time; a changed row reports every column.
    RowSyncSteps rowSteps()
    {
        return RowSyncSteps {
            [this](int row, const std::function<void()>& edit) {
                beginRemoveRows({}, row, row);
                edit();
                endRemoveRows();
            },
            [this](int row, const std::function<void()>& edit) {
                beginInsertRows({}, row, row);
                edit();
                endInsertRows();
            },
            [this](int from, int to, const std::function<void()>& edit) {
                beginMoveRows({}, from, from, {}, to);
                edit();
                endMoveRows();
            },
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1)); },
        };
    }
};

} // namespace rota
