// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// RotationsController against an in-process rota-sim: a team's groups, members and admins read
// together; another team's answers arriving late are dropped; a failed read keeps what was shown
// and says why; writes read the groups again and show the server's answer, one at a time; a
// write refused with 403 marks the key read-only.

#include "oncall.h"
#include "orgdirectory.h"
#include "rotations.h"
#include "rotationscontroller.h"
#include "simfixture.h"
#include "simservice.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

namespace {

QString adminTeam(sim::SimContext& ctx, const QString& username)
{
    for (const sim::SimTeam& team : std::as_const(ctx.org.teams)) {
        if (team.admins.contains(username) && team.members.size() >= 3)
            return team.slug;
    }
    return {};
}

int groupsOf(sim::SimContext& ctx, const QString& team)
{
    int n = 0;
    for (const sim::SimRotation& r : std::as_const(ctx.org.rotations))
        n += r.teamSlug == team ? 1 : 0;
    return n;
}

} // namespace

class TestRotationsController : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> m_sim;
    std::unique_ptr<RotationsController> m_controller;

    //! A simulator (with `options`; signed in with `key` when given) and a controller that has
    //! read the groups of a team the demo user is an admin of; nullptr when that failed.
    RotationsController* loadedOnAdminTeam(
        const sim::SimOptions& options = {}, const QString& key = {})
    {
        m_controller.reset();
        m_sim = std::make_unique<SimFixture>(options);
        if (!m_sim->started)
            return nullptr;
        if (!key.isEmpty())
            m_sim->client->setCredentials({ options.apiId, key, m_sim->demoUser() });
        m_controller
            = std::make_unique<RotationsController>(m_sim->client.get(), m_sim->demoUser());
        m_controller->load(adminTeam(m_sim->ctx(), m_sim->demoUser()));
        if (!QTest::qWaitFor([this] { return m_controller->isLoaded(); }, 10000))
            return nullptr;
        return m_controller.get();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_controller.reset();
        m_sim.reset();
    }

    void readsGroupsMembersAndAdmins()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QString team = adminTeam(sim.ctx(), sim.demoUser());
        RotationsController controller(sim.client.get(), sim.demoUser());
        QVERIFY(!controller.canWrite());
        QSignalSpy changed(&controller, &RotationsController::changed);
        QSignalSpy loading(&controller, &RotationsController::loadingChanged);
        controller.load(team);
        QVERIFY(controller.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(controller.isLoaded(), 10000);
        QCOMPARE(controller.rotations().size(), groupsOf(sim.ctx(), team));
        QCOMPARE(controller.members(), sim.ctx().org.teams.value(team).members);
        QVERIFY(controller.isAdmin());
        QVERIFY(controller.canWrite());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(changed.last().at(0).toString(), team);

        // Someone who is not among the admins may look, not change.
        QString other;
        for (const QString& member : sim.ctx().org.teams.value(team).members) {
            if (!sim.ctx().org.teams.value(team).admins.contains(member))
                other = member;
        }
        QVERIFY(!other.isEmpty());
        RotationsController notAdmin(sim.client.get(), other);
        notAdmin.load(team);
        QTRY_VERIFY_WITH_TIMEOUT(notAdmin.isLoaded(), 10000);
        QVERIFY(!notAdmin.canWrite());
        QVERIFY(notAdmin.writeBlockedReason().contains(QLatin1String("admins")));
    }

    void aLateAnswerForAnotherTeamIsDropped()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QStringList teams = sim.ctx().org.teams.keys();
        QVERIFY(teams.size() >= 2);
        RotationsController controller(sim.client.get(), sim.demoUser());
        controller.load(teams.at(0));
        controller.load(teams.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(controller.isLoaded() && !controller.isLoading(), 10000);
        QCOMPARE(controller.team(), teams.at(1));
        QCOMPARE(controller.rotations().size(), groupsOf(sim.ctx(), teams.at(1)));
    }

    void aFailedReadKeepsWhatWasShown()
    {
        RotationsController* loaded = loadedOnAdminTeam();
        QVERIFY(loaded);
        RotationsController& controller = *loaded;
        SimFixture& sim = *m_sim;
        const int shown = controller.rotations().size();
        QSignalSpy failed(&controller, &RotationsController::failed);
        QVERIFY(!sim.server->service().faults().parse(
            QStringLiteral("error,status=404,path=/api-public/v2/team/")));
        controller.reload();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 10000);
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("rotation groups")));
        QCOMPARE(controller.rotations().size(), shown);
        QVERIFY(!controller.error().isEmpty());
    }

    void writesShowTheServersAnswerOneAtATime()
    {
        RotationsController* loaded = loadedOnAdminTeam();
        QVERIFY(loaded);
        RotationsController& controller = *loaded;
        QSignalSpy finished(&controller, &RotationsController::writeFinished);
        QSignalSpy changed(&controller, &RotationsController::changed);

        NewRotationShift shift;
        shift.label = QStringLiteral("Weekly");
        shift.timezone = QStringLiteral("UTC");
        shift.start = QDateTime::currentDateTimeUtc();
        shift.usernames = controller.members().mid(0, 2);
        controller.createGroup({ QStringLiteral("On-call trainees"), { shift } });
        QVERIFY(controller.isWriting());
        QVERIFY(controller.writeInFlight().contains(QLatin1String("On-call trainees")));
        // A second write while one runs is refused, in words, and sends nothing.
        controller.deleteGroup(1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 10000);
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(controller.writeInFlight().isEmpty());
        // Not shown before the server's answer is read back.
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        qint64 created = 0;
        for (const TeamRotation& group : controller.rotations()) {
            if (group.label == QLatin1String("On-call trainees"))
                created = group.groupId;
        }
        QVERIFY(created > 0);

        controller.deleteGroup(created);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 3, 10000);
        QVERIFY(finished.last().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(controller.group(created) == nullptr, 10000);
        controller.deleteGroup(created);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 4, 10000);
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(finished.last().at(1).toString().contains(QLatin1String("On-call trainees"))
            || finished.last().at(1).toString().contains(QString::number(created)));
    }

    void theDirectoryReadsTheGroupsAgainAfterACreateOrDelete()
    {
        RotationsController* loaded = loadedOnAdminTeam();
        QVERIFY(loaded);
        RotationsController& controller = *loaded;
        const QString team = controller.team();
        OrgDirectory directory(m_sim->client.get());
        controller.setDirectory(&directory);
        const auto labels = [&directory, &team] {
            QStringList out;
            for (const RotationGroup& group : directory.rotationGroups(team))
                out.append(group.label);
            return out;
        };
        // Another team's groups are not read again.
        QString otherTeam;
        for (const sim::SimTeam& t : std::as_const(m_sim->ctx().org.teams)) {
            if (t.slug != team)
                otherTeam = t.slug;
        }
        QVERIFY(!otherTeam.isEmpty());
        QSignalSpy groupsRead(&directory, &OrgDirectory::rotationGroupsChanged);
        directory.loadRotationGroups(team);
        directory.loadRotationGroups(otherTeam);
        QTRY_VERIFY_WITH_TIMEOUT(
            directory.hasRotationGroups(team) && directory.hasRotationGroups(otherTeam), 10000);
        QVERIFY(!labels().contains(QLatin1String("Weekend cover")));
        groupsRead.clear();

        QSignalSpy finished(&controller, &RotationsController::writeFinished);
        // Forgotten when the write is answered (nothing old is offered), then read again.
        QList<bool> cachedWhenAnswered;
        connect(&controller, &RotationsController::writeFinished, &directory,
            [&] { cachedWhenAnswered.append(directory.hasRotationGroups(team)); });
        NewRotationShift shift;
        shift.label = QStringLiteral("Weekly");
        shift.timezone = QStringLiteral("UTC");
        shift.start = QDateTime::currentDateTimeUtc();
        shift.usernames = controller.members().mid(0, 2);
        controller.createGroup({ QStringLiteral("Weekend cover"), { shift } });
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(cachedWhenAnswered, QList<bool> { false });
        QTRY_VERIFY_WITH_TIMEOUT(labels().contains(QLatin1String("Weekend cover")), 10000);
        QVERIFY(directory.hasRotationGroups(otherTeam));
        for (const QList<QVariant>& read : std::as_const(groupsRead))
            QCOMPARE(read.at(0).toString(), team);

        QTRY_VERIFY_WITH_TIMEOUT(!controller.isLoading(), 10000);
        qint64 created = 0;
        for (const TeamRotation& group : controller.rotations()) {
            if (group.label == QLatin1String("Weekend cover"))
                created = group.groupId;
        }
        QVERIFY(created > 0);
        controller.deleteGroup(created);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 10000);
        QVERIFY(finished.last().at(0).toBool());
        QCOMPARE(cachedWhenAnswered, (QList<bool> { false, false }));
        QTRY_VERIFY_WITH_TIMEOUT(
            directory.hasRotationGroups(team) && !labels().contains(QLatin1String("Weekend cover")),
            10000);
    }

    void aRefusedWriteMarksTheKeyReadOnly()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("ro-key") };
        RotationsController* loaded = loadedOnAdminTeam(options, QStringLiteral("ro-key"));
        QVERIFY(loaded);
        RotationsController& controller = *loaded;
        QVERIFY(controller.canWrite());
        QSignalSpy permissions(&controller, &RotationsController::permissionsChanged);
        const TeamRotation first = controller.rotations().first();
        controller.setScheduled(first.groupId, first.shifts.first().shiftId,
            first.shifts.first().members.first().username);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isWriting(), 10000);
        QVERIFY(!controller.canWrite());
        QVERIFY(controller.readOnlyReason().contains(QLatin1String("only read")));
        QVERIFY(!permissions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRotationsController)
#include "tst_rotationscontroller.moc"
