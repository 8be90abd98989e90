// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Parses the current incidents of rota-sim's large org (10,000 open incidents, as the simulator
// serialises them) into DTOs, beside a bare QJsonDocument parse of the same bytes, and, when
// simdjson was found at configure time, simdjson's On-Demand API reading the same fields into the
// same DTOs (for comparison only: Rota does not use simdjson).
// Usage: bench_parse_incidents [repetitions]   (build with -DCMAKE_BUILD_TYPE=Release)
// The three are run in turns (one of each, then again), so a busy machine slows them alike.
#include "incidents.h"
#include "jsonreader.h"
#include "largeorg.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

#ifdef ROTA_HAVE_SIMDJSON
#include <simdjson.h>
#include <string_view>
#include <unordered_map>
#endif

using namespace rota;

namespace {

//! This thread's CPU time in ms: on a busy machine it leaves out the time others had the CPU.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Runs {
    Runs(const char* n, std::function<qsizetype()> w, bool c = true)
        : name(n)
        , work(std::move(w))
        , counts(c)
    {
    }
    const char* name;
    std::function<qsizetype()> work; //!< returns the incidents read (or -1 on an error)
    bool counts = true; //!< whether work() reads the incidents (and must find them all)
    std::vector<double> wall;
    std::vector<double> cpu;
};

double best(std::vector<double> v) { return *std::min_element(v.begin(), v.end()); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#ifdef ROTA_HAVE_SIMDJSON

//! The same fields into the same DTOs with simdjson On-Demand: repeated texts kept once, as
//! Incident::fromJson does with the reader's shared texts; times by the same fast path for
//! "…T…Z" with parseApiTime for the rest; the same fingerprint. Errors end the run.
class SimdjsonIncidents {
public:
    qsizetype read(const simdjson::padded_string_view body)
    {
        m_texts.clear();
        IncidentList list;
        simdjson::ondemand::document doc = m_parser.iterate(body);
        for (simdjson::ondemand::object incident : doc["incidents"].get_array())
            list.incidents.append(readIncident(incident));
        return list.incidents.size();
    }

private:
    static QString text(std::string_view v)
    {
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }
    QString shared(std::string_view v)
    {
        if (v.empty())
            return QString();
        const auto found = m_texts.find(v);
        if (found != m_texts.end())
            return found->second;
        QString t = text(v);
        m_texts.emplace(v, t);
        return t;
    }
    static int digits(const char* p, int n)
    {
        int value = 0;
        for (int i = 0; i < n; ++i) {
            if (p[i] < '0' || p[i] > '9')
                return -1;
            value = value * 10 + (p[i] - '0');
        }
        return value;
    }
    static QDateTime time(std::string_view v)
    {
        const char* p = v.data();
        if ((v.size() == 20 || v.size() == 24) && p[4] == '-' && p[7] == '-' && p[10] == 'T'
            && p[13] == ':' && p[16] == ':' && p[v.size() - 1] == 'Z'
            && (v.size() == 20 || p[19] == '.')) {
            const int year = digits(p, 4), month = digits(p + 5, 2), day = digits(p + 8, 2);
            const int hour = digits(p + 11, 2), minute = digits(p + 14, 2);
            const int second = digits(p + 17, 2), milli = v.size() == 24 ? digits(p + 20, 3) : 0;
            static constexpr int Days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
            const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= Days[month - 1]
                && (month != 2 || day <= 28 || leap) && hour >= 0 && hour <= 23 && minute >= 0
                && minute <= 59 && second >= 0 && second <= 59 && milli >= 0) {
                const qint64 y = year - (month <= 2 ? 1 : 0);
                const qint64 era = y / 400, yoe = y - era * 400;
                const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
                const qint64 days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
                return QDateTime::fromMSecsSinceEpoch(
                    ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + milli, Qt::UTC);
            }
        }
        return parseApiTime(QJsonValue(text(v)));
    }
    QStringList sharedStrings(simdjson::ondemand::value v)
    {
        QStringList out;
        for (std::string_view s : v.get_array())
            out.append(shared(s));
        return out;
    }
    Incident readIncident(simdjson::ondemand::object o)
    {
        Incident i;
        for (auto field : o) {
            const std::string_view key = field.unescaped_key();
            simdjson::ondemand::value v = field.value();
            if (key == "incidentNumber") {
                i.incidentNumber = text(v.get_string());
            } else if (key == "currentPhase") {
                i.phaseName = shared(v.get_string());
                i.phase = phaseFromApi(i.phaseName);
            } else if (key == "startTime") {
                i.startTime = time(v.get_string());
            } else if (key == "lastAlertTime") {
                i.lastAlertTime = time(v.get_string());
            } else if (key == "alertCount") {
                i.alertCount = static_cast<int>(v.get_int64());
            } else if (key == "firstAlertUuid") {
                i.firstAlertUuid = text(v.get_string());
            } else if (key == "lastAlertId") {
                i.lastAlertId = text(v.get_string());
            } else if (key == "entityId") {
                i.entityId = shared(v.get_string());
            } else if (key == "entityDisplayName") {
                i.entityDisplayName = shared(v.get_string());
            } else if (key == "entityType") {
                i.entityType = shared(v.get_string());
            } else if (key == "entityState") {
                i.entityState = shared(v.get_string());
            } else if (key == "host") {
                i.host = shared(v.get_string());
            } else if (key == "service") {
                i.service = shared(v.get_string());
            } else if (key == "routingKey") {
                i.routingKey = shared(v.get_string());
            } else if (key == "monitorName") {
                i.monitorName = shared(v.get_string());
            } else if (key == "monitorType") {
                i.monitorType = shared(v.get_string());
            } else if (key == "pagedUsers") {
                i.pagedUsers = sharedStrings(v);
            } else if (key == "pagedTeams") {
                i.pagedTeams = sharedStrings(v);
            } else if (key == "pagedPolicies") {
                for (simdjson::ondemand::object p : v.get_array())
                    i.pagedPolicies.append(readPolicy(p));
            } else if (key == "transitions") {
                for (simdjson::ondemand::object t : v.get_array())
                    i.transitions.append(readTransition(t));
            }
        }
        if (i.lastAlertId == i.firstAlertUuid)
            i.lastAlertId = i.firstAlertUuid;
        i.parsedFingerprint = i.fingerprint();
        return i;
    }
    TeamPolicy readPolicy(simdjson::ondemand::object o)
    {
        TeamPolicy p;
        for (auto field : o) {
            const std::string_view key = field.unescaped_key();
            simdjson::ondemand::object inner = field.value().get_object();
            for (auto f : inner) {
                const std::string_view k = f.unescaped_key();
                const std::string_view s = f.value().get_string();
                if (key == "policy" && k == "name")
                    p.policyName = shared(s);
                else if (key == "policy" && k == "slug")
                    p.policySlug = shared(s);
                else if (key == "policy" && k == "_selfUrl")
                    p.policySelfUrl = shared(s);
                else if (key == "team" && k == "name")
                    p.teamName = shared(s);
                else if (key == "team" && k == "slug")
                    p.teamSlug = shared(s);
            }
        }
        return p;
    }
    IncidentTransition readTransition(simdjson::ondemand::object o)
    {
        IncidentTransition t;
        for (auto field : o) {
            const std::string_view key = field.unescaped_key();
            simdjson::ondemand::value v = field.value();
            if (key == "name") {
                t.name = shared(v.get_string());
                t.phase = phaseFromApi(t.name);
            } else if (key == "at") {
                t.at = time(v.get_string());
            } else if (key == "by") {
                t.by = shared(v.get_string());
            } else if (key == "message") {
                t.message = shared(v.get_string());
            } else if (key == "manually") {
                t.manually = v.get_bool();
            } else if (key == "alertId") {
                t.alertId = text(v.get_string());
            } else if (key == "alertUrl") {
                t.alertUrl = text(v.get_string());
            }
        }
        return t;
    }

    simdjson::ondemand::parser m_parser;
    std::unordered_map<std::string_view, QString> m_texts;
};

