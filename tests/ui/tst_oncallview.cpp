// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The on-call view as a user meets it, against a real rota-sim over HTTP: the tree with "me",
// search, F5, take on-call for a policy (seen back in the view and in the simulator's state), hand
// it back, the deprecated team call as a fallback only where the policy call is missing, and a
// read-only key (actions disabled with the reason). Faults: a failed read is said once and goes
// with the next good one; F5 against a slow server says at once that it is refreshing.
#include "look.h"
#include "nextshift.h"
#include "oncall.h"
#include "oncallcontroller.h"
#include "oncallmodel.h"
#include "oncallview.h"
#include "plaintext.h"
#include "policies.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>
#include <optional>

using namespace rota;
using namespace rota::test;

namespace {

struct Rig {
    explicit Rig(sim::SimOptions options = {})
        : sim(options)
    {
    }
    void make()
    {
        model = std::make_unique<OnCallModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller = std::make_unique<OnCallController>(sim.client.get(), model.get());
        view = std::make_unique<OnCallView>(model.get(), controller.get());
        view->resize(900, 600);
    }
    //! One refresh at user priority, waited for.
    bool load()
    {
        QSignalSpy refreshed(controller.get(), &OnCallController::refreshed);
        controller->refresh();
        return refreshed.wait(10000) && refreshed.first().first().toBool();
    }
    //! A policy the demo user is not on call for, with exactly one person on call.
    QString policyToTake(QString* from) const
    {
        const QString me = sim.client->credentials().username;
        for (int t = 0; t < model->rowCount(); ++t) {
            const QModelIndex team = model->index(t, 0);
            for (int p = 0; p < model->rowCount(team); ++p) {
                const QString slug = model->index(p, 0, team).data(OnCallModel::KeyRole).toString();
                const QStringList users = model->onCallFor(slug);
                if (users.size() == 1 && users.first() != me) {
                    *from = users.first();
                    return slug;
                }
            }
        }
        return {};
    }
    QPushButton* button(const char* name) const
    {
        return view->findChild<QPushButton*>(QLatin1String(name));
    }
    QLabel* label(const char* name) const { return view->findChild<QLabel*>(QLatin1String(name)); }
    //! The texts of the labels on screen that contain `words`.
    QStringList shown(const QString& words) const
    {
        QStringList texts;
        for (QLabel* label : view->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(words))
                texts << label->text();
        }
        return texts;
    }
    void fault(const QString& spec)
    {
        const auto problem = sim.server->service().faults().parse(spec);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    }
    //! One refresh at user priority; its outcome, or nothing when it did not finish.
    std::optional<bool> refreshOnce()
    {
        QSignalSpy refreshed(controller.get(), &OnCallController::refreshed);
        controller->refresh();
        if (!refreshed.wait(15000))
            return std::nullopt;
        return refreshed.first().first().toBool();
    }
    //! Who the simulator says is on call for the policy now, read over the API.
    QStringList simOnCall(const QString& policy)
    {
        const auto call = calls::getCurrentOnCall(*sim.client);
        if (!waitFor(call.reply) || !call.reply->ok())
            return { QStringLiteral("<error>") };
        return call.value().usersFor(policy);
    }

    SimFixture sim;
    std::unique_ptr<OnCallModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<OnCallController> controller;
    std::unique_ptr<OnCallView> view;
};

} // namespace

