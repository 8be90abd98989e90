// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Writes whose answer is lost end in the server's truth, shown truthfully, nothing applied twice.
// Against an in-process rota-sim over real HTTP, with its `lost` fault (the operation is applied,
// then the connection closes without an answer) and its `drop` fault (the connection closes, the
// operation is not applied):
// - acknowledge and resolve: the rows say "not confirmed yet" until the refresh the actions ask
//   for, which settles them to the server's phase (an acknowledgement that was not applied: the
//   row shows the real phase and says so, and actionFailed() tells); the call is sent once;
// - override delete: a delete resent after a lost answer and answered 404 is done; a delete whose
//   every answer was lost is decided by reading the override back;
// - paging policy save: a rule delete and a step update whose answers were lost are read back and
//   not sent again when applied (rules A,B,C, delete B: exactly A,C remain); one that was not
//   applied is sent again against the positions read back; a policy changed in another way
//   meanwhile stops the save with the edits kept.
// And the model alone: a snapshot requested before the answer was lost does not settle a row.

#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "overridecontroller.h"
#include "overridemodel.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicymodel.h"
#include "simfaults.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;
using rota::test::simPhase;

namespace {

using Pending = IncidentModel::PendingAction;

//! Counts the requests Rota hands to the network, by method and path.
class CountingNetwork : public QNetworkAccessManager {
public:
    QStringList sent; //!< "METHOD /path", in order

