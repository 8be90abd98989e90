// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incidents pictures: the view with a triggered incident selected and its notes and alert
// loaded in the detail pane, the reroute dialog with a user and a policy ticked, and "Page…" aimed
// at a colleague.

#include "createincidentdialog.h"
#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "orgdirectory.h"
#include "reroutedialog.h"
#include "scenes.h"
#include "workspace.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

#include <memory>

namespace rota::scenes {

namespace {

IncidentsView* incidentsView(Workspace* workspace)
{
    MainWindow* window = workspace->window();
    return window ? qobject_cast<IncidentsView*>(window->page(QStringLiteral("incidents")))
                  : nullptr;
}

//! The number of the first incident in `phase` the view lists; empty when none.
QString firstIn(IncidentsView* view, Phase phase)
{
    const IncidentFilterModel* rows = view->filterModel();
    for (int row = 0; row < rows->rowCount(); ++row) {
        const QModelIndex index = rows->index(row, 0);
        if (index.data(IncidentModel::PhaseRole).toInt() == int(phase))
            return index.data(IncidentModel::NumberRole).toString();
    }
    return QString();
}

QString firstTriggered(IncidentsView* view) { return firstIn(view, Phase::Triggered); }

//! Selects an acknowledged incident (its timeline says who acknowledged it; else a triggered one,
//! else the first) and calls `ready` once its notes and alert are loaded. A picture of the notes
//! wants a note with its author: the incident gets one if it has none written in Rota.
QWidget* stageDetail(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    IncidentsView* view = incidentsView(workspace);
    if (!view) {
        ready();
        return window;
    }
    window->showView(QStringLiteral("incidents"));
    IncidentNotesController* controller = workspace->notesController();
    IncidentNotes* notes = controller->notes();
    auto* watch = new QObject(view);
    auto added = std::make_shared<bool>(false);
    auto done = std::make_shared<bool>(false);
    const auto settle = [controller, notes, watch, ready, added, done] {
        if (*done || notes->incidentNumber().isEmpty()
            || notes->notesState() == IncidentNotes::LoadState::Loading
            || notes->alertState() == IncidentNotes::LoadState::Loading)
            return;
        const auto authored = [notes] {
            for (int row = 0; row < notes->rowCount(); ++row) {
                if (!notes->index(row, 0).data(IncidentNotes::AuthorRole).toString().isEmpty())
                    return true;
            }
            return false;
        };
        if (notes->notesState() == IncidentNotes::LoadState::Loaded && !authored() && !*added) {
            *added = true;
            if (controller->addNote(QStringLiteral("Status"),
                    QStringLiteral(
                        "Restarted the service at the top of the hour; watching the error rate.")))
                return;
        }
        if (controller->pendingCalls() > 0)
            return;
        *done = true;
        watch->deleteLater();
        ready();
    };
    const auto pick = [view, controller, notes, watch, settle] {
        QString number = firstIn(view, Phase::Acknowledged);
        if (number.isEmpty())
            number = firstTriggered(view);
        if (number.isEmpty() && view->filterModel()->rowCount() > 0)
            number = view->filterModel()->index(0, 0).data(IncidentModel::NumberRole).toString();
        QObject::connect(notes, &IncidentNotes::notesStateChanged, watch, settle);
        QObject::connect(notes, &IncidentNotes::alertStateChanged, watch, settle);
        QObject::connect(controller, &IncidentNotesController::operationFinished, watch, settle);
        QObject::connect(controller, &IncidentNotesController::operationFailed, watch, settle);
        view->showIncident(number);
        settle();
    };
    whenIncidentsListed(workspace, watch, pick);
    return window;
}

//! The reroute dialog for the first triggered incident, a user and a policy ticked once the
//! lists are there.
QWidget* stageReroute(Workspace* workspace, const std::function<void()>& ready)
{
    QStringList numbers;
    if (IncidentsView* view = incidentsView(workspace)) {
        const QString number = firstTriggered(view);
        if (!number.isEmpty())
            numbers.append(number);
    }
    auto* dialog = new RerouteDialog(
        workspace->directory(), workspace->actions(), numbers, workspace->window());
    TargetPicker* picker = dialog->picker();
    QObject::connect(picker, &TargetPicker::loaded, dialog, [picker, ready] {
        if (picker->userList()->count() > 1)
            picker->userList()->item(1)->setCheckState(Qt::Checked);
        if (picker->policyList()->count() > 0)
            picker->policyList()->item(0)->setCheckState(Qt::Checked);
        ready();
    });
    dialog->show();
    return dialog;
}

//! "Page…" aimed at a colleague (a user who is not the signed-in one), a summary typed.
QWidget* stagePage(Workspace* workspace, const std::function<void()>& ready)
{
    IncidentsView* view = incidentsView(workspace);
    OrgDirectory* directory = workspace->directory();
    if (!view) {
        ready();
        return workspace->window();
    }
    QString colleague;
    for (const User& user : directory->users()) {
        if (user.username != workspace->username() && !user.firstName.isEmpty()) {
            colleague = user.username;
            break;
        }
    }
    view->page({ IncidentTarget::user(colleague.isEmpty() ? workspace->username() : colleague) });
    CreateIncidentDialog* dialog = view->createDialog();
    if (!dialog) {
        ready();
        return workspace->window();
    }
    dialog->summaryEdit()->setText(QStringLiteral("Payments API latency above 2 s"));
    dialog->detailsEdit()->setPlainText(
        QStringLiteral("p95 climbing since 14:05; can you look at the database side?"));
    if (dialog->picker()->isLoaded())
        ready();
    else
        QObject::connect(dialog->picker(), &TargetPicker::loaded, dialog, ready);
    return dialog;
}

} // namespace

void whenIncidentsListed(Workspace* workspace, QObject* context, std::function<void()> then)
{
    if (workspace->incidents()->rowCount() > 0) {
        then();
        return;
    }
    auto* once = new QObject(context);
    QObject::connect(workspace->poller(), &IncidentPoller::refreshed, once, [then, once] {
        delete once;
        then();
    });
    workspace->poller()->refresh();
}

QList<ScreenshotScene> incidents(Workspace* workspace)
{
    return {
        { QStringLiteral("incidents-detail"),
            [workspace](std::function<void()> ready) { return stageDetail(workspace, ready); } },
        { QStringLiteral("reroute-dialog"),
            [workspace](std::function<void()> ready) { return stageReroute(workspace, ready); } },
        { QStringLiteral("page-dialog"),
            [workspace](std::function<void()> ready) { return stagePage(workspace, ready); } },
    };
}

} // namespace rota::scenes
