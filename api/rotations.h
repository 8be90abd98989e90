// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Rotation groups through the newer operations (../shared/spec/NEWER-API.md): the v2 listing of a
// team's groups with their shifts, members and on-call periods; creating and deleting a group;
// reading and setting who is scheduled on a shift. The v1 listing (oncall.h, RotationGroup) joins
// on groupId.

#include "apiclient.h"
#include "apierror.h"
#include "calls.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace rota {

class JsonReader;

//! One on-call period of a shift: `username` is on from start to end.
struct RotationPeriod {
    QDateTime start;
    QDateTime end;
    QString username;
    bool isRoll = false;
    QString memberSlug;

    static RotationPeriod fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! A member of a shift, in rotation order.
struct ShiftMember {
    QString slug;
    QString username;

    static ShiftMember fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! One shift of a rotation group. The v2 listing names the id shiftId, the create answer rot_id;
//! both are read.
struct RotationShift {
    qint64 shiftId = 0;
    QString label;
    QString timezone; //!< IANA
    QDateTime start; //!< the first shift's start (ISO string or epoch milliseconds on the wire)
    double durationDays = 0; //!< days; rota-sim's 12-hour handoffs come as 0.5
    QString shiftType; //!< std, fts, cstm, pho
    QList<ShiftMember> members;
    std::optional<RotationPeriod> current; //!< absent when nobody is on it now
    std::optional<RotationPeriod> next;
    QList<RotationPeriod> periods;
    QJsonObject mask;
    QJsonObject mask2;
    QJsonObject mask3; //!< read from `mask3` or, as some answers spell it, `mast3`

    QStringList usernames() const;
    static RotationShift fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! A rotation group of the v2 listing.
struct TeamRotation {
    qint64 groupId = 0;
    QString label;
    int totalMembersInRotation = 0;
    QList<RotationShift> shifts;

    static TeamRotation fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GET /api-public/v2/team/{team}/rotations: {"rotations": [...]}.
struct TeamRotations {
    QList<TeamRotation> rotations;

    static TeamRotations fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! A shift for a new rotation group.
struct NewRotationShift {
    QString label;
    QString timezone; //!< IANA
    QDateTime start;
    int durationDays = 7;
    QString shiftType = QStringLiteral("std");
    QStringList usernames; //!< in rotation order
    QJsonObject mask; //!< optional; empty: not sent
    QJsonObject mask2;
    QJsonObject mask3;

    //! The shift as the create call sends it: start as epoch milliseconds, or (isoStart) as an
    //! ISO-8601 UTC string with milliseconds; the members under both `usernames` and
    //! `shiftMembers`, as the vendor's Go client sends them, since deployments have read one or
    //! the other.
    QJsonObject toJson(bool isoStart = false) const;
};

//! The body of POST /api-public/v1/teams/{team}/rotations.
struct NewRotationGroup {
    QString label;
    QList<NewRotationShift> shifts;

    QJsonObject toJson(bool isoStart = false) const;
};

//! The create call's answer. The group id is the top-level `id`, or when that is absent the first
//! shift's `group_id`.
struct CreatedRotationGroup {
    qint64 id = 0;
    QString label;
    QString teamSlug; //!< `teamslug` on the wire
    QString orgSlug; //!< `orgslug`
    QList<RotationShift> shifts;

    static CreatedRotationGroup fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The user scheduled on a shift (GET and PUT …/{groupId}/{shiftId}/scheduled).
struct ScheduledUser {
    QString username;
    QString firstName;
    QString lastName;
    QString displayName;
    int version = 0;
    bool verified = false;

    static ScheduledUser fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The body of PUT …/scheduled: username required, the rest sent only when set.
struct ScheduledUserChange {
    QString username;
    std::optional<int> position; //!< the member's place in the shift's order
    QString memberSlug;

    QJsonObject toJson() const;
};

//! Optional preview window of the create call's answer, in weeks.
struct RotationPreview {
    std::optional<int> skip;
    std::optional<int> count;
};

//! A pending create. Emits finished() exactly once (unless abandoned), then deletes itself; read
//! ok(), value() and error() in the handler.
//!
//! It sends the start as epoch milliseconds first. Only when the service answers 400 with a body
//! naming `error.expected.jodadate.format` does it send the same request once more with the start
//! as an ISO-8601 UTC string. That is not a blind retry of a POST: a 400 means the service
//! refused the request and created nothing, so the second request cannot make a second group.
class RotationGroupCreation : public QObject {
    Q_OBJECT
public:
    static constexpr const char* JodaDateMarker = "error.expected.jodadate.format";

    RotationGroupCreation(ApiClient& client, const QString& teamSlug, NewRotationGroup group,
        RotationPreview preview);

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const CreatedRotationGroup& value() const { return m_value; }
    const ApiError& error() const { return m_error; }
    int attempts() const { return m_attempts; }
    bool sentIsoStart() const { return m_iso; }
    //! Stops caring: no finished(), the request in flight is abandoned, the object goes away.
    void abandon();

Q_SIGNALS:
    void finished();

private:
    void send(bool isoStart);

    QPointer<ApiClient> m_client;
    QString m_teamSlug;
    NewRotationGroup m_group;
    RotationPreview m_preview;
    QPointer<ApiReply> m_reply;
    CreatedRotationGroup m_value;
    ApiError m_error;
    int m_attempts = 0;
    bool m_iso = false;
    bool m_finished = false;
};

namespace calls {

//! GET /api-public/v2/team/{team}/rotations
ApiCall<TeamRotations> listTeamRotations(
    ApiClient& client, const QString& teamSlug, CallPriority priority = {});

//! POST /api-public/v1/teams/{team}/rotations (see RotationGroupCreation for the start's two
//! forms). The object belongs to nobody: it deletes itself after finished() or abandon().
RotationGroupCreation* createRotationGroup(ApiClient& client, const QString& teamSlug,
    const NewRotationGroup& group, const RotationPreview& preview = {});

//! DELETE /api-public/v1/teams/{team}/rotations/{groupId}
ApiCall<NoContent> deleteRotationGroup(ApiClient& client, const QString& teamSlug, qint64 groupId);

//! GET /api-public/v1/teams/{team}/rotations/{groupId}/{shiftId}/scheduled
ApiCall<ScheduledUser> getScheduledUser(ApiClient& client, const QString& teamSlug, qint64 groupId,
    qint64 shiftId, CallPriority priority = {});

//! PUT /api-public/v1/teams/{team}/rotations/{groupId}/{shiftId}/scheduled
ApiCall<ScheduledUser> setScheduledUser(ApiClient& client, const QString& teamSlug, qint64 groupId,
    qint64 shiftId, const ScheduledUserChange& change);

} // namespace calls

} // namespace rota
