// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "pagingpolicymodel.h"
#include "requestscheduler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace rota {

class ApiClient;
class ApiReply;

//! One call of a save plan.
struct PagingPlanCall {
    enum class Kind {
        UpdateStep, //!< PUT a step: its timeout and all its rules
        CreateStep, //!< POST a step (appended)
        CreateRule, //!< POST a rule (appended to the step)
        UpdateRule, //!< PUT one rule
        DeleteRule, //!< DELETE one rule (the later ones move up)
    };
    Kind kind = Kind::UpdateStep;
    int step = -1;
    int rule = -1; //!< UpdateRule, DeleteRule
    PolicyStep content; //!< UpdateStep, CreateStep
    PagingRule ruleContent; //!< CreateRule, UpdateRule
    QString description; //!< in words, e.g. "Step 2: add SMS · Mobile"
};

//! What a save did.
struct PagingSaveResult {
    bool ok = false;
    QString message; //!< one sentence or two for the user
    QStringList applied; //!< descriptions of the calls that went through
    QStringList notApplied; //!< those that did not (kept as unsaved edits)
    QStringList notes; //!< what the API could not do as asked (steps it cannot delete)
};

//! Loads one user's personal paging policy (and contact methods, for the labels and the palette)
//! into a PagingPolicyModel, and saves the model's edits.
//!
//! A save: (1) re-reads the policy; if it differs from what the model was loaded from, emits
//! conflict() and waits for keepMine() or takeTheirs(); (2) plans the fewest calls (plan()) and
//! sends them one after the other, as User priority (the client paces them within the limits),
//! with progress(); (3) reads the policy back and marks the model saved. On a failed call it stops,
//! re-reads the server's state, rebases the model on it (the edits stay, as pending edits) and
//! reports which changes did not apply. Nothing of the edits is lost in any case.
//!
//! Each call of a save (its first read, then every change) is listed in HeldCalls while the
//! API's rate limit holds it back ("Save the paging policy, change 2 of 3 (...)"). Cancelled
//! there, the save stops before that call is sent: the changes already sent are the server's
//! (the model is rebased on them), the rest stays as unsaved edits, and saved() says so.
//!
//! A call whose answer is lost (it may or may not have been applied) is never sent again blind:
//! steps and rules are addressed by position, and a rule deleted twice is another rule gone. The
//! save reads the policy back: when it shows the change applied, the save goes on; when it shows
//! the policy as it was before the call, the rest of the save is planned again from what was read
//! (positions and all) and sent; when the answer is lost again and again, or the policy changed
//! in some other way meanwhile, the save stops as after a failed call (the edits stay, over the
//! server's policy as read).
//!
//! The API has no call to delete a step: when the edited policy has fewer steps than the server's,
//! the later steps are rewritten in place (shifted up) and the surplus tail steps are emptied (PUT
//! with no rules); they stay in the policy, notify no one, and the result's notes say so.
//!
//! No conflict is raised when the server already holds exactly the edits (the save just
//! finishes). A save never sends a rule twice within a step: a step it writes goes out with each
//! rule once (the result's notes say when a repeat was left out).
//!
//! refresh() re-reads the policy without losing edits: with none, the model shows the server's
//! policy (as changes, not a reset); with edits, they stay, and when the server's policy is no
//! longer the one they were made on, serverChanged() says so and hasServerChange() holds until
//! the user takes it (takeServerPolicy(), discardEdits()), keeps theirs on top of it
//! (adoptServerBase()), saves, or undoes every edit (then the server's policy is shown).
class PagingPolicyController : public QObject {
    Q_OBJECT
public:
    //! Refreshing (a re-read under the edits) is not busy: editing goes on meanwhile.
    enum class State { Idle, Loading, Checking, Conflict, Applying, ReadingBack, Refreshing };
    Q_ENUM(State)

    //! Nothing is owned.
    PagingPolicyController(ApiClient* client, PagingPolicyModel* model, QObject* parent = nullptr);

    void setUsername(const QString& username) { m_username = username; }
    QString username() const { return m_username; }
    State state() const { return m_state; }
    bool isBusy() const
    {
        return m_state != State::Idle && m_state != State::Conflict && m_state != State::Refreshing;
    }

    //! The fewest calls that turn `server` into `edited` with what the API allows; a step that is
    //! written goes out with each rule once. `notes` gets sentences about what could not be done
    //! as asked (surplus steps emptied, not deleted; repeats left out); `labels` words the rules in
    //! the descriptions (contact ids otherwise).
    static QList<PagingPlanCall> plan(const QList<PolicyStep>& server,
        const QList<PolicyStep>& edited, QStringList* notes = nullptr,
        const PagingPolicyModel* labels = nullptr);

