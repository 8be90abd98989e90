// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QPointer>

namespace rota {

class ApiClient;
class IncidentModel;

//! Reads the signed-in user's teams (in the background) for the incidents' "my teams": the
//! IncidentModel's identity becomes the client's user with those teams. A failure is logged and
//! leaves the identity as it was ("my teams" then shows nothing).
class UserTeamsLoader : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned; the client must outlive the loader.
    UserTeamsLoader(ApiClient* client, IncidentModel* incidents, QObject* parent = nullptr);

    //! Reads the teams once.
    void load();

Q_SIGNALS:
    //! The teams were read (ok) or could not be.
    void finished(bool ok);

private:
    ApiClient* m_client;
    QPointer<IncidentModel> m_incidents;
};

} // namespace rota
