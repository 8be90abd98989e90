// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The alert-rules picture: the demo org's seeded rules, the database rule selected in the form,
// and the test bench running the rules over a database alert: the rule matches, adds its runbook
// link and note, and sends the alert to the "db" routing key.

#include "alertrulesmodel.h"
#include "alertrulesview.h"
#include "maintenancemodel.h"
#include "mainwindow.h"
#include "scenes.h"
#include "workspace.h"

#include <QJsonObject>
#include <QPointer>
#include <QTableView>
#include <QTimer>

#include <memory>

namespace rota::scenes {

namespace {

QWidget* stageRules(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    window->showView(QStringLiteral("alert-rules"));
    const QPointer<AlertRulesView> page
        = qobject_cast<AlertRulesView*>(window->page(QStringLiteral("alert-rules")));
    if (!page) {
        ready();
        return window;
    }
    auto* model = qobject_cast<AlertRulesModel*>(page->table()->model());
    MaintenanceModel* maintenance = workspace->maintenance();
    auto* watch = new QObject(workspace);
    auto done = std::make_shared<bool>(false);
    const auto stage = [page, model, maintenance, watch, ready, done] {
        if (*done)
            return;
        // The maintenance picture before this one ends its maintenance mode a second later:
        // its banner is not part of this picture.
        if (!page || !model || model->rowCount() == 0 || (maintenance && maintenance->isActive()))
            return;
        *done = true;
        watch->deleteLater();
        page->selectRule(model->rule(0).id);
        page->setBenchAlert(QJsonObject {
            { QStringLiteral("host_name"), QStringLiteral("db-prod-03") },
            { QStringLiteral("service_name"), QStringLiteral("postgres replication lag") },
            { QStringLiteral("entity_id"), QStringLiteral("db-prod-03/postgres replication lag") },
            { QStringLiteral("entity_state"), QStringLiteral("CRITICAL") },
            { QStringLiteral("monitoring_tool"), QStringLiteral("Nagios") },
            { QStringLiteral("routing_key"), QStringLiteral("platform-alerts") },
            { QStringLiteral("state_message"),
                QStringLiteral("Replication lag is 48s (threshold 30s) on standby") },
        });
        // A turn of the event loop for the labels and the list to be laid out.
        QTimer::singleShot(200, page, ready);
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, watch, stage);
    QObject::connect(model, &QAbstractItemModel::modelReset, watch, stage);
    if (maintenance)
        QObject::connect(maintenance, &MaintenanceModel::stateChanged, watch, stage);
    stage();
    return window;
}

} // namespace

QList<ScreenshotScene> alertRules(Workspace* workspace)
{
    return { { QStringLiteral("alert-rules"),
        [workspace](std::function<void()> ready) { return stageRules(workspace, ready); } } };
}

} // namespace rota::scenes
