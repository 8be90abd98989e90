// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagingpolicycontroller.h"

#include "apiclient.h"
#include "heldcalls.h"
#include "writeoutcome.h"

#include <QLoggingCategory>

namespace rota {

namespace {
Q_LOGGING_CATEGORY(lcPolicy, "rota.models.pagingpolicy")

QString describeRule(const PagingRule& rule, const PagingPolicyModel* labels)
{
    if (labels)
        return labels->ruleText(rule);
    const QString type = PagingPolicyModel::notificationLabel(rule.notificationType);
    if (rule.contact.isEmpty())
        return type;
    return PagingPolicyController::tr("%1 to %2 #%3")
        .arg(type, rule.contact.type)
        .arg(rule.contact.id);
}

PersonalPagingPolicy toPolicy(const QList<PolicyStep>& steps)
{
    PersonalPagingPolicy policy;
    for (const PolicyStep& step : steps)
        policy.steps.append(step.toPagingStep());
    return policy;
}
} // namespace

PagingPolicyController::PagingPolicyController(
    ApiClient* client, PagingPolicyModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_username(client->credentials().username)
{
    if (m_model) {
        connect(m_model, &PagingPolicyModel::dirtyChanged, this,
            &PagingPolicyController::onDirtyChanged);
    }
}

void PagingPolicyController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QList<PagingPlanCall> PagingPolicyController::plan(const QList<PolicyStep>& server,
    const QList<PolicyStep>& edited, QStringList* notes, const PagingPolicyModel* labels)
{
    // A step that is written anyway goes out with each rule once; a step left as the server has
    // it is not touched, even if it repeats a rule (that is not this save's doing).
    QList<PolicyStep> target = edited;
    for (qsizetype i = 0; i < target.size(); ++i) {
        if (i < server.size() && server.at(i) == target.at(i))
            continue;
        const QList<PagingRule> once = PagingPolicyModel::withoutDuplicates(target.at(i).rules);
        if (once.size() == target.at(i).rules.size())
            continue;
        target[i].rules = once;
        if (notes)
            notes->append(tr("Step %1 had a rule more than once; it was saved once.").arg(i + 1));
    }
    return planSteps(server, target, notes, labels);
}

QList<PagingPlanCall> PagingPolicyController::planSteps(const QList<PolicyStep>& server,
    const QList<PolicyStep>& edited, QStringList* notes, const PagingPolicyModel* labels)
{
    const auto rulesText = [](qsizetype n) { return tr("%n rule(s)", nullptr, int(n)); };
    // Steps are positional and each call touches one step, so every position whose content
    // differs needs at least one call, each new position one POST, and each surplus position that
    // still notifies someone one PUT. One call per such position is therefore the minimum.
    QList<PagingPlanCall> calls;
    const qsizetype common = std::min(server.size(), edited.size());
    for (qsizetype i = 0; i < common; ++i) {
        const PolicyStep& was = server.at(i);
        const PolicyStep& now = edited.at(i);
        if (was == now)
            continue;
        PagingPlanCall call;
        call.step = static_cast<int>(i);
        const QString step = tr("Step %1").arg(i + 1);
        const qsizetype n = was.rules.size();
        if (was.timeout == now.timeout && now.rules.size() == n + 1
            && now.rules.mid(0, n) == was.rules) {
            call.kind = PagingPlanCall::Kind::CreateRule;
            call.ruleContent = now.rules.last();
            call.description = tr("%1: add %2").arg(step, describeRule(call.ruleContent, labels));
            calls.append(call);
            continue;
        }
        if (was.timeout == now.timeout && now.rules.size() == n - 1) {
            int removed = -1;
            for (qsizetype k = 0; k < n; ++k) {
                QList<PagingRule> without = was.rules;
                without.removeAt(k);
                if (without == now.rules) {
                    removed = static_cast<int>(k);
                    break;
                }
            }
            if (removed >= 0) {
                call.kind = PagingPlanCall::Kind::DeleteRule;
                call.rule = removed;
                call.description
                    = tr("%1: remove %2").arg(step, describeRule(was.rules.at(removed), labels));
                calls.append(call);
                continue;
            }
        }
        if (was.timeout == now.timeout && now.rules.size() == n) {
            int changed = -1;
            int differences = 0;
            for (qsizetype k = 0; k < n; ++k) {
                if (was.rules.at(k) != now.rules.at(k)) {
                    changed = static_cast<int>(k);
                    ++differences;
                }
            }
            if (differences == 1) {
                call.kind = PagingPlanCall::Kind::UpdateRule;
                call.rule = changed;
                call.ruleContent = now.rules.at(changed);
                call.description = tr("%1: change rule %2 to %3")
                                       .arg(step)
                                       .arg(changed + 1)
                                       .arg(describeRule(call.ruleContent, labels));
                calls.append(call);
                continue;
            }
        }
        call.kind = PagingPlanCall::Kind::UpdateStep;
        call.content = now;
        call.description = tr("%1: rewrite it to wait %2 with %3")
                               .arg(step, PagingPolicyModel::minutesText(now.timeout),
                                   rulesText(now.rules.size()));
        calls.append(call);
    }
    for (qsizetype i = common; i < edited.size(); ++i) {
        PagingPlanCall call;
        call.kind = PagingPlanCall::Kind::CreateStep;
        call.step = static_cast<int>(i);
        call.content = edited.at(i);
        call.description
            = tr("Add step %1 with %2").arg(i + 1).arg(rulesText(call.content.rules.size()));
        calls.append(call);
    }
    for (qsizetype i = common; i < server.size(); ++i) {
        if (server.at(i).rules.isEmpty())
            continue; // already notifies no one
        PagingPlanCall call;
        call.kind = PagingPlanCall::Kind::UpdateStep;
        call.step = static_cast<int>(i);
        call.content.timeout = server.at(i).timeout;
        call.description = tr("Step %1: empty it (the API cannot delete steps)").arg(i + 1);
        calls.append(call);
    }
    if (notes && server.size() > edited.size()) {
        QStringList numbers;
        for (qsizetype i = common; i < server.size(); ++i)
            numbers.append(QString::number(i + 1));
        notes->append(numbers.size() == 1
                ? tr("The API cannot delete steps, so the later steps moved up and step %1 now "
                     "has no rules: it notifies no one and stays at the end of the policy.")
                      .arg(numbers.first())
                : tr("The API cannot delete steps, so the later steps moved up and steps %1 now "
                     "have no rules: they notify no one and stay at the end of the policy.")
                      .arg(numbers.join(QStringLiteral(", "))));
    }
    return calls;
}

void PagingPolicyController::load()
{
    if (isBusy() || !m_model)
        return;
    ++m_readSerial; // a re-read under way is superseded by this one
    setState(State::Loading);
    m_loadsPending = 3;
    m_loadOk = true;
    m_loadError.clear();
    const auto done = [this] {
        if (--m_loadsPending > 0)
            return;
        setState(State::Idle);
        Q_EMIT loaded(m_loadOk, m_loadError);
    };
    const auto policy = calls::getPagingPolicy(*m_client, m_username);
    connect(policy.reply, &ApiReply::finished, this, [this, policy, done] {
        if (policy.reply->ok()) {
            m_lastRead.start();
            clearServerChange();
            if (m_model)
                m_model->load(policy.value());
        } else {
            m_loadOk = false;
            m_loadError = tr("Could not read the paging policy of %1: %2")
                              .arg(m_username, policy.reply->error().text());
        }
        done();
    });
    const auto contacts = calls::getContactMethods(*m_client, m_username);
    connect(contacts.reply, &ApiReply::finished, this, [this, contacts, done] {
        if (contacts.reply->ok()) {
            if (m_model)
                m_model->setContactMethods(contacts.value());
            Q_EMIT contactMethodsLoaded(contacts.value());
        } else {
            qCWarning(lcPolicy, "could not read contact methods: %s",
                qPrintable(contacts.reply->error().text()));
        }
        done();
    });
    const auto timeouts = calls::listTimeoutTypes(*m_client);
    connect(timeouts.reply, &ApiReply::finished, this, [this, timeouts, done] {
        if (timeouts.reply->ok() && !timeouts.value().timeoutTypes.isEmpty()) {
            m_timeouts.clear();
            for (const PagingTimeoutOption& option : timeouts.value().timeoutTypes)
                m_timeouts.append(option.minutes);
            std::sort(m_timeouts.begin(), m_timeouts.end());
        }
        done();
    });
}

void PagingPolicyController::save()
{
    if (isBusy() || !m_model)
        return;
    ++m_readSerial; // this save reads the policy for itself
    setState(State::Checking);
    const auto call = calls::getPagingPolicy(*m_client, m_username);
    trackHeld(call.reply, tr("Save the paging policy"));
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (!m_model)
            return setState(State::Idle);
        if (!call.reply->ok()) {
            PagingSaveResult result;
            result.message = tr("Nothing was saved: could not read the current policy (%1). "
                                "Your edits are kept.")
                                 .arg(call.reply->error().text());
            finish(result);
            return;
        }
        m_lastRead.start();
        const QList<PolicyStep> theirs = policySteps(call.value());
        // When the server already has exactly the edits there is nothing to choose between: the
        // save finishes (apply() finds no call to make).
        if (theirs != m_model->base() && theirs != m_model->steps()) {
            m_theirs = theirs;
            setState(State::Conflict);
            Q_EMIT conflict(theirs, m_model->steps());
            return;
        }
        apply(theirs);
    });
}

