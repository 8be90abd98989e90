// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "commandline.h"

#include "manpage.h"
#include "rotatranslations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace rota {

bool CommandLine::isInformational(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        for (const char* option :
            { "-h", "--help", "-?", "--help-all", "-v", "--version", "--man-page" }) {
            if (std::strcmp(arg, option) == 0)
                return true;
        }
    }
    return false;
}

namespace {

//! rota's manual page: the description and options of its --help, its files and exit status.
QString manualPage(const QString& description, const QList<QCommandLineOption>& options)
{
    ManPage page(QStringLiteral("rota"), QStringLiteral(ROTA_VERSION),
        QCoreApplication::translate(
            "rota::CommandLine", "desktop on-call console for Splunk On-Call (VictorOps)"));
    page.addSynopsis(QCoreApplication::translate("rota::CommandLine", "[options]"));
    page.section(QCoreApplication::translate("rota::CommandLine", "DESCRIPTION"));
    page.paragraph(description);
    page.paragraph(QCoreApplication::translate("rota::CommandLine",
        "Rota shows the incidents, who is on call and the schedules of a Splunk "
        "On-Call organisation, alerts when you are paged, and lets you acknowledge, "
        "resolve and reroute incidents from its window, its tray icon or a desktop "
        "notification. It keeps running in the tray when the window is closed.\n\n"
        "One Rota runs per user: starting it again brings the running one to the "
        "front (with --incident, opens that incident there). The demo (--demo) runs "
        "beside it, against a built-in simulator.\n\n"
        "Accounts (an organisation's API ID, the user Rota acts as and the API's "
        "address) are shared with rotactl(1); their API keys are kept in the "
        "desktop's keychain (Secret Service), never in a file."));
    page.section(QCoreApplication::translate("rota::CommandLine", "OPTIONS"));
    page.options(options);
    page.section(QCoreApplication::translate("rota::CommandLine", "FILES"));
    page.item(QStringLiteral("~/.config/Rota/rota.conf"), {},
        QCoreApplication::translate("rota::CommandLine",
            "Settings and the saved accounts, shared with rotactl (no keys). $XDG_CONFIG_HOME "
            "takes the place of ~/.config."));
    page.item(QStringLiteral("~/.local/share/rota/history/"), {},
        QCoreApplication::translate("rota::CommandLine",
            "The incident history kept for each account (SQLite), also read and synced by "
            "rotactl. $XDG_DATA_HOME takes the place of ~/.local/share."));
    page.item(QStringLiteral("~/.local/share/Rota/Rota/logs/"), {},
        QCoreApplication::translate("rota::CommandLine", "The log of recent runs (without keys)."));
    page.item(QStringLiteral("~/.local/share/Rota/Rota/my-shifts.ics"), {},
        QCoreApplication::translate("rota::CommandLine",
            "Your on-call shifts as a calendar file, when that setting is on."));
    page.item(QStringLiteral("~/.config/autostart/rota.desktop"), {},
        QCoreApplication::translate(
            "rota::CommandLine", "Starts Rota at login, when that setting is on."));
    page.section(QCoreApplication::translate("rota::CommandLine", "EXIT STATUS"));
    page.item(QStringLiteral("0"), {},
        QCoreApplication::translate(
            "rota::CommandLine", "Rota was quit, or handed over to the Rota already running."));
    page.item(QStringLiteral("1"), {},
        QCoreApplication::translate(
            "rota::CommandLine", "A wrong option, or the demo's simulator could not start."));
    page.seeAlso({ QStringLiteral("rotactl"), QStringLiteral("rota-sim") });
    return page.toRoff();
}

} // namespace

CommandLine CommandLine::parse(const QCoreApplication& app)
{
    QCommandLineParser parser;
    const QString description = QCoreApplication::translate(
        "rota::CommandLine", "Rota: a desktop on-call console for Splunk On-Call (VictorOps).");
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    // Qt's own version option would print the display name ("Rota 0.1.0"); the command is "rota".
    const QCommandLineOption version({ QStringLiteral("v"), QStringLiteral("version") },
        QCoreApplication::translate("rota::CommandLine", "Displays version information."));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("rota::CommandLine",
            "Run against a built-in simulator with a demo org; no account needed."));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
        QCoreApplication::translate("rota::CommandLine", "Start minimized."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("rota::CommandLine",
            "Developer option: once connected (or after 5 s), save a picture of each view to "
            "DIR/<view>.png and quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption incident(QStringLiteral("incident"),
        QCoreApplication::translate("rota::CommandLine",
            "Open this incident (its number), in the running Rota if there is one."),
        QStringLiteral("NUMBER"));
    const QCommandLineOption language(QStringLiteral("language"),
        QCoreApplication::translate("rota::CommandLine",
            "Show Rota in this language (%1) instead of the system's; \"pseudo\" shows every "
            "text accented and longer, to find what is not translated or does not fit. The "
            "ROTA_LANGUAGE environment variable does the same.")
            .arg(Translations::languages().join(QStringLiteral(", "))),
        QStringLiteral("LANGUAGE"));
    const QList<QCommandLineOption> options { version, demo, minimized, screenshot, incident,
        language };
    parser.addOptions(options);
    QCommandLineOption manPage(QStringLiteral("man-page"),
        QCoreApplication::translate("rota::CommandLine", "Print the manual page (roff) and exit."));
    manPage.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(manPage);
    parser.process(app);

    if (parser.isSet(manPage)) {
        const QByteArray page = manualPage(
            description, QList<QCommandLineOption> { help, ManPage::qtHelpAllOption() } + options)
                                    .toUtf8();
        std::fwrite(page.constData(), 1, static_cast<std::size_t>(page.size()), stdout);
        std::exit(EXIT_SUCCESS);
    }

    if (parser.isSet(version)) {
        std::printf("rota %s\n", ROTA_VERSION);
        std::exit(EXIT_SUCCESS);
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "rota: unexpected argument '%s'; see rota --help\n",
            qPrintable(parser.positionalArguments().constFirst()));
        std::exit(EXIT_FAILURE);
    }
    CommandLine result;
    result.demo = parser.isSet(demo);
    result.minimized = parser.isSet(minimized);
    result.screenshotDir = parser.value(screenshot);
    result.incident = parser.value(incident);
    result.language = parser.value(language);
    if (!result.language.isEmpty() && !Translations::languages().contains(result.language)) {
        std::fprintf(stderr, "rota: --language wants one of %s, not '%s'\n",
            qPrintable(Translations::languages().join(QStringLiteral(", "))),
            qPrintable(result.language));
        std::exit(EXIT_FAILURE);
    }
    bool isNumber = result.incident.isEmpty();
    if (!isNumber)
        result.incident.toULongLong(&isNumber);
    if (!isNumber) {
        std::fprintf(stderr, "rota: --incident wants an incident number, not '%s'\n",
            qPrintable(result.incident));
        std::exit(EXIT_FAILURE);
    }
    return result;
}

} // namespace rota
