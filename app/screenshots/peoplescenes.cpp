// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The person-card picture: the on-call view with a colleague's row current and their hover card
// open below it (as Ctrl+I or a resting mouse opens it), once the card has read their contact
// methods, teams and shifts. The card is a window of its own, so the picture is the main window
// with the card drawn where it stands on the screen.

#include "mainwindow.h"
#include "oncallmodel.h"
#include "orgdirectory.h"
#include "personcard.h"
#include "persondetails.h"
#include "scenes.h"
#include "workspace.h"

#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QTimer>
#include <QTreeView>

#include <memory>

namespace rota::scenes {

namespace {

// The first row (in the order shown) of someone on call other than the signed-in user.
QModelIndex colleagueRow(
    const QAbstractItemModel* model, const QString& me, const QModelIndex& parent = QModelIndex())
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const QString username = index.data(OnCallModel::UsernameRole).toString();
        if (!username.isEmpty() && username.compare(me, Qt::CaseInsensitive) != 0)
            return index;
        const QModelIndex below = colleagueRow(model, me, index);
        if (below.isValid())
            return below;
    }
    return {};
}

// The window's picture with the card drawn over it where it stands.
QPixmap composed(MainWindow* window, QWidget* card)
{
    QPixmap picture = window->grab();
    if (card && card->isVisible()) {
        QPainter painter(&picture);
        painter.drawPixmap(window->mapFromGlobal(card->pos()), card->grab());
    }
    return picture;
}

QWidget* stageCard(Workspace* workspace, const std::function<void()>& ready)
{
    MainWindow* window = workspace->window();
    auto* picture = new QLabel;
    picture->setContentsMargins(0, 0, 0, 0);
    window->showView(QStringLiteral("oncall"));
    auto* tree = window->findChild<QTreeView*>(QStringLiteral("onCallTree"));
    PersonHover* hover = PersonHover::of(tree);
    PersonDetails* people = workspace->people();
    const QPointer<QLabel> guard(picture);
    const auto finish = [guard, window, hover, ready] {
        if (guard) {
            const QPixmap shot = composed(window, hover ? hover->card() : nullptr);
            guard->setPixmap(shot);
            guard->resize(shot.size() / shot.devicePixelRatio());
        }
        if (hover)
            hover->hideCard();
        ready();
    };
    const auto open = [workspace, tree, hover, people, guard, finish] {
        const QModelIndex row
            = tree ? colleagueRow(tree->model(), workspace->username()) : QModelIndex();
        if (!guard || !row.isValid() || !hover) {
            finish();
            return;
        }
        tree->scrollTo(row);
        tree->setCurrentIndex(row);
        tree->setFocus();
        const QString username = row.data(OnCallModel::UsernameRole).toString();
        hover->showFor(row);
        if (!people->isLoading(username)) {
            QTimer::singleShot(300, guard, finish);
            return;
        }
        // Pictured once everything of the person has come in (or failed).
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(people, &PersonDetails::changed, guard,
            [connection, people, username, guard, finish](const QString& changed) {
                if (changed.compare(username, Qt::CaseInsensitive) != 0
                    || people->isLoading(username))
                    return;
                QObject::disconnect(*connection);
                QTimer::singleShot(300, guard, finish);
            });
    };
    // Names and who is on call come with the first reads; the card waits for both.
    OnCallModel* onCall = workspace->onCall();
    if (onCall && onCall->isLoaded() && workspace->directory()->hasUsers()) {
        QTimer::singleShot(200, picture, open);
    } else {
        auto waited = std::make_shared<bool>(false);
        auto* poll = new QTimer(picture);
        poll->setInterval(100);
        QObject::connect(poll, &QTimer::timeout, picture, [workspace, onCall, poll, open, waited] {
            if (*waited || !onCall || !onCall->isLoaded() || !workspace->directory()->hasUsers())
                return;
            *waited = true;
            poll->stop();
            QTimer::singleShot(200, poll, open);
        });
        poll->start();
    }
    return picture;
}

} // namespace

QList<ScreenshotScene> people(Workspace* workspace)
{
    return { { QStringLiteral("person-card"),
        [workspace](std::function<void()> ready) { return stageCard(workspace, ready); } } };
}

} // namespace rota::scenes