void PagingPolicyController::keepMine()
{
    if (m_state != State::Conflict || !m_model)
        return;
    const PersonalPagingPolicy policy = toPolicy(m_theirs);
    m_model->rebase(policy);
    apply(m_theirs);
}

void PagingPolicyController::takeTheirs()
{
    if (m_state != State::Conflict || !m_model)
        return;
    const PersonalPagingPolicy policy = toPolicy(m_theirs);
    clearServerChange();
    m_model->load(policy);
    PagingSaveResult result;
    result.ok = true;
    result.message = tr("Your edits were dropped; this is the policy as it is now on the server.");
    finish(result);
}

void PagingPolicyController::apply(const QList<PolicyStep>& server)
{
    // The plan is made against the server's current policy: a change found by a re-read is
    // settled by this save.
    clearServerChange();
    m_notes.clear();
    m_plan = plan(server, m_model->steps(), &m_notes, m_model);
    m_done = 0;
    m_expected = server;
    m_resends = 0;
    if (m_plan.isEmpty()) {
        // Only already-empty surplus steps may differ: the editor shows what the server has.
        m_model->markSaved(toPolicy(server));
        PagingSaveResult result;
        result.ok = true;
        result.message = tr("Nothing to save: the server already has this policy.");
        finish(result);
        return;
    }
    setState(State::Applying);
    Q_EMIT progress(0, static_cast<int>(m_plan.size()));
    sendNext();
}

