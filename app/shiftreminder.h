// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "nextshift.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

class QTimer;

namespace rota {

class IncidentModel;
class OnCallModel;

//! Reminds the user a set time before each of their shifts starts ("On call in 15 min") and ends
//! (a hand-over reminder that says how many incidents page them and asks them to pass on notes).
//!
//! The shifts are the model's (OnCallModel::myShifts); they are looked at again whenever they
//! change, when the lead time changes, on check() (after a wake from sleep: a timer does not run
//! while the computer sleeps) and at least every MaxWaitMs. A reminder still due when looked at
//! (its time passed, its shift's start or end not yet) is sent then; one whose moment went by is
//! dropped. Each is sent once per shift (keyed by policy and start, or policy and end).
class ShiftReminder : public QObject {
    Q_OBJECT
public:
    enum class Kind { Start, End };
    Q_ENUM(Kind)

    static constexpr int MaxWaitMs = 60 * 60 * 1000;

    //! Neither is owned; either may be nullptr (no shifts; no incident count in the hand-over).
    ShiftReminder(OnCallModel* model, IncidentModel* incidents, QObject* parent = nullptr);

    //! Minutes ahead of a start and an end; 0 turns reminders off.
    void setLeadMinutes(int minutes);
    int leadMinutes() const { return m_leadMinutes; }
    //! For tests: the clock (default: the current UTC time).
    void setClock(std::function<QDateTime()> clock);

    //! Sends what is due now and sets the timer for the next one.
    void check();
    //! When the next reminder is due; invalid when none is.
    QDateTime nextDue() const { return m_nextDue; }

    //! The words of a reminder at `now` (public for tests).
    static QString titleFor(Kind kind, const MyShift& shift, const QDateTime& now);
    static QString bodyFor(
        Kind kind, const MyShift& shift, const QDateTime& now, int paging, int acknowledged);

Q_SIGNALS:
    //! A reminder to show; `key` is the same for one shift's start (or end) only.
    void remind(rota::ShiftReminder::Kind kind, const QString& key, const QString& title,
        const QString& body);

private:
    QPointer<OnCallModel> m_model;
    QPointer<IncidentModel> m_incidents;
    QTimer* m_timer;
    std::function<QDateTime()> m_clock;
    QSet<QString> m_sent;
    QDateTime m_nextDue;
    int m_leadMinutes = 0;
};

} // namespace rota
