// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A day in the life of Rota, whole (RotaApp: the window, the tray, the session with its accounts
// and the real keychain) against an in-process rota-sim over real HTTP, driven the way a person
// does, checking after every step what the server says, not only what the window shows:
//  1. first run: the sign-in dialog; signing in stores the key in the keychain and in no file;
//  2. acknowledge from the tray's real menu;
//  3. resolve with a message from the incidents view (R); the row stays, resolved;
//  4. reroute to another user (Ctrl+E); the row's paged users follow by themselves;
//  5. add a note in the detail pane;
//  6. edit the paging policy with the keyboard and save it (Ctrl+S);
//  7. take on-call for a policy;
//  8. start maintenance for a routing key and end it;
//  9. the server goes away and comes back on the same port with its state: Rota says so while it
//     is gone and recovers by itself; a write works again and the earlier work is still there;
// 10. add a second account (another org) from the Account menu, then switch back;
// 11. File › Quit: Rota quits, and this process ends only because it did.
//
// The test runs inside the application's event loop (in Qt 6 a quit does nothing without one):
// main() starts QTest::qExec from app.exec(), and after the tests only Rota's own quit can end
// that loop; a watchdog fails the run when it does not.
//
// Needs a display with a tray host and an unlocked keychain on a private session bus (run under
// scripts/headless). Without them it skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (as CI sets).

#include "accountmenu.h"
#include "accountstore.h"
#include "apiclient.h"
#include "connectionindicator.h"
#include "connectionstatus.h"
#include "incidentactions.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "keychainsecretstore.h"
#include "maintenancebanner.h"
#include "maintenancemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "oncallmodel.h"
#include "oncallview.h"
#include "pagingpolicyeditor.h"
#include "pagingpolicymodel.h"
#include "policypalette.h"
#include "policystepcanvas.h"
#include "quitcontroller.h"
#include "reroutedialog.h"
#include "rotaapp.h"
#include "routingkeymodel.h"
#include "sessioncontroller.h"
#include "settings.h"
#include "signindialog.h"
#include "simcontext.h"
#include "simserver.h"
#include "traycontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>
#include <optional>

using namespace rota;

namespace {

bool required() { return qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1; }

//! The throw-away HOME that main() sets before Qt reads any path.
QString g_home;

constexpr int Timeout = 15000;
constexpr int QuitWatchdogMs = 15000;

QMenu* submenu(QMenu* menu, const QString& objectName)
{
    for (QAction* action : menu->actions()) {
        if (action->menu() && action->menu()->objectName() == objectName)
            return action->menu();
    }
    return nullptr;
}

QAction* action(QMenu* menu, const QString& objectName)
{
    for (QAction* each : menu->actions()) {
        if (each->objectName() == objectName)
            return each;
    }
    return nullptr;
}

//! Reads the secret of `accountId` from `store`, waiting for the answer; nullopt when none came.
std::optional<SecretResult> readSecret(SecretStore& store, const QString& accountId)
{
    std::optional<SecretResult> answer;
    QObject context;
    store.read(accountId, &context, [&answer](const SecretResult& result) { answer = result; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, Timeout);
    return answer;
}

std::optional<SecretResult> writeSecret(
    SecretStore& store, const QString& accountId, const QString& secret)
{
    std::optional<SecretResult> answer;
    QObject context;
    store.write(
        accountId, secret, &context, [&answer](const SecretResult& result) { answer = result; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, Timeout);
    return answer;
}

//! The sign-in dialog on the screen, nullptr when none (a closed one may await deletion).
SignInDialog* visibleSignInDialog()
{
    for (QWidget* widget : QApplication::allWidgets()) {
        auto* dialog = qobject_cast<SignInDialog*>(widget);
        if (dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

//! The files under `dir` whose bytes contain `secret` (as UTF-8 or UTF-16).
QStringList filesContaining(const QString& dir, const QString& secret)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(secret.toUtf8())
            || bytes.contains(
                QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2)))
            found << path;
    }
    return found;
}

} // namespace

class TestDayInTheLife : public QObject {
    Q_OBJECT

public:
    //! True once Rota was started: from then on only its quit may end the event loop.
    bool rotaStarted() const { return m_rota != nullptr; }

