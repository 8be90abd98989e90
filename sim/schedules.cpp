// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "schedules.h"

#include "simcontext.h"

#include <QSet>

#include <algorithm>

namespace rota::sim {

namespace {

// A bound for loops over shifts, so a one-hour rotation over a long window cannot run away.
constexpr int maxShiftsPerWalk = 20000;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        --q;
    return q;
}

QString memberFor(const SimRotation& rotation, const QString& executionType, qint64 shiftIndex)
{
    if (rotation.members.isEmpty() || !rotation.hasShift
        || (rotation.nobodyBeforeAnchor && shiftIndex < 0))
        return {};
    // rollOffset is how "set the scheduled user" moves the rotation along without a new anchor.
    qint64 index = shiftIndex + rotation.rollOffset;
    if (executionType == QLatin1String("rotation_group_next"))
        ++index;
    else if (executionType == QLatin1String("rotation_group_previous"))
        --index;
    const qint64 count = rotation.members.size();
    return rotation.members.at(static_cast<qsizetype>(((index % count) + count) % count));
}

//! The user actually on call for `policySlug` at t when the schedule says `scheduled`: a scheduled
//! override with a replacement first, then "take on-call" records (which may chain: A took from
//! B, then C from A). *until is narrowed to when that answer may next change.
QString applyOverrides(const SimOrg& org, const QString& policySlug, const QString& scheduled,
    const QDateTime& t, QDateTime* until)
{
    QString user = scheduled;
    if (user.isEmpty())
        return user;
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (override.username != user || t < override.start || t >= override.end)
            continue;
        const QString replacement = override.assignments.value(policySlug);
        if (!replacement.isEmpty()) {
            user = replacement;
            clampUntil(until, override.end);
            break;
        }
    }
    for (qsizetype hop = 0; hop <= org.takeOverrides.size(); ++hop) {
        bool moved = false;
        for (const SimTakeOverride& take : org.takeOverrides) {
            if (take.policySlug == policySlug && take.fromUser == user && t >= take.start
                && t < take.end) {
                user = take.toUser;
                clampUntil(until, take.end);
                moved = true;
                break;
            }
        }
        if (!moved)
            break;
    }
    return user;
}

void appendSegments(QList<Segment>* out, const SimOrg& org, const QString& policySlug,
    const QString& scheduled, bool fromRotation, const QDateTime& start, const QDateTime& end,
    const QList<QDateTime>& edges)
{
    QList<QDateTime> points { start };
    for (const QDateTime& edge : edges) {
        if (edge > start && edge < end)
            points.append(edge);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    points.append(end);
    const qsizetype first = out->size();
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        QDateTime ignored;
        const QString user = applyOverrides(org, policySlug, scheduled, points.at(i), &ignored);
        const bool isRoll = fromRotation && user == scheduled;
        // Merge only inside this shift: a one-member rotation still shows each handoff.
        if (out->size() > first && out->last().user == user && out->last().isRoll == isRoll) {
            out->last().end = points.at(i + 1);
            continue;
        }
        out->append({ points.at(i), points.at(i + 1), user, isRoll });
    }
}

//! Who works a rotation shift of the policy at t, in any step, as worked: overrides and takes
//! applied. Users named directly in a step are always reachable rather than on a shift, so the
//! log leaves them out (a take from one is logged when it is made).
QStringList shiftWorkersAt(const SimOrg& org, const SimPolicy& policy, const QDateTime& t)
{
    QStringList users;
    for (int step = 0; step < policy.steps.size(); ++step) {
        for (const Slot& slot : slotsAt(org, policy, step, t)) {
            if (slot.executionType == QLatin1String("rotation_group") && !slot.user.isEmpty()
                && !users.contains(slot.user))
                users.append(slot.user);
        }
    }
    return users;
}

} // namespace

void clampUntil(QDateTime* until, const QDateTime& t)
{
    if (!until->isValid() || t < *until)
        *until = t;
}

bool isRotationEntry(const QString& executionType)
{
    return executionType == QLatin1String("rotation_group")
        || executionType == QLatin1String("rotation_group_next")
        || executionType == QLatin1String("rotation_group_previous");
}

ShiftClock::ShiftClock(const SimRotation& rotation)
    : m_hours(rotation.shiftHours > 0 ? rotation.shiftHours : 168)
    , m_anchor(rotation.anchor.isValid()
              ? rotation.anchor.toUTC()
              : QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()))
{
    if (m_hours % 24 == 0) {
        m_zone = QTimeZone(rotation.timeZone.toUtf8());
        m_wallClock = m_zone.isValid();
        if (m_wallClock)
            m_anchorLocal = m_anchor.toTimeZone(m_zone);
    }
}

