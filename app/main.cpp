// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The rota executable. Wiring only: a run of Rota is a RotaApp; everything with behaviour is a
// class of its own.
#include "commandline.h"
#include "heaptrim.h"
#include "quitcontroller.h"
#include "rotaapp.h"
#include "rotatranslations.h"
#include "shutdownsignals.h"
#include "singleinstance.h"
#include "startupprobe.h"

#include <QApplication>

#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
    rota::StartupProbe::mark("main");
    QCoreApplication::setApplicationName(QStringLiteral("Rota"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rota"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROTA_VERSION));

    if (rota::CommandLine::isInformational(argc, argv)) {
        const QCoreApplication app(argc, argv);
        rota::CommandLine::parse(app); // prints and exits
        return 0;
    }

    rota::HeapTrim::configureAllocator();
    QApplication app(argc, argv);
    rota::StartupProbe::mark("qapplication");
    QGuiApplication::setDesktopFileName(QStringLiteral("rota"));
    const rota::CommandLine options = rota::CommandLine::parse(app);
    // Before any window is built: every text is translated as it is made.
    QString languageError;
    if (!rota::Translations::install(options.language, &languageError))
        std::fprintf(stderr, "rota: %s\n", qPrintable(languageError));
    // SIGTERM, SIGINT and SIGHUP quit the way File › Quit does (handled from the start; the
    // event loop reports them once it runs).
    const rota::ShutdownSignals shutdownSignals;

    // One Rota per user: a second launch hands over to the first and leaves. The demo has its own
    // instance, so it runs beside a signed-in Rota; screenshots run whatever else runs.
    std::unique_ptr<rota::SingleInstance> instance;
    if (options.screenshotDir.isEmpty()) {
        instance = std::make_unique<rota::SingleInstance>(
            rota::SingleInstance::defaultName(options.demo));
        const QString message = options.incident.isEmpty()
            ? QString::fromLatin1(rota::SingleInstance::ShowMessage)
            : QStringLiteral("open ") + options.incident;
        if (instance->start(message) == rota::SingleInstance::Role::Secondary)
            return 0;
    }
    rota::StartupProbe::mark("single-instance");

    rota::RotaApp rota(options);
    QObject::connect(&shutdownSignals, &rota::ShutdownSignals::received, rota.quitController(),
        &rota::QuitController::requestQuit);
    if (instance)
        QObject::connect(instance.get(), &rota::SingleInstance::messageReceived, &rota,
            &rota::RotaApp::handleMessage);
    QString error;
    if (!rota.start(&error)) {
        std::fprintf(stderr, "rota: cannot start the demo simulator: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
