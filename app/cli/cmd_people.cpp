// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// users, contacts, paging (the personal paging policy) and paging-values.

#include "cli.h"
#include "oncall.h"
#include "people.h"
#include "usercsv.h"
#include "userimport.h"

namespace rota::cli {

namespace {

QString yesNo(bool value) { return value ? QStringLiteral("yes") : QStringLiteral("no"); }

// --- users ---------------------------------------------------------------------------------------

Fields userFields(const User& user)
{
    Fields fields;
    fields.add(QStringLiteral("Username"), user.username)
        .add(QStringLiteral("Name"), user.displayName())
        .add(QStringLiteral("Email"), user.email)
        .add(QStringLiteral("Verified"), yesNo(user.verified))
        .add(QStringLiteral("Created"), localTime(user.createdAt))
        .add(QStringLiteral("Password set"), localTime(user.passwordLastUpdated));
    return fields;
}

void printUser(CommandRun& run, const User& user) { userFields(user).print(run.out()); }

//! "ada.lovelace,Ada,Lovelace,ada@example.com"
std::optional<UserPayload> parseUserSpec(const QString& spec)
{
    const QStringList parts = spec.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    UserPayload user;
    user.username = parts.at(0).trimmed();
    user.firstName = parts.at(1).trimmed();
    user.lastName = parts.at(2).trimmed();
    user.email = parts.at(3).trimmed();
    return user;
}

std::optional<DeleteUserRequest::Strategy> parseStrategy(const QString& text)
{
    if (text.isEmpty())
        return DeleteUserRequest::Strategy::Unspecified;
    if (text == QLatin1String("specified-user"))
        return DeleteUserRequest::Strategy::SpecifiedUser;
    if (text == QLatin1String("global-admin"))
        return DeleteUserRequest::Strategy::GlobalAdmin;
    if (text == QLatin1String("team-admin"))
        return DeleteUserRequest::Strategy::TeamAdmin;
    return std::nullopt;
}

Verb showUserVerb(); // users show: defined with the contact methods it prints
Verb importUsersVerb(); // users import

Resource users()
{
    QList<Verb> verbs;
    verbs
        << VerbDef("list", "", "List the organisation's users.")
               .flag("v2", "read the newer user list (GET /api-public/v2/user)")
               .option("email", "ADDRESS", "only the user with this e-mail address (implies --v2)")
               .calls(ops::listUsers, "without --v2")
               .calls(ops::listUsersV2, "with --v2 or --email")
               .run([](Invocation& inv) {
                   if (inv.args.has(QStringLiteral("v2")) || inv.args.has(QStringLiteral("email")))
                       return runListUsersV2(inv); // in cmd_stakeholders.cpp
                   show(inv.run, calls::listUsers(inv.run.client()), [&inv](const UserList& list) {
                       Table table({ QStringLiteral("USERNAME"), QStringLiteral("NAME"),
                           QStringLiteral("EMAIL"), QStringLiteral("VERIFIED"),
                           QStringLiteral("CREATED") });
                       for (const User& user : list.users)
                           table.addRow({ user.username, user.displayName(), user.email,
                               yesNo(user.verified), localTime(user.createdAt) });
                       table.print(inv.run.out(), QStringLiteral("No users."));
                   });
               });
    verbs << VerbDef("get", "USER", "Show one user.")
                 .args(1, 1)
                 .calls(ops::getUser)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::getUser(inv.run.client(), inv.args.arg(0)),
                         [&inv](const User& user) { printUser(inv.run, user); });
                 });
    verbs << showUserVerb();
    verbs << VerbDef(
        "create", "USERNAME", "Invite a new user (they set a password from the e-mail).")
                 .args(1, 1)
                 .option("first", "NAME", "first name")
                 .required()
                 .option("last", "NAME", "last name")
                 .required()
                 .option("email", "ADDRESS", "e-mail address, also their first contact method")
                 .required()
                 .option("expiration-hours", "N",
                     "how long the invitation is valid (default: the service's 24)")
                 .calls(ops::createUser)
                 .run([](Invocation& inv) {
                     UserPayload user;
                     user.username = inv.args.arg(0);
                     user.firstName = inv.args.value(QStringLiteral("first"));
                     user.lastName = inv.args.value(QStringLiteral("last"));
                     user.email = inv.args.value(QStringLiteral("email"));
                     if (inv.args.has(QStringLiteral("expiration-hours"))) {
                         const auto hours
                             = inv.number(inv.args.value(QStringLiteral("expiration-hours")),
                                 QStringLiteral("--expiration-hours"));
                         if (!hours)
                             return;
                         user.expirationHours = *hours;
                     }
                     show(inv.run, calls::createUser(inv.run.client(), user),
                         [&inv](const User& created) {
                             inv.run.out() << "Invited " << created.username << ".\n";
                             printUser(inv.run, created);
                         });
                 });
    verbs << VerbDef(
        "create-batch", "USERNAME,FIRST,LAST,EMAIL...", "Invite up to 50 users in one call.")
                 .args(1, -1)
                 .details("Each argument is one user: username, first name, last name and e-mail, "
                          "separated by\n"
                          "commas. Users that cannot be added are reported; the others are added "
                          "(exit 1 then).")
                 .calls(ops::createUsers)
                 .run([](Invocation& inv) {
                     QList<UserPayload> batch;
                     for (const QString& spec : inv.args.positional()) {
                         const auto user = parseUserSpec(spec);
                         if (!user) {
                             inv.run.usageError(
                                 QStringLiteral("'%1' is not USERNAME,FIRST,LAST,EMAIL\nusage: %2")
                                     .arg(spec, inv.usage()));
                             return;
                         }
                         batch.append(*user);
                     }
                     show(
                         inv.run, calls::createUsers(inv.run.client(), batch),
                         [&inv](const BatchUserResultList& list) {
                             Table table({ QStringLiteral("USERNAME"), QStringLiteral("RESULT") });
                             table.setMaxWidth(1, 80);
                             for (const BatchUserResult& result : list.items) {
                                 QStringList errors;
                                 for (const BatchUserError& error : result.errors)
                                     errors.append(
                                         error.message.isEmpty() ? error.code : error.message);
                                 table.addRow({ result.username,
                                     result.added() ? QStringLiteral("invited")
                                                    : errors.join(QStringLiteral("; ")) });
                             }
                             table.print(inv.run.out(), QStringLiteral("No users in the answer."));
                         },
                         [&inv](const BatchUserResultList& list) {
                             int failed = 0;
                             for (const BatchUserResult& result : list.items)
                                 failed += result.added() ? 0 : 1;
                             if (failed == 0)
                                 return int(ExitOk);
                             inv.run.err() << "rotactl: " << failed << " of " << list.items.size()
                                           << " users were not added.\n";
                             return int(ExitApiError);
                         });
                 });
    verbs << importUsersVerb();
    verbs << VerbDef(
        "update", "USER", "Change a user's name or e-mail (fields left out keep their value).")
                 .args(1, 1)
                 .option("first", "NAME", "new first name")
                 .option("last", "NAME", "new last name")
                 .option("email", "ADDRESS", "new e-mail address")
                 .calls(ops::getUser)
                 .calls(ops::updateUser)
                 .run([](Invocation& inv) {
                     if (!inv.args.has(QStringLiteral("first"))
                         && !inv.args.has(QStringLiteral("last"))
                         && !inv.args.has(QStringLiteral("email"))) {
                         inv.run.usageError(
                             QStringLiteral("nothing to change: give --first, --last or --email"));
                         return;
                     }
                     // The API wants every field; read the user first so that the others stay.
                     then(inv.run, calls::getUser(inv.run.client(), inv.args.arg(0)),
                         [&inv](const User& user) {
                             UserPayload payload;
                             payload.username = user.username;
                             payload.firstName
                                 = inv.args.value(QStringLiteral("first"), user.firstName);
                             payload.lastName
                                 = inv.args.value(QStringLiteral("last"), user.lastName);
                             payload.email = inv.args.value(QStringLiteral("email"), user.email);
                             show(inv.run,
                                 calls::updateUser(inv.run.client(), user.username, payload),
                                 [&inv](const User& updated) { printUser(inv.run, updated); });
                         });
                 });
    verbs << VerbDef("delete", "USER", "Remove a user from the organisation.")
                 .args(1, 1)
                 .option("replacement", "USER",
                     "who takes their place in rotations and escalation policies")
                 .option("strategy", "WAY",
                     "specified-user (with --replacement), global-admin or team-admin")
                 .calls(ops::deleteUser)
                 .run([](Invocation& inv) {
                     const auto strategy
                         = parseStrategy(inv.args.value(QStringLiteral("strategy")));
                     if (!strategy) {
                         inv.run.usageError(QStringLiteral(
                             "--strategy must be specified-user, global-admin or team-admin"));
                         return;
                     }
                     DeleteUserRequest request;
                     request.replacement = inv.args.value(QStringLiteral("replacement"));
                     request.strategy = *strategy;
                     showDone(inv.run,
                         calls::deleteUser(inv.run.client(), inv.args.arg(0), request),
                         QStringLiteral("Removed %1.").arg(inv.args.arg(0)));
                 });
    verbs << VerbDef("teams", "USER", "List the teams a user is a member of.")
                 .args(1, 1)
                 .calls(ops::listUserTeams)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listUserTeams(inv.run.client(), inv.args.arg(0)),
                         [&inv](const UserTeamList& list) {
                             Table table({ QStringLiteral("TEAM"), QStringLiteral("SLUG") });
                             for (const UserTeam& team : list.teams)
                                 table.addRow({ team.name, team.slug });
                             table.print(
                                 inv.run.out(), QStringLiteral("Not a member of any team."));
                         });
                 });
    verbs
        << VerbDef("policies", "USER", "List the escalation policy steps that can page a user.")
               .args(1, 1)
               .calls(ops::listUserPolicies)
               .run([](Invocation& inv) {
                   show(inv.run, calls::listUserPolicies(inv.run.client(), inv.args.arg(0)),
                       [&inv](const UserPolicies& list) {
                           Table table({ QStringLiteral("POLICY"), QStringLiteral("STEP"),
                               QStringLiteral("TIMEOUT"), QStringLiteral("VIA") });
                           for (const UserPolicyEntry& entry : list.policies)
                               table.addRow({ entry.extId, QString::number(entry.order),
                                   QStringLiteral("%1 min").arg(entry.timeout),
                                   entry.contactType });
                           table.print(inv.run.out(),
                               QStringLiteral("No escalation policy pages %1.").arg(list.username));
                       });
               });
    return makeResource(
        "users", "the organisation's users, their teams and escalation policies", verbs);
}

