// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "quickactions.h"

#include "ackmessagedialog.h"
#include "orgdirectory.h"
#include "plaintext.h"
#include "quickreroutedialog.h"
#include "windowfront.h"

#include <QDialog>
#include <QSet>
#include <QTimer>
#include <QWidget>

namespace rota {

namespace {

using Action = IncidentActions::Action;
using Pending = IncidentModel::PendingAction;

// The property on an open dialog that says which incidents it is for.
constexpr const char* NumbersProperty = "rotaIncidentNumbers";

bool byUser(Action action)
{
    return action == Action::AcknowledgeAllPagingMe || action == Action::ResolveAllPagingMe;
}

//! "#12", "#12 and #13", "#12, #13 and #14"; more than four: "5 incidents".
QString numbersText(const QStringList& numbers)
{
    QStringList named;
    for (const QString& number : numbers)
        named.append(QLatin1Char('#') + number);
    if (named.size() > 4)
        return QuickActions::tr("%n incidents", nullptr, int(named.size()));
    if (named.size() <= 1)
        return named.value(0);
    const QString last = named.takeLast();
    return QuickActions::tr("%1 and %2").arg(named.join(QLatin1String(", ")), last);
}

//! "Acknowledging #12…", "Resolving the incidents paging you…".
QString sendingTitle(Action action, const QStringList& numbers)
{
    const QString what = numbersText(numbers);
    switch (action) {
    case Action::Acknowledge:
        return QuickActions::tr("Acknowledging %1…").arg(what);
    case Action::Resolve:
        return QuickActions::tr("Resolving %1…").arg(what);
    case Action::Reroute:
        return QuickActions::tr("Rerouting %1…").arg(what);
    case Action::AcknowledgeAllPagingMe:
        return QuickActions::tr("Acknowledging the incidents paging you…");
    case Action::ResolveAllPagingMe:
        return QuickActions::tr("Resolving the incidents paging you…");
    case Action::Create:
        break;
    }
    return QString();
}

//! "#12 acknowledged", "#12 and #13 rerouted".
QString doneTitle(Action action, const QStringList& numbers)
{
    const QString what = numbersText(numbers);
    switch (action) {
    case Action::Acknowledge:
    case Action::AcknowledgeAllPagingMe:
        return QuickActions::tr("%1 acknowledged").arg(what);
    case Action::Resolve:
    case Action::ResolveAllPagingMe:
        return QuickActions::tr("%1 resolved").arg(what);
    case Action::Reroute:
        return QuickActions::tr("%1 rerouted").arg(what);
    case Action::Create:
        break;
    }
    return QString();
}

//! "Could not acknowledge #12", "Could not resolve the incidents paging you".
QString failedTitle(Action action, const QStringList& numbers)
{
    const QString what = numbersText(numbers);
    switch (action) {
    case Action::Acknowledge:
        return QuickActions::tr("Could not acknowledge %1").arg(what);
    case Action::Resolve:
        return QuickActions::tr("Could not resolve %1").arg(what);
    case Action::Reroute:
        return QuickActions::tr("Could not reroute %1").arg(what);
    case Action::AcknowledgeAllPagingMe:
        return what.isEmpty() ? QuickActions::tr("Could not acknowledge the incidents paging you")
                              : QuickActions::tr("Could not acknowledge %1").arg(what);
    case Action::ResolveAllPagingMe:
        return what.isEmpty() ? QuickActions::tr("Could not resolve the incidents paging you")
                              : QuickActions::tr("Could not resolve %1").arg(what);
    case Action::Create:
        break;
    }
    return QString();
}

//! A sentence from the service's words: with a full stop at the end.
QString sentence(const QString& words)
{
    const QString text = words.trimmed();
    if (text.isEmpty() || text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('!'))
        || text.endsWith(QLatin1Char('?')) || text.endsWith(QChar(0x2026)))
        return text;
    return text + QLatin1Char('.');
}

bool matches(Pending pending, Action action)
{
    switch (pending) {
    case Pending::Acknowledge:
        return action == Action::Acknowledge || action == Action::AcknowledgeAllPagingMe;
    case Pending::Resolve:
        return action == Action::Resolve || action == Action::ResolveAllPagingMe;
    case Pending::Reroute:
        return action == Action::Reroute;
    case Pending::None:
        break;
    }
    return false;
}

QStringList common(const QStringList& a, const QStringList& b)
{
    QStringList both;
    for (const QString& number : a) {
        if (b.contains(number))
            both.append(number);
    }
    return both;
}

} // namespace

