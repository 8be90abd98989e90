// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teamscontroller.h"

#include "apiclient.h"
#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "teamsmodel.h"
#include "writeoutcome.h"

#include <QSet>

#include <algorithm>

namespace rota {

namespace {

QString quoted(const QString& text) { return QLatin1Char('\'') + text + QLatin1Char('\''); }

template <typename Person> QList<Person> byUsername(QList<Person> people)
{
    std::sort(people.begin(), people.end(),
        [](const Person& a, const Person& b) { return a.username < b.username; });
    return people;
}

} // namespace

TeamsController::TeamsController(ApiClient* client, TeamsModel* teams,
    EscalationPolicyModel* policies, EscalationStepModel* steps, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_teams(teams)
    , m_policies(policies)
    , m_steps(steps)
    , m_memberModel(new TeamMembersModel(this))
{
}

TeamsController::~TeamsController()
{
    abandonRoster();
    for (const QPointer<ApiReply>& reply : { m_teamsPending, m_policiesPending, m_policyPending }) {
        if (reply)
            reply->abandon();
    }
}

void TeamsController::refresh()
{
    refreshTeams();
    refreshPolicies();
}

void TeamsController::refreshTeams()
{
    if (m_teamsPending)
        return;
    m_teamsAgain = false;
    const auto call = calls::listTeams(*m_client, RequestScheduler::Priority::Background);
    m_teamsPending = call.reply;
    Q_EMIT teamsLoadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_teamsPending.clear();
        Q_EMIT teamsLoadingChanged(false);
        if (!call.reply->ok()) {
            Q_EMIT teamsFailed(tr("Could not read the teams: %1").arg(call.reply->error().text()));
            return;
        }
        if (m_teams) {
            m_teams->setTeams(call.value().teams);
            // A member change still on its way is not in what was read yet.
            for (const MemberChange& change : std::as_const(m_changes))
                adjustCount(change.teamSlug, change.adding ? 1 : -1);
        }
        m_teamsLoaded = true;
        Q_EMIT teamsRefreshed();
        // A member change landed after this read left: its count is read once more.
        if (std::exchange(m_teamsAgain, false))
            refreshTeams();
    });
}

void TeamsController::refreshPolicies()
{
    if (m_policiesPending) {
        m_policiesAgain = true;
        return;
    }
    const auto call
        = calls::listEscalationPolicies(*m_client, RequestScheduler::Priority::Background);
    m_policiesPending = call.reply;
    Q_EMIT policiesLoadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_policiesPending.clear();
        const bool again = std::exchange(m_policiesAgain, false);
        if (!call.reply->ok()) {
            Q_EMIT policiesLoadingChanged(false);
            Q_EMIT policiesFailed(
                tr("Could not read the escalation policies: %1").arg(call.reply->error().text()));
            return;
        }
        if (m_policies)
            m_policies->setPolicies(call.value().policies);
        if (again) {
            refreshPolicies();
            return;
        }
        Q_EMIT policiesLoadingChanged(false);
        Q_EMIT policiesRefreshed();
    });
}

void TeamsController::setTeam(const QString& teamSlug)
{
    loadRoster(teamSlug);
    if (m_policies)
        m_policies->setTeam(teamSlug);
    // The list is the whole org's: a read already on its way brings this team's rows too.
    if (!m_policiesPending)
        refreshPolicies();
}

// --- members and admins ---------------------------------------------------------------------

void TeamsController::abandonRoster()
{
    for (const QPointer<ApiReply>& reply : std::as_const(m_rosterPending)) {
        if (reply)
            reply->abandon();
    }
    m_rosterPending.clear();
    m_rosterWaiting = 0;
}

