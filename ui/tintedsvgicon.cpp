// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "tintedsvgicon.h"

#include <QFile>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace rota {

namespace {

class TintedSvgIconEngine : public QIconEngine {
public:
    TintedSvgIconEngine(const QByteArray& svg, const QColor& color, const QColor& selectedColor)
        : m_svg(svg)
        , m_color(color)
        , m_selectedColor(selectedColor)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        const QColor color = mode == QIcon::Selected ? m_selectedColor : m_color;
        QByteArray svg = m_svg;
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        const qreal opacity = color.alphaF() * (mode == QIcon::Disabled ? 0.4 : 1.0);
        if (opacity >= 1.0) {
            renderer.render(painter, rect);
            return;
        }
        // Translucent strokes would darken where they overlap: draw opaque, then fade the whole.
        const qreal dpr = painter->device()->devicePixelRatioF();
        QImage layer(rect.size() * dpr, QImage::Format_ARGB32_Premultiplied);
        layer.setDevicePixelRatio(dpr);
        layer.fill(Qt::transparent);
        {
            QPainter layerPainter(&layer);
            renderer.render(&layerPainter, QRectF(QPointF(), rect.size()));
        }
        painter->save();
        painter->setOpacity(painter->opacity() * opacity);
        painter->drawImage(rect, layer);
        painter->restore();
    }

    // QIcon asks for device pixels here (the logical size times the device pixel ratio), so
    // rendering the SVG at exactly that size keeps high-DPI screens sharp.
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override
    {
        return new TintedSvgIconEngine(m_svg, m_color, m_selectedColor);
    }

    QString key() const override { return QStringLiteral("rota-tinted-svg"); }

private:
    QByteArray m_svg;
    QColor m_color;
    QColor m_selectedColor;
};

} // namespace

QIcon tintedSvgIcon(const QString& path, const QColor& color, const QColor& selectedColor)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QIcon();
    return QIcon(new TintedSvgIconEngine(file.readAll(), color, selectedColor));
}

} // namespace rota
