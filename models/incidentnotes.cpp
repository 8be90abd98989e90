#include "incidentnotes.h"

#include "apiclient.h"
#include "jsontext.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace rota {

namespace {

const QLatin1String TextKey("text");

QString titleOr(const QString& title)
{
    const QString trimmed = title.trimmed();
    return trimmed.isEmpty() ? QStringLiteral("Note") : trimmed;
}

} // namespace

IncidentNotes::IncidentNotes(ApiClient* client, QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
}

IncidentNotes::~IncidentNotes()
{
    if (m_notesReply)
        m_notesReply->abandon();
    if (m_alertReply)
        m_alertReply->abandon();
}

int IncidentNotes::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_notes.size());
}

QVariant IncidentNotes::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const Note& note = m_notes[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return note.title.isEmpty() ? note.name : note.title;
    case Qt::ToolTipRole:
    case TextRole:
        return noteText(note.json);
    case NameRole:
        return note.name;
    case JsonRole:
        return note.json;
    case PendingRole:
        return static_cast<int>(note.pending);
    default:
        return {};
    }
}

QHash<int, QByteArray> IncidentNotes::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(TitleRole, "title");
    names.insert(TextRole, "text");
    names.insert(JsonRole, "json");
    names.insert(PendingRole, "pending");
    return names;
}

QString IncidentNotes::noteText(const QJsonObject& json)
{
    QStringList lines;
    if (json.contains(TextKey))
        lines.append(jsonValueText(json.value(TextKey)));
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == TextKey)
            continue;
        lines.append(it.key() + QLatin1String(": ") + jsonValueText(it.value()));
    }
    return lines.join(QLatin1Char('\n'));
}

void IncidentNotes::setIncident(const QString& incidentNumber, const QString& alertUuid)
{
    ++m_generation;
    if (m_notesReply)
        m_notesReply->abandon();
    if (m_alertReply)
        m_alertReply->abandon();
    beginResetModel();
    m_incident = incidentNumber;
    m_alertUuid = alertUuid;
    m_notes.clear();
    m_alert = Alert();
    endResetModel();
    m_pendingCalls = 0;
    setNotesState(LoadState::Idle);
    setAlertState(LoadState::Idle);
    if (!m_incident.isEmpty())
        reload();
}

void IncidentNotes::reload()
{
    if (m_incident.isEmpty())
        return;
    loadNotes();
    loadAlert();
}

void IncidentNotes::retryFailed()
{
    if (m_incident.isEmpty())
        return;
    if (m_notesState == LoadState::Failed)
        loadNotes();
    if (m_alertState == LoadState::Failed)
        loadAlert();
}

void IncidentNotes::loadNotes()
{
    if (m_notesReply)
        m_notesReply->abandon();
    setNotesState(LoadState::Loading);
    const auto call = calls::listIncidentNotes(*m_client, m_incident);
    m_notesReply = call.reply;
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this, [this, call, generation] {
        if (generation != m_generation)
            return;
        if (!call.reply->ok()) {
            setNotesState(LoadState::Failed,
                QStringLiteral("Could not load the notes: ") + call.reply->error().text());
            return;
        }
        // Keep notes still being added or deleted: their answers are on the way.
        std::vector<Note> notes;
        for (const IncidentNote& note : call.value().notes)
            notes.push_back({ note.name, note.displayName, note.jsonValue, Pending::None, 0 });
        for (const Note& note : m_notes) {
            if (note.pending == Pending::Add)
                notes.push_back(note);
        }
        beginResetModel();
        m_notes = std::move(notes);
        endResetModel();
        setNotesState(LoadState::Loaded);
    });
}

void IncidentNotes::loadAlert()
{
    if (m_alertReply)
        m_alertReply->abandon();
    if (m_alertUuid.isEmpty()) {
        setAlertState(LoadState::Idle);
        return;
    }
    setAlertState(LoadState::Loading);
    const auto call = calls::getAlert(*m_client, m_alertUuid);
    m_alertReply = call.reply;
    const quint64 generation = m_generation;
    connect(call.reply, &ApiReply::finished, this, [this, call, generation] {
        if (generation != m_generation)
            return;
        if (!call.reply->ok()) {
            setAlertState(LoadState::Failed,
                QStringLiteral("Could not load the alert: ") + call.reply->error().text());
            return;
        }
        m_alert = call.value();
        setAlertState(LoadState::Loaded);
    });
}

void IncidentNotes::setNotesState(LoadState state, const QString& error)
{
    m_notesError = error;
    if (state == m_notesState && state != LoadState::Failed)
        return;
    m_notesState = state;
    Q_EMIT notesStateChanged(state);
}

void IncidentNotes::setAlertState(LoadState state, const QString& error)
{
    m_alertError = error;
    if (state == m_alertState && state != LoadState::Failed)
        return;
    m_alertState = state;
    Q_EMIT alertStateChanged(state);
}

int IncidentNotes::rowOfLocal(quint64 localId) const
{
    for (size_t i = 0; i < m_notes.size(); ++i) {
        if (m_notes[i].localId == localId)
            return static_cast<int>(i);
    }
    return -1;
}

