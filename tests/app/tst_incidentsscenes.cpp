// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The incidents' screenshot scenes (app/screenshots/incidentsscenes.cpp) on a real session's
// pages (a Workspace signed in to an in-process rota-sim): the detail scene gets ready with a
// triggered incident selected and a note and the alert loaded in the detail pane; the reroute
// scene with a user and a policy ticked.

#include "../support/simfixture.h"
#include "../support/workspaceparts.h"
#include "createincidentdialog.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentnotes.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "reroutedialog.h"
#include "screenshots/scenes.h"
#include "settings.h"
#include "workspace.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace rota;
using rota::test::SimFixture;
using rota::test::WorkspaceParts;

class TestIncidentsScenes : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;

    IncidentsView* view() const
    {
        return qobject_cast<IncidentsView*>(m_parts.window->page(QStringLiteral("incidents")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        m_parts.build();
        m_parts.window->resize(1000, 720);
        m_parts.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
        m_parts.workspace->start();
        QVERIFY(view());
    }

    void cleanupTestCase() { m_parts.close(); }

    void scenesGetReady()
    {
        const QList<ScreenshotScene> staged = scenes::incidents(m_parts.workspace.get());
        QCOMPARE(staged.size(), 3);
        QCOMPARE(staged.at(0).name, QStringLiteral("incidents-detail"));
        QCOMPARE(staged.at(1).name, QStringLiteral("reroute-dialog"));

        bool ready = false;
        QWidget* shown = staged.at(0).stage([&ready] { ready = true; });
        QCOMPARE(shown, m_parts.window.get());
        QVERIFY(QTest::qWaitFor([&] { return ready; }, 10000));
        QCOMPARE(m_parts.window->page(QStringLiteral("incidents"))->isVisible(), true);
        IncidentModel* model = m_parts.workspace->incidents();
        IncidentNotes* notes = view()->detailPane()->notes();
        QCOMPARE(view()->selectedNumbers().size(), 1);
        const QString selected = view()->selectedNumbers().constFirst();
        // An acknowledged one: its timeline says who acknowledged it.
        QCOMPARE(model->phaseAt(model->rowOf(selected)), Phase::Acknowledged);
        QVERIFY(view()->detailPane()->timeline()->topLevelItemCount() >= 2);
        QCOMPARE(view()->detailPane()->incidentNumber(), selected);
        QCOMPARE(notes->incidentNumber(), selected);
        QVERIFY(notes->rowCount() > 0);
        // A note with its author, for the picture of who wrote what.
        bool authored = false;
        for (int row = 0; row < notes->rowCount(); ++row)
            authored = authored
                || notes->index(row, 0).data(IncidentNotes::AuthorRole).toString()
                    == m_parts.fixture->demoUser();
        QVERIFY(authored);
        QCOMPARE(notes->alertState(), IncidentNotes::LoadState::Loaded);

        ready = false;
        std::unique_ptr<QWidget> dialog(staged.at(1).stage([&ready] { ready = true; }));
        QVERIFY(QTest::qWaitFor([&] { return ready; }, 10000));
        auto* reroute = qobject_cast<RerouteDialog*>(dialog.get());
        QVERIFY(reroute);
        QCOMPARE(reroute->incidentNumbers().size(), 1);
        QCOMPARE(reroute->picker()->targets().size(), 2);
        dialog.reset();

        // "Page…" aimed at a colleague by name, a summary typed.
        QCOMPARE(staged.at(2).name, QStringLiteral("page-dialog"));
        ready = false;
        std::unique_ptr<QWidget> page(staged.at(2).stage([&ready] { ready = true; }));
        QVERIFY(QTest::qWaitFor([&] { return ready; }, 10000));
        auto* create = qobject_cast<CreateIncidentDialog*>(page.get());
        QVERIFY(create);
        QCOMPARE(create->picker()->targets().size(), 1);
        QVERIFY(create->picker()->targets().constFirst().slug != m_parts.fixture->demoUser());
        QVERIFY2(create->windowTitle().startsWith(QStringLiteral("Page ")),
            qPrintable(create->windowTitle()));
        QVERIFY(!create->summaryEdit()->text().isEmpty());
    }
};

QTEST_MAIN(TestIncidentsScenes)
#include "tst_incidentsscenes.moc"
