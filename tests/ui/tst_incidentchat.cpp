// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// Incident chat in the incidents view against an in-process rota-sim: the selected incident's
// conversation in the detail pane, writing (Enter sends, Shift+Enter a new line, @ completes the
// org's usernames), a failed post keeping the text and saying why, the unread mark when someone
// else writes (and its clearing when the conversation is shown), links, and a service without the
// chat read (the sentence instead of the conversation, posting still working).

#include "chat.h"
#include "connectionstatus.h"
#include "incidentactions.h"
#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "incidentchatview.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentnotescontroller.h"
#include "incidentpoller.h"
#include "incidentsview.h"
#include "incidenttable.h"
#include "orgdirectory.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCompleter>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

class TestIncidentChat : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<IncidentModel> m_model;
    std::unique_ptr<IncidentPoller> m_poller;
    std::unique_ptr<IncidentActions> m_actions;
    std::unique_ptr<OrgDirectory> m_directory;
    std::unique_ptr<IncidentNotes> m_notes;
    std::unique_ptr<IncidentNotesController> m_notesController;
    std::unique_ptr<IncidentChat> m_chat;
    std::unique_ptr<QAbstractItemModelTester> m_chatTester;
    std::unique_ptr<IncidentChatController> m_chatController;
    std::unique_ptr<IncidentsView> m_view;

    SimFixture& fixture() { return *m_fixture; }
    QTableView* table() { return m_view->table(); }
    IncidentChatView* chatView() { return m_view->detailPane()->chatView(); }

    void start(const sim::SimOptions& options = {})
    {
        m_fixture = std::make_unique<SimFixture>(options);
        QVERIFY2(m_fixture->started, qPrintable(m_fixture->startError));
        ApiClient* client = m_fixture->client.get();
        m_model = std::make_unique<IncidentModel>();
        m_model->setIdentity(m_fixture->demoUser());
        m_poller = std::make_unique<IncidentPoller>(client, m_model.get());
        m_actions = std::make_unique<IncidentActions>(client, m_model.get());
        m_directory = std::make_unique<OrgDirectory>(client);
        m_notes = std::make_unique<IncidentNotes>();
        m_notesController = std::make_unique<IncidentNotesController>(client, m_notes.get());
        m_chat = std::make_unique<IncidentChat>();
        m_chatTester = std::make_unique<QAbstractItemModelTester>(
            m_chat.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_chatController
            = std::make_unique<IncidentChatController>(client, m_chat.get(), m_model.get());
        m_view = std::make_unique<IncidentsView>(m_model.get(), m_poller.get(), m_actions.get(),
            m_notes.get(), m_notesController.get(), m_directory.get());
        // As the workspace wires it.
        m_view->detailPane()->setChat(m_chatController.get());
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy refreshed(m_poller.get(), &IncidentPoller::refreshed);
        m_poller->refresh();
        QVERIFY(refreshed.wait(5000));
        QSignalSpy users(m_directory.get(), &OrgDirectory::usersChanged);
        m_directory->refresh();
        QVERIFY(users.wait(5000));
    }

    int viewRow(const QString& number) { return test::incidentRow(table(), number); }

    void select(const QString& number)
    {
        QVERIFY2(test::clickIncidentRow(table(), number), qPrintable(number));
        QTRY_COMPARE(m_view->detailPane()->incidentNumber(), number);
    }

    //! An open incident the seeded org wrote chat on.
    QString incidentWithChat()
    {
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents)) {
            if (incident.phase != QLatin1String("RESOLVED") && !incident.chat.isEmpty())
                return QString::number(incident.number);
        }
        return {};
    }

    QString openIncidentWithoutChat()
    {
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents)) {
            if (incident.phase != QLatin1String("RESOLVED") && incident.chat.isEmpty())
                return QString::number(incident.number);
        }
        return {};
    }

    QString otherUser()
    {
        for (const QString& user : fixture().ctx().org.users.keys()) {
            if (user != fixture().demoUser())
                return user;
        }
        return {};
    }

    QString shownText() { return chatView()->conversation()->toPlainText(); }

    void type(const QString& text)
    {
        chatView()->box()->setFocus();
        QTest::keyClicks(chatView()->box(), text);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_view.reset();
        m_chatController.reset();
        m_chatTester.reset();
        m_chat.reset();
        m_notesController.reset();
        m_notes.reset();
        m_directory.reset();
        m_actions.reset();
        m_poller.reset();
        m_model.reset();
        m_fixture.reset();
    }

    void selectedIncidentShowsItsConversation()
    {
        start();
        const QString number = incidentWithChat();
        QVERIFY(!number.isEmpty());
        const QList<sim::SimChatMessage> chat
            = fixture().ctx().org.incidents.value(number.toInt()).chat;
        select(number);
        QTRY_COMPARE(m_chat->rowCount(), int(chat.size()));
        for (const sim::SimChatMessage& message : chat) {
            QVERIFY2(shownText().contains(message.text), qPrintable(shownText()));
            // By name, not by username.
            const sim::SimUser user = fixture().ctx().org.users.value(message.username);
            QVERIFY2(shownText().contains(user.firstName + QLatin1Char(' ') + user.lastName),
                qPrintable(shownText()));
        }
        // Newest last.
        QVERIFY(shownText().lastIndexOf(chat.constLast().text)
            >= shownText().lastIndexOf(chat.constFirst().text));
        QVERIFY(chatView()->isVisible());
    }

    void enterSendsShiftEnterBreaksTheLine()
    {
        start();
        const QString number = openIncidentWithoutChat();
        select(number);
        QTRY_VERIFY(m_chatController->statusText().isEmpty());
        type(QStringLiteral("first line"));
        QTest::keyClick(chatView()->box(), Qt::Key_Return, Qt::ShiftModifier);
        type(QStringLiteral("second line"));
        QCOMPARE(chatView()->box()->toPlainText(), QStringLiteral("first line\nsecond line"));
        QVERIFY(fixture().ctx().org.incidents.value(number.toInt()).chat.isEmpty());
        QVERIFY(chatView()->sendButton()->isEnabled());

        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        // Busy while on its way.
        QVERIFY(chatView()->box()->isReadOnly());
        QCOMPARE(chatView()->sendButton()->text(), QStringLiteral("Sending…"));
        QVERIFY(!chatView()->sendButton()->isEnabled());
        QVERIFY(posted.wait(5000));
        const QList<sim::SimChatMessage> chat
            = fixture().ctx().org.incidents.value(number.toInt()).chat;
        QCOMPARE(chat.size(), 1);
        QCOMPARE(chat.first().text, QStringLiteral("first line\nsecond line"));
        QCOMPARE(chat.first().username, fixture().demoUser());
        QCOMPARE(chat.first().monitoringTool, QStringLiteral("Rota"));
        QVERIFY(chatView()->box()->toPlainText().isEmpty());
        QVERIFY(!chatView()->box()->isReadOnly());
        // Read back into the pane.
        QTRY_VERIFY(m_chat->rowCount() == 1
            && m_chat->index(0).data(IncidentChat::SequenceRole).toLongLong()
                == chat.first().sequence);
        QVERIFY(shownText().contains(QStringLiteral("second line")));
    }

    void sendButtonPostsToo()
    {
        start();
        select(openIncidentWithoutChat());
        type(QStringLiteral("via the button"));
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::mouseClick(chatView()->sendButton(), Qt::LeftButton);
        QVERIFY(posted.wait(5000));
        QTRY_VERIFY(shownText().contains(QStringLiteral("via the button")));
    }

    void boxStaysInViewAfterPosting()
    {
        start();
        m_view->resize(1200, 560);
        const QString number = incidentWithChat();
        select(number);
        QTRY_VERIFY(m_chat->rowCount() > 0);
        QScrollArea* pane = nullptr;
        for (QWidget* widget = chatView(); widget && !pane; widget = widget->parentWidget())
            pane = qobject_cast<QScrollArea*>(widget);
        QVERIFY(pane);
        const auto boxInView = [this, pane] {
            const QRect box(chatView()->box()->mapTo(pane->viewport(), QPoint(0, 0)),
                chatView()->box()->size());
            return pane->viewport()->rect().contains(box);
        };
        // The box as wide as the pane's conversation, Send under it at the right.
        QCOMPARE(chatView()->box()->width(), chatView()->conversation()->width());
        QVERIFY(
            chatView()->sendButton()->geometry().top() >= chatView()->box()->geometry().bottom());
        QVERIFY(chatView()->sendButton()->geometry().right()
            >= chatView()->box()->geometry().right() - 2);

        chatView()->box()->setFocus();
        chatView()->box()->setPlainText(
            QStringLiteral("a longer message\nover\nseveral\nlines\nthat grows the chat"));
        // Scrolled so that the box is just in view at the pane's bottom (once the pane is laid
        // out with the conversation read).
        const auto scrollToBox = [this, pane] {
            const QRect box(
                chatView()->box()->mapTo(pane->widget(), QPoint(0, 0)), chatView()->box()->size());
            pane->ensureVisible(box.center().x(), box.center().y(), 0, box.height() / 2 + 1);
        };
        QTRY_VERIFY((scrollToBox(), boxInView()));
        QVERIFY2(pane->verticalScrollBar()->maximum() > 0, "the pane should scroll");
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        QVERIFY(posted.wait(5000));
        QTRY_VERIFY(shownText().contains(QStringLiteral("that grows the chat")));
        QTRY_VERIFY_WITH_TIMEOUT(boxInView(), 1000);
    }

    void failedPostKeepsTheTextAndSaysWhy()
    {
        start();
        const QString number = openIncidentWithoutChat();
        select(number);
        QVERIFY(!fixture().server->service().faults().parse(
            QStringLiteral("error,status=500,path=/api-public/v1/chat,method=POST,count=1")));
        type(QStringLiteral("please keep me"));
        QSignalSpy failed(m_chatController.get(), &IncidentChatController::postFailed);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        QVERIFY(failed.wait(5000));
        QCOMPARE(chatView()->box()->toPlainText(), QStringLiteral("please keep me"));
        QVERIFY(!chatView()->box()->isReadOnly());
        QVERIFY(chatView()->messageLabel()->isVisible());
        QVERIFY2(chatView()->messageLabel()->text().contains(QStringLiteral("#") + number),
            qPrintable(chatView()->messageLabel()->text()));
        QVERIFY(chatView()->messageLabel()->text().contains(QStringLiteral("not posted")));
        QVERIFY(fixture().ctx().org.incidents.value(number.toInt()).chat.isEmpty());
        QCOMPARE(m_chat->rowCount(), 0); // the pending row went again

        // The reason stays with its incident: not under another one's box, back with its draft.
        select(incidentWithChat());
        QVERIFY(!chatView()->messageLabel()->isVisible());
        select(number);
        QCOMPARE(chatView()->box()->toPlainText(), QStringLiteral("please keep me"));
        QVERIFY(chatView()->messageLabel()->isVisible());
        QVERIFY(chatView()->messageLabel()->text().contains(QStringLiteral("#") + number));

        // Sent again, it goes.
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        QVERIFY(posted.wait(5000));
        QCOMPARE(fixture().ctx().org.incidents.value(number.toInt()).chat.size(), 1);
        QVERIFY(!chatView()->messageLabel()->isVisible());
    }

    void draftStaysWithItsIncident()
    {
        start();
        const QString first = openIncidentWithoutChat();
        select(first);
        type(QStringLiteral("half written"));
        const QString second = incidentWithChat();
        select(second);
        QVERIFY(chatView()->box()->toPlainText().isEmpty());
        select(first);
        QCOMPARE(chatView()->box()->toPlainText(), QStringLiteral("half written"));
    }

    //! What a quit would lose: a message written and not sent, on any incident; sent from there
    //! (as before a quit), it goes to its own incident.
    void unsentDraftsAreKnownAndSent()
    {
        start();
        const QString first = openIncidentWithoutChat();
        select(first);
        QVERIFY(m_chatController->unsentDrafts().isEmpty());
        type(QStringLiteral("not sent yet"));
        QCOMPARE(m_chatController->unsentDrafts(), QStringList { first });
        select(incidentWithChat());
        QCOMPARE(m_chatController->unsentDrafts(), QStringList { first });
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        m_chatController->sendDrafts();
        QCOMPARE(m_chatController->sendingIncidents(), QStringList { first });
        QVERIFY(posted.wait(5000));
        QCOMPARE(fixture().ctx().org.incidents.value(first.toInt()).chat.constLast().text,
            QStringLiteral("not sent yet"));
        QVERIFY(m_chatController->unsentDrafts().isEmpty());
        QVERIFY(m_chatController->sendingIncidents().isEmpty());
        select(first);
        QVERIFY(chatView()->box()->toPlainText().isEmpty());
        // Discarding drops a draft.
        type(QStringLiteral("never mind"));
        m_chatController->discardDrafts();
        QVERIFY(m_chatController->unsentDrafts().isEmpty());
    }

    void atOffersTheOrgsUsers()
    {
        start();
        select(openIncidentWithoutChat());
        const QString user = otherUser();
        type(QStringLiteral("ping @") + user.left(3));
        QCompleter* completer = chatView()->box()->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QStringList offered;
        for (int row = 0; row < completer->completionCount(); ++row) {
            completer->setCurrentRow(row);
            offered.append(completer->currentCompletion());
        }
        QVERIFY2(offered.contains(user), qPrintable(offered.join(QLatin1Char(','))));
        for (const QString& name : offered)
            QVERIFY(name.startsWith(user.left(3), Qt::CaseInsensitive));
        // Taking one completes the word, and Enter takes it rather than sending.
        completer->popup()->setCurrentIndex(
            completer->completionModel()->index(int(offered.indexOf(user)), 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(
            chatView()->box()->toPlainText(), QStringLiteral("ping @") + user + QLatin1Char(' '));
        QVERIFY(!m_chatController->isSending(m_view->detailPane()->incidentNumber()));
        // An e-mail address is no mention.
        chatView()->box()->clear();
        type(QStringLiteral("mail a@b"));
        QTest::qWait(50);
        QVERIFY(!completer->popup()->isVisible());
    }

    void someoneElseWritingMarksTheIncidentUnread()
    {
        start();
        const QString shown = openIncidentWithoutChat();
        select(shown);
        // Another open incident, not shown.
        QString other;
        for (const sim::SimIncident& incident : std::as_const(fixture().ctx().org.incidents)) {
            if (incident.phase != QLatin1String("RESOLVED")
                && QString::number(incident.number) != shown
                && viewRow(QString::number(incident.number)) >= 0)
                other = QString::number(incident.number);
        }
        QVERIFY(!other.isEmpty());
        const int row = m_model->rowOf(other);
        QVERIFY(!m_model->index(row, 0).data(IncidentModel::UnreadChatRole).toBool());

        // The first look sets what counts as read.
        QSignalSpy unread(m_chatController.get(), &IncidentChatController::unreadChanged);
        m_chatController->checkUnread();
        QTest::qWait(300);
        QCOMPARE(unread.count(), 0);

        ChatPost post;
        post.username = otherUser();
        post.text = QStringLiteral("can someone look at the replica lag?");
        post.incidentId = other.toLongLong();
        auto sent = calls::postChatMessage(*fixture().client, post);
        QVERIFY(test::waitFor(sent.reply));
        QVERIFY(sent.reply->ok());

        m_chatController->checkUnread();
        QTRY_VERIFY(
            m_model->index(m_model->rowOf(other), 0).data(IncidentModel::UnreadChatRole).toBool());
        QVERIFY(m_chatController->isUnread(other));
        QVERIFY(!m_chatController->isUnread(shown));
        // The row shows a mark by its number, and says so.
        const QModelIndex cell
            = table()->model()->index(viewRow(other), IncidentModel::NumberColumn);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("chat")));
        table()->scrollTo(cell);
        const auto hasChatBlue = [this](const QModelIndex& index) {
            const QImage image = table()->viewport()->grab(table()->visualRect(index)).toImage();
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (qAbs(c.red() - 0x1e) < 24 && qAbs(c.green() - 0x88) < 24
                        && qAbs(c.blue() - 0xe5) < 24)
                        return true;
                }
            }
            return false;
        };
        QVERIFY(hasChatBlue(cell));
        QVERIFY(!hasChatBlue(table()->model()->index(viewRow(shown), IncidentModel::NumberColumn)));

        // My own messages mark nothing.
        ChatPost mine = post;
        mine.username = fixture().demoUser();
        mine.incidentId = shown.toLongLong();
        auto own = calls::postChatMessage(*fixture().client, mine);
        QVERIFY(test::waitFor(own.reply));
        m_chatController->checkUnread();
        QTest::qWait(300);
        QVERIFY(!m_chatController->isUnread(shown));

        // Showing its conversation clears the mark.
        select(other);
        QTRY_VERIFY(shownText().contains(QStringLiteral("replica lag")));
        QVERIFY(
            !m_model->index(m_model->rowOf(other), 0).data(IncidentModel::UnreadChatRole).toBool());
        QVERIFY(m_model->index(m_model->rowOf(other), IncidentModel::NumberColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .isEmpty());
    }

    void linksOpenOnlyWebAddresses()
    {
        QCOMPARE(IncidentChatView::linkified(QStringLiteral("see https://x.example/a?b=1&c=2.")),
            QStringLiteral("see <a href=\"https://x.example/a?b=1&amp;c=2\">"
                           "https://x.example/a?b=1&amp;c=2</a>."));
        QCOMPARE(IncidentChatView::linkified(QStringLiteral("<b>not bold</b>\nnext")),
            QStringLiteral("&lt;b&gt;not bold&lt;/b&gt;<br>next"));
        QCOMPARE(IncidentChatView::linkified(QStringLiteral("javascript:alert(1)")),
            QStringLiteral("javascript:alert(1)"));

        start();
        const QString number = openIncidentWithoutChat();
        select(number);
        QList<QUrl> opened;
        chatView()->setUrlOpener([&opened](const QUrl& url) { opened.append(url); });
        type(QStringLiteral("runbook: https://wiki.example/rb"));
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        QVERIFY(posted.wait(5000));
        QTRY_VERIFY(chatView()->conversationHtml().contains(
            QStringLiteral("<a href=\"https://wiki.example/rb\">")));
        Q_EMIT chatView()->conversation()->anchorClicked(
            QUrl(QStringLiteral("https://wiki.example/rb")));
        Q_EMIT chatView()->conversation()->anchorClicked(
            QUrl(QStringLiteral("file:///etc/passwd")));
        QCOMPARE(opened, QList<QUrl> { QUrl(QStringLiteral("https://wiki.example/rb")) });
    }

    void serviceWithoutTheReadSaysSoAndStillPosts()
    {
        sim::SimOptions options;
        options.chatRead = false;
        start(options);
        const QString number = openIncidentWithoutChat();
        select(number);
        QTRY_VERIFY(!m_chatController->canRead());
        QTRY_VERIFY(chatView()->stateLabel()->isVisible());
        QVERIFY2(chatView()->stateLabel()->text().contains(
                     QStringLiteral("does not let Rota read chat")),
            qPrintable(chatView()->stateLabel()->text()));
        // Reading stopped: selecting another incident asks nothing.
        const qint64 before = fixture().server->service().context().org.nextChatSequence;
        type(QStringLiteral("posting still works"));
        QSignalSpy posted(m_chatController.get(), &IncidentChatController::posted);
        QTest::keyClick(chatView()->box(), Qt::Key_Return);
        QVERIFY(posted.wait(5000));
        QCOMPARE(fixture().ctx().org.nextChatSequence, before + 1);
        QCOMPARE(fixture().ctx().org.incidents.value(number.toInt()).chat.constLast().text,
            QStringLiteral("posting still works"));
        // What was sent from here stays shown, marked sent.
        QCOMPARE(m_chat->rowCount(), 1);
        QVERIFY(m_chat->index(0).data(IncidentChat::SentRole).toBool());
        QVERIFY(shownText().contains(QStringLiteral("posting still works")));
    }
};

QTEST_MAIN(TestIncidentChat)
#include "tst_incidentchat.moc"