void TeamsController::loadRoster(const QString& teamSlug)
{
    abandonRoster();
    const bool changed = m_rosterTeam != teamSlug || !m_members.isEmpty() || !m_admins.isEmpty();
    m_rosterTeam = teamSlug;
    m_members.clear();
    m_admins.clear();
    m_rosterError.clear();
    updateMemberModel();
    if (changed)
        Q_EMIT membersChanged(teamSlug);
    if (teamSlug.isEmpty())
        return;
    m_rosterWaiting = 2;
    const auto members = calls::listTeamMembers(*m_client, teamSlug);
    const auto admins = calls::listTeamAdmins(*m_client, teamSlug);
    m_rosterPending = { members.reply, admins.reply };
    connect(members.reply, &ApiReply::finished, this, [this, members] {
        if (members.reply->ok())
            m_members = byUsername(members.value().members);
        rosterPartDone(members.reply);
    });
    connect(admins.reply, &ApiReply::finished, this, [this, admins] {
        if (admins.reply->ok())
            m_admins = byUsername(admins.value().admins);
        rosterPartDone(admins.reply);
    });
}

void TeamsController::rosterPartDone(const ApiReply* reply)
{
    if (!reply->ok() && m_rosterError.isEmpty())
        m_rosterError = reply->error().text();
    if (--m_rosterWaiting > 0)
        return;
    m_rosterPending.clear();
    // What is on its way stays shown: the server may have read the list before it arrived.
    for (const MemberChange& change : std::as_const(m_changes)) {
        if (change.teamSlug == m_rosterTeam)
            applyChange(change);
    }
    updateMemberModel();
    Q_EMIT membersChanged(m_rosterTeam);
    if (m_rosterError.isEmpty())
        Q_EMIT rosterLoaded(m_rosterTeam);
    else
        Q_EMIT rosterFailed(
            m_rosterTeam, tr("Could not read the team's members: %1").arg(m_rosterError));
}

// --- one policy's steps ---------------------------------------------------------------------

void TeamsController::loadPolicy(const QString& slug)
{
    if (m_policyPending)
        m_policyPending->abandon();
    const auto call = calls::getEscalationPolicy(*m_client, slug);
    m_policyPending = call.reply;
    Q_EMIT policyLoadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call, slug] {
        m_policyPending.clear();
        Q_EMIT policyLoadingChanged(false);
        if (!call.reply->ok()) {
            Q_EMIT policyFailed(slug,
                tr("Could not read the escalation policy: %1").arg(call.reply->error().text()));
            return;
        }
        if (m_steps)
            m_steps->setPolicy(call.value());
        Q_EMIT policyLoaded(slug);
    });
}

void TeamsController::clearPolicy()
{
    if (m_policyPending)
        m_policyPending->abandon();
    m_policyPending.clear();
    if (m_steps)
        m_steps->clear();
}

// --- writes ---------------------------------------------------------------------------------

void TeamsController::setReadOnlyReason(const QString& reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    Q_EMIT readOnlyChanged(reason);
}

void TeamsController::writeStarted()
{
    if (m_writes++ == 0)
        Q_EMIT writingChanged(true);
}

void TeamsController::noteRefused(const ApiReply* reply)
{
    if (reply->error().kind == ApiErrorKind::Forbidden) {
        setReadOnlyReason(tr("This API key may only read: changing escalation policies and "
                             "team members needs a key with write access."));
    }
}

// After the answer's signals: the list is read again, since the write may have changed it.
void TeamsController::writeEnded()
{
    if (--m_writes == 0)
        Q_EMIT writingChanged(false);
    refreshPolicies();
}

void TeamsController::createPolicy(const NewEscalationPolicy& policy)
{
    const auto call = calls::createEscalationPolicy(*m_client, policy);
    writeStarted();
    const QString name = policy.name;
    connect(call.reply, &ApiReply::finished, this, [this, call, name] {
        if (call.reply->ok()) {
            Q_EMIT policyCreated(call.value());
        } else {
            noteRefused(call.reply);
            Q_EMIT writeFailed(
                tr("Could not create %1: %2").arg(quoted(name), call.reply->error().text()));
        }
        writeEnded();
    });
}

void TeamsController::deletePolicy(const QString& slug)
{
    const int row = m_policies ? m_policies->rowOf(slug) : -1;
    const QString name = row >= 0 ? m_policies->policyAt(row).policyName : slug;
    const auto call = calls::deleteEscalationPolicy(*m_client, slug);
    writeStarted();
    connect(call.reply, &ApiReply::finished, this, [this, call, slug, name] {
        if (call.reply->ok()) {
            Q_EMIT policyDeleted(slug);
        } else {
            noteRefused(call.reply);
            Q_EMIT writeFailed(
                tr("Could not delete %1: %2").arg(quoted(name), call.reply->error().text()));
        }
        writeEnded();
    });
}

