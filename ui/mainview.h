// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QString>

namespace rota {

//! One of the main window's views, as the navigation, the View menu and screenshots know it.
struct MainView {
    QString slug; //!< stable id, e.g. "incidents"; also the screenshot's file name
    QString title; //!< e.g. "Incidents"
    QString summary; //!< one sentence: what the view shows
    QString iconPath; //!< resource path of its monochrome SVG icon

    //! The main views in navigation order; Ctrl+1 selects the first.
    static const QList<MainView>& all();
};

} // namespace rota
