// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// IncidentActions against an in-process rota-sim over real HTTP: rows change at once and then
// follow the server; acknowledging and resolving land in the simulator; an injected server error
// rolls every row back with the error in words; an incident the server refuses (cmdAccepted
// false) rolls back on its own with the server's message; a refresh arriving while an action is
// pending does not undo it; "ack/resolve all paging me"; reroute with full, partial and no
// success; every action held back by the rate limit is listed in HeldCalls with its own words,
// and cancelling it there sends nothing and puts the rows back.

#include "heldcalls.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::otherUser;
using rota::test::SimFixture;
using rota::test::simPhase;

namespace {

using Pending = IncidentModel::PendingAction;

QString newIncident(SimFixture& fixture, const QString& summary, const QString& user)
{
    return test::newSimIncident(fixture, summary, { user });
}

QList<Incident> fetch(SimFixture& fixture)
{
    const ApiCall<IncidentList> call = calls::listIncidents(*fixture.client);
    if (!test::waitFor(call.reply) || !call.reply->ok())
        return {};
    return call.value().incidents;
}

} // namespace

class TestIncidentActions : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<IncidentActions> m_actions;

    SimFixture& fixture() { return *m_fixture; }
    IncidentModel& model() { return *m_model; }
    int row(const QString& number) const { return m_model->rowOf(number); }
    Phase phase(const QString& number) const { return m_model->phaseAt(row(number)); }
    Pending pending(const QString& number) const { return m_model->pendingAt(row(number)); }

    //! The next call of `method` `path` is answered as throttled (429, Retry-After: 60), which
    //! holds that operation back in the client for a minute.
    void throttleNext(const char* method, const char* path)
    {
        fixture().ctx().options.throttleStatus = 429;
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("throttle,count=1,method=%1,path=%2")
                .arg(QLatin1String(method), QLatin1String(path)));
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    }

    //! The one call listed as held (waits for it); id 0 when none came.
    HeldCalls::Call heldCall()
    {
        HeldCalls* held = HeldCalls::of(fixture().client.get());
        if (!QTest::qWaitFor([held] { return !held->calls().isEmpty(); }, 10000))
            return {};
        return held->calls().constFirst();
    }

    bool load()
    {
        const QList<Incident> incidents = fetch(fixture());
        if (incidents.isEmpty())
            return false;
        m_model->applySnapshot(incidents);
        return true;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_model = std::make_unique<IncidentModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setIdentity(m_fixture->demoUser());
        m_actions = std::make_unique<IncidentActions>(m_fixture->client.get(), m_model.get());
    }

    void cleanup()
    {
        m_actions.reset();
        m_tester.reset();
        m_model.reset();
        m_fixture.reset();
    }

    void acknowledgeLandsOnTheServer()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString b = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        QVERIFY(load());
        QCOMPARE(phase(a), Phase::Triggered);
        const int acked = model().count(Phase::Acknowledged);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);

        QCOMPARE(m_actions->acknowledge({ a, b }, QStringLiteral("On it")), (QStringList { a, b }));
        // At once, before any answer.
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(phase(b), Phase::Acknowledged);
        QCOMPARE(pending(a), Pending::Acknowledge);
        QCOMPARE(model().index(row(a), 0).data(IncidentModel::PendingRole).toInt(),
            int(Pending::Acknowledge));
        QCOMPARE(model().count(Phase::Acknowledged), acked + 2);
        QCOMPARE(m_actions->pendingCalls(), 1);
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("UNACKED"));

        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<IncidentActions::Action>(),
            IncidentActions::Action::Acknowledge);
        QCOMPARE(finished.at(0).at(1).toStringList(), (QStringList { a, b }));
        QVERIFY(finished.at(0).at(2).toStringList().isEmpty());
        QCOMPARE(m_actions->pendingCalls(), 0);
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(pending(a), Pending::None);
        QVERIFY(model().errorAt(row(a)).isEmpty());

        // The server agrees.
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("ACKED"));
        QCOMPARE(simPhase(fixture(), b), QStringLiteral("ACKED"));
        QCOMPARE(fixture().ctx().org.incidents.value(a.toInt()).transitions.last().message,
            QStringLiteral("On it"));
        const ApiCall<Incident> check = calls::getIncident(*fixture().client, a);
        ROTA_EXPECT_OK(check);
        QCOMPARE(check.value().phase, Phase::Acknowledged);
        // And the next refresh changes nothing about it.
        QVERIFY(load());
        QCOMPARE(phase(a), Phase::Acknowledged);
    }

    void resolveWithMessage()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        QVERIFY(load());
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QCOMPARE(m_actions->resolve({ a }, QStringLiteral("Freed 20 GB")), QStringList { a });
        QCOMPARE(phase(a), Phase::Resolved);
        QCOMPARE(pending(a), Pending::Resolve);
        QVERIFY(finished.wait(5000));
        QCOMPARE(phase(a), Phase::Resolved);
        QCOMPARE(pending(a), Pending::None);
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("RESOLVED"));
        QCOMPARE(fixture().ctx().org.incidents.value(a.toInt()).transitions.last().message,
            QStringLiteral("Freed 20 GB"));
        // Resolved incidents leave the service's list of current ones; the model keeps the row,
        // resolved, for the user to see what became of it.
        QVERIFY(load());
        QVERIFY(row(a) >= 0);
        QCOMPARE(phase(a), Phase::Resolved);
        QCOMPARE(m_model->count(Phase::Resolved), 1);
    }

    void serverErrorRollsEveryRowBack()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString b = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        QVERIFY(load());
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,count=1,path=/api-public/v1/incidents/ack"));
        QVERIFY(!problem);
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QSignalSpy counts(m_model.get(), &IncidentModel::countsChanged);

        m_actions->acknowledge({ a, b });
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(phase(b), Phase::Acknowledged);
        QVERIFY(failed.wait(5000));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Could not acknowledge 2 incidents: ")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("HTTP 500")), qPrintable(message));
        QCOMPARE(finished.count(), 0);

        for (const QString& number : { a, b }) {
            QCOMPARE(phase(number), Phase::Triggered);
            QCOMPARE(pending(number), Pending::None);
            QVERIFY2(model().errorAt(row(number)).contains(QStringLiteral("HTTP 500")),
                qPrintable(model().errorAt(row(number))));
            QCOMPARE(simPhase(fixture(), number), QStringLiteral("UNACKED"));
        }
        QVERIFY(counts.count() >= 2); // up, and back down

        // The fault is spent: trying again works and clears the error.
        m_actions->acknowledge({ a });
        QVERIFY(model().errorAt(row(a)).isEmpty());
        QVERIFY(finished.wait(5000));
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("ACKED"));
    }

    void refusedIncidentRollsBackAlone()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString b = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        QVERIFY(load());
        // Someone else acknowledges `a` meanwhile; our model still shows it triggered.
        AckResolveRequest other;
        other.userName = otherUser(fixture());
        other.incidentNames = { a };
        const ApiCall<AckResolveResults> elsewhere = calls::ackIncidents(*fixture().client, other);
        ROTA_EXPECT_OK(elsewhere);
        QCOMPARE(phase(a), Phase::Triggered);

        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        m_actions->acknowledge({ a, b });
        QCOMPARE(phase(a), Phase::Acknowledged);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList { b });
        QCOMPARE(finished.at(0).at(2).toStringList(), QStringList { a });

        QCOMPARE(phase(a), Phase::Triggered); // rolled back to what the model knew
        QCOMPARE(pending(a), Pending::None);
        QCOMPARE(model().index(row(a), 0).data(IncidentModel::ErrorRole).toString(),
            QStringLiteral("Incident is already acknowledged"));
        QCOMPARE(phase(b), Phase::Acknowledged);
        QVERIFY(model().errorAt(row(b)).isEmpty());
        // The next refresh shows the truth.
        QVERIFY(load());
        QCOMPARE(phase(a), Phase::Acknowledged);
    }

    void refreshWhilePendingKeepsTheOptimisticState()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        QVERIFY(load());
        QList<Incident> stale = fetch(fixture()); // taken before the ack
        QVERIFY(!stale.isEmpty());
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("slow,ms=800,path=/api-public/v1/incidents/ack"));
        QVERIFY(!problem);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);

        m_actions->acknowledge({ a });
        QTest::qWait(100);
        QCOMPARE(pending(a), Pending::Acknowledge);
        // A refresh arrives while the ack is on its way: one taken before it, and a fresh one.
        for (qsizetype i = 0; i < stale.size(); ++i) {
            if (stale[i].incidentNumber == a)
                stale[i].alertCount = 7;
        }
        model().applySnapshot(stale);
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(pending(a), Pending::Acknowledge);
        QCOMPARE(model().incidentAt(row(a)).alertCount, 7); // the rest of the row did update
        QVERIFY(load());
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(pending(a), Pending::Acknowledge);

        QVERIFY(finished.wait(5000));
        QCOMPARE(pending(a), Pending::None);
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("ACKED"));
    }

    void olderRefreshAfterAcceptanceKeepsThePhase()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        IncidentPoller poller(fixture().client.get(), m_model.get());
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(phase(a), Phase::Triggered);

        // A refresh whose answer the service computes now and delivers late...
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("slow,ms=800,method=GET,path=/api-public/v1/incidents"));
        QVERIFY(!problem);
        poller.refresh();
        QTest::qWait(200);
        // ...overtaken by an ack.
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        m_actions->acknowledge({ a });
        QVERIFY(finished.wait(5000));
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(refreshed.count(), 1);

        QVERIFY(refreshed.wait(5000));
        bool olderAnswer = false;
        for (const Incident& incident : refreshed.last().at(0).value<QList<Incident>>())
            olderAnswer = olderAnswer
                || (incident.incidentNumber == a && incident.phase == Phase::Triggered);
        QVERIFY2(olderAnswer, "the refresh's answer should predate the ack");
        QCOMPARE(phase(a), Phase::Acknowledged); // not flipped back
        QCOMPARE(pending(a), Pending::None);

        fixture().server->service().faults().clear();
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(phase(a), Phase::Acknowledged);
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("ACKED"));
    }

    void ackAndResolveAllPagingMe()
    {
        const QString other = otherUser(fixture());
        const QString p1
            = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString p2 = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        const QString o1 = newIncident(fixture(), QStringLiteral("Not mine"), other);
        QVERIFY(load());
        // Paged after our last refresh: the server acts on it too.
        const QString p3
            = newIncident(fixture(), QStringLiteral("Late page"), fixture().demoUser());
        QCOMPARE(row(p3), -1);
        QVERIFY(model().isPagingMe(row(p1)));
        QVERIFY(!model().isPagingMe(row(o1)));

        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        m_actions->acknowledgeAllPagingMe(QStringLiteral("Mine"));
        QCOMPARE(phase(p1), Phase::Acknowledged);
        QCOMPARE(phase(p2), Phase::Acknowledged);
        QCOMPARE(pending(p1), Pending::Acknowledge);
        QCOMPARE(phase(o1), Phase::Triggered);
        QCOMPARE(pending(o1), Pending::None);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<IncidentActions::Action>(),
            IncidentActions::Action::AcknowledgeAllPagingMe);
        const QStringList accepted = finished.at(0).at(1).toStringList();
        QVERIFY(accepted.contains(p1) && accepted.contains(p2) && accepted.contains(p3));
        QVERIFY(!accepted.contains(o1));
        QCOMPARE(pending(p1), Pending::None);
        QCOMPARE(phase(p1), Phase::Acknowledged);
        QCOMPARE(simPhase(fixture(), p1), QStringLiteral("ACKED"));
        QCOMPARE(simPhase(fixture(), p3), QStringLiteral("ACKED"));
        QCOMPARE(simPhase(fixture(), o1), QStringLiteral("UNACKED"));
        QCOMPARE(model().countPagingMe(Phase::Triggered), 0);

        finished.clear();
        m_actions->resolveAllPagingMe();
        QCOMPARE(phase(p2), Phase::Resolved);
        QCOMPARE(pending(p2), Pending::Resolve);
        QCOMPARE(phase(o1), Phase::Triggered);
        QVERIFY(finished.wait(5000));
        QCOMPARE(phase(p2), Phase::Resolved);
        QCOMPARE(pending(p2), Pending::None);
        QCOMPARE(simPhase(fixture(), p2), QStringLiteral("RESOLVED"));
        QCOMPARE(simPhase(fixture(), o1), QStringLiteral("UNACKED"));
    }

    void allPagingMeFailureRollsBack()
    {
        const QString p1
            = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        QVERIFY(load());
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("error,status=503,count=1,path=/api-public/v1/incidents/byUser/ack"));
        QVERIFY(!problem);
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        m_actions->acknowledgeAllPagingMe();
        QCOMPARE(phase(p1), Phase::Acknowledged);
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().startsWith(
                     QStringLiteral("Could not acknowledge the incidents paging you: ")),
            qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(phase(p1), Phase::Triggered);
        QCOMPARE(pending(p1), Pending::None);
        QCOMPARE(simPhase(fixture(), p1), QStringLiteral("UNACKED"));
    }

    void createOpensAnIncident()
    {
        const QString other = otherUser(fixture());
        const int before = int(fixture().ctx().org.incidents.size());
        QSignalSpy created(m_actions.get(), &IncidentActions::created);
        QSignalSpy failed(m_actions.get(), &IncidentActions::createFailed);
        CreateIncidentRequest request;
        request.summary = QStringLiteral("Printer on fire");
        request.details = QStringLiteral("Smoke in room 4");
        request.targets = { IncidentTarget::user(other) };
        const quint64 ticket = m_actions->create(request);
        QVERIFY(ticket != 0);
        QCOMPARE(m_actions->pendingCalls(), 1);
        QVERIFY(created.wait(5000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(m_actions->pendingCalls(), 0);
        QCOMPARE(created.first().at(0).toULongLong(), ticket);
        const QString number = created.first().at(1).toString();
        QVERIFY(!number.isEmpty());
        QCOMPARE(int(fixture().ctx().org.incidents.size()), before + 1);
        const auto& made = fixture().ctx().org.incidents.value(number.toInt());
        QCOMPARE(made.pagedUsers, QStringList { other });
        QCOMPARE(made.phase, QStringLiteral("UNACKED"));

        // A refusal comes in words with its own ticket; nothing is created.
        const auto problem = fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,path=/api-public/v1/incidents,method=POST"));
        QVERIFY(!problem.has_value());
        const quint64 second = m_actions->create(request);
        QVERIFY(second != ticket);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toULongLong(), second);
        const QString words = failed.first().at(1).toString();
        QVERIFY2(words.startsWith(QStringLiteral("Could not create the incident: "))
                && words.size() > 35,
            qPrintable(words));
        QCOMPARE(created.size(), 1);
        QCOMPARE(int(fixture().ctx().org.incidents.size()), before + 1);
    }

    void reroute()
    {
        const QString other = otherUser(fixture());
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString b = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        const QString c = newIncident(fixture(), QStringLiteral("Fan"), fixture().demoUser());
        QVERIFY(load());
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);

        // All targets exist.
        QCOMPARE(m_actions->reroute({ a }, { IncidentTarget::user(other) }), QStringList { a });
        QCOMPARE(pending(a), Pending::Reroute);
        QCOMPARE(phase(a), Phase::Triggered); // a reroute does not change the phase shown
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList { a });
        QCOMPARE(pending(a), Pending::None);
        QVERIFY(model().errorAt(row(a)).isEmpty());
        QCOMPARE(fixture().ctx().org.incidents.value(a.toInt()).pagedUsers, QStringList { other });

        // One target of two is unknown: rerouted, and the row says who was not paged.
        finished.clear();
        m_actions->reroute({ b },
            { IncidentTarget::user(other), IncidentTarget::user(QStringLiteral("nobody.x")) },
            true);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList { b });
        QVERIFY2(model().errorAt(row(b)).startsWith(QStringLiteral("Not paged: nobody.x")),
            qPrintable(model().errorAt(row(b))));
        QVERIFY(fixture().ctx().org.incidents.value(b.toInt()).pagedUsers.contains(other));

        // No target exists: refused, with the server's message.
        finished.clear();
        m_actions->reroute({ c }, { IncidentTarget::policy(QStringLiteral("pol-nothing")) });
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(2).toStringList(), QStringList { c });
        QVERIFY2(model().errorAt(row(c)).startsWith(QStringLiteral("None of the targets exist")),
            qPrintable(model().errorAt(row(c))));
        QCOMPARE(pending(c), Pending::None);
        QCOMPARE(fixture().ctx().org.incidents.value(c.toInt()).pagedUsers,
            QStringList { fixture().demoUser() });
    }

    void leavesOutPendingAndDoneRows()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        QVERIFY(load());
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QCOMPARE(m_actions->acknowledge({ a, a }), QStringList { a });
        QVERIFY(m_actions->acknowledge({ a }).isEmpty()); // pending
        QVERIFY(m_actions->resolve({ a }).isEmpty()); // pending
        QCOMPARE(m_actions->pendingCalls(), 1);
        QVERIFY(finished.wait(5000));
        QVERIFY(m_actions->acknowledge({ a }).isEmpty()); // already acknowledged
        QCOMPARE(m_actions->pendingCalls(), 0);
        QCOMPARE(m_actions->resolve({ a }), QStringList { a });
        QVERIFY(finished.wait(5000));
        QVERIFY(m_actions->resolve({ a }).isEmpty()); // already resolved
        QCOMPARE(simPhase(fixture(), a), QStringLiteral("RESOLVED"));
    }

    //! Acknowledge and resolve of several, "all paging me" and reroute: each held call is listed
    //! with its words; cancelled, nothing reaches the server and the rows are as before.
    void heldActionsAreListedAndCancelSendsNothing()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        const QString b = newIncident(fixture(), QStringLiteral("CPU hot"), fixture().demoUser());
        QVERIFY(load());
        HeldCalls* held = HeldCalls::of(fixture().client.get());
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);

        struct Case {
            const char* method;
            const char* path;
            std::function<void()> act;
            QString what;
            QString cancelled;
        };
        const QList<Case> cases {
            { "PATCH", "/api-public/v1/incidents/ack",
                [&] {
                    m_actions->acknowledge({ a, b });
                },
                QStringLiteral("Acknowledge 2 incidents"),
                QStringLiteral("Acknowledging 2 incidents was cancelled; nothing was sent.") },
            { "PATCH", "/api-public/v1/incidents/resolve",
                [&] {
                    m_actions->resolve({ a, b });
                },
                QStringLiteral("Resolve 2 incidents"),
                QStringLiteral("Resolving 2 incidents was cancelled; nothing was sent.") },
            { "PATCH", "/api-public/v1/incidents/byUser/ack",
                [&] { m_actions->acknowledgeAllPagingMe(); },
                QStringLiteral("Acknowledge the incidents paging you"),
                QStringLiteral(
                    "Acknowledging the incidents paging you was cancelled; nothing was sent.") },
            { "PATCH", "/api-public/v1/incidents/byUser/resolve",
                [&] { m_actions->resolveAllPagingMe(); },
                QStringLiteral("Resolve the incidents paging you"),
                QStringLiteral(
                    "Resolving the incidents paging you was cancelled; nothing was sent.") },
            { "POST", "/api-public/v1/incidents/reroute",
                [&] { m_actions->reroute({ a }, { IncidentTarget::user(otherUser(fixture())) }); },
                QStringLiteral("Reroute #%1").arg(a),
                QStringLiteral("Rerouting #%1 was cancelled; nothing was sent.").arg(a) },
        };
        for (const Case& c : cases) {
            // The first call is answered as throttled; the user tries again, and that one waits.
            throttleNext(c.method, c.path);
            failed.clear();
            c.act();
            QVERIFY(failed.wait(5000));
            QCOMPARE(pending(a), Pending::None);
            const quint64 throttled = fixture().server->service().throttledAnswers();

            c.act();
            QVERIFY(pending(a) != Pending::None);
            QVERIFY(pending(b) != Pending::None || c.what.startsWith(QLatin1String("Reroute")));
            const HeldCalls::Call call = heldCall();
            QCOMPARE(call.what, c.what);
            QVERIFY2(call.msLeft > 30000 && call.msLeft <= 60000, qPrintable(c.what));
            QCOMPARE(m_actions->pendingCalls(), 1);

            QVERIFY(held->cancel(call.id));
            QCOMPARE(failed.count(), 2);
            QCOMPARE(failed.last().at(0).toString(), c.cancelled);
            QVERIFY(held->calls().isEmpty());
            QCOMPARE(m_actions->pendingCalls(), 0);
            QCOMPARE(fixture().client->scheduler()->queued(), 0);
            // The rows are as before and say why.
            QCOMPARE(phase(a), Phase::Triggered);
            QCOMPARE(phase(b), Phase::Triggered);
            QCOMPARE(pending(a), Pending::None);
            QCOMPARE(pending(b), Pending::None);
            QCOMPARE(model().errorAt(row(a)), QStringLiteral("Cancelled."));
            // Nothing reached the server.
            QTest::qWait(200);
            QCOMPARE(fixture().server->service().throttledAnswers(), throttled);
            QCOMPARE(simPhase(fixture(), a), QStringLiteral("UNACKED"));
            QCOMPARE(simPhase(fixture(), b), QStringLiteral("UNACKED"));
            QCOMPARE(fixture().ctx().org.incidents.value(a.toInt()).pagedUsers,
                QStringList { fixture().demoUser() });
            QCOMPARE(finished.count(), 0);
        }
    }

    //! Opening an incident held back: listed as "Open incident …"; cancelled, nothing is opened
    //! and the ticket's createFailed() says so.
    void heldCreateIsListedAndCancelOpensNothing()
    {
        HeldCalls* held = HeldCalls::of(fixture().client.get());
        QSignalSpy failed(m_actions.get(), &IncidentActions::createFailed);
        QSignalSpy created(m_actions.get(), &IncidentActions::created);
        CreateIncidentRequest request;
        request.summary = QStringLiteral("Printer on fire");
        request.targets = { IncidentTarget::user(otherUser(fixture())) };
        throttleNext("POST", "/api-public/v1/incidents");
        m_actions->create(request);
        QVERIFY(failed.wait(5000));
        const int before = int(fixture().ctx().org.incidents.size());

        const quint64 ticket = m_actions->create(request);
        const HeldCalls::Call call = heldCall();
        QCOMPARE(call.what, QStringLiteral("Open incident \u201cPrinter on fire\u201d"));
        QVERIFY(held->cancel(call.id));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.last().at(0).toULongLong(), ticket);
        QCOMPARE(failed.last().at(1).toString(),
            QStringLiteral(
                "Opening incident \u201cPrinter on fire\u201d was cancelled; nothing was "
                "sent."));
        QCOMPARE(m_actions->pendingCalls(), 0);
        QTest::qWait(200);
        QCOMPARE(created.count(), 0);
        QCOMPARE(int(fixture().ctx().org.incidents.size()), before);
        QCOMPARE(fixture().client->scheduler()->queued(), 0);
    }

    void noActingUser()
    {
        const QString a = newIncident(fixture(), QStringLiteral("Disk full"), fixture().demoUser());
        QVERIFY(load());
        Credentials credentials = fixture().client->credentials();
        credentials.username.clear();
        fixture().client->setCredentials(credentials);
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        QVERIFY(m_actions->acknowledge({ a }).isEmpty());
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("no acting user")),
            qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(phase(a), Phase::Triggered);
        QCOMPARE(pending(a), Pending::None);
        QCOMPARE(m_actions->pendingCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIncidentActions)
#include "tst_incidentactions.moc"
