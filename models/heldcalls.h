// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace rota {

class ApiClient;
class ApiReply;

//! The user's calls that wait in the client's scheduler (ApiReply::held) because the API's rate
//! limit holds their operation back: what each is, how long it is expected to wait, and a way to
//! cancel it before anything is sent. One per ApiClient (of()); the controllers of user actions
//! (acknowledge, resolve, ...) track() their replies, a bar in the window shows them.
class HeldCalls : public QObject {
    Q_OBJECT
public:
    struct Call {
        quint64 id = 0;
        QString what; //!< e.g. "Acknowledge #12"
        qint64 msLeft = 0; //!< expected wait from now; 0 once it is due to be sent
    };

    explicit HeldCalls(QObject* parent = nullptr);

    //! The HeldCalls of `client` (made on first use; it goes with the client).
    static HeldCalls* of(ApiClient* client);

    //! Watches `reply`: while it is held it is listed as `what`. cancel() abandons it (nothing is
    //! sent) and then calls `onCancelled`, the caller's cue to undo what it showed and say
    //! "cancelled" (the reply will not emit finished()). A reply that finishes leaves the list.
    void track(ApiReply* reply, const QString& what, std::function<void()> onCancelled);

    //! The held calls, oldest first.
    QList<Call> calls() const;
    //! Abandons the held call `id` and reports it cancelled. False when it is not held (any more)
    //! or its expected wait is over (it may be on its way): a call sent cannot be taken back.
    bool cancel(quint64 id);

Q_SIGNALS:
    //! A call was held, its wait changed, or it left the list.
    void changed();

private:
    struct Entry {
        quint64 id;
        QString what;
        QPointer<ApiReply> reply;
        std::function<void()> onCancelled;
        QDeadlineTimer until;
        bool held = false;
    };
    void drop(quint64 id);

    QList<Entry> m_entries;
    quint64 m_nextId = 1;
};

} // namespace rota
