// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Pages that came and went: incidents that paged the signed-in user and were resolved between
// two refreshes of the current incidents, so that Rota never saw them open. They are found in the
// reporting API's incident history and listed without an alarm.

#include "apierror.h"
#include "incidents.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

class QTimer;

namespace rota {

class ApiClient;
class ApiReply;

//! One incident that paged the user while Rota did not see it open.
struct AwayPage {
    QString incidentNumber;
    QString summary; //!< entityDisplayName, else entityId
    QString service;
    QDateTime started; //!< UTC
    QDateTime resolvedAt; //!< UTC; invalid when the history does not say
    QString resolvedBy; //!< the user or monitoring tool; empty when the history does not say
    QList<IncidentTransition> transitions; //!< as the history lists them

    //! The page for a history entry: resolved by and at from its last resolving transition.
    static AwayPage fromIncident(const Incident& incident);
};

//! The incidents that paged the user while they were away, newest start first. Kept for the
//! session: an incident is listed once, and once dismissed it does not come back.
class AwayPagesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, SummaryColumn, StartedColumn, ResolvedColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        NumberRole = Qt::UserRole + 1,
        SummaryRole,
        StartedRole, //!< QDateTime, UTC
        ResolvedAtRole, //!< QDateTime, UTC (invalid: unknown)
        ResolvedByRole,
        SortRole, //!< numbers as numbers, times as times
    };
    Q_ENUM(Role)

    explicit AwayPagesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Inserts the pages not listed or dismissed before, each at its place (newest start first).
    //! Returns how many were added.
    int add(const QList<AwayPage>& pages);
    //! Removes every row; those incidents are not listed again this session.
    void dismiss();
    //! Listed now or dismissed.
    bool isKnown(const QString& incidentNumber) const { return m_known.contains(incidentNumber); }
    int count() const { return static_cast<int>(m_pages.size()); }
    const QList<AwayPage>& pages() const { return m_pages; }
    //! The row of the incident; -1 when it is not listed.
    int rowOf(const QString& incidentNumber) const;

    //! "3 incidents paged you while you were away"; empty when none.
    QString summaryText() const;
    //! "resolved by ada.lovelace at 14:05" (local time; the date too when not today).
    static QString resolvedText(const AwayPage& page);
    //! Local time, with the date when not today.
    static QString timeText(const QDateTime& utc);

Q_SIGNALS:
    void countChanged(int count);

private:
    QList<AwayPage> m_pages;
    QSet<QString> m_known;
};

//! Decides when to look in the incident history for pages the refreshes missed, asks it, and
//! lists what it finds in an AwayPagesModel.
//!
//! The history (GET /api-reporting/v2/incidents) may be called ONCE a minute per API key, so it is
//! asked at background priority, never twice within MinCheckIntervalMs by this object's clock, and
//! only when a gap is worth checking:
//! - at once (once allowed) after checkNow(): a resume from suspend, the network back;
//! - after a refresh that shows a trace of one: an incident no refresh saw open that is listed
//!   resolved now and paged the user (or does not say whom it paged), or incident numbers skipped
//!   past the highest seen before;
//! - again, a minute on, while such a resolved incident that paged the user is not in the history
//!   yet (the history may lag by minutes), for at most MaxLagWaitMs;
//! - otherwise at most every SweepIntervalMs after a refresh, for a page that left no trace.
//! Each check asks for resolved incidents started after the last refresh it has not covered yet
//! (less LagMarginSecs, for clock skew and the history's lag). An incident is listed when the
//! user is among its pagedUsers (who was paged, as the history says), no refresh ever listed it
//! triggered or acknowledged, and it is resolved.
class AwayPages : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>; //!< UTC

    static constexpr qint64 MinCheckIntervalMs = qint64(60) * 1000;
    static constexpr qint64 SweepIntervalMs = qint64(10) * 60 * 1000;
    static constexpr int LagMarginSecs = 5 * 60;
    static constexpr int PageLimit = 100; //!< the most the history answers at once
    static constexpr int MaxPages = 10; //!< pages read for one span (a minute apart)
    static constexpr qint64 MaxLagWaitMs = qint64(15) * 60 * 1000;

    //! Neither is owned; both must outlive this object. The user is the client's.
    AwayPages(ApiClient* client, AwayPagesModel* model, QObject* parent = nullptr);
    ~AwayPages() override;

    //! For tests: another clock than the system's.
    void setClock(Clock clock);
    QDateTime now() const;

    //! A refresh of the current incidents arrived (IncidentPoller::refreshed): remembers what was
    //! open and checks the history if a gap is worth it. The first refresh starts the watch.
    void noteRefresh(const QList<rota::Incident>& incidents);
    //! Checks as soon as the once-a-minute limit allows (after a resume or reconnect). Nothing
    //! before the first refresh: there is no gap yet.
    void checkNow();

    //! A check is on its way (sent or waiting for its budget).
    bool isChecking() const { return m_pending != nullptr; }
    //! Checks sent so far.
    int checksSent() const { return m_checksSent; }
    //! When the last check was sent (this object's clock); invalid before the first.
    QDateTime lastCheck() const { return m_lastCheck; }
    //! A check is due (a gap worth checking), waiting for the limit or the next refresh.
    bool isCheckDue() const { return m_due; }
    //! The start of the span not checked yet: the refresh before it saw what was open then.
    QDateTime uncheckedSince() const { return m_since; }
    //! Incidents the current list showed resolved and paging the user, never seen open, that the
    //! history has not listed yet.
    QStringList awaited() const { return m_awaited.keys(); }

Q_SIGNALS:
    //! A check was answered; `added` incidents were listed.
    void checked(int added);
    void checkFailed(const rota::ApiError& error);

private:
    void maybeCheck();
    void send();

    ApiClient* m_client;
    QPointer<AwayPagesModel> m_model;
    Clock m_clock;
    QTimer* m_timer; //!< a due check waiting for the once-a-minute limit
    QPointer<ApiReply> m_pending;
    QSet<QString> m_seenOpen; //!< incidents some refresh listed triggered or acknowledged
    QSet<QString> m_listed; //!< incidents some refresh listed at all
    QHash<QString, QDateTime> m_awaited; //!< see awaited(); since when
    qint64 m_highestNumber = -1; //!< the highest incident number a refresh listed
    QDateTime m_since; //!< what the next check asks from (before the margin)
    QDateTime m_lastRefresh; //!< when the last refresh arrived
    QDateTime m_lastCheck;
    QDateTime m_pageBefore; //!< the next pages of a long answer: started before this
    int m_pageOffset = 0; //!< the next page of a long answer: from here
    QDateTime m_sinceAfterPages; //!< where m_since goes once the last page is read
    bool m_due = false;
    int m_checksSent = 0;
};

} // namespace rota