// --- paging-values -------------------------------------------------------------------------------

void printOptions(CommandRun& run, const QList<PagingOption>& options)
{
    Table table({ QStringLiteral("TYPE"), QStringLiteral("DESCRIPTION") });
    table.setMaxWidth(1, 80);
    for (const PagingOption& option : options)
        table.addRow({ option.type, option.description });
    table.print(run.out(), QStringLiteral("None."));
}

Resource pagingValues()
{
    QList<Verb> verbs;
    verbs << VerbDef(
        "notifications", "", "The ways a paging rule can notify (push, email, sms, phone).")
                 .calls(ops::listNotificationTypes)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listNotificationTypes(inv.run.client()),
                         [&inv](const NotificationTypeList& list) {
                             printOptions(inv.run, list.notificationTypes);
                         });
                 });
    verbs << VerbDef("contacts", "", "The kinds of contact method a rule can notify.")
                 .calls(ops::listContactTypes)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listContactTypes(inv.run.client()),
                         [&inv](const ContactTypeList& list) {
                             printOptions(inv.run, list.contactTypes);
                         });
                 });
    verbs << VerbDef("timeouts", "", "The step timeouts the paging policy accepts, in minutes.")
                 .calls(ops::listTimeoutTypes)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listTimeoutTypes(inv.run.client()),
                         [&inv](const TimeoutTypeList& list) {
                             Table table(
                                 { QStringLiteral("MINUTES"), QStringLiteral("DESCRIPTION") });
                             for (const PagingTimeoutOption& option : list.timeoutTypes)
                                 table.addRow(
                                     { QString::number(option.minutes), option.description });
                             table.print(inv.run.out(), QStringLiteral("None."));
                         });
                 });
    return makeResource("paging-values", "the values a personal paging policy may use", verbs);
}

