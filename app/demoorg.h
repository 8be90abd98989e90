// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QThread;

namespace rota {

namespace sim {
class SimServer;
}

class ApiClient;
class ConnectionStatus;

//! `rota --demo`: rota-sim running in this process with the small demo org and live activity, and
//! an ApiClient signed in to it as the org's demo user. No account, no network beyond 127.0.0.1.
//!
//! The simulator has a thread of its own: it seeds the org there from construction on, while
//! the window is being built, and answers there, so that its work never holds up the window.
class DemoOrg : public QObject {
    Q_OBJECT
public:
    explicit DemoOrg(QObject* parent = nullptr);
    ~DemoOrg() override;

    //! Waits for the simulator (started by the constructor) and points the client at it.
    //! Returns false with *error when it could not start.
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
    //! What the simulator's thread tells once it listens (or failed to).
    struct Started {
        bool ok = false;
        QString error;
        QUrl baseUrl;
        QString apiId;
        QString apiKey;
        QString username;
        QString controlToken;
    };

    QThread* m_simThread;
    std::unique_ptr<sim::SimServer> m_server; //!< lives in m_simThread
    Started m_started; //!< written by m_simThread before it releases m_ready
    QSemaphore m_ready;
    QNetworkAccessManager* m_network;
    ApiClient* m_client;
    ConnectionStatus* m_status;
    QTemporaryDir m_data;
};

} // namespace rota
