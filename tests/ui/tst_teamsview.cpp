// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// TeamsView against an in-process rota-sim, driven through its widgets: the team list matches the
// simulator (and the search narrows it); a team's members and admins and a policy's steps are
// shown in words; a policy created through the dialog lands in the simulator and is read back into
// the view; deleting it (confirmed) removes it from both; a read-only key's refused write disables
// creating and deleting with the reason; a failed read is shown in words; F5 against a slow server
// says at once that it is reading, until the answer is in.
//
// Membership: users dropped (as the drag's QMimeData, through the views' drop handling) onto a
// team of the team list or onto the member list are added at once and on the server afterwards,
// the drop target highlighted while over it; someone already in the team is refused in words
// before anything is sent; "Add to team" from the keyboard (filter, Return, Ctrl+Enter); Delete on
// a member asks who takes over the shifts, says what removing does, and removes on confirming
// (Cancel sends nothing). "Page…" on a team asks for its policies, on a policy for that policy.

#include "escalationpolicydialog.h"
#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "persondelegate.h"
#include "plaintext.h"
#include "simfixture.h"
#include "simservice.h"
#include "teammemberdropview.h"
#include "teammemberremovedialog.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "teamsview.h"
#include "userpicklist.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace rota;
using rota::test::SimFixture;

namespace {

// The team and policy of the seeded org with the most steps (and a rotation in its team).
struct Pick {
    QString team;
    QString policy;
};

Pick richestPolicy(SimFixture& fx)
{
    Pick pick;
    qsizetype steps = -1;
    for (const auto& policy : fx.ctx().org.policies) {
        if (policy.steps.size() > steps) {
            steps = policy.steps.size();
            pick = { policy.teamSlug, policy.slug };
        }
    }
    return pick;
}

// Users of the org who are not in `teamSlug`, as many as asked (fewer when the org has fewer).
QStringList outsiders(SimFixture& fx, const QString& teamSlug, int count)
{
    QStringList out;
    const auto team = fx.ctx().org.teams.value(teamSlug);
    for (const auto& user : fx.ctx().org.users) {
        if (!team.members.contains(user.username) && out.size() < count)
            out.append(user.username);
    }
    return out;
}

// Drags `data` over `view` to `pos` (viewport coordinates) and, when `drop`, drops it there, as
// the desktop's drag and drop does: enter, move, then drop or leave. Returns whether the last
// move was accepted.
bool dragOver(TeamMemberDropView* view, const QMimeData* data, const QPoint& pos, bool drop)
{
    QWidget* viewport = view->viewport();
    QDragEnterEvent enter(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    const bool accepted = move.isAccepted();
    if (drop) {
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropEvent);
    }
    return accepted;
}

QStringList rowTexts(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QStringList out;
    for (int row = 0; row < model->rowCount(parent); ++row)
        out.append(model->index(row, 0, parent).data().toString());
    return out;
}

} // namespace

