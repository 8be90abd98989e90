// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "icalendar.h"

#include "oncallmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace rota {

namespace ical {

namespace {

constexpr int MaxOctets = 75;

QByteArray line(const char* name, const QString& value)
{
    return fold(QByteArray(name) + ':' + value.toUtf8());
}

} // namespace

QString escapeText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char(',')) {
            escaped += QLatin1Char('\\');
            escaped += c;
        } else if (c == QLatin1Char('\r')) {
            // CRLF is one break; a lone CR is one too.
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            escaped += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\n')) {
            escaped += QStringLiteral("\\n");
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QByteArray fold(const QByteArray& line)
{
    QByteArray out;
    qsizetype pos = 0;
    int room = MaxOctets; // the first line has 75 octets; the others 74 after their space
    while (line.size() - pos > room) {
        qsizetype cut = pos + room;
        // Never between the bytes of one character: back up to the start of the one cut into.
        while (cut > pos && (uchar(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out += line.mid(pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        room = MaxOctets - 1;
    }
    out += line.mid(pos);
    return out;
}

QByteArray utcStamp(const QDateTime& when)
{
    return when.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QString uidOf(const MyShift& shift, const QString& username)
{
    return QString::fromLatin1(utcStamp(shift.start)) + QLatin1Char('-') + shift.policySlug
        + QLatin1Char('-') + username.toLower() + QStringLiteral("@rota");
}

QByteArray calendar(const QList<MyShift>& shifts, const QString& username, const QDateTime& stamp)
{
    QList<QByteArray> lines { "BEGIN:VCALENDAR", "VERSION:2.0",
        "PRODID:-//Rota//Rota on-call shifts//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        line("X-WR-CALNAME",
            escapeText(
                QCoreApplication::translate("ical", "On-call shifts of %1").arg(username))) };
    for (const MyShift& shift : shifts) {
        QString description = QCoreApplication::translate("ical", "Team: %1\nEscalation policy: %2")
                                  .arg(shift.teamLabel(), shift.policyLabel());
        if (!shift.replaces.isEmpty())
            description += QLatin1Char('\n')
                + QCoreApplication::translate("ical", "Instead of %1").arg(shift.replaces);
        lines << "BEGIN:VEVENT" << line("UID", escapeText(uidOf(shift, username)))
              << "DTSTAMP:" + utcStamp(stamp) << "DTSTART:" + utcStamp(shift.start)
              << "DTEND:" + utcStamp(shift.end)
              << line("SUMMARY",
                     escapeText(QCoreApplication::translate("ical", "On call: %1 (%2)")
                                    .arg(shift.policyLabel(), shift.teamLabel())))
              << line("DESCRIPTION", escapeText(description)) << "TRANSP:OPAQUE"
              << "END:VEVENT";
    }
    lines << "END:VCALENDAR";
    QByteArray out;
    for (const QByteArray& each : std::as_const(lines))
        out += each + "\r\n";
    return out;
}

bool write(const QString& path, const QByteArray& data, QString* error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QCoreApplication::translate("ical", "Could not make the folder %1.")
                         .arg(QDir::toNativeSeparators(folder));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ical", "Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace ical

ShiftCalendarFile::ShiftCalendarFile(OnCallModel* model, const QString& path, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_path(path)
{
    if (m_model)
        connect(m_model, &OnCallModel::myShiftsChanged, this, &ShiftCalendarFile::rewrite);
}

QString ShiftCalendarFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/my-shifts.ics");
}

void ShiftCalendarFile::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (enabled)
        rewrite();
}

bool ShiftCalendarFile::rewrite()
{
    if (!m_enabled || !m_model || !m_model->myShiftsKnown())
        return false;
    const QByteArray data
        = ical::calendar(m_model->myShifts(), m_model->username(), m_model->now());
    const bool ok = ical::write(m_path, data, &m_error);
    if (ok)
        m_error.clear();
    Q_EMIT written(ok);
    return ok;
}

} // namespace rota
