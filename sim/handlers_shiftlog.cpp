// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The reporting API's shift log of a team: who was on call for which policy when, from the
// rotations (computed by the schedule engine, schedules.h) and the stored takes.
#include "oncallshapes.h"
#include "schedules.h"
#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace rota::sim {

namespace {

constexpr qint64 maxLogWindowDays = 366;

QList<Interval> merged(QList<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end());
    QList<Interval> out;
    for (const Interval& interval : intervals) {
        if (interval.second <= interval.first)
            continue;
        if (!out.isEmpty() && interval.first <= out.last().second)
            out.last().second = std::max(out.last().second, interval.second);
        else
            out.append(interval);
    }
    return out;
}

qint64 totalMinutes(const QList<Interval>& intervals)
{
    qint64 ms = 0;
    for (const Interval& interval : intervals)
        ms += interval.first.msecsTo(interval.second);
    return ms / 60000;
}

QJsonObject hoursMinutes(qint64 minutes)
{
    return { { QStringLiteral("hours"), minutes / 60 },
        { QStringLiteral("minutes"), minutes % 60 } };
}

} // namespace

void registerShiftLogRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-reporting/v1/team/{team}/oncall/log"), 60,
        [&ctx](const SimRequest& request) {
            const SimOrg& org = ctx.org;
            const auto team = org.teams.constFind(request.arg(0));
            if (team == org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            const QDateTime now = ctx.now();
            const QDate today = now.toUTC().date();
            QDateTime start(today, QTime(0, 0), QTimeZone::utc());
            QDateTime end(today, QTime(23, 59, 59), QTimeZone::utc());
            for (const auto& [name, target] : { std::pair { QStringLiteral("start"), &start },
                     std::pair { QStringLiteral("end"), &end } }) {
                if (!request.query.hasQueryItem(name))
                    continue;
                *target = parseIsoTime(
                    request.query.queryItemValue(name, QUrl::FullyDecoded), QTimeZone::utc());
                if (!target->isValid())
                    return SimReply::badRequest(
                        QStringLiteral("query parameter '%1' must be an ISO 8601 time").arg(name));
            }
            if (end <= start)
                return SimReply::badRequest(
                    QStringLiteral("query parameter 'end' must be after 'start'"));
            if (start.daysTo(end) > maxLogWindowDays)
                return SimReply::badRequest(
                    QStringLiteral("the log window may span at most %1 days")
                        .arg(maxLogWindowDays));
            const QString onlyUser
                = request.query.queryItemValue(QStringLiteral("userName"), QUrl::FullyDecoded);
            if (!onlyUser.isEmpty() && !org.users.contains(onlyUser))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(onlyUser));

            // The log is history: nothing after the simulator's present.
            const QDateTime until = std::min(end, now);
            const QList<const SimPolicy*> policies = teamPolicies(org, team->slug);
            // user -> policy slug -> intervals
            QMap<QString, QMap<QString, QList<Interval>>> byUser;
            for (const SimPolicy* policy : policies) {
                const auto computed = computedIntervals(org, *policy, start, until);
                for (auto it = computed.cbegin(); it != computed.cend(); ++it)
                    byUser[it.key()][policy->slug] += it.value();
            }
            for (const SimShiftLogEntry& entry : org.shiftLog) {
                if (entry.teamSlug != team->slug || policies.isEmpty())
                    continue;
                const QDateTime on = std::max(entry.on, start);
                const QDateTime off = std::min(entry.off.isValid() ? entry.off : now, until);
                if (off <= on)
                    continue;
                // An entry for a policy since deleted still counts for the team, under its first
                // policy.
                const QString policySlug = org.policies.contains(entry.policySlug)
                        && org.policies.value(entry.policySlug).teamSlug == team->slug
                    ? entry.policySlug
                    : policies.first()->slug;
                byUser[entry.username][policySlug].append({ on, off });
            }
            if (!onlyUser.isEmpty()) {
                const auto mine = byUser.value(onlyUser);
                byUser.clear();
                byUser.insert(onlyUser, mine);
            }

            QJsonArray userLogs;
            for (auto user = byUser.cbegin(); user != byUser.cend(); ++user) {
                struct Row {
                    Interval interval;
                    const SimPolicy* policy;
                };
                QList<Row> rows;
                QList<Interval> all;
                qint64 total = 0;
                for (auto perPolicy = user->cbegin(); perPolicy != user->cend(); ++perPolicy) {
                    const QList<Interval> intervals = merged(perPolicy.value());
                    total += totalMinutes(intervals);
                    all += intervals;
                    const SimPolicy* policy = &org.policies.find(perPolicy.key()).value();
                    for (const Interval& interval : intervals)
                        rows.append({ interval, policy });
                }
                std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                    return a.interval.first == b.interval.first
                        ? a.policy->slug < b.policy->slug
                        : a.interval.first < b.interval.first;
                });
                QJsonArray log;
                for (const Row& row : std::as_const(rows)) {
                    log.append(QJsonObject { { QStringLiteral("on"), isoUtc(row.interval.first) },
                        { QStringLiteral("off"), isoUtc(row.interval.second) },
                        { QStringLiteral("duration"),
                            hoursMinutes(totalMinutes({ row.interval })) },
                        { QStringLiteral("escalationPolicy"), policySummary(*row.policy) } });
                }
                // total counts each policy's time; adjustedTotal counts time on call for two
                // policies at once only once.
                userLogs.append(QJsonObject { { QStringLiteral("userId"), user.key() },
                    { QStringLiteral("total"), hoursMinutes(total) },
                    { QStringLiteral("adjustedTotal"), hoursMinutes(totalMinutes(merged(all))) },
                    { QStringLiteral("log"), log } });
            }
            return SimReply::json(QJsonObject { { QStringLiteral("teamSlug"), team->slug },
                { QStringLiteral("start"), isoUtc(start) }, { QStringLiteral("end"), isoUtc(end) },
                { QStringLiteral("userLogs"), userLogs } });
        });
}

} // namespace rota::sim
