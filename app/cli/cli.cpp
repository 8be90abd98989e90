// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "cli.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace rota::cli {

int exitCodeFor(const ApiError& error)
{
    switch (error.kind) {
    case ApiErrorKind::None:
        return ExitOk;
    case ApiErrorKind::Config:
        return ExitUsage;
    case ApiErrorKind::Unauthorised:
    case ApiErrorKind::Forbidden:
        return ExitAuth;
    case ApiErrorKind::Throttled:
        return ExitThrottled;
    case ApiErrorKind::Network:
    case ApiErrorKind::Timeout:
    case ApiErrorKind::NotFound:
    case ApiErrorKind::BadRequest:
    case ApiErrorKind::Server:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::Redirected:
    case ApiErrorKind::Tls:
    case ApiErrorKind::TooLarge:
        break;
    }
    return ExitApiError;
}

QString takeEnvironmentVariable(const char* name)
{
    const QString value = qEnvironmentVariable(name);
#ifdef Q_OS_UNIX
    // unsetenv() only drops the pointer from `environ`: the text stays where the kernel put it at
    // exec, and /proc/PID/environ reads it from there. Overwrite it first.
    if (char* text = ::getenv(name))
        std::memset(text, 0, std::strlen(text));
#endif
    qunsetenv(name);
    return value;
}

const EnvironmentCredentials& environmentCredentials()
{
    static const EnvironmentCredentials credentials {
        takeEnvironmentVariable("VO_API_ID"),
        takeEnvironmentVariable("VO_API_KEY"),
    };
    return credentials;
}

const Verb* Resource::verb(const QString& name) const
{
    for (const Verb& v : verbs) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

VerbDef::VerbDef(const char* name, const char* synopsis, const char* summary)
{
    m_verb.name = QString::fromUtf8(name);
    m_verb.synopsis = QString::fromUtf8(synopsis);
    m_verb.summary = QString::fromUtf8(summary);
}

VerbDef& VerbDef::args(int min, int max)
{
    m_verb.minArgs = min;
    m_verb.maxArgs = max;
    return *this;
}

VerbDef& VerbDef::option(const char* name, const char* valueName, const char* help)
{
    m_verb.options.append(
        { QString::fromUtf8(name), QString::fromUtf8(valueName), QString::fromUtf8(help) });
    return *this;
}

VerbDef& VerbDef::flag(const char* name, const char* help)
{
    m_verb.options.append({ QString::fromUtf8(name), {}, QString::fromUtf8(help) });
    return *this;
}

VerbDef& VerbDef::required()
{
    m_verb.options.last().required = true;
    return *this;
}

VerbDef& VerbDef::many()
{
    m_verb.options.last().repeatable = true;
    return *this;
}

VerbDef& VerbDef::calls(const Operation& operation, const char* when)
{
    m_verb.operations.append(when
            ? operation.key() + QStringLiteral(" (") + QString::fromUtf8(when) + QLatin1Char(')')
            : operation.key());
    return *this;
}

VerbDef& VerbDef::details(const char* text)
{
    m_verb.details = QString::fromUtf8(text);
    return *this;
}

VerbDef& VerbDef::local()
{
    m_verb.local = true;
    return *this;
}

VerbDef& VerbDef::localWith(const char* flag)
{
    m_verb.localWith = QString::fromUtf8(flag);
    return *this;
}

VerbDef& VerbDef::accountArgument()
{
    m_verb.accountArgument = true;
    return *this;
}

VerbDef& VerbDef::run(std::function<void(Invocation&)> body)
{
    m_verb.run = std::move(body);
    return *this;
}

Resource makeResource(const char* name, const char* summary, QList<Verb> verbs)
{
    return { QString::fromUtf8(name), QString::fromUtf8(summary), std::move(verbs) };
}

const Resource* Registry::find(const QString& name) const
{
    for (const Resource& resource : m_resources) {
        if (resource.name == name)
            return &resource;
    }
    return nullptr;
}

const Registry& registry()
{
    static const Registry all = [] {
        Registry r;
        addIncidentCommands(r);
        addOnCallCommands(r);
        addPolicyCommands(r);
        addOrgCommands(r);
        addPeopleCommands(r);
        addTeamCommands(r);
        addAccountCommands(r);
        addAlertRuleCommands(r);
        addStakeholderCommands(r);
        addChatCommands(r);
        // Most used first, as the help lists them.
        static const char* const order[] = { "incidents", "notes", "chat", "alerts", "oncall",
            "overrides", "policies", "routing-keys", "maintenance", "paging", "paging-values",
            "contacts", "teams", "users", "rotations", "webhooks", "reports", "accounts" };
        r.sort([](const Resource& a, const Resource& b) {
            const auto rank = [](const QString& name) {
                const auto* found = std::find_if(std::begin(order), std::end(order),
                    [&name](const char* candidate) { return name == QLatin1String(candidate); });
                return std::distance(std::begin(order), found);
            };
            return rank(a.name) < rank(b.name);
        });
        return r;
    }();
    return all;
}

const QList<OptionSpec>& globalOptions()
{
    static const QList<OptionSpec> options = {
        { QStringLiteral("base-url"), QStringLiteral("URL"),
            QStringLiteral("the API's address (default: VO_BASE_URL, else %1)")
                .arg(QLatin1String(ApiClient::DefaultBaseUrl)) },
        { QStringLiteral("json"), {},
            QStringLiteral("print the parsed answer as JSON instead of a table") },
        { QStringLiteral("account"), QStringLiteral("NAME"),
            QStringLiteral("use a saved account (rotactl accounts) and its key from the "
                           "keychain") },
        { QStringLiteral("ca-file"), QStringLiteral("PATH"),
            QStringLiteral("also trust the certificate authorities in this PEM file (a company "
                           "proxy that inspects TLS); default: the account's") },
        { QStringLiteral("verbose"), {},
            QStringLiteral("print each API exchange (operation, status, time) on stderr") },
        { QStringLiteral("help"), {}, QStringLiteral("show help") },
    };
    return options;
}

// --- Args --------------------------------------------------------------------------------------

bool Args::parse(const QStringList& tokens, const QList<OptionSpec>& specs, QString* error)
{
    bool onlyPositional = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString& token = tokens.at(i);
        if (onlyPositional || !token.startsWith(QLatin1String("--")) || token.size() == 2) {
            if (token == QLatin1String("--") && !onlyPositional) {
                onlyPositional = true;
                continue;
            }
            m_positional.append(token);
            continue;
        }
        QString name = token.mid(2);
        std::optional<QString> inlineValue;
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        if (equals >= 0) {
            inlineValue = name.mid(equals + 1);
            name = name.left(equals);
        }
        const auto spec = std::find_if(
            specs.cbegin(), specs.cend(), [&name](const OptionSpec& s) { return s.name == name; });
        if (spec == specs.cend()) {
            *error = QStringLiteral("unknown option --%1").arg(name);
            return false;
        }
        if (spec->valueName.isEmpty()) {
            if (inlineValue) {
                *error = QStringLiteral("--%1 takes no value").arg(name);
                return false;
            }
            m_values[name] = QStringList { QString() };
            continue;
        }
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else if (i + 1 < tokens.size()) {
            value = tokens.at(++i);
        } else {
            *error = QStringLiteral("--%1 needs a value (%2)").arg(name, spec->valueName);
            return false;
        }
        if (m_values.contains(name) && !spec->repeatable) {
            *error = QStringLiteral("--%1 may be given only once").arg(name);
            return false;
        }
        m_values[name].append(value);
    }
    return true;
}

