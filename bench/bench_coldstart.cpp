// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Cold start of `rota --demo` beside a floor: from before the process is started to the first
// frame of its main window, and the peak memory then, for Rota and for bench/floor_window (a bare
// QApplication + QMainWindow + QTableView of 20 rows x 8 strings: the least a Qt Widgets program
// showing a table does). Aim: Rota within 1.5x of the floor, in time and in peak memory.
//
// Both speak the startup probe (app/startupprobe.h): once the first expose has been handled they
// print CLOCK_MONOTONIC and VmHWM (the peak resident size so far) and quit. The two programs are
// run the same number of times, interleaved (rota, floor, rota, floor…) so that a busy moment of
// the machine falls on both, under QT_QPA_PLATFORM=offscreen and, when Xvfb is installed, under a
// private Xvfb (a bare X server: no window manager, no compositor). Each run gets a fresh, empty
// HOME and XDG_RUNTIME_DIR, as on a first start, and no D-Bus session bus. Reports median, min
// and max of each, and the ratio rota/floor of the medians and of the minimums; beside the wall
// time, the CPU time until the first frame (the whole process, and its main thread alone: on a
// busy machine the wall time is mostly waiting for a core).
//
// What is in the time: fork and exec, loading the libraries, static initialisation, main() up to
// the first painted frame. What is not: the demo's first incidents arriving (they come right
// after), and the time the process takes to exit.
//
// --milestones: rota runs with ROTA_STARTUP_PROBE=2 (one line per milestone of its start path)
// and the median time of each step is printed; the probe's bookkeeping is the only difference.
//
// Usage: bench_coldstart [runs] [--rota PATH] [--floor PATH] [--no-xvfb] [--milestones]
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Run {
    double shownMs = -1; //!< launcher's clock: before start() to the first frame
    double mainMs = -1; //!< the program's own: static initialisation to the first frame
    double hwmMib = -1; //!< peak resident size at the first frame
    double cpuMs = -1; //!< CPU time of the whole process until the first frame
    double threadCpuMs = -1; //!< of its main thread
    struct Step {
        QByteArray name;
        double ms;
        double cpuMs; //!< the main thread's CPU time
    };
    QList<Step> steps; //!< --milestones
};

//! The value after `key=` in the probe's line, or -1.
double field(const QByteArray& line, const QByteArray& key)
{
    const qsizetype at = line.indexOf(QByteArray(' ' + key).append('='));
    if (at < 0)
        return -1;
    const qsizetype from = at + key.size() + 2;
    qsizetype to = line.indexOf(' ', from);
    if (to < 0)
        to = line.size();
    return line.mid(from, to - from).trimmed().toDouble();
}

QByteArray textField(const QByteArray& line, const QByteArray& key)
{
    const qsizetype at = line.indexOf(QByteArray(' ' + key).append('='));
    if (at < 0)
        return {};
    const qsizetype from = at + key.size() + 2;
    qsizetype to = line.indexOf(' ', from);
    if (to < 0)
        to = line.size();
    return line.mid(from, to - from);
}

bool runOnce(const QString& program, const QStringList& arguments, const QProcessEnvironment& base,
    Run* run, QString* error)
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    if (!home.isValid() || !runtime.isValid()) {
        *error = QStringLiteral("cannot make a temporary directory");
        return false;
    }
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.path() + QStringLiteral("/.cache"));
    if (!env.contains(QStringLiteral("ROTA_STARTUP_PROBE")))
        env.insert(QStringLiteral("ROTA_STARTUP_PROBE"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 before = monotonicNs();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return false;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        *error = QStringLiteral("%1 did not quit within 60 s").arg(program);
        return false;
    }
    const QByteArray err = process.readAllStandardError();
    const qsizetype at = err.indexOf("rota-startup-probe:");
    if (at < 0) {
        *error = QStringLiteral("%1 printed no probe line (exit code %2): %3")
                     .arg(program, QString::number(process.exitCode()),
                         QString::fromLocal8Bit(err.right(400)));
        return false;
    }
    qsizetype end = err.indexOf('\n', at);
    if (end < 0)
        end = err.size();
    const QByteArray line = err.mid(at, end - at);
    const double shownNs = field(line, "monotonic_ns");
    run->shownMs = (shownNs - static_cast<double>(before)) / 1e6;
    run->mainMs = field(line, "main_ms");
    run->hwmMib = field(line, "hwm_kib") / 1024.0;
    run->cpuMs = field(line, "cpu_ms");
    run->threadCpuMs = field(line, "thread_cpu_ms");
    for (const QByteArray& milestone : err.split('\n')) {
        if (milestone.startsWith("rota-startup-milestone:"))
            run->steps.append({ textField(milestone, "name"), field(milestone, "step_ms"),
                field(milestone, "step_cpu_ms") });
    }
    return true;
}

