// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The stakeholder message picture: "Notify stakeholders…" opened from the incidents view for a
// triggered incident, with two colleagues and a team chosen and a message typed, its preview
// showing who gets what.

#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "orgdirectory.h"
#include "scenes.h"
#include "stakeholderdialog.h"
#include "workspace.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>

namespace rota::scenes {

namespace {

//! The first triggered incident the view lists, else the first one; empty when none.
QString pickIncident(IncidentsView* view)
{
    const IncidentFilterModel* rows = view->filterModel();
    for (int row = 0; row < rows->rowCount(); ++row) {
        const QModelIndex index = rows->index(row, 0);
        if (index.data(IncidentModel::PhaseRole).toInt() == int(Phase::Triggered))
            return index.data(IncidentModel::NumberRole).toString();
    }
    return rows->rowCount() > 0 ? rows->index(0, 0).data(IncidentModel::NumberRole).toString()
                                : QString();
}

//! Two colleagues (not the signed-in user) and the first team, once the directory has them.
void fill(StakeholderDialog* dialog, Workspace* workspace)
{
    OrgDirectory* directory = workspace->directory();
    int people = 0;
    for (const User& user : directory->users()) {
        if (people == 2)
            break;
        if (user.username != workspace->username() && !user.firstName.isEmpty())
            people += dialog->addRecipient(user.username) ? 1 : 0;
    }
    if (!directory->teams().isEmpty())
        dialog->addRecipient(directory->teams().first().slug);
    dialog->messageEdit()->setPlainText(QStringLiteral(
        "We are on it: the on-call engineer is restoring the service and customers may see "
        "errors until then.\nNext update by 10:30."));
}

QWidget* stageMessage(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    auto* view = window ? qobject_cast<IncidentsView*>(window->page(QStringLiteral("incidents")))
                        : nullptr;
    if (!view) {
        ready();
        return window;
    }
    window->showView(QStringLiteral("incidents"));
    const QString number = pickIncident(view);
    if (!number.isEmpty())
        view->showIncident(number);
    view->notifyStakeholders();
    StakeholderDialog* dialog = view->stakeholderDialog();
    if (!dialog) {
        ready();
        return window;
    }
    OrgDirectory* directory = workspace->directory();
    const auto fillWhenLoaded
        = [dialog = QPointer<StakeholderDialog>(dialog), workspace, directory, ready] {
              if (!dialog || !directory->hasUsers() || !directory->hasTeams())
                  return;
              if (dialog->recipientList()->count() == 0) {
                  fill(dialog, workspace);
                  ready();
              }
          };
    QObject::connect(directory, &OrgDirectory::usersChanged, dialog, fillWhenLoaded);
    QObject::connect(directory, &OrgDirectory::teamsChanged, dialog, fillWhenLoaded);
    fillWhenLoaded();
    return dialog;
}

} // namespace

QList<ScreenshotScene> stakeholders(Workspace* workspace)
{
    return {
        { QStringLiteral("stakeholder-message"),
            [workspace](std::function<void()> ready) { return stageMessage(workspace, ready); } },
    };
}

} // namespace rota::scenes
