// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The calendar of the user's shifts (RFC 5545): line ends, folding at 75 octets with multi-byte
// text, TEXT escaping, and a round trip through a small parser written here; the file kept up to
// date (ShiftCalendarFile) is rewritten when the shifts change, and only while enabled.
#include "icalendar.h"
#include "oncallmodel.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rota;

namespace {

struct Property {
    QString name;
    QString value;
};

//! Undoes TEXT escaping.
QString unescape(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            out += (next == QLatin1Char('n') || next == QLatin1Char('N')) ? QChar(QLatin1Char('\n'))
                                                                          : next;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

//! Unfolds and splits a calendar into its content lines (name without parameters, raw value).
QList<Property> parse(const QByteArray& data)
{
    QByteArray unfolded = data;
    unfolded.replace("\r\n ", "").replace("\r\n\t", "");
    QList<Property> properties;
    for (const QByteArray& line : unfolded.split('\n')) {
        if (line.isEmpty())
            continue;
        const QString text = QString::fromUtf8(line.chopped(1)); // the CR
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        properties.append(
            { text.left(colon).section(QLatin1Char(';'), 0, 0), text.mid(colon + 1) });
    }
    return properties;
}

QStringList valuesOf(const QList<Property>& properties, const QString& name)
{
    QStringList values;
    for (const Property& p : properties) {
        if (p.name == name)
            values << p.value;
    }
    return values;
}

MyShift shift(const QString& policy, const QDateTime& start, int hours)
{
    return { QStringLiteral("Site Reliability, Europe; Nights"), QStringLiteral("team-sre"), policy,
        QStringLiteral("pol-sre"), start, start.addSecs(hours * 3600), {} };
}

const QDateTime Stamp(QDate(2026, 12, 5), QTime(18, 0), QTimeZone::utc());

} // namespace

class TestICalendar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void escaping()
    {
        QCOMPARE(ical::escapeText(QStringLiteral("a,b;c\\d\ne\r\nf")),
            QStringLiteral("a\\,b\\;c\\\\d\\ne\\nf"));
        QCOMPARE(unescape(ical::escapeText(QStringLiteral("x, y; z\\ \n"))),
            QStringLiteral("x, y; z\\ \n"));
    }

