// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// JsonReader and the API's time formats, on friendly and on hostile input.
#include "jsonreader.h"
#include "phase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <cstring>

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

    // --- the parser's strictness (RFC 8259); each error is at "$" and says why --------------

    void strictParserRefuses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        const QString truncated = QStringLiteral("the text ends too early");
        QTest::newRow("truncated in a string") << QByteArray("{\"a\":\"x") << truncated;
        QTest::newRow("truncated after a name") << QByteArray(R"({"a")") << truncated;
        QTest::newRow("truncated after a colon") << QByteArray(R"({"a":)") << truncated;
        QTest::newRow("truncated after a comma") << QByteArray(R"([1,)") << truncated;
        QTest::newRow("truncated in a word") << QByteArray(R"([tru)") << truncated;
        QTest::newRow("truncated in an escape") << QByteArray("[\"\\u00") << truncated;
        QTest::newRow("unclosed array") << QByteArray(R"([1, 2)") << truncated;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("there is no text");
        QTest::newRow("blank") << QByteArray(" \n\t ") << QStringLiteral("there is no text");
        QTest::newRow("a number alone")
            << QByteArray("42") << QStringLiteral("neither an object nor an array");
        QTest::newRow("a string alone")
            << QByteArray(R"("x")") << QStringLiteral("neither an object nor an array");
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"a":1} x)") << QStringLiteral("more text after the end");
        QTest::newRow("two documents")
            << QByteArray(R"({}{})") << QStringLiteral("more text after the end");
        QTest::newRow("trailing nul")
            << QByteArray("{}\0", 3) << QStringLiteral("more text after the end");
        QTest::newRow("unknown escape")
            << QByteArray("{\"a\":\"\\x41\"}") << QStringLiteral("unknown escape sequence");
        QTest::newRow("short unicode escape")
            << QByteArray("{\"a\":\"\\u12g4\"}") << QStringLiteral("four hex digits");
        QTest::newRow("lone high surrogate")
            << QByteArray("{\"a\":\"\\ud83dx\"}") << QStringLiteral("lone UTF-16 surrogate");
        QTest::newRow("high surrogate then another high")
            << QByteArray("{\"a\":\"\\ud83d\\ud83d\"}") << QStringLiteral("lone UTF-16 surrogate");
        QTest::newRow("lone low surrogate")
            << QByteArray("{\"a\":\"\\ude00\"}") << QStringLiteral("lone UTF-16 surrogate");
        QTest::newRow("raw tab in a string")
            << QByteArray("{\"a\":\"x\ty\"}") << QStringLiteral("control character");
        QTest::newRow("raw newline in a string")
            << QByteArray("{\"a\":\"x\ny\"}") << QStringLiteral("control character");
        QTest::newRow("raw nul in a string")
            << QByteArray("{\"a\":\"x\0y\"}", 11) << QStringLiteral("control character");
        QTest::newRow("leading zero")
            << QByteArray(R"({"a":01})") << QStringLiteral("leading zero");
        QTest::newRow("negative leading zero")
            << QByteArray(R"({"a":-012})") << QStringLiteral("leading zero");
        QTest::newRow("huge exponent")
            << QByteArray(R"({"a":1e400})") << QStringLiteral("number out of range");
        QTest::newRow("tiny exponent")
            << QByteArray(R"({"a":1e-400})") << QStringLiteral("number out of range");
        QTest::newRow("hundreds of digits") << (QByteArray("[1") + QByteArray(400, '0') + "]")
                                            << QStringLiteral("number out of range");
        QTest::newRow("bare minus") << QByteArray(R"([-])") << QStringLiteral("invalid number");
        QTest::newRow("dot without digits")
            << QByteArray(R"([1.])") << QStringLiteral("invalid number");
        QTest::newRow("exponent without digits")
            << QByteArray(R"([1e+])") << QStringLiteral("invalid number");
        QTest::newRow("leading dot") << QByteArray(R"([.5])") << QStringLiteral("expected a value");
        QTest::newRow("plus sign") << QByteArray(R"([+1])") << QStringLiteral("expected a value");
        QTest::newRow("NaN") << QByteArray(R"([NaN])") << QStringLiteral("expected a value");
        QTest::newRow("misspelt word")
            << QByteArray(R"([nul1])") << QStringLiteral("expected a value");
        QTest::newRow("trailing comma in an array")
            << QByteArray(R"([1,])") << QStringLiteral("expected a value");
        QTest::newRow("trailing comma in an object")
            << QByteArray(R"({"a":1,})") << QStringLiteral("member name in quotes");
        QTest::newRow("unquoted name")
            << QByteArray(R"({a:1})") << QStringLiteral("member name in quotes");
        QTest::newRow("missing colon")
            << QByteArray(R"({"a" 1})") << QStringLiteral("colon after a member name");
        QTest::newRow("missing comma in an array")
            << QByteArray(R"([1 2])") << QStringLiteral("comma or the end of the array");
        QTest::newRow("missing comma in an object")
            << QByteArray(R"({"a":1 "b":2})") << QStringLiteral("comma or the end of the object");
        QTest::newRow("wrong closing bracket")
            << QByteArray(R"({"a":[1}})") << QStringLiteral("comma or the end of the array");
        QTest::newRow("overlong UTF-8")
            << QByteArray("{\"a\":\"\xc0\x80\"}") << QStringLiteral("invalid UTF-8");
        QTest::newRow("UTF-8 surrogate")
            << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << QStringLiteral("invalid UTF-8");
        QTest::newRow("beyond U+10FFFF")
            << QByteArray("{\"a\":\"\xf4\x90\x80\x80\"}") << QStringLiteral("invalid UTF-8");
        QTest::newRow("cut UTF-8 sequence")
            << QByteArray("{\"a\":\"\xe2\x82\"}") << QStringLiteral("invalid UTF-8");
        QTest::newRow("invalid UTF-8 in a name")
            << QByteArray("{\"\xff\":1}") << QStringLiteral("invalid UTF-8");
        QByteArray deep(JsonDom::MaxDepth + 1, '[');
        deep += QByteArray(JsonDom::MaxDepth + 1, ']');
        QTest::newRow("nested one level too deep") << deep << QStringLiteral("nested too deeply");
    }
    void strictParserRefuses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const JsonReader r = JsonReader::fromBytes(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String("$: not valid JSON at byte ")),
            qPrintable(r.error()));
        QVERIFY2(r.error().contains(reason), qPrintable(r.error()));
        // Nothing can be read from a document that did not parse, and asking harms nothing.
        QVERIFY(r.isNull());
        QVERIFY(r.str(QStringLiteral("a")).isEmpty());
        QVERIFY(!r.has(QStringLiteral("a")));
    }

    void errorsSayAtWhichByte()
    {
        const JsonReader r = JsonReader::fromBytes(R"({"a":1, "b":01})");
        QCOMPARE(r.error(),
            QStringLiteral("$: not valid JSON at byte 12: a number with a leading zero"));
    }

    void strictParserAccepts()
    {
        // White space of all four kinds, a byte-order mark, and the deepest nesting allowed.
        const JsonReader r = JsonReader::fromBytes("\xEF\xBB\xBF \t\r\n{ \"a\" :\t[ 1 , -0.5e+2 ,"
                                                   "true,false,null ] , \"b\" : { } }\r\n");
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r[QStringLiteral("a")].value().toArray().size(), 5);
        QCOMPARE(r[QStringLiteral("a")].value().toArray().at(1).toDouble(), -50.0);
        QByteArray deepest(JsonDom::MaxDepth, '[');
        deepest += QByteArray(JsonDom::MaxDepth, ']');
        QVERIFY(JsonReader::fromBytes(deepest).ok());
    }

    void hostileNestingCostsNoStack()
    {
        // A million open brackets (or braces with names): refused at the depth limit, without
        // recursion (no stack overflow under ASan).
        QVERIFY(!JsonReader::fromBytes(QByteArray(1000000, '[')).ok());
        QByteArray objects;
        for (int i = 0; i < 200000; ++i)
            objects += "{\"a\":";
        const JsonReader r = JsonReader::fromBytes(objects);
        QVERIFY(r.error().contains(QLatin1String("nested too deeply")));
    }

    // --- duplicate names: the last one counts, as with QJsonDocument ----------------------------

    void duplicateNamesKeepTheLast()
    {
        const JsonReader few = JsonReader::fromBytes(R"({"a":1,"b":"x","a":2})");
        QCOMPARE(few.integer(QStringLiteral("a")), 2);
        QCOMPARE(few.str(QStringLiteral("b")), QStringLiteral("x"));
        QCOMPARE(few.toObject().value(QStringLiteral("a")).toInt(), 2);
        // Many members (the hashed check) and a name written with an escape.
        QByteArray many = "{";
        for (int i = 0; i < 40; ++i)
            many += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
        many += "\"k7\":\"last\",\"\\u006b3\":\"escaped\"}";
        const JsonReader r = JsonReader::fromBytes(many);
        QVERIFY(r.ok());
        QCOMPARE(r.str(QStringLiteral("k7")), QStringLiteral("last"));
        QCOMPARE(r.str(QStringLiteral("k3")), QStringLiteral("escaped"));
        QCOMPARE(r.integer(QStringLiteral("k39")), 39);
        QCOMPARE(r.integer(QStringLiteral("k0")), 0);
        QVERIFY(r.ok());
        // Reading the others in any order finds each, whatever was read before.
        for (int i : { 39, 0, 20, 19, 21, 1, 38 })
            QCOMPARE(r.integer(QStringLiteral("k%1").arg(i)), i);
        QVERIFY(!r.has(QStringLiteral("k40")));
    }

    // --- texts -------------------------------------------------------------------------------

    void decodesEscapesAndUnicode_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray(R"("plain text")") << QStringLiteral("plain text");
        QTest::newRow("empty") << QByteArray(R"("")") << QString();
        QTest::newRow("simple escapes") << QByteArray("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"")
                                        << QStringLiteral("q\" b\\ s/ \b\f\n\r\t");
        QTest::newRow("u escape") << QByteArray("\"caf\\u00e9 \\u20AC\"")
                                  << QString::fromUtf8("caf\xc3\xa9 \xe2\x82\xac");
        QTest::newRow("surrogate pair")
            << QByteArray("\"\\ud83d\\ude00!\"") << QString::fromUtf8("\xf0\x9f\x98\x80!");
        QTest::newRow("nul escape")
            << QByteArray("\"a\\u0000b\"") << QStringView(u"a\0b", 3).toString();
        QTest::newRow("raw UTF-8")
            << QByteArray("\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac\"")
            << QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac");
        QTest::newRow("raw UTF-8 and escapes")
            << QByteArray("\"\xc3\xa9\\n\xf0\x9f\x98\x80\\u00e9\\\"\"")
            << QString::fromUtf8("\xc3\xa9\n\xf0\x9f\x98\x80\xc3\xa9\"");
        QTest::newRow("long plain") << (QByteArray("\"") + QByteArray(1000, 'x') + QByteArray("\""))
                                    << QString(1000, QLatin1Char('x'));
        QTest::newRow("DEL is no control") << QByteArray("\"\x7f\"") << QStringLiteral("\x7f");
    }
    void decodesEscapesAndUnicode()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const JsonReader r = JsonReader::fromBytes("{\"v\":" + json + ",\"l\":[" + json + "]}");
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.str(QStringLiteral("v")), expected);
        QCOMPARE(r.sharedStr(QStringLiteral("v")), expected);
        QCOMPARE(r.strings(QStringLiteral("l")), QStringList { expected });
        QCOMPARE(r[QStringLiteral("v")].value().toString(), expected);
        // The same as QJsonDocument reads.
        QCOMPARE(QJsonDocument::fromJson("[" + json + "]").array().at(0).toString(), expected);
    }

    void membersAreFoundByEscapedAndNonAsciiNames()
    {
        const JsonReader r = JsonReader::fromBytes("{\"n\\u0061me\":\"x\",\"caf\xc3\xa9\":1,"
                                                   "\"\\ud83d\\ude00\":true,\"a\\\"b\":{\"c\":1}}");
        QVERIFY(r.ok());
        QCOMPARE(r.str(QStringLiteral("name")), QStringLiteral("x"));
        QCOMPARE(r.integer(QString::fromUtf8("caf\xc3\xa9")), 1);
        QCOMPARE(r.boolean(QString::fromUtf8("\xf0\x9f\x98\x80")), true);
        QVERIFY(!r.has(QStringLiteral("cafe")));
        r[QStringLiteral("a\"b")].str(QStringLiteral("c"));
        QCOMPARE(r.error(), QStringLiteral("$.a\"b.c: expected a string, got a number"));
    }

    void sharedTextsAreOneCopy()
    {
        const JsonReader r = JsonReader::fromBytes(
            "{\"l\":[\"team-a\",\"team-b\",\"team-a\"],\"s\":\"team-a\",\"e\":\"te\\u0061m-a\"}");
        const QStringList list = r.sharedStrings(QStringLiteral("l"));
        QCOMPARE(list,
            (QStringList {
                QStringLiteral("team-a"), QStringLiteral("team-b"), QStringLiteral("team-a") }));
        QCOMPARE(list.at(0).constData(), list.at(2).constData());
        const QString s = r.sharedStr(QStringLiteral("s"));
        QCOMPARE(s.constData(), list.at(0).constData());
        // A text with escapes, and one made elsewhere, find the same copy.
        QCOMPARE(r.sharedStr(QStringLiteral("e")).constData(), s.constData());
        QCOMPARE(r.shared(QStringLiteral("team-a")).constData(), s.constData());
        QVERIFY(r.ok());
    }

    void theBodyIsNotKeptOnceReadingEnds()
    {
        QByteArray body(R"({"name":"someone","list":["a","b"]})");
        body.detach();
        QString name;
        QStringList list;
        {
            const JsonReader r = JsonReader::fromBytes(body);
            name = r.str(QStringLiteral("name"));
            list = r.sharedStrings(QStringLiteral("list"));
            QVERIFY(!body.isDetached()); // the reader holds the body while it reads
        }
        QVERIFY(body.isDetached());
        body.fill('x');
        QCOMPARE(name, QStringLiteral("someone"));
        QCOMPARE(list, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        // Borrowed bytes are copied: the caller may free them while readers live.
        auto* borrowed = new char[32];
        std::strcpy(borrowed, R"({"n":"borrowed"})");
        const JsonReader raw = JsonReader::fromBytes(QByteArray::fromRawData(borrowed, 16));
        std::memset(borrowed, 'x', 16);
        delete[] borrowed;
        QCOMPARE(raw.str(QStringLiteral("n")), QStringLiteral("borrowed"));
    }

    // --- numbers -----------------------------------------------------------------------------

    void readsNumbersExactly()
    {
        const JsonReader r = JsonReader::fromBytes(
            R"({"max":9007199254740992,"min":-9007199254740992,"one":1.0,"k":1e3,"half":2.5,)"
            R"("zero":-0,"big":123456789012345678901234567890,"over":9007199254740993,)"
            R"("int":2147483647,"bigint":2147483648,"id":"17"})");
        QVERIFY(r.ok());
        QCOMPARE(r.integer(QStringLiteral("max")), Q_INT64_C(9007199254740992));
        QCOMPARE(r.integer(QStringLiteral("min")), Q_INT64_C(-9007199254740992));
        QCOMPARE(r.integer(QStringLiteral("one")), 1);
        QCOMPARE(r.integer(QStringLiteral("k")), 1000);
        QCOMPARE(r[QStringLiteral("half")].toDouble(), 2.5);
        QCOMPARE(r.integer(QStringLiteral("zero")), 0);
        QCOMPARE(r[QStringLiteral("big")].toDouble(), 1.2345678901234568e29);
        QCOMPARE(r[QStringLiteral("int")].toInt32(), 2147483647);
        QCOMPARE(r[QStringLiteral("k")].toStringOrNumber(), QStringLiteral("1000"));
        QCOMPARE(r[QStringLiteral("id")].toStringOrNumber(), QStringLiteral("17"));
        QVERIFY(r.ok());
        // One past 2^53 is no longer exact: refused, even though a double would round it.
        r.integer(QStringLiteral("over"));
        QCOMPARE(r.error(), QStringLiteral("$.over: number out of range"));
        for (const char* field : { "big", "bigint" }) {
            const JsonReader again = JsonReader::fromBytes(
                R"({"big":123456789012345678901234567890,"bigint":2147483648})");
            if (QByteArray(field) == "big")
                again.integer(QString::fromLatin1(field));
            else
                again[QString::fromLatin1(field)].toInt32();
            QCOMPARE(again.error(),
                QStringLiteral("$.%1: number out of range").arg(QLatin1String(field)));
        }
        const JsonReader fraction = JsonReader::fromBytes(R"({"v":[0,2.5]})");
        fraction.forEach(QStringLiteral("v"), [](JsonReader& e) { e.toInt(); });
        QCOMPARE(fraction.error(), QStringLiteral("$.v[1]: expected a whole number, got 2.5"));
    }

    // --- paths and type errors -----------------------------------------------------------------

    void typeErrorsNameTheirPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deep element")
            << QByteArray(R"({"a":{"b":[{},{},{"c":true}]}})")
            << QStringLiteral("$.a.b[2].c: expected a string, got a boolean");
        QTest::newRow("member of an array") << QByteArray(
            R"({"a":{"b":[1]}})") << QStringLiteral("$.a.b: expected an object, got an array");
        QTest::newRow("array expected") << QByteArray(R"({"a":{"b":"x"}})")
                                        << QStringLiteral("$.a.b: expected an array, got a string");
        QTest::newRow("null is fine, object is not")
            << QByteArray(R"({"a":{"b":[null,{}]}})")
            << QStringLiteral("$.a.b[1]: expected a string, got an object");
    }
    void typeErrorsNameTheirPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const JsonReader r = JsonReader::fromBytes(json);
        const JsonReader b = r[QStringLiteral("a")][QStringLiteral("b")];
        if (expected.contains(QLatin1String("expected an object"))) {
            b.str(QStringLiteral("c"));
        } else {
            const bool objectIsWrong = expected.contains(QLatin1String("got an object"));
            b.forEachElement([objectIsWrong](JsonReader& e) {
                if (e.value().isObject() && !objectIsWrong)
                    e.str(QStringLiteral("c"));
                else
                    e.toString();
            });
        }
        QCOMPARE(r.error(), expected);
    }

    void absentMembersKeepTheirPath()
    {
        const JsonReader r = JsonReader::fromBytes(R"({"a":{}})");
        const JsonReader missing = r[QStringLiteral("a")][QStringLiteral("x")][QStringLiteral("y")];
        QVERIFY(missing.isNull());
        QVERIFY(missing.value().isUndefined());
        QCOMPARE(missing.path(), QStringLiteral("$.a.x.y"));
        JsonReader(missing).fail(QStringLiteral("needed"));
        QCOMPARE(r.error(), QStringLiteral("$.a.x.y: needed"));
        QCOMPARE(JsonReader()[QStringLiteral("q")].path(), QStringLiteral("$.q"));
    }

    // --- values and readers of QJsonValues ---------------------------------------------------

    void valueAnswersInPlace()
    {
        const JsonReader r = JsonReader::fromBytes(
            R"({"o":{"k":[1,"two",{"x":null}]},"s":"t","n":3,"b":false,"z":null})");
        QVERIFY(r[QStringLiteral("o")].value().isObject());
        QVERIFY(r[QStringLiteral("s")].value().isString());
        QVERIFY(r[QStringLiteral("n")].value().isDouble());
        QVERIFY(r[QStringLiteral("b")].value().isBool());
        QVERIFY(r[QStringLiteral("z")].value().isNull());
        QVERIFY(r[QStringLiteral("none")].value().isUndefined());
        const QJsonValue whole = r.value();
        QCOMPARE(whole.toObject(),
            QJsonDocument::fromJson(
                R"({"o":{"k":[1,"two",{"x":null}]},"s":"t","n":3,"b":false,"z":null})")
                .object());
        QCOMPARE(r[QStringLiteral("o")].toObject().value(QStringLiteral("k")).toArray().size(), 3);
        QCOMPARE(r[QStringLiteral("n")].value().toInt(), 3);
    }

    void readsQJsonValues()
    {
        const JsonReader object(QJsonObject { { QStringLiteral("a"), 5 } });
        QCOMPARE(object.integer(QStringLiteral("a")), 5);
        const JsonReader array(QJsonArray { QStringLiteral("x"), QStringLiteral("y") });
        QCOMPARE(array.toStringList(), (QStringList { QStringLiteral("x"), QStringLiteral("y") }));
        const JsonReader scalar(QJsonValue(QStringLiteral("2026-11-26T03:15:59Z")));
        QVERIFY(scalar.toDateTime().isValid());
        QCOMPARE(scalar.path(), QStringLiteral("$"));
        scalar.toInt();
        QCOMPARE(scalar.error(), QStringLiteral("$: expected a number, got a string"));
        QVERIFY(JsonReader(QJsonValue(QJsonValue::Null)).isNull());
        QVERIFY(JsonReader(QJsonValue(QJsonValue::Null)).value().isNull());
        QVERIFY(JsonReader(QJsonValue(QJsonValue::Undefined)).value().isUndefined());
        QVERIFY(JsonReader().ok());
    }

    // --- times -------------------------------------------------------------------------------

    void plainUtcTimesReadAsQtReadsThem_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : { "2026-11-26T03:15:59Z", "2026-11-26T03:15:59.250Z",
                 "2024-02-29T12:00:00Z", "2000-02-29T00:00:00.000Z", "1970-01-01T00:00:00Z",
                 "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                 "2026-12-31T23:59:59Z", "2026-01-01T00:00:00.001Z", "1900-03-01T00:00:00Z" })
            QTest::newRow(text) << QString::fromLatin1(text);
    }
    void plainUtcTimesReadAsQtReadsThem()
    {
        QFETCH(QString, text);
        const JsonReader r = JsonReader::fromBytes("{\"t\":\"" + text.toLatin1() + "\"}");
        const QDateTime t = r.time(QStringLiteral("t"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(t, QDateTime::fromString(text, Qt::ISODateWithMs).toUTC());
        QCOMPARE(t.timeSpec(), Qt::UTC);
        QCOMPARE(formatApiTime(t).left(19), text.left(19));
    }

    void timesThatAreNotDatesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("february 29th of a common year") << QByteArray(R"("2023-02-29T00:00:00Z")");
        QTest::newRow("1900 is no leap year") << QByteArray(R"("1900-02-29T00:00:00Z")");
        QTest::newRow("month 13") << QByteArray(R"("2026-13-01T00:00:00Z")");
        QTest::newRow("day 0") << QByteArray(R"("2026-01-00T00:00:00Z")");
        QTest::newRow("hour 25") << QByteArray(R"("2026-01-01T25:00:00Z")");
        QTest::newRow("minute 60") << QByteArray(R"("2026-01-01T00:60:00Z")");
        QTest::newRow("letters") << QByteArray(R"("2026-0a-01T00:00:00Z")");
        QTest::newRow("no zone") << QByteArray(R"("2026-01-01T00:00:00.000")");
        QTest::newRow("a boolean") << QByteArray("true");
    }
    void timesThatAreNotDatesAreErrors()
    {
        QFETCH(QByteArray, json);
        const JsonReader r = JsonReader::fromBytes("{\"t\":" + json + "}");
        QVERIFY(!r.time(QStringLiteral("t")).isValid());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QLatin1String("$.t: ")), qPrintable(r.error()));
    }

    void otherTimeFormsStillRead()
    {
        const QDateTime t(QDate(2026, 11, 26), QTime(3, 15, 59), QTimeZone::utc());
        const JsonReader r = JsonReader::fromBytes(
            R"({"offset":"2026-11-26T04:15:59+01:00","ms":1795662959000,"text":"1795662959000",)"
            "\"spaced\":\" 2026-11-26T03:15:59Z \",\"escaped\":\"2026-11-26T03:15:59\\u005A\"}");
        QCOMPARE(r.time(QStringLiteral("offset")), t);
        QCOMPARE(r.time(QStringLiteral("ms")), t);
        QCOMPARE(r.time(QStringLiteral("text")), t);
        QCOMPARE(r.time(QStringLiteral("spaced")), t);
        QCOMPARE(r.time(QStringLiteral("escaped")), t);
        QVERIFY2(r.ok(), qPrintable(r.error()));
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
