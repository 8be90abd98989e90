// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "singleinstance.h"

#include "applog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QThread>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rota {

namespace {

constexpr int ConnectTries = 10;
constexpr int WaitMs = 1000;
const char Acknowledged[] = "ok\n";

} // namespace

SingleInstance::SingleInstance(const QString& name, const QString& directory, QObject* parent)
    : QObject(parent)
{
    QString dir = directory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        return; // start() fails: there is no private place for the lock and the socket
    m_socketPath = QDir(dir).filePath(name + QStringLiteral(".socket"));
    m_lockPath = QDir(dir).filePath(name + QStringLiteral(".lock"));
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

QString SingleInstance::defaultName(bool demo)
{
    const QString uid = QString::number(::getuid());
    return demo ? QStringLiteral("rota-demo-") + uid : QStringLiteral("rota-") + uid;
}

bool SingleInstance::isValidMessage(const QString& message)
{
    if (message == QLatin1String(ShowMessage))
        return true;
    const QString open = QStringLiteral("open ");
    if (!message.startsWith(open) || message.size() == open.size() || message.size() > 64)
        return false;
    for (qsizetype i = open.size(); i < message.size(); ++i) {
        if (message.at(i) < QLatin1Char('0') || message.at(i) > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool SingleInstance::ensurePrivateDirectory()
{
    if (m_lockPath.isEmpty()) {
        m_error = tr("There is no runtime directory for the lock and the socket.");
        return false;
    }
    const QString dir = QFileInfo(m_lockPath).absolutePath();
    QDir().mkpath(QFileInfo(dir).absolutePath());
    // Made private at once (mkdir with the mode), not opened up first and closed after.
    QDir().mkdir(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    struct stat info = {};
    if (::lstat(QFile::encodeName(dir).constData(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        m_error = tr("Cannot use %1 for the lock and the socket: it is not a directory.").arg(dir);
        return false;
    }
    if (info.st_uid != ::getuid() || (info.st_mode & 077) != 0) {
        m_error = tr("Cannot use %1 for the lock and the socket: it is not private to this user "
                     "(it must be owned by them with mode 0700, it has mode %2).")
                      .arg(dir, QString::number(info.st_mode & 0777, 8));
        return false;
    }
    return true;
}

SingleInstance::Role SingleInstance::start(const QString& message)
{
    if (!ensurePrivateDirectory()) {
        qCWarning(lcApp, "%s", qPrintable(m_error));
        m_role = Role::Failed;
        return m_role;
    }
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    // Only a lock whose process is gone is stale; a Rota running for days keeps its lock.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        m_role = listen() ? Role::Primary : Role::Failed;
        return m_role;
    }
    if (m_lock->error() != QLockFile::LockFailedError) {
        m_error = tr("Cannot create the lock file %1.").arg(m_lockPath);
        m_role = Role::Failed;
        return m_role;
    }
    m_role = handOver(message) ? Role::Secondary : Role::Failed;
    return m_role;
}

bool SingleInstance::listen()
{
    // A socket file left by a crashed instance would make listen() fail; the lock says it is ours.
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        m_error = tr("Cannot listen on %1: %2").arg(m_socketPath, m_server->errorString());
        qCWarning(lcApp, "%s", qPrintable(m_error));
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

bool SingleInstance::handOver(const QString& message)
{
    QLocalSocket socket;
    // The first instance may hold the lock and not listen yet (it is starting): try a little.
    for (int attempt = 0; attempt < ConnectTries; ++attempt) {
        socket.connectToServer(m_socketPath);
        if (socket.waitForConnected(WaitMs))
            break;
        socket.abort();
        QThread::msleep(100);
    }
    if (socket.state() != QLocalSocket::ConnectedState) {
        m_error = tr("Another Rota is running but does not answer on %1.").arg(m_socketPath);
        return false;
    }
    socket.write(message.toUtf8() + '\n');
    socket.waitForBytesWritten(WaitMs);
    // The answer says it arrived; without it the message was still written.
    if (socket.waitForReadyRead(WaitMs * 2) && socket.readAll() != Acknowledged)
        qCWarning(lcApp, "the running Rota gave an unexpected answer");
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // Only the same user's processes may ask (the socket's mode says so too; this holds
        // where a file mode on a socket is not honoured).
        struct ucred peer = {};
        socklen_t size = sizeof(peer);
        if (::getsockopt(
                static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &size)
                != 0
            || peer.uid != ::getuid()) {
            qCWarning(lcApp, "a process of another user connected to Rota's socket; dropped");
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setReadBufferSize(MaxMessageBytes + 1);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxMessageBytes) {
                    qCWarning(lcApp, "a message to Rota's socket was too long; dropped");
                    socket->abort();
                }
                return;
            }
            const QString line = QString::fromUtf8(socket->readLine(MaxMessageBytes + 1)).trimmed();
            socket->write(Acknowledged);
            socket->flush();
            socket->disconnectFromServer();
            if (!isValidMessage(line)) {
                qCWarning(lcApp, "an unknown message to Rota's socket was dropped");
                return;
            }
            Q_EMIT messageReceived(line);
        });
    }
}

} // namespace rota
