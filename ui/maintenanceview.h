// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "look.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QDialog;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace rota {

class MaintenanceController;
class MaintenanceModel;
class RoutingKeyModel;

//! The page of the "maintenance" view: the maintenance-mode instances running now (End per
//! instance), and the routing keys with their escalation policies and whether each is in
//! maintenance. Start maintenance for the chosen keys or globally, with an optional purpose;
//! create a routing key (name and target policies). F5 reads everything again: the status line
//! says "Refreshing…" and Refresh waits until the answer is in. A maintenance mode that could not
//! be read is "unknown" with the reason in words and "Try again", never "off"; routing keys that
//! could not be read say so in their box, likewise. Errors are shown in words (the technical
//! detail in a tooltip); with a read-only key the actions are disabled and say why.
class MaintenanceView : public QWidget {
    Q_OBJECT
public:
    //! Nothing owned; all must outlive the view.
    MaintenanceView(MaintenanceModel* maintenance, RoutingKeyModel* routingKeys,
        MaintenanceController* controller, QWidget* parent = nullptr);

    //! Selects these routing keys (and only these) in the keys table.
    void selectRoutingKeys(const QStringList& keys);
    QStringList selectedRoutingKeys() const;
    //! Selects the row of a running instance.
    bool selectInstance(const QString& instanceId);

    //! Starts maintenance for the selected keys (what the button does).
    void startForSelected();
    //! Starts global maintenance.
    void startGlobal();
    //! Ends the selected instance.
    void endSelected();
    //! Opens the "Create routing key" dialog (non-modal to the event loop: open()).
    QDialog* openCreateDialog();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateActions();
    void showReadState();
    //! An action under way (Info), done (Success) or failed (Error).
    void showMessage(const QString& text, look::Tone tone);
    //! The instances table as tall as its rows (up to a few), not a box of blank space.
    void fitInstances();

    MaintenanceModel* m_maintenance;
    RoutingKeyModel* m_routingKeys;
    MaintenanceController* m_controller;
    QTableView* m_instances;
    QPushButton* m_end;
    QTableView* m_keys;
    QLineEdit* m_purpose;
    QPushButton* m_startSelected;
    QPushButton* m_startGlobal;
    QPushButton* m_create;
    QPushButton* m_refresh;
    QProgressBar* m_progress;
    NoticeBar* m_readOnly; //!< why nothing can be changed (a read-only key), while that lasts
    NoticeBar* m_message; //!< what the last action did
    QLabel* m_status;
    QLabel* m_noInstances; //!< "off", "unknown" or "reading", whichever is true
    QPushButton* m_retryMaintenance;
    QLabel* m_keysError;
    QPushButton* m_retryKeys;
    QPointer<QDialog> m_createDialog;
};

} // namespace rota
