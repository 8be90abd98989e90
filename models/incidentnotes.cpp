// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentnotes.h"

#include "jsontext.h"
#include "rowsync.h"

#include <QDateTime>
#include <QJsonValue>
#include <QSet>

namespace rota {

namespace {

const QLatin1String TextKey("text");

QString titleOr(const QString& title)
{
    const QString trimmed = title.trimmed();
    return trimmed.isEmpty() ? QStringLiteral("Note") : trimmed;
}

} // namespace

IncidentNotes::IncidentNotes(QObject* parent)
    : RowListModel(parent)
{
}

IncidentNotes::~IncidentNotes() = default;

int IncidentNotes::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_notes.size());
}

QVariant IncidentNotes::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!index.isValid())
        return {};
    const Note& note = m_notes.at(index.row());
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
    case UnconfirmedRole:
        return note.unconfirmed;
    case AuthorRole:
        return note.json.value(AuthorKey).toString();
    case CreatedRole:
        return QDateTime::fromString(note.json.value(CreatedKey).toString(), Qt::ISODate);
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
    names.insert(UnconfirmedRole, "unconfirmed");
    names.insert(AuthorRole, "author");
    names.insert(CreatedRole, "created");
    return names;
}

QString IncidentNotes::noteText(const QJsonObject& json)
{
    QStringList lines;
    if (json.contains(TextKey))
        lines.append(jsonValueText(json.value(TextKey)));
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == TextKey || it.key() == AuthorKey || it.key() == CreatedKey)
            continue;
        lines.append(it.key() + QLatin1String(": ") + jsonValueText(it.value()));
    }
    return lines.join(QLatin1Char('\n'));
}

void IncidentNotes::setIncident(const QString& incidentNumber, const QString& alertUuid)
{
    beginResetModel();
    m_incident = incidentNumber;
    m_alertUuid = alertUuid;
    m_notes.clear();
    m_alert = Alert();
    endResetModel();
    setNotesState(LoadState::Idle);
    setAlertState(LoadState::Idle);
}

void IncidentNotes::setNotesState(LoadState state, const QString& error)
{
    m_notesError = error;
    // Failed again is said again: the error may be a new one.
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

// A settled note, and one being edited or deleted, is known by its name; one being added (or
// listed without a name of its own) by its id.
QString IncidentNotes::rowKey(const Note& note)
{
    const bool byId = note.name.isEmpty() || (note.pending == Pending::None && note.change != 0);
    return byId ? QStringLiteral("id:") + QString::number(note.change)
                : QStringLiteral("name:") + note.name;
}

void IncidentNotes::setNotes(const QList<IncidentNote>& notes)
{
    QList<Note> fresh;
    QSet<QString> names;
    for (const IncidentNote& note : notes) {
        fresh.append(
            { note.name, note.displayName, note.jsonValue, Pending::None, false, 0, {}, {} });
        // Rows are matched by name; a note the server lists without a name, or with the name of
        // one before it (neither should happen), gets an id of its own instead.
        if (note.name.isEmpty() || names.contains(note.name))
            fresh.last().change = m_nextChange++;
        names.insert(note.name);
    }
    // Notes still being added stay: their answers are on the way.
    for (const Note& note : std::as_const(m_notes)) {
        if (note.pending == Pending::Add)
            fresh.append(note);
    }
    syncRows(
        m_notes, fresh, [](const Note& note) { return rowKey(note); },
        [](const Note& a, const Note& b) {
            return a.name == b.name && a.title == b.title && a.json == b.json
                && a.pending == b.pending && a.unconfirmed == b.unconfirmed && a.change == b.change;
        },
        rowSteps());
    setNotesState(LoadState::Loaded);
}

void IncidentNotes::setAlert(const Alert& alert)
{
    m_alert = alert;
    setAlertState(LoadState::Loaded);
}

int IncidentNotes::rowOfChange(quint64 change) const
{
    if (change == 0)
        return -1;
    for (int row = 0; row < m_notes.size(); ++row) {
        if (m_notes.at(row).change == change)
            return row;
    }
    return -1;
}

void IncidentNotes::setUnconfirmed(quint64 change, bool unconfirmed)
{
    const int row = rowOfChange(change);
    if (row < 0 || m_notes.at(row).pending == Pending::None
        || m_notes.at(row).unconfirmed == unconfirmed)
        return;
    m_notes[row].unconfirmed = unconfirmed;
    emitRowChanged(row);
}

int IncidentNotes::rowOfName(const QString& name) const
{
    if (name.isEmpty())
        return -1;
    for (int row = 0; row < m_notes.size(); ++row) {
        if (m_notes.at(row).name == name)
            return row;
    }
    return -1;
}

QString IncidentNotes::nameAt(int row) const { return m_notes.at(row).name; }

QString IncidentNotes::titleAt(int row) const { return m_notes.at(row).title; }

QJsonObject IncidentNotes::jsonAt(int row) const { return m_notes.at(row).json; }

void IncidentNotes::emitRowChanged(int row)
{
    const QModelIndex changed = index(row, 0);
    Q_EMIT dataChanged(changed, changed);
}

void IncidentNotes::removeRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_notes.removeAt(row);
    endRemoveRows();
}

