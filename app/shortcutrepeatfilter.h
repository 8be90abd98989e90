// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QKeyEvent;

namespace rota {

//! Keeps the shortcuts of chosen actions (File › Quit) from firing on the key repeat of a key
//! held down, which QAction::setAutoRepeat(false) means to do but cannot alone on X11: Qt marks a
//! press as a repeat only when the X server's release-and-press pair for it is in its queue
//! together, and so misses most of them (two in three, holding Ctrl+Q in Xvfb). Here a press is a
//! repeat when Qt says so, or when the same key was released just before at the same timestamp:
//! the server's pairs share one, and no person presses a key again within that millisecond.
//!
//! Why it matters: a key held down, or left down on the X server by a tool that pressed it in a
//! window that went away before the release, repeats at whichever window has the focus; a Rota
//! started then quit (or hid) the moment its window took the focus.
//!
//! Installed as an event filter on the application; a repeated press of such a shortcut goes to
//! the focused widget as a plain key press instead.
class ShortcutRepeatFilter : public QObject {
    Q_OBJECT
public:
    explicit ShortcutRepeatFilter(QObject* parent = nullptr);
    ~ShortcutRepeatFilter() override;

    //! `action` (not owned) fires on fresh presses of its shortcuts only.
    void addAction(QAction* action);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isRepeat(const QKeyEvent& press) const;
    bool isGuarded(const QKeyEvent& press) const;

    QList<QPointer<QAction>> m_actions;
    int m_releasedKey = 0;
    quint64 m_releasedAt = 0;
};

} // namespace rota
