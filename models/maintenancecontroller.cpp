// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "maintenancecontroller.h"

#include "apiclient.h"
#include "displayformat.h"
#include "heldcalls.h"
#include "maintenancemodel.h"
#include "orgconfig.h"
#include "poll.h"
#include "routingkeymodel.h"
#include "writeoutcome.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTime>

namespace rota {

Q_LOGGING_CATEGORY(lcMaintenance, "rota.models")

MaintenanceController::MaintenanceController(
    ApiClient* client, MaintenanceModel* maintenance, RoutingKeyModel* routingKeys, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_maintenance(maintenance)
    , m_routingKeys(routingKeys)
    , m_poll(new Poll(DefaultIntervalMs, MinIntervalMs, Poll::NoCeiling, this))
{
    connect(m_poll, &Poll::due, this, &MaintenanceController::readMaintenance);
}

MaintenanceController::~MaintenanceController() = default;

void MaintenanceController::setInterval(int ms) { m_poll->setInterval(ms); }

int MaintenanceController::interval() const { return m_poll->interval(); }

void MaintenanceController::setTestTiming(int minIntervalMs) { m_poll->setFloor(minIntervalMs); }

void MaintenanceController::start()
{
    m_poll->start();
    readMaintenance(false);
    readRoutingKeys(false);
}

void MaintenanceController::stop() { m_poll->stop(); }

void MaintenanceController::refresh()
{
    readMaintenance(true);
    readRoutingKeys(true);
}

void MaintenanceController::setReadOnly(const QString& reason)
{
    if (reason == m_readOnlyReason)
        return;
    m_readOnlyReason = reason;
    Q_EMIT readOnlyChanged(isReadOnly(), reason);
}

void MaintenanceController::readMaintenance(bool user)
{
    if (!m_poll->begin(user))
        return; // the read in flight brings the news
    if (m_loading++ == 0)
        Q_EMIT loadingChanged(true);
    const auto call = calls::getMaintenanceMode(*m_client,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        const bool ok = call.reply->ok();
        // The next read after the interval (when running), failed or not.
        if (ok)
            m_poll->succeeded();
        else
            m_poll->failed();
        if (m_maintenance) {
            if (ok)
                m_maintenance->applyState(call.value());
            else
                m_maintenance->setStale();
        }
        if (!ok)
            qCInfo(lcMaintenance, "could not read the maintenance mode: %s",
                qPrintable(call.reply->error().detail()));
        setReadError(&m_maintenanceError, call.reply->error());
        oneDone(ok);
    });
}

void MaintenanceController::readRoutingKeys(bool user)
{
    if (m_keysInFlight)
        return;
    m_keysInFlight = true;
    if (m_loading++ == 0)
        Q_EMIT loadingChanged(true);
    const auto call = calls::listRoutingKeys(*m_client,
        user ? RequestScheduler::Priority::User : RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        m_keysInFlight = false;
        const bool ok = call.reply->ok();
        if (ok && m_routingKeys)
            m_routingKeys->applyList(call.value());
        if (!ok)
            qCInfo(lcMaintenance, "could not read the routing keys: %s",
                qPrintable(call.reply->error().detail()));
        setReadError(&m_keysError, call.reply->error());
        oneDone(ok);
    });
}

void MaintenanceController::setReadError(ApiError* slot, const ApiError& error)
{
    if (slot->kind == error.kind && slot->httpStatus == error.httpStatus
        && slot->serverMessage == error.serverMessage)
        return;
    *slot = error;
    Q_EMIT readErrorsChanged();
}

void MaintenanceController::oneDone(bool ok)
{
    if (!ok)
        m_readsOk = false;
    if (--m_loading > 0)
        return;
    // The failure itself is told by the errors, once; the status keeps the last good read.
    if (m_readsOk)
        setStatus(tr("Updated at %1")
                      .arg(QLocale().toString(
                          QTime::currentTime(), displayFormat(QStringLiteral("HH:mm:ss")))));
    const bool allOk = m_readsOk;
    m_readsOk = true;
    Q_EMIT loadingChanged(false);
    Q_EMIT refreshed(allOk);
}

