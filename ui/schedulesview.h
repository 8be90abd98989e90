// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The Schedules tab: pick a team (searchable), see its schedule as a timeline in local time or
// the team's zone, days back and forward, and the team's rotation groups; or "My schedule": the
// signed-in user's shifts over all their teams.

#include "scheduletimeline.h"

#include <QHash>
#include <QPointer>
#include <QTabWidget>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QStandardItemModel;
class QToolButton;

namespace rota {

class NoticeBar;
class OnCallController;
class OrgDirectory;
class OverrideController;
class PersonDetails;
class RotationsController;
class RotationsPanel;
class OverrideModel;
class OverridesView;
class ScheduleController;
class ScheduleModel;

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

    //! Where the shift menu's covers go (the Overrides tab's controller); without one, covering
    //! is not offered. Not owned.
    void setOverrideController(OverrideController* controller);
    //! "Take this shift" on a shift running now, for the person on call now, takes the on-call
    //! through it (the service's take, until the shift ends) rather than an override. Not owned;
    //! optional.
    void setOnCallController(OnCallController* controller);
    //! "Show who" shows the person's card from it. Not owned; optional.
    void setPeople(PersonDetails* people);
    //! Shows the team's rotation groups with their shifts and members from `controller` (the
    //! newer rotation operations) in place of the plain list, with "Set scheduled…", "New
    //! rotation group…" and "Delete rotation group…" for the team's admins; after a write the
    //! schedule is read again. Not owned; optional.
    void setRotationsController(RotationsController* controller);
    //! The panel setRotationsController() made; nullptr before.
    RotationsPanel* rotationsPanel() const { return m_rotationsPanel; }
    //! Where words about the shift actions are said.
    NoticeBar* notice() const { return m_notice; }

    //! Opens the menu of shift `shift` of row `row` at `globalPos` (not blocking) and returns it:
    //! Take this shift, Cover for 1/2/4 h, Cover until…, Show who, Copy; on an override nobody
    //! covers, Stand in for (the person away), which assigns the user on that policy.
    QMenu* openShiftMenu(int row, int shift, const QPoint& globalPos);
    //! The signed-in user covers the person of shift `shift` of row `row` on its policy from
    //! `from` until `until` (clamped to the shift): an override for that time and the user's
    //! assignment to it, or the service's take when `from` is now, the shift runs now, its person
    //! is on call now and it is covered to its end. Shown at once, undone if it fails.
    void coverShift(int row, int shift, const QDateTime& from, const QDateTime& until);

Q_SIGNALS:
    //! The team list arrived (or failed).
    void teamsLoaded();
    //! A schedule load finished (ok or not).
    void scheduleLoaded();
    //! The people's names arrived.
    void userNamesLoaded(const QHash<QString, QString>& names);
    //! A shift action (cover or take) was answered: `message` says it in words.
    void shiftActionFinished(bool ok, const QString& message);

private:
    void showTeams();
    void showUsers();
    void loadSchedule();
    void loadRotationGroups(const QString& teamSlug);
    void showRotationGroups(const QString& teamSlug);
    void applyZone();
    void updateStatus();
    //! " On Data Primary, nobody stands in, …": the other policies of a cover's override that
    //! nobody covers, in words; empty when none.
    QString otherPolicies(const QString& publicId) const;
    //! The publicId of the override a shift of an overrides row shows; empty when not read.
    QString overrideOf(const ScheduleRow& row, const ScheduleShift& shift) const;
    //! The signed-in user stands in on the row's policy for the override shift `shift` shows.
    void standInFor(int row, int shift);
    //! "Set scheduled…" for the rotation shift the row shows, when the rotation groups are read.
    void addSetScheduled(QMenu* menu, const ScheduleRow& row);
    //! The action ended: drops its dashed bar unless it worked (then the next read replaces it).
    void finishShiftAction(int ticket, bool ok, const QString& message);

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
    QPointer<RotationsController> m_rotationsController;
    RotationsPanel* m_rotationsPanel = nullptr;
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
    NoticeBar* m_notice;
    QPointer<OverrideController> m_overrides;
    QPointer<OnCallController> m_onCall;
    QPointer<PersonDetails> m_people;
    int m_lastTicket = 0;
    int m_takeTicket = 0; //!< the take in flight (one at a time); 0 for none
    QHash<int, ScheduleTimeline::Pending> m_pending; //!< by ticket: asked, not yet answered
    QList<int> m_done; //!< answered and worked: shown until the next read
    QHash<QString, int> m_standIns; //!< override publicId -> ticket of its assignment in flight
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
    //! Gives the Schedules tab the session's on-call actions and people's cards (both optional).
    void setOnCallController(OnCallController* controller);
    void setPeople(PersonDetails* people);
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