// --- paging --------------------------------------------------------------------------------------

//! "push", "email:1000", "sms:1001", "phone:1001": the same spelling rotactl prints.
QString ruleSpec(const PagingRule& rule)
{
    if (rule.contact.isEmpty())
        return rule.notificationType;
    return rule.notificationType + QLatin1Char(':') + QString::number(rule.contact.id);
}

std::optional<PagingRule> parseRuleSpec(const QString& spec)
{
    if (spec == QLatin1String("push"))
        return PagingRule::push();
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QString type = spec.left(colon);
    bool ok = false;
    const qint64 id = spec.mid(colon + 1).toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    if (type == QLatin1String("email"))
        return PagingRule::email(id);
    if (type == QLatin1String("sms"))
        return PagingRule::sms(id);
    if (type == QLatin1String("phone"))
        return PagingRule::phoneCall(id);
    return std::nullopt;
}

const char* const kRuleHelp
    = "RULE is push (every device), email:ID, sms:ID or phone:ID, where ID is the number\n"
      "of an e-mail or phone contact method ('rotactl contacts list' shows it).";

std::optional<QList<PagingRule>> parseRules(Invocation& inv, const QStringList& specs)
{
    QList<PagingRule> rules;
    for (const QString& spec : specs) {
        const auto rule = parseRuleSpec(spec);
        if (!rule) {
            inv.run.usageError(
                QStringLiteral("'%1' is not a rule: %2").arg(spec, QString::fromUtf8(kRuleHelp)));
            return std::nullopt;
        }
        rules.append(*rule);
    }
    return rules;
}

void printStep(CommandRun& run, const PagingStep& step)
{
    run.out() << "Step " << step.index << ": after " << step.timeout << " min\n";
    Table table({ QStringLiteral("RULE"), QStringLiteral("NOTIFY") });
    for (const PagingRule& rule : step.rules)
        table.addRow({ QString::number(rule.index), ruleSpec(rule) });
    table.print(run.out(), QStringLiteral("No rules."));
}

void printRule(CommandRun& run, const PagingRule& rule)
{
    Fields()
        .add(QStringLiteral("Rule"), QString::number(rule.index))
        .add(QStringLiteral("Notify"), ruleSpec(rule))
        .print(run.out());
}

