// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "teamsmodel.h"

#include "usersmodel.h"

#include <QFont>
#include <QMimeData>

#include <algorithm>
#include <functional>

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

// People by name as they are shown, then by username so that the order is total.
bool byPersonName(
    const QString& nameA, const QString& userA, const QString& nameB, const QString& userB)
{
    const int order = QString::compare(nameA, nameB, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : userA < userB;
}

} // namespace

TeamsModel::TeamsModel(QObject* parent)
    : RowTableModel(parent)
{
}

TeamsModel::~TeamsModel() = default;

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
        return tr("%1: %n member(s)", nullptr, team.memberCount).arg(team.name);
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
    QHash<int, QByteArray> names = RowTableModel::roleNames();
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

bool TeamsModel::setMemberCount(const QString& slug, int count)
{
    const int row = rowOf(slug);
    if (row < 0)
        return false;
    if (m_teams.at(row).memberCount == count)
        return true;
    m_teams[row].memberCount = count;
    // The tooltip of every column says the count.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void TeamsModel::setTeams(QList<Team> teams)
{
    std::sort(teams.begin(), teams.end(), byName);
    const auto slugOf = [](const Team& team) { return team.slug; };
    // A slug the API repeats would make the diff ambiguous; the first one wins.
    syncRows(m_teams, firstOfEachKey(teams, slugOf), slugOf, sameTeam, rowSteps());
}

// --- dragged users ------------------------------------------------------------------------

QString usernamesMimeType() { return QStringLiteral("application/x-rota-usernames"); }

QMimeData* usernamesMimeData(const QStringList& usernames)
{
    auto* data = new QMimeData;
    data->setData(usernamesMimeType(), usernames.join(QLatin1Char('\n')).toUtf8());
    // Dropped on a text field elsewhere, the names are at least readable.
    data->setText(usernames.join(QLatin1String(", ")));
    return data;
}

QStringList usernamesFromMimeData(const QMimeData* data)
{
    if (!data || !data->hasFormat(usernamesMimeType()))
        return {};
    QStringList usernames;
    const QStringList lines
        = QString::fromUtf8(data->data(usernamesMimeType())).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString username = line.trimmed();
        if (!username.isEmpty() && !usernames.contains(username))
            usernames.append(username);
    }
    return usernames;
}

// --- TeamMembersModel ---------------------------------------------------------------------

bool TeamMemberRow::operator==(const TeamMemberRow& other) const
{
    return member.username == other.member.username && member.firstName == other.member.firstName
        && member.lastName == other.member.lastName && member.version == other.member.version
        && member.verified == other.member.verified && admin == other.admin
        && adding == other.adding;
}

TeamMembersModel::TeamMembersModel(QObject* parent)
    : RowTableModel(parent)
{
}

TeamMembersModel::~TeamMembersModel() = default;

QString TeamMembersModel::displayName(const TeamMember& member)
{
    const QString name = QString(member.firstName + QLatin1Char(' ') + member.lastName).trimmed();
    return name.isEmpty() ? member.username : name;
}

int TeamMembersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TeamMembersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamMembersModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const TeamMemberRow& row = m_rows.at(index.row());
    const QString name = displayName(row.member);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case UsernameColumn:
            return row.member.username;
        case RoleColumn:
            if (row.adding)
                return tr("adding…");
            return row.admin ? tr("admin") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (row.adding)
            return tr("%1 (%2): being added").arg(name, row.member.username);
        return row.admin
            ? tr("%1 (%2): member and admin of this team").arg(name, row.member.username)
            : tr("%1 (%2): member of this team").arg(name, row.member.username);
    case Qt::FontRole:
        if (row.adding || (row.admin && index.column() == RoleColumn)) {
            QFont font;
            font.setItalic(row.adding);
            font.setBold(!row.adding);
            return font;
        }
        return {};
    case UsernameRole:
        return row.member.username;
    case NameRole:
        return name;
    case IsAdminRole:
        return row.admin;
    case IsAddingRole:
        return row.adding;
    case SortRole:
        return index.data(Qt::DisplayRole).toString().toLower();
    default:
        return {};
    }
}

QVariant TeamMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsernameColumn:
        return tr("Username");
    case RoleColumn:
        return tr("Role");
    default:
        return {};
    }
}

QHash<int, QByteArray> TeamMembersModel::roleNames() const
{
    QHash<int, QByteArray> names = RowTableModel::roleNames();
    names.insert(UsernameRole, "username");
    names.insert(NameRole, "name");
    names.insert(IsAdminRole, "isAdmin");
    names.insert(IsAddingRole, "isAdding");
    names.insert(SortRole, "sort");
    return names;
}

int TeamMembersModel::rowOf(const QString& username) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).member.username == username)
            return row;
    }
    return -1;
}

void TeamMembersModel::setRows(QList<TeamMemberRow> rows)
{
    std::sort(rows.begin(), rows.end(), [](const TeamMemberRow& a, const TeamMemberRow& b) {
        return byPersonName(
            displayName(a.member), a.member.username, displayName(b.member), b.member.username);
    });
    const auto keyOf = [](const TeamMemberRow& row) { return row.member.username; };
    syncRows(
        m_rows, firstOfEachKey(rows, keyOf), keyOf, std::equal_to<TeamMemberRow>(), rowSteps());
}

// --- UserPickModel ------------------------------------------------------------------------

UserPickModel::UserPickModel(QObject* parent)
    : QIdentityProxyModel(parent)
{
}

UserPickModel::~UserPickModel() = default;

QVariant UserPickModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    // From the source: asking the index would come back here.
    const QString username = QIdentityProxyModel::data(index, UsersModel::UsernameRole).toString();
    const bool member = m_members.contains(username);
    if (role == IsMemberRole)
        return member;
    if (!member || index.column() != UsersModel::NameColumn)
        return QIdentityProxyModel::data(index, role);
    const QString name = QIdentityProxyModel::data(index, UsersModel::NameRole).toString();
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (member)").arg(name);
    case Qt::ToolTipRole:
        return tr("%1 (%2) is already a member of %3").arg(name, username, m_teamName);
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

Qt::ItemFlags UserPickModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList UserPickModel::mimeTypes() const { return { usernamesMimeType() }; }

QMimeData* UserPickModel::mimeData(const QModelIndexList& indexes) const
{
    QList<int> rows;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && index.model() == this && !rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty())
        return nullptr;
    // In the list's order, whatever order the selection was made in.
    std::sort(rows.begin(), rows.end());
    QStringList usernames;
    for (int row : std::as_const(rows))
        usernames.append(index(row, 0).data(UsersModel::UsernameRole).toString());
    return usernamesMimeData(usernames);
}

int UserPickModel::rowOf(const QString& username) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(UsersModel::UsernameRole).toString() == username)
            return row;
    }
    return -1;
}

void UserPickModel::setMembers(const QSet<QString>& members, const QString& teamName)
{
    const QSet<QString> before = std::exchange(m_members, members);
    const bool renamed = teamName != m_teamName;
    m_teamName = teamName;
    for (int row = 0; row < rowCount(); ++row) {
        const QString username = index(row, 0).data(UsersModel::UsernameRole).toString();
        const bool wasMember = before.contains(username);
        if (wasMember != m_members.contains(username) || (renamed && wasMember))
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

} // namespace rota
