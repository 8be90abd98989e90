// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

namespace rota {

FlowLayout::FlowLayout(QWidget* parent, int spacing)
    : QLayout(parent)
{
    if (spacing >= 0)
        setSpacing(spacing);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) { m_items.append(item); }

int FlowLayout::count() const { return int(m_items.size()); }

QLayoutItem* FlowLayout::itemAt(int index) const { return m_items.value(index); }

QLayoutItem* FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const { return Qt::Horizontal; }

bool FlowLayout::hasHeightForWidth() const { return true; }

int FlowLayout::heightForWidth(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    int width = 0;
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += (width > 0 ? horizontalSpacing() : 0) + hint.width();
        height = qMax(height, hint.height());
    }
    const QMargins margins = contentsMargins();
    return QSize(
        width + margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::horizontalSpacing() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    return parent
        ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent)
        : 6;
}

int FlowLayout::verticalSpacing() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    return parent ? parent->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, parent)
                  : 6;
}

int FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = horizontalSpacing();
    const int lineGap = verticalSpacing();

    QList<QLayoutItem*> visible;
    for (QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            visible.append(item);
    }
    int y = area.y();
    int index = 0;
    while (index < visible.size()) {
        // Fill a row with items at their preferred widths (no narrower than their minimum, no
        // wider than the row)...
        QList<QLayoutItem*> row;
        QList<int> widths;
        int used = 0;
        while (index < visible.size()) {
            QLayoutItem* item = visible.at(index);
            const int width
                = qMax(item->minimumSize().width(), qMin(item->sizeHint().width(), area.width()));
            const int needed = (row.isEmpty() ? 0 : gap) + width;
            if (!row.isEmpty() && used + needed > area.width())
                break;
            row.append(item);
            widths.append(width);
            used += needed;
            ++index;
        }
        // ...give what is left to its expanding items...
        int expanding = 0;
        for (const QLayoutItem* item : std::as_const(row))
            expanding += item->expandingDirections() & Qt::Horizontal ? 1 : 0;
        int spare = qMax(0, area.width() - used);
        QList<int> heights;
        int height = 0;
        for (int i = 0; i < row.size(); ++i) {
            const QLayoutItem* item = row.at(i);
            if (expanding > 0 && item->expandingDirections() & Qt::Horizontal) {
                const int share = spare / expanding--;
                widths[i] = qMin(widths.at(i) + share, item->maximumSize().width());
                spare -= share;
            }
            // ...and each item the height it needs at its width (a wrapped label, several lines).
            heights.append(item->hasHeightForWidth() ? item->heightForWidth(widths.at(i))
                                                     : item->sizeHint().height());
            height = qMax(height, heights.constLast());
        }
        if (apply) {
            int x = area.x();
            for (int i = 0; i < row.size(); ++i) {
                row.at(i)->setGeometry(
                    QRect(x, y + (height - heights.at(i)) / 2, widths.at(i), heights.at(i)));
                x += widths.at(i) + gap;
            }
        }
        y += height + (index < visible.size() ? lineGap : 0);
    }
    return y - rect.y() + contentsMargins().bottom();
}

} // namespace rota
