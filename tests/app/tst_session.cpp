// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The GUI session against rota-sim: first run asks to sign in and then connects; a start with an
// account reads its key (asynchronously) and connects; a missing key or a locked keychain brings
// the sign-in dialog back for that account with the reason; switching accounts from the Account
// menu replaces the client and resets the connection state; rename shows in the title; removing
// an account removes its key.
#include "accountmenu.h"
#include "accountstore.h"
#include "apiclient.h"
#include "connectionstatus.h"
#include "credentialcheck.h"
#include "logfile.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "sessioncontroller.h"
#include "settings.h"
#include "signindialog.h"
#include "simfixture.h"
#include "simservice.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>

using namespace rota;
using namespace rota::test;

Q_LOGGING_CATEGORY(lcSessionTest, "rota.test.session")

namespace {

//! A keychain that is locked: reads fail with the keychain's words.
class LockedSecretStore : public MemorySecretStore {
public:
    void read(const QString&, QObject* context, Done done) override
    {
        QTimer::singleShot(0, context, [done] {
            done(
                { SecretError::Denied, {}, QStringLiteral("The collection \"login\" is locked.") });
        });
    }
};

//! Runs `act` on the next modal dialog of type T as soon as it is up (the Account menu's
//! confirmations and inputs are modal and block in exec()).
template <typename T> void whenModal(std::function<void(T*)> act)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

QAbstractButton* buttonWithText(QMessageBox* box, const QString& text)
{
    const QList<QAbstractButton*> buttons = box->buttons();
    for (QAbstractButton* button : buttons) {
        if (button->text().remove(QLatin1Char('&')) == text)
            return button;
    }
    return nullptr;
}

SecretResult readSecret(SecretStore& store, const QString& id)
{
    QObject context;
    std::optional<SecretResult> answer;
    store.read(id, &context, [&answer](const SecretResult& result) { answer = result; });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 5000);
    return answer.value_or(SecretResult { SecretError::Other, {}, QStringLiteral("no answer") });
}

struct Bench {
    explicit Bench(SecretStore* keychainStore = nullptr)
        : settings(dir.filePath(QStringLiteral("rota.ini")), QSettings::IniFormat)
        , accounts(&settings)
        , preferences(&settings)
    {
        session = std::make_unique<SessionController>(
            &window, &accounts, keychainStore ? keychainStore : &keychain, &preferences);
        window.show();
    }
    ~Bench() { session.reset(); }

    Account addAccount(const QString& name, const QString& key, bool storeKey = true)
    {
        QString error;
        const std::optional<Account> account
            = accounts.save({ {}, name, fixture.ctx().options.apiId, fixture.demoUser(),
                                fixture.server->baseUrl() },
                &error);
        if (!account)
            qFatal("cannot save the account: %s", qPrintable(error));
        if (storeKey) {
            bool done = false;
            keychain.write(
                account->id, key, &window, [&done](const SecretResult&) { done = true; });
            (void)QTest::qWaitFor([&] { return done; }, 5000);
        }
        return *account;
    }

    SignInDialog* signInDialog() const
    {
        SignInDialog* dialog = window.findChild<SignInDialog*>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    SimFixture fixture;
    QTemporaryDir dir;
    QSettings settings;
    AccountStore accounts;
    Settings preferences;
    MemorySecretStore keychain;
    MainWindow window;
    std::unique_ptr<SessionController> session;
};

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstRunAsksToSignInThenConnects()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        bench.session->start();
        QTRY_VERIFY(bench.signInDialog());
        SignInDialog* dialog = bench.signInDialog();
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reasonLabel"))->isVisible());
        QVERIFY(!bench.session->client());
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota"));

