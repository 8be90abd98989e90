// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Schedules & overrides pictures: the timeline with an override in view, a shift's menu open
// on it, the Overrides tab with one override's replacements shown, and the rotation groups beside
// the timeline with "New rotation group…" filled in.

#include "mainwindow.h"
#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "rotations.h"
#include "rotationscontroller.h"
#include "rotationspanel.h"
#include "scenes.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "scheduletimeline.h"
#include "workspace.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace rota::scenes {

namespace {

//! What the two scenes share. The timeline scene reads (and writes) overrides through a model and
//! controller of its own, so that the Overrides tab shows no trace of it; the override it makes for
//! its picture is deleted again by the overrides scene.
struct Stage {
    Workspace* workspace = nullptr;
    QPointer<OverrideController> controller;
    QString madeOverride;

    SchedulesPage* page() const
    {
        MainWindow* window = workspace->window();
        return window ? qobject_cast<SchedulesPage*>(window->page(QStringLiteral("schedules")))
                      : nullptr;
    }

    OverrideController* sceneController()
    {
        if (!controller) {
            auto* model = new OverrideModel(workspace);
            controller = new OverrideController(workspace->client(), model, model);
        }
        return controller;
    }
};

//! The picture should show an override on a rotation row. When none is in view, one is made for a
//! coming shift's person, with a teammate standing in on that policy; the overrides scene takes it
//! away again.
void addOverride(
    const std::shared_ptr<Stage>& stage, SchedulesPage* page, const std::function<void()>& ready)
{
    SchedulesView* schedules = page->schedules();
    const TimelineGeometry& view = schedules->timeline()->geometry();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString policy;
    QString away;
    QString standIn;
    QDateTime from;
    QDateTime to;
    for (const ScheduleRow& row : schedules->model()->rows()) {
        if (row.kind != ScheduleRow::Kind::Rotation
            || !row.onCallType.startsWith(QLatin1String("rotation_group")))
            continue;
        for (const ScheduleShift& shift : row.shifts) {
            if (shift.isOverride && view.overlaps(shift.start, shift.end)) {
                ready();
                return;
            }
        }
        if (!policy.isEmpty())
            continue;
        for (const ScheduleShift& shift : row.shifts) {
            if (shift.start <= now || shift.user.isEmpty()
                || !view.overlaps(shift.start, shift.end))
                continue;
            for (const ScheduleShift& other : row.shifts) {
                if (!other.user.isEmpty() && other.user != shift.user) {
                    standIn = other.user;
                    break;
                }
            }
            if (standIn.isEmpty())
                break;
            policy = row.policySlug;
            away = shift.user;
            const qint64 length = shift.start.secsTo(shift.end);
            from = shift.start.addSecs(length / 3);
            to = from.addSecs(std::min<qint64>(length / 3, 36 * 3600));
            break;
        }
    }
    if (policy.isEmpty()) {
        ready();
        return;
    }
    NewScheduledOverride o;
    o.username = away;
    const QByteArray zone = schedules->model()->teamZoneId();
    o.timeZone = zone.isEmpty() ? QStringLiteral("UTC") : QString::fromUtf8(zone);
    o.start = from;
    o.end = to;
    OverrideController* scene = stage->sceneController();
    const auto step = std::make_shared<QMetaObject::Connection>();
    *step = QObject::connect(scene, &OverrideController::actionFinished, page,
        [stage, schedules, scene, step, policy, standIn, ready](
            const QString& action, bool ok, const QString&, const QString& publicId) {
            if (action == QLatin1String("create")) {
                if (!ok) {
                    QObject::disconnect(*step);
                    ready();
                    return;
                }
                stage->madeOverride = publicId;
                scene->assign(publicId, policy, standIn);
                return;
            }
            if (action != QLatin1String("assign"))
                return;
            QObject::disconnect(*step);
            QObject::connect(schedules, &SchedulesView::scheduleLoaded, schedules, ready,
                Qt::SingleShotConnection);
            schedules->controller()->reload();
        });
    scene->create(o);
}

//! "schedule-timeline": a team whose schedule has an override in view, two weeks from today, in
//! the team's zone. Calls `ready` when it is painted with its data.
void stageTimeline(
    const std::shared_ptr<Stage>& stage, SchedulesPage* page, const std::function<void()>& ready)
{
    SchedulesView* schedules = page->schedules();
    page->setCurrentWidget(schedules);
    page->start();
    // Find an override someone stands in for, soonest first, and show its team around it.
    OverrideController* scene = stage->sceneController();
    QObject::connect(
        scene, &OverrideController::loaded, page,
        [stage, page, schedules, scene, ready] {
            QString team;
            QDateTime start;
            if (scene->errorText().isEmpty()) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                const OverrideModel* overrides = scene->model();
                for (int r = 0; r < overrides->rowCount(); ++r) {
                    const ScheduledOverride& o = overrides->override(r);
                    if (o.end.utc <= now || o.start.utc > now.addDays(12))
                        continue;
                    for (const OverrideAssignment& a : o.assignments) {
                        if (a.assigned && !a.user.isEmpty() && !a.team.isEmpty()
                            && (!start.isValid() || o.start.utc < start)) {
                            team = a.team;
                            start = o.start.utc;
                        }
                    }
                }
            }
            const auto shown = std::make_shared<QMetaObject::Connection>();
            *shown = QObject::connect(schedules, &SchedulesView::scheduleLoaded, page,
                [stage, page, schedules, shown, ready] {
                    QObject::disconnect(*shown);
                    // The team's zone is known now; showing it loads the days again (when it
                    // differs).
                    const QTimeZone before = schedules->timeline()->zone();
                    schedules->setTeamZone(true);
                    if (schedules->timeline()->zone() == before) {
                        addOverride(stage, page, ready);
                        return;
                    }
                    QObject::connect(
                        schedules, &SchedulesView::scheduleLoaded, page,
                        [stage, page, ready] { addOverride(stage, page, ready); },
                        Qt::SingleShotConnection);
                });
            schedules->timeline()->setRange(QDate::currentDate(), 14);
            if (!team.isEmpty())
                schedules->selectTeam(team);
        },
        Qt::SingleShotConnection);
    scene->load(true);
}

