// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// KeychainSecretStore against the real OS keychain (the Secret Service on the session bus): a
// round trip with a unique account id, checked with secret-tool too. Without a keychain the round
// trip skips, or fails when ROTA_REQUIRE_KEYCHAIN=1 (scripts/headless, so CI, sets it). The error
// mapping and the callback contract are tested whatever the environment.

#include "keychainsecretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace rota;

Q_DECLARE_METATYPE(QKeychain::Error)
Q_DECLARE_METATYPE(rota::SecretError)

namespace {

constexpr int kWaitMs = 60000;

bool keychainRequired() { return qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1; }

const char* errorName(SecretError error)
{
    switch (error) {
    case SecretError::None:
        return "None";
    case SecretError::NotFound:
        return "NotFound";
    case SecretError::Unavailable:
        return "Unavailable";
    case SecretError::Denied:
        return "Denied";
    case SecretError::Other:
        break;
    }
    return "Other";
}

QString describe(const SecretResult& result)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(errorName(result.error)), result.message);
}

//! secret-tool's view of the entry (libsecret-tools), or nullopt when secret-tool is missing.
std::optional<QString> secretToolLookup(const QString& accountId)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (tool.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(tool,
        { QStringLiteral("lookup"), QStringLiteral("user"), accountId, QStringLiteral("server"),
            QLatin1String(KeychainSecretStore::ServiceName) });
    if (!process.waitForFinished(30000))
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private:
    KeychainSecretStore m_store;
    QString m_accountId;

    //! Runs one store call to its answer (the callback must come, once, from the event loop).
    template <typename Start> std::optional<SecretResult> call(Start start)
    {
        auto answers = std::make_shared<QList<SecretResult>>();
        start([answers](const SecretResult& result) { answers->append(result); });
        if (!answers->isEmpty())
            return std::nullopt; // answered inside the call: not allowed
        if (!QTest::qWaitFor([&answers] { return !answers->isEmpty(); }, kWaitMs))
            return std::nullopt;
        QTest::qWait(50); // a second answer would show now
        if (answers->size() != 1)
            return std::nullopt;
        return answers->first();
    }

    std::optional<SecretResult> read()
    {
        return call([this](SecretStore::Done done) { m_store.read(m_accountId, this, done); });
    }
    std::optional<SecretResult> write(const QString& secret)
    {
        return call([this, secret](SecretStore::Done done) {
            m_store.write(m_accountId, secret, this, done);
        });
    }
    std::optional<SecretResult> remove()
    {
        return call([this](SecretStore::Done done) { m_store.remove(m_accountId, this, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The store's own limit is shorter than the test's wait, so a hung keychain is an answer.
        m_store.setTimeout(30000);
        QVERIFY(!m_store.isVolatile());
    }

    void cleanup()
    {
        // Leave nothing behind in the keychain, whatever failed.
        if (!m_accountId.isEmpty())
            remove();
        m_accountId.clear();
    }

    void errorMapping_data()
    {
        QTest::addColumn<QKeychain::Error>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<SecretError>("expected");
        QTest::newRow("ok") << QKeychain::NoError << QString() << SecretError::None;
        QTest::newRow("not found") << QKeychain::EntryNotFound << QStringLiteral("Entry not found")
                                   << SecretError::NotFound;
        QTest::newRow("no backend")
            << QKeychain::NoBackendAvailable << QStringLiteral("No keychain service available")
            << SecretError::Unavailable;
        QTest::newRow("not implemented")
            << QKeychain::NotImplemented << QString() << SecretError::Unavailable;
        QTest::newRow("denied") << QKeychain::AccessDenied
                                << QStringLiteral("Cannot create an item in a locked collection")
                                << SecretError::Denied;
        QTest::newRow("denied by user")
            << QKeychain::AccessDeniedByUser << QString() << SecretError::Denied;
        QTest::newRow("other") << QKeychain::OtherError << QStringLiteral("Unknown error")
                               << SecretError::Other;
        QTest::newRow("could not delete")
            << QKeychain::CouldNotDeleteEntry << QString() << SecretError::Other;
        // What libsecret says, as OtherError, when there is no keychain to talk to.
        QTest::newRow("no bus") << QKeychain::OtherError
                                << QStringLiteral("Could not connect: No such file or directory")
                                << SecretError::Unavailable;
        QTest::newRow("no autolaunch")
            << QKeychain::OtherError
            << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
            << SecretError::Unavailable;
        QTest::newRow("no secret service")
            << QKeychain::OtherError
            << QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name "
                              "org.freedesktop.secrets was not provided by any .service files")
            << SecretError::Unavailable;
        QTest::newRow("no collection")
            << QKeychain::OtherError
            << QStringLiteral("Object does not exist at path "
                              "\u201c/org/freedesktop/secrets/collection/login\u201d")
            << SecretError::Unavailable;
        QTest::newRow("prompt dismissed")
            << QKeychain::OtherError << QStringLiteral("The operation was cancelled")
            << SecretError::Denied;
    }

    void errorMapping()
    {
        QFETCH(QKeychain::Error, error);
        QFETCH(QString, message);
        QFETCH(SecretError, expected);
        QCOMPARE(KeychainSecretStore::errorFor(error, message), expected);
    }

    //! The callback never runs for a context that is gone, and runs once for one that lives.
    void noAnswerAfterTheContextIsGone()
    {
        const QString absent = QStringLiteral("rota-test-absent-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto context = std::make_unique<QObject>();
        bool orphanAnswered = false;
        m_store.read(absent, context.get(),
            [&orphanAnswered](const SecretResult&) { orphanAnswered = true; });
        context.reset();
        // QtKeychain runs one job at a time: when this one answers, the first has finished.
        int answers = 0;
        SecretResult last;
        m_store.read(absent, this, [&](const SecretResult& result) {
            ++answers;
            last = result;
        });
        QCOMPARE(answers, 0);
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, kWaitMs);
        QTest::qWait(100);
        QCOMPARE(answers, 1);
        QVERIFY(!orphanAnswered);
        QVERIFY2(last.error != SecretError::None, "an entry that was never written was found");
        QVERIFY(last.secret.isEmpty());
        QVERIFY2(!last.message.isEmpty(), "an error comes with words");
    }

    //! Write, read back, overwrite, remove, read: NotFound. Against the real Secret Service.
    void roundTrip()
    {
        m_accountId
            = QStringLiteral("rota-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString first
            = QStringLiteral("first-key-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString second
            = QStringLiteral("second-key-") + QUuid::createUuid().toString(QUuid::Id128);

        const std::optional<SecretResult> written = write(first);
        QVERIFY2(written, "the keychain's answer must come once, from the event loop");
        if (!written->ok()) {
            const QString why = QStringLiteral("no usable keychain (%1). Run the test under "
                                               "scripts/headless for a private unlocked one.")
                                    .arg(describe(*written));
            if (keychainRequired())
                QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + why));
            QSKIP(qPrintable(why));
        }

        std::optional<SecretResult> got = read();
        QVERIFY(got);
        QVERIFY2(got->ok(), qPrintable(describe(*got)));
        QCOMPARE(got->secret, first);
        // The entry is in the Secret Service under service "rota" and the account id.
        const std::optional<QString> seen = secretToolLookup(m_accountId);
        if (seen)
            QCOMPARE(*seen, first);
        else
            qWarning("secret-tool is not installed: the entry was not checked from outside");

        const std::optional<SecretResult> overwritten = write(second);
        QVERIFY(overwritten);
        QVERIFY2(overwritten->ok(), qPrintable(describe(*overwritten)));
        got = read();
        QVERIFY(got);
        QVERIFY2(got->ok(), qPrintable(describe(*got)));
        QCOMPARE(got->secret, second);

        const std::optional<SecretResult> removed = remove();
        QVERIFY(removed);
        QVERIFY2(removed->ok(), qPrintable(describe(*removed)));
        got = read();
        QVERIFY(got);
        QVERIFY2(got->error == SecretError::NotFound, qPrintable(describe(*got)));
        QVERIFY(got->secret.isEmpty());
        if (seen)
            QCOMPARE(secretToolLookup(m_accountId).value_or(QStringLiteral("?")), QString());

        // Removing what is not there is not an error.
        const std::optional<SecretResult> again = remove();
        QVERIFY(again);
        QVERIFY2(again->ok(), qPrintable(describe(*again)));

        // No insecure fallback: the key is in no file under the config folder.
        const QString config
            = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDirIterator files(config, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext() && scanned < 5000) {
            QFile file(files.next());
            ++scanned;
            if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(first.toUtf8()) && !bytes.contains(second.toUtf8()),
                qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
