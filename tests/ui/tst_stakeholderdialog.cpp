// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// "Notify stakeholders…": the dialog driven with QTest against an in-process rota-sim — filling
// it in and sending once, what keeps Send disabled, a failure injected through /_sim/faults, the
// completion of users and teams — and reaching it from the incidents view.

#include "connectionstatus.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "orgdirectory.h"
#include "simfixture.h"
#include "simhelpers.h"
#include "simservice.h"
#include "stakeholderdialog.h"
#include "stakeholdermessenger.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextEdit>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

class TestStakeholderDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<OrgDirectory> m_directory;
    std::unique_ptr<StakeholderMessenger> m_messenger;
    QString m_incident;
    QString m_user; //!< a user of the org (not the demo user)
    sim::SimTeam m_team; //!< a team of the org

    SimFixture& fixture() { return *m_fixture; }
    const QList<sim::SimStakeholderMessage>& sentMessages()
    {
        return fixture().ctx().org.stakeholderMessages;
    }

    std::unique_ptr<StakeholderDialog> openDialog()
    {
        auto dialog = std::make_unique<StakeholderDialog>(
            m_messenger.get(), m_directory.get(), m_incident, QStringLiteral("Checkout degraded"));
        dialog->show();
        (void)QTest::qWaitForWindowExposed(dialog.get());
        return dialog;
    }

    bool directoryLoaded()
    {
        return QTest::qWaitFor(
            [this] {
                return m_directory->hasUsers() && m_directory->hasTeams()
                    && !m_directory->isLoading(OrgDirectory::List::Users)
                    && !m_directory->isLoading(OrgDirectory::List::Teams);
            },
            10000);
    }

    //! Types `text` into the recipient box and presses Enter.
    static void typeRecipient(StakeholderDialog& dialog, const QString& text)
    {
        dialog.recipientEdit()->setFocus();
        dialog.recipientEdit()->clear();
        QTest::keyClicks(dialog.recipientEdit(), text);
        if (dialog.completer()->popup()->isVisible())
            dialog.completer()->popup()->hide();
        QTest::keyClick(dialog.recipientEdit(), Qt::Key_Return);
    }

    void fill(StakeholderDialog& dialog)
    {
        QTest::keyClicks(
            dialog.messageEdit(), QStringLiteral("Payments are slow; next update at 10:30."));
        typeRecipient(dialog, m_user);
        typeRecipient(dialog, m_team.name);
        QCOMPARE(dialog.recipientList()->count(), 2);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_directory = std::make_unique<OrgDirectory>(m_fixture->client.get());
        m_messenger = std::make_unique<StakeholderMessenger>(m_fixture->client.get());
        m_incident = rota::test::newSimIncident(
            fixture(), QStringLiteral("Checkout degraded"), { fixture().demoUser() });
        m_user = rota::test::otherUser(fixture());
        m_team = fixture().ctx().org.teams.first();
    }

    void cleanup()
    {
        m_messenger.reset();
        m_directory.reset();
        m_fixture.reset();
    }

    void completionOffersUsersAndTeams()
    {
        auto dialog = openDialog();
        QVERIFY(directoryLoaded());
        const sim::SimUser user = fixture().ctx().org.users.value(m_user);
        QCompleter* completer = dialog->completer();

        dialog->recipientEdit()->setFocus();
        QTest::keyClicks(dialog->recipientEdit(), user.lastName.left(4));
        QVERIFY(completer->completionCount() > 0);
        QStringList offered;
        for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
            offered << completer->completionModel()->index(row, 0).data().toString();
        QVERIFY2(offered.contains(
                     QStringLiteral("%1 %2 (%3)").arg(user.firstName, user.lastName, m_user)),
            qPrintable(offered.join(QStringLiteral(", "))));

        dialog->recipientEdit()->clear();
        QTest::keyClicks(dialog->recipientEdit(), m_team.name.left(3).toLower());
        offered.clear();
        for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
            offered << completer->completionModel()->index(row, 0).data().toString();
        QVERIFY2(offered.contains(m_team.name + QStringLiteral(" (team)")),
            qPrintable(offered.join(QStringLiteral(", "))));

        // Choosing the team in the popup with the keyboard puts it on the list.
        QVERIFY(completer->popup()->isVisible());
        const int teamRow
            = static_cast<int>(offered.indexOf(m_team.name + QStringLiteral(" (team)")));
        completer->popup()->setCurrentIndex(completer->completionModel()->index(teamRow, 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(dialog->recipientList()->count(), 1);
        QCOMPARE(dialog->recipientList()->item(0)->text(), m_team.name + QStringLiteral(" (team)"));
        QCOMPARE(dialog->message().teams, QStringList { m_team.slug });
        QTRY_VERIFY(dialog->recipientEdit()->text().isEmpty());

        // Someone unknown is said so, and nothing is added.
        typeRecipient(*dialog, QStringLiteral("nobody-at-all"));
        QCOMPARE(dialog->recipientList()->count(), 1);
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("nobody-at-all")));
    }

    void sendNeedsRecipientsTitleAndMessage()
    {
        auto dialog = openDialog();
        QVERIFY(directoryLoaded());
        QVERIFY(dialog->titleEdit()->text().contains(m_incident));
        QVERIFY(dialog->titleEdit()->text().contains(QStringLiteral("Checkout degraded")));
        QVERIFY(!dialog->sendButton()->isEnabled());

        typeRecipient(*dialog, m_user);
        QCOMPARE(dialog->recipientList()->count(), 1);
        QVERIFY2(!dialog->sendButton()->isEnabled(), "no message yet");

        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("   "));
        QVERIFY2(!dialog->sendButton()->isEnabled(), "a blank message");
        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("Back to normal."));
        QVERIFY(dialog->sendButton()->isEnabled());

        dialog->titleEdit()->clear();
        QVERIFY2(!dialog->sendButton()->isEnabled(), "no title");
        QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Checkout"));
        QVERIFY(dialog->sendButton()->isEnabled());

        dialog->recipientList()->item(0)->setSelected(true);
        dialog->removeSelected();
        QCOMPARE(dialog->recipientList()->count(), 0);
        QVERIFY2(!dialog->sendButton()->isEnabled(), "nobody to send to");
        // Clicking the disabled button sends nothing.
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTest::qWait(100);
        QVERIFY(sentMessages().isEmpty());
    }

    void fillAndSendOnce()
    {
        auto dialog = openDialog();
        QVERIFY(directoryLoaded());
        fill(*dialog);
        // The preview names who gets it and shows the text.
        const QString preview = dialog->preview()->toPlainText();
        QVERIFY2(preview.contains(m_team.name), qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("Payments are slow")), qPrintable(preview));
        QVERIFY2(preview.contains(m_incident), qPrintable(preview));

        QVERIFY(dialog->sendButton()->isEnabled());
        QVERIFY2(dialog->hasUnsentMessage(), "a quit would ask about it");
        // Clicks in quick succession, a double click, Ctrl+Return: the first click sends, the
        // rest find Send disabled.
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QVERIFY(!dialog->sendButton()->isEnabled());
        QCOMPARE(dialog->sendButton()->text(), QStringLiteral("Sending…"));
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTest::mouseDClick(dialog->sendButton(), Qt::LeftButton);
        QTest::keyClick(dialog->messageEdit(), Qt::Key_Return, Qt::ControlModifier);
        dialog->send();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().startsWith(QStringLiteral("Sent to")), 10000);
        QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("Sent to 1 person and 1 team."));
        QTest::qWait(200);
        QCOMPARE(sentMessages().size(), 1);
        const sim::SimStakeholderMessage& sent = sentMessages().first();
        QCOMPARE(sent.users, QStringList { m_user });
        QCOMPARE(sent.teams, QStringList { m_team.slug });
        QCOMPARE(QString::number(sent.incidentNumber), m_incident);
        QCOMPARE(sent.message, QStringLiteral("Payments are slow; next update at 10:30."));
        QCOMPARE(sent.title, dialog->titleEdit()->text());
        QVERIFY2(!dialog->hasUnsentMessage(), "sent: nothing to ask about");
        // Sent: the same message is not sent again until something changes.
        QVERIFY(!dialog->sendButton()->isEnabled());
        QTest::keyClicks(dialog->messageEdit(), QStringLiteral(" Fixed."));
        QVERIFY(dialog->sendButton()->isEnabled());
    }

    void failureShowsErrorAndKeepsText()
    {
        auto dialog = openDialog();
        QVERIFY(directoryLoaded());
        fill(*dialog);
        const QString title = dialog->titleEdit()->text();
        const QString text = dialog->messageEdit()->toPlainText();
        // Over HTTP, as a harness outside the process would.
        QVERIFY(rota::test::putSimFaults(fixture(),
            QStringLiteral("error,status=503,count=1,path=/api-public/v1/stakeholders")));

        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().startsWith(QStringLiteral("Not sent")), 10000);
        QVERIFY2(dialog->statusLabel()->isVisible(), "the error shows");
        QVERIFY(sentMessages().isEmpty());
        QCOMPARE(dialog->titleEdit()->text(), title);
        QCOMPARE(dialog->messageEdit()->toPlainText(), text);
        QCOMPARE(dialog->recipientList()->count(), 2);
        QVERIFY(dialog->hasUnsentMessage());
        QCOMPARE(dialog->sendError(), dialog->statusLabel()->text());

        // Sending again by hand works, once.
        QVERIFY(dialog->sendButton()->isEnabled());
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().startsWith(QStringLiteral("Sent to")), 10000);
        QCOMPARE(sentMessages().size(), 1);
    }

    void reachedFromTheIncidentsView()
    {
        IncidentModel model;
        model.setIdentity(fixture().demoUser());
        IncidentPoller poller(fixture().client.get(), &model);
        IncidentActions actions(fixture().client.get(), &model);
        IncidentNotes notes;
        IncidentNotesController notesController(fixture().client.get(), &notes);
        IncidentsView view(&model, &poller, &actions, &notes, &notesController, m_directory.get());
        view.resize(1100, 700);
        QVERIFY(!view.notifyStakeholdersAction()->isEnabled());
        view.setStakeholderMessenger(m_messenger.get());
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.refresh();
        QVERIFY(refreshed.wait(10000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));

        view.showIncident(m_incident);
        QTRY_COMPARE(view.selectedNumbers(), QStringList { m_incident });
        QVERIFY(view.notifyStakeholdersAction()->isEnabled());
        QCOMPARE(view.notifyStakeholdersAction()->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(view.stakeholderDialog());
        QVERIFY(view.stakeholderDialog()->titleEdit()->text().contains(m_incident));
        QVERIFY(view.stakeholderDialog()->titleEdit()->text().contains(
            QStringLiteral("Checkout degraded")));
        // Asking again raises the same dialog.
        StakeholderDialog* first = view.stakeholderDialog();
        view.notifyStakeholders();
        QCOMPARE(view.stakeholderDialog(), first);
        first->close();
        QTRY_VERIFY(!view.stakeholderDialog());

        // The table's context menu offers it too.
        bool inMenu = false;
        for (QMenu* menu : view.findChildren<QMenu*>()) {
            if (menu->actions().contains(view.notifyStakeholdersAction()))
                inMenu = true;
        }
        QVERIFY(inMenu);
    }
};

QTEST_MAIN(TestStakeholderDialog)
#include "tst_stakeholderdialog.moc"
