// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

namespace rota {

//! Makes sure the compiled-in icons (":/icons/...") and translations (":/i18n/...") are
//! registered. Resources in a static library are dropped by the linker unless something refers to
//! them; calling this is that reference. Idempotent.
void initResources();

} // namespace rota
