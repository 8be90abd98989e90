// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
void seedOrg(SimContext &ctx) { SimUser u; u.username = QStringLiteral("demo"); ctx.org.users.insert(u.username, u); }
}
