// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// AwayPages against an in-process rota-sim over real HTTP, with the rate limits enforced: an
// incident that paged the demo user and was resolved between two refreshes is found in the
// incident history and listed (resolved by whom and when); one the refreshes saw open is not; one
// that paged only another user is not. The history is asked at most once a minute (counted as
// network exchanges of that operation; the simulator never has to throttle), only when a gap is
// worth checking, at once (once allowed) on checkNow(), and again a minute on (for a while) when
// the history lags behind the current list; a dismissed incident never comes back.
//
// Time: the test moves one clock for AwayPages, the client's rate scheduler and the simulator
// together, and clears the simulator's count of calls when a minute has passed on it.

#include "awaypages.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "operations.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

class TestAwayPages : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_incidents;
    std::unique_ptr<IncidentPoller> m_poller;
    std::unique_ptr<AwayPagesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<AwayPages> m_away;
    QDateTime m_start;
    qint64 m_offsetMs = 0; //!< how far the test moved time
    qint64 m_forgotAtMs = 0; //!< when the simulator last forgot the calls it counted
    int m_historyCalls = 0;

    SimFixture& fixture() { return *m_fixture; }
    QDateTime now() const { return m_start.addMSecs(m_offsetMs); }

    //! Time passes for everyone: AwayPages, the scheduler, the simulator. When a minute went by,
    //! the simulator forgets the calls it counted (as the real service would by then).
    void advance(qint64 ms)
    {
        m_offsetMs += ms;
        fixture().ctx().clockOffsetMs = m_offsetMs;
        if (m_offsetMs - m_forgotAtMs >= 60 * 1000) {
            forgetSimulatorCalls();
            m_forgotAtMs = m_offsetMs;
        }
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

    //! A new incident in the simulator, paging `user` directly, started now.
    QString page(const QString& summary, const QString& user)
    {
        return test::newSimIncident(fixture(), summary, { user }, now());
    }

    //! A colleague resolves the incident through the public API.
    bool resolveAs(const QString& user, const QString& number)
    {
        AckResolveRequest request;
        request.userName = user;
        request.incidentNames = { number };
        auto call = calls::resolveIncidents(*fixture().client, request);
        if (!test::waitFor(call.reply))
            return false;
        return call.reply->ok() && call.value().allAccepted();
    }

    bool refresh()
    {
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_poller->refresh();
        return refreshed.wait(10000);
    }

    //! Waits for the check in flight, if any; true when it was answered.
    bool waitForCheck()
    {
        if (!m_away->isChecking())
            return true;
        QSignalSpy checked(m_away.get(), &AwayPages::checked);
        QSignalSpy failed(m_away.get(), &AwayPages::checkFailed);
        if (!QTest::qWaitFor([&] { return !checked.isEmpty() || !failed.isEmpty(); }, 10000))
            return false;
        return !checked.isEmpty();
    }

    QStringList listed() const
    {
        QStringList numbers;
        for (const AwayPage& page : m_model->pages())
            numbers << page.incidentNumber;
        return numbers;
    }

    quint64 throttled() { return fixture().server->service().throttledAnswers(); }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_start = QDateTime::currentDateTimeUtc();
        m_offsetMs = 0;
        m_forgotAtMs = 0;
        m_historyCalls = 0;
        const qint64 monotonicStart = 1000 * 1000;
        fixture().client->scheduler()->setClock(
            [this, monotonicStart] { return monotonicStart + m_offsetMs; });
        connect(
            fixture().client.get(), &ApiClient::exchanged, this, [this](const QString& operation) {
                m_historyCalls += operation == ops::searchIncidentHistory.key() ? 1 : 0;
            });
        m_incidents = std::make_unique<IncidentModel>();
        m_incidents->setIdentity(fixture().demoUser());
        m_poller = std::make_unique<IncidentPoller>(fixture().client.get(), m_incidents.get());
        m_model = std::make_unique<AwayPagesModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_away = std::make_unique<AwayPages>(fixture().client.get(), m_model.get());
        m_away->setClock([this] { return now(); });
        connect(m_poller.get(), &IncidentPoller::refreshed, m_away.get(), &AwayPages::noteRefresh);
    }

    void cleanup()
    {
        m_away.reset();
        m_tester.reset();
        m_model.reset();
        m_poller.reset();
        m_incidents.reset();
        m_fixture.reset();
    }

    void findsWhatCameAndWentOncePerMinute()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        const QString me = fixture().demoUser();
        const QString colleague = test::otherUser(fixture());
        QVERIFY(!colleague.isEmpty());

        // The first refresh starts the watch: nothing was missed yet, nothing is asked.
        QVERIFY(refresh());
        QCOMPARE(m_historyCalls, 0);
        QVERIFY(!m_away->isCheckDue());

        // A page Rota sees open: no gap, no call.
        advance(5 * 1000);
        const QString seen = page(QStringLiteral("Seen while open"), me);
        QVERIFY(refresh());
        QVERIFY(m_incidents->rowOf(seen) >= 0);
        QCOMPARE(m_historyCalls, 0);
        QVERIFY(!m_away->isCheckDue());

        // Between two refreshes: a page of mine comes and goes, one for a colleague only comes and
        // goes, and the one Rota saw is resolved too.
        advance(5 * 1000);
        const QString away = page(QStringLiteral("Came and went"), me);
        const QString others = page(QStringLiteral("Not mine"), colleague);
        advance(5 * 1000);
        QVERIFY(resolveAs(colleague, away));
        QVERIFY(resolveAs(colleague, others));
        QVERIFY(resolveAs(colleague, seen));
        advance(5 * 1000);
        QVERIFY(refresh());
        QCOMPARE(m_historyCalls + (m_away->isChecking() ? 1 : 0), 1);
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 1);
        QCOMPARE(listed(), QStringList { away });
        const AwayPage& found = m_model->pages().constFirst();
        QCOMPARE(found.summary, QStringLiteral("Came and went"));
        QCOMPARE(found.resolvedBy, colleague);
        QVERIFY(found.resolvedAt.isValid());
        QVERIFY(found.started.isValid());
        QCOMPARE(
            m_model->summaryText(), QStringLiteral("1 incident paged you while you were away"));
        QVERIFY(m_model->data(m_model->index(0, AwayPagesModel::ResolvedColumn))
                    .toString()
                    .contains(colleague));

        // Another one comes and goes within the minute: due, but not asked before the minute is
        // over, however many refreshes come.
        advance(10 * 1000);
        const QString later = page(QStringLiteral("Came and went later"), me);
        QVERIFY(resolveAs(me, later));
        advance(10 * 1000);
        QVERIFY(refresh());
        QVERIFY(m_away->isCheckDue());
        QVERIFY(!m_away->isChecking());
        advance(20 * 1000);
        QVERIFY(refresh());
        QCOMPARE(m_historyCalls, 1);
        QCOMPARE(listed(), QStringList { away });

        // A minute after the first check: the next refresh asks again. The first one is not
        // listed twice; the seen one and the colleague's still are not listed.
        advance(61 * 1000);
        QVERIFY(refresh());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 2);
        QCOMPARE(listed(), (QStringList { later, away })); // newest first
        QCOMPARE(m_model->pages().constFirst().resolvedBy, me);

        // Nothing new: refreshes a minute apart ask nothing more.
        advance(61 * 1000);
        QVERIFY(refresh());
        QVERIFY(!m_away->isChecking());
        QCOMPARE(m_historyCalls, 2);

        // Dismissed, they do not come back, though the history lists them again.
        m_model->dismiss();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->summaryText(), QString());
        advance(10 * 1000);
        const QString third = page(QStringLiteral("After the dismissal"), me);
        QVERIFY(resolveAs(colleague, third));
        advance(5 * 1000);
        QVERIFY(refresh());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 3);
        QCOMPARE(listed(), QStringList { third });

        QCOMPARE(throttled(), quint64(0)); // the simulator never had to refuse a call
        QCOMPARE(reset.size(), 0);
    }

    void checkNowOnceAllowed()
    {
        const QString me = fixture().demoUser();
        // Before any refresh there is no gap to check.
        m_away->checkNow();
        QVERIFY(!m_away->isChecking());
        QCOMPARE(m_historyCalls, 0);

        QVERIFY(refresh());
        // A resume: something came and went while the computer slept; no refresh saw a trace
        // of it yet, the check goes at once.
        advance(30 * 1000);
        const QString slept = page(QStringLiteral("While asleep"), me);
        QVERIFY(resolveAs(test::otherUser(fixture()), slept));
        advance(30 * 1000);
        m_away->checkNow();
        QVERIFY(m_away->isChecking());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 1);
        QCOMPARE(listed(), QStringList { slept });
        // The refresh after the resume shows it resolved: already listed, no reason to ask again.
        QVERIFY(refresh());
        QVERIFY(!m_away->isCheckDue());

        // Asked again at once (the network came back too): it waits for the minute.
        advance(5 * 1000);
        m_away->checkNow();
        QVERIFY(!m_away->isChecking());
        QVERIFY(m_away->isCheckDue());
        QCOMPARE(m_historyCalls, 1);
        advance(57 * 1000); // the scheduler's minute has a safety margin of its own
        m_away->checkNow();
        QVERIFY(m_away->isChecking());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 2);
        QCOMPARE(listed(), QStringList { slept });
        QCOMPARE(throttled(), quint64(0));
    }

    void gapsWithoutATrace()
    {
        // Skipped incident numbers are a gap even when the current list shows nothing of them.
        Incident first;
        first.incidentNumber = QStringLiteral("100000");
        first.phase = Phase::Triggered;
        m_away->noteRefresh({ first });
        QVERIFY(!m_away->isCheckDue());
        advance(5 * 1000);
        Incident next = first;
        next.incidentNumber = QStringLiteral("100001");
        m_away->noteRefresh({ first, next });
        QVERIFY(!m_away->isCheckDue()); // one more, seen: no gap
        advance(5 * 1000);
        Incident skipped = first;
        skipped.incidentNumber = QStringLiteral("100003");
        m_away->noteRefresh({ first, next, skipped });
        QVERIFY(m_away->isChecking()); // 100002 came and went unseen
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 1);

        // With no trace at all, the history is still looked at now and then.
        advance(62 * 1000);
        m_away->noteRefresh({ first, next, skipped });
        QVERIFY(!m_away->isChecking());
        QVERIFY(!m_away->isCheckDue());
        advance(AwayPages::SweepIntervalMs);
        m_away->noteRefresh({ first, next, skipped });
        QVERIFY(m_away->isChecking());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 2);
        QCOMPARE(throttled(), quint64(0));
    }

    void readsALongAnswerPageByPage()
    {
        const QString me = fixture().demoUser();
        QVERIFY(refresh());
        // More pages came and went than the history gives at once.
        advance(5 * 1000);
        const int count = AwayPages::PageLimit + 5;
        QStringList created;
        for (int i = 0; i < count; ++i)
            created << test::newSimIncident(
                fixture(), QStringLiteral("Flapping %1").arg(i), { me }, now().addMSecs(-500 * i));
        auto resolved = calls::resolveIncidentsByUser(*fixture().client, me);
        ROTA_EXPECT_OK(resolved);
        advance(5 * 1000);
        QVERIFY(refresh());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 1);
        QCOMPARE(m_model->rowCount(), AwayPages::PageLimit);
        QVERIFY(m_away->isCheckDue()); // the rest a minute on

        advance(62 * 1000);
        QVERIFY(refresh());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 2);
        QCOMPARE(m_model->rowCount(), count);
        for (const QString& number : std::as_const(created))
            QVERIFY2(m_model->rowOf(number) >= 0, qPrintable(number));
        QVERIFY(!m_away->isCheckDue());
        QVERIFY(m_away->awaited().isEmpty());

        advance(62 * 1000);
        QVERIFY(refresh());
        QVERIFY(!m_away->isChecking());
        QCOMPARE(m_historyCalls, 2);
        QCOMPARE(throttled(), quint64(0));
    }

    void waitsForTheHistoryToCatchUp()
    {
        const QString me = fixture().demoUser();
        Incident open;
        open.incidentNumber = QStringLiteral("200000");
        open.phase = Phase::Triggered;
        m_away->noteRefresh({ open });

        // Resolved and never seen, but paging only someone else: not worth a call.
        advance(5 * 1000);
        Incident others;
        others.incidentNumber = QStringLiteral("200001");
        others.phase = Phase::Resolved;
        others.pagedUsers = { test::otherUser(fixture()) };
        m_away->noteRefresh({ open, others });
        QVERIFY(!m_away->isCheckDue());
        QCOMPARE(m_historyCalls, 0);

        // Resolved, never seen, paging me, and not in the history yet (it lags): the check
        // finds nothing, and asks again a minute on, about the same span.
        advance(5 * 1000);
        Incident lagging = others;
        lagging.incidentNumber = QStringLiteral("200002");
        lagging.pagedUsers = { me };
        const QDateTime since = m_away->uncheckedSince();
        m_away->noteRefresh({ open, others, lagging });
        QVERIFY(m_away->isChecking());
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 1);
        QCOMPARE(m_away->awaited(), QStringList { lagging.incidentNumber });
        QVERIFY(m_away->isCheckDue());
        QCOMPARE(m_away->uncheckedSince(), since);
        advance(30 * 1000);
        m_away->noteRefresh({ open, others, lagging });
        QCOMPARE(m_historyCalls, 1); // not within the minute
        advance(32 * 1000);
        m_away->noteRefresh({ open, others, lagging });
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 2);
        QVERIFY(m_away->isCheckDue());

        // Not for ever: after a quarter of an hour it stops waiting.
        advance(AwayPages::MaxLagWaitMs);
        m_away->noteRefresh({ open, others, lagging });
        QVERIFY(waitForCheck());
        QCOMPARE(m_historyCalls, 3);
        QVERIFY(m_away->awaited().isEmpty());
        QVERIFY(!m_away->isCheckDue());
        QVERIFY(m_away->uncheckedSince() > since);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(throttled(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestAwayPages)
#include "tst_awaypages.moc"
