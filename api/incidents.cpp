// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidents.h"

#include "jsonreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <utility>

namespace rota {

namespace {

// The name as it came when it still means `phase`, so a reporting answer keeps its
// lower-case words; the incident API's word once someone changed the phase.
QString phaseWord(const QString& sent, Phase phase)
{
    if (!sent.isEmpty() && phaseFromApi(sent) == phase)
        return sent;
    return phase == Phase::Unknown ? sent : phaseToApi(phase);
}

// Where the API serves an alert: the path IncidentTransition::alertUrl usually names.
QLatin1String alertPathPrefix() { return QLatin1String("/api-public/v1/alerts/"); }

QString reportingPhaseWord(Phase phase)
{
    switch (phase) {
    case Phase::Triggered:
        return QStringLiteral("triggered");
    case Phase::Acknowledged:
        return QStringLiteral("acknowledged");
    case Phase::Resolved:
        return QStringLiteral("resolved");
    case Phase::Unknown:
        break;
    }
    return QString();
}

// Seconds since the epoch (GetAlertResponse), as a number or a numeric string.
QDateTime epochSeconds(const JsonReader& r)
{
    if (r.isNull())
        return {};
    double seconds = 0;
    if (r.value().isString()) {
        bool ok = false;
        seconds = r.value().toString().trimmed().toDouble(&ok);
        if (!ok) {
            JsonReader(r).fail(QStringLiteral("expected seconds since the epoch, got \"%1\"")
                                   .arg(r.value().toString().left(40)));
            return {};
        }
    } else {
        seconds = r.toDouble();
        if (!r.ok())
            return {};
    }
    // Beyond year 300,000 or so QDateTime gives up; such a value is a broken answer.
    if (!std::isfinite(seconds) || std::fabs(seconds) > 1.0e12) {
        JsonReader(r).fail(QStringLiteral("number out of range"));
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000.0), Qt::UTC);
}

QJsonValue toEpochSeconds(const QDateTime& t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    if (ms % 1000 == 0)
        return static_cast<double>(ms / 1000);
    return static_cast<double>(ms) / 1000.0;
}

// A fast 64-bit fingerprint: two lanes, each step an xor, a multiply by an odd constant and a
// rotation (a bijection, so a single differing word can never cancel out), 16 bytes a step,
// folded together at the end. Lengths are mixed in, so field boundaries count.
class Fingerprint {
public:
    void add(quint64 value) { step(value, ~value); }
    void add(const QString& text)
    {
        const auto* bytes = reinterpret_cast<const char*>(text.constData());
        size_t left = static_cast<size_t>(text.size()) * sizeof(QChar);
        step(left, 0);
        for (; left >= 16; left -= 16, bytes += 16) {
            quint64 words[2];
            std::memcpy(words, bytes, sizeof words);
            step(words[0], words[1]);
        }
        if (left > 0) {
            quint64 words[2] = { 0, 0 };
            std::memcpy(words, bytes, left);
            step(words[0], words[1]);
        }
    }
    void add(const QStringList& texts)
    {
        add(static_cast<quint64>(texts.size()));
        for (const QString& text : texts)
            add(text);
    }
    void add(const QDateTime& time)
    {
        add(time.isValid() ? static_cast<quint64>(time.toMSecsSinceEpoch())
                           : 0x8000000000000000ULL);
    }
    quint64 value() const
    {
        const quint64 v = m_a ^ rotl(m_b * 0xFF51AFD7ED558CCDULL, 32);
        return v != 0 ? v : 1;
    }

private:
    static quint64 rotl(quint64 x, int r) { return (x << r) | (x >> (64 - r)); }
    void step(quint64 a, quint64 b)
    {
        m_a = rotl((m_a ^ a) * 0x9E3779B97F4A7C15ULL, 31);
        m_b = rotl((m_b ^ b) * 0xC2B2AE3D27D4EB4FULL, 29);
    }
    quint64 m_a = 0x243F6A8885A308D3ULL;
    quint64 m_b = 0x13198A2E03707344ULL;
};

QList<IncidentTarget> readTargets(const JsonReader& r, const QString& field)
{
    QList<IncidentTarget> targets;
    r.forEach(field, [&targets](JsonReader& e) { targets.append(IncidentTarget::fromJson(e)); });
    return targets;
}

} // namespace

