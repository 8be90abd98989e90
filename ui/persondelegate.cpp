// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "persondelegate.h"

#include "look.h"
#include "personavatar.h"

namespace rota {

PersonDelegate::PersonDelegate(int usernameRole, int column, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_usernameRole(usernameRole)
    , m_column(column)
{
}

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (option.widget)
        size.setHeight(look::rowHeight(option.widget));
    return size;
}

void PersonDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != m_column)
        return;
    const QString username = index.data(m_usernameRole).toString();
    if (username.isEmpty())
        return;
    // As tall as a line of text, whatever icon size the view has: rows keep the height of text.
    const int size = option->fontMetrics.height();
    option->icon = PersonAvatar::icon(username, index.data(Qt::DisplayRole).toString(), size);
    option->decorationSize = QSize(size, size);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace rota
