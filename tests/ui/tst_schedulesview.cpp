// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// SchedulesView and its timeline against an in-process rota-sim: the first team's schedule shows
// with its rotation groups; the timeline paints bars and says who is on call under the mouse;
// the keyboard and buttons move the days; the span and the zone (local or the team's) change the
// geometry; the team search filters; "My schedule" shows the user's schedule.

#include "orgdirectory.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "scheduletimeline.h"
#include "simfixture.h"
#include "simservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! A schedules view over its model and controller and the org's directory, as the workspace
//! builds it.
struct Schedules {
    Schedules(ApiClient* client, const QString& username)
        : directory(client)
        , controller(client, &model)
        , view(&model, &controller, &directory, username)
    {
    }
    OrgDirectory directory;
    ScheduleModel model;
    ScheduleController controller;
    SchedulesView view;
};

} // namespace

class TestSchedulesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsATeamScheduleAndMovesThroughTime()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        Schedules built(fixture.client.get(), fixture.demoUser());
        SchedulesView& view = built.view;
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        view.resize(1200, 700);
        view.show();
        view.start();
        QVERIFY(loaded.wait(10000));
        // The first team by name is picked.
        QString firstTeam;
        QString firstName;
        for (const sim::SimTeam& team : std::as_const(fixture.ctx().org.teams)) {
            if (firstName.isEmpty() || team.name.compare(firstName, Qt::CaseInsensitive) < 0) {
                firstName = team.name;
                firstTeam = team.slug;
            }
        }
        QCOMPARE(view.currentTeam(), firstTeam);
        ScheduleModel* model = view.model();
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(model->row(0).teamSlug, firstTeam);

        // Its rotation groups, as the simulator has them.
        auto* rotations = view.findChild<QListWidget*>(QStringLiteral("rotationList"));
        int expected = 0;
        for (const sim::SimRotation& rotation : std::as_const(fixture.ctx().org.rotations))
            expected += rotation.teamSlug == firstTeam ? 1 : 0;
        QTRY_COMPARE(rotations->count(), expected);

        // The timeline paints bars; the tooltip over the first bar names the person.
        ScheduleTimeline* timeline = view.timeline();
        QTRY_VERIFY(!view.userNames().isEmpty());
        QImage image(timeline->size(), QImage::Format_ARGB32_Premultiplied);
        {
            QPainter painter(&image);
            timeline->paintTimeline(painter, timeline->rect());
        }
        QVERIFY(timeline->lastPaintedShifts() > 0);
        int shift = -1;
        for (int s = 0; s < model->row(0).shifts.size(); ++s) {
            if (!timeline->shiftRect(0, s).isNull()) {
                shift = s;
                break;
            }
        }
        QVERIFY(shift >= 0);
        const QPoint centre = timeline->shiftRect(0, shift).center().toPoint();
        const QString user = model->row(0).shifts.at(shift).user;
        QVERIFY(timeline->toolTipAt(centre).contains(view.userNames().value(user)));
        QVERIFY(timeline->toolTipAt(QPoint(5, 5)).isEmpty());

        // Days back and forward with the keyboard (Ctrl+arrows: the arrows alone move between
        // shifts) and the buttons; Today; each reloads.
        const QDate today = timeline->firstDay();
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(timeline->firstDay(), today.addDays(1));
        QTest::keyClick(timeline, Qt::Key_PageDown);
        QCOMPARE(timeline->firstDay(), today.addDays(8));
        QTest::mouseClick(
            view.findChild<QToolButton*>(QStringLiteral("backButton")), Qt::LeftButton);
        QCOMPARE(timeline->firstDay(), today.addDays(7));
        QVERIFY(loaded.wait(10000));
        // The rows now reach the days shown.
        QVERIFY(model->row(0).shifts.last().end >= timeline->geometry().end().addDays(-1));
        QTest::mouseClick(
            view.findChild<QToolButton*>(QStringLiteral("todayButton")), Qt::LeftButton);
        QCOMPARE(timeline->firstDay(), today);

        // Span: four weeks.
        auto* span = view.findChild<QComboBox*>(QStringLiteral("spanCombo"));
        span->setCurrentIndex(span->findData(28));
        QCOMPARE(timeline->spanDays(), 28);
        QVERIFY(loaded.wait(10000));
        QTest::keyClick(timeline, Qt::Key_PageDown);
        QCOMPARE(timeline->firstDay(), today.addDays(28));
        QTest::keyClick(timeline, Qt::Key_Home);

        // Zone: the team's, as its rotations are defined.
        QString zone;
        for (const sim::SimRotation& rotation : std::as_const(fixture.ctx().org.rotations)) {
            if (rotation.teamSlug == firstTeam)
                zone = rotation.timeZone;
        }
        auto* zones = view.findChild<QComboBox*>(QStringLiteral("zoneCombo"));
        QVERIFY(zones->itemText(1).contains(zone));
        zones->setCurrentIndex(1);
        QCOMPARE(timeline->zone().id(), zone.toUtf8());
        // The days load again once in the new zone, and then stay put (no reload loop).
        QVERIFY(loaded.wait(10000));
        QSignalSpy loading(view.controller(), &ScheduleController::loadingChanged);
        QTest::qWait(500);
        QCOMPARE(loading.size(), 0);
        zones->setCurrentIndex(0);
        QCOMPARE(timeline->zone(), QTimeZone::systemTimeZone());

        // The search narrows the team list.
        auto* search = view.findChild<QLineEdit*>(QStringLiteral("teamSearch"));
        auto* list = view.findChild<QListView*>(QStringLiteral("teamList"));
        const int all = list->model()->rowCount();
        QCOMPARE(all, fixture.ctx().org.teams.size());
        QTest::keyClicks(search, firstName.left(3));
        QVERIFY(list->model()->rowCount() < all || all == 1);
        QVERIFY(list->model()->rowCount() >= 1);

        // My schedule: the user's schedule.
        view.findChild<QCheckBox*>(QStringLiteral("myScheduleCheck"))->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model->subject(), QStringLiteral("user:") + fixture.demoUser());
        QVERIFY2(
            view.controller()->errorText().isEmpty(), qPrintable(view.controller()->errorText()));
    }

    void refreshKeySaysAtOnceThatItIsReading()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        Schedules built(fixture.client.get(), fixture.demoUser());
        SchedulesView& view = built.view;
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        view.resize(1200, 700);
        view.show();
        view.start();
        QVERIFY(loaded.wait(10000));
        auto* status = view.findChild<QLabel*>(QStringLiteral("scheduleStatus"));
        QVERIFY(status);
        QVERIFY(status->text().isEmpty());

        const auto problem = fixture.server->service().faults().parse(
            QStringLiteral("slow,ms=8000,method=GET,path=/api-public/v2/team/"));
        QVERIFY(!problem);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.timeline()->setFocus();
        loaded.clear();
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(view.timeline(), Qt::Key_F5);
        // At once: the status line says the schedule is being read, until the answer is in.
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Loading the schedule…"));
        QTest::qWait(1000);
        QCOMPARE(status->text(), QStringLiteral("Loading the schedule…"));
        QVERIFY(loaded.wait(15000));
        QVERIFY(clock.elapsed() >= 7500);
        QVERIFY2(
            view.controller()->errorText().isEmpty(), qPrintable(view.controller()->errorText()));
        QVERIFY(view.model()->rowCount() > 0);
        QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));
    }
};

QTEST_MAIN(TestSchedulesView)
#include "tst_schedulesview.moc"
