// Parses the current incidents of rota-sim's large org (10,000 open incidents, as the simulator
// serialises them) into DTOs, beside a bare QJsonDocument parse of the same bytes.
// Usage: bench_parse_incidents [repetitions]   (build with -DCMAKE_BUILD_TYPE=Release)
#include "incidents.h"
#include "jsonreader.h"
#include "largeorg.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace rota;

namespace {

//! This thread's CPU time in ms: on a busy machine it leaves out the time others had the CPU.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Best {
    double wall = 1e300;
    double cpu = 1e300;
};

template <typename Work> Best bestMs(int repetitions, Work work)
{
    Best best;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        const double cpu = cpuMs();
        timer.start();
        work();
        best.wall = std::min(best.wall, static_cast<double>(timer.nsecsElapsed()) / 1e6);
        best.cpu = std::min(best.cpu, cpuMs() - cpu);
    }
    return best;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10;

    const QByteArray bytes = bench::largeOrgAnswer(QStringLiteral("/api-public/v1/incidents"));
    const double megabytes = static_cast<double>(bytes.size()) / (1024.0 * 1024.0);

    qsizetype count = 0;
    const Best bare = bestMs(repetitions, [&] {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        count = doc.object().value(QStringLiteral("incidents")).toArray().size();
    });
    qsizetype parsed = 0;
    bool ok = true;
    const Best dto = bestMs(repetitions, [&] {
        const JsonReader reader = JsonReader::fromBytes(bytes);
        const IncidentList list = IncidentList::fromJson(reader);
        parsed = list.incidents.size();
        ok = reader.ok();
    });
    if (!ok || parsed != count) {
        std::fprintf(stderr, "parse failed: %lld of %lld incidents\n",
            static_cast<long long>(parsed), static_cast<long long>(count));
        return 1;
    }
    std::printf("body: %lld incidents, %.1f MB; best of %d runs\n", static_cast<long long>(count),
        megabytes, repetitions);
    std::printf("QJsonDocument::fromJson only : %8.1f ms %7.1f MB/s  (CPU best %8.1f ms)\n",
        bare.wall, megabytes / (bare.wall / 1000.0), bare.cpu);
    std::printf("JsonReader + IncidentList DTO: %8.1f ms %7.1f MB/s  (CPU best %8.1f ms)\n",
        dto.wall, megabytes / (dto.wall / 1000.0), dto.cpu);
    return 0;
}
