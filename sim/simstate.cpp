// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The whole org as JSON for --state FILE: every field of every struct in simorg.h, counters
// included, so a simulator stopped and started again carries on exactly where it was. Loading
// trusts nothing in the file: each value is type-checked and the first problem is reported with
// the path of the field ("users[3].phones[0].id: expected an integer").

#include "simcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rota::sim {

namespace {

const QString kFormat = QStringLiteral("rota-sim-state");
constexpr int kVersion = 1;
constexpr qint64 kMaxExactInteger = qint64(1) << 53; // JSON numbers are doubles

QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(isoUtc(t)) : QJsonValue(QJsonValue::Null);
}

QJsonArray stringArray(const QStringList& list) { return QJsonArray::fromStringList(list); }

template <typename Container, typename ToJson>
QJsonArray arrayOf(const Container& items, ToJson toJson)
{
    QJsonArray out;
    for (const auto& item : items)
        out.append(toJson(item));
    return out;
}

// --- Writing -------------------------------------------------------------------------------

QJsonObject contactToJson(const SimContactMethod& c)
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("extId"), c.extId },
        { QStringLiteral("label"), c.label }, { QStringLiteral("value"), c.value },
        { QStringLiteral("rank"), c.rank } };
}

QJsonObject deviceToJson(const SimDevice& d)
{
    return { { QStringLiteral("id"), d.id }, { QStringLiteral("extId"), d.extId },
        { QStringLiteral("label"), d.label }, { QStringLiteral("deviceType"), d.deviceType },
        { QStringLiteral("escalationSound"), d.escalationSound },
        { QStringLiteral("chatSound"), d.chatSound },
        { QStringLiteral("resolvedSound"), d.resolvedSound } };
}

QJsonObject pagingStepToJson(const SimPagingStep& step)
{
    return { { QStringLiteral("timeout"), step.timeout },
        { QStringLiteral("rules"), arrayOf(step.rules, [](const SimPagingRule& r) {
             return QJsonObject { { QStringLiteral("notificationType"), r.notificationType },
                 { QStringLiteral("contactType"), r.contactType },
                 { QStringLiteral("contactId"), r.contactId } };
         }) } };
}

QJsonObject userToJson(const SimUser& u)
{
    return { { QStringLiteral("userId"), u.userId }, { QStringLiteral("username"), u.username },
        { QStringLiteral("firstName"), u.firstName }, { QStringLiteral("lastName"), u.lastName },
        { QStringLiteral("email"), u.email },
        { QStringLiteral("createdAt"), timeValue(u.createdAt) },
        { QStringLiteral("passwordLastUpdated"), timeValue(u.passwordLastUpdated) },
        { QStringLiteral("verified"), u.verified }, { QStringLiteral("admin"), u.admin },
        { QStringLiteral("emails"), arrayOf(u.emails, contactToJson) },
        { QStringLiteral("phones"), arrayOf(u.phones, contactToJson) },
        { QStringLiteral("devices"), arrayOf(u.devices, deviceToJson) },
        { QStringLiteral("pagingPolicy"), arrayOf(u.pagingPolicy, pagingStepToJson) } };
}

QJsonObject teamToJson(const SimTeam& t)
{
    return { { QStringLiteral("slug"), t.slug }, { QStringLiteral("name"), t.name },
        { QStringLiteral("members"), stringArray(t.members) },
        { QStringLiteral("admins"), stringArray(t.admins) },
        { QStringLiteral("isDefault"), t.isDefault }, { QStringLiteral("version"), t.version } };
}

QJsonObject rotationToJson(const SimRotation& r)
{
    return { { QStringLiteral("slug"), r.slug }, { QStringLiteral("teamSlug"), r.teamSlug },
        { QStringLiteral("label"), r.label }, { QStringLiteral("shiftName"), r.shiftName },
        { QStringLiteral("members"), stringArray(r.members) },
        { QStringLiteral("shiftHours"), r.shiftHours },
        { QStringLiteral("anchor"), timeValue(r.anchor) },
        { QStringLiteral("timeZone"), r.timeZone }, { QStringLiteral("groupId"), r.groupId },
        { QStringLiteral("shiftId"), r.shiftId }, { QStringLiteral("hasShift"), r.hasShift },
        { QStringLiteral("shiftType"), r.shiftType }, { QStringLiteral("masks"), r.masks },
        { QStringLiteral("rollOffset"), r.rollOffset },
        { QStringLiteral("scheduledVersion"), r.scheduledVersion },
        { QStringLiteral("nobodyBeforeAnchor"), r.nobodyBeforeAnchor } };
}

QJsonObject policyToJson(const SimPolicy& p)
{
    return { { QStringLiteral("slug"), p.slug }, { QStringLiteral("name"), p.name },
        { QStringLiteral("teamSlug"), p.teamSlug },
        { QStringLiteral("ignoreCustomPagingPolicies"), p.ignoreCustomPagingPolicies },
        { QStringLiteral("steps"), arrayOf(p.steps, [](const SimPolicyStep& step) {
             return QJsonObject { { QStringLiteral("timeout"), step.timeout },
                 { QStringLiteral("entries"), arrayOf(step.entries, [](const SimPolicyEntry& e) {
                      return QJsonObject { { QStringLiteral("executionType"), e.executionType },
                          { QStringLiteral("target"), e.target } };
                  }) } };
         }) } };
}

