// Who is on call, on-call schedules (v1 and v2), take on-call, scheduled overrides and the team
// shift log. Everything here is computed from the rotations on demand, so the answers stay right
// whatever the simulator's clock says; only takes, overrides and the shift log are stored.
#include "simcontext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace rota::sim {

namespace {

constexpr qint64 msPerHour = qint64(60) * 60 * 1000;
constexpr qint64 msPerDay = 24 * msPerHour;
// A bound for loops over shifts, so a one-hour rotation over a long window cannot run away.
constexpr int maxShiftsPerWalk = 20000;
constexpr qint64 maxLogWindowDays = 366;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        --q;
    return q;
}

void clampUntil(QDateTime* until, const QDateTime& t)
{
    if (!until->isValid() || t < *until)
        *until = t;
}

bool isRotationEntry(const QString& executionType)
{
    return executionType == QLatin1String("rotation_group")
        || executionType == QLatin1String("rotation_group_next")
        || executionType == QLatin1String("rotation_group_previous");
}

struct Shift {
    qint64 index = 0; //!< 0 is the shift starting at the anchor; negative before it
    QDateTime start;
    QDateTime end;
};

//! The shift arithmetic of one rotation. Whole-day shifts are counted in the rotation's local
//! calendar so that a weekly handoff stays at 09:00 local time across a daylight-saving change;
//! anything else is counted in absolute hours from the anchor.
class ShiftClock {
public:
    explicit ShiftClock(const SimRotation& rotation)
        : m_hours(rotation.shiftHours > 0 ? rotation.shiftHours : 168)
        , m_anchor(rotation.anchor.isValid()
                  ? rotation.anchor.toUTC()
                  : QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()))
    {
        if (m_hours % 24 == 0) {
            m_zone = QTimeZone(rotation.timeZone.toUtf8());
            m_wallClock = m_zone.isValid();
            if (m_wallClock)
                m_anchorLocal = m_anchor.toTimeZone(m_zone);
        }
    }

    QDateTime start(qint64 index) const
    {
        if (m_wallClock) {
            const QDateTime local(
                m_anchorLocal.date().addDays(index * (m_hours / 24)), m_anchorLocal.time(), m_zone);
            // A handoff time that falls into a daylight-saving gap has no local reading; fall
            // back to absolute hours rather than lose the shift.
            if (local.isValid())
                return local.toUTC();
        }
        return m_anchor.addMSecs(index * m_hours * msPerHour);
    }

    Shift at(const QDateTime& t) const
    {
        if (!t.isValid())
            return { 0, start(0), start(1) };
        qint64 index = 0;
        if (m_wallClock) {
            const qint64 days = m_anchorLocal.date().daysTo(t.toTimeZone(m_zone).date());
            index = floorDiv(days, m_hours / 24);
        } else {
            index = floorDiv(m_anchor.msecsTo(t), m_hours * msPerHour);
        }
        // The estimate can be one off around the handoff time of day; settle it exactly.
        while (start(index) > t)
            --index;
        while (start(index + 1) <= t)
            ++index;
        return { index, start(index), start(index + 1) };
    }

    Shift next(const Shift& shift) const
    {
        return { shift.index + 1, shift.end, start(shift.index + 2) };
    }

private:
    int m_hours;
    QDateTime m_anchor;
    QDateTime m_anchorLocal;
    QTimeZone m_zone;
    bool m_wallClock = false;
};

QString memberFor(const SimRotation& rotation, const QString& executionType, qint64 shiftIndex)
{
    if (rotation.members.isEmpty())
        return {};
    qint64 index = shiftIndex;
    if (executionType == QLatin1String("rotation_group_next"))
        ++index;
    else if (executionType == QLatin1String("rotation_group_previous"))
        --index;
    const qint64 count = rotation.members.size();
    return rotation.members.at(static_cast<qsizetype>(((index % count) + count) % count));
}

//! The user actually on call for `policySlug` at t when the schedule says `scheduled`: a scheduled
//! override with a replacement first, then "take on-call" records (which may chain: A took from
//! B, then C from A). *until is narrowed to when that answer may next change.
QString applyOverrides(const SimOrg& org, const QString& policySlug, const QString& scheduled,
    const QDateTime& t, QDateTime* until)
{
    QString user = scheduled;
    if (user.isEmpty())
        return user;
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (override.username != user || t < override.start || t >= override.end)
            continue;
        const QString replacement = override.assignments.value(policySlug);
        if (!replacement.isEmpty()) {
            user = replacement;
            clampUntil(until, override.end);
            break;
        }
    }
    for (qsizetype hop = 0; hop <= org.takeOverrides.size(); ++hop) {
        bool moved = false;
        for (const SimTakeOverride& take : org.takeOverrides) {
            if (take.policySlug == policySlug && take.fromUser == user && t >= take.start
                && t < take.end) {
                user = take.toUser;
                clampUntil(until, take.end);
                moved = true;
                break;
            }
        }
        if (!moved)
            break;
    }
    return user;
}

//! One on-call entry of a policy step at a moment.
struct Slot {
    QString executionType;
    const SimRotation* rotation = nullptr;
    QString scheduled; //!< who the rotation (or the entry itself) names
    QString user; //!< who is on call after overrides and takes
    QDateTime until; //!< when `user` may next change; invalid when nothing bounds it
};

QList<Slot> slotsAt(const SimOrg& org, const SimPolicy& policy, int step, const QDateTime& t)
{
    QList<Slot> found;
    if (step < 0 || step >= policy.steps.size())
        return found;
    for (const SimPolicyEntry& entry : policy.steps.at(step).entries) {
        Slot slot;
        slot.executionType = entry.executionType;
        if (isRotationEntry(entry.executionType)) {
            const auto it = org.rotations.constFind(entry.target);
            if (it == org.rotations.cend())
                continue;
            slot.rotation = &it.value();
            const Shift shift = ShiftClock(*it).at(t);
            slot.scheduled = memberFor(*it, entry.executionType, shift.index);
            slot.until = shift.end;
        } else if (entry.executionType == QLatin1String("user")) {
            slot.scheduled = entry.target;
        } else {
            continue; // webhooks, e-mail addresses and policy routing put nobody on call
        }
        slot.user = applyOverrides(org, policy.slug, slot.scheduled, t, &slot.until);
        found.append(slot);
    }
    return found;
}

