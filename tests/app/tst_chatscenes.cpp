// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incident chat's screenshot scene (app/screenshots/chatscenes.cpp) on a real session's pages
// (a Workspace signed in to an in-process rota-sim): it gets ready with an open incident whose
// conversation has messages shown in the detail pane, a reply written in the box.

#include "../support/simfixture.h"
#include "../support/workspaceparts.h"
#include "incidentchat.h"
#include "incidentchatcontroller.h"
#include "incidentchatview.h"
#include "incidentdetailpane.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "screenshots/scenes.h"
#include "workspace.h"

#include <QTest>
#include <QTextBrowser>

using namespace rota;
using rota::test::WorkspaceParts;

class TestChatScenes : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_parts.build();
        m_parts.window->resize(1200, 760);
        m_parts.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
        m_parts.workspace->start();
    }

    void cleanupTestCase() { m_parts.close(); }

    void sceneGetsReadyWithAConversation()
    {
        const QList<ScreenshotScene> staged = scenes::chat(m_parts.workspace.get());
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.at(0).name, QStringLiteral("incident-chat"));
        bool ready = false;
        QWidget* shown = staged.at(0).stage([&ready] { ready = true; });
        QCOMPARE(shown, m_parts.window.get());
        QVERIFY(QTest::qWaitFor([&] { return ready; }, 10000));
        auto* view
            = qobject_cast<IncidentsView*>(m_parts.window->page(QStringLiteral("incidents")));
        QVERIFY(view);
        IncidentChatView* chat = view->detailPane()->chatView();
        QVERIFY(chat);
        QVERIFY(chat->isVisible());
        const QString number = view->detailPane()->incidentNumber();
        QVERIFY(!number.isEmpty());
        QCOMPARE(chat->controller()->chat()->incidentNumber(), number);
        QVERIFY(chat->controller()->chat()->rowCount() >= 2);
        QVERIFY(!chat->conversation()->toPlainText().isEmpty());
        QVERIFY(!chat->box()->toPlainText().isEmpty());
        // The incident's conversation is the seeded one.
        QCOMPARE(chat->controller()->chat()->rowCount(),
            int(m_parts.fixture->ctx().org.incidents.value(number.toInt()).chat.size()));
    }
};

QTEST_MAIN(TestChatScenes)
#include "tst_chatscenes.moc"
