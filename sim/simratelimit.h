// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace rota::sim {

//! The documented per-operation limits, counted per API key over a sliding minute.
class SimRateLimiter {
public:
    struct Verdict {
        bool allowed = true;
        int retryAfterSeconds = 0; //!< when refused: whole seconds until a call is allowed again
    };
    //! Counts one call of `operation` by `apiKey` at `nowMs` against `limitPerMinute` (0 = none).
    Verdict take(const QString& apiKey, const QString& operation, int limitPerMinute, qint64 nowMs);
    void reset() { m_calls.clear(); }

private:
    QHash<QString, std::deque<qint64>> m_calls;
};

} // namespace rota::sim
