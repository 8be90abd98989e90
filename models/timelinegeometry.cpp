// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "timelinegeometry.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace rota {

namespace {
constexpr qint64 msPerHour = 3600 * 1000;
}

TimelineGeometry::TimelineGeometry()
    : m_zone(QTimeZone::systemTimeZone())
    , m_firstDay(QDate::currentDate())
{
    update();
}

void TimelineGeometry::setZone(const QTimeZone& zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    update();
}

void TimelineGeometry::setRange(const QDate& firstDay, int days)
{
    m_firstDay = firstDay;
    m_days = std::max(1, days);
    update();
}

void TimelineGeometry::setArea(qreal left, qreal width)
{
    m_left = left;
    m_width = std::max<qreal>(1, width);
}

void TimelineGeometry::update()
{
    // QDateTime moves a midnight that does not exist (a zone changing its clocks at 00:00) to the
    // first valid time after it, which is what a day starting there looks like.
    m_start = QDateTime(m_firstDay, QTime(0, 0), m_zone).toUTC();
    m_end = QDateTime(m_firstDay.addDays(m_days), QTime(0, 0), m_zone).toUTC();
}

qreal TimelineGeometry::xFor(const QDateTime& at) const
{
    const qint64 span = spanMs();
    if (span <= 0)
        return m_left;
    return m_left + static_cast<qreal>(m_start.msecsTo(at)) * m_width / static_cast<qreal>(span);
}

QDateTime TimelineGeometry::timeAt(qreal x) const
{
    const qreal fraction = (x - m_left) / m_width;
    return m_start.addMSecs(std::llround(fraction * static_cast<qreal>(spanMs())));
}

bool TimelineGeometry::overlaps(const QDateTime& from, const QDateTime& to) const
{
    return from < m_end && to > m_start;
}

QRectF TimelineGeometry::shiftRect(
    const QDateTime& from, const QDateTime& to, qreal top, qreal height) const
{
    if (!from.isValid() || !to.isValid() || !overlaps(from, to))
        return {};
    const qreal x1 = std::max(m_left, xFor(from));
    const qreal x2 = std::min(m_left + m_width, xFor(to));
    if (x2 <= x1)
        return {};
    return QRectF(x1, top, x2 - x1, height);
}

QList<TimelineTick> TimelineGeometry::dayTicks() const
{
    QList<TimelineTick> ticks;
    const QLocale locale;
    for (int d = 0; d <= m_days; ++d) {
        const QDate day = m_firstDay.addDays(d);
        const QDateTime at = d == m_days ? m_end : QDateTime(day, QTime(0, 0), m_zone).toUTC();
        ticks.append({ at, xFor(at),
            locale.dayName(day.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ')
                + QString::number(day.day()) + QLatin1Char(' ')
                + locale.monthName(day.month(), QLocale::ShortFormat),
            0 });
    }
    return ticks;
}

QList<TimelineTick> TimelineGeometry::hourTicks(int stepHours) const
{
    QList<TimelineTick> ticks;
    stepHours = std::clamp(stepHours, 1, 24);
    // Whole hours are found in UTC and labelled in the zone: that way a skipped hour is skipped and
    // a repeated hour comes twice, exactly as the zone's clocks show them.
    const qint64 startMs = m_start.toMSecsSinceEpoch();
    const qint64 first = (startMs + msPerHour - 1) / msPerHour * msPerHour;
    const qint64 endMs = m_end.toMSecsSinceEpoch();
    for (qint64 ms = first; ms < endMs; ms += msPerHour) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const int minute = at.toTimeZone(m_zone).time().minute();
        // Zones with a half-hour offset have their whole hours between UTC's.
        const QDateTime tickAt = minute == 0 ? at : at.addSecs((60 - minute) * 60);
        if (tickAt >= m_end)
            continue;
        const int hour = tickAt.toTimeZone(m_zone).time().hour();
        if (hour % stepHours != 0)
            continue;
        ticks.append({ tickAt, xFor(tickAt),
            QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')), hour });
    }
    return ticks;
}

int TimelineGeometry::hourStepFor(qreal minPixels) const
{
    const qreal hours = static_cast<qreal>(spanMs()) / msPerHour;
    const qreal perHour = hours > 0 ? m_width / hours : m_width;
    for (const int step : { 1, 2, 3, 6, 12, 24 }) {
        if (perHour * step >= minPixels)
            return step;
    }
    return 24;
}

} // namespace rota
