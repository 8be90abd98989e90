// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "usersfiltermodel.h"

#include "usersmodel.h"

#include <algorithm>

namespace rota {

UsersFilterModel::UsersFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(UsersModel::SortRole);
    setDynamicSortFilter(true);
}

UsersFilterModel::~UsersFilterModel() = default;

void UsersFilterModel::setSourceModel(QAbstractItemModel* source)
{
    m_users = qobject_cast<UsersModel*>(source);
    Q_ASSERT_X(!source || m_users, "UsersFilterModel", "the source must be a UsersModel");
    QSortFilterProxyModel::setSourceModel(source);
}

void UsersFilterModel::setFilter(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    QStringList words
        = UsersModel::foldForSearch(text.simplified()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Longest first: a word another one contains adds nothing, and the longest words rule out
    // the most rows at the first comparison.
    std::sort(words.begin(), words.end(),
        [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QStringList kept;
    for (const QString& word : std::as_const(words)) {
        const bool covered = std::any_of(kept.cbegin(), kept.cend(),
            [&word](const QString& longer) { return longer.contains(word); });
        if (!covered)
            kept.append(word);
    }
    if (kept == m_words)
        return;
    m_words = kept;
    invalidateRowsFilter();
}

void UsersFilterModel::setExcludedUser(const QString& username)
{
    if (username == m_excluded)
        return;
    m_excluded = username;
    invalidateRowsFilter();
}

bool UsersFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return true;
    if (!m_excluded.isEmpty()) {
        const QString username = m_users
            ? m_users->userAt(sourceRow).username
            : sourceModel()->index(sourceRow, 0).data(UsersModel::UsernameRole).toString();
        if (username == m_excluded)
            return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack = m_users
        ? m_users->haystackAt(sourceRow)
        : sourceModel()->index(sourceRow, 0).data(UsersModel::HaystackRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(),
        [&haystack](const QString& word) { return haystack.contains(word); });
}

bool UsersFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_users)
        return QSortFilterProxyModel::lessThan(left, right);
    // Equal keys in the model's order (by name, then username), whatever the order before.
    const int order = QString::compare(m_users->sortKeyAt(left.row(), left.column()),
        m_users->sortKeyAt(right.row(), right.column()));
    return order != 0 ? order < 0 : left.row() < right.row();
}

QString UsersFilterModel::usernameAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return index(row, 0).data(UsersModel::UsernameRole).toString();
}

int UsersFilterModel::rowOf(const QString& username) const
{
    if (!m_users)
        return -1;
    const int sourceRow = m_users->rowOf(username);
    if (sourceRow < 0)
        return -1;
    return mapFromSource(m_users->index(sourceRow, 0)).row();
}

} // namespace rota
