// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "incidentactions.h"

#include "apiclient.h"
#include "heldcalls.h"
#include "writeoutcome.h"

#include <QSet>

namespace rota {

namespace {

//! The incident numbers once each, in order, without empty ones.
QStringList distinctNumbers(const QStringList& incidentNumbers)
{
    QStringList numbers;
    QSet<QString> seen;
    for (const QString& number : incidentNumbers) {
        if (number.isEmpty() || seen.contains(number))
            continue;
        seen.insert(number);
        numbers.append(number);
    }
    return numbers;
}

// What an action does, as the subject of a sentence: "Acknowledging 2 incidents".
QString actionWords(IncidentActions::Action action, int count)
{
    using Action = IncidentActions::Action;
    switch (action) {
    case Action::Acknowledge:
        return count == 1 ? IncidentActions::tr("Acknowledging the incident")
                          : IncidentActions::tr("Acknowledging %n incidents", nullptr, count);
    case Action::Resolve:
        return count == 1 ? IncidentActions::tr("Resolving the incident")
                          : IncidentActions::tr("Resolving %n incidents", nullptr, count);
    case Action::AcknowledgeAllPagingMe:
        return IncidentActions::tr("Acknowledging the incidents paging you");
    case Action::ResolveAllPagingMe:
        return IncidentActions::tr("Resolving the incidents paging you");
    case Action::Reroute:
        return count == 1 ? IncidentActions::tr("Rerouting the incident")
                          : IncidentActions::tr("Rerouting %n incidents", nullptr, count);
    case Action::Create:
        return IncidentActions::tr("Opening the incident");
    }
    return QString();
}

} // namespace

using Pending = IncidentModel::PendingAction;

IncidentActions::IncidentActions(ApiClient* client, IncidentModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    if (m_model) {
        connect(m_model, &IncidentModel::unconfirmedSettled, this,
            [this](Pending pending, const QStringList&, const QStringList& notApplied) {
                if (!notApplied.isEmpty())
                    onSettled(pending, notApplied);
            });
    }
}

void IncidentActions::unknown(Action action, quint64 ticket, const QStringList& marked, int count,
    const QList<IncidentTarget>& targets)
{
    // Sending it again could apply it twice (a second reroute pages people again): the rows
    // wait, truthfully marked, for a refresh to say what the server did.
    const QStringList waiting
        = m_model ? m_model->markUnconfirmed(marked, ticket, targets) : QStringList();
    Q_EMIT outcomeUnknown(action, waiting,
        tr("%1 is not confirmed yet: the answer from Splunk On-Call was lost. The incidents are "
           "read again to see whether it was applied; nothing is sent twice.")
            .arg(actionWords(action, count)));
}

void IncidentActions::onSettled(Pending pending, const QStringList& notApplied)
{
    Action action = Action::Acknowledge;
    if (pending == Pending::Resolve)
        action = Action::Resolve;
    else if (pending == Pending::Reroute)
        action = Action::Reroute;
    QStringList numbers;
    for (const QString& number : notApplied)
        numbers.append(QLatin1Char('#') + number);
    Q_EMIT actionFailed(failureWords(action, static_cast<int>(notApplied.size()))
        + QLatin1String(": ")
        + tr("its answer was lost, and Splunk On-Call shows it was not applied (%1).")
              .arg(numbers.join(QLatin1String(", "))));
}

QString IncidentActions::failureWords(Action action, int count)
{
    switch (action) {
    case Action::Acknowledge:
        return count == 1 ? tr("Could not acknowledge the incident")
                          : tr("Could not acknowledge %n incidents", nullptr, count);
    case Action::Resolve:
        return count == 1 ? tr("Could not resolve the incident")
                          : tr("Could not resolve %n incidents", nullptr, count);
    case Action::AcknowledgeAllPagingMe:
        return tr("Could not acknowledge the incidents paging you");
    case Action::ResolveAllPagingMe:
        return tr("Could not resolve the incidents paging you");
    case Action::Reroute:
        return count == 1 ? tr("Could not reroute the incident")
                          : tr("Could not reroute %n incidents", nullptr, count);
    case Action::Create:
        return tr("Could not open the incident");
    }
    return QString();
}

bool IncidentActions::checkUser(Action action, int count)
{
    if (!m_client->credentials().username.isEmpty())
        return true;
    Q_EMIT actionFailed(failureWords(action, count) + QLatin1String(": ")
        + tr("no acting user is set for this account. Add your username in the account "
             "settings."));
    return false;
}

void IncidentActions::failed(
    Action action, quint64 ticket, const QStringList& marked, int count, const ApiError& error)
{
    const QString text = error.text();
    if (m_model) {
        for (const QString& number : marked)
            m_model->finishPending(number, ticket, false, text);
    }
    Q_EMIT actionFailed(failureWords(action, count) + QLatin1String(": ") + text);
}

namespace {

// How a held call is listed, in the imperative of the bar: "Acknowledge #12".
QString heldWords(IncidentActions::Action action, const QStringList& numbers)
{
    using Action = IncidentActions::Action;
    const bool one = numbers.size() == 1;
    const QString first = one ? numbers.constFirst() : QString();
    const auto count = static_cast<int>(numbers.size());
    switch (action) {
    case Action::Acknowledge:
        return one ? IncidentActions::tr("Acknowledge #%1").arg(first)
                   : IncidentActions::tr("Acknowledge %n incidents", nullptr, count);
    case Action::Resolve:
        return one ? IncidentActions::tr("Resolve #%1").arg(first)
                   : IncidentActions::tr("Resolve %n incidents", nullptr, count);
    case Action::AcknowledgeAllPagingMe:
        return IncidentActions::tr("Acknowledge the incidents paging you");
    case Action::ResolveAllPagingMe:
        return IncidentActions::tr("Resolve the incidents paging you");
    case Action::Reroute:
        return one ? IncidentActions::tr("Reroute #%1").arg(first)
                   : IncidentActions::tr("Reroute %n incidents", nullptr, count);
    case Action::Create:
        break;
    }
    return QString();
}

// What a cancelled held call says: "Acknowledging #12 was cancelled; nothing was sent."
QString cancelledWords(IncidentActions::Action action, const QStringList& numbers)
{
    using Action = IncidentActions::Action;
    const bool one = numbers.size() == 1;
    const QString first = one ? numbers.constFirst() : QString();
    const auto count = static_cast<int>(numbers.size());
    switch (action) {
    case Action::Acknowledge:
        return one
            ? IncidentActions::tr("Acknowledging #%1 was cancelled; nothing was sent.").arg(first)
            : IncidentActions::tr("Acknowledging %n incidents was cancelled; nothing was "
                                  "sent.",
                nullptr, count);
    case Action::Resolve:
        return one
            ? IncidentActions::tr("Resolving #%1 was cancelled; nothing was sent.").arg(first)
            : IncidentActions::tr(
                "Resolving %n incidents was cancelled; nothing was sent.", nullptr, count);
    case Action::AcknowledgeAllPagingMe:
        return IncidentActions::tr(
            "Acknowledging the incidents paging you was cancelled; nothing was sent.");
    case Action::ResolveAllPagingMe:
        return IncidentActions::tr(
            "Resolving the incidents paging you was cancelled; nothing was sent.");
    case Action::Reroute:
        return one
            ? IncidentActions::tr("Rerouting #%1 was cancelled; nothing was sent.").arg(first)
            : IncidentActions::tr(
                "Rerouting %n incidents was cancelled; nothing was sent.", nullptr, count);
    case Action::Create:
        break;
    }
    return QString();
}

//! A summary short enough for the bar's one line.
QString shortSummary(const QString& summary)
{
    constexpr qsizetype Max = 60;
    const QString simple = summary.simplified();
    return simple.size() <= Max ? simple : simple.left(Max - 1) + QChar(0x2026);
}

} // namespace

void IncidentActions::trackHeld(ApiReply* reply, Action action, const QStringList& numbers,
    quint64 ticket, const QStringList& marked)
{
    // The client may outlive these actions (HeldCalls goes with it): the cue checks they are here.
    HeldCalls::of(m_client)->track(reply, heldWords(action, numbers),
        [self = QPointer<IncidentActions>(this), action, numbers, ticket, marked] {
            if (!self)
                return;
            // Abandoned before it was sent: no answer will come, the rows go back as they were.
            --self->m_pendingCalls;
            if (self->m_model) {
                for (const QString& number : marked)
                    self->m_model->finishPending(number, ticket, false, tr("Cancelled."));
            }
            Q_EMIT self->actionFailed(cancelledWords(action, numbers));
        });
}

QStringList IncidentActions::acknowledge(const QStringList& incidentNumbers, const QString& message)
{
    return ackOrResolve(Action::Acknowledge, incidentNumbers, message);
}

QStringList IncidentActions::resolve(const QStringList& incidentNumbers, const QString& message)
{
    return ackOrResolve(Action::Resolve, incidentNumbers, message);
}

QStringList IncidentActions::ackOrResolve(
    Action action, const QStringList& incidentNumbers, const QString& message)
{
    const bool ack = action == Action::Acknowledge;
    QStringList numbers;
    for (const QString& number : distinctNumbers(incidentNumbers)) {
        const int row = m_model ? m_model->rowOf(number) : -1;
        if (row >= 0) {
            const Phase phase = m_model->phaseAt(row);
            if (m_model->pendingAt(row) != Pending::None || phase == Phase::Resolved
                || (ack && phase == Phase::Acknowledged))
                continue;
        }
        numbers.append(number);
    }
    if (numbers.isEmpty() || !checkUser(action, static_cast<int>(numbers.size())))
        return {};

    const quint64 ticket = m_nextTicket++;
    const Phase target = ack ? Phase::Acknowledged : Phase::Resolved;
    const QStringList marked = m_model ? m_model->beginPending(numbers,
                                   ack ? Pending::Acknowledge : Pending::Resolve, target, ticket)
                                       : QStringList();

    AckResolveRequest request;
    request.userName = m_client->credentials().username;
    request.incidentNames = numbers;
    request.message = message;
    const ApiCall<AckResolveResults> call = ack ? calls::ackIncidents(*m_client, request)
                                                : calls::resolveIncidents(*m_client, request);
    ++m_pendingCalls;
    trackHeld(call.reply, action, numbers, ticket, marked);
    connect(call.reply, &ApiReply::finished, this, [this, call, action, ticket, marked, numbers] {
        --m_pendingCalls;
        if (!call.reply->ok()) {
            const int count = static_cast<int>(numbers.size());
            if (answerLost(call.reply->error()))
                unknown(action, ticket, marked, count);
            else
                failed(action, ticket, marked, count, call.reply->error());
            return;
        }
        QStringList accepted;
        QStringList refused;
        const QSet<QString> answered
            = settle(call.value(), ticket, Phase::Unknown, &accepted, &refused);
        // The service answers for every incident named; one it left out was not acted on.
        for (const QString& number : numbers) {
            if (answered.contains(number))
                continue;
            refused.append(number);
            if (m_model)
                m_model->finishPending(
                    number, ticket, false, tr("Splunk On-Call did not report on this incident."));
        }
        Q_EMIT actionFinished(action, accepted, refused);
    });
    return numbers;
}

QSet<QString> IncidentActions::settle(const AckResolveResults& results, quint64 ticket,
    Phase unmarkedAccepted, QStringList* accepted, QStringList* refused)
{
    QSet<QString> answered;
    for (const AckResolveResult& result : results.results) {
        answered.insert(result.incidentNumber);
        (result.cmdAccepted ? accepted : refused)->append(result.incidentNumber);
        if (!m_model)
            continue;
        const bool wasMarked = m_model->finishPending(result.incidentNumber, ticket,
            result.cmdAccepted, result.cmdAccepted ? QString() : result.message);
        if (!wasMarked && result.cmdAccepted && unmarkedAccepted != Phase::Unknown)
            m_model->setConfirmedPhase(result.incidentNumber, unmarkedAccepted);
    }
    return answered;
}

void IncidentActions::acknowledgeAllPagingMe(const QString& message)
{
    byUser(Action::AcknowledgeAllPagingMe, message);
}

void IncidentActions::resolveAllPagingMe(const QString& message)
{
    byUser(Action::ResolveAllPagingMe, message);
}

void IncidentActions::byUser(Action action, const QString& message)
{
    if (!checkUser(action, 0))
        return;
    const bool ack = action == Action::AcknowledgeAllPagingMe;
    const Phase target = ack ? Phase::Acknowledged : Phase::Resolved;
    const quint64 ticket = m_nextTicket++;
    QStringList marked;
    if (m_model) {
        QStringList candidates;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Phase phase = m_model->phaseAt(row);
            const bool eligible = ack ? phase == Phase::Triggered
                                      : (phase == Phase::Triggered || phase == Phase::Acknowledged);
            if (eligible && m_model->isPagingMe(row) && m_model->pendingAt(row) == Pending::None)
                candidates.append(m_model->incidentAt(row).incidentNumber);
        }
        marked = m_model->beginPending(
            candidates, ack ? Pending::Acknowledge : Pending::Resolve, target, ticket);
    }

