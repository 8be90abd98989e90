// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// UserImportDialog with real widgets driven by QTest, against an in-process rota-sim: a file is
// loaded, the preview marks the rows with problems in words, Import sends the others, the table
// shows each row's outcome; Cancel stops between batches; a file that cannot be used says why.

#include "simfixture.h"
#include "userimport.h"
#include "userimportdialog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rota;
using namespace rota::test;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& data)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return QString();
    return path;
}

QString statusOf(const UserImportDialog& dialog, int row)
{
    const QTableWidgetItem* item = dialog.table()->item(row, UserImportDialog::StatusColumn);
    return item ? item->text() : QString();
}

QByteArray manyUsers(int count)
{
    QByteArray data = "username,email,first name,last name\n";
    for (int i = 0; i < count; ++i)
        data += QStringLiteral("bulk%1,bulk%1@example.com,Bulk,User %1\n").arg(i).toUtf8();
    return data;
}

} // namespace

class TestUserImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void previewImportAndResults()
    {
        SimFixture fx;
        QVERIFY(fx.started);
        const QString demo = fx.demoUser();
        QTemporaryDir dir;
        // Line 3 repeats a username the dialog knows; line 5 has a bad address; line 6 takes a
        // username the dialog was not told of, which only the server refuses.
        const QString path = writeFile(dir, QStringLiteral("users.csv"),
            "First Name;Last Name;Username;Email\n"
            "Ada;Lovelace;ada.lovelace;ada@example.com\n"
            "Someone;Else;known.user;someone@example.com\n"
            "Grace;Hopper;grace.hopper;grace@example.com\n"
            "Alan;Turing;alan.turing;alan-at-example.com\n"
                + QStringLiteral("Dup;User;%1;dup@example.com\n").arg(demo).toUtf8());
        QVERIFY(!path.isEmpty());

        UserImport importer(fx.client.get());
        UserImportDialog dialog(&importer, { QStringLiteral("Known.User") }, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.loadFile(path));

        QCOMPARE(dialog.table()->rowCount(), 5);
        QCOMPARE(dialog.table()->item(0, UserImportDialog::UsernameColumn)->text(),
            QStringLiteral("ada.lovelace"));
        QCOMPARE(dialog.table()->item(0, UserImportDialog::FirstNameColumn)->text(),
            QStringLiteral("Ada"));
        QCOMPARE(
            dialog.table()->item(1, UserImportDialog::LineColumn)->text(), QStringLiteral("3"));
        QCOMPARE(statusOf(dialog, 0), QStringLiteral("Ready"));
        QVERIFY2(statusOf(dialog, 1).contains(QLatin1String("already has a user named")),
            qPrintable(statusOf(dialog, 1)));
        QVERIFY2(statusOf(dialog, 3).contains(QLatin1String("is not an e-mail address")),
            qPrintable(statusOf(dialog, 3)));
        QVERIFY(!dialog.table()->item(3, UserImportDialog::StatusColumn)->icon().isNull());
        QCOMPARE(statusOf(dialog, 4), QStringLiteral("Ready"));
        QCOMPARE(dialog.summaryLabel()->text(),
            QStringLiteral("3 users will be invited; 2 rows have problems and will not be sent."));
        QVERIFY(dialog.messageLabel()->isHidden());
        QVERIFY(dialog.importButton()->isEnabled());
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("Import 3 Users"));

        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(dialog.progressBar()->isVisible());
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(!dialog.chooseButton()->isEnabled());
        QVERIFY(QTest::qWaitFor([&importer] { return !importer.isRunning(); }, 20000));

        QCOMPARE(statusOf(dialog, 0), QStringLiteral("Added"));
        QCOMPARE(statusOf(dialog, 2), QStringLiteral("Added"));
        QCOMPARE(statusOf(dialog, 4),
            QStringLiteral("Not added: Username '%1' is unavailable").arg(demo));
        // The rows with problems still say why, and were not sent.
        QVERIFY(statusOf(dialog, 3).contains(QLatin1String("is not an e-mail address")));
        QVERIFY(!fx.ctx().org.users.contains(QStringLiteral("alan.turing")));
        QVERIFY(!fx.ctx().org.users.contains(QStringLiteral("known.user")));
        QVERIFY(fx.ctx().org.users.contains(QStringLiteral("ada.lovelace")));
        QVERIFY(fx.ctx().org.users.contains(QStringLiteral("grace.hopper")));

        // Everything stays on screen.
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.progressBar()->isVisible());
        QCOMPARE(dialog.progressBar()->value(), 3);
        QCOMPARE(dialog.summaryLabel()->text(),
            QStringLiteral("Added 2 of 3 users. 1 user was not added. 2 rows with problems were "
                           "not sent."));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.chooseButton()->isEnabled());

        // Loaded again, the added users are known now.
        QVERIFY(dialog.loadFile(path));
        QVERIFY2(statusOf(dialog, 0).contains(QLatin1String("already has a user named")),
            qPrintable(statusOf(dialog, 0)));
    }

    void cancelStopsBetweenBatches()
    {
        SimFixture fx;
        QVERIFY(fx.started);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("many.csv"), manyUsers(120));
        UserImport importer(fx.client.get());
        UserImportDialog dialog(&importer, {}, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.loadFile(path));
        QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("120 users will be invited."));

        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(dialog.cancelImportButton()->isVisible());
        // What the importer says when a batch waits for the rate limit is shown as it comes.
        Q_EMIT importer.waiting(3500);
        QVERIFY2(dialog.summaryLabel()->text().startsWith(
                     QLatin1String("Waiting about 4 s for Splunk On-Call's rate limit")),
            qPrintable(dialog.summaryLabel()->text()));
        QTest::mouseClick(dialog.cancelImportButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&importer] { return !importer.isRunning(); }, 20000));

        QCOMPARE(importer.count(UserImport::Outcome::Added), 50);
        QCOMPARE(statusOf(dialog, 0), QStringLiteral("Added"));
        QCOMPARE(statusOf(dialog, 49), QStringLiteral("Added"));
        QCOMPARE(statusOf(dialog, 50), QStringLiteral("Not sent: the import was cancelled."));
        QCOMPARE(statusOf(dialog, 119), QStringLiteral("Not sent: the import was cancelled."));
        QVERIFY(fx.ctx().org.users.contains(QStringLiteral("bulk49")));
        QVERIFY(!fx.ctx().org.users.contains(QStringLiteral("bulk50")));
        QVERIFY(dialog.cancelImportButton()->isHidden());
        QVERIFY2(dialog.summaryLabel()->text().contains(
                     QLatin1String("70 users were not sent: the import was cancelled.")),
            qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(dialog.isVisible());
    }

    void closingDuringAnImportCancelsIt()
    {
        SimFixture fx;
        QVERIFY(fx.started);
        QTemporaryDir dir;
        UserImport importer(fx.client.get());
        UserImportDialog dialog(&importer, {}, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.loadFile(writeFile(dir, QStringLiteral("many.csv"), manyUsers(120))));
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        // Still open until the batch on its way is answered.
        QVERIFY(dialog.isVisible());
        QVERIFY(QTest::qWaitFor([&dialog] { return !dialog.isVisible(); }, 20000));
        QCOMPARE(importer.count(UserImport::Outcome::Added), 50);
        QCOMPARE(importer.count(UserImport::Outcome::NotSent), 70);
    }

    void aFileThatCannotBeUsedSaysWhy()
    {
        SimFixture fx;
        QTemporaryDir dir;
        UserImport importer(fx.client.get());
        UserImportDialog dialog(&importer, {}, {});
        dialog.show();
        QVERIFY(!dialog.loadFile(writeFile(
            dir, QStringLiteral("wrong.csv"), "name,mail\nAda Lovelace,ada@example.com\n")));
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(QLatin1String("no column for username")),
            qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(dialog.table()->rowCount(), 0);
        QVERIFY(!dialog.importButton()->isEnabled());

        QVERIFY(!dialog.loadFile(writeFile(
            dir, QStringLiteral("latin1.csv"), "username,email,first,last\nz,z@x.io,Zo\xEB,S\n")));
        QVERIFY2(dialog.messageLabel()->text().contains(QLatin1String("not UTF-8")),
            qPrintable(dialog.messageLabel()->text()));

        // Unknown columns are said, and the file is still used.
        QVERIFY(dialog.loadFile(writeFile(dir, QStringLiteral("extra.csv"),
            "username,email,first,last,team\nada,ada@example.com,Ada,Lovelace,Payments\n")));
        QVERIFY2(dialog.messageLabel()->text().contains(QLatin1String("Ignored columns: \"team\"")),
            qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.importButton()->isEnabled());
    }

    void tenThousandRowsLoad()
    {
        SimFixture fx;
        QTemporaryDir dir;
        UserImport importer(fx.client.get());
        UserImportDialog dialog(&importer, {}, {});
        dialog.show();
        const QString path = writeFile(dir, QStringLiteral("big.csv"), manyUsers(10000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(dialog.loadFile(path));
        // Reported, not asserted: how long the GUI thread was busy.
        qInfo("10,000 rows loaded in %lld ms", timer.elapsed());
        QCOMPARE(dialog.table()->rowCount(), 10000);
        QCOMPARE(statusOf(dialog, 9999), QStringLiteral("Ready"));
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("Import 10000 Users"));
    }
};

QTEST_MAIN(TestUserImportDialog)
#include "tst_userimportdialog.moc"
