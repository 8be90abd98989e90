// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// alert-rules: the Rules Engine's rules — list, create, update (a full replacement, so the rule is
// read first and the options change it) and delete.

#include "alertrules.h"
#include "cli.h"

namespace rota::cli {

namespace {

QString matchTypeName(const AlertRule& rule)
{
    return rule.isRegex() ? QStringLiteral("regex") : QStringLiteral("wildcard");
}

QString annotationText(const AlertRuleAnnotation& a)
{
    if (a.flags == AlertRuleAnnotation::Transformation)
        return QStringLiteral("set %1=%2").arg(a.fieldName, a.fieldValue);
    return QStringLiteral("%1:%2=%3").arg(a.annotationType, a.fieldName, a.fieldValue);
}

void printRules(CommandRun& run, const QList<AlertRule>& rules)
{
    Table table({ QStringLiteral("ID"), QStringLiteral("RANK"), QStringLiteral("WHEN"),
        QStringLiteral("MATCHES"), QStringLiteral("ROUTE TO"), QStringLiteral("STOP"),
        QStringLiteral("ADDS") });
    table.setMaxWidth(3, 40);
    table.setMaxWidth(6, 70);
    for (const AlertRule& rule : rules) {
        QStringList adds;
        for (const AlertRuleAnnotation& a : rule.annotations)
            adds.append(annotationText(a));
        table.addRow({ QString::number(rule.id), QString::number(rule.rank), rule.alertField,
            QStringLiteral("%1 (%2)").arg(rule.alertValueMatch, matchTypeName(rule)), rule.routeKey,
            rule.stopFlag ? QStringLiteral("yes") : QString(), joined(adds) });
    }
    table.print(run.out(), QStringLiteral("No alert rules."));
}

void printRule(CommandRun& run, const QString& verb, const AlertRule& rule)
{
    run.out() << verb << " alert rule " << rule.id << " (rank " << rule.rank << ").\n";
    printRules(run, { rule });
}

//! "u:Runbook=https://…" -> an annotation; nullopt (and *error) when it is not one.
std::optional<AlertRuleAnnotation> parseAnnotation(const QString& text, QString* error)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const QString type = text.left(colon).trimmed();
    if (colon < 1 || equals < colon + 2
        || !QStringList { QStringLiteral("u"), QStringLiteral("s"), QStringLiteral("i") }.contains(
            type)) {
        *error = QStringLiteral("--annotate '%1': write TYPE:TITLE=VALUE with TYPE u (link), s "
                                "(note) or i (image)")
                     .arg(text);
        return std::nullopt;
    }
    return AlertRuleAnnotation { 0, type, text.mid(colon + 1, equals - colon - 1).trimmed(),
        text.mid(equals + 1), AlertRuleAnnotation::Annotation };
}

std::optional<AlertRuleAnnotation> parseTransformation(const QString& text, QString* error)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals < 1) {
        *error = QStringLiteral("--set '%1': write FIELD=VALUE").arg(text);
        return std::nullopt;
    }
    return AlertRuleAnnotation { 0, QStringLiteral("s"), text.left(equals).trimmed(),
        text.mid(equals + 1), AlertRuleAnnotation::Transformation };
}

//! Applies the options given to `rule`; false after a usage error.
bool applyOptions(Invocation& inv, AlertRule& rule)
{
    const Args& a = inv.args;
    if (a.has(QStringLiteral("field")))
        rule.alertField = a.value(QStringLiteral("field"));
    if (a.has(QStringLiteral("match")))
        rule.alertValueMatch = a.value(QStringLiteral("match"));
    if (a.has(QStringLiteral("type"))) {
        const QString type = a.value(QStringLiteral("type")).toUpper();
        if (type != QLatin1String("WILDCARD") && type != QLatin1String("REGEX")) {
            inv.run.usageError(QStringLiteral("--type must be wildcard or regex"));
            return false;
        }
        rule.matchType = type;
    }
    if (a.has(QStringLiteral("rank"))) {
        const std::optional<int> rank
            = inv.number(a.value(QStringLiteral("rank")), QStringLiteral("--rank"));
        if (!rank)
            return false;
        rule.rank = *rank;
    }
    if (a.has(QStringLiteral("stop")))
        rule.stopFlag = true;
    if (a.has(QStringLiteral("no-stop")))
        rule.stopFlag = false;
    if (a.has(QStringLiteral("route-key")))
        rule.routeKey = a.value(QStringLiteral("route-key"));
    if (a.has(QStringLiteral("note")))
        rule.notes = a.value(QStringLiteral("note"));
    const bool replace = a.has(QStringLiteral("annotate")) || a.has(QStringLiteral("set"))
        || a.has(QStringLiteral("clear-annotations"));
    if (!replace)
        return true;
    QList<AlertRuleAnnotation> annotations;
    QString error;
    for (const QString& text : a.values(QStringLiteral("annotate"))) {
        const auto annotation = parseAnnotation(text, &error);
        if (!annotation) {
            inv.run.usageError(error);
            return false;
        }
        annotations.append(*annotation);
    }
    for (const QString& text : a.values(QStringLiteral("set"))) {
        const auto transformation = parseTransformation(text, &error);
        if (!transformation) {
            inv.run.usageError(error);
            return false;
        }
        annotations.append(*transformation);
    }
    rule.annotations = annotations;
    return true;
}

