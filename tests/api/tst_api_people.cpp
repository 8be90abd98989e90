// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The people group of rota_api (api/people.h): users, contact methods, the personal paging policy
// and its values, and the escalation policies a user is on. Every call runs against an in-process
// rota-sim over real HTTP and its effect is checked through another call and against the
// simulator's state; the DTOs are also fed hostile bodies.

#include "people.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <limits>

using namespace rota;
using rota::test::SimFixture;
using rota::test::waitFor;

namespace rota {

// Readable QCOMPARE failures for the paging-policy values.
char* toString(const PagingRule& rule)
{
    return qstrdup(QJsonDocument(rule.toJson()).toJson(QJsonDocument::Compact).constData());
}

char* toString(const PagingStep& step)
{
    return qstrdup(QJsonDocument(step.toJson()).toJson(QJsonDocument::Compact).constData());
}

char* toString(const ContactMethod& contact)
{
    return qstrdup(QJsonDocument(contact.toJson()).toJson(QJsonDocument::Compact).constData());
}

} // namespace rota

namespace {

//! Waits and fails the test unless the call ended in an error of this kind.
#define EXPECT_ERROR(call, expectedKind)                                                           \
    do {                                                                                           \
        QVERIFY2(waitFor((call).reply), "call did not finish");                                    \
        QVERIFY2(!(call).reply->ok(), "call succeeded but should have failed");                    \
        QCOMPARE(apiErrorKindName((call).reply->error().kind), apiErrorKindName(expectedKind));    \
    } while (false)

#define START_FIXTURE(f)                                                                           \
    SimFixture f;                                                                                  \
    QVERIFY2((f).started, qPrintable((f).startError))

PagingRule expectedRule(const sim::SimPagingRule& rule, int index)
{
    PagingRule out;
    out.index = index;
    out.notificationType = rule.notificationType;
    if (!rule.contactType.isEmpty())
        out.contact = { rule.contactId, rule.contactType };
    return out;
}

PagingStep expectedStep(const sim::SimPagingStep& step, int index)
{
    PagingStep out;
    out.index = index;
    out.timeout = step.timeout;
    for (int i = 0; i < step.rules.size(); ++i)
        out.rules.append(expectedRule(step.rules.at(i), i));
    return out;
}

JsonReader readerOf(const char* json) { return JsonReader::fromBytes(QByteArray(json)); }

UserPayload newUser(const QString& username)
{
    UserPayload p;
    p.firstName = QStringLiteral("Zoë");
    p.lastName = QStringLiteral("Test");
    p.username = username;
    p.email = username + QStringLiteral("@example.org");
    return p;
}

} // namespace

class TestApiPeople : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Users
    void listUsers();
    void getUser();
    void getUserUnknownAndEncoded();
    void createUser();
    void createUsersBatch();
    void updateUser();
    void deleteUser();
    void deleteUserWithReplacement();
    void listUserTeams();
    void listUserPolicies();

    // Paging policy values
    void policyValues();

    // Personal paging policy
    void getPagingPolicy();
    void createPagingStep();
    void getPagingStep();
    void updatePagingStep();
    void createPagingRule();
    void getPagingRule();
    void updatePagingRule();
    void deletePagingRule();

    // Contact methods
    void getContactMethods();
    void devices();
    void emails();
    void phones();
    void contactIdIsEncoded();

    // DTOs
    void pagingBuildersAndEquality();
    void requestBodies();
    void roundTrips();
    void parseWrongTypes_data();
    void parseWrongTypes();
    void parseMissingOptionalFields();
    void parseUnknownFieldsIgnored();
    void parseHugeNumbers_data();
    void parseHugeNumbers();
    void parseIdsAsStrings();
    void parseDeepNesting();
    void parseInvalidUtf8();
    void parseTruncatedBodies();
    void parseSingleContact();
    void parseBareArrayWrappers();
};

// --- Users ------------------------------------------------------------------------------------

void TestApiPeople::listUsers()
{
    START_FIXTURE(f);
    auto call = calls::listUsers(*f.client, RequestScheduler::Priority::Background);
    ROTA_EXPECT_OK(call);
    const UserList list = call.value();
    QCOMPARE(list.users.size(), f.ctx().org.users.size());
    QCOMPARE(list.selfUrl, QStringLiteral("/api-public/v1/user"));
    QSet<QString> names;
    for (const User& user : list.users) {
        names.insert(user.username);
        const sim::SimUser simUser = f.ctx().org.users.value(user.username);
        QCOMPARE(user.firstName, simUser.firstName);
        QCOMPARE(user.email, simUser.email);
        QCOMPARE(user.createdAt, simUser.createdAt);
        QCOMPARE(user.verified, simUser.verified);
        QCOMPARE(user.createdAt.timeSpec(), Qt::UTC);
    }
    QCOMPARE(names.size(), f.ctx().org.users.size());
    QVERIFY(names.contains(f.demoUser()));
}

void TestApiPeople::getUser()
{
    START_FIXTURE(f);
    auto call = calls::getUser(*f.client, f.demoUser());
    ROTA_EXPECT_OK(call);
    const User user = call.value();
    const sim::SimUser& simUser = f.ctx().org.users[f.demoUser()];
    QCOMPARE(user.username, f.demoUser());
    QCOMPARE(user.firstName, simUser.firstName);
    QCOMPARE(user.lastName, simUser.lastName);
    QCOMPARE(user.email, simUser.email);
    QCOMPARE(user.createdAt, simUser.createdAt);
    QCOMPARE(user.passwordLastUpdated, simUser.passwordLastUpdated);
    QVERIFY(user.verified);
    QCOMPARE(user.displayName(), simUser.firstName + QLatin1Char(' ') + simUser.lastName);
    QCOMPARE(user.selfUrl, QStringLiteral("/api-public/v1/user/") + f.demoUser());

    // Usernames are case-insensitive on the service.
    auto upper = calls::getUser(*f.client, f.demoUser().toUpper());
    ROTA_EXPECT_OK(upper);
    QCOMPARE(upper.value().username, f.demoUser());
}

void TestApiPeople::getUserUnknownAndEncoded()
{
    START_FIXTURE(f);
    auto unknown = calls::getUser(*f.client, QStringLiteral("nobody.here"));
    EXPECT_ERROR(unknown, ApiErrorKind::NotFound);
    QVERIFY(unknown.reply->error().serverMessage.contains(QStringLiteral("nobody.here")));

    // "demo/teams" must stay one segment: not the demo user's teams, but an unknown user.
    auto slash = calls::getUser(*f.client, f.demoUser() + QStringLiteral("/teams"));
    EXPECT_ERROR(slash, ApiErrorKind::NotFound);
    auto dots = calls::getUser(*f.client, QStringLiteral(".."));
    QVERIFY(waitFor(dots.reply));
    QVERIFY(!dots.reply->ok());
}

