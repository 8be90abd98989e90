// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The on-call, escalation-policy and scheduled-override calls (api/oncall.h, policies.h,
// overrides.h) against an in-process rota-sim over real HTTP: every operation, its effect seen
// through another call, parsed fields held against the simulator's state, and each answer
// re-serialised by the DTOs compared with the body the server sent. Then the parsers on hostile
// input.

#include "oncall.h"
#include "overrides.h"
#include "policies.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <memory>

using namespace rota;
using namespace rota::test;

namespace {

QJsonValue bodyJson(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QString kindName(ApiErrorKind kind) { return apiErrorKindName(kind); }

//! Parses bytes as T; returns the reader's error (empty when fine) and the value in *out.
template <typename T> QString parseError(const QByteArray& bytes, T* out = nullptr)
{
    const JsonReader reader = JsonReader::fromBytes(bytes);
    T value = T::fromJson(reader);
    if (out)
        *out = value;
    return reader.error();
}

//! The same, for tables of parsers.
template <typename T> QString parseOnly(const QByteArray& bytes) { return parseError<T>(bytes); }

QByteArray compact(const QJsonValue& value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

//! Waits for the call, fails the test unless it succeeded, and declares `var` (the parsed value)
//! and `var##Body` (the JSON the server sent). The reply goes away at the next event loop turn,
//! so everything is read here.
#define AWAIT(var, expr)                                                                           \
    auto var##Call_ = (expr);                                                                      \
    ROTA_EXPECT_OK(var##Call_);                                                                    \
    const auto var = var##Call_.value();                                                           \
    const QJsonValue var##Body = bodyJson(var##Call_.reply->body())

//! Waits for the call and fails the test unless it failed with `expectedKind`. *message (when not
//! null) receives the server's message.
#define EXPECT_API_ERROR(expr, expectedKind, message)                                              \
    do {                                                                                           \
        auto call_ = (expr);                                                                       \
        QVERIFY2(::rota::test::waitFor(call_.reply), "call did not finish");                       \
        QVERIFY2(!call_.reply->ok(), "the call should have failed");                               \
        QCOMPARE(kindName(call_.reply->error().kind), kindName(expectedKind));                     \
        QString* message_ = (message);                                                             \
        if (message_)                                                                              \
            *message_ = call_.reply->error().serverMessage;                                        \
    } while (false)

class TestApiOnCall : public QObject {
    Q_OBJECT

    std::unique_ptr<SimFixture> m_fx;

    ApiClient& client() { return *m_fx->client; }
    sim::SimOrg& org() { return m_fx->ctx().org; }
    QDateTime now() { return m_fx->ctx().now(); }

    QList<const sim::SimPolicy*> policiesOf(const QString& teamSlug)
    {
        QList<const sim::SimPolicy*> out;
        for (const sim::SimPolicy& policy : std::as_const(org().policies)) {
            if (policy.teamSlug == teamSlug)
                out.append(&policy);
        }
        return out;
    }

    //! A team with at least two policies whose first step has the same user on call.
    QString teamWithSharedOnCall(QString* user)
    {
        for (const sim::SimTeam& team : std::as_const(org().teams)) {
            const auto policies = policiesOf(team.slug);
            if (policies.size() < 2)
                continue;
            QStringList common = sim::policyOnCallAt(m_fx->ctx(), policies[0]->slug, now());
            for (const sim::SimPolicy* policy : policies) {
                const QStringList onCall = sim::policyOnCallAt(m_fx->ctx(), policy->slug, now());
                common.erase(std::remove_if(common.begin(), common.end(),
                                 [&](const QString& u) { return !onCall.contains(u); }),
                    common.end());
            }
            if (!common.isEmpty()) {
                *user = common.first();
                return team.slug;
            }
        }
        return {};
    }

    //! A member of the team who is not on call for the policy now.
    QString memberNotOnCall(const QString& teamSlug, const QString& policySlug)
    {
        const QStringList onCall = sim::policyOnCallAt(m_fx->ctx(), policySlug, now());
        for (const QString& member : org().teams.value(teamSlug).members) {
            if (!onCall.contains(member))
                return member;
        }
        return {};
    }

    //! Sets *out to a seeded policy that uses every entry type the seed has, for field checks.
    const sim::SimPolicy* richestPolicy()
    {
        const sim::SimPolicy* best = nullptr;
        int bestKinds = -1;
        for (const sim::SimPolicy& policy : std::as_const(org().policies)) {
            QSet<QString> kinds;
            for (const sim::SimPolicyStep& step : policy.steps) {
                for (const sim::SimPolicyEntry& entry : step.entries)
                    kinds.insert(entry.executionType);
            }
            if (kinds.size() > bestKinds) {
                bestKinds = static_cast<int>(kinds.size());
                best = &policy;
            }
        }
        return best;
    }

private Q_SLOTS:
    void init()
    {
        // The parser tests need no server.
        if (QByteArray(QTest::currentTestFunction()).startsWith("parse"))
            return;
        m_fx = std::make_unique<SimFixture>();
        QVERIFY2(m_fx->started, qPrintable(m_fx->startError));
    }

    void cleanup() { m_fx.reset(); }

    // --- who is on call now --------------------------------------------------------------------

    void currentOnCallMatchesTheSimulator()
    {
        AWAIT(current, calls::getCurrentOnCall(client()));
        QCOMPARE(compact(current.toJson()), compact(currentBody));

        int teamsWithPolicies = 0;
        for (const sim::SimTeam& team : std::as_const(org().teams))
            teamsWithPolicies += policiesOf(team.slug).isEmpty() ? 0 : 1;
        QCOMPARE(current.teamsOnCall.size(), teamsWithPolicies);
        QVERIFY(teamsWithPolicies > 1);

        int policiesSeen = 0;
        for (const TeamOnCallNow& team : current.teamsOnCall) {
            QVERIFY(org().teams.contains(team.teamSlug));
            QCOMPARE(team.teamName, org().teams.value(team.teamSlug).name);
            QCOMPARE(team.onCallNow.size(), policiesOf(team.teamSlug).size());
            for (const PolicyOnCallNow& policy : team.onCallNow) {
                ++policiesSeen;
                QCOMPARE(org().policies.value(policy.policySlug).teamSlug, team.teamSlug);
                QCOMPARE(policy.policyName, org().policies.value(policy.policySlug).name);
                QCOMPARE(
                    policy.usernames, sim::policyOnCallAt(m_fx->ctx(), policy.policySlug, now()));
                QVERIFY(!policy.usernames.isEmpty());
            }
        }
        QCOMPARE(policiesSeen, org().policies.size());
    }

    // --- take on-call ----------------------------------------------------------------------------

    void takeOnCallHandsOnePolicyOverAndBack()
    {
        QString from;
        const QString teamSlug = teamWithSharedOnCall(&from);
        QVERIFY2(!teamSlug.isEmpty(), "the seed has no team with two policies sharing a user");
        const auto policies = policiesOf(teamSlug);
        const QString policy = policies[0]->slug;
        const QString other = policies[1]->slug;
        const QString to = memberNotOnCall(teamSlug, policy);
        QVERIFY(!to.isEmpty());

        AWAIT(taken, calls::takeOnCall(client(), policy, { from, to }));
        QCOMPARE(taken.result, QStringLiteral("Success"));
        QCOMPARE(compact(taken.toJson()), compact(takenBody));
        QCOMPARE(org().takeOverrides.size(), 1);

        {
            AWAIT(current, calls::getCurrentOnCall(client()));
            QVERIFY(current.usersFor(policy).contains(to));
            QVERIFY(!current.usersFor(policy).contains(from));
            // A take acts on the one policy named, not on the team's others.
            QVERIFY(current.usersFor(other).contains(from));
            QVERIFY(!current.usersFor(other).contains(to));
        }
        {
            // The schedule shows the stand-in next to the scheduled user.
            AWAIT(schedule, calls::getTeamSchedule(client(), teamSlug, { 1, {}, {} }));
            bool found = false;
            for (const PolicySchedule& ps : schedule.schedules) {
                if (ps.policy.slug != policy)
                    continue;
                for (const OnCallEntry& entry : ps.schedule) {
                    if (entry.onCallUser == from) {
                        QCOMPARE(entry.overrideOnCallUser, to);
                        QCOMPARE(entry.effectiveUser(), to);
                        found = true;
                    }
                }
            }
            QVERIFY(found);
        }
        {
            // The shift log has the stand-in's stint once some time has passed.
            m_fx->ctx().clockOffsetMs += 2 * 60 * 1000;
            ShiftLogQuery query;
            query.start = now().addSecs(-3600);
            query.end = now().addSecs(60);
            query.userName = to;
            AWAIT(log, calls::getTeamShiftLog(client(), teamSlug, query));
            QCOMPARE(log.userLogs.size(), 1);
            QCOMPARE(log.userLogs[0].userId, to);
            QVERIFY(!log.userLogs[0].log.isEmpty());
            QCOMPARE(log.userLogs[0].log.last().escalationPolicy.slug, policy);
            QVERIFY(log.userLogs[0].total.totalMinutes() >= 1);
        }

        // Giving it back is the same call with the users swapped.
        AWAIT(back, calls::takeOnCall(client(), policy, { to, from }));
        QCOMPARE(back.result, QStringLiteral("Success"));
        {
            AWAIT(current, calls::getCurrentOnCall(client()));
            QVERIFY(current.usersFor(policy).contains(from));
            QVERIFY(!current.usersFor(policy).contains(to));
        }

        QString message;
        // Someone who is not on call cannot hand it over.
        EXPECT_API_ERROR(
            calls::takeOnCall(client(), policy, { to, from }), ApiErrorKind::BadRequest, &message);
        QVERIFY2(message.contains(to), qPrintable(message));
        EXPECT_API_ERROR(
            calls::takeOnCall(client(), QStringLiteral("pol-doesnotexist"), { from, to }),
            ApiErrorKind::NotFound, nullptr);
    }

    void takeTeamOnCallActsOnEveryPolicyOfTheTeam()
    {
        QString from;
        const QString teamSlug = teamWithSharedOnCall(&from);
        QVERIFY(!teamSlug.isEmpty());
        const auto policies = policiesOf(teamSlug);
        const QString to = memberNotOnCall(teamSlug, policies[0]->slug);
        QVERIFY(!to.isEmpty());
        for (const sim::SimPolicy* policy : policies) {
            if (sim::policyOnCallAt(m_fx->ctx(), policy->slug, now()).contains(to))
                QSKIP("the stand-in is already on call for one of the team's policies");
        }

        AWAIT(taken, calls::takeTeamOnCall(client(), teamSlug, { from, to }));
        QCOMPARE(taken.result, QStringLiteral("Success"));

        AWAIT(current, calls::getCurrentOnCall(client()));
        for (const sim::SimPolicy* policy : policies) {
            QVERIFY2(current.usersFor(policy->slug).contains(to), qPrintable(policy->slug));
            QVERIFY2(!current.usersFor(policy->slug).contains(from), qPrintable(policy->slug));
        }
        EXPECT_API_ERROR(calls::takeTeamOnCall(client(), QStringLiteral("team-nope"), { from, to }),
            ApiErrorKind::NotFound, nullptr);
    }

    // --- schedules -----------------------------------------------------------------------------

    void teamScheduleFollowsTheRotationsInTheirZone()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        QVERIFY(!teamSlug.isEmpty());
        const QDateTime asked = now();
        AWAIT(schedule, calls::getTeamSchedule(client(), teamSlug, { 7, {}, {} }));
        QCOMPARE(compact(schedule.toJson()), compact(scheduleBody));

        QCOMPARE(schedule.teamSlug, teamSlug);
        QCOMPARE(schedule.teamName, org().teams.value(teamSlug).name);
        QCOMPARE(schedule.schedules.size(), policiesOf(teamSlug).size());
        int rotationEntries = 0;
        for (const PolicySchedule& ps : schedule.schedules) {
            const sim::SimPolicy policy = org().policies.value(ps.policy.slug);
            QCOMPARE(policy.teamSlug, teamSlug);
            QCOMPARE(ps.policy.name, policy.name);
            QVERIFY(ps.policy.selfUrl.endsWith(ps.policy.slug));
            for (const OnCallEntry& entry : ps.schedule) {
                QVERIFY(!entry.rolls.isEmpty());
                if (!entry.onCallType.startsWith(QLatin1String("rotation_group")))
                    continue;
                ++rotationEntries;
                const sim::SimRotation* rotation = nullptr;
                for (const sim::SimRotation& r : std::as_const(org().rotations)) {
                    if (r.teamSlug == teamSlug && r.label == entry.rotationName)
                        rotation = &r;
                }
                QVERIFY2(rotation, qPrintable(entry.rotationName));
                QCOMPARE(entry.shiftName, rotation->shiftName);
                if (entry.onCallType == QLatin1String("rotation_group"))
                    QCOMPARE(entry.onCallUser, sim::rotationUserAt(*rotation, asked));
                const QTimeZone zone(rotation->timeZone.toUtf8());
                QVERIFY(zone.isValid());
                // The first roll holds the moment asked about; rolls are contiguous and cover
                // the whole window, each written at the rotation zone's offset of its time.
                QVERIFY(entry.rolls.first().start.utc <= asked);
                QVERIFY(entry.rolls.first().end.utc > asked);
                QVERIFY(entry.rolls.last().end.utc >= asked.addDays(7));
                for (int i = 0; i < entry.rolls.size(); ++i) {
                    const OnCallRoll& roll = entry.rolls[i];
                    QVERIFY(roll.start.utc < roll.end.utc);
                    QCOMPARE(roll.start.offsetSeconds, zone.offsetFromUtc(roll.start.utc));
                    QCOMPARE(roll.end.offsetSeconds, zone.offsetFromUtc(roll.end.utc));
                    QCOMPARE(roll.start.local().time(), roll.start.utc.toTimeZone(zone).time());
                    QVERIFY(rotation->members.contains(roll.onCallUser));
                    if (i > 0)
                        QCOMPARE(roll.start.utc, entry.rolls[i - 1].end.utc);
                }
                QCOMPARE(entry.shiftRoll.utc, entry.rolls.first().end.utc);
            }
        }
        QVERIFY(rotationEntries > 0);

        // The step parameter picks another step of each policy.
        AWAIT(second, calls::getTeamSchedule(client(), teamSlug, { 1, {}, 1 }));
        QCOMPARE(second.schedules.size(), schedule.schedules.size());
        for (const PolicySchedule& ps : second.schedules) {
            const sim::SimPolicy policy = org().policies.value(ps.policy.slug);
            QVERIFY(policy.steps.size() > 1);
            QStringList expected;
            for (const sim::SimPolicyEntry& e : policy.steps[1].entries) {
                if (e.executionType.startsWith(QLatin1String("rotation_group"))
                    || e.executionType == QLatin1String("user"))
                    expected.append(e.executionType);
            }
            QStringList got;
            for (const OnCallEntry& entry : ps.schedule)
                got.append(entry.onCallType);
            QCOMPARE(got, expected);
        }

        EXPECT_API_ERROR(calls::getTeamSchedule(client(), teamSlug, { 31, {}, {} }),
            ApiErrorKind::BadRequest, nullptr);
        EXPECT_API_ERROR(calls::getTeamSchedule(client(), QStringLiteral("team-nope")),
            ApiErrorKind::NotFound, nullptr);
    }

    void userScheduleListsTheUsersTeams()
    {
        const QString user = m_fx->demoUser();
        // One day ahead: the seeded scheduled overrides all start later, so only membership
        // through the first step's rotations and user entries counts.
        AWAIT(schedule, calls::getUserSchedule(client(), user, { 1, {}, {} }));
        QCOMPARE(compact(schedule.toJson()), compact(scheduleBody));

        QSet<QString> expected;
        for (const sim::SimPolicy& policy : std::as_const(org().policies)) {
            for (const sim::SimPolicyEntry& e : policy.steps.value(0).entries) {
                const bool named = e.executionType == QLatin1String("user") && e.target == user;
                const bool inRotation = e.executionType.startsWith(QLatin1String("rotation_group"))
                    && org().rotations.value(e.target).members.contains(user);
                if (named || inRotation)
                    expected.insert(policy.teamSlug);
            }
        }
        QSet<QString> got;
        for (const TeamSchedule& team : schedule.teamSchedules) {
            got.insert(team.teamSlug);
            QVERIFY(org().teams.value(team.teamSlug).members.contains(user));
            QVERIFY(!team.schedules.isEmpty());
        }
        QVERIFY(expected.size() >= 2);
        QCOMPARE(got, expected);

        EXPECT_API_ERROR(calls::getUserSchedule(client(), QStringLiteral("nobody.here")),
            ApiErrorKind::NotFound, nullptr);
    }

    void teamScheduleV1MatchesV2InEpochMilliseconds()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        QVERIFY(!teamSlug.isEmpty());
        AWAIT(v1, calls::getTeamScheduleV1(client(), teamSlug, { 7, {}, {} }));
        QCOMPARE(compact(v1.toJson()), compact(v1Body));
        // The numbers really are epoch milliseconds on the wire.
        const QJsonObject firstRoll = v1Body.toObject()
                                          .value(QStringLiteral("schedule"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("rolls"))
                                          .toArray()
                                          .at(0)
                                          .toObject();
        QVERIFY(firstRoll.value(QStringLiteral("change")).isDouble());
        AWAIT(v2, calls::getTeamSchedule(client(), teamSlug, { 7, {}, {} }));

        QCOMPARE(v1.team, teamSlug);
        QList<OnCallEntry> flat;
        for (const PolicySchedule& ps : v2.schedules)
            flat += ps.schedule;
        QCOMPARE(v1.schedule.size(), flat.size());
        QVERIFY(!flat.isEmpty());
        for (int i = 0; i < flat.size(); ++i) {
            const ScheduleEntryV1& old = v1.schedule[i];
            QCOMPARE(old.policyType, flat[i].onCallType);
            QCOMPARE(old.oncall, flat[i].onCallUser);
            QCOMPARE(old.rotationName, flat[i].rotationName);
            QCOMPARE(old.shiftRoll, flat[i].shiftRoll.utc);
            QCOMPARE(old.rolls.size(), flat[i].rolls.size());
            for (int j = 0; j < old.rolls.size(); ++j) {
                QCOMPARE(old.rolls[j].change, flat[i].rolls[j].start.utc);
                QCOMPARE(old.rolls[j].until, flat[i].rolls[j].end.utc);
                QCOMPARE(old.rolls[j].oncall, flat[i].rolls[j].onCallUser);
                QCOMPARE(old.rolls[j].change.timeSpec(), Qt::UTC);
            }
        }
        EXPECT_API_ERROR(calls::getTeamScheduleV1(client(), QStringLiteral("team-nope")),
            ApiErrorKind::NotFound, nullptr);
    }

    void userScheduleV1IsABareArrayOfTeams()
    {
        const QString user = m_fx->demoUser();
        AWAIT(v1, calls::getUserScheduleV1(client(), user, { 1, {}, {} }));
        QVERIFY(v1Body.isArray());
        QCOMPARE(compact(v1.toJsonValue()), compact(v1Body));
        QCOMPARE(v1.toJson().value(QStringLiteral("items")), v1.toJsonValue());
        AWAIT(v2, calls::getUserSchedule(client(), user, { 1, {}, {} }));
        QStringList v1Teams;
        for (const TeamScheduleV1& team : v1.teams)
            v1Teams.append(team.team);
        QStringList v2Teams;
        for (const TeamSchedule& team : v2.teamSchedules)
            v2Teams.append(team.teamSlug);
        QVERIFY(v1Teams.size() >= 2);
        QCOMPARE(v1Teams, v2Teams);
        for (const TeamScheduleV1& team : v1.teams) {
            QVERIFY(!team.schedule.isEmpty());
            for (const ScheduleEntryV1& entry : team.schedule)
                QVERIFY(!entry.rolls.isEmpty());
        }
        EXPECT_API_ERROR(calls::getUserScheduleV1(client(), QStringLiteral("nobody.here")),
            ApiErrorKind::NotFound, nullptr);
    }

    // --- shift log -----------------------------------------------------------------------------

    void shiftLogShowsWhoWasOnCall()
    {
        QString onCall;
        const QString teamSlug = teamWithSharedOnCall(&onCall);
        QVERIFY(!teamSlug.isEmpty());
        ShiftLogQuery query;
        const QDateTime end
            = QDateTime::fromSecsSinceEpoch(now().toSecsSinceEpoch(), QTimeZone::utc());
        query.start = end.addDays(-3);
        query.end = end;
        AWAIT(log, calls::getTeamShiftLog(client(), teamSlug, query));
        QCOMPARE(compact(log.toJson()), compact(logBody));

        QCOMPARE(log.teamSlug, teamSlug);
        QCOMPARE(log.start, query.start);
        QCOMPARE(log.end, query.end);
        QVERIFY(!log.userLogs.isEmpty());
        bool currentSeen = false;
        for (const UserShiftLog& user : log.userLogs) {
            QVERIFY2(org().users.contains(user.userId), qPrintable(user.userId));
            QVERIFY(!user.log.isEmpty());
            qint64 sum = 0;
            for (const OnCallInterval& interval : user.log) {
                QCOMPARE(org().policies.value(interval.escalationPolicy.slug).teamSlug, teamSlug);
                QVERIFY(interval.on >= query.start);
                QVERIFY(interval.off <= query.end);
                QVERIFY(interval.on < interval.off);
                QCOMPARE(interval.duration.totalMinutes(), interval.on.secsTo(interval.off) / 60);
                sum += interval.duration.totalMinutes();
            }
            // Per-interval minutes are rounded down, so the total may be a little more.
            QVERIFY(user.total.totalMinutes() >= sum);
            QVERIFY(user.total.totalMinutes() <= sum + user.log.size());
            QVERIFY(user.adjustedTotal.totalMinutes() <= user.total.totalMinutes());
            if (user.userId == onCall) {
                currentSeen = true;
                QCOMPARE(user.log.last().off, query.end);
            }
        }
        QVERIFY2(currentSeen, qPrintable(onCall));

        query.userName = onCall;
        AWAIT(mine, calls::getTeamShiftLog(client(), teamSlug, query));
        QCOMPARE(mine.userLogs.size(), 1);
        QCOMPARE(mine.userLogs[0].userId, onCall);

        query.end = query.start.addSecs(-1);
        EXPECT_API_ERROR(
            calls::getTeamShiftLog(client(), teamSlug, query), ApiErrorKind::BadRequest, nullptr);
    }

    void queryValuesAndPathSegmentsAreEncoded()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        ShiftLogQuery query;
        query.userName = QStringLiteral("a+b%41&c=d é");
        QString message;
        EXPECT_API_ERROR(
            calls::getTeamShiftLog(client(), teamSlug, query), ApiErrorKind::NotFound, &message);
        QVERIFY2(message.contains(query.userName), qPrintable(message));

        // A path segment arrives as it was given, slash and all.
        const QString odd = QStringLiteral("nobody here/é%41+");
        EXPECT_API_ERROR(calls::getUserSchedule(client(), odd), ApiErrorKind::NotFound, &message);
        QVERIFY2(message.contains(odd), qPrintable(message));

        // Without encoding this would be GET .../overrides/{id}/assignments (an array).
        const QString publicId = org().scheduledOverrides.firstKey();
        EXPECT_API_ERROR(calls::getOverride(client(), publicId + QStringLiteral("/assignments")),
            ApiErrorKind::NotFound, nullptr);
        EXPECT_API_ERROR(calls::getEscalationPolicy(client(), QStringLiteral("../overrides")),
            ApiErrorKind::NotFound, nullptr);
    }

    // --- rotation groups -----------------------------------------------------------------------

    void rotationGroupsAreTheTeamsRotations()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        AWAIT(list, calls::listRotationGroups(client(), teamSlug));
        QCOMPARE(compact(list.toJson()), compact(listBody));
        QSet<QString> expected;
        for (const sim::SimRotation& rotation : std::as_const(org().rotations)) {
            if (rotation.teamSlug == teamSlug)
                expected.insert(rotation.slug + QLatin1Char('/') + rotation.label);
        }
        QSet<QString> got;
        for (const RotationGroup& group : list.rotationGroups) {
            QCOMPARE(group.teamSlug, teamSlug);
            got.insert(group.slug + QLatin1Char('/') + group.label);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(got, expected);
        EXPECT_API_ERROR(calls::listRotationGroups(client(), QStringLiteral("team-nope")),
            ApiErrorKind::NotFound, nullptr);
    }

    // --- escalation policies -------------------------------------------------------------------

    void listEscalationPoliciesMatchesTheSimulator()
    {
        AWAIT(list, calls::listEscalationPolicies(client()));
        QCOMPARE(compact(list.toJson()), compact(listBody));
        QCOMPARE(list.policies.size(), org().policies.size());
        for (const EscalationPolicyInfo& info : list.policies) {
            QVERIFY(org().policies.contains(info.policySlug));
            const sim::SimPolicy policy = org().policies.value(info.policySlug);
            QCOMPARE(info.policyName, policy.name);
            QCOMPARE(info.teamSlug, policy.teamSlug);
            QCOMPARE(info.teamName, org().teams.value(policy.teamSlug).name);
            QCOMPARE(info.policySelfUrl, QStringLiteral("/api-public/v1/policies/") + policy.slug);
        }
    }

    void getEscalationPolicyHasTypedEntries()
    {
        const sim::SimPolicy* expected = richestPolicy();
        QVERIFY(expected);
        AWAIT(policy, calls::getEscalationPolicy(client(), expected->slug));
        QCOMPARE(compact(policy.toJson()), compact(policyBody));

        QCOMPARE(policy.slug, expected->slug);
        QCOMPARE(policy.name, expected->name);
        QCOMPARE(policy.ignoreCustomPagingPolicies, expected->ignoreCustomPagingPolicies);
        QCOMPARE(policy.steps.size(), expected->steps.size());
        QSet<int> types;
        for (int s = 0; s < policy.steps.size(); ++s) {
            QCOMPARE(policy.steps[s].timeout, expected->steps[s].timeout);
            QCOMPARE(policy.steps[s].entries.size(), expected->steps[s].entries.size());
            for (int e = 0; e < policy.steps[s].entries.size(); ++e) {
                const EscalationPolicyEntry& entry = policy.steps[s].entries[e];
                const sim::SimPolicyEntry& simEntry = expected->steps[s].entries[e];
                QVERIFY(entry.type != EscalationEntryType::Unknown);
                types.insert(static_cast<int>(entry.type));
                QCOMPARE(escalationEntryTypeToApi(entry.type), simEntry.executionType);
                QCOMPARE(entry.executionType, simEntry.executionType);
                QCOMPARE(entry.target(), simEntry.target);
                switch (entry.type) {
                case EscalationEntryType::RotationGroup:
                case EscalationEntryType::RotationGroupNext:
                case EscalationEntryType::RotationGroupPrevious:
                    QCOMPARE(
                        entry.rotationGroupLabel, org().rotations.value(simEntry.target).label);
                    QCOMPARE(entry.displayName(), entry.rotationGroupLabel);
                    break;
                case EscalationEntryType::User:
                    QCOMPARE(entry.firstName, org().users.value(simEntry.target).firstName);
                    QCOMPARE(entry.lastName, org().users.value(simEntry.target).lastName);
                    break;
                case EscalationEntryType::Webhook:
                    QCOMPARE(entry.webhookLabel, org().webhooks.value(simEntry.target).label);
                    break;
                case EscalationEntryType::Email:
                    QVERIFY(entry.emailAddress.contains(QLatin1Char('@')));
                    break;
                case EscalationEntryType::PolicyRouting:
                    QVERIFY(org().policies.contains(entry.targetPolicySlug));
                    break;
                case EscalationEntryType::Unknown:
                    break;
                }
            }
        }
        // The seed's "Critical" policies carry rotations, next-in-rotation, webhooks, users and
        // e-mail addresses.
        QVERIFY2(types.size() >= 5, "the richest seeded policy should use five entry types");

        EXPECT_API_ERROR(calls::getEscalationPolicy(client(), QStringLiteral("pol-nope")),
            ApiErrorKind::NotFound, nullptr);
    }

    void createEscalationPolicyStoresEveryEntryType()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        AWAIT(rotations, calls::listRotationGroups(client(), teamSlug));
        QVERIFY(!rotations.rotationGroups.isEmpty());
        const QString rotation = rotations.rotationGroups.first().slug;
        const QString webhook = org().webhooks.firstKey();
        const QString routeTo = org().policies.firstKey();
        const int before = static_cast<int>(org().policies.size());

        NewEscalationPolicy create;
        create.name = QStringLiteral("Nights & weekends");
        create.teamSlug = teamSlug;
        create.ignoreCustomPagingPolicies = true;
        create.steps = {
            { 0,
                { EscalationPolicyEntry::rotationGroup(rotation),
                    EscalationPolicyEntry::webhook(webhook) } },
            { 5,
                { EscalationPolicyEntry::rotationGroup(
                      rotation, EscalationEntryType::RotationGroupNext),
                    EscalationPolicyEntry::rotationGroup(
                        rotation, EscalationEntryType::RotationGroupPrevious),
                    EscalationPolicyEntry::user(m_fx->demoUser()) } },
            { 30,
                { EscalationPolicyEntry::email(QStringLiteral("night-desk@example.com")),
                    EscalationPolicyEntry::policyRouting(routeTo) } },
        };
        AWAIT(created, calls::createEscalationPolicy(client(), create));
        QVERIFY(created.slug.startsWith(QLatin1String("pol-")));
        QCOMPARE(created.name, create.name);
        QCOMPARE(created.ignoreCustomPagingPolicies, true);
        QCOMPARE(org().policies.size(), before + 1);

        AWAIT(fetched, calls::getEscalationPolicy(client(), created.slug));
        QCOMPARE(compact(fetched.toJson()), compact(created.toJson()));
        QCOMPARE(fetched.steps.size(), 3);
        QCOMPARE(fetched.steps[1].timeout, 5);
        QCOMPARE(fetched.steps[2].timeout, 30);
        QCOMPARE(fetched.steps[0].entries[0].type, EscalationEntryType::RotationGroup);
        QCOMPARE(fetched.steps[0].entries[0].rotationGroupSlug, rotation);
        QCOMPARE(fetched.steps[0].entries[1].webhookSlug, webhook);
        QCOMPARE(fetched.steps[1].entries[0].type, EscalationEntryType::RotationGroupNext);
        QCOMPARE(fetched.steps[1].entries[1].type, EscalationEntryType::RotationGroupPrevious);
        QCOMPARE(fetched.steps[1].entries[2].username, m_fx->demoUser());
        QCOMPARE(
            fetched.steps[1].entries[2].firstName, org().users.value(m_fx->demoUser()).firstName);
        QCOMPARE(
            fetched.steps[2].entries[0].emailAddress, QStringLiteral("night-desk@example.com"));
        QCOMPARE(fetched.steps[2].entries[1].targetPolicySlug, routeTo);

        AWAIT(list, calls::listEscalationPolicies(client()));
        bool listed = false;
        for (const EscalationPolicyInfo& info : list.policies) {
            if (info.policySlug == created.slug) {
                listed = true;
                QCOMPARE(info.teamSlug, teamSlug);
                QCOMPARE(info.policyName, create.name);
            }
        }
        QVERIFY(listed);

        // A rotation of another team is refused, and nothing is created.
        QString otherRotation;
        for (const sim::SimRotation& r : std::as_const(org().rotations)) {
            if (r.teamSlug != teamSlug)
                otherRotation = r.slug;
        }
        QVERIFY(!otherRotation.isEmpty());
        create.steps = { { 0, { EscalationPolicyEntry::rotationGroup(otherRotation) } } };
        QString message;
        EXPECT_API_ERROR(
            calls::createEscalationPolicy(client(), create), ApiErrorKind::BadRequest, &message);
        QVERIFY2(message.contains(QLatin1String("steps[0].entries[0].rotationGroup.slug")),
            qPrintable(message));
        QCOMPARE(org().policies.size(), before + 1);
    }

    void deleteEscalationPolicyRemovesIt()
    {
        QString unused;
        const QString teamSlug = teamWithSharedOnCall(&unused);
        NewEscalationPolicy create;
        create.name = QStringLiteral("Short-lived");
        create.teamSlug = teamSlug;
        create.steps = { { 0, { EscalationPolicyEntry::user(m_fx->demoUser()) } } };
        AWAIT(created, calls::createEscalationPolicy(client(), create));
        QVERIFY(org().policies.contains(created.slug));

        AWAIT(deleted, calls::deleteEscalationPolicy(client(), created.slug));
        Q_UNUSED(deleted)
        QVERIFY(!org().policies.contains(created.slug));
        EXPECT_API_ERROR(
            calls::getEscalationPolicy(client(), created.slug), ApiErrorKind::NotFound, nullptr);
        AWAIT(list, calls::listEscalationPolicies(client()));
        for (const EscalationPolicyInfo& info : list.policies)
            QVERIFY(info.policySlug != created.slug);
        EXPECT_API_ERROR(
            calls::deleteEscalationPolicy(client(), created.slug), ApiErrorKind::NotFound, nullptr);
    }

    // --- scheduled overrides -------------------------------------------------------------------

    void listOverridesMatchesTheSimulator()
    {
        AWAIT(list, calls::listOverrides(client()));
        QCOMPARE(compact(list.toJson()), compact(listBody));
        QCOMPARE(list.selfUrl, QStringLiteral("/api-public/v1/overrides"));
        QCOMPARE(list.overrides.size(), org().scheduledOverrides.size());
        QVERIFY(list.overrides.size() >= 2);
        for (const ScheduledOverride& o : list.overrides) {
            QVERIFY(org().scheduledOverrides.contains(o.publicId));
            const sim::SimScheduledOverride expected = org().scheduledOverrides.value(o.publicId);
            QCOMPARE(o.username, expected.username);
            QCOMPARE(o.firstName, org().users.value(expected.username).firstName);
            QCOMPARE(o.timeZone, expected.timeZone);
            QCOMPARE(o.start.utc, expected.start);
            QCOMPARE(o.end.utc, expected.end);
            const QTimeZone zone(o.timeZone.toUtf8());
            QCOMPARE(o.start.offsetSeconds, zone.offsetFromUtc(expected.start));
            // Seeded overrides run from 09:00 to 09:00 in their own zone.
            QCOMPARE(o.start.local().time(), QTime(9, 0));
            QCOMPARE(o.assignments.size(), expected.assignments.size());
            for (const OverrideAssignment& a : o.assignments) {
                QVERIFY(expected.assignments.contains(a.policy));
                QCOMPARE(a.user, expected.assignments.value(a.policy));
                QCOMPARE(a.assigned, !a.user.isEmpty());
                QCOMPARE(a.team, org().policies.value(a.policy).teamSlug);
            }
        }
    }

    void createOverrideThenGetAndDeleteIt()
    {
        const QString user = m_fx->demoUser();
        const QTimeZone berlin("Europe/Berlin");
        const QDate day = now().toTimeZone(berlin).date().addDays(3);
        NewScheduledOverride create;
        create.username = user;
        create.timeZone = QStringLiteral("Europe/Berlin");
        create.start = QDateTime(day, QTime(8, 30), berlin).toUTC();
        create.end = QDateTime(day.addDays(2), QTime(18, 0), berlin).toUTC();
        const int before = static_cast<int>(org().scheduledOverrides.size());

        AWAIT(created, calls::createOverride(client(), create));
        QCOMPARE(compact(created.toJson()),
            compact(createdBody.toObject().value(QStringLiteral("schedule"))));
        QVERIFY(!created.publicId.isEmpty());
        QCOMPARE(created.username, user);
        QCOMPARE(created.timeZone, create.timeZone);
        QCOMPARE(created.start.utc, create.start);
        QCOMPARE(created.end.utc, create.end);
        QCOMPARE(created.start.offsetSeconds, berlin.offsetFromUtc(create.start));
        QCOMPARE(created.start.local().time(), QTime(8, 30));
        QCOMPARE(created.end.local().time(), QTime(18, 0));
        QCOMPARE(org().scheduledOverrides.size(), before + 1);
        // One unassigned assignment per policy the user is on.
        QVERIFY(!created.assignments.isEmpty());
        for (const OverrideAssignment& a : created.assignments) {
            QVERIFY(!a.assigned);
            QVERIFY(a.user.isEmpty());
            QVERIFY(org().policies.contains(a.policy));
        }

        AWAIT(fetched, calls::getOverride(client(), created.publicId));
        QCOMPARE(compact(fetched.toJson()),
            compact(fetchedBody.toObject().value(QStringLiteral("override"))));
        QCOMPARE(compact(fetched.toJson()), compact(created.toJson()));
        AWAIT(list, calls::listOverrides(client()));
        QCOMPARE(list.overrides.size(), before + 1);

        AWAIT(deleted, calls::deleteOverride(client(), created.publicId));
        Q_UNUSED(deleted)
        EXPECT_API_ERROR(
            calls::getOverride(client(), created.publicId), ApiErrorKind::NotFound, nullptr);
        QCOMPARE(org().scheduledOverrides.size(), before);
        EXPECT_API_ERROR(
            calls::deleteOverride(client(), created.publicId), ApiErrorKind::NotFound, nullptr);

        // The service checks what it is given.
        NewScheduledOverride backwards = create;
        std::swap(backwards.start, backwards.end);
        EXPECT_API_ERROR(
            calls::createOverride(client(), backwards), ApiErrorKind::BadRequest, nullptr);
        NewScheduledOverride nowhere = create;
        nowhere.timeZone = QStringLiteral("Mars/Olympus_Mons");
        EXPECT_API_ERROR(
            calls::createOverride(client(), nowhere), ApiErrorKind::BadRequest, nullptr);
        QCOMPARE(org().scheduledOverrides.size(), before);
    }

    void getOverrideMatchesTheSimulator()
    {
        const sim::SimScheduledOverride expected = org().scheduledOverrides.first();
        AWAIT(o, calls::getOverride(client(), expected.publicId));
        QCOMPARE(o.publicId, expected.publicId);
        QCOMPARE(o.username, expected.username);
        QCOMPARE(o.lastName, org().users.value(expected.username).lastName);
        QCOMPARE(o.start.utc, expected.start);
        QCOMPARE(o.end.utc, expected.end);
        QCOMPARE(o.assignments.size(), expected.assignments.size());
        EXPECT_API_ERROR(calls::getOverride(client(), QStringLiteral("no-such-override")),
            ApiErrorKind::NotFound, nullptr);
    }

    void overrideAssignmentsListAndGet()
    {
        const sim::SimScheduledOverride expected = org().scheduledOverrides.first();
        AWAIT(list, calls::listOverrideAssignments(client(), expected.publicId));
        QVERIFY(listBody.isArray());
        QCOMPARE(compact(list.toJsonValue()), compact(listBody));
        QCOMPARE(list.assignments.size(), expected.assignments.size());
        for (auto it = expected.assignments.cbegin(); it != expected.assignments.cend(); ++it) {
            const OverrideAssignment* a = list.find(it.key());
            QVERIFY2(a, qPrintable(it.key()));
            QCOMPARE(a->user, it.value());
            QCOMPARE(a->assigned, !it.value().isEmpty());
            QCOMPARE(a->selfUrl,
                QStringLiteral("/api-public/v1/overrides/") + expected.publicId
                    + QStringLiteral("/assignments/") + it.key());
        }
        QVERIFY(!list.find(QStringLiteral("pol-nope")));

        const OverrideAssignment first = list.assignments.first();
        AWAIT(one, calls::getOverrideAssignment(client(), expected.publicId, first.policy));
        QCOMPARE(compact(one.toJson()), compact(oneBody));
        QCOMPARE(compact(one.toJson()), compact(first.toJson()));

        EXPECT_API_ERROR(
            calls::getOverrideAssignment(client(), expected.publicId, QStringLiteral("pol-nope")),
            ApiErrorKind::NotFound, nullptr);
        EXPECT_API_ERROR(calls::listOverrideAssignments(client(), QStringLiteral("no-such")),
            ApiErrorKind::NotFound, nullptr);
    }

    void updateOverrideAssignmentPutsAStandInOnTheSchedule()
    {
        // An override with an assignment nobody has taken yet.
        QString publicId;
        QString policySlug;
        for (const sim::SimScheduledOverride& o : std::as_const(org().scheduledOverrides)) {
            for (auto it = o.assignments.cbegin(); it != o.assignments.cend(); ++it) {
                if (it.value().isEmpty() && publicId.isEmpty()) {
                    publicId = o.publicId;
                    policySlug = it.key();
                }
            }
        }
        QVERIFY2(!publicId.isEmpty(), "the seed has no unassigned override assignment");
        const sim::SimScheduledOverride before = org().scheduledOverrides.value(publicId);
        const QString teamSlug = org().policies.value(policySlug).teamSlug;
        QString standIn;
        for (const QString& member : org().teams.value(teamSlug).members) {
            if (member != before.username)
                standIn = member;
        }
        QVERIFY(!standIn.isEmpty());

        AWAIT(updated, calls::updateOverrideAssignment(client(), publicId, policySlug, standIn));
        QCOMPARE(compact(updated.toJson()), compact(updatedBody));
        QVERIFY(updated.assigned);
        QCOMPARE(updated.user, standIn);
        QCOMPARE(updated.policy, policySlug);
        QCOMPARE(updated.team, teamSlug);
        QCOMPARE(org().scheduledOverrides.value(publicId).assignments.value(policySlug), standIn);

        AWAIT(fetched, calls::getOverrideAssignment(client(), publicId, policySlug));
        QCOMPARE(fetched.user, standIn);
        QVERIFY(fetched.assigned);

        // The policy's schedule over the next month now names the stand-in for the override.
        AWAIT(schedule, calls::getTeamSchedule(client(), teamSlug, { 30, {}, {} }));
        bool shown = false;
        for (const PolicySchedule& ps : schedule.schedules) {
            if (ps.policy.slug != policySlug)
                continue;
            for (const OnCallOverride& o : ps.overrides) {
                if (o.origOnCallUser == before.username && o.start.utc == before.start) {
                    QCOMPARE(o.overrideOnCallUser, standIn);
                    QCOMPARE(o.end.utc, before.end);
                    QCOMPARE(o.start.offsetSeconds,
                        QTimeZone(before.timeZone.toUtf8()).offsetFromUtc(before.start));
                    shown = true;
                }
            }
        }
        QVERIFY(shown);

        // The away user cannot stand in for themselves.
        EXPECT_API_ERROR(
            calls::updateOverrideAssignment(client(), publicId, policySlug, before.username),
            ApiErrorKind::BadRequest, nullptr);
        EXPECT_API_ERROR(calls::updateOverrideAssignment(
                             client(), publicId, policySlug, QStringLiteral("nobody.here")),
            ApiErrorKind::NotFound, nullptr);
    }

    void deleteOverrideAssignmentLeavesItUnassigned()
    {
        QString publicId;
        QString policySlug;
        for (const sim::SimScheduledOverride& o : std::as_const(org().scheduledOverrides)) {
            for (auto it = o.assignments.cbegin(); it != o.assignments.cend(); ++it) {
                if (!it.value().isEmpty() && publicId.isEmpty()) {
                    publicId = o.publicId;
                    policySlug = it.key();
                }
            }
        }
        QVERIFY2(!publicId.isEmpty(), "the seed has no assigned override assignment");

        AWAIT(cleared, calls::deleteOverrideAssignment(client(), publicId, policySlug));
        QCOMPARE(compact(cleared.toJson()), compact(clearedBody));
        QVERIFY(!cleared.assigned);
        QVERIFY(cleared.user.isEmpty());
        QCOMPARE(cleared.policy, policySlug);

        AWAIT(fetched, calls::getOverrideAssignment(client(), publicId, policySlug));
        QVERIFY(!fetched.assigned);
        QVERIFY(fetched.user.isEmpty());
        AWAIT(list, calls::listOverrideAssignments(client(), publicId));
        QVERIFY(list.find(policySlug));
        QVERIFY(!list.find(policySlug)->assigned);
        QVERIFY(org().scheduledOverrides.value(publicId).assignments.value(policySlug).isEmpty());
    }

    // --- parsers on hostile input --------------------------------------------------------------

    void parseKeepsTheOffsetsOfTimes()
    {
        OnCallRoll roll;
        const QByteArray body = R"({"start":"2026-03-29T01:30:00+01:00",)"
                                R"("end":"2026-03-29T03:30:00.250+02:00","isRoll":true,)"
                                R"("onCallUser":{"username":"ana"}})";
        QCOMPARE(parseError(body, &roll), QString());
        QCOMPARE(roll.start.utc, QDateTime(QDate(2026, 3, 29), QTime(0, 30), QTimeZone::utc()));
        QCOMPARE(roll.start.utc.timeSpec(), Qt::UTC);
        QCOMPARE(roll.start.offsetSeconds, 3600);
        QCOMPARE(roll.end.offsetSeconds, 7200);
        QCOMPARE(
            roll.end.utc, QDateTime(QDate(2026, 3, 29), QTime(1, 30, 0, 250), QTimeZone::utc()));
        QCOMPARE(roll.start.local().time(), QTime(1, 30));
        QCOMPARE(roll.end.local().time(), QTime(3, 30, 0, 250));
        QCOMPARE(roll.onCallUser, QStringLiteral("ana"));
        QVERIFY(roll.isRoll);
        // Written back as it came.
        QCOMPARE(roll.toJson().value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-03-29T01:30:00+01:00"));
        QCOMPARE(roll.toJson().value(QStringLiteral("end")).toString(),
            QStringLiteral("2026-03-29T03:30:00.250+02:00"));

        // Z, negative offsets and epoch milliseconds.
        OnCallOverride o;
        QCOMPARE(
            parseError(R"({"start":"2026-12-16T09:00:00-08:00","end":"2026-12-21T17:00:00Z"})", &o),
            QString());
        QCOMPARE(o.start.offsetSeconds, -8 * 3600);
        QCOMPARE(o.start.utc.time(), QTime(17, 0));
        QCOMPARE(o.end.offsetSeconds, 0);
        QCOMPARE(o.toJson().value(QStringLiteral("end")).toString(),
            QStringLiteral("2026-12-21T17:00:00Z"));
        QCOMPARE(parseError(R"({"start":1796047200000})", &o), QString());
        QCOMPARE(o.start.utc.toMSecsSinceEpoch(), Q_INT64_C(1796047200000));
        QCOMPARE(o.start.offsetSeconds, 0);

        // A time without a zone is not guessed.
        const QString error = parseError<OnCallOverride>(R"({"start":"2026-12-16T09:00:00"})");
        QVERIFY2(error.contains(QLatin1String("$.start")), qPrintable(error));
    }

    void parseWrongTypesNameTheFieldPath_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::newRow("current: teamsOnCall object")
            << QStringLiteral("CurrentOnCall") << QByteArray(R"({"teamsOnCall":{}})")
            << QStringLiteral("$.teamsOnCall:");
        QTest::newRow("current: username number")
            << QStringLiteral("CurrentOnCall")
            << QByteArray(
                   R"({"teamsOnCall":[{"onCallNow":[{"users":[{"onCallUser":{"username":7}}]}]}]})")
            << QStringLiteral("$.teamsOnCall[0].onCallNow[0].users[0].onCallUser.username:");
        QTest::newRow("team schedule: policy slug")
            << QStringLiteral("TeamSchedule")
            << QByteArray(R"({"schedules":[{"policy":{"slug":7}}]})")
            << QStringLiteral("$.schedules[0].policy.slug:");
        QTest::newRow("team schedule: roll start")
            << QStringLiteral("TeamSchedule")
            << QByteArray(R"({"schedules":[{"schedule":[{"rolls":[{},{"start":true}]}]}]})")
            << QStringLiteral("$.schedules[0].schedule[0].rolls[1].start:");
        QTest::newRow("team schedule: isRoll string")
            << QStringLiteral("TeamSchedule")
            << QByteArray(R"({"schedules":[{"schedule":[{"rolls":[{"isRoll":"true"}]}]}]})")
            << QStringLiteral("$.schedules[0].schedule[0].rolls[0].isRoll:");
        QTest::newRow("user schedule: team")
            << QStringLiteral("UserSchedule") << QByteArray(R"({"teamSchedules":[{"team":"x"}]})")
            << QStringLiteral("$.teamSchedules[0].team:");
        QTest::newRow("v1: change string")
            << QStringLiteral("TeamScheduleV1")
            << QByteArray(R"({"schedule":[{"rolls":[{"change":"soon"}]}]})")
            << QStringLiteral("$.schedule[0].rolls[0].change:");
        QTest::newRow("v1 user: not an array")
            << QStringLiteral("UserScheduleV1") << QByteArray(R"({"team":"x"})")
            << QStringLiteral("$:");
        QTest::newRow("v1 user: element override end")
            << QStringLiteral("UserScheduleV1") << QByteArray(R"([{"overrides":[{"end":[]}]}])")
            << QStringLiteral("$[0].overrides[0].end:");
        QTest::newRow("log: hours string")
            << QStringLiteral("OnCallLog")
            << QByteArray(R"({"userLogs":[{"total":{"hours":"3"}}]})")
            << QStringLiteral("$.userLogs[0].total.hours:");
        QTest::newRow("log: policy name")
            << QStringLiteral("OnCallLog")
            << QByteArray(R"({"userLogs":[{"log":[{"escalationPolicy":{"name":false}}]}]})")
            << QStringLiteral("$.userLogs[0].log[0].escalationPolicy.name:");
        QTest::newRow("rotations: label") << QStringLiteral("RotationGroupList")
                                          << QByteArray(R"({"rotationGroups":[{"label":{}}]})")
                                          << QStringLiteral("$.rotationGroups[0].label:");
        QTest::newRow("policy: rotation slug")
            << QStringLiteral("EscalationPolicy")
            << QByteArray(R"({"steps":[{"entries":[{"rotationGroup":{"slug":[]}}]}]})")
            << QStringLiteral("$.steps[0].entries[0].rotationGroup.slug:");
        QTest::newRow("policy: timeout fraction")
            << QStringLiteral("EscalationPolicy") << QByteArray(R"({"steps":[{"timeout":1.5}]})")
            << QStringLiteral("$.steps[0].timeout:");
        QTest::newRow("policy list: team") << QStringLiteral("EscalationPolicyInfoList")
                                           << QByteArray(R"({"policies":[{"team":[1]}]})")
                                           << QStringLiteral("$.policies[0].team:");
        QTest::newRow("overrides: assigned string")
            << QStringLiteral("ScheduledOverrideList")
            << QByteArray(R"({"overrides":[{"assignments":[{"assigned":"yes"}]}]})")
            << QStringLiteral("$.overrides[0].assignments[0].assigned:");
        QTest::newRow("overrides: user string") << QStringLiteral("ScheduledOverrideList")
                                                << QByteArray(R"({"overrides":[{"user":"ana"}]})")
                                                << QStringLiteral("$.overrides[0].user:");
        QTest::newRow("assignments: object")
            << QStringLiteral("OverrideAssignmentList") << QByteArray(R"({"policy":"x"})")
            << QStringLiteral("$:");
        QTest::newRow("assignments: user number")
            << QStringLiteral("OverrideAssignmentList") << QByteArray(R"([{"user":1}])")
            << QStringLiteral("$[0].user:");
    }

    void parseWrongTypesNameTheFieldPath()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        const QString error = parseAs(type, body);
        QVERIFY2(error.startsWith(path), qPrintable(error));
    }

