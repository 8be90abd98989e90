// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Rota's texts in each language it ships: plural forms read right (English too, where texts are
// written "%n alert(s)"), German is installed for "de", the pseudo-locale accents and lengthens
// every text and keeps its placeholders. Each language runs in a process of its own (translators
// are installed for the life of the application): ctest passes the test function to run.
#include "displayformat.h"
#include "incidentdetailpane.h"
#include "mainview.h"
#include "pagingpolicymodel.h"
#include "rotatranslations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>

using namespace rota;

class TestI18n : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void english();
    void unknownLanguage();
    void german();
    void pseudo();
    void dates();
};

// Without any install() call: the English plural forms are there from the start, as in every
// test and in rotactl.
void TestI18n::english()
{
    QCOMPARE(IncidentDetailPane::alertCountText(1), QStringLiteral("1 alert"));
    QCOMPARE(IncidentDetailPane::alertCountText(2), QStringLiteral("2 alerts"));
    QCOMPARE(PagingPolicyModel::minutesText(1), QStringLiteral("1 minute"));
    QCOMPARE(PagingPolicyModel::minutesText(5), QStringLiteral("5 minutes"));
    QCOMPARE(QCoreApplication::translate(
                 "rota::TrayController", "%n incident(s) paging you", nullptr, 1),
        QStringLiteral("1 incident paging you"));
    QCOMPARE(QCoreApplication::translate(
                 "rota::UserImportDialog", "%n user(s) (was|were) not added.", nullptr, 3),
        QStringLiteral("3 users were not added."));

    QString error;
    QVERIFY2(Translations::install(QStringLiteral("en"), &error), qPrintable(error));
    QCOMPARE(Translations::current(), QStringLiteral("en"));
    QCOMPARE(MainView::all().constFirst().title, QStringLiteral("Incidents"));
    QCOMPARE(IncidentDetailPane::alertCountText(1), QStringLiteral("1 alert"));
}

void TestI18n::unknownLanguage()
{
    QString error;
    QVERIFY(!Translations::install(QStringLiteral("xx"), &error));
    QVERIFY2(error.contains(QLatin1String("xx")), qPrintable(error));
    QCOMPARE(IncidentDetailPane::alertCountText(2), QStringLiteral("2 alerts"));
}

void TestI18n::german()
{
    QString error;
    QVERIFY2(Translations::install(QStringLiteral("de"), &error), qPrintable(error));
    QCOMPARE(Translations::current(), QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    // Qt's own texts too, where Qt's translations are installed (scripts/dev installs them).
    if (QFile::exists(
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QCOMPARE(
            QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    QCOMPARE(IncidentDetailPane::alertCountText(1), QStringLiteral("1 Alarm"));
    QCOMPARE(IncidentDetailPane::alertCountText(2), QStringLiteral("2 Alarme"));
    QCOMPARE(PagingPolicyModel::minutesText(1), QStringLiteral("1 Minute"));
    QCOMPARE(PagingPolicyModel::minutesText(5), QStringLiteral("5 Minuten"));
}

void TestI18n::pseudo()
{
    QString error;
    QVERIFY2(Translations::install(QStringLiteral("pseudo"), &error), qPrintable(error));
    QCOMPARE(Translations::current(), QStringLiteral("pseudo"));
    const QString title = MainView::all().constFirst().title; // "Incidents"
    QVERIFY2(
        title.startsWith(QLatin1Char('[')) && title.endsWith(QLatin1Char(']')), qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("Îñçîđéñţš")), qPrintable(title));
    QVERIFY2(title.size() >= QStringLiteral("Incidents").size() * 13 / 10, qPrintable(title));
    // Placeholders survive, and the count is put in.
    const QString alerts = IncidentDetailPane::alertCountText(2);
    QVERIFY2(alerts.startsWith(QStringLiteral("[2 ")), qPrintable(alerts));
    QVERIFY2(alerts.contains(QStringLiteral("àĺéŕţš")), qPrintable(alerts));
    const QString signedIn
        = QCoreApplication::translate("rota::UserCsv", "The %1 is empty.").arg(QStringLiteral("X"));
    QVERIFY2(signedIn.contains(QLatin1String(" X ")), qPrintable(signedIn));
}

// Display formats: Rota's own in English and C (what the other tests read), the locale's order
// and words elsewhere.
void TestI18n::dates()
{
    const QLocale c(QLocale::C);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const char* pattern : { "HH:mm", "yyyy-MM-dd HH:mm", "ddd d MMM HH:mm", "d MMM yyyy" }) {
        QCOMPARE(displayFormat(QLatin1String(pattern), c), QLatin1String(pattern));
        QCOMPARE(displayFormat(QLatin1String(pattern), english), QLatin1String(pattern));
    }
    const QDateTime monday(QDate(2026, 1, 5), QTime(9, 30));
    QCOMPARE(c.toString(monday, displayFormat(QStringLiteral("ddd d MMM HH:mm"), c)),
        QStringLiteral("Mon 5 Jan 09:30"));

    const QLocale german(QLocale::German, QLocale::Germany);
    const QString dayMonth
        = german.toString(monday, displayFormat(QStringLiteral("d MMM"), german));
    QVERIFY2(dayMonth.startsWith(QLatin1String("5. Jan")), qPrintable(dayMonth));
    QVERIFY2(!dayMonth.contains(QLatin1String("2026")), qPrintable(dayMonth));
    const QString full
        = german.toString(monday, displayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"), german));
    QVERIFY2(full.startsWith(QLatin1String("Mo")) && full.contains(QLatin1String("5. Jan"))
            && full.contains(QLatin1String("2026")) && full.endsWith(QLatin1String("09:30")),
        qPrintable(full));
    QCOMPARE(german.toString(monday, displayFormat(QStringLiteral("yyyy-MM-dd"), german)),
        german.toString(monday.date(), QLocale::ShortFormat));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