QuickActions::QuickActions(
    IncidentActions* actions, IncidentModel* incidents, OrgDirectory* directory, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<rota::QuickActions::Feedback>();
    setSession(actions, incidents, directory);
}

QuickActions::~QuickActions()
{
    disconnectSession();
    // Dialogs without a parent (shown while the window was hidden) would outlive us.
    for (const QPointer<QDialog>& dialog : std::as_const(m_dialogs))
        delete dialog.data();
}

void QuickActions::setSession(
    IncidentActions* actions, IncidentModel* incidents, OrgDirectory* directory)
{
    disconnectSession();
    for (const QPointer<QDialog>& dialog : std::as_const(m_dialogs)) {
        if (dialog)
            dialog->close(); // asked of the old session: its incidents are not this one's
    }
    m_dialogs.clear();
    m_calls.clear();
    m_failures.clear();
    m_settledFailures = 0;
    m_actions = actions;
    m_incidents = incidents;
    m_directory = directory;
    connectSession();
}

void QuickActions::disconnectSession()
{
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
}

void QuickActions::connectSession()
{
    if (m_actions) {
        m_connections << connect(
            m_actions, &IncidentActions::actionFinished, this, &QuickActions::onFinished)
                      << connect(m_actions, &IncidentActions::actionFailed, this,
                             &QuickActions::onFailed)
                      << connect(m_actions, &IncidentActions::outcomeUnknown, this,
                             &QuickActions::onOutcomeUnknown);
    }
    if (m_incidents) {
        m_connections << connect(m_incidents, &IncidentModel::unconfirmedSettled, this,
            &QuickActions::onUnconfirmedSettled);
    }
}

OrgDirectory* QuickActions::directory() const { return m_directory; }

void QuickActions::setWindowFinder(std::function<QWidget*()> finder)
{
    m_findWindow = std::move(finder);
}

void QuickActions::setOpener(std::function<void(const QString&)> open) { m_open = std::move(open); }

QWidget* QuickActions::visibleWindow() const
{
    QWidget* window = m_findWindow ? m_findWindow() : nullptr;
    return window && window->isVisible() && !window->isMinimized() ? window : nullptr;
}

QDialog* QuickActions::openDialog(const QStringList& incidentNumbers, const QString& kind) const
{
    for (const QPointer<QDialog>& dialog : m_dialogs) {
        if (dialog && dialog->property(NumbersProperty).toStringList() == incidentNumbers
            && (kind.isEmpty() || dialog->objectName() == kind))
            return dialog;
    }
    return nullptr;
}

QString QuickActions::description(const QString& number) const
{
    const int row = m_incidents ? m_incidents->rowOf(number) : -1;
    if (row < 0)
        return QString();
    const Incident& incident = m_incidents->incidentAt(row);
    return incident.entityDisplayName.isEmpty() ? incident.entityId : incident.entityDisplayName;
}

QString QuickActions::targetNames(const QList<IncidentTarget>& targets) const
{
    QStringList names;
    for (const IncidentTarget& target : targets) {
        QString name;
        if (m_directory) {
            name = target.type == IncidentTarget::Type::User
                ? m_directory->userDisplayName(target.slug)
                : m_directory->policyBySlug(target.slug);
        }
        names.append(clipped(name.isEmpty() ? target.slug : name, MenuChars));
    }
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return tr("%1 and %2").arg(names.join(QLatin1String(", ")), last);
}

QString QuickActions::notSentReason(Action action, const QString& number, bool* busy) const
{
    const int row = m_incidents ? m_incidents->rowOf(number) : -1;
    if (row < 0)
        return QString();
    if (m_incidents->pendingAt(row) != Pending::None) {
        if (busy)
            *busy = true;
        return tr("#%1 is busy with another action; try again in a moment.").arg(number);
    }
    const Phase phase = m_incidents->phaseAt(row);
    if (phase == Phase::Resolved)
        return tr("#%1 is already resolved.").arg(number);
    if (action == Action::Acknowledge && phase == Phase::Acknowledged)
        return tr("#%1 is already acknowledged.").arg(number);
    return QString();
}

bool QuickActions::signedIn(Action action, const QStringList& numbers, Origin origin)
{
    if (m_actions)
        return true;
    Call call;
    call.action = action;
    call.origin = origin;
    emitFeedback(Stage::NotSent, call, numbers, failedTitle(action, numbers),
        tr("Rota is not signed in to Splunk On-Call."), true);
    return false;
}

