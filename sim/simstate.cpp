// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
QJsonObject orgToJson(const SimOrg &) { return {}; }
bool orgFromJson(const QJsonObject &, SimOrg *, QString *) { return true; }
}