QDateTime ShiftClock::start(qint64 index) const
{
    if (m_wallClock) {
        const QDateTime local(
            m_anchorLocal.date().addDays(index * (m_hours / 24)), m_anchorLocal.time(), m_zone);
        // A handoff time that falls into a daylight-saving gap has no local reading; fall
        // back to absolute hours rather than lose the shift.
        if (local.isValid())
            return local.toUTC();
    }
    return m_anchor.addMSecs(index * m_hours * msPerHour);
}

Shift ShiftClock::at(const QDateTime& t) const
{
    if (!t.isValid())
        return { 0, start(0), start(1) };
    qint64 index = 0;
    if (m_wallClock) {
        const qint64 days = m_anchorLocal.date().daysTo(t.toTimeZone(m_zone).date());
        index = floorDiv(days, m_hours / 24);
    } else {
        index = floorDiv(m_anchor.msecsTo(t), m_hours * msPerHour);
    }
    // The estimate can be one off around the handoff time of day; settle it exactly.
    while (start(index) > t)
        --index;
    while (start(index + 1) <= t)
        ++index;
    return { index, start(index), start(index + 1) };
}

QList<Slot> slotsAt(const SimOrg& org, const SimPolicy& policy, int step, const QDateTime& t)
{
    QList<Slot> found;
    if (step < 0 || step >= policy.steps.size())
        return found;
    for (const SimPolicyEntry& entry : policy.steps.at(step).entries) {
        Slot slot;
        slot.executionType = entry.executionType;
        if (isRotationEntry(entry.executionType)) {
            const auto it = org.rotations.constFind(entry.target);
            if (it == org.rotations.cend())
                continue;
            slot.rotation = &it.value();
            const Shift shift = ShiftClock(*it).at(t);
            slot.scheduled = memberFor(*it, entry.executionType, shift.index);
            slot.until = shift.end;
        } else if (entry.executionType == QLatin1String("user")) {
            slot.scheduled = entry.target;
        } else {
            continue; // webhooks, e-mail addresses and policy routing put nobody on call
        }
        slot.user = applyOverrides(org, policy.slug, slot.scheduled, t, &slot.until);
        found.append(slot);
    }
    return found;
}

QStringList usersOf(const QList<Slot>& found)
{
    QStringList users;
    for (const Slot& slot : found) {
        if (!slot.user.isEmpty() && !users.contains(slot.user))
            users.append(slot.user);
    }
    return users;
}

bool stepNamesUser(const SimOrg& org, const SimPolicyStep& step, const QString& username)
{
    for (const SimPolicyEntry& entry : step.entries) {
        if (entry.executionType == QLatin1String("user") && entry.target == username)
            return true;
        if (isRotationEntry(entry.executionType)) {
            const auto it = org.rotations.constFind(entry.target);
            if (it != org.rotations.cend() && it->members.contains(username))
                return true;
        }
    }
    return false;
}

bool userInPolicy(const SimOrg& org, const SimPolicy& policy, const QString& username)
{
    return std::any_of(policy.steps.cbegin(), policy.steps.cend(),
        [&](const SimPolicyStep& step) { return stepNamesUser(org, step, username); });
}

QList<const SimPolicy*> teamPolicies(const SimOrg& org, const QString& teamSlug)
{
    QList<const SimPolicy*> policies;
    for (const SimPolicy& policy : org.policies) {
        if (policy.teamSlug == teamSlug)
            policies.append(&policy);
    }
    std::sort(policies.begin(), policies.end(), [](const SimPolicy* a, const SimPolicy* b) {
        return a->name == b->name ? a->slug < b->slug : a->name < b->name;
    });
    return policies;
}

QList<const SimTeam*> teamsByName(const SimOrg& org)
{
    QList<const SimTeam*> teams;
    for (const SimTeam& team : org.teams)
        teams.append(&team);
    std::sort(teams.begin(), teams.end(), [](const SimTeam* a, const SimTeam* b) {
        return a->name == b->name ? a->slug < b->slug : a->name < b->name;
    });
    return teams;
}

QList<const SimScheduledOverride*> overridesByStart(const SimOrg& org)
{
    QList<const SimScheduledOverride*> overrides;
    for (const SimScheduledOverride& override : org.scheduledOverrides)
        overrides.append(&override);
    std::sort(overrides.begin(), overrides.end(),
        [](const SimScheduledOverride* a, const SimScheduledOverride* b) {
            return a->start == b->start ? a->publicId < b->publicId : a->start < b->start;
        });
    return overrides;
}

