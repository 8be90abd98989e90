// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
// rotactl accounts: the accounts rota and rotactl share (AccountStore, QSettings "Rota"/"rota")
// and their keys in the OS keychain. No API calls: these verbs are local.

#include "accounts.h"
#include "accountstore.h"
#include "keychainsecretstore.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <iterator>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace rota::cli {

SecretStore* makeKeychain(QObject* parent)
{
    auto* keychain = new KeychainSecretStore(parent);
    keychain->setTimeout(120000);
    return keychain;
}

QString keychainProblem(const SecretResult& result)
{
    switch (result.error) {
    case SecretError::None:
        break;
    case SecretError::NotFound:
        return QStringLiteral("the keychain has no key for it");
    case SecretError::Unavailable:
        return QStringLiteral("no keychain is available (%1)").arg(result.message);
    case SecretError::Denied:
        return QStringLiteral("the keychain refused: it may be locked (%1)").arg(result.message);
    case SecretError::Other:
        return QStringLiteral("the keychain failed (%1)").arg(result.message);
    }
    return {};
}

void noteSlowKeychain(CommandRun& run, const std::shared_ptr<bool>& answered)
{
    QTimer::singleShot(3000, &run, [&run, answered] {
        if (*answered || run.isFinished())
            return;
        run.err() << "rotactl: waiting for the keychain (it may be asking you to unlock it)"
                  << QChar(0x2026) << '\n';
        run.err().flush();
    });
}

namespace {

QString quoted(const QString& name) { return QLatin1Char('\'') + name + QLatin1Char('\''); }

#ifdef Q_OS_UNIX
//! The terminal's settings from before the key prompt turned echo off, for the signal handler.
termios g_savedTerminal {};

//! The signals that end rotactl at the key prompt (Ctrl-C, Ctrl-\\, a closed terminal, kill).
constexpr int kPromptSignals[] = { SIGINT, SIGQUIT, SIGHUP, SIGTERM };

//! A signal at the key prompt: echo back on, a new line after the prompt, then the signal's own
//! default action (so the shell sees rotactl ended by it). Only async-signal-safe calls.
extern "C" void restoreTerminalAndReraise(int signalNumber)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    const char newline = '\n';
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, &newline, 1);
    struct sigaction byDefault { };
    byDefault.sa_handler = SIG_DFL;
    sigemptyset(&byDefault.sa_mask);
    sigaction(signalNumber, &byDefault, nullptr);
    raise(signalNumber);
}

//! While it exists, echo is off on the terminal of standard input, and a signal that ends rotactl
//! turns it back on first: a Ctrl-C at the prompt must not leave the shell typing blind.
class EchoOff {
public:
    EchoOff()
    {
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        struct sigaction restore { };
        restore.sa_handler = &restoreTerminalAndReraise;
        sigemptyset(&restore.sa_mask);
        for (std::size_t i = 0; i < std::size(kPromptSignals); ++i)
            sigaction(kPromptSignals[i], &restore, &m_previous[i]);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff()
    {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        for (std::size_t i = 0; i < std::size(kPromptSignals); ++i)
            sigaction(kPromptSignals[i], &m_previous[i], nullptr);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    struct sigaction m_previous[std::size(kPromptSignals)] {};
};
#endif

//! The key from standard input: one line typed without echo on a terminal, else all of it.
std::optional<QString> keyFromStdin(CommandRun& run)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0) {
        run.err() << "API key: ";
        run.err().flush();
        QByteArray line;
        {
            const EchoOff quiet;
            line = in.readLine();
        }
        run.err() << '\n';
        return QString::fromUtf8(line).trimmed();
    }
#endif
    return QString::fromUtf8(in.readAll()).trimmed();
}

AccountStore* store(CommandRun& run) { return new AccountStore(nullptr, &run); }

//! The account named NAME (or with that id); on none a usage error.
std::optional<Account> account(Invocation& inv, AccountStore* accounts, const QString& name)
{
    std::optional<Account> found = accounts->find(name);
    if (!found)
        inv.run.usageError(
            QStringLiteral("no account named %1; see 'rotactl accounts list'").arg(quoted(name)));
    return found;
}

