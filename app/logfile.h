// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QFile>
#include <QMutex>
#include <QObject>
#include <QStringList>

namespace rota {

class ApiClient;
struct ApiError;

//! Rota's log: every Qt message at or above the chosen level, and one line per API exchange
//! (method, path pattern, status, latency), in a file under the app data dir that rotates by size.
//! Secrets never reach it: registered secrets (API keys, API ids) are replaced by "[redacted]" in
//! every line, whoever wrote it.
class LogFile : public QObject {
    Q_OBJECT
public:
    //! `directory` is created if needed; the file is rota.log, rotated to rota.1.log ...
    //! rota.N.log.
    explicit LogFile(const QString& directory, qint64 maxBytes = 1024 * 1024, int keep = 5,
        QObject* parent = nullptr);
    ~LogFile() override;

    //! QStandardPaths::AppDataLocation + "/logs".
    static QString defaultDirectory();

    //! Routes Qt's messages (qDebug, qWarning, ...) here as well as to stderr. One LogFile at a
    //! time.
    void install();
    //! Messages below this are dropped (QtDebugMsg, QtInfoMsg, QtWarningMsg...).
    void setMinimumLevel(QtMsgType level);
    //! From now on, `secret` is replaced by "[redacted]" in every line. Empty strings are ignored.
    void addSecret(const QString& secret);
    //! addSecret() for each.
    void addSecrets(const QStringList& secrets);
    //! Logs each finished exchange of the client (the client may be deleted any time).
    void watch(ApiClient* client);

    QString filePath() const;
    //! Appends one line (redacted, time-stamped), rotating first when the file is full.
    void write(const QString& category, const QString& message);

private:
    static void messageHandler(
        QtMsgType type, const QMessageLogContext& context, const QString& message);
    void openFile();
    void rotate();
    QString redact(QString line) const;

    QString m_directory;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
    QStringList m_secrets;
    QtMsgType m_minimum = QtInfoMsg;
    mutable QMutex m_mutex;
    QtMessageHandler m_previous = nullptr;
};

} // namespace rota