    const QString& user = m_client->credentials().username;
    const ApiCall<AckResolveResults> call = ack
        ? calls::ackIncidentsByUser(*m_client, user, message)
        : calls::resolveIncidentsByUser(*m_client, user, message);
    ++m_pendingCalls;
    trackHeld(call.reply, action, {}, ticket, marked);
    connect(call.reply, &ApiReply::finished, this, [this, call, action, ticket, marked, target] {
        --m_pendingCalls;
        if (!call.reply->ok()) {
            if (answerLost(call.reply->error()))
                unknown(action, ticket, marked, 0);
            else
                failed(action, ticket, marked, 0, call.reply->error());
            return;
        }
        QStringList accepted;
        QStringList refused;
        // One the server acted on that we did not mark (paged since our last refresh) shows
        // `target` too.
        const QSet<QString> answered = settle(call.value(), ticket, target, &accepted, &refused);
        // Not the server's to act on after all (e.g. no longer paging us): show it as it was.
        for (const QString& number : marked) {
            if (!answered.contains(number) && m_model)
                m_model->finishPending(number, ticket, false);
        }
        Q_EMIT actionFinished(action, accepted, refused);
    });
}

QStringList IncidentActions::reroute(
    const QStringList& incidentNumbers, const QList<IncidentTarget>& targets, bool addTargets)
{
    QStringList numbers;
    for (const QString& number : distinctNumbers(incidentNumbers)) {
        const int row = m_model ? m_model->rowOf(number) : -1;
        if (row >= 0 && m_model->pendingAt(row) != Pending::None)
            continue;
        numbers.append(number);
    }
    if (numbers.isEmpty() || targets.isEmpty()
        || !checkUser(Action::Reroute, static_cast<int>(numbers.size())))
        return {};

    const quint64 ticket = m_nextTicket++;
    const QStringList marked = m_model
        ? m_model->beginPending(numbers, Pending::Reroute, Phase::Unknown, ticket)
        : QStringList();
    RerouteRequest request;
    request.userName = m_client->credentials().username;
    for (const QString& number : std::as_const(numbers))
        request.reroutes.append({ number, targets, addTargets });
    const ApiCall<RerouteResults> call = calls::rerouteIncidents(*m_client, request);
    ++m_pendingCalls;
    trackHeld(call.reply, Action::Reroute, numbers, ticket, marked);
    connect(call.reply, &ApiReply::finished, this, [this, call, ticket, marked, numbers, targets] {
        --m_pendingCalls;
        if (!call.reply->ok()) {
            const int count = static_cast<int>(numbers.size());
            if (answerLost(call.reply->error()))
                unknown(Action::Reroute, ticket, marked, count, targets);
            else
                failed(Action::Reroute, ticket, marked, count, call.reply->error());
            return;
        }
        QStringList accepted;
        QStringList refused;
        QSet<QString> answered;
        const RerouteResults results = call.value();
        for (const RerouteStatus& status : results.statuses) {
            answered.insert(status.incidentNumber);
            (status.success ? accepted : refused).append(status.incidentNumber);
            // Refused: the server's reason. Partial success per target is normal: name the
            // targets that were not paged.
            QString message = status.message;
            if (status.success) {
                QStringList problems;
                for (const RerouteTargetStatus& target : status.targetStatus) {
                    if (!target.success)
                        problems.append(target.message.isEmpty()
                                ? target.slug
                                : target.slug + QLatin1String(": ") + target.message);
                }
                message = problems.isEmpty()
                    ? QString()
                    : tr("Not paged: %1").arg(problems.join(QLatin1String("; ")));
            }
            if (m_model)
                m_model->finishPending(status.incidentNumber, ticket, status.success, message);
        }
        for (const QString& number : numbers) {
            if (answered.contains(number))
                continue;
            refused.append(number);
            if (m_model)
                m_model->finishPending(
                    number, ticket, false, tr("Splunk On-Call did not report on this incident."));
        }
        Q_EMIT actionFinished(Action::Reroute, accepted, refused);
    });
    return numbers;
}