void list(Invocation& inv)
{
    CommandRun& run = inv.run;
    AccountStore* accounts = store(run);
    const QList<Account> all = accounts->accounts();
    const QString current = accounts->currentId();
    if (inv.args.has(QStringLiteral("names"))) {
        for (const Account& account : all)
            run.out() << account.name << '\n';
    } else if (run.json()) {
        QJsonArray array;
        for (const Account& account : all) {
            array.append(QJsonObject { { QStringLiteral("id"), account.id },
                { QStringLiteral("name"), account.name },
                { QStringLiteral("username"), account.username },
                { QStringLiteral("baseUrl"), account.baseUrl.toString() },
                { QStringLiteral("caFile"), account.caFile },
                { QStringLiteral("current"), account.id == current } });
        }
        run.printJson(array);
    } else {
        Table table({ QString(), QStringLiteral("NAME"), QStringLiteral("USERNAME"),
            QStringLiteral("BASE URL") });
        table.setMaxWidth(3, 80);
        for (const Account& account : all) {
            table.addRow({ account.id == current ? QStringLiteral("*") : QString(), account.name,
                account.username, account.baseUrl.toString() });
        }
        table.print(run.out(),
            QStringLiteral("No accounts. Add one with 'rotactl accounts add NAME --api-id ID "
                           "--username USER'."));
    }
    run.finish(ExitOk);
}

void add(Invocation& inv)
{
    CommandRun& run = inv.run;
    AccountStore* accounts = store(run);
    Account account;
    account.name = inv.args.arg(0).trimmed();
    account.apiId = inv.args.value(QStringLiteral("api-id")).trimmed();
    account.username = inv.args.value(QStringLiteral("username")).trimmed();
    account.baseUrl = QUrl(
        inv.args.value(QStringLiteral("base-url"), QLatin1String(ApiClient::DefaultBaseUrl)));
    if (account.apiId.isEmpty() || account.username.isEmpty()) {
        run.usageError(
            QStringLiteral("--api-id and --username may not be empty\nusage: %1").arg(inv.usage()));
        return;
    }
    QString error;
    if (!ApiClient::isUrlAllowed(account.baseUrl, &error)) {
        run.usageError(error);
        return;
    }
    if (account.name.isEmpty()) {
        run.usageError(QStringLiteral("an account needs a name"));
        return;
    }
    if (inv.args.has(QStringLiteral("ca-file"))) {
        const QString caFile = inv.args.value(QStringLiteral("ca-file"));
        if (!ApiClient::loadCaFile(caFile, &error)) {
            run.usageError(error);
            return;
        }
        // The account is used from other folders too.
        account.caFile = QFileInfo(caFile).absoluteFilePath();
    }
    if (const std::optional<Account> taken = accounts->find(account.name)) {
        run.usageError(QStringLiteral("there is already an account named %1; remove it first "
                                      "('rotactl accounts remove %1') or choose another name")
                           .arg(quoted(taken->name)));
        return;
    }

    // Never from an argument: the shell's history and every process listing would show it.
    QString key;
    if (inv.args.has(QStringLiteral("key-stdin"))) {
        const std::optional<QString> typed = keyFromStdin(run);
        if (!typed) {
            run.err() << "rotactl: cannot read the key from standard input\n";
            run.finish(ExitAuth);
            return;
        }
        key = *typed;
    } else {
        key = environmentCredentials().apiKey.trimmed();
    }
    if (key.isEmpty()) {
        run.err() << "rotactl: no API key: set VO_API_KEY, or give --key-stdin and write the "
                     "key to standard input\n";
        run.finish(ExitAuth);
        return;
    }
    if (key.contains(QLatin1Char('\n'))) {
        run.err() << "rotactl: the API key must be one line\n";
        run.finish(ExitAuth);
        return;
    }

    // The key goes into the keychain first: an account is only saved once its key is kept.
    account.id = AccountStore::newId();
    SecretStore* keychain = makeKeychain(&run);
    auto answered = std::make_shared<bool>(false);
    noteSlowKeychain(run, answered);
    keychain->write(account.id, key, &run,
        [&run, accounts, keychain, account, answered](const SecretResult& result) {
            *answered = true;
            if (!result.ok()) {
                run.err() << "rotactl: cannot keep the key of " << quoted(account.name)
                          << " in the keychain: " << keychainProblem(result)
                          << ".\nThe account was not added. Without a keychain, set "
                             "VO_API_ID, VO_API_KEY and VO_USERNAME instead.\n";
                run.finish(ExitAuth);
                return;
            }
            QString problem;
            const std::optional<Account> saved = accounts->save(account, &problem);
            if (!saved) {
                // Someone else took the name meanwhile: take the key back out.
                keychain->remove(account.id, &run,
                    [&run, problem](const SecretResult&) { run.usageError(problem); });
                return;
            }
            run.out() << "Added account " << quoted(saved->name) << " (" << saved->username
                      << " at " << saved->baseUrl.toString() << "); its key is in the keychain.\n";
            if (!saved->caFile.isEmpty())
                run.out() << "It also trusts the certificate authorities in " << saved->caFile
                          << ".\n";
            if (accounts->currentId() == saved->id)
                run.out() << "It is the current account: rotactl uses it when VO_API_ID and "
                             "VO_API_KEY are not set.\n";
            else
                run.out() << "Use it with --account " << quoted(saved->name)
                          << ", or make it the current account with 'rotactl accounts use "
                          << saved->name << "'.\n";
            run.finish(ExitOk);
        });
}

