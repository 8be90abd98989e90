// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "settings.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class IncidentModel;
class IncidentPoller;
class OnCallModel;

//! How often the current incidents are read, and why. A plain value: decide() is the whole rule.
struct RefreshPace {
    enum class Reason {
        Routine, //!< nothing urgent: Preferences::refreshSeconds
        OnCall, //!< the signed-in user is on call
        Paged, //!< a triggered or acknowledged incident pages the signed-in user
        OnCallAndPaged, //!< both
    };

    int seconds = Preferences::DefaultRefreshSeconds;
    Reason reason = Reason::Routine;

    //! urgentRefreshSeconds while the user is on call or paged, refreshSeconds otherwise. Both are
    //! kept within [MinRefreshSeconds, MaxRefreshSeconds], and the urgent pace is never slower
    //! than the routine one. GET /api-public/v1/incidents is documented at 60 calls a minute per
    //! key; the floor of 15 s spends 4 of them.
    static RefreshPace decide(bool onCall, bool paged, const Preferences& preferences);

    bool isUrgent() const { return reason != Reason::Routine; }
    int intervalMs() const { return seconds * 1000; }
    //! For the status bar: "every 15 s while you are on call", "every minute", "every 5 min".
    QString text() const;

    bool operator==(const RefreshPace& other) const
    {
        return seconds == other.seconds && reason == other.reason;
    }
    bool operator!=(const RefreshPace& other) const { return !(*this == other); }
};

//! Keeps an IncidentPoller at the pace the user's state asks for (RefreshPace::decide): on call
//! (OnCallModel::isOnCall) or paged (IncidentModel::countPagingMe, triggered or acknowledged).
//! It decides again whenever either or the preferences change. A switch to a shorter interval
//! applies now (the next refresh is brought forward); a longer one from the next refresh on.
//! The poller's text after a good refresh names the pace ("… · every 15 s while you are on
//! call").
class RefreshPacer : public QObject {
    Q_OBJECT
public:
    //! Nothing is owned. `onCall` may be null: the user then counts as not on call.
    RefreshPacer(IncidentPoller* poller, IncidentModel* incidents, OnCallModel* onCall,
        const Preferences& preferences, QObject* parent = nullptr);

    void setPreferences(const Preferences& preferences);
    RefreshPace pace() const { return m_pace; }

Q_SIGNALS:
    //! The pace changed (and was applied to the poller).
    void paceChanged(const rota::RefreshPace& pace);

private:
    RefreshPace decide() const;
    //! Sets the poller's interval and pace text to m_pace.
    void apply();
    void update();

    QPointer<IncidentPoller> m_poller;
    QPointer<IncidentModel> m_incidents;
    QPointer<OnCallModel> m_onCall;
    Preferences m_preferences;
    RefreshPace m_pace;
};

} // namespace rota

Q_DECLARE_METATYPE(rota::RefreshPace)
