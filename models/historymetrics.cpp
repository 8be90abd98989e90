// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "historymetrics.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <utility>

namespace rota::HistoryMetrics {

namespace {

constexpr qint64 MsPerDay = qint64(24) * 60 * 60 * 1000;
constexpr qint64 MsPerHour = qint64(60) * 60 * 1000;
constexpr qint64 UnixEpochJulianDay = 2440588;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

//! Local days and hours of UTC instants in one zone. Asking QTimeZone for every one of 100,000
//! incidents costs more than all the figures together; the zone's offset only changes at its
//! transitions, so each stretch between two transitions is asked once and kept.
class LocalClock {
public:
    explicit LocalClock(const QTimeZone& zone)
        : m_zone(zone.isValid() ? zone : QTimeZone::utc())
        , m_fixed(!m_zone.hasTransitions())
    {
        if (m_fixed)
            m_fixedOffset = m_zone.offsetFromUtc(QDateTime::currentDateTimeUtc());
    }

    struct Local {
        QDate date;
        int hour = 0;
    };

    Local at(qint64 utcMs)
    {
        const qint64 local = utcMs + qint64(offsetAt(utcMs)) * 1000;
        const qint64 day = floorDiv(local, MsPerDay);
        return { QDate::fromJulianDay(UnixEpochJulianDay + day),
            int((local - day * MsPerDay) / MsPerHour) };
    }

    //! The local midnight that starts `date`, as UTC ms.
    qint64 startOf(const QDate& date) const
    {
        return QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch();
    }

private:
    struct Stretch {
        qint64 fromMs;
        qint64 toMs; //!< exclusive
        int offset;
    };

    int offsetAt(qint64 utcMs)
    {
        if (m_fixed)
            return m_fixedOffset;
        if (m_last >= 0 && m_last < m_stretches.size()) {
            const Stretch& s = m_stretches.at(m_last);
            if (s.fromMs <= utcMs && utcMs < s.toMs)
                return s.offset;
        }
        for (qsizetype i = 0; i < m_stretches.size(); ++i) {
            const Stretch& s = m_stretches.at(i);
            if (s.fromMs <= utcMs && utcMs < s.toMs) {
                m_last = i;
                return s.offset;
            }
        }
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
        // previousTransition() gives the one strictly before: ask just after the instant, so a
        // transition at that very instant counts.
        const QTimeZone::OffsetData before = m_zone.previousTransition(at.addMSecs(1));
        const QTimeZone::OffsetData after = m_zone.nextTransition(at);
        Stretch s { before.atUtc.isValid() ? before.atUtc.toMSecsSinceEpoch()
                                           : std::numeric_limits<qint64>::min(),
            after.atUtc.isValid() ? after.atUtc.toMSecsSinceEpoch()
                                  : std::numeric_limits<qint64>::max(),
            m_zone.offsetFromUtc(at) };
        if (!(s.fromMs <= utcMs && utcMs < s.toMs)) {
            // The zone's answers do not frame the instant: keep this one instant only.
            s.fromMs = utcMs;
            s.toMs = utcMs + 1;
        }
        m_stretches.append(s);
        m_last = m_stretches.size() - 1;
        return s.offset;
    }