class TestTeamsView : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> m_fx;
    // What the Workspace builds for the view: its models, the controller, the org directory.
    std::unique_ptr<OrgDirectory> m_directory;
    std::unique_ptr<TeamsModel> m_teams;
    std::unique_ptr<EscalationPolicyModel> m_policies;
    std::unique_ptr<EscalationStepModel> m_steps;
    std::unique_ptr<TeamsController> m_controller;
    std::unique_ptr<TeamsView> m_view;

    bool loadView()
    {
        m_directory = std::make_unique<OrgDirectory>(m_fx->client.get());
        m_teams = std::make_unique<TeamsModel>();
        m_policies = std::make_unique<EscalationPolicyModel>();
        m_steps = std::make_unique<EscalationStepModel>();
        m_controller = std::make_unique<TeamsController>(
            m_fx->client.get(), m_teams.get(), m_policies.get(), m_steps.get());
        m_controller->setDirectory(m_directory.get());
        m_view = std::make_unique<TeamsView>(
            m_teams.get(), m_policies.get(), m_steps.get(), m_controller.get(), m_directory.get());
        m_view->resize(1100, 700);
        m_view->show();
        QSignalSpy teams(m_controller.get(), &TeamsController::teamsRefreshed);
        m_view->refresh();
        return teams.wait(10000);
    }

    //! Selects the team by clicking its row, and waits until the policy list is read.
    bool clickTeam(const QString& slug)
    {
        auto* list = m_view->findChild<QTreeView*>(QStringLiteral("teamList"));
        const QAbstractItemModel* model = list->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(TeamsModel::SlugRole).toString() != slug)
                continue;
            // The view lays its rows out later (a busy machine may not have yet): wait for it.
            const QModelIndex index = model->index(row, 0);
            list->scrollTo(index);
            if (!QTest::qWaitFor([&] { return list->visualRect(index).isValid(); }, 5000))
                return false;
            QSignalSpy policies(m_controller.get(), &TeamsController::policiesRefreshed);
            QTest::mouseClick(
                list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
            if (m_view->currentTeam() != slug)
                return false;
            // The policy list is read for the team: by this click, or by the read already on its
            // way when the team was chosen first (then it may have landed before the click).
            return QTest::qWaitFor(
                       [&] { return !policies.isEmpty() || !m_controller->isLoadingPolicies(); },
                       10000)
                && m_policies->rowCount() > 0;
        }
        return false;
    }

    //! Selects the team and waits until its members are read.
    bool showTeam(const QString& slug)
    {
        if (!m_view->selectTeam(slug))
            return false;
        return QTest::qWaitFor([&] { return !m_controller->isLoadingRoster(); }, 10000)
            && m_controller->rosterTeam() == slug;
    }

    //! The team's row in the team list, laid out.
    QModelIndex teamRow(const QString& slug)
    {
        TeamMemberDropView* list = m_view->teamListView();
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(TeamsModel::SlugRole).toString() == slug) {
                list->scrollTo(index);
                const bool laidOut
                    = QTest::qWaitFor([&] { return list->visualRect(index).isValid(); }, 5000);
                return laidOut ? index : QModelIndex();
            }
        }
        return {};
    }

    bool clickPolicy(const QString& slug)
    {
        auto* list = m_view->findChild<QListView*>(QStringLiteral("policyList"));
        const int row = m_view->policyModel()->rowOf(slug);
        if (row < 0)
            return false;
        if (m_view->shownPolicy() == slug)
            return true;
        QSignalSpy shown(m_view.get(), &TeamsView::policyShown);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
            list->visualRect(list->model()->index(row, 0)).center());
        return m_view->shownPolicy() == slug || shown.wait(10000);
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SimFixture>();
        QVERIFY2(m_fx->started, qPrintable(m_fx->startError));
    }

    void cleanup()
    {
        m_view.reset();
        m_controller.reset();
        m_steps.reset();
        m_policies.reset();
        m_teams.reset();
        m_directory.reset();
        m_fx.reset();
    }

    void teamListMatchesTheSimulator()
    {
        QVERIFY(loadView());
        auto* list = m_view->findChild<QTreeView*>(QStringLiteral("teamList"));
        QVERIFY(list);
        QAbstractItemModelTester tester(
            list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto& teams = m_fx->ctx().org.teams;
        QCOMPARE(list->model()->rowCount(), int(teams.size()));
        QStringList expected;
        for (const auto& team : teams)
            expected.append(team.name);
        std::sort(expected.begin(), expected.end(), [](const QString& a, const QString& b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(rowTexts(list->model()), expected);
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QString slug = list->model()->index(row, 0).data(TeamsModel::SlugRole).toString();
            QCOMPARE(list->model()->index(row, TeamsModel::MembersColumn).data().toInt(),
                int(teams.value(slug).members.size()));
        }
        // The first team is chosen by itself; its members are listed, its admins marked.
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        const auto team = teams.value(m_view->currentTeam());
        auto* members = m_view->findChild<QTreeView*>(QStringLiteral("teamMembers"));
        QTRY_COMPARE(members->model()->rowCount(), int(team.members.size()));
        QStringList adminNames;
        for (int row = 0; row < members->model()->rowCount(); ++row) {
            const QString username
                = members->model()->index(row, 0).data(TeamMembersModel::UsernameRole).toString();
            QVERIFY(team.members.contains(username));
            if (members->model()->index(row, TeamMembersModel::RoleColumn).data().toString()
                == QLatin1String("admin"))
                adminNames.append(username);
        }
        QStringList expectedAdmins = team.admins;
        expectedAdmins.sort();
        adminNames.sort();
        QCOMPARE(adminNames, expectedAdmins);
        QVERIFY(
            m_view->findChild<QLabel*>(QStringLiteral("teamTitle"))->text().startsWith(team.name));

        // Searching narrows the list to the teams whose names match.
        const QString wanted = expected.last();
        QTest::keyClicks(m_view->findChild<QLineEdit*>(QStringLiteral("teamSearch")), wanted);
        QVERIFY(list->model()->rowCount() >= 1);
        QVERIFY(list->model()->rowCount() < int(teams.size()));
        for (const QString& name : rowTexts(list->model()))
            QVERIFY(name.contains(wanted, Qt::CaseInsensitive));
    }

    void policyStepsAreShownInWords()
    {
        const Pick pick = richestPolicy(*m_fx);
        QVERIFY(!pick.policy.isEmpty());
        QVERIFY(loadView());
        QVERIFY(clickTeam(pick.team));
        auto* policies = m_view->findChild<QListView*>(QStringLiteral("policyList"));
        QStringList expectedNames;
        for (const auto& policy : m_fx->ctx().org.policies) {
            if (policy.teamSlug == pick.team)
                expectedNames.append(policy.name);
        }
        QStringList shownNames = rowTexts(policies->model());
        expectedNames.sort(Qt::CaseInsensitive);
        shownNames.sort(Qt::CaseInsensitive);
        QCOMPARE(shownNames, expectedNames);

        QVERIFY(clickPolicy(pick.policy));
        auto* tree = m_view->findChild<QTreeView*>(QStringLiteral("policySteps"));
        QVERIFY(tree->isVisible());
        const auto simPolicy = m_fx->ctx().org.policies.value(pick.policy);
        QCOMPARE(tree->model()->rowCount(), int(simPolicy.steps.size()));
        for (int s = 0; s < simPolicy.steps.size(); ++s) {
            const QModelIndex step = tree->model()->index(s, 0);
            QVERIFY(step.data().toString().startsWith(QStringLiteral("Step %1 — ").arg(s + 1)));
            if (simPolicy.steps.at(s).timeout == 0)
                QVERIFY(step.data().toString().endsWith(QStringLiteral("immediately")));
            QCOMPARE(tree->model()->rowCount(step), int(simPolicy.steps.at(s).entries.size()));
            for (int e = 0; e < simPolicy.steps.at(s).entries.size(); ++e) {
                const auto& entry = simPolicy.steps.at(s).entries.at(e);
                const QString text = tree->model()->index(e, 0, step).data().toString();
                if (entry.executionType == QLatin1String("rotation_group")) {
                    QCOMPARE(text,
                        QStringLiteral("page rotation '%1'")
                            .arg(m_fx->ctx().org.rotations.value(entry.target).label));
                } else if (entry.executionType == QLatin1String("user")) {
                    QVERIFY2(text.contains(entry.target), qPrintable(text));
                }
                // Each entry row is laid out (expanded) in the tree.
                QVERIFY(tree->visualRect(tree->model()->index(e, 0, step)).isValid());
            }
        }
        QVERIFY(m_view->findChild<QLabel*>(QStringLiteral("policyTitle"))
                    ->text()
                    .contains(simPolicy.name));
    }

    void createAndDeleteThroughTheDialog()
    {
        QVERIFY(loadView());
        // A team with a rotation group, so that both kinds of entries can be added.
        QString teamSlug;
        QString rotationSlug;
        QString rotationLabel;
        for (const auto& rotation : m_fx->ctx().org.rotations) {
            teamSlug = rotation.teamSlug;
            rotationSlug = rotation.slug;
            rotationLabel = rotation.label;
            break;
        }
        QVERIFY(!teamSlug.isEmpty());
        QVERIFY(clickTeam(teamSlug));
        const int before = m_view->policyModel()->rowCount();

        auto* newButton = m_view->findChild<QPushButton*>(QStringLiteral("newPolicy"));
        QVERIFY(newButton->isEnabled());
        QTest::mouseClick(newButton, Qt::LeftButton);
        auto* dialog = m_view->findChild<EscalationPolicyDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto* create = dialog->createButton();
        auto* problem = dialog->findChild<QLabel*>(QStringLiteral("policyProblem"));
        // Nothing filled in yet: Create is disabled, and the form says why.
        QVERIFY(!create->isEnabled());
        QCOMPARE(problem->text(), QStringLiteral("Give the policy a name."));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("policyName")),
            QStringLiteral("Rota dialog policy"));
        QVERIFY(!create->isEnabled());
        QVERIFY2(problem->text().startsWith(QStringLiteral("Step 1 pages nobody")),
            qPrintable(problem->text()));
        auto* team = dialog->findChild<QComboBox*>(QStringLiteral("policyTeam"));
        QCOMPARE(team->currentData().toString(), teamSlug);

        // Step 1: the rotation, at once.
        auto* kind = dialog->findChild<QComboBox*>(QStringLiteral("entryKind"));
        auto* target = dialog->findChild<QComboBox*>(QStringLiteral("entryTarget"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("rotation_group")));
        QTRY_VERIFY(target->findData(rotationSlug) >= 0);
        target->setCurrentIndex(target->findData(rotationSlug));
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("addEntry")), Qt::LeftButton);
        QVERIFY(create->isEnabled());
        QVERIFY(problem->text().isEmpty());

        // Step 2: the demo user, after 20 minutes.
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("addStep")), Qt::LeftButton);
        QVERIFY(!create->isEnabled());
        auto* timeout = dialog->findChild<QSpinBox*>(QStringLiteral("stepTimeout"));
        timeout->setValue(20);
        kind->setCurrentIndex(kind->findData(QStringLiteral("user")));
        const int userRow = target->findData(m_fx->demoUser());
        QVERIFY(userRow >= 0);
        target->setCurrentIndex(userRow);
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("addEntry")), Qt::LeftButton);
        QVERIFY(create->isEnabled());
        auto* steps = dialog->findChild<QTreeWidget*>(QStringLiteral("policySteps"));
        QCOMPARE(steps->topLevelItemCount(), 2);
        QCOMPARE(steps->topLevelItem(1)->text(0), QStringLiteral("Step 2 — after 20 minutes"));

        QSignalSpy created(m_view.get(), &TeamsView::policyCreated);
        QSignalSpy shown(m_view.get(), &TeamsView::policyShown);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(created.wait(10000));
        const QString slug = created.first().first().toString();

        // In the simulator, as the dialog described it.
        const auto& org = m_fx->ctx().org;
        QVERIFY(org.policies.contains(slug));
        const auto simPolicy = org.policies.value(slug);
        QCOMPARE(simPolicy.name, QStringLiteral("Rota dialog policy"));
        QCOMPARE(simPolicy.teamSlug, teamSlug);
        QCOMPARE(simPolicy.steps.size(), 2);
        QCOMPARE(simPolicy.steps.at(0).timeout, 0);
        QCOMPARE(simPolicy.steps.at(0).entries.at(0).target, rotationSlug);
        QCOMPARE(simPolicy.steps.at(1).timeout, 20);
        QCOMPARE(simPolicy.steps.at(1).entries.at(0).target, m_fx->demoUser());

        // Read back: listed, selected, and its steps shown as the server has them.
        QTRY_COMPARE_WITH_TIMEOUT(m_view->shownPolicy(), slug, 10000);
        QCOMPARE(m_view->policyModel()->rowCount(), before + 1);
        QCOMPARE(m_view->currentPolicy(), slug);
        auto* tree = m_view->findChild<QTreeView*>(QStringLiteral("policySteps"));
        QCOMPARE(rowTexts(tree->model()),
            (QStringList { QStringLiteral("Step 1 — immediately"),
                QStringLiteral("Step 2 — after 20 minutes") }));
        QCOMPARE(tree->model()->index(0, 0, tree->model()->index(0, 0)).data().toString(),
            QStringLiteral("page rotation '%1'").arg(rotationLabel));
        QVERIFY(tree->model()
                    ->index(0, 0, tree->model()->index(1, 0))
                    .data()
                    .toString()
                    .contains(m_fx->demoUser()));

        // Delete, confirmed: gone from the simulator and from the view.
        auto* deleteButton = m_view->findChild<QPushButton*>(QStringLiteral("deletePolicy"));
        QVERIFY(deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        auto* confirm = m_view->findChild<QMessageBox*>(QStringLiteral("confirmDeletePolicy"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("Rota dialog policy")));
        QSignalSpy deleted(m_view.get(), &TeamsView::policyDeleted);
        QSignalSpy refreshed(m_controller.get(), &TeamsController::policiesRefreshed);
        QTest::mouseClick(
            confirm->findChild<QPushButton*>(QStringLiteral("confirmDelete")), Qt::LeftButton);
        QVERIFY(deleted.wait(10000));
        QCOMPARE(deleted.first().first().toString(), slug);
        QVERIFY(!org.policies.contains(slug));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(m_view->policyModel()->rowOf(slug), -1);
        QCOMPARE(m_view->policyModel()->rowCount(), before);
        QVERIFY(!m_view->findChild<QLabel*>(QStringLiteral("teamsError"))->isVisible());
    }

    void cancellingTheDeleteKeepsThePolicy()
    {
        const Pick pick = richestPolicy(*m_fx);
        QVERIFY(loadView());
        QVERIFY(clickTeam(pick.team));
        QVERIFY(clickPolicy(pick.policy));
        QTest::mouseClick(
            m_view->findChild<QPushButton*>(QStringLiteral("deletePolicy")), Qt::LeftButton);
        auto* confirm = m_view->findChild<QMessageBox*>(QStringLiteral("confirmDeletePolicy"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
        QTest::qWait(200);
        QVERIFY(m_fx->ctx().org.policies.contains(pick.policy));
        QVERIFY(m_view->policyModel()->rowOf(pick.policy) >= 0);
    }

    void readOnlyKeyDisablesTheActionsWithTheReason()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { options.apiKey };
        m_fx = std::make_unique<SimFixture>(options);
        QVERIFY2(m_fx->started, qPrintable(m_fx->startError));
        const Pick pick = richestPolicy(*m_fx);
        QVERIFY(loadView());
        QVERIFY(clickTeam(pick.team));
        QVERIFY(clickPolicy(pick.policy));
        auto* newButton = m_view->findChild<QPushButton*>(QStringLiteral("newPolicy"));
        auto* deleteButton = m_view->findChild<QPushButton*>(QStringLiteral("deletePolicy"));
        auto* notice = m_view->findChild<QLabel*>(QStringLiteral("teamsReadOnly"));
        QVERIFY(deleteButton->isEnabled());
        QVERIFY(!notice->isVisible());

        // The first write is refused with 403: both actions go grey and say why.
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        auto* confirm = m_view->findChild<QMessageBox*>(QStringLiteral("confirmDeletePolicy"));
        QVERIFY(confirm);
        QTest::mouseClick(
            confirm->findChild<QPushButton*>(QStringLiteral("confirmDelete")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
        QVERIFY(!m_view->controller()->isWriting());
        QVERIFY(!deleteButton->isEnabled());
        QVERIFY(!newButton->isEnabled());
        QVERIFY2(
            notice->text().contains(QStringLiteral("may only read")), qPrintable(notice->text()));
        QCOMPARE(deleteButton->toolTip(), plainToolTip(notice->text()));
        QCOMPARE(newButton->toolTip(), plainToolTip(notice->text()));
        auto* error = m_view->findChild<QLabel*>(QStringLiteral("teamsError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("Could not delete")),
            qPrintable(error->text()));
        QVERIFY(m_fx->ctx().org.policies.contains(pick.policy));

        // A click on the disabled button opens nothing.
        QTest::mouseClick(newButton, Qt::LeftButton);
        QVERIFY(!m_view->findChild<EscalationPolicyDialog*>());
    }

    void readOnlyKeyUndoesADroppedMemberAndStopsDrops()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { options.apiKey };
        m_fx = std::make_unique<SimFixture>(options);
        QVERIFY2(m_fx->started, qPrintable(m_fx->startError));
        QVERIFY(loadView());
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        const QString slug = m_view->currentTeam();
        QVERIFY(showTeam(slug));
        const QString newcomer = outsiders(*m_fx, slug, 1).value(0);
        const int before = m_controller->memberModel()->rowCount();
        TeamMemberDropView* members = m_view->memberView();
        const std::unique_ptr<QMimeData> data(usernamesMimeData({ newcomer }));
        const QPoint middle = members->viewport()->rect().center();

        // Shown at once, refused with 403, undone; the view says why and takes no more drops.
        QVERIFY(dragOver(members, data.get(), middle, true));
        QCOMPARE(m_controller->memberModel()->rowCount(), before + 1);
        auto* notice = m_view->findChild<QLabel*>(QStringLiteral("teamsReadOnly"));
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
        QTRY_COMPARE(m_controller->memberModel()->rowCount(), before);
        auto* error = m_view->findChild<QLabel*>(QStringLiteral("teamsError"));
        QVERIFY2(
            error->text().startsWith(QStringLiteral("Could not add ")), qPrintable(error->text()));
        QVERIFY(!m_fx->ctx().org.teams.value(slug).members.contains(newcomer));
        QVERIFY(!members->dropsEnabled());
        QVERIFY(!dragOver(members, data.get(), middle, false));
        QVERIFY(!m_view->teamListView()->dropsEnabled());
        QVERIFY(!m_view->findChild<QPushButton*>(QStringLiteral("removeMember"))->isEnabled());
        QVERIFY(!m_view->findChild<QPushButton*>(QStringLiteral("addMembers"))->isEnabled());
    }

    void readOnlyReasonGivenUpFront()
    {
        QVERIFY(loadView());
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        m_view->setReadOnlyReason(QStringLiteral("Read-only key"));
        auto* newButton = m_view->findChild<QPushButton*>(QStringLiteral("newPolicy"));
        QVERIFY(!newButton->isEnabled());
        QCOMPARE(newButton->toolTip(), plainToolTip(QStringLiteral("Read-only key")));
        m_view->setReadOnlyReason(QString());
        QVERIFY(newButton->isEnabled());
    }

    void refreshKeySaysAtOnceThatItIsReading()
    {
        QVERIFY(loadView());
        auto* busy = m_view->findChild<QLabel*>(QStringLiteral("teamsBusyText"));
        auto* refresh = m_view->findChild<QPushButton*>(QStringLiteral("teamsRefresh"));
        QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 10000);
        QVERIFY(refresh->isEnabled());

        const auto problem = m_fx->server->service().faults().parse(
            QStringLiteral("slow,ms=8000,method=GET,path=/api-public/v1/team"));
        QVERIFY(!problem);
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        auto* list = m_view->findChild<QTreeView*>(QStringLiteral("teamList"));
        list->setFocus();
        QSignalSpy teams(m_controller.get(), &TeamsController::teamsRefreshed);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(list, Qt::Key_F5);
        // At once: the busy line says what is read, and Refresh waits for it.
        QVERIFY(busy->isVisible());
        QCOMPARE(busy->text(), QStringLiteral("Reading teams…"));
        QVERIFY(!refresh->isEnabled());
        QTest::qWait(1000);
        QVERIFY(busy->isVisible());
        QVERIFY(teams.wait(15000));
        QVERIFY(clock.elapsed() >= 7500);
        QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 15000);
        QVERIFY(refresh->isEnabled());
    }

    void failedReadIsShownInWords()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("error,status=404,path=/api-public/v1/policies");
        m_fx = std::make_unique<SimFixture>(options);
        QVERIFY2(m_fx->started, qPrintable(m_fx->startError));
        QVERIFY(loadView());
        auto* error = m_view->findChild<QLabel*>(QStringLiteral("teamsError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY2(error->text().startsWith(QStringLiteral("Could not read the escalation policies")),
            qPrintable(error->text()));
        // The teams themselves were read.
        QCOMPARE(m_view->teamsModel()->rowCount(), int(m_fx->ctx().org.teams.size()));
    }

    // Members and the people to add look as people do everywhere: an avatar before the name.
    void peopleHaveAvatars()
    {
        QVERIFY(loadView());
        QTRY_VERIFY(m_view->memberView()->model()->rowCount() > 0);
        m_view->setUserPanelVisible(true);
        auto* pick = m_view->userPanel()->findChild<QListView*>(QStringLiteral("userList"));
        QVERIFY(pick);
        QTRY_VERIFY(pick->model()->rowCount() > 0);
        for (QAbstractItemView* view : { static_cast<QAbstractItemView*>(m_view->memberView()),
                 static_cast<QAbstractItemView*>(pick) }) {
            const QModelIndex name = view->model()->index(0, 0);
            QStyleOptionViewItem option;
            option.initFrom(view);
            QVERIFY(qobject_cast<PersonDelegate*>(view->itemDelegate()));
            QVERIFY2(view->itemDelegate()->sizeHint(option, name).width()
                    > QStyledItemDelegate().sizeHint(option, name).width(),
                qPrintable(view->objectName()));
        }
    }

    void dropOntoATeamAddsEachUser()
    {
        QVERIFY(loadView());
        // The current team and another one, to drop onto in the list.
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        QString target;
        for (const auto& team : m_fx->ctx().org.teams) {
            if (team.slug != m_view->currentTeam() && outsiders(*m_fx, team.slug, 2).size() == 2)
                target = team.slug;
        }
        QVERIFY(!target.isEmpty());
        const QStringList users = outsiders(*m_fx, target, 2);
        const QModelIndex row = teamRow(target);
        QVERIFY(row.isValid());
        TeamMemberDropView* list = m_view->teamListView();
        const QPoint pos = list->visualRect(row).center();
        const int before = m_teams->teamAt(m_teams->rowOf(target)).memberCount;
        const std::unique_ptr<QMimeData> data(usernamesMimeData(users));

        // Over the team: it lights up; leaving puts the highlight out.
        QVERIFY(dragOver(list, data.get(), pos, false));
        QVERIFY(list->isDropHighlighted());
        QCOMPARE(list->highlightedRow().data(TeamsModel::SlugRole).toString(), target);
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(list->viewport(), &leave);
        QVERIFY(!list->isDropHighlighted());

        // Dropped: each is added, the count follows at once, the server has both afterwards.
        QVERIFY(dragOver(list, data.get(), pos, true));
        QVERIFY(!list->isDropHighlighted());
        QCOMPARE(m_view->currentTeam(), target);
        QCOMPARE(m_teams->teamAt(m_teams->rowOf(target)).memberCount, before + 2);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isWriting(), 10000);
        const auto& members = m_fx->ctx().org.teams.value(target).members;
        QVERIFY(members.contains(users.at(0)));
        QVERIFY(members.contains(users.at(1)));
        QTRY_COMPARE(m_view->memberView()->model()->rowCount(), int(members.size()));
        QVERIFY(!m_view->findChild<QLabel*>(QStringLiteral("teamsError"))->isVisible());
        // The title counts them too.
        QVERIFY2(m_view->findChild<QLabel*>(QStringLiteral("teamTitle"))
                     ->text()
                     .endsWith(QStringLiteral(" · %1 members").arg(members.size())),
            qPrintable(m_view->findChild<QLabel*>(QStringLiteral("teamTitle"))->text()));
    }

    void aMemberAlreadyInTheTeamIsRefusedInWords()
    {
        QVERIFY(loadView());
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        const QString slug = m_view->currentTeam();
        QVERIFY(showTeam(slug));
        const auto team = m_fx->ctx().org.teams.value(slug);
        const QString member = team.members.first();
        const auto user = m_fx->ctx().org.users.value(member);
        const QString name = QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed();
        TeamMemberDropView* members = m_view->memberView();
        auto* error = m_view->findChild<QLabel*>(QStringLiteral("teamsError"));

        // Over the member list: refused while dragging, said in words, nothing lights up.
        const std::unique_ptr<QMimeData> again(usernamesMimeData({ member }));
        const QPoint middle = members->viewport()->rect().center();
        QVERIFY(!dragOver(members, again.get(), middle, true));
        QVERIFY(!members->isDropHighlighted());
        QVERIFY(error->isVisible());
        QCOMPARE(
            error->text(), QStringLiteral("%1 is already a member of %2.").arg(name, team.name));
        QVERIFY(!m_controller->isWriting());
        QCOMPARE(m_fx->ctx().org.teams.value(slug).members, team.members);

        // With someone new: the newcomer is added, the member refused in words.
        const QString newcomer = outsiders(*m_fx, slug, 1).value(0);
        QVERIFY(!newcomer.isEmpty());
        const std::unique_ptr<QMimeData> both(usernamesMimeData({ member, newcomer }));
        QVERIFY(dragOver(members, both.get(), middle, false));
        QVERIFY(members->isDropHighlighted());
        QVERIFY(dragOver(members, both.get(), middle, true));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("already a member")));
        QVERIFY(m_controller->isMember(newcomer));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fx->ctx().org.teams.value(slug).members.contains(newcomer), 10000);
        QCOMPARE(m_fx->ctx().org.teams.value(slug).members.count(member), 1);
    }

    void keyboardAddsTheSelectedUsers()
    {
        QVERIFY(loadView());
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        const QString slug = m_view->currentTeam();
        QVERIFY(showTeam(slug));
        const QString newcomer = outsiders(*m_fx, slug, 1).value(0);
        QVERIFY(!newcomer.isEmpty());
        const auto user = m_fx->ctx().org.users.value(newcomer);

        auto* addMembers = m_view->findChild<QPushButton*>(QStringLiteral("addMembers"));
        QVERIFY(!m_view->isUserPanelVisible());
        QTest::mouseClick(addMembers, Qt::LeftButton);
        QVERIFY(m_view->isUserPanelVisible());
        UserPickList* panel = m_view->userPanel();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_view->userModel()->rowCount(), int(m_fx->ctx().org.users.size()), 10000);
        // The team's members are marked in the panel.
        const QString member = m_fx->ctx().org.teams.value(slug).members.first();
        QVERIFY(m_view->userModel()->isMember(member));

        // Filter by the username, Return into the list, Ctrl+Enter adds.
        QTest::keyClicks(panel->filterEdit(), newcomer);
        QCOMPARE(panel->list()->model()->rowCount(), 1);
        QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
        QVERIFY(panel->list()->hasFocus());
        QCOMPARE(panel->selectedUsernames(), QStringList { newcomer });
        QSignalSpy added(m_controller.get(), &TeamsController::memberAdded);
        QTest::keyClick(panel->list(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_controller->isMember(newcomer));
        QVERIFY(added.wait(10000));
        QVERIFY(m_fx->ctx().org.teams.value(slug).members.contains(newcomer));
        QTRY_VERIFY(m_view->userModel()->isMember(newcomer));

        // Asked again: refused in words, nothing sent.
        QTest::keyClick(panel->list(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!m_controller->isWriting());
        auto* error = m_view->findChild<QLabel*>(QStringLiteral("teamsError"));
        QVERIFY(error->isVisible());
        QVERIFY2(
            error->text().startsWith(
                QStringLiteral("%1 is already a member")
                    .arg(QString(user.firstName + QLatin1Char(' ') + user.lastName).trimmed())),
            qPrintable(error->text()));
    }

    void removingAsksWhoTakesOverTheShifts()
    {
        QVERIFY(loadView());
        QString slug;
        for (const auto& team : m_fx->ctx().org.teams) {
            if (team.members.size() >= 3)
                slug = team.slug;
        }
        QVERIFY(!slug.isEmpty());
        QVERIFY(showTeam(slug));
        const auto team = m_fx->ctx().org.teams.value(slug);
        const QString leaving = team.members.first();
        QVERIFY(m_view->selectMember(leaving));
        TeamMemberDropView* members = m_view->memberView();
        members->setFocus();

        // Delete asks; Cancel sends nothing.
        QTest::keyClick(members, Qt::Key_Delete);
        auto* dialog
            = m_view->findChild<TeamMemberRemoveDialog*>(QStringLiteral("removeMemberDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto* choice = dialog->findChild<QComboBox*>(QStringLiteral("replacementChoice"));
        QCOMPARE(choice->count(), int(team.members.size()) - 1);
        QCOMPARE(choice->findData(leaving), -1);
        dialog->reject();
        QTRY_VERIFY(
            !m_view->findChild<TeamMemberRemoveDialog*>(QStringLiteral("removeMemberDialog")));
        QVERIFY(!m_controller->isWriting());
        QVERIFY(m_fx->ctx().org.teams.value(slug).members.contains(leaving));

        // Again, choosing the replacement: the consequence names both, and confirming removes.
        QVERIFY(m_view->selectMember(leaving));
        // The closed dialog was the active window: the view is again, as on a desktop.
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        members->setFocus();
        QTest::keyClick(members, Qt::Key_Delete);
        dialog = m_view->findChild<TeamMemberRemoveDialog*>(QStringLiteral("removeMemberDialog"));
        QVERIFY(dialog);
        const QString replacement = team.members.last();
        QVERIFY(dialog->setReplacement(replacement));
        const auto leavingUser = m_fx->ctx().org.users.value(leaving);
        const auto otherUser = m_fx->ctx().org.users.value(replacement);
        const QString consequence = dialog->consequence();
        QVERIFY2(
            consequence.startsWith(QStringLiteral("%1 %2 leaves %3. %4 %5")
                                       .arg(leavingUser.firstName, leavingUser.lastName, team.name,
                                           otherUser.firstName, otherUser.lastName)),
            qPrintable(consequence));
        QVERIFY(consequence.contains(QStringLiteral("takes over")));
        QSignalSpy removed(m_controller.get(), &TeamsController::memberRemoved);
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("confirmRemoveMember")), Qt::LeftButton);
        QCOMPARE(m_controller->memberModel()->rowOf(leaving), -1);
        QVERIFY(removed.wait(10000));
        QVERIFY(!m_fx->ctx().org.teams.value(slug).members.contains(leaving));
        QVERIFY(m_fx->ctx().org.teams.value(slug).members.contains(replacement));
    }

    void pageAsksForTheTeamsPoliciesOrOnePolicy()
    {
        const Pick pick = richestPolicy(*m_fx);
        QVERIFY(loadView());
        QVERIFY(clickTeam(pick.team));
        QSignalSpy page(m_view.get(), &TeamsView::pageRequested);

        QSet<QString> expected;
        for (const auto& policy : m_fx->ctx().org.policies) {
            if (policy.teamSlug == pick.team)
                expected.insert(policy.slug);
        }
        const auto slugsOf = [](const QVariant& value) {
            QSet<QString> slugs;
            for (const IncidentTarget& target : value.value<QList<IncidentTarget>>()) {
                if (target.type == IncidentTarget::Type::EscalationPolicy)
                    slugs.insert(target.slug);
                else
                    slugs.insert(QStringLiteral("<user %1>").arg(target.slug));
            }
            return slugs;
        };
        // The team's button, and its shortcut in the team list.
        QTest::mouseClick(
            m_view->findChild<QPushButton*>(QStringLiteral("pageTeam")), Qt::LeftButton);
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), expected);
        m_view->teamListView()->setFocus();
        QTest::keyClick(m_view->teamListView(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), expected);
        // The team's context menu.
        std::unique_ptr<QMenu> menu(m_view->teamMenu(teamRow(pick.team), nullptr));
        QVERIFY(menu->actions().first()->isEnabled());
        menu->actions().first()->trigger();
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), expected);

        // One policy: its button, its shortcut, its context menu.
        QVERIFY(clickPolicy(pick.policy));
        QTest::mouseClick(
            m_view->findChild<QPushButton*>(QStringLiteral("pagePolicy")), Qt::LeftButton);
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), QSet<QString> { pick.policy });
        auto* policies = m_view->findChild<QListView*>(QStringLiteral("policyList"));
        policies->setFocus();
        QTest::keyClick(policies, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), QSet<QString> { pick.policy });
        menu.reset(m_view->policyMenu(nullptr));
        menu->actions().first()->trigger();
        QCOMPARE(page.count(), 1);
        QCOMPARE(slugsOf(page.takeFirst().first()), QSet<QString> { pick.policy });

        // A team without policies: nothing to page, said in words.
        QString bare;
        for (const auto& team : m_fx->ctx().org.teams) {
            bool has = false;
            for (const auto& policy : m_fx->ctx().org.policies)
                has = has || policy.teamSlug == team.slug;
            if (!has)
                bare = team.slug;
        }
        if (!bare.isEmpty()) {
            QVERIFY(m_view->teamTargets(bare).isEmpty());
            m_view->pageTeam(bare);
            QCOMPARE(page.count(), 0);
            QVERIFY(m_view->findChild<QLabel*>(QStringLiteral("teamsError"))
                        ->text()
                        .contains(QStringLiteral("no escalation policies")));
        }
    }
};

QTEST_MAIN(TestTeamsView)
#include "tst_teamsview.moc"
