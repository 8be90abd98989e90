// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "heldcalls.h"

#include "apiclient.h"

#include <algorithm>

namespace rota {

HeldCalls::HeldCalls(QObject* parent)
    : QObject(parent)
{
}

HeldCalls* HeldCalls::of(ApiClient* client)
{
    if (!client)
        return nullptr;
    if (auto* existing = client->findChild<HeldCalls*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new HeldCalls(client);
}

void HeldCalls::track(ApiReply* reply, const QString& what, std::function<void()> onCancelled)
{
    if (!reply || reply->isFinished())
        return;
    const quint64 id = m_nextId++;
    m_entries.append({ id, what, reply, std::move(onCancelled), QDeadlineTimer(), false });
    connect(reply, &ApiReply::held, this, [this, id](qint64 waitMs) {
        const auto entry = std::find_if(
            m_entries.begin(), m_entries.end(), [id](const Entry& e) { return e.id == id; });
        if (entry == m_entries.end())
            return;
        entry->held = true;
        entry->until = QDeadlineTimer(qMax<qint64>(0, waitMs));
        Q_EMIT changed();
    });
    // Sent and answered, or gone with its client: no longer held either way.
    connect(reply, &ApiReply::finished, this, [this, id] { drop(id); });
    connect(reply, &QObject::destroyed, this, [this, id] { drop(id); });
}

QList<HeldCalls::Call> HeldCalls::calls() const
{
    QList<Call> result;
    for (const Entry& entry : m_entries) {
        if (entry.held && entry.reply)
            result.append({ entry.id, entry.what, entry.until.remainingTime() });
    }
    return result;
}

bool HeldCalls::cancel(quint64 id)
{
    const auto entry = std::find_if(
        m_entries.begin(), m_entries.end(), [id](const Entry& e) { return e.id == id; });
    // Once its expected wait is over the call may be on its way: abandoning it then would not
    // keep it from the server, so it is not offered as cancelled.
    if (entry == m_entries.end() || !entry->held || !entry->reply || entry->reply->isFinished()
        || entry->until.hasExpired())
        return false;
    const QPointer<ApiReply> reply = entry->reply;
    const std::function<void()> onCancelled = entry->onCancelled;
    m_entries.erase(entry);
    // Drops the queued call: the scheduler never starts it, so nothing reaches the server.
    reply->abandon();
    Q_EMIT changed();
    if (onCancelled)
        onCancelled();
    return true;
}

void HeldCalls::drop(quint64 id)
{
    const auto entry = std::find_if(
        m_entries.begin(), m_entries.end(), [id](const Entry& e) { return e.id == id; });
    if (entry == m_entries.end())
        return;
    const bool shown = entry->held;
    m_entries.erase(entry);
    if (shown)
        Q_EMIT changed();
}

} // namespace rota
