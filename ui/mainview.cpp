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
        view("incidents", QT_TRANSLATE_NOOP("rota::MainView", "Incidents"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Open incidents as they happen: acknowledge, resolve, reroute and add notes.")),
        view("oncall", QT_TRANSLATE_NOOP("rota::MainView", "On-call"),
            QT_TRANSLATE_NOOP(
                "rota::MainView", "Who is on call right now for each team and escalation policy.")),
        view("schedules", QT_TRANSLATE_NOOP("rota::MainView", "Schedules & overrides"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Rotations over the coming weeks, and scheduled overrides with their "
                "replacements.")),
        view("paging-policy", QT_TRANSLATE_NOOP("rota::MainView", "Paging policy"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Your personal paging policy: how and when Splunk On-Call contacts you.")),
        view("teams", QT_TRANSLATE_NOOP("rota::MainView", "Teams"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Teams, their members and admins, rotations and escalation policies.")),
        view("users", QT_TRANSLATE_NOOP("rota::MainView", "Users"),
            QT_TRANSLATE_NOOP(
                "rota::MainView", "People in the organisation and their contact methods.")),
        view("reports", QT_TRANSLATE_NOOP("rota::MainView", "Reports"),
            QT_TRANSLATE_NOOP(
                "rota::MainView", "Incident history and each team's on-call shift log.")),
        view("maintenance", QT_TRANSLATE_NOOP("rota::MainView", "Maintenance"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Maintenance mode for routing keys or everything, so planned work pages no one.")),
        view("alert-rules", QT_TRANSLATE_NOOP("rota::MainView", "Alert rules"),
            QT_TRANSLATE_NOOP("rota::MainView",
                "Rules Engine rules that annotate, change and reroute alerts, with a test bench.")),
    };
    return views;
}

} // namespace rota
