// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
void registerTeamRoutes(SimRouter &, SimContext &) { }
}
