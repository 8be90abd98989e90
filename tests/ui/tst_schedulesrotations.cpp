// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Schedules tab's rotation groups against an in-process rota-sim: a team's groups with their
// shifts and members; "Set scheduled…" changes who the simulator has on call and the timeline
// shows the new person (read back from the service); a new group appears, a deleted one goes; a
// failed write keeps the dialog open with its input and the reason; writes are off, with a
// sentence, for someone who is not the team's admin and for a read-only key.

#include "look.h"
#include "orgdirectory.h"
#include "rotations.h"
#include "rotationscontroller.h"
#include "rotationspanel.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "simfixture.h"
#include "simservice.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

namespace {

struct Schedules {
    Schedules(ApiClient* client, const QString& username)
        : directory(client)
        , controller(client, &model)
        , rotations(client, username)
        , view(&model, &controller, &directory, username)
    {
        view.setRotationsController(&rotations);
    }
    OrgDirectory directory;
    ScheduleModel model;
    ScheduleController controller;
    RotationsController rotations;
    SchedulesView view;
};

//! The first team (by slug) whose admins do (or do not) include `username`.
QString teamWhereAdmin(sim::SimContext& ctx, const QString& username, bool admin)
{
    for (const sim::SimTeam& team : std::as_const(ctx.org.teams)) {
        if (team.admins.contains(username) == admin && team.members.size() >= 3)
            return team.slug;
    }
    return {};
}

//! The tree's texts, depth first.
QStringList treeTexts(QTreeWidget* tree)
{
    QStringList texts;
    std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
        texts.append(item->text(0));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return texts;
}

} // namespace

