// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Nothing the user could lose is lost on quit or account switch: a real session's Workspace over
// rota-sim (real HTTP), the real MainWindow (offscreen) and Rota's QuitController and
// SessionController, wired as RotaApp wires them. Quit with unsaved paging-policy edits asks:
// Cancel keeps Rota running, Discard quits, Save saves (the simulator has it) and then quits, a
// failed save keeps Rota open and says why; a second Ctrl+Q under the question does nothing;
// writes in flight are waited for in a dialog that names them and says which did not arrive in
// time; an account switch with a note being written asks; the note box keeps a draft per
// incident, and a note that could not be saved is reported while another incident is shown.
#include "accountstore.h"
#include "apiclient.h"
#include "incidentactions.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotescontroller.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicymodel.h"
#include "quitcontroller.h"
#include "secretstore.h"
#include "sessioncontroller.h"
#include "settings.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"
#include "unsavedwork.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace rota;
using namespace rota::test;

namespace {

constexpr int LoopStayed = 42;

//! Runs the application's event loop: `step` first, then until a quit ends it (its code) or `ms`
//! pass (LoopStayed).
int runEventLoop(const std::function<void()>& step, int ms)
{
    QTimer::singleShot(0, step);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, [] { QCoreApplication::exit(LoopStayed); });
    watchdog.start(ms);
    return QCoreApplication::exec();
}

//! Runs `act` on the next modal dialog named `name` as soon as it is up (they block in exec()).
void whenModal(const QString& name, std::function<void(QWidget*)> act)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, name, act] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == name && modal->isVisible()) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        }
    });
    timer->start();
}

void clickStandard(QWidget* box, QMessageBox::StandardButton which)
{
    auto* message = qobject_cast<QMessageBox*>(box);
    QVERIFY(message);
    QAbstractButton* button = message->button(which);
    QVERIFY(button);
    button->click();
}

} // namespace

