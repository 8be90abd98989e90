// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "workspace.h"

#include "alertrulescontroller.h"
#include "alertrulesmodel.h"
#include "alertrulesview.h"
#include "apiclient.h"
#include "applog.h"
#include "awaypages.h"
#include "awaypagesbanner.h"
#include "connectionstatus.h"
#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "escalationpolicymodel.h"
#include "heaptrim.h"
#include "heldcalls.h"
#include "heldcallsbar.h"
#include "historystore.h"
#include "historysync.h"
#include "icalendar.h"
#include "incidentactions.h"
#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "incidentchatview.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "lazypage.h"
#include "maintenancebanner.h"
#include "maintenancecontroller.h"
#include "maintenancemodel.h"
#include "maintenanceview.h"
#include "mainwindow.h"
#include "oncallcontroller.h"
#include "oncallmodel.h"
#include "oncallview.h"
#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicyeditor.h"
#include "pagingpolicymodel.h"
#include "personcard.h"
#include "persondetails.h"
#include "refreshpace.h"
#include "reportsview.h"
#include "rotationscontroller.h"
#include "routingkeymodel.h"
#include "schedulecontroller.h"
#include "schedulemodel.h"
#include "schedulesview.h"
#include "settings.h"
#include "shiftreminder.h"
#include "stakeholderdialog.h"
#include "stakeholdermessenger.h"
#include "startupprobe.h"
#include "teammemberdropview.h"
#include "teamscontroller.h"
#include "teamsmodel.h"
#include "teamsview.h"
#include "unsavedwork.h"
#include "userimport.h"
#include "userimportdialog.h"
#include "userscontroller.h"
#include "usersmodel.h"
#include "usersview.h"
#include "userteamsloader.h"
#include "wakewatcher.h"
#include "windowfront.h"

#include <QTableView>

