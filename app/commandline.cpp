// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "commandline.h"

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
        for (const char* option : { "-h", "--help", "-?", "--help-all", "-v", "--version" }) {
            if (std::strcmp(arg, option) == 0)
                return true;
        }
    }
    return false;
}

CommandLine CommandLine::parse(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "rota::CommandLine", "Rota: a desktop on-call console for Splunk On-Call (VictorOps)."));
    parser.addHelpOption();
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
    parser.addOptions({ version, demo, minimized, screenshot, incident });
    parser.process(app);

    if (parser.isSet(version)) {
        std::printf("rota %s\n", ROTA_VERSION);
        std::exit(EXIT_SUCCESS);
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "rota: unexpected argument '%s'; see rota --help\n",
            qPrintable(parser.positionalArguments().constFirst()));
        std::exit(EXIT_FAILURE);
    }
    CommandLine options;
    options.demo = parser.isSet(demo);
    options.minimized = parser.isSet(minimized);
    options.screenshotDir = parser.value(screenshot);
    options.incident = parser.value(incident);
    bool isNumber = options.incident.isEmpty();
    if (!isNumber)
        options.incident.toULongLong(&isNumber);
    if (!isNumber) {
        std::fprintf(stderr, "rota: --incident wants an incident number, not '%s'\n",
            qPrintable(options.incident));
        std::exit(EXIT_FAILURE);
    }
    return options;
}

} // namespace rota