// --- transitions and incidents ------------------------------------------------------------------

IncidentTransition IncidentTransition::fromJson(const JsonReader& r)
{
    IncidentTransition t;
    t.name = r.sharedStr(QStringLiteral("name"));
    t.phase = phaseFromApi(t.name);
    t.at = r.time(QStringLiteral("at"));
    t.by = r.sharedStr(QStringLiteral("by"));
    t.message = r.sharedStr(QStringLiteral("message"));
    t.manually = r.boolean(QStringLiteral("manually"));
    t.alertId = r.str(QStringLiteral("alertId"));
    t.alertUrl = r.str(QStringLiteral("alertUrl"));
    // The usual address says nothing alertId does not: not kept (see alertAddress()).
    const QLatin1String prefix = alertPathPrefix();
    if (!t.alertId.isEmpty() && t.alertUrl.size() == prefix.size() + t.alertId.size()
        && t.alertUrl.startsWith(prefix)
        && QStringView(t.alertUrl).mid(prefix.size()) == t.alertId) {
        t.alertUrl.clear();
        t.alertUrlIsAlertPath = true;
    }
    return t;
}

QString IncidentTransition::alertAddress() const
{
    if (!alertUrlIsAlertPath || alertId.isEmpty())
        return alertUrl;
    return alertPathPrefix() + alertId;
}

QJsonObject IncidentTransition::toJson() const
{
    QJsonObject o {
        { QStringLiteral("name"), phaseWord(name, phase) },
        { QStringLiteral("by"), by },
        { QStringLiteral("message"), message },
        { QStringLiteral("manually"), manually },
    };
    insertIfSet(o, QStringLiteral("at"), at);
    insertIfSet(o, QStringLiteral("alertId"), alertId);
    insertIfSet(o, QStringLiteral("alertUrl"), alertAddress());
    return o;
}

namespace {

// Identity of a list of shared texts: the texts' characters are told by where they are (equal
// texts of one answer are one QString, see JsonReader::shared), so neither hashing nor comparing
// reads a character.
quint64 mixText(quint64 h, const QString& text)
{
    h ^= static_cast<quint64>(reinterpret_cast<quintptr>(text.constData()));
    h *= 0x9E3779B97F4A7C15ULL;
    h ^= static_cast<quint64>(text.size()) + (h >> 29);
    return h;
}

bool sameText(const QString& a, const QString& b)
{
    return a.constData() == b.constData() && a.size() == b.size();
}

const QString* policyTexts(const TeamPolicy& p, int k)
{
    const QString* texts[]
        = { &p.policyName, &p.policySlug, &p.policySelfUrl, &p.teamName, &p.teamSlug };
    return texts[k];
}

} // namespace

//! The lists an answer repeats across its incidents (who and which teams and policies were paged:
//! one team's incidents page the same ones), kept once per answer as one implicitly shared
//! QList. A list made of texts that were not shared is simply not pooled.
class IncidentListPool {
public:
    void pool(QStringList& list, QHash<quint64, QStringList>& known)
    {
        if (list.isEmpty())
            return;
        quint64 h = static_cast<quint64>(list.size());
        for (const QString& text : std::as_const(list))
            h = mixText(h, text);
        const auto found = known.constFind(h);
        if (found == known.constEnd()) {
            known.insert(h, list);
            return;
        }
        const QStringList& other = *found;
        if (other.size() != list.size())
            return;
        for (qsizetype k = 0; k < list.size(); ++k) {
            if (!sameText(list.at(k), other.at(k)))
                return;
        }
        list = other;
    }
    void users(QStringList& list) { pool(list, m_users); }
    void teams(QStringList& list) { pool(list, m_teams); }
    void policies(QList<TeamPolicy>& list)
    {
        if (list.isEmpty())
            return;
        quint64 h = static_cast<quint64>(list.size());
        for (const TeamPolicy& policy : std::as_const(list)) {
            for (int k = 0; k < 5; ++k)
                h = mixText(h, *policyTexts(policy, k));
        }
        const auto found = m_policies.constFind(h);
        if (found == m_policies.constEnd()) {
            m_policies.insert(h, list);
            return;
        }
        const QList<TeamPolicy>& other = *found;
        if (other.size() != list.size())
            return;
        for (qsizetype i = 0; i < list.size(); ++i) {
            for (int k = 0; k < 5; ++k) {
                if (!sameText(*policyTexts(list.at(i), k), *policyTexts(other.at(i), k)))
                    return;
            }
        }
        list = other;
    }

private:
    QHash<quint64, QStringList> m_users;
    QHash<quint64, QStringList> m_teams;
    QHash<quint64, QList<TeamPolicy>> m_policies;
};

