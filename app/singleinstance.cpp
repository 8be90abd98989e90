#include "singleinstance.h"

#include "applog.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QThread>

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
        dir = QDir::tempPath();
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

SingleInstance::Role SingleInstance::start(const QString& message)
{
    QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
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
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QString line = QString::fromUtf8(socket->readLine()).trimmed();
            socket->write(Acknowledged);
            socket->flush();
            socket->disconnectFromServer();
            Q_EMIT messageReceived(line);
        });
    }
}

} // namespace rota
