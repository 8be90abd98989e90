// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// rotactl and the incident history Rota keeps on this computer (cmd_history.cpp): `reports
// incidents --cached` searches the stored history instead of the API, `reports sync` reads the
// history into it at the API's pace of one call a minute.

#include "cli.h"
#include "incidents.h"

namespace rota::cli {

//! The table of incidents `incidents list` and `reports incidents` print (cmd_incidents.cpp).
Table incidentTable();
void addIncident(Table& table, const Incident& incident);

//! Prints the stored incidents that match `query`, as `reports incidents` prints the API's
//! answer (the same table, the same JSON), from --file or the account's history file.
void runCachedIncidents(Invocation& inv, const ReportingQuery& query);

//! `reports sync`: reads the history into the file until the backfill is done (or --until is
//! reached), then exits 0; Ctrl+C stops after the page being stored.
Verb historySyncVerb();

} // namespace rota::cli
