// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertrulescontroller.h"

#include "alertrulematcher.h"
#include "alertrulesmodel.h"
#include "apiclient.h"
#include "incidents.h"
#include "writeoutcome.h"

namespace rota {

AlertRulesController::AlertRulesController(
    ApiClient* client, AlertRulesModel* model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
}

AlertRulesController::~AlertRulesController()
{
    if (m_loading)
        m_loading->abandon();
    if (m_alertLoading)
        m_alertLoading->abandon();
}

void AlertRulesController::load(bool user)
{
    if (m_loading)
        return; // the read in flight brings the news
    const auto call = calls::listAlertRules(*m_client,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    m_loading = call.reply;
    Q_EMIT loadingChanged(true);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_loading.clear();
        QString error;
        if (call.reply->ok()) {
            m_loadError = {};
            m_loaded = true;
            if (m_model)
                m_model->setRules(call.value().rules);
        } else {
            m_loadError = call.reply->error();
            error = tr("Could not read the alert rules: %1").arg(m_loadError.text());
        }
        Q_EMIT loadingChanged(false);
        Q_EMIT loaded(error);
    });
}

void AlertRulesController::setReadOnlyReason(const QString& reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    Q_EMIT readOnlyChanged(reason);
}

void AlertRulesController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

bool AlertRulesController::beginWrite()
{
    if (!m_readOnlyReason.isEmpty()) {
        Q_EMIT actionFinished(false, m_readOnlyReason, 0);
        return false;
    }
    if (m_busy) {
        Q_EMIT actionFinished(false, tr("Another change to the rules is still on its way."), 0);
        return false;
    }
    setBusy(true);
    return true;
}

void AlertRulesController::follow(ApiReply* reply, const QString& failedWhat,
    const std::function<int()>& done, const QString& doneText)
{
    connect(reply, &ApiReply::finished, this, [this, reply, failedWhat, done, doneText] {
        setBusy(false);
        if (reply->ok()) {
            const int id = done();
            Q_EMIT actionFinished(true, doneText, id);
        } else {
            const ApiError error = reply->error();
            if (error.kind == ApiErrorKind::Forbidden)
                setReadOnlyReason(tr("This API key may only read: changing alert rules needs an "
                                     "admin's key with write access."));
            const QString message = answerLost(error)
                ? tr("%1: the service did not answer, so it may have been done anyway. The "
                     "rules are read again; check them before trying again.")
                      .arg(failedWhat)
                : tr("%1: %2").arg(failedWhat, error.text());
            Q_EMIT actionFinished(false, message, 0);
        }
        // The server's list is the truth after any write: ranks move, and a failed write may
        // have failed because someone else changed the rules.
        load(true);
    });
}

bool AlertRulesController::create(const AlertRule& rule)
{
    if (!beginWrite())
        return false;
    const auto call = calls::createAlertRule(*m_client, rule);
    follow(
        call.reply, tr("Could not create the rule"), [call] { return call.value().id; },
        tr("Rule created."));
    return true;
}

bool AlertRulesController::update(const AlertRule& rule)
{
    if (!beginWrite())
        return false;
    const auto call = calls::updateAlertRule(*m_client, rule);
    const int id = rule.id;
    follow(
        call.reply, tr("Could not save rule %1").arg(id), [id] { return id; },
        tr("Rule %1 saved.").arg(id));
    return true;
}

bool AlertRulesController::move(int id, int rank)
{
    const int row = m_model ? m_model->rowOf(id) : -1;
    if (row < 0) {
        Q_EMIT actionFinished(false, tr("Rule %1 is no longer in the list.").arg(id), 0);
        return false;
    }
    if (!beginWrite())
        return false;
    AlertRule rule = m_model->rule(row);
    rule.rank = qMax(1, rank);
    const auto call = calls::updateAlertRule(*m_client, rule);
    follow(
        call.reply, tr("Could not move rule %1").arg(id), [id] { return id; },
        tr("Rule %1 moved to place %2.").arg(id).arg(rule.rank));
    return true;
}

bool AlertRulesController::remove(int id)
{
    if (!beginWrite())
        return false;
    const auto call = calls::deleteAlertRule(*m_client, id);
    follow(
        call.reply, tr("Could not delete rule %1").arg(id), [id] { return id; },
        tr("Rule %1 deleted.").arg(id));
    return true;
}

void AlertRulesController::loadAlert(const QString& uuid)
{
    if (m_alertLoading) {
        m_alertLoading->abandon();
        m_alertLoading.clear();
    }
    const auto call = calls::getAlert(*m_client, uuid, RequestScheduler::Priority::User);
    m_alertLoading = call.reply;
    connect(call.reply, &ApiReply::finished, this, [this, call, uuid] {
        m_alertLoading.clear();
        if (!call.reply->ok()) {
            Q_EMIT alertLoaded(
                uuid, {}, tr("Could not read alert %1: %2").arg(uuid, call.reply->error().text()));
            return;
        }
        const Alert alert = call.value();
        QJsonObject fields = alert.rawObject();
        // An alert without a raw body still has the fields the API lists.
        if (fields.isEmpty()) {
            fields.insert(QStringLiteral("entity_id"), alert.entityId);
            fields.insert(QStringLiteral("entity_display_name"), alert.entityDisplayName);
            fields.insert(QStringLiteral("message_type"), alert.messageType);
            fields.insert(QStringLiteral("state_message"), alert.stateMessage);
            fields.insert(QStringLiteral("monitoring_tool"), alert.monitoringTool);
        }
        Q_EMIT alertLoaded(uuid, AlertRuleMatcher::benchFields(fields), QString());
    });
}

} // namespace rota
