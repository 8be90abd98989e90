// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Secrets never on disk: in a throw-away HOME, sign in through the dialog, run a session against
// rota-sim (refreshes, an acknowledgement, a settings change, errors, the log file), then read
// every file written under HOME and fail if the API key appears in any of them.
#include "apiclient.h"
#include "calls.h"
#include "connectionstatus.h"
#include "incidents.h"
#include "logfile.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "sessioncontroller.h"
#include "settings.h"
#include "signindialog.h"
#include "simfixture.h"
#include "simservice.h"

#include <QApplication>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {
const QString Key = QStringLiteral("canary-key-7f3e9a2b5c1d");
QString g_home;
} // namespace

class TestNoLeak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyIsInNoFileUnderHome()
    {
        sim::SimOptions options;
        options.apiKey = Key;
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));

        {
            LogFile log(LogFile::defaultDirectory());
            log.install();
            log.setMinimumLevel(QtDebugMsg);
            QVERIFY(log.filePath().startsWith(g_home));

            MainWindow window;
            AccountStore accounts;
            MemorySecretStore keychain; // the real keychain keeps its (encrypted) files elsewhere
            Settings settings;
            SessionController session(&window, &accounts, &keychain, &settings);
            QObject::connect(&session, &SessionController::sessionChanged, &log,
                [&log, &session] { log.watch(session.client()); });
            window.show();
            session.start();

            // Sign in through the dialog, as a user would.
            SignInDialog* dialog = nullptr;
            QTRY_VERIFY((dialog = window.findChild<SignInDialog*>()) != nullptr);
            const QList<std::pair<QString, QString>> fields {
                { QStringLiteral("apiIdEdit"), options.apiId },
                { QStringLiteral("apiKeyEdit"), Key },
                { QStringLiteral("usernameEdit"), fixture.demoUser() },
                { QStringLiteral("nameEdit"), QStringLiteral("Northwind") },
                { QStringLiteral("baseUrlEdit"), fixture.server->baseUrl().toString() },
            };
            for (const auto& [name, text] : fields) {
                auto* edit = dialog->findChild<QLineEdit*>(name);
                QVERIFY2(edit, qPrintable(name));
                edit->selectAll();
                QTest::keyClicks(edit, text);
            }
            QTest::mouseClick(
                dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(session.connectionStatus(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(
                session.connectionStatus()->state(), ConnectionStatus::State::Online, 10000);
            ApiClient* client = session.client();
            QVERIFY(client);

            // Refreshes and an action.
            for (int i = 0; i < 3; ++i) {
                auto list = calls::listIncidents(*client, RequestScheduler::Priority::Background);
                ROTA_EXPECT_OK(list);
            }
            auto incidents = calls::listIncidents(*client);
            ROTA_EXPECT_OK(incidents);
            QString open;
            for (const Incident& incident : incidents.value().incidents)
                if (incident.phase == Phase::Triggered)
                    open = incident.incidentNumber;
            QVERIFY(!open.isEmpty());
            auto ack = calls::ackIncidents(
                *client, { fixture.demoUser(), { open }, QStringLiteral("on it") });
            ROTA_EXPECT_OK(ack);

            // A settings change.
            Preferences preferences = settings.preferences();
            preferences.refreshSeconds = 45;
            QString error;
            QVERIFY2(settings.setPreferences(preferences, &error), qPrintable(error));

            // Errors: a missing incident and a server failure, both logged.
            auto missing = calls::getIncident(*client, QStringLiteral("999999"));
            QVERIFY(waitFor(missing.reply));
            QCOMPARE(missing.reply->error().kind, ApiErrorKind::NotFound);
            fixture.server->service().faults().parse(QStringLiteral("error,status=500,count=5"));
            auto failing = calls::listIncidents(*client);
            QVERIFY(waitFor(failing.reply));
            QCOMPARE(failing.reply->error().kind, ApiErrorKind::Server);
            qWarning().noquote() << "a careless line with the key" << Key;
            QVERIFY(QFile::exists(log.filePath()));
        }

        // Everything written under HOME: config, data, cache, logs.
        int files = 0;
        QStringList leaks;
        QDirIterator it(
            g_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray bytes = file.readAll();
            if (bytes.contains(Key.toUtf8())
                || bytes.contains(
                    QByteArray(reinterpret_cast<const char*>(Key.utf16()), Key.size() * 2)))
                leaks.append(path);
        }
        QVERIFY2(files >= 2,
            qPrintable(QStringLiteral("only %1 files under HOME")
                           .arg(files))); // settings and log at least
        QVERIFY2(leaks.isEmpty(),
            qPrintable(QStringLiteral("the key is in: ") + leaks.join(QStringLiteral(", "))));
    }
};

int main(int argc, char* argv[])
{
    // A fresh HOME before Qt reads any path from it.
    QTemporaryDir home;
    g_home = home.path();
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toUtf8());
    qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/.cache")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rota"));
    QApplication::setApplicationName(QStringLiteral("rota"));
    TestNoLeak test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_noleak.moc"
