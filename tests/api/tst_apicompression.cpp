// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ApiClient and compressed answers: it asks for gzip (its own Accept-Encoding; it inflates the
// answer itself, off the GUI thread when large), a gzip answer from a plain server gives the same
// incidents as sent, rota-sim's answers give the same incidents compressed or not, and a gzip bomb
// (a small answer that inflates far past the size cap) ends in a clean error instead of filling
// memory.
#include "apiclient.h"
#include "calls.h"
#include "capturingserver.h"
#include "incidents.h"
#include "operations.h"
#include "simfixture.h"
#include "simhttp.h"
#include "simservice.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <zlib.h>

using namespace rota;
using namespace rota::test;

namespace {

//! The head of a recorded request, its header names lower-cased.
QHash<QByteArray, QByteArray> headersOf(const QByteArray& request)
{
    QHash<QByteArray, QByteArray> headers;
    const QList<QByteArray> lines = request.left(request.indexOf("\r\n\r\n")).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.insert(
                lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    return headers;
}

//! A gzip member of `inflated` bytes of JSON (`{"padding":"   ...   "}`), made a piece at a time
//! so the test itself never holds the inflated bytes.
QByteArray gzipBomb(qint64 inflated)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    const QByteArray head = "{\"padding\":\"";
    const QByteArray tail = "\"}";
    const QByteArray piece(1024 * 1024, ' ');
    QByteArray out;
    char buffer[65536];
    const auto feed = [&](const QByteArray& bytes, int flush) {
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.constData()));
        stream.avail_in = static_cast<uInt>(bytes.size());
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, flush);
            out.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
    };
    feed(head, Z_NO_FLUSH);
    qint64 left = inflated - head.size() - tail.size();
    while (left > 0) {
        const qint64 length = qMin<qint64>(left, piece.size());
        feed(length == piece.size() ? piece : piece.left(length), Z_NO_FLUSH);
        left -= length;
    }
    feed(tail, Z_FINISH);
    deflateEnd(&stream);
    return out;
}

//! The answer a plain server writes: gzip-encoded, its compressed length declared.
void respondGzip(QTcpSocket* socket, const QByteArray& gzipBody)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  "Vary: Accept-Encoding\r\nContent-Length: "
        + QByteArray::number(gzipBody.size()) + "\r\nConnection: close\r\n\r\n");
    socket->write(gzipBody);
    socket->disconnectFromHost();
}

IncidentList someIncidents(int count)
{
    IncidentList list;
    for (int i = 0; i < count; ++i) {
        Incident incident;
        incident.incidentNumber = QString::number(1000 + i);
        incident.phase = i % 3 == 0 ? Phase::Acknowledged : Phase::Triggered;
        incident.startTime = QDateTime(QDate(2026, 12, 5), QTime(10, i % 60), Qt::UTC);
        incident.alertCount = 1 + i % 4;
        incident.entityId = QStringLiteral("db-%1/disk").arg(i);
        incident.entityDisplayName = QStringLiteral("Disk usage at 95% on db-%1").arg(i);
        incident.host = QStringLiteral("db-%1").arg(i);
        incident.service = QStringLiteral("disk");
        incident.routingKey = QStringLiteral("storage");
        incident.monitorType = QStringLiteral("API");
        incident.pagedUsers = { QStringLiteral("ana.mwangi"), QStringLiteral("lars.ito") };
        list.incidents.append(incident);
    }
    return list;
}

//! VmHWM of this process, in KiB (for the log: the tests assert no figures of memory).
qint64 peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

//! rota-sim's counts, asked of its service directly.
QJsonObject simStats(SimFixture& f)
{
    sim::SimRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/_sim/stats");
    request.headers.insert("x-sim-token", f.server->controlToken().toUtf8());
    return QJsonDocument::fromJson(f.server->service().handle(request).reply.body).object();
}

} // namespace