void QuickActions::acknowledge(const QStringList& incidentNumbers, Origin origin)
{
    sendAcknowledge(incidentNumbers, QString(), origin);
}

void QuickActions::sendAcknowledge(
    const QStringList& incidentNumbers, const QString& message, Origin origin)
{
    if (!signedIn(Action::Acknowledge, incidentNumbers, origin))
        return;
    const QPointer<IncidentActions> actions = m_actions;
    send(
        Action::Acknowledge, incidentNumbers, origin,
        [actions, incidentNumbers, message] {
            return actions->acknowledge(incidentNumbers, message);
        },
        message);
}

void QuickActions::resolve(const QStringList& incidentNumbers, Origin origin)
{
    if (!signedIn(Action::Resolve, incidentNumbers, origin))
        return;
    const QPointer<IncidentActions> actions = m_actions;
    send(Action::Resolve, incidentNumbers, origin,
        [actions, incidentNumbers] { return actions->resolve(incidentNumbers); });
}

void QuickActions::sendReroute(const QStringList& incidentNumbers,
    const QList<IncidentTarget>& targets, bool addTargets, Origin origin)
{
    if (!signedIn(Action::Reroute, incidentNumbers, origin))
        return;
    const QPointer<IncidentActions> actions = m_actions;
    send(
        Action::Reroute, incidentNumbers, origin,
        [actions, incidentNumbers, targets, addTargets] {
            return actions->reroute(incidentNumbers, targets, addTargets);
        },
        QString(), targets, addTargets);
}

void QuickActions::acknowledgeAllPagingMe(Origin origin)
{
    if (!signedIn(Action::AcknowledgeAllPagingMe, {}, origin))
        return;
    const QPointer<IncidentActions> actions = m_actions;
    send(Action::AcknowledgeAllPagingMe, {}, origin, [actions] {
        actions->acknowledgeAllPagingMe();
        return QStringList();
    });
}

void QuickActions::resolveAllPagingMe(Origin origin)
{
    if (!signedIn(Action::ResolveAllPagingMe, {}, origin))
        return;
    const QPointer<IncidentActions> actions = m_actions;
    send(Action::ResolveAllPagingMe, {}, origin, [actions] {
        actions->resolveAllPagingMe();
        return QStringList();
    });
}

void QuickActions::open(const QString& incidentNumber)
{
    if (m_open)
        m_open(incidentNumber);
}

void QuickActions::send(Action action, const QStringList& numbers, Origin origin,
    const std::function<QStringList()>& sendCall, const QString& message,
    const QList<IncidentTarget>& targets, bool addTargets)
{
    Call call;
    call.id = m_nextId++;
    call.action = action;
    call.origin = origin;
    call.message = message;
    call.targets = targets;
    call.addTargets = addTargets;

    // The rows this call makes pending are those pending after it that were not before: they
    // tell its failure (which names no incident) from another's.
    const QStringList watched = m_incidents && byUser(action) ? m_incidents->numbers() : numbers;
    QSet<QString> pendingBefore;
    for (const QString& number : watched) {
        const int row = m_incidents ? m_incidents->rowOf(number) : -1;
        if (row >= 0 && m_incidents->pendingAt(row) != Pending::None)
            pendingBefore.insert(number);
    }

    m_sendFailure.clear();
    m_sending = &call;
    const QStringList sent = sendCall();
    m_sending = nullptr;

    if (!m_sendFailure.isEmpty()) {
        // Refused before anything was sent (no acting user): IncidentActions says why.
        emitFeedback(Stage::NotSent, call, numbers, failedTitle(action, numbers),
            sentence(m_sendFailure), true);
        return;
    }
    if (!byUser(action) && sent.isEmpty()) {
        QStringList reasons;
        bool problem = false; // already in that phase is no failure; busy with another action is
        for (const QString& number : numbers) {
            const QString reason = notSentReason(action, number, &problem);
            if (!reason.isEmpty())
                reasons.append(reason);
        }
        if (reasons.isEmpty())
            reasons.append(tr("There was nothing to send."));
        emitFeedback(Stage::NotSent, call, numbers,
            problem ? failedTitle(action, numbers)
                    : tr("Nothing to do for %1").arg(numbersText(numbers)),
            reasons.join(QLatin1Char(' ')), problem);
        return;
    }

    call.numbers = sent;
    if (m_incidents) {
        for (const QString& number : byUser(action) ? m_incidents->numbers() : sent) {
            const int row = m_incidents->rowOf(number);
            if (row >= 0 && m_incidents->pendingAt(row) != Pending::None
                && !pendingBefore.contains(number))
                call.marked.append(number);
        }
    }

    QStringList lines;
    if (sent.size() == 1) {
        const QString what = description(sent.first());
        if (!what.isEmpty())
            lines.append(clipped(what.simplified(), 2 * MenuChars));
    }
    if (action == Action::Reroute)
        lines.append(tr("Paging %1 %2.")
                         .arg(targetNames(targets), addTargets ? tr("as well") : tr("instead")));
    if (!message.isEmpty())
        lines.append(tr("With the message \u201c%1\u201d.").arg(clipped(message, 2 * MenuChars)));
    for (const QString& number : numbers) {
        if (!sent.contains(number)) {
            const QString reason = notSentReason(action, number);
            if (!reason.isEmpty())
                lines.append(tr("Not sent: %1").arg(reason));
        }
    }
    emitFeedback(
        Stage::Sent, call, sent, sendingTitle(action, sent), lines.join(QLatin1Char('\n')), false);
    m_calls.append(call);
}

