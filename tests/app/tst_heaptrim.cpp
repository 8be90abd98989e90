// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "heaptrim.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <vector>

using namespace rota;

class TestHeapTrim : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSmallListLeavesTheHeapAlone()
    {
        HeapTrim trim(nullptr, 10);
        QSignalSpy trimmed(&trim, &HeapTrim::trimmed);
        trim.noteList(HeapTrim::LargeList - 1);
        QTest::qWait(100);
        QCOMPARE(trim.trims(), 0);
        QCOMPARE(trimmed.size(), 0);
    }

    void aLargeListTrimsOnceAfterTheDelay()
    {
        HeapTrim trim(nullptr, 200);
        QSignalSpy trimmed(&trim, &HeapTrim::trimmed);
        trim.noteList(10000);
        trim.noteList(10000);
        trim.noteList(HeapTrim::LargeList);
        QCOMPARE(trim.trims(), 0); // not at once: the answer's buffers are still alive
        QTRY_COMPARE(trimmed.size(), 1);
        QCOMPARE(trim.trims(), 1);
        QTest::qWait(300);
        QCOMPARE(trimmed.size(), 1); // three lists within the delay made one trim
        trim.noteList(10000);
        QTRY_COMPARE(trimmed.size(), 2);
    }

    void freedMemoryIsReturned()
    {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
        QSKIP("malloc_trim is glibc's own; under ASan the sanitizer's allocator keeps the heap");
#else
        // Many small blocks; those in the middle freed, the last ones kept: the heap cannot
        // shrink from its top, and the freed pages stay resident until they are given back.
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int i = 0; i < 200000; ++i) {
            blocks.emplace_back(new char[200]);
            std::fill_n(blocks.back().get(), 200, char(i));
        }
        for (std::size_t i = 1000; i + 1000 < blocks.size(); ++i)
            blocks[i].reset();
        HeapTrim trim(nullptr, 0);
        QSignalSpy trimmed(&trim, &HeapTrim::trimmed);
        trim.noteList(HeapTrim::LargeList);
        QTRY_COMPARE(trimmed.size(), 1);
        // About 40 MB were freed; most of it must go back.
        QVERIFY2(trimmed.at(0).at(0).toLongLong() > 20 * 1024 * 1024,
            qPrintable(QString::number(trimmed.at(0).at(0).toLongLong())));
#endif
    }

    void deletedBeforeTheTrimEndsIsSafe()
    {
        auto trim = std::make_unique<HeapTrim>(nullptr, 0);
        trim->noteList(HeapTrim::LargeList);
        QTRY_COMPARE(trim->trims(), 1);
        trim.reset(); // the pool thread may still be trimming: its answer must find nobody
        QTest::qWait(200);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
    }
};

QTEST_GUILESS_MAIN(TestHeapTrim)
#include "tst_heaptrim.moc"