    void parseMissingOptionalFieldsKeepDefaults()
    {
        for (const QString& type : parserTypes()) {
            // The two bare-array answers default from an empty array, the rest from {}.
            const bool isArray = type == QLatin1String("UserScheduleV1")
                || type == QLatin1String("OverrideAssignmentList");
            const QString error = parseAs(type, isArray ? QByteArray("[]") : QByteArray("{}"));
            QVERIFY2(error.isEmpty(), qPrintable(type + QLatin1String(": ") + error));
        }
        OverrideAssignmentList emptyList;
        QCOMPARE(parseError(QByteArray("[]"), &emptyList), QString());
        QVERIFY(emptyList.assignments.isEmpty());

        OnCallEntry entry;
        QCOMPARE(parseError(R"({"onCallType":"user"})", &entry), QString());
        QVERIFY(entry.rolls.isEmpty());
        QVERIFY(entry.onCallUser.isEmpty());
        QVERIFY(!entry.shiftRoll.isValid());
        QCOMPARE(entry.shiftRoll.offsetSeconds, 0);
        // Absent optional fields are not invented on the way back.
        QCOMPARE(compact(entry.toJson()), QByteArray(R"({"onCallType":"user","rolls":[]})"));

        EscalationPolicy policy;
        QCOMPARE(parseError(R"({"name":"P","steps":[{"entries":[{}]}]})", &policy), QString());
        QCOMPARE(policy.steps.size(), 1);
        QCOMPARE(policy.steps[0].timeout, 0);
        QCOMPARE(policy.steps[0].entries[0].type, EscalationEntryType::Unknown);
        QVERIFY(!policy.ignoreCustomPagingPolicies);

        ScheduledOverride o;
        QCOMPARE(parseError(R"({"publicId":"x","start":null,"user":null})", &o), QString());
        QVERIFY(!o.start.isValid());
        QVERIFY(o.username.isEmpty());
    }

