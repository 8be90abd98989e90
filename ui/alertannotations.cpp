// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "alertannotations.h"

#include "jsontext.h"
#include "plaintext.h"

#include <QCoreApplication>

namespace rota {

namespace {

const QLatin1String Prefix("vo_annotate.");

// Escaped, line breaks kept, and a very long word given places to wrap (a label never breaks
// inside a word).
QString breakableHtml(const QString& text)
{
    QString html = breakable(text).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return html;
}

} // namespace

bool AlertAnnotation::isAnnotationKey(const QString& key)
{
    if (!key.startsWith(Prefix) || key.size() < Prefix.size() + 2
        || key.at(Prefix.size() + 1) != QLatin1Char('.'))
        return false;
    const QChar type = key.at(Prefix.size());
    return type == QLatin1Char('u') || type == QLatin1Char('i') || type == QLatin1Char('s');
}

QList<AlertAnnotation> AlertAnnotation::fromAlert(const QJsonObject& fields)
{
    QList<AlertAnnotation> annotations;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isAnnotationKey(it.key()))
            continue;
        AlertAnnotation annotation;
        const QChar type = it.key().at(Prefix.size());
        annotation.type = type == QLatin1Char('u') ? Type::Url
            : type == QLatin1Char('i')             ? Type::Image
                                                   : Type::Note;
        annotation.title = it.key().mid(Prefix.size() + 2);
        annotation.value = jsonValueText(it.value());
        annotations.append(annotation);
    }
    return annotations;
}

QUrl AlertAnnotation::link() const { return type == Type::Note ? QUrl() : webLink(value); }

QUrl AlertAnnotation::webLink(const QString& text)
{
    // Tolerant: a '<' or a space in what a tool wrote is encoded, not a reason to refuse.
    const QUrl url(text.trimmed(), QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return QUrl();
    return url;
}

QString AlertAnnotation::toHtml(const QList<AlertAnnotation>& annotations)
{
    QStringList rows;
    for (const AlertAnnotation& annotation : annotations) {
        QString title = annotation.title.isEmpty()
            ? QCoreApplication::translate("rota::AlertAnnotation", "Annotation")
            : annotation.title;
        if (annotation.type == Type::Image)
            title = QCoreApplication::translate("rota::AlertAnnotation", "%1 (image)").arg(title);
        QString row = QLatin1String("<b>") + title.toHtmlEscaped() + QLatin1String("</b><br>");
        const QUrl url = annotation.link();
        if (url.isValid()) {
            // The address as the browser gets it, and as the reader sees it.
            const QString href = QString::fromUtf8(url.toEncoded()).toHtmlEscaped();
            row += QLatin1String("<a href=\"") + href + QLatin1String("\">")
                + breakableHtml(url.toDisplayString()) + QLatin1String("</a>");
        } else {
            row += breakableHtml(annotation.value);
        }
        rows.append(row);
    }
    return rows.join(QLatin1String("<br><br>"));
}

} // namespace rota
