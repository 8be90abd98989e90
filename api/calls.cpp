// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "calls.h"

namespace rota::calls {

QString path(const Operation& operation, const QStringList& segments)
{
    const QString pattern = QLatin1String(operation.pattern);
    QString out;
    out.reserve(pattern.size() + 16);
    qsizetype next = 0;
    qsizetype at = 0;
    while (at < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), at);
        if (open < 0) {
            out += QStringView(pattern).mid(at);
            break;
        }
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open);
        Q_ASSERT_X(close > open, "calls::path", operation.pattern);
        Q_ASSERT_X(next < segments.size(), "calls::path", operation.pattern);
        out += QStringView(pattern).mid(at, open - at);
        out += seg(segments.value(next++));
        at = close + 1;
    }
    Q_ASSERT_X(next == segments.size(), "calls::path", operation.pattern);
    return out;
}

ApiRequest request(const Operation& operation, const QStringList& segments, CallPriority priority)
{
    ApiRequest r;
    r.method = operation.method;
    r.operation = operation.key();
    r.path = path(operation, segments);
    r.priority = priority.value_or(operation.priority);
    return r;
}

} // namespace rota::calls
