// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Acting from the schedule timeline and reading it at a glance. Against an in-process rota-sim:
// "Cover for 2 h" from a shift's menu makes exactly one override for that window and assigns the
// signed-in user on that policy alone (read back from the simulator's state); "Take this shift"
// covers the whole of a coming shift; the arrow keys move between shifts and Shift+F10 and the
// menu key open the menu; a policy's second-line rotation ("Secondary", step 2) is read and drawn.
// On a hand-made schedule: the header names weekday and month, a cut bar's tooltip says all of it,
// the user's own shifts and overrides nobody covers have colours of their own (light and dark).

#include "look.h"
#include "oncall.h"
#include "oncallcontroller.h"
#include "oncallmodel.h"
#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "overrides.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "scheduletimeline.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! A rota-sim and the schedules view with the Overrides tab's controller, as SchedulesPage wires
//! them, signed in as the demo user.
struct Shown {
    Shown()
        : directory(fixture.client.get())
        , controller(fixture.client.get(), &model)
        , overrideController(fixture.client.get(), &overrides)
        , view(&model, &controller, &directory, fixture.demoUser())
    {
        view.setOverrideController(&overrideController);
    }
    //! Shows the view and waits for the first team's schedule; false when it did not come.
    bool load()
    {
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        view.resize(1200, 800);
        view.show();
        view.start();
        return fixture.started && loaded.wait(10000);
    }
    SimFixture fixture;
    OrgDirectory directory;
    ScheduleModel model;
    ScheduleController controller;
    OverrideModel overrides;
    OverrideController overrideController;
    SchedulesView view;
};

//! A coming rotation shift (step 0) of someone else than `me`, longer than `hours`: {row, shift}.
QPair<int, int> comingShift(const ScheduleModel& model, const QString& me, int hours)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int r = 0; r < model.rowCount(); ++r) {
        const ScheduleRow& row = model.row(r);
        if (row.kind != ScheduleRow::Kind::Rotation || row.step != 0
            || !row.onCallType.startsWith(QLatin1String("rotation_group")))
            continue;
        for (int s = 0; s < row.shifts.size(); ++s) {
            const ScheduleShift& shift = row.shifts.at(s);
            if (shift.start > now.addSecs(3600) && !shift.user.isEmpty() && shift.user != me
                && shift.start.secsTo(shift.end) > hours * 3600)
                return { r, s };
        }
    }
    return { -1, -1 };
}

QAction* menuAction(QMenu* menu, const char* name)
{
    return menu ? menu->findChild<QAction*>(QLatin1String(name)) : nullptr;
}

OffsetTime at(const QDateTime& t) { return OffsetTime::fromUtc(t.toUTC(), 0); }

OnCallRoll roll(const QDateTime& start, const QDateTime& end, const QString& user, bool isRoll)
{
    OnCallRoll r;
    r.start = at(start);
    r.end = at(end);
    r.onCallUser = user;
    r.isRoll = isRoll;
    return r;
}

//! One policy: a weekly rotation (ada, then me, then bob) and an override of bob nobody covers.
TeamSchedule handMade(const QDateTime& monday)
{
    TeamSchedule team;
    team.teamName = QStringLiteral("Data");
    team.teamSlug = QStringLiteral("team-data");
    PolicySchedule policy;
    policy.policy.name = QStringLiteral("Data Critical");
    policy.policy.slug = QStringLiteral("pol-crit");
    OnCallEntry entry;
    entry.onCallType = QStringLiteral("rotation_group");
    entry.rotationName = QStringLiteral("Primary");
    entry.shiftName = QStringLiteral("Weekly");
    entry.rolls = { roll(monday.addDays(-7), monday, QStringLiteral("ada"), true),
        roll(monday, monday.addDays(7), QStringLiteral("me"), true),
        roll(monday.addDays(7), monday.addDays(14), QStringLiteral("bob"), true) };
    policy.schedule.append(entry);
    OnCallOverride o;
    o.origOnCallUser = QStringLiteral("bob");
    o.start = at(monday.addDays(8));
    o.end = at(monday.addDays(9));
    policy.overrides.append(o);
    team.schedules.append(policy);
    return team;
}

} // namespace

