// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "apierror.h"
#include "policies.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;
class MaintenanceModel;
class Poll;
class RoutingKeyModel;

//! Keeps the maintenance mode and the routing keys fresh, and starts and ends maintenance and
//! creates routing keys.
//!
//! GET /maintenancemode runs every interval() at background priority (no limit is documented;
//! a minute keeps the banner honest without pressing the service); the routing keys are read with
//! the first refresh, on refresh() and after a key is created. Start and end answer the new
//! state, which is applied at once.
//!
//! A read that fails is kept as an error value per part (maintenanceError(), routingKeysError())
//! until a later read of that part succeeds; a failed maintenance read marks the model stale, so
//! that nobody shows "off" for a state that could not be read.
//!
//! The first 403 on a write makes isReadOnly() true with the reason in words (setReadOnly() says
//! so up front); later writes are refused without a call.
//!
//! Every write is listed in HeldCalls while the API's rate limit holds it back ("End maintenance
//! mode"); cancelled there, nothing is sent, the controller is no longer busy and
//! actionFinished() says it was cancelled.
class MaintenanceController : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 60 * 1000;
    static constexpr int MinIntervalMs = 10 * 1000;

    //! Nothing owned; either model may be nullptr.
    MaintenanceController(ApiClient* client, MaintenanceModel* maintenance,
        RoutingKeyModel* routingKeys, QObject* parent = nullptr);
    ~MaintenanceController() override;

    void setInterval(int ms);
    int interval() const;
    void setTestTiming(int minIntervalMs);

    //! Reads both now (background), then polls the maintenance mode every interval.
    void start();
    void stop();
    //! Reads both now at user priority.
    void refresh();

    bool isLoading() const { return m_loading > 0; }
    bool isBusy() const { return m_busy; }
    //! "Updated at 14:02:11": when both were last read together; empty before. A failed read
    //! leaves it as it was (the failure is in the errors below).
    QString statusText() const { return m_status; }
    //! Why the last read of the maintenance mode failed; kind None once a read succeeded.
    ApiError maintenanceError() const { return m_maintenanceError; }
    //! Why the last read of the routing keys failed; kind None once a read succeeded.
    ApiError routingKeysError() const { return m_keysError; }

    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnly(const QString& reason);

    //! Starts maintenance mode for `routingKeys`, or globally when empty. False when nothing was
    //! sent (busy or read-only).
    bool startMaintenance(const QStringList& routingKeys, const QString& purpose = {});
    //! Ends one running instance.
    bool endMaintenance(const QString& instanceId);
    //! Creates a routing key sending alerts to `policySlugs` (at least one).
    bool createRoutingKey(const QString& routingKey, const QStringList& policySlugs);

    //! Reads the escalation policies (for choosing targets); policiesLoaded() when they are in.
    void loadPolicies();
    const QList<EscalationPolicyInfo>& policies() const { return m_policies; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void busyChanged(bool busy);
    void statusTextChanged(const QString& text);
    void readOnlyChanged(bool readOnly, const QString& reason);
    //! A write was answered; `message` says in words what happened or what failed.
    void actionFinished(bool ok, const QString& message);
    //! policies() was read; `error` is empty on success.
    void policiesLoaded(const QString& error);
    //! A read of the maintenance mode (and keys, if asked) finished.
    void refreshed(bool ok);
    //! maintenanceError() or routingKeysError() changed.
    void readErrorsChanged();

private:
    void readMaintenance(bool user);
    void readRoutingKeys(bool user);
    void oneDone(bool ok);
    void setReadError(ApiError* slot, const ApiError& error);
    void writeFailed(const QString& what, const ApiError& error);
    //! One write at a time, none with a read-only key (said by actionFinished): true when this
    //! one may start (then busy).
    bool beginWrite();
    //! Lists the write `reply` in HeldCalls as `what`; cancelled, actionFinished() says
    //! `cancelled`.
    void trackHeld(ApiReply* reply, const QString& what, const QString& cancelled);
    void setBusy(bool busy);
    void setStatus(const QString& text);

    ApiClient* m_client;
    QPointer<MaintenanceModel> m_maintenance;
    QPointer<RoutingKeyModel> m_routingKeys;
    Poll* m_poll; //!< the maintenance mode's interval and its read in flight
    int m_loading = 0; //!< reads in flight
    bool m_keysInFlight = false;
    bool m_busy = false;
    bool m_readsOk = true;
    ApiError m_maintenanceError;
    ApiError m_keysError;
    QString m_status;
    QString m_readOnlyReason;
    QList<EscalationPolicyInfo> m_policies;
};

} // namespace rota
