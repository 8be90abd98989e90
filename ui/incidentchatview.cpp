// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentchatview.h"

#include "displayformat.h"
#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "look.h"
#include "orgdirectory.h"
#include "plaintext.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace rota {

namespace {

// "11:20" today, "5 Dec 11:20" before.
QString chatTime(const QDateTime& time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local, displayFormat(QStringLiteral("HH:mm")));
    return locale.toString(local, displayFormat(QStringLiteral("d MMM HH:mm")));
}

class VisibilityFollower : public QObject {
public:
    VisibilityFollower(QWidget* page, IncidentChatController* controller)
        : QObject(page)
        , m_page(page)
        , m_controller(controller)
    {
        page->installEventFilter(this);
        controller->setActive(page->isVisible());
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_page && (event->type() == QEvent::Show || event->type() == QEvent::Hide)
            && m_controller)
            m_controller->setActive(m_page->isVisible() && !m_page->window()->isMinimized());
        return false;
    }

private:
    QWidget* m_page;
    QPointer<IncidentChatController> m_controller;
};

bool isMentionChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_')
        || c == QLatin1Char('-');
}

} // namespace

// --- ChatBox -------------------------------------------------------------------------------------

ChatBox::ChatBox(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    connect(this, &QPlainTextEdit::textChanged, this, &ChatBox::updateCompletion);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &ChatBox::updateCompletion);
}

void ChatBox::setCompleter(QCompleter* completer)
{
    m_completer = completer;
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
        &ChatBox::insertCompletion);
}

QString ChatBox::mentionPrefix() const
{
    const QTextCursor cursor = textCursor();
    const QString block = cursor.block().text();
    int at = cursor.positionInBlock();
    int start = at;
    while (start > 0 && isMentionChar(block.at(start - 1)))
        --start;
    if (start == 0 || block.at(start - 1) != QLatin1Char('@'))
        return QString();
    // An e-mail address ("a@b") is no mention: "@" starts one only after a space or at the start.
    if (start >= 2 && !block.at(start - 2).isSpace())
        return QString();
    return block.mid(start, at - start);
}

