// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;
class QSystemTrayIcon;

namespace rota {

class AlarmSound;
class IncidentActions;
class IncidentModel;
class IncidentPoller;
class NotificationFilter;
class PageAlarm;
class QuickActions;
class Settings;

//! Desktop notifications for incidents, insistent about those that page the user. Listens to the
//! session's poller, asks its NotificationFilter (preferences, quiet hours, pause, on call, never
//! twice) which incidents deserve one, and sends them:
//! - over D-Bus to org.freedesktop.Notifications when the server lists the "actions" capability,
//!   with the actions Acknowledge, Acknowledge with message…, Resolve, Reroute…, Open ("default",
//!   a click, opens too) for one incident, and Acknowledge all and Open for several; urgency
//!   critical and no expiry for incidents paging the user, normal otherwise;
//! - else through the tray icon's balloon (QSystemTrayIcon::showMessage), whose click opens it;
//! - else, without a tray but with a notification server, over D-Bus without actions.
//!
//! Alert until acknowledged: an incident paging the user directly stays alarming (PageAlarm)
//! until it is acknowledged, resolved or rerouted anywhere (seen at the next refresh) or the user
//! acts on it in Rota (at once, from the rows' pending state). Every repeat interval
//! (Preferences::repeatMinutes) its notification is shown again, replacing the earlier one, and
//! the sound plays again as Preferences::sound says; when it stops alarming its notification is
//! closed. The first refresh of a session notifies nothing one by one, but sums up what already
//! pages the user ("3 incidents are paging you"), which then alarms like the rest.
//!
//! Up to MaxSeparate new incidents at once get one notification each; more get one that lists
//! every one of them, whose Acknowledge all acknowledges exactly those. Sounds are played by
//! AlarmSound (see there why), so notifications carry `suppress-sound`. Nothing here blocks: the
//! server's capabilities are asked asynchronously, and notifications wait for the answer.
class Notifier : public QObject {
    Q_OBJECT
public:
    enum class Backend {
        Unknown, //!< the notification server's capabilities are still being asked
        DBusActions, //!< freedesktop notifications with actions
        DBusPlain, //!< freedesktop notifications without actions (no tray for the fallback)
        Tray, //!< QSystemTrayIcon::showMessage
        None, //!< nowhere to show them
    };
    Q_ENUM(Backend)

    static constexpr int MaxSeparate = 3;
    static constexpr const char* Service = "org.freedesktop.Notifications";
    static constexpr const char* Path = "/org/freedesktop/Notifications";

    //! Preferences come from `settings` (not owned) at each refresh.
    explicit Notifier(Settings* settings, QObject* parent = nullptr);
    ~Notifier() override;

    //! The decisions; the pause lives here (the tray's menu sets it).
    NotificationFilter* filter() const { return m_filter; }
    //! The reminders of pages not acknowledged.
    PageAlarm* alarm() const { return m_alarm; }
    AlarmSound* sound() const { return m_sound; }

    //! The fallback when the server offers no actions (not owned; may be nullptr).
    void setTrayIcon(QSystemTrayIcon* icon);

    //! Follows this session's refreshes (nothing owned; all nullptr: none). `open` shows one
    //! incident in the window (an empty number: the incidents view). The first snapshot after
    //! this is the baseline (NotificationFilter::reset).
    void setSession(IncidentModel* model, IncidentPoller* poller, IncidentActions* actions,
        std::function<void(const QString&)> open);
    //! How "Open" on a notification about several shows exactly those (e.g.
    //! Workspace::showIncidents); none: the incidents view.
    void setOpenMany(std::function<void(const QStringList&)> openMany)
    {
        m_openMany = std::move(openMany);
    }
    //! What the notifications' actions go through (not owned; nullptr: acknowledge and resolve
    //! straight through the session's IncidentActions, the rest opens the incident). Its feedback
    //! for actions taken from a notification is shown as a notification.
    void setQuickActions(QuickActions* quick);
    //! Whether the user is on call now (quiet hours and pause spare their direct pages, and the
    //! sound may repeat).
    void setOnCall(bool onCall);

    Backend backend() const;
    //! The server's capabilities (empty until known, or when there is no server).
    QStringList capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }

