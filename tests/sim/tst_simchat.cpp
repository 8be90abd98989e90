// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rota-sim's chat over real HTTP: posting (auth, validation, unknown user and incident), reading
// back (paging from the newest, newest last; the incident filter; query validation), the messages
// on the incident in the simulator's state, seeded and live chat, and --no-chat-read.

#include "../support/simhttp.h"
#include "simcontext.h"
#include "simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota::sim;

using Answer = rota::test::SimAnswer;

class TestSimChat : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_user;

    SimContext& ctx() { return m_server->context(); }

    Answer call(SimServer& server, const QByteArray& method, const QString& path,
        const QByteArray& body = QByteArray(), const QByteArray& key = "rota-demo-key",
        const QByteArray& controlToken = QByteArray())
    {
        return rota::test::simRequest(
            m_network, server.baseUrl(), method, path, body, { key, controlToken });
    }

    Answer post(const QJsonObject& body, const QByteArray& key = "rota-demo-key")
    {
        return call(*m_server, "POST", QStringLiteral("/api-public/v1/chat"),
            QJsonDocument(body).toJson(QJsonDocument::Compact), key);
    }

    Answer read(const QString& query = QString())
    {
        return call(*m_server, "GET", QStringLiteral("/api-public/v1/chat") + query);
    }

    QJsonObject message(const QString& text, int incident = 0)
    {
        QJsonObject body { { QStringLiteral("username"), m_user }, { QStringLiteral("text"), text },
            { QStringLiteral("externalUsername"), m_user },
            { QStringLiteral("monitoringTool"), QStringLiteral("Rota") } };
        if (incident > 0)
            body.insert(QStringLiteral("incidentId"), incident);
        return body;
    }

    int newIncident()
    {
        NewIncident incident;
        incident.summary = QStringLiteral("chat test");
        incident.service = QStringLiteral("checkout");
        return createIncident(ctx(), incident);
    }

    static QStringList texts(const Answer& answer)
    {
        QStringList out;
        for (const QJsonValue& m : answer.object().value(QStringLiteral("messages")).toArray())
            out.append(m[QStringLiteral("text")].toString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        SimOptions options;
        options.enforceRateLimits = false;
        options.readOnlyKeys = QStringList { QStringLiteral("read-only-key") };
        m_server = std::make_unique<SimServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_user = ctx().org.demoUser;
        QVERIFY(!m_user.isEmpty());
    }

    void postNeedsCredentials()
    {
        const QByteArray body = QJsonDocument(message(QStringLiteral("hi"))).toJson();
        QCOMPARE(call(*m_server, "POST", QStringLiteral("/api-public/v1/chat"), body, QByteArray())
                     .status,
            401);
        QCOMPARE(
            call(*m_server, "GET", QStringLiteral("/api-public/v1/chat"), {}, QByteArray()).status,
            401);
        QCOMPARE(post(message(QStringLiteral("hi")), "wrong-key").status, 403);
        const Answer readOnly = post(message(QStringLiteral("hi")), "read-only-key");
        QCOMPARE(readOnly.status, 403);
        QCOMPARE(call(*m_server, "GET", QStringLiteral("/api-public/v1/chat"), {}, "read-only-key")
                     .status,
            200);
    }

    void postValidatesTheBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        const auto json = [this](QJsonObject o, const QString& drop, const QJsonValue& set) {
            if (set.isUndefined())
                o.remove(drop);
            else
                o.insert(drop, set);
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        const QJsonObject good = message(QStringLiteral("fine"));
        QTest::newRow("no body") << QByteArray() << 400 << QStringLiteral("body");
        QTest::newRow("not json") << QByteArray("{text:") << 400 << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[]") << 400 << QStringLiteral("object");
        QTest::newRow("no username")
            << json(good, QStringLiteral("username"), QJsonValue::Undefined) << 400
            << QStringLiteral("username");
        QTest::newRow("no text") << json(good, QStringLiteral("text"), QJsonValue::Undefined) << 400
                                 << QStringLiteral("text");
        QTest::newRow("empty text") << json(good, QStringLiteral("text"), QStringLiteral(" \n"))
                                    << 400 << QStringLiteral("empty");
        QTest::newRow("text a number")
            << json(good, QStringLiteral("text"), 5) << 400 << QStringLiteral("text");
        QTest::newRow("incidentId a string") << json(good, QStringLiteral("incidentId"),
            QStringLiteral("1")) << 400 << QStringLiteral("incidentId");
        QTest::newRow("tags a string") << json(good, QStringLiteral("tags"), QStringLiteral("a"))
                                       << 400 << QStringLiteral("tags");
        QTest::newRow("tag a number") << json(good, QStringLiteral("tags"), QJsonArray { 1 }) << 400
                                      << QStringLiteral("tags[0]");
        QTest::newRow("unknown user")
            << json(good, QStringLiteral("username"), QStringLiteral("nobody-here")) << 404
            << QStringLiteral("user not found");
        QTest::newRow("unknown incident") << json(good, QStringLiteral("incidentId"), 999999) << 404
                                          << QStringLiteral("not found");
        QTest::newRow("incident zero")
            << json(good, QStringLiteral("incidentId"), 0) << 404 << QStringLiteral("not found");
    }

    void postValidatesTheBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, says);
        const qint64 before = ctx().org.nextChatSequence;
        const Answer answer = call(*m_server, "POST", QStringLiteral("/api-public/v1/chat"), body);
        QCOMPARE(answer.status, status);
        QVERIFY2(answer.message().contains(says, Qt::CaseInsensitive), answer.body.constData());
        QCOMPARE(ctx().org.nextChatSequence, before);
    }

    void postAnswersEmptyObjectAndKeepsTheMessage()
    {
        const int incident = newIncident();
        QJsonObject body = message(QStringLiteral("rolling back https://example.com/x"), incident);
        body.insert(QStringLiteral("tags"), QJsonArray { QStringLiteral("deploy") });
        const Answer answer = post(body);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.object(), QJsonObject());
        const QList<SimChatMessage> chat = ctx().org.incidents.value(incident).chat;
        QCOMPARE(chat.size(), 1);
        QCOMPARE(chat.first().username, m_user);
        QCOMPARE(chat.first().monitoringTool, QStringLiteral("Rota"));
        QCOMPARE(chat.first().tags, QStringList { QStringLiteral("deploy") });

        // The control state shows it with its incident.
        const Answer state = call(*m_server, "GET", QStringLiteral("/_sim/state"), {}, QByteArray(),
            m_server->controlToken().toUtf8());
        QCOMPARE(state.status, 200);
        bool found = false;
        for (const QJsonValue& i : state.object().value(QStringLiteral("incidents")).toArray()) {
            if (i[QStringLiteral("number")].toInt() != incident)
                continue;
            const QJsonArray onIt = i[QStringLiteral("chat")].toArray();
            QCOMPARE(onIt.size(), 1);
            QCOMPARE(onIt.first()[QStringLiteral("text")].toString(),
                QStringLiteral("rolling back https://example.com/x"));
            found = true;
        }
        QVERIFY(found);
    }

    void postWithoutIncidentGoesToTheOrgTimeline()
    {
        const qsizetype before = ctx().org.chat.size();
        QCOMPARE(post(message(QStringLiteral("to everyone"))).status, 200);
        QCOMPARE(ctx().org.chat.size(), before + 1);
        QCOMPARE(texts(read()).constLast(), QStringLiteral("to everyone"));
    }

    void readPagesFromTheNewestNewestLast()
    {
        const int incident = newIncident();
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(post(message(QStringLiteral("m%1").arg(i), incident)).status, 200);

        Answer all = read(QStringLiteral("?incidentId=%1").arg(incident));
        QCOMPARE(all.status, 200);
        QCOMPARE(texts(all),
            (QStringList { QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3"),
                QStringLiteral("m4"), QStringLiteral("m5") }));
        QCOMPARE(all.object().value(QStringLiteral("hasMore")).toBool(true), false);
        const QJsonArray messages = all.object().value(QStringLiteral("messages")).toArray();
        qint64 previous = 0;
        for (const QJsonValue& m : messages) {
            QVERIFY(m[QStringLiteral("sequence")].toInteger() > previous);
            previous = m[QStringLiteral("sequence")].toInteger();
            QCOMPARE(m[QStringLiteral("username")].toString(), m_user);
            QVERIFY(m[QStringLiteral("tags")].isArray());
            const qint64 at = m[QStringLiteral("serviceTime")].toInteger();
            QVERIFY(qAbs(at - ctx().now().toMSecsSinceEpoch()) < 60000);
        }

        Answer page = read(QStringLiteral("?incidentId=%1&limit=2").arg(incident));
        QCOMPARE(texts(page), (QStringList { QStringLiteral("m4"), QStringLiteral("m5") }));
        QCOMPARE(page.object().value(QStringLiteral("hasMore")).toBool(), true);
        page = read(QStringLiteral("?incidentId=%1&limit=2&offset=2").arg(incident));
        QCOMPARE(texts(page), (QStringList { QStringLiteral("m2"), QStringLiteral("m3") }));
        QCOMPARE(page.object().value(QStringLiteral("hasMore")).toBool(), true);
        page = read(QStringLiteral("?incidentId=%1&limit=2&offset=4").arg(incident));
        QCOMPARE(texts(page), QStringList { QStringLiteral("m1") });
        QCOMPARE(page.object().value(QStringLiteral("hasMore")).toBool(true), false);
        page = read(QStringLiteral("?incidentId=%1&offset=9").arg(incident));
        QCOMPARE(page.status, 200);
        QVERIFY(texts(page).isEmpty());
        // Zero is what the client sends for "not set".
        page = read(QStringLiteral("?incidentId=%1&limit=0&offset=0").arg(incident));
        QCOMPARE(texts(page).size(), 5);
    }

    void readFiltersByIncident()
    {
        const int first = newIncident();
        const int second = newIncident();
        QCOMPARE(post(message(QStringLiteral("on first"), first)).status, 200);
        QCOMPARE(post(message(QStringLiteral("on second"), second)).status, 200);
        QCOMPARE(texts(read(QStringLiteral("?incidentId=%1").arg(first))),
            QStringList { QStringLiteral("on first") });
        QCOMPARE(texts(read(QStringLiteral("?incidentId=%1").arg(second))),
            QStringList { QStringLiteral("on second") });
        const QStringList everything = texts(read(QStringLiteral("?limit=2")));
        QCOMPARE(
            everything, (QStringList { QStringLiteral("on first"), QStringLiteral("on second") }));
        const Answer unknown = read(QStringLiteral("?incidentId=999999"));
        QCOMPARE(unknown.status, 404);
    }

    void readValidatesTheQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("negative limit") << QStringLiteral("?limit=-1");
        QTest::newRow("word limit") << QStringLiteral("?limit=ten");
        QTest::newRow("fraction limit") << QStringLiteral("?limit=1.5");
        QTest::newRow("negative offset") << QStringLiteral("?offset=-3");
        QTest::newRow("empty offset") << QStringLiteral("?offset=");
        QTest::newRow("word incident") << QStringLiteral("?incidentId=abc");
        QTest::newRow("negative incident") << QStringLiteral("?incidentId=-2");
    }

    void readValidatesTheQuery()
    {
        QFETCH(QString, query);
        const Answer answer = read(query);
        QCOMPARE(answer.status, 400);
        QVERIFY(!answer.message().isEmpty());
    }

    void readAcceptsAnEmptyObjectBody()
    {
        const Answer answer
            = call(*m_server, "GET", QStringLiteral("/api-public/v1/chat?limit=1"), "{}");
        QCOMPARE(answer.status, 200);
        QCOMPARE(texts(answer).size(), 1);
    }

    void seededChatIsDeterministic()
    {
        SimOptions options;
        options.seed = 7;
        SimServer a(options);
        SimServer b(options);
        QString error;
        QVERIFY2(a.start(&error), qPrintable(error));
        QVERIFY2(b.start(&error), qPrintable(error));
        int withChat = 0;
        for (auto it = a.context().org.incidents.cbegin(); it != a.context().org.incidents.cend();
             ++it) {
            const QList<SimChatMessage>& chat = it->chat;
            const QList<SimChatMessage>& other = b.context().org.incidents.value(it.key()).chat;
            QCOMPARE(chat.size(), other.size());
            for (qsizetype i = 0; i < chat.size(); ++i) {
                QCOMPARE(chat.at(i).text, other.at(i).text);
                QCOMPARE(chat.at(i).username, other.at(i).username);
                QCOMPARE(chat.at(i).sequence, other.at(i).sequence);
                QVERIFY(a.context().org.users.contains(chat.at(i).username));
            }
            if (!chat.isEmpty()) {
                QVERIFY2(it->phase != QLatin1String("RESOLVED"), "chat seeded on a closed one");
                ++withChat;
            }
        }
        QVERIFY2(withChat >= 2, qPrintable(QString::number(withChat)));
    }

    void liveActivityWritesNowAndThen()
    {
        const auto count = [this] {
            qsizetype n = 0;
            for (const SimIncident& i : std::as_const(ctx().org.incidents))
                n += i.chat.size();
            return n;
        };
        const qsizetype before = count();
        for (int i = 0; i < 40; ++i)
            simulateActivity(ctx());
        QVERIFY(count() > before);
        QVERIFY(count() < before + 40); // now and then, not every time
    }

    void stateRoundTripKeepsChat()
    {
        SimOrg loaded;
        QString error;
        QVERIFY2(orgFromJson(orgToJson(ctx().org), &loaded, &error), qPrintable(error));
        QCOMPARE(loaded.nextChatSequence, ctx().org.nextChatSequence);
        QCOMPARE(loaded.chat.size(), ctx().org.chat.size());
        for (auto it = ctx().org.incidents.cbegin(); it != ctx().org.incidents.cend(); ++it) {
            QCOMPARE(loaded.incidents.value(it.key()).chat.size(), it->chat.size());
            if (!it->chat.isEmpty())
                QCOMPARE(
                    loaded.incidents.value(it.key()).chat.constLast().at, it->chat.constLast().at);
        }
    }

    void withoutChatReadTheReadIsNotFound()
    {
        SimOptions options;
        options.chatRead = false;
        SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Answer answer = call(server, "GET", QStringLiteral("/api-public/v1/chat"));
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.message(), QStringLiteral("Path not found"));
        // Posting still works.
        const QJsonObject body { { QStringLiteral("username"), server.context().org.demoUser },
            { QStringLiteral("text"), QStringLiteral("still here") } };
        QCOMPARE(call(server, "POST", QStringLiteral("/api-public/v1/chat"),
                     QJsonDocument(body).toJson())
                     .status,
            200);
    }

    void executableOffersNoChatRead()
    {
        QProcess process;
        process.start(
            QStringLiteral(ROTA_BINARY_DIR "/sim/rota-sim"), { QStringLiteral("--help") });
        QVERIFY(process.waitForFinished(20000));
        QVERIFY(process.readAllStandardOutput().contains("--no-chat-read"));
    }
};

QTEST_GUILESS_MAIN(TestSimChat)
#include "tst_simchat.moc"
