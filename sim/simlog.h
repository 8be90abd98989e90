#pragma once

#include <QLoggingCategory>

namespace rota::sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
}