    void parseIgnoresUnknownFields()
    {
        EscalationPolicy policy;
        const QByteArray body
            = R"({"name":"P","slug":"pol-1","future":{"a":[1,2]},"steps":[)"
              R"({"timeout":5,"extra":true,"entries":[)"
              R"({"executionType":"team_routing","team":{"slug":"team-1"}},)"
              R"({"executionType":"user","user":{"username":"ana","nick":"A"}}]}]})";
        QCOMPARE(parseError(body, &policy), QString());
        QCOMPARE(policy.slug, QStringLiteral("pol-1"));
        QCOMPARE(policy.steps[0].timeout, 5);
        QCOMPARE(policy.steps[0].entries[0].type, EscalationEntryType::Unknown);
        QCOMPARE(policy.steps[0].entries[0].executionType, QStringLiteral("team_routing"));
        QCOMPARE(
            policy.steps[0].entries[0].toJson().value(QStringLiteral("executionType")).toString(),
            QStringLiteral("team_routing"));
        QCOMPARE(policy.steps[0].entries[1].type, EscalationEntryType::User);
        QCOMPARE(policy.steps[0].entries[1].target(), QStringLiteral("ana"));

        CurrentOnCall current;
        QCOMPARE(parseError(R"({"teamsOnCall":[{"team":{"slug":"t","x":1},"onCallNow":[)"
                            R"({"escalationPolicy":{"slug":"p"},"users":[{"onCallUser":)"
                            R"({"username":"ana","phone":"1"}},{"other":1}]}]}],"version":2})",
                     &current),
            QString());
        QCOMPARE(current.usersFor(QStringLiteral("p")), QStringList { QStringLiteral("ana") });
        QVERIFY(current.usersFor(QStringLiteral("q")).isEmpty());
    }

