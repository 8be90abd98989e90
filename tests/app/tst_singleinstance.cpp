// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// SingleInstance: two instances of the same name in this process (the second hands its message
// over and is told to exit); a socket file left behind does not block the next start; and the
// built `rota --demo` itself, twice with a private runtime directory: the second exits 0 at once
// while the first runs on; after the first is killed (lock and socket left behind) a new one
// starts as the first again, and SIGTERM ends it with 0, removing both.

#include "singleinstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace rota;

class TestSingleInstance : public QObject {
    Q_OBJECT

private:
    static constexpr QFileDevice::Permissions AnyoneButOwner = QFileDevice::ReadGroup
        | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeOther;

    QString rotaBinary() const { return QStringLiteral(ROTA_BINARY_DIR "/app/rota"); }

    QProcessEnvironment environment(const QTemporaryDir& dir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("home/.local")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

private Q_SLOTS:
    void defaultNames()
    {
        QVERIFY(SingleInstance::defaultName(false).startsWith(QStringLiteral("rota-")));
        QVERIFY(SingleInstance::defaultName(true).startsWith(QStringLiteral("rota-demo-")));
        QVERIFY(SingleInstance::defaultName(false) != SingleInstance::defaultName(true));
    }

    void secondHandsOver()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SingleInstance first(QStringLiteral("rota-test"), dir.path());
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        QVERIFY(QFileInfo::exists(first.socketPath()));
        QSignalSpy received(&first, &SingleInstance::messageReceived);

        SingleInstance second(QStringLiteral("rota-test"), dir.path());
        QCOMPARE(second.start(QStringLiteral("open 4711")), SingleInstance::Role::Secondary);
        QVERIFY(received.wait(5000) || received.size() == 1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().constFirst().toString(), QStringLiteral("open 4711"));

        SingleInstance third(QStringLiteral("rota-test"), dir.path());
        QCOMPARE(third.start(), SingleInstance::Role::Secondary);
        QVERIFY(received.wait(5000) || received.size() == 2);
        QCOMPARE(received.at(1).constFirst().toString(), QStringLiteral("show"));

        // Another name is another instance.
        SingleInstance other(QStringLiteral("rota-test-demo"), dir.path());
        QCOMPARE(other.start(), SingleInstance::Role::Primary);
    }

