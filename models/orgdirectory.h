// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apiclient.h"
#include "oncall.h"
#include "people.h"
#include "policies.h"
#include "teams.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

namespace rota {

//! The organisation's users, teams and escalation policies (and, on demand, each team's rotation
//! groups), read once per session and shared by every view that needs a name for a slug or a list
//! to pick from. One per session (Workspace owns it), so the org's API budget is spent once.
//!
//! Each list is loaded by the first ensureLoaded() (background priority for automatic loads, user
//! priority when a dialog is waiting), kept for maxAge() and only then read again by a later
//! ensureLoaded(); refresh() reads everything again now. A list that is in flight is never asked
//! for twice. Each list reports its own outcome (usersChanged / usersFailed, ...); a failure keeps
//! the last good list and says why in words.
class OrgDirectory : public QObject {
    Q_OBJECT
public:
    enum class List { Users, Teams, Policies };
    Q_ENUM(List)

    //! Nothing is owned; the client must outlive the directory.
    explicit OrgDirectory(ApiClient* client, QObject* parent = nullptr);
    ~OrgDirectory() override;

    ApiClient* client() const { return m_client; }

    //! Loads each list that is missing or older than maxAge() and not in flight.
    void ensureLoaded(RequestScheduler::Priority priority = RequestScheduler::Priority::Background);
    //! Reads all three lists again now (lists in flight are not asked for twice).
    void refresh(RequestScheduler::Priority priority = RequestScheduler::Priority::User);
    //! How long a loaded list counts as fresh for ensureLoaded(); 5 minutes unless set.
    void setMaxAge(int ms) { m_maxAgeMs = ms; }
    int maxAge() const { return m_maxAgeMs; }

    //! True once the list has loaded at least once (it may have failed since).
    bool hasUsers() const { return m_state[idx(List::Users)].loaded; }
    bool hasTeams() const { return m_state[idx(List::Teams)].loaded; }
    bool hasPolicies() const { return m_state[idx(List::Policies)].loaded; }
    //! True while the list is being read.
    bool isLoading(List list) const { return m_state[idx(list)].inFlight; }
    //! The last failure of the list in words; empty after a success.
    QString error(List list) const { return m_state[idx(list)].error; }

    const QList<User>& users() const { return m_users; }
    const QList<Team>& teams() const { return m_teams; }
    const QList<EscalationPolicyInfo>& policies() const { return m_policies; }

    //! The user with this username, if the list has it.
    std::optional<User> userByName(const QString& username) const;
    //! The user's name as every view shows a person: "First Last", with the username added when
    //! another user has the same name ("Alex Kim (akim)"); the username itself when unknown.
    QString userDisplayName(const QString& username) const;
    //! username → userDisplayName() of everyone in the list.
    QHash<QString, QString> userNames() const;
    //! The same names keyed by case-folded username, for models that look people up as the
    //! service matches them (in any case).
    static QHash<QString, QString> foldUsernames(const QHash<QString, QString>& names);
    //! The team's name; empty when unknown.
    QString teamBySlug(const QString& teamSlug) const;
    //! The policy's name; empty when unknown.
    QString policyBySlug(const QString& policySlug) const;
    //! The name of the team that owns the policy; empty when unknown.
    QString policyTeamName(const QString& policySlug) const;
    //! policy slug → policy name of every policy in the list.
    QHash<QString, QString> policyNames() const;

    //! Reads the team's rotation groups unless they are cached or in flight; answers with
    //! rotationGroupsChanged / rotationGroupsFailed. Those that failed are read again by the next
    //! ensureLoaded() (as when the service answers again).
    void loadRotationGroups(const QString& teamSlug,
        RequestScheduler::Priority priority = RequestScheduler::Priority::Background);
    //! Forgets the team's rotation groups (after a group was created or deleted): a read in
    //! flight is dropped, and when the team's groups were read or being read they are read again
    //! (rotationGroupsChanged brings them); until then hasRotationGroups() is false.
    void reloadRotationGroups(const QString& teamSlug,
        RequestScheduler::Priority priority = RequestScheduler::Priority::Background);
    bool hasRotationGroups(const QString& teamSlug) const { return m_rotations.contains(teamSlug); }
    QList<RotationGroup> rotationGroups(const QString& teamSlug) const
    {
        return m_rotations.value(teamSlug);
    }

Q_SIGNALS:
    void usersChanged();
    void usersFailed(const QString& error);
    void teamsChanged();
    void teamsFailed(const QString& error);
    void policiesChanged();
    void policiesFailed(const QString& error);
    //! Any of the three lists answered (loaded or failed).
    void listFinished(rota::OrgDirectory::List list, bool ok);
    void rotationGroupsChanged(const QString& teamSlug);
    void rotationGroupsFailed(const QString& teamSlug, const QString& error);

private:
    struct State {
        bool loaded = false;
        bool inFlight = false;
        QDateTime loadedAt;
        QString error;
    };
    static constexpr int idx(List list) { return static_cast<int>(list); }
    bool isFresh(List list) const;
    void load(List list, RequestScheduler::Priority priority);
    void finishList(List list, bool ok, const QString& error);
    void setUsers(const QList<User>& users);

    ApiClient* m_client;
    int m_maxAgeMs = 5 * 60 * 1000;
    State m_state[3];
    QList<User> m_users;
    QHash<QString, QString> m_names; //!< username → name shown (see userDisplayName)
    QHash<QString, QString> m_foldedNames; //!< the same by case-folded username
    QList<Team> m_teams;
    QList<EscalationPolicyInfo> m_policies;
    QHash<QString, QList<RotationGroup>> m_rotations;
    QSet<QString> m_rotationsInFlight;
    QSet<QString> m_rotationsFailed; //!< read again by the next ensureLoaded()
    //! Counts each team's reloadRotationGroups(); an answer to a read sent before the last one
    //! is dropped.
    QHash<QString, int> m_rotationsGeneration;
};

} // namespace rota
