#pragma once

#include "loadcontroller.h"
#include "overrides.h"

#include <QSet>
#include <QString>

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

Q_SIGNALS:
    //! A write finished. ok false: `message` says what went wrong, in words. publicId is the
    //! override's (the new one's after a create).
    void actionFinished(
        const QString& action, bool ok, const QString& message, const QString& publicId);
    void readOnlyChanged(bool readOnly);

private:
    //! Lists the write `reply` (of `action`) in HeldCalls as `what`; cancelled, actionFinished()
    //! says `cancelled`.
    void trackHeld(ApiReply* reply, const QString& action, const QString& what,
        const QString& cancelled, const QString& publicId);
    //! The display name of whoever is away in override `publicId`; empty when it is not shown.
    QString whoseOverride(const QString& publicId) const;
    void failed(const QString& action, const ApiReply& reply, const QString& publicId);
    //! Re-reads one override (after an assignment changed) so the row shows the service's state.
    void refresh(const QString& publicId);
    //! After a create whose answer was lost: reads the list; the override is created when the
    //! list has one like `wanted` that none of `known` is.
    void findCreated(const NewScheduledOverride& wanted, const QSet<QString>& known);
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
