// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QMenu>

class QActionGroup;

namespace rota {

class AccountStore;

//! The Account menu of the main window: every account, the current one checked (picking another
//! asks to switch), then "Add account…", "Rename…", "Web app organisation…" and "Remove…" for the
//! current account. Rename
//! happens here (it touches only settings); adding, switching and removing are asked of whoever
//! owns the session, because they replace its client and touch the keychain. Removing is confirmed
//! first. Rebuilds itself whenever the store changes.
class AccountMenu : public QMenu {
    Q_OBJECT
public:
    //! `accounts` is not owned.
    explicit AccountMenu(AccountStore* accounts, QWidget* parent = nullptr);

    //! The account actions, in menu order (for tests and the window's shortcuts).
    QList<QAction*> accountActions() const { return m_accountActions; }
    QAction* addAccountAction() const { return m_add; }
    QAction* renameAccountAction() const { return m_rename; }
    QAction* webAppSlugAction() const { return m_webApp; }
    QAction* removeAccountAction() const { return m_remove; }

    //! Asks for a new name for the account and renames it; false when cancelled or refused.
    bool renameAccount(const QString& id);
    //! Asks for the account's organisation in the web app (Account::webAppSlug; a pasted address
    //! will do) and saves it; false when cancelled or refused.
    bool editWebAppSlug(const QString& id);
    //! Asks for confirmation, then emits removeRequested(id); false when the user said no.
    bool confirmRemove(const QString& id);

Q_SIGNALS:
    void switchRequested(const QString& id);
    void addRequested();
    //! The user confirmed: remove the account and its key.
    void removeRequested(const QString& id);

private:
    void rebuild();

    AccountStore* m_accounts;
    QActionGroup* m_group = nullptr;
    QList<QAction*> m_accountActions;
    QAction* m_add = nullptr;
    QAction* m_rename = nullptr;
    QAction* m_webApp = nullptr;
    QAction* m_remove = nullptr;
};

} // namespace rota
