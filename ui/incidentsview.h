// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "createincidentdialog.h"
#include "incidentfiltermodel.h"
#include "reroutedialog.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QShortcut;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

namespace rota {

class ConnectionStatus;
class IncidentActions;
class IncidentDetailPane;
class IncidentModel;
class IncidentNotes;
class IncidentNotesController;
class IncidentPoller;
class NoticeBar;
class OrgDirectory;
class StakeholderDialog;
class StakeholderMessenger;

//! The page of the "incidents" view: a filter bar (phases with their counts, scope, routing key,
//! service, free text), the incidents table over an IncidentFilterModel with a detail pane beside
//! it, the actions (acknowledge, resolve, reroute, ack/resolve all paging me, new incident,
//! refresh) in a toolbar, a context menu and shortcuts, a message bar for failed actions and the
//! poller's state underneath. Selection, current row and scroll position survive refreshes.
class IncidentsView : public QWidget {
    Q_OBJECT
public:
    //! Nothing is owned; everything must outlive the view. The detail pane shows the selected
    //! incident's notes and alert through `notes` and `notesController`; it and the reroute and
    //! new-incident dialogs take the org's names from `directory` (the session's).
    IncidentsView(IncidentModel* model, IncidentPoller* poller, IncidentActions* actions,
        IncidentNotes* notes, IncidentNotesController* notesController, OrgDirectory* directory,
        QWidget* parent = nullptr);
    ~IncidentsView() override;

    //! Follows the session's connection state (not owned; nullptr: none): while the service
    //! cannot be reached or refuses the credentials, the status line says so in the status
    //! bar's words. (What failed to load is read again with the next good refresh.)
    void setConnectionStatus(ConnectionStatus* status);
    //! Lets "Notify stakeholders…" send through `messenger` (not owned; nullptr: the action stays
    //! disabled).
    void setStakeholderMessenger(StakeholderMessenger* messenger);

    //! Puts a strip (e.g. AwayPagesBanner) above the message bar and the table, below the
    //! filters; it shows and hides itself. The view takes ownership.
    void addBanner(QWidget* banner);

    //! Clears the filters that hide the incident, selects it and shows its detail. An incident
    //! not loaded yet is refreshed and shown when it arrives.
    void showIncident(const QString& incidentNumber);

    //! Shows exactly these incidents (e.g. those of a notification about several), with a bar
    //! saying so whose "Show all" (or Esc in the table) goes back to the filters; the first one
    //! is selected. Empty: back to the filters.
    void showOnly(const QStringList& incidentNumbers);
    //! The bar of showOnly() (hidden when the filters decide).
    QWidget* onlyBar() const { return m_onlyBar; }

    //! The incident numbers of the selected rows, in the table's order.
    QStringList selectedNumbers() const;

    //! The navigation badge: how many triggered incidents page the acting user
    //! (IncidentModel::countPagingMe(Phase::Triggered), the one count of "paging me" that the
    //! scope filter and the tray show too; empty when none), urgent when there are any.
    //! Acknowledged incidents and those paging others are not counted.
    static QString badgeText(const IncidentModel& model);
    static bool badgeUrgent(const IncidentModel& model);

    //! The organisation's slug in the web app's addresses (Account::webAppSlug; empty: unknown).
    //! "Open in Splunk On-Call" needs it; while it is unknown, the slug an alert names
    //! (VO_ORGANIZATION_ID, which the service adds to every alert) stands in once one is loaded.
    void setWebAppSlug(const QString& slug);
    QString webAppSlug() const;
    //! The web app's page of the incident shown in the detail pane; invalid when there is none or
    //! the organisation is unknown.
    QUrl webAppUrl() const;
    //! How "Open in Splunk On-Call" opens its address (default: QDesktopServices::openUrl); for
    //! tests.
    void setUrlOpener(std::function<void(const QUrl&)> open);

