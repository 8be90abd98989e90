// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incident, org-configuration and team calls of rota_api against an in-process rota-sim over
// real HTTP: every operation, its effect checked through another call and against the simulator's
// state. Then their DTOs on hostile input: wrong types, missing and unknown fields, huge numbers,
// deep nesting, invalid UTF-8 and truncated bodies end in errors naming the field, or in defaults.

#include "incidents.h"
#include "jsonreader.h"
#include "operations.h"
#include "orgconfig.h"
#include "simfixture.h"
#include "teams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <functional>

using namespace rota;
using rota::test::SimFixture;
using rota::test::waitFor;

namespace {

//! Waits and fails the test unless the call ended in an error of this kind.
#define EXPECT_ERROR(call, expectedKind)                                                           \
    do {                                                                                           \
        QVERIFY2(waitFor((call).reply), "call did not finish");                                    \
        QVERIFY2(!(call).reply->ok(), "call succeeded but should have failed");                    \
        QCOMPARE(apiErrorKindName((call).reply->error().kind), apiErrorKindName(expectedKind));    \
    } while (false)

//! Every operation some test sent, by the key the client budgeted it under.
QSet<QString>& operationsSent()
{
    static QSet<QString> sent;
    return sent;
}

void recordOperations(SimFixture& f)
{
    QObject::connect(f.client.get(), &ApiClient::exchanged, f.client.get(),
        [](const QString& operation) { operationsSent().insert(operation); });
}

#define START_FIXTURE_WITH(f, options)                                                             \
    SimFixture f(options);                                                                         \
    QVERIFY2((f).started, qPrintable((f).startError));                                             \
    recordOperations(f)

#define START_FIXTURE(f) START_FIXTURE_WITH(f, sim::SimOptions {})

//! After a helper that may have failed the test.
#define RETURN_IF_FAILED()                                                                         \
    do {                                                                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

const QString kReportingV2 = QStringLiteral("GET /api-reporting/v2/incidents");
const QString kReportingV1 = QStringLiteral("GET /api-reporting/v1/incidents");

JsonReader readerOf(const QByteArray& json) { return JsonReader::fromBytes(json); }

bool isOpenPhase(const QString& phase)
{
    return phase == QLatin1String("UNACKED") || phase == QLatin1String("ACKED");
}

const sim::SimIncident* findSim(
    const sim::SimOrg& org, const std::function<bool(const sim::SimIncident&)>& pred)
{
    for (const sim::SimIncident& incident : org.incidents) {
        if (pred(incident))
            return &incident;
    }
    return nullptr;
}

int countSim(const sim::SimOrg& org, const std::function<bool(const sim::SimIncident&)>& pred)
{
    int n = 0;
    for (const sim::SimIncident& incident : org.incidents)
        n += pred(incident) ? 1 : 0;
    return n;
}

//! A user of the org who is none of `except`.
QString someUserExcept(const sim::SimOrg& org, const QStringList& except)
{
    for (const sim::SimUser& user : org.users) {
        if (!except.contains(user.username))
            return user.username;
    }
    return QString();
}

void compareIncident(const Incident& got, const sim::SimIncident& want, const sim::SimOrg& org)
{
    QCOMPARE(got.incidentNumber, QString::number(want.number));
    QCOMPARE(got.phase, phaseFromApi(want.phase));
    QCOMPARE(got.startTime, want.startTime);
    QCOMPARE(got.lastAlertTime, want.lastAlertTime);
    QCOMPARE(got.alertCount, want.alertCount);
    QCOMPARE(got.lastAlertId, want.lastAlertId);
    QCOMPARE(got.entityId, want.entityId);
    QCOMPARE(got.entityDisplayName, want.entityDisplayName);
    QCOMPARE(got.host, want.host);
    QCOMPARE(got.service, want.service);
    QCOMPARE(got.routingKey, want.routingKey);
    QCOMPARE(got.pagedUsers, want.pagedUsers);
    QCOMPARE(got.pagedTeams, want.pagedTeams);
    QCOMPARE(got.pagedPolicies.size(), want.pagedPolicies.size());
    for (qsizetype i = 0; i < want.pagedPolicies.size(); ++i) {
        const QString slug = want.pagedPolicies.at(i);
        QCOMPARE(got.pagedPolicies.at(i).policySlug, slug);
        if (org.policies.contains(slug)) {
            QCOMPARE(got.pagedPolicies.at(i).policyName, org.policies.value(slug).name);
            QCOMPARE(got.pagedPolicies.at(i).teamSlug, org.policies.value(slug).teamSlug);
        }
    }
    QCOMPARE(got.transitions.size(), want.transitions.size());
    for (qsizetype i = 0; i < want.transitions.size(); ++i) {
        const IncidentTransition& t = got.transitions.at(i);
        const sim::SimTransition& w = want.transitions.at(i);
        QCOMPARE(t.phase, phaseFromApi(w.name));
        QCOMPARE(t.at, w.at);
        QCOMPARE(t.by, w.by);
        QCOMPARE(t.message, w.message);
        QCOMPARE(t.manually, w.manually);
        QCOMPARE(t.alertId, w.alertId);
    }
}

void createManualIncident(
    SimFixture& f, const QString& summary, const QList<IncidentTarget>& targets, QString* number)
{
    CreateIncidentRequest request;
    request.summary = summary;
    request.details = QStringLiteral("Opened by tst_api_incidents");
    request.userName = f.demoUser();
    request.targets = targets;
    auto call = calls::createIncident(*f.client, request);
    ROTA_EXPECT_OK(call);
    *number = call.value().incidentNumber;
    QVERIFY(!number->isEmpty());
}

Incident fetchIncident(SimFixture& f, const QString& number)
{
    auto call = calls::getIncident(*f.client, number);
    [&] { ROTA_EXPECT_OK(call); }();
    return call.reply->ok() ? call.value() : Incident {};
}

IncidentList fetchOpenIncidents(SimFixture& f)
{
    auto call = calls::listIncidents(*f.client);
    [&] { ROTA_EXPECT_OK(call); }();
    return call.reply->ok() ? call.value() : IncidentList {};
}

// The parsers by name, for data-driven tests: the reader's error after reading `json` as that
// type ("" when it read cleanly).
using ParseFn = std::function<QString(const QByteArray&)>;

template <typename T> ParseFn parserOf()
{
    return [](const QByteArray& json) {
        const JsonReader r = JsonReader::fromBytes(json);
        (void)T::fromJson(r);
        return r.error();
    };
}

const QHash<QString, ParseFn>& parsers()
{
    static const QHash<QString, ParseFn> table {
        { QStringLiteral("Incident"), parserOf<Incident>() },
        { QStringLiteral("IncidentList"), parserOf<IncidentList>() },
        { QStringLiteral("ReportingIncidentList"), parserOf<ReportingIncidentList>() },
        { QStringLiteral("CreatedIncident"), parserOf<CreatedIncident>() },
        { QStringLiteral("CreateIncidentRequest"), parserOf<CreateIncidentRequest>() },
        { QStringLiteral("AckResolveResults"), parserOf<AckResolveResults>() },
        { QStringLiteral("RerouteResults"), parserOf<RerouteResults>() },
        { QStringLiteral("IncidentNoteList"), parserOf<IncidentNoteList>() },
        { QStringLiteral("Alert"), parserOf<Alert>() },
        { QStringLiteral("MaintenanceState"), parserOf<MaintenanceState>() },
        { QStringLiteral("RoutingKeyList"), parserOf<RoutingKeyList>() },
        { QStringLiteral("RoutingKeyAssignment"), parserOf<RoutingKeyAssignment>() },
        { QStringLiteral("WebhookList"), parserOf<WebhookList>() },
        { QStringLiteral("Team"), parserOf<Team>() },
        { QStringLiteral("TeamList"), parserOf<TeamList>() },
        { QStringLiteral("TeamMemberList"), parserOf<TeamMemberList>() },
        { QStringLiteral("TeamAdminList"), parserOf<TeamAdminList>() },
        { QStringLiteral("EscalationPolicyInfoList"), parserOf<EscalationPolicyInfoList>() },
    };
    return table;
}

// A current incident as the service sends one, with a reroute transition that names no phase.
const QByteArray kCurrentIncident = R"({
  "incidentNumber": "4711", "startTime": "2026-11-26T03:15:59.123Z", "currentPhase": "ACKED",
  "alertCount": 3, "lastAlertTime": "2026-11-26T03:20:00Z", "lastAlertId": "a-3",
  "entityId": "db-01/replication", "entityDisplayName": "db-01 / replication lag",
  "entityType": "SERVICE", "entityState": "CRITICAL", "host": "db-01", "service": "replication",
  "routingKey": "database", "pagedUsers": ["alice", "bob"], "pagedTeams": ["team-aaaa"],
  "pagedPolicies": [{"policy": {"name": "DB primary", "slug": "pol-1", "_selfUrl": "/api-public/v1/policies/pol-1"},
                     "team": {"name": "Database", "slug": "team-aaaa"}}],
  "transitions": [
    {"name": "UNACKED", "at": "2026-11-26T03:15:59.123Z", "by": "Nagios", "message": "", "manually": false,
     "alertId": "a-1", "alertUrl": "/api-public/v1/alerts/a-1"},
    {"name": "ACKED", "at": "2026-11-26T04:15:59+01:00", "by": "alice", "message": "looking", "manually": true,
     "alertId": "a-2"},
    {"name": "rerouted", "at": 1795749359123, "by": "bob", "manually": true}],
  "firstAlertUuid": "a-1", "monitorName": "Nagios", "monitorType": "NAGIOS"
})";

// A reporting incident: lower-case phase words, no firstAlertUuid or monitor.
const QByteArray kReportingPage = R"({
  "offset": 20, "limit": 10, "total": 57,
  "incidents": [{"incidentNumber": 12, "currentPhase": "resolved", "alertCount": 2,
    "startTime": "2026-01-02T10:00:00Z", "routingKey": "web",
    "transitions": [{"name": "triggered", "at": "2026-01-02T10:00:00Z"},
                    {"name": "acknowledged", "at": "2026-01-02T10:05:00Z", "by": "carol"},
                    {"name": "resolved", "at": "2026-01-02T11:00:00Z", "by": "carol"}]}]
})";

// Three incidents, two of one team: what repeats across them.
const QByteArray kPolicyJson = R"({"policy": {"name": "DB primary", "slug": "pol-1",
    "_selfUrl": "/api-public/v1/policies/pol-1"}, "team": {"name": "Database", "slug": "team-a"}})";
