// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The log file: API exchanges as method, path, status and latency; secrets redacted wherever
// they come from; rotation by size.
#include "calls.h"
#include "logfile.h"
#include "simfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rota;
using namespace rota::test;

Q_LOGGING_CATEGORY(lcLogTest, "rota.test")

namespace {
QString readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}
} // namespace

class TestLogFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The README tells people where the log is: the place Rota really writes it.
    void readmeNamesTheRealLogPath()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray dataHome
            = QFile::encodeName(home.path() + QStringLiteral("/.local/share"));
        const QByteArray oldDataHome = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", dataHome);
        const QString oldName = QCoreApplication::applicationName();
        const QString oldOrganisation = QCoreApplication::organizationName();
        // As rota's main() names itself.
        QCoreApplication::setApplicationName(QStringLiteral("Rota"));
        QCoreApplication::setOrganizationName(QStringLiteral("Rota"));
        const QString directory = LogFile::defaultDirectory();
        QCoreApplication::setApplicationName(oldName);
        QCoreApplication::setOrganizationName(oldOrganisation);
        qputenv("XDG_DATA_HOME", oldDataHome);

        QVERIFY2(directory.startsWith(home.path()), qPrintable(directory));
        const QString shown
            = QStringLiteral("~") + directory.mid(home.path().size()) + QStringLiteral("/rota.log");
        const QString readme = readAll(QStringLiteral(ROTA_SOURCE_DIR "/README.md"));
        QVERIFY(!readme.isEmpty());
        QVERIFY2(readme.contains(shown), qPrintable(shown));
    }

    void logsExchangesWithoutSecrets()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        LogFile log(dir.path());
        log.install();
        log.setMinimumLevel(QtDebugMsg);
        log.watch(fixture.client.get());

        ApiReply* reply = fixture.client->send(
            calls::request("GET", "/api-public/v1/user", QStringLiteral("/api-public/v1/user")));
        QVERIFY(waitFor(reply));
        ApiReply* missing = fixture.client->send(
            calls::request("GET", "/api-public/v1/incidents/{incidentNumber}",
                QStringLiteral("/api-public/v1/incidents/999999")));
        QVERIFY(waitFor(missing));
        // Someone careless logs a key: it must not reach the file, nor the API id.
        qCWarning(lcLogTest).noquote() << "debugging with key" << fixture.ctx().options.apiKey
                                       << "and id" << fixture.ctx().options.apiId;

        const QString text = readAll(log.filePath());
        QVERIFY2(
            text.contains(QLatin1String("api GET /api-public/v1/user 200 ")), qPrintable(text));
        QVERIFY2(
            text.contains(QLatin1String("api GET /api-public/v1/incidents/{incidentNumber} 404 ")),
            qPrintable(text));
        QVERIFY(text.contains(QLatin1String(" ms not-found")));
        QVERIFY(text.contains(QLatin1String("debugging with key [redacted] and id [redacted]")));
        QVERIFY(!text.contains(fixture.ctx().options.apiKey));
        QVERIFY(!text.contains(fixture.ctx().options.apiId));
        QCOMPARE(QFileInfo(log.filePath()).permissions()
                & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    }

    void dropsMessagesBelowTheLevel()
    {
        QTemporaryDir dir;
        LogFile log(dir.path());
        log.install();
        log.setMinimumLevel(QtWarningMsg);
        qCInfo(lcLogTest) << "quiet info";
        qCWarning(lcLogTest) << "loud warning";
        const QString text = readAll(log.filePath());
        QVERIFY(!text.contains(QLatin1String("quiet info")));
        QVERIFY(text.contains(QLatin1String("rota.test warning: loud warning")));
    }

    void rotatesBySize()
    {
        QTemporaryDir dir;
        LogFile log(dir.path(), 4096, 2);
        const QString line(200, QLatin1Char('x'));
        for (int i = 0; i < 100; ++i)
            log.write(QStringLiteral("test"), line);
        QDir logs(dir.path());
        QVERIFY(logs.exists(QStringLiteral("rota.log")));
        QVERIFY(logs.exists(QStringLiteral("rota.1.log")));
        QVERIFY(logs.exists(QStringLiteral("rota.2.log")));
        QVERIFY(!logs.exists(QStringLiteral("rota.3.log")));
        for (const QString& name : logs.entryList(QDir::Files))
            QVERIFY2(QFileInfo(logs.filePath(name)).size() <= 4096, qPrintable(name));
    }

    // The folder and every file are the owner's only, whatever the umask, rotated files too; a
    // folder left open by an older version is closed.
    void ownerOnly()
    {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        QTemporaryDir dir;
        const mode_t previous = ::umask(0);
        const QString folder = dir.filePath(QStringLiteral("data/logs"));
        {
            LogFile log(folder, 4096, 2);
            const QString line(200, QLatin1Char('x'));
            for (int i = 0; i < 40; ++i)
                log.write(QStringLiteral("test"), line);
        }
        const QString older = dir.filePath(QStringLiteral("older"));
        QVERIFY(QDir().mkdir(older));
        QVERIFY(QFile::setPermissions(older, QFileDevice::Permissions(0x7777)));
        const LogFile again(older);
        ::umask(previous);
        QCOMPARE(QFileInfo(folder).permissions() & others, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(older).permissions() & others, QFileDevice::Permissions());
        const QDir logs(folder);
        QVERIFY(logs.exists(QStringLiteral("rota.1.log")));
        for (const QString& name : logs.entryList(QDir::Files))
            QCOMPARE(
                QFileInfo(logs.filePath(name)).permissions() & others, QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
