#include "operations.h"

namespace rota {

QString Operation::key() const
{
    return QLatin1String(method) + QLatin1Char(' ') + QLatin1String(pattern);
}

const QList<Operation>& operations()
{
    // Limits as documented per operation ("maximum of N times per minute").
    static const QList<Operation> all = {
        { "GET", "/api-public/v1/user", 60, false },
        { "POST", "/api-public/v1/user", 60, false },
        { "POST", "/api-public/v1/user/batch", 15, false },
        { "GET", "/api-public/v1/user/{user}", 60, false },
        { "PUT", "/api-public/v1/user/{user}", 60, false },
        { "DELETE", "/api-public/v1/user/{user}", 60, false },
        { "GET", "/api-public/v1/user/{user}/teams", 60, false },
        { "GET", "/api-public/v1/policies/types/notifications", 60, false },
        { "GET", "/api-public/v1/policies/types/contacts", 60, false },
        { "GET", "/api-public/v1/policies/types/timeouts", 60, false },
        { "GET", "/api-public/v1/profile/{username}/policies", 20, false },
        { "POST", "/api-public/v1/profile/{username}/policies", 60, false },
        { "GET", "/api-public/v1/profile/{username}/policies/{step}", 60, false },
        { "POST", "/api-public/v1/profile/{username}/policies/{step}", 60, false },
        { "PUT", "/api-public/v1/profile/{username}/policies/{step}", 60, false },
        { "GET", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, false },
        { "PUT", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, false },
        { "DELETE", "/api-public/v1/profile/{username}/policies/{step}/{rule}", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/devices", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60, false },
        { "PUT", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60, false },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/devices/{contactId}", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/emails", 60, false },
        { "POST", "/api-public/v1/user/{user}/contact-methods/emails", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}", 60, false },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/emails/{contactId}", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/phones", 60, false },
        { "POST", "/api-public/v1/user/{user}/contact-methods/phones", 60, false },
        { "GET", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}", 60, false },
        { "DELETE", "/api-public/v1/user/{user}/contact-methods/phones/{contactId}", 60, false },
        { "GET", "/api-public/v1/user/{user}/policies", 60, false },
        { "GET", "/api-public/v1/user/{user}/oncall/schedule", 60, true },
        { "GET", "/api-public/v2/user/{user}/oncall/schedule", 60, false },
        { "GET", "/api-public/v1/team/{team}/oncall/schedule", 60, true },
        { "GET", "/api-public/v2/team/{team}/oncall/schedule", 60, false },
        { "GET", "/api-public/v1/oncall/current", 60, false },
        { "GET", "/api-reporting/v1/team/{team}/oncall/log", 60, false },
        { "PATCH", "/api-public/v1/team/{team}/oncall/user", 60, true },
        { "PATCH", "/api-public/v1/policies/{policy}/oncall/user", 60, false },
        { "GET", "/api-public/v1/incidents/{incidentNumber}", 60, false },
        { "GET", "/api-public/v1/incidents", 60, false },
        { "POST", "/api-public/v1/incidents", 60, false },
        { "PATCH", "/api-public/v1/incidents/ack", 60, false },
        { "POST", "/api-public/v1/incidents/reroute", 60, false },
        { "PATCH", "/api-public/v1/incidents/resolve", 60, false },
        { "PATCH", "/api-public/v1/incidents/byUser/ack", 60, false },
        { "PATCH", "/api-public/v1/incidents/byUser/resolve", 60, false },
        { "GET", "/api-public/v1/incidents/{incidentNumber}/notes", 60, false },
        { "POST", "/api-public/v1/incidents/{incidentNumber}/notes", 60, false },
        { "PUT", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", 60, false },
        { "DELETE", "/api-public/v1/incidents/{incidentNumber}/notes/{noteName}", 60, false },
        { "GET", "/api-public/v1/alerts/{uuid}", 60, false },
        { "GET", "/api-public/v1/org/routing-keys", 60, false },
        { "POST", "/api-public/v1/org/routing-keys", 60, false },
        { "GET", "/api-public/v1/overrides", 60, false },
        { "POST", "/api-public/v1/overrides", 60, false },
        { "GET", "/api-public/v1/overrides/{publicId}", 60, false },
        { "DELETE", "/api-public/v1/overrides/{publicId}", 60, false },
        { "GET", "/api-public/v1/overrides/{publicId}/assignments", 60, false },
        { "GET", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60, false },
        { "PUT", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60, false },
        { "DELETE", "/api-public/v1/overrides/{publicId}/assignments/{policySlug}", 60, false },
        { "GET", "/api-public/v1/teams/{team}/rotations", 60, false },
        { "GET", "/api-public/v1/webhooks", 60, false },
        { "GET", "/api-public/v1/policies", 60, false },
        { "POST", "/api-public/v1/policies", 60, false },
        { "GET", "/api-public/v1/policies/{policy}", 60, false },
        { "DELETE", "/api-public/v1/policies/{policy}", 60, false },
        { "GET", "/api-reporting/v2/incidents", 1, false },
        { "GET", "/api-public/v1/team", 60, false },
        { "POST", "/api-public/v1/team", 60, false },
        { "GET", "/api-public/v1/team/{team}", 60, false },
        { "PUT", "/api-public/v1/team/{team}", 60, false },
        { "DELETE", "/api-public/v1/team/{team}", 60, false },
        { "GET", "/api-public/v1/team/{team}/policies", 60, true },
        { "GET", "/api-public/v1/team/{team}/admins", 60, false },
        { "GET", "/api-public/v1/team/{team}/members", 60, false },
        { "POST", "/api-public/v1/team/{team}/members", 60, false },
        { "DELETE", "/api-public/v1/team/{team}/members/{user}", 60, false },
        { "GET", "/api-public/v1/maintenancemode", 0, false },
        { "POST", "/api-public/v1/maintenancemode/start", 0, false },
        { "PUT", "/api-public/v1/maintenancemode/{maintenancemodeid}/end", 0, false },
        { "GET", "/api-reporting/v1/incidents", 1, true },
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

} // namespace rota
