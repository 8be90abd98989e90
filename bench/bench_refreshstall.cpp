// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// How long the GUI thread's event loop stops while a large org's incidents arrive: the first load
// and routine refreshes of `rota-sim --size large` (10,000 open incidents, an 11 MB answer), run
// through the app's own pipeline (ApiClient, IncidentPoller, IncidentModel, IncidentFilterModel
// and a sorted QTableView on an offscreen QApplication). The simulator runs as a separate process
// (the binary of this build), so its serialising does not run on the measured thread.
//
// A 1 ms timer on the GUI thread records its lateness: the gap between consecutive timeouts minus
// 1 ms. Each phase lasts from the refresh's start until 100 ms after the model has the snapshot.
// Both ways of reading the answer run in the same process, alternating: on the client's worker
// thread (the default) and inline on the GUI thread (ApiClient::setWorkerParseBytes(-1)). Then
// the GUI thread's remaining work is timed piece by piece (wall and thread CPU).
//
// Usage: bench_refreshstall [rounds] [refreshes] [--no-gzip]   (defaults 2 and 5; Release build)
// --no-gzip: rota-sim answers uncompressed (by default it gzips, and Qt's network stack inflates
// the answer on the thread of the reply, the GUI thread).

#include "apiclient.h"
#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "incidents.h"
#include "jsonreader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace rota;

namespace {

double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

//! The application, timing each event it delivers on the GUI thread (outermost only): where a
//! long gap went, by receiver class and event type.
class TimedApp : public QApplication {
public:
    using QApplication::QApplication;

    struct Longest {
        double wallMs = 0;
        double cpuMs = 0;
        QByteArray what;
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const QByteArray what = QByteArray(receiver->metaObject()->className()) + " / event "
            + QByteArray::number(static_cast<int>(event->type()));
        ++m_depth;
        QElapsedTimer wall;
        const double cpu0 = threadCpuMs();
        wall.start();
        const bool result = QApplication::notify(receiver, event);
        const double ms = static_cast<double>(wall.nsecsElapsed()) / 1e6;
        --m_depth;
        if (ms > m_longest[2].wallMs) {
            m_longest[2] = { ms, threadCpuMs() - cpu0, what };
            std::sort(m_longest, m_longest + 3,
                [](const Longest& a, const Longest& b) { return a.wallMs > b.wallMs; });
        }
        return result;
    }
    void resetLongest()
    {
        for (Longest& l : m_longest)
            l = {};
    }
    const Longest* longest() const { return m_longest; }

private:
    int m_depth = 0;
    Longest m_longest[3];
};

//! A 1 ms timer's lateness on this thread, for the phase being recorded.
class Lateness : public QObject {
public:
    Lateness()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (m_recording && m_last >= 0) {
                const double gap = std::max(0.0, static_cast<double>(now - m_last) / 1e6 - 1.0);
                m_gapsMs.push_back(gap);
                if (gap > m_maxGap) {
                    m_maxGap = gap;
                    m_maxGapCpu = cpu - m_lastCpu;
                }
            }
            m_last = now;
            m_lastCpu = cpu;
        });
        m_clock.start();
        m_timer.start();
    }
    //! The GUI thread's CPU time within the longest gap of the last phase: far below the gap,
    //! the thread waited (for a core, on a shared machine) rather than worked.
    double maxGapCpu() const { return m_maxGapCpu; }
    void begin()
    {
        m_maxGap = 0;
        m_maxGapCpu = 0;
        m_gapsMs.clear();
        m_last = -1;
        m_recording = true;
    }
    std::vector<double> end()
    {
        m_recording = false;
        return std::move(m_gapsMs);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    double m_lastCpu = 0;
    double m_maxGap = 0;
    double m_maxGapCpu = 0;
    bool m_recording = false;
    std::vector<double> m_gapsMs;
};

struct Stat {
    double maxCpu = 0; //!< the GUI thread's CPU time within the longest gap
    double max = 0;
    double p99 = 0;
    size_t samples = 0;
};

Stat statOf(std::vector<double> gaps)
{
    Stat s;
    if (gaps.empty())
        return s;
    std::sort(gaps.begin(), gaps.end());
    s.max = gaps.back();
    s.p99 = gaps[std::min(
        gaps.size() - 1, static_cast<size_t>(0.99 * static_cast<double>(gaps.size())))];
    s.samples = gaps.size();
    return s;
}

