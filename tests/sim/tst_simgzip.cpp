// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim's compressed answers: which Accept-Encoding values get gzip, that the gzip member is
// one any decoder reads back to the very same bytes, the headers that go with it over real HTTP,
// --no-gzip, and the bytes /_sim/stats counts as sent and as they were before compression.

#include "simcontext.h"
#include "simhttp.h"
#include "simserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <zlib.h>

using namespace rota::sim;

namespace {

//! The bytes of a gzip file (one or more members), or an empty array when it is not one.
QByteArray gunzip(const QByteArray& data, bool* ok)
{
    *ok = false;
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    char buffer[65536];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
    }
    *ok = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return out;
}

//! One answer as it came over the socket: every byte, and its parts.
struct RawAnswer {
    QByteArray raw;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
};

//! Sends one request on a connection of its own and reads the answer byte for byte, so nothing
//! between the server and the test decodes it.
RawAnswer fetch(quint16 port, const QByteArray& path, const QList<QByteArray>& extraHeaders,
    bool apiCredentials = true, const QByteArray& simToken = {})
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000))
        return answer;
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (apiCredentials)
        request += "X-VO-Api-Id: rota-demo-id\r\nX-VO-Api-Key: rota-demo-key\r\n";
    if (!simToken.isEmpty())
        request += "X-Sim-Token: " + simToken + "\r\n";
    for (const QByteArray& header : extraHeaders)
        request += header + "\r\n";
    request += "\r\n";
    socket.write(request);
    qsizetype headEnd = -1;
    qint64 length = -1;
    const bool complete = QTest::qWaitFor(
        [&] {
            answer.raw += socket.readAll();
            if (headEnd < 0) {
                headEnd = answer.raw.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return false;
                const QList<QByteArray> lines = answer.raw.left(headEnd).split('\n');
                answer.status = lines.first().split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                        lines.at(i).mid(colon + 1).trimmed());
                }
                length = answer.headers.value("content-length").toLongLong();
            }
            return answer.raw.size() >= headEnd + 4 + length;
        },
        20000);
    if (complete)
        answer.body = answer.raw.mid(headEnd + 4);
    return answer;
}

