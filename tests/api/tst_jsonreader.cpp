// JsonReader and the API's time formats, on friendly and on hostile input.
#include "jsonreader.h"
#include "phase.h"

#include <QTest>
#include <QTimeZone>

using namespace rota;

class TestJsonReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsFieldsAndToleratesUnknownOnes()
    {
        const JsonReader r = JsonReader::fromBytes(
            R"({"a":"x","n":42,"b":true,"extra":{"deep":[1,2]},"list":["p","q"]})");
        QCOMPARE(r.str(QStringLiteral("a")), QStringLiteral("x"));
        QCOMPARE(r.integer(QStringLiteral("n")), 42);
        QCOMPARE(r.boolean(QStringLiteral("b")), true);
        QCOMPARE(r.strings(QStringLiteral("list")),
            (QStringList { QStringLiteral("p"), QStringLiteral("q") }));
        QVERIFY(r.ok());
    }

    void missingOptionalFieldsKeepDefaults()
    {
        const JsonReader r = JsonReader::fromBytes("{}");
        QCOMPARE(r.str(QStringLiteral("a"), QStringLiteral("dflt")), QStringLiteral("dflt"));
        QCOMPARE(r.integer(QStringLiteral("n"), 7), 7);
        QVERIFY(!r.time(QStringLiteral("t")).isValid());
        QVERIFY(r[QStringLiteral("x")][QStringLiteral("y")].str(QStringLiteral("z")).isEmpty());
        int calls = 0;
        r.forEach(QStringLiteral("none"), [&calls](JsonReader&) { ++calls; });
        QCOMPARE(calls, 0);
        QVERIFY(r.ok());
    }

    void wrongTypeNamesThePath()
    {
        const JsonReader r = JsonReader::fromBytes(
            R"({"incidents":[{"transitions":[]},{"transitions":[{"at":12.5e300}]}]})");
        r.forEach(QStringLiteral("incidents"), [](JsonReader& incident) {
            incident.forEach(
                QStringLiteral("transitions"), [](JsonReader& t) { t.time(QStringLiteral("at")); });
        });
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String("$.incidents[1].transitions[0].at:")),
            qPrintable(r.error()));
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("number for string")
            << QByteArray(R"({"v":1})") << QStringLiteral("$.v: expected a string, got a number");
        QTest::newRow("string for number")
            << QByteArray(R"({"v":"1"})") << QStringLiteral("$.v: expected a number, got a string");
        QTest::newRow("array for object")
            << QByteArray(R"([1])") << QStringLiteral("$.v: expected an object, got an array");
        QTest::newRow("bool for number") << QByteArray(R"({"v":true})")
                                         << QStringLiteral("$.v: expected a number, got a boolean");
    }
    void wrongTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const JsonReader r = JsonReader::fromBytes(json);
        if (expected.contains(QLatin1String("expected a number")))
            r.integer(QStringLiteral("v"));
        else
            r.str(QStringLiteral("v"));
        QVERIFY(!r.ok());
        // An array root is reported at "$" when a member is asked of it.
        QVERIFY2(
            r.error() == expected || r.error().startsWith(QLatin1String("$: expected an object")),
            qPrintable(r.error()));
    }

    void hugeAndFractionalNumbersAreErrors()
    {
        for (const QByteArray& json :
            { QByteArray(R"({"v":1e300})"), QByteArray(R"({"v":9007199254740993123})"),
                QByteArray(R"({"v":1.5})"), QByteArray(R"({"v":-1e20})") }) {
            const JsonReader r = JsonReader::fromBytes(json);
            r.integer(QStringLiteral("v"));
            QVERIFY2(!r.ok(), json.constData());
            QVERIFY(r.error().startsWith(QLatin1String("$.v:")));
        }
    }

    void truncatedAndInvalidBodiesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(R"({"incidents":[{"incidentNumber":"1")");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
        QTest::newRow("invalid utf8") << QByteArray("{\"a\":\"\xff\xfe\xc3\x28\"}");
        QTest::newRow("nul") << QByteArray("{\"a\":1}\0garbage", 15);
    }
    void truncatedAndInvalidBodiesAreErrors()
    {
        QFETCH(QByteArray, body);
        const JsonReader r = JsonReader::fromBytes(body);
        // Invalid UTF-8 inside a string may be repaired by the parser; then the value must still
        // be a string and reading must not crash.
        const QString a = r.str(QStringLiteral("a"));
        if (r.ok())
            QVERIFY(body.contains("\xff"));
        else
            QVERIFY(r.error().startsWith(QLatin1String("$")));
        Q_UNUSED(a);
    }

    void deepNestingDoesNotCrash()
    {
        QByteArray deep;
        for (int i = 0; i < 100000; ++i)
            deep += "[";
        const JsonReader r = JsonReader::fromBytes(deep);
        QVERIFY(!r.ok());
        QByteArray nested = "{\"a\":";
        for (int i = 0; i < 500; ++i)
            nested += "{\"a\":";
        nested += "1";
        for (int i = 0; i < 501; ++i)
            nested += "}";
        const JsonReader n = JsonReader::fromBytes(nested);
        JsonReader cursor = n;
        for (int i = 0; i < 501; ++i)
            cursor = cursor[QStringLiteral("a")];
        QCOMPARE(cursor.toInt(), 1);
    }

    void parsesTheApisTimeFormats_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(2026, 11, 26), QTime(3, 15, 59), QTimeZone::utc());
        QTest::newRow("iso Z") << QJsonValue(QStringLiteral("2026-11-26T03:15:59Z")) << t;
        QTest::newRow("iso Z ms") << QJsonValue(QStringLiteral("2026-11-26T03:15:59.250Z"))
                                  << t.addMSecs(250);
        QTest::newRow("rfc3339 +01")
            << QJsonValue(QStringLiteral("2026-11-26T04:15:59+01:00")) << t;
        QTest::newRow("rfc3339 -05")
            << QJsonValue(QStringLiteral("2026-11-25T22:15:59-05:00")) << t;
        QTest::newRow("epoch ms") << QJsonValue(double(t.toMSecsSinceEpoch())) << t;
        QTest::newRow("epoch ms string") << QJsonValue(QString::number(t.toMSecsSinceEpoch())) << t;
    }
    void parsesTheApisTimeFormats()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseApiTime(value);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void refusesTimesItCannotPlace()
    {
        QVERIFY(!parseApiTime(QJsonValue(QStringLiteral("yesterday"))).isValid());
        QVERIFY(
            !parseApiTime(QJsonValue(QStringLiteral("2026-11-26T03:15:59"))).isValid()); // no zone
        QVERIFY(!parseApiTime(QJsonValue(1e300)).isValid());
        // Epoch milliseconds past the year 9999, as a number or as text: no ISO time could say
        // them, so they could not be written back.
        QVERIFY(!parseApiTime(QJsonValue(QStringLiteral("9007199254740993"))).isValid());
        QVERIFY(!parseApiTime(QJsonValue(253402300800000.0)).isValid());
        QVERIFY(parseApiTime(QJsonValue(253402300799999.0)).isValid());
        const JsonReader r = JsonReader::fromBytes(R"({"t":"not a time"})");
        r.time(QStringLiteral("t"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().startsWith(QLatin1String("$.t:")));
    }

    void formatsTimesAsUtcWithZ()
    {
        const QDateTime t(QDate(2026, 3, 29), QTime(1, 30), QTimeZone("Europe/Berlin"));
        QCOMPARE(formatApiTime(t), QStringLiteral("2026-03-29T00:30:00.000Z"));
    }

    void normalisesPhases()
    {
        QCOMPARE(phaseFromApi(QStringLiteral("UNACKED")), Phase::Triggered);
        QCOMPARE(phaseFromApi(QStringLiteral("triggered")), Phase::Triggered);
        QCOMPARE(phaseFromApi(QStringLiteral("ACKED")), Phase::Acknowledged);
        QCOMPARE(phaseFromApi(QStringLiteral("acknowledged")), Phase::Acknowledged);
        QCOMPARE(phaseFromApi(QStringLiteral("RESOLVED")), Phase::Resolved);
        QCOMPARE(phaseFromApi(QStringLiteral("resolved")), Phase::Resolved);
        QCOMPARE(phaseFromApi(QStringLiteral("exploded")), Phase::Unknown);
        QCOMPARE(phaseToApi(Phase::Acknowledged), QStringLiteral("ACKED"));
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
