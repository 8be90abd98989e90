// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The parts of a signed-in session as RotaApp puts them together, for tests of Rota whole:
// preferences in a throw-away INI file, rota-sim in this process, a main window and the
// Workspace over them. start() and build() are apart so that a test can seed rota-sim first.

#include "mainwindow.h"
#include "settings.h"
#include "simfixture.h"
#include "workspace.h"

#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace rota::test {

struct WorkspaceParts {
    //! The preferences and rota-sim; false when either could not be made (startError() says why).
    bool start()
    {
        if (!dir.isValid())
            return false;
        qsettings = std::make_unique<QSettings>(
            dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings = std::make_unique<Settings>(qsettings.get());
        fixture = std::make_unique<SimFixture>();
        return fixture->started;
    }

    QString startError() const
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary folder: ") + dir.errorString();
        return fixture ? fixture->startError : QString();
    }

    //! The window and the Workspace, over rota-sim's client (and \a connection, when given).
    void build(ConnectionStatus* connection = nullptr)
    {
        window = std::make_unique<MainWindow>();
        workspace = std::make_unique<Workspace>(
            fixture->client.get(), settings.get(), window.get(), connection);
    }

    //! Takes it apart in the reverse order: the Workspace before the window it fills.
    void close()
    {
        workspace.reset();
        window.reset();
        fixture.reset();
        settings.reset();
        qsettings.reset();
    }

    template <typename View> View* page(const char* slug) const
    {
        return qobject_cast<View*>(window->page(QLatin1String(slug)));
    }

    QTemporaryDir dir;
    std::unique_ptr<QSettings> qsettings;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<SimFixture> fixture;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Workspace> workspace;
};

} // namespace rota::test