    //! Goes after the event loop has ended: Rota first, then the servers it talked to.
    void tearDown()
    {
        m_rota.reset();
        m_second.reset();
        m_server.reset();
    }

private:
    QTemporaryDir m_stateDir;
    sim::SimOptions m_options;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<sim::SimServer> m_second;
    std::unique_ptr<RotaApp> m_rota;
    quint16 m_port = 0;
    QString m_me;
    QString m_firstAccountId;
    // What the day's steps did, for the later steps to check it is still so.
    QString m_acked;
    QString m_resolved;
    QString m_rerouted;
    QString m_rerouteTo;
    const QString m_resolveMessage = QStringLiteral("Restarted the checkout pods");
    const QString m_noteTitle = QStringLiteral("Handover");
    const QString m_noteText = QStringLiteral("Watch the error rate tonight");
    int m_policyStep = -1;
    PagingRule m_addedRule;
    int m_policyRules = 0;
    QString m_takenPolicy;

    sim::SimContext& ctx() { return m_server->context(); }

    static std::unique_ptr<sim::SimServer> startServer(
        const sim::SimOptions& options, QString* error)
    {
        auto server = std::make_unique<sim::SimServer>(options);
        if (!server->start(error))
            return nullptr;
        return server;
    }

    //! A new incident for service "checkout" in `server`, paging `users` directly, started
    //! `minutesAgo`. Its number.
    static QString newIncident(sim::SimServer& server, const QString& summary,
        const QStringList& users, int minutesAgo = 0)
    {
        sim::NewIncident incident;
        incident.summary = summary;
        incident.service = QStringLiteral("checkout");
        incident.routingKey = QStringLiteral("payments");
        incident.usernames = users;
        incident.start = server.context().now().addSecs(-60 * minutesAgo);
        return QString::number(sim::createIncident(server.context(), incident));
    }

    sim::SimIncident simIncident(const QString& number)
    {
        return ctx().org.incidents.value(number.toInt());
    }
    QString simPhase(const QString& number) { return simIncident(number).phase; }

    Workspace* workspace() const { return m_rota->workspace(); }
    MainWindow* window() const { return m_rota->window(); }
    IncidentModel* incidents() const { return workspace()->incidents(); }
    IncidentsView* incidentsView() const
    {
        return qobject_cast<IncidentsView*>(window()->page(QStringLiteral("incidents")));
    }
    QTableView* table() const { return incidentsView()->table(); }

    bool refreshIncidents()
    {
        QSignalSpy refreshed(workspace()->poller(), &IncidentPoller::refreshed);
        workspace()->poller()->refresh();
        return refreshed.wait(Timeout);
    }

    //! The window in front with the keyboard, as after a click on it: shortcuts need it.
    void activate()
    {
        window()->show();
        window()->raise();
        window()->activateWindow();
        QApplication::setActiveWindow(window());
        QTRY_COMPARE_WITH_TIMEOUT(
            QApplication::activeWindow(), static_cast<QWidget*>(window()), Timeout);
    }

