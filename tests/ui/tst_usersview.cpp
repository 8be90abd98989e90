// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UsersView against an in-process rota-sim, driven through its widgets: typing in the search box
// narrows the table (Esc clears it, Ctrl+F comes back to it); a selected user's detail shows their
// contact methods as tel: and mailto: links with copy buttons, their teams, and their paging
// policy read-only (the canvas takes no drop); arrowing through the list reads one paging policy,
// where the selection rests. Add user… refuses what the service would refuse in words before
// sending, sends the rest and the user is on the server; a refusal keeps the dialog open with what
// was typed. Edit… changes the server's user; Delete asks who takes over, says what follows, and
// removes. Enter focuses the detail, Ctrl+N opens Add user…, Page… asks to page the user.

#include "oncallmodel.h"
#include "orgdirectory.h"
#include "pagingpolicymodel.h"
#include "personcard.h"
#include "persondetails.h"
#include "policystepcanvas.h"
#include "removeuserdialog.h"
#include "simfixture.h"
#include "simservice.h"
#include "userdetailpane.h"
#include "usereditdialog.h"
#include "userscontroller.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"
#include "usersview.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! The simulator, the session's objects and the view, shown.
struct Setup {
    Setup()
        : directory(fx.client.get())
        , people(fx.client.get(), &directory, &onCall)
        , controller(fx.client.get(), &directory, &people)
        , view(&users, &controller, &people)
        , exchanged(fx.client.get(), &ApiClient::exchanged)
    {
        view.resize(1100, 760);
        view.setSettleDelay(30);
    }
    bool start()
    {
        if (!fx.started)
            return false;
        view.show();
        // Shortcuts and focus need the window active.
        view.activateWindow();
        return QTest::qWaitForWindowExposed(&view) && QTest::qWaitForWindowActive(&view)
            && QTest::qWaitFor(
                [&] { return users.rowCount() == int(fx.ctx().org.users.size()); }, 10000);
    }
    //! How many answered calls' operation contains `part`.
    int calls(const QString& part) const
    {
        return int(std::count_if(
            exchanged.cbegin(), exchanged.cend(), [&part](const QList<QVariant>& args) {
                return args.first().toString().contains(part);
            }));
    }
    //! A user in a team and a rotation, not the demo user.
    QString teamMember()
    {
        for (const sim::SimRotation& rotation : std::as_const(fx.ctx().org.rotations)) {
            for (const QString& member : rotation.members) {
                if (member != fx.demoUser())
                    return member;
            }
        }
        return {};
    }
    //! Selects `username` and waits until their details and paging policy are in.
    bool showFully(const QString& username)
    {
        if (!view.selectUser(username))
            return false;
        return QTest::qWaitFor(
            [&] {
                return view.detailPane()->pagingPolicyShown() == username
                    && people.info(username).isComplete() && !people.isLoading(username);
            },
            10000);
    }

    SimFixture fx;
    OrgDirectory directory;
    OnCallModel onCall;
    PersonDetails people;
    UsersModel users;
    UsersController controller;
    UsersView view;
    QSignalSpy exchanged;
};

//! Types `text` as key presses, letters outside ASCII too (QTest::keyClicks takes ASCII only).
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

QStringList linksIn(QWidget* pane)
{
    QStringList links;
    const auto labels = pane->findChildren<QLabel*>(QStringLiteral("contactLink"));
    for (const QLabel* label : labels)
        links.append(label->text());
    return links;
}

} // namespace

