// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "orgdirectory.h"

#include <utility>

namespace rota {

OrgDirectory::OrgDirectory(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

OrgDirectory::~OrgDirectory() = default;

bool OrgDirectory::isFresh(List list) const
{
    const State& state = m_state[idx(list)];
    return state.loaded && state.error.isEmpty() && state.loadedAt.isValid()
        && state.loadedAt.msecsTo(QDateTime::currentDateTimeUtc()) < m_maxAgeMs;
}

void OrgDirectory::ensureLoaded(RequestScheduler::Priority priority)
{
    for (List list : { List::Users, List::Teams, List::Policies }) {
        if (!isFresh(list) && !m_state[idx(list)].inFlight)
            load(list, priority);
    }
    // Rotation groups that could not be read are asked for again too.
    const QSet<QString> failed = std::exchange(m_rotationsFailed, {});
    for (const QString& teamSlug : failed)
        loadRotationGroups(teamSlug, priority);
}

void OrgDirectory::refresh(RequestScheduler::Priority priority)
{
    for (List list : { List::Users, List::Teams, List::Policies }) {
        if (!m_state[idx(list)].inFlight)
            load(list, priority);
    }
}

void OrgDirectory::load(List list, RequestScheduler::Priority priority)
{
    m_state[idx(list)].inFlight = true;
    switch (list) {
    case List::Users: {
        const auto call = calls::listUsers(*m_client, priority);
        connect(call.reply, &ApiReply::finished, this, [this, call] {
            if (call.reply->ok())
                setUsers(call.value().users);
            finishList(List::Users, call.reply->ok(),
                call.reply->ok()
                    ? QString()
                    : tr("Could not load the people: %1").arg(call.reply->error().text()));
        });
        break;
    }
    case List::Teams: {
        const auto call = calls::listTeams(*m_client, priority);
        connect(call.reply, &ApiReply::finished, this, [this, call] {
            if (call.reply->ok())
                m_teams = call.value().teams;
            finishList(List::Teams, call.reply->ok(),
                call.reply->ok()
                    ? QString()
                    : tr("Could not load the teams: %1").arg(call.reply->error().text()));
        });
        break;
    }
    case List::Policies: {
        const auto call = calls::listEscalationPolicies(*m_client, priority);
        connect(call.reply, &ApiReply::finished, this, [this, call] {
            if (call.reply->ok())
                m_policies = call.value().policies;
            finishList(List::Policies, call.reply->ok(),
                call.reply->ok() ? QString()
                                 : tr("Could not load the escalation policies: %1")
                                       .arg(call.reply->error().text()));
        });
        break;
    }
    }
}

void OrgDirectory::finishList(List list, bool ok, const QString& error)
{
    State& state = m_state[idx(list)];
    state.inFlight = false;
    state.error = error;
    if (ok) {
        state.loaded = true;
        state.loadedAt = QDateTime::currentDateTimeUtc();
    }
    switch (list) {
    case List::Users:
        ok ? Q_EMIT usersChanged() : Q_EMIT usersFailed(error);
        break;
    case List::Teams:
        ok ? Q_EMIT teamsChanged() : Q_EMIT teamsFailed(error);
        break;
    case List::Policies:
        ok ? Q_EMIT policiesChanged() : Q_EMIT policiesFailed(error);
        break;
    }
    Q_EMIT listFinished(list, ok);
}

std::optional<User> OrgDirectory::userByName(const QString& username) const
{
    for (const User& user : m_users) {
        if (user.username == username)
            return user;
    }
    return std::nullopt;
}

QString OrgDirectory::userDisplayName(const QString& username) const
{
    const auto name = m_names.constFind(username);
    if (name != m_names.cend())
        return *name;
    // Incidents and schedules do not always write a username as the user list does.
    return m_foldedNames.value(username.toCaseFolded(), username);
}

QHash<QString, QString> OrgDirectory::userNames() const { return m_names; }

QHash<QString, QString> OrgDirectory::foldUsernames(const QHash<QString, QString>& names)
{
    QHash<QString, QString> folded;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        folded.insert(it.key().toCaseFolded(), it.value());
    return folded;
}

void OrgDirectory::setUsers(const QList<User>& users)
{
    m_users = users;
    // Two people of one name would look like one person in every list: the username (which the
    // service keeps unique) tells them apart. Names count as the same as people read them, in
    // any case.
    QHash<QString, int> seen;
    for (const User& user : m_users)
        ++seen[user.displayName().toCaseFolded()];
    m_names.clear();
    for (const User& user : m_users) {
        const QString name = user.displayName();
        const bool shared = seen.value(name.toCaseFolded()) > 1 && name != user.username;
        const QString shown
            = shared ? tr("%1 (%2)", "name (username)").arg(name, user.username) : name;
        m_names.insert(user.username, shown);
    }
    m_foldedNames = foldUsernames(m_names);
}

QString OrgDirectory::teamBySlug(const QString& teamSlug) const
{
    for (const Team& team : m_teams) {
        if (team.slug == teamSlug)
            return team.name;
    }
    // The policy list names the teams that own policies too.
    for (const EscalationPolicyInfo& policy : m_policies) {
        if (policy.teamSlug == teamSlug && !policy.teamName.isEmpty())
            return policy.teamName;
    }
    return {};
}

QString OrgDirectory::policyBySlug(const QString& policySlug) const
{
    for (const EscalationPolicyInfo& policy : m_policies) {
        if (policy.policySlug == policySlug)
            return policy.policyName;
    }
    return {};
}

QString OrgDirectory::policyTeamName(const QString& policySlug) const
{
    for (const EscalationPolicyInfo& policy : m_policies) {
        if (policy.policySlug == policySlug)
            return policy.teamName;
    }
    return {};
}

QHash<QString, QString> OrgDirectory::policyNames() const
{
    QHash<QString, QString> names;
    for (const EscalationPolicyInfo& policy : m_policies)
        names.insert(policy.policySlug, policy.policyName);
    return names;
}

void OrgDirectory::loadRotationGroups(const QString& teamSlug, RequestScheduler::Priority priority)
{
    if (m_rotations.contains(teamSlug) || m_rotationsInFlight.contains(teamSlug))
        return;
    m_rotationsInFlight.insert(teamSlug);
    const int generation = m_rotationsGeneration.value(teamSlug);
    const auto call = calls::listRotationGroups(*m_client, teamSlug, priority);
    connect(call.reply, &ApiReply::finished, this, [this, call, teamSlug, generation] {
        // Sent before the groups changed: the read sent since then answers instead.
        if (generation != m_rotationsGeneration.value(teamSlug))
            return;
        m_rotationsInFlight.remove(teamSlug);
        if (!call.reply->ok()) {
            m_rotationsFailed.insert(teamSlug);
            Q_EMIT rotationGroupsFailed(teamSlug,
                tr("Could not load the rotation groups: %1").arg(call.reply->error().text()));
            return;
        }
        m_rotations.insert(teamSlug, call.value().rotationGroups);
        Q_EMIT rotationGroupsChanged(teamSlug);
    });
}

void OrgDirectory::reloadRotationGroups(
    const QString& teamSlug, RequestScheduler::Priority priority)
{
    const bool cached = m_rotations.remove(teamSlug);
    const bool reading = m_rotationsInFlight.remove(teamSlug);
    const bool failed = m_rotationsFailed.remove(teamSlug);
    ++m_rotationsGeneration[teamSlug];
    if (cached || reading || failed)
        loadRotationGroups(teamSlug, priority);
}

} // namespace rota
