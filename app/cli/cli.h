// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// rotactl's framework: the command registry, the parsed arguments of one verb, the run that
// owns the ApiClient and ends the process, and the helpers every resource file uses to chain calls
// and print their results as tables or as JSON.

#include "apiclient.h"
#include "apierror.h"
#include "operations.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace rota::cli {

//! The process's exit status, as documented in `rotactl help`.
enum ExitCode : int {
    ExitOk = 0,
    ExitApiError = 1, //!< the API answered with an error, or partly refused the request
    ExitUsage = 2, //!< the command line is wrong (also: a base URL that is not allowed)
    ExitAuth = 3, //!< 401, or 403 that is not throttling: credentials missing, wrong or read-only;
                  //!< or the account's key cannot be had from the keychain
    ExitThrottled = 4, //!< still throttled after the client's retries
};

int exitCodeFor(const ApiError& error);

//! Runs one command line (the arguments after the program name) to its end: prints, calls the API
//! in the event loop of the QCoreApplication that must exist, and returns the exit code.
int run(const QStringList& arguments);

// --- Credentials from the environment ----------------------------------------------------------

//! The value of the environment variable `name` (UTF-8), after taking it out of this process's
//! environment: the variable is unset, so child processes do not inherit it, and its bytes in the
//! environment block the process started with are overwritten, so /proc/PID/environ does not show
//! it either. Empty when it is not set.
QString takeEnvironmentVariable(const char* name);

//! VO_API_ID and VO_API_KEY as rotactl started with them.
struct EnvironmentCredentials {
    QString apiId;
    QString apiKey;
};

//! The first call takes VO_API_ID and VO_API_KEY out of the environment (takeEnvironmentVariable);
//! every call returns what the first one found. run() calls it before anything else.
const EnvironmentCredentials& environmentCredentials();

// --- Commands ----------------------------------------------------------------------------------

//! An option of a verb: `--name VALUE`, or a flag when valueName is empty.
struct OptionSpec {
    QString name;
    QString valueName;
    QString help;
    bool repeatable = false;
    bool required = false;
};

class Invocation;

//! One verb of a resource, e.g. `incidents ack`.
struct Verb {
    QString name;
    QString synopsis; //!< the positional arguments, e.g. "INCIDENT..."
    QString summary;
    int minArgs = 0;
    int maxArgs = 0; //!< -1: any number
    QList<OptionSpec> options;
    QStringList operations; //!< the API operations it calls, e.g. "GET /api-public/v1/incidents"
    QString details; //!< more help text, may be empty
    std::function<void(Invocation&)> run;
    //! Runs without the API (e.g. `accounts list`): no credentials are looked for and the
    //! run has no client.
    bool local = false;
    //! With this flag given the verb runs as a local one (e.g. `reports incidents --cached`).
    QString localWith;
    //! Its first argument names a saved account (`accounts use NAME`): shells complete it with
    //! the account names.
    bool accountArgument = false;
};

//! A resource: `incidents`, `notes`, ...
struct Resource {
    QString name;
    QString summary;
    QList<Verb> verbs;

    const Verb* verb(const QString& name) const;
};

//! Builds a Verb from literals (UTF-8), e.g.
//!   VerbDef("ack", "INCIDENT...", "Acknowledge incidents").args(1, -1)
//!       .option("message", "TEXT", "a note for the timeline").calls(ops::ackIncidents)
//!       .run([](Invocation &inv) { ... })
class VerbDef {
public:
    VerbDef(const char* name, const char* synopsis, const char* summary);
    VerbDef& args(int min, int max);
    VerbDef& option(const char* name, const char* valueName, const char* help);
    VerbDef& flag(const char* name, const char* help);
    VerbDef& required(); //!< the last option must be given
    VerbDef& many(); //!< the last option may be given more than once
    //! The verb calls this operation; `when` says when, if not always ("with --v1"). Help shows
    //! "GET /api-public/v1/incidents (with --v1)".
    VerbDef& calls(const Operation& operation, const char* when = nullptr);
    VerbDef& details(const char* text);
    VerbDef& local(); //!< see Verb::local
    VerbDef& localWith(const char* flag); //!< see Verb::localWith
    VerbDef& accountArgument(); //!< see Verb::accountArgument
    VerbDef& run(std::function<void(Invocation&)> body);
    operator Verb() const { return m_verb; } // NOLINT(google-explicit-constructor): a builder

private:
    Verb m_verb;
};

Resource makeResource(const char* name, const char* summary, QList<Verb> verbs);

//! All resources, in the order `rotactl help` lists them.
class Registry {
public:
    void add(Resource resource) { m_resources.append(std::move(resource)); }
    const Resource* find(const QString& name) const;
    const QList<Resource>& resources() const { return m_resources; }
    //! Orders the resources (stable).
    void sort(const std::function<bool(const Resource&, const Resource&)>& less)
    {
        std::stable_sort(m_resources.begin(), m_resources.end(), less);
    }

private:
    QList<Resource> m_resources;
};

