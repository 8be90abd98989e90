// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentchatcontroller.h"

#include "apiclient.h"
#include "chat.h"
#include "incidentchat.h"
#include "incidentmodel.h"
#include "phase.h"
#include "poll.h"

#include <algorithm>

namespace rota {

namespace {

constexpr int MinIntervalMs = 1000; // tests go this fast; the defaults are far slower

} // namespace

IncidentChatController::IncidentChatController(
    ApiClient* client, IncidentChat* chat, IncidentModel* incidents, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_chat(chat)
    , m_incidents(incidents)
    , m_conversationPoll(new Poll(DefaultIncidentIntervalMs, MinIntervalMs, 300000, this))
    , m_orgPoll(new Poll(DefaultOrgIntervalMs, MinIntervalMs, 300000, this))
{
    m_conversationPoll->setBackoff(DefaultIncidentIntervalMs, 300000);
    m_orgPoll->setBackoff(DefaultOrgIntervalMs, 300000);
    connect(m_conversationPoll, &Poll::due, this, &IncidentChatController::readConversation);
    connect(m_orgPoll, &Poll::due, this, [this](bool) { readOrg(); });
}

IncidentChatController::~IncidentChatController()
{
    if (m_conversationReply)
        m_conversationReply->abandon();
    if (m_orgReply)
        m_orgReply->abandon();
}

QString IncidentChatController::incidentNumber() const
{
    return m_chat ? m_chat->incidentNumber() : QString();
}

void IncidentChatController::setIncident(const QString& incidentNumber)
{
    if (!m_chat || incidentNumber == m_chat->incidentNumber())
        return;
    ++m_generation;
    if (m_conversationReply) {
        m_conversationReply->abandon();
        m_conversationReply = nullptr;
        m_conversationPoll->abandon();
    }
    m_chat->showIncident(incidentNumber);
    setUnread(incidentNumber, false);
    setStatus(QString());
    updatePolling();
    if (!incidentNumber.isEmpty() && m_canRead)
        readConversation(true);
}

void IncidentChatController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    updatePolling();
    if (!active || !m_canRead)
        return;
    if (!incidentNumber().isEmpty())
        readConversation(false);
    readOrg();
}

void IncidentChatController::updatePolling()
{
    const bool conversation = m_active && m_canRead && !incidentNumber().isEmpty();
    if (conversation && !m_conversationPoll->isRunning())
        m_conversationPoll->start();
    else if (!conversation && m_conversationPoll->isRunning())
        m_conversationPoll->stop();
    const bool org = m_active && m_canRead;
    if (org && !m_orgPoll->isRunning())
        m_orgPoll->start();
    else if (!org && m_orgPoll->isRunning())
        m_orgPoll->stop();
}

void IncidentChatController::refresh()
{
    if (m_canRead && !incidentNumber().isEmpty())
        readConversation(true);
}

void IncidentChatController::checkUnread()
{
    if (m_canRead)
        readOrg();
}

void IncidentChatController::setIntervals(int incidentMs, int orgMs)
{
    m_conversationPoll->setBackoff(incidentMs, 300000);
    m_orgPoll->setBackoff(orgMs, 300000);
    m_conversationPoll->setInterval(incidentMs);
    m_orgPoll->setInterval(orgMs);
}

int IncidentChatController::incidentIntervalMs() const { return m_conversationPoll->interval(); }

int IncidentChatController::orgIntervalMs() const { return m_orgPoll->interval(); }

bool IncidentChatController::isMine(const QString& username) const
{
    return username.compare(m_client->credentials().username, Qt::CaseInsensitive) == 0;
}

const ChatMessage* IncidentChatController::newestFromOthers(
    const QList<ChatMessage>& messages) const
{
    const ChatMessage* newest = nullptr;
    for (const ChatMessage& message : messages) {
        if (!isMine(message.username) && (!newest || message.sequence > newest->sequence))
            newest = &message;
    }
    return newest;
}

void IncidentChatController::readConversation(bool user)
{
    const QString incident = incidentNumber();
    if (incident.isEmpty() || !m_canRead || !m_conversationPoll->begin(user))
        return;
    if (m_chat->rowCount() == 0)
        setStatus(tr("Loading the conversation…"));
    ChatQuery query;
    query.incidentId = incident.toLongLong();
    query.limit = ConversationLimit;
    const auto call = calls::listChatMessages(*m_client, query,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    m_conversationReply = call.reply;
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this, [this, call, incident, generation] {
        if (generation != m_generation)
            return;
        m_conversationReply = nullptr;
        if (!call.reply->ok()) {
            m_conversationPoll->failed(qint64(call.reply->error().retryAfterSeconds) * 1000);
            readFailed(call.reply->error());
            return;
        }
        m_conversationPoll->succeeded();
        const ChatMessageList list = call.value();
        m_chat->applyMessages(list.messages);
        qint64 newest = 0;
        for (const ChatMessage& message : list.messages)
            newest = std::max(newest, message.sequence);
        m_lastRead[incident] = std::max(m_lastRead.value(incident), newest);
        setUnread(incident, false);
        setStatus(QString());
        Q_EMIT conversationRead(incident);
    });
}

void IncidentChatController::readOrg()
{
    if (!m_canRead || !m_orgPoll->begin(false))
        return;
    ChatQuery query;
    query.limit = 50;
    const auto call
        = calls::listChatMessages(*m_client, query, RequestScheduler::Priority::Background);
    m_orgReply = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_orgReply = nullptr;
        if (!call.reply->ok()) {
            m_orgPoll->failed(qint64(call.reply->error().retryAfterSeconds) * 1000);
            if (chatReadUnavailable(call.reply->error()))
                readFailed(call.reply->error());
            return;
        }
        m_orgPoll->succeeded();
        const QList<ChatMessage> messages = call.value().messages;
        qint64 newest = 0;
        for (const ChatMessage& message : messages)
            newest = std::max(newest, message.sequence);
        if (m_orgNewest < 0) {
            m_orgNewest = newest;
            m_baseline = newest;
            return;
        }
        const ChatMessage* fromOthers = newestFromOthers(messages);
        const bool news = fromOthers && fromOthers->sequence > m_orgNewest;
        m_orgNewest = std::max(m_orgNewest, newest);
        if (!news || !m_incidents)
            return;
        // Where did it go? The newest open incidents are asked, one call each.
        QList<int> open;
        for (int row = 0; row < m_incidents->rowCount(); ++row) {
            const QModelIndex index = m_incidents->index(row, 0);
            if (static_cast<Phase>(index.data(IncidentModel::PhaseRole).toInt()) == Phase::Resolved)
                continue;
            const int number = index.data(IncidentModel::NumberRole).toString().toInt();
            if (number > 0)
                open.append(number);
        }
        std::sort(open.begin(), open.end(), std::greater<>());
        for (qsizetype i = 0; i < open.size() && i < MaxProbes; ++i)
            probe(QString::number(open.at(i)));
    });
}