QStringList usersOf(const QList<Slot>& found)
{
    QStringList users;
    for (const Slot& slot : found) {
        if (!slot.user.isEmpty() && !users.contains(slot.user))
            users.append(slot.user);
    }
    return users;
}

bool userInPolicy(const SimOrg& org, const SimPolicy& policy, const QString& username)
{
    for (const SimPolicyStep& step : policy.steps) {
        for (const SimPolicyEntry& entry : step.entries) {
            if (entry.executionType == QLatin1String("user") && entry.target == username)
                return true;
            if (isRotationEntry(entry.executionType)) {
                const auto it = org.rotations.constFind(entry.target);
                if (it != org.rotations.cend() && it->members.contains(username))
                    return true;
            }
        }
    }
    return false;
}

QList<const SimPolicy*> teamPolicies(const SimOrg& org, const QString& teamSlug)
{
    QList<const SimPolicy*> policies;
    for (const SimPolicy& policy : org.policies) {
        if (policy.teamSlug == teamSlug)
            policies.append(&policy);
    }
    std::sort(policies.begin(), policies.end(), [](const SimPolicy* a, const SimPolicy* b) {
        return a->name == b->name ? a->slug < b->slug : a->name < b->name;
    });
    return policies;
}

QList<const SimTeam*> teamsByName(const SimOrg& org)
{
    QList<const SimTeam*> teams;
    for (const SimTeam& team : org.teams)
        teams.append(&team);
    std::sort(teams.begin(), teams.end(), [](const SimTeam* a, const SimTeam* b) {
        return a->name == b->name ? a->slug < b->slug : a->name < b->name;
    });
    return teams;
}

QList<const SimScheduledOverride*> overridesByStart(const SimOrg& org)
{
    QList<const SimScheduledOverride*> overrides;
    for (const SimScheduledOverride& override : org.scheduledOverrides)
        overrides.append(&override);
    std::sort(overrides.begin(), overrides.end(),
        [](const SimScheduledOverride* a, const SimScheduledOverride* b) {
            return a->start == b->start ? a->publicId < b->publicId : a->start < b->start;
        });
    return overrides;
}

//! Every moment at which an override or a take changes who is on call for the policy.
QList<QDateTime> overrideEdges(const SimOrg& org, const QString& policySlug)
{
    QList<QDateTime> edges;
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (!override.assignments.value(policySlug).isEmpty())
            edges << override.start << override.end;
    }
    for (const SimTakeOverride& take : org.takeOverrides) {
        if (take.policySlug == policySlug)
            edges << take.start << take.end;
    }
    return edges;
}

QDateTime parseIsoTime(const QString& text, const QTimeZone& zoneForNaive)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid())
        return {};
    // Without an offset the time is read in the zone the caller named (UTC when none).
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), zoneForNaive);
    return t.toUTC();
}

QJsonObject userRef(const QString& username)
{
    return { { QStringLiteral("username"), username } };
}

QString policyUrl(const QString& slug) { return QStringLiteral("/api-public/v1/policies/") + slug; }

QJsonObject policySummary(const SimPolicy& policy)
{
    return { { QStringLiteral("name"), policy.name }, { QStringLiteral("slug"), policy.slug },
        { QStringLiteral("_selfUrl"), policyUrl(policy.slug) } };
}

QJsonObject teamRef(const SimTeam& team)
{
    return { { QStringLiteral("name"), team.name }, { QStringLiteral("slug"), team.slug } };
}

// --- schedules ---------------------------------------------------------------------------------

//! A stretch of one schedule entry with one user on call. isRoll: a regular rotation shift, not
//! an override, a take or a fixed user entry.
struct Segment {
    QDateTime start;
    QDateTime end;
    QString user;
    bool isRoll = false;
};

void appendSegments(QList<Segment>* out, const SimOrg& org, const QString& policySlug,
    const QString& scheduled, bool fromRotation, const QDateTime& start, const QDateTime& end,
    const QList<QDateTime>& edges)
{
    QList<QDateTime> points { start };
    for (const QDateTime& edge : edges) {
        if (edge > start && edge < end)
            points.append(edge);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    points.append(end);
    const qsizetype first = out->size();
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        QDateTime ignored;
        const QString user = applyOverrides(org, policySlug, scheduled, points.at(i), &ignored);
        const bool isRoll = fromRotation && user == scheduled;
        // Merge only inside this shift: a one-member rotation still shows each handoff.
        if (out->size() > first && out->last().user == user && out->last().isRoll == isRoll) {
            out->last().end = points.at(i + 1);
            continue;
        }
        out->append({ points.at(i), points.at(i + 1), user, isRoll });
    }
}

//! The rolls of one entry: whole rotation shifts covering [from, to) (at least the current one),
//! split where overrides or takes replace the scheduled user.
QList<Segment> entrySegments(const SimOrg& org, const SimPolicy& policy, const Slot& slot,
    const QDateTime& from, const QDateTime& to, const QList<QDateTime>& edges)
{
    QList<Segment> segments;
    if (slot.rotation) {
        const ShiftClock clock(*slot.rotation);
        Shift shift = clock.at(from);
        for (int n = 0; n < maxShiftsPerWalk; ++n) {
            appendSegments(&segments, org, policy.slug,
                memberFor(*slot.rotation, slot.executionType, shift.index), true, shift.start,
                shift.end, edges);
            shift = clock.next(shift);
            if (shift.start >= to)
                break;
        }
    } else if (to > from) {
        appendSegments(&segments, org, policy.slug, slot.scheduled, false, from, to, edges);
    }
    return segments;
}

