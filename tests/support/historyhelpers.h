// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Incidents as the reporting API gives them, for the history tests: a start, an acknowledgement
// and a resolution at chosen times, by chosen people.

#include "incidents.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rota::testing {

inline QDateTime utcMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

inline IncidentTransition transition(Phase phase, qint64 atMs, const QString& by, bool manually)
{
    IncidentTransition t;
    t.phase = phase;
    t.name = phase == Phase::Triggered ? QStringLiteral("triggered")
        : phase == Phase::Acknowledged ? QStringLiteral("acknowledged")
                                       : QStringLiteral("resolved");
    t.at = utcMs(atMs);
    t.by = by;
    t.manually = manually;
    t.message = QStringLiteral("%1 by %2").arg(t.name, by);
    return t;
}

//! An incident started at startMs; acknowledged (ackMs >= 0) and resolved (resolveMs >= 0) by
//! the people named.
inline Incident historyIncident(qint64 number, qint64 startMs, qint64 ackMs = -1,
    qint64 resolveMs = -1, const QString& ackedBy = QStringLiteral("alice"),
    const QString& resolvedBy = QStringLiteral("alice"))
{
    Incident i;
    i.incidentNumber = QString::number(number);
    i.startTime = utcMs(startMs);
    i.lastAlertTime = utcMs(startMs);
    i.alertCount = 1;
    i.entityId = QStringLiteral("disk/db-%1").arg(number);
    i.entityDisplayName = QStringLiteral("Disk almost full on db-%1").arg(number);
    i.entityType = QStringLiteral("SERVICE");
    i.entityState = QStringLiteral("CRITICAL");
    i.host = QStringLiteral("db-%1.example.net").arg(number % 3);
    i.service = QStringLiteral("disk");
    i.routingKey = QStringLiteral("database");
    i.monitorName = QStringLiteral("nagios");
    i.monitorType = QStringLiteral("NAGIOS");
    i.pagedUsers = { QStringLiteral("alice") };
    i.pagedTeams = { QStringLiteral("team-dba") };
    i.transitions.append(transition(Phase::Triggered, startMs, QStringLiteral("nagios"), false));
    i.phase = Phase::Triggered;
    if (ackMs >= 0) {
        i.transitions.append(transition(Phase::Acknowledged, ackMs, ackedBy, true));
        i.phase = Phase::Acknowledged;
    }
    if (resolveMs >= 0) {
        i.transitions.append(transition(Phase::Resolved, resolveMs, resolvedBy, true));
        i.phase = Phase::Resolved;
    }
    i.phaseName = phaseToApi(i.phase);
    return i;
}

} // namespace rota::testing