void PagingPolicyController::sendNext()
{
    if (m_done >= m_plan.size()) {
        readBack();
        return;
    }
    const PagingPlanCall& call = m_plan.at(m_done);
    ApiReply* reply = nullptr;
    switch (call.kind) {
    case PagingPlanCall::Kind::UpdateStep:
        reply
            = calls::updatePagingStep(*m_client, m_username, call.step, call.content.toPagingStep())
                  .reply;
        break;
    case PagingPlanCall::Kind::CreateStep:
        reply = calls::createPagingStep(*m_client, m_username, call.content.toPagingStep()).reply;
        break;
    case PagingPlanCall::Kind::CreateRule:
        reply = calls::createPagingRule(*m_client, m_username, call.step, call.ruleContent).reply;
        break;
    case PagingPlanCall::Kind::UpdateRule:
        reply
            = calls::updatePagingRule(*m_client, m_username, call.step, call.rule, call.ruleContent)
                  .reply;
        break;
    case PagingPlanCall::Kind::DeleteRule:
        reply = calls::deletePagingRule(*m_client, m_username, call.step, call.rule).reply;
        break;
    }
    // Multi-argument arg(): a description may hold a '%' of its own.
    trackHeld(reply,
        m_plan.size() == 1 ? tr("Save the paging policy (%1)").arg(call.description)
                           : tr("Save the paging policy, change %1 of %2 (%3)")
                                 .arg(QString::number(m_done + 1), QString::number(m_plan.size()),
                                     call.description));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            if (answerLost(reply->error()))
                checkAfterLostAnswer(reply->error().text());
            else
                stopAfterFailure(reply->error().text());
            return;
        }
        m_expected = afterCall(m_expected, m_plan.at(m_done));
        m_resends = 0;
        ++m_done;
        Q_EMIT progress(m_done, static_cast<int>(m_plan.size()));
        sendNext();
    });
}

