// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "overridecontroller.h"

#include "apiclient.h"
#include "heldcalls.h"
#include "overridemodel.h"
#include "writeoutcome.h"

#include <QLocale>
#include <QPointer>
#include <QTimeZone>

namespace rota {

void OverrideController::trackHeld(ApiReply* reply, const QString& action, const QString& what,
    const QString& cancelled, const QString& publicId, const CreateDone& done)
{
    // The client may outlive the controller (HeldCalls goes with it). The view waits for an
    // answer to each write: a cancelled one is answered too, as not done.
    HeldCalls::of(client())->track(reply, what,
        [self = QPointer<OverrideController>(this), action, cancelled, publicId, done] {
            if (!self)
                return;
            Q_EMIT self->actionFinished(action, false, cancelled, publicId);
            if (done)
                done(false, cancelled, publicId);
        });
}

void OverrideController::createFinished(
    const CreateDone& done, bool ok, const QString& message, const QString& publicId)
{
    Q_EMIT actionFinished(QStringLiteral("create"), ok, message, publicId);
    if (done)
        done(ok, message, publicId);
}

QString OverrideController::whoseOverride(const QString& publicId) const
{
    const int row = m_model->rowOf(publicId);
    return row >= 0 ? m_model->displayName(m_model->override(row).username) : QString();
}

OverrideController::OverrideController(ApiClient* client, OverrideModel* model, QObject* parent)
    : LoadController(client, parent)
    , m_model(model)
{
}

void OverrideController::load(bool byUser)
{
    m_loadedOnce = true;
    const auto call = calls::listOverrides(*client(),
        byUser ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    track(call.reply, [this, call](const ApiReply& answer) {
        if (answer.ok())
            m_model->setOverrides(call.value().overrides);
    });
}

void OverrideController::reload()
{
    if (m_loadedOnce)
        load();
}

QString OverrideController::readOnlyReason() const
{
    return m_readOnly ? tr("This API key is read-only: overrides can be seen but not changed. "
                           "Use a key that may write to change them.")
                      : QString();
}

QString OverrideController::failureWords(const ApiReply& reply)
{
    const ApiError& error = reply.error();
    if (error.kind == ApiErrorKind::Forbidden && !m_readOnly) {
        m_readOnly = true;
        Q_EMIT readOnlyChanged(true);
    }
    return error.kind == ApiErrorKind::Forbidden ? readOnlyReason() : error.text();
}

void OverrideController::failed(
    const QString& action, const ApiReply& reply, const QString& publicId)
{
    Q_EMIT actionFinished(action, false, failureWords(reply), publicId);
}

void OverrideController::create(const NewScheduledOverride& override) { createThen(override, {}); }

void OverrideController::createThen(const NewScheduledOverride& override, const CreateDone& done)
{
    QSet<QString> known;
    for (int row = 0; row < m_model->rowCount(); ++row)
        known.insert(m_model->override(row).publicId);
    const auto call = calls::createOverride(*client(), override);
    {
        // The dialog is closed by now: the words keep what was asked for, to ask again.
        const QString who = m_model->displayName(override.username);
        const QTimeZone zone(override.timeZone.toUtf8());
        const auto shown = [&zone](const QDateTime& t) {
            return QLocale().toString(
                zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime(), QLocale::ShortFormat);
        };
        trackHeld(call.reply, QStringLiteral("create"), tr("Create override for %1").arg(who),
            tr("Creating the override for %1 (%2 to %3) was cancelled; nothing was sent.")
                .arg(who, shown(override.start), shown(override.end)),
            {}, done);
    }
    connect(call.reply, &ApiReply::finished, this, [this, call, override, known, done] {
        if (!call.reply->ok()) {
            // A second POST would make a second override.
            if (answerLost(call.reply->error()))
                findCreated(override, known, done);
            else
                createFinished(done, false, failureWords(*call.reply), {});
            return;
        }
        const ScheduledOverride created = call.value();
        m_model->upsert(created);
        createFinished(done, true,
            tr("Override for %1 created.").arg(m_model->displayName(created.username)),
            created.publicId);
    });
}

void OverrideController::cover(const NewScheduledOverride& override, const QString& policySlug,
    const QString& standIn, int ticket)
{
    createThen(override,
        [this, policySlug, standIn, ticket](bool ok, const QString& message, const QString& id) {
            if (!ok) {
                Q_EMIT coverFinished(ticket, false, message, {});
                return;
            }
            // The new override is this cover's alone: its id tells its assignment's answer.
            auto* wait = new QObject(this);
            connect(this, &OverrideController::actionFinished, wait,
                [this, wait, ticket, id](const QString& action, bool assigned, const QString& words,
                    const QString& publicId) {
                    if (action != QLatin1String("assign") || publicId != id)
                        return;
                    wait->deleteLater();
                    disconnect(this, nullptr, wait, nullptr);
                    coverAssigned(ticket, assigned, words, id);
                });
            assign(id, policySlug, standIn);
        });
}

void OverrideController::coverAssigned(
    int ticket, bool ok, const QString& message, const QString& publicId)
{
    if (ok) {
        Q_EMIT coverFinished(ticket, true, message, publicId);
        return;
    }
    auto* wait = new QObject(this);
    connect(this, &OverrideController::actionFinished, wait,
        [this, wait, ticket, message, publicId](
            const QString& action, bool deleted, const QString& words, const QString& id) {
            if (action != QLatin1String("delete") || id != publicId)
                return;
            wait->deleteLater();
            disconnect(this, nullptr, wait, nullptr);
            Q_EMIT coverFinished(ticket, false,
                deleted ? tr("%1 The override was deleted again.").arg(message)
                        : tr("%1 The override is still there with nobody standing in (%2): "
                             "delete it on the Overrides tab.")
                              .arg(message, words),
                deleted ? QString() : publicId);
        });
    remove(publicId);
}

void OverrideController::remove(const QString& publicId)
{
    const auto call = calls::deleteOverride(*client(), publicId);
    const QString who = whoseOverride(publicId);
    trackHeld(call.reply, QStringLiteral("delete"),
        who.isEmpty() ? tr("Delete the override") : tr("Delete override for %1").arg(who),
        who.isEmpty()
            ? tr("Deleting the override was cancelled; nothing was sent.")
            : tr("Deleting the override for %1 was cancelled; nothing was sent.").arg(who),
        publicId);
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId] {
        if (!call.reply->ok()) {
            if (answerLost(call.reply->error()))
                checkDeleted(publicId);
            else
                failed(QStringLiteral("delete"), *call.reply, publicId);
            return;
        }
        m_model->removeOverride(publicId);
        Q_EMIT actionFinished(QStringLiteral("delete"), true, tr("Override deleted."), publicId);
    });
}