void TestApiPeople::createUser()
{
    START_FIXTURE(f);
    const int before = f.ctx().org.users.size();
    UserPayload payload = newUser(QStringLiteral("new.person"));
    payload.expirationHours = 48;
    auto call = calls::createUser(*f.client, payload);
    ROTA_EXPECT_OK(call);
    QCOMPARE(call.value().username, QStringLiteral("new.person"));
    QCOMPARE(call.value().firstName, QStringLiteral("Zoë"));
    QVERIFY(!call.value().verified);
    QVERIFY(call.value().createdAt.isValid());

    auto check = calls::getUser(*f.client, QStringLiteral("new.person"));
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value().email, QStringLiteral("new.person@example.org"));
    QCOMPARE(check.value().lastName, QStringLiteral("Test"));
    QCOMPARE(f.ctx().org.users.size(), before + 1);
    QVERIFY(!f.ctx().org.users[QStringLiteral("new.person")].admin);

    // Taken username: the 422 of the definition.
    auto again = calls::createUser(*f.client, payload);
    EXPECT_ERROR(again, ApiErrorKind::BadRequest);
    QCOMPARE(again.reply->httpStatus(), 422);
    // A payload the service refuses outright.
    UserPayload bad = newUser(QStringLiteral("bad.email"));
    bad.email = QStringLiteral("not-an-address");
    auto refused = calls::createUser(*f.client, bad);
    EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
    QCOMPARE(f.ctx().org.users.size(), before + 1);
}

void TestApiPeople::createUsersBatch()
{
    START_FIXTURE(f);
    const int before = f.ctx().org.users.size();
    const QList<UserPayload> batch {
        newUser(QStringLiteral("batch.one")), newUser(QStringLiteral("batch.two")),
        newUser(f.demoUser()), // taken
    };
    auto call = calls::createUsers(*f.client, batch);
    ROTA_EXPECT_OK(call);
    const QList<BatchUserResult> results = call.value().items;
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).username, QStringLiteral("batch.one"));
    QVERIFY(results.at(0).added());
    QVERIFY(results.at(1).added());
    QVERIFY(!results.at(2).added());
    QCOMPARE(results.at(2).errors.first().code, QStringLiteral("username_unavailable"));
    QVERIFY(!results.at(2).errors.first().message.isEmpty());

    auto list = calls::listUsers(*f.client);
    ROTA_EXPECT_OK(list);
    QCOMPARE(list.value().users.size(), before + 2);
    auto two = calls::getUser(*f.client, QStringLiteral("batch.two"));
    ROTA_EXPECT_OK(two);
    QCOMPARE(two.value().email, QStringLiteral("batch.two@example.org"));
}

void TestApiPeople::updateUser()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimUser simUser = f.ctx().org.users[demo];
    UserPayload payload;
    payload.username = demo;
    payload.firstName = simUser.firstName;
    payload.lastName = QStringLiteral("Renamed");
    payload.email = QStringLiteral("renamed@example.org");
    auto call = calls::updateUser(*f.client, demo, payload);
    ROTA_EXPECT_OK(call);
    QCOMPARE(call.value().lastName, QStringLiteral("Renamed"));

    auto check = calls::getUser(*f.client, demo);
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value().lastName, QStringLiteral("Renamed"));
    QCOMPARE(check.value().email, QStringLiteral("renamed@example.org"));
    QCOMPARE(check.value().firstName, simUser.firstName);
    QCOMPARE(f.ctx().org.users[demo].lastName, QStringLiteral("Renamed"));

    // A username cannot be changed.
    payload.username = QStringLiteral("someone.else");
    auto rename = calls::updateUser(*f.client, demo, payload);
    EXPECT_ERROR(rename, ApiErrorKind::BadRequest);
    auto unknown = calls::updateUser(*f.client, QStringLiteral("nobody.here"), payload);
    EXPECT_ERROR(unknown, ApiErrorKind::NotFound);
}

void TestApiPeople::deleteUser()
{
    START_FIXTURE(f);
    auto created = calls::createUser(*f.client, newUser(QStringLiteral("short.lived")));
    ROTA_EXPECT_OK(created);
    auto call = calls::deleteUser(*f.client, QStringLiteral("short.lived"));
    ROTA_EXPECT_OK(call);
    QCOMPARE(call.reply->httpStatus(), 200);
    auto gone = calls::getUser(*f.client, QStringLiteral("short.lived"));
    EXPECT_ERROR(gone, ApiErrorKind::NotFound);
    QVERIFY(!f.ctx().org.users.contains(QStringLiteral("short.lived")));

    auto again = calls::deleteUser(*f.client, QStringLiteral("short.lived"));
    EXPECT_ERROR(again, ApiErrorKind::NotFound);
}

void TestApiPeople::deleteUserWithReplacement()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    // Someone other than the demo user who takes shifts in a rotation.
    QString leaver;
    QString rotationSlug;
    for (const sim::SimRotation& rotation : std::as_const(f.ctx().org.rotations)) {
        for (const QString& member : rotation.members) {
            if (member != demo && !rotation.members.contains(demo)) {
                leaver = member;
                rotationSlug = rotation.slug;
                break;
            }
        }
        if (!leaver.isEmpty())
            break;
    }
    QVERIFY2(!leaver.isEmpty(), "the seeded org has no rotation without the demo user");

    DeleteUserRequest unknownReplacement;
    unknownReplacement.replacement = QStringLiteral("nobody.here");
    unknownReplacement.strategy = DeleteUserRequest::Strategy::SpecifiedUser;
    auto refused = calls::deleteUser(*f.client, leaver, unknownReplacement);
    EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
    QCOMPARE(refused.reply->httpStatus(), 422);
    QVERIFY(f.ctx().org.users.contains(leaver));

    DeleteUserRequest replacement;
    replacement.replacement = demo;
    replacement.strategy = DeleteUserRequest::Strategy::SpecifiedUser;
    auto call = calls::deleteUser(*f.client, leaver, replacement);
    ROTA_EXPECT_OK(call);
    auto gone = calls::getUser(*f.client, leaver);
    EXPECT_ERROR(gone, ApiErrorKind::NotFound);
    const QStringList members = f.ctx().org.rotations[rotationSlug].members;
    QVERIFY(!members.contains(leaver));
    QVERIFY(members.contains(demo));
}

void TestApiPeople::listUserTeams()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    auto call = calls::listUserTeams(*f.client, demo);
    ROTA_EXPECT_OK(call);
    QSet<QString> expected;
    for (const sim::SimTeam& team : std::as_const(f.ctx().org.teams)) {
        if (team.members.contains(demo))
            expected.insert(team.slug);
    }
    QVERIFY(expected.size() >= 1);
    QSet<QString> got;
    for (const UserTeam& team : call.value().teams) {
        got.insert(team.slug);
        QCOMPARE(team.name, f.ctx().org.teams[team.slug].name);
        QCOMPARE(team.membersUrl,
            QStringLiteral("/api-public/v1/team/") + team.slug + QStringLiteral("/members"));
    }
    QCOMPARE(got, expected);

    auto unknown = calls::listUserTeams(*f.client, QStringLiteral("nobody.here"));
    EXPECT_ERROR(unknown, ApiErrorKind::NotFound);
}

void TestApiPeople::listUserPolicies()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    auto call = calls::listUserPolicies(*f.client, demo);
    ROTA_EXPECT_OK(call);
    const UserPolicies policies = call.value();
    const sim::SimOrg& org = f.ctx().org;
    QCOMPARE(policies.username, demo);
    QCOMPARE(policies.userId, qint64(org.users[demo].userId));

    // The policy steps that page the demo user directly or through a rotation.
    QSet<QString> expected;
    for (const sim::SimPolicy& policy : org.policies) {
        for (int order = 0; order < policy.steps.size(); ++order) {
            for (const sim::SimPolicyEntry& entry : policy.steps.at(order).entries) {
                if (entry.executionType == QLatin1String("user") && entry.target == demo)
                    expected.insert(policy.slug + QLatin1Char('/') + QString::number(order)
                        + QStringLiteral("/user"));
                if (entry.executionType.startsWith(QLatin1String("rotation_group"))
                    && org.rotations.value(entry.target).members.contains(demo))
                    expected.insert(policy.slug + QLatin1Char('/') + QString::number(order)
                        + QStringLiteral("/rotation_group"));
            }
        }
    }
    QVERIFY2(!expected.isEmpty(), "the demo user is on no escalation policy");
    QSet<QString> got;
    for (const UserPolicyEntry& entry : policies.policies) {
        got.insert(entry.extId + QLatin1Char('/') + QString::number(entry.order) + QLatin1Char('/')
            + entry.contactType);
        QVERIFY(org.policies.contains(entry.extId));
        QCOMPARE(entry.timeout, org.policies[entry.extId].steps.at(entry.order).timeout);
    }
    QCOMPARE(got, expected);
}