class TestUsersView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void searchNarrowsAsOneTypes()
    {
        Setup s;
        QVERIFY(s.start());
        const int all = s.users.rowCount();
        QCOMPARE(s.view.filterModel()->rowCount(), all);
        const sim::SimUser someone = s.fx.ctx().org.users.value(s.teamMember());

        QLineEdit* search = s.view.searchEdit();
        s.view.table()->setFocus();
        QTest::keyClick(&s.view, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(
            search, someone.firstName.toLower() + QLatin1Char(' ') + someone.lastName.left(3));
        QVERIFY(s.view.filterModel()->rowCount() >= 1);
        QVERIFY(s.view.filterModel()->rowCount() < all);
        QVERIFY(s.view.filterModel()->rowOf(someone.username) >= 0);
        QVERIFY2(
            s.view.countText().contains(QStringLiteral(" of ")), qPrintable(s.view.countText()));
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(s.view.filterModel()->rowCount(), all);
        QTest::keyClicks(search, QStringLiteral("nobody-is-called-this"));
        QCOMPARE(s.view.filterModel()->rowCount(), 0);
    }

    // A person in the list looks as everywhere: avatar before the name, the card on Ctrl+I.
    void rowsShowAvatarsAndTheCard()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.teamMember();
        QVERIFY(s.view.selectUser(username));
        const QModelIndex current
            = s.view.table()->currentIndex().siblingAtColumn(UsersModel::NameColumn);
        QStyleOptionViewItem option;
        option.initFrom(s.view.table());
        auto* delegate = qobject_cast<QStyledItemDelegate*>(s.view.table()->itemDelegate());
        QVERIFY(delegate);
        const QSize withAvatar = delegate->sizeHint(option, current);
        const QSize plain = QStyledItemDelegate().sizeHint(option, current);
        QVERIFY2(withAvatar.width() > plain.width(), "the name column draws an avatar");
        const QModelIndex other = current.siblingAtColumn(UsersModel::EmailColumn);
        QCOMPARE(delegate->sizeHint(option, other), QStyledItemDelegate().sizeHint(option, other));

        PersonHover* hover = PersonHover::of(s.view.table());
        QVERIFY(hover);
        s.view.table()->setFocus();
        hover->action()->trigger();
        QVERIFY(hover->card());
        QTRY_VERIFY(hover->card()->isVisible());
        QCOMPARE(hover->card()->person(), username);
    }

    void detailShowsContactsTeamsAndTheirPolicy()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.teamMember();
        QVERIFY(s.showFully(username));
        const sim::SimUser user = s.fx.ctx().org.users.value(username);
        UserDetailPane* pane = s.view.detailPane();
        QCOMPARE(pane->username(), username);
        QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("userName"))->text(),
            s.directory.userDisplayName(username));
        QVERIFY(!pane->findChild<QLabel*>(QStringLiteral("userAvatar"))->pixmap().isNull());

        const QStringList links = linksIn(pane);
        QCOMPARE(links.size(), user.emails.size() + user.phones.size());
        for (const auto& email : user.emails) {
            QVERIFY2(std::any_of(links.cbegin(), links.cend(),
                         [&](const QString& link) {
                             return link.contains(QStringLiteral("href=\"mailto:"))
                                 && link.contains(email.value.toHtmlEscaped());
                         }),
                qPrintable(links.join(QLatin1Char('\n'))));
        }
        QVERIFY(std::any_of(links.cbegin(), links.cend(),
            [](const QString& link) { return link.contains(QStringLiteral("href=\"tel:")); }));
        // Copy puts the address itself on the clipboard.
        const auto copies = pane->findChildren<QToolButton*>(QStringLiteral("copyContact"));
        QCOMPARE(copies.size(), links.size());
        copies.first()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), user.emails.first().value);

        const QString teams = pane->findChild<QLabel*>(QStringLiteral("userTeams"))->text();
        const auto info = s.people.info(username);
        QVERIFY(!info.teams.isEmpty());
        QVERIFY2(teams.contains(info.teams.first().name), qPrintable(teams));

        // Their paging policy, read-only on the editor's canvas.
        QCOMPARE(pane->policyModel()->rowCount(), int(user.pagingPolicy.size()));
        QVERIFY(pane->policyCanvas()->isReadOnly());
        QVERIFY(pane->policyCanvas()->isVisible());
    }

    void theReadOnlyCanvasTakesNoDrop()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.fx.demoUser();
        QVERIFY(s.showFully(username));
        PolicyStepCanvas* canvas = s.view.detailPane()->policyCanvas();
        PagingPolicyModel* model = s.view.detailPane()->policyModel();
        const QList<PolicyStep> before = model->steps();
        QVERIFY(!canvas->acceptDrops());

        std::unique_ptr<QMimeData> data(PagingPolicyModel::contactMimeData(PagingRule::push()));
        const QPoint inside = canvas->stepRect(0).center();
        QVERIFY(!canvas->dropSpotAt(data.get(), inside).valid);
        QDragEnterEvent enter(
            inside, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &enter);
        QVERIFY(!enter.isAccepted());
        QDropEvent drop(QPointF(inside), Qt::CopyAction | Qt::MoveAction, data.get(),
            Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &drop);
        QVERIFY(!drop.isAccepted());
        // Nor the keyboard: Delete and Insert change nothing.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Delete);
        QTest::keyClick(canvas, Qt::Key_Insert);
        QCOMPARE(model->steps(), before);
        QVERIFY(!model->isDirty());
    }

    void arrowingReadsOnlyWhereTheSelectionRests()
    {
        Setup s;
        s.view.setSettleDelay(UsersView::SettleMs);
        QVERIFY(s.start());
        QSignalSpy settled(&s.view, &UsersView::userSettled);
        s.view.table()->setFocus();
        s.view.table()->setCurrentIndex(s.view.filterModel()->index(0, 0));
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(s.view.table(), Qt::Key_Down);
        const QString resting = s.view.currentUser();
        QVERIFY(settled.wait(5000));
        QCOMPARE(settled.count(), 1);
        QCOMPARE(settled.first().first().toString(), resting);
        QTRY_COMPARE_WITH_TIMEOUT(s.view.detailPane()->pagingPolicyShown(), resting, 10000);
        QCOMPARE(s.calls(QStringLiteral("/profile/")), 1);
    }

    void addValidatesThenSends()
    {
        Setup s;
        QVERIFY(s.start());
        QTest::keyClick(&s.view, Qt::Key_N, Qt::ControlModifier);
        UserEditDialog* dialog = s.view.editDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isNew());
        typeText(dialog->firstNameEdit(), QStringLiteral("Zoë"));
        typeText(dialog->lastNameEdit(), QStringLiteral("Ångström"));
        // The username is suggested from the name.
        QCOMPARE(dialog->usernameEdit()->text(), QStringLiteral("zoe.angstrom"));
        QTest::keyClicks(dialog->emailEdit(), QStringLiteral("zoe at example"));
        dialog->sendButton()->click();
        QVERIFY2(dialog->shownProblem().contains(QStringLiteral("not an e-mail address")),
            qPrintable(dialog->shownProblem()));
        QVERIFY(!s.controller.isWriting());

        // Someone else's username, in another case: refused before sending.
        dialog->usernameEdit()->setText(s.fx.demoUser().toUpper());
        dialog->emailEdit()->setText(QStringLiteral("zoe@example.com"));
        dialog->sendButton()->click();
        QVERIFY2(dialog->shownProblem().contains(QStringLiteral("is taken by")),
            qPrintable(dialog->shownProblem()));
        QVERIFY(!s.controller.isWriting());

        dialog->usernameEdit()->setText(QStringLiteral("bad name!"));
        QVERIFY(dialog->shownProblem().contains(QStringLiteral("letters")));
        dialog->usernameEdit()->setText(QStringLiteral("zoe.angstrom"));
        QVERIFY(dialog->shownProblem().isEmpty());
        dialog->sendButton()->click();
        QVERIFY(dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!s.view.editDialog(), 10000);
        const auto onServer = calls::getUser(*s.fx.client, QStringLiteral("zoe.angstrom"));
        ROTA_EXPECT_OK(onServer);
        QCOMPARE(onServer.value().lastName, QStringLiteral("Ångström"));
        // Selected once the list has them.
        QTRY_COMPARE_WITH_TIMEOUT(s.view.currentUser(), QStringLiteral("zoe.angstrom"), 10000);
        QVERIFY(s.view.findChild<QLabel*>(QStringLiteral("usersInfo"))
                    ->text()
                    .contains(QStringLiteral("zoe@example.com")));
    }

    void aRefusedAddKeepsWhatWasTyped()
    {
        Setup s;
        QVERIFY(s.start());
        s.view.openAddDialog();
        UserEditDialog* dialog = s.view.editDialog();
        QVERIFY(dialog);
        dialog->firstNameEdit()->setText(QStringLiteral("Ivo"));
        dialog->lastNameEdit()->setText(QStringLiteral("Late"));
        dialog->usernameEdit()->setText(QStringLiteral("ivo.late"));
        dialog->emailEdit()->setText(QStringLiteral("ivo@example.com"));
        // Meanwhile someone else took the address on the server.
        sim::SimUser taker = s.fx.ctx().org.users.value(s.fx.demoUser());
        taker.username = QStringLiteral("ivo.taker");
        taker.email = QStringLiteral("ivo@example.com");
        s.fx.ctx().org.users.insert(taker.username, taker);
        dialog->sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
        QVERIFY(s.view.editDialog());
        QVERIFY2(dialog->shownProblem().contains(QStringLiteral("Could not add 'ivo.late'")),
            qPrintable(dialog->shownProblem()));
        QCOMPARE(dialog->firstNameEdit()->text(), QStringLiteral("Ivo"));
        QCOMPARE(dialog->emailEdit()->text(), QStringLiteral("ivo@example.com"));
        QVERIFY(dialog->sendButton()->isEnabled());
        dialog->reject();
    }

    void editChangesTheServersUser()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.teamMember();
        QVERIFY(s.view.selectUser(username));
        s.view.detailPane()->findChild<QPushButton*>(QStringLiteral("editUser"))->click();
        UserEditDialog* dialog = s.view.editDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->isNew());
        QVERIFY(dialog->usernameEdit()->isReadOnly());
        QCOMPARE(dialog->emailEdit()->text(), s.fx.ctx().org.users.value(username).email);
        dialog->lastNameEdit()->clear();
        dialog->sendButton()->click();
        QVERIFY(dialog->shownProblem().contains(QStringLiteral("last name")));
        dialog->lastNameEdit()->setText(QStringLiteral("Newname"));
        dialog->sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!s.view.editDialog(), 10000);
        const auto onServer = calls::getUser(*s.fx.client, username);
        ROTA_EXPECT_OK(onServer);
        QCOMPARE(onServer.value().lastName, QStringLiteral("Newname"));
        QTRY_VERIFY_WITH_TIMEOUT(s.view.detailPane()
                                     ->findChild<QLabel*>(QStringLiteral("userName"))
                                     ->text()
                                     .endsWith(QStringLiteral("Newname")),
            10000);
    }

    void deleteAsksForAReplacementAndRemoves()
    {
        Setup s;
        QVERIFY(s.start());
        const QString gone = s.teamMember();
        const QString goneName = s.directory.userDisplayName(gone);
        QVERIFY(goneName != gone);
        s.view.searchEdit()->setText(gone); // removed while the search narrows the list
        QVERIFY(s.view.selectUser(gone));
        s.view.table()->setFocus();
        QTest::keyClick(s.view.table(), Qt::Key_Delete);
        RemoveUserDialog* dialog = s.view.removeDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->username(), gone);
        // Nothing chosen yet: Remove waits.
        QVERIFY(!dialog->removeButton()->isEnabled());
        // What follows, in words, once their teams are read.
        const auto info = [&] { return s.people.info(gone); };
        QTRY_VERIFY_WITH_TIMEOUT(info().teamsLoaded && info().policiesLoaded, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->consequences().contains(info().teams.first().name), 10000);
        QVERIFY2(dialog->consequences().contains(QStringLiteral("Escalation policies")),
            qPrintable(dialog->consequences()));

        QString replacement;
        for (const QString& username : s.fx.ctx().org.users.keys()) {
            if (username != gone && username != s.fx.demoUser()) {
                replacement = username;
                break;
            }
        }
        // The one removed is not offered as their own replacement.
        QVERIFY(!dialog->chooseReplacement(gone));
        const sim::SimUser other = s.fx.ctx().org.users.value(replacement);
        QTest::keyClicks(dialog->searchEdit(), other.username);
        QVERIFY(dialog->replacementList()->model()->rowCount() >= 1);
        QVERIFY(dialog->chooseReplacement(replacement));
        QVERIFY2(dialog->consequences().contains(
                     QStringLiteral("go to %1").arg(s.directory.userDisplayName(replacement))),
            qPrintable(dialog->consequences()));
        QCOMPARE(dialog->request().replacement, replacement);
        QVERIFY(dialog->removeButton()->isEnabled());

        // A strategy instead says so.
        dialog->teamAdminChoice()->setChecked(true);
        QVERIFY(dialog->consequences().contains(QStringLiteral("each team's admin")));
        QCOMPARE(dialog->request().strategy, DeleteUserRequest::Strategy::TeamAdmin);
        QVERIFY(dialog->chooseReplacement(replacement));

        dialog->removeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!s.view.removeDialog(), 10000);
        const auto onServer = calls::getUser(*s.fx.client, gone);
        QVERIFY(rota::test::waitFor(onServer.reply));
        QCOMPARE(onServer.reply->error().kind, ApiErrorKind::NotFound);
        QTRY_COMPARE_WITH_TIMEOUT(s.users.rowOf(gone), -1, 10000);
        // The count follows, with the search still narrowing the list.
        auto* count = s.view.findChild<QLabel*>(QStringLiteral("usersCount"));
        QVERIFY(count);
        QCOMPARE(count->text(), s.view.countText());
        QVERIFY2(count->text().contains(QLocale().toString(s.users.rowCount())),
            qPrintable(count->text()));
        // Said by name, as the list showed them.
        auto* said = s.view.findChild<QLabel*>(QStringLiteral("usersInfo"));
        QVERIFY(said && said->isVisibleTo(&s.view));
        QVERIFY2(said->text().contains(goneName), qPrintable(said->text()));
    }

    void keysAndPage()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.teamMember();
        QVERIFY(s.view.selectUser(username));
        s.view.table()->setFocus();
        QTest::keyClick(s.view.table(), Qt::Key_Return);
        QVERIFY(s.view.detailPane()->hasFocus()
            || s.view.detailPane()->isAncestorOf(QApplication::focusWidget()));

        QSignalSpy paged(&s.view, &UsersView::pageRequested);
        s.view.detailPane()->findChild<QPushButton*>(QStringLiteral("pageUser"))->click();
        QCOMPARE(paged.count(), 1);
        const auto targets = paged.first().first().value<QList<IncidentTarget>>();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.first().type, IncidentTarget::Type::User);
        QCOMPARE(targets.first().slug, username);

        QSignalSpy import(&s.view, &UsersView::importRequested);
        s.view.findChild<QPushButton*>(QStringLiteral("importUsers"))->click();
        QCOMPARE(import.count(), 1);
    }

    void aReadOnlyKeyDisablesWrites()
    {
        Setup s;
        QVERIFY(s.start());
        s.controller.setReadOnlyReason(QStringLiteral("This API key may only read."));
        QVERIFY(!s.view.findChild<QPushButton*>(QStringLiteral("addUser"))->isEnabled());
        QVERIFY(s.view.findChild<QLabel*>(QStringLiteral("usersReadOnly"))->isVisible());
        QVERIFY(s.view.selectUser(s.teamMember()));
        QVERIFY(!s.view.detailPane()
                     ->findChild<QPushButton*>(QStringLiteral("removeUser"))
                     ->isEnabled());
        s.view.openRemoveDialog();
        QVERIFY(!s.view.removeDialog());
    }
};

QTEST_MAIN(TestUsersView)
#include "tst_usersview.moc"
