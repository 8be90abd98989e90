// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "loadcontroller.h"
#include "overrides.h"

#include <QSet>
#include <QString>

#include <functional>

namespace rota {

class OverrideModel;

//! Reads the organisation's scheduled overrides into an OverrideModel and changes them: create,
//! delete, and per escalation policy assign, change and remove the person who stands in. Each
//! write's answer goes into the model and is said in words by actionFinished().
//!
//! Every write is listed in HeldCalls while the API's rate limit holds it back ("Delete override
//! for Ada Lovelace"); cancelled there, nothing is sent and actionFinished() answers it as not
//! done, saying it was cancelled.
//!
//! The first 403 on a write makes isReadOnly() true with the reason in words.
//!
//! A write whose answer was lost (it may or may not have been applied) is not sent again: the
//! service is read back and the answer follows what it shows (a delete whose override is gone
//! succeeded; a create whose override is now listed succeeded; an assignment that shows the
//! person asked for succeeded), so that the rows and the words are the service's truth.
class OverrideController : public LoadController {
    Q_OBJECT
public:
    //! Nothing owned; `client` and `model` must outlive the controller.
    OverrideController(ApiClient* client, OverrideModel* model, QObject* parent = nullptr);

    OverrideModel* model() const { return m_model; }

    //! GET /overrides (background priority unless `byUser`).
    void load(bool byUser = false);
    //! Loads again (background) when the overrides were loaded before; nothing before that.
    void reload();

    //! True once a write was refused because the key is read-only; readOnlyReason() says so.
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const;

    //! POST /overrides; then the new override (with its unassigned assignments) is added.
    void create(const NewScheduledOverride& override);
    //! DELETE /overrides/{id}; the row goes when the service agrees.
    void remove(const QString& publicId);
    //! PUT .../assignments/{policy}: `username` stands in on that policy (assign or change).
    void assign(const QString& publicId, const QString& policySlug, const QString& username);
    //! DELETE .../assignments/{policy}: nobody stands in any more.
    void unassign(const QString& publicId, const QString& policySlug);
    //! `standIn` covers for `override.username` on one escalation policy for the override's
    //! time: create() and then, once the service has the override, assign() on `policySlug` (the
    //! service adds an unassigned assignment for every policy the person is on; the others stay
    //! so). actionFinished() answers each write as usual; coverFinished() answers the whole, once,
    //! with `ticket` (the caller's). When the assignment fails, the new override is deleted again
    //! (an override nobody covers would leave the policy with nobody on call) and the words say
    //! whether that worked.
    void cover(const NewScheduledOverride& override, const QString& policySlug,
        const QString& standIn, int ticket);

Q_SIGNALS:
    //! A write finished. ok false: `message` says what went wrong, in words. publicId is the
    //! override's (the new one's after a create).
    void actionFinished(
        const QString& action, bool ok, const QString& message, const QString& publicId);
    void readOnlyChanged(bool readOnly);
    //! A cover() finished. ok false: `message` says what went wrong, in words; publicId is the
    //! new override's when it was created (and still exists).
    void coverFinished(int ticket, bool ok, const QString& message, const QString& publicId);

private:
    //! How a create ended: for cover(), which goes on with the new override.
    using CreateDone = std::function<void(bool ok, const QString& message, const QString& id)>;

    //! Lists the write `reply` (of `action`) in HeldCalls as `what`; cancelled, actionFinished()
    //! says `cancelled` (and `done`, when given, hears it too).
    void trackHeld(ApiReply* reply, const QString& action, const QString& what,
        const QString& cancelled, const QString& publicId, const CreateDone& done = {});
    //! create(), telling `done` too how it ended.
    void createThen(const NewScheduledOverride& override, const CreateDone& done);
    //! Emits actionFinished() for a create and tells `done`.
    void createFinished(
        const CreateDone& done, bool ok, const QString& message, const QString& publicId);
    //! The assignment of a cover() was answered (`ok`, `message`): done, or the override goes.
    void coverAssigned(int ticket, bool ok, const QString& message, const QString& publicId);
    //! The display name of whoever is away in override `publicId`; empty when it is not shown.
    QString whoseOverride(const QString& publicId) const;
    //! Says in words why `reply` failed; isReadOnly() follows a 403.
    QString failureWords(const ApiReply& reply);
    void failed(const QString& action, const ApiReply& reply, const QString& publicId);
    //! Re-reads one override (after an assignment changed) so the row shows the service's state.
    void refresh(const QString& publicId);
    //! After a create whose answer was lost: reads the list; the override is created when the
    //! list has one like `wanted` that none of `known` is.
    void findCreated(
        const NewScheduledOverride& wanted, const QSet<QString>& known, const CreateDone& done);
    //! After a delete whose answer was lost: reads the override; gone means deleted.
    void checkDeleted(const QString& publicId);
    //! After an assign (`username`) or unassign (empty) whose answer was lost: reads the
    //! override; the answer follows the assignment it shows for `policySlug`.
    void checkAssignment(const QString& action, const QString& publicId, const QString& policySlug,
        const QString& username, const QString& doneWords);

    OverrideModel* m_model;
    bool m_loadedOnce = false;
    bool m_readOnly = false;
};

} // namespace rota
