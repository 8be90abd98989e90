// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "help.h"

#include "manpage.h"
#include "operations.h"

#include <QCoreApplication>

#include <algorithm>

namespace rota::cli {

namespace {

//! `text` broken into lines of at most `width` characters at spaces, each after `indent` spaces
//! (the first line after `firstIndent` characters already printed, e.g. a name).
QString wrapped(const QString& text, int width, int indent, int firstIndent)
{
    QString out;
    int column = firstIndent;
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool lineStart = true;
    for (const QString& word : words) {
        if (!lineStart && column + 1 + word.size() > width) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
            lineStart = true;
        }
        if (!lineStart) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += static_cast<int>(word.size());
        lineStart = false;
    }
    return out;
}

constexpr int kHelpWidth = 100;

//! "  NAME  text" lines, the names padded to the widest, the text wrapped under itself.
void printEntries(QTextStream& out, const QList<HelpEntry>& entries)
{
    qsizetype width = 0;
    for (const HelpEntry& entry : entries)
        width = std::max(width, entry.name.size());
    const int indent = static_cast<int>(width) + 4;
    for (const HelpEntry& entry : entries)
        out << "  " << entry.name.leftJustified(width + 2)
            << wrapped(entry.text, kHelpWidth, indent, indent) << '\n';
}

QString optionName(const OptionSpec& option)
{
    return QStringLiteral("--") + option.name
        + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
}

HelpEntry entry(const char* name, const char* text)
{
    return { QString::fromUtf8(name), QString::fromUtf8(text) };
}

} // namespace

const QList<HelpEntry>& usageHelp()
{
    static const QList<HelpEntry> usage = {
        entry("[global options] RESOURCE VERB [arguments] [options]", ""),
        entry("help [RESOURCE]", "what each verb of a resource does"),
        entry("ops", "every API operation with an example command"),
        entry("completion bash|zsh|fish", "a script that completes rotactl's command line"),
    };
    return usage;
}

const QList<HelpEntry>& environmentHelp()
{
    static const QList<HelpEntry> environment = {
        entry("VO_API_ID, VO_API_KEY",
            "the API credentials (the key is never printed); when neither is set, the current "
            "account's (see Accounts)"),
        entry("VO_USERNAME",
            "the user rotactl acts as: who acknowledges, resolves, creates incidents; the "
            "default of --user"),
        entry("VO_BASE_URL", "the API's address; --base-url overrides it"),
    };
    return environment;
}

const QList<HelpEntry>& exitStatusHelp()
{
    // The numbers of ExitCode (cli.h).
    static const QList<HelpEntry> codes = {
        { QString::number(ExitOk), QStringLiteral("ok") },
        { QString::number(ExitApiError), QStringLiteral("API error (or partly refused)") },
        { QString::number(ExitUsage), QStringLiteral("usage") },
        { QString::number(ExitAuth),
            QStringLiteral("authentication (401, or 403 that is not throttling; or no key: "
                           "missing, or not to be had from the keychain)") },
        { QString::number(ExitThrottled), QStringLiteral("still throttled after retries") },
    };
    return codes;
}

const QList<HelpEntry>& topicHelp()
{
    static const QList<HelpEntry> topics = {
        entry("Accounts",
            "'rotactl accounts add NAME --api-id ID --username USER' saves an account (shared "
            "with Rota) and keeps its key, from VO_API_KEY or --key-stdin, in the OS keychain. "
            "--account NAME uses it; without --account, VO_API_ID and VO_API_KEY, the current "
            "account is used ('rotactl accounts use NAME'). Its username is the acting user, its "
            "base URL the address."),
        entry("History",
            "'rotactl reports sync' reads the incident history into the file Rota keeps for the "
            "account (one call a minute: a large organisation's year takes hours; Ctrl+C stops, "
            "the next sync goes on), e.g. 'rotactl reports sync --until -90d'; then 'rotactl "
            "reports incidents --cached --started-after -30d' searches it without calling the "
            "API."),
        entry("Output",
            "tables for people (times in local time, long text cut with \xe2\x80\xa6); --json "
            "prints the answer as the API's JSON, re-serialised from what rotactl read."),
        entry("Completion",
            "'rotactl completion bash' (or zsh, fish) prints a script that completes resources, "
            "verbs, options and account names; the package installs all three. To load it by "
            "hand: source <(rotactl completion bash)."),
    };
    return topics;
}

