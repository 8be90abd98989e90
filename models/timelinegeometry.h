// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Pure geometry of the schedule timeline: where a time lies along the x axis and which rectangle a
// shift covers, for a range of whole days in one time zone. No widgets: unit-tested on its own.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QString>
#include <QTimeZone>

namespace rota {

//! A mark on the time axis: a midnight or a whole hour in the geometry's zone.
struct TimelineTick {
    QDateTime at; //!< the instant, UTC
    qreal x = 0;
    QString label; //!< "Mon 30 Mar" for days, "14" for hours (wall-clock of the zone)
    int hour = 0; //!< the wall-clock hour in the zone (0 for days)
};

//! Maps instants to x for `days` whole days from `firstDay` in `zone`. The range runs from the
//! zone's midnight of firstDay to its midnight `days` later, so a day with a daylight-saving change
//! is as wide as it is long (23 or 25 hours) and every hour has the same width.
class TimelineGeometry {
public:
    TimelineGeometry();

    //! An invalid zone means the system's local zone.
    void setZone(const QTimeZone& zone);
    QTimeZone zone() const { return m_zone; }
    //! days >= 1.
    void setRange(const QDate& firstDay, int days);
    QDate firstDay() const { return m_firstDay; }
    int days() const { return m_days; }
    //! The pixels the range is drawn into: [left, left + width).
    void setArea(qreal left, qreal width);
    qreal left() const { return m_left; }
    qreal width() const { return m_width; }

    //! The zone's midnight of firstDay and of firstDay + days, UTC.
    QDateTime start() const { return m_start; }
    QDateTime end() const { return m_end; }
    qint64 spanMs() const { return m_start.msecsTo(m_end); }

    //! x of an instant; not clamped (before start gives x < left).
    qreal xFor(const QDateTime& at) const;
    //! The instant at x (inverse of xFor), UTC.
    QDateTime timeAt(qreal x) const;
    //! Whether [from, to) overlaps the range.
    bool overlaps(const QDateTime& from, const QDateTime& to) const;
    //! The rectangle of a shift [from, to) clipped to the range; a null QRectF when it lies
    //! outside.
    QRectF shiftRect(const QDateTime& from, const QDateTime& to, qreal top, qreal height) const;

    //! The zone's midnights from firstDay to the end (days + 1 ticks, the last at end()).
    QList<TimelineTick> dayTicks() const;
    //! Every whole hour in the range whose wall-clock hour is a multiple of stepHours (1..24),
    //! labelled with the zone's hour: a spring-forward day skips one, a fall-back day repeats one.
    QList<TimelineTick> hourTicks(int stepHours) const;
    //! The smallest step of 1, 2, 3, 6, 12 or 24 hours that leaves at least minPixels per tick.
    int hourStepFor(qreal minPixels) const;

private:
    void update();

    QTimeZone m_zone;
    QDate m_firstDay;
    int m_days = 1;
    qreal m_left = 0;
    qreal m_width = 1;
    QDateTime m_start;
    QDateTime m_end;
};

} // namespace rota
