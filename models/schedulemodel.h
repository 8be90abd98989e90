// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A team's (or a user's) on-call schedule as rows of shifts: one row per escalation policy and
// rotation entry, and per policy one row of its scheduled overrides. Feeds the timeline.

#include "oncall.h"
#include "rowtablemodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace rota {

//! One stretch with one person on call (or, in an overrides row, one person away).
struct ScheduleShift {
    QDateTime start; //!< UTC
    QDateTime end; //!< UTC
    int offsetSeconds = 0; //!< the UTC offset the service wrote the start with (the team's zone)
    QString user; //!< who is on call; empty when nobody
    QString replacedUser; //!< an override: whom `user` stands in for (overrides row: who is away)
    bool isOverride = false; //!< not the regular rotation: an override or a take
};

//! A row of the timeline.
struct ScheduleRow {
    enum class Kind { Rotation, Overrides };
    Kind kind = Kind::Rotation;
    QString key; //!< team/policy/entry index (or "overrides"): stable across refreshes
    int step = 0; //!< the escalation step (0 the first) whose on-call the row shows
    QString teamSlug;
    QString teamName;
    QString policySlug;
    QString policyName;
    //! Empty for a fixed user entry; "Overrides · <policy>" for an overrides row (a second lane
    //! of overlapping overrides adds its number), so that no two rows read the same.
    QString rotationName;
    QString shiftName;
    QString onCallType;
    QString onCallNow; //!< who the service names as on call now (override applied)
    QList<ScheduleShift> shifts; //!< sorted by start, not overlapping

    bool operator==(const ScheduleRow& other) const;
    bool operator!=(const ScheduleRow& other) const { return !(*this == other); }
};

//! Rows of shifts for one team's or one user's schedule. A refresh applies a diff keyed by
//! ScheduleRow::key (no reset); switching between team and user schedules resets. Holds state
//! only: ScheduleController reads the schedules and applies them with setSchedule().
class ScheduleModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        PolicyColumn,
        RotationColumn,
        TeamColumn,
        OnCallNowColumn,
        ShiftsColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1,
        SortRole,
        TeamSlugRole,
        PolicySlugRole,
        IsOverridesRowRole,
        ShiftCountRole,
    };

    explicit ScheduleModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const ScheduleRow& row(int r) const { return m_rows.at(r); }
    const QList<ScheduleRow>& rows() const { return m_rows; }

    //! Display names by username ("Dmitri Petrov"); rows show the username until known.
    void setUserNames(const QHash<QString, QString>& names);
    QString displayName(const QString& username) const;

    //! Applies a schedule of the first escalation step (and forgets later steps' rows).
    //! `subject` names it ("team:slug" or "user:name"): another subject than the current one
    //! resets the model.
    void setSchedule(const QString& subject, const QList<TeamSchedule>& teams);
    //! Applies the schedule of escalation step `step` (0..3; the service answers one step per
    //! read), keeping the rows of the other steps of the same subject. A step's rows follow the
    //! earlier steps' rows of the same policy; the overrides rows come from step 0 and close the
    //! policy's block. Another subject resets the model to this step's rows.
    void setStepSchedule(const QString& subject, int step, const QList<TeamSchedule>& teams);
    //! Forgets the rows of the steps from `step` on (a later step the service has no one for).
    void clearStepsFrom(int step);
    QString subject() const { return m_subject; }

    //! The IANA zone the service wrote the shifts in, guessed from their UTC offsets (the API
    //! sends offsets, not zone names): the first well-known zone, then any zone, whose offsets
    //! match every shift's. Empty when there are no shifts or no zone matches.
    QByteArray teamZoneId() const;
    //! The zone id matching every (instant, offset) sample, as teamZoneId() does.
    static QByteArray zoneForOffsets(const QList<QPair<QDateTime, int>>& samples);

    //! Rows built from a team schedule of escalation step `step` (public for the bench and
    //! tests); only step 0 makes overrides rows (each step's answer repeats them).
    static QList<ScheduleRow> rowsFor(const TeamSchedule& team, int step = 0);

private:
    QList<ScheduleRow> stepRows() const;
    void applySteps();

    QList<ScheduleRow> m_rows;
    QMap<int, QList<TeamSchedule>> m_steps; //!< the schedule per escalation step
    QHash<QString, QString> m_names;
    QString m_subject;
};

} // namespace rota
