#pragma once

#include <QLoggingCategory>

namespace rota {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace rota
