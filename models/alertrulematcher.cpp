// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertrulematcher.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace rota {

QList<int> AlertRuleRun::matched() const
{
    QList<int> out;
    for (const AlertRuleStep& step : steps) {
        if (step.outcome == AlertRuleStep::Outcome::Matched)
            out.append(step.ruleIndex);
    }
    return out;
}

namespace AlertRuleMatcher {

namespace {

// '*' any run; case folded on both sides. Backtracks only to the last '*', so the time stays
// linear in practice however many stars there are.
bool wildcardMatches(const QString& pattern, const QString& value)
{
    qsizetype p = 0;
    qsizetype v = 0;
    qsizetype star = -1;
    qsizetype mark = 0;
    while (v < value.size()) {
        if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = v;
        } else if (p < pattern.size()
            && pattern.at(p).toCaseFolded() == value.at(v).toCaseFolded()) {
            ++p;
            ++v;
        } else if (star >= 0) {
            p = star + 1;
            v = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString substituted(const QString& text, const QJsonObject& fields)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{\\{([^}]*)\\}\\}"));
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = variable.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(from, m.capturedStart() - from);
        out += fieldText(fields, m.captured(1).trimmed());
        from = m.capturedEnd();
    }
    out += text.mid(from);
    return out;
}

struct JavaDifference {
    const char* pattern; //!< a regular expression finding the construct in a pattern
    const char* words;
};

// Constructs PCRE2 accepts that Java's engine refuses or reads otherwise. Not exhaustive: the
// common ones people bring from other tools.
const JavaDifference kJavaDifferences[] = {
    { R"(\(\?P?<[A-Za-z_][A-Za-z0-9_]*_)",
        QT_TRANSLATE_NOOP("rota::AlertRuleMatcher", "group names with '_' are refused by Java") },
    { R"(\(\?P[<=>])",
        QT_TRANSLATE_NOOP(
            "rota::AlertRuleMatcher", "Python-style named groups (?P<…>) are not Java syntax") },
    { R"(\(\?\|)",
        QT_TRANSLATE_NOOP(
            "rota::AlertRuleMatcher", "branch-reset groups (?|…) are not Java syntax") },
    { R"(\(\?(R|[0-9]+|&)\))",
        QT_TRANSLATE_NOOP("rota::AlertRuleMatcher", "recursion such as (?R) is not Java syntax") },
    { R"(\\K)", QT_TRANSLATE_NOOP("rota::AlertRuleMatcher", "\\K is not Java syntax") },
    { R"(\[\[:[a-z]+:\]\])",
        QT_TRANSLATE_NOOP("rota::AlertRuleMatcher",
            "POSIX classes like [[:alpha:]] are written \\p{Alpha} in Java") },
    { R"(\(\*[A-Z_]+)",
        QT_TRANSLATE_NOOP(
            "rota::AlertRuleMatcher", "PCRE verbs such as (*SKIP) are not Java syntax") },
    { R"(\\[gk]\{?[0-9<'])",
        QT_TRANSLATE_NOOP(
            "rota::AlertRuleMatcher", "\\g and \\k references: Java writes \\k<name> only") },
};

} // namespace

PatternCheck checkPattern(const QString& pattern, const QString& matchType)
{
    PatternCheck check;
    if (pattern.isEmpty()) {
        check.ok = false;
        check.error = QCoreApplication::translate("rota::AlertRuleMatcher", "Enter a pattern.");
        return check;
    }
    if (matchType != QLatin1String("REGEX"))
        return check;
    if (pattern.size() > MaxRegexLength) {
        check.ok = false;
        check.error = QCoreApplication::translate("rota::AlertRuleMatcher",
            "Regular expressions may have at most %1 characters (this one "
            "has %2).")
                          .arg(MaxRegexLength)
                          .arg(pattern.size());
        return check;
    }
    const QRegularExpression re(pattern);
    if (!re.isValid()) {
        check.ok = false;
        check.error = QCoreApplication::translate(
            "rota::AlertRuleMatcher", "Not a valid regular expression: %1 (at character %2).")
                          .arg(re.errorString())
                          .arg(re.patternErrorOffset() + 1);
        return check;
    }
    for (const JavaDifference& difference : kJavaDifferences) {
        const QRegularExpression finder(QString::fromLatin1(difference.pattern));
        if (finder.match(pattern).hasMatch()) {
            check.warning
                = QCoreApplication::translate("rota::AlertRuleMatcher",
                    "Valid here, but Splunk On-Call reads Java regular "
                    "expressions: %1.")
                      .arg(QCoreApplication::translate("rota::AlertRuleMatcher", difference.words));
            break;
        }
    }
    return check;
}

