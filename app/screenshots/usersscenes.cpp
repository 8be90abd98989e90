// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Users picture: the users view with the signed-in user selected and the detail pane filled
// in (contact methods, teams, escalation policies, shifts and the read-only paging policy).

#include "mainwindow.h"
#include "persondetails.h"
#include "scenes.h"
#include "userdetailpane.h"
#include "usersview.h"
#include "workspace.h"

#include <QPointer>
#include <QTimer>

namespace rota::scenes {

namespace {

// Whether everything the detail pane shows of `username` is in.
bool detailFilled(UsersView* view, const QString& username)
{
    PersonDetails* people = view->people();
    return view->detailPane()->pagingPolicyShown() == username
        && (!people || (people->info(username).isComplete() && !people->isLoading(username)));
}

QWidget* stageUser(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    window->showView(QStringLiteral("users"));
    const QPointer<UsersView> view
        = qobject_cast<UsersView*>(window->page(QStringLiteral("users")));
    if (!view) {
        ready();
        return window;
    }
    // The user list, then the person's details and policy, arrive in their own time: look again
    // every 100 ms (the screenshotter stops waiting after 10 s).
    const QString username = workspace->username();
    auto* poll = new QTimer(view);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, view, [view, poll, username, ready] {
        if (view->currentUser() != username && !view->selectUser(username))
            return;
        if (!detailFilled(view, username))
            return;
        poll->stop();
        poll->deleteLater();
        ready();
    });
    poll->start();
    return window;
}

} // namespace

QList<ScreenshotScene> users(Workspace* workspace)
{
    return { { QStringLiteral("users"),
        [workspace](std::function<void()> ready) { return stageUser(workspace, ready); } } };
}

} // namespace rota::scenes
