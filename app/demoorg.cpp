#include "demoorg.h"

#include "apiclient.h"
#include "applog.h"
#include "connectionstatus.h"
#include "simserver.h"

#include <QNetworkAccessManager>

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
    , m_server(std::make_unique<sim::SimServer>(demoOptions()))
    , m_network(new QNetworkAccessManager(this))
    , m_client(new ApiClient(m_network, this))
    , m_status(new ConnectionStatus(m_client, this))
{
}

DemoOrg::~DemoOrg()
{
    // The client side goes first, while the server it may still be talking to exists.
    delete m_status;
    delete m_client;
    delete m_network;
}

bool DemoOrg::start(QString* error)
{
    if (!m_server->start(error))
        return false;
    if (!m_client->setBaseUrl(m_server->baseUrl(), error))
        return false;
    const sim::SimContext& context = m_server->context();
    m_client->setCredentials(
        { context.options.apiId, context.options.apiKey, context.org.demoUser });
    m_status->start();
    // Faults can be injected into the demo as into a rota-sim of its own (README, rota-sim).
    qCInfo(lcApp).noquote() << "demo simulator listening on" << m_server->baseUrl().toString()
                            << "control-token" << m_server->controlToken();
    return true;
}

QString DemoOrg::organisation() const { return tr("Demo"); }

QString DemoOrg::historyPath() const { return m_data.filePath(QStringLiteral("history.sqlite")); }

} // namespace rota