bool overlaps(const SimScheduledOverride& override, const QDateTime& from, const QDateTime& to)
{
    return override.end > from && (override.start < to || (from == to && override.start <= from));
}

struct Window {
    QDateTime from;
    QDateTime to;
    int step = 0;
};

std::optional<Window> scheduleWindow(
    const SimContext& ctx, const SimRequest& request, SimReply* error)
{
    QString problem;
    const auto forward = queryInt(request, QStringLiteral("daysForward"), 14, 0, 30, &problem);
    const auto skip = queryInt(request, QStringLiteral("daysSkip"), 0, 0, 90, &problem);
    const auto step = queryInt(request, QStringLiteral("step"), 0, 0, 3, &problem);
    if (!forward || !skip || !step) {
        *error = SimReply::badRequest(problem);
        return std::nullopt;
    }
    Window window;
    window.from = ctx.now().addMSecs(*skip * msPerDay);
    window.to = window.from.addMSecs(*forward * msPerDay);
    window.step = static_cast<int>(*step);
    return window;
}

QJsonObject policyScheduleV2(const SimOrg& org, const SimPolicy& policy, const Window& window)
{
    const QList<QDateTime> edges = overrideEdges(org, policy.slug);
    QJsonArray schedule;
    for (const Slot& slot : slotsAt(org, policy, window.step, window.from)) {
        const QString zone = slot.rotation ? slot.rotation->timeZone : QStringLiteral("UTC");
        QJsonObject entry { { QStringLiteral("onCallType"), slot.executionType } };
        if (slot.rotation) {
            entry.insert(QStringLiteral("rotationName"), slot.rotation->label);
            entry.insert(QStringLiteral("shiftName"), slot.rotation->shiftName);
            entry.insert(QStringLiteral("shiftRoll"),
                rfc3339InZone(ShiftClock(*slot.rotation).at(window.from).end, zone));
        }
        if (!slot.scheduled.isEmpty())
            entry.insert(QStringLiteral("onCallUser"), userRef(slot.scheduled));
        if (slot.user != slot.scheduled && !slot.user.isEmpty())
            entry.insert(QStringLiteral("overrideOnCallUser"), userRef(slot.user));
        QJsonArray rolls;
        for (const Segment& segment :
            entrySegments(org, policy, slot, window.from, window.to, edges)) {
            QJsonObject roll { { QStringLiteral("start"), rfc3339InZone(segment.start, zone) },
                { QStringLiteral("end"), rfc3339InZone(segment.end, zone) },
                { QStringLiteral("isRoll"), segment.isRoll } };
            if (!segment.user.isEmpty())
                roll.insert(QStringLiteral("onCallUser"), userRef(segment.user));
            rolls.append(roll);
        }
        entry.insert(QStringLiteral("rolls"), rolls);
        schedule.append(entry);
    }
    QJsonArray overrides;
    for (const SimScheduledOverride* override : overridesByStart(org)) {
        if (!override->assignments.contains(policy.slug)
            || !overlaps(*override, window.from, window.to))
            continue;
        QJsonObject item { { QStringLiteral("origOnCallUser"), userRef(override->username) },
            { QStringLiteral("start"), rfc3339InZone(override->start, override->timeZone) },
            { QStringLiteral("end"), rfc3339InZone(override->end, override->timeZone) } };
        const QString replacement = override->assignments.value(policy.slug);
        if (!replacement.isEmpty())
            item.insert(QStringLiteral("overrideOnCallUser"), userRef(replacement));
        overrides.append(item);
    }
    return { { QStringLiteral("policy"), policySummary(policy) },
        { QStringLiteral("schedule"), schedule }, { QStringLiteral("overrides"), overrides } };
}

//! Whether the user's schedule should list this policy: the user is named in the requested step,
//! directly or through a rotation, or stands in for someone there by an override.
bool userAppearsIn(
    const SimOrg& org, const SimPolicy& policy, const QString& username, const Window& window)
{
    if (window.step < policy.steps.size()) {
        for (const SimPolicyEntry& entry : policy.steps.at(window.step).entries) {
            if (entry.executionType == QLatin1String("user") && entry.target == username)
                return true;
            if (isRotationEntry(entry.executionType)) {
                const auto it = org.rotations.constFind(entry.target);
                if (it != org.rotations.cend() && it->members.contains(username))
                    return true;
            }
        }
    }
    for (const SimScheduledOverride& override : org.scheduledOverrides) {
        if (override.assignments.value(policy.slug) == username
            && overlaps(override, window.from, window.to))
            return true;
    }
    return false;
}

QJsonObject teamScheduleV2(const SimOrg& org, const SimTeam& team, const Window& window,
    const QString& onlyUser = QString())
{
    QJsonArray schedules;
    for (const SimPolicy* policy : teamPolicies(org, team.slug)) {
        if (onlyUser.isEmpty() || userAppearsIn(org, *policy, onlyUser, window))
            schedules.append(policyScheduleV2(org, *policy, window));
    }
    return { { QStringLiteral("team"), teamRef(team) },
        { QStringLiteral("schedules"), schedules } };
}

