// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// PagingPolicyModel without a network: the tree (steps → rules) under QAbstractItemModelTester,
// every edit with its undo and redo, merging, the dirty state, the MIME round trips of steps,
// rules and palette contacts, drops and moveRows; a step never gets a rule twice (add, move,
// change, drop: refused with a reason); showing the server's policy again is a routine refresh
// (no reset, nothing emitted when nothing changed).

#include "pagingpolicymodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace rota;

namespace {

PagingRule rule(const PagingRule& r)
{
    PagingRule out = r;
    out.index = -1;
    return out;
}

const PagingRule Push = rule(PagingRule::push());
const PagingRule Mail = rule(PagingRule::email(11));
const PagingRule Sms = rule(PagingRule::sms(22));
const PagingRule Call = rule(PagingRule::phoneCall(22));

PersonalPagingPolicy policy(const QList<PolicyStep>& steps)
{
    PersonalPagingPolicy out;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        PagingStep step = steps.at(i).toPagingStep();
        step.index = static_cast<int>(i);
        for (qsizetype r = 0; r < step.rules.size(); ++r)
            step.rules[r].index = static_cast<int>(r);
        out.steps.append(step);
    }
    return out;
}

// Three steps: [push, mail] 5 min, [sms] 10 min, [call] 15 min.
QList<PolicyStep> sample()
{
    return { PolicyStep { 5, { Push, Mail } }, PolicyStep { 10, { Sms } },
        PolicyStep { 15, { Call } } };
}

QString types(const PolicyStep& step)
{
    QStringList out;
    for (const PagingRule& r : step.rules)
        out.append(r.notificationType);
    return out.join(QLatin1Char(','));
}

} // namespace

class TestPagingPolicyModel : public QObject {
    Q_OBJECT

    std::unique_ptr<PagingPolicyModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

private Q_SLOTS:
    void init()
    {
        model = std::make_unique<PagingPolicyModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ContactMethods methods;
        ContactMethod work;
        work.id = 11;
        work.label = QStringLiteral("Work");
        work.value = QStringLiteral("maya@example.com");
        methods.emails.append(work);
        ContactMethod mobile;
        mobile.id = 22;
        mobile.label = QStringLiteral("Mobile");
        mobile.value = QStringLiteral("+1 555 0100");
        methods.phones.append(mobile);
        model->setContactMethods(methods);
        model->load(policy(sample()));
    }

    void cleanup()
    {
        tester.reset();
        model.reset();
    }

    void treeAndRoles()
    {
        QCOMPARE(model->rowCount(), 3);
        const QModelIndex step1 = model->index(0, 0);
        QCOMPARE(model->rowCount(step1), 2);
        QCOMPARE(step1.data(PagingPolicyModel::KindRole).value<PagingPolicyModel::Kind>(),
            PagingPolicyModel::Kind::Step);
        QCOMPARE(step1.data(PagingPolicyModel::TimeoutRole).toInt(), 5);
        QCOMPARE(step1.data(PagingPolicyModel::StepNumberRole).toInt(), 1);
        QCOMPARE(step1.data().toString(), QStringLiteral("then wait 5 minutes"));
        const QModelIndex mail = model->index(1, 0, step1);
        QCOMPARE(mail.parent(), step1);
        QCOMPARE(
            mail.data(PagingPolicyModel::NotificationTypeRole).toString(), QStringLiteral("email"));
        QCOMPARE(mail.data(PagingPolicyModel::ContactIdRole).toLongLong(), 11);
        QCOMPARE(mail.data(PagingPolicyModel::ContactLabelRole).toString(),
            QStringLiteral("Work (maya@example.com)"));
        QCOMPARE(mail.data().toString(), QStringLiteral("E-mail · Work (maya@example.com)"));
        QCOMPARE(model->index(0, 0, model->index(2, 0)).data(PagingPolicyModel::StepNumberRole),
            QVariant(3));
        QCOMPARE(model->index(0, 0, step1).data().toString(), QStringLiteral("Push · all devices"));
        QVERIFY(!model->isDirty());
        QCOMPARE(model->steps(), sample());
    }

