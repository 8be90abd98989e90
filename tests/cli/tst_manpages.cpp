// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The manual pages the build writes (rota.1.gz, rotactl.1.gz, rota-sim.1.gz): compressed
// reproducibly, rendered by groff without a warning, with the sections a manual page has, and
// naming every option each program's --help lists and every resource, verb and option of
// rotactl's command table. Also the roff writer's escaping (rota_manpage).

#include "cli.h"
#include "manpage.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace rota;
using namespace rota::cli;

namespace {

struct Output {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Output runProgram(const QString& program, const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(program, args);
    Output output;
    if (!process.waitForStarted(10000))
        return output;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

QString pagePath(const QString& name)
{
    if (name == QLatin1String("rota"))
        return QStringLiteral(ROTA_MAN_PATH);
    if (name == QLatin1String("rotactl"))
        return QStringLiteral(ROTACTL_MAN_PATH);
    return QStringLiteral(ROTA_SIM_MAN_PATH);
}

QString programPath(const QString& name)
{
    if (name == QLatin1String("rota"))
        return QStringLiteral(ROTA_PATH);
    if (name == QLatin1String("rotactl"))
        return QStringLiteral(ROTACTL_PATH);
    return QStringLiteral(ROTA_SIM_PATH);
}

//! The page as the build wrote it, uncompressed; empty on failure (with a QTest failure).
QByteArray roffOf(const QString& name)
{
    QFile file(pagePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Output gunzip
        = runProgram(QStringLiteral("gzip"), { QStringLiteral("-dc") }, file.readAll());
    return gunzip.exitCode == 0 ? gunzip.out : QByteArray();
}

//! The page rendered as plain text, wide and unhyphenated so that no name is broken.
QString rendered(const QByteArray& roff)
{
    const Output groff = runProgram(QStringLiteral("groff"),
        { QStringLiteral("-man"), QStringLiteral("-Tascii"), QStringLiteral("-rLL=250n"),
            QStringLiteral("-rHY=0"), QStringLiteral("-P-cbou") },
        roff);
    return groff.exitCode == 0 ? QString::fromLatin1(groff.out) : QString();
}

//! The option names (e.g. "-v", "--version") of the Options: part of a program's --help.
QStringList helpOptions(const QString& help)
{
    QStringList names;
    static const QRegularExpression line(
        QStringLiteral("^  (-[^ ].*?)(?:  |$)"), QRegularExpression::MultilineOption);
    static const QRegularExpression name(QStringLiteral("(?:^|, )(--?[A-Za-z?][A-Za-z0-9-]*)"));
    for (auto lines = line.globalMatch(help); lines.hasNext();) {
        const QString head = lines.next().captured(1);
        for (auto names_ = name.globalMatch(head); names_.hasNext();)
            names.append(names_.next().captured(1));
    }
    return names;
}

} // namespace

class TestManPages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void escapes()
    {
        QCOMPARE(ManPage::escape(QStringLiteral("--json -x")), QStringLiteral("\\-\\-json \\-x"));
        QCOMPARE(ManPage::escape(QStringLiteral("a\\b")), QStringLiteral("a\\eb"));
        QCOMPARE(ManPage::escape(QStringLiteral("/api/v1")), QStringLiteral("/\\:api/\\:v1"));
        QCOMPARE(ManPage::escape(QStringLiteral("https://a/b")), QStringLiteral("https://a/\\:b"));
        QCOMPARE(ManPage::escape(QStringLiteral(".TH oops\n'br\nok. 'quoted'")),
            QStringLiteral("\\&.TH oops\n\\&'br\nok. 'quoted'"));
        QCOMPARE(ManPage::escape(QStringLiteral("cut with \u2026")),
            QStringLiteral("cut with \\[u2026]"));
        QCOMPARE(ManPage::escape(QStringLiteral("tab\there\x01")), QStringLiteral("tab here"));
    }

    //! A help text that looks like roff stays text: the rendered page shows it as it was written.
    void hostileTextRendersAsText()
    {
        ManPage page(QStringLiteral("demo"), QStringLiteral("1.0"), QStringLiteral("a test"));
        page.addSynopsis(QStringLiteral("[--flag]"));
        page.section(QStringLiteral("DESCRIPTION"));
        page.paragraph(QStringLiteral(".SH INJECTED\n'\\fB not bold \\\\ \u00e9t\u00e9 -- end"));
        page.item(QStringLiteral("--option"), QStringLiteral("VALUE"), QStringLiteral(".br"));
        const QByteArray roff = page.toRoff().toUtf8();
        const Output check = runProgram(QStringLiteral("groff"),
            { QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z") }, roff);
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.err.isEmpty(), check.err.constData());
        const Output utf8 = runProgram(QStringLiteral("groff"),
            { QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-rLL=250n"),
                QStringLiteral("-P-cbou") },
            roff);
        const QString text = QString::fromUtf8(utf8.out);
        QVERIFY2(text.contains(QStringLiteral(".SH INJECTED")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("\\fB not bold \\\\ \u00e9t\u00e9")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("\nINJECTED")), qPrintable(text));
    }

    void pages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("rota") << QStringLiteral("rota");
        QTest::newRow("rotactl") << QStringLiteral("rotactl");
        QTest::newRow("rota-sim") << QStringLiteral("rota-sim");
    }

    //! Compressed without a name or time (gzip -n), rendered without warnings, with its sections.
    void pages()
    {
        QFETCH(QString, name);
        QFile file(pagePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray gz = file.readAll();
        QVERIFY(gz.size() > 10);
        QCOMPARE(static_cast<unsigned char>(gz.at(0)), 0x1fU);
        QCOMPARE(static_cast<unsigned char>(gz.at(1)), 0x8bU);
        QCOMPARE(gz.at(3) & 0x08, 0); // no file name
        QCOMPARE(gz.mid(4, 4), QByteArray(4, '\0')); // no time stamp

        const QByteArray roff = roffOf(name);
        QVERIFY(!roff.isEmpty());
        // The page is what the program prints now.
        const Output printed = runProgram(programPath(name), { QStringLiteral("--man-page") });
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(printed.out, roff);
        // ASCII only: groff reads it the same with or without preconv.
        for (const char c : roff)
            QVERIFY2(static_cast<unsigned char>(c) < 0x80, "a character outside ASCII");

        // At the width man uses on an 80-column terminal: no line that cannot be broken.
        const Output check = runProgram(QStringLiteral("groff"),
            { QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                QStringLiteral("-Tutf8"), QStringLiteral("-rLL=78n") },
            roff);
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.err.isEmpty(), check.err.constData());

        const QString text = rendered(roff);
        QStringList sections { QStringLiteral("NAME"), QStringLiteral("SYNOPSIS"),
            QStringLiteral("DESCRIPTION"), QStringLiteral("OPTIONS"), QStringLiteral("EXIT STATUS"),
            QStringLiteral("SEE ALSO") };
        if (name == QLatin1String("rotactl"))
            sections << QStringLiteral("COMMANDS") << QStringLiteral("ENVIRONMENT")
                     << QStringLiteral("FILES");
        for (const QString& section : sections) {
            QVERIFY2(text.contains(QLatin1Char('\n') + section + QLatin1Char('\n')),
                qPrintable(name + QStringLiteral(": no section ") + section));
        }
        QVERIFY2(text.contains(name + QStringLiteral(" - ")), qPrintable(text.left(400)));
        for (const QString& other :
            { QStringLiteral("rota"), QStringLiteral("rotactl"), QStringLiteral("rota-sim") }) {
            if (other != name)
                QVERIFY2(text.contains(other + QStringLiteral("(1)")), qPrintable(other));
        }
        // No roff escape came through as text.
        QVERIFY2(!text.contains(QLatin1String("\\f")) && !text.contains(QLatin1String("\\[u"))
                && !text.contains(QLatin1String("\\-")),
            qPrintable(text));
    }

    void everyHelpOptionIsInThePage_data() { pages_data(); }

    //! Each option --help lists (Qt's --help and --help-all too) is an item of the page.
    void everyHelpOptionIsInThePage()
    {
        QFETCH(QString, name);
        const Output help = runProgram(programPath(name), { QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        const QString text = rendered(roffOf(name));
        QStringList options = helpOptions(QString::fromUtf8(help.out));
        if (name == QLatin1String("rotactl")) {
            // rotactl's help lists its global options the same way; --version is among them.
            QVERIFY2(options.contains(QStringLiteral("--version")),
                qPrintable(options.join(QLatin1Char(' '))));
        } else {
            QVERIFY2(options.size() >= 5, qPrintable(options.join(QLatin1Char(' '))));
            QVERIFY(options.contains(QStringLiteral("--help-all")));
        }
        for (const QString& option : options) {
            static const QRegularExpression item(
                QStringLiteral("^ {7}(.*)$"), QRegularExpression::MultilineOption);
            bool found = false;
            for (auto items = item.globalMatch(text); items.hasNext() && !found;) {
                static const QRegularExpression separators(QStringLiteral("[ ,]+"));
                found = items.next().captured(1).split(separators).contains(option);
            }
            QVERIFY2(found, qPrintable(name + QStringLiteral(": no item for ") + option));
        }
        QVERIFY2(!text.contains(QLatin1String("--man-page")), "the hidden option is in the page");
    }

    //! Every resource, every verb with its arguments and every option of rotactl's command table.
    void rotactlCommands()
    {
        const QString text = rendered(roffOf(QStringLiteral("rotactl")));
        QVERIFY(!text.isEmpty());
        int verbs = 0;
        for (const Resource& resource : registry().resources()) {
            QVERIFY2(text.contains(QStringLiteral("\n   ") + resource.name + QLatin1Char('\n')),
                qPrintable(resource.name));
            for (const Verb& verb : resource.verbs) {
                const QString tag = QStringLiteral("\n       ") + resource.name + QLatin1Char(' ')
                    + verb.name
                    + (verb.synopsis.isEmpty() ? QString() : QLatin1Char(' ') + verb.synopsis);
                const qsizetype at = text.indexOf(tag + QLatin1Char('\n'));
                QVERIFY2(at >= 0, qPrintable(tag));
                // Its options follow it, before the next verb's tag.
                const qsizetype next
                    = text.indexOf(QRegularExpression(QStringLiteral("\n {7}[a-z]")), at + 1);
                const QString own = text.mid(at, next < 0 ? -1 : next - at);
                for (const OptionSpec& option : verb.options) {
                    QVERIFY2(own.contains(QStringLiteral("--") + option.name),
                        qPrintable(resource.name + QLatin1Char(' ') + verb.name
                            + QStringLiteral(" --") + option.name));
                }
                ++verbs;
            }
        }
        QVERIFY(verbs > 50);
        for (const OptionSpec& option : globalOptions())
            QVERIFY2(text.contains(QStringLiteral("\n       --") + option.name),
                qPrintable(option.name));
        QVERIFY(text.contains(QLatin1String("VO_API_KEY")));
        QVERIFY(text.contains(QLatin1String("completion bash|zsh|fish")));
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
