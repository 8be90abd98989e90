#pragma once

#include "incidentnotes.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
struct ApiError;
class ApiReply;

//! Loads the notes and the alert of one incident into an IncidentNotes, at user priority, and
//! sends the notes added, edited and deleted there. Changes show at once and follow the server:
//! an added note appears pending and goes away again if the server refuses it; an edit is
//! undone; a note being deleted stays (pending) until the server agrees. A refusal emits
//! operationFailed() with the error in words and the text that was typed, so that the caller can
//! keep it in front of the user. Answers for an incident no longer shown are dropped.
class IncidentNotesController : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; the client and the notes must outlive the controller.
    IncidentNotesController(ApiClient* client, IncidentNotes* notes, QObject* parent = nullptr);
    ~IncidentNotesController() override;

    IncidentNotes* notes() const { return m_notes; }

    //! Shows the notes of this incident (a model reset) and loads them and the alert `alertUuid`
    //! (empty: no alert to show). An empty number clears everything.
    void setIncident(const QString& incidentNumber, const QString& alertUuid = QString());
    //! Loads the notes (and the alert) of the current incident again.
    void reload();
    //! Loads again what failed to load (nothing when all is loaded): when the service answers
    //! again, so that an error does not stay after its cause is gone.
    void retryFailed();

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

Q_SIGNALS:
    //! An operation was accepted by the server.
    void operationFinished(rota::IncidentNotes::Operation operation);
    //! An operation was refused; the change is rolled back. `message` is for people, e.g.
    //! "Could not add the note: …"; title and text are what was typed.
    void operationFailed(rota::IncidentNotes::Operation operation, const QString& message,
        const QString& title, const QString& text);

private:
    enum class Part { Notes, Alert };
    void loadNotes();
    void loadAlert();
    void failLoad(Part part, const ApiError& error);
    template <typename T, typename Apply>
    void watchLoad(Part part, QPointer<ApiReply>& slot, const T& call, Apply apply);
    template <typename T>
    void watchChange(IncidentNotes::Operation operation, quint64 change, const T& call,
        const QString& title, const QString& text);

    ApiClient* m_client;
    QPointer<IncidentNotes> m_notes;
    quint64 m_generation = 0; //!< bumped by setIncident: older answers are dropped
    int m_pendingCalls = 0;
    QPointer<ApiReply> m_notesReply;
    QPointer<ApiReply> m_alertReply;
};

} // namespace rota
