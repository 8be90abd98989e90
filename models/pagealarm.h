// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QTimer;

namespace rota {

//! Keeps a page alarming until someone acts on it: given, after each refresh and each change the
//! user makes, the incidents that alarm now (NotificationFilter::isAlarming decides which), it
//! asks for a reminder of all of them every repeat interval while there are any, and says at once
//! which ones stopped alarming (acknowledged, resolved or rerouted, here or anywhere else).
//!
//! The interval runs from the moment the set stops being empty; an incident joining a running
//! alarm has just had its own first notification and is reminded of with the others.
class PageAlarm : public QObject {
    Q_OBJECT
public:
    explicit PageAlarm(QObject* parent = nullptr);

    //! The time between reminders (at least 1 ms; tests shorten it). Applies from the next one.
    void setRepeatMs(int ms);
    int repeatMs() const;

    //! The incidents alarming now, in the order to show them. Those that were alarming and are
    //! not any more are announced by stopped(); the reminders start or stop with the set.
    void update(const QList<Incident>& alarming);
    //! Forgets everything without announcing it (a new session).
    void clear();

    const QList<Incident>& alarming() const { return m_alarming; }
    QStringList numbers() const;
    bool isActive() const { return !m_alarming.isEmpty(); }
    //! Milliseconds until the next reminder; -1 when none is due.
    int nextReminderIn() const;

Q_SIGNALS:
    //! Time to remind the user of these incidents (all that alarm now).
    void remind(const QList<rota::Incident>& incidents);
    //! These incident numbers stopped alarming.
    void stopped(const QStringList& numbers);
    //! The set became non-empty (true) or empty (false).
    void activeChanged(bool active);

private:
    QTimer* m_timer;
    QList<Incident> m_alarming;
};

} // namespace rota
