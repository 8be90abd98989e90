// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace rota {

class IncidentModel;

//! The question before "Resolve all paging me", which no one can undo: how many incidents and
//! which (their numbers and summaries, the first MaxListed), what resolving does, and a button
//! that says what it will do; Cancel is the default, so Enter does not resolve.
//!
//! Shown window-modal over `parent` (application-modal without one, e.g. from the tray) and not
//! waited for: `resolve` runs if the user agrees. The box deletes itself when closed.
//! Returns nullptr (and asks nothing) when no open incident pages the user.
QMessageBox* askResolveAllPagingMe(
    QWidget* parent, const IncidentModel& model, const std::function<void()>& resolve);

} // namespace rota