Resource paging()
{
    const char* userHelp = "whose paging policy (default: VO_USERNAME)";
    QList<Verb> verbs;
    verbs << VerbDef("show", "", "Show a user's personal paging policy: its steps and rules.")
                 .option("user", "USER", userHelp)
                 .calls(ops::getPagingPolicy)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     if (!user)
                         return;
                     show(inv.run, calls::getPagingPolicy(inv.run.client(), *user),
                         [&inv](const PersonalPagingPolicy& policy) {
                             Table table({ QStringLiteral("STEP"), QStringLiteral("AFTER"),
                                 QStringLiteral("RULE"), QStringLiteral("NOTIFY") });
                             for (const PagingStep& step : policy.steps) {
                                 if (step.rules.isEmpty())
                                     table.addRow({ QString::number(step.index),
                                         QStringLiteral("%1 min").arg(step.timeout),
                                         QStringLiteral("-"), QStringLiteral("(no rules)") });
                                 for (const PagingRule& rule : step.rules)
                                     table.addRow({ QString::number(step.index),
                                         QStringLiteral("%1 min").arg(step.timeout),
                                         QString::number(rule.index), ruleSpec(rule) });
                             }
                             table.print(inv.run.out(), QStringLiteral("No paging policy steps."));
                         });
                 });
    verbs << VerbDef("add-step", "", "Append a step to the paging policy.")
                 .option("timeout", "MINUTES",
                     "minutes before the next step (see 'paging-values timeouts')")
                 .required()
                 .option("rule", "RULE", "a rule of the step")
                 .many()
                 .option("user", "USER", userHelp)
                 .details(kRuleHelp)
                 .calls(ops::createPagingStep)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto timeout = user
                         ? inv.number(
                             inv.args.value(QStringLiteral("timeout")), QStringLiteral("--timeout"))
                         : std::nullopt;
                     const auto rules = timeout
                         ? parseRules(inv, inv.args.values(QStringLiteral("rule")))
                         : std::nullopt;
                     if (!rules)
                         return;
                     show(inv.run,
                         calls::createPagingStep(
                             inv.run.client(), *user, PagingStep::make(*timeout, *rules)),
                         [&inv](const PagingStep& step) { printStep(inv.run, step); });
                 });
    verbs << VerbDef("get-step", "STEP", "Show one step of the paging policy (steps count from 0).")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::getPagingStep)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     if (!step)
                         return;
                     show(inv.run, calls::getPagingStep(inv.run.client(), *user, *step),
                         [&inv](const PagingStep& found) { printStep(inv.run, found); });
                 });
    verbs << VerbDef("add-rule", "STEP RULE", "Append a rule to a step.")
                 .args(2, 2)
                 .option("user", "USER", userHelp)
                 .details(kRuleHelp)
                 .calls(ops::createPagingRule)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     const auto rules = step ? parseRules(inv, { inv.args.arg(1) }) : std::nullopt;
                     if (!rules)
                         return;
                     show(inv.run,
                         calls::createPagingRule(inv.run.client(), *user, *step, rules->first()),
                         [&inv](const PagingRule& rule) { printRule(inv.run, rule); });
                 });
    verbs << VerbDef(
        "update-step", "STEP", "Change a step's timeout, and its rules when --rule is given.")
                 .args(1, 1)
                 .option("timeout", "MINUTES", "minutes before the next step")
                 .required()
                 .option("rule", "RULE", "the step's rules, replacing all of them")
                 .many()
                 .option("user", "USER", userHelp)
                 .details(kRuleHelp)
                 .calls(ops::getPagingStep)
                 .calls(ops::updatePagingStep)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     const auto timeout = step
                         ? inv.number(
                             inv.args.value(QStringLiteral("timeout")), QStringLiteral("--timeout"))
                         : std::nullopt;
                     const auto rules = timeout
                         ? parseRules(inv, inv.args.values(QStringLiteral("rule")))
                         : std::nullopt;
                     if (!rules)
                         return;
                     const auto update = [&inv, user, step, timeout](
                                             const QList<PagingRule>& keep) {
                         show(inv.run,
                             calls::updatePagingStep(
                                 inv.run.client(), *user, *step, PagingStep::make(*timeout, keep)),
                             [&inv](const PagingStep& updated) { printStep(inv.run, updated); });
                     };
                     if (!rules->isEmpty()) {
                         update(*rules);
                         return;
                     }
                     // The update sets all the rules: without --rule, keep the ones the step has.
                     then(inv.run, calls::getPagingStep(inv.run.client(), *user, *step),
                         [update](const PagingStep& current) { update(current.rules); });
                 });
    verbs << VerbDef("get-rule", "STEP RULE", "Show one rule of a step (rules count from 0).")
                 .args(2, 2)
                 .option("user", "USER", userHelp)
                 .calls(ops::getPagingRule)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     const auto rule = step ? inv.number(inv.args.arg(1), QStringLiteral("RULE"))
                                            : std::nullopt;
                     if (!rule)
                         return;
                     show(inv.run, calls::getPagingRule(inv.run.client(), *user, *step, *rule),
                         [&inv](const PagingRule& found) { printRule(inv.run, found); });
                 });
    verbs << VerbDef("update-rule", "STEP RULE NEW-RULE", "Replace one rule of a step.")
                 .args(3, 3)
                 .option("user", "USER", userHelp)
                 .details(kRuleHelp)
                 .calls(ops::updatePagingRule)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     const auto rule = step ? inv.number(inv.args.arg(1), QStringLiteral("RULE"))
                                            : std::nullopt;
                     const auto content
                         = rule ? parseRules(inv, { inv.args.arg(2) }) : std::nullopt;
                     if (!content)
                         return;
                     show(inv.run,
                         calls::updatePagingRule(
                             inv.run.client(), *user, *step, *rule, content->first()),
                         [&inv](const PagingRule& updated) { printRule(inv.run, updated); });
                 });
    verbs << VerbDef(
        "delete-rule", "STEP RULE", "Delete one rule of a step (the rules after it move up).")
                 .args(2, 2)
                 .option("user", "USER", userHelp)
                 .calls(ops::deletePagingRule)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto step = user ? inv.number(inv.args.arg(0), QStringLiteral("STEP"))
                                            : std::nullopt;
                     const auto rule = step ? inv.number(inv.args.arg(1), QStringLiteral("RULE"))
                                            : std::nullopt;
                     if (!rule)
                         return;
                     show(inv.run, calls::deletePagingRule(inv.run.client(), *user, *step, *rule),
                         [&inv, step](const PagingRule& removed) {
                             inv.run.out() << "Deleted rule " << removed.index << " ("
                                           << ruleSpec(removed) << ") of step " << *step << ".\n";
                         });
                 });
    verbs << pagingPoliciesVerb(); // in cmd_stakeholders.cpp
    return makeResource("paging", "a user's personal paging policy: steps and their rules", verbs);
}

