// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;
class QTimer;

namespace rota {

class ConnectionStatus;
class DemoOrg;
class MainWindow;

//! A picture of something beyond a plain view: a dialog, a menu, a view in a particular state.
struct ScreenshotScene {
    QString name; //!< file name without ".png"
    //! Sets the scene up and returns the widget to picture; calls `ready` once it shows what the
    //! picture should show (or the screenshotter gives up waiting after 10 s). A returned widget
    //! other than the main window is closed and deleted after the picture.
    std::function<QWidget*(std::function<void()> ready)> stage;
};

//! `rota --screenshot DIR`: once the connection is online (or after a timeout), shows each main
//! view in turn and saves a picture of the whole window to DIR/<view slug>.png, the first view also
//! as DIR/main-window.png. With a demo session it then also shows the sign-in dialog (its
//! connection tested against the demo's simulator) and the settings dialog, as signin.png and
//! settings.png; they work on throw-away stores, so nothing is saved. Last, the dark pass: the
//! Fusion style with a dark palette (look::darkPalette(), what a dark desktop gives), each main
//! view again into DIR/dark/<view slug>.png. Then emits finished().
class Screenshotter : public QObject {
    Q_OBJECT
public:
    //! `status` may be nullptr (not signed in): then only the timeout starts the pictures.
    Screenshotter(MainWindow* window, ConnectionStatus* status, const QString& directory,
        QObject* parent = nullptr);

    ~Screenshotter() override;

    //! Also pictures the dialogs, signing in to `demo`'s simulator (not owned; may be nullptr).
    void setDemo(DemoOrg* demo) { m_demo = demo; }
    //! Pictured after the views, in order, before the dialogs.
    void addScenes(const QList<ScreenshotScene>& scenes);

    void start(int timeoutMs = 5000);

    //! The files written so far.
    const QStringList& written() const { return m_written; }

Q_SIGNALS:
    //! ok is false when a picture could not be saved.
    void finished(bool ok);

private:
    void begin();
    void shootNext();

    QPointer<MainWindow> m_window;
    QPointer<ConnectionStatus> m_status;
    QString m_directory;
    QTimer* m_timeout;
    struct Shot {
        QString name; //!< file name without ".png"
        int view = -1; //!< index into MainView::all(), or -1 for a scene
        std::function<QWidget*(std::function<void()> ready)> dialog;
        bool dark = false; //!< of the dark pass
    };
    void turnDark();
    void shootDialog(const Shot& shot);
    void save(QWidget* widget, const QString& name);
    QWidget* openSignIn(std::function<void()> ready);
    QWidget* openSettings(std::function<void()> ready);

    DemoOrg* m_demo = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch; //!< throw-away settings for the dialogs
    QNetworkAccessManager* m_network = nullptr;
    QList<Shot> m_pending; //!< in order
    QList<ScreenshotScene> m_scenes;
    QStringList m_written;
    bool m_started = false;
    bool m_ok = true;
    bool m_dark = false; //!< the dark pass has begun
};

} // namespace rota
