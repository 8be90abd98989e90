#include "schedulecontroller.h"

#include "apiclient.h"
#include "schedulemodel.h"

#include <algorithm>

namespace rota {

namespace {

ScheduleQuery window(int daysSkip, int daysForward)
{
    ScheduleQuery query;
    query.daysSkip = std::clamp(daysSkip, 0, 90);
    query.daysForward = std::clamp(daysForward, 1, 30);
    return query;
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
    const auto call = calls::getTeamSchedule(
        *client(), teamSlug, window(daysSkip, daysForward), RequestScheduler::Priority::Background);
    load(QStringLiteral("team:") + teamSlug, call.reply,
        [call] { return QList<TeamSchedule> { call.value() }; });
}

void ScheduleController::loadUser(const QString& username, int daysSkip, int daysForward)
{
    m_last = { true, username, daysSkip, daysForward };
    const auto call = calls::getUserSchedule(
        *client(), username, window(daysSkip, daysForward), RequestScheduler::Priority::Background);
    load(QStringLiteral("user:") + username, call.reply,
        [call] { return call.value().teamSchedules; });
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
    m_model->setSchedule(subject, {});
    clearError();
}

void ScheduleController::load(
    const QString& subject, ApiReply* reply, const std::function<QList<TeamSchedule>()>& teams)
{
    track(reply, [this, subject, teams](const ApiReply& answer) {
        if (answer.ok())
            m_model->setSchedule(subject, teams());
        else if (subject != m_model->subject())
            m_model->setSchedule(subject, {}); // another team's rows must not stay under this name
    });
}

} // namespace rota
