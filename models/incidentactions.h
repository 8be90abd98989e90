// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidentmodel.h"
#include "incidents.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;

//! Acknowledge, resolve and reroute incidents, optimistically: the rows change at once (the new
//! phase, IncidentModel::PendingRole) and then follow the server's answer. An incident the server
//! refuses (cmdAccepted false, or a failed reroute) rolls back with the server's message in
//! IncidentModel::ErrorRole; a call that fails as a whole rolls every row back and emits
//! actionFailed() with the error in words.
//!
//! A call whose answer was lost (it may or may not have been applied) is never sent again: its
//! rows stay pending, marked "not confirmed yet" (IncidentModel::markUnconfirmed), and
//! outcomeUnknown() asks for a refresh. That refresh settles them to the server's truth; the
//! rows of an action it shows was not applied go back to the server's phase, say so, and
//! actionFailed() says it in words.
//!
//! Every call is listed in HeldCalls while the API's rate limit holds it back; cancelled there,
//! nothing is sent, the rows go back and actionFailed() (createFailed() for create()) says so.
//!
//! Rows already pending another action are left out. Incidents that the model does not have
//! are still sent (there is just no row to change).
class IncidentActions : public QObject {
    Q_OBJECT
public:
    enum class Action {
        Acknowledge,
        Resolve,
        AcknowledgeAllPagingMe,
        ResolveAllPagingMe,
        Reroute,
        Create, //!< create(): only outcomeUnknown() names it
    };
    Q_ENUM(Action)

    //! Acts as client->credentials().username. The model may be null (nothing is shown).
    IncidentActions(ApiClient* client, IncidentModel* model, QObject* parent = nullptr);

    //! Acknowledges the incidents that are not acknowledged or resolved already. Returns the
    //! numbers sent (empty: nothing to do, no call made).
    QStringList acknowledge(const QStringList& incidentNumbers, const QString& message = {});
    //! Resolves the incidents that are not resolved already. Returns the numbers sent.
    QStringList resolve(const QStringList& incidentNumbers, const QString& message = {});
    //! Every triggered incident paging the acting user (byUser/ack). Rows the model shows as
    //! triggered and paging me change at once; whatever else the server acknowledges follows.
    void acknowledgeAllPagingMe(const QString& message = {});
    //! Every open incident paging the acting user (byUser/resolve).
    void resolveAllPagingMe(const QString& message = {});
    //! Pages `targets` for each incident instead of (or, with addTargets, besides) those paged.
    //! The rows are pending until the answer; their phase does not change.
    QStringList reroute(const QStringList& incidentNumbers, const QList<IncidentTarget>& targets,
        bool addTargets = false);

    //! Opens an incident by hand (POST /incidents; never retried). An empty userName is the acting
    //! user. Returns a ticket that the answer carries: created(ticket, number) or
    //! createFailed(ticket, words). Nothing changes in the model; the next poll brings the row.
    //! When the answer is lost, createFailed() says the incident may have been opened (it is not
    //! opened again) and outcomeUnknown() asks for a refresh.
    quint64 create(CreateIncidentRequest request);

    //! Calls sent and not answered yet.
    int pendingCalls() const { return m_pendingCalls; }

Q_SIGNALS:
    //! A call was answered: `accepted` incidents were acted on, `refused` were not (their rows
    //! show why).
    void actionFinished(rota::IncidentActions::Action action, const QStringList& accepted,
        const QStringList& refused);
    //! A call failed as a whole (or could not be sent); every row it changed is back as it was
    //! and shows the error. Also when a refresh showed that an action whose answer was lost was
    //! not applied (its rows show the server's phase and say so). `message` is for people, e.g.
    //! "Could not acknowledge 2 incidents: Splunk On-Call had a server error (HTTP 500). Try again
    //! shortly."
    void actionFailed(const QString& message);
    //! The incident of create() `ticket` was opened as `incidentNumber`.
    void created(quint64 ticket, const QString& incidentNumber);
    //! create() `ticket` failed; `message` says why in words.
    void createFailed(quint64 ticket, const QString& message);
    //! The answer to an action was lost: it may or may not have been applied. The rows of
    //! `incidentNumbers` show "not confirmed yet" until the next refresh (ask the poller for one
    //! now); `message` says so in words.
    void outcomeUnknown(rota::IncidentActions::Action action, const QStringList& incidentNumbers,
        const QString& message);

private:
    QStringList ackOrResolve(
        Action action, const QStringList& incidentNumbers, const QString& message);
    void byUser(Action action, const QString& message);
    bool checkUser(Action action, int count);
    //! Ends the pending rows the answer names (refused ones show the server's message) and sorts
    //! the numbers into accepted and refused. An accepted incident that was not marked shows
    //! `unmarkedAccepted` unless that is Phase::Unknown. Returns the numbers answered.
    QSet<QString> settle(const AckResolveResults& results, quint64 ticket, Phase unmarkedAccepted,
        QStringList* accepted, QStringList* refused);
    void failed(
        Action action, quint64 ticket, const QStringList& marked, int count, const ApiError& error);
    //! The call of `action` under `ticket` ended with its answer lost: no rollback, no re-send;
    //! the rows wait for a refresh.
    void unknown(Action action, quint64 ticket, const QStringList& marked, int count,
        const QList<IncidentTarget>& targets = {});
    void onSettled(IncidentModel::PendingAction pending, const QStringList& notApplied);
    //! Lists an acknowledge, resolve or reroute call (of `numbers`, or of the incidents paging me
    //! when empty) in HeldCalls while the rate limit holds it back ("Acknowledge #12"); cancelled
    //! there, its rows go back and actionFailed() says it was cancelled and nothing was sent.
    void trackHeld(ApiReply* reply, Action action, const QStringList& numbers, quint64 ticket,
        const QStringList& marked);
    static QString failureWords(Action action, int count);

    ApiClient* m_client;
    QPointer<IncidentModel> m_model;
    quint64 m_nextTicket = 1;
    int m_pendingCalls = 0;
};

} // namespace rota
