// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "settingsdialog.h"

#include "accountstore.h"
#include "displayformat.h"
#include "icalendar.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace rota {

namespace {

QLabel* hint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// Label and control; the control keeps its own width rather than the dialog's.
QFormLayout* form()
{
    auto* layout = new QFormLayout;
    layout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    return layout;
}

// "host:port", "[::1]:3128" or a pasted "http://host:port/": host and port, or an empty host
// when it cannot be read (validate() then says what is wrong).
void parseProxy(const QString& input, QString* host, int* port)
{
    const QString text = input.trimmed();
    *host = QString();
    *port = 0;
    if (text.isEmpty())
        return;
    const QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text,
        QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *host = text;
        return;
    }
    *host = url.host();
    *port = url.port(0);
}

} // namespace

SettingsDialog::SettingsDialog(Settings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_saved(settings->preferences())
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Rota Settings"));
    buildUi();
    load(m_saved);
    updateState();
    // show() would size the dialog for its narrower size hint, and the wrapped hints would be cut
    // at the real (minimum) width.
    layout()->activate();
    const int width = qMax(minimumWidth(), sizeHint().width());
    resize(width, heightForWidth(width));
}

void SettingsDialog::buildUi()
{
    // Refresh
    m_refresh = new QSpinBox(this);
    m_refresh->setObjectName(QStringLiteral("refreshSpin"));
    m_refresh->setRange(Preferences::MinRefreshSeconds, Preferences::MaxRefreshSeconds);
    m_refresh->setSingleStep(5);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setAccelerated(true);
    m_urgentRefresh = new QSpinBox(this);
    m_urgentRefresh->setObjectName(QStringLiteral("urgentRefreshSpin"));
    m_urgentRefresh->setRange(Preferences::MinRefreshSeconds, Preferences::MaxRefreshSeconds);
    m_urgentRefresh->setSingleStep(5);
    m_urgentRefresh->setSuffix(tr(" s"));
    m_urgentRefresh->setAccelerated(true);
    auto* refreshBox = new QGroupBox(tr("Refresh"), this);
    auto* refreshForm = form();
    refreshForm->addRow(tr("&Refresh every:"), m_refresh);
    refreshForm->addRow(tr("While on call or &paged:"), m_urgentRefresh);
    auto* refreshLayout = new QVBoxLayout(refreshBox);
    refreshLayout->addLayout(refreshForm);
    refreshLayout->addWidget(
        hint(tr("From 15 seconds to 10 minutes. Splunk On-Call allows most calls "
                "60 times a minute per key; this bound keeps Rota's polling well "
                "inside the documented limits and leaves room for your actions. While you "
                "are on call or an incident pages you, Rota refreshes at the second pace."),
            refreshBox));

    // Notifications
    m_notify = new QComboBox(this);
    m_notify->setObjectName(QStringLiteral("notifyCombo"));
    m_notify->addItem(tr("Off"), int(Preferences::Notify::Off));
    m_notify->addItem(tr("Incidents paging me"), int(Preferences::Notify::PagingMe));
    m_notify->addItem(tr("Incidents of my teams"), int(Preferences::Notify::MyTeams));
    m_notify->addItem(tr("All incidents"), int(Preferences::Notify::All));
    m_quiet = new QCheckBox(tr("&Quiet hours from"), this);
    m_quiet->setObjectName(QStringLiteral("quietCheck"));
    m_quietFrom = new QTimeEdit(this);
    m_quietFrom->setObjectName(QStringLiteral("quietFromEdit"));
    m_quietFrom->setDisplayFormat(displayFormat(QStringLiteral("HH:mm")));
    m_quietTo = new QTimeEdit(this);
    m_quietTo->setObjectName(QStringLiteral("quietToEdit"));
    m_quietTo->setDisplayFormat(displayFormat(QStringLiteral("HH:mm")));
    auto* quietRow = new QHBoxLayout;
    quietRow->addWidget(m_quiet);
    quietRow->addWidget(m_quietFrom);
    quietRow->addWidget(new QLabel(tr("to"), this));
    quietRow->addWidget(m_quietTo);
    quietRow->addStretch(1);
    m_repeat = new QSpinBox(this);
    m_repeat->setObjectName(QStringLiteral("repeatSpin"));
    m_repeat->setRange(Preferences::MinRepeatMinutes, Preferences::MaxRepeatMinutes);
    m_repeat->setSuffix(tr(" min"));
    m_sound = new QComboBox(this);
    m_sound->setObjectName(QStringLiteral("soundCombo"));
    m_sound->addItem(tr("Off"), int(Preferences::Sound::Off));
    m_sound->addItem(tr("Once"), int(Preferences::Sound::Once));
    m_sound->addItem(tr("Until acknowledged while I am on call, else once"),
        int(Preferences::Sound::UntilAcknowledgedOnCall));
    m_sound->addItem(tr("Until acknowledged"), int(Preferences::Sound::UntilAcknowledged));
    auto* notifyBox = new QGroupBox(tr("Notifications"), this);
    auto* notifyForm = form();
    notifyForm->addRow(tr("&Notify me of:"), m_notify);
    auto* notifyLayout = new QVBoxLayout(notifyBox);
    notifyLayout->addLayout(notifyForm);
    notifyLayout->addLayout(quietRow);
    notifyLayout->addWidget(hint(tr("Quiet hours and a pause never silence an incident that "
                                    "pages you directly while you are on call. They silence "
                                    "the rest: incidents of your teams and all incidents."),
        notifyBox));
    auto* alarmForm = form();
    alarmForm->addRow(tr("Remind me &every:"), m_repeat);
    alarmForm->addRow(tr("&Sound:"), m_sound);
    notifyLayout->addLayout(alarmForm);
    notifyLayout->addWidget(hint(tr("An incident that pages you is notified again at this "
                                    "interval until it is acknowledged, resolved or rerouted."),
        notifyBox));

    // My shifts
    m_shiftReminder = new QSpinBox(this);
    m_shiftReminder->setObjectName(QStringLiteral("shiftReminderSpin"));
    m_shiftReminder->setRange(0, Preferences::MaxShiftReminderMinutes);
    m_shiftReminder->setSuffix(tr(" min before"));
    m_shiftReminder->setSpecialValueText(tr("Never"));
    m_shiftCalendar = new QCheckBox(tr("Keep a ca&lendar file:"), this);
    m_shiftCalendar->setObjectName(QStringLiteral("shiftCalendarCheck"));
    m_shiftCalendarPath
        = new QLineEdit(QDir::toNativeSeparators(ShiftCalendarFile::defaultPath()), this);
    m_shiftCalendarPath->setObjectName(QStringLiteral("shiftCalendarPathEdit"));
    m_shiftCalendarPath->setReadOnly(true);
    m_copyCalendarPath = new QPushButton(tr("Cop&y path"), this);
    m_copyCalendarPath->setObjectName(QStringLiteral("copyCalendarPathButton"));
    m_copyCalendarPath->setAutoDefault(false);
    // The dialog must fit a small screen: what the file is for is said in the tooltips.
    const QString calendarTip = tr("Calendar apps can subscribe to this file: Rota rewrites it "
                                   "with your shifts of the next 30 days whenever they change.");
    m_shiftCalendar->setToolTip(calendarTip);
    m_shiftCalendarPath->setToolTip(calendarTip);
    m_shiftReminder->setToolTip(tr("A notification this long before each of your shifts starts, "
                                   "and before it ends (to hand over)."));
    auto* calendarRow = new QHBoxLayout;
    calendarRow->addWidget(m_shiftCalendar);
    calendarRow->addWidget(m_shiftCalendarPath, 1);
    calendarRow->addWidget(m_copyCalendarPath);
    auto* shiftBox = new QGroupBox(tr("My shifts"), this);
    auto* shiftForm = form();
    shiftForm->addRow(tr("Remind me before they start and &end:"), m_shiftReminder);
    auto* shiftLayout = new QVBoxLayout(shiftBox);
    shiftLayout->addLayout(shiftForm);
    shiftLayout->addLayout(calendarRow);
    connect(m_copyCalendarPath, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_shiftCalendarPath->text()); });

    // Startup
    m_startMinimised = new QCheckBox(tr("Start &minimised to the tray"), this);
    m_startMinimised->setObjectName(QStringLiteral("startMinimisedCheck"));
    m_startOnLogin = new QCheckBox(tr("Start Rota when I &log in"), this);
    m_startOnLogin->setObjectName(QStringLiteral("startOnLoginCheck"));
    auto* startBox = new QGroupBox(tr("Startup"), this);
    // One row: the dialog must fit a small screen.
    auto* startLayout = new QHBoxLayout(startBox);
    startLayout->addWidget(m_startMinimised);
    startLayout->addWidget(m_startOnLogin);
    startLayout->addStretch(1);

    // Network
    m_proxySystem = new QRadioButton(tr("Use the s&ystem's proxy settings"), this);
    m_proxySystem->setObjectName(QStringLiteral("proxySystemRadio"));
    m_proxyManual = new QRadioButton(tr("Ma&nual proxy:"), this);
    m_proxyManual->setObjectName(QStringLiteral("proxyManualRadio"));
    auto* proxyGroup = new QButtonGroup(this);
    proxyGroup->addButton(m_proxySystem);
    proxyGroup->addButton(m_proxyManual);
    m_proxy = new QLineEdit(this);
    m_proxy->setObjectName(QStringLiteral("proxyEdit"));
    m_proxy->setPlaceholderText(tr("host:port, e.g. proxy.example.com:3128"));
    auto* manualRow = new QHBoxLayout;
    manualRow->addWidget(m_proxyManual);
    manualRow->addWidget(m_proxy, 1);
    auto* networkBox = new QGroupBox(tr("Network"), this);
    auto* networkLayout = new QVBoxLayout(networkBox);
    networkLayout->addWidget(m_proxySystem);
    networkLayout->addLayout(manualRow);

    // Account: shown by showAccount()
    m_accountName = new QLabel(this);
    m_accountName->setObjectName(QStringLiteral("accountNameLabel"));
    m_accountName->setTextFormat(Qt::PlainText);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("none: the system's certificate authorities only"));
    m_chooseCaFile = new QPushButton(tr("C&hoose…"), this);
    m_chooseCaFile->setObjectName(QStringLiteral("caFileButton"));
    m_chooseCaFile->setAutoDefault(false);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_chooseCaFile);
    m_accountBox = new QGroupBox(tr("Account"), this);
    m_accountBox->setObjectName(QStringLiteral("accountBox"));
    auto* accountForm = new QFormLayout;
    // A row of a layout gets no buddy from addRow: without one the label shows its '&'.
    auto* caLabel = new QLabel(tr("Extra &certificate authority:"), this);
    caLabel->setBuddy(m_caFile);
    accountForm->addRow(caLabel, caRow);
    auto* accountLayout = new QVBoxLayout(m_accountBox);
    accountLayout->addWidget(m_accountName);
    accountLayout->addLayout(accountForm);
    accountLayout->addWidget(
        hint(tr("Trust an extra certificate authority (PEM file) for this account: only where a "
                "company proxy inspects secure connections and signs them with its own "
                "authority. Rota never ignores a certificate it cannot trust."),
            m_accountBox));
    m_accountBox->hide();

    // Logging
    m_logLevel = new QComboBox(this);
    m_logLevel->setObjectName(QStringLiteral("logLevelCombo"));
    m_logLevel->addItem(tr("Warnings"), int(Preferences::LogLevel::Warning));
    m_logLevel->addItem(tr("Information"), int(Preferences::LogLevel::Info));
    m_logLevel->addItem(tr("Debug"), int(Preferences::LogLevel::Debug));
    auto* logBox = new QGroupBox(tr("Logging"), this);
    auto* logForm = form();
    logForm->addRow(tr("Log le&vel:"), m_logLevel);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->addLayout(logForm);
    logLayout->addWidget(hint(tr("API keys and IDs never appear in the log."), logBox));

    m_errorIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_errorIcon->setPixmap(style()
                               ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                               .pixmap(iconSize, iconSize));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText); // may quote what was typed
    auto* errorRow = new QHBoxLayout;
    errorRow->addWidget(m_errorIcon, 0, Qt::AlignTop);
    errorRow->addWidget(m_error, 1);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(refreshBox);
    layout->addWidget(notifyBox);
    layout->addWidget(shiftBox);
    layout->addWidget(startBox);
    layout->addWidget(networkBox);
    layout->addWidget(m_accountBox);
    layout->addWidget(logBox);
    layout->addLayout(errorRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &SettingsDialog::apply);

    for (QSpinBox* spin : { m_refresh, m_urgentRefresh, m_repeat, m_shiftReminder })
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    for (QComboBox* combo : { m_notify, m_sound })
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    for (QCheckBox* box : { m_quiet, m_startMinimised, m_startOnLogin, m_shiftCalendar })
        connect(box, &QCheckBox::toggled, this, &SettingsDialog::updateState);
    for (QRadioButton* radio : { m_proxySystem, m_proxyManual })
        connect(radio, &QRadioButton::toggled, this, &SettingsDialog::updateState);
    for (QTimeEdit* edit : { m_quietFrom, m_quietTo })
        connect(edit, &QTimeEdit::timeChanged, this, &SettingsDialog::updateState);
    connect(m_proxy, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    connect(m_caFile, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    connect(m_chooseCaFile, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
}

void SettingsDialog::showAccount(AccountStore* accounts, const QString& accountId)
{
    const std::optional<Account> account = accounts ? accounts->find(accountId) : std::nullopt;
    if (!account || account->id != accountId)
        return;
    m_accounts = accounts;
    m_accountId = accountId;
    m_savedCaFile = account->caFile;
    m_accountName->setText(tr("For the account \u201c%1\u201d.").arg(account->name));
    m_caFile->setText(account->caFile);
    m_accountBox->show();
    updateState();
    layout()->activate();
    resize(width(), qMax(height(), heightForWidth(width())));
}

void SettingsDialog::chooseCaFile()
{
    auto* chooser = new QFileDialog(this, tr("Extra Certificate Authority"),
        formCaFile().isEmpty() ? QString() : QFileInfo(formCaFile()).path(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setObjectName(QStringLiteral("caFileChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, this,
        [this](const QString& file) { m_caFile->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

QString SettingsDialog::formCaFile() const { return m_caFile->text().trimmed(); }

bool SettingsDialog::accountEdited() const { return m_accounts && formCaFile() != m_savedCaFile; }

void SettingsDialog::load(const Preferences& p)
{
    m_refresh->setValue(p.refreshSeconds);
    m_notify->setCurrentIndex(m_notify->findData(int(p.notify)));
    m_quiet->setChecked(p.quietHours);
    m_quietFrom->setTime(p.quietFrom);
    m_quietTo->setTime(p.quietTo);
    m_urgentRefresh->setValue(p.urgentRefreshSeconds);
    m_repeat->setValue(p.repeatMinutes);
    m_sound->setCurrentIndex(m_sound->findData(int(p.sound)));
    m_shiftReminder->setValue(p.shiftReminderMinutes);
    m_shiftCalendar->setChecked(p.shiftCalendar);
    m_startMinimised->setChecked(p.startMinimised);
    m_startOnLogin->setChecked(p.startOnLogin);
    m_proxySystem->setChecked(p.proxy == Preferences::Proxy::System);
    m_proxyManual->setChecked(p.proxy == Preferences::Proxy::Manual);
    m_proxy->setText(p.proxyHost.isEmpty()
            ? QString()
            : (p.proxyHost.contains(QLatin1Char(':'))
                      ? QLatin1Char('[') + p.proxyHost + QLatin1Char(']')
                      : p.proxyHost)
                + QLatin1Char(':') + QString::number(p.proxyPort));
    m_logLevel->setCurrentIndex(m_logLevel->findData(int(p.logLevel)));
}

Preferences SettingsDialog::formPreferences() const
{
    Preferences p;
    p.refreshSeconds = m_refresh->value();
    p.notify = Preferences::Notify(m_notify->currentData().toInt());
    p.quietHours = m_quiet->isChecked();
    p.quietFrom = m_quietFrom->time();
    p.quietTo = m_quietTo->time();
    p.urgentRefreshSeconds = m_urgentRefresh->value();
    p.repeatMinutes = m_repeat->value();
    p.sound = Preferences::Sound(m_sound->currentData().toInt());
    p.shiftReminderMinutes = m_shiftReminder->value();
    p.shiftCalendar = m_shiftCalendar->isChecked();
    p.startMinimised = m_startMinimised->isChecked();
    p.startOnLogin = m_startOnLogin->isChecked();
    p.proxy = m_proxyManual->isChecked() ? Preferences::Proxy::Manual : Preferences::Proxy::System;
    // Read even when the system proxy is chosen, so what was typed is kept for next time; it is
    // validated only when it is used.
    parseProxy(m_proxy->text(), &p.proxyHost, &p.proxyPort);
    p.logLevel = Preferences::LogLevel(m_logLevel->currentData().toInt());
    return p;
}

QStringList SettingsDialog::problems() const
{
    QStringList problems = formPreferences().validate();
    QString caError;
    if (m_accounts && !Account::isCaFileUsable(formCaFile(), &caError))
        problems.append(caError);
    return problems;
}

void SettingsDialog::updateState()
{
    const bool notifying = m_notify->currentData().toInt() != int(Preferences::Notify::Off);
    m_quiet->setEnabled(notifying);
    m_quietFrom->setEnabled(notifying && m_quiet->isChecked());
    m_quietTo->setEnabled(notifying && m_quiet->isChecked());
    m_repeat->setEnabled(notifying);
    m_sound->setEnabled(notifying);
    m_proxy->setEnabled(m_proxyManual->isChecked());
    m_shiftCalendarPath->setEnabled(m_shiftCalendar->isChecked());

    const QStringList problems = this->problems();
    m_error->setText(problems.join(QLatin1Char('\n')));
    m_error->setVisible(!problems.isEmpty());
    m_errorIcon->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Apply)
        ->setEnabled(problems.isEmpty() && (formPreferences() != m_saved || accountEdited()));
}

bool SettingsDialog::apply()
{
    const Preferences preferences = formPreferences();
    if (!problems().isEmpty()) {
        updateState();
        return false;
    }
    const auto refused = [this](const QString& error) {
        m_error->setText(error);
        m_error->setVisible(true);
        m_errorIcon->setVisible(true);
        return false;
    };
    QString error;
    if (preferences != m_saved) {
        if (!m_settings->setPreferences(preferences, &error))
            return refused(error);
        m_saved = m_settings->preferences();
    }
    if (accountEdited()) {
        std::optional<Account> account = m_accounts->find(m_accountId);
        if (!account || account->id != m_accountId)
            return refused(tr("The account was removed meanwhile."));
        account->caFile = formCaFile();
        const std::optional<Account> saved = m_accounts->save(*account, &error);
        if (!saved)
            return refused(error);
        m_savedCaFile = saved->caFile;
    }
    updateState();
    return true;
}

void SettingsDialog::accept()
{
    if ((formPreferences() == m_saved && !accountEdited()) || apply())
        QDialog::accept();
}

} // namespace rota
