// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// HistoryMetrics against figures worked out by hand: the nearest-rank percentile, the figures of
// a fixed history of seven incidents in UTC and in Europe/Berlin (days, weeks, groups, the
// noisiest, the heat map, my numbers), days across the changes of summer time, the time on call
// from overlapping shifts; and the search (HistoryFilter) and the compact record
// (HistoryIncident::fromIncident) the figures are drawn from.

#include "historyhelpers.h"
#include "historymetrics.h"

#include <QTest>
#include <QTimeZone>

using namespace rota;
using namespace rota::testing;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Hour = 3600 * Second;

qint64 utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toMSecsSinceEpoch();
}

HistoryIncident record(qint64 number, qint64 startMs, qint64 ttaS, qint64 ttrS,
    const QStringList& teams, const QString& routingKey, const QString& service,
    const QString& host, const QStringList& paged, const QString& ackedBy,
    const QString& resolvedBy)
{
    HistoryIncident h;
    h.number = number;
    h.startMs = startMs;
    h.ackMs = ttaS >= 0 ? startMs + ttaS * Second : -1;
    h.resolveMs = ttrS >= 0 ? startMs + ttrS * Second : -1;
    h.phase = h.resolveMs >= 0 ? Phase::Resolved
        : h.ackMs >= 0         ? Phase::Acknowledged
                               : Phase::Triggered;
    h.teams = teams;
    h.routingKey = routingKey;
    h.service = service;
    h.host = host;
    h.pagedUsers = paged;
    h.ackedBy = ackedBy;
    h.resolvedBy = resolvedBy;
    h.summary = QStringLiteral("%1 on %2").arg(service, host);
    h.entityId = QStringLiteral("%1/%2").arg(host, service);
    return h;
}

// The seven incidents of January 2026 the expected figures below were worked out from
// (Monday 5 January to Wednesday 14 January; Berlin is UTC+1 then).
QList<HistoryIncident> sevenIncidents()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    const QString carol = QStringLiteral("carol");
    const QString ops = QStringLiteral("ops");
    const QString dba = QStringLiteral("dba");
    const QString web = QStringLiteral("web");
    const QString db = QStringLiteral("db");
    const QString http = QStringLiteral("http");
    const QString pg = QStringLiteral("postgres");
    return {
        record(101, utc(2026, 1, 5, 6, 30), 60, 600, { ops }, web, http, QStringLiteral("web-1"),
            { alice }, alice, alice),
        record(102, utc(2026, 1, 5, 23, 30), 300, 1800, { ops, dba }, db, pg,
            QStringLiteral("db-1"), { alice, bob }, bob, alice),
        record(103, utc(2026, 1, 6, 3, 15), 120, -1, { dba }, db, pg, QStringLiteral("db-1"),
            { bob }, bob, {}),
        record(104, utc(2026, 1, 8, 12, 0), -1, 900, { ops }, web, http, QStringLiteral("web-2"),
            { alice }, {}, QStringLiteral("nagios")),
        record(105, utc(2026, 1, 11, 23, 30), 30, 3600, {}, {}, {}, {}, { alice }, alice, bob),
        record(106, utc(2026, 1, 12, 6, 30), 600, 1200, { ops }, web, http, QStringLiteral("web-1"),
            { carol }, carol, carol),
        record(107, utc(2026, 1, 14, 18, 0), -1, -1, { dba }, db, pg, QStringLiteral("db-2"),
            { alice }, {}, {}),
    };
}

QList<const HistoryIncident*> pointers(const QList<HistoryIncident>& list)
{
    QList<const HistoryIncident*> out;
    for (const HistoryIncident& h : list)
        out.append(&h);
    return out;
}

