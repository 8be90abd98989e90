// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Team membership through TeamsController against an in-process rota-sim: an added member and a
// removed one show at once (members, the member model, the team's count) and are on the server
// afterwards (read back with GET /team/{team}/members); a change the server refuses is undone with
// a message in words; a member already in the team, or a replacement who is not another member,
// is refused before anything is sent. TeamMembersModel marks admins and members being added;
// UserPickModel drags usernames and marks the chosen team's members. Both under
// QAbstractItemModelTester.

#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "simfixture.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "usersmodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

namespace {

// A team with at least two members and a user of the org who is not in it.
struct Pick {
    QString team;
    QString outsider;
};

Pick pickTeam(SimFixture& fx)
{
    for (const auto& team : fx.ctx().org.teams) {
        if (team.members.size() < 2)
            continue;
        for (const auto& user : fx.ctx().org.users) {
            if (!team.members.contains(user.username))
                return { team.slug, user.username };
        }
    }
    return {};
}

// A simulator, and the controller with its models reading from it.
struct Rig {
    explicit Rig(sim::SimOptions options = {})
        : fx(std::move(options))
        , directory(fx.client.get())
        , controller(fx.client.get(), &teams, &policies, &steps)
        , memberTester(
              controller.memberModel(), QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        controller.setDirectory(&directory);
    }

    //! Reads the teams, the users and the members of `teamSlug` (empty: of a picked team, which
    //! has two members or more and someone outside it).
    bool load(QString teamSlug = {})
    {
        if (!fx.started)
            return false;
        pick = pickTeam(fx);
        if (teamSlug.isEmpty())
            teamSlug = pick.team;
        QSignalSpy teamsRead(&controller, &TeamsController::teamsRefreshed);
        QSignalSpy usersRead(&directory, &OrgDirectory::usersChanged);
        QSignalSpy roster(&controller, &TeamsController::rosterLoaded);
        controller.refreshTeams();
        directory.ensureLoaded(RequestScheduler::Priority::User);
        controller.loadRoster(teamSlug);
        return !teamSlug.isEmpty() && teamsRead.wait(10000)
            && (!usersRead.isEmpty() || usersRead.wait(10000))
            && (!roster.isEmpty() || roster.wait(10000));
    }

    int count(const QString& teamSlug) const
    {
        return teams.teamAt(teams.rowOf(teamSlug)).memberCount;
    }

    SimFixture fx;
    Pick pick;
    OrgDirectory directory;
    TeamsModel teams;
    EscalationPolicyModel policies;
    EscalationStepModel steps;
    TeamsController controller;
    QAbstractItemModelTester memberTester;
};

QString fullName(SimFixture& fx, const QString& username)
{
    const auto user = fx.ctx().org.users.value(username);
    return QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed();
}

// The team's members as the server lists them, read over HTTP.
QStringList serverMembers(SimFixture& fx, const QString& teamSlug)
{
    auto call = calls::listTeamMembers(*fx.client, teamSlug);
    if (!test::waitFor(call.reply) || !call.reply->ok())
        return { QStringLiteral("<read failed>") };
    QStringList usernames;
    for (const TeamMember& member : call.value().members)
        usernames.append(member.username);
    return usernames;
}

QStringList memberNames(const TeamsController& controller)
{
    QStringList usernames;
    for (const TeamMember& member : controller.members())
        usernames.append(member.username);
    return usernames;
}

} // namespace