QJsonObject webhookToJson(const SimWebhook& w)
{
    return { { QStringLiteral("slug"), w.slug }, { QStringLiteral("label"), w.label },
        { QStringLiteral("url"), w.url } };
}

QJsonObject routingKeyToJson(const SimRoutingKey& k)
{
    return { { QStringLiteral("key"), k.key },
        { QStringLiteral("policySlugs"), stringArray(k.policySlugs) },
        { QStringLiteral("isDefault"), k.isDefault } };
}

QJsonObject takeOverrideToJson(const SimTakeOverride& o)
{
    return { { QStringLiteral("policySlug"), o.policySlug },
        { QStringLiteral("fromUser"), o.fromUser }, { QStringLiteral("toUser"), o.toUser },
        { QStringLiteral("start"), timeValue(o.start) },
        { QStringLiteral("end"), timeValue(o.end) } };
}

QJsonObject scheduledOverrideToJson(const SimScheduledOverride& o)
{
    QJsonObject assignments;
    for (auto it = o.assignments.cbegin(); it != o.assignments.cend(); ++it)
        assignments.insert(it.key(), it.value());
    return { { QStringLiteral("publicId"), o.publicId }, { QStringLiteral("username"), o.username },
        { QStringLiteral("timeZone"), o.timeZone }, { QStringLiteral("start"), timeValue(o.start) },
        { QStringLiteral("end"), timeValue(o.end) },
        { QStringLiteral("assignments"), assignments } };
}

QJsonObject transitionToJson(const SimTransition& t)
{
    return { { QStringLiteral("name"), t.name }, { QStringLiteral("at"), timeValue(t.at) },
        { QStringLiteral("by"), t.by }, { QStringLiteral("message"), t.message },
        { QStringLiteral("manually"), t.manually }, { QStringLiteral("alertId"), t.alertId } };
}

QJsonObject noteToJson(const SimNote& n)
{
    return { { QStringLiteral("name"), n.name }, { QStringLiteral("displayName"), n.displayName },
        { QStringLiteral("jsonValue"), n.jsonValue } };
}

QJsonObject chatToJson(const SimChatMessage& m)
{
    return { { QStringLiteral("sequence"), m.sequence }, { QStringLiteral("username"), m.username },
        { QStringLiteral("text"), m.text },
        { QStringLiteral("externalUsername"), m.externalUsername },
        { QStringLiteral("monitoringTool"), m.monitoringTool },
        { QStringLiteral("tags"), stringArray(m.tags) },
        { QStringLiteral("at"), timeValue(m.at) } };
}

QJsonObject incidentToJson(const SimIncident& i)
{
    return { { QStringLiteral("number"), i.number }, { QStringLiteral("phase"), i.phase },
        { QStringLiteral("startTime"), timeValue(i.startTime) },
        { QStringLiteral("lastAlertTime"), timeValue(i.lastAlertTime) },
        { QStringLiteral("alertCount"), i.alertCount },
        { QStringLiteral("lastAlertId"), i.lastAlertId },
        { QStringLiteral("firstAlertUuid"), i.firstAlertUuid },
        { QStringLiteral("entityId"), i.entityId },
        { QStringLiteral("entityDisplayName"), i.entityDisplayName },
        { QStringLiteral("entityType"), i.entityType },
        { QStringLiteral("entityState"), i.entityState }, { QStringLiteral("host"), i.host },
        { QStringLiteral("service"), i.service }, { QStringLiteral("routingKey"), i.routingKey },
        { QStringLiteral("monitorName"), i.monitorName },
        { QStringLiteral("monitorType"), i.monitorType },
        { QStringLiteral("pagedUsers"), stringArray(i.pagedUsers) },
        { QStringLiteral("pagedTeams"), stringArray(i.pagedTeams) },
        { QStringLiteral("pagedPolicies"), stringArray(i.pagedPolicies) },
        { QStringLiteral("transitions"), arrayOf(i.transitions, transitionToJson) },
        { QStringLiteral("notes"), arrayOf(i.notes, noteToJson) },
        { QStringLiteral("chat"), arrayOf(i.chat, chatToJson) },
        { QStringLiteral("stakeholderMessages"),
            arrayOf(i.stakeholderMessages, [](int id) { return QJsonValue(id); }) } };
}

QJsonObject alertToJson(const SimAlert& a)
{
    return { { QStringLiteral("uuid"), a.uuid }, { QStringLiteral("entityId"), a.entityId },
        { QStringLiteral("entityDisplayName"), a.entityDisplayName },
        { QStringLiteral("messageType"), a.messageType },
        { QStringLiteral("timestampMs"), a.timestampMs },
        { QStringLiteral("stateStartTimeMs"), a.stateStartTimeMs },
        { QStringLiteral("stateMessage"), a.stateMessage },
        { QStringLiteral("monitoringTool"), a.monitoringTool },
        { QStringLiteral("ackMsg"), a.ackMsg }, { QStringLiteral("ackAuthor"), a.ackAuthor },
        { QStringLiteral("raw"), a.raw } };
}

