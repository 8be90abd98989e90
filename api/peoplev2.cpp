// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "peoplev2.h"

#include <QJsonArray>

#include <algorithm>

namespace rota {

namespace {

const char* const kDays[7]
    = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

// Users of a list element: a user, or (v1's shape) a list of users, at any depth a hostile
// answer nests them. Anything else is a broken answer.
void collectUsers(JsonReader& element, QList<User>& out, int depth)
{
    if (element.value().isArray() && depth < 4) {
        element.forEachElement(
            [&out, depth](JsonReader& inner) { collectUsers(inner, out, depth + 1); });
        return;
    }
    if (!element.value().isObject()) {
        element.fail(QStringLiteral("expected a user object"));
        return;
    }
    out.append(User::fromJson(element));
}

} // namespace

UserListV2 UserListV2::fromJson(const JsonReader& r)
{
    UserListV2 list;
    r.forEach(QStringLiteral("users"), [&list](JsonReader& e) { collectUsers(e, list.users, 0); });
    return list;
}

QJsonObject UserListV2::toJson() const
{
    return { { QStringLiteral("users"), toJsonArray(users) } };
}

PagingTimeMask PagingTimeMask::fromJson(const JsonReader& r)
{
    PagingTimeMask mask;
    for (int i = 0; i < 7; ++i)
        mask.days[static_cast<size_t>(i)] = r.boolean(QLatin1String(kDays[i]), true);
    mask.timeZone = r.str(QStringLiteral("timeZone"));
    mask.startTime = r.str(QStringLiteral("startTime"));
    mask.endTime = r.str(QStringLiteral("endTime"));
    return mask;
}

QJsonObject PagingTimeMask::toJson() const
{
    QJsonObject o;
    for (int i = 0; i < 7; ++i)
        o.insert(QLatin1String(kDays[i]), days[static_cast<size_t>(i)]);
    insertIfSet(o, QStringLiteral("timeZone"), timeZone);
    insertIfSet(o, QStringLiteral("startTime"), startTime);
    insertIfSet(o, QStringLiteral("endTime"), endTime);
    return o;
}

bool PagingTimeMask::operator==(const PagingTimeMask& other) const
{
    return days == other.days && timeZone == other.timeZone && startTime == other.startTime
        && endTime == other.endTime;
}

PagingPolicyV2 PagingPolicyV2::fromJson(const JsonReader& r)
{
    PagingPolicyV2 policy;
    // An older fixture has only policyType ("primary") in place of rank, name and slug.
    const bool legacyOther = !r.has(QStringLiteral("rank")) && r.has(QStringLiteral("policyType"))
        && r.str(QStringLiteral("policyType"))
                .compare(QLatin1String("primary"), Qt::CaseInsensitive)
            != 0;
    policy.rank = r[QStringLiteral("rank")].toInt32(legacyOther ? 1 : 0);
    policy.name = r.str(QStringLiteral("name"));
    policy.slug = r.str(QStringLiteral("slug"));
    policy.timeMask = PagingTimeMask::fromJson(r[QStringLiteral("timeMask")]);
    policy.steps = readList<PagingStep>(r, QStringLiteral("steps"));
    for (PagingStep& step : policy.steps) {
        for (PagingRule& rule : step.rules)
            rule.contact.type = rule.contact.type.toLower();
    }
    return policy;
}

QJsonObject PagingPolicyV2::toJson() const
{
    QJsonObject o {
        { QStringLiteral("rank"), rank },
        { QStringLiteral("timeMask"), timeMask.toJson() },
        { QStringLiteral("steps"), toJsonArray(steps) },
    };
    insertIfSet(o, QStringLiteral("name"), name);
    insertIfSet(o, QStringLiteral("slug"), slug);
    return o;
}

const PagingPolicyV2* PagingPolicyList::primary() const
{
    const auto it = std::find_if(policies.cbegin(), policies.cend(),
        [](const PagingPolicyV2& policy) { return policy.isPrimary(); });
    return it == policies.cend() ? nullptr : &*it;
}

PagingPolicyList PagingPolicyList::fromJson(const JsonReader& r)
{
    return { readList<PagingPolicyV2>(r, QStringLiteral("policies")) };
}

QJsonObject PagingPolicyList::toJson() const
{
    return { { QStringLiteral("policies"), toJsonArray(policies) } };
}

namespace calls {

ApiCall<UserListV2> listUsersV2(ApiClient& client, const QString& email, CallPriority priority)
{
    ApiRequest r = request(ops::listUsersV2, {}, priority);
    // '@' goes as it is: the service does not decode "%40" (everything else is encoded, so '&',
    // '+', '#' or '%' in an address cannot change the query).
    if (!email.isNull())
        r.query.addQueryItem(QStringLiteral("email"), queryValue(email, QByteArrayLiteral("@")));
    return send<UserListV2>(client, r);
}

ApiCall<PagingPolicyList> getPagingPolicies(
    ApiClient& client, const QString& username, CallPriority priority)
{
    return send<PagingPolicyList>(client, request(ops::getPagingPolicies, { username }, priority));
}

} // namespace calls

} // namespace rota
