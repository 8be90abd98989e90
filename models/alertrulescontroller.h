// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Reads and changes the org's alert rules, and fetches alerts for the rules' test bench.

#include "alertrules.h"
#include "apierror.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace rota {

class ApiClient;
class ApiReply;
class AlertRulesModel;

//! Loads the rules into an AlertRulesModel (GET /alertRules) and creates, changes, moves and
//! deletes them. The service renumbers the other rules around a write, so after every write the
//! list is read again and the model takes the server's order.
//!
//! One write at a time. A write that fails says so in words (actionFinished) and changes nothing
//! here, so the caller keeps what the user wrote. The first 403 that is not throttling makes
//! readOnlyReason() non-empty; later writes are refused without a call. setReadOnlyReason() says
//! so up front.
class AlertRulesController : public QObject {
    Q_OBJECT
public:
    //! Neither is owned; the client must outlive the controller.
    AlertRulesController(ApiClient* client, AlertRulesModel* model, QObject* parent = nullptr);
    ~AlertRulesController() override;

    AlertRulesModel* model() const { return m_model; }

    //! Reads the rules (at user priority when `user`).
    void load(bool user = true);
    bool isLoading() const { return m_loading != nullptr; }
    bool isLoaded() const { return m_loaded; }
    //! Why the last read failed; kind None once one succeeded.
    ApiError loadError() const { return m_loadError; }

    bool isBusy() const { return m_busy; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnlyReason(const QString& reason);

    //! POST; false when nothing was sent (busy or read-only; actionFinished says which).
    bool create(const AlertRule& rule);
    //! PUT rule.id with the whole rule.
    bool update(const AlertRule& rule);
    //! PUT rule `id` as it is in the model with rank `rank` (1 is the top).
    bool move(int id, int rank);
    //! DELETE rule `id`.
    bool remove(int id);

    //! GET /alerts/{uuid}; alertLoaded() with the raw alert's fields or an error in words.
    void loadAlert(const QString& uuid);

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A read finished; `error` in words, empty on success.
    void loaded(const QString& error);
    void busyChanged(bool busy);
    void readOnlyChanged(const QString& reason);
    //! A write was answered (or refused before sending). `ruleId` is the rule written (the new
    //! id after a create; 0 when none).
    void actionFinished(bool ok, const QString& message, int ruleId);
    void alertLoaded(const QString& uuid, const QJsonObject& fields, const QString& error);

private:
    bool beginWrite();
    void follow(ApiReply* reply, const QString& failedWhat, const std::function<int()>& done,
        const QString& doneText);
    void setBusy(bool busy);

    ApiClient* m_client;
    QPointer<AlertRulesModel> m_model;
    QPointer<ApiReply> m_loading;
    QPointer<ApiReply> m_alertLoading;
    bool m_loaded = false;
    bool m_busy = false;
    ApiError m_loadError;
    QString m_readOnlyReason;
};

} // namespace rota