void QuickActions::onFinished(
    Action action, const QStringList& accepted, const QStringList& refused)
{
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        const Call& call = m_calls.at(i);
        if (call.action != action || call.state != CallState::Sent)
            continue;
        if (byUser(action)) {
            // One "all paging me" answer per call, in the order sent.
            const Call done = m_calls.takeAt(i);
            report(done, accepted, refused);
            return;
        }
        const QStringList mine = common(accepted, call.numbers);
        const QStringList mineRefused = common(refused, call.numbers);
        if (mine.isEmpty() && mineRefused.isEmpty())
            continue;
        const Call done = m_calls.takeAt(i);
        report(done, mine, mineRefused);
        return;
    }
}

void QuickActions::onFailed(const QString& message)
{
    if (m_sending) {
        m_sendFailure = message;
        return;
    }
    // Decided on the next turn: the model says first which rows went back, and a failure of an
    // unconfirmed call of ours is known from unconfirmedSettled, which may come right after.
    m_failures.append(message);
    QTimer::singleShot(0, this, [this] {
        while (!m_failures.isEmpty())
            settleFailure(m_failures.takeFirst());
    });
}

void QuickActions::settleFailure(const QString& message)
{
    // A call of ours whose rows are all back (no longer pending): the failure is its own.
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        const Call& call = m_calls.at(i);
        if (call.state != CallState::Sent || call.marked.isEmpty() || !m_incidents)
            continue;
        bool present = false;
        bool back = true;
        for (const QString& number : call.marked) {
            const int row = m_incidents->rowOf(number);
            if (row < 0)
                continue;
            present = true;
            back = back && m_incidents->pendingAt(row) == Pending::None;
        }
        if (present && back) {
            const Call done = m_calls.takeAt(i);
            report(done, {}, byUser(done.action) ? done.marked : done.numbers, message);
            return;
        }
    }
    if (m_settledFailures > 0) {
        --m_settledFailures; // an unconfirmed call of ours, reported when it settled
        return;
    }
    // A call of ours without rows to tell by: the oldest.
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (m_calls.at(i).state == CallState::Sent && m_calls.at(i).marked.isEmpty()) {
            const Call done = m_calls.takeAt(i);
            report(done, {}, done.numbers, message);
            return;
        }
    }
    // Not ours (the window's): passed on, so that a place showing feedback misses no failure.
    Call other;
    emitFeedback(Stage::Refused, other, {}, tr("Rota"), sentence(message), true);
}

