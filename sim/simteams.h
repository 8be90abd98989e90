// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// What the handlers of teams, escalation policies, webhooks, routing keys and maintenance mode
// share: the API's base path, a team's address, the name order and the policy list.
#pragma once

#include "simcontext.h"

namespace rota::sim {

inline const QString kApi = QStringLiteral("/api-public/v1");

QString teamUrl(const QString& slug);
//! Case-insensitive order of names, ties broken by the exact text.
bool lessCaseless(const QString& a, const QString& b);
//! Policies sorted by team name, then policy name; only those of teamSlug unless it is empty.
QJsonObject policyInfoList(const SimOrg& org, const QString& teamSlug = QString());

} // namespace rota::sim