Incident Incident::fromJson(const JsonReader& r) { return fromJson(r, nullptr); }

Incident Incident::fromJson(const JsonReader& r, IncidentListPool* pool)
{
    // The texts that repeat across incidents (phases, services, hosts, routing keys, entities,
    // people, teams, policies, tools) are read through the document's shared texts, so that a
    // list of incidents holds each of them once: less memory, and fewer places to read when a
    // refresh compares the incidents with those shown. Unique texts (numbers, alert ids) are read
    // plainly: sharing them would only cost a lookup.
    Incident i;
    i.incidentNumber = r[QStringLiteral("incidentNumber")].toStringOrNumber();
    i.phaseName = r.sharedStr(QStringLiteral("currentPhase"));
    i.phase = phaseFromApi(i.phaseName);
    i.startTime = r.time(QStringLiteral("startTime"));
    i.lastAlertTime = r.time(QStringLiteral("lastAlertTime"));
    i.alertCount = r[QStringLiteral("alertCount")].toInt32();
    i.firstAlertUuid = r.str(QStringLiteral("firstAlertUuid"));
    i.lastAlertId = r.str(QStringLiteral("lastAlertId"));
    if (i.lastAlertId == i.firstAlertUuid)
        i.lastAlertId = i.firstAlertUuid; // one alert so far: one copy
    i.entityId = r.sharedStr(QStringLiteral("entityId"));
    i.entityDisplayName = r.sharedStr(QStringLiteral("entityDisplayName"));
    i.entityType = r.sharedStr(QStringLiteral("entityType"));
    i.entityState = r.sharedStr(QStringLiteral("entityState"));
    i.host = r.sharedStr(QStringLiteral("host"));
    i.service = r.sharedStr(QStringLiteral("service"));
    i.routingKey = r.sharedStr(QStringLiteral("routingKey"));
    i.monitorName = r.sharedStr(QStringLiteral("monitorName"));
    i.monitorType = r.sharedStr(QStringLiteral("monitorType"));
    i.pagedUsers = r.sharedStrings(QStringLiteral("pagedUsers"));
    i.pagedTeams = r.sharedStrings(QStringLiteral("pagedTeams"));
    // Read into a local buffer first: the list then gets exactly the room it needs (a QList grown
    // by appends keeps up to twice that, and an incident holds its lists for as long as it is
    // shown).
    QVarLengthArray<TeamPolicy, 4> policies;
    r.forEach(QStringLiteral("pagedPolicies"), [&policies](JsonReader& e) {
        TeamPolicy policy = TeamPolicy::fromJson(e);
        for (QString* text : { &policy.policyName, &policy.policySlug, &policy.policySelfUrl,
                 &policy.teamName, &policy.teamSlug })
            *text = e.shared(*text);
        policies.append(std::move(policy));
    });
    if (!policies.isEmpty())
        i.pagedPolicies = QList<TeamPolicy>(
            std::make_move_iterator(policies.begin()), std::make_move_iterator(policies.end()));
    if (pool) {
        pool->users(i.pagedUsers);
        pool->teams(i.pagedTeams);
        pool->policies(i.pagedPolicies);
    }
    QVarLengthArray<IncidentTransition, 4> transitions;
    r.forEach(QStringLiteral("transitions"), [&i, &transitions](JsonReader& e) {
        IncidentTransition t = IncidentTransition::fromJson(e);
        // Most transitions name the incident's first or last alert: one copy of each.
        if (t.alertId == i.firstAlertUuid)
            t.alertId = i.firstAlertUuid;
        else if (t.alertId == i.lastAlertId)
            t.alertId = i.lastAlertId;
        transitions.append(std::move(t));
    });
    if (!transitions.isEmpty())
        i.transitions = QList<IncidentTransition>(std::make_move_iterator(transitions.begin()),
            std::make_move_iterator(transitions.end()));
    i.parsedFingerprint = i.fingerprint();
    return i;
}

