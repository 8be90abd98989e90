// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// The person card and its hover, as real widgets against an in-process rota-sim over HTTP: the
// card shows the name, username, e-mail addresses as mailto: links, phone numbers as tel: links,
// teams and on-call words; an unknown person is said in words; the hover shows it over a view's
// person rows on the tooltip event and on Ctrl+I, keeps other rows' tooltips, and goes on Esc and
// when the mouse leaves.

#include "orgdirectory.h"
#include "personcard.h"
#include "persondetails.h"
#include "simfixture.h"
#include "simservice.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QListView>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTableView>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

struct Rig {
    Rig()
        : directory(fx.client.get())
        , people(fx.client.get(), &directory)
    {
    }
    bool start()
    {
        if (!fx.started)
            return false;
        directory.ensureLoaded();
        return QTest::qWaitFor([&] { return directory.hasUsers(); }, 10000);
    }

    SimFixture fx;
    OrgDirectory directory;
    PersonDetails people;
};

QString labelText(const QWidget* card, const char* name)
{
    const auto* label = card->findChild<QLabel*>(QLatin1String(name));
    return label && label->isVisibleTo(card) ? label->text() : QString();
}

//! Sends the tooltip event a resting mouse would send over the row.
void hoverRow(QListView& view, int row)
{
    const QPoint pos = view.visualRect(view.model()->index(row, 0)).center();
    QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &event);
}

} // namespace

class TestPersonCard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheFields()
    {
        Rig rig;
        QVERIFY2(rig.start(), qPrintable(rig.fx.startError));
        const QString demo = rig.fx.demoUser();
        const sim::SimUser& user = rig.fx.ctx().org.users.value(demo);
        QVERIFY(!user.phones.isEmpty());

        PersonCard card(&rig.people);
        card.setPerson(demo);
        card.popUp(QPoint(10, 10));
        QVERIFY(card.isVisible());
        // At once: the name from the user list, and that the rest is on its way.
        QCOMPARE(labelText(&card, "nameLabel"), user.firstName + QLatin1Char(' ') + user.lastName);
        QCOMPARE(labelText(&card, "usernameLabel"), demo);
        QCOMPARE(labelText(&card, "statusLabel"), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.people.isLoading(demo), 10000);

        QVERIFY(labelText(&card, "statusLabel").isEmpty());
        const QString emails = labelText(&card, "emailLinks");
        QVERIFY2(emails.contains(QStringLiteral("href=\"mailto:%1\"").arg(user.email)),
            qPrintable(emails));
        for (const sim::SimContactMethod& email : user.emails)
            QVERIFY2(
                emails.contains(QStringLiteral("mailto:%1").arg(email.value)), qPrintable(emails));
        const QString phones = labelText(&card, "phoneLinks");
        for (const sim::SimContactMethod& phone : user.phones) {
            QString digits;
            for (const QChar c : phone.value) {
                if (c.isDigit() || c == QLatin1Char('+'))
                    digits.append(c);
            }
            QVERIFY2(
                phones.contains(QStringLiteral("href=\"tel:%1\"").arg(digits)), qPrintable(phones));
            QVERIFY(phones.contains(phone.value.toHtmlEscaped()));
        }
        // Every link is one of the two kinds.
        QCOMPARE(
            emails.count(QLatin1String("href=")), emails.count(QLatin1String("href=\"mailto:")));
        QCOMPARE(phones.count(QLatin1String("href=")), phones.count(QLatin1String("href=\"tel:")));
        const auto* emailLabel = card.findChild<QLabel*>(QStringLiteral("emailLinks"));
        QVERIFY(emailLabel->openExternalLinks());

        const QString teams = labelText(&card, "teamsLabel");
        for (const sim::SimTeam& team : rig.fx.ctx().org.teams) {
            if (team.members.contains(demo))
                QVERIFY2(teams.contains(team.name), qPrintable(teams));
        }
        // Without an on-call model the schedule says it.
        QVERIFY(!labelText(&card, "onCallLabel").isEmpty());
        // The avatar is drawn.
        const auto* avatar = card.findChild<QLabel*>(QStringLiteral("avatarLabel"));
        QVERIFY(!avatar->pixmap().isNull());
    }

    void unknownPersonInWords()
    {
        Rig rig;
        QVERIFY2(rig.start(), qPrintable(rig.fx.startError));
        PersonCard card(&rig.people);
        card.setPerson(QStringLiteral("nobody.here"));
        card.popUp(QPoint(10, 10));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.people.isLoading(QStringLiteral("nobody.here")), 10000);
        QCOMPARE(labelText(&card, "nameLabel"), QStringLiteral("nobody.here"));
        const QString status = labelText(&card, "statusLabel");
        QVERIFY2(status.startsWith(QLatin1String("Could not read")), qPrintable(status));
        QVERIFY(labelText(&card, "emailLinks").isEmpty());
    }

    void hoverAndKeyboard()
    {
        Rig rig;
        QVERIFY2(rig.start(), qPrintable(rig.fx.startError));
        const QString demo = rig.fx.demoUser();
        QStringListModel rows({ demo, QStringLiteral("(not a person)") });
        QListView view;
        view.setModel(&rows);
        view.resize(300, 200);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        PersonHover* hover = PersonHover::install(&view, &rig.people, [](const QModelIndex& index) {
            const QString text = index.data().toString();
            return text.startsWith(QLatin1Char('(')) ? QString() : text;
        });
        QCOMPARE(PersonHover::of(&view), hover);
        QVERIFY(!hover->card());

        hoverRow(view, 0);
        QVERIFY(hover->card());
        QVERIFY(hover->card()->isVisible());
        QCOMPARE(hover->card()->person(), demo);
        // A row that is no person: no card.
        hoverRow(view, 1);
        QVERIFY(!hover->card()->isVisible());

        // The keyboard: Ctrl+I shows the current row's person, Esc hides the card.
        view.setFocus();
        view.setCurrentIndex(rows.index(0, 0));
        QCOMPARE(hover->action()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        QTest::keyClick(&view, Qt::Key_I, Qt::ControlModifier);
        QVERIFY(hover->card()->isVisible());
        QCOMPARE(hover->card()->person(), demo);
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!hover->card()->isVisible());

        // In a table, Ctrl+I on any cell of a person's row shows them.
        QStandardItemModel table(1, 2);
        table.setItem(0, 0, new QStandardItem(QStringLiteral("(a note)")));
        table.setItem(0, 1, new QStandardItem(demo));
        QTableView grid;
        grid.setModel(&table);
        grid.show();
        grid.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&grid));
        PersonHover* tableHover
            = PersonHover::install(&grid, &rig.people, [](const QModelIndex& index) {
                  return index.column() == 1 ? index.data().toString() : QString();
              });
        grid.setFocus();
        grid.setCurrentIndex(table.index(0, 0));
        QTest::keyClick(&grid, Qt::Key_I, Qt::ControlModifier);
        QVERIFY(tableHover->card() && tableHover->card()->isVisible());
        QCOMPARE(tableHover->card()->person(), demo);
        tableHover->hideCard();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // The mouse leaves the view: the card goes.
        hoverRow(view, 0);
        QVERIFY(hover->card()->isVisible());
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(view.viewport(), &leave);
        QTRY_VERIFY(!hover->card()->isVisible());
    }
};

QTEST_MAIN(TestPersonCard)
#include "tst_personcard.moc"
