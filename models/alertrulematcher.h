// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What alert rules do to an alert, worked out locally: for the Alert rules view's test bench,
// which tries rules as they are being edited, before they are saved.
//
// The matching follows the vendor's Rules Engine documentation (and rota-sim, which is written
// apart from this and agrees with it):
// - WILDCARD: the whole value must match; '*' is any run of characters (also none); letters
//   match in either case.
// - REGEX: a Java regular expression that must match the whole value (Java's matches()),
//   case-sensitive unless it says (?i); at most 128 characters. QRegularExpression (PCRE2)
//   stands in for Java here: checkPattern() warns about the constructs the two read differently.
// - A field the alert lacks matches nothing; numbers and booleans are matched as their text.
// - Rules run in rank order over the alert as the earlier ones left it. A match adds the rule's
//   annotations ("vo_annotate.<u|s|i>.<title>"), sets its transformations' fields (flags 1),
//   then sends the alert to the rule's routing key, if it has one. A matching rule with stopFlag
//   ends the run. "${{field}}" in a value is replaced by the field's value.

#include "alertrules.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rota {

//! Whether a pattern can be used, in words.
struct PatternCheck {
    bool ok = true;
    QString error; //!< why it cannot be used (empty when ok)
    //! Usable here, but the service may read it differently (a regex construct Java lacks or
    //! reads otherwise); empty when there is nothing to say.
    QString warning;
};

//! One thing a rule did to the alert.
struct AlertRuleEffect {
    enum class Kind { Annotation, Transformation, Route };
    Kind kind = Kind::Annotation;
    int ruleIndex = -1; //!< into the rules given to AlertRuleMatcher::run
    QString annotationType; //!< u, s or i (annotations)
    QString field; //!< the annotation's title; the field transformed; "routing_key"
    QString before; //!< the field's value before (transformations and routes)
    QString value; //!< what was added or set
};

//! How one rule fared, in the order the rules ran.
struct AlertRuleStep {
    enum class Outcome {
        Matched,
        NoMatch, //!< the field is there and does not match
        FieldMissing, //!< the alert has no such field
        InvalidPattern, //!< the rule's pattern cannot be used; skipped
        NotReached, //!< an earlier matching rule had stopFlag
    };
    int ruleIndex = -1;
    Outcome outcome = Outcome::NoMatch;
    QString value; //!< the field's value the rule looked at
};

struct AlertRuleRun {
    QList<AlertRuleStep> steps; //!< one per rule, in rank order
    QList<AlertRuleEffect> effects; //!< in the order they happened
    QJsonObject alert; //!< the alert afterwards
    QString routingKeyBefore;
    QString routingKey; //!< afterwards ("" when the alert has none)
    int firstMatch = -1; //!< ruleIndex of the first rule that matched; -1: none
    int stoppedBy = -1; //!< ruleIndex of the rule whose stopFlag ended the run; -1: none

    QList<int> matched() const;
};

namespace AlertRuleMatcher {

constexpr int MaxRegexLength = 128;

//! Whether `pattern` can be used with `matchType` (WILDCARD or REGEX).
PatternCheck checkPattern(const QString& pattern, const QString& matchType);

//! Whether `value` matches the rule's pattern (false for an unusable pattern).
bool matches(const AlertRule& rule, const QString& value);

//! The alert's field as the rules read it; nullopt-like empty + *present false when absent.
QString fieldText(const QJsonObject& alert, const QString& field, bool* present = nullptr);

//! Runs `rules` (any order: they run by rank, ties in the given order) over `alert`.
AlertRuleRun run(const QList<AlertRule>& rules, const QJsonObject& alert);

//! The alert's fields for a run: the parsed raw alert with the annotations an earlier run of the
//! rules added left out (they would otherwise look like this run's).
QJsonObject benchFields(const QJsonObject& raw);

//! `text` parsed as a JSON object for the bench; an empty object and *error when it is not one.
QJsonObject parseAlert(const QString& text, QString* error);

} // namespace AlertRuleMatcher

} // namespace rota
