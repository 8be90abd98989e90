// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Who is on call now, and "take on-call" (for one escalation policy, or for every policy of a
// team). Takes are stored as records the schedule engine (schedules.h) applies.
#include "oncallshapes.h"
#include "schedules.h"
#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace rota::sim {

namespace {

SimTakeOverride* activeTake(SimOrg& org, const QString& policySlug, const QString& fromUser,
    const QString& toUser, const QDateTime& now)
{
    for (SimTakeOverride& take : org.takeOverrides) {
        if (take.policySlug == policySlug && take.fromUser == fromUser && take.toUser == toUser
            && now >= take.start && now < take.end)
            return &take;
    }
    return nullptr;
}

enum class TakeCheck { Ok, NotOnCall, AlreadyOnCall };

//! Whether fromUser may hand the policy to toUser now. Giving a take back is always allowed.
TakeCheck checkTake(SimOrg& org, const SimPolicy& policy, const QString& fromUser,
    const QString& toUser, const QDateTime& now)
{
    if (activeTake(org, policy.slug, toUser, fromUser, now))
        return TakeCheck::Ok;
    const QStringList onCall = usersOf(slotsAt(org, policy, 0, now));
    if (!onCall.contains(fromUser))
        return TakeCheck::NotOnCall;
    if (onCall.contains(toUser))
        return TakeCheck::AlreadyOnCall;
    return TakeCheck::Ok;
}

QString alreadyOnCall(const QString& user, const QString& policySlug)
{
    return QStringLiteral("user '%1' is already on call for escalation policy '%2'")
        .arg(user, policySlug);
}

//! Ends username's stints on the policy that are still running (or were to run on) at now.
void closeShiftLog(
    SimOrg& org, const QString& policySlug, const QString& username, const QDateTime& now)
{
    for (SimShiftLogEntry& entry : org.shiftLog) {
        if (entry.policySlug == policySlug && entry.username == username && entry.on <= now
            && (!entry.off.isValid() || entry.off > now))
            entry.off = now;
    }
}

void applyTake(SimOrg& org, const SimPolicy& policy, const QString& fromUser, const QString& toUser,
    const QDateTime& now)
{
    // Giving it back ends the original take instead of stacking a second one on top of it. The
    // record keeps its past part (end = now) so the shift log stays true.
    if (SimTakeOverride* original = activeTake(org, policy.slug, toUser, fromUser, now)) {
        original->end = now;
        org.takeOverrides.erase(
            std::remove_if(org.takeOverrides.begin(), org.takeOverrides.end(),
                [](const SimTakeOverride& take) { return take.end <= take.start; }),
            org.takeOverrides.end());
        closeShiftLog(org, policy.slug, fromUser, now);
        return;
    }

    QDateTime until;
    for (const Slot& slot : slotsAt(org, policy, 0, now)) {
        if (slot.user == fromUser && slot.until.isValid())
            clampUntil(&until, slot.until);
    }
    // A user named directly in the policy has no shift to end with; a day is what a person
    // covering would expect before someone has to decide again.
    if (!until.isValid())
        until = now.addMSecs(msPerDay);
    org.takeOverrides.append({ policy.slug, fromUser, toUser, now, until });
    closeShiftLog(org, policy.slug, fromUser, now);
    org.shiftLog.append({ policy.teamSlug, policy.slug, toUser, now, until });
}

struct TakeBody {
    QString fromUser;
    QString toUser;
};

std::optional<TakeBody> readTakeBody(
    const SimContext& ctx, const SimRequest& request, SimReply* error)
{
    BodyReader body(request);
    TakeBody take { body.requireString(QStringLiteral("fromUser")),
        body.requireString(QStringLiteral("toUser")) };
    if (!body.ok()) {
        *error = body.error();
        return std::nullopt;
    }
    for (const QString& user : { take.fromUser, take.toUser }) {
        if (!ctx.org.users.contains(user)) {
            *error = SimReply::notFound(QStringLiteral("User '%1'").arg(user));
            return std::nullopt;
        }
    }
    if (take.fromUser == take.toUser) {
        *error = SimReply::badRequest(QStringLiteral("fromUser and toUser are the same user"));
        return std::nullopt;
    }
    return take;
}

SimReply takeResult()
{
    return SimReply::json(QJsonObject { { QStringLiteral("result"), QStringLiteral("Success") } });
}
} // namespace

