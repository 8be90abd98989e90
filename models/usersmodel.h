// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Users: the organisation's users as an item model, for the Users view. It follows the session's
// OrgDirectory (setDirectory) or holds what it is given (setUsers).

#include "people.h"
#include "rowtablemodel.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

namespace rota {

class OrgDirectory;

//! The org's users, one row each, sorted by the name shown (case-insensitive, then username).
//! setUsers() applies a diff keyed by username: rows are inserted, removed, moved and changed in
//! place, never reset (except the first load into an empty model), so a view keeps its
//! selection and scroll position.
//!
//! Each row keeps a search text (HaystackRole): the name shown, the username and the e-mail,
//! folded by foldForSearch(), so that a filter compares strings without folding 5,000 rows per
//! keystroke.
class UsersModel : public RowTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn, //!< the name as every view shows it (OrgDirectory::userDisplayName)
        UsernameColumn,
        EmailColumn,
        StatusColumn, //!< "Verified" or "Invited" (no password set yet)
        ColumnCount
    };
    enum Role {
        UsernameRole = Qt::UserRole + 1, //!< QString
        NameRole, //!< QString: the name shown
        FirstNameRole, //!< QString
        LastNameRole, //!< QString
        EmailRole, //!< QString
        VerifiedRole, //!< bool
        HaystackRole, //!< QString: name, username and e-mail folded, one per line
        SortRole, //!< the column's text folded (name, username, e-mail) or the status
    };

    explicit UsersModel(QObject* parent = nullptr);
    ~UsersModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Follows the directory: takes its users and their shown names now (when it has them) and
    //! at each usersChanged. Not owned; nullptr stops following.
    void setDirectory(OrgDirectory* directory);
    OrgDirectory* directory() const;

    //! Applies `users` as a diff against what the model holds. `names` gives the name shown for
    //! a username (a user missing from it shows User::displayName()). Of a username given twice
    //! the first wins.
    void setUsers(const QList<User>& users, const QHash<QString, QString>& names = {});

    //! The row of the user with this username, -1 when none.
    int rowOf(const QString& username) const;
    //! The user at `row` (checked).
    const User& userAt(int row) const;
    //! The name shown for the user at `row` (checked).
    const QString& nameAt(int row) const;
    //! HaystackRole of `row` without a QVariant (checked), for a filter.
    const QString& haystackAt(int row) const;
    //! SortRole of `row` in `column` without a QVariant (checked), for a sorting proxy.
    const QString& sortKeyAt(int row, int column) const;

    //! Text as a search compares it: lower-case (case-folded), accents and other combining marks
    //! dropped ("José" → "jose").
    static QString foldForSearch(const QString& text);

private:
    struct Row {
        User user;
        QString name;
        QString haystack;
        QString sortKeys[ColumnCount];
    };
    static Row makeRow(const User& user, const QString& name);

    QPointer<OrgDirectory> m_directory;
    QMetaObject::Connection m_following;
    QList<Row> m_rows;
};

} // namespace rota