quint64 Incident::fingerprint() const
{
    Fingerprint f;
    f.add(static_cast<quint64>(phase)
        | (static_cast<quint64>(static_cast<quint32>(alertCount)) << 8));
    f.add(startTime);
    f.add(lastAlertTime);
    for (const QString* text :
        { &incidentNumber, &phaseName, &lastAlertId, &firstAlertUuid, &entityId, &entityDisplayName,
            &entityType, &entityState, &host, &service, &routingKey, &monitorName, &monitorType })
        f.add(*text);
    f.add(pagedUsers);
    f.add(pagedTeams);
    f.add(static_cast<quint64>(pagedPolicies.size()));
    for (const TeamPolicy& policy : pagedPolicies) {
        for (const QString* text : { &policy.policyName, &policy.policySlug, &policy.policySelfUrl,
                 &policy.teamName, &policy.teamSlug })
            f.add(*text);
    }
    f.add(static_cast<quint64>(transitions.size()));
    for (const IncidentTransition& t : transitions) {
        f.add(static_cast<quint64>(t.phase) | (t.manually ? 0x100 : 0)
            | (t.alertUrlIsAlertPath ? 0x200 : 0));
        f.add(t.at);
        for (const QString* text : { &t.name, &t.by, &t.message, &t.alertId, &t.alertUrl })
            f.add(*text);
    }
    return f.value();
}

QJsonObject Incident::toJson() const
{
    QJsonObject o {
        { QStringLiteral("incidentNumber"), incidentNumber },
        { QStringLiteral("currentPhase"), phaseWord(phaseName, phase) },
        { QStringLiteral("alertCount"), alertCount },
        { QStringLiteral("entityId"), entityId },
        { QStringLiteral("host"), host },
        { QStringLiteral("service"), service },
        { QStringLiteral("pagedUsers"), QJsonArray::fromStringList(pagedUsers) },
        { QStringLiteral("pagedTeams"), QJsonArray::fromStringList(pagedTeams) },
        { QStringLiteral("pagedPolicies"), toJsonArray(pagedPolicies) },
        { QStringLiteral("transitions"), toJsonArray(transitions) },
    };
    insertIfSet(o, QStringLiteral("startTime"), startTime);
    insertIfSet(o, QStringLiteral("lastAlertTime"), lastAlertTime);
    insertIfSet(o, QStringLiteral("lastAlertId"), lastAlertId);
    insertIfSet(o, QStringLiteral("firstAlertUuid"), firstAlertUuid);
    insertIfSet(o, QStringLiteral("entityDisplayName"), entityDisplayName);
    insertIfSet(o, QStringLiteral("entityType"), entityType);
    insertIfSet(o, QStringLiteral("entityState"), entityState);
    insertIfSet(o, QStringLiteral("routingKey"), routingKey);
    insertIfSet(o, QStringLiteral("monitorName"), monitorName);
    insertIfSet(o, QStringLiteral("monitorType"), monitorType);
    return o;
}

IncidentList IncidentList::fromJson(const JsonReader& r)
{
    IncidentList list;
    IncidentListPool pool;
    r.forEach(QStringLiteral("incidents"),
        [&list, &pool](JsonReader& e) { list.incidents.append(Incident::fromJson(e, &pool)); });
    return list;
}

QJsonObject IncidentList::toJson() const
{
    return QJsonObject { { QStringLiteral("incidents"), toJsonArray(incidents) } };
}

ReportingIncidentList ReportingIncidentList::fromJson(const JsonReader& r)
{
    ReportingIncidentList list;
    list.offset = r[QStringLiteral("offset")].toInt32();
    list.limit = r[QStringLiteral("limit")].toInt32();
    list.total = r[QStringLiteral("total")].toInt32();
    IncidentListPool pool;
    r.forEach(QStringLiteral("incidents"),
        [&list, &pool](JsonReader& e) { list.incidents.append(Incident::fromJson(e, &pool)); });
    return list;
}

QJsonObject ReportingIncidentList::toJson() const
{
    return QJsonObject {
        { QStringLiteral("offset"), offset },
        { QStringLiteral("limit"), limit },
        { QStringLiteral("total"), total },
        { QStringLiteral("incidents"), toJsonArray(incidents) },
    };
}