class TestOnCallView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheTreeWithMe()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->show();
        QVERIFY(rig.load());
        QVERIFY(rig.model->rowCount() > 0);
        const QList<MyOnCall> mine = rig.model->myOnCall();
        QVERIFY2(!mine.isEmpty(), "the demo user is on call for something in the seeded org");
        const QModelIndex me = rig.model->personIndex(mine.first().policySlug, rig.sim.demoUser());
        QVERIFY(me.data(OnCallModel::MeRole).toBool());
        // The schedules gave an "until".
        QVERIFY(me.data(OnCallModel::UntilRole).toDateTime().isValid());
        auto* summary = rig.view->findChild<QLabel*>(QStringLiteral("summaryLabel"));
        QVERIFY(summary->text().startsWith(QStringLiteral("On call for ")));
        QCOMPARE(summary->text(), rig.model->summary());

        // Search narrows the tree to what matches (teams and policies above it stay).
        auto* tree = rig.view->findChild<QTreeView*>(QStringLiteral("onCallTree"));
        const int teams = tree->model()->rowCount();
        QString from;
        rig.policyToTake(&from);
        QVERIFY(!from.isEmpty());
        QTest::keyClicks(rig.view->findChild<QLineEdit*>(QStringLiteral("searchEdit")), from);
        QVERIFY(tree->model()->rowCount() >= 1);
        QVERIFY(tree->model()->rowCount() < teams);
        rig.view->findChild<QLineEdit*>(QStringLiteral("searchEdit"))->clear();
        QCOMPARE(tree->model()->rowCount(), teams);

        // F5 reads again.
        QVERIFY(QTest::qWaitForWindowActive(rig.view.get()));
        QSignalSpy refreshed(rig.controller.get(), &OnCallController::refreshed);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_F5);
        QVERIFY(refreshed.wait(10000));
    }

    // The header says each policy the user is on call for with its own end and the next shift
    // of each other policy, as the simulator's schedules have them; "until" carries the date when
    // it is not today; no column stretches blank; the user's row is marked without the selection
    // colour; "Export my shifts" writes a calendar of them.
    void theHeaderTakesOneLinePerPolicyInASmallWindow()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->resize(800, 500);
        rig.view->show();
        QVERIFY(rig.load());
        QLabel* summary = rig.label("summaryLabel");
        const QStringList lines = rig.model->summaryLines();
        QVERIFY(!lines.isEmpty());
        // The texts the tests and the tray use are whole; the tooltip too.
        QCOMPARE(summary->text(), lines.join(QLatin1Char('\n')));
        QVERIFY2(summary->toolTip().contains(lines.first().toHtmlEscaped()),
            qPrintable(summary->toolTip()));
        QVERIFY(!summary->font().bold());
        // A line per policy however long it is: no wrapping into more lines at 800 px.
        const QFontMetrics fm(summary->font());
        const QMargins m = summary->contentsMargins();
        const int most = static_cast<int>(lines.size()) * fm.lineSpacing() + m.top() + m.bottom()
            + 2 * summary->margin();
        QVERIFY2(summary->sizeHint().height() <= most,
            qPrintable(QStringLiteral("%1 > %2").arg(summary->sizeHint().height()).arg(most)));
        QVERIFY(!summary->hasHeightForWidth() || summary->heightForWidth(800) <= most);
        QTRY_VERIFY2(summary->height() <= most,
            qPrintable(QStringLiteral("%1 > %2").arg(summary->height()).arg(most)));
        // It asks for no more width than a small window has, so the window is not pushed wider.
        QVERIFY(summary->minimumSizeHint().width() < 400);
        QVERIFY(rig.view->minimumSizeHint().width() <= 800);
    }

    void nextShiftsAndTheUsersRow()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.view.get()));
        QVERIFY(rig.load());
        QVERIFY(rig.model->myShiftsKnown());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<MyShift> shifts = rig.model->myShifts();
        QVERIFY2(!shifts.isEmpty(), "the demo user has shifts in the seeded org");

        // Every policy the user is on call for now has a line of its own, and the user's
        // schedule agrees that a shift of theirs runs now.
        const QList<MyOnCall> mine = rig.model->myOnCall();
        QVERIFY(!mine.isEmpty());
        const QStringList lines = rig.model->summaryLines();
        QStringList nowPolicies;
        for (const MyOnCall& one : mine) {
            nowPolicies << one.policySlug;
            QVERIFY2(shifts::runningOn(shifts, one.policySlug, now).start.isValid(),
                qPrintable(one.policySlug));
            const QString head
                = QStringLiteral("On call for %1 (%2) until ").arg(one.teamName, one.policyName);
            // With the policy's next shift after this stretch, when the schedule has one.
            const MyShift running = shifts::runningOn(shifts, one.policySlug, now);
            const MyShift again = shifts::firstFrom(shifts, one.policySlug, running.end);
            const QString tail = again.start.isValid()
                ? QStringLiteral("; next ") + shifts::span(again.start, again.end, now)
                : QString();
            QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                         [&](const QString& line) {
                             return line.startsWith(head) && line.endsWith(tail);
                         }),
                qPrintable(lines.join(QLatin1Char('\n'))));
        }
        const QList<MyShift> next = shifts::upcoming(shifts, now, nowPolicies);
        QCOMPARE(lines.size(), mine.size() + next.size());
        for (int i = 0; i < next.size(); ++i)
            QCOMPARE(lines.at(mine.size() + i), shifts::describeNext(next.at(i), now));
        QCOMPARE(rig.label("summaryLabel")->text(), rig.model->summary());

        // "Until": the time today, the weekday, day and month on other days; never a "you" note.
        auto* tree = rig.view->findChild<QTreeView*>(QStringLiteral("onCallTree"));
        tree->expandAll();
        QModelIndex meRow;
        int people = 0;
        for (int t = 0; t < rig.model->rowCount(); ++t) {
            const QModelIndex team = rig.model->index(t, 0);
            for (int p = 0; p < rig.model->rowCount(team); ++p) {
                const QModelIndex policy = rig.model->index(p, 0, team);
                for (int r = 0; r < rig.model->rowCount(policy); ++r) {
                    const QModelIndex person = rig.model->index(r, 0, policy);
                    ++people;
                    QVERIFY(!person.siblingAtColumn(OnCallModel::NoteColumn)
                                 .data()
                                 .toString()
                                 .contains(QStringLiteral("you")));
                    if (person.data(OnCallModel::MeRole).toBool() && !meRow.isValid())
                        meRow = person;
                    const QDateTime until = person.data(OnCallModel::UntilRole).toDateTime();
                    if (!until.isValid())
                        continue;
                    const QString shown
                        = person.siblingAtColumn(OnCallModel::UntilColumn).data().toString();
                    if (until.toLocalTime().date() == QDate::currentDate())
                        QCOMPARE(shown,
                            QLocale().toString(
                                until.toLocalTime().time(), QStringLiteral("HH:mm")));
                    else
                        QCOMPARE(shown,
                            QLocale().toString(
                                until.toLocalTime(), QStringLiteral("ddd d MMM HH:mm")));
                }
            }
        }
        QVERIFY(people > 0);
        QVERIFY(meRow.isValid());
        QVERIFY(meRow.data(Qt::FontRole).value<QFont>().bold());

        // No blank stretching column: the note and until columns are as wide as they need.
        const int width = tree->viewport()->width();
        QVERIFY(tree->columnWidth(OnCallModel::NameColumn) > width / 2);
        QVERIFY2(tree->columnWidth(OnCallModel::NoteColumn) < width / 4,
            qPrintable(QString::number(tree->columnWidth(OnCallModel::NoteColumn))));

        // The user's row: the tag's colour (success tone) is painted on it, the selection's not.
        tree->clearSelection();
        tree->setCurrentIndex(QModelIndex());
        auto* proxy = tree->model();
        QModelIndex viewIndex;
        for (const QModelIndex& hit : proxy->match(proxy->index(0, 0), OnCallModel::MeRole, true,
                 -1, Qt::MatchRecursive | Qt::MatchExactly)) {
            if (hit.data(OnCallModel::KindRole).toInt() == int(OnCallModel::Kind::Person)) {
                viewIndex = hit;
                break;
            }
        }
        QVERIFY(viewIndex.isValid());
        tree->scrollTo(viewIndex);
        const QRect rowRect = tree->visualRect(viewIndex);
        const QImage image = tree->viewport()->grab().toImage();
        const QColor tone = look::toneColor(look::Tone::Success, tree->palette());
        const QColor selection = tree->palette().color(QPalette::Highlight);
        int toned = 0;
        int selected = 0;
        for (int y = rowRect.top(); y <= rowRect.bottom(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c
                    = image.pixelColor(x * image.devicePixelRatio(), y * image.devicePixelRatio());
                toned += c.rgb() == tone.rgb();
                selected += c.rgb() == selection.rgb();
            }
        }
        QVERIFY2(toned > 10, qPrintable(QString::number(toned)));
        QCOMPARE(selected, 0);

        // Export: the shifts of the next four weeks, one event each.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shifts.ics"));
        QString error;
        int count = -1;
        QVERIFY2(rig.view->exportShifts(path, 4, &error, &count), qPrintable(error));
        QCOMPARE(count, int(shifts::between(shifts, now.addSecs(-60), now.addDays(28)).size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        QCOMPARE(int(data.count("BEGIN:VEVENT")), count);
        QVERIFY(data.startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(count > 0);
        QVERIFY(
            !rig.view->exportShifts(dir.filePath(QStringLiteral("shifts.ics/inside")), 4, &error));
        QVERIFY(error.startsWith(QStringLiteral("Could not")));
    }

    void takeAndHandBack()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        const QString me = rig.sim.demoUser();
        QString from;
        const QString policy = rig.policyToTake(&from);
        QVERIFY2(!policy.isEmpty(), "a policy someone else is on call for");
        QVERIFY(rig.view->select(policy));
        QPushButton* take = rig.button("takeButton");
        QPushButton* handBack = rig.button("handBackButton");
        QVERIFY(take->isEnabled());
        QVERIFY(!handBack->isEnabled());
        QCOMPARE(rig.view->takeCandidates(), QStringList { from });

        QSignalSpy finished(rig.controller.get(), &OnCallController::actionFinished);
        QSignalSpy refreshed(rig.controller.get(), &OnCallController::refreshed);
        QTest::mouseClick(take, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));

        // The view read it back: me on call instead of `from`, marked as standing in.
        const QModelIndex mine = rig.model->personIndex(policy, me);
        QVERIFY(mine.isValid());
        QVERIFY(mine.data(OnCallModel::MeRole).toBool());
        QCOMPARE(mine.data(OnCallModel::ReplacesRole).toString(), from);
        QVERIFY(!rig.model->personIndex(policy, from).isValid());
        QVERIFY(rig.model->summary().contains(rig.model->policyIndex(policy).data().toString()));
        // And the simulator agrees.
        QCOMPARE(rig.simOnCall(policy), QStringList { me });
        QVERIFY(!rig.sim.ctx().org.takeOverrides.isEmpty());

        // Hand it back.
        QVERIFY(rig.view->select(policy));
        QVERIFY(!take->isEnabled());
        QVERIFY(handBack->isEnabled());
        QVERIFY(handBack->text().contains(from));
        finished.clear();
        refreshed.clear();
        QTest::mouseClick(handBack, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
        QVERIFY(!rig.model->personIndex(policy, me).isValid());
        QCOMPARE(rig.model->onCallFor(policy), QStringList { from });
        QCOMPARE(rig.simOnCall(policy), QStringList { from });
    }

    void severalOnCallAsksWhomToReplace()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        // A policy with two people named directly in its first step.
        const sim::SimTeam team = rig.sim.ctx().org.teams.first();
        QStringList two;
        for (const QString& user : team.members) {
            if (user != rig.sim.demoUser() && two.size() < 2)
                two << user;
        }
        QCOMPARE(two.size(), 2);
        NewEscalationPolicy created;
        created.name = QStringLiteral("Two at once");
        created.teamSlug = team.slug;
        EscalationPolicyStep step;
        step.entries
            = { EscalationPolicyEntry::user(two.at(0)), EscalationPolicyEntry::user(two.at(1)) };
        created.steps = { step };
        const auto create = calls::createEscalationPolicy(*rig.sim.client, created);
        ROTA_EXPECT_OK(create);
        const QString policy = create.value().slug;

        rig.make();
        rig.view->show();
        QVERIFY(rig.load());
        QCOMPARE(rig.model->onCallFor(policy), two);
        QVERIFY(rig.view->select(policy));
        QCOMPARE(rig.view->takeCandidates(), two);
        QTest::mouseClick(rig.button("takeButton"), Qt::LeftButton);
        QMenu* menu = rig.view->takeMenu();
        QVERIFY(menu);
        QAction* second = nullptr;
        int people = 0;
        for (QAction* action : menu->actions()) {
            if (action->isSeparator())
                continue;
            ++people;
            if (action->text() == two.at(1))
                second = action;
        }
        QCOMPARE(people, 2);
        QVERIFY(second);
        QSignalSpy finished(rig.controller.get(), &OnCallController::actionFinished);
        second->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.model->personIndex(policy, rig.sim.demoUser()).isValid(), 10000);
        const QStringList now = rig.simOnCall(policy);
        QVERIFY(now.contains(rig.sim.demoUser()));
        QVERIFY(now.contains(two.at(0)));
        QVERIFY(!now.contains(two.at(1)));
        // Selecting a person takes from that person only.
        QVERIFY(rig.view->select(policy, two.at(0)));
        QCOMPARE(rig.view->takeCandidates(), QStringList { two.at(0) });
    }

    void teamCallOnlyAsFallback()
    {
        // The policy call is "not there" once (405): the deprecated team call does the take.
        sim::SimOptions options;
        options.faults
            = QStringLiteral("error,status=405,count=1,method=PATCH,path=/api-public/v1/policies/");
        Rig rig(options);
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        QVERIFY(rig.load());
        QString from;
        const QString policy = rig.policyToTake(&from);
        QVERIFY(rig.view->select(policy));
        QSignalSpy finished(rig.controller.get(), &OnCallController::actionFinished);
        rig.view->takeOnCall();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(rig.simOnCall(policy), QStringList { rig.sim.demoUser() });
    }

    void refusedTakeSaysWhy()
    {
        // Not a fallback case: a 400 from the policy call is shown in words.
        Rig rig;
        rig.make();
        QVERIFY(rig.load());
        QString from;
        const QString policy = rig.policyToTake(&from);
        // Someone else takes it behind the view's back, so `from` is no longer on call.
        QString other;
        for (const QString& user : rig.sim.ctx().org.users.keys()) {
            if (user != from && user != rig.sim.demoUser()) {
                other = user;
                break;
            }
        }
        const auto behind = calls::takeOnCall(*rig.sim.client, policy, { from, other });
        ROTA_EXPECT_OK(behind);
        QVERIFY(rig.view->select(policy));
        QSignalSpy finished(rig.controller.get(), &OnCallController::actionFinished);
        rig.view->takeOnCall();
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().toBool());
        const QString message = finished.first().at(1).toString();
        QVERIFY2(
            message.startsWith(QStringLiteral("Could not take on-call for")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not on call")), qPrintable(message));
        auto* label = rig.view->findChild<QLabel*>(QStringLiteral("messageLabel"));
        QCOMPARE(label->text(), message);
        QVERIFY(!rig.controller->isReadOnly());
    }

    void readOnlyKey()
    {
        sim::SimOptions options;
        options.readOnlyKeys = { QStringLiteral("read-only-key") };
        Rig rig(options);
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.sim.client->setCredentials(
            { options.apiId, QStringLiteral("read-only-key"), rig.sim.demoUser() });
        rig.make();
        QVERIFY(rig.load()); // reads work
        QString from;
        const QString policy = rig.policyToTake(&from);
        QVERIFY(rig.view->select(policy));
        QPushButton* take = rig.button("takeButton");
        QVERIFY(take->isEnabled()); // not known up front

        QSignalSpy readOnly(rig.controller.get(), &OnCallController::readOnlyChanged);
        QSignalSpy finished(rig.controller.get(), &OnCallController::actionFinished);
        QTest::mouseClick(take, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().toBool());
        QCOMPARE(readOnly.count(), 1);
        QVERIFY(rig.controller->isReadOnly());
        const QString reason = rig.controller->readOnlyReason();
        QVERIFY(reason.contains(QStringLiteral("read-only")));
        QVERIFY(!take->isEnabled());
        QCOMPARE(take->toolTip(), plainToolTip(reason));
        QVERIFY(!rig.button("handBackButton")->isEnabled());
        auto* label = rig.view->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(label->isVisibleTo(rig.view.get()));
        QCOMPARE(label->text(), reason);
        QCOMPARE(rig.simOnCall(policy), QStringList { from });
        // Later attempts are refused without a call.
        QVERIFY(!rig.controller->take(policy, from));
    }

    void failedReadIsSaidOnceAndGoesWithTheNextGoodOne()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->show();
        const QString words = QStringLiteral("Splunk On-Call had a server error (HTTP 503)");

        // The very first read fails: said once, and the summary does not pretend to be loading.
        rig.fault(QStringLiteral("error,status=503,path=/api-public/v1/oncall/current"));
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(false));
        QCOMPARE(rig.shown(words).size(), 1);
        QVERIFY2(
            rig.shown(words).first().startsWith(QStringLiteral("Could not read who is on call")),
            qPrintable(rig.shown(words).first()));
        QVERIFY2(!rig.label("summaryLabel")->text().contains(QStringLiteral("Loading")),
            qPrintable(rig.label("summaryLabel")->text()));

        // The server is back: the error goes, who is on call shows.
        rig.sim.server->service().faults().clear();
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(true));
        QVERIFY2(rig.shown(QStringLiteral("server error")).isEmpty(),
            qPrintable(rig.shown(QStringLiteral("server error")).join(QLatin1Char('|'))));
        QVERIFY(rig.shown(QStringLiteral("Could not read")).isEmpty());
        QVERIFY(rig.model->rowCount() > 0);
        QCOMPARE(rig.label("summaryLabel")->text(), rig.model->summary());

        // A later read fails: the tree stays as last read, the error is said once, then goes.
        rig.fault(QStringLiteral("error,status=503,path=/api-public/v1/oncall/current"));
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(false));
        QCOMPARE(rig.shown(words).size(), 1);
        QVERIFY(rig.model->rowCount() > 0);
        rig.sim.server->service().faults().clear();
        QCOMPARE(rig.refreshOnce(), std::optional<bool>(true));
        QVERIFY(rig.shown(QStringLiteral("server error")).isEmpty());
        QVERIFY(rig.label("statusLabel")->text().startsWith(QStringLiteral("Updated at")));
    }

    void refreshSaysAtOnceThatItIsUnderway()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->show();
        QVERIFY(rig.load());
        QLabel* status = rig.label("statusLabel");
        QPushButton* refresh = rig.button("refreshButton");
        QVERIFY(status->text().startsWith(QStringLiteral("Updated at")));
        QVERIFY(refresh->isEnabled());

        rig.fault(QStringLiteral("slow,ms=8000,path=/api-public/v1/oncall/current"));
        QVERIFY(QTest::qWaitForWindowActive(rig.view.get()));
        auto* tree = rig.view->findChild<QTreeView*>(QStringLiteral("onCallTree"));
        tree->setFocus();
        QSignalSpy refreshed(rig.controller.get(), &OnCallController::refreshed);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(tree, Qt::Key_F5);
        // At once, before any answer: the status line and the button say so.
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Refreshing…"));
        QVERIFY(!refresh->isEnabled());
        QTest::qWait(1000);
        QCOMPARE(status->text(), QStringLiteral("Refreshing…"));
        QVERIFY(!refresh->isEnabled());
        // It ends with the answer.
        QVERIFY(refreshed.wait(15000));
        QVERIFY(clock.elapsed() >= 7500);
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY2(
            status->text().startsWith(QStringLiteral("Updated at")), qPrintable(status->text()));
        QVERIFY(refresh->isEnabled());
    }

    // "Page…" aims at the selected row: a person, a policy, or every policy of a team.
    void pageAimsAtTheSelectedRow()
    {
        Rig rig;
        QVERIFY2(rig.sim.started, qPrintable(rig.sim.startError));
        rig.make();
        rig.view->show();
        QVERIFY(rig.load());
        QPushButton* page = rig.button("pageButton");
        QVERIFY(page);
        QSignalSpy asked(rig.view.get(), &OnCallView::pageRequested);
        QString from;
        const QString policy = rig.policyToTake(&from);
        QVERIFY(!policy.isEmpty());

        QVERIFY(rig.view->select(policy, from));
        QVERIFY(page->isEnabled());
        QTest::mouseClick(page, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        auto targets = asked.takeFirst().at(0).value<QList<IncidentTarget>>();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.first().type, IncidentTarget::Type::User);
        QCOMPARE(targets.first().slug, from);

        QVERIFY(rig.view->select(policy));
        QTest::mouseClick(page, Qt::LeftButton);
        targets = asked.takeFirst().at(0).value<QList<IncidentTarget>>();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.first().type, IncidentTarget::Type::EscalationPolicy);
        QCOMPARE(targets.first().slug, policy);

        // The team row: each of its policies.
        auto* tree = rig.view->findChild<QTreeView*>(QStringLiteral("onCallTree"));
        const QModelIndex team = tree->currentIndex().parent();
        QVERIFY(team.isValid());
        tree->setCurrentIndex(team);
        QTest::mouseClick(page, Qt::LeftButton);
        targets = asked.takeFirst().at(0).value<QList<IncidentTarget>>();
        QCOMPARE(targets.size(), tree->model()->rowCount(team));
        QVERIFY(std::any_of(targets.cbegin(), targets.cend(),
            [&](const IncidentTarget& t) { return t.slug == policy; }));

        // Nothing selected: nothing to page.
        tree->setCurrentIndex({});
        QVERIFY(!page->isEnabled());
    }

    void readOnlyKnownUpFront()
    {
        Rig rig;
        rig.make();
        QVERIFY(rig.load());
        QString from;
        QVERIFY(rig.view->select(rig.policyToTake(&from)));
        QVERIFY(rig.button("takeButton")->isEnabled());
        rig.controller->setReadOnly(QStringLiteral("This key may only read."));
        QVERIFY(!rig.button("takeButton")->isEnabled());
        QCOMPARE(rig.button("takeButton")->toolTip(),
            plainToolTip(QStringLiteral("This key may only read.")));
    }
};

QTEST_MAIN(TestOnCallView)
#include "tst_oncallview.moc"
