// Cold start of `rota --demo`: from before the process is started to the first frame of its main
// window (aim: under 300 ms). Runs the real binary N times with ROTA_STARTUP_PROBE=1 (see
// app/startupprobe.h: rota prints CLOCK_MONOTONIC once its first expose has been handled, and
// quits), under QT_QPA_PLATFORM=offscreen and, when Xvfb is installed, under a private Xvfb
// (a bare X server: no window manager, no compositor). Each run gets a fresh, empty HOME and
// XDG_RUNTIME_DIR, as on a first start. Reports median, min and max.
//
// What is in the figure: fork and exec, loading the libraries, static initialisation, main()
// (QApplication, the main window, the demo simulator and its seeded org, the workspace and every
// page) up to the first painted frame. What is not: the first incidents arriving (the demo loads
// them right after) and the time the process takes to exit.
//
// Usage: bench_coldstart [runs] [--rota PATH] [--no-xvfb]
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    double shownMs = -1; //!< launcher's clock: before start() to rota's first frame
    double mainMs = -1; //!< rota's own: static initialisation to the first frame
};

//! The value after `key=` in the probe's line, or -1.
double field(const QByteArray& line, const QByteArray& key)
{
    const qsizetype at = line.indexOf(QByteArray(key).append('='));
    if (at < 0)
        return -1;
    const qsizetype from = at + key.size() + 1;
    qsizetype to = line.indexOf(' ', from);
    if (to < 0)
        to = line.size();
    return line.mid(from, to - from).trimmed().toDouble();
}

bool runOnce(const QString& rota, const QProcessEnvironment& base, Run* run, QString* error)
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
    env.insert(QStringLiteral("ROTA_STARTUP_PROBE"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 before = monotonicNs();
    process.start(rota, { QStringLiteral("--demo") });
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(rota, process.errorString());
        return false;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        *error = QStringLiteral("rota did not quit within 60 s");
        return false;
    }
    const QByteArray err = process.readAllStandardError();
    const qsizetype at = err.indexOf("rota-startup-probe:");
    if (at < 0) {
        *error
            = QStringLiteral("rota printed no probe line (exit code %1): %2")
                  .arg(QString::number(process.exitCode()), QString::fromLocal8Bit(err.right(400)));
        return false;
    }
    qsizetype end = err.indexOf('\n', at);
    if (end < 0)
        end = err.size();
    const QByteArray line = err.mid(at, end - at);
    const double shownNs = field(line, "monotonic_ns");
    run->shownMs = (shownNs - static_cast<double>(before)) / 1e6;
    run->mainMs = field(line, "main_ms");
    return true;
}

void report(const char* where, std::vector<Run> runs)
{
    std::vector<double> shown;
    std::vector<double> main;
    for (const Run& run : runs) {
        shown.push_back(run.shownMs);
        main.push_back(run.mainMs);
    }
    std::sort(shown.begin(), shown.end());
    std::sort(main.begin(), main.end());
    std::printf("%-10s %2zu runs: first frame %6.1f ms median (min %6.1f, max %6.1f); of which "
                "after static init %6.1f ms median\n",
        where, runs.size(), shown[shown.size() / 2], shown.front(), shown.back(),
        main[main.size() / 2]);
    std::fflush(stdout);
}

bool measure(const char* where, const QString& rota, const QProcessEnvironment& env, int count)
{
    std::vector<Run> runs;
    // One run first that is not counted: the page cache then holds the binary and Qt.
    for (int i = 0; i <= count; ++i) {
        Run run;
        QString error;
        if (!runOnce(rota, env, &run, &error)) {
            std::fprintf(stderr, "%s: %s\n", where, qPrintable(error));
            return false;
        }
        if (i > 0)
            runs.push_back(run);
    }
    report(where, runs);
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
    QString rota = QStringLiteral(ROTA_BINARY);
    bool xvfbWanted = true;
    int count = 10;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rota") && i + 1 < args.size())
            rota = args.at(++i);
        else if (args.at(i) == QLatin1String("--no-xvfb"))
            xvfbWanted = false;
        else
            count = std::max(1, args.at(i).toInt());
    }
    if (!QFileInfo(rota).isExecutable()) {
        std::fprintf(stderr, "no rota at %s (build the rota target, or pass --rota PATH)\n",
            qPrintable(rota));
        return 1;
    }
    std::printf("rota --demo, from start to the first frame of the main window (aim: 300 ms)\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no desktop to talk to
    bool ok = true;
    {
        QProcessEnvironment offscreen = env;
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        offscreen.remove(QStringLiteral("DISPLAY"));
        ok = measure("offscreen", rota, offscreen, count) && ok;
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
            ok = measure("Xvfb (xcb)", rota, x, count) && ok;
            xvfb.terminate();
            xvfb.waitForFinished(3000);
        }
    }
    return ok ? 0 : 1;
}
