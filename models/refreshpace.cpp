// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "refreshpace.h"

#include "incidentmodel.h"
#include "incidentpoller.h"
#include "oncallmodel.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

namespace rota {

Q_LOGGING_CATEGORY(lcPace, "rota.models")

namespace {

int bounded(int seconds)
{
    return std::clamp(seconds, Preferences::MinRefreshSeconds, Preferences::MaxRefreshSeconds);
}

} // namespace

RefreshPace RefreshPace::decide(bool onCall, bool paged, const Preferences& preferences)
{
    RefreshPace pace;
    const int routine = bounded(preferences.refreshSeconds);
    if (!onCall && !paged) {
        pace.seconds = routine;
        pace.reason = Reason::Routine;
        return pace;
    }
    // "Faster while it matters": an urgent interval set longer than the routine one would make
    // Rota slower exactly when the user needs it quicker.
    pace.seconds = std::min(bounded(preferences.urgentRefreshSeconds), routine);
    pace.reason = onCall && paged ? Reason::OnCallAndPaged
        : onCall                  ? Reason::OnCall
                                  : Reason::Paged;
    return pace;
}

QString RefreshPace::text() const
{
    QString every;
    if (seconds == 60)
        every = QCoreApplication::translate("rota::RefreshPace", "every minute");
    else if (seconds > 60 && seconds % 60 == 0)
        every = QCoreApplication::translate(
            "rota::RefreshPace", "every %n min", nullptr, seconds / 60);
    else
        every = QCoreApplication::translate("rota::RefreshPace", "every %1 s").arg(seconds);
    switch (reason) {
    case Reason::Routine:
        return every;
    case Reason::OnCall:
        return QCoreApplication::translate("rota::RefreshPace", "%1 while you are on call")
            .arg(every);
    case Reason::Paged:
        return QCoreApplication::translate("rota::RefreshPace", "%1 while an incident pages you")
            .arg(every);
    case Reason::OnCallAndPaged:
        return QCoreApplication::translate(
            "rota::RefreshPace", "%1 while you are on call and paged")
            .arg(every);
    }
    return every;
}

RefreshPacer::RefreshPacer(IncidentPoller* poller, IncidentModel* incidents, OnCallModel* onCall,
    const Preferences& preferences, QObject* parent)
    : QObject(parent)
    , m_poller(poller)
    , m_incidents(incidents)
    , m_onCall(onCall)
    , m_preferences(preferences)
{
    if (m_incidents)
        connect(m_incidents, &IncidentModel::countsChanged, this, &RefreshPacer::update);
    // The summary names whether the user is on call: it changes whenever that may have.
    if (m_onCall)
        connect(m_onCall, &OnCallModel::summaryChanged, this, &RefreshPacer::update);
    m_pace = decide();
    apply();
}

void RefreshPacer::setPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    update();
}

RefreshPace RefreshPacer::decide() const
{
    const bool onCall = m_onCall && m_onCall->isOnCall();
    const bool paged = m_incidents
        && (m_incidents->countPagingMe(Phase::Triggered) > 0
            || m_incidents->countPagingMe(Phase::Acknowledged) > 0);
    return RefreshPace::decide(onCall, paged, m_preferences);
}

void RefreshPacer::apply()
{
    if (!m_poller)
        return;
    m_poller->setInterval(m_pace.intervalMs());
    m_poller->setPaceText(m_pace.text());
}

void RefreshPacer::update()
{
    const RefreshPace pace = decide();
    if (pace == m_pace)
        return;
    m_pace = pace;
    qCInfo(lcPace).noquote() << "incidents refresh" << pace.text();
    apply();
    Q_EMIT paceChanged(pace);
}

} // namespace rota
