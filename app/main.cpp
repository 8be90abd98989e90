// The rota executable. Wiring only: everything with behaviour is a class of its own.
#include "accountstore.h"
#include "commandline.h"
#include "demosession.h"
#include "keychainsecretstore.h"
#include "logfile.h"
#include "mainwindow.h"
#include "quitcontroller.h"
#include "screenshotter.h"
#include "session.h"
#include "settings.h"
#include "settingsdialog.h"
#include "shortcutrepeatfilter.h"
#include "shutdownsignals.h"
#include "singleinstance.h"
#include "startupprobe.h"
#include "traycontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <memory>
#include <utility>

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Rota"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rota"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROTA_VERSION));

    if (rota::CommandLine::isInformational(argc, argv)) {
        const QCoreApplication app(argc, argv);
        rota::CommandLine::parse(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("rota"));
    const rota::CommandLine options = rota::CommandLine::parse(app);
    // Every way of quitting (the menus, the tray, the desktop, SIGTERM, SIGINT, SIGHUP) takes one
    // path, which ends the event loop so that everything below is torn down in order.
    rota::QuitController quit;
    const rota::ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &rota::ShutdownSignals::received, &quit,
        &rota::QuitController::requestQuit);

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

    rota::MainWindow window;
    rota::ShortcutRepeatFilter freshPressesOnly; // a Ctrl+Q held down does not quit
    freshPressesOnly.addAction(window.quitAction());
    rota::StartupProbe::installIfRequested(&window); // ROTA_STARTUP_PROBE=1: bench_coldstart
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rota.svg")));

    rota::Settings settings;
    rota::TrayController tray(&window, &settings);
    // The log: API exchanges and Qt messages, secrets redacted (app data dir, rotated by size).
    rota::LogFile log(rota::LogFile::defaultDirectory());
    log.install();
    const auto logLevel = settings.preferences().logLevel;
    log.setMinimumLevel(logLevel == rota::Preferences::LogLevel::Debug ? QtDebugMsg
            : logLevel == rota::Preferences::LogLevel::Info            ? QtInfoMsg
                                                                       : QtWarningMsg);
    std::unique_ptr<rota::DemoSession> demo;
    std::unique_ptr<rota::AccountStore> accounts;
    std::unique_ptr<rota::KeychainSecretStore> keychain;
    std::unique_ptr<rota::SessionController> session;
    // The current session's models and pages; replaced whenever the session changes.
    std::unique_ptr<rota::Workspace> workspace;
    QString incidentToOpen = options.incident; // --incident: once the first session is there
    const auto openWorkspace = [&](rota::ApiClient* client) {
        workspace.reset();
        if (client) {
            workspace = std::make_unique<rota::Workspace>(client, &settings, &window);
            workspace->start();
            if (!incidentToOpen.isEmpty())
                workspace->showIncident(std::exchange(incidentToOpen, QString()));
        }
        tray.setWorkspace(workspace.get());
    };
    if (instance) {
        QObject::connect(instance.get(), &rota::SingleInstance::messageReceived, &tray,
            [&tray, &workspace](const QString& message) {
                const QString open = QStringLiteral("open ");
                if (message.startsWith(open) && workspace)
                    workspace->showIncident(message.mid(open.size()));
                else
                    tray.showWindow();
            });
    }
    if (options.demo) {
        demo = std::make_unique<rota::DemoSession>();
        QString error;
        if (!demo->start(&error)) {
            std::fprintf(stderr, "rota: cannot start the demo simulator: %s\n", qPrintable(error));
            return 1;
        }
        log.watch(demo->client());
        openWorkspace(demo->client());
        window.setOrganisation(demo->organisation());
        window.setConnectionStatus(demo->connectionStatus());
        // Preferences belong to no account, so the demo edits the real ones.
        QObject::connect(&window, &rota::MainWindow::settingsRequested, &window, [&] {
            auto* dialog = new rota::SettingsDialog(&settings, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    } else {
        accounts = std::make_unique<rota::AccountStore>();
        keychain = std::make_unique<rota::KeychainSecretStore>();
        session = std::make_unique<rota::SessionController>(
            &window, accounts.get(), keychain.get(), &settings);
        QObject::connect(session.get(), &rota::SessionController::sessionChanged, &log,
            [&log, &session, &openWorkspace] {
                log.watch(session->client());
                openWorkspace(session->client());
            });
    }

    if (!options.screenshotDir.isEmpty()) {
        auto* screenshotter = new rota::Screenshotter(
            &window, demo ? demo->connectionStatus() : nullptr, options.screenshotDir, &app);
        screenshotter->setDemo(demo.get());
        if (workspace) {
            screenshotter->addScenes(workspace->screenshotScenes());
            screenshotter->addScenes({ tray.screenshotScene() });
        }
        QObject::connect(
            screenshotter, &rota::Screenshotter::finished, &app, [screenshotter](bool ok) {
                for (const QString& file : screenshotter->written())
                    std::printf("wrote %s\n", qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        screenshotter->start();
    }

    // Minimised means in the tray when there is one (the window shows from the icon); never on
    // the first run, whose sign-in dialog needs the window.
    const bool firstRun = accounts && accounts->accounts().isEmpty();
    const bool minimized
        = !firstRun && (options.minimized || (!demo && settings.preferences().startMinimised));
    if (!minimized)
        window.show();
    else if (!rota::TrayController::isTrayAvailable())
        window.showMinimized();
    if (session)
        session->start(); // after show(): a first-run sign-in dialog needs its window
    return app.exec();
}
