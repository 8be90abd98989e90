#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""Fails when the desktop app's sources hold a string in words that reaches people untranslated.

Scans the C++ sources of ui/, models/, app/ (not app/cli: rotactl stays English; not the
screenshot staging under app/screenshots) and api/ for string literals. A literal is text for
people when it has words:
  - two words of letters with a space between them ("Not found", "Resolve %1 incidents"), or
  - a single capitalised word ("Refresh") given straight to a call that shows text (setText,
    QAction, addAction, QMessageBox, ...).
Such a literal must be inside tr(), QCoreApplication::translate(), QT_TR_NOOP or
QT_TRANSLATE_NOOP (or a local helper named tr). Literals that never reach people are recognised by
where they stand: log lines (qCDebug ... and friends, fprintf), asserts, SQL, settings keys,
object names, properties, regular expressions, date formats for files and the API. What remains
and is still not for people goes in allowlist.txt next to this script, one `path<TAB>literal` a
line (the literal as written between the quotes), so a moved line does not churn the list.

Usage: untranslated.py SOURCE_DIR [--list] [--expect N]
  --list      print every finding, even allowed ones
  --expect N  succeed only when exactly N strings are found (to show the check finds them)
Exit status 0 when nothing untranslated is found, 1 otherwise (each finding printed as
path:line: "literal").
"""

import os
import re
import sys

SCANNED = ["ui", "models", "app", "api"]
SKIPPED = ["app/cli", "app/screenshots"]

TRANSLATING_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TR_N_NOOP",
                     "QT_TRANSLATE_N_NOOP", "qtTrId", "QT_TRID_NOOP", "trUtf8"}

# Calls whose string arguments are never shown to people.
NON_UI_CALLS = {
    "qCDebug", "qCInfo", "qCWarning", "qCCritical", "qDebug", "qInfo", "qWarning", "qCritical",
    "qFatal", "Q_ASSERT", "Q_ASSERT_X", "Q_UNREACHABLE", "Q_LOGGING_CATEGORY", "printf", "fprintf",
    "snprintf", "puts", "fputs", "setObjectName", "objectName", "findChild", "findChildren",
    "setProperty", "property", "QRegularExpression", "prepare", "exec", "QSqlQuery",
    "QLoggingCategory", "setApplicationName", "setOrganizationName", "setDesktopFileName",
    "QDBusMessage", "createMethodCall", "QDBusInterface", "call", "asyncCall", "Q_CLASSINFO",
    "Q_PROPERTY", "qEnvironmentVariable", "qgetenv", "qputenv", "qEnvironmentVariableIsSet",
    "setRawHeader", "setHeader", "rawHeader", "hasRawHeader", "QByteArrayLiteral", "toString",
    "fromString", "QDateTime::fromString", "QDate::fromString", "QTime::fromString",
    "setStyleSheet", "QKeySequence", "setShortcut", "setSortRole", "beginGroup", "setFormat",
    "mark", "QSettings", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "compare",
    "static_assert", "fail", "expect", "mentionsAny", "QUrl", "setPath", "setQuery", "addQueryItem", "QUrlQuery",
}

# Single words that are logging/assert macros used as stream statements.
LOG_STATEMENT = re.compile(
    r"^\s*(?:return\s+)?(?:qC(?:Debug|Info|Warning|Critical)|q(?:Debug|Info|Warning|Critical|Fatal)"
    r"|std::(?:f?printf|cerr|cout|clog))\b")

# A call that shows text; a single capitalised word given to one of these is text for people.
UI_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setTitle", "setLabelText", "setInformativeText", "setDetailedText", "addAction", "addMenu",
    "QAction", "QMenu", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "addTab", "insertTab", "setTabText", "addItem", "addItems", "insertItem",
    "setHeaderLabels", "setHorizontalHeaderLabels", "showMessage", "information", "warning",
    "question", "critical", "about", "addButton", "setButtonText", "setAccessibleName",
    "setAccessibleDescription", "addRow", "setSpecialValueText", "setSuffix", "setPrefix",
    "QStandardItem", "setIconText", "setEmptyText", "notify", "setMessage", "setCaption",
}

TWO_WORDS = re.compile(r"[A-Za-z][a-z]*[a-z']\s+[A-Za-z&%]|[A-Za-z]{2,}\s+[a-z]{2,}")
CAPITALISED = re.compile(r"^&?[A-Z][a-z]{2,}[.…:!?]?$")
# Date and time formats (for files and the API; display formats go through QLocale).
DATE_FORMAT = re.compile(r"^(?:[yMdHhmsaAtzTZ:.\-/ ,+]|'[^']*')*$")
SQL = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|"
                 r"ROLLBACK|REPLACE|WITH|ON CONFLICT|WHERE|ORDER BY|AND|OR|VALUES)\b")


def lex(text):
    """Yields (kind, start, end, value) for string literals, and the text with comments blanked
    and literal contents replaced by spaces (same length), for finding the calls around them."""
    out = list(text)
    literals = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c == "'" and not (i > 0 and (text[i - 1].isalnum())):
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == '"':
            # R"(...)", also u8R"(...)": a raw string runs to its closing delimiter.
            raw = text[i - 1:i] == "R" and (i < 2 or not text[i - 2].isalnum()
                                             or text[i - 3:i - 1] in ("u8",) or text[i - 2] in "uUL")
            if raw:
                d_end = text.find("(", i)
                delim = text[i + 1:d_end]
                close = text.find(")" + delim + '"', d_end)
                value = text[d_end + 1:close]
                end = close + len(delim) + 2
            else:
                j = i + 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                value = text[i + 1:j]
                end = j + 1
            literals.append((i, end, value))
            for k in range(i + 1, end - 1):
                if out[k] != "\n":
                    out[k] = " "
            i = end
        else:
            i += 1
    return literals, "".join(out)


IDENT_BEFORE = re.compile(r"([A-Za-z_][A-Za-z_0-9]*(?:::[A-Za-z_][A-Za-z_0-9]*)*)\s*(?:<[^<>()]*>)?\s*$")


def enclosing_calls(code, pos):
    """The names of the calls whose parentheses enclose pos, innermost first, up to the start of
    the statement; and the start of that statement."""
    calls = []
    depth = 0
    i = pos - 1
    while i >= 0:
        c = code[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                if c == "(":
                    m = IDENT_BEFORE.search(code[max(0, i - 120):i])
                    name = m.group(1) if m else ""
                    calls.append(name.split("::")[-1] if name else "")
                    if name:
                        calls.append(name)
            else:
                depth -= 1
        elif c == "}" and depth == 0:
            break
        elif c == "{" and depth == 0:
            # A brace initialiser inside a call continues the statement; a block starts one.
            before = code[max(0, i - 80):i].rstrip()
            if before.endswith(")") or before.endswith("const") or before.endswith("override") \
                    or before.endswith("else") or before.endswith("try") or before.endswith("do") \
                    or before.endswith("->") or before == "" or before.endswith(";") \
                    or before.endswith("{") or before.endswith("}") or before.endswith("mutable"):
                break
        elif c == ";" and depth == 0:
            break
        i -= 1
    return calls, i + 1


def findings(root):
    allow = set()
    allow_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "allowlist.txt")
    with open(allow_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            path, _, literal = line.partition("\t")
            allow.add((path, literal))
    results = []
    for top in SCANNED:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            if any(rel_dir == s or rel_dir.startswith(s + "/") for s in SKIPPED):
                continue
            for name in sorted(files):
                if not name.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                literals, code = lex(text)
                for start, end, value in join_adjacent(literals, code):
                    verdict = judge(code, start, value)
                    if verdict:
                        line = text.count("\n", 0, start) + 1
                        results.append((rel, line, value, (rel, value) in allow))
    return results


def join_adjacent(literals, code):
    """Literals written next to each other ("a" "b") are one string to the compiler."""
    joined = []
    for start, end, value in literals:
        if joined and code[joined[-1][1]:start].strip() == "":
            first, _, before = joined[-1]
            joined[-1] = (first, end, before + value)
        else:
            joined.append((start, end, value))
    return joined


def judge(code, start, value):
    """True when the literal at start is words for people that are not translated."""
    # Markup is not words: a tag, or the part of one a literal opens or closes.
    value = re.sub(r"<[^<>]*>|^[^<]*>|<[^>]*$", " ", value)
    if "\\n" in value and not re.search(r"[a-z]{2,} [a-z]{2,}", value):
        return False
    two_words = TWO_WORDS.search(value) is not None
    capitalised = CAPITALISED.match(value) is not None
    if not two_words and not capitalised:
        return False
    if DATE_FORMAT.match(value) or SQL.match(value):
        return False
    calls, stmt_start = enclosing_calls(code, start)
    if any(c in TRANSLATING_CALLS for c in calls):
        return False
    if any(c in NON_UI_CALLS for c in calls):
        return False
    statement = code[stmt_start:start]
    if LOG_STATEMENT.match(statement) or re.search(
            r"\b(?:qC(?:Debug|Info|Warning|Critical)|q(?:Debug|Info|Warning|Critical))\s*\(",
            statement):
        return False
    if two_words:
        return True
    # A single capitalised word counts only when it goes straight to a call that shows text.
    direct = [c for c in calls if c and c not in {"QStringLiteral", "QLatin1String",
                                                 "QLatin1StringView", "QString", "fromLatin1",
                                                 "fromUtf8", "QString::fromLatin1",
                                                 "QString::fromUtf8"}]
    return bool(direct) and direct[0] in UI_CALLS


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    show_all = "--list" in argv
    expect = int(argv[argv.index("--expect") + 1]) if "--expect" in argv else None
    bad = 0
    for rel, line, value, allowed in findings(root):
        if allowed and not show_all:
            continue
        if not allowed:
            bad += 1
        print(f'{rel}:{line}: "{value}"' + (" (allowed)" if allowed else ""))
    if expect is not None:
        print(f"{bad} found, {expect} expected")
        return 0 if bad == expect else 1
    if bad:
        print(f"{bad} string(s) for people are not translatable: wrap them in tr() (or "
              f"QCoreApplication::translate), or, if people never see one, add it to "
              f"tests/i18n/allowlist.txt", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
