// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "rotationscontroller.h"

#include "apiclient.h"
#include "orgdirectory.h"
#include "teams.h"

namespace rota {

RotationsController::RotationsController(
    ApiClient* client, const QString& username, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_username(username)
{
}

RotationsController::~RotationsController()
{
    for (const QPointer<ApiReply>& reply : std::as_const(m_reads)) {
        if (reply)
            reply->abandon();
    }
    if (auto* creation = qobject_cast<RotationGroupCreation*>(m_write.data()))
        creation->abandon();
    else if (auto* reply = qobject_cast<ApiReply*>(m_write.data()))
        reply->abandon();
}

const TeamRotation* RotationsController::group(qint64 groupId) const
{
    for (const TeamRotation& rotation : m_rotations) {
        if (rotation.groupId == groupId)
            return &rotation;
    }
    return nullptr;
}

QString RotationsController::writeBlockedReason() const
{
    if (!m_readOnlyReason.isEmpty())
        return m_readOnlyReason;
    if (m_team.isEmpty() || !m_loaded)
        return tr("Rotation groups can be changed once the team's are read.");
    if (!isAdmin())
        return tr("Only the team's admins can change its rotation groups; you can see them.");
    return {};
}

void RotationsController::load(const QString& teamSlug)
{
    if (teamSlug != m_team) {
        m_team = teamSlug;
        m_rotations.clear();
        m_members.clear();
        m_admins.clear();
        m_loaded = false;
        m_error.clear();
        Q_EMIT changed(m_team);
        Q_EMIT permissionsChanged();
    }
    if (!m_team.isEmpty())
        read(int(RequestScheduler::Priority::Background));
}

void RotationsController::reload()
{
    if (!m_team.isEmpty())
        read(int(RequestScheduler::Priority::User));
}

void RotationsController::read(int priorityValue)
{
    const auto priority = static_cast<RequestScheduler::Priority>(priorityValue);
    for (const QPointer<ApiReply>& reply : std::as_const(m_reads)) {
        if (reply)
            reply->abandon();
    }
    m_reads.clear();
    const int generation = ++m_generation;
    const bool wasLoading = isLoading();
    m_pending = 3;
    m_readError.clear();
    m_nextRotations.clear();
    m_nextMembers.clear();
    m_nextAdmins.clear();
    if (!wasLoading)
        Q_EMIT loadingChanged(true);

    const auto rotations = calls::listTeamRotations(*m_client, m_team, priority);
    const auto members = calls::listTeamMembers(*m_client, m_team, priority);
    const auto admins = calls::listTeamAdmins(*m_client, m_team, priority);
    m_reads = { rotations.reply, members.reply, admins.reply };
    const auto failure = [this](const QString& what, const ApiError& error) {
        if (m_readError.isEmpty())
            m_readError = tr("Could not read the team's %1: %2").arg(what, error.text());
    };
    connect(rotations.reply, &ApiReply::finished, this, [=] {
        if (rotations.reply->ok())
            m_nextRotations = rotations.value().rotations;
        else
            failure(tr("rotation groups"), rotations.reply->error());
        finishRead(generation);
    });
    connect(members.reply, &ApiReply::finished, this, [=] {
        if (members.reply->ok()) {
            for (const TeamMember& member : members.value().members)
                m_nextMembers.append(member.username);
        } else {
            failure(tr("members"), members.reply->error());
        }
        finishRead(generation);
    });
    connect(admins.reply, &ApiReply::finished, this, [=] {
        if (admins.reply->ok()) {
            for (const TeamAdmin& admin : admins.value().admins)
                m_nextAdmins.append(admin.username);
        } else {
            failure(tr("admins"), admins.reply->error());
        }
        finishRead(generation);
    });
}

void RotationsController::finishRead(int generation)
{
    if (generation != m_generation || --m_pending > 0)
        return;
    m_reads.clear();
    Q_EMIT loadingChanged(false);
    if (!m_readError.isEmpty()) {
        m_error = m_readError;
        Q_EMIT failed(m_team, m_error);
        return;
    }
    m_error.clear();
    m_rotations = m_nextRotations;
    m_members = m_nextMembers;
    m_admins = m_nextAdmins;
    m_loaded = true;
    Q_EMIT changed(m_team);
    Q_EMIT permissionsChanged();
}

void RotationsController::setDirectory(OrgDirectory* directory) { m_directory = directory; }

void RotationsController::groupsWritten(const QString& teamSlug)
{
    if (m_directory)
        m_directory->reloadRotationGroups(teamSlug, RequestScheduler::Priority::User);
}

void RotationsController::startWrite(const QString& words)
{
    m_writing = true;
    m_writeWords = words;
    Q_EMIT writingChanged(true);
}

void RotationsController::endWrite(bool ok, const QString& message, const ApiError& error)
{
    m_writing = false;
    m_write.clear();
    if (!ok && error.kind == ApiErrorKind::Forbidden && m_readOnlyReason.isEmpty()) {
        m_readOnlyReason
            = tr("This API key may only read: rotation groups cannot be changed with it.");
        Q_EMIT permissionsChanged();
    }
    Q_EMIT writingChanged(false);
    Q_EMIT writeFinished(ok, message);
    // The server's own answer, not a local guess, is what is shown next.
    if (ok)
        reload();
}

void RotationsController::setScheduled(qint64 groupId, qint64 shiftId, const QString& username)
{
    if (m_writing) {
        Q_EMIT writeFinished(false, tr("Another change is still being saved; try again then."));
        return;
    }
    ScheduledUserChange change;
    change.username = username;
    const auto call = calls::setScheduledUser(*m_client, m_team, groupId, shiftId, change);
    m_write = call.reply;
    startWrite(tr("putting %1 on a rotation shift").arg(username));
    connect(call.reply, &ApiReply::finished, this, [this, call, username] {
        if (call.reply->ok()) {
            endWrite(true,
                tr("%1 is scheduled on the shift now.")
                    .arg(call.value().displayName.isEmpty() ? username : call.value().displayName),
                {});
        } else {
            endWrite(false,
                tr("Could not put %1 on the shift: %2").arg(username, call.reply->error().text()),
                call.reply->error());
        }
    });
}

void RotationsController::createGroup(const NewRotationGroup& group)
{
    if (m_writing) {
        Q_EMIT writeFinished(false, tr("Another change is still being saved; try again then."));
        return;
    }
    RotationGroupCreation* creation = calls::createRotationGroup(*m_client, m_team, group);
    m_write = creation;
    startWrite(tr("creating rotation group '%1'").arg(group.label));
    const QString label = group.label;
    const QString team = m_team;
    connect(creation, &RotationGroupCreation::finished, this, [this, creation, label, team] {
        if (creation->ok()) {
            groupsWritten(team);
            endWrite(true, tr("Created rotation group '%1'.").arg(label), {});
        } else {
            endWrite(false,
                tr("Could not create rotation group '%1': %2").arg(label, creation->error().text()),
                creation->error());
        }
    });
}

void RotationsController::deleteGroup(qint64 groupId)
{
    if (m_writing) {
        Q_EMIT writeFinished(false, tr("Another change is still being saved; try again then."));
        return;
    }
    const TeamRotation* known = group(groupId);
    const QString label = known ? known->label : QString::number(groupId);
    const auto call = calls::deleteRotationGroup(*m_client, m_team, groupId);
    m_write = call.reply;
    startWrite(tr("deleting rotation group '%1'").arg(label));
    const QString team = m_team;
    connect(call.reply, &ApiReply::finished, this, [this, call, label, team] {
        if (call.reply->ok()) {
            groupsWritten(team);
            endWrite(true, tr("Deleted rotation group '%1'.").arg(label), {});
        } else {
            endWrite(false,
                tr("Could not delete rotation group '%1': %2")
                    .arg(label, call.reply->error().text()),
                call.reply->error());
        }
    });
}

} // namespace rota
