// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QString>

namespace rota {

//! An incident's phase, whichever spelling the API used: the incident API's UNACKED/ACKED/RESOLVED
//! or the reporting API's triggered/acknowledged/resolved.
enum class Phase { Unknown, Triggered, Acknowledged, Resolved };

//! Unknown for anything else (callers decide whether that is an error).
Phase phaseFromApi(const QString& text);
//! The incident API's spelling: UNACKED, ACKED, RESOLVED.
QString phaseToApi(Phase phase);
//! Words for people: "Triggered", "Acknowledged", "Resolved".
QString phaseDisplayName(Phase phase);

} // namespace rota