// --- members -------------------------------------------------------------------------------

void TeamsController::setDirectory(OrgDirectory* directory) { m_directory = directory; }

bool TeamsController::isMember(const QString& username) const
{
    return std::any_of(m_members.cbegin(), m_members.cend(),
        [&username](const TeamMember& member) { return member.username == username; });
}

bool TeamsController::isChanging(const QString& teamSlug, const QString& username) const
{
    return std::any_of(m_changes.cbegin(), m_changes.cend(), [&](const MemberChange& change) {
        return change.teamSlug == teamSlug && change.username == username;
    });
}

QString TeamsController::personName(const QString& username) const
{
    for (const TeamMember& member : m_members) {
        if (member.username == username)
            return TeamMembersModel::displayName(member);
    }
    return m_directory ? m_directory->userDisplayName(username) : username;
}

QString TeamsController::teamName(const QString& teamSlug) const
{
    const int row = m_teams ? m_teams->rowOf(teamSlug) : -1;
    return row >= 0 ? m_teams->teamAt(row).name : teamSlug;
}

void TeamsController::updateMemberModel()
{
    QSet<QString> admins;
    for (const TeamAdmin& admin : std::as_const(m_admins))
        admins.insert(admin.username);
    QList<TeamMemberRow> rows;
    rows.reserve(m_members.size());
    for (const TeamMember& member : std::as_const(m_members)) {
        TeamMemberRow row;
        row.member = member;
        row.admin = admins.contains(member.username);
        row.adding = std::any_of(m_changes.cbegin(), m_changes.cend(), [&](const MemberChange& c) {
            return c.adding && c.teamSlug == m_rosterTeam && c.username == member.username;
        });
        rows.append(row);
    }
    m_memberModel->setRows(rows);
}

void TeamsController::adjustCount(const QString& teamSlug, int delta)
{
    const int row = m_teams ? m_teams->rowOf(teamSlug) : -1;
    if (row >= 0)
        m_teams->setMemberCount(teamSlug, std::max(0, m_teams->teamAt(row).memberCount + delta));
}

// Shows a change in the chosen team's lists; safe to repeat (after the members are read again).
void TeamsController::applyChange(const MemberChange& change)
{
    if (change.teamSlug != m_rosterTeam)
        return;
    const auto sameUser
        = [&change](const auto& person) { return person.username == change.username; };
    m_members.erase(std::remove_if(m_members.begin(), m_members.end(), sameUser), m_members.end());
    if (change.adding) {
        m_members.append(change.member);
        m_members = byUsername(m_members);
    } else {
        // The service drops a removed member from the admins too.
        m_admins.erase(std::remove_if(m_admins.begin(), m_admins.end(), sameUser), m_admins.end());
    }
}

void TeamsController::undoChange(const MemberChange& change)
{
    adjustCount(change.teamSlug, change.adding ? -1 : 1);
    if (change.teamSlug != m_rosterTeam)
        return;
    MemberChange reverse = change;
    reverse.adding = !change.adding;
    applyChange(reverse);
    if (change.admin) {
        m_admins.append(*change.admin);
        m_admins = byUsername(m_admins);
    }
}

QString TeamsController::addRefusal(const QString& teamSlug, const QString& username) const
{
    const QString name = personName(username);
    if (isChanging(teamSlug, username)) {
        return tr("%1 is already being added to or removed from %2: wait for that to finish.")
            .arg(name, teamName(teamSlug));
    }
    if (teamSlug == m_rosterTeam && isMember(username))
        return tr("%1 is already a member of %2.").arg(name, teamName(teamSlug));
    return {};
}