QJsonObject maintenanceToJson(const SimMaintenance& m)
{
    return { { QStringLiteral("instanceId"), m.instanceId },
        { QStringLiteral("startedBy"), m.startedBy },
        { QStringLiteral("startedAtMs"), m.startedAtMs },
        { QStringLiteral("routingKeys"), stringArray(m.routingKeys) },
        { QStringLiteral("isGlobal"), m.isGlobal } };
}

QJsonObject shiftToJson(const SimShiftLogEntry& s)
{
    return { { QStringLiteral("teamSlug"), s.teamSlug },
        { QStringLiteral("policySlug"), s.policySlug }, { QStringLiteral("username"), s.username },
        { QStringLiteral("on"), timeValue(s.on) }, { QStringLiteral("off"), timeValue(s.off) } };
}

// --- Reading -------------------------------------------------------------------------------

//! Typed access to a JSON tree that keeps the first problem, with the path where it was found.
//! After a problem every accessor returns a default value, so callers check failed() when a
//! default would do harm (before indexing, for instance), not after every read.
class Reader {
public:
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString& path, const QString& problem)
    {
        if (m_error.isEmpty())
            m_error = path + QStringLiteral(": ") + problem;
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    static QString index(const QString& path, qsizetype i)
    {
        return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    }

    QJsonValue field(const QJsonObject& object, const QString& path, const QString& key)
    {
        const auto it = object.constFind(key);
        if (it == object.constEnd()) {
            fail(join(path, key), QStringLiteral("missing"));
            return {};
        }
        return it.value();
    }

    QString string(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = field(object, path, key);
        if (!value.isString()) {
            fail(join(path, key), QStringLiteral("expected a string"));
            return {};
        }
        return value.toString();
    }

    //! A string that must be one of `allowed`.
    QString choice(const QJsonObject& object, const QString& path, const QString& key,
        const QStringList& allowed)
    {
        const QString value = string(object, path, key);
        if (!failed() && !allowed.contains(value))
            fail(join(path, key),
                QStringLiteral("'%1' is not one of %2")
                    .arg(value, allowed.join(QStringLiteral(", "))));
        return value;
    }

    //! A non-empty string, for the ids the org's maps are keyed by.
    QString id(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QString value = string(object, path, key);
        if (!failed() && value.isEmpty())
            fail(join(path, key), QStringLiteral("must not be empty"));
        return value;
    }

    qint64 integer64(
        const QJsonObject& object, const QString& path, const QString& key, qint64 min, qint64 max)
    {
        const QJsonValue value = field(object, path, key);
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || std::floor(number) != number) {
            fail(join(path, key), QStringLiteral("expected an integer"));
            return 0;
        }
        if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
            fail(join(path, key),
                QStringLiteral("%1 is out of range (%2 to %3)")
                    .arg(number, 0, 'f', 0)
                    .arg(min)
                    .arg(max));
            return 0;
        }
        return static_cast<qint64>(number);
    }

    int integer(const QJsonObject& object, const QString& path, const QString& key,
        int min = std::numeric_limits<int>::min(), int max = std::numeric_limits<int>::max())
    {
        return static_cast<int>(integer64(object, path, key, min, max));
    }

    bool boolean(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = field(object, path, key);
        if (!value.isBool()) {
            fail(join(path, key), QStringLiteral("expected true or false"));
            return false;
        }
        return value.toBool();
    }

    //! An ISO 8601 time, or null for "not set" when `required` is false.
    QDateTime time(
        const QJsonObject& object, const QString& path, const QString& key, bool required)
    {
        const QJsonValue value = field(object, path, key);
        if (value.isNull() && !required && !failed())
            return {};
        const QDateTime parsed = value.isString()
            ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs)
            : QDateTime();
        if (!parsed.isValid()) {
            fail(join(path, key),
                required ? QStringLiteral("expected an ISO 8601 time")
                         : QStringLiteral("expected an ISO 8601 time or null"));
            return {};
        }
        return parsed.toUTC();
    }

    QJsonObject object(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = field(object, path, key);
        if (!value.isObject()) {
            fail(join(path, key), QStringLiteral("expected an object"));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = field(object, path, key);
        if (!value.isArray()) {
            fail(join(path, key), QStringLiteral("expected an array"));
            return {};
        }
        return value.toArray();
    }

    QStringList strings(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonArray items = array(object, path, key);
        QStringList out;
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            if (!items.at(i).isString())
                fail(index(join(path, key), i), QStringLiteral("expected a string"));
            out.append(items.at(i).toString());
        }
        return out;
    }

    //! Calls read(object, path) for each element of the array `key`, which must all be objects.
    template <typename Read>
    void each(const QJsonObject& object, const QString& path, const QString& key, Read read)
    {
        const QJsonArray items = array(object, path, key);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString itemPath = index(join(path, key), i);
            if (!items.at(i).isObject()) {
                fail(itemPath, QStringLiteral("expected an object"));
                return;
            }
            read(items.at(i).toObject(), itemPath);
        }
    }

    //! Records `value` as seen; a second sighting is a duplicate.
    void unique(QSet<QString>& seen, const QString& value, const QString& path)
    {
        if (failed())
            return;
        if (seen.contains(value))
            fail(path, QStringLiteral("duplicate '%1'").arg(value));
        seen.insert(value);
    }

