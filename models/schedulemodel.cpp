// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "schedulemodel.h"

#include <QTimeZone>

#include <algorithm>

namespace rota {

bool ScheduleRow::operator==(const ScheduleRow& other) const
{
    if (kind != other.kind || key != other.key || step != other.step || teamName != other.teamName
        || policyName != other.policyName || rotationName != other.rotationName
        || shiftName != other.shiftName || onCallType != other.onCallType
        || onCallNow != other.onCallNow || shifts.size() != other.shifts.size())
        return false;
    for (qsizetype i = 0; i < shifts.size(); ++i) {
        const ScheduleShift& a = shifts.at(i);
        const ScheduleShift& b = other.shifts.at(i);
        if (a.start != b.start || a.end != b.end || a.offsetSeconds != b.offsetSeconds
            || a.user != b.user || a.replacedUser != b.replacedUser || a.isOverride != b.isOverride)
            return false;
    }
    return true;
}

ScheduleModel::ScheduleModel(QObject* parent)
    : RowTableModel(parent)
{
}

int ScheduleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ScheduleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleModel::data(const QModelIndex& index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ScheduleRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case PolicyColumn:
            return r.policyName;
        case RotationColumn:
            return r.rotationName;
        case TeamColumn:
            return r.teamName;
        case OnCallNowColumn:
            return role == SortRole ? r.onCallNow : displayName(r.onCallNow);
        case ShiftsColumn:
            return static_cast<int>(r.shifts.size());
        default:
            return {};
        }
    case KeyRole:
        return r.key;
    case TeamSlugRole:
        return r.teamSlug;
    case PolicySlugRole:
        return r.policySlug;
    case IsOverridesRowRole:
        return r.kind == ScheduleRow::Kind::Overrides;
    case ShiftCountRole:
        return static_cast<int>(r.shifts.size());
    default:
        return {};
    }
}

QVariant ScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PolicyColumn:
        return tr("Escalation policy");
    case RotationColumn:
        return tr("Rotation");
    case TeamColumn:
        return tr("Team");
    case OnCallNowColumn:
        return tr("On call now");
    case ShiftsColumn:
        return tr("Shifts");
    default:
        return {};
    }
}

void ScheduleModel::setUserNames(const QHash<QString, QString>& names)
{
    m_names = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0, OnCallNowColumn), index(rowCount() - 1, OnCallNowColumn), { Qt::DisplayRole });
}

QString ScheduleModel::displayName(const QString& username) const
{
    const QString name = m_names.value(username);
    return name.isEmpty() ? username : name;
}

QList<ScheduleRow> ScheduleModel::rowsFor(const TeamSchedule& team, int step)
{
    QList<ScheduleRow> rows;
    // Step 0 keeps the keys it always had; a later step's rows are keyed apart from them.
    const QString stepKey = step > 0 ? QStringLiteral("step%1/").arg(step) : QString();
    for (const PolicySchedule& policy : team.schedules) {
        for (qsizetype i = 0; i < policy.schedule.size(); ++i) {
            const OnCallEntry& entry = policy.schedule.at(i);
            ScheduleRow row;
            row.step = step;
            row.key = team.teamSlug + QLatin1Char('/') + policy.policy.slug + QLatin1Char('/')
                + stepKey + QString::number(i) + QLatin1Char('/') + entry.rotationName;
            row.teamSlug = team.teamSlug;
            row.teamName = team.teamName;
            row.policySlug = policy.policy.slug;
            row.policyName = policy.policy.name;
            row.rotationName = entry.rotationName;
            row.shiftName = entry.shiftName;
            row.onCallType = entry.onCallType;
            row.onCallNow = entry.effectiveUser();
            const bool rotation = entry.onCallType.startsWith(QLatin1String("rotation_group"));
            for (const OnCallRoll& roll : entry.rolls) {
                ScheduleShift shift;
                shift.start = roll.start.utc;
                shift.end = roll.end.utc;
                shift.offsetSeconds = roll.start.offsetSeconds;
                shift.user = roll.onCallUser;
                shift.isOverride = rotation && !roll.isRoll;
                if (shift.isOverride) {
                    for (const OnCallOverride& o : policy.overrides) {
                        if (o.overrideOnCallUser == shift.user && o.start.utc < shift.end
                            && o.end.utc > shift.start) {
                            shift.replacedUser = o.origOnCallUser;
                            break;
                        }
                    }
                }
                if (shift.start.isValid() && shift.end.isValid() && shift.start < shift.end)
                    row.shifts.append(shift);
            }
            std::sort(row.shifts.begin(), row.shifts.end(),
                [](const ScheduleShift& a, const ScheduleShift& b) { return a.start < b.start; });
            rows.append(row);
        }
        if (step > 0)
            continue;
        // Overrides that overlap in time go to separate rows (lanes), so none hides another.
        QList<QList<ScheduleShift>> lanes;
        QList<ScheduleShift> overrides;
        for (const OnCallOverride& o : policy.overrides) {
            ScheduleShift shift;
            shift.start = o.start.utc;
            shift.end = o.end.utc;
            shift.offsetSeconds = o.start.offsetSeconds;
            shift.user = o.overrideOnCallUser;
            shift.replacedUser = o.origOnCallUser;
            shift.isOverride = true;
            if (shift.start.isValid() && shift.end.isValid() && shift.start < shift.end)
                overrides.append(shift);
        }
        std::sort(overrides.begin(), overrides.end(),
            [](const ScheduleShift& a, const ScheduleShift& b) { return a.start < b.start; });
        for (const ScheduleShift& shift : std::as_const(overrides)) {
            qsizetype lane = 0;
            while (lane < lanes.size() && lanes.at(lane).last().end > shift.start)
                ++lane;
            if (lane == lanes.size())
                lanes.append(QList<ScheduleShift>());
            lanes[lane].append(shift);
        }
        for (qsizetype lane = 0; lane < lanes.size(); ++lane) {
            ScheduleRow row;
            row.kind = ScheduleRow::Kind::Overrides;
            row.key = team.teamSlug + QLatin1Char('/') + policy.policy.slug
                + QLatin1String("/overrides/") + QString::number(lane);
            row.teamSlug = team.teamSlug;
            row.teamName = team.teamName;
            row.policySlug = policy.policy.slug;
            row.policyName = policy.policy.name;
            // Named by their policy (and lane): two policies' overrides rows must not read alike.
            row.rotationName = lane == 0
                ? tr("Overrides · %1").arg(policy.policy.name)
                : tr("Overrides · %1 (%2)").arg(policy.policy.name).arg(lane + 1);
            row.shifts = lanes.at(lane);
            rows.append(row);
        }
    }
    return rows;
}

