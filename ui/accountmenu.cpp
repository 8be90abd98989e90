// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "accountmenu.h"

#include "accountstore.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace rota {

static QString menuText(QString name)
{
    return name.replace(QLatin1Char('&'), QLatin1String("&&"));
}

AccountMenu::AccountMenu(AccountStore* accounts, QWidget* parent)
    : QMenu(tr("&Account"), parent)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("accountMenu"));
    connect(m_accounts, &AccountStore::changed, this, &AccountMenu::rebuild);
    connect(m_accounts, &AccountStore::currentChanged, this, &AccountMenu::rebuild);
    rebuild();
}

void AccountMenu::rebuild()
{
    // Later, not now: this may run inside the triggered() of one of these actions (a switch
    // changes the current account, which rebuilds the menu).
    const QList<QAction*> old = actions();
    for (QAction* action : old) {
        removeAction(action);
        if (action->parent() == this)
            action->deleteLater();
    }
    m_accountActions.clear();
    if (m_group)
        m_group->deleteLater();
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);

    const QList<Account> accounts = m_accounts->accounts();
    const QString currentId = m_accounts->currentId();
    for (int index = 0; index < accounts.size(); ++index) {
        const Account& account = accounts.at(index);
        // "&1 Name": the digit picks the account once the menu is open (Ctrl+Shift+A opens it).
        const QString text = index < 9
            ? QStringLiteral("&%1  %2").arg(QString::number(index + 1), menuText(account.name))
            : menuText(account.name);
        QAction* action = QMenu::addAction(text);
        action->setCheckable(true);
        action->setChecked(account.id == currentId);
        action->setData(account.id);
        action->setStatusTip(tr("Switch to %1 (%2 at %3)")
                                 .arg(account.name, account.username, account.baseUrl.host()));
        m_group->addAction(action);
        m_accountActions.append(action);
        connect(action, &QAction::triggered, this, [this, id = account.id] {
            if (id != m_accounts->currentId())
                Q_EMIT switchRequested(id);
        });
    }
    if (accounts.isEmpty()) {
        QAction* none = QMenu::addAction(tr("Not signed in"));
        none->setEnabled(false);
    }
    addSeparator();

    m_add = QMenu::addAction(tr("&Add account…"), this, &AccountMenu::addRequested);
    m_add->setObjectName(QStringLiteral("addAccountAction"));
    m_rename = QMenu::addAction(
        tr("Re&name current account…"), this, [this] { renameAccount(m_accounts->currentId()); });
    m_rename->setObjectName(QStringLiteral("renameAccountAction"));
    m_webApp = QMenu::addAction(
        tr("&Web app organisation…"), this, [this] { editWebAppSlug(m_accounts->currentId()); });
    m_webApp->setObjectName(QStringLiteral("webAppSlugAction"));
    m_webApp->setStatusTip(tr("Where \"Open in Splunk On-Call\" opens incidents"));
    m_remove = QMenu::addAction(
        tr("&Remove current account…"), this, [this] { confirmRemove(m_accounts->currentId()); });
    m_remove->setObjectName(QStringLiteral("removeAccountAction"));
    m_rename->setEnabled(!currentId.isEmpty());
    m_webApp->setEnabled(!currentId.isEmpty());
    m_remove->setEnabled(!currentId.isEmpty());
}

bool AccountMenu::renameAccount(const QString& id)
{
    const std::optional<Account> account = m_accounts->find(id);
    if (!account || account->id != id)
        return false;
    QString name = account->name;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(parentWidget(), tr("Rename Account"),
            tr("New name for \"%1\":").arg(account->name), QLineEdit::Normal, name, &ok);
        if (!ok || name.trimmed() == account->name)
            return false;
        QString error;
        if (m_accounts->rename(id, name, &error))
            return true;
        QMessageBox::warning(parentWidget(), tr("Rename Account"), error);
    }
}

bool AccountMenu::editWebAppSlug(const QString& id)
{
    std::optional<Account> account = m_accounts->find(id);
    if (!account || account->id != id)
        return false;
    bool ok = false;
    const QString text = QInputDialog::getText(parentWidget(), tr("Web App Organisation"),
        tr("The organisation of \"%1\" in the Splunk On-Call web app: the part after /ui/ in "
           "its address (portal.victorops.com/ui/acme-corp/…), or the whole address:")
            .arg(account->name),
        QLineEdit::Normal, account->webAppSlug, &ok);
    if (!ok)
        return false;
    account->webAppSlug = Account::webAppSlugFrom(text);
    QString error;
    if (m_accounts->save(*account, &error))
        return true;
    QMessageBox::warning(parentWidget(), tr("Web App Organisation"), error);
    return false;
}

bool AccountMenu::confirmRemove(const QString& id)
{
    const std::optional<Account> account = m_accounts->find(id);
    if (!account || account->id != id)
        return false;
    QMessageBox box(QMessageBox::Warning, tr("Remove Account"),
        tr("Remove the account \"%1\"?").arg(account->name), QMessageBox::NoButton, parentWidget());
    box.setInformativeText(
        tr("Rota forgets its settings and deletes its API key from the system keychain. The key "
           "itself stays valid in Splunk On-Call; revoke it there if nobody needs it."));
    QPushButton* remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return false;
    Q_EMIT removeRequested(id);
    return true;
}

} // namespace rota
