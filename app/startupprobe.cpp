#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace rota {

namespace {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// As early as this program can take the time: static initialisation, before main().
const qint64 staticInitNs = monotonicNs();

// When the kernel started this process, on CLOCK_BOOTTIME's scale, in ns; -1 when unknown.
qint64 processStartNs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name is in parentheses and may contain spaces: count fields after its end.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // Field 22 of the whole line (starttime) is the 20th after the name.
    if (fields.size() < 20)
        return -1;
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (ticksPerSecond <= 0)
        return -1;
    return fields.at(19).toLongLong() * (1000000000 / ticksPerSecond);
}

} // namespace

void StartupProbe::installIfRequested(QWidget* window)
{
    const QByteArray value = qgetenv("ROTA_STARTUP_PROBE");
    if (value.isEmpty() || value == "0")
        return;
    new StartupProbe(window);
}

StartupProbe::StartupProbe(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    // The expose goes to the window's QWindow, which exists only once it is shown: watch them all.
    QCoreApplication::instance()->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_reported && event->type() == QEvent::Expose && m_window->windowHandle() == watched
        && m_window->windowHandle()->isExposed()) {
        m_reported = true;
        // Report once this expose has been handled, i.e. the first frame painted.
        QMetaObject::invokeMethod(this, &StartupProbe::report, Qt::QueuedConnection);
    }
    return false;
}

void StartupProbe::report()
{
    const qint64 now = monotonicNs();
    timespec boot {};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const qint64 bootNow = static_cast<qint64>(boot.tv_sec) * 1000000000 + boot.tv_nsec;
    const qint64 started = processStartNs();
    const double shownMs = started >= 0 ? static_cast<double>(bootNow - started) / 1e6 : -1.0;
    std::fprintf(stderr, "rota-startup-probe: shown_ms=%.1f main_ms=%.1f monotonic_ns=%lld\n",
        shownMs, static_cast<double>(now - staticInitNs) / 1e6, static_cast<long long>(now));
    std::fflush(stderr);
    QCoreApplication::exit(0);
}

} // namespace rota
