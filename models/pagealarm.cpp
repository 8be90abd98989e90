// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagealarm.h"

#include <QSet>
#include <QTimer>

#include <algorithm>

namespace rota {

namespace {

constexpr int DefaultRepeatMs = 2 * 60 * 1000;

} // namespace

PageAlarm::PageAlarm(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultRepeatMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_alarming.isEmpty())
            Q_EMIT remind(m_alarming);
    });
}

void PageAlarm::setRepeatMs(int ms) { m_timer->setInterval(std::max(1, ms)); }

int PageAlarm::repeatMs() const { return m_timer->interval(); }

QStringList PageAlarm::numbers() const
{
    QStringList result;
    result.reserve(m_alarming.size());
    for (const Incident& incident : m_alarming)
        result << incident.incidentNumber;
    return result;
}

void PageAlarm::update(const QList<Incident>& alarming)
{
    QSet<QString> now;
    for (const Incident& incident : alarming)
        now.insert(incident.incidentNumber);
    QStringList gone;
    for (const Incident& incident : std::as_const(m_alarming)) {
        if (!now.contains(incident.incidentNumber))
            gone << incident.incidentNumber;
    }
    const bool wasActive = isActive();
    m_alarming = alarming;
    if (!gone.isEmpty())
        Q_EMIT stopped(gone);
    if (isActive() == wasActive)
        return;
    if (isActive())
        m_timer->start();
    else
        m_timer->stop();
    Q_EMIT activeChanged(isActive());
}

void PageAlarm::clear()
{
    m_timer->stop();
    const bool wasActive = isActive();
    m_alarming.clear();
    if (wasActive)
        Q_EMIT activeChanged(false);
}

int PageAlarm::nextReminderIn() const
{
    return m_timer->isActive() ? m_timer->remainingTime() : -1;
}

} // namespace rota
