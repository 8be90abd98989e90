// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "chat.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace rota {

//! The conversation of one incident, oldest first (newest last), as the chat read gives it, and
//! below it the messages this person is sending (pending) or sent while the service cannot be
//! read back (sent). A refresh is a diff keyed by the messages' sequence: new messages are
//! inserted, gone ones removed, changed ones updated; a reset happens only when another incident
//! is shown. Knows nothing of the network: IncidentChatController feeds it.
class IncidentChat : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UsernameRole = Qt::UserRole + 1, //!< QString
        AuthorRole, //!< QString: the author's name (setUserNames), else the username
        TextRole, //!< QString, as written
        TimeRole, //!< QDateTime (UTC); when the service took it, or when it was sent from here
        SequenceRole, //!< qint64; 0 for a message of this person not read back yet
        PendingRole, //!< bool: on its way
        SentRole, //!< bool: sent from here, not read back (the service cannot be read)
    };
    Q_ENUM(Role)

    explicit IncidentChat(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The incident shown; empty when none.
    QString incidentNumber() const { return m_incident; }
    //! Shows another incident's conversation (empty, until applyMessages): a model reset.
    void showIncident(const QString& incidentNumber);
    //! The messages the service has for the shown incident, in any order (they are shown by
    //! sequence). Messages sent from here and confirmed go (the read shows them now); pending
    //! ones stay last.
    void applyMessages(const QList<ChatMessage>& messages);
    //! A message on its way from `username`; returns its id for settle().
    quint64 addPending(const QString& username, const QString& text, const QDateTime& at);
    //! The pending message `id` was taken (kept as sent until a read shows it) or refused
    //! (removed).
    void settle(quint64 id, bool accepted);
    //! The newest sequence shown; 0 when none.
    qint64 newestSequence() const;

    //! username -> name, for AuthorRole (and the display text).
    void setUserNames(const QHash<QString, QString>& names);

private:
    struct Row {
        ChatMessage message;
        quint64 localId = 0; //!< a message of this person: pending or sent
        bool pending = false;
    };
    qsizetype serverRows() const;
    QString authorOf(const QString& username) const;

    QString m_incident;
    QList<Row> m_rows; //!< the service's messages by sequence, then this person's
    QHash<QString, QString> m_names; //!< case-folded username -> name
    quint64 m_nextLocal = 1;
};

} // namespace rota
