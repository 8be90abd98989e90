// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// ApiClient over https to a QSslServer in the test, with throw-away certificates made by the
// openssl command at test time: a certificate the system does not trust, an expired one and one
// for another host name each fail the call as a Tls error in words, before any byte of the
// request is sent, and are never retried; a CA trusted through setExtraCaCertificates() works,
// without changing the process's default configuration; a redirect over https is not followed.
#include "apiclient.h"
#include "calls.h"
#include "capturingserver.h"
#include "operations.h"
#include "simfixture.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

struct Identity {
    QSslCertificate certificate;
    QSslKey key;
};

} // namespace

class TestApiTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_openssl;
    QSslCertificate m_ca; //!< signs the certificates below
    Identity m_selfSigned; //!< for 127.0.0.1, signed by nobody trusted
    Identity m_good; //!< for 127.0.0.1, by m_ca
    Identity m_expired; //!< for 127.0.0.1, by m_ca, valid for one day in 2020
    Identity m_wrongHost; //!< for wrong.example, by m_ca

    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool run(const QStringList& arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(m_openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' '))
                                 << "failed:" << process.readAll();
            return false;
        }
        return true;
    }

    Identity load(const QString& name)
    {
        QFile cert(path(name + QStringLiteral(".pem")));
        QFile key(path(name + QStringLiteral(".key")));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return Identity { QSslCertificate(), QSslKey() };
        return { QSslCertificate(&cert, QSsl::Pem), QSslKey(&key, QSsl::Rsa, QSsl::Pem) };
    }

    //! A certificate request for `name` with `altName`, signed by the test CA for the period.
    bool issue(const QString& name, const QString& subject, const QString& altName,
        const QStringList& period)
    {
        return run({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-subj"), subject,
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + altName,
                   QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                   name + QStringLiteral(".csr") })
            && run(
                QStringList { QStringLiteral("ca"), QStringLiteral("-batch"),
                    QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"),
                    QStringLiteral("ca.pem"), QStringLiteral("-keyfile"), QStringLiteral("ca.key"),
                    QStringLiteral("-notext"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                    QStringLiteral("-out"), name + QStringLiteral(".pem") }
                + period);
    }

    //! A QSslServer on 127.0.0.1 presenting `identity`.
    static void serve(QSslServer& server, const Identity& identity)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity.certificate);
        configuration.setPrivateKey(identity.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(configuration);
        server.listen(QHostAddress::LocalHost);
    }

    std::unique_ptr<ApiClient> clientFor(QNetworkAccessManager* network, const QSslServer& server)
    {
        auto client = std::make_unique<ApiClient>(network);
        QString error;
        client->setBaseUrl(
            QUrl(QStringLiteral("https://127.0.0.1:%1").arg(QString::number(server.serverPort()))),
            &error);
        client->setCredentials(
            { QStringLiteral("the-id"), QStringLiteral("s3cret-key"), QStringLiteral("me") });
        client->setRetryBaseDelay(5);
        return client;
    }

    //! Sends one GET (retried on transient errors) to a server presenting `identity`; returns
    //! the error, and the handshakes begun and the bytes read after them.
    ApiError callServer(const Identity& identity, const QList<QSslCertificate>& extraCas,
        int* handshakes, QByteArray* received)
    {
        QSslServer server;
        serve(server, identity);
        CapturingServer captured(&server, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 200, "[]");
        });
        int started = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this,
            [&captured, &started](QSslSocket* socket) {
                ++started;
                captured.watch(socket);
            });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto client = clientFor(&network, server);
        client->setExtraCaCertificates(extraCas);
        ApiReply* reply = client->send(calls::request(ops::listTeams));
        ApiError error;
        if (!waitFor(reply, 10000)) {
            error.kind = ApiErrorKind::BadResponse;
            error.serverMessage = QStringLiteral("the call did not finish");
            return error;
        }
        error = reply->error();
        QTest::qWait(100); // anything sent after a failed handshake would arrive now
        *handshakes = started;
        *received = captured.received;
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("This Qt has no TLS backend.");
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty())
            QSKIP("The openssl command is needed to make the test certificates.");
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkdir(QStringLiteral("db"));
        QFile index(path(QStringLiteral("db/index.txt")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.close();
        QFile serial(path(QStringLiteral("db/serial")));
        QVERIFY(serial.open(QIODevice::WriteOnly));
        serial.write("01\n");
        serial.close();
        QFile config(path(QStringLiteral("ca.cnf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "[ca]\ndefault_ca = test\n[test]\ndatabase = db/index.txt\nserial = db/serial\n"
            "new_certs_dir = db\ndefault_md = sha256\npolicy = any\n"
            "copy_extensions = copy\nunique_subject = no\n[any]\ncommonName = supplied\n");
        config.close();

        QVERIFY(run({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Rota Test CA"),
            QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
            QStringLiteral("ca.pem") }));
        QVERIFY(run({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), QStringLiteral("self.key"), QStringLiteral("-out"),
            QStringLiteral("self.pem") }));
        const QStringList oneDay { QStringLiteral("-days"), QStringLiteral("1") };
        QVERIFY(issue(QStringLiteral("good"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("IP:127.0.0.1"), oneDay));
        QVERIFY(issue(QStringLiteral("expired"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("IP:127.0.0.1"),
            { QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                QStringLiteral("-enddate"), QStringLiteral("20200102000000Z") }));
        QVERIFY(issue(QStringLiteral("wrong"), QStringLiteral("/CN=wrong.example"),
            QStringLiteral("DNS:wrong.example"), oneDay));

        QString error;
        const auto ca = ApiClient::loadCaFile(path(QStringLiteral("ca.pem")), &error);
        QVERIFY2(ca && ca->size() == 1, qPrintable(error));
        m_ca = ca->first();
        m_selfSigned = load(QStringLiteral("self"));
        m_good = load(QStringLiteral("good"));
        m_expired = load(QStringLiteral("expired"));
        m_wrongHost = load(QStringLiteral("wrong"));
        for (const Identity* identity : { &m_selfSigned, &m_good, &m_expired, &m_wrongHost })
            QVERIFY(!identity->certificate.isNull() && !identity->key.isNull());
        QVERIFY(m_expired.certificate.expiryDate() < QDateTime::currentDateTimeUtc());
    }

    void trustedThroughAnExtraCaWorks()
    {
        const QList<QSslCertificate> systemDefault
            = QSslConfiguration::defaultConfiguration().caCertificates();
        int handshakes = 0;
        QByteArray received;
        const ApiError error = callServer(m_good, { m_ca }, &handshakes, &received);
        QVERIFY2(!error.isError(), qPrintable(error.detail()));
        QVERIFY(received.startsWith("GET /api-public/v1/team "));
        // The extra CA was this client's only.
        QCOMPARE(QSslConfiguration::defaultConfiguration().caCertificates(), systemDefault);
        QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(m_ca));
    }

    void refusedCertificatesFailBeforeTheRequest_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("reason"); //!< in the words of QSslError
        QTest::newRow("self-signed, untrusted")
            << QStringLiteral("self") << true << QStringLiteral("self-signed");
        QTest::newRow("issued by a CA the system does not know")
            << QStringLiteral("good") << false << QStringLiteral("issuer");
        QTest::newRow("expired") << QStringLiteral("expired") << true << QStringLiteral("expired");
        QTest::newRow("another host name")
            << QStringLiteral("wrong") << true << QStringLiteral("host name");
    }

    void refusedCertificatesFailBeforeTheRequest()
    {
        QFETCH(QString, which);
        QFETCH(bool, trustCa);
        QFETCH(QString, reason);
        const Identity& identity = which == QLatin1String("self") ? m_selfSigned
            : which == QLatin1String("good")                      ? m_good
            : which == QLatin1String("expired")                   ? m_expired
                                                                  : m_wrongHost;
        int handshakes = 0;
        QByteArray received;
        const ApiError error = callServer(identity,
            trustCa ? QList<QSslCertificate> { m_ca } : QList<QSslCertificate> {}, &handshakes,
            &received);
        QCOMPARE(error.kind, ApiErrorKind::Tls);
        QCOMPARE(handshakes, 1); // reached the server, and never retried
        QVERIFY2(received.isEmpty(), received.constData()); // no request line, no key
        QVERIFY(!error.maybeApplied);
        QVERIFY2(error.text().startsWith(QStringLiteral("The certificate of 127.0.0.1:")
                     + QLatin1String(" is not trusted: "))
                || error.text().contains(QLatin1String(" is not trusted: ")),
            qPrintable(error.text()));
        QVERIFY2(error.text().contains(QLatin1String("127.0.0.1")), qPrintable(error.text()));
        QVERIFY2(error.text().contains(reason, Qt::CaseInsensitive), qPrintable(error.text()));
        // Not "offline": the server was reached, and refused.
        QVERIFY(error.kind != ApiErrorKind::Network);
    }

    //! A redirect over https to another host is not followed either: not a byte reaches it.
    void redirectOverHttpsIsNotFollowed()
    {
        QTcpServer elsewhere;
        QVERIFY(elsewhere.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        CapturingServer capturedElsewhere(&elsewhere);
        const QString target = QStringLiteral("https://127.0.0.2:%1/api-public/v1/team")
                                   .arg(QString::number(elsewhere.serverPort()));
        QSslServer server;
        serve(server, m_good);
        CapturingServer captured(&server, [&target](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 308, "{}", { { "Location", target.toLatin1() } });
        });
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        auto client = clientFor(&network, server);
        client->setExtraCaCertificates({ m_ca });
        ApiReply* reply = client->send(calls::request(ops::listTeams));
        QVERIFY(waitFor(reply, 10000));
        QCOMPARE(reply->error().kind, ApiErrorKind::Redirected);
        QVERIFY2(reply->error().text().contains(target), qPrintable(reply->error().text()));
        QCOMPARE(captured.requests.size(), 1);
        QTest::qWait(100);
        QCOMPARE(capturedElsewhere.connections, 0);
        QVERIFY(capturedElsewhere.received.isEmpty());
    }

    void loadCaFileSaysWhatIsWrong()
    {
        QString error;
        QVERIFY(!ApiClient::loadCaFile(path(QStringLiteral("missing.pem")), &error));
        QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
        QVERIFY2(error.contains(path(QStringLiteral("missing.pem"))), qPrintable(error));

        QFile junk(path(QStringLiteral("junk.pem")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a certificate\n");
        junk.close();
        error.clear();
        QVERIFY(!ApiClient::loadCaFile(junk.fileName(), &error));
        QVERIFY2(error.contains(QLatin1String("holds no certificate")), qPrintable(error));

        // A key alone is no certificate either.
        error.clear();
        QVERIFY(!ApiClient::loadCaFile(path(QStringLiteral("ca.key")), &error));
        QVERIFY2(error.contains(QLatin1String("holds no certificate")), qPrintable(error));

        // A directory cannot be read as a file.
        error.clear();
        QVERIFY(!ApiClient::loadCaFile(path(QStringLiteral("db")), &error));
        QVERIFY2(error.contains(QLatin1String("folder")), qPrintable(error));

        // Several certificates in one file are all read.
        QFile bundle(path(QStringLiteral("bundle.pem")));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
        bundle.write(m_ca.toPem() + m_good.certificate.toPem());
        bundle.close();
        const auto both = ApiClient::loadCaFile(bundle.fileName(), &error);
        QVERIFY(both);
        QCOMPARE(both->size(), 2);
        QCOMPARE(both->first(), m_ca);
    }
};

QTEST_GUILESS_MAIN(TestApiTls)
#include "tst_apitls.moc"
