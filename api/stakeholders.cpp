// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "stakeholders.h"

#include <QJsonArray>

namespace rota {

StakeholderMessage StakeholderMessage::fromJson(const JsonReader& r)
{
    StakeholderMessage m;
    const bool older = !r.has(QStringLiteral("title")) && r.has(QStringLiteral("summary"));
    m.title = r.str(older ? QStringLiteral("summary") : QStringLiteral("title"));
    m.message = r.str(older ? QStringLiteral("details") : QStringLiteral("message"));
    const JsonReader incident = r[QStringLiteral("incidentId")];
    m.incidentNumber = incident.toStringOrNumber();
    if (!m.incidentNumber.isEmpty()) {
        bool ok = false;
        const qint64 number = m.incidentNumber.toLongLong(&ok);
        if (!ok || number <= 0)
            JsonReader(incident).fail(QStringLiteral("expected a positive incident number"));
        m.incidentNumber = ok && number > 0 ? QString::number(number) : QString();
    }
    m.users = r.strings(older ? QStringLiteral("users") : QStringLiteral("recipients"));
    m.teams = r.strings(older ? QStringLiteral("teams") : QStringLiteral("recipientTeams"));
    return m;
}

QJsonObject StakeholderMessage::toJson() const
{
    QJsonObject o {
        { QStringLiteral("title"), title },
        { QStringLiteral("message"), message },
        { QStringLiteral("recipients"), QJsonArray::fromStringList(users) },
        { QStringLiteral("recipientTeams"), QJsonArray::fromStringList(teams) },
    };
    bool ok = false;
    const qint64 number = incidentNumber.toLongLong(&ok);
    if (ok)
        o.insert(QStringLiteral("incidentId"), number);
    return o;
}

namespace calls {

ApiCall<NoContent> sendStakeholderMessage(ApiClient& client, const StakeholderMessage& message)
{
    return sendNoContent(client, withBody(request(ops::sendStakeholderMessage), message.toJson()));
}

} // namespace calls

} // namespace rota
