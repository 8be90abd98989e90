// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <ctime>
#include <unistd.h>
#include <vector>

namespace rota {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 monotonicNs() { return clockNs(CLOCK_MONOTONIC); }

// As early as this program can take the time: static initialisation, before main().
const qint64 staticInitNs = monotonicNs();

// ROTA_STARTUP_PROBE: 0 when unset (or 0), else its number (1 when it is not one).
int probeLevel()
{
    static const int level = [] {
        const QByteArray value = qgetenv("ROTA_STARTUP_PROBE");
        if (value.isEmpty() || value == "0")
            return 0;
        bool ok = false;
        const int number = value.toInt(&ok);
        return ok && number > 0 ? number : 1;
    }();
    return level;
}

struct Milestone {
    const char* name;
    qint64 ns;
    qint64 cpuNs; //!< the main thread's CPU time
};

std::vector<Milestone>& milestones()
{
    static std::vector<Milestone> list;
    return list;
}

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

// A line of /proc/self/status in kiB ("VmHWM:" gives the peak resident size); -1 when unknown.
long long statusKib(const QByteArray& status, const char* key)
{
    const qsizetype at = status.indexOf(key);
    if (at < 0)
        return -1;
    const qsizetype end = status.indexOf('\n', at);
    QByteArray value = status.mid(at + qstrlen(key), end < 0 ? -1 : end - at - qstrlen(key));
    value = value.trimmed();
    if (value.endsWith(" kB"))
        value.chop(3);
    return value.trimmed().toLongLong();
}

} // namespace

void StartupProbe::installIfRequested(QWidget* window)
{
    if (probeLevel() == 0)
        return;
    new StartupProbe(window);
}

void StartupProbe::mark(const char* milestone)
{
    if (probeLevel() >= 2)
        milestones().push_back({ milestone, monotonicNs(), clockNs(CLOCK_THREAD_CPUTIME_ID) });
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
        QCoreApplication::instance()->removeEventFilter(this);
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
    QFile statusFile(QStringLiteral("/proc/self/status"));
    const QByteArray status
        = statusFile.open(QIODevice::ReadOnly) ? statusFile.readAll() : QByteArray();
    if (probeLevel() >= 2)
        milestones().push_back({ "first-frame", now, clockNs(CLOCK_THREAD_CPUTIME_ID) });
    qint64 before = staticInitNs;
    qint64 cpuBefore = 0;
    for (const Milestone& milestone : std::as_const(milestones())) {
        std::fprintf(stderr,
            "rota-startup-milestone: name=%s ms=%.2f step_ms=%.2f step_cpu_ms=%.2f\n",
            milestone.name, static_cast<double>(milestone.ns - staticInitNs) / 1e6,
            static_cast<double>(milestone.ns - before) / 1e6,
            static_cast<double>(milestone.cpuNs - cpuBefore) / 1e6);
        before = milestone.ns;
        cpuBefore = milestone.cpuNs;
    }
    std::fprintf(stderr,
        "rota-startup-probe: shown_ms=%.1f main_ms=%.1f monotonic_ns=%lld hwm_kib=%lld "
        "rss_kib=%lld cpu_ms=%.1f thread_cpu_ms=%.1f\n",
        shownMs, static_cast<double>(now - staticInitNs) / 1e6, static_cast<long long>(now),
        statusKib(status, "VmHWM:"), statusKib(status, "VmRSS:"),
        static_cast<double>(clockNs(CLOCK_PROCESS_CPUTIME_ID)) / 1e6,
        static_cast<double>(clockNs(CLOCK_THREAD_CPUTIME_ID)) / 1e6);
    std::fflush(stderr);
    QCoreApplication::exit(0);
}

} // namespace rota
