// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What rotactl's accounts verbs (cmd_accounts.cpp) and the global --account (run.cpp) share: the
// keychain, and its problems in words.

#include "cli.h"
#include "secretstore.h"

#include <memory>

namespace rota::cli {

//! The keychain rotactl keeps keys in: QtKeychain (service "rota", one entry per account id),
//! never a file. Waits at most two minutes for an answer.
SecretStore* makeKeychain(QObject* parent);

//! What went wrong, for a sentence such as "cannot read the key of account 'X': %1", e.g. "no
//! keychain is available (Cannot autolaunch D-Bus without X11 $DISPLAY)".
QString keychainProblem(const SecretResult& result);

//! After a few seconds without an answer (`*answered` still false), says on stderr that rotactl is
//! waiting for the keychain, which may be asking to be unlocked.
void noteSlowKeychain(CommandRun& run, const std::shared_ptr<bool>& answered);

} // namespace rota::cli
