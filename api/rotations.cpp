// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotations.h"

#include "apilog.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QTimeZone>

namespace rota {

namespace {

QString isoUtcMs(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }

//! A time as the listings write it, null when there is none.
QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(isoUtcMs(t)) : QJsonValue();
}

std::optional<RotationPeriod> optionalPeriod(const JsonReader& r, const QString& field)
{
    const JsonReader period = r[field];
    if (period.isNull())
        return std::nullopt;
    return RotationPeriod::fromJson(period);
}

QJsonObject optionalMask(const JsonReader& r, const QString& field)
{
    const JsonReader mask = r[field];
    return mask.isNull() ? QJsonObject() : mask.toObject();
}

} // namespace

RotationPeriod RotationPeriod::fromJson(const JsonReader& r)
{
    return { r.time(QStringLiteral("start")), r.time(QStringLiteral("end")),
        r.str(QStringLiteral("username")), r.boolean(QStringLiteral("isRoll")),
        r.str(QStringLiteral("memberSlug")) };
}

QJsonObject RotationPeriod::toJson() const
{
    return { { QStringLiteral("start"), timeValue(start) },
        { QStringLiteral("end"), timeValue(end) }, { QStringLiteral("username"), username },
        { QStringLiteral("isRoll"), isRoll }, { QStringLiteral("memberSlug"), memberSlug } };
}

ShiftMember ShiftMember::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("slug")), r.str(QStringLiteral("username")) };
}

QJsonObject ShiftMember::toJson() const
{
    return { { QStringLiteral("slug"), slug }, { QStringLiteral("username"), username } };
}

QStringList RotationShift::usernames() const
{
    QStringList names;
    for (const ShiftMember& member : members)
        names.append(member.username);
    return names;
}

RotationShift RotationShift::fromJson(const JsonReader& r)
{
    RotationShift shift;
    shift.shiftId = r.has(QStringLiteral("shiftId")) ? r.integer(QStringLiteral("shiftId"))
                                                     : r.integer(QStringLiteral("rot_id"));
    shift.label = r.str(QStringLiteral("label"));
    shift.timezone = r.str(QStringLiteral("timezone"));
    shift.start = r.time(QStringLiteral("start"));
    shift.durationDays = r[QStringLiteral("duration")].toDouble();
    shift.shiftType = r.str(QStringLiteral("shifttype"));
    shift.members = readList<ShiftMember>(r, QStringLiteral("shiftMembers"));
    shift.current = optionalPeriod(r, QStringLiteral("current"));
    shift.next = optionalPeriod(r, QStringLiteral("next"));
    shift.periods = readList<RotationPeriod>(r, QStringLiteral("periods"));
    shift.mask = optionalMask(r, QStringLiteral("mask"));
    shift.mask2 = optionalMask(r, QStringLiteral("mask2"));
    // One importer reads the third mask as "mast3" too, saying the service's spelling varies.
    shift.mask3 = r.has(QStringLiteral("mask3")) ? optionalMask(r, QStringLiteral("mask3"))
                                                 : optionalMask(r, QStringLiteral("mast3"));
    return shift;
}

QJsonObject RotationShift::toJson() const
{
    QJsonObject json { { QStringLiteral("shiftId"), shiftId }, { QStringLiteral("label"), label },
        { QStringLiteral("timezone"), timezone }, { QStringLiteral("start"), timeValue(start) },
        { QStringLiteral("duration"), durationDays }, { QStringLiteral("shifttype"), shiftType },
        { QStringLiteral("shiftMembers"), toJsonArray(members) },
        { QStringLiteral("periods"), toJsonArray(periods) }, { QStringLiteral("mask"), mask },
        { QStringLiteral("mask2"), mask2 }, { QStringLiteral("mask3"), mask3 } };
    if (current)
        json.insert(QStringLiteral("current"), current->toJson());
    if (next)
        json.insert(QStringLiteral("next"), next->toJson());
    return json;
}

TeamRotation TeamRotation::fromJson(const JsonReader& r)
{
    return { r.integer(QStringLiteral("groupId")), r.str(QStringLiteral("label")),
        r[QStringLiteral("totalMembersInRotation")].toInt32(),
        readList<RotationShift>(r, QStringLiteral("shifts")) };
}

QJsonObject TeamRotation::toJson() const
{
    return { { QStringLiteral("groupId"), groupId }, { QStringLiteral("label"), label },
        { QStringLiteral("totalMembersInRotation"), totalMembersInRotation },
        { QStringLiteral("shifts"), toJsonArray(shifts) } };
}

TeamRotations TeamRotations::fromJson(const JsonReader& r)
{
    return { readList<TeamRotation>(r, QStringLiteral("rotations")) };
}

QJsonObject TeamRotations::toJson() const
{
    return { { QStringLiteral("rotations"), toJsonArray(rotations) } };
}

QJsonObject NewRotationShift::toJson(bool isoStart) const
{
    const QJsonArray members = QJsonArray::fromStringList(usernames);
    QJsonObject json { { QStringLiteral("label"), label }, { QStringLiteral("timezone"), timezone },
        { QStringLiteral("start"),
            isoStart ? QJsonValue(isoUtcMs(start))
                     : QJsonValue(static_cast<double>(start.toMSecsSinceEpoch())) },
        { QStringLiteral("duration"), durationDays }, { QStringLiteral("shifttype"), shiftType },
        { QStringLiteral("usernames"), members }, { QStringLiteral("shiftMembers"), members } };
    if (!mask.isEmpty())
        json.insert(QStringLiteral("mask"), mask);
    if (!mask2.isEmpty())
        json.insert(QStringLiteral("mask2"), mask2);
    if (!mask3.isEmpty())
        json.insert(QStringLiteral("mask3"), mask3);
    return json;
}

