// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl: its pieces (arguments, tables, times, exit codes, the operation examples) directly, and
// the executable against rota-sim executables over real HTTP: every operation's example in order,
// --json output against the simulator's state, usage, authentication and throttling errors; the
// accounts verbs and --account, with the settings in a temporary XDG_CONFIG_HOME and the keys in
// the real keychain (those cases skip without one, or fail when ROTA_REQUIRE_KEYCHAIN=1).

#include "accountstore.h"
#include "cli.h"
#include "help.h"
#include "keychainsecretstore.h"
#include "operations.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace rota;
using namespace rota::cli;

namespace {

const QString kApiId = QStringLiteral("rota-demo-id");
const QString kApiKey = QStringLiteral("rota-demo-key");

//! A rota-sim executable on 127.0.0.1, port 0; stopped when destroyed.
class SimProcess {
public:
    explicit SimProcess(const QStringList& extraArgs = {})
    {
        m_process.setProgram(QStringLiteral(ROTA_SIM_PATH));
        m_process.setArguments(
            QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("small") }
            + extraArgs);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+) control-token (\\S+)\n"));
        QByteArray printed;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(printed));
            if (match.hasMatch()) {
                m_url = match.captured(1);
                m_controlToken = match.captured(2).toUtf8();
                return;
            }
            m_process.waitForReadyRead(200);
            printed += m_process.readAllStandardOutput();
        }
    }
    ~SimProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    bool isRunning() const { return !m_url.isEmpty(); }
    QString url() const { return m_url; }

    //! GET /_sim/state: the whole org as JSON.
    QJsonObject state() const
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/_sim/state")));
        request.setRawHeader(QByteArrayLiteral("X-Sim-Token"), m_controlToken);
        QNetworkReply* reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        const QJsonObject state = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return state;
    }

private:
    QProcess m_process;
    QString m_url;
    QByteArray m_controlToken; //!< what /_sim/ requests must carry
};

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
};

//! rotactl's settings (its accounts) go here, not into the real ~/.config.
QString isolatedConfigHome()
{
    static QTemporaryDir dir;
    return dir.path();
}

QProcessEnvironment environment(
    const QString& apiKey = kApiKey, const QString& username = QStringLiteral("dmitri.petrov"))
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), isolatedConfigHome());
    env.remove(QStringLiteral("VO_BASE_URL"));
    env.insert(QStringLiteral("VO_API_ID"), kApiId);
    env.insert(QStringLiteral("VO_API_KEY"), apiKey);
    env.insert(QStringLiteral("VO_USERNAME"), username);
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    return env;
}

Run rotactl(const QStringList& args, const QProcessEnvironment& env = environment(),
    int timeoutMs = 60000, const QByteArray& input = {})
{
    QProcess process;
    process.setProgram(QStringLiteral(ROTACTL_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(env);
    process.start();
    Run run;
    const bool started = process.waitForStarted(10000);
    if (started) {
        process.write(input);
        process.closeWriteChannel();
    }
    run.finished = started && process.waitForFinished(timeoutMs);
    if (!run.finished)
        process.kill();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const QStringList& args, const Run& run)
{
    return QStringLiteral("rotactl %1 -> exit %2\nstdout: %3\nstderr: %4")
        .arg(args.join(QLatin1Char(' ')), QString::number(run.exitCode), run.out.left(2000),
            run.err.left(2000));
}

//! The rows of endpoints.tsv and then of endpoints-newer.tsv as "METHOD\tPATH", in order; empty
//! when the spec folder is absent.
QStringList endpointRows()
{
    QStringList rows;
    for (const char* name : { "/endpoints.tsv", "/endpoints-newer.tsv" }) {
        QFile file(QStringLiteral(ROTA_SPEC_DIR) + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).split('\t');
            if (fields.size() >= 2)
                rows.append(QString::fromUtf8(fields.at(0) + '\t' + fields.at(1)));
        }
    }
    return rows;
}

//! The environment of the accounts cases: settings in `configHome`, no VO_API_ID, VO_API_KEY or
//! VO_USERNAME.
QProcessEnvironment accountsEnvironment(const QString& configHome)
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.remove(QStringLiteral("VO_API_ID"));
    env.remove(QStringLiteral("VO_API_KEY"));
    env.remove(QStringLiteral("VO_USERNAME"));
    return env;
}

//! No keychain: a session bus address where there is none.
QProcessEnvironment withoutKeychain(QProcessEnvironment env)
{
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=/nonexistent/rota-test-no-bus"));
    return env;
}

QString settingsFile(const QString& configHome)
{
    return configHome + QStringLiteral("/Rota/rota.conf");
}

//! What rotactl left in the settings, read as rota would.
QList<Account> storedAccounts(const QString& configHome, QString* currentName = nullptr)
{
    QSettings settings(settingsFile(configHome), QSettings::IniFormat);
    const AccountStore store(&settings);
    if (currentName)
        *currentName = store.current().value_or(Account()).name;
    return store.accounts();
}

QStringList names(const QList<Account>& accounts)
{
    QStringList result;
    for (const Account& account : accounts)
        result.append(account.name);
    return result;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! One call of a SecretStore, waited for.
template <typename Start> std::optional<SecretResult> keychainCall(Start start)
{
    auto answer = std::make_shared<std::optional<SecretResult>>();
    QObject context;
    start(&context, [answer](const SecretResult& result) { *answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer->has_value(); }, 60000))
        return std::nullopt;
    return *answer;
}

//! Whether the keychain works here (a throw-away entry written and removed); else *why.
bool keychainWorks(QString* why)
{
    KeychainSecretStore keychain;
    keychain.setTimeout(30000);
    const QString id
        = QStringLiteral("rota-test-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::optional<SecretResult> written
        = keychainCall([&](QObject* context, SecretStore::Done done) {
              keychain.write(id, QStringLiteral("probe"), context, done);
          });
    if (!written || !written->ok()) {
        *why = written ? written->message : QStringLiteral("no answer");
        return false;
    }
    keychainCall(
        [&](QObject* context, SecretStore::Done done) { keychain.remove(id, context, done); });
    return true;
}

} // namespace

//! Skips the test without a usable keychain, or fails it when ROTA_REQUIRE_KEYCHAIN=1.
#define ROTA_NEED_KEYCHAIN()                                                                       \
    do {                                                                                           \
        QString why;                                                                               \
        if (!keychainWorks(&why)) {                                                                \
            const QString message = QStringLiteral("no usable keychain (%1); run the test under "  \
                                                   "scripts/headless")                             \
                                        .arg(why);                                                 \
            if (qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1)                        \
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + message));       \
            QSKIP(qPrintable(message));                                                            \
        }                                                                                          \
    } while (false)

//! A throw-away self-signed certificate for 127.0.0.1 (by the openssl command) in `dir`:
//! cert.pem, which is also the file of its authority, and key.pem. False with *error on failure.
bool makeSelfSignedCertificate(const QString& dir, QString* error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Rota test proxy CA"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
            dir + QStringLiteral("/cert.pem") });
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        *error = QString::fromUtf8(openssl.readAllStandardError()) + openssl.errorString();
        return false;
    }
    return true;
}

