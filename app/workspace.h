// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"
#include "mainwindow.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace rota {

class ApiClient;
class AwayPages;
class AwayPagesBanner;
class AwayPagesModel;
class HistoryStore;
class HistorySync;
class LazyPage;
class ReportsView;
class ConnectionStatus;
class ContactMethodsController;
class IncidentActions;
class IncidentModel;
class IncidentNotesController;
class HeapTrim;
class IncidentPoller;
class MaintenanceController;
class MaintenanceModel;
class OnCallController;
class OnCallModel;
class OrgDirectory;
class PersonDetails;
class RoutingKeyModel;
class OverrideController;
class OverrideModel;
class ScheduleController;
class ScheduleModel;
class IncidentsView;
class PagingPolicyController;
class EscalationPolicyModel;
class EscalationStepModel;
class TeamsController;
class TeamsModel;
class UserTeamsLoader;
class UsersController;
class UsersModel;
class UserImport;
class UserImportDialog;
class Settings;
class PagingPolicyModel;
class RefreshPacer;
class ShiftCalendarFile;
class ShiftReminder;
class UnsavedWork;
class WakeWatcher;

//! Everything one signed-in session shows: the models, pollers and actions over its ApiClient and
//! the pages it puts into the main window. Made when a session connects (or the demo starts) and
//! deleted when it ends: its pages leave the window with it (the placeholders come back), so
//! nothing of one account reaches the next. The tray and notifications follow the current one.
class Workspace : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; the client (and the connection state, when given) must outlive the
    //! workspace. The connection state is the session's one truth on whether the service
    //! answers: the views show it, and when the service answers again after a failure
    //! everything that failed to load is read again.
    Workspace(ApiClient* client, Settings* settings, MainWindow* window,
        ConnectionStatus* connection = nullptr, QObject* parent = nullptr);
    ~Workspace() override;

    //! Starts the first loads and the polling.
    void start();

    ApiClient* client() const { return m_client; }
    //! The signed-in user ("paging me", "my teams", "me" on call).
    QString username() const;
    MainWindow* window() const { return m_window; }

    IncidentModel* incidents() const { return m_incidents; }
    IncidentPoller* poller() const { return m_poller; }
    IncidentActions* actions() const { return m_actions; }
    //! Loads and changes the notes (and alert) of the incident the incidents view shows.
    IncidentNotesController* notesController() const { return m_notesController; }
    //! The session's connection state; nullptr when none was given.
    ConnectionStatus* connection() const { return m_connection; }
    //! The org's users, teams and policies, read once for every view of the session.
    OrgDirectory* directory() const { return m_directory; }
    //! What is known of each person (hover cards), read once per person for every view.
    PersonDetails* people() const { return m_people; }
    //! The schedule shown in Schedules, and what reads it.
    ScheduleModel* schedule() const { return m_schedule; }
    ScheduleController* scheduleController() const { return m_scheduleController; }
    //! The scheduled overrides, and what reads and changes them.
    OverrideModel* overrides() const { return m_overrides; }
    OverrideController* overrideController() const { return m_overrideController; }

    //! The org's teams, the chosen team's escalation policies and one policy's steps, and what
    //! reads and changes them.
    TeamsModel* teams() const { return m_teams; }
    EscalationPolicyModel* escalationPolicies() const { return m_escalationPolicies; }
    EscalationStepModel* escalationSteps() const { return m_escalationSteps; }
    TeamsController* teamsController() const { return m_teamsController; }

    //! The org's users as the Users view lists them, and what adds, changes and removes them.
    UsersModel* usersModel() const { return m_usersModel; }
    UsersController* usersController() const { return m_usersController; }
    //! Adds many users from a CSV file (the Users view's "Import from CSV…").
    UserImport* userImport() const { return m_userImport; }
    //! Opens (or raises) the CSV import dialog over the window; returns it.
    UserImportDialog* openUserImport();

    //! The maintenance mode and the routing keys, and what reads and changes them.
    MaintenanceModel* maintenance() const { return m_maintenance; }
    RoutingKeyModel* routingKeys() const { return m_routingKeys; }
    MaintenanceController* maintenanceController() const { return m_maintenanceController; }

    //! What the user could lose with this session (unsaved edits, writes in flight): asked before
    //! Rota quits and before the session ends.
    UnsavedWork* unsavedWork() const { return m_unsaved; }
    //! The personal paging policy being edited, and what loads and saves it.
    PagingPolicyModel* pagingPolicy() const { return m_policyModel; }
    PagingPolicyController* pagingPolicyController() const { return m_policyController; }

    //! Raises the window on the incidents view with this incident selected and its detail shown.
    void showIncident(const QString& incidentNumber);
    //! The organisation's slug in the web app's addresses, for "Open in Splunk On-Call".
    void setWebAppSlug(const QString& slug);
    //! "Page…": raises the window on the incidents view with the new-incident dialog aimed at
    //! `targets` (none: the user picks); the incident it opens is then selected and followed.
    void page(const QList<rota::IncidentTarget>& targets);
    //! Raises the window on the incidents view showing exactly these incidents.
    void showIncidents(const QStringList& incidentNumbers);

    //! The incidents that paged the user and were resolved between two refreshes ("paged you
    //! while you were away"), and what finds them in the incident history.
    AwayPagesModel* awayPages() const { return m_awayPages; }
    AwayPages* awayPagesChecker() const { return m_awayChecker; }
    //! Returns the heap's free pages after a large incident list.
    HeapTrim* heapTrim() const { return m_heapTrim; }
    //! Looks in the incident history for pages missed meanwhile, as soon as its once-a-minute
    //! limit allows: after a resume from suspend or when the network is back.
    void checkAwayPagesNow();
    //! Reads at once what may have changed while the computer was away: the incidents (at user
    //! priority; the pages among them are announced as after any refresh), who is on call, and
    //! the pages that came and went meanwhile (checkAwayPagesNow()).
    void refreshNow();
    //! refreshNow() whenever `watcher` says the computer woke (resumed from suspend, network
    //! back). Not owned; either may go first.
    void followWakes(WakeWatcher* watcher);
    //! How often the incidents are read: faster while the user is on call or paged.
    RefreshPacer* refreshPacer() const { return m_pacer; }

    //! Raises the window on the incidents view with the "while you were away" list open and this
    //! incident in it selected (empty: none); also selects it in the table when it is loaded.
    void showAwayPage(const QString& incidentNumber);

    //! The local incident history (Reports) and what reads it in the background. Nothing is
    //! read or written until openHistory().
    HistoryStore* history() const { return m_historyStore; }
    HistorySync* historySync() const { return m_historySync; }
    //! Opens the session's history file (one per account) and starts its sync once it is open.
    void openHistory(const QString& path);
    //! The Reports view, made now if it has not been shown yet (nullptr without a window page).
    ReportsView* reportsView() const;
    //! Whether the page of view `slug` (MainView::slug) has been made. Only the incidents view,
    //! the first screen, is made with the workspace; every other view's page is made when it is
    //! first shown or first asked for (MainWindow::page()), so that the start does not pay for
    //! views nobody has opened yet. Their models and controllers are made at once all the same.
    bool isPageMade(const QString& slug) const;

    //! One line on whether the signed-in user is on call and until when, e.g. "On call for
    //! Platform until Fri 09:00"; "Not on call"; empty while unknown.
    QString onCallSummary() const { return m_onCallSummary; }
    //! Who is on call now, the signed-in user among them (its summaryChanged tells when that
    //! may have changed).
    OnCallModel* onCall() const { return m_onCall; }
    //! Reminders before the user's shifts start and end (Preferences::shiftReminderMinutes);
    //! the tray shows them as notifications.
    ShiftReminder* shiftReminder() const { return m_shiftReminder; }
    //! The calendar file of the user's shifts, kept up to date while Preferences::shiftCalendar.
    ShiftCalendarFile* shiftCalendar() const { return m_shiftCalendar; }

