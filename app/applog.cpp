// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "applog.h"

namespace rota {

Q_LOGGING_CATEGORY(lcApp, "rota.app")

} // namespace rota
