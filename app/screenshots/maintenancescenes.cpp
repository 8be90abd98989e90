// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The maintenance picture: maintenance mode started for one routing key of the demo org, the
// banner across the window and the view with the key and the instance selected; ended again a
// second later so that the pictures after it are clean.

#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "routingkeymodel.h"
#include "scenes.h"
#include "workspace.h"

#include <QPointer>
#include <QTimer>

namespace rota::scenes {

namespace {

QWidget* stageBanner(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    MaintenanceModel* maintenance = workspace->maintenance();
    MaintenanceController* controller = workspace->maintenanceController();
    RoutingKeyModel* keys = workspace->routingKeys();
    window->showView(QStringLiteral("maintenance"));
    const QPointer<MaintenanceView> page
        = qobject_cast<MaintenanceView*>(window->page(QStringLiteral("maintenance")));
    QStringList chosen;
    for (int row = 0; row < keys->rowCount() && chosen.isEmpty(); ++row) {
        if (!keys->keyAt(row).isDefault)
            chosen << keys->keyAt(row).routingKey;
    }
    auto* watch = new QObject(workspace);
    const auto shown = [maintenance, controller, page, chosen, watch, ready] {
        if (!maintenance->isActive())
            return;
        const QString id = maintenance->instances().constLast().instanceId;
        if (page) {
            page->selectRoutingKeys(chosen);
            page->selectInstance(id);
        }
        watch->deleteLater();
        ready();
        QTimer::singleShot(1000, controller, [controller, id] { controller->endMaintenance(id); });
    };
    QObject::connect(maintenance, &MaintenanceModel::stateChanged, watch, shown);
    controller->startMaintenance(chosen, QStringLiteral("Database upgrade"));
    return window;
}

} // namespace

QList<ScreenshotScene> maintenance(Workspace* workspace)
{
    return { { QStringLiteral("maintenance-banner"),
        [workspace](std::function<void()> ready) { return stageBanner(workspace, ready); } } };
}

} // namespace rota::scenes
