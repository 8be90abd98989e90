// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The values of the local incident history: what is stored of an incident and of a shift, the
// search over them, the sync's place in the history, and the figures a search gives.

#include "incidents.h"
#include "phase.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace rota {

//! An incident of the history as the Reports view searches and counts it: compact, times in UTC
//! milliseconds since the epoch (-1: never). Built from the reporting API's incident and its
//! transitions by fromIncident().
struct HistoryIncident {
    qint64 number = 0;
    Phase phase = Phase::Unknown;
    qint64 startMs = -1;
    qint64 ackMs = -1; //!< the first acknowledgement
    qint64 resolveMs = -1; //!< the last resolution
    QString summary; //!< entityDisplayName, else entityId
    QString entityId;
    QString host;
    QString service;
    QString routingKey;
    QStringList teams; //!< team slugs paged
    QStringList pagedUsers;
    QString ackedBy; //!< who acknowledged first; empty: nobody
    QString resolvedBy;

    //! Seconds from start to the first acknowledgement; -1 when never acknowledged.
    qint64 secondsToAck() const;
    //! Seconds from start to resolution; -1 when not resolved.
    qint64 secondsToResolve() const;

    //! The compact record of a history entry (first acknowledging transition, last resolving).
    static HistoryIncident fromIncident(const Incident& incident);
};

//! One copy of each text that repeats across incidents (hosts, services, routing keys, teams,
//! people): less memory for a search copy of 100,000 incidents, and HistoryMetrics finds a
//! shared text's group by where it lies instead of hashing it.
class TextPool {
public:
    QString shared(const QString& text);
    //! Shares the repeating texts of the incident (not its summary or entity id).
    void share(HistoryIncident& incident);

private:
    QSet<QString> m_texts;
};

//! One stint on call from a team's shift log (reporting v1 on-call log).
struct ShiftRecord {
    QString team; //!< slug
    QString user; //!< username
    QString policySlug;
    QString policyName;
    qint64 onMs = -1; //!< UTC ms
    qint64 offMs = -1; //!< UTC ms; -1 while still on call

    bool operator==(const ShiftRecord& other) const;
};

//! A search of the stored history. Empty fields match everything.
struct HistoryFilter {
    //! Every word must appear (ignoring case) in the number, summary, entity id, host, service
    //! or routing key.
    QString text;
    QString team; //!< a team slug the incident paged
    QString routingKey;
    QString service;
    QString host;
    QList<Phase> phases; //!< any of these; empty: all
    QDateTime from; //!< started at or after (invalid: no bound)
    QDateTime to; //!< started before (invalid: no bound)

    //! Whether the incident matches. Give `from` and `to` in UTC when matching many: a local
    //! time is converted to an instant at each call.
    bool matches(const HistoryIncident& incident) const;
    bool operator==(const HistoryFilter& other) const;
    bool operator!=(const HistoryFilter& other) const { return !(*this == other); }
};

//! Where the background sync is in the history; stored with the incidents it describes, in the
//! same transaction, so that a crash never loses or doubles a page.
struct HistorySyncState {
    //! Everything started in [oldestMs, newestMs] has been read (-1: nothing read yet).
    qint64 oldestMs = -1;
    qint64 newestMs = -1;
    //! The older pages are all read (back to the start of the history or to untilMs).
    bool backfillDone = false;
    //! The history's own count of incidents, as its last answer said (-1: not known yet).
    int serverTotal = -1;
    //! The backfill stops at incidents started before this (-1: the whole history).
    qint64 untilMs = -1;
    //! When the last call was answered (UTC ms; -1: never).
    qint64 lastSyncMs = -1;

    bool operator==(const HistorySyncState& other) const;
};

//! A count and the time to acknowledge and resolve, for a day, a week or a group.
struct HistoryFigures {
    int count = 0;
    int acknowledged = 0; //!< how many were acknowledged
    int resolved = 0;
    double ttaMedian = -1; //!< seconds; -1: none acknowledged
    double ttaP90 = -1;
    double ttrMedian = -1; //!< seconds; -1: none resolved
    double ttrP90 = -1;
};

//! Figures for one day or week (local time).
struct HistoryBucket {
    QDate start;
    HistoryFigures figures;
};

//! Figures for one team, routing key, service or host.
struct HistoryGroup {
    QString key;
    HistoryFigures figures;
};

//! The signed-in user's own numbers.
struct MyNumbers {
    int pagesReceived = 0; //!< incidents that paged me
    int pagesAtNight = 0; //!< of those, started between 22:00 and 07:00 local time
    int acknowledgedByMe = 0;
    int resolvedByMe = 0;
    qint64 onCallSecondsThisMonth = 0; //!< from the shift log, overlaps counted once
};

//! What a search of the stored history gives: the matching rows and every figure of them.
struct HistoryReport {
    HistoryFilter filter;
    int stored = 0; //!< incidents in the store
    int matching = 0; //!< incidents the filter matched
    //! The matching incidents, newest first, at most HistoryReport::RowLimit of them.
    QList<HistoryIncident> rows;
    HistoryFigures overall;
    QList<HistoryBucket> perDay; //!< oldest first, days without incidents included (count 0)
    QList<HistoryBucket> perWeek; //!< weeks start on Monday; empty weeks included
    //! Most incidents first, ties by key. An incident that paged two teams counts for both;
    //! incidents that paged no team are counted under the key "".
    QList<HistoryGroup> byTeam;
    QList<HistoryGroup> byRoutingKey; //!< as byTeam; no routing key: the key ""
    QList<HistoryGroup> byService; //!< as byTeam; no service: the key ""
    QList<HistoryGroup> noisiestHosts; //!< at most TopN, as byTeam; no host: left out
    QList<HistoryGroup> noisiestServices; //!< at most TopN, as byTeam; no service: left out
    //! Incidents started per weekday (0 = Monday) and hour (0..23), local time.
    std::array<std::array<int, 24>, 7> heat {};
    MyNumbers mine;
    qint64 elapsedMs = 0; //!< how long the search and its figures took

    static constexpr int RowLimit = 5000;
    static constexpr int TopN = 15;
};

} // namespace rota
