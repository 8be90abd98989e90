#pragma once

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QMenu;
class QStackedWidget;

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

Q_SIGNALS:
    void currentViewChanged(int index);
    //! File > Settings… (Ctrl+,).
    void settingsRequested();

private:
    void createMenus();
    void showAbout();
    void onViewSelected(int index);

    NavigationList* m_navigation;
    QStackedWidget* m_pages;
    ConnectionIndicator* m_connection;
    QActionGroup* m_viewActions;
    QMenu* m_helpMenu = nullptr;
    QPointer<QMenu> m_accountMenu;
    QAction* m_switchAccount = nullptr;
};

} // namespace rota
