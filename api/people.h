// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// People: users, their team membership, contact methods, the personal paging policy and the values
// it may use, and the escalation policies a user is on. DTOs and one typed call per operation.
//
// Conventions of this group:
// - Every DTO has `static T fromJson(const JsonReader &)` and `QJsonObject toJson() const`, except
//   the wrappers of answers that come as a bare JSON array (ContactMethodList,
//   BatchUserResultList): they hold `items` and give `QJsonValue toJsonValue() const`, which is
//   that array.
// - `_selfUrl` and similar links are kept (selfUrl, ...) so that toJson re-serialises faithfully;
//   they are left out of toJson when empty.
// - Steps and rules of the personal paging policy are positional: their index is their place in
//   the list. The API has no call to delete or reorder a step.

#include "apiclient.h"
#include "calls.h"
#include "jsonreader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace rota {

// --- Users ----------------------------------------------------------------------------------

//! V1User: a member of the organisation.
struct User {
    QString username;
    QString firstName;
    QString lastName;
    QString email;
    QDateTime createdAt; //!< UTC; invalid when the API sent none
    QDateTime passwordLastUpdated; //!< UTC; invalid when the API sent none
    bool verified = false; //!< whether the user has set a password
    QString selfUrl;

    //! "First Last", or the username when both names are empty.
    QString displayName() const;

    static User fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const User& other) const;
    bool operator!=(const User& other) const { return !(*this == other); }
};

//! GET /user: {"users": [...]}.
struct UserList {
    QList<User> users;
    QString selfUrl;

    static UserList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! AddUserPayload: the body of POST /user, of each entry of POST /user/batch and of PUT
//! /user/{user} (where username must be the user's own: a username cannot be changed).
struct UserPayload {
    QString firstName;
    QString lastName;
    QString username;
    QString email;
    //! Validity of the invitation link in hours; 0 leaves it to the service (24).
    int expirationHours = 0;

    static UserPayload fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! BatchUserError: why one user of a batch was not added.
struct BatchUserError {
    QString code; //!< e.g. "username_unavailable", "invalid_request"
    QString message;

    static BatchUserError fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! BatchAddUserEntry: one user of a batch; added when errors is empty.
struct BatchUserResult {
    QString username;
    QList<BatchUserError> errors;

    bool added() const { return errors.isEmpty(); }
    static BatchUserResult fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! The answer of POST /user/batch, a bare array (partial success is normal).
struct BatchUserResultList {
    QList<BatchUserResult> items;

    static BatchUserResultList fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const;
};

//! DeleteUserPayload: who takes the deleted user's place in rotations and escalation policies.
struct DeleteUserRequest {
    enum class Strategy {
        Unspecified, //!< not sent; the service then treats it as SpecifiedUser
        SpecifiedUser, //!< `replacement` takes the place (and must be given)
        GlobalAdmin, //!< the organisation's first global admin
        TeamAdmin, //!< each team's admin (every involved team needs one who is not the user)
    };
    QString replacement; //!< a username; empty: not sent
    Strategy strategy = Strategy::Unspecified;

    static DeleteUserRequest fromJson(const JsonReader& r);
    //! {} when nothing is set: the API wants an empty object rather than no body.
    QJsonObject toJson() const;
};

//! SimpleTeamDetail, as GET /user/{user}/teams lists it.
struct UserTeam {
    QString name;
    QString slug;
    QString selfUrl;
    QString membersUrl;
    QString policiesUrl;
    QString adminsUrl;

    static UserTeam fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! UserTeamsResponse: {"teams": [...]}.
struct UserTeamList {
    QList<UserTeam> teams;

    static UserTeamList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! One entry of the Policies answer: the user can be paged by step `order` of escalation policy
//! `extId` (its slug), directly ("user") or through a rotation ("rotation_group").
struct UserPolicyEntry {
    int order = 0;
    int timeout = 0; //!< minutes
    QString contactType;
    QString extId;

    static UserPolicyEntry fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! Policies: the escalation policies a user is on (GET /user/{user}/policies).
struct UserPolicies {
    QString username;
    qint64 userId = 0;
    QList<UserPolicyEntry> policies;

