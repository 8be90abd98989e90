// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simfaults.h"

#include <QStringList>

namespace rota::sim {

static const struct {
    FaultKind kind;
    const char* name;
} kFaultNames[] = {
    { FaultKind::Error, "error" },
    { FaultKind::Slow, "slow" },
    { FaultKind::Drop, "drop" },
    { FaultKind::Lost, "lost" },
    { FaultKind::Malformed, "malformed" },
    { FaultKind::Truncate, "truncate" },
    { FaultKind::Throttle, "throttle" },
    { FaultKind::Redirect, "redirect" },
    { FaultKind::Huge, "huge" },
    { FaultKind::Trickle, "trickle" },
};

std::optional<FaultKind> faultKindFromName(const QString& name)
{
    for (const auto& entry : kFaultNames) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

QString faultKindName(FaultKind kind)
{
    for (const auto& entry : kFaultNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return {};
}

bool faultNeedsRawConnection(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Slow:
    case FaultKind::Drop:
    case FaultKind::Lost:
    case FaultKind::Redirect:
    case FaultKind::Huge:
    case FaultKind::Trickle:
        return true;
    case FaultKind::Error:
    case FaultKind::Malformed:
    case FaultKind::Truncate:
    case FaultKind::Throttle:
        return false;
    }
    return true;
}

bool FaultPlan::transportHoldsConnections()
{
    // Must agree with the transport in simserver.cpp, which is chosen by the same test.
    return QT_VERSION < QT_VERSION_CHECK(6, 5, 0);
}

int FaultRule::effectiveStatus() const
{
    if (status != 0)
        return status;
    return kind == FaultKind::Redirect ? 302 : 500;
}

int FaultRule::effectiveDelayMs() const
{
    if (delayMs >= 0)
        return delayMs;
    return kind == FaultKind::Slow ? 2000 : 0;
}

// Which of the kind-specific keys a kind takes; p, count, path and method go with every kind.
static bool kindTakes(FaultKind kind, const QString& key)
{
    if (key == QLatin1String("status"))
        return kind == FaultKind::Error || kind == FaultKind::Redirect;
    if (key == QLatin1String("ms"))
        return kind == FaultKind::Slow || kind == FaultKind::Lost;
    if (key == QLatin1String("location"))
        return kind == FaultKind::Redirect;
    if (key == QLatin1String("mb"))
        return kind == FaultKind::Huge;
    if (key == QLatin1String("bps"))
        return kind == FaultKind::Trickle;
    return true;
}

static std::optional<QString> parseRule(const QString& text, bool rawConnection, FaultRule* out)
{
    const QStringList fields = text.trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString name = fields.first().trimmed();
    const auto kind = faultKindFromName(name);
    if (!kind)
        return QStringLiteral("unknown fault kind '%1' (use error, slow, drop, lost, malformed, "
                              "truncate, throttle, redirect, huge or trickle)")
            .arg(name);
    if (!rawConnection && faultNeedsRawConnection(*kind))
        return QStringLiteral("this rota-sim cannot do the fault '%1': it is built with Qt %2, "
                              "whose HTTP server does not let it hold, delay or drop a connection "
                              "or write its own headers (Qt before 6.5 does)")
            .arg(name, QLatin1String(qVersion()));
    FaultRule rule;
    rule.kind = *kind;
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QString field = fields.at(i).trimmed();
        const qsizetype eq = field.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("fault option '%1' is not key=value").arg(field);
        const QString key = field.left(eq);
        const QString value = field.mid(eq + 1);
        bool ok = true;
        if (key == QLatin1String("p")) {
            rule.probability = value.toDouble(&ok);
            ok = ok && rule.probability >= 0 && rule.probability <= 1;
        } else if (key == QLatin1String("count")) {
            rule.remaining = value.toInt(&ok);
            ok = ok && rule.remaining > 0;
        } else if (key == QLatin1String("path")) {
            rule.pathPrefix = value;
        } else if (key == QLatin1String("method")) {
            rule.method = value.toUpper().toLatin1();
        } else if (key == QLatin1String("status") || key == QLatin1String("ms")
            || key == QLatin1String("location") || key == QLatin1String("mb")
            || key == QLatin1String("bps")) {
            if (!kindTakes(rule.kind, key))
                return QStringLiteral("the fault '%1' takes no option '%2'").arg(name, key);
            if (key == QLatin1String("status")) {
                rule.status = value.toInt(&ok);
                ok = ok
                    && (rule.kind == FaultKind::Redirect
                            ? rule.status >= 300 && rule.status <= 399
                            : rule.status >= 100 && rule.status <= 599);
            } else if (key == QLatin1String("ms")) {
                rule.delayMs = value.toInt(&ok);
                ok = ok && rule.delayMs >= 0 && rule.delayMs <= 600000;
            } else if (key == QLatin1String("location")) {
                rule.location = value;
                ok = !value.isEmpty() && !value.contains(QLatin1Char(' '));
            } else if (key == QLatin1String("mb")) {
                rule.megabytes = value.toInt(&ok);
                ok = ok && rule.megabytes >= 1 && rule.megabytes <= 1024;
            } else {
                rule.bytesPerSecond = value.toInt(&ok);
                ok = ok && rule.bytesPerSecond >= 1 && rule.bytesPerSecond <= 10000000;
            }
        } else {
            return QStringLiteral("unknown fault option '%1' (use p, count, path, method, status, "
                                  "ms, location, mb or bps)")
                .arg(key);
        }
        if (!ok)
            return QStringLiteral("fault option '%1' has a bad value '%2'").arg(key, value);
    }
    if (rule.kind == FaultKind::Redirect && rule.location.isEmpty())
        return QStringLiteral("the fault 'redirect' needs location=URL");
    *out = rule;
    return std::nullopt;
}

std::optional<QString> FaultPlan::parse(const QString& spec, bool rawConnection)
{
    QList<FaultRule> rules;
    const QStringList parts = spec.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        FaultRule rule;
        if (const auto problem = parseRule(part, rawConnection, &rule))
            return problem;
        rules.append(rule);
    }
    m_rules = rules;
    return std::nullopt;
}