private:
    QString m_error;
};

const QStringList kPhases { QStringLiteral("UNACKED"), QStringLiteral("ACKED"),
    QStringLiteral("RESOLVED") };
const QStringList kNotificationTypes { QStringLiteral("push"), QStringLiteral("email"),
    QStringLiteral("sms"), QStringLiteral("phone") };
const QStringList kContactTypes { QString(), QStringLiteral("email"), QStringLiteral("phone") };
const QStringList kExecutionTypes { QStringLiteral("rotation_group"),
    QStringLiteral("rotation_group_next"), QStringLiteral("rotation_group_previous"),
    QStringLiteral("user"), QStringLiteral("webhook"), QStringLiteral("email"),
    QStringLiteral("policy_routing") };
const QList<int> kPagingTimeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };

//! Reads the org; the readers of the parts share the Reader and the sets of ids seen so far.
class OrgReader {
public:
    explicit OrgReader(SimOrg* org)
        : m_org(org)
    {
    }

    bool read(const QJsonObject& root, QString* error)
    {
        if (root.value(QStringLiteral("format")).toString() != kFormat) {
            *error = QStringLiteral("not a rota-sim state file (\"format\" is not \"%1\")")
                         .arg(kFormat);
            return false;
        }
        const int version = m_r.integer(root, QString(), QStringLiteral("version"));
        if (!m_r.failed() && version != kVersion)
            m_r.fail(QStringLiteral("version"),
                QStringLiteral("state format %1 is not supported (this rota-sim reads %2)")
                    .arg(version)
                    .arg(kVersion));

        SimOrg& org = *m_org;
        org.companyId = m_r.string(root, QString(), QStringLiteral("companyId"));
        org.orgSlug = m_r.string(root, QString(), QStringLiteral("orgSlug"));
        org.demoUser = m_r.string(root, QString(), QStringLiteral("demoUser"));
        org.nextIncidentNumber
            = m_r.integer(root, QString(), QStringLiteral("nextIncidentNumber"), 1);
        org.nextContactId = m_r.integer(root, QString(), QStringLiteral("nextContactId"), 1);
        org.nextUserId = m_r.integer(root, QString(), QStringLiteral("nextUserId"), 1);
        org.idCounter = static_cast<quint64>(
            m_r.integer64(root, QString(), QStringLiteral("idCounter"), 1, kMaxExactInteger));

        readUsers(root);
        readTeams(root);
        readRotations(root);
        readPolicies(root);
        readWebhooks(root);
        readRoutingKeys(root);
        readOverrides(root);
        readIncidents(root);
        readAlerts(root);
        readMaintenance(root);
        readShiftLog(root);
        if (root.contains(QStringLiteral("chat")))
            readChat(root, QString(), org.chat);

        if (m_r.failed()) {
            *error = m_r.error();
            return false;
        }
        // Counters that fell behind would hand out ids that are taken; move them past every use.
        org.nextIncidentNumber = std::max(org.nextIncidentNumber, m_maxIncident + 1);
        org.nextContactId = std::max(org.nextContactId, m_maxContact + 1);
        org.nextUserId = std::max(org.nextUserId, m_maxUserId + 1);
        return true;
    }

private:
    SimContactMethod readContact(const QJsonObject& o, const QString& path)
    {
        SimContactMethod c;
        c.id = readContactId(o, path);
        c.extId = m_r.id(o, path, QStringLiteral("extId"));
        c.label = m_r.string(o, path, QStringLiteral("label"));
        c.value = m_r.string(o, path, QStringLiteral("value"));
        c.rank = m_r.integer(o, path, QStringLiteral("rank"));
        return c;
    }

    int readContactId(const QJsonObject& o, const QString& path)
    {
        const int id = m_r.integer(o, path, QStringLiteral("id"), 1);
        m_r.unique(m_contactIds, QString::number(id), Reader::join(path, QStringLiteral("id")));
        m_maxContact = std::max(m_maxContact, id);
        return id;
    }

