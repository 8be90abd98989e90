// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "screenshotter.h"

#include <QList>

namespace rota {

class TrayController;
class Workspace;

//! The pictures docs/screenshots shows beyond the plain views: dialogs, menus, views in a state.
//! They stage each scene from outside, through the public interface of the workspace's views,
//! models and controllers (as the tests drive them); product classes hold no code for pictures.
namespace scenes {

//! Every scene, in the order they are pictured.
QList<ScreenshotScene> all(Workspace* workspace, TrayController* tray);

//! Incidents: a triggered incident with its notes and alert in the detail pane; the reroute dialog.
QList<ScreenshotScene> incidents(Workspace* workspace);

//! Calls `then` once the workspace lists incidents: at once when it does, else after the refresh it
//! asks for (not when `context` is gone by then).
void whenIncidentsListed(Workspace* workspace, QObject* context, std::function<void()> then);

//! Incident chat: an incident's conversation in the detail pane, a reply being written.
QList<ScreenshotScene> chat(Workspace* workspace);

//! "Notify stakeholders…" for a triggered incident: recipients chosen, a message typed, the
//! preview.
QList<ScreenshotScene> stakeholders(Workspace* workspace);

//! Schedules & overrides: the timeline with an override in view, the Overrides tab.
QList<ScreenshotScene> schedules(Workspace* workspace);

//! The paging-policy editor: a contact dragged onto step 1; the page after a save.
QList<ScreenshotScene> pagingPolicy(Workspace* workspace);

//! Teams: another team's escalation policy with its steps in words.
QList<ScreenshotScene> teams(Workspace* workspace);

//! Users: the signed-in user selected, with their details and read-only paging policy.
QList<ScreenshotScene> users(Workspace* workspace);

//! Reports: the history the demo's sync has read so far, per day and by hour of the week.
QList<ScreenshotScene> reports(Workspace* workspace);

//! People: a colleague's hover card open over the on-call view.
QList<ScreenshotScene> people(Workspace* workspace);

//! Maintenance mode for one routing key: the banner and the view (ended again afterwards).
QList<ScreenshotScene> maintenance(Workspace* workspace);

//! Alert rules: the seeded rules, the database rule in the form and the test bench showing it
//! match a database alert (its runbook link and the new routing key).
QList<ScreenshotScene> alertRules(Workspace* workspace);

//! The tray's menu popped up, with the incidents paging the user.
QList<ScreenshotScene> tray(TrayController* tray);

} // namespace scenes
} // namespace rota
