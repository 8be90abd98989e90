// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QLoggingCategory>

namespace rota::sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
}