void printHelp(QTextStream& out)
{
    out << "rotactl: Splunk On-Call (VictorOps) from the command line\n\nusage: ";
    qsizetype usageWidth = 0;
    for (const HelpEntry& usage : usageHelp()) {
        if (!usage.text.isEmpty())
            usageWidth = std::max(usageWidth, usage.name.size());
    }
    for (qsizetype i = 0; i < usageHelp().size(); ++i) {
        const HelpEntry& usage = usageHelp().at(i);
        out << (i == 0 ? "" : "       ") << "rotactl "
            << (usage.text.isEmpty() ? usage.name
                                     : usage.name.leftJustified(usageWidth + 2) + usage.text)
            << '\n';
    }
    out << "\nResources:\n";
    QList<HelpEntry> resources;
    for (const Resource& resource : registry().resources())
        resources.append({ resource.name, resource.summary });
    printEntries(out, resources);
    out << "\nGlobal options (before the resource or after the verb):\n";
    QList<HelpEntry> options;
    for (const OptionSpec& option : globalOptions())
        options.append({ optionName(option), option.help });
    options.append(entry("--version", "show the version"));
    printEntries(out, options);
    out << "\nEnvironment:\n";
    printEntries(out, environmentHelp());
    for (const HelpEntry& topic : topicHelp()) {
        const QString lead = topic.name + QStringLiteral(": ");
        out << '\n'
            << lead << wrapped(topic.text, kHelpWidth, 0, static_cast<int>(lead.size())) << '\n';
    }
    out << "\nExit codes:\n";
    printEntries(out, exitStatusHelp());
}

QString manualPage()
{
    ManPage page(QStringLiteral("rotactl"), QCoreApplication::applicationVersion(),
        QStringLiteral("Splunk On-Call (VictorOps) from the command line"));
    for (const HelpEntry& usage : usageHelp())
        page.addSynopsis(usage.name);

    page.section(QStringLiteral("DESCRIPTION"));
    page.paragraph(QStringLiteral(
        "rotactl reads and changes a Splunk On-Call organisation through its public API: "
        "incidents, who is on call, schedules, policies, people and teams. It shares its saved "
        "accounts with rota(1). Each RESOURCE has VERBs, listed under COMMANDS; global options go "
        "before the resource or after the verb."));
    for (const HelpEntry& topic : topicHelp()) {
        page.subsection(topic.name);
        page.paragraph(topic.text);
    }

    page.section(QStringLiteral("OPTIONS"));
    for (const OptionSpec& option : globalOptions())
        page.item(QStringLiteral("--") + option.name, option.valueName, option.help);
    page.item(QStringLiteral("--version"), {}, QStringLiteral("show the version"));

    page.section(QStringLiteral("COMMANDS"));
    for (const HelpEntry& usage : usageHelp().mid(1)) {
        const qsizetype space = usage.name.indexOf(QLatin1Char(' '));
        page.item(
            usage.name.left(space), space < 0 ? QString() : usage.name.mid(space + 1), usage.text);
    }
    for (const Resource& resource : registry().resources()) {
        page.subsection(resource.name);
        page.paragraph(resource.summary);
        for (const Verb& verb : resource.verbs) {
            QString text = verb.summary;
            if (!verb.details.isEmpty())
                text += QLatin1Char('\n') + verb.details;
            page.item(resource.name + QLatin1Char(' ') + verb.name, verb.synopsis, text);
            if (!verb.operations.isEmpty())
                page.line(QStringLiteral("API: ") + verb.operations.join(QStringLiteral("; ")));
            if (verb.options.isEmpty())
                continue;
            page.indent();
            for (const OptionSpec& option : verb.options)
                page.item(QStringLiteral("--") + option.name, option.valueName, option.help);
            page.unindent();
        }
    }

    page.section(QStringLiteral("ENVIRONMENT"));
    for (const HelpEntry& variable : environmentHelp())
        page.item(variable.name, {}, variable.text);
    page.section(QStringLiteral("EXIT STATUS"));
    for (const HelpEntry& code : exitStatusHelp())
        page.item(code.name, {}, code.text);
    page.section(QStringLiteral("FILES"));
    page.item(QStringLiteral("~/.config/Rota/rota.conf"), {},
        QStringLiteral("The saved accounts, shared with Rota (their keys are in the OS keychain). "
                       "$XDG_CONFIG_HOME takes the place of ~/.config."));
    page.item(QStringLiteral("~/.local/share/rota/history/"), {},
        QStringLiteral("The incident history of each account that 'reports sync' writes and "
                       "'reports incidents --cached' reads. $XDG_DATA_HOME takes the place of "
                       "~/.local/share."));
    page.seeAlso({ QStringLiteral("rota"), QStringLiteral("rota-sim") });
    return page.toRoff();
}

