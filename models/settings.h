// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTime>

class QSettings;

namespace rota {

//! The user's preferences, as the settings dialog edits them. A plain value: validate() says in
//! words what is wrong with it; Settings stores only valid ones.
struct Preferences {
    //! Whom a desktop notification is for.
    enum class Notify { Off, PagingMe, MyTeams, All };
    enum class Proxy { System, Manual };
    enum class LogLevel { Warning, Info, Debug };
    //! When a page that is not acknowledged sounds.
    enum class Sound {
        Off, //!< never
        Once, //!< with its first notification
        UntilAcknowledgedOnCall, //!< with every reminder while I am on call, else once
        UntilAcknowledged, //!< with every reminder
    };

    //! Refresh bounds. Most operations are documented at 60 calls a minute per key; a refresh
    //! every 15 s spends at most 4 of them, leaving the rest to actions and other views. Polling
    //! less often than every 10 min leaves an incident list too stale to act on.
    static constexpr int MinRefreshSeconds = 15;
    static constexpr int MaxRefreshSeconds = 600;
    static constexpr int DefaultRefreshSeconds = 60;
    //! While I am on call or something pages me, Rota refreshes this often instead.
    static constexpr int DefaultUrgentRefreshSeconds = 15;
    //! A page that is not acknowledged is notified again this often (minutes).
    static constexpr int MinRepeatMinutes = 1;
    static constexpr int MaxRepeatMinutes = 60;
    static constexpr int DefaultRepeatMinutes = 2;
    //! A notification this many minutes before each of my shifts starts and ends (0: none).
    static constexpr int MaxShiftReminderMinutes = 240;
    static constexpr int DefaultShiftReminderMinutes = 15;

    int refreshSeconds = DefaultRefreshSeconds; //!< when nothing is urgent
    int urgentRefreshSeconds = DefaultUrgentRefreshSeconds; //!< on call or paged
    Notify notify = Notify::PagingMe;
    bool quietHours = false;
    QTime quietFrom { 22, 0 }; //!< local time; the quiet span may wrap past midnight
    QTime quietTo { 7, 0 };
    int repeatMinutes = DefaultRepeatMinutes; //!< reminders of a page not acknowledged
    Sound sound = Sound::UntilAcknowledgedOnCall;
    int shiftReminderMinutes = DefaultShiftReminderMinutes; //!< before a shift starts and ends
    bool shiftCalendar = false; //!< keep a calendar file of my shifts (ShiftCalendarFile)
    bool startMinimised = false;
    bool startOnLogin = false;
    Proxy proxy = Proxy::System;
    QString proxyHost; //!< Manual only
    int proxyPort = 0; //!< Manual only; 1..65535
    LogLevel logLevel = LogLevel::Warning;

    //! Every problem, one sentence each; empty when the preferences can be saved.
    QStringList validate() const;
    //! True when `time` falls in the quiet hours (from inclusive, to exclusive).
    bool isQuiet(const QTime& time) const;

    bool operator==(const Preferences& other) const;
    bool operator!=(const Preferences& other) const { return !(*this == other); }
};

//! Preferences in QSettings (group "preferences"), plus the one preference that lives outside
//! them: the XDG autostart entry for "start on login". Never holds a secret.
class Settings : public QObject {
    Q_OBJECT
public:
    //! `settings` (not owned) defaults to QSettings("Rota", "rota").
    explicit Settings(QSettings* settings = nullptr, QObject* parent = nullptr);
    ~Settings() override;

    //! What is stored, with out-of-range or unreadable values replaced by the bound or default
    //! (a hand-edited file cannot make Rota poll every second). startOnLogin reflects whether the
    //! autostart entry exists.
    Preferences preferences() const;
    //! Stores `preferences` and writes or removes the autostart entry. Refuses invalid ones
    //! (nothing is saved; *error says why). Emits changed() when something changed.
    bool setPreferences(const Preferences& preferences, QString* error);

    //! ~/.config/autostart/rota.desktop, under QStandardPaths::GenericConfigLocation (so
    //! XDG_CONFIG_HOME moves it).
    static QString autostartPath();
    static bool setAutostart(bool enabled, QString* error);

    //! QNetworkProxy::setApplicationProxy for a manual proxy, the system configuration otherwise.
    static void applyProxy(const Preferences& preferences);
    //! Filter rules for the rota.* logging categories.
    static void applyLogLevel(Preferences::LogLevel level);

Q_SIGNALS:
    void changed();

private:
    QSettings* m_settings;
    bool m_ownsSettings;
};

QString notifyName(Preferences::Notify notify);
QString logLevelName(Preferences::LogLevel level);

} // namespace rota