// --- contacts ------------------------------------------------------------------------------------

using KindAndMethod = std::pair<QString, ContactMethod>;

QList<KindAndMethod> ofKind(const QString& kind, const QList<ContactMethod>& methods)
{
    QList<KindAndMethod> rows;
    for (const ContactMethod& method : methods)
        rows.append({ kind, method });
    return rows;
}

void printContacts(CommandRun& run, const QList<KindAndMethod>& rows, const QString& empty)
{
    Table table({ QStringLiteral("KIND"), QStringLiteral("CONTACT ID"), QStringLiteral("ID"),
        QStringLiteral("LABEL"), QStringLiteral("VALUE"), QStringLiteral("RANK") });
    for (const auto& [kind, method] : rows) {
        table.addRow(
            { kind, method.extId, method.id > 0 ? QString::number(method.id) : QStringLiteral("-"),
                method.label, method.value.isEmpty() ? method.deviceType : method.value,
                method.rank >= 0 ? QString::number(method.rank) : QStringLiteral("-") });
    }
    table.print(run.out(), empty);
}

void printContact(CommandRun& run, const ContactMethod& method)
{
    Fields fields;
    fields.add(QStringLiteral("Contact ID"), method.extId);
    if (method.id > 0)
        fields.add(QStringLiteral("ID"), QString::number(method.id));
    fields.add(QStringLiteral("Label"), method.label)
        .add(QStringLiteral("Type"), method.deviceType);
    if (!method.value.isEmpty())
        fields.add(QStringLiteral("Value"), method.value);
    if (method.rank >= 0)
        fields.add(QStringLiteral("Rank"), QString::number(method.rank));
    fields.print(run.out());
}

//! A verb that takes CONTACT-ID and --user and shows the one contact method the call answers.
using ContactCall = ApiCall<ContactMethod> (*)(ApiClient&, const QString&, const QString&);

void runContactCall(Invocation& inv, ContactCall call, const QString& done)
{
    const auto user = inv.user();
    if (!user)
        return;
    show(inv.run, call(inv.run.client(), *user, inv.args.arg(0)),
        [&inv, done](const ContactMethod& method) {
            if (!done.isEmpty())
                inv.run.out() << done.arg(method.label.isEmpty() ? method.extId : method.label)
                              << '\n';
            printContact(inv.run, method);
        });
}

//! The list verbs of e-mail addresses and phone numbers: one kind of contact method, or `empty`.
using ContactListCall = ApiCall<ContactMethodList> (*)(ApiClient&, const QString&, CallPriority);

void runContactList(
    Invocation& inv, ContactListCall call, const QString& kind, const QString& empty)
{
    const auto user = inv.user();
    if (!user)
        return;
    show(inv.run, call(inv.run.client(), *user, {}),
        [&inv, kind, empty](const ContactMethodList& list) {
            printContacts(inv.run, ofKind(kind, list.items), empty);
        });
}

//! The add verbs of e-mail addresses and phone numbers: VALUE, --label, optional --rank.
using ContactCreateCall
    = ApiCall<ContactMethod> (*)(ApiClient&, const QString&, const QString&, const QString&, int);

void runContactCreate(Invocation& inv, ContactCreateCall call)
{
    const auto user = inv.user();
    if (!user)
        return;
    int rank = -1;
    if (inv.args.has(QStringLiteral("rank"))) {
        const auto value
            = inv.number(inv.args.value(QStringLiteral("rank")), QStringLiteral("--rank"));
        if (!value)
            return;
        rank = *value;
    }
    show(inv.run,
        call(inv.run.client(), *user, inv.args.value(QStringLiteral("label")), inv.args.arg(0),
            rank),
        [&inv](const ContactMethod& method) { printContact(inv.run, method); });
}

ApiCall<ContactMethod> getDevice(ApiClient& client, const QString& user, const QString& id)
{
    return calls::getContactDevice(client, user, id);
}
ApiCall<ContactMethod> getEmail(ApiClient& client, const QString& user, const QString& id)
{
    return calls::getContactEmail(client, user, id);
}
ApiCall<ContactMethod> getPhone(ApiClient& client, const QString& user, const QString& id)
{
    return calls::getContactPhone(client, user, id);
}