struct Figures {
    double median = 0;
    double min = 0;
    double max = 0;
};

Figures figures(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return { values[values.size() / 2], values.front(), values.back() };
}

struct Summary {
    Figures shown;
    Figures main;
    Figures hwm;
    Figures cpu;
    Figures threadCpu;
};

Summary summarise(const std::vector<Run>& runs)
{
    std::vector<double> shown;
    std::vector<double> main;
    std::vector<double> hwm;
    std::vector<double> cpu;
    std::vector<double> threadCpu;
    for (const Run& run : runs) {
        shown.push_back(run.shownMs);
        main.push_back(run.mainMs);
        hwm.push_back(run.hwmMib);
        cpu.push_back(run.cpuMs);
        threadCpu.push_back(run.threadCpuMs);
    }
    return { figures(shown), figures(main), figures(hwm), figures(cpu), figures(threadCpu) };
}

void printRow(const char* who, const Summary& s)
{
    std::printf("  %-6s first frame %6.1f ms median (min %6.1f, max %6.1f); after static init "
                "%6.1f ms median (min %6.1f); peak RSS %5.1f MiB median (min %5.1f, max %5.1f)\n",
        who, s.shown.median, s.shown.min, s.shown.max, s.main.median, s.main.min, s.hwm.median,
        s.hwm.min, s.hwm.max);
    std::printf("         CPU until the first frame %6.1f ms median (min %6.1f), of which the main "
                "thread %6.1f ms median (min %6.1f)\n",
        s.cpu.median, s.cpu.min, s.threadCpu.median, s.threadCpu.min);
}

void printMilestones(const std::vector<Run>& runs)
{
    // In the order of the first run; the median of each step over the runs.
    QList<QByteArray> order;
    QMap<QByteArray, std::vector<double>> steps;
    QMap<QByteArray, std::vector<double>> cpu;
    for (const Run& run : runs) {
        for (const Run::Step& step : run.steps) {
            if (!steps.contains(step.name))
                order.append(step.name);
            steps[step.name].push_back(step.ms);
            cpu[step.name].push_back(step.cpuMs);
        }
    }
    if (order.isEmpty())
        return;
    std::printf("  rota's start path, median ms per step (ROTA_STARTUP_PROBE=2); the first from "
                "static initialisation; CPU: the main thread's, the first from its start:\n");
    double total = 0;
    for (const QByteArray& name : std::as_const(order)) {
        const Figures f = figures(steps.value(name));
        const Figures c = figures(cpu.value(name));
        total += f.median;
        std::printf("    %-24s %7.2f  (min %7.2f)  CPU %7.2f (min %7.2f)  sum of medians %7.1f\n",
            name.constData(), f.median, f.min, c.median, c.min, total);
    }
}

struct Programs {
    QString rota;
    QString floor;
    bool milestones = false;
};

