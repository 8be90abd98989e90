// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simrouter.h"

#include <QUrl>

namespace rota::sim {

static bool isPlaceholder(const QString& segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

void SimRouter::add(
    const QByteArray& method, const QString& pattern, int limitPerMinute, SimHandler handler)
{
    SimRoute route;
    route.method = method;
    route.pattern = pattern;
    route.limitPerMinute = limitPerMinute;
    route.handler = std::move(handler);
    route.segments = pattern.split(QLatin1Char('/'));
    m_routes.append(std::move(route));
}

// Lower is more specific: a placeholder early in the path costs more than one late in it.
static quint64 specificityCost(const QStringList& segments)
{
    quint64 cost = 0;
    for (const QString& segment : segments)
        cost = (cost << 1) | (isPlaceholder(segment) ? 1U : 0U);
    return cost;
}

SimRouter::Match SimRouter::match(const QByteArray& method, const QString& path) const
{
    QString trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QStringList segments = trimmed.split(QLatin1Char('/'));
    Match best;
    quint64 bestCost = ~quint64(0);
    for (const SimRoute& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList args;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString& want = route.segments.at(i);
            if (isPlaceholder(want)) {
                if (segments.at(i).isEmpty())
                    matches = false;
                else
                    args.append(QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
            } else if (want != segments.at(i)) {
                matches = false;
            }
        }
        if (!matches)
            continue;
        best.pathKnown = true;
        if (route.method != method)
            continue;
        const quint64 cost = specificityCost(route.segments);
        if (cost < bestCost) {
            bestCost = cost;
            best.route = &route;
            best.args = args;
        }
    }
    return best;
}

} // namespace rota::sim