//! The deprecated v1 shape: one flat list over the team's policies, times as epoch milliseconds.
QJsonObject teamScheduleV1(const SimOrg& org, const SimTeam& team, const Window& window,
    const QString& onlyUser = QString())
{
    QJsonArray schedule;
    QJsonArray overrides;
    QSet<QString> overridesSeen;
    for (const SimPolicy* policy : teamPolicies(org, team.slug)) {
        if (!onlyUser.isEmpty() && !userAppearsIn(org, *policy, onlyUser, window))
            continue;
        const QList<QDateTime> edges = overrideEdges(org, policy->slug);
        for (const Slot& slot : slotsAt(org, *policy, window.step, window.from)) {
            QJsonObject entry { { QStringLiteral("policyType"), slot.executionType } };
            if (slot.rotation) {
                entry.insert(QStringLiteral("rotationName"), slot.rotation->label);
                entry.insert(QStringLiteral("shiftName"), slot.rotation->shiftName);
                entry.insert(QStringLiteral("shiftRoll"),
                    ShiftClock(*slot.rotation).at(window.from).end.toMSecsSinceEpoch());
            }
            if (!slot.scheduled.isEmpty())
                entry.insert(QStringLiteral("oncall"), slot.scheduled);
            if (slot.user != slot.scheduled && !slot.user.isEmpty())
                entry.insert(QStringLiteral("overrideoncall"), slot.user);
            QJsonArray rolls;
            for (const Segment& segment :
                entrySegments(org, *policy, slot, window.from, window.to, edges)) {
                QJsonObject roll { { QStringLiteral("change"), segment.start.toMSecsSinceEpoch() },
                    { QStringLiteral("until"), segment.end.toMSecsSinceEpoch() },
                    { QStringLiteral("isRoll"), segment.isRoll } };
                if (!segment.user.isEmpty())
                    roll.insert(QStringLiteral("oncall"), segment.user);
                rolls.append(roll);
            }
            entry.insert(QStringLiteral("rolls"), rolls);
            schedule.append(entry);
        }
        for (const SimScheduledOverride* override : overridesByStart(org)) {
            if (!override->assignments.contains(policy->slug)
                || !overlaps(*override, window.from, window.to))
                continue;
            const QString replacement = override->assignments.value(policy->slug);
            if (overridesSeen.contains(override->publicId + QLatin1Char('\n') + replacement))
                continue;
            overridesSeen.insert(override->publicId + QLatin1Char('\n') + replacement);
            QJsonObject item { { QStringLiteral("orig"), override->username },
                { QStringLiteral("start"), override->start.toMSecsSinceEpoch() },
                { QStringLiteral("end"), override->end.toMSecsSinceEpoch() } };
            if (!replacement.isEmpty())
                item.insert(QStringLiteral("over"), replacement);
            overrides.append(item);
        }
    }
    return { { QStringLiteral("team"), team.slug }, { QStringLiteral("schedule"), schedule },
        { QStringLiteral("overrides"), overrides } };
}

bool teamHasUserPolicy(
    const SimOrg& org, const SimTeam& team, const QString& username, const Window& window)
{
    const QList<const SimPolicy*> policies = teamPolicies(org, team.slug);
    return std::any_of(policies.cbegin(), policies.cend(),
        [&](const SimPolicy* policy) { return userAppearsIn(org, *policy, username, window); });
}

// --- take on-call ------------------------------------------------------------------------------

SimTakeOverride* activeTake(SimOrg& org, const QString& policySlug, const QString& fromUser,
    const QString& toUser, const QDateTime& now)
{
    for (SimTakeOverride& take : org.takeOverrides) {
        if (take.policySlug == policySlug && take.fromUser == fromUser && take.toUser == toUser
            && now >= take.start && now < take.end)
            return &take;
    }
    return nullptr;
}

enum class TakeCheck { Ok, NotOnCall, AlreadyOnCall };

//! Whether fromUser may hand the policy to toUser now. Giving a take back is always allowed.
TakeCheck checkTake(SimOrg& org, const SimPolicy& policy, const QString& fromUser,
    const QString& toUser, const QDateTime& now)
{
    if (activeTake(org, policy.slug, toUser, fromUser, now))
        return TakeCheck::Ok;
    const QStringList onCall = usersOf(slotsAt(org, policy, 0, now));
    if (!onCall.contains(fromUser))
        return TakeCheck::NotOnCall;
    if (onCall.contains(toUser))
        return TakeCheck::AlreadyOnCall;
    return TakeCheck::Ok;
}

QString alreadyOnCall(const QString& user, const QString& policySlug)
{
    return QStringLiteral("user '%1' is already on call for escalation policy '%2'")
        .arg(user, policySlug);
}

//! Ends username's stints on the policy that are still running (or were to run on) at now.
void closeShiftLog(
    SimOrg& org, const QString& policySlug, const QString& username, const QDateTime& now)
{
    for (SimShiftLogEntry& entry : org.shiftLog) {
        if (entry.policySlug == policySlug && entry.username == username && entry.on <= now
            && (!entry.off.isValid() || entry.off > now))
            entry.off = now;
    }
}

void applyTake(SimOrg& org, const SimPolicy& policy, const QString& fromUser, const QString& toUser,
    const QDateTime& now)
{
    // Giving it back ends the original take instead of stacking a second one on top of it. The
    // record keeps its past part (end = now) so the shift log stays true.
    if (SimTakeOverride* original = activeTake(org, policy.slug, toUser, fromUser, now)) {
        original->end = now;
        org.takeOverrides.erase(
            std::remove_if(org.takeOverrides.begin(), org.takeOverrides.end(),
                [](const SimTakeOverride& take) { return take.end <= take.start; }),
            org.takeOverrides.end());
        closeShiftLog(org, policy.slug, fromUser, now);
        return;
    }

    QDateTime until;
    for (const Slot& slot : slotsAt(org, policy, 0, now)) {
        if (slot.user == fromUser && slot.until.isValid())
            clampUntil(&until, slot.until);
    }
    // A user named directly in the policy has no shift to end with; a day is what a person
    // covering would expect before someone has to decide again.
    if (!until.isValid())
        until = now.addMSecs(msPerDay);
    org.takeOverrides.append({ policy.slug, fromUser, toUser, now, until });
    closeShiftLog(org, policy.slug, fromUser, now);
    org.shiftLog.append({ policy.teamSlug, policy.slug, toUser, now, until });
}

struct TakeBody {
    QString fromUser;
    QString toUser;
};

