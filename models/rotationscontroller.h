// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A team's rotation groups as the newer operations give them (the v2 listing with shifts, members
// and who is on now), the team's members and admins, and the writes: set the scheduled user of a
// shift, create a group, delete one.

#include "apierror.h"
#include "rotations.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;
class OrgDirectory;

//! Reads a team's rotation groups (GET /v2/team/{team}/rotations), members and admins (GET
//! /team/{team}/members and /admins) in parallel, and writes them: PUT …/scheduled,
//! POST /teams/{team}/rotations, DELETE /teams/{team}/rotations/{groupId}.
//!
//! Nothing is shown before the server answers: after every write that worked, the rotations are
//! read again and changed() brings the server's own answer; writeFinished() says in words how the
//! write went (a refused write changes nothing and keeps the caller's input for another try).
//!
//! Writes are offered to the team's admins only (as the web application does): writeBlockedReason()
//! says in a sentence why they are off for the signed-in user, or that the API key may only read
//! (found on the first write refused with 403).
class RotationsController : public QObject {
    Q_OBJECT
public:
    //! `username`: the signed-in user. Nothing is owned; `client` must outlive the controller.
    RotationsController(ApiClient* client, const QString& username, QObject* parent = nullptr);
    ~RotationsController() override;

    //! The session's directory, told to read a team's rotation groups again after a group of it
    //! was created or deleted (other views offer the groups from there); not owned, may be null.
    void setDirectory(OrgDirectory* directory);

    //! Reads `teamSlug`'s rotation groups, members and admins (background priority), dropping
    //! what is in flight for another team. Another team's groups are not shown meanwhile.
    void load(const QString& teamSlug);
    //! Reads the current team again at user priority (after a write, or when asked).
    void reload();

    QString team() const { return m_team; }
    const QList<TeamRotation>& rotations() const { return m_rotations; }
    //! The group with this id, if read.
    const TeamRotation* group(qint64 groupId) const;
    //! The team's members (usernames), for picking a new group's members.
    const QStringList& members() const { return m_members; }
    bool isAdmin() const { return m_admins.contains(m_username, Qt::CaseInsensitive); }
    bool isLoading() const { return m_pending > 0; }
    bool isLoaded() const { return m_loaded; }
    //! The last read's failure in words; empty after a success.
    QString error() const { return m_error; }

    //! Why the signed-in user cannot change the rotation groups, in a sentence; empty when they
    //! can.
    QString writeBlockedReason() const;
    bool canWrite() const { return writeBlockedReason().isEmpty(); }
    bool isWriting() const { return m_writing; }
    //! The write sent and not answered yet, in words ("creating rotation group 'Primary'");
    //! empty when none. For the question before Rota quits.
    QString writeInFlight() const { return m_writing ? m_writeWords : QString(); }
    //! Set when a write was refused because the API key may only read.
    QString readOnlyReason() const { return m_readOnlyReason; }

    //! Puts `username` on the shift now. One write at a time: asked while one runs, it is refused
    //! with writeFinished(false, …).
    void setScheduled(qint64 groupId, qint64 shiftId, const QString& username);
    //! Creates the group under the current team.
    void createGroup(const NewRotationGroup& group);
    //! Deletes the group of the current team.
    void deleteGroup(qint64 groupId);

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! The team's groups, members and admins were read (rotations() has them).
    void changed(const QString& teamSlug);
    //! A read failed; `message` in words. What was shown for the same team stays.
    void failed(const QString& teamSlug, const QString& message);
    void writingChanged(bool writing);
    //! A write was answered. ok: the server took it (the rotations are being read again, and a
    //! schedule shown should be read again too); else `message` says why, in words.
    void writeFinished(bool ok, const QString& message);
    //! writeBlockedReason() may have changed.
    void permissionsChanged();

private:
    void read(int priority);
    void finishRead(int generation);
    void startWrite(const QString& words);
    void endWrite(bool ok, const QString& message, const ApiError& error);
    //! After a group of `teamSlug` was created or deleted.
    void groupsWritten(const QString& teamSlug);

    ApiClient* m_client;
    QPointer<OrgDirectory> m_directory;
    QString m_username;
    QString m_team;
    QList<TeamRotation> m_rotations;
    QStringList m_members;
    QStringList m_admins;
    bool m_loaded = false;
    QString m_error;
    QString m_readOnlyReason;
    int m_generation = 0;
    int m_pending = 0; //!< reads of the current generation still out
    QString m_readError; //!< the first failure of the current read
    // What the current read brought so far.
    QList<TeamRotation> m_nextRotations;
    QStringList m_nextMembers;
    QStringList m_nextAdmins;
    QList<QPointer<ApiReply>> m_reads;
    bool m_writing = false;
    QString m_writeWords;
    QPointer<QObject> m_write; //!< the write in flight (an ApiReply or a RotationGroupCreation)
};

} // namespace rota
