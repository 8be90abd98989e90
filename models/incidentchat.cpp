// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentchat.h"

#include <QLocale>

#include <algorithm>

namespace rota {

IncidentChat::IncidentChat(QObject* parent)
    : QAbstractListModel(parent)
{
}

int IncidentChat::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString IncidentChat::authorOf(const QString& username) const
{
    const QString name = m_names.value(username.toCaseFolded());
    return name.isEmpty() ? username : name;
}

QVariant IncidentChat::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const Row& row = m_rows.at(index.row());
    const ChatMessage& m = row.message;
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1: %2").arg(authorOf(m.username), m.text);
    case Qt::ToolTipRole:
        return m.serviceTime.isValid()
            ? QLocale().toString(m.serviceTime.toLocalTime(), QLocale::LongFormat)
            : QString();
    case UsernameRole:
        return m.username;
    case AuthorRole:
        return authorOf(m.username);
    case TextRole:
        return m.text;
    case TimeRole:
        return m.serviceTime;
    case SequenceRole:
        return m.sequence;
    case PendingRole:
        return row.pending;
    case SentRole:
        return row.localId != 0 && !row.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> IncidentChat::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UsernameRole, QByteArrayLiteral("username"));
    names.insert(AuthorRole, QByteArrayLiteral("author"));
    names.insert(TextRole, QByteArrayLiteral("text"));
    names.insert(TimeRole, QByteArrayLiteral("time"));
    names.insert(SequenceRole, QByteArrayLiteral("sequence"));
    names.insert(PendingRole, QByteArrayLiteral("pending"));
    names.insert(SentRole, QByteArrayLiteral("sent"));
    return names;
}

void IncidentChat::showIncident(const QString& incidentNumber)
{
    beginResetModel();
    m_incident = incidentNumber;
    m_rows.clear();
    endResetModel();
}

qsizetype IncidentChat::serverRows() const
{
    const auto firstLocal = std::find_if(
        m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.localId != 0; });
    return firstLocal - m_rows.cbegin();
}

void IncidentChat::applyMessages(const QList<ChatMessage>& messages)
{
    QList<ChatMessage> incoming = messages;
    std::stable_sort(incoming.begin(), incoming.end(),
        [](const ChatMessage& a, const ChatMessage& b) { return a.sequence < b.sequence; });
    // Duplicate sequences: the first one wins.
    incoming.erase(
        std::unique(incoming.begin(), incoming.end(),
            [](const ChatMessage& a, const ChatMessage& b) { return a.sequence == b.sequence; }),
        incoming.end());

    // This person's confirmed messages are in the read now.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).localId != 0 && !m_rows.at(i).pending) {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }

    qsizetype at = 0;
    qsizetype next = 0;
    while (next < incoming.size() || at < serverRows()) {
        if (at >= serverRows()) {
            // The rest is new, after every message shown.
            const qsizetype count = incoming.size() - next;
            beginInsertRows({}, int(at), int(at + count - 1));
            for (qsizetype i = 0; i < count; ++i)
                m_rows.insert(at + i, Row { incoming.at(next + i), 0, false });
            endInsertRows();
            break;
        }
        const qint64 shown = m_rows.at(at).message.sequence;
        if (next >= incoming.size() || shown < incoming.at(next).sequence) {
            beginRemoveRows({}, int(at), int(at));
            m_rows.removeAt(at);
            endRemoveRows();
            continue;
        }
        const ChatMessage& message = incoming.at(next);
        if (shown > message.sequence) {
            beginInsertRows({}, int(at), int(at));
            m_rows.insert(at, Row { message, 0, false });
            endInsertRows();
        } else {
            ChatMessage& current = m_rows[at].message;
            if (current.text != message.text || current.username != message.username
                || current.serviceTime != message.serviceTime || current.tags != message.tags) {
                current = message;
                const QModelIndex changed = index(int(at));
                Q_EMIT dataChanged(changed, changed);
            }
        }
        ++at;
        ++next;
    }
}

quint64 IncidentChat::addPending(const QString& username, const QString& text, const QDateTime& at)
{
    Row row;
    row.message.username = username;
    row.message.text = text;
    row.message.serviceTime = at;
    row.localId = m_nextLocal++;
    row.pending = true;
    const int position = static_cast<int>(m_rows.size());
    beginInsertRows({}, position, position);
    m_rows.append(row);
    endInsertRows();
    return row.localId;
}

void IncidentChat::settle(quint64 id, bool accepted)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).localId != id)
            continue;
        if (accepted) {
            m_rows[i].pending = false;
            const QModelIndex changed = index(int(i));
            Q_EMIT dataChanged(changed, changed, { PendingRole, SentRole });
        } else {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        }
        return;
    }
}

qint64 IncidentChat::newestSequence() const
{
    const qsizetype count = serverRows();
    return count > 0 ? m_rows.at(count - 1).message.sequence : 0;
}

void IncidentChat::setUserNames(const QHash<QString, QString>& names)
{
    QHash<QString, QString> folded;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        folded.insert(it.key().toCaseFolded(), it.value());
    if (folded == m_names)
        return;
    m_names = folded;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0), index(int(m_rows.size()) - 1), { Qt::DisplayRole, AuthorRole });
}

} // namespace rota