    int count(const QString& method, const QString& pathPrefix) const
    {
        int n = 0;
        for (const QString& entry : sent)
            n += entry.startsWith(method + QLatin1Char(' ') + pathPrefix) ? 1 : 0;
        return n;
    }

protected:
    QNetworkReply* createRequest(
        Operation op, const QNetworkRequest& request, QIODevice* data) override
    {
        QString method;
        switch (op) {
        case GetOperation:
            method = QStringLiteral("GET");
            break;
        case PutOperation:
            method = QStringLiteral("PUT");
            break;
        case PostOperation:
            method = QStringLiteral("POST");
            break;
        case DeleteOperation:
            method = QStringLiteral("DELETE");
            break;
        case CustomOperation:
            method = QString::fromLatin1(
                request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
            break;
        default:
            method = QStringLiteral("OTHER");
            break;
        }
        sent.append(method + QLatin1Char(' ') + request.url().path());
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

//! A sim whose client sends through a CountingNetwork.
struct CountedSim {
    CountedSim()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        QString error;
        auto client = std::make_unique<ApiClient>(&network);
        client->setBaseUrl(fixture.server->baseUrl(), &error);
        client->setCredentials(fixture.client->credentials());
        client->setRetryBaseDelay(20);
        fixture.client = std::move(client);
    }

    //! Sets the simulator's faults; false (with the reason) when it refuses them.
    bool setFaults(const QString& spec, QString* problem)
    {
        fixture.server->service().faults().clear();
        const auto refused = fixture.server->service().faults().parse(spec);
        if (refused)
            *problem = *refused;
        return !refused;
    }

    SimFixture fixture;
    CountingNetwork network;
};

//! How the answer to one write (`method`, path starting with `path`) goes missing: "lost" (the
//! service applies it and closes the connection without answering), "late" (it applies it and
//! answers after the client gave up waiting) or "dropped" (the connection closes before the
//! service acts: not applied).
#define LOSE_ANSWER(sim, how, method, path)                                                        \
    do {                                                                                           \
        if ((how) != QLatin1String("late") && !sim::FaultPlan::transportHoldsConnections())        \
            QSKIP("this build's HTTP transport cannot close a connection without an answer");      \
        QString spec = (how) == QLatin1String("lost") ? QStringLiteral("lost")                     \
            : (how) == QLatin1String("late")          ? QStringLiteral("slow,ms=3000")             \
                                                      : QStringLiteral("drop");                             \
        spec += QStringLiteral(",count=1,method=") + QStringLiteral(method)                        \
            + QStringLiteral(",path=") + (path);                                                   \
        if ((how) == QLatin1String("late"))                                                        \
            (sim).fixture.client->setTransferTimeout(500);                                         \
        QString problem;                                                                           \
        QVERIFY2((sim).setFaults(spec, &problem), qPrintable(problem));                            \
    } while (false)

void answerLostWays()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("lost") << QStringLiteral("lost");
    QTest::newRow("late") << QStringLiteral("late");
}

int transitionsTo(SimFixture& fixture, const QString& number, const QString& phase)
{
    int n = 0;
    for (const sim::SimTransition& t :
        fixture.ctx().org.incidents.value(number.toInt()).transitions)
        n += t.name == phase ? 1 : 0;
    return n;
}

// --- paging policy helpers ---------------------------------------------------------------------

QList<PolicyStep> serverSteps(SimFixture& fixture, const QString& user)
{
    QList<PolicyStep> out;
    for (const sim::SimPagingStep& step : fixture.ctx().org.users.value(user).pagingPolicy) {
        PolicyStep converted;
        converted.timeout = step.timeout;
        for (const sim::SimPagingRule& rule : step.rules) {
            PagingRule r;
            r.notificationType = rule.notificationType;
            if (!rule.contactType.isEmpty())
                r.contact = { rule.contactId, rule.contactType };
            converted.rules.append(r);
        }
        out.append(converted);
    }
    return out;
}

void setServerSteps(SimFixture& fixture, const QString& user, const QList<PolicyStep>& steps)
{
    QList<sim::SimPagingStep> out;
    for (const PolicyStep& step : steps) {
        sim::SimPagingStep converted;
        converted.timeout = step.timeout;
        for (const PagingRule& rule : step.rules) {
            converted.rules.append(sim::SimPagingRule {
                rule.notificationType, rule.contact.type, static_cast<int>(rule.contact.id) });
        }
        out.append(converted);
    }
    fixture.ctx().org.users[user].pagingPolicy = out;
}

//! Three different rules the demo user can have: push, e-mail, and a text or a call.
QList<PagingRule> threeRules(SimFixture& fixture)
{
    const sim::SimUser& user = fixture.ctx().org.users[fixture.demoUser()];
    QList<PagingRule> rules { PagingRule::push() };
    if (!user.emails.isEmpty())
        rules.append(PagingRule::email(user.emails.first().id));
    if (!user.phones.isEmpty()) {
        rules.append(PagingRule::sms(user.phones.first().id));
        rules.append(PagingRule::phoneCall(user.phones.first().id));
    }
    for (PagingRule& rule : rules)
        rule.index = -1;
    return rules.mid(0, 3);
}

bool loadInto(PagingPolicyController& controller)
{
    QSignalSpy loaded(&controller, &PagingPolicyController::loaded);
    controller.load();
    return loaded.wait(10000) && loaded.first().at(0).toBool();
}

PagingSaveResult saveAndWait(PagingPolicyController& controller, bool* finished)
{
    QSignalSpy saved(&controller, &PagingPolicyController::saved);
    controller.save();
    *finished = saved.wait(20000);
    return *finished ? saved.first().at(0).value<PagingSaveResult>() : PagingSaveResult {};
}

const QString kProfile = QStringLiteral("/api-public/v1/profile/");

} // namespace

class TestLostAnswers : public QObject {
    Q_OBJECT

    //! The incidents side: a model fed by a poller, actions that ask it for a refresh when an
    //! answer was lost (as the workspace wires them).
    struct Incidents {
        explicit Incidents(CountedSim& sim)
            : tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
            , poller(sim.fixture.client.get(), &model)
            , actions(sim.fixture.client.get(), &model)
        {
            model.setIdentity(sim.fixture.demoUser());
            QObject::connect(
                &actions, &IncidentActions::outcomeUnknown, &poller, &IncidentPoller::refresh);
        }
        bool load()
        {
            QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
            poller.refresh();
            return refreshed.wait(10000);
        }
        int row(const QString& number) const { return model.rowOf(number); }
        QString phaseText(const QString& number) const
        {
            return model.index(row(number), IncidentModel::PhaseColumn).data().toString();
        }
        QString phaseTip(const QString& number) const
        {
            return model.index(row(number), IncidentModel::PhaseColumn)
                .data(Qt::ToolTipRole)
                .toString();
        }
        bool unconfirmed(const QString& number) const
        {
            return model.index(row(number), 0).data(IncidentModel::UnconfirmedRole).toBool();
        }

