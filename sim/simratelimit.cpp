// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simratelimit.h"

namespace rota::sim {

SimRateLimiter::Verdict SimRateLimiter::take(
    const QString& apiKey, const QString& operation, int limitPerMinute, qint64 nowMs)
{
    if (limitPerMinute <= 0)
        return {};
    constexpr qint64 window = 60 * 1000;
    std::deque<qint64>& calls = m_calls[apiKey + QLatin1Char('\n') + operation];
    while (!calls.empty() && calls.front() <= nowMs - window)
        calls.pop_front();
    if (static_cast<int>(calls.size()) >= limitPerMinute) {
        const qint64 waitMs = calls.front() + window - nowMs;
        return { false, static_cast<int>((waitMs + 999) / 1000) };
    }
    calls.push_back(nowMs);
    return {};
}

} // namespace rota::sim