QList<PolicyStep> PagingPolicyController::afterCall(
    QList<PolicyStep> steps, const PagingPlanCall& call)
{
    const bool stepThere = call.step >= 0 && call.step < steps.size();
    const bool ruleThere
        = stepThere && call.rule >= 0 && call.rule < steps.at(call.step).rules.size();
    switch (call.kind) {
    case PagingPlanCall::Kind::UpdateStep:
        if (stepThere)
            steps[call.step] = call.content;
        break;
    case PagingPlanCall::Kind::CreateStep:
        steps.append(call.content);
        break;
    case PagingPlanCall::Kind::CreateRule:
        if (stepThere)
            steps[call.step].rules.append(call.ruleContent);
        break;
    case PagingPlanCall::Kind::UpdateRule:
        if (ruleThere)
            steps[call.step].rules[call.rule] = call.ruleContent;
        break;
    case PagingPlanCall::Kind::DeleteRule:
        if (ruleThere)
            steps[call.step].rules.removeAt(call.rule);
        break;
    }
    return steps;
}

void PagingPolicyController::checkAfterLostAnswer(const QString& error)
{
    // Steps and rules are addressed by position: the same call sent again after it was applied
    // would change the wrong rule (the later ones moved up). What the server has decides.
    const auto call = calls::getPagingPolicy(*m_client, m_username);
    connect(call.reply, &ApiReply::finished, this, [this, call, failure = error] {
        const PagingPlanCall lost = m_plan.at(m_done);
        if (!call.reply->ok()) {
            stopWith(tr("Saving stopped at change %1 of %2 (%3): its answer was lost (%4), and the "
                        "policy could not be read back to see whether it was applied (%5). Your "
                        "edits are kept as unsaved edits; the next save will ask before "
                        "overwriting the server's policy.")
                         .arg(m_done + 1)
                         .arg(m_plan.size())
                         .arg(lost.description, failure.trimmed(),
                             call.reply->error().text().trimmed()));
            return;
        }
        m_lastRead.start();
        const QList<PolicyStep> fresh = policySteps(call.value());
        if (fresh == afterCall(m_expected, lost)) {
            qCInfo(lcPolicy, "the answer to change %d was lost; it was applied", m_done + 1);
            m_expected = fresh;
            m_resends = 0;
            ++m_done;
            Q_EMIT progress(m_done, static_cast<int>(m_plan.size()));
            sendNext();
            return;
        }
        if (fresh == m_expected && m_resends < MaxResends && m_model) {
            qCInfo(lcPolicy, "the answer to change %d was lost; it was not applied", m_done + 1);
            ++m_resends;
            // The rest of the save planned again from the policy read, so that every position
            // sent is one the server has now. Its notes were made with the first plan.
            QStringList notes;
            m_plan = m_plan.mid(0, m_done) + plan(fresh, m_model->steps(), &notes, m_model);
            Q_EMIT progress(m_done, static_cast<int>(m_plan.size()));
            sendNext();
            return;
        }
        if (m_model)
            m_model->rebase(call.value()); // the edits stay, over what the server has now
        stopWith(fresh == m_expected
                ? tr("Saving stopped at change %1 of %2 (%3): its answer was lost %4 times, and "
                     "the server shows it was not applied. The changes that did not apply are "
                     "kept as unsaved edits; save again to retry.")
                      .arg(m_done + 1)
                      .arg(m_plan.size())
                      .arg(lost.description)
                      .arg(m_resends + 1)
                : tr("Saving stopped at change %1 of %2 (%3): its answer was lost, and the paging "
                     "policy on the server changed in another way meanwhile. Your edits are kept "
                     "as unsaved edits over the server's policy: check them and save again.")
                      .arg(m_done + 1)
                      .arg(m_plan.size())
                      .arg(lost.description));
    });
}