    void parseHugeNumbersAreErrors()
    {
        QString error = parseAs(
            QStringLiteral("OnCallLog"), R"({"userLogs":[{"total":{"hours":1e300,"minutes":0}}]})");
        QVERIFY2(error.startsWith(QLatin1String("$.userLogs[0].total.hours:")), qPrintable(error));
        error = parseAs(
            QStringLiteral("EscalationPolicy"), R"({"steps":[{"timeout":9007199254740993e3}]})");
        QVERIFY2(error.startsWith(QLatin1String("$.steps[0].timeout:")), qPrintable(error));
        error = parseAs(QStringLiteral("TeamScheduleV1"), R"({"schedule":[{"shiftRoll":1e16}]})");
        QVERIFY2(error.startsWith(QLatin1String("$.schedule[0].shiftRoll:")), qPrintable(error));
        error = parseAs(QStringLiteral("TeamSchedule"),
            R"({"schedules":[{"schedule":[{"shiftRoll":"99999-01-01T00:00:00Z"}]}]})");
        QVERIFY2(error.startsWith(QLatin1String("$.schedules[0].schedule[0].shiftRoll:")),
            qPrintable(error));
        // A big but whole timeout is kept within reason rather than overflowing an int.
        EscalationPolicy policy;
        QCOMPARE(parseError(R"({"steps":[{"timeout":4000000000}]})", &policy), QString());
        QVERIFY(policy.steps[0].timeout > 0);
    }

