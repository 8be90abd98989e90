// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "operations.h"

#include <QHash>

namespace rota {

QString Operation::key() const
{
    return QLatin1String(method) + QLatin1Char(' ') + QLatin1String(pattern);
}

const QList<Operation>& operations()
{
    static const QList<Operation> all = {
        ops::listUsers,
        ops::createUser,
        ops::createUsers,
        ops::getUser,
        ops::updateUser,
        ops::deleteUser,
        ops::listUserTeams,
        ops::listNotificationTypes,
        ops::listContactTypes,
        ops::listTimeoutTypes,
        ops::getPagingPolicy,
        ops::createPagingStep,
        ops::getPagingStep,
        ops::createPagingRule,
        ops::updatePagingStep,
        ops::getPagingRule,
        ops::updatePagingRule,
        ops::deletePagingRule,
        ops::getContactMethods,
        ops::listContactDevices,
        ops::getContactDevice,
        ops::updateContactDevice,
        ops::deleteContactDevice,
        ops::listContactEmails,
        ops::createContactEmail,
        ops::getContactEmail,
        ops::deleteContactEmail,
        ops::listContactPhones,
        ops::createContactPhone,
        ops::getContactPhone,
        ops::deleteContactPhone,
        ops::listUserPolicies,
        ops::getUserScheduleV1,
        ops::getUserSchedule,
        ops::getTeamScheduleV1,
        ops::getTeamSchedule,
        ops::getCurrentOnCall,
        ops::getTeamShiftLog,
        ops::takeTeamOnCall,
        ops::takeOnCall,
        ops::getIncident,
        ops::listIncidents,
        ops::createIncident,
        ops::ackIncidents,
        ops::rerouteIncidents,
        ops::resolveIncidents,
        ops::ackIncidentsByUser,
        ops::resolveIncidentsByUser,
        ops::listIncidentNotes,
        ops::createIncidentNote,
        ops::updateIncidentNote,
        ops::deleteIncidentNote,
        ops::getAlert,
        ops::listRoutingKeys,
        ops::createRoutingKey,
        ops::listOverrides,
        ops::createOverride,
        ops::getOverride,
        ops::deleteOverride,
        ops::listOverrideAssignments,
        ops::getOverrideAssignment,
        ops::updateOverrideAssignment,
        ops::deleteOverrideAssignment,
        ops::listRotationGroups,
        ops::listWebhooks,
        ops::listEscalationPolicies,
        ops::createEscalationPolicy,
        ops::getEscalationPolicy,
        ops::deleteEscalationPolicy,
        ops::searchIncidentHistory,
        ops::listTeams,
        ops::createTeam,
        ops::getTeam,
        ops::updateTeam,
        ops::deleteTeam,
        ops::listTeamPolicies,
        ops::listTeamAdmins,
        ops::listTeamMembers,
        ops::addTeamMember,
        ops::removeTeamMember,
        ops::getMaintenanceMode,
        ops::startMaintenanceMode,
        ops::endMaintenanceMode,
        ops::searchIncidentHistoryV1,
        ops::listUsersV2,
        ops::getPagingPolicies,
        ops::createRotationGroup,
        ops::deleteRotationGroup,
        ops::getScheduledUser,
        ops::setScheduledUser,
        ops::listTeamRotations,
        ops::postChatMessage,
        ops::listChatMessages,
        ops::sendStakeholderMessage,
        ops::listAlertRules,
        ops::createAlertRule,
        ops::updateAlertRule,
        ops::deleteAlertRule,
    };
    return all;
}

const Operation* findOperation(const QByteArray& method, const QString& pattern)
{
    for (const Operation& operation : operations()) {
        if (method == operation.method && pattern == QLatin1String(operation.pattern))
            return &operation;
    }
    return nullptr;
}

const Operation* findOperation(const QString& key)
{
    static const QHash<QString, const Operation*> byKey = [] {
        QHash<QString, const Operation*> map;
        for (const Operation& operation : operations())
            map.insert(operation.key(), &operation);
        return map;
    }();
    return byKey.value(key);
}

bool isPositional(const Operation& operation)
{
    // The paging policy's steps ({step}) and rules ({rule}) are indexes into its lists; every
    // other path names a thing by its id, slug or name.
    const QString key = operation.key();
    return key == ops::updatePagingStep.key() || key == ops::updatePagingRule.key()
        || key == ops::deletePagingRule.key();
}

bool isPositional(const QString& key)
{
    const Operation* operation = findOperation(key);
    return operation && isPositional(*operation);
}

qint64 maxReplyBytes(const Operation& operation)
{
    // A read of one thing ends in its {id}; a read ending in a word answers with a list.
    const bool listRead = qstrcmp(operation.method, "GET") == 0
        && !QLatin1String(operation.pattern).endsWith(QLatin1Char('}'));
    return listRead ? ListReplyBytes : OtherReplyBytes;
}

qint64 maxReplyBytes(const QString& key)
{
    if (const Operation* operation = findOperation(key))
        return maxReplyBytes(*operation);
    return key.startsWith(QLatin1String("GET ")) ? ListReplyBytes : OtherReplyBytes;
}

} // namespace rota
