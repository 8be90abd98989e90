#include "screenshotter.h"

#include "applog.h"
#include "connectionstatus.h"
#include "mainview.h"
#include "mainwindow.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace rota {

// Time for a view that was just selected to lay itself out and paint before it is grabbed.
static constexpr int SettleMs = 250;

Screenshotter::Screenshotter(
    MainWindow* window, ConnectionStatus* status, const QString& directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_status(status)
    , m_directory(directory)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &Screenshotter::begin);
}

void Screenshotter::start(int timeoutMs)
{
    if (m_status) {
        const auto beginWhenOnline = [this] {
            if (m_status->state() == ConnectionStatus::State::Online)
                QTimer::singleShot(SettleMs, this, &Screenshotter::begin);
        };
        connect(m_status, &ConnectionStatus::changed, this, beginWhenOnline);
        beginWhenOnline();
    }
    m_timeout->start(timeoutMs);
}

void Screenshotter::begin()
{
    if (m_started)
        return;
    m_started = true;
    m_timeout->stop();
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcApp, "cannot create %s", qPrintable(m_directory));
        Q_EMIT finished(false);
        return;
    }
    const QList<MainView>& views = MainView::all();
    m_pending.append({ QStringLiteral("main-window"), 0 });
    for (int index = 0; index < views.size(); ++index)
        m_pending.append({ views.at(index).slug, index });
    shootNext();
}

// One view per turn of the event loop, so that each is selected, laid out and painted before
// grab() takes its picture.
void Screenshotter::shootNext()
{
    if (!m_window) {
        Q_EMIT finished(false);
        return;
    }
    if (m_pending.isEmpty()) {
        Q_EMIT finished(m_ok);
        return;
    }
    const Shot shot = m_pending.takeFirst();
    m_window->setCurrentView(shot.view);
    QTimer::singleShot(SettleMs, this, [this, name = shot.name] {
        if (!m_window) {
            Q_EMIT finished(false);
            return;
        }
        const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
        if (m_window->grab().save(file)) {
            m_written << file;
        } else {
            qCWarning(lcApp, "cannot write %s", qPrintable(file));
            m_ok = false;
        }
        shootNext();
    });
}

} // namespace rota
