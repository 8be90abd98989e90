#pragma once

#include "incidents.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;
class QSystemTrayIcon;

namespace rota {

class IncidentActions;
class IncidentModel;
class IncidentPoller;
class NotificationFilter;
class Settings;

//! Desktop notifications for newly triggered incidents. Listens to the session's poller, asks its
//! NotificationFilter (preferences, quiet hours, pause, never twice) which incidents deserve one,
//! and sends them:
//! - over D-Bus to org.freedesktop.Notifications when the server lists the "actions" capability:
//!   with the actions "ack" (Acknowledge) and "open" (Open) and "default" (a click, opens), urgency
//!   critical for incidents paging the user, normal otherwise; ActionInvoked "ack" acknowledges the
//!   incident, "open" and "default" open it;
//! - else through the tray icon's balloon (QSystemTrayIcon::showMessage), whose click opens it;
//! - else, without a tray but with a notification server, over D-Bus without actions.
//!
//! Up to MaxSeparate new incidents at once get one notification each; more get one summary
//! ("5 new incidents") that opens the incidents view. Nothing here blocks: the server's
//! capabilities are asked asynchronously, and notifications wait for the answer.
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

    //! The fallback when the server offers no actions (not owned; may be nullptr).
    void setTrayIcon(QSystemTrayIcon* icon);

    //! Follows this session's refreshes (nothing owned; all nullptr: none). `open` shows one
    //! incident in the window (an empty number: the incidents view). The first snapshot after
    //! this is the baseline (NotificationFilter::reset).
    void setSession(IncidentModel* model, IncidentPoller* poller, IncidentActions* actions,
        std::function<void(const QString&)> open);

    Backend backend() const;
    //! The server's capabilities (empty until known, or when there is no server).
    QStringList capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }

    //! Filters `snapshot` and notifies what deserves it (the poller's refreshes come here).
    void handleSnapshot(const QList<Incident>& snapshot);
    //! Sends notifications for these incidents now, without filtering.
    void notify(const QList<Incident>& incidents);

    //! Words of one incident's notification.
    static QString summaryFor(const Incident& incident);
    static QString bodyFor(const Incident& incident, bool pagingMe);

Q_SIGNALS:
    //! The server's capabilities were (re)read.
    void capabilitiesChanged();
    //! A notification was handed to `backend`; `incidentNumber` is empty for a summary.
    void sent(
        rota::Notifier::Backend backend, const QString& summary, const QString& incidentNumber);

private Q_SLOTS:
    // QtDBus delivers bus signals only to slots named in a SLOT() string.
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Pending {
        QString summary;
        QString body;
        QString number; //!< empty for a summary notification
        bool critical = false;
    };
    void askCapabilities();
    void flush();
    void send(const Pending& note);
    void sendDBus(const Pending& note, bool withActions);
    void openIncident(const QString& number);

    Settings* m_settings;
    NotificationFilter* m_filter;
    QPointer<QSystemTrayIcon> m_tray;
    QPointer<IncidentModel> m_model;
    QPointer<IncidentPoller> m_poller;
    QPointer<IncidentActions> m_actions;
    std::function<void(const QString&)> m_open;
    QMetaObject::Connection m_pollerConnection;
    QDBusServiceWatcher* m_watcher = nullptr;
    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_busConnected = false;
    bool m_serverPresent = false;
    QList<Pending> m_waiting; //!< until the capabilities are known
    QHash<uint, QString> m_numberOf; //!< notification id → incident number ("" for a summary)
    QString m_trayMessageNumber; //!< what the tray's last balloon is about
};

} // namespace rota
