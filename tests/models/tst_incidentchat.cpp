// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incident chat model and its controller: refreshes applied as diffs keyed by sequence (no
// reset), this person's messages pending and sent; against an in-process rota-sim, what the
// controller reads and how often (only while active, an incident shown), reading stopping for good
// on a 404, and the unread marks.

#include "chat.h"
#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "incidentmodel.h"
#include "incidentpoller.h"
#include "simfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rota;
using rota::test::SimFixture;

namespace {

ChatMessage message(
    qint64 sequence, const QString& text, const QString& user = QStringLiteral("ann"))
{
    ChatMessage m;
    m.sequence = sequence;
    m.text = text;
    m.username = user;
    m.serviceTime = QDateTime::fromMSecsSinceEpoch(1767257100000 + sequence * 1000, Qt::UTC);
    return m;
}

QStringList texts(const IncidentChat& chat)
{
    QStringList out;
    for (int row = 0; row < chat.rowCount(); ++row)
        out.append(chat.index(row).data(IncidentChat::TextRole).toString());
    return out;
}

const QString kChatRead = QStringLiteral("GET /api-public/v1/chat");

} // namespace

class TestIncidentChatModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refreshIsADiffNewestLast()
    {
        IncidentChat chat;
        QAbstractItemModelTester tester(
            &chat, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&chat, &QAbstractItemModel::modelReset);
        chat.showIncident(QStringLiteral("7"));
        QCOMPARE(reset.count(), 1);
        // Any order in, sequence order out; a duplicate sequence counts once.
        chat.applyMessages({ message(3, QStringLiteral("c")), message(1, QStringLiteral("a")),
            message(2, QStringLiteral("b")), message(3, QStringLiteral("again")) });
        QCOMPARE(texts(chat),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(chat.newestSequence(), 3);

        QSignalSpy inserted(&chat, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&chat, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&chat, &QAbstractItemModel::dataChanged);
        chat.applyMessages({ message(2, QStringLiteral("b")), message(3, QStringLiteral("c!")),
            message(4, QStringLiteral("d")) });
        QCOMPARE(reset.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(texts(chat),
            (QStringList { QStringLiteral("b"), QStringLiteral("c!"), QStringLiteral("d") }));
        // The same again changes nothing.
        chat.applyMessages({ message(4, QStringLiteral("d")), message(2, QStringLiteral("b")),
            message(3, QStringLiteral("c!")) });
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);

        chat.showIncident(QStringLiteral("8"));
        QCOMPARE(reset.count(), 2);
        QCOMPARE(chat.rowCount(), 0);
    }

    void ownMessagesPendingThenSent()
    {
        IncidentChat chat;
        QAbstractItemModelTester tester(
            &chat, QAbstractItemModelTester::FailureReportingMode::Fatal);
        chat.showIncident(QStringLiteral("7"));
        chat.applyMessages({ message(1, QStringLiteral("a")) });
        const quint64 refused = chat.addPending(
            QStringLiteral("me"), QStringLiteral("no"), QDateTime::currentDateTimeUtc());
        const quint64 taken = chat.addPending(
            QStringLiteral("me"), QStringLiteral("yes"), QDateTime::currentDateTimeUtc());
        QCOMPARE(chat.rowCount(), 3);
        QVERIFY(chat.index(2).data(IncidentChat::PendingRole).toBool());
        // A read meanwhile keeps them last.
        chat.applyMessages({ message(1, QStringLiteral("a")), message(2, QStringLiteral("b")) });
        QCOMPARE(texts(chat),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("no"),
                QStringLiteral("yes") }));
        chat.settle(refused, false);
        chat.settle(taken, true);
        QCOMPARE(texts(chat),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("yes") }));
        QVERIFY(!chat.index(2).data(IncidentChat::PendingRole).toBool());
        QVERIFY(chat.index(2).data(IncidentChat::SentRole).toBool());
        QCOMPARE(chat.newestSequence(), 2);
        // The read that has it replaces the local copy.
        chat.applyMessages({ message(1, QStringLiteral("a")), message(2, QStringLiteral("b")),
            message(3, QStringLiteral("yes"), QStringLiteral("me")) });
        QCOMPARE(texts(chat),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("yes") }));
        QVERIFY(!chat.index(2).data(IncidentChat::SentRole).toBool());
    }

    void authorsByName()
    {
        IncidentChat chat;
        chat.showIncident(QStringLiteral("1"));
        chat.applyMessages({ message(1, QStringLiteral("hi"), QStringLiteral("Ann.Lee")) });
        QCOMPARE(
            chat.index(0).data(IncidentChat::AuthorRole).toString(), QStringLiteral("Ann.Lee"));
        QSignalSpy changed(&chat, &QAbstractItemModel::dataChanged);
        chat.setUserNames({ { QStringLiteral("ann.lee"), QStringLiteral("Ann Lee") } });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(
            chat.index(0).data(IncidentChat::AuthorRole).toString(), QStringLiteral("Ann Lee"));
        QCOMPARE(chat.index(0).data().toString(), QStringLiteral("Ann Lee: hi"));
    }

    void readsOnlyWhileActiveAndShown()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        IncidentChat chat;
        IncidentChatController controller(f.client.get(), &chat, nullptr);
        // Within the budget: one read of the conversation every 25 s, one of the org every 30 s.
        QCOMPARE(controller.incidentIntervalMs(), 25000);
        QCOMPARE(controller.orgIntervalMs(), 30000);
        QSignalSpy exchanged(f.client.get(), &ApiClient::exchanged);
        const auto reads = [&exchanged] {
            int n = 0;
            for (const QList<QVariant>& args : std::as_const(exchanged))
                n += args.at(0).toString() == kChatRead ? 1 : 0;
            return n;
        };
        controller.setIntervals(1000, 1000);
        // Inactive and nothing shown: nothing is read.
        QTest::qWait(1500);
        QCOMPARE(reads(), 0);

        int open = 0;
        for (const sim::SimIncident& incident : std::as_const(f.ctx().org.incidents)) {
            if (incident.phase != QLatin1String("RESOLVED") && !incident.chat.isEmpty())
                open = incident.number;
        }
        QVERIFY(open > 0);
        controller.setIncident(QString::number(open));
        QTRY_COMPARE(chat.rowCount(), int(f.ctx().org.incidents.value(open).chat.size()));
        QCOMPARE(reads(), 1); // shown: read once, then only while active
        QTest::qWait(1500);
        QCOMPARE(reads(), 1);

        controller.setActive(true);
        QTest::qWait(2600);
        // At once (conversation and org), then about one of each a second.
        const int active = reads();
        QVERIFY2(active >= 4 && active <= 8, qPrintable(QString::number(active)));
        controller.setActive(false);
        QTest::qWait(200);
        const int stopped = reads();
        QTest::qWait(1500);
        QCOMPARE(reads(), stopped);
    }

    void notFoundStopsReadingForGood()
    {
        sim::SimOptions options;
        options.chatRead = false;
        SimFixture f(options);
        QVERIFY2(f.started, qPrintable(f.startError));
        IncidentChat chat;
        IncidentChatController controller(f.client.get(), &chat, nullptr);
        controller.setIntervals(1000, 1000);
        QSignalSpy canRead(&controller, &IncidentChatController::canReadChanged);
        QSignalSpy exchanged(f.client.get(), &ApiClient::exchanged);
        controller.setActive(true);
        controller.setIncident(QString::number(f.ctx().org.incidents.firstKey()));
        QVERIFY(canRead.wait(5000));
        QCOMPARE(controller.canRead(), false);
        QVERIFY(controller.readUnavailableText().contains(QStringLiteral("does not let Rota")));
        QCOMPARE(controller.statusText(), controller.readUnavailableText());
        QTest::qWait(300);
        const qsizetype after = exchanged.size();
        QTest::qWait(2500);
        controller.refresh();
        controller.checkUnread();
        QTest::qWait(200);
        QCOMPARE(exchanged.size(), after);
    }

    void unreadMarksNewChatFromOthers()
    {
        SimFixture f;
        QVERIFY2(f.started, qPrintable(f.startError));
        IncidentModel incidents;
        IncidentPoller poller(f.client.get(), &incidents);
        QSignalSpy refreshed(&poller, &IncidentPoller::refreshed);
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        IncidentChat chat;
        IncidentChatController controller(f.client.get(), &chat, &incidents);
        QSignalSpy unread(&controller, &IncidentChatController::unreadChanged);
        QSignalSpy modelChanged(&incidents, &QAbstractItemModel::dataChanged);
        controller.checkUnread(); // what is there now counts as read
        QTest::qWait(300);
        QCOMPARE(unread.count(), 0);

        int target = 0;
        for (const sim::SimIncident& incident : std::as_const(f.ctx().org.incidents)) {
            if (incident.phase != QLatin1String("RESOLVED")
                && incidents.rowOf(QString::number(incident.number)) >= 0)
                target = incident.number;
        }
        QVERIFY(target > 0);
        QString other;
        for (const QString& user : f.ctx().org.users.keys()) {
            if (user != f.demoUser())
                other = user;
        }
        ChatPost post;
        post.username = other;
        post.text = QStringLiteral("news");
        post.incidentId = target;
        auto sent = calls::postChatMessage(*f.client, post);
        QVERIFY(test::waitFor(sent.reply));
        controller.checkUnread();
        QVERIFY(unread.wait(5000));
        QCOMPARE(unread.first().at(0).toString(), QString::number(target));
        QCOMPARE(unread.first().at(1).toBool(), true);
        const int row = incidents.rowOf(QString::number(target));
        QVERIFY(incidents.index(row, 0).data(IncidentModel::UnreadChatRole).toBool());
        QVERIFY(!modelChanged.isEmpty());
        QVERIFY(incidents.roleNames().value(IncidentModel::UnreadChatRole) == "unreadChat");

        // A routine refresh of the incidents keeps the mark.
        poller.refresh();
        QVERIFY(refreshed.wait(5000));
        QVERIFY(incidents.index(incidents.rowOf(QString::number(target)), 0)
                    .data(IncidentModel::UnreadChatRole)
                    .toBool());
        // Shown, it goes.
        controller.setIncident(QString::number(target));
        QVERIFY(!controller.isUnread(QString::number(target)));
        QVERIFY(!incidents.index(incidents.rowOf(QString::number(target)), 0)
                     .data(IncidentModel::UnreadChatRole)
                     .toBool());
        // And nothing new: checking again marks nothing.
        unread.clear();
        controller.checkUnread();
        QTest::qWait(500);
        QCOMPARE(unread.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIncidentChatModel)
#include "tst_incidentchat.moc"