class TestApiCompression : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    //! Rota asks for gzip and inflates the answer.
    void asksForGzipAndReadsIt()
    {
        const IncidentList sent = someIncidents(200);
        const QByteArray json = QJsonDocument(sent.toJson()).toJson(QJsonDocument::Compact);
        const QByteArray zipped = sim::gzipCompress(json);
        QVERIFY(zipped.size() < json.size() / 4);
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base,
            [&zipped](QTcpSocket* socket, int, const QByteArray&) { respondGzip(socket, zipped); });
        auto client = clientFor(&m_network, urlOf(base));
        auto call = calls::listIncidents(*client);
        ROTA_EXPECT_OK(call);
        QCOMPARE(captured.requests.size(), 1);
        const QByteArray acceptEncoding
            = headersOf(captured.requests.constFirst()).value("accept-encoding");
        QVERIFY2(sim::acceptsGzip(acceptEncoding), acceptEncoding.constData());
        const IncidentList got = call.value();
        QCOMPARE(got.incidents.size(), sent.incidents.size());
        QCOMPARE(QJsonDocument(got.toJson()).toJson(QJsonDocument::Compact), json);
    }

    //! The same incidents from rota-sim whether it compresses or not, and it did compress.
    void simAnswersTheSameCompressedOrNot()
    {
        sim::SimOptions plainOptions;
        plainOptions.gzip = false;
        SimFixture zipping;
        SimFixture plain(plainOptions);
        QVERIFY2(zipping.started, qPrintable(zipping.startError));
        QVERIFY2(plain.started, qPrintable(plain.startError));
        auto zippedCall = calls::listIncidents(*zipping.client);
        auto plainCall = calls::listIncidents(*plain.client);
        // Both at once: a reply deletes itself once finished, so they are counted as they end.
        QVERIFY(waitForAll({ zippedCall.reply, plainCall.reply }, 20000));
        QVERIFY(zippedCall.result && zippedCall.result->has_value());
        QVERIFY(plainCall.result && plainCall.result->has_value());
        const IncidentList zippedList = zippedCall.value();
        QVERIFY(!zippedList.incidents.isEmpty());
        QCOMPARE(QJsonDocument(zippedList.toJson()).toJson(),
            QJsonDocument(plainCall.value().toJson()).toJson());

        const QJsonObject zippedStats = simStats(zipping);
        const QJsonObject plainStats = simStats(plain);
        QCOMPARE(zippedStats.value(QStringLiteral("gzipAnswers")).toInteger(), 1);
        QVERIFY(zippedStats.value(QStringLiteral("bytesOnWire")).toInteger()
            < zippedStats.value(QStringLiteral("bytesBeforeCompression")).toInteger() / 2);
        QCOMPARE(plainStats.value(QStringLiteral("gzipAnswers")).toInteger(), 0);
        QCOMPARE(plainStats.value(QStringLiteral("bytesOnWire")).toInteger(),
            plainStats.value(QStringLiteral("bytesBeforeCompression")).toInteger());
        // What went out before compression is what went out uncompressed, but for the Vary
        // header a server that never compresses leaves out.
        QCOMPARE(zippedStats.value(QStringLiteral("bytesBeforeCompression")).toInteger(),
            plainStats.value(QStringLiteral("bytesOnWire")).toInteger()
                + qstrlen("Vary: Accept-Encoding\r\n"));
    }

    void gzipBombEndsInAnError_data()
    {
        QTest::addColumn<qint64>("cap"); // 0: the operation's own (64 MB for a list)
        QTest::addColumn<qint64>("inflated");
        QTest::newRow("1 MiB cap, 8 MiB inside") << qint64(1 << 20) << qint64(8) * (1 << 20);
        QTest::newRow("1 MiB cap, 64 MiB inside") << qint64(1 << 20) << qint64(64) * (1 << 20);
        // The list's own cap, and an answer of 1 MiB that inflates to 1 GiB.
        QTest::newRow("list cap, 1 GiB inside") << qint64(0) << qint64(1024) * (1 << 20);
    }

    void gzipBombEndsInAnError()
    {
        QFETCH(qint64, cap);
        QFETCH(qint64, inflated);
        const QByteArray bomb = gzipBomb(inflated);
        QVERIFY(!bomb.isEmpty());
        QVERIFY(bomb.size() < inflated / 500);
        QTcpServer base;
        QVERIFY(base.listen(QHostAddress::LocalHost));
        CapturingServer captured(&base,
            [&bomb](QTcpSocket* socket, int, const QByteArray&) { respondGzip(socket, bomb); });
        auto client = clientFor(&m_network, urlOf(base));
        ApiRequest request = calls::request(ops::listTeams);
        request.maxReplyBytes = cap;
        const qint64 hwmBefore = peakKiB();
        request.parse = [](const JsonReader&) { return std::any(); };
        ApiReply* reply = client->send(request);
        QVERIFY(waitFor(reply, 60000));
        qInfo("%lld bytes inflating to %lld, cap %lld: %s [%s] body %lld, VmHWM %lld -> %lld KiB",
            qint64(bomb.size()), inflated, cap ? cap : ListReplyBytes,
            qPrintable(reply->error().text()), qPrintable(reply->error().detail()),
            qint64(reply->body().size()), hwmBefore, peakKiB());
        QVERIFY(!reply->ok());
        // The client inflates the answer itself and stops at the cap: nothing of it is kept.
        QCOMPARE(reply->body().size(), 0);
        QCOMPARE(apiErrorKindName(reply->error().kind), apiErrorKindName(ApiErrorKind::TooLarge));
        QVERIFY(!reply->error().text().isEmpty());
        // Not asked for again: the same bytes would come back.
        QCOMPARE(captured.requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiCompression)
#include "tst_apicompression.moc"