// --- Paging policy values -----------------------------------------------------------------------

void TestApiPeople::policyValues()
{
    START_FIXTURE(f);
    // A reply goes away once the event loop runs again: read each before waiting for the next.
    auto notificationCall = calls::listNotificationTypes(*f.client);
    auto contactCall = calls::listContactTypes(*f.client);
    auto timeoutCall = calls::listTimeoutTypes(*f.client, RequestScheduler::Priority::Background);
    ROTA_EXPECT_OK(notificationCall);
    const NotificationTypeList notifications = notificationCall.value();
    ROTA_EXPECT_OK(contactCall);
    const ContactTypeList contacts = contactCall.value();
    ROTA_EXPECT_OK(timeoutCall);
    const TimeoutTypeList timeouts = timeoutCall.value();

    QStringList types;
    for (const PagingOption& option : notifications.notificationTypes) {
        types.append(option.type);
        QVERIFY(!option.description.isEmpty());
    }
    QCOMPARE(types,
        (QStringList { QStringLiteral("push"), QStringLiteral("email"), QStringLiteral("sms"),
            QStringLiteral("phone") }));
    QCOMPARE(notifications.notificationTypes.at(2).description,
        QStringLiteral("Send an SMS to a phone number"));

    QCOMPARE(contacts.contactTypes.size(), 2);
    QCOMPARE(contacts.contactTypes.at(0).type, QStringLiteral("email"));
    QCOMPARE(contacts.contactTypes.at(1).description, QStringLiteral("Phone Number"));

    QList<int> minutes;
    for (const PagingTimeoutOption& option : timeouts.timeoutTypes)
        minutes.append(option.minutes);
    QCOMPARE(minutes, (QList<int> { 1, 5, 10, 15, 20, 25, 30, 45, 60 }));
    QVERIFY(timeouts.timeoutTypes.at(1).description.contains(QLatin1Char('5')));
    QCOMPARE(timeouts.selfUrl, QStringLiteral("/api-public/v1/policies/types/timeouts"));
}

// --- Personal paging policy ---------------------------------------------------------------------

void TestApiPeople::getPagingPolicy()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    auto call = calls::getPagingPolicy(*f.client, demo);
    ROTA_EXPECT_OK(call);
    const QList<sim::SimPagingStep>& simSteps = f.ctx().org.users[demo].pagingPolicy;
    const PersonalPagingPolicy policy = call.value();
    QCOMPARE(policy.steps.size(), simSteps.size());
    QVERIFY(policy.steps.size() >= 2);
    for (int i = 0; i < simSteps.size(); ++i)
        QCOMPARE(policy.steps.at(i), expectedStep(simSteps.at(i), i));
    QCOMPARE(policy.selfUrl,
        QStringLiteral("/api-public/v1/profile/") + demo + QStringLiteral("/policies"));

    auto unknown = calls::getPagingPolicy(*f.client, QStringLiteral("nobody.here"));
    EXPECT_ERROR(unknown, ApiErrorKind::NotFound);
}

void TestApiPeople::createPagingStep()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimUser& simUser = f.ctx().org.users[demo];
    const int before = simUser.pagingPolicy.size();
    const qint64 work = simUser.emails.first().id;
    const qint64 mobile = simUser.phones.first().id;

    const PagingStep step = PagingStep::make(
        20, { PagingRule::push(), PagingRule::email(work), PagingRule::sms(mobile) });
    auto call = calls::createPagingStep(*f.client, demo, step);
    ROTA_EXPECT_OK(call);
    PagingStep expected = step;
    expected.index = before;
    for (int i = 0; i < expected.rules.size(); ++i)
        expected.rules[i].index = i;
    QCOMPARE(call.value(), expected);

    auto policy = calls::getPagingPolicy(*f.client, demo);
    ROTA_EXPECT_OK(policy);
    QCOMPARE(policy.value().steps.size(), before + 1);
    QCOMPARE(policy.value().steps.last(), expected);

    // An empty step, to be filled rule by rule.
    auto empty = calls::createPagingStep(*f.client, demo, PagingStep::make(5));
    ROTA_EXPECT_OK(empty);
    QCOMPARE(empty.value().index, before + 1);
    QVERIFY(empty.value().rules.isEmpty());

    // A timeout that is not one of the values, and a rule naming a contact the user lacks.
    auto badTimeout = calls::createPagingStep(*f.client, demo, PagingStep::make(7));
    EXPECT_ERROR(badTimeout, ApiErrorKind::BadRequest);
    auto badContact
        = calls::createPagingStep(*f.client, demo, PagingStep::make(5, { PagingRule::email(4) }));
    EXPECT_ERROR(badContact, ApiErrorKind::BadRequest);
    QCOMPARE(f.ctx().org.users[demo].pagingPolicy.size(), before + 2);
}

void TestApiPeople::getPagingStep()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const QList<sim::SimPagingStep>& simSteps = f.ctx().org.users[demo].pagingPolicy;
    for (int i = 0; i < simSteps.size(); ++i) {
        auto call = calls::getPagingStep(*f.client, demo, i);
        ROTA_EXPECT_OK(call);
        QCOMPARE(call.value(), expectedStep(simSteps.at(i), i));
    }
    auto beyond = calls::getPagingStep(*f.client, demo, int(simSteps.size()));
    EXPECT_ERROR(beyond, ApiErrorKind::NotFound);
    auto negative = calls::getPagingStep(*f.client, demo, -1);
    EXPECT_ERROR(negative, ApiErrorKind::NotFound);
}

void TestApiPeople::updatePagingStep()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimUser& simUser = f.ctx().org.users[demo];
    const qint64 phone = simUser.phones.last().id;

    const PagingStep content = PagingStep::make(
        45, { PagingRule::phoneCall(phone), PagingRule::push(), PagingRule::sms(phone) });
    auto call = calls::updatePagingStep(*f.client, demo, 1, content);
    ROTA_EXPECT_OK(call);
    QCOMPARE(call.value().index, 1);
    QCOMPARE(call.value().timeout, 45);

    auto check = calls::getPagingStep(*f.client, demo, 1);
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value().timeout, 45);
    QCOMPARE(check.value().rules.size(), 3);
    QCOMPARE(check.value().rules.at(0).notificationType, QStringLiteral("phone"));
    QCOMPARE(check.value().rules.at(0).contact, (PagingContact { phone, QStringLiteral("phone") }));
    QCOMPARE(check.value().rules.at(1), (PagingRule { 1, QStringLiteral("push"), {} }));
    QCOMPARE(check.value(), expectedStep(f.ctx().org.users[demo].pagingPolicy.at(1), 1));

    auto beyond = calls::updatePagingStep(*f.client, demo, 99, content);
    EXPECT_ERROR(beyond, ApiErrorKind::NotFound);
}

