// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace rota {

class OrgDirectory;

//! Reroute from the tray or a notification, small and usable from the keyboard alone: one search
//! box over the organisation's users and escalation policies, in one short list (users, then
//! policies, each under a heading), read from the session's OrgDirectory (at user priority when
//! not there yet).
//!
//! Keys: type to narrow the list (every word must match a name, username, e-mail address or
//! slug); Up/Down and Page Up/Down move the highlight from the search box; Ctrl+Space (or Space in
//! the list) ticks the highlighted target, for more than one; Enter reroutes to the ticked
//! targets, or, when none is ticked, to the highlighted one; Esc cancels and sends nothing.
//! "Keep paging those paged now" (Alt+K) adds the targets instead of replacing them.
//!
//! The dialog only asks: rerouteRequested() hands the choice to whoever acts on it
//! (QuickActions), once, and the dialog closes.
class QuickRerouteDialog : public QDialog {
    Q_OBJECT
public:
    //! The directory is not owned and must outlive the dialog. `description` names the incident
    //! for people (the server's text; empty: none).
    QuickRerouteDialog(OrgDirectory* directory, const QStringList& incidentNumbers,
        const QString& description = QString(), QWidget* parent = nullptr);

    QStringList incidentNumbers() const { return m_numbers; }
    //! What Enter would send: the ticked targets, else the highlighted one (none: empty).
    QList<IncidentTarget> chosenTargets() const;
    //! Highlights (and, with `tick`, ticks) a user or policy by slug; false when not listed (yet).
    bool select(const IncidentTarget& target, bool tick = false);
    //! True once both lists answered (loaded or failed).
    bool isLoaded() const { return m_usersDone && m_policiesDone; }

    QLineEdit* searchEdit() const { return m_search; }
    QListWidget* list() const { return m_list; }
    QCheckBox* keepBox() const { return m_keep; }
    //! Loading, a list that failed to load, or what is missing for Enter.
    QLabel* stateLabel() const { return m_state; }

Q_SIGNALS:
    //! The user chose `targets` (never empty) for `incidentNumbers`. Emitted at most once.
    void rerouteRequested(const QStringList& incidentNumbers,
        const QList<rota::IncidentTarget>& targets, bool addTargets);
    //! Both lists answered.
    void loaded();

public Q_SLOTS:
    //! Reroutes and closes when a target is chosen; else says what is missing and stays open.
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fill();
    void applyFilter();
    void showState();
    void fitHeight();
    //! The first or next visible target row from `from` in `step` direction; -1 when none.
    int nextTarget(int from, int step) const;
    void setCurrentRow(int row);
    static IncidentTarget targetOf(const QListWidgetItem* item);

    OrgDirectory* m_directory;
    QStringList m_numbers;
    QLineEdit* m_search;
    QListWidget* m_list;
    QCheckBox* m_keep;
    QLabel* m_state;
    QListWidgetItem* m_usersHeading = nullptr;
    QListWidgetItem* m_policiesHeading = nullptr;
    QStringList m_errors;
    bool m_usersDone = false;
    bool m_policiesDone = false;
    bool m_sent = false;
};

} // namespace rota
