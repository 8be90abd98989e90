// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidentnotes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rota {

class ApiClient;
struct ApiError;
class ApiReply;

//! What is in the note box of one incident and not on the server yet.
struct NoteDraft {
    QString title;
    QString text;
    QString editing; //!< the name of the note being changed; empty: a new note
    QJsonObject base; //!< that note's json_value when the change began (its other fields stay)
    //! Sent and not answered (or not confirmed) yet: it is not sent again until the answer.
    bool sending = false;
    //! Why the last send failed, in words (naming the incident); empty if it did not.
    QString error;

    //! Nothing typed and no note being changed.
    bool isEmpty() const
    {
        return text.trimmed().isEmpty() && title.trimmed().isEmpty() && editing.isEmpty();
    }
    //! Text that could be sent and is not on its way.
    bool isUnsent() const { return !sending && !text.trimmed().isEmpty(); }
};

//! Loads the notes and the alert of the incident shown into an IncidentNotes, at user priority,
//! sends the notes added, edited and deleted, and keeps the note box's draft of every incident.
//!
//! Changes show at once and follow the server: an added note appears pending and goes away again
//! if the server refuses it; an edit is undone; a note being deleted stays (pending) until the
//! server agrees. A write goes on when another incident is shown: its answer is reported all the
//! same (operationFinished(), operationFailed(), naming the incident), and the incident's pending
//! rows are shown again when it is shown again.
//!
//! A write whose answer was lost (ApiError::maybeApplied: the server may have applied it) is "not
//! confirmed yet" (IncidentNotes::UnconfirmedRole): the controller reads the incident's notes
//! again (repeating the read while it fails) and settles it by what the server has. Nothing is
//! sent twice: an unconfirmed note is never posted again blind, and its draft is not sent again
//! until the read shows that the note is not there.
//!
//! Drafts: the note box of each incident (setDraft()) is kept while other incidents are shown.
//! Sending one (sendDraft()) keeps it, marked sending, until the server has it; then it goes. A
//! failed send keeps it (with the reason), and a failed addNote() puts its text into an empty
//! draft, so that nothing typed is lost.
class IncidentNotesController : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; the client and the notes must outlive the controller.
    IncidentNotesController(ApiClient* client, IncidentNotes* notes, QObject* parent = nullptr);
    ~IncidentNotesController() override;

    IncidentNotes* notes() const { return m_notes; }

    //! Shows the notes of this incident (a model reset) and loads them and the alert `alertUuid`
    //! (empty: no alert to show). An empty number clears everything. Writes go on.
    void setIncident(const QString& incidentNumber, const QString& alertUuid = QString());
    //! Loads the notes (and the alert) of the current incident again.
    void reload();
    //! Loads again what failed to load (nothing when all is loaded): when the service answers
    //! again, so that an error does not stay after its cause is gone.
    void retryFailed();

    //! Adds a note titled `title` (empty: "Note") with `text` to the incident shown. False
    //! (nothing sent) when there is no incident or the text is blank.
    bool addNote(const QString& title, const QString& text);
    //! Changes the title and text of the note at `row`. False when the row is absent, pending or
    //! still being added, or the text is blank.
    bool editNote(int row, const QString& title, const QString& text);
    //! Deletes the note at `row`. False when the row is absent or pending.
    bool removeNote(int row);

    //! The draft of an incident (empty when none).
    NoteDraft draft(const QString& incidentNumber) const { return m_drafts.value(incidentNumber); }
    //! What the note box of the incident holds now (the person typing: no draftChanged()).
    void setDraft(const QString& incidentNumber, const QString& title, const QString& text);
    //! Starts changing the note named `name` of the incident shown: the draft holds its title
    //! and text.
    void beginEditDraft(const QString& name);
    //! Drops the incident's draft unless it is being sent.
    void dropDraft(const QString& incidentNumber);
    //! Sends the incident's draft (a new note, or the change of the note it edits). False when
    //! there is nothing to send, it is on its way already, or the note it changes cannot be
    //! changed now.
    bool sendDraft(const QString& incidentNumber);
    //! The incidents whose drafts hold text that is not on its way, in number order.
    QStringList unsentDrafts() const;
    //! Sends every unsent draft.
    void sendDrafts();
    //! Drops every draft that is not on its way.
    void discardDrafts();

    //! Note writes sent and not settled yet (unconfirmed ones included).
    int pendingCalls() const { return static_cast<int>(m_writes.size()); }
    //! Those writes in words, e.g. "the note on incident #12" ("(not confirmed yet)" added).
    QStringList pendingWrites() const;
    //! How long to wait before reading the notes again to settle an unconfirmed write (the wait
    //! doubles while the read fails, up to 30 s). Default 1 s.
    void setRecheckDelay(int ms) { m_recheckMs = ms; }

