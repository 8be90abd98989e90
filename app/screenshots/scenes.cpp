// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "scenes.h"

#include "traycontroller.h"
#include "workspace.h"

namespace rota::scenes {

QList<ScreenshotScene> all(Workspace* workspace, TrayController* tray)
{
    QList<ScreenshotScene> scenes = incidents(workspace);
    scenes.append(chat(workspace));
    scenes.append(stakeholders(workspace));
    scenes.append(schedules(workspace));
    scenes.append(pagingPolicy(workspace));
    scenes.append(teams(workspace));
    scenes.append(users(workspace));
    scenes.append(people(workspace));
    scenes.append(reports(workspace));
    scenes.append(maintenance(workspace));
    scenes.append(alertRules(workspace));
    scenes.append(scenes::tray(tray));
    return scenes;
}

} // namespace rota::scenes