void TestApiPeople::createPagingRule()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimUser& simUser = f.ctx().org.users[demo];
    const int before = simUser.pagingPolicy.at(0).rules.size();
    const qint64 mobile = simUser.phones.first().id;

    auto call = calls::createPagingRule(*f.client, demo, 0, PagingRule::phoneCall(mobile));
    ROTA_EXPECT_OK(call);
    PagingRule expected = PagingRule::phoneCall(mobile);
    expected.index = before;
    QCOMPARE(call.value(), expected);

    auto check = calls::getPagingRule(*f.client, demo, 0, before);
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value(), expected);
    QCOMPARE(f.ctx().org.users[demo].pagingPolicy.at(0).rules.size(), before + 1);

    // An sms rule must name a phone, not an e-mail address.
    PagingRule wrong = PagingRule::sms(simUser.emails.first().id);
    wrong.contact.type = QStringLiteral("email");
    auto refused = calls::createPagingRule(*f.client, demo, 0, wrong);
    EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
    QVERIFY(refused.reply->error().serverMessage.contains(QStringLiteral("contact")));
}

void TestApiPeople::getPagingRule()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const QList<sim::SimPagingStep>& simSteps = f.ctx().org.users[demo].pagingPolicy;
    int checked = 0;
    for (int s = 0; s < simSteps.size(); ++s) {
        for (int r = 0; r < simSteps.at(s).rules.size(); ++r) {
            auto call = calls::getPagingRule(*f.client, demo, s, r);
            ROTA_EXPECT_OK(call);
            QCOMPARE(call.value(), expectedRule(simSteps.at(s).rules.at(r), r));
            ++checked;
        }
    }
    QVERIFY(checked >= 3);
    auto beyond = calls::getPagingRule(*f.client, demo, 0, int(simSteps.at(0).rules.size()));
    EXPECT_ERROR(beyond, ApiErrorKind::NotFound);
}

void TestApiPeople::updatePagingRule()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimUser& simUser = f.ctx().org.users[demo];
    const qint64 email = simUser.emails.last().id;
    const int rulesBefore = simUser.pagingPolicy.at(1).rules.size();

    auto call = calls::updatePagingRule(*f.client, demo, 1, 0, PagingRule::email(email));
    ROTA_EXPECT_OK(call);
    PagingRule expected = PagingRule::email(email);
    expected.index = 0;
    QCOMPARE(call.value(), expected);

    auto check = calls::getPagingRule(*f.client, demo, 1, 0);
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value(), expected);
    QCOMPARE(f.ctx().org.users[demo].pagingPolicy.at(1).rules.size(), rulesBefore);
    QCOMPARE(f.ctx().org.users[demo].pagingPolicy.at(1).rules.at(0).contactId, int(email));

    auto unknownType = PagingRule::push();
    unknownType.notificationType = QStringLiteral("pigeon");
    auto refused = calls::updatePagingRule(*f.client, demo, 1, 0, unknownType);
    EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
}

void TestApiPeople::deletePagingRule()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const sim::SimPagingStep before = f.ctx().org.users[demo].pagingPolicy.at(0);
    QVERIFY(before.rules.size() >= 2);

    auto call = calls::deletePagingRule(*f.client, demo, 0, 0);
    ROTA_EXPECT_OK(call);
    QCOMPARE(call.value(), expectedRule(before.rules.at(0), 0));

    // The rules after it move up one place.
    auto check = calls::getPagingStep(*f.client, demo, 0);
    ROTA_EXPECT_OK(check);
    QCOMPARE(check.value().rules.size(), before.rules.size() - 1);
    QCOMPARE(check.value().rules.at(0), expectedRule(before.rules.at(1), 0));

    auto beyond = calls::deletePagingRule(*f.client, demo, 0, 50);
    EXPECT_ERROR(beyond, ApiErrorKind::NotFound);
}

// --- Contact methods ----------------------------------------------------------------------------

void TestApiPeople::getContactMethods()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    auto call = calls::getContactMethods(*f.client, demo);
    ROTA_EXPECT_OK(call);
    const ContactMethods methods = call.value();
    const sim::SimUser& simUser = f.ctx().org.users[demo];
    QCOMPARE(methods.devices.size(), simUser.devices.size());
    QCOMPARE(methods.emails.size(), simUser.emails.size());
    QCOMPARE(methods.phones.size(), simUser.phones.size());
    QVERIFY(methods.devices.size() >= 1);
    for (int i = 0; i < methods.emails.size(); ++i) {
        QCOMPARE(methods.emails.at(i).id, qint64(simUser.emails.at(i).id));
        QCOMPARE(methods.emails.at(i).extId, simUser.emails.at(i).extId);
        QCOMPARE(methods.emails.at(i).value, simUser.emails.at(i).value);
        QCOMPARE(methods.emails.at(i).rank, simUser.emails.at(i).rank);
        QCOMPARE(methods.emails.at(i).deviceType, QStringLiteral("email"));
    }
    QCOMPARE(methods.phones.first().value, simUser.phones.first().value);
    QCOMPARE(methods.phones.first().deviceType, QStringLiteral("phone"));
    QCOMPARE(methods.devices.first().label, simUser.devices.first().label);
    QCOMPARE(methods.devices.first().deviceType, simUser.devices.first().deviceType);
    QCOMPARE(methods.devices.first().rank, -1); // devices have none

    auto unknown = calls::getContactMethods(*f.client, QStringLiteral("nobody.here"));
    EXPECT_ERROR(unknown, ApiErrorKind::NotFound);
}

void TestApiPeople::devices()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const QList<sim::SimDevice> simDevices = f.ctx().org.users[demo].devices;
    QVERIFY(simDevices.size() >= 2);

    auto list = calls::listContactDevices(*f.client, demo);
    ROTA_EXPECT_OK(list);
    QCOMPARE(list.value().items.size(), simDevices.size());
    const ContactMethod first = list.value().items.first();
    QCOMPARE(first.extId, simDevices.first().extId);

    auto one = calls::getContactDevice(*f.client, demo, first.extId);
    ROTA_EXPECT_OK(one);
    QCOMPARE(one.value(), first);

    DeviceUpdate update;
    update.label = QStringLiteral("Pager of last resort");
    update.resolvedSound = QStringLiteral("chime");
    auto updated = calls::updateContactDevice(*f.client, demo, first.extId, update);
    ROTA_EXPECT_OK(updated);
    QCOMPARE(updated.value().label, QStringLiteral("Pager of last resort"));
    auto reread = calls::getContactDevice(*f.client, demo, first.extId);
    ROTA_EXPECT_OK(reread);
    QCOMPARE(reread.value().label, QStringLiteral("Pager of last resort"));
    const sim::SimDevice& simDevice = f.ctx().org.users[demo].devices.first();
    QCOMPARE(simDevice.resolvedSound, QStringLiteral("chime"));
    QCOMPARE(simDevice.escalationSound, simDevices.first().escalationSound); // not sent, kept

    auto removed = calls::deleteContactDevice(*f.client, demo, first.extId);
    ROTA_EXPECT_OK(removed);
    QCOMPARE(removed.value().extId, first.extId);
    auto gone = calls::getContactDevice(*f.client, demo, first.extId);
    EXPECT_ERROR(gone, ApiErrorKind::NotFound);
    auto after = calls::listContactDevices(*f.client, demo);
    ROTA_EXPECT_OK(after);
    QCOMPARE(after.value().items.size(), simDevices.size() - 1);
    auto again = calls::deleteContactDevice(*f.client, demo, first.extId);
    EXPECT_ERROR(again, ApiErrorKind::NotFound);
}

