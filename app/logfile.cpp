// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "logfile.h"

#include "apiclient.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace rota {

namespace {
LogFile* g_installed = nullptr;

int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 2;
}

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "warning";
}
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

LogFile::LogFile(const QString& directory, qint64 maxBytes, int keep, QObject* parent)
    : QObject(parent)
    , m_directory(directory)
    , m_maxBytes(qMax<qint64>(4096, maxBytes))
    , m_keep(qMax(1, keep))
{
    // The log says what Rota did, which is nobody else's business: its folder and files are the
    // owner's only from the moment they exist (made so, not opened up first and closed after).
    QDir().mkpath(QFileInfo(m_directory).absolutePath());
    if (!QDir().mkdir(m_directory, OwnerOnly | QFileDevice::ExeOwner))
        QFile::setPermissions(m_directory, OwnerOnly | QFileDevice::ExeOwner); // an older folder
    m_file.setFileName(QDir(m_directory).filePath(QStringLiteral("rota.log")));
    openFile();
}

void LogFile::openFile()
{
    if (m_file.open(QIODevice::Append | QIODevice::Text, OwnerOnly))
        m_file.setPermissions(OwnerOnly); // a file kept from an older Rota
}

LogFile::~LogFile()
{
    if (g_installed == this) {
        qInstallMessageHandler(m_previous);
        g_installed = nullptr;
    }
}

QString LogFile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/logs");
}

QString LogFile::filePath() const { return m_file.fileName(); }

void LogFile::install()
{
    g_installed = this;
    m_previous = qInstallMessageHandler(&LogFile::messageHandler);
}

void LogFile::setMinimumLevel(QtMsgType level)
{
    QMutexLocker lock(&m_mutex);
    m_minimum = level;
}

void LogFile::addSecret(const QString& secret)
{
    if (secret.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_secrets.contains(secret))
        m_secrets.append(secret);
}

void LogFile::addSecrets(const QStringList& secrets)
{
    for (const QString& secret : secrets)
        addSecret(secret);
}

void LogFile::watch(ApiClient* client)
{
    if (!client)
        return;
    addSecret(client->credentials().apiKey);
    addSecret(client->credentials().apiId);
    connect(client, &ApiClient::exchanged, this,
        [this](const QString& operation, int status, qint64 elapsedMs, const ApiError& error) {
            QString line = operation + QLatin1Char(' ') + QString::number(status) + QLatin1Char(' ')
                + QString::number(elapsedMs) + QStringLiteral(" ms");
            if (error.isError())
                line += QLatin1Char(' ') + apiErrorKindName(error.kind);
            write(QStringLiteral("api"), line);
        });
}

QString LogFile::redact(QString line) const
{
    for (const QString& secret : m_secrets)
        line.replace(secret, QStringLiteral("[redacted]"));
    return line;
}

void LogFile::rotate()
{
    m_file.close();
    QDir dir(m_directory);
    dir.remove(QStringLiteral("rota.%1.log").arg(m_keep));
    for (int i = m_keep - 1; i >= 1; --i)
        dir.rename(QStringLiteral("rota.%1.log").arg(i), QStringLiteral("rota.%1.log").arg(i + 1));
    dir.rename(QStringLiteral("rota.log"), QStringLiteral("rota.1.log"));
    openFile();
}

void LogFile::write(const QString& category, const QString& message)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
        + QLatin1Char(' ') + category + QLatin1Char(' ') + redact(message) + QLatin1Char('\n');
    const QByteArray bytes = line.toUtf8();
    if (m_file.size() + bytes.size() > m_maxBytes)
        rotate();
    m_file.write(bytes);
    m_file.flush();
}

void LogFile::messageHandler(
    QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    LogFile* log = g_installed;
    if (!log)
        return;
    QString redacted;
    {
        QMutexLocker lock(&log->m_mutex);
        redacted = log->redact(message);
    }
    // stderr gets the redacted text too: a terminal scrollback is a file of sorts.
    if (log->m_previous)
        log->m_previous(type, context, redacted);
    bool wanted = false;
    {
        QMutexLocker lock(&log->m_mutex);
        wanted = severity(type) >= severity(log->m_minimum);
    }
    if (wanted) {
        const QString category
            = context.category ? QString::fromLatin1(context.category) : QStringLiteral("default");
        log->write(category, QLatin1String(levelName(type)) + QStringLiteral(": ") + redacted);
    }
}

} // namespace rota
