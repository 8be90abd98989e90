// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "usersmodel.h"

#include "orgdirectory.h"

#include <QSet>

#include <algorithm>

namespace rota {

namespace {

bool sameRow(const User& a, const QString& aName, const User& b, const QString& bName)
{
    return a == b && a.createdAt == b.createdAt && a.passwordLastUpdated == b.passwordLastUpdated
        && a.selfUrl == b.selfUrl && aName == bName;
}

QString statusText(const User& user)
{
    return user.verified ? UsersModel::tr("Verified") : UsersModel::tr("Invited");
}

} // namespace

UsersModel::UsersModel(QObject* parent)
    : RowTableModel(parent)
{
}

UsersModel::~UsersModel() = default;

QString UsersModel::foldForSearch(const QString& text)
{
    // Decomposed, a letter's accents are separate marks that can be left out. Plain ASCII (most
    // usernames and addresses) needs no decomposition.
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return text.toLower();
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        folded.append(c);
    }
    return folded.toCaseFolded();
}

UsersModel::Row UsersModel::makeRow(const User& user, const QString& name)
{
    Row row;
    row.user = user;
    row.name = name;
    row.sortKeys[NameColumn] = foldForSearch(name);
    row.sortKeys[UsernameColumn] = foldForSearch(user.username);
    row.sortKeys[EmailColumn] = foldForSearch(user.email);
    row.sortKeys[StatusColumn] = foldForSearch(statusText(user));
    // One line per field: a query word (never a line break) cannot match across two of them.
    row.haystack = row.sortKeys[NameColumn] + QLatin1Char('\n') + row.sortKeys[UsernameColumn]
        + QLatin1Char('\n') + row.sortKeys[EmailColumn];
    return row;
}

int UsersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UsersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row& row = m_rows.at(index.row());
    const User& user = row.user;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case UsernameColumn:
            return user.username;
        case EmailColumn:
            return user.email;
        case StatusColumn:
            return statusText(user);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn) {
            return user.verified ? tr("%1 has set a password").arg(row.name)
                                 : tr("%1 has not accepted the invitation yet").arg(row.name);
        }
        return {};
    case UsernameRole:
        return user.username;
    case NameRole:
        return row.name;
    case FirstNameRole:
        return user.firstName;
    case LastNameRole:
        return user.lastName;
    case EmailRole:
        return user.email;
    case VerifiedRole:
        return user.verified;
    case HaystackRole:
        return row.haystack;
    case SortRole:
        return row.sortKeys[index.column()];
    default:
        return {};
    }
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsernameColumn:
        return tr("Username");
    case EmailColumn:
        return tr("E-mail");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> UsersModel::roleNames() const
{
    QHash<int, QByteArray> names = RowTableModel::roleNames();
    names.insert(UsernameRole, "username");
    names.insert(NameRole, "name");
    names.insert(FirstNameRole, "firstName");
    names.insert(LastNameRole, "lastName");
    names.insert(EmailRole, "email");
    names.insert(VerifiedRole, "verified");
    names.insert(HaystackRole, "haystack");
    names.insert(SortRole, "sort");
    return names;
}

OrgDirectory* UsersModel::directory() const { return m_directory; }

void UsersModel::setDirectory(OrgDirectory* directory)
{
    if (directory == m_directory)
        return;
    disconnect(m_following);
    m_directory = directory;
    if (!directory)
        return;
    const auto take = [this] {
        if (m_directory)
            setUsers(m_directory->users(), m_directory->userNames());
    };
    m_following = connect(directory, &OrgDirectory::usersChanged, this, take);
    if (directory->hasUsers())
        take();
}

void UsersModel::setUsers(const QList<User>& users, const QHash<QString, QString>& names)
{
    QList<Row> fresh;
    fresh.reserve(users.size());
    QSet<QString> seen;
    for (const User& user : users) {
        // A username the API repeats would make the diff ambiguous; the first one wins.
        if (seen.contains(user.username))
            continue;
        seen.insert(user.username);
        const auto name = names.constFind(user.username);
        fresh.append(makeRow(user, name != names.cend() ? *name : user.displayName()));
    }
    std::sort(fresh.begin(), fresh.end(), [](const Row& a, const Row& b) {
        const int order = QString::compare(a.sortKeys[NameColumn], b.sortKeys[NameColumn]);
        return order != 0 ? order < 0 : a.user.username < b.user.username;
    });
    if (m_rows.isEmpty()) {
        // The first load: one reset rather than thousands of single-row inserts.
        if (fresh.isEmpty())
            return;
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    const auto keyOf = [](const Row& row) { return row.user.username; };
    syncRows(
        m_rows, fresh, keyOf,
        [](const Row& a, const Row& b) { return sameRow(a.user, a.name, b.user, b.name); },
        rowSteps());
}

int UsersModel::rowOf(const QString& username) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).user.username == username)
            return row;
    }
    return -1;
}

const User& UsersModel::userAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row).user;
}

const QString& UsersModel::nameAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row).name;
}

const QString& UsersModel::haystackAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row).haystack;
}

const QString& UsersModel::sortKeyAt(int row, int column) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size() && column >= 0 && column < ColumnCount);
    return m_rows.at(row).sortKeys[column];
}

} // namespace rota
