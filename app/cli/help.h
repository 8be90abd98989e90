// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// rotactl's own texts: the overview, the help of each resource and the table of operations.

#include "cli.h"

#include <QList>
#include <QString>
#include <QTextStream>

namespace rota::cli {

//! A name and what it means, in `rotactl help` and in the manual page alike.
struct HelpEntry {
    QString name;
    QString text;
};
//! The forms of the command line after "rotactl" (the first is a resource's verb) and what each
//! does: the usage lines and the manual's SYNOPSIS.
const QList<HelpEntry>& usageHelp();
//! The environment variables rotactl reads.
const QList<HelpEntry>& environmentHelp();
//! The exit codes (ExitCode) in words.
const QList<HelpEntry>& exitStatusHelp();
//! The paragraphs of the overview: accounts, history, output, completion.
const QList<HelpEntry>& topicHelp();

//! `rotactl help`: usage, global options, environment, exit codes and the resources.
void printHelp(QTextStream& out);
//! `rotactl help RESOURCE`: every verb with its arguments, options and API operations.
void printResourceHelp(QTextStream& out, const Resource& resource);

//! `rotactl --man-page`: the manual page (roff) from the same texts as the help and every
//! resource's verbs, options and operations.
QString manualPage();

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
