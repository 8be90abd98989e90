// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A plain HTTP/1.1 server for the tests of ApiClient's edges: it records every byte it reads and
// every request, and answers through a function of the test (or not at all). Works for a
// QTcpServer and a QSslServer alike (for the latter it records what arrives after the handshake).

#include "apiclient.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace rota::test {

class CapturingServer : public QObject {
public:
    //! Answers request number `index` (0-based over the server's life) on `socket`; leaving the
    //! socket alone leaves the client waiting.
    using Answer = std::function<void(QTcpSocket* socket, int index, const QByteArray& request)>;

    //! Watches `server` (which must outlive this object), listening already or later.
    explicit CapturingServer(QTcpServer* server, Answer answer = {})
        : m_server(server)
        , m_answer(std::move(answer))
    {
        connect(server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                watch(socket);
        });
    }

    void setAnswer(Answer answer) { m_answer = std::move(answer); }
    //! For a QSslServer: starts reading a socket as soon as its handshake starts, so that a
    //! request sent after a failed handshake could not go unseen.
    void watch(QTcpSocket* socket)
    {
        if (socket->property("watched").toBool())
            return;
        socket->setProperty("watched", true);
        ++connections;
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        if (socket->bytesAvailable() > 0)
            read(socket);
    }

    int connections = 0;
    QByteArray received; //!< every byte read, all connections
    QList<QByteArray> requests; //!< each complete request: head and body

    //! Writes a whole answer and closes the connection.
    static void respond(QTcpSocket* socket, int status, const QByteArray& body = "{}",
        const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
        for (const auto& header : headers)
            out += header.first + ": " + header.second + "\r\n";
        out += "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(out);
        socket->disconnectFromHost();
    }

private:
    void read(QTcpSocket* socket)
    {
        const QByteArray bytes = socket->readAll();
        received += bytes;
        QByteArray buffer = socket->property("buffer").toByteArray() + bytes;
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                break;
            qsizetype length = 0;
            for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            const qsizetype total = headEnd + 4 + length;
            if (buffer.size() < total)
                break;
            const QByteArray request = buffer.left(total);
            buffer.remove(0, total);
            const int index = static_cast<int>(requests.size());
            requests.append(request);
            if (m_answer)
                m_answer(socket, index, request);
        }
        socket->setProperty("buffer", buffer);
    }

    QTcpServer* m_server;
    Answer m_answer;
    QList<QPointer<QTcpSocket>> m_sockets;
};

//! The address of a local server, for ApiClient::setBaseUrl.
inline QUrl urlOf(const QTcpServer& server)
{
    return QUrl(QStringLiteral("http://%1:%2")
                    .arg(server.serverAddress().toString(), QString::number(server.serverPort())));
}

//! A client of `base` with test credentials and a short retry back-off.
inline std::unique_ptr<ApiClient> clientFor(QNetworkAccessManager* network, const QUrl& base)
{
    auto client = std::make_unique<ApiClient>(network);
    QString error;
    if (!client->setBaseUrl(base, &error))
        qFatal("base URL refused: %s", qPrintable(error));
    client->setCredentials(
        { QStringLiteral("the-id"), QStringLiteral("s3cret-key"), QStringLiteral("me") });
    client->setRetryBaseDelay(5);
    return client;
}

} // namespace rota::test
