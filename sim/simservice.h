// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "simcontext.h"
#include "simfaults.h"
#include "simratelimit.h"
#include "simrouter.h"

#include <memory>

namespace rota::sim {

//! How the transport must deliver an answer.
enum class Delivery {
    Normal,
    Drop, //!< close the connection, answer nothing
    Trickle, //!< send the answer at bytesPerSecond
    Stream, //!< send reply's status and headers, then a JSON body of streamBytes made up on the go
};

struct SimOutcome {
    SimReply reply;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0; //!< how long to wait before delivering (answering, or closing for Drop)
    int bytesPerSecond = 0; //!< Trickle
    qint64 streamBytes = 0; //!< Stream
};

//! The simulator without its transport: authentication, rate limits, faults, the public API
//! routes and the /_sim/ control endpoints. Takes a request, gives an outcome.
class SimService {
public:
    explicit SimService(const SimOptions& options);

    SimContext& context() { return *m_ctx; }
    const SimRouter& router() const { return m_router; }
    FaultPlan& faults() { return m_faults; }

    SimOutcome handle(SimRequest request);

    //! Loads options.stateFile if it exists, else seeds. Returns false with *error when the file
    //! exists but cannot be used (the org is then seeded so the simulator still runs).
    bool loadOrSeed(QString* error);
    //! Saves to options.stateFile; when that file existed but could not be loaded, saves beside it
    //! (FILE.new) instead, so a hand-edited file with one typo is not lost.
    bool saveState(QString* error) const;
    //! How many throttling answers were sent (rate limit or throttle fault), for tests.
    quint64 throttledAnswers() const { return m_throttledAnswers; }
    //! How many public API requests came (everything but /_sim/).
    quint64 apiRequests() const { return m_apiRequests; }
    //! The transport counts each public API answer it writes: wireBytes as sent (status line,
    //! headers, body), plainBytes as it would have been without compression. /_sim/stats shows
    //! the sums.
    void countAnswer(qint64 wireBytes, qint64 plainBytes, bool compressed)
    {
        m_wireBytes += wireBytes;
        m_plainBytes += plainBytes;
        m_gzipAnswers += compressed ? 1 : 0;
    }

private:
    SimOutcome handleControl(const SimRequest& request);
    SimReply throttled(int retryAfterSeconds) const;
    SimReply incidentRecord(const SimRequest& request) const;

    std::unique_ptr<SimContext> m_ctx;
    SimRouter m_router;
    SimRateLimiter m_limiter;
    FaultPlan m_faults;
    mutable quint64 m_throttledAnswers = 0;
    quint64 m_apiRequests = 0;
    qint64 m_wireBytes = 0;
    qint64 m_plainBytes = 0;
    qint64 m_gzipAnswers = 0;
    QHash<QString, qint64> m_operationRequests; //!< "GET /api-public/v1/incidents" -> count
    bool m_stateFileUnusable = false; //!< then saving must not overwrite it
};

} // namespace rota::sim