bool MaintenanceController::startMaintenance(const QStringList& routingKeys, const QString& purpose)
{
    if (!beginWrite())
        return false;
    StartMaintenanceRequest request;
    request.names = routingKeys;
    request.purpose = purpose;
    const auto call = calls::startMaintenanceMode(*m_client, request);
    const QString keys = routingKeys.join(QStringLiteral(", "));
    trackHeld(call.reply,
        routingKeys.isEmpty() ? tr("Start global maintenance mode")
                              : tr("Start maintenance mode for %1").arg(keys),
        routingKeys.isEmpty()
            ? tr("Starting global maintenance mode was cancelled; nothing was sent.")
            : tr("Starting maintenance mode for %1 was cancelled; nothing was sent.").arg(keys));
    connect(call.reply, &ApiReply::finished, this, [this, call, routingKeys] {
        setBusy(false);
        const QString what = routingKeys.isEmpty()
            ? tr("global maintenance mode")
            : tr("maintenance mode for %1").arg(routingKeys.join(QStringLiteral(", ")));
        if (!call.reply->ok()) {
            writeFailed(tr("Could not start %1").arg(what), call.reply->error());
            return;
        }
        if (m_maintenance)
            m_maintenance->applyState(call.value());
        Q_EMIT actionFinished(true, tr("Started %1.").arg(what));
    });
    return true;
}

bool MaintenanceController::endMaintenance(const QString& instanceId)
{
    if (instanceId.isEmpty() || !beginWrite())
        return false;
    const auto call = calls::endMaintenanceMode(*m_client, instanceId);
    trackHeld(call.reply, tr("End maintenance mode"),
        tr("Ending maintenance mode was cancelled; nothing was sent."));
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        setBusy(false);
        if (!call.reply->ok()) {
            // Someone else may have ended it already: read the state again either way.
            writeFailed(tr("Could not end maintenance mode"), call.reply->error());
            readMaintenance(true);
            return;
        }
        if (m_maintenance)
            m_maintenance->applyState(call.value());
        Q_EMIT actionFinished(true, tr("Maintenance mode ended."));
    });
    return true;
}

bool MaintenanceController::createRoutingKey(
    const QString& routingKey, const QStringList& policySlugs)
{
    if (!beginWrite())
        return false;
    const auto call = calls::createRoutingKey(*m_client, { routingKey, policySlugs });
    trackHeld(call.reply, tr("Create routing key %1").arg(routingKey),
        tr("Creating routing key %1 was cancelled; nothing was sent.").arg(routingKey));
    connect(call.reply, &ApiReply::finished, this, [this, call, routingKey] {
        setBusy(false);
        if (!call.reply->ok()) {
            writeFailed(tr("Could not create routing key %1").arg(routingKey), call.reply->error());
            return;
        }
        readRoutingKeys(true);
        Q_EMIT actionFinished(true, tr("Created routing key %1.").arg(routingKey));
    });
    return true;
}

void MaintenanceController::loadPolicies()
{
    const auto call = calls::listEscalationPolicies(*m_client);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (!call.reply->ok()) {
            Q_EMIT policiesLoaded(
                tr("Could not read the escalation policies: %1").arg(call.reply->error().text()));
            return;
        }
        m_policies = call.value().policies;
        Q_EMIT policiesLoaded(QString());
    });
}

void MaintenanceController::writeFailed(const QString& what, const ApiError& error)
{
    if (answerLost(error)) {
        // It may have been applied: starting again could open a second maintenance window.
        // What the service shows decides.
        readMaintenance(true);
        readRoutingKeys(true);
        Q_EMIT actionFinished(false,
            what + QStringLiteral(": ")
                + tr("the answer from Splunk On-Call was lost, so it may have been done after "
                     "all. What is shown is read again from the service; check it before trying "
                     "again."));
        return;
    }
    if (error.kind == ApiErrorKind::Forbidden) {
        // Reads work, so a 403 on a write is a key that may only read.
        QString reason = tr("The API key is read-only: maintenance mode and routing keys can "
                            "only be changed with a key that may write.");
        if (!error.userMessage().isEmpty())
            reason += QLatin1Char(' ') + tr("Splunk On-Call said: %1").arg(error.userMessage());
        setReadOnly(reason);
        Q_EMIT actionFinished(false, what + QStringLiteral(": ") + reason);
        return;
    }
    Q_EMIT actionFinished(false, what + QStringLiteral(": ") + error.text());
}

void MaintenanceController::trackHeld(
    ApiReply* reply, const QString& what, const QString& cancelled)
{
    // The client may outlive the controller (HeldCalls goes with it).
    HeldCalls::of(m_client)->track(
        reply, what, [self = QPointer<MaintenanceController>(this), cancelled] {
            if (!self)
                return;
            // No answer will come: the write is over, and the next one may start.
            self->setBusy(false);
            Q_EMIT self->actionFinished(false, cancelled);
        });
}

bool MaintenanceController::beginWrite()
{
    if (m_busy)
        return false;
    if (isReadOnly()) {
        Q_EMIT actionFinished(false, m_readOnlyReason);
        return false;
    }
    setBusy(true);
    return true;
}

void MaintenanceController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void MaintenanceController::setStatus(const QString& text)
{
    if (text == m_status)
        return;
    m_status = text;
    Q_EMIT statusTextChanged(text);
}

} // namespace rota