//! An HTTPS server on 127.0.0.1 (QSslServer) with the certificate of makeSelfSignedCertificate(),
//! as a company proxy that inspects TLS would present: GET /api-public/v1/team is answered with
//! one team, anything else with 404. requests() is what reached it after a handshake.
class TlsServer : public QObject {
public:
    explicit TlsServer(const QString& dir)
    {
        QFile certificate(dir + QStringLiteral("/cert.pem"));
        QFile key(dir + QStringLiteral("/key.pem"));
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
        configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(configuration);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    bool isListening() const { return m_server.isListening(); }
    QString url() const
    {
        return QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort());
    }
    const QList<QByteArray>& requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& pending = m_pending[socket];
        pending += socket->readAll();
        if (!pending.contains("\r\n\r\n"))
            return;
        m_requests.append(pending);
        const bool teams = pending.startsWith("GET /api-public/v1/team ");
        pending.clear();
        const QByteArray body = teams
            ? QByteArrayLiteral(R"([{"name":"Proxy Team","slug":"team-proxy","memberCount":3,)"
                                R"("version":1,"isDefaultTeam":false,)"
                                R"("_selfUrl":"/api-public/v1/team/team-proxy",)"
                                R"("_membersUrl":"/api-public/v1/team/team-proxy/members",)"
                                R"("_policiesUrl":"/api-public/v1/team/team-proxy/policies",)"
                                R"("_adminsUrl":"/api-public/v1/team/team-proxy/admins"}])")
            : QByteArrayLiteral(R"({"message":"not here"})");
        socket->write((teams ? QByteArrayLiteral("HTTP/1.1 200 OK\r\n")
                             : QByteArrayLiteral("HTTP/1.1 404 Not Found\r\n"))
            + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QList<QByteArray> m_requests;
    QHash<QTcpSocket*, QByteArray> m_pending;
};

//! rotactl run while this process's event loop turns (for servers in this process). Over TLS,
//! Qt's OpenSSL backend leaves the context of a connection made in its HTTP thread to the end of
//! the process, which LeakSanitizer (in the sanitizer build) reports as a leak and turns into
//! exit 1: leak checking is off for these runs, so that the exit code is rotactl's own.
Run rotactlServed(const QStringList& args, QProcessEnvironment env)
{
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        (asan.isEmpty() ? QString() : asan + QLatin1Char(':')) + QStringLiteral("detect_leaks=0"));
    QProcess process;
    process.setProgram(QStringLiteral(ROTACTL_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(env);
    process.start();
    Run run;
    if (process.waitForStarted(10000)) {
        process.closeWriteChannel();
        run.finished = QTest::qWaitFor(
            [&process] { return process.state() == QProcess::NotRunning; }, 60000);
    }
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

class TestRotactl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(ROTACTL_PATH)), ROTACTL_PATH);
        QVERIFY2(QFile::exists(QStringLiteral(ROTA_SIM_PATH)), ROTA_SIM_PATH);
    }

    // --- the pieces ------------------------------------------------------------------------

    void argsParse()
    {
        const QList<OptionSpec> specs = {
            { QStringLiteral("message"), QStringLiteral("TEXT"), {} },
            { QStringLiteral("rule"), QStringLiteral("RULE"), {}, true },
            { QStringLiteral("add"), {}, {} },
        };
        Args args;
        QString error;
        QVERIFY(args.parse(
            { QStringLiteral("12"), QStringLiteral("--message"), QStringLiteral("on it"),
                QStringLiteral("--rule=push"), QStringLiteral("--rule"), QStringLiteral("email:1"),
                QStringLiteral("--add"), QStringLiteral("--"), QStringLiteral("--not-an-option") },
            specs, &error));
        QCOMPARE(args.positional(),
            QStringList({ QStringLiteral("12"), QStringLiteral("--not-an-option") }));
        QCOMPARE(args.value(QStringLiteral("message")), QStringLiteral("on it"));
        QCOMPARE(args.values(QStringLiteral("rule")),
            QStringList({ QStringLiteral("push"), QStringLiteral("email:1") }));
        QVERIFY(args.has(QStringLiteral("add")));
        QVERIFY(!args.has(QStringLiteral("nothing")));

        Args unknown;
        QVERIFY(!unknown.parse({ QStringLiteral("--bogus") }, specs, &error));
        QVERIFY2(error.contains(QLatin1String("--bogus")), qPrintable(error));
        Args missing;
        QVERIFY(!missing.parse({ QStringLiteral("--message") }, specs, &error));
        QVERIFY2(error.contains(QLatin1String("needs a value")), qPrintable(error));
        Args twice;
        QVERIFY(!twice.parse({ QStringLiteral("--message"), QStringLiteral("a"),
                                 QStringLiteral("--message"), QStringLiteral("b") },
            specs, &error));
        Args flagValue;
        QVERIFY(!flagValue.parse({ QStringLiteral("--add=yes") }, specs, &error));
    }

    void tableLayout()
    {
        Table table({ QStringLiteral("NUMBER"), QStringLiteral("SUMMARY"), QStringLiteral("BY") });
        table.setMaxWidth(1, 10);
        table.addRow({ QStringLiteral("7"), QStringLiteral("Disk full on db-prod-01"),
            QStringLiteral("ada") });
        table.addRow({ QStringLiteral("1234567"), QStringLiteral("short"), QString() });
        QString text;
        QTextStream out(&text);
        table.print(out, QStringLiteral("nothing"));
        out.flush();
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("NUMBER   SUMMARY     BY"));
        QCOMPARE(lines.value(1),
            QString(
                QStringLiteral("7        Disk full") + QChar(0x2026) + QStringLiteral("  ada")));
        QCOMPARE(lines.value(2), QStringLiteral("1234567  short"));

        Table empty({ QStringLiteral("A") });
        QString none;
        QTextStream emptyOut(&none);
        empty.print(emptyOut, QStringLiteral("No rows."));
        emptyOut.flush();
        QCOMPARE(none, QStringLiteral("No rows.\n"));
    }

    void elideAndTimes()
    {
        QCOMPARE(elide(QStringLiteral("abcdef"), 6), QStringLiteral("abcdef"));
        QCOMPARE(
            elide(QStringLiteral("abcdefg"), 6), QString(QStringLiteral("abcde") + QChar(0x2026)));
        QCOMPARE(elide(QStringLiteral("two\nlines"), 20), QStringLiteral("two lines"));
        QCOMPARE(localTime(QDateTime()), QStringLiteral("-"));
        const QDateTime utc(QDate(2026, 11, 26), QTime(4, 15, 59), QTimeZone::utc());
        QCOMPARE(localTime(utc), utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));

        QCOMPARE(parseTime(QStringLiteral("2026-12-24T09:00:00Z")).value_or(QDateTime()),
            QDateTime(QDate(2026, 12, 24), QTime(9, 0), QTimeZone::utc()));
        QCOMPARE(parseTime(QStringLiteral("2026-12-24 09:00"), QStringLiteral("Europe/Berlin"))
                     .value_or(QDateTime()),
            QDateTime(QDate(2026, 12, 24), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(parseTime(QStringLiteral("2026-07-01T09:00+02:00")).value_or(QDateTime()),
            QDateTime(QDate(2026, 7, 1), QTime(7, 0), QTimeZone::utc()));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const auto later = parseTime(QStringLiteral("+2h"));
        QVERIFY(later);
        QVERIFY(qAbs(before.secsTo(*later) - 7200) < 60);
        const auto earlier = parseTime(QStringLiteral("-3d"));
        QVERIFY(earlier);
        QVERIFY(qAbs(before.secsTo(*earlier) + 3 * 86400) < 60);
        QVERIFY(!parseTime(QStringLiteral("tomorrow")));
        QVERIFY(!parseTime(QStringLiteral("2026-13-01")));
        QVERIFY(!parseTime(QStringLiteral("2026-12-24 09:00"), QStringLiteral("Not/AZone")));
    }

    void exitCodes()
    {
        const auto code = [](ApiErrorKind kind, int status = 0) {
            ApiError error;
            error.kind = kind;
            error.httpStatus = status;
            return exitCodeFor(error);
        };
        QCOMPARE(code(ApiErrorKind::None), int(ExitOk));
        QCOMPARE(code(ApiErrorKind::NotFound, 404), int(ExitApiError));
        QCOMPARE(code(ApiErrorKind::BadRequest, 422), int(ExitApiError));
        QCOMPARE(code(ApiErrorKind::Server, 503), int(ExitApiError));
        QCOMPARE(code(ApiErrorKind::Network), int(ExitApiError));
        QCOMPARE(code(ApiErrorKind::BadResponse, 200), int(ExitApiError));
        QCOMPARE(code(ApiErrorKind::Unauthorised, 401), int(ExitAuth));
        QCOMPARE(code(ApiErrorKind::Forbidden, 403), int(ExitAuth));
        QCOMPARE(code(ApiErrorKind::Throttled, 403), int(ExitThrottled));
        QCOMPARE(code(ApiErrorKind::Config), int(ExitUsage));
    }

    //! Every operation has one example, in the catalog's order; the example's verb exists and says
    //! it calls that operation.
    void examplesMatchTheCatalog()
    {
        const QList<OperationExample>& examples = operationExamples();
        const QList<Operation>& catalog = operations();
        QCOMPARE(examples.size(), catalog.size());
        for (qsizetype i = 0; i < catalog.size(); ++i) {
            const OperationExample& example = examples.at(i);
            const QString key = catalog.at(i).key();
            QCOMPARE(example.operation->key(), key);
            const QStringList words = QProcess::splitCommand(QString::fromUtf8(example.example));
            QVERIFY2(
                words.size() >= 3 && words.first() == QLatin1String("rotactl"), example.example);
            const Resource* resource = registry().find(words.at(1));
            QVERIFY2(resource, example.example);
            const Verb* verb = resource->verb(words.at(2));
            QVERIFY2(verb, example.example);
            const bool documented = std::any_of(verb->operations.cbegin(), verb->operations.cend(),
                [&key](const QString& operation) {
                    return operation == key || operation.startsWith(key + QLatin1Char(' '));
                });
            QVERIFY2(documented,
                qPrintable(QStringLiteral("%1 does not list %2")
                               .arg(QString::fromUtf8(example.example), key)));
        }
    }

    void helpForEveryResource()
    {
        const Run overview = rotactl({ QStringLiteral("help") });
        QCOMPARE(overview.exitCode, 0);
        for (const Resource& resource : registry().resources()) {
            QVERIFY2(overview.out.contains(QStringLiteral("  ") + resource.name + QLatin1Char(' ')),
                qPrintable(resource.name));
            const Run help = rotactl({ QStringLiteral("help"), resource.name });
            QVERIFY2(help.exitCode == 0,
                qPrintable(describe({ QStringLiteral("help"), resource.name }, help)));
            for (const Verb& verb : resource.verbs)
                QVERIFY2(help.out.contains(
                             QStringLiteral("rotactl %1 %2").arg(resource.name, verb.name)),
                    qPrintable(verb.name));
        }
        QVERIFY(overview.out.contains(QLatin1String("Exit codes")));
    }

    // --- the executable against rota-sim -----------------------------------------------------

    //! (1) Every row of endpoints.tsv and endpoints-newer.tsv, in their order, with an example.
    void opsListsEveryEndpoint()
    {
        const QStringList rows = endpointRows();
        if (rows.isEmpty())
            QSKIP("../shared/spec/endpoints.tsv or endpoints-newer.tsv is absent");
        QCOMPARE(rows.size(), 84 + 14);
        const Run run = rotactl({ QStringLiteral("ops") });
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QStringList fields = lines.at(i).split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 3);
            QCOMPARE(fields.at(0) + QLatin1Char('\t') + fields.at(1), rows.at(i));
            QVERIFY2(fields.at(2).startsWith(QLatin1String("rotactl ")), qPrintable(lines.at(i)));
        }
    }

    //! (2) Every example of `rotactl ops`, in order, against a fresh simulator: exit 0, and the
    //! --verbose trace shows that the row's operation was called.
    //! chat post lands on the incident as VO_USERNAME; chat list shows it newest last; a service
    //! without the read is told in words, exit 1.
    void chatPostsListsAndSaysWhenReadingIsMissing()
    {
        SimProcess sim({ QStringLiteral("--no-rate-limits") });
        QVERIFY(sim.isRunning());
        const QStringList post { QStringLiteral("--base-url"), sim.url(), QStringLiteral("chat"),
            QStringLiteral("post"), QStringLiteral("283"), QStringLiteral("Line one\nline two") };
        Run run = rotactl(post);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(post, run)));
        QJsonArray onIncident;
        const QJsonArray incidents = sim.state().value(QStringLiteral("incidents")).toArray();
        for (const QJsonValue& incident : incidents) {
            if (incident[QStringLiteral("number")].toInt() == 283)
                onIncident = incident[QStringLiteral("chat")].toArray();
        }
        QVERIFY(!onIncident.isEmpty());
        QCOMPARE(onIncident.last()[QStringLiteral("username")].toString(),
            QStringLiteral("dmitri.petrov"));
        QCOMPARE(onIncident.last()[QStringLiteral("text")].toString(),
            QStringLiteral("Line one\nline two"));

        const QStringList list { QStringLiteral("--base-url"), sim.url(), QStringLiteral("chat"),
            QStringLiteral("list"), QStringLiteral("283"), QStringLiteral("--limit"),
            QStringLiteral("1") };
        run = rotactl(list);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(list, run)));
        QVERIFY2(run.out.contains(QStringLiteral("Line one line two")), qPrintable(run.out));
        QCOMPARE(run.out.count(QStringLiteral("dmitri.petrov")), 1);

        const QStringList bad { QStringLiteral("--base-url"), sim.url(), QStringLiteral("chat"),
            QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("-2") };
        QCOMPARE(rotactl(bad).exitCode, int(ExitUsage));

        SimProcess without(
            { QStringLiteral("--no-rate-limits"), QStringLiteral("--no-chat-read") });
        QVERIFY(without.isRunning());
        const QStringList unread { QStringLiteral("--base-url"), without.url(),
            QStringLiteral("chat"), QStringLiteral("list"), QStringLiteral("283") };
        run = rotactl(unread);
        QCOMPARE(run.exitCode, int(ExitApiError));
        QVERIFY2(run.err.contains(QStringLiteral("does not offer reading chat")),
            qPrintable(describe(unread, run)));
    }

    void opsExamplesSucceedInOrder()
    {
        SimProcess sim({ QStringLiteral("--no-rate-limits") });
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QString demoUser = sim.state().value(QStringLiteral("demoUser")).toString();
        QCOMPARE(demoUser, QStringLiteral("dmitri.petrov"));
        const QProcessEnvironment env = environment(kApiKey, demoUser);

        const Run ops = rotactl({ QStringLiteral("ops") });
        QCOMPARE(ops.exitCode, 0);
        const QStringList lines = ops.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), operations().size());
        for (const QString& line : lines) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 3);
            QStringList words = QProcess::splitCommand(fields.at(2));
            QVERIFY2(
                !words.isEmpty() && words.first() == QLatin1String("rotactl"), qPrintable(line));
            words.removeFirst();
            const QStringList args = QStringList {
                QStringLiteral("--base-url"), sim.url(), QStringLiteral("--verbose")
            } + words;
            const Run run = rotactl(args, env);
            QVERIFY2(run.exitCode == 0,
                qPrintable(QStringLiteral("failing line: %1\n%2").arg(line, describe(args, run))));
            const QString traced
                = fields.at(0) + QLatin1Char(' ') + fields.at(1) + QStringLiteral(" -> 2");
            QVERIFY2(run.err.contains(traced),
                qPrintable(QStringLiteral("the example did not call %1: %2\n%3")
                               .arg(traced, line, describe(args, run))));
            QVERIFY2(!run.out.contains(kApiKey) && !run.err.contains(kApiKey), qPrintable(line));
        }
    }

    //! (3) --json incidents list: the simulator's open incidents, field by field.
    void jsonIncidentsMatchTheSimulator()
    {
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QJsonObject state = sim.state();
        QHash<QString, QJsonObject> open;
        const QJsonArray incidents = state.value(QStringLiteral("incidents")).toArray();
        for (const QJsonValue& value : incidents) {
            const QJsonObject incident = value.toObject();
            const QString phase = incident.value(QStringLiteral("phase")).toString();
            if (phase == QLatin1String("UNACKED") || phase == QLatin1String("ACKED"))
                open.insert(
                    QString::number(incident.value(QStringLiteral("number")).toInt()), incident);
        }
        QVERIFY2(open.size() >= 10, "the seeded org has open incidents");

        const QStringList args { QStringLiteral("--base-url"), sim.url(), QStringLiteral("--json"),
            QStringLiteral("incidents"), QStringLiteral("list") };
        const Run run = rotactl(args);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(args, run)));
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
            qPrintable(error.errorString() + QLatin1Char('\n') + run.out.left(500)));
        const QJsonArray listed = doc.object().value(QStringLiteral("incidents")).toArray();
        QCOMPARE(listed.size(), open.size());
        QSet<QString> seen;
        for (const QJsonValue& value : listed) {
            const QJsonObject incident = value.toObject();
            const QString number = incident.value(QStringLiteral("incidentNumber")).toString();
            QVERIFY2(open.contains(number), qPrintable(number));
            seen.insert(number);
            const QJsonObject expected = open.value(number);
            QCOMPARE(incident.value(QStringLiteral("currentPhase")).toString(),
                expected.value(QStringLiteral("phase")).toString());
            QCOMPARE(incident.value(QStringLiteral("entityDisplayName")).toString(),
                expected.value(QStringLiteral("entityDisplayName")).toString());
            QCOMPARE(incident.value(QStringLiteral("entityId")).toString(),
                expected.value(QStringLiteral("entityId")).toString());
            QCOMPARE(incident.value(QStringLiteral("lastAlertId")).toString(),
                expected.value(QStringLiteral("lastAlertId")).toString());
            QCOMPARE(incident.value(QStringLiteral("pagedUsers")).toArray(),
                expected.value(QStringLiteral("pagedUsers")).toArray());
            QVERIFY(!incident.value(QStringLiteral("startTime")).toString().isEmpty());
        }
        QCOMPARE(seen.size(), open.size());
        QVERIFY(run.err.isEmpty());
    }

    //! users show: the user with their teams, contact methods and whether they are on call now,
    //! as the simulator has them, with --json and for people.
    void usersShowTeamsContactsAndOnCall()
    {
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QJsonObject state = sim.state();
        const QString user = state.value(QStringLiteral("demoUser")).toString();
        QSet<QString> expectedTeams;
        for (const QJsonValue& team : state.value(QStringLiteral("teams")).toArray()) {
            if (team[QLatin1String("members")].toArray().contains(user))
                expectedTeams.insert(team[QLatin1String("name")].toString());
        }
        QString email;
        for (const QJsonValue& value : state.value(QStringLiteral("users")).toArray()) {
            if (value[QLatin1String("username")].toString() == user)
                email = value[QLatin1String("email")].toString();
        }
        QVERIFY(!expectedTeams.isEmpty() && !email.isEmpty());

        const QStringList json { QStringLiteral("--base-url"), sim.url(), QStringLiteral("--json"),
            QStringLiteral("users"), QStringLiteral("show"), user };
        Run run = rotactl(json);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(json, run)));
        const QJsonObject shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(shown[QLatin1String("user")][QLatin1String("username")].toString(), user);
        QSet<QString> teams;
        for (const QJsonValue& team : shown[QLatin1String("teams")].toArray())
            teams.insert(team[QLatin1String("name")].toString());
        QCOMPARE(teams, expectedTeams);
        const QJsonArray emails
            = shown[QLatin1String("contactMethods")][QLatin1String("emails")].toArray();
        QVERIFY(std::any_of(emails.begin(), emails.end(), [&email](const QJsonValue& value) {
            return value[QLatin1String("value")].toString() == email;
        }));
        // Whether on call now, checked against GET /oncall/current of the same simulator.
        const QStringList current { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("--json"), QStringLiteral("oncall"), QStringLiteral("current") };
        const Run oncall = rotactl(current);
        QVERIFY2(oncall.exitCode == ExitOk, qPrintable(describe(current, oncall)));
        QSet<QString> expectedPolicies;
        const QJsonArray teamsOnCall = QJsonDocument::fromJson(oncall.out.toUtf8())
                                           .object()
                                           .value(QStringLiteral("teamsOnCall"))
                                           .toArray();
        for (const QJsonValue& team : teamsOnCall) {
            for (const QJsonValue& policy : team[QLatin1String("onCallNow")].toArray()) {
                for (const QJsonValue& person : policy[QLatin1String("users")].toArray()) {
                    if (person[QLatin1String("onCallUser")][QLatin1String("username")].toString()
                        == user)
                        expectedPolicies.insert(
                            policy[QLatin1String("escalationPolicy")][QLatin1String("slug")]
                                .toString());
                }
            }
        }
        QSet<QString> policies;
        for (const QJsonValue& entry : shown[QLatin1String("onCallNow")].toArray())
            policies.insert(entry[QLatin1String("policySlug")].toString());
        QVERIFY2(!expectedPolicies.isEmpty(), qPrintable(oncall.out.left(1500)));
        QCOMPARE(policies, expectedPolicies);

        const QStringList human { QStringLiteral("--base-url"), sim.url(), QStringLiteral("users"),
            QStringLiteral("show"), user };
        run = rotactl(human);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(human, run)));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("On call now:\\s+yes: "))),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(email), qPrintable(run.out));
        for (const QString& team : std::as_const(expectedTeams))
            QVERIFY2(run.out.contains(team), qPrintable(run.out));

        // Someone on no team and on call nowhere.
        const QStringList create { QStringLiteral("--base-url"), sim.url(), QStringLiteral("users"),
            QStringLiteral("create"), QStringLiteral("new.person"), QStringLiteral("--first"),
            QStringLiteral("New"), QStringLiteral("--last"), QStringLiteral("Person"),
            QStringLiteral("--email"), QStringLiteral("new.person@example.com") };
        QCOMPARE(rotactl(create).exitCode, int(ExitOk));
        QStringList other = human;
        other.last() = QStringLiteral("new.person");
        run = rotactl(other);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(other, run)));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Teams:\\s+none\n"))),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("On call now:\\s+no\n"))),
            qPrintable(run.out));

        other.last() = QStringLiteral("no.such.user");
        run = rotactl(other);
        QCOMPARE(run.exitCode, int(ExitApiError));
    }

    //! users import: --dry-run reports each row's problems and sends nothing; the import adds
    //! the valid rows in batches of at most 50 and reports each; exit 1 when a row failed, 2 for a
    //! file that cannot be used.
    void usersImportFromAFile()
    {
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const qsizetype before = sim.state().value(QStringLiteral("users")).toArray().size();
        QTemporaryDir dir;
        QByteArray csv = "Username;E-mail;First Name;Last Name\n";
        for (int i = 0; i < 120; ++i)
            csv += QStringLiteral("cli.user%1;cli.user%1@example.com;Cli;User %1\n")
                       .arg(i)
                       .toUtf8();
        csv += "bad name;bad@example.com;Bad;Name\n" // line 122
               "dmitri.petrov;dp@example.com;D;P\n" // line 123: already in the org
               "cli.user0;again@example.com;Again;Zero\n"; // line 124: repeated
        const QString path = dir.filePath(QStringLiteral("users.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv);
        }

        const QStringList dryRun { QStringLiteral("--base-url"), sim.url(), QStringLiteral("users"),
            QStringLiteral("import"), path, QStringLiteral("--dry-run") };
        Run run = rotactl(dryRun);
        QVERIFY2(run.exitCode == ExitApiError, qPrintable(describe(dryRun, run)));
        QVERIFY2(run.out.contains(QLatin1String("line 122 (bad name): The username \"bad name\"")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String(
                     "line 123 (dmitri.petrov): The organisation already has a user named")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("is also on line 2")), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QLatin1String("120 users would be invited; 3 rows have problems")),
            qPrintable(run.out));
        QCOMPARE(sim.state().value(QStringLiteral("users")).toArray().size(), before);

        const QStringList import { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("--verbose"), QStringLiteral("users"), QStringLiteral("import"), path };
        run = rotactl(import);
        QVERIFY2(run.exitCode == ExitApiError, qPrintable(describe(import, run)));
        QCOMPARE(run.err.count(QLatin1String("POST /api-public/v1/user/batch -> 200")), 3);
        QVERIFY2(run.err.contains(QLatin1String("rotactl: 50 of 120 users sent\n"))
                && run.err.contains(QLatin1String("rotactl: 100 of 120 users sent\n")),
            qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Added 120 of 120 users; 3 rows with problems not "
                                                "sent.")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QRegularExpression(QStringLiteral("\n121\\s+cli\\.user119\\s+Added\n"))),
            qPrintable(run.out));
        const QJsonArray users = sim.state().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), before + 120);
        QSet<QString> names;
        for (const QJsonValue& user : users)
            names.insert(user[QLatin1String("username")].toString());
        QVERIFY(names.contains(QStringLiteral("cli.user0"))
            && names.contains(QStringLiteral("cli.user119")));
        QVERIFY(!names.contains(QStringLiteral("bad name")));

        // A file of good rows only: exit 0; --json gives each row with its result.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("username,email,first name,last name\n"
                       "fresh.one,fresh.one@example.com,Fresh,One\n");
        }
        const QStringList json { QStringLiteral("--base-url"), sim.url(), QStringLiteral("--json"),
            QStringLiteral("users"), QStringLiteral("import"), path };
        run = rotactl(json);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(json, run)));
        const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0)[QLatin1String("result")].toString(), QStringLiteral("added"));
        QCOMPARE(rows.at(0)[QLatin1String("line")].toInt(), 2);

        // A file that cannot be used: exit 2, in words, nothing sent.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("name,mail\nAda,ada@example.com\n");
        }
        const QStringList bad { QStringLiteral("--base-url"), sim.url(), QStringLiteral("users"),
            QStringLiteral("import"), path };
        run = rotactl(bad);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(bad, run)));
        QVERIFY2(run.err.contains(QLatin1String("no column for username")), qPrintable(run.err));
    }

    //! (4) Usage errors exit 2 with words on stderr and nothing on stdout.
    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words");
        QTest::newRow("nothing") << QStringList {} << QStringLiteral("usage:");
        QTest::newRow("unknown resource") << QStringList { QStringLiteral("tickets"),
            QStringLiteral("list") } << QStringLiteral("no resource 'tickets'");
        QTest::newRow("unknown verb")
            << QStringList { QStringLiteral("incidents"), QStringLiteral("explode") }
            << QStringLiteral("incidents has no verb 'explode'");
        QTest::newRow("no verb") << QStringList { QStringLiteral("incidents") }
                                 << QStringLiteral("incidents needs a verb");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("list"), QStringLiteral("--colour") }
                                        << QStringLiteral("unknown option --colour");
        QTest::newRow("missing argument") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("ack") } << QStringLiteral("too few arguments");
        QTest::newRow("extra argument") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("list"), QStringLiteral("now") }
                                        << QStringLiteral("too many arguments");
        QTest::newRow("not a number") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("ack"), QStringLiteral("first") }
                                      << QStringLiteral("'first' is not an incident number");
        QTest::newRow("required option") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("create"), QStringLiteral("--summary"), QStringLiteral("x") }
                                         << QStringLiteral("--details is required");
        QTest::newRow("option without value") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("ack"), QStringLiteral("5"), QStringLiteral("--message") }
                                              << QStringLiteral("--message needs a value");
        QTest::newRow("bad rule") << QStringList { QStringLiteral("paging"),
            QStringLiteral("add-rule"), QStringLiteral("0"), QStringLiteral("pager:1") }
                                  << QStringLiteral("'pager:1' is not a rule");
        QTest::newRow("bad time") << QStringList { QStringLiteral("overrides"),
            QStringLiteral("create"), QStringLiteral("--user"), QStringLiteral("ada"),
            QStringLiteral("--start"), QStringLiteral("soon"), QStringLiteral("--end"),
            QStringLiteral("+1d"), QStringLiteral("--timezone"), QStringLiteral("UTC") }
                                  << QStringLiteral("--start is not a time");
        QTest::newRow("account") << QStringList { QStringLiteral("--account"),
            QStringLiteral("work"), QStringLiteral("incidents"), QStringLiteral("list") }
                                 << QStringLiteral("no account named 'work'");
        QTest::newRow("account after the verb") << QStringList { QStringLiteral("incidents"),
            QStringLiteral("list"), QStringLiteral("--account"), QStringLiteral("work") }
                                                << QStringLiteral("no account named 'work'");
        QTest::newRow("accounts verb") << QStringList { QStringLiteral("accounts"),
            QStringLiteral("forget") } << QStringLiteral("accounts has no verb 'forget'");
        QTest::newRow("accounts add without an api id") << QStringList { QStringLiteral("accounts"),
            QStringLiteral("add"), QStringLiteral("Work"), QStringLiteral("--username"),
            QStringLiteral("ada") } << QStringLiteral("--api-id is required");
        QTest::newRow("a key as an argument") << QStringList { QStringLiteral("accounts"),
            QStringLiteral("add"), QStringLiteral("Work"), QStringLiteral("--api-id"),
            QStringLiteral("id"), QStringLiteral("--username"), QStringLiteral("ada"),
            QStringLiteral("--key"), QStringLiteral("s3cret") }
                                              << QStringLiteral("unknown option --key");
        QTest::newRow("accounts use unknown") << QStringList { QStringLiteral("accounts"),
            QStringLiteral("use"), QStringLiteral("Nowhere") }
                                              << QStringLiteral("no account named 'Nowhere'");
        QTest::newRow("plain http") << QStringList { QStringLiteral("--base-url"),
            QStringLiteral("http://api.example.com"), QStringLiteral("incidents"),
            QStringLiteral("list") } << QStringLiteral("unencrypted");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        // No simulator: none of these may reach the network (the base URL would refuse anyway).
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("VO_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
        const Run run = rotactl(args, env);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(args, run)));
        QVERIFY2(run.err.contains(words), qPrintable(describe(args, run)));
        QVERIFY2(run.out.isEmpty(), qPrintable(describe(args, run)));
    }

    //! (4) A wrong key exits 3 with words on stderr, and neither key is printed.
    void badKeyExitsThree()
    {
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QString wrongKey = QStringLiteral("not-the-key-5f1c");
        const QStringList args { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("incidents"), QStringLiteral("list") };
        const Run run = rotactl(args, environment(wrongKey));
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(args, run)));
        QVERIFY2(run.err.contains(QLatin1String("API ID or key")), qPrintable(describe(args, run)));
        QVERIFY2(run.err.contains(QLatin1String("VO_API_KEY")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.contains(wrongKey));

        // The same command with the right key works, so it was the key.
        const Run good = rotactl(args);
        QVERIFY2(good.exitCode == ExitOk, qPrintable(describe(args, good)));
        QVERIFY(!good.out.contains(kApiKey) && !good.err.contains(kApiKey));
    }

    void missingCredentialsExitThree()
    {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("VO_API_KEY"));
        const QStringList args { QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
            QStringLiteral("incidents"), QStringLiteral("list") };
        const Run run = rotactl(args, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(args, run)));
        QVERIFY2(run.err.contains(QLatin1String("VO_API_KEY")), qPrintable(run.err));
    }

    //! API errors exit 1 with the server's words; a partly refused ack does too.
    void apiErrorsExitOne()
    {
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QStringList missing { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("incidents"), QStringLiteral("get"), QStringLiteral("99999") };
        const Run notFound = rotactl(missing);
        QVERIFY2(notFound.exitCode == ExitApiError, qPrintable(describe(missing, notFound)));
        QVERIFY2(notFound.err.contains(QLatin1String("Not found"))
                && notFound.err.contains(QLatin1String("99999")),
            qPrintable(notFound.err));

        // Incident 1 of the seeded history is resolved: acknowledging it is refused, 289 is not.
        const QJsonArray incidents = sim.state().value(QStringLiteral("incidents")).toArray();
        QCOMPARE(incidents.first().toObject().value(QStringLiteral("phase")).toString(),
            QStringLiteral("RESOLVED"));
        const QStringList ack { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("incidents"), QStringLiteral("ack"), QStringLiteral("1"),
            QStringLiteral("289") };
        const Run partly = rotactl(ack);
        QVERIFY2(partly.exitCode == ExitApiError, qPrintable(describe(ack, partly)));
        QVERIFY2(partly.err.contains(QLatin1String("1 of 2 incidents were not acknowledged")),
            qPrintable(partly.err));
        QVERIFY2(partly.out.contains(QRegularExpression(QStringLiteral("\\n289\\s+done"))),
            qPrintable(partly.out));
        QVERIFY2(partly.out.contains(QRegularExpression(
                     QStringLiteral("\\n1\\s+refused\\s+Incident is already resolved"))),
            qPrintable(partly.out));
        const Run after
            = rotactl({ QStringLiteral("--base-url"), sim.url(), QStringLiteral("--json"),
                QStringLiteral("incidents"), QStringLiteral("get"), QStringLiteral("289") });
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8())
                     .object()
                     .value(QStringLiteral("currentPhase"))
                     .toString(),
            QStringLiteral("ACKED"));
    }

    // --- accounts ---------------------------------------------------------------------------

    //! Everything of the accounts verbs that does not need a keychain, and the keychain's absence
    //! in words with exit 3. Runs anywhere: the keychain is made unreachable on purpose.
    void accountsWithoutAKeychain()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        const QProcessEnvironment env = withoutKeychain(accountsEnvironment(config.path()));
        const QString addArgsKey
            = QStringLiteral("k3y-never-on-disk-") + QUuid::createUuid().toString(QUuid::Id128);

        const QStringList list { QStringLiteral("accounts"), QStringLiteral("list") };
        Run run = rotactl(list, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(list, run)));
        QVERIFY2(run.out.startsWith(QLatin1String("No accounts.")), qPrintable(run.out));

        // Adding needs the keychain: without one nothing is saved, and the words say why.
        const QStringList add { QStringLiteral("accounts"), QStringLiteral("add"),
            QStringLiteral("Work"), QStringLiteral("--api-id"), QStringLiteral("work-id"),
            QStringLiteral("--username"), QStringLiteral("ada") };
        QProcessEnvironment withKey = env;
        withKey.insert(QStringLiteral("VO_API_KEY"), addArgsKey);
        run = rotactl(add, withKey);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(add, run)));
        QVERIFY2(run.err.contains(QLatin1String("no keychain is available")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("was not added")), qPrintable(run.err));
        QVERIFY(!run.out.contains(addArgsKey) && !run.err.contains(addArgsKey));
        QVERIFY(storedAccounts(config.path()).isEmpty());
        QVERIFY(!fileBytes(settingsFile(config.path())).contains(addArgsKey.toUtf8()));

        // No key at all, a base URL that is not allowed: refused before the keychain is asked.
        run = rotactl(add, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(add, run)));
        QVERIFY2(run.err.contains(QLatin1String("no API key")), qPrintable(run.err));
        const QStringList plainHttp = add
            + QStringList { QStringLiteral("--base-url"),
                  QStringLiteral("http://api.example.com") };
        run = rotactl(plainHttp, withKey);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(plainHttp, run)));
        QVERIFY2(run.err.contains(QLatin1String("unencrypted")), qPrintable(run.err));

        // Accounts that rota saved (its key in the keychain, or kept in memory for a run).
        {
            QSettings settings(settingsFile(config.path()), QSettings::IniFormat);
            AccountStore store(&settings);
            QString error;
            Account north;
            north.name = QStringLiteral("Northwind (prod)");
            north.apiId = QStringLiteral("nw-id");
            north.username = QStringLiteral("dmitri.petrov");
            Account staging = north;
            staging.name = QStringLiteral("Staging");
            staging.baseUrl = QUrl(QStringLiteral("https://staging.example.com"));
            QVERIFY2(store.save(north, &error), qPrintable(error));
            QVERIFY2(store.save(staging, &error), qPrintable(error));
        }
        run = rotactl(list, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(list, run)));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).contains(
                     QRegularExpression(QStringLiteral("^\\s+NAME\\s+USERNAME\\s+BASE URL$"))),
            qPrintable(run.out));
        QVERIFY2(lines.at(1).contains(QRegularExpression(QStringLiteral(
                     "^\\*\\s+Northwind "
                     "\\(prod\\)\\s+dmitri\\.petrov\\s+https://api\\.victorops\\.com$"))),
            qPrintable(run.out));
        QVERIFY2(lines.at(2).contains(QRegularExpression(QStringLiteral(
                     "^\\s+Staging\\s+dmitri\\.petrov\\s+https://staging\\.example\\.com$"))),
            qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1String("nw-id")));

        const QStringList listJson { QStringLiteral("--json"), QStringLiteral("accounts"),
            QStringLiteral("list") };
        run = rotactl(listJson, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(listJson, run)));
        const QJsonArray listed = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Northwind (prod)"));
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("current")).toBool(), true);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("current")).toBool(), false);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("baseUrl")).toString(),
            QStringLiteral("https://staging.example.com"));

        // use, rename (names are unique whatever their case).
        const QStringList use { QStringLiteral("accounts"), QStringLiteral("use"),
            QStringLiteral("staging") };
        run = rotactl(use, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(use, run)));
        QString current;
        storedAccounts(config.path(), &current);
        QCOMPARE(current, QStringLiteral("Staging"));
        const QStringList clash { QStringLiteral("accounts"), QStringLiteral("rename"),
            QStringLiteral("Staging"), QStringLiteral("NORTHWIND (prod)") };
        run = rotactl(clash, env);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(clash, run)));
        QVERIFY2(run.err.contains(QLatin1String("already an account named")), qPrintable(run.err));
        const QStringList rename { QStringLiteral("accounts"), QStringLiteral("rename"),
            QStringLiteral("Staging"), QStringLiteral("Contoso staging") };
        run = rotactl(rename, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(rename, run)));
        QCOMPARE(names(storedAccounts(config.path(), &current)),
            (QStringList {
                QStringLiteral("Northwind (prod)"), QStringLiteral("Contoso staging") }));
        QCOMPARE(current, QStringLiteral("Contoso staging"));
        QStringList addTaken = add;
        addTaken[2] = QStringLiteral("northwind (PROD)");
        run = rotactl(addTaken, withKey);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(addTaken, run)));
        QVERIFY2(run.err.contains(QLatin1String("already an account named 'Northwind (prod)'")),
            qPrintable(run.err));

        // The current account is used without VO_API_ID and VO_API_KEY, --account names one:
        // without a keychain its key cannot be had, which is exit 3 with the reason.
        const QStringList incidents { QStringLiteral("incidents"), QStringLiteral("list") };
        run = rotactl(incidents, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(incidents, run)));
        QVERIFY2(
            run.err.contains(QLatin1String("cannot read the key of account 'Contoso staging'")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("no keychain is available")), qPrintable(run.err));
        const QStringList named { QStringLiteral("--account"), QStringLiteral("northwind (prod)"),
            QStringLiteral("incidents"), QStringLiteral("list") };
        run = rotactl(named, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(named, run)));
        QVERIFY2(
            run.err.contains(QLatin1String("cannot read the key of account 'Northwind (prod)'")),
            qPrintable(run.err));
        // Half a pair in the environment is an error, not a reason to use the current account.
        QProcessEnvironment half = env;
        half.insert(QStringLiteral("VO_API_ID"), kApiId);
        run = rotactl(incidents, half);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(incidents, run)));
        QVERIFY2(run.err.contains(QLatin1String("or neither")), qPrintable(run.err));

        // Removing needs the keychain too, unless the key may stay there.
        const QStringList remove { QStringLiteral("accounts"), QStringLiteral("remove"),
            QStringLiteral("Contoso staging") };
        run = rotactl(remove, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(remove, run)));
        QVERIFY2(run.err.contains(QLatin1String("The account is kept")), qPrintable(run.err));
        QCOMPARE(storedAccounts(config.path()).size(), 2);
        const QStringList removeAnyway = remove + QStringList { QStringLiteral("--keep-key") };
        run = rotactl(removeAnyway, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(removeAnyway, run)));
        QVERIFY2(run.err.contains(QLatin1String("still in the keychain")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("no current account now")), qPrintable(run.out));
        QCOMPARE(names(storedAccounts(config.path(), &current)),
            QStringList { QStringLiteral("Northwind (prod)") });
        QVERIFY(current.isEmpty());
        run = rotactl(incidents, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(incidents, run)));
        QVERIFY2(run.err.contains(QLatin1String("rotactl accounts use NAME")), qPrintable(run.err));
    }

    //! accounts add (VO_API_KEY, --key-stdin), the current account and --account against
    //! rota-sim, remove: with the real keychain, and never a key on disk or in the output.
    void accountsWithTheKeychain()
    {
        ROTA_NEED_KEYCHAIN();
        SimProcess sim;
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        QTemporaryDir config;
        QVERIFY(config.isValid());
        const QProcessEnvironment env = accountsEnvironment(config.path());
        const QString wrongKey
            = QStringLiteral("wrong-") + QUuid::createUuid().toString(QUuid::Id128);

        const QStringList add { QStringLiteral("accounts"), QStringLiteral("add"),
            QStringLiteral("Sim"), QStringLiteral("--api-id"), kApiId, QStringLiteral("--username"),
            QStringLiteral("dmitri.petrov"), QStringLiteral("--base-url"), sim.url() };
        QProcessEnvironment withKey = env;
        withKey.insert(QStringLiteral("VO_API_KEY"), kApiKey);
        Run run = rotactl(add, withKey);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(add, run)));
        QVERIFY2(run.out.contains(QLatin1String("It is the current account")), qPrintable(run.out));
        QVERIFY(!run.out.contains(kApiKey) && !run.err.contains(kApiKey));

        QStringList addWrong = add;
        addWrong[2] = QStringLiteral("Wrong key");
        addWrong.append(QStringLiteral("--key-stdin"));
        run = rotactl(addWrong, withKey, 60000, wrongKey.toUtf8() + '\n');
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(addWrong, run)));
        QVERIFY2(
            !run.out.contains(QLatin1String("It is the current account")), qPrintable(run.out));

        QString current;
        const QList<Account> stored = storedAccounts(config.path(), &current);
        QCOMPARE(
            names(stored), (QStringList { QStringLiteral("Sim"), QStringLiteral("Wrong key") }));
        QCOMPARE(current, QStringLiteral("Sim"));
        QCOMPARE(stored.at(0).baseUrl, QUrl(sim.url()));
        QCOMPARE(stored.at(0).apiId, kApiId);
        const QByteArray onDisk = fileBytes(settingsFile(config.path()));
        QVERIFY(onDisk.contains(kApiId.toUtf8()));
        QVERIFY(!onDisk.contains(kApiKey.toUtf8()) && !onDisk.contains(wrongKey.toUtf8()));

        // The keys are in the keychain, under the accounts' ids.
        KeychainSecretStore keychain;
        const auto keyOf = [&keychain](const QString& id) {
            return keychainCall([&](QObject* context, SecretStore::Done done) {
                keychain.read(id, context, done);
            });
        };
        QCOMPARE(keyOf(stored.at(0).id).value_or(SecretResult()).secret, kApiKey);
        QCOMPARE(keyOf(stored.at(1).id).value_or(SecretResult()).secret, wrongKey);

        // The current account: its key, username (the acting user of `paging show`) and URL.
        const QStringList incidents { QStringLiteral("--json"), QStringLiteral("incidents"),
            QStringLiteral("list") };
        run = rotactl(incidents, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(incidents, run)));
        QVERIFY(QJsonDocument::fromJson(run.out.toUtf8())
                    .object()
                    .value(QStringLiteral("incidents"))
                    .toArray()
                    .size()
            > 0);
        const QStringList paging { QStringLiteral("--verbose"), QStringLiteral("paging"),
            QStringLiteral("show") };
        run = rotactl(paging, env);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(paging, run)));
        QVERIFY2(run.err.contains(QLatin1String("account 'Sim'")), qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QLatin1String("/api-public/v1/profile/{username}/policies -> 200")),
            qPrintable(run.err));
        QVERIFY(!run.out.contains(kApiKey) && !run.err.contains(kApiKey));

        // --account picks another; a wrong key is exit 3 and names the account, not the key.
        const QStringList wrong { QStringLiteral("--account"), QStringLiteral("wrong KEY"),
            QStringLiteral("incidents"), QStringLiteral("list") };
        run = rotactl(wrong, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(wrong, run)));
        QVERIFY2(run.err.contains(QLatin1String("account 'Wrong key'")), qPrintable(run.err));
        QVERIFY(!run.out.contains(wrongKey) && !run.err.contains(wrongKey));
        // The environment's credentials win over the current account.
        QProcessEnvironment both = env;
        both.insert(QStringLiteral("VO_API_ID"), kApiId);
        both.insert(QStringLiteral("VO_API_KEY"), wrongKey);
        const QStringList plain { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("incidents"), QStringLiteral("list") };
        run = rotactl(plain, both);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(plain, run)));
        QVERIFY2(run.err.contains(QLatin1String("VO_API_KEY")), qPrintable(run.err));

        // remove takes the key out of the keychain too.
        for (const Account& account : stored) {
            const QStringList remove { QStringLiteral("accounts"), QStringLiteral("remove"),
                account.name };
            run = rotactl(remove, env);
            QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(remove, run)));
            QVERIFY2(run.out.contains(QLatin1String("and its key")), qPrintable(run.out));
            QCOMPARE(keyOf(account.id).value_or(SecretResult()).error, SecretError::NotFound);
        }
        QVERIFY(storedAccounts(config.path()).isEmpty());
        // Its key gone, an account rota saved cannot be used: exit 3 with what to do.
        {
            QSettings settings(settingsFile(config.path()), QSettings::IniFormat);
            AccountStore store(&settings);
            QString error;
            QVERIFY(store.save(stored.at(0), &error));
        }
        run = rotactl(incidents, env);
        QVERIFY2(run.exitCode == ExitAuth, qPrintable(describe(incidents, run)));
        QVERIFY2(
            run.err.contains(QLatin1String("the keychain has no key for it")), qPrintable(run.err));
    }

    //! (4) Throttled on every attempt: exit 4 after the client's retries.
    void throttledExitsFour()
    {
        SimProcess sim({ QStringLiteral("--faults"), QStringLiteral("throttle") });
        QVERIFY2(sim.isRunning(), "rota-sim did not start");
        const QStringList args { QStringLiteral("--base-url"), sim.url(),
            QStringLiteral("--verbose"), QStringLiteral("users"), QStringLiteral("list") };
        const Run run = rotactl(args, environment(), 120000);
        QVERIFY2(run.exitCode == ExitThrottled, qPrintable(describe(args, run)));
        QVERIFY2(run.err.contains(QLatin1String("rate limit")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Still throttled")), qPrintable(run.err));
    }

    // --- the key in the environment ---------------------------------------------------------

    //! A variable taken from the environment is gone from it, and from a child's.
    void takeEnvironmentVariableRemovesIt()
    {
        const QByteArray secret = "taken-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        qputenv("ROTA_TEST_TAKEN", secret);
        QCOMPARE(takeEnvironmentVariable("ROTA_TEST_TAKEN"), QString::fromLatin1(secret));
        QVERIFY(!qEnvironmentVariableIsSet("ROTA_TEST_TAKEN"));
        QCOMPARE(takeEnvironmentVariable("ROTA_TEST_TAKEN"), QString());

        QProcess child;
        child.start(QStringLiteral("env"), QStringList());
        QVERIFY(child.waitForFinished(30000));
        const QByteArray childEnvironment = child.readAllStandardOutput();
        QVERIFY(childEnvironment.contains("PATH="));
        QVERIFY(!childEnvironment.contains(secret));
    }

    //! While rotactl waits for the API, its environment (/proc/PID/environ, what a child would
    //! inherit) holds neither VO_API_KEY nor VO_API_ID, yet the request carried them.
    void keyLeavesTheEnvironment()
    {
        if (!QFile::exists(QStringLiteral("/proc/self/environ")))
            QSKIP("no /proc/PID/environ here");
        // A server that reads the request and never answers: rotactl waits for it.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray request;
        QList<QTcpSocket*> sockets;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, this,
                    [&request, socket] { request += socket->readAll(); });
            }
        });

        const QString key = QStringLiteral("env-key-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString apiId
            = QStringLiteral("env-id-") + QUuid::createUuid().toString(QUuid::Id128);
        QProcessEnvironment env = environment(key);
        env.insert(QStringLiteral("VO_API_ID"), apiId);
        QProcess process;
        process.setProgram(QStringLiteral(ROTACTL_PATH));
        process.setArguments({ QStringLiteral("--base-url"),
            QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()), QStringLiteral("users"),
            QStringLiteral("list") });
        process.setProcessEnvironment(env);
        process.start();
        QVERIFY(process.waitForStarted(10000));
        QVERIFY2(QTest::qWaitFor([&] { return request.contains("\r\n\r\n"); }, 60000),
            request.constData());

        QFile environFile(QStringLiteral("/proc/%1/environ").arg(process.processId()));
        QVERIFY(environFile.open(QIODevice::ReadOnly));
        const QByteArray seen = environFile.readAll();
        process.kill();
        process.waitForFinished(10000);
        QVERIFY2(seen.contains("XDG_CONFIG_HOME="), seen.constData());
        QVERIFY(!seen.contains(key.toUtf8()));
        QVERIFY(!seen.contains(apiId.toUtf8()));
        QVERIFY(request.contains(QByteArray("X-VO-Api-Key: " + key.toUtf8())));
        QVERIFY(request.contains(QByteArray("X-VO-Api-Id: " + apiId.toUtf8())));
    }

    // --- an extra certificate authority -----------------------------------------------------

    //! Behind a proxy that inspects TLS with its own authority: without --ca-file the certificate
    //! is refused in words and nothing of the request reaches the server; with it, the command
    //! works. A file that cannot be used is an error, not a reason to go on without it.
    void caFileTrustsAnExtraAuthority()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is needed to make a certificate");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY2(makeSelfSignedCertificate(dir.path(), &error), qPrintable(error));
        TlsServer server(dir.path());
        QVERIFY(server.isListening());
        const QStringList teams { QStringLiteral("--base-url"), server.url(),
            QStringLiteral("teams"), QStringLiteral("list") };

        Run run = rotactlServed(teams, environment());
        QVERIFY2(run.exitCode == ExitApiError, qPrintable(describe(teams, run)));
        QVERIFY2(run.err.contains(QLatin1String("is not trusted")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--ca-file PATH")), qPrintable(run.err));
        QVERIFY2(server.requests().isEmpty(), server.requests().value(0).constData());
        QVERIFY(!run.err.contains(kApiKey));

        const QStringList trusted
            = QStringList { QStringLiteral("--ca-file"), dir.filePath(QStringLiteral("cert.pem")) }
            + teams;
        run = rotactlServed(trusted, environment());
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(trusted, run)));
        QVERIFY2(run.out.contains(QLatin1String("Proxy Team")), qPrintable(run.out));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().constFirst().startsWith("GET /api-public/v1/team "));

        // After the verb, as every global option.
        const QStringList after = teams
            + QStringList { QStringLiteral("--ca-file"), dir.filePath(QStringLiteral("cert.pem")) };
        run = rotactlServed(after, environment());
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(after, run)));

        const QStringList missing = QStringList {
            QStringLiteral("--ca-file"), dir.filePath(QStringLiteral("missing.pem"))
        } + teams;
        run = rotactlServed(missing, environment());
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(missing, run)));
        QVERIFY2(run.err.contains(QLatin1String("does not exist")), qPrintable(run.err));
        const QStringList notPem
            = QStringList { QStringLiteral("--ca-file"), dir.filePath(QStringLiteral("key.pem")) }
            + teams;
        run = rotactlServed(notPem, environment());
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(notPem, run)));
        QVERIFY2(run.err.contains(QLatin1String("holds no certificate")), qPrintable(run.err));
        QCOMPARE(server.requests().size(), 2);
    }

    //! accounts add --ca-file: checked before anything is stored, kept with the account (as an
    //! absolute path), listed, and used for the account's commands.
    void accountsKeepTheirCaFile()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is needed to make a certificate");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY2(makeSelfSignedCertificate(dir.path(), &error), qPrintable(error));
        QTemporaryDir config;
        QVERIFY(config.isValid());
        QProcessEnvironment env = accountsEnvironment(config.path());
        env.insert(QStringLiteral("VO_API_KEY"), kApiKey);
        TlsServer server(dir.path());
        QVERIFY(server.isListening());

        // An unusable file is refused before the keychain is asked (none is needed here).
        const QStringList addMissing { QStringLiteral("accounts"), QStringLiteral("add"),
            QStringLiteral("Proxy"), QStringLiteral("--api-id"), kApiId,
            QStringLiteral("--username"), QStringLiteral("ada"), QStringLiteral("--base-url"),
            server.url(), QStringLiteral("--ca-file"),
            dir.filePath(QStringLiteral("missing.pem")) };
        Run run = rotactlServed(addMissing, withoutKeychain(env));
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(addMissing, run)));
        QVERIFY2(run.err.contains(QLatin1String("does not exist")), qPrintable(run.err));
        QVERIFY(storedAccounts(config.path()).isEmpty());

        ROTA_NEED_KEYCHAIN();
        QStringList add = addMissing;
        add.last() = QStringLiteral("cert.pem"); // relative to rotactl's working folder
        QProcess process;
        process.setProgram(QStringLiteral(ROTACTL_PATH));
        process.setArguments(add);
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(dir.path());
        process.start();
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == ExitOk, process.readAllStandardError().constData());
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput())
                    .contains(QLatin1String("also trusts the certificate authorities in")));
        const QList<Account> stored = storedAccounts(config.path());
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).caFile, dir.filePath(QStringLiteral("cert.pem")));

        QProcessEnvironment noKey = env;
        noKey.remove(QStringLiteral("VO_API_KEY"));
        const QStringList teams { QStringLiteral("teams"), QStringLiteral("list") };
        run = rotactlServed(teams, noKey);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(teams, run)));
        QVERIFY2(run.out.contains(QLatin1String("Proxy Team")), qPrintable(run.out));
        const QStringList listJson { QStringLiteral("--json"), QStringLiteral("accounts"),
            QStringLiteral("list") };
        run = rotactlServed(listJson, noKey);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("caFile"))
                     .toString(),
            dir.filePath(QStringLiteral("cert.pem")));

        // The stored file gone: an error in words, not a connection without it.
        QVERIFY(QFile::rename(
            dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("moved.pem"))));
        run = rotactlServed(teams, noKey);
        QVERIFY2(run.exitCode == ExitUsage, qPrintable(describe(teams, run)));
        QVERIFY2(run.err.contains(QLatin1String("does not exist")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("account 'Proxy'")), qPrintable(run.err));

        const QStringList remove { QStringLiteral("accounts"), QStringLiteral("remove"),
            QStringLiteral("Proxy") };
        run = rotactlServed(remove, noKey);
        QVERIFY2(run.exitCode == ExitOk, qPrintable(describe(remove, run)));
    }
};

QTEST_GUILESS_MAIN(TestRotactl)
#include "tst_rotactl.moc"
