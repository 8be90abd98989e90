// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QMessageBox;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace rota {

class NoticeBar;

class EscalationPolicyDialog;
class EscalationPolicyModel;
class EscalationStepModel;
class OrgDirectory;
class PolicyChoices;
class TeamMemberDropView;
class TeamMemberRemoveDialog;
class TeamsController;
class TeamsModel;
class UserPickList;
class UserPickModel;
class UsersModel;

//! The "teams" page: the org's teams (searchable, with member counts); for the selected team its
//! members (admins marked) and its escalation policies; for the selected policy its steps and what
//! each pages, in words. Admins create a policy (a dialog) and delete one (after confirming).
//!
//! Members are added from "Add members…", a panel of the org's users (with a filter) whose
//! people are dragged onto a team in the team list or onto the member list, or selected and added
//! with "Add to team" (Ctrl+Enter); someone already in the team is refused in words before
//! anything is sent. "Remove from team…" (Delete on a member) asks who takes over the member's
//! shifts and says what removing does before it is sent. Changes show at once and are undone,
//! with the reason, when the server refuses. "Page…" on a team or a policy asks for a page to it
//! (pageRequested()).
//!
//! A write refused because the key may only read disables the writing actions with the reason.
//! Everything is read in the background with a busy indicator; failures are shown in words.
class TeamsView : public QWidget {
    Q_OBJECT
public:
    //! Shows the models, which `controller` reads and writes (the view asks it to when a team or
    //! a policy is chosen). The policy editor's users and rotation groups come from `directory`
    //! (the session's). Nothing is owned; everything must outlive the view.
    TeamsView(TeamsModel* teams, EscalationPolicyModel* policies, EscalationStepModel* steps,
        TeamsController* controller, OrgDirectory* directory, QWidget* parent = nullptr);
    ~TeamsView() override;

    //! Reads the teams and the policies again (the first call is the first load).
    void refresh();

    //! Selects a team (clearing the search when it hides it); false when there is no such team.
    bool selectTeam(const QString& teamSlug);
    //! Selects one of the current team's policies; false when it has none with this slug.
    bool selectPolicy(const QString& policySlug);
    QString currentTeam() const;
    QString currentPolicy() const;
    //! The policy whose steps are shown (empty while none is, or while it is still loading).
    QString shownPolicy() const;

    //! Disables creating and deleting with `reason` (empty enables them again, unless a write was
    //! refused as read-only since).
    void setReadOnlyReason(const QString& reason);
    QString readOnlyReason() const;

    TeamsModel* teamsModel() const { return m_teams; }
    EscalationPolicyModel* policyModel() const { return m_policies; }
    EscalationStepModel* stepModel() const { return m_steps; }
    TeamsController* controller() const { return m_controller; }

    //! Opens the "New escalation policy" dialog (as the button does); it is a child of the view.
    void openCreateDialog();
    //! Asks to confirm deleting the current policy (as the button does).
    void confirmDelete();

    //! Shows or hides the panel of users to add ("Add members…"); the users are read when it is
    //! first shown.
    void setUserPanelVisible(bool visible);
    bool isUserPanelVisible() const;
    UserPickList* userPanel() const { return m_userPanel; }
    //! The users the panel lists, the team's members marked (as filtered by the panel).
    UserPickModel* userModel() const;
    //! The team list and the member list, which take dropped users.
    TeamMemberDropView* teamListView() const { return m_teamList; }
    TeamMemberDropView* memberView() const { return m_members; }

    //! Adds these users to the team (as a drop or "Add to team" does): those already in it are
    //! refused in words, the others are added. The team must be in the list.
    void addUsers(const QString& teamSlug, const QStringList& usernames);
    //! Asks who takes over the current member's shifts and, confirmed, removes the member (as
    //! Delete and "Remove from team…" do). Said in words when the member is the team's only one.
    void confirmRemoveMember();
    //! The current member's username (empty when none).
    QString currentMember() const;
    //! Selects a member of the current team; false when it has none with this username.
    bool selectMember(const QString& username);

    //! What paging the team pages: each of its escalation policies (empty when it has none).
    QList<IncidentTarget> teamTargets(const QString& teamSlug) const;
    //! Asks for a page to the team's escalation policies (as "Page…" on a team does).
    void pageTeam(const QString& teamSlug);
    //! Asks for a page to one escalation policy (as "Page…" on a policy does).
    void pagePolicy(const QString& policySlug);

    //! The context menus (the caller owns them): for the team at `index` of the team list, the
    //! member list and the policy list.
    QMenu* teamMenu(const QModelIndex& index, QWidget* parent);
    QMenu* memberMenu(QWidget* parent);
    QMenu* policyMenu(QWidget* parent);

Q_SIGNALS:
    //! "Page…" was chosen: a page to these targets is wanted (the page dialog is the caller's).
    void pageRequested(const QList<rota::IncidentTarget>& targets);
    //! The steps of `policySlug` are on screen.
    void policyShown(const QString& policySlug);
    //! A policy was created (and will be selected once the list has it) or deleted.
    void policyCreated(const QString& policySlug);
    void policyDeleted(const QString& policySlug);

private:
    void onTeamChanged();
    void onPolicyChanged();
    void onTeamsRefreshed();
    void onPoliciesRefreshed();
    void onPolicyLoaded(const QString& slug);
    void showRoster();
    void onMembersChanged(const QString& teamSlug);
    void updateTeamTitle();
    QString dropRefusal(const QString& teamSlug, const QStringList& usernames) const;
    void showError(const QString& message);
    void updateBusy();
    void updateActions();
    void selectFirstTeamIfNone();

    TeamsModel* m_teams;
    EscalationPolicyModel* m_policies;
    EscalationStepModel* m_steps;
    TeamsController* m_controller;
    OrgDirectory* m_directory;
    QSortFilterProxyModel* m_teamFilter;
    PolicyChoices* m_choices;
    UsersModel* m_users;

    QLineEdit* m_search;
    TeamMemberDropView* m_teamList;
    QLabel* m_teamTitle;
    QProgressBar* m_busy;
    QLabel* m_busyText;
    NoticeBar* m_error;
    NoticeBar* m_readOnly;
    TeamMemberDropView* m_members;
    QLabel* m_membersEmpty;
    UserPickList* m_userPanel;
    QPushButton* m_addMembers;
    QPushButton* m_removeMember;
    QPushButton* m_pageTeam;
    QListView* m_policyList;
    QPushButton* m_newPolicy;
    QPushButton* m_deletePolicy;
    QPushButton* m_pagePolicy;
    QAction* m_removeAction;
    QAction* m_pageTeamAction;
    QAction* m_pagePolicyAction;
    QPushButton* m_refresh;
    QLabel* m_detailTitle;
    QTreeView* m_stepTree;
    QLabel* m_detailEmpty;

    QPointer<EscalationPolicyDialog> m_dialog;
    QPointer<QMessageBox> m_confirm;
    QPointer<TeamMemberRemoveDialog> m_removeDialog;
    bool m_usersAsked = false;
    QString m_selectWhenListed; //!< a created policy to select once the list shows it
    QString m_shownPolicy;
    QString m_readOnlyReason; //!< set by setReadOnlyReason()
};

} // namespace rota
