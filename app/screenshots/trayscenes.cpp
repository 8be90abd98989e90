// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The tray picture: the tray's menu popped up near the top right of the screen, filled as the
// tray fills its own, with the incidents paging the user (once the first refresh brought them).

#include "incidentpoller.h"
#include "scenes.h"
#include "traycontroller.h"

#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QTimer>

#include <memory>

namespace rota::scenes {

namespace {

QWidget* stageMenu(TrayController* tray, const std::function<void()>& ready)
{
    auto* menu = new QMenu;
    const auto show = [tray, menu, ready] {
        tray->populate(menu);
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        const QSize size = menu->sizeHint();
        menu->popup(QPoint(screen.right() - size.width() - 8, screen.top() + 28));
        QTimer::singleShot(300, menu, ready);
    };
    IncidentPoller* poller = tray->poller();
    if (poller && !poller->lastUpdated().isValid()) {
        // Wait for the first incidents; once only.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection
            = QObject::connect(poller, &IncidentPoller::refreshed, menu, [connection, menu, show] {
                  QObject::disconnect(*connection);
                  QTimer::singleShot(0, menu, show);
              });
    } else {
        show();
    }
    return menu;
}

} // namespace

QList<ScreenshotScene> tray(TrayController* controller)
{
    return { { QStringLiteral("tray-menu"),
        [controller](std::function<void()> ready) { return stageMenu(controller, ready); } } };
}

} // namespace rota::scenes
