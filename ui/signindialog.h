// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "accountstore.h"
#include "credentialcheck.h"
#include "secretstore.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace rota {

//! Signs in to one Splunk On-Call organisation: API ID, API key, the VictorOps username and, under
//! "Advanced", the base URL and an extra certificate authority to trust (a PEM file, for a company
//! proxy that inspects secure connections); the account's name defaults to the username, and the
//! organisation's slug in the web app's addresses (optional: "Open in Splunk On-Call" needs it). A
//! certificate file that cannot be used is refused in words before anything is sent.
//!
//! "Test connection" runs a CredentialCheck and says in words what is wrong. "Sign in" checks
//! (unless the same inputs just passed), then stores the key in `keychain` and the account in
//! `accounts`, and accepts. A read-only key is shown as a warning once; signing in again accepts
//! it. When the keychain cannot take the key (missing, locked, refused) the dialog shows the
//! keychain's words and offers to keep the key in `memory` for this run only, or to go back.
//!
//! Nothing is saved unless the dialog is accepted; a check or keychain job still running when it
//! closes is abandoned.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    //! The stores are not owned; `memory` is the store for "this run only". `check` runs the
    //! dialog's checks and becomes the dialog's (it is deleted with it).
    SignInDialog(AccountStore* accounts, SecretStore* keychain, SecretStore* memory,
        CredentialCheck* check, QWidget* parent = nullptr);
    ~SignInDialog() override;

    //! Prefills the fields of an existing account (all but the key) and shows why the user is asked
    //! to sign in again, e.g. "The keychain is locked". Signing in then updates that account.
    void editAccount(const Account& account, const QString& reason);

    //! After accept(): the account as stored.
    Account account() const { return m_saved; }
    //! The optional "Organisation (web app)" field.
    QLineEdit* webAppSlugEdit() const { return m_webAppSlug; }
    //! After accept(): the key that was stored (for connecting at once, without reading it back).
    QString apiKey() const;
    //! After accept(): true when the key went to the memory store (lost when Rota quits).
    bool keptInMemory() const { return m_keptInMemory; }

    //! The outcome of the last check that finished (Cancelled before any).
    const CredentialCheck::Result& lastResult() const { return m_lastResult; }
    CredentialCheck* check() const { return m_check; }

    void done(int result) override;

Q_SIGNALS:
    //! The API ID and key a check is about to send (emitted before the first request): whoever
    //! keeps a log redacts them from now on, whether or not the check passes.
    void secretsEntered(const QStringList& secrets);
    //! A connection test (or the check of a sign-in) finished; the dialog shows its words.
    void checkFinished(const rota::CredentialCheck::Result& result);
    //! The keychain refused the key; the in-memory offer is shown.
    void keychainFailed(const QString& message);

private:
    enum class Step { Idle, Testing, SigningIn, SavingKey, KeychainFailed };

    struct Inputs {
        QUrl baseUrl;
        Credentials credentials;
        QString name;
        QString caFile;
        QString webAppSlug; //!< not checked: the API does not know it
        bool operator==(const Inputs& other) const;
    };

    void buildUi();
    void setAdvancedVisible(bool visible);
    void onInputEdited();
    void chooseCaFile();
    void onTestClicked();
    void onSignInClicked();
    void onCheckFinished(const CredentialCheck::Result& result);
    //! The inputs, or nullopt after showing what is missing or wrong.
    std::optional<Inputs> validInputs();
    void startCheck(Step step, const Inputs& inputs);
    void storeKey(SecretStore* store);
    void onKeyStored(SecretStore* store, const SecretResult& result);
    void keepInMemory();
    void backFromKeychain();
    void setStep(Step step);
    enum class Tone { Neutral, Good, Warning, Error };
    void showStatus(Tone tone, const QString& text);
    QString effectiveName() const;
    void fitHeight();

    AccountStore* m_accounts;
    QPointer<SecretStore> m_keychain;
    QPointer<SecretStore> m_memory;
    CredentialCheck* m_check;

    QLabel* m_reason;
    QLineEdit* m_apiId;
    QLineEdit* m_apiKey;
    QLineEdit* m_username;
    QLineEdit* m_name;
    QLineEdit* m_webAppSlug;
    QToolButton* m_advancedToggle;
    QWidget* m_advanced;
    QLineEdit* m_baseUrl;
    QLineEdit* m_caFile;
    QPushButton* m_chooseCaFile;
    QPushButton* m_test;
    QProgressBar* m_progress;
    QLabel* m_statusIcon;
    QLabel* m_status;
    QFrame* m_keychainPanel;
    QLabel* m_keychainText;
    QPushButton* m_keepInMemory;
    QPushButton* m_keychainBack;
    QDialogButtonBox* m_buttons;
    QPushButton* m_signIn;

    Step m_step = Step::Idle;
    QString m_editingId; //!< the account being signed in again; empty for a new one
    std::optional<Inputs> m_checked; //!< inputs that passed the last check
    CredentialCheck::Result m_lastResult;
    bool m_readOnlyShown = false; //!< the read-only warning was shown for m_checked
    Inputs m_saving; //!< while the key is being stored
    QString m_savingId;
    Account m_saved;
    bool m_keptInMemory = false;
    bool m_closed = false;
};

} // namespace rota
