// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rota {

class IncidentActions;
class OrgDirectory;
class TargetPicker;

//! Opens an incident by hand: summary, details, whom to page (users and escalation policies) and
//! whether several people may respond. Says in words what is missing; while the server answers
//! the dialog waits, and if it refuses the dialog stays open with the error and everything typed.
//! Acting user: the actions' client's credentials. The sending goes through
//! IncidentActions::create. Opened from "Page…" it comes with its targets ticked (setTargets()).
class CreateIncidentDialog : public QDialog {
    Q_OBJECT
public:
    //! Nothing is owned; both must outlive the dialog. The picker's lists come from `directory`.
    CreateIncidentDialog(
        IncidentActions* actions, OrgDirectory* directory, QWidget* parent = nullptr);
    ~CreateIncidentDialog() override;

    QLineEdit* summaryEdit() const { return m_summary; }
    QPlainTextEdit* detailsEdit() const { return m_details; }
    TargetPicker* picker() const { return m_picker; }
    QCheckBox* multiResponderBox() const { return m_multi; }
    QLabel* errorLabel() const { return m_error; }
    bool isSending() const { return m_ticket != 0; }
    //! The heading naming the aim ("Page Maya Chen"), shown once setTargets() was called.
    QLabel* headingLabel() const { return m_heading; }
    //! The line naming whom the incident will page.
    QLabel* pagesLabel() const { return m_pages; }

    //! Ticks `targets` (besides what is ticked), as soon as the picker's lists have them, and
    //! names the dialog after them ("Page Maya Chen"). A target the lists turn out not to have
    //! (the org's lists failed to load, or it is not in them) is still paged and named by its
    //! slug: "Page…" from another view must not lose its aim.
    void setTargets(const QList<IncidentTarget>& targets);
    //! What the incident will page: the picker's ticks and the set targets it does not list (yet).
    QList<IncidentTarget> targets() const;

public Q_SLOTS:
    //! Validates and sends; closes once the server has created the incident.
    void accept() override;

Q_SIGNALS:
    //! The server created the incident (emitted before the dialog closes).
    void created(const QString& incidentNumber);

private:
    QString nameOf(const IncidentTarget& target) const;
    void applyWaiting();
    void showPages();
    void setError(const QString& text);
    void setSending(bool sending);

    IncidentActions* m_actions;
    OrgDirectory* m_directory;
    QLineEdit* m_summary;
    QPlainTextEdit* m_details;
    TargetPicker* m_picker;
    QCheckBox* m_multi;
    QLabel* m_heading; //!< "Page Maya Chen" when aimed; hidden otherwise
    QLabel* m_pages;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    quint64 m_ticket = 0; //!< the create() in flight; 0: none
    QList<IncidentTarget> m_aimed; //!< every target set by setTargets(): the title names them
    QList<IncidentTarget> m_waiting; //!< set, not yet in the picker's lists (still loading)
    QList<IncidentTarget> m_unlisted; //!< set, not in the loaded lists: paged by slug
};

} // namespace rota
