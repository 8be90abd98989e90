// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace rota {

class UsersModel;

//! Filters and sorts a UsersModel for the Users view. The filter is words: a user is shown when
//! every word occurs in their name, username or e-mail, ignoring case and accents ("jose gar"
//! finds "José García"). Each row's folded text is kept by the model (UsersModel::HaystackRole),
//! so a keystroke compares strings only; 5,000 users filter in well under a frame.
//!
//! Sortable by every column, by UsersModel::SortRole (the folded text), rows of equal keys in the
//! model's order (by name). Rows that change are filtered and sorted again (dynamic).
class UsersFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit UsersFilterModel(QObject* parent = nullptr);
    ~UsersFilterModel() override;

    //! The source must be a UsersModel (its rows are read directly, without QVariants).
    void setSourceModel(QAbstractItemModel* source) override;
    UsersModel* usersModel() const { return m_users; }

    //! Words separated by white space; empty shows everyone.
    void setFilter(const QString& text);
    QString filter() const { return m_text; }
    //! The words as compared (folded, without repeats or words another word contains).
    const QStringList& filterWords() const { return m_words; }

    //! Leaves this user out whatever the filter (e.g. the one being removed, from the list of
    //! their possible replacements); empty: nobody.
    void setExcludedUser(const QString& username);
    QString excludedUser() const { return m_excluded; }

    //! The username of the proxy row `row`; empty when out of range.
    QString usernameAt(int row) const;
    //! The proxy row of `username`; -1 when the filter hides it or there is no such user.
    int rowOf(const QString& username) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    UsersModel* m_users = nullptr;
    QString m_text;
    QStringList m_words;
    QString m_excluded;
};

} // namespace rota