std::optional<TakeBody> readTakeBody(
    const SimContext& ctx, const SimRequest& request, SimReply* error)
{
    BodyReader body(request);
    TakeBody take { body.requireString(QStringLiteral("fromUser")),
        body.requireString(QStringLiteral("toUser")) };
    if (!body.ok()) {
        *error = body.error();
        return std::nullopt;
    }
    for (const QString& user : { take.fromUser, take.toUser }) {
        if (!ctx.org.users.contains(user)) {
            *error = SimReply::notFound(QStringLiteral("User '%1'").arg(user));
            return std::nullopt;
        }
    }
    if (take.fromUser == take.toUser) {
        *error = SimReply::badRequest(QStringLiteral("fromUser and toUser are the same user"));
        return std::nullopt;
    }
    return take;
}

SimReply takeResult()
{
    return SimReply::json(QJsonObject { { QStringLiteral("result"), QStringLiteral("Success") } });
}

// --- scheduled overrides -----------------------------------------------------------------------

QString overrideUrl(const QString& publicId)
{
    return QStringLiteral("/api-public/v1/overrides/") + publicId;
}

QJsonObject assignmentJson(
    const SimOrg& org, const SimScheduledOverride& override, const QString& policySlug)
{
    const QString replacement = override.assignments.value(policySlug);
    QJsonObject assignment {
        { QStringLiteral("_selfUrl"),
            QString(
                overrideUrl(override.publicId) + QStringLiteral("/assignments/") + policySlug) },
        { QStringLiteral("team"), org.policies.value(policySlug).teamSlug },
        { QStringLiteral("policy"), policySlug },
        { QStringLiteral("assigned"), !replacement.isEmpty() },
    };
    if (!replacement.isEmpty())
        assignment.insert(QStringLiteral("user"), replacement);
    return assignment;
}

QJsonArray assignmentsJson(const SimOrg& org, const SimScheduledOverride& override)
{
    QJsonArray assignments;
    for (auto it = override.assignments.cbegin(); it != override.assignments.cend(); ++it) {
        // A policy deleted since the override was made no longer has anything to assign.
        if (org.policies.contains(it.key()))
            assignments.append(assignmentJson(org, override, it.key()));
    }
    return assignments;
}

QJsonObject overrideJson(const SimOrg& org, const SimScheduledOverride& override)
{
    const SimUser user = org.users.value(override.username);
    return {
        { QStringLiteral("publicId"), override.publicId },
        { QStringLiteral("user"),
            QJsonObject { { QStringLiteral("username"), override.username },
                { QStringLiteral("firstName"), user.firstName },
                { QStringLiteral("lastName"), user.lastName } } },
        { QStringLiteral("timezone"), override.timeZone },
        { QStringLiteral("start"), rfc3339InZone(override.start, override.timeZone) },
        { QStringLiteral("end"), rfc3339InZone(override.end, override.timeZone) },
        { QStringLiteral("assignments"), assignmentsJson(org, override) },
    };
}

// --- shift log ---------------------------------------------------------------------------------

using Interval = QPair<QDateTime, QDateTime>; // [on, off)

QList<Interval> merged(QList<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end());
    QList<Interval> out;
    for (const Interval& interval : intervals) {
        if (interval.second <= interval.first)
            continue;
        if (!out.isEmpty() && interval.first <= out.last().second)
            out.last().second = std::max(out.last().second, interval.second);
        else
            out.append(interval);
    }
    return out;
}

qint64 totalMinutes(const QList<Interval>& intervals)
{
    qint64 ms = 0;
    for (const Interval& interval : intervals)
        ms += interval.first.msecsTo(interval.second);
    return ms / 60000;
}

QJsonObject hoursMinutes(qint64 minutes)
{
    return { { QStringLiteral("hours"), minutes / 60 },
        { QStringLiteral("minutes"), minutes % 60 } };
}

//! Who works a rotation shift of the policy at t, in any step, as worked: overrides and takes
//! applied. Users named directly in a step are always reachable rather than on a shift, so the
//! log leaves them out (a take from one is logged when it is made).
QStringList shiftWorkersAt(const SimOrg& org, const SimPolicy& policy, const QDateTime& t)
{
    QStringList users;
    for (int step = 0; step < policy.steps.size(); ++step) {
        for (const Slot& slot : slotsAt(org, policy, step, t)) {
            if (slot.executionType == QLatin1String("rotation_group") && !slot.user.isEmpty()
                && !users.contains(slot.user))
                users.append(slot.user);
        }
    }
    return users;
}

//! The rotation shifts of the policy during [from, to), as maximal intervals per user, found by
//! evaluating the schedule at every moment it can change.
QHash<QString, QList<Interval>> computedIntervals(
    const SimOrg& org, const SimPolicy& policy, const QDateTime& from, const QDateTime& to)
{
    QHash<QString, QList<Interval>> intervals;
    if (to <= from)
        return intervals;
    QList<QDateTime> points { from };
    QSet<QString> walked;
    for (const SimPolicyStep& step : policy.steps) {
        for (const SimPolicyEntry& entry : step.entries) {
            const auto it = org.rotations.constFind(entry.target);
            if (entry.executionType != QLatin1String("rotation_group") || it == org.rotations.cend()
                || walked.contains(entry.target))
                continue;
            walked.insert(entry.target);
            const ShiftClock clock(*it);
            Shift shift = clock.at(from);
            for (int n = 0; n < maxShiftsPerWalk && shift.end < to; ++n) {
                points.append(shift.end);
                shift = clock.next(shift);
            }
        }
    }
    for (const QDateTime& edge : overrideEdges(org, policy.slug)) {
        if (edge > from && edge < to)
            points.append(edge);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    points.append(to);

    QHash<QString, QDateTime> openSince;
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        const QDateTime& t = points.at(i);
        const QStringList users = shiftWorkersAt(org, policy, t);
        for (auto it = openSince.begin(); it != openSince.end();) {
            if (users.contains(it.key())) {
                ++it;
                continue;
            }
            intervals[it.key()].append({ it.value(), t });
            it = openSince.erase(it);
        }
        for (const QString& user : users) {
            if (!openSince.contains(user))
                openSince.insert(user, t);
        }
    }
    for (auto it = openSince.cbegin(); it != openSince.cend(); ++it)
        intervals[it.key()].append({ it.value(), to });
    return intervals;
}

