// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
void registerOnCallRoutes(SimRouter &, SimContext &) { }
}
