// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "schedulecontroller.h"

#include "apiclient.h"
#include "schedulemodel.h"

#include <algorithm>

namespace rota {

namespace {

ScheduleQuery window(int daysSkip, int daysForward, int step)
{
    ScheduleQuery query;
    query.daysSkip = std::clamp(daysSkip, 0, 90);
    query.daysForward = std::clamp(daysForward, 1, 30);
    if (step > 0)
        query.step = step;
    return query;
}

//! Whether the answer names anyone on call in any policy (a step past a policy's last names none).
bool namesAnyone(const QList<TeamSchedule>& teams)
{
    for (const TeamSchedule& team : teams) {
        for (const PolicySchedule& policy : team.schedules) {
            if (!policy.schedule.isEmpty())
                return true;
        }
    }
    return false;
}

} // namespace

ScheduleController::ScheduleController(ApiClient* client, ScheduleModel* model, QObject* parent)
    : LoadController(client, parent)
    , m_model(model)
{
}

void ScheduleController::loadTeam(const QString& teamSlug, int daysSkip, int daysForward)
{
    m_last = { false, teamSlug, daysSkip, daysForward };
    ApiClient* api = client();
    load(QStringLiteral("team:") + teamSlug, [api, teamSlug, daysSkip, daysForward](int step) {
        const auto call = calls::getTeamSchedule(*api, teamSlug,
            window(daysSkip, daysForward, step), RequestScheduler::Priority::Background);
        return qMakePair(call.reply, std::function<QList<TeamSchedule>()>([call] {
            return QList<TeamSchedule> { call.value() };
        }));
    });
}

void ScheduleController::loadUser(const QString& username, int daysSkip, int daysForward)
{
    m_last = { true, username, daysSkip, daysForward };
    ApiClient* api = client();
    load(QStringLiteral("user:") + username, [api, username, daysSkip, daysForward](int step) {
        const auto call = calls::getUserSchedule(*api, username,
            window(daysSkip, daysForward, step), RequestScheduler::Priority::Background);
        return qMakePair(call.reply,
            std::function<QList<TeamSchedule>()>([call] { return call.value().teamSchedules; }));
    });
}

void ScheduleController::reload()
{
    if (m_last.name.isEmpty())
        return;
    if (m_last.user)
        loadUser(m_last.name, m_last.skip, m_last.forward);
    else
        loadTeam(m_last.name, m_last.skip, m_last.forward);
}

void ScheduleController::clear(const QString& subject)
{
    ++m_generation;
    if (m_stepReply)
        m_stepReply->abandon();
    m_model->setSchedule(subject, {});
    clearError();
}

void ScheduleController::load(const QString& subject, const StepRead& read)
{
    const int generation = ++m_generation;
    if (m_stepReply)
        m_stepReply->abandon();
    const auto first = read(0);
    track(first.first,
        [this, subject, read, teams = first.second, generation](const ApiReply& answer) {
            if (!answer.ok()) {
                if (subject != m_model->subject())
                    m_model->setSchedule(subject, {}); // another team's rows must not stay here
                return;
            }
            const QList<TeamSchedule> found = teams();
            // The later steps' rows of this subject stay until their own answers replace them.
            m_model->setStepSchedule(subject, 0, found);
            if (namesAnyone(found) && generation == m_generation)
                loadStep(subject, read, 1);
            else
                m_model->clearStepsFrom(1);
        });
}

void ScheduleController::loadStep(const QString& subject, const StepRead& read, int step)
{
    const int generation = m_generation;
    const auto call = read(step);
    m_stepReply = call.first;
    connect(call.first, &ApiReply::finished, this,
        [this, subject, read, step, generation, teams = call.second, reply = call.first] {
            if (generation != m_generation || !reply->ok())
                return; // a newer load owns the rows; a failed later step keeps what is shown
            const QList<TeamSchedule> found = teams();
            if (!namesAnyone(found)) {
                m_model->clearStepsFrom(step);
                return;
            }
            m_model->setStepSchedule(subject, step, found);
            if (step < LastStep)
                loadStep(subject, read, step + 1);
        });
}

} // namespace rota
