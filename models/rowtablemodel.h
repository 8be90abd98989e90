// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A flat list or table model whose rows follow a list through syncRows: the begin…/end… calls
// around each step are written here once for every such model.

#include "rowsync.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>

namespace rota {

//! `Base` is QAbstractListModel or QAbstractTableModel (see RowListModel, RowTableModel).
template <typename Base> class RowSyncModel : public Base {
public:
    using Base::Base;

protected:
    //! The steps syncRows needs for one row at a time; a changed row reports every column.
    RowSyncSteps rowSteps()
    {
        return RowSyncSteps {
            [this](int row, const std::function<void()>& edit) {
                this->beginRemoveRows({}, row, row);
                edit();
                this->endRemoveRows();
            },
            [this](int row, const std::function<void()>& edit) {
                this->beginInsertRows({}, row, row);
                edit();
                this->endInsertRows();
            },
            [this](int from, int to, const std::function<void()>& edit) {
                this->beginMoveRows({}, from, from, {}, to);
                edit();
                this->endMoveRows();
            },
            [this](int row) {
                // Through the public QAbstractItemModel interface: a list model hides it.
                const QAbstractItemModel* model = this;
                Q_EMIT this->dataChanged(
                    this->index(row, 0), model->index(row, model->columnCount() - 1));
            },
        };
    }
};

using RowListModel = RowSyncModel<QAbstractListModel>;
using RowTableModel = RowSyncModel<QAbstractTableModel>;

} // namespace rota
