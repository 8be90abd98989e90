// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "phase.h"

#include <QCoreApplication>

namespace rota {

Phase phaseFromApi(const QString& text)
{
    const QString t = text.trimmed().toUpper();
    if (t == QLatin1String("UNACKED") || t == QLatin1String("TRIGGERED"))
        return Phase::Triggered;
    if (t == QLatin1String("ACKED") || t == QLatin1String("ACKNOWLEDGED"))
        return Phase::Acknowledged;
    if (t == QLatin1String("RESOLVED"))
        return Phase::Resolved;
    return Phase::Unknown;
}

QString phaseToApi(Phase phase)
{
    switch (phase) {
    case Phase::Triggered:
        return QStringLiteral("UNACKED");
    case Phase::Acknowledged:
        return QStringLiteral("ACKED");
    case Phase::Resolved:
        return QStringLiteral("RESOLVED");
    case Phase::Unknown:
        break;
    }
    return QString();
}

QString phaseDisplayName(Phase phase)
{
    switch (phase) {
    case Phase::Triggered:
        return QCoreApplication::translate("rota::Phase", "Triggered");
    case Phase::Acknowledged:
        return QCoreApplication::translate("rota::Phase", "Acknowledged");
    case Phase::Resolved:
        return QCoreApplication::translate("rota::Phase", "Resolved");
    case Phase::Unknown:
        break;
    }
    return QCoreApplication::translate("rota::Phase", "Unknown");
}

} // namespace rota
