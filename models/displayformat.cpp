// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "displayformat.h"

#include <QRegularExpression>

namespace rota {

namespace {

QString withoutZone(QString format)
{
    static const QRegularExpression zone(QStringLiteral("\\s*\\(?t+\\)?"));
    return format.remove(zone).trimmed();
}

// The locale's long date made short: weekday and month abbreviated, the weekday and the year
// left out unless wanted.
QString dayMonth(const QLocale& locale, bool weekday, bool year)
{
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.replace(QLatin1String("dddd"), QLatin1String("ddd"));
    format.replace(QLatin1String("MMMM"), QLatin1String("MMM"));
    if (!weekday) {
        static const QRegularExpression day(QStringLiteral("ddd[,.\\s]*|[,\\s]*ddd"));
        format.remove(day);
    }
    if (!year) {
        static const QRegularExpression leading(QStringLiteral("^yyyy[^dM']*"));
        static const QRegularExpression trailing(QStringLiteral("[,\\s]*('[^']*'\\s*)?yyyy\\S*"));
        format.remove(leading);
        format.remove(trailing);
    }
    format = format.trimmed();
    return format.isEmpty() ? QString() : format;
}

} // namespace

QString displayFormat(const QString& pattern, const QLocale& locale)
{
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return pattern;
    const QString shortTime = locale.timeFormat(QLocale::ShortFormat);
    if (pattern == QLatin1String("HH:mm"))
        return shortTime;
    if (pattern == QLatin1String("HH:mm:ss"))
        return withoutZone(locale.timeFormat(QLocale::LongFormat));
    if (pattern == QLatin1String("yyyy-MM-dd"))
        return locale.dateFormat(QLocale::ShortFormat);
    if (pattern == QLatin1String("yyyy-MM-dd HH:mm"))
        return locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + shortTime;
    static const QRegularExpression dayPattern(QStringLiteral("^(ddd )?d MMM( yyyy)?( HH:mm)?$"));
    const QRegularExpressionMatch m = dayPattern.match(pattern);
    if (!m.hasMatch())
        return pattern;
    const QString date = dayMonth(locale, m.capturedLength(1) > 0, m.capturedLength(2) > 0);
    if (date.isEmpty())
        return pattern;
    return m.capturedLength(3) > 0 ? date + QLatin1Char(' ') + shortTime : date;
}

} // namespace rota
