// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What the Users view writes: adding (inviting), changing and removing a user; and what it reads
// beyond the org's user list: one user's personal paging policy, shown read-only.

#include "people.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace rota {

class ApiClient;
class ApiReply;
class OrgDirectory;
class PersonDetails;

//! Adds a user (POST /user: an invitation by e-mail), changes one (PUT /user/{user}) and removes
//! one (DELETE /user/{user}, their rotation and escalation-policy places going to a replacement
//! user or by a strategy). After every write, whatever its outcome, the directory reads the user
//! list again and PersonDetails forgets the people the write touched, so every view shows the
//! server's state. Failures are in words; a write refused because the API key may only read (403
//! that is not throttling) sets readOnlyReason().
//!
//! Reads a user's personal paging policy (GET /profile/{user}/policies, at user priority) for the
//! detail pane, keeping each for a minute: the API allows 20 reads a minute for the whole key.
class UsersController : public QObject {
    Q_OBJECT
public:
    enum class Write { Add, Edit, Remove };
    Q_ENUM(Write)

    //! Nothing is owned; all must outlive the controller. `people` may be nullptr.
    UsersController(ApiClient* client, OrgDirectory* directory, PersonDetails* people = nullptr,
        QObject* parent = nullptr);
    ~UsersController() override;

    OrgDirectory* directory() const;
    PersonDetails* people() const;

    //! POST /user. userAdded() or writeFailed(Write::Add, ...) follows.
    void addUser(const UserPayload& user);
    //! PUT /user/{username} with `user` (whose username must be `username`). userEdited() or
    //! writeFailed(Write::Edit, ...) follows.
    void editUser(const QString& username, const UserPayload& user);
    //! DELETE /user/{username}. userRemoved() or writeFailed(Write::Remove, ...) follows.
    void removeUser(const QString& username, const DeleteUserRequest& request);
    bool isWriting() const { return m_writes > 0; }

    //! Set when a write was refused because the API key may only read; the reason in words.
    //! Writes are still attempted when asked.
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnlyReason(const QString& reason);

    //! Reads `username`'s personal paging policy unless one read less than policyMaxAge() ago is
    //! kept (then pagingPolicyLoaded() follows at once). A read for someone else still on its way
    //! is abandoned. An empty username abandons and reads nothing.
    void loadPagingPolicy(const QString& username);
    bool isLoadingPagingPolicy() const { return !m_policyPending.isNull(); }
    QString pagingPolicyUser() const { return m_policyUser; }
    //! How long a read policy is kept; 60 s unless set.
    void setPolicyMaxAge(int ms) { m_policyMaxAgeMs = ms; }
    int policyMaxAge() const { return m_policyMaxAgeMs; }

Q_SIGNALS:
    void writingChanged(bool writing);
    //! The server added `user` (an invitation went to their e-mail).
    void userAdded(const rota::User& user);
    void userEdited(const rota::User& user);
    void userRemoved(const QString& username);
    //! `message` in words, e.g. "Could not add 'maya.g': Username 'maya.g' is unavailable".
    //! `username` is the user the write was for.
    void writeFailed(
        rota::UsersController::Write write, const QString& username, const QString& message);
    void readOnlyChanged(const QString& reason);

    void pagingPolicyLoadingChanged(bool loading);
    void pagingPolicyLoaded(const QString& username, const rota::PersonalPagingPolicy& policy);
    void pagingPolicyFailed(const QString& username, const QString& message);

private:
    void writeStarted();
    //! After a write's signals: the directory reads the users again, the people are forgotten.
    void writeEnded(const QStringList& touched);
    //! Counts `reply` as a write; when it lands, `succeeded` or writeFailed(), then writeEnded().
    void follow(ApiReply* reply, Write write, const QString& username, const QString& failedWhat,
        const QStringList& touched, const std::function<void()>& succeeded);
    void noteRefused(const ApiReply* reply);
    QString failure(const QString& what, const ApiReply* reply) const;

    ApiClient* m_client;
    QPointer<OrgDirectory> m_directory;
    QPointer<PersonDetails> m_people;
    int m_writes = 0;
    QString m_readOnlyReason;

    struct KeptPolicy {
        PersonalPagingPolicy policy;
        QDateTime readAt;
    };
    QHash<QString, KeptPolicy> m_policies;
    QPointer<ApiReply> m_policyPending;
    QString m_policyUser;
    int m_policyMaxAgeMs = 60 * 1000;
};

} // namespace rota
