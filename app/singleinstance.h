// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace rota {

//! One Rota per user (and per kind: the demo has its own name, so `rota --demo` runs beside a
//! signed-in Rota, and a second `rota --demo` raises the first demo).
//!
//! The first instance holds a lock file and listens on a local socket, both named after the user
//! in the runtime directory. A later one finds the lock held, connects, sends one line (ShowMessage
//! or "open <incident number>") and should exit 0; the first emits messageReceived(). A lock or
//! socket left by a crashed instance does not block: the lock names a process that is gone, so it
//! is taken over, and the socket file is removed before listening again.
//!
//! The lock and socket live only in a directory private to the user (owned by them, mode 0700;
//! by default the runtime directory, never a shared one such as /tmp): in any other the guard
//! is not used (start() fails, Rota runs alone). The first instance takes messages only from a
//! peer running as the same user, reads at most MaxMessageBytes of one, and passes on only the
//! two messages there are.
//!
//! Handing over happens before any window exists and talks to a process on the same machine over
//! a local socket (it answers at once or not at all), so its short waits block nothing visible.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Primary, //!< this is the first instance: it listens for later ones
        Secondary, //!< another instance runs and got the message: exit 0
        Failed, //!< neither (e.g. no writable runtime directory): go on alone
    };
    Q_ENUM(Role)

    static constexpr const char* ShowMessage = "show";
    //! Longer messages are not read (they are dropped).
    static constexpr int MaxMessageBytes = 256;

    //! `name` is a file name in `directory` (default: the user's runtime directory):
    //! "<name>.lock" and "<name>.socket".
    explicit SingleInstance(
        const QString& name, const QString& directory = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    //! "rota-<uid>", or "rota-demo-<uid>" for the demo.
    static QString defaultName(bool demo);

    //! Becomes the primary instance, or hands `message` to the running one. Call once.
    Role start(const QString& message = QString::fromLatin1(ShowMessage));
    Role role() const { return m_role; }
    //! Where the socket is (or would be).
    QString socketPath() const { return m_socketPath; }
    QString lockPath() const { return m_lockPath; }
    //! Why start() failed, in words.
    QString errorString() const { return m_error; }

    //! Whether `message` is one a running Rota acts on: ShowMessage, or "open " and an incident
    //! number (digits only).
    static bool isValidMessage(const QString& message);

Q_SIGNALS:
    //! A later instance asked for something: ShowMessage, or "open <number>".
    void messageReceived(const QString& message);

private:
    bool ensurePrivateDirectory();
    bool handOver(const QString& message);
    bool listen();
    void onNewConnection();

    QString m_socketPath;
    QString m_lockPath;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer* m_server = nullptr;
    Role m_role = Role::Failed;
    QString m_error;
};

} // namespace rota