    static UserPolicies fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- Personal paging policy values ----------------------------------------------------------

//! NotificationObject or ContactObject: a value of the paging-policy editor's choices.
struct PagingOption {
    QString type; //!< notifications: push, email, sms, phone; contacts: email, phone
    QString description; //!< e.g. "Send an SMS to a phone number"

    static PagingOption fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! TimeoutObject: a step timeout the API accepts.
struct PagingTimeoutOption {
    int minutes = 0; //!< the API's "type"
    QString description; //!< e.g. "If still unacked after 5 minutes"

    static PagingTimeoutOption fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GET /policies/types/notifications: {"notificationTypes": [...]}.
struct NotificationTypeList {
    QList<PagingOption> notificationTypes;
    QString selfUrl;

    static NotificationTypeList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GET /policies/types/contacts: {"contactTypes": [...]}.
struct ContactTypeList {
    QList<PagingOption> contactTypes;
    QString selfUrl;

    static ContactTypeList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! GET /policies/types/timeouts: {"timeoutTypes": [...]}.
struct TimeoutTypeList {
    QList<PagingTimeoutOption> timeoutTypes;
    QString selfUrl;

    static TimeoutTypeList fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

// --- Personal paging policy -----------------------------------------------------------------

//! Contact: which contact method a rule notifies. Empty (id 0, no type) for push rules, which go to
//! every device of the user.
struct PagingContact {
    qint64 id = 0; //!< ContactMethod::id (the number, not the extId)
    QString type; //!< "email" or "phone"

    bool isEmpty() const { return id == 0 && type.isEmpty(); }
    static PagingContact fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const PagingContact& other) const
    {
        return id == other.id && type == other.type;
    }
    bool operator!=(const PagingContact& other) const { return !(*this == other); }
};

//! PagingPolicyStepRule: one way a step notifies the user.
struct PagingRule {
    int index = -1; //!< its position in the step; -1 for a rule not (yet) in a policy
    QString notificationType; //!< push, email, sms, phone (the API's "type")
    PagingContact contact;

    //! A push notification to all the user's devices.
    static PagingRule push();
    //! An e-mail to the email contact method with this id.
    static PagingRule email(qint64 emailContactId);
    //! A text message to the phone contact method with this id.
    static PagingRule sms(qint64 phoneContactId);
    //! A phone call to the phone contact method with this id.
    static PagingRule phoneCall(qint64 phoneContactId);

    static PagingRule fromJson(const JsonReader& r);
    //! The rule as the API shows it: index (when >= 0), type and contact (unless empty).
    QJsonObject toJson() const;
    //! The rule as a request sends it (AddStepPayload, PagingPolicyStepRuleAdd): type and contact.
    QJsonObject toPayload() const;
    bool operator==(const PagingRule& other) const;
    bool operator!=(const PagingRule& other) const { return !(*this == other); }
};

//! PagingPolicyStep: after `timeout` minutes unacknowledged, the next step's rules fire.
struct PagingStep {
    int index = -1; //!< its position in the policy; -1 for a step not (yet) in a policy
    int timeout = 0; //!< minutes, one of the values of listTimeoutTypes
    QList<PagingRule> rules;

    //! A new step: `timeout` minutes, these rules (index -1).
    static PagingStep make(int timeout, const QList<PagingRule>& rules = {});

    static PagingStep fromJson(const JsonReader& r);
    //! The step as the API shows it: index (when >= 0), timeout and rules.
    QJsonObject toJson() const;
    //! AddGroupPayload: timeout and rules (payloads), as create and update send it.
    QJsonObject toPayload() const;
    bool operator==(const PagingStep& other) const;
    bool operator!=(const PagingStep& other) const { return !(*this == other); }
};

//! GET /profile/{username}/policies: {"steps": [...]}, step i at index i.
struct PersonalPagingPolicy {
    QList<PagingStep> steps;
    QString selfUrl;