    //! The incidents view's row (proxy) of an incident; -1 when not shown.
    int viewRow(const QString& number) const
    {
        QAbstractItemModel* model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(IncidentModel::NumberRole).toString() == number)
                return row;
        }
        return -1;
    }

    QString shownPhase(const QString& number) const
    {
        const int row = viewRow(number);
        return row < 0 ? QString()
                       : table()->model()->index(row, IncidentModel::PhaseColumn).data().toString();
    }

    //! A click on the incident's row in the incidents view (shown first), which selects it.
    void clickRow(const QString& number)
    {
        window()->showView(QStringLiteral("incidents"));
        activate();
        if (QTest::currentTestFailed())
            return;
        const int row = viewRow(number);
        QVERIFY2(row >= 0, qPrintable(QStringLiteral("incident %1 is not listed").arg(number)));
        const QModelIndex index = table()->model()->index(row, IncidentModel::SummaryColumn);
        table()->scrollTo(index);
        QTest::mouseClick(
            table()->viewport(), Qt::LeftButton, {}, table()->visualRect(index).center());
        QTRY_COMPARE(incidentsView()->selectedNumbers(), QStringList { number });
        table()->setFocus();
    }

    //! The model's row of the incident with this summary; -1 when none.
    static int rowWithSummary(IncidentModel* model, const QString& summary)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->incidentAt(row).entityDisplayName == summary)
                return row;
        }
        return -1;
    }

    //! Fills the sign-in dialog as a person does and signs in.
    void signIn(
        SignInDialog* dialog, sim::SimServer& server, const QString& apiKey, const QString& name)
    {
        const QList<std::pair<QString, QString>> fields {
            { QStringLiteral("apiIdEdit"), server.context().options.apiId },
            { QStringLiteral("apiKeyEdit"), apiKey },
            { QStringLiteral("usernameEdit"), server.context().org.demoUser },
            { QStringLiteral("nameEdit"), name },
            { QStringLiteral("baseUrlEdit"), server.baseUrl().toString() },
        };
        for (const auto& [objectName, text] : fields) {
            auto* edit = dialog->findChild<QLineEdit*>(objectName);
            QVERIFY2(edit, qPrintable(objectName));
            edit->selectAll();
            QTest::keyClicks(edit, text);
            QCOMPARE(edit->text(), text);
        }
        auto* signInButton = dialog->findChild<QPushButton*>(QStringLiteral("signInButton"));
        QVERIFY(signInButton);
        QTest::mouseClick(signInButton, Qt::LeftButton);
    }

    //! Waits until Rota shows a signed-in workspace whose connection is online.
    void waitForOnlineWorkspace()
    {
        QTRY_VERIFY_WITH_TIMEOUT(workspace() && workspace()->connection(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            workspace()->connection()->state(), ConnectionStatus::State::Online, Timeout);
    }

    //! The text the status bar shows for the connection.
    QString statusBarText() const
    {
        auto* indicator = window()->findChild<ConnectionIndicator*>();
        if (!indicator)
            return QStringLiteral("<no connection indicator>");
        QStringList texts;
        for (QLabel* label : indicator->findChildren<QLabel*>())
            texts << label->text();
        return texts.join(QLatin1Char(' '));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString missing;
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            missing = QStringLiteral("no display (run under scripts/headless)");
        else if (!QSystemTrayIcon::isSystemTrayAvailable())
            missing
                = QStringLiteral("no system tray (run under scripts/headless: Xvfb and trayer)");
        if (missing.isEmpty()) {
            // The real keychain must take a key and give it back.
            KeychainSecretStore keychain;
            const QString probeId
                = QStringLiteral("rota-probe-") + QUuid::createUuid().toString(QUuid::Id128);
            const std::optional<SecretResult> written
                = writeSecret(keychain, probeId, QStringLiteral("probe"));
            if (!written || !written->ok()) {
                missing = QStringLiteral("no usable keychain (%1); run under scripts/headless")
                              .arg(written ? written->message : QStringLiteral("no answer"));
            } else {
                std::optional<SecretResult> removed;
                QObject context;
                keychain.remove(probeId, &context,
                    [&removed](const SecretResult& result) { removed = result; });
                (void)QTest::qWaitFor([&removed] { return removed.has_value(); }, Timeout);
            }
        }
        if (!missing.isEmpty()) {
            if (required())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + missing));
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_stateDir.isValid());

        // The server keeps its state in a file, so that it can be restarted with it.
        m_options.apiKey = QStringLiteral("day-key-") + QUuid::createUuid().toString(QUuid::Id128);
        m_options.stateFile = m_stateDir.filePath(QStringLiteral("sim-state.json"));
        QString error;
        m_server = startServer(m_options, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_port = m_server->port();
        m_options.port = m_port; // a restart comes back on the same port
        m_me = ctx().org.demoUser;

        m_rota = std::make_unique<RotaApp>(CommandLine {});
        // The shortest refresh a person can choose: an outage is noticed within seconds.
        Preferences preferences = m_rota->settings()->preferences();
        preferences.refreshSeconds = Preferences::MinRefreshSeconds;
        QVERIFY2(m_rota->settings()->setPreferences(preferences, &error), qPrintable(error));
        QVERIFY(m_rota->session());
        QVERIFY2(m_rota->start(&error), qPrintable(error));
    }

    // Each step says that it begins: a step that crashes Rota is named in the output.
    void init() { qInfo("begins"); }

    // First run: no account, so the sign-in dialog asks; signing in opens the workspace, and the
    // key is in the keychain, not in memory, and in no file.
    void signInOnTheFirstRun()
    {
        QVERIFY(window()->isVisible());
        QVERIFY(!workspace());
        QPointer<SignInDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleSignInDialog()) != nullptr, Timeout);
        signIn(dialog, *m_server, m_options.apiKey, QStringLiteral("Northwind"));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), Timeout);
        waitForOnlineWorkspace();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(window()->windowTitle().contains(QStringLiteral("Northwind")),
            qPrintable(window()->windowTitle()));
        QCOMPARE(workspace()->username(), m_me);

        const std::optional<Account> account = AccountStore().current();
        QVERIFY(account);
        QCOMPARE(account->name, QStringLiteral("Northwind"));
        QCOMPARE(account->baseUrl, m_server->baseUrl());
        m_firstAccountId = account->id;
        KeychainSecretStore keychain;
        const std::optional<SecretResult> stored = readSecret(keychain, m_firstAccountId);
        QVERIFY(stored);
        QVERIFY2(stored->ok(), qPrintable(stored->message));
        QCOMPARE(stored->secret, m_options.apiKey);
        const std::optional<SecretResult> inMemory
            = readSecret(*m_rota->session()->memoryStore(), m_firstAccountId);
        QVERIFY(inMemory);
        QCOMPARE(inMemory->error, SecretError::NotFound);
        const QStringList leaks = filesContaining(g_home, m_options.apiKey);
        QVERIFY2(leaks.isEmpty(),
            qPrintable(QStringLiteral("the key is in: ") + leaks.join(QStringLiteral(", "))));

        // The incidents are there, and the status bar says where Rota is connected.
        QTRY_VERIFY_WITH_TIMEOUT(incidents()->rowCount() > 0, Timeout);
        QTRY_COMPARE(statusBarText(), workspace()->connection()->text());
    }

    // A new page for me: acknowledged from the tray's menu, with the mouse.
    void acknowledgeFromTheTray()
    {
        QVERIFY(workspace());
        m_acked = newIncident(*m_server, QStringLiteral("Checkout latency above 2 s"), { m_me }, 0);
        m_resolved = newIncident(*m_server, QStringLiteral("Payment queue backed up"), { m_me }, 1);
        m_rerouted
            = newIncident(*m_server, QStringLiteral("Card vault disk 91% full"), { m_me }, 2);
        m_rerouteTo.clear();
        for (const QString& user : ctx().org.users.keys()) {
            if (user != m_me) {
                m_rerouteTo = user;
                break;
            }
        }
        QVERIFY(!m_rerouteTo.isEmpty());
        QVERIFY(refreshIncidents());

        QMenu* menu = m_rota->tray()->menu();
        QVERIFY(menu);
        QCOMPARE(m_rota->tray()->trayIcon()->contextMenu(), menu);
        QTRY_VERIFY(submenu(menu, QStringLiteral("incident-") + m_acked));
        QMenu* sub = submenu(menu, QStringLiteral("incident-") + m_acked);
        QVERIFY2(sub->title().contains(QStringLiteral("(Triggered)")), qPrintable(sub->title()));
        QAction* ack = action(sub, QStringLiteral("acknowledge"));
        QVERIFY(ack && ack->isEnabled());
        menu->popup(QPoint(100, 100));
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QTest::mouseClick(
            menu, Qt::LeftButton, {}, menu->actionGeometry(sub->menuAction()).center());
        QTRY_VERIFY(sub->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(sub));
        QTest::mouseClick(sub, Qt::LeftButton, {}, sub->actionGeometry(ack).center());
        QTRY_VERIFY(!menu->isVisible());

        QTRY_COMPARE_WITH_TIMEOUT(simPhase(m_acked), QStringLiteral("ACKED"), Timeout);
        QCOMPARE(simIncident(m_acked).transitions.last().by, m_me);
        QCOMPARE(simPhase(m_resolved), QStringLiteral("UNACKED"));
        // Rota settles to it by itself.
        QTRY_COMPARE_WITH_TIMEOUT(incidents()->incidentAt(incidents()->rowOf(m_acked)).phase,
            Phase::Acknowledged, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(submenu(menu, QStringLiteral("incident-") + m_acked)
                && submenu(menu, QStringLiteral("incident-") + m_acked)
                       ->title()
                       .contains(QStringLiteral("(Acknowledged)")),
            Timeout);
    }

    // Resolve from the incidents view: select the row, R, a message, Resolve.
    void resolveWithAMessage()
    {
        QVERIFY(workspace());
        clickRow(m_resolved);
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(table(), Qt::Key_R);
        QPointer<QInputDialog> dialog = incidentsView()->resolveDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(simPhase(m_resolved), QStringLiteral("UNACKED")); // nothing sent yet
        auto* edit = dialog->findChild<QLineEdit*>();
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, m_resolveMessage);
        QCOMPARE(dialog->textValue(), m_resolveMessage);
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
        QVERIFY(ok);
        QCOMPARE(ok->text(), QStringLiteral("Resolve"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());

        QTRY_COMPARE_WITH_TIMEOUT(simPhase(m_resolved), QStringLiteral("RESOLVED"), Timeout);
        QCOMPARE(simIncident(m_resolved).transitions.last().message, m_resolveMessage);
        QCOMPARE(simIncident(m_resolved).transitions.last().by, m_me);
        // The row stays, resolved and selected, also after the service stopped listing it.
        QVERIFY(refreshIncidents());
        QCOMPARE(shownPhase(m_resolved), QStringLiteral("Resolved"));
        QCOMPARE(incidentsView()->selectedNumbers(), QStringList { m_resolved });
        QCOMPARE(incidentsView()->detailPane()->incidentNumber(), m_resolved);
    }

    // Reroute to another user (Ctrl+E): the service pages them instead, and the row says so
    // without a refresh by hand.
    void rerouteToAnotherUser()
    {
        QVERIFY(workspace());
        clickRow(m_rerouted);
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(table(), Qt::Key_E, Qt::ControlModifier);
        QPointer<RerouteDialog> dialog = incidentsView()->rerouteDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->incidentNumbers(), QStringList { m_rerouted });
        QTRY_VERIFY_WITH_TIMEOUT(dialog->picker()->isLoaded(), Timeout);
        QTest::keyClicks(dialog->picker()->filterEdit(), m_rerouteTo);
        QVERIFY(dialog->picker()->setChecked(IncidentTarget::user(m_rerouteTo)));
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), Timeout);

        QTRY_VERIFY_WITH_TIMEOUT(simIncident(m_rerouted).pagedUsers.contains(m_rerouteTo), Timeout);
        QVERIFY(!simIncident(m_rerouted).pagedUsers.contains(m_me));
        QTRY_VERIFY_WITH_TIMEOUT(incidents()
                                     ->incidentAt(incidents()->rowOf(m_rerouted))
                                     .pagedUsers.contains(m_rerouteTo),
            5000);
        QVERIFY(!incidents()->isPagingMe(incidents()->rowOf(m_rerouted)));
    }

    // A note in the detail pane of the acknowledged incident.
    void addANote()
    {
        QVERIFY(workspace());
        clickRow(m_acked);
        if (QTest::currentTestFailed())
            return;
        IncidentDetailPane* pane = incidentsView()->detailPane();
        QTRY_COMPARE(pane->incidentNumber(), m_acked);
        QTRY_COMPARE_WITH_TIMEOUT(
            pane->notes()->notesState(), IncidentNotes::LoadState::Loaded, Timeout);
        const int before = pane->notes()->rowCount();
        pane->noteTitleEdit()->setFocus();
        QTest::keyClicks(pane->noteTitleEdit(), m_noteTitle);
        pane->noteTextEdit()->setFocus();
        QTest::keyClicks(pane->noteTextEdit(), m_noteText);
        QVERIFY(pane->addNoteButton()->isEnabled());
        QTest::mouseClick(pane->addNoteButton(), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(simIncident(m_acked).notes.size(), 1, Timeout);
        const sim::SimNote note = simIncident(m_acked).notes.first();
        QCOMPARE(note.displayName, m_noteTitle);
        QCOMPARE(note.jsonValue.value(QStringLiteral("text")).toString(), m_noteText);
        QTRY_COMPARE_WITH_TIMEOUT(pane->notes()->rowCount(), before + 1, Timeout);
        // The note's text went to the note, not to a shortcut of the view.
        QCOMPARE(simPhase(m_acked), QStringLiteral("ACKED"));
    }

    // The paging policy: a contact added to a step with the keyboard, saved with Ctrl+S.
    void editAndSaveThePagingPolicy()
    {
        QVERIFY(workspace());
        window()->showView(QStringLiteral("paging-policy"));
        activate();
        if (QTest::currentTestFailed())
            return;
        auto* editor
            = qobject_cast<PagingPolicyEditor*>(window()->page(QStringLiteral("paging-policy")));
        QVERIFY(editor);
        const QList<sim::SimPagingStep> before = ctx().org.users.value(m_me).pagingPolicy;
        QVERIFY(!before.isEmpty());
        PagingPolicyModel* model = editor->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == before.size()
                && !editor->controller()->isBusy() && editor->palette()->rules().size() > 1,
            Timeout);

        // The first step (whose card is in view) lacking one of the palette's contacts.
        PolicyStepCanvas* canvas = editor->canvas();
        const QList<PagingRule> palette = editor->palette()->rules();
        const QList<PolicyStep> steps = model->steps();
        int entry = -1;
        m_policyStep = -1;
        for (int step = 0; step < steps.size() && m_policyStep < 0; ++step) {
            if (!canvas->visibleRegion().contains(
                    canvas->stepRect(step).topLeft() + QPoint(60, 12)))
                continue;
            for (int i = 0; i < palette.size() && entry < 0; ++i) {
                bool there = false;
                for (const PagingRule& rule : steps.at(step).rules) {
                    there = there
                        || (rule.notificationType == palette.at(i).notificationType
                            && rule.contact == palette.at(i).contact);
                }
                if (!there)
                    entry = i;
            }
            if (entry >= 0)
                m_policyStep = step;
        }
        QVERIFY2(m_policyStep >= 0, "a step in view that lacks one of the user's contacts");
        m_addedRule = palette.at(entry);
        m_policyRules = steps.at(m_policyStep).rules.size();

        // The step's header makes it current; in the palette, the contact and Enter add it.
        QTest::mouseClick(
            canvas, Qt::LeftButton, {}, canvas->stepRect(m_policyStep).topLeft() + QPoint(60, 12));
        QCOMPARE(canvas->currentStep(), m_policyStep);
        editor->palette()->setFocus();
        for (int i = 0; i < palette.size(); ++i)
            QTest::keyClick(editor->palette(), Qt::Key_Up);
        for (int i = 0; i < entry; ++i)
            QTest::keyClick(editor->palette(), Qt::Key_Down);
        QTest::keyClick(editor->palette(), Qt::Key_Return);
        QCOMPARE(model->steps().at(m_policyStep).rules.size(), m_policyRules + 1);
        QVERIFY(editor->dirtyLabel()->isVisible());
        QCOMPARE(ctx().org.users.value(m_me).pagingPolicy.at(m_policyStep).rules.size(),
            m_policyRules); // nothing sent yet

        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            ctx().org.users.value(m_me).pagingPolicy.at(m_policyStep).rules.size(),
            m_policyRules + 1, Timeout);
        const QList<sim::SimPagingStep> after = ctx().org.users.value(m_me).pagingPolicy;
        QCOMPARE(after.size(), before.size());
        bool added = false;
        for (const sim::SimPagingRule& rule : after.at(m_policyStep).rules) {
            added = added
                || (rule.notificationType == m_addedRule.notificationType
                    && rule.contactId == m_addedRule.contact.id
                    && rule.contactType == m_addedRule.contact.type);
        }
        QVERIFY2(added,
            qPrintable(
                QStringLiteral("the step lacks the %1 rule").arg(m_addedRule.notificationType)));
        for (int step = 0; step < after.size(); ++step) {
            if (step != m_policyStep)
                QCOMPARE(after.at(step).rules.size(), before.at(step).rules.size());
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            !editor->controller()->isBusy() && !editor->dirtyLabel()->isVisible(), Timeout);
    }

    // Take on-call for a policy someone else is on call for, from the On-call view.
    void takeOnCall()
    {
        QVERIFY(workspace());
        window()->showView(QStringLiteral("oncall"));
        activate();
        if (QTest::currentTestFailed())
            return;
        auto* view = qobject_cast<OnCallView*>(window()->page(QStringLiteral("oncall")));
        QVERIFY(view);
        auto* model = workspace()->findChild<OnCallModel*>();
        QVERIFY(model);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, Timeout);
        QString from;
        m_takenPolicy.clear();
        for (int t = 0; t < model->rowCount() && m_takenPolicy.isEmpty(); ++t) {
            const QModelIndex team = model->index(t, 0);
            for (int p = 0; p < model->rowCount(team) && m_takenPolicy.isEmpty(); ++p) {
                const QString slug = model->index(p, 0, team).data(OnCallModel::KeyRole).toString();
                const QStringList users = model->onCallFor(slug);
                if (users.size() == 1 && users.first() != m_me) {
                    from = users.first();
                    m_takenPolicy = slug;
                }
            }
        }
        QVERIFY2(!m_takenPolicy.isEmpty(), "a policy one other person is on call for");
        QCOMPARE(sim::policyOnCallAt(ctx(), m_takenPolicy, ctx().now()), QStringList { from });
        QVERIFY(view->select(m_takenPolicy));
        auto* take = view->findChild<QPushButton*>(QStringLiteral("takeButton"));
        QVERIFY(take);
        QTRY_VERIFY(take->isEnabled());
        QTest::mouseClick(take, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(
            sim::policyOnCallAt(ctx(), m_takenPolicy, ctx().now()), QStringList { m_me }, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(model->personIndex(m_takenPolicy, m_me).isValid(), Timeout);
        QVERIFY(!model->personIndex(m_takenPolicy, from).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(
            workspace()->onCallSummary().startsWith(QStringLiteral("On call for ")), Timeout);
    }

    // Maintenance for one routing key, started and ended in the Maintenance view.
    void startAndEndMaintenance()
    {
        QVERIFY(workspace());
        window()->showView(QStringLiteral("maintenance"));
        activate();
        if (QTest::currentTestFailed())
            return;
        auto* view = qobject_cast<MaintenanceView*>(window()->page(QStringLiteral("maintenance")));
        QVERIFY(view);
        auto* maintenance = workspace()->findChild<MaintenanceModel*>();
        auto* keys = workspace()->findChild<RoutingKeyModel*>();
        QVERIFY(maintenance && keys);
        QTRY_VERIFY_WITH_TIMEOUT(keys->rowCount() > 1, Timeout);
        QVERIFY(ctx().org.maintenance.isEmpty());
        QVERIFY(!maintenance->isActive());
        QString key;
        for (int row = 0; row < keys->rowCount() && key.isEmpty(); ++row) {
            if (!keys->keyAt(row).isDefault)
                key = keys->keyAt(row).routingKey;
        }
        QVERIFY(!key.isEmpty());

        view->selectRoutingKeys({ key });
        auto* purpose = view->findChild<QLineEdit*>(QStringLiteral("purposeEdit"));
        auto* start = view->findChild<QPushButton*>(QStringLiteral("startSelectedButton"));
        QVERIFY(purpose && start);
        QTest::keyClicks(purpose, QStringLiteral("database upgrade"));
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ctx().org.maintenance.size(), 1, Timeout);
        QCOMPARE(ctx().org.maintenance.first().routingKeys, QStringList { key });
        QTRY_VERIFY_WITH_TIMEOUT(maintenance->isActive(), Timeout);
        auto* banner = window()->findChild<MaintenanceBanner*>();
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisibleTo(window()));

        const QString id = maintenance->instances().first().instanceId;
        QCOMPARE(id, ctx().org.maintenance.first().instanceId);
        QVERIFY(view->selectInstance(id));
        auto* end = view->findChild<QPushButton*>(QStringLiteral("endButton"));
        QVERIFY(end);
        QTRY_VERIFY(end->isEnabled());
        QTest::mouseClick(end, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ctx().org.maintenance.isEmpty(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!maintenance->isActive(), Timeout);
        QTRY_VERIFY(!banner->isVisibleTo(window()));
    }

    // The server goes away: Rota says so by itself. It comes back on the same port with its
    // state: Rota recovers by itself, shows what is new, a write works and the day's work is
    // still there.
    void surviveAServerRestart()
    {
        QVERIFY(workspace() && m_server);
        window()->showView(QStringLiteral("incidents"));
        ConnectionStatus* connection = workspace()->connection();
        QVERIFY(connection);
        QCOMPARE(connection->state(), ConnectionStatus::State::Online);
        QString error;
        QVERIFY2(m_server->saveState(&error), qPrintable(error));
        m_server.reset();

        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionStatus::State::Offline, 40000);
        QTRY_COMPARE(statusBarText(), connection->text());
        QVERIFY2(statusBarText().contains(QStringLiteral("Offline")), qPrintable(statusBarText()));
        QTRY_COMPARE(m_rota->tray()->state(), TrayController::State::Offline);

        m_server = startServer(m_options, &error);
        QVERIFY2(m_server, qPrintable(error));
        QCOMPARE(m_server->port(), m_port);
        // The day's work is in the server's state.
        QCOMPARE(simPhase(m_acked), QStringLiteral("ACKED"));
        QCOMPARE(simPhase(m_resolved), QStringLiteral("RESOLVED"));
        QCOMPARE(simIncident(m_resolved).transitions.last().message, m_resolveMessage);
        QVERIFY(simIncident(m_rerouted).pagedUsers.contains(m_rerouteTo));
        QCOMPARE(simIncident(m_acked).notes.size(), 1);
        QVERIFY2(m_policyStep >= 0 && !m_takenPolicy.isEmpty(), "the earlier steps ran");
        QCOMPARE(ctx().org.users.value(m_me).pagingPolicy.at(m_policyStep).rules.size(),
            m_policyRules + 1);
        QCOMPARE(sim::policyOnCallAt(ctx(), m_takenPolicy, ctx().now()), QStringList { m_me });
        const QString fresh
            = newIncident(*m_server, QStringLiteral("Checkout 5xx after the restart"), { m_me });

        // Back by itself: no click, no F5.
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ConnectionStatus::State::Online, 40000);
        QTRY_COMPARE(statusBarText(), connection->text());
        QTRY_VERIFY_WITH_TIMEOUT(incidents()->rowOf(fresh) >= 0, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_rota->tray()->state() != TrayController::State::Offline, Timeout);
        QCOMPARE(incidents()->incidentAt(incidents()->rowOf(m_acked)).phase, Phase::Acknowledged);

        // A write works: acknowledge the new one with the keyboard.
        clickRow(fresh);
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(table(), Qt::Key_A);
        QTRY_COMPARE_WITH_TIMEOUT(simPhase(fresh), QStringLiteral("ACKED"), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(shownPhase(fresh), QStringLiteral("Acknowledged"), Timeout);
        QCOMPARE(connection->state(), ConnectionStatus::State::Online);
    }

    // A second account (another organisation) from the Account menu, then back to the first.
    void switchAccounts()
    {
        QVERIFY(workspace() && m_server);
        sim::SimOptions second;
        second.seed = 2;
        second.apiKey = QStringLiteral("other-key-") + QUuid::createUuid().toString(QUuid::Id128);
        QString error;
        m_second = startServer(second, &error);
        QVERIFY2(m_second, qPrintable(error));
        const QString secondMe = m_second->context().org.demoUser;
        const QString secondSummary = QStringLiteral("Second org: warehouse sync stalled");
        const QString secondNumber = newIncident(*m_second, secondSummary, { secondMe });
        const QString firstSummary = simIncident(m_acked).entityDisplayName;

        QPointer<Workspace> first = workspace();
        auto* accountMenu = window()->findChild<AccountMenu*>();
        QVERIFY(accountMenu);
        QVERIFY(accountMenu->addAccountAction());
        accountMenu->addAccountAction()->trigger();
        QPointer<SignInDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleSignInDialog()) != nullptr, Timeout);
        signIn(dialog, *m_second, second.apiKey, QStringLiteral("Contoso"));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), Timeout);
        waitForOnlineWorkspace();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(window()->windowTitle().contains(QStringLiteral("Contoso")),
            qPrintable(window()->windowTitle()));
        QCOMPARE(workspace()->username(), secondMe);
        QCOMPARE(workspace()->client()->baseUrl(), m_second->baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(rowWithSummary(incidents(), secondSummary) >= 0, Timeout);
        QCOMPARE(incidents()->incidentAt(rowWithSummary(incidents(), secondSummary)).incidentNumber,
            secondNumber);
        QCOMPARE(rowWithSummary(incidents(), firstSummary), -1);
        const std::optional<Account> added = AccountStore().current();
        QVERIFY(added);
        QVERIFY(added->id != m_firstAccountId);
        KeychainSecretStore keychain;
        const std::optional<SecretResult> stored = readSecret(keychain, added->id);
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->secret, second.apiKey);

        // Back to the first: its key comes from the keychain.
        QPointer<Workspace> other = workspace();
        m_rota->session()->switchTo(m_firstAccountId);
        QTRY_VERIFY_WITH_TIMEOUT(other.isNull(), Timeout);
        waitForOnlineWorkspace();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(window()->windowTitle().contains(QStringLiteral("Northwind")),
            qPrintable(window()->windowTitle()));
        QCOMPARE(workspace()->username(), m_me);
        QTRY_VERIFY_WITH_TIMEOUT(incidents()->rowOf(m_acked) >= 0, Timeout);
        QCOMPARE(incidents()->incidentAt(incidents()->rowOf(m_acked)).phase, Phase::Acknowledged);
        QCOMPARE(rowWithSummary(incidents(), secondSummary), -1);
        QCOMPARE(AccountStore().currentId(), m_firstAccountId);
    }

    // File › Quit quits: the event loop ends (main() checks that it does, at once).
    void quitFromTheFileMenu()
    {
        QVERIFY(window());
        QAction* quit = window()->quitAction();
        QVERIFY(quit);
        QVERIFY(quit->isEnabled());
        QVERIFY(!m_rota->quitController()->isQuitting());
        quit->trigger();
        QVERIFY2(m_rota->quitController()->isQuitting(), "File › Quit did not quit");
    }
};

