// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QSystemTrayIcon>

#include <functional>
#include <optional>

class QAction;
class QMenu;

namespace rota {

class AwayPagesModel;
class ConnectionStatus;
class IncidentActions;
class IncidentModel;
class IncidentPoller;
class MainWindow;
class Notifier;
class OrgDirectory;
class QuickActions;
class Settings;
class Workspace;

//! Rota in the system tray: an icon for the state of the incidents paging the user, a tooltip
//! with the counts, and a menu to act on them without opening the window. It also owns the
//! desktop notifications (Notifier), whose pause its menu sets.
//!
//! "Paging me" is one thing everywhere: a triggered incident whose paged users include the user
//! (IncidentModel::countPagingMe(Phase::Triggered), the incidents badge's number); acknowledged
//! ones are said apart ("3 incidents paging you, 2 acknowledged"). The tooltip and the menu say
//! each policy the user is on call for with its own end, and the next shift of the others.
//!
//! Menu: the incidents paging the user (triggered and acknowledged), newest first, at most
//! MaxMenuIncidents, each a submenu with Acknowledge, Acknowledge with message…, Resolve,
//! Reroute… and Open in Rota; "Acknowledge all paging me", "Resolve all paging me"; "Open Rota";
//! "Pause notifications" (30 minutes, 1 hour, until resumed; Resume); Quit. It is rebuilt when the
//! incidents change, but never while it is open (then when it is next shown).
//!
//! A left click shows or hides the window, a right click opens the menu, also while a balloon
//! message is up. A click on a balloon opens what it is about: the incident of a notification
//! (Notifier's fallback), else the window. When a tray is available, closing the window hides it
//! to the tray; the first time, a tray message says so (remembered in QSettings, key
//! "tray/closeExplained"). The menu's Quit asks the application to quit (QuitController).
//!
//! The menu acts through QuickActions (quickActions(), owned, one for the controller's life,
//! following the session). While the window is not on screen, its feedback on what the menu
//! started (sent, done, refused in words) and failures of actions started elsewhere show as the
//! tray's balloon; the window's rows show them otherwise.
class TrayController : public QObject {
    Q_OBJECT
public:
    enum class State {
        Offline, //!< signed out, or the incidents cannot be refreshed (offline, credentials)
        AllClear, //!< no open incident pages the user
        Acknowledged, //!< incidents paging the user are open, all acknowledged
        Alert, //!< a triggered incident pages the user
    };
    Q_ENUM(State)

    static constexpr int MaxMenuIncidents = 10;

    //! Neither is owned; both must outlive the controller. Shows the icon when a tray exists.
    TrayController(MainWindow* window, Settings* settings, QObject* parent = nullptr);
    ~TrayController() override;

    //! Follows this session (nullptr when signed out: the offline icon, no incidents).
    void setWorkspace(Workspace* workspace);
    //! What setWorkspace uses (all nullptr: none). `showIncident` raises the window on one
    //! incident (empty: the incidents view). Without a directory, Reroute… is disabled.
    void setSession(IncidentModel* incidents, IncidentPoller* poller, IncidentActions* actions,
        std::function<void(const QString&)> showIncident, OrgDirectory* directory = nullptr);
    //! The session's connection state (nullptr: none): while the service cannot be reached or
    //! refuses the credentials the icon is the offline one and the tooltip says why, in the
    //! status bar's words.
    void setConnectionStatus(ConnectionStatus* status);
    //! The lines under the counts, one per policy, e.g. "On call for Platform (Platform EP) until
    //! Fri 4 Dec 09:00" and "Next on call for SRE (SRE Primary): Tue 8 Dec 09:00–17:00"; each line
    //! is an entry of the menu that opens the on-call view. Empty: none.
    void setOnCallSummary(const QString& summary);
    //! How many incidents page the user now, as the tooltip and menu say (triggered only).
    int pagingCount() const;
    //! "3 incidents paging you, 2 acknowledged", "Nothing is paging you": the menu's title and the
    //! tooltip's line.
    static QString pagingText(int triggered, int acknowledged);

    //! True when the desktop has a system tray (QSystemTrayIcon::isSystemTrayAvailable()).
    static bool isTrayAvailable();

    State state() const { return m_state; }
    QString toolTip() const;
    //! The icon's picture for a state (":/icons/tray-*.svg").
    static QString iconFile(State state);

    QSystemTrayIcon* trayIcon() const { return m_icon; }
    //! The icon's context menu (owned by the controller).
    QMenu* menu() const { return m_menu; }
    Notifier* notifier() const { return m_notifier; }
    //! Acknowledge (with a message), resolve, reroute, open: what the menu uses, for the
    //! notifications' actions too. Owned; the same object for the controller's life.
    QuickActions* quickActions() const { return m_quickActions; }

    //! Brings the window to the front (also for a second launch, see SingleInstance).
    void showWindow();
    //! Left click: hides the window when it is in front, else shows it.
    void toggleWindow();

    //! Fills `menu` (cleared first) as the tray's menu is filled (a picture of it shows one).
    void populate(QMenu* menu);
    //! The session's poller (nullptr when signed out).
    IncidentPoller* poller() const;

    //! The menu's "Paged you while you were away" section: at most MaxMenuAwayPages of `pages`
    //! (nullptr: none), each opening `show` with its number, and "Open…" (an empty number). No
    //! alarm: the section is all they get from the tray.
    void setAwayPages(AwayPagesModel* pages, std::function<void(const QString&)> show);
    static constexpr int MaxMenuAwayPages = 3;

Q_SIGNALS:
    void stateChanged(rota::TrayController::State state);

protected:
    //! A close of the window hides it to the tray only when a tray is there at that moment: a tray
    //! host started after Rota (a panel that comes up late at login) takes the icon then.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void scheduleUpdate();
    void update();
    void rebuildMenu();
    void updateState();
    void onClosedToTray();
    void showBalloon(const QString& title, const QString& text, QSystemTrayIcon::MessageIcon icon);
    void onBalloonClicked();
    QString pauseText() const;
    void populateAwayPages(QMenu* menu);
    bool connectionDown() const;

    QPointer<MainWindow> m_window;
    Settings* m_settings;
    QSystemTrayIcon* m_icon;
    QMenu* m_menu;
    Notifier* m_notifier;
    QuickActions* m_quickActions;
    QPointer<IncidentModel> m_incidents;
    QPointer<IncidentPoller> m_poller;
    QPointer<IncidentActions> m_actions;
    QPointer<ConnectionStatus> m_connection;
    QMetaObject::Connection m_connectionChanged;
    std::function<void(const QString&)> m_showIncident;
    QList<QMetaObject::Connection> m_sessionConnections;
    QString m_onCallSummary;
    QPointer<AwayPagesModel> m_awayPages;
    std::function<void(const QString&)> m_showAwayPage;
    std::function<void()> m_pageSomeone; //!< "Page someone…"; empty without a session
    QList<QMetaObject::Connection> m_awayConnections;
    State m_state = State::Offline;
    bool m_updateScheduled = false;
    bool m_menuDirty = true;
    bool m_balloonClicked = false; //!< messageClicked() came; an activation may still follow
    std::optional<QString> m_balloonIncident; //!< what the notifier's balloon is about
};

} // namespace rota
