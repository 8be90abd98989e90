#pragma once

#include "loadcontroller.h"
#include "oncall.h"

#include <QList>
#include <QString>

namespace rota {

class ScheduleModel;

//! Reads a team's or the signed-in user's schedule into a ScheduleModel, at background priority,
//! for a window of days from now (the service's own: daysSkip 0..90, daysForward 1..30; asked
//! values are clamped). A failed load keeps the rows of the same subject; rows of another subject
//! never stay under this one's name.
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

private:
    void load(
        const QString& subject, ApiReply* reply, const std::function<QList<TeamSchedule>()>& teams);

    ScheduleModel* m_model;
    struct Request {
        bool user = false;
        QString name;
        int skip = 0;
        int forward = 14;
    } m_last;
};

} // namespace rota
