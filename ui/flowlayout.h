// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QLayout>
#include <QList>

namespace rota {

//! Lays its items out in a row, left to right, and starts a new row below when the next item
//! would not fit: a bar of controls that wraps in a narrow window instead of forcing its width
//! on it. An item whose widget expands horizontally (QSizePolicy::Expanding, e.g. a search field)
//! takes the room left at the end of its row. Hidden widgets take no room.
//!
//! Its minimum width is that of its widest item, and its height follows its width
//! (heightForWidth), so the layout holding it gives it the rows it needs.
class FlowLayout : public QLayout {
public:
    //! `spacing` below zero means the style's spacing between controls.
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    //! One row with every item at its preferred size.
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    int horizontalSpacing() const;
    int verticalSpacing() const;
    //! Places the items in `rect` (only measures when `apply` is false); returns the height used.
    int arrange(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> m_items;
};

} // namespace rota
