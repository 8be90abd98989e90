// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "policies.h"
#include "teams.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace rota {

class PolicyChoices;

//! "New escalation policy": a name, the owning team, and steps, each with its timeout (minutes
//! after the previous step) and the users and rotation groups it pages. What is missing is said in
//! words under the form and keeps "Create" disabled. Accepting does not send anything: the caller
//! reads policy() and creates it. The users and the team's rotation groups come from `choices`
//! (not owned; the dialog asks it to load the chosen team's).
class EscalationPolicyDialog : public QDialog {
    Q_OBJECT
public:
    EscalationPolicyDialog(PolicyChoices* choices, const QList<Team>& teams,
        const QString& teamSlug, QWidget* parent = nullptr);
    ~EscalationPolicyDialog() override;

    //! The policy as the form describes it (sent with toCreateJson() entries).
    NewEscalationPolicy policy() const;
    //! What stops the policy from being created, in words; empty when it may be.
    QString problem() const;

    // For tests and scripted use: the same as the matching clicks.
    void setName(const QString& name);
    //! Adds a step after the last one and makes it current; returns its index.
    int addStep(int timeoutMinutes = 0);
    //! Adds a user (by username) to the current step; false when the user is not offered.
    bool addUser(const QString& username);
    //! Adds a rotation group (by slug) to the current step; false when not offered.
    bool addRotation(const QString& slug);
    QPushButton* createButton() const;

private:
    void onTeamChanged();
    void onChoicesLoaded();
    void fillTargets();
    void addChosenEntry();
    void addEntry(const EscalationPolicyEntry& entry);
    void removeSelected();
    void onTimeoutChanged(int minutes);
    void rebuildTree();
    void updateState();
    int currentStep() const;

    PolicyChoices* m_choices;
    QList<EscalationPolicyStep> m_steps;
    int m_current = -1;

    QLineEdit* m_name;
    QComboBox* m_team;
    QCheckBox* m_ignoreCustom;
    QTreeWidget* m_tree;
    QPushButton* m_addStep;
    QPushButton* m_remove;
    QSpinBox* m_timeout;
    QComboBox* m_kind;
    QComboBox* m_target;
    QPushButton* m_addEntry;
    QLabel* m_loading;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace rota