void TestApiPeople::emails()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const int before = f.ctx().org.users[demo].emails.size();

    auto list = calls::listContactEmails(*f.client, demo);
    ROTA_EXPECT_OK(list);
    QCOMPARE(list.value().items.size(), before);
    QCOMPARE(list.value().items.first().value, f.ctx().org.users[demo].email);

    auto created = calls::createContactEmail(
        *f.client, demo, QStringLiteral("On call"), QStringLiteral("oncall@example.org"), 7);
    ROTA_EXPECT_OK(created);
    const ContactMethod email = created.value();
    QVERIFY(email.id > 0);
    QVERIFY(!email.extId.isEmpty());
    QCOMPARE(email.label, QStringLiteral("On call"));
    QCOMPARE(email.value, QStringLiteral("oncall@example.org"));
    QCOMPARE(email.rank, 7);

    auto one = calls::getContactEmail(*f.client, demo, email.extId);
    ROTA_EXPECT_OK(one);
    QCOMPARE(one.value(), email);
    auto listed = calls::listContactEmails(*f.client, demo);
    ROTA_EXPECT_OK(listed);
    QCOMPARE(listed.value().items.size(), before + 1);
    QCOMPARE(listed.value().items.last(), email);

    // Its numeric id is what paging rules use; deleting the address takes such rules with it.
    auto rule = calls::createPagingRule(*f.client, demo, 0, PagingRule::email(email.id));
    ROTA_EXPECT_OK(rule);
    const int rulesWith = f.ctx().org.users[demo].pagingPolicy.at(0).rules.size();

    auto duplicate = calls::createContactEmail(
        *f.client, demo, QStringLiteral("Again"), QStringLiteral("oncall@example.org"));
    EXPECT_ERROR(duplicate, ApiErrorKind::BadRequest);

    auto removed = calls::deleteContactEmail(*f.client, demo, email.extId);
    ROTA_EXPECT_OK(removed);
    QCOMPARE(removed.value().id, email.id);
    auto gone = calls::getContactEmail(*f.client, demo, email.extId);
    EXPECT_ERROR(gone, ApiErrorKind::NotFound);
    auto step = calls::getPagingStep(*f.client, demo, 0);
    ROTA_EXPECT_OK(step);
    QCOMPARE(step.value().rules.size(), rulesWith - 1);
    for (const PagingRule& r : step.value().rules)
        QVERIFY(r.contact.id != email.id);
}

void TestApiPeople::phones()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const int before = f.ctx().org.users[demo].phones.size();

    auto list = calls::listContactPhones(*f.client, demo);
    ROTA_EXPECT_OK(list);
    QCOMPARE(list.value().items.size(), before);
    QCOMPARE(list.value().items.first().id, qint64(f.ctx().org.users[demo].phones.first().id));

    // Without a rank the service puts it last.
    auto created = calls::createContactPhone(
        *f.client, demo, QStringLiteral("Satellite"), QStringLiteral("+1 555 010 0199"));
    ROTA_EXPECT_OK(created);
    const ContactMethod phone = created.value();
    QCOMPARE(phone.value, QStringLiteral("+1 555 010 0199"));
    QCOMPARE(phone.deviceType, QStringLiteral("phone"));
    QCOMPARE(phone.rank, before);

    auto one = calls::getContactPhone(*f.client, demo, phone.extId);
    ROTA_EXPECT_OK(one);
    QCOMPARE(one.value(), phone);
    // {contactId} is the extId; the numeric id is taken too.
    auto byId = calls::getContactPhone(*f.client, demo, QString::number(phone.id));
    ROTA_EXPECT_OK(byId);
    QCOMPARE(byId.value().extId, phone.extId);

    auto refused = calls::createContactPhone(
        *f.client, demo, QStringLiteral("Bad"), QStringLiteral("call me maybe"));
    EXPECT_ERROR(refused, ApiErrorKind::BadRequest);

    auto removed = calls::deleteContactPhone(*f.client, demo, phone.extId);
    ROTA_EXPECT_OK(removed);
    QCOMPARE(removed.value().value, phone.value);
    auto gone = calls::getContactPhone(*f.client, demo, phone.extId);
    EXPECT_ERROR(gone, ApiErrorKind::NotFound);
    auto after = calls::listContactPhones(*f.client, demo);
    ROTA_EXPECT_OK(after);
    QCOMPARE(after.value().items.size(), before);
}

void TestApiPeople::contactIdIsEncoded()
{
    START_FIXTURE(f);
    const QString demo = f.demoUser();
    const QString extId = f.ctx().org.users[demo].emails.first().extId;
    // "<id>/x" would reach a different path if it were not one encoded segment.
    auto call = calls::getContactEmail(*f.client, demo, extId + QStringLiteral("/x"));
    EXPECT_ERROR(call, ApiErrorKind::NotFound);
    auto del = calls::deleteContactEmail(*f.client, demo, extId + QStringLiteral("?a=b"));
    EXPECT_ERROR(del, ApiErrorKind::NotFound);
    QCOMPARE(f.ctx().org.users[demo].emails.first().extId, extId);
    // Dot segments stay inside the one segment too: no way over to the devices.
    const QString device = f.ctx().org.users[demo].devices.first().extId;
    auto dots = calls::getContactEmail(*f.client, demo, QStringLiteral("../devices/") + device);
    EXPECT_ERROR(dots, ApiErrorKind::NotFound);
    auto dotsDelete
        = calls::deleteContactEmail(*f.client, demo, QStringLiteral("../devices/") + device);
    EXPECT_ERROR(dotsDelete, ApiErrorKind::NotFound);
    QCOMPARE(f.ctx().org.users[demo].devices.first().extId, device);
}

// --- DTOs ---------------------------------------------------------------------------------------

void TestApiPeople::pagingBuildersAndEquality()
{
    QCOMPARE(PagingRule::push().notificationType, QStringLiteral("push"));
    QVERIFY(PagingRule::push().contact.isEmpty());
    QCOMPARE(PagingRule::email(1001).contact, (PagingContact { 1001, QStringLiteral("email") }));
    QCOMPARE(PagingRule::sms(1002).contact.type, QStringLiteral("phone"));
    QCOMPARE(PagingRule::phoneCall(1002).notificationType, QStringLiteral("phone"));
    QCOMPARE(PagingRule::email(1001), PagingRule::email(1001));
    QVERIFY(PagingRule::email(1001) != PagingRule::email(1002));
    QVERIFY(PagingRule::sms(1002) != PagingRule::phoneCall(1002));
    PagingRule placed = PagingRule::push();
    placed.index = 2;
    QVERIFY(placed != PagingRule::push());

    const PagingStep a = PagingStep::make(5, { PagingRule::push(), PagingRule::email(1) });
    PagingStep b = PagingStep::make(5, { PagingRule::push(), PagingRule::email(1) });
    QCOMPARE(a, b);
    QCOMPARE(a.index, -1);
    b.rules.swapItemsAt(0, 1); // order matters: steps and rules are positional
    QVERIFY(a != b);
    b = a;
    b.timeout = 10;
    QVERIFY(a != b);

    PersonalPagingPolicy p1 { { a }, {} };
    PersonalPagingPolicy p2 { { a }, QStringLiteral("/x") };
    QCOMPARE(p1, p2); // the link is not content
    p2.steps.append(a);
    QVERIFY(p1 != p2);
}

