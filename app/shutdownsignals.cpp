// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "shutdownsignals.h"

#include "applog.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace rota {

namespace {

// The write end, for the handler. A lock-free atomic is safe to read in a signal handler.
std::atomic<int> s_writeFd { -1 };
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onShutdownSignal(int number)
{
    const int saved = errno;
    const int fd = s_writeFd.load();
    if (fd >= 0) {
        const char byte = static_cast<char>(number);
        // Non-blocking: when the pipe is full, enough bytes are already waiting.
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = saved;
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject* parent)
    : ShutdownSignals({ SIGTERM, SIGINT, SIGHUP }, parent)
{
}

ShutdownSignals::ShutdownSignals(const QList<int>& numbers, QObject* parent)
    : QObject(parent)
{
    Q_ASSERT_X(s_writeFd.load() < 0, "ShutdownSignals", "one instance at a time");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_fds) != 0) {
        qCWarning(lcApp, "cannot handle termination signals: socketpair: %s", strerror(errno));
        m_fds[0] = m_fds[1] = -1;
        return;
    }
    s_writeFd.store(m_fds[0]);
    m_notifier = new QSocketNotifier(m_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignals::onReadable);

    for (const int number : numbers) {
        Previous previous { number, {} };
        if (::sigaction(number, nullptr, &previous.action) != 0)
            continue;
        // Started with the signal ignored (nohup): whoever started us meant it.
        if (previous.action.sa_handler == SIG_IGN)
            continue;
        struct sigaction action = {};
        action.sa_handler = onShutdownSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART | SA_RESETHAND;
        if (::sigaction(number, &action, nullptr) == 0)
            m_previous.push_back(previous);
    }
}

ShutdownSignals::~ShutdownSignals()
{
    for (const Previous& previous : m_previous)
        ::sigaction(previous.number, &previous.action, nullptr);
    s_writeFd.store(-1);
    delete m_notifier;
    for (int& fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

QList<int> ShutdownSignals::handled() const
{
    QList<int> numbers;
    for (const Previous& previous : m_previous)
        numbers << previous.number;
    return numbers;
}

void ShutdownSignals::onReadable()
{
    char bytes[16];
    const ssize_t count = ::read(m_fds[1], bytes, sizeof bytes);
    for (ssize_t i = 0; i < count; ++i) {
        const int number = static_cast<unsigned char>(bytes[i]);
        qCInfo(lcApp, "received signal %d (%s)", number, strsignal(number));
        Q_EMIT received(number);
    }
}

} // namespace rota
