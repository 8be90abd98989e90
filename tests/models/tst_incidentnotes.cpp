// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// IncidentNotes loaded and changed by IncidentNotesController against an in-process rota-sim over
// real HTTP: loading the notes and the alert of an incident; add, edit and delete landing on the
// server; each rolled back with the error in words (and the typed text handed back) when the
// server refuses; loads for an incident no longer shown are dropped, but writes are reported
// (naming their incident); drafts are kept per incident; a write whose answer was lost (rota-sim's
// `lost` and `drop` faults) is settled by reading the notes again, never sent twice.

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
        QCOMPARE(failed.last().at(1).toString(), QString::number(number));
        const QString message = failed.last().at(2).toString();
        QVERIFY2(message.startsWith(
                     QStringLiteral("The note on incident #%1 was not saved: ").arg(number)),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("read-only")), qPrintable(message));
        QCOMPARE(failed.last().at(3).toString(), QStringLiteral("Plan"));
        QCOMPARE(failed.last().at(4).toString(), QStringLiteral("Renew tonight"));
        // Nothing typed is lost: the text is the incident's draft again.
        QCOMPARE(
            m_controller->draft(QString::number(number)).text, QStringLiteral("Renew tonight"));
        QVERIFY(!m_controller->draft(QString::number(number)).sending);
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
            failed.last().at(2).toString().contains(QStringLiteral("did not accept the request")),
            qPrintable(failed.last().at(2).toString()));
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

    // The note box of each incident is kept while others are shown; a sent draft goes once the
    // server has it, and a draft being sent is not sent twice.
    void draftsAreKeptPerIncident()
    {
        const int first = newIncident(*m_fixture, QStringLiteral("First"));
        const int second = newIncident(*m_fixture, QStringLiteral("Second"));
        const QString a = QString::number(first);
        const QString b = QString::number(second);
        QVERIFY(show(first));
        m_controller->setDraft(a, QStringLiteral("Plan"), QStringLiteral("Fail over"));
        QVERIFY(show(second));
        m_controller->setDraft(b, QString(), QStringLiteral("Page the DBA"));
        QCOMPARE(m_controller->unsentDrafts(), QStringList({ a, b }));
        QVERIFY(show(first));
        QCOMPARE(m_controller->draft(a).title, QStringLiteral("Plan"));
        QCOMPARE(m_controller->draft(a).text, QStringLiteral("Fail over"));

        // Sent from the first while the second is shown: it lands all the same.
        QSignalSpy finished(m_controller.get(), &IncidentNotesController::operationFinished);
        QVERIFY(m_controller->sendDraft(a));
        QVERIFY(m_controller->draft(a).sending);
        QVERIFY(!m_controller->sendDraft(a)); // on its way: not sent twice
        QCOMPARE(m_controller->unsentDrafts(), QStringList({ b }));
        QVERIFY(show(second));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.last().at(1).toString(), a);
        QCOMPARE(simIncident(first).notes.size(), 1);
        QVERIFY(m_controller->draft(a).isEmpty());
        QCOMPARE(m_notes->rowCount(), 0); // the second's notes, not the first's

        // Clearing the box drops the draft; discarding drops the rest.
        m_controller->setDraft(b, QString(), QString());
        QVERIFY(m_controller->unsentDrafts().isEmpty());
        m_controller->setDraft(b, QString(), QStringLiteral("again"));
        m_controller->discardDrafts();
        QVERIFY(m_controller->draft(b).isEmpty());
    }

    // A refusal that arrives while another incident is shown is reported naming its incident,
    // and the text is back in that incident's draft.
    void refusalOfAnotherIncidentIsReported()
    {
        const int first = newIncident(*m_fixture, QStringLiteral("First"));
        const int second = newIncident(*m_fixture, QStringLiteral("Second"));
        const QString a = QString::number(first);
        QVERIFY(show(first));
        injectFault(QStringLiteral("error,status=400,count=1,method=POST"));
        m_controller->setDraft(a, QStringLiteral("Plan"), QStringLiteral("Fail over"));
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);
        QSignalSpy drafts(m_controller.get(), &IncidentNotesController::draftChanged);
        QVERIFY(m_controller->sendDraft(a));
        m_controller->setIncident(QString::number(second)); // before the answer
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.last().at(1).toString(), a);
        QVERIFY2(failed.last().at(2).toString().startsWith(
                     QStringLiteral("The note on incident #%1 was not saved").arg(a)),
            qPrintable(failed.last().at(2).toString()));
        QCOMPARE(m_controller->draft(a).text, QStringLiteral("Fail over"));
        QVERIFY(!m_controller->draft(a).sending);
        QVERIFY(!m_controller->draft(a).error.isEmpty());
        QVERIFY(!drafts.isEmpty());
        QCOMPARE(m_controller->unsentDrafts(), QStringList({ a }));
        QVERIFY(simIncident(first).notes.isEmpty());
    }

    // A note added with its answer lost (the server applied it, then dropped the connection):
    // "not confirmed yet", then settled by reading the notes again, never posted again; the
    // server has it once and the notes shown are exactly the server's.
    void lostAddIsSettledByReadingAgain()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Lost add"));
        const QString n = QString::number(number);
        QVERIFY(show(number));
        injectFault(QStringLiteral("lost,count=1,method=POST"));
        QSignalSpy unconfirmed(m_controller.get(), &IncidentNotesController::operationUnconfirmed);
        QSignalSpy finished(m_controller.get(), &IncidentNotesController::operationFinished);
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);
        m_controller->setDraft(n, QStringLiteral("Plan"), QStringLiteral("Fail over"));
        QVERIFY(m_controller->sendDraft(n));
        QVERIFY(unconfirmed.wait(10000));
        const qsizetype onServer = simIncident(number).notes.size();
        QCOMPARE(onServer, 1); // applied once
        QVERIFY2(unconfirmed.last().at(2).toString().contains(QStringLiteral("not confirmed yet")),
            qPrintable(unconfirmed.last().at(2).toString()));
        QVERIFY(m_controller->draft(n).sending); // not sent again meanwhile
        QVERIFY(!m_controller->sendDraft(n));

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(simIncident(number).notes.size(), onServer); // nothing posted again
        QCOMPARE(m_notes->rowCount(), onServer);
        for (int row = 0; row < m_notes->rowCount(); ++row) {
            QCOMPARE(m_notes->nameAt(row), simIncident(number).notes.at(row).name);
            QCOMPARE(m_notes->index(row, 0).data(IncidentNotes::PendingRole).toInt(), 0);
            QCOMPARE(m_notes->index(row, 0).data(IncidentNotes::UnconfirmedRole).toBool(), false);
        }
        QVERIFY(m_controller->draft(n).isEmpty());
        QCOMPARE(m_controller->pendingCalls(), 0);
    }

    // While the answer is being settled the note says "not confirmed yet".
    void unconfirmedNoteSaysSo()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Unconfirmed"));
        const QString n = QString::number(number);
        QVERIFY(show(number));
        m_controller->setRecheckDelay(200);
        // Every POST and the first reads of the notes fail: the note stays unconfirmed a while.
        injectFault(QStringLiteral("lost,count=5,method=POST;error,status=503,count=6,method=GET"));
        QSignalSpy unconfirmed(m_controller.get(), &IncidentNotesController::operationUnconfirmed);
        QVERIFY(m_controller->addNote(QString(), QStringLiteral("Fail over")));
        QVERIFY(unconfirmed.wait(10000));
        QCOMPARE(m_notes->rowCount(), 1);
        QVERIFY(m_notes->index(0, 0).data(IncidentNotes::UnconfirmedRole).toBool());
        QCOMPARE(m_controller->pendingWrites().size(), 1);
        QVERIFY2(m_controller->pendingWrites().constFirst().contains(
                     QStringLiteral("not confirmed yet")),
            qPrintable(m_controller->pendingWrites().constFirst()));
        // Once the service answers reads again, it settles to what the server has.
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->pendingCalls(), 0, 20000);
        QCOMPARE(m_notes->rowCount(), simIncident(number).notes.size());
        QVERIFY(!m_notes->index(0, 0).data(IncidentNotes::UnconfirmedRole).toBool());
    }

    // A note added with the connection dropped before the server applied it: the read shows it
    // missing, so the text is back in the draft (not posted again by itself).
    void droppedAddGoesBackToTheDraft()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Dropped add"));
        const QString n = QString::number(number);
        QVERIFY(show(number));
        injectFault(QStringLiteral("drop,count=5,method=POST"));
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);
        m_controller->setDraft(n, QString(), QStringLiteral("Fail over"));
        QVERIFY(m_controller->sendDraft(n));
        QVERIFY(failed.wait(10000));
        QVERIFY(simIncident(number).notes.isEmpty());
        QCOMPARE(m_notes->rowCount(), 0);
        QCOMPARE(m_controller->draft(n).text, QStringLiteral("Fail over"));
        QVERIFY(!m_controller->draft(n).sending);
        QCOMPARE(m_controller->pendingCalls(), 0);
        m_fixture->server->service().faults().clear();
        // Sent again by hand, it lands once.
        QSignalSpy finished(m_controller.get(), &IncidentNotesController::operationFinished);
        QVERIFY(m_controller->sendDraft(n));
        QVERIFY(finished.wait(5000));
        QCOMPARE(simIncident(number).notes.size(), 1);
        QCOMPARE(m_notes->rowCount(), 1);
    }

    // A deletion with its answer lost: settled (by the client's retry finding it gone, or by
    // reading the notes again); the note is gone on both sides.
    void lostDeleteIsSettledByReadingAgain()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Lost delete"));
        simIncident(number).notes.append({ QStringLiteral("ticket"), QStringLiteral("Ticket"),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("OPS-1") } } });
        QVERIFY(show(number));
        QCOMPARE(m_notes->rowCount(), 1);
        injectFault(QStringLiteral("lost,count=1,method=DELETE"));
        QSignalSpy finished(m_controller.get(), &IncidentNotesController::operationFinished);
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);
        QVERIFY(m_controller->removeNote(0));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.last().at(0).value<IncidentNotes::Operation>(),
            IncidentNotes::Operation::Delete);
        QCOMPARE(failed.count(), 0);
        QVERIFY(simIncident(number).notes.isEmpty());
        QCOMPARE(m_notes->rowCount(), 0);
    }

    // A deletion dropped before the server applied it: the note is still there, shown settled,
    // and the failure names the incident.
    void droppedDeleteKeepsTheNote()
    {
        const int number = newIncident(*m_fixture, QStringLiteral("Dropped delete"));
        simIncident(number).notes.append({ QStringLiteral("ticket"), QStringLiteral("Ticket"),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("OPS-1") } } });
        QVERIFY(show(number));
        injectFault(QStringLiteral("drop,count=5,method=DELETE"));
        QSignalSpy failed(m_controller.get(), &IncidentNotesController::operationFailed);
        QVERIFY(m_controller->removeNote(0));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.last().at(2).toString().startsWith(
                     QStringLiteral("The note on incident #%1 was not deleted").arg(number)),
            qPrintable(failed.last().at(2).toString()));
        QCOMPARE(simIncident(number).notes.size(), 1);
        QCOMPARE(m_notes->rowCount(), 1);
        QCOMPARE(m_notes->index(0, 0).data(IncidentNotes::PendingRole).toInt(), 0);
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
