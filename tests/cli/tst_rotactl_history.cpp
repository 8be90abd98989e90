// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl and the incident history kept on this computer, the executable against rota-sim
// executables over real HTTP (their rate limits real: one call a minute to the history, so each
// case that calls it starts its own simulator): `reports incidents --cached` prints what the API
// printed for the same incidents, with the same filters; `reports sync --until` a little back
// reads one page and exits 0, a line per page (on a terminal one line written over in place);
// Ctrl+C stops a sync with the page stored so far kept; the history of a saved account is found
// without its key, and a run without an account says so in words.

#include "accountstore.h"
#include "historydatabase.h"
#include "incidents.h"
#include "jsonreader.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <stdlib.h>
#include <sys/poll.h>
#include <unistd.h>

using namespace rota;

namespace {

const QString kApiId = QStringLiteral("rota-demo-id");
const QString kApiKey = QStringLiteral("rota-demo-key");
const QStringList kAllPhases
    = { QStringLiteral("--phase"), QStringLiteral("triggered"), QStringLiteral("--phase"),
          QStringLiteral("acknowledged"), QStringLiteral("--phase"), QStringLiteral("resolved") };

//! A rota-sim executable on 127.0.0.1, port 0, seed 1, the small org; stopped when destroyed.
class SimProcess {
public:
    SimProcess()
    {
        m_process.setProgram(QStringLiteral(ROTA_SIM_PATH));
        m_process.setArguments(
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("small") });
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
                m_token = match.captured(2).toUtf8();
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

    QString url() const { return m_url; }

    //! The simulator's incident numbers, newest start first (as the history lists them).
    QList<qint64> incidentNumbers() const
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/_sim/state")));
        request.setRawHeader(QByteArrayLiteral("X-Sim-Token"), m_token);
        QNetworkReply* reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        const QJsonArray incidents = QJsonDocument::fromJson(reply->readAll())
                                         .object()
                                         .value(QLatin1String("incidents"))
                                         .toArray();
        reply->deleteLater();
        QList<std::pair<QDateTime, qint64>> starts;
        for (const QJsonValue& value : incidents) {
            const QJsonObject incident = value.toObject();
            starts.append(
                { QDateTime::fromString(
                      incident.value(QLatin1String("startTime")).toString(), Qt::ISODateWithMs),
                    incident.value(QLatin1String("number")).toInteger() });
        }
        std::sort(starts.begin(), starts.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second > b.second;
        });
        QList<qint64> numbers;
        for (const auto& start : starts)
            numbers.append(start.second);
        return numbers;
    }

