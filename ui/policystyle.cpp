// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policystyle.h"

#include "look.h"
#include "pagingpolicymodel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace rota {

QColor policystyle::chipColor(const QString& type)
{
    if (type == QLatin1String("push"))
        return QColor(0x2f, 0x6f, 0xd6);
    if (type == QLatin1String("email"))
        return QColor(0x1f, 0x8a, 0x5b);
    if (type == QLatin1String("sms"))
        return QColor(0xc7, 0x6a, 0x12);
    if (type == QLatin1String("phone"))
        return QColor(0x8a, 0x3f, 0xc2);
    return QColor(0x66, 0x66, 0x66);
}

int policystyle::chipWidth(const QFontMetrics& metrics, const QString& kind, const QString& contact)
{
    // The kind is drawn bold: a little slack for it. The contact's label is the server's, of any
    // length: past 40 average characters it is elided (paintChip), not a chip across the screen.
    const int contactWidth
        = std::min(metrics.horizontalAdvance(contact), metrics.averageCharWidth() * 40);
    return 28 + metrics.horizontalAdvance(kind) * 11 / 10 + 10 + contactWidth + 14;
}

QString policystyle::afterStepText(int timeout, int nextStep)
{
    if (nextStep >= 1) {
        return QCoreApplication::translate("rota::PolicyStyle", "then wait %1 before step %2")
            .arg(PagingPolicyModel::minutesText(timeout))
            .arg(nextStep);
    }
    if (timeout <= 0)
        return QCoreApplication::translate(
            "rota::PolicyStyle", "repeats until someone acknowledges");
    return QCoreApplication::translate(
        "rota::PolicyStyle", "repeats every %1 until someone acknowledges")
        .arg(PagingPolicyModel::minutesText(timeout));
}

void policystyle::paintChip(QPainter& painter, const QPalette& palette, const QRect& rect,
    const QString& type, const QString& kind, const QString& contact, bool current, bool dimmed)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = look::isDark(palette);
    const QColor color = chipColor(type);
    QColor fill = color;
    fill.setAlpha(dimmed ? 18 : 34);
    QColor border = color;
    border.setAlpha(dimmed ? 90 : 200);
    painter.setPen(QPen(current ? (dark ? color.lighter(140) : color.darker(120)) : border,
        current ? 2.5 : 1.2, dimmed ? Qt::DashLine : Qt::SolidLine));
    painter.setBrush(fill);
    const qreal radius = rect.height() / 2.0;
    painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), radius, radius);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QPointF(rect.left() + 15, rect.center().y() + 0.5), 5, 5);
    QFont font = painter.font();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(font);
    int x = rect.left() + 28;
    // The type's own colour, deepened on a light palette and lightened on a dark one so that the
    // word reads on the pill's tint.
    painter.setPen(dark ? color.lighter(160) : color.darker(140));
    painter.setFont(bold);
    painter.drawText(
        QRect(x, rect.top(), rect.width(), rect.height()), Qt::AlignVCenter | Qt::AlignLeft, kind);
    x += QFontMetrics(bold).horizontalAdvance(kind) + 8;
    painter.setFont(font);
    painter.setPen(palette.color(dimmed ? QPalette::PlaceholderText : QPalette::Text));
    painter.drawText(QRect(x, rect.top(), rect.right() - x - 8, rect.height()),
        Qt::AlignVCenter | Qt::AlignLeft,
        metrics.elidedText(contact, Qt::ElideRight, rect.right() - x - 8));
    painter.restore();
}

} // namespace rota
