// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
void registerIncidentRoutes(SimRouter &, SimContext &) { }
int createIncident(SimContext &ctx, const NewIncident &) { return ctx.org.nextIncidentNumber++; }
void simulateActivity(SimContext &ctx) { ctx.org.nextIncidentNumber++; }
}