    void foldingKeepsCharactersWhole_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QString(QLatin1Char('a')).repeated(300);
        QTest::newRow("two-byte")
            << QStringLiteral("Bereitschaft für Ärzte und Übergänge ").repeated(8);
        QTest::newRow("three-byte") << QStringLiteral("当番表の引き継ぎ").repeated(12);
        QTest::newRow("four-byte") << QStringLiteral("on call \U0001F6A8\U0001F4DF ").repeated(20);
    }

    void foldingKeepsCharactersWhole()
    {
        QFETCH(QString, text);
        const QByteArray line = "SUMMARY:" + text.toUtf8();
        const QByteArray folded = ical::fold(line);
        const QList<QByteArray> physical = folded.split('\n');
        QVERIFY(physical.size() > 1);
        for (qsizetype i = 0; i < physical.size(); ++i) {
            QByteArray one = physical.at(i);
            if (i + 1 < physical.size()) {
                QVERIFY(one.endsWith('\r')); // every break is CRLF
                one.chop(1);
            }
            QVERIFY2(one.size() <= 75, one.constData());
            if (i > 0)
                QVERIFY(one.startsWith(' '));
            // Each line on its own is whole UTF-8: no character was cut.
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString decoded = decoder(one);
            QVERIFY2(!decoder.hasError(), one.constData());
            Q_UNUSED(decoded);
        }
        QByteArray unfolded = folded;
        unfolded.replace("\r\n ", "");
        QCOMPARE(unfolded, line);
        // A line that fits is left alone.
        QCOMPARE(ical::fold("VERSION:2.0"), QByteArray("VERSION:2.0"));
    }

    void calendarRoundTrip()
    {
        const QDateTime start(QDate(2026, 12, 8), QTime(9, 0), QTimeZone("Europe/Berlin"));
        MyShift standIn = shift(QStringLiteral("SRE Primary — Bereitschaft \U0001F6A8 (nights, "
                                               "weekends; holidays)"),
            start.addDays(2), 12);
        standIn.replaces = QStringLiteral("ann");
        const QList<MyShift> shifts { shift(QStringLiteral("SRE Primary"), start, 8), standIn };
        const QByteArray data = ical::calendar(shifts, QStringLiteral("Dmitri"), Stamp);

        // CRLF only, and no physical line longer than 75 octets.
        QVERIFY(data.endsWith("\r\n"));
        QCOMPARE(data.count('\n'), data.count("\r\n"));
        for (const QByteArray& line : data.split('\n'))
            QVERIFY2(line.size() <= 76, line.constData()); // 75 and the CR

        const QList<Property> p = parse(data);
        QCOMPARE(p.first().name, QStringLiteral("BEGIN"));
        QCOMPARE(p.first().value, QStringLiteral("VCALENDAR"));
        QCOMPARE(p.last().value, QStringLiteral("VCALENDAR"));
        QCOMPARE(valuesOf(p, QStringLiteral("VERSION")), QStringList { QStringLiteral("2.0") });
        QCOMPARE(valuesOf(p, QStringLiteral("PRODID")).size(), 1);
        QCOMPARE(valuesOf(p, QStringLiteral("BEGIN")).count(QStringLiteral("VEVENT")), 2);
        QCOMPARE(valuesOf(p, QStringLiteral("DTSTART")),
            QStringList(
                { QStringLiteral("20261208T080000Z"), QStringLiteral("20261210T080000Z") }));
        QCOMPARE(valuesOf(p, QStringLiteral("DTEND")),
            QStringList(
                { QStringLiteral("20261208T160000Z"), QStringLiteral("20261210T200000Z") }));
        QCOMPARE(valuesOf(p, QStringLiteral("DTSTAMP")),
            QStringList(2, QStringLiteral("20261205T180000Z")));
        const QStringList summaries = valuesOf(p, QStringLiteral("SUMMARY"));
        QCOMPARE(unescape(summaries.at(1)),
            QStringLiteral("On call: %1 (%2)").arg(standIn.policyName, standIn.teamName));
        // Escaped commas and semicolons in the raw value; none left bare.
        QVERIFY(!summaries.at(1).contains(QRegularExpression(QStringLiteral("[^\\\\][,;]"))));
        const QStringList descriptions = valuesOf(p, QStringLiteral("DESCRIPTION"));
        QVERIFY(unescape(descriptions.at(1)).endsWith(QStringLiteral("\nInstead of ann")));
        QVERIFY(descriptions.at(1).contains(QStringLiteral("\\n")));

        // UIDs: one per shift, the same when written again later.
        const QStringList uids = valuesOf(p, QStringLiteral("UID"));
        QCOMPARE(uids.size(), 2);
        QVERIFY(uids.at(0) != uids.at(1));
        const QList<Property> again
            = parse(ical::calendar(shifts, QStringLiteral("Dmitri"), Stamp.addDays(1)));
        QCOMPARE(valuesOf(again, QStringLiteral("UID")), uids);
    }

    void fileKeptUpToDate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sub/my-shifts.ics"));
        OnCallModel model;
        model.setUsername(QStringLiteral("dmitri"));
        model.setClock([] { return Stamp; });
        ShiftCalendarFile file(&model, path);
        QSignalSpy written(&file, &ShiftCalendarFile::written);

        const QDateTime start(QDate(2026, 12, 8), QTime(9, 0), QTimeZone::utc());
        model.setMyShifts({ shift(QStringLiteral("SRE Primary"), start, 8) });
        QVERIFY(!QFile::exists(path)); // off by default
        QCOMPARE(written.count(), 0);

        file.setEnabled(true);
        QCOMPARE(written.count(), 1);
        QFile one(path);
        QVERIFY(one.open(QIODevice::ReadOnly));
        QCOMPARE(valuesOf(parse(one.readAll()), QStringLiteral("DTSTART")),
            QStringList { QStringLiteral("20261208T090000Z") });
        one.close();

        // A change of the schedule rewrites it; the same shifts again do not.
        model.setMyShifts({ shift(QStringLiteral("SRE Primary"), start.addDays(1), 8) });
        QCOMPARE(written.count(), 2);
        model.setMyShifts({ shift(QStringLiteral("SRE Primary"), start.addDays(1), 8) });
        QCOMPARE(written.count(), 2);
        QVERIFY(one.open(QIODevice::ReadOnly));
        QCOMPARE(valuesOf(parse(one.readAll()), QStringLiteral("DTSTART")),
            QStringList { QStringLiteral("20261209T090000Z") });
        one.close();

        // A place that cannot be written says so in words.
        ShiftCalendarFile bad(&model, path + QStringLiteral("/inside-a-file.ics"));
        bad.setEnabled(true);
        QVERIFY(!bad.error().isEmpty());
        QVERIFY(bad.error().startsWith(QStringLiteral("Could not")));
    }
};

QTEST_MAIN(TestICalendar)
#include "tst_icalendar.moc"