Resource contacts()
{
    const char* userHelp = "whose contact methods (default: VO_USERNAME)";
    QList<Verb> verbs;
    verbs << VerbDef("list", "", "List a user's devices, e-mail addresses and phone numbers.")
                 .option("user", "USER", userHelp)
                 .details("ID is the number paging rules use; CONTACT ID the one the other "
                          "contacts verbs take.")
                 .calls(ops::getContactMethods)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     if (!user)
                         return;
                     show(inv.run, calls::getContactMethods(inv.run.client(), *user),
                         [&inv](const ContactMethods& all) {
                             printContacts(inv.run,
                                 ofKind(QStringLiteral("device"), all.devices)
                                     + ofKind(QStringLiteral("email"), all.emails)
                                     + ofKind(QStringLiteral("phone"), all.phones),
                                 QStringLiteral("No contact methods."));
                         });
                 });
    verbs << VerbDef("devices", "", "List a user's devices (phones with the app, for push rules).")
                 .option("user", "USER", userHelp)
                 .calls(ops::listContactDevices)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     if (!user)
                         return;
                     show(inv.run, calls::listContactDevices(inv.run.client(), *user),
                         [&inv](const ContactMethodList& list) {
                             printContacts(inv.run, ofKind(QStringLiteral("device"), list.items),
                                 QStringLiteral("No devices."));
                         });
                 });
    verbs << VerbDef("get-device", "CONTACT-ID", "Show one device.")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::getContactDevice)
                 .run([](Invocation& inv) { runContactCall(inv, getDevice, {}); });
    verbs << VerbDef("update-device", "CONTACT-ID", "Rename a device or change its sounds.")
                 .args(1, 1)
                 .option("label", "TEXT", "the device's name")
                 .option("escalation-sound", "SOUND", "sound of a page")
                 .option("chat-sound", "SOUND", "sound of a chat message")
                 .option("resolved-sound", "SOUND", "sound of a resolved incident")
                 .option("user", "USER", userHelp)
                 .calls(ops::updateContactDevice)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     if (!user)
                         return;
                     DeviceUpdate update;
                     const auto take = [&inv](const char* option, std::optional<QString>* slot) {
                         if (inv.args.has(QString::fromLatin1(option)))
                             *slot = inv.args.value(QString::fromLatin1(option));
                     };
                     take("label", &update.label);
                     take("escalation-sound", &update.escalationSound);
                     take("chat-sound", &update.chatSound);
                     take("resolved-sound", &update.resolvedSound);
                     if (!update.label && !update.escalationSound && !update.chatSound
                         && !update.resolvedSound) {
                         inv.run.usageError(
                             QStringLiteral("nothing to change: give --label, --escalation-sound, "
                                            "--chat-sound or --resolved-sound"));
                         return;
                     }
                     show(inv.run,
                         calls::updateContactDevice(
                             inv.run.client(), *user, inv.args.arg(0), update),
                         [&inv](const ContactMethod& device) { printContact(inv.run, device); });
                 });
    verbs << VerbDef("delete-device", "CONTACT-ID", "Delete a device.")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::deleteContactDevice)
                 .run([](Invocation& inv) {
                     runContactCall(inv, calls::deleteContactDevice, QStringLiteral("Deleted %1."));
                 });
    verbs << VerbDef("emails", "", "List a user's e-mail contact methods.")
                 .option("user", "USER", userHelp)
                 .calls(ops::listContactEmails)
                 .run([](Invocation& inv) {
                     runContactList(inv, calls::listContactEmails, QStringLiteral("email"),
                         QStringLiteral("No e-mail addresses."));
                 });
    verbs << VerbDef("add-email", "ADDRESS", "Add an e-mail address.")
                 .args(1, 1)
                 .option("label", "TEXT", "e.g. Work, Personal")
                 .required()
                 .option("rank", "N", "its place among the addresses (default: last)")
                 .option("user", "USER", userHelp)
                 .calls(ops::createContactEmail)
                 .run([](Invocation& inv) { runContactCreate(inv, calls::createContactEmail); });
    verbs << VerbDef("get-email", "CONTACT-ID", "Show one e-mail contact method.")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::getContactEmail)
                 .run([](Invocation& inv) { runContactCall(inv, getEmail, {}); });
    verbs << VerbDef(
        "delete-email", "CONTACT-ID", "Delete an e-mail address (paging rules using it go too).")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::deleteContactEmail)
                 .run([](Invocation& inv) {
                     runContactCall(inv, calls::deleteContactEmail, QStringLiteral("Deleted %1."));
                 });
    verbs << VerbDef("phones", "", "List a user's phone numbers.")
                 .option("user", "USER", userHelp)
                 .calls(ops::listContactPhones)
                 .run([](Invocation& inv) {
                     runContactList(inv, calls::listContactPhones, QStringLiteral("phone"),
                         QStringLiteral("No phone numbers."));
                 });
    verbs << VerbDef("add-phone", "NUMBER", "Add a phone number (for sms and phone rules).")
                 .args(1, 1)
                 .option("label", "TEXT", "e.g. Mobile, Desk")
                 .required()
                 .option("rank", "N", "its place among the numbers (default: last)")
                 .option("user", "USER", userHelp)
                 .calls(ops::createContactPhone)
                 .run([](Invocation& inv) { runContactCreate(inv, calls::createContactPhone); });
    verbs << VerbDef("get-phone", "CONTACT-ID", "Show one phone number.")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::getContactPhone)
                 .run([](Invocation& inv) { runContactCall(inv, getPhone, {}); });
    verbs << VerbDef(
        "delete-phone", "CONTACT-ID", "Delete a phone number (paging rules using it go too).")
                 .args(1, 1)
                 .option("user", "USER", userHelp)
                 .calls(ops::deleteContactPhone)
                 .run([](Invocation& inv) {
                     runContactCall(inv, calls::deleteContactPhone, QStringLiteral("Deleted %1."));
                 });
    return makeResource(
        "contacts", "a user's contact methods: devices, e-mail addresses, phone numbers", verbs);
}

