// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// PagingPolicyController against an in-process rota-sim over real HTTP.
//
// - The property test: for 300 seeds, a random starting policy on the server and a random
//   sequence of edits made through the model (its edit functions, undo/redo and drops) is saved;
//   the server's policy read back from the simulator then equals the editor's (the steps the API
//   cannot delete are left at the end, emptied). It runs the sim with enforceRateLimits=false and
//   raises the client's per-operation limits, because 300 saves in a few seconds are far beyond the
//   documented budgets; realisticSaveWithinLimits() checks the real limits separately.
// - A failure injected in the middle of a save loses nothing: the edits stay, the result lists
//   what did not apply, and a second save completes.
// - A policy changed on the server after loading is a conflict (keep mine / take theirs), but not
//   when the server already holds exactly the edits: then the save just finishes.
// - Plans are minimal for simple cases, and never send a rule twice within a step.
// - refresh() re-reads the server: without edits the model shows the server's policy (no reset);
//   with edits they are kept and a changed server policy is reported (take it, or keep the edits
//   on top of it); one read at a time.
// - A change of a save held back by the rate limit is listed in HeldCalls; cancelling it stops
//   the save there: nothing more is sent, the editor keeps every edit (still unsaved) over what
//   went through, and the result says what was already saved.

#include "heldcalls.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicymodel.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace rota;
using rota::test::SimFixture;

namespace {

const QList<int> kTimeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };

QList<PolicyStep> serverSteps(SimFixture& fixture, const QString& user)
{
    QList<PolicyStep> out;
    for (const sim::SimPagingStep& step : fixture.ctx().org.users.value(user).pagingPolicy) {
        PolicyStep converted;
        converted.timeout = step.timeout;
        for (const sim::SimPagingRule& rule : step.rules) {
            PagingRule r;
            r.notificationType = rule.notificationType;
            if (!rule.contactType.isEmpty())
                r.contact = { rule.contactId, rule.contactType };
            converted.rules.append(r);
        }
        out.append(converted);
    }
    return out;
}

void setServerSteps(SimFixture& fixture, const QString& user, const QList<PolicyStep>& steps)
{
    QList<sim::SimPagingStep> out;
    for (const PolicyStep& step : steps) {
        sim::SimPagingStep converted;
        converted.timeout = step.timeout;
        for (const PagingRule& rule : step.rules) {
            converted.rules.append(sim::SimPagingRule {
                rule.notificationType, rule.contact.type, static_cast<int>(rule.contact.id) });
        }
        out.append(converted);
    }
    fixture.ctx().org.users[user].pagingPolicy = out;
}

QString describe(const QList<PolicyStep>& steps)
{
    QStringList parts;
    for (const PolicyStep& step : steps) {
        QStringList rules;
        for (const PagingRule& rule : step.rules)
            rules.append(rule.notificationType + QLatin1Char(':') + rule.contact.type
                + QString::number(rule.contact.id));
        parts.append(QStringLiteral("%1[%2]").arg(step.timeout).arg(rules.join(QLatin1Char(','))));
    }
    return parts.join(QLatin1Char(' '));
}

//! What the server must hold after saving `edited` over a policy of `serverCount` steps: the
//! edited steps, then the surplus ones with no rules (the API cannot delete steps).
bool matches(const QList<PolicyStep>& server, const QList<PolicyStep>& edited)
{
    if (server.size() < edited.size())
        return false;
    for (qsizetype i = 0; i < server.size(); ++i) {
        if (i < edited.size() ? server.at(i) != edited.at(i) : !server.at(i).rules.isEmpty())
            return false;
    }
    return true;
}

//! The rules of a step with each one once (the first kept), compared without their indexes.
QList<PagingRule> once(const QList<PagingRule>& rules)
{
    QList<PagingRule> out;
    for (const PagingRule& rule : rules) {
        const bool seen = std::any_of(out.cbegin(), out.cend(), [&rule](const PagingRule& kept) {
            return kept.notificationType == rule.notificationType && kept.contact == rule.contact;
        });
        if (!seen)
            out.append(rule);
    }
    return out;
}

