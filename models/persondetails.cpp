// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "persondetails.h"

#include "apiclient.h"
#include "oncallmodel.h"
#include "orgdirectory.h"

#include <QDateTime>

#include <algorithm>

namespace rota {

std::optional<PersonShift> PersonInfo::nextShift() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PersonShift& shift : shifts) {
        if (shift.start > now)
            return shift;
    }
    return std::nullopt;
}

struct PersonDetails::Entry {
    PersonInfo info;
    QDateTime readAt[PartCount];
    QPointer<ApiReply> inFlight[PartCount];
    QString errors[PartCount];
};

PersonDetails::PersonDetails(
    ApiClient* client, OrgDirectory* directory, OnCallModel* onCall, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_directory(directory)
    , m_onCall(onCall)
{
    // A name that arrives with the user list changes every card that shows it.
    connect(m_directory, &OrgDirectory::usersChanged, this, [this] {
        const QList<QString> keys = m_entries.keys();
        for (const QString& key : keys)
            Q_EMIT changed(m_entries.value(key)->info.username);
    });
}

PersonDetails::~PersonDetails()
{
    for (Entry* entry : std::as_const(m_entries)) {
        for (const QPointer<ApiReply>& reply : entry->inFlight) {
            if (reply)
                reply->abandon();
        }
        delete entry;
    }
}

PersonDetails::Entry& PersonDetails::entry(const QString& username)
{
    // The service treats usernames in any case as one person.
    const QString key = username.toCaseFolded();
    Entry*& slot = m_entries[key];
    if (!slot) {
        slot = new Entry;
        slot->info.username = username;
    }
    return *slot;
}

bool PersonDetails::isFresh(const Entry& entry, Part part) const
{
    return entry.readAt[part].isValid()
        && entry.readAt[part].msecsTo(QDateTime::currentDateTimeUtc()) < m_maxAgeMs;
}

void PersonDetails::request(const QString& username, RequestScheduler::Priority priority)
{
    if (username.isEmpty())
        return;
    Entry& e = entry(username);
    const QString key = username.toCaseFolded();
    for (Part part : { Contacts, Teams, Policies, Shifts }) {
        if (!e.inFlight[part] && !isFresh(e, part))
            read(key, part, priority);
    }
}

void PersonDetails::read(const QString& key, Part part, RequestScheduler::Priority priority)
{
    Entry* e = m_entries.value(key);
    const QString username = e->info.username;
    switch (part) {
    case Contacts: {
        const auto call = calls::getContactMethods(*m_client, username, priority);
        e->inFlight[part] = call.reply;
        connect(call.reply, &ApiReply::finished, this, [this, key, call] {
            Entry* e = m_entries.value(key);
            if (call.reply->ok()) {
                e->info.contacts = call.value();
                e->info.contactsLoaded = true;
            }
            land(key, Contacts, call.reply->ok(), call.reply->error().text());
        });
        break;
    }
    case Teams: {
        const auto call = calls::listUserTeams(*m_client, username, priority);
        e->inFlight[part] = call.reply;
        connect(call.reply, &ApiReply::finished, this, [this, key, call] {
            Entry* e = m_entries.value(key);
            if (call.reply->ok()) {
                e->info.teams = call.value().teams;
                e->info.teamsLoaded = true;
            }
            land(key, Teams, call.reply->ok(), call.reply->error().text());
        });
        break;
    }
    case Policies: {
        const auto call = calls::listUserPolicies(*m_client, username, priority);
        e->inFlight[part] = call.reply;
        connect(call.reply, &ApiReply::finished, this, [this, key, call] {
            Entry* e = m_entries.value(key);
            if (call.reply->ok()) {
                e->info.policies = call.value().policies;
                e->info.policiesLoaded = true;
            }
            land(key, Policies, call.reply->ok(), call.reply->error().text());
        });
        break;
    }
    case Shifts: {
        const auto call = calls::getUserSchedule(*m_client, username, {}, priority);
        e->inFlight[part] = call.reply;
        connect(call.reply, &ApiReply::finished, this, [this, key, call] {
            Entry* e = m_entries.value(key);
            if (call.reply->ok()) {
                e->info.shifts = shiftsOf(e->info.username, call.value());
                e->info.shiftsLoaded = true;
            }
            land(key, Shifts, call.reply->ok(), call.reply->error().text());
        });
        break;
    }
    case PartCount:
        break;
    }
}

void PersonDetails::land(const QString& key, Part part, bool ok, const QString& error)
{
    Entry* e = m_entries.value(key);
    e->inFlight[part] = nullptr;
    if (ok) {
        e->readAt[part] = QDateTime::currentDateTimeUtc();
        e->errors[part].clear();
    } else {
        e->errors[part] = tr("Could not read %1: %2").arg(partWords(part), error);
    }
    Q_EMIT changed(e->info.username);
}

QString PersonDetails::partWords(Part part)
{
    switch (part) {
    case Contacts:
        return tr("the contact methods");
    case Teams:
        return tr("the teams");
    case Policies:
        return tr("the escalation policies");
    case Shifts:
        return tr("the on-call schedule");
    case PartCount:
        break;
    }
    return {};
}

void PersonDetails::forget(const QString& username)
{
    Entry* e = m_entries.take(username.toCaseFolded());
    if (!e)
        return;
    // What is on its way would describe the person as they were.
    for (const QPointer<ApiReply>& reply : e->inFlight) {
        if (reply)
            reply->abandon();
    }
    delete e;
}

PersonInfo PersonDetails::info(const QString& username) const
{
    const Entry* e = m_entries.value(username.toCaseFolded());
    PersonInfo info;
    if (e) {
        info = e->info;
        for (const QString& error : e->errors) {
            if (!error.isEmpty()) {
                info.error = error;
                break;
            }
        }
    } else {
        info.username = username;
    }
    if (m_directory) {
        info.user = m_directory->userByName(info.username);
        info.displayName = m_directory->userDisplayName(info.username);
    } else {
        info.displayName = info.username;
    }
    fillOnCall(info);
    return info;
}

bool PersonDetails::isLoading(const QString& username) const
{
    const Entry* e = m_entries.value(username.toCaseFolded());
    if (!e)
        return false;
    return std::any_of(std::begin(e->inFlight), std::end(e->inFlight),
        [](const QPointer<ApiReply>& reply) { return !reply.isNull(); });
}

// The session's on-call model is read every refresh, so it knows better than a schedule read
// minutes ago whether someone is on call now; the schedule fills in when there is no model.
void PersonDetails::fillOnCall(PersonInfo& info) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<MyOnCall> onNow;
    bool known = false;
    if (m_onCall && m_onCall->isLoaded()) {
        known = true;
        const OnCallModel& model = *m_onCall;
        for (int t = 0; t < model.rowCount(); ++t) {
            const QModelIndex team = model.index(t, 0);
            for (int p = 0; p < model.rowCount(team); ++p) {
                const QModelIndex policy = model.index(p, 0, team);
                const QString policySlug = policy.data(OnCallModel::KeyRole).toString();
                const QModelIndex person = model.personIndex(policySlug, info.username);
                if (!person.isValid())
                    continue;
                onNow.append({ team.data().toString(), team.data(OnCallModel::KeyRole).toString(),
                    policy.data().toString(), policySlug,
                    person.data(OnCallModel::UntilRole).toDateTime(),
                    person.data(OnCallModel::ReplacesRole).toString() });
            }
        }
    } else if (info.shiftsLoaded) {
        known = true;
        for (const PersonShift& shift : std::as_const(info.shifts)) {
            if (shift.start <= now && shift.end > now)
                onNow.append(
                    { shift.teamName, {}, shift.policyName, shift.policySlug, shift.end, {} });
        }
    }
    info.onCallNow = !onNow.isEmpty();
    info.onCallText = known ? OnCallModel::summaryFor(onNow, now) : QString();
}

