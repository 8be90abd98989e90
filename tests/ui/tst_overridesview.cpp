// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// OverridesView against an in-process rota-sim, driven through its widgets: create an override in
// the dialog (after the dialog refuses an end before the start), assign a replacement for one
// policy, see both in the view, in a freshly loaded view and in the simulator's state; change the
// replacement, remove it, delete the override (confirmed). A read-only key: the refusal in words
// and the actions turned off with the reason. F5 against a slow server says at once that the
// overrides are being read, until the answer is in.

#include "orgdirectory.h"
#include "overridecontroller.h"
#include "overridedialog.h"
#include "overridemodel.h"
#include "overridesview.h"
#include "simfixture.h"
#include "simservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace rota;
using rota::test::SimFixture;

namespace {

//! An overrides view over its model and controller and the org's directory, as the workspace
//! builds it.
struct Overrides {
    explicit Overrides(ApiClient* client)
        : directory(client)
        , controller(client, &model)
        , view(&model, &controller, &directory)
    {
    }
    OrgDirectory directory;
    OverrideModel model;
    OverrideController controller;
    OverridesView view;
};

QPushButton* button(QWidget* parent, const char* name)
{
    return parent->findChild<QPushButton*>(QString::fromLatin1(name));
}

//! The assignment row's "Stands in" text for the policy, or "<none>".
QString standsIn(const OverridesView& view, const QString& policySlug)
{
    QTableWidget* table = view.assignments();
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->data(Qt::UserRole + 1).toString() == policySlug)
            return table->item(r, 2)->text();
    }
    return QStringLiteral("<none>");
}

QString displayName(SimFixture& fixture, const QString& username)
{
    const sim::SimUser user = fixture.ctx().org.users.value(username);
    return user.firstName + QLatin1Char(' ') + user.lastName;
}

bool startView(OverridesView& view)
{
    view.resize(1000, 700);
    view.show();
    view.start();
    auto* combo = view.findChild<QComboBox*>(QStringLiteral("replacementCombo"));
    return QTest::qWaitFor(
        [&] { return !view.controller()->isLoading() && combo->count() > 0; }, 10000);
}

} // namespace

class TestOverridesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createAssignChangeRemoveDelete()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        // Someone on a team with escalation policies, and a teammate to stand in.
        QString away;
        QString standIn;
        for (const sim::SimPolicy& policy : std::as_const(fixture.ctx().org.policies)) {
            const QStringList members = fixture.ctx().org.teams.value(policy.teamSlug).members;
            if (members.size() >= 3 && members.at(1) != fixture.demoUser()
                && members.at(2) != fixture.demoUser()) {
                away = members.at(1);
                standIn = members.at(2);
                break;
            }
        }
        QVERIFY(!away.isEmpty());
        const QSet<QString> before = [&] {
            const QList<QString> ids = fixture.ctx().org.scheduledOverrides.keys();
            return QSet<QString>(ids.cbegin(), ids.cend());
        }();

        Overrides built(fixture.client.get());
        OverridesView& view = built.view;
        QVERIFY(startView(view));
        QCOMPARE(view.model()->rowCount(), before.size());

        // The dialog: an end before the start is refused in words, nothing is sent.
        QTest::mouseClick(button(&view, "newOverrideButton"), Qt::LeftButton);
        auto* dialog = view.findChild<OverrideDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime start = QDateTime::currentDateTimeUtc().toTimeZone(berlin).addDays(4);
        const QDateTime wallStart(start.date(), QTime(9, 0));
        dialog->setValues(
            away, wallStart, wallStart.addSecs(-3600), QStringLiteral("Europe/Berlin"));
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
        QVERIFY(error->text().contains(QStringLiteral("end after it starts")));
        dialog->setValues(QStringLiteral("no.such.person"), wallStart, wallStart.addDays(2),
            QStringLiteral("Europe/Berlin"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(error->text().contains(QStringLiteral("nobody called")));
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), before.size());

        // Now right: created, in the simulator, selected in the view.
        dialog->setValues(away, wallStart, wallStart.addDays(2), QStringLiteral("Europe/Berlin"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(fixture.ctx().org.scheduledOverrides.size(), before.size() + 1);
        QString id;
        for (const QString& key : fixture.ctx().org.scheduledOverrides.keys()) {
            if (!before.contains(key))
                id = key;
        }
        const sim::SimScheduledOverride created = fixture.ctx().org.scheduledOverrides.value(id);
        QCOMPARE(created.username, away);
        QCOMPARE(created.timeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(created.start, QDateTime(wallStart.date(), QTime(9, 0), berlin).toUTC());
        QTRY_COMPARE(view.selectedOverride(), id);
        QVERIFY(!created.assignments.isEmpty());
        QTRY_COMPARE(view.assignments()->rowCount(), created.assignments.size());
        const QString policy = created.assignments.firstKey();
        QVERIFY(standsIn(view, policy).startsWith(QStringLiteral("Nobody yet")));

        // Assign a replacement for one policy.
        view.selectPolicy(policy);
        view.setReplacement(standIn);
        QPushButton* assign = button(&view, "assignButton");
        QCOMPARE(assign->text(), QStringLiteral("&Assign"));
        QVERIFY(assign->isEnabled());
        QTest::mouseClick(assign, Qt::LeftButton);
        QTRY_COMPARE(
            fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), standIn);
        QTRY_COMPARE(standsIn(view, policy), displayName(fixture, standIn));

        // A view loaded afresh reads the same back from the simulator.
        {
            Overrides again(fixture.client.get());
            OverridesView& fresh = again.view;
            QVERIFY(startView(fresh));
            fresh.selectOverride(id);
            QCOMPARE(fresh.selectedOverride(), id);
            QTRY_COMPARE(standsIn(fresh, policy), displayName(fixture, standIn));
        }

        // Change it: the button says so; the demo user stands in instead.
        view.selectPolicy(policy);
        QTRY_COMPARE(assign->text(), QStringLiteral("&Change"));
        view.setReplacement(fixture.demoUser());
        QTest::mouseClick(assign, Qt::LeftButton);
        QTRY_COMPARE(fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy),
            fixture.demoUser());
        QTRY_COMPARE(standsIn(view, policy), displayName(fixture, fixture.demoUser()));

        // Remove the replacement: the assignment stays, open again.
        view.selectPolicy(policy);
        QPushButton* unassign = button(&view, "unassignButton");
        QTRY_VERIFY(unassign->isEnabled());
        QTest::mouseClick(unassign, Qt::LeftButton);
        QTRY_COMPARE(
            fixture.ctx().org.scheduledOverrides.value(id).assignments.value(policy), QString());
        QVERIFY(fixture.ctx().org.scheduledOverrides.value(id).assignments.contains(policy));
        QTRY_VERIFY(standsIn(view, policy).startsWith(QStringLiteral("Nobody yet")));
        QTRY_VERIFY(!unassign->isEnabled());

        // Delete: cancelling keeps it; confirming deletes it.
        QTest::mouseClick(button(&view, "deleteOverrideButton"), Qt::LeftButton);
        QMessageBox* box = view.findChild<QMessageBox*>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTest::qWait(100);
        QVERIFY(fixture.ctx().org.scheduledOverrides.contains(id));
        QTRY_VERIFY(!view.findChild<QMessageBox*>());
        QTest::mouseClick(button(&view, "deleteOverrideButton"), Qt::LeftButton);
        box = view.findChild<QMessageBox*>();
        QVERIFY(box);
        QPushButton* confirm = nullptr;
        for (QAbstractButton* b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                confirm = qobject_cast<QPushButton*>(b);
        }
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(!fixture.ctx().org.scheduledOverrides.contains(id));
        QTRY_COMPARE(view.model()->rowOf(id), -1);
        QCOMPARE(view.model()->rowCount(), before.size());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("statusLabel"))
                    ->text()
                    .contains(QStringLiteral("deleted")));
    }

    void refreshKeySaysAtOnceThatItIsReading()
    {
        SimFixture fixture;
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        Overrides built(fixture.client.get());
        OverridesView& view = built.view;
        QVERIFY(startView(view));
        auto* status = view.findChild<QLabel*>(QStringLiteral("statusLabel"));
        QPushButton* refresh = button(&view, "refreshButton");
        QTRY_VERIFY(status->text().endsWith(QStringLiteral("scheduled.")));
        QVERIFY(refresh->isEnabled());

        const auto problem = fixture.server->service().faults().parse(
            QStringLiteral("slow,ms=8000,method=GET,path=/api-public/v1/overrides"));
        QVERIFY(!problem);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTableView* table = view.table();
        table->setFocus();
        QSignalSpy loaded(view.controller(), &OverrideController::loaded);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(table, Qt::Key_F5);
        QCOMPARE(status->text(), QStringLiteral("Loading the overrides…"));
        QVERIFY(!refresh->isEnabled());
        QTest::qWait(1000);
        QCOMPARE(status->text(), QStringLiteral("Loading the overrides…"));
        QVERIFY(loaded.wait(15000));
        QVERIFY(clock.elapsed() >= 7500);
        QVERIFY2(status->text().endsWith(QStringLiteral("scheduled.")), qPrintable(status->text()));
        QVERIFY(refresh->isEnabled());
    }

    void readOnlyKeyDisablesTheActionsWithTheReason()
    {
        sim::SimOptions options;
        options.apiKey = QStringLiteral("ro-key");
        options.readOnlyKeys = QStringList { QStringLiteral("ro-key") };
        SimFixture fixture(options);
        QVERIFY2(fixture.started, qPrintable(fixture.startError));
        Overrides built(fixture.client.get());
        OverridesView& view = built.view;
        QVERIFY(startView(view));
        QVERIFY(view.model()->rowCount() > 0);
        QTRY_VERIFY(!view.selectedOverride().isEmpty());
        const qsizetype count = fixture.ctx().org.scheduledOverrides.size();
        QTest::mouseClick(button(&view, "deleteOverrideButton"), Qt::LeftButton);
        QMessageBox* box = view.findChild<QMessageBox*>();
        QVERIFY(box);
        for (QAbstractButton* b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                QTest::mouseClick(b, Qt::LeftButton);
        }
        QTRY_VERIFY(view.controller()->isReadOnly());
        QCOMPARE(fixture.ctx().org.scheduledOverrides.size(), count);
        auto* label = view.findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("read-only")));
        for (const char* name :
            { "newOverrideButton", "deleteOverrideButton", "assignButton", "unassignButton" }) {
            QPushButton* b = button(&view, name);
            QVERIFY2(!b->isEnabled(), name);
            QVERIFY2(b->toolTip().contains(QStringLiteral("read-only")), name);
        }
    }
};

QTEST_MAIN(TestOverridesView)
#include "tst_overridesview.moc"