    static PersonalPagingPolicy fromJson(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const PersonalPagingPolicy& other) const { return steps == other.steps; }
    bool operator!=(const PersonalPagingPolicy& other) const { return !(*this == other); }
};

// --- Contact methods ------------------------------------------------------------------------

//! UserContact (an e-mail address or phone number) or ContactDevice (a phone with the app).
struct ContactMethod {
    qint64 id = 0; //!< the number paging rules refer to; 0 when the API sent none (devices)
    QString extId; //!< the contactId in URLs
    QString label; //!< e.g. "Work", "Maya's iPhone"
    QString value; //!< the address or number; empty for devices
    int rank = -1; //!< order among its kind; -1 when the API sent none
    QString deviceType; //!< "email", "phone", or a device's kind ("iPhone", "Android")
    QString selfUrl;

    static ContactMethod fromJson(const JsonReader& r);
    //! The answer of GET one device, e-mail or phone: the definition makes it an array of one;
    //! an object is read as well. An empty array is an error.
    static ContactMethod fromSingle(const JsonReader& r);
    QJsonObject toJson() const;
    bool operator==(const ContactMethod& other) const;
    bool operator!=(const ContactMethod& other) const { return !(*this == other); }
};

//! The bare-array answers of the device, e-mail and phone lists.
struct ContactMethodList {
    QList<ContactMethod> items;

    static ContactMethodList fromJson(const JsonReader& r);
    QJsonValue toJsonValue() const;
};

//! GET /user/{user}/contact-methods: all three kinds.
struct ContactMethods {
    QList<ContactMethod> devices;
    QList<ContactMethod> emails;
    QList<ContactMethod> phones;

    static ContactMethods fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

//! ContactDeviceAdd: what PUT .../devices/{contactId} changes; unset fields are not sent.
struct DeviceUpdate {
    std::optional<QString> label; //!< device_label
    std::optional<QString> escalationSound; //!< escalation_notification_sound
    std::optional<QString> chatSound; //!< chat_escalation_sound
    std::optional<QString> resolvedSound; //!< resolved_notification_sound

