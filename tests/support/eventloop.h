// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Runs the application's own event loop (QCoreApplication::exec()) in a test, for what only
// happens there: a quit ends it with a code, which the test can check.

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <functional>

namespace rota::test {

//! What runEventLoop() returns when nothing ended the loop.
constexpr int LoopStayed = 42;

//! Runs QCoreApplication::exec(): `step` first, then until something ends the loop, or for `ms`.
//! Returns the loop's exit code (LoopStayed when it ran out of time).
inline int runEventLoop(const std::function<void()>& step, int ms = 2000)
{
    QTimer start;
    start.setSingleShot(true);
    QObject::connect(&start, &QTimer::timeout, step);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, [] { QCoreApplication::exit(LoopStayed); });
    start.start(0);
    watchdog.start(ms);
    return QCoreApplication::exec();
}

} // namespace rota::test
