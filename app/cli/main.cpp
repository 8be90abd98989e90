// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl: the command-line client over rota_api. Everything but the application object lives in
// rotactl_lib: run.cpp reads the command line, cmd_*.cpp hold the verbs.

#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    const QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rotactl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROTA_VERSION));
    return rota::cli::run(QCoreApplication::arguments().mid(1));
}