    void readUsers(const QJsonObject& root)
    {
        QSet<QString> userIds;
        m_r.each(root, QString(), QStringLiteral("users"),
            [&](const QJsonObject& o, const QString& path) {
                SimUser u;
                u.userId = m_r.integer(o, path, QStringLiteral("userId"), 1);
                m_r.unique(userIds, QString::number(u.userId),
                    Reader::join(path, QStringLiteral("userId")));
                m_maxUserId = std::max(m_maxUserId, u.userId);
                u.username = m_r.id(o, path, QStringLiteral("username"));
                u.firstName = m_r.string(o, path, QStringLiteral("firstName"));
                u.lastName = m_r.string(o, path, QStringLiteral("lastName"));
                u.email = m_r.string(o, path, QStringLiteral("email"));
                u.createdAt = m_r.time(o, path, QStringLiteral("createdAt"), false);
                u.passwordLastUpdated
                    = m_r.time(o, path, QStringLiteral("passwordLastUpdated"), false);
                u.verified = m_r.boolean(o, path, QStringLiteral("verified"));
                u.admin = m_r.boolean(o, path, QStringLiteral("admin"));
                m_r.each(
                    o, path, QStringLiteral("emails"), [&](const QJsonObject& c, const QString& p) {
                        u.emails.append(readContact(c, p));
                    });
                m_r.each(
                    o, path, QStringLiteral("phones"), [&](const QJsonObject& c, const QString& p) {
                        u.phones.append(readContact(c, p));
                    });
                m_r.each(o, path, QStringLiteral("devices"),
                    [&](const QJsonObject& c, const QString& p) {
                        SimDevice d;
                        d.id = readContactId(c, p);
                        d.extId = m_r.id(c, p, QStringLiteral("extId"));
                        d.label = m_r.string(c, p, QStringLiteral("label"));
                        d.deviceType = m_r.string(c, p, QStringLiteral("deviceType"));
                        d.escalationSound = m_r.string(c, p, QStringLiteral("escalationSound"));
                        d.chatSound = m_r.string(c, p, QStringLiteral("chatSound"));
                        d.resolvedSound = m_r.string(c, p, QStringLiteral("resolvedSound"));
                        u.devices.append(d);
                    });
                m_r.each(o, path, QStringLiteral("pagingPolicy"),
                    [&](const QJsonObject& s, const QString& p) {
                        SimPagingStep step;
                        step.timeout = m_r.integer(s, p, QStringLiteral("timeout"));
                        if (!m_r.failed() && !kPagingTimeouts.contains(step.timeout))
                            m_r.fail(Reader::join(p, QStringLiteral("timeout")),
                                QStringLiteral("%1 is not one of 1, 5, 10, 15, 20, 25, 30, 45, 60")
                                    .arg(step.timeout));
                        m_r.each(s, p, QStringLiteral("rules"),
                            [&](const QJsonObject& r, const QString& rp) {
                                SimPagingRule rule;
                                rule.notificationType = m_r.choice(
                                    r, rp, QStringLiteral("notificationType"), kNotificationTypes);
                                rule.contactType = m_r.choice(
                                    r, rp, QStringLiteral("contactType"), kContactTypes);
                                rule.contactId = m_r.integer(r, rp, QStringLiteral("contactId"), 0);
                                step.rules.append(rule);
                            });
                        u.pagingPolicy.append(step);
                    });
                if (!m_r.failed() && m_org->users.contains(u.username))
                    m_r.fail(Reader::join(path, QStringLiteral("username")),
                        QStringLiteral("duplicate '%1'").arg(u.username));
                m_org->users.insert(u.username, u);
            });
    }