class TestSchedulesRotations : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<Schedules> m_built;
    QString m_team;

    SimFixture& fixture() { return *m_fixture; }
    RotationsPanel* panel() { return m_built->view.rotationsPanel(); }

    //! The view on `team`, its groups read.
    void open(const QString& team)
    {
        m_team = team;
        m_built = std::make_unique<Schedules>(fixture().client.get(), fixture().demoUser());
        SchedulesView& view = m_built->view;
        view.resize(1200, 760);
        view.show();
        QSignalSpy loaded(&view, &SchedulesView::scheduleLoaded);
        view.start();
        QVERIFY(loaded.wait(10000));
        QSignalSpy changed(&m_built->rotations, &RotationsController::changed);
        view.selectTeam(team);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_built->rotations.team() == team && m_built->rotations.isLoaded(), 10000);
        QTRY_VERIFY(!m_built->model.rows().isEmpty() && m_built->model.row(0).teamSlug == team);
    }

    //! The team's seeded "Primary" rotation.
    sim::SimRotation primary()
    {
        for (const sim::SimRotation& r : std::as_const(fixture().ctx().org.rotations)) {
            if (r.teamSlug == m_team && r.label == QLatin1String("Primary"))
                return r;
        }
        return {};
    }

    //! Who the timeline's row of the rotation (step 0) names as on call now.
    QString timelineOnCallNow(const QString& rotationName)
    {
        for (const ScheduleRow& row : m_built->model.rows()) {
            if (row.kind == ScheduleRow::Kind::Rotation && row.step == 0
                && row.rotationName == rotationName)
                return row.onCallNow;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(fixture().started, qPrintable(fixture().startError));
        // Overrides and takes would hide the rotation's own person from the on-call answers.
        fixture().ctx().org.scheduledOverrides.clear();
        fixture().ctx().org.takeOverrides.clear();
    }

    void cleanup()
    {
        m_built.reset();
        m_fixture.reset();
    }

    void showsGroupsShiftsAndMembers()
    {
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        QTreeWidget* tree = panel()->tree();
        int groups = 0;
        for (const sim::SimRotation& r : std::as_const(fixture().ctx().org.rotations))
            groups += r.teamSlug == m_team ? 1 : 0;
        QCOMPARE(tree->topLevelItemCount(), groups);
        const sim::SimRotation rotation = primary();
        const QStringList texts = treeTexts(tree);
        QVERIFY(texts.contains(QStringLiteral("Primary")));
        const QString now = sim::rotationUserAt(rotation, fixture().ctx().now());
        const QString name = m_built->view.userNames().value(now, now);
        QTRY_VERIFY(treeTexts(tree).contains(name + QStringLiteral(" — on now")));
        QVERIFY(panel()->newGroupButton()->isEnabled());
        QVERIFY(!panel()->writeNote()->isVisible());
    }

    void setScheduledChangesWhoIsOnCall()
    {
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        const sim::SimRotation rotation = primary();
        const QString was = sim::rotationUserAt(rotation, fixture().ctx().now());
        QCOMPARE(timelineOnCallNow(QStringLiteral("Primary")), was);
        QString other;
        for (const QString& member : rotation.members) {
            if (member != was)
                other = member;
        }
        QVERIFY(panel()->select(rotation.groupId, rotation.shiftId));
        QVERIFY(panel()->setScheduledButton()->isEnabled());
        QPointer<SetScheduledDialog> dialog = panel()->openSetScheduled();
        QVERIFY(dialog);
        dialog->setUsername(other);
        QSignalSpy scheduleLoaded(&m_built->view, &SchedulesView::scheduleLoaded);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

        // The simulator has the new person on call for the rotation now ...
        const sim::SimRotation after = fixture().ctx().org.rotations.value(rotation.slug);
        QCOMPARE(sim::rotationUserAt(after, fixture().ctx().now()), other);
        bool onCall = false;
        for (const sim::SimPolicy& policy : std::as_const(fixture().ctx().org.policies)) {
            if (policy.teamSlug == m_team)
                onCall = onCall
                    || sim::policyOnCallAt(fixture().ctx(), policy.slug, fixture().ctx().now())
                           .contains(other);
        }
        QVERIFY(onCall);
        // ... and the timeline, read again from the service, shows them.
        QTRY_COMPARE_WITH_TIMEOUT(timelineOnCallNow(QStringLiteral("Primary")), other, 10000);
        const QString name = m_built->view.userNames().value(other, other);
        QTRY_VERIFY(treeTexts(panel()->tree()).contains(name + QStringLiteral(" — on now")));
        QCOMPARE(panel()->notice()->tone(), look::Tone::Success);
    }

    void theTimelinesShiftMenuOffersSetScheduled()
    {
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int row = -1;
        int shift = -1;
        for (int i = 0; i < m_built->model.rowCount() && row < 0; ++i) {
            const ScheduleRow& r = m_built->model.row(i);
            if (r.kind != ScheduleRow::Kind::Rotation || r.rotationName != QLatin1String("Primary"))
                continue;
            for (int j = 0; j < r.shifts.size(); ++j) {
                if (r.shifts.at(j).start <= now && now < r.shifts.at(j).end) {
                    row = i;
                    shift = j;
                }
            }
        }
        QVERIFY(row >= 0);
        QPointer<QMenu> menu = m_built->view.openShiftMenu(row, shift, QPoint(100, 100));
        QVERIFY(menu);
        auto* action = menu->findChild<QAction*>(QStringLiteral("setScheduledAction"));
        QVERIFY(action);
        QVERIFY2(action->isEnabled(), qPrintable(action->toolTip()));
        action->trigger();
        menu->close();
        auto* dialog = m_built->view.findChild<SetScheduledDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->memberCombo()->count(), primary().members.size());
        dialog->reject();
    }

    void createThenDeleteAGroup()
    {
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        const QStringList members = fixture().ctx().org.teams.value(m_team).members.mid(0, 2);
        QPointer<NewRotationGroupDialog> dialog = panel()->openNewGroup();
        QVERIFY(dialog);
        // Nothing checked: the dialog says what is missing and sends nothing.
        QTest::keyClicks(dialog->labelEdit(), QStringLiteral("Database primary"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY(!m_built->rotations.isWriting());
        dialog->zoneCombo()->setCurrentText(QStringLiteral("Europe/Madrid"));
        dialog->checkMembers(members);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);

        qint64 groupId = 0;
        for (const sim::SimRotation& r : std::as_const(fixture().ctx().org.rotations)) {
            if (r.teamSlug == m_team && r.label == QLatin1String("Database primary")) {
                groupId = r.groupId;
                QCOMPARE(r.members, members);
                QCOMPARE(r.timeZone, QStringLiteral("Europe/Madrid"));
            }
        }
        QVERIFY(groupId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_built->rotations.group(groupId) != nullptr, 10000);
        QTRY_VERIFY(treeTexts(panel()->tree()).contains(QStringLiteral("Database primary")));

        QVERIFY(panel()->select(groupId));
        QPointer<QMessageBox> box = panel()->openDeleteGroup();
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("Database primary")));
        QTest::mouseClick(
            box->findChild<QPushButton*>(QStringLiteral("confirmDelete")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_built->rotations.group(groupId) == nullptr, 10000);
        QVERIFY(!treeTexts(panel()->tree()).contains(QStringLiteral("Database primary")));
        for (const sim::SimRotation& r : std::as_const(fixture().ctx().org.rotations))
            QVERIFY(r.groupId != groupId);
    }

    void aFailedWriteKeepsTheDialogAndSaysWhy()
    {
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        const QStringList members = fixture().ctx().org.teams.value(m_team).members.mid(0, 2);
        QPointer<NewRotationGroupDialog> dialog = panel()->openNewGroup();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->labelEdit(), QStringLiteral("Weekend cover"));
        dialog->checkMembers(members);
        const int before = fixture().ctx().org.rotations.size();
        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,count=1,method=POST,path=/api-public/v1/teams/")));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || dialog->errorLabel()->isVisible(), 10000);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled());
        QCOMPARE(dialog->labelEdit()->text(), QStringLiteral("Weekend cover"));
        QCOMPARE(dialog->group().shifts.first().usernames, members);
        QVERIFY(!dialog->errorLabel()->text().isEmpty());
        QCOMPARE(fixture().ctx().org.rotations.size(), before);

        // The same input, sent again, works.
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000);
        QCOMPARE(fixture().ctx().org.rotations.size(), before + 1);

        // A set-scheduled the service refuses: the choice stays, with the reason.
        const sim::SimRotation rotation = primary();
        QVERIFY(panel()->select(rotation.groupId, rotation.shiftId));
        QPointer<SetScheduledDialog> set = panel()->openSetScheduled();
        QVERIFY(set);
        const QString chosen = set->username();
        // Every attempt fails (the client retries a PUT on a 503).
        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=503,method=PUT")));
        QTest::mouseClick(set->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!set || set->errorLabel()->isVisible(), 15000);
        QVERIFY(set);
        QCOMPARE(set->username(), chosen);
        QVERIFY(set->isVisible());
        QCOMPARE(sim::rotationUserAt(
                     fixture().ctx().org.rotations.value(rotation.slug), fixture().ctx().now()),
            sim::rotationUserAt(rotation, fixture().ctx().now()));
        fixture().server->service().faults().clear();
        set->reject();
    }

    void writesAreOffForSomeoneNotTheTeamsAdmin()
    {
        const QString team = teamWhereAdmin(fixture().ctx(), fixture().demoUser(), false);
        if (team.isEmpty())
            QSKIP("the seeded org makes the demo user an admin of every team");
        open(team);
        QVERIFY(!panel()->newGroupButton()->isEnabled());
        QVERIFY(!panel()->setScheduledButton()->isEnabled());
        QVERIFY(!panel()->deleteGroupButton()->isEnabled());
        QVERIFY(panel()->writeNote()->isVisible());
        QVERIFY(panel()->writeNote()->text().contains(QLatin1String("admins")));
        QVERIFY(panel()->openNewGroup() == nullptr);
    }

    void aReadOnlyKeyTurnsWritesOff()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only-key") };
        m_fixture = std::make_unique<SimFixture>(options);
        QVERIFY(fixture().started);
        fixture().client->setCredentials(
            { options.apiId, QStringLiteral("read-only-key"), fixture().demoUser() });
        open(teamWhereAdmin(fixture().ctx(), fixture().demoUser(), true));
        const sim::SimRotation rotation = primary();
        QVERIFY(panel()->select(rotation.groupId, rotation.shiftId));
        QPointer<SetScheduledDialog> set = panel()->openSetScheduled();
        QVERIFY(set);
        QTest::mouseClick(set->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!set || set->errorLabel()->isVisible(), 10000);
        QVERIFY(set);
        QTRY_VERIFY(panel()->writeNote()->isVisible());
        QVERIFY(panel()->writeNote()->text().contains(QLatin1String("only read")));
        QVERIFY(!panel()->newGroupButton()->isEnabled());
        set->reject();
    }
};

QTEST_MAIN(TestSchedulesRotations)
#include "tst_schedulesrotations.moc"
