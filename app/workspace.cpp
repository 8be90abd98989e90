#include "workspace.h"

#include "apiclient.h"
#include "applog.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "mainwindow.h"
#include "people.h"
#include "settings.h"

#include <QSet>

namespace rota {

Workspace::Workspace(ApiClient* client, Settings* settings, MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(settings)
    , m_window(window)
    , m_incidents(new IncidentModel(this))
    , m_poller(new IncidentPoller(client, m_incidents, this))
    , m_actions(new IncidentActions(client, m_incidents, this))
{
    m_incidents->setIdentity(username());
    connect(m_settings, &Settings::changed, this, &Workspace::applySettings);
    applySettings();

    // --- Pages and scenes. Each view adds its page (addPage) and screenshot scenes (m_scenes)
    // here, in navigation order.
    // incidents (issue 5)
    // oncall (issue 7)
    // schedules (issue 7)
    // paging-policy (issue 6)
    // teams (issue 7: escalation policies)
    // maintenance (issue 7: routing keys, maintenance mode and its banner)
}

Workspace::~Workspace()
{
    // The pages go with the session; the window shows placeholders until the next one.
    for (const QPointer<QWidget>& page : std::as_const(m_pages))
        delete page.data();
}

void Workspace::start()
{
    loadIdentity();
    m_poller->start();
}

QString Workspace::username() const { return m_client->credentials().username; }

void Workspace::showIncident(const QString& incidentNumber)
{
    if (!m_window)
        return;
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
    m_window->showView(QStringLiteral("incidents"));
    Q_UNUSED(incidentNumber) // the incidents view selects it (issue 5)
}

void Workspace::applySettings()
{
    m_poller->setInterval(m_settings->preferences().refreshSeconds * 1000);
}

// "My teams" for the incident filter: the signed-in user's teams, once per session.
void Workspace::loadIdentity()
{
    const auto call
        = calls::listUserTeams(*m_client, username(), RequestScheduler::Priority::Background);
    connect(call.reply, &ApiReply::finished, this, [this, call] {
        if (!call.reply->ok()) {
            qCWarning(lcApp, "could not read the user's teams: %s",
                qPrintable(call.reply->error().text()));
            return;
        }
        QSet<QString> slugs;
        for (const auto& team : call.value().teams)
            slugs.insert(team.slug);
        m_incidents->setIdentity(username(), slugs);
    });
}

void Workspace::setOnCallSummary(const QString& summary)
{
    if (summary == m_onCallSummary)
        return;
    m_onCallSummary = summary;
    Q_EMIT onCallSummaryChanged(summary);
}

void Workspace::addPage(const QString& slug, QWidget* page)
{
    m_pages.append(page);
    if (m_window)
        m_window->setPage(slug, page);
}

} // namespace rota
