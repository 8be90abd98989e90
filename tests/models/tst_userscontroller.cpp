// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UsersController against an in-process rota-sim over real HTTP: a user added, changed and
// removed (with a replacement user, or by a strategy) is seen so on the server afterwards with a
// GET; refusals come in words and leave the user list as the server has it; a read-only key sets
// the read-only reason, another failure does not. After a write the directory reads the users
// again and PersonDetails reads the people it touched afresh. A user's paging policy is read once
// and kept.

#include "oncallmodel.h"
#include "orgdirectory.h"
#include "persondetails.h"
#include "simfixture.h"
#include "simservice.h"
#include "userscontroller.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

UserPayload newUser(const QString& username, const QString& email)
{
    UserPayload user;
    user.firstName = QStringLiteral("Nora");
    user.lastName = QStringLiteral("Quist");
    user.username = username;
    user.email = email;
    return user;
}

//! A simulator, its directory loaded, the details and the controller under test.
struct Setup {
    explicit Setup(sim::SimOptions options = {})
        : fx(options)
        , directory(fx.client.get())
        , people(fx.client.get(), &directory, &onCall)
        , controller(fx.client.get(), &directory, &people)
        , failed(&controller, &UsersController::writeFailed)
    {
    }
    bool start()
    {
        if (!fx.started)
            return false;
        directory.ensureLoaded();
        return QTest::qWaitFor(
            [&] { return !directory.isLoading(OrgDirectory::List::Users) && directory.hasUsers(); },
            10000);
    }
    //! A user of the org who is not the demo user and is in at least one rotation.
    QString rotationMember()
    {
        for (const sim::SimRotation& rotation : std::as_const(fx.ctx().org.rotations)) {
            for (const QString& member : rotation.members) {
                if (member != fx.demoUser())
                    return member;
            }
        }
        return {};
    }
    //! The failure's message, after waiting for one.
    QString failure()
    {
        if (failed.isEmpty() && !failed.wait(10000))
            return {};
        return failed.takeFirst().at(2).toString();
    }

    SimFixture fx;
    OrgDirectory directory;
    OnCallModel onCall;
    PersonDetails people;
    UsersController controller;
    QSignalSpy failed;
};

//! GET /user/{username} on the server.
ApiCall<User> serverUser(SimFixture& fx, const QString& username)
{
    const auto call = calls::getUser(*fx.client, username);
    rota::test::waitFor(call.reply);
    return call;
}

} // namespace

