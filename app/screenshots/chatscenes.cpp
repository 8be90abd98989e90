// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incident chat picture: an open incident whose conversation the seeded org wrote, shown in
// the detail pane (scrolled to it), with a reply being written in the box.

#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "incidentchatview.h"
#include "incidentdetailpane.h"
#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "scenes.h"
#include "workspace.h"

#include <QScrollArea>
#include <QTimer>

#include <memory>

namespace rota::scenes {

namespace {

//! Shows the open incidents one after another until one has a conversation; then scrolls the
//! pane to it, writes a reply in the box and calls `ready`.
QWidget* stageChat(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    auto* view = window ? qobject_cast<IncidentsView*>(window->page(QStringLiteral("incidents")))
                        : nullptr;
    IncidentChatView* chat = view ? view->detailPane()->chatView() : nullptr;
    if (!chat) {
        ready();
        return window;
    }
    window->showView(QStringLiteral("incidents"));
    IncidentChatController* controller = chat->controller();
    auto* watch = new QObject(view);
    auto candidates = std::make_shared<QStringList>();
    auto tryNext = std::make_shared<std::function<void()>>();
    const auto finish = [watch, ready] {
        watch->deleteLater();
        ready();
    };
    *tryNext = [view, chat, candidates, finish] {
        if (candidates->isEmpty()) {
            finish();
            return;
        }
        view->showIncident(candidates->takeFirst());
        // The incident may be shown already (an earlier scene picked it): read it again.
        chat->controller()->refresh();
    };
    QObject::connect(controller, &IncidentChatController::conversationRead, watch,
        [chat, controller, tryNext, finish](const QString&) {
            if (controller->chat()->rowCount() < 2) {
                QTimer::singleShot(0, chat, [tryNext] { (*tryNext)(); });
                return;
            }
            chat->box()->setPlainText(QStringLiteral(
                "Thanks, that was it: error rate is back under 0.1%. Keeping an eye on it for "
                "another 15 minutes before I resolve."));
            for (QWidget* up = chat->parentWidget(); up; up = up->parentWidget()) {
                if (auto* scroll = qobject_cast<QScrollArea*>(up)) {
                    scroll->ensureWidgetVisible(chat, 0, 0);
                    break;
                }
            }
            finish();
        });
    const auto pick = [view, candidates, tryNext] {
        const IncidentFilterModel* rows = view->filterModel();
        for (int row = 0; row < rows->rowCount(); ++row) {
            const QModelIndex index = rows->index(row, 0);
            if (index.data(IncidentModel::PhaseRole).toInt() != int(Phase::Resolved))
                candidates->append(index.data(IncidentModel::NumberRole).toString());
        }
        (*tryNext)();
    };
    whenIncidentsListed(workspace, watch, pick);
    return window;
}

} // namespace

QList<ScreenshotScene> chat(Workspace* workspace)
{
    return {
        { QStringLiteral("incident-chat"),
            [workspace](std::function<void()> ready) { return stageChat(workspace, ready); } },
    };
}

} // namespace rota::scenes