    void leftoverSocketDoesNotBlock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString name = QStringLiteral("rota-stale");
        // What a crashed instance leaves: the socket file, nobody listening.
        QFile leftover(dir.filePath(name + QStringLiteral(".socket")));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.close();
        SingleInstance first(name, dir.path());
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        SingleInstance second(name, dir.path());
        QSignalSpy received(&first, &SingleInstance::messageReceived);
        QCOMPARE(second.start(), SingleInstance::Role::Secondary);
        QVERIFY(received.wait(5000) || received.size() == 1);
    }

    void socketGoesWithThePrimary()
    {
        QTemporaryDir dir;
        QString socket;
        {
            SingleInstance first(QStringLiteral("rota-gone"), dir.path());
            QCOMPARE(first.start(), SingleInstance::Role::Primary);
            socket = first.socketPath();
            QVERIFY(QFileInfo::exists(socket));
        }
        QVERIFY(!QFileInfo::exists(socket));
        SingleInstance next(QStringLiteral("rota-gone"), dir.path());
        QCOMPARE(next.start(), SingleInstance::Role::Primary);
    }

    // The lock and socket go only where nobody else can reach them: a directory made for them is
    // made private; one that others can enter is refused (Rota then runs without the guard).
    void onlyAPrivateDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString made = dir.filePath(QStringLiteral("fresh/run"));
        SingleInstance fresh(QStringLiteral("rota-private"), made);
        QCOMPARE(fresh.start(), SingleInstance::Role::Primary);
        QCOMPARE(QFileInfo(made).permissions() & AnyoneButOwner, QFileDevice::Permissions());

        const QString shared = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkdir(shared));
        QVERIFY(QFile::setPermissions(shared,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::WriteOther));
        SingleInstance open(QStringLiteral("rota-shared"), shared);
        QCOMPARE(open.start(), SingleInstance::Role::Failed);
        QVERIFY2(open.errorString().contains(QLatin1String("0700"))
                && open.errorString().contains(QLatin1String("707")),
            qPrintable(open.errorString()));
        QVERIFY(!QFileInfo::exists(open.lockPath()));
        QVERIFY(!QFileInfo::exists(open.socketPath()));
    }

    void onlyKnownMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("valid");
        QTest::newRow("show") << QStringLiteral("show") << true;
        QTest::newRow("open") << QStringLiteral("open 4711") << true;
        QTest::newRow("open nothing") << QStringLiteral("open ") << false;
        QTest::newRow("open a name") << QStringLiteral("open ../x") << false;
        QTest::newRow("open too long")
            << QStringLiteral("open ") + QString(80, QLatin1Char('1')) << false;
        QTest::newRow("other") << QStringLiteral("quit") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void onlyKnownMessages()
    {
        QFETCH(QString, message);
        QFETCH(bool, valid);
        QCOMPARE(SingleInstance::isValidMessage(message), valid);
    }

    // Whatever a process writes to the socket, only the known messages come out, and a message
    // longer than the limit is not read at all.
    void unknownAndLongMessagesAreDropped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SingleInstance first(QStringLiteral("rota-drop"), dir.path());
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        QSignalSpy received(&first, &SingleInstance::messageReceived);
        std::vector<std::unique_ptr<QLocalSocket>> sockets;
        const auto sendRaw = [&first, &sockets](const QByteArray& bytes) {
            sockets.push_back(std::make_unique<QLocalSocket>());
            QLocalSocket& socket = *sockets.back();
            socket.connectToServer(first.socketPath());
            QVERIFY(socket.waitForConnected(2000));
            socket.write(bytes);
            socket.flush();
        };
        sendRaw("open ../../etc\n");
        sendRaw(QByteArray(SingleInstance::MaxMessageBytes * 4, 'x'));
        sendRaw("open " + QByteArray(SingleInstance::MaxMessageBytes * 2, '1') + "\n");
        sendRaw("open 815\n");
        // Each is answered or cut off by the primary.
        for (const auto& socket : sockets)
            QTRY_COMPARE(socket->state(), QLocalSocket::UnconnectedState);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().constFirst().toString(), QStringLiteral("open 815"));
    }

    void theProgramTwice()
    {
        if (!QFileInfo::exists(rotaBinary()))
            QSKIP("rota is not built");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("run"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("home"))));
        QFile::setPermissions(dir.filePath(QStringLiteral("run")),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString socket
            = dir.filePath(QStringLiteral("run/%1.socket").arg(SingleInstance::defaultName(true)));

        QProcess first;
        first.setProcessEnvironment(environment(dir));
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(rotaBinary(), { QStringLiteral("--demo") });
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), 20000);

        QProcess second;
        second.setProcessEnvironment(environment(dir));
        second.start(rotaBinary(), { QStringLiteral("--demo") });
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);

        // A crash leaves the lock and the socket behind; they must not block the next start.
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        QVERIFY(QFileInfo::exists(socket));
        QProcess third;
        third.setProcessEnvironment(environment(dir));
        third.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        third.start(rotaBinary(), { QStringLiteral("--demo") });
        QVERIFY(third.waitForStarted());
        // It runs on as the first instance (a handing-over one exits within a second or two).
        QVERIFY(!third.waitForFinished(3000));
        QCOMPARE(third.state(), QProcess::Running);
        SingleInstance probe(
            SingleInstance::defaultName(true), dir.filePath(QStringLiteral("run")));
        QCOMPARE(probe.start(), SingleInstance::Role::Secondary);
        // SIGTERM is a quit like any other: exit 0, and the socket and lock go with it.
        third.terminate();
        QVERIFY(third.waitForFinished(10000));
        QCOMPARE(third.exitStatus(), QProcess::NormalExit);
        QCOMPARE(third.exitCode(), 0);
        QVERIFY(!QFileInfo::exists(socket));
        QVERIFY(!QFileInfo::exists(
            dir.filePath(QStringLiteral("run/%1.lock").arg(SingleInstance::defaultName(true)))));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