void registerOnCallRoutes(SimRouter& router, SimContext& ctx)
{
    router.add(
        "GET", QStringLiteral("/api-public/v1/oncall/current"), 60, [&ctx](const SimRequest&) {
            const SimOrg& org = ctx.org;
            const QDateTime now = ctx.now();
            QJsonArray teams;
            for (const SimTeam* team : teamsByName(org)) {
                const QList<const SimPolicy*> policies = teamPolicies(org, team->slug);
                if (policies.isEmpty())
                    continue;
                QJsonArray onCallNow;
                for (const SimPolicy* policy : policies) {
                    QJsonArray users;
                    for (const QString& user : usersOf(slotsAt(org, *policy, 0, now)))
                        users.append(
                            QJsonObject { { QStringLiteral("onCallUser"), userRef(user) } });
                    onCallNow.append(
                        QJsonObject { { QStringLiteral("escalationPolicy"),
                                          QJsonObject { { QStringLiteral("name"), policy->name },
                                              { QStringLiteral("slug"), policy->slug } } },
                            { QStringLiteral("users"), users } });
                }
                teams.append(QJsonObject { { QStringLiteral("team"), teamRef(*team) },
                    { QStringLiteral("onCallNow"), onCallNow } });
            }
            return SimReply::json(QJsonObject { { QStringLiteral("teamsOnCall"), teams } });
        });

    router.add("PATCH", QStringLiteral("/api-public/v1/policies/{policy}/oncall/user"), 60,
        [&ctx](const SimRequest& request) {
            const auto policy = ctx.org.policies.constFind(request.arg(0));
            if (policy == ctx.org.policies.cend())
                return SimReply::notFound(
                    QStringLiteral("Escalation policy '%1'").arg(request.arg(0)));
            SimReply error;
            const auto take = readTakeBody(ctx, request, &error);
            if (!take)
                return error;
            const QDateTime now = ctx.now();
            switch (checkTake(ctx.org, *policy, take->fromUser, take->toUser, now)) {
            case TakeCheck::NotOnCall:
                return SimReply::badRequest(
                    QStringLiteral("user '%1' is not on call for escalation policy '%2'")
                        .arg(take->fromUser, policy->slug));
            case TakeCheck::AlreadyOnCall:
                return SimReply::badRequest(alreadyOnCall(take->toUser, policy->slug));
            case TakeCheck::Ok:
                break;
            }
            applyTake(ctx.org, *policy, take->fromUser, take->toUser, now);
            return takeResult();
        });

    router.add("PATCH", QStringLiteral("/api-public/v1/team/{team}/oncall/user"), 60,
        [&ctx](const SimRequest& request) {
            const auto team = ctx.org.teams.constFind(request.arg(0));
            if (team == ctx.org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            SimReply error;
            const auto take = readTakeBody(ctx, request, &error);
            if (!take)
                return error;
            // The team-wide take acts on every policy of the team that has fromUser on call.
            const QDateTime now = ctx.now();
            QList<const SimPolicy*> applicable;
            QString blockedBy; // a policy fromUser is on call for, where toUser is too
            for (const SimPolicy* policy : teamPolicies(ctx.org, team->slug)) {
                switch (checkTake(ctx.org, *policy, take->fromUser, take->toUser, now)) {
                case TakeCheck::Ok:
                    applicable.append(policy);
                    break;
                case TakeCheck::AlreadyOnCall:
                    blockedBy = policy->slug;
                    break;
                case TakeCheck::NotOnCall:
                    break;
                }
            }
            if (applicable.isEmpty() && !blockedBy.isEmpty())
                return SimReply::badRequest(alreadyOnCall(take->toUser, blockedBy));
            if (applicable.isEmpty())
                return SimReply::badRequest(QStringLiteral(
                    "user '%1' is not on call for any escalation policy of team '%2'")
                                                .arg(take->fromUser, team->slug));
            for (const SimPolicy* policy : std::as_const(applicable))
                applyTake(ctx.org, *policy, take->fromUser, take->toUser, now);
            return takeResult();
        });
}

} // namespace rota::sim
