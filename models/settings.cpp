// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace rota {

namespace {

const QString Group = QStringLiteral("preferences");
const QString TimeFormat = QStringLiteral("HH:mm");

struct Named {
    int value;
    const char* name;
};

constexpr Named NotifyNames[] = {
    { int(Preferences::Notify::Off), "off" },
    { int(Preferences::Notify::PagingMe), "paging-me" },
    { int(Preferences::Notify::MyTeams), "my-teams" },
    { int(Preferences::Notify::All), "all" },
};
constexpr Named ProxyNames[] = {
    { int(Preferences::Proxy::System), "system" },
    { int(Preferences::Proxy::Manual), "manual" },
};
constexpr Named SoundNames[] = {
    { int(Preferences::Sound::Off), "off" },
    { int(Preferences::Sound::Once), "once" },
    { int(Preferences::Sound::UntilAcknowledgedOnCall), "until-acknowledged-on-call" },
    { int(Preferences::Sound::UntilAcknowledged), "until-acknowledged" },
};
constexpr Named LogLevelNames[] = {
    { int(Preferences::LogLevel::Warning), "warning" },
    { int(Preferences::LogLevel::Info), "info" },
    { int(Preferences::LogLevel::Debug), "debug" },
};

template <size_t N> QString nameOf(const Named (&names)[N], int value)
{
    for (const Named& named : names) {
        if (named.value == value)
            return QLatin1String(named.name);
    }
    return QString();
}

template <size_t N> int valueOf(const Named (&names)[N], const QString& name, int fallback)
{
    for (const Named& named : names) {
        if (name == QLatin1String(named.name))
            return named.value;
    }
    return fallback;
}

QTime readTime(const QSettings& settings, const QString& key, const QTime& fallback)
{
    const QTime time = QTime::fromString(settings.value(key).toString(), TimeFormat);
    return time.isValid() ? time : fallback;
}

int readInt(const QSettings& settings, const QString& key, int fallback)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? value : fallback;
}

