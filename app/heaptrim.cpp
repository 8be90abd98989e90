// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "heaptrim.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QThreadPool>

#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rota {

namespace {

//! Resident bytes from /proc/self/statm; 0 where there is none.
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

} // namespace

HeapTrim::HeapTrim(QObject* parent, int delayMs)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrim::trimNow);
}

void HeapTrim::configureAllocator()
{
#if defined(__GLIBC__)
    // glibc raises its mapping threshold each time a mapped block is freed (up to 32 MB on 64-bit),
    // after which the next answer's buffers land in the heap and leave holes there. A fixed
    // threshold of 1 MiB keeps them mapped and returned at once when freed.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

void HeapTrim::noteList(qsizetype count)
{
    if (count >= LargeList && !m_timer.isActive())
        m_timer.start();
}

void HeapTrim::trimNow()
{
    ++m_trims;
    QPointer<HeapTrim> self(this);
    // malloc_trim walks every arena, which takes milliseconds for a large heap: not on the GUI
    // thread. It locks one arena at a time, so the GUI thread waits at most for one.
    QThreadPool::globalInstance()->start([self] {
        const qint64 before = residentBytes();
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
        const qint64 returned = qMax<qint64>(0, before - residentBytes());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, returned] {
                if (self)
                    Q_EMIT self->trimmed(returned);
            },
            Qt::QueuedConnection);
    });
}

} // namespace rota
