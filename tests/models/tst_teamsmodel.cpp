// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// TeamsModel: sorted by name, a refresh is a diff (insert, remove, move, change in place; never a
// reset) that keeps persistent indexes on their teams; TeamsController's reading into it against
// an in-process rota-sim matches the simulator's teams and member counts. The controller's
// members and admins, and PolicyChoices' rotation groups, are a team's as the simulator holds
// them.

#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "simfixture.h"
#include "teamscontroller.h"
#include "teamsmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

Team team(const QString& slug, const QString& name, int members)
{
    Team t;
    t.slug = slug;
    t.name = name;
    t.memberCount = members;
    return t;
}

QStringList names(const TeamsModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, TeamsModel::NameColumn).data().toString());
    return out;
}

} // namespace

class TestTeamsModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortsByNameAndShowsCounts()
    {
        TeamsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTeams({ team(QStringLiteral("team-b"), QStringLiteral("web"), 3),
            team(QStringLiteral("team-a"), QStringLiteral("Data"), 5),
            team(QStringLiteral("team-c"), QStringLiteral("Platform"), 0) });
        QCOMPARE(names(model),
            (QStringList {
                QStringLiteral("Data"), QStringLiteral("Platform"), QStringLiteral("web") }));
        QCOMPARE(model.columnCount(), int(TeamsModel::ColumnCount));
        QCOMPARE(model.index(0, TeamsModel::MembersColumn).data().toInt(), 5);
        QCOMPARE(model.index(2, 0).data(TeamsModel::SlugRole).toString(), QStringLiteral("team-b"));
        QCOMPARE(model.index(1, 0).data(TeamsModel::MemberCountRole).toInt(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("team-c")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("team-x")), -1);
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("5")));
    }

    void refreshIsADiff()
    {
        TeamsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTeams({ team(QStringLiteral("team-a"), QStringLiteral("Alpha"), 1),
            team(QStringLiteral("team-b"), QStringLiteral("Bravo"), 2),
            team(QStringLiteral("team-c"), QStringLiteral("Charlie"), 3),
            team(QStringLiteral("team-d"), QStringLiteral("Delta"), 4) });
        const QPersistentModelIndex charlie = model.index(2, 0);
        const QPersistentModelIndex delta = model.index(3, 0);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Bravo leaves, Delta is renamed to "Able" (moves to the top), Charlie gains members,
        // Echo arrives.
        model.setTeams({ team(QStringLiteral("team-a"), QStringLiteral("Alpha"), 1),
            team(QStringLiteral("team-c"), QStringLiteral("Charlie"), 7),
            team(QStringLiteral("team-d"), QStringLiteral("Able"), 4),
            team(QStringLiteral("team-e"), QStringLiteral("Echo"), 2) });

        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(changed.count(), 2); // Charlie's count, Delta's name
        QCOMPARE(names(model),
            (QStringList { QStringLiteral("Able"), QStringLiteral("Alpha"),
                QStringLiteral("Charlie"), QStringLiteral("Echo") }));
        QVERIFY(charlie.isValid());
        QCOMPARE(charlie.data(TeamsModel::SlugRole).toString(), QStringLiteral("team-c"));
        QCOMPARE(charlie.sibling(charlie.row(), TeamsModel::MembersColumn).data().toInt(), 7);
        QVERIFY(delta.isValid());
        QCOMPARE(delta.row(), 0);
        QCOMPARE(delta.data().toString(), QStringLiteral("Able"));

        // The same list again changes nothing at all.
        const int before = static_cast<int>(
            changed.count() + inserted.count() + removed.count() + moved.count());
        model.setTeams(model.teams());
        QCOMPARE(
            static_cast<int>(changed.count() + inserted.count() + removed.count() + moved.count()),
            before);
        QCOMPARE(resets.count(), 0);
    }

    void refreshMatchesTheSimulator()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        TeamsModel model;
        EscalationPolicyModel policies;
        EscalationStepModel steps;
        TeamsController controller(fx.client.get(), &model, &policies, &steps);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&controller, &TeamsController::teamsRefreshed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        controller.refreshTeams();
        QVERIFY(controller.isLoadingTeams());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(controller.teamsLoaded());
        const auto& teams = fx.ctx().org.teams;
        QCOMPARE(model.rowCount(), int(teams.size()));
        for (const auto& simTeam : teams) {
            const int row = model.rowOf(simTeam.slug);
            QVERIFY2(row >= 0, qPrintable(simTeam.slug));
            QCOMPARE(model.index(row, 0).data().toString(), simTeam.name);
            QCOMPARE(model.index(row, TeamsModel::MembersColumn).data().toInt(),
                int(simTeam.members.size()));
        }

        // A member joins in the simulator: the next refresh changes that one row in place.
        const QString slug = model.teamAt(0).slug;
        const int before = model.teamAt(0).memberCount;
        QString outsider;
        for (const QString& user : fx.ctx().org.users.keys()) {
            if (!fx.ctx().org.teams.value(slug).members.contains(user)) {
                outsider = user;
                break;
            }
        }
        QVERIFY(!outsider.isEmpty());
        fx.ctx().org.teams[slug].members.append(outsider);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        controller.refreshTeams();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.teamAt(model.rowOf(slug)).memberCount, before + 1);
        QCOMPARE(resets.count(), 0);
    }

    void refreshFailureIsInWords()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("error,status=500,path=/api-public/v1/team");
        SimFixture fx(options);
        QVERIFY2(fx.started, qPrintable(fx.startError));
        fx.client->setRetryBaseDelay(1);
        TeamsModel model;
        EscalationPolicyModel policies;
        EscalationStepModel steps;
        TeamsController controller(fx.client.get(), &model, &policies, &steps);
        QSignalSpy failed(&controller, &TeamsController::teamsFailed);
        controller.refreshTeams();
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().first().toString().startsWith(
            QStringLiteral("Could not read the teams")));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!controller.teamsLoaded());
    }

    void rosterAndChoicesMatchTheSimulator()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        const auto simTeam = fx.ctx().org.teams.first();
        TeamsModel model;
        EscalationPolicyModel policies;
        EscalationStepModel steps;
        TeamsController roster(fx.client.get(), &model, &policies, &steps);
        QSignalSpy loaded(&roster, &TeamsController::rosterLoaded);
        roster.loadRoster(simTeam.slug);
        QVERIFY(roster.isLoadingRoster());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toString(), simTeam.slug);
        QStringList members;
        for (const TeamMember& m : roster.members())
            members.append(m.username);
        QStringList expected = simTeam.members;
        expected.sort();
        QCOMPARE(members, expected);
        QStringList admins;
        for (const TeamAdmin& a : roster.admins())
            admins.append(a.username);
        QStringList expectedAdmins = simTeam.admins;
        expectedAdmins.sort();
        QCOMPARE(admins, expectedAdmins);

        OrgDirectory directory(fx.client.get());
        PolicyChoices choices(&directory);
        QSignalSpy ready(&choices, &PolicyChoices::loaded);
        choices.load(simTeam.slug);
        QVERIFY(ready.wait(10000));
        QCOMPARE(choices.users().size(), fx.ctx().org.users.size());
        int rotations = 0;
        for (const auto& rotation : fx.ctx().org.rotations)
            rotations += rotation.teamSlug == simTeam.slug ? 1 : 0;
        QCOMPARE(int(choices.rotationGroups().size()), rotations);
        for (const RotationGroup& group : choices.rotationGroups())
            QCOMPARE(fx.ctx().org.rotations.value(group.slug).teamSlug, simTeam.slug);
    }
};

QTEST_GUILESS_MAIN(TestTeamsModel)
#include "tst_teamsmodel.moc"
