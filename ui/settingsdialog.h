#pragma once

#include "settings.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace rota {

//! File > Settings: refresh interval (bounded, with why), notifications (whom for, quiet hours,
//! sound), start minimised, start on login, network proxy and log level. OK, Cancel, Apply.
//! Problems are explained inline and OK and Apply stay disabled until the input is valid, so
//! nothing invalid is ever saved. Saving goes through Settings (which also writes the autostart
//! entry and emits Settings::changed for whoever applies the proxy and the rest).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    //! `settings` is not owned; the dialog shows its current preferences.
    explicit SettingsDialog(Settings* settings, QWidget* parent = nullptr);

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

    Settings* m_settings;
    Preferences m_saved; //!< what Settings holds, to tell whether Apply has anything to do

    QSpinBox* m_refresh;
    QComboBox* m_notify;
    QCheckBox* m_quiet;
    QTimeEdit* m_quietFrom;
    QTimeEdit* m_quietTo;
    QCheckBox* m_sound;
    QCheckBox* m_startMinimised;
    QCheckBox* m_startOnLogin;
    QRadioButton* m_proxySystem;
    QRadioButton* m_proxyManual;
    QLineEdit* m_proxy;
    QComboBox* m_logLevel;
    QLabel* m_errorIcon;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace rota
