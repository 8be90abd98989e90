// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QMenu;
class QStackedWidget;
class QVBoxLayout;

namespace rota {

class ConnectionIndicator;
class ConnectionStatus;
class NavigationList;

//! Rota's main window: the views (MainView::all()) in a navigation list and a stack of pages, the
//! menus, and the connection state in the status bar. It knows nothing of accounts or the tray.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    //! Shows `status` (not owned) in the status bar; nullptr means not signed in.
    void setConnectionStatus(ConnectionStatus* status);
    //! Names the organisation (or "Demo") in the window title: "Rota — <name>".
    void setOrganisation(const QString& name);

    //! Puts `menu` (not owned; nullptr removes it) before Help as the Account menu;
    //! Ctrl+Shift+A opens it.
    void setAccountMenu(QMenu* menu);

    //! Index into MainView::all().
    int currentView() const;
    void setCurrentView(int index);
    //! Index into MainView::all() of the view `slug`, -1 when there is none.
    static int viewIndex(const QString& slug);
    //! Selects the view `slug` (see MainView::slug).
    void showView(const QString& slug);

    //! Shows `page` for the view `slug` instead of its placeholder (or the page set before, which
    //! is deleted). The window takes ownership; when the page is deleted the placeholder returns.
    void setPage(const QString& slug, QWidget* page);
    //! The page shown for `slug`: a view's page or its placeholder. For a page made when first
    //! shown (LazyPage), its content, made now if it was not yet.
    QWidget* page(const QString& slug) const;

    //! A short text beside the view's title in the navigation, e.g. an incident count; empty
    //! removes it. `urgent` draws it in the alert colour.
    void setBadge(const QString& slug, const QString& text, bool urgent = false);
    QString badge(const QString& slug) const;

    //! Adds `banner` (ownership taken) across the top of the window, above the pages; e.g. the
    //! maintenance-mode banner. Hide or delete it to take it away.
    void addBanner(QWidget* banner);

    //! When enabled, closing the window hides it instead (the app goes on in the tray) and emits
    //! closedToTray(). File > Quit (Ctrl+Q, not repeated while held) asks the application to quit
    //! (QCoreApplication::quit()); it quits when the application handles that request, as Rota's
    //! QuitController does, since a quit that asks the windows to close finds this one refusing.
    void setCloseToTray(bool enabled);
    bool closesToTray() const { return m_closeToTray; }
    //! File › Quit.
    QAction* quitAction() const { return m_quitAction; }

Q_SIGNALS:
    void currentViewChanged(int index);
    //! File > Settings… (Ctrl+,).
    void settingsRequested();
    //! The window was closed and hidden because closesToTray().
    void closedToTray();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void onViewSelected(int index);
    void refreshCurrentPage();
    void restorePlaceholders();

    NavigationList* m_navigation;
    QStackedWidget* m_pages;
    QList<QPointer<QWidget>> m_pageAt; //!< per view: its page or placeholder
    ConnectionIndicator* m_connection;
    QActionGroup* m_viewActions;
    QVBoxLayout* m_banners;
    QMenu* m_helpMenu = nullptr;
    bool m_closeToTray = false;
    QPointer<QMenu> m_accountMenu;
    QAction* m_switchAccount = nullptr;
    QAction* m_quitAction = nullptr;
};

} // namespace rota