bool isValidHost(const QString& host)
{
    if (host.isEmpty() || host.contains(QLatin1Char(' ')))
        return false;
    QUrl url;
    url.setHost(host, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty();
}

// The command the desktop runs at login: the installed `rota` when there is one on PATH,
// otherwise this very executable (a build run from its build tree).
QString autostartCommand()
{
    if (!QStandardPaths::findExecutable(QStringLiteral("rota")).isEmpty())
        return QStringLiteral("rota");
    const QString self = QCoreApplication::applicationFilePath();
    if (QFileInfo(self).fileName() != QLatin1String("rota"))
        return QStringLiteral("rota");
    QString quoted = self;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString notifyName(Preferences::Notify notify) { return nameOf(NotifyNames, int(notify)); }

QString logLevelName(Preferences::LogLevel level) { return nameOf(LogLevelNames, int(level)); }

QStringList Preferences::validate() const
{
    QStringList problems;
    if (refreshSeconds < MinRefreshSeconds || refreshSeconds > MaxRefreshSeconds)
        problems << QCoreApplication::translate(
            "rota::Settings", "The refresh interval must be between 15 seconds and 10 minutes.");
    if (urgentRefreshSeconds < MinRefreshSeconds || urgentRefreshSeconds > MaxRefreshSeconds)
        problems << QCoreApplication::translate("rota::Settings",
            "The refresh interval while on call must be between 15 seconds and 10 minutes.");
    if (repeatMinutes < MinRepeatMinutes || repeatMinutes > MaxRepeatMinutes)
        problems << QCoreApplication::translate(
            "rota::Settings", "Reminders must come every 1 to 60 minutes.");
    if (shiftReminderMinutes < 0 || shiftReminderMinutes > MaxShiftReminderMinutes)
        problems << QCoreApplication::translate(
            "rota::Settings", "Shift reminders must come 0 to 240 minutes ahead (0: none).");
    if (quietHours) {
        if (!quietFrom.isValid() || !quietTo.isValid())
            problems << QCoreApplication::translate(
                "rota::Settings", "Quiet hours need a start and an end time.");
        else if (quietFrom == quietTo)
            problems << QCoreApplication::translate(
                "rota::Settings", "Quiet hours must start and end at different times.");
    }
    if (proxy == Proxy::Manual) {
        if (proxyHost.trimmed().isEmpty())
            problems << QCoreApplication::translate(
                "rota::Settings", "Enter the proxy as host:port, e.g. proxy.example.com:3128.");
        else if (!isValidHost(proxyHost))
            problems << QCoreApplication::translate(
                "rota::Settings", "\"%1\" is not a host name or address.")
                            .arg(proxyHost);
        if (proxyPort < 1 || proxyPort > 65535)
            problems << QCoreApplication::translate(
                "rota::Settings", "The proxy port must be a number from 1 to 65535.");
    }
    return problems;
}

bool Preferences::isQuiet(const QTime& time) const
{
    if (!quietHours || !quietFrom.isValid() || !quietTo.isValid() || quietFrom == quietTo)
        return false;
    if (quietFrom < quietTo)
        return time >= quietFrom && time < quietTo;
    return time >= quietFrom || time < quietTo; // wraps past midnight
}

bool Preferences::operator==(const Preferences& other) const
{
    return refreshSeconds == other.refreshSeconds && notify == other.notify
        && quietHours == other.quietHours && quietFrom == other.quietFrom
        && quietTo == other.quietTo && sound == other.sound
        && urgentRefreshSeconds == other.urgentRefreshSeconds
        && repeatMinutes == other.repeatMinutes && startMinimised == other.startMinimised
        && startOnLogin == other.startOnLogin && proxy == other.proxy
        && proxyHost == other.proxyHost && proxyPort == other.proxyPort
        && logLevel == other.logLevel && shiftReminderMinutes == other.shiftReminderMinutes
        && shiftCalendar == other.shiftCalendar;
}

Settings::Settings(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(
          settings ? settings : new QSettings(QStringLiteral("Rota"), QStringLiteral("rota")))
    , m_ownsSettings(!settings)
{
}

Settings::~Settings()
{
    if (m_ownsSettings)
        delete m_settings;
}

Preferences Settings::preferences() const
{
    const Preferences defaults;
    Preferences p;
    QSettings& s = *m_settings;
    s.beginGroup(Group);
    p.refreshSeconds = qBound(Preferences::MinRefreshSeconds,
        readInt(s, QStringLiteral("refreshSeconds"), defaults.refreshSeconds),
        Preferences::MaxRefreshSeconds);
    p.urgentRefreshSeconds = qBound(Preferences::MinRefreshSeconds,
        readInt(s, QStringLiteral("urgentRefreshSeconds"), defaults.urgentRefreshSeconds),
        Preferences::MaxRefreshSeconds);
    p.repeatMinutes = qBound(Preferences::MinRepeatMinutes,
        readInt(s, QStringLiteral("repeatMinutes"), defaults.repeatMinutes),
        Preferences::MaxRepeatMinutes);
    p.notify = Preferences::Notify(
        valueOf(NotifyNames, s.value(QStringLiteral("notify")).toString(), int(defaults.notify)));
    p.quietHours = s.value(QStringLiteral("quietHours"), defaults.quietHours).toBool();
    p.quietFrom = readTime(s, QStringLiteral("quietFrom"), defaults.quietFrom);
    p.quietTo = readTime(s, QStringLiteral("quietTo"), defaults.quietTo);
    if (p.quietFrom == p.quietTo)
        p.quietHours = false;
    // Earlier versions stored a yes or no: no is Off, yes the default.
    const QString sound = s.value(QStringLiteral("sound")).toString();
    p.sound = sound == QLatin1String("false")
        ? Preferences::Sound::Off
        : Preferences::Sound(valueOf(SoundNames, sound, int(defaults.sound)));
    p.startMinimised = s.value(QStringLiteral("startMinimised"), defaults.startMinimised).toBool();
    p.shiftReminderMinutes = qBound(0,
        readInt(s, QStringLiteral("shiftReminderMinutes"), defaults.shiftReminderMinutes),
        Preferences::MaxShiftReminderMinutes);
    p.shiftCalendar = s.value(QStringLiteral("shiftCalendar"), defaults.shiftCalendar).toBool();
    p.proxy = Preferences::Proxy(
        valueOf(ProxyNames, s.value(QStringLiteral("proxy")).toString(), int(defaults.proxy)));
    p.proxyHost = s.value(QStringLiteral("proxyHost")).toString();
    p.proxyPort = readInt(s, QStringLiteral("proxyPort"), 0);
    if (p.proxy == Preferences::Proxy::Manual && !p.validate().isEmpty())
        p.proxy = Preferences::Proxy::System; // a broken hand-edited proxy must not cut Rota off
    p.logLevel = Preferences::LogLevel(valueOf(
        LogLevelNames, s.value(QStringLiteral("logLevel")).toString(), int(defaults.logLevel)));
    s.endGroup();
    p.startOnLogin = QFileInfo::exists(autostartPath());
    return p;
}

bool Settings::setPreferences(const Preferences& next, QString* error)
{
    const QStringList problems = next.validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char(' '));
        return false;
    }
    const Preferences before = preferences();
    if (next.startOnLogin != before.startOnLogin && !setAutostart(next.startOnLogin, error))
        return false;

    QSettings& s = *m_settings;
    s.beginGroup(Group);
    s.setValue(QStringLiteral("refreshSeconds"), next.refreshSeconds);
    s.setValue(QStringLiteral("notify"), notifyName(next.notify));
    s.setValue(QStringLiteral("quietHours"), next.quietHours);
    s.setValue(QStringLiteral("quietFrom"), next.quietFrom.toString(TimeFormat));
    s.setValue(QStringLiteral("quietTo"), next.quietTo.toString(TimeFormat));
    s.setValue(QStringLiteral("sound"), nameOf(SoundNames, int(next.sound)));
    s.setValue(QStringLiteral("urgentRefreshSeconds"), next.urgentRefreshSeconds);
    s.setValue(QStringLiteral("repeatMinutes"), next.repeatMinutes);
    s.setValue(QStringLiteral("startMinimised"), next.startMinimised);
    s.setValue(QStringLiteral("shiftReminderMinutes"), next.shiftReminderMinutes);
    s.setValue(QStringLiteral("shiftCalendar"), next.shiftCalendar);
    s.setValue(QStringLiteral("proxy"), nameOf(ProxyNames, int(next.proxy)));
    s.setValue(QStringLiteral("proxyHost"), next.proxyHost.trimmed());
    s.setValue(QStringLiteral("proxyPort"), next.proxyPort);
    s.setValue(QStringLiteral("logLevel"), logLevelName(next.logLevel));
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = tr("The settings could not be written to %1.").arg(s.fileName());
        return false;
    }
    if (next != before)
        Q_EMIT changed();
    return true;
}

