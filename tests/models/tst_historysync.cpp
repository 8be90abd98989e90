// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// HistorySync against an in-process rota-sim over real HTTP, with the rate limits enforced (one
// call a minute to the incident history): the whole history of the small org is read into a
// HistoryStore, newest page first and then older pages, with nothing missing and nothing doubled
// and no call the simulator had to refuse; the sync yields while told to, stops while paused,
// stops at `until`, goes on where it was after the sync and its store are destroyed and opened
// again, and after being killed (SIGKILL, in a child process) at random moments; new incidents
// and the resolution of one stored open arrive at the next check; a failing network is said in
// words and recovered from.
//
// Time: the test moves one clock for the sync, the client's rate scheduler and the simulator
// together, and clears the simulator's count of calls when a minute has passed on it.

#include "historydatabase.h"
#include "historystore.h"
#include "historysync.h"
#include "oncall.h"
#include "operations.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace rota;
using rota::test::SimFixture;

namespace {

const char* const kChildEnv = "ROTA_HISTORYSYNC_CHILD_DB";
const char* const kChildStateEnv = "ROTA_HISTORYSYNC_CHILD_STATE";

//! The incidents of a history file: number -> phase, and how many rows it holds.
struct StoredSet {
    QHash<qint64, Phase> phases;
    int rows = 0;
    bool ok = false;
};

StoredSet readFile(const QString& path)
{
    static int connection = 0;
    StoredSet set;
    HistoryDatabase database(QStringLiteral("tst_historysync_read_%1").arg(++connection));
    QString message;
    const auto result = database.open(path, &message);
    if (result != HistoryDatabase::OpenResult::Opened
        && result != HistoryDatabase::OpenResult::Created)
        return set;
    QString error;
    const auto rows = database.loadIncidents(&error);
    if (!rows)
        return set;
    set.rows = static_cast<int>(rows->size());
    for (const HistoryIncident& incident : *rows)
        set.phases.insert(incident.number, incident.phase);
    set.ok = true;
    return set;
}

Phase simPhase(const QString& phase)
{
    if (phase == QLatin1String("UNACKED"))
        return Phase::Triggered;
    if (phase == QLatin1String("ACKED"))
        return Phase::Acknowledged;
    return Phase::Resolved;
}

//! The child of the kill test: syncs the org of the state file into the history file as fast as
//! it can (no rate limits, a clock a thousand times faster), printing each page it stored, until
//! the backfill is done; the parent kills it at some moment.
int runChild(const QString& dbPath, const QString& statePath)
{
    sim::SimOptions options;
    options.enforceRateLimits = false;
    options.stateFile = statePath;
    SimFixture fixture(options);
    if (!fixture.started)
        return 3;
    QElapsedTimer elapsed;
    elapsed.start();
    const QDateTime start = QDateTime::currentDateTimeUtc();
    // A thousand times faster: the minute between two calls passes in 60 ms.
    fixture.client->scheduler()->setClock(
        [&elapsed] { return 1000000 + elapsed.elapsed() * 1000; });
    HistoryStore store;
    HistorySync sync(fixture.client.get(), &store);
    sync.setClock([&elapsed, start] { return start.addMSecs(elapsed.elapsed() * 1000); });
    QObject::connect(&sync, &HistorySync::pageStored, &sync, [](int added) {
        std::printf("stored %d\n", added);
        std::fflush(stdout);
    });
    QObject::connect(&sync, &HistorySync::stateChanged, &sync, [](HistorySync::State state) {
        if (state == HistorySync::State::CaughtUp) {
            std::printf("caught up\n");
            std::fflush(stdout);
            QCoreApplication::exit(0);
        } else if (state == HistorySync::State::Failed) {
            QCoreApplication::exit(4);
        }
    });
    // The sync's own timer waits real time; the fast clock needs a nudge.
    QTimer nudge;
    QObject::connect(&nudge, &QTimer::timeout, &sync, &HistorySync::checkNow);
    nudge.start(20);
    QObject::connect(&store, &HistoryStore::opened, &store, [&elapsed] {
        std::printf("ready\n");
        std::fflush(stdout);
        elapsed.restart();
    });
    store.open(dbPath);
    sync.start();
    const int code = QCoreApplication::exec();
    std::printf("done in %lld ms\n", static_cast<long long>(elapsed.elapsed()));
    return code;
}

} // namespace

