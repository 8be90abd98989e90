// Placeholder: filled in by its owner.
#include "simcontext.h"
namespace rota::sim {
void registerUserRoutes(SimRouter &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/api-public/v1/user"), 60, [&ctx](const SimRequest &) {
        QJsonArray users;
        for (const SimUser &user : std::as_const(ctx.org.users))
            users.append(QJsonObject { { QStringLiteral("username"), user.username } });
        return SimReply::json(QJsonObject { { QStringLiteral("users"), users } });
    });
}
}