void TestApiPeople::requestBodies()
{
    // AddUserPayload: never the deprecated admin flag; expirationHours only when set.
    UserPayload user = newUser(QStringLiteral("x"));
    QJsonObject json = user.toJson();
    QCOMPARE(json.value(QStringLiteral("username")).toString(), QStringLiteral("x"));
    QVERIFY(!json.contains(QStringLiteral("admin")));
    QVERIFY(!json.contains(QStringLiteral("expirationHours")));
    user.expirationHours = 72;
    QCOMPARE(user.toJson().value(QStringLiteral("expirationHours")).toInt(), 72);
    JsonReader back(user.toJson());
    QCOMPARE(UserPayload::fromJson(back).expirationHours, 72);
    QVERIFY(back.ok());

    // DeleteUserPayload: {} when nothing is chosen.
    QCOMPARE(DeleteUserRequest().toJson(), QJsonObject());
    DeleteUserRequest del;
    del.strategy = DeleteUserRequest::Strategy::TeamAdmin;
    QCOMPARE(del.toJson(),
        (QJsonObject { { QStringLiteral("replacementStrategy"), QStringLiteral("teamAdmin") } }));
    JsonReader delBack(del.toJson());
    QCOMPARE(int(DeleteUserRequest::fromJson(delBack).strategy),
        int(DeleteUserRequest::Strategy::TeamAdmin));
    JsonReader unknownStrategy = readerOf(R"({"replacementStrategy":"coinFlip"})");
    DeleteUserRequest::fromJson(unknownStrategy);
    QVERIFY(!unknownStrategy.ok());
    QVERIFY(unknownStrategy.error().contains(QStringLiteral("$.replacementStrategy")));

    // Rule and step payloads carry no index; a push rule no contact.
    PagingRule rule = PagingRule::email(5);
    rule.index = 3;
    QCOMPARE(rule.toPayload(),
        (QJsonObject { { QStringLiteral("type"), QStringLiteral("email") },
            { QStringLiteral("contact"),
                QJsonObject { { QStringLiteral("id"), 5 },
                    { QStringLiteral("type"), QStringLiteral("email") } } } }));
    QCOMPARE(rule.toJson().value(QStringLiteral("index")).toInt(), 3);
    QCOMPARE(PagingRule::push().toPayload(),
        (QJsonObject { { QStringLiteral("type"), QStringLiteral("push") } }));
    PagingStep step = PagingStep::make(10, { rule });
    step.index = 1;
    const QJsonObject stepPayload = step.toPayload();
    QCOMPARE(
        stepPayload.keys(), (QStringList { QStringLiteral("rules"), QStringLiteral("timeout") }));
    QVERIFY(!stepPayload.value(QStringLiteral("rules"))
                 .toArray()
                 .first()
                 .toObject()
                 .contains(QStringLiteral("index")));

    // ContactDeviceAdd: only what is set, in the API's snake_case.
    DeviceUpdate device;
    QCOMPARE(device.toJson(), QJsonObject());
    device.chatSound = QStringLiteral("ding");
    device.label = QString(); // set, though empty: sent
    QCOMPARE(device.toJson(),
        (QJsonObject { { QStringLiteral("chat_escalation_sound"), QStringLiteral("ding") },
            { QStringLiteral("device_label"), QString() } }));
    JsonReader deviceBack(device.toJson());
    const DeviceUpdate parsed = DeviceUpdate::fromJson(deviceBack);
    QVERIFY(parsed.label.has_value());
    QVERIFY(!parsed.escalationSound.has_value());
    QCOMPARE(*parsed.chatSound, QStringLiteral("ding"));
}

void TestApiPeople::roundTrips()
{
    const QByteArray userJson = R"({"firstName":"Maya","lastName":"Okafor","username":"maya.okafor",
        "email":"maya@example.org","createdAt":"2024-02-03T04:05:06.789Z",
        "passwordLastUpdated":"2024-02-04T00:00:00+02:00","verified":true,
        "_selfUrl":"/api-public/v1/user/maya.okafor"})";
    JsonReader r = JsonReader::fromBytes(userJson);
    const User user = User::fromJson(r);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(user.createdAt, QDateTime(QDate(2024, 2, 3), QTime(4, 5, 6, 789), QTimeZone::utc()));
    QCOMPARE(
        user.passwordLastUpdated, QDateTime(QDate(2024, 2, 3), QTime(22, 0), QTimeZone::utc()));
    QCOMPARE(user.toJson().value(QStringLiteral("createdAt")).toString(),
        QStringLiteral("2024-02-03T04:05:06.789Z"));
    JsonReader again(user.toJson());
    QCOMPARE(User::fromJson(again), user);

    const QByteArray policyJson = R"({"steps":[
        {"index":0,"timeout":5,"rules":[{"index":0,"type":"push"},
            {"index":1,"type":"email","contact":{"id":1001,"type":"email"}}]},
        {"index":1,"timeout":15,"rules":[{"index":0,"type":"phone","contact":{"id":1003,"type":"phone"}}]}],
        "_selfUrl":"/api-public/v1/profile/maya/policies"})";
    JsonReader pr = JsonReader::fromBytes(policyJson);
    const PersonalPagingPolicy policy = PersonalPagingPolicy::fromJson(pr);
    QVERIFY2(pr.ok(), qPrintable(pr.error()));
    QCOMPARE(policy.steps.size(), 2);
    QCOMPARE(policy.steps.at(0).rules.at(1),
        (PagingRule { 1, QStringLiteral("email"), { 1001, QStringLiteral("email") } }));
    QCOMPARE(policy.toJson(), QJsonDocument::fromJson(policyJson).object());

    const QByteArray methodsJson = R"({"devices":[{"deviceType":"iPhone","label":"Maya's iPhone",
        "extId":"device-1","_selfUrl":"/d/1"}],
        "emails":[{"id":1001,"deviceType":"email","label":"Work","value":"maya@example.org",
        "rank":1,"extId":"contact-1","_selfUrl":"/e/1"}],"phones":[]})";
    JsonReader mr = JsonReader::fromBytes(methodsJson);
    const ContactMethods methods = ContactMethods::fromJson(mr);
    QVERIFY2(mr.ok(), qPrintable(mr.error()));
    QCOMPARE(methods.toJson(), QJsonDocument::fromJson(methodsJson).object());

    const QByteArray policiesJson = R"({"username":"maya","userId":12,"policies":[
        {"order":0,"timeout":5,"contactType":"rotation_group","extId":"pol-1"}]})";
    JsonReader up = JsonReader::fromBytes(policiesJson);
    QCOMPARE(UserPolicies::fromJson(up).toJson(), QJsonDocument::fromJson(policiesJson).object());
    QVERIFY(up.ok());

    const QByteArray batchJson
        = R"([{"username":"a","errors":[]},{"username":"b","errors":[{"code":"email_unavailable","message":"taken"}]}])";
    JsonReader br = JsonReader::fromBytes(batchJson);
    const BatchUserResultList batch = BatchUserResultList::fromJson(br);
    QVERIFY(br.ok());
    QCOMPARE(batch.toJsonValue(), QJsonValue(QJsonDocument::fromJson(batchJson).array()));
    QCOMPARE(batch.items.at(1).errors.at(0).code, QStringLiteral("email_unavailable"));
}

