// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What the benchmarks read: an answer of `rota-sim --size large`, asked of the simulator in
// process (no HTTP, no rate limits), so each benchmark measures the client and not the transport.

#include "simservice.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace rota::bench {

//! The body of GET `path` from a freshly seeded large org; a seed that fails ends the run.
inline QByteArray largeOrgAnswer(const QString& path)
{
    sim::SimOptions options;
    options.size = sim::OrgSize::Large;
    options.enforceRateLimits = false;
    sim::SimService service(options);
    QString error;
    if (!service.loadOrSeed(&error))
        qFatal("could not seed the large org: %s", qPrintable(error));
    sim::SimRequest request;
    request.method = "GET";
    request.path = path;
    request.headers.insert("x-vo-api-id", options.apiId.toUtf8());
    request.headers.insert("x-vo-api-key", options.apiKey.toUtf8());
    return service.handle(request).reply.body;
}

} // namespace rota::bench