void remove(Invocation& inv)
{
    CommandRun& run = inv.run;
    AccountStore* accounts = store(run);
    const std::optional<Account> found = account(inv, accounts, inv.args.arg(0));
    if (!found)
        return;
    const bool keepKey = inv.args.has(QStringLiteral("keep-key"));
    SecretStore* keychain = makeKeychain(&run);
    auto answered = std::make_shared<bool>(false);
    noteSlowKeychain(run, answered);
    const Account account = *found;
    keychain->remove(
        account.id, &run, [&run, accounts, account, keepKey, answered](const SecretResult& result) {
            *answered = true;
            if (!result.ok() && !keepKey) {
                run.err() << "rotactl: cannot remove the key of " << quoted(account.name)
                          << " from the keychain: " << keychainProblem(result)
                          << ".\nThe account is kept, so that you can try again. To remove "
                             "it anyway and leave its key in the keychain, give --keep-key.\n";
                run.finish(ExitAuth);
                return;
            }
            const bool wasCurrent = accounts->currentId() == account.id;
            accounts->remove(account.id);
            if (result.ok()) {
                run.out() << "Removed account " << quoted(account.name) << " and its key.\n";
            } else {
                run.out() << "Removed account " << quoted(account.name) << ".\n";
                run.err() << "rotactl: its key is still in the keychain ("
                          << keychainProblem(result) << "): service 'rota', entry " << account.id
                          << ".\n";
            }
            if (wasCurrent)
                run.out() << "There is no current account now: choose one with 'rotactl "
                             "accounts use NAME'.\n";
            run.finish(ExitOk);
        });
}

void use(Invocation& inv)
{
    CommandRun& run = inv.run;
    AccountStore* accounts = store(run);
    const std::optional<Account> found = account(inv, accounts, inv.args.arg(0));
    if (!found)
        return;
    accounts->setCurrentId(found->id);
    run.out() << "The current account is " << quoted(found->name) << ".\n";
    run.finish(ExitOk);
}

void rename(Invocation& inv)
{
    CommandRun& run = inv.run;
    AccountStore* accounts = store(run);
    const std::optional<Account> found = account(inv, accounts, inv.args.arg(0));
    if (!found)
        return;
    QString error;
    if (!accounts->rename(found->id, inv.args.arg(1), &error)) {
        run.usageError(error);
        return;
    }
    run.out() << "Renamed " << quoted(found->name) << " to "
              << quoted(accounts->find(found->id).value_or(Account()).name) << ".\n";
    run.finish(ExitOk);
}

} // namespace

void addAccountCommands(Registry& registry)
{
    registry.add(makeResource("accounts",
        "saved accounts (orgs) shared with Rota; their keys live in the OS keychain",
        {
            VerbDef("list", "", "List the accounts; * marks the current one (never a key)")
                .flag("names", "only the names, one a line (for scripts and shell completion)")
                .local()
                .run(list),
            VerbDef("add", "NAME", "Add an account and keep its API key in the keychain")
                .args(1, 1)
                .option("api-id", "ID", "the API ID")
                .required()
                .option("username", "USER", "the VictorOps user rotactl acts as")
                .required()
                .option("base-url", "URL", "the API's address (default: https://api.victorops.com)")
                .option("ca-file", "PATH",
                    "also trust the certificate authorities in this PEM file (a company proxy "
                    "that inspects TLS)")
                .flag("key-stdin", "read the key from standard input instead of VO_API_KEY")
                .details("The key is read from VO_API_KEY, or from standard input with "
                         "--key-stdin (typed without echo\non a terminal): never from an "
                         "argument, which the shell's history and 'ps' would show.\n"
                         "The first account added becomes the current one.")
                .local()
                .run(add),
            VerbDef("remove", "NAME", "Remove an account and its key from the keychain")
                .args(1, 1)
                .accountArgument()
                .flag("keep-key", "remove the account even when the keychain cannot remove its key")
                .local()
                .run(remove),
            VerbDef("use", "NAME",
                "Make it the current account: used when VO_API_ID and VO_API_KEY are not set")
                .args(1, 1)
                .accountArgument()
                .local()
                .run(use),
            VerbDef("rename", "NAME NEW-NAME", "Rename an account")
                .args(2, 2)
                .accountArgument()
                .local()
                .run(rename),
        }));
}

} // namespace rota::cli
