// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// EscalationPolicyModel and EscalationStepModel: a team's policies as a diff on refresh (no reset),
// a team switch as a reset; the steps and entries of a policy as a tree with each entry in words;
// TeamsController reading them, creating and deleting against an in-process rota-sim, seen in the
// simulator and in the re-read list; a read-only key's refused write is reported as such.

#include "escalationpolicymodel.h"
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

EscalationPolicyInfo info(const QString& slug, const QString& name, const QString& team)
{
    EscalationPolicyInfo i;
    i.policySlug = slug;
    i.policyName = name;
    i.teamSlug = team;
    i.teamName = team.toUpper();
    return i;
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data().toString());
    return out;
}

EscalationPolicy samplePolicy()
{
    EscalationPolicy p;
    p.name = QStringLiteral("Ops");
    p.slug = QStringLiteral("pol-1");
    EscalationPolicyStep first;
    EscalationPolicyEntry rotation = EscalationPolicyEntry::rotationGroup(QStringLiteral("rtg-1"));
    rotation.rotationGroupLabel = QStringLiteral("Primary");
    first.entries.append(rotation);
    EscalationPolicyStep second;
    second.timeout = 90;
    EscalationPolicyEntry user = EscalationPolicyEntry::user(QStringLiteral("ada.l"));
    user.firstName = QStringLiteral("Ada");
    user.lastName = QStringLiteral("Lovelace");
    second.entries.append(user);
    second.entries.append(EscalationPolicyEntry::policyRouting(QStringLiteral("pol-2")));
    second.entries.append(EscalationPolicyEntry::email(QStringLiteral("ops@example.com")));
    p.steps = { first, second };
    return p;
}

} // namespace

class TestEscalationPolicyModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wordsForEntriesAndSteps()
    {
        QCOMPARE(describeEscalationTimeout(0), QStringLiteral("immediately"));
        QCOMPARE(describeEscalationTimeout(1), QStringLiteral("after 1 minute"));
        QCOMPARE(describeEscalationTimeout(15), QStringLiteral("after 15 minutes"));
        QCOMPARE(describeEscalationTimeout(120), QStringLiteral("after 2 hours"));
        QCOMPARE(describeEscalationTimeout(90), QStringLiteral("after 1 hour 30 minutes"));
        const EscalationPolicy p = samplePolicy();
        QCOMPARE(describeEscalationStep(0, p.steps.at(0)),
            QStringLiteral("Step 1 — immediately: page rotation 'Primary'"));
        const QHash<QString, QString> policies { { QStringLiteral("pol-2"),
            QStringLiteral("DB") } };
        QCOMPARE(describeEscalationStep(1, p.steps.at(1), policies),
            QStringLiteral("Step 2 — after 1 hour 30 minutes: page Ada Lovelace (ada.l), hand over "
                           "to policy 'DB', e-mail ops@example.com"));
        EscalationPolicyEntry webhook = EscalationPolicyEntry::webhook(QStringLiteral("wh-1"));
        webhook.webhookLabel = QStringLiteral("Status page");
        QCOMPARE(describeEscalationEntry(webhook), QStringLiteral("call webhook 'Status page'"));
        EscalationPolicyEntry next = EscalationPolicyEntry::rotationGroup(
            QStringLiteral("rtg-9"), EscalationEntryType::RotationGroupNext);
        QCOMPARE(describeEscalationEntry(next),
            QStringLiteral("page the next on call in rotation 'rtg-9'"));
        EscalationPolicyEntry odd;
        odd.executionType = QStringLiteral("carrier_pigeon");
        QVERIFY(describeEscalationEntry(odd).startsWith(QStringLiteral("carrier_pigeon")));
    }

    void policiesPerTeamAsADiff()
    {
        EscalationPolicyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<EscalationPolicyInfo> all { info(QStringLiteral("pol-b"), QStringLiteral("Web"),
                                                    QStringLiteral("t1")),
            info(QStringLiteral("pol-a"), QStringLiteral("Backup"), QStringLiteral("t1")),
            info(QStringLiteral("pol-c"), QStringLiteral("Data"), QStringLiteral("t2")) };
        model.setPolicies(all);
        QCOMPARE(names(model),
            (QStringList {
                QStringLiteral("Backup"), QStringLiteral("Data"), QStringLiteral("Web") }));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setTeam(QStringLiteral("t1")); // just the filter
        QCOMPARE(resets.count(), 1);
        QCOMPARE(names(model), (QStringList { QStringLiteral("Backup"), QStringLiteral("Web") }));
        QCOMPARE(model.policyNames().value(QStringLiteral("pol-c")), QStringLiteral("Data"));
        const QPersistentModelIndex web = model.index(1, 0);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Backup goes, "Alerting" arrives for t1, Web is renamed, t2 changes (not shown).
        model.setPolicies(
            { info(QStringLiteral("pol-b"), QStringLiteral("Web front"), QStringLiteral("t1")),
                info(QStringLiteral("pol-d"), QStringLiteral("Alerting"), QStringLiteral("t1")),
                info(QStringLiteral("pol-e"), QStringLiteral("More"), QStringLiteral("t2")) });
        QCOMPARE(resets.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(names(model),
            (QStringList { QStringLiteral("Alerting"), QStringLiteral("Web front") }));
        QVERIFY(web.isValid());
        QCOMPARE(web.data(EscalationPolicyModel::SlugRole).toString(), QStringLiteral("pol-b"));
        QCOMPARE(model.rowOf(QStringLiteral("pol-d")), 0);
        QCOMPARE(model.index(0, 0).data(EscalationPolicyModel::TeamSlugRole).toString(),
            QStringLiteral("t1"));
    }

    void stepsAsATree()
    {
        EscalationStepModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setPolicy(samplePolicy());
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0, 0);
        const QModelIndex second = model.index(1, 0);
        QCOMPARE(first.data().toString(), QStringLiteral("Step 1 — immediately"));
        QCOMPARE(second.data().toString(), QStringLiteral("Step 2 — after 1 hour 30 minutes"));
        QCOMPARE(second.data(EscalationStepModel::TimeoutRole).toInt(), 90);
        QCOMPARE(model.rowCount(first), 1);
        QCOMPARE(model.rowCount(second), 3);
        QCOMPARE(
            model.index(0, 0, first).data().toString(), QStringLiteral("page rotation 'Primary'"));
        QCOMPARE(model.index(0, 0, first).data(EscalationStepModel::EntryTypeRole).toString(),
            QStringLiteral("rotation_group"));
        QCOMPARE(model.index(0, 0, second).data(EscalationStepModel::TargetRole).toString(),
            QStringLiteral("ada.l"));
        QCOMPARE(model.parent(model.index(2, 0, second)), second);
        QCOMPARE(model.index(1, 0, second).data().toString(),
            QStringLiteral("hand over to policy 'pol-2'"));

        // Names for policy routing arrive later: the entry's words change in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPolicyNames({ { QStringLiteral("pol-2"), QStringLiteral("DB") } });
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(1, 0, second).data().toString(),
            QStringLiteral("hand over to policy 'DB'"));

        // Re-reading the same policy changes nothing; another one resets.
        model.setPolicy(samplePolicy());
        QCOMPARE(resets.count(), 1);
        EscalationPolicy other = samplePolicy();
        other.slug = QStringLiteral("pol-9");
        other.steps.removeLast();
        model.setPolicy(other);
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.summary(),
            QStringList { QStringLiteral("Step 1 — immediately: page rotation 'Primary'") });
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasPolicy());
    }

    void readsCreatesAndDeletesAgainstTheSimulator()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        auto& org = fx.ctx().org;
        // A team that has policies and a rotation.
        QString teamSlug;
        QString rotationSlug;
        for (const auto& rotation : org.rotations) {
            teamSlug = rotation.teamSlug;
            rotationSlug = rotation.slug;
            break;
        }
        QVERIFY(!teamSlug.isEmpty());

        TeamsModel teams;
        EscalationPolicyModel model;
        EscalationStepModel steps;
        TeamsController controller(fx.client.get(), &teams, &model, &steps);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&controller, &TeamsController::policiesRefreshed);
        controller.setTeam(teamSlug);
        QVERIFY(refreshed.wait(10000));
        int expected = 0;
        for (const auto& policy : org.policies)
            expected += policy.teamSlug == teamSlug ? 1 : 0;
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString slug = model.policyAt(row).policySlug;
            QCOMPARE(org.policies.value(slug).teamSlug, teamSlug);
            QCOMPARE(model.policyAt(row).policyName, org.policies.value(slug).name);
        }

        // The detail of one policy, as the simulator holds it.
        if (model.rowCount() > 0) {
            QAbstractItemModelTester stepTester(
                &steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy loaded(&controller, &TeamsController::policyLoaded);
            const QString slug = model.policyAt(0).policySlug;
            controller.loadPolicy(slug);
            QVERIFY(loaded.wait(10000));
            const auto simPolicy = org.policies.value(slug);
            QCOMPARE(steps.rowCount(), int(simPolicy.steps.size()));
            for (int s = 0; s < simPolicy.steps.size(); ++s) {
                QCOMPARE(steps.index(s, 0).data(EscalationStepModel::TimeoutRole).toInt(),
                    simPolicy.steps.at(s).timeout);
                QCOMPARE(
                    steps.rowCount(steps.index(s, 0)), int(simPolicy.steps.at(s).entries.size()));
            }
        }

        // Create: seen in the simulator and, after the re-read, in the model; no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        NewEscalationPolicy create;
        create.name = QStringLiteral("Rota test policy");
        create.teamSlug = teamSlug;
        EscalationPolicyStep step;
        step.entries = { EscalationPolicyEntry::rotationGroup(rotationSlug) };
        EscalationPolicyStep later;
        later.timeout = 10;
        later.entries = { EscalationPolicyEntry::user(fx.demoUser()) };
        create.steps = { step, later };
        QSignalSpy created(&controller, &TeamsController::policyCreated);
        controller.createPolicy(create);
        QVERIFY(controller.isWriting());
        QVERIFY(created.wait(10000));
        const EscalationPolicy made = created.first().first().value<EscalationPolicy>();
        QVERIFY(org.policies.contains(made.slug));
        QCOMPARE(org.policies.value(made.slug).steps.size(), 2);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(model.rowOf(made.slug) >= 0);
        QCOMPARE(model.rowCount(), expected + 1);

        // Delete: gone from both.
        QSignalSpy removed(&controller, &TeamsController::policyDeleted);
        controller.deletePolicy(made.slug);
        QVERIFY(removed.wait(10000));
        QVERIFY(!org.policies.contains(made.slug));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model.rowOf(made.slug), -1);
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(resets.count(), 0);
        QVERIFY(controller.readOnlyReason().isEmpty());

        // A bad request comes back in words.
        QSignalSpy failed(&controller, &TeamsController::writeFailed);
        NewEscalationPolicy empty;
        empty.name = QStringLiteral("No steps");
        empty.teamSlug = teamSlug;
        controller.createPolicy(empty);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().startsWith(
            QStringLiteral("Could not create 'No steps'")));
        QVERIFY(controller.readOnlyReason().isEmpty());
    }

    void readOnlyKeyIsNoticed()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { options.apiKey };
        SimFixture fx(options);
        QVERIFY2(fx.started, qPrintable(fx.startError));
        TeamsModel teams;
        EscalationPolicyModel model;
        EscalationStepModel steps;
        TeamsController controller(fx.client.get(), &teams, &model, &steps);
        QSignalSpy readOnly(&controller, &TeamsController::readOnlyChanged);
        QSignalSpy failed(&controller, &TeamsController::writeFailed);
        const QString slug = fx.ctx().org.policies.firstKey();
        controller.deletePolicy(slug);
        QVERIFY(failed.wait(10000));
        QCOMPARE(readOnly.count(), 1);
        QVERIFY(controller.readOnlyReason().contains(QStringLiteral("only read")));
        QVERIFY(fx.ctx().org.policies.contains(slug));
    }
};

QTEST_GUILESS_MAIN(TestEscalationPolicyModel)
#include "tst_escalationpolicymodel.moc"