class TestUsersController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addsAUser()
    {
        Setup s;
        QVERIFY(s.start());
        QSignalSpy added(&s.controller, &UsersController::userAdded);
        QSignalSpy writing(&s.controller, &UsersController::writingChanged);
        QSignalSpy listed(&s.directory, &OrgDirectory::usersChanged);
        s.controller.addUser(
            newUser(QStringLiteral("nora.quist"), QStringLiteral("nora@example.com")));
        QVERIFY(s.controller.isWriting());
        QVERIFY(added.wait(10000));
        QCOMPARE(added.first().first().value<User>().username, QStringLiteral("nora.quist"));
        QVERIFY(!s.controller.isWriting());
        QCOMPARE(writing.count(), 2);

        const auto onServer = serverUser(s.fx, QStringLiteral("nora.quist"));
        QVERIFY2(onServer.reply->ok(), qPrintable(onServer.reply->error().text()));
        QCOMPARE(onServer.value().firstName, QStringLiteral("Nora"));
        QCOMPARE(onServer.value().email, QStringLiteral("nora@example.com"));
        QCOMPARE(onServer.value().verified, false);
        // The directory read the list again and has them.
        QTRY_VERIFY_WITH_TIMEOUT(
            s.directory.userByName(QStringLiteral("nora.quist")).has_value(), 10000);
        QVERIFY(listed.count() >= 1);
        QVERIFY(s.failed.isEmpty());
        QVERIFY(s.controller.readOnlyReason().isEmpty());
    }

    void aTakenUsernameIsRefusedInWords()
    {
        Setup s;
        QVERIFY(s.start());
        const QString taken = s.fx.demoUser();
        s.controller.addUser(newUser(taken, QStringLiteral("fresh@example.com")));
        const QString message = s.failure();
        QVERIFY2(
            message.contains(QStringLiteral("Could not add '%1'").arg(taken)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("unavailable")), qPrintable(message));
        QVERIFY(!s.controller.isWriting());
        // Not a read-only key: nothing is disabled.
        QVERIFY(s.controller.readOnlyReason().isEmpty());

        s.controller.addUser(
            newUser(QStringLiteral("other.one"), s.fx.ctx().org.users.value(taken).email));
        QVERIFY(s.failure().contains(QStringLiteral("Email")));
        QVERIFY(!serverUser(s.fx, QStringLiteral("other.one")).reply->ok());
    }

    void editsAUserAndReadsThemAfresh()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.rotationMember();
        QVERIFY(!username.isEmpty());
        // Their details are read and fresh: asking again reads nothing.
        s.people.request(username);
        QTRY_VERIFY_WITH_TIMEOUT(!s.people.isLoading(username), 10000);
        QVERIFY(s.people.info(username).contactsLoaded);

        QSignalSpy edited(&s.controller, &UsersController::userEdited);
        UserPayload change;
        change.firstName = QStringLiteral("Renamed");
        change.lastName = QStringLiteral("Person");
        change.username = username;
        change.email = QStringLiteral("renamed.person@example.net");
        s.controller.editUser(username, change);
        QVERIFY(edited.wait(10000));
        QCOMPARE(edited.first().first().value<User>().lastName, QStringLiteral("Person"));

        const auto onServer = serverUser(s.fx, username);
        QVERIFY(onServer.reply->ok());
        QCOMPARE(onServer.value().firstName, QStringLiteral("Renamed"));
        QCOMPARE(onServer.value().email, QStringLiteral("renamed.person@example.net"));
        QTRY_COMPARE_WITH_TIMEOUT(
            s.directory.userDisplayName(username), QStringLiteral("Renamed Person"), 10000);

        // PersonDetails forgot them: the next request reads them again.
        QSignalSpy exchanged(s.fx.client.get(), &ApiClient::exchanged);
        s.people.request(username);
        QTRY_VERIFY_WITH_TIMEOUT(!s.people.isLoading(username), 10000);
        QVERIFY(std::any_of(exchanged.cbegin(), exchanged.cend(), [](const QList<QVariant>& args) {
            return args.first().toString().contains(QLatin1String("/user/{user}"));
        }));
    }

    void aBadEditIsRefusedInWords()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.rotationMember();
        UserPayload change = newUser(username, QStringLiteral("not-an-address"));
        s.controller.editUser(username, change);
        const QString message = s.failure();
        QVERIFY2(message.startsWith(QStringLiteral("Could not change '%1'").arg(username)),
            qPrintable(message));
        // Unchanged on the server.
        QCOMPARE(
            serverUser(s.fx, username).value().email, s.fx.ctx().org.users.value(username).email);
        QVERIFY(s.fx.ctx().org.users.value(username).email != QStringLiteral("not-an-address"));
    }

    void removesAUserWithAReplacement()
    {
        Setup s;
        QVERIFY(s.start());
        const QString gone = s.rotationMember();
        QString replacement;
        for (const QString& username : s.fx.ctx().org.users.keys()) {
            if (username != gone && username != s.fx.demoUser()) {
                replacement = username;
                break;
            }
        }
        QVERIFY(!gone.isEmpty() && !replacement.isEmpty());
        QSignalSpy removed(&s.controller, &UsersController::userRemoved);
        DeleteUserRequest request;
        request.strategy = DeleteUserRequest::Strategy::SpecifiedUser;
        request.replacement = replacement;
        s.controller.removeUser(gone, request);
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.first().first().toString(), gone);

        const auto onServer = serverUser(s.fx, gone);
        QCOMPARE(onServer.reply->error().kind, ApiErrorKind::NotFound);
        // Their rotation places went to the replacement.
        bool replaced = false;
        for (const sim::SimRotation& rotation : std::as_const(s.fx.ctx().org.rotations)) {
            QVERIFY(!rotation.members.contains(gone));
            replaced = replaced || rotation.members.contains(replacement);
        }
        QVERIFY(replaced);
        QTRY_VERIFY_WITH_TIMEOUT(!s.directory.userByName(gone).has_value(), 10000);
    }

    void aRemovalWithoutAReplacementIsRefusedInWords()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.rotationMember();
        DeleteUserRequest request;
        request.strategy = DeleteUserRequest::Strategy::SpecifiedUser;
        s.controller.removeUser(username, request);
        QString message = s.failure();
        QVERIFY2(message.startsWith(QStringLiteral("Could not remove '%1'").arg(username)),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("replacement")), qPrintable(message));

        request.replacement = QStringLiteral("no.such.person");
        s.controller.removeUser(username, request);
        message = s.failure();
        QVERIFY2(message.contains(QStringLiteral("no.such.person")), qPrintable(message));
        QVERIFY(serverUser(s.fx, username).reply->ok());
    }

    void aReadOnlyKeyIsSaidInWords()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only-key") };
        Setup s(options);
        s.fx.client->setCredentials(
            { options.apiId, QStringLiteral("read-only-key"), s.fx.demoUser() });
        QVERIFY(s.start());
        QSignalSpy readOnly(&s.controller, &UsersController::readOnlyChanged);
        s.controller.addUser(newUser(QStringLiteral("ro.user"), QStringLiteral("ro@example.com")));
        const QString message = s.failure();
        QVERIFY(message.startsWith(QStringLiteral("Could not add 'ro.user'")));
        QCOMPARE(readOnly.count(), 1);
        QVERIFY2(s.controller.readOnlyReason().contains(QStringLiteral("may only read")),
            qPrintable(s.controller.readOnlyReason()));
        QVERIFY(!serverUser(s.fx, QStringLiteral("ro.user")).reply->ok());
    }

    void aServerFailureIsNotReadOnly()
    {
        Setup s;
        QVERIFY(s.start());
        QVERIFY(!s.fx.server->service().faults().parse(
            QStringLiteral("error,status=500,method=POST,path=/api-public/v1/user")));
        s.controller.addUser(
            newUser(QStringLiteral("late.user"), QStringLiteral("late@example.com")));
        const QString message = s.failure();
        QVERIFY2(
            message.startsWith(QStringLiteral("Could not add 'late.user'")), qPrintable(message));
        QVERIFY(s.controller.readOnlyReason().isEmpty());
    }

    void readsAPagingPolicyOnceWhileFresh()
    {
        Setup s;
        QVERIFY(s.start());
        const QString username = s.fx.demoUser();
        QSignalSpy loaded(&s.controller, &UsersController::pagingPolicyLoaded);
        QSignalSpy exchanged(s.fx.client.get(), &ApiClient::exchanged);
        s.controller.loadPagingPolicy(username);
        QVERIFY(s.controller.isLoadingPagingPolicy());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(0).toString(), username);
        const auto policy = loaded.first().at(1).value<PersonalPagingPolicy>();
        QCOMPARE(policy.steps.size(), s.fx.ctx().org.users.value(username).pagingPolicy.size());
        QVERIFY(!policy.steps.isEmpty());
        const qsizetype reads = exchanged.count();

        // Kept: the second time answers at once without a request.
        s.controller.loadPagingPolicy(username);
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(exchanged.count(), reads);

        // Another user while one is on its way: the first is abandoned.
        s.controller.setPolicyMaxAge(0);
        const QString other = s.rotationMember();
        s.controller.loadPagingPolicy(username);
        s.controller.loadPagingPolicy(other);
        QTRY_VERIFY_WITH_TIMEOUT(!s.controller.isLoadingPagingPolicy(), 10000);
        QCOMPARE(loaded.last().at(0).toString(), other);
        QCOMPARE(loaded.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestUsersController)
#include "tst_userscontroller.moc"
