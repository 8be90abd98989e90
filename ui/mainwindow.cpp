// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "mainwindow.h"

#include "connectionindicator.h"
#include "lazypage.h"
#include "mainview.h"
#include "navigationlist.h"
#include "placeholderpage.h"
#include "rotaresources.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>

namespace rota {

namespace {

// The pages ask for no more width than their minimum, so that the navigation beside them keeps
// its titles while the window has room for them and gives way (down to its icons) only when the
// window is narrower than the titles and the widest page's minimum together.
class PageStack : public QStackedWidget {
public:
    using QStackedWidget::QStackedWidget;

    QSize sizeHint() const override
    {
        return QSize(minimumSizeHint().width(), QStackedWidget::sizeHint().height());
    }
};

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_navigation(new NavigationList(this))
    , m_pages(new PageStack(this))
    , m_connection(new ConnectionIndicator(this))
    , m_viewActions(new QActionGroup(this))
    , m_banners(new QVBoxLayout)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Rota"));

    for (const MainView& view : MainView::all()) {
        m_navigation->addView(view);
        auto* placeholder = new PlaceholderPage(view, m_pages);
        m_pageAt.append(placeholder);
        m_pages->addWidget(placeholder);
    }

    auto* separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    m_banners->setContentsMargins(0, 0, 0, 0);
    m_banners->setSpacing(0);
    right->addLayout(m_banners);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    statusBar()->addWidget(m_connection, 1);
    createMenus();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onViewSelected);
    // F5 refreshes the view shown also while the navigation has the focus (right after choosing
    // the view): it triggers the page's own refresh, the one its F5 triggers inside it.
    auto* refresh = new QAction(tr("Refresh"), m_navigation);
    refresh->setShortcuts(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetShortcut);
    m_navigation->addAction(refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshCurrentPage);
    m_navigation->setCurrentRow(0);
    m_navigation->setFocus();