void printResourceHelp(QTextStream& out, const Resource& resource)
{
    out << "rotactl " << resource.name << ": " << resource.summary << "\n";
    for (const Verb& verb : resource.verbs) {
        out << "\n  " << usageLine(resource, verb) << "\n      " << verb.summary << '\n';
        if (!verb.details.isEmpty()) {
            const QStringList lines = verb.details.split(QLatin1Char('\n'));
            for (const QString& line : lines)
                out << "      " << line << '\n';
        }
        qsizetype width = 0;
        QStringList names;
        for (const OptionSpec& option : verb.options) {
            names.append(QStringLiteral("--") + option.name
                + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName));
            width = std::max(width, names.constLast().size());
        }
        for (qsizetype i = 0; i < verb.options.size(); ++i)
            out << "      " << names.at(i).leftJustified(width + 2) << verb.options.at(i).help
                << '\n';
        if (!verb.operations.isEmpty())
            out << "      API: " << verb.operations.join(QStringLiteral("; ")) << '\n';
    }
}

const QList<OperationExample>& operationExamples()
{
    // The demo user of seed 1 is dmitri.petrov (VO_USERNAME); the ids are those of the seeded org.
    static const QList<OperationExample> examples = {
        { &ops::listUsers, "rotactl users list" },
        { &ops::createUser,
            "rotactl users create ada.lovelace --first Ada --last Lovelace --email "
            "ada.lovelace@northwind-labs.example" },
        { &ops::createUsers,
            "rotactl users create-batch "
            "grace.hopper,Grace,Hopper,grace.hopper@northwind-labs.example "
            "alan.turing,Alan,Turing,alan.turing@northwind-labs.example" },
        { &ops::getUser, "rotactl users get ada.lovelace" },
        { &ops::updateUser, "rotactl users update ada.lovelace --last King" },
        { &ops::deleteUser, "rotactl users delete alan.turing" },
        { &ops::listUserTeams, "rotactl users teams dmitri.petrov" },
        { &ops::listNotificationTypes, "rotactl paging-values notifications" },
        { &ops::listContactTypes, "rotactl paging-values contacts" },
        { &ops::listTimeoutTypes, "rotactl paging-values timeouts" },
        { &ops::getPagingPolicy, "rotactl paging show" },
        { &ops::createPagingStep, "rotactl paging add-step --timeout 15 --rule push" },
        { &ops::getPagingStep, "rotactl paging get-step 3" },
        { &ops::createPagingRule, "rotactl paging add-rule 3 email:1000" },
        { &ops::updatePagingStep, "rotactl paging update-step 3 --timeout 20" },
        { &ops::getPagingRule, "rotactl paging get-rule 3 1" },
        { &ops::updatePagingRule, "rotactl paging update-rule 3 1 sms:1001" },
        { &ops::deletePagingRule, "rotactl paging delete-rule 3 1" },
        { &ops::getContactMethods, "rotactl contacts list" },
        { &ops::listContactDevices, "rotactl contacts devices" },
        { &ops::getContactDevice, "rotactl contacts get-device device-vLdt289Z" },
        { &ops::updateContactDevice,
            "rotactl contacts update-device device-vLdt289Z --label \"Dmitri's old Galaxy\" "
            "--escalation-sound Klaxon" },
        { &ops::deleteContactDevice, "rotactl contacts delete-device device-vLdt289Z" },
        { &ops::listContactEmails, "rotactl contacts emails" },
        { &ops::createContactEmail,
            "rotactl contacts add-email dmitri.petrov@inbox.example --label Personal" },
        { &ops::getContactEmail,
            "rotactl contacts get-email contact-4fnzXpqo --user priya.tanaka" },
        { &ops::deleteContactEmail,
            "rotactl contacts delete-email contact-4fnzXpqo --user priya.tanaka" },
        { &ops::listContactPhones, "rotactl contacts phones" },
        { &ops::createContactPhone, "rotactl contacts add-phone \"+1 646 555 0199\" --label Desk" },
        { &ops::getContactPhone,
            "rotactl contacts get-phone contact-JK4e5coG --user priya.tanaka" },
        { &ops::deleteContactPhone,
            "rotactl contacts delete-phone contact-JK4e5coG --user priya.tanaka" },
        { &ops::listUserPolicies, "rotactl users policies dmitri.petrov" },
        { &ops::getUserScheduleV1, "rotactl oncall user-schedule dmitri.petrov --v1" },
        { &ops::getUserSchedule, "rotactl oncall user-schedule dmitri.petrov --days-forward 7" },
        { &ops::getTeamScheduleV1, "rotactl oncall team-schedule team-tBJourN7 --v1" },
        { &ops::getTeamSchedule, "rotactl oncall team-schedule Platform" },
        { &ops::getCurrentOnCall, "rotactl oncall current" },
        { &ops::getTeamShiftLog, "rotactl oncall log team-tBJourN7" },
        { &ops::takeTeamOnCall, "rotactl oncall take --team Payments --to dmitri.petrov" },
        { &ops::takeOnCall, "rotactl oncall take --policy pol-k7p3x2UB --to dmitri.petrov" },
        { &ops::getIncident, "rotactl incidents get 283" },
        { &ops::listIncidents, "rotactl incidents list" },
        { &ops::createIncident,
            "rotactl incidents create --summary \"Checkout latency above 2 s\" --details \"p99 at "
            "2.4 s since the 04:00 deploy\" "
            "--target policy:pol-ethNBtUs" },
        { &ops::ackIncidents, "rotactl incidents ack 289 --message \"Looking into it\"" },
        { &ops::rerouteIncidents, "rotactl incidents reroute 289 --to policy:pol-jsLpnEiy" },
        { &ops::resolveIncidents,
            "rotactl incidents resolve 289 --message \"Partner fixed their endpoint\"" },
        { &ops::ackIncidentsByUser, "rotactl incidents ack-paged" },
        { &ops::resolveIncidentsByUser, "rotactl incidents resolve-paged --message \"All clear\"" },
        { &ops::listIncidentNotes, "rotactl notes list 283" },
        { &ops::createIncidentNote,
            "rotactl notes add 283 \"Status page\" --name status-page "
            "--set url=https://status.northwind-labs.example/incidents/283" },
        { &ops::updateIncidentNote,
            "rotactl notes update 283 status-page --display-name \"Status page (public)\"" },
        { &ops::deleteIncidentNote, "rotactl notes delete 283 status-page" },
        { &ops::getAlert, "rotactl alerts get 34db88d9-8e41-40c7-9865-dead72130025" },
        { &ops::listRoutingKeys, "rotactl routing-keys list" },
        { &ops::createRoutingKey, "rotactl routing-keys create billing --policy pol-ethNBtUs" },
        { &ops::listOverrides, "rotactl overrides list" },
        { &ops::createOverride,
            "rotactl overrides create --user dmitri.petrov --timezone America/New_York "
            "--start \"2027-01-04 09:00\" --end \"2027-01-08 17:00\"" },
        { &ops::getOverride, "rotactl overrides get 27d603de-f28f-43bc-8fa9-eb743b91dcbc" },
        { &ops::deleteOverride, "rotactl overrides delete 27d603de-f28f-43bc-8fa9-eb743b91dcbc" },
        { &ops::listOverrideAssignments,
            "rotactl overrides assignments 899e9a00-7241-4fa9-b051-a4071eacf703" },
        { &ops::getOverrideAssignment,
            "rotactl overrides assignment 899e9a00-7241-4fa9-b051-a4071eacf703 pol-jsLpnEiy" },
        { &ops::updateOverrideAssignment,
            "rotactl overrides assign 899e9a00-7241-4fa9-b051-a4071eacf703 pol-jsLpnEiy "
            "zara.okafor" },
        { &ops::deleteOverrideAssignment,
            "rotactl overrides unassign 899e9a00-7241-4fa9-b051-a4071eacf703 pol-UscqmFQQ" },
        { &ops::listRotationGroups, "rotactl rotations list team-tBJourN7" },
        { &ops::listWebhooks, "rotactl webhooks list" },
        { &ops::listEscalationPolicies, "rotactl policies list" },
        { &ops::createEscalationPolicy,
            "rotactl policies create --name \"Payments Weekend\" --team team-s6HtzYPn "
            "--step 0=rotation_group:rtg-RAQ36R68 --step "
            "15=user:lars.achebe,email:payments-leads@northwind-labs.example" },
        { &ops::getEscalationPolicy, "rotactl policies get \"Payments Weekend\"" },
        { &ops::deleteEscalationPolicy, "rotactl policies delete \"Payments Weekend\"" },
        { &ops::searchIncidentHistory, "rotactl reports incidents --phase resolved --limit 5" },
        { &ops::listTeams, "rotactl teams list" },
        { &ops::createTeam, "rotactl teams create Security" },
        { &ops::getTeam, "rotactl teams get Security" },
        { &ops::updateTeam, "rotactl teams rename Security \"Security Operations\"" },
        { &ops::deleteTeam, "rotactl teams delete \"Security Operations\"" },
        { &ops::listTeamPolicies, "rotactl teams policies team-tBJourN7" },
        { &ops::listTeamAdmins, "rotactl teams admins team-tBJourN7" },
        { &ops::listTeamMembers, "rotactl teams members team-tBJourN7" },
        { &ops::addTeamMember, "rotactl teams add-member team-tBJourN7 ada.lovelace" },
        { &ops::removeTeamMember,
            "rotactl teams remove-member team-tBJourN7 ada.lovelace --replacement dmitri.petrov" },
        { &ops::getMaintenanceMode, "rotactl maintenance status" },
        { &ops::startMaintenanceMode, "rotactl maintenance start --routing-key db" },
        { &ops::endMaintenanceMode, "rotactl maintenance end --routing-key db" },
        { &ops::searchIncidentHistoryV1,
            "rotactl reports incidents --v1 --phase resolved --limit 5" },
        { &ops::listUsersV2, "rotactl users list --email dmitri.petrov@northwind-labs.example" },
        { &ops::getPagingPolicies, "rotactl paging policies minjun.mbeki" },
        // The seeded org has rotation groups 4401 to 4410 (Platform's Primary is 4407, its shift
        // 9007), so the group made here is 4411.
        { &ops::createRotationGroup,
            "rotactl rotations create team-tBJourN7 --label \"Database primary\" --shift Weekly "
            "--timezone Europe/Madrid --start \"2027-01-04 09:00\" --days 7 --member minjun.mbeki "
            "--member diego.jensen" },
        { &ops::deleteRotationGroup, "rotactl rotations delete team-tBJourN7 4411" },
        { &ops::getScheduledUser, "rotactl rotations scheduled team-tBJourN7 4407 9007" },
        { &ops::setScheduledUser,
            "rotactl rotations set-scheduled team-tBJourN7 4407 9007 minjun.mbeki" },
        { &ops::listTeamRotations, "rotactl rotations show team-tBJourN7" },
        { &ops::postChatMessage,
            "rotactl chat post 283 \"Rolled back the deploy; error rate back to normal\"" },
        { &ops::listChatMessages, "rotactl chat list 283 --limit 20" },
        { &ops::sendStakeholderMessage,
            "rotactl stakeholders send --incident 283 --title \"Checkout degraded\" --message "
            "\"Payments are slow; next update in 30 minutes.\" --user minjun.mbeki --team "
            "team-tBJourN7" },
        // The seeded org has alert rules 101 to 103, so the rule made here is 104.
        { &ops::listAlertRules, "rotactl alert-rules list" },
        { &ops::createAlertRule,
            "rotactl alert-rules create --field host_name --match \"web-*\" --route-key "
            "platform-alerts --annotate \"u:Runbook=https://wiki.northwind-labs.example/web\" "
            "--note \"Web hosts to Platform\"" },
        { &ops::updateAlertRule,
            "rotactl alert-rules update 104 --type regex --match \"web-[0-9]+\" --rank 1 --stop" },
        { &ops::deleteAlertRule, "rotactl alert-rules delete 104" },
    };
    return examples;
}

void printOps(QTextStream& out)
{
    const QList<OperationExample>& examples = operationExamples();
    for (const Operation& operation : operations()) {
        const auto example = std::find_if(
            examples.cbegin(), examples.cend(), [&operation](const OperationExample& e) {
                return e.operation->key() == operation.key();
            });
        out << operation.method << '\t' << operation.pattern << '\t'
            << (example == examples.cend() ? QStringLiteral("(no example)")
                                           : QString::fromUtf8(example->example))
            << '\n';
    }
}

} // namespace rota::cli