class SimGzip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptsGzip_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("gzip") << QByteArray("gzip") << true;
        QTest::newRow("qt's default") << QByteArray("gzip, deflate") << true;
        QTest::newRow("gzip refused") << QByteArray("gzip;q=0") << false;
        QTest::newRow("gzip refused, spaced") << QByteArray("deflate, gzip ; q=0.000") << false;
        QTest::newRow("upper case, weighted") << QByteArray("GZIP;Q=0.5") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("deflate only") << QByteArray("deflate") << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("any") << QByteArray("*") << true;
        QTest::newRow("any refused") << QByteArray("*;q=0") << false;
        QTest::newRow("gzip refused, any taken") << QByteArray("gzip;q=0, *") << false;
        QTest::newRow("low weight is still yes") << QByteArray("br;q=1, gzip;q=0.001") << true;
        QTest::newRow("unreadable weight") << QByteArray("gzip;q=abc") << false;
    }

    void acceptsGzip()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, gzip);
        QCOMPARE(rota::sim::acceptsGzip(header), gzip);
    }

    void gzipMemberReadsBack()
    {
        QByteArray text;
        for (int i = 0; i < 5000; ++i)
            text += "{\"incidentNumber\":\"" + QByteArray::number(i) + "\",\"phase\":\"UNACKED\"},";
        const QByteArray member = gzipCompress(text);
        QVERIFY(member.size() > 18);
        QVERIFY(member.size() < text.size() / 4);
        // RFC 1952: magic, deflate, and at the end the CRC-32 and the length, little-endian.
        QCOMPARE(quint8(member.at(0)), quint8(0x1f));
        QCOMPARE(quint8(member.at(1)), quint8(0x8b));
        QCOMPARE(quint8(member.at(2)), quint8(8));
        const auto le32 = [&member](qsizetype at) {
            quint32 value = 0;
            for (int i = 3; i >= 0; --i)
                value = (value << 8) | quint8(member.at(at + i));
            return value;
        };
        QCOMPARE(le32(member.size() - 4), quint32(text.size()));
        QCOMPARE(le32(member.size() - 8),
            quint32(crc32(0, reinterpret_cast<const Bytef*>(text.constData()),
                static_cast<uInt>(text.size()))));
        bool ok = false;
        QCOMPARE(gunzip(member, &ok), text);
        QVERIFY(ok);
        const QByteArray empty = gzipCompress(QByteArray());
        QCOMPARE(gunzip(empty, &ok), QByteArray());
        QVERIFY(ok);
    }

    void encodeForClientKeepsSmallAnswersAsTheyAre()
    {
        SimReply small = SimReply::error(404, QStringLiteral("Incident 9 not found"));
        const QByteArray before = small.body;
        QVERIFY(!encodeForClient(small, "gzip"));
        QCOMPARE(small.body, before);
        QVERIFY(small.headers.contains({ "Vary", "Accept-Encoding" }));

        SimReply none = SimReply::empty();
        QVERIFY(!encodeForClient(none, "gzip"));
        QVERIFY(none.headers.isEmpty());

        SimReply large = SimReply::json(QJsonObject {
            { QStringLiteral("padding"), QString(kGzipMinBytes, QLatin1Char('x')) } });
        const QByteArray plain = large.body;
        QVERIFY(encodeForClient(large, "gzip, deflate"));
        QVERIFY(large.headers.contains({ "Content-Encoding", "gzip" }));
        bool ok = false;
        QCOMPARE(gunzip(large.body, &ok), plain);
        QVERIFY(ok);
    }

    void overHttpTheSameBytesCompressedOrNot()
    {
        SimOptions options;
        options.port = 0;
        options.controlToken = QStringLiteral("gzip-test-token");
        SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QByteArray path = "/api-public/v1/incidents";

        const RawAnswer plain = fetch(server.port(), path, {});
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.body.size() >= kGzipMinBytes);
        QVERIFY(!plain.headers.contains("content-encoding"));
        QCOMPARE(plain.headers.value("vary"), QByteArray("Accept-Encoding"));
        QVERIFY(QJsonDocument::fromJson(plain.body).isObject());

        const RawAnswer zipped = fetch(server.port(), path, { "Accept-Encoding: gzip, deflate" });
        QCOMPARE(zipped.status, 200);
        QCOMPARE(zipped.headers.value("content-encoding"), QByteArray("gzip"));
        QCOMPARE(zipped.headers.value("vary"), QByteArray("Accept-Encoding"));
        QCOMPARE(zipped.headers.value("content-length").toLongLong(), zipped.body.size());
        QVERIFY(zipped.body.size() < plain.body.size() / 2);
        bool ok = false;
        QCOMPARE(gunzip(zipped.body, &ok), plain.body);
        QVERIFY(ok);

        const RawAnswer refused = fetch(server.port(), path, { "Accept-Encoding: gzip;q=0" });
        QCOMPARE(refused.status, 200);
        QVERIFY(!refused.headers.contains("content-encoding"));
        QCOMPARE(refused.body, plain.body);

        // An error answer is small: as it is, whatever the client accepts.
        const RawAnswer small
            = fetch(server.port(), path, { "Accept-Encoding: gzip" }, /*apiCredentials=*/false);
        QCOMPARE(small.status, 401);
        QVERIFY(!small.headers.contains("content-encoding"));
        QVERIFY(QJsonDocument::fromJson(small.body).isObject());

        // The counts: every byte written for the API answers, and the same answers had none
        // been compressed (the compressed one as the identity answer is, byte for byte).
        const RawAnswer stats
            = fetch(server.port(), "/_sim/stats", {}, false, options.controlToken.toUtf8());
        QCOMPARE(stats.status, 200);
        const QJsonObject counts = QJsonDocument::fromJson(stats.body).object();
        const qint64 wire
            = plain.raw.size() + zipped.raw.size() + refused.raw.size() + small.raw.size();
        const qint64 before = 3 * plain.raw.size() + small.raw.size();
        QCOMPARE(counts.value(QStringLiteral("bytesOnWire")).toInteger(), wire);
        QCOMPARE(counts.value(QStringLiteral("bytesBeforeCompression")).toInteger(), before);
        QCOMPARE(counts.value(QStringLiteral("gzipAnswers")).toInteger(), 1);
        QCOMPARE(counts.value(QStringLiteral("gzip")).toBool(), true);
        // Requests per operation: the three answered and the refused one alike are routed only
        // after the credentials are checked, so the 401 is not among them.
        QCOMPARE(counts.value(QStringLiteral("operations"))
                     .toObject()
                     .value(QStringLiteral("GET /api-public/v1/incidents"))
                     .toInteger(),
            3);
    }

    void noGzipOptionNeverCompresses()
    {
        SimOptions options;
        options.port = 0;
        options.gzip = false;
        options.controlToken = QStringLiteral("gzip-test-token");
        SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const RawAnswer answer
            = fetch(server.port(), "/api-public/v1/incidents", { "Accept-Encoding: gzip" });
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.size() >= kGzipMinBytes);
        QVERIFY(!answer.headers.contains("content-encoding"));
        QVERIFY(!answer.headers.contains("vary"));
        QVERIFY(QJsonDocument::fromJson(answer.body).isObject());
        const RawAnswer stats
            = fetch(server.port(), "/_sim/stats", {}, false, options.controlToken.toUtf8());
        const QJsonObject counts = QJsonDocument::fromJson(stats.body).object();
        QCOMPARE(counts.value(QStringLiteral("bytesOnWire")).toInteger(), answer.raw.size());
        QCOMPARE(
            counts.value(QStringLiteral("bytesBeforeCompression")).toInteger(), answer.raw.size());
        QCOMPARE(counts.value(QStringLiteral("gzipAnswers")).toInteger(), 0);
        QCOMPARE(counts.value(QStringLiteral("gzip")).toBool(), false);
    }

    void qtClientGetsItDecoded()
    {
        // What any Qt program sees: QNetworkAccessManager asks for gzip by itself and hands back
        // the decoded bytes, the same as an answer sent as it is.
        SimOptions options;
        options.port = 0;
        SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const RawAnswer plain = fetch(server.port(), "/api-public/v1/incidents", {});
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(
            QUrl(server.baseUrl().toString() + QStringLiteral("/api-public/v1/incidents")));
        request.setRawHeader("X-VO-Api-Id", "rota-demo-id");
        request.setRawHeader("X-VO-Api-Key", "rota-demo-key");
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), plain.body);
        // It came compressed: Qt asked for it.
        const RawAnswer stats
            = fetch(server.port(), "/_sim/stats", {}, false, server.controlToken().toUtf8());
        QCOMPARE(QJsonDocument::fromJson(stats.body)
                     .object()
                     .value(QStringLiteral("gzipAnswers"))
                     .toInteger(),
            1);
    }
};

} // namespace

QTEST_GUILESS_MAIN(SimGzip)
#include "tst_simgzip.moc"
