// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "requestscheduler.h"

#include "operations.h"

#include <QElapsedTimer>
#include <QTimer>

#include <limits>
#include <vector>

namespace rota {

RequestScheduler::RequestScheduler(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RequestScheduler::process);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    // Every operation starts with its documented budget; setLimit() may change one (tests).
    for (const Operation& operation : operations())
        setLimit(operation.key(), operation.limitPerMinute);
}

void RequestScheduler::setClock(Clock clock) { m_clock = std::move(clock); }

qint64 RequestScheduler::now() const { return m_clock(); }

void RequestScheduler::setLimit(const QString& operation, int perMinute)
{
    m_budgets[operation].limit = qMax(0, perMinute);
}

int RequestScheduler::limit(const QString& operation) const
{
    return m_budgets.value(operation).limit;
}

void RequestScheduler::expire(Budget& budget, qint64 at) const
{
    while (!budget.spent.empty() && budget.spent.front() + WindowMs + MarginMs <= at)
        budget.spent.pop_front();
}

// Background work leaves a fifth of each minute's budget (at least one call) to the user.
int RequestScheduler::reserveFor(const Budget& budget) const
{
    if (budget.limit <= 1)
        return 0;
    return qMax(1, budget.limit / 5);
}

int RequestScheduler::remaining(const QString& operation) const
{
    auto it = m_budgets.constFind(operation);
    if (it == m_budgets.constEnd() || it->limit == 0)
        return -1;
    Budget copy = *it;
    expire(copy, now());
    return copy.limit - static_cast<int>(copy.spent.size());
}

qint64 RequestScheduler::waitFor(const QString& operation, Priority priority) const
{
    auto it = m_budgets.constFind(operation);
    if (it == m_budgets.constEnd())
        return 0;
    const qint64 at = now();
    Budget budget = *it;
    expire(budget, at);
    qint64 wait = qMax<qint64>(0, budget.heldUntil - at);
    if (budget.limit == 0)
        return wait;
    const int usable = budget.limit - (priority == Priority::Background ? reserveFor(budget) : 0);
    const int spent = static_cast<int>(budget.spent.size());
    if (spent >= usable) {
        // The token that frees a slot is the (spent - usable)-th oldest.
        const qint64 back
            = budget.spent.at(static_cast<size_t>(spent - usable)) + WindowMs + MarginMs - at;
        wait = qMax(wait, back);
    }
    return wait;
}

quint64 RequestScheduler::enqueue(
    const QString& operation, Priority priority, std::function<void()> start)
{
    const quint64 ticket = m_nextTicket++;
    (priority == Priority::User ? m_user : m_background)
        .push_back({ ticket, operation, std::move(start), priority });
    schedulePump();
    return ticket;
}

bool RequestScheduler::cancel(quint64 ticket)
{
    for (auto* queue : { &m_user, &m_background }) {
        for (auto it = queue->begin(); it != queue->end(); ++it) {
            if (it->ticket == ticket) {
                queue->erase(it);
                return true;
            }
        }
    }
    return false;
}

void RequestScheduler::backOff(const QString& operation, qint64 delayMs)
{
    Budget& budget = m_budgets[operation];
    budget.heldUntil = qMax(budget.heldUntil, now() + delayMs);
    Q_EMIT budgetChanged(operation, remaining(operation), budget.limit);
    schedulePump();
}

void RequestScheduler::schedulePump()
{
    // Starting from the event loop keeps callers' connects in place before a call can finish.
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpQueued = false;
        process();
    });
}

bool RequestScheduler::tryStart(std::deque<Job>& queue, Priority priority)
{
    for (auto it = queue.begin(); it != queue.end(); ++it) {
        if (waitFor(it->operation, priority) > 0)
            continue;
        Job job = std::move(*it);
        queue.erase(it);
        Budget& budget = m_budgets[job.operation];
        if (budget.limit > 0) {
            budget.spent.push_back(now());
            Q_EMIT budgetChanged(
                job.operation, budget.limit - static_cast<int>(budget.spent.size()), budget.limit);
        }
        job.start();
        return true;
    }
    return false;
}

qint64 RequestScheduler::expectedWait(quint64 ticket) const
{
    for (const auto* queue : { &m_user, &m_background }) {
        for (const Job& job : *queue) {
            if (job.ticket == ticket)
                return expectedWait(job);
        }
    }
    return 0;
}

qint64 RequestScheduler::expectedWait(const Job& job) const
{
    auto it = m_budgets.constFind(job.operation);
    if (it == m_budgets.constEnd())
        return 0;
    const qint64 at = now();
    Budget budget = *it;
    expire(budget, at);
    const qint64 held = qMax(at, budget.heldUntil);
    // The jobs of this operation that start first: every user job queued before this one (all
    // of them for a background job) and the background jobs before a background one.
    int ahead = 0;
    for (const Job& other : m_user) {
        if (other.ticket == job.ticket)
            break;
        ahead += other.operation == job.operation ? 1 : 0;
    }
    if (job.priority == Priority::Background) {
        for (const Job& other : m_background) {
            if (other.ticket == job.ticket)
                break;
            ahead += other.operation == job.operation ? 1 : 0;
        }
    }
    if (budget.limit == 0)
        return held - at;
    // Play the queue forward: each start spends a token, which comes back a window later.
    const int usable
        = budget.limit - (job.priority == Priority::Background ? reserveFor(budget) : 0);
    std::deque<qint64> starts = budget.spent;
    qint64 start = held;
    for (int i = 0; i <= ahead; ++i) {
        const qint64 freed = static_cast<qint64>(starts.size()) - usable;
        start = held;
        if (usable <= 0)
            start = std::numeric_limits<qint64>::max() / 2;
        else if (freed >= 0)
            start = qMax(start, starts.at(static_cast<size_t>(freed)) + WindowMs + MarginMs);
        starts.push_back(start);
    }
    return qMax<qint64>(0, start - at);
}

void RequestScheduler::announceWaits()
{
    const qint64 at = now();
    for (auto* queue : { &m_user, &m_background }) {
        // Copies: a slot connected to waiting() may cancel jobs.
        std::vector<std::pair<quint64, qint64>> changed;
        for (Job& job : *queue) {
            const qint64 wait = expectedWait(job);
            if (wait <= 0)
                continue;
            const qint64 until = at + wait;
            if (job.announcedUntil >= 0 && qAbs(until - job.announcedUntil) < 1000)
                continue;
            job.announcedUntil = until;
            changed.emplace_back(job.ticket, wait);
        }
        for (const auto& [ticket, wait] : changed)
            Q_EMIT waiting(ticket, wait);
    }
}

void RequestScheduler::process()
{
    while (tryStart(m_user, Priority::User) || tryStart(m_background, Priority::Background)) { }
    announceWaits();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Job& job : m_user)
        next = qMin(next, waitFor(job.operation, Priority::User));
    for (const Job& job : m_background)
        next = qMin(next, waitFor(job.operation, Priority::Background));
    if (next != std::numeric_limits<qint64>::max())
        m_timer->start(
            static_cast<int>(qBound(qint64(1), next, qint64(std::numeric_limits<int>::max()))));
}

} // namespace rota