private:
    QProcess m_process;
    QString m_url;
    QByteArray m_token;
};

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment environment(const QString& configHome, const QString& dataHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.remove(QStringLiteral("VO_BASE_URL"));
    env.insert(QStringLiteral("VO_API_ID"), kApiId);
    env.insert(QStringLiteral("VO_API_KEY"), kApiKey);
    env.insert(QStringLiteral("VO_USERNAME"), QStringLiteral("dmitri.petrov"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    // No keychain: --cached must not need one.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=/nonexistent/rota-test-no-bus"));
    return env;
}

Run rotactl(const QStringList& args, const QProcessEnvironment& env, int timeoutMs = 30000)
{
    QProcess process;
    process.setProgram(QStringLiteral(ROTACTL_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(env);
    process.start();
    Run run;
    if (process.waitForStarted(10000)) {
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs))
            process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const Run& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(QString::number(run.exitCode), run.out.left(3000), run.err.left(2000));
}

QList<qint64> numbersOf(const QJsonArray& incidents)
{
    QList<qint64> numbers;
    for (const QJsonValue& value : incidents)
        numbers.append(
            value.toObject().value(QLatin1String("incidentNumber")).toString().toLongLong());
    return numbers;
}

//! The history file's incidents, newest first; empty when it cannot be read.
QList<HistoryIncident> storedIn(const QString& path)
{
    static int connection = 0;
    HistoryDatabase database(QStringLiteral("tst_rotactl_history_%1").arg(++connection));
    QString message;
    const auto result = database.open(path, &message);
    if (result != HistoryDatabase::OpenResult::Opened)
        return {};
    QString error;
    return database.loadIncidents(&error).value_or(QList<HistoryIncident>());
}

} // namespace

class TestRotactlHistory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_apiPage; //!< the API's answer of 100 incidents, every phase
    QList<Incident> m_incidents; //!< the same, read

    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }
    QString dataHome() const { return m_dir.filePath(QStringLiteral("data")); }
    QProcessEnvironment env() const { return environment(configHome(), dataHome()); }

    //! A history file holding the API's page.
    bool fill(const QString& path)
    {
        static int connection = 0;
        HistoryDatabase database(QStringLiteral("tst_rotactl_history_fill_%1").arg(++connection));
        QString message;
        const auto result = database.open(path, &message);
        if (result != HistoryDatabase::OpenResult::Created)
            return false;
        HistorySyncState state;
        state.newestMs = m_incidents.first().startTime.toMSecsSinceEpoch();
        state.oldestMs = m_incidents.last().startTime.toMSecsSinceEpoch();
        state.serverTotal = m_apiPage.value(QLatin1String("total")).toInt();
        state.lastSyncMs = QDateTime::currentMSecsSinceEpoch();
        QString error;
        return database.storeIncidents(m_incidents, state, &error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The API's own answer, once (one call a minute), for the cases that compare with it.
        SimProcess sim;
        QVERIFY(!sim.url().isEmpty());
        const Run run = rotactl(QStringList { QStringLiteral("--base-url"), sim.url(),
                                    QStringLiteral("reports"), QStringLiteral("incidents") }
                + kAllPhases
                + QStringList { QStringLiteral("--limit"), QStringLiteral("100"),
                    QStringLiteral("--json") },
            env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        m_apiPage = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const JsonReader reader(m_apiPage);
        m_incidents = ReportingIncidentList::fromJson(reader).incidents;
        QCOMPARE(m_incidents.size(), 100);
    }

    void cachedPrintsWhatTheApiPrinted()
    {
        const QString file = m_dir.filePath(QStringLiteral("cached.sqlite"));
        QVERIFY(fill(file));
        const QStringList cached = { QStringLiteral("reports"), QStringLiteral("incidents"),
            QStringLiteral("--cached"), QStringLiteral("--file"), file };

        // The same incidents, in the same order, in the same JSON.
        Run run = rotactl(cached + kAllPhases
                + QStringList { QStringLiteral("--limit"), QStringLiteral("100"),
                    QStringLiteral("--json") },
            env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject page = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(page.value(QLatin1String("total")).toInt(), 100);
        QCOMPARE(page.value(QLatin1String("incidents")).toArray(),
            m_apiPage.value(QLatin1String("incidents")).toArray());
        QVERIFY2(run.err.contains(QStringLiteral("stored on this computer")), qPrintable(run.err));

        // Filters as the API reads them: resolved only by default, offset and limit.
        QList<qint64> resolved;
        for (const Incident& incident : std::as_const(m_incidents)) {
            if (incident.phase == Phase::Resolved)
                resolved.append(incident.incidentNumber.toLongLong());
        }
        QVERIFY(resolved.size() > 10);
        run = rotactl(cached
                + QStringList { QStringLiteral("--offset"), QStringLiteral("2"),
                    QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json") },
            env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject filtered = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(filtered.value(QLatin1String("total")).toInt(), resolved.size());
        QCOMPARE(
            numbersOf(filtered.value(QLatin1String("incidents")).toArray()), resolved.mid(2, 5));

        // Started after the tenth newest: the nine before it (the bound is exclusive).
        const QDateTime tenth = m_incidents.at(9).startTime;
        QVERIFY(m_incidents.at(8).startTime > tenth && m_incidents.at(10).startTime < tenth);
        run = rotactl(cached + kAllPhases
                + QStringList { QStringLiteral("--started-after"),
                    tenth.toString(Qt::ISODateWithMs), QStringLiteral("--json") },
            env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
            9);

        // Numbers and ranges.
        const qint64 n = m_incidents.first().incidentNumber.toLongLong();
        run = rotactl(cached + kAllPhases
                + QStringList { QStringLiteral("--number"),
                    QStringLiteral("%1,%2:%3").arg(n).arg(n - 3).arg(n - 2),
                    QStringLiteral("--json") },
            env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(numbersOf(QJsonDocument::fromJson(run.out.toUtf8())
                               .object()
                               .value(QLatin1String("incidents"))
                               .toArray()),
            (QList<qint64> { n, n - 2, n - 3 }));

        // For people: the table `reports incidents` prints.
        run = rotactl(
            cached + QStringList { QStringLiteral("--limit"), QStringLiteral("3") }, env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0), QStringLiteral("Incidents 1-3 of %1:").arg(resolved.size()));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("INCIDENT  PHASE     STARTED")));
        QVERIFY2(lines.at(2).startsWith(QString::number(resolved.first())), qPrintable(run.out));

        // --v1 does not go with it.
        run = rotactl(cached + QStringList { QStringLiteral("--v1") }, env());
        QCOMPARE(run.exitCode, 2);
    }

    void syncReadsBackToUntilAndExits()
    {
        SimProcess sim;
        QVERIFY(!sim.url().isEmpty());
        const QString file = m_dir.filePath(QStringLiteral("sync.sqlite"));
        const Run run
            = rotactl({ QStringLiteral("--base-url"), sim.url(), QStringLiteral("reports"),
                          QStringLiteral("sync"), QStringLiteral("--until"), QStringLiteral("-1h"),
                          QStringLiteral("--file"), file },
                env());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        // Not a terminal: a line per page, then the coverage.
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("100 of ")), qPrintable(run.out));
        QVERIFY2(lines.at(0).endsWith(QStringLiteral("incidents stored (100 new)")),
            qPrintable(run.out));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("History from ")), qPrintable(run.out));
        QVERIFY2(lines.at(1).contains(QStringLiteral("as far back as asked")), qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1Char('\r')));

        const QList<HistoryIncident> stored = storedIn(file);
        QCOMPARE(stored.size(), 100);
        QList<qint64> numbers;
        for (const HistoryIncident& incident : stored)
            numbers.append(incident.number);
        std::sort(numbers.begin(), numbers.end(), std::greater<>());
        QList<qint64> newest = sim.incidentNumbers().mid(0, 100);
        std::sort(newest.begin(), newest.end(), std::greater<>());
        QCOMPARE(numbers, newest);
    }

    void interruptKeepsWhatWasStored()
    {
        SimProcess sim;
        QVERIFY(!sim.url().isEmpty());
        const QString file = m_dir.filePath(QStringLiteral("interrupted.sqlite"));
        QProcess process;
        process.setProgram(QStringLiteral(ROTACTL_PATH));
        process.setArguments({ QStringLiteral("--base-url"), sim.url(), QStringLiteral("reports"),
            QStringLiteral("sync"), QStringLiteral("--file"), file });
        process.setProcessEnvironment(env());
        process.start();
        QVERIFY(process.waitForStarted(10000));
        // The first page comes at once; the next waits a minute. Ctrl+C meanwhile.
        QByteArray printed;
        QVERIFY(QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(50);
                printed += process.readAllStandardOutput();
                return printed.contains("stored") || process.state() != QProcess::Running;
            },
            20000));
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        printed += process.readAllStandardOutput();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(printed.contains("Stopped: 100 incidents stored"), printed.constData());
        QCOMPARE(storedIn(file).size(), 100);
    }

    //! On a terminal: one line written over in place, how far and when the next call goes.
    void aTerminalSeesOneLineInPlace()
    {
        SimProcess sim;
        QVERIFY(!sim.url().isEmpty());
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        auto closeMaster = qScopeGuard([master] { ::close(master); });
        QCOMPARE(::grantpt(master), 0);
        QCOMPARE(::unlockpt(master), 0);
        const QString terminal = QString::fromLocal8Bit(::ptsname(master));
        const QString file = m_dir.filePath(QStringLiteral("terminal.sqlite"));
        QProcess process;
        process.setProgram(QStringLiteral(ROTACTL_PATH));
        process.setArguments({ QStringLiteral("--base-url"), sim.url(), QStringLiteral("reports"),
            QStringLiteral("sync"), QStringLiteral("--file"), file });
        process.setProcessEnvironment(env());
        process.setStandardOutputFile(terminal);
        process.start();
        QVERIFY(process.waitForStarted(10000));
        // The line is written every second: wait for one after the first page.
        QByteArray seen;
        const QByteArray expected = QStringLiteral("\r100 of ").toUtf8();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         char buffer[4096];
                         pollfd fd { master, POLLIN, 0 };
                         while (::poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN)) {
                             const ssize_t n = ::read(master, buffer, sizeof buffer);
                             if (n <= 0)
                                 break;
                             seen.append(buffer, n);
                         }
                         return seen.contains(QByteArrayLiteral("next call in"));
                     },
                     20000),
            seen.constData());
        QVERIFY2(seen.contains(expected), seen.constData());
        QVERIFY2(seen.contains(QStringLiteral(" \u00b7 next call in ").toUtf8()), seen.constData());
        QVERIFY(!seen.contains("incidents stored ("));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 130);
        QCOMPARE(storedIn(file).size(), 100);
    }

    void theAccountsHistory()
    {
        // A saved account (no key needed for --cached) and its history where Rota keeps it.
        QDir().mkpath(configHome() + QStringLiteral("/Rota"));
        QSettings settings(configHome() + QStringLiteral("/Rota/rota.conf"), QSettings::IniFormat);
        AccountStore accounts(&settings);
        Account account;
        account.name = QStringLiteral("Northwind");
        account.apiId = kApiId;
        account.username = QStringLiteral("dmitri.petrov");
        QString error;
        const std::optional<Account> saved = accounts.save(account, &error);
        QVERIFY2(saved, qPrintable(error));
        settings.sync();
        qputenv("XDG_DATA_HOME", dataHome().toUtf8());
        const QString path = HistoryDatabase::defaultPath(saved->id);
        QVERIFY(path.startsWith(dataHome()));

        QProcessEnvironment noCredentials = env();
        noCredentials.remove(QStringLiteral("VO_API_ID"));
        noCredentials.remove(QStringLiteral("VO_API_KEY"));
        const QStringList cached = { QStringLiteral("reports"), QStringLiteral("incidents"),
            QStringLiteral("--cached"), QStringLiteral("--limit"), QStringLiteral("2") };

        // Nothing stored yet: said so.
        Run run = rotactl(
            QStringList { QStringLiteral("--account"), QStringLiteral("Northwind") } + cached,
            noCredentials);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no history is stored yet")),
            qPrintable(describe(run)));

        QVERIFY(fill(path));
        run = rotactl(
            QStringList { QStringLiteral("--account"), QStringLiteral("Northwind") } + cached,
            noCredentials);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.startsWith(QStringLiteral("Incidents 1-2 of ")), qPrintable(run.out));
        // The current account without --account.
        run = rotactl(cached, noCredentials);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

        // No saved account at all: said in words.
        QProcessEnvironment empty = noCredentials;
        empty.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("none")));
        run = rotactl(cached, empty);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("no saved account")), qPrintable(describe(run)));

        // A sync with the credentials of the environment has no account to keep it for.
        run = rotactl({ QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
                          QStringLiteral("reports"), QStringLiteral("sync") },
            env());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.err.contains(QStringLiteral("kept per saved account")), qPrintable(describe(run)));
    }
};

QTEST_GUILESS_MAIN(TestRotactlHistory)

#include "tst_rotactl_history.moc"