    QTimeZone m_zone;
    bool m_fixed = false;
    int m_fixedOffset = 0;
    QList<Stretch> m_stretches;
    qsizetype m_last = -1;
};

// The nearest-rank percentile without sorting: the value at the rank is found in linear time
// (std::nth_element), which matters when a report asks for hundreds of groups' figures. Leaves
// `values` reordered.
double nearestRank(QList<qint64>& values, double p)
{
    if (values.isEmpty())
        return -1;
    const qint64 n = values.size();
    // The rank is ceil(p% of n); the tiny margin keeps 90% of 10 at rank 9 whatever the
    // rounding of p * n.
    const qint64 rank = std::clamp<qint64>(qint64(std::ceil(p * double(n) / 100.0 - 1e-9)), 1, n);
    const auto at = values.begin() + (rank - 1);
    std::nth_element(values.begin(), at, values.end());
    return double(*at);
}

bool moreFirst(const HistoryGroup& a, const HistoryGroup& b)
{
    if (a.figures.count != b.figures.count)
        return a.figures.count > b.figures.count;
    return a.key < b.key;
}

//! The times of one incident, read once: a report counts each incident in its day, week, team,
//! routing key and service, and reading them from a small array each time is much cheaper than
//! going back to the incident (100,000 of them do not fit in a cache).
struct Times {
    qint64 tta; //!< seconds; -1: not acknowledged
    qint64 ttr; //!< seconds; -1: not resolved
};

//! Figures of the incidents at `members` (indices into `times`).
HistoryFigures figuresAt(const QList<int>& members, const QList<Times>& times)
{
    HistoryFigures f;
    f.count = int(members.size());
    QList<qint64> tta;
    QList<qint64> ttr;
    tta.reserve(members.size());
    ttr.reserve(members.size());
    for (const int i : members) {
        const Times& t = times.at(i);
        if (t.tta >= 0)
            tta.append(t.tta);
        if (t.ttr >= 0)
            ttr.append(t.ttr);
    }
    f.acknowledged = int(tta.size());
    f.resolved = int(ttr.size());
    f.ttaMedian = nearestRank(tta, 50);
    f.ttaP90 = nearestRank(tta, 90);
    f.ttrMedian = nearestRank(ttr, 50);
    f.ttrP90 = nearestRank(ttr, 90);
    return f;
}

//! Incidents grouped by a text (a team, a routing key…). The store shares each repeated text
//! among its incidents, so a text is looked up by where its characters are first, and only a
//! text not seen there before is hashed.
class Grouping {
public:
    void add(const QString& key, int incident)
    {
        const std::pair<const QChar*, qsizetype> where { key.constData(), key.size() };
        if (m_last && m_lastWhere == where) {
            m_last->append(incident);
            return;
        }
        QList<int>* slot = m_byWhere.value(where);
        if (!slot) {
            slot = &m_members[key];
            // Texts that are not shared each lie somewhere else: past a few thousand places
            // the lookup by place only costs, and the text's hash does the work.
            if (m_byWhere.size() < MaxPlaces)
                m_byWhere.insert(where, slot);
        }
        slot->append(incident);
        m_last = slot;
        m_lastWhere = where;
    }
    //! The groups, most incidents first; at most `limit` (-1: all); the group of the empty
    //! text (incidents without one) only `withEmpty`.
    QList<HistoryGroup> groups(
        const QList<Times>& times, int limit = -1, bool withEmpty = true) const
    {
        // Counting first and computing the times only for the groups kept: 2,000 hosts need
        // their times for the 15 shown only.
        QList<HistoryGroup> out;
        out.reserve(m_members.size());
        for (const auto& [key, members] : m_members) {
            if (key.isEmpty() && !withEmpty)
                continue;
            HistoryGroup g;
            g.key = key;
            g.figures.count = int(members.size());
            out.append(g);
        }
        std::sort(out.begin(), out.end(), moreFirst);
        if (limit >= 0 && out.size() > limit)
            out.resize(limit);
        for (HistoryGroup& g : out)
            g.figures = figuresAt(m_members.at(g.key), times);
        return out;
    }

private:
    static constexpr qsizetype MaxPlaces = 4096;
    // Node-based: a group's list never moves, so the slots kept in m_byWhere stay valid.
    std::unordered_map<QString, QList<int>> m_members;
    QHash<std::pair<const QChar*, qsizetype>, QList<int>*> m_byWhere;
    QList<int>* m_last = nullptr;
    std::pair<const QChar*, qsizetype> m_lastWhere { nullptr, -1 };
};

QList<HistoryBucket> buckets(
    const QDate& first, int daysEach, const QList<QList<int>>& members, const QList<Times>& times)
{
    QList<HistoryBucket> out;
    out.reserve(members.size());
    for (qsizetype i = 0; i < members.size(); ++i)
        out.append({ first.addDays(i * daysEach), figuresAt(members.at(i), times) });
    return out;
}

bool newerFirst(const HistoryIncident* a, const HistoryIncident* b)
{
    if (a->startMs != b->startMs)
        return a->startMs > b->startMs;
    return a->number > b->number;
}

} // namespace

double percentile(QList<qint64> values, double p) { return nearestRank(values, p); }

HistoryFigures figures(const QList<const HistoryIncident*>& incidents)
{
    QList<Times> times;
    times.reserve(incidents.size());
    QList<int> all;
    all.reserve(incidents.size());
    for (const HistoryIncident* incident : incidents) {
        all.append(int(times.size()));
        times.append({ incident->secondsToAck(), incident->secondsToResolve() });
    }
    return figuresAt(all, times);
}

HistoryReport compute(const QList<const HistoryIncident*>& matching, const QString& me,
    const QList<ShiftRecord>& shifts, const QTimeZone& zone, const QDateTime& now)
{
    HistoryReport report;
    report.matching = int(matching.size());

    LocalClock clock(zone);
    QList<Times> times; // of matching[i]
    times.reserve(matching.size());
    QList<int> all;
    all.reserve(matching.size());
    QList<QDate> dates(matching.size()); // invalid: no start
    Grouping byTeam;
    Grouping byRoutingKey;
    Grouping byService;
    Grouping byHost;
    QDate firstDay;
    QDate lastDay;
    for (qsizetype at = 0; at < matching.size(); ++at) {
        const HistoryIncident* incident = matching.at(at);
        const int i = int(at);
        all.append(i);
        times.append({ incident->secondsToAck(), incident->secondsToResolve() });
        if (incident->startMs >= 0) {
            const LocalClock::Local local = clock.at(incident->startMs);
            dates[at] = local.date;
            if (!firstDay.isValid() || local.date < firstDay)
                firstDay = local.date;
            if (!lastDay.isValid() || local.date > lastDay)
                lastDay = local.date;
            const int weekday = local.date.dayOfWeek() - 1;
            ++report.heat[size_t(weekday)][size_t(local.hour)];
            if (!me.isEmpty() && incident->pagedUsers.contains(me)
                && (local.hour >= 22 || local.hour < 7))
                ++report.mine.pagesAtNight;
        }
        if (incident->teams.isEmpty()) {
            byTeam.add(QString(), i);
        } else {
            for (qsizetype t = 0; t < incident->teams.size(); ++t) {
                const QString& team = incident->teams.at(t);
                // A team named twice in one incident still counts that incident once.
                if (incident->teams.indexOf(team) == t)
                    byTeam.add(team, i);
            }
        }
        byRoutingKey.add(incident->routingKey, i);
        byService.add(incident->service, i);
        if (!incident->host.isEmpty())
            byHost.add(incident->host, i);
        if (!me.isEmpty()) {
            if (incident->pagedUsers.contains(me))
                ++report.mine.pagesReceived;
            if (incident->ackedBy == me)
                ++report.mine.acknowledgedByMe;
            if (incident->resolvedBy == me)
                ++report.mine.resolvedByMe;
        }
    }
    report.overall = figuresAt(all, times);

    if (firstDay.isValid()) {
        QList<QList<int>> perDay(firstDay.daysTo(lastDay) + 1);
        const QDate firstWeek = firstDay.addDays(1 - firstDay.dayOfWeek());
        QList<QList<int>> perWeek(firstWeek.daysTo(lastDay) / 7 + 1);
        for (qsizetype at = 0; at < dates.size(); ++at) {
            const QDate& date = dates.at(at);
            if (!date.isValid())
                continue;
            perDay[firstDay.daysTo(date)].append(int(at));
            perWeek[firstWeek.daysTo(date) / 7].append(int(at));
        }
        report.perDay = buckets(firstDay, 1, perDay, times);
        report.perWeek = buckets(firstWeek, 7, perWeek, times);
    }

    report.byTeam = byTeam.groups(times);
    report.byRoutingKey = byRoutingKey.groups(times);
    report.byService = byService.groups(times);
    report.noisiestHosts = byHost.groups(times, HistoryReport::TopN);
    report.noisiestServices = byService.groups(times, HistoryReport::TopN, false);

    QList<const HistoryIncident*> rows = matching;
    const qsizetype shown = std::min<qsizetype>(rows.size(), HistoryReport::RowLimit);
    // The store keeps its incidents newest first, so this is mostly a check.
    if (!std::is_sorted(rows.cbegin(), rows.cend(), newerFirst))
        std::partial_sort(rows.begin(), rows.begin() + shown, rows.end(), newerFirst);
    report.rows.reserve(shown);
    for (qsizetype i = 0; i < shown; ++i)
        report.rows.append(*rows.at(i));

    if (!me.isEmpty() && now.isValid()) {
        const QDate today = clock.at(now.toMSecsSinceEpoch()).date;
        const QDate monthStart(today.year(), today.month(), 1);
        report.mine.onCallSecondsThisMonth = onCallSeconds(shifts, me, clock.startOf(monthStart),
            clock.startOf(monthStart.addMonths(1)), now.toMSecsSinceEpoch());
    }
    return report;
}

qint64 onCallSeconds(
    const QList<ShiftRecord>& shifts, const QString& user, qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    QList<std::pair<qint64, qint64>> spans;
    for (const ShiftRecord& shift : shifts) {
        if (shift.user != user || shift.onMs < 0)
            continue;
        const qint64 off = shift.offMs < 0 ? nowMs : shift.offMs;
        const qint64 start = std::max(shift.onMs, fromMs);
        const qint64 end = std::min(off, toMs);
        if (start < end)
            spans.append({ start, end });
    }
    std::sort(spans.begin(), spans.end());
    qint64 totalMs = 0;
    qint64 coveredTo = std::numeric_limits<qint64>::min();
    for (const auto& [start, end] : std::as_const(spans)) {
        // Time on call for two policies at once counts once: only what lies past the end of the
        // spans so far is new.
        const qint64 from = std::max(start, coveredTo);
        if (end > from)
            totalMs += end - from;
        coveredTo = std::max(coveredTo, end);
    }
    return totalMs / 1000;
}

} // namespace rota::HistoryMetrics
