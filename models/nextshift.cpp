// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "nextshift.h"

#include "displayformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace rota {

QString MyShift::key() const
{
    return policySlug + QLatin1Char('/') + QString::number(start.toMSecsSinceEpoch() / 1000);
}

bool MyShift::operator==(const MyShift& other) const
{
    return teamName == other.teamName && teamSlug == other.teamSlug
        && policyName == other.policyName && policySlug == other.policySlug && start == other.start
        && end == other.end && replaces == other.replaces;
}

namespace shifts {

namespace {

bool sameUser(const QString& a, const QString& b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool earlier(const MyShift& a, const MyShift& b)
{
    if (a.start != b.start)
        return a.start < b.start;
    return a.policySlug < b.policySlug;
}

// Whom the user stands in for during [start, end): the first override of the policy that names
// the user as the stand-in and overlaps it.
QString replacedDuring(const PolicySchedule& policy, const QString& username,
    const QDateTime& start, const QDateTime& end)
{
    for (const OnCallOverride& override : policy.overrides) {
        if (sameUser(override.overrideOnCallUser, username) && override.start.utc < end
            && start < override.end.utc)
            return override.origOnCallUser;
    }
    return {};
}

} // namespace

QList<MyShift> mine(const QList<TeamSchedule>& teams, const QString& username)
{
    QList<MyShift> all;
    if (username.isEmpty())
        return all;
    QSet<QString> policiesSeen;
    for (const TeamSchedule& team : teams) {
        for (const PolicySchedule& policy : team.schedules) {
            if (policy.policy.slug.isEmpty() || policiesSeen.contains(policy.policy.slug))
                continue;
            policiesSeen.insert(policy.policy.slug);
            QList<MyShift> pieces;
            for (const OnCallEntry& entry : policy.schedule) {
                for (const OnCallRoll& roll : entry.rolls) {
                    if (!sameUser(roll.onCallUser, username) || !roll.start.isValid()
                        || !roll.end.isValid() || roll.end.utc <= roll.start.utc)
                        continue;
                    pieces.append({ team.teamName, team.teamSlug, policy.policy.name,
                        policy.policy.slug, roll.start.utc.toUTC(), roll.end.utc.toUTC(),
                        replacedDuring(policy, username, roll.start.utc, roll.end.utc) });
                }
            }
            std::sort(pieces.begin(), pieces.end(), earlier);
            // Rolls are cut where an override begins or ends, and two rotations may name the user
            // at once: what touches is one stretch on call.
            QList<MyShift> merged;
            for (const MyShift& piece : std::as_const(pieces)) {
                if (!merged.isEmpty() && piece.start <= merged.last().end) {
                    MyShift& last = merged.last();
                    last.end = std::max(last.end, piece.end);
                    if (last.replaces.isEmpty())
                        last.replaces = piece.replaces;
                    continue;
                }
                merged.append(piece);
            }
            all.append(merged);
        }
    }
    std::sort(all.begin(), all.end(), earlier);
    return all;
}

QList<MyShift> upcoming(
    const QList<MyShift>& shifts, const QDateTime& now, const QStringList& except)
{
    QList<MyShift> next;
    QSet<QString> seen(except.cbegin(), except.cend());
    // The list is sorted by start, so the first one of a policy after now is its next.
    for (const MyShift& shift : shifts) {
        if (shift.start <= now || seen.contains(shift.policySlug))
            continue;
        seen.insert(shift.policySlug);
        next.append(shift);
    }
    return next;
}

MyShift runningOn(const QList<MyShift>& shifts, const QString& policySlug, const QDateTime& now)
{
    for (const MyShift& shift : shifts) {
        if (shift.policySlug == policySlug && shift.contains(now))
            return shift;
    }
    return {};
}

MyShift firstFrom(const QList<MyShift>& shifts, const QString& policySlug, const QDateTime& when)
{
    for (const MyShift& shift : shifts) {
        if (shift.policySlug == policySlug && shift.start >= when)
            return shift;
    }
    return {};
}

QList<MyShift> between(const QList<MyShift>& shifts, const QDateTime& from, const QDateTime& to)
{
    QList<MyShift> within;
    for (const MyShift& shift : shifts) {
        if (shift.start < to && from < shift.end)
            within.append(shift);
    }
    return within;
}

QString when(const QDateTime& moment, const QDateTime& now, const QTimeZone& zone)
{
    const QDateTime local = moment.toTimeZone(zone);
    const QLocale locale;
    if (local.date() == now.toTimeZone(zone).date())
        return locale.toString(local.time(), displayFormat(QStringLiteral("HH:mm")));
    return locale.toString(local, displayFormat(QStringLiteral("ddd d MMM HH:mm")));
}

QString span(
    const QDateTime& start, const QDateTime& end, const QDateTime& now, const QTimeZone& zone)
{
    const QDateTime localStart = start.toTimeZone(zone);
    const QDateTime localEnd = end.toTimeZone(zone);
    if (localStart.date() == localEnd.date()) {
        return when(start, now, zone) + QChar(0x2013)
            + QLocale().toString(localEnd.time(), displayFormat(QStringLiteral("HH:mm")));
    }
    return when(start, now, zone) + QStringLiteral(" \u2013 ") + when(end, now, zone);
}

QString describeNext(
    const MyShift& shift, const QDateTime& now, const QString& replacesName, const QTimeZone& zone)
{
    QString text
        = QCoreApplication::translate("rota::NextShift", "Next on call for %1 (%2): %3")
              .arg(shift.teamLabel(), shift.policyLabel(), span(shift.start, shift.end, now, zone));
    if (!shift.replaces.isEmpty())
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rota::NextShift", "instead of %1")
                  .arg(replacesName.isEmpty() ? shift.replaces : replacesName);
    return text;
}

} // namespace shifts

} // namespace rota
