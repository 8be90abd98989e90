// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "nextshift.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class OnCallModel;

//! The signed-in user's shifts as an iCalendar file (RFC 5545) that calendar apps import or
//! subscribe to: CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
//! character, TEXT values escaped, times in UTC, one VEVENT per shift with a UID that stays the
//! same while the shift keeps its policy and start.
namespace ical {

//! TEXT escaping: backslash, semicolon and comma get a backslash; a line break becomes "\n".
QString escapeText(const QString& text);
//! Folds one content line (UTF-8, no line end) into lines of at most 75 octets joined by CRLF
//! and a space; a multi-byte character is never split. The result has no final CRLF.
QByteArray fold(const QByteArray& line);
//! A date-time in UTC form: 20261208T090000Z.
QByteArray utcStamp(const QDateTime& when);
//! The UID of a shift of `username`: stable across rewrites of the calendar.
QString uidOf(const MyShift& shift, const QString& username);
//! The whole calendar: VCALENDAR (VERSION:2.0, PRODID) with one VEVENT per shift, stamped
//! `stamp` (DTSTAMP).
QByteArray calendar(const QList<MyShift>& shifts, const QString& username, const QDateTime& stamp);
//! Writes `data` to `path` atomically (QSaveFile): the old file stays whole until the new one is
//! complete. False with *error in words when it could not.
bool write(const QString& path, const QByteArray& data, QString* error);

} // namespace ical

//! A calendar file of the user's shifts that is kept up to date: rewritten (atomically) whenever
//! the model's shifts change while enabled, and once when enabled.
class ShiftCalendarFile : public QObject {
    Q_OBJECT
public:
    //! The model is not owned and should outlive this object.
    ShiftCalendarFile(OnCallModel* model, const QString& path, QObject* parent = nullptr);

    //! Under QStandardPaths::AppDataLocation: "my-shifts.ics".
    static QString defaultPath();

    QString path() const { return m_path; }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    //! Why the last write failed, in words; empty after a good one.
    QString error() const { return m_error; }

    //! Writes the file now (when enabled and the shifts are known); true when written.
    bool rewrite();

Q_SIGNALS:
    //! The file was written (ok) or could not be (error() says why).
    void written(bool ok);

private:
    QPointer<OnCallModel> m_model;
    QString m_path;
    QString m_error;
    bool m_enabled = false;
};

} // namespace rota