void OverrideController::assign(
    const QString& publicId, const QString& policySlug, const QString& username)
{
    const auto call = calls::updateOverrideAssignment(*client(), publicId, policySlug, username);
    const QString who = m_model->displayName(username);
    const QString policy = m_model->policyName(policySlug);
    trackHeld(call.reply, QStringLiteral("assign"), tr("Make %1 stand in on %2").arg(who, policy),
        tr("Making %1 stand in on %2 was cancelled; nothing was sent.").arg(who, policy), publicId);
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId, policySlug, username] {
        if (!call.reply->ok()) {
            if (answerLost(call.reply->error())) {
                checkAssignment(QStringLiteral("assign"), publicId, policySlug, username,
                    tr("%1 stands in on %2.")
                        .arg(m_model->displayName(username), m_model->policyName(policySlug)));
            } else {
                failed(QStringLiteral("assign"), *call.reply, publicId);
            }
            return;
        }
        OverrideAssignment answer = call.value();
        if (answer.policy.isEmpty())
            answer.policy = policySlug;
        m_model->applyAssignment(publicId, answer);
        refresh(publicId);
        Q_EMIT actionFinished(QStringLiteral("assign"), true,
            tr("%1 stands in on %2.")
                .arg(m_model->displayName(username), m_model->policyName(policySlug)),
            publicId);
    });
}

void OverrideController::unassign(const QString& publicId, const QString& policySlug)
{
    const auto call = calls::deleteOverrideAssignment(*client(), publicId, policySlug);
    const QString policy = m_model->policyName(policySlug);
    trackHeld(call.reply, QStringLiteral("unassign"), tr("Remove the stand-in on %1").arg(policy),
        tr("Removing the stand-in on %1 was cancelled; nothing was sent.").arg(policy), publicId);
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId, policySlug] {
        if (!call.reply->ok()) {
            if (answerLost(call.reply->error())) {
                checkAssignment(QStringLiteral("unassign"), publicId, policySlug, QString(),
                    tr("Nobody stands in on %1 any more.").arg(m_model->policyName(policySlug)));
            } else {
                failed(QStringLiteral("unassign"), *call.reply, publicId);
            }
            return;
        }
        OverrideAssignment answer = call.value();
        answer.policy = policySlug;
        answer.assigned = false;
        answer.user.clear();
        m_model->applyAssignment(publicId, answer);
        refresh(publicId);
        Q_EMIT actionFinished(QStringLiteral("unassign"), true,
            tr("Nobody stands in on %1 any more.").arg(m_model->policyName(policySlug)), publicId);
    });
}

