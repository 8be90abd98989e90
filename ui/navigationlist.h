// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QListWidget>
#include <QPalette>

namespace rota {

struct MainView;

//! The column of main views on the left of the main window: an icon and a title per view, on the
//! window's background, with a rounded, tinted selection derived from the current palette (so dark
//! themes work too) and a focus ring while it has keyboard focus. In a narrow window it shrinks to
//! the icons.
class NavigationList : public QListWidget {
    Q_OBJECT
public:
    explicit NavigationList(QWidget* parent = nullptr);

    void addView(const MainView& view);

    //! A short text drawn as a pill at the end of the row (e.g. a count); empty removes it.
    //! `urgent` draws the pill in a strong red instead of a tint of the text colour.
    void setBadge(int row, const QString& text, bool urgent);
    QString badge(int row) const;

    //! Room for the widest title and a badge.
    QSize sizeHint() const override;
    //! Room for the icons alone: narrower than sizeHint(), the list shows the icons and their
    //! badges without the titles (the tooltips name the views).
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QPalette m_appliedFrom; //!< the application palette the colours and icons were made from
    QIcon icon(const QString& path) const;
};

} // namespace rota
