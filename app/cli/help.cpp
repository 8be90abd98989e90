// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "help.h"

#include "operations.h"

#include <algorithm>

namespace rota::cli {

void printHelp(QTextStream& out)
{
    out << "rotactl: Splunk On-Call (VictorOps) from the command line\n\n"
           "usage: rotactl [global options] RESOURCE VERB [arguments] [options]\n"
           "       rotactl help [RESOURCE]     what each verb of a resource does\n"
           "       rotactl ops                 every API operation with an example command\n\n"
           "Resources:\n";
    qsizetype width = 0;
    for (const Resource& resource : registry().resources())
        width = std::max(width, resource.name.size());
    for (const Resource& resource : registry().resources())
        out << "  " << resource.name.leftJustified(width + 2) << resource.summary << '\n';
    out << "\nGlobal options (before the resource or after the verb):\n";
    for (const OptionSpec& option : globalOptions()) {
        const QString name = QStringLiteral("--") + option.name
            + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
        out << "  " << name.leftJustified(16) << option.help << '\n';
    }
    out << "  --version       show the version\n"
           "\nEnvironment:\n"
           "  VO_API_ID, VO_API_KEY  the API credentials (the key is never printed); when "
           "neither is set,\n"
           "                         the current account's (see Accounts)\n"
           "  VO_USERNAME            the user rotactl acts as: who acknowledges, resolves, "
           "creates\n"
           "                         incidents; the default of --user\n"
           "  VO_BASE_URL            the API's address; --base-url overrides it\n"
           "\nAccounts: 'rotactl accounts add NAME --api-id ID --username USER' saves an "
           "account (shared\n"
           "with Rota) and keeps its key, from VO_API_KEY or --key-stdin, in the OS keychain. "
           "--account NAME\n"
           "uses it; without --account, VO_API_ID and VO_API_KEY, the current account is used "
           "('rotactl\n"
           "accounts use NAME'). Its username is the acting user, its base URL the address.\n"
           "\nHistory: 'rotactl reports sync' reads the incident history into the file Rota "
           "keeps for the\naccount (one call a minute: a large organisation's year takes "
           "hours; Ctrl+C stops, the next\nsync goes on), e.g. 'rotactl reports sync --until "
           "-90d'; then 'rotactl reports incidents\n--cached --started-after -30d' searches it "
           "without calling the API.\n"
           "\nOutput: tables for people (times in local time, long text cut with \xe2\x80\xa6); "
           "--json prints the\n"
           "answer as the API's JSON, re-serialised from what rotactl read.\n"
           "\nExit codes: 0 ok, 1 API error (or partly refused), 2 usage, 3 authentication\n"
           "(401, or 403 that is not throttling; or no key: missing, or not to be had from the\n"
           "keychain), 4 still throttled after retries.\n";
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
