// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace rota {

class MaintenanceController;
class NoticeBar;
class MaintenanceModel;

//! A strip across the main window while maintenance mode is on (MainWindow::addBanner):
//! "Maintenance mode: all routing keys since 14:02, started by dmitri.petrov" and an End button (a
//! menu of the instances when several run). Hidden while none is active or nothing was read yet.
//! When the last read failed it claims nothing about now: it says what was read, when, and that it
//! cannot be checked now.
class MaintenanceBanner : public QFrame {
    Q_OBJECT
public:
    //! Nothing owned.
    MaintenanceBanner(
        MaintenanceModel* model, MaintenanceController* controller, QWidget* parent = nullptr);

    QString text() const;
    //! Whether the banner offers End (default true). The maintenance view hides it while shown:
    //! it has an End of its own.
    void setEndShown(bool shown);

private:
    void showState();

    MaintenanceModel* m_model;
    MaintenanceController* m_controller;
    NoticeBar* m_bar;
    QPushButton* m_end;
};

} // namespace rota