void IncidentNotes::emitRowChanged(int row)
{
    const QModelIndex changed = index(row, 0);
    Q_EMIT dataChanged(changed, changed);
}

bool IncidentNotes::addNote(const QString& title, const QString& text)
{
    if (m_incident.isEmpty() || text.trimmed().isEmpty())
        return false;
    Note note;
    note.title = titleOr(title);
    note.json = QJsonObject { { TextKey, text } };
    note.pending = Pending::Add;
    note.localId = m_nextLocalId++;
    const int row = static_cast<int>(m_notes.size());
    beginInsertRows(QModelIndex(), row, row);
    m_notes.push_back(note);
    endInsertRows();

    NoteRequest request;
    request.displayName = note.title;
    request.jsonValue = note.json;
    const auto call = calls::createIncidentNote(*m_client, m_incident, request);
    ++m_pendingCalls;
    const quint64 generation = m_generation;
    const quint64 localId = note.localId;
    connect(call.reply, &ApiReply::finished, this, [this, call, generation, localId, title, text] {
        if (generation != m_generation)
            return;
        --m_pendingCalls;
        const int at = rowOfLocal(localId);
        if (!call.reply->ok()) {
            if (at >= 0) {
                beginRemoveRows(QModelIndex(), at, at);
                m_notes.erase(m_notes.begin() + at);
                endRemoveRows();
            }
            Q_EMIT operationFailed(Operation::Add,
                QStringLiteral("Could not add the note: ") + call.reply->error().text(), title,
                text);
            return;
        }
        if (at >= 0) {
            const IncidentNote created = call.value();
            Note& row = m_notes[static_cast<size_t>(at)];
            row.name = created.name;
            if (!created.displayName.isEmpty())
                row.title = created.displayName;
            if (!created.jsonValue.isEmpty())
                row.json = created.jsonValue;
            row.pending = Pending::None;
            row.localId = 0;
            emitRowChanged(at);
        }
        Q_EMIT operationFinished(Operation::Add);
    });
    return true;
}

bool IncidentNotes::editNote(int row, const QString& title, const QString& text)
{
    if (row < 0 || row >= rowCount() || text.trimmed().isEmpty())
        return false;
    Note& note = m_notes[static_cast<size_t>(row)];
    if (note.pending != Pending::None || note.name.isEmpty())
        return false;
    const Note before = note;
    note.title = titleOr(title);
    note.json.insert(TextKey, text);
    note.pending = Pending::Edit;
    note.localId = m_nextLocalId++;
    emitRowChanged(row);

    NoteRequest request;
    request.displayName = note.title;
    request.jsonValue = note.json;
    const auto call = calls::updateIncidentNote(*m_client, m_incident, note.name, request);
    ++m_pendingCalls;
    const quint64 generation = m_generation;
    const quint64 localId = note.localId;
    connect(call.reply, &ApiReply::finished, this,
        [this, call, generation, localId, before, title, text] {
            if (generation != m_generation)
                return;
            --m_pendingCalls;
            const int at = rowOfLocal(localId);
            if (!call.reply->ok()) {
                if (at >= 0) {
                    m_notes[static_cast<size_t>(at)] = before;
                    emitRowChanged(at);
                }
                Q_EMIT operationFailed(Operation::Edit,
                    QStringLiteral("Could not change the note: ") + call.reply->error().text(),
                    title, text);
                return;
            }
            if (at >= 0) {
                Note& changed = m_notes[static_cast<size_t>(at)];
                const IncidentNote updated = call.value();
                if (!updated.displayName.isEmpty())
                    changed.title = updated.displayName;
                if (!updated.jsonValue.isEmpty())
                    changed.json = updated.jsonValue;
                changed.pending = Pending::None;
                changed.localId = 0;
                emitRowChanged(at);
            }
            Q_EMIT operationFinished(Operation::Edit);
        });
    return true;
}

bool IncidentNotes::removeNote(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    Note& note = m_notes[static_cast<size_t>(row)];
    if (note.pending != Pending::None || note.name.isEmpty())
        return false;
    note.pending = Pending::Delete;
    note.localId = m_nextLocalId++;
    emitRowChanged(row);

    const auto call = calls::deleteIncidentNote(*m_client, m_incident, note.name);
    ++m_pendingCalls;
    const quint64 generation = m_generation;
    const quint64 localId = note.localId;
    const QString title = note.title;
    const QString text = noteText(note.json);
    connect(call.reply, &ApiReply::finished, this, [this, call, generation, localId, title, text] {
        if (generation != m_generation)
            return;
        --m_pendingCalls;
        const int at = rowOfLocal(localId);
        if (!call.reply->ok()) {
            if (at >= 0) {
                m_notes[static_cast<size_t>(at)].pending = Pending::None;
                m_notes[static_cast<size_t>(at)].localId = 0;
                emitRowChanged(at);
            }
            Q_EMIT operationFailed(Operation::Delete,
                QStringLiteral("Could not delete the note: ") + call.reply->error().text(), title,
                text);
            return;
        }
        if (at >= 0) {
            beginRemoveRows(QModelIndex(), at, at);
            m_notes.erase(m_notes.begin() + at);
            endRemoveRows();
        }
        Q_EMIT operationFinished(Operation::Delete);
    });
    return true;
}

} // namespace rota