bool matches(const AlertRule& rule, const QString& value)
{
    if (!rule.isRegex())
        return wildcardMatches(rule.alertValueMatch, value);
    if (!checkPattern(rule.alertValueMatch, rule.matchType).ok)
        return false;
    const QRegularExpression re(QRegularExpression::anchoredPattern(rule.alertValueMatch));
    return re.match(value).hasMatch();
}

QString fieldText(const QJsonObject& alert, const QString& field, bool* present)
{
    const auto it = alert.constFind(field);
    QString text;
    bool there = it != alert.constEnd();
    if (there) {
        switch (it->type()) {
        case QJsonValue::String:
            text = it->toString();
            break;
        case QJsonValue::Double: {
            const double d = it->toDouble();
            const auto whole = static_cast<qint64>(d);
            text = static_cast<double>(whole) == d ? QString::number(whole) : QString::number(d);
            break;
        }
        case QJsonValue::Bool:
            text = it->toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        default:
            there = false; // null, arrays and objects are not matched
            break;
        }
    }
    if (present)
        *present = there;
    return text;
}

AlertRuleRun run(const QList<AlertRule>& rules, const QJsonObject& alert)
{
    AlertRuleRun result;
    result.alert = alert;
    const QString routingKeyField = QStringLiteral("routing_key");
    result.routingKeyBefore = fieldText(alert, routingKeyField);

    QList<int> order(rules.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&rules](int a, int b) { return rules.at(a).rank < rules.at(b).rank; });

    for (const int index : std::as_const(order)) {
        const AlertRule& rule = rules.at(index);
        AlertRuleStep step;
        step.ruleIndex = index;
        if (result.stoppedBy >= 0) {
            step.outcome = AlertRuleStep::Outcome::NotReached;
            result.steps.append(step);
            continue;
        }
        bool present = false;
        step.value = fieldText(result.alert, rule.alertField, &present);
        if (!checkPattern(rule.alertValueMatch, rule.matchType).ok)
            step.outcome = AlertRuleStep::Outcome::InvalidPattern;
        else if (!present)
            step.outcome = AlertRuleStep::Outcome::FieldMissing;
        else if (!matches(rule, step.value))
            step.outcome = AlertRuleStep::Outcome::NoMatch;
        else
            step.outcome = AlertRuleStep::Outcome::Matched;
        result.steps.append(step);
        if (step.outcome != AlertRuleStep::Outcome::Matched)
            continue;

        if (result.firstMatch < 0)
            result.firstMatch = index;
        // Values read from the alert as this rule found it.
        const QJsonObject before = result.alert;
        for (const AlertRuleAnnotation& a : rule.annotations) {
            AlertRuleEffect effect;
            effect.ruleIndex = index;
            effect.annotationType = a.annotationType;
            effect.field = a.fieldName;
            effect.value = substituted(a.fieldValue, before);
            if (a.flags == AlertRuleAnnotation::Transformation) {
                effect.kind = AlertRuleEffect::Kind::Transformation;
                effect.before = fieldText(result.alert, a.fieldName);
                result.alert.insert(a.fieldName, effect.value);
            } else {
                result.alert.insert(QStringLiteral("vo_annotate.") + a.annotationType
                        + QLatin1Char('.') + a.fieldName,
                    effect.value);
            }
            result.effects.append(effect);
        }
        if (!rule.routeKey.isEmpty()) {
            AlertRuleEffect route;
            route.kind = AlertRuleEffect::Kind::Route;
            route.ruleIndex = index;
            route.field = routingKeyField;
            route.before = fieldText(result.alert, routingKeyField);
            route.value = rule.routeKey;
            result.alert.insert(routingKeyField, rule.routeKey);
            result.effects.append(route);
        }
        if (rule.stopFlag)
            result.stoppedBy = index;
    }
    result.routingKey = fieldText(result.alert, routingKeyField);
    return result;
}

QJsonObject benchFields(const QJsonObject& raw)
{
    QJsonObject fields;
    for (auto it = raw.constBegin(); it != raw.constEnd(); ++it) {
        if (!it.key().startsWith(QLatin1String("vo_annotate.")))
            fields.insert(it.key(), it.value());
    }
    return fields;
}

QJsonObject parseAlert(const QString& text, QString* error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate(
                "rota::AlertRuleMatcher", "Not JSON: %1 (at character %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset + 1);
        return {};
    }
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("rota::AlertRuleMatcher",
                "Paste an alert as a JSON object: {\"field\": \"value\", …}.");
        return {};
    }
    if (error)
        error->clear();
    return doc.object();
}

} // namespace AlertRuleMatcher

} // namespace rota
