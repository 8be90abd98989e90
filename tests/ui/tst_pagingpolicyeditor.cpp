// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The paging-policy editor page against an in-process rota-sim, driven with QTest.
//
// - realDrag(): one real drag and drop: a mouse press on a palette chip, a move (the palette starts
//   a QDrag and QDrag::exec runs its own loop), a move over step 2 and a release there, driven by
//   timers from inside that loop. The offscreen platform's QPlatformDrag is a stub whose drag()
//   returns at once without delivering anything, so a real drag needs a platform with one: when a
//   display is available (scripts/headless, CI under Xvfb) this test runs on xcb; without one it
//   is skipped and dropEvents() below still exercises the same drop handlers.
// - keyboardEquivalent(): the same edit and more with keys and the context menu only.
// - Then Save (Ctrl+S) and the rule is on the simulator; a failed save keeps the edits; a conflict
//   opens the dialog, which lists what differs; no dialog when the server already has the edits.
// - The server's truth: F5 and the Refresh button re-read the policy; showing the page again
//   re-reads it when the last read is old; with edits, a changed server policy is reported (banner:
//   compare, take the server's) and the edits are kept.
// - A contact cannot go twice into a step: by drag (the marker says no, a message says why; a
//   real drag under Xvfb too), by the palette's keyboard, by the context menu.
// - The status line never says "Saved" while there are unsaved changes.
//
// Set ROTA_TEST_GRAB_DIR to a directory to get pictures of the banner, the conflict dialog and a
// refused drop there.

#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "contactmethodsview.h"
#include "orgdirectory.h"
#include "pagingpolicyconflictdialog.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicyeditor.h"
#include "pagingpolicymodel.h"
#include "policypalette.h"
#include "policystepcanvas.h"
#include "policytrash.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDrag>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace rota;
using rota::test::SimFixture;

namespace {

QList<sim::SimPagingStep> simPolicy(SimFixture& fixture)
{
    return fixture.ctx().org.users.value(fixture.demoUser()).pagingPolicy;
}

//! Two steps: [push, e-mail] 5 min, [push] 10 min.
void seedPolicy(SimFixture& fixture)
{
    sim::SimUser& user = fixture.ctx().org.users[fixture.demoUser()];
    const int email = user.emails.first().id;
    user.pagingPolicy = {
        sim::SimPagingStep { 5,
            { sim::SimPagingRule { QStringLiteral("push"), QString(), 0 },
                sim::SimPagingRule { QStringLiteral("email"), QStringLiteral("email"), email } } },
        sim::SimPagingStep { 10, { sim::SimPagingRule { QStringLiteral("push"), QString(), 0 } } },
    };
}

bool waitLoaded(PagingPolicyEditor& editor)
{
    return QTest::qWaitFor(
        [&] {
            return editor.model()->rowCount() == 2 && !editor.controller()->isBusy()
                && editor.palette()->rules().size() > 1
                && editor.palette()->height() >= editor.palette()->sizeHint().height();
        },
        10000);
}

PagingSaveResult saveWithShortcut(PagingPolicyEditor& editor, bool* finished)
{
    QSignalSpy saved(editor.controller(), &PagingPolicyController::saved);
    editor.canvas()->setFocus();
    QTest::keyClick(editor.canvas(), Qt::Key_S, Qt::ControlModifier);
    *finished = saved.wait(10000);
    return *finished ? saved.first().first().value<PagingSaveResult>() : PagingSaveResult();
}

//! Counts the reads of the paging policy (GET …/policies) the client sends.
class PolicyReads : public QObject {
public:
    explicit PolicyReads(QNetworkAccessManager* network)
    {
        connect(network, &QNetworkAccessManager::finished, this, [this](QNetworkReply* reply) {
            const bool get = reply->operation() == QNetworkAccessManager::GetOperation
                || reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
                    == "GET";
            const QString path = reply->url().path();
            if (get && path.contains(QLatin1String("/profile/"))
                && path.endsWith(QLatin1String("/policies")))
                ++count;
        });
    }
    int count = 0;
};

void grab(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("ROTA_TEST_GRAB_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name));
}

int paletteEntry(PagingPolicyEditor& editor, const QString& type)
{
    const QList<PagingRule>& rules = editor.palette()->rules();
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).notificationType == type)
            return i;
    }
    return -1;
}

} // namespace

