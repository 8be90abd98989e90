// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// stakeholders (messages to people who follow an incident without being paged), and the newer
// (v2) readings of people: `users list --v2` and `paging policies`, which cmd_people.cpp adds to
// its resources.

#include "cli.h"
#include "peoplev2.h"
#include "stakeholders.h"

namespace rota::cli {

namespace {

QString yesNo(bool value) { return value ? QStringLiteral("yes") : QStringLiteral("no"); }

// "Mon-Fri 08:00-20:00 Europe/Madrid", "every day, all day (Etc/UTC)".
QString describeMask(const PagingTimeMask& mask)
{
    static const char* const names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    QStringList days;
    for (int i = 0; i < 7; ++i) {
        if (mask.days[static_cast<size_t>(i)])
            days.append(QLatin1String(names[i]));
    }
    const QString when = days.size() == 7 ? QStringLiteral("every day")
        : days.isEmpty()                  ? QStringLiteral("no day")
                                          : days.join(QLatin1Char(' '));
    const QString hours = mask.startTime == mask.endTime
        ? QStringLiteral("all day")
        : mask.startTime.left(5) + QLatin1Char('-') + mask.endTime.left(5);
    return when + QStringLiteral(", ") + hours
        + (mask.timeZone.isEmpty() ? QString()
                                   : QStringLiteral(" (") + mask.timeZone + QLatin1Char(')'));
}

QString ruleText(const PagingRule& rule)
{
    if (rule.contact.isEmpty())
        return rule.notificationType;
    return rule.notificationType + QLatin1Char(':') + QString::number(rule.contact.id);
}

Resource stakeholders()
{
    QList<Verb> verbs;
    verbs << VerbDef("send", "",
        "Send a message to stakeholders: users and teams who follow an incident without being "
        "paged.")
                 .option("title", "TEXT", "the message's title")
                 .required()
                 .option("message", "TEXT", "the message itself")
                 .required()
                 .option("incident", "INCIDENT", "the incident it is about")
                 .option("user", "USER", "a user to send it to")
                 .many()
                 .option("team", "TEAM", "a team (its slug) to send it to")
                 .many()
                 .details("Give at least one --user or --team. The message is sent once: "
                          "rotactl never sends it again on an error, so after a network failure "
                          "it may or may not have gone out.")
                 .calls(ops::sendStakeholderMessage)
                 .run([](Invocation& inv) {
                     StakeholderMessage message;
                     message.title = inv.args.value(QStringLiteral("title")).trimmed();
                     message.message = inv.args.value(QStringLiteral("message")).trimmed();
                     message.users = inv.args.values(QStringLiteral("user"));
                     message.teams = inv.args.values(QStringLiteral("team"));
                     if (message.title.isEmpty() || message.message.isEmpty()) {
                         inv.run.usageError(
                             QStringLiteral("--title and --message must not be empty\nusage: %1")
                                 .arg(inv.usage()));
                         return;
                     }
                     if (!message.hasRecipients()) {
                         inv.run.usageError(
                             QStringLiteral("give at least one --user or --team\nusage: %1")
                                 .arg(inv.usage()));
                         return;
                     }
                     if (inv.args.has(QStringLiteral("incident"))) {
                         const auto number = inv.number(inv.args.value(QStringLiteral("incident")),
                             QStringLiteral("--incident"));
                         if (!number)
                             return;
                         if (*number <= 0) {
                             inv.run.usageError(
                                 QStringLiteral("--incident must be an incident number above 0"));
                             return;
                         }
                         message.incidentNumber = QString::number(*number);
                     }
                     const auto people = message.users.size();
                     const auto teams = message.teams.size();
                     showDone(inv.run, calls::sendStakeholderMessage(inv.run.client(), message),
                         QStringLiteral("Sent to %1 %2 and %3 %4.")
                             .arg(people)
                             .arg(people == 1 ? QStringLiteral("person") : QStringLiteral("people"))
                             .arg(teams)
                             .arg(teams == 1 ? QStringLiteral("team") : QStringLiteral("teams")));
                 });
    return makeResource(
        "stakeholders", "messages to people who follow an incident without being paged", verbs);
}

} // namespace

void runListUsersV2(Invocation& inv)
{
    QString email;
    if (inv.args.has(QStringLiteral("email"))) {
        email = inv.args.value(QStringLiteral("email")).trimmed();
        if (email.size() < 3) {
            inv.run.usageError(QStringLiteral("--email must be at least 3 characters"));
            return;
        }
    }
    show(inv.run, calls::listUsersV2(inv.run.client(), email),
        [&inv, email](const UserListV2& list) {
            Table table({ QStringLiteral("USERNAME"), QStringLiteral("NAME"),
                QStringLiteral("EMAIL"), QStringLiteral("VERIFIED"), QStringLiteral("CREATED") });
            for (const User& user : list.users)
                table.addRow({ user.username, user.displayName(), user.email, yesNo(user.verified),
                    localTime(user.createdAt) });
            table.print(inv.run.out(),
                email.isEmpty() ? QStringLiteral("No users.")
                                : QStringLiteral("Nobody has the address %1.").arg(email));
        });
}

Verb pagingPoliciesVerb()
{
    return VerbDef("policies", "[USER]",
        "List all of a user's paging policies (the primary is rank 0), with when each applies.")
        .args(0, 1)
        .calls(ops::getPagingPolicies)
        .details("Without USER: VO_USERNAME's. 'paging show' shows the primary policy only.")
        .run([](Invocation& inv) {
            QString user = inv.args.arg(0);
            if (user.isEmpty()) {
                const auto acting = inv.user();
                if (!acting)
                    return;
                user = *acting;
            }
            show(inv.run, calls::getPagingPolicies(inv.run.client(), user),
                [&inv](const PagingPolicyList& list) {
                    Table table({ QStringLiteral("RANK"), QStringLiteral("POLICY"),
                        QStringLiteral("WHEN"), QStringLiteral("STEP"), QStringLiteral("AFTER"),
                        QStringLiteral("NOTIFY") });
                    table.setMaxWidth(2, 60);
                    for (const PagingPolicyV2& policy : list.policies) {
                        const QString name = policy.name.isEmpty() ? policy.slug : policy.name;
                        const QString when = describeMask(policy.timeMask);
                        if (policy.steps.isEmpty())
                            table.addRow(
                                { QString::number(policy.rank), name, when, QStringLiteral("-"),
                                    QStringLiteral("-"), QStringLiteral("(no steps)") });
                        for (const PagingStep& step : policy.steps) {
                            QStringList rules;
                            for (const PagingRule& rule : step.rules)
                                rules.append(ruleText(rule));
                            table.addRow({ QString::number(policy.rank), name, when,
                                QString::number(step.index),
                                QStringLiteral("%1 min").arg(step.timeout),
                                rules.isEmpty() ? QStringLiteral("(no rules)")
                                                : rules.join(QStringLiteral(", ")) });
                        }
                    }
                    table.print(inv.run.out(), QStringLiteral("No paging policies."));
                });
        });
}

void addStakeholderCommands(Registry& registry) { registry.add(stakeholders()); }

} // namespace rota::cli
