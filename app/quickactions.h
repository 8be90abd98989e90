// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "incidentactions.h"
#include "incidentmodel.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QDialog;
class QWidget;

namespace rota {

class OrgDirectory;

//! Acting on incidents from outside the main window (the tray's menu, a desktop notification):
//! acknowledge, acknowledge with a message, resolve, reroute and open, each saying what became of
//! it in feedback(): when it is sent ("Acknowledging #12…"), when the service confirms it ("#12
//! acknowledged"), refuses it ("Could not acknowledge #12": the service's words, and that it is
//! still triggered), or when its answer was lost (not confirmed yet, then what a refresh showed).
//! The rows change as IncidentActions makes them (optimistic, rolled back when refused).
//!
//! Dialogs (the message, the reroute picker) are small and keyboard-only usable. They open over
//! the window when it is on screen; else (reached from the tray or a notification while Rota is
//! hidden) on their own, on top and activated. One dialog per kind and set of incidents: asking
//! again brings the open one to the front.
//!
//! IncidentActions' signals carry no call of origin, so results are tied to the calls sent here
//! by their incident numbers (actionFinished, outcomeUnknown, IncidentModel::unconfirmedSettled)
//! and, for a call that fails as a whole (actionFailed, which names none), by its rows no longer
//! pending; a failure of a call whose incidents have no rows is given to the oldest such call.
//! Failures of other calls (the window's) are passed on as feedback of Origin::Other, so whoever
//! shows feedback can replace a plain actionFailed handler without losing any.
class QuickActions : public QObject {
    Q_OBJECT
public:
    //! Where an action was asked for; feedback() carries it, so each place shows what it started
    //! (the tray as its balloon, the notifier as a notification).
    enum class Origin {
        Tray,
        Notification,
        Other, //!< any other caller, and failures of calls not sent through QuickActions
    };
    Q_ENUM(Origin)

    //! How far an action got.
    enum class Stage {
        Sent, //!< sent to the service ("Acknowledging #12…")
        Done, //!< the service confirmed it ("#12 acknowledged")
        Refused, //!< the service refused it, or the call failed (failed is true); rows rolled back
        NotConfirmed, //!< the answer was lost; a refresh will tell (Done or Refused follows)
        NotSent, //!< nothing to send (already acknowledged, busy, signed out); failed when it is
                 //!< a problem rather than a no-op
    };
    Q_ENUM(Stage)

    struct Feedback {
        Stage stage = Stage::Sent;
        //! What was done; for a failure passed on from another caller (Origin::Other, title
        //! "Rota") it is not known and left Acknowledge: the text says it.
        IncidentActions::Action action = IncidentActions::Action::Acknowledge;
        Origin origin = Origin::Other;
        QStringList incidentNumbers; //!< those it is about; empty for "all paging me"
        QString title; //!< short, e.g. "#12 acknowledged", "Could not acknowledge #12"
        QString text; //!< a sentence or two in words, e.g. the service's reason
        bool failed = false; //!< a refusal or a failure: show it as a warning
    };

    //! None is owned; each may be null (signed out: every action says so). The directory is for
    //! reroute's picker and the targets' names.
    QuickActions(IncidentActions* actions, IncidentModel* incidents, OrgDirectory* directory,
        QObject* parent = nullptr);
    ~QuickActions() override;

    //! Follows another session (all null: signed out). Open dialogs close; calls in flight are
    //! forgotten (their rows belong to the old session).
    void setSession(IncidentActions* actions, IncidentModel* incidents, OrgDirectory* directory);
    //! How to find the window to put dialogs over (may return null or a hidden window: then they
    //! show on their own). Default: none.
    void setWindowFinder(std::function<QWidget*()> finder);
    //! How open() shows an incident (e.g. Workspace::showIncident, which raises the window).
    void setOpener(std::function<void(const QString&)> open);

    IncidentActions* actions() const { return m_actions; }
    IncidentModel* incidents() const { return m_incidents; }
    OrgDirectory* directory() const;

    //! The open dialog for exactly these incidents, of `kind` (its object name:
    //! "ackMessageDialog", "quickRerouteDialog"; empty: either); nullptr when none.
    QDialog* openDialog(const QStringList& incidentNumbers, const QString& kind = QString()) const;

