#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""Rota's translation files: extract, fill the English plurals, make the pseudo-locale, check.

  rota_i18n.py update   --lupdate LUPDATE --source-dir DIR [LANG...]
      lupdate over the desktop app's sources into resources/translations/rota_<LANG>.ts (every
      .ts there when no LANG is named; a new LANG gets a new file). rota_en.ts holds only the
      messages with plural forms (lupdate -pluralonly); their English forms are filled in here.
  rota_i18n.py pseudo   --lupdate LUPDATE --source-dir DIR --output TS
      the pseudo-locale: every message of the sources, translated as itself with its letters
      accented and about 40 % longer, placeholders, markup and & accelerators kept.
  rota_i18n.py check    --lupdate LUPDATE --source-dir DIR [--ts FILE] [LANG...]
      lupdate into a temporary copy of each rota_<LANG>.ts (default: every language but English)
      and fail if any message is unfinished or a translation lacks a placeholder of its source.
  rota_i18n.py carry    --lupdate LUPDATE --source-dir DIR --from OLD.ts LANG...
      fills the unfinished messages of rota_<LANG>.ts whose source text OLD.ts translates (in
      any context: a message moved to another class keeps its translation).
  rota_i18n.py sources  --source-dir DIR
      the source files lupdate reads, one a line.

The desktop app's sources are ui/, models/, app/ and api/, without app/cli (rotactl speaks
English only).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SOURCE_DIRS = ["ui", "models", "app", "api"]
EXCLUDED_DIRS = ["app/cli"]
TS_DIR = os.path.join("resources", "translations")
PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")


def sources(root):
    files = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, names in os.walk(os.path.join(root, top)):
            rel = os.path.relpath(dirpath, root)
            if any(rel == e or rel.startswith(e + "/") for e in EXCLUDED_DIRS):
                dirnames[:] = []
                continue
            dirnames.sort()
            files += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith((".cpp", ".h"))]
    return files


