#pragma once

// The Schedules tab: pick a team (searchable), see its schedule as a timeline in local time or
// the team's zone, days back and forward, and the team's rotation groups; or "My schedule": the
// signed-in user's shifts over all their teams.

#include <QHash>
#include <QTabWidget>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QStandardItemModel;
class QToolButton;

namespace rota {

class OrgDirectory;
class OverrideController;
class OverrideModel;
class OverridesView;
class ScheduleController;
class ScheduleModel;
class ScheduleTimeline;

class SchedulesView : public QWidget {
    Q_OBJECT
public:
    //! Shows `model`, which `controller` loads; `username` is the signed-in user ("My
    //! schedule"). Teams, people and rotation groups come from `directory` (the session's).
    //! Nothing is owned; all must outlive the view.
    SchedulesView(ScheduleModel* model, ScheduleController* controller, OrgDirectory* directory,
        const QString& username, QWidget* parent = nullptr);
    ~SchedulesView() override;

    //! Loads the teams and people (background priority), then the first team's schedule.
    void start();

    ScheduleModel* model() const { return m_model; }
    ScheduleController* controller() const { return m_controller; }
    OrgDirectory* directory() const { return m_directory; }
    ScheduleTimeline* timeline() const { return m_timeline; }
    //! The team shown (slug); empty while none.
    QString currentTeam() const { return m_team; }
    //! Shows the team's schedule (as picking it in the list does).
    void selectTeam(const QString& teamSlug);
    //! Shows the signed-in user's schedule instead of a team's (the "My schedule" switch).
    void setMySchedule(bool mine);
    //! Draws the timeline in the team's zone (true) or local time.
    void setTeamZone(bool team);
    //! Display names by username (shared with the overrides tab).
    QHash<QString, QString> userNames() const { return m_names; }

Q_SIGNALS:
    //! The team list arrived (or failed).
    void teamsLoaded();
    //! A schedule load finished (ok or not).
    void scheduleLoaded();
    //! The people's names arrived.
    void userNamesLoaded(const QHash<QString, QString>& names);

private:
    void showTeams();
    void showUsers();
    void loadSchedule();
    void loadRotationGroups(const QString& teamSlug);
    void showRotationGroups(const QString& teamSlug);
    void applyZone();
    void updateStatus();

    OrgDirectory* m_directory;
    QString m_username;
    ScheduleModel* m_model;
    ScheduleController* m_controller;
    ScheduleTimeline* m_timeline;
    QStandardItemModel* m_teams;
    QSortFilterProxyModel* m_teamFilter;
    QLineEdit* m_search;
    QListView* m_teamList;
    QListWidget* m_rotations;
    QLabel* m_rotationsTitle;
    QCheckBox* m_mine;
    QToolButton* m_back;
    QToolButton* m_today;
    QToolButton* m_forward;
    QComboBox* m_span;
    QComboBox* m_zone;
    QLabel* m_status;
    QProgressBar* m_busy;
    QString m_team;
    QString m_teamsError;
    QHash<QString, QString> m_names;
    QByteArray m_teamZone;
};

//! The "Schedules & overrides" page: a Schedules tab and an Overrides tab. Loads when first shown.
class SchedulesPage : public QTabWidget {
    Q_OBJECT
public:
    //! The tabs show the models their controllers load; both take the org's names from
    //! `directory` (the session's). Nothing is owned.
    SchedulesPage(ScheduleModel* schedule, ScheduleController* scheduleController,
        OverrideModel* overrides, OverrideController* overrideController, OrgDirectory* directory,
        const QString& username, QWidget* parent = nullptr);

    SchedulesView* schedules() const { return m_schedules; }
    OverridesView* overrides() const { return m_overrides; }
    //! Starts the loads (once; showing the page does it too).
    void start();

protected:
    void showEvent(QShowEvent* event) override;

private:
    SchedulesView* m_schedules;
    OverridesView* m_overrides;
    bool m_started = false;
};

} // namespace rota