QString FaultPlan::describe() const
{
    QStringList out;
    for (const FaultRule& rule : m_rules) {
        QString text = faultKindName(rule.kind);
        if (rule.probability < 1.0)
            text += QStringLiteral(",p=%1").arg(rule.probability);
        if (rule.remaining >= 0)
            text += QStringLiteral(",count=%1").arg(rule.remaining);
        if (!rule.pathPrefix.isEmpty())
            text += QStringLiteral(",path=") + rule.pathPrefix;
        if (!rule.method.isEmpty())
            text += QStringLiteral(",method=") + QString::fromLatin1(rule.method);
        if (kindTakes(rule.kind, QStringLiteral("status")))
            text += QStringLiteral(",status=%1").arg(rule.effectiveStatus());
        if (kindTakes(rule.kind, QStringLiteral("ms")))
            text += QStringLiteral(",ms=%1").arg(rule.effectiveDelayMs());
        if (rule.kind == FaultKind::Redirect)
            text += QStringLiteral(",location=") + rule.location;
        if (rule.kind == FaultKind::Huge)
            text += QStringLiteral(",mb=%1").arg(rule.megabytes);
        if (rule.kind == FaultKind::Trickle)
            text += QStringLiteral(",bps=%1").arg(rule.bytesPerSecond);
        out.append(text);
    }
    return out.join(QLatin1Char(';'));
}

std::optional<FaultRule> FaultPlan::pick(
    const QByteArray& method, const QString& path, QRandomGenerator& rng)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule& rule = m_rules[i];
        if (!rule.pathPrefix.isEmpty() && !path.startsWith(rule.pathPrefix))
            continue;
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        if (rule.probability < 1.0 && rng.generateDouble() >= rule.probability)
            continue;
        const FaultRule chosen = rule;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_rules.removeAt(i);
        return chosen;
    }
    return std::nullopt;
}

} // namespace rota::sim
