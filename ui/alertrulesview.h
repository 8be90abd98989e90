// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "alertrulematcher.h"
#include "look.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace rota {

class AlertRuleEditor;
class AlertRulesController;
class AlertRulesModel;
class IncidentModel;

//! The page of the "alert-rules" view: the org's Rules Engine rules in the order they run (what
//! each matches and what it does), a form to write or change one, and a test bench.
//!
//! Selecting a rule puts it in the form; "New rule" starts an empty one. Save sends it (create or
//! a full replacement) and the list is read again, since the service renumbers the ranks; a
//! failed save says why and leaves the form as it was. Move up / Move down (Alt+Up, Alt+Down)
//! send the rule's new rank; Delete asks first. The pattern is checked as it is typed: the field
//! turns red with the reason and Save is disabled. With a read-only key (or when
//! setReadOnlyReason() says so) nothing can be changed and a sentence says why.
//!
//! The test bench runs the rules locally (AlertRuleMatcher) over an alert: the alert of a recent
//! incident, read from the service, or one pasted as JSON. It uses the rules as edited in the
//! form, before they are saved, and shows which rule matches, what it adds, which fields it
//! changes and the routing key the alert ends up with.
class AlertRulesView : public QWidget {
    Q_OBJECT
public:
    //! Nothing owned; all must outlive the view. `incidents` may be nullptr (then only pasted
    //! alerts).
    AlertRulesView(AlertRulesModel* model, AlertRulesController* controller,
        IncidentModel* incidents = nullptr, QWidget* parent = nullptr);

    //! Why nothing may be changed (e.g. the signed-in key is known to be read-only); empty: as
    //! far as Rota knows, it may. A 403 from the service says so too (the controller's reason).
    void setReadOnlyReason(const QString& reason);
    QString readOnlyReason() const;

    //! Puts rule `id` in the form (and selects it); false when it is not in the list.
    bool selectRule(int id);
    int selectedRuleId() const;
    //! An empty rule in the form, placed at the top.
    void newRule();
    //! Sends the form (what Save does); false when nothing was sent.
    bool save();
    //! The form back to the rule as it is saved.
    void revert();
    //! Whether the form holds changes not saved yet.
    bool hasUnsavedRule() const;
    //! Why the last save, move or delete failed, in words; empty after one succeeded.
    QString saveError() const { return m_lastError; }
    //! Moves the selected rule `delta` places (-1 up, +1 down); false when nothing was sent.
    bool moveSelected(int delta);
    //! Asks whether to delete the selected rule (the question is returned, open); deletes on Yes.
    QMessageBox* deleteSelected();

    //! The bench's alert: its fields as JSON in the box (what a paste does).
    void setBenchAlert(const QJsonObject& fields);
    //! Reads the alert of incident `number` (from the incidents model) into the bench.
    bool useIncidentAlert(const QString& number);
    //! The last run of the bench (empty when its alert is not usable).
    const AlertRuleRun& benchRun() const { return m_run; }
    //! The rules the bench ran: the list with the form's rule in its place.
    QList<AlertRule> benchRules() const;

    AlertRuleEditor* editor() const { return m_editor; }
    QTableView* table() const { return m_table; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void selectionChanged();
    void modelChanged();
    void updateActions();
    void runBench();
    void fillIncidents();
    void showMessage(const QString& text, look::Tone tone);
    void actionFinished(bool ok, const QString& message, int ruleId);

    AlertRulesModel* m_model;
    AlertRulesController* m_controller;
    QPointer<IncidentModel> m_incidents;
    QString m_readOnlyReason;
    QString m_lastError;
    int m_editingId = -1; //!< the rule in the form: its id, 0 for a new one, -1 for none
    int m_selectAfterLoad = 0;
    int m_saving = -1; //!< m_editingId when Save was sent, until its answer; -1: none
    AlertRuleRun m_run;

    QTableView* m_table;
    QPushButton* m_new;
    QPushButton* m_up;
    QPushButton* m_down;
    QPushButton* m_delete;
    QPushButton* m_refresh;
    QProgressBar* m_progress;
    NoticeBar* m_readOnly;
    NoticeBar* m_message;
    QLabel* m_formTitle;
    AlertRuleEditor* m_editor;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_formProblem;

    QComboBox* m_incidentBox;
    QPushButton* m_useIncident;
    QPlainTextEdit* m_alertText;
    QLabel* m_alertMessage;
    QLabel* m_verdict;
    QLabel* m_routing;
    QLabel* m_effects;
    QListWidget* m_steps;
    QPointer<QMessageBox> m_question;
};

} // namespace rota
