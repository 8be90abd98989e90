// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A libFuzzer harness for UserCsv, which reads files people choose (any bytes at all): parsing
// must end, never crash, and keep its promises: a refused file has a reason and no rows; rows are
// in file order after the header; a row without problems holds what the service accepts, and no
// two such rows share a username or an e-mail address (without regard to case). Built beside
// fuzz_api by the fuzzing build (fuzz/CMakeLists.txt).

#include "usercsv.h"

#include <QByteArray>
#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "UserCsv: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rota;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const UserCsvResult result = UserCsv::parse(
        bytes, { QStringLiteral("taken"), QStringLiteral("A") }, { QStringLiteral("a@b.cd") });
    if (result.ok() != result.error.isEmpty())
        fail("ok() and error disagree");
    if (!result.ok() && !result.rows.isEmpty())
        fail("a refused file has rows");
    if (result.rows.size() > UserCsv::MaxRows)
        fail("more rows than the cap");
    int lastLine = 1;
    QSet<QString> usernames;
    QSet<QString> emails;
    for (const UserCsvRow& row : result.rows) {
        if (row.line <= lastLine)
            fail("rows out of file order");
        lastLine = row.line;
        if (!row.isValid())
            continue;
        if (!UserCsv::isValidUsername(row.user.username) || !UserCsv::isValidEmail(row.user.email)
            || row.user.firstName.isEmpty() || row.user.lastName.isEmpty())
            fail("a row without problems holds what the service refuses");
        const QString username = row.user.username.toLower();
        const QString email = row.user.email.toLower();
        if (username == QLatin1String("taken") || username == QLatin1String("a")
            || email == QLatin1String("a@b.cd"))
            fail("a row without problems repeats the organisation's user");
        if (usernames.contains(username) || emails.contains(email))
            fail("two rows without problems share a username or an e-mail address");
        usernames.insert(username);
        emails.insert(email);
    }
    return 0;
}
