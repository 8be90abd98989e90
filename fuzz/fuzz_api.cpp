// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// A libFuzzer harness for everything Rota reads from the network: the bytes of an answer go to
// JsonReader and to one DTO's fromJson (chosen by the first byte), and to the time parser. What
// parses is written back with toJson and read again: the second reading must succeed too, and
// must write the same JSON (what Rota writes, Rota can read). Built with clang's
// -fsanitize=fuzzer,address,undefined by scripts/fuzz, which also checks that every DTO with a
// fromJson is listed below.

#include "alertrules.h"
#include "chat.h"
#include "incidents.h"
#include "jsonreader.h"
#include "oncall.h"
#include "orgconfig.h"
#include "overrides.h"
#include "people.h"
#include "peoplev2.h"
#include "policies.h"
#include "rotations.h"
#include "stakeholders.h"
#include "teams.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

namespace {

using namespace rota;

template <typename T, typename = void> struct HasToJson : std::false_type {
};
template <typename T>
struct HasToJson<T, std::void_t<decltype(std::declval<const T&>().toJson())>> : std::true_type {
};

QByteArray compact(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

[[noreturn]] void fail(const char* dto, const char* what, const QByteArray& detail)
{
    std::fprintf(stderr, "%s: %s\n%s\n", dto, what, detail.constData());
    std::abort();
}

template <typename T> void readAndRoundTrip(const char* name, const QByteArray& bytes)
{
    const JsonReader reader = JsonReader::fromBytes(bytes);
    const T value = T::fromJson(reader);
    if constexpr (HasToJson<T>::value) {
        if (!reader.ok())
            return;
        QJsonValue written = value.toJson();
        // A list the API sends as a bare array is written as {"items": [...]} (rotactl's --json
        // prints objects); its items are what reads again.
        if (written.isObject() && written.toObject().size() == 1
            && written.toObject().contains(QStringLiteral("items")) && reader.value().isArray())
            written = written.toObject().value(QStringLiteral("items"));
        const QByteArray once = compact(written);
        if (once.isEmpty())
            return;
        const JsonReader again = JsonReader::fromBytes(once);
        const T second = T::fromJson(again);
        if (!again.ok())
            fail(name, "what toJson wrote does not read again",
                once + '\n' + again.error().toUtf8());
        QJsonValue rewritten = second.toJson();
        if (written.isArray() && rewritten.isObject())
            rewritten = rewritten.toObject().value(QStringLiteral("items"));
        const QByteArray twice = compact(rewritten);
        if (twice != once)
            fail(name, "reading what toJson wrote changes it", once + '\n' + twice);
    }
}

using Reader = void (*)(const QByteArray&);

#define ROTA_DTO(T) [](const QByteArray& bytes) { readAndRoundTrip<T>(#T, bytes); },
const Reader readers[] = {
    // clang-format off
    ROTA_DTO(AckResolveRequest)
    ROTA_DTO(AckResolveResult)
    ROTA_DTO(AckResolveResults)
    ROTA_DTO(Alert)
    ROTA_DTO(AlertRule)
    ROTA_DTO(AlertRuleAnnotation)
    ROTA_DTO(AlertRuleList)
    ROTA_DTO(BatchUserError)
    ROTA_DTO(BatchUserResult)
    ROTA_DTO(BatchUserResultList)
    ROTA_DTO(ChatMessage)
    ROTA_DTO(ChatMessageList)
    ROTA_DTO(ContactMethod)
    ROTA_DTO(ContactMethodList)
    ROTA_DTO(ContactMethods)
    ROTA_DTO(ContactTypeList)
    ROTA_DTO(CreateIncidentRequest)
    ROTA_DTO(CreatedIncident)
    ROTA_DTO(CreatedRotationGroup)
    ROTA_DTO(CurrentOnCall)
    ROTA_DTO(DeleteUserRequest)
    ROTA_DTO(DeletedAlertRule)
    ROTA_DTO(DeviceUpdate)
    ROTA_DTO(EscalationPolicy)
    ROTA_DTO(EscalationPolicyEntry)
    ROTA_DTO(EscalationPolicyInfo)
    ROTA_DTO(EscalationPolicyInfoList)
    ROTA_DTO(EscalationPolicyStep)
    ROTA_DTO(EscalationPolicySummary)
    ROTA_DTO(Incident)
    ROTA_DTO(IncidentList)
    ROTA_DTO(IncidentNote)
    ROTA_DTO(IncidentNoteList)
    ROTA_DTO(IncidentTarget)
    ROTA_DTO(IncidentTransition)
    ROTA_DTO(MaintenanceInstance)
    ROTA_DTO(MaintenanceState)
    ROTA_DTO(MaintenanceTarget)
    ROTA_DTO(NewEscalationPolicy)
    ROTA_DTO(NewScheduledOverride)
    ROTA_DTO(NoteRequest)
    ROTA_DTO(NotificationTypeList)
    ROTA_DTO(OffsetTime)
    ROTA_DTO(OnCallDuration)
    ROTA_DTO(OnCallEntry)
    ROTA_DTO(OnCallInterval)
    ROTA_DTO(OnCallLog)
    ROTA_DTO(OnCallOverride)
    ROTA_DTO(OnCallRoll)
    ROTA_DTO(OverrideAssignment)
    ROTA_DTO(OverrideAssignmentList)
    ROTA_DTO(PagingContact)
    ROTA_DTO(PagingOption)
    ROTA_DTO(PagingPolicyList)
    ROTA_DTO(PagingPolicyV2)
    ROTA_DTO(PagingRule)
    ROTA_DTO(PagingStep)
    ROTA_DTO(PagingTimeMask)
    ROTA_DTO(PagingTimeoutOption)
    ROTA_DTO(PersonalPagingPolicy)
    ROTA_DTO(PolicyOnCallNow)
    ROTA_DTO(PolicySchedule)
    ROTA_DTO(ReportingIncidentList)
    ROTA_DTO(Reroute)
    ROTA_DTO(RerouteRequest)
    ROTA_DTO(RerouteResults)
    ROTA_DTO(RerouteStatus)
    ROTA_DTO(RerouteTargetStatus)
    ROTA_DTO(RotationGroup)
    ROTA_DTO(RotationGroupList)
    ROTA_DTO(RotationPeriod)
    ROTA_DTO(RotationShift)
    ROTA_DTO(RoutingKey)
    ROTA_DTO(RoutingKeyAssignment)
    ROTA_DTO(RoutingKeyList)
    ROTA_DTO(RoutingKeyTarget)
    ROTA_DTO(ScheduleEntryV1)
    ROTA_DTO(ScheduleOverrideV1)
    ROTA_DTO(ScheduleRollV1)
    ROTA_DTO(ScheduledOverride)
    ROTA_DTO(ScheduledOverrideList)
    ROTA_DTO(ScheduledUser)
    ROTA_DTO(StakeholderMessage)
    ROTA_DTO(ShiftMember)
    ROTA_DTO(StartMaintenanceRequest)
    ROTA_DTO(TakeRequest)
    ROTA_DTO(TakeResult)
    ROTA_DTO(Team)
    ROTA_DTO(TeamAdmin)
    ROTA_DTO(TeamAdminList)
    ROTA_DTO(TeamList)
    ROTA_DTO(TeamMember)
    ROTA_DTO(TeamMemberList)
    ROTA_DTO(TeamOnCallNow)
    ROTA_DTO(TeamRotation)
    ROTA_DTO(TeamRotations)
    ROTA_DTO(TeamSchedule)
    ROTA_DTO(TeamScheduleV1)
    ROTA_DTO(TimeoutTypeList)
    ROTA_DTO(User)
    ROTA_DTO(UserList)
    ROTA_DTO(UserListV2)
    ROTA_DTO(UserPayload)
    ROTA_DTO(UserPolicies)
    ROTA_DTO(UserPolicyEntry)
    ROTA_DTO(UserSchedule)
    ROTA_DTO(UserScheduleV1)
    ROTA_DTO(UserShiftLog)
    ROTA_DTO(UserTeam)
    ROTA_DTO(UserTeamList)
    ROTA_DTO(Webhook)
    ROTA_DTO(WebhookList)
    // clang-format on
};
#undef ROTA_DTO

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    constexpr std::size_t count = sizeof(readers) / sizeof(readers[0]);
    const QByteArray bytes(
        reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    readers[data[0] % count](bytes);
    // The times, alone: as text and as the number the API also sends.
    const QString text = QString::fromUtf8(bytes);
    const QDateTime time = parseApiTime(QJsonValue(text));
    if (time.isValid() && !parseApiTime(QJsonValue(formatApiTime(time))).isValid())
        fail("parseApiTime", "a time it read does not read again once written", bytes);
    if (size >= 9) {
        double number = 0;
        std::memcpy(&number, data + 1, sizeof(number));
        (void)parseApiTime(QJsonValue(number));
    }
    return 0;
}