void TestApiPeople::parseWrongTypes_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");

    QTest::newRow("user name") << QByteArray("user") << QByteArray(R"({"firstName":42})")
                               << QStringLiteral("$.firstName: expected a string");
    QTest::newRow("user verified") << QByteArray("user") << QByteArray(R"({"verified":"yes"})")
                                   << QStringLiteral("$.verified");
    QTest::newRow("user time") << QByteArray("user")
                               << QByteArray(R"({"createdAt":"last Tuesday"})")
                               << QStringLiteral("$.createdAt");
    QTest::newRow("user list") << QByteArray("users")
                               << QByteArray(R"({"users":[{},{"email":["a"]}]})")
                               << QStringLiteral("$.users[1].email");
    QTest::newRow("users not array") << QByteArray("users") << QByteArray(R"({"users":{}})")
                                     << QStringLiteral("$.users: expected an array");
    QTest::newRow("rule contact id")
        << QByteArray("policy") << QByteArray(R"({"steps":[{"rules":[]},{"rules":[{"type":"sms",
                                            "contact":{"id":"abc","type":"phone"}}]}]})")
        << QStringLiteral("$.steps[1].rules[0].contact.id");
    QTest::newRow("step timeout") << QByteArray("policy")
                                  << QByteArray(R"({"steps":[{"timeout":"5"}]})")
                                  << QStringLiteral("$.steps[0].timeout: expected a number");
    QTest::newRow("rule as string")
        << QByteArray("policy") << QByteArray(R"({"steps":[{"rules":["push"]}]})")
        << QStringLiteral("$.steps[0].rules[0]");
    QTest::newRow("fractional index")
        << QByteArray("policy") << QByteArray(R"({"steps":[{"index":0.5}]})")
        << QStringLiteral("$.steps[0].index: expected a whole number");
    QTest::newRow("contact rank") << QByteArray("methods")
                                  << QByteArray(R"({"phones":[{"rank":true}]})")
                                  << QStringLiteral("$.phones[0].rank");
    QTest::newRow("contact label")
        << QByteArray("methods") << QByteArray(R"({"emails":[{"label":null},{"label":{}}]})")
        << QStringLiteral("$.emails[1].label");
    QTest::newRow("device list") << QByteArray("list") << QByteArray(R"([{"extId":[]}])")
                                 << QStringLiteral("$[0].extId");
    QTest::newRow("list is object") << QByteArray("list") << QByteArray(R"({"items":[]})")
                                    << QStringLiteral("$: expected an array");
    QTest::newRow("timeout type") << QByteArray("timeouts")
                                  << QByteArray(R"({"timeoutTypes":[{"type":"five"}]})")
                                  << QStringLiteral("$.timeoutTypes[0].type");
    QTest::newRow("teams") << QByteArray("teams") << QByteArray(R"({"teams":[{"slug":7}]})")
                           << QStringLiteral("$.teams[0].slug");
    QTest::newRow("user id") << QByteArray("userPolicies") << QByteArray(R"({"userId":false})")
                             << QStringLiteral("$.userId");
    QTest::newRow("batch errors") << QByteArray("batch")
                                  << QByteArray(R"([{"username":"a","errors":{"code":"x"}}])")
                                  << QStringLiteral("$[0].errors: expected an array");
}

namespace {

// Parses with the DTO named by `kind`; the reader keeps the outcome.
void parseAs(const QByteArray& kind, const JsonReader& r)
{
    if (kind == "user")
        User::fromJson(r);
    else if (kind == "users")
        UserList::fromJson(r);
    else if (kind == "policy")
        PersonalPagingPolicy::fromJson(r);
    else if (kind == "methods")
        ContactMethods::fromJson(r);
    else if (kind == "list")
        ContactMethodList::fromJson(r);
    else if (kind == "timeouts")
        TimeoutTypeList::fromJson(r);
    else if (kind == "teams")
        UserTeamList::fromJson(r);
    else if (kind == "userPolicies")
        UserPolicies::fromJson(r);
    else if (kind == "batch")
        BatchUserResultList::fromJson(r);
    else
        QFAIL("unknown kind");
}

} // namespace

void TestApiPeople::parseWrongTypes()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const JsonReader r = JsonReader::fromBytes(json);
    QVERIFY2(r.ok(), "the test body itself must be valid JSON");
    parseAs(kind, r);
    QVERIFY2(!r.ok(), "a wrong type must be an error");
    QVERIFY2(r.error().startsWith(path), qPrintable(r.error()));
}

void TestApiPeople::parseMissingOptionalFields()
{
    JsonReader r = readerOf("{}");
    const User user = User::fromJson(r);
    QVERIFY(!user.createdAt.isValid());
    QVERIFY(!user.verified);
    QCOMPARE(user.displayName(), QString());
    QVERIFY(!user.toJson().contains(QStringLiteral("createdAt")));

    const PagingRule rule = PagingRule::fromJson(readerOf(R"({"type":"push"})"));
    QCOMPARE(rule, (PagingRule { -1, QStringLiteral("push"), {} }));
    const PagingStep step = PagingStep::fromJson(r);
    QCOMPARE(step, PagingStep::make(0));
    const ContactMethod contact = ContactMethod::fromJson(readerOf(R"({"extId":"d-1"})"));
    QCOMPARE(contact.id, qint64(0));
    QCOMPARE(contact.rank, -1);
    QCOMPARE(contact.toJson(),
        (QJsonObject { { QStringLiteral("extId"), QStringLiteral("d-1") },
            { QStringLiteral("label"), QString() }, { QStringLiteral("deviceType"), QString() } }));
    const ContactMethods methods = ContactMethods::fromJson(r);
    QVERIFY(methods.devices.isEmpty() && methods.emails.isEmpty() && methods.phones.isEmpty());
    // null is the same as absent
    JsonReader nulls = readerOf(R"({"users":null,"teams":null,"steps":null,"verified":null})");
    QVERIFY(UserList::fromJson(nulls).users.isEmpty());
    QVERIFY(UserTeamList::fromJson(nulls).teams.isEmpty());
    QVERIFY(PersonalPagingPolicy::fromJson(nulls).steps.isEmpty());
    QVERIFY(!User::fromJson(nulls).verified);
    QVERIFY2(nulls.ok(), qPrintable(nulls.error()));
    QVERIFY2(r.ok(), qPrintable(r.error()));
}

void TestApiPeople::parseUnknownFieldsIgnored()
{
    JsonReader r = readerOf(R"({"steps":[{"index":0,"timeout":5,"colour":"red","rules":[
        {"index":0,"type":"email","contact":{"id":9,"type":"email","primary":true},"extra":[1,{}]}]}],
        "_links":{"next":null},"version":3})");
    const PersonalPagingPolicy policy = PersonalPagingPolicy::fromJson(r);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(policy.steps.size(), 1);
    QCOMPARE(policy.steps.at(0).rules.at(0),
        (PagingRule { 0, QStringLiteral("email"), { 9, QStringLiteral("email") } }));
    QVERIFY(!policy.toJson().contains(QStringLiteral("version")));

    JsonReader u = readerOf(R"({"username":"a","admin":true,"phoneNumbers":[],"_selfUrl":"/u/a"})");
    QCOMPARE(User::fromJson(u).username, QStringLiteral("a"));
    QVERIFY(u.ok());
}

void TestApiPeople::parseHugeNumbers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("id 1e300") << QByteArray(R"({"emails":[{"id":1e300}]})")
                              << QStringLiteral("$.emails[0].id");
    QTest::newRow("id 2^60") << QByteArray(R"({"emails":[{"id":1152921504606846976}]})")
                             << QStringLiteral("$.emails[0].id");
    QTest::newRow("rank beyond int")
        << QByteArray(R"({"phones":[{"rank":4294967296}]})") << QStringLiteral("$.phones[0].rank");
    QTest::newRow("negative rank beyond int")
        << QByteArray(R"({"phones":[{"rank":-4294967296}]})") << QStringLiteral("$.phones[0].rank");
    QTest::newRow("id digits overflow")
        << QByteArray(R"({"devices":[{"id":"99999999999999999999999"}]})")
        << QStringLiteral("$.devices[0].id");
}