    void editsUndoRedo_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("after"); // steps as "timeout:types|..."
        QTest::newRow("add rule") << 0 << "5:push,email,sms|10:sms|15:phone";
        QTest::newRow("remove rule") << 1 << "5:email|10:sms|15:phone";
        QTest::newRow("move rule within") << 2 << "5:email,push|10:sms|15:phone";
        QTest::newRow("move rule between") << 3 << "5:push|10:sms,email|15:phone";
        QTest::newRow("change rule") << 4 << "5:push,sms|10:sms|15:phone";
        QTest::newRow("add step") << 5 << "5:push,email|1:|10:sms|15:phone";
        QTest::newRow("remove step") << 6 << "5:push,email|15:phone";
        QTest::newRow("move step down") << 7 << "10:sms|15:phone|5:push,email";
        QTest::newRow("move step up") << 8 << "15:phone|5:push,email|10:sms";
        QTest::newRow("timeout") << 9 << "30:push,email|10:sms|15:phone";
    }

    void editsUndoRedo()
    {
        QFETCH(int, edit);
        QFETCH(QString, after);
        QSignalSpy dirty(model.get(), &PagingPolicyModel::dirtyChanged);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        bool done = false;
        switch (edit) {
        case 0:
            done = model->addRule(0, -1, Sms);
            break;
        case 1:
            done = model->removeRule(0, 0);
            break;
        case 2:
            done = model->moveRule(0, 0, 0, 1);
            break;
        case 3:
            done = model->moveRule(0, 1, 1, -1);
            break;
        case 4:
            done = model->changeRule(0, 1, Sms);
            break;
        case 5:
            done = model->addStep(1, PolicyStep { 1, {} });
            break;
        case 6:
            done = model->removeStep(1);
            break;
        case 7:
            done = model->moveStep(0, 2);
            break;
        case 8:
            done = model->moveStep(2, 0);
            break;
        case 9:
            done = model->setTimeout(0, 30);
            break;
        }
        QVERIFY(done);
        const auto render = [this] {
            QStringList parts;
            for (const PolicyStep& step : model->steps())
                parts.append(QString::number(step.timeout) + QLatin1Char(':') + types(step));
            return parts.join(QLatin1Char('|'));
        };
        QCOMPARE(render(), after);
        QVERIFY(model->isDirty());
        QCOMPARE(dirty.size(), 1);
        QCOMPARE(dirty.first().first().toBool(), true);
        QCOMPARE(model->stack()->count(), 1);
        QVERIFY(!model->stack()->undoText().isEmpty());

        model->stack()->undo();
        QCOMPARE(model->steps(), sample());
        QVERIFY(!model->isDirty());
        QCOMPARE(dirty.size(), 2);
        model->stack()->redo();
        QCOMPARE(render(), after);
        QVERIFY(model->isDirty());
        QCOMPARE(reset.size(), 0); // edits never reset the model
    }

    void invalidEditsAreRefused()
    {
        QVERIFY(!model->removeRule(0, 5));
        QVERIFY(!model->removeRule(7, 0));
        QVERIFY(!model->moveRule(0, 0, 0, 0));
        QVERIFY(!model->moveStep(1, 1));
        QVERIFY(!model->setTimeout(0, 5)); // unchanged
        QVERIFY(!model->changeRule(0, 0, Push)); // unchanged
        QCOMPARE(model->stack()->count(), 0);
    }

    void timeoutChangesMerge()
    {
        QVERIFY(model->setTimeout(1, 15));
        QVERIFY(model->setTimeout(1, 20));
        QVERIFY(model->setTimeout(1, 25));
        QCOMPARE(model->stack()->count(), 1);
        QCOMPARE(model->steps().at(1).timeout, 25);
        model->stack()->undo();
        QCOMPARE(model->steps().at(1).timeout, 10);
        // Another step's timeout is its own command.
        model->stack()->redo();
        QVERIFY(model->setTimeout(2, 1));
        QCOMPARE(model->stack()->count(), 2);
        // Changing back to where it started leaves nothing to undo for that step.
        QVERIFY(model->setTimeout(2, 15));
        QCOMPARE(model->stack()->count(), 1);
    }

    void discardAndRebase()
    {
        QVERIFY(model->addRule(1, 0, Push));
        QVERIFY(model->isDirty());
        model->discard();
        QCOMPARE(model->steps(), sample());
        QVERIFY(!model->isDirty());
        QCOMPARE(model->stack()->count(), 0);

        // Rebase keeps the edits and the history, with a new base.
        QVERIFY(model->addRule(1, 0, Push));
        QList<PolicyStep> server = sample();
        server[2].timeout = 60;
        model->rebase(policy(server));
        QCOMPARE(model->base(), server);
        QCOMPARE(model->steps().at(1).rules.size(), 2);
        QCOMPARE(model->steps().at(2).timeout, 15);
        QVERIFY(model->isDirty());
        QCOMPARE(model->stack()->count(), 1);

        // markSaved: the server's state shown, clean.
        model->markSaved(policy(model->steps()));
        QVERIFY(!model->isDirty());
    }

    void mimeRoundTrips()
    {
        QCOMPARE(model->mimeTypes(), QStringList { QLatin1String(PagingPolicyModel::MimeType) });
        std::unique_ptr<QMimeData> step(model->mimeData({ model->index(2, 0) }));
        QVERIFY(step->hasFormat(QLatin1String(PagingPolicyModel::MimeType)));
        auto item = model->dragItem(step.get());
        QCOMPARE(item.type, PagingPolicyModel::DragItem::Step);
        QCOMPARE(item.step, 2);

        std::unique_ptr<QMimeData> ruleData(
            model->mimeData({ model->index(1, 0, model->index(0, 0)) }));
        item = model->dragItem(ruleData.get());
        QCOMPARE(item.type, PagingPolicyModel::DragItem::Rule);
        QCOMPARE(item.step, 0);
        QCOMPARE(item.rule, 1);

        std::unique_ptr<QMimeData> contact(PagingPolicyModel::contactMimeData(Sms));
        item = model->dragItem(contact.get());
        QCOMPARE(item.type, PagingPolicyModel::DragItem::Contact);
        QCOMPARE(item.contact, Sms);

        // A step or rule from another model is not taken.
        PagingPolicyModel other;
        other.load(policy(sample()));
        QCOMPARE(other.dragItem(step.get()).type, PagingPolicyModel::DragItem::None);
        QCOMPARE(other.dragItem(contact.get()).type, PagingPolicyModel::DragItem::Contact);
        QVERIFY(!other.canDropMimeData(step.get(), Qt::MoveAction, 0, 0, {}));
        // Foreign data is refused.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QVERIFY(!model->canDropMimeData(&text, Qt::CopyAction, -1, 0, model->index(0, 0)));
    }

    void drops()
    {
        const QModelIndex step2 = model->index(1, 0);
        // A contact on a step, at a place.
        std::unique_ptr<QMimeData> contact(PagingPolicyModel::contactMimeData(Mail));
        QVERIFY(model->canDropMimeData(contact.get(), Qt::CopyAction, 0, 0, step2));
        QVERIFY(!model->canDropMimeData(contact.get(), Qt::IgnoreAction, 0, 0, step2));
        QVERIFY(model->dropMimeData(contact.get(), Qt::CopyAction, 0, 0, step2));
        QCOMPARE(types(model->steps().at(1)), QStringLiteral("email,sms"));
        // A contact on the root: a new step with it.
        QVERIFY(model->dropMimeData(contact.get(), Qt::CopyAction, 0, 0, {}));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(types(model->steps().at(0)), QStringLiteral("email"));
        model->stack()->undo();
        QCOMPARE(model->rowCount(), 3);
        // A rule onto another rule lands at that rule's place.
        std::unique_ptr<QMimeData> ruleData(
            model->mimeData({ model->index(0, 0, model->index(2, 0)) })); // call of step 3
        QVERIFY(model->dropMimeData(
            ruleData.get(), Qt::MoveAction, -1, 0, model->index(0, 0, model->index(0, 0))));
        QCOMPARE(types(model->steps().at(0)), QStringLiteral("phone,push,email"));
        QCOMPARE(model->steps().at(2).rules.size(), 0);
        // A rule cannot be dropped on the root; a step only on the root.
        std::unique_ptr<QMimeData> again(
            model->mimeData({ model->index(0, 0, model->index(0, 0)) }));
        QVERIFY(!model->canDropMimeData(again.get(), Qt::MoveAction, 0, 0, {}));
        std::unique_ptr<QMimeData> step(model->mimeData({ model->index(0, 0) }));
        QVERIFY(!model->canDropMimeData(step.get(), Qt::MoveAction, 0, 0, model->index(1, 0)));
        // A step dropped before row 3 (the end) moves it last.
        QVERIFY(model->dropMimeData(step.get(), Qt::MoveAction, 3, 0, {}));
        QCOMPARE(types(model->steps().at(2)), QStringLiteral("phone,push,email"));
        // Everything is undoable, back to the start.
        while (model->stack()->canUndo())
            model->stack()->undo();
        QCOMPARE(model->steps(), sample());
    }

    void moveRowsAndRemoveRows()
    {
        QSignalSpy moved(model.get(), &QAbstractItemModel::rowsMoved);
        // Steps: destinationChild counts before the move.
        QVERIFY(model->moveRows({}, 0, 1, {}, 2));
        QCOMPARE(model->steps().at(1).timeout, 5);
        QCOMPARE(moved.size(), 1);
        QVERIFY(!model->moveRows({}, 0, 2, {}, 3)); // one at a time
        // A rule between steps keeps a persistent index on it.
        const QPersistentModelIndex push = model->index(0, 0, model->index(1, 0));
        QCOMPARE(
            push.data(PagingPolicyModel::NotificationTypeRole).toString(), QStringLiteral("push"));
        QVERIFY(model->moveRows(model->index(1, 0), 0, 1, model->index(2, 0), 1));
        QVERIFY(push.isValid());
        QCOMPARE(push.parent().row(), 2);
        QCOMPARE(push.row(), 1);
        QCOMPARE(push.data(PagingPolicyModel::StepNumberRole).toInt(), 3);
        // removeRows: undoable as one step.
        const int count = model->stack()->count();
        QVERIFY(model->removeRows(0, 2, {}));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->stack()->count(), count + 1);
        model->stack()->undo();
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(!model->removeRows(0, 9, {}));
    }

    void flagsAndActions()
    {
        QVERIFY(model->flags({}) & Qt::ItemIsDropEnabled);
        QVERIFY(model->flags(model->index(0, 0)) & Qt::ItemIsDragEnabled);
        const Qt::ItemFlags ruleFlags = model->flags(model->index(0, 0, model->index(0, 0)));
        QVERIFY(ruleFlags & Qt::ItemIsDragEnabled);
        QVERIFY(ruleFlags & Qt::ItemNeverHasChildren);
        QVERIFY(model->supportedDropActions() & Qt::MoveAction);
        QVERIFY(model->supportedDropActions() & Qt::CopyAction);
        QCOMPARE(model->supportedDragActions(), Qt::DropActions(Qt::MoveAction));
    }

    void repeatsAreRefused()
    {
        QSignalSpy refused(model.get(), &PagingPolicyModel::editRefused);
        // Step 1 has push and the e-mail: adding the e-mail again is refused, in words.
        QCOMPARE(model->findRule(0, Mail), 1);
        QCOMPARE(model->findRule(0, Mail, 1), -1);
        QCOMPARE(model->findRule(1, Mail), -1);
        QVERIFY(!model->addRule(0, -1, Mail));
        QVERIFY(!model->addRule(0, 0, PagingRule::email(11))); // its index does not matter
        QCOMPARE(refused.size(), 2);
        const QString reason = refused.first().first().toString();
        QVERIFY2(reason.contains(QStringLiteral("Step 1")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("Work (maya@example.com)")), qPrintable(reason));
        QCOMPARE(model->steps(), sample());
        QCOMPARE(model->stack()->count(), 0);
        QVERIFY(!model->isDirty());
        // Another notification to the same phone is another rule: SMS and a call may share a step.
        QVERIFY(model->addRule(1, -1, Call));
        QCOMPARE(types(model->steps().at(1)), QStringLiteral("sms,phone"));
        // Moving a rule into a step that has it already, or changing a rule into one its step
        // has, is refused too; within its own step a rule moves freely.
        QVERIFY(!model->moveRule(2, 0, 1, -1));
        QVERIFY(!model->changeRule(1, 0, Call));
        QVERIFY(model->moveRule(1, 1, 1, 0));
        QCOMPARE(refused.size(), 4);
        QCOMPARE(model->stack()->count(), 2);
        // A new step with a repeat gets it once.
        QVERIFY(model->addStep(-1, PolicyStep { 1, { Push, Push, Sms } }));
        QCOMPARE(types(model->steps().at(3)), QStringLiteral("push,sms"));

        // Drops: a palette contact the step has is no drop target; a drop anyway is refused with
        // the same reason. On the root it makes a new step, which is fine.
        const QModelIndex step1 = model->index(0, 0);
        std::unique_ptr<QMimeData> mail(PagingPolicyModel::contactMimeData(Mail));
        QVERIFY(!model->canDropMimeData(mail.get(), Qt::CopyAction, -1, 0, step1));
        QVERIFY(!model->canDropMimeData(
            mail.get(), Qt::CopyAction, -1, 0, model->index(0, 0, step1))); // onto a chip
        QVERIFY(model->dropRefusal(mail.get(), -1, step1).contains(QStringLiteral("Step 1")));
        QVERIFY(model->dropRefusal(mail.get(), -1, model->index(1, 0)).isEmpty());
        refused.clear();
        QVERIFY(!model->dropMimeData(mail.get(), Qt::CopyAction, -1, 0, step1));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(model->steps().at(0).rules.size(), 2);
        QVERIFY(model->canDropMimeData(mail.get(), Qt::CopyAction, 0, 0, {}));
        // A rule dragged from step 3 (the call) onto step 2, which has a call now: refused.
        std::unique_ptr<QMimeData> call(
            model->mimeData({ model->index(0, 0, model->index(2, 0)) }));
        QVERIFY(!model->canDropMimeData(call.get(), Qt::MoveAction, -1, 0, model->index(1, 0)));
        QVERIFY(!model->dropRefusal(call.get(), -1, model->index(1, 0)).isEmpty());
        QVERIFY(model->canDropMimeData(call.get(), Qt::MoveAction, -1, 0, step1));
        QVERIFY(model->canDropMimeData(call.get(), Qt::MoveAction, 0, 0, model->index(2, 0)));
        // Nothing the model holds repeats within a step.
        for (const PolicyStep& step : model->steps())
            QCOMPARE(PagingPolicyModel::withoutDuplicates(step.rules), step.rules);
    }

    void dirtyFollowsContent()
    {
        QSignalSpy dirty(model.get(), &PagingPolicyModel::dirtyChanged);
        // An edit and its opposite leave nothing unsaved.
        QVERIFY(model->addRule(1, -1, Push));
        QVERIFY(model->isDirty());
        QVERIFY(model->removeRule(1, 1));
        QVERIFY(!model->isDirty());
        QCOMPARE(dirty.size(), 2);
        QCOMPARE(dirty.last().first().toBool(), false);
        // After a save: undo makes an unsaved change, redo is back at the saved state.
        QVERIFY(model->setTimeout(0, 30));
        model->markSaved(policy(model->steps()));
        QVERIFY(!model->isDirty());
        model->stack()->undo();
        QVERIFY(model->isDirty());
        model->stack()->redo();
        QVERIFY(!model->isDirty());
    }

    void showServerIsARoutineRefresh()
    {
        // Nothing changed on the server: nothing happens, the history stays.
        QVERIFY(model->setTimeout(2, 30));
        model->stack()->undo();
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(!model->showServer(policy(sample())));
        QCOMPARE(inserted.size() + removed.size() + changed.size(), 0);
        QVERIFY(model->stack()->canRedo());

        // The server changed: step 2's SMS became a call after an added push, step 3 waits
        // longer, a fourth step appeared. Rows change in place; the current item on step 1 stays.
        const QPersistentModelIndex mail = model->index(1, 0, model->index(0, 0));
        const QPersistentModelIndex step2 = model->index(1, 0);
        QList<PolicyStep> server = sample();
        server[1].rules = { Push, Call };
        server[2].timeout = 60;
        server.append(PolicyStep { 1, { Mail } });
        QVERIFY(model->showServer(policy(server)));
        QCOMPARE(model->steps(), server);
        QCOMPARE(model->base(), server);
        QCOMPARE(reset.size(), 0);
        QVERIFY(mail.isValid());
        QCOMPARE(
            mail.data(PagingPolicyModel::NotificationTypeRole).toString(), QStringLiteral("email"));
        QVERIFY(step2.isValid());
        QCOMPARE(step2.row(), 1);
        QCOMPARE(model->rowCount(step2), 2);
        QCOMPARE(model->index(2, 0).data(PagingPolicyModel::TimeoutRole).toInt(), 60);
        QCOMPARE(model->index(0, 0, model->index(3, 0)).data(PagingPolicyModel::StepNumberRole),
            QVariant(4));
        QVERIFY(!model->isDirty());
        QCOMPARE(model->stack()->count(), 0);
        QVERIFY(!model->isApplyingServerState());

        // Fewer steps on the server: the surplus rows go.
        QVERIFY(model->showServer(policy({ PolicyStep { 5, { Push } } })));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->steps().first().rules, QList<PagingRule> { Push });
        QCOMPARE(reset.size(), 0);

        // A save's read-back that differs from the edits (a step the API cannot delete) is shown
        // the same way.
        QVERIFY(model->addStep(-1, PolicyStep { 10, { Sms } }));
        model->markSaved(policy(
            { PolicyStep { 5, { Push } }, PolicyStep { 10, { Sms } }, PolicyStep { 15, {} } }));
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!model->isDirty());
    }

    void loadResetsHistory()
    {
        QVERIFY(model->addStep(-1));
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->load(policy({ PolicyStep { 1, { Push } } }));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->stack()->count(), 0);
        QVERIFY(!model->isDirty());
        QCOMPARE(model->editedPolicy().steps.first().rules.first().index, 0);
    }
};

QTEST_GUILESS_MAIN(TestPagingPolicyModel)
#include "tst_pagingpolicymodel.moc"