    QSize size(1200, 760);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize());
    resize(size);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    // Asks the application to quit; the application decides (Rota's QuitController), so that
    // every way of quitting takes one path.
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // Only a fresh press quits. The key repeat of a Ctrl+Q held down (or left held by a tool that
    // pressed it in another window, which then went away) would otherwise quit a window the
    // moment it takes the focus, as a Rota that was just started. (Qt misses most repeats on X11;
    // Rota's ShortcutRepeatFilter catches the rest.)
    quit->setAutoRepeat(false);
    m_quitAction = quit;

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QList<MainView>& views = MainView::all();
    for (int index = 0; index < views.size(); ++index) {
        // A lone '&' in a menu marks a mnemonic ("Schedules & overrides").
        QString text = views.at(index).title;
        QAction* action = view->addAction(text.replace(QLatin1Char('&'), QLatin1String("&&")));
        action->setCheckable(true);
        action->setStatusTip(views.at(index).summary);
        if (index < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        m_viewActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, index] { setCurrentView(index); });
    }

    // Opens the Account menu from the keyboard; its accounts are numbered for a second key.
    m_switchAccount = new QAction(tr("Switch Account"), this);
    m_switchAccount->setObjectName(QStringLiteral("switchAccountAction"));
    m_switchAccount->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_switchAccount->setEnabled(false);
    addAction(m_switchAccount);
    connect(m_switchAccount, &QAction::triggered, this, [this] {
        if (m_accountMenu)
            menuBar()->setActiveAction(m_accountMenu->menuAction());
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    QAction* about = help->addAction(tr("&About Rota"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setConnectionStatus(ConnectionStatus* status) { m_connection->setStatus(status); }

void MainWindow::setOrganisation(const QString& name)
{
    setWindowTitle(name.isEmpty() ? tr("Rota") : tr("Rota — %1").arg(name));
}

void MainWindow::setAccountMenu(QMenu* menu)
{
    if (m_accountMenu)
        menuBar()->removeAction(m_accountMenu->menuAction());
    m_accountMenu = menu;
    if (menu)
        menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    m_switchAccount->setEnabled(menu != nullptr);
}

int MainWindow::currentView() const { return m_navigation->currentRow(); }

void MainWindow::setCurrentView(int index)
{
    if (index >= 0 && index < m_navigation->count())
        m_navigation->setCurrentRow(index);
}

int MainWindow::viewIndex(const QString& slug)
{
    const QList<MainView>& views = MainView::all();
    for (int index = 0; index < views.size(); ++index) {
        if (views.at(index).slug == slug)
            return index;
    }
    return -1;
}

void MainWindow::showView(const QString& slug) { setCurrentView(viewIndex(slug)); }

void MainWindow::setPage(const QString& slug, QWidget* page)
{
    const int index = viewIndex(slug);
    Q_ASSERT_X(index >= 0, "MainWindow::setPage", "unknown view");
    if (index < 0 || !page)
        return;
    // Pages deleted just before (the previous session's, when accounts switch in one go) have
    // left the stack: their placeholders go back first, so that the stack's positions are the
    // views' again.
    restorePlaceholders();
    QWidget* old = m_pages->widget(index);
    const bool current = m_pages->currentIndex() == index;
    m_pageAt[index] = page;
    m_pages->insertWidget(index, page);
    if (current)
        m_pages->setCurrentIndex(index);
    m_pages->removeWidget(old);
    old->disconnect(this);
    old->deleteLater();
    // Once a deleted page has left the stack, a placeholder takes its place again.
    connect(
        page, &QObject::destroyed, this, &MainWindow::restorePlaceholders, Qt::QueuedConnection);
}

void MainWindow::restorePlaceholders()
{
    const QList<MainView>& views = MainView::all();
    const int current = m_navigation->currentRow();
    for (int index = 0; index < views.size(); ++index) {
        if (m_pageAt.at(index))
            continue;
        auto* placeholder = new PlaceholderPage(views.at(index), m_pages);
        m_pageAt[index] = placeholder;
        m_pages->insertWidget(index, placeholder);
    }
    if (current >= 0)
        m_pages->setCurrentIndex(current);
}

QWidget* MainWindow::page(const QString& slug) const
{
    const int index = viewIndex(slug);
    QWidget* page = index < 0 ? nullptr : m_pageAt.at(index).data();
    // A page made when first shown is made now: whoever asks for it means to use it.
    if (auto* lazy = qobject_cast<LazyPage*>(page))
        return lazy->content();
    return page;
}

void MainWindow::setBadge(const QString& slug, const QString& text, bool urgent)
{
    m_navigation->setBadge(viewIndex(slug), text, urgent);
}

QString MainWindow::badge(const QString& slug) const
{
    return m_navigation->badge(viewIndex(slug));
}

void MainWindow::addBanner(QWidget* banner)
{
    banner->setParent(centralWidget());
    m_banners->addWidget(banner);
}

void MainWindow::setCloseToTray(bool enabled) { m_closeToTray = enabled; }

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_closeToTray) {
        event->ignore();
        hide();
        Q_EMIT closedToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::refreshCurrentPage()
{
    QWidget* page = m_pages->currentWidget();
    if (!page)
        return;
    const QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Refresh);
    for (QAction* action : page->findChildren<QAction*>()) {
        for (const QKeySequence& key : action->shortcuts()) {
            if (keys.contains(key) && action->isEnabled()) {
                action->trigger();
                return;
            }
        }
    }
}

void MainWindow::onViewSelected(int index)
{
    if (index < 0)
        return;
    m_pages->setCurrentIndex(index);
    const QList<QAction*> actions = m_viewActions->actions();
    if (index < actions.size())
        actions.at(index)->setChecked(true);
    Q_EMIT currentViewChanged(index);
}

void MainWindow::showAbout()
{
    // The notice the GPL asks of an interactive program: the copyright, that there is no
    // warranty, and where the licence is (the link opens in the browser; Debian also installs
    // the text as /usr/share/common-licenses/GPL-3).
    QMessageBox::about(this, tr("About Rota"),
        tr("<h3>Rota %1</h3>"
           "<p>A desktop on-call console for Splunk On-Call (VictorOps): incidents, on-call, "
           "schedules and overrides, paging policies, teams, users, reports and maintenance "
           "mode.</p>"
           "<p>Copyright © 2026 The Rota developers</p>"
           "<p>Rota is free software: you can redistribute it and/or modify it under the terms "
           "of the <a href=\"%3\">GNU General Public License</a> as published by the Free "
           "Software Foundation, either version 3 of the License, or (at your option) any later "
           "version.</p>"
           "<p>Rota comes with ABSOLUTELY NO WARRANTY, to the extent permitted by law.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html")));
}

} // namespace rota
