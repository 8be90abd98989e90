// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "loadcontroller.h"
#include "oncall.h"

#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>

namespace rota {

class ScheduleModel;

//! Reads a team's or the signed-in user's schedule into a ScheduleModel, at background priority,
//! for a window of days from now (the service's own: daysSkip 0..90, daysForward 1..30; asked
//! values are clamped). A failed load keeps the rows of the same subject; rows of another subject
//! never stay under this one's name.
//!
//! The service answers one escalation step per read. After the first step's answer, the next
//! step is read while the last one named anyone (up to step 4), so that a policy's second-line
//! rotation ("Secondary") has rows too; loaded() comes with the first step, and the later steps'
//! rows follow as they are answered (a failed later step keeps what was shown).
class ScheduleController : public LoadController {
    Q_OBJECT
public:
    //! Nothing owned; `client` and `model` must outlive the controller.
    ScheduleController(ApiClient* client, ScheduleModel* model, QObject* parent = nullptr);

    ScheduleModel* model() const { return m_model; }

    //! GET /v2/team/{team}/oncall/schedule for the days from `daysSkip` to daysSkip + daysForward
    //! after now.
    void loadTeam(const QString& teamSlug, int daysSkip, int daysForward);
    //! The same for the user's schedule: every team the user is on, rows tagged with the team.
    void loadUser(const QString& username, int daysSkip, int daysForward);
    //! Loads again what was last loaded (nothing before the first load).
    void reload();
    //! Shows no rows for `subject` and no error: for days the service has no schedule for (the
    //! past, too far ahead). A load in flight still lands when answered.
    void clear(const QString& subject);

    //! The highest escalation step read (0..3).
    static constexpr int LastStep = 3;

private:
    //! Sends the read of one step; the answer's teams come from the function once answered.
    using StepRead
        = std::function<QPair<ApiReply*, std::function<QList<TeamSchedule>()>>(int step)>;
    void load(const QString& subject, const StepRead& read);
    void loadStep(const QString& subject, const StepRead& read, int step);

    ScheduleModel* m_model;
    QPointer<ApiReply> m_stepReply; //!< a later step's read in flight
    int m_generation = 0; //!< which load a later step's answer belongs to
    struct Request {
        bool user = false;
        QString name;
        int skip = 0;
        int forward = 14;
    } m_last;
};

} // namespace rota