QUrlQuery ReportingQuery::toQuery(bool withRoutingKey) const
{
    // Values go in percent-encoded: QUrlQuery would otherwise take a '%' in a host name for an
    // escape, and a server reading form-style would take '+' for a space. The commas that join
    // several values (and the ':' of number ranges) stay literal: they are the API's syntax.
    QUrlQuery q;
    const auto add = [&q](const QString& key, const QString& value) {
        if (!value.isEmpty())
            q.addQueryItem(key, value);
    };
    const auto joined = [](const QStringList& values) {
        QStringList parts;
        for (const QString& value : values) {
            if (!value.isEmpty())
                parts.append(calls::queryValue(value));
        }
        return parts.join(QLatin1Char(','));
    };
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    add(QStringLiteral("entityId"), calls::queryValue(entityId));
    add(QStringLiteral("incidentNumber"),
        calls::queryValue(incidentNumber, QByteArrayLiteral(",:")));
    if (startedAfter.isValid())
        add(QStringLiteral("startedAfter"), calls::queryValue(formatApiTime(startedAfter)));
    if (startedBefore.isValid())
        add(QStringLiteral("startedBefore"), calls::queryValue(formatApiTime(startedBefore)));
    add(QStringLiteral("host"), joined(host));
    add(QStringLiteral("service"), joined(service));
    QStringList phases;
    for (const Phase phase : currentPhase) {
        const QString word = reportingPhaseWord(phase);
        if (!word.isEmpty() && !phases.contains(word))
            phases.append(word);
    }
    add(QStringLiteral("currentPhase"), phases.join(QLatin1Char(',')));
    if (withRoutingKey)
        add(QStringLiteral("routingKey"), calls::queryValue(routingKey));
    return q;
}

// --- requests and results -----------------------------------------------------------------------

IncidentTarget IncidentTarget::fromJson(const JsonReader& r)
{
    IncidentTarget t;
    const JsonReader type = r[QStringLiteral("type")];
    const QString typeName = type.toString();
    if (typeName == QLatin1String("EscalationPolicy"))
        t.type = Type::EscalationPolicy;
    else if (typeName != QLatin1String("User") && type.ok())
        JsonReader(type).fail(
            QStringLiteral("expected User or EscalationPolicy, got \"%1\"").arg(typeName.left(40)));
    t.slug = r.str(QStringLiteral("slug"));
    return t;
}

QJsonObject IncidentTarget::toJson() const
{
    return QJsonObject {
        { QStringLiteral("type"),
            type == Type::User ? QStringLiteral("User") : QStringLiteral("EscalationPolicy") },
        { QStringLiteral("slug"), slug },
    };
}

CreateIncidentRequest CreateIncidentRequest::fromJson(const JsonReader& r)
{
    CreateIncidentRequest c;
    c.summary = r.str(QStringLiteral("summary"));
    c.details = r.str(QStringLiteral("details"));
    c.userName = r.str(QStringLiteral("userName"));
    c.targets = readTargets(r, QStringLiteral("targets"));
    c.isMultiResponder = r.boolean(QStringLiteral("isMultiResponder"));
    return c;
}

QJsonObject CreateIncidentRequest::toJson() const
{
    return QJsonObject {
        { QStringLiteral("summary"), summary },
        { QStringLiteral("details"), details },
        { QStringLiteral("userName"), userName },
        { QStringLiteral("targets"), toJsonArray(targets) },
        { QStringLiteral("isMultiResponder"), isMultiResponder },
    };
}

CreatedIncident CreatedIncident::fromJson(const JsonReader& r)
{
    return { r[QStringLiteral("incidentNumber")].toStringOrNumber() };
}

QJsonObject CreatedIncident::toJson() const
{
    return QJsonObject { { QStringLiteral("incidentNumber"), incidentNumber } };
}

AckResolveRequest AckResolveRequest::fromJson(const JsonReader& r)
{
    AckResolveRequest a;
    a.userName = r.str(QStringLiteral("userName"));
    a.incidentNames = r.strings(QStringLiteral("incidentNames"));
    a.message = r.str(QStringLiteral("message"));
    return a;
}

QJsonObject AckResolveRequest::toJson() const
{
    QJsonObject o {
        { QStringLiteral("userName"), userName },
        { QStringLiteral("incidentNames"), QJsonArray::fromStringList(incidentNames) },
    };
    insertIfSet(o, QStringLiteral("message"), message);
    return o;
}

