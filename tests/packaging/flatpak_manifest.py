#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
"""Checks packaging/flatpak/invalid.example.rota.yml without building it (no runtime needed).

It must parse as YAML; name the application id that the AppStream metainfo declares; use the KDE
runtime and SDK of a Qt 6 branch; run the `rota` that app/CMakeLists.txt installs; rename a
desktop file and an icon that exist; grant exactly the sandbox permissions docs/PORTING.md
explains (a new one must be added here on purpose); build QtKeychain from an https archive pinned
by a sha256, then Rota from this tree with the tests and benchmarks off, through options the
top-level CMakeLists.txt declares. Where flatpak-builder is installed, its own parser must read
the manifest without an "Unknown property" warning (a misspelt key is dropped silently otherwise).

Usage: flatpak_manifest.py MANIFEST SOURCE_DIR
"""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

try:
    import yaml
except ImportError:
    print("flatpak_manifest: PyYAML is missing (Debian: python3-yaml)", file=sys.stderr)
    sys.exit(1)

EXPECTED_FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--socket=pulseaudio",
    "--talk-name=org.freedesktop.secrets",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.kde.StatusNotifierWatcher",
]

problems = []


def problem(text):
    problems.append(text)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    manifest_path = Path(sys.argv[1]).resolve()
    source = Path(sys.argv[2]).resolve()

    with open(manifest_path, encoding="utf-8") as stream:
        manifest = yaml.safe_load(stream)
    if not isinstance(manifest, dict):
        print("flatpak_manifest: the manifest is not a YAML mapping", file=sys.stderr)
        return 1

    # The application id: the file's name, and the AppStream component id.
    app_id = manifest.get("id")
    metainfo = source / "packaging" / f"{app_id}.metainfo.xml"
    if manifest_path.name != f"{app_id}.yml":
        problem(f"the manifest file is {manifest_path.name}, its id is {app_id!r}")
    if not metainfo.is_file():
        problem(f"no AppStream metainfo for id {app_id!r} ({metainfo} is missing)")
    else:
        component_id = ElementTree.parse(metainfo).getroot().findtext("id")
        if component_id != app_id:
            problem(f"the metainfo's component id is {component_id!r}, the manifest's {app_id!r}")

    if manifest.get("runtime") != "org.kde.Platform" or manifest.get("sdk") != "org.kde.Sdk":
        problem("runtime and sdk must be org.kde.Platform and org.kde.Sdk (they carry Qt 6)")
    if not re.fullmatch(r"6\.\d+", str(manifest.get("runtime-version", ""))):
        problem(f"runtime-version {manifest.get('runtime-version')!r} is not a Qt 6 branch")

    app_cmake = (source / "app" / "CMakeLists.txt").read_text(encoding="utf-8")
    command = manifest.get("command")
    if not re.search(r"install\(TARGETS\s+" + re.escape(str(command)) + r"\b", app_cmake):
        problem(f"command {command!r} is not an executable app/CMakeLists.txt installs")

    desktop = manifest.get("rename-desktop-file")
    if not desktop or not (source / "packaging" / desktop).is_file():
        problem(f"rename-desktop-file {desktop!r} is not a file in packaging/")
    icon = manifest.get("rename-icon")
    if not icon or not (source / "resources" / "icons" / f"{icon}.svg").is_file():
        problem(f"rename-icon {icon!r} is not resources/icons/<name>.svg")

    finish_args = manifest.get("finish-args") or []
    if len(set(finish_args)) != len(finish_args):
        problem("finish-args lists a permission twice")
    granted = set(finish_args)
    for missing in sorted(set(EXPECTED_FINISH_ARGS) - granted):
        problem(f"finish-args lacks {missing}")
    for extra in sorted(granted - set(EXPECTED_FINISH_ARGS)):
        problem(f"finish-args grants {extra}, which Rota is not known to need")

    modules = manifest.get("modules") or []
    names = [module.get("name") for module in modules if isinstance(module, dict)]
    if names != ["qtkeychain", "rota"]:
        problem(f"modules are {names}, expected qtkeychain then rota")
    else:
        check_qtkeychain(modules[0])
        check_rota(modules[1], manifest_path, source)

    check_with_flatpak_builder(manifest_path)

    for text in problems:
        print(f"flatpak_manifest: {text}", file=sys.stderr)
    if problems:
        return 1
    print(f"flatpak_manifest: {manifest_path.name} is consistent with the source tree")
    return 0


def check_qtkeychain(module):
    if module.get("buildsystem") != "cmake-ninja":
        problem("qtkeychain: buildsystem must be cmake-ninja")
    if "-DBUILD_WITH_QT6=ON" not in (module.get("config-opts") or []):
        problem("qtkeychain: -DBUILD_WITH_QT6=ON is missing (it would look for Qt 5)")
    sources = module.get("sources") or []
    if len(sources) != 1 or sources[0].get("type") != "archive":
        problem("qtkeychain: expected one source of type archive")
        return
    url = str(sources[0].get("url", ""))
    if not url.startswith("https://"):
        problem(f"qtkeychain: the archive's url {url!r} is not https")
    if not re.fullmatch(r"[0-9a-f]{64}", str(sources[0].get("sha256", ""))):
        problem("qtkeychain: the archive is not pinned by a sha256 (64 lower-case hex digits)")


def check_rota(module, manifest_path, source):
    if module.get("buildsystem") != "cmake-ninja":
        problem("rota: buildsystem must be cmake-ninja")
    options = module.get("config-opts") or []
    for needed in ("-DROTA_BUILD_TESTS=OFF", "-DROTA_BUILD_BENCH=OFF"):
        if needed not in options:
            problem(f"rota: {needed} is missing from config-opts")
    top_cmake = (source / "CMakeLists.txt").read_text(encoding="utf-8")
    declared = set(re.findall(r"option\((ROTA_\w+)", top_cmake))
    for option in options:
        match = re.match(r"-D(ROTA_\w+)=", option)
        if match and match.group(1) not in declared:
            problem(f"rota: {match.group(1)} is not an option of the top-level CMakeLists.txt")
    sources = module.get("sources") or []
    if len(sources) != 1 or sources[0].get("type") not in ("dir", "git"):
        problem("rota: expected one source of type dir or git")
        return
    if sources[0].get("type") == "dir":
        tree = (manifest_path.parent / str(sources[0].get("path", ""))).resolve()
        if tree != source:
            problem(f"rota: the dir source is {tree}, not the source tree {source}")


def check_with_flatpak_builder(manifest_path):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("flatpak_manifest: flatpak-builder is not installed; its parser was not run")
        return
    run = subprocess.run([builder, "--show-manifest", str(manifest_path)], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        problem(f"flatpak-builder --show-manifest failed: {run.stderr.strip()}")
    for line in run.stderr.splitlines():
        if "Unknown property" in line:
            problem(f"flatpak-builder: {line.strip()}")


if __name__ == "__main__":
    sys.exit(main())