#endif

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10;

    const QByteArray bytes = bench::largeOrgAnswer(QStringLiteral("/api-public/v1/incidents"));
    const double megabytes = static_cast<double>(bytes.size()) / (1024.0 * 1024.0);

    std::vector<Runs> runs;
    runs.push_back(
        Runs { "QJsonDocument::fromJson only ", [&bytes] {
                  const QJsonDocument doc = QJsonDocument::fromJson(bytes);
                  return doc.object().value(QStringLiteral("incidents")).toArray().size();
              } });
    runs.push_back(Runs { "JsonReader + IncidentList DTO", [&bytes]() -> qsizetype {
                             const JsonReader reader = JsonReader::fromBytes(bytes);
                             const IncidentList list = IncidentList::fromJson(reader);
                             return reader.ok() ? list.incidents.size() : -1;
                         } });
    runs.push_back(Runs { "JsonReader: the parse alone  ",
        [&bytes]() -> qsizetype {
            const JsonReader reader = JsonReader::fromBytes(bytes);
            return reader.ok() ? 0 : -1;
        },
        false });
#ifdef ROTA_HAVE_SIMDJSON
    // simdjson reads past the end of its input: a copy with the padding it needs, made once
    // (outside the figures; an answer off the network would need this copy too).
    QByteArray padded = bytes;
    padded.reserve(bytes.size() + simdjson::SIMDJSON_PADDING);
    SimdjsonIncidents simd;
    runs.push_back(Runs { "simdjson On-Demand + same DTO", [&padded, &simd]() -> qsizetype {
                             try {
                                 return simd.read(simdjson::padded_string_view(padded.constData(),
                                     static_cast<size_t>(padded.size()),
                                     static_cast<size_t>(padded.capacity())));
                             } catch (const simdjson::simdjson_error& e) {
                                 std::fprintf(stderr, "simdjson: %s\n", e.what());
                                 return -1;
                             }
                         } });
#endif

    qsizetype expected = -1;
    for (int i = 0; i < repetitions; ++i) {
        for (Runs& run : runs) {
            QElapsedTimer timer;
            const double cpu = cpuMs();
            timer.start();
            const qsizetype count = run.work();
            run.wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            run.cpu.push_back(cpuMs() - cpu);
            if (run.counts && expected < 0)
                expected = count;
            if (count < 0 || (run.counts && count != expected)) {
                std::fprintf(stderr, "%s: read %lld incidents, expected %lld\n", run.name,
                    static_cast<long long>(count), static_cast<long long>(expected));
                return 1;
            }
        }
    }
    std::printf("body: %lld incidents, %.1f MB; %d runs of each, in turns\n",
        static_cast<long long>(expected), megabytes, repetitions);
    std::printf("%-30s  %21s  %21s  %15s\n", "", "wall best / median ms", "CPU best / median ms",
        "MB/s (CPU best)");
    for (const Runs& run : runs) {
        std::printf("%-30s  %9.1f / %9.1f  %9.1f / %9.1f  %15.1f\n", run.name, best(run.wall),
            median(run.wall), best(run.cpu), median(run.cpu), megabytes / (best(run.cpu) / 1000.0));
    }
#ifndef ROTA_HAVE_SIMDJSON
    std::printf("(simdjson was not found at configure time: no figure for it)\n");
#endif
    return 0;
}
