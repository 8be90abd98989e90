// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The floor for Rota's start and memory: the least a Qt Widgets program showing a table does. A
// QApplication and a QMainWindow whose central widget is a QTableView over a QStandardItemModel of
// `--rows N` rows of 8 short strings (default 20), nothing else: no menus, no resources, no
// network. bench_coldstart runs it beside `rota --demo` to say how far Rota is from the floor.
//
// It speaks Rota's startup probe (app/startupprobe.h): with ROTA_STARTUP_PROBE set it prints, once
// the window's first expose has been handled (the first frame painted),
//
//     rota-startup-probe: shown_ms=… main_ms=… monotonic_ns=… hwm_kib=… rss_kib=… cpu_ms=…
//         thread_cpu_ms=…
//
// to stderr and quits. With --stay it keeps running instead (for memory measured over a session)
// and prints `rss_kib=N hwm_kib=N` (VmRSS, VmHWM) to stdout after the first frame, and again when
// it is asked to stop (SIGTERM, SIGINT, or the window closed), then exits.
//
// Usage: floor_window [--rows N] [--stay]
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QSocketNotifier>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 monotonicNs() { return clockNs(CLOCK_MONOTONIC); }

// As rota's probe: the time at static initialisation, after the dynamic libraries were loaded.
const qint64 staticInitNs = monotonicNs();

// When the kernel started this process, on CLOCK_BOOTTIME's scale, in ns; -1 when unknown.
qint64 processStartNs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (fields.size() < 20 || ticksPerSecond <= 0)
        return -1;
    return fields.at(19).toLongLong() * (1000000000 / ticksPerSecond);
}

struct Memory {
    long long rssKib = -1;
    long long hwmKib = -1;
};

Memory memory()
{
    Memory result;
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const auto value = [&line](const char* key) {
            QByteArray rest = line.mid(qstrlen(key)).trimmed();
            if (rest.endsWith(" kB"))
                rest.chop(3);
            return rest.trimmed().toLongLong();
        };
        if (line.startsWith("VmRSS:"))
            result.rssKib = value("VmRSS:");
        else if (line.startsWith("VmHWM:"))
            result.hwmKib = value("VmHWM:");
    }
    return result;
}

void printMemory()
{
    const Memory now = memory();
    std::printf("rss_kib=%lld hwm_kib=%lld\n", now.rssKib, now.hwmKib);
    std::fflush(stdout);
}

// SIGTERM and SIGINT reach the event loop through a pipe.
int signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = write(signalPipe[1], &byte, 1);
}

//! Watches the window's first expose, as rota's StartupProbe does.
class FirstFrame : public QObject {
public:
    FirstFrame(QWidget* window, bool probe, bool stay)
        : m_window(window)
        , m_probe(probe)
        , m_stay(stay)
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Expose && m_window->windowHandle() == watched
            && m_window->windowHandle()->isExposed()) {
            m_seen = true;
            QCoreApplication::instance()->removeEventFilter(this);
            QMetaObject::invokeMethod(this, &FirstFrame::report, Qt::QueuedConnection);
        }
        return false;
    }

private:
    void report()
    {
        const qint64 now = monotonicNs();
        if (m_probe) {
            timespec boot {};
            clock_gettime(CLOCK_BOOTTIME, &boot);
            const qint64 bootNow = static_cast<qint64>(boot.tv_sec) * 1000000000 + boot.tv_nsec;
            const qint64 started = processStartNs();
            const Memory at = memory();
            std::fprintf(stderr,
                "rota-startup-probe: shown_ms=%.1f main_ms=%.1f monotonic_ns=%lld hwm_kib=%lld "
                "rss_kib=%lld cpu_ms=%.1f thread_cpu_ms=%.1f\n",
                started >= 0 ? static_cast<double>(bootNow - started) / 1e6 : -1.0,
                static_cast<double>(now - staticInitNs) / 1e6, static_cast<long long>(now),
                at.hwmKib, at.rssKib, static_cast<double>(clockNs(CLOCK_PROCESS_CPUTIME_ID)) / 1e6,
                static_cast<double>(clockNs(CLOCK_THREAD_CPUTIME_ID)) / 1e6);
            std::fflush(stderr);
        }
        if (m_stay)
            printMemory();
        else if (m_probe)
            QCoreApplication::exit(0);
    }

    QWidget* m_window;
    bool m_probe;
    bool m_stay;
    bool m_seen = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    int rows = 20;
    bool stay = false;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rows") && i + 1 < args.size()) {
            rows = std::max(0, args.at(++i).toInt());
        } else if (args.at(i) == QLatin1String("--stay")) {
            stay = true;
        } else {
            std::fprintf(stderr, "usage: floor_window [--rows N] [--stay]\n");
            return 2;
        }
    }
    const QByteArray probeValue = qgetenv("ROTA_STARTUP_PROBE");
    const bool probe = !probeValue.isEmpty() && probeValue != "0";

    if (stay) {
        if (pipe2(signalPipe, O_CLOEXEC) != 0)
            return 1;
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
        auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(
            notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    }

    // Eight columns of strings of the length of an incident's fields.
    constexpr int columns = 8;
    QStandardItemModel model(rows, columns);
    model.setHorizontalHeaderLabels({ QStringLiteral("Number"), QStringLiteral("Status"),
        QStringLiteral("Service"), QStringLiteral("Summary"), QStringLiteral("Paged"),
        QStringLiteral("Team"), QStringLiteral("Started"), QStringLiteral("Policy") });
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column)
            model.setItem(row, column,
                new QStandardItem(QStringLiteral("row %1 column %2").arg(row).arg(column)));
    }

    QMainWindow window;
    auto* table = new QTableView(&window);
    table->setModel(&model);
    table->horizontalHeader()->setStretchLastSection(true);
    window.setCentralWidget(table);
    window.setWindowTitle(QStringLiteral("floor"));
    window.resize(1200, 760); // as Rota's main window
    FirstFrame firstFrame(&window, probe, stay);
    window.show();
    const int code = app.exec();
    if (stay)
        printMemory();
    return code;
}
