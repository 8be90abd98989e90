// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "stakeholderdialog.h"

#include "look.h"
#include "orgdirectory.h"
#include "stakeholdermessenger.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTextEdit>
#include <QVBoxLayout>

namespace rota {

namespace {

enum ChoiceRole { TeamRole = Qt::UserRole + 1, IdRole };

QString teamLabel(const QString& name) { return StakeholderDialog::tr("%1 (team)").arg(name); }

} // namespace

StakeholderDialog::StakeholderDialog(StakeholderMessenger* messenger, OrgDirectory* directory,
    const QString& incidentNumber, const QString& summary, QWidget* parent)
    : QDialog(parent)
    , m_messenger(messenger)
    , m_directory(directory)
    , m_incident(incidentNumber)
{
    setObjectName(QStringLiteral("stakeholderDialog"));
    setWindowTitle(incidentNumber.isEmpty()
            ? tr("Notify stakeholders")
            : tr("Notify stakeholders about incident #%1").arg(incidentNumber));

    auto* intro = new QLabel(tr("Tell people who follow this incident how it goes, without paging "
                                "them. They get the title and the message."));
    intro->setWordWrap(true);

    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("stakeholderTitle"));
    m_title->setText(incidentNumber.isEmpty()
            ? summary
            : tr("Incident #%1: %2")
                  .arg(incidentNumber, summary.isEmpty() ? tr("update") : summary));
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("stakeholderMessage"));
    m_text->setPlaceholderText(tr("What happened, what it means for them, when the next update "
                                  "comes"));
    m_text->setTabChangesFocus(true);

    m_recipient = new QLineEdit;
    m_recipient->setObjectName(QStringLiteral("stakeholderRecipient"));
    m_recipient->setPlaceholderText(tr("Type a name, username or team, then Enter"));
    m_choices = new QStandardItemModel(this);
    m_completer = new QCompleter(m_choices, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(10);
    m_recipient->setCompleter(m_completer);
    auto* add = new QPushButton(tr("&Add"));
    add->setAutoDefault(false);
    auto* recipientRow = new QHBoxLayout;
    recipientRow->addWidget(m_recipient, 1);
    recipientRow->addWidget(add);

    m_chosen = new QListWidget;
    m_chosen->setObjectName(QStringLiteral("stakeholderRecipients"));
    m_chosen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_chosen->setMaximumHeight(look::rowHeight(m_chosen) * 5);
    look::styleItemView(m_chosen);
    m_remove = new QPushButton(tr("Re&move"));
    m_remove->setAutoDefault(false);
    m_remove->setToolTip(tr("Take the selected recipients off the list (Delete)"));
    auto* removeKey = new QAction(m_chosen);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_chosen->addAction(removeKey);
    auto* chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_chosen, 1);
    chosenRow->addWidget(m_remove, 0, Qt::AlignTop);

    m_preview = new QTextEdit;
    m_preview->setObjectName(QStringLiteral("stakeholderPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setMinimumHeight(look::rowHeight(m_preview) * 5);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("stakeholderStatus"));
    look::setMessage(m_status, QString(), look::Tone::Info);

    auto* buttons = new QDialogButtonBox;
    // Not the accept button: a dialog's default button would take the Enter that adds a
    // recipient, and send.
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("stakeholderSend"));
    m_send->setAutoDefault(false);
    m_send->setDefault(false);
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    auto* sendKey = new QAction(this);
    sendKey->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    addAction(sendKey);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Message:"), m_text);
    // A row of a layout gets no buddy by itself: the label names the box its key goes to.
    auto* toLabel = new QLabel(tr("&To:"));
    toLabel->setBuddy(m_recipient);
    form->addRow(toLabel, recipientRow);
    form->addRow(QString(), chosenRow);
    form->addRow(tr("Preview:"), m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 600);

    // The completion's activated() comes before the line edit's returnPressed(): the entry is
    // added once, from the completion, and the box is cleared for the next one.
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
        [this](const QModelIndex& index) {
            addChosen({ index.data(TeamRole).toBool(), index.data(IdRole).toString(),
                index.data(Qt::DisplayRole).toString() });
            QMetaObject::invokeMethod(m_recipient, &QLineEdit::clear, Qt::QueuedConnection);
        });
    connect(m_recipient, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_recipient->text().trimmed();
        if (text.isEmpty())
            return;
        if (addRecipient(text))
            m_recipient->clear();
        else
            setStatus(tr("Nobody and no team is called \"%1\".").arg(text), true);
    });
    connect(add, &QPushButton::clicked, this, [this] { Q_EMIT m_recipient->returnPressed(); });
    connect(m_remove, &QPushButton::clicked, this, &StakeholderDialog::removeSelected);
    connect(removeKey, &QAction::triggered, this, &StakeholderDialog::removeSelected);
    connect(m_chosen, &QListWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_chosen->selectedItems().isEmpty()); });
    connect(m_title, &QLineEdit::textChanged, this, &StakeholderDialog::changed);
    connect(m_text, &QPlainTextEdit::textChanged, this, &StakeholderDialog::changed);
    connect(m_send, &QPushButton::clicked, this, &StakeholderDialog::send);
    connect(sendKey, &QAction::triggered, this, &StakeholderDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_messenger, &StakeholderMessenger::sent, this,
        [this](const StakeholderMessage&, const QString& text) {
            if (!m_waiting)
                return;
            m_waiting = false;
            m_sent = true;
            m_error.clear();
            setStatus(text, false);
            updateSend();
        });
    connect(m_messenger, &StakeholderMessenger::failed, this,
        [this](const StakeholderMessage&, const QString& text, bool) {
            if (!m_waiting)
                return;
            m_waiting = false;
            m_error = text;
            setStatus(text, true);
            updateSend();
        });
    connect(
        m_messenger, &StakeholderMessenger::sendingChanged, this, &StakeholderDialog::updateSend);

    connect(m_directory, &OrgDirectory::usersChanged, this, &StakeholderDialog::fillCompletion);
    connect(m_directory, &OrgDirectory::teamsChanged, this, &StakeholderDialog::fillCompletion);
    fillCompletion();
    m_directory->ensureLoaded(RequestScheduler::Priority::User);
    m_remove->setEnabled(false);
    updatePreview();
    updateSend();
    m_text->setFocus();
}

