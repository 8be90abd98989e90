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

//! Waits, then fails the test with the error in words unless the call succeeded.
#define ROTA_EXPECT_OK(call)                                                                       \
    do {                                                                                           \
        QVERIFY2(::rota::test::waitFor((call).reply), "call did not finish");                      \
        QVERIFY2((call).reply->ok(), qPrintable((call).reply->error().text()));                    \
    } while (false)

} // namespace rota::test