class TestUnsavedWork : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<QuitController> m_quit;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;

    void injectFault(const QString& spec)
    {
        const auto problem = m_fixture->server->service().faults().parse(spec);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    }

    QList<sim::SimPagingStep>& simPolicy()
    {
        return m_fixture->ctx().org.users[m_fixture->demoUser()].pagingPolicy;
    }

    // Opens the paging policy page (which loads the policy) and changes the first step's timeout
    // there (unsaved); returns the new timeout.
    int editPolicy()
    {
        PagingPolicyController* controller = m_workspace->pagingPolicyController();
        QSignalSpy loaded(controller, &PagingPolicyController::loaded);
        m_window->showView(QStringLiteral("paging-policy"));
        if (!loaded.wait(5000) || !loaded.last().at(0).toBool())
            return -1;
        const int now = simPolicy().at(0).timeout;
        const int wanted = now == 10 ? 15 : 10;
        if (!m_workspace->pagingPolicy()->setTimeout(0, wanted))
            return -1;
        return m_workspace->pagingPolicy()->isDirty() ? wanted : -1;
    }

    IncidentDetailPane* pane() const { return m_window->findChild<IncidentDetailPane*>(); }

    // Shows the incident in the incidents view, as a click on its row would.
    bool showIncident(const QString& number)
    {
        m_workspace->showIncident(number);
        return QTest::qWaitFor([this, number] { return pane()->incidentNumber() == number; }, 5000);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_dir = std::make_unique<QTemporaryDir>();
        m_ini = std::make_unique<QSettings>(
            m_dir->filePath(QStringLiteral("rota.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_ini.get());
        m_quit = std::make_unique<QuitController>();
        m_window = std::make_unique<MainWindow>();
        m_workspace = std::make_unique<Workspace>(
            m_fixture->client.get(), m_settings.get(), m_window.get());
        m_workspace->unsavedWork()->setWaitLimit(15000);
        // As RotaApp: every quit asks the session's unsaved work.
        m_quit->addGuard(m_workspace.get(), [this] {
            return m_workspace->unsavedWork()->confirmLeave(
                UnsavedWork::Leaving::Quit, m_window.get());
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_workspace.reset();
        m_window.reset();
        m_quit.reset();
        m_settings.reset();
        m_ini.reset();
        m_dir.reset();
        m_fixture.reset();
    }

    void quitWithUnsavedPolicyEditsCancelKeepsRotaRunning()
    {
        const int wanted = editPolicy();
        QVERIFY(wanted > 0);
        const int before = simPolicy().at(0).timeout;
        QString question;
        int asked = 0;
        bool secondQuit = true;
        whenModal(QStringLiteral("unsavedQuestion"), [&](QWidget* box) {
            ++asked;
            question = qobject_cast<QMessageBox*>(box)->text();
            // A second Ctrl+Q under the question is part of the first: nothing happens.
            secondQuit = m_quit->requestQuit();
            clickStandard(box, QMessageBox::Cancel);
        });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 3000), LoopStayed);
        QCOMPARE(asked, 1);
        QVERIFY(!secondQuit);
        QVERIFY2(question.contains(QStringLiteral("paging policy")), qPrintable(question));
        QVERIFY(!m_quit->isQuitting());
        QVERIFY(m_window->isVisible());
        QVERIFY(m_workspace->pagingPolicy()->isDirty());
        QCOMPARE(simPolicy().at(0).timeout, before);
    }

    void quitWithUnsavedPolicyEditsDiscardQuits()
    {
        const int wanted = editPolicy();
        QVERIFY(wanted > 0);
        const int before = simPolicy().at(0).timeout;
        whenModal(QStringLiteral("unsavedQuestion"),
            [](QWidget* box) { clickStandard(box, QMessageBox::Discard); });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 5000), 0);
        QVERIFY(m_quit->isQuitting());
        QVERIFY(!m_workspace->pagingPolicy()->isDirty());
        QCOMPARE(simPolicy().at(0).timeout, before);
    }

    void quitWithUnsavedPolicyEditsSaveSavesThenQuits()
    {
        const int wanted = editPolicy();
        QVERIFY(wanted > 0);
        whenModal(QStringLiteral("unsavedQuestion"),
            [](QWidget* box) { clickStandard(box, QMessageBox::Save); });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 10000), 0);
        QCOMPARE(simPolicy().at(0).timeout, wanted); // the simulator has it
        QVERIFY(!m_workspace->pagingPolicy()->isDirty());
    }

    void failedSaveKeepsRotaOpenAndSaysWhy()
    {
        const int wanted = editPolicy();
        QVERIFY(wanted > 0);
        const int before = simPolicy().at(0).timeout;
        injectFault(QStringLiteral("error,status=400,method=PUT"));
        whenModal(QStringLiteral("unsavedQuestion"),
            [](QWidget* box) { clickStandard(box, QMessageBox::Save); });
        QString why;
        whenModal(QStringLiteral("notSavedMessage"), [&why](QWidget* box) {
            why = qobject_cast<QMessageBox*>(box)->text();
            clickStandard(box, QMessageBox::Ok);
        });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 10000), LoopStayed);
        QVERIFY(!m_quit->isQuitting());
        QVERIFY2(why.contains(QStringLiteral("Your paging policy was not saved")), qPrintable(why));
        QVERIFY(m_workspace->pagingPolicy()->isDirty()); // the edits are kept
        QCOMPARE(simPolicy().at(0).timeout, before);
    }

    void quitWaitsForWritesInFlight()
    {
        const QString number
            = newSimIncident(*m_fixture, QStringLiteral("Disk full"), { m_fixture->demoUser() });
        m_workspace->start();
        QVERIFY(QTest::qWaitFor(
            [this, number] { return m_workspace->incidents()->numbers().contains(number); },
            10000));
        injectFault(QStringLiteral("slow,ms=1500,method=PATCH"));
        QCOMPARE(m_workspace->actions()->acknowledge({ number }), QStringList({ number }));
        QString waiting;
        whenModal(QStringLiteral("pendingWritesDialog"), [&waiting](QWidget* dialog) {
            waiting = dialog->findChild<QLabel*>(QStringLiteral("pendingWritesText"))->text();
        });
        QAction* quit = m_window->quitAction();
        // The dialog closes by itself when the answer arrives; then Rota quits.
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 10000), 0);
        QVERIFY2(waiting.startsWith(QStringLiteral("Waiting for 1 change to reach Splunk On-Call")),
            qPrintable(waiting));
        QVERIFY2(waiting.contains(QStringLiteral("acknowledging incident #") + number),
            qPrintable(waiting));
        QCOMPARE(simPhase(*m_fixture, number), QStringLiteral("ACKED"));
    }

    void waitHasATimeLimitAndSaysWhatDidNotArrive()
    {
        const QString number
            = newSimIncident(*m_fixture, QStringLiteral("Disk full"), { m_fixture->demoUser() });
        m_workspace->start();
        QVERIFY(QTest::qWaitFor(
            [this, number] { return m_workspace->incidents()->numbers().contains(number); },
            10000));
        m_workspace->unsavedWork()->setWaitLimit(1000);
        injectFault(QStringLiteral("slow,ms=8000,method=PATCH"));
        QCOMPARE(m_workspace->actions()->resolve({ number }), QStringList({ number }));
        QString late;
        whenModal(QStringLiteral("pendingWritesDialog"), [&late](QWidget* dialog) {
            auto* text = dialog->findChild<QLabel*>(QStringLiteral("pendingWritesText"));
            auto* poll = new QTimer(dialog);
            poll->setInterval(50);
            QObject::connect(poll, &QTimer::timeout, dialog, [dialog, text, poll, &late] {
                if (!text->text().contains(QStringLiteral("did not reach")))
                    return;
                poll->stop();
                late = text->text();
                dialog->findChild<QPushButton*>(QStringLiteral("stay"))->click();
            });
            poll->start();
        });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 6000), LoopStayed);
        QVERIFY2(late.contains(QStringLiteral("1 change did not reach Splunk On-Call")),
            qPrintable(late));
        QVERIFY2(late.contains(QStringLiteral("resolving incident #") + number), qPrintable(late));
        QVERIFY(!m_quit->isQuitting());

        // Quit anyway leaves without the answer.
        whenModal(QStringLiteral("pendingWritesDialog"), [](QWidget* dialog) {
            dialog->findChild<QPushButton*>(QStringLiteral("leaveAnyway"))->click();
        });
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 6000), 0);
    }

    void noteDraftsAreKeptPerIncident()
    {
        const QString a
            = newSimIncident(*m_fixture, QStringLiteral("A"), { m_fixture->demoUser() });
        const QString b
            = newSimIncident(*m_fixture, QStringLiteral("B"), { m_fixture->demoUser() });
        m_workspace->start();
        QVERIFY(
            QTest::qWaitFor([this] { return m_workspace->incidents()->rowCount() > 0; }, 10000));
        QVERIFY(showIncident(a));
        pane()->noteTextEdit()->setFocus();
        QTest::keyClicks(pane()->noteTextEdit(), QStringLiteral("Failing over"));
        QVERIFY(showIncident(b));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QString());
        QTest::keyClicks(pane()->noteTextEdit(), QStringLiteral("Other"));
        QVERIFY(showIncident(a));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QStringLiteral("Failing over"));
        QVERIFY(pane()->addNoteButton()->isEnabled());
        QVERIFY(showIncident(b));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QStringLiteral("Other"));

        // Sent from A, then B shown: the note lands, A's draft goes, B's stays.
        QVERIFY(showIncident(a));
        QTest::mouseClick(pane()->addNoteButton(), Qt::LeftButton);
        QVERIFY(showIncident(b));
        QVERIFY(QTest::qWaitFor(
            [this, a] { return m_fixture->ctx().org.incidents[a.toInt()].notes.size() == 1; },
            5000));
        QVERIFY(QTest::qWaitFor(
            [this] { return m_workspace->notesController()->pendingCalls() == 0; }, 5000));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QStringLiteral("Other"));
        QVERIFY(showIncident(a));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QString());
    }

    void failedNoteSaveIsReportedWhileAnotherIncidentIsShown()
    {
        const QString a
            = newSimIncident(*m_fixture, QStringLiteral("A"), { m_fixture->demoUser() });
        const QString b
            = newSimIncident(*m_fixture, QStringLiteral("B"), { m_fixture->demoUser() });
        m_workspace->start();
        QVERIFY(
            QTest::qWaitFor([this] { return m_workspace->incidents()->rowCount() > 0; }, 10000));
        QVERIFY(showIncident(a));
        injectFault(QStringLiteral("error,status=400,count=1,method=POST"));
        pane()->noteTextEdit()->setFocus();
        QTest::keyClicks(pane()->noteTextEdit(), QStringLiteral("Call the vendor"));
        QTest::mouseClick(pane()->addNoteButton(), Qt::LeftButton);
        QVERIFY(showIncident(b)); // before the answer
        QVERIFY(QTest::qWaitFor([this] { return pane()->noteMessage()->isVisible(); }, 5000));
        QVERIFY2(pane()->noteMessage()->text().startsWith(
                     QStringLiteral("The note on incident #%1 was not saved").arg(a)),
            qPrintable(pane()->noteMessage()->text()));
        QCOMPARE(pane()->incidentNumber(), b);
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QString()); // B's box is B's
        QVERIFY(showIncident(a));
        QCOMPARE(pane()->noteTextEdit()->toPlainText(), QStringLiteral("Call the vendor"));
        QVERIFY(pane()->addNoteButton()->isEnabled()); // can be sent again
        QVERIFY(m_fixture->ctx().org.incidents[a.toInt()].notes.isEmpty());
    }

    void quitWithANoteDraftAsksAndSaveSendsIt()
    {
        const QString a
            = newSimIncident(*m_fixture, QStringLiteral("A"), { m_fixture->demoUser() });
        m_workspace->start();
        QVERIFY(
            QTest::qWaitFor([this] { return m_workspace->incidents()->rowCount() > 0; }, 10000));
        QVERIFY(showIncident(a));
        pane()->noteTextEdit()->setFocus();
        QTest::keyClicks(pane()->noteTextEdit(), QStringLiteral("Handing over to Sam"));
        QString question;
        whenModal(QStringLiteral("unsavedQuestion"), [&question](QWidget* box) {
            question = qobject_cast<QMessageBox*>(box)->text();
            clickStandard(box, QMessageBox::Save);
        });
        QAction* quit = m_window->quitAction();
        QCOMPARE(runEventLoop([quit] { quit->trigger(); }, 10000), 0);
        QVERIFY2(question.contains(QStringLiteral("a note being written on incident #") + a),
            qPrintable(question));
        const auto& notes = m_fixture->ctx().org.incidents[a.toInt()].notes;
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.at(0).jsonValue.value(QStringLiteral("text")).toString(),
            QStringLiteral("Handing over to Sam"));
    }
};

