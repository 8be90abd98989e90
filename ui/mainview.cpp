// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "mainview.h"

#include <QCoreApplication>

namespace rota {

static MainView view(const char* slug, const char* title, const char* summary)
{
    const QString id = QString::fromLatin1(slug);
    return { id, QCoreApplication::translate("rota::MainView", title),
        QCoreApplication::translate("rota::MainView", summary),
        QStringLiteral(":/icons/nav/") + id + QStringLiteral(".svg") };
}

const QList<MainView>& MainView::all()
{
    // Built on first use rather than at static initialisation, so that translations installed by
    // then apply.
    static const QList<MainView> views {
        view("incidents", "Incidents",
            "Open incidents as they happen: acknowledge, resolve, reroute and add notes."),
        view("oncall", "On-call", "Who is on call right now for each team and escalation policy."),
        view("schedules", "Schedules & overrides",
            "Rotations over the coming weeks, and scheduled overrides with their replacements."),
        view("paging-policy", "Paging policy",
            "Your personal paging policy: how and when Splunk On-Call contacts you."),
        view("teams", "Teams",
            "Teams, their members and admins, rotations and escalation policies."),
        view("users", "Users", "People in the organisation and their contact methods."),
        view("reports", "Reports", "Incident history and each team's on-call shift log."),
        view("maintenance", "Maintenance",
            "Maintenance mode for routing keys or everything, so planned work pages no one."),
        view("alert-rules", "Alert rules",
            "Rules Engine rules that annotate, change and reroute alerts, with a test bench."),
    };
    return views;
}

} // namespace rota
