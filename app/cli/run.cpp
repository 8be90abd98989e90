// rotactl's command line: global options, the resource and verb, the verb's arguments; then the
// client from the environment and the event loop until the verb's session finishes.

#include "cli.h"
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

int noAccounts(QTextStream& err, const QString& account)
{
    return usage(err,
        QStringLiteral("accounts are not available yet, so --account %1 cannot be used.")
            .arg(account),
        QStringLiteral(
            "Set VO_API_ID, VO_API_KEY, VO_USERNAME (and VO_BASE_URL or --base-url) instead."));
}

//! Sets up the client from the environment, starts the verb and runs the event loop until the
//! verb's session finishes.
int execute(const Resource& resource, const Verb& verb, const Args& args, QString baseUrl,
    bool json, bool verbose)
{
    QTextStream err(stderr);
    // Credentials come from the environment only: a key on the command line would end up in the
    // shell history and in every process listing.
    const QString apiId = qEnvironmentVariable("VO_API_ID");
    const QString apiKey = qEnvironmentVariable("VO_API_KEY");
    if (apiId.isEmpty() || apiKey.isEmpty()) {
        err << "rotactl: the API ID or key is missing: set VO_API_ID and VO_API_KEY.\n";
        return ExitAuth;
    }
    if (baseUrl.isEmpty())
        baseUrl = qEnvironmentVariable("VO_BASE_URL", QLatin1String(ApiClient::DefaultBaseUrl));

    QNetworkAccessManager network;
    ApiClient client(&network);
    const QUrl url(baseUrl);
    QString error;
    if (!client.setBaseUrl(url, &error))
        return usage(err, error, QStringLiteral("The base URL was '%1'.").arg(baseUrl));
    if (isLoopback(url.host()))
        network.setProxy(QNetworkProxy::NoProxy);
    client.setCredentials({ apiId, apiKey, qEnvironmentVariable("VO_USERNAME") });

    Session session(&client, json, client.credentials().username);
    // The library's debug lines (retries, back-off) are for --verbose; QT_LOGGING_RULES still wins.
    if (!verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("rota.*.debug=false"));
    if (verbose) {
        QObject::connect(&client, &ApiClient::exchanged, &session,
            [&session](const QString& operation, int status, qint64 ms, const ApiError& failure) {
                session.err() << "rotactl: " << operation << " -> " << status << " (" << ms
                              << " ms)";
                if (failure.isError())
                    session.err() << ' ' << apiErrorKindName(failure.kind);
                session.err() << '\n';
                session.err().flush();
            });
    }
    Invocation invocation(session, resource, verb, args);
    verb.run(invocation);
    return session.isFinished() ? session.exitCode() : QCoreApplication::exec();
}

} // namespace

int run(const QStringList& arguments)
{
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
    if (!globals.parse(tokens.mid(0, lead), leadingSpecs, &error))
        return usage(err, error, QStringLiteral("See 'rotactl help'."));
    if (globals.has(QStringLiteral("account")))
        return noAccounts(err, globals.value(QStringLiteral("account")));
    if (globals.has(QStringLiteral("version"))) {
        out << "rotactl " << QCoreApplication::applicationVersion() << '\n';
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
    if (args.has(QStringLiteral("account")))
        return noAccounts(err, args.value(QStringLiteral("account")));
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

    return execute(*resource, *verb, args,
        args.has(QStringLiteral("base-url")) ? args.value(QStringLiteral("base-url"))
                                             : globals.value(QStringLiteral("base-url")),
        args.has(QStringLiteral("json")) || globals.has(QStringLiteral("json")),
        args.has(QStringLiteral("verbose")) || globals.has(QStringLiteral("verbose")));
}

} // namespace rota::cli
