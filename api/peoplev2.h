// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// People through the newer (v2) operations: the user list with its e-mail filter, and all of a
// user's personal paging policies (v1 shows only the primary's steps; see people.h).
//
// Conventions as in people.h: `static T fromJson(const JsonReader &)` and
// `QJsonObject toJson() const` with the API's field names.

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"
#include "people.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>

namespace rota {

//! GET /v2/user: {"users": [...]}, a flat list. The v1 shape, {"users": [[...]]}, is read too:
//! nested lists are flattened, as tolerant importers do in case the service answers that way.
struct UserListV2 {
    QList<User> users;

    static UserListV2 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! When a paging policy applies: the days it covers and the time of day, in its zone. Equal
//! start and end mean the whole day.
struct PagingTimeMask {
    //! Monday first, as Qt numbers days (Qt::Monday is 1: days[Qt::Monday - 1]).
    std::array<bool, 7> days { { true, true, true, true, true, true, true } };
    QString timeZone; //!< IANA name, e.g. "Europe/Madrid"
    QString startTime; //!< "HH:mm:ss.SSS"
    QString endTime;

    static PagingTimeMask fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const PagingTimeMask& other) const;
    bool operator!=(const PagingTimeMask& other) const { return !(*this == other); }
};

//! One personal paging policy of GET /v2/profile/{username}/policies.
struct PagingPolicyV2 {
    int rank = 0; //!< 0 is the primary policy, the one v1 shows
    QString name;
    QString slug;
    PagingTimeMask timeMask;
    //! As v1 reads them; contact types in lower case ("email", "phone") whatever case the
    //! answer used (v2 answers capitalise them).
    QList<PagingStep> steps;

    bool isPrimary() const { return rank == 0; }
    static PagingPolicyV2 fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! {"policies": [...]}, in the order of rank.
struct PagingPolicyList {
    QList<PagingPolicyV2> policies;

    //! The rank-0 policy; nullptr when the answer has none.
    const PagingPolicyV2* primary() const;
    static PagingPolicyList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

//! GET /v2/user; with `email`, only the users with that address (sent with '@' as it is: the
//! service does not decode "%40"). An empty list when nobody has it. The service wants at least
//! 3 characters (400 otherwise).
ApiCall<UserListV2> listUsersV2(
    ApiClient& client, const QString& email = QString(), CallPriority priority = {});

//! GET /v2/profile/{username}/policies ('@' kept literal in the path).
ApiCall<PagingPolicyList> getPagingPolicies(
    ApiClient& client, const QString& username, CallPriority priority = {});

} // namespace calls

} // namespace rota
