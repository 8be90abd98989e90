// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ScheduleModel: rows per policy and rotation entry (and an overrides row) from a team schedule,
// overrides marked, routine refreshes as diffs (no reset), a new subject resets; loading a team's
// and the user's schedule from an in-process rota-sim (ScheduleController into the model), and the
// team's zone guessed from offsets.

#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "simfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace rota;
using rota::test::SimFixture;

namespace {

OffsetTime at(const char* iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    return OffsetTime::fromUtc(t, t.offsetFromUtc());
}

OnCallRoll roll(const char* start, const char* end, const QString& user, bool isRoll)
{
    OnCallRoll r;
    r.start = at(start);
    r.end = at(end);
    r.onCallUser = user;
    r.isRoll = isRoll;
    return r;
}

TeamSchedule sample()
{
    TeamSchedule team;
    team.teamName = QStringLiteral("Payments");
    team.teamSlug = QStringLiteral("team-pay");
    PolicySchedule policy;
    policy.policy.name = QStringLiteral("Payments Primary");
    policy.policy.slug = QStringLiteral("pol-prim");
    OnCallEntry entry;
    entry.onCallType = QStringLiteral("rotation_group");
    entry.rotationName = QStringLiteral("Primary");
    entry.shiftName = QStringLiteral("Weekly");
    entry.onCallUser = QStringLiteral("alice");
    // Given out of order on purpose: the model sorts by start.
    entry.rolls = { roll("2026-03-30T09:00:00+01:00", "2026-04-06T09:00:00+01:00",
                        QStringLiteral("bob"), true),
        roll("2026-03-23T09:00:00+00:00", "2026-03-26T09:00:00+00:00", QStringLiteral("alice"),
            true),
        roll("2026-03-26T09:00:00+00:00", "2026-03-28T09:00:00+00:00", QStringLiteral("carol"),
            false),
        roll("2026-03-28T09:00:00+00:00", "2026-03-30T09:00:00+01:00", QStringLiteral("alice"),
            true) };
    policy.schedule.append(entry);
    OnCallEntry fixed;
    fixed.onCallType = QStringLiteral("user");
    fixed.onCallUser = QStringLiteral("dave");
    fixed.rolls
        = { roll("2026-03-23T00:00:00Z", "2026-04-06T00:00:00Z", QStringLiteral("dave"), false) };
    policy.schedule.append(fixed);
    OnCallOverride o;
    o.origOnCallUser = QStringLiteral("alice");
    o.overrideOnCallUser = QStringLiteral("carol");
    o.start = at("2026-03-26T09:00:00+00:00");
    o.end = at("2026-03-28T09:00:00+00:00");
    policy.overrides.append(o);
    team.schedules.append(policy);
    return team;
}

} // namespace

class TestScheduleModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsPerEntryAndOverrides()
    {
        ScheduleModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        model.setSchedule(QStringLiteral("team:team-pay"), { sample() });
        QCOMPARE(model.rowCount(), 3);
        const ScheduleRow& rotation = model.row(0);
        QCOMPARE(rotation.kind, ScheduleRow::Kind::Rotation);
        QCOMPARE(rotation.policyName, QStringLiteral("Payments Primary"));
        QCOMPARE(rotation.rotationName, QStringLiteral("Primary"));
        QCOMPARE(rotation.shifts.size(), 4);
        // Sorted by start, kept in UTC with the offset they were written with.
        QCOMPARE(rotation.shifts.at(0).user, QStringLiteral("alice"));
        QCOMPARE(rotation.shifts.at(3).start, QDateTime(QDate(2026, 3, 30), QTime(8, 0), Qt::UTC));
        QCOMPARE(rotation.shifts.at(3).offsetSeconds, 3600);
        // carol's stretch is an override standing in for alice; the others are regular.
        QVERIFY(rotation.shifts.at(1).isOverride);
        QCOMPARE(rotation.shifts.at(1).user, QStringLiteral("carol"));
        QCOMPARE(rotation.shifts.at(1).replacedUser, QStringLiteral("alice"));
        QVERIFY(!rotation.shifts.at(0).isOverride);
        QVERIFY(!rotation.shifts.at(2).isOverride);
        // A fixed user entry is never an override, even though it is not a roll.
        QCOMPARE(model.row(1).onCallType, QStringLiteral("user"));
        QVERIFY(!model.row(1).shifts.at(0).isOverride);
        const ScheduleRow& overrides = model.row(2);
        QCOMPARE(overrides.kind, ScheduleRow::Kind::Overrides);
        QCOMPARE(overrides.shifts.size(), 1);
        QCOMPARE(overrides.shifts.at(0).replacedUser, QStringLiteral("alice"));
        QVERIFY(model.index(2, 0).data(ScheduleModel::IsOverridesRowRole).toBool());
        QCOMPARE(model.index(0, ScheduleModel::ShiftsColumn).data().toInt(), 4);
        QCOMPARE(model.index(0, 0).data(ScheduleModel::PolicySlugRole).toString(),
            QStringLiteral("pol-prim"));
    }

    void overlappingOverridesGetRowsOfTheirOwn()
    {
        ScheduleModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        TeamSchedule team = sample();
        OnCallOverride second;
        second.origOnCallUser = QStringLiteral("bob");
        second.start = at("2026-03-27T00:00:00Z"); // inside the first one
        second.end = at("2026-03-29T00:00:00Z");
        OnCallOverride third;
        third.origOnCallUser = QStringLiteral("dave");
        third.start = at("2026-03-28T09:00:00Z"); // starts as the first one ends
        third.end = at("2026-03-30T00:00:00Z");
        team.schedules[0].overrides << second << third;
        model.setSchedule(QStringLiteral("team:team-pay"), { team });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.row(2).kind, ScheduleRow::Kind::Overrides);
        QCOMPARE(model.row(3).kind, ScheduleRow::Kind::Overrides);
        QCOMPARE(model.row(2).shifts.size(), 2); // alice's, then dave's after it
        QCOMPARE(model.row(2).shifts.at(1).replacedUser, QStringLiteral("dave"));
        QCOMPARE(model.row(3).shifts.size(), 1);
        QCOMPARE(model.row(3).shifts.at(0).replacedUser, QStringLiteral("bob"));
        QVERIFY(model.row(3).shifts.at(0).user.isEmpty()); // nobody stands in yet
        QVERIFY(model.row(2).key != model.row(3).key);
    }

    void namesAreShownOnceKnown()
    {
        ScheduleModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        TeamSchedule team = sample();
        team.schedules[0].schedule[0].overrideOnCallUser = QStringLiteral("carol");
        model.setSchedule(QStringLiteral("team:team-pay"), { team });
        const QModelIndex now = model.index(0, ScheduleModel::OnCallNowColumn);
        QCOMPARE(now.data().toString(), QStringLiteral("carol"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setUserNames({ { QStringLiteral("carol"), QStringLiteral("Carol Diaz") } });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(now.data().toString(), QStringLiteral("Carol Diaz"));
        QCOMPARE(model.displayName(QStringLiteral("zed")), QStringLiteral("zed"));
    }

    void refreshIsADiffAndANewSubjectResets()
    {
        ScheduleModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        model.setSchedule(QStringLiteral("team:team-pay"), { sample() });
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // The same again: nothing changes.
        model.setSchedule(QStringLiteral("team:team-pay"), { sample() });
        QCOMPARE(changed.size(), 0);

        // A roll changes hands and the override goes: one row changed, one removed.
        TeamSchedule next = sample();
        next.schedules[0].schedule[0].rolls[0].onCallUser = QStringLiteral("erin");
        next.schedules[0].overrides.clear();
        model.setSchedule(QStringLiteral("team:team-pay"), { next });
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.row(0).shifts.at(3).user, QStringLiteral("erin"));

        // Another team: a reset.
        model.setSchedule(QStringLiteral("team:team-other"), {});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void laterStepsFollowTheirPolicysRowsWithoutAReset()
    {
        ScheduleModel model(nullptr);
        QAbstractItemModelTester tester(&model);
        model.setSchedule(QStringLiteral("team:team-pay"), { sample() });
        QCOMPARE(model.rowCount(), 3); // Primary, the fixed user, the overrides
        QCOMPARE(model.row(2).rotationName, QStringLiteral("Overrides · Payments Primary"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // Step 2 names a second rotation: its row comes after step 1's, before the overrides
        // (which only step 1 brings, though every step's answer repeats them).
        TeamSchedule second = sample();
        second.schedules[0].schedule.removeLast();
        second.schedules[0].schedule[0].rotationName = QStringLiteral("Secondary");
        model.setStepSchedule(QStringLiteral("team:team-pay"), 1, { second });
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.row(2).rotationName, QStringLiteral("Secondary"));
        QCOMPARE(model.row(2).step, 1);
        QCOMPARE(model.row(3).kind, ScheduleRow::Kind::Overrides);

        // A new first step keeps the later step's rows; clearing it takes them away.
        model.setStepSchedule(QStringLiteral("team:team-pay"), 0, { sample() });
        QCOMPARE(model.rowCount(), 4);
        model.clearStepsFrom(1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(resets.size(), 0);
        // setSchedule forgets the later steps too.
        model.setStepSchedule(QStringLiteral("team:team-pay"), 1, { second });
        model.setSchedule(QStringLiteral("team:team-pay"), { sample() });
        QCOMPARE(model.rowCount(), 3);
    }

    void zoneIsGuessedFromOffsets()
    {
        // Winter and summer offsets of London pick London, not a zone that is +0 all year.
        const QList<QPair<QDateTime, int>> london
            = { { QDateTime(QDate(2026, 1, 10), QTime(9, 0), Qt::UTC), 0 },
                  { QDateTime(QDate(2026, 7, 10), QTime(8, 0), Qt::UTC), 3600 } };
        QCOMPARE(ScheduleModel::zoneForOffsets(london), QByteArray("Europe/London"));
        const QList<QPair<QDateTime, int>> tokyo
            = { { QDateTime(QDate(2026, 1, 10), QTime(0, 0), Qt::UTC), 9 * 3600 } };
        QCOMPARE(ScheduleModel::zoneForOffsets(tokyo), QByteArray("Asia/Tokyo"));
        QVERIFY(ScheduleModel::zoneForOffsets({}).isEmpty());
    }

    void loadsATeamScheduleFromTheSimulator()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // The team whose rotations are defined in New York.
        QString teamSlug;
        QString zone;
        for (const sim::SimRotation& rotation : std::as_const(fixture.ctx().org.rotations)) {
            if (rotation.timeZone == QLatin1String("America/New_York")) {
                teamSlug = rotation.teamSlug;
                zone = rotation.timeZone;
                break;
            }
        }
        QVERIFY(!teamSlug.isEmpty());
        ScheduleModel model;
        ScheduleController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loading(&controller, &ScheduleController::loadingChanged);
        QSignalSpy loaded(&controller, &ScheduleController::loaded);
        controller.loadTeam(teamSlug, 0, 14);
        QVERIFY(controller.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
        QCOMPARE(loading.size(), 2);
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.subject(), QStringLiteral("team:") + teamSlug);
        const ScheduleRow& first = model.row(0);
        QCOMPARE(first.teamSlug, teamSlug);
        QVERIFY(!first.shifts.isEmpty());
        // The shifts cover now and run about two weeks ahead, without gaps.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(first.shifts.first().start <= now);
        QVERIFY(first.shifts.last().end >= now.addDays(13));
        for (qsizetype i = 1; i < first.shifts.size(); ++i)
            QCOMPARE(first.shifts.at(i).start, first.shifts.at(i - 1).end);
        QCOMPARE(model.teamZoneId(), zone.toUtf8());

        // A routine reload keeps the rows (no reset).
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        controller.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(resets.size(), 0);

        // An unknown team: the error in words, no rows of another team.
        controller.loadTeam(QStringLiteral("team-nope"), 0, 7);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!controller.errorText().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    void anOverrideInTheSimulatorIsMarked()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // Whoever is on call now for a rotation policy goes away for five hours; someone else
        // from the team stands in.
        const QDateTime now = fixture.ctx().now();
        QString policySlug;
        QString away;
        QString teamSlug;
        for (const sim::SimPolicy& policy : std::as_const(fixture.ctx().org.policies)) {
            const QStringList onCall = sim::policyOnCallAt(fixture.ctx(), policy.slug, now);
            if (onCall.size() == 1 && !policy.steps.isEmpty()
                && policy.steps.first().entries.value(0).executionType
                    == QLatin1String("rotation_group")) {
                policySlug = policy.slug;
                away = onCall.first();
                teamSlug = policy.teamSlug;
                break;
            }
        }
        QVERIFY(!policySlug.isEmpty());
        QString standIn;
        for (const QString& member : fixture.ctx().org.teams.value(teamSlug).members) {
            if (member != away) {
                standIn = member;
                break;
            }
        }
        QVERIFY(!standIn.isEmpty());
        sim::SimScheduledOverride o;
        o.publicId = QStringLiteral("test-override");
        o.username = away;
        o.timeZone = QStringLiteral("UTC");
        o.start = now.addSecs(-3600);
        o.end = now.addSecs(5 * 3600);
        o.assignments.insert(policySlug, standIn);
        fixture.ctx().org.scheduledOverrides.insert(o.publicId, o);

        ScheduleModel model;
        ScheduleController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &ScheduleController::loaded);
        controller.loadTeam(teamSlug, 0, 2);
        QVERIFY(loaded.wait(10000));
        QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
        bool marked = false;
        bool listed = false;
        for (const ScheduleRow& row : model.rows()) {
            if (row.policySlug != policySlug)
                continue;
            for (const ScheduleShift& shift : row.shifts) {
                if (row.kind == ScheduleRow::Kind::Rotation && shift.isOverride
                    && shift.user == standIn && shift.replacedUser == away && shift.start <= now
                    && shift.end > now)
                    marked = true;
                if (row.kind == ScheduleRow::Kind::Overrides && shift.user == standIn
                    && shift.replacedUser == away && qAbs(shift.start.secsTo(o.start)) <= 1)
                    listed = true;
            }
        }
        QVERIFY(marked);
        QVERIFY(listed);
    }

    void clearShowsNoRowsAndNoError()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ScheduleModel model;
        ScheduleController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &ScheduleController::loaded);
        // Nothing was read yet: nothing to read again.
        controller.reload();
        QVERIFY(!controller.isLoading());
        controller.loadTeam(QStringLiteral("team-nope"), 0, 7);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!controller.errorText().isEmpty());
        // Days the service has no schedule for: no rows, and no error from the load before.
        controller.clear(QStringLiteral("team:team-nope"));
        QVERIFY(controller.errorText().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.subject(), QStringLiteral("team:team-nope"));
    }

    void loadsTheUsersSchedule()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        ScheduleModel model;
        ScheduleController controller(fixture.client.get(), &model);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&controller, &ScheduleController::loaded);
        controller.loadUser(fixture.demoUser(), 0, 30);
        QVERIFY(loaded.wait(10000));
        QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.subject(), QStringLiteral("user:") + fixture.demoUser());
        QSet<QString> teams;
        for (const ScheduleRow& row : model.rows())
            teams.insert(row.teamSlug);
        int memberOf = 0;
        for (const sim::SimTeam& team : std::as_const(fixture.ctx().org.teams))
            memberOf += team.members.contains(fixture.demoUser()) ? 1 : 0;
        QVERIFY(teams.size() >= 1);
        QVERIFY(teams.size() <= memberOf);
    }
};

QTEST_GUILESS_MAIN(TestScheduleModel)
#include "tst_schedulemodel.moc"
