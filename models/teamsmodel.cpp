#include "teamsmodel.h"

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

void TeamsModel::setTeams(QList<Team> teams)
{
    std::sort(teams.begin(), teams.end(), byName);
    const auto slugOf = [](const Team& team) { return team.slug; };
    // A slug the API repeats would make the diff ambiguous; the first one wins.
    syncRows(m_teams, firstOfEachKey(teams, slugOf), slugOf, sameTeam, rowSteps());
}

} // namespace rota
