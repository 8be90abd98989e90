// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// incidents, notes, alerts and reports (the incident history).

#include "cli.h"
#include "history.h"
#include "incidents.h"

namespace rota::cli {

namespace {

QString phaseText(const Incident& incident)
{
    return incident.phase == Phase::Unknown ? incident.phaseName : phaseDisplayName(incident.phase);
}

} // namespace

Table incidentTable()
{
    Table table({ QStringLiteral("INCIDENT"), QStringLiteral("PHASE"), QStringLiteral("STARTED"),
        QStringLiteral("SUMMARY"), QStringLiteral("ROUTING KEY"), QStringLiteral("PAGED") });
    table.setMaxWidth(3, 48);
    table.setMaxWidth(5, 30);
    return table;
}

void addIncident(Table& table, const Incident& incident)
{
    table.addRow({ incident.incidentNumber, phaseText(incident), localTime(incident.startTime),
        incident.entityDisplayName, incident.routingKey, joined(incident.pagedUsers) });
}

namespace {

const char* const kTargetHelp
    = "TARGET is user:USERNAME or policy:POLICY (an escalation policy's slug or name).";

//! Parses user:NAME and policy:POLICY; policies given by name are looked up first.
void resolveTargets(Invocation& inv, const QStringList& specs,
    std::function<void(const QList<IncidentTarget>&)> next)
{
    QStringList users;
    QStringList policies;
    QList<bool> isUser;
    for (const QString& spec : specs) {
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        const QString kind = spec.left(colon);
        const QString name = spec.mid(colon + 1);
        if (colon <= 0 || name.isEmpty()
            || (kind != QLatin1String("user") && kind != QLatin1String("policy"))) {
            inv.run.usageError(QStringLiteral("'%1' is not a target. %2")
                                   .arg(spec, QString::fromUtf8(kTargetHelp)));
            return;
        }
        (kind == QLatin1String("user") ? users : policies).append(name);
        isUser.append(kind == QLatin1String("user"));
    }
    resolvePolicies(inv.run, policies, [users, isUser, next](const QStringList& slugs) {
        QList<IncidentTarget> targets;
        qsizetype u = 0;
        qsizetype p = 0;
        for (const bool user : isUser)
            targets.append(
                user ? IncidentTarget::user(users.at(u++)) : IncidentTarget::policy(slugs.at(p++)));
        next(targets);
    });
}

//! The positional argument `index` as an incident number; a usage error when it is none.
std::optional<QString> incidentArg(Invocation& inv, int index)
{
    const QString number = inv.args.arg(index);
    bool ok = false;
    if (number.toLongLong(&ok) <= 0 || !ok) {
        inv.run.usageError(
            QStringLiteral("'%1' is not an incident number\nusage: %2").arg(number, inv.usage()));
        return std::nullopt;
    }
    return number;
}

std::optional<QStringList> incidentNumbers(Invocation& inv)
{
    for (const QString& number : inv.args.positional()) {
        bool ok = false;
        if (number.toLongLong(&ok) <= 0 || !ok) {
            inv.run.usageError(QStringLiteral("'%1' is not an incident number\nusage: %2")
                                   .arg(number, inv.usage()));
            return std::nullopt;
        }
    }
    return inv.args.positional();
}

void printResults(CommandRun& run, const AckResolveResults& results, const QString& empty)
{
    Table table(
        { QStringLiteral("INCIDENT"), QStringLiteral("RESULT"), QStringLiteral("MESSAGE") });
    table.setMaxWidth(2, 70);
    for (const AckResolveResult& result : results.results) {
        table.addRow({ result.incidentNumber,
            result.cmdAccepted ? QStringLiteral("done") : QStringLiteral("refused"),
            result.message });
    }
    table.print(run.out(), empty);
}

//! Exit 1, with a count on stderr, when the API refused some of the incidents.
std::function<int(const AckResolveResults&)> resultsOutcome(CommandRun& run, const QString& verb)
{
    return [&run, verb](const AckResolveResults& results) {
        const auto refused = results.results.size() - results.acceptedCount();
        if (refused == 0)
            return int(ExitOk);
        run.err() << "rotactl: " << refused << " of " << results.results.size()
                  << " incidents were not " << verb << ".\n";
        return int(ExitApiError);
    };
}

//! ack and resolve: INCIDENT... [--message] [--user]
void ackOrResolve(Invocation& inv, bool ack)
{
    const auto user = inv.user();
    const auto numbers = user ? incidentNumbers(inv) : std::nullopt;
    if (!numbers)
        return;
    AckResolveRequest request;
    request.userName = *user;
    request.incidentNames = *numbers;
    request.message = inv.args.value(QStringLiteral("message"));
    auto call = ack ? calls::ackIncidents(inv.run.client(), request)
                    : calls::resolveIncidents(inv.run.client(), request);
    show(
        inv.run, call,
        [&inv](const AckResolveResults& results) {
            printResults(inv.run, results, QStringLiteral("No incidents in the answer."));
        },
        resultsOutcome(inv.run, ack ? QStringLiteral("acknowledged") : QStringLiteral("resolved")));
}

void actOnPaged(Invocation& inv, bool ack)
{
    const auto user = inv.user();
    if (!user)
        return;
    const QString message = inv.args.value(QStringLiteral("message"));
    auto call = ack ? calls::ackIncidentsByUser(inv.run.client(), *user, message)
                    : calls::resolveIncidentsByUser(inv.run.client(), *user, message);
    const QString empty = ack ? QStringLiteral("No triggered incident paged %1.").arg(*user)
                              : QStringLiteral("No open incident paged %1.").arg(*user);
    show(
        inv.run, call,
        [&inv, empty](const AckResolveResults& results) { printResults(inv.run, results, empty); },
        resultsOutcome(inv.run, ack ? QStringLiteral("acknowledged") : QStringLiteral("resolved")));
}

void printIncident(CommandRun& run, const Incident& incident)
{
    QStringList policies;
    for (const TeamPolicy& policy : incident.pagedPolicies)
        policies.append(QStringLiteral("%1 (%2)").arg(policy.policyName, policy.policySlug));
    Fields()
        .add(QStringLiteral("Incident"), incident.incidentNumber)
        .add(QStringLiteral("Phase"), phaseText(incident))
        .add(QStringLiteral("Summary"), incident.entityDisplayName)
        .add(QStringLiteral("Entity"), incident.entityId)
        .add(QStringLiteral("State"), incident.entityState)
        .add(QStringLiteral("Host"), incident.host)
        .add(QStringLiteral("Service"), incident.service)
        .add(QStringLiteral("Routing key"), incident.routingKey)
        .add(QStringLiteral("Started"), localTime(incident.startTime))
        .add(QStringLiteral("Last alert"), localTime(incident.lastAlertTime))
        .add(QStringLiteral("Alerts"), QString::number(incident.alertCount))
        .add(QStringLiteral("Last alert id"), incident.lastAlertId)
        .add(QStringLiteral("Monitor"), incident.monitorName)
        .add(QStringLiteral("Paged users"), joined(incident.pagedUsers))
        .add(QStringLiteral("Paged policies"), joined(policies))
        .print(run.out());
    run.out() << '\n';
    Table table({ QStringLiteral("AT"), QStringLiteral("PHASE"), QStringLiteral("BY"),
        QStringLiteral("MESSAGE") });
    table.setMaxWidth(3, 60);
    for (const IncidentTransition& transition : incident.transitions) {
        table.addRow({ localTime(transition.at),
            transition.phase == Phase::Unknown ? transition.name
                                               : phaseDisplayName(transition.phase),
            transition.by, transition.message });
    }
    table.print(run.out(), QStringLiteral("No transitions."));
}

Resource incidents()
{
    const char* userHelp = "who acts (default: VO_USERNAME)";
    QList<Verb> verbs;
    verbs << VerbDef("list", "",
        "List the open incidents (triggered and acknowledged) and the ones resolved "
        "lately, as the service lists them; the phase column tells them apart.")
                 .calls(ops::listIncidents)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::listIncidents(inv.run.client()),
                         [&inv](const IncidentList& list) {
                             Table table = incidentTable();
                             for (const Incident& incident : list.incidents)
                                 addIncident(table, incident);
                             table.print(inv.run.out(), QStringLiteral("No open incidents."));
                         });
                 });
    verbs << VerbDef("get", "INCIDENT", "Show an incident with its timeline.")
                 .args(1, 1)
                 .calls(ops::getIncident)
                 .run([](Invocation& inv) {
                     const auto incident = incidentArg(inv, 0);
                     if (!incident)
                         return;
                     show(inv.run, calls::getIncident(inv.run.client(), *incident),
                         [&inv](const Incident& incident) { printIncident(inv.run, incident); });
                 });
    verbs << VerbDef("create", "", "Open an incident by hand and page the targets.")
                 .option("summary", "TEXT", "what is wrong, in a line")
                 .required()
                 .option("details", "TEXT", "more about it")
                 .required()
                 .option("target", "TARGET", "whom to page")
                 .required()
                 .many()
                 .flag("multi-responder", "let several people respond")
                 .option("user", "USER", "who opens it (default: VO_USERNAME)")
                 .details(kTargetHelp)
                 .calls(ops::createIncident)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     if (!user)
                         return;
                     resolveTargets(inv, inv.args.values(QStringLiteral("target")),
                         [&inv, user](const QList<IncidentTarget>& targets) {
                             CreateIncidentRequest request;
                             request.summary = inv.args.value(QStringLiteral("summary"));
                             request.details = inv.args.value(QStringLiteral("details"));
                             request.userName = *user;
                             request.targets = targets;
                             request.isMultiResponder
                                 = inv.args.has(QStringLiteral("multi-responder"));
                             show(inv.run, calls::createIncident(inv.run.client(), request),
                                 [&inv](const CreatedIncident& created) {
                                     inv.run.out()
                                         << "Opened incident " << created.incidentNumber << ".\n";
                                 });
                         });
                 });
    verbs << VerbDef("ack", "INCIDENT...", "Acknowledge incidents.")
                 .args(1, -1)
                 .option("message", "TEXT", "a word for the timeline")
                 .option("user", "USER", userHelp)
                 .details(
                     "Exit status 1 when the API refused some of them (e.g. already resolved).")
                 .calls(ops::ackIncidents)
                 .run([](Invocation& inv) { ackOrResolve(inv, true); });
    verbs << VerbDef(
        "reroute", "INCIDENT...", "Page other targets for incidents (they are triggered again).")
                 .args(1, -1)
                 .option("to", "TARGET", "whom to page")
                 .required()
                 .many()
                 .flag("add", "page them besides those paged so far")
                 .option("user", "USER", userHelp)
                 .details(kTargetHelp)
                 .calls(ops::rerouteIncidents)
                 .run([](Invocation& inv) {
                     const auto user = inv.user();
                     const auto numbers = user ? incidentNumbers(inv) : std::nullopt;
                     if (!numbers)
                         return;
                     resolveTargets(inv, inv.args.values(QStringLiteral("to")),
                         [&inv, user, numbers](const QList<IncidentTarget>& targets) {
                             RerouteRequest request;
                             request.userName = *user;
                             for (const QString& number : *numbers)
                                 request.reroutes.append(
                                     { number, targets, inv.args.has(QStringLiteral("add")) });
                             show(
                                 inv.run, calls::rerouteIncidents(inv.run.client(), request),
                                 [&inv](const RerouteResults& results) {
                                     Table table({ QStringLiteral("INCIDENT"),
                                         QStringLiteral("RESULT"), QStringLiteral("MESSAGE") });
                                     table.setMaxWidth(2, 70);
                                     for (const RerouteStatus& status : results.statuses) {
                                         QStringList message { status.message };
                                         for (const RerouteTargetStatus& target :
                                             status.targetStatus) {
                                             if (!target.success)
                                                 message.append(target.slug + QStringLiteral(": ")
                                                     + target.message);
                                         }
                                         table.addRow({ status.incidentNumber,
                                             status.success ? QStringLiteral("done")
                                                            : QStringLiteral("refused"),
                                             message.join(QStringLiteral("; ")) });
                                     }
                                     table.print(inv.run.out(),
                                         QStringLiteral("No incidents in the answer."));
                                 },
                                 [&inv](const RerouteResults& results) {
                                     qsizetype refused = 0;
                                     for (const RerouteStatus& status : results.statuses)
                                         refused += status.success ? 0 : 1;
                                     if (refused == 0)
                                         return int(ExitOk);
                                     inv.run.err() << "rotactl: " << refused << " of "
                                                   << results.statuses.size()
                                                   << " incidents were not rerouted.\n";
                                     return int(ExitApiError);
                                 });
                         });
                 });
    verbs << VerbDef("resolve", "INCIDENT...", "Resolve incidents.")
                 .args(1, -1)
                 .option("message", "TEXT", "a word for the timeline")
                 .option("user", "USER", userHelp)
                 .details(
                     "Exit status 1 when the API refused some of them (e.g. already resolved).")
                 .calls(ops::resolveIncidents)
                 .run([](Invocation& inv) { ackOrResolve(inv, false); });
    verbs << VerbDef("ack-paged", "", "Acknowledge every triggered incident that paged the user.")
                 .option("message", "TEXT", "a word for the timeline")
                 .option("user", "USER", "whose incidents, who acts (default: VO_USERNAME)")
                 .calls(ops::ackIncidentsByUser)
                 .run([](Invocation& inv) { actOnPaged(inv, true); });
    verbs << VerbDef("resolve-paged", "", "Resolve every open incident that paged the user.")
                 .option("message", "TEXT", "a word for the timeline")
                 .option("user", "USER", "whose incidents, who acts (default: VO_USERNAME)")
                 .calls(ops::resolveIncidentsByUser)
                 .run([](Invocation& inv) { actOnPaged(inv, false); });
    return makeResource(
        "incidents", "current incidents: list, show, open, acknowledge, reroute, resolve", verbs);
}

