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
        { "GET", "/api-public/v1/user", "rotactl users list" },
        { "POST", "/api-public/v1/user",
            "rotactl users create ada.lovelace --first Ada --last Lovelace --email "
            "ada.lovelace@northwind-labs.example" },
        { "POST", "/api-public/v1/user/batch",
            "rotactl users create-batch "
            "grace.hopper,Grace,Hopper,grace.hopper@northwind-labs.example "
            "alan.turing,Alan,Turing,alan.turing@northwind-labs.example" },
        { "GET", "/api-public/v1/user/{user}", "rotactl users get ada.lovelace" },
        { "PUT", "/api-public/v1/user/{user}", "rotactl users update ada.lovelace --last King" },
        { "DELETE", "/api-public/v1/user/{user}", "rotactl users delete alan.turing" },
        { "GET", "/api-public/v1/user/{user}/teams", "rotactl users teams dmitri.petrov" },
        { "GET", "/api-public/v1/policies/types/notifications",
            "rotactl paging-values notifications" },
        { "GET", "/api-public/v1/policies/types/contacts", "rotactl paging-values contacts" },
        { "GET", "/api-public/v1/policies/types/timeouts", "rotactl paging-values timeouts" },
        { "GET", "/api-public/v1/profile/{username}/policies", "rotactl paging show" },
        { "POST", "/api-public/v1/profile/{username}/policies",
            "rotactl paging add-step --timeout 15 --rule push" },
        { "GET", "/api-public/v1/profile/{username}/policies/{step}", "rotactl paging get-step 3" },
        { "POST", "/api-public/v1/profile/{username}/policies/{step}",
            "rotactl paging add-rule 3 email:1000" },
        { "PUT", "/api-public/v1/profile/{username}/policies/{step}",
            "rotactl paging update-step 3 --timeout 20" },
        { "GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}",
            "rotactl paging get-rule 3 1" },
        { "PUT", "/api-public/v1/profile/{username}/policies/{step}/{rule}",
            "rotactl paging update-rule 3 1 sms:1001" },
        { "DELETE", "/api-public/v1/profile/{username}/policies/{step}/{rule}",
            "rotactl paging delete-rule 3 1" },
        { "GET", "/api-public/v1/user/{user}/contact-methods", "rotactl contacts list" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/devices", "rotactl contacts devices" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}",
            "rotactl contacts get-device device-vLdt289Z" },
        { "PUT", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}",
            "rotactl contacts update-device device-vLdt289Z --label \"Dmitri's old Galaxy\" "
            "--escalation-sound Klaxon" },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}",
            "rotactl contacts delete-device device-vLdt289Z" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/emails", "rotactl contacts emails" },
        { "POST", "/api-public/v1/user/{user}/contact-methods/emails",
            "rotactl contacts add-email dmitri.petrov@inbox.example --label Personal" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}",
            "rotactl contacts get-email contact-4fnzXpqo --user priya.tanaka" },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}",
            "rotactl contacts delete-email contact-4fnzXpqo --user priya.tanaka" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/phones", "rotactl contacts phones" },
        { "POST", "/api-public/v1/user/{user}/contact-methods/phones",
            "rotactl contacts add-phone \"+1 646 555 0199\" --label Desk" },
        { "GET", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}",
            "rotactl contacts get-phone contact-JK4e5coG --user priya.tanaka" },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}",
            "rotactl contacts delete-phone contact-JK4e5coG --user priya.tanaka" },
        { "GET", "/api-public/v1/user/{user}/policies", "rotactl users policies dmitri.petrov" },
        { "GET", "/api-public/v1/user/{user}/oncall/schedule",
            "rotactl oncall user-schedule dmitri.petrov --v1" },
        { "GET", "/api-public/v2/user/{user}/oncall/schedule",
            "rotactl oncall user-schedule dmitri.petrov --days-forward 7" },
        { "GET", "/api-public/v1/team/{team}/oncall/schedule",
            "rotactl oncall team-schedule team-tBJourN7 --v1" },
        { "GET", "/api-public/v2/team/{team}/oncall/schedule",
            "rotactl oncall team-schedule Platform" },
        { "GET", "/api-public/v1/oncall/current", "rotactl oncall current" },
        { "GET", "/api-reporting/v1/team/{team}/oncall/log", "rotactl oncall log team-tBJourN7" },
        { "PATCH", "/api-public/v1/team/{team}/oncall/user",
            "rotactl oncall take --team Payments --to dmitri.petrov" },
        { "PATCH", "/api-public/v1/policies/{policy}/oncall/user",
            "rotactl oncall take --policy pol-k7p3x2UB --to dmitri.petrov" },
        { "GET", "/api-public/v1/incidents/{incidentNumber}", "rotactl incidents get 283" },
        { "GET", "/api-public/v1/incidents", "rotactl incidents list" },
        { "POST", "/api-public/v1/incidents",
            "rotactl incidents create --summary \"Checkout latency above 2 s\" --details \"p99 at "
            "2.4 s since the 04:00 deploy\" "
            "--target policy:pol-ethNBtUs" },
        { "PATCH", "/api-public/v1/incidents/ack",
            "rotactl incidents ack 289 --message \"Looking into it\"" },
        { "POST", "/api-public/v1/incidents/reroute",
            "rotactl incidents reroute 289 --to policy:pol-jsLpnEiy" },
        { "PATCH", "/api-public/v1/incidents/resolve",
            "rotactl incidents resolve 289 --message \"Partner fixed their endpoint\"" },
        { "PATCH", "/api-public/v1/incidents/byUser/ack", "rotactl incidents ack-paged" },
        { "PATCH", "/api-public/v1/incidents/byUser/resolve",
            "rotactl incidents resolve-paged --message \"All clear\"" },
        { "GET", "/api-public/v1/incidents/{incidentNumber}/notes", "rotactl notes list 283" },
        { "POST", "/api-public/v1/incidents/{incidentNumber}/notes",
            "rotactl notes add 283 \"Status page\" --name status-page "
            "--set url=https://status.northwind-labs.example/incidents/283" },
        { "PUT", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}",
            "rotactl notes update 283 status-page --display-name \"Status page (public)\"" },
        { "DELETE", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}",
            "rotactl notes delete 283 status-page" },
        { "GET", "/api-public/v1/alerts/{uuid}",
            "rotactl alerts get 34db88d9-8e41-40c7-9865-dead72130025" },
        { "GET", "/api-public/v1/org/routing-keys", "rotactl routing-keys list" },
        { "POST", "/api-public/v1/org/routing-keys",
            "rotactl routing-keys create billing --policy pol-ethNBtUs" },
        { "GET", "/api-public/v1/overrides", "rotactl overrides list" },
        { "POST", "/api-public/v1/overrides",
            "rotactl overrides create --user dmitri.petrov --timezone America/New_York "
            "--start \"2027-01-04 09:00\" --end \"2027-01-08 17:00\"" },
        { "GET", "/api-public/v1/overrides/{publicId}",
            "rotactl overrides get 27d603de-f28f-43bc-8fa9-eb743b91dcbc" },
        { "DELETE", "/api-public/v1/overrides/{publicId}",
            "rotactl overrides delete 27d603de-f28f-43bc-8fa9-eb743b91dcbc" },
        { "GET", "/api-public/v1/overrides/{publicId}/assignments",
            "rotactl overrides assignments 899e9a00-7241-4fa9-b051-a4071eacf703" },
        { "GET", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
            "rotactl overrides assignment 899e9a00-7241-4fa9-b051-a4071eacf703 pol-jsLpnEiy" },
        { "PUT", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
            "rotactl overrides assign 899e9a00-7241-4fa9-b051-a4071eacf703 pol-jsLpnEiy "
            "zara.okafor" },
        { "DELETE", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}",
            "rotactl overrides unassign 899e9a00-7241-4fa9-b051-a4071eacf703 pol-UscqmFQQ" },
        { "GET", "/api-public/v1/teams/{team}/rotations", "rotactl rotations list team-tBJourN7" },
        { "GET", "/api-public/v1/webhooks", "rotactl webhooks list" },
        { "GET", "/api-public/v1/policies", "rotactl policies list" },
        { "POST", "/api-public/v1/policies",
            "rotactl policies create --name \"Payments Weekend\" --team team-s6HtzYPn "
            "--step 0=rotation_group:rtg-RAQ36R68 --step "
            "15=user:lars.achebe,email:payments-leads@northwind-labs.example" },
        { "GET", "/api-public/v1/policies/{policy}", "rotactl policies get \"Payments Weekend\"" },
        { "DELETE", "/api-public/v1/policies/{policy}",
            "rotactl policies delete \"Payments Weekend\"" },
        { "GET", "/api-reporting/v2/incidents",
            "rotactl reports incidents --phase resolved --limit 5" },
        { "GET", "/api-public/v1/team", "rotactl teams list" },
        { "POST", "/api-public/v1/team", "rotactl teams create Security" },
        { "GET", "/api-public/v1/team/{team}", "rotactl teams get Security" },
        { "PUT", "/api-public/v1/team/{team}",
            "rotactl teams rename Security \"Security Operations\"" },
        { "DELETE", "/api-public/v1/team/{team}", "rotactl teams delete \"Security Operations\"" },
        { "GET", "/api-public/v1/team/{team}/policies", "rotactl teams policies team-tBJourN7" },
        { "GET", "/api-public/v1/team/{team}/admins", "rotactl teams admins team-tBJourN7" },
        { "GET", "/api-public/v1/team/{team}/members", "rotactl teams members team-tBJourN7" },
        { "POST", "/api-public/v1/team/{team}/members",
            "rotactl teams add-member team-tBJourN7 ada.lovelace" },
        { "DELETE", "/api-public/v1/team/{team}/members/{user}",
            "rotactl teams remove-member team-tBJourN7 ada.lovelace --replacement dmitri.petrov" },
        { "GET", "/api-public/v1/maintenancemode", "rotactl maintenance status" },
        { "POST", "/api-public/v1/maintenancemode/start",
            "rotactl maintenance start --routing-key db" },
        { "PUT", "/api-public/v1/maintenancemode/{maintenancemodeid}/end",
            "rotactl maintenance end --routing-key db" },
        { "GET", "/api-reporting/v1/incidents",
            "rotactl reports incidents --v1 --phase resolved --limit 5" },
    };
    return examples;
}

void printOps(QTextStream& out)
{
    const QList<OperationExample>& examples = operationExamples();
    for (const Operation& operation : operations()) {
        const auto example = std::find_if(
            examples.cbegin(), examples.cend(), [&operation](const OperationExample& e) {
                return qstrcmp(e.method, operation.method) == 0
                    && qstrcmp(e.path, operation.pattern) == 0;
            });
        out << operation.method << '\t' << operation.pattern << '\t'
            << (example == examples.cend() ? QStringLiteral("(no example)")
                                           : QString::fromUtf8(example->example))
            << '\n';
    }
}

} // namespace rota::cli
