// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "reroutedialog.h"

#include "incidentactions.h"
#include "orgdirectory.h"
#include "plaintext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rota {

namespace {

constexpr int SlugRole = Qt::UserRole + 1;
constexpr int SearchRole = Qt::UserRole + 2;

QListWidgetItem* checkItem(
    QListWidget* list, const QString& text, const QString& slug, const QString& search)
{
    auto* item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Unchecked);
    item->setData(SlugRole, slug);
    item->setData(SearchRole, search.toLower());
    return item;
}

} // namespace

TargetPicker::TargetPicker(OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_filter(new QLineEdit)
    , m_users(new QListWidget)
    , m_policies(new QListWidget)
    , m_state(new QLabel(tr("Loading users and escalation policies…")))
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter->setPlaceholderText(tr("Filter users and policies"));
    m_filter->setAccessibleName(tr("Filter users and policies"));
    // Item views take their accessible names from themselves, not from a buddy label.
    m_users->setAccessibleName(tr("Users"));
    m_policies->setAccessibleName(tr("Escalation policies"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("Users")), 1, 0);
    layout->addWidget(new QLabel(tr("Escalation policies")), 1, 1);
    layout->addWidget(m_users, 2, 0);
    layout->addWidget(m_policies, 2, 1);
    makePlainLabel(m_state); // the server's messages, as written
    m_state->setWordWrap(true);
    layout->addWidget(m_state, 3, 0, 1, 2);
    m_users->setSortingEnabled(true);
    m_policies->setSortingEnabled(true);

    connect(m_filter, &QLineEdit::textChanged, this, &TargetPicker::applyFilter);
    connect(m_users, &QListWidget::itemChanged, this, &TargetPicker::targetsChanged);
    connect(m_policies, &QListWidget::itemChanged, this, &TargetPicker::targetsChanged);

    // A list the directory already has fills at once; a missing one is asked for at user
    // priority (someone is waiting) and fills when it answers.
    const bool haveUsers = m_directory->hasUsers();
    const bool havePolicies = m_directory->hasPolicies();
    if (haveUsers)
        fillUsers();
    if (havePolicies)
        fillPolicies();
    if (!haveUsers) {
        connect(m_directory, &OrgDirectory::usersChanged, this, [this] {
            if (m_usersDone)
                return;
            fillUsers();
            finish();
        });
        connect(m_directory, &OrgDirectory::usersFailed, this, [this](const QString& error) {
            if (m_usersDone)
                return;
            m_usersDone = true;
            m_errors.append(error);
            finish();
        });
    }
    if (!havePolicies) {
        connect(m_directory, &OrgDirectory::policiesChanged, this, [this] {
            if (m_policiesDone)
                return;
            fillPolicies();
            finish();
        });
        connect(m_directory, &OrgDirectory::policiesFailed, this, [this](const QString& error) {
            if (m_policiesDone)
                return;
            m_policiesDone = true;
            m_errors.append(error);
            finish();
        });
    }
    // Lists older than the directory's max age are read again for next time (in the background
    // when this picker already has them).
    m_directory->ensureLoaded(haveUsers && havePolicies ? RequestScheduler::Priority::Background
                                                        : RequestScheduler::Priority::User);
    if (isLoaded()) {
        // Signals of a picker made with everything at hand still reach a caller who connects
        // right after construction.
        QMetaObject::invokeMethod(this, &TargetPicker::finish, Qt::QueuedConnection);
    }
}

void TargetPicker::fillUsers()
{
    m_usersDone = true;
    {
        const QSignalBlocker block(m_users);
        for (const User& user : m_directory->users()) {
            const QString name = user.displayName();
            const QString text = name == user.username
                ? user.username
                : name + QLatin1String(" (") + user.username + QLatin1Char(')');
            checkItem(m_users, text, user.username, text + QLatin1Char(' ') + user.email);
        }
    }
}

void TargetPicker::fillPolicies()
{
    m_policiesDone = true;
    {
        const QSignalBlocker block(m_policies);
        for (const EscalationPolicyInfo& info : m_directory->policies()) {
            const QString text = info.teamName.isEmpty()
                ? info.policyName
                : info.policyName + QStringLiteral(" — ") + info.teamName;
            checkItem(m_policies, text, info.policySlug, text + QLatin1Char(' ') + info.policySlug);
        }
    }
}

void TargetPicker::finish()
{
    if (!isLoaded())
        return;
    setPlainLabelText(m_state, m_errors.join(QLatin1Char('\n')), MessageChars);
    m_state->setVisible(!m_errors.isEmpty());
    applyFilter();
    Q_EMIT loaded();
}

QList<IncidentTarget> TargetPicker::targets() const
{
    QList<IncidentTarget> targets;
    for (int i = 0; i < m_users->count(); ++i) {
        if (m_users->item(i)->checkState() == Qt::Checked)
            targets.append(IncidentTarget::user(m_users->item(i)->data(SlugRole).toString()));
    }
    for (int i = 0; i < m_policies->count(); ++i) {
        if (m_policies->item(i)->checkState() == Qt::Checked)
            targets.append(IncidentTarget::policy(m_policies->item(i)->data(SlugRole).toString()));
    }
    return targets;
}

bool TargetPicker::setChecked(const IncidentTarget& target, bool checked)
{
    QListWidget* list = target.type == IncidentTarget::Type::User ? m_users : m_policies;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(SlugRole).toString() == target.slug) {
            list->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            list->scrollToItem(list->item(i));
            return true;
        }
    }
    return false;
}

void TargetPicker::applyFilter()
{
    const QStringList words
        = m_filter->text().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QListWidget* list : { m_users, m_policies }) {
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem* item = list->item(i);
            const QString search = item->data(SearchRole).toString();
            bool shown = true;
            for (const QString& word : words)
                shown = shown && search.contains(word);
            // Ticked targets stay visible: what is chosen should never be hidden.
            item->setHidden(!shown && item->checkState() != Qt::Checked);
        }
    }
}

RerouteDialog::RerouteDialog(OrgDirectory* directory, IncidentActions* actions,
    const QStringList& incidentNumbers, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_numbers(incidentNumbers)
    , m_picker(new TargetPicker(directory))
    , m_add(new QCheckBox(tr("Add to the current targets (keep paging those paged now)")))
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(incidentNumbers.size() == 1
            ? tr("Reroute incident #%1").arg(incidentNumbers.constFirst())
            : tr("Reroute %n incident(s)", nullptr, static_cast<int>(incidentNumbers.size())));
    auto* layout = new QVBoxLayout(this);
    QStringList named;
    for (const QString& number : incidentNumbers)
        named.append(QLatin1Char('#') + number);
    auto* intro = new QLabel(
        tr("Page these users and escalation policies for %1 instead of those paged now.")
            .arg(named.join(QLatin1String(", "))));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_picker, 1);
    layout->addWidget(m_add);
    makePlainLabel(m_error);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reroute"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RerouteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_picker, &TargetPicker::targetsChanged, m_error, &QLabel::hide);
    resize(640, 460);
}

void RerouteDialog::accept()
{
    const QList<IncidentTarget> targets = m_picker->targets();
    if (targets.isEmpty()) {
        m_error->setText(tr("Tick at least one user or escalation policy to page."));
        m_error->show();
        return;
    }
    const QStringList sent = m_actions->reroute(m_numbers, targets, m_add->isChecked());
    if (sent.isEmpty()) {
        m_error->setText(tr("These incidents are busy with another action; try again in a "
                            "moment."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace rota