        IncidentModel model;
        QAbstractItemModelTester tester;
        IncidentPoller poller;
        IncidentActions actions;
    };

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<PagingSaveResult>(); }

    // --- the model alone -----------------------------------------------------------------------

    void onlyASnapshotAskedForAfterTheLossSettles()
    {
        IncidentModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Incident a;
        a.incidentNumber = QStringLiteral("7");
        a.phase = Phase::Triggered;
        a.phaseName = QStringLiteral("UNACKED");
        Incident b = a;
        b.incidentNumber = QStringLiteral("8");
        model.reset({ a, b });
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy settled(&model, &IncidentModel::unconfirmedSettled);

        QCOMPARE(model.beginPending({ a.incidentNumber, b.incidentNumber }, Pending::Acknowledge,
                     Phase::Acknowledged, 1),
            (QStringList { a.incidentNumber, b.incidentNumber }));
        const quint64 before = model.snapshotMark(); // a refresh sent while the ack was on its way
        QCOMPARE(model.markUnconfirmed({ a.incidentNumber, b.incidentNumber }, 1),
            (QStringList { a.incidentNumber, b.incidentNumber }));
        QVERIFY(model.isUnconfirmedAt(0));
        QCOMPARE(model.pendingAt(0), Pending::Acknowledge);
        QCOMPARE(model.phaseAt(0), Phase::Acknowledged);
        QCOMPARE(model.index(0, IncidentModel::PhaseColumn).data().toString(),
            QStringLiteral("Acknowledged (not confirmed yet)"));
        QVERIFY(model.index(0, IncidentModel::PhaseColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("not confirmed yet")));

        // The server applied the ack to `a` but not to `b`. A snapshot asked for before the answer
        // was lost proves nothing: the rows stay as they are.
        Incident ackedA = a;
        ackedA.phase = Phase::Acknowledged;
        ackedA.phaseName = QStringLiteral("ACKED");
        model.applySnapshot({ a, b }, before);
        QVERIFY(model.isUnconfirmedAt(0));
        QVERIFY(model.isUnconfirmedAt(1));
        QCOMPARE(settled.count(), 0);

        // One asked for afterwards settles both to the server's truth.
        model.applySnapshot({ ackedA, b }, model.snapshotMark());
        QVERIFY(!model.isUnconfirmedAt(0));
        QVERIFY(!model.isUnconfirmedAt(1));
        QCOMPARE(model.pendingAt(0), Pending::None);
        QCOMPARE(model.pendingAt(1), Pending::None);
        QCOMPARE(model.phaseAt(0), Phase::Acknowledged);
        QVERIFY(model.errorAt(0).isEmpty());
        QCOMPARE(model.phaseAt(1), Phase::Triggered);
        QCOMPARE(model.errorAt(1),
            QStringLiteral("The acknowledgement was not applied: Splunk On-Call shows this "
                           "incident as triggered."));
        QCOMPARE(model.index(1, IncidentModel::PhaseColumn).data().toString(),
            QStringLiteral("Triggered"));
        QCOMPARE(model.count(Phase::Triggered), 1);
        QCOMPARE(model.count(Phase::Acknowledged), 1);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(settled.first().at(0).value<Pending>(), Pending::Acknowledge);
        QCOMPARE(settled.first().at(1).toStringList(), QStringList { a.incidentNumber });
        QCOMPARE(settled.first().at(2).toStringList(), QStringList { b.incidentNumber });
        QCOMPARE(resets.count(), 0);
    }

    // --- acknowledge, resolve ------------------------------------------------------------------

    void lostAcknowledgementIsNotConfirmedUntilTheRefresh_data() { answerLostWays(); }

