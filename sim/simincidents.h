// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// What the handlers of incidents, notes, alerts and the reporting API share: the phase names, the
// incident writer and finding an incident by its number.
#pragma once

#include "simcontext.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace rota::sim {

inline const QString kUnacked = QStringLiteral("UNACKED");
inline const QString kAcked = QStringLiteral("ACKED");
inline const QString kResolved = QStringLiteral("RESOLVED");

// Incident lists are written straight into the reply body: a 10,000-incident answer built as
// QJsonObjects and then serialised took over a second on the large org.
class JsonWriter {
public:
    QByteArray out;

    void beginObject()
    {
        value();
        out += '{';
        m_first.push_back(true);
    }
    void endObject()
    {
        out += '}';
        m_first.pop_back();
    }
    void beginArray()
    {
        value();
        out += '[';
        m_first.push_back(true);
    }
    void endArray()
    {
        out += ']';
        m_first.pop_back();
    }
    //! name is a plain ASCII literal: it is written as it is, unescaped.
    void key(const char* name)
    {
        separator();
        out += '"';
        out += name;
        out += "\":";
        m_afterKey = true;
    }
    void string(const QString& text)
    {
        value();
        out += '"';
        const QByteArray utf8 = text.toUtf8();
        // UTF-8 continuation bytes are >= 0x80, so a byte-wise scan cannot split a character.
        // Runs that need no escaping are copied whole.
        const char* run = utf8.constData();
        const char* const end = run + utf8.size();
        for (const char* p = run; p != end; ++p) {
            const auto u = static_cast<unsigned char>(*p);
            if (u >= 0x20 && *p != '"' && *p != '\\')
                continue;
            out.append(run, p - run);
            run = p + 1;
            if (u >= 0x20) {
                out += '\\';
                out += *p;
            } else {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xF];
            }
        }
        out.append(run, end - run);
        out += '"';
    }
    //! A member with a string value.
    void field(const char* name, const QString& text)
    {
        key(name);
        string(text);
    }
    void number(qint64 n)
    {
        value();
        out += QByteArray::number(n);
    }
    void boolean(bool b)
    {
        value();
        out += b ? "true" : "false";
    }
    //! Already serialised JSON, e.g. from QJsonDocument.
    void raw(const QByteArray& json)
    {
        value();
        out += json;
    }
    void strings(const QStringList& list)
    {
        beginArray();
        for (const QString& text : list)
            string(text);
        endArray();
    }

private:
    void value()
    {
        if (m_afterKey)
            m_afterKey = false;
        else
            separator();
    }
    void separator()
    {
        if (m_first.empty())
            return;
        if (!m_first.back())
            out += ',';
        m_first.back() = false;
    }

    std::vector<bool> m_first; //!< per open object or array: nothing written in it yet
    bool m_afterKey = false;
};

SimReply jsonReply(QByteArray body);

// EscalationPolicyInfo objects are the same for every incident that paged the policy, so a
// request serialises each once instead of looking the policy and its team up per incident.
class PolicyInfoCache {
public:
    explicit PolicyInfoCache(const SimOrg& org)
        : m_org(org)
    {
    }

    QByteArray info(const QString& slug)
    {
        const auto found = m_cache.constFind(slug);
        if (found != m_cache.constEnd())
            return found.value();
        const auto policy = m_org.policies.constFind(slug);
        // A policy deleted after paging keeps showing in old incidents, by its slug.
        const QString name = policy != m_org.policies.constEnd() ? policy->name : slug;
        const QString teamSlug = policy != m_org.policies.constEnd() ? policy->teamSlug : QString();
        const auto team = m_org.teams.constFind(teamSlug);
        const QString teamName = team != m_org.teams.constEnd() ? team->name : teamSlug;
        const QJsonObject info {
            { QStringLiteral("policy"),
                QJsonObject {
                    { QStringLiteral("name"), name },
                    { QStringLiteral("slug"), slug },
                    { QStringLiteral("_selfUrl"),
                        QString(QStringLiteral("/api-public/v1/policies/") + slug) },
                } },
            { QStringLiteral("team"),
                QJsonObject {
                    { QStringLiteral("name"), teamName },
                    { QStringLiteral("slug"), teamSlug },
                } },
        };
        const QByteArray json = QJsonDocument(info).toJson(QJsonDocument::Compact);
        m_cache.insert(slug, json);
        return json;
    }

private:
    const SimOrg& m_org;
    QHash<QString, QByteArray> m_cache;
};

enum class Flavor { Current, Reporting };

// IncidentInfo (Current) or ReportingIncidentInfo (Reporting).
void writeIncident(
    JsonWriter& json, const SimIncident& incident, PolicyInfoCache& policies, Flavor flavor);

//! The number an {incidentNumber} gives; nullopt when it is no positive integer.
std::optional<int> parseIncidentNumber(const QString& text);
//! The incident an {incidentNumber} names; nullptr when there is none.
SimIncident* findIncident(SimContext& ctx, const QString& text);
//! The incident the request's {incidentNumber} names; else nullptr, and *reply says why (400 or
//! 404).
SimIncident* requestedIncident(SimContext& ctx, const SimRequest& request, SimReply* reply);

} // namespace rota::sim
