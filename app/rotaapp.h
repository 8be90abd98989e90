// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "commandline.h"
#include "unsavedwork.h"

#include <QObject>
#include <QString>

#include <memory>

namespace rota {

class AccountStore;
class ApiClient;
class ConnectionStatus;
class DemoOrg;
class KeychainSecretStore;
class LogFile;
class MainWindow;
class QuitController;
class SessionController;
class Settings;
class ShortcutRepeatFilter;
class TrayController;
class WakeWatcher;
class Workspace;

//! One run of Rota: the window, the tray, the log, the quit path, and either the demo (an
//! in-process rota-sim) or the signed-in session with its accounts and the OS keychain; the
//! session's Workspace is replaced whenever the session changes. main() builds one and runs the
//! event loop; tests build one to use Rota as a whole, the way a person does.
//!
//! Before Rota quits and before a session ends, the session's UnsavedWork is asked (edits not
//! saved, writes in flight); the user may keep Rota, or the session, as it is.
//!
//! Everything is owned here and torn down in the reverse order of building when the object goes:
//! the session's workspace first, the window last.
class RotaApp : public QObject {
    Q_OBJECT
public:
    //! Builds what `options` asks for; nothing is shown yet. The demo's simulator starts seeding
    //! its org at once, in a thread of its own.
    explicit RotaApp(const CommandLine& options, QObject* parent = nullptr);
    ~RotaApp() override;

    //! Starts the demo simulator (--demo) and the first session, shows the window unless it
    //! starts minimised to the tray, and stages the screenshots when asked. False with *error
    //! when the demo simulator cannot start.
    bool start(QString* error);

    //! A message from a later launch (SingleInstance): "open <number>" opens that incident;
    //! anything else brings the window to the front.
    void handleMessage(const QString& message);

    MainWindow* window() const { return m_window.get(); }
    TrayController* tray() const { return m_tray.get(); }
    Settings* settings() const { return m_settings.get(); }
    QuitController* quitController() const { return m_quit.get(); }
    //! The signed-in session's controller (accounts, sign-in); nullptr in the demo.
    SessionController* session() const { return m_session.get(); }
    DemoOrg* demo() const { return m_demo.get(); }
    //! The current session's models and pages; nullptr while signed out.
    Workspace* workspace() const { return m_workspace.get(); }

Q_SIGNALS:
    //! The session changed: workspace() is another one (or none).
    void workspaceChanged();

private:
    void openWorkspace(ApiClient* client, ConnectionStatus* connection);
    void startScreenshots();
    //! Asks the session's unsaved work (when there is a session) whether it may go.
    bool mayLeave(UnsavedWork::Leaving leaving);

    CommandLine m_options;
    QString m_incidentToOpen; //!< --incident: once the first session is there
    //! Made first: its simulator seeds the org in a thread of its own while the window is built.
    std::unique_ptr<DemoOrg> m_demo;
    std::unique_ptr<QuitController> m_quit;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ShortcutRepeatFilter> m_freshPressesOnly;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<LogFile> m_log;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<Workspace> m_workspace;
    //! Resume from suspend, network back: the workspace reads everything at once.
    std::unique_ptr<WakeWatcher> m_wake;
};

} // namespace rota
