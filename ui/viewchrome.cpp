// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "viewchrome.h"

#include "look.h"
#include "plaintext.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QLabel>
#include <QProgressBar>
#include <QWidget>

namespace rota {

void setUpBusyBar(QProgressBar* bar)
{
    bar->setRange(0, 0);
    bar->setMaximumWidth(120);
    bar->setTextVisible(false);
    bar->hide();
}

void setUpNoticeLabel(QLabel* label)
{
    // Notices carry the server's messages: shown as written.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

QAction* addRefreshShortcut(QWidget* view)
{
    auto* action = new QAction(QCoreApplication::translate("ViewChrome", "Refresh"), view);
    action->setShortcut(QKeySequence::Refresh);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(action);
    return action;
}

void showNotice(QLabel* label, const QString& text, bool error)
{
    setPlainLabelText(label, text, MessageChars);
    label->setVisible(!text.isEmpty());
    look::setTone(label, error ? look::Tone::Error : look::Tone::Info);
}

} // namespace rota
