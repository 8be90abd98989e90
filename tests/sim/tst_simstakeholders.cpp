// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim's messages to stakeholders, v2 user list and v2 personal paging policies, over real
// HTTP written by hand (so that '@' and "%40" reach the server exactly as the test wrote them).

#include "simcontext.h"
#include "simserver.h"
#include "simservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace rota::sim;

namespace {

struct Answer {
    int status = 0;
    QByteArray body;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QString message() const { return object().value(QStringLiteral("message")).toString(); }
    QString describe() const
    {
        return QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    }
};

} // namespace

// Evaluates `expression` once (it may send a request).
#define EXPECT_STATUS(expression, code)                                                            \
    do {                                                                                           \
        const Answer answered_ = (expression);                                                     \
        QVERIFY2(answered_.status == (code), qPrintable(answered_.describe()));                    \
    } while (false)

class TestSimStakeholders : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;

    SimOrg& org() { return m_server->context().org; }

    //! One request on its own connection; `target` goes on the request line as it is.
    Answer call(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
        bool withKey = true, const QByteArray& extraHeader = {})
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!socket.waitForConnected(5000))
            return {};
        QByteArray request = method + ' ' + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-VO-Api-Id: rota-demo-id\r\n";
        if (withKey)
            request += "X-VO-Api-Key: rota-demo-key\r\n";
        if (!extraHeader.isEmpty())
            request += extraHeader + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket.write(request);
        QByteArray received;
        const auto complete = [&received] {
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QByteArray head = received.left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qint64 length = at < 0
                ? 0
                : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            return received.size() >= end + 4 + length;
        };
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return complete();
            },
            10000);
        Answer answer;
        const QList<QByteArray> words = received.left(received.indexOf('\r')).split(' ');
        answer.status = words.size() >= 2 ? words.at(1).toInt() : 0;
        answer.body = received.mid(received.indexOf("\r\n\r\n") + 4);
        return answer;
    }

    Answer send(const QJsonObject& body)
    {
        return call("POST", "/api-public/v1/stakeholders/sendMessage",
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QString someUser() { return org().users.lastKey(); }
    QString someTeam() { return org().teams.firstKey(); }
    int someIncident() { return org().incidents.firstKey(); }

    //! A user with '@' in the username, as some organisations name people by their address.
    QString addAtUser()
    {
        SimUser user = org().users.first();
        user.username = QStringLiteral("jane@example.com");
        user.email = QStringLiteral("jane.doe@example.com");
        org().users.insert(user.username, user);
        return user.username;
    }

private Q_SLOTS:
    void init()
    {
        SimOptions options;
        options.enforceRateLimits = false;
        m_server = std::make_unique<SimServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY(!org().incidents.isEmpty());
        QVERIFY(!org().teams.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void missingKeyIs401()
    {
        const QByteArray body = "{\"title\":\"t\",\"message\":\"m\",\"recipients\":[\"x\"]}";
        EXPECT_STATUS(call("POST", "/api-public/v1/stakeholders/sendMessage", body, false), 401);
        EXPECT_STATUS(call("GET", "/api-public/v2/user", {}, false), 401);
        EXPECT_STATUS(
            call("GET", "/api-public/v2/profile/" + someUser().toUtf8() + "/policies", {}, false),
            401);
        QVERIFY(org().stakeholderMessages.isEmpty());
    }

    void sendNewerShapeIsRecorded()
    {
        const int incident = someIncident();
        const Answer answer = send({ { QStringLiteral("title"), QStringLiteral("Checkout slow") },
            { QStringLiteral("message"), QStringLiteral("Next update in 30 minutes.") },
            { QStringLiteral("incidentId"), incident },
            { QStringLiteral("recipients"), QJsonArray { someUser(), someUser() } },
            { QStringLiteral("recipientTeams"), QJsonArray { someTeam() } } });
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.object(), QJsonObject());
        QCOMPARE(org().stakeholderMessages.size(), 1);
        const SimStakeholderMessage& sent = org().stakeholderMessages.first();
        QCOMPARE(sent.title, QStringLiteral("Checkout slow"));
        QCOMPARE(sent.message, QStringLiteral("Next update in 30 minutes."));
        QCOMPARE(sent.users, QStringList { someUser() });
        QCOMPARE(sent.teams, QStringList { someTeam() });
        QCOMPARE(sent.incidentNumber, incident);
        QCOMPARE(sent.shape, QStringLiteral("newer"));
        QCOMPARE(org().incidents.value(incident).stakeholderMessages, QList<int> { sent.id });

        // /_sim/state shows it, on the org and on the incident.
        const QJsonObject state = orgToJson(org());
        const QJsonArray messages = state.value(QStringLiteral("stakeholderMessages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0)[QStringLiteral("incidentNumber")].toInt(), incident);
        bool onIncident = false;
        for (const QJsonValue& i : state.value(QStringLiteral("incidents")).toArray()) {
            if (i[QStringLiteral("number")].toInt() == incident)
                onIncident
                    = i[QStringLiteral("stakeholderMessages")].toArray() == QJsonArray { sent.id };
        }
        QVERIFY(onIncident);
        // ... and a state file with it reads back the same.
        SimOrg loaded;
        QString error;
        QVERIFY2(orgFromJson(state, &loaded, &error), qPrintable(error));
        QCOMPARE(loaded.stakeholderMessages.size(), 1);
        QCOMPARE(loaded.stakeholderMessages.first().users, sent.users);
        QCOMPARE(loaded.incidents.value(incident).stakeholderMessages, QList<int> { sent.id });
    }

    void controlStateListsMessages()
    {
        EXPECT_STATUS(send({ { QStringLiteral("title"), QStringLiteral("T") },
                          { QStringLiteral("message"), QStringLiteral("M") },
                          { QStringLiteral("recipientTeams"), QJsonArray { someTeam() } } }),
            200);
        const Answer answer = call(
            "GET", "/_sim/state", {}, false, "X-Sim-Token: " + m_server->controlToken().toUtf8());
        EXPECT_STATUS(answer, 200);
        const QJsonObject state = answer.object();
        const QJsonArray messages = state.value(QStringLiteral("stakeholderMessages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0)[QStringLiteral("teams")].toArray(), QJsonArray { someTeam() });
        QVERIFY(messages.at(0)[QStringLiteral("incidentNumber")].isNull());
    }

    void sendOlderShapeIsRecorded()
    {
        const Answer answer = send({ { QStringLiteral("summary"), QStringLiteral("Checkout") },
            { QStringLiteral("users"), QJsonArray { someUser() } } });
        EXPECT_STATUS(answer, 200);
        QCOMPARE(org().stakeholderMessages.size(), 1);
        QCOMPARE(org().stakeholderMessages.first().shape, QStringLiteral("older"));
        QCOMPARE(org().stakeholderMessages.first().title, QStringLiteral("Checkout"));
        QCOMPARE(org().stakeholderMessages.first().message, QString());
        QCOMPARE(org().stakeholderMessages.first().incidentNumber, 0);
    }

    void sendValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        // Data functions run before init(): USER and TEAM stand for ones the org has.
        const QByteArray user = "USER";
        const QByteArray team = "TEAM";
        QTest::newRow("no body") << QByteArray() << 400 << QStringLiteral("body");
        QTest::newRow("not json") << QByteArray("{title") << 400 << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[{\"title\":\"t\"}]") << 400
                               << QStringLiteral("object");
        QTest::newRow("no recipient") << QByteArray("{\"title\":\"t\",\"message\":\"m\"}") << 400
                                      << QStringLiteral("recipient");
        QTest::newRow("empty recipients") << QByteArray(
            "{\"title\":\"t\",\"message\":\"m\",\"recipients\":[],\"recipientTeams\":[]}")
                                          << 400 << QStringLiteral("recipient");
        QTest::newRow("older no recipient") << QByteArray("{\"summary\":\"t\",\"details\":\"m\"}")
                                            << 400 << QStringLiteral("recipient");
        QTest::newRow("no title") << QByteArray("{\"message\":\"m\",\"recipients\":[\"" + user
            + "\"]}") << 400 << QStringLiteral("title");
        QTest::newRow("blank title")
            << QByteArray("{\"title\":\"  \",\"message\":\"m\",\"recipients\":[\"" + user + "\"]}")
            << 400 << QStringLiteral("title");
        QTest::newRow("no message")
            << QByteArray("{\"title\":\"t\",\"recipients\":[\"" + user + "\"]}") << 400
            << QStringLiteral("message");
        QTest::newRow("older no summary")
            << QByteArray("{\"details\":\"d\",\"users\":[\"" + user + "\"]}") << 400
            << QStringLiteral("summary");
        QTest::newRow("title a number")
            << QByteArray("{\"title\":5,\"message\":\"m\",\"recipients\":[\"" + user + "\"]}")
            << 400 << QStringLiteral("title");
        QTest::newRow("recipients a string")
            << QByteArray("{\"title\":\"t\",\"message\":\"m\",\"recipients\":\"" + user + "\"}")
            << 400 << QStringLiteral("recipients");
        QTest::newRow("recipient a number")
            << QByteArray("{\"title\":\"t\",\"message\":\"m\",\"recipients\":[7]}") << 400
            << QStringLiteral("recipients[0]");
        QTest::newRow("incident a string") << QByteArray(
            "{\"title\":\"t\",\"message\":\"m\",\"incidentId\":\"1\",\"recipients\":[\"" + user
            + "\"]}") << 400 << QStringLiteral("incidentId");
        QTest::newRow("both shapes") << QByteArray(
            "{\"title\":\"t\",\"summary\":\"s\",\"message\":\"m\",\"recipients\":[\"" + user
            + "\"]}") << 400 << QStringLiteral("either");
        QTest::newRow("unknown user")
            << QByteArray("{\"title\":\"t\",\"message\":\"m\",\"recipients\":[\"nobody-here\"]}")
            << 404 << QStringLiteral("nobody-here");
        QTest::newRow("unknown team")
            << QByteArray("{\"title\":\"t\",\"message\":\"m\",\"recipientTeams\":[\"team-nope\"]}")
            << 404 << QStringLiteral("team-nope");
        QTest::newRow("unknown incident") << QByteArray(
            "{\"title\":\"t\",\"message\":\"m\",\"incidentId\":999999,\"recipientTeams\":[\"" + team
            + "\"]}") << 404 << QStringLiteral("999999");
    }

    void sendValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        body.replace("USER", someUser().toUtf8()).replace("TEAM", someTeam().toUtf8());
        const Answer answer = call("POST", "/api-public/v1/stakeholders/sendMessage", body);
        EXPECT_STATUS(answer, status);
        QVERIFY2(answer.message().contains(messagePart, Qt::CaseInsensitive),
            qPrintable(answer.describe()));
        QVERIFY(org().stakeholderMessages.isEmpty());
    }

    void sendToAtUsername()
    {
        const QString atUser = addAtUser();
        EXPECT_STATUS(send({ { QStringLiteral("title"), QStringLiteral("T") },
                          { QStringLiteral("message"), QStringLiteral("M") },
                          { QStringLiteral("recipients"), QJsonArray { atUser } } }),
            200);
        QCOMPARE(org().stakeholderMessages.first().users, QStringList { atUser });
    }

    void usersV2Flat()
    {
        const Answer answer = call("GET", "/api-public/v2/user");
        EXPECT_STATUS(answer, 200);
        const QJsonArray users = answer.object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), org().users.size());
        const QJsonObject first = users.at(0).toObject();
        QVERIFY2(first.value(QStringLiteral("username")).isString(), "flat: not [[...]]");
        for (const char* field : { "firstName", "lastName", "displayName", "username", "email",
                 "createdAt", "passwordLastUpdated", "_selfUrl" })
            QVERIFY2(first.value(QLatin1String(field)).isString(), field);
        QVERIFY(first.value(QStringLiteral("verified")).isBool());
        QVERIFY(first.value(QStringLiteral("createdAt")).toString().endsWith(QLatin1Char('Z')));
        const SimUser& user = org().users.first();
        QCOMPARE(first.value(QStringLiteral("displayName")).toString(),
            user.firstName + QLatin1Char(' ') + user.lastName);
        // A body on a GET is accepted and ignored, as the vendor's Go client sends "{}".
        EXPECT_STATUS(call("GET", "/api-public/v2/user", "{}"), 200);
    }

    void usersV2EmailFilter()
    {
        const SimUser& user = org().users.last();
        const QByteArray email = user.email.toUtf8();
        QVERIFY(email.contains('@'));

        Answer answer = call("GET", "/api-public/v2/user?email=" + email);
        EXPECT_STATUS(answer, 200);
        QJsonArray users = answer.object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0)[QStringLiteral("username")].toString(), user.username);

        // Case does not matter in an address.
        answer = call("GET", "/api-public/v2/user?email=" + email.toUpper());
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.object().value(QStringLiteral("users")).toArray().size(), 1);

        // An encoded '@' is not decoded by the service: nobody has that address.
        QByteArray encoded = email;
        encoded.replace('@', "%40");
        answer = call("GET", "/api-public/v2/user?email=" + encoded);
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.object().value(QStringLiteral("users")).toArray(), QJsonArray());

        answer = call("GET", "/api-public/v2/user?email=nobody@example.invalid");
        EXPECT_STATUS(answer, 200);
        QCOMPARE(answer.object().value(QStringLiteral("users")).toArray(), QJsonArray());

        answer = call("GET", "/api-public/v2/user?email=ab");
        EXPECT_STATUS(answer, 400);
        QVERIFY2(answer.message().contains(QStringLiteral("3")), qPrintable(answer.describe()));
        EXPECT_STATUS(call("GET", "/api-public/v2/user?email="), 400);
    }

    void policiesV2MatchV1Primary()
    {
        const QString username = m_server->context().org.demoUser;
        const Answer v1 = call("GET", "/api-public/v1/profile/" + username.toUtf8() + "/policies");
        EXPECT_STATUS(v1, 200);
        const Answer v2 = call("GET", "/api-public/v2/profile/" + username.toUtf8() + "/policies");
        EXPECT_STATUS(v2, 200);
        const QJsonArray policies = v2.object().value(QStringLiteral("policies")).toArray();
        QCOMPARE(policies.size(), 1);
        const QJsonObject primary = policies.at(0).toObject();
        QCOMPARE(primary.value(QStringLiteral("rank")).toInt(-1), 0);
        QVERIFY(!primary.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!primary.value(QStringLiteral("slug")).toString().isEmpty());
        const QJsonObject mask = primary.value(QStringLiteral("timeMask")).toObject();
        for (const char* day :
            { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" })
            QVERIFY2(mask.value(QLatin1String(day)).isBool(), day);
        QVERIFY(!mask.value(QStringLiteral("timeZone")).toString().isEmpty());
        QVERIFY(QTime::fromString(
            mask.value(QStringLiteral("startTime")).toString(), QStringLiteral("HH:mm:ss.zzz"))
                    .isValid());

        // The same steps and rules as v1 (v2 capitalises the contact type).
        const QJsonArray v1Steps = v1.object().value(QStringLiteral("steps")).toArray();
        const QJsonArray v2Steps = primary.value(QStringLiteral("steps")).toArray();
        QVERIFY(!v1Steps.isEmpty());
        QCOMPARE(v2Steps.size(), v1Steps.size());
        bool sawContact = false;
        for (qsizetype s = 0; s < v1Steps.size(); ++s) {
            const QJsonObject a = v1Steps.at(s).toObject();
            const QJsonObject b = v2Steps.at(s).toObject();
            QCOMPARE(b[QStringLiteral("index")], a[QStringLiteral("index")]);
            QCOMPARE(b[QStringLiteral("timeout")], a[QStringLiteral("timeout")]);
            const QJsonArray aRules = a[QStringLiteral("rules")].toArray();
            const QJsonArray bRules = b[QStringLiteral("rules")].toArray();
            QCOMPARE(bRules.size(), aRules.size());
            for (qsizetype r = 0; r < aRules.size(); ++r) {
                const QJsonObject ra = aRules.at(r).toObject();
                const QJsonObject rb = bRules.at(r).toObject();
                QCOMPARE(rb[QStringLiteral("type")], ra[QStringLiteral("type")]);
                QCOMPARE(rb[QStringLiteral("index")], ra[QStringLiteral("index")]);
                const QJsonObject ca = ra[QStringLiteral("contact")].toObject();
                const QJsonObject cb = rb[QStringLiteral("contact")].toObject();
                QCOMPARE(cb[QStringLiteral("id")], ca[QStringLiteral("id")]);
                QCOMPARE(cb[QStringLiteral("type")].toString().toLower(),
                    ca[QStringLiteral("type")].toString());
                if (!ca.isEmpty()) {
                    sawContact = true;
                    QVERIFY(cb[QStringLiteral("type")].toString().at(0).isUpper());
                }
            }
        }
        QVERIFY2(sawContact, "the demo user's policy should have a rule with a contact");
    }

    void policiesV2UnknownUser()
    {
        const Answer answer = call("GET", "/api-public/v2/profile/nobody-at-all/policies");
        EXPECT_STATUS(answer, 404);
        QCOMPARE(answer.message(), QStringLiteral("user not found"));
    }

    void policiesV2AtKeptLiteral()
    {
        const QString atUser = addAtUser();
        EXPECT_STATUS(call("GET", "/api-public/v2/profile/jane@example.com/policies"), 200);
        const Answer encoded = call("GET", "/api-public/v2/profile/jane%40example.com/policies");
        EXPECT_STATUS(encoded, 404);
        QCOMPARE(encoded.message(), QStringLiteral("user not found"));
        QVERIFY(org().users.contains(atUser));
    }

    void usersV2AtUserByEmail()
    {
        addAtUser();
        const Answer answer = call("GET", "/api-public/v2/user?email=jane.doe@example.com");
        EXPECT_STATUS(answer, 200);
        const QJsonArray users = answer.object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(
            users.at(0)[QStringLiteral("username")].toString(), QStringLiteral("jane@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestSimStakeholders)
#include "tst_simstakeholders.moc"
