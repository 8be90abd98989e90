// TeamsView against an in-process rota-sim, driven through its widgets: the team list matches the
// simulator (and the search narrows it); a team's members and admins and a policy's steps are
// shown in words; a policy created through the dialog lands in the simulator and is read back into
// the view; deleting it (confirmed) removes it from both; a read-only key's refused write disables
// creating and deleting with the reason; a failed read is shown in words; F5 against a slow server
// says at once that it is reading, until the answer is in.

#include "escalationpolicydialog.h"
#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "plaintext.h"
#include "simfixture.h"
#include "simservice.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "teamsview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
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
        // The first team is chosen by itself; its members and admins are listed.
        QTRY_VERIFY(!m_view->currentTeam().isEmpty());
        const auto team = teams.value(m_view->currentTeam());
        auto* members = m_view->findChild<QListWidget*>(QStringLiteral("teamMembers"));
        QTRY_COMPARE(members->count(), int(team.members.size()));
        for (int i = 0; i < members->count(); ++i)
            QVERIFY(team.members.contains(members->item(i)->data(Qt::UserRole).toString()));
        auto* admins = m_view->findChild<QListWidget*>(QStringLiteral("teamAdmins"));
        QStringList adminNames;
        for (int i = 0; i < admins->count(); ++i)
            adminNames.append(admins->item(i)->data(Qt::UserRole).toString());
        adminNames.removeAll(QString());
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
};

QTEST_MAIN(TestTeamsView)
#include "tst_teamsview.moc"
