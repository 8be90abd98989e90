#include "teamsmodel.h"

#include "apiclient.h"
#include "orgdirectory.h"

#include <QSet>

#include <algorithm>

namespace rota {

namespace {

bool sameTeam(const Team& a, const Team& b)
{
    return a.name == b.name && a.memberCount == b.memberCount && a.version == b.version
        && a.isDefaultTeam == b.isDefaultTeam && a.selfUrl == b.selfUrl
        && a.membersUrl == b.membersUrl && a.policiesUrl == b.policiesUrl
        && a.adminsUrl == b.adminsUrl;
}

bool byName(const Team& a, const Team& b)
{
    const int order = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a.slug < b.slug;
}

} // namespace

TeamsModel::TeamsModel(ApiClient* client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
}

TeamsModel::~TeamsModel()
{
    if (m_pending)
        m_pending->abandon();
}

int TeamsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_teams.size());
}

int TeamsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamsModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Team& team = m_teams.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MembersColumn)
            return team.memberCount;
        return team.name;
    case Qt::ToolTipRole:
        return team.memberCount == 1
            ? tr("%1: 1 member").arg(team.name)
            : tr("%1: %2 members").arg(team.name, QString::number(team.memberCount));
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SlugRole:
        return team.slug;
    case NameRole:
        return team.name;
    case MemberCountRole:
        return team.memberCount;
    case IsDefaultRole:
        return team.isDefaultTeam;
    case SortRole:
        if (index.column() == MembersColumn)
            return team.memberCount;
        return team.name.toLower();
    default:
        return {};
    }
}

QVariant TeamsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Team");
    case MembersColumn:
        return tr("Members");
    default:
        return {};
    }
}

QHash<int, QByteArray> TeamsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SlugRole, "slug");
    names.insert(NameRole, "name");
    names.insert(MemberCountRole, "memberCount");
    names.insert(IsDefaultRole, "isDefault");
    names.insert(SortRole, "sort");
    return names;
}

int TeamsModel::rowOf(const QString& slug) const
{
    for (int row = 0; row < m_teams.size(); ++row) {
        if (m_teams.at(row).slug == slug)
            return row;
    }
    return -1;
}

const Team& TeamsModel::teamAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_teams.size());
    return m_teams.at(row);
}

void TeamsModel::setTeams(QList<Team> teams)
{
    std::sort(teams.begin(), teams.end(), byName);
    // A slug the API repeats would make the diff ambiguous; the first one wins.
    QSet<QString> wanted;
    QList<Team> unique;
    unique.reserve(teams.size());
    for (Team& team : teams) {
        if (!wanted.contains(team.slug)) {
            wanted.insert(team.slug);
            unique.append(std::move(team));
        }
    }

    // Removals first (bottom up), then walk the wanted order: a row already in place is updated,
    // one further down is moved up, a new one inserted. Each step keeps the rows above `i` equal
    // to the target, so the walk ends with exactly the target list.
    for (int row = static_cast<int>(m_teams.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_teams.at(row).slug)) {
            beginRemoveRows({}, row, row);
            m_teams.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < unique.size(); ++i) {
        const Team& target = unique.at(i);
        if (i < m_teams.size() && m_teams.at(i).slug == target.slug) {
            if (!sameTeam(m_teams.at(i), target)) {
                m_teams[i] = target;
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        int from = -1;
        for (int j = i + 1; j < m_teams.size(); ++j) {
            if (m_teams.at(j).slug == target.slug) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_teams.move(from, i);
            endMoveRows();
            if (!sameTeam(m_teams.at(i), target)) {
                m_teams[i] = target;
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, i, i);
            m_teams.insert(i, target);
            endInsertRows();
        }
    }
}

void TeamsModel::refresh()
{
    if (!m_client || m_pending)
        return;
    const auto call = calls::listTeams(*m_client, RequestScheduler::Priority::Background);
    m_pending = call.reply;
    Q_EMIT loadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_pending.clear();
        Q_EMIT loadingChanged(false);
        if (!call.reply->ok()) {
            Q_EMIT failed(tr("Could not read the teams: %1").arg(call.reply->error().text()));
            return;
        }
        setTeams(call.value().teams);
        m_loaded = true;
        Q_EMIT refreshed();
    });
}

// --- TeamRoster ---------------------------------------------------------------------------

TeamRoster::TeamRoster(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

TeamRoster::~TeamRoster() { abandonPending(); }

void TeamRoster::abandonPending()
{
    for (const QPointer<ApiReply>& reply : std::as_const(m_pending)) {
        if (reply)
            reply->abandon();
    }
    m_pending.clear();
    m_waiting = 0;
}

void TeamRoster::load(const QString& teamSlug)
{
    abandonPending();
    m_teamSlug = teamSlug;
    m_members.clear();
    m_admins.clear();
    m_error.clear();
    if (teamSlug.isEmpty())
        return;
    m_waiting = 2;
    const auto members = calls::listTeamMembers(*m_client, teamSlug);
    const auto admins = calls::listTeamAdmins(*m_client, teamSlug);
    m_pending = { members.reply, admins.reply };
    connect(members.reply, &ApiReply::finished, this, [this, members] {
        if (members.reply->ok()) {
            m_members = members.value().members;
            std::sort(m_members.begin(), m_members.end(),
                [](const TeamMember& a, const TeamMember& b) { return a.username < b.username; });
        }
        partDone(members.reply->ok() ? QString() : members.reply->error().text());
    });
    connect(admins.reply, &ApiReply::finished, this, [this, admins] {
        if (admins.reply->ok()) {
            m_admins = admins.value().admins;
            std::sort(m_admins.begin(), m_admins.end(),
                [](const TeamAdmin& a, const TeamAdmin& b) { return a.username < b.username; });
        }
        partDone(admins.reply->ok() ? QString() : admins.reply->error().text());
    });
}

void TeamRoster::partDone(const QString& error)
{
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
    if (--m_waiting > 0)
        return;
    m_pending.clear();
    if (m_error.isEmpty())
        Q_EMIT loaded(m_teamSlug);
    else
        Q_EMIT failed(m_teamSlug, tr("Could not read the team's members: %1").arg(m_error));
}

// --- PolicyChoices ------------------------------------------------------------------------

PolicyChoices::PolicyChoices(ApiClient* client, QObject* parent)
    : PolicyChoices(client, nullptr, parent)
{
}

PolicyChoices::PolicyChoices(ApiClient* client, OrgDirectory* directory, QObject* parent)
    : QObject(parent)
    , m_directory(directory ? directory : new OrgDirectory(client, this))
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
