// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The rotation calls: against an in-process rota-sim over real HTTP (the v2 listing joined with
// the v1 groupId, create, delete, the scheduled user), the create call's second form of the start
// against a plain server that answers the vendor's joda-date 400, and the readers on odd input.
#include "apiclient.h"
#include "capturingserver.h"
#include "jsonreader.h"
#include "oncall.h"
#include "rotations.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

using namespace rota;
using namespace rota::test;

namespace {

bool waitFor(RotationGroupCreation* creation, int timeoutMs = 10000)
{
    if (creation->isFinished())
        return true;
    QSignalSpy spy(creation, &RotationGroupCreation::finished);
    return spy.wait(timeoutMs);
}

QJsonObject bodyOf(const QByteArray& request)
{
    return QJsonDocument::fromJson(request.mid(request.indexOf("\r\n\r\n") + 4)).object();
}

NewRotationGroup weeklyGroup(const QString& label, const QStringList& members)
{
    NewRotationShift shift;
    shift.label = QStringLiteral("Weekly");
    shift.timezone = QStringLiteral("Europe/Madrid");
    shift.start = QDateTime(QDate(2026, 9, 10), QTime(0, 0), QTimeZone::utc());
    shift.durationDays = 7;
    shift.usernames = members;
    return { label, { shift } };
}

const QByteArray kJodaBody
    = R"({"message":"Invalid start","errors":{"obj.shifts[0].start":[{"msg":["error.expected.jodadate.format"]}]}})";

} // namespace

