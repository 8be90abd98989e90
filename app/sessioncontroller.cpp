// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "sessioncontroller.h"

#include "accountmenu.h"
#include "apiclient.h"
#include "applog.h"
#include "connectionstatus.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "signindialog.h"

#include <QAction>
#include <QMessageBox>
#include <QNetworkAccessManager>

namespace rota {

SessionController::SessionController(MainWindow* window, AccountStore* accounts,
    SecretStore* keychain, Settings* settings, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_accounts(accounts)
    , m_keychain(keychain)
    , m_memory(new MemorySecretStore(this))
    , m_settings(settings)
    , m_network(new QNetworkAccessManager(this))
    , m_menu(new AccountMenu(accounts, window))
{
    window->setAccountMenu(m_menu);
    connect(m_menu, &AccountMenu::switchRequested, this, &SessionController::switchTo);
    connect(m_menu, &AccountMenu::addRequested, this, &SessionController::addAccount);
    connect(m_menu, &AccountMenu::removeRequested, this, &SessionController::removeAccount);
    connect(window, &MainWindow::settingsRequested, this, &SessionController::showSettings);
    connect(m_settings, &Settings::changed, this, &SessionController::applySettings);
    // A rename shows in the title at once; another certificate authority (Settings) applies to
    // the next request.
    connect(m_accounts, &AccountStore::changed, this, [this] {
        if (!m_account)
            return;
        if (const std::optional<Account> account = m_accounts->find(m_account->id);
            account && account->id == m_account->id) {
            m_account->name = account->name;
            updateTitle();
            if (account->caFile != m_account->caFile) {
                m_account->caFile = account->caFile;
                QString error;
                if (m_client && !trustExtraAuthority(*m_account, &error))
                    qCWarning(lcApp, "%s", qPrintable(error));
            }
        }
    });
}

SessionController::~SessionController()
{
    if (m_window)
        m_window->setAccountMenu(nullptr);
    if (m_window)
        m_window->setConnectionStatus(nullptr);
    // The status first: it holds replies of the client.
    delete m_status;
    delete m_client;
}

SecretStore* SessionController::memoryStore() const { return m_memory; }

void SessionController::start()
{
    applySettings();
    if (const std::optional<Account> current = m_accounts->current()) {
        switchTo(current->id);
        return;
    }
    const QList<Account> accounts = m_accounts->accounts();
    if (!accounts.isEmpty())
        switchTo(accounts.constFirst().id);
    else
        signIn(std::nullopt, QString());
}

void SessionController::switchTo(const QString& accountId)
{
    const std::optional<Account> account = m_accounts->find(accountId);
    if (!account || account->id != accountId)
        return;
    if (m_account && m_account->id == accountId && m_client)
        return;
    if (!mayLeave(UnsavedWork::Leaving::SwitchAccount))
        return;
    disconnectSession();
    m_account = account;
    m_accounts->setCurrentId(accountId);
    updateTitle();
    Q_EMIT sessionChanged();
    readKey(*account);
}

// This run's memory first (the user chose it when the keychain failed), then the keychain.
void SessionController::readKey(const Account& account)
{
    const quint64 generation = ++m_generation;
    qCInfo(lcApp, "reading the key of account %s", qPrintable(account.id));
    m_memory->read(account.id, this, [this, generation, account](const SecretResult& memory) {
        if (generation != m_generation)
            return;
        if (memory.ok()) {
            connectTo(account, memory.secret);
            return;
        }
        if (!m_keychain) {
            signIn(account, tr("There is no system keychain to read the API key from."));
            return;
        }
        m_keychain->read(account.id, this, [this, generation, account](const SecretResult& key) {
            if (generation != m_generation)
                return;
            switch (key.error) {
            case SecretError::None:
                connectTo(account, key.secret);
                return;
            case SecretError::NotFound:
                signIn(account,
                    tr("The system keychain has no API key for \"%1\". Enter the key again to "
                       "sign in.")
                        .arg(account.name));
                return;
            case SecretError::Unavailable:
            case SecretError::Denied:
            case SecretError::Other:
                qCWarning(lcApp, "cannot read the key of account %s: %s", qPrintable(account.id),
                    qPrintable(key.message));
                signIn(account,
                    tr("Rota could not read the API key of \"%1\" from the system keychain: %2\n"
                       "Unlock the keychain and pick the account again from the Account menu, "
                       "or enter the key here.")
                        .arg(account.name, key.message));
                return;
            }
        });
    });
}

void SessionController::connectTo(const Account& account, const QString& key)
{
    disconnectSession();
    ++m_generation; // a key read still under way is for an account no longer wanted
    m_account = account;
    Q_EMIT secretsInUse({ key, account.apiId });
    m_client = new ApiClient(m_network, this);
    QString error;
    if (!m_client->setBaseUrl(account.baseUrl, &error) || !trustExtraAuthority(account, &error)) {
        delete m_client;
        m_client = nullptr;
        signIn(account, error);
        return;
    }
    m_client->setCredentials({ account.apiId, key, account.username });
    m_status = new ConnectionStatus(m_client, this);
    if (m_window)
        m_window->setConnectionStatus(m_status);
    m_status->start(m_settings->preferences().refreshSeconds * 1000);
    updateTitle();
    qCInfo(lcApp, "connected account %s", qPrintable(account.id));
    Q_EMIT sessionChanged();
}

bool SessionController::trustExtraAuthority(const Account& account, QString* error)
{
    QList<QSslCertificate> authorities;
    if (!account.caFile.isEmpty()) {
        QString problem;
        const std::optional<QList<QSslCertificate>> read
            = ApiClient::loadCaFile(account.caFile, &problem);
        if (!read) {
            *error = tr("Rota cannot use the extra certificate authority of \"%1\": %2\nChoose "
                        "the file again under Advanced, or clear it to trust the system's "
                        "certificate authorities only.")
                         .arg(account.name, problem);
            return false;
        }
        authorities = *read;
    }
    m_client->setExtraCaCertificates(authorities);
    // Connections kept open were trusted under the old list.
    m_network->clearConnectionCache();
    return true;
}

void SessionController::disconnectSession()
{
    if (m_window)
        m_window->setConnectionStatus(nullptr);
    // Later: this may run inside a signal of the old client or status.
    if (m_status)
        m_status->deleteLater();
    if (m_client)
        m_client->deleteLater();
    m_status = nullptr;
    m_client = nullptr;
}

void SessionController::signIn(const std::optional<Account>& account, const QString& reason)
{
    if (m_signIn) {
        if (account)
            m_signIn->editAccount(*account, reason);
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    auto* dialog = new SignInDialog(
        m_accounts, m_keychain, m_memory, new CredentialCheck(m_network), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignInDialog::secretsEntered, this, &SessionController::secretsInUse);
    if (account)
        dialog->editAccount(*account, reason);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account signedIn = dialog->account();
        // Kept in the Account menu either way; the session changes only if nothing is lost.
        if (!(m_account && m_account->id == signedIn.id)
            && !mayLeave(UnsavedWork::Leaving::SwitchAccount))
            return;
        m_accounts->setCurrentId(signedIn.id);
        connectTo(signedIn, dialog->apiKey());
    });
    m_signIn = dialog;
    dialog->open();
}

void SessionController::addAccount() { signIn(std::nullopt, QString()); }

void SessionController::removeAccount(const QString& accountId)
{
    const std::optional<Account> account = m_accounts->find(accountId);
    if (!account || account->id != accountId)
        return;
    if (m_account && m_account->id == accountId && !mayLeave(UnsavedWork::Leaving::SignOut))
        return;
    m_memory->remove(accountId, this, [](const SecretResult&) {});
    if (m_keychain) {
        m_keychain->remove(
            accountId, this, [this, name = account->name](const SecretResult& result) {
                if (result.ok() || result.error == SecretError::NotFound)
                    return;
                qCWarning(
                    lcApp, "cannot remove a key from the keychain: %s", qPrintable(result.message));
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove Account"),
                    tr("\"%1\" was removed, but its API key could not be deleted from the system "
                       "keychain: %2\nDelete the \"rota\" entry with your keychain manager.")
                        .arg(name, result.message),
                    QMessageBox::Ok, m_window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    }
    const bool wasCurrent = m_account && m_account->id == accountId;
    m_accounts->remove(accountId);
    if (!wasCurrent)
        return;
    disconnectSession();
    ++m_generation;
    m_account.reset();
    updateTitle();
    Q_EMIT sessionChanged();
    const QList<Account> remaining = m_accounts->accounts();
    if (!remaining.isEmpty())
        switchTo(remaining.constFirst().id);
}

void SessionController::showSettings()
{
    auto* dialog = new SettingsDialog(m_settings, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_account)
        dialog->showAccount(m_accounts, m_account->id);
    dialog->open();
}

void SessionController::applySettings()
{
    const Preferences preferences = m_settings->preferences();
    Settings::applyProxy(preferences);
    Settings::applyLogLevel(preferences.logLevel);
    m_network->clearConnectionCache(); // connections made through the old proxy
    if (m_status)
        m_status->start(preferences.refreshSeconds * 1000);
}

bool SessionController::mayLeave(UnsavedWork::Leaving leaving)
{
    if (!m_client || !m_leaveCheck || m_leaveCheck(leaving))
        return true;
    qCInfo(lcApp, "the session stays: the user kept what would have been lost");
    // The Account menu checked the account picked; the current one is still this one.
    const QString currentId = m_accounts->currentId();
    const QList<QAction*> actions = m_menu->accountActions();
    for (QAction* action : actions)
        action->setChecked(action->data().toString() == currentId);
    return false;
}

void SessionController::updateTitle()
{
    if (m_window)
        m_window->setOrganisation(m_account ? m_account->name : QString());
}

} // namespace rota