//! "schedule-shift-menu": the timeline of the first picture with the menu of a coming shift of a
//! colleague open on it. A menu is a window of its own, which a picture of the main window leaves
//! out: the picture is put together from both, in a label that stands in for the window.
void stageShiftMenu(const std::shared_ptr<Stage>& stage, SchedulesPage* page,
    const std::function<void()>& ready, QLabel* picture)
{
    // The user's own schedule: their shifts in their colour beside their teammates'.
    const auto open = [page, ready, picture] {
        SchedulesView* schedules = page->schedules();
        ScheduleTimeline* timeline = schedules->timeline();
        const ScheduleModel* model = schedules->model();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int row = -1;
        int shift = -1;
        // A colleague's coming shift in the left half, so that the menu opens inside the window.
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            const ScheduleRow& candidate = model->row(r);
            if (candidate.kind != ScheduleRow::Kind::Rotation)
                continue;
            for (int s = 0; s < candidate.shifts.size(); ++s) {
                const ScheduleShift& at = candidate.shifts.at(s);
                const QRectF rect = timeline->shiftRect(r, s);
                if (at.end > now && !at.user.isEmpty() && at.user != timeline->username()
                    && rect.width() > 90 && rect.left() < timeline->width() / 2) {
                    row = r;
                    shift = s;
                    break;
                }
            }
        }
        if (row < 0) {
            ready();
            return;
        }
        timeline->setFocus();
        timeline->setFocusedShift(row, shift);
        const QRectF rect = timeline->shiftRect(row, shift);
        QMenu* menu = schedules->openShiftMenu(row, shift,
            timeline->mapToGlobal(
                QPoint(static_cast<int>(rect.left()) + 30, static_cast<int>(rect.center().y()))));
        QTimer::singleShot(400, picture, [page, menu = QPointer<QMenu>(menu), picture, ready] {
            QWidget* window = page->window();
            QPixmap shot = window->grab();
            if (menu) {
                QPainter painter(&shot);
                painter.drawPixmap(
                    menu->mapToGlobal(QPoint()) - window->mapToGlobal(QPoint()), menu->grab());
                painter.end();
                menu->close();
            }
            picture->setPixmap(shot);
            picture->resize(shot.size());
            ready();
        });
    };
    stageTimeline(stage, page, [stage, page, open] {
        // As the workspace gives it: the people's cards behind "Show who".
        page->setPeople(stage->workspace->people());
        SchedulesView* schedules = page->schedules();
        QObject::connect(
            schedules, &SchedulesView::scheduleLoaded, page, open, Qt::SingleShotConnection);
        schedules->setMySchedule(true);
    });
}

//! "overrides": the Overrides tab with one override selected (one with both covered and open
//! policies when there is one) and its assignments shown.
void stageOverrides(
    const std::shared_ptr<Stage>& stage, SchedulesPage* page, const std::function<void()>& ready)
{
    OverridesView* overrides = page->overrides();
    page->setCurrentWidget(overrides);
    page->start();
    const auto pick = [overrides, ready] {
        OverrideModel* model = overrides->model();
        QString best;
        for (int r = 0; r < model->rowCount(); ++r) {
            const ScheduledOverride& o = model->override(r);
            const int open = model->index(r, 0).data(OverrideModel::UnassignedCountRole).toInt();
            if (best.isEmpty())
                best = o.publicId;
            if (open > 0 && open < o.assignments.size()) {
                best = o.publicId;
                break;
            }
        }
        if (!best.isEmpty())
            overrides->selectOverride(best);
        // Names arrive separately; give them a moment before the picture.
        QTimer::singleShot(300, overrides, ready);
    };
    const auto reload = [overrides, pick] {
        QObject::connect(overrides->controller(), &OverrideController::loaded, overrides, pick,
            Qt::SingleShotConnection);
        overrides->controller()->load(true);
    };
    if (stage->madeOverride.isEmpty() || !stage->controller) {
        reload();
        return;
    }
    // The timeline scene's override goes again: the seeded ones are what this picture shows.
    const QString id = std::exchange(stage->madeOverride, QString());
    const auto done = std::make_shared<QMetaObject::Connection>();
    *done = QObject::connect(stage->controller, &OverrideController::actionFinished, overrides,
        [done, id, reload](const QString& action, bool, const QString&, const QString& publicId) {
            if (action != QLatin1String("delete") || publicId != id)
                return;
            QObject::disconnect(*done);
            reload();
        });
    stage->controller->remove(id);
}

