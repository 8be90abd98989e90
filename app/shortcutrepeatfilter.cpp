// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "shortcutrepeatfilter.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QKeySequence>

namespace rota {

ShortcutRepeatFilter::ShortcutRepeatFilter(QObject* parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
}

ShortcutRepeatFilter::~ShortcutRepeatFilter()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void ShortcutRepeatFilter::addAction(QAction* action) { m_actions.append(action); }

bool ShortcutRepeatFilter::isRepeat(const QKeyEvent& press) const
{
    // Events made up without a time (timestamp 0) cannot be told apart this way.
    return press.isAutoRepeat()
        || (press.timestamp() != 0 && press.timestamp() == m_releasedAt
            && press.key() == m_releasedKey);
}

bool ShortcutRepeatFilter::isGuarded(const QKeyEvent& press) const
{
    const QKeySequence pressed(press.keyCombination());
    for (const QPointer<QAction>& action : m_actions) {
        if (action && action->shortcuts().contains(pressed))
            return true;
    }
    return false;
}

bool ShortcutRepeatFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyRelease) {
        const auto* release = static_cast<QKeyEvent*>(event);
        m_releasedKey = release->key();
        m_releasedAt = release->timestamp();
    } else if (event->type() == QEvent::ShortcutOverride) {
        // Qt asks the focused widget first whether it takes the key itself; saying yes for it
        // keeps the shortcut from firing.
        const auto* press = static_cast<QKeyEvent*>(event);
        if (isRepeat(*press) && isGuarded(*press)) {
            event->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rota
