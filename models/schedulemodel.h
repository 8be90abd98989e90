#pragma once

// A team's (or a user's) on-call schedule as rows of shifts: one row per escalation policy and
// rotation entry, and per policy one row of its scheduled overrides. Feeds the timeline.

#include "oncall.h"
#include "rowtablemodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
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
    QString teamSlug;
    QString teamName;
    QString policySlug;
    QString policyName;
    QString rotationName; //!< empty for a fixed user entry; "Overrides" for the overrides row
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

    //! Applies a schedule. `subject` names it ("team:slug" or "user:name"): another subject than
    //! the current one resets the model.
    void setSchedule(const QString& subject, const QList<TeamSchedule>& teams);
    QString subject() const { return m_subject; }

    //! The IANA zone the service wrote the shifts in, guessed from their UTC offsets (the API
    //! sends offsets, not zone names): the first well-known zone, then any zone, whose offsets
    //! match every shift's. Empty when there are no shifts or no zone matches.
    QByteArray teamZoneId() const;
    //! The zone id matching every (instant, offset) sample, as teamZoneId() does.
    static QByteArray zoneForOffsets(const QList<QPair<QDateTime, int>>& samples);

    //! Rows built from a team schedule (public for the bench and tests).
    static QList<ScheduleRow> rowsFor(const TeamSchedule& team);

private:
    QList<ScheduleRow> m_rows;
    QHash<QString, QString> m_names;
    QString m_subject;
};

} // namespace rota
