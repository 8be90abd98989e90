// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "simcontext.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTimer;

namespace rota::sim {

class SimService;
class HttpTransport;

//! rota-sim as a library: the simulated Splunk On-Call service on 127.0.0.1.
//! Used by the rota-sim executable, by `rota --demo` and by integration tests.
class SimServer : public QObject {
    Q_OBJECT
public:
    explicit SimServer(const SimOptions& options, QObject* parent = nullptr);
    ~SimServer() override;

    //! Loads or seeds the org and starts listening on 127.0.0.1 (options.port, 0 = any free
    //! port). Returns false with *error on failure. A state-file problem is only a warning.
    bool start(QString* error);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    //! What /_sim/ requests must send in X-Sim-Token (options.controlToken, or a random one).
    QString controlToken() const;

    //! Saves to options.stateFile when one is set.
    bool saveState(QString* error) const;

    SimService& service() { return *m_service; }
    SimContext& context();

private:
    std::unique_ptr<SimService> m_service;
    HttpTransport* m_transport = nullptr;
    QTcpServer* m_tcp = nullptr;
    QTimer* m_activity = nullptr;
    QTimer* m_recoveries = nullptr; //!< SimOptions::resolveAfterMaxSeconds
    quint16 m_port = 0;
};

} // namespace rota::sim
