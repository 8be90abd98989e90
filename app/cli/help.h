// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// rotactl's own texts: the overview, the help of each resource and the table of operations.

#include "cli.h"

#include <QList>
#include <QTextStream>

namespace rota::cli {

//! `rotactl help`: usage, global options, environment, exit codes and the resources.
void printHelp(QTextStream& out);
//! `rotactl help RESOURCE`: every verb with its arguments, options and API operations.
void printResourceHelp(QTextStream& out, const Resource& resource);

//! One operation of the API and a command line that performs it against the seed-1 demo org.
struct OperationExample {
    const Operation* operation;
    const char* example;
};
//! An example for every operation of rota::operations(), in the same order. Run in this order
//! against a fresh `rota-sim --size small --seed 1`, every one succeeds: they use the seeded ids or
//! what an earlier example created, and deletes come after what they delete was used.
const QList<OperationExample>& operationExamples();
//! `rotactl ops`: METHOD, PATH and the example, tab-separated, one line per operation.
void printOps(QTextStream& out);

} // namespace rota::cli
