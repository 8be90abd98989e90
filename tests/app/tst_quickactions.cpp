// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// QuickActions (what the tray and notifications act through) against an in-process rota-sim over
// real HTTP, with its dialogs driven by QTest keys (offscreen):
// - acknowledge with a message: the message typed and Enter (or Ctrl+Enter) reach the service,
//   which records it with the acknowledgement; Esc sends nothing; an empty message is not sent;
// - reroute: a name typed in the compact picker and Enter page that user instead; Up/Down and
//   Ctrl+Space pick more than one; "keep paging" adds them; Esc sends nothing;
// - feedback in words for each step: sent, done, refused (a server error injected through
//   /_sim/faults, and the service refusing one incident), not confirmed (an answer lost) and then
//   what the refresh showed; the rows roll back when refused;
// - a failure of a call not sent through QuickActions is passed on as Origin::Other, once;
// - dialogs open over the window when it is on screen, else on their own and on top.

#include "ackmessagedialog.h"
#include "incidentactions.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "orgdirectory.h"
#include "quickactions.h"
#include "quickreroutedialog.h"
#include "simfixture.h"
#include "simhelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;
using Feedback = QuickActions::Feedback;
using Stage = QuickActions::Stage;
using Origin = QuickActions::Origin;

namespace {

Feedback feedbackAt(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<Feedback>(); }

//! The feedback of `stage` (waiting for it); stage NotSent with an empty title when none came.
Feedback waitForStage(QSignalSpy& spy, Stage stage, int timeoutMs = 10000)
{
    Feedback found;
    found.stage = Stage::NotSent;
    (void)QTest::qWaitFor(
        [&] {
            for (int i = 0; i < spy.size(); ++i) {
                if (feedbackAt(spy, i).stage == stage) {
                    found = feedbackAt(spy, i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QString describe(const Feedback& feedback)
{
    return QStringLiteral("stage %1, title \"%2\", text \"%3\"")
        .arg(QString::number(int(feedback.stage)), feedback.title, feedback.text);
}

} // namespace

class TestQuickActions : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<IncidentPoller> m_poller;
    std::unique_ptr<IncidentActions> m_actions;
    std::unique_ptr<OrgDirectory> m_directory;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<QuickActions> m_quick;
    QStringList m_opened;

    SimFixture& fixture() { return *m_fixture; }
    QString simPhase(const QString& number) { return test::simPhase(fixture(), number); }
    Phase phase(const QString& number) const { return m_model->phaseAt(m_model->rowOf(number)); }
    QString newIncident(const QString& summary)
    {
        return test::newSimIncident(fixture(), summary, { fixture().demoUser() });
    }

    bool refresh()
    {
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_poller->refresh();
        return refreshed.wait(10000);
    }

    //! Sets rota-sim's faults as a person would, over HTTP with its control token.
    bool putFaults(const QString& spec) { return rota::test::putSimFaults(fixture(), spec); }

    template <typename Dialog> Dialog* dialogFor(const QString& number, const QString& kind)
    {
        QDialog* dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] { return (dialog = m_quick->openDialog({ number }, kind)) != nullptr; }, 2000);
        // Shown activated, as from the tray: the keys below go where a person's would.
        if (dialog && !QTest::qWaitForWindowActive(dialog))
            return nullptr;
        return qobject_cast<Dialog*>(dialog);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SimFixture>();
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        m_model = std::make_unique<IncidentModel>();
        m_model->setIdentity(fixture().demoUser());
        m_poller = std::make_unique<IncidentPoller>(fixture().client.get(), m_model.get());
        m_actions = std::make_unique<IncidentActions>(fixture().client.get(), m_model.get());
        // As the workspace wires them: a lost answer asks for a refresh.
        connect(m_actions.get(), &IncidentActions::outcomeUnknown, m_poller.get(),
            &IncidentPoller::refresh);
        m_directory = std::make_unique<OrgDirectory>(fixture().client.get());
        m_window = std::make_unique<QWidget>();
        m_window->resize(400, 300);
        m_quick = std::make_unique<QuickActions>(m_actions.get(), m_model.get(), m_directory.get());
        m_quick->setWindowFinder([this] { return m_window.get(); });
        m_opened.clear();
        m_quick->setOpener([this](const QString& number) { m_opened.append(number); });
    }

    void cleanup()
    {
        m_quick.reset();
        m_window.reset();
        m_directory.reset();
        m_actions.reset();
        m_poller.reset();
        m_model.reset();
        m_fixture.reset();
    }

    void acknowledgeWithAMessage_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("Enter") << int(Qt::Key_Return) << int(Qt::NoModifier);
        QTest::newRow("keypad Enter") << int(Qt::Key_Enter) << int(Qt::KeypadModifier);
        QTest::newRow("Ctrl+Enter") << int(Qt::Key_Return) << int(Qt::ControlModifier);
    }

    void acknowledgeWithAMessage()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        const QString number = newIncident(QStringLiteral("Disk full on db-1"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);

        // The window is hidden (Rota in the tray): the dialog shows on its own, on top.
        m_quick->acknowledgeWithMessage({ number }, Origin::Notification);
        auto* dialog = dialogFor<AckMessageDialog>(number, QStringLiteral("ackMessageDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->parentWidget());
        QVERIFY(dialog->windowFlags() & Qt::WindowStaysOnTopHint);
        QVERIFY(!dialog->testAttribute(Qt::WA_QuitOnClose));
        const auto* named = dialog->findChild<QLabel*>(QStringLiteral("incidents"));
        QVERIFY(named);
        QCOMPARE(named->text(), QStringLiteral("#%1 Disk full on db-1").arg(number));
        QVERIFY(!dialog->sendButton()->isEnabled());
        QCOMPARE(QApplication::focusWidget(), dialog->messageEdit());

        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("Looking into it"));
        QVERIFY(dialog->sendButton()->isEnabled());
        QTest::keyClick(
            dialog->messageEdit(), Qt::Key(key), Qt::KeyboardModifiers(QFlag(modifiers)));
        QTRY_VERIFY(!m_quick->openDialog({ number }));

        const Feedback sent = waitForStage(feedback, Stage::Sent);
        QCOMPARE(sent.title, QStringLiteral("Acknowledging #%1…").arg(number));
        QVERIFY2(sent.text.contains(QStringLiteral("Disk full on db-1")), qPrintable(sent.text));
        QVERIFY2(sent.text.contains(QStringLiteral("\u201cLooking into it\u201d")),
            qPrintable(sent.text));
        QCOMPARE(sent.origin, Origin::Notification);
        QCOMPARE(sent.incidentNumbers, QStringList { number });
        QVERIFY(!sent.failed);

        const Feedback done = waitForStage(feedback, Stage::Done);
        QCOMPARE(done.title, QStringLiteral("#%1 acknowledged").arg(number));
        QVERIFY(!done.failed);
        QCOMPARE(simPhase(number), QStringLiteral("ACKED"));
        // The service recorded the message with the acknowledgement.
        const sim::SimIncident& incident = fixture().ctx().org.incidents[number.toInt()];
        QCOMPARE(incident.transitions.constLast().name, QStringLiteral("ACKED"));
        QCOMPARE(incident.transitions.constLast().message, QStringLiteral("Looking into it"));
        QCOMPARE(phase(number), Phase::Acknowledged);
        QCOMPARE(feedback.size(), 2); // sent, then done: once each
    }

    void escapeOrAnEmptyMessageSendsNothing()
    {
        const QString number = newIncident(QStringLiteral("CPU hot"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);

        // Enter on an empty line: nothing is sent, and the dialog says why.
        m_quick->acknowledgeWithMessage({ number }, Origin::Tray);
        auto* dialog = dialogFor<AckMessageDialog>(number, QStringLiteral("ackMessageDialog"));
        QVERIFY(dialog);
        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("   "));
        QTest::keyClick(dialog->messageEdit(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->hintLabel()->isVisible());
        QVERIFY2(dialog->hintLabel()->text().contains(QStringLiteral("Type a message")),
            qPrintable(dialog->hintLabel()->text()));

        // Asking again brings the same dialog forward, not a second one.
        m_quick->acknowledgeWithMessage({ number }, Origin::Tray);
        QCOMPARE(m_quick->openDialog({ number }), dialog);

        // Esc, with a message typed: nothing is sent.
        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("never sent"));
        QTest::keyClick(dialog->messageEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!m_quick->openDialog({ number }));
        QTest::qWait(300);
        QCOMPARE(feedback.size(), 0);
        QCOMPARE(m_actions->pendingCalls(), 0);
        QCOMPARE(phase(number), Phase::Triggered);
        QCOMPARE(simPhase(number), QStringLiteral("UNACKED"));
    }

    void rerouteWithTheKeyboard()
    {
        const QString number = newIncident(QStringLiteral("Queue backlog"));
        QVERIFY(refresh());
        const QString other = test::otherUser(fixture());
        QVERIFY(!other.isEmpty());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);

        // Over the window when it is on screen.
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_quick->reroute({ number }, Origin::Tray);
        auto* dialog = dialogFor<QuickRerouteDialog>(number, QStringLiteral("quickRerouteDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->parentWidget(), m_window.get());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        QCOMPARE(QApplication::focusWidget(), dialog->searchEdit());
        const int listed = dialog->list()->count();
        QVERIFY(listed > 4);

        // Esc sends nothing.
        QTest::keyClicks(dialog->searchEdit(), other);
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!m_quick->openDialog({ number }));
        QTest::qWait(200);
        QCOMPARE(feedback.size(), 0);

        // Typing narrows to the user; Enter reroutes to the highlighted one.
        m_window->hide();
        m_quick->reroute({ number }, Origin::Tray);
        dialog = dialogFor<QuickRerouteDialog>(number, QStringLiteral("quickRerouteDialog"));
        QVERIFY(dialog);
        QVERIFY(!dialog->parentWidget());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        QTest::keyClicks(dialog->searchEdit(), other);
        QCOMPARE(dialog->chosenTargets().size(), 1);
        QCOMPARE(dialog->chosenTargets().constFirst().slug, other);
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
        QTRY_VERIFY(!m_quick->openDialog({ number }));

        const Feedback sent = waitForStage(feedback, Stage::Sent);
        QCOMPARE(sent.title, QStringLiteral("Rerouting #%1…").arg(number));
        const QString name = m_directory->userDisplayName(other);
        QVERIFY2(sent.text.contains(QStringLiteral("Paging %1 instead").arg(name)),
            qPrintable(sent.text));
        const Feedback done = waitForStage(feedback, Stage::Done);
        QCOMPARE(done.title, QStringLiteral("#%1 rerouted").arg(number));
        QVERIFY2(done.text.contains(name), qPrintable(done.text));
        const sim::SimIncident& incident = fixture().ctx().org.incidents[number.toInt()];
        QCOMPARE(incident.pagedUsers, QStringList { other });
        QVERIFY(incident.pagedPolicies.isEmpty());

        // Two targets, kept besides those paged: a policy ticked with Ctrl+Space from the search
        // box, then a user moved to with the arrows and ticked; Alt+K keeps those paged now.
        feedback.clear();
        m_quick->reroute({ number }, Origin::Tray);
        dialog = dialogFor<QuickRerouteDialog>(number, QStringLiteral("quickRerouteDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        // The list is sorted by name: the first policy comes right after the "Escalation
        // policies" heading, the last user right before it.
        QList<EscalationPolicyInfo> policies = m_directory->policies();
        QVERIFY(!policies.isEmpty());
        std::sort(policies.begin(), policies.end(), [](const auto& a, const auto& b) {
            return a.policyName.compare(b.policyName, Qt::CaseInsensitive) < 0;
        });
        QList<User> users = m_directory->users();
        std::sort(users.begin(), users.end(), [](const User& a, const User& b) {
            return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
        });
        const EscalationPolicyInfo policy = policies.constFirst();
        const QString lastUser = users.constLast().username;
        QTest::keyClicks(dialog->searchEdit(), policy.policySlug);
        QCOMPARE(dialog->chosenTargets().size(), 1);
        QCOMPARE(dialog->chosenTargets().constFirst().slug, policy.policySlug);
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Space, Qt::ControlModifier);
        // Cleared, the list shows everyone again; the highlight stays on the ticked policy, and Up
        // goes past the heading to the last user.
        dialog->searchEdit()->clear();
        QCOMPARE(dialog->chosenTargets().size(), 1);
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Up);
        QListWidgetItem* user = dialog->list()->currentItem();
        QVERIFY(user);
        QVERIFY2(
            user->text().contains(QStringLiteral("(%1)").arg(lastUser)), qPrintable(user->text()));
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(user->checkState(), Qt::Checked);
        QCOMPARE(dialog->chosenTargets().size(), 2);
        // Down goes back to the policy; Up again to the user.
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Down);
        QVERIFY(dialog->list()->currentItem()->text().startsWith(policy.policyName));
        QTest::keyClick(dialog, Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(dialog->keepBox()->isChecked()); // a mnemonic clicks after a moment
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
        QVERIFY(waitForStage(feedback, Stage::Done).title.endsWith(QStringLiteral("rerouted")));
        QVERIFY2(incident.pagedPolicies.contains(policy.policySlug),
            qPrintable(incident.pagedPolicies.join(QLatin1Char(','))));
        QVERIFY(incident.pagedUsers.contains(other)); // kept
        QVERIFY2(incident.pagedUsers.contains(lastUser),
            qPrintable(lastUser + QStringLiteral(" not in ")
                + incident.pagedUsers.join(QLatin1Char(','))));
    }

    void aServerErrorRollsBackInWords()
    {
        const QString number = newIncident(QStringLiteral("Payments down"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);
        QSignalSpy failed(m_actions.get(), &IncidentActions::actionFailed);
        QVERIFY(putFaults(QStringLiteral("error,status=500,path=/api-public/v1/incidents/ack")));

        m_quick->acknowledge({ number }, Origin::Tray);
        QCOMPARE(phase(number), Phase::Acknowledged); // at once, optimistic
        const Feedback refused = waitForStage(feedback, Stage::Refused);
        QVERIFY2(refused.failed, qPrintable(describe(refused)));
        QCOMPARE(refused.origin, Origin::Tray);
        QCOMPARE(refused.title, QStringLiteral("Could not acknowledge #%1").arg(number));
        QVERIFY2(refused.text.contains(QStringLiteral("server error")), qPrintable(refused.text));
        QVERIFY2(refused.text.contains(QStringLiteral("It is still triggered.")),
            qPrintable(refused.text));
        QCOMPARE(refused.incidentNumbers, QStringList { number });
        // Rolled back, and nothing reached the service.
        QCOMPARE(phase(number), Phase::Triggered);
        QCOMPARE(m_model->pendingAt(m_model->rowOf(number)), IncidentModel::PendingAction::None);
        QCOMPARE(simPhase(number), QStringLiteral("UNACKED"));
        QCOMPARE(failed.size(), 1);
        // Said once: sent, then refused; not passed on again as someone else's failure.
        QTest::qWait(100);
        QCOMPARE(feedback.size(), 2);
        QCOMPARE(feedbackAt(feedback, 0).stage, Stage::Sent);
    }

    void theServiceRefusingOneIncidentSaysWhy()
    {
        const QString number = newIncident(QStringLiteral("Cache cold"));
        QVERIFY(refresh());
        // Resolved at the service since the last refresh: Rota still shows it triggered.
        QVERIFY(fixture().ctx().org.incidents.contains(number.toInt()));
        fixture().ctx().org.incidents[number.toInt()].phase = QStringLiteral("RESOLVED");
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);

        m_quick->resolve({ number }, Origin::Notification);
        const Feedback refused = waitForStage(feedback, Stage::Refused);
        QVERIFY(refused.failed);
        QCOMPARE(refused.title, QStringLiteral("Could not resolve #%1").arg(number));
        QVERIFY2(refused.text.contains(QStringLiteral("Incident is already resolved.")),
            qPrintable(refused.text));
        QVERIFY2(refused.text.contains(QStringLiteral("It is still triggered.")),
            qPrintable(refused.text));
        QCOMPARE(phase(number), Phase::Triggered);
    }

    void nothingToSendIsSaid()
    {
        const QString number = newIncident(QStringLiteral("Already handled"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);
        m_quick->acknowledge({ number }, Origin::Tray);
        QVERIFY(waitForStage(feedback, Stage::Done).title.endsWith(QStringLiteral("acknowledged")));
        feedback.clear();

        // Already acknowledged: no call, no dialog, and a word saying so (not a failure).
        m_quick->acknowledgeWithMessage({ number }, Origin::Tray);
        QVERIFY(!m_quick->openDialog({ number }));
        QCOMPARE(feedback.size(), 1);
        const Feedback notSent = feedbackAt(feedback, 0);
        QCOMPARE(notSent.stage, Stage::NotSent);
        QVERIFY(!notSent.failed);
        QCOMPARE(notSent.text, QStringLiteral("#%1 is already acknowledged.").arg(number));
        QCOMPARE(m_actions->pendingCalls(), 0);

        // Signed out: every action says so.
        m_quick->setSession(nullptr, nullptr, nullptr);
        feedback.clear();
        m_quick->resolve({ number }, Origin::Tray);
        QCOMPARE(feedback.size(), 1);
        QVERIFY(feedbackAt(feedback, 0).failed);
        QVERIFY2(feedbackAt(feedback, 0).text.contains(QStringLiteral("not signed in")),
            qPrintable(feedbackAt(feedback, 0).text));
    }

    void aLostAnswerIsNotConfirmedThenSettled()
    {
        const QString number = newIncident(QStringLiteral("Lost in transit"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);
        // Applied by the service, its answer never arrives.
        QVERIFY(putFaults(QStringLiteral("lost,count=1,path=/api-public/v1/incidents/resolve")));

        m_quick->resolve({ number }, Origin::Tray);
        const Feedback unknown = waitForStage(feedback, Stage::NotConfirmed);
        QVERIFY2(unknown.title.contains(QStringLiteral("not confirmed yet")),
            qPrintable(describe(unknown)));
        QVERIFY(!unknown.failed);
        // The refresh it asked for shows it resolved: done.
        const Feedback done = waitForStage(feedback, Stage::Done, 15000);
        QCOMPARE(done.title, QStringLiteral("#%1 resolved").arg(number));
        QCOMPARE(simPhase(number), QStringLiteral("RESOLVED"));
    }

    void failuresOfOtherCallsArePassedOnOnce()
    {
        const QString mine = newIncident(QStringLiteral("Mine, from the tray"));
        const QString theirs = newIncident(QStringLiteral("From the window"));
        QVERIFY(refresh());
        QSignalSpy feedback(m_quick.get(), &QuickActions::feedback);
        // The window's resolve fails; the tray's acknowledgement goes through.
        QVERIFY(
            putFaults(QStringLiteral("error,status=503,path=/api-public/v1/incidents/resolve")));
        m_quick->acknowledge({ mine }, Origin::Tray);
        QCOMPARE(m_actions->resolve({ theirs }), QStringList { theirs });

        QVERIFY(waitForStage(feedback, Stage::Done).title
            == QStringLiteral("#%1 acknowledged").arg(mine));
        const Feedback other = waitForStage(feedback, Stage::Refused);
        QCOMPARE(other.origin, Origin::Other);
        QVERIFY(other.failed);
        QVERIFY2(other.text.contains(QStringLiteral("Could not resolve the incident")),
            qPrintable(other.text));
        QTest::qWait(100);
        int refusals = 0;
        for (int i = 0; i < feedback.size(); ++i)
            refusals += feedbackAt(feedback, i).stage == Stage::Refused ? 1 : 0;
        QCOMPARE(refusals, 1);
        QCOMPARE(simPhase(mine), QStringLiteral("ACKED"));
    }

    void openShowsTheIncident()
    {
        m_quick->open(QStringLiteral("42"));
        QCOMPARE(m_opened, QStringList { QStringLiteral("42") });
    }
};

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestQuickActions test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_quickactions.moc"
