// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Shared fixture for integration tests: a rota-sim on 127.0.0.1 (port 0) in this process, and an
// ApiClient signed in to it as the demo user. Everything goes over real HTTP.

#include "apiclient.h"
#include "simcontext.h"
#include "simserver.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace rota::test {

class SimFixture {
public:
    explicit SimFixture(sim::SimOptions options = {})
    {
        options.port = 0;
        server = std::make_unique<sim::SimServer>(options);
        QString error;
        started = server->start(&error);
        startError = error;
        network.setProxy(QNetworkProxy::NoProxy);
        client = std::make_unique<ApiClient>(&network);
        QString urlError;
        client->setBaseUrl(server->baseUrl(), &urlError);
        client->setCredentials({ options.apiId, options.apiKey, server->context().org.demoUser });
        client->setRetryBaseDelay(20);
    }

    sim::SimContext& ctx() { return server->context(); }
    QString demoUser() { return ctx().org.demoUser; }

    std::unique_ptr<sim::SimServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<ApiClient> client;
    bool started = false;
    QString startError;
};

//! Waits until the call finishes (at most timeoutMs); true when it finished.
inline bool waitFor(ApiReply* reply, int timeoutMs = 10000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(timeoutMs);
}

//! Waits for several calls at once. Replies delete themselves after finishing, so waiting for
//! them one by one could touch one already gone; this counts them as they finish instead.
//! Call it before the event loop has run (i.e. right after sending).
inline bool waitForAll(const QList<ApiReply*>& replies, int timeoutMs = 10000)
{
    auto finished = std::make_shared<int>(0);
    QObject guard;
    for (ApiReply* reply : replies) {
        if (reply->isFinished())
            ++*finished;
        else
            QObject::connect(reply, &ApiReply::finished, &guard, [finished] { ++*finished; });
    }
    const qsizetype total = replies.size();
    return QTest::qWaitFor([&] { return *finished == total; }, timeoutMs);
}

//! Waits, then fails the test with the error in words unless the call succeeded.
#define ROTA_EXPECT_OK(call)                                                                       \
    do {                                                                                           \
        QVERIFY2(::rota::test::waitFor((call).reply), "call did not finish");                      \
        QVERIFY2((call).reply->ok(), qPrintable((call).reply->error().text()));                    \
    } while (false)

} // namespace rota::test