quint64 IncidentNotes::beginAdd(const QString& title, const QString& text)
{
    if (m_incident.isEmpty() || text.trimmed().isEmpty())
        return 0;
    Note note;
    note.title = titleOr(title);
    note.json = QJsonObject { { TextKey, text } };
    note.pending = Pending::Add;
    note.change = m_nextChange++;
    const int row = static_cast<int>(m_notes.size());
    beginInsertRows(QModelIndex(), row, row);
    m_notes.append(note);
    endInsertRows();
    return note.change;
}

quint64 IncidentNotes::beginEdit(int row, const QString& title, const QString& text)
{
    if (row < 0 || row >= rowCount() || text.trimmed().isEmpty())
        return 0;
    Note& note = m_notes[row];
    if (note.pending != Pending::None || note.name.isEmpty())
        return 0;
    note.titleBefore = note.title;
    note.jsonBefore = note.json;
    note.title = titleOr(title);
    note.json.insert(TextKey, text);
    note.pending = Pending::Edit;
    note.change = m_nextChange++;
    emitRowChanged(row);
    return note.change;
}

quint64 IncidentNotes::beginRemove(int row)
{
    if (row < 0 || row >= rowCount())
        return 0;
    Note& note = m_notes[row];
    if (note.pending != Pending::None || note.name.isEmpty())
        return 0;
    note.pending = Pending::Delete;
    note.change = m_nextChange++;
    emitRowChanged(row);
    return note.change;
}

void IncidentNotes::endChange(int row)
{
    Note& note = m_notes[row];
    note.pending = Pending::None;
    note.unconfirmed = false;
    note.change = 0;
    note.titleBefore.clear();
    note.jsonBefore = QJsonObject();
    emitRowChanged(row);
}

void IncidentNotes::settle(quint64 change, const IncidentNote& answer)
{
    const int row = rowOfChange(change);
    if (row < 0)
        return;
    Note& note = m_notes[row];
    if (note.pending == Pending::Delete) {
        removeRow(row);
        return;
    }
    if (note.pending == Pending::Add)
        note.name = answer.name;
    if (!answer.displayName.isEmpty())
        note.title = answer.displayName;
    if (!answer.jsonValue.isEmpty())
        note.json = answer.jsonValue;
    endChange(row);
}

void IncidentNotes::rollBack(quint64 change)
{
    const int row = rowOfChange(change);
    if (row < 0)
        return;
    Note& note = m_notes[row];
    if (note.pending == Pending::Add) {
        removeRow(row);
        return;
    }
    if (note.pending == Pending::Edit) {
        note.title = note.titleBefore;
        note.json = note.jsonBefore;
    }
    endChange(row);
}

} // namespace rota
