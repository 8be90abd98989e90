#pragma once

#include <QColor>
#include <QString>

class QFontMetrics;
class QPainter;
class QRect;

namespace rota {

//! How the paging-policy editor draws rules as chips: the canvas and the palette share it.
namespace policystyle {
//! The height of a chip.
constexpr int ChipHeight = 30;
//! The chip colour of a notification type.
QColor chipColor(const QString& notificationType);
//! Paints one chip (rounded pill with a coloured dot, the notification type and the contact).
void paintChip(QPainter& painter, const QRect& rect, const QString& notificationType,
    const QString& kind, const QString& contact, bool current, bool dimmed = false);
//! A chip's width for this text.
int chipWidth(const QFontMetrics& metrics, const QString& kind, const QString& contact);
} // namespace policystyle

} // namespace rota