    static DeviceUpdate fromJson(const JsonReader& r);
    QJsonObject toJson() const;
};

namespace calls {

// Users

//! GET /api-public/v1/user
ApiCall<UserList> listUsers(ApiClient& client, CallPriority priority = {});
//! POST /api-public/v1/user — 422 (BadRequest) when the username or e-mail is taken.
ApiCall<User> createUser(ApiClient& client, const UserPayload& user);
//! POST /api-public/v1/user/batch — at most 50; per-user results, partial success is normal.
ApiCall<BatchUserResultList> createUsers(ApiClient& client, const QList<UserPayload>& users);
//! GET /api-public/v1/user/{user}
ApiCall<User> getUser(ApiClient& client, const QString& username, CallPriority priority = {});
//! PUT /api-public/v1/user/{user}
ApiCall<User> updateUser(ApiClient& client, const QString& username, const UserPayload& user);
//! DELETE /api-public/v1/user/{user} — 422 when the replacement is missing or unknown.
ApiCall<NoContent> deleteUser(
    ApiClient& client, const QString& username, const DeleteUserRequest& replacement = {});
//! GET /api-public/v1/user/{user}/teams
ApiCall<UserTeamList> listUserTeams(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! GET /api-public/v1/user/{user}/policies
ApiCall<UserPolicies> listUserPolicies(
    ApiClient& client, const QString& username, CallPriority priority = {});

// Personal paging policy values

//! GET /api-public/v1/policies/types/notifications
ApiCall<NotificationTypeList> listNotificationTypes(ApiClient& client, CallPriority priority = {});
//! GET /api-public/v1/policies/types/contacts
ApiCall<ContactTypeList> listContactTypes(ApiClient& client, CallPriority priority = {});
//! GET /api-public/v1/policies/types/timeouts
ApiCall<TimeoutTypeList> listTimeoutTypes(ApiClient& client, CallPriority priority = {});

// Personal paging policy (steps and rules by position)

//! GET /api-public/v1/profile/{username}/policies — at most 20 times a minute.
ApiCall<PersonalPagingPolicy> getPagingPolicy(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! POST /api-public/v1/profile/{username}/policies — appends a step; answers it with its index.
ApiCall<PagingStep> createPagingStep(
    ApiClient& client, const QString& username, const PagingStep& step);
//! GET /api-public/v1/profile/{username}/policies/{step}
ApiCall<PagingStep> getPagingStep(
    ApiClient& client, const QString& username, int step, CallPriority priority = {});
//! PUT /api-public/v1/profile/{username}/policies/{step} — sets the timeout and all the rules.
ApiCall<PagingStep> updatePagingStep(
    ApiClient& client, const QString& username, int step, const PagingStep& content);
//! POST /api-public/v1/profile/{username}/policies/{step} — appends a rule to the step.
ApiCall<PagingRule> createPagingRule(
    ApiClient& client, const QString& username, int step, const PagingRule& rule);
//! GET /api-public/v1/profile/{username}/policies/{step}/{rule}
ApiCall<PagingRule> getPagingRule(
    ApiClient& client, const QString& username, int step, int rule, CallPriority priority = {});
//! PUT /api-public/v1/profile/{username}/policies/{step}/{rule}
ApiCall<PagingRule> updatePagingRule(
    ApiClient& client, const QString& username, int step, int rule, const PagingRule& content);
//! DELETE /api-public/v1/profile/{username}/policies/{step}/{rule} — answers the removed rule;
//! the rules after it move up one place.
ApiCall<PagingRule> deletePagingRule(
    ApiClient& client, const QString& username, int step, int rule);

// Contact methods. {contactId} is a ContactMethod's extId.

//! GET /api-public/v1/user/{user}/contact-methods
ApiCall<ContactMethods> getContactMethods(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! GET /api-public/v1/user/{user}/contact-methods/devices
ApiCall<ContactMethodList> listContactDevices(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! GET /api-public/v1/user/{user}/contact-methods/devices/{contactId} — the definition answers
//! a one-element array; this gives its element (an empty array is a BadResponse).
ApiCall<ContactMethod> getContactDevice(ApiClient& client, const QString& username,
    const QString& contactId, CallPriority priority = {});
//! PUT /api-public/v1/user/{user}/contact-methods/devices/{contactId}
ApiCall<ContactMethod> updateContactDevice(ApiClient& client, const QString& username,
    const QString& contactId, const DeviceUpdate& update);
//! DELETE /api-public/v1/user/{user}/contact-methods/devices/{contactId} — answers the removed
//! device.
ApiCall<ContactMethod> deleteContactDevice(
    ApiClient& client, const QString& username, const QString& contactId);

//! GET /api-public/v1/user/{user}/contact-methods/emails
ApiCall<ContactMethodList> listContactEmails(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! POST /api-public/v1/user/{user}/contact-methods/emails — rank < 0 is not sent (the service
//! puts it last).
ApiCall<ContactMethod> createContactEmail(ApiClient& client, const QString& username,
    const QString& label, const QString& address, int rank = -1);
//! GET /api-public/v1/user/{user}/contact-methods/emails/{contactId} — a one-element array in
//! the definition; this gives its element.
ApiCall<ContactMethod> getContactEmail(ApiClient& client, const QString& username,
    const QString& contactId, CallPriority priority = {});
//! DELETE /api-public/v1/user/{user}/contact-methods/emails/{contactId} — paging rules that
//! notified it go too.
ApiCall<ContactMethod> deleteContactEmail(
    ApiClient& client, const QString& username, const QString& contactId);

//! GET /api-public/v1/user/{user}/contact-methods/phones
ApiCall<ContactMethodList> listContactPhones(
    ApiClient& client, const QString& username, CallPriority priority = {});
//! POST /api-public/v1/user/{user}/contact-methods/phones — rank < 0 is not sent.
ApiCall<ContactMethod> createContactPhone(ApiClient& client, const QString& username,
    const QString& label, const QString& number, int rank = -1);
//! GET /api-public/v1/user/{user}/contact-methods/phones/{contactId} — a one-element array in
//! the definition; this gives its element.
ApiCall<ContactMethod> getContactPhone(ApiClient& client, const QString& username,
    const QString& contactId, CallPriority priority = {});
//! DELETE /api-public/v1/user/{user}/contact-methods/phones/{contactId} — paging rules that
//! notified it go too.
ApiCall<ContactMethod> deleteContactPhone(
    ApiClient& client, const QString& username, const QString& contactId);

} // namespace calls

} // namespace rota