QString Args::value(const QString& option, const QString& fallback) const
{
    const auto found = m_values.constFind(option);
    return found == m_values.cend() || found->isEmpty() ? fallback : found->constLast();
}

// --- Output ------------------------------------------------------------------------------------

QString localTime(const QDateTime& time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString elide(const QString& text, int width)
{
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (width <= 0 || flat.size() <= width)
        return flat;
    return flat.left(width - 1) + QChar(0x2026);
}

QByteArray jsonText(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

Table::Table(QStringList headers)
    : m_headers(std::move(headers))
{
    m_maxWidths.fill(50, m_headers.size());
}

void Table::setMaxWidth(int column, int width)
{
    if (column >= 0 && column < m_maxWidths.size())
        m_maxWidths[column] = width;
}

void Table::addRow(QStringList cells)
{
    cells.resize(m_headers.size());
    for (qsizetype c = 0; c < cells.size(); ++c)
        cells[c] = elide(cells.at(c), m_maxWidths.at(c));
    m_rows.append(cells);
}

void Table::print(QTextStream& out, const QString& emptyText) const
{
    if (m_rows.isEmpty()) {
        out << emptyText << '\n';
        return;
    }
    QList<qsizetype> widths;
    for (const QString& header : m_headers)
        widths.append(header.size());
    for (const QStringList& row : m_rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths.at(c), row.at(c).size());
    }
    const auto printRow = [&out, &widths](const QStringList& row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QLatin1String("  ");
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c)) : row.at(c);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << '\n';
    };
    printRow(m_headers);
    for (const QStringList& row : m_rows)
        printRow(row);
}

Fields& Fields::add(const QString& label, const QString& value)
{
    m_fields.append({ label, value });
    return *this;
}