void OverrideController::refresh(const QString& publicId)
{
    const auto call = calls::getOverride(*client(), publicId);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (call.reply->ok())
            m_model->upsert(call.value());
    });
}

void OverrideController::findCreated(
    const NewScheduledOverride& wanted, const QSet<QString>& known, const CreateDone& done)
{
    const auto call = calls::listOverrides(*client(), RequestScheduler::Priority::User);
    connect(call.reply, &ApiReply::finished, this, [this, call, wanted, known, done] {
        if (!call.reply->ok()) {
            createFinished(done, false,
                tr("The override may have been created: the answer from Splunk On-Call was lost, "
                   "and the overrides could not be read again (%1). Look for it before creating "
                   "it again.")
                    .arg(call.reply->error().text()),
                {});
            return;
        }
        const QList<ScheduledOverride> overrides = call.value().overrides;
        m_model->setOverrides(overrides);
        for (const ScheduledOverride& o : overrides) {
            // The service keeps whole seconds.
            if (!known.contains(o.publicId) && o.username == wanted.username
                && o.start.utc.toSecsSinceEpoch() == wanted.start.toSecsSinceEpoch()
                && o.end.utc.toSecsSinceEpoch() == wanted.end.toSecsSinceEpoch()) {
                createFinished(done, true,
                    tr("Override for %1 created.").arg(m_model->displayName(o.username)),
                    o.publicId);
                return;
            }
        }
        createFinished(done, false,
            tr("The override was not created: the answer from Splunk On-Call was lost, and the "
               "service does not list it. Try again."),
            {});
    });
}

void OverrideController::checkDeleted(const QString& publicId)
{
    const auto call = calls::getOverride(*client(), publicId, RequestScheduler::Priority::User);
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId] {
        const QString action = QStringLiteral("delete");
        if (call.reply->ok()) {
            m_model->upsert(call.value());
            Q_EMIT actionFinished(action, false,
                tr("The override was not deleted: the answer from Splunk On-Call was lost, and "
                   "the override is still there. Try again."),
                publicId);
        } else if (call.reply->error().kind == ApiErrorKind::NotFound) {
            m_model->removeOverride(publicId);
            Q_EMIT actionFinished(action, true, tr("Override deleted."), publicId);
        } else {
            Q_EMIT actionFinished(action, false,
                tr("Not confirmed whether the override was deleted: the answer from Splunk "
                   "On-Call was lost, and the override could not be read again (%1). The list "
                   "is read again.")
                    .arg(call.reply->error().text()),
                publicId);
            load(true);
        }
    });
}

void OverrideController::checkAssignment(const QString& action, const QString& publicId,
    const QString& policySlug, const QString& username, const QString& doneWords)
{
    const auto call = calls::getOverride(*client(), publicId, RequestScheduler::Priority::User);
    connect(call.reply, &ApiReply::finished, this,
        [this, call, action, publicId, policySlug, username, doneWords] {
            if (!call.reply->ok()) {
                Q_EMIT actionFinished(action, false,
                    tr("Not confirmed whether the change was made: the answer from Splunk On-Call "
                       "was lost, and the override could not be read again (%1).")
                        .arg(call.reply->error().text()),
                    publicId);
                return;
            }
            const ScheduledOverride now = call.value();
            m_model->upsert(now);
            bool applied = false;
            for (const OverrideAssignment& assignment : now.assignments) {
                if (assignment.policy == policySlug)
                    applied = username.isEmpty() ? !assignment.assigned || assignment.user.isEmpty()
                                                 : assignment.user == username;
            }
            Q_EMIT actionFinished(action, applied,
                applied ? doneWords
                        : tr("The change was not made: the answer from Splunk On-Call was lost, "
                             "and the override shows it was not applied. Try again."),
                publicId);
        });
}

} // namespace rota
