// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// One way to show a person everywhere: Rota's session (a Workspace in a main window) against an
// in-process rota-sim over HTTP, whose users all have names. Once the user list is in, no view
// shows a bare username where the name is known: every DisplayRole text of the on-call tree, the
// incidents table, the overrides table and a team's members, every visible label (the incident
// detail pane with its paged users, who acknowledged or resolved), and a notification's words. A
// username may appear only beside its name: in parentheses ("Alex Kim (akim)") or in a column
// of a row that names them. The hover card opens over each.

#include "../support/simfixture.h"
#include "../support/workspaceparts.h"
#include "incidentdetailpane.h"
#include "incidentmodel.h"
#include "incidentsview.h"
#include "mainwindow.h"
#include "notifier.h"
#include "oncallmodel.h"
#include "orgdirectory.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "personcard.h"
#include "persondetails.h"
#include "schedulesview.h"
#include "settings.h"
#include "simservice.h"
#include "teammemberdropview.h"
#include "teamsmodel.h"
#include "teamsview.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace rota;
using rota::test::SimFixture;
using rota::test::WorkspaceParts;

namespace {

const QRegularExpression InParentheses(QStringLiteral("\\([^()]*\\)"));

} // namespace

class TestPeopleNames : public QObject {
    Q_OBJECT

private:
    WorkspaceParts m_parts;
    std::unique_ptr<QAbstractItemModelTester> m_incidentTester;
    std::unique_ptr<QAbstractItemModelTester> m_onCallTester;
    //! username → name of everyone whose name differs from their username
    QHash<QString, QString> m_named;

    //! Where `text` shows a known username alone (outside parentheses); empty when nowhere.
    QString bareUsername(const QString& text) const
    {
        QString outside = text;
        outside.remove(InParentheses);
        for (auto it = m_named.cbegin(); it != m_named.cend(); ++it) {
            const QRegularExpression word(QStringLiteral("(?<![\\w.@-])%1(?![\\w.@-])")
                                              .arg(QRegularExpression::escape(it.key())));
            if (word.match(outside).hasMatch())
                return it.key();
        }
        return {};
    }

    //! Checks every DisplayRole text of `model` (all rows, all columns, recursively); returns
    //! how many texts were read.
    int checkModel(const QAbstractItemModel* model, const QModelIndex& parent = {})
    {
        int read = 0;
        for (int row = 0; row < model->rowCount(parent); ++row) {
            QStringList texts;
            for (int column = 0; column < model->columnCount(parent); ++column)
                texts << model->index(row, column, parent).data().toString();
            for (const QString& text : std::as_const(texts)) {
                const QString bare = bareUsername(text);
                // A username column beside the name (a team's members) shows both.
                const bool besideName = !bare.isEmpty() && text == bare
                    && std::any_of(texts.cbegin(), texts.cend(),
                        [&](const QString& other) { return other.contains(m_named.value(bare)); });
                if (!bare.isEmpty() && !besideName) {
                    QTest::qFail(
                        qPrintable(QStringLiteral("\"%1\" shows the username %2").arg(text, bare)),
                        __FILE__, __LINE__);
                    return -1;
                }
                ++read;
            }
            const QModelIndex first = model->index(row, 0, parent);
            if (model->hasChildren(first)) {
                const int below = checkModel(model, first);
                if (below < 0)
                    return -1;
                read += below;
            }
        }
        return read;
    }

    //! Checks the text of every label on screen.
    int checkLabels()
    {
        int read = 0;
        for (const QLabel* label : m_parts.window->findChildren<QLabel*>()) {
            if (!label->isVisible())
                continue;
            const QString bare = bareUsername(label->text());
            if (!bare.isEmpty()) {
                QTest::qFail(qPrintable(QStringLiteral("label %1 \"%2\" shows the username %3")
                                            .arg(label->objectName(), label->text(), bare)),
                    __FILE__, __LINE__);
                return -1;
            }
            ++read;
        }
        return read;
    }

    IncidentsView* incidentsView() const
    {
        return qobject_cast<IncidentsView*>(m_parts.window->page(QStringLiteral("incidents")));
    }

