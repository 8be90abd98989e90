// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UserImport against an in-process rota-sim over real HTTP: 120 users go in three batches of at
// most 50 and are on the server afterwards; rows the server refuses carry its reason; cancel
// between batches; a batch refused as a whole stops the import; a batch whose answer is lost is
// "may have been added" and is not sent again.

#include "apiclient.h"
#include "simfixture.h"
#include "simservice.h"
#include "userimport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

//! The real network, remembering how many users each POST /user/batch carried.
class RecordingNetwork : public QNetworkAccessManager {
public:
    QList<int> batchSizes;

protected:
    QNetworkReply* createRequest(
        Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override
    {
        if (outgoingData && request.url().path().endsWith(QLatin1String("/user/batch"))) {
            const QJsonDocument body
                = QJsonDocument::fromJson(outgoingData->peek(outgoingData->size()));
            batchSizes.append(body.isArray() ? int(body.array().size()) : -1);
        }
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

//! A rota-sim and a client that talks to it through a RecordingNetwork.
struct Rig {
    Rig()
    {
        sim::SimOptions options;
        server = std::make_unique<sim::SimServer>(options);
        QString error;
        started = server->start(&error);
        network.setProxy(QNetworkProxy::NoProxy);
        client = std::make_unique<ApiClient>(&network);
        client->setBaseUrl(server->baseUrl(), &error);
        client->setCredentials({ options.apiId, options.apiKey, server->context().org.demoUser });
    }

    std::unique_ptr<sim::SimServer> server;
    RecordingNetwork network;
    std::unique_ptr<ApiClient> client;
    bool started = false;
};

QList<UserPayload> newUsers(int count, const QString& prefix = QStringLiteral("import"))
{
    QList<UserPayload> users;
    for (int i = 0; i < count; ++i) {
        UserPayload user;
        user.username = QStringLiteral("%1.user%2").arg(prefix).arg(i);
        user.email = QStringLiteral("%1.user%2@example.com").arg(prefix).arg(i);
        user.firstName = QStringLiteral("First%1").arg(i);
        user.lastName = QStringLiteral("Last%1").arg(i);
        users.append(user);
    }
    return users;
}

bool waitFinished(UserImport& import, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&import] { return !import.isRunning(); }, timeoutMs);
}

} // namespace

class TestUserImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hundredTwentyUsersInThreeBatches()
    {
        Rig rig;
        QVERIFY(rig.started);
        const int before = int(rig.server->context().org.users.size());
        UserImport import(rig.client.get());
        QSignalSpy progress(&import, &UserImport::progress);
        QSignalSpy finished(&import, &UserImport::finished);
        const QList<UserPayload> users = newUsers(120);
        QVERIFY(import.start(users));
        QVERIFY(import.isRunning());
        QVERIFY(!import.start(users)); // one import at a time
        QVERIFY(waitFinished(import));
        QCOMPARE(finished.size(), 1);

        QCOMPARE(rig.network.batchSizes, (QList<int> { 50, 50, 20 }));
        QCOMPARE(import.count(UserImport::Outcome::Added), 120);
        QCOMPARE(import.done(), 120);
        QCOMPARE(progress.constLast().at(0).toInt(), 120);
        QCOMPARE(progress.constLast().at(1).toInt(), 120);
        // Progress went up batch by batch.
        QList<int> done;
        for (const QList<QVariant>& signal : progress)
            done.append(signal.at(0).toInt());
        QCOMPARE(done, (QList<int> { 0, 50, 100, 120 }));

        // On the server.
        const auto& org = rig.server->context().org;
        QCOMPARE(int(org.users.size()), before + 120);
        for (const UserPayload& user : users) {
            QVERIFY2(org.users.contains(user.username), qPrintable(user.username));
            QCOMPARE(org.users.value(user.username).email, user.email);
            QCOMPARE(org.users.value(user.username).lastName, user.lastName);
        }
    }

    void refusedRowsCarryTheServersReason()
    {
        Rig rig;
        QVERIFY(rig.started);
        const QString demo = rig.server->context().org.demoUser;
        QList<UserPayload> users = newUsers(3);
        users[1].username = demo; // taken: the client side did not know
        UserImport import(rig.client.get());
        QVERIFY(import.start(users));
        QVERIFY(waitFinished(import));
        QCOMPARE(import.results().at(0).outcome, UserImport::Outcome::Added);
        QCOMPARE(import.results().at(1).outcome, UserImport::Outcome::Refused);
        QCOMPARE(import.results().at(1).message,
            QStringLiteral("Username '%1' is unavailable").arg(demo));
        QCOMPARE(UserImport::describe(import.results().at(1)),
            QStringLiteral("Not added: Username '%1' is unavailable").arg(demo));
        QCOMPARE(import.results().at(2).outcome, UserImport::Outcome::Added);
        QCOMPARE(import.count(UserImport::Outcome::Added), 2);
        QCOMPARE(import.count(UserImport::Outcome::Refused), 1);
        QVERIFY(rig.server->context().org.users.contains(users.at(2).username));
    }

    void cancelBetweenBatches()
    {
        Rig rig;
        QVERIFY(rig.started);
        const int before = int(rig.server->context().org.users.size());
        UserImport import(rig.client.get());
        // Cancelled as soon as the first batch is on its way: it is answered and reported, the
        // other two are not sent.
        connect(&import, &UserImport::rowsChanged, &import, [&import](int first, int) {
            if (first == 0 && import.results().at(0).outcome == UserImport::Outcome::Sending)
                import.cancel();
        });
        QSignalSpy finished(&import, &UserImport::finished);
        QVERIFY(import.start(newUsers(120)));
        QVERIFY(import.isCancelled());
        QVERIFY(import.isRunning()); // waits for the batch on its way
        QVERIFY(waitFinished(import));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(rig.network.batchSizes, QList<int> { 50 });
        QCOMPARE(import.count(UserImport::Outcome::Added), 50);
        QCOMPARE(import.count(UserImport::Outcome::NotSent), 70);
        QVERIFY2(import.results().at(50).message.contains(QLatin1String("cancelled")),
            qPrintable(import.results().at(50).message));
        QCOMPARE(int(rig.server->context().org.users.size()), before + 50);
        // Nothing more goes out later.
        QTest::qWait(300);
        QCOMPARE(rig.network.batchSizes, QList<int> { 50 });
    }

    void cancelWhileHeldByTheRateLimit()
    {
        // POST /user/batch is allowed 15 times a minute: with 16 batches one waits, and a cancel
        // then takes it back unsent rather than waiting for it.
        Rig rig;
        QVERIFY(rig.started);
        const int before = int(rig.server->context().org.users.size());
        UserImport import(rig.client.get());
        QSignalSpy waiting(&import, &UserImport::waiting);
        QSignalSpy finished(&import, &UserImport::finished);
        QVERIFY(import.start(newUsers(16 * UserImport::BatchSize)));
        QVERIFY(waiting.wait(60000));
        QVERIFY(waiting.constFirst().at(0).toLongLong() > 0);
        const qsizetype sent = rig.network.batchSizes.size();
        QVERIFY2(sent < 16, qPrintable(QString::number(sent)));
        import.cancel();
        QVERIFY(!import.isRunning());
        QCOMPARE(finished.size(), 1);
        const int added = int(sent) * UserImport::BatchSize;
        // The batches answered before the cancel are reported; the held one and the rest are not
        // sent, now or later.
        QCOMPARE(import.count(UserImport::Outcome::Added), added);
        QCOMPARE(import.count(UserImport::Outcome::NotSent), 16 * UserImport::BatchSize - added);
        QTest::qWait(int(waiting.constLast().at(0).toLongLong()) + 1000);
        QCOMPARE(rig.network.batchSizes.size(), sent);
        QCOMPARE(int(rig.server->context().org.users.size()), before + added);
    }

    void aBatchRefusedAsAWholeStopsTheImport()
    {
        Rig rig;
        QVERIFY(rig.started);
        UserImport import(rig.client.get());
        // The first batch goes through; the second is refused (the user limit, as the definition
        // says a 422 may be); the third is not sent.
        connect(&import, &UserImport::rowsChanged, &import, [&rig, &import](int first, int) {
            if (first == 50 && import.results().at(50).outcome == UserImport::Outcome::Sending) {
                const auto problem = rig.server->service().faults().parse(
                    QStringLiteral("error,status=422,count=1,path=/api-public/v1/user/batch"));
                QVERIFY(!problem);
            }
        });
        QVERIFY(import.start(newUsers(120)));
        QVERIFY(waitFinished(import));
        QCOMPARE(rig.network.batchSizes, (QList<int> { 50, 50 }));
        QCOMPARE(import.count(UserImport::Outcome::Added), 50);
        QCOMPARE(import.count(UserImport::Outcome::Refused), 50);
        QCOMPARE(import.count(UserImport::Outcome::NotSent), 20);
        QVERIFY2(import.results().at(60).message.startsWith(
                     QLatin1String("Splunk On-Call did not accept the request")),
            qPrintable(import.results().at(60).message));
        QVERIFY2(import.results().at(110).message.contains(QLatin1String("stopped")),
            qPrintable(import.results().at(110).message));
    }

    void aLostAnswerIsMaybeAddedAndNotResent()
    {
        Rig rig;
        QVERIFY(rig.started);
        if (const auto problem = rig.server->service().faults().parse(
                QStringLiteral("lost,count=1,path=/api-public/v1/user/batch")))
            QSKIP(qPrintable(*problem));
        rig.client->setTransferTimeout(3000);
        UserImport import(rig.client.get());
        QVERIFY(import.start(newUsers(70)));
        QVERIFY(waitFinished(import, 60000));
        // The first batch was applied but its answer lost; it was not sent again.
        QCOMPARE(rig.network.batchSizes, QList<int> { 50 });
        QCOMPARE(import.count(UserImport::Outcome::MaybeAdded), 50);
        QCOMPARE(import.count(UserImport::Outcome::NotSent), 20);
        QVERIFY2(import.results().at(0).message.startsWith(QLatin1String("May have been added")),
            qPrintable(import.results().at(0).message));
        QVERIFY(rig.server->context().org.users.contains(QStringLiteral("import.user0")));
    }

    void cancelWhenIdleAndEmptyStart()
    {
        Rig rig;
        UserImport import(rig.client.get());
        QSignalSpy finished(&import, &UserImport::finished);
        import.cancel();
        QVERIFY(!import.start({}));
        QCOMPARE(finished.size(), 0);
        QVERIFY(rig.network.batchSizes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUserImport)
#include "tst_userimport.moc"