QByteArray ScheduleModel::teamZoneId() const
{
    QList<QPair<QDateTime, int>> samples;
    for (const ScheduleRow& r : m_rows) {
        if (r.kind != ScheduleRow::Kind::Rotation
            || !r.onCallType.startsWith(QLatin1String("rotation_group")))
            continue;
        for (const ScheduleShift& shift : r.shifts) {
            samples.append({ shift.start, shift.offsetSeconds });
            if (samples.size() >= 64)
                break;
        }
    }
    return zoneForOffsets(samples);
}

QByteArray ScheduleModel::zoneForOffsets(const QList<QPair<QDateTime, int>>& samples)
{
    if (samples.isEmpty())
        return {};
    const auto matches = [&samples](const QByteArray& id) {
        const QTimeZone zone(id);
        if (!zone.isValid())
            return false;
        for (const auto& sample : samples) {
            if (zone.offsetFromUtc(sample.first) != sample.second)
                return false;
        }
        return true;
    };
    // Zones people schedule in most, before the whole database (where "Europe/Jersey" would
    // otherwise win over "Europe/London" by the alphabet).
    static const char* const common[] = { "Europe/London", "Europe/Berlin", "Europe/Paris",
        "Europe/Amsterdam", "Europe/Madrid", "Europe/Helsinki", "Europe/Moscow", "America/New_York",
        "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Sao_Paulo", "America/Toronto", "Asia/Tokyo", "Asia/Kolkata", "Asia/Singapore",
        "Asia/Shanghai", "Asia/Dubai", "Australia/Sydney", "Australia/Perth", "Pacific/Auckland",
        "Africa/Johannesburg", "UTC" };
    for (const char* id : common) {
        if (matches(QByteArray(id)))
            return QByteArray(id);
    }
    const QList<QByteArray> all = QTimeZone::availableTimeZoneIds();
    for (const QByteArray& id : all) {
        if (id.contains('/') && matches(id))
            return id;
    }
    return {};
}

void ScheduleModel::setSchedule(const QString& subject, const QList<TeamSchedule>& teams)
{
    m_steps.clear();
    setStepSchedule(subject, 0, teams);
}

void ScheduleModel::setStepSchedule(
    const QString& subject, int step, const QList<TeamSchedule>& teams)
{
    if (subject != m_subject) {
        m_steps.clear();
        m_steps.insert(step, teams);
        beginResetModel();
        m_subject = subject;
        m_rows = stepRows();
        endResetModel();
        return;
    }
    m_steps.insert(step, teams);
    applySteps();
}

void ScheduleModel::clearStepsFrom(int step)
{
    const auto before = m_steps.size();
    m_steps.removeIf([step](const auto& it) { return it.key() >= step; });
    if (m_steps.size() != before)
        applySteps();
}

QList<ScheduleRow> ScheduleModel::stepRows() const
{
    // One block per team and policy, in the order they first come: each step's rotation rows
    // under the earlier steps', then the policy's overrides.
    QList<QString> order;
    QHash<QString, QList<ScheduleRow>> rotations;
    QHash<QString, QList<ScheduleRow>> overrides;
    for (auto it = m_steps.cbegin(); it != m_steps.cend(); ++it) {
        for (const TeamSchedule& team : it.value()) {
            for (const ScheduleRow& row : rowsFor(team, it.key())) {
                const QString block = row.teamSlug + QLatin1Char('/') + row.policySlug;
                if (!rotations.contains(block) && !overrides.contains(block))
                    order.append(block);
                (row.kind == ScheduleRow::Kind::Overrides ? overrides : rotations)[block].append(
                    row);
            }
        }
    }
    QList<ScheduleRow> rows;
    for (const QString& block : std::as_const(order))
        rows.append(rotations.value(block) + overrides.value(block));
    return rows;
}

void ScheduleModel::applySteps()
{
    // A routine refresh: keep the rows that stay (selection and scrolling stay with them).
    syncRows(
        m_rows, stepRows(), [](const ScheduleRow& r) { return r.key; },
        [](const ScheduleRow& a, const ScheduleRow& b) { return a == b; }, rowSteps());
}

} // namespace rota