//! Platform, the team the demo user is an admin of, on the Schedules tab with its rotation groups
//! read and the Primary group's shift selected; then `then` (the groups are there).
void showPlatformRotations(SchedulesPage* page, const std::function<void(RotationsPanel*)>& then)
{
    SchedulesView* view = page->schedules();
    RotationsPanel* panel = view->rotationsPanel();
    if (!panel) {
        then(nullptr);
        return;
    }
    page->setCurrentWidget(view);
    RotationsController* controller = panel->controller();
    const auto selectPrimary = [panel, controller, then] {
        for (const TeamRotation& group : controller->rotations()) {
            if (group.label == QLatin1String("Primary") && !group.shifts.isEmpty())
                panel->select(group.groupId, group.shifts.first().shiftId);
        }
        then(panel);
    };
    QString platform;
    for (const Team& team : view->directory()->teams()) {
        if (team.name == QLatin1String("Platform"))
            platform = team.slug;
    }
    if (platform.isEmpty() || (controller->team() == platform && controller->isLoaded())) {
        selectPrimary();
        return;
    }
    const auto done = std::make_shared<QMetaObject::Connection>();
    *done = QObject::connect(controller, &RotationsController::changed, panel,
        [done, controller, platform, selectPrimary](const QString& team) {
            if (team != platform || !controller->isLoaded())
                return;
            QObject::disconnect(*done);
            selectPrimary();
        });
    view->selectTeam(platform);
}

//! The rotation groups beside the timeline, Platform's Primary shift selected.
void stageRotations(
    const std::shared_ptr<Stage>&, SchedulesPage* page, const std::function<void()>& ready)
{
    showPlatformRotations(page, [ready](RotationsPanel*) { ready(); });
}

//! "New rotation group…" over the Platform team, filled in: a weekly database rotation of two
//! members in Europe/Madrid, pictured into `picture`; closed again (nothing sent).
void stageNewRotationGroup(const std::shared_ptr<Stage>&, SchedulesPage* page,
    const std::function<void()>& ready, QLabel* picture)
{
    showPlatformRotations(page, [picture, ready](RotationsPanel* panel) {
        NewRotationGroupDialog* dialog = panel ? panel->openNewGroup() : nullptr;
        if (!dialog) {
            ready();
            return;
        }
        dialog->labelEdit()->setText(QStringLiteral("Database primary"));
        dialog->zoneCombo()->setCurrentText(QStringLiteral("Europe/Madrid"));
        dialog->checkMembers(panel->controller()->members().mid(1, 2));
        dialog->adjustSize();
        picture->setPixmap(dialog->grab());
        picture->resize(dialog->size());
        dialog->reject();
        ready();
    });
}

} // namespace

QList<ScreenshotScene> schedules(Workspace* workspace)
{
    auto stage = std::make_shared<Stage>();
    stage->workspace = workspace;
    const auto scene = [stage](const QString& name,
                           void (*set)(const std::shared_ptr<Stage>&, SchedulesPage*,
                               const std::function<void()>&)) {
        return ScreenshotScene { name, [stage, set](std::function<void()> ready) -> QWidget* {
                                    MainWindow* window = stage->workspace->window();
                                    if (window)
                                        window->showView(QStringLiteral("schedules"));
                                    if (SchedulesPage* page = stage->page())
                                        set(stage, page, ready);
                                    else
                                        ready();
                                    return window;
                                } };
    };
    // A scene pictured apart from the window (a menu, a dialog), drawn into a label.
    const auto pictured = [stage](const QString& name,
                              void (*set)(const std::shared_ptr<Stage>&, SchedulesPage*,
                                  const std::function<void()>&, QLabel*)) {
        return ScreenshotScene { name, [stage, set](std::function<void()> ready) -> QWidget* {
                                    MainWindow* window = stage->workspace->window();
                                    SchedulesPage* page = stage->page();
                                    if (!window || !page) {
                                        ready();
                                        return window;
                                    }
                                    window->showView(QStringLiteral("schedules"));
                                    auto* picture = new QLabel;
                                    set(stage, page, ready, picture);
                                    return picture;
                                } };
    };
    return { scene(QStringLiteral("schedule-timeline"), stageTimeline),
        pictured(QStringLiteral("schedule-shift-menu"), stageShiftMenu),
        scene(QStringLiteral("overrides"), stageOverrides),
        scene(QStringLiteral("schedule-rotations"), stageRotations),
        pictured(QStringLiteral("rotation-new-group"), stageNewRotationGroup) };
}

} // namespace rota::scenes
