// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simservice.h"

#include "simlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace rota::sim {

SimContext::SimContext(const SimOptions& opts)
    : options(opts)
    , rng(opts.seed)
{
}

QDateTime SimContext::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(clockOffsetMs);
}

// 128 bits from the system's generator, as hex: not to be guessed by another local program.
static QString randomControlToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex());
}

SimService::SimService(const SimOptions& options)
    : m_ctx(std::make_unique<SimContext>(options))
{
    if (m_ctx->options.controlToken.isEmpty())
        m_ctx->options.controlToken = randomControlToken();
    registerUserRoutes(m_router, *m_ctx);
    registerPolicyValueRoutes(m_router, *m_ctx);
    registerPagingPolicyRoutes(m_router, *m_ctx);
    registerContactMethodRoutes(m_router, *m_ctx);
    registerTeamRoutes(m_router, *m_ctx);
    registerWebhookRoutes(m_router, *m_ctx);
    registerEscalationPolicyRoutes(m_router, *m_ctx);
    registerRoutingKeyRoutes(m_router, *m_ctx);
    registerMaintenanceRoutes(m_router, *m_ctx);
    registerOnCallRoutes(m_router, *m_ctx);
    registerScheduleRoutes(m_router, *m_ctx);
    registerRotationRoutes(m_router, *m_ctx);
    registerOverrideRoutes(m_router, *m_ctx);
    registerShiftLogRoutes(m_router, *m_ctx);
    registerIncidentRoutes(m_router, *m_ctx);
    registerNoteRoutes(m_router, *m_ctx);
    registerAlertRoutes(m_router, *m_ctx);
    registerReportingRoutes(m_router, *m_ctx);
    registerAlertRuleRoutes(m_router, *m_ctx);
    registerStakeholderRoutes(m_router, *m_ctx);
    registerChatRoutes(m_router, *m_ctx);
    // A spec that does not parse is refused by SimServer::start(), which reads it again.
    if (!options.faults.isEmpty())
        m_faults.parse(options.faults);
}

void addRoute(SimRouter& router, SimContext& ctx, const char* method, const QString& pattern,
    int limitPerMinute, SimOperation operation)
{
    router.add(QByteArray(method), pattern, limitPerMinute,
        [&ctx, operation](const SimRequest& request) { return operation(ctx, request); });
}

void addRoute(SimRouter& router, SimContext& ctx, const char* method, const char* pattern,
    int limitPerMinute, SimOperation operation)
{
    addRoute(router, ctx, method, QString::fromLatin1(pattern), limitPerMinute, operation);
}

static bool isWrite(const QByteArray& method) { return method != "GET" && method != "HEAD"; }

SimReply SimService::throttled(int retryAfterSeconds) const
{
    ++m_throttledAnswers;
    if (m_ctx->options.throttleStatus == 429) {
        SimReply reply = SimReply::error(429, QStringLiteral("Too Many Requests"));
        reply.headers.append(
            { QByteArrayLiteral("Retry-After"), QByteArray::number(qMax(1, retryAfterSeconds)) });
        return reply;
    }
    return SimReply::error(403, QStringLiteral("API rate limit reached"));
}

