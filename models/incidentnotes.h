// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"
#include "rowtablemodel.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rota {

//! The notes and the alert body of one incident, and where loading each stands. It knows nothing
//! of the network: IncidentNotesController loads into it and sends the changes made here.
//!
//! Changes show at once, before the server answers: beginAdd() appends a pending note,
//! beginEdit() shows the new text (pending), beginRemove() marks a note pending deletion. Each
//! returns the change's id, which settle() (the server took it) or rollBack() (it refused: the
//! added note goes, the edit is undone, the deleted note stays) ends.
//!
//! A note's text is its json_value's "text" field; other fields of json_value (e.g. a runbook
//! "url") are shown as "key: value" lines and kept when the text is edited. The notes API keeps
//! no author or time of its own: Rota writes them into json_value ("author": the username,
//! "created": ISO 8601 UTC) when it adds a note, and shows them where a note has them.
class IncidentNotes : public RowListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole
        = Qt::UserRole + 1, //!< QString: the note's name (its URL part); empty while adding
        TitleRole, //!< QString: displayName (else the name)
        TextRole, //!< QString: json_value.text, else json_value as "key: value" lines
        JsonRole, //!< QJsonObject: json_value
        PendingRole, //!< int(Pending)
        //! bool: the change was sent but its answer was lost; Rota reads the notes again to learn
        //! whether the server applied it (PendingRole is still set)
        UnconfirmedRole,
        AuthorRole, //!< QString: the username in json_value.author; empty when unknown
        CreatedRole, //!< QDateTime (UTC) in json_value.created; invalid when unknown
    };
    Q_ENUM(Role)

    //! The json_value fields of the author's username and the time the note was written.
    static constexpr QLatin1String AuthorKey { "author" };
    static constexpr QLatin1String CreatedKey { "created" };

    enum class Pending { None, Add, Edit, Delete };
    Q_ENUM(Pending)
    enum class Operation { Add, Edit, Delete };
    Q_ENUM(Operation)
    enum class LoadState { Idle, Loading, Loaded, Failed };
    Q_ENUM(LoadState)

    explicit IncidentNotes(QObject* parent = nullptr);
    ~IncidentNotes() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows no notes (a model reset) and no alert for this incident, whose alert is `alertUuid`
    //! (empty: none); both loads become Idle. An empty number shows nothing.
    void setIncident(const QString& incidentNumber, const QString& alertUuid = QString());
    QString incidentNumber() const { return m_incident; }
    QString alertUuid() const { return m_alertUuid; }

    LoadState notesState() const { return m_notesState; }
    //! Why the notes could not be loaded, in words; empty unless notesState() is Failed.
    QString notesError() const { return m_notesError; }
    LoadState alertState() const { return m_alertState; }
    //! Why the alert could not be loaded, in words; empty unless alertState() is Failed.
    QString alertError() const { return m_alertError; }
    //! The alert once alertState() is Loaded.
    const Alert& alert() const { return m_alert; }

    //! Where a load stands (`error` in words when Failed). Loaded comes with setNotes / setAlert.
    void setNotesState(LoadState state, const QString& error = QString());
    void setAlertState(LoadState state, const QString& error = QString());
    //! The notes the server lists, in its order; notesState() becomes Loaded. Notes still being
    //! added stay (after them); a note being edited or deleted takes the server's version.
    void setNotes(const QList<IncidentNote>& notes);
    //! alertState() becomes Loaded.
    void setAlert(const Alert& alert);

    //! Appends a note titled `title` (empty: "Note") with `text`, pending. 0 (nothing changed)
    //! when there is no incident or the text is blank.
    quint64 beginAdd(const QString& title, const QString& text);
    //! Shows the note at `row` with this title and text, pending. 0 (nothing changed) when the
    //! row is absent, pending or still being added, or the text is blank.
    quint64 beginEdit(int row, const QString& title, const QString& text);
    //! Marks the note at `row` as being deleted. 0 (nothing changed) when the row is absent,
    //! pending or still being added.
    quint64 beginRemove(int row);
    //! The server took the change: an added note takes the name (and title and value, where
    //! given) of `answer`, an edited one the title and value given, a deleted one goes.
    void settle(quint64 change, const IncidentNote& answer = IncidentNote());
    //! The server refused the change: an added note goes, an edit is undone, a note being
    //! deleted stays.
    void rollBack(quint64 change);
    //! The row a change is on; -1 when it is no longer there (another incident, or a reload
    //! replaced the row).
    int rowOfChange(quint64 change) const;
    //! Marks the row of a pending change "not confirmed yet" (or no longer).
    void setUnconfirmed(quint64 change, bool unconfirmed);
    //! The row of the note named `name`; -1 when there is none.
    int rowOfName(const QString& name) const;

    //! The note at `row` (which must exist): its name, title and json_value.
    QString nameAt(int row) const;
    QString titleAt(int row) const;
    QJsonObject jsonAt(int row) const;

    //! "key: value" lines of a note's json_value, "text" first; the author and the time are not
    //! among them (AuthorRole, CreatedRole).
    static QString noteText(const QJsonObject& json);

Q_SIGNALS:
    void notesStateChanged(rota::IncidentNotes::LoadState state);
    void alertStateChanged(rota::IncidentNotes::LoadState state);

private:
    struct Note {
        QString name;
        QString title;
        QJsonObject json;
        Pending pending = Pending::None;
        bool unconfirmed = false;
        quint64 change = 0; //!< the change pending on the row; identifies it while unnamed
        QString titleBefore; //!< what an edit rolls back to
        QJsonObject jsonBefore;
    };

    static QString rowKey(const Note& note);
    void emitRowChanged(int row);
    void removeRow(int row);
    //! The row's change is over, whichever way: the note is no longer pending.
    void endChange(int row);

    QString m_incident;
    QString m_alertUuid;
    QList<Note> m_notes;
    quint64 m_nextChange = 1;
    LoadState m_notesState = LoadState::Idle;
    LoadState m_alertState = LoadState::Idle;
    QString m_notesError;
    QString m_alertError;
    Alert m_alert;
};

} // namespace rota