    //! Shows the hover card over the first row of `view` that has a person, and checks it names
    //! them.
    void checkHover(
        QAbstractItemView* view, const std::function<bool(const QModelIndex&)>& isPerson)
    {
        PersonHover* hover = PersonHover::of(view);
        QVERIFY(hover);
        const QAbstractItemModel* model = view->model();
        std::function<QModelIndex(const QModelIndex&)> find = [&](const QModelIndex& parent) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    if (isPerson(index))
                        return index;
                }
                const QModelIndex below = find(model->index(row, 0, parent));
                if (below.isValid())
                    return below;
            }
            return QModelIndex();
        };
        const QModelIndex person = find({});
        QVERIFY(person.isValid());
        view->scrollTo(person);
        QVERIFY(hover->showFor(person));
        QVERIFY(hover->card()->isVisible());
        const QString username = hover->card()->person();
        const auto* name = hover->card()->findChild<QLabel*>(QStringLiteral("nameLabel"));
        QCOMPARE(name->text(), m_parts.workspace->directory()->userDisplayName(username));
        hover->hideCard();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_parts.start(), qPrintable(m_parts.startError()));
        for (const sim::SimUser& user : std::as_const(m_parts.fixture->ctx().org.users)) {
            const QString name = user.firstName + QLatin1Char(' ') + user.lastName;
            QVERIFY(!user.firstName.isEmpty());
            if (name != user.username)
                m_named.insert(user.username, name);
        }
        QVERIFY(m_named.size() > 5);

        m_parts.build();
        m_incidentTester = std::make_unique<QAbstractItemModelTester>(
            m_parts.workspace->incidents(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_onCallTester = std::make_unique<QAbstractItemModelTester>(
            m_parts.workspace->onCall(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_parts.workspace->people());
        m_parts.window->resize(1200, 800);
        m_parts.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
        m_parts.workspace->start();
        OrgDirectory* directory = m_parts.workspace->directory();
        QVERIFY(QTest::qWaitFor([&] { return directory->hasUsers(); }, 10000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_parts.workspace->onCall()->isLoaded()
                    && m_parts.workspace->incidents()->rowCount() > 0;
            },
            10000));
    }

    void cleanupTestCase()
    {
        m_onCallTester.reset();
        m_incidentTester.reset();
        m_parts.close();
    }

    void onCallShowsNames()
    {
        m_parts.window->showView(QStringLiteral("oncall"));
        auto* tree = m_parts.window->findChild<QTreeView*>(QStringLiteral("onCallTree"));
        QVERIFY(tree && tree->isVisible());
        // Someone is on call, shown by name.
        bool named = false;
        const OnCallModel* model = m_parts.workspace->onCall();
        for (int t = 0; t < model->rowCount() && !named; ++t) {
            const QModelIndex team = model->index(t, 0);
            for (int p = 0; p < model->rowCount(team) && !named; ++p) {
                const QModelIndex policy = model->index(p, 0, team);
                if (model->rowCount(policy) == 0)
                    continue;
                const QModelIndex person = model->index(0, 0, policy);
                const QString username = person.data(OnCallModel::UsernameRole).toString();
                QCOMPARE(person.data().toString(), m_named.value(username, username));
                named = m_named.contains(username);
            }
        }
        QVERIFY(named);
        QVERIFY(checkModel(tree->model()) > 0);
        // The search finds a person by username as well as by the name shown.
        const QModelIndex someone
            = tree->model()->index(0, 0, tree->model()->index(0, 0, tree->model()->index(0, 0)));
        const QString username = someone.data(OnCallModel::UsernameRole).toString();
        QVERIFY(!username.isEmpty());
        auto* search = m_parts.window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        for (const QString& words : { username, someone.data().toString() }) {
            search->setText(words);
            QVERIFY2(tree->model()->rowCount() > 0, qPrintable(words));
        }
        search->clear();
        QVERIFY(checkLabels() > 0);
        checkHover(tree, [](const QModelIndex& index) {
            return !index.data(OnCallModel::UsernameRole).toString().isEmpty();
        });
    }

    void incidentsShowNames()
    {
        m_parts.window->showView(QStringLiteral("incidents"));
        IncidentsView* view = incidentsView();
        QVERIFY(view && view->isVisible());
        IncidentModel* incidents = m_parts.workspace->incidents();
        // An incident paging a person, and one acknowledged by someone, in the detail pane.
        int paging = -1;
        int acted = -1;
        for (int row = 0; row < incidents->rowCount(); ++row) {
            const Incident& incident = incidents->incidentAt(row);
            if (paging < 0 && !incident.pagedUsers.isEmpty())
                paging = row;
            for (const IncidentTransition& transition : incident.transitions) {
                if (acted < 0 && m_named.contains(transition.by))
                    acted = row;
            }
        }
        QVERIFY(paging >= 0);
        QVERIFY(checkModel(view->table()->model()) > 0);
        const QString pagedUser = incidents->incidentAt(paging).pagedUsers.first();
        QVERIFY(incidents->index(paging, IncidentModel::PagedColumn)
                    .data()
                    .toString()
                    .contains(m_parts.workspace->directory()->userDisplayName(pagedUser)));

        for (const int row : { paging, acted }) {
            if (row < 0)
                continue;
            view->showIncident(incidents->incidentAt(row).incidentNumber);
            IncidentDetailPane* pane = view->detailPane();
            QCOMPARE(pane->incidentNumber(), incidents->incidentAt(row).incidentNumber);
            QVERIFY(checkLabels() > 0);
            for (int i = 0; i < pane->timeline()->topLevelItemCount(); ++i) {
                const QTreeWidgetItem* item = pane->timeline()->topLevelItem(i);
                for (int column = 0; column < item->columnCount(); ++column)
                    QVERIFY2(
                        bareUsername(item->text(column)).isEmpty(), qPrintable(item->text(column)));
            }
        }
        if (acted < 0)
            qWarning("no incident was acknowledged or resolved by a named user");
        checkHover(view->table(), [](const QModelIndex& index) {
            return index.column() == IncidentModel::PagedColumn
                && !index.data(IncidentModel::IncidentRole).value<Incident>().pagedUsers.isEmpty();
        });

        // A notification about an incident paging someone else names them.
        Incident other = incidents->incidentAt(paging);
        other.pagedTeams.clear();
        const QString body = Notifier::bodyFor(other, false, incidents);
        QVERIFY2(bareUsername(body).isEmpty(), qPrintable(body));
        QVERIFY(body.contains(m_parts.workspace->directory()->userDisplayName(pagedUser)));
    }

    void teamMembersShowNames()
    {
        m_parts.window->showView(QStringLiteral("teams"));
        auto* view = qobject_cast<TeamsView*>(m_parts.window->page(QStringLiteral("teams")));
        QVERIFY(view);
        QAbstractItemView* members = view->memberView();
        QTRY_VERIFY_WITH_TIMEOUT(members->model() && members->model()->rowCount() > 0, 10000);
        QVERIFY(checkModel(members->model()) > 0);
        QVERIFY(checkLabels() > 0);
        checkHover(members, [](const QModelIndex& index) {
            return !index.data(TeamMembersModel::UsernameRole).toString().isEmpty();
        });
    }

    void overridesShowNames()
    {
        m_parts.window->showView(QStringLiteral("schedules"));
        OverrideModel* overrides = m_parts.workspace->overrides();
        if (!QTest::qWaitFor([&] { return overrides->rowCount() > 0; }, 10000))
            QSKIP("the simulated org has no overrides");
        auto* page
            = qobject_cast<SchedulesPage*>(m_parts.window->page(QStringLiteral("schedules")));
        QVERIFY(page);
        QTableView* shown = page->overrides()->table();
        QVERIFY(shown);
        QTRY_VERIFY(!overrides->index(0, OverrideModel::UserColumn).data().toString().isEmpty());
        QVERIFY(checkModel(shown->model()) > 0);
        checkHover(shown,
            [](const QModelIndex& index) { return index.column() == OverrideModel::UserColumn; });
    }
};

QTEST_MAIN(TestPeopleNames)
#include "tst_peoplenames.moc"