QString TeamsController::removeRefusal(
    const QString& teamSlug, const QString& username, const QString& replacement) const
{
    const QString name = personName(username);
    const QString team = teamName(teamSlug);
    if (isChanging(teamSlug, username))
        return tr("%1 is already being added to or removed from %2: wait for that to finish.")
            .arg(name, team);
    if (teamSlug != m_rosterTeam)
        return {};
    if (!isMember(username))
        return tr("%1 is not a member of %2.").arg(name, team);
    if (replacement.isEmpty() || replacement == username || !isMember(replacement)
        || isChanging(teamSlug, replacement)) {
        return tr("Someone else on %1 has to take over %2's shifts: choose another member of the "
                  "team.")
            .arg(team, name);
    }
    return {};
}

bool TeamsController::addMember(const QString& teamSlug, const QString& username)
{
    const QString refusal = addRefusal(teamSlug, username);
    if (!refusal.isEmpty()) {
        Q_EMIT writeFailed(refusal);
        return false;
    }
    MemberChange change = memberChange(teamSlug, username, true);
    if (const std::optional<User> user
        = m_directory ? m_directory->userByName(username) : std::nullopt) {
        change.member.firstName = user->firstName;
        change.member.lastName = user->lastName;
        change.member.verified = user->verified;
    }
    const auto call = calls::addTeamMember(*m_client, teamSlug, username);
    sendMemberChange(change, call.reply, [this, call, teamSlug] {
        // The server's list is the truth for the team on screen.
        if (teamSlug == m_rosterTeam)
            m_members = byUsername(call.value().members);
    });
    return true;
}

bool TeamsController::removeMember(
    const QString& teamSlug, const QString& username, const QString& replacement)
{
    const QString refusal = removeRefusal(teamSlug, username, replacement);
    if (!refusal.isEmpty()) {
        Q_EMIT writeFailed(refusal);
        return false;
    }
    MemberChange change = memberChange(teamSlug, username, false);
    if (teamSlug == m_rosterTeam) {
        for (const TeamMember& member : std::as_const(m_members)) {
            if (member.username == username)
                change.member = member;
        }
        for (const TeamAdmin& admin : std::as_const(m_admins)) {
            if (admin.username == username)
                change.admin = admin;
        }
    }
    const auto call = calls::removeTeamMember(*m_client, teamSlug, username, replacement);
    sendMemberChange(change, call.reply, [] {});
    return true;
}

TeamsController::MemberChange TeamsController::memberChange(
    const QString& teamSlug, const QString& username, bool adding) const
{
    MemberChange change;
    change.teamSlug = teamSlug;
    change.username = username;
    change.adding = adding;
    change.member.username = username;
    change.name = personName(username);
    change.teamName = teamName(teamSlug);
    change.listKnown = teamSlug == m_rosterTeam && !isLoadingRoster() && m_rosterError.isEmpty();
    return change;
}

// Shows the change at once, then keeps it, undoes it or reads the team again by the answer.
void TeamsController::sendMemberChange(
    const MemberChange& change, ApiReply* reply, const std::function<void()>& whenDone)
{
    m_changes.append(change);
    applyChange(change);
    adjustCount(change.teamSlug, change.adding ? 1 : -1);
    updateMemberModel();
    writeStarted();
    Q_EMIT membersChanged(change.teamSlug);
    connect(reply, &ApiReply::finished, this, [this, reply, change, whenDone] {
        const ApiError error = reply->error();
        const bool ok = reply->ok();
        const bool lost = !ok && answerLost(error);
        if (ok)
            whenDone();
        finishMemberWrite(change, !ok && !lost);
        if (ok) {
            if (change.adding)
                Q_EMIT memberAdded(change.teamSlug, change.username);
            else
                Q_EMIT memberRemoved(change.teamSlug, change.username);
            return;
        }
        if (lost) {
            Q_EMIT writeFailed((change.adding
                    ? tr("No answer came whether %1 was added to %2: %3 Its members are read "
                         "again to show how it stands.")
                    : tr("No answer came whether %1 was removed from %2: %3 Its members "
                         "are read again to show how it stands."))
                                   .arg(change.name, change.teamName, error.text()));
            // The service may have done it after all: it says so when read again.
            if (change.teamSlug == m_rosterTeam)
                loadRoster(m_rosterTeam);
            return;
        }
        noteRefused(reply);
        // How things stand is said only when the team's members were known: a user dropped on
        // another team may have been in it already (and the server's words may say so).
        QString message;
        if (!change.listKnown)
            message = change.adding ? tr("Could not add %1 to %2: %3")
                                    : tr("Could not remove %1 from %2: %3");
        else if (change.adding)
            message = tr("Could not add %1 to %2: %3 %1 is not a member.");
        else
            message = tr("Could not remove %1 from %2: %3 %1 is still a member.");
        Q_EMIT writeFailed(message.arg(change.name, change.teamName, error.text()));
    });
}