namespace rota {

Workspace::Workspace(ApiClient* client, Settings* settings, MainWindow* window,
    ConnectionStatus* connection, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_connection(connection)
    , m_settings(settings)
    , m_window(window)
    , m_incidents(new IncidentModel(this))
    , m_poller(new IncidentPoller(client, m_incidents, this))
    , m_actions(new IncidentActions(client, m_incidents, this))
    , m_directory(new OrgDirectory(client, this))
    , m_unsaved(new UnsavedWork(this))
{
    m_incidents->setIdentity(username());
    connect(m_settings, &Settings::changed, this, &Workspace::applySettings);
    applySettings();
    StartupProbe::mark("workspace-models");

    // The pages, in navigation order. Each build…() makes what talks to the network for its view
    // (models, loaders, controllers) and hands the view its models and controllers.
    buildIncidents();
    StartupProbe::mark("page-incidents");
    buildOnCall();
    StartupProbe::mark("page-oncall");
    buildSchedules();
    StartupProbe::mark("page-schedules");
    buildPagingPolicy();
    StartupProbe::mark("page-paging-policy");
    buildTeams();
    StartupProbe::mark("page-teams");
    buildMaintenance();
    StartupProbe::mark("page-maintenance");
    buildAlertRules();
    StartupProbe::mark("page-alert-rules");
    buildPeople();
    StartupProbe::mark("people");
    buildUsers(); // after buildPeople: the detail pane shows what PersonDetails reads
    StartupProbe::mark("page-users");
    buildReports(); // after buildIncidents: the history's sync gives way to the away check
    StartupProbe::mark("page-reports");
    // How often the incidents are read: the preferences' pace, faster while the user is on call
    // or paged.
    m_pacer = new RefreshPacer(m_poller, m_incidents, m_onCall, m_settings->preferences(), this);
    addUnsavedWork();
    StartupProbe::mark("unsaved-work");

    // The user's actions held back by the rate limit, with how long they wait and Cancel.
    auto* held = new HeldCallsBar(HeldCalls::of(m_client));
    m_pages.append(held); // goes with the session, like the pages
    if (m_window)
        m_window->addBanner(held);
}

void Workspace::buildIncidents()
{
    auto* notes = new IncidentNotes(this);
    m_notesController = new IncidentNotesController(m_client, notes, this);
    m_userTeams = new UserTeamsLoader(m_client, m_incidents, this);
    m_incidentsView = new IncidentsView(
        m_incidents, m_poller, m_actions, notes, m_notesController, m_directory);
    addPage(QStringLiteral("incidents"), m_incidentsView);
    m_incidentsView->setConnectionStatus(m_connection);
    auto* messenger = new StakeholderMessenger(m_client, this);
    m_incidentsView->setStakeholderMessenger(messenger);
    // A stakeholder message being written is asked about before a quit, as a note is.
    UnsavedWork::Owner stakeholderMessage;
    const auto dialog = [this] { return m_incidentsView->stakeholderDialog(); };
    stakeholderMessage.unsaved = [dialog] {
        return dialog() && dialog()->hasUnsentMessage()
            ? QStringList { tr("a message to stakeholders (not sent)") }
            : QStringList();
    };
    stakeholderMessage.inFlight = [messenger] {
        return messenger->isSending() ? QStringList { tr("sending a message to stakeholders") }
                                      : QStringList();
    };
    stakeholderMessage.save = [dialog] {
        if (dialog())
            dialog()->send();
    };
    stakeholderMessage.discard = [dialog] {
        if (dialog())
            dialog()->close();
    };
    stakeholderMessage.errors = [dialog] {
        return dialog() && !dialog()->sendError().isEmpty() ? QStringList { dialog()->sendError() }
                                                            : QStringList();
    };
    stakeholderMessage.show = [dialog] {
        if (dialog())
            dialog()->raise();
    };
    m_unsaved->add(messenger, stakeholderMessage);
    // The selected incident's conversation in the detail pane; unread chat marked in the table.
    auto* chat = new IncidentChatController(m_client, new IncidentChat(this), m_incidents, this);
    m_incidentsView->detailPane()->setChat(chat);
    IncidentChatView::activateWhileVisible(m_incidentsView, chat);
    // A chat message being written is asked about before a quit, as a note is.
    UnsavedWork::Owner chatDrafts;
    chatDrafts.unsaved = [chat] {
        QStringList words;
        for (const QString& incident : chat->unsentDrafts())
            words.append(tr("a chat message being written on incident #%1").arg(incident));
        return words;
    };
    chatDrafts.inFlight = [chat] {
        QStringList words;
        for (const QString& incident : chat->sendingIncidents())
            words.append(tr("posting a chat message on incident #%1").arg(incident));
        return words;
    };
    chatDrafts.save = [chat] { chat->sendDrafts(); };
    chatDrafts.discard = [chat] { chat->discardDrafts(); };
    chatDrafts.errors = [chat] {
        QStringList words;
        for (const QString& incident : chat->unsentDrafts()) {
            const QString error = chat->postError(incident);
            words.append(error.isEmpty()
                    ? tr("The chat message on incident #%1 was not posted.").arg(incident)
                    : error);
        }
        return words;
    };
    chatDrafts.show = [this, chat] {
        const QStringList incidents = chat->unsentDrafts();
        if (!incidents.isEmpty())
            showIncident(incidents.constFirst());
    };
    m_unsaved->add(chat, chatDrafts);
    // After every write the rows settle to what the server says (a reroute's new paged users,
    // what else an "ack all" acknowledged), at once rather than at the next poll.
    connect(m_actions, &IncidentActions::actionFinished, m_poller, &IncidentPoller::refreshSoon);
    connect(m_actions, &IncidentActions::actionFailed, m_poller, &IncidentPoller::refreshSoon);
    // An answer that was lost: the rows wait, "not confirmed yet", for the server's truth.
    connect(m_actions, &IncidentActions::outcomeUnknown, m_poller, &IncidentPoller::refresh);
    connect(m_incidentsView, &IncidentsView::badgeChanged, this,
        [this](const QString& text, bool urgent) {
            if (m_window)
                m_window->setBadge(QStringLiteral("incidents"), text, urgent);
        });

    // Pages that came and went between two refreshes: listed quietly above the table (no
    // notification; the Notifier never hears of them).
    m_awayPages = new AwayPagesModel(this);
    m_awayChecker = new AwayPages(m_client, m_awayPages, this);
    connect(m_poller, &IncidentPoller::refreshed, m_awayChecker, &AwayPages::noteRefresh);
    m_heapTrim = new HeapTrim(this);
    connect(m_poller, &IncidentPoller::refreshed, m_heapTrim,
        [trim = m_heapTrim](
            const QList<Incident>& incidents) { trim->noteList(incidents.size()); });
    if (m_connection)
        connect(m_connection, &ConnectionStatus::recovered, m_awayChecker, &AwayPages::checkNow);
    m_awayBanner = new AwayPagesBanner(m_awayPages);
    m_incidentsView->addBanner(m_awayBanner);
    connect(m_awayBanner, &AwayPagesBanner::openRequested, this, [this](const QString& number) {
        if (m_incidents->rowOf(number) >= 0) // else its row (and tooltip) is all there is
            showIncident(number);
    });
}

void Workspace::buildOnCall()
{
    auto* model = new OnCallModel(this);
    m_onCall = model;
    m_onCallController = new OnCallController(m_client, model, this);
    connect(model, &OnCallModel::summaryChanged, this, &Workspace::setOnCallSummary);
    addLazyPage(QStringLiteral("oncall"), [this] {
        auto* onCallView = new OnCallView(m_onCall, m_onCallController);
        connect(onCallView, &OnCallView::pageRequested, this, &Workspace::page);
        onCallView->setPeople(m_people);
        return onCallView;
    });
    m_shiftReminder = new ShiftReminder(model, m_incidents, this);
    m_shiftCalendar = new ShiftCalendarFile(model, ShiftCalendarFile::defaultPath(), this);
    applySettings();
}

void Workspace::buildSchedules()
{
    m_schedule = new ScheduleModel(this);
    m_scheduleController = new ScheduleController(m_client, m_schedule, this);
    m_overrides = new OverrideModel(this);
    m_overrideController = new OverrideController(m_client, m_overrides, this);
    auto* rotations = new RotationsController(m_client, username(), this);
    // The directory's rotation groups (offered by the escalation-policy editor) are read again
    // after a group is created or deleted here.
    rotations->setDirectory(m_directory);
    // A rotation change on its way is waited for before Rota quits, as any other write.
    UnsavedWork::Owner rotationWrite;
    rotationWrite.inFlight = [rotations] {
        const QString words = rotations->writeInFlight();
        return words.isEmpty() ? QStringList() : QStringList { words };
    };
    m_unsaved->add(rotations, rotationWrite);
    addLazyPage(QStringLiteral("schedules"), [this, rotations] {
        auto* page = new SchedulesPage(m_schedule, m_scheduleController, m_overrides,
            m_overrideController, m_directory, username());
        page->schedules()->setRotationsController(rotations);
        // Taking the shift running now of the person on call now is the service's take, not an
        // override.
        page->setOnCallController(m_onCallController);
        page->setPeople(m_people);
        PersonHover::install(page->overrides()->table(), m_people, [](const QModelIndex& index) {
            return index.column() == OverrideModel::UserColumn
                ? index.data(OverrideModel::UsernameRole).toString()
                : QString();
        });
        return page;
    });
}

void Workspace::buildPagingPolicy()
{
    auto* model = new PagingPolicyModel(this);
    m_policyModel = model;
    m_policyController = new PagingPolicyController(m_client, model, this);
    auto* contacts = new ContactMethodsStore(this);
    contacts->setDirectory(m_directory);
    m_contactsController = new ContactMethodsController(m_client, contacts, this);
    addLazyPage(QStringLiteral("paging-policy"), [this, contacts] {
        return new PagingPolicyEditor(
            m_policyModel, m_policyController, contacts, m_contactsController);
    });
}

void Workspace::buildTeams()
{
    m_teams = new TeamsModel(this);
    m_escalationPolicies = new EscalationPolicyModel(this);
    m_escalationSteps = new EscalationStepModel(this);
    m_teamsController
        = new TeamsController(m_client, m_teams, m_escalationPolicies, m_escalationSteps, this);
    m_teamsController->setDirectory(m_directory);
    addLazyPage(QStringLiteral("teams"), [this] {
        auto* teamsView = new TeamsView(
            m_teams, m_escalationPolicies, m_escalationSteps, m_teamsController, m_directory);
        connect(teamsView, &TeamsView::pageRequested, this, &Workspace::page);
        PersonHover::install(teamsView->memberView(), m_people, [](const QModelIndex& index) {
            return index.data(TeamMembersModel::UsernameRole).toString();
        });
        return teamsView;
    });
    m_teamsController->refresh();
}

void Workspace::buildUsers()
{
    m_usersModel = new UsersModel(this);
    m_usersController = new UsersController(m_client, m_directory, m_people, this);
    addLazyPage(QStringLiteral("users"), [this] {
        auto* view = new UsersView(m_usersModel, m_usersController, m_people);
        connect(view, &UsersView::pageRequested, this, &Workspace::page);
        connect(view, &UsersView::importRequested, this, &Workspace::openUserImport);
        return view;
    });
    m_userImport = new UserImport(m_client, this);
    // The new users show in every list once the service has them.
    connect(m_userImport, &UserImport::finished, m_directory, [this] { m_directory->refresh(); });
}

void Workspace::buildReports()
{
    m_historyStore = new HistoryStore(this);
    m_historySync = new HistorySync(m_client, m_historyStore, this);
    // The check for pages that came and went shares the history's one call a minute, and it
    // matters more: the sync asks nothing while that check is due or on its way.
    m_historySync->setYield([away = QPointer<AwayPages>(m_awayChecker)] {
        return away && (away->isChecking() || away->isCheckDue());
    });
    m_historySync->setShiftLog(username(), {});
    // "My teams" are known once read: their shift logs give the time on call.
    connect(m_userTeams, &UserTeamsLoader::finished, m_historySync, [this](bool ok) {
        if (!ok)
            return;
        QStringList teams = m_incidents->teamSlugs().values();
        teams.sort();
        m_historySync->setShiftLog(username(), teams);
    });
    connect(m_historyStore, &HistoryStore::opened, m_historySync,
        [this](HistoryDatabase::OpenResult, const QString& message) {
            // The Reports view says it in words; the log keeps it for a bug report.
            if (!message.isEmpty())
                qCWarning(lcApp, "incident history: %s", qPrintable(message));
            if (m_historyStore->isReady())
                m_historySync->start();
        });
    // The view (its charts cost about 30 ms to make) waits until it is first shown; the sync
    // above runs from the start.
    m_reportsPage = addLazyPage(QStringLiteral("reports"), [this] {
        auto* view = new ReportsView(m_historyStore, m_historySync);
        view->setMe(username());
        // The history keeps team slugs; the view names them once the org's teams are read.
        const auto nameTeams = [this, view] {
            QHash<QString, QString> names;
            for (const Team& team : m_directory->teams())
                names.insert(team.slug, team.name);
            view->setTeamNames(names);
        };
        connect(m_directory, &OrgDirectory::teamsChanged, view, nameTeams);
        nameTeams();
        return view;
    });
}

ReportsView* Workspace::reportsView() const
{
    return m_reportsPage ? qobject_cast<ReportsView*>(m_reportsPage->content()) : nullptr;
}

void Workspace::openHistory(const QString& path) { m_historyStore->open(path); }

UserImportDialog* Workspace::openUserImport()
{
    if (m_importDialog) {
        m_importDialog->raise();
        m_importDialog->activateWindow();
        return m_importDialog;
    }
    QSet<QString> usernames;
    QSet<QString> emails;
    for (const User& user : m_directory->users()) {
        usernames.insert(user.username);
        emails.insert(user.email);
    }
    m_importDialog = new UserImportDialog(m_userImport, usernames, emails, m_window);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_importDialog->show();
    return m_importDialog;
}

void Workspace::buildMaintenance()
{
    m_maintenance = new MaintenanceModel(this);
    m_routingKeys = new RoutingKeyModel(this);
    m_routingKeys->setMaintenance(m_maintenance);
    m_maintenanceController
        = new MaintenanceController(m_client, m_maintenance, m_routingKeys, this);
    addLazyPage(QStringLiteral("maintenance"), [this] {
        return new MaintenanceView(m_maintenance, m_routingKeys, m_maintenanceController);
    });
    auto* banner = new MaintenanceBanner(m_maintenance, m_maintenanceController);
    m_pages.append(banner); // goes with the session, like the pages
    if (m_window)
        m_window->addBanner(banner);
}

void Workspace::buildAlertRules()
{
    // Alert rules: read when their page is first shown (the view asks), not at the start.
    auto* alertRules = new AlertRulesModel(this);
    auto* alertRulesController = new AlertRulesController(m_client, alertRules, this);
    auto rulesView = std::make_shared<QPointer<AlertRulesView>>();
    addLazyPage(QStringLiteral("alert-rules"), [this, alertRules, alertRulesController, rulesView] {
        *rulesView = new AlertRulesView(alertRules, alertRulesController, m_incidents);
        return rulesView->data();
    });
    // A rule being edited is asked about before a quit, as a note is.
    UnsavedWork::Owner rule;
    rule.unsaved = [rulesView] {
        return *rulesView && (*rulesView)->hasUnsavedRule()
            ? QStringList { tr("an alert rule being edited (not saved)") }
            : QStringList();
    };
    rule.inFlight = [alertRulesController] {
        return alertRulesController->isBusy() ? QStringList { tr("saving an alert rule") }
                                              : QStringList();
    };
    rule.save = [rulesView] {
        if (*rulesView)
            (*rulesView)->save();
    };
    rule.discard = [rulesView] {
        if (*rulesView)
            (*rulesView)->revert();
    };
    rule.errors = [rulesView] {
        if (!*rulesView || !(*rulesView)->hasUnsavedRule())
            return QStringList();
        return QStringList { (*rulesView)->saveError() };
    };
    rule.show = [this] {
        if (m_window)
            m_window->showView(QStringLiteral("alert-rules"));
    };
    m_unsaved->add(alertRulesController, rule);
}

void Workspace::addUnsavedWork()
{
    using State = PagingPolicyController::State;
    const auto saving = [this] {
        const State state = m_policyController->state();
        return state == State::Checking || state == State::Applying || state == State::ReadingBack;
    };
    connect(m_policyController, &PagingPolicyController::saved, this,
        [this](const PagingSaveResult& result) {
            m_policySaveError = result.ok ? QString() : result.message;
        });
    UnsavedWork::Owner policy;
    policy.unsaved = [this, saving] {
        if (!m_policyModel->isDirty() || saving() || m_policyController->state() == State::Loading)
            return QStringList();
        return QStringList { tr("your paging policy (changes not saved)") };
    };
    policy.inFlight = [saving] {
        return saving() ? QStringList { tr("saving your paging policy") } : QStringList();
    };
    policy.save = [this] {
        m_policySaveError.clear();
        // A conflict waits for the user's choice in its dialog: nothing is written meanwhile.
        if (m_policyController->state() != State::Conflict)
            m_policyController->save();
    };
    policy.discard = [this] { m_policyController->discardEdits(); };
    policy.errors = [this] {
        if (!m_policyModel->isDirty())
            return QStringList();
        if (m_policyController->state() == State::Conflict)
            return QStringList { tr("Your paging policy was not saved: it changed on Splunk "
                                    "On-Call since you loaded it. Choose what to keep in the "
                                    "comparison.") };
        return QStringList { m_policySaveError.isEmpty()
                ? tr("Your paging policy was not saved.")
                : tr("Your paging policy was not saved: %1").arg(m_policySaveError) };
    };
    policy.show = [this] {
        if (m_window)
            m_window->showView(QStringLiteral("paging-policy"));
    };
    m_unsaved->add(m_policyController, policy);

    UnsavedWork::Owner notes;
    notes.unsaved = [this] {
        QStringList words;
        const QStringList incidents = m_notesController->unsentDrafts();
        for (const QString& incident : incidents)
            words.append(m_notesController->draft(incident).editing.isEmpty()
                    ? tr("a note being written on incident #%1").arg(incident)
                    : tr("a change to a note on incident #%1").arg(incident));
        return words;
    };
    notes.inFlight = [this] { return m_notesController->pendingWrites(); };
    notes.save = [this] { m_notesController->sendDrafts(); };
    notes.discard = [this] { m_notesController->discardDrafts(); };
    notes.errors = [this] {
        QStringList words;
        const QStringList incidents = m_notesController->unsentDrafts();
        for (const QString& incident : incidents) {
            const QString error = m_notesController->draft(incident).error;
            words.append(error.isEmpty()
                    ? tr("The note on incident #%1 was not saved.").arg(incident)
                    : error);
        }
        return words;
    };
    notes.show = [this] {
        const QStringList incidents = m_notesController->unsentDrafts();
        if (!incidents.isEmpty())
            showIncident(incidents.constFirst());
    };
    m_unsaved->add(m_notesController, notes);

    // An import from a CSV file that is still running: its rows not sent yet are lost on leaving
    // (cancelled), the batch on its way is waited for.
    UnsavedWork::Owner csvImport;
    const auto rows = [this](UserImport::Outcome outcome) {
        return m_userImport && m_userImport->isRunning() ? m_userImport->count(outcome) : 0;
    };
    csvImport.unsaved = [rows] {
        const int waiting = rows(UserImport::Outcome::Waiting);
        if (waiting == 0)
            return QStringList();
        return QStringList { tr("%n user(s) of a CSV import not sent yet", nullptr, waiting) };
    };
    csvImport.inFlight = [rows] {
        const int sending = rows(UserImport::Outcome::Sending);
        if (sending == 0)
            return QStringList();
        return QStringList { tr("adding %n user(s) from a CSV file", nullptr, sending) };
    };
    csvImport.discard = [this] { m_userImport->cancel(); };
    csvImport.errors = [rows] {
        const int waiting = rows(UserImport::Outcome::Waiting);
        if (waiting == 0)
            return QStringList();
        return QStringList { tr("The CSV import is still running: %n user(s) not sent yet (the "
                                "service takes 50 at a time).",
            nullptr, waiting) };
    };
    csvImport.show = [this] { openUserImport(); };
    if (m_userImport)
        m_unsaved->add(m_userImport, csvImport);

    // Writes in flight elsewhere: only waited for (nothing of them is unsaved).
    UnsavedWork::Owner writes;
    writes.inFlight = [this] {
        QStringList words;
        if (m_actions->pendingCalls() > 0) {
            const QStringList numbers = m_incidents->numbers();
            for (int row = 0; row < numbers.size(); ++row) {
                const QString& number = numbers.at(row);
                switch (m_incidents->pendingAt(row)) {
                case IncidentModel::PendingAction::Acknowledge:
                    words.append(tr("acknowledging incident #%1").arg(number));
                    break;
                case IncidentModel::PendingAction::Resolve:
                    words.append(tr("resolving incident #%1").arg(number));
                    break;
                case IncidentModel::PendingAction::Reroute:
                    words.append(tr("rerouting incident #%1").arg(number));
                    break;
                case IncidentModel::PendingAction::None:
                    break;
                }
            }
            if (words.isEmpty())
                words.append(tr("%n incident action(s)", nullptr, m_actions->pendingCalls()));
        }
        if (m_contactsController->isBusy())
            words.append(tr("a change to your contact methods"));
        if (m_maintenanceController->isBusy())
            words.append(tr("a change to maintenance mode"));
        if (m_teamsController->isWriting())
            words.append(tr("a change to an escalation policy"));
        return words;
    };
    m_unsaved->add(m_actions, writes);
}

Workspace::~Workspace()
{
    // The pages go with the session; the window shows placeholders until the next one. The pages
    // never made go first: a stack whose current page goes shows the next one, and a page made
    // when shown would be made only to be deleted.
    for (const QPointer<LazyPage>& lazy : std::as_const(m_lazyPages)) {
        if (lazy && !lazy->isMade())
            delete lazy.data();
    }
    for (const QPointer<QWidget>& page : std::as_const(m_pages))
        delete page.data();
}

void Workspace::start()
{
    if (m_connection) {
        // The service answers again: read again what may have failed meanwhile.
        connect(m_connection, &ConnectionStatus::recovered, this, [this] {
            m_directory->ensureLoaded(RequestScheduler::Priority::Background);
            // The incidents' next good refresh also retries the detail pane's failed loads.
            if (m_poller->state() != IncidentPoller::State::Active)
                m_poller->refreshSoon();
            if (m_onCallController)
                m_onCallController->refresh();
            if (m_teamsController)
                m_teamsController->refresh();
            if (m_policyController && m_policyController->refresh()) // keeps the edits
                m_contactsController->load();
            if (m_maintenanceController)
                m_maintenanceController->refresh();
            m_scheduleController->reload(); // both only what was read before
            m_overrideController->reload();
            m_historySync->checkNow();
        });
    }
    m_userTeams->load(); // "my teams"
    m_directory->ensureLoaded(RequestScheduler::Priority::Background);
    m_poller->start();
    if (m_onCallController)
        m_onCallController->start();
    if (m_maintenanceController)
        m_maintenanceController->start();
}

QString Workspace::username() const { return m_client->credentials().username; }

IncidentsView* Workspace::raiseIncidentsView()
{
    if (!m_window)
        return nullptr;
    bringToFront(m_window);
    m_window->showView(QStringLiteral("incidents"));
    return m_incidentsView;
}

void Workspace::showIncidents(const QStringList& incidentNumbers)
{
    if (IncidentsView* view = raiseIncidentsView())
        view->showOnly(incidentNumbers);
}

void Workspace::page(const QList<IncidentTarget>& targets)
{
    if (IncidentsView* view = raiseIncidentsView())
        view->page(targets);
}

void Workspace::showIncident(const QString& incidentNumber)
{
    if (IncidentsView* view = raiseIncidentsView())
        view->showIncident(incidentNumber);
}

void Workspace::checkAwayPagesNow() { m_awayChecker->checkNow(); }

void Workspace::showAwayPage(const QString& incidentNumber)
{
    if (!m_window)
        return;
    bringToFront(m_window);
    m_window->showView(QStringLiteral("incidents"));
    if (m_awayBanner)
        m_awayBanner->showPage(incidentNumber);
    if (m_incidentsView && !incidentNumber.isEmpty() && m_incidents->rowOf(incidentNumber) >= 0)
        m_incidentsView->showIncident(incidentNumber);
}

void Workspace::applySettings()
{
    const Preferences preferences = m_settings->preferences();
    if (m_pacer) // made once the on-call model is
        m_pacer->setPreferences(preferences);
    if (m_shiftReminder)
        m_shiftReminder->setLeadMinutes(preferences.shiftReminderMinutes);
    if (m_shiftCalendar)
        m_shiftCalendar->setEnabled(preferences.shiftCalendar);
}

void Workspace::refreshNow()
{
    m_poller->refresh();
    if (m_onCallController)
        m_onCallController->refresh();
    checkAwayPagesNow();
    m_historySync->checkNow();
}

void Workspace::followWakes(WakeWatcher* watcher)
{
    if (!watcher)
        return;
    connect(watcher, &WakeWatcher::woke, this, &Workspace::refreshNow);
    // A timer stands still while the computer sleeps: a reminder due meanwhile comes now.
    connect(watcher, &WakeWatcher::woke, m_shiftReminder, &ShiftReminder::check);
}

void Workspace::setOnCallSummary(const QString& summary)
{
    if (summary == m_onCallSummary)
        return;
    m_onCallSummary = summary;
    Q_EMIT onCallSummaryChanged(summary);
}

// Every view shows a person by the name the user list gives (the username added where two
// share a name), and hovering one shows their card, read once per person for the session.
void Workspace::buildPeople()
{
    m_people = new PersonDetails(m_client, m_directory, m_onCall, this);
    const auto applyNames = [this] {
        const QHash<QString, QString> names = m_directory->userNames();
        m_incidents->setUserNames(names);
        if (m_onCall)
            m_onCall->setUserNames(names);
    };
    connect(m_directory, &OrgDirectory::usersChanged, this, applyNames);
    applyNames();

    // The Paged column names the people paged; its card is the first one's.
    PersonHover::install(m_incidentsView->table(), m_people, [](const QModelIndex& index) {
        if (index.column() != IncidentModel::PagedColumn)
            return QString();
        return index.data(IncidentModel::IncidentRole).value<Incident>().pagedUsers.value(0);
    });
    // The other views take their hover cards when they are made (addLazyPage()), after this.
}

void Workspace::addPage(const QString& slug, QWidget* page)
{
    m_pages.append(page);
    if (m_window)
        m_window->setPage(slug, page);
}

LazyPage* Workspace::addLazyPage(const QString& slug, std::function<QWidget*()> make)
{
    auto* page = new LazyPage(std::move(make));
    m_lazyPages.insert(slug, page);
    addPage(slug, page);
    return page;
}

bool Workspace::isPageMade(const QString& slug) const
{
    if (const QPointer<LazyPage> lazy = m_lazyPages.value(slug))
        return lazy->isMade();
    return slug == QLatin1String("incidents") && m_incidentsView;
}

void Workspace::setWebAppSlug(const QString& slug)
{
    if (m_incidentsView)
        m_incidentsView->setWebAppSlug(slug);
}

} // namespace rota
