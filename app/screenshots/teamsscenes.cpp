// The escalation-policy picture: the teams view on another team than the plain view shows (the
// one with the most policies, so that the two pictures differ), with its first policy's steps.

#include "escalationpolicymodel.h"
#include "mainwindow.h"
#include "scenes.h"
#include "teamsmodel.h"
#include "teamsview.h"
#include "workspace.h"

#include <QHash>
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

} // namespace

QList<ScreenshotScene> teams(Workspace* workspace)
{
    return { { QStringLiteral("escalation-policy"),
        [workspace](std::function<void()> ready) { return stagePolicy(workspace, ready); } } };
}

} // namespace rota::scenes
