#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;

namespace rota {

class ConnectionStatus;
class MainWindow;

//! `rota --screenshot DIR`: once the connection is online (or after a timeout), shows each main
//! view in turn and saves a picture of the whole window to DIR/<view slug>.png, the first view also
//! as DIR/main-window.png. Then emits finished().
class Screenshotter : public QObject {
    Q_OBJECT
public:
    //! `status` may be nullptr (not signed in): then only the timeout starts the pictures.
    Screenshotter(MainWindow* window, ConnectionStatus* status, const QString& directory,
        QObject* parent = nullptr);

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
        int view; //!< index into MainView::all()
    };
    QList<Shot> m_pending; //!< in order
    QStringList m_written;
    bool m_started = false;
    bool m_ok = true;
};

} // namespace rota