// The change is no longer on its way. A refused one is undone; one whose answer was lost stays
// as shown until the members are read again. The teams are read again either way: their counts
// are the server's, and others may have changed the team too.
void TeamsController::finishMemberWrite(const MemberChange& change, bool undo)
{
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        const MemberChange& pending = m_changes.at(i);
        if (pending.teamSlug == change.teamSlug && pending.username == change.username) {
            m_changes.removeAt(i);
            break;
        }
    }
    if (undo)
        undoChange(change);
    // Changes still on their way stay shown over the server's list.
    for (const MemberChange& pending : std::as_const(m_changes))
        applyChange(pending);
    updateMemberModel();
    Q_EMIT membersChanged(change.teamSlug);
    if (--m_writes == 0)
        Q_EMIT writingChanged(false);
    if (m_teamsPending)
        m_teamsAgain = true;
    else
        refreshTeams();
}

// --- PolicyChoices ------------------------------------------------------------------------

PolicyChoices::PolicyChoices(OrgDirectory* directory, QObject* parent)
    : QObject(parent)
    , m_directory(directory)
{
}

PolicyChoices::~PolicyChoices() = default;

void PolicyChoices::dropPending()
{
    for (const QMetaObject::Connection& connection : std::as_const(m_pending))
        disconnect(connection);
    m_pending.clear();
}

void PolicyChoices::takeUsers()
{
    m_users = m_directory->users();
    std::sort(m_users.begin(), m_users.end(), [](const User& a, const User& b) {
        return QString::compare(a.displayName(), b.displayName(), Qt::CaseInsensitive) < 0;
    });
    m_usersRead = true;
}

void PolicyChoices::load(const QString& teamSlug)
{
    dropPending();
    m_waiting = 0;
    m_error.clear();
    m_teamSlug = teamSlug;
    m_rotations.clear();
    bool askUsers = false;
    bool askRotations = false;
    if (!m_usersRead) {
        if (m_directory->hasUsers()) {
            takeUsers();
        } else {
            ++m_waiting;
            askUsers = true;
            m_pending.append(connect(m_directory, &OrgDirectory::usersChanged, this, [this] {
                takeUsers();
                partDone(QString());
            }));
            m_pending.append(connect(m_directory, &OrgDirectory::usersFailed, this,
                [this](const QString& error) { partDone(error); }));
        }
    }
    if (!teamSlug.isEmpty()) {
        if (m_directory->hasRotationGroups(teamSlug)) {
            m_rotations = m_directory->rotationGroups(teamSlug);
        } else {
            ++m_waiting;
            askRotations = true;
            m_pending.append(connect(m_directory, &OrgDirectory::rotationGroupsChanged, this,
                [this, teamSlug](const QString& team) {
                    if (team != teamSlug)
                        return;
                    m_rotations = m_directory->rotationGroups(teamSlug);
                    partDone(QString());
                }));
            m_pending.append(connect(m_directory, &OrgDirectory::rotationGroupsFailed, this,
                [this, teamSlug](const QString& team, const QString& error) {
                    if (team == teamSlug)
                        partDone(error);
                }));
        }
    }
    if (askUsers)
        m_directory->ensureLoaded(RequestScheduler::Priority::User);
    if (askRotations)
        m_directory->loadRotationGroups(teamSlug, RequestScheduler::Priority::User);
    if (m_waiting == 0)
        Q_EMIT loaded(m_teamSlug);
}

// `error` is already in words (the directory's).
void PolicyChoices::partDone(const QString& error)
{
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
    if (--m_waiting > 0)
        return;
    dropPending();
    if (m_error.isEmpty())
        Q_EMIT loaded(m_teamSlug);
    else
        Q_EMIT failed(m_teamSlug, m_error);
}

} // namespace rota
