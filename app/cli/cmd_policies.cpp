// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// policies (escalation policies), and the lookup of a policy by name.

#include "cli.h"
#include "policies.h"

#include <algorithm>

namespace rota::cli {

void resolvePolicies(
    CommandRun& run, const QStringList& policies, std::function<void(const QStringList&)> next)
{
    // One list call at most, however many names: resolve the first, then the rest from there.
    const auto named = std::find_if(policies.cbegin(), policies.cend(),
        [](const QString& policy) { return !policy.startsWith(QLatin1String("pol-")); });
    if (named == policies.cend()) {
        next(policies);
        return;
    }
    then(run, calls::listEscalationPolicies(run.client()),
        [&run, policies, next](const EscalationPolicyInfoList& list) {
            QStringList slugs;
            for (const QString& policy : policies) {
                if (policy.startsWith(QLatin1String("pol-"))) {
                    slugs.append(policy);
                    continue;
                }
                QStringList matches;
                for (const EscalationPolicyInfo& candidate : list.policies) {
                    if (candidate.policyName.compare(policy, Qt::CaseInsensitive) == 0)
                        matches.append(candidate.policySlug);
                }
                if (matches.size() != 1) {
                    run.usageError(matches.isEmpty()
                            ? QStringLiteral("no escalation policy is named '%1' ('rotactl "
                                             "policies list' shows them)")
                                  .arg(policy)
                            : QStringLiteral(
                                "several escalation policies are named '%1': use a slug (%2)")
                                  .arg(policy, joined(matches)));
                    return;
                }
                slugs.append(matches.first());
            }
            next(slugs);
        });
}

void resolvePolicy(CommandRun& run, const QString& policy, std::function<void(const QString&)> next)
{
    resolvePolicies(run, { policy }, [next](const QStringList& slugs) { next(slugs.first()); });
}

namespace {

const char* const kStepHelp = "STEP is TIMEOUT=ENTRY[,ENTRY...]: the minutes after the previous "
                              "step, then what the step does.\n"
                              "ENTRY is TYPE:TARGET with TYPE rotation_group, rotation_group_next "
                              "or rotation_group_previous\n"
                              "(TARGET a rotation slug, rtg-...), user (a username), webhook "
                              "(wh-...), email (an address) or\n"
                              "policy_routing (another policy's slug). Example: --step "
                              "0=rotation_group:rtg-1 --step 15=user:ada";

std::optional<EscalationPolicyEntry> parseEntry(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon + 1 >= text.size())
        return std::nullopt;
    const EscalationEntryType type = escalationEntryTypeFromApi(text.left(colon).trimmed());
    const QString target = text.mid(colon + 1).trimmed();
    switch (type) {
    case EscalationEntryType::RotationGroup:
    case EscalationEntryType::RotationGroupNext:
    case EscalationEntryType::RotationGroupPrevious:
        return EscalationPolicyEntry::rotationGroup(target, type);
    case EscalationEntryType::User:
        return EscalationPolicyEntry::user(target);
    case EscalationEntryType::Webhook:
        return EscalationPolicyEntry::webhook(target);
    case EscalationEntryType::Email:
        return EscalationPolicyEntry::email(target);
    case EscalationEntryType::PolicyRouting:
        return EscalationPolicyEntry::policyRouting(target);
    case EscalationEntryType::Unknown:
        break;
    }
    return std::nullopt;
}

std::optional<EscalationPolicyStep> parseStep(const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return std::nullopt;
    bool ok = false;
    EscalationPolicyStep step;
    step.timeout = text.left(equals).trimmed().toInt(&ok);
    if (!ok || step.timeout < 0)
        return std::nullopt;
    const QStringList entries = text.mid(equals + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& entryText : entries) {
        const auto entry = parseEntry(entryText);
        if (!entry)
            return std::nullopt;
        step.entries.append(*entry);
    }
    if (step.entries.isEmpty())
        return std::nullopt;
    return step;
}

void printPolicy(CommandRun& run, const EscalationPolicy& policy)
{
    Fields()
        .add(QStringLiteral("Name"), policy.name)
        .add(QStringLiteral("Slug"), policy.slug)
        .add(QStringLiteral("Ignores personal paging"),
            policy.ignoreCustomPagingPolicies ? QStringLiteral("yes") : QStringLiteral("no"))
        .print(run.out());
    run.out() << '\n';
    Table table({ QStringLiteral("STEP"), QStringLiteral("AFTER"), QStringLiteral("TYPE"),
        QStringLiteral("TARGET"), QStringLiteral("NAME") });
    for (qsizetype i = 0; i < policy.steps.size(); ++i) {
        const EscalationPolicyStep& step = policy.steps.at(i);
        for (const EscalationPolicyEntry& entry : step.entries) {
            const QString type = entry.type == EscalationEntryType::Unknown
                ? entry.executionType
                : escalationEntryTypeToApi(entry.type);
            const QString name = entry.displayName();
            table.addRow({ QString::number(i), QStringLiteral("%1 min").arg(step.timeout), type,
                entry.target(), name == entry.target() ? QString() : name });
        }
    }
    table.print(run.out(), QStringLiteral("No steps."));
}

const char* const kPolicyArgHelp = "POLICY is a policy's slug (pol-...) or its name.";

Resource policies()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the escalation policies of every team.")
                 .calls(ops::listEscalationPolicies)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listEscalationPolicies(inv.run.client()),
                         [&inv](const EscalationPolicyInfoList& list) {
                             Table table({ QStringLiteral("POLICY"), QStringLiteral("SLUG"),
                                 QStringLiteral("TEAM"), QStringLiteral("TEAM SLUG") });
                             for (const EscalationPolicyInfo& info : list.policies)
                                 table.addRow({ info.policyName, info.policySlug, info.teamName,
                                     info.teamSlug });
                             table.print(inv.run.out(), QStringLiteral("No escalation policies."));
                         });
                 });
    verbs << VerbDef(
        "create", "", "Create an escalation policy (policies cannot be changed later).")
                 .option("name", "NAME", "the policy's name")
                 .required()
                 .option("team", "TEAM", "the team it belongs to: a slug or the team's name")
                 .required()
                 .option("step", "STEP", "a step, in order")
                 .required()
                 .many()
                 .flag("ignore-custom-paging",
                     "page by the policy only, ignoring people's paging policies")
                 .details(kStepHelp)
                 .calls(ops::createEscalationPolicy)
                 .run([](Invocation& inv) {
                     NewEscalationPolicy policy;
                     policy.name = inv.args.value(QStringLiteral("name"));
                     policy.ignoreCustomPagingPolicies
                         = inv.args.has(QStringLiteral("ignore-custom-paging"));
                     const QStringList steps = inv.args.values(QStringLiteral("step"));
                     for (const QString& text : steps) {
                         const auto step = parseStep(text);
                         if (!step) {
                             inv.run.usageError(QStringLiteral("'%1' is not a step. %2")
                                                    .arg(text, QString::fromUtf8(kStepHelp)));
                             return;
                         }
                         policy.steps.append(*step);
                     }
                     resolveTeam(inv.run, inv.args.value(QStringLiteral("team")),
                         [&inv, policy](const QString& slug) {
                             NewEscalationPolicy request = policy;
                             request.teamSlug = slug;
                             show(inv.run, calls::createEscalationPolicy(inv.run.client(), request),
                                 [&inv](const EscalationPolicy& created) {
                                     printPolicy(inv.run, created);
                                 });
                         });
                 });
    verbs << VerbDef("get", "POLICY", "Show an escalation policy with its steps.")
                 .args(1, 1)
                 .details(kPolicyArgHelp)
                 .calls(ops::getEscalationPolicy)
                 .run([](Invocation& inv) {
                     resolvePolicy(inv.run, inv.args.arg(0), [&inv](const QString& slug) {
                         show(inv.run, calls::getEscalationPolicy(inv.run.client(), slug),
                             [&inv](
                                 const EscalationPolicy& policy) { printPolicy(inv.run, policy); });
                     });
                 });
    verbs << VerbDef("delete", "POLICY", "Delete an escalation policy.")
                 .args(1, 1)
                 .details(kPolicyArgHelp)
                 .calls(ops::deleteEscalationPolicy)
                 .run([](Invocation& inv) {
                     resolvePolicy(inv.run, inv.args.arg(0), [&inv](const QString& slug) {
                         showDone(inv.run, calls::deleteEscalationPolicy(inv.run.client(), slug),
                             QStringLiteral("Deleted escalation policy %1.").arg(slug));
                     });
                 });
    return makeResource("policies", "escalation policies: who is paged, in which order", verbs);
}

} // namespace

void addPolicyCommands(Registry& registry) { registry.add(policies()); }

} // namespace rota::cli