// --- notes ---------------------------------------------------------------------------------------

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void printNote(CommandRun& run, const IncidentNote& note)
{
    Fields()
        .add(QStringLiteral("Name"), note.name)
        .add(QStringLiteral("Display name"), note.displayName)
        .add(QStringLiteral("Value"),
            QString::fromUtf8(QJsonDocument(note.jsonValue).toJson(QJsonDocument::Indented))
                .trimmed())
        .print(run.out());
}

//! The note's value from --value JSON and --set KEY=VALUE; nullopt (and a usage error) when
//! malformed, an empty optional value when neither was given.
std::optional<std::optional<QJsonObject>> noteValue(Invocation& inv)
{
    std::optional<QJsonObject> value;
    if (inv.args.has(QStringLiteral("value"))) {
        QJsonParseError error {};
        const QJsonDocument doc
            = QJsonDocument::fromJson(inv.args.value(QStringLiteral("value")).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            inv.run.usageError(
                QStringLiteral("--value must be a JSON object, e.g. '{\"url\": \"https://...\"}'"));
            return std::nullopt;
        }
        value = doc.object();
    }
    const QStringList sets = inv.args.values(QStringLiteral("set"));
    for (const QString& set : sets) {
        const qsizetype equals = set.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            inv.run.usageError(QStringLiteral("--set takes KEY=VALUE, not '%1'").arg(set));
            return std::nullopt;
        }
        if (!value)
            value = QJsonObject();
        value->insert(set.left(equals), set.mid(equals + 1));
    }
    return value;
}

