// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "personavatar.h"

#include <QFont>
#include <QPainter>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <cmath>

namespace rota::PersonAvatar {

namespace {

// The first character as a reader sees it (a letter with its accents, a surrogate pair), in
// upper case.
QString firstGrapheme(const QString& word)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, word);
    const qsizetype end = finder.toNextBoundary();
    return word.left(end > 0 ? end : 1).toUpper();
}

// FNV-1a over the UTF-8 of the folded username: qHash is seeded per process, and the colour must
// not change from one run to the next.
quint32 stableHash(const QString& username)
{
    quint32 hash = 2166136261u;
    const QByteArray bytes = username.toCaseFolded().toUtf8();
    for (const char byte : bytes) {
        hash ^= quint32(quint8(byte));
        hash *= 16777619u;
    }
    return hash;
}

double channel(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const QColor& colour)
{
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

} // namespace

QString initials(const QString& displayName, const QString& username)
{
    QStringList words;
    const QStringList parts = displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (!part.startsWith(QLatin1Char('(')))
            words.append(part);
    }
    if (words.isEmpty()) {
        const QString name = username.trimmed();
        return name.isEmpty() ? QStringLiteral("?") : firstGrapheme(name);
    }
    if (words.size() == 1)
        return firstGrapheme(words.first());
    return firstGrapheme(words.first()) + firstGrapheme(words.last());
}

QColor colour(const QString& username)
{
    const quint32 hash = stableHash(username);
    // A hue from the hash at a middling saturation and lightness: distinct from one another, never
    // so light or dark that it melts into a light or dark window.
    const int hue = int(hash % 360u);
    const int lightness = 100 + int((hash >> 9) % 30u);
    return QColor::fromHsl(hue, 150, lightness);
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor textColour(const QColor& background)
{
    const QColor white(Qt::white);
    const QColor dark(Qt::black);
    return contrastRatio(white, background) >= contrastRatio(dark, background) ? white : dark;
}

QPixmap pixmap(
    const QString& username, const QString& displayName, int size, qreal devicePixelRatio)
{
    const qreal ratio = devicePixelRatio > 0 ? devicePixelRatio : 1.0;
    QPixmap picture(QSize(size, size) * ratio);
    picture.setDevicePixelRatio(ratio);
    picture.fill(Qt::transparent);
    if (size <= 0)
        return picture;

    const QColor background = colour(username);
    QPainter painter(&picture);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    const QRectF circle(0, 0, size, size);
    painter.drawEllipse(circle);

    QString letters = initials(displayName, username);
    // Two letters in a circle the height of a line of text are too small to read: one is not.
    if (size < SmallSize)
        letters = firstGrapheme(letters);
    const bool two = letters.size() > 1 && firstGrapheme(letters) != letters;
    QFont font;
    font.setBold(true);
    font.setPixelSize(std::max(1, int(size * (two ? 0.40 : 0.56))));
    painter.setFont(font);
    painter.setPen(textColour(background));
    painter.drawText(circle, Qt::AlignCenter, letters);
    return picture;
}

QIcon icon(const QString& username, const QString& displayName, int size)
{
    QIcon result;
    result.addPixmap(pixmap(username, displayName, size, 1.0));
    result.addPixmap(pixmap(username, displayName, size, 2.0));
    return result;
}

} // namespace rota::PersonAvatar
