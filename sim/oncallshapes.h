// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Small pieces of the on-call resources' replies and requests, shared by their handlers.
#pragma once

#include "simorg.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace rota::sim {

//! An ISO 8601 time as UTC; a time without an offset is read in zoneForNaive. Invalid when the
//! text is not a time.
inline QDateTime parseIsoTime(const QString& text, const QTimeZone& zoneForNaive)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid())
        return {};
    // Without an offset the time is read in the zone the caller named (UTC when none).
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), zoneForNaive);
    return t.toUTC();
}

inline QJsonObject userRef(const QString& username)
{
    return { { QStringLiteral("username"), username } };
}

inline QString policyUrl(const QString& slug)
{
    return QStringLiteral("/api-public/v1/policies/") + slug;
}

inline QJsonObject policySummary(const SimPolicy& policy)
{
    return { { QStringLiteral("name"), policy.name }, { QStringLiteral("slug"), policy.slug },
        { QStringLiteral("_selfUrl"), policyUrl(policy.slug) } };
}

inline QJsonObject teamRef(const SimTeam& team)
{
    return { { QStringLiteral("name"), team.name }, { QStringLiteral("slug"), team.slug } };
}

} // namespace rota::sim