Resource notes()
{
    QList<Verb> verbs;
    verbs << VerbDef("list", "INCIDENT", "List an incident's notes.")
                 .args(1, 1)
                 .calls(ops::listIncidentNotes)
                 .run([](Invocation& inv) {
                     const auto incident = incidentArg(inv, 0);
                     if (!incident)
                         return;
                     show(inv.run, calls::listIncidentNotes(inv.run.client(), *incident),
                         [&inv](const IncidentNoteList& list) {
                             Table table({ QStringLiteral("NAME"), QStringLiteral("DISPLAY NAME"),
                                 QStringLiteral("VALUE") });
                             table.setMaxWidth(2, 70);
                             for (const IncidentNote& note : list.notes)
                                 table.addRow(
                                     { note.name, note.displayName, compactJson(note.jsonValue) });
                             table.print(inv.run.out(), QStringLiteral("No notes."));
                         });
                 });
    verbs << VerbDef(
        "add", "INCIDENT DISPLAY-NAME", "Add a note (a named JSON object) to an incident.")
                 .args(2, 2)
                 .option("name", "NAME",
                     "the note's name, unique on the incident (default: the service picks one)")
                 .option("set", "KEY=VALUE", "a field of the value")
                 .many()
                 .option("value", "JSON", "the whole value, a JSON object")
                 .calls(ops::createIncidentNote)
                 .run([](Invocation& inv) {
                     const auto incident = incidentArg(inv, 0);
                     const auto value = incident ? noteValue(inv) : std::nullopt;
                     if (!value)
                         return;
                     NoteRequest request;
                     request.name = inv.args.value(QStringLiteral("name"));
                     request.displayName = inv.args.arg(1);
                     request.jsonValue = value->value_or(QJsonObject());
                     show(inv.run, calls::createIncidentNote(inv.run.client(), *incident, request),
                         [&inv](const IncidentNote& note) { printNote(inv.run, note); });
                 });
    verbs << VerbDef("update", "INCIDENT NAME", "Change a note's display name or value.")
                 .args(2, 2)
                 .option("display-name", "TEXT", "the new display name")
                 .option("set", "KEY=VALUE", "a field of the new value (the value is replaced)")
                 .many()
                 .option("value", "JSON", "the new value, a JSON object")
                 .calls(ops::updateIncidentNote)
                 .run([](Invocation& inv) {
                     const auto incident = incidentArg(inv, 0);
                     const auto value = incident ? noteValue(inv) : std::nullopt;
                     if (!value)
                         return;
                     NoteRequest request;
                     if (inv.args.has(QStringLiteral("display-name")))
                         request.displayName = inv.args.value(QStringLiteral("display-name"));
                     request.jsonValue = *value;
                     if (!request.displayName && !request.jsonValue) {
                         inv.run.usageError(QStringLiteral(
                             "nothing to change: give --display-name, --set or --value"));
                         return;
                     }
                     show(inv.run,
                         calls::updateIncidentNote(
                             inv.run.client(), *incident, inv.args.arg(1), request),
                         [&inv](const IncidentNote& note) { printNote(inv.run, note); });
                 });
    verbs << VerbDef("delete", "INCIDENT NAME", "Delete a note.")
                 .args(2, 2)
                 .calls(ops::deleteIncidentNote)
                 .run([](Invocation& inv) {
                     const auto incident = incidentArg(inv, 0);
                     if (!incident)
                         return;
                     showDone(inv.run,
                         calls::deleteIncidentNote(inv.run.client(), *incident, inv.args.arg(1)),
                         QStringLiteral("Deleted note %1 of incident %2.")
                             .arg(inv.args.arg(1), inv.args.arg(0)));
                 });
    return makeResource(
        "notes", "notes on incidents: named JSON values such as links and tickets", verbs);
}

