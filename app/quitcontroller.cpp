// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "quitcontroller.h"

#include "applog.h"

#include <QCoreApplication>
#include <QEvent>

namespace rota {

QuitController::QuitController(QObject* parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
}

QuitController::~QuitController()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void QuitController::addGuard(QObject* owner, Guard guard)
{
    m_guards.removeIf([](const Owned& each) { return !each.owner; });
    m_guards.append({ owner, std::move(guard) });
}

bool QuitController::requestQuit()
{
    if (m_quitting)
        return true;
    if (m_asking)
        return false;
    m_asking = true;
    // A guard may show a question and run an event loop; the list may change meanwhile.
    const QList<Owned> guards = m_guards;
    bool mayQuit = true;
    for (const Owned& each : guards) {
        if (each.owner && each.guard && !each.guard()) {
            mayQuit = false;
            break;
        }
    }
    m_asking = false;
    if (!mayQuit) {
        qCInfo(lcApp, "quit cancelled");
        return false;
    }
    m_quitting = true;
    qCInfo(lcApp, "quitting");
    // exit(), not quit(): quit() would ask the windows to close again, and the main window, which
    // closes to the tray, would refuse. exit() also ends a modal dialog's loop under it.
    QCoreApplication::exit(0);
    return true;
}

bool QuitController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Quit && watched == QCoreApplication::instance()) {
        if (!requestQuit())
            event->ignore(); // tells the platform that the application stays
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rota
