// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QList>
#include <QMenu>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace rota {

class OnCallController;
class OnCallModel;
class PersonDetails;

//! The page of the "oncall" view: at the top, one line per policy the signed-in user is on call
//! for (until when) and the next shift of each other policy (OnCallModel::summaryLines); below,
//! who is on call now, team → escalation policy → people, the user's row in bold with a "you"
//! tag, and a search box. "Export my shifts…" writes the user's shifts of the next weeks as an
//! iCalendar file. "Take on-call" takes the selected policy from the
//! selected person (or from whoever is on call, asking whom when there are several); "Hand back"
//! gives a policy the user stands in for back to the person replaced. F5 refreshes: the status line
//! says "Refreshing…" and Refresh waits until the answer is in. A failed read is said once, in
//! words (the technical detail in its tooltip), until a later read succeeds; with a read-only key
//! both actions are disabled and say why.
class OnCallView : public QWidget {
    Q_OBJECT
public:
    //! Nothing owned; both must outlive the view.
    OnCallView(OnCallModel* model, OnCallController* controller, QWidget* parent = nullptr);

    //! Where the people's hover cards come from (the session's; not owned): hovering a person, or
    //! Ctrl+I on their row, shows their card.
    void setPeople(PersonDetails* people);

    //! Selects the row of a policy (or, with `username`, of a person on call for it).
    bool select(const QString& policySlug, const QString& username = {});
    //! The policy of the current row; empty for a team or no selection.
    QString currentPolicy() const;

    //! The people "Take on-call" would offer to replace for the current row.
    QStringList takeCandidates() const;
    //! The menu asking whom to replace, while it is open (for tests); nullptr otherwise.
    QMenu* takeMenu() const { return m_takeMenu; }

    //! Take on-call for the current policy (see the class comment).
    void takeOnCall();
    //! Hand the current policy back to the person the user stands in for.
    void handBack();

    //! Writes the user's shifts of the next `weeks` weeks (1..MaxExportWeeks) to `path` as an
    //! iCalendar file; false with *error in words when it could not. *count: shifts written.
    bool exportShifts(const QString& path, int weeks, QString* error, int* count = nullptr);
    //! The schedule call reads 30 days ahead: four whole weeks.
    static constexpr int MaxExportWeeks = 4;
    //! Asks how many weeks and where, then exports (the button's action).
    void exportShiftsAsked();

    //! Whom "Page…" pages for the current row: the person, the policy, or a team's policies.
    QList<IncidentTarget> pageTargets() const;
    //! Asks to page pageTargets() (nothing happens when there are none).
    void page();

Q_SIGNALS:
    //! The user chose "Page…": open an incident aimed at `targets`.
    void pageRequested(const QList<rota::IncidentTarget>& targets);

private:
    void updateActions();
    void showContextMenu(const QPoint& pos);
    void showReadState();
    void showMessage(const QString& text, bool error);
    void expandFrom(const QModelIndex& parent, int first, int last);
    QModelIndex currentSource() const;
    bool isMe(const QString& username) const;

    OnCallModel* m_model;
    OnCallController* m_controller;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_summary;
    QLineEdit* m_search;
    QPushButton* m_refresh;
    QPushButton* m_take;
    QPushButton* m_handBack;
    QPushButton* m_page;
    QPushButton* m_export;
    QProgressBar* m_progress;
    QLabel* m_readOnly;
    QLabel* m_readError;
    QLabel* m_message;
    QTreeView* m_tree;
    QLabel* m_status;
    QPointer<QMenu> m_takeMenu;
};

} // namespace rota