bool measure(const char* where, const Programs& programs, const QProcessEnvironment& env, int count)
{
    QProcessEnvironment rotaEnv = env;
    if (programs.milestones)
        rotaEnv.insert(QStringLiteral("ROTA_STARTUP_PROBE"), QStringLiteral("2"));
    std::vector<Run> rota;
    std::vector<Run> floor;
    // One round first that is not counted: the page cache then holds the binaries and Qt.
    for (int i = 0; i <= count; ++i) {
        Run rotaRun;
        Run floorRun;
        QString error;
        if (!runOnce(programs.rota, { QStringLiteral("--demo") }, rotaEnv, &rotaRun, &error)
            || !runOnce(programs.floor, {}, env, &floorRun, &error)) {
            std::fprintf(stderr, "%s: %s\n", where, qPrintable(error));
            return false;
        }
        if (i > 0) {
            rota.push_back(rotaRun);
            floor.push_back(floorRun);
        }
    }
    const Summary r = summarise(rota);
    const Summary f = summarise(floor);
    std::printf("%s, %d runs each, interleaved:\n", where, count);
    printRow("rota", r);
    printRow("floor", f);
    std::printf("  rota/floor: time %.2fx median (%.2fx min), after static init %.2fx median; "
                "peak RSS %.2fx median; CPU %.2fx median, main thread's CPU %.2fx median\n",
        r.shown.median / f.shown.median, r.shown.min / f.shown.min, r.main.median / f.main.median,
        r.hwm.median / f.hwm.median, r.cpu.median / f.cpu.median,
        r.threadCpu.median / f.threadCpu.median);
    printMilestones(rota);
    std::fflush(stdout);
    return true;
}

//! Starts a private Xvfb; returns its display (":N"), or an empty string.
QString startXvfb(QProcess& xvfb)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (program.isEmpty())
        return {};
    for (int display = 140 + static_cast<int>(QCoreApplication::applicationPid() % 50);
         display < 240; ++display) {
        if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display))
            || QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(display)))
            continue;
        const QString name = QStringLiteral(":%1").arg(display);
        xvfb.start(program,
            { name, QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1280x800x24"),
                QStringLiteral("-nolisten"), QStringLiteral("tcp") });
        if (!xvfb.waitForStarted(5000))
            return {};
        for (int wait = 0; wait < 100; ++wait) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)))
                return name;
            if (xvfb.state() != QProcess::Running)
                break;
            QThread::msleep(50);
        }
        if (xvfb.state() == QProcess::Running) {
            xvfb.terminate();
            xvfb.waitForFinished(3000);
        }
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    Programs programs { QStringLiteral(ROTA_BINARY), QStringLiteral(FLOOR_BINARY) };
    bool xvfbWanted = true;
    int count = 10;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rota") && i + 1 < args.size())
            programs.rota = args.at(++i);
        else if (args.at(i) == QLatin1String("--floor") && i + 1 < args.size())
            programs.floor = args.at(++i);
        else if (args.at(i) == QLatin1String("--no-xvfb"))
            xvfbWanted = false;
        else if (args.at(i) == QLatin1String("--milestones"))
            programs.milestones = true;
        else
            count = std::max(1, args.at(i).toInt());
    }
    for (const QString& program : { programs.rota, programs.floor }) {
        if (!QFileInfo(program).isExecutable()) {
            std::fprintf(stderr,
                "no program at %s (build the rota and floor_window targets, or pass --rota PATH "
                "and --floor PATH)\n",
                qPrintable(program));
            return 1;
        }
    }
    std::printf("rota --demo beside floor_window (20 rows x 8 strings), from start to the first "
                "frame of the main window, and the peak memory then (aim: rota within 1.5x)\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no desktop to talk to
    env.remove(QStringLiteral("ROTA_STARTUP_PROBE"));
    bool ok = true;
    {
        QProcessEnvironment offscreen = env;
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        offscreen.remove(QStringLiteral("DISPLAY"));
        ok = measure("offscreen", programs, offscreen, count) && ok;
    }
    if (xvfbWanted) {
        QProcess xvfb;
        const QString display = startXvfb(xvfb);
        if (display.isEmpty()) {
            std::printf("xcb: skipped (no Xvfb could be started)\n");
        } else {
            QProcessEnvironment x = env;
            x.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
            x.insert(QStringLiteral("DISPLAY"), display);
            ok = measure("Xvfb (xcb)", programs, x, count) && ok;
            xvfb.terminate();
            xvfb.waitForFinished(3000);
        }
    }
    return ok ? 0 : 1;
}