void IncidentChatController::probe(const QString& incidentNumber)
{
    if (m_probing.contains(incidentNumber) || incidentNumber == this->incidentNumber())
        return;
    m_probing.insert(incidentNumber);
    ChatQuery query;
    query.incidentId = incidentNumber.toLongLong();
    query.limit = 5;
    const auto call
        = calls::listChatMessages(*m_client, query, RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call, incidentNumber] {
        m_probing.remove(incidentNumber);
        if (!call.reply->ok()) {
            if (chatReadUnavailable(call.reply->error()))
                readFailed(call.reply->error());
            return;
        }
        const ChatMessage* newest = newestFromOthers(call.value().messages);
        const qint64 seen = std::max(m_lastRead.value(incidentNumber), m_baseline);
        if (newest && newest->sequence > seen && incidentNumber != this->incidentNumber())
            setUnread(incidentNumber, true);
    });
}

void IncidentChatController::setUnread(const QString& incidentNumber, bool unread)
{
    if (incidentNumber.isEmpty() || m_unread.contains(incidentNumber) == unread)
        return;
    if (unread)
        m_unread.insert(incidentNumber);
    else
        m_unread.remove(incidentNumber);
    if (m_incidents)
        m_incidents->setUnreadChat(incidentNumber, unread);
    Q_EMIT unreadChanged(incidentNumber, unread);
}

