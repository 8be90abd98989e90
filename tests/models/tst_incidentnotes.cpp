// IncidentNotes loaded and changed by IncidentNotesController against an in-process rota-sim over
// real HTTP: loading the notes and the alert of an incident; add, edit and delete landing on the
// server; each rolled back with the error in words (and the typed text handed back) when the
// server refuses; answers for an incident no longer shown are dropped.

#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

using State = IncidentNotes::LoadState;

int newIncident(SimFixture& fixture, const QString& summary)
{
    return test::newSimIncident(fixture, summary, { fixture.demoUser() }).toInt();
}

} // namespace

class TestIncidentNotes : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentNotes> m_notes;
    std::unique_ptr<IncidentNotesController> m_controller;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    sim::SimIncident& simIncident(int number) { return m_fixture->ctx().org.incidents[number]; }

    // Shows the incident and waits until its notes and alert are loaded.
    bool show(int number)
    {
        const sim::SimIncident& incident = simIncident(number);
        m_controller->setIncident(QString::number(number), incident.firstAlertUuid);
        return QTest::qWaitFor(
            [this] {
                return m_notes->notesState() != State::Loading
                    && m_notes->alertState() != State::Loading;
            },
            5000);
    }

    void injectFault(const QString& spec)
    {
        const auto problem = m_fixture->server->service().faults().parse(spec);
        QVERIFY(!problem);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_notes = std::make_unique<IncidentNotes>();
        m_controller
            = std::make_unique<IncidentNotesController>(m_fixture->client.get(), m_notes.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_notes.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_controller.reset();
        m_notes.reset();
        m_fixture.reset();
    }

    // The model alone, without a network: changes show at once and settle or roll back; the
    // notes read again keep the notes being added, and no routine change resets the model.
    void modelFollowsChangesWithoutANetwork()
    {
        const auto note = [](const QString& name, const QString& title, const QString& text) {
            return IncidentNote { name, title, QJsonObject { { QStringLiteral("text"), text } } };
        };
        const auto text = [](const IncidentNotes& model, int row) {
            return model.index(row, 0).data(IncidentNotes::TextRole).toString();
        };
        const auto pending = [](const IncidentNotes& model, int row) {
            return static_cast<IncidentNotes::Pending>(
                model.index(row, 0).data(IncidentNotes::PendingRole).toInt());
        };
        IncidentNotes notes;
        QAbstractItemModelTester tester(
            &notes, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(notes.beginAdd(QString(), QStringLiteral("no incident yet")), quint64(0));
        notes.setIncident(QStringLiteral("7"), QStringLiteral("alert-7"));
        QCOMPARE(notes.notesState(), State::Idle);
        QCOMPARE(notes.alertUuid(), QStringLiteral("alert-7"));
        const IncidentNote first
            = note(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("first"));
        notes.setNotes({ first });
        QCOMPARE(notes.notesState(), State::Loaded);
        QCOMPARE(notes.rowCount(), 1);

        QSignalSpy reset(&notes, &QAbstractItemModel::modelReset);
        const quint64 add = notes.beginAdd(QStringLiteral("  "), QStringLiteral("second"));
        QVERIFY(add != 0);
        QCOMPARE(notes.rowCount(), 2);
        QCOMPARE(notes.titleAt(1), QStringLiteral("Note"));
        QCOMPARE(pending(notes, 1), IncidentNotes::Pending::Add);
        // Read again while the add is on its way: it stays, after the server's notes.
        notes.setNotes(
            { first, note(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("other")) });
        QCOMPARE(notes.rowCount(), 3);
        QCOMPARE(notes.rowOfChange(add), 2);
        QCOMPARE(notes.nameAt(1), QStringLiteral("b"));
        notes.settle(add, note(QStringLiteral("c"), QString(), QString()));
        QCOMPARE(notes.nameAt(2), QStringLiteral("c"));
        QCOMPARE(notes.titleAt(2), QStringLiteral("Note"));
        QCOMPARE(pending(notes, 2), IncidentNotes::Pending::None);
        QCOMPARE(notes.rowOfChange(add), -1);

        // An edit refused: the note is as it was.
        const quint64 edit = notes.beginEdit(0, QStringLiteral("A2"), QStringLiteral("changed"));
        QVERIFY(edit != 0);
        QCOMPARE(text(notes, 0), QStringLiteral("changed"));
        QCOMPARE(notes.beginEdit(0, QStringLiteral("A3"), QStringLiteral("again")), quint64(0));
        QCOMPARE(notes.beginRemove(0), quint64(0));
        notes.rollBack(edit);
        QCOMPARE(text(notes, 0), QStringLiteral("first"));
        QCOMPARE(notes.titleAt(0), QStringLiteral("A"));
        QCOMPARE(pending(notes, 0), IncidentNotes::Pending::None);

        // A delete taken: the note goes; an add refused: the new note goes.
        const quint64 removal = notes.beginRemove(1);
        QVERIFY(removal != 0);
        QCOMPARE(pending(notes, 1), IncidentNotes::Pending::Delete);
        notes.settle(removal);
        QCOMPARE(notes.rowCount(), 2);
        QCOMPARE(notes.nameAt(1), QStringLiteral("c"));
        const quint64 refused = notes.beginAdd(QStringLiteral("T"), QStringLiteral("t"));
        QCOMPARE(notes.rowCount(), 3);
        notes.rollBack(refused);
        QCOMPARE(notes.rowCount(), 2);
        notes.settle(refused); // long gone: nothing happens
        QCOMPARE(notes.rowCount(), 2);
        QCOMPARE(reset.count(), 0);

        // Another incident starts empty.
        notes.setIncident(QStringLiteral("8"));
        QCOMPARE(notes.rowCount(), 0);
        QCOMPARE(notes.notesState(), State::Idle);
        QCOMPARE(notes.alertState(), State::Idle);
    }

    void loadsNotesAndAlert()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Disk full on db-1"));
        simIncident(number).notes.append({ QStringLiteral("runbook"), QStringLiteral("Runbook"),
            QJsonObject { { QStringLiteral("url"), QStringLiteral("https://wiki/db") } } });
        simIncident(number).notes.append({ QStringLiteral("n2"), QStringLiteral("Handover"),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("Paged the DBA") } } });
        QVERIFY(!simIncident(number).firstAlertUuid.isEmpty());

        QSignalSpy alertState(m_notes.get(), &IncidentNotes::alertStateChanged);
        QVERIFY(show(number));
        QCOMPARE(m_notes->notesState(), State::Loaded);
        QCOMPARE(m_notes->rowCount(), 2);
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::NameRole).toString(),
            QStringLiteral("runbook"));
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::TitleRole).toString(),
            QStringLiteral("Runbook"));
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::TextRole).toString(),
            QStringLiteral("url: https://wiki/db"));
        QCOMPARE(m_notes->index(1, 0).data(IncidentNotes::TextRole).toString(),
            QStringLiteral("Paged the DBA"));

        QCOMPARE(m_notes->alertState(), State::Loaded);
        QVERIFY(alertState.count() >= 2); // loading, loaded
        QCOMPARE(m_notes->alert().stateMessage, QStringLiteral("Disk full on db-1"));
        QVERIFY(!m_notes->alert().rawObject().isEmpty());
    }

    void alertAndNotesFailuresInWords()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("CPU hot"));
        // One spec: parse() replaces the rules before it.
        injectFault(QStringLiteral("error,status=500,path=/api-public/v1/alerts;"
                                   "error,status=404,path=/api-public/v1/incidents/")
            + QString::number(number) + QStringLiteral("/notes"));
        QVERIFY(show(number));
        QCOMPARE(m_notes->alertState(), State::Failed);
        QVERIFY2(m_notes->alertError().startsWith(QStringLiteral("Could not load the alert: ")),
            qPrintable(m_notes->alertError()));
        QCOMPARE(m_notes->notesState(), State::Failed);
        QVERIFY2(m_notes->notesError().startsWith(QStringLiteral("Could not load the notes: ")),
            qPrintable(m_notes->notesError()));
        QCOMPARE(m_notes->rowCount(), 0);
    }

    void addEditDeleteLandOnTheServer()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Queue backlog"));
        QVERIFY(show(number));
        QCOMPARE(m_notes->rowCount(), 0);
        QSignalSpy finished(m_controller.get(), &IncidentNotesController::operationFinished);
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);

        // Add: shows at once, pending, then named by the server.
        QVERIFY(
            m_controller->addNote(QStringLiteral("Status"), QStringLiteral("Draining the queue")));
        QCOMPARE(m_notes->rowCount(), 1);
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(),
            int(IncidentNotes::Pending::Add));
        QCOMPARE(m_controller->pendingCalls(), 1);
        QVERIFY(finished.wait(5000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_controller->pendingCalls(), 0);
        const QString name = m_notes->index(0, 0).data(IncidentNotes::NameRole).toString();
        QVERIFY(!name.isEmpty());
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(), 0);
        QCOMPARE(simIncident(number).notes.size(), 1);
        QCOMPARE(simIncident(number).notes.at(0).name, name);
        QCOMPARE(simIncident(number).notes.at(0).displayName, QStringLiteral("Status"));
        QCOMPARE(simIncident(number).notes.at(0).jsonValue.value(QStringLiteral("text")).toString(),
            QStringLiteral("Draining the queue"));

        // Edit.
        QVERIFY(
            m_controller->editNote(0, QStringLiteral("Status"), QStringLiteral("Queue drained")));
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::TextRole).toString(),
            QStringLiteral("Queue drained"));
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(),
            int(IncidentNotes::Pending::Edit));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.last().at(0).value<IncidentNotes::Operation>(),
            IncidentNotes::Operation::Edit);
        QCOMPARE(simIncident(number).notes.at(0).jsonValue.value(QStringLiteral("text")).toString(),
            QStringLiteral("Queue drained"));

        // Delete: the row stays, pending, until the server agrees.
        QVERIFY(m_controller->removeNote(0));
        QCOMPARE(m_notes->rowCount(), 1);
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(),
            int(IncidentNotes::Pending::Delete));
        QVERIFY(!m_controller->removeNote(0)); // already on its way
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_notes->rowCount(), 0);
        QVERIFY(simIncident(number).notes.isEmpty());
        QCOMPARE(failed.count(), 0);

        QVERIFY(!m_controller->addNote(QStringLiteral("Blank"), QStringLiteral("   ")));
        QCOMPARE(m_notes->rowCount(), 0);
    }

    void refusalsRollBack()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Certificate expiring"));
        simIncident(number).notes.append({ QStringLiteral("ticket"), QStringLiteral("Ticket"),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("OPS-1") } } });
        QVERIFY(show(number));
        QCOMPARE(m_notes->rowCount(), 1);
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);

        // Add refused: the row goes away, the typed text comes back with the words.
        injectFault(QStringLiteral("error,status=403,count=1,method=POST"));
        QVERIFY(m_controller->addNote(QStringLiteral("Plan"), QStringLiteral("Renew tonight")));
        QCOMPARE(m_notes->rowCount(), 2);
        QVERIFY(failed.wait(5000));
        QCOMPARE(m_notes->rowCount(), 1);
        QCOMPARE(
            failed.last().at(0).value<IncidentNotes::Operation>(), IncidentNotes::Operation::Add);
        const QString message = failed.last().at(1).toString();
        QVERIFY2(
            message.startsWith(QStringLiteral("Could not add the note: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("read-only")), qPrintable(message));
        QCOMPARE(failed.last().at(2).toString(), QStringLiteral("Plan"));
        QCOMPARE(failed.last().at(3).toString(), QStringLiteral("Renew tonight"));
        QCOMPARE(simIncident(number).notes.size(), 1);

        // Edit refused: the old text is back.
        // 400: not retried (a 5xx on PUT would be, and then succeed).
        injectFault(QStringLiteral("error,status=400,count=1,method=PUT"));
        QVERIFY(m_controller->editNote(0, QStringLiteral("Ticket"), QStringLiteral("OPS-2")));
        QCOMPARE(
            m_notes->index(0, 0).data(IncidentNotes::TextRole).toString(), QStringLiteral("OPS-2"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(
            m_notes->index(0, 0).data(IncidentNotes::TextRole).toString(), QStringLiteral("OPS-1"));
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(), 0);
        QVERIFY2(
            failed.last().at(1).toString().contains(QStringLiteral("did not accept the request")),
            qPrintable(failed.last().at(1).toString()));
        QCOMPARE(simIncident(number).notes.at(0).jsonValue.value(QStringLiteral("text")).toString(),
            QStringLiteral("OPS-1"));

        // Delete refused: the note stays.
        injectFault(QStringLiteral("error,status=400,count=1,method=DELETE"));
        QVERIFY(m_controller->removeNote(0));
        QVERIFY(failed.wait(5000));
        QCOMPARE(m_notes->rowCount(), 1);
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(), 0);
        QCOMPARE(failed.last().at(0).value<IncidentNotes::Operation>(),
            IncidentNotes::Operation::Delete);
        QCOMPARE(simIncident(number).notes.size(), 1);
    }

    void answersForAnotherIncidentAreDropped()
    {
        const int first = newIncident(*m_fixture, QStringLiteral("First"));
        const int second = newIncident(*m_fixture, QStringLiteral("Second"));
        simIncident(first).notes.append({ QStringLiteral("a"), QStringLiteral("A"),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("first's note") } } });
        injectFault(QStringLiteral("slow,ms=300,count=1,path=/api-public/v1/incidents/")
            + QString::number(first));
        m_controller->setIncident(QString::number(first), simIncident(first).firstAlertUuid);
        QVERIFY(show(second));
        QTest::qWait(500); // the slow answer for the first arrives now
        QCOMPARE(m_notes->incidentNumber(), QString::number(second));
        QCOMPARE(m_notes->rowCount(), 0);
        QCOMPARE(m_notes->alert().stateMessage, QStringLiteral("Second"));
    }
};

QTEST_GUILESS_MAIN(TestIncidentNotes)
#include "tst_incidentnotes.moc"