const QByteArray kTeamAnswer = QByteArray(R"({"incidents": [
  {"incidentNumber": "1", "host": "db-01", "service": "replication", "routingKey": "database",
   "pagedUsers": ["alice", "bob"], "pagedTeams": ["team-a"], "pagedPolicies": [)")
    + kPolicyJson + R"(],
   "transitions": [{"name": "UNACKED", "at": "2026-11-26T03:15:59Z", "by": "Nagios"}]},
  {"incidentNumber": "2", "host": "db-01", "service": "replication", "routingKey": "database",
   "pagedUsers": ["alice", "bob"], "pagedTeams": ["team-a"], "pagedPolicies": [)"
    + kPolicyJson + R"(],
   "transitions": [{"name": "UNACKED", "at": "2026-11-26T03:16:00Z", "by": "Nagios"}]},
  {"incidentNumber": "3", "host": "web-01", "service": "replication",
   "pagedUsers": ["bob"], "pagedTeams": ["team-a", "team-b"]}]})";
const QByteArray kTeamPageTail = R"(, "offset": 0, "limit": 3, "total": 3})";

// Transitions naming their alert's address in every way (no "//" in these raw strings: moc would
// take it for a comment).
const QByteArray kAlertAddresses = R"({"transitions": [
  {"name": "UNACKED", "at": "2026-11-26T03:15:59Z", "alertId": "a-1", "alertUrl": "/api-public/v1/alerts/a-1"},
  {"name": "ACKED", "at": "2026-11-26T03:16:00Z", "alertId": "a-2", "alertUrl": "/elsewhere/alert-2"},
  {"name": "ACKED", "at": "2026-11-26T03:17:00Z", "alertId": "a-3", "alertUrl": "/api-public/v1/alerts/a-1"},
  {"name": "RESOLVED", "at": "2026-11-26T03:18:00Z", "alertId": "a-4"},
  {"name": "rerouted", "at": "2026-11-26T03:19:00Z", "alertUrl": "/api-public/v1/alerts/"}]})";

} // namespace