//! Every resource of rotactl (each cmd_*.cpp file adds its own).
const Registry& registry();

// Registration, one function per resource file.
void addIncidentCommands(Registry& registry); // incidents, notes, alerts, reports
void addOnCallCommands(Registry& registry); // oncall, overrides
void addPolicyCommands(Registry& registry); // policies
void addOrgCommands(Registry& registry); // routing-keys, maintenance, webhooks
void addPeopleCommands(Registry& registry); // users, contacts, paging, paging-values
void addTeamCommands(Registry& registry); // teams, rotations
void addAccountCommands(Registry& registry); // accounts (local: the store and the keychain)
void addAlertRuleCommands(Registry& registry); // alert-rules
void addStakeholderCommands(Registry& registry); // stakeholders
// Verbs of people resources that read the newer (v2) operations (cmd_stakeholders.cpp).
void runListUsersV2(Invocation& inv); // users list --v2
Verb pagingPoliciesVerb(); // paging policies
void addChatCommands(Registry& registry); // chat

// --- Arguments ---------------------------------------------------------------------------------

//! The options every command accepts, before the resource or after the verb.
const QList<OptionSpec>& globalOptions();

//! A verb's command line after parsing: positional arguments and option values.
class Args {
public:
    //! Parses `tokens` against `specs`; false and *error on an unknown option or a missing value.
    bool parse(const QStringList& tokens, const QList<OptionSpec>& specs, QString* error);

    const QStringList& positional() const { return m_positional; }
    QString arg(int i) const { return m_positional.value(i); }
    bool has(const QString& option) const { return m_values.contains(option); }
    QString value(const QString& option, const QString& fallback = {}) const;
    QStringList values(const QString& option) const { return m_values.value(option); }

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_values; //!< flags hold one empty string
};

// --- Output ------------------------------------------------------------------------------------

//! "2026-11-26 04:15" in local time; "-" for an invalid time.
QString localTime(const QDateTime& time);
//! The text cut to at most `width` characters, ending in "…" when it was cut.
QString elide(const QString& text, int width);
//! A QJsonDocument's text of an object or array (indented, UTF-8).
QByteArray jsonText(const QJsonValue& value);

//! A table for people: a header row, columns padded to their widest cell (each cut at its maximum
//! width with "…"), two spaces between columns.
class Table {
public:
    explicit Table(QStringList headers);
    //! Cells longer than `width` are cut; the default is 50.
    void setMaxWidth(int column, int width);
    void addRow(QStringList cells);
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    //! Prints the table, or `emptyText` alone when it has no rows.
    void print(QTextStream& out, const QString& emptyText) const;

private:
    QStringList m_headers;
    QList<int> m_maxWidths;
    QList<QStringList> m_rows;
};

//! "Label:  value" lines with the labels padded to the same width (for one object).
class Fields {
public:
    Fields& add(const QString& label, const QString& value);
    void print(QTextStream& out) const;

private:
    QList<std::pair<QString, QString>> m_fields;
};

// --- CommandRun --------------------------------------------------------------------------------

//! The run of one command: the client, the output streams and the end of the process. A command
//! starts its calls and returns; the run's finish() ends the event loop with the exit code.
class CommandRun : public QObject {
    Q_OBJECT
public:
    //! `client` is null for a local verb (Verb::local).
    CommandRun(ApiClient* client, bool json, QString actingUser, QObject* parent = nullptr);

    ApiClient& client() { return *m_client; }
    //! Where the credentials came from, said after an authentication error; the default names
    //! VO_API_ID and VO_API_KEY.
    void setCredentialSource(const QString& text) { m_credentialSource = text; }
    bool json() const { return m_json; }
    //! VO_USERNAME, the user the API acts as where an operation needs one; may be empty.
    const QString& actingUser() const { return m_actingUser; }
    //! The saved account the run acts for (--account, else the current one when the
    //! credentials are not in the environment). The id is empty when the run did not look it up
    //! (a local verb: the name is --account's, if given); both are empty without an account.
    void setAccount(const QString& id, const QString& name)
    {
        m_accountId = id;
        m_accountName = name;
    }
    const QString& accountId() const { return m_accountId; }
    const QString& accountName() const { return m_accountName; }

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    //! Ends the command with `code` (the first call wins).
    void finish(int code);
    //! The error in words on stderr, then finish with its exit code.
    void fail(const ApiError& error);
    //! A usage problem found while running (e.g. an unknown name): words on stderr, exit 2.
    void usageError(const QString& message);
    //! An API answer that is not the success the user asked for (e.g. partly refused): exit 1.
    void apiFailure(const QString& message);
    void printJson(const QJsonValue& value);

    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }

private:
    ApiClient* m_client;
    bool m_json;
    QString m_actingUser;
    QString m_credentialSource;
    QString m_accountId;
    QString m_accountName;
    QTextStream m_out;
    QTextStream m_err;
    bool m_finished = false;
    int m_exitCode = ExitOk;
};

//! "rotactl incidents ack INCIDENT... [--message TEXT] [--user USER]"
QString usageLine(const Resource& resource, const Verb& verb);

//! A verb being run: its parsed arguments and the run.
class Invocation {
public:
    Invocation(CommandRun& run, const Resource& resource, const Verb& verb, Args args)
        : run(run)
        , resource(resource)
        , verb(verb)
        , args(std::move(args))
    {
    }

    //! `--user`, else VO_USERNAME; on neither a usage error (and nullopt).
    std::optional<QString> user(const QString& option = QStringLiteral("user"));
    //! A whole number from an argument; on anything else a usage error naming `what`.
    std::optional<int> number(const QString& text, const QString& what);
    //! The usage line of this verb.
    QString usage() const;

    CommandRun& run;
    const Resource& resource;
    const Verb& verb;
    const Args args;
};

// --- Calls -------------------------------------------------------------------------------------

template <typename T, typename = void> struct HasToJsonValue : std::false_type {
};
template <typename T>
struct HasToJsonValue<T, std::void_t<decltype(std::declval<const T&>().toJsonValue())>>
    : std::true_type {
};

//! A DTO re-serialised: the bare array of list wrappers (toJsonValue), else toJson().
template <typename T> QJsonValue jsonOf(const T& value)
{
    if constexpr (HasToJsonValue<T>::value)
        return value.toJsonValue();
    else
        return value.toJson();
}

//! When the call succeeds, `next(value)`; when it fails, the run fails with its error.
template <typename T, typename Next> void then(CommandRun& run, ApiCall<T> call, Next next)
{
    QObject::connect(call.reply, &ApiReply::finished, &run, [&run, call, next] {
        if (!call.reply->ok()) {
            run.fail(call.reply->error());
            return;
        }
        next(call.value());
    });
}

//! The command's last call: prints the answer (JSON with --json, else `human(value)`) and
//! finishes. `outcome`, when given, decides the exit code (e.g. ExitApiError when the API refused
//! part of the request) and may explain it on stderr.
template <typename T, typename Human, typename Outcome = std::nullptr_t>
void show(CommandRun& run, ApiCall<T> call, Human human, Outcome outcome = nullptr)
{
    then(run, call, [&run, human, outcome](const T& value) {
        if (run.json())
            run.printJson(jsonOf(value));
        else
            human(value);
        int code = ExitOk;
        if constexpr (!std::is_same_v<Outcome, std::nullptr_t>)
            code = outcome(value);
        run.finish(code);
    });
}

//! The same for an answer with nothing to read: `message` for people, {} for --json.
template <typename T> void showDone(CommandRun& run, ApiCall<T> call, const QString& message)
{
    then(run, call, [&run, message](const T& value) {
        if (run.json())
            run.printJson(jsonOf(value));
        else
            run.out() << message << '\n';
        run.finish(ExitOk);
    });
}

//! "First Last", without stray spaces when a part is empty.
inline QString fullName(const QString& first, const QString& last)
{
    return QString(first + QLatin1Char(' ') + last).trimmed();
}

//! A list for people: "a, b, c".
inline QString joined(const QStringList& list) { return list.join(QStringLiteral(", ")); }

// --- Name resolution ---------------------------------------------------------------------------

//! TEAM as a slug ("team-…") is used as it is; anything else is looked up by name among the
//! teams (one GET /api-public/v1/team). On no or several matches: a usage error.
void resolveTeam(CommandRun& run, const QString& team, std::function<void(const QString&)> next);
//! POLICY as a slug ("pol-…") is used as it is; anything else is looked up by name among the
//! escalation policies (one GET /api-public/v1/policies).
void resolvePolicy(
    CommandRun& run, const QString& policy, std::function<void(const QString&)> next);
//! The same for several policies (one list call at most); `next` gets the slugs in order.
void resolvePolicies(
    CommandRun& run, const QStringList& policies, std::function<void(const QStringList&)> next);

// --- Parsing helpers ---------------------------------------------------------------------------

//! An ISO 8601 time ("2026-12-24T09:00:00Z", "2026-12-24T09:00+01:00"; without an offset in local
//! time, or `zone` when given), "now", or relative to now ("+2h", "-3d", "+30m", "+1w").
std::optional<QDateTime> parseTime(const QString& text, const QString& zone = {});

} // namespace rota::cli
