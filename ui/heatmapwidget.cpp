// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "heatmapwidget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QToolTip>

#include <algorithm>

namespace rota {

namespace {

constexpr int Hours = 24;
constexpr int Days = 7;

QString weekdayName(int weekday, QLocale::FormatType format)
{
    // Counts are Monday first; Qt numbers Monday 1.
    return QLocale().dayName(weekday + 1, format);
}

QColor mix(const QColor& from, const QColor& to, double t)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
        float(from.greenF() + (to.greenF() - from.greenF()) * t),
        float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

double luminance(const QColor& c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

} // namespace

HeatmapWidget::HeatmapWidget(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAccessibleName(tr("Incidents by hour and weekday"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatmapWidget::setCounts(const Counts& counts)
{
    m_counts = counts;
    m_max = 0;
    for (const auto& day : m_counts)
        m_max = std::max(m_max, *std::max_element(day.begin(), day.end()));
    update();
}

QRect HeatmapWidget::grid() const
{
    const QFontMetrics fm = fontMetrics();
    int labelWidth = 0;
    for (int d = 0; d < Days; ++d)
        labelWidth
            = std::max(labelWidth, fm.horizontalAdvance(weekdayName(d, QLocale::ShortFormat)));
    const int left = labelWidth + 8;
    const int top = fm.height() + 6;
    const int bottom = fm.height() + 10; // the scale under the grid
    const int cellW = std::max(4, (width() - left - 4) / Hours);
    const int cellH = std::max(4, std::min((height() - top - bottom - 4) / Days, cellW * 2));
    return QRect(left, top, cellW * Hours, cellH * Days);
}

QRect HeatmapWidget::cellRect(int weekday, int hour) const
{
    const QRect g = grid();
    const int w = g.width() / Hours;
    const int h = g.height() / Days;
    return QRect(g.left() + hour * w, g.top() + weekday * h, w, h);
}

QPair<int, int> HeatmapWidget::cellAt(const QPoint& pos) const
{
    const QRect g = grid();
    if (!g.contains(pos))
        return { -1, -1 };
    const int hour = (pos.x() - g.left()) / (g.width() / Hours);
    const int weekday = (pos.y() - g.top()) / (g.height() / Days);
    if (hour >= Hours || weekday >= Days)
        return { -1, -1 };
    return { weekday, hour };
}

QColor HeatmapWidget::cellColor(int count) const
{
    const QColor base = palette().color(QPalette::Active, QPalette::Base);
    const QColor high = palette().color(QPalette::Active, QPalette::Highlight);
    if (m_max <= 0 || count <= 0)
        return base;
    // A cell with one incident is already visibly tinted; the busiest is the full highlight.
    return mix(base, high, 0.15 + 0.85 * double(count) / m_max);
}

QSize HeatmapWidget::sizeHint() const
{
    return QSize(24 * 28 + 60, 7 * 26 + 2 * fontMetrics().height() + 20);
}

QSize HeatmapWidget::minimumSizeHint() const
{
    return QSize(24 * 8 + 60, 7 * 10 + 2 * fontMetrics().height() + 20);
}

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Active, QPalette::WindowText);
    const QColor mid = pal.color(QPalette::Active, QPalette::Mid);
    const QRect g = grid();
    const QFontMetrics fm = fontMetrics();

    painter.setPen(text);
    for (int d = 0; d < Days; ++d) {
        const QRect row = cellRect(d, 0);
        painter.drawText(QRect(0, row.top(), g.left() - 6, row.height()),
            Qt::AlignRight | Qt::AlignVCenter, weekdayName(d, QLocale::ShortFormat));
    }
    const int cellW = g.width() / Hours;
    // Every hour's label when there is room, else every third.
    const int step = cellW >= fm.horizontalAdvance(QStringLiteral("00")) + 4 ? 1 : 3;
    for (int h = 0; h < Hours; h += step) {
        const QRect col = cellRect(0, h);
        painter.drawText(QRect(col.left(), 0, col.width() * step, g.top() - 2),
            Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
    }

    const bool numbers = cellW >= fm.horizontalAdvance(QString::number(m_max)) + 4
        && g.height() / Days >= fm.height();
    for (int d = 0; d < Days; ++d) {
        for (int h = 0; h < Hours; ++h) {
            const QRect cell = cellRect(d, h).adjusted(0, 0, -1, -1);
            const QColor fill = cellColor(m_counts[d][h]);
            painter.fillRect(cell, fill);
            if (numbers && m_counts[d][h] > 0) {
                painter.setPen(luminance(fill) > 0.5 ? QColor(Qt::black) : QColor(Qt::white));
                painter.drawText(cell, Qt::AlignCenter, QString::number(m_counts[d][h]));
            }
        }
    }
    painter.setPen(mid);
    painter.drawRect(g.adjusted(0, 0, -1, -1));

    // The scale: none … the most.
    const int y = g.bottom() + 6;
    const QString none = tr("none");
    const QString most = tr("%n incident(s)", nullptr, m_max);
    painter.setPen(text);
    int x = g.left();
    painter.drawText(QPoint(x, y + fm.ascent()), none);
    x += fm.horizontalAdvance(none) + 6;
    const int rampW = std::min(160, std::max(40, g.width() / 4));
    for (int i = 0; i < rampW; ++i)
        painter.fillRect(QRect(x + i, y + 2, 1, fm.ascent() - 2),
            m_max > 0 ? cellColor(std::max(1, int(double(i) / rampW * m_max + 0.5)))
                      : cellColor(0));
    painter.setPen(mid);
    painter.drawRect(QRect(x, y + 2, rampW, fm.ascent() - 2));
    painter.setPen(text);
    painter.drawText(QPoint(x + rampW + 6, y + fm.ascent()), most);
}

bool HeatmapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [weekday, hour] = cellAt(help->pos());
        if (weekday < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(),
            tr("%1 %2:00–%3:00: %n incident(s)", nullptr, m_counts[weekday][hour])
                .arg(weekdayName(weekday, QLocale::LongFormat))
                .arg(hour, 2, 10, QLatin1Char('0'))
                .arg((hour + 1) % 24, 2, 10, QLatin1Char('0')),
            this, cellRect(weekday, hour));
        return true;
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    return QWidget::event(event);
}

HeatmapPanel::HeatmapPanel(const QString& title, QWidget* parent)
    : ReportPanel(title, new HeatmapWidget, parent)
    , m_heatmap(static_cast<HeatmapWidget*>(figure()))
{
    // Heat map above its table: a table of 25 columns needs the width.
    splitter()->setOrientation(Qt::Vertical);
}

void HeatmapPanel::showHeat(const HeatmapWidget::Counts& counts)
{
    m_heatmap->setCounts(counts);
    QStringList header { tr("Day") };
    for (int h = 0; h < 24; ++h)
        header.append(QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
    QList<QStringList> rows;
    for (int d = 0; d < 7; ++d) {
        QStringList row { weekdayName(d, QLocale::LongFormat) };
        for (int h = 0; h < 24; ++h)
            row.append(QString::number(counts[d][h]));
        rows.append(row);
    }
    setTable(header, rows);
}

} // namespace rota
