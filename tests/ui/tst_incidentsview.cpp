// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incidents view as a person uses it, against an in-process rota-sim over real HTTP: the
// rows, the filters (phase, scope, routing key, text; Ctrl+F), acknowledging two selected rows
// with the shortcut, an injected server error rolling an acknowledgement back with the error on
// the row, in the message bar and in the detail pane, resolving with a message, a refresh keeping
// selection, current row and scroll position, the badge, the empty states, creating an incident
// (Ctrl+N) with validation and a refused POST, the notes of the detail pane, and rerouting.

#include "accountstore.h"
#include "connectionstatus.h"
#include "createincidentdialog.h"
#include "incidentactions.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "incidenttable.h"
#include "look.h"
#include "orgdirectory.h"
#include "reroutedialog.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>

using namespace rota;
using rota::test::otherUser;
using rota::test::SimFixture;

namespace {

QString newIncident(SimFixture& fixture, const QString& summary, const QStringList& users,
    const QDateTime& start = QDateTime())
{
    return test::newSimIncident(fixture, summary, users, start, QStringLiteral("payments"));
}

} // namespace

class TestIncidentsView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<IncidentPoller> m_poller;
    std::unique_ptr<IncidentActions> m_actions;
    std::unique_ptr<ConnectionStatus> m_connection;
    std::unique_ptr<OrgDirectory> m_directory;
    std::unique_ptr<IncidentNotes> m_notes;
    std::unique_ptr<IncidentNotesController> m_notesController;
    std::unique_ptr<IncidentsView> m_view;

    SimFixture& fixture() { return *m_fixture; }
    IncidentsView& view() { return *m_view; }
    QTableView* table() { return m_view->table(); }
    sim::SimIncident& simIncident(const QString& number)
    {
        return fixture().ctx().org.incidents[number.toInt()];
    }
    QString simPhase(const QString& number) { return simIncident(number).phase; }

    int simCount(const QString& phase)
    {
        int count = 0;
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents))
            count += incident.phase == phase ? 1 : 0;
        return count;
    }

    bool refresh()
    {
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_poller->refresh();
        return refreshed.wait(5000);
    }

    //! The view's row (proxy) of an incident; -1 when not shown.
    int viewRow(const QString& number) { return test::incidentRow(table(), number); }

    QString shownPhase(const QString& number)
    {
        const int row = viewRow(number);
        return row < 0 ? QString()
                       : table()->model()->index(row, IncidentModel::PhaseColumn).data().toString();
    }

    void clickRow(const QString& number, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QVERIFY2(test::clickIncidentRow(table(), number, modifiers), qPrintable(number));
    }

    void injectFault(const QString& spec)
    {
        const auto problem = fixture().server->service().faults().parse(spec);
        QVERIFY(!problem);
    }

    void activate()
    {
        m_view->show();
        QApplication::setActiveWindow(m_view.get());
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        table()->setFocus();
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
        m_poller = std::make_unique<IncidentPoller>(m_fixture->client.get(), m_model.get());
        m_actions = std::make_unique<IncidentActions>(m_fixture->client.get(), m_model.get());
        m_connection = std::make_unique<ConnectionStatus>(m_fixture->client.get());
        m_directory = std::make_unique<OrgDirectory>(m_fixture->client.get());
        m_notes = std::make_unique<IncidentNotes>();
        m_notesController
            = std::make_unique<IncidentNotesController>(m_fixture->client.get(), m_notes.get());
        m_view = std::make_unique<IncidentsView>(m_model.get(), m_poller.get(), m_actions.get(),
            m_notes.get(), m_notesController.get(), m_directory.get());
        m_view->setConnectionStatus(m_connection.get());
        // As the session's workspace wires them: after a write, the rows settle to the server.
        connect(m_actions.get(), &IncidentActions::actionFinished, m_poller.get(),
            &IncidentPoller::refreshSoon);
        connect(m_actions.get(), &IncidentActions::actionFailed, m_poller.get(),
            &IncidentPoller::refreshSoon);
        m_view->resize(1100, 700);
    }

    void cleanup()
    {
        m_view.reset();
        m_notesController.reset();
        m_notes.reset();
        m_directory.reset();
        m_connection.reset();
        m_actions.reset();
        m_poller.reset();
        m_tester.reset();
        m_model.reset();
        m_fixture.reset();
    }

    void rowsCountsAndBadge()
    {
        QSignalSpy badge(m_view.get(), &IncidentsView::badgeChanged);
        // Before the first answer: loading, in words.
        QVERIFY(view().emptyLabel()->isVisibleTo(m_view.get()));
        QVERIFY(refresh());
        const int triggered = simCount(QStringLiteral("UNACKED"));
        const int acked = simCount(QStringLiteral("ACKED"));
        QVERIFY(triggered > 0);
        QCOMPARE(table()->model()->rowCount(), triggered + acked);
        QVERIFY(!view().emptyLabel()->isVisibleTo(m_view.get()));
        QCOMPARE(view().phaseButton(Phase::Triggered)->text(),
            QStringLiteral("Triggered (%1)").arg(triggered));
        QCOMPARE(view().phaseButton(Phase::Acknowledged)->text(),
            QStringLiteral("Acknowledged (%1)").arg(acked));
        QCOMPARE(view().phaseButton(Phase::Resolved)->text(), QStringLiteral("Resolved (0)"));
        QVERIFY(badge.count() > 0);
        // The badge counts the triggered incidents paging me, not all triggered ones.
        const int paging = m_model->countPagingMe(Phase::Triggered);
        QVERIFY(paging < triggered);
        QCOMPARE(badge.last().at(0).toString(), paging > 0 ? QString::number(paging) : QString());
        QCOMPARE(IncidentsView::badgeText(*m_model), badge.last().at(0).toString());

        // A new incident paging me: one more, and urgent.
        newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        QCOMPARE(badge.last().at(0).toString(), QString::number(paging + 1));
        QCOMPARE(badge.last().at(1).toBool(), true);
        QCOMPARE(view().phaseButton(Phase::Triggered)->text(),
            QStringLiteral("Triggered (%1)").arg(triggered + 1));

        // The routing key and service choices come from the data.
        QVERIFY(QTest::qWaitFor(
            [this] { return view().routingKeyCombo()->findData(QStringLiteral("payments")) > 0; },
            2000));
        QVERIFY(view().serviceCombo()->findData(QStringLiteral("checkout")) > 0);
        QCOMPARE(view().statusLabel()->text(), m_poller->statusText());
        QVERIFY(view().statusLabel()->text().startsWith(QStringLiteral("Incidents updated")));
    }

    void showOnlyShowsExactlyThoseUntilShowAll()
    {
        QVERIFY(refresh());
        activate();
        const int all = table()->model()->rowCount();
        QVERIFY(all > 3);
        const QStringList some { m_model->incidentAt(0).incidentNumber,
            m_model->incidentAt(2).incidentNumber, m_model->incidentAt(3).incidentNumber };
        // A filter that would hide them does not: exactly these show, and the bar says why.
        view().searchEdit()->setText(QStringLiteral("no incident says this"));
        QTRY_COMPARE(table()->model()->rowCount(), 0);
        view().showOnly(some);
        QCOMPARE(table()->model()->rowCount(), 3);
        QStringList shown = view().filterModel()->visibleNumbers();
        shown.sort();
        QStringList expected = some;
        expected.sort();
        QCOMPARE(shown, expected);
        QVERIFY(view().onlyBar()->isVisibleTo(m_view.get()));
        QVERIFY2(view().onlyLabel()->text().contains(QStringLiteral("3 incidents")),
            qPrintable(view().onlyLabel()->text()));
        QCOMPARE(view().selectedNumbers(), QStringList { some.constFirst() });
        // Esc in the table goes back to the filters.
        QTest::keyClick(table(), Qt::Key_Escape);
        QVERIFY(!view().onlyBar()->isVisibleTo(m_view.get()));
        QTRY_COMPARE(table()->model()->rowCount(), 0);
        // Show all does too.
        view().searchEdit()->clear();
        view().showOnly(some);
        QCOMPARE(table()->model()->rowCount(), 3);
        QTest::mouseClick(
            view().onlyBar()->findChild<QToolButton*>(QStringLiteral("showAllButton")),
            Qt::LeftButton);
        QTRY_COMPARE(table()->model()->rowCount(), all);
    }

    void filtersNarrowTheRows()
    {
        const QString mine = newIncident(
            fixture(), QStringLiteral("Zebra stripes faded"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        const int all = table()->model()->rowCount();
        const int triggered = m_model->count(Phase::Triggered);

        // Phase: only triggered.
        QTest::mouseClick(view().phaseButton(Phase::Acknowledged), Qt::LeftButton);
        QTest::mouseClick(view().phaseButton(Phase::Resolved), Qt::LeftButton);
        QCOMPARE(table()->model()->rowCount(), triggered);
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            QCOMPARE(table()->model()->index(row, 0).data(IncidentModel::PhaseRole).toInt(),
                int(Phase::Triggered));
        // The last phase cannot be unticked.
        QTest::mouseClick(view().phaseButton(Phase::Triggered), Qt::LeftButton);
        QVERIFY(view().phaseButton(Phase::Triggered)->isChecked());
        QCOMPARE(table()->model()->rowCount(), triggered);
        QTest::mouseClick(view().phaseButton(Phase::Acknowledged), Qt::LeftButton);
        QTest::mouseClick(view().phaseButton(Phase::Resolved), Qt::LeftButton);
        QCOMPARE(table()->model()->rowCount(), all);

        // Scope: paging me.
        view().scopeCombo()->setCurrentIndex(1);
        const int pagingMe = table()->model()->rowCount();
        QVERIFY(pagingMe > 0);
        QVERIFY(pagingMe < all);
        for (int row = 0; row < pagingMe; ++row)
            QVERIFY(table()->model()->index(row, 0).data(IncidentModel::PagingMeRole).toBool());
        view().scopeCombo()->setCurrentIndex(0);
        QCOMPARE(table()->model()->rowCount(), all);

        // Routing key.
        QVERIFY(QTest::qWaitFor(
            [this] { return view().routingKeyCombo()->findData(QStringLiteral("payments")) > 0; },
            2000));
        view().routingKeyCombo()->setCurrentIndex(
            view().routingKeyCombo()->findData(QStringLiteral("payments")));
        QVERIFY(table()->model()->rowCount() >= 1);
        QVERIFY(table()->model()->rowCount() < all);
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            QCOMPARE(
                table()->model()->index(row, IncidentModel::RoutingKeyColumn).data().toString(),
                QStringLiteral("payments"));
        view().routingKeyCombo()->setCurrentIndex(0);

        // Free text, after Ctrl+F (with the incident selected, so that a stray "a" or "r" would
        // act on it).
        clickRow(mine);
        QCOMPARE(view().selectedNumbers(), QStringList { mine });
        QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view().searchEdit()->hasFocus());
        QTest::keyClicks(view().searchEdit(), QStringLiteral("zebra faded"));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(table()->model()->index(0, 0).data(IncidentModel::NumberRole).toString(), mine);
        // Typing "a" and "r" in the search box types; it does not acknowledge or resolve.
        QCOMPARE(view().searchEdit()->text(), QStringLiteral("zebra faded"));
        QCOMPARE(shownPhase(mine), QStringLiteral("Triggered"));
        QCOMPARE(m_actions->pendingCalls(), 0);
        QVERIFY(m_poller->statusText().size() > 0);
        QCOMPARE(simPhase(mine), QStringLiteral("UNACKED"));

        // Nothing matches: said in words, with a way back.
        QTest::keyClicks(view().searchEdit(), QStringLiteral("qqq"));
        QCOMPARE(table()->model()->rowCount(), 0);
        QVERIFY(view().emptyLabel()->isVisible());
        QVERIFY2(
            view().emptyLabel()->text().contains(QStringLiteral("No incidents match the filter")),
            qPrintable(view().emptyLabel()->text()));
        view().showIncident(mine); // clears the filters that hide it
        QCOMPARE(view().searchEdit()->text(), QString());
        QCOMPARE(table()->model()->rowCount(), all);
        QCOMPARE(view().selectedNumbers(), QStringList { mine });
        QCOMPARE(view().detailPane()->incidentNumber(), mine);
        QVERIFY(view().detailPane()->summaryLabel()->text().contains(
            QStringLiteral("Zebra stripes faded")));
    }

    void acknowledgeTwoWithTheShortcut()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString b
            = newIncident(fixture(), QStringLiteral("CPU hot"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        // Nothing selected: disabled, and the tooltip says why.
        table()->clearSelection();
        QVERIFY(!view().acknowledgeAction()->isEnabled());
        QVERIFY(view().acknowledgeAction()->toolTip().contains(QStringLiteral("Select")));

        clickRow(a);
        clickRow(b, Qt::ControlModifier);
        QCOMPARE(view().selectedNumbers().size(), 2);
        QVERIFY(view().selectedNumbers().contains(a));
        QVERIFY(view().selectedNumbers().contains(b));
        QVERIFY(view().acknowledgeAction()->isEnabled());

        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QTest::keyClick(table(), Qt::Key_K, Qt::ControlModifier);
        // At once: the rows say acknowledged, waiting for the server.
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
        QCOMPARE(shownPhase(b), QStringLiteral("Acknowledged"));
        QCOMPARE(table()->model()->index(viewRow(a), 0).data(IncidentModel::PendingRole).toInt(),
            int(IncidentModel::PendingAction::Acknowledge));
        QVERIFY(finished.wait(5000));
        QCOMPARE(simPhase(a), QStringLiteral("ACKED"));
        QCOMPARE(simPhase(b), QStringLiteral("ACKED"));
        QCOMPARE(
            table()->model()->index(viewRow(a), 0).data(IncidentModel::PendingRole).toInt(), 0);
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
        QVERIFY(!view().messageBar()->isVisible());
        // Both acknowledged: nothing left to acknowledge in the selection.
        QVERIFY(!view().acknowledgeAction()->isEnabled());
        QVERIFY(refresh());
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
    }

    void serverErrorRollsBackWithTheError()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        clickRow(a);
        injectFault(QStringLiteral("error,status=500,count=1,path=/api-public/v1/incidents/ack"));
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        QTest::keyClick(table(), Qt::Key_A);
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(shownPhase(a), QStringLiteral("Triggered"));
        QCOMPARE(simPhase(a), QStringLiteral("UNACKED"));
        // In the message bar (not a modal box), on the row and in the detail pane.
        QVERIFY(view().messageBar()->isVisible());
        QVERIFY2(view().messageLabel()->text().contains(QStringLiteral("HTTP 500")),
            qPrintable(view().messageLabel()->text()));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        const QModelIndex phase = table()->model()->index(viewRow(a), IncidentModel::PhaseColumn);
        QVERIFY(
            phase.data(IncidentModel::ErrorRole).toString().contains(QStringLiteral("HTTP 500")));
        QVERIFY(phase.data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 500")));
        QVERIFY(view().detailPane()->errorLabel()->isVisible());
        QVERIFY(view().detailPane()->errorLabel()->text().contains(QStringLiteral("HTTP 500")));

        // Trying again works and clears the error.
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QTest::keyClick(table(), Qt::Key_A);
        QVERIFY(finished.wait(5000));
        QCOMPARE(simPhase(a), QStringLiteral("ACKED"));
        QVERIFY(!view().detailPane()->errorLabel()->isVisible());
    }

    void resolveAsksForAMessage()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        clickRow(a);
        QTest::keyClick(table(), Qt::Key_R);
        QInputDialog* dialog = view().resolveDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(simPhase(a), QStringLiteral("UNACKED")); // nothing sent yet
        dialog->setTextValue(QStringLiteral("Freed 20 GB"));
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        dialog->accept();
        QCOMPARE(shownPhase(a), QStringLiteral("Resolved"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(simPhase(a), QStringLiteral("RESOLVED"));
        QCOMPARE(simIncident(a).transitions.last().message, QStringLiteral("Freed 20 GB"));
        QCOMPARE(view().phaseButton(Phase::Resolved)->text(), QStringLiteral("Resolved (1)"));
    }

    void refreshKeepsSelectionCurrentAndScroll()
    {
        // Enough rows to scroll; the extra ones started long ago, so they sort to the bottom.
        QStringList numbers;
        for (int i = 0; i < 40; ++i)
            numbers.append(newIncident(fixture(), QStringLiteral("Old alarm %1").arg(i),
                { otherUser(fixture()) }, QDateTime::currentDateTimeUtc().addDays(-30 - i)));
        QVERIFY(refresh());
        activate();
        QVERIFY(table()->verticalScrollBar()->maximum() > 0);
        const QString first = numbers.at(20);
        const QString second = numbers.at(22);
        clickRow(first);
        clickRow(second, Qt::ControlModifier);
        table()->verticalScrollBar()->setValue(table()->verticalScrollBar()->maximum() / 2);
        const int scroll = table()->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        const QStringList selected = view().selectedNumbers();
        QCOMPARE(selected.size(), 2);
        QCOMPARE(table()->currentIndex().data(IncidentModel::NumberRole).toString(), second);

        // The server changes a few rows (one of them selected), and resolves one not shown near.
        QSignalSpy resets(table()->model(), &QAbstractItemModel::modelReset);
        simIncident(second).entityDisplayName = QStringLiteral("Old alarm, now louder");
        simIncident(numbers.at(5)).entityDisplayName = QStringLiteral("Changed");
        simIncident(numbers.at(39)).phase = QStringLiteral("RESOLVED");
        QVERIFY(refresh());
        QCOMPARE(resets.count(), 0);
        // Resolved elsewhere: it stays, resolved, where it was.
        QCOMPARE(shownPhase(numbers.at(39)), QStringLiteral("Resolved"));
        QCOMPARE(view().selectedNumbers(), selected);
        QCOMPARE(table()->currentIndex().data(IncidentModel::NumberRole).toString(), second);
        QCOMPARE(table()->verticalScrollBar()->value(), scroll);
        QVERIFY(view().detailPane()->summaryLabel()->text().contains(QStringLiteral("now louder")));
    }

    // A server error is not "Offline": the footer and the connection state (which the status
    // bar and the tray read) agree on what happened, at once, and recover together.
    void footerAndConnectionTellOneTruth()
    {
        QVERIFY(refresh());
        QCOMPARE(m_connection->state(), ConnectionStatus::State::Online);

        injectFault(QStringLiteral("error,status=503,path=/api-public/v1/incidents"));
        QSignalSpy failed(m_poller.get(), &IncidentPoller::refreshFailed);
        m_poller->refresh();
        QVERIFY(failed.wait(10000));
        QCOMPARE(m_poller->state(), IncidentPoller::State::Failed);
        QCOMPARE(m_connection->state(), ConnectionStatus::State::Degraded);
        QVERIFY2(!view().statusLabel()->text().contains(QStringLiteral("Offline")),
            qPrintable(view().statusLabel()->text()));
        QVERIFY2(view().statusLabel()->text().contains(QStringLiteral("HTTP 503")),
            qPrintable(view().statusLabel()->text()));
        QVERIFY2(m_connection->text().contains(QStringLiteral("HTTP 503")),
            qPrintable(m_connection->text()));
        QVERIFY(table()->model()->rowCount() > 0); // the rows stay as they were

        // The connection drops: both say offline.
        fixture().server->service().faults().clear();
        injectFault(QStringLiteral("drop"));
        m_poller->refresh();
        QVERIFY(failed.wait(10000));
        QCOMPARE(m_connection->state(), ConnectionStatus::State::Offline);
        QVERIFY2(view().statusLabel()->text().startsWith(QStringLiteral("Offline")),
            qPrintable(view().statusLabel()->text()));
        QVERIFY2(m_connection->text().startsWith(QStringLiteral("Offline")),
            qPrintable(m_connection->text()));

        // Back: the first answer (to an acknowledgement) says the service is there again, and
        // the incidents are read again at once, not at the next poll, so everything agrees.
        fixture().server->service().faults().clear();
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QSignalSpy recovered(m_connection.get(), &ConnectionStatus::recovered);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        m_actions->acknowledge({ a });
        QVERIFY(finished.wait(5000));
        QVERIFY(m_connection->state() != ConnectionStatus::State::Offline);
        QVERIFY(recovered.count() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionStatus::State::Online, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_poller->state(), IncidentPoller::State::Active, 5000);
        QVERIFY2(view().statusLabel()->text().startsWith(QStringLiteral("Incidents updated")),
            qPrintable(view().statusLabel()->text()));
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
    }

    // F5 against a slow server says at once that it is refreshing, and stops saying so when the
    // answer is there.
    void refreshShowsItIsUnderWay()
    {
        QVERIFY(refresh());
        activate();
        injectFault(QStringLiteral("slow,ms=1500,path=/api-public/v1/incidents"));
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        QTest::keyClick(table(), Qt::Key_F5);
        QVERIFY2(view().statusLabel()->text().startsWith(QStringLiteral("Refreshing")),
            qPrintable(view().statusLabel()->text()));
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(view().statusLabel()->text().startsWith(QStringLiteral("Incidents updated")),
            qPrintable(view().statusLabel()->text()));
    }

    // An error in the detail pane wraps (no sideways scrolling) and goes away by itself once the
    // service answers again.
    void detailErrorsClearWhenTheServiceAnswers()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        injectFault(
            QStringLiteral("drop,path=/api-public/v1/incidents/") + a + QStringLiteral("/notes"));
        clickRow(a);
        IncidentNotes* notes = view().detailPane()->notes();
        QTRY_COMPARE_WITH_TIMEOUT(notes->notesState(), IncidentNotes::LoadState::Failed, 10000);
        QLabel* error = nullptr;
        for (QLabel* label : view().detailPane()->findChildren<QLabel*>()) {
            if (label->isVisibleTo(view().detailPane())
                && label->text().startsWith(QStringLiteral("Could not load the notes")))
                error = label;
        }
        QVERIFY(error);
        QVERIFY(error->wordWrap());

        fixture().server->service().faults().clear();
        QVERIFY(refresh()); // the next routine refresh is enough
        QTRY_COMPARE_WITH_TIMEOUT(notes->notesState(), IncidentNotes::LoadState::Loaded, 5000);
        QVERIFY(!error->isVisibleTo(view().detailPane()));
    }

    // A resolved incident stays in view, selected, resolved, until the user moves on; the
    // Resolved filter shows the incidents resolved in this session.
    void resolvedIncidentStaysUntilTheUserMovesOn()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString b
            = newIncident(fixture(), QStringLiteral("Queue backed up"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        // Only the open ones, as many people keep it.
        view().phaseButton(Phase::Resolved)->setChecked(false);
        clickRow(a);
        QTest::keyClick(table(), Qt::Key_R);
        QVERIFY(view().resolveDialog());
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        view().resolveDialog()->accept();
        QVERIFY(finished.wait(5000));
        QCOMPARE(simPhase(a), QStringLiteral("RESOLVED"));
        QVERIFY(refresh()); // the service no longer lists it
        QCOMPARE(shownPhase(a), QStringLiteral("Resolved"));
        QCOMPARE(view().selectedNumbers(), QStringList { a });
        QVERIFY(view().detailPane()->isVisible());
        QCOMPARE(view().detailPane()->incidentNumber(), a);
        QCOMPARE(view().phaseButton(Phase::Resolved)->text(), QStringLiteral("Resolved (1)"));

        // Moving on lets it go from the open ones...
        clickRow(b);
        QTRY_COMPARE(viewRow(a), -1);
        // ... and the Resolved filter has it.
        view().phaseButton(Phase::Resolved)->setChecked(true);
        view().phaseButton(Phase::Triggered)->setChecked(false);
        view().phaseButton(Phase::Acknowledged)->setChecked(false);
        QCOMPARE(shownPhase(a), QStringLiteral("Resolved"));
    }

    // Resolving everything paging me asks first, saying how many and which; Cancel sends nothing.
    void resolveAllAsksFirst()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString b
            = newIncident(fixture(), QStringLiteral("Queue backed up"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        const int paging = m_model->countPagingMe(Phase::Triggered)
            + m_model->countPagingMe(Phase::Acknowledged);
        QVERIFY(paging >= 2);
        QTest::keyClick(table(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<QMessageBox> question = view().resolveAllQuestion();
        QVERIFY(question);
        QVERIFY(question->isVisible());
        QVERIFY2(question->text().contains(QString::number(paging)), qPrintable(question->text()));
        QVERIFY(question->informativeText().contains(QStringLiteral("#") + a));
        QVERIFY(question->informativeText().contains(QStringLiteral("Queue backed up")));
        // Enter is Cancel.
        QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
        question->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(question.isNull());
        QTest::qWait(200);
        QCOMPARE(simPhase(a), QStringLiteral("UNACKED"));
        QCOMPARE(simPhase(b), QStringLiteral("UNACKED"));

        view().resolveAllAction()->trigger();
        question = view().resolveAllQuestion();
        QVERIFY(question);
        auto* yes = question->findChild<QPushButton*>(QStringLiteral("resolveAllYes"));
        QVERIFY(yes);
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        yes->click();
        QVERIFY(finished.wait(5000));
        QCOMPARE(simPhase(a), QStringLiteral("RESOLVED"));
        QCOMPARE(simPhase(b), QStringLiteral("RESOLVED"));
    }

    // The service column and the detail pane say the same: the service, or that there is none
    // (never the host or an entity id standing in for it).
    void serviceColumnMatchesTheDetailPane()
    {
        IncidentsView* v = m_view.get();
        QSignalSpy created(m_actions.get(), &IncidentActions::created);
        CreateIncidentRequest request;
        request.summary = QStringLiteral("Made in Rota");
        request.details = QStringLiteral("by hand");
        request.targets = { IncidentTarget::user(fixture().demoUser()) };
        m_actions->create(request);
        QVERIFY(created.wait(5000));
        const QString number = created.at(0).at(1).toString();
        QVERIFY(refresh());
        activate();
        clickRow(number);
        const int row = viewRow(number);
        QCOMPARE(table()->model()->index(row, IncidentModel::ServiceColumn).data().toString(),
            QStringLiteral("—"));
        const QStringList texts = [v] {
            QStringList all;
            for (QLabel* label : v->detailPane()->findChildren<QLabel*>())
                all.append(label->text());
            return all;
        }();
        QVERIFY(texts.contains(QStringLiteral("Service:")));
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        QCOMPARE(
            table()->model()->index(viewRow(a), IncidentModel::ServiceColumn).data().toString(),
            QStringLiteral("checkout"));
    }

    //! A large org's incident numbers (six digits and more) are shown whole.
    void longIncidentNumbersAreShownWhole()
    {
        Incident incident;
        incident.incidentNumber = QStringLiteral("1099358");
        incident.phase = Phase::Triggered;
        incident.phaseName = QStringLiteral("UNACKED");
        incident.entityDisplayName = QStringLiteral("Queue depth above 10k");
        incident.startTime = QDateTime::currentDateTimeUtc();
        m_model->applySnapshot({ incident });
        activate();
        QCOMPARE(table()->model()->rowCount(), 1);
        const QAbstractItemView* view = table();
        const int needed = view->sizeHintForColumn(IncidentModel::NumberColumn);
        QVERIFY(needed > table()->fontMetrics().horizontalAdvance(incident.incidentNumber));
        QTRY_VERIFY2(
            table()->horizontalHeader()->sectionSize(IncidentModel::NumberColumn) >= needed,
            qPrintable(
                QStringLiteral("%1 px for %2 px of number")
                    .arg(table()->horizontalHeader()->sectionSize(IncidentModel::NumberColumn))
                    .arg(needed)));
    }

    // A reroute's new paged users show at once: the rows settle to the server's answer without
    // waiting for the next poll.
    void rerouteSettlesAtOnce()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString other = otherUser(fixture());
        QVERIFY(refresh());
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        m_actions->reroute({ a }, { IncidentTarget::user(other) });
        QCOMPARE(m_model->pendingAt(m_model->rowOf(a)), IncidentModel::PendingAction::Reroute);
        QVERIFY(finished.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_model->incidentAt(m_model->rowOf(a)).pagedUsers.contains(other), 3000);
        QVERIFY(!m_model->isPagingMe(m_model->rowOf(a)));
    }

    void emptyStateSaysAllClear()
    {
        for (sim::SimIncident& incident : fixture().ctx().org.incidents)
            incident.phase = QStringLiteral("RESOLVED");
        QVERIFY(refresh());
        // The service lists recently resolved incidents too: shown as resolved, none open.
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            QCOMPARE(table()->model()->index(row, 0).data(IncidentModel::PhaseRole).toInt(),
                int(Phase::Resolved));
        QTest::mouseClick(view().phaseButton(Phase::Resolved), Qt::LeftButton);
        QCOMPARE(table()->model()->rowCount(), 0);
        QVERIFY(view().emptyLabel()->isVisibleTo(m_view.get()));
        QVERIFY2(view().emptyLabel()->text().contains(QStringLiteral("all clear")),
            qPrintable(view().emptyLabel()->text()));
        QVERIFY(!view().ackAllAction()->isEnabled());
        QVERIFY(!view().ackAllAction()->toolTip().isEmpty());
    }

    void newIncidentWithCtrlN()
    {
        QVERIFY(refresh());
        activate();
        QTest::keyClick(table(), Qt::Key_N, Qt::ControlModifier);
        QPointer<CreateIncidentDialog> dialog = view().createDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return dialog->picker()->isLoaded(); }, 5000));
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);

        // Nothing filled in: said in words, nothing sent.
        const int before = fixture().ctx().org.incidents.size();
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("summary")),
            qPrintable(dialog->errorLabel()->text()));
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("to page")));
        QCOMPARE(fixture().ctx().org.incidents.size(), before);

        QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Checkout is down"));
        QTest::keyClicks(dialog->detailsEdit(), QStringLiteral("500s since 10:02"));
        QVERIFY(dialog->picker()->setChecked(IncidentTarget::user(otherUser(fixture()))));
        QVERIFY(!dialog->headingLabel()->isVisibleTo(dialog)); // not aimed from elsewhere
        dialog->multiResponderBox()->setChecked(true);

        // Refused: the dialog stays, with the error and everything typed.
        injectFault(
            QStringLiteral("error,status=403,count=1,method=POST,path=/api-public/v1/incidents"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isSending(); }, 5000));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorLabel()->text().startsWith(QStringLiteral("Could not create")),
            qPrintable(dialog->errorLabel()->text()));
        QCOMPARE(dialog->summaryEdit()->text(), QStringLiteral("Checkout is down"));
        QCOMPARE(dialog->picker()->targets().size(), 1);
        QCOMPARE(fixture().ctx().org.incidents.size(), before);

        // Accepted: it closes, the incident exists and the view selects it once it arrives.
        QSignalSpy created(dialog.data(), &CreateIncidentDialog::created);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(created.wait(5000));
        const QString number = created.at(0).at(0).toString();
        QVERIFY(!number.isEmpty());
        QCOMPARE(simIncident(number).entityDisplayName, QStringLiteral("Checkout is down"));
        QVERIFY(simIncident(number).pagedUsers.contains(otherUser(fixture())));
        QVERIFY(QTest::qWaitFor([&] { return dialog.isNull(); }, 2000));
        QVERIFY(QTest::qWaitFor(
            [&] { return view().selectedNumbers() == QStringList { number }; }, 5000));
        QCOMPARE(view().detailPane()->incidentNumber(), number);
    }

    // "Page…" from another view: the dialog comes aimed, even before the org's lists arrive (a
    // press of Create then still pages them), names them, and the incident it opens is selected.
    void pageFromElsewhereComesAimed()
    {
        QVERIFY(refresh());
        activate();
        const QString other = otherUser(fixture());
        const QString policy = fixture().ctx().org.policies.firstKey();
        const QList<IncidentTarget> targets { IncidentTarget::user(other),
            IncidentTarget::policy(policy) };
        view().page(targets);
        QPointer<CreateIncidentDialog> dialog = view().createDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().startsWith(QStringLiteral("Page ")));
        QCOMPARE(dialog->targets().size(), 2); // aimed while the lists are still on their way
        QVERIFY(QTest::qWaitFor([&] { return dialog->picker()->isLoaded(); }, 5000));
        QCOMPARE(dialog->picker()->targets().size(), 2); // now ticked in the lists
        QCOMPARE(dialog->targets().size(), 2);
        const QString name = m_directory->userDisplayName(other);
        QVERIFY(name != other);
        QVERIFY2(
            dialog->pagesLabel()->text().contains(name), qPrintable(dialog->pagesLabel()->text()));
        QVERIFY(dialog->windowTitle().contains(name));
        QVERIFY(dialog->headingLabel()->isVisibleTo(dialog));
        QVERIFY(dialog->headingLabel()->text().contains(name));
        QVERIFY(dialog->summaryEdit()->hasFocus() || !dialog->isActiveWindow());

        // "Page…" again while it is open adds to the same dialog.
        view().page({ IncidentTarget::user(fixture().demoUser()) });
        QCOMPARE(view().createDialog(), dialog.data());
        QCOMPARE(dialog->targets().size(), 3);

        QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Need a second pair of eyes"));
        QSignalSpy created(dialog.data(), &CreateIncidentDialog::created);
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(created.wait(5000));
        const QString number = created.at(0).at(0).toString();
        QVERIFY(simIncident(number).pagedUsers.contains(other));
        QVERIFY(simIncident(number).pagedUsers.contains(fixture().demoUser()));
        QVERIFY(simIncident(number).pagedPolicies.contains(policy));
        QVERIFY(QTest::qWaitFor(
            [&] { return view().selectedNumbers() == QStringList { number }; }, 5000));
    }

    // A target the org's lists do not have is still aimed at, named by its slug; the service's
    // refusal is shown and nothing typed is lost.
    void pageUnlistedTargetKeepsItsAim()
    {
        QVERIFY(refresh());
        activate();
        view().page({ IncidentTarget::user(QStringLiteral("no.such.person")) });
        QPointer<CreateIncidentDialog> dialog = view().createDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->picker()->isLoaded(); }, 5000));
        QCOMPARE(dialog->picker()->targets().size(), 0);
        QCOMPARE(dialog->targets().size(), 1);
        QVERIFY(dialog->pagesLabel()->text().contains(QStringLiteral("no.such.person")));
        const int before = fixture().ctx().org.incidents.size();
        QTest::keyClicks(dialog->summaryEdit(), QStringLiteral("Who is this"));
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isSending(); }, 5000));
        QVERIFY(dialog);
        QVERIFY(dialog->errorLabel()->isVisible());
        QCOMPARE(dialog->summaryEdit()->text(), QStringLiteral("Who is this"));
        QCOMPARE(fixture().ctx().org.incidents.size(), before);
    }

    // One count of "paging me": triggered incidents paging the user. The badge, the scope
    // filter's entry and its rows say the same number; acknowledged incidents and incidents
    // paging others are not in it.
    void badgeScopeAndCountAgree()
    {
        const QString mine
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString alsoMine
            = newIncident(fixture(), QStringLiteral("Queue stuck"), { fixture().demoUser() });
        newIncident(fixture(), QStringLiteral("Not mine"), { otherUser(fixture()) });
        QVERIFY(refresh());
        QSignalSpy badge(m_view.get(), &IncidentsView::badgeChanged);
        m_actions->acknowledge({ alsoMine });
        QVERIFY(
            QTest::qWaitFor([&] { return simPhase(alsoMine) == QLatin1String("ACKED"); }, 5000));
        QVERIFY(refresh());

        const auto check = [this](const char* where) {
            const int paging = m_model->countPagingMe(Phase::Triggered);
            QVERIFY2(paging > 0, where);
            // Others' and acknowledged incidents exist, and are not counted.
            QVERIFY2(m_model->count(Phase::Triggered) > paging, where);
            QVERIFY2(m_model->countPagingMe(Phase::Acknowledged) > 0, where);
            QCOMPARE(IncidentsView::badgeText(*m_model), QString::number(paging));
            QVERIFY(IncidentsView::badgeUrgent(*m_model));
            const int item
                = view().scopeCombo()->findData(int(IncidentFilterModel::Scope::PagingMe));
            QCOMPARE(
                view().scopeCombo()->itemText(item), QStringLiteral("Paging me (%1)").arg(paging));
            view().scopeCombo()->setCurrentIndex(item);
            QCOMPARE(table()->model()->rowCount(), paging);
            for (int row = 0; row < paging; ++row) {
                const QModelIndex index = table()->model()->index(row, 0);
                QVERIFY(index.data(IncidentModel::PagingMeRole).toBool());
                QCOMPARE(index.data(IncidentModel::PhaseRole).toInt(), int(Phase::Triggered));
            }
            view().scopeCombo()->setCurrentIndex(0);
        };
        check("after the acknowledgement");
        QVERIFY(badge.count() > 0);
        QCOMPARE(badge.last().at(0).toString(), IncidentsView::badgeText(*m_model));
        QVERIFY(viewRow(alsoMine) >= 0);

        // Acknowledging one more takes one off every count at once.
        const int before = m_model->countPagingMe(Phase::Triggered);
        m_actions->acknowledge({ mine });
        QCOMPARE(m_model->countPagingMe(Phase::Triggered), before - 1);
        QCOMPARE(
            badge.last().at(0).toString(), before > 1 ? QString::number(before - 1) : QString());
        QVERIFY(QTest::qWaitFor([&] { return simPhase(mine) == QLatin1String("ACKED"); }, 5000));
        QVERIFY(refresh());
        check("after the second acknowledgement");
    }

    // The pane's buttons are the toolbar's actions: enabled by the phase, the same tooltips, and
    // what they do reaches the server.
    void paneButtonsActOnTheServer()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        clickRow(a);
        IncidentDetailPane* pane = view().detailPane();
        QCOMPARE(pane->incidentNumber(), a);
        QVERIFY(pane->acknowledgeButton()->isVisibleTo(m_view.get()));
        QVERIFY(pane->acknowledgeButton()->isEnabled());
        QCOMPARE(pane->acknowledgeButton()->toolTip(), view().acknowledgeAction()->toolTip());
        QVERIFY2(pane->acknowledgeButton()->toolTip().contains(QLatin1String("(A, Ctrl+K)")),
            qPrintable(pane->acknowledgeButton()->toolTip()));
        QVERIFY(pane->resolveButton()->isEnabled());
        QVERIFY(pane->rerouteButton()->isEnabled());

        QTest::mouseClick(pane->acknowledgeButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return simPhase(a) == QLatin1String("ACKED"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return m_actions->pendingCalls() == 0; }, 5000));
        QCOMPARE(shownPhase(a), QStringLiteral("Acknowledged"));
        QCOMPARE(pane->incidentNumber(), a);
        // Acknowledged: no acknowledging again; resolving still.
        QVERIFY(!pane->acknowledgeButton()->isEnabled());
        QVERIFY(pane->resolveButton()->isEnabled());

        QTest::mouseClick(pane->rerouteButton(), Qt::LeftButton);
        QVERIFY(view().rerouteDialog());
        view().rerouteDialog()->reject();
        QTRY_VERIFY(!view().rerouteDialog());

        QTest::mouseClick(pane->resolveButton(), Qt::LeftButton);
        QVERIFY(view().resolveDialog());
        view().resolveDialog()->setTextValue(QStringLiteral("fixed"));
        view().resolveDialog()->accept();
        QVERIFY(QTest::qWaitFor([&] { return simPhase(a) == QLatin1String("RESOLVED"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !pane->resolveButton()->isEnabled(); }, 5000));
        QVERIFY(!pane->acknowledgeButton()->isEnabled());
        QVERIFY(!pane->rerouteButton()->isEnabled());
    }

    // What alert rules add is shown safely: web links only for http and https, every text
    // escaped, images as links (nothing loaded until a click).
    void annotationsAreShownSafely()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        sim::SimIncident& incident = simIncident(a);
        const QString uuid
            = incident.firstAlertUuid.isEmpty() ? incident.lastAlertId : incident.firstAlertUuid;
        QVERIFY(fixture().ctx().org.alerts.contains(uuid));
        QJsonObject& raw = fixture().ctx().org.alerts[uuid].raw;
        raw.insert(QStringLiteral("vo_annotate.u.Runbook"),
            QStringLiteral("https://wiki.example.org/run?a=1&b=<x>"));
        raw.insert(QStringLiteral("vo_annotate.u.Evil"), QStringLiteral("javascript:alert(1)"));
        raw.insert(QStringLiteral("vo_annotate.i.Graph"),
            QStringLiteral("https://graphs.example.org/cpu.png"));
        raw.insert(QStringLiteral("vo_annotate.s.Triage"),
            QStringLiteral("<b>bold</b> & <img src=\"https://tracker.example.org/x.png\">"));
        QVERIFY(refresh());
        activate();
        QList<QUrl> opened;
        view().setUrlOpener([&opened](const QUrl& url) { opened.append(url); });
        clickRow(a);
        IncidentDetailPane* pane = view().detailPane();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_notes->alertState() == IncidentNotes::LoadState::Loaded; }, 5000));
        QLabel* label = pane->annotationsLabel();
        QVERIFY(label->isVisibleTo(m_view.get()));
        QCOMPARE(label->textFormat(), Qt::RichText);
        QVERIFY(!label->openExternalLinks());
        const QString html = label->text();
        QVERIFY2(html.contains(
                     QLatin1String("<a href=\"https://wiki.example.org/run?a=1&amp;b=%3Cx%3E\">")),
            qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("<a href=\"https://graphs.example.org/cpu.png\">")),
            qPrintable(html));
        // Not a link: shown as text.
        QVERIFY(!html.contains(QLatin1String("href=\"javascript")));
        QVERIFY(html.contains(QLatin1String("javascript:alert(1)")));
        QCOMPARE(html.count(QLatin1String("<a ")), 2);
        // The note's HTML is text: no element of its own reaches the label.
        QVERIFY(html.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(html.contains(QLatin1String("Graph (image)")));
        // The annotations are not listed twice among the alert's fields.
        for (QTreeWidgetItemIterator it(pane->alertTree()); *it; ++it)
            QVERIFY(!(*it)->text(0).startsWith(QLatin1String("vo_annotate.")));

        // A click opens web addresses only.
        pane->openLink(QStringLiteral("javascript:alert(1)"));
        pane->openLink(QStringLiteral("file:///etc/passwd"));
        QVERIFY(opened.isEmpty());
        pane->openLink(QStringLiteral("https://graphs.example.org/cpu.png"));
        QCOMPARE(
            opened, QList<QUrl> { QUrl(QStringLiteral("https://graphs.example.org/cpu.png")) });

        QCOMPARE(IncidentDetailPane::alertCountText(1), QStringLiteral("1 alert"));
        QCOMPARE(IncidentDetailPane::alertCountText(3), QStringLiteral("3 alerts"));
    }

    // "Open in Splunk On-Call": disabled, saying how to set it, until the organisation is known;
    // then the incident's page in the web app, the slug escaped.
    void openInTheWebApp()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        // An alert that does not name the organisation: nothing stands in for the account's.
        sim::SimIncident& incident = simIncident(a);
        const QString uuid
            = incident.firstAlertUuid.isEmpty() ? incident.lastAlertId : incident.firstAlertUuid;
        fixture().ctx().org.alerts[uuid].raw.remove(QStringLiteral("VO_ORGANIZATION_ID"));
        QVERIFY(refresh());
        activate();
        QList<QUrl> opened;
        view().setUrlOpener([&opened](const QUrl& url) { opened.append(url); });
        clickRow(a);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_notes->alertState() == IncidentNotes::LoadState::Loaded; }, 5000));
        QAction* open = view().openWebAction();
        QVERIFY(!open->isEnabled());
        QVERIFY2(open->toolTip().contains(QLatin1String("Organisation (web app)")),
            qPrintable(open->toolTip()));
        QVERIFY(view().detailPane()->openWebButton()->isVisibleTo(m_view.get()));
        QVERIFY(!view().detailPane()->openWebButton()->isEnabled());

        view().setWebAppSlug(QStringLiteral("north wind/../x"));
        QVERIFY(open->isEnabled());
        QCOMPARE(view().webAppUrl().toString(QUrl::FullyEncoded),
            QStringLiteral(
                "https://portal.victorops.com/ui/north%20wind%2F..%2Fx/incident/%1/details")
                .arg(a));
        QTest::mouseClick(view().detailPane()->openWebButton(), Qt::LeftButton);
        QCOMPARE(opened, QList<QUrl> { view().webAppUrl() });

        // Without the account's slug, the one the service names in alerts stands in.
        view().setWebAppSlug(QString());
        const QString b
            = newIncident(fixture(), QStringLiteral("Queue stuck"), { fixture().demoUser() });
        QVERIFY(refresh());
        clickRow(b);
        QVERIFY(QTest::qWaitFor([&] { return open->isEnabled(); }, 5000));
        QCOMPARE(view().webAppSlug(), fixture().ctx().org.orgSlug);
        QCOMPARE(view().webAppUrl(), Account::webAppIncidentUrl(fixture().ctx().org.orgSlug, b));
    }

    void notesAddEditDelete()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        QVERIFY(refresh());
        activate();
        view().showIncident(a);
        IncidentDetailPane* pane = view().detailPane();
        IncidentNotes* notes = pane->notes();
        QCOMPARE(notes, m_notes.get());
        IncidentNotesController* controller = pane->notesController();
        QCOMPARE(controller, m_notesController.get());
        QVERIFY(QTest::qWaitFor(
            [&] { return notes->notesState() == IncidentNotes::LoadState::Loaded; }, 5000));
        // The alert body is there too.
        QVERIFY(QTest::qWaitFor(
            [&] { return notes->alertState() == IncidentNotes::LoadState::Loaded; }, 5000));
        QVERIFY(pane->alertTree()->topLevelItemCount() > 0);
        QVERIFY(pane->timeline()->topLevelItemCount() > 0);
        QCOMPARE(notes->rowCount(), 0);
        QVERIFY(!pane->addNoteButton()->isEnabled()); // nothing typed yet

        // Add.
        pane->noteTitleEdit()->setFocus();
        QTest::keyClicks(pane->noteTitleEdit(), QStringLiteral("Plan"));
        pane->noteTextEdit()->setFocus();
        QTest::keyClicks(pane->noteTextEdit(), QStringLiteral("Rotate the logs"));
        QVERIFY(pane->addNoteButton()->isEnabled());
        // The "a" typed into the note did not acknowledge the selected incident.
        QCOMPARE(pane->noteTextEdit()->toPlainText(), QStringLiteral("Rotate the logs"));
        QCOMPARE(m_actions->pendingCalls(), 0);
        QCOMPARE(shownPhase(a), QStringLiteral("Triggered"));
        QTest::mouseClick(pane->addNoteButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return simIncident(a).notes.size() == 1; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return controller->pendingCalls() == 0; }, 5000));
        QCOMPARE(simIncident(a).notes.at(0).displayName, QStringLiteral("Plan"));
        QCOMPARE(simIncident(a).notes.at(0).jsonValue.value(QStringLiteral("text")).toString(),
            QStringLiteral("Rotate the logs"));
        QCOMPARE(pane->noteTextEdit()->toPlainText(), QString()); // ready for the next one
        // The notes API keeps no author or time: the note carries them, and the pane shows them.
        const QJsonObject written = simIncident(a).notes.at(0).jsonValue;
        QCOMPARE(written.value(QStringLiteral("author")).toString(), fixture().demoUser());
        const QDateTime created = QDateTime::fromString(
            written.value(QStringLiteral("created")).toString(), Qt::ISODate);
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        QCOMPARE(
            notes->index(0, 0).data(IncidentNotes::AuthorRole).toString(), fixture().demoUser());
        QCOMPARE(notes->index(0, 0).data(IncidentNotes::CreatedRole).toDateTime(), created);
        QCOMPARE(notes->index(0, 0).data(IncidentNotes::TextRole).toString(),
            QStringLiteral("Rotate the logs")); // the author is not a line of the text
        // The day and the time (today's time alone), the year only when it is another.
        const QDate day = QDate::currentDate().month() == 12 && QDate::currentDate().day() == 5
            ? QDate(QDate::currentDate().year(), 12, 6)
            : QDate(QDate::currentDate().year(), 12, 5);
        QCOMPARE(IncidentDetailPane::noteByline(
                     QStringLiteral("Omar Müller"), QDateTime(day, QTime(11, 20))),
            QStringLiteral("Omar Müller · %1 Dec 11:20").arg(day.day()));
        QCOMPARE(
            IncidentDetailPane::noteByline(QString(), QDateTime(QDate::currentDate(), QTime(9, 5))),
            QStringLiteral("09:05"));
        QCOMPARE(IncidentDetailPane::noteByline(
                     QStringLiteral("Omar"), QDateTime(QDate(2001, 2, 3), QTime(4, 5))),
            QStringLiteral("Omar · 3 Feb 2001 04:05"));
        QCOMPARE(IncidentDetailPane::noteByline(QString(), QDateTime()), QString());

        // Edit.
        pane->noteList()->setCurrentIndex(notes->index(0, 0));
        QVERIFY(pane->editNoteButton()->isEnabled());
        QTest::mouseClick(pane->editNoteButton(), Qt::LeftButton);
        QCOMPARE(pane->noteTextEdit()->toPlainText(), QStringLiteral("Rotate the logs"));
        pane->noteTextEdit()->selectAll();
        QTest::keyClicks(pane->noteTextEdit(), QStringLiteral("Logs rotated"));
        QTest::mouseClick(pane->addNoteButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return simIncident(a).notes.at(0).jsonValue.value(QStringLiteral("text")).toString()
                    == QStringLiteral("Logs rotated");
            },
            5000));

        // A refused add keeps the text in the box and says why.
        QVERIFY(QTest::qWaitFor([&] { return controller->pendingCalls() == 0; }, 5000));
        injectFault(QStringLiteral("error,status=403,count=1,method=POST"));
        QTest::keyClicks(pane->noteTextEdit(), QStringLiteral("Call the vendor"));
        QTest::mouseClick(pane->addNoteButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return pane->noteMessage()->isVisible(); }, 5000));
        QVERIFY2(pane->noteMessage()->text().startsWith(
                     QStringLiteral("The note on incident #%1 was not saved").arg(a)),
            qPrintable(pane->noteMessage()->text()));
        QCOMPARE(pane->noteTextEdit()->toPlainText(), QStringLiteral("Call the vendor"));
        QCOMPARE(simIncident(a).notes.size(), 1);
        QCOMPARE(notes->rowCount(), 1);

        // Delete.
        pane->noteList()->setCurrentIndex(notes->index(0, 0));
        QVERIFY(pane->deleteNoteButton()->isEnabled());
        QTest::mouseClick(pane->deleteNoteButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return simIncident(a).notes.isEmpty(); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return notes->rowCount() == 0; }, 5000));
    }

    void rerouteToAUser()
    {
        const QString a
            = newIncident(fixture(), QStringLiteral("Disk full"), { fixture().demoUser() });
        const QString other = otherUser(fixture());
        QVERIFY(refresh());
        activate();
        clickRow(a);
        QTest::keyClick(table(), Qt::Key_E, Qt::ControlModifier);
        QPointer<RerouteDialog> dialog = view().rerouteDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->incidentNumbers(), QStringList { a });
        QVERIFY(QTest::qWaitFor([&] { return dialog->picker()->isLoaded(); }, 5000));
        QVERIFY(dialog->picker()->userList()->count() > 1);
        QVERIFY(dialog->picker()->policyList()->count() > 0);

        // The filter narrows the list.
        QTest::keyClicks(dialog->picker()->filterEdit(), other);
        int shown = 0;
        for (int i = 0; i < dialog->picker()->userList()->count(); ++i)
            shown += dialog->picker()->userList()->item(i)->isHidden() ? 0 : 1;
        QCOMPARE(shown, 1);

        // OK with nothing ticked: said in words.
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY(dialog);

        QVERIFY(dialog->picker()->setChecked(IncidentTarget::user(other)));
        QSignalSpy finished(m_actions.get(), &IncidentActions::actionFinished);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return dialog.isNull(); }, 2000));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList { a });
        QVERIFY(simIncident(a).pagedUsers.contains(other));
        QVERIFY(!simIncident(a).pagedUsers.contains(fixture().demoUser()));
    }

    // The session's directory feeds the dialogs' lists and the detail pane's names: once it has
    // loaded, opening the dialogs reads neither the users nor the policies again.
    void dialogsUseTheSharedDirectory()
    {
        OrgDirectory directory(fixture().client.get());
        directory.ensureLoaded();
        QVERIFY(QTest::qWaitFor(
            [&] { return directory.hasUsers() && directory.hasTeams() && directory.hasPolicies(); },
            5000));
        int listReads = 0;
        connect(fixture().client.get(), &ApiClient::exchanged, &directory,
            [&listReads](const QString& operation, int, qint64, const ApiError&) {
                if (operation == QLatin1String("GET /api-public/v1/user")
                    || operation == QLatin1String("GET /api-public/v1/policies"))
                    ++listReads;
            });

        RerouteDialog reroute(&directory, m_actions.get(), { QStringLiteral("1") });
        QSignalSpy loaded(reroute.picker(), &TargetPicker::loaded);
        QVERIFY(reroute.picker()->isLoaded());
        QVERIFY(loaded.wait(2000)); // still announced, after construction
        QCOMPARE(reroute.picker()->userList()->count(), int(fixture().ctx().org.users.size()));
        QCOMPARE(reroute.picker()->policyList()->count(), int(fixture().ctx().org.policies.size()));

        CreateIncidentDialog create(m_actions.get(), &directory);
        QVERIFY(create.picker()->isLoaded());
        QCOMPARE(create.picker()->userList()->count(), int(fixture().ctx().org.users.size()));

        // Names instead of slugs in the detail pane.
        const sim::SimPolicy& policy = fixture().ctx().org.policies.first();
        const QString teamName = fixture().ctx().org.teams.value(policy.teamSlug).name;
        IncidentNotes notes;
        IncidentNotesController notesController(fixture().client.get(), &notes);
        IncidentDetailPane pane(&notes, &notesController);
        pane.setDirectory(&directory);
        Incident incident;
        incident.incidentNumber = QStringLiteral("1");
        incident.pagedTeams = { policy.teamSlug };
        TeamPolicy paged;
        paged.policySlug = policy.slug; // no name: the directory gives it
        incident.pagedPolicies = { paged };
        pane.setIncident(incident);
        QStringList texts;
        for (const QLabel* label : pane.findChildren<QLabel*>())
            texts.append(label->text());
        QVERIFY2(texts.contains(teamName), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(policy.name), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(!texts.contains(policy.teamSlug));

        QTest::qWait(50);
        QCOMPARE(listReads, 0);
    }
};

QTEST_MAIN(TestIncidentsView)
#include "tst_incidentsview.moc"