//! What a save of `edited` over `server` must write: the steps it leaves alone as they are, and
//! every step it writes with each rule once (a save never sends a rule twice within a step; a
//! repeat the server already had in a step the edits did not touch is not the save's business).
QList<PolicyStep> expectedWrite(const QList<PolicyStep>& server, const QList<PolicyStep>& edited)
{
    QList<PolicyStep> out = edited;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (i >= server.size() || server.at(i) != out.at(i))
            out[i].rules = once(out.at(i).rules);
    }
    return out;
}

class Rules {
public:
    QList<PagingRule> all;
    PagingRule pick(QRandomGenerator& rng) const { return all.at(rng.bounded(all.size())); }
};

Rules rulesFor(SimFixture& fixture, const QString& user)
{
    Rules rules;
    rules.all.append(PagingRule::push());
    const sim::SimUser& u = fixture.ctx().org.users[user];
    for (const sim::SimContactMethod& email : u.emails)
        rules.all.append(PagingRule::email(email.id));
    for (const sim::SimContactMethod& phone : u.phones) {
        rules.all.append(PagingRule::sms(phone.id));
        rules.all.append(PagingRule::phoneCall(phone.id));
    }
    for (PagingRule& rule : rules.all)
        rule.index = -1;
    return rules;
}

QList<PolicyStep> randomPolicy(QRandomGenerator& rng, const Rules& rules)
{
    QList<PolicyStep> steps;
    const int count = rng.bounded(5);
    for (int s = 0; s < count; ++s) {
        PolicyStep step;
        step.timeout = kTimeouts.at(rng.bounded(kTimeouts.size()));
        const int ruleCount = rng.bounded(4);
        for (int r = 0; r < ruleCount; ++r)
            step.rules.append(rules.pick(rng));
        steps.append(step);
    }
    return steps;
}

void randomEdit(PagingPolicyModel& model, QRandomGenerator& rng, const Rules& rules)
{
    const int steps = model.rowCount();
    const auto anyStep = [&] { return steps == 0 ? -1 : static_cast<int>(rng.bounded(steps)); };
    const auto rulesOf = [&](int step) { return model.rowCount(model.index(step, 0)); };
    switch (rng.bounded(11)) {
    case 0:
        model.addStep(rng.bounded(steps + 1), { kTimeouts.at(rng.bounded(kTimeouts.size())), {} });
        break;
    case 1:
        model.removeStep(anyStep());
        break;
    case 2:
        model.moveStep(anyStep(), anyStep());
        break;
    case 3:
        model.setTimeout(anyStep(), kTimeouts.at(rng.bounded(kTimeouts.size())));
        break;
    case 4:
    case 5: {
        const int step = anyStep();
        if (step >= 0)
            model.addRule(step, rng.bounded(rulesOf(step) + 1), rules.pick(rng));
        break;
    }
    case 6: {
        const int step = anyStep();
        if (step >= 0 && rulesOf(step) > 0)
            model.removeRule(step, rng.bounded(rulesOf(step)));
        break;
    }
    case 7: {
        const int from = anyStep();
        const int to = anyStep();
        if (from >= 0 && rulesOf(from) > 0)
            model.moveRule(from, rng.bounded(rulesOf(from)), to, rng.bounded(rulesOf(to) + 1));
        break;
    }
    case 8: {
        const int step = anyStep();
        if (step >= 0 && rulesOf(step) > 0)
            model.changeRule(step, rng.bounded(rulesOf(step)), rules.pick(rng));
        break;
    }
    case 9: {
        // A palette contact dropped through the model's drag-and-drop interface.
        const int step = anyStep();
        std::unique_ptr<QMimeData> data(PagingPolicyModel::contactMimeData(rules.pick(rng)));
        if (step >= 0)
            model.dropMimeData(data.get(), Qt::CopyAction, -1, 0, model.index(step, 0));
        else
            model.dropMimeData(data.get(), Qt::CopyAction, 0, 0, {});
        break;
    }
    case 10:
        if (rng.bounded(2) == 0)
            model.stack()->undo();
        else
            model.stack()->redo();
        break;
    }
}

void raiseLimits(ApiClient& client)
{
    const char* ops[] = { "GET /api-public/v1/profile/{username}/policies",
        "POST /api-public/v1/profile/{username}/policies",
        "GET /api-public/v1/profile/{username}/policies/{step}",
        "PUT /api-public/v1/profile/{username}/policies/{step}",
        "POST /api-public/v1/profile/{username}/policies/{step}",
        "GET /api-public/v1/profile/{username}/policies/{step}/{rule}",
        "PUT /api-public/v1/profile/{username}/policies/{step}/{rule}",
        "DELETE /api-public/v1/profile/{username}/policies/{step}/{rule}",
        "GET /api-public/v1/user/{user}/contact-methods",
        "GET /api-public/v1/policies/types/timeouts" };
    for (const char* op : ops)
        client.scheduler()->setLimit(QLatin1String(op), 1000000);
}

