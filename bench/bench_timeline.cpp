// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The schedule timeline with a big schedule: 300 teams, two escalation policies each, a rotation
// of 8-hour shifts over 90 days per policy (about 162,000 shifts in 600 rows, plus overrides).
// Measures building the model's rows, and painting the timeline into a QImage (offscreen) for
// each span (1 day, 1 week, 2 weeks, 4 weeks) at the top and in the middle of the rows, and the
// hit test behind the tooltips. Painting only what is visible should keep a frame well under
// 16 ms whatever the size of the schedule.
//
// Usage: bench_timeline [repetitions]   (build with -DCMAKE_BUILD_TYPE=Release)
#include "schedulemodel.h"
#include "scheduletimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace rota;

namespace {

constexpr int Teams = 300;
constexpr int Days = 90;
constexpr int ShiftHours = 8;

QList<TeamSchedule> bigSchedule(const QDateTime& from)
{
    QList<TeamSchedule> teams;
    const QStringList people = [] {
        QStringList names;
        for (int i = 0; i < 40; ++i)
            names.append(QStringLiteral("person.%1").arg(i));
        return names;
    }();
    for (int t = 0; t < Teams; ++t) {
        TeamSchedule team;
        team.teamSlug = QStringLiteral("team-%1").arg(t);
        team.teamName = QStringLiteral("Team %1").arg(t);
        for (int p = 0; p < 2; ++p) {
            PolicySchedule policy;
            policy.policy.slug = QStringLiteral("pol-%1-%2").arg(t).arg(p);
            policy.policy.name
                = QStringLiteral("Team %1 %2")
                      .arg(t)
                      .arg(p == 0 ? QStringLiteral("Primary") : QStringLiteral("Critical"));
            OnCallEntry entry;
            entry.onCallType = QStringLiteral("rotation_group");
            entry.rotationName = QStringLiteral("Primary");
            entry.shiftName = QStringLiteral("8 hours");
            for (int s = 0; s < Days * 24 / ShiftHours; ++s) {
                OnCallRoll roll;
                const QDateTime start = from.addSecs(qint64(s) * ShiftHours * 3600);
                roll.start = OffsetTime::fromUtc(start, 3600);
                roll.end = OffsetTime::fromUtc(start.addSecs(ShiftHours * 3600), 3600);
                roll.onCallUser = people.at((s + t + p) % people.size());
                roll.isRoll = s % 17 != 0; // now and then an override
                entry.rolls.append(roll);
            }
            policy.schedule.append(entry);
            for (int o = 0; o < 6; ++o) {
                OnCallOverride override;
                override.origOnCallUser = people.at((o + t) % people.size());
                override.overrideOnCallUser = people.at((o + t + 1) % people.size());
                override.start = OffsetTime::fromUtc(from.addDays(o * 14 + 2), 3600);
                override.end = OffsetTime::fromUtc(from.addDays(o * 14 + 5), 3600);
                policy.overrides.append(override);
            }
            team.schedules.append(policy);
        }
        teams.append(team);
    }
    return teams;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, atoi(argv[1])) : 20;

    const QDateTime from = QDateTime(QDate::currentDate().addDays(-1), QTime(0, 0), Qt::UTC);
    QElapsedTimer timer;
    timer.start();
    const QList<TeamSchedule> teams = bigSchedule(from);
    const double makeMs = timer.nsecsElapsed() / 1e6;

    ScheduleModel model(nullptr);
    timer.restart();
    model.setSchedule(QStringLiteral("user:bench"), teams);
    const double buildMs = timer.nsecsElapsed() / 1e6;
    qsizetype shifts = 0;
    for (const ScheduleRow& row : model.rows())
        shifts += row.shifts.size();
    std::printf("schedule: %d teams, %lld rows, %lld shifts (made in %.1f ms)\n", Teams,
        static_cast<long long>(model.rowCount()), static_cast<long long>(shifts), makeMs);
    std::printf("ScheduleModel::setSchedule (first load, all rows): %.1f ms\n", buildMs);
    timer.restart();
    model.setSchedule(QStringLiteral("user:bench"), teams);
    std::printf("ScheduleModel::setSchedule (routine refresh, nothing changed): %.1f ms\n",
        timer.nsecsElapsed() / 1e6);

    ScheduleTimeline timeline;
    timeline.setModel(&model);
    timeline.setZone(QTimeZone("Europe/London"));
    timeline.setNow(from.addDays(1).addSecs(11 * 3600));
    const QSize size(1600, 900);
    timeline.resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    auto* scroll = timeline.findChild<QScrollBar*>();

    std::printf("\npaint %dx%d into a QImage, median of %d (ms) and bars painted:\n", size.width(),
        size.height(), repetitions);
    for (const int span : { 1, 7, 14, 28 }) {
        timeline.setRange(from.date().addDays(1), span);
        for (const bool middle : { false, true }) {
            scroll->setValue(middle ? scroll->maximum() / 2 : 0);
            std::vector<double> times;
            for (int i = 0; i < repetitions; ++i) {
                image.fill(Qt::white);
                QPainter painter(&image);
                timer.restart();
                timeline.paintTimeline(painter, QRect(QPoint(), size));
                times.push_back(timer.nsecsElapsed() / 1e6);
            }
            std::printf("  span %2d day(s), %s: %6.2f ms, %d bars\n", span,
                middle ? "rows in the middle" : "rows at the top   ", median(times),
                timeline.lastPaintedShifts());
        }
    }

    // The tooltip's hit test, all over the visible area.
    timeline.setRange(from.date().addDays(1), 28);
    scroll->setValue(scroll->maximum() / 2);
    timer.restart();
    int hits = 0;
    int probes = 0;
    for (int y = ScheduleTimeline::HeaderHeight + 5; y < size.height(); y += 7) {
        for (int x = ScheduleTimeline::LabelWidth + 3; x < size.width() - 20; x += 13) {
            hits += timeline.toolTipAt(QPoint(x, y)).isEmpty() ? 0 : 1;
            ++probes;
        }
    }
    std::printf("\ntooltip hit test: %.2f us each (%d probes, %d on a bar)\n",
        timer.nsecsElapsed() / 1e3 / probes, probes, hits);
    return 0;
}
