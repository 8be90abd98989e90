// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The people flows of a whole session against an in-process rota-sim over real HTTP, as the
// window wires them: the Users view's "Import from CSV…" opens the importer over the window and
// the new users reach the server and every list; "Page…" on a user and on a team opens the
// new-incident dialog aimed at them, and the incident it opens is selected. And Reports: the view
// is made only when first shown, and shows what the session's sync stored, teams by name.

#include "../support/simfixture.h"
#include "../support/workspaceparts.h"
#include "createincidentdialog.h"
#include "historystore.h"
#include "incidentsview.h"
#include "mainview.h"
#include "mainwindow.h"
#include "oncallmodel.h"
#include "oncallview.h"
#include "orgdirectory.h"
#include "reportcharts.h"
#include "reportsview.h"
#include "settings.h"
#include "simservice.h"
#include "teamsview.h"
#include "unsavedwork.h"
#include "userimport.h"
#include "userimportdialog.h"
#include "usersview.h"
#include "workspace.h"

#include <QAbstractItemView>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace rota;
using rota::test::SimFixture;
using rota::test::WorkspaceParts;

class TestWorkspacePeople : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;

    template <typename View> View* page(const char* slug) const
    {
        return qobject_cast<View*>(m_parts.window->page(QLatin1String(slug)));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_parts.build();
        m_parts.window->resize(1100, 720);
        m_parts.window->show();
        m_parts.workspace->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->directory()->hasUsers(), 10000);
    }

    void cleanup() { m_parts.close(); }

    // Only the first screen is made with the session; Ctrl+1..8 reach every view, each made as it
    // is first shown, and a view made after its data arrived shows that data.
    void viewsAreMadeWhenFirstShownAndTheKeysReachEveryOne()
    {
        const QList<MainView>& views = MainView::all();
        QVERIFY(m_parts.workspace->isPageMade(QStringLiteral("incidents")));
        for (const MainView& view : views) {
            if (view.slug != QLatin1String("incidents"))
                QVERIFY2(!m_parts.workspace->isPageMade(view.slug), qPrintable(view.slug));
        }
        // The on-call view's data is there before the view is.
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->onCall()->rowCount() > 0, 10000);
        QVERIFY(!m_parts.workspace->isPageMade(QStringLiteral("oncall")));

        m_parts.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_parts.window.get()));
        QVERIFY(views.size() <= 9);
        for (int index = views.size() - 1; index >= 0; --index) {
            const QString slug = views.at(index).slug;
            QTest::keyClick(m_parts.window.get(), Qt::Key(Qt::Key_1 + index), Qt::ControlModifier);
            QCOMPARE(m_parts.window->currentView(), index);
            QVERIFY2(m_parts.workspace->isPageMade(slug), qPrintable(slug));
            QWidget* page = m_parts.window->page(slug);
            QVERIFY(page && page->isVisible());
        }
        QTest::keyClick(m_parts.window.get(), Qt::Key_2, Qt::ControlModifier);
        auto* onCall = page<OnCallView>("oncall");
        QVERIFY(onCall && onCall->isVisible());
        const QList<QAbstractItemView*> lists = onCall->findChildren<QAbstractItemView*>();
        const bool shown = std::any_of(lists.cbegin(), lists.cend(), [](QAbstractItemView* list) {
            return list->isVisible() && list->model() && list->model()->rowCount() > 0;
        });
        QVERIFY(shown);
    }

    void aViewAskedForBeforeItIsShownIsMadeAndWorks()
    {
        QVERIFY(!m_parts.workspace->isPageMade(QStringLiteral("teams")));
        auto* teams = page<TeamsView>("teams"); // as the tray's and the scenes' callers do
        QVERIFY(teams);
        QVERIFY(m_parts.workspace->isPageMade(QStringLiteral("teams")));
        QVERIFY(!teams->isVisible());
        m_parts.window->showView(QStringLiteral("teams"));
        QVERIFY(teams->isVisible());
        QCOMPARE(page<TeamsView>("teams"), teams); // made once
    }

    void reportsAreMadeWhenFirstShownAndShowTheSessionsHistory()
    {
        const QString reports = QStringLiteral("reports");
        QVERIFY(!m_parts.workspace->isPageMade(reports)); // the start does not pay for it
        m_parts.workspace->openHistory(m_parts.dir.filePath(QStringLiteral("history.sqlite")));
        // The sync runs without the view: its first page is stored.
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->history()->storedCount() > 0, 15000);
        QVERIFY(!m_parts.workspace->isPageMade(reports));

        m_parts.window->showView(reports);
        QVERIFY(m_parts.workspace->isPageMade(reports));
        ReportsView* view = m_parts.workspace->reportsView();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->report() && view->report()->stored > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->directory()->hasTeams(), 10000);
        // Teams by the names the org gives them, not their slugs.
        QStandardItemModel* teams = view->teamPanel()->tableModel();
        QTRY_VERIFY(teams->rowCount() > 0);
        for (int row = 0; row < teams->rowCount(); ++row) {
            const QString name = teams->index(row, 0).data().toString();
            QVERIFY2(!name.startsWith(QStringLiteral("team-")), qPrintable(name));
        }
    }

    void importFromTheUsersView()
    {
        auto* users = page<UsersView>("users");
        QVERIFY(users);
        m_parts.window->showView(QStringLiteral("users"));
        auto* import = users->findChild<QPushButton*>(QStringLiteral("importUsers"));
        QVERIFY(import && import->isEnabled());
        QTest::mouseClick(import, Qt::LeftButton);
        UserImportDialog* dialog = nullptr;
        QTRY_VERIFY(
            (dialog = m_parts.window->findChild<UserImportDialog*>()) && dialog->isVisible());
        // Asked again while it is open: the same dialog.
        QTest::mouseClick(import, Qt::LeftButton);
        QCOMPARE(m_parts.window->findChildren<UserImportDialog*>().size(), 1);

        // One row repeats a user of the org: marked from what the session knows, not sent.
        const QString existing = m_parts.workspace->directory()->users().constFirst().username;
        QFile csv(m_parts.dir.filePath(QStringLiteral("new.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(QStringLiteral("username,email,first name,last name\n"
                                 "nadia.haddad,nadia.haddad@example.com,Nadia,Haddad\n"
                                 "tomas.novak,tomas.novak@example.com,Tomáš,Novák\n"
                                 "%1,someone.else@example.com,Some,One\n")
                      .arg(existing)
                      .toUtf8());
        csv.close();
        QVERIFY(dialog->loadFile(csv.fileName()));
        QVERIFY(dialog->importButton()->isEnabled());

        QSignalSpy finished(m_parts.workspace->userImport(), &UserImport::finished);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(m_parts.workspace->userImport()->count(UserImport::Outcome::Added), 2);
        const auto& simUsers = m_parts.fixture->ctx().org.users;
        QVERIFY(simUsers.contains(QStringLiteral("nadia.haddad")));
        QCOMPARE(simUsers.value(QStringLiteral("tomas.novak")).firstName, QStringLiteral("Tomáš"));
        // The session reads the list again: the new users are in every view's list.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_parts.workspace->directory()->userByName(QStringLiteral("nadia.haddad")).has_value(),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(users->selectUser(QStringLiteral("tomas.novak")), 5000);
    }

    // A running import is something a quit would lose: its rows not sent yet and the batch on its
    // way are named before leaving.
    void aRunningImportIsNamedBeforeLeaving()
    {
        UserImportDialog* dialog = m_parts.workspace->openUserImport();
        QVERIFY(dialog);
        QString text = QStringLiteral("username,email,first name,last name\n");
        for (int i = 0; i < 120; ++i)
            text += QStringLiteral("bulk.user%1,bulk.user%1@example.com,Bulk,User %1\n").arg(i);
        QFile csv(m_parts.dir.filePath(QStringLiteral("many.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(text.toUtf8());
        csv.close();
        QVERIFY(dialog->loadFile(csv.fileName()));
        QSignalSpy finished(m_parts.workspace->userImport(), &UserImport::finished);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(m_parts.workspace->userImport()->isRunning());
        UnsavedWork* unsaved = m_parts.workspace->unsavedWork();
        QVERIFY2(
            unsaved->inFlight().join(QLatin1Char(' ')).contains(QStringLiteral("adding 50 users")),
            qPrintable(unsaved->inFlight().join(QLatin1Char(' '))));
        QVERIFY2(unsaved->unsaved().join(QLatin1Char(' ')).contains(QStringLiteral("70 users")),
            qPrintable(unsaved->unsaved().join(QLatin1Char(' '))));
        QVERIFY(finished.wait(20000));
        QVERIFY(unsaved->inFlight().isEmpty());
        QVERIFY(unsaved->unsaved().isEmpty());
    }

    void pageAUserAndATeam()
    {
        auto* users = page<UsersView>("users");
        auto* incidents = page<IncidentsView>("incidents");
        QVERIFY(users && incidents);
        QString colleague;
        for (const User& user : m_parts.workspace->directory()->users()) {
            if (user.username != m_parts.workspace->username()) {
                colleague = user.username;
                break;
            }
        }
        QVERIFY(!colleague.isEmpty());
        m_parts.window->showView(QStringLiteral("users"));
        QVERIFY(users->selectUser(colleague));
        auto* pageUser = users->findChild<QPushButton*>(QStringLiteral("pageUser"));
        QTRY_VERIFY(pageUser && pageUser->isEnabled());
        QTest::mouseClick(pageUser, Qt::LeftButton);

        // The window goes to the incidents view with the dialog aimed at them.
        QTRY_VERIFY(incidents->isVisible());
        QPointer<CreateIncidentDialog> dialog = incidents->createDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->targets().size(), 1);
        QCOMPARE(dialog->targets().constFirst().slug, colleague);
        QVERIFY(dialog->windowTitle().contains(
            m_parts.workspace->directory()->userDisplayName(colleague)));
        dialog->summaryEdit()->setText(QStringLiteral("Can you look at the queue?"));
        QSignalSpy created(dialog.data(), &CreateIncidentDialog::created);
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(created.wait(10000));
        const QString number = created.at(0).at(0).toString();
        QVERIFY(m_parts.fixture->ctx()
                    .org.incidents.value(number.toInt())
                    .pagedUsers.contains(colleague));
        QTRY_VERIFY_WITH_TIMEOUT(incidents->selectedNumbers() == QStringList { number }, 10000);

        // A team: each of its escalation policies, added to the dialog.
        auto* teams = page<TeamsView>("teams");
        QVERIFY(teams);
        QString team;
        QList<IncidentTarget> policies;
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.workspace->directory()->hasPolicies(), 10000);
        for (const EscalationPolicyInfo& policy : m_parts.workspace->directory()->policies()) {
            team = policy.teamSlug;
            break;
        }
        QVERIFY(!team.isEmpty());
        m_parts.window->showView(QStringLiteral("teams"));
        QTRY_VERIFY_WITH_TIMEOUT(!(policies = teams->teamTargets(team)).isEmpty(), 10000);
        QSignalSpy asked(teams, &TeamsView::pageRequested);
        teams->pageTeam(team);
        QCOMPARE(asked.size(), 1);
        QTRY_VERIFY(incidents->isVisible());
        dialog = incidents->createDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->targets().size(), policies.size());
        for (const IncidentTarget& target : dialog->targets())
            QCOMPARE(target.type, IncidentTarget::Type::EscalationPolicy);
        dialog->reject();
    }
};

QTEST_MAIN(TestWorkspacePeople)
#include "tst_workspacepeople.moc"
