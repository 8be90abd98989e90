// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The hour-of-day × weekday heat map of the Reports view.

#include "reportcharts.h"

#include <QWidget>

#include <array>

namespace rota {

//! Incidents started per weekday (rows, Monday first) and hour (columns, 0..23), painted as
//! cells from the palette's base colour (none) to its highlight (the most), with the count in
//! each cell that is wide enough and in its tooltip. Follows palette changes.
class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    using Counts = std::array<std::array<int, 24>, 7>;

    explicit HeatmapWidget(QWidget* parent = nullptr);

    void setCounts(const Counts& counts);
    const Counts& counts() const { return m_counts; }
    int maximum() const { return m_max; }

    //! The cell under `pos` as (weekday 0..6, hour 0..23); (-1, -1) outside the cells.
    QPair<int, int> cellAt(const QPoint& pos) const;
    //! The cell's rectangle in widget coordinates.
    QRect cellRect(int weekday, int hour) const;
    //! The fill colour of a cell with `count` incidents under the current palette.
    QColor cellColor(int count) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect grid() const;

    Counts m_counts {};
    int m_max = 0;
};

//! The heat map with its table (weekday rows, an hour per column) and Export CSV….
class HeatmapPanel : public ReportPanel {
    Q_OBJECT
public:
    explicit HeatmapPanel(const QString& title, QWidget* parent = nullptr);

    HeatmapWidget* heatmap() const { return m_heatmap; }
    void showHeat(const HeatmapWidget::Counts& counts);

private:
    HeatmapWidget* m_heatmap;
};

} // namespace rota
