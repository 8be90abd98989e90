#pragma once

// A team's (or a user's) on-call schedule as rows of shifts: one row per escalation policy and
// rotation entry, and per policy one row of its scheduled overrides. Feeds the timeline.

#include "oncall.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;

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
//! ScheduleRow::key (no reset); switching between team and user schedules resets.
class ScheduleModel : public QAbstractTableModel {
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

    //! `client` may be nullptr (rows set by hand with setSchedule()).
    explicit ScheduleModel(ApiClient* client, QObject* parent = nullptr);
    ~ScheduleModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const ScheduleRow& row(int r) const { return m_rows.at(r); }
    const QList<ScheduleRow>& rows() const { return m_rows; }

    //! Display names by username ("Dmitri Petrov"); rows show the username until known.
    void setUserNames(const QHash<QString, QString>& names);
    QString displayName(const QString& username) const;

    //! Loads GET /v2/team/{team}/oncall/schedule (background priority) for the days from
    //! `daysSkip` to daysSkip + daysForward after now (the service's own window: 0..90, 1..30).
    void loadTeam(const QString& teamSlug, int daysSkip, int daysForward);
    //! The same for the user's schedule: every team the user is on, rows tagged with the team.
    void loadUser(const QString& username, int daysSkip, int daysForward);
    //! Loads again what was last loaded.
    void reload();

    //! Applies a schedule (what loadTeam/loadUser do when the answer arrives). `subject` names it
    //! ("team:slug" or "user:name"): another subject than the current one resets the model.
    void setSchedule(const QString& subject, const QList<TeamSchedule>& teams);
    QString subject() const { return m_subject; }

    bool isLoading() const { return !m_pending.isNull(); }
    //! The last load's error in words; empty after a success.
    QString errorText() const { return m_error; }

    //! The IANA zone the service wrote the shifts in, guessed from their UTC offsets (the API
    //! sends offsets, not zone names): the first well-known zone, then any zone, whose offsets
    //! match every shift's. Empty when there are no shifts or no zone matches.
    QByteArray teamZoneId() const;
    //! The zone id matching every (instant, offset) sample, as teamZoneId() does.
    static QByteArray zoneForOffsets(const QList<QPair<QDateTime, int>>& samples);

    //! Rows built from a team schedule (public for the bench and tests).
    static QList<ScheduleRow> rowsFor(const TeamSchedule& team);

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A load finished; errorText() says what went wrong, if anything.
    void loaded();

private:
    void start(const QString& subject, ApiReply* reply, bool user);
    void finish(const QString& subject, const QList<TeamSchedule>& teams, const QString& error);

    ApiClient* m_client;
    QList<ScheduleRow> m_rows;
    QHash<QString, QString> m_names;
    QString m_subject;
    QString m_error;
    QPointer<ApiReply> m_pending;
    struct Request {
        bool user = false;
        QString name;
        int skip = 0;
        int forward = 14;
    } m_last;
};

} // namespace rota
