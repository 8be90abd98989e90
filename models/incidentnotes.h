#pragma once

#include "incidents.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QString>

#include <vector>

namespace rota {

class ApiClient;
class ApiReply;

//! The notes and the alert body of one incident, loaded on demand at user priority, with add,
//! edit and delete. Changes show at once and follow the server: an added note appears pending and
//! goes away again if the server refuses it; an edit is undone; a note being deleted stays
//! (pending) until the server agrees. A refusal emits operationFailed() with the error in words
//! and the text that was typed, so the caller can keep it in front of the user.
//!
//! A note's text is its json_value's "text" field; other fields of json_value (e.g. a runbook
//! "url") are shown as "key: value" lines and kept when the text is edited.
class IncidentNotes : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole
        = Qt::UserRole + 1, //!< QString: the note's name (its URL part); empty while adding
        TitleRole, //!< QString: displayName (else the name)
        TextRole, //!< QString: json_value.text, else json_value as "key: value" lines
        JsonRole, //!< QJsonObject: json_value
        PendingRole, //!< int(Pending)
    };
    Q_ENUM(Role)

    enum class Pending { None, Add, Edit, Delete };
    Q_ENUM(Pending)
    enum class Operation { Add, Edit, Delete };
    Q_ENUM(Operation)
    enum class LoadState { Idle, Loading, Loaded, Failed };
    Q_ENUM(LoadState)

    //! The client is not owned and must outlive this.
    explicit IncidentNotes(ApiClient* client, QObject* parent = nullptr);
    ~IncidentNotes() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows the notes of this incident (a model reset) and loads them and the alert `alertUuid`
    //! (empty: no alert to show). Answers for a previous incident are dropped. An empty number
    //! clears everything.
    void setIncident(const QString& incidentNumber, const QString& alertUuid = QString());
    QString incidentNumber() const { return m_incident; }
    //! Loads the notes (and the alert) of the current incident again.
    void reload();
    //! Loads again what failed to load (nothing when all is loaded): when the service answers
    //! again, so that an error does not stay after its cause is gone.
    void retryFailed();

    LoadState notesState() const { return m_notesState; }
    QString notesError() const { return m_notesError; }
    LoadState alertState() const { return m_alertState; }
    QString alertError() const { return m_alertError; }
    QString alertUuid() const { return m_alertUuid; }
    //! The alert once alertState() is Loaded.
    const Alert& alert() const { return m_alert; }

    //! Adds a note titled `title` (empty: "Note") with `text`. False (nothing sent) when there is
    //! no incident or the text is blank.
    bool addNote(const QString& title, const QString& text);
    //! Changes the title and text of the note at `row`. False when the row is absent, pending or
    //! still being added, or the text is blank.
    bool editNote(int row, const QString& title, const QString& text);
    //! Deletes the note at `row`. False when the row is absent or pending.
    bool removeNote(int row);

    //! Note operations sent and not answered yet.
    int pendingCalls() const { return m_pendingCalls; }

    //! "key: value" lines of a note's json_value, "text" first.
    static QString noteText(const QJsonObject& json);

Q_SIGNALS:
    void notesStateChanged(rota::IncidentNotes::LoadState state);
    void alertStateChanged(rota::IncidentNotes::LoadState state);
    //! An operation was accepted by the server.
    void operationFinished(rota::IncidentNotes::Operation operation);
    //! An operation was refused; the change is rolled back. `message` is for people, e.g.
    //! "Could not add the note: …"; title and text are what was typed.
    void operationFailed(rota::IncidentNotes::Operation operation, const QString& message,
        const QString& title, const QString& text);

private:
    struct Note {
        QString name;
        QString title;
        QJsonObject json;
        Pending pending = Pending::None;
        quint64 localId = 0; //!< identifies a row while its name is not known yet
    };

    int rowOfLocal(quint64 localId) const;
    void loadNotes();
    void loadAlert();
    void setNotesState(LoadState state, const QString& error = QString());
    void setAlertState(LoadState state, const QString& error = QString());
    void emitRowChanged(int row);

    ApiClient* m_client;
    QString m_incident;
    QString m_alertUuid;
    std::vector<Note> m_notes;
    quint64 m_generation = 0; //!< bumped by setIncident: older answers are dropped
    quint64 m_nextLocalId = 1;
    int m_pendingCalls = 0;
    LoadState m_notesState = LoadState::Idle;
    LoadState m_alertState = LoadState::Idle;
    QString m_notesError;
    QString m_alertError;
    Alert m_alert;
    QPointer<ApiReply> m_notesReply;
    QPointer<ApiReply> m_alertReply;
};

} // namespace rota
