// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "stakeholdermessenger.h"

#include "apiclient.h"
#include "writeoutcome.h"

namespace rota {

StakeholderMessenger::StakeholderMessenger(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

StakeholderMessenger::~StakeholderMessenger()
{
    // The answer of a message still on its way has nobody left to tell.
    if (m_pending)
        m_pending->abandon();
}

QString StakeholderMessenger::problem(const StakeholderMessage& message)
{
    if (!message.hasRecipients())
        return tr("Choose at least one person or team to send the message to.");
    if (message.title.trimmed().isEmpty())
        return tr("Give the message a title.");
    if (message.message.trimmed().isEmpty())
        return tr("Write the message.");
    return QString();
}

QString StakeholderMessenger::recipientsText(int people, int teams)
{
    const QString persons = tr("%n (person|people)", nullptr, people);
    const QString groups = tr("%n team(s)", nullptr, teams);
    if (people > 0 && teams > 0)
        return tr("%1 and %2").arg(persons, groups);
    return people > 0 ? persons : groups;
}

bool StakeholderMessenger::send(const StakeholderMessage& message)
{
    if (isSending() || !problem(message).isEmpty())
        return false;
    const auto call = calls::sendStakeholderMessage(*m_client, message);
    m_pending = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, message, reply = call.reply] {
        m_pending.clear();
        Q_EMIT sendingChanged(false);
        const QString to = recipientsText(
            static_cast<int>(message.users.size()), static_cast<int>(message.teams.size()));
        if (reply->ok()) {
            Q_EMIT sent(message, tr("Sent to %1.").arg(to));
            return;
        }
        const ApiError& error = reply->error();
        if (answerLost(error)) {
            Q_EMIT failed(message,
                tr("No answer came back (%1), so the message may or may not have reached %2. "
                   "Ask one of them before sending it again.")
                    .arg(error.text(), to),
                true);
            return;
        }
        Q_EMIT failed(message, tr("Not sent: %1").arg(error.text()), false);
    });
    Q_EMIT sendingChanged(true);
    return true;
}

} // namespace rota
