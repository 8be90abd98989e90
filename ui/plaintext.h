// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Text that comes from Splunk On-Call (names, summaries, alert fields, notes, the server's
// messages) is shown as written: never read as markup, and never so long that it pushes a layout
// off the screen. These helpers are what the views use for it.

#include <QString>

class QAbstractItemView;
class QLabel;

namespace rota {

//! Longest tooltip text, in characters, before it is cut with an ellipsis.
constexpr int ToolTipChars = 500;
//! Longest message (an error, a state) a label outside a scrolled area shows.
constexpr int MessageChars = 1000;
//! Longest entry in a menu or a table cell's copy of a name.
constexpr int MenuChars = 60;
//! A word longer than this many characters gets places to wrap (breakable).
constexpr int WrapChars = 80;

//! `text` cut to at most `maxChars` characters, the last of them an ellipsis, when it is longer.
QString clipped(const QString& text, int maxChars);

//! `text` with zero-width spaces inside each word longer than WrapChars characters (one after
//! every 10 characters), so that a word-wrapping label can break it at its width (QLabel never
//! breaks inside a word, and one 10 kB word makes it 70,000 pixels wide). Shorter words (a host,
//! a URL) are left alone, so they copy as they are.
QString breakable(const QString& text);

//! A tooltip that shows `text` literally (QToolTip renders what looks like markup as rich text):
//! at most ToolTipChars characters, HTML-escaped inside <p>…</p>, newlines kept, long words
//! breakable. Empty when `text` is empty.
QString plainToolTip(const QString& text);

//! `text` for a menu entry: at most `maxChars` characters, '&' doubled (a single one would be
//! read as the entry's shortcut letter), tabs and line breaks made spaces.
QString menuText(const QString& text, int maxChars = MenuChars);

//! Makes `label` take its text as plain text (Qt::PlainText), whatever the text looks like.
//! Call it once where the label is made; then set the text through setPlainLabelText when it
//! can be long.
void makePlainLabel(QLabel* label);

//! Shows `text` in a plain label: cut to `maxChars` (none when < 0) and breakable when the label
//! word-wraps.
void setPlainLabelText(QLabel* label, const QString& text, int maxChars = -1);

//! Makes `view` show its model's Qt::ToolTipRole as plain text (through plainToolTip), not as
//! markup. The view keeps the filter for its life.
void usePlainToolTips(QAbstractItemView* view);

} // namespace rota
