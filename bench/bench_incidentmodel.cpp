// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// IncidentModel with rota-sim's large org: 10,000 open incidents as the simulator answers
// GET /api-public/v1/incidents. Measures IncidentModel::applySnapshot for a routine refresh with
// 1% of the incidents changed (the aim is under 10 ms): as IncidentPoller calls it, right after
// the answer was parsed (the parse is not timed), bare and under a sorting, filtering proxy, and
// with the snapshots parsed beforehand; a refresh with nothing changed; the first load; and the
// resident memory with 10,000 incidents loaded.
//
// The simulator's org (110,000 incidents) would leave this process's heap far bigger and more
// fragmented than the application's, so the answers are written to a temporary directory and
// measured by a fresh run of this program (--answers DIR).
//
// Usage: bench_incidentmodel [repetitions]   (build with -DCMAKE_BUILD_TYPE=Release)
#include "incidentfiltermodel.h"
#include "incidentmodel.h"
#include "jsonreader.h"
#include "largeorg.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace rota;

namespace {

constexpr qsizetype ChangeEvery = 100; // 1%

//! VmRSS from /proc/self/status, in KiB (0 when unavailable).
long residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

//! Bytes the allocator has handed out and not had back (all arenas), in KiB; 0 when unknown.
long heapInUseKiB()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return static_cast<long>((info.uordblks + info.hblkhd) / 1024);
#else
    return 0;
#endif
}

//! Gives freed heap back to the system so that VmRSS shows what is live.
void trimHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QList<Incident> parse(const QByteArray& bytes)
{
    const JsonReader reader = JsonReader::fromBytes(bytes);
    return IncidentList::fromJson(reader).incidents;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

//! The large org's answer, and the same with every 100th incident changed (one more alert, a
//! later last alert, the other phase), both serialised by the client's DTOs.
bool writeAnswers(const QString& dir)
{
    IncidentList list { parse(bench::largeOrgAnswer(QStringLiteral("/api-public/v1/incidents"))) };
    const QByteArray same = QJsonDocument(list.toJson()).toJson(QJsonDocument::Compact);
    for (qsizetype i = ChangeEvery / 2; i < list.incidents.size(); i += ChangeEvery) {
        Incident& incident = list.incidents[i];
        incident.alertCount += 1;
        incident.lastAlertTime = incident.lastAlertTime.addSecs(60);
        incident.phase
            = incident.phase == Phase::Triggered ? Phase::Acknowledged : Phase::Triggered;
        incident.phaseName = phaseToApi(incident.phase);
    }
    const QByteArray changed = QJsonDocument(list.toJson()).toJson(QJsonDocument::Compact);
    return !list.incidents.isEmpty() && writeFile(dir + QStringLiteral("/same.json"), same)
        && writeFile(dir + QStringLiteral("/changed.json"), changed);
}

//! This thread's CPU time in ms: on a busy machine it leaves out the time others had the CPU.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Sample {
    double wall = 0;
    double cpu = 0;
};

template <typename Work> Sample measure(Work work)
{
    QElapsedTimer timer;
    const double cpu = cpuMs();
    timer.start();
    work();
    return { static_cast<double>(timer.nsecsElapsed()) / 1e6, cpuMs() - cpu };
}

void print(const char* what, const std::vector<Sample>& samples)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (const Sample& s : samples) {
        wall.push_back(s.wall);
        cpu.push_back(s.cpu);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-46s: best %7.2f ms  median %7.2f ms  (CPU best %7.2f ms)\n", what, wall.front(),
        wall[wall.size() / 2], cpu.front());
}

