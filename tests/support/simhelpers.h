// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Small helpers the integration tests share on top of SimFixture: paging someone with a new
// incident straight in the simulator, reading an incident's phase there, picking a user who is
// not the demo user.

#include "simcontext.h"
#include "simfixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace rota::test {

//! Creates an incident for service "checkout" in the simulator that pages `users` directly;
//! `start` invalid means now, `routingKey` empty means none. Returns its number as text.
inline QString newSimIncident(SimFixture& fixture, const QString& summary, const QStringList& users,
    const QDateTime& start = QDateTime(), const QString& routingKey = QString())
{
    sim::NewIncident incident;
    incident.summary = summary;
    incident.service = QStringLiteral("checkout");
    incident.routingKey = routingKey;
    incident.usernames = users;
    incident.start = start;
    return QString::number(sim::createIncident(fixture.ctx(), incident));
}

//! The simulator's phase (UNACKED, ACKED, RESOLVED) of incident `number`; empty if unknown.
inline QString simPhase(SimFixture& fixture, const QString& number)
{
    return fixture.ctx().org.incidents.value(number.toInt()).phase;
}

//! The first user of the org (by username) who is not the demo user; empty if there is none.
inline QString otherUser(SimFixture& fixture)
{
    const QStringList users = fixture.ctx().org.users.keys();
    for (const QString& user : users) {
        if (user != fixture.demoUser())
            return user;
    }
    return QString();
}

//! Sets rota-sim's faults as a person would: PUT /_sim/faults over HTTP with its control token.
//! True when the simulator took the spec.
inline bool putSimFaults(SimFixture& fixture, const QString& spec)
{
    QNetworkRequest request(
        QUrl(fixture.server->baseUrl().toString() + QStringLiteral("/_sim/faults")));
    request.setRawHeader("X-Sim-Token", fixture.server->controlToken().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = fixture.network.put(
        request, QJsonDocument(QJsonObject { { QStringLiteral("spec"), spec } }).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool ok = (reply->isFinished() || finished.wait(5000))
        && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2;
    reply->deleteLater();
    return ok;
}

} // namespace rota::test
