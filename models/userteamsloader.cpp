// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userteamsloader.h"

#include "apiclient.h"
#include "incidentmodel.h"
#include "people.h"

#include <QLoggingCategory>
#include <QSet>

namespace rota {

Q_LOGGING_CATEGORY(lcUserTeams, "rota.models")

UserTeamsLoader::UserTeamsLoader(ApiClient* client, IncidentModel* incidents, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_incidents(incidents)
{
}

void UserTeamsLoader::load()
{
    const QString username = m_client->credentials().username;
    const auto call
        = calls::listUserTeams(*m_client, username, RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call, username] {
        if (!call.reply->ok()) {
            qCWarning(lcUserTeams, "could not read the user's teams: %s",
                qPrintable(call.reply->error().detail()));
            Q_EMIT finished(false);
            return;
        }
        QSet<QString> slugs;
        for (const auto& team : call.value().teams)
            slugs.insert(team.slug);
        if (m_incidents)
            m_incidents->setIdentity(username, slugs);
        Q_EMIT finished(true);
    });
}

} // namespace rota
