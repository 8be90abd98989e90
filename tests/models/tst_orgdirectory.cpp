// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// OrgDirectory against an in-process rota-sim over real HTTP: the three lists load once however
// often they are asked for (counted with ApiClient::exchanged), lookups give the simulator's
// names, a failure comes in words and keeps the last good list, refresh() reads again, a stale
// list is read again by ensureLoaded(), rotation groups are cached per team.

#include "contactmethodscontroller.h"
#include "contactmethodsstore.h"
#include "orgdirectory.h"
#include "simfixture.h"
#include "simservice.h"
#include "teamscontroller.h"

#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! Counts finished exchanges per operation path.
class ExchangeCounter : public QObject {
public:
    explicit ExchangeCounter(ApiClient* client)
    {
        connect(client, &ApiClient::exchanged, this,
            [this](
                const QString& operation, int, qint64, const ApiError&) { ++m_counts[operation]; });
    }
    int count(const QString& operation) const { return m_counts.value(operation); }
    int total() const
    {
        int sum = 0;
        for (int n : m_counts)
            sum += n;
        return sum;
    }

private:
    QHash<QString, int> m_counts;
};

const QString UsersOp = QStringLiteral("GET /api-public/v1/user");
const QString TeamsOp = QStringLiteral("GET /api-public/v1/team");
const QString PoliciesOp = QStringLiteral("GET /api-public/v1/policies");

bool waitAllLoaded(OrgDirectory& directory)
{
    return QTest::qWaitFor(
        [&] {
            return !directory.isLoading(OrgDirectory::List::Users)
                && !directory.isLoading(OrgDirectory::List::Teams)
                && !directory.isLoading(OrgDirectory::List::Policies);
        },
        10000);
}

} // namespace