//! The app's incident pipeline over one client.
struct Pipeline {
    explicit Pipeline(const QUrl& base, bool inlineParse)
    {
        network.setProxy(QNetworkProxy::NoProxy);
        client = std::make_unique<ApiClient>(&network);
        QString error;
        if (!client->setBaseUrl(base, &error))
            qFatal("base URL: %s", qPrintable(error));
        client->setCredentials(
            { QStringLiteral("rota-demo-id"), QStringLiteral("rota-demo-key"), {} });
        if (inlineParse)
            client->setWorkerParseBytes(-1);
        model = std::make_unique<IncidentModel>();
        filter = std::make_unique<IncidentFilterModel>();
        filter->setSourceModel(model.get());
        view = std::make_unique<QTableView>();
        view->setModel(filter.get());
        // As the incidents view sets its table up.
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSortingEnabled(true);
        view->sortByColumn(IncidentModel::StartedColumn, Qt::DescendingOrder);
        view->setWordWrap(false);
        view->setShowGrid(false);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view->horizontalHeader()->setSectionResizeMode(
            IncidentModel::SummaryColumn, QHeaderView::Stretch);
        view->resize(1200, 700);
        view->show();
        poller = std::make_unique<IncidentPoller>(client.get(), model.get());
        poller->setInterval(IncidentPoller::MaxIntervalMs); // only the refreshes asked for
    }
    ~Pipeline()
    {
        poller.reset();
        view.reset();
        filter.reset();
        model.reset();
        client.reset();
    }

    QNetworkAccessManager network;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<IncidentModel> model;
    std::unique_ptr<IncidentFilterModel> filter;
    std::unique_ptr<QTableView> view;
    std::unique_ptr<IncidentPoller> poller;
};

//! Runs `kick`, waits for the poller's next snapshot and 100 ms more; the gaps meanwhile.
Stat phase(Pipeline& p, Lateness& lateness, const std::function<void()>& kick)
{
    auto* app = static_cast<TimedApp*>(QCoreApplication::instance());
    app->resetLongest();
    QEventLoop loop;
    bool failed = false;
    const auto done = QObject::connect(p.poller.get(), &IncidentPoller::refreshed, &loop,
        [&loop] { QTimer::singleShot(100, &loop, &QEventLoop::quit); });
    const auto fail = QObject::connect(p.poller.get(), &IncidentPoller::refreshFailed, &loop,
        [&loop, &failed](const ApiError& error) {
            std::fprintf(stderr, "refresh failed: %s\n", qPrintable(error.text()));
            failed = true;
            loop.quit();
        });
    QTimer::singleShot(60000, &loop, [&loop, &failed] {
        std::fprintf(stderr, "no snapshot within 60 s\n");
        failed = true;
        loop.quit();
    });
    lateness.begin();
    kick();
    loop.exec();
    std::vector<double> gaps = lateness.end();
    QObject::disconnect(done);
    QObject::disconnect(fail);
    if (failed)
        std::exit(1);
    Stat stat = statOf(std::move(gaps));
    stat.maxCpu = lateness.maxGapCpu();
    std::printf("    longest events:");
    for (int i = 0; i < 3; ++i) {
        const TimedApp::Longest& l = app->longest()[i];
        std::printf(
            " %s %.1f ms (cpu %.1f)%s", l.what.constData(), l.wallMs, l.cpuMs, i < 2 ? ";" : "\n");
    }
    return stat;
}

//! Lets the event loop run for `ms` (connections settle, the view paints).
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Figures {
    std::vector<Stat> firstLoads;
    std::vector<Stat> refreshes;
};

void printStats(const char* what, const char* mode, const std::vector<Stat>& stats)
{
    std::vector<double> maxes;
    std::vector<double> p99s;
    for (const Stat& s : stats) {
        maxes.push_back(s.max);
        p99s.push_back(s.p99);
    }
    std::sort(maxes.begin(), maxes.end());
    std::sort(p99s.begin(), p99s.end());
    const auto median = [](const std::vector<double>& v) { return v[v.size() / 2]; };
    std::printf("%-11s %-7s  max gap: best %7.1f  median %7.1f  worst %7.1f ms   p99 gap: best "
                "%6.1f  median %6.1f ms   (%zu runs)\n",
        what, mode, maxes.front(), median(maxes), maxes.back(), p99s.front(), median(p99s),
        stats.size());
}

//! A separate `rota-sim --size large`; its base URL once it listens.
QUrl startSim(QProcess& sim, bool gzip)
{
    sim.setProgram(QStringLiteral(ROTA_SIM_BINARY));
    QStringList arguments { QStringLiteral("--size"), QStringLiteral("large"),
        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-rate-limits") };
    if (!gzip)
        arguments << QStringLiteral("--no-gzip");
    sim.setArguments(arguments);
    sim.setProcessChannelMode(QProcess::MergedChannels);
    sim.start();
    if (!sim.waitForStarted(10000))
        qFatal("rota-sim did not start: %s", qPrintable(sim.errorString()));
    const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 120000) {
        sim.waitForReadyRead(1000);
        output += sim.readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return QUrl(match.captured(1));
        if (sim.state() == QProcess::NotRunning)
            break;
    }
    qFatal("rota-sim did not listen: %s", output.constData());
}