// --- users show ----------------------------------------------------------------------------------

//! Where the user is on call now: one entry per team and escalation policy.
QJsonArray onCallNowOf(const CurrentOnCall& current, const QString& username)
{
    QJsonArray entries;
    for (const TeamOnCallNow& team : current.teamsOnCall) {
        for (const PolicyOnCallNow& policy : team.onCallNow) {
            const bool on = std::any_of(policy.usernames.cbegin(), policy.usernames.cend(),
                [&username](const QString& name) {
                    return name.compare(username, Qt::CaseInsensitive) == 0;
                });
            if (on)
                entries.append(QJsonObject {
                    { QStringLiteral("team"), team.teamName },
                    { QStringLiteral("teamSlug"), team.teamSlug },
                    { QStringLiteral("policy"), policy.policyName },
                    { QStringLiteral("policySlug"), policy.policySlug },
                });
        }
    }
    return entries;
}

void printUserDetails(CommandRun& run, const User& user, const UserTeamList& teams,
    const ContactMethods& contacts, const QJsonArray& onCall)
{
    if (run.json()) {
        run.printJson(QJsonObject {
            { QStringLiteral("user"), user.toJson() },
            { QStringLiteral("teams"), teams.toJson().value(QStringLiteral("teams")) },
            { QStringLiteral("contactMethods"), contacts.toJson() },
            { QStringLiteral("onCallNow"), onCall },
        });
        return;
    }
    QStringList teamNames;
    for (const UserTeam& team : teams.teams)
        teamNames.append(team.name);
    QStringList onCallFor;
    for (const QJsonValue& entry : onCall)
        onCallFor.append(entry[QLatin1String("team")].toString() + QStringLiteral(" (")
            + entry[QLatin1String("policy")].toString() + QLatin1Char(')'));
    userFields(user)
        .add(QStringLiteral("Teams"),
            teamNames.isEmpty() ? QStringLiteral("none") : joined(teamNames))
        .add(QStringLiteral("On call now"),
            onCallFor.isEmpty() ? QStringLiteral("no")
                                : QStringLiteral("yes: ") + joined(onCallFor))
        .print(run.out());
    run.out() << "\nContact methods:\n";
    printContacts(run,
        ofKind(QStringLiteral("device"), contacts.devices)
            + ofKind(QStringLiteral("email"), contacts.emails)
            + ofKind(QStringLiteral("phone"), contacts.phones),
        QStringLiteral("No contact methods."));
}

Verb showUserVerb()
{
    return VerbDef("show", "USER",
        "Show one user with their teams, contact methods and whether they are on call now.")
        .args(1, 1)
        .calls(ops::getUser)
        .calls(ops::listUserTeams)
        .calls(ops::getContactMethods)
        .calls(ops::getCurrentOnCall)
        .run([](Invocation& inv) {
            // One after another: each answer is small, and a user that does not exist stops the
            // command at the first call.
            then(inv.run, calls::getUser(inv.run.client(), inv.args.arg(0)),
                [&inv](const User& user) {
                    then(inv.run, calls::listUserTeams(inv.run.client(), user.username),
                        [&inv, user](const UserTeamList& teams) {
                            then(inv.run, calls::getContactMethods(inv.run.client(), user.username),
                                [&inv, user, teams](const ContactMethods& contacts) {
                                    then(inv.run, calls::getCurrentOnCall(inv.run.client()),
                                        [&inv, user, teams, contacts](
                                            const CurrentOnCall& current) {
                                            printUserDetails(inv.run, user, teams, contacts,
                                                onCallNowOf(current, user.username));
                                            inv.run.finish(ExitOk);
                                        });
                                });
                        });
                });
        });
}

// --- users import --------------------------------------------------------------------------------

QString outcomeName(UserImport::Outcome outcome)
{
    switch (outcome) {
    case UserImport::Outcome::Added:
        return QStringLiteral("added");
    case UserImport::Outcome::Refused:
        return QStringLiteral("refused");
    case UserImport::Outcome::MaybeAdded:
        return QStringLiteral("maybe-added");
    case UserImport::Outcome::NotSent:
        return QStringLiteral("not-sent");
    case UserImport::Outcome::Waiting:
    case UserImport::Outcome::Sending:
        break;
    }
    return QStringLiteral("waiting");
}

//! The rows of the file with their problems and, after an import, their outcome (valid rows in
//! the importer's order).
QJsonArray importJson(const UserCsvResult& file, const UserImport* import)
{
    QJsonArray rows;
    int sent = 0;
    for (const UserCsvRow& row : file.rows) {
        QJsonObject object {
            { QStringLiteral("line"), row.line },
            { QStringLiteral("username"), row.user.username },
            { QStringLiteral("email"), row.user.email },
            { QStringLiteral("firstName"), row.user.firstName },
            { QStringLiteral("lastName"), row.user.lastName },
            { QStringLiteral("problems"), QJsonArray::fromStringList(row.problems) },
        };
        if (!row.isValid()) {
            object.insert(QStringLiteral("result"), QStringLiteral("invalid"));
        } else if (import && sent < import->results().size()) {
            const UserImport::RowResult& result = import->results().at(sent++);
            object.insert(QStringLiteral("result"), outcomeName(result.outcome));
            if (!result.message.isEmpty())
                object.insert(QStringLiteral("message"), result.message);
        } else {
            object.insert(QStringLiteral("result"), QStringLiteral("valid"));
        }
        rows.append(object);
    }
    return rows;
}

