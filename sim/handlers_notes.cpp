// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// An incident's notes: the list, adding, changing and deleting one (Notes, NotesPayload).

#include "simincidents.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>
#include <vector>

namespace rota::sim {

namespace {

QJsonObject noteJson(const SimNote& note)
{
    // The reply is the definition's Notes (displayName), the request its NotesPayload
    // (display_name).
    return QJsonObject {
        { QStringLiteral("name"), note.name },
        { QStringLiteral("displayName"), note.displayName },
        { QStringLiteral("json_value"), note.jsonValue },
    };
}

qsizetype noteIndex(const SimIncident& incident, const QString& name)
{
    for (qsizetype i = 0; i < incident.notes.size(); ++i) {
        if (incident.notes.at(i).name == name)
            return i;
    }
    return -1;
}

// Reads NotesPayload; on update, fields left out keep their value.
std::optional<SimReply> readNote(BodyReader& body, SimNote* note, bool update)
{
    const auto displayName = body.optString(QStringLiteral("display_name"));
    const QJsonValue value = body.object().value(QStringLiteral("json_value"));
    if (!body.ok())
        return body.error();
    if (body.isArray())
        return SimReply::badRequest(QStringLiteral("the request body must be a JSON object"));
    const bool hasValue = !value.isUndefined() && !value.isNull();
    if (hasValue && !value.isObject())
        return SimReply::badRequest(QStringLiteral("field 'json_value' must be an object"));
    if (!update && !displayName)
        return SimReply::badRequest(QStringLiteral("field 'display_name' is required"));
    if (!update && !hasValue)
        return SimReply::badRequest(QStringLiteral("field 'json_value' is required"));
    if (displayName)
        note->displayName = *displayName;
    if (hasValue)
        note->jsonValue = value.toObject();
    return std::nullopt;
}

// Resolves {incidentNumber}/{noteName}: the incident, with *index the note's; else nullptr, and
// *reply says why.
SimIncident* requestedNote(
    SimContext& ctx, const SimRequest& request, qsizetype* index, SimReply* reply)
{
    SimIncident* incident = requestedIncident(ctx, request, reply);
    if (!incident)
        return nullptr;
    *index = noteIndex(*incident, request.arg(1));
    if (*index < 0) {
        *reply = SimReply::notFound(QStringLiteral("Note '%1'").arg(request.arg(1)));
        return nullptr;
    }
    return incident;
}

SimReply getNotes(SimContext& ctx, const SimRequest& request)
{
    SimReply reply;
    const SimIncident* incident = requestedIncident(ctx, request, &reply);
    if (!incident)
        return reply;
    // The definition declares a single Notes object for the list; the notes go in a
    // "notes" array of Notes-shaped objects, which that schema accepts.
    QJsonArray notes;
    for (const SimNote& note : incident->notes)
        notes.append(noteJson(note));
    return SimReply::json(QJsonObject { { QStringLiteral("notes"), notes } });
}

SimReply postNote(SimContext& ctx, const SimRequest& request)
{
    SimReply reply;
    SimIncident* incident = requestedIncident(ctx, request, &reply);
    if (!incident)
        return reply;
    BodyReader body(request);
    const auto name = body.optString(QStringLiteral("name"));
    SimNote note;
    if (auto problem = readNote(body, &note, false))
        return *problem;
    note.name
        = name && !name->trimmed().isEmpty() ? *name : ctx.org.newSlug(QStringLiteral("note"));
    if (noteIndex(*incident, note.name) >= 0)
        return SimReply::badRequest(
            QStringLiteral("a note named '%1' already exists on incident %2")
                .arg(note.name, request.arg(0)));
    incident->notes.append(note);
    return SimReply::json(noteJson(note));
}

SimReply putNote(SimContext& ctx, const SimRequest& request)
{
    qsizetype index = -1;
    SimReply reply;
    SimIncident* incident = requestedNote(ctx, request, &index, &reply);
    if (!incident)
        return reply;
    SimNote updated = incident->notes.at(index);
    BodyReader body(request);
    if (auto problem = readNote(body, &updated, true))
        return *problem;
    incident->notes[index] = updated;
    return SimReply::json(noteJson(updated));
}

SimReply deleteNote(SimContext& ctx, const SimRequest& request)
{
    qsizetype index = -1;
    SimReply reply;
    SimIncident* incident = requestedNote(ctx, request, &index, &reply);
    if (!incident)
        return reply;
    incident->notes.removeAt(index);
    return SimReply::empty();
}

} // namespace

void registerNoteRoutes(SimRouter& router, SimContext& ctx)
{
    const QString notes = QStringLiteral("/api-public/v1/incidents/{incidentNumber}/notes");
    router.add(
        "GET", notes, 60, [&ctx](const SimRequest& request) { return getNotes(ctx, request); });
    router.add(
        "POST", notes, 60, [&ctx](const SimRequest& request) { return postNote(ctx, request); });
    router.add("PUT", notes + QStringLiteral("/{noteName}"), 60,
        [&ctx](const SimRequest& request) { return putNote(ctx, request); });
    router.add("DELETE", notes + QStringLiteral("/{noteName}"), 60,
        [&ctx](const SimRequest& request) { return deleteNote(ctx, request); });
}

} // namespace rota::sim
