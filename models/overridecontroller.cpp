#include "overridecontroller.h"

#include "apiclient.h"
#include "overridemodel.h"

namespace rota {

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

void OverrideController::failed(
    const QString& action, const ApiReply& reply, const QString& publicId)
{
    const ApiError& error = reply.error();
    if (error.kind == ApiErrorKind::Forbidden && !m_readOnly) {
        m_readOnly = true;
        Q_EMIT readOnlyChanged(true);
    }
    const QString message = error.kind == ApiErrorKind::Forbidden ? readOnlyReason() : error.text();
    Q_EMIT actionFinished(action, false, message, publicId);
}

void OverrideController::create(const NewScheduledOverride& override)
{
    const auto call = calls::createOverride(*client(), override);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (!call.reply->ok()) {
            failed(QStringLiteral("create"), *call.reply, {});
            return;
        }
        const ScheduledOverride created = call.value();
        m_model->upsert(created);
        Q_EMIT actionFinished(QStringLiteral("create"), true,
            tr("Override for %1 created.").arg(m_model->displayName(created.username)),
            created.publicId);
    });
}

void OverrideController::remove(const QString& publicId)
{
    const auto call = calls::deleteOverride(*client(), publicId);
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId] {
        if (!call.reply->ok()) {
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
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId, policySlug, username] {
        if (!call.reply->ok()) {
            failed(QStringLiteral("assign"), *call.reply, publicId);
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
    connect(call.reply, &ApiReply::finished, this, [this, call, publicId, policySlug] {
        if (!call.reply->ok()) {
            failed(QStringLiteral("unassign"), *call.reply, publicId);
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

} // namespace rota
