// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// AccountStore: accounts in QSettings (a temporary file here), unique names, the current account,
// persistence across instances on the same file, and no key ever in the file.

#include "accountstore.h"
#include "secretstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace rota;

namespace {

Account northwind()
{
    Account account;
    account.name = QStringLiteral("Northwind (prod)");
    account.apiId = QStringLiteral("nw-api-id-1");
    account.username = QStringLiteral("dmitri.petrov");
    account.baseUrl = QUrl(QStringLiteral("https://api.victorops.com"));
    return account;
}

Account contoso()
{
    Account account;
    account.name = QStringLiteral("Contoso staging");
    account.apiId = QStringLiteral("contoso-id");
    account.username = QStringLiteral("ada.lovelace");
    account.baseUrl = QUrl(QStringLiteral("https://staging.example.com/vo"));
    return account;
}

} // namespace

class TestAccountStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(m_path, QSettings::IniFormat);
    }

    QByteArray fileText() const
    {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("rota.conf"));
    }

    void saveAndFind()
    {
        const auto file = settings();
        AccountStore store(file.get());
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(store.currentId().isEmpty());
        QVERIFY(!store.current());
        QSignalSpy changed(&store, &AccountStore::changed);
        QSignalSpy current(&store, &AccountStore::currentChanged);

        QString error;
        Account input = northwind();
        input.name = QStringLiteral("  Northwind (prod) ");
        input.baseUrl = QUrl();
        const std::optional<Account> saved = store.save(input, &error);
        QVERIFY2(saved, qPrintable(error));
        QVERIFY(!QUuid::fromString(saved->id).isNull());
        QCOMPARE(saved->name, QStringLiteral("Northwind (prod)"));
        QCOMPARE(saved->baseUrl, QUrl(QStringLiteral("https://api.victorops.com")));
        QCOMPARE(saved->apiId, QStringLiteral("nw-api-id-1"));
        QCOMPARE(saved->username, QStringLiteral("dmitri.petrov"));
        QCOMPARE(changed.count(), 1);

        // The first account becomes current by itself.
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(0).toString(), saved->id);
        QCOMPARE(store.currentId(), saved->id);
        QCOMPARE(store.current().value_or(Account()), *saved);

        QCOMPARE(store.accounts(), QList<Account> { *saved });
        QCOMPARE(store.find(saved->id).value_or(Account()), *saved);
        QCOMPARE(store.find(QStringLiteral("northwind (PROD)")).value_or(Account()), *saved);
        QVERIFY(!store.find(QStringLiteral("Northwind")));
        QVERIFY(!store.find(QString()));

        // A second account keeps the order and does not take over.
        const std::optional<Account> second = store.save(contoso(), &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->id != saved->id);
        QCOMPARE(store.accounts(), (QList<Account> { *saved, *second }));
        QCOMPARE(store.currentId(), saved->id);
        QCOMPARE(current.count(), 1);
        QCOMPARE(changed.count(), 2);

        // Saving with an id replaces that account in place.
        Account edited = *saved;
        edited.username = QStringLiteral("zara.okafor");
        QVERIFY(store.save(edited, &error));
        QCOMPARE(store.accounts().size(), 2);
        QCOMPARE(store.accounts().first().username, QStringLiteral("zara.okafor"));
        QCOMPARE(store.accounts().first().id, saved->id);
    }

    void namesAreUniqueAndNotEmpty()
    {
        const auto file = settings();
        AccountStore store(file.get());
        QString error;
        const std::optional<Account> first = store.save(northwind(), &error);
        QVERIFY(first);
        QSignalSpy changed(&store, &AccountStore::changed);

        Account clash = contoso();
        clash.name = QStringLiteral("NORTHWIND (PROD)");
        QVERIFY(!store.save(clash, &error));
        QVERIFY2(error.contains(QLatin1String("already an account named")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("Northwind (prod)")), qPrintable(error));

        Account empty = contoso();
        empty.name = QStringLiteral("   ");
        error.clear();
        QVERIFY(!store.save(empty, &error));
        QVERIFY2(error.contains(QLatin1String("needs a name")), qPrintable(error));
        QCOMPARE(store.accounts().size(), 1);
        QCOMPARE(changed.count(), 0);

        // The same account may keep its own name (any case).
        Account same = *first;
        same.name = QStringLiteral("northwind (prod)");
        QVERIFY2(store.save(same, &error), qPrintable(error));
        QCOMPARE(store.accounts().first().name, QStringLiteral("northwind (prod)"));
    }

    void rename()
    {
        const auto file = settings();
        AccountStore store(file.get());
        QString error;
        const Account a = store.save(northwind(), &error).value_or(Account());
        const Account b = store.save(contoso(), &error).value_or(Account());
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
        QSignalSpy changed(&store, &AccountStore::changed);

        QVERIFY2(store.rename(b.id, QStringLiteral("Contoso (prod)"), &error), qPrintable(error));
        QCOMPARE(store.find(b.id).value_or(Account()).name, QStringLiteral("Contoso (prod)"));
        QVERIFY(!store.find(QStringLiteral("Contoso staging")));
        QCOMPARE(store.find(b.id).value_or(Account()).apiId, QStringLiteral("contoso-id"));
        QCOMPARE(changed.count(), 1);

        QVERIFY(!store.rename(b.id, QStringLiteral("northwind (prod)"), &error));
        QVERIFY2(error.contains(QLatin1String("already")), qPrintable(error));
        QVERIFY(!store.rename(b.id, QString(), &error));
        // By name is not by id: rename takes an id.
        QVERIFY(!store.rename(QStringLiteral("Contoso (prod)"), QStringLiteral("X"), &error));
        QVERIFY(!store.rename(QStringLiteral("no-such-id"), QStringLiteral("X"), &error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.find(b.id).value_or(Account()).name, QStringLiteral("Contoso (prod)"));
    }

    void removeAndCurrent()
    {
        const auto file = settings();
        AccountStore store(file.get());
        QString error;
        const Account a = store.save(northwind(), &error).value_or(Account());
        const Account b = store.save(contoso(), &error).value_or(Account());
        QCOMPARE(store.currentId(), a.id);
        QSignalSpy changed(&store, &AccountStore::changed);
        QSignalSpy current(&store, &AccountStore::currentChanged);

        store.setCurrentId(QStringLiteral("no-such-id"));
        QCOMPARE(store.currentId(), a.id);
        store.setCurrentId(QStringLiteral("Contoso staging")); // a name is not an id
        QCOMPARE(store.currentId(), a.id);
        store.setCurrentId(a.id); // no change, no signal
        QCOMPARE(current.count(), 0);

        store.setCurrentId(b.id);
        QCOMPARE(store.currentId(), b.id);
        QCOMPARE(store.current().value_or(Account()), b);
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(0).toString(), b.id);

        // Removing another account leaves the current one.
        QVERIFY(store.remove(a.id));
        QCOMPARE(store.accounts(), QList<Account> { b });
        QCOMPARE(store.currentId(), b.id);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(current.count(), 1);
        QVERIFY(!store.remove(a.id));
        QCOMPARE(changed.count(), 1);

        // Removing the current one leaves none current.
        QVERIFY(store.remove(b.id));
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(store.currentId().isEmpty());
        QVERIFY(!store.current());
        QCOMPARE(current.count(), 2);
        QCOMPARE(current.at(1).at(0).toString(), QString());

        // An account saved when none is current becomes current again.
        const Account c = store.save(contoso(), &error).value_or(Account());
        QCOMPARE(store.currentId(), c.id);
        store.setCurrentId(QString());
        QVERIFY(store.currentId().isEmpty());
        QCOMPARE(current.count(), 4);
    }

    //! rota and rotactl each have their own store on the same file.
    void persistsAcrossInstances()
    {
        const auto fileA = settings();
        const auto fileB = settings();
        AccountStore first(fileA.get());
        AccountStore second(fileB.get());
        QString error;
        const Account a = first.save(northwind(), &error).value_or(Account());
        const Account b = first.save(contoso(), &error).value_or(Account());
        first.setCurrentId(b.id);

        QCOMPARE(second.accounts(), (QList<Account> { a, b }));
        QCOMPARE(second.currentId(), b.id);

        QVERIFY(second.rename(a.id, QStringLiteral("Northwind"), &error));
        QVERIFY(second.remove(b.id));
        QCOMPARE(first.accounts().size(), 1);
        QCOMPARE(first.accounts().first().name, QStringLiteral("Northwind"));
        QVERIFY(first.currentId().isEmpty());

        // And a store made later, as on the next start, reads the same.
        const auto fileC = settings();
        const AccountStore later(fileC.get());
        QCOMPARE(later.accounts().size(), 1);
        QCOMPARE(later.accounts().first().id, a.id);
        QCOMPARE(later.accounts().first().baseUrl, a.baseUrl);
        QCOMPARE(later.accounts().first().username, a.username);
        QVERIFY(fileText().contains("Northwind"));
    }

    //! "Trust an extra certificate authority": the PEM file's path is stored with the account
    //! (trimmed), read back by another store on the same file, and can be cleared again.
    void extraCertificateAuthority()
    {
        const auto file = settings();
        AccountStore store(file.get());
        QString error;
        Account account = northwind();
        account.caFile = QStringLiteral("  /etc/ssl/certs/company-proxy-ca.pem ");
        const std::optional<Account> saved = store.save(account, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->caFile, QStringLiteral("/etc/ssl/certs/company-proxy-ca.pem"));
        Account other = contoso();
        QVERIFY(store.save(other, &error));
        file->sync();
        QVERIFY(fileText().contains("/etc/ssl/certs/company-proxy-ca.pem"));

        const auto again = settings();
        const AccountStore later(again.get());
        const QList<Account> read = later.accounts();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0), *saved);
        QCOMPARE(read.at(0).caFile, QStringLiteral("/etc/ssl/certs/company-proxy-ca.pem"));
        QVERIFY(read.at(1).caFile.isEmpty());

        Account cleared = *saved;
        cleared.caFile.clear();
        QVERIFY(store.save(cleared, &error));
        QVERIFY(later.find(saved->id).value_or(Account()).caFile.isEmpty());
        QVERIFY(later.find(saved->id).value_or(Account()) == cleared);
        file->sync();
        QVERIFY(!fileText().contains("company-proxy-ca.pem"));
    }

    //! A file that cannot be trusted is refused in words; no file at all is fine.
    // The organisation's slug of the web app: kept per account, taken from a pasted address.
    void webAppSlug()
    {
        {
            const auto file = settings();
            AccountStore store(file.get());
            Account account = northwind();
            account.webAppSlug
                = QStringLiteral(" https://portal.victorops.com/ui/northwind-labs/incidents ");
            QString error;
            const std::optional<Account> saved = store.save(account, &error);
            QVERIFY2(saved, qPrintable(error));
            QCOMPARE(saved->webAppSlug, QStringLiteral("northwind-labs"));
        }
        const auto file = settings();
        AccountStore again(file.get());
        QCOMPARE(again.accounts().value(0).webAppSlug, QStringLiteral("northwind-labs"));
        QCOMPARE(
            Account::webAppSlugFrom(QStringLiteral("  acme-corp ")), QStringLiteral("acme-corp"));
        QCOMPARE(Account::webAppSlugFrom(QStringLiteral("https://portal.victorops.com/dash")),
            QString());
    }

    void webAppIncidentUrl()
    {
        QCOMPARE(Account::webAppIncidentUrl(QStringLiteral("acme-corp"), QStringLiteral("314"))
                     .toString(QUrl::FullyEncoded),
            QStringLiteral("https://portal.victorops.com/ui/acme-corp/incident/314/details"));
        // A slug cannot leave its segment, nor add a query or a fragment.
        const QUrl odd
            = Account::webAppIncidentUrl(QStringLiteral("a/../b?x=1#y z"), QStringLiteral("7"));
        QVERIFY(odd.isValid());
        QCOMPARE(odd.toString(QUrl::FullyEncoded),
            QStringLiteral(
                "https://portal.victorops.com/ui/a%2F..%2Fb%3Fx%3D1%23y%20z/incident/7/details"));
        QCOMPARE(odd.host(), QStringLiteral("portal.victorops.com"));
        QVERIFY(!odd.hasQuery());
        QVERIFY(!odd.hasFragment());
        QVERIFY(!Account::webAppIncidentUrl(QStringLiteral(".."), QStringLiteral("7")).isValid());
        QVERIFY(!Account::webAppIncidentUrl(QString(), QStringLiteral("7")).isValid());
        QVERIFY(!Account::webAppIncidentUrl(QStringLiteral("acme"), QString()).isValid());
    }

    void caFileUsable()
    {
        QString error;
        QVERIFY(Account::isCaFileUsable(QString(), &error));
        QVERIFY(error.isEmpty());
        QVERIFY(!Account::isCaFileUsable(m_dir->filePath(QStringLiteral("missing.pem")), &error));
        QVERIFY(!error.isEmpty());
        QFile notPem(m_dir->filePath(QStringLiteral("notes.txt")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        error.clear();
        QVERIFY(!Account::isCaFileUsable(notPem.fileName(), &error));
        QVERIFY(!error.isEmpty());
    }

    void staleCurrentIsNone()
    {
        {
            const auto file = settings();
            file->setValue(QStringLiteral("currentAccount"), QStringLiteral("gone-id"));
        }
        const auto file = settings();
        const AccountStore store(file.get());
        QVERIFY(store.currentId().isEmpty());
        QVERIFY(!store.current());
    }

    //! The key goes to the SecretStore; the settings file holds the rest and never the key.
    void settingsNeverHoldTheKey()
    {
        const auto file = settings();
        AccountStore store(file.get());
        MemorySecretStore secrets;
        QString error;
        const QString key = QStringLiteral("k3y-") + QUuid::createUuid().toString(QUuid::Id128);
        const Account a = store.save(northwind(), &error).value_or(Account());
        QVERIFY(!a.id.isEmpty());

        bool written = false;
        secrets.write(a.id, key, this, [&written](const SecretResult& result) {
            QVERIFY(result.ok());
            written = true;
        });
        QTRY_VERIFY(written);
        QVERIFY(store.rename(a.id, QStringLiteral("Northwind"), &error));
        store.setCurrentId(a.id);
        file->sync();

        const QByteArray text = fileText();
        QVERIFY2(text.contains(a.apiId.toUtf8()), text.constData());
        QVERIFY2(text.contains(a.id.toUtf8()), text.constData());
        QVERIFY2(!text.contains(key.toUtf8()), text.constData());
        QVERIFY2(!text.contains(key.mid(4).toUtf8()), text.constData());
        // Nothing that is named like a secret either.
        const QStringList keys = file->allKeys();
        QVERIFY(!keys.isEmpty());
        for (const QString& name : keys) {
            QVERIFY2(!name.contains(QLatin1String("key"), Qt::CaseInsensitive)
                    && !name.contains(QLatin1String("secret"), Qt::CaseInsensitive)
                    && !name.contains(QLatin1String("password"), Qt::CaseInsensitive),
                qPrintable(name));
        }

        // The key is where it was put.
        QString readBack;
        secrets.read(
            a.id, this, [&readBack](const SecretResult& result) { readBack = result.secret; });
        QTRY_COMPARE(readBack, key);
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
