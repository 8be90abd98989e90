#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QMessageBox;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace rota {

class EscalationPolicyDialog;
class EscalationPolicyModel;
class EscalationStepModel;
class OrgDirectory;
class PolicyChoices;
class TeamsController;
class TeamsModel;

//! The "teams" page: the org's teams (searchable, with member counts); for the selected team its
//! members and admins and its escalation policies; for the selected policy its steps and what each
//! pages, in words. Admins create a policy (a dialog) and delete one (after confirming). A write
//! refused because the key may only read disables both actions with the reason. Everything is read
//! in the background with a busy indicator; failures are shown in words.
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

Q_SIGNALS:
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
    void showError(const QString& message);
    void updateBusy();
    void updateActions();
    void selectFirstTeamIfNone();

    TeamsModel* m_teams;
    EscalationPolicyModel* m_policies;
    EscalationStepModel* m_steps;
    TeamsController* m_controller;
    QSortFilterProxyModel* m_teamFilter;
    PolicyChoices* m_choices;

    QLineEdit* m_search;
    QTreeView* m_teamList;
    QLabel* m_teamTitle;
    QProgressBar* m_busy;
    QLabel* m_busyText;
    QLabel* m_error;
    QLabel* m_readOnly;
    QListWidget* m_members;
    QListWidget* m_admins;
    QListView* m_policyList;
    QPushButton* m_newPolicy;
    QPushButton* m_deletePolicy;
    QPushButton* m_refresh;
    QLabel* m_detailTitle;
    QTreeView* m_stepTree;
    QLabel* m_detailEmpty;

    QPointer<EscalationPolicyDialog> m_dialog;
    QPointer<QMessageBox> m_confirm;
    QString m_selectWhenListed; //!< a created policy to select once the list shows it
    QString m_shownPolicy;
    QString m_readOnlyReason; //!< set by setReadOnlyReason()
};

} // namespace rota