VerbDef withRuleOptions(VerbDef verb)
{
    return verb
        .option("field", "FIELD", "the alert field tested, e.g. host_name or monitoring_tool")
        .option("match", "PATTERN", "what the field must match")
        .option("type", "TYPE",
            "wildcard ('*' any run, any case; the default) or regex (Java, "
            "whole value)")
        .option("rank", "N", "its place: 1 is the top; the others move down")
        .flag("stop", "no later rule runs after this one matched")
        .option("route-key", "KEY", "send matching alerts to this routing key")
        .option("note", "TEXT", "a note on the rule")
        .option("annotate", "TYPE:TITLE=VALUE",
            "add an annotation: u (link), s (note) or i (image), e.g. u:Runbook=https://…")
        .many()
        .option("set", "FIELD=VALUE", "set (transform) an alert field; ${{field}} inserts a field")
        .many();
}

const char kRuleDetails[]
    = "--annotate and --set together give the rule's annotations; with update they replace the "
      "old ones (--clear-annotations removes them all).";

Resource alertRules()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List the alert rules in the order they run.")
                 .calls(ops::listAlertRules)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listAlertRules(inv.run.client()),
                         [&inv](const AlertRuleList& list) { printRules(inv.run, list.rules); });
                 });
    verbs << withRuleOptions(
        VerbDef("create", "", "Create an alert rule (at the top unless --rank says otherwise)."))
                 .details(kRuleDetails)
                 .calls(ops::createAlertRule)
                 .run([](Invocation& inv) {
                     AlertRule rule;
                     if (!applyOptions(inv, rule))
                         return;
                     if (rule.alertField.isEmpty() || rule.alertValueMatch.isEmpty()) {
                         inv.run.usageError(QStringLiteral("give --field and --match"));
                         return;
                     }
                     show(inv.run, calls::createAlertRule(inv.run.client(), rule),
                         [&inv](const AlertRule& created) {
                             printRule(inv.run, QStringLiteral("Created"), created);
                         });
                 });
    verbs << withRuleOptions(VerbDef("update", "ID",
                                 "Change an alert rule; options not given keep "
                                 "their values."))
                 .args(1, 1)
                 .flag("no-stop", "later rules run after this one again")
                 .flag("clear-annotations", "remove every annotation and transformation")
                 .details(kRuleDetails)
                 .calls(ops::listAlertRules, "to read the rule first")
                 .calls(ops::updateAlertRule)
                 .run([](Invocation& inv) {
                     const std::optional<int> id
                         = inv.number(inv.args.arg(0), QStringLiteral("ID"));
                     if (!id)
                         return;
                     then(inv.run, calls::listAlertRules(inv.run.client()),
                         [&inv, id](const AlertRuleList& list) {
                             const auto found = std::find_if(list.rules.cbegin(), list.rules.cend(),
                                 [id](const AlertRule& rule) { return rule.id == *id; });
                             if (found == list.rules.cend()) {
                                 inv.run.apiFailure(
                                     QStringLiteral("There is no alert rule %1.").arg(*id));
                                 return;
                             }
                             AlertRule rule = *found;
                             if (!applyOptions(inv, rule))
                                 return;
                             show(inv.run, calls::updateAlertRule(inv.run.client(), rule),
                                 [&inv](const AlertRule& updated) {
                                     printRule(inv.run, QStringLiteral("Updated"), updated);
                                 });
                         });
                 });
    verbs << VerbDef("delete", "ID", "Delete an alert rule; the ones below it move up.")
                 .args(1, 1)
                 .calls(ops::deleteAlertRule)
                 .run([](Invocation& inv) {
                     const std::optional<int> id
                         = inv.number(inv.args.arg(0), QStringLiteral("ID"));
                     if (!id)
                         return;
                     showDone(inv.run, calls::deleteAlertRule(inv.run.client(), *id),
                         QStringLiteral("Deleted alert rule %1.").arg(*id));
                 });
    return makeResource("alert-rules",
        "alert rules (Rules Engine): annotate, transform and reroute alerts as they arrive", verbs);
}

} // namespace

void addAlertRuleCommands(Registry& registry) { registry.add(alertRules()); }

} // namespace rota::cli
