// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historytypes.h"

#include <QStringMatcher>

#include <algorithm>

namespace rota {

namespace {

qint64 msOrNone(const QDateTime& time) { return time.isValid() ? time.toMSecsSinceEpoch() : -1; }

// Seconds between two stored times. A clock that put the acknowledgement before the start (the
// monitoring tool's and the service's clocks differ) counts as an immediate one, not a negative
// time that would drag every median down.
qint64 secondsBetween(qint64 fromMs, qint64 toMs)
{
    if (fromMs < 0 || toMs < 0)
        return -1;
    return std::max<qint64>(0, (toMs - fromMs) / 1000);
}

//! The words of a search, each with its matcher, kept for the next call: a search runs matches()
//! over every stored incident with the same text. One per thread, so the store's worker and
//! another thread never share it.
struct TextSearch {
    QString text;
    QList<QStringMatcher> words;

    static const TextSearch& of(const QString& text)
    {
        thread_local TextSearch last;
        if (last.text != text || last.text.isNull()) {
            last.text = text;
            last.words.clear();
            const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString& word : words)
                last.words.append(QStringMatcher(word, Qt::CaseInsensitive));
        }
        return last;
    }
};

} // namespace

qint64 HistoryIncident::secondsToAck() const { return secondsBetween(startMs, ackMs); }

qint64 HistoryIncident::secondsToResolve() const { return secondsBetween(startMs, resolveMs); }

QString TextPool::shared(const QString& text)
{
    const auto found = m_texts.constFind(text);
    if (found != m_texts.constEnd())
        return *found;
    m_texts.insert(text);
    return text;
}

void TextPool::share(HistoryIncident& incident)
{
    for (QString* text : { &incident.host, &incident.service, &incident.routingKey,
             &incident.ackedBy, &incident.resolvedBy })
        *text = shared(*text);
    for (QStringList* list : { &incident.teams, &incident.pagedUsers }) {
        for (QString& text : *list)
            text = shared(text);
    }
}

HistoryIncident HistoryIncident::fromIncident(const Incident& incident)
{
    HistoryIncident h;
    h.number = incident.incidentNumber.trimmed().toLongLong();
    h.phase = incident.phase;
    h.startMs = msOrNone(incident.startTime);
    h.summary
        = incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
    h.entityId = incident.entityId;
    h.host = incident.host;
    h.service = incident.service;
    h.routingKey = incident.routingKey;
    h.teams = incident.pagedTeams;
    h.pagedUsers = incident.pagedUsers;
    bool acknowledged = false;
    for (const IncidentTransition& t : incident.transitions) {
        if (t.phase == Phase::Acknowledged && !acknowledged) {
            acknowledged = true;
            h.ackMs = msOrNone(t.at);
            h.ackedBy = t.by;
        } else if (t.phase == Phase::Resolved) {
            // An incident can be resolved, trigger again and be resolved again: the last counts.
            h.resolveMs = msOrNone(t.at);
            h.resolvedBy = t.by;
        }
    }
    return h;
}

bool ShiftRecord::operator==(const ShiftRecord& other) const
{
    return team == other.team && user == other.user && policySlug == other.policySlug
        && policyName == other.policyName && onMs == other.onMs && offMs == other.offMs;
}

bool HistoryFilter::matches(const HistoryIncident& incident) const
{
    if (!phases.isEmpty() && !phases.contains(incident.phase))
        return false;
    if (from.isValid() && incident.startMs < from.toMSecsSinceEpoch())
        return false;
    if (to.isValid() && incident.startMs >= to.toMSecsSinceEpoch())
        return false;
    if (!team.isEmpty() && !incident.teams.contains(team))
        return false;
    if (!routingKey.isEmpty() && incident.routingKey != routingKey)
        return false;
    if (!service.isEmpty() && incident.service != service)
        return false;
    if (!host.isEmpty() && incident.host != host)
        return false;
    if (text.isEmpty())
        return true;
    QString number;
    for (const QStringMatcher& word : TextSearch::of(text).words) {
        const QString* fields[] = { &incident.summary, &incident.entityId, &incident.host,
            &incident.service, &incident.routingKey };
        const bool found = std::any_of(std::begin(fields), std::end(fields),
            [&word](const QString* f) { return word.indexIn(*f) >= 0; });
        if (found)
            continue;
        if (number.isEmpty())
            number = QString::number(incident.number);
        if (word.indexIn(number) < 0)
            return false;
    }
    return true;
}

bool HistoryFilter::operator==(const HistoryFilter& other) const
{
    return text == other.text && team == other.team && routingKey == other.routingKey
        && service == other.service && host == other.host && phases == other.phases
        && from == other.from && to == other.to;
}

bool HistorySyncState::operator==(const HistorySyncState& other) const
{
    return oldestMs == other.oldestMs && newestMs == other.newestMs
        && backfillDone == other.backfillDone && serverTotal == other.serverTotal
        && untilMs == other.untilMs && lastSyncMs == other.lastSyncMs;
}

} // namespace rota
