// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "simorg.h"

#include "simcontext.h"

#include <QTimeZone>

namespace rota::sim {

// Deterministic ids: a counter scrambled into readable base-62, so seeded orgs come out the same.
static QString scrambled(quint64 counter, int length)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    constexpr quint64 base = sizeof(alphabet) - 1;
    quint64 x = counter * 0x9E3779B97F4A7C15ULL;
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 32;
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        out.append(QLatin1Char(alphabet[x % base]));
        x /= base;
        if (x == 0)
            x = counter * 0x94D049BB133111EBULL + static_cast<quint64>(i) + 1;
    }
    return out;
}

QString SimOrg::newSlug(const QString& prefix)
{
    return prefix + QLatin1Char('-') + scrambled(idCounter++, 8);
}

QString SimOrg::newUuid()
{
    const quint64 n = idCounter++;
    const quint64 a = n * 0x9E3779B97F4A7C15ULL ^ 0xD1B54A32D192ED03ULL;
    const quint64 b = (n + 0x632BE59BD9B4E019ULL) * 0xBF58476D1CE4E5B9ULL;
    const QString hex
        = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    // version 4 and variant bits, so it looks like every other uuid
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3)
        + QLatin1Char('-') + QLatin1Char("89ab"[b % 4]) + hex.mid(17, 3) + QLatin1Char('-')
        + hex.mid(20, 12);
}

QString isoUtc(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }

QString rfc3339InZone(const QDateTime& t, const QString& ianaZone)
{
    const QTimeZone zone(ianaZone.toUtf8());
    const QDateTime local = zone.isValid() ? t.toTimeZone(zone) : t.toUTC();
    const int offset = local.offsetFromUtc();
    QString text = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (offset == 0)
        return text + QLatin1Char('Z');
    const int minutes = qAbs(offset) / 60;
    return text + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2")
              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace rota::sim