void QuickActions::onOutcomeUnknown(
    Action action, const QStringList& numbers, const QString& message)
{
    if (action == Action::Create)
        return;
    for (Call& call : m_calls) {
        if (call.action != action || call.state != CallState::Sent)
            continue;
        const bool ours = byUser(action) || !common(numbers, call.numbers).isEmpty()
            || (numbers.isEmpty() && call.marked.isEmpty());
        if (!ours)
            continue;
        const QStringList waiting = byUser(action) ? numbers : common(numbers, call.numbers);
        call.state = CallState::NotConfirmed;
        call.marked = waiting;
        const QStringList about = byUser(action) ? waiting : call.numbers;
        QString title = about.isEmpty() ? sendingTitle(action, about) : numbersText(about);
        if (title.endsWith(QChar(0x2026)))
            title.chop(1);
        emitFeedback(Stage::NotConfirmed, call, about, tr("%1: not confirmed yet").arg(title),
            sentence(message), false);
        if (waiting.isEmpty()) {
            // No row will settle it: what the refresh shows is in the window's list.
            const quint64 id = call.id;
            m_calls.erase(std::remove_if(m_calls.begin(), m_calls.end(),
                              [id](const Call& each) { return each.id == id; }),
                m_calls.end());
        }
        return;
    }
    Call other;
    other.action = action;
    emitFeedback(Stage::NotConfirmed, other, numbers, tr("Rota"), sentence(message), false);
}

void QuickActions::onUnconfirmedSettled(
    Pending pending, const QStringList& applied, const QStringList& notApplied)
{
    bool ourFailure = false;
    for (qsizetype i = 0; i < m_calls.size();) {
        const Call& call = m_calls.at(i);
        if (call.state != CallState::NotConfirmed || !matches(pending, call.action)) {
            ++i;
            continue;
        }
        const QStringList mine = common(applied, call.marked);
        const QStringList mineRefused = common(notApplied, call.marked);
        if (mine.isEmpty() && mineRefused.isEmpty()) {
            ++i;
            continue;
        }
        const Call done = m_calls.takeAt(i);
        ourFailure = ourFailure || !mineRefused.isEmpty();
        report(done, mine, mineRefused);
    }
    // IncidentActions says "not applied" once per settled action; ours is reported above.
    if (ourFailure)
        ++m_settledFailures;
}

void QuickActions::report(const Call& call, const QStringList& accepted, const QStringList& refused,
    const QString& failure)
{
    QStringList lines;
    if (!refused.isEmpty() || (!failure.isEmpty() && accepted.isEmpty())) {
        // The reasons: the service's words in each row (one line when they are all the same).
        QStringList reasons;
        QSet<QString> seen;
        for (const QString& number : refused) {
            const int row = m_incidents ? m_incidents->rowOf(number) : -1;
            const QString reason = row >= 0 ? m_incidents->errorAt(row) : QString();
            if (reason.isEmpty() || seen.contains(reason))
                continue;
            seen.insert(reason);
            reasons.append(refused.size() == 1 || !failure.isEmpty()
                    ? sentence(reason)
                    : QLatin1Char('#') + number + QLatin1String(": ") + sentence(reason));
        }
        if (reasons.isEmpty() && !failure.isEmpty())
            reasons.append(sentence(failure));
        if (reasons.isEmpty())
            reasons.append(tr("Splunk On-Call did not say why."));
        lines << reasons;
        // Where the incidents stand now, after the rollback.
        if (call.action == Action::Reroute) {
            lines.append(refused.size() == 1 ? tr("It still pages those it paged before.")
                                             : tr("They still page those they paged before."));
        } else {
            QStringList states;
            for (const QString& number : refused) {
                const int row = m_incidents ? m_incidents->rowOf(number) : -1;
                if (row < 0)
                    continue;
                const QString phase = phaseDisplayName(m_incidents->phaseAt(row)).toLower();
                states.append(refused.size() == 1 ? tr("It is still %1.").arg(phase)
                                                  : tr("#%1 is still %2.").arg(number, phase));
            }
            lines << states;
        }
        if (!accepted.isEmpty())
            lines.append(tr("%1.").arg(doneTitle(call.action, accepted)));
        const QStringList about
            = refused.isEmpty() && byUser(call.action) ? QStringList() : refused;
        emitFeedback(Stage::Refused, call, refused + accepted, failedTitle(call.action, about),
            lines.join(QLatin1Char('\n')), true);
        return;
    }

    if (accepted.size() == 1) {
        const QString what = description(accepted.first());
        if (!what.isEmpty())
            lines.append(clipped(what.simplified(), 2 * MenuChars));
    }
    if (call.action == Action::Reroute) {
        lines.append(tr("Now paging %1.").arg(targetNames(call.targets)));
        // Accepted, yet some targets may not have been paged: the row says which.
        for (const QString& number : accepted) {
            const int row = m_incidents ? m_incidents->rowOf(number) : -1;
            const QString problem = row >= 0 ? m_incidents->errorAt(row) : QString();
            if (!problem.isEmpty())
                lines.append(accepted.size() == 1
                        ? sentence(problem)
                        : QLatin1Char('#') + number + QLatin1String(": ") + sentence(problem));
        }
    }
    if (!call.message.isEmpty())
        lines.append(
            tr("With the message \u201c%1\u201d.").arg(clipped(call.message, 2 * MenuChars)));
    QString title = doneTitle(call.action, accepted);
    if (accepted.isEmpty()) {
        title = call.action == Action::AcknowledgeAllPagingMe
            ? tr("Nothing paging you was left to acknowledge")
            : tr("Nothing paging you was left to resolve");
    }
    emitFeedback(Stage::Done, call, accepted, title, lines.join(QLatin1Char('\n')), false);
}

