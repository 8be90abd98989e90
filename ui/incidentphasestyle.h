// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "phase.h"

#include <QColor>
#include <QIcon>

namespace rota {

//! The colour of a phase: red for triggered, amber for acknowledged, green for resolved, grey
//! otherwise. Readable as text on light and dark backgrounds.
QColor phaseColor(Phase phase);
//! A small round icon in the phase's colour with a glyph (! for triggered, a tick for
//! acknowledged and resolved), drawn so it stays sharp at any size.
QIcon phaseIcon(Phase phase);
//! A round icon that says "something went wrong" (a red cross).
QIcon errorIcon();
//! A round icon that says "waiting for the server" (three dots).
QIcon pendingIcon();
//! An incident with chat messages not read yet: a blue disc with dots.
QIcon unreadChatIcon();

} // namespace rota
