// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// routing-keys, maintenance and webhooks: the organisation's configuration.

#include "cli.h"
#include "orgconfig.h"

namespace rota::cli {

namespace {

Resource routingKeys()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the routing keys and the escalation policies they page.")
                 .calls(ops::listRoutingKeys)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listRoutingKeys(inv.run.client()),
                         [&inv](const RoutingKeyList& list) {
                             Table table({ QStringLiteral("ROUTING KEY"),
                                 QStringLiteral("POLICIES"), QStringLiteral("DEFAULT") });
                             table.setMaxWidth(1, 70);
                             for (const RoutingKey& key : list.routingKeys) {
                                 QStringList policies;
                                 for (const RoutingKeyTarget& target : key.targets)
                                     policies.append(QStringLiteral("%1 (%2)").arg(
                                         target.policyName, target.policySlug));
                                 table.addRow({ key.routingKey, joined(policies),
                                     key.isDefault ? QStringLiteral("yes") : QString() });
                             }
                             table.print(inv.run.out(), QStringLiteral("No routing keys."));
                         });
                 });
    verbs << VerbDef(
        "create", "KEY", "Create a routing key that pages the given escalation policies.")
                 .args(1, 1)
                 .option("policy", "POLICY", "an escalation policy to page: slug or name")
                 .required()
                 .many()
                 .details("KEY: lower-case letters, digits, '-', '_' and '.'.")
                 .calls(ops::createRoutingKey)
                 .run([](Invocation& inv) {
                     resolvePolicies(inv.run, inv.args.values(QStringLiteral("policy")),
                         [&inv](const QStringList& slugs) {
                             RoutingKeyAssignment key;
                             key.routingKey = inv.args.arg(0);
                             key.targets = slugs;
                             show(inv.run, calls::createRoutingKey(inv.run.client(), key),
                                 [&inv](const RoutingKeyAssignment& created) {
                                     inv.run.out() << "Created routing key " << created.routingKey
                                                   << " -> " << joined(created.targets) << ".\n";
                                 });
                         });
                 });
    return makeResource(
        "routing-keys", "routing keys: which escalation policies an alert pages", verbs);
}

void printMaintenance(CommandRun& run, const MaintenanceState& state)
{
    Table table({ QStringLiteral("ID"), QStringLiteral("STARTED"), QStringLiteral("BY"),
        QStringLiteral("ROUTING KEYS") });
    table.setMaxWidth(3, 70);
    for (const MaintenanceInstance& instance : state.activeInstances) {
        table.addRow({ instance.instanceId, localTime(instance.startedAt), instance.startedBy,
            instance.isGlobal ? QStringLiteral("all (global)") : joined(instance.routingKeys()) });
    }
    table.print(run.out(), QStringLiteral("Maintenance mode is off."));
}

//! Ends the instances one after the other, then shows the state after the last.
void endInstances(Invocation& inv, QStringList ids)
{
    const QString id = ids.takeFirst();
    auto call = calls::endMaintenanceMode(inv.run.client(), id);
    if (ids.isEmpty()) {
        show(inv.run, call,
            [&inv](const MaintenanceState& state) { printMaintenance(inv.run, state); });
        return;
    }
    then(inv.run, call, [&inv, ids](const MaintenanceState&) { endInstances(inv, ids); });
}

Resource maintenance()
{
    QList<Verb> verbs;
    verbs << VerbDef("status", "", "Show the maintenance-mode instances that are running.")
                 .calls(ops::getMaintenanceMode)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::getMaintenanceMode(inv.run.client()),
                         [&inv](
                             const MaintenanceState& state) { printMaintenance(inv.run, state); });
                 });
    verbs << VerbDef(
        "start", "", "Start maintenance mode: alerts on these routing keys page nobody.")
                 .option("routing-key", "KEY", "a routing key to silence")
                 .many()
                 .flag("global", "silence every routing key")
                 .option("purpose", "TEXT", "why, for the others")
                 .calls(ops::startMaintenanceMode)
                 .run([](Invocation& inv) {
                     StartMaintenanceRequest request;
                     request.names = inv.args.values(QStringLiteral("routing-key"));
                     request.purpose = inv.args.value(QStringLiteral("purpose"));
                     if (request.names.isEmpty() == !inv.args.has(QStringLiteral("global"))) {
                         inv.run.usageError(QStringLiteral(
                             "give either --routing-key KEY (one or more) or --global"));
                         return;
                     }
                     show(inv.run, calls::startMaintenanceMode(inv.run.client(), request),
                         [&inv](
                             const MaintenanceState& state) { printMaintenance(inv.run, state); });
                 });
    verbs
        << VerbDef("end", "[ID]",
               "End maintenance mode: one instance by its id, those on a routing key, or all.")
               .args(0, 1)
               .option("routing-key", "KEY", "end the instances that silence this routing key")
               .flag("all", "end every instance")
               .details(
                   "Without ID, rotactl first reads the running instances to find the ones to end.")
               .calls(ops::getMaintenanceMode)
               .calls(ops::endMaintenanceMode)
               .run([](Invocation& inv) {
                   const int ways = (inv.args.positional().isEmpty() ? 0 : 1)
                       + (inv.args.has(QStringLiteral("routing-key")) ? 1 : 0)
                       + (inv.args.has(QStringLiteral("all")) ? 1 : 0);
                   if (ways != 1) {
                       inv.run.usageError(
                           QStringLiteral("give one of ID, --routing-key KEY or --all"));
                       return;
                   }
                   if (!inv.args.positional().isEmpty()) {
                       endInstances(inv, inv.args.positional());
                       return;
                   }
                   then(inv.run, calls::getMaintenanceMode(inv.run.client()),
                       [&inv](const MaintenanceState& state) {
                           const QString key = inv.args.value(QStringLiteral("routing-key"));
                           QStringList ids;
                           for (const MaintenanceInstance& instance : state.activeInstances) {
                               if (key.isEmpty() || instance.routingKeys().contains(key))
                                   ids.append(instance.instanceId);
                           }
                           if (ids.isEmpty()) {
                               inv.run.apiFailure(key.isEmpty()
                                       ? QStringLiteral("maintenance mode is not on.")
                                       : QStringLiteral("no maintenance mode instance silences "
                                                        "routing key '%1'.")
                                             .arg(key));
                               return;
                           }
                           endInstances(inv, ids);
                       });
               });
    return makeResource("maintenance", "maintenance mode: silence routing keys for a while", verbs);
}

Resource webhooks()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the organisation's outgoing webhooks.")
                 .calls(ops::listWebhooks)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listWebhooks(inv.run.client()),
                         [&inv](const WebhookList& list) {
                             Table table({ QStringLiteral("LABEL"), QStringLiteral("SLUG"),
                                 QStringLiteral("URL") });
                             table.setMaxWidth(2, 70);
                             for (const Webhook& webhook : list.webhooks)
                                 table.addRow({ webhook.label, webhook.slug, webhook.url });
                             table.print(inv.run.out(), QStringLiteral("No webhooks."));
                         });
                 });
    return makeResource("webhooks", "the organisation's outgoing webhooks", verbs);
}

} // namespace

void addOrgCommands(Registry& registry)
{
    registry.add(routingKeys());
    registry.add(maintenance());
    registry.add(webhooks());
}

} // namespace rota::cli
