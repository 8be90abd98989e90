// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Reports view's first page to screen: from a session's start with an empty history to the
// view painting the first page of incidents the sync read. A rota-sim runs in this process and
// answers over HTTP on 127.0.0.1 with its real limits; each run has a fresh history file and a
// fresh simulator. The time is split where it goes: the call (the simulator's search of its
// history included), storing the page, the search of the store, and the view applying it and
// painting (grab(), offscreen).
//
// Usage: bench_reportsfirstpage [runs] [--large]   (build with -DCMAKE_BUILD_TYPE=Release)
// --large: the large org (110,000 incidents on the simulator's side) instead of the small one.

#include "apiclient.h"
#include "historystore.h"
#include "historysync.h"
#include "reportsview.h"
#include "simserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace rota;

namespace {

struct Run {
    double answered = -1; //!< ms from the start: the history's first answer arrived
    double stored = -1; //!< the page is in the store
    double shown = -1; //!< the view holds a report with the page
    double painted = -1; //!< and has painted it
};

bool runOnce(bool large, Run* run)
{
    sim::SimOptions options;
    options.size = large ? sim::OrgSize::Large : sim::OrgSize::Small;
    sim::SimServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "rota-sim: %s\n", qPrintable(error));
        return false;
    }
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    ApiClient client(&network);
    client.setBaseUrl(server.baseUrl(), &error);
    client.setCredentials({ options.apiId, options.apiKey, server.context().org.demoUser });

    QTemporaryDir dir;
    HistoryStore store;
    bool opened = false;
    QObject::connect(&store, &HistoryStore::opened, &store, [&opened] { opened = true; });
    store.open(dir.filePath(QStringLiteral("history.sqlite")));
    if (!QTest::qWaitFor([&] { return opened; }, 10000) || !store.isReady()) {
        std::fprintf(stderr, "the history store did not open\n");
        return false;
    }

    HistorySync sync(&client, &store);
    ReportsView view(&store, &sync);
    view.setMe(server.context().org.demoUser);
    view.resize(1200, 800);
    view.show();
    // The view's first search (of the empty store) is answered before the clock starts.
    if (!QTest::qWaitFor([&view] { return view.report() != nullptr; }, 10000)) {
        std::fprintf(stderr, "the view did not show the empty history\n");
        return false;
    }

    QElapsedTimer clock;
    QObject::connect(&client, &ApiClient::exchanged, &view,
        [&](const QString& operation, int, qint64, const ApiError&) {
            if (run->answered < 0 && operation.contains(QStringLiteral("/api-reporting/v2/")))
                run->answered = double(clock.nsecsElapsed()) / 1e6;
        });
    QObject::connect(&sync, &HistorySync::pageStored, &view, [&] {
        if (run->stored < 0)
            run->stored = double(clock.nsecsElapsed()) / 1e6;
    });
    clock.start();
    sync.start();
    const bool shown
        = QTest::qWaitFor([&view] { return view.report() && view.report()->stored > 0; }, 30000);
    if (!shown) {
        std::fprintf(stderr, "the first page did not reach the view within 30 s\n");
        return false;
    }
    run->shown = double(clock.nsecsElapsed()) / 1e6;
    view.grab();
    run->painted = double(clock.nsecsElapsed()) / 1e6;
    return true;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 10;
    bool large = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--large")
            large = true;
        else if (arg.toInt() > 0)
            runs = arg.toInt();
    }
    std::vector<double> answered;
    std::vector<double> stored;
    std::vector<double> shown;
    std::vector<double> painted;
    for (int i = 0; i < runs; ++i) {
        Run run;
        if (!runOnce(large, &run))
            return 1;
        answered.push_back(run.answered);
        stored.push_back(run.stored);
        shown.push_back(run.shown);
        painted.push_back(run.painted);
    }
    std::printf("first page to screen, %s org, %d runs (ms from the sync's start, median / max)\n",
        large ? "large" : "small", runs);
    const auto line = [](const char* what, const std::vector<double>& values) {
        std::printf("  %-34s %8.1f %8.1f\n", what, median(values),
            *std::max_element(values.begin(), values.end()));
    };
    line("history answered (call + parse)", answered);
    line("page stored (SQLite, worker)", stored);
    line("report shown (search + view)", shown);
    line("painted", painted);
    return 0;
}
