// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// chat: posting a message into an incident's timeline, and reading an incident's (or the org's)
// messages back. Reading is an operation only one client knows of: a service without it answers
// 404, which is said in words.

#include "chat.h"
#include "cli.h"

namespace rota::cli {

namespace {

std::optional<qint64> incidentNumber(Invocation& inv, const QString& text)
{
    const std::optional<int> number = inv.number(text, QStringLiteral("INCIDENT"));
    if (!number)
        return std::nullopt;
    if (*number <= 0) {
        inv.run.usageError(QStringLiteral("INCIDENT must be an incident number above 0\nusage: %1")
                               .arg(inv.usage()));
        return std::nullopt;
    }
    return *number;
}

void printMessages(CommandRun& run, const ChatMessageList& list)
{
    Table table({ QStringLiteral("#"), QStringLiteral("TIME"), QStringLiteral("USER"),
        QStringLiteral("MESSAGE") });
    table.setMaxWidth(3, 100);
    for (const ChatMessage& message : list.messages) {
        // One line per message in the table; the text's own line breaks become spaces.
        QString text = message.text;
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        table.addRow({ QString::number(message.sequence), localTime(message.serviceTime),
            message.username, text });
    }
    table.print(run.out(), QStringLiteral("No chat messages."));
    if (list.hasMore)
        run.out() << "Older messages remain: ask again with --offset "
                  << QString::number(list.messages.size()) << " (or more).\n";
}

Resource chat()
{
    QList<Verb> verbs;
    verbs << VerbDef("post", "INCIDENT TEXT",
        "Post a chat message on an incident's timeline, as VO_USERNAME (or the account's user).")
                 .args(2, 2)
                 .option("user", "USER", "post as this user instead")
                 .calls(ops::postChatMessage)
                 .run([](Invocation& inv) {
                     const auto incident = incidentNumber(inv, inv.args.arg(0));
                     if (!incident)
                         return;
                     const auto user = inv.user();
                     if (!user)
                         return;
                     const QString text = inv.args.arg(1);
                     if (text.trimmed().isEmpty()) {
                         inv.run.usageError(
                             QStringLiteral("TEXT must not be empty\nusage: %1").arg(inv.usage()));
                         return;
                     }
                     ChatPost post;
                     post.username = *user;
                     post.text = text;
                     post.incidentId = *incident;
                     showDone(inv.run, calls::postChatMessage(inv.run.client(), post),
                         QStringLiteral("Posted on incident %1 as %2.").arg(*incident).arg(*user));
                 });
    verbs << VerbDef("list", "[INCIDENT]",
        "List chat messages, newest last: an incident's, or the whole org's without INCIDENT.")
                 .args(0, 1)
                 .option("limit", "N", "at most N messages, the newest (default: the service's)")
                 .option("offset", "N", "skip the N newest messages (to page back)")
                 .details("Not every Splunk On-Call service lets clients read chat; where it "
                          "does not, this says so and exits with 1.")
                 .calls(ops::listChatMessages)
                 .run([](Invocation& inv) {
                     ChatQuery query;
                     if (!inv.args.positional().isEmpty()) {
                         const auto incident = incidentNumber(inv, inv.args.arg(0));
                         if (!incident)
                             return;
                         query.incidentId = *incident;
                     }
                     for (const char* name : { "limit", "offset" }) {
                         const QString option = QLatin1String(name);
                         if (!inv.args.has(option))
                             continue;
                         const auto n
                             = inv.number(inv.args.value(option), QStringLiteral("--") + option);
                         if (!n)
                             return;
                         if (*n < 0) {
                             inv.run.usageError(
                                 QStringLiteral("--%1 must not be negative").arg(option));
                             return;
                         }
                         (option == QLatin1String("limit") ? query.limit : query.offset) = *n;
                     }
                     const auto call = calls::listChatMessages(inv.run.client(), query);
                     CommandRun& run = inv.run;
                     QObject::connect(call.reply, &ApiReply::finished, &run, [&run, call] {
                         if (call.reply->ok()) {
                             const ChatMessageList list = call.value();
                             if (run.json())
                                 run.printJson(list.toJson());
                             else
                                 printMessages(run, list);
                             run.finish(ExitOk);
                         } else if (chatReadUnavailable(call.reply->error())) {
                             run.apiFailure(QStringLiteral(
                                 "This Splunk On-Call service does not offer reading chat "
                                 "messages (it answered 404 to GET /api-public/v1/chat). "
                                 "Posting with 'rotactl chat post' still works."));
                         } else {
                             run.fail(call.reply->error());
                         }
                     });
                 });
    return makeResource("chat", "chat messages on incidents' timelines: post and read", verbs);
}

} // namespace

void addChatCommands(Registry& registry) { registry.add(chat()); }

} // namespace rota::cli
