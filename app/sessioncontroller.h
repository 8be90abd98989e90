// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "accountstore.h"
#include "unsavedwork.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace rota {

class AccountMenu;
class ApiClient;
class ConnectionStatus;
class MainWindow;
class MemorySecretStore;
class SecretStore;
class Settings;
class SignInDialog;

//! The signed-in session of the GUI: the current account, its ApiClient and ConnectionStatus, and
//! everything that replaces them. At start it reads the current account's key from the secret
//! stores (asynchronously: a keychain may be slow or ask to be unlocked) and connects; with no
//! account, or no usable key, it shows the sign-in dialog (prefilled, with the reason). A switch
//! drops the old client and status before the new ones exist, so nothing from the old account
//! reaches the new one. It also owns the Account menu's actions and File > Settings.
//! `rota --demo` uses DemoOrg instead.
class SessionController : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; `keychain` is the persistent store (KeychainSecretStore), keys the user
    //! chose to keep for this run only go to the controller's own MemorySecretStore.
    SessionController(MainWindow* window, AccountStore* accounts, SecretStore* keychain,
        Settings* settings, QObject* parent = nullptr);
    ~SessionController() override;

    //! Connects to the current account, or asks to sign in when there is none.
    void start();

    //! nullptr while not connected.
    ApiClient* client() const { return m_client; }
    ConnectionStatus* connectionStatus() const { return m_status; }
    //! The account being used (or whose key is being read).
    std::optional<Account> account() const { return m_account; }
    SecretStore* memoryStore() const;
    QNetworkAccessManager* network() const { return m_network; }

    void switchTo(const QString& accountId);
    //! Shows the sign-in dialog for a new account; connects to it when signed in.
    void addAccount();
    //! Removes the account and its key from both stores; switches to another account if it was
    //! the current one. (AccountMenu confirms first.)
    void removeAccount(const QString& accountId);
    void showSettings();

    //! Asked before the connected session ends (a switch to another account, signing in to a new
    //! one, removing the current one): false keeps the session as it is. Unset: never asked.
    using LeaveCheck = std::function<bool(UnsavedWork::Leaving)>;
    void setLeaveCheck(LeaveCheck check) { m_leaveCheck = std::move(check); }

Q_SIGNALS:
    //! The client and status were replaced (or dropped): whoever holds models resets them.
    void sessionChanged();
    //! An API key and ID are about to be used (a sign-in check, a session connecting), before
    //! anything is sent with them: the log redacts them from then on (LogFile::addSecrets).
    void secretsInUse(const QStringList& secrets);

private:
    void readKey(const Account& account);
    void connectTo(const Account& account, const QString& key);
    //! Gives the client the account's extra certificate authority (none when it has none); false
    //! with *error in words when its file cannot be used.
    bool trustExtraAuthority(const Account& account, QString* error);
    void disconnectSession();
    void signIn(const std::optional<Account>& account, const QString& reason);
    void applySettings();
    void updateTitle();
    //! Whether the connected session may end (asks m_leaveCheck); true when none is connected.
    bool mayLeave(UnsavedWork::Leaving leaving);

    QPointer<MainWindow> m_window;
    AccountStore* m_accounts;
    QPointer<SecretStore> m_keychain;
    MemorySecretStore* m_memory;
    Settings* m_settings;
    QNetworkAccessManager* m_network;
    AccountMenu* m_menu;
    ApiClient* m_client = nullptr;
    ConnectionStatus* m_status = nullptr;
    std::optional<Account> m_account;
    QPointer<SignInDialog> m_signIn;
    LeaveCheck m_leaveCheck;
    quint64 m_generation = 0; //!< tells the answer of a stale key read from the current one
};

} // namespace rota
