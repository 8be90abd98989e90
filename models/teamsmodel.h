// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Teams: the org's team list as an item model, a team's members (with its admins marked), and the
// org's users to add to a team (dragged as a list of usernames). Each holds what it is given; the
// TeamsController reads the teams and members and feeds them.

#include "rowtablemodel.h"
#include "teams.h"

#include <QIdentityProxyModel>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QMimeData;

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
    //! Sets the member count of the team with this slug (a member added or removed before the
    //! list is read again); false when there is no such team.
    bool setMemberCount(const QString& slug, int count);

private:
    QList<Team> m_teams;
};

//! The MIME type of dragged users: their usernames, one per line, in UTF-8.
QString usernamesMimeType();
//! New mime data carrying `usernames` (the caller owns it).
QMimeData* usernamesMimeData(const QStringList& usernames);
//! The usernames `data` carries (empty when it carries none).
QStringList usernamesFromMimeData(const QMimeData* data);

//! One member of a team as TeamMembersModel shows it.
struct TeamMemberRow {
    TeamMember member;
    bool admin = false; //!< also one of the team's admins
    bool adding = false; //!< added here, the server has not said yes yet

    bool operator==(const TeamMemberRow& other) const;
    bool operator!=(const TeamMemberRow& other) const { return !(*this == other); }
};

//! A team's members, one row each, sorted by name (case-insensitive, then username). setRows()
//! applies a diff keyed by username (never a reset), so selection and scrolling stay.
class TeamMembersModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, //!< "First Last", or the username when the names are empty
        UsernameColumn,
        RoleColumn, //!< "admin" for an admin; "adding…" while an add is on its way
        ColumnCount
    };
    enum Role {
        UsernameRole = Qt::UserRole + 1, //!< QString
        NameRole, //!< QString, as in NameColumn
        IsAdminRole, //!< bool
        IsAddingRole, //!< bool
        SortRole, //!< the column's text folded to lower case
    };

    explicit TeamMembersModel(QObject* parent = nullptr);
    ~TeamMembersModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Applies `rows` as a diff (sorted first; of a username given twice the first wins).
    void setRows(QList<TeamMemberRow> rows);
    const QList<TeamMemberRow>& rows() const { return m_rows; }
    //! The row of the member with this username, -1 when none.
    int rowOf(const QString& username) const;
    //! "First Last" of a member, or the username when the names are empty.
    static QString displayName(const TeamMember& member);

private:
    QList<TeamMemberRow> m_rows;
};

//! The org's users to pick from when adding members, over a UsersModel (or a proxy of one, such
//! as UsersFilterModel): each row drags as usernamesMimeData(), and the users already in the
//! chosen team (setMembers()) are marked in its name, tooltip and IsMemberRole.
class UserPickModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    enum Role {
        IsMemberRole = Qt::UserRole + 100, //!< bool: already a member of the chosen team
    };

    explicit UserPickModel(QObject* parent = nullptr);
    ~UserPickModel() override;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    //! Marks the users whose usernames are `members` as members of `teamName`.
    void setMembers(const QSet<QString>& members, const QString& teamName);
    bool isMember(const QString& username) const { return m_members.contains(username); }
    //! The row of the user with this username, -1 when none (or hidden by a filter below).
    int rowOf(const QString& username) const;

private:
    QSet<QString> m_members;
    QString m_teamName;
};

} // namespace rota
