#pragma once

#include "pagingpolicymodel.h"

#include <QDialog>

class QPushButton;
class QTextBrowser;

namespace rota {

//! Someone changed the paging policy since it was loaded: the server's version and the user's
//! edits side by side, with "Keep mine" (save the edits over it) and "Take theirs" (drop the
//! edits). Closing it (Esc) chooses neither: nothing is saved and the edits stay.
class PagingPolicyConflictDialog : public QDialog {
    Q_OBJECT
public:
    PagingPolicyConflictDialog(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine,
        const PagingPolicyModel* labels, QWidget* parent = nullptr);

    QPushButton* keepMineButton() const { return m_keepMine; }
    QPushButton* takeTheirsButton() const { return m_takeTheirs; }

    //! The steps as HTML, each with its rules; the steps that differ from `other` are marked.
    static QString describe(const QList<PolicyStep>& steps, const QList<PolicyStep>& other,
        const PagingPolicyModel* labels);

Q_SIGNALS:
    void keepMine();
    void takeTheirs();

private:
    QPushButton* m_keepMine;
    QPushButton* m_takeTheirs;
};

} // namespace rota
