// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace rota {

//! The one way Rota quits. File › Quit (Ctrl+Q) and the tray's Quit ask Qt to quit
//! (QCoreApplication::quit()), as do the desktop and the last window closing when there is no
//! tray; a termination signal (ShutdownSignals) calls requestQuit(). All of them end up in
//! requestQuit(), which ends the event loop with 0: main() returns and the objects it owns go
//! away in order (the single-instance socket and lock among them).
//!
//! Qt alone does not do it: in Qt 6 a quit first asks every window to close and gives up when one
//! refuses, and the main window refuses while it closes to the tray, so Quit only hid it. Here
//! the application handles the quit event (installed as an event filter on the application) and
//! closes no window on the way; closing the window itself still hides it to the tray.
//!
//! Before quitting it asks the guards, in the order they were added: an owner of something the
//! user could lose (an unsaved edit, a queued write) adds one. A guard returns true to let the
//! quit go on, or false to stay (having asked the user, say); then nothing quits.
class QuitController : public QObject {
    Q_OBJECT
public:
    using Guard = std::function<bool()>;

    //! Handles the application's quit event from now on. One per application.
    explicit QuitController(QObject* parent = nullptr);
    ~QuitController() override;

    //! Asks `guard` before every quit while `owner` exists.
    void addGuard(QObject* owner, Guard guard);

    //! Quits unless a guard says no; returns whether the quit goes on. A request while the guards
    //! are being asked (a second Ctrl+Q under a question) is part of the first one: false.
    bool requestQuit();
    //! True once a quit was decided.
    bool isQuitting() const { return m_quitting; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Owned {
        QPointer<QObject> owner;
        Guard guard;
    };
    QList<Owned> m_guards;
    bool m_asking = false;
    bool m_quitting = false;
};

} // namespace rota
