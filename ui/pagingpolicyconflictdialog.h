// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "pagingpolicymodel.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace rota {

//! The paging policy on the server is not the one the user's edits were made on: what differs,
//! in words (a list of differences) and side by side (the server's version and the user's, step by
//! step, with the steps and rules that differ marked and identical steps folded to one line), and
//! two choices whose buttons say what they do: "Keep mine" and "Take theirs". Closing it (Esc)
//! chooses neither: nothing is saved and the edits stay.
//!
//! Saving (a save found the change): "Keep mine" saves the edits over the server's version.
//! Reviewing (a re-read found it; nothing is being saved): "Keep mine" keeps the edits, and the
//! next save writes them over the server's version without asking again.
class PagingPolicyConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Saving, Reviewing };
    Q_ENUM(Mode)
    //! Which column a description is for (its words and colours for what only it has).
    enum class Side { Server, Mine };

    PagingPolicyConflictDialog(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine,
        const PagingPolicyModel* labels, QWidget* parent = nullptr, Mode mode = Mode::Saving);

    Mode mode() const { return m_mode; }
    QPushButton* keepMineButton() const { return m_keepMine; }
    QPushButton* takeTheirsButton() const { return m_takeTheirs; }
    //! The differences as listed at the top of the dialog.
    const QStringList& differences() const { return m_differences; }
    QTextBrowser* serverView() const { return m_server; }
    QTextBrowser* mineView() const { return m_mine; }

    //! What differs between the server's steps and the user's, one sentence per difference, e.g.
    //! "Step 1: waits 5 minutes on the server, 45 minutes in your edits." or "Step 2: SMS · Mobile
    //! only in your edits." Empty when they are the same.
    static QStringList compare(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine,
        const PagingPolicyModel* labels);
    //! The steps as HTML, each with its rules; what differs from `other` (a step's wait, a rule
    //! the other has not, a step the other has not) is marked, and a step the same on both sides is
    //! one folded line. `side` says whose steps these are.
    static QString describe(const QList<PolicyStep>& steps, const QList<PolicyStep>& other,
        const PagingPolicyModel* labels, Side side = Side::Mine);

Q_SIGNALS:
    void keepMine();
    void takeTheirs();

private:
    Mode m_mode;
    QStringList m_differences;
    QTextBrowser* m_server;
    QTextBrowser* m_mine;
    QPushButton* m_keepMine;
    QPushButton* m_takeTheirs;
};

} // namespace rota