    //! `steps` as the server has them after `call` went through.
    static QList<PolicyStep> afterCall(QList<PolicyStep> steps, const PagingPlanCall& call);
    //! How often a save sends one change again after its answer was lost and the policy read back
    //! showed it was not applied.
    static constexpr int MaxResends = 2;

    //! Reads the policy and the contact methods; the model is loaded (edits dropped).
    void load();
    //! Starts a save (ignored while busy).
    void save();
    //! After conflict(): save the edits over the server's new state.
    void keepMine();
    //! After conflict(): drop the edits and show the server's state.
    void takeTheirs();

    //! Re-reads the policy (one GET through the client, at `priority`); see the class comment.
    //! Ignored (false) while busy or while a re-read is already under way. Answers refreshed().
    bool refresh(RequestScheduler::Priority priority = RequestScheduler::Priority::User);
    //! Milliseconds since the policy was last read from the server (a load, a re-read, a save's
    //! check or read-back); -1 before the first read.
    qint64 msSinceLastRead() const;
    //! A re-read found the server's policy changed under the edits (see serverChanged()).
    bool hasServerChange() const { return m_hasServerChange; }
    //! The server's policy as last read while hasServerChange().
    const QList<PolicyStep>& serverSteps() const { return m_server; }
    //! After serverChanged(): drop the edits and show the server's policy.
    void takeServerPolicy();
    //! After serverChanged(): keep the edits on top of the server's policy; the next save writes
    //! them over it without asking again.
    void adoptServerBase();
    //! Drops the edits: the model shows the newest policy read from the server.
    void discardEdits();

    //! The timeouts the API accepts (minutes), from listTimeoutTypes after load().
    const QList<int>& timeouts() const { return m_timeouts; }

Q_SIGNALS:
    void stateChanged(State state);
    void loaded(bool ok, const QString& message);
    void contactMethodsLoaded(const ContactMethods& methods);
    void progress(int done, int total);
    //! Someone changed the policy since it was loaded: `theirs` is the server's, `mine` the edits.
    void conflict(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine);
    void saved(const PagingSaveResult& result);
    //! A re-read finished: `changed` when the model now shows a policy other than before;
    //! `message` says in words what the re-read found.
    void refreshed(bool ok, bool changed, const QString& message);
    //! A re-read found that the server's policy (`theirs`) is no longer the one the edits
    //! (`mine`) were made on; the edits are kept.
    void serverChanged(const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine);
    //! hasServerChange() changed.
    void serverChangePending(bool pending);

private:
    static QList<PagingPlanCall> planSteps(const QList<PolicyStep>& server,
        const QList<PolicyStep>& edited, QStringList* notes, const PagingPolicyModel* labels);
    void setState(State state);
    void apply(const QList<PolicyStep>& server);
    void sendNext();
    void stopAfterFailure(const QString& error);
    //! The answer to the call in flight was lost: reads the policy back and goes on, sends the
    //! rest again (planned from the policy read) or stops.
    void checkAfterLostAnswer(const QString& error);
    //! The save stops at the call in flight; `message` says why in words.
    void stopWith(const QString& message);
    //! Lists a call of the save in HeldCalls as `what` while the rate limit holds it back;
    //! cancelled there, the save stops (cancelled()).
    void trackHeld(ApiReply* reply, const QString& what);
    //! A held call of the save was cancelled (nothing of it sent): the save stops; what went
    //! through is the server's, the rest stays as unsaved edits, and saved() says so.
    void cancelled();
    void readBack();
    void finish(const PagingSaveResult& result);
    void setServerChange(const QList<PolicyStep>& theirs);
    void clearServerChange();
    void onRefreshed(const PersonalPagingPolicy& policy);
    void onDirtyChanged(bool dirty);

    ApiClient* m_client;
    QPointer<PagingPolicyModel> m_model;
    QString m_username;
    State m_state = State::Idle;
    QList<int> m_timeouts { 1, 5, 10, 15, 20, 25, 30, 45, 60 };
    QList<PolicyStep> m_theirs;
    QList<PagingPlanCall> m_plan;
    QList<PolicyStep> m_expected; //!< the server's policy as the calls so far left it
    int m_resends = 0; //!< of the call in flight, after lost answers
    QStringList m_notes;
    int m_done = 0;
    int m_loadsPending = 0;
    bool m_loadOk = true;
    QString m_loadError;
    QElapsedTimer m_lastRead;
    QList<PolicyStep> m_server;
    bool m_hasServerChange = false;
    int m_readSerial = 0; //!< which re-read's answer is still wanted
};

} // namespace rota

Q_DECLARE_METATYPE(rota::PagingSaveResult)
Q_DECLARE_METATYPE(rota::PolicyStep)