// --- alerts --------------------------------------------------------------------------------------

Resource alerts()
{
    QList<Verb> verbs;
    verbs << VerbDef(
        "get", "UUID", "Show an alert (incidents list their alerts' ids in 'incidents get').")
                 .args(1, 1)
                 .calls(ops::getAlert)
                 .run([](Invocation& inv) {
                     show(inv.run, calls::getAlert(inv.run.client(), inv.args.arg(0)),
                         [&inv](const Alert& alert) {
                             const QJsonObject raw = alert.rawObject();
                             Fields()
                                 .add(QStringLiteral("Type"), alert.messageType)
                                 .add(QStringLiteral("Summary"), alert.entityDisplayName)
                                 .add(QStringLiteral("Entity"), alert.entityId)
                                 .add(QStringLiteral("At"), localTime(alert.timestamp))
                                 .add(
                                     QStringLiteral("State since"), localTime(alert.stateStartTime))
                                 .add(QStringLiteral("Tool"), alert.monitoringTool)
                                 .add(QStringLiteral("Message"), alert.stateMessage)
                                 .add(QStringLiteral("Acknowledged by"), alert.ackAuthor)
                                 .add(QStringLiteral("Ack message"), alert.ackMsg)
                                 .add(QStringLiteral("Raw"),
                                     raw.isEmpty() ? alert.raw
                                                   : QString::fromUtf8(QJsonDocument(raw).toJson(
                                                                           QJsonDocument::Indented))
                                                         .trimmed())
                                 .print(inv.run.out());
                         });
                 });
    return makeResource("alerts", "the alerts behind incidents", verbs);
}

