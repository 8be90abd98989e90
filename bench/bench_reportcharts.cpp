// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Reports view with a big history: 100,000 synthetic incidents over a year (30 teams, 40
// routing keys, 60 services, 800 hosts, times to acknowledge of minutes and to resolve of hours),
// their report computed once by HistoryMetrics::compute, then shown by ReportsView::showReport
// and every tab painted (grab(), offscreen): the time from an answer of the store to the charts
// on screen. Runs alternate between the whole year and one team's year, so each one changes
// every chart and most of the incident table's rows (the newest 5,000 of each).
//
// Then, tab by tab, the report shown and only the tab on screen painted, as an answer of the store
// costs while people look at one tab.
//
// Usage: bench_reportcharts [runs] [--png DIR]   (build with -DCMAKE_BUILD_TYPE=Release)
// --png writes each tab, in a light and a dark palette, to DIR (to look at the layout).
#include "historymetrics.h"
#include "reportcharts.h"
#include "reportsview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPalette>
#include <QRandomGenerator>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace rota;

namespace {

constexpr int Incidents = 100'000;

QList<HistoryIncident> syntheticHistory(const QDateTime& now)
{
    QRandomGenerator random(20261205);
    const auto pick = [&random](int n) {
        // Skewed: low indexes far more often, as a few hosts make most of the noise.
        const double u = random.generateDouble();
        return std::min(n - 1, int(std::pow(u, 2.5) * n));
    };
    const QStringList people { QStringLiteral("alice"), QStringLiteral("bob"),
        QStringLiteral("carol"), QStringLiteral("dave"), QStringLiteral("erin") };
    QList<HistoryIncident> out;
    out.reserve(Incidents);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 yearMs = qint64(365) * 24 * 3600 * 1000;
    for (int i = 0; i < Incidents; ++i) {
        HistoryIncident inc;
        inc.number = 200'000 + i;
        // Evenly over the year, more by day than by night.
        qint64 start = nowMs - yearMs + qint64(double(i) / Incidents * yearMs);
        const int hour = QDateTime::fromMSecsSinceEpoch(start).time().hour();
        if ((hour < 7 || hour > 21) && random.bounded(3) != 0)
            start -= qint64(random.bounded(10)) * 3600 * 1000;
        inc.startMs = std::min(start, nowMs - 60'000);
        const int team = pick(30);
        const int host = pick(800);
        const int service = pick(60);
        inc.host = QStringLiteral("host-%1.prod").arg(host, 3, 10, QLatin1Char('0'));
        inc.service = QStringLiteral("service-%1").arg(service);
        inc.routingKey = QStringLiteral("route-%1").arg(pick(40));
        inc.teams = { QStringLiteral("team-%1").arg(team) };
        if (random.bounded(5) == 0)
            inc.teams.append(QStringLiteral("team-%1").arg(pick(30)));
        inc.summary = QStringLiteral("CRITICAL: %1 on %2 (check %3)")
                          .arg(inc.service, inc.host, QString::number(random.bounded(1000)));
        inc.entityId = QStringLiteral("%1/%2").arg(inc.host, inc.service);
        inc.pagedUsers = { people.at(pick(people.size())) };
        const bool recent = nowMs - inc.startMs < 3600 * 1000;
        const qint64 ackS = qint64(30 + std::pow(random.generateDouble(), 3) * 3600);
        const qint64 resolveS = ackS + qint64(std::pow(random.generateDouble(), 2) * 12 * 3600);
        if (!recent || random.bounded(2) == 0) {
            inc.ackMs = inc.startMs + ackS * 1000;
            inc.ackedBy = inc.pagedUsers.first();
        }
        if (!recent) {
            inc.resolveMs = inc.startMs + resolveS * 1000;
            inc.resolvedBy = people.at(pick(people.size()));
        }
        inc.phase = inc.resolveMs >= 0 ? Phase::Resolved
            : inc.ackMs >= 0           ? Phase::Acknowledged
                                       : Phase::Triggered;
        out.append(inc);
    }
    // A report is newest first.
    std::reverse(out.begin(), out.end());
    return out;
}

HistoryReport reportOf(const QList<HistoryIncident>& all, const HistoryFilter& filter,
    const QDateTime& now, double* ms)
{
    QElapsedTimer timer;
    timer.start();
    // As the store searches: the bounds in UTC (a local time costs a conversion per comparison).
    HistoryFilter utc = filter;
    for (QDateTime* bound : { &utc.from, &utc.to }) {
        if (bound->isValid())
            *bound = bound->toUTC();
    }
    QList<const HistoryIncident*> matching;
    for (const HistoryIncident& inc : all) {
        if (utc.matches(inc))
            matching.append(&inc);
    }
    QList<ShiftRecord> shifts;
    ShiftRecord shift;
    shift.team = QStringLiteral("team-0");
    shift.user = QStringLiteral("alice");
    shift.onMs = now.addDays(-3).toMSecsSinceEpoch();
    shift.offMs = now.addDays(-1).toMSecsSinceEpoch();
    shifts.append(shift);
    HistoryReport report = HistoryMetrics::compute(
        matching, QStringLiteral("alice"), shifts, QTimeZone::systemTimeZone(), now);
    report.filter = filter;
    report.stored = int(all.size());
    report.elapsedMs = timer.elapsed();
    *ms = double(timer.nsecsElapsed()) / 1e6;
    return report;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

void paintAllTabs(ReportsView& view)
{
    for (int t = 0; t < view.tabs()->count(); ++t) {
        view.tabs()->setCurrentIndex(t);
        (void)view.grab();
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int runs = 20;
    QString pngDir;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--png") && i + 1 < args.size())
            pngDir = args.at(++i);
        else
            runs = std::max(1, args.at(i).toInt());
    }

    const QDateTime now = QDateTime::currentDateTime();
    QElapsedTimer timer;
    timer.start();
    const QList<HistoryIncident> all = syntheticHistory(now);
    std::printf("synthetic history: %lld incidents in %.0f ms\n", qlonglong(all.size()),
        double(timer.elapsed()));

    double yearMs = 0;
    double monthMs = 0;
    const HistoryReport year = reportOf(all, HistoryFilter(), now, &yearMs);
    HistoryFilter last30;
    last30.from = QDateTime(now.date().addDays(-29), QTime(0, 0));
    const HistoryReport month = reportOf(all, last30, now, &monthMs);
    double teamMs = 0;
    HistoryFilter oneTeam;
    oneTeam.team = QStringLiteral("team-1");
    const HistoryReport team = reportOf(all, oneTeam, now, &teamMs);
    std::printf("report (filter + HistoryMetrics::compute): year %.1f ms (%d matching), last 30 "
                "days %.1f ms (%d), team-1 %.1f ms (%d)\n",
        yearMs, year.matching, monthMs, month.matching, teamMs, team.matching);

    ReportsView view(nullptr, nullptr);
    view.setMe(QStringLiteral("alice"));
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();

    if (!pngDir.isEmpty()) {
        QDir().mkpath(pngDir);
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        for (const bool dark : { false, true }) {
            app.setPalette(dark ? darkPalette() : app.style()->standardPalette());
            view.showReport(month);
            for (int t = 0; t < view.tabs()->count(); ++t) {
                view.tabs()->setCurrentIndex(t);
                QCoreApplication::processEvents();
                const QString name
                    = QStringLiteral("%1/reports-%2-%3.png")
                          .arg(pngDir, dark ? QStringLiteral("dark") : QStringLiteral("light"))
                          .arg(t);
                view.grab().save(name);
            }
        }
        // The whole year per day: 365 bars.
        view.showReport(year);
        view.tabs()->setCurrentWidget(view.volumePanel());
        QCoreApplication::processEvents();
        view.grab().save(pngDir + QStringLiteral("/reports-dark-year-volume.png"));
        std::printf("PNGs in %s\n", qPrintable(pngDir));
        return 0;
    }

    // One run to warm up the fonts and the chart items.
    view.showReport(year);
    paintAllTabs(view);

    std::vector<double> show;
    std::vector<double> total;
    for (int i = 0; i < runs; ++i) {
        const HistoryReport& report = i % 2 ? year : team;
        timer.start();
        view.showReport(report);
        const double shown = double(timer.nsecsElapsed()) / 1e6;
        paintAllTabs(view);
        show.push_back(shown);
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const auto report = [](const char* what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        std::printf("%-40s median %7.1f ms   max %7.1f ms   (%zu runs)\n", what, v[v.size() / 2],
            v.back(), v.size());
    };
    report("showReport (model diff, charts, tables)", show);
    report("showReport + paint every tab (grab)", total);

    // What a new answer costs as people see it: the report shown and the tab on screen painted,
    // for each tab in turn.
    std::printf("showReport + paint the tab on screen, per tab (%d runs each):\n", runs);
    for (int t = 0; t < view.tabs()->count(); ++t) {
        view.tabs()->setCurrentIndex(t);
        std::vector<double> visible;
        for (int i = 0; i < runs; ++i) {
            timer.start();
            view.showReport(i % 2 ? year : team);
            (void)view.grab();
            visible.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const QByteArray name = view.tabs()->tabText(t).toUtf8();
        report(name.constData(), visible);
    }
    return 0;
}