    //! Acknowledges the incidents that are triggered.
    void acknowledge(const QStringList& incidentNumbers, rota::QuickActions::Origin origin);
    //! Asks for a message (AckMessageDialog), then acknowledges with it. Esc sends nothing.
    void acknowledgeWithMessage(
        const QStringList& incidentNumbers, rota::QuickActions::Origin origin);
    //! Resolves the incidents that are open.
    void resolve(const QStringList& incidentNumbers, rota::QuickActions::Origin origin);
    //! Asks whom to page instead (QuickRerouteDialog), then reroutes. Esc sends nothing.
    void reroute(const QStringList& incidentNumbers, rota::QuickActions::Origin origin);
    //! Every triggered incident paging the acting user.
    void acknowledgeAllPagingMe(rota::QuickActions::Origin origin);
    //! Every open incident paging the acting user, without asking (ask first: nobody can undo it).
    void resolveAllPagingMe(rota::QuickActions::Origin origin);
    //! Shows the incident in Rota's window (through the opener).
    void open(const QString& incidentNumber);

    //! Sends an acknowledgement with `message` (empty: none) without a dialog; what the message
    //! dialog does once the user presses Enter.
    void sendAcknowledge(const QStringList& incidentNumbers, const QString& message,
        rota::QuickActions::Origin origin);
    //! Sends a reroute to `targets` without a dialog; what the picker does on Enter.
    void sendReroute(const QStringList& incidentNumbers, const QList<rota::IncidentTarget>& targets,
        bool addTargets, rota::QuickActions::Origin origin);

Q_SIGNALS:
    //! What became of an action, for people. Several per action: Sent, then Done, Refused or
    //! NotConfirmed (then Done or Refused).
    void feedback(const rota::QuickActions::Feedback& feedback);

private:
    using Action = IncidentActions::Action;
    enum class CallState { Sent, NotConfirmed };
    struct Call {
        quint64 id = 0;
        Action action = Action::Acknowledge;
        Origin origin = Origin::Other;
        QStringList numbers; //!< sent (empty for "all paging me")
        QStringList marked; //!< of those, the rows this call made pending
        QString message; //!< an acknowledgement's message
        QList<IncidentTarget> targets; //!< a reroute's
        bool addTargets = false;
        CallState state = CallState::Sent;
    };

    void connectSession();
    void disconnectSession();
    //! Sends through IncidentActions, recording the call and saying so; `send` returns what
    //! IncidentActions sent.
    void send(Action action, const QStringList& numbers, Origin origin,
        const std::function<QStringList()>& sendCall, const QString& message = QString(),
        const QList<IncidentTarget>& targets = {}, bool addTargets = false);
    void onFinished(Action action, const QStringList& accepted, const QStringList& refused);
    void onFailed(const QString& message);
    void settleFailure(const QString& message);
    void onOutcomeUnknown(Action action, const QStringList& numbers, const QString& message);
    void onUnconfirmedSettled(IncidentModel::PendingAction pending, const QStringList& applied,
        const QStringList& notApplied);
    //! Says what became of `call` for `accepted` and `refused` (refused ones' reasons from their
    //! rows).
    void report(const Call& call, const QStringList& accepted, const QStringList& refused,
        const QString& failure = QString());
    void emitFeedback(Stage stage, const Call& call, const QStringList& numbers,
        const QString& title, const QString& text, bool failed);
    bool signedIn(Action action, const QStringList& numbers, Origin origin);
    //! Shows `dialog` over the window when it is on screen, else on its own, on top; remembers it.
    void showDialog(QDialog* dialog, const QStringList& numbers);
    QWidget* visibleWindow() const;
    //! The incident's name for people (its summary), empty when unknown.
    QString description(const QString& number) const;
    QString targetNames(const QList<IncidentTarget>& targets) const;
    //! Why `number` was not sent (already in that phase, busy with another action), in words;
    //! sets *busy when it is busy (a problem, where the others are no-ops).
    QString notSentReason(Action action, const QString& number, bool* busy = nullptr) const;

    QPointer<IncidentActions> m_actions;
    QPointer<IncidentModel> m_incidents;
    QPointer<OrgDirectory> m_directory;
    std::function<QWidget*()> m_findWindow;
    std::function<void(const QString&)> m_open;
    QList<QMetaObject::Connection> m_connections;
    QList<Call> m_calls;
    QList<QPointer<QDialog>> m_dialogs;
    QStringList m_failures; //!< actionFailed messages to attribute on the next turn
    int m_settledFailures = 0; //!< actionFailed messages of our settled calls, already reported
    quint64 m_nextId = 1;
    //! Set while a call is being sent: an actionFailed emitted meanwhile is its own.
    Call* m_sending = nullptr;
    QString m_sendFailure;
};

} // namespace rota

Q_DECLARE_METATYPE(rota::QuickActions::Feedback)