// An account switch asks the same owners, through SessionController's leave check (as RotaApp
// wires it): with a note being written, Cancel keeps the session and the draft; Discard switches.
class TestSwitchAsks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accountSwitchWithANoteDraftAsks()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        QTemporaryDir dir;
        QSettings ini(dir.filePath(QStringLiteral("rota.ini")), QSettings::IniFormat);
        AccountStore accounts(&ini);
        Settings settings(&ini);
        MemorySecretStore keychain;
        MainWindow window;
        SessionController session(&window, &accounts, &keychain, &settings);
        std::unique_ptr<Workspace> workspace; // goes before the session's client, as in RotaApp
        session.setLeaveCheck([&workspace, &window](UnsavedWork::Leaving leaving) {
            return !workspace || workspace->unsavedWork()->confirmLeave(leaving, &window);
        });
        QObject::connect(&session, &SessionController::sessionChanged, [&] {
            workspace.reset();
            if (session.client()) {
                workspace = std::make_unique<Workspace>(session.client(), &settings, &window);
                workspace->start();
            }
        });
        QList<Account> made;
        for (const QString& name : { QStringLiteral("Ops"), QStringLiteral("Staging") }) {
            QString error;
            const auto account = accounts.save({ {}, name, fixture.ctx().options.apiId,
                                                   fixture.demoUser(), fixture.server->baseUrl() },
                &error);
            QVERIFY2(account, qPrintable(error));
            bool done = false;
            keychain.write(account->id, fixture.ctx().options.apiKey, &window,
                [&done](const SecretResult&) { done = true; });
            QVERIFY(QTest::qWaitFor([&done] { return done; }, 5000));
            made.append(*account);
        }
        window.show();
        session.switchTo(made.at(0).id);
        QVERIFY(QTest::qWaitFor([&] { return workspace != nullptr; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return workspace->incidents()->rowCount() > 0; }, 10000));
        const QString number = workspace->incidents()->numbers().constFirst();
        workspace->showIncident(number);
        auto* pane = window.findChild<IncidentDetailPane*>();
        QVERIFY(QTest::qWaitFor([&] { return pane->incidentNumber() == number; }, 5000));
        QTest::keyClicks(pane->noteTextEdit(), QStringLiteral("Half a thought"));
        ApiClient* first = session.client();

        QString question;
        whenModal(QStringLiteral("unsavedQuestion"), [&question](QWidget* box) {
            question = qobject_cast<QMessageBox*>(box)->text();
            clickStandard(box, QMessageBox::Cancel);
        });
        session.switchTo(made.at(1).id);
        QVERIFY2(question.contains(QStringLiteral("a note being written on incident #") + number),
            qPrintable(question));
        QCOMPARE(session.client(), first);
        QCOMPARE(session.account()->id, made.at(0).id);
        QCOMPARE(accounts.currentId(), made.at(0).id);
        QCOMPARE(pane->noteTextEdit()->toPlainText(), QStringLiteral("Half a thought"));

        whenModal(QStringLiteral("unsavedQuestion"),
            [](QWidget* box) { clickStandard(box, QMessageBox::Discard); });
        session.switchTo(made.at(1).id);
        QVERIFY(QTest::qWaitFor(
            [&] { return session.client() && session.account()->id == made.at(1).id; }, 5000));
        QVERIFY(workspace && workspace->notesController()->unsentDrafts().isEmpty());
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int status = 0;
    {
        TestUnsavedWork test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestSwitchAsks test;
        status |= QTest::qExec(&test, argc, argv);
    }
    return status;
}

#include "tst_unsavedwork.moc"
