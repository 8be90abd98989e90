// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

class QWidget;

namespace rota {

//! Shows a top-level window, restores it if minimized and raises and activates it.
void bringToFront(QWidget* window);

} // namespace rota