    // For tests: the parts a person uses.
    QTableView* table() const { return m_table; }
    IncidentFilterModel* filterModel() const { return m_filter; }
    IncidentDetailPane* detailPane() const { return m_detail; }
    QToolButton* phaseButton(Phase phase) const;
    QComboBox* scopeCombo() const { return m_scope; }
    QComboBox* routingKeyCombo() const { return m_routingKey; }
    QComboBox* serviceCombo() const { return m_service; }
    QLineEdit* searchEdit() const { return m_search; }
    QLabel* messageLabel() const { return m_message; }
    NoticeBar* messageBar() const { return m_messageBar; }
    QLabel* onlyLabel() const { return m_onlyLabel; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* emptyLabel() const { return m_empty; }
    QAction* acknowledgeAction() const { return m_ack; }
    QAction* resolveAction() const { return m_resolve; }
    QAction* rerouteAction() const { return m_reroute; }
    QAction* ackAllAction() const { return m_ackAll; }
    QAction* resolveAllAction() const { return m_resolveAll; }
    QAction* newIncidentAction() const { return m_create; }
    QAction* refreshAction() const { return m_refresh; }
    //! "Open in Splunk On-Call": the shown incident in the web app (its chat, its history).
    QAction* openWebAction() const { return m_openWeb; }
    //! "Notify stakeholders…" (Ctrl+Shift+S) about the selected incident.
    QAction* notifyStakeholdersAction() const { return m_notify; }
    StakeholderDialog* stakeholderDialog() const;
    //! The dialogs open now (nullptr when none).
    RerouteDialog* rerouteDialog() const { return m_rerouteDialog; }
    CreateIncidentDialog* createDialog() const { return m_createDialog; }
    QInputDialog* resolveDialog() const { return m_resolveDialog; }
    //! The question before resolving every incident paging the user (nullptr when none is open).
    QMessageBox* resolveAllQuestion() const { return m_resolveAllQuestion; }

public Q_SLOTS:
    void acknowledgeSelected();
    //! Asks for an optional message (a window-modal dialog), then resolves.
    void resolveSelected();
    void rerouteSelected();
    void acknowledgeAllPagingMe();
    //! Asks first (a window-modal question naming how many and which), then resolves.
    void resolveAllPagingMe();
    void newIncident();
    //! "Page…" from elsewhere: the new-incident dialog with `targets` ticked (added to what an open
    //! one has ticked). Once created, the incident is selected as soon as a refresh brings it.
    void page(const QList<rota::IncidentTarget>& targets);
    void refresh();
    //! Opens webAppUrl() in the browser.
    void openInWebApp();
    //! Opens the stakeholder message dialog for the one selected incident (or raises the open
    //! one).
    void notifyStakeholders();

Q_SIGNALS:
    //! The navigation badge should change (see badgeText and badgeUrgent).
    void badgeChanged(const QString& text, bool urgent);

private:
    void createActions();
    QWidget* createFilterBar();
    void updateCounts();
    void updateActions();
    void updateOpenWeb();
    void fitColumns();
    void updateDetail();
    void updateEmptyState();
    void updateChoices();
    void applyPhases();
    void updateStatus();
    void showMessage(const QString& text);
    void clearFilters();
    bool selectNumber(const QString& number);
    void showContextMenu(const QPoint& pos);

    OrgDirectory* m_directory;
    IncidentModel* m_model;
    IncidentPoller* m_poller;
    IncidentActions* m_actions;
    IncidentFilterModel* m_filter;

    QToolButton* m_phaseButtons[3] = { nullptr, nullptr, nullptr };
    QWidget* m_onlyBar = nullptr;
    QLabel* m_onlyLabel = nullptr;
    QShortcut* m_onlyEscape = nullptr;
    QComboBox* m_scope = nullptr;
    QComboBox* m_routingKey = nullptr;
    QComboBox* m_service = nullptr;
    QLineEdit* m_search = nullptr;
    QToolBar* m_toolBar = nullptr;
    NoticeBar* m_messageBar = nullptr;
    QLabel* m_message = nullptr;
    QStackedWidget* m_tableStack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QSplitter* m_splitter = nullptr;
    IncidentDetailPane* m_detail = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_choicesTimer = nullptr;
    QMenu* m_contextMenu = nullptr;

    QAction* m_ack = nullptr;
    QAction* m_resolve = nullptr;
    QAction* m_reroute = nullptr;
    QAction* m_ackAll = nullptr;
    QAction* m_resolveAll = nullptr;
    QAction* m_create = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_openWeb = nullptr;
    QAction* m_notify = nullptr;
    StakeholderMessenger* m_messenger = nullptr;
    QPointer<StakeholderDialog> m_stakeholderDialog;
    QAction* m_detailsToggle = nullptr;

    QPointer<RerouteDialog> m_rerouteDialog;
    QPointer<CreateIncidentDialog> m_createDialog;
    QPointer<QInputDialog> m_resolveDialog;
    QPointer<QMessageBox> m_resolveAllQuestion;
    QPointer<ConnectionStatus> m_connection;
    QMetaObject::Connection m_connectionChanged;
    QString m_wanted; //!< an incident to show once a refresh brings it
    QString m_webAppSlug; //!< the account's
    QString m_alertOrgSlug; //!< the one an alert named (VO_ORGANIZATION_ID)
    QSet<int> m_sizedByUser; //!< columns the user resized: not fitted to their contents again
    bool m_fitting = false;
};

} // namespace rota
