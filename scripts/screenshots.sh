#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Renders each main view of `rota --demo` under Xvfb into docs/screenshots/<view>.png (and the
# first view also as main-window.png, the README's picture), then the sign-in dialog (its
# connection tested against the demo's simulator) as signin.png and the settings dialog as
# settings.png, and last each main view again with a dark palette (the Fusion style, as a dark
# desktop gives it) into dark/<view>.png. Builds nothing: build `rota` first.
# Usage: scripts/screenshots.sh [BUILD_DIR [OUT_DIR]]    (default: ./build docs/screenshots)
#   SMALL=1 scripts/screenshots.sh build /tmp/small: the smallest window Rota supports at 200%:
#   a 1600x1000 screen with QT_SCALE_FACTOR=2, so the window is 800x500 at twice the pixels.
# To update the pictures of the README, render into a scratch directory, look at them, and copy
# the ones that changed into docs/screenshots.
# Needs xvfb, xauth, dbus (Debian: xvfb xauth dbus-x11) and a font (fonts-dejavu-core).
set -euo pipefail

build_dir=$(realpath -m "${1:-build}")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rota="$build_dir/app/rota"
if [ ! -x "$rota" ]; then
    echo "screenshots.sh: $rota not found; build it first: cmake --build $build_dir --target rota" >&2
    exit 1
fi
for tool in xvfb-run dbus-run-session; do
    if ! command -v "$tool" >/dev/null; then
        echo "screenshots.sh: $tool is missing (Debian: apt-get install xvfb xauth dbus-x11)" >&2
        exit 1
    fi
done

cd "$repo"
out=$(realpath -m "${2:-docs/screenshots}")
mkdir -p "$out"
screen="1280x800x24"
scale=1
if [ "${SMALL:-0}" = 1 ]; then
    screen="1600x1000x24"
    scale=2
fi
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
chmod 700 "$runtime"

# xcb on Xvfb rather than the offscreen platform: the pictures show what a desktop shows, with the
# fonts and the style Rota gets there. The private D-Bus session keeps the desktop's services out.
XDG_RUNTIME_DIR=$runtime QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=$scale \
    timeout 180 xvfb-run -a -s "-screen 0 $screen" \
    dbus-run-session -- "$rota" --demo --screenshot "$out"
