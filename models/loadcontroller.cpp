// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "loadcontroller.h"

#include "apiclient.h"

namespace rota {

LoadController::LoadController(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

LoadController::~LoadController()
{
    if (m_pending)
        m_pending->abandon();
}

void LoadController::track(
    ApiReply* reply, const std::function<void(const ApiReply& reply)>& answered)
{
    const bool was = isLoading();
    if (m_pending)
        m_pending->abandon();
    m_pending = reply;
    if (!was)
        Q_EMIT loadingChanged(true);
    connect(reply, &ApiReply::finished, this, [this, reply, answered] {
        if (reply != m_pending)
            return;
        m_pending.clear();
        m_error = reply->ok() ? QString() : reply->error().text();
        answered(*reply);
        Q_EMIT loadingChanged(false);
        Q_EMIT loaded();
    });
}

} // namespace rota
