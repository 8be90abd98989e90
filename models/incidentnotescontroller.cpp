#include "incidentnotescontroller.h"

#include "apiclient.h"

#include <type_traits>

namespace rota {

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
    m_pendingCalls = 0;
    if (!m_notes)
        return;
    m_notes->setIncident(incidentNumber, alertUuid);
    if (!incidentNumber.isEmpty())
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
        m_notes->setNotesState(IncidentNotes::LoadState::Failed,
            QStringLiteral("Could not load the notes: ") + error.text());
    else
        m_notes->setAlertState(IncidentNotes::LoadState::Failed,
            QStringLiteral("Could not load the alert: ") + error.text());
}

void IncidentNotesController::loadNotes()
{
    if (m_notesReply)
        m_notesReply->abandon();
    m_notes->setNotesState(IncidentNotes::LoadState::Loading);
    watchLoad(Part::Notes, m_notesReply,
        calls::listIncidentNotes(*m_client, m_notes->incidentNumber()),
        [this](const IncidentNoteList& list) { m_notes->setNotes(list.notes); });
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

// Every note operation: the model settles the change or rolls it back, and the outcome is
// reported with what was typed.
template <typename T>
void IncidentNotesController::watchChange(IncidentNotes::Operation operation, quint64 change,
    const T& call, const QString& title, const QString& text)
{
    ++m_pendingCalls;
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this,
        [this, operation, change, call, generation, title, text] {
            if (generation != m_generation || !m_notes)
                return;
            --m_pendingCalls;
            if (!call.reply->ok()) {
                m_notes->rollBack(change);
                const QString what = operation == IncidentNotes::Operation::Add
                    ? QStringLiteral("Could not add the note: ")
                    : operation == IncidentNotes::Operation::Edit
                    ? QStringLiteral("Could not change the note: ")
                    : QStringLiteral("Could not delete the note: ");
                Q_EMIT operationFailed(operation, what + call.reply->error().text(), title, text);
                return;
            }
            if constexpr (std::is_same_v<decltype(call.value()), IncidentNote>)
                m_notes->settle(change, call.value());
            else
                m_notes->settle(change);
            Q_EMIT operationFinished(operation);
        });
}

bool IncidentNotesController::addNote(const QString& title, const QString& text)
{
    if (!m_notes)
        return false;
    const quint64 change = m_notes->beginAdd(title, text);
    const int row = m_notes->rowOfChange(change);
    if (row < 0)
        return false;
    NoteRequest request;
    request.displayName = m_notes->titleAt(row);
    request.jsonValue = m_notes->jsonAt(row);
    watchChange(IncidentNotes::Operation::Add, change,
        calls::createIncidentNote(*m_client, m_notes->incidentNumber(), request), title, text);
    return true;
}

bool IncidentNotesController::editNote(int row, const QString& title, const QString& text)
{
    if (!m_notes)
        return false;
    const quint64 change = m_notes->beginEdit(row, title, text);
    if (change == 0)
        return false;
    NoteRequest request;
    request.displayName = m_notes->titleAt(row);
    request.jsonValue = m_notes->jsonAt(row);
    watchChange(IncidentNotes::Operation::Edit, change,
        calls::updateIncidentNote(
            *m_client, m_notes->incidentNumber(), m_notes->nameAt(row), request),
        title, text);
    return true;
}

bool IncidentNotesController::removeNote(int row)
{
    if (!m_notes)
        return false;
    const quint64 change = m_notes->beginRemove(row);
    if (change == 0)
        return false;
    watchChange(IncidentNotes::Operation::Delete, change,
        calls::deleteIncidentNote(*m_client, m_notes->incidentNumber(), m_notes->nameAt(row)),
        m_notes->titleAt(row), IncidentNotes::noteText(m_notes->jsonAt(row)));
    return true;
}

} // namespace rota