class TestHistorySync : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistorySync> m_sync;
    QDateTime m_start;
    qint64 m_offsetMs = 0; //!< how far the test moved time
    qint64 m_forgotAtMs = 0; //!< when the simulator last forgot the calls it counted
    int m_historyCalls = 0; //!< exchanges with the incident history, as the client saw them
    int m_shiftLogCalls = 0;
    bool m_yield = false;

    SimFixture& fixture() { return *m_fixture; }
    QDateTime now() const { return m_start.addMSecs(m_offsetMs); }
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    quint64 throttled() { return fixture().server->service().throttledAnswers(); }

    void startFixture(const QString& stateFile = QString())
    {
        sim::SimOptions options;
        options.stateFile = stateFile;
        m_fixture = std::make_unique<SimFixture>(options);
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        const qint64 monotonicStart = 1000 * 1000;
        fixture().client->scheduler()->setClock(
            [this, monotonicStart] { return monotonicStart + m_offsetMs; });
        connect(
            fixture().client.get(), &ApiClient::exchanged, this, [this](const QString& operation) {
                m_historyCalls += operation == ops::searchIncidentHistory.key() ? 1 : 0;
                m_shiftLogCalls += operation == ops::getTeamShiftLog.key() ? 1 : 0;
            });
    }

    //! The store on the test's file and a sync over it, on the test's clock.
    void openSync()
    {
        m_store = std::make_unique<HistoryStore>();
        QSignalSpy opened(m_store.get(), &HistoryStore::opened);
        m_store->open(dbPath());
        QVERIFY(opened.wait(10000));
        const auto result = opened.first().first().value<HistoryDatabase::OpenResult>();
        QVERIFY(result == HistoryDatabase::OpenResult::Created
            || result == HistoryDatabase::OpenResult::Opened);
        m_sync = std::make_unique<HistorySync>(fixture().client.get(), m_store.get());
        m_sync->setClock([this] { return now(); });
        m_sync->setYield([this] { return m_yield; });
    }

    void closeSync()
    {
        m_sync.reset();
        m_store.reset();
    }

    //! Time passes for everyone: the sync, the scheduler, the simulator. When a minute went by,
    //! the simulator forgets the calls it counted (as the real service would by then).
    void advance(qint64 ms)
    {
        m_offsetMs += ms;
        fixture().ctx().clockOffsetMs = m_offsetMs;
        if (m_offsetMs - m_forgotAtMs >= 60 * 1000) {
            forgetSimulatorCalls();
            m_forgotAtMs = m_offsetMs;
        }
        fixture().client->scheduler()->process();
    }

    void forgetSimulatorCalls()
    {
        QUrl url = fixture().server->baseUrl();
        url.setPath(QStringLiteral("/_sim/rate-limits"));
        QNetworkRequest request(url);
        request.setRawHeader("X-Sim-Token", fixture().server->controlToken().toUtf8());
        QNetworkReply* reply = fixture().network.deleteResource(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
    }

    //! A minute on, the sync asked to go on; true when it stored a page.
    bool nextPage()
    {
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        return QTest::qWaitFor(
                   [&] {
                       return !stored.isEmpty() || m_sync->state() == HistorySync::State::Failed
                           || m_sync->state() == HistorySync::State::CaughtUp;
                   },
                   10000)
            && !stored.isEmpty();
    }

    //! Pages until the sync is caught up (at most `limit` pages); how many it read.
    int readToTheEnd(int limit = 20)
    {
        int pages = 0;
        while (m_sync->state() != HistorySync::State::CaughtUp && pages < limit) {
            if (!nextPage())
                break;
            ++pages;
        }
        return pages;
    }

    //! The first page, at once after start().
    bool firstPage()
    {
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        m_sync->start();
        return stored.wait(10000);
    }

    //! The simulator's incidents: number -> phase.
    QHash<qint64, Phase> simIncidents()
    {
        QHash<qint64, Phase> out;
        const auto& incidents = fixture().ctx().org.incidents;
        for (auto it = incidents.cbegin(); it != incidents.cend(); ++it)
            out.insert(it.key(), simPhase(it->phase));
        return out;
    }

    //! The numbers of the simulator's `count` newest incidents (by start, then number).
    QSet<qint64> newestSim(int count)
    {
        QList<const sim::SimIncident*> all;
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents))
            all.append(&incident);
        std::sort(all.begin(), all.end(), [](const sim::SimIncident* a, const sim::SimIncident* b) {
            return a->startTime != b->startTime ? a->startTime > b->startTime
                                                : a->number > b->number;
        });
        QSet<qint64> out;
        for (int i = 0; i < count && i < all.size(); ++i)
            out.insert(all.at(i)->number);
        return out;
    }

    void compareWithSimulator()
    {
        const StoredSet stored = readFile(dbPath());
        QVERIFY(stored.ok);
        const QHash<qint64, Phase> sim = simIncidents();
        QCOMPARE(stored.rows, sim.size()); // nothing doubled
        for (auto it = sim.cbegin(); it != sim.cend(); ++it) {
            QVERIFY2(stored.phases.contains(it.key()),
                qPrintable(QStringLiteral("incident %1 missing").arg(it.key())));
            QCOMPARE(stored.phases.value(it.key()), it.value());
        }
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_start = QDateTime::currentDateTimeUtc();
        m_offsetMs = 0;
        m_forgotAtMs = 0;
        m_historyCalls = 0;
        m_shiftLogCalls = 0;
        m_yield = false;
        startFixture();
    }

    void cleanup()
    {
        closeSync();
        m_fixture.reset();
        m_dir.reset();
    }

    void readsTheWholeHistoryNewestFirst()
    {
        openSync();
        QCOMPARE(m_sync->state(), HistorySync::State::Stopped);
        QCOMPARE(m_sync->progress(), -1.0);
        QVERIFY(m_sync->coverageText().contains(QStringLiteral("No history")));
        const int all = static_cast<int>(fixture().ctx().org.incidents.size());
        QVERIFY(all > 2 * HistorySync::PageSize);

        // The newest page first.
        QVERIFY(firstPage());
        QCOMPARE(m_sync->callsSent(), 1);
        QCOMPARE(m_sync->stored(), HistorySync::PageSize);
        QCOMPARE(m_sync->total(), all);
        StoredSet stored = readFile(dbPath());
        QCOMPARE(QSet<qint64>(stored.phases.keyBegin(), stored.phases.keyEnd()),
            newestSim(HistorySync::PageSize));
        QCOMPARE(m_sync->remainingMs(),
            qint64((all - HistorySync::PageSize + 99) / 100) * HistorySync::CallIntervalMs);
        QVERIFY2(m_sync->coverageText().contains(QStringLiteral("100 of ")),
            qPrintable(m_sync->coverageText()));
        QVERIFY(m_sync->coverageText().contains(QStringLiteral("one call a minute")));
        QVERIFY(m_sync->progress() > 0 && m_sync->progress() < 1);

        // The next one waits for the minute, and says so.
        QCOMPARE(m_sync->state(), HistorySync::State::Waiting);
        // The minute from the first call, and the scheduler's margin for clock skew.
        QCOMPARE(m_sync->stateText(), QStringLiteral("Next call in 62 s (one a minute)"));
        QTest::qWait(200);
        QCOMPARE(m_sync->callsSent(), 1);

        // Then older pages, a minute apart, to the start of the history. Each reads again the
        // incidents of the oldest start read so far (a page may have ended among them).
        QVERIFY(nextPage());
        stored = readFile(dbPath());
        QVERIFY(stored.rows > HistorySync::PageSize + HistorySync::PageSize / 2);
        QCOMPARE(stored.rows, m_sync->stored());
        QCOMPARE(
            QSet<qint64>(stored.phases.keyBegin(), stored.phases.keyEnd()), newestSim(stored.rows));
        const int pages = readToTheEnd();
        QVERIFY(pages >= 1);
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        QCOMPARE(m_sync->stateText(), QStringLiteral("Up to date"));
        QVERIFY(m_sync->callsSent() >= (all + 99) / 100);
        QVERIFY(m_sync->callsSent() <= (all + 98) / 99 + 1);
        QCOMPARE(m_historyCalls, m_sync->callsSent());
        compareWithSimulator();
        QCOMPARE(m_sync->stored(), all);
        QCOMPARE(m_sync->progress(), 1.0);
        QCOMPARE(m_sync->remainingMs(), qint64(0));
        QVERIFY2(m_sync->coverageText().contains(QStringLiteral("all ")),
            qPrintable(m_sync->coverageText()));
        QVERIFY(m_store->syncState().backfillDone);

        // Caught up: nothing more is asked before the next check is due.
        advance(HistorySync::CallIntervalMs + 2000);
        QTest::qWait(100);
        QCOMPARE(m_historyCalls, m_sync->callsSent());
        QCOMPARE(throttled(), quint64(0)); // the simulator never had to refuse a call
    }

    //! More incidents than a page started at one moment (an alert storm): the pages read them
    //! by offset at that moment, none missed, none read forever.
    void aStormSharingOneStart()
    {
        const QDateTime storm = now().addDays(-20);
        for (int i = 0; i < 2 * HistorySync::PageSize + 30; ++i)
            test::newSimIncident(fixture(), QStringLiteral("Storm %1").arg(i), {}, storm);
        openSync();
        QVERIFY(firstPage());
        readToTheEnd(30);
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    //! The store opens another file (another account): the sync goes on from what that one
    //! holds, and nothing more goes into the first.
    void followsTheStoreToAnotherFile()
    {
        openSync();
        QVERIFY(firstPage());
        QCOMPARE(readFile(dbPath()).rows, HistorySync::PageSize);
        const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        advance(HistorySync::CallIntervalMs + 2000);
        m_store->open(other);
        QVERIFY(stored.wait(10000));
        // The newest page again, into the new file.
        QCOMPARE(readFile(other).rows, HistorySync::PageSize);
        QCOMPARE(m_sync->stored(), HistorySync::PageSize);
        QVERIFY(nextPage());
        QCOMPARE(readFile(dbPath()).rows, HistorySync::PageSize);
        QVERIFY(readFile(other).rows > HistorySync::PageSize);
        QCOMPARE(throttled(), quint64(0));
    }

    //! A write that fails (the disk full: here the process may not write past 4 KB of any
    //! file) stops the sync with a message until it is resumed; nothing of that page is kept.
    void aFullDiskStopsUntilResumed()
    {
        openSync();
        QVERIFY(firstPage());
        const int calls = m_sync->callsSent();
        struct rlimit before { };
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
        std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit full = before;
        full.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &full), 0);
        auto restore = qScopeGuard([&before] { setrlimit(RLIMIT_FSIZE, &before); });

        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_sync->state(), HistorySync::State::Failed, 10000);
        const QString text = m_sync->stateText();
        QVERIFY2(text.startsWith(QStringLiteral("Cannot save the history: ")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("Reading stopped; resume to try again.")),
            qPrintable(text));
        QCOMPARE(m_sync->callsSent(), calls + 1);
        QCOMPARE(m_sync->stored(), HistorySync::PageSize);

        // It stays stopped: no more calls, whatever time passes or checkNow says.
        for (int i = 0; i < 3; ++i) {
            advance(HistorySync::CallIntervalMs + 2000);
            m_sync->checkNow();
            QTest::qWait(50);
        }
        QCOMPARE(m_sync->callsSent(), calls + 1);
        QCOMPARE(m_sync->state(), HistorySync::State::Failed);

        // Room again, and resumed: it reads on from what is stored, to the end.
        restore.dismiss();
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &before), 0);
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        m_sync->setPaused(false);
        QVERIFY(stored.wait(10000));
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    //! Another program spent this key's call of the minute: the service refuses the sync's, the
    //! client waits as told, and the sync says so; then it reads on.
    void anotherProgramTookTheMinute()
    {
        openSync();
        QVERIFY(firstPage());
        advance(HistorySync::CallIntervalMs + 2000);
        ApiClient other(&fixture().network);
        QString urlError;
        QVERIFY(other.setBaseUrl(fixture().server->baseUrl(), &urlError));
        other.setCredentials(fixture().client->credentials());
        ReportingQuery query;
        query.limit = 1;
        auto call = calls::searchIncidentHistory(other, query);
        ROTA_EXPECT_OK(call);

        m_sync->checkNow();
        QTRY_VERIFY2_WITH_TIMEOUT(m_sync->stateText().startsWith(
                                      QStringLiteral("The service asked to wait: next call in")),
            qPrintable(m_sync->stateText()), 10000);
        QCOMPARE(throttled(), quint64(1));
        QCOMPARE(m_sync->state(), HistorySync::State::Reading);

        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        advance(HistorySync::CallIntervalMs + 2000);
        QVERIFY(stored.wait(10000));
        QCOMPARE(m_sync->stored(), readFile(dbPath()).rows);
        QVERIFY(m_sync->stored() > HistorySync::PageSize);
        QCOMPARE(throttled(), quint64(1));
    }

    //! A long backfill still looks for new incidents every NewCheckIntervalMs.
    void newOnesDuringTheBackfill()
    {
        openSync();
        QVERIFY(firstPage());
        advance(HistorySync::NewCheckIntervalMs);
        const QString fresh = test::newSimIncident(
            fixture(), QStringLiteral("Queue depth above 10k"), { fixture().demoUser() }, now());
        QVERIFY(nextPage());
        QVERIFY(!m_store->syncState().backfillDone);
        StoredSet stored = readFile(dbPath());
        QVERIFY(stored.phases.contains(fresh.toLongLong()));
        // Only the new one and the margin re-read: the backfill did not move on yet.
        QVERIFY(stored.rows < HistorySync::PageSize + HistorySync::PageSize / 2);
        // Then the backfill goes on.
        QVERIFY(nextPage());
        stored = readFile(dbPath());
        QVERIFY(stored.rows > HistorySync::PageSize + HistorySync::PageSize / 2);
        readToTheEnd();
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    void yieldsWhileToldTo()
    {
        openSync();
        QVERIFY(firstPage());
        m_yield = true;
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        QTest::qWait(200);
        QCOMPARE(m_sync->callsSent(), 1);
        QCOMPARE(m_sync->state(), HistorySync::State::Waiting);
        QVERIFY2(m_sync->stateText().contains(QStringLiteral("goes first")),
            qPrintable(m_sync->stateText()));
        // Still told to wait a few seconds on: still nothing asked.
        advance(10 * 1000);
        m_sync->checkNow();
        QTest::qWait(100);
        QCOMPARE(m_sync->callsSent(), 1);

        m_yield = false;
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        m_sync->checkNow();
        QVERIFY(stored.wait(10000));
        QCOMPARE(m_sync->callsSent(), 2);
        QCOMPARE(throttled(), quint64(0));
    }

    void pauseStopsCalls()
    {
        openSync();
        QVERIFY(firstPage());
        QSignalSpy states(m_sync.get(), &HistorySync::stateChanged);
        m_sync->setPaused(true);
        QVERIFY(m_sync->isPaused());
        QCOMPARE(m_sync->state(), HistorySync::State::Paused);
        QCOMPARE(m_sync->stateText(), QStringLiteral("Paused"));
        const quint64 requests = fixture().server->service().apiRequests();
        for (int i = 0; i < 3; ++i) {
            advance(HistorySync::CallIntervalMs + 2000);
            m_sync->checkNow();
            QTest::qWait(50);
        }
        QCOMPARE(m_sync->callsSent(), 1);
        QCOMPARE(fixture().server->service().apiRequests(), requests);
        QCOMPARE(m_sync->state(), HistorySync::State::Paused);

        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        m_sync->setPaused(false);
        QVERIFY(stored.wait(10000));
        QCOMPARE(m_sync->callsSent(), 2);
        QCOMPARE(throttled(), quint64(0));
    }

    void untilStopsTheBackfill()
    {
        // A limit in the second page: two calls, then caught up.
        const QSet<qint64> newest = newestSim(150);
        QDateTime until;
        for (const qint64 number : newest) {
            const QDateTime start = fixture().ctx().org.incidents.value(int(number)).startTime;
            if (!until.isValid() || start < until)
                until = start;
        }
        openSync();
        m_sync->setUntil(until);
        QVERIFY(firstPage());
        QCOMPARE(m_sync->until(), until);
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        QCOMPARE(m_sync->callsSent(), 2);
        QCOMPARE(m_store->syncState().untilMs, until.toMSecsSinceEpoch());
        QVERIFY(m_store->syncState().backfillDone);
        const StoredSet stored = readFile(dbPath());
        QVERIFY(stored.ok);
        // Everything started at or after the limit is there.
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents)) {
            if (incident.startTime >= until)
                QVERIFY(stored.phases.contains(incident.number));
        }
        QVERIFY(stored.rows < static_cast<int>(fixture().ctx().org.incidents.size()));
        QVERIFY2(m_sync->coverageText().contains(QStringLiteral("as far back as asked")),
            qPrintable(m_sync->coverageText()));
        QCOMPARE(m_sync->remainingMs(), qint64(0));
        QCOMPARE(throttled(), quint64(0));
    }

    void resumesWhereItStopped()
    {
        openSync();
        QVERIFY(firstPage());
        QVERIFY(nextPage());
        QVERIFY(m_sync->stored() > HistorySync::PageSize + HistorySync::PageSize / 2);
        const HistorySyncState state = m_store->syncState();
        closeSync();

        // Opened again on the same file: the stored state says where to go on.
        openSync();
        QCOMPARE(m_store->syncState(), state);
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->start();
        QVERIFY(stored.wait(10000));
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    void newIncidentsArriveAtTheNextCheck()
    {
        openSync();
        QVERIFY(firstPage());
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        const int calls = m_sync->callsSent();

        // An incident stored open that started well before the newest (beyond the margin a
        // check reads again for the history's lag), within the last week.
        const StoredSet before = readFile(dbPath());
        QString open;
        const qint64 newest = m_store->syncState().newestMs;
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents)) {
            const qint64 start = incident.startTime.toMSecsSinceEpoch();
            if (incident.phase != QLatin1String("RESOLVED")
                && start < newest - 2 * HistorySync::LagMarginMs
                && start > now().toMSecsSinceEpoch() - qint64(6) * 24 * 3600 * 1000) {
                open = QString::number(incident.number);
                break;
            }
        }
        QVERIFY2(!open.isEmpty(), "the seeded org has no open incident older than an hour");
        QVERIFY(before.phases.value(open.toLongLong()) != Phase::Resolved);

        // Meanwhile: a new incident, and the open one resolved.
        advance(5 * 60 * 1000);
        const QString fresh = test::newSimIncident(
            fixture(), QStringLiteral("Disk full on db-07"), { fixture().demoUser() }, now());
        AckResolveRequest resolve;
        resolve.userName = test::otherUser(fixture());
        resolve.incidentNames = { open };
        auto call = calls::resolveIncidents(*fixture().client, resolve);
        ROTA_EXPECT_OK(call);
        QVERIFY(call.value().allAccepted());

        // The check, when due: both arrive.
        advance(HistorySync::NewCheckIntervalMs);
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        m_sync->checkNow();
        QVERIFY(stored.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(m_sync->state(), HistorySync::State::CaughtUp, 10000);
        QVERIFY(m_sync->callsSent() > calls);
        const StoredSet after = readFile(dbPath());
        QVERIFY(after.phases.contains(fresh.toLongLong()));
        QCOMPARE(after.phases.value(open.toLongLong()), Phase::Resolved);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    void networkFailureIsSaidAndRecovered()
    {
        openSync();
        QVERIFY(firstPage());
        // The network goes: nothing listens where the client calls.
        const QUrl simUrl = fixture().client->baseUrl();
        QUrl deadUrl = simUrl;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            deadUrl.setPort(closed.serverPort());
        }
        QString urlError;
        QVERIFY(fixture().client->setBaseUrl(deadUrl, &urlError));
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        // The client's own retries wait for the budget too.
        for (int i = 0; i < 6; ++i) {
            if (QTest::qWaitFor([&] { return m_sync->state() == HistorySync::State::Failed; }, 500))
                break;
            advance(HistorySync::CallIntervalMs + 2000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_sync->state(), HistorySync::State::Failed, 10000);
        const QString text = m_sync->stateText();
        QVERIFY2(text.startsWith(QStringLiteral("Cannot read the history: Cannot reach")),
            qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("Trying again in 1 min.")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("/api")), qPrintable(text));
        QCOMPARE(m_sync->lastError().kind, ApiErrorKind::Network);
        QCOMPARE(m_sync->stored(), HistorySync::PageSize);

        // Still away at the next try: the wait doubles.
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        for (int i = 0; i < 6; ++i) {
            if (QTest::qWaitFor(
                    [&] { return m_sync->stateText().contains(QStringLiteral("2 min")); }, 500))
                break;
            advance(HistorySync::CallIntervalMs + 2000);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_sync->stateText().endsWith(QStringLiteral("Trying again in 2 min.")),
            qPrintable(m_sync->stateText()), 10000);

        // Back: checkNow tries at once (once the budget allows), and it reads on.
        QVERIFY(fixture().client->setBaseUrl(simUrl, &urlError));
        QSignalSpy stored(m_sync.get(), &HistorySync::pageStored);
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        QVERIFY(stored.wait(10000));
        QVERIFY(!m_sync->lastError().isError());
        QVERIFY(m_sync->state() != HistorySync::State::Failed);
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }

    void failedRetriesWithBackOff()
    {
        openSync();
        QVERIFY(firstPage());
        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=503,count=3,path=/api-reporting/v2/incidents")));
        advance(HistorySync::CallIntervalMs + 2000);
        m_sync->checkNow();
        for (int i = 0; i < 6; ++i) {
            if (QTest::qWaitFor([&] { return m_sync->state() == HistorySync::State::Failed; }, 500))
                break;
            advance(HistorySync::CallIntervalMs + 2000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_sync->state(), HistorySync::State::Failed, 10000);
        QVERIFY2(m_sync->stateText().contains(QStringLiteral("server error")),
            qPrintable(m_sync->stateText()));
        // The back-off is counted from the failure; the timer goes off by itself.
        QVERIFY(m_sync->stateText().contains(QStringLiteral("Trying again in")));
    }

    void shiftLogsOfTheTeams()
    {
        const QStringList teams = fixture().ctx().org.teams.keys().mid(0, 2);
        QVERIFY(!teams.isEmpty());
        openSync();
        m_sync->setShiftLog(fixture().demoUser(), teams);
        QVERIFY(firstPage());
        QTRY_COMPARE_WITH_TIMEOUT(m_shiftLogCalls, int(teams.size()), 10000);
        // Stored: the shifts of those teams, from the log.
        HistoryDatabase database(QStringLiteral("tst_historysync_shifts"));
        QString message;
        QCOMPARE(database.open(dbPath(), &message), HistoryDatabase::OpenResult::Opened);
        QString error;
        std::optional<QList<ShiftRecord>> shifts;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shifts = database.loadShifts(&error)) && !shifts->isEmpty(), 10000);
        for (const ShiftRecord& shift : *shifts) {
            QVERIFY(teams.contains(shift.team));
            QVERIFY(!shift.user.isEmpty());
            QVERIFY(shift.onMs > 0);
        }
        // Not again within the hour.
        readToTheEnd();
        QCOMPARE(m_shiftLogCalls, int(teams.size()));
        QCOMPARE(throttled(), quint64(0));
    }

    //! The sync killed (SIGKILL) at random moments in a child process, then resumed here: the
    //! file is whole, and nothing is lost or doubled.
    void survivesBeingKilled()
    {
        const QString statePath = m_dir->filePath(QStringLiteral("org.json"));
        QString error;
        fixture().server->service().context().options.stateFile = statePath;
        QVERIFY2(fixture().server->service().saveState(&error), qPrintable(error));
        const QHash<qint64, Phase> expected = simIncidents();

        QRandomGenerator* random = QRandomGenerator::global();
        int pagesSeen = 0;
        for (int round = 0; round < 8; ++round) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QString::fromLatin1(kChildEnv), dbPath());
            env.insert(QString::fromLatin1(kChildStateEnv), statePath);
            child.setProcessEnvironment(env);
            child.setProgram(QCoreApplication::applicationFilePath());
            child.start();
            QVERIFY(child.waitForStarted(10000));
            QByteArray printed;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    child.waitForReadyRead(50);
                    printed += child.readAllStandardOutput();
                    return printed.contains("ready") || child.state() != QProcess::Running;
                },
                30000));
            // Killed after a random time: before, between or while pages are stored.
            const int after = static_cast<int>(random->bounded(400));
            child.waitForFinished(after);
            if (child.state() == QProcess::Running) {
                child.kill(); // SIGKILL
                QVERIFY(child.waitForFinished(10000));
            }
            printed += child.readAllStandardOutput();
            pagesSeen += static_cast<int>(printed.count("stored"));
            qInfo("round %d: killed after %d ms, %d pages stored%s", round, after,
                static_cast<int>(printed.count("stored")),
                printed.contains("done") ? " (it had finished)" : "");
            // Whatever moment it was killed at, the file opens and holds no doubles.
            if (!QFile::exists(dbPath()))
                continue;
            const StoredSet stored = readFile(dbPath());
            QVERIFY2(stored.ok, "the history file was damaged");
            {
                QCOMPARE(stored.rows, stored.phases.size());
                for (auto it = stored.phases.cbegin(); it != stored.phases.cend(); ++it)
                    QVERIFY(expected.contains(it.key()));
            }
        }

        QVERIFY(pagesSeen > 0);

        // Here, against a simulator of the same org, with its real limits: the rest.
        closeSync();
        m_fixture.reset();
        startFixture(statePath);
        QCOMPARE(simIncidents(), expected);
        openSync();
        QVERIFY(firstPage());
        readToTheEnd();
        QCOMPARE(m_sync->state(), HistorySync::State::CaughtUp);
        compareWithSimulator();
        QCOMPARE(throttled(), quint64(0));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString childDb = qEnvironmentVariable(kChildEnv);
    if (!childDb.isEmpty())
        return runChild(childDb, qEnvironmentVariable(kChildStateEnv));
    TestHistorySync test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historysync.moc"
