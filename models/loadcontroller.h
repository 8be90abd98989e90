// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace rota {

class ApiClient;
class ApiReply;

//! What the schedule and override controllers share: one read at a time, the newest wins. A load
//! started while one is in flight abandons that one; its answer never arrives. isLoading(),
//! errorText() and the signals say how the reading goes, for the views to show.
class LoadController : public QObject {
    Q_OBJECT
public:
    ~LoadController() override;

    bool isLoading() const { return !m_pending.isNull(); }
    //! The last load's error in words; empty after a success.
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A load finished (ok or not) and the model has what it brought; errorText() says what went
    //! wrong, if anything.
    void loaded();

protected:
    //! `client` must outlive the controller.
    LoadController(ApiClient* client, QObject* parent);

    ApiClient* client() const { return m_client; }
    //! Forgets the last load's error (the model shows something no load brought).
    void clearError() { m_error.clear(); }
    //! Makes `reply` the load in flight. When it is answered, errorText() is set, `answered` runs
    //! (ok or not: it reads the reply) and then loadingChanged(false) and loaded() follow.
    void track(ApiReply* reply, const std::function<void(const ApiReply& reply)>& answered);

private:
    ApiClient* m_client;
    QPointer<ApiReply> m_pending;
    QString m_error;
};

} // namespace rota