class TestScheduleShifts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void coverForTwoHoursMakesOneOverrideAndOneAssignment()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        const QPair<int, int> found = comingShift(built.model, fixture.demoUser(), 2);
        QVERIFY2(found.first >= 0, "no coming shift of someone else");
        const ScheduleRow row = built.model.row(found.first);
        const ScheduleShift shift = row.shifts.at(found.second);
        const auto before = fixture.ctx().org.scheduledOverrides;

        QMenu* menu = view.openShiftMenu(found.first, found.second, view.mapToGlobal(QPoint()));
        QVERIFY(menu);
        QAction* cover = menuAction(menu, "cover2hAction");
        QVERIFY(cover);
        QVERIFY(cover->isEnabled());
        QSignalSpy finished(&view, &SchedulesView::shiftActionFinished);
        cover->trigger();
        // At once: a dashed bar for the cover asked for.
        QCOMPARE(view.timeline()->pending().size(), 1);
        QCOMPARE(view.timeline()->pending().first().start, shift.start);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        // On the service: exactly one new override, for that window, and only this policy's
        // assignment names the user.
        const auto after = fixture.ctx().org.scheduledOverrides;
        QCOMPARE(after.size(), before.size() + 1);
        sim::SimScheduledOverride made;
        for (const sim::SimScheduledOverride& o : after) {
            if (!before.contains(o.publicId))
                made = o;
        }
        QCOMPARE(made.username, shift.user);
        QCOMPARE(made.start.toSecsSinceEpoch(), shift.start.toSecsSinceEpoch());
        QCOMPARE(made.end.toSecsSinceEpoch(), shift.start.addSecs(2 * 3600).toSecsSinceEpoch());
        int mine = 0;
        for (auto it = made.assignments.cbegin(); it != made.assignments.cend(); ++it) {
            if (it.value() == fixture.demoUser()) {
                ++mine;
                QCOMPARE(it.key(), row.policySlug);
            }
        }
        QCOMPARE(mine, 1);
        // The person's other policies keep them on call, and the words say so.
        if (made.assignments.size() > 1)
            QVERIFY2(view.notice()->text().contains(QStringLiteral("stays on call there")),
                qPrintable(view.notice()->text()));

        // The next read shows it: the user on call in that row for those two hours, no dashes.
        QTRY_VERIFY_WITH_TIMEOUT(view.timeline()->pending().isEmpty(), 10000);
        bool shown = false;
        for (const ScheduleRow& r : built.model.rows()) {
            if (r.key != row.key)
                continue;
            for (const ScheduleShift& s : r.shifts)
                shown = shown || (s.user == fixture.demoUser() && s.start == shift.start);
        }
        QVERIFY(shown);
    }

    void takeThisShiftCoversAllOfIt()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        const QPair<int, int> found = comingShift(built.model, fixture.demoUser(), 0);
        QVERIFY(found.first >= 0);
        const ScheduleRow row = built.model.row(found.first);
        const ScheduleShift shift = row.shifts.at(found.second);
        const auto before = fixture.ctx().org.scheduledOverrides;
        QMenu* menu = view.openShiftMenu(found.first, found.second, view.mapToGlobal(QPoint()));
        QSignalSpy finished(&view, &SchedulesView::shiftActionFinished);
        menuAction(menu, "takeShiftAction")->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const auto after = fixture.ctx().org.scheduledOverrides;
        QCOMPARE(after.size(), before.size() + 1);
        for (const sim::SimScheduledOverride& o : after) {
            if (before.contains(o.publicId))
                continue;
            QCOMPARE(o.username, shift.user);
            QCOMPARE(o.start.toSecsSinceEpoch(), shift.start.toSecsSinceEpoch());
            QCOMPARE(o.end.toSecsSinceEpoch(), shift.end.toSecsSinceEpoch());
            QCOMPARE(o.assignments.value(row.policySlug), fixture.demoUser());
        }
        // The success is said in words.
        QVERIFY(view.notice()->isVisible());
        QVERIFY(!view.notice()->text().isEmpty());
    }

    void takeThisShiftNowIsTheServicesTake()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        OnCallModel onCallModel;
        OnCallController onCall(fixture.client.get(), &onCallModel);
        view.setOnCallController(&onCall);
        // The shift running now of the person on call now, on a first step's rotation.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int row = -1;
        int shift = -1;
        for (int r = 0; r < built.model.rowCount() && row < 0; ++r) {
            const ScheduleRow& candidate = built.model.row(r);
            if (candidate.kind != ScheduleRow::Kind::Rotation || candidate.step != 0
                || !candidate.onCallType.startsWith(QLatin1String("rotation_group")))
                continue;
            for (int s = 0; s < candidate.shifts.size(); ++s) {
                const ScheduleShift& at = candidate.shifts.at(s);
                if (at.start <= now && at.end > now && at.user == candidate.onCallNow
                    && !at.user.isEmpty() && at.user != fixture.demoUser()) {
                    row = r;
                    shift = s;
                    break;
                }
            }
        }
        QVERIFY2(row >= 0, "nobody else on call now");
        const ScheduleRow taken = built.model.row(row);
        const auto overridesBefore = fixture.ctx().org.scheduledOverrides.size();
        const auto takesBefore = fixture.ctx().org.takeOverrides.size();
        QSignalSpy finished(&view, &SchedulesView::shiftActionFinished);
        menuAction(view.openShiftMenu(row, shift, QPoint()), "takeShiftAction")->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        // The service's take, not an override.
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), overridesBefore);
        QCOMPARE(fixture.ctx().org.takeOverrides.size(), takesBefore + 1);
        const sim::SimTakeOverride& take = fixture.ctx().org.takeOverrides.last();
        QCOMPARE(take.policySlug, taken.policySlug);
        QCOMPARE(take.fromUser, taken.shifts.at(shift).user);
        QCOMPARE(take.toUser, fixture.demoUser());
    }

    void standInOnAnOverrideNobodyCovers()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        // Someone's coming shift gets an override nobody covers yet.
        const QPair<int, int> found = comingShift(built.model, fixture.demoUser(), 3);
        QVERIFY(found.first >= 0);
        const ScheduleRow row = built.model.row(found.first);
        const ScheduleShift shift = row.shifts.at(found.second);
        NewScheduledOverride away;
        away.username = shift.user;
        away.timeZone = QStringLiteral("Europe/Berlin");
        away.start = shift.start;
        away.end = shift.start.addSecs(3 * 3600);
        const auto created = calls::createOverride(*fixture.client, away);
        ROTA_EXPECT_OK(created);
        const QString id = created.value().publicId;
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        QSignalSpy overridesLoaded(&built.overrideController, &OverrideController::loaded);
        built.overrideController.load(true);
        built.controller.reload();
        QVERIFY(overridesLoaded.wait(10000));
        QVERIFY(loaded.size() > 0 || loaded.wait(10000));
        int overridesRow = -1;
        int at = -1;
        for (int r = 0; r < built.model.rowCount() && overridesRow < 0; ++r) {
            const ScheduleRow& candidate = built.model.row(r);
            if (candidate.kind != ScheduleRow::Kind::Overrides
                || candidate.policySlug != row.policySlug)
                continue;
            for (int s = 0; s < candidate.shifts.size(); ++s) {
                if (candidate.shifts.at(s).start == away.start
                    && candidate.shifts.at(s).user.isEmpty()) {
                    overridesRow = r;
                    at = s;
                }
            }
        }
        QVERIFY(overridesRow >= 0);
        QVERIFY(view.timeline()->isUncovered(overridesRow, at));
        QMenu* menu = view.openShiftMenu(overridesRow, at, QPoint());
        // Covering is for the rotation's row; here the user stands in.
        QVERIFY(!menuAction(menu, "cover2hAction")->isEnabled());
        QAction* standIn = menuAction(menu, "standInAction");
        QVERIFY(standIn);
        QVERIFY(standIn->isEnabled());
        QSignalSpy finished(&view, &SchedulesView::shiftActionFinished);
        standIn->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.value(id).assignments.value(row.policySlug),
            fixture.demoUser());
    }

    void aFailedCoverIsUndoneAndSaidInWords()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        const QPair<int, int> found = comingShift(built.model, fixture.demoUser(), 1);
        QVERIFY(found.first >= 0);
        const auto problem = fixture.server->service().faults().parse(
            QStringLiteral("error,status=500,method=POST,path=/api-public/v1/overrides"));
        QVERIFY(!problem);
        const auto before = fixture.ctx().org.scheduledOverrides.size();
        QSignalSpy finished(&view, &SchedulesView::shiftActionFinished);
        menuAction(view.openShiftMenu(found.first, found.second, QPoint()), "cover1hAction")
            ->trigger();
        QCOMPARE(view.timeline()->pending().size(), 1);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(view.timeline()->pending().isEmpty());
        QCOMPARE(view.notice()->tone(), look::Tone::Error);
        QVERIFY(view.notice()->text().startsWith(QStringLiteral("Could not stand in")));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), before);
    }

    void theKeyboardMovesBetweenShiftsAndOpensTheMenu()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SchedulesView& view = built.view;
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        ScheduleTimeline* timeline = view.timeline();
        timeline->setFocus();
        QTRY_VERIFY(timeline->hasFocus());
        const QPair<int, int> first = timeline->focusedShift();
        QVERIFY(first.first >= 0);
        QTest::keyClick(timeline, Qt::Key_Right);
        const QPair<int, int> next = timeline->focusedShift();
        QCOMPARE(next.first, first.first);
        QCOMPARE(next.second, first.second + 1);
        QTest::keyClick(timeline, Qt::Key_Left);
        QCOMPARE(timeline->focusedShift(), first);
        QTest::keyClick(timeline, Qt::Key_Down);
        QVERIFY(timeline->focusedShift().first > first.first);
        const QPair<int, int> focused = timeline->focusedShift();
        // Ctrl+Right still steps the days.
        const QDate day = timeline->firstDay();
        QTest::keyClick(timeline, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(timeline->firstDay(), day.addDays(1));
        QTest::keyClick(timeline, Qt::Key_Left, Qt::ControlModifier);
        QVERIFY(loaded.wait(10000));

        QSignalSpy asked(timeline, &ScheduleTimeline::shiftMenuRequested);
        QTest::keyClick(timeline, Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).toInt(), focused.first);
        QCOMPARE(asked.first().at(1).toInt(), focused.second);
        QMenu* menu = view.findChild<QMenu*>(QStringLiteral("shiftMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(menuAction(menu, "cover2hAction"));
        QVERIFY(menuAction(menu, "copyShiftAction"));
        // Copy: the shift in words, as the tooltip says it.
        menuAction(menu, "copyShiftAction")->trigger();
        QCOMPARE(
            QApplication::clipboard()->text(), timeline->shiftText(focused.first, focused.second));
        menu->close();
        QTRY_VERIFY(!view.findChild<QMenu*>(QStringLiteral("shiftMenu")));
        QTest::keyClick(timeline, Qt::Key_Menu);
        QCOMPARE(asked.size(), 2);
        QVERIFY(view.findChild<QMenu*>(QStringLiteral("shiftMenu")));
    }

    void everyRotationGroupIsDrawnAndEveryRowLabelledApart()
    {
        Shown built;
        QVERIFY2(built.load(), qPrintable(built.fixture.startError));
        SimFixture& fixture = built.fixture;
        SchedulesView& view = built.view;
        // A team with a second-line rotation in its policy.
        QString team;
        for (const sim::SimRotation& rotation : std::as_const(fixture.ctx().org.rotations)) {
            if (rotation.label == QLatin1String("Secondary"))
                team = rotation.teamSlug;
        }
        QVERIFY(!team.isEmpty());
        view.selectTeam(team);
        int secondary = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < built.model.rowCount(); ++r) {
                    if (built.model.row(r).teamSlug == team
                        && built.model.row(r).rotationName == QLatin1String("Secondary")) {
                        secondary = r;
                        return true;
                    }
                }
                return false;
            }(),
            10000);
        QCOMPARE(built.model.row(secondary).step, 1);
        // Drawn: its bars have rectangles in the days shown, and the painter counts them.
        ScheduleTimeline* timeline = view.timeline();
        int shown = 0;
        for (int s = 0; s < built.model.row(secondary).shifts.size(); ++s)
            shown += timeline->shiftRect(secondary, s).isNull() ? 0 : 1;
        QVERIFY(shown > 0);
        QImage image(timeline->size(), QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        timeline->paintTimeline(painter, timeline->rect());
        QVERIFY(timeline->lastPaintedShifts() >= shown);
        // No two rows read the same.
        QSet<QString> labels;
        for (const ScheduleRow& row : built.model.rows()) {
            const QString label = row.policyName + QLatin1Char('/') + QString::number(row.step)
                + QLatin1Char('/') + row.rotationName + QLatin1Char('/') + row.onCallType;
            QVERIFY2(!labels.contains(label), qPrintable(label));
            labels.insert(label);
            if (row.kind == ScheduleRow::Kind::Overrides)
                QVERIFY(row.rotationName.contains(row.policyName));
        }
    }

    void headerNamesWeekdayAndMonth()
    {
        ScheduleModel model;
        ScheduleTimeline timeline;
        timeline.setModel(&model);
        timeline.setZone(QTimeZone("Europe/London"));
        // Days wide enough for "Wed 30", not for "Wed 30 Nov".
        QFont bold = timeline.font();
        bold.setBold(true);
        const QFontMetrics fm(bold);
        const int day = (fm.horizontalAdvance(QStringLiteral("Wed 30"))
                            + fm.horizontalAdvance(QStringLiteral("Wed 30 Nov")))
                / 2
            + 6;
        timeline.resize(ScheduleTimeline::LabelWidth + 14 * day, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        // Two weeks across a month's end: Sat 28 Nov 2026 to Fri 11 Dec 2026.
        timeline.setRange(QDate(2026, 11, 28), 14);
        const QStringList labels = timeline.headerLabels();
        QCOMPARE(labels.size(), 14);
        // Every day has its weekday; the month is named at the first day and where it changes.
        QVERIFY2(labels.at(0).startsWith(QStringLiteral("Sat 28")), qPrintable(labels.at(0)));
        QVERIFY2(labels.at(0).contains(QStringLiteral("Nov")), qPrintable(labels.at(0)));
        QVERIFY2(labels.at(1) == QStringLiteral("Sun 29"), qPrintable(labels.at(1)));
        QVERIFY2(labels.at(3).startsWith(QStringLiteral("Tue 1")), qPrintable(labels.at(3)));
        QVERIFY2(labels.at(3).contains(QStringLiteral("Dec")), qPrintable(labels.at(3)));
        QVERIFY2(!labels.at(4).contains(QStringLiteral("Dec")), qPrintable(labels.at(4)));
        // Wide days say it all on every day.
        timeline.resize(ScheduleTimeline::LabelWidth + 7 * (day * 2), 300);
        timeline.setRange(QDate(2026, 11, 28), 7);
        QTRY_COMPARE(timeline.headerLabels().at(1), QStringLiteral("Sun 29 Nov"));
        // Narrower days: the weekday over the day (and the month where it begins).
        timeline.resize(
            ScheduleTimeline::LabelWidth + 14 * (fm.horizontalAdvance(QStringLiteral("Wed")) + 8),
            300);
        timeline.setRange(QDate(2026, 11, 28), 14);
        // "28 Nov" is wider than a day here: Sunday gives way rather than the month be cut.
        QTRY_COMPARE(timeline.headerLabels().at(0), QStringLiteral("Sat\n28 Nov"));
        QCOMPARE(timeline.headerLabels().at(1), QString());
        QCOMPARE(timeline.headerLabels().at(2), QStringLiteral("Mon\n30"));
        QCOMPARE(timeline.headerLabels().at(3), QStringLiteral("Tue\n1 Dec"));
        QCOMPARE(timeline.headerLabels().at(5), QStringLiteral("Thu\n3"));
        // Four weeks in little room: the day over its weekday's letter, or the month.
        timeline.resize(
            ScheduleTimeline::LabelWidth + 28 * (fm.horizontalAdvance(QStringLiteral("30")) + 8),
            300);
        timeline.setRange(QDate(2026, 11, 28), 28);
        // "Nov" and "Dec" need more than a day: the day after each gives way.
        QTRY_COMPARE(timeline.headerLabels().at(0), QStringLiteral("28\nNov"));
        QCOMPARE(timeline.headerLabels().at(1), QString());
        QCOMPARE(timeline.headerLabels().at(2), QStringLiteral("30\nM"));
        QCOMPARE(timeline.headerLabels().at(3), QStringLiteral("1\nDec"));
        QCOMPARE(timeline.headerLabels().at(4), QString());
    }

    void narrowDaysGiveWayRatherThanCutALabel()
    {
        ScheduleModel model;
        ScheduleTimeline timeline;
        timeline.setModel(&model);
        timeline.setZone(QTimeZone("Europe/London"));
        QFont bold = timeline.font();
        bold.setBold(true);
        const QFontMetrics fm(bold);
        // A day's second line is drawn in the text's font, or a tenth smaller where that is too
        // wide.
        QFont small = timeline.font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        const QFontMetrics smallFm(small);
        // A window 800 wide leaves the timeline about 600 for the days; tighter still below.
        for (const int width : { 800, 640, 500, 400 }) {
            for (const int days : { 7, 14, 28 }) {
                timeline.resize(width, 300);
                timeline.setRange(QDate(2026, 11, 28), days);
                const QList<ScheduleTimeline::HeaderLabel> labels = timeline.headerLayout();
                const QString where = QStringLiteral("%1 px, %2 days").arg(width).arg(days);
                QVERIFY2(!labels.isEmpty(), qPrintable(where));
                // The first day is labelled and names its month; so does the first of December.
                QCOMPARE(labels.first().day, 0);
                QVERIFY2(QString(labels.first().text + labels.first().under)
                             .contains(QStringLiteral("Nov")),
                    qPrintable(where + QStringLiteral(": ") + labels.first().text));
                bool december = false;
                for (qsizetype i = 0; i < labels.size(); ++i) {
                    const ScheduleTimeline::HeaderLabel& label = labels.at(i);
                    const QString what = where + QStringLiteral(": ") + label.text
                        + QLatin1Char('/') + label.under;
                    // No label is wider than its room, and no room runs into the next label's.
                    QVERIFY2(fm.horizontalAdvance(label.text) <= label.room - 4, qPrintable(what));
                    QVERIFY2(
                        smallFm.horizontalAdvance(label.under) <= label.room - 4, qPrintable(what));
                    if (i + 1 < labels.size())
                        QVERIFY2(
                            label.x + label.room <= labels.at(i + 1).x + 0.5, qPrintable(what));
                    if (label.day == 3)
                        december
                            = QString(label.text + label.under).contains(QStringLiteral("Dec"));
                }
                QVERIFY2(december, qPrintable(where));
            }
        }
        // At the narrowest, four weeks cannot label every day: some give way.
        timeline.resize(400, 300);
        timeline.setRange(QDate(2026, 11, 28), 28);
        QVERIFY(timeline.headerLayout().size() < 28);
        QVERIFY(timeline.headerLabels().contains(QString()));
    }

    void aCutBarsTooltipSaysItAll()
    {
        const QDateTime monday(QDate(2026, 11, 30), QTime(9, 0), QTimeZone("Europe/London"));
        ScheduleModel model;
        model.setUserNames({ { QStringLiteral("ada"), QStringLiteral("Ada Lovelace") },
            { QStringLiteral("bob"), QStringLiteral("Bob Fatiguebottom-Longname") },
            { QStringLiteral("me"), QStringLiteral("Me Myself") } });
        model.setSchedule(QStringLiteral("team:team-data"), { handMade(monday.toUTC()) });
        ScheduleTimeline timeline;
        timeline.setModel(&model);
        timeline.setUsername(QStringLiteral("me"));
        timeline.setZone(QTimeZone("Europe/London"));
        timeline.resize(ScheduleTimeline::LabelWidth + 7 * 40, 300);
        // Wed 2 Dec to Tue 8 Dec: my week is cut on the left, bob's on the right.
        timeline.setRange(QDate(2026, 12, 2), 7);
        const QRectF mine = timeline.shiftRect(0, 1);
        QVERIFY(!mine.isNull());
        const QString text = timeline.toolTipAt(mine.center().toPoint());
        QVERIFY2(text.contains(QStringLiteral("Me Myself")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Your shift")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Data Critical")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Mon 30 Nov 09:00")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Mon 7 Dec 09:00")), qPrintable(text));
        const QString bob = timeline.toolTipAt(timeline.shiftRect(0, 2).center().toPoint());
        QVERIFY2(bob.contains(QStringLiteral("Bob Fatiguebottom-Longname")), qPrintable(bob));
        QVERIFY2(bob.contains(QStringLiteral("Mon 14 Dec 09:00")), qPrintable(bob));

        // The override row: named by its policy, and nobody covers it.
        QCOMPARE(model.row(1).rotationName, QStringLiteral("Overrides · Data Critical"));
        QVERIFY(timeline.isUncovered(1, 0));
        const QString uncovered = timeline.toolTipAt(timeline.shiftRect(1, 0).center().toPoint());
        QVERIFY2(uncovered.contains(QStringLiteral("Nobody covers this override")),
            qPrintable(uncovered));
        QVERIFY2(uncovered.contains(QStringLiteral("Bob Fatiguebottom-Longname")),
            qPrintable(uncovered));
    }

    void myShiftsAndUncoveredOverridesHaveColoursOfTheirOwn()
    {
        const QDateTime monday(QDate(2026, 11, 30), QTime(9, 0), QTimeZone("Europe/London"));
        ScheduleModel model;
        model.setSchedule(QStringLiteral("team:team-data"), { handMade(monday.toUTC()) });
        ScheduleTimeline timeline;
        timeline.setModel(&model);
        timeline.setUsername(QStringLiteral("me"));
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        light.setColor(QPalette::WindowText, Qt::black);
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
        for (const QPalette& palette : { light, dark }) {
            timeline.setPalette(palette);
            QVERIFY(timeline.isMine(0, 1));
            QVERIFY(!timeline.isMine(0, 0));
            const QColor mine = timeline.shiftColor(0, 1);
            QVERIFY(mine != timeline.shiftColor(0, 0));
            QVERIFY(mine != timeline.shiftColor(0, 2));
            QCOMPARE(mine, palette.color(QPalette::Highlight));
            const QColor warning = timeline.shiftColor(1, 0);
            QCOMPARE(warning, look::toneBackground(look::Tone::Warning, palette));
            QVERIFY(warning != mine);
        }
    }
};

QTEST_MAIN(TestScheduleShifts)
#include "tst_scheduleshifts.moc"
