#pragma once

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;

namespace rota {

namespace sim {
class SimServer;
}

class ApiClient;
class ConnectionStatus;

//! `rota --demo`: rota-sim running in this process with the small demo org and live activity, and
//! an ApiClient signed in to it as the org's demo user. No account, no network beyond 127.0.0.1.
class DemoOrg : public QObject {
    Q_OBJECT
public:
    explicit DemoOrg(QObject* parent = nullptr);
    ~DemoOrg() override;

    //! Starts the simulator and points the client at it. Returns false with *error on failure.
    bool start(QString* error);

    ApiClient* client() const { return m_client; }
    //! Probes the simulator; started by start().
    ConnectionStatus* connectionStatus() const { return m_status; }
    //! For the window title, e.g. "Demo".
    QString organisation() const;
    //! The demo's incident history: a file in a temporary folder that goes with the demo (the
    //! demo org is made afresh each run, so its history is too).
    QString historyPath() const;

private:
    std::unique_ptr<sim::SimServer> m_server;
    QNetworkAccessManager* m_network;
    ApiClient* m_client;
    ConnectionStatus* m_status;
    QTemporaryDir m_data;
};

} // namespace rota