//! Times, on this thread, what remains of a refresh besides reading the answer.
void breakdown(const QUrl& base)
{
    Pipeline p(base, true);
    // The raw answer, read once.
    ApiRequest request;
    request.method = "GET";
    request.operation = QStringLiteral("GET /api-public/v1/incidents");
    request.path = QStringLiteral("/api-public/v1/incidents");
    ApiReply* reply = p.client->send(request);
    QByteArray body;
    QEventLoop loop;
    QObject::connect(reply, &ApiReply::finished, &loop, [&] {
        body = reply->body();
        loop.quit();
    });
    loop.exec();
    std::printf("\nThe GUI thread's work on one answer (%.1f MB), wall / thread CPU:\n",
        static_cast<double>(body.size()) / 1e6);
    const auto timed = [](const char* what, const std::function<void()>& work) {
        QElapsedTimer wall;
        const double cpu0 = threadCpuMs();
        wall.start();
        work();
        std::printf("  %-58s %7.1f / %7.1f ms\n", what,
            static_cast<double>(wall.nsecsElapsed()) / 1e6, threadCpuMs() - cpu0);
    };
    std::unique_ptr<IncidentList> list;
    timed("read the answer (JsonReader + IncidentList::fromJson)", [&] {
        list = std::make_unique<IncidentList>(IncidentList::fromJson(JsonReader::fromBytes(body)));
    });
    std::unique_ptr<IncidentList> second
        = std::make_unique<IncidentList>(IncidentList::fromJson(JsonReader::fromBytes(body)));
    timed("first load: applySnapshot into the empty model (proxy sorts)",
        [&] { p.model->applySnapshot(list->incidents); });
    settle(50);
    timed("routine refresh: applySnapshot of an equal, new snapshot",
        [&] { p.model->applySnapshot(second->incidents); });
    settle(50);
    timed("paint the view (grab)", [&] { p.view->grab(); });
    timed("drop a parsed answer no one else holds", [&] { second.reset(); });
    list.reset();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApp app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool gzip = !args.contains(QStringLiteral("--no-gzip"));
    args.removeAll(QStringLiteral("--no-gzip"));
    const int rounds = args.size() > 0 ? std::max(1, args.at(0).toInt()) : 2;
    const int refreshes = args.size() > 1 ? std::max(1, args.at(1).toInt()) : 5;

    QProcess sim;
    const QUrl base = startSim(sim, gzip);
    std::printf("rota-sim --size large%s at %s; %d rounds of a first load and %d refreshes, each "
                "way\n",
        gzip ? "" : " --no-gzip", qPrintable(base.toString()), rounds, refreshes);

    Lateness lateness;
    Figures worker;
    Figures inlined;
    for (int round = 0; round < rounds; ++round) {
        for (const bool inlineParse : { false, true }) {
            Figures& figures = inlineParse ? inlined : worker;
            Pipeline p(base, inlineParse);
            settle(100);
            const Stat first = phase(p, lateness, [&p] { p.poller->start(); });
            figures.firstLoads.push_back(first);
            std::printf(
                "round %d %-7s first load: rows %d, max gap %.1f ms (cpu %.1f), p99 %.1f ms\n",
                round, inlineParse ? "inline" : "worker", p.filter->rowCount(), first.max,
                first.maxCpu, first.p99);
            for (int i = 0; i < refreshes; ++i) {
                settle(50);
                const Stat s = phase(p, lateness, [&p] { p.poller->refresh(); });
                figures.refreshes.push_back(s);
                std::printf("round %d %-7s refresh %d: max gap %.1f ms (cpu %.1f), p99 %.1f ms\n",
                    round, inlineParse ? "inline" : "worker", i + 1, s.max, s.maxCpu, s.p99);
            }
        }
    }
    std::printf("\nGUI event-loop gaps (lateness of a 1 ms timer), machine shared with other "
                "work:\n");
    printStats("first load", "worker", worker.firstLoads);
    printStats("first load", "inline", inlined.firstLoads);
    printStats("refresh", "worker", worker.refreshes);
    printStats("refresh", "inline", inlined.refreshes);

    breakdown(base);

    sim.terminate();
    if (!sim.waitForFinished(5000))
        sim.kill();
    return 0;
}