quint64 IncidentActions::create(CreateIncidentRequest request)
{
    if (request.userName.isEmpty())
        request.userName = m_client->credentials().username;
    const quint64 ticket = m_nextTicket++;
    const auto call = calls::createIncident(*m_client, request);
    ++m_pendingCalls;
    const QString summary = shortSummary(request.summary);
    HeldCalls::of(m_client)->track(call.reply, tr("Open incident \u201c%1\u201d").arg(summary),
        [self = QPointer<IncidentActions>(this), ticket, summary] {
            if (!self)
                return;
            --self->m_pendingCalls;
            // The dialog keeps what was typed; it hears that it may send it again.
            Q_EMIT self->createFailed(ticket,
                tr("Opening incident \u201c%1\u201d was cancelled; nothing was sent.")
                    .arg(summary));
        });
    connect(call.reply, &ApiReply::finished, this, [this, call, ticket] {
        --m_pendingCalls;
        if (!call.reply->ok()) {
            if (answerLost(call.reply->error())) {
                // Opening it again could open it twice.
                const QString words
                    = tr("The answer from Splunk On-Call was lost: the incident may have been "
                         "opened. Look for it in the incident list (it is read again now) before "
                         "opening it again.");
                Q_EMIT createFailed(ticket, words);
                Q_EMIT outcomeUnknown(Action::Create, {}, words);
                return;
            }
            Q_EMIT createFailed(
                ticket, tr("Could not create the incident: ") + call.reply->error().text());
            return;
        }
        Q_EMIT created(ticket, call.value().incidentNumber);
    });
    return ticket;
}

} // namespace rota