void IncidentChatController::readFailed(const ApiError& error)
{
    if (chatReadUnavailable(error)) {
        m_canRead = false;
        updatePolling();
        setStatus(readUnavailableText());
        Q_EMIT canReadChanged(false);
        return;
    }
    setStatus(tr("The conversation could not be read: %1").arg(error.text()));
}

QString IncidentChatController::readUnavailableText() const
{
    if (m_canRead)
        return {};
    return tr("This Splunk On-Call service does not let Rota read chat messages, so the "
              "conversation cannot be shown. Messages you send here are posted to the "
              "incident's timeline.");
}

void IncidentChatController::setStatus(const QString& text)
{
    if (text == m_status)
        return;
    m_status = text;
    Q_EMIT statusChanged(text);
}

void IncidentChatController::setDraft(const QString& incidentNumber, const QString& text)
{
    if (incidentNumber.isEmpty())
        return;
    if (text.isEmpty())
        m_drafts.remove(incidentNumber);
    else
        m_drafts.insert(incidentNumber, text);
}

namespace {

QStringList byNumber(QStringList incidents)
{
    std::sort(incidents.begin(), incidents.end(),
        [](const QString& a, const QString& b) { return a.toLongLong() < b.toLongLong(); });
    return incidents;
}

} // namespace

QStringList IncidentChatController::unsentDrafts() const
{
    QStringList out;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
        if (!it.value().trimmed().isEmpty() && !m_sending.contains(it.key()))
            out.append(it.key());
    }
    return byNumber(out);
}

QStringList IncidentChatController::sendingIncidents() const
{
    return byNumber(QStringList(m_sending.cbegin(), m_sending.cend()));
}

void IncidentChatController::sendDrafts()
{
    const QStringList incidents = unsentDrafts();
    for (const QString& incident : incidents)
        postTo(incident, m_drafts.value(incident));
}

void IncidentChatController::discardDrafts()
{
    const QStringList incidents = unsentDrafts();
    for (const QString& incident : incidents) {
        m_drafts.remove(incident);
        m_errors.remove(incident);
    }
}

bool IncidentChatController::post(const QString& text) { return postTo(incidentNumber(), text); }

bool IncidentChatController::postTo(const QString& incident, const QString& text)
{
    if (incident.isEmpty() || text.trimmed().isEmpty() || m_sending.contains(incident))
        return false;
    m_drafts.insert(incident, text);
    ChatPost message;
    message.username = m_client->credentials().username;
    message.text = text;
    message.incidentId = incident.toLongLong();
    // Shown only when it is the incident shown (a draft sent before a quit may not be).
    const quint64 pending = incident == incidentNumber()
        ? m_chat->addPending(message.username, text, QDateTime::currentDateTimeUtc())
        : 0;
    const auto call = calls::postChatMessage(*m_client, message);
    m_sending.insert(incident);
    Q_EMIT sendingChanged(incident, true);
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this, [this, call, incident, pending, generation] {
        m_sending.remove(incident);
        const bool shown = pending != 0 && generation == m_generation;
        if (call.reply->ok()) {
            m_drafts.remove(incident);
            m_errors.remove(incident);
            if (shown)
                m_chat->settle(pending, true);
            Q_EMIT sendingChanged(incident, false);
            Q_EMIT posted(incident);
            if (shown && incident == incidentNumber())
                refresh();
            return;
        }
        if (shown)
            m_chat->settle(pending, false);
        Q_EMIT sendingChanged(incident, false);
        const ApiError& error = call.reply->error();
        const QString reason = error.maybeApplied
            ? tr("the answer was lost, so it may have been posted; look before sending it again")
            : error.text();
        const QString words
            = tr("The message on incident #%1 was not posted: %2").arg(incident, reason);
        m_errors.insert(incident, words);
        Q_EMIT postFailed(incident, words);
    });
    return true;
}

} // namespace rota
