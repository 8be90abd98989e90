// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// An action held back by the API's rate limit, as a user meets it: the bar says what waits and
// for how long, and Cancel takes the call back before anything is sent (the action says it was
// cancelled). The server is a plain one on 127.0.0.1 that answers the first acknowledgement with
// 429 and Retry-After: 30, so that the client holds the operation back for 30 seconds.
#include "apiclient.h"
#include "heldcalls.h"
#include "heldcallsbar.h"
#include "incidentactions.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QVBoxLayout>

using namespace rota;

namespace {

//! Answers every request with 429 and Retry-After: 30; records the request lines.
class ThrottlingServer : public QObject {
public:
    ThrottlingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    const QList<QByteArray>& requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& pending = m_pending[socket];
        pending += socket->readAll();
        const qsizetype end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression length(
            QStringLiteral("content-length:\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = length.match(QString::fromLatin1(pending.left(end)));
        const qsizetype bodySize = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (pending.size() < end + 4 + bodySize)
            return;
        m_requests.append(pending.left(pending.indexOf("\r\n")));
        pending.remove(0, end + 4 + bodySize);
        const QByteArray body = R"({"message":"rate limit reached"})";
        socket->write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\n"
                      "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QList<QByteArray> m_requests;
    QHash<QTcpSocket*, QByteArray> m_pending;
};

} // namespace

class TestHeldCallsBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heldActionShowsItsWaitAndCancelSendsNothing()
    {
        ThrottlingServer server;
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        ApiClient client(&network);
        QString error;
        QVERIFY2(client.setBaseUrl(server.url(), &error), qPrintable(error));
        client.setCredentials(
            { QStringLiteral("id"), QStringLiteral("key"), QStringLiteral("ada") });
        IncidentActions actions(&client, nullptr);
        QSignalSpy failed(&actions, &IncidentActions::actionFailed);

        // As in the main window: a banner of a window that is shown.
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto& bar = *new HeldCallsBar(HeldCalls::of(&client));
        layout->addWidget(&bar);
        window.resize(600, 100);
        window.show();
        QVERIFY(!bar.isVisible());

        // The first acknowledgement is answered 429: the client holds the operation back.
        QCOMPARE(
            actions.acknowledge({ QStringLiteral("11") }), QStringList { QStringLiteral("11") });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().constFirst().startsWith("PATCH /api-public/v1/incidents/ack"));
        QVERIFY(!bar.isVisible());

        // The next one waits in the scheduler: the bar says so, with the wait.
        QCOMPARE(
            actions.acknowledge({ QStringLiteral("12") }), QStringList { QStringLiteral("12") });
        QTRY_VERIFY_WITH_TIMEOUT(bar.isVisible(), 10000);
        const QString text = bar.findChild<QLabel*>(QStringLiteral("heldCallsLabel"))->text();
        const QRegularExpressionMatch wait = QRegularExpression(
            QStringLiteral("^Acknowledge #12 waits (\\d+) s for the API's rate limit\\.$"))
                                                 .match(text);
        QVERIFY2(wait.hasMatch(), qPrintable(text));
        QVERIFY2(wait.captured(1).toInt() >= 1 && wait.captured(1).toInt() <= 30, qPrintable(text));
        QCOMPARE(HeldCalls::of(&client)->calls().size(), 1);
        QCOMPARE(actions.pendingCalls(), 1);

        auto* cancel = bar.findChild<QPushButton*>(QStringLiteral("heldCallsCancel"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.last().at(0).toString(),
            QStringLiteral("Acknowledging #12 was cancelled; nothing was sent."));
        QVERIFY(!bar.isVisible());
        QVERIFY(HeldCalls::of(&client)->calls().isEmpty());
        QCOMPARE(actions.pendingCalls(), 0);
        // Nothing is left to send, and nothing more reached the server.
        QCOMPARE(client.scheduler()->queued(), 0);
        QTest::qWait(100);
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_MAIN(TestHeldCallsBar)
#include "tst_heldcallsbar.moc"
