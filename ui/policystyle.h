// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QColor>
#include <QString>

class QFontMetrics;
class QPainter;
class QPalette;
class QRect;

namespace rota {

//! How the paging-policy editor draws rules as chips: the canvas and the palette share it.
namespace policystyle {
//! The height of a chip.
constexpr int ChipHeight = 30;
//! The chip colour of a notification type.
QColor chipColor(const QString& notificationType);
//! Paints one chip (rounded pill with a coloured dot, the notification type and the contact),
//! its words in colours that read on \a palette (light or dark).
void paintChip(QPainter& painter, const QPalette& palette, const QRect& rect,
    const QString& notificationType, const QString& kind, const QString& contact, bool current,
    bool dimmed = false);
//! A chip's width for this text.
int chipWidth(const QFontMetrics& metrics, const QString& kind, const QString& contact);
//! What happens after a step, in words: "then wait 5 minutes before step 2", or for the last
//! step (\a nextStep < 1) that it repeats every \a timeout minutes until someone acknowledges,
//! which is what Splunk On-Call does with a page nobody acknowledged by the last step.
QString afterStepText(int timeout, int nextStep);
} // namespace policystyle

} // namespace rota