    void lostAcknowledgementIsNotConfirmedUntilTheRefresh()
    {
        QFETCH(QString, how);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString a = test::newSimIncident(
            sim.fixture, QStringLiteral("Disk full"), { sim.fixture.demoUser() });
        Incidents incidents(sim);
        QVERIFY(incidents.load());
        LOSE_ANSWER(sim, how, "PATCH", QStringLiteral("/api-public/v1/incidents/ack"));
        QSignalSpy unknown(&incidents.actions, &IncidentActions::outcomeUnknown);
        QSignalSpy failed(&incidents.actions, &IncidentActions::actionFailed);
        QSignalSpy refreshed(&incidents.poller, &IncidentPoller::refreshed);

        QObject::connect(&incidents.actions, &IncidentActions::actionFinished,
            [](auto, const QStringList& x, const QStringList& y) {
                qDebug() << "DBG finished" << x << y;
            });
        QObject::connect(&incidents.actions, &IncidentActions::actionFailed,
            [](const QString& m) { qDebug() << "DBG failed" << m; });
        QObject::connect(sim.fixture.client.get(), &ApiClient::exchanged,
            [](const QString& op, int st, qint64, const ApiError& e) {
                qDebug() << "DBG exch" << op << st << e.detail() << e.maybeApplied;
            });
        incidents.actions.acknowledge({ a });
        QVERIFY(unknown.wait(10000));
        QCOMPARE(unknown.first().at(1).toStringList(), QStringList { a });
        QVERIFY2(unknown.first().at(2).toString().contains(QStringLiteral("not confirmed yet")),
            qPrintable(unknown.first().at(2).toString()));
        // Before the refresh: shown as asked for, and truthfully not confirmed.
        QVERIFY(incidents.unconfirmed(a));
        QCOMPARE(incidents.model.pendingAt(incidents.row(a)), Pending::Acknowledge);
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Acknowledged (not confirmed yet)"));
        QVERIFY2(incidents.phaseTip(a).contains(QStringLiteral("answer was lost")),
            qPrintable(incidents.phaseTip(a)));
        QCOMPARE(refreshed.count(), 0);
        QVERIFY2(incidents.poller.isRefreshing(), "a lost answer asks for a refresh at once");
        // The server did apply it, once; the ack was not sent again.
        QCOMPARE(simPhase(sim.fixture, a), QStringLiteral("ACKED"));
        QCOMPARE(transitionsTo(sim.fixture, a, QStringLiteral("ACKED")), 1);
        QCOMPARE(sim.network.count(QStringLiteral("PATCH"), QStringLiteral("/api-public/v1/")), 1);

        // The refresh settles the row to the server's truth.
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!incidents.unconfirmed(a));
        QCOMPARE(incidents.model.pendingAt(incidents.row(a)), Pending::None);
        QCOMPARE(incidents.model.phaseAt(incidents.row(a)), Phase::Acknowledged);
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Acknowledged"));
        QVERIFY(incidents.model.errorAt(incidents.row(a)).isEmpty());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(sim.network.count(QStringLiteral("PATCH"), QStringLiteral("/api-public/v1/")), 1);
        QCOMPARE(transitionsTo(sim.fixture, a, QStringLiteral("ACKED")), 1);
    }

    void droppedAcknowledgementSettlesToTheRealPhase()
    {
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString a = test::newSimIncident(
            sim.fixture, QStringLiteral("Disk full"), { sim.fixture.demoUser() });
        Incidents incidents(sim);
        QVERIFY(incidents.load());
        // The connection closes before the server acts: the ack was not applied.
        LOSE_ANSWER(sim, QStringLiteral("dropped"), "PATCH",
            QStringLiteral("/api-public/v1/incidents/ack"));
        QSignalSpy unknown(&incidents.actions, &IncidentActions::outcomeUnknown);
        QSignalSpy failed(&incidents.actions, &IncidentActions::actionFailed);
        QSignalSpy refreshed(&incidents.poller, &IncidentPoller::refreshed);

        incidents.actions.acknowledge({ a });
        QVERIFY(unknown.wait(10000));
        QVERIFY(incidents.unconfirmed(a));
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Acknowledged (not confirmed yet)"));
        QCOMPARE(simPhase(sim.fixture, a), QStringLiteral("UNACKED"));
        // Not acknowledged again meanwhile: the row is not free for another ack yet.
        QVERIFY(incidents.actions.acknowledge({ a }).isEmpty());

        QVERIFY(refreshed.wait(10000));
        QVERIFY(!incidents.unconfirmed(a));
        QCOMPARE(incidents.model.pendingAt(incidents.row(a)), Pending::None);
        QCOMPARE(incidents.model.phaseAt(incidents.row(a)), Phase::Triggered);
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Triggered"));
        QVERIFY2(incidents.model.errorAt(incidents.row(a))
                     .startsWith(QStringLiteral("The acknowledgement was not applied")),
            qPrintable(incidents.model.errorAt(incidents.row(a))));
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Could not acknowledge the incident: ")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not applied (#") + a + QLatin1Char(')')),
            qPrintable(message));
        QCOMPARE(simPhase(sim.fixture, a), QStringLiteral("UNACKED"));
        QCOMPARE(sim.network.count(QStringLiteral("PATCH"), QStringLiteral("/api-public/v1/")), 1);
    }

    void lostResolutionIsNotConfirmedUntilTheRefresh_data() { answerLostWays(); }

    void lostResolutionIsNotConfirmedUntilTheRefresh()
    {
        QFETCH(QString, how);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString a = test::newSimIncident(
            sim.fixture, QStringLiteral("Disk full"), { sim.fixture.demoUser() });
        const QString b = test::newSimIncident(
            sim.fixture, QStringLiteral("CPU hot"), { sim.fixture.demoUser() });
        Incidents incidents(sim);
        QVERIFY(incidents.load());
        LOSE_ANSWER(sim, how, "PATCH", QStringLiteral("/api-public/v1/incidents/resolve"));
        QSignalSpy unknown(&incidents.actions, &IncidentActions::outcomeUnknown);
        QSignalSpy failed(&incidents.actions, &IncidentActions::actionFailed);
        QSignalSpy refreshed(&incidents.poller, &IncidentPoller::refreshed);

        QCOMPARE(
            incidents.actions.resolve({ a }, QStringLiteral("Freed 20 GB")), QStringList { a });
        QVERIFY(unknown.wait(10000));
        QVERIFY(incidents.unconfirmed(a));
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Resolved (not confirmed yet)"));
        QVERIFY(!incidents.unconfirmed(b));
        QCOMPARE(simPhase(sim.fixture, a), QStringLiteral("RESOLVED"));
        QCOMPARE(transitionsTo(sim.fixture, a, QStringLiteral("RESOLVED")), 1);

        // The refresh no longer lists it (resolved): the row stays, resolved, confirmed.
        QVERIFY(refreshed.wait(10000));
        QVERIFY(incidents.row(a) >= 0);
        QVERIFY(!incidents.unconfirmed(a));
        QCOMPARE(incidents.model.pendingAt(incidents.row(a)), Pending::None);
        QCOMPARE(incidents.model.phaseAt(incidents.row(a)), Phase::Resolved);
        QCOMPARE(incidents.phaseText(a), QStringLiteral("Resolved"));
        QVERIFY(incidents.model.errorAt(incidents.row(a)).isEmpty());
        QCOMPARE(incidents.model.phaseAt(incidents.row(b)), Phase::Triggered);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(simPhase(sim.fixture, b), QStringLiteral("UNACKED"));
        QCOMPARE(sim.network.count(QStringLiteral("PATCH"), QStringLiteral("/api-public/v1/")), 1);
    }

    // --- override delete -----------------------------------------------------------------------

    void lostOverrideDelete_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<bool>("deleted");
        // The first answer lost: ApiClient sends the delete again, the service answers 404.
        QTest::newRow("resent, then 404")
            << QStringLiteral("lost,count=1,method=DELETE,path=/api-public/v1/overrides/") << true;
        // Every answer lost: the override is read back, and it is gone.
        QTest::newRow("every answer lost")
            << QStringLiteral("lost,method=DELETE,path=/api-public/v1/overrides/") << true;
        // Every connection closed before the service acted: read back, it is still there.
        QTest::newRow("never applied")
            << QStringLiteral("drop,method=DELETE,path=/api-public/v1/overrides/") << false;
    }

    void lostOverrideDelete()
    {
        QFETCH(QString, faults);
        QFETCH(bool, deleted);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        OverrideModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        OverrideController controller(sim.fixture.client.get(), &model);
        QSignalSpy done(&controller, &OverrideController::actionFinished);
        QSignalSpy loaded(&controller, &OverrideController::loaded);
        // Two overrides of the demo user: one is deleted, the other must stay.
        QStringList ids;
        for (int day : { 3, 7 }) {
            NewScheduledOverride o;
            o.username = sim.fixture.demoUser();
            o.timeZone = QStringLiteral("Europe/Berlin");
            o.start = QDateTime::currentDateTimeUtc().addDays(day);
            o.end = o.start.addDays(1);
            controller.create(o);
            QVERIFY(done.wait(10000));
            QVERIFY2(done.last().at(1).toBool(), qPrintable(done.last().at(2).toString()));
            ids.append(done.last().at(3).toString());
        }
        controller.load(true);
        QVERIFY(loaded.wait(10000));
        const qsizetype overridesBefore = sim.fixture.ctx().org.scheduledOverrides.size();
        QVERIFY(model.rowOf(ids.at(0)) >= 0);

        if (!sim::FaultPlan::transportHoldsConnections())
            QSKIP("this build's HTTP transport cannot close a connection without an answer");
        QString problem;
        QVERIFY2(sim.setFaults(faults, &problem), qPrintable(problem));
        controller.remove(ids.at(0));
        QVERIFY(done.wait(10000));
        const QString message = done.last().at(2).toString();
        QCOMPARE(done.last().at(0).toString(), QStringLiteral("delete"));
        QCOMPARE(done.last().at(3).toString(), ids.at(0));
        QVERIFY2(done.last().at(1).toBool() == deleted, qPrintable(message));
        QCOMPARE(sim.fixture.ctx().org.scheduledOverrides.contains(ids.at(0)), !deleted);
        QCOMPARE(model.rowOf(ids.at(0)) >= 0, !deleted);
        if (deleted) {
            QCOMPARE(message, QStringLiteral("Override deleted."));
        } else {
            QVERIFY2(message.contains(QStringLiteral("still there")), qPrintable(message));
        }
        // Nothing else went: the other override is there, in the service and in the model.
        QVERIFY(sim.fixture.ctx().org.scheduledOverrides.contains(ids.at(1)));
        QVERIFY(model.rowOf(ids.at(1)) >= 0);
        QCOMPARE(
            sim.fixture.ctx().org.scheduledOverrides.size(), overridesBefore - (deleted ? 1 : 0));
        QCOMPARE(model.rowCount(), sim.fixture.ctx().org.scheduledOverrides.size());
        QVERIFY(!controller.isReadOnly());
    }

    // --- paging policy save ----------------------------------------------------------------------

    void lostRuleDeleteIsNotSentAgain_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("deletesSent");
        // Applied, answer lost: read back, it is applied, the save goes on.
        QTest::newRow("lost") << QStringLiteral("lost") << 1;
        QTest::newRow("late") << QStringLiteral("late") << 1;
        // Not applied (the connection closed first): read back, sent again, once.
        QTest::newRow("dropped") << QStringLiteral("dropped") << 2;
    }

    void lostRuleDeleteIsNotSentAgain()
    {
        QFETCH(QString, how);
        QFETCH(int, deletesSent);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString user = sim.fixture.demoUser();
        const QList<PagingRule> abc = threeRules(sim.fixture);
        QCOMPARE(abc.size(), 3);
        setServerSteps(sim.fixture, user, { PolicyStep { 5, abc } });
        PagingPolicyModel model;
        PagingPolicyController controller(sim.fixture.client.get(), &model);
        QVERIFY(loadInto(controller));

        QVERIFY(model.removeRule(0, 1)); // B
        const QList<PolicyStep> edited = model.steps();
        QCOMPARE(edited.first().rules, (QList<PagingRule> { abc.at(0), abc.at(2) }));
        LOSE_ANSWER(sim, how, "DELETE", kProfile);

        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        // Exactly A and C remain: B went once, and C was not deleted by a blind second delete.
        QCOMPARE(serverSteps(sim.fixture, user), edited);
        QCOMPARE(model.steps(), edited);
        QCOMPARE(model.base(), edited);
        QVERIFY(!model.isDirty());
        QCOMPARE(sim.network.count(QStringLiteral("DELETE"), kProfile), deletesSent);
    }

    void lostStepUpdateGoesOnWithTheRest_data() { answerLostWays(); }

    void lostStepUpdateGoesOnWithTheRest()
    {
        QFETCH(QString, how);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString user = sim.fixture.demoUser();
        const QList<PagingRule> abc = threeRules(sim.fixture);
        QCOMPARE(abc.size(), 3);
        setServerSteps(sim.fixture, user,
            { PolicyStep { 5, { abc.at(0) } },
                PolicyStep { 10, { abc.at(0), abc.at(1), abc.at(2) } } });
        PagingPolicyModel model;
        PagingPolicyController controller(sim.fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        // Step 1 rewritten (a new timeout and another rule: one PUT of the step), then a rule of
        // step 2 removed (a DELETE by position, after the PUT).
        QVERIFY(model.setTimeout(0, 15));
        QVERIFY(model.addRule(0, -1, abc.at(1)));
        QVERIFY(model.removeRule(1, 0));
        const QList<PolicyStep> edited = model.steps();
        const QList<PagingPlanCall> planned
            = PagingPolicyController::plan(serverSteps(sim.fixture, user), edited);
        QCOMPARE(planned.size(), 2);
        QCOMPARE(planned.at(0).kind, PagingPlanCall::Kind::UpdateStep);
        QCOMPARE(planned.at(1).kind, PagingPlanCall::Kind::DeleteRule);
        LOSE_ANSWER(sim, how, "PUT", kProfile);
        QSignalSpy progress(&controller, &PagingPolicyController::progress);

        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.applied.size(), 2);
        QCOMPARE(serverSteps(sim.fixture, user), edited);
        QCOMPARE(model.steps(), edited);
        QVERIFY(!model.isDirty());
        // The step went out once (the read-back showed it applied) and the rest followed.
        QCOMPARE(sim.network.count(QStringLiteral("PUT"), kProfile), 1);
        QCOMPARE(sim.network.count(QStringLiteral("DELETE"), kProfile), 1);
        QCOMPARE(progress.last().at(0).toInt(), 2);
    }

    void lostAnswerAndAnotherChangeStopsWithTheEditsKept_data() { answerLostWays(); }

    void lostAnswerAndAnotherChangeStopsWithTheEditsKept()
    {
        QFETCH(QString, how);
        CountedSim sim;
        QVERIFY2(sim.fixture.started, qPrintable(sim.fixture.startError));
        const QString user = sim.fixture.demoUser();
        const QList<PagingRule> abc = threeRules(sim.fixture);
        QCOMPARE(abc.size(), 3);
        setServerSteps(sim.fixture, user, { PolicyStep { 5, abc } });
        PagingPolicyModel model;
        PagingPolicyController controller(sim.fixture.client.get(), &model);
        QVERIFY(loadInto(controller));
        QVERIFY(model.removeRule(0, 1));
        const QList<PolicyStep> edited = model.steps();
        LOSE_ANSWER(sim, how, "DELETE", kProfile);
        // Someone else changes the step's timeout while the answer is on its way back.
        const QList<PolicyStep> theirs { PolicyStep { 30, { abc.at(0), abc.at(2) } } };
        QObject::connect(
            sim.fixture.client.get(), &ApiClient::exchanged, &model, [&](const QString& operation) {
                if (operation.startsWith(QStringLiteral("DELETE")))
                    setServerSteps(sim.fixture, user, theirs);
            });

        bool finished = false;
        const PagingSaveResult result = saveAndWait(controller, &finished);
        QVERIFY(finished);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(QStringLiteral("answer was lost"))
                && result.message.contains(QStringLiteral("changed in another way")),
            qPrintable(result.message));
        QCOMPARE(result.notApplied.size(), 1);
        // The edit is kept, unsaved, over the server's policy as read; nothing else was sent.
        QCOMPARE(model.steps(), edited);
        QVERIFY(model.isDirty());
        QCOMPARE(model.base(), theirs);
        QCOMPARE(serverSteps(sim.fixture, user), theirs);
        QCOMPARE(sim.network.count(QStringLiteral("DELETE"), kProfile), 1);
    }
};

QTEST_GUILESS_MAIN(TestLostAnswers)
#include "tst_lostanswers.moc"
