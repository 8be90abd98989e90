// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// One request to rota-sim over real HTTP, as the simulator's own tests send them (a
// QNetworkAccessManager, the demo org's credentials or the control token), and what came back.
// Needs only Qt Network: no client code, so the simulator is tested apart from Rota's reading.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QString>
#include <QUrl>

namespace rota::test {

//! What rota-sim answered: the HTTP status (0 when nothing came) and the body as it came.
struct SimAnswer {
    int status = 0;
    QByteArray body;

    //! The body read as JSON: an array or an object (an empty object when it is neither).
    QJsonValue json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    QJsonObject object() const { return json().toObject(); }
    QJsonArray array() const { return json().toArray(); }
    //! The "message" of an error answer.
    QString message() const { return object().value(QStringLiteral("message")).toString(); }
};

//! How a request to rota-sim is sent: the demo org's API id with `apiKey` (no credentials when
//! empty) and, when not empty, the simulator's control token.
struct SimCredentials {
    QByteArray apiKey = "rota-demo-key";
    QByteArray controlToken;
};

//! Sends `method` `path` (with its query) to the simulator at `base` with `body` (none when
//! empty) as JSON, and waits up to 20 s for the answer.
inline SimAnswer simRequest(QNetworkAccessManager& network, const QUrl& base,
    const QByteArray& method, const QString& path, const QByteArray& body = QByteArray(),
    const SimCredentials& credentials = SimCredentials())
{
    QNetworkRequest request(QUrl(base.toString() + path));
    if (!credentials.apiKey.isEmpty()) {
        request.setRawHeader("X-VO-Api-Id", "rota-demo-id");
        request.setRawHeader("X-VO-Api-Key", credentials.apiKey);
    }
    if (!credentials.controlToken.isEmpty())
        request.setRawHeader("X-Sim-Token", credentials.controlToken);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(20000);
    SimAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

//! `object` as the compact JSON a request carries.
inline QByteArray simJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace rota::test