void QuickActions::emitFeedback(Stage stage, const Call& call, const QStringList& numbers,
    const QString& title, const QString& text, bool failed)
{
    Feedback feedback;
    feedback.stage = stage;
    feedback.action = call.action;
    feedback.origin = call.origin;
    feedback.incidentNumbers = numbers;
    feedback.title = title;
    feedback.text = text;
    feedback.failed = failed;
    Q_EMIT this->feedback(feedback);
}

void QuickActions::showDialog(QDialog* dialog, const QStringList& numbers)
{
    dialog->setProperty(NumbersProperty, numbers);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Closing it while the window is hidden in the tray must not count as closing Rota's last
    // window (which would quit).
    dialog->setAttribute(Qt::WA_QuitOnClose, false);
    if (!dialog->parentWidget()) {
        // Reached from the tray or a notification with the window away: on its own, on top.
        dialog->setWindowFlag(Qt::WindowStaysOnTopHint);
    }
    m_dialogs.removeAll(nullptr);
    m_dialogs.append(dialog);
    bringToFront(dialog);
}

void QuickActions::acknowledgeWithMessage(const QStringList& incidentNumbers, Origin origin)
{
    if (!signedIn(Action::Acknowledge, incidentNumbers, origin))
        return;
    if (QDialog* open = openDialog(incidentNumbers, QStringLiteral("ackMessageDialog"))) {
        bringToFront(open);
        return;
    }
    // Asking for a message that cannot be sent would waste it: say so at once.
    QStringList reasons;
    bool any = false;
    bool busy = false;
    for (const QString& number : incidentNumbers) {
        const QString reason = notSentReason(Action::Acknowledge, number, &busy);
        if (reason.isEmpty())
            any = true;
        else
            reasons.append(reason);
    }
    if (!any) {
        Call call;
        call.action = Action::Acknowledge;
        call.origin = origin;
        emitFeedback(Stage::NotSent, call, incidentNumbers,
            busy ? failedTitle(Action::Acknowledge, incidentNumbers)
                 : tr("Nothing to do for %1").arg(numbersText(incidentNumbers)),
            reasons.join(QLatin1Char(' ')), busy);
        return;
    }
    QStringList descriptions;
    for (const QString& number : incidentNumbers)
        descriptions.append(description(number));
    auto* dialog = new AckMessageDialog(incidentNumbers, descriptions, visibleWindow());
    connect(dialog, &AckMessageDialog::sendRequested, this,
        [this, origin](const QStringList& numbers, const QString& message) {
            sendAcknowledge(numbers, message, origin);
        });
    showDialog(dialog, incidentNumbers);
}

void QuickActions::reroute(const QStringList& incidentNumbers, Origin origin)
{
    if (!signedIn(Action::Reroute, incidentNumbers, origin))
        return;
    if (!m_directory) {
        Call call;
        call.action = Action::Reroute;
        call.origin = origin;
        emitFeedback(Stage::NotSent, call, incidentNumbers,
            failedTitle(Action::Reroute, incidentNumbers),
            tr("The organisation's users and escalation policies are not available."), true);
        return;
    }
    if (QDialog* open = openDialog(incidentNumbers, QStringLiteral("quickRerouteDialog"))) {
        bringToFront(open);
        return;
    }
    auto* dialog = new QuickRerouteDialog(m_directory, incidentNumbers,
        incidentNumbers.size() == 1 ? description(incidentNumbers.first()) : QString(),
        visibleWindow());
    connect(dialog, &QuickRerouteDialog::rerouteRequested, this,
        [this, origin](const QStringList& numbers, const QList<IncidentTarget>& targets,
            bool addTargets) { sendReroute(numbers, targets, addTargets, origin); });
    showDialog(dialog, incidentNumbers);
}

} // namespace rota
