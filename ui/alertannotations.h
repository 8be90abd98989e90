// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace rota {

//! What an alert rule added to an alert: "vo_annotate.u.<title>" a URL (e.g. a runbook),
//! "vo_annotate.i.<title>" an image's URL, "vo_annotate.s.<title>" a note. The service puts
//! them among the alert's fields as it sends them on.
struct AlertAnnotation {
    enum class Type { Url, Image, Note };
    Type type = Type::Note;
    QString title; //!< the part of the key after "vo_annotate.<type>."
    QString value; //!< as written

    //! The value as an address a click may open: http or https with a host only; else invalid
    //! (a "javascript:", "file:" or relative value is shown as text).
    QUrl link() const;
    //! `text` as a web address (http or https with a host); else invalid.
    static QUrl webLink(const QString& text);

    //! The annotations among an alert's fields, in the fields' order. Keys that start
    //! "vo_annotate." with an unknown type are left out (they stay among the fields).
    static QList<AlertAnnotation> fromAlert(const QJsonObject& fields);
    static bool isAnnotationKey(const QString& key);

    //! The annotations as rich text for a QLabel whose links open only on a click: every text
    //! escaped, a link only for link(), the address shown beside its title. Images are links
    //! too: nothing is loaded from elsewhere until the user clicks.
    static QString toHtml(const QList<AlertAnnotation>& annotations);
};

} // namespace rota