AckResolveResult AckResolveResult::fromJson(const JsonReader& r)
{
    AckResolveResult a;
    a.incidentNumber = r[QStringLiteral("incidentNumber")].toStringOrNumber();
    a.entityId = r.str(QStringLiteral("entityId"));
    a.cmdAccepted = r.boolean(QStringLiteral("cmdAccepted"));
    a.message = r.str(QStringLiteral("message"));
    return a;
}

QJsonObject AckResolveResult::toJson() const
{
    QJsonObject o {
        { QStringLiteral("incidentNumber"), incidentNumber },
        { QStringLiteral("cmdAccepted"), cmdAccepted },
        { QStringLiteral("message"), message },
    };
    insertIfSet(o, QStringLiteral("entityId"), entityId);
    return o;
}

int AckResolveResults::acceptedCount() const
{
    return static_cast<int>(std::count_if(
        results.cbegin(), results.cend(), [](const AckResolveResult& r) { return r.cmdAccepted; }));
}

AckResolveResults AckResolveResults::fromJson(const JsonReader& r)
{
    AckResolveResults list;
    r.forEach(QStringLiteral("results"),
        [&list](JsonReader& e) { list.results.append(AckResolveResult::fromJson(e)); });
    return list;
}

QJsonObject AckResolveResults::toJson() const
{
    return QJsonObject { { QStringLiteral("results"), toJsonArray(results) } };
}

Reroute Reroute::fromJson(const JsonReader& r)
{
    Reroute x;
    x.incidentNumber = r[QStringLiteral("incidentNumber")].toStringOrNumber();
    x.targets = readTargets(r, QStringLiteral("targets"));
    x.addTargets = r.boolean(QStringLiteral("addTargets"));
    return x;
}

QJsonObject Reroute::toJson() const
{
    return QJsonObject {
        { QStringLiteral("incidentNumber"), incidentNumber },
        { QStringLiteral("targets"), toJsonArray(targets) },
        { QStringLiteral("addTargets"), addTargets },
    };
}

RerouteRequest RerouteRequest::fromJson(const JsonReader& r)
{
    RerouteRequest x;
    x.userName = r.str(QStringLiteral("userName"));
    r.forEach(QStringLiteral("reroutes"),
        [&x](JsonReader& e) { x.reroutes.append(Reroute::fromJson(e)); });
    return x;
}

QJsonObject RerouteRequest::toJson() const
{
    return QJsonObject {
        { QStringLiteral("userName"), userName },
        { QStringLiteral("reroutes"), toJsonArray(reroutes) },
    };
}

RerouteTargetStatus RerouteTargetStatus::fromJson(const JsonReader& r)
{
    RerouteTargetStatus s;
    s.slug = r.str(QStringLiteral("slug"));
    s.success = r.boolean(QStringLiteral("success"));
    s.message = r.str(QStringLiteral("message"));
    return s;
}

QJsonObject RerouteTargetStatus::toJson() const
{
    QJsonObject o {
        { QStringLiteral("slug"), slug },
        { QStringLiteral("success"), success },
    };
    insertIfSet(o, QStringLiteral("message"), message);
    return o;
}

RerouteStatus RerouteStatus::fromJson(const JsonReader& r)
{
    RerouteStatus s;
    s.incidentNumber = r[QStringLiteral("incidentNumber")].toStringOrNumber();
    s.success = r.boolean(QStringLiteral("success"));
    r.forEach(QStringLiteral("targetStatus"),
        [&s](JsonReader& e) { s.targetStatus.append(RerouteTargetStatus::fromJson(e)); });
    s.message = r.str(QStringLiteral("message"));
    return s;
}

QJsonObject RerouteStatus::toJson() const
{
    QJsonObject o {
        { QStringLiteral("incidentNumber"), incidentNumber },
        { QStringLiteral("success"), success },
        { QStringLiteral("targetStatus"), toJsonArray(targetStatus) },
    };
    insertIfSet(o, QStringLiteral("message"), message);
    return o;
}

RerouteResults RerouteResults::fromJson(const JsonReader& r)
{
    RerouteResults list;
    r.forEach(QStringLiteral("statuses"),
        [&list](JsonReader& e) { list.statuses.append(RerouteStatus::fromJson(e)); });
    return list;
}

