#pragma once

#include <QObject>

class QWidget;

namespace rota {

//! Measures the cold start, for bench/bench_coldstart: when the environment variable
//! ROTA_STARTUP_PROBE is set (to anything but 0), rota prints one line to stderr once the first
//! frame of the main window has been shown (its first expose handled, so painted), then quits:
//!
//!     rota-startup-probe: shown_ms=123.4 main_ms=98.7 monotonic_ns=123456789
//!
//! shown_ms: since the process started (the kernel's start time, 10 ms resolution); main_ms:
//! since this file's static initialisation (after the dynamic libraries were loaded); monotonic_ns:
//! CLOCK_MONOTONIC at that moment, so that a launcher can measure from before it started rota.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    //! Does nothing unless ROTA_STARTUP_PROBE is set; else watches `window` (owned by the caller)
    //! and parents the probe to it.
    static void installIfRequested(QWidget* window);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit StartupProbe(QWidget* window);
    void report();

    QWidget* m_window;
    bool m_reported = false;
};

} // namespace rota
