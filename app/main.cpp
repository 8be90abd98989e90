// The rota executable. Wiring only: everything with behaviour is a class of its own.
#include "commandline.h"
#include "demosession.h"
#include "mainwindow.h"
#include "screenshotter.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

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

    rota::MainWindow window;
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rota.svg")));

    std::unique_ptr<rota::DemoSession> demo;
    if (options.demo) {
        demo = std::make_unique<rota::DemoSession>();
        QString error;
        if (!demo->start(&error)) {
            std::fprintf(stderr, "rota: cannot start the demo simulator: %s\n", qPrintable(error));
            return 1;
        }
        window.setOrganisation(demo->organisation());
        window.setConnectionStatus(demo->connectionStatus());
    }

    if (!options.screenshotDir.isEmpty()) {
        auto* screenshotter = new rota::Screenshotter(
            &window, demo ? demo->connectionStatus() : nullptr, options.screenshotDir, &app);
        QObject::connect(
            screenshotter, &rota::Screenshotter::finished, &app, [screenshotter](bool ok) {
                for (const QString& file : screenshotter->written())
                    std::printf("wrote %s\n", qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        screenshotter->start();
    }

    if (options.minimized)
        window.showMinimized();
    else
        window.show();
    return app.exec();
}