int main(int argc, char* argv[])
{
    // A throw-away HOME before Qt reads any path: the accounts, settings and log of this run
    // only. (The keychain daemon keeps its own files where scripts/headless put it.)
    QTemporaryDir home;
    g_home = home.path();
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toUtf8());
    qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/.cache")).toUtf8());
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // then it skips (or fails under CI)

    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Rota"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rota"));
    TestDayInTheLife test;
    QTEST_SET_MAIN_SOURCE_PATH

    // The tests run inside the event loop, as Rota does. Once they are done, only Rota's quit
    // (File › Quit, the last step) may end the loop: if it did, exec() returns at once.
    int testResult = 0;
    QTimer::singleShot(0, &app, [&] {
        testResult = QTest::qExec(&test, argc, argv);
        if (testResult != 0 || !test.rotaStarted()) {
            QCoreApplication::exit(testResult); // failed or skipped: Rota's quit proves nothing
            return;
        }
        QTimer::singleShot(QuitWatchdogMs, &app, [] {
            std::fprintf(stderr,
                "FAIL!  : Rota did not quit: its event loop still ran %d s after File › Quit\n",
                QuitWatchdogMs / 1000);
            QCoreApplication::exit(3);
        });
    });
    const int loopResult = QCoreApplication::exec();
    test.tearDown();
    return testResult != 0 ? testResult : loopResult;
}

#include "tst_dayinthelife.moc"
