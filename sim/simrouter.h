// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "simhttp.h"

#include <QList>
#include <QString>

#include <functional>

namespace rota::sim {

using SimHandler = std::function<SimReply(const SimRequest&)>;

//! One public API operation the simulator serves.
struct SimRoute {
    QByteArray method;
    QString pattern; //!< e.g. /api-public/v1/incidents/{incidentNumber}
    int limitPerMinute = 0; //!< the documented limit; 0 when none is documented
    SimHandler handler;
    QStringList segments; //!< pattern split on '/'
};

//! Maps method and path to a route. Literal segments win over {placeholders}, so
//! /api-public/v1/policies/types/contacts is not taken for /api-public/v1/policies/{policy}.
class SimRouter {
public:
    void add(
        const QByteArray& method, const QString& pattern, int limitPerMinute, SimHandler handler);

    struct Match {
        const SimRoute* route = nullptr;
        QStringList args;
        bool pathKnown = false; //!< some route has this path, perhaps with another method
    };
    Match match(const QByteArray& method, const QString& path) const;

    const QList<SimRoute>& routes() const { return m_routes; }

private:
    QList<SimRoute> m_routes;
};

} // namespace rota::sim