class TestApiRotations : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;

    QString teamWithMembers(SimFixture& sim, int atLeast)
    {
        for (const auto& team : std::as_const(sim.ctx().org.teams)) {
            if (team.members.size() >= atLeast)
                return team.slug;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void v2ListingJoinsTheV1GroupIds()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QString team = teamWithMembers(sim, 2);
        const auto v1 = calls::listRotationGroups(*sim.client, team);
        const auto v2 = calls::listTeamRotations(*sim.client, team);
        ROTA_EXPECT_OK(v1);
        ROTA_EXPECT_OK(v2);
        const QList<TeamRotation> rotations = v2.value().rotations;
        QVERIFY(!rotations.isEmpty());
        QCOMPARE(rotations.size(), v1.value().rotationGroups.size());
        for (const RotationGroup& group : v1.value().rotationGroups) {
            QVERIFY(group.groupId > 0);
            const auto match = std::find_if(rotations.cbegin(), rotations.cend(),
                [&](const TeamRotation& r) { return r.groupId == group.groupId; });
            QVERIFY(match != rotations.cend());
            QCOMPARE(match->label, group.label);
        }
        const RotationShift& shift = rotations.first().shifts.first();
        QVERIFY(shift.shiftId > 0);
        QVERIFY(shift.start.isValid());
        QVERIFY(shift.current.has_value());
        QVERIFY(shift.usernames().contains(shift.current->username));
        QVERIFY(shift.current->end > QDateTime::currentDateTimeUtc().addSecs(-60));
        QVERIFY(!shift.periods.isEmpty());
    }

    void createSetScheduledAndDeleteAgainstTheSimulator()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QString team = teamWithMembers(sim, 3);
        const QStringList members = sim.ctx().org.teams.value(team).members.mid(0, 3);

        RotationGroupCreation* creation = calls::createRotationGroup(
            *sim.client, team, weeklyGroup(QStringLiteral("Database primary"), members));
        QVERIFY(waitFor(creation));
        QVERIFY2(creation->ok(), qPrintable(creation->error().text()));
        QCOMPARE(creation->attempts(), 1); // rota-sim takes epoch milliseconds
        const CreatedRotationGroup created = creation->value();
        QVERIFY(created.id > 0);
        QCOMPARE(created.teamSlug, team);
        QCOMPARE(created.shifts.size(), 1);
        const qint64 shiftId = created.shifts.first().shiftId;
        QVERIFY(shiftId > 0);
        QCOMPARE(created.shifts.first().usernames(), members);
        QCOMPARE(created.shifts.first().start,
            QDateTime(QDate(2026, 9, 10), QTime(0, 0), QTimeZone::utc()));

        const auto scheduled = calls::getScheduledUser(*sim.client, team, created.id, shiftId);
        ROTA_EXPECT_OK(scheduled);
        QVERIFY(members.contains(scheduled.value().username));
        const QString other
            = scheduled.value().username == members.at(0) ? members.at(1) : members.at(0);
        ScheduledUserChange change;
        change.username = other;
        change.position = static_cast<int>(members.indexOf(other));
        const auto set = calls::setScheduledUser(*sim.client, team, created.id, shiftId, change);
        ROTA_EXPECT_OK(set);
        QCOMPARE(set.value().username, other);
        QCOMPARE(set.value().version, scheduled.value().version + 1);
        QVERIFY(!set.value().displayName.isEmpty());
        const auto v2 = calls::listTeamRotations(*sim.client, team);
        ROTA_EXPECT_OK(v2);
        bool seen = false;
        for (const TeamRotation& rotation : v2.value().rotations) {
            if (rotation.groupId == created.id) {
                seen = true;
                QCOMPARE(rotation.shifts.first().current->username, other);
            }
        }
        QVERIFY(seen);

        ScheduledUserChange outsider;
        outsider.username = QStringLiteral("nobody-here");
        const auto refused
            = calls::setScheduledUser(*sim.client, team, created.id, shiftId, outsider);
        QVERIFY(waitFor(refused.reply));
        QCOMPARE(refused.reply->error().kind, ApiErrorKind::BadRequest);
        QVERIFY(refused.reply->error().text().contains(QLatin1String("nobody-here")));

        const auto gone = calls::deleteRotationGroup(*sim.client, team, created.id);
        ROTA_EXPECT_OK(gone);
        const auto again = calls::deleteRotationGroup(*sim.client, team, created.id);
        QVERIFY(waitFor(again.reply));
        QCOMPARE(again.reply->error().kind, ApiErrorKind::NotFound);
        const auto after = calls::listRotationGroups(*sim.client, team);
        ROTA_EXPECT_OK(after);
        for (const RotationGroup& group : after.value().rotationGroups)
            QVERIFY(group.groupId != created.id);
    }

    void createRefusedByTheSimulatorIsSentOnce()
    {
        SimFixture sim;
        QVERIFY2(sim.started, qPrintable(sim.startError));
        const QString team = teamWithMembers(sim, 2);
        NewRotationGroup group = weeklyGroup(
            QStringLiteral("Bad zone"), sim.ctx().org.teams.value(team).members.mid(0, 2));
        group.shifts[0].timezone = QStringLiteral("Mars/Olympus");
        const int before = sim.ctx().org.rotations.size();
        RotationGroupCreation* creation = calls::createRotationGroup(*sim.client, team, group);
        QVERIFY(waitFor(creation));
        QVERIFY(!creation->ok());
        QCOMPARE(creation->attempts(), 1);
        QCOMPARE(creation->error().kind, ApiErrorKind::BadRequest);
        QVERIFY(creation->error().text().contains(QLatin1String("Mars/Olympus")));
        QCOMPARE(sim.ctx().org.rotations.size(), before);
    }

    // --- the start's two forms, against a plain server ---------------------------------------

    void jodaDateRefusalResendsWithAnIsoStart()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CapturingServer captured(&server, [](QTcpSocket* socket, int index, const QByteArray&) {
            if (index == 0)
                CapturingServer::respond(socket, 400, kJodaBody);
            else
                CapturingServer::respond(socket, 200,
                    R"({"label":"Database primary","teamslug":"team-a","orgslug":"org","shifts":[{"rot_id":9031,"group_id":4412,"label":"Weekly","shiftMembers":[{"slug":"m1","username":"aruiz"}]}]})");
        });
        auto client = clientFor(&m_network, urlOf(server));
        RotationGroupCreation* creation
            = calls::createRotationGroup(*client, QStringLiteral("team-a"),
                weeklyGroup(QStringLiteral("Database primary"),
                    { QStringLiteral("aruiz"), QStringLiteral("bkoch") }),
                RotationPreview { 1, 4 });
        QVERIFY(waitFor(creation));
        QVERIFY2(creation->ok(), qPrintable(creation->error().text()));
        QCOMPARE(creation->attempts(), 2);
        QVERIFY(creation->sentIsoStart());
        QCOMPARE(creation->value().id, 4412); // from shifts[0].group_id: no top-level id
        QCOMPARE(creation->value().shifts.first().shiftId, 9031);
        QCOMPARE(captured.requests.size(), 2);

        const QByteArray first = captured.requests.at(0);
        QVERIFY(first.startsWith("POST /api-public/v1/teams/team-a/rotations?skip=1&count=4 "));
        const QJsonObject firstShift = bodyOf(first)[QStringLiteral("shifts")][0].toObject();
        QVERIFY(firstShift[QStringLiteral("start")].isDouble());
        QCOMPARE(static_cast<qint64>(firstShift[QStringLiteral("start")].toDouble()),
            QDateTime(QDate(2026, 9, 10), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        const QJsonArray names { QStringLiteral("aruiz"), QStringLiteral("bkoch") };
        QCOMPARE(firstShift[QStringLiteral("usernames")].toArray(), names);
        QCOMPARE(firstShift[QStringLiteral("shiftMembers")].toArray(), names);

        const QJsonObject secondBody = bodyOf(captured.requests.at(1));
        const QJsonObject secondShift = secondBody[QStringLiteral("shifts")][0].toObject();
        QCOMPARE(secondShift[QStringLiteral("start")].toString(),
            QStringLiteral("2026-09-10T00:00:00.000Z"));
        // Everything else is the same request.
        QJsonObject firstRest = bodyOf(first);
        QJsonObject secondRest = secondBody;
        QJsonObject a = firstShift;
        QJsonObject b = secondShift;
        a.remove(QStringLiteral("start"));
        b.remove(QStringLiteral("start"));
        QCOMPARE(a, b);
        QCOMPARE(firstRest[QStringLiteral("label")], secondRest[QStringLiteral("label")]);
    }

    void otherFailuresAreNotResent_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("kind");
        QTest::newRow("400 other reason") << 400 << QByteArray(R"({"message":"label is required"})")
                                          << 1 << int(ApiErrorKind::BadRequest);
        QTest::newRow("500 with the marker") << 500 << kJodaBody << 1 << int(ApiErrorKind::Server);
        QTest::newRow("joda twice") << 400 << kJodaBody << 2 << int(ApiErrorKind::BadRequest);
    }

    void otherFailuresAreNotResent()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, requests);
        QFETCH(int, kind);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CapturingServer captured(&server, [&](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, status, body);
        });
        auto client = clientFor(&m_network, urlOf(server));
        RotationGroupCreation* creation = calls::createRotationGroup(*client,
            QStringLiteral("team-a"), weeklyGroup(QStringLiteral("X"), { QStringLiteral("a") }));
        QVERIFY(waitFor(creation));
        QVERIFY(!creation->ok());
        QCOMPARE(int(creation->error().kind), kind);
        QTest::qWait(100); // nothing more arrives
        QCOMPARE(captured.requests.size(), requests);
    }

    void abandonedCreationSaysNothing()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        CapturingServer captured(&server, [](QTcpSocket* socket, int, const QByteArray&) {
            CapturingServer::respond(socket, 400, kJodaBody);
        });
        auto client = clientFor(&m_network, urlOf(server));
        QPointer<RotationGroupCreation> creation = calls::createRotationGroup(*client,
            QStringLiteral("team-a"), weeklyGroup(QStringLiteral("X"), { QStringLiteral("a") }));
        QSignalSpy finished(creation.data(), &RotationGroupCreation::finished);
        creation->abandon();
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        QVERIFY(creation.isNull());
        QVERIFY(captured.requests.size() <= 1);
    }

    // --- readers on odd input ----------------------------------------------------------------

    void v2ReaderTolerance()
    {
        const QByteArray json
            = R"({"rotations":[{"groupId":7,"label":"L","totalMembersInRotation":1,
            "shifts":[{"shiftId":8,"label":"S","timezone":"UTC","start":1767225600000,"duration":7,
            "shifttype":"std","shiftMembers":[{"slug":"m","username":"u"}],
            "mast3":{"day":{"m":true},"time":[]}}]}]})";
        const JsonReader reader = JsonReader::fromBytes(json);
        const TeamRotations value = TeamRotations::fromJson(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        const RotationShift shift = value.rotations.first().shifts.first();
        QCOMPARE(shift.start, QDateTime::fromMSecsSinceEpoch(1767225600000, QTimeZone::utc()));
        QVERIFY(!shift.current.has_value());
        QVERIFY(!shift.next.has_value());
        QVERIFY(shift.mask3.value(QStringLiteral("day"))
                    .toObject()
                    .value(QStringLiteral("m"))
                    .toBool());
        QCOMPARE(shift.usernames(), QStringList { QStringLiteral("u") });

        const JsonReader iso = JsonReader::fromBytes(
            R"({"rotations":[{"groupId":7,"shifts":[{"start":"2026-01-01T00:00:00.000Z","current":null,"duration":0.5}]}]})");
        const TeamRotations second = TeamRotations::fromJson(iso);
        QVERIFY2(iso.ok(), qPrintable(iso.error()));
        QCOMPARE(second.rotations.first().shifts.first().durationDays, 0.5);
        QVERIFY(second.rotations.first().shifts.first().start.isValid());
    }

    void readersRefuseWrongTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("groupId text") << QByteArray(R"({"rotations":[{"groupId":"x"}]})");
        QTest::newRow("shifts object") << QByteArray(R"({"rotations":[{"shifts":{}}]})");
        QTest::newRow("start bool") << QByteArray(R"({"rotations":[{"shifts":[{"start":true}]}]})");
        QTest::newRow("start garbage")
            << QByteArray(R"({"rotations":[{"shifts":[{"start":"next tuesday"}]}]})");
        QTest::newRow("members strings")
            << QByteArray(R"({"rotations":[{"shifts":[{"shiftMembers":["a"]}]}]})");
        QTest::newRow("mask array") << QByteArray(R"({"rotations":[{"shifts":[{"mask":[1]}]}]})");
        QTest::newRow("fraction id") << QByteArray(R"({"rotations":[{"groupId":1.5}]})");
        QTest::newRow("truncated") << QByteArray(R"({"rotations":[{"groupId":1,)");
        QTest::newRow("current text")
            << QByteArray(R"({"rotations":[{"shifts":[{"current":"bkoch"}]}]})");
    }

    void readersRefuseWrongTypes()
    {
        QFETCH(QByteArray, json);
        const JsonReader reader = JsonReader::fromBytes(json);
        TeamRotations::fromJson(reader);
        QVERIFY(!reader.ok());
        QVERIFY(!reader.error().isEmpty());
    }

    void scheduledUserAndV1GroupIdReaders()
    {
        const JsonReader user = JsonReader::fromBytes(
            R"({"username":"bkoch","firstName":"Ben","lastName":"Koch","displayName":"Ben Koch","version":3,"verified":true})");
        const ScheduledUser value = ScheduledUser::fromJson(user);
        QVERIFY(user.ok());
        QCOMPARE(value.displayName, QStringLiteral("Ben Koch"));
        QCOMPARE(value.version, 3);
        QVERIFY(value.verified);
        const JsonReader bad = JsonReader::fromBytes(R"({"username":"b","version":"3"})");
        ScheduledUser::fromJson(bad);
        QVERIFY(!bad.ok());

        const JsonReader v1 = JsonReader::fromBytes(
            R"({"rotationGroups":[{"teamSlug":"t","slug":"rtg-1","label":"P","groupId":4412},{"teamSlug":"t","slug":"rtg-2","label":"Q"}]})");
        const RotationGroupList list = RotationGroupList::fromJson(v1);
        QVERIFY(v1.ok());
        QCOMPARE(list.rotationGroups.at(0).groupId, 4412);
        QCOMPARE(list.rotationGroups.at(1).groupId, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiRotations)
#include "tst_api_rotations.moc"
