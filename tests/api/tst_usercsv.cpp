// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UserCsv: reading a CSV file of new users, its header, quoting and encodings, each row's checks,
// and files that are wrong, hostile or too large.

#include "usercsv.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;

namespace {

const QByteArray kHeader = QByteArrayLiteral("username,email,first name,last name\n");

QByteArray userLine(int i)
{
    return QStringLiteral("user%1,user%1@example.com,First%1,Last%1\n").arg(i).toUtf8();
}

} // namespace

class TestUserCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsAPlainFile()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ada.lovelace,ada@example.com,Ada,Lovelace\n"
              "grace_hopper,grace@example.com,Grace,Hopper\n");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 2);
        QCOMPARE(result.validCount(), 2);
        QCOMPARE(result.rows.at(0).line, 2);
        QCOMPARE(result.rows.at(1).line, 3);
        const UserPayload& ada = result.rows.at(0).user;
        QCOMPARE(ada.username, QStringLiteral("ada.lovelace"));
        QCOMPARE(ada.email, QStringLiteral("ada@example.com"));
        QCOMPARE(ada.firstName, QStringLiteral("Ada"));
        QCOMPARE(ada.lastName, QStringLiteral("Lovelace"));
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.validUsers().size(), 2);
    }

    void headerSpellingsAndOrder_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("row");
        QTest::newRow("camel case") << QByteArrayLiteral("firstName,lastName,username,email")
                                    << QByteArrayLiteral("Ada,Lovelace,ada,ada@example.com");
        QTest::newRow("snake case") << QByteArrayLiteral("Last_Name,First_Name,E-Mail,User Name")
                                    << QByteArrayLiteral("Lovelace,Ada,ada@example.com,ada");
        QTest::newRow("words") << QByteArrayLiteral("Email Address, Surname ,Given name,Login")
                               << QByteArrayLiteral("ada@example.com,Lovelace,Ada,ada");
        QTest::newRow("quoted header")
            << QByteArrayLiteral("\"username\",\"email\",\"first name\",\"last name\"")
            << QByteArrayLiteral("ada,ada@example.com,Ada,Lovelace");
    }
    void headerSpellingsAndOrder()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, row);
        const UserCsvResult result = UserCsv::parse(header + '\n' + row + '\n');
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 1);
        QVERIFY2(result.rows.at(0).isValid(),
            qPrintable(result.rows.at(0).problems.join(QLatin1Char(' '))));
        QCOMPARE(result.rows.at(0).user.username, QStringLiteral("ada"));
        QCOMPARE(result.rows.at(0).user.email, QStringLiteral("ada@example.com"));
        QCOMPARE(result.rows.at(0).user.firstName, QStringLiteral("Ada"));
        QCOMPARE(result.rows.at(0).user.lastName, QStringLiteral("Lovelace"));
    }

    void unknownColumnsAreIgnoredAndSaid()
    {
        const UserCsvResult result
            = UserCsv::parse("username,department,email,first name,last name,\n"
                             "ada,Engineering,ada@example.com,Ada,Lovelace,\n");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.validCount(), 1);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.at(0).contains(QLatin1String("\"department\"")),
            qPrintable(result.warnings.at(0)));
        QVERIFY2(result.warnings.at(0).contains(QLatin1String("column 6 (no name)")),
            qPrintable(result.warnings.at(0)));
    }

    void missingColumnsAreNamed()
    {
        UserCsvResult result = UserCsv::parse("username,email,name\nada,ada@example.com,Ada\n");
        QVERIFY(!result.ok());
        QVERIFY(result.rows.isEmpty());
        QVERIFY2(result.error.contains(QLatin1String("first name and last name")),
            qPrintable(result.error));

        // A file without a header: its first row is read as one, and found wanting.
        result = UserCsv::parse("ada,ada@example.com,Ada,Lovelace\n");
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("username, email, first name and last name")),
            qPrintable(result.error));
    }

    void aColumnNamedTwiceIsRefused()
    {
        const UserCsvResult result
            = UserCsv::parse("username,email,first name,last name,e-mail\n"
                             "ada,ada@example.com,Ada,Lovelace,other@example.com\n");
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("email column twice (columns 2 and 5)")),
            qPrintable(result.error));
    }

    void quotedFields()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ada,ada@example.com,\"Ada, Countess\",\"Lovelace \"\"Byron\"\"\"\n"
              "grace,grace@example.com, \"Grace\" ,Hopper\n");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 2);
        QCOMPARE(result.rows.at(0).user.firstName, QStringLiteral("Ada, Countess"));
        QCOMPARE(result.rows.at(0).user.lastName, QStringLiteral("Lovelace \"Byron\""));
        QVERIFY(result.rows.at(0).isValid());
        QCOMPARE(result.rows.at(1).user.firstName, QStringLiteral("Grace"));
    }

    void lineBreaksInsideQuotes()
    {
        // The value is read whole; a name with a line break is a problem of its row, and the
        // rows after it keep their own line numbers.
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ada,ada@example.com,\"Ada\nAugusta\",Lovelace\n"
              "grace,grace@example.com,Grace,Hopper\n");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 2);
        QCOMPARE(result.rows.at(0).user.firstName, QStringLiteral("Ada\nAugusta"));
        QCOMPARE(result.rows.at(0).line, 2);
        QVERIFY(!result.rows.at(0).isValid());
        QVERIFY2(result.rows.at(0).problems.at(0).contains(QLatin1String("line break")),
            qPrintable(result.rows.at(0).problems.join(QLatin1Char(' '))));
        QCOMPARE(result.rows.at(1).line, 4);
        QVERIFY(result.rows.at(1).isValid());
    }

    void anUnquotedCommaIsSaid()
    {
        const UserCsvResult result
            = UserCsv::parse(kHeader + "ada,ada@example.com,Ada,Lovelace, Countess\n");
        QVERIFY(result.ok());
        QCOMPARE(result.invalidCount(), 1);
        QVERIFY2(result.rows.at(0).problems.at(0).contains(QLatin1String("5 values")),
            qPrintable(result.rows.at(0).problems.join(QLatin1Char(' '))));
    }

    void anUnclosedQuoteRefusesTheFile()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ada,ada@example.com,Ada,Lovelace\n"
              "grace,grace@example.com,\"Grace,Hopper\n"
              "alan,alan@example.com,Alan,Turing\n");
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("line 3 is never closed")),
            qPrintable(result.error));
    }

    void bomCrlfAndBlankLines()
    {
        const UserCsvResult result
            = UserCsv::parse("\xEF\xBB\xBFusername,email,first name,last name\r\n"
                             "\r\n"
                             "ada,ada@example.com,Ada,Lovelace\r\n"
                             ",,,\r\n"
                             "   \r\n"
                             "grace,grace@example.com,Grace,Hopper");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 2);
        QCOMPARE(result.validCount(), 2);
        QCOMPARE(result.rows.at(0).user.username, QStringLiteral("ada"));
        QCOMPARE(result.rows.at(0).user.lastName, QStringLiteral("Lovelace"));
        QCOMPARE(result.rows.at(0).line, 3);
        QCOMPARE(result.rows.at(1).line, 6);
        QCOMPARE(result.rows.at(1).user.lastName, QStringLiteral("Hopper"));
    }

    void semicolonAndTabSeparators_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("semicolon") << QByteArrayLiteral(
            "username;email;first name;last name\nada;ada@example.com;\"Ada; Augusta\";Lovelace\n");
        QTest::newRow("tab") << QByteArrayLiteral(
            "username\temail\tfirst name\tlast name\nada\tada@example.com\tAda; "
            "Augusta\tLovelace\n");
    }
    void semicolonAndTabSeparators()
    {
        QFETCH(QByteArray, data);
        const UserCsvResult result = UserCsv::parse(data);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 1);
        QVERIFY2(result.rows.at(0).isValid(),
            qPrintable(result.rows.at(0).problems.join(QLatin1Char(' '))));
        QCOMPARE(result.rows.at(0).user.firstName, QStringLiteral("Ada; Augusta"));
        QCOMPARE(result.rows.at(0).user.lastName, QStringLiteral("Lovelace"));
    }

    void unicodeNames()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + QStringLiteral("zoe,zoe@example.com,Zo\u00eb,\u00c5ngstr\u00f6m-\u5c71\u7530\n")
                  .toUtf8());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.rows.at(0).isValid());
        QCOMPARE(result.rows.at(0).user.firstName, QStringLiteral("Zo\u00eb"));
        QCOMPARE(
            result.rows.at(0).user.lastName, QStringLiteral("\u00c5ngstr\u00f6m-\u5c71\u7530"));
    }

    void badRowsSayWhyWithTheirLine()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ok.user,ok@example.com,Ok,User\n" // 2
              "bad user,bad@example.com,Bad,User\n" // 3
              ".dot,dot@example.com,Dot,User\n" // 4
              "mail1,not-an-address,Mail,One\n" // 5
              "mail2,two@@example.com,Mail,Two\n" // 6
              "mail3,three@localhost,Mail,Three\n" // 7
              "mail4,fo..ur@example.com,Mail,Four\n" // 8
              ",empty@example.com,,\n" // 9
              "noemail,,No,Email\n"); // 10
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), 9);
        QCOMPARE(result.validCount(), 1);
        const auto problems = [&result](int line) {
            for (const UserCsvRow& row : result.rows) {
                if (row.line == line)
                    return row.problems.join(QLatin1Char(' '));
            }
            return QString();
        };
        QVERIFY2(problems(3).contains(QLatin1String("username \"bad user\" is not allowed")),
            qPrintable(problems(3)));
        QVERIFY2(problems(4).contains(QLatin1String("starting with a letter or digit")),
            qPrintable(problems(4)));
        for (int line : { 5, 6, 7, 8 })
            QVERIFY2(problems(line).contains(QLatin1String("is not an e-mail address")),
                qPrintable(QString::number(line) + QLatin1Char(' ') + problems(line)));
        QVERIFY2(
            problems(9).contains(QLatin1String("The username is empty.")), qPrintable(problems(9)));
        QVERIFY2(problems(9).contains(QLatin1String("The first name is empty.")),
            qPrintable(problems(9)));
        QVERIFY2(problems(9).contains(QLatin1String("The last name is empty.")),
            qPrintable(problems(9)));
        QVERIFY2(problems(10).contains(QLatin1String("The e-mail address is empty.")),
            qPrintable(problems(10)));
    }

    void usernamesTheServiceRefusesAreRefused_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("ada") << true;
        QTest::newRow("dots, dash, underscore") << QStringLiteral("a.b-c_d") << true;
        QTest::newRow("64") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("at") << QStringLiteral("ada@example.com") << false;
        QTest::newRow("leading dash") << QStringLiteral("-ada") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("accent") << QStringLiteral("zo\u00eb") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
    }
    void usernamesTheServiceRefusesAreRefused()
    {
        QFETCH(QString, username);
        QFETCH(bool, valid);
        QCOMPARE(UserCsv::isValidUsername(username), valid);
    }

    void duplicatesInTheFile()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
            + "ada,ada@example.com,Ada,Lovelace\n"
              "ADA,other@example.com,Ada,King\n"
              "grace,Ada@Example.com,Grace,Hopper\n");
        QVERIFY(result.ok());
        QVERIFY(result.rows.at(0).isValid());
        QCOMPARE(result.rows.at(1).problems,
            QStringList { QStringLiteral("The username \"ADA\" is also on line 2.") });
        QCOMPARE(result.rows.at(2).problems,
            QStringList {
                QStringLiteral("The e-mail address Ada@Example.com is also on line 2.") });
    }

    void alreadyInTheOrganisation()
    {
        const UserCsvResult result = UserCsv::parse(kHeader
                + "Dmitri.Petrov,new@example.com,Dmitri,Petrov\n"
                  "newbie,DMITRI@example.com,New,Bie\n"
                  "fresh,fresh@example.com,Fresh,Face\n",
            { QStringLiteral("dmitri.petrov") }, { QStringLiteral("dmitri@example.com") });
        QVERIFY(result.ok());
        QCOMPARE(result.validCount(), 1);
        QVERIFY2(result.rows.at(0)
                     .problems.join(QLatin1Char(' '))
                     .contains(QLatin1String("already has a user named \"Dmitri.Petrov\"")),
            qPrintable(result.rows.at(0).problems.join(QLatin1Char(' '))));
        QVERIFY2(result.rows.at(1)
                     .problems.join(QLatin1Char(' '))
                     .contains(QLatin1String("already has the e-mail address DMITRI@example.com")),
            qPrintable(result.rows.at(1).problems.join(QLatin1Char(' '))));
        QCOMPARE(result.validUsers().constFirst().username, QStringLiteral("fresh"));
    }

    void tenThousandRows()
    {
        QByteArray data = kHeader;
        for (int i = 0; i < UserCsv::MaxRows; ++i)
            data += userLine(i);
        QVERIFY(data.size() < UserCsv::MaxBytes);
        QElapsedTimer timer;
        timer.start();
        const UserCsvResult result = UserCsv::parse(data);
        // Reported, not asserted: the dialog parses on the GUI thread.
        qInfo("10,000 rows parsed in %lld ms", timer.elapsed());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows.size(), UserCsv::MaxRows);
        QCOMPARE(result.validCount(), UserCsv::MaxRows);
        QCOMPARE(result.rows.constLast().line, UserCsv::MaxRows + 1);
    }

    void overTheRowCap()
    {
        QByteArray data = kHeader;
        for (int i = 0; i <= UserCsv::MaxRows; ++i)
            data += userLine(i);
        const UserCsvResult result = UserCsv::parse(data);
        QVERIFY(!result.ok());
        QVERIFY(result.rows.isEmpty());
        QVERIFY2(result.error.contains(QLatin1String("more than 10,000 users")),
            qPrintable(result.error));
    }

    void overTheSizeCap()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kHeader);
        file.write(QByteArray(UserCsv::MaxBytes, 'a'));
        file.close();
        const UserCsvResult result = UserCsv::readFile(path);
        QVERIFY(!result.ok());
        QVERIFY2(
            result.error.contains(QLatin1String("larger than 4 MB")), qPrintable(result.error));
    }

    void notUtf8IsRefusedWithItsLine()
    {
        // "Zoë" in Latin-1: the 0xEB byte is not UTF-8.
        const UserCsvResult result = UserCsv::parse(
            kHeader + "ada,ada@example.com,Ada,Lovelace\nzoe,zoe@example.com,Zo\xEB,Smith\n");
        QVERIFY(!result.ok());
        QVERIFY(result.rows.isEmpty());
        QVERIFY2(result.error.contains(QLatin1String("not UTF-8")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("line 3")), qPrintable(result.error));
        // Overlong forms and lone surrogates are not UTF-8 either.
        QVERIFY(!UserCsv::parse(kHeader + "a,a@example.com,\xC0\xAF,B\n").ok());
        QVERIFY(!UserCsv::parse(kHeader + "a,a@example.com,\xED\xA0\x80,B\n").ok());
        QVERIFY(!UserCsv::parse(kHeader + "a,a@example.com,A,\xE2\x82").ok());
    }

    void emptyFiles()
    {
        for (const QByteArray& data :
            { QByteArray(), QByteArrayLiteral("\xEF\xBB\xBF"), QByteArrayLiteral("\n\r\n  \n") }) {
            const UserCsvResult result = UserCsv::parse(data);
            QVERIFY(!result.ok());
            QVERIFY2(result.error.contains(QLatin1String("empty")), qPrintable(result.error));
        }
        const UserCsvResult headerOnly = UserCsv::parse(kHeader);
        QVERIFY(headerOnly.ok());
        QVERIFY(headerOnly.rows.isEmpty());
        QCOMPARE(headerOnly.warnings.size(), 1);
    }

    void missingFile()
    {
        const UserCsvResult result = UserCsv::readFile(QStringLiteral("/nonexistent/users.csv"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("cannot be read")), qPrintable(result.error));
    }

    void binaryGarbage()
    {
        QRandomGenerator random(42);
        for (int round = 0; round < 50; ++round) {
            QByteArray data(int(random.bounded(1, 20000)), Qt::Uninitialized);
            for (char& c : data)
                c = char(random.bounded(256));
            const UserCsvResult result = UserCsv::parse(data);
            QVERIFY(!result.ok());
            QVERIFY(!result.error.isEmpty());
        }
        // Text without zero bytes or bad UTF-8 but without structure: read or refused in words,
        // never a crash.
        for (int round = 0; round < 50; ++round) {
            QByteArray data(int(random.bounded(1, 20000)), Qt::Uninitialized);
            static const char alphabet[] = "\"\",;\t\r\n a@.";
            for (char& c : data)
                c = alphabet[random.bounded(int(sizeof(alphabet) - 1))];
            const UserCsvResult result = UserCsv::parse(data);
            QCOMPARE(result.ok(), result.error.isEmpty());
            if (!result.ok())
                QVERIFY(result.rows.isEmpty());
            for (const UserCsvRow& row : result.rows)
                QVERIFY(row.line >= 2);
        }
        // A PNG's first bytes, as someone might choose the wrong file.
        const UserCsvResult png = UserCsv::parse(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        QVERIFY(!png.ok());
    }

    void oneVeryWideRowIsRefused()
    {
        const UserCsvResult result = UserCsv::parse(kHeader + QByteArray(3000000, ','));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("does not look like a list of users")),
            qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestUserCsv)
#include "tst_usercsv.moc"