QList<ShiftRecord> aliceShifts()
{
    const auto shift = [](const QString& user, const QString& policy, qint64 on, qint64 off) {
        return ShiftRecord { QStringLiteral("ops"), user, policy, policy, on, off };
    };
    const QString alice = QStringLiteral("alice");
    return {
        shift(alice, QStringLiteral("pol-a"), utc(2025, 12, 31, 23, 30), utc(2026, 1, 1, 8)),
        // Overlaps the one before: only 08:00 to 10:00 is new.
        shift(alice, QStringLiteral("pol-b"), utc(2026, 1, 1, 6), utc(2026, 1, 1, 10)),
        shift(alice, QStringLiteral("pol-a"), utc(2026, 1, 10, 0), utc(2026, 1, 11, 0)),
        shift(QStringLiteral("bob"), QStringLiteral("pol-a"), utc(2026, 1, 10, 0),
            utc(2026, 1, 12, 0)),
        shift(alice, QStringLiteral("pol-a"), utc(2026, 1, 20, 6), -1), // still on
        shift(alice, QStringLiteral("pol-b"), utc(2026, 1, 31, 22), utc(2026, 2, 1, 4)),
    };
}

QList<int> counts(const QList<HistoryBucket>& buckets)
{
    QList<int> out;
    for (const HistoryBucket& b : buckets)
        out << b.figures.count;
    return out;
}

QStringList keys(const QList<HistoryGroup>& groups)
{
    QStringList out;
    for (const HistoryGroup& g : groups)
        out << QStringLiteral("%1=%2").arg(g.key, QString::number(g.figures.count));
    return out;
}

using Heat = std::array<std::array<int, 24>, 7>;

Heat heatOf(std::initializer_list<std::array<int, 3>> cells)
{
    Heat heat {};
    for (const auto& [day, hour, n] : cells)
        heat[size_t(day)][size_t(hour)] = n;
    return heat;
}

} // namespace

class TestHistoryMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentileByNearestRank()
    {
        using HistoryMetrics::percentile;
        QCOMPARE(percentile({}, 50), -1.0);
        QCOMPARE(percentile({ 5 }, 50), 5.0);
        QCOMPARE(percentile({ 5 }, 90), 5.0);
        const QList<qint64> ten { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        QCOMPARE(percentile(ten, 50), 5.0);
        QCOMPARE(percentile(ten, 90), 9.0);
        QCOMPARE(percentile(ten, 91), 10.0);
        QCOMPARE(percentile(ten, 100), 10.0);
        QCOMPARE(percentile(ten, 0), 1.0);
        const QList<qint64> five { 15, 20, 35, 40, 50 };
        QCOMPARE(percentile(five, 5), 15.0);
        QCOMPARE(percentile(five, 30), 20.0);
        QCOMPARE(percentile(five, 40), 20.0);
        QCOMPARE(percentile(five, 50), 35.0);
        QCOMPARE(percentile(five, 90), 50.0);
        QCOMPARE(percentile({ 3, 1, 2 }, 50), 2.0);
        QCOMPARE(percentile({ 1, 2, 3, 4 }, 50), 2.0); // not the mean of the two middle ones
        QCOMPARE(percentile({ 1, 2, 3, 4 }, 75), 3.0);
    }

    void figuresOfTheSevenInUtc()
    {
        const QList<HistoryIncident> seven = sevenIncidents();
        const HistoryReport r = HistoryMetrics::compute(pointers(seven), QStringLiteral("alice"),
            aliceShifts(), QTimeZone::utc(), QDateTime(QDate(2026, 1, 20), QTime(12, 0), Qt::UTC));

        QCOMPARE(r.matching, 7);
        QCOMPARE(r.overall.count, 7);
        QCOMPARE(r.overall.acknowledged, 5);
        QCOMPARE(r.overall.resolved, 5);
        // Acknowledged after 30, 60, 120, 300, 600 s; resolved after 600, 900, 1200, 1800, 3600.
        QCOMPARE(r.overall.ttaMedian, 120.0);
        QCOMPARE(r.overall.ttaP90, 600.0);
        QCOMPARE(r.overall.ttrMedian, 1200.0);
        QCOMPARE(r.overall.ttrP90, 3600.0);

        QCOMPARE(r.perDay.size(), 10);
        QCOMPARE(r.perDay.first().start, QDate(2026, 1, 5));
        QCOMPARE(r.perDay.last().start, QDate(2026, 1, 14));
        QCOMPARE(counts(r.perDay), QList<int>({ 2, 1, 0, 1, 0, 0, 1, 1, 0, 1 }));
        QCOMPARE(r.perDay.at(0).figures.ttaMedian, 60.0);
        QCOMPARE(r.perDay.at(0).figures.ttaP90, 300.0);
        QCOMPARE(r.perDay.at(0).figures.ttrMedian, 600.0);
        QCOMPARE(r.perDay.at(0).figures.ttrP90, 1800.0);
        QCOMPARE(r.perDay.at(2).figures.ttaMedian, -1.0); // a day without incidents
        QCOMPARE(r.perDay.at(9).figures.acknowledged, 0);
        QCOMPARE(r.perDay.at(9).figures.ttaMedian, -1.0);

        QCOMPARE(r.perWeek.size(), 2);
        QCOMPARE(r.perWeek.at(0).start, QDate(2026, 1, 5));
        QCOMPARE(r.perWeek.at(1).start, QDate(2026, 1, 12));
        QCOMPARE(counts(r.perWeek), QList<int>({ 5, 2 }));

        QCOMPARE(keys(r.byTeam),
            QStringList(
                { QStringLiteral("ops=4"), QStringLiteral("dba=3"), QStringLiteral("=1") }));
        const HistoryFigures& ops = r.byTeam.at(0).figures;
        QCOMPARE(ops.acknowledged, 3);
        QCOMPARE(ops.resolved, 4);
        QCOMPARE(ops.ttaMedian, 300.0); // 60, 300, 600
        QCOMPARE(ops.ttaP90, 600.0);
        QCOMPARE(ops.ttrMedian, 900.0); // 600, 900, 1200, 1800
        QCOMPARE(ops.ttrP90, 1800.0);
        const HistoryFigures& dba = r.byTeam.at(1).figures;
        QCOMPARE(dba.ttaMedian, 120.0); // 120, 300
        QCOMPARE(dba.ttaP90, 300.0);
        QCOMPARE(dba.resolved, 1);
        QCOMPARE(dba.ttrMedian, 1800.0);

        QCOMPARE(keys(r.byRoutingKey),
            QStringList({ QStringLiteral("db=3"), QStringLiteral("web=3"), QStringLiteral("=1") }));
        QCOMPARE(keys(r.byService),
            QStringList(
                { QStringLiteral("http=3"), QStringLiteral("postgres=3"), QStringLiteral("=1") }));
        QCOMPARE(keys(r.noisiestHosts),
            QStringList({ QStringLiteral("db-1=2"), QStringLiteral("web-1=2"),
                QStringLiteral("db-2=1"), QStringLiteral("web-2=1") }));
        QCOMPARE(keys(r.noisiestServices),
            QStringList({ QStringLiteral("http=3"), QStringLiteral("postgres=3") }));
        QCOMPARE(r.noisiestHosts.at(1).figures.ttaMedian, 60.0); // web-1: 60, 600

        QVERIFY(r.heat
            == heatOf({ { 0, 6, 2 }, { 0, 23, 1 }, { 1, 3, 1 }, { 3, 12, 1 }, { 6, 23, 1 },
                { 2, 18, 1 } }));

        QCOMPARE(r.mine.pagesReceived, 5);
        QCOMPARE(r.mine.pagesAtNight, 3); // 06:30, 23:30 and 23:30
        QCOMPARE(r.mine.acknowledgedByMe, 2);
        QCOMPARE(r.mine.resolvedByMe, 2);
        // 8 h + 2 h (the overlap once) + 24 h + 6 h so far + 2 h before February.
        QCOMPARE(r.mine.onCallSecondsThisMonth, 151200);

        QList<qint64> order;
        for (const HistoryIncident& h : r.rows)
            order << h.number;
        QCOMPARE(order, QList<qint64>({ 107, 106, 105, 104, 103, 102, 101 }));
    }

    void figuresOfTheSevenInBerlin()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        QVERIFY(berlin.isValid());
        const QList<HistoryIncident> seven = sevenIncidents();
        QList<const HistoryIncident*> shuffled = pointers(seven);
        std::reverse(shuffled.begin(), shuffled.end()); // any order in
        const HistoryReport r = HistoryMetrics::compute(shuffled, QStringLiteral("alice"),
            aliceShifts(), berlin, QDateTime(QDate(2026, 1, 20), QTime(12, 0), Qt::UTC));

        // An hour later: 23:30 on the 5th is the 6th, 23:30 on Sunday the 11th is Monday.
        QCOMPARE(r.perDay.size(), 10);
        QCOMPARE(r.perDay.first().start, QDate(2026, 1, 5));
        QCOMPARE(counts(r.perDay), QList<int>({ 1, 2, 0, 1, 0, 0, 0, 2, 0, 1 }));
        QCOMPARE(counts(r.perWeek), QList<int>({ 4, 3 }));
        QCOMPARE(r.perWeek.at(1).start, QDate(2026, 1, 12));
        QVERIFY(r.heat
            == heatOf({ { 0, 7, 2 }, { 1, 0, 1 }, { 1, 4, 1 }, { 3, 13, 1 }, { 0, 0, 1 },
                { 2, 19, 1 } }));
        QCOMPARE(r.mine.pagesAtNight, 2); // 07:30 is morning in Berlin
        // January in Berlin starts at 23:00 UTC on the 31st and ends at 23:00 UTC on the 31st:
        // 8.5 h + 2 h + 24 h + 6 h + 1 h.
        QCOMPARE(r.mine.onCallSecondsThisMonth, 149400);
        QCOMPARE(r.overall.ttaMedian, 120.0); // times to act do not depend on the zone
    }

    void daysAcrossSummerTime()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const QList<HistoryIncident> four {
            record(1, utc(2026, 3, 29, 0, 59), -1, -1, {}, {}, {}, {}, {}, {}, {}), // 01:59 CET
            record(2, utc(2026, 3, 29, 1, 0), -1, -1, {}, {}, {}, {}, {}, {}, {}), // 03:00 CEST
            record(3, utc(2026, 10, 25, 0, 59), -1, -1, {}, {}, {}, {}, {}, {}, {}), // 02:59 CEST
            record(4, utc(2026, 10, 25, 1, 0), -1, -1, {}, {}, {}, {}, {}, {}, {}), // 02:00 CET
            record(5, utc(2026, 10, 25, 22, 59), -1, -1, {}, {}, {}, {}, {}, {}, {}), // 23:59 CET
        };
        const HistoryReport r = HistoryMetrics::compute(
            pointers(four), {}, {}, berlin, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(r.perDay.size(), 211); // 29 March to 25 October
        QCOMPARE(r.perDay.first().figures.count, 2);
        QCOMPARE(r.perDay.last().start, QDate(2026, 10, 25));
        QCOMPARE(r.perDay.last().figures.count, 3);
        QCOMPARE(r.heat[6][1], 1);
        QCOMPARE(r.heat[6][3], 1);
        QCOMPARE(r.heat[6][2], 2);
        QCOMPARE(r.heat[6][23], 1);
        QCOMPARE(r.perWeek.first().start, QDate(2026, 3, 23));
        QCOMPARE(r.perWeek.last().start, QDate(2026, 10, 19));
        QCOMPARE(r.mine.pagesReceived, 0); // nobody asked
    }

    void onCallTimeCountsOverlapsOnce()
    {
        using HistoryMetrics::onCallSeconds;
        const auto s = [](const QString& user, qint64 on, qint64 off) {
            return ShiftRecord { QStringLiteral("t"), user, QStringLiteral("p"), {}, on, off };
        };
        const QString u = QStringLiteral("u");
        const qint64 h = Hour;
        QCOMPARE(onCallSeconds({}, u, 0, 100 * h, 100 * h), 0);
        // Nested, overlapping, touching and separate stints: [1,5) [2,3) [4,6) [6,7) [9,10).
        const QList<ShiftRecord> shifts { s(u, 1 * h, 5 * h), s(u, 2 * h, 3 * h),
            s(u, 4 * h, 6 * h), s(u, 6 * h, 7 * h), s(u, 9 * h, 10 * h),
            s(QStringLiteral("other"), 0, 50 * h) };
        QCOMPARE(onCallSeconds(shifts, u, 0, 100 * h, 100 * h), 7 * 3600);
        QCOMPARE(onCallSeconds(shifts, u, 3 * h, 9 * h + 1800 * Second, 100 * h),
            4 * 3600 + 1800); // [3,7) and half of [9,10)
        QCOMPARE(onCallSeconds(shifts, u, 20 * h, 30 * h, 100 * h), 0);
        // Still on call: up to now, and never past the window.
        QCOMPARE(onCallSeconds({ s(u, 10 * h, -1) }, u, 0, 100 * h, 12 * h), 2 * 3600);
        QCOMPARE(onCallSeconds({ s(u, 10 * h, -1) }, u, 0, 11 * h, 12 * h), 3600);
        QCOMPARE(onCallSeconds({ s(u, 10 * h, -1) }, u, 0, 100 * h, 9 * h), 0);
    }

    void rowsAreNewestFirstAndLimited()
    {
        QList<HistoryIncident> many;
        const int total = HistoryReport::RowLimit + 37;
        for (int n = 1; n <= total; ++n) // oldest first, the opposite of the rows
            many.append(record(n, utc(2026, 1, 1, 0) + n * 60 * Second, -1, -1, {},
                QStringLiteral("k"), {}, {}, {}, {}, {}));
        const HistoryReport r = HistoryMetrics::compute(
            pointers(many), {}, {}, QTimeZone::utc(), QDateTime::currentDateTimeUtc());
        QCOMPARE(r.matching, total);
        QCOMPARE(r.overall.count, total);
        QCOMPARE(r.rows.size(), HistoryReport::RowLimit);
        QCOMPARE(r.rows.first().number, total);
        QCOMPARE(r.rows.last().number, 38);
        QCOMPARE(r.byRoutingKey.size(), 1);
        QVERIFY(r.noisiestHosts.isEmpty()); // no host named
        QVERIFY(r.noisiestServices.isEmpty());
    }

    void noIncidentsNoFigures()
    {
        const HistoryReport r = HistoryMetrics::compute(
            {}, QStringLiteral("alice"), {}, QTimeZone::utc(), QDateTime::currentDateTimeUtc());
        QCOMPARE(r.matching, 0);
        QCOMPARE(r.overall.ttaMedian, -1.0);
        QVERIFY(r.perDay.isEmpty());
        QVERIFY(r.perWeek.isEmpty());
        QVERIFY(r.byTeam.isEmpty());
        QVERIFY(r.rows.isEmpty());
    }

    void compactRecordOfAnIncident()
    {
        Incident i = historyIncident(77, utc(2026, 2, 1, 10), utc(2026, 2, 1, 10, 5),
            utc(2026, 2, 1, 11), QStringLiteral("bob"), QStringLiteral("carol"));
        // Acknowledged again later, triggered again and resolved again: the first
        // acknowledgement and the last resolution count.
        i.transitions.append(
            transition(Phase::Acknowledged, utc(2026, 2, 1, 11, 30), QStringLiteral("dave"), true));
        i.transitions.append(
            transition(Phase::Resolved, utc(2026, 2, 1, 12), QStringLiteral("erin"), true));
        HistoryIncident h = HistoryIncident::fromIncident(i);
        QCOMPARE(h.number, 77);
        QCOMPARE(h.startMs, utc(2026, 2, 1, 10));
        QCOMPARE(h.ackMs, utc(2026, 2, 1, 10, 5));
        QCOMPARE(h.ackedBy, QStringLiteral("bob"));
        QCOMPARE(h.resolveMs, utc(2026, 2, 1, 12));
        QCOMPARE(h.resolvedBy, QStringLiteral("erin"));
        QCOMPARE(h.secondsToAck(), 300);
        QCOMPARE(h.secondsToResolve(), 7200);
        QCOMPARE(h.summary, i.entityDisplayName);
        QCOMPARE(h.teams, i.pagedTeams);
        QCOMPARE(h.pagedUsers, i.pagedUsers);
        QCOMPARE(h.routingKey, i.routingKey);

        i.entityDisplayName.clear();
        i.transitions.clear();
        h = HistoryIncident::fromIncident(i);
        QCOMPARE(h.summary, i.entityId);
        QCOMPARE(h.ackMs, -1);
        QCOMPARE(h.resolveMs, -1);
        QVERIFY(h.ackedBy.isEmpty());
        QCOMPARE(h.secondsToAck(), -1);
    }

    void filterMatches()
    {
        HistoryIncident h = sevenIncidents().at(1); // 102: db-1/postgres, ops and dba, resolved
        h.summary = QStringLiteral("Replication LAG on primary");
        HistoryFilter f;
        QVERIFY(f.matches(h));

        f.text = QStringLiteral("lag  PRIMARY");
        QVERIFY(f.matches(h));
        f.text = QStringLiteral("lag secondary"); // every word must be found
        QVERIFY(!f.matches(h));
        f.text = QStringLiteral("POSTGRES db-1"); // service and host
        QVERIFY(f.matches(h));
        f.text = QStringLiteral("10"); // the number
        QVERIFY(f.matches(h));
        f.text = QStringLiteral("103");
        QVERIFY(!f.matches(h));
        f.text = QStringLiteral("DB");
        QVERIFY(f.matches(h)); // the routing key
        f.text.clear();

        f.team = QStringLiteral("dba");
        QVERIFY(f.matches(h));
        f.team = QStringLiteral("db");
        QVERIFY(!f.matches(h)); // a team is named whole
        f.team.clear();

        f.routingKey = QStringLiteral("db");
        QVERIFY(f.matches(h));
        f.routingKey = QStringLiteral("DB");
        QVERIFY(!f.matches(h));
        f.routingKey.clear();
        f.service = QStringLiteral("postgres");
        f.host = QStringLiteral("db-1");
        QVERIFY(f.matches(h));
        f.host = QStringLiteral("db-2");
        QVERIFY(!f.matches(h));
        f.host.clear();
        f.service.clear();

        f.phases = { Phase::Triggered, Phase::Acknowledged };
        QVERIFY(!f.matches(h));
        f.phases.append(Phase::Resolved);
        QVERIFY(f.matches(h));
        f.phases.clear();

        const QDateTime start = QDateTime::fromMSecsSinceEpoch(h.startMs, Qt::UTC);
        f.from = start;
        QVERIFY(f.matches(h)); // from is inclusive
        f.to = start;
        QVERIFY(!f.matches(h)); // to is not
        f.to = start.addMSecs(1);
        QVERIFY(f.matches(h));
        f.from = start.addMSecs(1);
        QVERIFY(!f.matches(h));

        HistoryFilter g = f;
        QVERIFY(g == f);
        g.text = QStringLiteral("x");
        QVERIFY(g != f);
    }
};

QTEST_GUILESS_MAIN(TestHistoryMetrics)
#include "tst_historymetrics.moc"
