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
    { FaultKind::Malformed, "malformed" },
    { FaultKind::Truncate, "truncate" },
    { FaultKind::Throttle, "throttle" },
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

std::optional<QString> FaultPlan::parse(const QString& spec)
{
    QList<FaultRule> rules;
    const QStringList parts = spec.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QStringList fields = part.trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        const auto kind = faultKindFromName(fields.first().trimmed());
        if (!kind)
            return QStringLiteral(
                "unknown fault kind '%1' (use error, slow, drop, malformed, truncate or throttle)")
                .arg(fields.first().trimmed());
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
            } else if (key == QLatin1String("status")) {
                rule.status = value.toInt(&ok);
                ok = ok && rule.status >= 100 && rule.status <= 599;
            } else if (key == QLatin1String("ms")) {
                rule.delayMs = value.toInt(&ok);
                ok = ok && rule.delayMs >= 0 && rule.delayMs <= 600000;
            } else {
                return QStringLiteral(
                    "unknown fault option '%1' (use p, count, path, method, status or ms)")
                    .arg(key);
            }
            if (!ok)
                return QStringLiteral("fault option '%1' has a bad value '%2'").arg(key, value);
        }
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
        if (rule.kind == FaultKind::Error)
            text += QStringLiteral(",status=%1").arg(rule.status);
        if (rule.kind == FaultKind::Slow)
            text += QStringLiteral(",ms=%1").arg(rule.delayMs);
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
