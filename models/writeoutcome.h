// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The one place that says whether a failed write may still have been applied.

#include "apierror.h"

namespace rota {

//! Whether a write that failed may still have been applied by the server: its answer was lost
//! (the connection dropped, or no answer came in time) after the request may have reached the
//! server. Such a write must not be sent again blind: read the server's state back and decide.
//! Only for the error of a write (a GET changes nothing).
inline bool answerLost(const ApiError& error) { return error.maybeApplied; }

} // namespace rota
