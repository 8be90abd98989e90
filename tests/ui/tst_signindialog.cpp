// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The sign-in dialog as a user meets it, against a real rota-sim over HTTP: a good key is saved
// (account in settings, key in the secret store and nowhere else), a bad key, an unknown user, a
// read-only key, plain http to a remote host, no network, throttling, a keychain that fails (the
// in-memory offer), cancelling a check, and signing in again to an existing account.
#include "accountstore.h"
#include "credentialcheck.h"
#include "secretstore.h"
#include "signindialog.h"
#include "simfixture.h"

#include <QApplication>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace rota;
using namespace rota::test;

namespace {

//! A keychain that is not there: every write fails with the words a missing Secret Service gives.
class FailingSecretStore : public SecretStore {
public:
    static constexpr const char* Words
        = "The name org.freedesktop.secrets was not provided by any .service files";
    SecretError error = SecretError::Unavailable;
    int writes = 0;

    void read(const QString&, QObject* context, Done done) override { fail(context, done); }
    void write(const QString&, const QString&, QObject* context, Done done) override
    {
        ++writes;
        fail(context, done);
    }
    void remove(const QString&, QObject* context, Done done) override { fail(context, done); }
    bool isVolatile() const override { return false; }

private:
    void fail(QObject* context, Done done)
    {
        QTimer::singleShot(0, context, [this, done] {
            done({ error, QString(), QString::fromLatin1(Words) });
        });
    }
};

//! Reads a secret synchronously for the test (the stores answer from the event loop).
SecretResult readSecret(SecretStore& store, const QString& id)
{
    QObject context;
    std::optional<SecretResult> answer;
    store.read(id, &context, [&answer](const SecretResult& result) { answer = result; });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 5000);
    return answer.value_or(SecretResult { SecretError::Other, {}, QStringLiteral("no answer") });
}

//! One dialog with its stores, settings in a temporary file and a simulator.
struct Bench {
    explicit Bench(sim::SimOptions options = {})
        : fixture(std::move(options))
        , settings(dir.filePath(QStringLiteral("rota.ini")), QSettings::IniFormat)
        , accounts(&settings)
    {
        fixture.network.setProxy(QNetworkProxy::NoProxy);
    }

    SignInDialog& dialog(SecretStore* keychainStore = nullptr)
    {
        m_dialog
            = std::make_unique<SignInDialog>(&accounts, keychainStore ? keychainStore : &keychain,
                &memory, new CredentialCheck(&fixture.network));
        m_dialog->check()->setRetryBaseDelay(10);
        m_dialog->show();
        return *m_dialog;
    }

    void fill(const QString& apiId, const QString& key, const QString& username,
        const QString& baseUrl = QString())
    {
        set(QStringLiteral("apiIdEdit"), apiId);
        set(QStringLiteral("apiKeyEdit"), key);
        set(QStringLiteral("usernameEdit"), username);
        set(QStringLiteral("baseUrlEdit"),
            baseUrl.isEmpty() ? fixture.server->baseUrl().toString() : baseUrl);
    }

    void fillGood(const QString& key = QStringLiteral("rota-demo-key"))
    {
        fill(fixture.ctx().options.apiId, key, fixture.demoUser());
    }

    void set(const QString& name, const QString& text)
    {
        auto* edit = m_dialog->findChild<QLineEdit*>(name);
        QVERIFY2(edit, qPrintable(name));
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        if (!text.isEmpty())
            QTest::keyClicks(edit, text);
    }

    QPushButton* button(const char* name) const
    {
        return m_dialog->findChild<QPushButton*>(QLatin1String(name));
    }
    QString status() const
    {
        return m_dialog->findChild<QLabel*>(QStringLiteral("statusLabel"))->text();
    }

    QByteArray settingsFile()
    {
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    SimFixture fixture;
    QTemporaryDir dir;
    QSettings settings;
    AccountStore accounts;
    MemorySecretStore keychain;
    MemorySecretStore memory;
    std::unique_ptr<SignInDialog> m_dialog;
};

} // namespace

class TestSignInDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<CredentialCheck::Result>(); }

    void goodKeySavesTheAccountAndTheKeyOnlyInTheSecretStore()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The base URL lives under "Advanced", collapsed at first, with the vendor's default.
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("advancedBox"))->isVisible());
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("baseUrlEdit"))->text(),
            QStringLiteral("https://api.victorops.com"));
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->echoMode(),
            QLineEdit::Password);

        bench.fillGood();
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        // Busy while it checks, and the fields stay usable.
        QVERIFY(dialog.findChild<QProgressBar*>(QStringLiteral("progress"))->isVisible());
        QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->isReadOnly());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(checked.count(), 1);
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::Ok);

        const QList<Account> accounts = bench.accounts.accounts();
        QCOMPARE(accounts.size(), 1);
        const Account& account = accounts.constFirst();
        QCOMPARE(account.apiId, QStringLiteral("rota-demo-id"));
        QCOMPARE(account.username, bench.fixture.demoUser());
        QCOMPARE(account.name, bench.fixture.demoUser()); // the name defaults to the username
        QCOMPARE(account.baseUrl, bench.fixture.server->baseUrl());
        QCOMPARE(dialog.account(), account);
        QCOMPARE(dialog.apiKey(), QStringLiteral("rota-demo-key"));
        QVERIFY(!dialog.keptInMemory());

        const SecretResult stored = readSecret(bench.keychain, account.id);
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QCOMPARE(stored.secret, QStringLiteral("rota-demo-key"));
        QCOMPARE(readSecret(bench.memory, account.id).error, SecretError::NotFound);
        const QByteArray file = bench.settingsFile();
        QVERIFY(file.contains("rota-demo-id"));
        QVERIFY(!file.contains("rota-demo-key"));
    }

    void testConnectionSaysTheKeyWorksAndSavesNothing()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::Ok);
        QVERIFY2(bench.status().contains(QStringLiteral("can read and make changes")),
            qPrintable(bench.status()));
        QVERIFY(bench.status().contains(bench.fixture.demoUser()));
        QVERIFY(!dialog.findChild<QProgressBar*>(QStringLiteral("progress"))->isVisible());
        QVERIFY(dialog.isVisible());
        QVERIFY(bench.accounts.accounts().isEmpty());
    }

    void badKeyIsExplainedAndNothingIsSaved()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood(QStringLiteral("not-the-key"));
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::BadCredentials);
        QVERIFY2(bench.status().contains(QStringLiteral("refused the API ID or the API key")),
            qPrintable(bench.status()));
        QTest::qWait(100);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(bench.accounts.accounts().isEmpty());
        QVERIFY(!bench.settingsFile().contains("not-the-key"));
        QVERIFY(bench.button("signInButton")->isEnabled());
    }

    void unknownUsernameIsExplained()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fill(QStringLiteral("rota-demo-id"), QStringLiteral("rota-demo-key"),
            QStringLiteral("nobody.here"));
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::UnknownUser);
        QVERIFY2(bench.status().contains(QStringLiteral("no user \"nobody.here\"")),
            qPrintable(bench.status()));
    }

    void readOnlyKeyIsWarnedAboutAndMaySignInAfterwards()
    {
        sim::SimOptions options;
        options.readOnlyKeys = QStringList { QStringLiteral("ro-key") };
        Bench bench(options);
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood(QStringLiteral("ro-key"));
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::ReadOnly);
        QVERIFY2(bench.status().contains(QStringLiteral("the key is read-only")),
            qPrintable(bench.status()));
        QVERIFY(bench.status().contains(QStringLiteral("will be disabled")));
        // The warning is shown, not skipped past: nothing saved yet, the button says what it does.
        QTest::qWait(100);
        QVERIFY(dialog.isVisible());
        QVERIFY(bench.accounts.accounts().isEmpty());
        QVERIFY(bench.button("signInButton")->text().contains(QStringLiteral("read-only")));

        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(checked.count(), 1); // the details just checked are not checked again
        QCOMPARE(bench.accounts.accounts().size(), 1);
        QCOMPARE(readSecret(bench.keychain, dialog.account().id).secret, QStringLiteral("ro-key"));
    }

    void plainHttpToARemoteHostIsRefusedBeforeAnythingIsSent()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fill(QStringLiteral("rota-demo-id"), QStringLiteral("rota-demo-key"),
            QStringLiteral("maya"), QStringLiteral("http://example.com"));
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY2(bench.status().contains(QStringLiteral("Plain http")), qPrintable(bench.status()));
        QVERIFY(bench.status().contains(QStringLiteral("unencrypted")));
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("advancedBox"))->isVisible());
        QVERIFY(!dialog.check()->isRunning());
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(!dialog.check()->isRunning());
        QTest::qWait(200);
        QCOMPARE(checked.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(bench.accounts.accounts().isEmpty());
        QCOMPARE(readSecret(bench.keychain, QStringLiteral("any")).error, SecretError::NotFound);

        // https to the same host would be fine; http to this computer is too (a local simulator).
        QString error;
        QVERIFY(!ApiClient::isUrlAllowed(QUrl(QStringLiteral("http://example.com")), &error));
        QVERIFY(ApiClient::isUrlAllowed(bench.fixture.server->baseUrl(), &error));
    }

    void missingFieldsAreNamed()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fill(QStringLiteral("rota-demo-id"), QString(), bench.fixture.demoUser());
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QCOMPARE(bench.status(), QStringLiteral("Enter the API key."));
        QVERIFY(!dialog.check()->isRunning());
    }

    void noNetworkIsExplained()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        // A port nobody listens on: the connection is refused.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        SignInDialog& dialog = bench.dialog();
        bench.fill(QStringLiteral("rota-demo-id"), QStringLiteral("rota-demo-key"),
            bench.fixture.demoUser(), QStringLiteral("http://127.0.0.1:%1").arg(port));
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY(checked.wait(15000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::Network);
        QVERIFY2(bench.status().contains(QStringLiteral("Cannot reach 127.0.0.1:%1").arg(port)),
            qPrintable(bench.status()));
        QVERIFY(bench.status().contains(QStringLiteral("network connection")));
    }

    void throttlingIsExplained()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("throttle,path=/api-public/v1/incidents/ack");
        Bench bench(options);
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::Throttled);
        QVERIFY2(bench.status().contains(QStringLiteral("rate limit")), qPrintable(bench.status()));
        QVERIFY(bench.status().contains(QStringLiteral("Wait a minute")));
    }

    void keychainFailureOffersToKeepTheKeyInMemory()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        FailingSecretStore keychain;
        SignInDialog& dialog = bench.dialog(&keychain);
        bench.fillGood();
        QSignalSpy failed(&dialog, &SignInDialog::keychainFailed);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QCOMPARE(keychain.writes, 1);

        auto* panel = dialog.findChild<QFrame*>(QStringLiteral("keychainPanel"));
        QVERIFY(panel->isVisible());
        const QString words = dialog.findChild<QLabel*>(QStringLiteral("keychainLabel"))->text();
        QVERIFY2(words.contains(QLatin1String(FailingSecretStore::Words)), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("for this run only")));
        QVERIFY(bench.button("keepInMemoryButton")->isVisible());
        QVERIFY(!bench.button("signInButton")->isEnabled());
        QVERIFY(bench.accounts.accounts().isEmpty());

        QTest::mouseClick(bench.button("keepInMemoryButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
        QVERIFY(dialog.keptInMemory());
        QCOMPARE(bench.accounts.accounts().size(), 1);
        const SecretResult kept = readSecret(bench.memory, dialog.account().id);
        QVERIFY(kept.ok());
        QCOMPARE(kept.secret, QStringLiteral("rota-demo-key"));
        QVERIFY(!bench.settingsFile().contains("rota-demo-key"));
    }

    void keychainFailureCanBeCancelled()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        FailingSecretStore keychain;
        keychain.error = SecretError::Denied;
        SignInDialog& dialog = bench.dialog(&keychain);
        bench.fillGood();
        QSignalSpy failed(&dialog, &SignInDialog::keychainFailed);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QTest::mouseClick(bench.button("keychainCancelButton"), Qt::LeftButton);
        QVERIFY(!dialog.findChild<QFrame*>(QStringLiteral("keychainPanel"))->isVisible());
        QVERIFY(bench.status().contains(QStringLiteral("not stored")));
        QVERIFY(dialog.isVisible());
        QVERIFY(bench.accounts.accounts().isEmpty());
        QVERIFY(bench.button("signInButton")->isEnabled());
    }

    void cancelStopsARunningCheck()
    {
        sim::SimOptions options;
        options.faults = QStringLiteral("slow,ms=3000");
        Bench bench(options);
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);

        // Editing a field while a check runs stops it: its answer would be about other details.
        QTest::mouseClick(bench.button("testButton"), Qt::LeftButton);
        QVERIFY(dialog.check()->isRunning());
        QCOMPARE(bench.button("testButton")->text(), QStringLiteral("S&top test"));
        QTest::keyClicks(
            dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("x"));
        QVERIFY(!dialog.check()->isRunning());
        QCOMPARE(checked.count(), 1);
        QCOMPARE(dialog.lastResult().outcome, CredentialCheck::Outcome::Cancelled);

        // Cancel closes the dialog and abandons the check; nothing is saved.
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY(dialog.check()->isRunning());
        QTest::mouseClick(bench.button("cancelButton"), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.check()->isRunning());
        QTest::qWait(3500);
        QCOMPARE(checked.count(), 2);
        QVERIFY(bench.accounts.accounts().isEmpty());
    }

    void takenNameIsRefused()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        QString error;
        QVERIFY(bench.accounts.save({ {}, QStringLiteral("Northwind"), QStringLiteral("id"),
                                        QStringLiteral("someone"), QUrl() },
            &error));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        bench.set(QStringLiteral("nameEdit"), QStringLiteral("northwind"));
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY2(bench.status().contains(QStringLiteral("already an account named \"Northwind\"")),
            qPrintable(bench.status()));
        QVERIFY(!dialog.check()->isRunning());
        QCOMPARE(bench.accounts.accounts().size(), 1);
    }

    void signingInAgainUpdatesTheAccount()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        QString error;
        const std::optional<Account> saved
            = bench.accounts.save({ {}, QStringLiteral("Northwind"), QStringLiteral("rota-demo-id"),
                                      bench.fixture.demoUser(), bench.fixture.server->baseUrl() },
                &error);
        QVERIFY2(saved, qPrintable(error));
        SignInDialog& dialog = bench.dialog();
        dialog.editAccount(*saved, QStringLiteral("The keychain has no key for Northwind."));
        auto* reason = dialog.findChild<QLabel*>(QStringLiteral("reasonLabel"));
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("The keychain has no key for Northwind."));
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->text(),
            bench.fixture.demoUser());
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->text().isEmpty());
        // A non-default base URL is shown, not hidden under a collapsed "Advanced".
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("advancedBox"))->isVisible());

        bench.set(QStringLiteral("apiKeyEdit"), QStringLiteral("rota-demo-key"));
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(bench.accounts.accounts().size(), 1);
        QCOMPARE(dialog.account().id, saved->id);
        QCOMPARE(dialog.account().name, QStringLiteral("Northwind"));
        QCOMPARE(readSecret(bench.keychain, saved->id).secret, QStringLiteral("rota-demo-key"));
    }

    //! "Trust an extra certificate authority" under Advanced: a file that cannot be used is
    //! refused in words before anything is sent; a PEM file is kept with the account, and
    //! shown again when the account signs in again.
    // The optional organisation of the web app: a pasted address gives its slug, kept with the
    // account and shown again when signing in again.
    void webAppOrganisationIsKeptWithTheAccount()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        QVERIFY(dialog.webAppSlugEdit()->isVisible());
        QVERIFY(dialog.webAppSlugEdit()->toolTip().contains(QLatin1String("/ui/")));
        bench.set(QStringLiteral("webAppSlugEdit"),
            QStringLiteral("https://portal.victorops.com/ui/northwind-labs/incidents"));
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(dialog.account().webAppSlug, QStringLiteral("northwind-labs"));
        const Account saved = bench.accounts.accounts().value(0);
        QCOMPARE(saved.webAppSlug, QStringLiteral("northwind-labs"));

        SignInDialog& again = bench.dialog();
        again.editAccount(saved, QStringLiteral("Sign in again"));
        QCOMPARE(again.webAppSlugEdit()->text(), QStringLiteral("northwind-labs"));
    }

    void extraCertificateAuthorityIsKeptWithTheAccount()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is needed to make a certificate");
        QTemporaryDir certs;
        QVERIFY(certs.isValid());
        const QString pem = certs.filePath(QStringLiteral("proxy-ca.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Rota test CA"),
                QStringLiteral("-keyout"), certs.filePath(QStringLiteral("key.pem")),
                QStringLiteral("-out"), pem });
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        SignInDialog& dialog = bench.dialog();
        bench.fillGood();
        QTest::mouseClick(
            dialog.findChild<QToolButton*>(QStringLiteral("advancedToggle")), Qt::LeftButton);
        auto* caFile = dialog.findChild<QLineEdit*>(QStringLiteral("caFileEdit"));
        QVERIFY(caFile->isVisible());
        // Its label is the edit's buddy: Alt+C reaches it, and no '&' shows.
        bool labelled = false;
        for (const QLabel* label : dialog.findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("certificate authority:")))
                labelled = label->buddy() == caFile;
        }
        QVERIFY(labelled);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("caFileButton"))->isVisible());

        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        bench.set(QStringLiteral("caFileEdit"), certs.filePath(QStringLiteral("missing.pem")));
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QVERIFY2(
            bench.status().contains(QLatin1String("does not exist")), qPrintable(bench.status()));
        QTest::qWait(50);
        QCOMPARE(checked.count(), 0);
        QVERIFY(bench.accounts.accounts().isEmpty());

        bench.set(QStringLiteral("caFileEdit"), pem);
        QTest::mouseClick(bench.button("signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(dialog.account().caFile, pem);
        QCOMPARE(bench.accounts.accounts().size(), 1);
        const Account saved = bench.accounts.accounts().constFirst();
        QCOMPARE(saved.caFile, pem);

        SignInDialog& again = bench.dialog();
        again.editAccount(saved, QStringLiteral("Sign in again"));
        QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->text(), pem);
        QVERIFY(again.findChild<QWidget*>(QStringLiteral("advancedBox"))->isVisible());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
