// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QColor>
#include <QFrame>
#include <QIcon>
#include <QString>
#include <QStyle>

class QAbstractItemView;
class QLabel;
class QPalette;
class QToolButton;

namespace rota {

//! One look for every view: the colours that carry meaning, table rows, and messages.
//! Colours follow the palette, so they read on light and dark backgrounds alike.
namespace look {

enum class Tone { Info, Success, Warning, Error };

//! The text colour of a tone on this palette (Info is the palette's own text colour).
QColor toneColor(Tone tone, const QPalette& palette);
//! A quiet background for a notice of this tone, mixed from the palette's window colour.
QColor toneBackground(Tone tone, const QPalette& palette);
//! A dark palette like the one a dark desktop theme (Breeze Dark, Adwaita dark) hands to Qt
//! applications: for the dark pictures and for tests.
QPalette darkPalette();
//! True when the palette is dark (its window darker than its text).
bool isDark(const QPalette& palette);

//! Colours \a label's text in the tone's colour, and keeps it right when the palette changes
//! (light to dark and back).
void setTone(QLabel* label, Tone tone);
//! Gives \a widget (a banner, a bar) the look of a notice of this tone: its background
//! (toneBackground) and text colour (toneColor), kept right when the palette changes.
void setNoticeLook(QWidget* widget, Tone tone);
//! Shows \a text in \a label in the tone's colour (Info: the palette's), or hides the label when
//! \a text is empty. The label wraps and its text can be selected and copied.
void setMessage(QLabel* label, const QString& text, Tone tone);

//! The row height every table and tree uses: the font's line height and a little air.
int rowHeight(const QWidget* widget);
//! Gives a table, tree or list the common look: uniform rows of rowHeight() (a tree or list with
//! a delegate of its own sizes its rows itself; word-wrapping rows may grow), headers aligned
//! left and centred vertically, alternating rows off.
void styleItemView(QAbstractItemView* view);

//! The desktop theme's icon \a themeName (freedesktop names: "view-refresh", "edit-undo"), or
//! when the theme has none the style's \a fallback, so that a toolbar button always has one.
QIcon themeIcon(const QString& themeName, QStyle::StandardPixmap fallback, const QWidget* widget);

} // namespace look

//! A message across the top of a view: a tone (its colour and icon), words, an optional action
//! button, and a close button that dismisses it. Replaces ad-hoc coloured labels.
class NoticeBar : public QFrame {
    Q_OBJECT

public:
    explicit NoticeBar(QWidget* parent = nullptr);

    //! Shows \a text in \a tone; an empty text hides the bar. The text is plain (never markup),
    //! cut at MessageChars and breakable where a word is very long. \a actionText, when not
    //! empty, shows a button that emits actionTriggered().
    void showNotice(const QString& text, look::Tone tone = look::Tone::Info,
        const QString& actionText = QString());
    void clear();

    QString text() const;
    look::Tone tone() const { return m_tone; }
    //! The label that shows the words (plain text, wrapped, selectable): for tests and
    //! accessibility.
    QLabel* textLabel() const { return m_text; }
    //! Puts \a widget (a button, say) on the bar after the text, before the action.
    void addWidget(QWidget* widget);
    //! Whether the bar has a close button (default true). A bar that states a condition the
    //! person must resolve (not a passing message) may have none.
    void setDismissible(bool dismissible);

Q_SIGNALS:
    void actionTriggered();
    //! The person closed the bar.
    void dismissed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    QLabel* m_text; // first: a search for the bar's first label finds the words
    QLabel* m_icon;
    QToolButton* m_action;
    QToolButton* m_close;
    look::Tone m_tone = look::Tone::Info;
};

} // namespace rota