    void parseDeepNestingIsRefusedOrReported()
    {
        // Far deeper than any parser should follow: refused as JSON, no crash.
        const int depth = 100000;
        const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
        for (const QString& type : parserTypes()) {
            const QString error = parseAs(type, deep);
            QVERIFY2(!error.isEmpty(), qPrintable(type));
        }
        // Nesting the parser does read, where an object belongs: an error at that path.
        const QByteArray nested = R"({"schedules":[{"schedule":[{"rolls":[)" + QByteArray(200, '[')
            + QByteArray(200, ']') + "]}]}]}";
        const QString error = parseAs(QStringLiteral("TeamSchedule"), nested);
        QVERIFY2(error.startsWith(QLatin1String("$.schedules[0].schedule[0].rolls[0]:")),
            qPrintable(error));
    }

    void parseInvalidUtf8DoesNotCrash()
    {
        TeamSchedule schedule;
        const QByteArray body = QByteArray(R"({"team":{"name":"Ops )")
            + QByteArray("\xff\xfe\xc3", 3) + QByteArray(R"(","slug":"t"}})");
        const QString error = parseError(body, &schedule);
        // Either refused, or read with the bad bytes replaced; never garbage that passes as text.
        if (error.isEmpty()) {
            QVERIFY(schedule.teamName.startsWith(QLatin1String("Ops ")));
            QVERIFY(schedule.teamName.contains(QChar::ReplacementCharacter));
            QCOMPARE(schedule.teamSlug, QStringLiteral("t"));
        } else {
            QVERIFY(schedule.teamName.isEmpty());
        }
    }

    void parseTruncatedBodiesAreErrors()
    {
        const QByteArray body = R"({"overrides":[{"publicId":"p","user":{"username":"ana"},)"
                                R"("timezone":"Europe/Berlin","start":"2026-11-29T09:00:00+01:00",)"
                                R"("end":"2026-12-05T09:00:00+01:00","assignments":[)"
                                R"({"team":"t","policy":"pol","assigned":true,"user":"bo"}]}]})";
        ScheduledOverrideList full;
        QCOMPARE(parseError(body, &full), QString());
        QCOMPARE(full.overrides.size(), 1);
        QCOMPARE(full.overrides[0].assignments[0].user, QStringLiteral("bo"));
        for (int n = 0; n < body.size(); ++n) {
            ScheduledOverrideList partial;
            const QString error = parseError(body.left(n), &partial);
            QVERIFY2(error.startsWith(QLatin1String("$:")), qPrintable(QString::number(n)));
            QVERIFY(partial.overrides.isEmpty());
        }
    }

    void parseRoundTripsThroughToJson()
    {
        NewEscalationPolicy create;
        create.name = QStringLiteral("P");
        create.teamSlug = QStringLiteral("team-1");
        create.steps = { { 0,
            { EscalationPolicyEntry::rotationGroup(QStringLiteral("rtg-1")),
                EscalationPolicyEntry::email(QStringLiteral("a@b.example")) } } };
        // The create body carries exactly one target object per entry and no labels.
        QCOMPARE(compact(create.toJson()),
            QByteArray(R"({"ignoreCustomPagingPolicies":false,"name":"P","steps":[{"entries":[)"
                       R"({"executionType":"rotation_group","rotationGroup":{"slug":"rtg-1"}},)"
                       R"({"email":{"address":"a@b.example"},"executionType":"email"}],)"
                       R"("timeout":0}],"teamSlug":"team-1"})"));
        NewEscalationPolicy back;
        QCOMPARE(parseError(compact(create.toJson()), &back), QString());
        QCOMPARE(compact(back.toJson()), compact(create.toJson()));

        NewScheduledOverride o;
        o.username = QStringLiteral("ana");
        o.timeZone = QStringLiteral("Europe/Berlin");
        o.start = QDateTime(QDate(2026, 11, 29), QTime(8, 0), QTimeZone::utc());
        o.end = o.start.addDays(1);
        QCOMPARE(o.toJson().value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-11-29T08:00:00.000Z"));
        NewScheduledOverride oBack;
        QCOMPARE(parseError(compact(o.toJson()), &oBack), QString());
        QCOMPARE(oBack.end, o.end);
        // Unset times are left out, not sent as "" (which no reader takes for a time).
        NewScheduledOverride unset;
        unset.username = QStringLiteral("ana");
        QVERIFY(!unset.toJson().contains(QStringLiteral("start")));
        QVERIFY(!unset.toJson().contains(QStringLiteral("end")));

        TakeRequest take { QStringLiteral("a"), QStringLiteral("b") };
        QCOMPARE(compact(take.toJson()), QByteArray(R"({"fromUser":"a","toUser":"b"})"));

        ScheduleRollV1 roll;
        QCOMPARE(
            parseError(R"({"change":1796047200000,"until":1796652000000,"isRoll":false})", &roll),
            QString());
        QCOMPARE(compact(roll.toJson()),
            QByteArray(R"({"change":1796047200000,"isRoll":false,"until":1796652000000})"));
    }

private:
    static QStringList parserTypes()
    {
        return { QStringLiteral("CurrentOnCall"), QStringLiteral("TeamSchedule"),
            QStringLiteral("UserSchedule"), QStringLiteral("TeamScheduleV1"),
            QStringLiteral("UserScheduleV1"), QStringLiteral("OnCallLog"),
            QStringLiteral("RotationGroupList"), QStringLiteral("TakeResult"),
            QStringLiteral("EscalationPolicy"), QStringLiteral("EscalationPolicyInfoList"),
            QStringLiteral("ScheduledOverrideList"), QStringLiteral("ScheduledOverride"),
            QStringLiteral("OverrideAssignment"), QStringLiteral("OverrideAssignmentList") };
    }

    //! Parses body as the named DTO; the reader's error.
    static QString parseAs(const QString& type, const QByteArray& body)
    {
        static const QHash<QString, std::function<QString(const QByteArray&)>> parsers {
            { QStringLiteral("CurrentOnCall"), &parseOnly<CurrentOnCall> },
            { QStringLiteral("TeamSchedule"), &parseOnly<TeamSchedule> },
            { QStringLiteral("UserSchedule"), &parseOnly<UserSchedule> },
            { QStringLiteral("TeamScheduleV1"), &parseOnly<TeamScheduleV1> },
            { QStringLiteral("UserScheduleV1"), &parseOnly<UserScheduleV1> },
            { QStringLiteral("OnCallLog"), &parseOnly<OnCallLog> },
            { QStringLiteral("RotationGroupList"), &parseOnly<RotationGroupList> },
            { QStringLiteral("TakeResult"), &parseOnly<TakeResult> },
            { QStringLiteral("EscalationPolicy"), &parseOnly<EscalationPolicy> },
            { QStringLiteral("EscalationPolicyInfoList"), &parseOnly<EscalationPolicyInfoList> },
            { QStringLiteral("ScheduledOverrideList"), &parseOnly<ScheduledOverrideList> },
            { QStringLiteral("ScheduledOverride"), &parseOnly<ScheduledOverride> },
            { QStringLiteral("OverrideAssignment"), &parseOnly<OverrideAssignment> },
            { QStringLiteral("OverrideAssignmentList"), &parseOnly<OverrideAssignmentList> },
        };
        const auto parser = parsers.value(type);
        if (!parser)
            return QStringLiteral("no parser for ") + type;
        return parser(body);
    }
};

QTEST_GUILESS_MAIN(TestApiOnCall)
#include "tst_api_oncall.moc"
