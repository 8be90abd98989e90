// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "oncall.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace rota {

//! One stretch of time the signed-in user is on call for one escalation policy: the rolls of a
//! v2 schedule that name the user, merged where one ends as the next begins.
struct MyShift {
    QString teamName;
    QString teamSlug;
    QString policyName;
    QString policySlug;
    QDateTime start; //!< UTC
    QDateTime end; //!< UTC
    QString replaces; //!< whom the user stands in for (an override); empty for their own shift

    //! The policy's name, or its slug when the name is not known.
    QString policyLabel() const { return policyName.isEmpty() ? policySlug : policyName; }
    QString teamLabel() const { return teamName.isEmpty() ? teamSlug : teamName; }
    //! Stable while the shift keeps its policy and start: what a calendar and a reminder key by.
    QString key() const;
    bool contains(const QDateTime& when) const { return start <= when && when < end; }
    bool operator==(const MyShift& other) const;
    bool operator!=(const MyShift& other) const { return !(*this == other); }
};

namespace shifts {

//! The shifts of `username` (matched in any case) in the schedules, per policy merged where
//! they touch or overlap, sorted by start (then policy). A policy listed by two teams counts once.
QList<MyShift> mine(const QList<TeamSchedule>& teams, const QString& username);

//! The first shift of each policy that starts after `now`, for the policies not in `except`
//! (slugs), sorted by start.
QList<MyShift> upcoming(
    const QList<MyShift>& shifts, const QDateTime& now, const QStringList& except = {});

//! The shift of `policySlug` running at `now`, if any (start invalid when none).
MyShift runningOn(const QList<MyShift>& shifts, const QString& policySlug, const QDateTime& now);

//! The first shift of `policySlug` that starts at or after `when` (start invalid when none).
MyShift firstFrom(const QList<MyShift>& shifts, const QString& policySlug, const QDateTime& when);

//! The shifts overlapping [from, to).
QList<MyShift> between(const QList<MyShift>& shifts, const QDateTime& from, const QDateTime& to);

//! A moment in `zone`: "09:00" when it is on the day of `now` there, else "Tue 8 Dec 09:00".
QString when(const QDateTime& moment, const QDateTime& now,
    const QTimeZone& zone = QTimeZone::systemTimeZone());

//! A span in `zone`: "Tue 8 Dec 09:00–17:00" within one day, else "Tue 8 Dec 09:00 – Wed 9 Dec
//! 09:00" (the start written as when()).
QString span(const QDateTime& start, const QDateTime& end, const QDateTime& now,
    const QTimeZone& zone = QTimeZone::systemTimeZone());

//! "Next on call for SRE (SRE Primary): Tue 8 Dec 09:00–17:00", with " instead of X" for a
//! stand-in (X as `nameOf` names the username; it may be empty).
QString describeNext(const MyShift& shift, const QDateTime& now, const QString& replacesName = {},
    const QTimeZone& zone = QTimeZone::systemTimeZone());

} // namespace shifts

} // namespace rota