        const QList<std::pair<QString, QString>> fields {
            { QStringLiteral("apiIdEdit"), QStringLiteral("rota-demo-id") },
            { QStringLiteral("apiKeyEdit"), QStringLiteral("rota-demo-key") },
            { QStringLiteral("usernameEdit"), bench.fixture.demoUser() },
            { QStringLiteral("nameEdit"), QStringLiteral("Northwind") },
            { QStringLiteral("baseUrlEdit"), bench.fixture.server->baseUrl().toString() },
        };
        for (const auto& [name, text] : fields) {
            auto* edit = dialog->findChild<QLineEdit*>(name);
            edit->selectAll();
            QTest::keyClicks(edit, text);
        }
        QSignalSpy changed(bench.session.get(), &SessionController::sessionChanged);
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bench.session->connectionStatus(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            bench.session->connectionStatus()->state(), ConnectionStatus::State::Online, 10000);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Northwind"));
        QCOMPARE(bench.session->client()->credentials().apiKey, QStringLiteral("rota-demo-key"));
        QCOMPARE(bench.accounts.accounts().size(), 1);
        QCOMPARE(bench.accounts.currentId(), bench.accounts.accounts().constFirst().id);
        QCOMPARE(readSecret(bench.keychain, bench.accounts.currentId()).secret,
            QStringLiteral("rota-demo-key"));
    }

    void startReadsTheKeyAndConnects()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const Account account
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        bench.session->start();
        // The key comes from the keychain's answer, later: nothing blocks while it is read.
        QVERIFY(!bench.session->client());
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Northwind"));
        QTRY_VERIFY(bench.session->connectionStatus());
        QTRY_COMPARE_WITH_TIMEOUT(
            bench.session->connectionStatus()->state(), ConnectionStatus::State::Online, 10000);
        QCOMPARE(bench.session->account()->id, account.id);
        QVERIFY(!bench.signInDialog());
    }

    void missingKeyAsksAgainForThatAccount()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        bench.addAccount(QStringLiteral("Northwind"), QString(), false);
        bench.session->start();
        QTRY_VERIFY(bench.signInDialog());
        SignInDialog* dialog = bench.signInDialog();
        auto* reason = dialog->findChild<QLabel*>(QStringLiteral("reasonLabel"));
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("no API key for \"Northwind\"")),
            qPrintable(reason->text()));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->text(),
            QStringLiteral("Northwind"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->text(),
            bench.fixture.demoUser());
        QVERIFY(!bench.session->client());
    }

    void lockedKeychainSaysSoAndOffersToSignIn()
    {
        LockedSecretStore locked;
        Bench bench(&locked);
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        bench.addAccount(QStringLiteral("Northwind"), QString(), false);
        bench.session->start();
        QTRY_VERIFY(bench.signInDialog());
        const QString reason
            = bench.signInDialog()->findChild<QLabel*>(QStringLiteral("reasonLabel"))->text();
        QVERIFY2(reason.contains(QStringLiteral("The collection \"login\" is locked.")),
            qPrintable(reason));
        QVERIFY(reason.contains(QStringLiteral("Unlock the keychain")));
    }

    void switchingReplacesTheClientAndResetsTheState()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const Account good
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        const Account bad
            = bench.addAccount(QStringLiteral("Contoso"), QStringLiteral("a-revoked-key"));
        bench.accounts.setCurrentId(good.id);
        bench.session->start();
        QTRY_VERIFY(bench.session->connectionStatus());
        QTRY_COMPARE_WITH_TIMEOUT(
            bench.session->connectionStatus()->state(), ConnectionStatus::State::Online, 10000);
        const QPointer<ApiClient> oldClient = bench.session->client();

        auto* menu = bench.window.findChild<AccountMenu*>();
        QVERIFY(menu);
        // In the menu bar before Help, and Ctrl+Shift+A opens it.
        const QList<QAction*> bar = bench.window.menuBar()->actions();
        QVERIFY(bar.indexOf(menu->menuAction()) >= 0);
        QCOMPARE(bar.indexOf(menu->menuAction()), bar.size() - 2);
        auto* openMenu = bench.window.findChild<QAction*>(QStringLiteral("switchAccountAction"));
        QVERIFY(openMenu->isEnabled());
        QCOMPARE(openMenu->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        QCOMPARE(menu->accountActions().size(), 2);
        QVERIFY(menu->accountActions().at(0)->isChecked());
        QVERIFY(menu->accountActions().at(1)->text().contains(QStringLiteral("Contoso")));

        QSignalSpy changed(bench.session.get(), &SessionController::sessionChanged);
        menu->accountActions().at(1)->trigger();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(bench.session->account()->id, bad.id);
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Contoso"));
        QCOMPARE(bench.accounts.currentId(), bad.id);
        QTRY_VERIFY(oldClient.isNull()); // the old client is gone, not left polling
        QTRY_VERIFY(bench.session->connectionStatus());
        QVERIFY(bench.session->connectionStatus()->state() != ConnectionStatus::State::Online);
        QTRY_COMPARE_WITH_TIMEOUT(
            bench.session->connectionStatus()->state(), ConnectionStatus::State::AuthFailed, 10000);
        QCOMPARE(bench.session->client()->credentials().apiKey, QStringLiteral("a-revoked-key"));
        QTRY_VERIFY(
            menu->accountActions().size() == 2 && menu->accountActions().at(1)->isChecked());
    }

    void renameShowsInTheTitle()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const Account account
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        bench.session->start();
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Northwind"));
        QString error;
        QVERIFY(bench.accounts.rename(account.id, QStringLiteral("Northwind (prod)"), &error));
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Northwind (prod)"));
    }

    void theAccountMenuConfirmsRemovingAndRenames()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const Account account
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        bench.session->start();
        auto* menu = bench.window.findChild<AccountMenu*>();

        // Rename through the menu's input dialog.
        whenModal<QInputDialog>([](QInputDialog* input) {
            input->setTextValue(QStringLiteral("Northwind (prod)"));
            input->accept();
        });
        menu->renameAccountAction()->trigger();
        QCOMPARE(bench.accounts.find(account.id)->name, QStringLiteral("Northwind (prod)"));
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Northwind (prod)"));

        // Saying no keeps everything.
        QString question;
        whenModal<QMessageBox>([&question](QMessageBox* box) {
            question = box->text() + QLatin1Char(' ') + box->informativeText();
            box->button(QMessageBox::Cancel)->click();
        });
        menu->removeAccountAction()->trigger();
        QVERIFY2(question.contains(QStringLiteral("Remove the account \"Northwind (prod)\"?")),
            qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("deletes its API key from the system keychain")));
        QCOMPARE(bench.accounts.accounts().size(), 1);
        QVERIFY(readSecret(bench.keychain, account.id).ok());

        // Confirming removes the account and its key.
        whenModal<QMessageBox>([](QMessageBox* box) {
            QAbstractButton* remove = buttonWithText(box, QStringLiteral("Remove"));
            QVERIFY(remove);
            remove->click();
        });
        menu->removeAccountAction()->trigger();
        QVERIFY(bench.accounts.accounts().isEmpty());
        QCOMPARE(readSecret(bench.keychain, account.id).error, SecretError::NotFound);
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota"));
    }

    void removingAnAccountRemovesItsKeyAndSwitches()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const Account first
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        const Account second
            = bench.addAccount(QStringLiteral("Contoso"), QStringLiteral("rota-demo-key"));
        bench.accounts.setCurrentId(first.id);
        bench.session->start();
        QTRY_VERIFY(bench.session->connectionStatus());

        bench.session->removeAccount(first.id);
        QCOMPARE(bench.accounts.accounts().size(), 1);
        QCOMPARE(readSecret(bench.keychain, first.id).error, SecretError::NotFound);
        QVERIFY(readSecret(bench.keychain, second.id).ok());
        QCOMPARE(bench.session->account()->id, second.id);
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota — Contoso"));
        QTRY_VERIFY(bench.session->connectionStatus());

        bench.session->removeAccount(second.id);
        QVERIFY(bench.accounts.accounts().isEmpty());
        QVERIFY(!bench.session->client());
        QCOMPARE(bench.window.windowTitle(), QStringLiteral("Rota"));
        auto* menu = bench.window.findChild<AccountMenu*>();
        QVERIFY(menu->accountActions().isEmpty());
        QVERIFY(!menu->removeAccountAction()->isEnabled());
    }

    //! The key and API ID typed at sign-in are redacted from the log from the first request on,
    //! also when the check fails and no session ever starts. Here what writes them into the log
    //! is a server in the same process that logs the request it received, headers and all.
    void signInSecretsAreRedactedFromTheFirstExchange()
    {
        QTemporaryDir logs;
        QVERIFY(logs.isValid());
        LogFile log(logs.path());
        log.install();
        log.setMinimumLevel(QtDebugMsg);

        int requests = 0;
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server, &requests] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                    if (!socket->peek(8192).contains("\r\n\r\n"))
                        return;
                    ++requests;
                    qCWarning(lcSessionTest).noquote()
                        << "test server received:" << QString::fromUtf8(socket->readAll());
                    const QByteArray body = R"({"message":"Invalid credentials"})";
                    socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });

        Bench bench;
        connect(bench.session.get(), &SessionController::secretsInUse, &log, &LogFile::addSecrets);
        bench.session->start();
        QTRY_VERIFY(bench.signInDialog());
        SignInDialog* dialog = bench.signInDialog();
        const QString key
            = QStringLiteral("typed-key-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString apiId
            = QStringLiteral("typed-id-") + QUuid::createUuid().toString(QUuid::Id128);
        const QList<std::pair<QString, QString>> fields {
            { QStringLiteral("apiIdEdit"), apiId },
            { QStringLiteral("apiKeyEdit"), key },
            { QStringLiteral("usernameEdit"), QStringLiteral("ada") },
            { QStringLiteral("baseUrlEdit"),
                QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()) },
        };
        for (const auto& [name, text] : fields) {
            auto* edit = dialog->findChild<QLineEdit*>(name);
            edit->selectAll();
            QTest::keyClicks(edit, text);
        }
        QSignalSpy checked(dialog, &SignInDialog::checkFinished);
        QTest::mouseClick(
            dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 20000);
        QCOMPARE(dialog->lastResult().outcome, CredentialCheck::Outcome::BadCredentials);
        QVERIFY(requests >= 1);
        QVERIFY(!bench.session->client());

        QFile file(log.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QLatin1String("test server received:")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("X-VO-Api-Key: [redacted]")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("X-VO-Api-Id: [redacted]")), qPrintable(text));
        QVERIFY(!text.contains(key));
        QVERIFY(!text.contains(apiId));
    }

    // Switching accounts while calls are in flight leaves no replies behind: each session's
    // client drops its pending replies when it goes, so across 100 switches against a slow
    // service the replies alive stay those of about one session, and none once all is closed.
    void liveRepliesStayBoundedAcross100Switches()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        const QString key = bench.fixture.ctx().options.apiKey;
        const Account ops = bench.addAccount(QStringLiteral("Ops"), key);
        const Account staging = bench.addAccount(QStringLiteral("Staging"), key);
        std::unique_ptr<Workspace> workspace; // goes before the session's client, as in RotaApp
        QObject::connect(bench.session.get(), &SessionController::sessionChanged, [&] {
            workspace.reset();
            if (bench.session->client()) {
                workspace = std::make_unique<Workspace>(bench.session->client(), &bench.preferences,
                    &bench.window, bench.session->connectionStatus());
                workspace->start();
            }
        });
        // Every answer takes seconds: each switch leaves the calls of the session before it
        // unanswered.
        QVERIFY(!bench.fixture.server->service().faults().parse(QStringLiteral("slow,ms=3000")));
        const int before = ApiClient::liveReplies();
        int peak = 0;
        for (int i = 0; i < 100; ++i) {
            bench.session->switchTo(i % 2 == 0 ? ops.id : staging.id);
            QVERIFY(QTest::qWaitFor([&workspace] { return workspace != nullptr; }, 5000));
            QTest::qWait(5); // the new session sends its first calls
            const int live = ApiClient::liveReplies() - before;
            peak = qMax(peak, live);
            // One session starts a few dozen calls; a leak would add that much at every switch.
            QVERIFY2(live < 60,
                qPrintable(QStringLiteral("%1 replies alive after %2 switches")
                               .arg(QString::number(live), QString::number(i + 1))));
        }
        QVERIFY(peak > 0); // calls were in flight at the switches
        workspace.reset();
        bench.session.reset();
        QTRY_COMPARE(ApiClient::liveReplies(), before);
        qInfo("at most %d replies alive at once across 100 switches", peak);
    }

    //! An account whose extra certificate authority cannot be read is not connected without it:
    //! the sign-in dialog comes back for it and says why in words.
    void unreadableCaFileAsksToSignInAgain()
    {
        Bench bench;
        QVERIFY2(bench.fixture.started, qPrintable(bench.fixture.startError));
        Account account
            = bench.addAccount(QStringLiteral("Northwind"), QStringLiteral("rota-demo-key"));
        account.caFile = bench.dir.filePath(QStringLiteral("gone-proxy-ca.pem"));
        QString error;
        QVERIFY2(bench.accounts.save(account, &error), qPrintable(error));
        bench.session->start();
        QTRY_VERIFY(bench.signInDialog());
        QVERIFY(!bench.session->client());
        auto* reason = bench.signInDialog()->findChild<QLabel*>(QStringLiteral("reasonLabel"));
        QVERIFY2(reason->text().contains(QLatin1String("extra certificate authority")),
            qPrintable(reason->text()));
        QVERIFY2(
            reason->text().contains(QLatin1String("does not exist")), qPrintable(reason->text()));
        QCOMPARE(bench.signInDialog()->findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->text(),
            account.caFile);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
