// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The incidents table as a person uses it in the GUI tests: finding an incident's row (after the
// view's sorting and filtering) and clicking it.

#include "incidentmodel.h"

#include <QAbstractItemModel>
#include <QString>
#include <QTableView>
#include <QTest>

namespace rota::test {

//! The table's row (as shown, sorted and filtered) of incident `number`; -1 when not shown.
inline int incidentRow(const QTableView* table, const QString& number)
{
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(IncidentModel::NumberRole).toString() == number)
            return row;
    }
    return -1;
}

//! Clicks incident `number`'s summary, scrolled into view first; false when it is not shown.
inline bool clickIncidentRow(
    QTableView* table, const QString& number, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const int row = incidentRow(table, number);
    if (row < 0)
        return false;
    const QModelIndex index = table->model()->index(row, IncidentModel::SummaryColumn);
    table->scrollTo(index);
    QTest::mouseClick(
        table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
    return true;
}

} // namespace rota::test
