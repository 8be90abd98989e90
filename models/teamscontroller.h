// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What the teams view reads and writes: the org's teams, a team's members and admins, the
// escalation policies and one policy's steps, read into their models; creating and deleting
// policies. And what an escalation policy editor may offer: users and a team's rotation groups.

#include "oncall.h"
#include "people.h"
#include "policies.h"
#include "teams.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace rota {

class ApiClient;
class ApiReply;
class EscalationPolicyModel;
class EscalationStepModel;
class OrgDirectory;
class TeamMembersModel;
class TeamsModel;

//! Reads into a TeamsModel (GET /team), an EscalationPolicyModel (GET /policies) and an
//! EscalationStepModel (GET /policies/{slug}), keeps the chosen team's members and admins
//! (GET /team/{team}/members and /admins, in parallel) and shows them in memberModel(), creates
//! and deletes policies (POST, DELETE /policies), reading the list again after each write, and
//! adds and removes team members (POST /team/{team}/members, DELETE /team/{team}/members/{user}).
//!
//! A member change is shown at once: the chosen team's members and the team's member count
//! change before the server answers (membersChanged()). When the server refuses, the change is
//! undone (membersChanged() again) and writeFailed() says in words what happened and how things
//! stand. When its answer is lost, the members and the teams are read again instead.
//!
//! Each read says how it goes with a …LoadingChanged() signal and fails in words. A write refused
//! because the API key may only read (403 that is not throttling) sets readOnlyReason().
class TeamsController : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; `client` must outlive the controller.
    TeamsController(ApiClient* client, TeamsModel* teams, EscalationPolicyModel* policies,
        EscalationStepModel* steps, QObject* parent = nullptr);
    ~TeamsController() override;

    //! Reads the teams and the policies again (the first call is the first load).
    void refresh();
    //! Reads GET /team in the background; a read already running is left to finish.
    void refreshTeams();
    bool isLoadingTeams() const { return !m_teamsPending.isNull(); }
    //! True once the teams were read.
    bool teamsLoaded() const { return m_teamsLoaded; }

    //! Reads GET /policies in the background. Asked while a read runs, it reads once more when
    //! that one lands (a write may have changed the list after it left).
    void refreshPolicies();
    bool isLoadingPolicies() const { return !m_policiesPending.isNull(); }

    //! Another team chosen: reads its members and admins, and shows its policies from what was
    //! last read (reading the list unless a read is already on its way). An empty slug clears.
    void setTeam(const QString& teamSlug);

    //! Starts reading `teamSlug`'s members and admins, abandoning what is pending for another
    //! team; an empty slug clears.
    void loadRoster(const QString& teamSlug);
    QString rosterTeam() const { return m_rosterTeam; }
    bool isLoadingRoster() const { return m_rosterWaiting > 0; }
    //! Sorted by username; with a member change on its way, as it will be if the server agrees.
    const QList<TeamMember>& members() const { return m_members; }
    const QList<TeamAdmin>& admins() const { return m_admins; }
    //! True when `username` is among members().
    bool isMember(const QString& username) const;
    //! The members and admins as rows (admins marked, members being added marked); owned by the
    //! controller.
    TeamMembersModel* memberModel() const { return m_memberModel; }

    //! Where the names of the users being added come from (not owned; may be null: then a user
    //! is listed by username until the members are read again).
    void setDirectory(OrgDirectory* directory);

    //! POST /team/{team}/members. Refused without sending, with writeFailed() in words, when
    //! `teamSlug` is the chosen team and `username` is already one of its members (or a change of
    //! theirs is on its way). Otherwise shown at once (see the class comment); memberAdded()
    //! follows when the server agrees. Returns false when refused without sending.
    bool addMember(const QString& teamSlug, const QString& username);
    //! DELETE /team/{team}/members/{user}; `replacement`, another member of the team, takes over
    //! the removed user's shifts. Refused without sending (false, writeFailed()) when `teamSlug`
    //! is the chosen team and `username` is not a member, or `replacement` is not another one.
    //! memberRemoved() follows when the server agrees.
    bool removeMember(const QString& teamSlug, const QString& username, const QString& replacement);
    //! Why addMember() would refuse without sending, in words; empty when it would send.
    QString addRefusal(const QString& teamSlug, const QString& username) const;
    //! Why removeMember() would refuse without sending, in words; empty when it would send.
    QString removeRefusal(
        const QString& teamSlug, const QString& username, const QString& replacement) const;
    //! "First Last" of a user (a member, or the directory's), or the username when unknown.
    QString personName(const QString& username) const;
    //! The team's name, or its slug when unknown.
    QString teamName(const QString& teamSlug) const;

    //! Reads the policy into the step model; policyLoaded() or policyFailed() follows. Reading
    //! another one abandons the previous read.
    void loadPolicy(const QString& slug);
    //! Abandons a policy read and empties the step model.
    void clearPolicy();
    bool isLoadingPolicy() const { return !m_policyPending.isNull(); }

    //! POST /policies. policyCreated() or writeFailed() follows; then the list is read again.
    void createPolicy(const NewEscalationPolicy& policy);
    //! DELETE /policies/{slug}. policyDeleted() or writeFailed() follows; then the list is read
    //! again.
    void deletePolicy(const QString& slug);
    bool isWriting() const { return m_writes > 0; }

    //! Set when a write was refused because the API key may only read; the reason in words.
    //! Writes are still attempted when asked.
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnlyReason(const QString& reason);