    void readTeams(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("teams"),
            [&](const QJsonObject& o, const QString& path) {
                SimTeam t;
                t.slug = m_r.id(o, path, QStringLiteral("slug"));
                t.name = m_r.string(o, path, QStringLiteral("name"));
                t.members = m_r.strings(o, path, QStringLiteral("members"));
                t.admins = m_r.strings(o, path, QStringLiteral("admins"));
                t.isDefault = m_r.boolean(o, path, QStringLiteral("isDefault"));
                t.version = m_r.integer(o, path, QStringLiteral("version"));
                insertUnique(m_org->teams, t.slug, t, Reader::join(path, QStringLiteral("slug")));
            });
    }

    void readRotations(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("rotations"),
            [&](const QJsonObject& o, const QString& path) {
                SimRotation r;
                r.slug = m_r.id(o, path, QStringLiteral("slug"));
                r.teamSlug = m_r.string(o, path, QStringLiteral("teamSlug"));
                r.label = m_r.string(o, path, QStringLiteral("label"));
                r.shiftName = m_r.string(o, path, QStringLiteral("shiftName"));
                r.members = m_r.strings(o, path, QStringLiteral("members"));
                // Schedules divide by the shift length: zero or a negative one must not get in.
                r.shiftHours = m_r.integer(o, path, QStringLiteral("shiftHours"), 1, 24 * 366);
                r.anchor = m_r.time(o, path, QStringLiteral("anchor"), true);
                r.timeZone = m_r.string(o, path, QStringLiteral("timeZone"));
                // The newer rotation fields; a file written before them gets ids on first use.
                if (o.contains(QStringLiteral("groupId"))) {
                    r.groupId = m_r.integer(o, path, QStringLiteral("groupId"), 0);
                    r.shiftId = m_r.integer(o, path, QStringLiteral("shiftId"), 0);
                    r.hasShift = m_r.boolean(o, path, QStringLiteral("hasShift"));
                    r.shiftType = m_r.string(o, path, QStringLiteral("shiftType"));
                    r.masks = o.value(QStringLiteral("masks")).toObject();
                    r.rollOffset = m_r.integer(o, path, QStringLiteral("rollOffset"), 0);
                    r.scheduledVersion = m_r.integer(o, path, QStringLiteral("scheduledVersion"));
                    r.nobodyBeforeAnchor = o.value(QStringLiteral("nobodyBeforeAnchor")).toBool();
                }
                insertUnique(
                    m_org->rotations, r.slug, r, Reader::join(path, QStringLiteral("slug")));
            });
    }

    void readPolicies(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("policies"),
            [&](const QJsonObject& o, const QString& path) {
                SimPolicy p;
                p.slug = m_r.id(o, path, QStringLiteral("slug"));
                p.name = m_r.string(o, path, QStringLiteral("name"));
                p.teamSlug = m_r.string(o, path, QStringLiteral("teamSlug"));
                p.ignoreCustomPagingPolicies
                    = m_r.boolean(o, path, QStringLiteral("ignoreCustomPagingPolicies"));
                m_r.each(
                    o, path, QStringLiteral("steps"), [&](const QJsonObject& s, const QString& sp) {
                        SimPolicyStep step;
                        step.timeout = m_r.integer(s, sp, QStringLiteral("timeout"), 0);
                        m_r.each(s, sp, QStringLiteral("entries"),
                            [&](const QJsonObject& e, const QString& ep) {
                                SimPolicyEntry entry;
                                entry.executionType = m_r.choice(
                                    e, ep, QStringLiteral("executionType"), kExecutionTypes);
                                entry.target = m_r.string(e, ep, QStringLiteral("target"));
                                step.entries.append(entry);
                            });
                        p.steps.append(step);
                    });
                insertUnique(
                    m_org->policies, p.slug, p, Reader::join(path, QStringLiteral("slug")));
            });
    }

    void readWebhooks(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("webhooks"),
            [&](const QJsonObject& o, const QString& path) {
                SimWebhook w;
                w.slug = m_r.id(o, path, QStringLiteral("slug"));
                w.label = m_r.string(o, path, QStringLiteral("label"));
                w.url = m_r.string(o, path, QStringLiteral("url"));
                insertUnique(
                    m_org->webhooks, w.slug, w, Reader::join(path, QStringLiteral("slug")));
            });
    }

    void readRoutingKeys(const QJsonObject& root)
    {
        QSet<QString> keys;
        m_r.each(root, QString(), QStringLiteral("routingKeys"),
            [&](const QJsonObject& o, const QString& path) {
                SimRoutingKey k;
                k.key = m_r.id(o, path, QStringLiteral("key"));
                m_r.unique(keys, k.key, Reader::join(path, QStringLiteral("key")));
                k.policySlugs = m_r.strings(o, path, QStringLiteral("policySlugs"));
                k.isDefault = m_r.boolean(o, path, QStringLiteral("isDefault"));
                m_org->routingKeys.append(k);
            });
    }

    void readOverrides(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("takeOverrides"),
            [&](const QJsonObject& o, const QString& path) {
                SimTakeOverride t;
                t.policySlug = m_r.string(o, path, QStringLiteral("policySlug"));
                t.fromUser = m_r.string(o, path, QStringLiteral("fromUser"));
                t.toUser = m_r.string(o, path, QStringLiteral("toUser"));
                t.start = m_r.time(o, path, QStringLiteral("start"), true);
                t.end = m_r.time(o, path, QStringLiteral("end"), true);
                m_org->takeOverrides.append(t);
            });
        m_r.each(root, QString(), QStringLiteral("scheduledOverrides"),
            [&](const QJsonObject& o, const QString& path) {
                SimScheduledOverride s;
                s.publicId = m_r.id(o, path, QStringLiteral("publicId"));
                s.username = m_r.string(o, path, QStringLiteral("username"));
                s.timeZone = m_r.string(o, path, QStringLiteral("timeZone"));
                s.start = m_r.time(o, path, QStringLiteral("start"), true);
                s.end = m_r.time(o, path, QStringLiteral("end"), true);
                const QString assignmentsPath = Reader::join(path, QStringLiteral("assignments"));
                const QJsonObject assignments = m_r.object(o, path, QStringLiteral("assignments"));
                for (auto it = assignments.constBegin();
                     it != assignments.constEnd() && !m_r.failed(); ++it) {
                    if (!it.value().isString())
                        m_r.fail(Reader::join(assignmentsPath, it.key()),
                            QStringLiteral("expected a string"));
                    s.assignments.insert(it.key(), it.value().toString());
                }
                insertUnique(m_org->scheduledOverrides, s.publicId, s,
                    Reader::join(path, QStringLiteral("publicId")));
            });
    }

    void readIncidents(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("incidents"),
            [&](const QJsonObject& o, const QString& path) {
                SimIncident i;
                i.number = m_r.integer(o, path, QStringLiteral("number"), 1);
                m_maxIncident = std::max(m_maxIncident, i.number);
                i.phase = m_r.choice(o, path, QStringLiteral("phase"), kPhases);
                i.startTime = m_r.time(o, path, QStringLiteral("startTime"), true);
                i.lastAlertTime = m_r.time(o, path, QStringLiteral("lastAlertTime"), false);
                i.alertCount = m_r.integer(o, path, QStringLiteral("alertCount"), 0);
                i.lastAlertId = m_r.string(o, path, QStringLiteral("lastAlertId"));
                i.firstAlertUuid = m_r.string(o, path, QStringLiteral("firstAlertUuid"));
                i.entityId = m_r.string(o, path, QStringLiteral("entityId"));
                i.entityDisplayName = m_r.string(o, path, QStringLiteral("entityDisplayName"));
                i.entityType = m_r.string(o, path, QStringLiteral("entityType"));
                i.entityState = m_r.string(o, path, QStringLiteral("entityState"));
                i.host = m_r.string(o, path, QStringLiteral("host"));
                i.service = m_r.string(o, path, QStringLiteral("service"));
                i.routingKey = m_r.string(o, path, QStringLiteral("routingKey"));
                i.monitorName = m_r.string(o, path, QStringLiteral("monitorName"));
                i.monitorType = m_r.string(o, path, QStringLiteral("monitorType"));
                i.pagedUsers = m_r.strings(o, path, QStringLiteral("pagedUsers"));
                i.pagedTeams = m_r.strings(o, path, QStringLiteral("pagedTeams"));
                i.pagedPolicies = m_r.strings(o, path, QStringLiteral("pagedPolicies"));
                m_r.each(o, path, QStringLiteral("transitions"),
                    [&](const QJsonObject& t, const QString& tp) {
                        SimTransition transition;
                        transition.name = m_r.choice(t, tp, QStringLiteral("name"), kPhases);
                        transition.at = m_r.time(t, tp, QStringLiteral("at"), true);
                        transition.by = m_r.string(t, tp, QStringLiteral("by"));
                        transition.message = m_r.string(t, tp, QStringLiteral("message"));
                        transition.manually = m_r.boolean(t, tp, QStringLiteral("manually"));
                        transition.alertId = m_r.string(t, tp, QStringLiteral("alertId"));
                        i.transitions.append(transition);
                    });
                m_r.each(
                    o, path, QStringLiteral("notes"), [&](const QJsonObject& n, const QString& np) {
                        SimNote note;
                        note.name = m_r.id(n, np, QStringLiteral("name"));
                        note.displayName = m_r.string(n, np, QStringLiteral("displayName"));
                        note.jsonValue = m_r.object(n, np, QStringLiteral("jsonValue"));
                        i.notes.append(note);
                    });
                if (o.contains(QStringLiteral("chat")))
                    readChat(o, path, i.chat);
                if (!m_r.failed() && m_org->incidents.contains(i.number))
                    m_r.fail(Reader::join(path, QStringLiteral("number")),
                        QStringLiteral("duplicate %1").arg(i.number));
                m_org->incidents.insert(i.number, i);
            });
    }

    //! Chat messages (absent in states saved before chat existed); moves nextChatSequence past
    //! each.
    void readChat(const QJsonObject& o, const QString& path, QList<SimChatMessage>& into)
    {
        m_r.each(o, path, QStringLiteral("chat"), [&](const QJsonObject& c, const QString& cp) {
            SimChatMessage m;
            m.sequence = m_r.integer64(c, cp, QStringLiteral("sequence"), 1, kMaxExactInteger);
            m.username = m_r.string(c, cp, QStringLiteral("username"));
            m.text = m_r.string(c, cp, QStringLiteral("text"));
            m.externalUsername = m_r.string(c, cp, QStringLiteral("externalUsername"));
            m.monitoringTool = m_r.string(c, cp, QStringLiteral("monitoringTool"));
            m.tags = m_r.strings(c, cp, QStringLiteral("tags"));
            m.at = m_r.time(c, cp, QStringLiteral("at"), true);
            m_org->nextChatSequence = std::max(m_org->nextChatSequence, m.sequence + 1);
            into.append(m);
        });
    }

    void readAlerts(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("alerts"),
            [&](const QJsonObject& o, const QString& path) {
                SimAlert a;
                a.uuid = m_r.id(o, path, QStringLiteral("uuid"));
                a.entityId = m_r.string(o, path, QStringLiteral("entityId"));
                a.entityDisplayName = m_r.string(o, path, QStringLiteral("entityDisplayName"));
                a.messageType = m_r.string(o, path, QStringLiteral("messageType"));
                a.timestampMs
                    = m_r.integer64(o, path, QStringLiteral("timestampMs"), 0, kMaxExactInteger);
                a.stateStartTimeMs = m_r.integer64(
                    o, path, QStringLiteral("stateStartTimeMs"), 0, kMaxExactInteger);
                a.stateMessage = m_r.string(o, path, QStringLiteral("stateMessage"));
                a.monitoringTool = m_r.string(o, path, QStringLiteral("monitoringTool"));
                a.ackMsg = m_r.string(o, path, QStringLiteral("ackMsg"));
                a.ackAuthor = m_r.string(o, path, QStringLiteral("ackAuthor"));
                a.raw = m_r.object(o, path, QStringLiteral("raw"));
                if (!m_r.failed() && m_org->alerts.contains(a.uuid))
                    m_r.fail(Reader::join(path, QStringLiteral("uuid")),
                        QStringLiteral("duplicate '%1'").arg(a.uuid));
                m_org->alerts.insert(a.uuid, a);
            });
    }

    void readMaintenance(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("maintenance"),
            [&](const QJsonObject& o, const QString& path) {
                SimMaintenance m;
                m.instanceId = m_r.id(o, path, QStringLiteral("instanceId"));
                m.startedBy = m_r.string(o, path, QStringLiteral("startedBy"));
                m.startedAtMs
                    = m_r.integer64(o, path, QStringLiteral("startedAtMs"), 0, kMaxExactInteger);
                m.routingKeys = m_r.strings(o, path, QStringLiteral("routingKeys"));
                m.isGlobal = m_r.boolean(o, path, QStringLiteral("isGlobal"));
                m_org->maintenance.append(m);
            });
    }

    void readShiftLog(const QJsonObject& root)
    {
        m_r.each(root, QString(), QStringLiteral("shiftLog"),
            [&](const QJsonObject& o, const QString& path) {
                SimShiftLogEntry s;
                s.teamSlug = m_r.string(o, path, QStringLiteral("teamSlug"));
                s.policySlug = m_r.string(o, path, QStringLiteral("policySlug"));
                s.username = m_r.string(o, path, QStringLiteral("username"));
                s.on = m_r.time(o, path, QStringLiteral("on"), true);
                s.off = m_r.time(o, path, QStringLiteral("off"), false);
                m_org->shiftLog.append(s);
            });
    }

    template <typename T>
    void insertUnique(
        QMap<QString, T>& map, const QString& key, const T& value, const QString& path)
    {
        if (!m_r.failed() && map.contains(key))
            m_r.fail(path, QStringLiteral("duplicate '%1'").arg(key));
        map.insert(key, value);
    }

    SimOrg* m_org;
    Reader m_r;
    QSet<QString> m_contactIds;
    int m_maxContact = 0;
    int m_maxUserId = 0;
    int m_maxIncident = 0;
};

} // namespace

