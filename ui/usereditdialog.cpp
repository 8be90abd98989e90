// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "usereditdialog.h"

#include "plaintext.h"
#include "usersmodel.h"
#include "viewchrome.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rota {

namespace {

// What the service accepts (its 400 says the same in other words).
const QRegularExpression& usernamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern;
}

const QRegularExpression& emailPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return pattern;
}

} // namespace

UserEditDialog::UserEditDialog(const std::optional<User>& existing, const QList<User>& others,
    const QHash<QString, QString>& names, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_first(new QLineEdit(this))
    , m_last(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_send(m_buttons->addButton(
          existing ? tr("Save") : tr("Send invitation"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("userEditDialog"));
    setWindowTitle(existing ? tr("Edit user") : tr("Add user"));
    for (const User& user : others) {
        if (existing && user.username == existing->username)
            continue;
        const QString name = names.value(user.username, user.displayName());
        m_usernames.insert(user.username.toCaseFolded(), name);
        if (!user.email.isEmpty())
            m_emails.insert(user.email.toCaseFolded(), name);
    }

    m_first->setObjectName(QStringLiteral("firstName"));
    m_last->setObjectName(QStringLiteral("lastName"));
    m_username->setObjectName(QStringLiteral("username"));
    m_email->setObjectName(QStringLiteral("email"));
    m_send->setObjectName(QStringLiteral("sendUser"));
    m_problem->setObjectName(QStringLiteral("userEditProblem"));
    setUpNoticeLabel(m_problem);
    setUpBusyBar(m_progress);
    m_email->setPlaceholderText(tr("name@example.com"));
    for (QLineEdit* edit : { m_first, m_last, m_username, m_email })
        edit->setMaxLength(255);

    auto* intro = new QLabel(existing ? tr("Their username cannot change.")
                                      : tr("They get an e-mail inviting them to set a password."),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&First name:"), m_first);
    form->addRow(tr("&Last name:"), m_last);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&E-mail:"), m_email);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    if (existing) {
        m_first->setText(existing->firstName);
        m_last->setText(existing->lastName);
        m_username->setText(existing->username);
        m_username->setReadOnly(true);
        m_email->setText(existing->email);
    }

    connect(m_send, &QPushButton::clicked, this, &UserEditDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_username, &QLineEdit::textEdited, this, [this] { m_usernameTyped = true; });
    for (QLineEdit* edit : { m_first, m_last }) {
        connect(edit, &QLineEdit::textEdited, this, &UserEditDialog::suggestUsername);
    }
    for (QLineEdit* edit : { m_first, m_last, m_username, m_email }) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            // After a first try the problem follows what is typed, so it goes once fixed.
            if (m_tried && !m_busy)
                showProblem(problem());
        });
    }
    resize(sizeHint().expandedTo(QSize(420, 0)));
}

UserEditDialog::~UserEditDialog() = default;

void UserEditDialog::suggestUsername()
{
    if (m_existing || m_usernameTyped)
        return;
    // "José García" → "jose.garcia", as the simulator and most organisations name people.
    QString stem = UsersModel::foldForSearch(m_first->text().trimmed());
    const QString last = UsersModel::foldForSearch(m_last->text().trimmed());
    if (!last.isEmpty())
        stem += (stem.isEmpty() ? QString() : QStringLiteral(".")) + last;
    static const QRegularExpression unfit(QStringLiteral("[^a-z0-9._-]"));
    stem.remove(unfit);
    m_username->setText(stem);
}

UserPayload UserEditDialog::payload() const
{
    UserPayload user;
    user.firstName = m_first->text().trimmed();
    user.lastName = m_last->text().trimmed();
    user.username = m_existing ? m_existing->username : m_username->text().trimmed();
    user.email = m_email->text().trimmed();
    return user;
}

QString UserEditDialog::problem() const
{
    const UserPayload user = payload();
    if (user.firstName.isEmpty())
        return tr("Enter their first name.");
    if (user.lastName.isEmpty())
        return tr("Enter their last name.");
    if (!m_existing) {
        if (user.username.isEmpty())
            return tr("Choose a username.");
        if (!usernamePattern().match(user.username).hasMatch())
            return tr("A username is 1 to 64 letters (a to z), digits, dots, dashes or "
                      "underscores, and starts with a letter or digit.");
        const auto taken = m_usernames.constFind(user.username.toCaseFolded());
        if (taken != m_usernames.cend())
            return tr("The username “%1” is taken by %2.").arg(user.username, *taken);
    }
    if (user.email.isEmpty())
        return tr("Enter their e-mail address: the invitation goes there.");
    if (!emailPattern().match(user.email).hasMatch())
        return tr("“%1” is not an e-mail address: it needs a name, an @ and a domain, like "
                  "maya@example.com.")
            .arg(clipped(user.email, MenuChars));
    const auto owner = m_emails.constFind(user.email.toCaseFolded());
    if (owner != m_emails.cend())
        return tr("The address %1 belongs to %2 already.").arg(user.email, *owner);
    return {};
}

QLineEdit* UserEditDialog::fieldOfProblem() const
{
    const UserPayload user = payload();
    if (user.firstName.isEmpty())
        return m_first;
    if (user.lastName.isEmpty())
        return m_last;
    if (!m_existing
        && (user.username.isEmpty() || !usernamePattern().match(user.username).hasMatch()
            || m_usernames.contains(user.username.toCaseFolded())))
        return m_username;
    return m_email;
}

QString UserEditDialog::shownProblem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void UserEditDialog::showProblem(const QString& text) { showNotice(m_problem, text, true); }

void UserEditDialog::submit()
{
    if (m_busy)
        return;
    m_tried = true;
    const QString why = problem();
    if (!why.isEmpty()) {
        showProblem(why);
        fieldOfProblem()->setFocus(Qt::OtherFocusReason);
        return;
    }
    showProblem(QString());
    setBusy(true);
    Q_EMIT submitted(payload());
}

void UserEditDialog::refused(const QString& message)
{
    setBusy(false);
    showProblem(message);
}

void UserEditDialog::finish()
{
    setBusy(false);
    accept();
}

void UserEditDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit* edit : { m_first, m_last, m_email })
        edit->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_send->setEnabled(!busy);
    m_progress->setVisible(busy);
}

} // namespace rota
