// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidents.h"
#include "settings.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace rota {

//! Decides which incidents of a refresh deserve a desktop notification. Pure decisions: it sends
//! nothing and shows nothing (app/notifier.h does).
//!
//! An incident is notified when it is triggered, in the scope of Preferences::notify (Off: none;
//! PagingMe: the user is among its paged users; MyTeams: that, or one of the user's teams is
//! paged; All: every one), and not notified before. Rules:
//! - The first snapshot after reset() (sign-in) is the baseline: what it holds was already there,
//!   so it is remembered as seen and nothing is notified one by one. Starting Rota never floods;
//!   what already pages the user is summed up in one notification (alarming() tells what).
//! - One incident number is notified at most once per session, whatever later snapshots say. An
//!   incident number is never reused, and a resolved incident does not trigger again (a new alert
//!   opens a new incident), so a re-triggered number would be a server oddity: it stays silent.
//! - Quiet hours and a pause hold back every notification but one of an incident that pages the
//!   user directly (among its paged users) while they are on call (setOnCall): that one is never
//!   silenced. A triggered incident that is held back is remembered as handled: the end of a
//!   pause or of the quiet hours does not bring a burst of stale notifications.
//! - An incident paging the user directly that was notified, or was in the baseline, keeps
//!   alarming (alarming()) while it stays triggered and is not silenced: the Notifier reminds the
//!   user of it until someone acknowledges, resolves or reroutes it.
//! - With notifications Off, triggered incidents are remembered as handled too (turning them on
//!   later does not notify what was already there).
//! - Only triggered incidents are remembered once past the baseline: an acknowledged one that is
//!   triggered again (a reroute pages anew) is notified then.
//! - A triggered incident that is out of scope is not remembered: when it is rerouted to the user
//!   while still triggered, the next snapshot notifies it.
class NotificationFilter : public QObject {
    Q_OBJECT
public:
    //! `clock` gives the current time (default: QDateTime::currentDateTime); quiet hours are read
    //! in its local time.
    explicit NotificationFilter(std::function<QDateTime()> clock = {}, QObject* parent = nullptr);

    void setPreferences(const Preferences& preferences) { m_preferences = preferences; }
    const Preferences& preferences() const { return m_preferences; }
    //! Who "paging me" and "my teams" mean. Usernames compare case-insensitively.
    void setIdentity(const QString& username, const QSet<QString>& teamSlugs = {});
    //! Whether the user is on call now (then quiet hours and a pause spare their direct pages).
    void setOnCall(bool onCall) { m_onCall = onCall; }
    bool isOnCall() const { return m_onCall; }

    //! Forgets everything seen (a new session): the next snapshot is a baseline again. The pause
    //! stays (it is the user's, not the session's).
    void reset();
    //! True until the first snapshot after construction or reset() was taken.
    bool awaitsBaseline() const { return !m_baselineTaken; }

    //! The incidents of `snapshot` to notify now, in snapshot order, and remembers them.
    QList<Incident> take(const QList<Incident>& snapshot);
    //! Whether quiet hours or a pause hold back a notification of `incident` now (never for a
    //! direct page while on call).
    bool isSilenced(const Incident& incident) const;
    //! Whether `incident`, in `phase` (the phase the user sees, an action in flight included),
    //! calls for a reminder now: triggered, paging the user directly, notified (or in the
    //! baseline), notifications on, and not silenced.
    bool isAlarming(const Incident& incident, Phase phase) const;

    //! Pauses notifications for `seconds` from now (a later pause replaces an earlier one).
    void pauseFor(int seconds);
    //! Pauses notifications until resume().
    void pauseIndefinitely();
    void resume();
    //! True while a pause is in force (a timed pause ends by itself at its time).
    bool isPaused() const;
    //! When a timed pause ends; invalid when not paused or paused until resumed.
    QDateTime pausedUntil() const;
    //! True when now falls in the quiet hours of the preferences.
    bool isQuiet() const;

    bool isPagingMe(const Incident& incident) const;
    bool isMyTeams(const Incident& incident) const;
    //! In the scope of Preferences::notify (phase aside).
    bool inScope(const Incident& incident) const;

    QDateTime now() const { return m_clock(); }

Q_SIGNALS:
    //! pauseFor, pauseIndefinitely or resume changed the pause. (A timed pause running out emits
    //! nothing: read isPaused() when it matters.)
    void pauseChanged();

private:
    std::function<QDateTime()> m_clock;
    Preferences m_preferences;
    QString m_username; //!< lower-case
    QSet<QString> m_teams;
    QSet<QString> m_handled; //!< numbers notified, held back, or in the baseline
    QSet<QString> m_alarmed; //!< direct pages notified or in the baseline, not held back
    bool m_onCall = false;
    bool m_baselineTaken = false;
    bool m_pausedIndefinitely = false;
    QDateTime m_pausedUntil;
};

} // namespace rota