QJsonObject NewRotationGroup::toJson(bool isoStart) const
{
    QJsonArray list;
    for (const NewRotationShift& shift : shifts)
        list.append(shift.toJson(isoStart));
    return { { QStringLiteral("label"), label }, { QStringLiteral("shifts"), list } };
}

CreatedRotationGroup CreatedRotationGroup::fromJson(const JsonReader& r)
{
    CreatedRotationGroup group;
    group.label = r.str(QStringLiteral("label"));
    group.teamSlug = r.str(QStringLiteral("teamslug"));
    group.orgSlug = r.str(QStringLiteral("orgslug"));
    group.shifts = readList<RotationShift>(r, QStringLiteral("shifts"));
    group.id = r.integer(QStringLiteral("id"));
    if (group.id == 0) {
        r.forEach(QStringLiteral("shifts"), [&group](JsonReader& shift) {
            if (group.id == 0)
                group.id = shift.integer(QStringLiteral("group_id"));
        });
    }
    return group;
}

QJsonObject CreatedRotationGroup::toJson() const
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("label"), label },
        { QStringLiteral("teamslug"), teamSlug }, { QStringLiteral("orgslug"), orgSlug },
        { QStringLiteral("shifts"), toJsonArray(shifts) } };
}

ScheduledUser ScheduledUser::fromJson(const JsonReader& r)
{
    return { r.str(QStringLiteral("username")), r.str(QStringLiteral("firstName")),
        r.str(QStringLiteral("lastName")), r.str(QStringLiteral("displayName")),
        r[QStringLiteral("version")].toInt32(), r.boolean(QStringLiteral("verified")) };
}

QJsonObject ScheduledUser::toJson() const
{
    return { { QStringLiteral("username"), username }, { QStringLiteral("firstName"), firstName },
        { QStringLiteral("lastName"), lastName }, { QStringLiteral("displayName"), displayName },
        { QStringLiteral("version"), version }, { QStringLiteral("verified"), verified } };
}

QJsonObject ScheduledUserChange::toJson() const
{
    QJsonObject json { { QStringLiteral("username"), username } };
    if (position)
        json.insert(QStringLiteral("position"), *position);
    if (!memberSlug.isEmpty())
        json.insert(QStringLiteral("memberSlug"), memberSlug);
    return json;
}

RotationGroupCreation::RotationGroupCreation(
    ApiClient& client, const QString& teamSlug, NewRotationGroup group, RotationPreview preview)
    : QObject(&client)
    , m_client(&client)
    , m_teamSlug(teamSlug)
    , m_group(std::move(group))
    , m_preview(preview)
{
    send(false);
}

void RotationGroupCreation::send(bool isoStart)
{
    ++m_attempts;
    m_iso = isoStart;
    ApiRequest r = calls::request(ops::createRotationGroup, { m_teamSlug });
    if (m_preview.skip)
        r.query.addQueryItem(QStringLiteral("skip"), QString::number(*m_preview.skip));
    if (m_preview.count)
        r.query.addQueryItem(QStringLiteral("count"), QString::number(*m_preview.count));
    const ApiCall<CreatedRotationGroup> call = calls::send<CreatedRotationGroup>(
        *m_client, calls::withBody(r, m_group.toJson(isoStart)));
    m_reply = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        const ApiError error = call.reply->error();
        const bool wantsIso = error.kind == ApiErrorKind::BadRequest
            && (call.reply->body().contains(JodaDateMarker)
                || error.serverMessage.contains(QLatin1String(JodaDateMarker)));
        // The 400 says the service refused the request and created nothing: sending the same
        // group again with the other form of the start cannot create it twice.
        if (!m_iso && wantsIso && m_client) {
            qCInfo(lcApi) << "create rotation group: the service wants an ISO-8601 start; "
                             "sending it once more in that form";
            send(true);
            return;
        }
        m_error = error;
        if (!error.isError())
            m_value = call.value();
        m_finished = true;
        Q_EMIT finished();
        deleteLater();
    });
}

void RotationGroupCreation::abandon()
{
    if (m_reply)
        m_reply->abandon();
    deleteLater();
}

namespace calls {

ApiCall<TeamRotations> listTeamRotations(
    ApiClient& client, const QString& teamSlug, CallPriority priority)
{
    return send<TeamRotations>(client, request(ops::listTeamRotations, { teamSlug }, priority));
}

RotationGroupCreation* createRotationGroup(ApiClient& client, const QString& teamSlug,
    const NewRotationGroup& group, const RotationPreview& preview)
{
    return new RotationGroupCreation(client, teamSlug, group, preview);
}

ApiCall<NoContent> deleteRotationGroup(ApiClient& client, const QString& teamSlug, qint64 groupId)
{
    return sendNoContent(
        client, request(ops::deleteRotationGroup, { teamSlug, QString::number(groupId) }));
}

ApiCall<ScheduledUser> getScheduledUser(ApiClient& client, const QString& teamSlug, qint64 groupId,
    qint64 shiftId, CallPriority priority)
{
    return send<ScheduledUser>(client,
        request(ops::getScheduledUser,
            { teamSlug, QString::number(groupId), QString::number(shiftId) }, priority));
}

ApiCall<ScheduledUser> setScheduledUser(ApiClient& client, const QString& teamSlug, qint64 groupId,
    qint64 shiftId, const ScheduledUserChange& change)
{
    return send<ScheduledUser>(client,
        withBody(request(ops::setScheduledUser,
                     { teamSlug, QString::number(groupId), QString::number(shiftId) }),
            change.toJson()));
}

} // namespace calls

} // namespace rota
