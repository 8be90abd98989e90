// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl's shell completion as the build writes it (rotactl.bash, _rotactl, rotactl.fish): each
// script loaded into its shell completes resources, verbs, options and the names of accounts
// that rotactl itself saved (settings in a temporary XDG_CONFIG_HOME, keys in the real keychain:
// those cases skip without one, or fail when ROTA_REQUIRE_KEYCHAIN=1). bash and fish complete for
// real (the bash function with COMP_WORDS set, fish's `complete -C`); zsh checks the syntax and
// runs the function with the completion system's builtins replaced by ones that print.

#include "cli.h"
#include "completion.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rota::cli;

namespace {

struct Output {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCompletion : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    bool m_haveAccounts = false;
    QString m_noAccountsWhy;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The rotactl under test is the one the scripts call ("rotactl accounts list --names").
        env.insert(QStringLiteral("PATH"),
            QFileInfo(QStringLiteral(ROTACTL_PATH)).absolutePath() + QLatin1Char(':')
                + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("VO_API_ID"));
        env.remove(QStringLiteral("VO_API_KEY"));
        env.remove(QStringLiteral("VO_USERNAME"));
        return env;
    }

    Output run(
        const QString& program, const QStringList& args, const QProcessEnvironment& env) const
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(program, args);
        Output output;
        if (!process.waitForStarted(10000))
            return output;
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            return output;
        }
        output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        output.out = QString::fromUtf8(process.readAllStandardOutput());
        output.err = QString::fromUtf8(process.readAllStandardError());
        return output;
    }

    Output run(const QString& program, const QStringList& args) const
    {
        return run(program, args, environment());
    }

    //! COMPREPLY of the bash script for the command line `words` (the last is being completed).
    QStringList bash(const QStringList& words) const
    {
        const Output out = run(QStringLiteral("bash"),
            QStringList { QStringLiteral("--norc"), QStringLiteral("--noprofile"),
                QStringLiteral("-c"),
                QStringLiteral("source \"$1\" || exit 9; complete -p rotactl | grep -q -- '-F "
                               "_rotactl' || exit 8; shift; COMP_WORDS=(\"$@\"); "
                               "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"$*\"; "
                               "COMP_POINT=${#COMP_LINE}; _rotactl || exit 7; "
                               "printf '%s\\n' \"${COMPREPLY[@]}\""),
                QStringLiteral("bash"), QStringLiteral(ROTACTL_BASH_COMPLETION) }
                + words);
        if (out.exitCode != 0)
            return { QStringLiteral("<bash failed %1: %2>").arg(out.exitCode).arg(out.err) };
        return out.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    //! What fish's `complete -C` offers for `line`: the candidates without their descriptions.
    QStringList fish(const QString& line) const
    {
        const Output out = run(QStringLiteral("fish"),
            { QStringLiteral("--no-config"), QStringLiteral("-c"),
                QStringLiteral("source $argv[1]; or exit 9; complete -C $argv[2]"),
                QStringLiteral(ROTACTL_FISH_COMPLETION), line });
        if (out.exitCode != 0)
            return { QStringLiteral("<fish failed %1: %2>").arg(out.exitCode).arg(out.err) };
        QStringList candidates;
        for (const QString& row : out.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            candidates.append(row.section(QLatin1Char('\t'), 0, 0));
        return candidates;
    }

    //! What the zsh script offers for `words`, through stand-ins for compadd, _describe, _files,
    //! _message and compset that print what they are given.
    QStringList zsh(const QStringList& words) const
    {
        const Output out = run(QStringLiteral("zsh"),
            QStringList { QStringLiteral("-f"), QStringLiteral("-c"),
                QStringLiteral(
                    "compadd() { if [[ $1 == -a ]]; then print -rl -- \"${(@P)2}\"; else "
                    "print -rl -- \"$@\"; fi; }; "
                    "_describe() { local -a c; c=(\"${(@P)${@[-1]}}\"); print -rl -- "
                    "\"${(@)c%%:*}\"; }; "
                    "_files() { print -r -- '<files>'; }; "
                    "_message() { print -r -- '<message>'; }; "
                    "compset() { return 0; }; "
                    "file=$1; shift; words=(\"$@\"); CURRENT=${#words}; source $file"),
                QStringLiteral("zsh"), QStringLiteral(ROTACTL_ZSH_COMPLETION) }
                + words);
        if (out.exitCode != 0 && out.out.isEmpty())
            return { QStringLiteral("<zsh failed %1: %2>").arg(out.exitCode).arg(out.err) };
        return out.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    static QStringList verbsOf(const QString& resourceName)
    {
        QStringList names;
        if (const Resource* resource = registry().find(resourceName)) {
            for (const Verb& verb : resource->verbs)
                names.append(verb.name);
        }
        return names;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    void needAccounts()
    {
        if (m_haveAccounts)
            return;
        if (qEnvironmentVariableIntValue("ROTA_REQUIRE_KEYCHAIN") == 1)
            QFAIL(qPrintable(QStringLiteral("ROTA_REQUIRE_KEYCHAIN=1 but ") + m_noAccountsWhy));
        QSKIP(qPrintable(m_noAccountsWhy));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        for (const char* path :
            { ROTACTL_BASH_COMPLETION, ROTACTL_ZSH_COMPLETION, ROTACTL_FISH_COMPLETION })
            QVERIFY2(QFileInfo::exists(QString::fromUtf8(path)), path);
        // Two accounts, saved by rotactl with their keys in the keychain; one name has a space.
        for (const char* name : { "Night Shift", "ops" }) {
            QProcessEnvironment env = environment();
            env.insert(QStringLiteral("VO_API_KEY"), QStringLiteral("completion-test-key"));
            const Output added = run(QStringLiteral(ROTACTL_PATH),
                { QStringLiteral("accounts"), QStringLiteral("add"), QString::fromUtf8(name),
                    QStringLiteral("--api-id"), QStringLiteral("completion-id"),
                    QStringLiteral("--username"), QStringLiteral("ada") },
                env);
            if (added.exitCode != 0) {
                m_noAccountsWhy = QStringLiteral("rotactl accounts add failed (%1): %2; run the "
                                                 "test under scripts/headless")
                                      .arg(added.exitCode)
                                      .arg(added.err.trimmed());
                return;
            }
        }
        const Output names = run(QStringLiteral(ROTACTL_PATH),
            { QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--names") });
        QCOMPARE(names.exitCode, 0);
        QCOMPARE(names.out, QStringLiteral("Night Shift\nops\n"));
        m_haveAccounts = true;
    }

    void cleanupTestCase()
    {
        if (!m_haveAccounts)
            return;
        for (const char* name : { "Night Shift", "ops" }) {
            const Output removed = run(QStringLiteral(ROTACTL_PATH),
                { QStringLiteral("accounts"), QStringLiteral("remove"), QString::fromUtf8(name) });
            QCOMPARE(removed.exitCode, 0);
        }
    }

    //! The scripts the build wrote are what the command table gives now, and what
    //! `rotactl completion SHELL` prints.
    void scriptsAreCurrent()
    {
        const QList<std::pair<QString, const char*>> files { { QStringLiteral("bash"),
                                                                 ROTACTL_BASH_COMPLETION },
            { QStringLiteral("zsh"), ROTACTL_ZSH_COMPLETION },
            { QStringLiteral("fish"), ROTACTL_FISH_COMPLETION } };
        for (const auto& [shell, path] : files) {
            QFile file(QString::fromUtf8(path));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(
                QString::fromUtf8(file.readAll()), completionScript(shell).value_or(QString()));
        }
        const Output printed = run(
            QStringLiteral(ROTACTL_PATH), { QStringLiteral("completion"), QStringLiteral("bash") });
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(printed.out, completionScript(QStringLiteral("bash")).value_or(QString()));
        const Output wrong = run(
            QStringLiteral(ROTACTL_PATH), { QStringLiteral("completion"), QStringLiteral("csh") });
        QCOMPARE(wrong.exitCode, ExitUsage);
        QVERIFY2(wrong.err.contains(QLatin1String("bash|zsh|fish")), qPrintable(wrong.err));
    }

    void bashCompletes()
    {
        const QString rotactl = QStringLiteral("rotactl");
        QCOMPARE(
            bash({ rotactl, QStringLiteral("inc") }), QStringList { QStringLiteral("incidents") });
        QCOMPARE(sorted(bash({ rotactl, QStringLiteral("incidents"), QString() })),
            sorted(verbsOf(QStringLiteral("incidents"))));
        // After global options, and with one taking a value.
        QCOMPARE(bash({ rotactl, QStringLiteral("--json"), QStringLiteral("--base-url"),
                     QStringLiteral("http://127.0.0.1:1"), QStringLiteral("accounts"),
                     QStringLiteral("re") }),
            (QStringList { QStringLiteral("remove"), QStringLiteral("rename") }));
        QCOMPARE(bash({ rotactl, QStringLiteral("help"), QStringLiteral("rota") }),
            QStringList { QStringLiteral("rotations") });
        QCOMPARE(sorted(bash({ rotactl, QStringLiteral("completion"), QString() })),
            sorted(completionShells()));
        // A verb's own options and the global ones.
        const QStringList options = bash(
            { rotactl, QStringLiteral("incidents"), QStringLiteral("ack"), QStringLiteral("--") });
        QVERIFY2(options.contains(QStringLiteral("--message")),
            qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY2(options.contains(QStringLiteral("--account")),
            qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY2(!options.contains(QStringLiteral("--version")),
            qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY(bash({ rotactl, QStringLiteral("--ver") }).contains(QStringLiteral("--version")));
        // A value the user types: nothing offered.
        QCOMPARE(bash({ rotactl, QStringLiteral("incidents"), QStringLiteral("ack"),
                     QStringLiteral("--message"), QString() }),
            QStringList());
        // A PATH: files.
        QFile probe(m_home.filePath(QStringLiteral("authority.pem")));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.close();
        QCOMPARE(
            bash({ rotactl, QStringLiteral("--ca-file"), m_home.filePath(QStringLiteral("auth")) }),
            QStringList { probe.fileName() });
    }

    void bashCompletesAccounts()
    {
        needAccounts();
        const QString rotactl = QStringLiteral("rotactl");
        QCOMPARE(bash({ rotactl, QStringLiteral("--account"), QString() }),
            (QStringList { QStringLiteral("Night\\ Shift"), QStringLiteral("ops") }));
        QCOMPARE(bash({ rotactl, QStringLiteral("--account"), QStringLiteral("N") }),
            QStringList { QStringLiteral("Night\\ Shift") });
        // bash splits --account=VALUE at the '='.
        QCOMPARE(bash({ rotactl, QStringLiteral("--account"), QStringLiteral("="),
                     QStringLiteral("o") }),
            QStringList { QStringLiteral("ops") });
        QCOMPARE(bash({ rotactl, QStringLiteral("incidents"), QStringLiteral("list"),
                     QStringLiteral("--account"), QString() }),
            (QStringList { QStringLiteral("Night\\ Shift"), QStringLiteral("ops") }));
        QCOMPARE(bash({ rotactl, QStringLiteral("accounts"), QStringLiteral("use"), QString() }),
            (QStringList { QStringLiteral("Night\\ Shift"), QStringLiteral("ops") }));
        // Only the account argument: not the next one.
        QCOMPARE(bash({ rotactl, QStringLiteral("accounts"), QStringLiteral("rename"),
                     QStringLiteral("ops"), QString() }),
            QStringList());
    }

    void fishCompletes()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("fish")).isEmpty())
            QSKIP("fish is not installed (scripts/dev test installs it)");
        QCOMPARE(fish(QStringLiteral("rotactl inc")), QStringList { QStringLiteral("incidents") });
        QCOMPARE(sorted(fish(QStringLiteral("rotactl incidents "))),
            sorted(verbsOf(QStringLiteral("incidents"))));
        QCOMPARE(fish(QStringLiteral("rotactl --json accounts ren")),
            QStringList { QStringLiteral("rename") });
        const QStringList options = fish(QStringLiteral("rotactl incidents ack --"));
        QVERIFY2(options.contains(QStringLiteral("--message")),
            qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY2(
            options.contains(QStringLiteral("--json")), qPrintable(options.join(QLatin1Char(' '))));
        QVERIFY2(!options.contains(QStringLiteral("--keep-key")),
            qPrintable(options.join(QLatin1Char(' '))));
        if (!m_haveAccounts)
            needAccounts();
        QCOMPARE(sorted(fish(QStringLiteral("rotactl --account "))),
            (QStringList { QStringLiteral("Night Shift"), QStringLiteral("ops") }));
        QCOMPARE(sorted(fish(QStringLiteral("rotactl accounts use "))),
            (QStringList { QStringLiteral("Night Shift"), QStringLiteral("ops") }));
    }

    void zshCompletes()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty())
            QSKIP("zsh is not installed (scripts/dev test installs it)");
        const Output syntax = run(QStringLiteral("zsh"),
            { QStringLiteral("-n"), QStringLiteral(ROTACTL_ZSH_COMPLETION) });
        QCOMPARE(syntax.exitCode, 0);
        QVERIFY2(syntax.err.isEmpty(), qPrintable(syntax.err));
        const QString rotactl = QStringLiteral("rotactl");
        const QStringList first = zsh({ rotactl, QStringLiteral("inc") });
        QVERIFY2(
            first.contains(QStringLiteral("incidents")) && first.contains(QStringLiteral("ops")),
            qPrintable(first.join(QLatin1Char(' '))));
        QCOMPARE(sorted(zsh({ rotactl, QStringLiteral("incidents"), QString() })),
            sorted(verbsOf(QStringLiteral("incidents"))));
        const QStringList options = zsh(
            { rotactl, QStringLiteral("incidents"), QStringLiteral("ack"), QStringLiteral("--m") });
        QVERIFY2(options.contains(QStringLiteral("--message")),
            qPrintable(options.join(QLatin1Char(' '))));
        QCOMPARE(zsh({ rotactl, QStringLiteral("--ca-file"), QString() }),
            QStringList { QStringLiteral("<files>") });
        QCOMPARE(zsh({ rotactl, QStringLiteral("incidents"), QStringLiteral("ack"),
                     QStringLiteral("--message"), QString() }),
            QStringList { QStringLiteral("<message>") });
        needAccounts();
        QCOMPARE(zsh({ rotactl, QStringLiteral("--account"), QString() }),
            (QStringList { QStringLiteral("Night Shift"), QStringLiteral("ops") }));
        QCOMPARE(zsh({ rotactl, QStringLiteral("--account=o") }),
            (QStringList { QStringLiteral("Night Shift"), QStringLiteral("ops") }));
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