    //! Filters `snapshot` and notifies what deserves it (the poller's refreshes come here).
    void handleSnapshot(const QList<Incident>& snapshot);
    //! Sends first notifications for these incidents now, without filtering.
    void notify(const QList<Incident>& incidents);

    //! A notification about no incident (a shift that starts or ends), through the same backends;
    //! never critical, no actions but a click, which opens Rota. A later one with the same `key`
    //! replaces it on screen.
    void notifyInfo(const QString& key, const QString& summary, const QString& body);

    //! Words of one incident's notification.
    static QString summaryFor(const Incident& incident);
    //! `names` (may be null) names the paged people as the incidents table does.
    static QString bodyFor(
        const Incident& incident, bool pagingMe, const IncidentModel* names = nullptr);

Q_SIGNALS:
    //! The server's capabilities were (re)read.
    void capabilitiesChanged();
    //! A notification was handed to `backend`; `incidentNumber` is empty for one about several.
    void sent(
        rota::Notifier::Backend backend, const QString& summary, const QString& incidentNumber);
    //! A reminder of these incidents was handed on (after sent()).
    void reminded(const QStringList& incidentNumbers);

private Q_SLOTS:
    // QtDBus delivers bus signals only to slots named in a SLOT() string.
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Pending {
        QString summary;
        QString body;
        QStringList numbers; //!< what it is about (one: an incident's own notification)
        bool critical = false;
        bool persistent = false; //!< no expiry: a page waits for the user
        bool sound = false;
        bool feedback = false; //!< the outcome of an action: no actions of its own
        QString replaces; //!< the key of the notification it replaces (see keyOf)
        QString infoKey; //!< set for one about no incident (notifyInfo): its key
    };
    void askCapabilities();
    void flush();
    void send(const Pending& note);
    void sendDBus(const Pending& note, bool withActions);
    //! Whether a Notify call for `key` is still waiting for its answer.
    bool isInFlight(const QString& key) const;
    //! Closes the notification of `key` (see keyOf), also one still on its way to the server.
    void close(const QString& key);
    void closeId(uint id);
    void openIncident(const QString& number);
    //! What alarms now, from the rows (an action in flight counts) or the last snapshot.
    QList<Incident> alarming() const;
    void updateAlarm(bool announce);
    void scheduleAlarmUpdate();
    //! The alarm's reminder: reminds of what alarms now (the rows may be ahead of the alarm).
    void remind();
    void onStopped(const QStringList& numbers);
    Pending noteFor(const Incident& incident) const;
    Pending listNote(const QString& summary, const QList<Incident>& incidents) const;
    bool soundRepeats() const;
    //! A notification's key: its incident number, or "several" for one about several.
    static QString keyOf(const QStringList& numbers);

    Settings* m_settings;
    NotificationFilter* m_filter;
    PageAlarm* m_alarm;
    AlarmSound* m_sound;
    QPointer<QSystemTrayIcon> m_tray;
    QPointer<IncidentModel> m_model;
    QPointer<IncidentPoller> m_poller;
    QPointer<IncidentActions> m_actions;
    QPointer<QuickActions> m_quick;
    std::function<void(const QString&)> m_open;
    std::function<void(const QStringList&)> m_openMany;
    QList<QMetaObject::Connection> m_sessionConnections;
    QMetaObject::Connection m_feedbackConnection;
    QDBusServiceWatcher* m_watcher = nullptr;
    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_busConnected = false;
    bool m_serverPresent = false;
    bool m_alarmUpdateScheduled = false;
    QList<Incident> m_lastSnapshot;
    QList<Pending> m_waiting; //!< until the capabilities are known
    QHash<uint, QStringList> m_numbersOf; //!< notification id → the incidents it is about
    QHash<QString, uint> m_idOf; //!< key (keyOf) → the id of its notification on screen
    QHash<quint64, QString> m_inFlight; //!< Notify calls not answered yet → their key
    QSet<quint64> m_closeOnArrival; //!< of those, the ones closed meanwhile
    //! Notifications to replace one still on its way (its id unknown): sent once it arrives, the
    //! latest per key; with whether they have actions.
    QHash<QString, QPair<Pending, bool>> m_afterArrival;
    quint64 m_serial = 0;
    QString m_trayMessageNumber; //!< what the tray's last balloon is about
};

} // namespace rota
