// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The schedule engine: who the rotations, the policies' steps, scheduled overrides and "take
// on-call" records put on call at any moment, and how that changes over a stretch of time.
// Everything is computed from the rotations on demand, so the answers stay right whatever the
// simulator's clock says; only takes, overrides and the shift log are stored. The on-call,
// schedule, override and shift-log handlers answer from it.
#pragma once

#include "simorg.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace rota::sim {

inline constexpr qint64 msPerHour = qint64(60) * 60 * 1000;
inline constexpr qint64 msPerDay = 24 * msPerHour;

//! Narrows *until to t when t is earlier (or *until is not set yet).
void clampUntil(QDateTime* until, const QDateTime& t);

//! Whether a policy entry of this execution type is on call through a rotation.
bool isRotationEntry(const QString& executionType);

struct Shift {
    qint64 index = 0; //!< 0 is the shift starting at the anchor; negative before it
    QDateTime start;
    QDateTime end;
};

//! The shift arithmetic of one rotation. Whole-day shifts are counted in the rotation's local
//! calendar so that a weekly handoff stays at 09:00 local time across a daylight-saving change;
//! anything else is counted in absolute hours from the anchor.
class ShiftClock {
public:
    explicit ShiftClock(const SimRotation& rotation);

    QDateTime start(qint64 index) const;
    Shift at(const QDateTime& t) const;
    Shift next(const Shift& shift) const
    {
        return { shift.index + 1, shift.end, start(shift.index + 2) };
    }

private:
    int m_hours;
    QDateTime m_anchor;
    QDateTime m_anchorLocal;
    QTimeZone m_zone;
    bool m_wallClock = false;
};

//! One on-call entry of a policy step at a moment.
struct Slot {
    QString executionType;
    const SimRotation* rotation = nullptr;
    QString scheduled; //!< who the rotation (or the entry itself) names
    QString user; //!< who is on call after overrides and takes
    QDateTime until; //!< when `user` may next change; invalid when nothing bounds it
};

//! The on-call entries of the policy's step at t, overrides and takes applied.
QList<Slot> slotsAt(const SimOrg& org, const SimPolicy& policy, int step, const QDateTime& t);
//! The users the slots put on call, each once.
QStringList usersOf(const QList<Slot>& found);
//! Whether the step names the user, directly or through a rotation.
bool stepNamesUser(const SimOrg& org, const SimPolicyStep& step, const QString& username);
//! Whether any step of the policy names the user, directly or through a rotation.
bool userInPolicy(const SimOrg& org, const SimPolicy& policy, const QString& username);

//! The team's policies, by name.
QList<const SimPolicy*> teamPolicies(const SimOrg& org, const QString& teamSlug);
//! Every team, by name.
QList<const SimTeam*> teamsByName(const SimOrg& org);
//! Every scheduled override, by start.
QList<const SimScheduledOverride*> overridesByStart(const SimOrg& org);

//! Every moment at which an override or a take changes who is on call for the policy.
QList<QDateTime> overrideEdges(const SimOrg& org, const QString& policySlug);

//! A stretch of one schedule entry with one user on call. isRoll: a regular rotation shift, not
//! an override, a take or a fixed user entry.
struct Segment {
    QDateTime start;
    QDateTime end;
    QString user;
    bool isRoll = false;
};

//! The rolls of one entry: whole rotation shifts covering [from, to) (at least the current one),
//! split where overrides or takes replace the scheduled user.
QList<Segment> entrySegments(const SimOrg& org, const SimPolicy& policy, const Slot& slot,
    const QDateTime& from, const QDateTime& to, const QList<QDateTime>& edges);

using Interval = QPair<QDateTime, QDateTime>; // [on, off)

//! The rotation shifts of the policy during [from, to), as maximal intervals per user, found by
//! evaluating the schedule at every moment it can change.
QHash<QString, QList<Interval>> computedIntervals(
    const SimOrg& org, const SimPolicy& policy, const QDateTime& from, const QDateTime& to);

//! Gives every rotation without one a numeric group id (and its shift a shift id), above any
//! given out before; called before anything reads or writes those ids.
void ensureRotationIds(SimOrg& org);

} // namespace rota::sim
