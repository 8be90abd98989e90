// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QDialog>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace rota {

class IncidentActions;
class OrgDirectory;

//! Whom to page: the organisation's users and escalation policies (from the session's
//! OrgDirectory, read at user priority when not there yet) as two lists with check boxes, narrowed
//! by one filter box.
class TargetPicker : public QWidget {
    Q_OBJECT
public:
    //! The directory is not owned and must outlive the picker. Fills at once from what the
    //! directory has and asks it for what is missing.
    explicit TargetPicker(OrgDirectory* directory, QWidget* parent = nullptr);

    //! The ticked users, then the ticked policies.
    QList<IncidentTarget> targets() const;
    //! Ticks (or unticks) a user or policy by slug; false when it is not in the lists (yet).
    bool setChecked(const IncidentTarget& target, bool checked = true);
    //! True once both lists are loaded (or failed).
    bool isLoaded() const { return m_usersDone && m_policiesDone; }

    QLineEdit* filterEdit() const { return m_filter; }
    QListWidget* userList() const { return m_users; }
    QListWidget* policyList() const { return m_policies; }

Q_SIGNALS:
    void targetsChanged();
    //! Both lists have answered.
    void loaded();

private:
    void applyFilter();
    void fillUsers();
    void fillPolicies();
    void finish();

    OrgDirectory* m_directory;
    QLineEdit* m_filter;
    QListWidget* m_users;
    QListWidget* m_policies;
    QLabel* m_state;
    QStringList m_errors;
    bool m_usersDone = false;
    bool m_policiesDone = false;
};

//! Reroute one or more incidents: pick users and escalation policies to page instead of (or, with
//! "Add to the current targets", besides) those paged now. OK hands the choice to
//! IncidentActions::reroute; the rows then show the outcome.
class RerouteDialog : public QDialog {
    Q_OBJECT
public:
    //! Directory and actions are not owned and must outlive the dialog.
    RerouteDialog(OrgDirectory* directory, IncidentActions* actions,
        const QStringList& incidentNumbers, QWidget* parent = nullptr);

    QStringList incidentNumbers() const { return m_numbers; }
    TargetPicker* picker() const { return m_picker; }
    QCheckBox* addTargetsBox() const { return m_add; }
    QLabel* errorLabel() const { return m_error; }

public Q_SLOTS:
    //! Reroutes (and closes) when something is ticked; else says what is missing.
    void accept() override;

private:
    IncidentActions* m_actions;
    QStringList m_numbers;
    TargetPicker* m_picker;
    QCheckBox* m_add;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace rota
