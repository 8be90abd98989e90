// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentnotescontroller.h"

#include "apiclient.h"

#include <QCollator>
#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <type_traits>

namespace rota {

namespace {

const QLatin1String TextKey("text");

// The title a note is sent with (IncidentNotes::beginAdd words an empty one the same way).
QString sentTitle(const QString& title)
{
    const QString trimmed = title.trimmed();
    return trimmed.isEmpty() ? QStringLiteral("Note") : trimmed;
}

} // namespace

IncidentNotesController::IncidentNotesController(
    ApiClient* client, IncidentNotes* notes, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_notes(notes)
{
}

IncidentNotesController::~IncidentNotesController()
{
    if (m_notesReply)
        m_notesReply->abandon();
    if (m_alertReply)
        m_alertReply->abandon();
}

void IncidentNotesController::setIncident(const QString& incidentNumber, const QString& alertUuid)
{
    ++m_generation;
    if (m_notesReply)
        m_notesReply->abandon();
    if (m_alertReply)
        m_alertReply->abandon();
    if (!m_notes)
        return;
    m_notes->setIncident(incidentNumber, alertUuid);
    for (Write& write : m_writes)
        write.change = 0; // their rows went with the reset
    if (incidentNumber.isEmpty())
        return;
    markRows(); // notes still being added show at once; the others once the list is there
    reload();
}

void IncidentNotesController::reload()
{
    if (!m_notes || m_notes->incidentNumber().isEmpty())
        return;
    loadNotes();
    loadAlert();
}

void IncidentNotesController::retryFailed()
{
    if (!m_notes || m_notes->incidentNumber().isEmpty())
        return;
    if (m_notes->notesState() == IncidentNotes::LoadState::Failed)
        loadNotes();
    if (m_notes->alertState() == IncidentNotes::LoadState::Failed)
        loadAlert();
}

// Both loads: the answer goes to `apply` unless it is for an incident no longer shown; a failure
// is said in words.
template <typename T, typename Apply>
void IncidentNotesController::watchLoad(
    Part part, QPointer<ApiReply>& slot, const T& call, Apply apply)
{
    slot = call.reply;
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this, [this, part, call, generation, apply] {
        if (generation != m_generation || !m_notes)
            return;
        if (!call.reply->ok()) {
            failLoad(part, call.reply->error());
            return;
        }
        apply(call.value());
    });
}

void IncidentNotesController::failLoad(Part part, const ApiError& error)
{
    if (part == Part::Notes)
        m_notes->setNotesState(
            IncidentNotes::LoadState::Failed, tr("Could not load the notes: %1").arg(error.text()));
    else
        m_notes->setAlertState(
            IncidentNotes::LoadState::Failed, tr("Could not load the alert: %1").arg(error.text()));
}

void IncidentNotesController::loadNotes()
{
    if (m_notesReply)
        m_notesReply->abandon();
    m_notes->setNotesState(IncidentNotes::LoadState::Loading);
    watchLoad(Part::Notes, m_notesReply,
        calls::listIncidentNotes(*m_client, m_notes->incidentNumber()),
        [this](const IncidentNoteList& list) {
            m_notes->setNotes(list.notes);
            markRows(); // the list shows the server's version of notes being changed
        });
}

void IncidentNotesController::loadAlert()
{
    if (m_alertReply)
        m_alertReply->abandon();
    if (m_notes->alertUuid().isEmpty()) {
        m_notes->setAlertState(IncidentNotes::LoadState::Idle);
        return;
    }
    m_notes->setAlertState(IncidentNotes::LoadState::Loading);
    watchLoad(Part::Alert, m_alertReply, calls::getAlert(*m_client, m_notes->alertUuid()),
        [this](const Alert& alert) { m_notes->setAlert(alert); });
}

// ---- writes ----------------------------------------------------------------------------------

int IncidentNotesController::indexOfWrite(quint64 id) const
{
    for (int i = 0; i < m_writes.size(); ++i) {
        if (m_writes.at(i).id == id)
            return i;
    }
    return -1;
}

void IncidentNotesController::markRow(Write& write)
{
    if (!m_notes || write.incident != m_notes->incidentNumber())
        return;
    if (m_notes->rowOfChange(write.change) >= 0)
        return; // still marked
    switch (write.operation) {
    case IncidentNotes::Operation::Add:
        write.change = m_notes->beginAdd(write.title, write.text);
        break;
    case IncidentNotes::Operation::Edit:
        write.change = m_notes->beginEdit(m_notes->rowOfName(write.name), write.title, write.text);
        break;
    case IncidentNotes::Operation::Delete:
        write.change = m_notes->beginRemove(m_notes->rowOfName(write.name));
        break;
    }
    if (write.unconfirmed)
        m_notes->setUnconfirmed(write.change, true);
}

void IncidentNotesController::markRows()
{
    if (!m_notes)
        return;
    for (Write& write : m_writes) {
        // An added note is shown at once; a change or deletion once its note is listed.
        if (write.operation == IncidentNotes::Operation::Add
            || m_notes->notesState() == IncidentNotes::LoadState::Loaded)
            markRow(write);
    }
}

bool IncidentNotesController::startWrite(Write write)
{
    if (!m_notes || write.incident.isEmpty())
        return false;
    const bool shown = write.incident == m_notes->incidentNumber();
    NoteRequest request;
    request.displayName = sentTitle(write.title);
    request.jsonValue = write.json;
    write.id = m_nextWrite++;
    if (shown) {
        if (write.operation == IncidentNotes::Operation::Add
            && m_notes->notesState() == IncidentNotes::LoadState::Loaded) {
            // What was there before, so that a note found after a lost answer is known as this
            // one and not an older one with the same words.
            write.namesKnown = true;
            for (int row = 0; row < m_notes->rowCount(); ++row)
                write.namesBefore.insert(m_notes->nameAt(row));
        }
        markRow(write);
        if (write.change == 0)
            return false; // the row cannot take the change now (pending, gone)
    }
    const quint64 id = write.id;
    const auto watch = [this, id](const auto& call) {
        connect(call.reply, &ApiReply::finished, this, [this, id, call] {
            IncidentNote answer;
            if constexpr (std::is_same_v<decltype(call.value()), IncidentNote>) {
                if (call.reply->ok())
                    answer = call.value();
            }
            onAnswer(id, call.reply->ok(), call.reply->error(), answer);
        });
    };
    switch (write.operation) {
    case IncidentNotes::Operation::Add:
        watch(calls::createIncidentNote(*m_client, write.incident, request));
        break;
    case IncidentNotes::Operation::Edit:
        watch(calls::updateIncidentNote(*m_client, write.incident, write.name, request));
        break;
    case IncidentNotes::Operation::Delete:
        watch(calls::deleteIncidentNote(*m_client, write.incident, write.name));
        break;
    }
    m_writes.append(write);
    return true;
}

void IncidentNotesController::onAnswer(
    quint64 id, bool ok, const ApiError& error, const IncidentNote& answer)
{
    const int index = indexOfWrite(id);
    if (index < 0)
        return;
    // A note to delete that is not there (any more) is the outcome asked for.
    if (ok
        || (m_writes.at(index).operation == IncidentNotes::Operation::Delete
            && error.kind == ApiErrorKind::NotFound)) {
        settleWrite(index, answer);
        return;
    }
    // No answer at all may still mean applied: ApiError::maybeApplied says so when the client
    // knows the request left, but a dropped connection does not always tell (a body-less DELETE),
    // and a read settles it either way.
    const bool unknown = error.maybeApplied || error.kind == ApiErrorKind::Network
        || error.kind == ApiErrorKind::Timeout;
    if (!unknown) {
        failWrite(index, error.text());
        return;
    }
    // The server may have applied it: never send it again blind; read what the server has.
    Write& write = m_writes[index];
    write.unconfirmed = true;
    write.unconfirmedAt = ++m_unconfirmSerial;
    if (m_notes && write.incident == m_notes->incidentNumber())
        m_notes->setUnconfirmed(write.change, true);
    const QString what = write.operation == IncidentNotes::Operation::Add
        ? tr("The note on incident #%1")
        : write.operation == IncidentNotes::Operation::Edit
        ? tr("The change to the note on incident #%1")
        : tr("The deletion of the note on incident #%1");
    const QString message = what.arg(write.incident)
        + tr(" is not confirmed yet: the connection was lost before Splunk On-Call answered. "
             "Rota is reading the notes again to see whether it arrived.");
    const QString incident = write.incident;
    Q_EMIT operationUnconfirmed(write.operation, incident, message);
    recheck(incident, 0);
}

void IncidentNotesController::settleWrite(int index, const IncidentNote& answer)
{
    const Write write = m_writes.takeAt(index);
    if (m_notes && write.incident == m_notes->incidentNumber())
        m_notes->settle(write.change, answer);
    if (write.fromDraft) {
        auto draft = m_drafts.find(write.incident);
        if (draft != m_drafts.end() && draft->sending) {
            // Typed on meanwhile: what was typed after the send stays.
            if (draft->text == write.text && draft->title == write.title)
                m_drafts.erase(draft);
            else {
                draft->sending = false;
                draft->editing.clear();
                draft->base = QJsonObject();
            }
            Q_EMIT draftChanged(write.incident);
        }
    }
    Q_EMIT operationFinished(write.operation, write.incident);
}

QString IncidentNotesController::failureWords(
    IncidentNotes::Operation operation, const QString& incident, const QString& reason)
{
    switch (operation) {
    case IncidentNotes::Operation::Add:
        return tr("The note on incident #%1 was not saved: %2").arg(incident, reason);
    case IncidentNotes::Operation::Edit:
        return tr("The change to the note on incident #%1 was not saved: %2").arg(incident, reason);
    case IncidentNotes::Operation::Delete:
        return tr("The note on incident #%1 was not deleted: %2").arg(incident, reason);
    }
    return reason;
}

void IncidentNotesController::failWrite(int index, const QString& reason)
{
    const Write write = m_writes.takeAt(index);
    if (m_notes && write.incident == m_notes->incidentNumber())
        m_notes->rollBack(write.change);
    const QString message = failureWords(write.operation, write.incident, reason);
    if (write.operation != IncidentNotes::Operation::Delete) {
        // What was typed goes back into the incident's note box, unless the box holds other
        // words by now (then those stay, and the message and its signal carry the text).
        NoteDraft& draft = m_drafts[write.incident];
        if (draft.sending || draft.isEmpty()) {
            if (!draft.sending) {
                draft.title = write.title;
                draft.text = write.text;
                draft.editing
                    = write.operation == IncidentNotes::Operation::Edit ? write.name : QString();
                draft.base = write.json;
            }
            draft.sending = false;
            draft.error = message;
            Q_EMIT draftChanged(write.incident);
        }
    }
    Q_EMIT operationFailed(write.operation, write.incident, message, write.title, write.text);
}

void IncidentNotesController::recheck(const QString& incident, int delayMs)
{
    if (m_rechecking.contains(incident))
        return;
    m_rechecking.insert(incident);
    QTimer::singleShot(delayMs, this, [this, incident, delayMs] {
        // Only writes whose answer was lost before this read was sent are judged by it.
        const quint64 judged = m_unconfirmSerial;
        auto call = calls::listIncidentNotes(*m_client, incident);
        connect(call.reply, &ApiReply::finished, this, [this, incident, delayMs, judged, call] {
            m_rechecking.remove(incident);
            if (call.reply->ok()) {
                onRecheck(incident, call.value().notes, judged);
                const bool more = std::any_of(
                    m_writes.cbegin(), m_writes.cend(), [&incident](const Write& write) {
                        return write.incident == incident && write.unconfirmed;
                    });
                if (more)
                    recheck(incident, 0);
                return;
            }
            // Still no answer: try again later, while anything is unconfirmed.
            const int next = qBound(m_recheckMs, delayMs * 2, 30000);
            recheck(incident, next);
        });
    });
}

void IncidentNotesController::onRecheck(
    const QString& incident, const QList<IncidentNote>& notes, quint64 judged)
{
    const auto byName = [&notes](const QString& name) -> const IncidentNote* {
        for (const IncidentNote& note : notes) {
            if (note.name == name)
                return &note;
        }
        return nullptr;
    };
    QSet<QString> claimed; // one note found settles one add
    for (int i = 0; i < m_writes.size();) {
        const Write& write = m_writes.at(i);
        if (write.incident != incident || !write.unconfirmed || write.unconfirmedAt > judged) {
            ++i;
            continue;
        }
        const IncidentNote* found = nullptr;
        switch (write.operation) {
        case IncidentNotes::Operation::Add:
            for (const IncidentNote& note : notes) {
                if (claimed.contains(note.name) || write.namesBefore.contains(note.name))
                    continue;
                if (note.displayName == sentTitle(write.title)
                    && note.jsonValue.value(TextKey).toString() == write.text) {
                    found = &note;
                    break;
                }
            }
            if (found) {
                claimed.insert(found->name);
                settleWrite(i, *found);
            } else {
                failWrite(i,
                    tr("it did not reach Splunk On-Call (the connection was lost), so its text "
                       "is back in the note box. Add it again when you are ready."));
            }
            continue;
        case IncidentNotes::Operation::Edit:
            found = byName(write.name);
            if (found && found->displayName == sentTitle(write.title)
                && found->jsonValue.value(TextKey).toString() == write.text)
                settleWrite(i, *found);
            else
                failWrite(i,
                    tr("the change did not reach Splunk On-Call (the connection was lost), so "
                       "its text is back in the note box."));
            continue;
        case IncidentNotes::Operation::Delete:
            if (!byName(write.name))
                settleWrite(i, IncidentNote());
            else
                failWrite(i,
                    tr("the connection was lost before Splunk On-Call answered, and the note is "
                       "still there."));
            continue;
        }
        ++i;
    }
    // The incident shown shows what the server has now.
    if (m_notes && incident == m_notes->incidentNumber()
        && m_notes->notesState() == IncidentNotes::LoadState::Loaded) {
        m_notes->setNotes(notes);
        markRows();
    }
}

QStringList IncidentNotesController::pendingWrites() const
{
    QStringList words;
    for (const Write& write : m_writes) {
        QString what = write.operation == IncidentNotes::Operation::Add
            ? tr("the note on incident #%1").arg(write.incident)
            : write.operation == IncidentNotes::Operation::Edit
            ? tr("the change to a note on incident #%1").arg(write.incident)
            : tr("deleting a note on incident #%1").arg(write.incident);
        if (write.unconfirmed)
            what += tr(" (not confirmed yet)");
        words.append(what);
    }
    return words;
}

QJsonObject IncidentNotesController::newNoteJson(const QString& text) const
{
    // The notes API keeps no author or time: they travel in the note, for everyone who reads it.
    QJsonObject json { { TextKey, text },
        { IncidentNotes::CreatedKey, QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
    const QString author = m_client->credentials().username;
    if (!author.isEmpty())
        json.insert(IncidentNotes::AuthorKey, author);
    return json;
}

bool IncidentNotesController::addNote(const QString& title, const QString& text)
{
    if (!m_notes || m_notes->incidentNumber().isEmpty() || text.trimmed().isEmpty())
        return false;
    Write write;
    write.operation = IncidentNotes::Operation::Add;
    write.incident = m_notes->incidentNumber();
    write.title = title;
    write.text = text;
    write.json = newNoteJson(text);
    return startWrite(write);
}

bool IncidentNotesController::editNote(int row, const QString& title, const QString& text)
{
    if (!m_notes || row < 0 || row >= m_notes->rowCount() || text.trimmed().isEmpty())
        return false;
    Write write;
    write.operation = IncidentNotes::Operation::Edit;
    write.incident = m_notes->incidentNumber();
    write.name = m_notes->nameAt(row);
    write.title = title;
    write.text = text;
    write.json = m_notes->jsonAt(row);
    write.json.insert(TextKey, text);
    if (write.name.isEmpty())
        return false;
    return startWrite(write);
}

bool IncidentNotesController::removeNote(int row)
{
    if (!m_notes || row < 0 || row >= m_notes->rowCount())
        return false;
    Write write;
    write.operation = IncidentNotes::Operation::Delete;
    write.incident = m_notes->incidentNumber();
    write.name = m_notes->nameAt(row);
    write.title = m_notes->titleAt(row);
    write.text = IncidentNotes::noteText(m_notes->jsonAt(row));
    if (write.name.isEmpty())
        return false;
    return startWrite(write);
}

// ---- drafts ----------------------------------------------------------------------------------

void IncidentNotesController::setDraft(
    const QString& incidentNumber, const QString& title, const QString& text)
{
    if (incidentNumber.isEmpty())
        return;
    auto draft = m_drafts.find(incidentNumber);
    if (draft == m_drafts.end()) {
        if (title.trimmed().isEmpty() && text.trimmed().isEmpty())
            return;
        draft = m_drafts.insert(incidentNumber, NoteDraft());
    }
    draft->title = title;
    draft->text = text;
    if (draft->isEmpty() && !draft->sending)
        m_drafts.erase(draft);
}

void IncidentNotesController::beginEditDraft(const QString& name)
{
    if (!m_notes)
        return;
    const QString incident = m_notes->incidentNumber();
    const int row = m_notes->rowOfName(name);
    if (incident.isEmpty() || row < 0 || m_drafts.value(incident).sending)
        return;
    NoteDraft draft;
    draft.editing = name;
    draft.title = m_notes->titleAt(row);
    draft.base = m_notes->jsonAt(row);
    draft.text = draft.base.value(TextKey).toString();
    m_drafts.insert(incident, draft);
    Q_EMIT draftChanged(incident);
}

void IncidentNotesController::dropDraft(const QString& incidentNumber)
{
    const auto draft = m_drafts.constFind(incidentNumber);
    if (draft == m_drafts.constEnd() || draft->sending)
        return;
    m_drafts.erase(draft);
    Q_EMIT draftChanged(incidentNumber);
}

bool IncidentNotesController::sendDraft(const QString& incidentNumber)
{
    const auto found = m_drafts.find(incidentNumber);
    if (found == m_drafts.end() || !found->isUnsent())
        return false;
    const NoteDraft draft = *found;
    Write write;
    write.incident = incidentNumber;
    write.title = draft.title;
    write.text = draft.text;
    write.fromDraft = true;
    if (draft.editing.isEmpty()) {
        write.operation = IncidentNotes::Operation::Add;
        write.json = newNoteJson(draft.text);
    } else {
        write.operation = IncidentNotes::Operation::Edit;
        write.name = draft.editing;
        write.json = draft.base;
        write.json.insert(TextKey, draft.text);
    }
    if (!startWrite(write))
        return false;
    // startWrite may have reported on drafts meanwhile (it does not today); find it again.
    const auto sent = m_drafts.find(incidentNumber);
    if (sent != m_drafts.end()) {
        sent->sending = true;
        sent->error.clear();
    }
    Q_EMIT draftChanged(incidentNumber);
    return true;
}

QStringList IncidentNotesController::unsentDrafts() const
{
    QStringList incidents;
    for (auto it = m_drafts.constBegin(); it != m_drafts.constEnd(); ++it) {
        if (it->isUnsent())
            incidents.append(it.key());
    }
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(incidents.begin(), incidents.end(), numeric);
    return incidents;
}

void IncidentNotesController::sendDrafts()
{
    const QStringList incidents = unsentDrafts();
    for (const QString& incident : incidents) {
        if (!sendDraft(incident)) {
            NoteDraft& draft = m_drafts[incident];
            draft.error = failureWords(draft.editing.isEmpty() ? IncidentNotes::Operation::Add
                                                               : IncidentNotes::Operation::Edit,
                incident, tr("the note it changes cannot be changed now."));
            Q_EMIT draftChanged(incident);
        }
    }
}

void IncidentNotesController::discardDrafts()
{
    const QStringList incidents = m_drafts.keys();
    for (const QString& incident : incidents)
        dropDraft(incident);
}

} // namespace rota