class TestOrgDirectory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsOnceAndLooksUp()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        ExchangeCounter counter(fx.client.get());
        OrgDirectory directory(fx.client.get());
        QSignalSpy users(&directory, &OrgDirectory::usersChanged);
        QSignalSpy teams(&directory, &OrgDirectory::teamsChanged);
        QSignalSpy policies(&directory, &OrgDirectory::policiesChanged);
        QSignalSpy finished(&directory, &OrgDirectory::listFinished);

        QVERIFY(!directory.hasUsers());
        directory.ensureLoaded();
        // Asked again while in flight and after: nothing more goes out.
        directory.ensureLoaded(RequestScheduler::Priority::User);
        QVERIFY(directory.isLoading(OrgDirectory::List::Users));
        QVERIFY(waitAllLoaded(directory));
        directory.ensureLoaded();
        directory.ensureLoaded(RequestScheduler::Priority::User);
        QTest::qWait(50);

        QCOMPARE(users.size(), 1);
        QCOMPARE(teams.size(), 1);
        QCOMPARE(policies.size(), 1);
        QCOMPARE(finished.size(), 3);
        QCOMPARE(counter.count(UsersOp), 1);
        QCOMPARE(counter.count(TeamsOp), 1);
        QCOMPARE(counter.count(PoliciesOp), 1);
        QCOMPARE(counter.total(), 3);
        QVERIFY(directory.hasUsers() && directory.hasTeams() && directory.hasPolicies());
        QVERIFY(directory.error(OrgDirectory::List::Users).isEmpty());

        // The lists are the simulator's.
        const auto& org = fx.ctx().org;
        QCOMPARE(directory.users().size(), org.users.size());
        QCOMPARE(directory.teams().size(), org.teams.size());
        QCOMPARE(directory.policies().size(), org.policies.size());

        // Lookups.
        const sim::SimUser& demo = org.users.value(fx.demoUser());
        const auto found = directory.userByName(fx.demoUser());
        QVERIFY(found.has_value());
        QCOMPARE(found->email, demo.email);
        QCOMPARE(directory.userDisplayName(fx.demoUser()),
            demo.firstName + QLatin1Char(' ') + demo.lastName);
        QVERIFY(!directory.userByName(QStringLiteral("nobody.here")).has_value());
        QCOMPARE(directory.userDisplayName(QStringLiteral("nobody.here")),
            QStringLiteral("nobody.here"));
        QCOMPARE(directory.userNames().size(), org.users.size());

        const sim::SimTeam& team = org.teams.first();
        QCOMPARE(directory.teamBySlug(team.slug), team.name);
        QVERIFY(directory.teamBySlug(QStringLiteral("team-missing")).isEmpty());

        const sim::SimPolicy& policy = org.policies.first();
        QCOMPARE(directory.policyBySlug(policy.slug), policy.name);
        QCOMPARE(directory.policyTeamName(policy.slug), org.teams.value(policy.teamSlug).name);
        QVERIFY(directory.policyBySlug(QStringLiteral("pol-missing")).isEmpty());
        QCOMPARE(directory.policyNames().value(policy.slug), policy.name);
    }

    void sameNameToldApartByUsername()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        auto& users = fx.ctx().org.users;
        sim::SimUser akim;
        akim.userId = 9001;
        akim.username = QStringLiteral("akim");
        akim.firstName = QStringLiteral("Alex");
        akim.lastName = QStringLiteral("Kim");
        akim.email = QStringLiteral("akim@example.com");
        akim.createdAt = akim.passwordLastUpdated = QDateTime::currentDateTimeUtc();
        sim::SimUser alexk = akim;
        alexk.userId = 9002;
        alexk.username = QStringLiteral("alex.kim");
        alexk.firstName = QStringLiteral("alex"); // the same name as people read it
        alexk.email = QStringLiteral("alex.kim@example.com");
        sim::SimUser nameless = akim;
        nameless.userId = 9003;
        nameless.username = QStringLiteral("svc-bot");
        nameless.firstName.clear();
        nameless.lastName.clear();
        nameless.email = QStringLiteral("bot@example.com");
        users.insert(akim.username, akim);
        users.insert(alexk.username, alexk);
        users.insert(nameless.username, nameless);

        OrgDirectory directory(fx.client.get());
        directory.ensureLoaded();
        QVERIFY(waitAllLoaded(directory));
        QVERIFY2(directory.hasUsers(), qPrintable(directory.error(OrgDirectory::List::Users)));

        QCOMPARE(
            directory.userDisplayName(QStringLiteral("akim")), QStringLiteral("Alex Kim (akim)"));
        QCOMPARE(directory.userDisplayName(QStringLiteral("alex.kim")),
            QStringLiteral("alex Kim (alex.kim)"));
        // Usernames are matched in any case, as the service treats them.
        QCOMPARE(
            directory.userDisplayName(QStringLiteral("AKim")), QStringLiteral("Alex Kim (akim)"));
        // One with no name is shown by username, once.
        QCOMPARE(directory.userDisplayName(QStringLiteral("svc-bot")), QStringLiteral("svc-bot"));
        // A name only one person has stays plain.
        const sim::SimUser& demo = users.value(fx.demoUser());
        QCOMPARE(directory.userDisplayName(fx.demoUser()),
            demo.firstName + QLatin1Char(' ') + demo.lastName);
        const QHash<QString, QString> names = directory.userNames();
        QCOMPARE(names.value(QStringLiteral("akim")), QStringLiteral("Alex Kim (akim)"));
        QCOMPARE(names.value(QStringLiteral("alex.kim")), QStringLiteral("alex Kim (alex.kim)"));
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            QCOMPARE(directory.userDisplayName(it.key()), it.value());
    }

    void failureInWordsKeepsLastList()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        OrgDirectory directory(fx.client.get());
        directory.ensureLoaded();
        QVERIFY(waitAllLoaded(directory));
        const auto before = directory.users().size();
        QVERIFY(before > 0);

        // Every answer on /user fails (retries included) with a server error.
        const auto problem = fx.server->service().faults().parse(
            QStringLiteral("error,status=500,path=/api-public/v1/user"));
        QVERIFY(!problem.has_value());
        QSignalSpy failed(&directory, &OrgDirectory::usersFailed);
        QSignalSpy teams(&directory, &OrgDirectory::teamsChanged);
        directory.refresh();
        QVERIFY(failed.wait(10000));
        QVERIFY(waitAllLoaded(directory));
        const QString words = failed.first().first().toString();
        QVERIFY2(
            words.startsWith(QStringLiteral("Could not load the people: ")), qPrintable(words));
        QVERIFY2(words.size() > 30, qPrintable(words));
        QCOMPARE(directory.error(OrgDirectory::List::Users), words);
        // The last good list stays; the other lists refreshed fine.
        QCOMPARE(directory.users().size(), before);
        QVERIFY(directory.hasUsers());
        QCOMPARE(teams.size(), 1);

        // A failed list is not fresh: ensureLoaded asks again, and succeeds once the fault is gone.
        fx.server->service().faults().clear();
        QSignalSpy users(&directory, &OrgDirectory::usersChanged);
        directory.ensureLoaded();
        QVERIFY(users.wait(10000));
        QVERIFY(directory.error(OrgDirectory::List::Users).isEmpty());
    }

    void firstLoadFailure()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        QVERIFY(!fx.server->service()
                     .faults()
                     .parse(QStringLiteral("error,status=500,path=/api-public/v1/policies"))
                     .has_value());
        OrgDirectory directory(fx.client.get());
        QSignalSpy failed(&directory, &OrgDirectory::policiesFailed);
        directory.ensureLoaded(RequestScheduler::Priority::User);
        QVERIFY(failed.wait(10000));
        QVERIFY(!directory.hasPolicies());
        QVERIFY(directory.policies().isEmpty());
        QVERIFY(directory.policyBySlug(fx.ctx().org.policies.firstKey()).isEmpty());
        QVERIFY(directory.error(OrgDirectory::List::Policies)
                    .startsWith(QStringLiteral("Could not load the escalation policies: ")));
    }

    void refreshAndStaleness()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        ExchangeCounter counter(fx.client.get());
        OrgDirectory directory(fx.client.get());
        directory.ensureLoaded();
        QVERIFY(waitAllLoaded(directory));
        QCOMPARE(counter.total(), 3);

        // A team added on the server shows after refresh().
        sim::SimTeam added;
        added.slug = QStringLiteral("team-newOne01");
        added.name = QStringLiteral("Night Owls");
        fx.ctx().org.teams.insert(added.slug, added);
        QVERIFY(directory.teamBySlug(added.slug).isEmpty());
        QSignalSpy teams(&directory, &OrgDirectory::teamsChanged);
        directory.refresh();
        QVERIFY(teams.wait(10000));
        QVERIFY(waitAllLoaded(directory));
        QCOMPARE(directory.teamBySlug(added.slug), added.name);
        QCOMPARE(counter.total(), 6);

        // Fresh lists are not read again; stale ones are.
        directory.ensureLoaded();
        QTest::qWait(50);
        QCOMPARE(counter.total(), 6);
        directory.setMaxAge(0);
        directory.ensureLoaded();
        QVERIFY(waitAllLoaded(directory));
        QCOMPARE(counter.total(), 9);
    }

    void rotationGroupsCached()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        ExchangeCounter counter(fx.client.get());
        OrgDirectory directory(fx.client.get());
        QString teamSlug;
        int expected = 0;
        for (const sim::SimRotation& rotation : std::as_const(fx.ctx().org.rotations)) {
            if (teamSlug.isEmpty())
                teamSlug = rotation.teamSlug;
            if (rotation.teamSlug == teamSlug)
                ++expected;
        }
        QVERIFY(!teamSlug.isEmpty());
        QSignalSpy changed(&directory, &OrgDirectory::rotationGroupsChanged);
        directory.loadRotationGroups(teamSlug);
        directory.loadRotationGroups(teamSlug);
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.first().first().toString(), teamSlug);
        QVERIFY(directory.hasRotationGroups(teamSlug));
        QCOMPARE(directory.rotationGroups(teamSlug).size(), expected);
        directory.loadRotationGroups(teamSlug);
        QTest::qWait(50);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(counter.total(), 1);
    }

    // Rotation groups that could not be read are read again by the next ensureLoaded (the
    // workspace calls it when the service answers again), and only those.
    void failedRotationGroupsReadAgain()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        const QString teamSlug = fx.ctx().org.rotations.first().teamSlug;
        QVERIFY(!fx.server->service()
                     .faults()
                     .parse(QStringLiteral("error,status=503,path=/api-public/v1/teams/"))
                     .has_value());
        OrgDirectory directory(fx.client.get());
        QSignalSpy failed(&directory, &OrgDirectory::rotationGroupsFailed);
        QSignalSpy changed(&directory, &OrgDirectory::rotationGroupsChanged);
        directory.loadRotationGroups(teamSlug);
        QVERIFY(failed.wait(15000));
        QVERIFY(!directory.hasRotationGroups(teamSlug));

        fx.server->service().faults().clear();
        directory.ensureLoaded();
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.first().first().toString(), teamSlug);
        QVERIFY(directory.hasRotationGroups(teamSlug));
        QVERIFY(waitAllLoaded(directory));
        ExchangeCounter counter(fx.client.get());
        directory.ensureLoaded();
        QTest::qWait(50);
        QCOMPARE(counter.total(), 0);
    }

    // The contact-methods store and the policy editor's choices take the session's lists instead
    // of reading the users again.
    void sharedByStoreAndChoices()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        OrgDirectory directory(fx.client.get());
        directory.ensureLoaded();
        QVERIFY(waitAllLoaded(directory));
        ExchangeCounter counter(fx.client.get());

        ContactMethodsStore store;
        ContactMethodsController contacts(fx.client.get(), &store);
        store.setDirectory(&directory);
        QCOMPARE(store.directory(), &directory);
        QSignalSpy users(&contacts, &ContactMethodsController::usersLoaded);
        contacts.loadUsers();
        QCOMPARE(users.size(), 1);
        const QStringList names = users.first().first().toStringList();
        QCOMPARE(names.size(), fx.ctx().org.users.size());
        QVERIFY(names.contains(fx.demoUser()));
        const sim::SimPolicy& policy = fx.ctx().org.policies.first();
        QCOMPARE(store.policyName(policy.slug), policy.name);
        QCOMPARE(store.policyName(QStringLiteral("pol-unknown")), QStringLiteral("pol-unknown"));

        PolicyChoices choices(&directory);
        QSignalSpy loaded(&choices, &PolicyChoices::loaded);
        choices.load(policy.teamSlug);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(choices.users().size(), fx.ctx().org.users.size());
        QVERIFY(directory.hasRotationGroups(policy.teamSlug));
        // Only the team's rotation groups went out; a second load reads nothing.
        QCOMPARE(counter.total(), 1);
        QCOMPARE(counter.count(QStringLiteral("GET /api-public/v1/user")), 0);
        choices.load(policy.teamSlug);
        QCOMPARE(loaded.size(), 2);
        QTest::qWait(50);
        QCOMPARE(counter.total(), 1);
    }
};

QTEST_MAIN(TestOrgDirectory)
#include "tst_orgdirectory.moc"
