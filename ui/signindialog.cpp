// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "signindialog.h"

#include "plaintext.h"
#include "secretstore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace rota {

bool SignInDialog::Inputs::operator==(const Inputs& other) const
{
    return baseUrl == other.baseUrl && credentials.apiId == other.credentials.apiId
        && credentials.apiKey == other.credentials.apiKey
        && credentials.username == other.credentials.username && name == other.name
        && caFile == other.caFile;
}

SignInDialog::SignInDialog(AccountStore* accounts, SecretStore* keychain, SecretStore* memory,
    CredentialCheck* check, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_keychain(keychain)
    , m_memory(memory)
    , m_check(check)
{
    m_check->setParent(this);
    setObjectName(QStringLiteral("SignInDialog"));
    setWindowTitle(tr("Sign in to Splunk On-Call"));
    buildUi();
    connect(m_check, &CredentialCheck::progress, this,
        [this](const QString& text) { showStatus(Tone::Neutral, text); });
    connect(m_check, &CredentialCheck::finished, this, &SignInDialog::onCheckFinished);
    setStep(Step::Idle);
}

SignInDialog::~SignInDialog()
{
    // The key must not outlive the dialog in a widget's undo buffer or memory longer than needed.
    m_apiKey->clear();
}

void SignInDialog::buildUi()
{
    auto* title = new QLabel(tr("Sign in to Splunk On-Call"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* intro = new QLabel(tr("Find the API ID and an API key in Splunk On-Call under "
                                "Integrations › API. Rota keeps the key in your system keychain, "
                                "never in a file."),
        this);
    intro->setWordWrap(true);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    // The reason, the test's outcome and the keychain's answer quote the server or the system:
    // shown as written, and cut so that the dialog fits on the screen (fitHeight).
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setFrameShape(QFrame::StyledPanel);
    m_reason->setMargin(6);
    m_reason->hide();

    m_apiId = new QLineEdit(this);
    m_apiId->setObjectName(QStringLiteral("apiIdEdit"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setInputMethodHints(
        Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("your VictorOps username"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("the username"));
    m_webAppSlug = new QLineEdit(this);
    m_webAppSlug->setObjectName(QStringLiteral("webAppSlugEdit"));
    m_webAppSlug->setPlaceholderText(tr("optional, e.g. acme-corp"));
    m_webAppSlug->setToolTip(
        tr("The part after /ui/ in the address of the Splunk On-Call web app "
           "(portal.victorops.com/ui/acme-corp/…); you may paste the whole address. "
           "\"Open in Splunk On-Call\" opens incidents there."));

    auto* form = new QFormLayout;
    form->addRow(tr("API &ID:"), m_apiId);
    form->addRow(tr("API &key:"), m_apiKey);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("Account &name:"), m_name);
    form->addRow(tr("&Organisation (web app):"), m_webAppSlug);

    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setText(tr("&Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_advanced = new QWidget(this);
    m_advanced->setObjectName(QStringLiteral("advancedBox"));
    m_baseUrl = new QLineEdit(Account::defaultBaseUrl().toString(), m_advanced);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    auto* urlHint = new QLabel(
        tr("Change it only for a proxy or a test server. Plain http:// is refused except to "
           "this computer: it would send the key unencrypted."),
        m_advanced);
    urlHint->setWordWrap(true);
    urlHint->setForegroundRole(QPalette::PlaceholderText);
    m_caFile = new QLineEdit(m_advanced);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("none: the system's certificate authorities only"));
    m_chooseCaFile = new QPushButton(tr("C&hoose…"), m_advanced);
    m_chooseCaFile->setObjectName(QStringLiteral("caFileButton"));
    m_chooseCaFile->setAutoDefault(false);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_chooseCaFile);
    auto* caHint = new QLabel(
        tr("Trust an extra certificate authority (PEM file): only where a company proxy "
           "inspects secure connections and signs them with its own authority. Rota never "
           "ignores a certificate it cannot trust."),
        m_advanced);
    caHint->setWordWrap(true);
    caHint->setForegroundRole(QPalette::PlaceholderText);
    auto* advancedForm = new QFormLayout;
    advancedForm->addRow(tr("&Base URL:"), m_baseUrl);
    auto* advancedLayout = new QVBoxLayout(m_advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->addLayout(advancedForm);
    advancedLayout->addWidget(urlHint);
    auto* caForm = new QFormLayout;
    // A row of a layout gets no buddy from addRow: without one the label shows its '&'.
    auto* caLabel = new QLabel(tr("Extra &certificate authority:"), m_advanced);
    caLabel->setBuddy(m_caFile);
    caForm->addRow(caLabel, caRow);
    advancedLayout->addLayout(caForm);
    advancedLayout->addWidget(caHint);

    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAutoDefault(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 0); // busy: a check has no measurable progress
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_progress);
    testRow->addStretch(1);

    m_statusIcon = new QLabel(this);
    m_statusIcon->setAlignment(Qt::AlignTop);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);

    m_keychainPanel = new QFrame(this);
    m_keychainPanel->setObjectName(QStringLiteral("keychainPanel"));
    m_keychainPanel->setFrameShape(QFrame::StyledPanel);
    m_keychainText = new QLabel(m_keychainPanel);
    m_keychainText->setObjectName(QStringLiteral("keychainLabel"));
    m_keychainText->setWordWrap(true);
    m_keychainText->setTextFormat(Qt::PlainText);
    m_keepInMemory
        = new QPushButton(tr("&Keep the key in memory for this run only"), m_keychainPanel);
    m_keepInMemory->setObjectName(QStringLiteral("keepInMemoryButton"));
    m_keepInMemory->setAutoDefault(false);
    m_keychainBack = new QPushButton(tr("Cancel"), m_keychainPanel);
    m_keychainBack->setObjectName(QStringLiteral("keychainCancelButton"));
    m_keychainBack->setAutoDefault(false);
    auto* panelButtons = new QHBoxLayout;
    panelButtons->addStretch(1);
    panelButtons->addWidget(m_keepInMemory);
    panelButtons->addWidget(m_keychainBack);
    auto* panelLayout = new QVBoxLayout(m_keychainPanel);
    panelLayout->addWidget(m_keychainText);
    panelLayout->addLayout(panelButtons);

    m_buttons = new QDialogButtonBox(this);
    m_signIn = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    QPushButton* cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addLayout(testRow);
    layout->addLayout(statusRow);
    layout->addWidget(m_keychainPanel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    for (QLineEdit* edit : { m_apiId, m_apiKey, m_username, m_name, m_baseUrl, m_caFile })
        connect(edit, &QLineEdit::textEdited, this, &SignInDialog::onInputEdited);
    connect(m_chooseCaFile, &QPushButton::clicked, this, &SignInDialog::chooseCaFile);
    connect(m_username, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_name->setPlaceholderText(text.trimmed().isEmpty() ? tr("the username") : text.trimmed());
    });
    connect(m_advancedToggle, &QToolButton::toggled, this, &SignInDialog::setAdvancedVisible);
    connect(m_test, &QPushButton::clicked, this, &SignInDialog::onTestClicked);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::onSignInClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepInMemory, &QPushButton::clicked, this, &SignInDialog::keepInMemory);
    connect(m_keychainBack, &QPushButton::clicked, this, &SignInDialog::backFromKeychain);
    setAdvancedVisible(false);
    layout->activate();
    const int width = qMax(minimumWidth(), sizeHint().width());
    resize(width, heightForWidth(width));
}

void SignInDialog::setAdvancedVisible(bool visible)
{
    m_advancedToggle->setChecked(visible);
    m_advancedToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_advanced->setVisible(visible);
    fitHeight();
}

void SignInDialog::editAccount(const Account& account, const QString& reason)
{
    m_editingId = account.id;
    m_apiId->setText(account.apiId);
    m_apiKey->clear();
    m_username->setText(account.username);
    m_name->setText(account.name);
    m_webAppSlug->setText(account.webAppSlug);
    if (!account.baseUrl.isEmpty())
        m_baseUrl->setText(account.baseUrl.toString());
    m_caFile->setText(account.caFile);
    if ((account.baseUrl.isValid() && !account.baseUrl.isEmpty()
            && account.baseUrl != Account::defaultBaseUrl())
        || !account.caFile.isEmpty())
        setAdvancedVisible(true);
    setPlainLabelText(m_reason, reason, MessageChars);
    m_reason->setVisible(!reason.isEmpty());
    m_checked.reset();
    fitHeight();
    m_apiKey->setFocus();
}

QString SignInDialog::apiKey() const
{
    return m_saved.id.isEmpty() ? QString() : m_saving.credentials.apiKey;
}

QString SignInDialog::effectiveName() const
{
    const QString name = m_name->text().trimmed();
    return name.isEmpty() ? m_username->text().trimmed() : name;
}

void SignInDialog::chooseCaFile()
{
    auto* chooser = new QFileDialog(this, tr("Extra Certificate Authority"),
        m_caFile->text().trimmed().isEmpty() ? QString() : QFileInfo(m_caFile->text()).path(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setObjectName(QStringLiteral("caFileChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& file) {
        m_caFile->setText(QDir::toNativeSeparators(file));
        onInputEdited();
    });
    chooser->open();
}

void SignInDialog::onInputEdited()
{
    m_checked.reset();
    m_readOnlyShown = false;
    m_signIn->setText(tr("&Sign in"));
    if (m_step == Step::Testing || m_step == Step::SigningIn)
        m_check->cancel(); // its answer would be about other details
}

std::optional<SignInDialog::Inputs> SignInDialog::validInputs()
{
    const auto refuse = [this](QWidget* field, const QString& text) {
        showStatus(Tone::Error, text);
        field->setFocus();
        return std::nullopt;
    };
    Inputs inputs;
    inputs.credentials.apiId = m_apiId->text().trimmed();
    inputs.credentials.apiKey = m_apiKey->text().trimmed();
    inputs.credentials.username = m_username->text().trimmed();
    inputs.name = effectiveName();
    inputs.webAppSlug = Account::webAppSlugFrom(m_webAppSlug->text());
    if (inputs.credentials.apiId.isEmpty())
        return refuse(m_apiId, tr("Enter the API ID."));
    if (inputs.credentials.apiKey.isEmpty())
        return refuse(m_apiKey, tr("Enter the API key."));
    if (inputs.credentials.username.isEmpty())
        return refuse(m_username, tr("Enter your VictorOps username."));

    const QString urlText = m_baseUrl->text().trimmed();
    inputs.baseUrl
        = urlText.isEmpty() ? Account::defaultBaseUrl() : QUrl(urlText, QUrl::StrictMode);
    QString urlError;
    if (!Account::isBaseUrlAllowed(inputs.baseUrl, &urlError)) {
        setAdvancedVisible(true);
        return refuse(m_baseUrl, urlError);
    }
    inputs.caFile = m_caFile->text().trimmed();
    QString caError;
    if (!Account::isCaFileUsable(inputs.caFile, &caError)) {
        setAdvancedVisible(true);
        return refuse(m_caFile, caError);
    }
    if (m_accounts) {
        const std::optional<Account> taken = m_accounts->find(inputs.name);
        if (taken && taken->id != m_editingId
            && taken->name.compare(inputs.name, Qt::CaseInsensitive) == 0)
            return refuse(m_name,
                tr("There is already an account named \"%1\". Choose another account name.")
                    .arg(taken->name));
    }
    return inputs;
}

void SignInDialog::onTestClicked()
{
    if (m_step == Step::Testing) {
        m_check->cancel();
        return;
    }
    if (const std::optional<Inputs> inputs = validInputs())
        startCheck(Step::Testing, *inputs);
}

void SignInDialog::onSignInClicked()
{
    if (m_step == Step::SigningIn || m_step == Step::SavingKey || m_step == Step::KeychainFailed)
        return;
    const std::optional<Inputs> inputs = validInputs();
    if (!inputs)
        return;
    if (m_step == Step::Testing)
        m_check->cancel();
    // Details that just passed a test need not be checked again; a read-only key the user has been
    // warned about is accepted the second time.
    if (m_checked && *m_checked == *inputs
        && (m_lastResult.outcome == CredentialCheck::Outcome::Ok || m_readOnlyShown)) {
        m_saving = *inputs;
        storeKey(m_keychain);
        return;
    }
    startCheck(Step::SigningIn, *inputs);
}

void SignInDialog::startCheck(Step step, const Inputs& inputs)
{
    m_saving = inputs;
    m_checked.reset();
    setStep(step);
    Q_EMIT secretsEntered({ inputs.credentials.apiKey, inputs.credentials.apiId });
    m_check->start(inputs.baseUrl, inputs.credentials, inputs.caFile);
}

void SignInDialog::onCheckFinished(const CredentialCheck::Result& result)
{
    const Step step = m_step;
    m_lastResult = result;
    setStep(Step::Idle);
    switch (result.outcome) {
    case CredentialCheck::Outcome::Cancelled:
        showStatus(Tone::Neutral, QString());
        break;
    case CredentialCheck::Outcome::Ok:
        m_checked = m_saving;
        showStatus(Tone::Good, result.message);
        break;
    case CredentialCheck::Outcome::ReadOnly:
        m_checked = m_saving;
        m_readOnlyShown = true;
        m_signIn->setText(tr("&Sign in read-only"));
        showStatus(Tone::Warning, result.message);
        break;
    default: {
        QString text = result.message;
        if (!result.detail.isEmpty() && !text.contains(result.detail))
            text += QStringLiteral("\n") + tr("Splunk On-Call said: %1").arg(result.detail);
        showStatus(Tone::Error, text);
        if (result.outcome == CredentialCheck::Outcome::BadCaFile
            || result.outcome == CredentialCheck::Outcome::Untrusted) {
            setAdvancedVisible(true);
            m_caFile->setFocus();
        } else if (result.outcome == CredentialCheck::Outcome::BadCredentials) {
            m_apiKey->setFocus();
        } else if (result.outcome == CredentialCheck::Outcome::UnknownUser) {
            m_username->setFocus();
        }
        break;
    }
    }
    Q_EMIT checkFinished(result);

    // Signing in goes on by itself when the key is good; a read-only key first shows its warning
    // and waits for a second "Sign in".
    if (step == Step::SigningIn && result.outcome == CredentialCheck::Outcome::Ok)
        storeKey(m_keychain);
}

void SignInDialog::storeKey(SecretStore* store)
{
    if (!store) {
        showStatus(Tone::Error, tr("There is no place to keep the key."));
        return;
    }
    if (m_savingId.isEmpty())
        m_savingId = m_editingId.isEmpty() ? AccountStore::newId() : m_editingId;
    setStep(Step::SavingKey);
    showStatus(Tone::Neutral,
        store == m_memory ? tr("Keeping the key in memory…")
                          : tr("Storing the key in the system keychain…"));
    QPointer<SecretStore> guard(store);
    store->write(m_savingId, m_saving.credentials.apiKey, this,
        [this, guard](const SecretResult& result) { onKeyStored(guard, result); });
}

void SignInDialog::onKeyStored(SecretStore* store, const SecretResult& result)
{
    if (m_closed) {
        // The dialog was cancelled while the keychain worked: take the key back out, since no
        // account will refer to it (unless it replaced the key of an existing one).
        if (result.ok() && store && m_editingId.isEmpty())
            store->remove(m_savingId, store, [](const SecretResult&) {});
        return;
    }
    if (!result.ok()) {
        setStep(Step::KeychainFailed);
        const QString words = result.message.isEmpty() ? tr("no reason given") : result.message;
        m_keychainText->setText(
            tr("Rota could not store the key in the system keychain: %1\n\n"
               "You can keep the key in memory for this run only: Rota works until it quits, "
               "and asks for the key again next time. Nothing is written to disk.")
                .arg(words));
        showStatus(Tone::Warning, tr("The keychain did not take the key."));
        m_keepInMemory->setFocus();
        Q_EMIT keychainFailed(words);
        return;
    }
    Account account;
    account.id = m_savingId;
    account.name = m_saving.name;
    account.apiId = m_saving.credentials.apiId;
    account.username = m_saving.credentials.username;
    account.baseUrl = m_saving.baseUrl;
    account.caFile = m_saving.caFile;
    account.webAppSlug = m_saving.webAppSlug;
    QString error;
    const std::optional<Account> saved
        = m_accounts ? m_accounts->save(account, &error) : std::optional<Account>(account);
    if (!saved) {
        setStep(Step::Idle);
        showStatus(Tone::Error, error);
        if (store && m_editingId.isEmpty())
            store->remove(m_savingId, store, [](const SecretResult&) {});
        return;
    }
    m_saved = *saved;
    m_keptInMemory = store && store == m_memory;
    setStep(Step::Idle);
    accept();
}

void SignInDialog::keepInMemory()
{
    if (m_step != Step::KeychainFailed)
        return;
    storeKey(m_memory);
}

void SignInDialog::backFromKeychain()
{
    setStep(Step::Idle);
    showStatus(Tone::Neutral, tr("Not signed in: the key was not stored."));
}

void SignInDialog::done(int result)
{
    if (result != QDialog::Accepted) {
        m_closed = m_step == Step::SavingKey;
        if (m_check->isRunning())
            m_check->cancel();
    }
    QDialog::done(result);
}

void SignInDialog::setStep(Step step)
{
    m_step = step;
    const bool busy = step == Step::Testing || step == Step::SigningIn || step == Step::SavingKey;
    m_progress->setVisible(busy);
    m_test->setText(step == Step::Testing ? tr("S&top test") : tr("&Test connection"));
    m_test->setEnabled(step == Step::Idle || step == Step::Testing);
    m_signIn->setEnabled(step == Step::Idle || step == Step::Testing);
    m_keychainPanel->setVisible(step == Step::KeychainFailed);
    if (step == Step::KeychainFailed)
        fitHeight();
    // While the key is being stored what is saved must match what is shown.
    const bool editable = step != Step::SavingKey && step != Step::KeychainFailed;
    for (QLineEdit* edit :
        { m_apiId, m_apiKey, m_username, m_name, m_webAppSlug, m_baseUrl, m_caFile })
        edit->setReadOnly(!editable);
    m_chooseCaFile->setEnabled(editable);
}

void SignInDialog::showStatus(Tone tone, const QString& text)
{
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Good:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case Tone::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Tone::Error:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    if (icon == QStyle::SP_CustomBase || text.isEmpty())
        m_statusIcon->clear();
    else
        m_statusIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    setPlainLabelText(m_status, text, MessageChars);
    fitHeight();
}

// A longer message, the advanced fields or the keychain panel may need more height than the
// dialog has; wrapped labels would be cut rather than the dialog grow by itself.
void SignInDialog::fitHeight()
{
    if (!layout())
        return;
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

} // namespace rota