void ChatBox::updateCompletion()
{
    if (!m_completer)
        return;
    const QTextCursor cursor = textCursor();
    const QString block = cursor.block().text();
    const int at = cursor.positionInBlock();
    const bool inMention = at > 0
        && (block.at(at - 1) == QLatin1Char('@') || !mentionPrefix().isEmpty())
        && (at < 2 || block.at(at - 1) != QLatin1Char('@') || block.at(at - 2).isSpace());
    if (!inMention || isReadOnly()) {
        m_completer->popup()->hide();
        return;
    }
    const QString prefix = mentionPrefix();
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
        + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void ChatBox::insertCompletion(const QString& username)
{
    QTextCursor cursor = textCursor();
    const int prefix = static_cast<int>(mentionPrefix().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, prefix);
    cursor.insertText(username + QLatin1Char(' '));
    setTextCursor(cursor);
    m_completer->popup()->hide();
}

void ChatBox::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (m_completer && m_completer->popup()->isVisible()) {
        // The popup takes the keys that choose; the rest go on being typed here.
        if (enter || event->key() == Qt::Key_Tab || event->key() == Qt::Key_Escape
            || event->key() == Qt::Key_Backtab) {
            if (event->key() != Qt::Key_Escape) {
                const QModelIndex current = m_completer->popup()->currentIndex();
                insertCompletion(current.isValid() ? current.data().toString()
                                                   : m_completer->currentCompletion());
            } else {
                m_completer->popup()->hide();
            }
            event->accept();
            return;
        }
    }
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        Q_EMIT submitted();
        return;
    }
    if (enter) {
        // Shift+Enter: a new line (QPlainTextEdit would insert a line separator instead).
        textCursor().insertText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

// --- IncidentChatView ----------------------------------------------------------------------------

IncidentChatView::IncidentChatView(
    IncidentChatController* controller, OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_directory(directory)
    , m_state(new QLabel)
    , m_conversation(new QTextBrowser)
    , m_box(new ChatBox)
    , m_send(new QPushButton(tr("Send")))
    , m_message(new QLabel)
    , m_completer(new QCompleter(this))
    , m_usernames(new QStringListModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Chat"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    makePlainLabel(m_state);
    m_state->setWordWrap(true);
    m_state->hide();
    layout->addWidget(m_state);

    m_conversation->setReadOnly(true);
    m_conversation->setOpenLinks(false);
    m_conversation->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_conversation->setAccessibleName(tr("Conversation"));
    m_conversation->setPlaceholderText(tr("No messages yet."));
    layout->addWidget(m_conversation);
    connect(m_conversation, &QTextBrowser::anchorClicked, this, &IncidentChatView::openLink);

    m_box->setPlaceholderText(
        tr("Write to the people on this incident (Enter sends, Shift+Enter a new line, @ names "
           "someone)"));
    m_box->setAccessibleName(tr("Chat message"));
    m_box->setMaximumHeight(look::rowHeight(this) * 4);
    m_box->setCompleter(m_completer);
    m_completer->setModel(m_usernames);
    // The box as wide as the pane; under it, why a message was not posted and the Send button at
    // the right.
    layout->addWidget(m_box);
    auto* row = new QHBoxLayout;
    makePlainLabel(m_message);
    m_message->setWordWrap(true);
    m_message->hide();
    row->addWidget(m_message, 1, Qt::AlignTop);
    m_send->setToolTip(tr("Post the message on the incident's timeline (Enter)"));
    row->addWidget(m_send, 0, Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(row);

    IncidentChat* chat = m_controller->chat();
    connect(chat, &QAbstractItemModel::modelReset, this, &IncidentChatView::render);
    connect(chat, &QAbstractItemModel::rowsInserted, this, &IncidentChatView::render);
    connect(chat, &QAbstractItemModel::rowsRemoved, this, &IncidentChatView::render);
    connect(chat, &QAbstractItemModel::dataChanged, this, &IncidentChatView::render);
    connect(m_controller, &IncidentChatController::statusChanged, this, [this](const QString& s) {
        look::setMessage(m_state, clipped(s, MessageChars),
            m_controller->canRead() ? look::Tone::Info : look::Tone::Warning);
        m_state->setVisible(!s.isEmpty());
    });
    connect(
        m_controller, &IncidentChatController::sendingChanged, this, &IncidentChatView::updateBusy);
    connect(m_controller, &IncidentChatController::posted, this, [this](const QString& incident) {
        if (incident != m_incident)
            return;
        m_failures.remove(incident);
        m_loadingDraft = true;
        m_box->clear();
        m_loadingDraft = false;
        m_message->hide();
        if (m_followBox)
            keepBoxInView();
        m_followBox = false;
    });
    connect(m_controller, &IncidentChatController::postFailed, this,
        [this](const QString& incident, const QString& message) {
            // Kept with its incident (shown again with its draft), and said at once whichever
            // incident is shown: the message names its incident.
            m_failures.insert(incident, message);
            showFailure(message);
            if (m_followBox)
                keepBoxInView();
            m_followBox = false;
        });
    connect(m_box, &ChatBox::submitted, this, &IncidentChatView::send);
    connect(m_send, &QPushButton::clicked, this, &IncidentChatView::send);
    connect(m_box, &QPlainTextEdit::textChanged, this, &IncidentChatView::storeDraft);
    connect(m_box, &QPlainTextEdit::textChanged, this, &IncidentChatView::updateBusy);
    if (m_directory) {
        connect(m_directory, &OrgDirectory::usersChanged, this, &IncidentChatView::updateUsers);
        updateUsers();
    }
    updateBusy();
    render();
}

void IncidentChatView::setIncident(const QString& incidentNumber)
{
    if (incidentNumber == m_incident)
        return;
    m_incident = incidentNumber;
    m_followBox = false;
    m_controller->setIncident(incidentNumber);
    m_loadingDraft = true;
    m_box->setPlainText(m_controller->draft(incidentNumber));
    m_box->moveCursor(QTextCursor::End);
    m_loadingDraft = false;
    // Why this incident's draft was not posted, if it was not; another incident's reason stays
    // with that incident.
    showFailure(m_failures.value(incidentNumber));
    updateBusy();
}

void IncidentChatView::showFailure(const QString& message)
{
    if (message.isEmpty()) {
        m_message->hide();
        return;
    }
    look::setMessage(m_message, clipped(message, MessageChars), look::Tone::Error);
    m_message->show();
}

void IncidentChatView::storeDraft()
{
    if (!m_loadingDraft && !m_controller->isSending(m_incident))
        m_controller->setDraft(m_incident, m_box->toPlainText());
}

void IncidentChatView::send()
{
    if (m_controller->isSending(m_incident))
        return;
    m_failures.remove(m_incident);
    m_message->hide();
    // Sent from the box (Enter) or its button: they stay in view as the conversation grows by
    // the message.
    m_followBox = true;
    m_controller->post(m_box->toPlainText());
}

void IncidentChatView::keepBoxInView()
{
    QScrollArea* area = nullptr;
    for (QWidget* widget = parentWidget(); widget && !area; widget = widget->parentWidget())
        area = qobject_cast<QScrollArea*>(widget);
    if (!area)
        return;
    // Once the pane is laid out again with the longer conversation: the box, the Send button
    // and the line under them (ensureWidgetVisible would show only the box's cursor).
    QTimer::singleShot(0, area, [area, view = QPointer<IncidentChatView>(this)] {
        if (!view || !area->widget())
            return;
        const QRect composer
            = view->m_box->geometry()
                  .united(view->m_send->geometry())
                  .united(view->m_message->isVisible() ? view->m_message->geometry() : QRect());
        const QPoint at = view->mapTo(area->widget(), composer.topLeft());
        area->ensureVisible(at.x() + composer.width() / 2, at.y() + composer.height() / 2, 0,
            composer.height() / 2 + 4);
    });
}

void IncidentChatView::updateBusy()
{
    const bool sending = m_controller->isSending(m_incident);
    m_box->setReadOnly(sending);
    m_send->setText(sending ? tr("Sending…") : tr("Send"));
    m_send->setEnabled(
        !sending && !m_incident.isEmpty() && !m_box->toPlainText().trimmed().isEmpty());
}

void IncidentChatView::updateUsers()
{
    if (!m_directory)
        return;
    QStringList usernames;
    for (const User& user : m_directory->users())
        usernames.append(user.username);
    usernames.sort(Qt::CaseInsensitive);
    m_usernames->setStringList(usernames);
    m_controller->chat()->setUserNames(m_directory->userNames());
}

void IncidentChatView::activateWhileVisible(QWidget* page, IncidentChatController* controller)
{
    new VisibilityFollower(page, controller);
}

QString IncidentChatView::linkified(const QString& text)
{
    static const QRegularExpression url(
        QStringLiteral("https?://[^\\s<>\"]+"), QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype at = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString address = match.captured();
        // Sentence punctuation after an address is not part of it.
        while (!address.isEmpty() && QStringLiteral(".,;:!?)]'").contains(address.back()))
            address.chop(1);
        out += text.mid(at, match.capturedStart() - at).toHtmlEscaped();
        const QUrl parsed(address, QUrl::StrictMode);
        if (parsed.isValid())
            out += QLatin1String("<a href=\"")
                + QString::fromUtf8(parsed.toEncoded()).toHtmlEscaped() + QLatin1String("\">")
                + address.toHtmlEscaped() + QLatin1String("</a>");
        else
            out += address.toHtmlEscaped();
        at = match.capturedStart() + address.size();
    }
    out += text.mid(at).toHtmlEscaped();
    out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return out;
}

QString IncidentChatView::conversationHtml() const
{
    const IncidentChat* chat = m_controller->chat();
    const QColor faded = palette().color(QPalette::PlaceholderText);
    QString html;
    for (int row = 0; row < chat->rowCount(); ++row) {
        const QModelIndex index = chat->index(row);
        QString when = chatTime(index.data(IncidentChat::TimeRole).toDateTime());
        if (index.data(IncidentChat::PendingRole).toBool())
            when = tr("sending…");
        else if (index.data(IncidentChat::SentRole).toBool())
            when += tr(" · sent");
        const QString text = clipped(index.data(IncidentChat::TextRole).toString(), 10000);
        html += QLatin1String("<p style=\"margin-top:0; margin-bottom:6px\"><b>")
            + clipped(index.data(IncidentChat::AuthorRole).toString(), MenuChars).toHtmlEscaped()
            + QLatin1String("</b> <span style=\"color:") + faded.name() + QLatin1String("\">")
            + when.toHtmlEscaped() + QLatin1String("</span><br>") + linkified(text)
            + QLatin1String("</p>");
    }
    return html;
}

void IncidentChatView::render()
{
    QScrollBar* bar = m_conversation->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int kept = bar->value();
    m_conversation->setHtml(conversationHtml());
    fitConversation();
    // Newest last: follow new messages when the end was in view, else stay where the reader is.
    bar->setValue(atEnd ? bar->maximum() : kept);
    if (m_followBox)
        keepBoxInView();
}

void IncidentChatView::fitConversation()
{
    // As tall as the conversation, from three lines to twelve; longer ones scroll.
    m_conversation->document()->setTextWidth(m_conversation->viewport()->width());
    const int lines = look::rowHeight(this);
    const int content
        = int(m_conversation->document()->size().height()) + 2 * m_conversation->frameWidth() + 4;
    m_conversation->setFixedHeight(qBound(lines * 3, content, lines * 12));
}

void IncidentChatView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitConversation();
}

void IncidentChatView::openLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return;
    if (m_openUrl)
        m_openUrl(url);
    else
        QDesktopServices::openUrl(url);
}

} // namespace rota