void TestApiPeople::parseHugeNumbers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const JsonReader r = JsonReader::fromBytes(json);
    QVERIFY(r.ok());
    ContactMethods::fromJson(r);
    QVERIFY2(!r.ok(), "a number out of range must be an error");
    QVERIFY2(r.error().startsWith(path), qPrintable(r.error()));

    // The same for the paging policy's small integers.
    const JsonReader t = readerOf(R"({"steps":[{"timeout":3000000000}]})");
    PersonalPagingPolicy::fromJson(t);
    QVERIFY(!t.ok());
    QVERIFY2(t.error().startsWith(QStringLiteral("$.steps[0].timeout: number out of range")),
        qPrintable(t.error()));
    // The largest exact integers are fine for ids.
    const JsonReader big = readerOf(R"({"id":9007199254740991,"type":"phone"})");
    QCOMPARE(PagingContact::fromJson(big).id, Q_INT64_C(9007199254740991));
    QVERIFY(big.ok());
}

void TestApiPeople::parseIdsAsStrings()
{
    const JsonReader r = readerOf(R"({"id":"1001","extId":12345,"label":"Work"})");
    const ContactMethod contact = ContactMethod::fromJson(r);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(contact.id, qint64(1001));
    QCOMPARE(contact.extId, QStringLiteral("12345"));
    const JsonReader rule = readerOf(R"({"type":"sms","contact":{"id":"1002","type":"phone"}})");
    QCOMPARE(PagingRule::fromJson(rule).contact.id, qint64(1002));
    QVERIFY(rule.ok());
}

void TestApiPeople::parseDeepNesting()
{
    // Far beyond what the JSON parser accepts: an error, not a stack overflow.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const JsonReader r = JsonReader::fromBytes(deep);
    ContactMethodList::fromJson(r);
    PersonalPagingPolicy::fromJson(r);
    QVERIFY(!r.ok());

    // Deep but parseable, in an unknown field and where a rule should be.
    const QByteArray nested = QByteArray(R"({"steps":[{"rules":[)") + QByteArray(500, '[')
        + QByteArray(500, ']') + QByteArray(R"(],"x":)") + QByteArray(500, '[')
        + QByteArray(500, ']') + QByteArray("}]}");
    const JsonReader n = JsonReader::fromBytes(nested);
    const PersonalPagingPolicy policy = PersonalPagingPolicy::fromJson(n);
    if (n.ok()) {
        QFAIL("an array where a rule object belongs must be an error");
    } else {
        QVERIFY(n.error().startsWith(QStringLiteral("$.steps[0].rules[0]"))
            || n.error().startsWith(QStringLiteral("$:")));
    }
    QVERIFY(policy.steps.size() <= 1);
}

void TestApiPeople::parseInvalidUtf8()
{
    const QByteArray body = QByteArray(R"({"label":"bad )") + QByteArray("\xff\xfe\xc3", 3)
        + QByteArray(R"(","extId":"contact-1","id":5})");
    const JsonReader r = JsonReader::fromBytes(body);
    const ContactMethod contact = ContactMethod::fromJson(r);
    // Either refused, or read with replacement characters: never a crash or garbage ids.
    if (r.ok()) {
        QCOMPARE(contact.extId, QStringLiteral("contact-1"));
        QCOMPARE(contact.id, qint64(5));
        QVERIFY(contact.label.startsWith(QStringLiteral("bad ")));
    } else {
        QVERIFY(r.error().startsWith(QStringLiteral("$")));
    }
    // Overlong encodings and lone surrogates in keys.
    const QByteArray keys = QByteArray("{\"") + QByteArray("\xc0\xaf\xed\xa0\x80", 5)
        + QByteArray(R"(":1,"username":"ok"})");
    const JsonReader k = JsonReader::fromBytes(keys);
    const User user = User::fromJson(k);
    if (k.ok())
        QCOMPARE(user.username, QStringLiteral("ok"));
    else
        QVERIFY(user.username.isEmpty());
}

void TestApiPeople::parseTruncatedBodies()
{
    const QByteArray full = R"({"steps":[{"index":0,"timeout":5,"rules":[{"index":0,"type":"email",
        "contact":{"id":1001,"type":"email"}}]}],"_selfUrl":"/api-public/v1/profile/maya/policies"})";
    {
        const JsonReader whole = JsonReader::fromBytes(full);
        PersonalPagingPolicy::fromJson(whole);
        QVERIFY(whole.ok());
    }
    for (int cut = 0; cut < full.size(); ++cut) {
        const JsonReader r = JsonReader::fromBytes(full.left(cut));
        const PersonalPagingPolicy policy = PersonalPagingPolicy::fromJson(r);
        QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted a body cut at %1").arg(cut)));
        QVERIFY(r.error().startsWith(QStringLiteral("$: ")));
        QVERIFY(policy.steps.isEmpty());
    }
    const QByteArray list = R"([{"id":1,"extId":"a"},{"id":2,"extId":"b"}])";
    for (int cut = 0; cut < list.size(); ++cut) {
        const JsonReader r = JsonReader::fromBytes(list.left(cut));
        QVERIFY(ContactMethodList::fromJson(r).items.isEmpty());
        QVERIFY(!r.ok());
    }
}

void TestApiPeople::parseSingleContact()
{
    // The definition's shape: an array of one.
    const JsonReader array = readerOf(R"([{"id":7,"extId":"contact-7","label":"Home"}])");
    QCOMPARE(ContactMethod::fromSingle(array).extId, QStringLiteral("contact-7"));
    QVERIFY(array.ok());
    // A plain object is read as well.
    const JsonReader object = readerOf(R"({"id":7,"extId":"contact-7"})");
    QCOMPARE(ContactMethod::fromSingle(object).id, qint64(7));
    QVERIFY(object.ok());
    // An empty array says nothing: an error.
    const JsonReader empty = readerOf("[]");
    ContactMethod::fromSingle(empty);
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error().contains(QStringLiteral("empty array")), qPrintable(empty.error()));
    // A wrong element type names its index.
    const JsonReader wrong = readerOf(R"([42])");
    ContactMethod::fromSingle(wrong);
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().startsWith(QStringLiteral("$[0]")), qPrintable(wrong.error()));
}

void TestApiPeople::parseBareArrayWrappers()
{
    const JsonReader r
        = readerOf(R"([{"id":1,"extId":"a","rank":0},{"id":2,"extId":"b","rank":1}])");
    const ContactMethodList list = ContactMethodList::fromJson(r);
    QVERIFY(r.ok());
    QCOMPARE(list.items.size(), 2);
    QCOMPARE(list.items.at(1).rank, 1);
    const QJsonValue out = list.toJsonValue();
    QVERIFY(out.isArray());
    QCOMPARE(out.toArray().size(), 2);
    QCOMPARE(out.toArray().at(0).toObject().value(QStringLiteral("rank")).toInt(-1), 0);
    QCOMPARE(ContactMethodList().toJsonValue(), QJsonValue(QJsonArray()));
}

QTEST_GUILESS_MAIN(TestApiPeople)

#include "tst_api_people.moc"
