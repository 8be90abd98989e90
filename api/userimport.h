// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Adding many users: the rows of a file sent through POST /api-public/v1/user/batch, one batch of
// at most 50 after another, with each row's outcome.

#include "people.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace rota {

class ApiClient;
class ApiReply;

//! Sends users in batches of at most BatchSize, one batch at a time (the client's scheduler
//! spaces them by the operation's limit), and reports each user's outcome.
//!
//! POSTs are never retried: a batch whose answer was lost leaves its users "may have been
//! added", and nothing is sent twice. cancel() takes effect between batches: the batch on its way
//! is answered and reported, the rest are not sent; a batch still held back by the rate limit
//! (waiting() was emitted and its wait is not over) is taken back and not sent either. A batch the
//! service refuses as a whole (bad credentials, the user limit, no connection) stops the import:
//! the batches after it would meet the same refusal.
class UserImport : public QObject {
    Q_OBJECT
public:
    //! The documented maximum of POST /user/batch.
    static constexpr int BatchSize = 50;

    enum class Outcome {
        Waiting, //!< not sent yet
        Sending, //!< in the batch on its way
        Added,
        Refused, //!< message says why, in the service's words where it gave them
        MaybeAdded, //!< sent, but no answer came back: check the list of users
        NotSent, //!< the import was cancelled or stopped before its batch
    };

    struct RowResult {
        Outcome outcome = Outcome::Waiting;
        QString message; //!< for Refused, MaybeAdded and NotSent: why, in words
    };

    //! `client` must outlive the import.
    explicit UserImport(ApiClient* client, QObject* parent = nullptr);
    ~UserImport() override;

    //! Starts sending `users` (in this order). False, doing nothing, when an import is running
    //! or `users` is empty. Forgets the results of an earlier import.
    bool start(const QList<UserPayload>& users);
    //! Sends no further batch; finished() follows once the batch on its way is answered (at
    //! once when none is, or when it is still held back by the rate limit). Does nothing when no
    //! import is running.
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }
    int total() const { return int(m_users.size()); }
    //! Users whose outcome is known (not Waiting or Sending).
    int done() const { return m_done; }
    const QList<UserPayload>& users() const { return m_users; }
    const QList<RowResult>& results() const { return m_results; }
    int count(Outcome outcome) const;

    //! "Added", "Not added: <reason>", ... for one result, in words.
    static QString describe(const RowResult& result);

Q_SIGNALS:
    //! The outcome of users [first, first + count) changed (a batch went out or was answered).
    void rowsChanged(int first, int count);
    void progress(int done, int total);
    //! The next batch waits about `waitMs` for the rate limit of POST /user/batch (15 calls a
    //! minute); emitted again when the estimate changes.
    void waiting(qint64 waitMs);
    //! Every user has an outcome; isRunning() is false.
    void finished();

private:
    void sendNext();
    void onBatchFinished(ApiReply* reply, int first, int count);
    void markRest(Outcome outcome, const QString& message);
    void finish();

    ApiClient* m_client;
    QList<UserPayload> m_users;
    QList<RowResult> m_results;
    int m_next = 0; //!< the first user not yet sent
    int m_done = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QPointer<ApiReply> m_inFlight;
    int m_inFlightFirst = 0; //!< the first user of the batch m_inFlight carries
    bool m_held = false; //!< m_inFlight waits in the scheduler, until m_heldUntil
    QDeadlineTimer m_heldUntil;
};

} // namespace rota