// --- reports -------------------------------------------------------------------------------------

std::optional<ReportingQuery> reportingQuery(Invocation& inv)
{
    ReportingQuery query;
    for (const auto& [name, slot] :
        { std::pair { "offset", &query.offset }, std::pair { "limit", &query.limit } }) {
        const QString option = QString::fromLatin1(name);
        if (!inv.args.has(option))
            continue;
        const auto value = inv.number(inv.args.value(option), QStringLiteral("--") + option);
        if (!value)
            return std::nullopt;
        *slot = *value;
    }
    const QStringList phases = inv.args.values(QStringLiteral("phase"));
    for (const QString& word : phases) {
        const Phase phase = phaseFromApi(word);
        if (phase == Phase::Unknown) {
            inv.run.usageError(
                QStringLiteral("--phase must be triggered, acknowledged or resolved, not '%1'")
                    .arg(word));
            return std::nullopt;
        }
        query.currentPhase.append(phase);
    }
    for (const auto& [name, slot] : { std::pair { "started-after", &query.startedAfter },
             std::pair { "started-before", &query.startedBefore } }) {
        const QString option = QString::fromLatin1(name);
        if (!inv.args.has(option))
            continue;
        const auto time = parseTime(inv.args.value(option));
        if (!time) {
            inv.run.usageError(
                QStringLiteral("--%1 is not a time: '%2'").arg(option, inv.args.value(option)));
            return std::nullopt;
        }
        *slot = *time;
    }
    query.entityId = inv.args.value(QStringLiteral("entity"));
    query.incidentNumber = inv.args.value(QStringLiteral("number"));
    query.host = inv.args.values(QStringLiteral("host"));
    query.service = inv.args.values(QStringLiteral("service"));
    query.routingKey = inv.args.value(QStringLiteral("routing-key"));
    if (!query.routingKey.isEmpty() && inv.args.has(QStringLiteral("v1"))) {
        inv.run.usageError(QStringLiteral("--routing-key needs the v2 API: leave out --v1"));
        return std::nullopt;
    }
    return query;
}