QJsonObject RerouteResults::toJson() const
{
    return QJsonObject { { QStringLiteral("statuses"), toJsonArray(statuses) } };
}

// --- notes --------------------------------------------------------------------------------------

IncidentNote IncidentNote::fromJson(const JsonReader& r)
{
    IncidentNote n;
    n.name = r.str(QStringLiteral("name"));
    n.displayName = r.has(QStringLiteral("displayName")) ? r.str(QStringLiteral("displayName"))
                                                         : r.str(QStringLiteral("display_name"));
    n.jsonValue = r[QStringLiteral("json_value")].toObject();
    return n;
}

QJsonObject IncidentNote::toJson() const
{
    return QJsonObject {
        { QStringLiteral("name"), name },
        { QStringLiteral("displayName"), displayName },
        { QStringLiteral("json_value"), jsonValue },
    };
}

IncidentNoteList IncidentNoteList::fromJson(const JsonReader& r)
{
    IncidentNoteList list;
    const auto append = [&list](JsonReader& e) { list.notes.append(IncidentNote::fromJson(e)); };
    if (r.value().isArray())
        r.forEachElement(append);
    else if (r.has(QStringLiteral("notes")))
        r.forEach(QStringLiteral("notes"), append);
    else if (r.has(QStringLiteral("name")))
        list.notes.append(IncidentNote::fromJson(r));
    return list;
}

QJsonObject IncidentNoteList::toJson() const
{
    return QJsonObject { { QStringLiteral("notes"), toJsonArray(notes) } };
}

NoteRequest NoteRequest::fromJson(const JsonReader& r)
{
    NoteRequest n;
    n.name = r.str(QStringLiteral("name"));
    if (r.has(QStringLiteral("display_name")))
        n.displayName = r.str(QStringLiteral("display_name"));
    if (r.has(QStringLiteral("json_value")))
        n.jsonValue = r[QStringLiteral("json_value")].toObject();
    return n;
}

QJsonObject NoteRequest::toJson() const
{
    QJsonObject o;
    insertIfSet(o, QStringLiteral("name"), name);
    if (displayName)
        o.insert(QStringLiteral("display_name"), *displayName);
    if (jsonValue)
        o.insert(QStringLiteral("json_value"), *jsonValue);
    return o;
}

// --- alerts -------------------------------------------------------------------------------------

QJsonObject Alert::rawObject() const { return QJsonDocument::fromJson(raw.toUtf8()).object(); }

Alert Alert::fromJson(const JsonReader& r)
{
    Alert a;
    a.messageType = r.str(QStringLiteral("messageType"));
    a.entityId = r.str(QStringLiteral("entityId"));
    a.timestamp = epochSeconds(r[QStringLiteral("timestamp")]);
    a.stateStartTime = epochSeconds(r[QStringLiteral("stateStartTime")]);
    a.stateMessage = r.str(QStringLiteral("stateMessage"));
    a.monitoringTool = r.str(QStringLiteral("monitoringTool"));
    a.entityDisplayName = r.str(QStringLiteral("entityDisplayName"));
    a.ackMsg = r.str(QStringLiteral("ackMsg"));
    a.ackAuthor = r.str(QStringLiteral("ackAuthor"));
    // The definition says a string holding JSON; an object sent as it is is kept as text.
    const JsonReader raw = r[QStringLiteral("raw")];
    if (raw.value().isObject())
        a.raw = QString::fromUtf8(
            QJsonDocument(raw.value().toObject()).toJson(QJsonDocument::Compact));
    else
        a.raw = raw.toString();
    return a;
}

QJsonObject Alert::toJson() const
{
    QJsonObject o;
    insertIfSet(o, QStringLiteral("messageType"), messageType);
    insertIfSet(o, QStringLiteral("entityId"), entityId);
    if (timestamp.isValid())
        o.insert(QStringLiteral("timestamp"), toEpochSeconds(timestamp));
    if (stateStartTime.isValid())
        o.insert(QStringLiteral("stateStartTime"), toEpochSeconds(stateStartTime));
    insertIfSet(o, QStringLiteral("stateMessage"), stateMessage);
    insertIfSet(o, QStringLiteral("monitoringTool"), monitoringTool);
    insertIfSet(o, QStringLiteral("entityDisplayName"), entityDisplayName);
    insertIfSet(o, QStringLiteral("ackMsg"), ackMsg);
    insertIfSet(o, QStringLiteral("ackAuthor"), ackAuthor);
    insertIfSet(o, QStringLiteral("raw"), raw);
    return o;
}

