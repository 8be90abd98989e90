#include "teamscontroller.h"

#include "apiclient.h"
#include "escalationpolicymodel.h"
#include "orgdirectory.h"
#include "teamsmodel.h"

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
        if (m_teams)
            m_teams->setTeams(call.value().teams);
        m_teamsLoaded = true;
        Q_EMIT teamsRefreshed();
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
    m_rosterTeam = teamSlug;
    m_members.clear();
    m_admins.clear();
    m_rosterError.clear();
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
        setReadOnlyReason(tr("This API key may only read: creating and deleting escalation "
                             "policies needs a key with write access."));
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
