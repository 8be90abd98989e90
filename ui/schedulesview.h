#pragma once

// The Schedules tab: pick a team (searchable), see its schedule as a timeline in local time or
// the team's zone, days back and forward, and the team's rotation groups; or "My schedule": the
// signed-in user's shifts over all their teams.

#include <QHash>
#include <QPointer>
#include <QTabWidget>
#include <QWidget>

#include <functional>

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

class ApiClient;
class OrgDirectory;
class OverrideModel;
class OverridesView;
class ScheduleModel;
class ScheduleTimeline;

class SchedulesView : public QWidget {
    Q_OBJECT
public:
    //! `client` must outlive the view; `username` is the signed-in user ("My schedule"). Teams,
    //! people and rotation groups come from `directory` (not owned; the session's), or from a
    //! directory of the view's own when there is none.
    SchedulesView(ApiClient* client, const QString& username, QWidget* parent = nullptr);
    SchedulesView(ApiClient* client, OrgDirectory* directory, const QString& username,
        QWidget* parent = nullptr);
    ~SchedulesView() override;

    //! Loads the teams and people (background priority), then the first team's schedule.
    void start();

    ScheduleModel* model() const { return m_model; }
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

    ApiClient* m_client;
    OrgDirectory* m_directory;
    QString m_username;
    ScheduleModel* m_model;
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
    SchedulesPage(ApiClient* client, const QString& username, QWidget* parent = nullptr);
    //! Both tabs take the org's names from `directory` (not owned; the session's).
    SchedulesPage(ApiClient* client, OrgDirectory* directory, const QString& username,
        QWidget* parent = nullptr);

    SchedulesView* schedules() const { return m_schedules; }
    OverridesView* overrides() const { return m_overrides; }
    //! Starts the loads (once; showing the page does it too).
    void start();

    //! Screenshot scene "schedule-timeline": a team whose schedule has an override in view,
    //! two or four weeks from today. Calls `ready` when it is painted with its data.
    void stageTimelineScene(const std::function<void()>& ready);
    //! Screenshot scene "overrides": the Overrides tab with one override selected (one with both
    //! covered and open policies when there is one) and its assignments shown.
    void stageOverridesScene(const std::function<void()>& ready);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void addSceneOverride(const std::function<void()>& ready);
    //! The screenshot scenes' own override model (made on first use).
    OverrideModel* sceneModel();

    ApiClient* m_client;
    OverrideModel* m_sceneModel = nullptr;
    QString m_sceneOverride; //!< made by the timeline scene, deleted by the overrides scene
    SchedulesView* m_schedules;
    OverridesView* m_overrides;
    bool m_started = false;
};

} // namespace rota
