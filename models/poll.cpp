// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "poll.h"

#include <QTimer>

#include <algorithm>

namespace rota {

Poll::Poll(int intervalMs, int floorMs, int ceilingMs, QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_intervalMs(intervalMs)
    , m_floorMs(std::max(1, floorMs))
    , m_ceilingMs(std::max(m_floorMs, ceilingMs))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { Q_EMIT due(false); });
    m_intervalMs = std::clamp(intervalMs, m_floorMs, m_ceilingMs);
}

void Poll::setInterval(int ms)
{
    m_intervalMs = std::clamp(ms, m_floorMs, m_ceilingMs);
    // A shorter interval applies now rather than after the old, longer wait; a back-off stays.
    if (m_running && m_failures == 0 && m_timer->isActive()
        && m_timer->remainingTime() > m_intervalMs)
        m_timer->start(m_intervalMs);
}

void Poll::setFloor(int ms)
{
    m_floorMs = std::max(1, ms);
    m_ceilingMs = std::max(m_floorMs, m_ceilingMs);
    setInterval(m_intervalMs);
}

void Poll::setBackoff(int baseMs, int maxMs)
{
    m_backoffBaseMs = std::max(0, baseMs);
    m_backoffMaxMs = std::max(m_backoffBaseMs, maxMs);
}

int Poll::backoffDelay(int failures, int baseMs, int maxMs)
{
    if (failures <= 0)
        return 0;
    qint64 delay = baseMs;
    for (int i = 1; i < failures && delay < maxMs; ++i)
        delay *= 2;
    return static_cast<int>(std::min<qint64>(delay, maxMs));
}

void Poll::start()
{
    m_running = true;
    m_failures = 0;
}

void Poll::stop()
{
    m_running = false;
    m_timer->stop();
    if (m_soon)
        m_soon->stop();
}

bool Poll::begin(bool user)
{
    if (m_inFlight) {
        if (m_whileInFlight == WhileInFlight::Queue) {
            m_queued = true;
            m_queuedUser = m_queuedUser || user;
        }
        return false;
    }
    m_timer->stop();
    m_inFlight = true;
    return true;
}

void Poll::abandon()
{
    m_inFlight = false;
    m_queued = false;
    m_queuedUser = false;
}

void Poll::succeeded()
{
    m_failures = 0;
    ended(m_intervalMs);
}

int Poll::failed(qint64 notBeforeMs)
{
    ++m_failures;
    qint64 delay = m_backoffBaseMs > 0 ? backoffDelay(m_failures, m_backoffBaseMs, m_backoffMaxMs)
                                       : m_intervalMs;
    delay = std::min<qint64>(std::max(delay, notBeforeMs), m_ceilingMs);
    const int next = static_cast<int>(std::max<qint64>(0, delay));
    ended(next);
    return next;
}

void Poll::ended(int nextMs)
{
    m_inFlight = false;
    if (m_queued) {
        const bool user = m_queuedUser;
        m_queued = false;
        m_queuedUser = false;
        Q_EMIT due(user);
        return;
    }
    if (m_running)
        m_timer->start(nextMs);
}

void Poll::soon()
{
    if (!m_soon) {
        m_soon = new QTimer(this);
        m_soon->setSingleShot(true);
        m_soon->setInterval(SoonMs);
        connect(m_soon, &QTimer::timeout, this, [this] { Q_EMIT due(true); });
    }
    if (!m_soon->isActive())
        m_soon->start();
}

int Poll::nextIn() const { return m_timer->isActive() ? m_timer->remainingTime() : -1; }

} // namespace rota
