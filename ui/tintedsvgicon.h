// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QColor>
#include <QIcon>

namespace rota {

//! An icon from a monochrome SVG whose strokes and fills say "currentColor", drawn in `color`
//! (and in `selectedColor` for QIcon::Selected), sharp at every size and device pixel ratio.
//! Disabled icons are drawn faded. Returns a null icon when the file cannot be read.
QIcon tintedSvgIcon(const QString& path, const QColor& color, const QColor& selectedColor);

} // namespace rota
