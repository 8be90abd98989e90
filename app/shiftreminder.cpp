// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "shiftreminder.h"

#include "incidentmodel.h"
#include "oncallmodel.h"

#include <QTimer>

#include <algorithm>

namespace rota {

namespace {

QString keyFor(ShiftReminder::Kind kind, const MyShift& shift)
{
    const QDateTime& at = kind == ShiftReminder::Kind::Start ? shift.start : shift.end;
    return (kind == ShiftReminder::Kind::Start ? QStringLiteral("shift-start:")
                                               : QStringLiteral("shift-end:"))
        + shift.policySlug + QLatin1Char('/') + QString::number(at.toSecsSinceEpoch());
}

//! Whole minutes from `now` to `at`, rounded up (a reminder 14 min 30 s ahead says 15 min).
qint64 minutesUntil(const QDateTime& now, const QDateTime& at)
{
    return std::max<qint64>(0, (now.secsTo(at) + 59) / 60);
}

} // namespace

ShiftReminder::ShiftReminder(OnCallModel* model, IncidentModel* incidents, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_incidents(incidents)
    , m_timer(new QTimer(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ShiftReminder::check);
    if (m_model)
        connect(m_model, &OnCallModel::myShiftsChanged, this, &ShiftReminder::check);
}

void ShiftReminder::setLeadMinutes(int minutes)
{
    if (minutes == m_leadMinutes)
        return;
    m_leadMinutes = std::max(0, minutes);
    check();
}

void ShiftReminder::setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

void ShiftReminder::check()
{
    m_timer->stop();
    m_nextDue = QDateTime();
    if (m_leadMinutes <= 0 || !m_model)
        return;
    const QDateTime now = m_clock();
    const qint64 lead = qint64(m_leadMinutes) * 60;
    for (const MyShift& shift : m_model->myShifts()) {
        for (const Kind kind : { Kind::Start, Kind::End }) {
            const QDateTime& at = kind == Kind::Start ? shift.start : shift.end;
            if (at <= now)
                continue; // its moment went by: too late to remind
            const QString key = keyFor(kind, shift);
            if (m_sent.contains(key))
                continue;
            const QDateTime due = at.addSecs(-lead);
            if (due <= now) {
                m_sent.insert(key);
                const int paging = m_incidents ? m_incidents->countPagingMe(Phase::Triggered) : 0;
                const int acknowledged
                    = m_incidents ? m_incidents->countPagingMe(Phase::Acknowledged) : 0;
                Q_EMIT remind(kind, key, titleFor(kind, shift, now),
                    bodyFor(kind, shift, now, paging, acknowledged));
            } else if (!m_nextDue.isValid() || due < m_nextDue) {
                m_nextDue = due;
            }
        }
    }
    if (m_nextDue.isValid()) {
        // A timer does not run while the computer sleeps; a wake calls check() too, and no wait is
        // longer than an hour, so that a clock moved meanwhile is caught up with.
        m_timer->start(int(std::clamp<qint64>(now.msecsTo(m_nextDue), 0, MaxWaitMs)));
    }
}

QString ShiftReminder::titleFor(Kind kind, const MyShift& shift, const QDateTime& now)
{
    const QString minutes
        = QString::number(minutesUntil(now, kind == Kind::Start ? shift.start : shift.end));
    return kind == Kind::Start ? tr("On call in %1 min: %2").arg(minutes, shift.policyLabel())
                               : tr("Hand-over in %1 min: %2").arg(minutes, shift.policyLabel());
}

QString ShiftReminder::bodyFor(
    Kind kind, const MyShift& shift, const QDateTime& now, int paging, int acknowledged)
{
    const QString what = tr("%1 (%2)").arg(shift.teamLabel(), shift.policyLabel());
    if (kind == Kind::Start) {
        QString text
            = tr("Your shift for %1 starts at %2 and runs until %3.")
                  .arg(what, shifts::when(shift.start, now), shifts::when(shift.end, shift.start));
        if (!shift.replaces.isEmpty())
            text += QLatin1Char(' ') + tr("You stand in for %1.").arg(shift.replaces);
        return text;
    }
    QString text = tr("Your shift for %1 ends at %2.").arg(what, shifts::when(shift.end, now));
    // Paging means triggered; acknowledged ones are said apart, as in the tray.
    text += QLatin1Char(' ')
        + (paging == 0 ? tr("Nothing is paging you.")
                       : tr("%n incident(s) (is|are) paging you.", nullptr, paging));
    if (acknowledged > 0)
        text += QLatin1Char(' ')
            + tr("%n (is|are) acknowledged and still open.", nullptr, acknowledged);
    text += QLatin1Char(' ')
        + tr("Pass on your notes to whoever takes over: open Rota to add them to the incidents.");
    return text;
}

} // namespace rota