Q_SIGNALS:
    void onCallSummaryChanged(const QString& summary);

private:
    void applySettings();
    void buildIncidents();
    void buildOnCall();
    void buildSchedules();
    void buildPagingPolicy();
    void buildTeams();
    void buildMaintenance();
    void buildAlertRules();
    void buildUsers();
    void buildPeople();
    void buildReports();
    void setOnCallSummary(const QString& summary);
    //! Adds every owner of something the user could lose to m_unsaved.
    void addUnsavedWork();
    //! Puts `page` into the window for view `slug`; it is deleted with the workspace.
    void addPage(const QString& slug, QWidget* page);
    //! Puts a LazyPage into the window for view `slug`; `make` makes its view when it is first
    //! shown or asked for, which is after the workspace is built (every member is there).
    LazyPage* addLazyPage(const QString& slug, std::function<QWidget*()> make);
    //! Brings the window to the front on the incidents view (nullptr without a window).
    IncidentsView* raiseIncidentsView();

    ApiClient* m_client;
    ConnectionStatus* m_connection;
    Settings* m_settings;
    QPointer<MainWindow> m_window;
    IncidentModel* m_incidents;
    IncidentPoller* m_poller;
    RefreshPacer* m_pacer = nullptr; //!< sets m_poller's interval
    IncidentActions* m_actions;
    IncidentNotesController* m_notesController = nullptr; //!< the incident detail's notes
    UserTeamsLoader* m_userTeams = nullptr; //!< "my teams" of the incidents
    OrgDirectory* m_directory; //!< shared by the views (helper "directory")
    PersonDetails* m_people = nullptr; //!< shared by the views' hover cards
    QList<QPointer<QWidget>> m_pages;
    OnCallController* m_onCallController = nullptr; //!< on call now
    OnCallModel* m_onCall = nullptr;
    ShiftReminder* m_shiftReminder = nullptr;
    ShiftCalendarFile* m_shiftCalendar = nullptr;
    MaintenanceModel* m_maintenance = nullptr;
    RoutingKeyModel* m_routingKeys = nullptr;
    MaintenanceController* m_maintenanceController = nullptr;
    ScheduleModel* m_schedule = nullptr; //!< schedules
    ScheduleController* m_scheduleController = nullptr;
    OverrideModel* m_overrides = nullptr;
    OverrideController* m_overrideController = nullptr;
    TeamsModel* m_teams = nullptr; //!< teams
    EscalationPolicyModel* m_escalationPolicies = nullptr;
    EscalationStepModel* m_escalationSteps = nullptr;
    TeamsController* m_teamsController = nullptr;
    UsersModel* m_usersModel = nullptr; //!< users
    UsersController* m_usersController = nullptr;
    UserImport* m_userImport = nullptr;
    QPointer<UserImportDialog> m_importDialog;
    PagingPolicyModel* m_policyModel = nullptr; //!< the personal paging policy
    PagingPolicyController* m_policyController = nullptr;
    QString m_policySaveError; //!< why the last save of the policy failed; empty if it did not
    ContactMethodsController* m_contactsController = nullptr; //!< its contact methods
    QPointer<IncidentsView> m_incidentsView; //!< one of m_pages
    AwayPagesModel* m_awayPages = nullptr; //!< pages that came and went
    AwayPages* m_awayChecker = nullptr;
    HeapTrim* m_heapTrim = nullptr;
    QPointer<AwayPagesBanner> m_awayBanner; //!< in m_incidentsView
    HistoryStore* m_historyStore = nullptr; //!< reports
    HistorySync* m_historySync = nullptr;
    QPointer<LazyPage> m_reportsPage; //!< one of m_pages; makes the ReportsView when shown
    QHash<QString, QPointer<LazyPage>> m_lazyPages; //!< by view slug; all in m_pages
    QString m_onCallSummary;
    UnsavedWork* m_unsaved;
};

} // namespace rota