Q_SIGNALS:
    //! A write was accepted by the server (or found applied after its answer was lost).
    void operationFinished(rota::IncidentNotes::Operation operation, const QString& incidentNumber);
    //! A write was refused (or found not applied); the change is rolled back. `message` is for
    //! people and names the incident, e.g. "The note on incident #12 was not saved: …"; title and
    //! text are what was sent (they are in the incident's draft again for an add or an edit).
    void operationFailed(rota::IncidentNotes::Operation operation, const QString& incidentNumber,
        const QString& message, const QString& title, const QString& text);
    //! A write's answer was lost: it is "not confirmed yet" until the notes are read again.
    //! `message` says so in words.
    void operationUnconfirmed(rota::IncidentNotes::Operation operation,
        const QString& incidentNumber, const QString& message);
    //! The draft of the incident changed other than by setDraft() (sent, settled, failed,
    //! dropped, an edit begun).
    void draftChanged(const QString& incidentNumber);

private:
    //! The json_value of a new note: its text, the acting user as its author and the time now.
    QJsonObject newNoteJson(const QString& text) const;

    enum class Part { Notes, Alert };
    struct Write {
        quint64 id = 0;
        IncidentNotes::Operation operation = IncidentNotes::Operation::Add;
        QString incident;
        QString name; //!< the note changed or deleted; the added one's once known
        QString title; //!< as sent
        QString text;
        QJsonObject json; //!< json_value as sent (add, edit)
        quint64 change = 0; //!< its pending row while the incident is shown
        bool unconfirmed = false;
        quint64 unconfirmedAt = 0; //!< when its answer was lost (m_unconfirmSerial)
        bool fromDraft = false;
        bool namesKnown = false; //!< namesBefore holds the notes listed when an add was sent
        QSet<QString> namesBefore;
    };

    void loadNotes();
    void loadAlert();
    void failLoad(Part part, const ApiError& error);
    template <typename T, typename Apply>
    void watchLoad(Part part, QPointer<ApiReply>& slot, const T& call, Apply apply);
    //! Sends a write for `incident` (the shown one or not) and watches its answer.
    bool startWrite(Write write);
    void onAnswer(quint64 id, bool ok, const ApiError& error, const IncidentNote& answer);
    int indexOfWrite(quint64 id) const;
    //! Marks the write's pending row on the model when its incident is shown.
    void markRow(Write& write);
    //! Shows again the pending rows of the writes of the incident shown.
    void markRows();
    void settleWrite(int index, const IncidentNote& answer);
    void failWrite(int index, const QString& reason);
    void recheck(const QString& incident, int delayMs);
    //! Settles the unconfirmed writes of `incident` lost up to `judged` by the notes it lists.
    void onRecheck(const QString& incident, const QList<IncidentNote>& notes, quint64 judged);
    static QString failureWords(
        IncidentNotes::Operation operation, const QString& incident, const QString& reason);

    ApiClient* m_client;
    QPointer<IncidentNotes> m_notes;
    quint64 m_generation = 0; //!< bumped by setIncident: older load answers are dropped
    QPointer<ApiReply> m_notesReply;
    QPointer<ApiReply> m_alertReply;
    QList<Write> m_writes;
    quint64 m_nextWrite = 1;
    QHash<QString, NoteDraft> m_drafts;
    QSet<QString> m_rechecking; //!< incidents whose notes are being read to settle writes
    quint64 m_unconfirmSerial = 0;
    int m_recheckMs = 1000;
};

} // namespace rota