class TestPagingPolicyEditor : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> fixture;
    // What the Workspace builds for the page, which outlives it.
    std::unique_ptr<OrgDirectory> directory;
    std::unique_ptr<PagingPolicyModel> policyModel;
    std::unique_ptr<PagingPolicyController> policyController;
    std::unique_ptr<ContactMethodsStore> contactStore;
    std::unique_ptr<ContactMethodsController> contactsController;
    std::unique_ptr<PagingPolicyEditor> editor;

    //! Adds an SMS rule to step 2 and saves with Ctrl+S; `finished` says whether the save ended.
    PagingSaveResult addSmsToStep2AndSave(bool* finished)
    {
        const PagingRule sms
            = editor->palette()->rules().at(paletteEntry(*editor, QStringLiteral("sms")));
        if (!editor->model()->addRule(1, -1, sms))
            return {};
        return saveWithShortcut(*editor, finished);
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<PagingSaveResult>(); }

    void init()
    {
        fixture = std::make_unique<SimFixture>();
        QVERIFY2(fixture->started, qPrintable(fixture->startError));
        seedPolicy(*fixture);
        // The demo user has an e-mail; give them a phone too for SMS and call chips.
        sim::SimUser& user = fixture->ctx().org.users[fixture->demoUser()];
        if (user.phones.isEmpty()) {
            const auto call = calls::createContactPhone(*fixture->client, fixture->demoUser(),
                QStringLiteral("Mobile"), QStringLiteral("+15550100"));
            ROTA_EXPECT_OK(call);
        }
        directory = std::make_unique<OrgDirectory>(fixture->client.get());
        policyModel = std::make_unique<PagingPolicyModel>();
        policyController
            = std::make_unique<PagingPolicyController>(fixture->client.get(), policyModel.get());
        contactStore = std::make_unique<ContactMethodsStore>();
        contactStore->setDirectory(directory.get());
        contactsController
            = std::make_unique<ContactMethodsController>(fixture->client.get(), contactStore.get());
        editor = std::make_unique<PagingPolicyEditor>(policyModel.get(), policyController.get(),
            contactStore.get(), contactsController.get());
        editor->resize(1000, 720);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        // Shortcuts (Ctrl+Z, Ctrl+S) need an active window.
        editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(editor.get()));
        QVERIFY(waitLoaded(*editor));
    }

    void cleanup()
    {
        editor.reset();
        contactsController.reset();
        contactStore.reset();
        policyController.reset();
        policyModel.reset();
        directory.reset();
        fixture.reset();
    }

    void showsCardsAndChips()
    {
        QCOMPARE(editor->model()->rowCount(), 2);
        QVERIFY(editor->canvas()->stepRect(0).isValid());
        QVERIFY(editor->canvas()->stepRect(1).top() > editor->canvas()->stepRect(0).bottom());
        QVERIFY(editor->canvas()->ruleRect(0, 1).left() > editor->canvas()->ruleRect(0, 0).right());
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY(!editor->saveButton()->isEnabled());
        // Push, the e-mail, and SMS + call for the phone.
        QVERIFY(paletteEntry(*editor, QStringLiteral("sms")) > 0);
        QVERIFY(paletteEntry(*editor, QStringLiteral("email")) > 0);
    }

    void realDrag()
    {
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QSKIP(
                "offscreen's QPlatformDrag does not run a drag; run under Xvfb (scripts/headless)");
        PolicyPalette* palette = editor->palette();
        PolicyStepCanvas* canvas = editor->canvas();
        const int sms = paletteEntry(*editor, QStringLiteral("sms"));
        const QPoint start = palette->entryRect(sms).center();
        const QRect card = canvas->stepRect(1);
        // Over step 2, after its only chip.
        const QPoint target(
            canvas->ruleRect(1, 0).right() + 30, canvas->ruleRect(1, 0).center().y());
        QWindow* window = editor->windowHandle();
        const QPoint startInWindow = palette->mapTo(editor.get(), start);
        const QPoint targetInWindow = canvas->mapTo(editor.get(), target);
        QVERIFY(card.contains(target));

        bool markerSeen = false;
        bool dragRunning = false;
        // These run inside QDrag::exec's loop: move over the step (twice, as a hand would), look
        // at the marker, release.
        QTimer::singleShot(150, this, [&] {
            // Inside QDrag::exec: the palette's drag object exists until the drag ends.
            dragRunning = palette->findChild<QDrag*>() != nullptr;
            QTest::mouseMove(window, targetInWindow - QPoint(10, 0));
            QTimer::singleShot(100, this, [&] {
                QTest::mouseMove(window, targetInWindow);
                QTimer::singleShot(100, this, [&] {
                    markerSeen = canvas->isDropMarkerVisible();
                    QTest::mouseRelease(window, Qt::LeftButton, {}, targetInWindow);
                });
            });
        });
        QTest::mousePress(window, Qt::LeftButton, {}, startInWindow);
        QTest::mouseMove(window, startInWindow + QPoint(8, 0));
        QTest::mouseMove(
            window, startInWindow + QPoint(30, 0)); // starts the drag; returns after it
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->model()->rowCount(editor->model()->index(1, 0)) == 2, 5000);
        QVERIFY(dragRunning);
        QVERIFY(markerSeen);
        const QModelIndex added = editor->model()->index(1, 0, editor->model()->index(1, 0));
        QCOMPARE(
            added.data(PagingPolicyModel::NotificationTypeRole).toString(), QStringLiteral("sms"));
        QVERIFY(editor->dirtyLabel()->isVisible());

        bool finished = false;
        const PagingSaveResult result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        const auto server = simPolicy(*fixture);
        QCOMPARE(server.at(1).rules.size(), 2);
        QCOMPARE(server.at(1).rules.at(1).notificationType, QStringLiteral("sms"));
        QVERIFY(editor->messageLabel()->isVisible());
        QVERIFY(editor->messageLabel()->text().startsWith(QStringLiteral("Saved")));
    }

    void dropEvents()
    {
        // The canvas's drop handling with the palette's own drag data, as a drag delivers it.
        PolicyStepCanvas* canvas = editor->canvas();
        const int sms = paletteEntry(*editor, QStringLiteral("sms"));
        std::unique_ptr<QMimeData> data(
            PagingPolicyModel::contactMimeData(editor->palette()->rules().at(sms)));
        const QPointF at(canvas->ruleRect(1, 0).right() + 30, canvas->ruleRect(1, 0).center().y());
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at.toPoint(), Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &move);
        QVERIFY(move.isAccepted());
        QVERIFY(canvas->isDropMarkerVisible());
        // The marker sits right of step 2's chip.
        QVERIFY(canvas->dropMarker().left() > canvas->ruleRect(1, 0).right());
        QDropEvent drop(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!canvas->isDropMarkerVisible());
        QCOMPARE(editor->model()->steps().at(1).rules.size(), 2);
        // Dropping a rule on the trash removes it.
        std::unique_ptr<QMimeData> rule(editor->model()->mimeData(
            { editor->model()->index(0, 0, editor->model()->index(0, 0)) }));
        QDragEnterEvent trashEnter(QPoint(5, 5), Qt::MoveAction, rule.get(), Qt::LeftButton, {});
        QApplication::sendEvent(editor->trash(), &trashEnter);
        QVERIFY(trashEnter.isAccepted());
        QDropEvent trashDrop(QPointF(5, 5), Qt::MoveAction, rule.get(), Qt::LeftButton, {});
        QApplication::sendEvent(editor->trash(), &trashDrop);
        QCOMPARE(editor->model()->steps().at(0).rules.size(), 1);
        QCOMPARE(editor->model()->stack()->count(), 2);

        // A step card dragged below step 2: a horizontal marker in the gap, then the move.
        std::unique_ptr<QMimeData> step(
            editor->model()->mimeData({ editor->model()->index(0, 0) }));
        const QPoint below(canvas->stepRect(1).center().x(), canvas->stepRect(1).bottom() - 4);
        // (A drag enters the canvas first: Qt routes the moves and the drop to where it entered.)
        QDragEnterEvent stepEnter(below, Qt::MoveAction, step.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &stepEnter);
        QVERIFY(stepEnter.isAccepted());
        QDragMoveEvent stepMove(below, Qt::MoveAction, step.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &stepMove);
        QVERIFY(stepMove.isAccepted());
        QVERIFY(canvas->dropMarker().width() > canvas->dropMarker().height());
        QVERIFY(canvas->dropMarker().top() > canvas->stepRect(1).bottom());
        // Over its own place there is nothing to drop.
        QDragMoveEvent samePlace(canvas->stepRect(0).center() - QPoint(0, 10), Qt::MoveAction,
            step.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &samePlace);
        QVERIFY(!samePlace.isAccepted());
        QDropEvent stepDrop(QPointF(below), Qt::MoveAction, step.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &stepDrop);
        QVERIFY(stepDrop.isAccepted());
        QCOMPARE(editor->model()->steps().at(1).timeout, 5);
        QCOMPARE(editor->model()->steps().at(0).timeout, 10);
    }

    void keyboardEquivalent()
    {
        PolicyStepCanvas* canvas = editor->canvas();
        PagingPolicyModel* model = editor->model();
        // Step 2 current (click its header), then the palette: Down to SMS and Enter adds it.
        QTest::mouseClick(
            canvas, Qt::LeftButton, {}, canvas->stepRect(1).topLeft() + QPoint(60, 12));
        QCOMPARE(canvas->currentStep(), 1);
        const int sms = paletteEntry(*editor, QStringLiteral("sms"));
        editor->palette()->setFocus();
        for (int i = 0; i < sms; ++i)
            QTest::keyClick(editor->palette(), Qt::Key_Down);
        QTest::keyClick(editor->palette(), Qt::Key_Return);
        QCOMPARE(model->steps().at(1).rules.size(), 2);
        QCOMPARE(model->steps().at(1).rules.at(1).notificationType, QStringLiteral("sms"));

        // The added chip is current: Alt+Up moves it to step 1 (at the end), Alt+Left one place
        // left.
        canvas->setFocus();
        QCOMPARE(canvas->currentIndex().data(PagingPolicyModel::NotificationTypeRole).toString(),
            QStringLiteral("sms"));
        QTest::keyClick(canvas, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(model->steps().at(0).rules.size(), 3);
        QCOMPARE(model->steps().at(0).rules.at(2).notificationType, QStringLiteral("sms"));
        QTest::keyClick(canvas, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(model->steps().at(0).rules.at(1).notificationType, QStringLiteral("sms"));
        // Delete removes it; Ctrl+Z brings it back; Ctrl+Shift+Z removes it again; Ctrl+Z.
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(model->steps().at(0).rules.size(), 2);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model->steps().at(0).rules.size(), 3);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model->steps().at(0).rules.size(), 2);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model->steps().at(0).rules.at(1).notificationType, QStringLiteral("sms"));

        // Steps: Up to step 1's card, Alt+Down moves it below step 2.
        canvas->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(canvas, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(model->steps().at(1).rules.size(), 3);
        QCOMPARE(canvas->currentStep(), 1);

        // The context menu's "Move to step" and "Add contact…" do what the drags do. (The SMS
        // chip: step 1 has a push already, and a step pages each contact once.)
        const QModelIndex chip = model->index(1, 0, model->index(1, 0));
        QCOMPARE(
            chip.data(PagingPolicyModel::NotificationTypeRole).toString(), QStringLiteral("sms"));
        std::unique_ptr<QMenu> menu(canvas->menuFor(chip, nullptr));
        QAction* moveTo = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->menu() && action->text() == QStringLiteral("Move to step"))
                moveTo = action->menu()->actions().value(0);
        }
        QVERIFY(moveTo);
        QCOMPARE(moveTo->text(), QStringLiteral("Step 1"));
        moveTo->trigger();
        QCOMPARE(model->steps().at(0).rules.size(), 2);
        std::unique_ptr<QMenu> stepMenu(canvas->menuFor(model->index(0, 0), nullptr));
        QAction* addContact = stepMenu->actions().value(0);
        QCOMPARE(addContact->text(), QStringLiteral("Add contact…"));
        // Push is in step 1 already: offered, but disabled, with why.
        QAction* push = addContact->menu()->actions().value(0);
        QVERIFY(!push->isEnabled());
        QVERIFY2(push->text().contains(QStringLiteral("already in this step")),
            qPrintable(push->text()));
        addContact->menu()->actions().value(1)->trigger(); // the e-mail
        QCOMPARE(model->steps().at(0).rules.size(), 3);
        QCOMPARE(model->steps().at(0).rules.at(2).notificationType, QStringLiteral("email"));
        const QList<PolicyStep> edited = model->steps();

        // Save with Ctrl+S: the server now has the edited policy.
        QVERIFY(editor->dirtyLabel()->isVisible());
        bool finished = false;
        const PagingSaveResult result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        const auto server = simPolicy(*fixture);
        QCOMPARE(server.size(), 2);
        for (int s = 0; s < 2; ++s) {
            QCOMPARE(server.at(s).timeout, edited.at(s).timeout);
            QCOMPARE(server.at(s).rules.size(), edited.at(s).rules.size());
            for (int r = 0; r < server.at(s).rules.size(); ++r)
                QCOMPARE(server.at(s).rules.at(r).notificationType,
                    edited.at(s).rules.at(r).notificationType);
        }
        QVERIFY(!editor->dirtyLabel()->isVisible());
    }

    void failedSaveKeepsEdits()
    {
        QVERIFY(editor->model()->setTimeout(1, 30));
        QVERIFY(editor->model()->addRule(
            0, -1, editor->palette()->rules().at(paletteEntry(*editor, QStringLiteral("sms")))));
        sim::FaultRule fault;
        fault.status = 400;
        fault.remaining = 1;
        fault.method = "PUT";
        fixture->server->service().faults().add(fault);
        bool finished = false;
        PagingSaveResult result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY(!result.ok);
        QCOMPARE(result.notApplied.size(), 1);
        QVERIFY(editor->messageLabel()->text().contains(QStringLiteral("Not applied")));
        QVERIFY(editor->dirtyLabel()->isVisible());
        QCOMPARE(editor->model()->steps().at(1).timeout, 30);
        result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(simPolicy(*fixture).at(1).timeout, 30);
    }

    void conflictDialog()
    {
        QVERIFY(editor->model()->setTimeout(0, 45));
        fixture->ctx().org.users[fixture->demoUser()].pagingPolicy[1].timeout = 60;
        editor->saveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 10000);
        QVERIFY(editor->conflictDialog()->isVisible());
        editor->conflictDialog()->takeTheirsButton()->click();
        QCOMPARE(editor->model()->steps().at(1).timeout, 60);
        QCOMPARE(editor->model()->steps().at(0).timeout, 5);
        QVERIFY(!editor->model()->isDirty());
    }

    void noConflictWhenTheServerHasTheEdits()
    {
        // Someone made the very same change meanwhile: no question to ask, the save finishes.
        QVERIFY(editor->model()->setTimeout(0, 45));
        fixture->ctx().org.users[fixture->demoUser()].pagingPolicy[0].timeout = 45;
        bool finished = false;
        const PagingSaveResult result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!editor->conflictDialog() || !editor->conflictDialog()->isVisible());
        QVERIFY(!editor->model()->isDirty());
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY(!editor->messageLabel()->text().startsWith(QStringLiteral("Saved")));
    }

    void conflictDialogShowsWhatDiffers()
    {
        // Mine: an SMS added to step 2. Theirs: step 1 waits 15 minutes.
        const PagingRule sms
            = editor->palette()->rules().at(paletteEntry(*editor, QStringLiteral("sms")));
        QVERIFY(editor->model()->addRule(1, -1, sms));
        fixture->ctx().org.users[fixture->demoUser()].pagingPolicy[0].timeout = 15;
        editor->saveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 10000);
        PagingPolicyConflictDialog* dialog = editor->conflictDialog();
        QCOMPARE(dialog->mode(), PagingPolicyConflictDialog::Mode::Saving);
        const QStringList differences = dialog->differences();
        QCOMPARE(differences.size(), 2);
        QCOMPARE(differences.at(0),
            QStringLiteral("Step 1: waits 15 minutes on the server, 5 minutes in your edits."));
        QVERIFY2(differences.at(1).startsWith(QStringLiteral("Step 2: SMS · ")),
            qPrintable(differences.at(1)));
        QVERIFY2(differences.at(1).endsWith(QStringLiteral("only in your edits.")),
            qPrintable(differences.at(1)));
        // The columns are not the same: the SMS is marked in mine only; step 2's push is in both.
        const QString server = dialog->serverView()->toPlainText();
        const QString mine = dialog->mineView()->toPlainText();
        QVERIFY(server != mine);
        QVERIFY2(mine.contains(QStringLiteral("+ SMS")), qPrintable(mine));
        QVERIFY2(mine.contains(QStringLiteral("only in your edits")), qPrintable(mine));
        QVERIFY2(!server.contains(QStringLiteral("SMS")), qPrintable(server));
        QVERIFY2(server.contains(QStringLiteral("then wait 15 minutes")), qPrintable(server));
        // The last step repeats, in the comparison as on the cards.
        QVERIFY2(mine.contains(QStringLiteral("until someone acknowledges")), qPrintable(mine));
        // The buttons say what they do.
        QVERIFY(dialog->keepMineButton()->text().startsWith(QStringLiteral("Keep mine")));
        QVERIFY(dialog->keepMineButton()->text().contains(QStringLiteral("save")));
        QVERIFY(dialog->takeTheirsButton()->text().startsWith(QStringLiteral("Take theirs")));
        QVERIFY(dialog->takeTheirsButton()->text().contains(QStringLiteral("drop")));
        QTest::qWait(50);
        grab(dialog, QStringLiteral("paging-conflict.png"));
        QSignalSpy saved(editor->controller(), &PagingPolicyController::saved);
        dialog->keepMineButton()->click();
        QVERIFY(saved.wait(10000));
        const auto policy = simPolicy(*fixture);
        QCOMPARE(policy.at(0).timeout, 5);
        QCOMPARE(policy.at(1).rules.size(), 2);
        QCOMPARE(policy.at(1).rules.at(1).notificationType, QStringLiteral("sms"));
    }

    void refreshShowsTheServersPolicy()
    {
        // Someone changes the policy on the server: F5 shows it.
        PolicyReads reads(&fixture->network);
        sim::SimUser& user = fixture->ctx().org.users[fixture->demoUser()];
        user.pagingPolicy[1].timeout = 60;
        user.pagingPolicy.append(user.pagingPolicy.first());
        editor->canvas()->setFocus();
        QTest::keyClick(editor->canvas(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(editor->model()->rowCount(), 3, 5000);
        QCOMPARE(editor->model()->steps().at(1).timeout, 60);
        QVERIFY(editor->canvas()->stepRect(2).isValid());
        QVERIFY(!editor->model()->isDirty());
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY(!editor->serverChangeBanner()->isVisible());
        QTRY_VERIFY(editor->messageLabel()->isVisible());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("changed on the server")),
            qPrintable(editor->messageLabel()->text()));
        QCOMPARE(reads.count, 1);
        // The Refresh button does the same; with nothing new it says the page is up to date.
        QVERIFY(editor->refreshButton()->isVisible());
        editor->refreshButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->messageLabel()->text().startsWith(QStringLiteral("Up to date")), 5000);
        QCOMPARE(reads.count, 2);
        QCOMPARE(editor->model()->rowCount(), 3);
    }

    void showingThePageAgainRereadsWhenOld()
    {
        PolicyReads reads(&fixture->network);
        sim::SimUser& user = fixture->ctx().org.users[fixture->demoUser()];
        // Back to the page right after the last read: no read (the API's budget).
        QCOMPARE(editor->rereadAfter(), 30000);
        editor->hide();
        user.pagingPolicy[0].timeout = 20;
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        QTest::qWait(300);
        QCOMPARE(reads.count, 0);
        QCOMPARE(editor->model()->steps().at(0).timeout, 5);
        // Back to it after a while: it reads again and shows the server's policy.
        editor->setRereadAfter(200);
        QTest::qWait(250);
        editor->hide();
        editor->show();
        QTRY_COMPARE_WITH_TIMEOUT(editor->model()->steps().at(0).timeout, 20, 5000);
        QCOMPARE(reads.count, 1);
        QVERIFY(!editor->model()->isDirty());
    }

    void refreshKeepsEditsAndSaysTheServerChanged()
    {
        QVERIFY(editor->model()->setTimeout(0, 45));
        fixture->ctx().org.users[fixture->demoUser()].pagingPolicy[1].timeout = 60;
        editor->canvas()->setFocus();
        QTest::keyClick(editor->canvas(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(editor->serverChangeBanner()->isVisible(), 5000);
        // The edits are there, unsaved; the server's change is not mixed in.
        QCOMPARE(editor->model()->steps().at(0).timeout, 45);
        QCOMPARE(editor->model()->steps().at(1).timeout, 10);
        QVERIFY(editor->dirtyLabel()->isVisible());
        const QString words = editor->serverChangeBanner()->findChild<QLabel*>()->text();
        QVERIFY2(words.contains(QStringLiteral("changed")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("kept")), qPrintable(words));
        QVERIFY(!editor->messageLabel()->text().startsWith(QStringLiteral("Saved")));
        grab(editor.get(), QStringLiteral("paging-server-changed.png"));

        // Compare: the dialog shows both differences; keep mine.
        editor->compareButton()->click();
        QVERIFY(editor->conflictDialog());
        PagingPolicyConflictDialog* dialog = editor->conflictDialog();
        QCOMPARE(dialog->mode(), PagingPolicyConflictDialog::Mode::Reviewing);
        QCOMPARE(dialog->differences(),
            (QStringList {
                QStringLiteral("Step 1: waits 5 minutes on the server, 45 minutes in your edits."),
                QStringLiteral(
                    "Step 2: waits 60 minutes on the server, 10 minutes in your edits.") }));
        dialog->keepMineButton()->click();
        QVERIFY(!editor->serverChangeBanner()->isVisible());
        QVERIFY(editor->dirtyLabel()->isVisible());
        // The next save writes mine over theirs without asking again.
        bool finished = false;
        PagingSaveResult result = saveWithShortcut(*editor, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!editor->conflictDialog() || !editor->conflictDialog()->isVisible());
        QCOMPARE(simPolicy(*fixture).at(0).timeout, 45);
        QCOMPARE(simPolicy(*fixture).at(1).timeout, 10);

        // Again, and this time take the server's from the banner.
        QVERIFY(editor->model()->setTimeout(0, 1));
        fixture->ctx().org.users[fixture->demoUser()].pagingPolicy[1].timeout = 30;
        editor->refreshAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(editor->serverChangeBanner()->isVisible(), 5000);
        editor->takeServerButton()->click();
        QCOMPARE(editor->model()->steps().at(0).timeout, 45);
        QCOMPARE(editor->model()->steps().at(1).timeout, 30);
        QVERIFY(!editor->model()->isDirty());
        QVERIFY(!editor->serverChangeBanner()->isVisible());
    }

    void aContactGoesIntoAStepOnce()
    {
        PolicyStepCanvas* canvas = editor->canvas();
        PagingPolicyModel* model = editor->model();
        const int mailEntry = paletteEntry(*editor, QStringLiteral("email"));
        // Dragging the e-mail over step 1, which has it: the drop is not allowed, and says why.
        std::unique_ptr<QMimeData> data(
            PagingPolicyModel::contactMimeData(editor->palette()->rules().at(mailEntry)));
        const QPoint at(canvas->ruleRect(0, 1).right() + 30, canvas->ruleRect(0, 1).center().y());
        QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &move);
        QVERIFY(!move.isAccepted());
        QVERIFY(!canvas->isDropMarkerVisible());
        QVERIFY2(canvas->dropRefusal().contains(QStringLiteral("Step 1 already has")),
            qPrintable(canvas->dropRefusal()));
        QVERIFY(editor->messageLabel()->isVisible());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Step 1 already has")),
            qPrintable(editor->messageLabel()->text()));
        grab(canvas, QStringLiteral("paging-refused-drop.png"));
        // Over step 2 the same e-mail is fine: the refusal goes away.
        const QPoint step2(
            canvas->ruleRect(1, 0).right() + 30, canvas->ruleRect(1, 0).center().y());
        QDragMoveEvent fine(step2, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &fine);
        QVERIFY(fine.isAccepted());
        QVERIFY(canvas->isDropMarkerVisible());
        QVERIFY(canvas->dropRefusal().isEmpty());
        QVERIFY(!editor->messageLabel()->isVisible());
        // Back over step 1 and dropped there anyway: nothing is added, the reason stays in view.
        QDragMoveEvent back(at, Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &back);
        QVERIFY(!back.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(canvas, &drop);
        QVERIFY(!drop.isAccepted());
        QCOMPARE(model->steps().at(0).rules.size(), 2);
        QCOMPARE(model->stack()->count(), 0);
        QVERIFY(editor->messageLabel()->text().contains(QStringLiteral("Step 1 already has")));

        // The keyboard: step 2 current, push from the palette (step 2 has it): refused, in words.
        QTest::mouseClick(
            canvas, Qt::LeftButton, {}, canvas->stepRect(1).topLeft() + QPoint(60, 12));
        QCOMPARE(canvas->currentStep(), 1);
        editor->palette()->setFocus();
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(editor->palette(), Qt::Key_Up); // the first entry: push
        QTest::keyClick(editor->palette(), Qt::Key_Return);
        QCOMPARE(model->steps().at(1).rules.size(), 1);
        QCOMPARE(model->stack()->count(), 0);
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Step 2 already has")),
            qPrintable(editor->messageLabel()->text()));
        // Nothing to save, and the server still has each rule once.
        QVERIFY(!editor->saveButton()->isEnabled());
        QCOMPARE(simPolicy(*fixture).at(1).rules.size(), 1);
    }

    void realDragOfARepeatIsRefused()
    {
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QSKIP(
                "offscreen's QPlatformDrag does not run a drag; run under Xvfb (scripts/headless)");
        PolicyPalette* palette = editor->palette();
        PolicyStepCanvas* canvas = editor->canvas();
        const int push = paletteEntry(*editor, QStringLiteral("push"));
        const QPoint start = palette->entryRect(push).center();
        // Over step 2, after its push chip.
        const QPoint target(
            canvas->ruleRect(1, 0).right() + 30, canvas->ruleRect(1, 0).center().y());
        QWindow* window = editor->windowHandle();
        const QPoint startInWindow = palette->mapTo(editor.get(), start);
        const QPoint targetInWindow = canvas->mapTo(editor.get(), target);
        QString refusalSeen;
        bool markerSeen = true;
        bool released = false;
        QTimer::singleShot(150, this, [&] {
            QTest::mouseMove(window, targetInWindow - QPoint(10, 0));
            QTimer::singleShot(100, this, [&] {
                QTest::mouseMove(window, targetInWindow);
                QTimer::singleShot(100, this, [&] {
                    refusalSeen = canvas->dropRefusal();
                    markerSeen = canvas->isDropMarkerVisible();
                    QTest::mouseRelease(window, Qt::LeftButton, {}, targetInWindow);
                    released = true;
                });
            });
        });
        QTest::mousePress(window, Qt::LeftButton, {}, startInWindow);
        QTest::mouseMove(window, startInWindow + QPoint(8, 0));
        QTest::mouseMove(window, startInWindow + QPoint(30, 0)); // the drag; returns after it
        QTRY_VERIFY_WITH_TIMEOUT(released, 5000);
        QTest::qWait(200);
        QVERIFY2(
            refusalSeen.contains(QStringLiteral("Step 2 already has")), qPrintable(refusalSeen));
        QVERIFY(!markerSeen);
        QCOMPARE(editor->model()->steps().at(1).rules.size(), 1);
        QVERIFY(!editor->model()->isDirty());
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Step 2 already has")),
            qPrintable(editor->messageLabel()->text()));
    }

    void theLastStepRepeatsUntilAcknowledged()
    {
        // Splunk On-Call pages the last step again and again until someone acknowledges: its
        // card says so rather than "then wait", which promises a step that never comes.
        PolicyStepCanvas* canvas = editor->canvas();
        QCOMPARE(editor->model()->rowCount(), 2);
        QVERIFY(editor->model()->setTimeout(1, 30));
        QCOMPARE(canvas->afterStepText(1),
            QStringLiteral("repeats every 30 minutes until someone acknowledges"));
        QVERIFY2(canvas->afterStepText(0).startsWith(QStringLiteral("then wait")),
            qPrintable(canvas->afterStepText(0)));
        QVERIFY(canvas->afterStepText(0).endsWith(QStringLiteral("before step 2")));
        // A step added at the end takes over: the one before it now waits for it.
        QVERIFY(editor->model()->addStep(-1));
        QVERIFY(canvas->afterStepText(1).endsWith(QStringLiteral("before step 3")));
        QVERIFY(canvas->afterStepText(2).contains(QStringLiteral("until someone acknowledges")));
        // The menu of the last step offers how often it repeats.
        std::unique_ptr<QMenu> menu(canvas->menuFor(editor->model()->index(2, 0), nullptr));
        QStringList titles;
        for (QAction* action : menu->actions())
            titles << action->text();
        QVERIFY2(titles.contains(QStringLiteral("Repeat every")), qPrintable(titles.join(u'|')));
    }

    void theSaveMessageIsShortAndCanBeDismissed()
    {
        bool finished = false;
        const PagingSaveResult result = addSmsToStep2AndSave(&finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        NoticeBar* notice = editor->notice();
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->tone(), look::Tone::Success);
        // A few plain words: when, not which API calls went out (those are in the tooltip).
        QVERIFY2(
            notice->text().startsWith(QStringLiteral("Saved at ")), qPrintable(notice->text()));
        QVERIFY2(notice->text().size() < 40, qPrintable(notice->text()));
        QVERIFY(!notice->text().contains(QStringLiteral("API")));
        QVERIFY(notice->toolTip().contains(QStringLiteral("Step 2")));
        // Dismissed with its close button: gone, and an edit after it brings no stale line back.
        auto* close = notice->findChild<QToolButton*>(QStringLiteral("noticeClose"));
        QVERIFY(close && close->isVisible());
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QVERIFY(editor->model()->setTimeout(0, 30));
        QVERIFY(!notice->isVisible());
    }

    void savedGivesWayToUnsavedChanges()
    {
        bool finished = false;
        const PagingSaveResult result = addSmsToStep2AndSave(&finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(editor->messageLabel()->text().startsWith(QStringLiteral("Saved")));
        QVERIFY(!editor->dirtyLabel()->isVisible());
        // A new edit: "Unsaved changes", and the line no longer says "Saved".
        PolicyStepCanvas* canvas = editor->canvas();
        canvas->setFocus();
        canvas->setCurrentIndex(editor->model()->index(1, 0, editor->model()->index(1, 0)));
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(editor->model()->steps().at(1).rules.size(), 1);
        QVERIFY(editor->dirtyLabel()->isVisible());
        QVERIFY2(!editor->messageLabel()->text().contains(QStringLiteral("Saved")),
            qPrintable(editor->messageLabel()->text()));
        QVERIFY2(editor->messageLabel()->text().startsWith(QStringLiteral("Last saved at")),
            qPrintable(editor->messageLabel()->text()));
        // Undo, back to what was saved: nothing unsaved, and the line says so.
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->model()->steps().at(1).rules.size(), 2);
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY2(editor->messageLabel()->text().startsWith(QStringLiteral("No unsaved changes")),
            qPrintable(editor->messageLabel()->text()));
        // Redo: unsaved again.
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(editor->dirtyLabel()->isVisible());
        QVERIFY(!editor->messageLabel()->text().contains(QStringLiteral("Saved")));
        // Discarding is not a "Saved" either, and an edit after it clears that line.
        editor->discardButton()->click();
        QVERIFY(!editor->dirtyLabel()->isVisible());
        QVERIFY(editor->model()->setTimeout(0, 30));
        QVERIFY(!editor->messageLabel()->isVisible()
            || !editor->messageLabel()->text().contains(QStringLiteral("discarded")));
    }

    void contactMethodsTab()
    {
        ContactMethodsView* view = editor->findChild<ContactMethodsView*>();
        QVERIFY(view);
        editor->tabs()->setCurrentWidget(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->methodsTree()->topLevelItemCount() >= 5, 5000);
        const int before
            = static_cast<int>(fixture->ctx().org.users[fixture->demoUser()].emails.size());
        view->addKind()->setCurrentIndex(0);
        QTest::keyClicks(view->addLabel(), QStringLiteral("Pager"));
        QTest::keyClicks(view->addValue(), QStringLiteral("pager@example.com"));
        QVERIFY(view->addButton()->isEnabled());
        QTest::mouseClick(view->addButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<int>(fixture->ctx().org.users[fixture->demoUser()].emails.size()),
            before + 1, 5000);
        // The palette offers it after the reload.
        QTRY_VERIFY_WITH_TIMEOUT(editor->palette()->rules().size() >= 5, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(view->policiesTree()->topLevelItemCount() > 0, 5000);
    }
};

int main(int argc, char** argv)
{
    // See realDrag(): a real drag needs a platform that runs one.
    if (!qEnvironmentVariableIsEmpty("DISPLAY")
        && !qEnvironmentVariableIsSet("ROTA_TEST_OFFSCREEN"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    QApplication app(argc, argv);
    TestPagingPolicyEditor test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pagingpolicyeditor.moc"