Q_SIGNALS:
    void teamsLoadingChanged(bool loading);
    //! Reading the teams failed; `message` says why in words.
    void teamsFailed(const QString& message);
    //! The teams were read and are in the model.
    void teamsRefreshed();

    void policiesLoadingChanged(bool loading);
    void policiesFailed(const QString& message);
    //! The policies were read and are in the model.
    void policiesRefreshed();

    //! Both lists have arrived for `teamSlug`.
    void rosterLoaded(const QString& teamSlug);
    //! Either read failed; `message` in words.
    void rosterFailed(const QString& teamSlug, const QString& message);

    void policyLoadingChanged(bool loading);
    //! The step model shows `slug`.
    void policyLoaded(const QString& slug);
    void policyFailed(const QString& slug, const QString& message);

    void writingChanged(bool writing);
    void policyCreated(const rota::EscalationPolicy& policy);
    void policyDeleted(const QString& slug);
    //! `message` in words, e.g. "Could not delete 'Ops': ...".
    void writeFailed(const QString& message);
    void readOnlyChanged(const QString& reason);

    //! members() of `teamSlug` changed: a change shown before the server answers, one undone, or
    //! the members read again.
    void membersChanged(const QString& teamSlug);
    //! The server agreed to the change.
    void memberAdded(const QString& teamSlug, const QString& username);
    void memberRemoved(const QString& teamSlug, const QString& username);

private:
    struct MemberChange {
        QString teamSlug;
        QString username;
        bool adding = true;
        TeamMember member; //!< the member as listed (added, or removed)
        std::optional<TeamAdmin> admin; //!< a removed member who was an admin
        QString name; //!< the person's and the team's names, for messages
        QString teamName;
        bool listKnown = false; //!< the team's members were read when the change was asked for
    };
    MemberChange memberChange(const QString& teamSlug, const QString& username, bool adding) const;
    void sendMemberChange(
        const MemberChange& change, ApiReply* reply, const std::function<void()>& whenDone);
    void applyChange(const MemberChange& change);
    void undoChange(const MemberChange& change);
    void finishMemberWrite(const MemberChange& change, bool undo);
    void adjustCount(const QString& teamSlug, int delta);
    void updateMemberModel();
    bool isChanging(const QString& teamSlug, const QString& username) const;

    void abandonRoster();
    void rosterPartDone(const ApiReply* reply);
    void writeStarted();
    void writeEnded();
    void noteRefused(const ApiReply* reply);

    ApiClient* m_client;
    QPointer<TeamsModel> m_teams;
    QPointer<EscalationPolicyModel> m_policies;
    QPointer<EscalationStepModel> m_steps;

    QPointer<ApiReply> m_teamsPending;
    bool m_teamsLoaded = false;
    QPointer<ApiReply> m_policiesPending;
    bool m_policiesAgain = false;

    QString m_rosterTeam;
    QList<TeamMember> m_members;
    QList<TeamAdmin> m_admins;
    QList<QPointer<ApiReply>> m_rosterPending;
    QString m_rosterError;
    int m_rosterWaiting = 0;
    TeamMembersModel* m_memberModel;
    QPointer<OrgDirectory> m_directory;
    QList<MemberChange> m_changes; //!< member changes on their way
    bool m_teamsAgain = false;

    QPointer<ApiReply> m_policyPending;
    int m_writes = 0;
    QString m_readOnlyReason;
};

//! What an escalation policy's entries may page, for a policy editor: the org's users and a
//! team's rotation groups, both from the session's OrgDirectory (read once, cached per team).
class PolicyChoices : public QObject {
    Q_OBJECT
public:
    //! `directory` is not owned and must outlive this.
    explicit PolicyChoices(OrgDirectory* directory, QObject* parent = nullptr);
    ~PolicyChoices() override;

    //! Takes the users (unless taken before) and `teamSlug`'s rotation groups from the directory,
    //! which reads what it does not have yet (at user priority: someone is waiting).
    void load(const QString& teamSlug);
    QString teamSlug() const { return m_teamSlug; }
    bool isLoading() const { return m_waiting > 0; }
    //! Sorted by display name.
    const QList<User>& users() const { return m_users; }
    const QList<RotationGroup>& rotationGroups() const { return m_rotations; }

Q_SIGNALS:
    void loaded(const QString& teamSlug);
    void failed(const QString& teamSlug, const QString& message);

private:
    void takeUsers();
    void partDone(const QString& error);
    void dropPending();

    OrgDirectory* m_directory;
    QString m_teamSlug;
    QList<User> m_users;
    bool m_usersRead = false;
    QList<RotationGroup> m_rotations;
    QList<QMetaObject::Connection> m_pending;
    QString m_error;
    int m_waiting = 0;
};

} // namespace rota