void printProblems(CommandRun& run, const UserCsvResult& file)
{
    for (const UserCsvRow& row : file.rows) {
        if (row.isValid())
            continue;
        const QString who = row.user.username.isEmpty()
            ? QString()
            : QStringLiteral(" (%1)").arg(row.user.username);
        run.out() << "line " << row.line << who << ": " << row.problems.join(QLatin1Char(' '))
                  << '\n';
    }
}

void runImport(Invocation& inv, const UserCsvResult& file)
{
    CommandRun& run = inv.run;
    const int valid = file.validCount();
    const int invalid = file.invalidCount();
    for (const QString& warning : file.warnings)
        run.err() << "rotactl: " << warning << '\n';
    if (!run.json())
        printProblems(run, file);
    if (inv.args.has(QStringLiteral("dry-run")) || valid == 0) {
        if (run.json()) {
            run.printJson(importJson(file, nullptr));
        } else {
            run.out() << valid << (valid == 1 ? " user" : " users")
                      << (inv.args.has(QStringLiteral("dry-run")) ? " would be invited; "
                                                                  : " can be invited; ")
                      << invalid << (invalid == 1 ? " row has" : " rows have")
                      << " problems. Nothing was sent.\n";
        }
        run.finish(invalid > 0 ? int(ExitApiError) : int(ExitOk));
        return;
    }

    auto* import = new UserImport(&run.client(), &run);
    QObject::connect(import, &UserImport::progress, &run, [&run](int done, int total) {
        // Said as it happens: a large file takes minutes under the rate limit.
        if (done > 0 && done < total) {
            run.err() << "rotactl: " << done << " of " << total << " users sent\n";
            run.err().flush();
        }
    });
    QObject::connect(import, &UserImport::waiting, &run, [&run](qint64 waitMs) {
        run.err() << "rotactl: waiting about " << qMax<qint64>(1, (waitMs + 999) / 1000)
                  << " s for the rate limit (" << ops::createUsers.limitPerMinute
                  << " batches a minute)\n";
        run.err().flush();
    });
    QObject::connect(import, &UserImport::finished, &run, [&run, import, file, invalid] {
        const int added = import->count(UserImport::Outcome::Added);
        if (run.json()) {
            run.printJson(importJson(file, import));
        } else {
            Table table(
                { QStringLiteral("LINE"), QStringLiteral("USERNAME"), QStringLiteral("RESULT") });
            table.setMaxWidth(2, 100);
            int sent = 0;
            for (const UserCsvRow& row : file.rows) {
                if (!row.isValid())
                    continue;
                table.addRow({ QString::number(row.line), row.user.username,
                    UserImport::describe(import->results().value(sent++)) });
            }
            table.print(run.out(), QStringLiteral("No users were sent."));
            run.out() << "Added " << added << " of " << import->total() << " users";
            if (const int failed = import->total() - added; failed > 0)
                run.out() << "; " << failed << " not added";
            if (invalid > 0)
                run.out() << "; " << invalid << (invalid == 1 ? " row" : " rows")
                          << " with problems not sent";
            run.out() << ".\n";
        }
        run.finish(added == import->total() && invalid == 0 ? int(ExitOk) : int(ExitApiError));
    });
    import->start(file.validUsers());
}

Verb importUsersVerb()
{
    return VerbDef("import", "FILE", "Invite the users of a CSV file, 50 per call.")
        .args(1, 1)
        .flag("dry-run",
            "check the file, and against the organisation's users (one read), and report its "
            "problems; invite no one")
        .details(
            "The first line names the columns: username, email, first name, last name (in any\n"
            "order; other columns are ignored). The file must be UTF-8; commas, semicolons or\n"
            "tabs separate the values. Rows with problems (a bad username or e-mail, a name\n"
            "missing, a username or e-mail repeated or already in the organisation) are\n"
            "listed with their line and not sent. Exit 1 when any row has a problem or was\n"
            "not added; exit 2 when the file cannot be used at all. A batch whose answer was\n"
            "lost is not sent again: its users are reported as \"may have been added\".")
        .calls(ops::listUsers)
        .calls(ops::createUsers, "without --dry-run")
        .run([](Invocation& inv) {
            const QString path = inv.args.arg(0);
            // The file first, so that one that cannot be used costs no call.
            const UserCsvResult precheck = UserCsv::readFile(path);
            if (!precheck.ok()) {
                inv.run.usageError(path + QStringLiteral(": ") + precheck.error);
                return;
            }
            then(inv.run, calls::listUsers(inv.run.client()), [&inv, path](const UserList& list) {
                QSet<QString> usernames;
                QSet<QString> emails;
                for (const User& user : list.users) {
                    usernames.insert(user.username);
                    emails.insert(user.email);
                }
                const UserCsvResult file = UserCsv::readFile(path, usernames, emails);
                if (!file.ok()) {
                    inv.run.usageError(path + QStringLiteral(": ") + file.error);
                    return;
                }
                runImport(inv, file);
            });
        });
}

} // namespace

void addPeopleCommands(Registry& registry)
{
    registry.add(users());
    registry.add(contacts());
    registry.add(paging());
    registry.add(pagingValues());
}

} // namespace rota::cli
