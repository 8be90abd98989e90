// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QStyledItemDelegate>

namespace rota {

//! Draws a person's avatar (PersonAvatar) before the name in one column of an item view whose
//! rows are people: the username comes from `usernameRole`, the name from the cell's text. Rows
//! with an empty username are drawn as they are.
class PersonDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    PersonDelegate(int usernameRole, int column, QObject* parent = nullptr);

    //! Rows as tall as every table's and tree's (look::rowHeight).
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    int m_usernameRole;
    int m_column;
};

} // namespace rota
