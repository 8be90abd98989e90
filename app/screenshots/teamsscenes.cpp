// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The escalation-policy picture: the teams view on another team than the plain view shows (the
// one with the most policies, so that the two pictures differ), with its first policy's steps.
// The team-drag picture: Add members… open, two people picked and dragged over another team of
// the team list, which lights up, with the drag's picture under the pointer.

#include "escalationpolicymodel.h"
#include "mainwindow.h"
#include "orgdirectory.h"
#include "scenes.h"
#include "teammemberdropview.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "teamsview.h"
#include "userpicklist.h"
#include "usersmodel.h"
#include "workspace.h"

#include <QHash>
#include <QMimeData>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace rota::scenes {

namespace {

// The team with the most policies other than `current`; empty when there is none.
QString teamWithMostPolicies(Workspace* workspace, const QString& current)
{
    QHash<QString, int> policiesPerTeam;
    for (const EscalationPolicyInfo& info : workspace->escalationPolicies()->allPolicies())
        ++policiesPerTeam[info.teamSlug];
    QString team;
    int most = 0;
    for (const Team& candidate : workspace->teams()->teams()) {
        const int count = policiesPerTeam.value(candidate.slug);
        if (candidate.slug != current && count > most) {
            team = candidate.slug;
            most = count;
        }
    }
    return team;
}

QWidget* stagePolicy(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    window->showView(QStringLiteral("teams"));
    const QPointer<TeamsView> view
        = qobject_cast<TeamsView*>(window->page(QStringLiteral("teams")));
    if (!view) {
        ready();
        return window;
    }
    // The view selects the team's first policy by itself once the list is read.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(view, &TeamsView::policyShown, view, [connection, ready] {
        QObject::disconnect(*connection);
        ready();
    });
    const QString team = teamWithMostPolicies(workspace, view->currentTeam());
    if (!team.isEmpty()) {
        view->selectTeam(team);
    } else if (!view->shownPolicy().isEmpty()) {
        // Already on screen: nothing will be shown anew.
        QTimer::singleShot(0, view, [connection, ready] {
            if (!*connection)
                return;
            QObject::disconnect(*connection);
            ready();
        });
    }
    return window;
}

// Two people of the panel who are in neither the current team nor `target`, picked and dragged
// over `target`'s row of the team list.
void dragOntoTeam(TeamsView* view, const QString& target, const std::function<void()>& ready)
{
    const UserPickModel* users = view->userModel();
    QStringList picked;
    QStringList names;
    for (int row = 0; row < users->rowCount() && picked.size() < 2; ++row) {
        const QModelIndex index = users->index(row, 0);
        const QString username = index.data(UsersModel::UsernameRole).toString();
        if (index.data(UserPickModel::IsMemberRole).toBool()
            || !view->controller()->addRefusal(target, username).isEmpty())
            continue;
        picked.append(username);
        names.append(index.data(UsersModel::NameRole).toString());
    }
    view->userPanel()->selectUsernames(picked);
    TeamMemberDropView* list = view->teamListView();
    const QAbstractItemModel* model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(TeamsModel::SlugRole).toString() != target)
            continue;
        const QRect rect = list->visualRect(index);
        const std::unique_ptr<QMimeData> data(usernamesMimeData(picked));
        list->showDragPreview(
            data.get(), QPoint(rect.left() + rect.width() / 3, rect.center().y()), names);
        break;
    }
    QTimer::singleShot(150, ready);
    // Once pictured (the screenshotter waits a moment after ready), the view is put back as it
    // was, so that later pictures of it show no drag.
    const QPointer<TeamsView> guarded = view;
    QTimer::singleShot(1500, list, [list, guarded] {
        list->showDragPreview(nullptr, QPoint(), {});
        if (guarded)
            guarded->setUserPanelVisible(false);
    });
}

QWidget* stageTeamDrag(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    window->showView(QStringLiteral("teams"));
    const QPointer<TeamsView> view
        = qobject_cast<TeamsView*>(window->page(QStringLiteral("teams")));
    if (!view || view->teamsModel()->rowCount() < 2) {
        ready();
        return window;
    }
    // Onto the team after the current one in the list (the first when the current is last).
    const int current = view->teamsModel()->rowOf(view->currentTeam());
    const QString target
        = view->teamsModel()->teamAt((current + 1) % view->teamsModel()->rowCount()).slug;
    view->setUserPanelVisible(true);
    const auto drag = [view, target, ready] {
        if (view)
            dragOntoTeam(view, target, ready);
        else
            ready();
    };
    if (view->userModel()->rowCount() > 0 && !view->controller()->isLoadingRoster()) {
        QTimer::singleShot(100, view, drag);
        return window;
    }
    // The users are read when the panel is first shown; the members marked once they are in.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        workspace->directory(), &OrgDirectory::usersChanged, view, [connection, view, drag] {
            QObject::disconnect(*connection);
            QTimer::singleShot(200, view, drag);
        });
    return window;
}

} // namespace

QList<ScreenshotScene> teams(Workspace* workspace)
{
    return {
        { QStringLiteral("escalation-policy"),
            [workspace](std::function<void()> ready) { return stagePolicy(workspace, ready); } },
        { QStringLiteral("team-drag"),
            [workspace](std::function<void()> ready) { return stageTeamDrag(workspace, ready); } },
    };
}

} // namespace rota::scenes
