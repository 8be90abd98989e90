// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UsersModel and UsersFilterModel: the users sorted by the name shown, a refresh is a diff
// (insert, remove, move, change in place; never a reset) that keeps persistent indexes on their
// users; the model follows an OrgDirectory (against an in-process rota-sim) with the names it
// gives. The filter keeps the users in whose name, username or e-mail every word of the query
// occurs, in any case and without accents, and sorts by every column.

#include "orgdirectory.h"
#include "simfixture.h"
#include "usersfiltermodel.h"
#include "usersmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace rota;
using rota::test::SimFixture;

namespace {

User user(const QString& username, const QString& first, const QString& last,
    const QString& email = QString(), bool verified = true)
{
    User u;
    u.username = username;
    u.firstName = first;
    u.lastName = last;
    u.email = email.isEmpty() ? username + QStringLiteral("@example.com") : email;
    u.verified = verified;
    return u;
}

QStringList column(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data(role).toString());
    return out;
}

QList<User> crew()
{
    return { user(QStringLiteral("zoe.b"), QStringLiteral("Zoë"), QStringLiteral("Brown")),
        user(QStringLiteral("jose.g"), QStringLiteral("José"), QStringLiteral("García"),
            QStringLiteral("jg@ops.example.org"), false),
        user(QStringLiteral("amy.k"), QStringLiteral("amy"), QStringLiteral("King")),
        user(QStringLiteral("ben.o"), QStringLiteral("Ben"), QStringLiteral("Ortiz")) };
}

} // namespace

class TestUsersModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortsByNameAndShowsColumns()
    {
        UsersModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUsers(
            crew(), { { QStringLiteral("ben.o"), QStringLiteral("Ben Ortiz (ben.o)") } });
        QCOMPARE(model.columnCount(), int(UsersModel::ColumnCount));
        // Case-insensitive, accents aside; the name the directory gives wins.
        QCOMPARE(column(model, UsersModel::NameColumn),
            (QStringList { QStringLiteral("amy King"), QStringLiteral("Ben Ortiz (ben.o)"),
                QStringLiteral("José García"), QStringLiteral("Zoë Brown") }));
        QCOMPARE(column(model, UsersModel::UsernameColumn),
            (QStringList { QStringLiteral("amy.k"), QStringLiteral("ben.o"),
                QStringLiteral("jose.g"), QStringLiteral("zoe.b") }));
        QCOMPARE(model.index(2, UsersModel::EmailColumn).data().toString(),
            QStringLiteral("jg@ops.example.org"));
        QCOMPARE(
            model.index(2, UsersModel::StatusColumn).data().toString(), QStringLiteral("Invited"));
        QCOMPARE(
            model.index(0, UsersModel::StatusColumn).data().toString(), QStringLiteral("Verified"));
        QCOMPARE(model.index(2, 0).data(UsersModel::VerifiedRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data(UsersModel::HaystackRole).toString(),
            QStringLiteral("jose garcia\njose.g\njg@ops.example.org"));
        QCOMPARE(model.rowOf(QStringLiteral("zoe.b")), 3);
        QCOMPARE(model.rowOf(QStringLiteral("nobody")), -1);
        QCOMPARE(model.headerData(UsersModel::EmailColumn, Qt::Horizontal).toString(),
            QStringLiteral("E-mail"));
    }

    void foldsCaseAndAccents()
    {
        QCOMPARE(UsersModel::foldForSearch(QStringLiteral("José GARCÍA")),
            QStringLiteral("jose garcia"));
        QCOMPARE(UsersModel::foldForSearch(QStringLiteral("Zoë Ångström")),
            QStringLiteral("zoe angstrom"));
        QCOMPARE(UsersModel::foldForSearch(QStringLiteral("Plain.ASCII@x")),
            QStringLiteral("plain.ascii@x"));
    }

    void refreshIsADiff()
    {
        UsersModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUsers(crew());
        const QPersistentModelIndex jose = model.index(model.rowOf(QStringLiteral("jose.g")), 0);
        const QPersistentModelIndex zoe = model.index(model.rowOf(QStringLiteral("zoe.b")), 0);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Ben leaves, Carla comes, José accepts the invitation, Amy is renamed (and moves).
        QList<User> next = crew();
        next.removeAt(3);
        next[1].verified = true;
        next[2].firstName = QStringLiteral("Yvonne");
        next.append(
            user(QStringLiteral("carla.d"), QStringLiteral("Carla"), QStringLiteral("Diaz")));
        model.setUsers(next);

        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(column(model, UsersModel::UsernameColumn),
            (QStringList { QStringLiteral("carla.d"), QStringLiteral("jose.g"),
                QStringLiteral("amy.k"), QStringLiteral("zoe.b") }));
        QVERIFY(jose.isValid());
        QCOMPARE(jose.data(UsersModel::UsernameRole).toString(), QStringLiteral("jose.g"));
        QCOMPARE(jose.data(UsersModel::VerifiedRole).toBool(), true);
        QCOMPARE(zoe.data(UsersModel::UsernameRole).toString(), QStringLiteral("zoe.b"));

        // The same list again: nothing at all.
        changed.clear();
        inserted.clear();
        removed.clear();
        model.setUsers(next);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void aRepeatedUsernameIsShownOnce()
    {
        UsersModel model;
        QList<User> users = crew();
        users.append(user(QStringLiteral("amy.k"), QStringLiteral("Other"), QStringLiteral("Amy")));
        model.setUsers(users);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.nameAt(model.rowOf(QStringLiteral("amy.k"))), QStringLiteral("amy King"));
    }

    void filterMatchesEveryWord()
    {
        UsersModel model;
        model.setUsers(crew());
        UsersFilterModel filter;
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.sort(UsersModel::NameColumn);
        QCOMPARE(filter.rowCount(), 4);

        filter.setFilter(QStringLiteral("garcia"));
        QCOMPARE(
            column(filter, UsersModel::UsernameColumn), QStringList { QStringLiteral("jose.g") });
        // Accents and case in the query do not matter either.
        filter.setFilter(QStringLiteral("  JOSÉ   gar "));
        QCOMPARE(
            column(filter, UsersModel::UsernameColumn), QStringList { QStringLiteral("jose.g") });
        // By e-mail, by username.
        filter.setFilter(QStringLiteral("ops.example"));
        QCOMPARE(
            column(filter, UsersModel::UsernameColumn), QStringList { QStringLiteral("jose.g") });
        filter.setFilter(QStringLiteral("ben.o"));
        QCOMPARE(
            column(filter, UsersModel::UsernameColumn), QStringList { QStringLiteral("ben.o") });
        // Every word must match: "amy" and "brown" are two people.
        filter.setFilter(QStringLiteral("amy brown"));
        QCOMPARE(filter.rowCount(), 0);
        // A word never spans two fields ("king amy" is not in "amy king\namy.k...").
        filter.setFilter(QStringLiteral("kingamy"));
        QCOMPARE(filter.rowCount(), 0);
        // "example.com" is in three addresses.
        filter.setFilter(QStringLiteral("example.com"));
        QCOMPARE(column(filter, UsersModel::UsernameColumn),
            (QStringList {
                QStringLiteral("amy.k"), QStringLiteral("ben.o"), QStringLiteral("zoe.b") }));
        QCOMPARE(filter.rowOf(QStringLiteral("zoe.b")), 2);
        QCOMPARE(filter.rowOf(QStringLiteral("jose.g")), -1);
        QCOMPARE(filter.usernameAt(0), QStringLiteral("amy.k"));
        QCOMPARE(filter.usernameAt(7), QString());
        filter.setFilter(QString());
        QCOMPARE(filter.rowCount(), 4);

        // Words contained in another word are compared once.
        filter.setFilter(QStringLiteral("gar garcia ar"));
        QCOMPARE(filter.filterWords(), QStringList { QStringLiteral("garcia") });

        filter.setExcludedUser(QStringLiteral("amy.k"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilter(QString());
        QCOMPARE(filter.rowCount(), 3);
        QCOMPARE(filter.rowOf(QStringLiteral("amy.k")), -1);
    }

    void filterSortsByEveryColumn()
    {
        UsersModel model;
        model.setUsers(crew());
        UsersFilterModel filter;
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);

        filter.sort(UsersModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(column(filter, UsersModel::UsernameColumn),
            (QStringList { QStringLiteral("zoe.b"), QStringLiteral("jose.g"),
                QStringLiteral("ben.o"), QStringLiteral("amy.k") }));
        filter.sort(UsersModel::EmailColumn);
        QCOMPARE(column(filter, UsersModel::EmailColumn),
            (QStringList { QStringLiteral("amy.k@example.com"), QStringLiteral("ben.o@example.com"),
                QStringLiteral("jg@ops.example.org"), QStringLiteral("zoe.b@example.com") }));
        filter.sort(UsersModel::UsernameColumn, Qt::DescendingOrder);
        QCOMPARE(filter.usernameAt(0), QStringLiteral("zoe.b"));
        // By status: the invited one first ("invited" < "verified"), the rest by name.
        filter.sort(UsersModel::StatusColumn);
        QCOMPARE(column(filter, UsersModel::UsernameColumn),
            (QStringList { QStringLiteral("jose.g"), QStringLiteral("amy.k"),
                QStringLiteral("ben.o"), QStringLiteral("zoe.b") }));

        // A change to a row re-sorts it (dynamic), and a filter keeps up with it.
        filter.sort(UsersModel::NameColumn);
        filter.setFilter(QStringLiteral("example.com"));
        QList<User> next = crew();
        next[0].firstName = QStringLiteral("Aaron"); // zoe.b → "Aaron Brown"
        model.setUsers(next);
        QCOMPARE(column(filter, UsersModel::UsernameColumn),
            (QStringList {
                QStringLiteral("zoe.b"), QStringLiteral("amy.k"), QStringLiteral("ben.o") }));
    }

    void followsTheDirectory()
    {
        SimFixture fx;
        QVERIFY2(fx.started, qPrintable(fx.startError));
        OrgDirectory directory(fx.client.get());
        UsersModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDirectory(&directory);
        QCOMPARE(model.rowCount(), 0);
        directory.ensureLoaded();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(fx.ctx().org.users.size()), 10000);
        const QString demo = fx.demoUser();
        const int row = model.rowOf(demo);
        QVERIFY(row >= 0);
        QCOMPARE(model.nameAt(row), directory.userDisplayName(demo));

        // A refresh after the server changed is a diff.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QString gone;
        for (auto it = fx.ctx().org.users.cbegin(); it != fx.ctx().org.users.cend(); ++it) {
            if (it.key() != demo) {
                gone = it.key();
                break;
            }
        }
        fx.ctx().org.users.remove(gone);
        directory.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(gone), -1, 10000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), int(fx.ctx().org.users.size()));
    }
};

QTEST_GUILESS_MAIN(TestUsersModel)
#include "tst_usersmodel.moc"
