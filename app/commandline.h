// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QString>

class QCoreApplication;

namespace rota {

//! What `rota` was asked to do on its command line.
struct CommandLine {
    bool demo = false; //!< run against an in-process rota-sim with the demo org
    bool minimized = false; //!< start without showing the window in front
    QString screenshotDir; //!< developer option: render each view there as PNG, then quit
    QString incident; //!< an incident number to open (in the running Rota, if there is one)
    //! --language: one of Translations::languages(), or empty for the user's own (ROTA_LANGUAGE,
    //! else the system's)
    QString language;

    //! True when argv asks only for --help or --version, which must be answered without a display
    //! (QApplication would refuse to start without one).
    static bool isInformational(int argc, char** argv);

    //! Parses app.arguments(). Prints help, the version or the error and exits the process for
    //! --help, --version and bad options, as command-line tools do.
    static CommandLine parse(const QCoreApplication& app);
};

} // namespace rota
