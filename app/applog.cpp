#include "applog.h"

namespace rota {

Q_LOGGING_CATEGORY(lcApp, "rota.app")

} // namespace rota