SimOutcome SimService::handle(SimRequest request)
{
    if (request.path.startsWith(QLatin1String("/_sim/")))
        return handleControl(request);
    ++m_apiRequests;

    // The service checks the credentials of anything under its API prefixes before it looks for
    // the operation: without them, an unknown path or method gets the same 401/403 as a known one.
    const SimRouter::Match match = m_router.match(request.method, request.path);
    const bool underApi = request.path.startsWith(QLatin1String("/api-public/"))
        || request.path.startsWith(QLatin1String("/api-reporting/")) || match.pathKnown;
    const QString apiId = QString::fromUtf8(request.header("X-VO-Api-Id"));
    const QString apiKey = QString::fromUtf8(request.header("X-VO-Api-Key"));
    const SimOptions& options = m_ctx->options;
    const bool readOnly = options.readOnlyKeys.contains(apiKey);
    if (underApi) {
        if (apiId.isEmpty() || apiKey.isEmpty())
            return { SimReply::error(401,
                         QStringLiteral("Authentication parameters missing: send X-VO-Api-Id and "
                                        "X-VO-Api-Key")),
                Delivery::Normal, 0 };
        if (apiId != options.apiId || (apiKey != options.apiKey && !readOnly))
            return { SimReply::error(403, QStringLiteral("Authentication failed")),
                Delivery::Normal, 0 };
    }

    if (!match.route) {
        if (match.pathKnown)
            return { SimReply::error(405, QStringLiteral("Method not allowed")), Delivery::Normal,
                0 };
        return { SimReply::error(404, QStringLiteral("Path not found")), Delivery::Normal, 0 };
    }

    const QString operationKey
        = QString::fromLatin1(match.route->method) + QLatin1Char(' ') + match.route->pattern;
    ++m_operationRequests[operationKey];

    std::optional<FaultRule> fault = m_faults.pick(request.method, request.path, m_ctx->rng);
    if (fault && fault->kind == FaultKind::Throttle)
        return { throttled(60), Delivery::Normal, 0 };

    if (options.enforceRateLimits) {
        const auto verdict = m_limiter.take(
            apiKey, operationKey, match.route->limitPerMinute, QDateTime::currentMSecsSinceEpoch());
        if (!verdict.allowed)
            return { throttled(verdict.retryAfterSeconds), Delivery::Normal, 0 };
    }

    if (readOnly && isWrite(request.method))
        return { SimReply::error(403, QStringLiteral("This API key is read-only")),
            Delivery::Normal, 0 };

    SimOutcome outcome;
    if (fault) {
        switch (fault->kind) {
        case FaultKind::Error:
            outcome.reply = SimReply::error(
                fault->effectiveStatus(), QStringLiteral("Simulated server error"));
            return outcome;
        case FaultKind::Drop:
            outcome.delivery = Delivery::Drop;
            return outcome;
        case FaultKind::Malformed:
            outcome.reply = SimReply::json(QJsonObject {});
            outcome.reply.body
                = QByteArrayLiteral("{\"incidents\": [ {\"incidentNumber\": <html>oops</html>");
            return outcome;
        case FaultKind::Redirect:
            outcome.reply = SimReply::empty(fault->effectiveStatus());
            outcome.reply.headers.append(
                { QByteArrayLiteral("Location"), fault->location.toUtf8() });
            return outcome;
        case FaultKind::Huge:
            outcome.reply = SimReply::empty(200);
            outcome.reply.headers.append(
                { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
            outcome.delivery = Delivery::Stream;
            outcome.streamBytes = qint64(fault->megabytes) * 1024 * 1024;
            return outcome;
        case FaultKind::Slow:
            outcome.delayMs = fault->effectiveDelayMs();
            break;
        case FaultKind::Lost:
            // The operation takes effect; only its answer never arrives.
            outcome.delivery = Delivery::Drop;
            outcome.delayMs = fault->effectiveDelayMs();
            break;
        case FaultKind::Trickle:
            outcome.delivery = Delivery::Trickle;
            outcome.bytesPerSecond = fault->bytesPerSecond;
            break;
        case FaultKind::Truncate:
        case FaultKind::Throttle:
            break;
        }
    }

    request.args = match.args;
    outcome.reply = match.route->handler(request);
    if (fault && fault->kind == FaultKind::Truncate)
        outcome.reply.body.truncate(outcome.reply.body.size() / 2);
    return outcome;
}

SimOutcome SimService::handleControl(const SimRequest& request)
{
    // Any local program can reach 127.0.0.1; only the one that started the simulator (and so saw
    // its start line or chose the token) may change its faults or read its whole state.
    const QByteArray token = request.header("X-Sim-Token");
    if (token.isEmpty())
        return { SimReply::error(401,
                     QStringLiteral("the control endpoints need the X-Sim-Token header with the "
                                    "token rota-sim printed when it started")),
            Delivery::Normal, 0 };
    if (token != m_ctx->options.controlToken.toUtf8())
        return { SimReply::error(403, QStringLiteral("wrong X-Sim-Token")), Delivery::Normal, 0 };
    const QString what = request.path.mid(6);
    if (what == QLatin1String("faults") && request.method == "GET")
        return { SimReply::json(QJsonObject { { QStringLiteral("faults"), m_faults.describe() } }),
            Delivery::Normal, 0 };
    if (what == QLatin1String("faults") && (request.method == "PUT" || request.method == "POST")) {
        BodyReader body(request);
        const QString spec = body.requireString(QStringLiteral("spec"));
        if (!body.ok())
            return { body.error(), Delivery::Normal, 0 };
        if (const auto problem = m_faults.parse(spec))
            return { SimReply::badRequest(*problem), Delivery::Normal, 0 };
        return { SimReply::json(QJsonObject { { QStringLiteral("faults"), m_faults.describe() } }),
            Delivery::Normal, 0 };
    }
    if (what == QLatin1String("faults") && request.method == "DELETE") {
        m_faults.clear();
        return { SimReply::empty(), Delivery::Normal, 0 };
    }
    if (what == QLatin1String("rate-limits") && request.method == "DELETE") {
        m_limiter.reset();
        return { SimReply::empty(), Delivery::Normal, 0 };
    }
    if (what == QLatin1String("incidents") && request.method == "POST") {
        BodyReader body(request, true);
        const auto count = body.optInt(QStringLiteral("count"));
        if (!body.ok())
            return { body.error(), Delivery::Normal, 0 };
        QJsonArray numbers;
        for (qint64 i = 0; i < qBound(qint64(1), count.value_or(1), qint64(1000)); ++i) {
            simulateActivity(*m_ctx);
            numbers.append(m_ctx->org.nextIncidentNumber - 1);
        }
        return { SimReply::json(QJsonObject { { QStringLiteral("created"), numbers } }),
            Delivery::Normal, 0 };
    }
    if (what == QLatin1String("incidents") && request.method == "GET")
        return { incidentRecord(request), Delivery::Normal, 0 };
    if (what == QLatin1String("stats") && request.method == "GET") {
        QJsonObject stats {
            { QStringLiteral("apiRequests"), qint64(m_apiRequests) },
            { QStringLiteral("throttledAnswers"), qint64(m_throttledAnswers) },
            { QStringLiteral("demoUser"), m_ctx->org.demoUser },
            { QStringLiteral("incidents"), qint64(m_ctx->org.incidents.size()) },
            // Public API answers only (not /_sim/): bytes written, and bytes had none been
            // compressed; both count the status line and headers.
            { QStringLiteral("bytesOnWire"), m_wireBytes },
            { QStringLiteral("bytesBeforeCompression"), m_plainBytes },
            { QStringLiteral("gzipAnswers"), m_gzipAnswers },
            { QStringLiteral("gzip"), m_ctx->options.gzip },
        };
        // Requests per documented operation (authenticated and routed, throttled ones too).
        QJsonObject operations;
        for (auto it = m_operationRequests.cbegin(); it != m_operationRequests.cend(); ++it)
            operations.insert(it.key(), it.value());
        stats.insert(QStringLiteral("operations"), operations);
        return { SimReply::json(stats), Delivery::Normal, 0 };
    }
    if (what == QLatin1String("state") && request.method == "GET")
        return { SimReply::json(orgToJson(m_ctx->org)), Delivery::Normal, 0 };
    if (what == QLatin1String("health"))
        return { SimReply::json(QJsonObject { { QStringLiteral("ok"), true } }), Delivery::Normal,
            0 };
    return { SimReply::error(404, QStringLiteral("unknown control endpoint; see rota-sim --help")),
        Delivery::Normal, 0 };
}

// The simulator's own record of every incident, for measuring a client against it (the soak
// benchmark): when it started, was first acknowledged and resolved, and whom it paged.
SimReply SimService::incidentRecord(const SimRequest& request) const
{
    const int since = request.query.queryItemValue(QStringLiteral("since")).toInt();
    QJsonArray list;
    for (auto it = m_ctx->org.incidents.lowerBound(since); it != m_ctx->org.incidents.cend();
         ++it) {
        const SimIncident& incident = it.value();
        QJsonValue acked = QJsonValue::Null;
        QJsonValue resolved = QJsonValue::Null;
        for (const SimTransition& transition : incident.transitions) {
            if (transition.name == QLatin1String("ACKED") && acked.isNull())
                acked = isoUtc(transition.at);
            if (transition.name == QLatin1String("RESOLVED"))
                resolved = isoUtc(transition.at);
        }
        if (incident.phase != QLatin1String("RESOLVED"))
            resolved = QJsonValue::Null; // re-opened by hand since
        list.append(QJsonObject {
            { QStringLiteral("number"), incident.number },
            { QStringLiteral("phase"), incident.phase },
            { QStringLiteral("start"), isoUtc(incident.startTime) },
            { QStringLiteral("acked"), acked },
            { QStringLiteral("resolved"), resolved },
            { QStringLiteral("pagedUsers"), QJsonArray::fromStringList(incident.pagedUsers) },
        });
    }
    return SimReply::json(QJsonObject { { QStringLiteral("incidents"), list } });
}

bool SimService::loadOrSeed(QString* error)
{
    const QString file = m_ctx->options.stateFile;
    if (!file.isEmpty() && QFile::exists(file)) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read state file %1: %2").arg(file, in.errorString());
        } else {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
            SimOrg org;
            QString problem;
            if (parseError.error != QJsonParseError::NoError)
                problem = parseError.errorString();
            else if (orgFromJson(doc.object(), &org, &problem)) {
                m_ctx->org = std::move(org);
                return true;
            }
            *error = QStringLiteral("state file %1 is unusable (%2); starting from the seeded org, "
                                    "which will be saved to %1.new")
                         .arg(file, problem);
        }
        m_stateFileUnusable = true;
        seedOrg(*m_ctx);
        return false;
    }
    seedOrg(*m_ctx);
    return true;
}

bool SimService::saveState(QString* error) const
{
    if (m_ctx->options.stateFile.isEmpty())
        return true;
    const QString file
        = m_ctx->options.stateFile + (m_stateFileUnusable ? QStringLiteral(".new") : QString());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write state file %1: %2").arg(file, out.errorString());
        return false;
    }
    out.write(QJsonDocument(orgToJson(m_ctx->org)).toJson(QJsonDocument::Compact));
    if (!out.commit()) {
        *error = QStringLiteral("cannot write state file %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace rota::sim
