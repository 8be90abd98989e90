#pragma once

// Teams: the org's team list as an item model. It holds what it is given (setTeams()); the
// TeamsController reads the teams and feeds it.

#include "rowtablemodel.h"
#include "teams.h"

#include <QList>
#include <QString>

namespace rota {

//! The org's teams, one row each, sorted by name (case-insensitive). setTeams() applies a diff
//! keyed by the team's slug: rows are inserted, removed, moved and changed in place, never reset,
//! so a view keeps its selection and scroll position.
class TeamsModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, //!< the team's name
        MembersColumn, //!< its member count
        ColumnCount
    };
    enum Role {
        SlugRole = Qt::UserRole + 1, //!< QString "team-..."
        NameRole, //!< QString
        MemberCountRole, //!< int
        IsDefaultRole, //!< bool
        SortRole, //!< the name folded to lower case, or the member count
    };

    explicit TeamsModel(QObject* parent = nullptr);
    ~TeamsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Applies `teams` as a diff against what the model holds (sorted by name first; of a slug
    //! given twice the first wins).
    void setTeams(QList<Team> teams);
    const QList<Team>& teams() const { return m_teams; }
    //! The row of the team with this slug, -1 when none.
    int rowOf(const QString& slug) const;
    //! The team at `row` (checked).
    const Team& teamAt(int row) const;

private:
    QList<Team> m_teams;
};

} // namespace rota