void PagingPolicyController::trackHeld(ApiReply* reply, const QString& what)
{
    // The client may outlive the controller (HeldCalls goes with it).
    HeldCalls::of(m_client)->track(reply, what, [self = QPointer<PagingPolicyController>(this)] {
        if (self)
            self->cancelled();
    });
}

void PagingPolicyController::cancelled()
{
    if (m_state != State::Checking && m_state != State::Applying)
        return;
    PagingSaveResult result;
    if (m_state == State::Applying) {
        for (int i = 0; i < m_plan.size(); ++i)
            (i < m_done ? result.applied : result.notApplied).append(m_plan.at(i).description);
    }
    if (result.applied.isEmpty()) {
        result.message = tr("Saving the paging policy was cancelled; nothing was sent. Your edits "
                            "are kept as unsaved edits.");
        finish(result);
        return;
    }
    // What went through is the server's now; the rest stays as edits on top of it.
    if (m_model)
        m_model->rebase(toPolicy(m_expected));
    result.message = tr("Saving the paging policy was cancelled at change %1 of %2; nothing more "
                        "was sent. Already saved: %3. The rest is kept as unsaved edits.")
                         .arg(QString::number(m_done + 1), QString::number(m_plan.size()),
                             result.applied.join(QLatin1String("; ")));
    finish(result);
}

void PagingPolicyController::stopWith(const QString& message)
{
    PagingSaveResult result;
    for (int i = 0; i < m_plan.size(); ++i)
        (i < m_done ? result.applied : result.notApplied).append(m_plan.at(i).description);
    result.message = message;
    finish(result);
}

void PagingPolicyController::stopAfterFailure(const QString& error)
{
    setState(State::ReadingBack);
    const auto call = calls::getPagingPolicy(*m_client, m_username);
    connect(call.reply, &ApiReply::finished, this, [this, call, failure = error] {
        QString error = failure.trimmed();
        if (!error.endsWith(QLatin1Char('.')))
            error += QLatin1Char('.');
        PagingSaveResult result;
        for (int i = 0; i < m_plan.size(); ++i)
            (i < m_done ? result.applied : result.notApplied).append(m_plan.at(i).description);
        QString state;
        if (call.reply->ok())
            m_lastRead.start();
        if (call.reply->ok() && m_model) {
            // The edits stay as they are, on top of what the server has now.
            m_model->rebase(call.value());
        } else {
            state = tr(" The server's state could not be read back (%1); the next save will "
                       "ask before overwriting it.")
                        .arg(call.reply->error().text());
        }
        result.message = tr("Saving stopped at change %1 of %2: %3 The changes that did not apply "
                            "are kept as unsaved edits; save again to retry.")
                             .arg(m_done + 1)
                             .arg(m_plan.size())
                             .arg(error)
            + state;
        finish(result);
    });
}

void PagingPolicyController::readBack()
{
    setState(State::ReadingBack);
    const auto call = calls::getPagingPolicy(*m_client, m_username);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        PagingSaveResult result;
        result.ok = true;
        for (const PagingPlanCall& planned : std::as_const(m_plan))
            result.applied.append(planned.description);
        result.notes = m_notes;
        if (call.reply->ok())
            m_lastRead.start();
        if (m_model) {
            if (call.reply->ok())
                m_model->markSaved(call.value());
            else
                m_model->markSaved(m_model->editedPolicy());
        }
        result.message = m_plan.size() == 1
            ? tr("Saved: %1.").arg(m_plan.first().description)
            : tr("Saved: %n changes applied.", nullptr, int(m_plan.size()));
        if (!m_notes.isEmpty())
            result.message += QLatin1Char(' ') + m_notes.join(QLatin1Char(' '));
        finish(result);
    });
}

void PagingPolicyController::finish(const PagingSaveResult& result)
{
    setState(State::Idle);
    Q_EMIT saved(result);
}