class TestApiIncidents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- incidents against the simulator ---------------------------------------------------------

    void listIncidents()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const int open
            = countSim(org, [](const sim::SimIncident& i) { return isOpenPhase(i.phase); });
        QVERIFY(open > 0);

        auto call = calls::listIncidents(*f.client, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(call);
        const IncidentList list = call.value();
        QCOMPARE(list.incidents.size(), open);
        for (const Incident& incident : list.incidents) {
            QVERIFY(incident.isOpen());
            const sim::SimIncident want = org.incidents.value(incident.incidentNumber.toInt());
            QCOMPARE(want.number, incident.incidentNumber.toInt());
            compareIncident(incident, want, org);
            RETURN_IF_FAILED();
            QCOMPARE(incident.firstAlertUuid, want.firstAlertUuid);
            QCOMPARE(incident.monitorName, want.monitorName);
        }
    }

    void getIncident()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        // One a person acknowledged and resolved: four phases of history to compare.
        const sim::SimIncident* resolved = findSim(org, [](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && i.transitions.size() >= 3;
        });
        QVERIFY(resolved);

        const Incident got = fetchIncident(f, QString::number(resolved->number));
        RETURN_IF_FAILED();
        compareIncident(got, *resolved, org);
        RETURN_IF_FAILED();
        QCOMPARE(got.phase, Phase::Resolved);
        QCOMPARE(got.transitions.first().phase, Phase::Triggered);
        QCOMPARE(got.transitions.last().phase, Phase::Resolved);
        QCOMPARE(got.firstAlertUuid, resolved->firstAlertUuid);
        QCOMPARE(got.monitorName, resolved->monitorName);
        QCOMPARE(got.monitorType, resolved->monitorType);
        QCOMPARE(got.entityType, resolved->entityType);
        QCOMPARE(got.entityState, resolved->entityState);
        QVERIFY(!got.isOpen());

        auto missing
            = calls::getIncident(*f.client, QString::number(f.ctx().org.nextIncidentNumber + 100));
        EXPECT_ERROR(missing, ApiErrorKind::NotFound);

        // The slash stays inside the one path segment: the server sees the number "a/b".
        auto odd = calls::getIncident(*f.client, QStringLiteral("a/b"));
        EXPECT_ERROR(odd, ApiErrorKind::BadRequest);
        QVERIFY2(odd.reply->error().serverMessage.contains(QLatin1String("'a/b'")),
            qPrintable(odd.reply->error().serverMessage));
    }

    void createIncident()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString demo = f.demoUser();
        const QString policy = org.policies.firstKey();
        const int before = org.incidents.size();

        QString number;
        createManualIncident(f, QStringLiteral("Disk full on build-07"),
            { IncidentTarget::user(demo), IncidentTarget::policy(policy) }, &number);
        RETURN_IF_FAILED();
        QCOMPARE(org.incidents.size(), before + 1);
        QVERIFY(org.incidents.contains(number.toInt()));

        const Incident got = fetchIncident(f, number);
        RETURN_IF_FAILED();
        QCOMPARE(got.incidentNumber, number);
        QCOMPARE(got.phase, Phase::Triggered);
        QCOMPARE(got.entityDisplayName, QStringLiteral("Disk full on build-07"));
        QCOMPARE(got.monitorType, QStringLiteral("Manual"));
        QCOMPARE(got.monitorName, QStringLiteral("vouser-") + demo);
        QVERIFY(got.pagedUsers.contains(demo));
        QCOMPARE(got.pagedPolicies.size(), 1);
        QCOMPARE(got.pagedPolicies.first().policySlug, policy);
        QCOMPARE(got.pagedPolicies.first().teamSlug, org.policies.value(policy).teamSlug);
        QCOMPARE(got.transitions.size(), 1);
        QCOMPARE(got.transitions.first().by, demo);
        QCOMPARE(got.transitions.first().message, QStringLiteral("Opened by tst_api_incidents"));
        QVERIFY(got.transitions.first().manually);
        QCOMPARE(got.firstAlertUuid, got.transitions.first().alertId);

        // It is among the open incidents now.
        const IncidentList open = fetchOpenIncidents(f);
        RETURN_IF_FAILED();
        QVERIFY(std::any_of(open.incidents.cbegin(), open.incidents.cend(),
            [&number](const Incident& i) { return i.incidentNumber == number; }));

        CreateIncidentRequest noTargets;
        noTargets.summary = QStringLiteral("nobody to page");
        noTargets.details = QStringLiteral("x");
        noTargets.userName = demo;
        auto refused = calls::createIncident(*f.client, noTargets);
        EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
        noTargets.targets = { IncidentTarget::policy(QStringLiteral("pol-does-not-exist")) };
        auto unknown = calls::createIncident(*f.client, noTargets);
        EXPECT_ERROR(unknown, ApiErrorKind::BadRequest);
        QCOMPARE(org.incidents.size(), before + 1);
    }

    void ackIncidents()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString demo = f.demoUser();
        QString number;
        createManualIncident(f, QStringLiteral("ack me"), { IncidentTarget::user(demo) }, &number);
        RETURN_IF_FAILED();
        const sim::SimIncident* resolved = findSim(
            org, [](const sim::SimIncident& i) { return i.phase == QLatin1String("RESOLVED"); });
        QVERIFY(resolved);
        const QString missing = QString::number(org.nextIncidentNumber + 50);

        AckResolveRequest ack;
        ack.userName = demo;
        ack.incidentNames = { number, QString::number(resolved->number), missing };
        ack.message = QStringLiteral("on it");
        auto call = calls::ackIncidents(*f.client, ack);
        ROTA_EXPECT_OK(call);
        const AckResolveResults results = call.value();
        // Partial success is a normal answer, one result per incident.
        QCOMPARE(results.results.size(), 3);
        QCOMPARE(results.acceptedCount(), 1);
        QVERIFY(!results.allAccepted());
        QCOMPARE(results.results.at(0).incidentNumber, number);
        QVERIFY(results.results.at(0).cmdAccepted);
        QCOMPARE(results.results.at(1).incidentNumber, QString::number(resolved->number));
        QVERIFY(!results.results.at(1).cmdAccepted);
        QVERIFY(!results.results.at(1).message.isEmpty());
        QCOMPARE(results.results.at(2).incidentNumber, missing);
        QVERIFY(!results.results.at(2).cmdAccepted);

        QCOMPARE(org.incidents.value(number.toInt()).phase, QStringLiteral("ACKED"));
        QCOMPARE(org.incidents.value(resolved->number).phase, QStringLiteral("RESOLVED"));
        const Incident got = fetchIncident(f, number);
        RETURN_IF_FAILED();
        QCOMPARE(got.phase, Phase::Acknowledged);
        QCOMPARE(got.transitions.size(), 2);
        QCOMPARE(got.transitions.last().phase, Phase::Acknowledged);
        QCOMPARE(got.transitions.last().by, demo);
        QCOMPARE(got.transitions.last().message, QStringLiteral("on it"));
        QVERIFY(got.transitions.last().manually);

        // The acknowledgement is an alert of its own.
        auto alert = calls::getAlert(*f.client, got.transitions.last().alertId);
        ROTA_EXPECT_OK(alert);
        QCOMPARE(alert.value().messageType, QStringLiteral("ACKNOWLEDGEMENT"));
        QCOMPARE(alert.value().ackAuthor, demo);
        QCOMPARE(alert.value().ackMsg, QStringLiteral("on it"));

        AckResolveRequest nobody = ack;
        nobody.userName = QStringLiteral("no-such-user");
        auto refused = calls::ackIncidents(*f.client, nobody);
        EXPECT_ERROR(refused, ApiErrorKind::NotFound);
    }

    void resolveIncidents()
    {
        START_FIXTURE(f);
        const QString demo = f.demoUser();
        QString first;
        QString second;
        createManualIncident(
            f, QStringLiteral("resolve me"), { IncidentTarget::user(demo) }, &first);
        RETURN_IF_FAILED();
        createManualIncident(f, QStringLiteral("and me"), { IncidentTarget::user(demo) }, &second);
        RETURN_IF_FAILED();

        AckResolveRequest resolve;
        resolve.userName = demo;
        resolve.incidentNames = { first, second };
        resolve.message = QStringLiteral("fixed the disk");
        auto call = calls::resolveIncidents(*f.client, resolve);
        ROTA_EXPECT_OK(call);
        QCOMPARE(call.value().results.size(), 2);
        QVERIFY(call.value().allAccepted());

        const Incident got = fetchIncident(f, first);
        RETURN_IF_FAILED();
        QCOMPARE(got.phase, Phase::Resolved);
        QCOMPARE(got.transitions.last().phase, Phase::Resolved);
        QCOMPARE(got.transitions.last().message, QStringLiteral("fixed the disk"));
        QCOMPARE(f.ctx().org.incidents.value(second.toInt()).phase, QStringLiteral("RESOLVED"));
        const IncidentList open = fetchOpenIncidents(f);
        RETURN_IF_FAILED();
        // The list carries recently resolved incidents too, as RESOLVED: none of the two is open.
        QVERIFY(
            std::none_of(open.incidents.cbegin(), open.incidents.cend(), [&](const Incident& i) {
                return (i.incidentNumber == first || i.incidentNumber == second)
                    && i.phase != Phase::Resolved;
            }));

        // A second resolve is refused per incident, not as a failed call.
        auto again = calls::resolveIncidents(*f.client, resolve);
        ROTA_EXPECT_OK(again);
        QCOMPARE(again.value().acceptedCount(), 0);
        QCOMPARE(again.value().results.size(), 2);
    }

    void ackIncidentsByUser()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString demo = f.demoUser();
        QString number;
        createManualIncident(
            f, QStringLiteral("page the demo user"), { IncidentTarget::user(demo) }, &number);
        RETURN_IF_FAILED();
        QSet<QString> expected;
        for (const sim::SimIncident& i : org.incidents) {
            if (i.phase == QLatin1String("UNACKED") && i.pagedUsers.contains(demo))
                expected.insert(QString::number(i.number));
        }
        QVERIFY(expected.contains(number));

        auto call = calls::ackIncidentsByUser(*f.client, demo, QStringLiteral("all mine"));
        ROTA_EXPECT_OK(call);
        const AckResolveResults results = call.value();
        QCOMPARE(results.results.size(), expected.size());
        QVERIFY(results.allAccepted());
        QSet<QString> acted;
        for (const AckResolveResult& r : results.results)
            acted.insert(r.incidentNumber);
        QCOMPARE(acted, expected);

        const IncidentList open = fetchOpenIncidents(f);
        RETURN_IF_FAILED();
        for (const Incident& i : open.incidents) {
            if (i.pagedUsers.contains(demo))
                QCOMPARE(i.phase, Phase::Acknowledged);
        }
        QCOMPARE(fetchIncident(f, number).transitions.last().message, QStringLiteral("all mine"));

        auto nobody = calls::ackIncidentsByUser(*f.client, QStringLiteral("no-such-user"));
        EXPECT_ERROR(nobody, ApiErrorKind::NotFound);
    }

    void resolveIncidentsByUser()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString demo = f.demoUser();
        QString number;
        createManualIncident(
            f, QStringLiteral("page the demo user"), { IncidentTarget::user(demo) }, &number);
        RETURN_IF_FAILED();
        const int expected = countSim(org, [&demo](const sim::SimIncident& i) {
            return isOpenPhase(i.phase) && i.pagedUsers.contains(demo);
        });
        QVERIFY(expected >= 1);

        auto call = calls::resolveIncidentsByUser(*f.client, demo);
        ROTA_EXPECT_OK(call);
        QCOMPARE(call.value().results.size(), expected);
        QVERIFY(call.value().allAccepted());

        const IncidentList open = fetchOpenIncidents(f);
        RETURN_IF_FAILED();
        QVERIFY(std::none_of(
            open.incidents.cbegin(), open.incidents.cend(), [&demo](const Incident& i) {
                return i.pagedUsers.contains(demo) && i.phase != Phase::Resolved;
            }));
        QCOMPARE(fetchIncident(f, number).phase, Phase::Resolved);
    }

    void rerouteIncidents()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString demo = f.demoUser();
        const QString other = someUserExcept(org, { demo });
        const QString policy = org.policies.lastKey();
        QString number;
        createManualIncident(
            f, QStringLiteral("wrong team"), { IncidentTarget::user(demo) }, &number);
        RETURN_IF_FAILED();
        AckResolveRequest ack { demo, { number }, QString() };
        auto acked = calls::ackIncidents(*f.client, ack);
        ROTA_EXPECT_OK(acked);

        RerouteRequest request;
        request.userName = demo;
        request.reroutes.append({ number,
            { IncidentTarget::user(other), IncidentTarget::user(QStringLiteral("no-such-user")) },
            false });
        const QString missing = QString::number(org.nextIncidentNumber + 10);
        request.reroutes.append({ missing, { IncidentTarget::user(other) }, false });
        auto call = calls::rerouteIncidents(*f.client, request);
        ROTA_EXPECT_OK(call);
        const RerouteResults results = call.value();
        QCOMPARE(results.statuses.size(), 2);
        const RerouteStatus& done = results.statuses.at(0);
        QCOMPARE(done.incidentNumber, number);
        QVERIFY(done.success);
        QCOMPARE(done.targetStatus.size(), 2);
        QCOMPARE(done.targetStatus.at(0).slug, other);
        QVERIFY(done.targetStatus.at(0).success);
        QCOMPARE(done.targetStatus.at(1).slug, QStringLiteral("no-such-user"));
        QVERIFY(!done.targetStatus.at(1).success);
        QVERIFY(!done.targetStatus.at(1).message.isEmpty());
        QCOMPARE(results.statuses.at(1).incidentNumber, missing);
        QVERIFY(!results.statuses.at(1).success);

        Incident got = fetchIncident(f, number);
        RETURN_IF_FAILED();
        QCOMPARE(got.pagedUsers, QStringList { other });
        QCOMPARE(got.phase, Phase::Triggered); // paged afresh
        QCOMPARE(got.transitions.last().by, demo);
        QVERIFY(got.transitions.last().message.contains(other));
        QVERIFY(got.transitions.last().alertId.isEmpty());

        // addTargets keeps who was paged and adds the policy (and whoever it has on call).
        RerouteRequest add;
        add.userName = demo;
        add.reroutes.append({ number, { IncidentTarget::policy(policy) }, true });
        auto added = calls::rerouteIncidents(*f.client, add);
        ROTA_EXPECT_OK(added);
        QVERIFY(added.value().statuses.value(0).success);
        got = fetchIncident(f, number);
        RETURN_IF_FAILED();
        QVERIFY(got.pagedUsers.contains(other));
        QCOMPARE(got.pagedPolicies.size(), 1);
        QCOMPARE(got.pagedPolicies.first().policySlug, policy);
        QCOMPARE(org.incidents.value(number.toInt()).pagedPolicies, QStringList { policy });
    }

    void incidentNotes()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const sim::SimIncident* withNotes
            = findSim(org, [](const sim::SimIncident& i) { return i.notes.size() >= 2; });
        QVERIFY(withNotes);
        const sim::SimIncident seeded = *withNotes; // a copy: the notes change below
        const QString number = QString::number(seeded.number);

        auto list = calls::listIncidentNotes(*f.client, number);
        ROTA_EXPECT_OK(list);
        QCOMPARE(list.value().notes.size(), seeded.notes.size());
        for (qsizetype i = 0; i < seeded.notes.size(); ++i) {
            QCOMPARE(list.value().notes.at(i).name, seeded.notes.at(i).name);
            QCOMPARE(list.value().notes.at(i).displayName, seeded.notes.at(i).displayName);
            QCOMPARE(list.value().notes.at(i).jsonValue, seeded.notes.at(i).jsonValue);
        }

        // A name with a slash, a space and a '?' must stay one path segment in PUT and DELETE.
        const QString name = QStringLiteral("ops/42 #1?");
        NoteRequest create;
        create.name = name;
        create.displayName = QStringLiteral("Ticket");
        create.jsonValue = QJsonObject { { QStringLiteral("key"), QStringLiteral("OPS-42") } };
        auto created = calls::createIncidentNote(*f.client, number, create);
        ROTA_EXPECT_OK(created);
        QCOMPARE(created.value().name, name);
        QCOMPARE(created.value().displayName, QStringLiteral("Ticket"));
        QCOMPARE(created.value().jsonValue.value(QStringLiteral("key")).toString(),
            QStringLiteral("OPS-42"));
        QCOMPARE(org.incidents.value(seeded.number).notes.last().name, name);

        NoteRequest rename;
        rename.displayName = QStringLiteral("Jira ticket");
        auto updated = calls::updateIncidentNote(*f.client, number, name, rename);
        ROTA_EXPECT_OK(updated);
        QCOMPARE(updated.value().displayName, QStringLiteral("Jira ticket"));
        // Left out of the update, the value stays.
        QCOMPARE(updated.value().jsonValue.value(QStringLiteral("key")).toString(),
            QStringLiteral("OPS-42"));

        auto listed = calls::listIncidentNotes(*f.client, number);
        ROTA_EXPECT_OK(listed);
        QCOMPARE(listed.value().notes.size(), seeded.notes.size() + 1);
        QCOMPARE(listed.value().notes.last().displayName, QStringLiteral("Jira ticket"));

        auto unnamed = calls::createIncidentNote(*f.client, number,
            NoteRequest { QString(), QStringLiteral("Call"),
                QJsonObject { { QStringLiteral("bridge"), 42 } } });
        ROTA_EXPECT_OK(unnamed);
        QVERIFY(!unnamed.value().name.isEmpty()); // the service names it

        auto removed = calls::deleteIncidentNote(*f.client, number, name);
        ROTA_EXPECT_OK(removed);
        const QList<sim::SimNote> left = org.incidents.value(seeded.number).notes;
        QVERIFY(std::none_of(
            left.cbegin(), left.cend(), [&name](const sim::SimNote& n) { return n.name == name; }));
        auto after = calls::listIncidentNotes(*f.client, number);
        ROTA_EXPECT_OK(after);
        QCOMPARE(after.value().notes.size(), left.size());
        QVERIFY(std::none_of(after.value().notes.cbegin(), after.value().notes.cend(),
            [&name](const IncidentNote& n) { return n.name == name; }));

        auto again = calls::deleteIncidentNote(*f.client, number, name);
        EXPECT_ERROR(again, ApiErrorKind::NotFound);
        auto missingNote = calls::updateIncidentNote(*f.client, number, name, rename);
        EXPECT_ERROR(missingNote, ApiErrorKind::NotFound);
        auto missingIncident
            = calls::listIncidentNotes(*f.client, QString::number(org.nextIncidentNumber + 5));
        EXPECT_ERROR(missingIncident, ApiErrorKind::NotFound);
    }

    void getAlert()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const sim::SimIncident* incident = findSim(org, [&org](const sim::SimIncident& i) {
            return !i.host.isEmpty() && org.alerts.contains(i.firstAlertUuid);
        });
        QVERIFY(incident);
        const sim::SimAlert want = org.alerts.value(incident->firstAlertUuid);

        auto call = calls::getAlert(*f.client, want.uuid, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(call);
        const Alert got = call.value();
        QCOMPARE(got.messageType, want.messageType);
        QCOMPARE(got.entityId, incident->entityId);
        QCOMPARE(got.entityDisplayName, want.entityDisplayName);
        QCOMPARE(got.stateMessage, want.stateMessage);
        QCOMPARE(got.monitoringTool, want.monitoringTool);
        // Seconds on the wire.
        QCOMPARE(got.timestamp.toMSecsSinceEpoch(), want.timestampMs / 1000 * 1000);
        QCOMPARE(got.stateStartTime.toMSecsSinceEpoch(), want.stateStartTimeMs / 1000 * 1000);
        QCOMPARE(got.timestamp.offsetFromUtc(), 0);
        QCOMPARE(got.rawObject().value(QStringLiteral("VO_UUID")).toString(), want.uuid);
        QCOMPARE(got.rawObject().value(QStringLiteral("host_name")).toString(), incident->host);

        auto missing = calls::getAlert(*f.client, QStringLiteral("no-such-alert"));
        EXPECT_ERROR(missing, ApiErrorKind::NotFound);
    }

    // --- the reporting API ----------------------------------------------------------------------

    //! With the documented limits: one v2 and one v1 search go through; a second v2 search waits
    //! in the client for the next minute instead of being throttled.
    void searchIncidentHistoryWithinTheLimit()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const int resolved = countSim(
            org, [](const sim::SimIncident& i) { return i.phase == QLatin1String("RESOLVED"); });
        QVERIFY(resolved > 5);

        ReportingQuery query;
        query.limit = 5;
        auto call = calls::searchIncidentHistory(*f.client, query);
        ROTA_EXPECT_OK(call);
        const ReportingIncidentList page = call.value();
        QCOMPARE(page.total, resolved); // without currentPhase: resolved only
        QCOMPARE(page.offset, 0);
        QCOMPARE(page.limit, 5);
        QCOMPARE(page.incidents.size(), 5);
        for (qsizetype i = 0; i < page.incidents.size(); ++i) {
            const Incident& incident = page.incidents.at(i);
            QCOMPARE(incident.phase, Phase::Resolved);
            const sim::SimIncident want = org.incidents.value(incident.incidentNumber.toInt());
            compareIncident(incident, want, org);
            RETURN_IF_FAILED();
            // The reporting API's lower-case transition names, normalised.
            QCOMPARE(incident.transitions.first().name, QStringLiteral("triggered"));
            QCOMPARE(incident.transitions.last().name, QStringLiteral("resolved"));
            if (i > 0)
                QVERIFY(page.incidents.at(i - 1).startTime >= incident.startTime);
        }

        ReportingQuery open;
        open.currentPhase = { Phase::Triggered, Phase::Acknowledged };
        open.limit = 100;
        auto v1 = calls::searchIncidentHistoryV1(
            *f.client, open, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(v1);
        QCOMPARE(v1.value().total,
            countSim(org, [](const sim::SimIncident& i) { return isOpenPhase(i.phase); }));
        QCOMPARE(v1.value().incidents.size(), v1.value().total);
        for (const Incident& incident : v1.value().incidents)
            QVERIFY(incident.isOpen());

        auto second = calls::searchIncidentHistory(*f.client, query);
        QVERIFY2(
            !waitFor(second.reply, 1500), "a second search within the minute was sent at once");
        QCOMPARE(f.client->scheduler()->remaining(kReportingV2), 0);
        QVERIFY(
            f.client->scheduler()->waitFor(kReportingV2, RequestScheduler::Priority::User) > 30000);
        second.reply->abandon();
    }

    void searchIncidentHistoryFilters()
    {
        sim::SimOptions options;
        options.enforceRateLimits = false;
        START_FIXTURE_WITH(f, options);
        f.client->scheduler()->setLimit(kReportingV2, 0);
        const sim::SimOrg& org = f.ctx().org;
        const auto search = [&f](const ReportingQuery& query) {
            auto call = calls::searchIncidentHistory(*f.client, query);
            [&] { ROTA_EXPECT_OK(call); }();
            return call.reply->ok() ? call.value() : ReportingIncidentList {};
        };
        const auto numbersOf = [](const ReportingIncidentList& page) {
            QStringList numbers;
            for (const Incident& i : page.incidents)
                numbers.append(i.incidentNumber);
            return numbers;
        };

        // Numbers and ranges, every phase.
        ReportingQuery range;
        range.incidentNumber = QStringLiteral("3,10:20");
        range.currentPhase = { Phase::Triggered, Phase::Acknowledged, Phase::Resolved };
        range.limit = 100;
        const ReportingIncidentList byNumber = search(range);
        RETURN_IF_FAILED();
        QCOMPARE(byNumber.total, countSim(org, [](const sim::SimIncident& i) {
            return i.number == 3 || (i.number >= 10 && i.number <= 20);
        }));
        QCOMPARE(byNumber.incidents.size(), byNumber.total);

        // Hosts: a real one and one full of characters that mean something in a URL.
        const sim::SimIncident* hosted = findSim(org, [](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && !i.host.isEmpty();
        });
        QVERIFY(hosted);
        ReportingQuery byHost;
        byHost.host = { hosted->host, QStringLiteral("odd+host&x=1#%41") };
        byHost.limit = 100;
        const ReportingIncidentList hosts = search(byHost);
        RETURN_IF_FAILED();
        QCOMPARE(hosts.total, countSim(org, [hosted](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && i.host == hosted->host;
        }));
        QVERIFY(hosts.total >= 1);
        for (const Incident& i : hosts.incidents)
            QCOMPARE(i.host, hosted->host);

        // A time window, strictly after and before.
        QList<QDateTime> starts;
        for (const sim::SimIncident& i : org.incidents) {
            if (i.phase == QLatin1String("RESOLVED"))
                starts.append(i.startTime);
        }
        std::sort(starts.begin(), starts.end());
        ReportingQuery window;
        window.startedAfter = starts.at(starts.size() / 4);
        window.startedBefore = starts.at(starts.size() * 3 / 4);
        window.limit = 1;
        const ReportingIncidentList inWindow = search(window);
        RETURN_IF_FAILED();
        QCOMPARE(inWindow.total, countSim(org, [&window](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && i.startTime > window.startedAfter
                && i.startTime < window.startedBefore;
        }));
        QVERIFY(inWindow.total > 1);
        QCOMPARE(inWindow.incidents.size(), 1);

        // Routing key and pages.
        const sim::SimIncident* routed = findSim(org, [](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && !i.routingKey.isEmpty();
        });
        QVERIFY(routed);
        ReportingQuery byKey;
        byKey.routingKey = routed->routingKey;
        byKey.limit = 100;
        const ReportingIncidentList keyed = search(byKey);
        RETURN_IF_FAILED();
        QCOMPARE(keyed.total, countSim(org, [routed](const sim::SimIncident& i) {
            return i.phase == QLatin1String("RESOLVED") && i.routingKey == routed->routingKey;
        }));
        for (const Incident& i : keyed.incidents)
            QCOMPARE(i.routingKey, routed->routingKey);
        if (keyed.total >= 4) {
            ReportingQuery page = byKey;
            page.offset = 1;
            page.limit = 2;
            const ReportingIncidentList second = search(page);
            RETURN_IF_FAILED();
            QCOMPARE(second.offset, 1);
            QCOMPARE(numbersOf(second), numbersOf(keyed).mid(1, 2));
        }

        ReportingQuery tooMany;
        tooMany.limit = 101;
        auto refused = calls::searchIncidentHistory(*f.client, tooMany);
        EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
    }

    // --- org configuration ----------------------------------------------------------------------

    void maintenanceMode()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        QVERIFY(org.routingKeys.size() >= 2);
        const QString key = org.routingKeys.at(0).key;
        const QString key2 = org.routingKeys.at(1).key;

        auto get = calls::getMaintenanceMode(*f.client, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(get);
        QCOMPARE(get.value().companyId, org.companyId);
        QCOMPARE(get.value().activeInstances.size(), org.maintenance.size());

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        StartMaintenanceRequest start;
        start.names = { key, key2 };
        start.purpose = QStringLiteral("database upgrade");
        auto started = calls::startMaintenanceMode(*f.client, start);
        ROTA_EXPECT_OK(started);
        const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
        QCOMPARE(started.value().activeInstances.size(), 1);
        const MaintenanceInstance instance = started.value().activeInstances.first();
        QVERIFY(!instance.instanceId.isEmpty());
        QVERIFY(!instance.isGlobal);
        QCOMPARE(instance.routingKeys(), (QStringList { key, key2 }));
        QCOMPARE(instance.startedAt.timeSpec(), Qt::UTC);
        QVERIFY2(instance.startedAt >= before && instance.startedAt <= after,
            qPrintable(instance.startedAt.toString(Qt::ISODateWithMs)));
        QCOMPARE(org.maintenance.size(), 1);
        QCOMPARE(org.maintenance.first().instanceId, instance.instanceId);

        auto global = calls::startMaintenanceMode(*f.client, StartMaintenanceRequest {});
        ROTA_EXPECT_OK(global);
        QVERIFY(global.value().isGlobalActive());
        QCOMPARE(global.value().activeInstances.size(), 2);
        auto twice = calls::startMaintenanceMode(*f.client, StartMaintenanceRequest {});
        EXPECT_ERROR(twice, ApiErrorKind::BadRequest);
        QCOMPARE(twice.reply->httpStatus(), 409);

        auto listed = calls::getMaintenanceMode(*f.client);
        ROTA_EXPECT_OK(listed);
        QCOMPARE(listed.value().activeInstances.size(), 2);
        QVERIFY(listed.value().instance(instance.instanceId));
        QCOMPARE(listed.value().instance(instance.instanceId)->startedAt, instance.startedAt);

        auto ended = calls::endMaintenanceMode(*f.client, instance.instanceId);
        ROTA_EXPECT_OK(ended);
        QVERIFY(!ended.value().instance(instance.instanceId));
        QCOMPARE(ended.value().activeInstances.size(), 1);
        QVERIFY(ended.value().isGlobalActive());
        auto afterEnd = calls::getMaintenanceMode(*f.client);
        ROTA_EXPECT_OK(afterEnd);
        QVERIFY(!afterEnd.value().instance(instance.instanceId));
        QCOMPARE(org.maintenance.size(), 1);

        auto endAgain = calls::endMaintenanceMode(*f.client, instance.instanceId);
        EXPECT_ERROR(endAgain, ApiErrorKind::NotFound);

        StartMaintenanceRequest unknown;
        unknown.names = { QStringLiteral("no-such-key") };
        auto refused = calls::startMaintenanceMode(*f.client, unknown);
        EXPECT_ERROR(refused, ApiErrorKind::BadRequest);
    }

    void routingKeys()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        auto list = calls::listRoutingKeys(*f.client, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(list);
        QCOMPARE(list.value().routingKeys.size(), org.routingKeys.size());
        for (qsizetype i = 0; i < org.routingKeys.size(); ++i) {
            const RoutingKey& got = list.value().routingKeys.at(i);
            const sim::SimRoutingKey& want = org.routingKeys.at(i);
            QCOMPARE(got.routingKey, want.key);
            QCOMPARE(got.isDefault, want.isDefault);
            QCOMPARE(got.targets.size(), want.policySlugs.size());
            for (qsizetype t = 0; t < want.policySlugs.size(); ++t) {
                QCOMPARE(got.targets.at(t).policySlug, want.policySlugs.at(t));
                QCOMPARE(
                    got.targets.at(t).policyName, org.policies.value(want.policySlugs.at(t)).name);
            }
        }
        QCOMPARE(std::count_if(list.value().routingKeys.cbegin(), list.value().routingKeys.cend(),
                     [](const RoutingKey& k) { return k.isDefault; }),
            1);

        const QStringList policies = org.policies.keys().mid(0, 2);
        QCOMPARE(policies.size(), 2);
        RoutingKeyAssignment create { QStringLiteral("rota-test.key_1"), policies };
        auto created = calls::createRoutingKey(*f.client, create);
        ROTA_EXPECT_OK(created);
        QCOMPARE(created.value().routingKey, create.routingKey);
        QCOMPARE(created.value().targets, policies);

        auto after = calls::listRoutingKeys(*f.client);
        ROTA_EXPECT_OK(after);
        const RoutingKey* key = after.value().find(create.routingKey);
        QVERIFY(key);
        QVERIFY(!key->isDefault);
        QCOMPARE(key->targets.size(), 2);
        QCOMPARE(key->targets.at(1).policySlug, policies.at(1));
        QCOMPARE(key->targets.at(1).policyName, org.policies.value(policies.at(1)).name);
        QVERIFY(key->targets.at(1).teamUrl.endsWith(org.policies.value(policies.at(1)).teamSlug));

        auto duplicate = calls::createRoutingKey(*f.client, create);
        EXPECT_ERROR(duplicate, ApiErrorKind::BadRequest);
        auto badName
            = calls::createRoutingKey(*f.client, { QStringLiteral("Not A Key"), policies });
        EXPECT_ERROR(badName, ApiErrorKind::BadRequest);
        QCOMPARE(org.routingKeys.size(), list.value().routingKeys.size() + 1);
    }

    void webhooks()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        QVERIFY(!org.webhooks.isEmpty());
        auto call = calls::listWebhooks(*f.client, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(call);
        QCOMPARE(call.value().webhooks.size(), org.webhooks.size());
        for (const Webhook& w : call.value().webhooks) {
            QVERIFY2(org.webhooks.contains(w.slug), qPrintable(w.slug));
            QCOMPARE(w.label, org.webhooks.value(w.slug).label);
            QCOMPARE(w.url, org.webhooks.value(w.slug).url);
        }
    }

    // --- teams
    // ------------------------------------------------------------------------------------

    void teams()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        auto list = calls::listTeams(*f.client, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(list);
        const TeamList teams = list.value();
        QCOMPARE(teams.teams.size(), org.teams.size());
        for (qsizetype i = 0; i < teams.teams.size(); ++i) {
            const Team& t = teams.teams.at(i);
            QVERIFY2(org.teams.contains(t.slug), qPrintable(t.slug));
            const sim::SimTeam want = org.teams.value(t.slug);
            QCOMPARE(t.name, want.name);
            QCOMPARE(t.memberCount, want.members.size());
            QCOMPARE(t.version, want.version);
            QCOMPARE(t.isDefaultTeam, want.isDefault);
            QVERIFY(t.membersUrl.endsWith(t.slug + QStringLiteral("/members")));
            if (i > 0)
                QVERIFY(
                    QString::compare(teams.teams.at(i - 1).name, t.name, Qt::CaseInsensitive) <= 0);
        }
        QCOMPARE(teams.toJsonValue().toArray().size(), teams.teams.size());

        auto created = calls::createTeam(*f.client, QStringLiteral("Rota Test Team"));
        ROTA_EXPECT_OK(created);
        const Team team = created.value();
        QCOMPARE(team.name, QStringLiteral("Rota Test Team"));
        QVERIFY(team.slug.startsWith(QLatin1String("team-")));
        QCOMPARE(team.memberCount, 0);
        QVERIFY(org.teams.contains(team.slug));

        auto got = calls::getTeam(*f.client, team.slug);
        ROTA_EXPECT_OK(got);
        QCOMPARE(got.value().name, team.name);
        QCOMPARE(got.value().version, team.version);

        auto taken = calls::createTeam(*f.client, QStringLiteral("rota test team"));
        EXPECT_ERROR(taken, ApiErrorKind::BadRequest);
        QCOMPARE(taken.reply->httpStatus(), 422);

        auto renamed = calls::updateTeam(*f.client, team.slug, QStringLiteral("Rota Renamed"));
        ROTA_EXPECT_OK(renamed);
        QCOMPARE(renamed.value().name, QStringLiteral("Rota Renamed"));
        QCOMPARE(renamed.value().version, team.version + 1);
        QCOMPARE(org.teams.value(team.slug).name, QStringLiteral("Rota Renamed"));
        auto relisted = calls::listTeams(*f.client);
        ROTA_EXPECT_OK(relisted);
        QVERIFY(std::any_of(
            relisted.value().teams.cbegin(), relisted.value().teams.cend(), [&team](const Team& t) {
                return t.slug == team.slug && t.name == QLatin1String("Rota Renamed");
            }));

        auto removed = calls::deleteTeam(*f.client, team.slug);
        ROTA_EXPECT_OK(removed);
        QVERIFY(!org.teams.contains(team.slug));
        auto gone = calls::getTeam(*f.client, team.slug);
        EXPECT_ERROR(gone, ApiErrorKind::NotFound);

        const auto defaultTeam = std::find_if(org.teams.cbegin(), org.teams.cend(),
            [](const sim::SimTeam& t) { return t.isDefault; });
        QVERIFY(defaultTeam != org.teams.cend());
        auto keep = calls::deleteTeam(*f.client, defaultTeam->slug);
        EXPECT_ERROR(keep, ApiErrorKind::BadRequest);

        // Path characters in a slug stay inside its segment.
        auto odd = calls::getTeam(*f.client, QStringLiteral("team-x/../members"));
        EXPECT_ERROR(odd, ApiErrorKind::NotFound);
        QVERIFY2(odd.reply->error().serverMessage.contains(QLatin1String("team-x/../members")),
            qPrintable(odd.reply->error().serverMessage));
    }

    void teamPolicies()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const QString teamSlug = org.policies.first().teamSlug;
        QStringList expected;
        for (const sim::SimPolicy& p : org.policies) {
            if (p.teamSlug == teamSlug)
                expected.append(p.slug);
        }
        auto call = calls::listTeamPolicies(*f.client, teamSlug);
        ROTA_EXPECT_OK(call);
        QStringList got;
        for (const EscalationPolicyInfo& p : call.value().policies) {
            got.append(p.policySlug);
            QCOMPARE(p.teamSlug, teamSlug);
            QCOMPARE(p.teamName, org.teams.value(teamSlug).name);
            QCOMPARE(p.policyName, org.policies.value(p.policySlug).name);
            QVERIFY(p.policySelfUrl.endsWith(p.policySlug));
        }
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);

        auto missing = calls::listTeamPolicies(*f.client, QStringLiteral("team-none"));
        EXPECT_ERROR(missing, ApiErrorKind::NotFound);
    }

    void teamAdmins()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        const sim::SimTeam team = org.teams.first();
        QVERIFY(!team.admins.isEmpty());
        auto call
            = calls::listTeamAdmins(*f.client, team.slug, RequestScheduler::Priority::Background);
        ROTA_EXPECT_OK(call);
        QStringList got;
        for (const TeamAdmin& a : call.value().admins) {
            got.append(a.username);
            QCOMPARE(a.firstName, org.users.value(a.username).firstName);
            QCOMPARE(a.lastName, org.users.value(a.username).lastName);
            QVERIFY(a.selfUrl.endsWith(a.username));
        }
        QCOMPARE(got, team.admins);
        auto missing = calls::listTeamAdmins(*f.client, QStringLiteral("team-none"));
        EXPECT_ERROR(missing, ApiErrorKind::NotFound);
    }

    void teamMembers()
    {
        START_FIXTURE(f);
        const sim::SimOrg& org = f.ctx().org;
        // A team with a rotation, so that removing a member shows the replacement taking over.
        const auto rotation = std::find_if(org.rotations.cbegin(), org.rotations.cend(),
            [](const sim::SimRotation& r) { return r.members.size() >= 2; });
        QVERIFY(rotation != org.rotations.cend());
        const QString rotationSlug = rotation.key();
        const QStringList rotationMembers = rotation->members;
        const sim::SimTeam team = org.teams.value(rotation->teamSlug);

        auto list = calls::listTeamMembers(*f.client, team.slug);
        ROTA_EXPECT_OK(list);
        QStringList usernames;
        for (const TeamMember& m : list.value().members) {
            usernames.append(m.username);
            QCOMPARE(m.verified, org.users.value(m.username).verified);
            QCOMPARE(m.firstName, org.users.value(m.username).firstName);
        }
        QCOMPARE(usernames, team.members);
        QVERIFY(list.value().teamUrl.endsWith(team.slug));

        const QString newcomer = someUserExcept(org, team.members);
        QVERIFY(!newcomer.isEmpty());
        auto added = calls::addTeamMember(*f.client, team.slug, newcomer);
        ROTA_EXPECT_OK(added);
        QCOMPARE(added.value().members.size(), team.members.size() + 1);
        QCOMPARE(added.value().members.last().username, newcomer);
        QVERIFY(org.teams.value(team.slug).members.contains(newcomer));
        auto twice = calls::addTeamMember(*f.client, team.slug, newcomer);
        EXPECT_ERROR(twice, ApiErrorKind::BadRequest);

        // The newcomer replaces a member who leaves, and takes their place in the rotation.
        const QString leaving = rotationMembers.first();
        auto self = calls::removeTeamMember(*f.client, team.slug, leaving, leaving);
        EXPECT_ERROR(self, ApiErrorKind::BadRequest);
        QCOMPARE(self.reply->httpStatus(), 422);
        auto removed = calls::removeTeamMember(*f.client, team.slug, leaving, newcomer);
        ROTA_EXPECT_OK(removed);
        QVERIFY(!org.teams.value(team.slug).members.contains(leaving));
        QCOMPARE(org.rotations.value(rotationSlug).members.first(), newcomer);
        QCOMPARE(org.rotations.value(rotationSlug).members.size(), rotationMembers.size());
        auto after = calls::listTeamMembers(*f.client, team.slug);
        ROTA_EXPECT_OK(after);
        QCOMPARE(after.value().members.size(), team.members.size());
        QVERIFY(std::none_of(after.value().members.cbegin(), after.value().members.cend(),
            [&leaving](const TeamMember& m) { return m.username == leaving; }));
        auto notMember = calls::removeTeamMember(*f.client, team.slug, leaving, newcomer);
        EXPECT_ERROR(notMember, ApiErrorKind::NotFound);
    }

    // --- DTOs on hostile and odd input ----------------------------------------------------------

    void parseCurrentIncident()
    {
        const JsonReader r = readerOf(kCurrentIncident);
        const Incident i = Incident::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(i.incidentNumber, QStringLiteral("4711"));
        QCOMPARE(i.phase, Phase::Acknowledged);
        QCOMPARE(
            i.startTime, QDateTime(QDate(2026, 11, 26), QTime(3, 15, 59, 123), QTimeZone::utc()));
        QCOMPARE(i.alertCount, 3);
        QCOMPARE(i.pagedUsers, (QStringList { QStringLiteral("alice"), QStringLiteral("bob") }));
        QCOMPARE(i.pagedPolicies.size(), 1);
        QCOMPARE(i.pagedPolicies.first().policyName, QStringLiteral("DB primary"));
        QCOMPARE(i.pagedPolicies.first().teamSlug, QStringLiteral("team-aaaa"));
        QCOMPARE(i.transitions.size(), 3);
        QCOMPARE(i.transitions.at(0).phase, Phase::Triggered);
        // An offset time and an epoch-ms time both arrive as UTC.
        QCOMPARE(i.transitions.at(1).at,
            QDateTime(QDate(2026, 11, 26), QTime(3, 15, 59), QTimeZone::utc()));
        QCOMPARE(i.transitions.at(1).at.timeSpec(), Qt::UTC);
        QCOMPARE(i.transitions.at(2).at.toMSecsSinceEpoch(), Q_INT64_C(1795749359123));
        // A transition that is no phase keeps its name.
        QCOMPARE(i.transitions.at(2).phase, Phase::Unknown);
        QCOMPARE(i.transitions.at(2).name, QStringLiteral("rerouted"));
        QCOMPARE(i.transitions.at(2).alertId, QString());
        QCOMPARE(i.monitorType, QStringLiteral("NAGIOS"));

        // A faithful round trip.
        const QJsonObject json = i.toJson();
        QCOMPARE(json.value(QStringLiteral("currentPhase")).toString(), QStringLiteral("ACKED"));
        QCOMPARE(json.value(QStringLiteral("startTime")).toString(),
            QStringLiteral("2026-11-26T03:15:59.123Z"));
        QCOMPARE(json.value(QStringLiteral("pagedPolicies"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("policy"))
                     .toObject()
                     .value(QStringLiteral("slug"))
                     .toString(),
            QStringLiteral("pol-1"));
        QCOMPARE(json.value(QStringLiteral("transitions"))
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("rerouted"));
        const JsonReader again(json);
        QCOMPARE(Incident::fromJson(again).toJson(), json);
        QVERIFY(again.ok());

        // Once the phase changes, the incident API's word is written.
        Incident changed = i;
        changed.phase = Phase::Resolved;
        QCOMPARE(changed.toJson().value(QStringLiteral("currentPhase")).toString(),
            QStringLiteral("RESOLVED"));
    }

    void parseReportingPage()
    {
        const JsonReader r = readerOf(kReportingPage);
        const ReportingIncidentList page = ReportingIncidentList::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(page.offset, 20);
        QCOMPARE(page.limit, 10);
        QCOMPARE(page.total, 57);
        QCOMPARE(page.incidents.size(), 1);
        const Incident& i = page.incidents.first();
        QCOMPARE(
            i.incidentNumber, QStringLiteral("12")); // a number, read as the string it should be
        QCOMPARE(i.phase, Phase::Resolved);
        QCOMPARE(i.routingKey, QStringLiteral("web"));
        QCOMPARE(i.transitions.at(1).phase, Phase::Acknowledged);
        QCOMPARE(i.transitions.at(1).by, QStringLiteral("carol"));
        QVERIFY(i.firstAlertUuid.isEmpty());
        // The reporting words survive the round trip.
        const QJsonObject json = page.toJson();
        const QJsonObject incident
            = json.value(QStringLiteral("incidents")).toArray().at(0).toObject();
        QCOMPARE(
            incident.value(QStringLiteral("currentPhase")).toString(), QStringLiteral("resolved"));
        QCOMPARE(incident.value(QStringLiteral("transitions"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("triggered"));
        QCOMPARE(json.value(QStringLiteral("total")).toInt(), 57);
    }

    void anAnswerKeepsRepeatedTextsAndListsOnce()
    {
        // Two incidents of one team and a third of another, as one answer: what repeats across
        // them is held once, what is their own is not shared.
        const QByteArray answer = kTeamAnswer;
        const JsonReader r = readerOf(answer);
        const IncidentList list = IncidentList::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(list.incidents.size(), 3);
        const Incident& a = list.incidents.at(0);
        const Incident& b = list.incidents.at(1);
        const Incident& c = list.incidents.at(2);

        // One copy of each repeated text.
        QCOMPARE(b.host, QStringLiteral("db-01"));
        QCOMPARE(a.host.constData(), b.host.constData());
        QCOMPARE(a.service.constData(), c.service.constData());
        QCOMPARE(a.routingKey.constData(), b.routingKey.constData());
        QCOMPARE(a.transitions.at(0).by.constData(), b.transitions.at(0).by.constData());
        QCOMPARE(c.pagedUsers.at(0).constData(), a.pagedUsers.at(1).constData());
        QVERIFY(a.host.constData() != c.host.constData());
        QVERIFY(a.incidentNumber.constData() != b.incidentNumber.constData());

        // Equal lists are one list.
        QCOMPARE(b.pagedUsers, (QStringList { QStringLiteral("alice"), QStringLiteral("bob") }));
        QCOMPARE(a.pagedUsers.constData(), b.pagedUsers.constData());
        QCOMPARE(a.pagedTeams.constData(), b.pagedTeams.constData());
        QCOMPARE(b.pagedPolicies.size(), 1);
        QCOMPARE(b.pagedPolicies.at(0).policyName, QStringLiteral("DB primary"));
        QCOMPARE(b.pagedPolicies.at(0).teamSlug, QStringLiteral("team-a"));
        QCOMPARE(a.pagedPolicies.constData(), b.pagedPolicies.constData());
        // Other lists are not.
        QCOMPARE(c.pagedUsers, QStringList { QStringLiteral("bob") });
        QCOMPARE(
            c.pagedTeams, (QStringList { QStringLiteral("team-a"), QStringLiteral("team-b") }));
        QVERIFY(c.pagedTeams.constData() != a.pagedTeams.constData());
        QVERIFY(c.pagedPolicies.isEmpty());

        // A shared list is still each incident's own: changing one leaves the other.
        Incident changed = b;
        changed.pagedUsers.append(QStringLiteral("carol"));
        changed.pagedPolicies[0].policyName = QStringLiteral("renamed");
        QCOMPARE(a.pagedUsers.size(), 2);
        QCOMPARE(a.pagedPolicies.at(0).policyName, QStringLiteral("DB primary"));
        QCOMPARE(b.pagedPolicies.at(0).policyName, QStringLiteral("DB primary"));

        // The same in a page of the incident history.
        const ReportingIncidentList page = ReportingIncidentList::fromJson(readerOf(
            answer.mid(0, answer.size() - 1) + R"(, "offset": 0, "limit": 3, "total": 3})"));
        QCOMPARE(page.incidents.size(), 3);
        QCOMPARE(page.incidents.at(0).pagedPolicies.constData(),
            page.incidents.at(1).pagedPolicies.constData());
        QCOMPARE(page.total, 3);
    }

    void theAlertsOwnAddressIsNotKeptTwice()
    {
        const JsonReader r = readerOf(kAlertAddresses);
        const Incident i = Incident::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(i.transitions.size(), 5);
        // The API's own address of the alert: said by alertId alone.
        QVERIFY(i.transitions.at(0).alertUrl.isEmpty());
        QVERIFY(i.transitions.at(0).alertUrlIsAlertPath);
        QCOMPARE(i.transitions.at(0).alertAddress(), QStringLiteral("/api-public/v1/alerts/a-1"));
        // Anything else is kept as sent.
        for (int k : { 1, 2, 4 })
            QVERIFY(!i.transitions.at(k).alertUrlIsAlertPath);
        QCOMPARE(i.transitions.at(1).alertAddress(), QStringLiteral("/elsewhere/alert-2"));
        QCOMPARE(i.transitions.at(2).alertUrl, QStringLiteral("/api-public/v1/alerts/a-1"));
        QCOMPARE(i.transitions.at(3).alertAddress(), QString());
        QCOMPARE(i.transitions.at(4).alertAddress(), QStringLiteral("/api-public/v1/alerts/"));

        // Written back as sent: the address where there was one, none where there was none.
        const QJsonArray written = i.toJson().value(QStringLiteral("transitions")).toArray();
        const auto urlOf = [&written](int k) {
            return written.at(k).toObject().value(QStringLiteral("alertUrl"));
        };
        QCOMPARE(urlOf(0).toString(), QStringLiteral("/api-public/v1/alerts/a-1"));
        QCOMPARE(urlOf(1).toString(), QStringLiteral("/elsewhere/alert-2"));
        QCOMPARE(urlOf(2).toString(), QStringLiteral("/api-public/v1/alerts/a-1"));
        QVERIFY(urlOf(3).isUndefined());
        QCOMPARE(urlOf(4).toString(), QStringLiteral("/api-public/v1/alerts/"));

        // The fingerprint tells an alert's own address from no address.
        Incident without = i;
        without.transitions[0].alertUrlIsAlertPath = false;
        QVERIFY(without.fingerprint() != i.fingerprint());
    }

    void wrongTypesNameTheField_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        const auto row
            = [](const char* name, const char* type, const char* json, const char* path) {
                  QTest::newRow(name)
                      << QString::fromLatin1(type) << QByteArray(json) << QString::fromLatin1(path);
              };
        row("alertCount string", "Incident", R"({"alertCount": "3"})", "$.alertCount");
        row("transition time", "Incident", R"({"transitions": [{"name": "ACKED", "at": true}]})",
            "$.transitions[0].at");
        row("transition not a time", "Incident", R"({"transitions": [{}, {"at": "last tuesday"}]})",
            "$.transitions[1].at");
        row("policy slug", "Incident", R"({"pagedPolicies": [{"policy": {"slug": 5}}]})",
            "$.pagedPolicies[0].policy.slug");
        row("pagedUsers object", "Incident", R"({"pagedUsers": {"alice": true}})", "$.pagedUsers");
        row("incidents object", "IncidentList", R"({"incidents": {"1": {}}})", "$.incidents");
        row("nested incident", "IncidentList", R"({"incidents": [{}, {"currentPhase": 2}]})",
            "$.incidents[1].currentPhase");
        row("total string", "ReportingIncidentList", R"({"total": "many"})", "$.total");
        row("created number bool", "CreatedIncident", R"({"incidentNumber": true})",
            "$.incidentNumber");
        row("target type", "CreateIncidentRequest",
            R"({"targets": [{"type": "Robot", "slug": "r2"}]})", "$.targets[0].type");
        row("cmdAccepted string", "AckResolveResults", R"({"results": [{"cmdAccepted": "yes"}]})",
            "$.results[0].cmdAccepted");
        row("target success", "RerouteResults",
            R"({"statuses": [{"targetStatus": [{"success": 1}]}]})",
            "$.statuses[0].targetStatus[0].success");
        row("note value", "IncidentNoteList", R"({"notes": [{"json_value": "text"}]})",
            "$.notes[0].json_value");
        row("alert timestamp", "Alert", R"({"timestamp": "yesterday"})", "$.timestamp");
        row("alert raw", "Alert", R"({"raw": 12})", "$.raw");
        row("startedAt", "MaintenanceState", R"({"activeInstances": [{"startedAt": "soon"}]})",
            "$.activeInstances[0].startedAt");
        row("target names", "MaintenanceState",
            R"({"activeInstances": [{"targets": [{"names": "k"}]}]})",
            "$.activeInstances[0].targets[0].names");
        row("isDefault", "RoutingKeyList", R"({"routingKeys": [{"isDefault": "true"}]})",
            "$.routingKeys[0].isDefault");
        row("created targets", "RoutingKeyAssignment", R"({"targets": [["pol-1"]]})",
            "$.targets[0]");
        row("webhook url", "WebhookList", R"({"webhooks": [{"url": []}]})", "$.webhooks[0].url");
        row("team name", "Team", R"({"name": {"en": "Ops"}})", "$.name");
        row("team list element", "TeamList", R"([{"memberCount": "4"}])", "$[0].memberCount");
        row("team list object", "TeamList", R"({"teams": []})", "$");
        row("verified word", "TeamMemberList", R"({"members": [{"verified": "maybe"}]})",
            "$.members[0].verified");
        row("admin username", "TeamAdminList", R"({"teamAdmins": [{"username": 7}]})",
            "$.teamAdmins[0].username");
        row("policy team", "EscalationPolicyInfoList", R"({"policies": [{"team": "x"}]})",
            "$.policies[0].team");
    }

    void wrongTypesNameTheField()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QVERIFY(parsers().contains(type));
        const QString error = parsers().value(type)(json);
        QVERIFY2(error.startsWith(path + QLatin1Char(':')), qPrintable(error));
    }

    void missingOptionalFieldsKeepDefaults()
    {
        for (auto it = parsers().cbegin(); it != parsers().cend(); ++it) {
            const QByteArray empty
                = it.key() == QLatin1String("TeamList") ? QByteArray("[]") : QByteArray("{}");
            QVERIFY2(it.value()(empty).isEmpty(), qPrintable(it.key()));
        }
        const JsonReader r = readerOf(
            R"({"incidentNumber": null, "transitions": null, "pagedUsers": null, "startTime": null})");
        const Incident i = Incident::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(i.incidentNumber.isEmpty());
        QCOMPARE(i.phase, Phase::Unknown);
        QVERIFY(!i.startTime.isValid());
        QCOMPARE(i.alertCount, 0);
        QVERIFY(i.transitions.isEmpty());
        // Left out of toJson, not written as nonsense.
        QVERIFY(!i.toJson().contains(QStringLiteral("startTime")));

        const MaintenanceTarget target = MaintenanceTarget::fromJson(readerOf("{}"));
        QCOMPARE(target.type, QStringLiteral("RoutingKeys"));
        const MaintenanceInstance instance = MaintenanceInstance::fromJson(readerOf("{}"));
        QVERIFY(!instance.startedAt.isValid());
        QVERIFY(!instance.toJson().contains(QStringLiteral("startedAt")));
        const Team team = Team::fromJson(readerOf("{}"));
        QVERIFY(!team.isDefaultTeam);
        QCOMPARE(team.memberCount, 0);
    }

    void unknownFieldsAreIgnored()
    {
        const JsonReader r = readerOf(R"({"incidentNumber": "7", "currentPhase": "UNACKED",
            "somethingNew": {"deep": [1, 2, {"x": null}]}, "transitions": [{"name": "UNACKED", "extra": 1}]})");
        const Incident i = Incident::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(i.incidentNumber, QStringLiteral("7"));
        QCOMPARE(i.phase, Phase::Triggered);
        QCOMPARE(i.transitions.size(), 1);
        QVERIFY(!i.toJson().contains(QStringLiteral("somethingNew")));

        const JsonReader w = readerOf(
            R"({"webhooks": [{"slug": "wh-1", "label": "Chat", "url": "hooks.example/in", "secret": "s"}], "_selfUrl": "/x"})");
        const WebhookList hooks = WebhookList::fromJson(w);
        QVERIFY(w.ok());
        QCOMPARE(hooks.webhooks.size(), 1);
        QCOMPARE(hooks.webhooks.first().url, QStringLiteral("hooks.example/in"));
    }

    void hugeNumbers_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("alertCount 1e300")
            << QStringLiteral("Incident") << QByteArray(R"({"alertCount": 1e300})")
            << QStringLiteral("$.alertCount");
        QTest::newRow("alertCount beyond int")
            << QStringLiteral("Incident") << QByteArray(R"({"alertCount": 3000000000})")
            << QStringLiteral("$.alertCount");
        QTest::newRow("incidentNumber 1e30")
            << QStringLiteral("Incident") << QByteArray(R"({"incidentNumber": 1e30})")
            << QStringLiteral("$.incidentNumber");
        QTest::newRow("fraction") << QStringLiteral("ReportingIncidentList")
                                  << QByteArray(R"({"offset": 0.5})") << QStringLiteral("$.offset");
        QTest::newRow("startedAt") << QStringLiteral("MaintenanceState")
                                   << QByteArray(R"({"activeInstances": [{"startedAt": 1e300}]})")
                                   << QStringLiteral("$.activeInstances[0].startedAt");
        QTest::newRow("alert seconds")
            << QStringLiteral("Alert") << QByteArray(R"({"stateStartTime": -1e200})")
            << QStringLiteral("$.stateStartTime");
        QTest::newRow("memberCount")
            << QStringLiteral("Team") << QByteArray(R"({"memberCount": -1e17})")
            << QStringLiteral("$.memberCount");
        QTest::newRow("version") << QStringLiteral("TeamMemberList")
                                 << QByteArray(R"({"members": [{"version": 9007199254740993}]})")
                                 << QStringLiteral("$.members[0].version");
    }

    void hugeNumbers()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const QString error = parsers().value(type)(json);
        QVERIFY2(error.startsWith(path + QLatin1Char(':')), qPrintable(error));
    }

    void numbersWhereStringsAreExpected()
    {
        const JsonReader r
            = readerOf(R"({"results": [{"incidentNumber": 12345, "cmdAccepted": true}]})");
        const AckResolveResults results = AckResolveResults::fromJson(r);
        QVERIFY(r.ok());
        QCOMPARE(results.results.first().incidentNumber, QStringLiteral("12345"));
        const JsonReader c = readerOf(R"({"incidentNumber": 99})");
        QCOMPARE(CreatedIncident::fromJson(c).incidentNumber, QStringLiteral("99"));
        QVERIFY(c.ok());
    }

    void deepNesting()
    {
        QByteArray deep;
        const int depth = 100000;
        deep.reserve(depth * 2 + 64);
        deep += R"({"incidentNumber": "1", "extra": )";
        deep += QByteArray(depth, '[');
        deep += QByteArray(depth, ']');
        deep += '}';
        const JsonReader r = JsonReader::fromBytes(deep);
        const Incident i = Incident::fromJson(r);
        // Qt refuses documents nested this deep; either way nothing is read from the junk.
        if (r.ok())
            QCOMPARE(i.incidentNumber, QStringLiteral("1"));
        else
            QVERIFY(r.error().startsWith(QLatin1String("$:")));

        // Nesting where objects belong is a type error at that place.
        QByteArray nested = R"({"transitions": )";
        nested += QByteArray(200, '[');
        nested += QByteArray(200, ']');
        nested += '}';
        const QString error = parsers().value(QStringLiteral("Incident"))(nested);
        QVERIFY2(error.startsWith(QLatin1String("$.transitions[0]")), qPrintable(error));
    }

    void invalidUtf8()
    {
        // (Plain literals: moc's lexer loses its way in raw strings with unbalanced quotes.)
        const QByteArray bytes = QByteArray("{\"entityDisplayName\": \"disk ")
            + QByteArray("\xff\xfe\xc3", 3) + QByteArray("\", \"incidentNumber\": \"5\"}");
        const JsonReader r = JsonReader::fromBytes(bytes);
        const Incident i = Incident::fromJson(r);
        if (r.ok()) {
            // Qt substitutes what it cannot decode; the rest of the answer is intact.
            QCOMPARE(i.incidentNumber, QStringLiteral("5"));
            QVERIFY(i.entityDisplayName.startsWith(QLatin1String("disk ")));
        } else {
            QVERIFY(r.error().startsWith(QLatin1String("$:")));
            QVERIFY(i.incidentNumber.isEmpty());
        }
    }

    void truncatedBodies()
    {
        IncidentList list;
        list.incidents.append(Incident::fromJson(readerOf(kCurrentIncident)));
        list.incidents.append(
            ReportingIncidentList::fromJson(readerOf(kReportingPage)).incidents.first());
        const QByteArray body = calls::jsonBody(list.toJson());
        QVERIFY(IncidentList::fromJson(JsonReader::fromBytes(body)).incidents.size() == 2);
        for (qsizetype n = 0; n < body.size(); ++n) {
            const JsonReader r = JsonReader::fromBytes(body.left(n));
            const IncidentList cut = IncidentList::fromJson(r);
            QVERIFY2(
                !r.ok(), qPrintable(QStringLiteral("a body cut at %1 bytes was accepted").arg(n)));
            QVERIFY(cut.incidents.isEmpty());
        }
        // The same for a team list, the one bare-array answer.
        const QByteArray teams = R"([{"name": "Ops", "slug": "team-1", "memberCount": 4}])";
        for (qsizetype n = 0; n < teams.size(); ++n) {
            const JsonReader r = JsonReader::fromBytes(teams.left(n));
            QVERIFY(TeamList::fromJson(r).teams.isEmpty());
            QVERIFY(!r.ok());
        }
    }

    void alertTimesAndRaw()
    {
        const QJsonObject raw { { QStringLiteral("VO_UUID"), QStringLiteral("u-1") },
            { QStringLiteral("host_name"), QStringLiteral("db-01") } };
        QJsonObject alert = QJsonDocument::fromJson(
            R"({"messageType": "CRITICAL", "timestamp": 1764126959, "stateStartTime": "1764126000"})")
                                .object();
        alert.insert(QStringLiteral("raw"),
            QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Compact)));
        const JsonReader r(alert);
        const Alert a = Alert::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(a.timestamp, QDateTime::fromSecsSinceEpoch(1764126959, QTimeZone::utc()));
        QCOMPARE(a.stateStartTime, QDateTime::fromSecsSinceEpoch(1764126000, QTimeZone::utc()));
        QCOMPARE(
            a.rawObject().value(QStringLiteral("host_name")).toString(), QStringLiteral("db-01"));
        QCOMPARE(a.toJson().value(QStringLiteral("timestamp")).toDouble(), 1764126959.0);

        // An object where the definition promises a string is kept as its text.
        const JsonReader o = readerOf(R"({"raw": {"VO_UUID": "u-2"}})");
        const Alert b = Alert::fromJson(o);
        QVERIFY(o.ok());
        QCOMPARE(b.rawObject().value(QStringLiteral("VO_UUID")).toString(), QStringLiteral("u-2"));
        // Not JSON at all: an empty object, no crash.
        Alert broken;
        broken.raw = QStringLiteral("{not json");
        QVERIFY(broken.rawObject().isEmpty());
    }

    void teamMemberVerified()
    {
        const JsonReader r = readerOf(R"({"members": [{"username": "a", "verified": "true"},
            {"username": "b", "verified": "false"}, {"username": "c", "verified": true}, {"username": "d"}]})");
        const TeamMemberList list = TeamMemberList::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(list.members.size(), 4);
        QVERIFY(list.members.at(0).verified);
        QVERIFY(!list.members.at(1).verified);
        QVERIFY(list.members.at(2).verified);
        QVERIFY(!list.members.at(3).verified);
        // Written back as the definition's string.
        QCOMPARE(list.members.at(2).toJson().value(QStringLiteral("verified")),
            QJsonValue(QStringLiteral("true")));
    }

    void maintenanceStartedAt()
    {
        const JsonReader r
            = readerOf(R"({"companyId": "acme", "activeInstances": [{"instanceId": "m-1",
            "startedBy": "alice", "startedAt": 1764126959123, "isGlobal": false,
            "targets": [{"type": "RoutingKeys", "names": ["db", "web"]}, {"type": "RoutingKeys", "names": ["web", "mq"]}]}]})");
        const MaintenanceState state = MaintenanceState::fromJson(r);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const MaintenanceInstance& m = state.activeInstances.first();
        QCOMPARE(m.startedAt.toMSecsSinceEpoch(), Q_INT64_C(1764126959123));
        QCOMPARE(m.startedAt.timeSpec(), Qt::UTC);
        QCOMPARE(m.routingKeys(),
            (QStringList { QStringLiteral("db"), QStringLiteral("web"), QStringLiteral("mq") }));
        QVERIFY(!state.isGlobalActive());
        QCOMPARE(m.toJson().value(QStringLiteral("startedAt")).toDouble(), 1764126959123.0);
        QCOMPARE(MaintenanceState::fromJson(JsonReader(state.toJson())).toJson(), state.toJson());
    }

    void reportingQueryEncoding()
    {
        ReportingQuery q;
        q.offset = 40;
        q.limit = 20;
        q.incidentNumber = QStringLiteral("4,5,20:50");
        q.host = { QStringLiteral("a+b&c=d"), QStringLiteral("e%41 f") };
        q.currentPhase
            = { Phase::Triggered, Phase::Acknowledged, Phase::Triggered, Phase::Unknown };
        q.startedAfter = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
        q.routingKey = QStringLiteral("db");
        QUrl url(QStringLiteral("https://api.victorops.com/api-reporting/v2/incidents"));
        url.setQuery(q.toQuery());
        const QString text = url.toString(QUrl::FullyEncoded);
        QVERIFY2(text.contains(QLatin1String("host=a%2Bb%26c%3Dd,e%2541%20f")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("incidentNumber=4,5,20:50")), qPrintable(text));
        QVERIFY2(
            text.contains(QLatin1String("currentPhase=triggered,acknowledged&")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("offset=40&limit=20")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("routingKey=db")));
        QVERIFY(!text.contains(QLatin1String("service=")));
        QVERIFY(!text.contains(QLatin1String("startedBefore")));
        // What a server decodes.
        const QUrlQuery back(url.query(QUrl::FullyEncoded));
        QCOMPARE(back.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded),
            QStringLiteral("a+b&c=d,e%41 f"));
        QCOMPARE(back.queryItemValue(QStringLiteral("startedAfter"), QUrl::FullyDecoded),
            QStringLiteral("2026-01-02T03:04:05.000Z"));

        // v1 knows no routingKey.
        QVERIFY(!q.toQuery(false).hasQueryItem(QStringLiteral("routingKey")));
        QVERIFY(q.toQuery(false).hasQueryItem(QStringLiteral("host")));
    }

    void requestBodies()
    {
        CreateIncidentRequest create;
        create.summary = QStringLiteral("s");
        create.details = QStringLiteral("d");
        create.userName = QStringLiteral("alice");
        create.targets = { IncidentTarget::user(QStringLiteral("alice")),
            IncidentTarget::policy(QStringLiteral("pol-1")) };
        const QJsonObject json = create.toJson();
        QCOMPARE(json.value(QStringLiteral("targets")).toArray().at(1).toObject(),
            (QJsonObject { { QStringLiteral("type"), QStringLiteral("EscalationPolicy") },
                { QStringLiteral("slug"), QStringLiteral("pol-1") } }));
        QCOMPARE(json.value(QStringLiteral("isMultiResponder")), QJsonValue(false));
        const JsonReader r(json);
        QCOMPARE(CreateIncidentRequest::fromJson(r).toJson(), json);

        AckResolveRequest ack { QStringLiteral("alice"),
            { QStringLiteral("1"), QStringLiteral("2") }, QString() };
        QVERIFY(!ack.toJson().contains(QStringLiteral("message")));
        ack.message = QStringLiteral("m");
        QCOMPARE(ack.toJson().value(QStringLiteral("message")).toString(), QStringLiteral("m"));

        RerouteRequest reroute { QStringLiteral("alice"),
            { { QStringLiteral("3"), { IncidentTarget::user(QStringLiteral("bob")) }, true } } };
        const QJsonObject rerouteJson = reroute.toJson();
        QCOMPARE(rerouteJson.value(QStringLiteral("reroutes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("addTargets")),
            QJsonValue(true));
        QCOMPARE(RerouteRequest::fromJson(JsonReader(rerouteJson)).toJson(), rerouteJson);

        NoteRequest note;
        QCOMPARE(note.toJson(), QJsonObject {});
        note.displayName = QString();
        note.jsonValue = QJsonObject {};
        QCOMPARE(note.toJson().keys(),
            (QStringList { QStringLiteral("display_name"), QStringLiteral("json_value") }));
        const NoteRequest readBack = NoteRequest::fromJson(JsonReader(note.toJson()));
        QVERIFY(readBack.displayName.has_value());
        QVERIFY(readBack.jsonValue.has_value());

        StartMaintenanceRequest start;
        QCOMPARE(start.toJson(),
            (QJsonObject { { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
                { QStringLiteral("names"), QJsonArray {} } }));
    }

    void noteListShapes()
    {
        const IncidentNoteList wrapped = IncidentNoteList::fromJson(
            readerOf(R"({"notes": [{"name": "a", "displayName": "A", "json_value": {"k": 1}}]})"));
        QCOMPARE(wrapped.notes.size(), 1);
        QCOMPARE(wrapped.notes.first().jsonValue.value(QStringLiteral("k")).toInt(), 1);
        const IncidentNoteList bare = IncidentNoteList::fromJson(
            readerOf(R"([{"name": "a"}, {"name": "b", "display_name": "B"}])"));
        QCOMPARE(bare.notes.size(), 2);
        QCOMPARE(bare.notes.at(1).displayName, QStringLiteral("B"));
        const IncidentNoteList single = IncidentNoteList::fromJson(
            readerOf(R"({"name": "a", "displayName": "A", "json_value": {}})"));
        QCOMPARE(single.notes.size(), 1);
        QCOMPARE(single.notes.first().displayName, QStringLiteral("A"));
        QVERIFY(IncidentNoteList::fromJson(readerOf("{}")).notes.isEmpty());
    }

    //! Last: the tests above sent every operation of the group under its documented pattern
    //! (the key of its rate limit).
    void everyOperationWasSent()
    {
        if (operationsSent().isEmpty())
            QSKIP("runs after the integration tests");
        const QStringList patterns {
            QStringLiteral("GET /api-public/v1/incidents"),
            QStringLiteral("GET /api-public/v1/incidents/{incidentNumber}"),
            QStringLiteral("POST /api-public/v1/incidents"),
            QStringLiteral("PATCH /api-public/v1/incidents/ack"),
            QStringLiteral("PATCH /api-public/v1/incidents/resolve"),
            QStringLiteral("PATCH /api-public/v1/incidents/byUser/ack"),
            QStringLiteral("PATCH /api-public/v1/incidents/byUser/resolve"),
            QStringLiteral("POST /api-public/v1/incidents/reroute"),
            QStringLiteral("GET /api-public/v1/incidents/{incidentNumber}/notes"),
            QStringLiteral("POST /api-public/v1/incidents/{incidentNumber}/notes"),
            QStringLiteral("PUT /api-public/v1/incidents/{incidentNumber}/notes/{noteName}"),
            QStringLiteral("DELETE /api-public/v1/incidents/{incidentNumber}/notes/{noteName}"),
            QStringLiteral("GET /api-public/v1/alerts/{uuid}"),
            kReportingV2,
            kReportingV1,
            QStringLiteral("GET /api-public/v1/maintenancemode"),
            QStringLiteral("POST /api-public/v1/maintenancemode/start"),
            QStringLiteral("PUT /api-public/v1/maintenancemode/{maintenancemodeid}/end"),
            QStringLiteral("GET /api-public/v1/org/routing-keys"),
            QStringLiteral("POST /api-public/v1/org/routing-keys"),
            QStringLiteral("GET /api-public/v1/webhooks"),
            QStringLiteral("GET /api-public/v1/team"),
            QStringLiteral("POST /api-public/v1/team"),
            QStringLiteral("GET /api-public/v1/team/{team}"),
            QStringLiteral("PUT /api-public/v1/team/{team}"),
            QStringLiteral("DELETE /api-public/v1/team/{team}"),
            QStringLiteral("GET /api-public/v1/team/{team}/policies"),
            QStringLiteral("GET /api-public/v1/team/{team}/admins"),
            QStringLiteral("GET /api-public/v1/team/{team}/members"),
            QStringLiteral("POST /api-public/v1/team/{team}/members"),
            QStringLiteral("DELETE /api-public/v1/team/{team}/members/{user}"),
        };
        QCOMPARE(patterns.size(), 31);
        for (const QString& key : patterns) {
            const qsizetype space = key.indexOf(QLatin1Char(' '));
            QVERIFY2(
                findOperation(key.left(space).toLatin1(), key.mid(space + 1)), qPrintable(key));
            QVERIFY2(
                operationsSent().contains(key), qPrintable(key + QStringLiteral(" was not sent")));
        }
        const QSet<QString> expected(patterns.cbegin(), patterns.cend());
        QCOMPARE(operationsSent() - expected, QSet<QString> {});
    }
};

QTEST_GUILESS_MAIN(TestApiIncidents)
#include "tst_api_incidents.moc"