class TestTeamMembers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addAndRemoveShowAtOnceAndLandOnTheServer()
    {
        Rig rig;
        QVERIFY2(rig.load(), qPrintable(rig.fx.startError));
        SimFixture& fx = rig.fx;
        const Pick pick = rig.pick;
        const int before = rig.count(pick.team);
        QCOMPARE(before, int(fx.ctx().org.teams.value(pick.team).members.size()));

        QSignalSpy changed(&rig.controller, &TeamsController::membersChanged);
        QSignalSpy added(&rig.controller, &TeamsController::memberAdded);
        QSignalSpy failed(&rig.controller, &TeamsController::writeFailed);
        QVERIFY(rig.controller.addMember(pick.team, pick.outsider));
        // Shown before the server answers: listed (marked as being added), counted.
        QCOMPARE(changed.count(), 1);
        QVERIFY(rig.controller.isMember(pick.outsider));
        const TeamMembersModel* model = rig.controller.memberModel();
        const int row = model->rowOf(pick.outsider);
        QVERIFY(row >= 0);
        QVERIFY(model->index(row, 0).data(TeamMembersModel::IsAddingRole).toBool());
        QCOMPARE(model->index(row, TeamMembersModel::NameColumn).data().toString(),
            fullName(fx, pick.outsider));
        QCOMPARE(rig.count(pick.team), before + 1);
        QVERIFY(!fx.ctx().org.teams.value(pick.team).members.contains(pick.outsider));

        QVERIFY(added.wait(10000));
        QCOMPARE(added.first().at(1).toString(), pick.outsider);
        QVERIFY(failed.isEmpty());
        QVERIFY(serverMembers(fx, pick.team).contains(pick.outsider));
        QVERIFY(!model->index(model->rowOf(pick.outsider), 0)
                     .data(TeamMembersModel::IsAddingRole)
                     .toBool());
        // The count is the server's once the teams are read again.
        QTRY_VERIFY(!rig.controller.isLoadingTeams());
        QCOMPARE(rig.count(pick.team), before + 1);

        // Removed, with another member taking over the shifts.
        const QString leaving = pick.outsider;
        QString replacement;
        for (const TeamMember& member : rig.controller.members()) {
            if (member.username != leaving)
                replacement = member.username;
        }
        QSignalSpy removed(&rig.controller, &TeamsController::memberRemoved);
        changed.clear();
        QVERIFY(rig.controller.removeMember(pick.team, leaving, replacement));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!rig.controller.isMember(leaving));
        QCOMPARE(model->rowOf(leaving), -1);
        QCOMPARE(rig.count(pick.team), before);
        QVERIFY(removed.wait(10000));
        QVERIFY(failed.isEmpty());
        const QStringList onServer = serverMembers(fx, pick.team);
        QVERIFY(!onServer.contains(leaving));
        QVERIFY(onServer.contains(replacement));
        QTRY_VERIFY(!rig.controller.isLoadingTeams());
        QCOMPARE(rig.count(pick.team), before);
    }

    void alreadyAMemberIsRefusedBeforeSending()
    {
        Rig rig;
        QVERIFY2(rig.load(), qPrintable(rig.fx.startError));
        SimFixture& fx = rig.fx;
        const Pick pick = rig.pick;
        const QString member = rig.controller.members().first().username;
        const int before = rig.count(pick.team);
        QSignalSpy changed(&rig.controller, &TeamsController::membersChanged);
        QSignalSpy failed(&rig.controller, &TeamsController::writeFailed);
        QVERIFY(!rig.controller.addMember(pick.team, member));
        QCOMPARE(failed.count(), 1);
        const QString team = fx.ctx().org.teams.value(pick.team).name;
        QCOMPARE(failed.first().first().toString(),
            QStringLiteral("%1 is already a member of %2.").arg(fullName(fx, member), team));
        QVERIFY(changed.isEmpty());
        QVERIFY(!rig.controller.isWriting());
        QCOMPARE(rig.count(pick.team), before);

        // A replacement who is not another member of the team is refused too.
        QVERIFY(!rig.controller.removeMember(pick.team, member, member));
        QVERIFY(!rig.controller.removeMember(pick.team, member, pick.outsider));
        QCOMPARE(failed.count(), 3);
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("take over")));
        QVERIFY(rig.controller.isMember(member));
        QVERIFY(!rig.controller.isWriting());
        QVERIFY(fx.ctx().org.teams.value(pick.team).members.contains(member));
    }

    void refusedAddIsUndoneWithTheReason()
    {
        Rig rig;
        QVERIFY2(rig.load(), qPrintable(rig.fx.startError));
        SimFixture& fx = rig.fx;
        const Pick pick = rig.pick;
        const int before = rig.count(pick.team);
        const QStringList membersBefore = memberNames(rig.controller);

        // A username the org does not have: the server refuses it.
        const QString ghost = QStringLiteral("nobody.here");
        QSignalSpy changed(&rig.controller, &TeamsController::membersChanged);
        QSignalSpy failed(&rig.controller, &TeamsController::writeFailed);
        QVERIFY(rig.controller.addMember(pick.team, ghost));
        QVERIFY(rig.controller.isMember(ghost));
        QCOMPARE(rig.count(pick.team), before + 1);
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().first().toString();
        const QString team = fx.ctx().org.teams.value(pick.team).name;
        QVERIFY2(message.startsWith(QStringLiteral("Could not add nobody.here to %1: ").arg(team)),
            qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(". nobody.here is not a member.")),
            qPrintable(message));
        // Undone: the list and the count are as before, and the view was told.
        QCOMPARE(memberNames(rig.controller), membersBefore);
        QCOMPARE(rig.controller.memberModel()->rowOf(ghost), -1);
        QCOMPARE(rig.count(pick.team), before);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(changed.last().first().toString(), pick.team);

        // Dropped on another team than the one shown, whose members are not known here: the
        // server says the user is already in it, and that team's count goes back.
        QString other;
        QString otherMember;
        for (const auto& team : fx.ctx().org.teams) {
            if (team.slug != pick.team && !team.members.isEmpty()) {
                other = team.slug;
                otherMember = team.members.first();
                break;
            }
        }
        QVERIFY(!other.isEmpty());
        const int otherBefore = rig.count(other);
        failed.clear();
        QVERIFY(rig.controller.addMember(other, otherMember));
        QCOMPARE(rig.count(other), otherBefore + 1);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("already a member")),
            qPrintable(failed.first().first().toString()));
        QCOMPARE(rig.count(other), otherBefore);
        QCOMPARE(memberNames(rig.controller), membersBefore);
    }

    void refusedRemoveIsUndoneWithTheReason()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("error,status=422,method=DELETE,path=/api-public/v1/team/");
        Rig rig(options);
        QVERIFY2(rig.load(), qPrintable(rig.fx.startError));
        SimFixture& fx = rig.fx;
        const Pick pick = rig.pick;
        const int before = rig.count(pick.team);
        const QStringList membersBefore = memberNames(rig.controller);
        QString admin;
        for (const TeamAdmin& a : rig.controller.admins())
            admin = a.username;
        const QString leaving = admin.isEmpty() ? membersBefore.first() : admin;
        QString replacement;
        for (const QString& username : membersBefore) {
            if (username != leaving)
                replacement = username;
        }
        const int adminsBefore = int(rig.controller.admins().size());

        QSignalSpy failed(&rig.controller, &TeamsController::writeFailed);
        QVERIFY(rig.controller.removeMember(pick.team, leaving, replacement));
        QVERIFY(!rig.controller.isMember(leaving));
        QCOMPARE(rig.count(pick.team), before - 1);
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().first().toString();
        const QString name = fullName(fx, leaving);
        const QString team = fx.ctx().org.teams.value(pick.team).name;
        QVERIFY2(
            message.startsWith(QStringLiteral("Could not remove %1 from %2: ").arg(name, team)),
            qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(". %1 is still a member.").arg(name)),
            qPrintable(message));
        QCOMPARE(memberNames(rig.controller), membersBefore);
        QCOMPARE(int(rig.controller.admins().size()), adminsBefore);
        if (!admin.isEmpty()) {
            const TeamMembersModel* model = rig.controller.memberModel();
            QVERIFY(
                model->index(model->rowOf(admin), 0).data(TeamMembersModel::IsAdminRole).toBool());
        }
        QCOMPARE(rig.count(pick.team), before);
        QVERIFY(serverMembers(fx, pick.team).contains(leaving));
    }

    void addWhoseAnswerIsLostIsReadBack()
    {
        // The service adds the member, then the connection drops before its answer.
        sim::SimOptions options;
        options.faults = QStringLiteral("lost,method=POST,path=/api-public/v1/team/");
        Rig rig(options);
        QVERIFY2(rig.load(), qPrintable(rig.fx.startError));
        const Pick pick = rig.pick;
        QSignalSpy failed(&rig.controller, &TeamsController::writeFailed);
        QSignalSpy roster(&rig.controller, &TeamsController::rosterLoaded);
        QVERIFY(rig.controller.addMember(pick.team, pick.outsider));
        QVERIFY(failed.wait(20000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(QStringLiteral("No answer came whether %1 was added to ")
                                        .arg(fullName(rig.fx, pick.outsider))),
            qPrintable(message));
        // Not undone blind: the members are read again, and the server has the member.
        QVERIFY(roster.wait(10000));
        QVERIFY(rig.controller.isMember(pick.outsider));
        QVERIFY(!rig.controller.memberModel()
                     ->index(rig.controller.memberModel()->rowOf(pick.outsider), 0)
                     .data(TeamMembersModel::IsAddingRole)
                     .toBool());
        QVERIFY(serverMembers(rig.fx, pick.team).contains(pick.outsider));
    }

    void memberModelMarksAdmins()
    {
        Rig rig;
        SimFixture& fx = rig.fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        QString team;
        for (const auto& t : fx.ctx().org.teams) {
            if (!t.admins.isEmpty() && t.members.size() > t.admins.size())
                team = t.slug;
        }
        QVERIFY(!team.isEmpty());
        QVERIFY(rig.load(team));
        const auto simTeam = fx.ctx().org.teams.value(team);
        const TeamMembersModel* model = rig.controller.memberModel();
        QCOMPARE(model->rowCount(), int(simTeam.members.size()));
        QCOMPARE(model->columnCount(), int(TeamMembersModel::ColumnCount));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString username
                = model->index(row, 0).data(TeamMembersModel::UsernameRole).toString();
            const bool admin = simTeam.admins.contains(username);
            QCOMPARE(model->index(row, 0).data(TeamMembersModel::IsAdminRole).toBool(), admin);
            QCOMPARE(model->index(row, TeamMembersModel::RoleColumn).data().toString(),
                admin ? QStringLiteral("admin") : QString());
            QCOMPARE(
                model->index(row, TeamMembersModel::UsernameColumn).data().toString(), username);
        }
        // Sorted by name as shown.
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(QString::compare(model->index(row - 1, 0).data().toString(),
                        model->index(row, 0).data().toString(), Qt::CaseInsensitive)
                <= 0);
        }
    }

    void userPickModelDragsUsernamesAndMarksMembers()
    {
        UsersModel users;
        UserPickModel model;
        model.setSourceModel(&users);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        User maya;
        maya.username = QStringLiteral("maya.chen");
        maya.firstName = QStringLiteral("Maya");
        maya.lastName = QStringLiteral("Chen");
        User ana;
        ana.username = QStringLiteral("ana");
        ana.firstName = QStringLiteral("Ana");
        ana.lastName = QStringLiteral("Lopez");
        User bare;
        bare.username = QStringLiteral("zed");
        users.setUsers({ maya, bare, ana });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Ana Lopez"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Maya Chen"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("zed"));
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
        QCOMPARE(model.rowOf(QStringLiteral("maya.chen")), 1);

        const std::unique_ptr<QMimeData> data(
            model.mimeData({ model.index(1, 0), model.index(0, 0), model.index(1, 1) }));
        QVERIFY(data);
        QVERIFY(data->hasFormat(usernamesMimeType()));
        QCOMPARE(usernamesFromMimeData(data.get()),
            (QStringList { QStringLiteral("ana"), QStringLiteral("maya.chen") }));
        QCOMPARE(usernamesFromMimeData(nullptr), QStringList());
        QMimeData text;
        text.setText(QStringLiteral("ana"));
        QCOMPARE(usernamesFromMimeData(&text), QStringList());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMembers({ QStringLiteral("maya.chen") }, QStringLiteral("Platform"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QVERIFY(model.index(1, 0).data(UserPickModel::IsMemberRole).toBool());
        QVERIFY(model.isMember(QStringLiteral("maya.chen")));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Maya Chen (member)"));
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Maya Chen (maya.chen) is already a member of Platform"));
        QVERIFY(!model.index(0, 0).data(UserPickModel::IsMemberRole).toBool());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Ana Lopez"));
    }
};

QTEST_MAIN(TestTeamMembers)
#include "tst_teammembers.moc"
