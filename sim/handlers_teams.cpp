// Teams, team members and admins, rotation groups, webhooks, escalation policies, routing keys
// and maintenance mode of the simulated org.

#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace rota::sim {

namespace {

const QString kApi = QStringLiteral("/api-public/v1");

QString teamUrl(const QString& slug) { return kApi + QStringLiteral("/team/") + slug; }

QString userUrl(const QString& username) { return kApi + QStringLiteral("/user/") + username; }

QString policyUrl(const QString& slug) { return kApi + QStringLiteral("/policies/") + slug; }

SimReply teamNotFound(const QString& slug)
{
    return SimReply::notFound(QStringLiteral("Team '%1'").arg(slug));
}

// The vendor documents 422 for these ("Team name or email is unavailable", "the replacement
// team member was not found"), so they are not 400s.
SimReply unprocessable(const QString& message) { return SimReply::error(422, message); }

bool lessCaseless(const QString& a, const QString& b)
{
    const int byName = QString::compare(a, b, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a < b;
}

// -- Reply shapes -------------------------------------------------------------------------

QJsonObject teamDetail(const SimTeam& team)
{
    const QString self = teamUrl(team.slug);
    return QJsonObject {
        { QStringLiteral("_selfUrl"), self },
        { QStringLiteral("_membersUrl"), QString(self + QStringLiteral("/members")) },
        { QStringLiteral("_policiesUrl"), QString(self + QStringLiteral("/policies")) },
        { QStringLiteral("_adminsUrl"), QString(self + QStringLiteral("/admins")) },
        { QStringLiteral("name"), team.name },
        { QStringLiteral("slug"), team.slug },
        { QStringLiteral("memberCount"), static_cast<int>(team.members.size()) },
        { QStringLiteral("version"), team.version },
        { QStringLiteral("isDefaultTeam"), team.isDefault },
    };
}

QJsonObject teamMembers(const SimOrg& org, const SimTeam& team)
{
    QJsonArray members;
    for (const QString& username : team.members) {
        const SimUser user = org.users.value(username);
        members.append(QJsonObject {
            { QStringLiteral("username"), username },
            { QStringLiteral("firstName"), user.firstName },
            { QStringLiteral("lastName"), user.lastName },
            // The data model keeps no per-user revision; every simulated user is at its first.
            { QStringLiteral("version"), 1 },
            // A string in the vendor's definition, not a boolean.
            { QStringLiteral("verified"),
                user.verified ? QStringLiteral("true") : QStringLiteral("false") },
        });
    }
    return QJsonObject {
        { QStringLiteral("_selfUrl"), QString(teamUrl(team.slug) + QStringLiteral("/members")) },
        { QStringLiteral("_teamUrl"), teamUrl(team.slug) },
        { QStringLiteral("members"), members },
    };
}

QJsonObject policyInfo(const SimOrg& org, const SimPolicy& policy)
{
    const SimTeam team = org.teams.value(policy.teamSlug);
    return QJsonObject {
        { QStringLiteral("policy"),
            QJsonObject {
                { QStringLiteral("name"), policy.name },
                { QStringLiteral("slug"), policy.slug },
                { QStringLiteral("_selfUrl"), policyUrl(policy.slug) },
            } },
        { QStringLiteral("team"),
            QJsonObject {
                { QStringLiteral("name"), team.name },
                { QStringLiteral("slug"), policy.teamSlug },
            } },
    };
}

// Policies sorted by team name, then policy name; only those of teamSlug unless it is empty.
QJsonObject policyInfoList(const SimOrg& org, const QString& teamSlug = QString())
{
    QList<const SimPolicy*> policies;
    for (const SimPolicy& policy : org.policies) {
        if (teamSlug.isEmpty() || policy.teamSlug == teamSlug)
            policies.append(&policy);
    }
    std::sort(policies.begin(), policies.end(), [&org](const SimPolicy* a, const SimPolicy* b) {
        if (a->teamSlug != b->teamSlug)
            return lessCaseless(
                org.teams.value(a->teamSlug).name, org.teams.value(b->teamSlug).name);
        return lessCaseless(a->name, b->name);
    });
    QJsonArray list;
    for (const SimPolicy* policy : std::as_const(policies))
        list.append(policyInfo(org, *policy));
    return QJsonObject { { QStringLiteral("policies"), list } };
}

bool isRotationType(const QString& executionType)
{
    return executionType == QLatin1String("rotation_group")
        || executionType == QLatin1String("rotation_group_next")
        || executionType == QLatin1String("rotation_group_previous");
}

// The body object that carries an entry's target, and the field inside it naming the target.
std::optional<QPair<QString, QString>> targetFieldOf(const QString& executionType)
{
    if (isRotationType(executionType))
        return qMakePair(QStringLiteral("rotationGroup"), QStringLiteral("slug"));
    if (executionType == QLatin1String("user"))
        return qMakePair(QStringLiteral("user"), QStringLiteral("username"));
    if (executionType == QLatin1String("webhook"))
        return qMakePair(QStringLiteral("webhook"), QStringLiteral("slug"));
    if (executionType == QLatin1String("email"))
        return qMakePair(QStringLiteral("email"), QStringLiteral("address"));
    if (executionType == QLatin1String("policy_routing"))
        return qMakePair(QStringLiteral("targetPolicy"), QStringLiteral("policySlug"));
    return std::nullopt;
}

QJsonObject policyEntry(const SimOrg& org, const SimPolicyEntry& entry)
{
    QJsonObject out { { QStringLiteral("executionType"), entry.executionType } };
    if (isRotationType(entry.executionType)) {
        out.insert(QStringLiteral("rotationGroup"),
            QJsonObject {
                { QStringLiteral("slug"), entry.target },
                { QStringLiteral("label"), org.rotations.value(entry.target).label },
            });
    } else if (entry.executionType == QLatin1String("user")) {
        const SimUser user = org.users.value(entry.target);
        out.insert(QStringLiteral("user"),
            QJsonObject {
                { QStringLiteral("username"), entry.target },
                { QStringLiteral("firstName"), user.firstName },
                { QStringLiteral("lastName"), user.lastName },
            });
    } else if (entry.executionType == QLatin1String("webhook")) {
        out.insert(QStringLiteral("webhook"),
            QJsonObject {
                { QStringLiteral("slug"), entry.target },
                { QStringLiteral("label"), org.webhooks.value(entry.target).label },
            });
    } else if (entry.executionType == QLatin1String("email")) {
        out.insert(
            QStringLiteral("email"), QJsonObject { { QStringLiteral("address"), entry.target } });
    } else if (entry.executionType == QLatin1String("policy_routing")) {
        out.insert(QStringLiteral("targetPolicy"),
            QJsonObject { { QStringLiteral("policySlug"), entry.target } });
    }
    return out;
}

QJsonObject escalationPolicy(const SimOrg& org, const SimPolicy& policy)
{
    QJsonArray steps;
    for (const SimPolicyStep& step : policy.steps) {
        QJsonArray entries;
        for (const SimPolicyEntry& entry : step.entries)
            entries.append(policyEntry(org, entry));
        steps.append(QJsonObject {
            { QStringLiteral("timeout"), step.timeout },
            { QStringLiteral("entries"), entries },
        });
    }
    return QJsonObject {
        { QStringLiteral("name"), policy.name },
        { QStringLiteral("slug"), policy.slug },
        { QStringLiteral("ignoreCustomPagingPolicies"), policy.ignoreCustomPagingPolicies },
        { QStringLiteral("steps"), steps },
    };
}

QJsonObject maintenanceState(const SimOrg& org)
{
    QJsonArray instances;
    for (const SimMaintenance& m : org.maintenance) {
        QJsonArray targets;
        // Global maintenance covers everything and names no routing keys.
        if (!m.isGlobal) {
            targets.append(QJsonObject {
                { QStringLiteral("type"), QStringLiteral("RoutingKeys") },
                { QStringLiteral("names"), QJsonArray::fromStringList(m.routingKeys) },
            });
        }
        instances.append(QJsonObject {
            { QStringLiteral("instanceId"), m.instanceId },
            { QStringLiteral("startedBy"), m.startedBy },
            { QStringLiteral("startedAt"), static_cast<double>(m.startedAtMs) },
            { QStringLiteral("targets"), targets },
            { QStringLiteral("isGlobal"), m.isGlobal },
        });
    }
    return QJsonObject {
        { QStringLiteral("companyId"), org.companyId },
        { QStringLiteral("activeInstances"), instances },
    };
}

bool teamNameTaken(const SimOrg& org, const QString& name, const QString& exceptSlug)
{
    for (const SimTeam& team : org.teams) {
        if (team.slug != exceptSlug && QString::compare(team.name, name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Reads and checks a team name from an AddTeamPayload body.
std::optional<QString> readTeamName(BodyReader& body)
{
    const QString name = body.requireString(QStringLiteral("name")).trimmed();
    if (body.ok() && name.isEmpty())
        body.fail(QStringLiteral("field 'name' must not be empty"));
    if (!body.ok())
        return std::nullopt;
    return name;
}

// -- Cleanup that keeps references consistent ---------------------------------------------

// Drops routing keys from maintenance instances; an instance left without keys has ended
// (it must not silently turn into global maintenance).
void forgetRoutingKeys(SimOrg& org, const QStringList& keys)
{
    for (auto it = org.maintenance.begin(); it != org.maintenance.end();) {
        if (it->isGlobal) {
            ++it;
            continue;
        }
        for (const QString& key : keys)
            it->routingKeys.removeAll(key);
        if (it->routingKeys.isEmpty())
            it = org.maintenance.erase(it);
        else
            ++it;
    }
}

void forgetPolicy(SimOrg& org, const QString& slug)
{
    // As documented, routing keys that only targeted this policy go with it. The default key
    // stays (without targets): an org always has one.
    QStringList removedKeys;
    for (auto it = org.routingKeys.begin(); it != org.routingKeys.end();) {
        it->policySlugs.removeAll(slug);
        if (it->policySlugs.isEmpty() && !it->isDefault) {
            removedKeys.append(it->key);
            it = org.routingKeys.erase(it);
        } else {
            ++it;
        }
    }
    forgetRoutingKeys(org, removedKeys);

    for (SimPolicy& policy : org.policies) {
        for (SimPolicyStep& step : policy.steps) {
            step.entries.erase(std::remove_if(step.entries.begin(), step.entries.end(),
                                   [&slug](const SimPolicyEntry& entry) {
                                       return entry.executionType == QLatin1String("policy_routing")
                                           && entry.target == slug;
                                   }),
                step.entries.end());
        }
        policy.steps.erase(std::remove_if(policy.steps.begin(), policy.steps.end(),
                               [](const SimPolicyStep& step) { return step.entries.isEmpty(); }),
            policy.steps.end());
    }

    org.takeOverrides.erase(std::remove_if(org.takeOverrides.begin(), org.takeOverrides.end(),
                                [&slug](const SimTakeOverride& o) { return o.policySlug == slug; }),
        org.takeOverrides.end());
    for (SimScheduledOverride& o : org.scheduledOverrides)
        o.assignments.remove(slug);
    // Incidents keep pagedPolicies as history.
}

// -- Teams ----------------------------------------------------------------------------------

SimReply listTeams(SimContext& ctx, const SimRequest&)
{
    QList<const SimTeam*> teams;
    for (const SimTeam& team : ctx.org.teams)
        teams.append(&team);
    std::sort(teams.begin(), teams.end(),
        [](const SimTeam* a, const SimTeam* b) { return lessCaseless(a->name, b->name); });
    QJsonArray list;
    for (const SimTeam* team : std::as_const(teams))
        list.append(teamDetail(*team));
    return SimReply::json(list);
}

SimReply addTeam(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const auto name = readTeamName(body);
    if (!name)
        return body.error();
    if (teamNameTaken(ctx.org, *name, QString()))
        return unprocessable(QStringLiteral("Team name '%1' is unavailable").arg(*name));
    SimTeam team;
    team.slug = ctx.org.newSlug(QStringLiteral("team"));
    team.name = *name;
    ctx.org.teams.insert(team.slug, team);
    return SimReply::json(teamDetail(team));
}

SimReply getTeam(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    return SimReply::json(teamDetail(*it));
}

SimReply updateTeam(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.find(request.arg(0));
    if (it == ctx.org.teams.end())
        return teamNotFound(request.arg(0));
    BodyReader body(request);
    const auto name = readTeamName(body);
    if (!name)
        return body.error();
    if (teamNameTaken(ctx.org, *name, it->slug))
        return unprocessable(QStringLiteral("Team name '%1' is unavailable").arg(*name));
    if (it->name != *name) {
        it->name = *name;
        ++it->version;
    }
    return SimReply::json(teamDetail(*it));
}

SimReply removeTeam(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    const auto it = ctx.org.teams.find(slug);
    if (it == ctx.org.teams.end())
        return teamNotFound(slug);
    if (it->isDefault)
        return SimReply::badRequest(QStringLiteral("The default team cannot be removed"));
    // Like the real service, which wants the team's escalation policies cleaned up first.
    int policies = 0;
    for (const SimPolicy& policy : std::as_const(ctx.org.policies))
        policies += policy.teamSlug == slug ? 1 : 0;
    if (policies > 0) {
        return SimReply::badRequest(
            QStringLiteral("Team '%1' still has %2 escalation policies; delete them first")
                .arg(slug)
                .arg(policies));
    }
    ctx.org.teams.erase(it);
    for (auto rot = ctx.org.rotations.begin(); rot != ctx.org.rotations.end();) {
        if (rot->teamSlug == slug)
            rot = ctx.org.rotations.erase(rot);
        else
            ++rot;
    }
    // The shift log and incidents keep the team as history.
    return SimReply::empty();
}

SimReply listTeamPolicies(SimContext& ctx, const SimRequest& request)
{
    if (!ctx.org.teams.contains(request.arg(0)))
        return teamNotFound(request.arg(0));
    return SimReply::json(policyInfoList(ctx.org, request.arg(0)));
}

SimReply listTeamAdmins(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    QJsonArray admins;
    for (const QString& username : it->admins) {
        const SimUser user = ctx.org.users.value(username);
        admins.append(QJsonObject {
            { QStringLiteral("username"), username },
            { QStringLiteral("firstName"), user.firstName },
            { QStringLiteral("lastName"), user.lastName },
            { QStringLiteral("_selfUrl"), userUrl(username) },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("teamAdmins"), admins } });
}

SimReply listTeamMembers(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.constFind(request.arg(0));
    if (it == ctx.org.teams.constEnd())
        return teamNotFound(request.arg(0));
    return SimReply::json(teamMembers(ctx.org, *it));
}

SimReply addTeamMember(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.teams.find(request.arg(0));
    if (it == ctx.org.teams.end())
        return teamNotFound(request.arg(0));
    BodyReader body(request);
    const QString username = body.requireString(QStringLiteral("username"));
    if (!body.ok())
        return body.error();
    if (!ctx.org.users.contains(username))
        return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
    if (it->members.contains(username)) {
        return SimReply::badRequest(
            QStringLiteral("User '%1' is already a member of team '%2'").arg(username, it->slug));
    }
    it->members.append(username);
    ++it->version;
    return SimReply::json(teamMembers(ctx.org, *it));
}

SimReply removeTeamMember(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    const QString username = request.arg(1);
    const auto it = ctx.org.teams.find(slug);
    if (it == ctx.org.teams.end())
        return teamNotFound(slug);
    BodyReader body(request);
    const QString replacement = body.requireString(QStringLiteral("replacement"));
    if (!body.ok())
        return body.error();
    if (!it->members.contains(username)) {
        return SimReply::error(
            404, QStringLiteral("User '%1' is not a member of team '%2'").arg(username, slug));
    }
    // The replacement inherits the removed user's shifts, so it has to be someone else on
    // this team, as in the web application's dialog.
    if (replacement == username || !it->members.contains(replacement)) {
        return unprocessable(QStringLiteral("Replacement '%1' must be another member of team '%2'")
                                 .arg(replacement, slug));
    }

    it->members.removeAll(username);
    it->admins.removeAll(username);
    ++it->version;
    for (SimRotation& rotation : ctx.org.rotations) {
        if (rotation.teamSlug != slug || !rotation.members.contains(username))
            continue;
        // Replacing in place keeps everyone else's shifts where they were.
        if (rotation.members.contains(replacement))
            rotation.members.removeAll(username);
        else
            std::replace(rotation.members.begin(), rotation.members.end(), username, replacement);
    }
    return SimReply::empty();
}

SimReply listTeamRotations(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    if (!ctx.org.teams.contains(slug))
        return teamNotFound(slug);
    QList<const SimRotation*> rotations;
    for (const SimRotation& rotation : ctx.org.rotations) {
        if (rotation.teamSlug == slug)
            rotations.append(&rotation);
    }
    std::sort(rotations.begin(), rotations.end(), [](const SimRotation* a, const SimRotation* b) {
        return lessCaseless(a->label, b->label);
    });
    QJsonArray list;
    for (const SimRotation* rotation : std::as_const(rotations)) {
        list.append(QJsonObject {
            { QStringLiteral("teamSlug"), rotation->teamSlug },
            { QStringLiteral("slug"), rotation->slug },
            { QStringLiteral("label"), rotation->label },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("rotationGroups"), list } });
}

SimReply listWebhooks(SimContext& ctx, const SimRequest&)
{
    QList<const SimWebhook*> webhooks;
    for (const SimWebhook& webhook : ctx.org.webhooks)
        webhooks.append(&webhook);
    std::sort(webhooks.begin(), webhooks.end(),
        [](const SimWebhook* a, const SimWebhook* b) { return lessCaseless(a->label, b->label); });
    QJsonArray list;
    for (const SimWebhook* webhook : std::as_const(webhooks)) {
        list.append(QJsonObject {
            { QStringLiteral("slug"), webhook->slug },
            { QStringLiteral("label"), webhook->label },
            { QStringLiteral("url"), webhook->url },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("webhooks"), list } });
}

// -- Escalation policies ----------------------------------------------------------------

SimReply listPolicies(SimContext& ctx, const SimRequest&)
{
    return SimReply::json(policyInfoList(ctx.org));
}

// Reads one CreateEscalationPolicyEntry; records the first problem in body.
SimPolicyEntry readPolicyEntry(const SimOrg& org, BodyReader& body, const QJsonObject& entry,
    const QString& path, const QString& teamSlug)
{
    SimPolicyEntry out;
    out.executionType = body.requireString(entry, path, QStringLiteral("executionType"));
    if (!body.ok())
        return out;
    const auto target = targetFieldOf(out.executionType);
    if (!target) {
        body.fail(QStringLiteral("field '%1.executionType' must be one of rotation_group, "
                                 "rotation_group_next, rotation_group_previous, webhook, user, "
                                 "email, policy_routing")
                      .arg(path));
        return out;
    }
    // Exactly one target object, the one that matches the execution type.
    static const QStringList kTargetObjects { QStringLiteral("rotationGroup"),
        QStringLiteral("user"), QStringLiteral("webhook"), QStringLiteral("email"),
        QStringLiteral("targetPolicy") };
    for (const QString& other : kTargetObjects) {
        const QJsonValue value = entry.value(other);
        if (other != target->first && !value.isUndefined() && !value.isNull()) {
            body.fail(QStringLiteral("field '%1.%2' must not be given for executionType %3")
                          .arg(path, other, out.executionType));
            return out;
        }
    }
    const QString objectPath = path + QLatin1Char('.') + target->first;
    const QJsonValue value = entry.value(target->first);
    if (!value.isObject()) {
        body.fail(value.isUndefined() || value.isNull()
                ? QStringLiteral("field '%1' is required for executionType %2")
                      .arg(objectPath, out.executionType)
                : QStringLiteral("field '%1' must be an object").arg(objectPath));
        return out;
    }
    out.target = body.requireString(value.toObject(), objectPath, target->second);
    if (!body.ok())
        return out;
    const QString field = objectPath + QLatin1Char('.') + target->second;
    if (isRotationType(out.executionType)) {
        const auto rotation = org.rotations.constFind(out.target);
        if (rotation == org.rotations.constEnd() || rotation->teamSlug != teamSlug) {
            body.fail(QStringLiteral("field '%1': '%2' is not a rotation group of team '%3'")
                          .arg(field, out.target, teamSlug));
        }
    } else if (out.executionType == QLatin1String("user")) {
        if (!org.users.contains(out.target))
            body.fail(
                QStringLiteral("field '%1': user '%2' does not exist").arg(field, out.target));
    } else if (out.executionType == QLatin1String("webhook")) {
        if (!org.webhooks.contains(out.target))
            body.fail(
                QStringLiteral("field '%1': webhook '%2' does not exist").arg(field, out.target));
    } else if (out.executionType == QLatin1String("email")) {
        static const QRegularExpression kAddress(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
        if (!kAddress.match(out.target).hasMatch())
            body.fail(QStringLiteral("field '%1' must be an e-mail address").arg(field));
    } else if (!org.policies.contains(out.target)) {
        body.fail(QStringLiteral("field '%1': escalation policy '%2' does not exist")
                      .arg(field, out.target));
    }
    return out;
}

SimReply createPolicy(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    SimPolicy policy;
    policy.name = body.requireString(QStringLiteral("name")).trimmed();
    policy.teamSlug = body.requireString(QStringLiteral("teamSlug"));
    policy.ignoreCustomPagingPolicies
        = body.optBool(QStringLiteral("ignoreCustomPagingPolicies"), false);
    const QJsonArray steps = body.requireArray(QStringLiteral("steps"));
    if (!body.ok())
        return body.error();
    if (policy.name.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'name' must not be empty"));
    if (!ctx.org.teams.contains(policy.teamSlug)) {
        return SimReply::badRequest(
            QStringLiteral("field 'teamSlug': team '%1' does not exist").arg(policy.teamSlug));
    }
    if (steps.isEmpty())
        return SimReply::badRequest(QStringLiteral("field 'steps' must hold at least one step"));

    for (qsizetype i = 0; i < steps.size() && body.ok(); ++i) {
        const QString stepPath = QStringLiteral("steps[%1]").arg(i);
        if (!steps.at(i).isObject()) {
            body.fail(QStringLiteral("field '%1' must be an object").arg(stepPath));
            break;
        }
        const QJsonObject stepObject = steps.at(i).toObject();
        SimPolicyStep step;
        const qint64 timeout = body.requireInt(stepObject, stepPath, QStringLiteral("timeout"));
        if (body.ok() && (timeout < 0 || timeout > 24 * 60))
            body.fail(
                QStringLiteral("field '%1.timeout' must be from 0 to 1440 minutes").arg(stepPath));
        step.timeout = static_cast<int>(timeout);
        const QJsonValue entries = stepObject.value(QStringLiteral("entries"));
        if (body.ok() && !entries.isArray()) {
            body.fail(entries.isUndefined() || entries.isNull()
                    ? QStringLiteral("field '%1.entries' is required").arg(stepPath)
                    : QStringLiteral("field '%1.entries' must be an array").arg(stepPath));
        }
        if (body.ok() && entries.toArray().isEmpty())
            body.fail(
                QStringLiteral("field '%1.entries' must hold at least one entry").arg(stepPath));
        const QJsonArray entryArray = entries.toArray();
        for (qsizetype j = 0; j < entryArray.size() && body.ok(); ++j) {
            const QString entryPath = stepPath + QStringLiteral(".entries[%1]").arg(j);
            if (!entryArray.at(j).isObject()) {
                body.fail(QStringLiteral("field '%1' must be an object").arg(entryPath));
                break;
            }
            step.entries.append(readPolicyEntry(
                ctx.org, body, entryArray.at(j).toObject(), entryPath, policy.teamSlug));
        }
        policy.steps.append(step);
    }
    if (!body.ok())
        return body.error();

    policy.slug = ctx.org.newSlug(QStringLiteral("pol"));
    ctx.org.policies.insert(policy.slug, policy);
    return SimReply::json(escalationPolicy(ctx.org, policy));
}

SimReply getPolicy(SimContext& ctx, const SimRequest& request)
{
    const auto it = ctx.org.policies.constFind(request.arg(0));
    if (it == ctx.org.policies.constEnd())
        return SimReply::notFound(QStringLiteral("Escalation policy '%1'").arg(request.arg(0)));
    return SimReply::json(escalationPolicy(ctx.org, *it));
}

SimReply deletePolicy(SimContext& ctx, const SimRequest& request)
{
    const QString slug = request.arg(0);
    if (!ctx.org.policies.remove(slug))
        return SimReply::notFound(QStringLiteral("Escalation policy '%1'").arg(slug));
    forgetPolicy(ctx.org, slug);
    return SimReply::empty();
}

// -- Routing keys -------------------------------------------------------------------------

SimReply listRoutingKeys(SimContext& ctx, const SimRequest&)
{
    QJsonArray keys;
    for (const SimRoutingKey& key : std::as_const(ctx.org.routingKeys)) {
        QJsonArray targets;
        for (const QString& slug : key.policySlugs) {
            const SimPolicy policy = ctx.org.policies.value(slug);
            targets.append(QJsonObject {
                { QStringLiteral("policyName"), policy.name },
                { QStringLiteral("policySlug"), slug },
                { QStringLiteral("_teamUrl"), teamUrl(policy.teamSlug) },
            });
        }
        keys.append(QJsonObject {
            { QStringLiteral("routingKey"), key.key },
            { QStringLiteral("targets"), targets },
            { QStringLiteral("isDefault"), key.isDefault },
        });
    }
    return SimReply::json(QJsonObject {
        { QStringLiteral("routingKeys"), keys },
        { QStringLiteral("_selfUrl"), QString(kApi + QStringLiteral("/org/routing-keys")) },
    });
}

SimReply createRoutingKey(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString key = body.requireString(QStringLiteral("routingKey"));
    const QJsonArray targets = body.requireArray(QStringLiteral("targets"));
    if (!body.ok())
        return body.error();
    static const QRegularExpression kKeyPattern(QStringLiteral("^[a-z0-9_.-]+$"));
    if (!kKeyPattern.match(key).hasMatch()) {
        return SimReply::badRequest(QStringLiteral(
            "field 'routingKey' may only hold lower-case letters, digits, '-', '_' and '.'"));
    }
    for (const SimRoutingKey& existing : std::as_const(ctx.org.routingKeys)) {
        if (existing.key == key)
            return SimReply::badRequest(QStringLiteral("Routing key '%1' already exists").arg(key));
    }
    if (targets.isEmpty())
        return SimReply::badRequest(
            QStringLiteral("field 'targets' must name at least one escalation policy"));
    SimRoutingKey created;
    created.key = key;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!targets.at(i).isString())
            return SimReply::badRequest(
                QStringLiteral("field 'targets[%1]' must be a string").arg(i));
        const QString slug = targets.at(i).toString();
        if (!ctx.org.policies.contains(slug)) {
            return SimReply::badRequest(
                QStringLiteral("field 'targets[%1]': escalation policy '%2' does not exist")
                    .arg(i)
                    .arg(slug));
        }
        if (!created.policySlugs.contains(slug))
            created.policySlugs.append(slug);
    }
    ctx.org.routingKeys.append(created);
    return SimReply::json(QJsonObject {
        { QStringLiteral("routingKey"), created.key },
        { QStringLiteral("targets"), QJsonArray::fromStringList(created.policySlugs) },
    });
}

// -- Maintenance mode -----------------------------------------------------------------------

constexpr int kMaxMaintenanceInstances = 20;

SimReply getMaintenance(SimContext& ctx, const SimRequest&)
{
    return SimReply::json(maintenanceState(ctx.org));
}

SimReply startMaintenance(SimContext& ctx, const SimRequest& request)
{
    BodyReader body(request);
    const QString type = body.requireString(QStringLiteral("type"));
    const QJsonArray names = body.optArray(QStringLiteral("names")).value_or(QJsonArray());
    body.optString(QStringLiteral("purpose"));
    // Not in the definition: lets a caller say on whose behalf it acts, since an API key has no
    // user.
    const auto startedBy = body.optString(QStringLiteral("startedBy"));
    if (!body.ok())
        return body.error();
    if (type != QLatin1String("RoutingKeys"))
        return SimReply::badRequest(QStringLiteral("field 'type' must be RoutingKeys"));
    if (startedBy && !ctx.org.users.contains(*startedBy))
        return SimReply::badRequest(
            QStringLiteral("field 'startedBy': user '%1' does not exist").arg(*startedBy));

    QStringList keys;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!names.at(i).isString())
            return SimReply::badRequest(
                QStringLiteral("field 'names[%1]' must be a string").arg(i));
        const QString name = names.at(i).toString();
        const bool known = std::any_of(ctx.org.routingKeys.cbegin(), ctx.org.routingKeys.cend(),
            [&name](const SimRoutingKey& key) { return key.key == name; });
        if (!known) {
            return SimReply::badRequest(
                QStringLiteral("field 'names[%1]': routing key '%2' does not exist")
                    .arg(i)
                    .arg(name));
        }
        if (!keys.contains(name))
            keys.append(name);
    }

    const bool global = keys.isEmpty();
    if (global) {
        const bool globalActive = std::any_of(ctx.org.maintenance.cbegin(),
            ctx.org.maintenance.cend(), [](const SimMaintenance& m) { return m.isGlobal; });
        if (globalActive) {
            return SimReply::error(409,
                QStringLiteral(
                    "Global maintenance mode is already active; only one may be active at a time"));
        }
    }
    if (ctx.org.maintenance.size() >= kMaxMaintenanceInstances) {
        return SimReply::error(420,
            QStringLiteral("You have reached the limit of %1 active maintenance modes")
                .arg(kMaxMaintenanceInstances));
    }

    SimMaintenance m;
    m.instanceId = ctx.org.newUuid();
    m.startedBy = startedBy.value_or(QStringLiteral("api"));
    m.startedAtMs = ctx.now().toMSecsSinceEpoch();
    m.routingKeys = keys;
    m.isGlobal = global;
    ctx.org.maintenance.append(m);
    return SimReply::json(maintenanceState(ctx.org));
}

SimReply endMaintenance(SimContext& ctx, const SimRequest& request)
{
    const QString id = request.arg(0);
    const auto it = std::find_if(ctx.org.maintenance.begin(), ctx.org.maintenance.end(),
        [&id](const SimMaintenance& m) { return m.instanceId == id; });
    if (it == ctx.org.maintenance.end())
        return SimReply::notFound(QStringLiteral("Maintenance mode instance '%1'").arg(id));
    ctx.org.maintenance.erase(it);
    return SimReply::json(maintenanceState(ctx.org));
}

} // namespace

void registerTeamRoutes(SimRouter& router, SimContext& ctx)
{
    const QString team = kApi + QStringLiteral("/team/{team}");

    addRoute(router, ctx, "GET", kApi + QStringLiteral("/team"), 60, &listTeams);
    addRoute(router, ctx, "POST", kApi + QStringLiteral("/team"), 60, &addTeam);
    addRoute(router, ctx, "GET", team, 60, &getTeam);
    addRoute(router, ctx, "PUT", team, 60, &updateTeam);
    addRoute(router, ctx, "DELETE", team, 60, &removeTeam);
    addRoute(router, ctx, "GET", team + QStringLiteral("/policies"), 60, &listTeamPolicies);
    addRoute(router, ctx, "GET", team + QStringLiteral("/admins"), 60, &listTeamAdmins);
    addRoute(router, ctx, "GET", team + QStringLiteral("/members"), 60, &listTeamMembers);
    addRoute(router, ctx, "POST", team + QStringLiteral("/members"), 60, &addTeamMember);
    addRoute(
        router, ctx, "DELETE", team + QStringLiteral("/members/{user}"), 60, &removeTeamMember);
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/teams/{team}/rotations"), 60,
        &listTeamRotations);
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/webhooks"), 60, &listWebhooks);

    addRoute(router, ctx, "GET", kApi + QStringLiteral("/policies"), 60, &listPolicies);
    addRoute(router, ctx, "POST", kApi + QStringLiteral("/policies"), 60, &createPolicy);
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/policies/{policy}"), 60, &getPolicy);
    addRoute(router, ctx, "DELETE", kApi + QStringLiteral("/policies/{policy}"), 60, &deletePolicy);

    addRoute(router, ctx, "GET", kApi + QStringLiteral("/org/routing-keys"), 60, &listRoutingKeys);
    addRoute(
        router, ctx, "POST", kApi + QStringLiteral("/org/routing-keys"), 60, &createRoutingKey);

    // No limit is documented for maintenance mode.
    addRoute(router, ctx, "GET", kApi + QStringLiteral("/maintenancemode"), 0, &getMaintenance);
    addRoute(
        router, ctx, "POST", kApi + QStringLiteral("/maintenancemode/start"), 0, &startMaintenance);
    addRoute(router, ctx, "PUT", kApi + QStringLiteral("/maintenancemode/{maintenancemodeid}/end"),
        0, &endMaintenance);
}

} // namespace rota::sim