//! Every moment at which an override or a take changes who is on call for the policy.
QList<QDateTime> overrideEdges(const SimOrg& org, const QString& policySlug)
{
    QList<QDateTime> edges;
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (!override.assignments.value(policySlug).isEmpty())
            edges << override.start << override.end;
    }
    for (const SimTakeOverride& take : org.takeOverrides) {
        if (take.policySlug == policySlug)
            edges << take.start << take.end;
    }
    return edges;
}

//! The rolls of one entry: whole rotation shifts covering [from, to) (at least the current one),
//! split where overrides or takes replace the scheduled user.
QList<Segment> entrySegments(const SimOrg& org, const SimPolicy& policy, const Slot& slot,
    const QDateTime& from, const QDateTime& to, const QList<QDateTime>& edges)
{
    QList<Segment> segments;
    if (slot.rotation) {
        const ShiftClock clock(*slot.rotation);
        Shift shift = clock.at(from);
        for (int n = 0; n < maxShiftsPerWalk; ++n) {
            appendSegments(&segments, org, policy.slug,
                memberFor(*slot.rotation, slot.executionType, shift.index), true, shift.start,
                shift.end, edges);
            shift = clock.next(shift);
            if (shift.start >= to)
                break;
        }
    } else if (to > from) {
        appendSegments(&segments, org, policy.slug, slot.scheduled, false, from, to, edges);
    }
    return segments;
}

//! The rotation shifts of the policy during [from, to), as maximal intervals per user, found by
//! evaluating the schedule at every moment it can change.
QHash<QString, QList<Interval>> computedIntervals(
    const SimOrg& org, const SimPolicy& policy, const QDateTime& from, const QDateTime& to)
{
    QHash<QString, QList<Interval>> intervals;
    if (to <= from)
        return intervals;
    QList<QDateTime> points { from };
    QSet<QString> walked;
    for (const SimPolicyStep& step : policy.steps) {
        for (const SimPolicyEntry& entry : step.entries) {
            const auto it = org.rotations.constFind(entry.target);
            if (entry.executionType != QLatin1String("rotation_group") || it == org.rotations.cend()
                || walked.contains(entry.target))
                continue;
            walked.insert(entry.target);
            const ShiftClock clock(*it);
            Shift shift = clock.at(from);
            for (int n = 0; n < maxShiftsPerWalk && shift.end < to; ++n) {
                points.append(shift.end);
                shift = clock.next(shift);
            }
        }
    }
    for (const QDateTime& edge : overrideEdges(org, policy.slug)) {
        if (edge > from && edge < to)
            points.append(edge);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    points.append(to);

    QHash<QString, QDateTime> openSince;
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        const QDateTime& t = points.at(i);
        const QStringList users = shiftWorkersAt(org, policy, t);
        for (auto it = openSince.begin(); it != openSince.end();) {
            if (users.contains(it.key())) {
                ++it;
                continue;
            }
            intervals[it.key()].append({ it.value(), t });
            it = openSince.erase(it);
        }
        for (const QString& user : users) {
            if (!openSince.contains(user))
                openSince.insert(user, t);
        }
    }
    for (auto it = openSince.cbegin(); it != openSince.cend(); ++it)
        intervals[it.key()].append({ it.value(), to });
    return intervals;
}

QString rotationUserAt(const SimRotation& rotation, const QDateTime& at)
{
    return memberFor(rotation, QStringLiteral("rotation_group"), ShiftClock(rotation).at(at).index);
}

QStringList policyOnCallAt(const SimContext& ctx, const QString& policySlug, const QDateTime& at)
{
    const auto policy = ctx.org.policies.constFind(policySlug);
    if (policy == ctx.org.policies.cend())
        return {};
    return usersOf(slotsAt(ctx.org, *policy, 0, at));
}

void ensureRotationIds(SimOrg& org)
{
    QList<SimRotation*> missing;
    for (SimRotation& rotation : org.rotations) {
        org.lastRotationGroupId = qMax(org.lastRotationGroupId, rotation.groupId);
        org.lastShiftId = qMax(org.lastShiftId, rotation.shiftId);
        if (rotation.groupId == 0 || (rotation.hasShift && rotation.shiftId == 0))
            missing.append(&rotation);
    }
    // Seeded ids look like the vendor's (four-digit groups, shifts in the nine thousands) and
    // follow the slugs' order, so a seed always gives the same ids.
    org.lastRotationGroupId = qMax(org.lastRotationGroupId, 4400);
    org.lastShiftId = qMax(org.lastShiftId, 9000);
    for (SimRotation* rotation : std::as_const(missing)) {
        if (rotation->groupId == 0)
            rotation->groupId = ++org.lastRotationGroupId;
        if (rotation->hasShift && rotation->shiftId == 0)
            rotation->shiftId = ++org.lastShiftId;
    }
}

} // namespace rota::sim