// --- calls --------------------------------------------------------------------------------------

namespace calls {

ApiCall<IncidentList> listIncidents(ApiClient& client, CallPriority priority)
{
    return send<IncidentList>(client, request(ops::listIncidents, {}, priority));
}

ApiCall<Incident> getIncident(
    ApiClient& client, const QString& incidentNumber, CallPriority priority)
{
    return send<Incident>(client, request(ops::getIncident, { incidentNumber }, priority));
}

ApiCall<CreatedIncident> createIncident(ApiClient& client, const CreateIncidentRequest& incident)
{
    return send<CreatedIncident>(client, withBody(request(ops::createIncident), incident.toJson()));
}

ApiCall<AckResolveResults> ackIncidents(ApiClient& client, const AckResolveRequest& ack)
{
    return send<AckResolveResults>(client, withBody(request(ops::ackIncidents), ack.toJson()));
}

ApiCall<AckResolveResults> resolveIncidents(ApiClient& client, const AckResolveRequest& resolve)
{
    return send<AckResolveResults>(
        client, withBody(request(ops::resolveIncidents), resolve.toJson()));
}

static QJsonObject byUserBody(const QString& userName, const QString& message)
{
    QJsonObject o { { QStringLiteral("userName"), userName } };
    insertIfSet(o, QStringLiteral("message"), message);
    return o;
}

ApiCall<AckResolveResults> ackIncidentsByUser(
    ApiClient& client, const QString& userName, const QString& message)
{
    return send<AckResolveResults>(
        client, withBody(request(ops::ackIncidentsByUser), byUserBody(userName, message)));
}

ApiCall<AckResolveResults> resolveIncidentsByUser(
    ApiClient& client, const QString& userName, const QString& message)
{
    return send<AckResolveResults>(
        client, withBody(request(ops::resolveIncidentsByUser), byUserBody(userName, message)));
}

ApiCall<RerouteResults> rerouteIncidents(ApiClient& client, const RerouteRequest& reroute)
{
    return send<RerouteResults>(client, withBody(request(ops::rerouteIncidents), reroute.toJson()));
}

ApiCall<IncidentNoteList> listIncidentNotes(
    ApiClient& client, const QString& incidentNumber, CallPriority priority)
{
    return send<IncidentNoteList>(
        client, request(ops::listIncidentNotes, { incidentNumber }, priority));
}

ApiCall<IncidentNote> createIncidentNote(
    ApiClient& client, const QString& incidentNumber, const NoteRequest& note)
{
    return send<IncidentNote>(
        client, withBody(request(ops::createIncidentNote, { incidentNumber }), note.toJson()));
}

ApiCall<IncidentNote> updateIncidentNote(ApiClient& client, const QString& incidentNumber,
    const QString& noteName, const NoteRequest& note)
{
    // The URL names the note; the payload's name is only for creating one.
    NoteRequest body = note;
    body.name.clear();
    return send<IncidentNote>(client,
        withBody(request(ops::updateIncidentNote, { incidentNumber, noteName }), body.toJson()));
}

ApiCall<NoContent> deleteIncidentNote(
    ApiClient& client, const QString& incidentNumber, const QString& noteName)
{
    return sendNoContent(client, request(ops::deleteIncidentNote, { incidentNumber, noteName }));
}

ApiCall<Alert> getAlert(ApiClient& client, const QString& uuid, CallPriority priority)
{
    return send<Alert>(client, request(ops::getAlert, { uuid }, priority));
}

ApiCall<ReportingIncidentList> searchIncidentHistory(
    ApiClient& client, const ReportingQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::searchIncidentHistory, {}, priority);
    r.query = query.toQuery(true);
    return send<ReportingIncidentList>(client, r);
}

ApiCall<ReportingIncidentList> searchIncidentHistoryV1(
    ApiClient& client, const ReportingQuery& query, CallPriority priority)
{
    ApiRequest r = request(ops::searchIncidentHistoryV1, {}, priority);
    r.query = query.toQuery(false);
    return send<ReportingIncidentList>(client, r);
}

} // namespace calls

} // namespace rota
