// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotaapp.h"

#include "accountstore.h"
#include "demoorg.h"
#include "historydatabase.h"
#include "keychainsecretstore.h"
#include "logfile.h"
#include "mainwindow.h"
#include "quitcontroller.h"
#include "screenshots/scenes.h"
#include "screenshots/screenshotter.h"
#include "sessioncontroller.h"
#include "settings.h"
#include "settingsdialog.h"
#include "shortcutrepeatfilter.h"
#include "startupprobe.h"
#include "traycontroller.h"
#include "unsavedwork.h"
#include "wakewatcher.h"
#include "workspace.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <utility>

namespace rota {

RotaApp::RotaApp(const CommandLine& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_incidentToOpen(options.incident)
    , m_demo(options.demo ? std::make_unique<DemoOrg>() : nullptr)
    // Every way of quitting (the menus, the tray, the desktop, a termination signal) takes one
    // path, which ends the event loop so that everything here is torn down in order.
    , m_quit(std::make_unique<QuitController>())
    , m_window(std::make_unique<MainWindow>())
    , m_freshPressesOnly(std::make_unique<ShortcutRepeatFilter>()) // a held Ctrl+Q does not quit
    , m_settings(std::make_unique<Settings>())
    , m_wake(std::make_unique<WakeWatcher>())
{
    StartupProbe::mark("main-window");
    m_freshPressesOnly->addAction(m_window->quitAction());
    StartupProbe::installIfRequested(m_window.get()); // ROTA_STARTUP_PROBE=1: bench_coldstart
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rota.svg")));
    StartupProbe::mark("window-icon");
    m_tray = std::make_unique<TrayController>(m_window.get(), m_settings.get());
    StartupProbe::mark("tray");
    // Nothing the user could lose goes unasked: a quit (every way of quitting) and the end of a
    // session (below) ask the session's unsaved work first.
    m_quit->addGuard(this, [this] { return mayLeave(UnsavedWork::Leaving::Quit); });

    // The log: API exchanges and Qt messages, secrets redacted (app data dir, rotated by size).
    m_log = std::make_unique<LogFile>(LogFile::defaultDirectory());
    m_log->install();
    const auto level = m_settings->preferences().logLevel;
    m_log->setMinimumLevel(level == Preferences::LogLevel::Debug ? QtDebugMsg
            : level == Preferences::LogLevel::Info               ? QtInfoMsg
                                                                 : QtWarningMsg);
    StartupProbe::mark("log");

    if (m_demo) {
        // Preferences belong to no account, so the demo edits the real ones.
        connect(m_window.get(), &MainWindow::settingsRequested, this, [this] {
            auto* dialog = new SettingsDialog(m_settings.get(), m_window.get());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        StartupProbe::mark("demo-org");
    } else {
        m_accounts = std::make_unique<AccountStore>();
        m_keychain = std::make_unique<KeychainSecretStore>();
        m_session = std::make_unique<SessionController>(
            m_window.get(), m_accounts.get(), m_keychain.get(), m_settings.get());
        // Before a sign-in check or a session sends them, not once a session is up.
        connect(
            m_session.get(), &SessionController::secretsInUse, m_log.get(), &LogFile::addSecrets);
        m_session->setLeaveCheck(
            [this](UnsavedWork::Leaving leaving) { return mayLeave(leaving); });
        connect(m_session.get(), &SessionController::sessionChanged, this, [this] {
            m_log->watch(m_session->client());
            openWorkspace(m_session->client(), m_session->connectionStatus());
        });
        // The web app's organisation can be set from the Account menu while signed in.
        connect(m_accounts.get(), &AccountStore::changed, this, [this] {
            const std::optional<Account> signedIn = m_session->account();
            if (!m_workspace || !signedIn)
                return;
            if (const std::optional<Account> now = m_accounts->find(signedIn->id))
                m_workspace->setWebAppSlug(now->webAppSlug);
        });
        StartupProbe::mark("accounts-keychain");
    }
}

RotaApp::~RotaApp()
{
    // The session's pages and everything talking to the network go before the window and the
    // tray that show them.
    m_tray->setWorkspace(nullptr);
    m_workspace.reset();
    m_session.reset();
    m_demo.reset();
}

bool RotaApp::start(QString* error)
{
    m_wake->start();
    if (m_demo) {
        if (!m_demo->start(error))
            return false;
        StartupProbe::mark("demo-sim-started");
        m_log->watch(m_demo->client());
        openWorkspace(m_demo->client(), m_demo->connectionStatus());
        m_window->setOrganisation(m_demo->organisation());
        m_window->setConnectionStatus(m_demo->connectionStatus());
        StartupProbe::mark("workspace-opened");
    }
    if (!m_options.screenshotDir.isEmpty())
        startScreenshots();

    // Minimised means in the tray when there is one (the window shows from the icon); never on
    // the first run, whose sign-in dialog needs the window.
    const bool firstRun = m_accounts && m_accounts->accounts().isEmpty();
    const bool minimized = !firstRun
        && (m_options.minimized || (!m_demo && m_settings->preferences().startMinimised));
    if (!minimized)
        m_window->show();
    else if (!TrayController::isTrayAvailable())
        m_window->showMinimized();
    StartupProbe::mark("shown");
    if (m_session)
        m_session->start(); // after show(): a first-run sign-in dialog needs its window
    return true;
}

void RotaApp::handleMessage(const QString& message)
{
    const QString open = QStringLiteral("open ");
    if (message.startsWith(open) && m_workspace)
        m_workspace->showIncident(message.mid(open.size()));
    else
        m_tray->showWindow();
}

void RotaApp::openWorkspace(ApiClient* client, ConnectionStatus* connection)
{
    m_tray->setWorkspace(nullptr);
    m_workspace.reset();
    if (client) {
        m_workspace
            = std::make_unique<Workspace>(client, m_settings.get(), m_window.get(), connection);
        StartupProbe::mark("workspace-built");
        m_workspace->start();
        StartupProbe::mark("workspace-started");
        m_workspace->followWakes(m_wake.get());
        // One history per account; the demo's goes with it.
        if (m_demo)
            m_workspace->openHistory(m_demo->historyPath());
        else if (const std::optional<Account> account = m_session->account()) {
            m_workspace->openHistory(HistoryDatabase::defaultPath(account->id));
            // The store's copy: the Account menu may have changed it since the sign-in.
            const std::optional<Account> stored = m_accounts->find(account->id);
            m_workspace->setWebAppSlug((stored ? *stored : *account).webAppSlug);
        }
        StartupProbe::mark("history-opened");
        if (!m_incidentToOpen.isEmpty())
            m_workspace->showIncident(std::exchange(m_incidentToOpen, QString()));
    }
    m_tray->setWorkspace(m_workspace.get());
    StartupProbe::mark("tray-follows-workspace");
    Q_EMIT workspaceChanged();
}

bool RotaApp::mayLeave(UnsavedWork::Leaving leaving)
{
    return !m_workspace || m_workspace->unsavedWork()->confirmLeave(leaving, m_window.get());
}

void RotaApp::startScreenshots()
{
    auto* screenshotter = new Screenshotter(m_window.get(),
        m_demo ? m_demo->connectionStatus() : nullptr, m_options.screenshotDir, this);
    screenshotter->setDemo(m_demo.get());
    if (m_workspace) {
        screenshotter->addScenes(scenes::all(m_workspace.get(), m_tray.get()));
    }
    connect(screenshotter, &Screenshotter::finished, this, [screenshotter](bool ok) {
        for (const QString& file : screenshotter->written())
            std::printf("wrote %s\n", qPrintable(file));
        QCoreApplication::exit(ok ? 0 : 1);
    });
    screenshotter->start();
}

} // namespace rota
