// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QWidget>

namespace rota {

struct MainView;

//! What a main view shows until it is built: its icon, its title and one sentence about what it
//! will show, centred, saying plainly that it is not there yet.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    explicit PlaceholderPage(const MainView& view, QWidget* parent = nullptr);
};

} // namespace rota
