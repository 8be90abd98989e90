// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace rota {

//! A person's avatar: their initials on a round patch of colour. The colour comes from the
//! username alone (case-insensitive), so one person has one colour in every view and every run;
//! the text is white or black, whichever reads better on it, so it reads on light and dark
//! palettes alike.
namespace PersonAvatar {

//! Up to two letters: the first letters of the first and last words of `displayName` ("Ana María
//! López" → "AL", "Cher" → "C"); a part in parentheses (a username added to tell two people
//! apart) is left out. With no name, the first letter of `username`; with neither, "?".
QString initials(const QString& displayName, const QString& username = {});
//! The patch colour of this username: the same for the same username, in any case, always.
QColor colour(const QString& username);
//! The text colour that reads best on `background` (white or black).
QColor textColour(const QColor& background);
//! WCAG contrast ratio of two colours, 1 (none) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);
//! Below this size an avatar shows only the first of the initials.
constexpr int SmallSize = 24;
//! The avatar, `size` device-independent pixels square, drawn for `devicePixelRatio`; transparent
//! outside the circle. Smaller than SmallSize, it shows the first initial only (legible in a row).
QPixmap pixmap(
    const QString& username, const QString& displayName, int size, qreal devicePixelRatio = 1.0);
//! The avatar as an icon, drawn at `size` for ratios 1 and 2.
QIcon icon(const QString& username, const QString& displayName, int size = 16);

} // namespace PersonAvatar

} // namespace rota
