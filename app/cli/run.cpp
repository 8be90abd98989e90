// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl's command line: global options, the resource and verb, the verb's arguments; then the
// client with the credentials of the environment or of a saved account (its key from the keychain)
// and the event loop until the verb's run finishes.

#include "accounts.h"
#include "accountstore.h"
#include "cli.h"
#include "completion.h"
#include "help.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTextStream>

#include <algorithm>

namespace rota::cli {

namespace {

//! How many leading tokens are global options (and their values).
int leadingOptionCount(const QStringList& tokens)
{
    int i = 0;
    while (i < tokens.size() && tokens.at(i).startsWith(QLatin1String("--"))) {
        const QString name = tokens.at(i).mid(2);
        const bool takesValue = std::any_of(
            globalOptions().cbegin(), globalOptions().cend(), [&name](const OptionSpec& spec) {
                return spec.name == name && !spec.valueName.isEmpty();
            });
        i += takesValue ? 2 : 1;
    }
    return std::min(i, static_cast<int>(tokens.size()));
}

bool isLoopback(const QString& host)
{
    const QHostAddress address(host);
    return host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

int usage(QTextStream& err, const QString& message, const QString& hint)
{
    err << "rotactl: " << message << '\n' << hint << '\n';
    return ExitUsage;
}

//! The library's debug lines (retries, back-off) and the keychain's are for --verbose;
//! QT_LOGGING_RULES still wins.
void setLogging(bool verbose)
{
    if (!verbose)
        QLoggingCategory::setFilterRules(
            QStringLiteral("rota.*.debug=false\nrota.app.keychain.info=false"));
}

//! Runs a verb that needs no API (accounts): no credentials, no client.
int executeLocal(const Resource& resource, const Verb& verb, const Args& args, bool json,
    bool verbose, const QString& accountName)
{
    setLogging(verbose);
    CommandRun run(nullptr, json, {});
    run.setAccount({}, accountName);
    Invocation invocation(run, resource, verb, args);
    verb.run(invocation);
    return run.isFinished() ? run.exitCode() : QCoreApplication::exec();
}

//! Sets up the client with the credentials of the environment or of a saved account, starts the
//! verb and runs the event loop until the verb's run finishes.
int execute(const Resource& resource, const Verb& verb, const Args& args, QString baseUrl,
    const QString& accountName, const QString& caFileOption, bool json, bool verbose)
{
    QTextStream err(stderr);
    // Credentials come from the environment or from a saved account whose key is in the keychain,
    // never from the command line: a key there would end up in the shell history and in every
    // process listing.
    const QString apiId = environmentCredentials().apiId;
    const QString apiKey = environmentCredentials().apiKey;
    std::optional<Account> account;
    if (!accountName.isEmpty() || (apiId.isEmpty() && apiKey.isEmpty())) {
        const AccountStore accounts;
        account = accountName.isEmpty() ? accounts.current() : accounts.find(accountName);
        if (!account && !accountName.isEmpty())
            return usage(err, QStringLiteral("no account named '%1'").arg(accountName),
                QStringLiteral("See 'rotactl accounts list'."));
        if (!account) {
            err << "rotactl: the API ID or key is missing: set VO_API_ID and VO_API_KEY, or add "
                   "an account with 'rotactl accounts add'"
                << (accounts.accounts().isEmpty()
                           ? QString()
                           : QStringLiteral(" (or choose the current one with 'rotactl accounts "
                                            "use NAME')"))
                << ".\n";
            return ExitAuth;
        }
    } else if (apiId.isEmpty() || apiKey.isEmpty()) {
        // Half a pair is a mistake: falling back to the current account could act on the wrong
        // organisation.
        err << "rotactl: the API ID or key is missing: set VO_API_ID and VO_API_KEY (or neither, "
               "to use the current account).\n";
        return ExitAuth;
    }
    if (baseUrl.isEmpty()) {
        baseUrl = account
            ? account->baseUrl.toString()
            : qEnvironmentVariable("VO_BASE_URL", QLatin1String(ApiClient::DefaultBaseUrl));
    }

    QNetworkAccessManager network;
    ApiClient client(&network);
    const QUrl url(baseUrl);
    QString error;
    if (!client.setBaseUrl(url, &error))
        return usage(err, error, QStringLiteral("The base URL was '%1'.").arg(baseUrl));
    if (isLoopback(url.host()))
        network.setProxy(QNetworkProxy::NoProxy);
    // A certificate authority that cannot be used is an error, never a reason to go on without.
    const QString caFile = caFileOption.isEmpty() && account ? account->caFile : caFileOption;
    if (!caFile.isEmpty()) {
        const std::optional<QList<QSslCertificate>> authorities
            = ApiClient::loadCaFile(caFile, &error);
        if (!authorities) {
            return usage(err, error,
                caFileOption.isEmpty()
                    ? QStringLiteral("It is the extra certificate authority of the account '%1'; "
                                     "give another with --ca-file PATH.")
                          .arg(account->name)
                    : QStringLiteral("--ca-file needs a PEM file of certificates."));
        }
        client.setExtraCaCertificates(*authorities);
    }
    const QString username = account ? account->username : qEnvironmentVariable("VO_USERNAME");
    client.setCredentials({ apiId, apiKey, username });

    CommandRun run(&client, json, username);
    if (account)
        run.setAccount(account->id, account->name);
    setLogging(verbose);
    if (verbose) {
        QObject::connect(&client, &ApiClient::exchanged, &run,
            [&run](const QString& operation, int status, qint64 ms, const ApiError& failure) {
                run.err() << "rotactl: " << operation << " -> " << status << " (" << ms << " ms)";
                if (failure.isError())
                    run.err() << ' ' << apiErrorKindName(failure.kind);
                run.err() << '\n';
                run.err().flush();
            });
    }
    Invocation invocation(run, resource, verb, args);
    if (!account) {
        verb.run(invocation);
        return run.isFinished() ? run.exitCode() : QCoreApplication::exec();
    }

    const QString name = account->name;
    run.setCredentialSource(
        QStringLiteral("rotactl took them from the account '%1' and the keychain "
                       "('rotactl accounts list').")
            .arg(name));
    if (verbose)
        run.err() << "rotactl: account '" << name << "' (" << account->username << " at " << baseUrl
                  << ")\n";
    SecretStore* keychain = makeKeychain(&run);
    auto answered = std::make_shared<bool>(false);
    noteSlowKeychain(run, answered);
    keychain->read(account->id, &run,
        [&run, &client, &invocation, &verb, account, answered](const SecretResult& result) {
            *answered = true;
            if (!result.ok()) {
                run.err() << "rotactl: cannot read the key of account '" << account->name
                          << "': " << keychainProblem(result) << ".\n"
                          << (result.error == SecretError::NotFound
                                     ? QStringLiteral("Add the account again ('rotactl "
                                                      "accounts remove', 'rotactl accounts "
                                                      "add'), or")
                                     : QStringLiteral("Without the keychain,"))
                          << " set VO_API_ID, VO_API_KEY and VO_USERNAME instead.\n";
                run.finish(ExitAuth);
                return;
            }
            client.setCredentials({ account->apiId, result.secret, account->username });
            verb.run(invocation);
        });
    return QCoreApplication::exec();
}

} // namespace

int run(const QStringList& arguments)
{
    // Out of the environment before anything else can start a process that would inherit it.
    environmentCredentials();
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList tokens = arguments;
    if (tokens.value(0) == QLatin1String("-h"))
        tokens[0] = QStringLiteral("--help");
    const int lead = leadingOptionCount(tokens);
    Args globals;
    QString error;
    QList<OptionSpec> leadingSpecs = globalOptions();
    leadingSpecs.append({ QStringLiteral("version"), {}, QStringLiteral("show the version") });
    // Not in the help: the build writes the manual page with it.
    leadingSpecs.append(
        { QStringLiteral("man-page"), {}, QStringLiteral("print the manual page") });
    if (!globals.parse(tokens.mid(0, lead), leadingSpecs, &error))
        return usage(err, error, QStringLiteral("See 'rotactl help'."));
    if (globals.has(QStringLiteral("version"))) {
        out << "rotactl " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (globals.has(QStringLiteral("man-page"))) {
        out << manualPage();
        return ExitOk;
    }

    const QString resourceName = tokens.value(lead);
    const QString verbName = tokens.value(lead + 1);
    if (resourceName.isEmpty() || resourceName == QLatin1String("help")) {
        if (const Resource* resource = registry().find(verbName)) {
            printResourceHelp(out, *resource);
            return ExitOk;
        }
        if (!verbName.isEmpty())
            return usage(err, QStringLiteral("no resource '%1'").arg(verbName),
                QStringLiteral("See 'rotactl help'."));
        printHelp(resourceName.isEmpty() && !globals.has(QStringLiteral("help")) ? err : out);
        return resourceName.isEmpty() && !globals.has(QStringLiteral("help")) ? ExitUsage : ExitOk;
    }
    if (resourceName == QLatin1String("ops")) {
        printOps(out);
        return ExitOk;
    }
    if (resourceName == QLatin1String("completion")) {
        const std::optional<QString> script = completionScript(verbName);
        if (!script || tokens.size() > lead + 2)
            return usage(err,
                verbName.isEmpty() ? QStringLiteral("completion needs a shell")
                                   : QStringLiteral("no completion for '%1'")
                                         .arg(tokens.mid(lead + 1).join(QLatin1Char(' '))),
                QStringLiteral("usage: rotactl completion ")
                    + completionShells().join(QLatin1Char('|')));
        out << *script;
        return ExitOk;
    }
    const Resource* resource = registry().find(resourceName);
    if (!resource)
        return usage(err, QStringLiteral("no resource '%1'").arg(resourceName),
            QStringLiteral("See 'rotactl help'."));
    if (verbName == QLatin1String("--help") || verbName == QLatin1String("help")
        || globals.has(QStringLiteral("help"))) {
        printResourceHelp(out, *resource);
        return ExitOk;
    }
    const Verb* verb = resource->verb(verbName);
    if (!verb) {
        err << "rotactl: "
            << (verbName.isEmpty()
                       ? QStringLiteral("%1 needs a verb").arg(resourceName)
                       : QStringLiteral("%1 has no verb '%2'").arg(resourceName, verbName))
            << "\n\n";
        printResourceHelp(err, *resource);
        return ExitUsage;
    }

    Args args;
    const QString seeHelp = QStringLiteral("See 'rotactl help %1'.").arg(resourceName);
    if (!args.parse(tokens.mid(lead + 2), verb->options + globalOptions(), &error))
        return usage(err, error, seeHelp);
    if (args.has(QStringLiteral("help"))) {
        printResourceHelp(out, *resource);
        return ExitOk;
    }
    const int count = static_cast<int>(args.positional().size());
    if (count < verb->minArgs || (verb->maxArgs >= 0 && count > verb->maxArgs)) {
        return usage(err,
            count < verb->minArgs ? QStringLiteral("too few arguments")
                                  : QStringLiteral("too many arguments"),
            QStringLiteral("usage: ") + usageLine(*resource, *verb));
    }

    for (const OptionSpec& option : verb->options) {
        if (option.required && !args.has(option.name))
            return usage(err, QStringLiteral("--%1 is required").arg(option.name),
                QStringLiteral("usage: ") + usageLine(*resource, *verb));
    }

    const bool json = args.has(QStringLiteral("json")) || globals.has(QStringLiteral("json"));
    const bool verbose
        = args.has(QStringLiteral("verbose")) || globals.has(QStringLiteral("verbose"));
    const QString accountName = args.has(QStringLiteral("account"))
        ? args.value(QStringLiteral("account"))
        : globals.value(QStringLiteral("account"));
    if (verb->local || (!verb->localWith.isEmpty() && args.has(verb->localWith)))
        return executeLocal(*resource, *verb, args, json, verbose, accountName);
    return execute(*resource, *verb, args,
        args.has(QStringLiteral("base-url")) ? args.value(QStringLiteral("base-url"))
                                             : globals.value(QStringLiteral("base-url")),
        accountName,
        args.has(QStringLiteral("ca-file")) ? args.value(QStringLiteral("ca-file"))
                                            : globals.value(QStringLiteral("ca-file")),
        json, verbose);
}

} // namespace rota::cli
