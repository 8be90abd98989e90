// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The Overrides tab: the scheduled overrides (who is away, from, until, zone), New and Delete, and
// for the selected one its assignments per escalation policy with assign, change and remove of
// the person who stands in.

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace rota {

class OrgDirectory;
class OverrideController;
class OverrideDialog;
class OverrideModel;

class OverridesView : public QWidget {
    Q_OBJECT
public:
    //! Shows `model`, which `controller` loads and changes. People and policy names come from
    //! `directory` (the session's). Nothing is owned; all must outlive the view.
    OverridesView(OverrideModel* model, OverrideController* controller, OrgDirectory* directory,
        QWidget* parent = nullptr);
    ~OverridesView() override;

    //! Loads the overrides, people and policy names (background priority).
    void start();

    OverrideModel* model() const { return m_model; }
    OverrideController* controller() const { return m_controller; }
    QTableView* table() const { return m_table; }
    QTableWidget* assignments() const { return m_assignments; }
    //! The selected override's publicId; empty when none.
    QString selectedOverride() const;
    //! Selects the override's row.
    void selectOverride(const QString& publicId);
    //! Display names by username, for the user lists.
    void setUserNames(const QHash<QString, QString>& names);

    //! Opens "New override" (window-modal, not blocking); creates the override when accepted.
    OverrideDialog* openCreateDialog();
    //! Asks to confirm, then deletes the selected override.
    QMessageBox* confirmDelete();
    //! Assigns (or changes) the replacement chosen in the list for the selected policy row.
    void assignSelected();
    //! Removes the replacement of the selected policy row.
    void unassignSelected();
    //! Chooses the replacement (username) in the list.
    void setReplacement(const QString& username);
    //! Selects the assignment row of the policy.
    void selectPolicy(const QString& policySlug);

Q_SIGNALS:
    //! Words for the status line: what was done, or what went wrong.
    void message(const QString& text);

private:
    void showPeople();
    void showPolicies();
    void showAssignments();
    void updateActions();
    void syncReplacement();
    void setStatus(const QString& text, bool error);
    QString selectedPolicy() const;

    OrgDirectory* m_directory;
    OverrideModel* m_model;
    OverrideController* m_controller;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
    QTableWidget* m_assignments;
    QLabel* m_detailTitle;
    QPushButton* m_new;
    QPushButton* m_delete;
    QPushButton* m_refresh;
    QComboBox* m_replacement;
    QPushButton* m_assign;
    QPushButton* m_unassign;
    QLabel* m_status;
    QLabel* m_readOnly;
    QProgressBar* m_busy;
    QHash<QString, QString> m_names;
    QHash<QString, QString> m_teamNames; //!< policy slug -> team name
    QPointer<OverrideDialog> m_dialog;
    QString m_pendingSelect; //!< publicId to select once it is in the model
};

} // namespace rota
