// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Messages to stakeholders: people who want to hear how an incident goes without being paged
// for it (POST /stakeholders/sendMessage).

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rota {

//! The message, in the body the vendor's current client sends: title, message, incidentId,
//! recipients (usernames) and recipientTeams (team slugs). At least one recipient is needed.
struct StakeholderMessage {
    QString title;
    QString message;
    QString incidentNumber; //!< digits; empty for a message about no incident
    QStringList users; //!< usernames
    QStringList teams; //!< team slugs

    bool hasRecipients() const { return !users.isEmpty() || !teams.isEmpty(); }
    //! Reads both bodies: the newer one above and the older (summary, details, users, teams).
    static StakeholderMessage fromJson(const JsonReader& r);
    //! The newer body; incidentId as a number, left out when there is none.
    QJsonObject toJson() const;
};

namespace calls {

//! Sends the message once: a POST is never retried. The answer's shape is not documented and
//! is not read.
ApiCall<NoContent> sendStakeholderMessage(ApiClient& client, const StakeholderMessage& message);

} // namespace calls

} // namespace rota
