// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// What Rota knows about one person beyond the org's user list: contact methods, teams, the
// escalation policies they are on, whether they are on call now and their next shifts. Read on
// demand (a hover card, the Users view's detail pane), kept for a while, shared by every view of
// the session so one person's details cost the org's API budget once.

#include "oncall.h"
#include "people.h"
#include "requestscheduler.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace rota {

class ApiClient;
class ApiReply;
class OnCallModel;
class OrgDirectory;

//! One shift of a person: on call for `policyName` of `teamName` from `start` to `end` (UTC).
struct PersonShift {
    QString policySlug;
    QString policyName;
    QString teamName;
    QDateTime start;
    QDateTime end;
    bool isOverride = false; //!< standing in for someone
};

//! Everything known about a person. Each part says whether it was read; a part that failed keeps
//! what was read before and `error` says why in words.
struct PersonInfo {
    QString username;
    std::optional<User> user; //!< from the org's user list
    QString displayName; //!< as every view shows it (OrgDirectory::userDisplayName)

    ContactMethods contacts;
    bool contactsLoaded = false;
    QList<UserTeam> teams;
    bool teamsLoaded = false;
    QList<UserPolicyEntry> policies; //!< the escalation policies they can be paged by
    bool policiesLoaded = false;
    QList<PersonShift> shifts; //!< now and coming, sorted by start; a shift running now first
    bool shiftsLoaded = false;

    //! Whether they are on call now, from the session's on-call model (always current).
    bool onCallNow = false;
    //! "On call for Platform (Platform EP) until Fri 09:00", "Not on call", or empty while unknown.
    QString onCallText;
    //! The next shift that has not started, if known.
    std::optional<PersonShift> nextShift() const;

    QString error; //!< why the last read failed, in words; empty when it did not
    bool isComplete() const
    {
        return contactsLoaded && teamsLoaded && policiesLoaded && shiftsLoaded;
    }
};

//! Reads and caches PersonInfo per username: GET /user/{user}/contact-methods, /teams,
//! /policies and /api-public/v2/user/{user}/oncall/schedule, each at most once per person per
//! maxAge() and never twice at once. Nothing is owned; all must outlive this.
class PersonDetails : public QObject {
    Q_OBJECT
public:
    PersonDetails(ApiClient* client, OrgDirectory* directory, OnCallModel* onCall = nullptr,
        QObject* parent = nullptr);
    ~PersonDetails() override;

    //! Reads whatever of `username` is missing or older than maxAge() and not in flight; changed()
    //! follows each part that lands. User priority: someone is looking.
    void request(const QString& username,
        RequestScheduler::Priority priority = RequestScheduler::Priority::User);
    //! Forgets what was read of `username` (after a change to them) so the next request() reads
    //! it again.
    void forget(const QString& username);
    //! What is known now (may be partly loaded).
    PersonInfo info(const QString& username) const;
    bool isLoading(const QString& username) const;

    //! How long details count as fresh; 5 minutes unless set.
    void setMaxAge(int ms) { m_maxAgeMs = ms; }
    int maxAge() const { return m_maxAgeMs; }

    OrgDirectory* directory() const { return m_directory; }

Q_SIGNALS:
    //! Something of `username` arrived (or failed).
    void changed(const QString& username);

private:
    struct Entry;
    enum Part { Contacts, Teams, Policies, Shifts, PartCount };
    Entry& entry(const QString& username);
    bool isFresh(const Entry& entry, Part part) const;
    void read(const QString& key, Part part, RequestScheduler::Priority priority);
    void land(const QString& key, Part part, bool ok, const QString& error);
    void fillOnCall(PersonInfo& info) const;
    static QString partWords(Part part);
    static QList<PersonShift> shiftsOf(const QString& username, const UserSchedule& schedule);

    ApiClient* m_client;
    OrgDirectory* m_directory;
    QPointer<OnCallModel> m_onCall;
    int m_maxAgeMs = 5 * 60 * 1000;
    QHash<QString, Entry*> m_entries;
};

} // namespace rota
