// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include <QObject>
#include <QTimer>

namespace rota {

//! Gives the heap's free pages back to the system after a large answer was taken in.
//!
//! A large org's incident list is read every minute or so: its bytes, its parsed document and the
//! previous list's incidents are freed around the new incidents that stay alive, and glibc's
//! allocator keeps those holes (on the reading thread's arena and on the GUI thread's) instead of
//! returning them. The process would then hold two to three times the memory it uses. A trim,
//! some seconds after the work and on a pool thread, returns them. Elsewhere than glibc it does
//! nothing.
class HeapTrim : public QObject {
    Q_OBJECT
public:
    //! Lists smaller than this leave the heap alone: their holes are small.
    static constexpr int LargeList = 1000;

    explicit HeapTrim(QObject* parent = nullptr, int delayMs = 3000);

    //! Sets the allocator up for a long-running process at start: large buffers (answers,
    //! parsed documents) are mapped on their own and so returned when freed, whatever sizes came
    //! before them.
    static void configureAllocator();

    //! A list of `count` items was taken in: trims once, delayMs later (several calls within the
    //! delay make one trim).
    void noteList(qsizetype count);

    //! Trims done so far (tests and the log).
    int trims() const { return m_trims; }

Q_SIGNALS:
    //! A trim finished on its pool thread; `returnedBytes` is how much the resident memory fell
    //! meanwhile (other threads allocate too, so it is an estimate; 0 where unknown).
    void trimmed(qint64 returnedBytes);

private:
    void trimNow();

    QTimer m_timer;
    int m_trims = 0;
};

} // namespace rota
