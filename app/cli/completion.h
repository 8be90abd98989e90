// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// `rotactl completion SHELL`: shell completion scripts written from the command table the help
// is written from (registry(), globalOptions(), usageHelp()), so that a new verb or option
// completes as soon as it exists.

#include <QString>
#include <QStringList>

#include <optional>

namespace rota::cli {

//! The shells there is a script for: bash, zsh, fish.
QStringList completionShells();

//! The completion script for `shell`; nullopt for a shell not in completionShells(). The scripts
//! complete the resources, each resource's verbs, each verb's options and the global options,
//! files for options that take a PATH, and the saved accounts' names for --account and for the
//! verbs that take one (Verb::accountArgument), asking `rotactl accounts list --names` (the
//! rotactl of the command line) at the time of completion.
std::optional<QString> completionScript(const QString& shell);

} // namespace rota::cli
