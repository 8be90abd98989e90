// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "settings.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace rota {

class AccountStore;

//! File > Settings: refresh intervals (bounded, with why; a shorter one while on call or paged),
//! notifications (whom for, quiet hours and what they never silence, reminders, sound), start
//! minimised, start on login, network proxy and log level; my shifts (a reminder before each starts
//! and ends, a calendar file kept up to date, its path with a Copy path button). OK, Cancel, Apply.
//! Problems are explained inline and OK and Apply stay disabled until the input is valid, so
//! nothing invalid is ever saved. Saving goes through Settings (which also writes the autostart
//! entry and emits Settings::changed for whoever applies the proxy and the rest).
//!
//! With an account (showAccount()), an "Account" group shows and edits what belongs to it alone:
//! the extra certificate authority it trusts (Account::caFile), saved through the AccountStore.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    //! `settings` is not owned; the dialog shows its current preferences.
    explicit SettingsDialog(Settings* settings, QWidget* parent = nullptr);

    //! Shows the "Account" group for the account `accountId` of `accounts` (not owned).
    void showAccount(AccountStore* accounts, const QString& accountId);

    //! What the form says now (valid or not).
    Preferences formPreferences() const;
    //! Problems with the form, one sentence each; empty when it can be saved.
    QStringList problems() const;

    //! Saves the form when it is valid; false (with the reason shown) otherwise.
    bool apply();
    void accept() override;

private:
    void buildUi();
    void load(const Preferences& preferences);
    void updateState();
    void chooseCaFile();
    //! The account's certificate authority file as the form says it.
    QString formCaFile() const;
    bool accountEdited() const;

    Settings* m_settings;
    Preferences m_saved; //!< what Settings holds, to tell whether Apply has anything to do

    QSpinBox* m_refresh;
    QSpinBox* m_urgentRefresh;
    QSpinBox* m_repeat;
    QComboBox* m_notify;
    QCheckBox* m_quiet;
    QTimeEdit* m_quietFrom;
    QTimeEdit* m_quietTo;
    QComboBox* m_sound;
    QSpinBox* m_shiftReminder;
    QCheckBox* m_shiftCalendar;
    QLineEdit* m_shiftCalendarPath;
    QPushButton* m_copyCalendarPath;
    QCheckBox* m_startMinimised;
    QCheckBox* m_startOnLogin;
    QRadioButton* m_proxySystem;
    QRadioButton* m_proxyManual;
    QLineEdit* m_proxy;
    QComboBox* m_logLevel;
    QGroupBox* m_accountBox;
    QLabel* m_accountName;
    QLineEdit* m_caFile;
    QPushButton* m_chooseCaFile;
    QPointer<AccountStore> m_accounts;
    QString m_accountId;
    QString m_savedCaFile; //!< what the AccountStore holds
    QLabel* m_errorIcon;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace rota