int measureAnswers(const QString& dir, int repetitions)
{
    trimHeap();
    const long baselineKiB = residentKiB();
    const long baselineHeapKiB = heapInUseKiB();

    // Resident memory, on a heap that has seen what the application's has: answers parsed,
    // applied and dropped.
    IncidentModel model;
    for (int i = 0; i < 2; ++i) {
        const QByteArray bytes = readFile(dir + QStringLiteral("/same.json"));
        model.applySnapshot(parse(bytes));
    }
    const long untrimmedKiB = residentKiB();
    const Sample trim = measure(trimHeap);
    const long loadedKiB = residentKiB();
    const long loadedHeapKiB = heapInUseKiB();

    const QByteArray sameBytes = readFile(dir + QStringLiteral("/same.json"));
    const QByteArray changedBytes = readFile(dir + QStringLiteral("/changed.json"));
    const int total = model.rowCount();
    const int expectedChanges
        = static_cast<int>((total - ChangeEvery / 2 + ChangeEvery - 1) / ChangeEvery);
    std::printf("%d incidents (answer %.1f MB), %d changed per refresh (%.1f%%); best and median "
                "of %d runs\n",
        total, static_cast<double>(sameBytes.size()) / (1024.0 * 1024.0), expectedChanges,
        100.0 * expectedChanges / total, repetitions);

    int changedRows = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
        [&changedRows](const QModelIndex& first, const QModelIndex& last) {
            changedRows += last.row() - first.row() + 1;
        });
    // Each answer parsed just before it is applied, as IncidentPoller does; the parse is not timed.
    auto refreshes = [&](IncidentModel& target, bool changing) {
        std::vector<Sample> samples;
        changedRows = 0;
        for (int i = 0; i < repetitions; ++i) {
            const QByteArray& bytes = changing && i % 2 == 0 ? changedBytes : sameBytes;
            const QList<Incident> next = parse(bytes);
            samples.push_back(measure([&] { target.applySnapshot(next); }));
        }
        const int expected = changing ? repetitions * expectedChanges : 0;
        if (changedRows != expected)
            std::fprintf(stderr, "expected %d changed rows, saw %d\n", expected, changedRows);
        return samples;
    };

    print("refresh, 1% changed, answer just parsed", refreshes(model, true));
    {
        IncidentFilterModel filter;
        filter.setSourceModel(&model);
        filter.setPhases({ Phase::Triggered });
        filter.sort(IncidentModel::StartedColumn, Qt::DescendingOrder);
        print("  the same under a sorting, filtering proxy", refreshes(model, true));
    }
    print("refresh, nothing changed, answer just parsed", refreshes(model, false));
    {
        // Snapshots parsed beforehand and applied in turn: more of them stays in the caches.
        const QList<Incident> changedList = parse(changedBytes);
        const QList<Incident> sameList = parse(sameBytes);
        std::vector<Sample> samples;
        for (int i = 0; i < repetitions; ++i)
            samples.push_back(
                measure([&] { model.applySnapshot(i % 2 == 0 ? changedList : sameList); }));
        print("refresh, 1% changed, parsed beforehand", samples);
    }
    std::vector<Sample> loads;
    for (int i = 0; i < std::max(3, repetitions / 4); ++i) {
        IncidentModel fresh;
        const QList<Incident> list = parse(sameBytes);
        loads.push_back(measure([&] { fresh.applySnapshot(list); }));
    }
    print("first load (every row inserted)", loads);

    std::printf("resident memory: %.1f MB at start, %.1f MB with %d incidents loaded (+%.1f MB, "
                "%.1f KB per incident)\n",
        static_cast<double>(baselineKiB) / 1024.0, static_cast<double>(loadedKiB) / 1024.0, total,
        static_cast<double>(loadedKiB - baselineKiB) / 1024.0,
        static_cast<double>(loadedKiB - baselineKiB) / total);
    std::printf("malloc_trim(0) after the loads: %.2f ms (CPU %.2f ms), %.1f MB given back\n",
        trim.wall, trim.cpu, static_cast<double>(untrimmedKiB - loadedKiB) / 1024.0);
    std::printf("heap in use: +%.1f MB with %d incidents loaded (%.1f KB per incident)\n",
        static_cast<double>(loadedHeapKiB - baselineHeapKiB) / 1024.0, total,
        static_cast<double>(loadedHeapKiB - baselineHeapKiB) / total);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString answers;
    if (args.size() >= 2 && args.at(0) == QLatin1String("--answers")) {
        answers = args.at(1);
        args = args.mid(2);
    }
    const int repetitions = args.isEmpty() ? 20 : std::max(1, args.at(0).toInt());
    if (!answers.isEmpty())
        return measureAnswers(answers, repetitions);

    if (args.size() >= 2 && args.at(0) == QLatin1String("--write")) {
        // For profiling: write the answers once, then run with --answers DIR under a profiler.
        return writeAnswers(args.at(1)) ? 0 : 1;
    }
    QTemporaryDir dir;
    if (!dir.isValid() || !writeAnswers(dir.path())) {
        std::fprintf(stderr, "could not write the answers\n");
        return 1;
    }
    std::fflush(stdout);
    return QProcess::execute(app.applicationFilePath(),
        { QStringLiteral("--answers"), dir.path(), QString::number(repetitions) });
}