void Fields::print(QTextStream& out) const
{
    qsizetype width = 0;
    for (const auto& field : m_fields)
        width = std::max(width, field.first.size() + 1);
    for (const auto& [label, value] : m_fields) {
        QString text = value;
        text.replace(QLatin1Char('\n'), QLatin1String("\n") + QString(width + 2, QLatin1Char(' ')));
        out << QString(label + QLatin1Char(':')).leftJustified(width) << "  "
            << (text.isEmpty() ? QStringLiteral("-") : text) << '\n';
    }
}

// --- CommandRun --------------------------------------------------------------------------------

CommandRun::CommandRun(ApiClient* client, bool json, QString actingUser, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_json(json)
    , m_actingUser(std::move(actingUser))
    , m_credentialSource(QStringLiteral("rotactl reads them from VO_API_ID and VO_API_KEY."))
    , m_out(stdout)
    , m_err(stderr)
{
}

void CommandRun::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void CommandRun::fail(const ApiError& error)
{
    QString text = error.text();
    switch (error.kind) {
    case ApiErrorKind::Unauthorised:
    case ApiErrorKind::Forbidden:
        text += QLatin1Char(' ') + m_credentialSource;
        break;
    case ApiErrorKind::Throttled:
        text = QStringLiteral("Still throttled after retrying. ") + text;
        break;
    case ApiErrorKind::Tls:
        text += QStringLiteral(" If a proxy of your network inspects secure connections with a "
                               "certificate authority of its own, trust that authority with "
                               "--ca-file PATH.");
        break;
    default:
        break;
    }
    if (error.httpStatus > 0)
        text += QStringLiteral(" [HTTP %1]").arg(error.httpStatus);
    m_err << "rotactl: " << text << '\n';
    finish(exitCodeFor(error));
}

void CommandRun::usageError(const QString& message)
{
    m_err << "rotactl: " << message << '\n';
    finish(ExitUsage);
}

void CommandRun::apiFailure(const QString& message)
{
    m_err << "rotactl: " << message << '\n';
    finish(ExitApiError);
}

void CommandRun::printJson(const QJsonValue& value) { m_out << QString::fromUtf8(jsonText(value)); }

// --- Invocation --------------------------------------------------------------------------------

std::optional<QString> Invocation::user(const QString& option)
{
    const QString name = args.value(option, run.actingUser());
    if (name.isEmpty()) {
        run.usageError(QStringLiteral("no user: give --%1 USER or set VO_USERNAME").arg(option));
        return std::nullopt;
    }
    return name;
}

std::optional<int> Invocation::number(const QString& text, const QString& what)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok) {
        run.usageError(QStringLiteral("%1 must be a whole number, not '%2'\nusage: %3")
                           .arg(what, text, usage()));
        return std::nullopt;
    }
    return value;
}

QString Invocation::usage() const { return usageLine(resource, verb); }

QString usageLine(const Resource& resource, const Verb& verb)
{
    QString line = QStringLiteral("rotactl ") + resource.name + QLatin1Char(' ') + verb.name;
    if (!verb.synopsis.isEmpty())
        line += QLatin1Char(' ') + verb.synopsis;
    for (const OptionSpec& option : verb.options) {
        QString text = QStringLiteral("--") + option.name;
        if (!option.valueName.isEmpty())
            text += QLatin1Char(' ') + option.valueName;
        line += option.required ? QString(QLatin1Char(' ') + text)
                                : QString(QStringLiteral(" [") + text + QLatin1Char(']'));
        if (option.repeatable)
            line += QStringLiteral("...");
    }
    return line;
}

// --- Parsing helpers ---------------------------------------------------------------------------

std::optional<QDateTime> parseTime(const QString& text, const QString& zone)
{
    const QString trimmed = text.trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (trimmed.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return now;
    static const QRegularExpression relative(QStringLiteral("^([+-])(\\d{1,6})([mhdw])$"));
    const QRegularExpressionMatch match = relative.match(trimmed);
    if (match.hasMatch()) {
        const qint64 count
            = match.captured(2).toLongLong() * (match.captured(1) == QLatin1String("-") ? -1 : 1);
        const QChar unit = match.captured(3).at(0);
        const qint64 minutes = unit == u'm' ? 1 : unit == u'h' ? 60 : unit == u'd' ? 1440 : 10080;
        return now.addSecs(count * minutes * 60);
    }
    QString iso = trimmed;
    // "2026-12-24 09:00" is what people type; ISO wants the T.
    static const QRegularExpression spaced(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}) (\\d)"));
    iso.replace(spaced, QStringLiteral("\\1T\\2"));
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime && !zone.isEmpty()) {
        const QTimeZone tz(zone.toUtf8());
        if (!tz.isValid())
            return std::nullopt;
        time = QDateTime(time.date(), time.time(), tz);
    }
    return time.toUTC();
}

} // namespace rota::cli