Resource reports()
{
    QList<Verb> verbs;
    verbs
        << VerbDef("incidents", "",
               "Search the incident history (resolved ones unless --phase says otherwise).")
               .option("phase", "PHASE", "triggered, acknowledged or resolved")
               .many()
               .option("started-after", "TIME", "ISO 8601, \"now\" or relative like -7d")
               .option("started-before", "TIME", "ISO 8601, \"now\" or relative like -1d")
               .option("number", "NUMBERS", "incident numbers and ranges, e.g. 4,5,20:50")
               .option("entity", "ID", "the entity id")
               .option("host", "HOST", "a host")
               .many()
               .option("service", "SERVICE", "a service")
               .many()
               .option("routing-key", "KEY", "a routing key (v2 only)")
               .option("offset", "N", "skip the first N (default 0)")
               .option("limit", "N", "at most N, up to 100 (default 20)")
               .flag("v1", "use the deprecated v1 reporting API")
               .flag("cached",
                   "search the history kept on this computer instead of the API (see 'reports "
                   "sync')")
               .option("file", "PATH", "with --cached: the history file (default: the account's)")
               .localWith("cached")
               .details(
                   "The reporting API allows one search a minute, and its data may lag by "
                   "minutes.\nWith --cached no call is made: the history Rota (or 'rotactl reports "
                   "sync') stored is\nsearched, with the same filters and output, e.g.\n"
                   "  rotactl reports incidents --cached --phase resolved --started-after -30d "
                   "--limit 100")
               .calls(ops::searchIncidentHistory)
               .calls(ops::searchIncidentHistoryV1, "with --v1")
               .run([](Invocation& inv) {
                   const auto query = reportingQuery(inv);
                   if (!query)
                       return;
                   if (inv.args.has(QStringLiteral("cached"))) {
                       runCachedIncidents(inv, *query);
                       return;
                   }
                   auto call = inv.args.has(QStringLiteral("v1"))
                       ? calls::searchIncidentHistoryV1(inv.run.client(), *query)
                       : calls::searchIncidentHistory(inv.run.client(), *query);
                   show(inv.run, call, [&inv](const ReportingIncidentList& page) {
                       if (!page.incidents.isEmpty()) {
                           inv.run.out() << "Incidents " << page.offset + 1 << "-"
                                         << page.offset + page.incidents.size() << " of "
                                         << page.total << ":\n";
                       }
                       Table table = incidentTable();
                       for (const Incident& incident : page.incidents)
                           addIncident(table, incident);
                       table.print(inv.run.out(),
                           QStringLiteral("No incidents match (%1 in all).").arg(page.total));
                   });
               });
    verbs << historySyncVerb();
    return makeResource("reports",
        "the incident history (reporting API), and the copy kept on this computer", verbs);
}

} // namespace

void addIncidentCommands(Registry& registry)
{
    registry.add(incidents());
    registry.add(notes());
    registry.add(alerts());
    registry.add(reports());
}

} // namespace rota::cli
