// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>

class QWidget;

namespace rota {

//! Measures the cold start, for bench/bench_coldstart: when the environment variable
//! ROTA_STARTUP_PROBE is set (to anything but 0), rota prints one line to stderr once the first
//! frame of the main window has been shown (its first expose handled, so painted), then quits:
//!
//!     rota-startup-probe: shown_ms=123.4 main_ms=98.7 monotonic_ns=123456789 hwm_kib=51234
//!         rss_kib=50123 cpu_ms=150.2 thread_cpu_ms=120.9
//!
//! shown_ms: since the process started (the kernel's start time, 10 ms resolution); main_ms:
//! since this file's static initialisation (after the dynamic libraries were loaded); monotonic_ns:
//! CLOCK_MONOTONIC at that moment, so that a launcher can measure from before it started rota;
//! hwm_kib and rss_kib: the peak and the current resident memory then (VmHWM, VmRSS); cpu_ms and
//! thread_cpu_ms: the CPU time used by the whole process and by the main thread until then.
//!
//! With ROTA_STARTUP_PROBE=2 it also prints, before that line, one line per milestone of the
//! start path (mark()) in the order they were passed:
//!
//!     rota-startup-milestone: name=workspace ms=45.6 step_ms=12.3 step_cpu_ms=11.9
//!
//! ms: since static initialisation; step_ms: since the milestone before; step_cpu_ms: the main
//! thread's CPU time since the milestone before (the first: since the thread started). The last
//! milestone is first-frame.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    //! Does nothing unless ROTA_STARTUP_PROBE is set; else watches `window` (owned by the caller)
    //! and parents the probe to it.
    static void installIfRequested(QWidget* window);
    //! Notes that the start reached `milestone` (a string literal), when ROTA_STARTUP_PROBE=2;
    //! cheap and silent otherwise.
    static void mark(const char* milestone);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit StartupProbe(QWidget* window);
    void report();

    QWidget* m_window;
    bool m_reported = false;
};

} // namespace rota
