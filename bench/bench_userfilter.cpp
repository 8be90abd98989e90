// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The Users view's search over rota-sim's large org (5,000 users, as `rota-sim --size large`
// seeds them, read through GET /api-public/v1/user and the client's DTOs). Measures one
// keystroke: UsersFilterModel::setFilter plus the proxy's rowCount(), sorted by name as the view
// shows it, while typing queries of 1 to 6 characters and deleting them again. The aim is under
// 5 ms per keystroke. Prints the median and the maximum per query length.
//
// Usage: bench_userfilter [rounds]   (build with -DCMAKE_BUILD_TYPE=Release)
#include "jsonreader.h"
#include "largeorg.h"
#include "people.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

using namespace rota;

namespace {

QList<User> largeOrgUsers()
{
    return UserList::fromJson(
        JsonReader::fromBytes(bench::largeOrgAnswer(QStringLiteral("/api-public/v1/user"))))
        .users;
}

//! What people type: the start of a first name, a last name, a username, an address, and a
//! first name followed by the start of a last name; spread over the whole list.
QStringList typedQueries(const QList<User>& users, int count)
{
    QStringList queries;
    const qsizetype step = std::max<qsizetype>(1, users.size() / count);
    for (qsizetype i = 0; i < users.size() && queries.size() < count; i += step) {
        const User& user = users.at(i);
        switch (queries.size() % 5) {
        case 0:
            queries.append(user.firstName);
            break;
        case 1:
            queries.append(user.lastName);
            break;
        case 2:
            queries.append(user.username.mid(2));
            break;
        case 3:
            queries.append(user.email.mid(user.email.indexOf(QLatin1Char('@'))));
            break;
        default:
            queries.append(user.firstName.left(2) + QLatin1Char(' ') + user.lastName);
            break;
        }
    }
    return queries;
}

//! This thread's CPU time in ms: what the keystroke cost, without the time other processes had
//! the CPU (the wall time's maximum on a busy machine is mostly theirs).
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values.at(std::min(at, values.size() - 1));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    QElapsedTimer loading;
    loading.start();
    const QList<User> users = largeOrgUsers();
    const double seedMs = static_cast<double>(loading.nsecsElapsed()) / 1e6;
    UsersModel model;
    QElapsedTimer timer;
    timer.start();
    model.setUsers(users);
    const double loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    UsersFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(UsersModel::NameColumn);
    std::printf("%d users (the large org seeded in %.0f ms); model loaded in %.2f ms\n",
        model.rowCount(), seedMs, loadMs);

    const QStringList queries = typedQueries(users, 40);
    std::map<int, std::vector<double>> typing; // query length -> ms per keystroke
    std::map<int, std::vector<double>> deleting;
    std::vector<double> all;
    std::map<int, std::vector<double>> typingCpu;
    std::vector<double> allCpu;
    long shown = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QString& query : queries) {
            const int longest = static_cast<int>(std::min<qsizetype>(6, query.size()));
            const auto keystroke = [&](int length, std::map<int, std::vector<double>>& into) {
                const QString text = query.left(length);
                const double cpuBefore = threadCpuMs();
                timer.restart();
                filter.setFilter(text);
                shown += filter.rowCount();
                const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                const double cpu = threadCpuMs() - cpuBefore;
                if (length > 0)
                    into[length].push_back(ms);
                if (length > 0 && &into == &typing)
                    typingCpu[length].push_back(cpu);
                all.push_back(ms);
                allCpu.push_back(cpu);
            };
            for (int length = 1; length <= longest; ++length)
                keystroke(length, typing);
            for (int length = longest - 1; length >= 0; --length)
                keystroke(length, deleting);
        }
    }

    std::printf("%lld queries typed and deleted again, %d rounds; ms per keystroke "
                "(setFilter + rowCount)\n",
        static_cast<long long>(queries.size()), rounds);
    std::printf("  chars  typing: median     max   | deleting: median     max   | typing CPU: "
                "median     max\n");
    for (int length = 1; length <= 6; ++length) {
        const auto& typed = typing[length];
        const auto& deleted = deleting[length];
        if (typed.empty())
            continue;
        std::printf("  %5d          %7.3f %7.3f   |           %7.3f %7.3f   |             %7.3f "
                    "%7.3f\n",
            length, percentile(typed, 0.5), percentile(typed, 1.0),
            deleted.empty() ? 0.0 : percentile(deleted, 0.5),
            deleted.empty() ? 0.0 : percentile(deleted, 1.0), percentile(typingCpu[length], 0.5),
            percentile(typingCpu[length], 1.0));
    }
    std::printf("  every keystroke (back to empty included): median %.3f ms, p95 %.3f ms, "
                "max %.3f ms\n",
        percentile(all, 0.5), percentile(all, 0.95), percentile(all, 1.0));
    std::printf("  the same in this thread's CPU time: median %.3f ms, p95 %.3f ms, max %.3f ms\n",
        percentile(allCpu, 0.5), percentile(allCpu, 0.95), percentile(allCpu, 1.0));
    std::printf("(%ld rows shown in all)\n", shown);
    return 0;
}