// --- Re-reading -------------------------------------------------------------------------------

bool PagingPolicyController::refresh(RequestScheduler::Priority priority)
{
    // While a conflict is being decided the dialog shows what the server had; a re-read now
    // would change the question under the user.
    if (isBusy() || m_state == State::Refreshing || m_state == State::Conflict || !m_model)
        return false;
    setState(State::Refreshing);
    const int serial = ++m_readSerial;
    const QString user = m_username;
    const auto call = calls::getPagingPolicy(*m_client, user, priority);
    connect(call.reply, &ApiReply::finished, this, [this, call, serial, user] {
        // A load or save started meanwhile reads the policy for itself and decides.
        if (serial != m_readSerial)
            return;
        setState(State::Idle);
        if (!m_model || user != m_username)
            return;
        if (!call.reply->ok()) {
            Q_EMIT refreshed(false, false,
                tr("Could not re-read the paging policy: %1. What is shown may be out of date.")
                    .arg(call.reply->error().text()));
            return;
        }
        onRefreshed(call.value());
    });
    return true;
}

void PagingPolicyController::onRefreshed(const PersonalPagingPolicy& policy)
{
    m_lastRead.start();
    const QList<PolicyStep> theirs = policySteps(policy);
    if (!m_model->isDirty()) {
        clearServerChange();
        const bool changed = m_model->showServer(policy);
        Q_EMIT refreshed(true, changed,
            changed ? tr("The paging policy changed on the server; this is it as it is now.")
                    : tr("Up to date: this is the paging policy as it is on the server."));
        return;
    }
    if (theirs == m_model->steps()) {
        clearServerChange();
        m_model->markSaved(policy);
        Q_EMIT refreshed(
            true, false, tr("The server already has your edits; nothing is left to save."));
        return;
    }
    if (theirs == m_model->base()) {
        clearServerChange();
        Q_EMIT refreshed(true, false,
            tr("The paging policy on the server has not changed; your edits are not saved yet."));
        return;
    }
    setServerChange(theirs);
    Q_EMIT serverChanged(theirs, m_model->steps());
    Q_EMIT refreshed(true, false,
        tr("The paging policy on the server changed since you started editing. Your edits are "
           "kept and not saved: compare them with the server's policy, or take the server's."));
}

qint64 PagingPolicyController::msSinceLastRead() const
{
    return m_lastRead.isValid() ? m_lastRead.elapsed() : -1;
}

void PagingPolicyController::setServerChange(const QList<PolicyStep>& theirs)
{
    m_server = theirs;
    if (m_hasServerChange)
        return;
    m_hasServerChange = true;
    Q_EMIT serverChangePending(true);
}

void PagingPolicyController::clearServerChange()
{
    if (!m_hasServerChange)
        return;
    m_hasServerChange = false;
    m_server.clear();
    Q_EMIT serverChangePending(false);
}

void PagingPolicyController::takeServerPolicy()
{
    if (!m_hasServerChange || !m_model || isBusy())
        return;
    const PersonalPagingPolicy policy = toPolicy(m_server);
    clearServerChange();
    const bool changed = m_model->showServer(policy);
    Q_EMIT refreshed(true, changed, tr("This is the paging policy as it is on the server now."));
}

void PagingPolicyController::adoptServerBase()
{
    if (!m_hasServerChange || !m_model || isBusy())
        return;
    const PersonalPagingPolicy policy = toPolicy(m_server);
    clearServerChange();
    m_model->rebase(policy);
}

void PagingPolicyController::discardEdits()
{
    if (!m_model || isBusy())
        return;
    if (m_hasServerChange)
        takeServerPolicy();
    else
        m_model->discard();
}

void PagingPolicyController::onDirtyChanged(bool dirty)
{
    if (dirty || !m_hasServerChange)
        return;
    // Every edit undone while the server's policy is newer than the one they were made on: with
    // nothing to keep, the editor shows the server's. Queued: this runs inside the undo stack's
    // signals, and showing the server's policy clears that stack.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_model && !m_model->isDirty())
                takeServerPolicy();
        },
        Qt::QueuedConnection);
}

} // namespace rota