QString Settings::autostartPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/rota.desktop"));
}

bool Settings::setAutostart(bool enabled, QString* error)
{
    const QString path = autostartPath();
    if (!enabled) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error = tr("Could not remove %1.").arg(path);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("Could not create the folder of %1.").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Rota\n"
                                         "Comment=Desktop on-call console for Splunk On-Call\n"
                                         "Exec=")
        + autostartCommand()
        + QStringLiteral("\n"
                         "Icon=rota\n"
                         "Terminal=false\n"
                         "X-GNOME-Autostart-enabled=true\n");
    file.write(entry.toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void Settings::applyProxy(const Preferences& preferences)
{
    if (preferences.proxy == Preferences::Proxy::Manual && preferences.validate().isEmpty()) {
        // Setting an application proxy also drops the system proxy factory.
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy,
            preferences.proxyHost.trimmed(), quint16(preferences.proxyPort)));
    } else {
        // The manual proxy goes first, then the system's factory answers every query.
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }
}

void Settings::applyLogLevel(Preferences::LogLevel level)
{
    // QT_LOGGING_RULES in the environment still wins over these, which is what a developer wants.
    switch (level) {
    case Preferences::LogLevel::Warning:
        QLoggingCategory::setFilterRules(QStringLiteral("rota.*.info=false\nrota.*.debug=false"));
        break;
    case Preferences::LogLevel::Info:
        QLoggingCategory::setFilterRules(QStringLiteral("rota.*.info=true\nrota.*.debug=false"));
        break;
    case Preferences::LogLevel::Debug:
        QLoggingCategory::setFilterRules(QStringLiteral("rota.*.info=true\nrota.*.debug=true"));
        break;
    }
}

} // namespace rota
