// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "notificationfilter.h"

namespace rota {

NotificationFilter::NotificationFilter(std::function<QDateTime()> clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTime(); })
{
}

void NotificationFilter::setIdentity(const QString& username, const QSet<QString>& teamSlugs)
{
    m_username = username.toLower();
    m_teams = teamSlugs;
}

void NotificationFilter::reset()
{
    m_handled.clear();
    m_alarmed.clear();
    m_baselineTaken = false;
}

QList<Incident> NotificationFilter::take(const QList<Incident>& snapshot)
{
    QList<Incident> result;
    const bool off = m_preferences.notify == Preferences::Notify::Off;
    if (!m_baselineTaken) {
        m_baselineTaken = true;
        for (const Incident& incident : snapshot) {
            m_handled.insert(incident.incidentNumber);
            // What already pages the user is not announced one by one, but it is not forgotten.
            if (!off && incident.phase == Phase::Triggered && isPagingMe(incident)
                && !isSilenced(incident))
                m_alarmed.insert(incident.incidentNumber);
        }
        return result;
    }
    for (const Incident& incident : snapshot) {
        if (incident.phase != Phase::Triggered || m_handled.contains(incident.incidentNumber))
            continue;
        // Out of scope it is not remembered, so that a reroute to the user still brings it in;
        // but with notifications off everything counts as seen, or turning them on would flood.
        if (!off && !inScope(incident))
            continue;
        m_handled.insert(incident.incidentNumber);
        if (off || isSilenced(incident))
            continue;
        result.append(incident);
        if (isPagingMe(incident))
            m_alarmed.insert(incident.incidentNumber);
    }
    return result;
}

bool NotificationFilter::isSilenced(const Incident& incident) const
{
    if (!isPaused() && !isQuiet())
        return false;
    return !(m_onCall && isPagingMe(incident));
}

bool NotificationFilter::isAlarming(const Incident& incident, Phase phase) const
{
    return phase == Phase::Triggered && m_preferences.notify != Preferences::Notify::Off
        && m_alarmed.contains(incident.incidentNumber) && isPagingMe(incident)
        && !isSilenced(incident);
}

void NotificationFilter::pauseFor(int seconds)
{
    m_pausedIndefinitely = false;
    m_pausedUntil = m_clock().addSecs(seconds);
    Q_EMIT pauseChanged();
}

void NotificationFilter::pauseIndefinitely()
{
    m_pausedIndefinitely = true;
    m_pausedUntil = QDateTime();
    Q_EMIT pauseChanged();
}

void NotificationFilter::resume()
{
    const bool was = isPaused();
    m_pausedIndefinitely = false;
    m_pausedUntil = QDateTime();
    if (was)
        Q_EMIT pauseChanged();
}

bool NotificationFilter::isPaused() const
{
    return m_pausedIndefinitely || (m_pausedUntil.isValid() && m_clock() < m_pausedUntil);
}

QDateTime NotificationFilter::pausedUntil() const
{
    return !m_pausedIndefinitely && isPaused() ? m_pausedUntil : QDateTime();
}

bool NotificationFilter::isQuiet() const
{
    return m_preferences.isQuiet(m_clock().toLocalTime().time());
}

bool NotificationFilter::isPagingMe(const Incident& incident) const
{
    if (m_username.isEmpty())
        return false;
    for (const QString& user : incident.pagedUsers) {
        if (user.compare(m_username, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool NotificationFilter::isMyTeams(const Incident& incident) const
{
    for (const QString& team : incident.pagedTeams) {
        if (m_teams.contains(team))
            return true;
    }
    return false;
}

bool NotificationFilter::inScope(const Incident& incident) const
{
    switch (m_preferences.notify) {
    case Preferences::Notify::Off:
        return false;
    case Preferences::Notify::PagingMe:
        return isPagingMe(incident);
    case Preferences::Notify::MyTeams:
        return isPagingMe(incident) || isMyTeams(incident);
    case Preferences::Notify::All:
        return true;
    }
    return false;
}

} // namespace rota