// --- routes ------------------------------------------------------------------------------------

void registerScheduleRoutes(SimRouter& router, SimContext& ctx)
{
    router.add(
        "GET", QStringLiteral("/api-public/v1/oncall/current"), 60, [&ctx](const SimRequest&) {
            const SimOrg& org = ctx.org;
            const QDateTime now = ctx.now();
            QJsonArray teams;
            for (const SimTeam* team : teamsByName(org)) {
                const QList<const SimPolicy*> policies = teamPolicies(org, team->slug);
                if (policies.isEmpty())
                    continue;
                QJsonArray onCallNow;
                for (const SimPolicy* policy : policies) {
                    QJsonArray users;
                    for (const QString& user : usersOf(slotsAt(org, *policy, 0, now)))
                        users.append(
                            QJsonObject { { QStringLiteral("onCallUser"), userRef(user) } });
                    onCallNow.append(
                        QJsonObject { { QStringLiteral("escalationPolicy"),
                                          QJsonObject { { QStringLiteral("name"), policy->name },
                                              { QStringLiteral("slug"), policy->slug } } },
                            { QStringLiteral("users"), users } });
                }
                teams.append(QJsonObject { { QStringLiteral("team"), teamRef(*team) },
                    { QStringLiteral("onCallNow"), onCallNow } });
            }
            return SimReply::json(QJsonObject { { QStringLiteral("teamsOnCall"), teams } });
        });

    router.add("GET", QStringLiteral("/api-public/v2/team/{team}/oncall/schedule"), 60,
        [&ctx](const SimRequest& request) {
            const auto team = ctx.org.teams.constFind(request.arg(0));
            if (team == ctx.org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            return SimReply::json(teamScheduleV2(ctx.org, *team, *window));
        });

    router.add("GET", QStringLiteral("/api-public/v2/user/{user}/oncall/schedule"), 60,
        [&ctx](const SimRequest& request) {
            const QString username = request.arg(0);
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            QJsonArray teamSchedules;
            for (const SimTeam* team : teamsByName(ctx.org)) {
                if (teamHasUserPolicy(ctx.org, *team, username, *window))
                    teamSchedules.append(teamScheduleV2(ctx.org, *team, *window, username));
            }
            return SimReply::json(
                QJsonObject { { QStringLiteral("teamSchedules"), teamSchedules } });
        });

    router.add("GET", QStringLiteral("/api-public/v1/team/{team}/oncall/schedule"), 60,
        [&ctx](const SimRequest& request) {
            const auto team = ctx.org.teams.constFind(request.arg(0));
            if (team == ctx.org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            return SimReply::json(teamScheduleV1(ctx.org, *team, *window));
        });

    router.add("GET", QStringLiteral("/api-public/v1/user/{user}/oncall/schedule"), 60,
        [&ctx](const SimRequest& request) {
            const QString username = request.arg(0);
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
            SimReply error;
            const auto window = scheduleWindow(ctx, request, &error);
            if (!window)
                return error;
            QJsonArray teams;
            for (const SimTeam* team : teamsByName(ctx.org)) {
                if (teamHasUserPolicy(ctx.org, *team, username, *window))
                    teams.append(teamScheduleV1(ctx.org, *team, *window, username));
            }
            return SimReply::json(teams);
        });
}

void registerTakeRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("PATCH", QStringLiteral("/api-public/v1/policies/{policy}/oncall/user"), 60,
        [&ctx](const SimRequest& request) {
            const auto policy = ctx.org.policies.constFind(request.arg(0));
            if (policy == ctx.org.policies.cend())
                return SimReply::notFound(
                    QStringLiteral("Escalation policy '%1'").arg(request.arg(0)));
            SimReply error;
            const auto take = readTakeBody(ctx, request, &error);
            if (!take)
                return error;
            const QDateTime now = ctx.now();
            switch (checkTake(ctx.org, *policy, take->fromUser, take->toUser, now)) {
            case TakeCheck::NotOnCall:
                return SimReply::badRequest(
                    QStringLiteral("user '%1' is not on call for escalation policy '%2'")
                        .arg(take->fromUser, policy->slug));
            case TakeCheck::AlreadyOnCall:
                return SimReply::badRequest(alreadyOnCall(take->toUser, policy->slug));
            case TakeCheck::Ok:
                break;
            }
            applyTake(ctx.org, *policy, take->fromUser, take->toUser, now);
            return takeResult();
        });

    router.add("PATCH", QStringLiteral("/api-public/v1/team/{team}/oncall/user"), 60,
        [&ctx](const SimRequest& request) {
            const auto team = ctx.org.teams.constFind(request.arg(0));
            if (team == ctx.org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            SimReply error;
            const auto take = readTakeBody(ctx, request, &error);
            if (!take)
                return error;
            // The team-wide take acts on every policy of the team that has fromUser on call.
            const QDateTime now = ctx.now();
            QList<const SimPolicy*> applicable;
            QString blockedBy; // a policy fromUser is on call for, where toUser is too
            for (const SimPolicy* policy : teamPolicies(ctx.org, team->slug)) {
                switch (checkTake(ctx.org, *policy, take->fromUser, take->toUser, now)) {
                case TakeCheck::Ok:
                    applicable.append(policy);
                    break;
                case TakeCheck::AlreadyOnCall:
                    blockedBy = policy->slug;
                    break;
                case TakeCheck::NotOnCall:
                    break;
                }
            }
            if (applicable.isEmpty() && !blockedBy.isEmpty())
                return SimReply::badRequest(alreadyOnCall(take->toUser, blockedBy));
            if (applicable.isEmpty())
                return SimReply::badRequest(QStringLiteral(
                    "user '%1' is not on call for any escalation policy of team '%2'")
                                                .arg(take->fromUser, team->slug));
            for (const SimPolicy* policy : std::as_const(applicable))
                applyTake(ctx.org, *policy, take->fromUser, take->toUser, now);
            return takeResult();
        });
}

void registerOverrideRoutes(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-public/v1/overrides"), 60, [&ctx](const SimRequest&) {
        QJsonArray overrides;
        for (const SimScheduledOverride* override : overridesByStart(ctx.org))
            overrides.append(overrideJson(ctx.org, *override));
        return SimReply::json(QJsonObject { { QStringLiteral("overrides"), overrides },
            { QStringLiteral("_selfUrl"), QStringLiteral("/api-public/v1/overrides") } });
    });

    router.add(
        "POST", QStringLiteral("/api-public/v1/overrides"), 60, [&ctx](const SimRequest& request) {
            BodyReader body(request);
            const QString username = body.requireString(QStringLiteral("username"));
            const QString timeZone = body.requireString(QStringLiteral("timezone"));
            const QString startText = body.requireString(QStringLiteral("start"));
            const QString endText = body.requireString(QStringLiteral("end"));
            if (!body.ok())
                return body.error();
            if (!QTimeZone::isTimeZoneIdAvailable(timeZone.toUtf8()))
                return SimReply::badRequest(QStringLiteral(
                    "field 'timezone' must be an IANA time zone name, e.g. Europe/Berlin"));
            const QTimeZone zone(timeZone.toUtf8());
            const QDateTime start = parseIsoTime(startText, zone);
            const QDateTime end = parseIsoTime(endText, zone);
            if (!start.isValid())
                return SimReply::badRequest(
                    QStringLiteral("field 'start' must be an ISO 8601 time"));
            if (!end.isValid())
                return SimReply::badRequest(QStringLiteral("field 'end' must be an ISO 8601 time"));
            if (end <= start)
                return SimReply::badRequest(QStringLiteral("field 'end' must be after 'start'"));
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));

            SimScheduledOverride override;
            override.publicId = ctx.org.newUuid();
            override.username = username;
            override.timeZone = timeZone;
            override.start = start;
            override.end = end;
            for (const SimPolicy& policy : std::as_const(ctx.org.policies)) {
                if (userInPolicy(ctx.org, policy, username))
                    override.assignments.insert(policy.slug, QString());
            }
            ctx.org.scheduledOverrides.insert(override.publicId, override);
            return SimReply::json(
                QJsonObject { { QStringLiteral("schedule"), overrideJson(ctx.org, override) },
                    { QStringLiteral("_selfUrl"), overrideUrl(override.publicId) } });
        });

    router.add("GET", QStringLiteral("/api-public/v1/overrides/{publicId}"), 60,
        [&ctx](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.constFind(request.arg(0));
            if (override == ctx.org.scheduledOverrides.cend())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::json(
                QJsonObject { { QStringLiteral("override"), overrideJson(ctx.org, *override) },
                    { QStringLiteral("_selfUrl"), overrideUrl(override->publicId) } });
        });

    router.add("DELETE", QStringLiteral("/api-public/v1/overrides/{publicId}"), 60,
        [&ctx](const SimRequest& request) {
            if (ctx.org.scheduledOverrides.remove(request.arg(0)) == 0)
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::empty();
        });

    router.add("GET", QStringLiteral("/api-public/v1/overrides/{publicId}/assignments"), 60,
        [&ctx](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.constFind(request.arg(0));
            if (override == ctx.org.scheduledOverrides.cend())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            return SimReply::json(assignmentsJson(ctx.org, *override));
        });

    // The three single-assignment calls share the lookup; `change` edits the replacement.
    const auto assignmentRoute = [&ctx](const std::function<std::optional<SimReply>(
                                         SimScheduledOverride&, const SimRequest&)>& change) {
        return [&ctx, change](const SimRequest& request) {
            const auto override = ctx.org.scheduledOverrides.find(request.arg(0));
            if (override == ctx.org.scheduledOverrides.end())
                return SimReply::notFound(
                    QStringLiteral("Scheduled override '%1'").arg(request.arg(0)));
            const QString policySlug = request.arg(1);
            if (!override->assignments.contains(policySlug)
                || !ctx.org.policies.contains(policySlug))
                return SimReply::notFound(QStringLiteral(
                    "Assignment for escalation policy '%1' in scheduled override '%2'")
                                              .arg(policySlug, override->publicId));
            if (change) {
                if (auto problem = change(*override, request))
                    return *problem;
            }
            return SimReply::json(assignmentJson(ctx.org, *override, policySlug));
        };
    };

    router.add("GET",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute(nullptr));

    router.add("PUT",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute([&ctx](SimScheduledOverride& override,
                            const SimRequest& request) -> std::optional<SimReply> {
            BodyReader body(request);
            const QString policy = body.requireString(QStringLiteral("policy"));
            const QString username = body.requireString(QStringLiteral("username"));
            if (!body.ok())
                return body.error();
            if (policy != request.arg(1))
                return SimReply::badRequest(
                    QStringLiteral("field 'policy' must name the policy in the path (%1)")
                        .arg(request.arg(1)));
            if (!ctx.org.users.contains(username))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(username));
            if (username == override.username)
                return SimReply::badRequest(QStringLiteral(
                    "field 'username' must name someone other than the user who is away"));
            override.assignments.insert(policy, username);
            return std::nullopt;
        }));

    router.add("DELETE",
        QStringLiteral("/api-public/v1/overrides/{publicId}/assignments/{policySlug}"), 60,
        assignmentRoute([](SimScheduledOverride& override,
                            const SimRequest& request) -> std::optional<SimReply> {
            override.assignments.insert(request.arg(1), QString());
            return std::nullopt;
        }));
}

