// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userscontroller.h"

#include "apiclient.h"
#include "orgdirectory.h"
#include "persondetails.h"
#include "writeoutcome.h"

namespace rota {

namespace {

QString quoted(const QString& text) { return QLatin1Char('\'') + text + QLatin1Char('\''); }

} // namespace

UsersController::UsersController(
    ApiClient* client, OrgDirectory* directory, PersonDetails* people, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_directory(directory)
    , m_people(people)
{
}

UsersController::~UsersController()
{
    if (m_policyPending)
        m_policyPending->abandon();
}

OrgDirectory* UsersController::directory() const { return m_directory; }

PersonDetails* UsersController::people() const { return m_people; }

// --- writes ---------------------------------------------------------------------------------

void UsersController::setReadOnlyReason(const QString& reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    Q_EMIT readOnlyChanged(reason);
}

void UsersController::writeStarted()
{
    if (m_writes++ == 0)
        Q_EMIT writingChanged(true);
}

void UsersController::writeEnded(const QStringList& touched)
{
    if (--m_writes == 0)
        Q_EMIT writingChanged(false);
    // Whatever the outcome, the server's list is the truth: a refused write may have been
    // refused because someone else changed the same user meanwhile.
    if (m_people) {
        for (const QString& username : touched) {
            if (!username.isEmpty())
                m_people->forget(username);
        }
    }
    for (const QString& username : touched)
        m_policies.remove(username);
    if (m_directory)
        m_directory->refresh(RequestScheduler::Priority::User);
}

void UsersController::noteRefused(const ApiReply* reply)
{
    if (reply->error().kind == ApiErrorKind::Forbidden) {
        setReadOnlyReason(tr("This API key may only read: adding, changing and removing users "
                             "needs a key with write access."));
    }
}

QString UsersController::failure(const QString& what, const ApiReply* reply) const
{
    if (answerLost(reply->error())) {
        return tr("%1: the service did not answer, so it may have been done anyway. Rota reads "
                  "the user list again; check it before trying again.")
            .arg(what);
    }
    return tr("%1: %2").arg(what, reply->error().text());
}

void UsersController::follow(ApiReply* reply, Write write, const QString& username,
    const QString& failedWhat, const QStringList& touched, const std::function<void()>& succeeded)
{
    writeStarted();
    connect(reply, &ApiReply::finished, this,
        [this, reply, write, username, failedWhat, touched, succeeded] {
            if (reply->ok()) {
                succeeded();
            } else {
                noteRefused(reply);
                Q_EMIT writeFailed(write, username, failure(failedWhat, reply));
            }
            writeEnded(touched);
        });
}

void UsersController::addUser(const UserPayload& user)
{
    const auto call = calls::createUser(*m_client, user);
    follow(call.reply, Write::Add, user.username, tr("Could not add %1").arg(quoted(user.username)),
        { user.username }, [this, call] { Q_EMIT userAdded(call.value()); });
}

void UsersController::editUser(const QString& username, const UserPayload& user)
{
    const auto call = calls::updateUser(*m_client, username, user);
    follow(call.reply, Write::Edit, username, tr("Could not change %1").arg(quoted(username)),
        { username }, [this, call] { Q_EMIT userEdited(call.value()); });
}

void UsersController::removeUser(const QString& username, const DeleteUserRequest& request)
{
    const auto call = calls::deleteUser(*m_client, username, request);
    // The replacement takes over rotation places and policy steps: their details change too.
    follow(call.reply, Write::Remove, username, tr("Could not remove %1").arg(quoted(username)),
        { username, request.replacement }, [this, username] { Q_EMIT userRemoved(username); });
}

// --- the personal paging policy -------------------------------------------------------------

void UsersController::loadPagingPolicy(const QString& username)
{
    if (username == m_policyUser && m_policyPending)
        return;
    if (m_policyPending) {
        m_policyPending->abandon();
        m_policyPending.clear();
        Q_EMIT pagingPolicyLoadingChanged(false);
    }
    m_policyUser = username;
    if (username.isEmpty())
        return;
    const auto kept = m_policies.constFind(username);
    if (kept != m_policies.cend()
        && kept->readAt.msecsTo(QDateTime::currentDateTimeUtc()) < m_policyMaxAgeMs) {
        Q_EMIT pagingPolicyLoaded(username, kept->policy);
        return;
    }
    const auto call = calls::getPagingPolicy(*m_client, username, RequestScheduler::Priority::User);
    m_policyPending = call.reply;
    Q_EMIT pagingPolicyLoadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call, username] {
        m_policyPending.clear();
        Q_EMIT pagingPolicyLoadingChanged(false);
        if (!call.reply->ok()) {
            Q_EMIT pagingPolicyFailed(username,
                tr("Could not read the paging policy: %1").arg(call.reply->error().text()));
            return;
        }
        m_policies.insert(username, { call.value(), QDateTime::currentDateTimeUtc() });
        Q_EMIT pagingPolicyLoaded(username, call.value());
    });
}

} // namespace rota
