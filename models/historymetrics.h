// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The figures of the Reports view, computed from stored incidents: counts per day and week,
// time to acknowledge (MTTA) and to resolve (MTTR) as median and 90th percentile, by team,
// routing key and service, the noisiest hosts and services, the hour-of-day heat map and the
// signed-in user's own numbers. Pure functions: the same input gives the same figures.

#include "historytypes.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace rota::HistoryMetrics {

//! The percentile p (0..100) of `values` by the nearest-rank method on the sorted values:
//! the smallest value with at least p% of the values at or below it. -1 when empty.
double percentile(QList<qint64> values, double p);

//! Figures of the incidents.
HistoryFigures figures(const QList<const HistoryIncident*>& incidents);

//! The whole report of `matching` (any order). `me` is the signed-in user, `shifts` the stored
//! shift log, `zone` the zone days, weeks and hours are counted in, `now` when "this month" is.
//! report.filter, stored and elapsedMs are left for the caller.
HistoryReport compute(const QList<const HistoryIncident*>& matching, const QString& me,
    const QList<ShiftRecord>& shifts, const QTimeZone& zone, const QDateTime& now);

//! Seconds `user` was on call within [from, to) by the shifts, time on call for several
//! policies at once counted once.
qint64 onCallSeconds(const QList<ShiftRecord>& shifts, const QString& user, qint64 fromMs,
    qint64 toMs, qint64 nowMs);

} // namespace rota::HistoryMetrics