QList<PersonShift> PersonDetails::shiftsOf(const QString& username, const UserSchedule& schedule)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto same = [](const QString& a, const QString& b) {
        return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
    };
    QList<PersonShift> shifts;
    for (const TeamSchedule& team : schedule.teamSchedules) {
        for (const PolicySchedule& policy : team.schedules) {
            for (const OnCallEntry& entry : policy.schedule) {
                for (const OnCallRoll& roll : entry.rolls) {
                    if (!same(roll.onCallUser, username) || !roll.end.isValid()
                        || roll.end.utc <= now)
                        continue;
                    PersonShift shift { policy.policy.slug, policy.policy.name, team.teamName,
                        roll.start.utc, roll.end.utc, false };
                    // Standing in: an override of the policy gives them this time.
                    for (const OnCallOverride& standIn : policy.overrides) {
                        if (same(standIn.overrideOnCallUser, username)
                            && standIn.start.utc <= shift.start && shift.start < standIn.end.utc)
                            shift.isOverride = true;
                    }
                    if (!shift.isOverride && !roll.isRoll
                        && same(entry.overrideOnCallUser, username)
                        && !same(entry.onCallUser, username) && shift.start <= now)
                        shift.isOverride = true;
                    shifts.append(shift);
                }
            }
        }
    }
    std::sort(shifts.begin(), shifts.end(), [](const PersonShift& a, const PersonShift& b) {
        return a.start != b.start ? a.start < b.start : a.policySlug < b.policySlug;
    });
    // Rolls are split where an override begins or ends: one stretch on one policy is one shift.
    QList<PersonShift> merged;
    for (const PersonShift& shift : std::as_const(shifts)) {
        auto samePolicy = std::find_if(merged.begin(), merged.end(), [&](const PersonShift& m) {
            return m.policySlug == shift.policySlug && m.end >= shift.start
                && m.isOverride == shift.isOverride;
        });
        if (samePolicy != merged.end()) {
            samePolicy->end = std::max(samePolicy->end, shift.end);
            continue;
        }
        merged.append(shift);
    }
    return merged;
}

} // namespace rota
