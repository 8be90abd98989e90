// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "people.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QGroupBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace rota {

class OrgDirectory;
class PagingPolicyModel;
class PersonDetails;
class PolicyStepCanvas;

//! The Users view's detail of one user: avatar, name, username, e-mail and whether they accepted
//! the invitation (from the user list, shown at once); their contact methods as tel:/mailto: links
//! with a copy button each, their teams, the escalation policies that can page them, whether they
//! are on call now and their next shifts (from PersonDetails, as it reads them); and their
//! personal paging policy, drawn read-only with the editor's canvas (given by the view, which
//! reads it). Edit…, Remove… and Page… ask the view.
class UserDetailPane : public QWidget {
    Q_OBJECT
public:
    //! Nothing is owned; both must outlive the pane. `people` may be nullptr (then only the user
    //! list's part is shown).
    UserDetailPane(PersonDetails* people, OrgDirectory* directory, QWidget* parent = nullptr);
    ~UserDetailPane() override;

    //! Shows `user` (under the name every view gives them) with what PersonDetails already knows;
    //! reads nothing (the view asks once the selection rests). A different user drops the paging
    //! policy shown.
    void setUser(const User& user, const QString& shownName);
    //! Shows "choose a user".
    void clear();
    QString username() const { return m_user.username; }

    //! The paging policy of the user shown (`username` must be theirs, else it is ignored).
    void showPagingPolicy(const QString& username, const PersonalPagingPolicy& policy);
    //! While it is read, or why it could not be (`message` in words).
    void showPagingPolicyLoading(const QString& username);
    void showPagingPolicyError(const QString& username, const QString& message);
    //! The username whose policy the canvas shows; empty while none is.
    QString pagingPolicyShown() const { return m_policyShown; }

    //! Disables Edit… and Remove… with `reason` (empty enables them).
    void setWriteBlocked(const QString& reason);

    PolicyStepCanvas* policyCanvas() const { return m_canvas; }
    PagingPolicyModel* policyModel() const { return m_policyModel; }

Q_SIGNALS:
    void editRequested(const QString& username);
    void removeRequested(const QString& username);
    void pageRequested(const QString& username);

private:
    void refreshDetails();
    void fillContacts(const ContactMethods& contacts);
    QWidget* contactRow(const ContactMethod& method, const QString& scheme);

    QPointer<PersonDetails> m_people;
    QPointer<OrgDirectory> m_directory;
    User m_user;
    QString m_shownName;

    QHBoxLayout* m_headerLayout;
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_subtitle;
    QLabel* m_status;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_page;
    QLabel* m_empty;
    QScrollArea* m_scroll;
    QWidget* m_body;
    QLabel* m_loading;
    QLabel* m_error;
    QGroupBox* m_contactsBox;
    QVBoxLayout* m_contactsLayout;
    QLabel* m_teams;
    QLabel* m_policies;
    QLabel* m_onCall;
    QLabel* m_shifts;
    QLabel* m_policyNote;
    PagingPolicyModel* m_policyModel;
    PolicyStepCanvas* m_canvas;
    QString m_policyShown;
};

} // namespace rota
