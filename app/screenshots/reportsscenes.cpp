// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Reports pictures: the incident history as far as the demo's sync has read it (its first
// pages, with the progress of the rest), as incidents per day, and by hour of the week.

#include "heatmapwidget.h"
#include "historystore.h"
#include "mainwindow.h"
#include "reportcharts.h"
#include "reportsview.h"
#include "scenes.h"
#include "workspace.h"

#include <QPointer>
#include <QTabWidget>
#include <QTimer>

namespace rota::scenes {

namespace {

QWidget* stageTab(
    Workspace* workspace, QWidget* (*tab)(ReportsView*), const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    window->showView(QStringLiteral("reports"));
    const QPointer<ReportsView> view = workspace->reportsView();
    if (!view || !workspace->history()) {
        ready();
        return window;
    }
    // The sync stores its first page within seconds of the start; the view shows it once the
    // store has answered a search that holds it. Look every 100 ms (the screenshotter stops
    // waiting after 10 s).
    const QPointer<HistoryStore> store = workspace->history();
    auto* poll = new QTimer(view);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, view, [view, store, poll, tab, ready] {
        const HistoryReport* report = view->report();
        if (!store || store->storedCount() == 0 || !report || report->stored == 0)
            return;
        poll->stop();
        poll->deleteLater();
        view->tabs()->setCurrentWidget(tab(view));
        QTimer::singleShot(300, view, ready); // the chart lays itself out
    });
    poll->start();
    return window;
}

QWidget* volumeTab(ReportsView* view) { return view->volumePanel(); }
QWidget* hoursTab(ReportsView* view) { return view->heatPanel(); }

} // namespace

QList<ScreenshotScene> reports(Workspace* workspace)
{
    return {
        { QStringLiteral("reports"),
            [workspace](
                std::function<void()> ready) { return stageTab(workspace, &volumeTab, ready); } },
        { QStringLiteral("reports-hours"),
            [workspace](
                std::function<void()> ready) { return stageTab(workspace, &hoursTab, ready); } },
    };
}

} // namespace rota::scenes