def run_lupdate(lupdate, root, ts_file, extra=()):
    """lupdate over the sources into ts_file (created when missing, merged when present)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
        lst.write("\n".join(os.path.abspath(f) for f in sources(root)) + "\n")
    try:
        result = subprocess.run(
            [lupdate, "-silent", "-locations", "none", "-no-ui-lines", *extra, "@" + lst.name,
             "-ts", ts_file], capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(lst.name)
    # lupdate reports what it cannot read (tr() in a class without Q_OBJECT...) on stderr but
    # still exits 0: treat that as the error it is.
    problems = [l for l in result.stderr.splitlines() if l.strip()]
    if result.returncode != 0 or problems:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"lupdate failed for {ts_file}")


CHOICE = re.compile(r"\((\w+)\|(\w+)\)")


def english_forms(source):
    """The English singular and plural of a source written with "(s)" and "(one|many)":
    "%n alert(s)" and "%n row(s) (has|have) problems"."""
    if "(s)" not in source and not CHOICE.search(source):
        # A plural alone ("Resolve the %n incidents", its singular a message of its own): the
        # same text for every count.
        return [source, source] if "%n" in source or "%Ln" in source else None
    one = CHOICE.sub(lambda m: m.group(1), source.replace("(s)", ""))
    many = CHOICE.sub(lambda m: m.group(2), source.replace("(s)", "s"))
    return [one, many]


def fill_english(ts_file):
    """Fills every unfinished plural message of the English file from its "(s)" source. A message
    that does not follow that pattern is left unfinished for a person to write (check says so)."""
    tree = ET.parse(ts_file)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation.get("type") != "unfinished":
            continue
        forms = english_forms(message.findtext("source"))
        if forms is None:
            continue
        for child in list(translation):
            translation.remove(child)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
        del translation.attrib["type"]
        changed = True
    if changed:
        write_ts(tree, ts_file)


def write_ts(tree, path):
    ET.indent(tree, space="    ")
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"))
# What must survive as it is: placeholders, markup, entities, an accelerator and its letter.
KEPT = re.compile(r"%L?(?:[0-9]+|n)|<[^>]*>|&[a-zA-Z]+;|&#[0-9]+;|&&|&.")


def pseudo_text(text):
    out = []
    pos = 0
    letters = 0
    for m in KEPT.finditer(text):
        chunk = text[pos:m.start()]
        out.append("".join(ACCENTED.get(c, c) for c in chunk))
        letters += sum(c.isalpha() for c in chunk)
        out.append(m.group(0))
        pos = m.end()
    tail = text[pos:]
    out.append("".join(ACCENTED.get(c, c) for c in tail))
    letters += sum(c.isalpha() for c in tail)
    # About 40 % longer, as German and French often are; brackets show where a text is cut off.
    padding = max(1, round(len(text) * 0.4) - 2)
    return "[" + "".join(out) + " " + "·" * padding + "]" if letters else text


def pseudo(lupdate, root, output):
    with tempfile.TemporaryDirectory() as tmp:
        extracted = os.path.join(tmp, "rota_pseudo.ts")
        run_lupdate(lupdate, root, extracted, ["-target-language", "en"])
        tree = ET.parse(extracted)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in english_forms(source) or [source, source]:
                ET.SubElement(translation, "numerusform").text = pseudo_text(form)
        else:
            translation.text = pseudo_text(source)
    # Rewritten only when it changes: a source edit that changes no message then rebuilds nothing
    # after this step (Ninja re-checks the output's time).
    fresh = output + ".new"
    write_ts(tree, fresh)
    if os.path.exists(output):
        with open(output, "rb") as a, open(fresh, "rb") as b:
            if a.read() == b.read():
                os.unlink(fresh)
                return
    os.replace(fresh, output)


def carry(old_ts, ts_file):
    """Fills unfinished messages of ts_file with the translation the same source text has in
    old_ts, in whatever context (a message moved to another class keeps its translation). Only
    finished translations are carried, and only when old_ts translates that source one way."""
    known = {}
    for message in ET.parse(old_ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        key = (message.findtext("source"), message.findtext("comment") or "",
               message.get("numerus") == "yes")
        value = [f.text or "" for f in translation.findall("numerusform")] if key[2] \
            else translation.text or ""
        known.setdefault(key, []).append(value)
    tree = ET.parse(ts_file)
    carried = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue
        key = (message.findtext("source"), message.findtext("comment") or "",
               message.get("numerus") == "yes")
        values = known.get(key, [])
        if not values or any(v != values[0] for v in values):
            continue
        if key[2]:
            for child in list(translation):
                translation.remove(child)
            for form in values[0]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = values[0]
        del translation.attrib["type"]
        carried += 1
    write_ts(tree, ts_file)
    return carried


def ts_path(root, language):
    return os.path.join(root, TS_DIR, f"rota_{language}.ts")


def languages(root):
    names = sorted(os.listdir(os.path.join(root, TS_DIR)))
    return [m.group(1) for n in names if (m := re.fullmatch(r"rota_([a-zA-Z_]+)\.ts", n))]


def update(lupdate, root, langs):
    for language in langs or languages(root):
        path = ts_path(root, language)
        if language == "en":
            options = ["-pluralonly", "-source-language", "en", "-target-language", "en"]
            run_lupdate(lupdate, root, path, options)
            fill_english(path)
            run_lupdate(lupdate, root, path, options)  # back in lupdate's own layout
        else:
            run_lupdate(lupdate, root, path, ["-no-obsolete", "-source-language", "en",
                                               "-target-language", language])
        print(f"updated {os.path.relpath(path, root)}")


def problems_in(ts_file):
    """Unfinished messages and translations without a placeholder of their source."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            where = f"{name}: \"{source}\""
            if kind == "unfinished":
                found.append(f"unfinished: {where}")
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")] \
                if message.get("numerus") == "yes" else [translation.text or ""]
            wanted = set(PLACEHOLDER.findall(source)) - {"%n", "%Ln"}
            for form in forms:
                if not form.strip():
                    found.append(f"empty translation: {where}")
                    continue
                missing = sorted(p for p in wanted if p not in form
                                 and p.replace("%L", "%") not in form
                                 and p.replace("%", "%L") not in form)
                # One plural form of a language may spell its number out ("einen Alarm"); a
                # translation with no form naming %n loses the count.
                if missing:
                    found.append(f"placeholder {', '.join(missing)} missing: {where} -> \"{form}\"")
            if "%n" in source and not any("%n" in f or "%Ln" in f for f in forms):
                found.append(f"placeholder %n missing: {where}")
    return found


def check(lupdate, root, ts_files):
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for original in ts_files:
            copy = os.path.join(tmp, os.path.basename(original))
            shutil.copyfile(original, copy)
            language = re.fullmatch(r"rota_(.+)\.ts", os.path.basename(original)).group(1)
            extra = ["-pluralonly"] if language == "en" else ["-no-obsolete"]
            run_lupdate(lupdate, root, copy, extra)
            found = problems_in(copy)
            for line in found:
                print(f"{os.path.basename(original)}: {line}")
            print(f"{os.path.basename(original)}: {len(found)} problem(s)")
            failed = failed or bool(found)
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["update", "pseudo", "check", "sources", "carry"])
    parser.add_argument("languages", nargs="*")
    parser.add_argument("--lupdate", default="/usr/lib/qt6/bin/lupdate")
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--output")
    parser.add_argument("--ts", action="append", default=[])
    parser.add_argument("--from", dest="from_ts", help="carry: the older .ts to take from")
    args = parser.parse_intermixed_args()
    root = os.path.abspath(args.source_dir)
    if args.command == "sources":
        print("\n".join(sources(root)))
    elif args.command == "update":
        update(args.lupdate, root, args.languages)
    elif args.command == "carry":
        for language in args.languages:
            path = ts_path(root, language)
            print(f"{os.path.relpath(path, root)}: {carry(args.from_ts, path)} translation(s) "
                  f"carried from {args.from_ts}")
            run_lupdate(args.lupdate, root, path, ["-no-obsolete"])  # lupdate's own layout
    elif args.command == "pseudo":
        pseudo(args.lupdate, root, args.output)
    elif args.command == "check":
        files = args.ts or [ts_path(root, l) for l in
                            (args.languages or [l for l in languages(root) if l != "en"])]
        return check(args.lupdate, root, files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