bool loadInto(PagingPolicyController& controller)
{
    QSignalSpy loaded(&controller, &PagingPolicyController::loaded);
    controller.load();
    return loaded.wait(10000) && loaded.first().at(0).toBool();
}

PagingSaveResult saveAndWait(PagingPolicyController& controller, bool* finished)
{
    QSignalSpy saved(&controller, &PagingPolicyController::saved);
    controller.save();
    *finished = saved.wait(20000);
    if (!*finished)
        return {};
    return saved.first().at(0).value<PagingSaveResult>();
}

sim::SimOptions unlimited()
{
    sim::SimOptions options;
    options.enforceRateLimits = false;
    return options;
}

} // namespace

class TestPagingPolicyController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<PagingSaveResult>();
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        const sim::SimUser& user = fixture.ctx().org.users[fixture.demoUser()];
        QVERIFY2(!user.emails.isEmpty(), "the demo user needs an e-mail contact");
    }

    void planMinimal()
    {
        const PolicyStep a { 5, { PagingRule::push() } };
        PagingRule mail = PagingRule::email(7);
        mail.index = -1;
        PagingRule sms = PagingRule::sms(9);
        sms.index = -1;
        PagingRule pushRule = PagingRule::push();
        pushRule.index = -1;
        const PolicyStep b { 10, { mail } };
        const PolicyStep c { 15, { sms } };
        const QList<PolicyStep> server { PolicyStep { 5, { pushRule } }, b, c };

        // Nothing changed: no call.
        QCOMPARE(PagingPolicyController::plan(server, server).size(), 0);
        // One rule added: one POST of that rule.
        QList<PolicyStep> edited = server;
        edited[1].rules.append(sms);
        auto plan = PagingPolicyController::plan(server, edited);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::CreateRule);
        QCOMPARE(plan.first().step, 1);
        QCOMPARE(plan.first().ruleContent, sms);
        // One rule removed: one DELETE at its place.
        edited = server;
        edited[0].rules.clear();
        plan = PagingPolicyController::plan(server, edited);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::DeleteRule);
        QCOMPARE(plan.first().rule, 0);
        // A timeout: one PUT of the step.
        edited = server;
        edited[2].timeout = 30;
        plan = PagingPolicyController::plan(server, edited);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::UpdateStep);
        QCOMPARE(plan.first().content.timeout, 30);
        // Two steps swapped: two PUTs, the third untouched.
        edited = server;
        edited.swapItemsAt(0, 1);
        plan = PagingPolicyController::plan(server, edited);
        QCOMPARE(plan.size(), 2);
        QCOMPARE(plan.at(0).step, 0);
        QCOMPARE(plan.at(1).step, 1);
        // A step added: one POST with its rules.
        edited = server;
        edited.append(PolicyStep { 1, { mail, sms } });
        plan = PagingPolicyController::plan(server, edited);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::CreateStep);
        QCOMPARE(plan.first().content.rules.size(), 2);
        // The middle step removed: step 3 moves up (PUT step 2) and step 3 is emptied (PUT), with
        // a note in words.
        edited = server;
        edited.removeAt(1);
        QStringList notes;
        plan = PagingPolicyController::plan(server, edited, &notes);
        QCOMPARE(plan.size(), 2);
        QCOMPARE(plan.at(0).step, 1);
        QCOMPARE(plan.at(0).content, c);
        QCOMPARE(plan.at(1).step, 2);
        QVERIFY(plan.at(1).content.rules.isEmpty());
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().contains(QStringLiteral("cannot delete steps")),
            qPrintable(notes.first()));
    }

    void oneRuleAddedIsOneCall()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        raiseLimits(*fixture.client);
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(model.rowCount() > 0);
        // A rule step 1 does not have yet (a step pages each contact method once).
        const Rules rules = rulesFor(fixture, fixture.demoUser());
        const auto fresh = std::find_if(rules.all.cbegin(), rules.all.cend(),
            [&model](const PagingRule& rule) { return model.findRule(0, rule) < 0; });
        QVERIFY(fresh != rules.all.cend());
        QVERIFY(model.addRule(0, -1, *fresh));
        QSignalSpy progress(&controller, &PagingPolicyController::progress);
        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 1);
        QCOMPARE(progress.last().at(1).toInt(), 1);
        QCOMPARE(result.applied.size(), 1);
        QVERIFY(!model.isDirty());
        QCOMPARE(serverSteps(fixture, fixture.demoUser()), model.steps());
    }

    void randomEditsReachTheServer()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        raiseLimits(*fixture.client);
        const QString user = fixture.demoUser();
        const Rules rules = rulesFor(fixture, user);
        PagingPolicyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PagingPolicyController controller(fixture.client.get(), &model);
        int totalCalls = 0;
        for (quint32 seed = 1; seed <= 300; ++seed) {
            QRandomGenerator rng(seed);
            const QList<PolicyStep> initial = randomPolicy(rng, rules);
            setServerSteps(fixture, user, initial);
            QVERIFY(loadInto(controller));
            QCOMPARE(model.steps(), initial);
            const int edits = 1 + rng.bounded(12);
            for (int e = 0; e < edits; ++e)
                randomEdit(model, rng, rules);
            const QList<PolicyStep> edited = model.steps();
            bool finished = false;
            const PagingSaveResult result = saveAndWait(controller, &finished);
            QVERIFY2(finished, qPrintable(QStringLiteral("seed %1: no answer").arg(seed)));
            QVERIFY2(
                result.ok, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(result.message)));
            totalCalls += static_cast<int>(result.applied.size());
            const QList<PolicyStep> server = serverSteps(fixture, user);
            QVERIFY2(matches(server, expectedWrite(initial, edited)),
                qPrintable(QStringLiteral("seed %1\n initial %2\n edited  %3\n server  %4")
                               .arg(seed)
                               .arg(describe(initial), describe(edited), describe(server))));
            // No step the save wrote holds a rule twice.
            for (qsizetype i = 0; i < server.size(); ++i) {
                if (i >= initial.size() || server.at(i) != initial.at(i))
                    QVERIFY2(once(server.at(i).rules).size() == server.at(i).rules.size(),
                        qPrintable(QStringLiteral("seed %1: step %2 written with a repeat: %3")
                                       .arg(seed)
                                       .arg(i + 1)
                                       .arg(describe(server))));
            }
            // The editor now shows the server's policy and has nothing left to save.
            QCOMPARE(model.steps(), server);
            QVERIFY(!model.isDirty());
        }
        QVERIFY(totalCalls > 300); // the edits were not all no-ops
    }

    void failureInTheMiddleLosesNothing()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        raiseLimits(*fixture.client);
        const QString user = fixture.demoUser();
        const Rules rules = rulesFor(fixture, user);
        PagingRule push = PagingRule::push();
        push.index = -1;
        const PagingRule mail = rules.all.at(1);
        setServerSteps(fixture, user,
            { PolicyStep { 5, { push } }, PolicyStep { 10, { mail } },
                PolicyStep { 15, { push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        // Four calls: timeout of step 1, a rule on step 2, a rewrite of step 3, a new step 4.
        QVERIFY(model.setTimeout(0, 1));
        QVERIFY(model.addRule(1, -1, push));
        QVERIFY(model.setTimeout(2, 30));
        QVERIFY(model.addRule(2, 0, mail));
        QVERIFY(model.addStep(-1, PolicyStep { 60, { mail } }));
        const QList<PolicyStep> edited = model.steps();

        // The third write (PUT step 3, index 2) fails with an answer that is not retried.
        sim::FaultRule fault;
        fault.kind = sim::FaultKind::Error;
        fault.status = 400;
        fault.remaining = 1;
        fault.method = "PUT";
        fault.pathPrefix = QStringLiteral("/api-public/v1/profile/%1/policies/2").arg(user);
        fixture.server->service().faults().add(fault);

        bool finished = false;
        PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY(!result.ok);
        QCOMPARE(result.applied.size(), 2);
        QCOMPARE(result.notApplied.size(), 2);
        QVERIFY2(
            result.message.contains(QStringLiteral("change 3 of 4")), qPrintable(result.message));
        QVERIFY2(result.notApplied.first().startsWith(QStringLiteral("Step 3")),
            qPrintable(result.notApplied.first()));
        // Nothing lost: the editor still shows every edit, still unsaved, now over the server's
        // new state (the first two changes are there).
        QCOMPARE(model.steps(), edited);
        QVERIFY(model.isDirty());
        QCOMPARE(model.base(), serverSteps(fixture, user));
        QCOMPARE(model.base().at(0).timeout, 1);
        QCOMPARE(model.base().at(1).rules.size(), 2);
        QCOMPARE(model.base().at(2).timeout, 15);

        // The second save sends only what is missing and completes.
        result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.applied.size(), 2);
        QCOMPARE(serverSteps(fixture, user), edited);
        QVERIFY(!model.isDirty());
    }

    void heldChangeCancelledStopsTheSaveAndKeepsTheEdits()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        fixture.ctx().options.throttleStatus = 429; // with Retry-After: 60
        raiseLimits(*fixture.client);
        HeldCalls* held = HeldCalls::of(fixture.client.get());
        const QString user = fixture.demoUser();
        const Rules rules = rulesFor(fixture, user);
        PagingRule push = PagingRule::push();
        push.index = -1;
        const PagingRule mail = rules.all.at(1);
        setServerSteps(fixture, user,
            { PolicyStep { 5, { push } }, PolicyStep { 10, { mail } },
                PolicyStep { 15, { push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));

        // A first save whose rewrite of step 3 is answered as throttled: that operation is held
        // back in the client for a minute.
        QVERIFY(model.addRule(1, -1, push));
        QVERIFY(model.setTimeout(2, 30));
        QVERIFY(model.addRule(2, 0, mail));
        sim::FaultRule fault;
        fault.kind = sim::FaultKind::Throttle;
        fault.remaining = 1;
        fault.method = "PUT";
        fault.pathPrefix = QStringLiteral("/api-public/v1/profile/%1/policies/2").arg(user);
        fixture.server->service().faults().add(fault);
        bool finished = false;
        PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY(!result.ok);
        QCOMPARE(result.applied.size(), 1);

        // Another edit, and a second save: its first change goes through, the rewrite of step 3
        // waits and is listed.
        QVERIFY(model.addRule(0, -1, mail));
        const QList<PolicyStep> edited = model.steps();
        QSignalSpy saved(&controller, &PagingPolicyController::saved);
        QSignalSpy progress(&controller, &PagingPolicyController::progress);
        const quint64 throttled = fixture.server->service().throttledAnswers();
        controller.save();
        QVERIFY(QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000));
        const HeldCalls::Call call = held->calls().constFirst();
        QVERIFY2(call.what.startsWith(
                     QStringLiteral("Save the paging policy, change 2 of 2 (Step 3: rewrite")),
            qPrintable(call.what));
        QCOMPARE(controller.state(), PagingPolicyController::State::Applying);
        QCOMPARE(serverSteps(fixture, user).at(0).rules.size(), 2); // change 1 is in
        QCOMPARE(saved.count(), 0);

        QVERIFY(held->cancel(call.id));
        QCOMPARE(saved.count(), 1);
        result = saved.first().at(0).value<PagingSaveResult>();
        QVERIFY(!result.ok);
        QVERIFY2(result.message.startsWith(QStringLiteral(
                     "Saving the paging policy was cancelled at change 2 of 2; nothing more was "
                     "sent. Already saved: Step 1: add ")),
            qPrintable(result.message));
        QCOMPARE(result.applied.size(), 1);
        QCOMPARE(result.notApplied.size(), 1);
        QVERIFY(result.notApplied.first().startsWith(QStringLiteral("Step 3")));
        QCOMPARE(controller.state(), PagingPolicyController::State::Idle);
        QVERIFY(!controller.isBusy());
        // Every edit is still in the editor, unsaved, over what the server has now.
        QCOMPARE(model.steps(), edited);
        QVERIFY(model.isDirty());
        QCOMPARE(model.base(), serverSteps(fixture, user));
        QVERIFY(held->calls().isEmpty());
        // Nothing more reached the server.
        QTest::qWait(200);
        QCOMPARE(fixture.server->service().throttledAnswers(), throttled);
        QCOMPARE(serverSteps(fixture, user).at(2), (PolicyStep { 15, { push } }));
        QCOMPARE(fixture.client->scheduler()->queued(), 0);

        // A save cancelled before any change went through says nothing was sent.
        saved.clear();
        controller.save();
        QVERIFY(QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000));
        QCOMPARE(held->calls().constFirst().what.left(36),
            QStringLiteral("Save the paging policy (Step 3: rewr"));
        QVERIFY(held->cancel(held->calls().constFirst().id));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(0).value<PagingSaveResult>().message,
            QStringLiteral("Saving the paging policy was cancelled; nothing was sent. Your edits "
                           "are kept as unsaved edits."));
        QCOMPARE(model.steps(), edited);
        QVERIFY(model.isDirty());
    }

    void conflictKeepMineAndTakeTheirs()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        raiseLimits(*fixture.client);
        const QString user = fixture.demoUser();
        PagingRule push = PagingRule::push();
        push.index = -1;
        setServerSteps(fixture, user, { PolicyStep { 5, { push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(model.setTimeout(0, 20));

        // Someone else adds a step meanwhile.
        const QList<PolicyStep> theirs { PolicyStep { 5, { push } }, PolicyStep { 10, { push } } };
        setServerSteps(fixture, user, theirs);
        QSignalSpy conflict(&controller, &PagingPolicyController::conflict);
        QSignalSpy saved(&controller, &PagingPolicyController::saved);
        controller.save();
        QVERIFY(conflict.wait(10000));
        QCOMPARE(controller.state(), PagingPolicyController::State::Conflict);
        QCOMPARE(conflict.first().at(0).value<QList<PolicyStep>>(), theirs);
        QCOMPARE(conflict.first().at(1).value<QList<PolicyStep>>().first().timeout, 20);
        QVERIFY(saved.isEmpty());
        QCOMPARE(serverSteps(fixture, user), theirs); // nothing written yet

        controller.keepMine();
        QVERIFY(saved.wait(10000));
        QVERIFY(saved.first().at(0).value<PagingSaveResult>().ok);
        // Mine had one step: the server's second step is emptied, mine is step 1.
        const QList<PolicyStep> after = serverSteps(fixture, user);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.at(0).timeout, 20);
        QVERIFY(after.at(1).rules.isEmpty());

        // Take theirs: the edits go, the editor shows the server's policy.
        QVERIFY(model.setTimeout(0, 45));
        setServerSteps(fixture, user, theirs);
        saved.clear();
        conflict.clear();
        controller.save();
        QVERIFY(conflict.wait(10000));
        controller.takeTheirs();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(model.steps(), theirs);
        QVERIFY(!model.isDirty());
        QCOMPARE(serverSteps(fixture, user), theirs);
    }

    void noConflictWhenTheServerHasTheEdits()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        PagingRule push = PagingRule::push();
        push.index = -1;
        setServerSteps(fixture, user, { PolicyStep { 5, { push } }, PolicyStep { 10, { push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        // Someone made the same change meanwhile: there is nothing to choose between.
        QVERIFY(model.setTimeout(1, 30));
        setServerSteps(fixture, user, model.steps());
        QSignalSpy conflict(&controller, &PagingPolicyController::conflict);
        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY(conflict.isEmpty());
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(result.applied.isEmpty());
        QVERIFY(!model.isDirty());
        QCOMPARE(model.base(), serverSteps(fixture, user));
        QCOMPARE(controller.state(), PagingPolicyController::State::Idle);
    }

    void planSendsNoRepeat()
    {
        PagingRule push = PagingRule::push();
        push.index = -1;
        PagingRule mail = PagingRule::email(7);
        mail.index = -1;
        const QList<PolicyStep> server { PolicyStep { 5, { push } } };
        // A repeat alone is no change to send.
        QCOMPARE(
            PagingPolicyController::plan(server, { PolicyStep { 5, { push, push } } }).size(), 0);
        // A step that is written goes with each rule once, and the notes say so.
        QStringList notes;
        auto plan = PagingPolicyController::plan(
            server, { PolicyStep { 10, { push, mail, push } } }, &notes);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::UpdateStep);
        QCOMPARE(plan.first().content.rules, (QList<PagingRule> { push, mail }));
        QCOMPARE(notes.size(), 1);
        plan = PagingPolicyController::plan(
            server, { PolicyStep { 5, { push } }, PolicyStep { 1, { mail, mail } } });
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::CreateStep);
        QCOMPARE(plan.first().content.rules, QList<PagingRule> { mail });
        plan = PagingPolicyController::plan(server, { PolicyStep { 5, { push, mail, mail } } });
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().kind, PagingPlanCall::Kind::CreateRule);
        QCOMPARE(plan.first().ruleContent, mail);

        // End to end: a repeat already on the server goes when the user's edit rewrites its step.
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        setServerSteps(fixture, user, { PolicyStep { 5, { push, push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QCOMPARE(model.steps().first().rules.size(), 2); // shown as the server has it
        QVERIFY(model.setTimeout(0, 10));
        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(serverSteps(fixture, user), (QList<PolicyStep> { PolicyStep { 10, { push } } }));
        QCOMPARE(model.steps(), serverSteps(fixture, user));
        QVERIFY(!model.isDirty());
    }

    void refreshWithoutEditsShowsTheServer()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        PagingRule push = PagingRule::push();
        push.index = -1;
        setServerSteps(fixture, user, { PolicyStep { 5, { push } } });
        PagingPolicyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(controller.msSinceLastRead() >= 0);
        const QList<PolicyStep> theirs { PolicyStep { 20, { push } }, PolicyStep { 10, { push } } };
        setServerSteps(fixture, user, theirs);
        QSignalSpy refreshed(&controller, &PagingPolicyController::refreshed);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(controller.refresh());
        QCOMPARE(controller.state(), PagingPolicyController::State::Refreshing);
        QVERIFY(!controller.isBusy()); // editing goes on meanwhile
        QVERIFY(refreshed.wait(10000));
        QVERIFY(refreshed.first().at(0).toBool());
        QVERIFY(refreshed.first().at(1).toBool()); // changed
        QCOMPARE(model.steps(), theirs);
        QVERIFY(!model.isDirty());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(controller.state(), PagingPolicyController::State::Idle);
        // Again, with nothing new: nothing changes.
        QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
        refreshed.clear();
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!refreshed.first().at(1).toBool());
        QCOMPARE(data.size(), 0);
        QVERIFY(!controller.hasServerChange());
    }

    void refreshKeepsTheEdits()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        const Rules rules = rulesFor(fixture, user);
        PagingRule push = PagingRule::push();
        push.index = -1;
        const PagingRule mail = rules.all.at(1);
        const QList<PolicyStep> start { PolicyStep { 5, { push } }, PolicyStep { 10, { push } } };
        setServerSteps(fixture, user, start);
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(model.addRule(0, -1, mail));
        const QList<PolicyStep> mine = model.steps();

        // The server's unchanged: the edits stay, nothing to report.
        QSignalSpy refreshed(&controller, &PagingPolicyController::refreshed);
        QSignalSpy changed(&controller, &PagingPolicyController::serverChanged);
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(changed.isEmpty());
        QCOMPARE(model.steps(), mine);

        // Someone changes step 2: the edits stay, the change is reported in words.
        QList<PolicyStep> theirs = start;
        theirs[1].timeout = 60;
        setServerSteps(fixture, user, theirs);
        refreshed.clear();
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QList<PolicyStep>>(), theirs);
        QCOMPARE(changed.first().at(1).value<QList<PolicyStep>>(), mine);
        QVERIFY(controller.hasServerChange());
        QCOMPARE(controller.serverSteps(), theirs);
        const QString message = refreshed.first().at(2).toString();
        QVERIFY2(message.contains(QStringLiteral("changed")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("kept")), qPrintable(message));
        QCOMPARE(model.steps(), mine);
        QVERIFY(model.isDirty());
        QCOMPARE(model.base(), start); // a save still asks first

        // Take the server's: the edits go.
        controller.takeServerPolicy();
        QCOMPARE(model.steps(), theirs);
        QVERIFY(!model.isDirty());
        QVERIFY(!controller.hasServerChange());

        // Keep mine on top of it: the next save writes them without asking again.
        QVERIFY(model.addRule(0, -1, mail));
        theirs[0].timeout = 45;
        setServerSteps(fixture, user, theirs);
        refreshed.clear();
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(controller.hasServerChange());
        controller.adoptServerBase();
        QVERIFY(!controller.hasServerChange());
        QCOMPARE(model.base(), theirs);
        QSignalSpy conflict(&controller, &PagingPolicyController::conflict);
        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(conflict.isEmpty());
        QCOMPARE(serverSteps(fixture, user), model.steps());
        QCOMPARE(serverSteps(fixture, user).at(0).rules.size(), 2);

        // The server has exactly the edits: nothing is left unsaved.
        QVERIFY(model.setTimeout(1, 1));
        setServerSteps(fixture, user, model.steps());
        refreshed.clear();
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!model.isDirty());
        QVERIFY(!controller.hasServerChange());
    }

    void undoingEveryEditShowsTheNewerServerPolicy()
    {
        SimFixture fixture(unlimited());
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        PagingRule push = PagingRule::push();
        push.index = -1;
        setServerSteps(fixture, user, { PolicyStep { 5, { push } } });
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(model.setTimeout(0, 30));
        const QList<PolicyStep> theirs { PolicyStep { 15, { push } } };
        setServerSteps(fixture, user, theirs);
        QSignalSpy refreshed(&controller, &PagingPolicyController::refreshed);
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(controller.hasServerChange());
        // With no edit left there is nothing to keep: the server's policy is shown.
        model.stack()->undo();
        QTRY_COMPARE(model.steps(), theirs);
        QVERIFY(!controller.hasServerChange());
        QVERIFY(!model.isDirty());
        // Discard does the same: back to the newest policy read, not the one first loaded.
        QVERIFY(model.setTimeout(0, 30));
        setServerSteps(fixture, user, { PolicyStep { 60, { push } } });
        refreshed.clear();
        QVERIFY(controller.refresh());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(controller.hasServerChange());
        controller.discardEdits();
        QCOMPARE(model.steps().first().timeout, 60);
        QVERIFY(!model.isDirty());
    }

    void oneReadAtATime()
    {
        SimFixture fixture;
        QVERIFY(fixture.started);
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        int reads = 0;
        QObject::connect(&fixture.network, &QNetworkAccessManager::finished, &controller,
            [&reads](QNetworkReply* reply) {
                const bool get = reply->operation() == QNetworkAccessManager::GetOperation
                    || reply->request()
                            .attribute(QNetworkRequest::CustomVerbAttribute)
                            .toByteArray()
                        == "GET";
                if (get && reply->url().path().endsWith(QLatin1String("/policies")))
                    ++reads;
            });
        QSignalSpy refreshed(&controller, &PagingPolicyController::refreshed);
        // Ten presses of F5 in a row are one read.
        int started = 0;
        for (int i = 0; i < 10; ++i)
            started += controller.refresh() ? 1 : 0;
        QCOMPARE(started, 1);
        QVERIFY(refreshed.wait(10000));
        QTest::qWait(100);
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(reads, 1);
        // A save started while a re-read is under way decides for itself; the re-read's answer
        // is dropped.
        QVERIFY(model.setTimeout(0, model.steps().first().timeout == 1 ? 5 : 1));
        refreshed.clear();
        QVERIFY(controller.refresh());
        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QTest::qWait(100);
        QCOMPARE(refreshed.size(), 0);
        QCOMPARE(fixture.server->service().throttledAnswers(), quint64(0));
    }

    void realisticSaveWithinLimits()
    {
        SimFixture fixture; // documented limits enforced, 403 when over
        QVERIFY(fixture.started);
        const QString user = fixture.demoUser();
        const Rules rules = rulesFor(fixture, user);
        PagingPolicyModel model;
        PagingPolicyController controller(fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        // A busy editing session: eight new steps, rules moved around, a timeout changed.
        for (int i = 0; i < 8; ++i)
            QVERIFY(model.addStep(-1, PolicyStep { 10, { rules.all.at(i % rules.all.size()) } }));
        QVERIFY(model.moveStep(model.rowCount() - 1, 0));
        QVERIFY(model.setTimeout(1, 30));
        bool finished = false;
        PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        // And a second save right away, then a reload: still no throttled answer.
        QVERIFY(model.removeStep(0));
        result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(loadInto(controller));
        QCOMPARE(fixture.server->service().throttledAnswers(), quint64(0));
        QVERIFY(matches(serverSteps(fixture, user), model.steps()));
    }
};

QTEST_GUILESS_MAIN(TestPagingPolicyController)
#include "tst_pagingpolicycontroller.moc"
