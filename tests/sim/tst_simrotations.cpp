// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim's rotation groups over real HTTP: groupId in the v1 listing, the v2 listing, creating
// a group (epoch-ms and ISO starts, members under either name, validation), deleting one, and the
// scheduled user of a shift, which must change who the simulator says is on call.

#include "../support/simhttp.h"
#include "schedules.h"
#include "simcontext.h"
#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace rota::sim;

using Answer = rota::test::SimAnswer;

class TestSimRotations : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_team;

    SimContext& ctx() { return m_server->context(); }

    Answer call(const QByteArray& method, const QString& path,
        const QJsonObject& body = QJsonObject(), bool sendBody = false)
    {
        return rota::test::simRequest(m_network, m_server->baseUrl(), method, path,
            sendBody ? rota::test::simJson(body) : QByteArray());
    }

    Answer post(const QString& path, const QJsonObject& body)
    {
        return call("POST", path, body, true);
    }

    QString groupsPath() const
    {
        return QStringLiteral("/api-public/v1/teams/%1/rotations").arg(m_team);
    }

    QJsonObject weekly(const QJsonValue& start, const QStringList& members)
    {
        return { { QStringLiteral("label"), QStringLiteral("Weekly") },
            { QStringLiteral("timezone"), QStringLiteral("Europe/Madrid") },
            { QStringLiteral("start"), start }, { QStringLiteral("duration"), 7 },
            { QStringLiteral("shifttype"), QStringLiteral("std") },
            { QStringLiteral("usernames"), QJsonArray::fromStringList(members) },
            { QStringLiteral("shiftMembers"), QJsonArray::fromStringList(members) } };
    }

    QJsonObject group(const QString& label, const QJsonObject& shift)
    {
        return { { QStringLiteral("label"), label },
            { QStringLiteral("shifts"), QJsonArray { shift } } };
    }

    QStringList members() const { return m_server->context().org.teams.value(m_team).members; }

    QJsonArray v2Rotations()
    {
        return call("GET", QStringLiteral("/api-public/v2/team/%1/rotations").arg(m_team))
            .object()
            .value(QStringLiteral("rotations"))
            .toArray();
    }

    QJsonObject v2Group(int groupId)
    {
        for (const QJsonValue& g : v2Rotations()) {
            if (g.toObject().value(QStringLiteral("groupId")).toInt() == groupId)
                return g.toObject();
        }
        return {};
    }

    //! Who the on-call-now answer puts on call for the team, by username.
    QStringList onCallNow()
    {
        QStringList users;
        const QJsonArray teams = call("GET", QStringLiteral("/api-public/v1/oncall/current"))
                                     .object()
                                     .value(QStringLiteral("teamsOnCall"))
                                     .toArray();
        for (const QJsonValue& team : teams) {
            if (team[QStringLiteral("team")][QStringLiteral("slug")].toString() != m_team)
                continue;
            for (const QJsonValue& now : team[QStringLiteral("onCallNow")].toArray()) {
                for (const QJsonValue& user : now[QStringLiteral("users")].toArray())
                    users.append(
                        user[QStringLiteral("onCallUser")][QStringLiteral("username")].toString());
            }
        }
        return users;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        SimOptions options;
        options.enforceRateLimits = false;
        m_server = std::make_unique<SimServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        // Overrides would hide the rotation's scheduled user from the on-call answer.
        ctx().org.scheduledOverrides.clear();
        ctx().org.takeOverrides.clear();
        for (const SimTeam& team : std::as_const(ctx().org.teams)) {
            if (team.members.size() >= 3) {
                m_team = team.slug;
                break;
            }
        }
        QVERIFY(!m_team.isEmpty());
    }

    void v1ListingCarriesGroupIds()
    {
        const Answer listing = call("GET", groupsPath());
        QCOMPARE(listing.status, 200);
        const QJsonArray groups
            = listing.object().value(QStringLiteral("rotationGroups")).toArray();
        QVERIFY(!groups.isEmpty());
        QList<int> ids;
        for (const QJsonValue& g : groups) {
            const QJsonValue id = g[QStringLiteral("groupId")];
            QVERIFY2(id.isDouble(), qPrintable(QString::fromUtf8(listing.body)));
            QVERIFY(!ids.contains(id.toInt()));
            ids.append(id.toInt());
            QVERIFY(v2Group(id.toInt())[QStringLiteral("label")].toString()
                == g[QStringLiteral("label")].toString());
        }
    }

    void v2ListingShape()
    {
        const QJsonArray rotations = v2Rotations();
        QVERIFY(!rotations.isEmpty());
        const QJsonObject shift
            = rotations.first()[QStringLiteral("shifts")].toArray().first().toObject();
        for (const char* field : { "shiftId", "label", "timezone", "start", "duration", "shifttype",
                 "shiftMembers", "current", "next", "periods", "mask", "mask2", "mask3" })
            QVERIFY2(shift.contains(QLatin1String(field)), field);
        QVERIFY(QDateTime::fromString(shift[QStringLiteral("start")].toString(), Qt::ISODateWithMs)
                    .isValid());
        const QJsonObject current = shift[QStringLiteral("current")].toObject();
        QVERIFY(!current[QStringLiteral("username")].toString().isEmpty());
        QVERIFY(QDateTime::fromString(current[QStringLiteral("end")].toString(), Qt::ISODateWithMs)
            > ctx().now());
        QCOMPARE(
            call("GET", QStringLiteral("/api-public/v2/team/team-nope/rotations")).status, 404);
    }

    void createWithEpochMsAndIso()
    {
        const QStringList people = members().mid(0, 3);
        const qint64 startMs
            = QDateTime(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const Answer created = post(groupsPath(),
            group(QStringLiteral("Db primary"),
                weekly(QJsonValue(static_cast<double>(startMs)), people)));
        QCOMPARE(created.status, 200);
        const int id = created.object()[QStringLiteral("id")].toInt();
        QVERIFY(id > 0);
        QCOMPARE(created.object()[QStringLiteral("teamslug")].toString(), m_team);
        QVERIFY(!created.object()[QStringLiteral("orgslug")].toString().isEmpty());
        const QJsonObject shift = created.object()[QStringLiteral("shifts")][0].toObject();
        QCOMPARE(shift[QStringLiteral("group_id")].toInt(), id);
        QVERIFY(shift[QStringLiteral("rot_id")].toInt() > 0);
        QCOMPARE(shift[QStringLiteral("team_slug")].toString(), m_team);
        QVERIFY(people.contains(shift[QStringLiteral("oncall")].toString()));
        QVERIFY(!shift[QStringLiteral("periods")].toArray().isEmpty());

        // The same group with an ISO start and members only under shiftMembers.
        QJsonObject iso = weekly(QStringLiteral("2026-01-05T09:00:00.000Z"), people);
        iso.remove(QStringLiteral("usernames"));
        const Answer second = post(groupsPath(), group(QStringLiteral("Db secondary"), iso));
        QCOMPARE(second.status, 200);
        const int secondId = second.object()[QStringLiteral("id")].toInt();
        QCOMPARE(secondId, id + 1);

        // Both show in both listings, with the members in order and the same start.
        const QJsonObject listed = v2Group(id);
        QCOMPARE(listed[QStringLiteral("label")].toString(), QStringLiteral("Db primary"));
        QCOMPARE(listed[QStringLiteral("totalMembersInRotation")].toInt(), 3);
        const QJsonObject listedShift = listed[QStringLiteral("shifts")][0].toObject();
        QStringList order;
        for (const QJsonValue& m : listedShift[QStringLiteral("shiftMembers")].toArray())
            order.append(m[QStringLiteral("username")].toString());
        QCOMPARE(order, people);
        QCOMPARE(listedShift[QStringLiteral("start")].toString(),
            v2Group(secondId)[QStringLiteral("shifts")][0][QStringLiteral("start")].toString());
        bool inV1 = false;
        for (const QJsonValue& g :
            call("GET", groupsPath()).object()[QStringLiteral("rotationGroups")].toArray())
            inV1 = inV1 || g[QStringLiteral("groupId")].toInt() == secondId;
        QVERIFY(inV1);

        // A group without shifts is allowed and has none.
        const Answer bare = post(
            groupsPath(), QJsonObject { { QStringLiteral("label"), QStringLiteral("Empty") } });
        QCOMPARE(bare.status, 200);
        QVERIFY(v2Group(bare.object()[QStringLiteral("id")].toInt())[QStringLiteral("shifts")]
                    .toArray()
                    .isEmpty());
    }

    void createRefusesBadBodies_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("zone") << QStringLiteral("timezone")
                              << QJsonValue(QStringLiteral("Mars/Olympus")) << 400;
        QTest::newRow("type") << QStringLiteral("shifttype") << QJsonValue(QStringLiteral("weekly"))
                              << 400;
        QTest::newRow("zero days") << QStringLiteral("duration") << QJsonValue(0) << 400;
        QTest::newRow("fraction") << QStringLiteral("duration") << QJsonValue(1.5) << 400;
        QTest::newRow("start text")
            << QStringLiteral("start") << QJsonValue(QStringLiteral("next monday")) << 400;
        QTest::newRow("start bool") << QStringLiteral("start") << QJsonValue(true) << 400;
        QTest::newRow("unknown user")
            << QStringLiteral("usernames")
            << QJsonValue(QJsonArray { QStringLiteral("nobody-at-all") }) << 404;
        QTest::newRow("mask") << QStringLiteral("mask") << QJsonValue(QStringLiteral("weekdays"))
                              << 400;
        QTest::newRow("mask time") << QStringLiteral("mask")
                                   << QJsonValue(QJsonObject { { QStringLiteral("time"),
                                          QJsonArray { QJsonObject { { QStringLiteral("start"),
                                              QJsonObject { { QStringLiteral("hour"), 25 },
                                                  { QStringLiteral("minute"), 0 } } } } } } })
                                   << 400;
    }

    void createRefusesBadBodies()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QJsonObject shift = weekly(1767600000000.0, members().mid(0, 2));
        if (field == QLatin1String("usernames"))
            shift.remove(QStringLiteral("shiftMembers"));
        shift.insert(field, value);
        const int before = ctx().org.rotations.size();
        const Answer answer = post(groupsPath(), group(QStringLiteral("Bad"), shift));
        QCOMPARE(answer.status, status);
        QVERIFY2(!answer.object()[QStringLiteral("message")].toString().isEmpty(),
            answer.body.constData());
        QCOMPARE(ctx().org.rotations.size(), before);
    }

    void createRefusesMissingLabelAndUnknownTeam()
    {
        QCOMPARE(
            post(groupsPath(), QJsonObject { { QStringLiteral("shifts"), QJsonArray() } }).status,
            400);
        QCOMPARE(
            post(groupsPath(), QJsonObject { { QStringLiteral("label"), QStringLiteral("  ") } })
                .status,
            400);
        QCOMPARE(call("POST", groupsPath()).status, 400);
        QCOMPARE(post(QStringLiteral("/api-public/v1/teams/team-nope/rotations"),
                     QJsonObject { { QStringLiteral("label"), QStringLiteral("x") } })
                     .status,
            404);
        QCOMPARE(call("POST", groupsPath() + QStringLiteral("?skip=x"),
                     QJsonObject { { QStringLiteral("label"), QStringLiteral("x") } }, true)
                     .status,
            400);
    }

    void setScheduledChangesWhoIsOnCall()
    {
        // The team's seeded primary rotation, which step 1 of its policy pages.
        QString slug;
        for (const SimRotation& r : std::as_const(ctx().org.rotations)) {
            if (r.teamSlug == m_team && r.label == QLatin1String("Primary"))
                slug = r.slug;
        }
        QVERIFY(!slug.isEmpty());
        const SimRotation rotation = ctx().org.rotations.value(slug);
        const QString path = groupsPath()
            + QStringLiteral("/%1/%2/scheduled").arg(rotation.groupId).arg(rotation.shiftId);
        const Answer now = call("GET", path, QJsonObject(), true); // the Go client's {} body
        QCOMPARE(now.status, 200);
        const QString was = now.object()[QStringLiteral("username")].toString();
        QVERIFY(onCallNow().contains(was));
        for (const char* field : { "firstName", "lastName", "displayName", "version", "verified" })
            QVERIFY2(now.object().contains(QLatin1String(field)), field);

        QString other;
        for (const QString& m : rotation.members) {
            if (m != was && !onCallNow().contains(m))
                other = m;
        }
        QVERIFY(!other.isEmpty());
        const Answer set
            = call("PUT", path, QJsonObject { { QStringLiteral("username"), other } }, true);
        QCOMPARE(set.status, 200);
        QCOMPARE(set.object()[QStringLiteral("username")].toString(), other);
        QCOMPARE(set.object()[QStringLiteral("version")].toInt(),
            now.object()[QStringLiteral("version")].toInt() + 1);
        QCOMPARE(call("GET", path).object()[QStringLiteral("username")].toString(), other);
        QVERIFY(onCallNow().contains(other));
        QVERIFY(!onCallNow().contains(was) || rotation.members.size() < 2);

        // The team schedule names the new person for the rotation now, and the v2 listing too.
        const QJsonObject schedule
            = call("GET", QStringLiteral("/api-public/v2/team/%1/oncall/schedule").arg(m_team))
                  .object();
        bool named = false;
        for (const QJsonValue& policy : schedule[QStringLiteral("schedules")].toArray()) {
            for (const QJsonValue& entry : policy[QStringLiteral("schedule")].toArray()) {
                if (entry[QStringLiteral("rotationName")].toString() == QLatin1String("Primary"))
                    named = named
                        || entry[QStringLiteral("onCallUser")][QStringLiteral("username")]
                                .toString()
                            == other;
            }
        }
        QVERIFY(named);
        QCOMPARE(v2Group(rotation.groupId)[QStringLiteral("shifts")][0][QStringLiteral("current")]
                                          [QStringLiteral("username")]
                                              .toString(),
            other);
    }

    void setScheduledRefusesBadBodies()
    {
        const SimRotation rotation = ctx().org.rotations.first();
        m_team = rotation.teamSlug;
        const QString path = groupsPath()
            + QStringLiteral("/%1/%2/scheduled").arg(rotation.groupId).arg(rotation.shiftId);
        QCOMPARE(call("PUT", path, QJsonObject(), true).status, 400);
        QString outsider;
        for (const QString& user : ctx().org.users.keys()) {
            if (!rotation.members.contains(user))
                outsider = user;
        }
        const Answer notMember
            = call("PUT", path, QJsonObject { { QStringLiteral("username"), outsider } }, true);
        QCOMPARE(notMember.status, 400);
        QVERIFY(notMember.object()[QStringLiteral("message")].toString().contains(outsider));
        const QString member = rotation.members.first();
        QCOMPARE(call("PUT", path,
                     QJsonObject { { QStringLiteral("username"), member },
                         { QStringLiteral("position"), 99 } },
                     true)
                     .status,
            400);
        QCOMPARE(call("PUT", path,
                     QJsonObject { { QStringLiteral("username"), member },
                         { QStringLiteral("position"), 0 } },
                     true)
                     .status,
            200);
        const QString wrongShift = groupsPath()
            + QStringLiteral("/%1/%2/scheduled")
                  .arg(rotation.groupId)
                  .arg(rotation.shiftId + 100000);
        QCOMPARE(call("GET", wrongShift).status, 404);
        QCOMPARE(call("GET", groupsPath() + QStringLiteral("/rtg-abc/1/scheduled")).status, 400);
    }

    void deleteRemovesFromEveryListing()
    {
        const QStringList people = members().mid(0, 2);
        const Answer created = post(
            groupsPath(), group(QStringLiteral("Short lived"), weekly(1767600000000.0, people)));
        QCOMPARE(created.status, 200);
        const int id = created.object()[QStringLiteral("id")].toInt();
        QVERIFY(!v2Group(id).isEmpty());
        QCOMPARE(call("DELETE", groupsPath() + QStringLiteral("/%1").arg(id), QJsonObject(), true)
                     .status,
            200);
        QVERIFY(v2Group(id).isEmpty());
        for (const QJsonValue& g :
            call("GET", groupsPath()).object()[QStringLiteral("rotationGroups")].toArray())
            QVERIFY(g[QStringLiteral("groupId")].toInt() != id);
        QCOMPARE(call("DELETE", groupsPath() + QStringLiteral("/%1").arg(id)).status, 404);
        QCOMPARE(call("DELETE", groupsPath() + QStringLiteral("/rtg-x")).status, 400);
        // A new group never takes a deleted group's id.
        const Answer again = post(
            groupsPath(), QJsonObject { { QStringLiteral("label"), QStringLiteral("Next") } });
        QVERIFY(again.object()[QStringLiteral("id")].toInt() > id);
    }

    void nobodyIsOnAGroupBeforeItsFirstShift()
    {
        const QStringList people = members().mid(0, 2);
        const QDateTime start = ctx().now().addDays(10);
        const Answer created = post(
            groupsPath(), group(QStringLiteral("Starts later"), weekly(isoUtc(start), people)));
        QCOMPARE(created.status, 200);
        const QJsonObject answered = created.object()[QStringLiteral("shifts")][0].toObject();
        QVERIFY(!answered.contains(QStringLiteral("oncall")));
        QVERIFY(!answered.contains(QStringLiteral("current")));
        const int id = created.object()[QStringLiteral("id")].toInt();
        const QJsonObject shift = v2Group(id)[QStringLiteral("shifts")][0].toObject();
        QVERIFY(!shift.contains(QStringLiteral("current")));
        QCOMPARE(
            shift[QStringLiteral("next")][QStringLiteral("username")].toString(), people.first());
        QCOMPARE(shift[QStringLiteral("next")][QStringLiteral("start")].toString(), isoUtc(start));
        const QString path = groupsPath()
            + QStringLiteral("/%1/%2/scheduled")
                  .arg(id)
                  .arg(shift[QStringLiteral("shiftId")].toInt());
        QCOMPARE(call("GET", path).status, 404);
        const Answer early = call(
            "PUT", path, QJsonObject { { QStringLiteral("username"), people.last() } }, true);
        QCOMPARE(early.status, 400);
        QVERIFY(
            early.object()[QStringLiteral("message")].toString().contains(QLatin1String("starts")));
    }

    void stateKeepsGroupsAndTheScheduledUser()
    {
        const QStringList people = members().mid(0, 2);
        QJsonObject shift = weekly(1767600000000.0, people);
        shift.insert(QStringLiteral("mask"),
            QJsonObject {
                { QStringLiteral("day"), QJsonObject { { QStringLiteral("m"), true } } } });
        const Answer created = post(groupsPath(), group(QStringLiteral("Kept"), shift));
        QCOMPARE(created.status, 200);
        const int id = created.object()[QStringLiteral("id")].toInt();
        const int shiftId
            = created.object()[QStringLiteral("shifts")][0][QStringLiteral("rot_id")].toInt();
        const QString path = groupsPath() + QStringLiteral("/%1/%2/scheduled").arg(id).arg(shiftId);
        const QString now = call("GET", path).object()[QStringLiteral("username")].toString();
        const QString other = now == people.at(0) ? people.at(1) : people.at(0);
        QCOMPARE(
            call("PUT", path, QJsonObject { { QStringLiteral("username"), other } }, true).status,
            200);

        SimOrg loaded;
        QString error;
        QVERIFY2(orgFromJson(orgToJson(ctx().org), &loaded, &error), qPrintable(error));
        const SimRotation* kept = nullptr;
        for (const SimRotation& r : std::as_const(loaded.rotations)) {
            if (r.groupId == id)
                kept = &r;
        }
        QVERIFY(kept);
        QCOMPARE(kept->shiftId, shiftId);
        QCOMPARE(kept->scheduledVersion, 2);
        QCOMPARE(rotationUserAt(*kept, ctx().now()), other);
        QVERIFY(
            kept->masks.value(QStringLiteral("mask")).toObject().contains(QStringLiteral("day")));
        ensureRotationIds(loaded);
        QVERIFY(loaded.lastRotationGroupId >= id);
    }

    void deleteRefusesAGroupAPolicyPages()
    {
        const SimPolicy policy = ctx().org.policies.first();
        QString slug;
        for (const SimPolicyStep& step : policy.steps) {
            for (const SimPolicyEntry& entry : step.entries) {
                if (entry.executionType == QLatin1String("rotation_group"))
                    slug = entry.target;
            }
        }
        QVERIFY(!slug.isEmpty());
        const SimRotation rotation = ctx().org.rotations.value(slug);
        const Answer refused = call("DELETE",
            QStringLiteral("/api-public/v1/teams/%1/rotations/%2")
                .arg(rotation.teamSlug)
                .arg(rotation.groupId));
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.object()[QStringLiteral("message")].toString().contains(policy.name));
        QVERIFY(ctx().org.rotations.contains(slug));
    }
};

QTEST_GUILESS_MAIN(TestSimRotations)
#include "tst_simrotations.moc"
