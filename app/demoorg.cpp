// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "demoorg.h"

#include "apiclient.h"
#include "applog.h"
#include "connectionstatus.h"
#include "simserver.h"

#include <QNetworkAccessManager>
#include <QThread>

namespace rota {

static sim::SimOptions demoOptions()
{
    sim::SimOptions options;
    options.size = sim::OrgSize::Small;
    options.seed = 1;
    // A couple of new incidents a minute keeps the demo alive without burying anyone.
    options.incidentRate = 2;
    options.port = 0;
    return options;
}

DemoOrg::DemoOrg(QObject* parent)
    : QObject(parent)
    , m_simThread(new QThread(this))
    , m_server(std::make_unique<sim::SimServer>(demoOptions()))
    , m_network(new QNetworkAccessManager(this))
    , m_client(new ApiClient(m_network, this))
    , m_status(new ConnectionStatus(m_client, this))
{
    // Seeding the org takes about as long as building the window: both go on at once.
    m_simThread->setObjectName(QStringLiteral("demo simulator"));
    m_server->moveToThread(m_simThread);
    m_simThread->start();
    QMetaObject::invokeMethod(m_server.get(), [this] {
        Started started;
        started.ok = m_server->start(&started.error);
        if (started.ok) {
            const sim::SimContext& context = m_server->context();
            started.baseUrl = m_server->baseUrl();
            started.apiId = context.options.apiId;
            started.apiKey = context.options.apiKey;
            started.username = context.org.demoUser;
            started.controlToken = m_server->controlToken();
        }
        m_started = std::move(started);
        m_ready.release();
    });
}

DemoOrg::~DemoOrg()
{
    // The client side goes first, while the server it may still be talking to exists.
    delete m_status;
    delete m_client;
    delete m_network;
    // The server goes in its own thread, once that thread's event loop has ended.
    m_server.release()->deleteLater();
    m_simThread->quit();
    m_simThread->wait();
}

bool DemoOrg::start(QString* error)
{
    m_ready.acquire();
    m_ready.release(); // for a second call
    if (!m_started.ok) {
        *error = m_started.error;
        return false;
    }
    if (!m_client->setBaseUrl(m_started.baseUrl, error))
        return false;
    m_client->setCredentials({ m_started.apiId, m_started.apiKey, m_started.username });
    m_status->start();
    // Faults can be injected into the demo as into a rota-sim of its own (README, rota-sim).
    qCInfo(lcApp).noquote() << "demo simulator listening on" << m_started.baseUrl.toString()
                            << "control-token" << m_started.controlToken;
    return true;
}

QString DemoOrg::organisation() const { return tr("Demo"); }

QString DemoOrg::historyPath() const { return m_data.filePath(QStringLiteral("history.sqlite")); }

} // namespace rota
