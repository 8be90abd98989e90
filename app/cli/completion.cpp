// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "completion.h"

#include "cli.h"
#include "help.h"

#include <QStringBuilder>

namespace rota::cli {

namespace {

//! What a script needs of the command table, flattened.
struct CompletionOption {
    QString name; //!< with its dashes: "--message"
    QString help;
    bool takesValue = false;
    bool takesFile = false;
};

CompletionOption completionOption(const OptionSpec& spec)
{
    return { QStringLiteral("--") + spec.name, spec.help, !spec.valueName.isEmpty(),
        spec.valueName == QLatin1String("PATH") || spec.valueName == QLatin1String("FILE") };
}

QList<CompletionOption> globalCompletionOptions()
{
    QList<CompletionOption> options;
    for (const OptionSpec& spec : globalOptions())
        options.append(completionOption(spec));
    return options;
}

QList<CompletionOption> verbOptions(const Verb& verb)
{
    QList<CompletionOption> options;
    for (const OptionSpec& spec : verb.options)
        options.append(completionOption(spec));
    return options;
}

//! The commands besides the resources ("help", "ops", "completion"), from the usage lines.
QList<HelpEntry> extraCommands()
{
    QList<HelpEntry> commands;
    for (const HelpEntry& usage : usageHelp().mid(1))
        commands.append({ usage.name.section(QLatin1Char(' '), 0, 0), usage.text });
    return commands;
}

QString joinedNames(const QList<CompletionOption>& options, bool (*keep)(const CompletionOption&))
{
    QStringList names;
    for (const CompletionOption& option : options) {
        if (keep(option))
            names.append(option.name);
    }
    return names.join(QLatin1Char(' '));
}

bool any(const CompletionOption&) { return true; }
bool valued(const CompletionOption& option) { return option.takesValue; }
bool file(const CompletionOption& option) { return option.takesFile; }

//! `text` in single quotes for bash and zsh.
QString shQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

//! `text` in single quotes for fish, where \ and ' are escaped inside them.
QString fishQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString header(const QString& shell)
{
    return QStringLiteral("# ") + shell
        + QStringLiteral(" completion for rotactl. Written by 'rotactl completion ") + shell
        + QStringLiteral("' from rotactl's\n# command table; do not edit.\n");
}

QStringList resourceNames()
{
    QStringList names;
    for (const Resource& resource : registry().resources())
        names.append(resource.name);
    return names;
}

// --- bash --------------------------------------------------------------------------------------

QString bashScript()
{
    const QList<CompletionOption> globals = globalCompletionOptions();
    QString verbCases;
    QString optionCases;
    for (const Resource& resource : registry().resources()) {
        QStringList verbs;
        for (const Verb& verb : resource.verbs) {
            verbs.append(verb.name);
            const QList<CompletionOption> options = verbOptions(verb);
            optionCases += QStringLiteral("    ") + resource.name + QLatin1Char('/') + verb.name
                + QStringLiteral(")\n        opts=") + shQuoted(joinedNames(options, any))
                + QStringLiteral(" vopts=") + shQuoted(joinedNames(options, valued))
                + QStringLiteral(" fopts=") + shQuoted(joinedNames(options, file))
                + (verb.accountArgument ? QStringLiteral(" accountarg=1") : QString())
                + QStringLiteral(" ;;\n");
        }
        verbCases += QStringLiteral("        ") + resource.name + QStringLiteral(") cands=")
            + shQuoted(verbs.join(QLatin1Char(' '))) + QStringLiteral(" ;;\n");
    }
    QStringList firstWords = resourceNames();
    for (const HelpEntry& command : extraCommands())
        firstWords.append(command.name);

    return header(QStringLiteral("bash"))
        + QStringLiteral(
            "\n"
            "# The names of the saved accounts that start with $2, quoted for the shell, from the\n"
            "# rotactl $1.\n"
            "_rotactl_accounts()\n"
            "{\n"
            "    local name\n"
            "    while IFS= read -r name; do\n"
            "        [[ $name == \"$2\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$name\")\")\n"
            "    done < <(\"$1\" accounts list --names 2>/dev/null)\n"
            "}\n"
            "\n"
            "_rotactl()\n"
            "{\n"
            "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
            "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
            "    COMPREPLY=()\n"
            "    # bash splits --option=VALUE at the '=' (COMP_WORDBREAKS).\n"
            "    if [[ $cur == = ]]; then\n"
            "        cur=\n"
            "    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
            "        prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
            "    fi\n"
            "\n"
            "    # The resource and the verb: the first two words after the global options.\n"
            "    local i=1 word resource= verb= verbpos=0\n"
            "    while ((i < COMP_CWORD)); do\n"
            "        word=${COMP_WORDS[i]}\n"
            "        if [[ -z $resource ]]; then\n"
            "            case $word in\n"
            "            ")
        + joinedNames(globals, valued).replace(QLatin1Char(' '), QLatin1Char('|'))
        + QStringLiteral(")\n"
                         "                if [[ ${COMP_WORDS[i + 1]} == = ]]; then ((i += 2)); "
                         "else ((i++)); fi ;;\n"
                         "            -*) ;;\n"
                         "            *) resource=$word ;;\n"
                         "            esac\n"
                         "        elif [[ -z $verb ]]; then\n"
                         "            verb=$word verbpos=$i\n"
                         "        fi\n"
                         "        ((i++))\n"
                         "    done\n"
                         "\n"
                         "    local opts= vopts= fopts= accountarg=\n"
                         "    case $resource/$verb in\n")
        + optionCases
        + QStringLiteral("    esac\n"
                         "    opts+=\" ")
        + joinedNames(globals, any) + QStringLiteral("\"\n    vopts+=\" ")
        + joinedNames(globals, valued) + QStringLiteral("\"\n    fopts+=\" ")
        + joinedNames(globals, file)
        + QStringLiteral("\"\n"
                         "    [[ -z $resource ]] && opts+=\" --version\"\n"
                         "\n"
                         "    if [[ $prev == --account ]]; then\n"
                         "        _rotactl_accounts \"${COMP_WORDS[0]}\" \"$cur\"\n"
                         "        return 0\n"
                         "    fi\n"
                         "    if [[ \" $fopts \" == *\" $prev \"* ]]; then\n"
                         "        compopt -o filenames 2>/dev/null\n"
                         "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                         "        return 0\n"
                         "    fi\n"
                         "    # Any other value is the user's to type.\n"
                         "    [[ \" $vopts \" == *\" $prev \"* ]] && return 0\n"
                         "    if [[ $cur == -* ]]; then\n"
                         "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
                         "        return 0\n"
                         "    fi\n"
                         "    if [[ -z $resource ]]; then\n"
                         "        COMPREPLY=($(compgen -W ")
        + shQuoted(firstWords.join(QLatin1Char(' ')))
        + QStringLiteral(" -- \"$cur\"))\n"
                         "        return 0\n"
                         "    fi\n"
                         "    if [[ -z $verb ]]; then\n"
                         "        local cands=\n"
                         "        case $resource in\n"
                         "        help) cands=")
        + shQuoted(resourceNames().join(QLatin1Char(' ')))
        + QStringLiteral(" ;;\n        completion) cands=")
        + shQuoted(completionShells().join(QLatin1Char(' '))) + QStringLiteral(" ;;\n") + verbCases
        + QStringLiteral("        esac\n"
                         "        COMPREPLY=($(compgen -W \"$cands\" -- \"$cur\"))\n"
                         "        return 0\n"
                         "    fi\n"
                         "    if [[ -n $accountarg ]] && ((verbpos == COMP_CWORD - 1)); then\n"
                         "        _rotactl_accounts \"${COMP_WORDS[0]}\" \"$cur\"\n"
                         "    fi\n"
                         "    return 0\n"
                         "}\n"
                         "complete -F _rotactl rotactl\n");
}

// --- zsh ---------------------------------------------------------------------------------------

//! A zsh array of "name:description" for _describe.
QString zshDescribed(const QList<HelpEntry>& entries)
{
    QStringList items;
    for (const HelpEntry& entry : entries) {
        QString name = entry.name;
        name.replace(QLatin1Char(':'), QStringLiteral("\\:"));
        items.append(shQuoted(name + QLatin1Char(':') + entry.text.simplified()));
    }
    return QLatin1Char('(') + items.join(QLatin1Char(' ')) + QLatin1Char(')');
}

QList<HelpEntry> optionEntries(const QList<CompletionOption>& options)
{
    QList<HelpEntry> entries;
    for (const CompletionOption& option : options)
        entries.append({ option.name, option.help });
    return entries;
}

QString zshWords(const QString& names) { return QLatin1Char('(') + names + QLatin1Char(')'); }

QString zshScript()
{
    const QList<CompletionOption> globals = globalCompletionOptions();
    QList<HelpEntry> resources;
    for (const Resource& resource : registry().resources())
        resources.append({ resource.name, resource.summary });
    QString verbCases;
    QString optionCases;
    for (const Resource& resource : registry().resources()) {
        QList<HelpEntry> verbs;
        for (const Verb& verb : resource.verbs) {
            verbs.append({ verb.name, verb.summary });
            const QList<CompletionOption> options = verbOptions(verb);
            optionCases += QStringLiteral("    (") + resource.name + QLatin1Char('/') + verb.name
                + QStringLiteral(")\n        opts=") + zshDescribed(optionEntries(options))
                + QStringLiteral("\n        vopts=") + zshWords(joinedNames(options, valued))
                + QStringLiteral(" fopts=") + zshWords(joinedNames(options, file))
                + (verb.accountArgument ? QStringLiteral(" accountarg=1") : QString())
                + QStringLiteral(" ;;\n");
        }
        verbCases += QStringLiteral("        (") + resource.name + QStringLiteral(") cands=")
            + zshDescribed(verbs) + QStringLiteral(" ;;\n");
    }
    QList<HelpEntry> globalEntries = optionEntries(globals);

    return QStringLiteral("#compdef rotactl\n") + header(QStringLiteral("zsh"))
        + QStringLiteral(
            "\n"
            "# The names of the saved accounts, from the rotactl of the command line.\n"
            "_rotactl_accounts() {\n"
            "    local -a names\n"
            "    names=(${(f)\"$(${words[1]} accounts list --names 2>/dev/null)\"})\n"
            "    compadd -a names\n"
            "}\n"
            "\n"
            "_rotactl() {\n"
            "    local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
            "    if [[ $cur == --*=* ]]; then\n"
            "        prev=${cur%%=*}\n"
            "        compset -P '*='\n"
            "        cur=${cur#*=}\n"
            "    fi\n"
            "\n"
            "    # The resource and the verb: the first two words after the global options.\n"
            "    local i=2 word resource= verb= verbpos=0\n"
            "    while (( i < CURRENT )); do\n"
            "        word=${words[i]}\n"
            "        if [[ -z $resource ]]; then\n"
            "            case $word in\n"
            "            (")
        + joinedNames(globals, valued).replace(QLatin1Char(' '), QLatin1Char('|'))
        + QStringLiteral(") (( i++ )) ;;\n"
                         "            (-*) ;;\n"
                         "            (*) resource=$word ;;\n"
                         "            esac\n"
                         "        elif [[ -z $verb ]]; then\n"
                         "            verb=$word verbpos=$i\n"
                         "        fi\n"
                         "        (( i++ ))\n"
                         "    done\n"
                         "\n"
                         "    local -a opts vopts fopts cands\n"
                         "    local accountarg=\n"
                         "    case $resource/$verb in\n")
        + optionCases
        + QStringLiteral("    esac\n"
                         "    opts+=")
        + zshDescribed(globalEntries) + QStringLiteral("\n    vopts+=")
        + zshWords(joinedNames(globals, valued)) + QStringLiteral("\n    fopts+=")
        + zshWords(joinedNames(globals, file))
        + QStringLiteral("\n"
                         "    [[ -z $resource ]] && opts+=('--version:show the version')\n"
                         "\n"
                         "    if [[ $prev == --account ]]; then\n"
                         "        _rotactl_accounts\n"
                         "        return\n"
                         "    fi\n"
                         "    if (( ${fopts[(Ie)$prev]} )); then\n"
                         "        _files\n"
                         "        return\n"
                         "    fi\n"
                         "    if (( ${vopts[(Ie)$prev]} )); then\n"
                         "        _message \"the value of $prev\"\n"
                         "        return\n"
                         "    fi\n"
                         "    if [[ $cur == -* ]]; then\n"
                         "        _describe -t options option opts\n"
                         "        return\n"
                         "    fi\n"
                         "    if [[ -z $resource ]]; then\n"
                         "        cands=")
        + zshDescribed(resources + extraCommands())
        + QStringLiteral("\n        _describe -t commands command cands\n"
                         "        return\n"
                         "    fi\n"
                         "    if [[ -z $verb ]]; then\n"
                         "        case $resource in\n"
                         "        (help) cands=")
        + zshDescribed(resources) + QStringLiteral(" ;;\n        (completion) cands=")
        + zshWords(completionShells().join(QLatin1Char(' '))) + QStringLiteral(" ;;\n") + verbCases
        + QStringLiteral("        esac\n"
                         "        _describe -t verbs verb cands\n"
                         "        return\n"
                         "    fi\n"
                         "    if [[ -n $accountarg ]] && (( verbpos == CURRENT - 1 )); then\n"
                         "        _rotactl_accounts\n"
                         "    fi\n"
                         "}\n"
                         "\n"
                         "_rotactl \"$@\"\n");
}

// --- fish --------------------------------------------------------------------------------------

QString fishOption(const QString& condition, const CompletionOption& option)
{
    QString line = QStringLiteral("complete -c rotactl");
    if (!condition.isEmpty())
        line += QStringLiteral(" -n ") + fishQuoted(condition);
    line += QStringLiteral(" -l ") + option.name.mid(2);
    if (option.name == QLatin1String("--account"))
        line += QStringLiteral(" -x -a '(__rotactl_accounts)'");
    else if (option.takesFile)
        line += QStringLiteral(" -r -F");
    else if (option.takesValue)
        line += QStringLiteral(" -x");
    return line + QStringLiteral(" -d ") + fishQuoted(option.help.simplified()) + QLatin1Char('\n');
}

QString fishScript()
{
    const QList<CompletionOption> globals = globalCompletionOptions();
    QString script = header(QStringLiteral("fish"))
        + QStringLiteral(
            "\n"
            "# The resource, verb and arguments on the command line so far, one a line: the\n"
            "# words after the global options (and their values).\n"
            "function __rotactl_words\n"
            "    set -l tokens (commandline -opc)\n"
            "    set -e tokens[1]\n"
            "    set -l found\n"
            "    set -l skip 0\n"
            "    for token in $tokens\n"
            "        if test $skip -eq 1\n"
            "            set skip 0\n"
            "            continue\n"
            "        end\n"
            "        if test (count $found) -eq 0\n"
            "            switch $token\n"
            "                case ")
        + joinedNames(globals, valued)
        + QStringLiteral(
            "\n"
            "                    set skip 1\n"
            "                    continue\n"
            "                case '-*'\n"
            "                    continue\n"
            "            end\n"
            "        end\n"
            "        set -a found $token\n"
            "    end\n"
            "    # printf without arguments would still print one (empty) line.\n"
            "    test (count $found) -gt 0; and printf '%s\\n' $found\n"
            "end\n"
            "\n"
            "# __rotactl_at N [WORD...]: N words so far, the first of them these WORDs.\n"
            "function __rotactl_at\n"
            "    set -l found (__rotactl_words)\n"
            "    test (count $found) -eq $argv[1]; or return 1\n"
            "    set -l i 1\n"
            "    for word in $argv[2..-1]\n"
            "        test \"$found[$i]\" = \"$word\"; or return 1\n"
            "        set i (math $i + 1)\n"
            "    end\n"
            "end\n"
            "\n"
            "# __rotactl_in RESOURCE VERB: past the verb of RESOURCE.\n"
            "function __rotactl_in\n"
            "    set -l found (__rotactl_words)\n"
            "    test (count $found) -ge 2; and test \"$found[1]\" = $argv[1]; and test "
            "\"$found[2]\" = $argv[2]\n"
            "end\n"
            "\n"
            "# The names of the saved accounts, from the rotactl of the command line.\n"
            "function __rotactl_accounts\n"
            "    set -l program (commandline -opc)[1]\n"
            "    command $program accounts list --names 2>/dev/null\n"
            "end\n"
            "\n"
            "complete -c rotactl -f\n");
    for (const CompletionOption& option : globals)
        script += fishOption({}, option);
    script += fishOption(QStringLiteral("__rotactl_at 0"),
        { QStringLiteral("--version"), QStringLiteral("show the version") });
    for (const Resource& resource : registry().resources()) {
        script += QStringLiteral("complete -c rotactl -n '__rotactl_at 0' -a ") + resource.name
            + QStringLiteral(" -d ") + fishQuoted(resource.summary) + QLatin1Char('\n');
        script += QStringLiteral("complete -c rotactl -n '__rotactl_at 1 help' -a ") + resource.name
            + QStringLiteral(" -d ") + fishQuoted(resource.summary) + QLatin1Char('\n');
    }
    for (const HelpEntry& command : extraCommands()) {
        script += QStringLiteral("complete -c rotactl -n '__rotactl_at 0' -a ") + command.name
            + QStringLiteral(" -d ") + fishQuoted(command.text) + QLatin1Char('\n');
    }
    script += QStringLiteral("complete -c rotactl -n '__rotactl_at 1 completion' -a ")
        + fishQuoted(completionShells().join(QLatin1Char(' '))) + QLatin1Char('\n');
    for (const Resource& resource : registry().resources()) {
        for (const Verb& verb : resource.verbs) {
            script += QStringLiteral("complete -c rotactl -n ")
                + fishQuoted(QStringLiteral("__rotactl_at 1 ") + resource.name)
                + QStringLiteral(" -a ") + verb.name + QStringLiteral(" -d ")
                + fishQuoted(verb.summary) + QLatin1Char('\n');
            const QString inVerb
                = QStringLiteral("__rotactl_in ") + resource.name + QLatin1Char(' ') + verb.name;
            for (const CompletionOption& option : verbOptions(verb))
                script += fishOption(inVerb, option);
            if (verb.accountArgument) {
                script += QStringLiteral("complete -c rotactl -n ")
                    + fishQuoted(QStringLiteral("__rotactl_at 2 ") + resource.name
                        + QLatin1Char(' ') + verb.name)
                    + QStringLiteral(" -a '(__rotactl_accounts)'\n");
            }
        }
    }
    return script;
}

} // namespace

QStringList completionShells()
{
    return { QStringLiteral("bash"), QStringLiteral("zsh"), QStringLiteral("fish") };
}

std::optional<QString> completionScript(const QString& shell)
{
    if (shell == QLatin1String("bash"))
        return bashScript();
    if (shell == QLatin1String("zsh"))
        return zshScript();
    if (shell == QLatin1String("fish"))
        return fishScript();
    return std::nullopt;
}

} // namespace rota::cli
