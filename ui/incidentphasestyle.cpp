// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentphasestyle.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace rota {

namespace {

enum class Glyph { Bang, Tick, DoubleTick, Cross, Dots, None };

// Draws at whatever size is asked, so the icon is sharp on every screen.
class GlyphIconEngine : public QIconEngine {
public:
    GlyphIconEngine(QColor color, Glyph glyph)
        : m_color(std::move(color))
        , m_glyph(glyph)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - side) / 2.0,
            rect.y() + (rect.height() - side) / 2.0, side, side);
        QColor fill = m_color;
        if (mode == QIcon::Disabled)
            fill.setAlphaF(0.4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawEllipse(box.adjusted(side * 0.06, side * 0.06, -side * 0.06, -side * 0.06));
        QPen pen(Qt::white, qMax(1.5, side * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        const auto at = [&box, side](qreal x, qreal y) {
            return QPointF(box.x() + x * side, box.y() + y * side);
        };
        switch (m_glyph) {
        case Glyph::Bang:
            painter->drawLine(at(0.5, 0.25), at(0.5, 0.56));
            painter->drawPoint(at(0.5, 0.74));
            break;
        case Glyph::Tick: {
            QPainterPath path(at(0.3, 0.52));
            path.lineTo(at(0.45, 0.67));
            path.lineTo(at(0.71, 0.36));
            painter->drawPath(path);
            break;
        }
        case Glyph::DoubleTick: {
            QPainterPath path(at(0.27, 0.5));
            path.lineTo(at(0.42, 0.66));
            path.lineTo(at(0.7, 0.34));
            painter->drawPath(path);
            painter->drawLine(at(0.5, 0.72), at(0.75, 0.72));
            break;
        }
        case Glyph::Cross:
            painter->drawLine(at(0.34, 0.34), at(0.66, 0.66));
            painter->drawLine(at(0.66, 0.34), at(0.34, 0.66));
            break;
        case Glyph::Dots:
            pen.setWidthF(qMax(2.0, side * 0.14));
            painter->setPen(pen);
            for (const qreal x : { 0.3, 0.5, 0.7 })
                painter->drawPoint(at(x, 0.5));
            break;
        case Glyph::None:
            break;
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override { return new GlyphIconEngine(m_color, m_glyph); }

private:
    QColor m_color;
    Glyph m_glyph;
};

} // namespace

QColor phaseColor(Phase phase)
{
    switch (phase) {
    case Phase::Triggered:
        return QColor(0xc6, 0x28, 0x28);
    case Phase::Acknowledged:
        return QColor(0xd9, 0x7a, 0x00);
    case Phase::Resolved:
        return QColor(0x2e, 0x7d, 0x32);
    case Phase::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QIcon phaseIcon(Phase phase)
{
    static const std::array<QIcon, 4> icons {
        QIcon(new GlyphIconEngine(phaseColor(Phase::Unknown), Glyph::None)),
        QIcon(new GlyphIconEngine(phaseColor(Phase::Triggered), Glyph::Bang)),
        QIcon(new GlyphIconEngine(phaseColor(Phase::Acknowledged), Glyph::Tick)),
        QIcon(new GlyphIconEngine(phaseColor(Phase::Resolved), Glyph::DoubleTick)),
    };
    return icons.at(static_cast<size_t>(phase));
}

QIcon errorIcon()
{
    static const QIcon icon(new GlyphIconEngine(QColor(0xb7, 0x1c, 0x1c), Glyph::Cross));
    return icon;
}

QIcon pendingIcon()
{
    static const QIcon icon(new GlyphIconEngine(QColor(0x60, 0x7d, 0x8b), Glyph::Dots));
    return icon;
}

QIcon unreadChatIcon()
{
    static const QIcon icon(new GlyphIconEngine(QColor(0x1e, 0x88, 0xe5), Glyph::Dots));
    return icon;
}

} // namespace rota