QJsonObject orgToJson(const SimOrg& org)
{
    // QHash order changes from run to run; sorted, the same org always gives the same file.
    QList<const SimAlert*> alerts;
    alerts.reserve(org.alerts.size());
    for (const SimAlert& alert : org.alerts)
        alerts.append(&alert);
    std::sort(alerts.begin(), alerts.end(),
        [](const SimAlert* a, const SimAlert* b) { return a->uuid < b->uuid; });

    return {
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("companyId"), org.companyId },
        { QStringLiteral("orgSlug"), org.orgSlug },
        { QStringLiteral("demoUser"), org.demoUser },
        { QStringLiteral("users"), arrayOf(org.users, userToJson) },
        { QStringLiteral("teams"), arrayOf(org.teams, teamToJson) },
        { QStringLiteral("rotations"), arrayOf(org.rotations, rotationToJson) },
        { QStringLiteral("policies"), arrayOf(org.policies, policyToJson) },
        { QStringLiteral("webhooks"), arrayOf(org.webhooks, webhookToJson) },
        { QStringLiteral("routingKeys"), arrayOf(org.routingKeys, routingKeyToJson) },
        { QStringLiteral("takeOverrides"), arrayOf(org.takeOverrides, takeOverrideToJson) },
        { QStringLiteral("scheduledOverrides"),
            arrayOf(org.scheduledOverrides, scheduledOverrideToJson) },
        { QStringLiteral("incidents"), arrayOf(org.incidents, incidentToJson) },
        { QStringLiteral("alerts"),
            arrayOf(alerts, [](const SimAlert* a) { return alertToJson(*a); }) },
        { QStringLiteral("maintenance"), arrayOf(org.maintenance, maintenanceToJson) },
        { QStringLiteral("shiftLog"), arrayOf(org.shiftLog, shiftToJson) },
        { QStringLiteral("alertRules"), alertRulesToJson(org) },
        { QStringLiteral("stakeholderMessages"),
            stakeholderMessagesToJson(org.stakeholderMessages) },
        { QStringLiteral("chat"), arrayOf(org.chat, chatToJson) },
        { QStringLiteral("nextIncidentNumber"), org.nextIncidentNumber },
        { QStringLiteral("nextContactId"), org.nextContactId },
        { QStringLiteral("nextUserId"), org.nextUserId },
        { QStringLiteral("idCounter"), static_cast<qint64>(org.idCounter) },
    };
}

bool orgFromJson(const QJsonObject& json, SimOrg* org, QString* error)
{
    SimOrg loaded;
    QString problem;
    if (!OrgReader(&loaded).read(json, &problem)
        || !stakeholderMessagesFromJson(
            json.value(QStringLiteral("stakeholderMessages")), &loaded, &problem)
        || !alertRulesFromJson(json.value(QStringLiteral("alertRules")), &loaded, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    *org = std::move(loaded);
    return true;
}

} // namespace rota::sim