void registerShiftLogRoute(SimRouter& router, SimContext& ctx)
{
    router.add("GET", QStringLiteral("/api-reporting/v1/team/{team}/oncall/log"), 60,
        [&ctx](const SimRequest& request) {
            const SimOrg& org = ctx.org;
            const auto team = org.teams.constFind(request.arg(0));
            if (team == org.teams.cend())
                return SimReply::notFound(QStringLiteral("Team '%1'").arg(request.arg(0)));
            const QDateTime now = ctx.now();
            const QDate today = now.toUTC().date();
            QDateTime start(today, QTime(0, 0), QTimeZone::utc());
            QDateTime end(today, QTime(23, 59, 59), QTimeZone::utc());
            for (const auto& [name, target] : { std::pair { QStringLiteral("start"), &start },
                     std::pair { QStringLiteral("end"), &end } }) {
                if (!request.query.hasQueryItem(name))
                    continue;
                *target = parseIsoTime(
                    request.query.queryItemValue(name, QUrl::FullyDecoded), QTimeZone::utc());
                if (!target->isValid())
                    return SimReply::badRequest(
                        QStringLiteral("query parameter '%1' must be an ISO 8601 time").arg(name));
            }
            if (end <= start)
                return SimReply::badRequest(
                    QStringLiteral("query parameter 'end' must be after 'start'"));
            if (start.daysTo(end) > maxLogWindowDays)
                return SimReply::badRequest(
                    QStringLiteral("the log window may span at most %1 days")
                        .arg(maxLogWindowDays));
            const QString onlyUser
                = request.query.queryItemValue(QStringLiteral("userName"), QUrl::FullyDecoded);
            if (!onlyUser.isEmpty() && !org.users.contains(onlyUser))
                return SimReply::notFound(QStringLiteral("User '%1'").arg(onlyUser));

            // The log is history: nothing after the simulator's present.
            const QDateTime until = std::min(end, now);
            const QList<const SimPolicy*> policies = teamPolicies(org, team->slug);
            // user -> policy slug -> intervals
            QMap<QString, QMap<QString, QList<Interval>>> byUser;
            for (const SimPolicy* policy : policies) {
                const auto computed = computedIntervals(org, *policy, start, until);
                for (auto it = computed.cbegin(); it != computed.cend(); ++it)
                    byUser[it.key()][policy->slug] += it.value();
            }
            for (const SimShiftLogEntry& entry : org.shiftLog) {
                if (entry.teamSlug != team->slug || policies.isEmpty())
                    continue;
                const QDateTime on = std::max(entry.on, start);
                const QDateTime off = std::min(entry.off.isValid() ? entry.off : now, until);
                if (off <= on)
                    continue;
                // An entry for a policy since deleted still counts for the team, under its first
                // policy.
                const QString policySlug = org.policies.contains(entry.policySlug)
                        && org.policies.value(entry.policySlug).teamSlug == team->slug
                    ? entry.policySlug
                    : policies.first()->slug;
                byUser[entry.username][policySlug].append({ on, off });
            }
            if (!onlyUser.isEmpty()) {
                const auto mine = byUser.value(onlyUser);
                byUser.clear();
                byUser.insert(onlyUser, mine);
            }

            QJsonArray userLogs;
            for (auto user = byUser.cbegin(); user != byUser.cend(); ++user) {
                struct Row {
                    Interval interval;
                    const SimPolicy* policy;
                };
                QList<Row> rows;
                QList<Interval> all;
                qint64 total = 0;
                for (auto perPolicy = user->cbegin(); perPolicy != user->cend(); ++perPolicy) {
                    const QList<Interval> intervals = merged(perPolicy.value());
                    total += totalMinutes(intervals);
                    all += intervals;
                    const SimPolicy* policy = &org.policies.find(perPolicy.key()).value();
                    for (const Interval& interval : intervals)
                        rows.append({ interval, policy });
                }
                std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                    return a.interval.first == b.interval.first
                        ? a.policy->slug < b.policy->slug
                        : a.interval.first < b.interval.first;
                });
                QJsonArray log;
                for (const Row& row : std::as_const(rows)) {
                    log.append(QJsonObject { { QStringLiteral("on"), isoUtc(row.interval.first) },
                        { QStringLiteral("off"), isoUtc(row.interval.second) },
                        { QStringLiteral("duration"),
                            hoursMinutes(totalMinutes({ row.interval })) },
                        { QStringLiteral("escalationPolicy"), policySummary(*row.policy) } });
                }
                // total counts each policy's time; adjustedTotal counts time on call for two
                // policies at once only once.
                userLogs.append(QJsonObject { { QStringLiteral("userId"), user.key() },
                    { QStringLiteral("total"), hoursMinutes(total) },
                    { QStringLiteral("adjustedTotal"), hoursMinutes(totalMinutes(merged(all))) },
                    { QStringLiteral("log"), log } });
            }
            return SimReply::json(QJsonObject { { QStringLiteral("teamSlug"), team->slug },
                { QStringLiteral("start"), isoUtc(start) }, { QStringLiteral("end"), isoUtc(end) },
                { QStringLiteral("userLogs"), userLogs } });
        });
}

} // namespace

QString rotationUserAt(const SimRotation& rotation, const QDateTime& at)
{
    return memberFor(rotation, QStringLiteral("rotation_group"), ShiftClock(rotation).at(at).index);
}

QStringList policyOnCallAt(const SimContext& ctx, const QString& policySlug, const QDateTime& at)
{
    const auto policy = ctx.org.policies.constFind(policySlug);
    if (policy == ctx.org.policies.cend())
        return {};
    return usersOf(slotsAt(ctx.org, *policy, 0, at));
}

void registerOnCallRoutes(SimRouter& router, SimContext& ctx)
{
    registerScheduleRoutes(router, ctx);
    registerTakeRoutes(router, ctx);
    registerOverrideRoutes(router, ctx);
    registerShiftLogRoute(router, ctx);
}

} // namespace rota::sim