StakeholderDialog::~StakeholderDialog() = default;

void StakeholderDialog::keyPressEvent(QKeyEvent* event)
{
    // Enter adds a recipient (the box handles it) and never sends or closes: only Send and
    // Ctrl+Return send, and Esc closes.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & Qt::ControlModifier)) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void StakeholderDialog::fillCompletion()
{
    m_choices->clear();
    const QHash<QString, QString> names = m_directory->userNames();
    for (const User& user : m_directory->users()) {
        const QString name = names.value(user.username, user.displayName());
        auto* item = new QStandardItem(
            name == user.username ? name : tr("%1 (%2)").arg(name, user.username));
        item->setData(false, TeamRole);
        item->setData(user.username, IdRole);
        item->setToolTip(user.email);
        m_choices->appendRow(item);
    }
    for (const Team& team : m_directory->teams()) {
        auto* item = new QStandardItem(teamLabel(team.name));
        item->setData(true, TeamRole);
        item->setData(team.slug, IdRole);
        item->setToolTip(tr("%n member(s)", nullptr, team.memberCount));
        m_choices->appendRow(item);
    }
    m_choices->sort(0);
}

bool StakeholderDialog::addRecipient(const QString& text)
{
    const QString wanted = text.trimmed();
    for (int row = 0; row < m_choices->rowCount(); ++row) {
        const QStandardItem* item = m_choices->item(row);
        const bool team = item->data(TeamRole).toBool();
        const QString id = item->data(IdRole).toString();
        bool match = item->text().compare(wanted, Qt::CaseInsensitive) == 0
            || id.compare(wanted, Qt::CaseInsensitive) == 0;
        if (team) {
            const QString name = m_directory->teamBySlug(id);
            match = match || name.compare(wanted, Qt::CaseInsensitive) == 0;
        } else {
            match = match || item->toolTip().compare(wanted, Qt::CaseInsensitive) == 0;
        }
        if (match) {
            addChosen({ team, id, item->text() });
            return true;
        }
    }
    return false;
}

void StakeholderDialog::addChosen(const Recipient& recipient)
{
    if (recipient.id.isEmpty())
        return;
    for (const Recipient& chosen : std::as_const(m_recipients)) {
        if (chosen.team == recipient.team && chosen.id == recipient.id)
            return;
    }
    m_recipients.append(recipient);
    auto* item = new QListWidgetItem(recipient.label, m_chosen);
    item->setData(TeamRole, recipient.team);
    item->setData(IdRole, recipient.id);
    setStatus(QString(), false);
    changed();
}

void StakeholderDialog::removeSelected()
{
    const QList<QListWidgetItem*> items = m_chosen->selectedItems();
    for (QListWidgetItem* item : items) {
        const bool team = item->data(TeamRole).toBool();
        const QString id = item->data(IdRole).toString();
        m_recipients.erase(std::remove_if(m_recipients.begin(), m_recipients.end(),
                               [&](const Recipient& r) { return r.team == team && r.id == id; }),
            m_recipients.end());
        delete item;
    }
    if (!items.isEmpty())
        changed();
}

StakeholderMessage StakeholderDialog::message() const
{
    StakeholderMessage message;
    message.title = m_title->text().trimmed();
    message.message = m_text->toPlainText().trimmed();
    message.incidentNumber = m_incident;
    for (const Recipient& recipient : m_recipients)
        (recipient.team ? message.teams : message.users).append(recipient.id);
    return message;
}

void StakeholderDialog::send()
{
    if (m_waiting || m_sent || m_messenger->isSending())
        return;
    const StakeholderMessage toSend = message();
    const QString why = StakeholderMessenger::problem(toSend);
    if (!why.isEmpty()) {
        m_error = why;
        setStatus(why, true);
        return;
    }
    // Disabled before anything else happens: a second click or Ctrl+Return finds it so.
    m_waiting = true;
    m_send->setEnabled(false);
    if (!m_messenger->send(toSend)) {
        m_waiting = false;
        m_error = tr("Another message is on its way; wait for its answer.");
        setStatus(m_error, true);
        updateSend();
        return;
    }
    m_error.clear();
    setStatus(tr("Sending to %1…")
                  .arg(StakeholderMessenger::recipientsText(static_cast<int>(toSend.users.size()),
                      static_cast<int>(toSend.teams.size()))),
        false);
}

bool StakeholderDialog::hasUnsentMessage() const
{
    return !m_sent && !m_waiting && !m_text->toPlainText().trimmed().isEmpty();
}

void StakeholderDialog::changed()
{
    if (m_sent) {
        // Something changed after it went: this is a new message, and may be sent.
        m_sent = false;
        setStatus(QString(), false);
    }
    updatePreview();
    updateSend();
}

void StakeholderDialog::updatePreview()
{
    const StakeholderMessage m = message();
    QStringList to;
    for (const Recipient& recipient : std::as_const(m_recipients))
        to.append(recipient.label.toHtmlEscaped());
    QString html;
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("To:").toHtmlEscaped(),
                    to.isEmpty() ? QStringLiteral("<i>%1</i>").arg(tr("nobody yet").toHtmlEscaped())
                                 : to.join(QStringLiteral(", ")));
    if (!m.teams.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Every member of the teams gets it.").toHtmlEscaped());
    html
        += QStringLiteral("<p><b>%1</b></p>")
               .arg(m.title.isEmpty() ? tr("(no title)").toHtmlEscaped() : m.title.toHtmlEscaped());
    html += QStringLiteral("<p style=\"white-space: pre-wrap\">%1</p>")
                .arg(m.message.isEmpty() ? tr("(no message)").toHtmlEscaped()
                                         : m.message.toHtmlEscaped());
    m_preview->setHtml(html);
}

void StakeholderDialog::updateSend()
{
    const QString problem = StakeholderMessenger::problem(message());
    const bool busy = m_waiting || m_messenger->isSending();
    m_send->setEnabled(problem.isEmpty() && !busy && !m_sent);
    m_send->setText(m_sent ? tr("Sent") : busy ? tr("Sending…") : tr("&Send"));
    m_send->setToolTip(m_sent   ? tr("Sent. Change something to send another message.")
            : busy              ? tr("The message is on its way.")
            : problem.isEmpty() ? tr("Send it once to the people and teams listed (Ctrl+Return)")
                                : problem);
}

void StakeholderDialog::setStatus(const QString& text, bool error)
{
    look::setMessage(m_status, text,
        error ? look::Tone::Error : (m_sent ? look::Tone::Success : look::Tone::Info));
}

} // namespace rota
