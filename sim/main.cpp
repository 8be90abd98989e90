// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "manpage.h"
#include "simfaults.h"
#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

using namespace rota::sim;

namespace {

int g_signalFd[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(g_signalFd[0], &byte, 1);
}

//! rota-sim's manual page: the description and options of its --help, what it prints, how it
//! ends.
QString manualPage(const QString& description, const QList<QCommandLineOption>& options)
{
    rota::ManPage page(QStringLiteral("rota-sim"), QCoreApplication::applicationVersion(),
        QStringLiteral("a stateful Splunk On-Call (VictorOps) API simulator"));
    page.addSynopsis(QStringLiteral("[options]"));
    page.section(QStringLiteral("DESCRIPTION"));
    page.paragraph(description);
    page.paragraph(QStringLiteral(
        "Once it listens, rota-sim prints one line on standard output, the address first:"));
    page.verbatim(QStringLiteral("listening on http://127.0.0.1:PORT control-token TOKEN"));
    page.paragraph(QStringLiteral(
        "Then it serves the public API of a generated organisation until SIGTERM or SIGINT. Rota "
        "runs it in-process for its demo (rota --demo); the tests start it with --port 0."));
    page.section(QStringLiteral("OPTIONS"));
    page.options(options);
    page.section(QStringLiteral("EXIT STATUS"));
    page.item(QStringLiteral("0"), {},
        QStringLiteral("Stopped by SIGTERM or SIGINT (and the --state file saved), or --help or "
                       "--version."));
    page.item(QStringLiteral("1"), {},
        QStringLiteral("It could not listen, could not save the --state file, or an option is "
                       "unknown."));
    page.item(QStringLiteral("2"), {}, QStringLiteral("An option's value is wrong."));
    page.seeAlso({ QStringLiteral("rota"), QStringLiteral("rotactl") });
    return page.toRoff();
}

bool parseOptions(const QCoreApplication& app, SimOptions* options, QString* error)
{
    QCommandLineParser parser;
    const QString description = QStringLiteral(
        "rota-sim: a stateful Splunk On-Call (VictorOps) API simulator on 127.0.0.1.\n"
        "Control endpoints (not part of the public API): GET/PUT/DELETE /_sim/faults {\"spec\": "
        "...},\n"
        "DELETE /_sim/rate-limits, POST /_sim/incidents {\"count\": N}, GET /_sim/incidents\n"
        "[?since=NUMBER] (each incident's start, first ack, resolve and paged users),\n"
        "GET /_sim/stats (requests, throttled answers, bytes sent and before compression),\n"
        "GET /_sim/state, GET /_sim/health.\n"
        "Each needs the header X-Sim-Token with the control token printed on the start line\n"
        "(\"listening on http://127.0.0.1:PORT control-token TOKEN\") or set by --control-token.");
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const SimOptions defaults;
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("TCP port on 127.0.0.1; 0 picks a free one (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Seed of the generated org (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral(
            "small (the demo org, default) or large (5,000 users, 10,000 open incidents)."),
        QStringLiteral("small|large"), QStringLiteral("small"));
    const QCommandLineOption apiId(QStringLiteral("api-id"),
        QStringLiteral("Accepted X-VO-Api-Id (default %1).").arg(defaults.apiId),
        QStringLiteral("ID"), defaults.apiId);
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
        QStringLiteral("Accepted X-VO-Api-Key (default %1).").arg(defaults.apiKey),
        QStringLiteral("KEY"), defaults.apiKey);
    const QCommandLineOption readOnly(QStringLiteral("read-only-key"),
        QStringLiteral("An extra key that may only read (403 on every write); repeatable."),
        QStringLiteral("KEY"));
    const QCommandLineOption throttle(QStringLiteral("throttle"),
        QStringLiteral("Answer over the rate limit with 403 (default, as documented) or 429 with "
                       "Retry-After."),
        QStringLiteral("403|429"), QStringLiteral("403"));
    const QCommandLineOption rate(QStringLiteral("incident-rate"),
        QStringLiteral("New incidents per minute, some resolving by themselves (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption pageUser(QStringLiteral("page-user"),
        QStringLiteral("New incidents of --incident-rate and POST /_sim/incidents also page this "
                       "user directly."),
        QStringLiteral("USER"));
    const QCommandLineOption resolveAfter(QStringLiteral("resolve-after"),
        QStringLiteral("Each new incident of --incident-rate and POST /_sim/incidents recovers by "
                       "itself a random MIN to MAX seconds after it started (instead of now and "
                       "then at random)."),
        QStringLiteral("MIN-MAX"));
    const QCommandLineOption resolvedWindow(QStringLiteral("resolved-window"),
        QStringLiteral("How long GET /api-public/v1/incidents keeps listing an incident after it "
                       "was resolved (default 3600)."),
        QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption faults(QStringLiteral("faults"),
        QStringLiteral(
            "Faults to inject into public API answers (after authentication): rules "
            "'kind[,key=value]...' separated by ';'. Every rule takes p (probability 0..1), count "
            "(how many answers), path (prefix of the request path) and method. Kinds: "
            "error[,status=500]: that status and a JSON message, nothing applied; "
            "slow[,ms=2000]: applied at once, answered after ms; "
            "drop: the connection closed, no answer, nothing applied; "
            "lost[,ms=0]: applied, then the connection closed after ms without an answer; "
            "malformed: a 200 whose body is not JSON, nothing applied; "
            "truncate: the real answer's body cut in half; "
            "throttle: the rate-limit answer; "
            "redirect,location=URL[,status=302]: that redirect, nothing applied; "
            "huge[,mb=64]: a 200 with a JSON body of mb MiB, nothing applied; "
            "trickle[,bps=100]: applied, the real answer sent at bps bytes a second. "
            "Slow, drop, lost, redirect, huge and trickle need Qt HttpServer before 6.5 and are "
            "refused otherwise. Example: 'error,status=503,p=0.1;slow,ms=2500'."),
        QStringLiteral("SPEC"));
    const QCommandLineOption state(QStringLiteral("state"),
        QStringLiteral("Load the org from FILE at start (if it exists) and save it there on exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption noLimits(QStringLiteral("no-rate-limits"),
        QStringLiteral("Do not enforce the documented rate limits."));
    const QCommandLineOption noGzip(QStringLiteral("no-gzip"),
        QStringLiteral(
            "Never compress answers, even for a client that accepts gzip (by default "
            "answers of 1 KiB and more go with Content-Encoding: gzip when the request's "
            "Accept-Encoding allows it)."));
    const QCommandLineOption controlToken(QStringLiteral("control-token"),
        QStringLiteral("The X-Sim-Token the /_sim/ control endpoints require (default: a random "
                       "one, printed at start)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption noChatRead(QStringLiteral("no-chat-read"),
        QStringLiteral("Answer GET /api-public/v1/chat with 404 \"Path not found\", like a "
                       "service without reading chat (only one client calls it)."));
    const QList<QCommandLineOption> all { port, seed, size, apiId, apiKey, readOnly, throttle, rate,
        pageUser, resolveAfter, resolvedWindow, faults, state, noLimits, noGzip, controlToken,
        noChatRead };
    parser.addOptions(all);
    QCommandLineOption manPage(
        QStringLiteral("man-page"), QStringLiteral("Print the manual page (roff) and exit."));
    manPage.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(manPage);
    parser.process(app);
    if (parser.isSet(manPage)) {
        const QByteArray page = manualPage(description,
            QList<QCommandLineOption> { help, rota::ManPage::qtHelpAllOption(), version } + all)
                                    .toUtf8();
        std::fwrite(page.constData(), 1, static_cast<std::size_t>(page.size()), stdout);
        std::exit(EXIT_SUCCESS);
    }

    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *error = QStringLiteral("--port must be a number from 0 to 65535");
        return false;
    }
    options->port = static_cast<quint16>(portValue);
    options->seed = parser.value(seed).toUInt(&ok);
    if (!ok) {
        *error = QStringLiteral("--seed must be a non-negative number");
        return false;
    }
    if (parser.value(size) == QLatin1String("small"))
        options->size = OrgSize::Small;
    else if (parser.value(size) == QLatin1String("large"))
        options->size = OrgSize::Large;
    else {
        *error = QStringLiteral("--size must be small or large");
        return false;
    }
    options->apiId = parser.value(apiId);
    options->apiKey = parser.value(apiKey);
    options->readOnlyKeys = parser.values(readOnly);
    options->throttleStatus = parser.value(throttle).toInt(&ok);
    if (!ok || (options->throttleStatus != 403 && options->throttleStatus != 429)) {
        *error = QStringLiteral("--throttle must be 403 or 429");
        return false;
    }
    options->incidentRate = parser.value(rate).toDouble(&ok);
    if (!ok || options->incidentRate < 0 || options->incidentRate > 600) {
        *error = QStringLiteral("--incident-rate must be a number from 0 to 600");
        return false;
    }
    options->pageUser = parser.value(pageUser);
    if (parser.isSet(resolveAfter)) {
        static const QRegularExpression range(QStringLiteral("^(\\d{1,5})-(\\d{1,5})$"));
        const QRegularExpressionMatch match = range.match(parser.value(resolveAfter));
        options->resolveAfterMinSeconds = match.captured(1).toInt();
        options->resolveAfterMaxSeconds = match.captured(2).toInt();
        if (!match.hasMatch() || options->resolveAfterMaxSeconds == 0
            || options->resolveAfterMinSeconds > options->resolveAfterMaxSeconds) {
            *error = QStringLiteral("--resolve-after must be MIN-MAX seconds, MIN not above MAX "
                                    "and MAX above 0, e.g. 5-150");
            return false;
        }
    }
    options->resolvedWindowSeconds = parser.value(resolvedWindow).toInt(&ok);
    if (!ok || options->resolvedWindowSeconds < 0 || options->resolvedWindowSeconds > 7 * 86400) {
        *error = QStringLiteral("--resolved-window must be a number of seconds from 0 to 604800 "
                                "(a week)");
        return false;
    }
    options->faults = parser.value(faults);
    options->stateFile = parser.value(state);
    options->enforceRateLimits = !parser.isSet(noLimits);
    options->gzip = !parser.isSet(noGzip);
    options->chatRead = !parser.isSet(noChatRead);
    if (parser.isSet(controlToken)) {
        options->controlToken = parser.value(controlToken);
        static const QRegularExpression printable(QStringLiteral("^[!-~]{8,}$"));
        if (!printable.match(options->controlToken).hasMatch()) {
            *error = QStringLiteral("--control-token must be at least 8 printable characters "
                                    "without spaces");
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rota-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROTA_VERSION));

    SimOptions options;
    QString error;
    if (!parseOptions(app, &options, &error)) {
        std::fprintf(stderr, "rota-sim: %s\n", qPrintable(error));
        return 2;
    }
    FaultPlan check;
    if (const auto problem = check.parse(options.faults)) {
        std::fprintf(stderr, "rota-sim: --faults: %s\n", qPrintable(*problem));
        return 2;
    }

    SimServer server(options);
    if (!server.start(&error)) {
        std::fprintf(stderr, "rota-sim: %s\n", qPrintable(error));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) == 0) {
        auto* notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
        QObject::connect(
            notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }

    // One line, the address first: scripts take "listening on (URL)" and "control-token (TOKEN)".
    std::printf("listening on %s control-token %s\n", qPrintable(server.baseUrl().toString()),
        qPrintable(server.controlToken()));
    std::fflush(stdout);
    const int code = QCoreApplication::exec();
    if (!server.saveState(&error)) {
        std::fprintf(stderr, "rota-sim: %s\n", qPrintable(error));
        return 1;
    }
    return code;
}
