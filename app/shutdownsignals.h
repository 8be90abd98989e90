// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QList>
#include <QObject>

#include <csignal>
#include <vector>

class QSocketNotifier;

namespace rota {

//! Turns the signals that ask a process to end (SIGTERM from a logout or `kill`, SIGINT from
//! Ctrl+C in a terminal, SIGHUP when the terminal goes away) into a Qt signal, so that the
//! application can quit in order, the same way as File › Quit, instead of dying with the lock and
//! socket of its single-instance guard left behind.
//!
//! The handler does the only thing that is safe there: it writes the signal's number as one byte
//! to a socket pair. A QSocketNotifier on the other end emits received() from the event loop.
//! Each handler is installed with SA_RESETHAND: a second signal of the same kind while the first
//! is being handled ends the process the default way (for a shutdown that hangs). A signal that
//! was ignored when the process started (`nohup rota`) stays ignored.
//!
//! One instance at a time; the destructor puts the previous handlers back.
class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    //! Handles SIGTERM, SIGINT and SIGHUP.
    explicit ShutdownSignals(QObject* parent = nullptr);
    //! Handles the signals `numbers`.
    explicit ShutdownSignals(const QList<int>& numbers, QObject* parent = nullptr);
    ~ShutdownSignals() override;

    //! False when the socket pair could not be made (then no handler is installed).
    bool isActive() const { return m_notifier != nullptr; }
    //! The signals whose handler is installed.
    QList<int> handled() const;

Q_SIGNALS:
    //! One of the signals arrived (its number, e.g. SIGTERM); emitted from the event loop.
    void received(int signal);

private:
    void onReadable();

    struct Previous {
        int number;
        struct sigaction action;
    };
    std::vector<Previous> m_previous;
    int m_fds[2] = { -1, -1 };
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace rota
