// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Small pieces of chrome that several views share, so that they look and behave the same.

#include <QString>

class QAction;
class QLabel;
class QProgressBar;
class QWidget;

namespace rota {

//! Makes `bar` a small indeterminate busy indicator, hidden until the view shows it.
void setUpBusyBar(QProgressBar* bar);

//! Makes `label` a hidden, word-wrapped plain-text notice whose text people can select and copy.
void setUpNoticeLabel(QLabel* label);

//! Adds to `view` a Refresh action (F5 / the platform's refresh key) that fires while focus is in
//! the view or its children; the caller connects its triggered() signal.
QAction* addRefreshShortcut(QWidget* view);

//! Shows `text` in a notice label (hidden when empty), in the error colour when `error`: as plain
//! text, cut at MessageChars, long words breakable (setPlainLabelText).
void showNotice(QLabel* label, const QString& text, bool error);

} // namespace rota
