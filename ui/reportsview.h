// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The Reports view: searches and figures over the local incident history.

#include "historystore.h"
#include "historytypes.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace rota {

class ChartPanel;
class HeatmapPanel;
class HistoryModel;
class HistorySync;

//! The "reports" page over the stored incident history.
//!
//! At the top, how much of the history is stored (the sync's coverage, progress and state, with
//! Pause/Resume: Ctrl+P). Under it a filter bar: words to search (applied 150 ms after the last
//! keystroke; Ctrl+F focuses), team, routing key, service and host (editable, offered from what
//! the reports so far held), phase and time range (presets or from/to dates), and Clear. Every
//! change asks the store for a new report (HistoryStore::query: on its worker, the latest asked
//! wins); the answer is shown everywhere at once: the count ("42 of 12,400 stored incidents
//! match") and the tabs: the incidents themselves, volume per day or week, response times per
//! week, by team, routing key and service, the noisiest hosts and services, the hour-of-day heat
//! map and the signed-in user's numbers. Each figure has its table beside it with Export CSV….
//!
//! The view never reads the file itself: it only applies the store's answers. A new answer after
//! the sync stored a page is applied as a diff, so the incident table keeps its selection.
class ReportsView : public QWidget {
    Q_OBJECT
public:
    //! How long after the last keystroke the search is asked.
    static constexpr int SearchDelayMs = 150;
    //! Bars per group chart (by team, routing key, service) and rows in its table.
    static constexpr int GroupLimit = 20;
    //! Volume is shown per day up to this many days, else per week, until people choose.
    static constexpr int DaysPerDayChart = 120;

    enum class Range { Last7Days, Last30Days, Last90Days, ThisYear, All, Custom };
    Q_ENUM(Range)

    //! Neither is owned; either may be nullptr (then the view waits for a store, or has no
    //! Pause/Resume).
    ReportsView(HistoryStore* store, HistorySync* sync, QWidget* parent = nullptr);
    ~ReportsView() override;

    //! The signed-in user, for "My numbers". Asks a new report when it changed.
    void setMe(const QString& username);
    QString me() const { return m_me; }

    //! Team names by slug: the history keeps slugs, people read names (in the table, the team
    //! box and By team). A slug without a name is shown as it is.
    void setTeamNames(const QHash<QString, QString>& names);
    //! The name of the team, else its slug.
    QString teamName(const QString& slug) const;

    //! The search the filter bar describes now.
    HistoryFilter filter() const;
    //! Asks the store for a report of filter() now (no delay).
    void refresh();
    //! Empties the filter bar (the range goes back to the last 30 days) and asks again.
    void clearFilter();
    //! Shows `report` everywhere (what an answer of the store does).
    void showReport(const HistoryReport& report);
    //! The last report shown; nullptr before the first.
    const HistoryReport* report() const { return m_hasReport ? &m_report : nullptr; }
    //! How many queries were asked of the store (for tests).
    int queriesAsked() const { return m_queriesAsked; }

    //! "42 of 12,400 stored incidents match" (empty before the first report).
    QString countText() const;
    //! "Searched with every figure in 12 ms" (the count's tooltip; empty before the first).
    QString searchTimeText() const;
    //! The empty state or failure in words; empty when there is none.
    QString noticeText() const;

    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* teamBox() const { return m_team; }
    QComboBox* routingKeyBox() const { return m_routingKey; }
    QComboBox* serviceBox() const { return m_service; }
    QComboBox* hostBox() const { return m_host; }
    QComboBox* phaseBox() const { return m_phase; }
    QComboBox* rangeBox() const { return m_range; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QPushButton* clearButton() const { return m_clear; }
    QPushButton* pauseButton() const { return m_pause; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* coverageLabel() const { return m_coverage; }
    QLabel* stateLabel() const { return m_state; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* incidentTable() const { return m_table; }
    HistoryModel* incidentModel() const { return m_model; }
    QSortFilterProxyModel* incidentProxy() const { return m_proxy; }
    QLabel* limitLabel() const { return m_limit; }
    ChartPanel* volumePanel() const { return m_volume; }
    ChartPanel* responsePanel() const { return m_response; }
    ChartPanel* teamPanel() const { return m_byTeam; }
    ChartPanel* routingKeyPanel() const { return m_byRoutingKey; }
    ChartPanel* servicePanel() const { return m_byService; }
    ChartPanel* noisyHostsPanel() const { return m_noisyHosts; }
    ChartPanel* noisyServicesPanel() const { return m_noisyServices; }
    HeatmapPanel* heatPanel() const { return m_heat; }
    //! My numbers: the big figures in order (pages, at night, acknowledged, resolved, on call).
    QList<QLabel*> myFigureLabels() const { return m_myFigures; }

private:
    QWidget* makeSyncBar();
    QWidget* makeFilterBar();
    QWidget* makeIncidentsTab();
    QWidget* makeMyNumbersTab();
    void scheduleQuery();
    //! What the store's open said: an error, a note (a file moved aside), or a search to ask.
    void applyOpened(HistoryDatabase::OpenResult result, const QString& message);
    //! The groups with team names for keys.
    QList<HistoryGroup> namedTeams(const QList<HistoryGroup>& groups) const;
    void applyRange();
    void onRangeEdited();
    void updateSync();
    void updateNotice();
    void fillChoices(const HistoryReport& report);
    void showVolume();
    void showMine(const MyNumbers& mine);

    QPointer<HistoryStore> m_store;
    QPointer<HistorySync> m_sync;
    QString m_me;
    HistoryReport m_report;
    bool m_hasReport = false;
    QString m_storeError; //!< from opened() or writeFailed()
    QString m_storeNote; //!< where a damaged file went (opened() with Rebuilt)
    int m_queriesAsked = 0;
    bool m_bucketChosen = false; //!< per day or per week was chosen by hand
    QTimer* m_debounce;
    //! Every key a report named, for the team, routing key, service and host boxes.
    QStringList m_knownTeams, m_knownRoutingKeys, m_knownServices, m_knownHosts;
    QHash<QString, QString> m_teamNames; //!< slug -> name

    QLabel* m_coverage;
    QProgressBar* m_progress;
    QLabel* m_state;
    QPushButton* m_pause;

    QLineEdit* m_search;
    QComboBox* m_team;
    QComboBox* m_routingKey;
    QComboBox* m_service;
    QComboBox* m_host;
    QComboBox* m_phase;
    QComboBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QPushButton* m_clear;
    QLabel* m_count;
    QLabel* m_notice;

    QTabWidget* m_tabs;
    HistoryModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_limit;
    ChartPanel* m_volume;
    ChartPanel* m_response;
    ChartPanel* m_byTeam;
    ChartPanel* m_byRoutingKey;
    ChartPanel* m_byService;
    ChartPanel* m_noisyHosts;
    ChartPanel* m_noisyServices;
    HeatmapPanel* m_heat;
    QList<QLabel*> m_myFigures;
    QList<QLabel*> m_mySentences;
};

} // namespace rota
